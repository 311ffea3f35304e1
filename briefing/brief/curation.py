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

from ..core.atomic import write_atomic
from .build import Brief, Day, SummaryLine
from ..text.sentences import split_sentences
from ..analyse.stories.moves import apply_moves  # noqa: F401  (re-exported: moves are applied where stories are grouped)

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
    # story id → its articles when the edits were last applied: what the editor curated, so the
    # edits can follow the story when copy joins or leaves and its id changes (see `follow`)
    anchors: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list, compare=False)  # what `follow` moved, to tell
    orphans: list[str] = field(default_factory=list, compare=False)  # edited ids matching no story

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

    def reapply(self, story_ids: list[str], target: str) -> int:
        """Merge the edits of `story_ids` into `target`'s (its own headline and drop win); the
        old entries go. Returns how many were merged."""
        edits, count = self.edits(target), 0
        for sid in story_ids:
            old = self.stories.pop(sid, None)
            self.anchors.pop(sid, None)
            if old is None or sid == target:
                continue
            count += 1
            edits.headline = edits.headline or old.headline
            edits.dropped = edits.dropped or old.dropped
            for name in _PAIR_TYPES:
                for key in getattr(old, name):
                    _add(getattr(edits, name), key)
        return count

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
        "anchors": {
            sid: list(members) for sid, members in sorted(curation.anchors.items())
            if sid in curation.stories and not curation.stories[sid].is_empty()
        },
    }


_PAIR_TYPES = {
    "excluded": (str, int), "included": (str, int),
    "pinned_quotes": (str, str), "dropped_quotes": (str, str),
    "pinned_figures": (str, str), "dropped_figures": (str, str),
}


def _exact(value, kind) -> bool:
    """isinstance without bool passing for int (True is an int to Python, not to us)."""
    return isinstance(value, kind) and not (kind is int and isinstance(value, bool))


def _story_edits(sid: str, raw) -> StoryEdits:
    """One story's edits, every field checked by type: a wrong one is an error, never a guess
    (`"dropped": "no"` is truthy and silently dropped the story)."""
    if not isinstance(raw, dict):
        raise ValueError(f"story {sid!r}: not an object")
    values = {}
    for name, default in vars(StoryEdits()).items():
        value = raw.get(name, default)
        if name == "headline":
            if value is not None and not isinstance(value, str):
                raise ValueError(f"story {sid!r}: headline is not text")
        elif name == "dropped":
            if not isinstance(value, bool):
                raise ValueError(f"story {sid!r}: dropped is not true or false")
        else:
            types = _PAIR_TYPES[name]
            if not isinstance(value, list) or not all(
                isinstance(item, list) and len(item) == 2 and all(map(_exact, item, types)) for item in value
            ):
                raise ValueError(f"story {sid!r}: {name} is not a list of [{', '.join(t.__name__ for t in types)}] pairs")
            value = [tuple(item) for item in value]
        values[name] = value
    return StoryEdits(**values)


def _string_map(data: dict, key: str, values) -> dict:
    found = data.get(key)
    found = {} if found is None else found
    if not isinstance(found, dict) or not all(isinstance(k, str) and values(v) for k, v in found.items()):
        raise ValueError(f"{key} has values of the wrong type")
    return dict(found)


def from_json(data: dict) -> Curation:
    if not isinstance(data, dict) or not _exact(data.get("version"), int):
        raise ValueError("not a curation file")
    if data["version"] > VERSION:
        raise NewerVersion(f"written by a newer briefing (state version {data['version']} > {VERSION})")
    revision = data.get("revision", 0)
    if not _exact(revision, int) or revision < 0:
        raise ValueError("revision is not a whole number")
    raw_stories = data.get("stories")
    raw_stories = {} if raw_stories is None else raw_stories
    if not isinstance(raw_stories, dict):
        raise ValueError("stories is not an object")
    stories = {sid: _story_edits(sid, raw) for sid, raw in raw_stories.items()}
    order = _string_map(data, "order", lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v))
    moves = _string_map(data, "moves", lambda v: isinstance(v, str))
    curation = Curation(stories, order, moves, revision)
    curation.anchors = _anchors(data)
    return curation


def _anchors(data: dict) -> dict[str, list[str]]:
    return _string_map(data, "anchors", lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v))


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
    def _locked(self, reading: bool = False):
        """The store's lock; a reader in a folder it cannot write (no lock file yet, read-only)
        reads unlocked: it never writes, and `--raw` worked there while `export` failed."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            lock = open(self.path.with_suffix(".lock"), "a+")
        except OSError:
            if not reading:
                raise
            yield
            return
        with lock:
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
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.stem}.{label}-{stamp}.json")
        number = 1
        while aside.exists():  # never replace a file kept aside earlier in the same second
            number += 1
            aside = self.path.with_name(f"{self.path.stem}.{label}-{stamp}-{number}.json")
        try:
            os.replace(self.path, aside)
            self.warn(f"curation state {self.path} {why}; kept aside as {aside}, starting afresh")
        except OSError as error:
            self.warn(f"curation state {self.path} {why}; could not move it aside ({error}), ignoring it for this run")

    def load(self) -> Curation:
        with self._locked(reading=True):
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
        """The revision on disk, read as `load` reads it: a file that became unreadable or was
        written by a newer briefing since we loaded is kept aside (with a message), never
        overwritten."""
        return self._read().revision


# ---------------------------------------------------------------- applying


def follow(curation: Curation, stories: list, known: set[str] | None = None) -> list[str]:
    """Keep each story's edits on the story that holds most of the articles they were made on.

    A story's id is made from its day and its anchor article (`stories.ids`), so copy joining
    or leaving keeps it and the edits stay without moving. The id changes, or stays with the
    smaller part, only when the story splits or merges: each edited story remembers its
    articles (`anchors`), and its edits go to the story sharing most of those articles — on a
    split the larger part (the desk and stderr say it split), on a merge the edits that share
    most with the merged story (the others are kept under their old id and listed in
    `orphans`, to re-apply by hand). Returns what moved or split, in words; the curation is
    changed in place. Edits none of whose articles are in the corpus any more are orphans as
    well; edits of stories outside a date range are left alone.
    """
    present = {s.id: s for s in stories}
    member_of = {aid: s.id for s in stories for aid in s.articles}
    edited = {sid for sid, e in curation.stories.items() if not e.is_empty()}
    claims: list[tuple[str, list[str], dict[str, int], str | None, int]] = []
    for sid in sorted(edited):
        anchor = curation.anchors.get(sid) or []
        overlap: dict[str, int] = {}
        for aid in anchor:
            if aid in member_of:
                overlap[member_of[aid]] = overlap.get(member_of[aid], 0) + 1
        if sid in present and not overlap:
            overlap = {sid: len(present[sid].articles)}  # no articles remembered: it stays
        if not overlap:
            if sid not in present and anchor and known is not None and not any(aid in known for aid in anchor):
                claims.append((sid, anchor, overlap, None, 0))  # its articles are gone: an orphan
            continue
        ranked = sorted(overlap.items(), key=lambda item: (-item[1], item[0] != sid, item[0]))
        claims.append((sid, anchor, overlap, ranked[0][0], ranked[0][1]))
    claims.sort(key=lambda c: (-c[4], c[3] != c[0], c[0]))
    taken: set[str] = set()
    moves, notes, orphans = {}, [], []
    for sid, anchor, overlap, target, _ in claims:
        if target is not None and target not in taken:
            taken.add(target)
        elif sid in present and sid not in taken:
            target = sid
            taken.add(sid)
        else:
            orphans.append(sid)  # merged into a story whose own edits won, or its articles are gone
            continue
        moves[sid] = target
        split = len(overlap) > 1
        if target != sid or split:
            headline = curation.stories[sid].headline
            notes.append(_moved(present[target], headline, anchor, split))
    _rename_all(curation, {sid: target for sid, target in moves.items() if sid != target}, orphans)
    curation.anchors.update({s.id: list(s.articles) for s in stories if s.id in curation.stories})
    curation.notes, curation.orphans = notes, orphans
    return notes


def _rename_all(curation: Curation, renames: dict[str, str], orphans: list[str]) -> None:
    """Apply renames at once (a → b while b → c); an orphan whose key a moved story takes
    is kept under `<id>~orphan`."""
    if not renames:
        return
    moving = {old: (curation.stories.pop(old), curation.anchors.pop(old, None)) for old in renames}
    for n, sid in enumerate(orphans):
        if sid in renames.values() and sid in curation.stories:
            kept = f"{sid}~orphan"
            curation.stories[kept] = curation.stories.pop(sid)
            if sid in curation.anchors:
                curation.anchors[kept] = curation.anchors.pop(sid)
            orphans[n] = kept
    for old, new in renames.items():
        curation.stories[new], anchor = moving[old]
        if anchor is not None:
            curation.anchors[new] = anchor
    for day, ids in curation.order.items():
        renamed = [renames.get(sid, sid) for sid in ids]
        curation.order[day] = [sid for n, sid in enumerate(renamed) if sid not in renamed[:n]]


def _moved(story, headline: str | None, anchor: list[str], split: bool) -> str:
    joined = len(set(story.articles) - set(anchor))
    left = len(set(anchor) - set(story.articles))
    parts = [f"{joined} article{'s' if joined != 1 else ''} joined" if joined else "", f"{left} left" if left else ""]
    change = ", ".join(p for p in parts if p) or "regrouped"
    where = "; it split, the edits stay with the larger part" if split else ""
    if split and not joined:
        return f"the story “{headline or story.headline}” split ({left} article{'s' if left != 1 else ''} left); the edits stay with the larger part"
    return f"edits followed the story “{headline or story.headline}” ({change}{where})"


def apply_curation(brief, curation: Curation):
    """A new Brief with the editor's changes: headlines, summaries, quotes, figures, order, drops.

    Edits are applied by story id as they stand: moving them to renamed stories is `follow`'s
    work, done once by the caller on the whole brief (a one-day part of it would leave the
    other days' edits orphaned and overwrite the list of orphans)."""
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
