"""The article reader: the clean text, one sentence per row, with the story's summary
sentences, the quotes and the figures highlighted. Space takes a sentence into the story's
summary or out of it; `i` shows what the cleaner removed and where the date came from.
"""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from .session import Session
from .text import clean, safe

QUOTE_STYLE = "italic $secondary"
FIGURE_STYLE = "bold $warning"
MARKS = {"machine": ("● ", "bold $accent"), "included": ("+ ", "bold $success"), "excluded": ("○ ", "$error"), None: ("  ", "")}


def _where(text: str, needle: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    at = text.find(needle, start, len(text) if end is None else end) if needle else -1
    return (at, at + len(needle)) if at >= 0 else None


_NUMBER = re.compile(r"\d[\d,.]*\d|\d")


def _number_of(text: str, figure: str) -> tuple[int, int] | None:
    """Where another source's wording of a figure ("more than 130,000 Russian troops") has its
    number in this article ("more than 130,000 troops"): the number alone is lit."""
    number = _NUMBER.search(figure)
    if number is None:
        return None
    found = re.search(rf"(?<![\d,.]){re.escape(number.group())}(?![\d]|[,.]\d)", text)
    return found.span() if found else None


def _highlights(text: str, story, article_id: str) -> list[tuple[int, int, str]]:
    """Where the story's own quotes and figures from this article sit in its text.

    The reader shows what the engine found (and kept, after merging across sources), not a
    second extraction on the UI thread: a quote or figure the brief does not hold is not lit.
    A figure is looked for in its sentence first, so "60" lights the toll, not a page number.
    """
    if story is None:
        return []
    marks: list[tuple[int, int, str]] = []
    for quote in story.quotes:
        if article_id in (quote.article, *quote.also_in) and (span := _where(text, quote.text)):
            marks.append((*span, QUOTE_STYLE))
    for figure in story.figures:
        if article_id not in (figure.article, *figure.also_in):
            continue
        sentence = _where(text, figure.sentence) if figure.article == article_id else None
        span = _where(text, figure.text, *sentence) if sentence else None
        if span := span or _where(text, figure.text) or _number_of(text, figure.text):
            marks.append((*span, FIGURE_STYLE))
    return marks


def sentence_label(text: str, start: int, end: int, marks: list[tuple[int, int, str]], state: str | None) -> Content:
    piece = text[start:end]
    if clean(piece) != piece:  # the engine strips controls at load; never trust it blindly
        return Content.assemble(MARKS[state], safe(piece))
    body = Content(piece)
    for mark_start, mark_end, style in marks:
        if mark_start < end and mark_end > start:
            body = body.stylize(style, max(mark_start, start) - start, min(mark_end, end) - start)
    if state in ("machine", "included"):
        body = body.stylize_before("on $accent 15%")
    elif state == "excluded":
        body = body.stylize("strike $text-muted")
    return Content.assemble(MARKS[state], body)


def info_content(article) -> Content:
    lines: list = [
        ("Where the date came from", "bold $secondary"),
        "\n",
        f"{article.date.isoformat() if article.date else 'no date'} — source: {article.date_source}",
        "\n",
        ("evidence: ", "$text-muted"),
        safe(article.date_evidence or "(none)"),
        "\n\n",
        ("File", "bold $secondary"),
        "\n",
        safe(article.path),
    ]
    if article.url:
        lines += ["\n", safe(article.url)]
    if article.duplicate_of:
        lines += ["\n", ("duplicate of " + article.duplicate_of, "$warning")]
    lines += ["\n\n", (f"Removed as boilerplate ({len(article.removed)})", "bold $secondary")]
    for item in article.removed:
        lines += ["\n", ("✂ ", "$error"), safe(item)]
    if not article.removed:
        lines += ["\n", ("nothing removed", "$text-muted")]
    return Content.assemble(*lines)


class SentenceList(OptionList):
    BINDINGS = [Binding("space", "screen.toggle_sentence", "In/out of summary")]

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)


class ReaderScreen(Screen):
    """The reader of one article of one story."""

    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("i", "toggle_info", "Removed & date"),
        Binding("q", "close", "Back", show=False),
    ]

    def __init__(self, session: Session, story_id: str, article_id: str, sentence: int | None = None) -> None:
        super().__init__()
        self.session, self.story_id, self.article_id, self.start_at = session, story_id, article_id, sentence
        article = session.articles[article_id]
        self.article = article
        self.marks = _highlights(article.text, session.story(story_id), article_id)
        self.spans = session.spans(article_id)

    def compose(self) -> ComposeResult:
        yield Static(id="reader-head", markup=False)
        yield SentenceList(id="reader-text")
        with VerticalScroll(id="reader-info"):
            yield Static(info_content(self.article), id="reader-info-text", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        article, story = self.article, self.session.story(self.story_id)
        head = Content.assemble(
            safe(article.title or article.path, "bold"),
            "\n",
            safe(" · ".join(filter(None, [article.source, article.date.isoformat() if article.date else "undated",
                                                    f"{article.words} words", "duplicate" if article.duplicate_of else None])), "$text-muted"),
            "\n",
            Content.assemble(("story: ", "$text-muted"), safe(story.headline if story else "")),
            ("   ● summary  ", "$accent"), ("“quote”  ", QUOTE_STYLE), ("figure", FIGURE_STYLE),
        )
        self.query_one("#reader-head", Static).update(head)
        self.query_one("#reader-info").display = False
        self.fill()
        if self.start_at is not None:
            self.goto(self.start_at)
        self.query_one(SentenceList).focus()

    def states(self) -> dict[int, str]:
        story = self.session.story(self.story_id)
        return self.session.summary_indices(story, self.article_id) if story else {}

    def fill(self) -> None:
        text, states = self.article.text, self.states()
        options: list[Option | None] = []
        previous = None
        for index, span in enumerate(self.spans):
            if previous is not None and re.search(r"\n\s*\n", text[previous.end : span.start]):
                options.append(None)
            options.append(Option(sentence_label(text, span.start, span.end, self.marks, states.get(index)), id=f"s{index}"))
            previous = span
        listing = self.query_one(SentenceList)
        position = listing.highlighted
        listing.set_options(options)
        if position is not None:
            listing.highlighted = position
        elif self.spans:
            listing.highlighted = 0

    def goto(self, index: int) -> None:
        listing = self.query_one(SentenceList)
        try:
            listing.highlighted = listing.get_option_index(f"s{index}")
        except Exception:
            return
        listing.scroll_to_highlight(top=True)

    @property
    def current_index(self) -> int | None:
        option = self.query_one(SentenceList).highlighted_option
        return int(option.id[1:]) if option and option.id else None

    def action_toggle_sentence(self) -> None:
        index = self.current_index
        if index is None:
            return
        in_summary = self.states().get(index) in ("machine", "included")
        self.app.toggle_sentence(self.story_id, self.article_id, index, in_summary)
        self.refresh_states()

    def refresh_states(self) -> None:
        text, states = self.article.text, self.states()
        listing = self.query_one(SentenceList)
        for index, span in enumerate(self.spans):
            listing.replace_option_prompt(f"s{index}", sentence_label(text, span.start, span.end, self.marks, states.get(index)))

    def action_toggle_info(self) -> None:
        info = self.query_one("#reader-info")
        info.display = not info.display

    def action_close(self) -> None:
        self.dismiss()
