"""An editor's corrections to the machine's brief, saved as they are made.

The brief is computed; the editor's judgement is stored beside it and applied on top, so
re-running the engine never loses a correction and `briefing export` prints exactly what the
TUI previews. State lives in the user data folder (never in the corpus), one JSON file per
corpus folder, written atomically under a file lock. A file we cannot read — corrupt, or
written by a newer briefing — is moved aside with a message, never silently dropped. When two
instances edit one corpus, the last save wins and says so.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from .atomic import write_atomic

VERSION = 1


def state_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("briefing")) / "curation"


def corpus_key(root: str | Path) -> str:
    return hashlib.sha256(str(Path(root).resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]


@dataclass
class StoryEdits:
    """What the editor changed in one story (keyed by story id)."""

    headline: str | None = None
    dropped: bool = False
    excluded: list[tuple[str, int]] = field(default_factory=list)  # (article id, sentence index)
    included: list[tuple[str, int]] = field(default_factory=list)
    pinned_quotes: list[tuple[str, str]] = field(default_factory=list)  # (article id, quote text)
    dropped_quotes: list[tuple[str, str]] = field(default_factory=list)
    pinned_figures: list[tuple[str, str]] = field(default_factory=list)  # (article id, figure text)
    dropped_figures: list[tuple[str, str]] = field(default_factory=list)

    def is_empty(self) -> bool:
        return self == StoryEdits()


@dataclass
class Curation:
    """All edits for one corpus."""

    stories: dict[str, StoryEdits] = field(default_factory=dict)
    order: dict[str, list[str]] = field(default_factory=dict)  # day (ISO or "undated") → story ids
    moves: dict[str, str] = field(default_factory=dict)  # article id → an article of the target story
    revision: int = 0

    def edits(self, story_id: str) -> StoryEdits:
        return self.stories.setdefault(story_id, StoryEdits())

    # ------------------------------------------------------------ actions
    def toggle_sentence(self, story_id: str, article: str, index: int, in_summary: bool) -> None:
        """Exclude a summary sentence, or bring it (back) in."""
        edits, key = self.edits(story_id), (article, index)
        if in_summary:
            _remove(edits.included, key)
            _add(edits.excluded, key)
        else:
            _remove(edits.excluded, key)
            _add(edits.included, key)

    def set_headline(self, story_id: str, headline: str | None) -> None:
        self.edits(story_id).headline = " ".join(headline.split()) if headline and headline.strip() else None

    def toggle_story(self, story_id: str) -> None:
        edits = self.edits(story_id)
        edits.dropped = not edits.dropped

    def _cycle(self, pinned: list, dropped: list, key: tuple) -> str:
        """normal → pinned → dropped → normal."""
        if key in pinned:
            _remove(pinned, key)
            _add(dropped, key)
            return "dropped"
        if key in dropped:
            _remove(dropped, key)
            return "normal"
        _add(pinned, key)
        return "pinned"

    def cycle_quote(self, story_id: str, article: str, text: str) -> str:
        edits = self.edits(story_id)
        return self._cycle(edits.pinned_quotes, edits.dropped_quotes, (article, text))

    def cycle_figure(self, story_id: str, article: str, text: str) -> str:
        edits = self.edits(story_id)
        return self._cycle(edits.pinned_figures, edits.dropped_figures, (article, text))

    def move_story(self, day_key: str, current: list[str], story_id: str, offset: int) -> None:
        order = list(self.order.get(day_key) or current)
        for sid in current:
            if sid not in order:
                order.append(sid)
        index = order.index(story_id)
        target = max(0, min(len(order) - 1, index + offset))
        order.insert(target, order.pop(index))
        self.order[day_key] = order

    def move_article(self, article_id: str, anchor_article: str | None) -> None:
        """Put an article into the story that holds `anchor_article` (None: back where it was)."""
        if anchor_article is None or anchor_article == article_id:
            self.moves.pop(article_id, None)
        else:
            self.moves[article_id] = anchor_article


def _add(items: list, key) -> None:
    if key not in items:
        items.append(key)


def _remove(items: list, key) -> None:
    while key in items:
        items.remove(key)


# ---------------------------------------------------------------- (de)serialisation


def to_json(curation: Curation) -> dict:
    return {
        "version": VERSION,
        "revision": curation.revision,
        "stories": {
            sid: {name: (list(map(list, value)) if isinstance(value, list) else value) for name, value in vars(edits).items()}
            for sid, edits in sorted(curation.stories.items())
            if not edits.is_empty()
        },
        "order": curation.order,
        "moves": curation.moves,
    }


def from_json(data: dict) -> Curation:
    if not isinstance(data, dict) or not isinstance(data.get("version"), int):
        raise ValueError("not a curation file")
    if data["version"] > VERSION:
        raise NewerVersion(f"written by a newer briefing (state version {data['version']} > {VERSION})")
    stories = {}
    for sid, raw in (data.get("stories") or {}).items():
        values = {}
        for name, default in vars(StoryEdits()).items():
            value = raw.get(name, default)
            values[name] = [tuple(item) for item in value] if isinstance(default, list) else value
        stories[sid] = StoryEdits(**values)
    return Curation(stories, dict(data.get("order") or {}), dict(data.get("moves") or {}), int(data.get("revision") or 0))


class NewerVersion(ValueError):
    pass


# ---------------------------------------------------------------- the store


class CurationStore:
    """Load and save one corpus's curation, safely."""

    def __init__(self, root: str | Path, directory: Path | None = None, warn=None):
        self.directory = directory or state_dir()
        self.path = self.directory / f"{corpus_key(root)}.json"
        self.root = str(Path(root).resolve())
        self.warn = warn or (lambda message: print(f"briefing: {message}", file=sys.stderr))
        self.loaded_revision = 0

    @contextmanager
    def _locked(self):
        self.directory.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_suffix(".lock"), "a+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _read(self) -> Curation:
        if not self.path.exists():
            return Curation()
        try:
            return from_json(json.loads(self.path.read_text(encoding="utf-8")))
        except NewerVersion as error:
            self._set_aside("newer", str(error))
        except (ValueError, TypeError, KeyError, AttributeError, UnicodeDecodeError, OSError) as error:
            self._set_aside("corrupt", f"unreadable ({type(error).__name__}: {error})")
        return Curation()

    def _set_aside(self, label: str, why: str) -> None:
        aside = self.path.with_name(f"{self.path.stem}.{label}-{time.strftime('%Y%m%d-%H%M%S')}.json")
        try:
            os.replace(self.path, aside)
            self.warn(f"curation state {why}; kept aside as {aside}, starting afresh")
        except OSError as error:
            self.warn(f"curation state {why}; could not move it aside ({error})")

    def load(self) -> Curation:
        with self._locked():
            curation = self._read()
        self.loaded_revision = curation.revision
        return curation

    def save(self, curation: Curation) -> None:
        with self._locked():
            on_disk = self._current_revision()
            if on_disk > self.loaded_revision:
                self.warn("another briefing saved edits to this corpus since it was opened; keeping the latest save (this one)")
            curation.revision = max(on_disk, curation.revision) + 1
            document = to_json(curation) | {"corpus": self.root, "saved_at": time.strftime("%Y-%m-%dT%H:%M:%S")}
            write_atomic(self.path, json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
            self.loaded_revision = curation.revision

    def _current_revision(self) -> int:
        try:
            return int(json.loads(self.path.read_text(encoding="utf-8")).get("revision") or 0)
        except (OSError, ValueError, AttributeError, TypeError):
            return 0


# ---------------------------------------------------------------- applying


def apply_moves(groups: list, moves: dict[str, str]) -> list:
    """Regroup: each moved article (with its duplicates) joins the group holding its anchor."""
    if not moves:
        return groups
    from .stories import story_id

    where = {aid: g for g in groups for aid in g.article_ids}
    for article_id, anchor in sorted(moves.items()):
        source, target = where.get(article_id), where.get(anchor)
        if source is None or target is None or source is target or source.day != target.day:
            continue
        source.article_ids.remove(article_id)
        if article_id in source.originals:
            source.originals.remove(article_id)
            target.originals.append(article_id)
        target.article_ids.append(article_id)
        where[article_id] = target
    kept = [g for g in groups if g.originals]
    for group in kept:
        group.id = story_id(group.day, group.article_ids)
    return kept


def apply_curation(brief, curation: Curation):
    """A new Brief with the editor's changes: headlines, summaries, quotes, figures, order, drops."""
    from .brief import Brief, Day, SummaryLine
    from .sentences import split_sentences

    articles = brief.articles
    sentences_of: dict[str, list[str]] = {}

    def sentence(article: str, index: int) -> str | None:
        if article not in sentences_of:
            sentences_of[article] = split_sentences(articles[article].text) if article in articles else []
        found = sentences_of[article]
        return found[index] if 0 <= index < len(found) else None

    def curate(story):
        edits = curation.stories.get(story.id)
        if edits is None or edits.is_empty():
            return story
        if edits.dropped:
            return None
        lines = [line for line in story.summary if (line.article, line.index) not in edits.excluded]
        present = {(line.article, line.index) for line in lines}
        for article, index in edits.included:
            text = sentence(article, index)
            if text is not None and (article, index) not in present and article in story.articles:
                lines.append(SummaryLine(text, article, index))
        position = {aid: n for n, aid in enumerate(story.articles)}
        lines.sort(key=lambda line: (position.get(line.article, len(position)), line.index))
        quotes = _pinned_first(story.quotes, edits.pinned_quotes, edits.dropped_quotes)
        figures = _pinned_first(story.figures, edits.pinned_figures, edits.dropped_figures)
        return replace(story, headline=edits.headline or story.headline, summary=lines, quotes=quotes, figures=figures)

    def ordered(day_key: str, stories: list) -> list:
        curated = [s for s in (curate(story) for story in stories) if s is not None]
        order = curation.order.get(day_key)
        if not order:
            return curated
        rank = {sid: n for n, sid in enumerate(order)}
        return sorted(curated, key=lambda s: (rank.get(s.id, len(rank)), curated.index(s)))

    days = [Day(day.date, ordered(day.date.isoformat(), day.stories)) for day in brief.days]
    return Brief(brief.corpus, [d for d in days if d.stories], ordered("undated", brief.undated), brief.settings)


def _pinned_first(items: list, pinned: list, dropped: list) -> list:
    key = lambda item: (item.article, item.text)  # noqa: E731
    kept = [item for item in items if key(item) not in dropped]
    return [item for item in kept if key(item) in pinned] + [item for item in kept if key(item) not in pinned]
