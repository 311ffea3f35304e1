"""One story: its summary, key figures, quotes and sources, each row with the editor's state.

Keys on a row: space toggles it (a summary sentence in or out; a quote or a figure cycles
normal → pinned → dropped), enter opens the article it comes from in the reader, m moves
the row's article to another story of the day.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from .clicks import ClickSelects
from ..brief.build import FigureLine, QuoteLine, Story
from .session import ItemRow, Session, SummaryRow
from .highlight import mark_matches
from .text import safe

STATE_MARK = {"pinned": ("▲ ", "$success"), "dropped": ("✗ ", "$error"), "normal": ("· ", "$text-muted")}


@dataclass
class Row:
    kind: str  # "summary", "figure", "quote", "source"
    article: str
    item: SummaryRow | ItemRow | None = None


def heading(text: str, note: str = "") -> Option:
    return Option(Content.assemble("\n", (text, "bold $secondary"), (f"   {note}" if note else "", "$text-muted")), disabled=True)


def summary_label(row: SummaryRow) -> Content:
    text = safe(row.text)
    if row.state == "excluded":
        return Content.assemble(("○ ", "$error"), text.stylize("strike $text-muted"))
    if row.state == "included":
        return Content.assemble(("+ ", "bold $success"), text)
    return Content.assemble(("● ", "$accent"), text)


def figure_label(row: ItemRow) -> Content:
    line: FigureLine = row.line  # type: ignore[assignment]
    mark = STATE_MARK[row.state]
    text = safe(line.text, "bold")
    parts: list = [mark, text.stylize("strike $text-muted") if row.state == "dropped" else text]
    if line.label and line.label.lower() not in line.text.lower():
        parts += ["  ", safe(line.label, "$text-muted")]
    if line.conflicts:
        parts += ["  ", safe("sources disagree: also " + ", ".join(line.conflicts), "$warning")]
    if not row.in_brief and row.state != "dropped":
        parts += [("  (not in brief)", "italic $text-muted")]
    return Content.assemble(*parts)


def quote_label(row: ItemRow) -> Content:
    line: QuoteLine = row.line  # type: ignore[assignment]
    mark = STATE_MARK[row.state]
    text = safe("“" + line.text + "”")
    parts: list = [mark, text.stylize("strike $text-muted") if row.state == "dropped" else text.stylize("italic")]
    parts += ["  ", safe("— " + (line.speaker or "unattributed"), "$secondary")]
    if line.fragment:
        parts += [("  (fragment)", "$text-muted")]
    elif not row.in_brief and row.state != "dropped":
        parts += [("  (not in brief)", "italic $text-muted")]
    return Content.assemble(*parts)


def source_label(session: Session, article_id: str) -> Content:
    article = session.articles.get(article_id)
    if article is None:
        return safe(article_id)
    title = mark_matches(safe(article.title or article.path), session.query)
    if session.article_matches(article_id) and title.plain.lower().find(session.query) < 0:
        title = title.stylize("underline")  # the match is in the text, not the title
    meta = " · ".join(filter(None, [article.source, article.date.isoformat() if article.date else "undated", f"{article.words} words"]))
    parts: list = [("▸ ", "$primary"), title, "\n  ", safe(meta, "$text-muted")]
    if article.duplicate_of:
        parts += ["  ", ("duplicate", "$warning")]
    return Content.assemble(*parts)


class StoryRows(ClickSelects, OptionList):
    BINDINGS = [
        Binding("space", "app.toggle_item", "Toggle"),
        Binding("m", "app.move_article", "Move article"),
        Binding("left", "app.back", "Stories", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)
        self.rows: dict[str, Row] = {}

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.app.action_open_reader()


class StoryView(Vertical):
    """The story of the selected story id; empty while there is none."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.story_id: str | None = None
        self.border_title = "Story"

    def compose(self) -> ComposeResult:
        yield Static(id="story-head", markup=False)
        yield StoryRows(id="story-rows")

    @property
    def rows(self) -> StoryRows:
        return self.query_one(StoryRows)

    def current(self) -> Row | None:
        rows = self.rows
        option = rows.highlighted_option
        return rows.rows.get(option.id) if option and option.id else None

    def select(self, kind: str, article: str, text: str) -> None:
        """Put the cursor back on an item that moved (a pinned quote goes first)."""
        rows = self.rows
        for index, option in enumerate(rows.options):
            row = rows.rows.get(option.id) if option.id else None
            if row and row.kind == kind and row.article == article and row.item is not None:
                item_text = row.item.text if kind == "summary" else row.item.line.text
                if item_text == text:
                    rows.highlighted = index
                    return

    def clear(self, message: str = "") -> None:
        self.story_id = None
        self.query_one("#story-head", Static).update(Content.styled(message, "$text-muted"))
        self.rows.rows = {}
        self.rows.clear_options()

    def show(self, session: Session, story: Story, keep: bool = True) -> None:
        rows = self.rows
        position = rows.highlighted if keep and story.id == self.story_id else None
        self.story_id = story.id
        edits = session.edits(story.id)
        head = mark_matches(safe(story.headline, "bold strike $text-muted" if edits.dropped else "bold"), session.query)
        sources, duplicates = session.sources(story), session.duplicates(story)
        meta = f"{story.day.isoformat() if story.day else 'undated'} · {sources} source{'s' if sources != 1 else ''}"
        meta += f" · {len(story.articles)} article{'s' if len(story.articles) != 1 else ''}"
        if duplicates:
            meta += f" ({duplicates} duplicate{'s' if duplicates != 1 else ''})"
        notes = []
        if edits.headline:
            notes.append(("  headline edited", "$accent"))
        if edits.dropped:
            notes.append(("  DROPPED from the brief (d restores)", "bold $error"))
        self.query_one("#story-head", Static).update(Content.assemble(head, "\n", (meta, "$text-muted"), *notes))
        options: list[Option | None] = []
        table: dict[str, Row] = {}

        def add(kind: str, article: str, label: Content, item=None) -> None:
            key = f"{kind[0]}{len(table)}"
            table[key] = Row(kind, article, item)
            options.append(Option(label, id=key))

        summary = session.summary_rows(story)
        options.append(heading("SUMMARY", "space: in/out · enter: read the article and pull in other sentences"))
        for row in summary:
            add("summary", row.article, summary_label(row), row)
        figures = session.figure_rows(story)
        if figures:
            options.append(heading("KEY FIGURES", "space: pin / drop / normal"))
            for row in figures:  # type: ignore[assignment]
                add("figure", row.line.article, figure_label(row), row)  # type: ignore[arg-type]
        quotes = session.quote_rows(story)
        if quotes:
            options.append(heading("QUOTES", "space: pin / drop / normal"))
            for row in quotes:  # type: ignore[assignment]
                add("quote", row.line.article, quote_label(row), row)  # type: ignore[arg-type]
        options.append(heading("SOURCES", "enter: read · m: move to another story"))
        for article_id in story.articles:
            add("source", article_id, source_label(session, article_id))
        rows.rows = table
        rows.set_options(options)
        if position is not None and position < len(options):
            rows.highlighted = position
        else:
            rows.action_first()
