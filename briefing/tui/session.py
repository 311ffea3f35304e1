"""What the editor's desk shows, computed from the engine's Brief and the saved Curation.

Plain Python, no Textual: the widgets only read a `Session`. Two views of one brief:

- the *desk* view keeps every story, even dropped ones (so they can be restored), and shows
  every summary sentence, quote and figure with its state (so an exclusion or a drop can be
  undone); it applies headlines and the story order;
- the *curated* view is exactly what `briefing export` prints: `apply_curation` on the brief.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from ..brief.build import Brief, Day, FigureLine, QuoteLine, Story, brief_to_dict
from ..brief.curation import Curation, CurationStore, StoryEdits, apply_curation, follow
from ..output.markdown import render_markdown
from ..output.present import shown_figures, shown_quotes
from ..core.model import Article, Corpus
from ..text.sentences import Span, sentence_spans

UNDATED = "undated"


def day_key(date: dt.date | None) -> str:
    return date.isoformat() if date else UNDATED


@dataclass
class DayRow:
    key: str
    date: dt.date | None
    stories: int  # stories kept (not dropped)
    articles: int  # articles in the kept stories, duplicates included
    matches: int | None = None  # stories matching the filter, when one is set


@dataclass
class SummaryRow:
    text: str
    article: str
    index: int
    state: str  # "machine" (picked by the summariser), "included" (added by the editor), "excluded"

    @property
    def in_summary(self) -> bool:
        return self.state != "excluded"


@dataclass
class ItemRow:
    """A quote or a figure of a story with the editor's state and whether the brief shows it."""

    line: QuoteLine | FigureLine
    state: str  # "pinned", "dropped", "normal"
    in_brief: bool


class Session:
    """The loaded corpus, its brief, and the editor's curation, saved on every change."""

    def __init__(self, corpus: Corpus, brief: Brief, curation: Curation, store: CurationStore | None):
        self.corpus = corpus
        self.curation = curation
        self.store = store
        self.articles: dict[str, Article] = {a.id: a for a in corpus.articles}
        self._spans: dict[str, list[Span]] = {}
        self._lower: dict[str, str] = {}
        self.query = ""
        self.set_brief(brief)

    # ------------------------------------------------------------ brief and desk view
    def set_brief(self, brief: Brief) -> None:
        if brief.corpus is not self.corpus:  # rebuilt elsewhere (in the engine process)
            self.corpus = brief.corpus
            self.articles = {a.id: a for a in brief.corpus.articles}
            self._spans.clear()
            self._lower.clear()
        self.brief = brief
        self.settings = brief.settings
        self._raw: dict[str, Story] = {s.id: s for s in brief.stories()}
        self.refresh()

    def refresh(self) -> None:
        """Recompute the desk view after a change of the curation."""
        self.followed = follow(self.curation, list(self.brief.stories()), set(self.articles))
        if self.followed and self.store is not None:
            self.store.save(self.curation)  # the edits' new story ids, so export finds them too
        soft = Curation(
            {sid: replace(e, dropped=False, dropped_quotes=[], dropped_figures=[]) for sid, e in self.curation.stories.items()},
            self.curation.order,
            self.curation.moves,
            self.curation.revision,
            dict(self.curation.anchors),
        )
        desk = apply_curation(self.brief, soft)
        self._days: dict[str, list[Story]] = {day_key(d.date): d.stories for d in desk.days}
        if desk.undated:
            self._days[UNDATED] = desk.undated

    def day_keys(self) -> list[str]:
        return list(self._days)

    def day_rows(self) -> list[DayRow]:
        rows = []
        for key, stories in self._days.items():
            kept = [s for s in stories if not self.is_dropped(s.id)]
            row = DayRow(key, None if key == UNDATED else dt.date.fromisoformat(key), len(kept), sum(len(s.articles) for s in kept))
            if self.query:
                row.matches = sum(1 for s in stories if self.matches(s))
            rows.append(row)
        return rows

    def stories(self, key: str, filtered: bool = True) -> list[Story]:
        stories = self._days.get(key, [])
        if filtered and self.query:
            return [s for s in stories if self.matches(s)]
        return list(stories)

    def story(self, story_id: str) -> Story | None:
        """The desk view of a story: the editor's headline, the machine's content."""
        raw = self._raw.get(story_id)
        if raw is None:
            return None
        edits = self.curation.stories.get(story_id)
        return replace(raw, headline=edits.headline) if edits and edits.headline else raw

    def day_of(self, story_id: str) -> str | None:
        for key, stories in self._days.items():
            if any(s.id == story_id for s in stories):
                return key
        return None

    def edits(self, story_id: str) -> StoryEdits:
        return self.curation.stories.get(story_id) or StoryEdits()

    def is_dropped(self, story_id: str) -> bool:
        return self.edits(story_id).dropped

    def sources(self, story: Story) -> int:
        return len({(self.articles[a].source or self.articles[a].path).lower() for a in story.articles if a in self.articles})

    def duplicates(self, story: Story) -> int:
        return sum(1 for a in story.articles if a in self.articles and self.articles[a].duplicate_of)

    # ------------------------------------------------------------ sentences
    def spans(self, article_id: str) -> list[Span]:
        if article_id not in self._spans:
            article = self.articles.get(article_id)
            self._spans[article_id] = sentence_spans(article.text) if article else []
        return self._spans[article_id]

    def sentence(self, article_id: str, index: int) -> str | None:
        spans = self.spans(article_id)
        return spans[index].text if 0 <= index < len(spans) else None

    def summary_rows(self, story: Story) -> list[SummaryRow]:
        """The machine's summary and the editor's additions, in reading order, each with its state."""
        edits = self.edits(story.id)
        rows = {
            (line.article, line.index): SummaryRow(line.text, line.article, line.index, "excluded" if (line.article, line.index) in edits.excluded else "machine")
            for line in story.summary
        }
        for article, index in edits.included:
            text = self.sentence(article, index)
            if text is not None and (article, index) not in rows and article in story.articles:
                rows[(article, index)] = SummaryRow(text, article, index, "included")
        position = {aid: n for n, aid in enumerate(story.articles)}
        return sorted(rows.values(), key=lambda r: (position.get(r.article, len(position)), r.index))

    def summary_indices(self, story: Story, article_id: str) -> dict[int, str]:
        """Sentence index → state, for one article of the story (for the reader)."""
        return {row.index: row.state for row in self.summary_rows(story) if row.article == article_id}

    # ------------------------------------------------------------ quotes and figures
    def _items(self, story: Story, lines: list, pinned: list, dropped: list, shown) -> list[ItemRow]:
        key = lambda line: (line.article, line.text)  # noqa: E731
        ordered = [line for line in lines if key(line) in pinned] + [line for line in lines if key(line) not in pinned]
        kept = [line for line in ordered if key(line) not in dropped]
        visible = {id(line) for line in shown(kept)}
        return [
            ItemRow(line, "pinned" if key(line) in pinned else "dropped" if key(line) in dropped else "normal", id(line) in visible)
            for line in ordered
        ]

    def quote_rows(self, story: Story) -> list[ItemRow]:
        edits, settings = self.edits(story.id), self.settings

        return self._items(story, story.quotes, edits.pinned_quotes, edits.dropped_quotes, lambda kept: shown_quotes(kept, settings))

    def figure_rows(self, story: Story) -> list[ItemRow]:
        edits, settings = self.edits(story.id), self.settings
        return self._items(story, story.figures, edits.pinned_figures, edits.dropped_figures, lambda kept: shown_figures(kept, settings))

    # ------------------------------------------------------------ filter
    def set_query(self, query: str) -> None:
        self.query = " ".join(query.lower().split())

    def _text_of(self, article_id: str) -> str:
        if article_id not in self._lower:
            a = self.articles.get(article_id)
            self._lower[article_id] = " ".join(filter(None, [a.title, a.source, a.path, a.text])).lower() if a else ""
        return self._lower[article_id]

    def article_matches(self, article_id: str) -> bool:
        return bool(self.query) and self.query in self._text_of(article_id)

    def matches(self, story: Story) -> bool:
        if not self.query:
            return True
        return self.query in story.headline.lower() or any(self.article_matches(a) for a in story.articles)

    # ------------------------------------------------------------ saving and exporting
    def save(self) -> None:
        if self.store is not None:
            # what each edited story holds now: its edits can follow it when copy joins or leaves
            self.curation.anchors.update({sid: list(self._raw[sid].articles) for sid in self.curation.stories if sid in self._raw})
            self.store.save(self.curation)
        self.refresh()

    def curated_day(self, key: str) -> Brief:
        """The brief of one day as `briefing export --date DAY` prints it (after curation)."""
        if key == UNDATED:
            part = Brief(self.corpus, [], list(self.brief.undated), self.settings)
        else:
            part = Brief(self.corpus, [d for d in self.brief.days if d.date.isoformat() == key], [], self.settings)
        return apply_curation(part, self.curation)

    def markdown(self, key: str) -> str:
        day = None if key == UNDATED else dt.date.fromisoformat(key)
        return render_markdown(self.curated_day(key), day, day)

    def json_document(self, key: str) -> dict:
        return brief_to_dict(self.curated_day(key))


__all__ = ["Session", "DayRow", "SummaryRow", "ItemRow", "UNDATED", "day_key", "Day"]
