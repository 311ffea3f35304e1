"""`briefing watch DIR`: keep a brief current while the folder fills.

Each round loads the folder (files whose bytes the cache has seen are not parsed again),
builds the brief with the per-story cache (a story whose articles did not change is not
summarised again; the duplicate checks, grouping features, marks and timelines of what did
not change are kept too, see `incremental`: the round still equals a fresh build), applies
the editor's curation (re-read each round: the desk may be editing it), marks what is new, and rewrites FILE atomically when its text changed — so a reader, or a
kill -9 at any moment, sees the previous complete version or the new one, never a mix.
Restarting resumes: the caches hold the work done, and FILE is rewritten on the first round.

What is "new": against the last `briefing export` of this corpus (its record, see
`extras`); when there was none, against the brief as it stood when the watch started — so
a watch marks what arrived while it ran. The watch never records (the editor's exports do).

Changes are noticed with watchfiles (inotify and friends) when it is installed and works,
else by polling the folder's file names, sizes and modification times twice a second.
"""

from __future__ import annotations

import os
import stat
import sys
import threading
import time
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path

from .core.incremental import RoundMemo, active
from .ingest.walk import within

POLL_SECONDS = 0.5
SETTLE_SECONDS = 0.15  # a burst of writes (a copy in progress) is taken as one change


@dataclass
class WatchState:
    """What one round produced (for tests and the desk)."""

    chunks: list = field(default_factory=list)  # FILE's bytes, in pieces (see `render_chunks`)
    rounds: int = 0
    marked: dict = field(default_factory=dict)
    brief: object = None

    @property
    def text(self) -> str:
        """FILE's text as the last round made it."""
        return b"".join(self.chunks).decode("utf-8")


def folder_signature(root: Path, ignore: AbstractSet[str] = frozenset()) -> tuple:
    """(relative path, size, mtime_ns) of every file under root, hidden ones left out: what
    the polling fallback compares between rounds."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            if os.path.realpath(path) in ignore:
                continue
            try:
                info = os.stat(path)
            except OSError:
                continue
            found.append((os.path.relpath(path, root), info.st_size, info.st_mtime_ns))
    return tuple(found)


def render(brief, fmt: str) -> str:
    from .output.formats import render as render_format

    return render_format(brief, fmt=fmt)


def render_chunks(brief, fmt: str, pieces=None) -> list[bytes]:
    """The brief's bytes in `fmt`, as chunks to write one after the other: JSON is spliced
    from the entries `pieces` (an `output.json_pieces.JsonPieces`) kept from earlier rounds."""
    if fmt == "json" and pieces is not None:
        return pieces.render(brief)
    return [render(brief, fmt).encode("utf-8")]


class Watcher:
    """The watch loop, one round at a time (`round`), or until stopped (`run`)."""

    def __init__(self, root: Path, output: Path | None, fmt: str = "md", settings=None, options=None, cache=None,
                 raw: bool = False, warn=None, baseline: dict | None = None):
        from .core.cache import NoCache
        from .core.config import Settings
        from .brief.extras import load_record

        self.root, self.output, self.fmt = Path(root), output, fmt
        self.settings = settings or Settings()
        self.options, self.cache, self.raw = options, cache if cache is not None else NoCache(), raw
        self.warn = warn or (lambda message: print(f"briefing: {message}", file=sys.stderr))
        recorded = load_record(self.root) if baseline is None else baseline
        self.baseline = recorded  # None: the first round's brief becomes the baseline
        self.state = WatchState()
        self.memo: FolderMemo | None = None
        self.stories: RoundCache | None = None
        self.round_memo: RoundMemo | None = None  # incremental.RoundMemo: duplicate checks and timelines kept between rounds
        from .output.json_pieces import JsonPieces

        self.pieces = JsonPieces()  # a JSON FILE's entries, serialised once while they stay the same
        self.ignore = {os.path.realpath(output)} if output is not None and str(output) != "-" else set()
        # FILE inside the folder: its own rewrites are not notified (`ignore`), but a walk reads it
        self.output_inside = any(within(path, os.path.realpath(self.root)) for path in self.ignore)

    def brief(self, changed: AbstractSet[str] | None = None):
        from .brief.build import build_brief

        if self.memo is None:
            self.memo = FolderMemo(self.root, self.options, self.cache)
            self.stories = RoundCache(self.cache)
            self.round_memo = RoundMemo()
        assert self.stories is not None
        # The first two rounds walk the whole folder: the notifications start after the first
        # round, so what changed while it ran is only found by a walk.
        corpus = self.memo.load(changed if self.state.rounds >= 2 and not self.output_inside else None)
        curation = None if self.raw else _curation(self.root)
        with active(self.round_memo):
            brief = build_brief(corpus, self.settings, cache=self.stories, moves=curation.moves if curation else None, story_cache=True)
        self.stories.end_round()
        if curation is not None:
            from .brief.pipeline import curate

            brief = curate(brief, curation)
            for note in curation.notes:
                self.warn(note)
        return brief

    def round(self, changed: AbstractSet[str] | None = None) -> bool:
        """Rebuild, mark, and rewrite FILE if its text changed; True when it was written.
        `changed`: the paths the notifications named since the last round (None: unknown, the
        folder is walked). The collector's full passes are kept off the folder's objects for
        the round (they would walk millions of kept articles and stories while the brief is
        marked and rendered)."""
        from .core.heap import frozen_heap

        with frozen_heap():
            return self._round(changed)

    def _round(self, changed: AbstractSet[str] | None = None) -> bool:
        from .brief.extras import attach, since_last_marks, story_snapshot

        brief = self.brief(changed)
        if self.baseline is None:
            self.baseline = {s.id: story_snapshot(s) for s in brief.stories()}
        marks = since_last_marks(brief, self.baseline, memo=self.round_memo)
        attach(brief, marks, memo=self.round_memo)
        if self.round_memo is not None:
            self.round_memo.end_round()
        chunks = render_chunks(brief, self.fmt, self.pieces)
        self.state.rounds += 1
        self.state.marked, self.state.brief = marks, brief
        if chunks == self.state.chunks:  # kept pieces compare by identity, new ones byte for byte
            return False
        self.state.chunks = chunks
        self.write(chunks)
        return True

    def write(self, chunks: list[bytes]) -> None:
        if self.output is None or str(self.output) == "-":
            out = getattr(sys.stdout, "buffer", None)
            for chunk in chunks:
                out.write(chunk) if out is not None else sys.stdout.write(chunk.decode("utf-8"))
            sys.stdout.flush()
            return
        from .core.atomic import write_atomic

        write_atomic(self.output, chunks)
        new = len(self.state.marked)
        self.warn(f"wrote {self.output} ({new} stor{'ies' if new != 1 else 'y'} new or changed)")

    def run(self, stop: threading.Event | None = None, max_rounds: int | None = None) -> None:
        """Round after round, each after the folder changed, until `stop` is set."""
        stop = stop or threading.Event()
        self.round()
        for changed in self.changes(stop):
            if max_rounds is not None and self.state.rounds >= max_rounds:
                break
            self.round(changed)
            if max_rounds is not None and self.state.rounds >= max_rounds:
                break

    def changes(self, stop: threading.Event):
        """Yield once per settled change of the folder (watchfiles, else polling): the paths
        named, or None when not known."""
        yield from folder_changes(self.root, stop, self.ignore, self.warn)


def folder_changes(root: Path, stop: threading.Event, ignore: AbstractSet[str] = frozenset(), warn=None):
    """Yield once per settled change of the folder until `stop` is set: watchfiles (inotify and
    friends) when it works, else polling (also when BRIEFING_WATCH_POLL is set). Hidden files
    (a copy in progress) and the paths in `ignore` (our own output) are not changes. Yields
    the set of paths the notifications named (all of them), or None when polling."""
    try:
        import watchfiles
    except ImportError:
        watchfiles = None  # type: ignore[assignment]
    if watchfiles is not None and not os.environ.get("BRIEFING_WATCH_POLL"):
        try:
            for batch in watchfiles.watch(root, stop_event=stop, debounce=int(SETTLE_SECONDS * 1000),
                                           step=50, rust_timeout=500, yield_on_timeout=False, recursive=True):
                if any(os.path.realpath(path) not in ignore and not Path(path).name.startswith(".") for _, path in batch):
                    yield {path for _, path in batch}
            return
        except (OSError, RuntimeError) as error:  # no inotify (limits, odd file systems): poll
            if warn:
                warn(f"file notifications unavailable ({error}); polling the folder")
    seen = folder_signature(root, ignore)
    while not stop.wait(POLL_SECONDS):
        now = folder_signature(root, ignore)
        if now != seen:
            time.sleep(SETTLE_SECONDS)
            seen = folder_signature(root, ignore)
            yield None


class FolderMemo:
    """The folder's articles kept in memory between rounds: a file whose size and modification
    time did not change gives back the same Article objects (with the dedup and grouping
    features already computed on them), so a round reads and parses only the files that
    changed. The first round loads through `load_corpus` (its workers and the disk cache).
    The marks a brief writes on articles (duplicate_of, a date inherited from an original) are
    reset to what the file gave before every round."""

    def __init__(self, root: Path, options=None, cache=None):
        from .ingest.load import LoadOptions

        self.root, self.options, self.cache = Path(root), options or LoadOptions(), cache
        self.files: dict[str, tuple] = {}  # display name -> (size, mtime_ns, [(article, pristine)], [skipped])
        self.walk_skipped: list = []  # what the last walk skipped (links out, special files, unreadable folders)
        self.folders: set[str] = {""}  # the display names of the folders holding `files`

    @staticmethod
    def _pristine(article) -> tuple:
        return (article.id.split("~")[0], article.date, article.date_source, article.date_evidence)

    def _stat(self, path) -> tuple | None:
        try:
            info = os.stat(path)
        except OSError:
            return None
        return info.st_size, info.st_mtime_ns

    def load(self, changed: AbstractSet[str] | None = None):
        """The folder's articles: all files walked, or (`changed`, the paths notified since the
        last round) only those paths looked at, when they are plain files the last walk's
        display names account for (anything else: a folder, a link, a name not seen under its
        parent before, is walked)."""
        from .ingest.load import load_corpus
        from .ingest.walk import walk

        if not self.files:
            corpus = load_corpus([self.root], self.options, None, self.cache)
            by_file: dict[str, list] = {}
            for article in corpus.articles:
                by_file.setdefault(article.path, []).append((article, self._pristine(article)))
            found, self.walk_skipped = walk([self.root], self.options.follow_symlinks)
            skipped_in: dict[str, list] = {}
            for item in corpus.skipped:
                skipped_in.setdefault(item.path, []).append(item)
            for entry in found:
                stamp = self._stat(entry.path)
                if stamp is not None:
                    self.files[entry.display] = (*stamp, by_file.get(entry.display, []), skipped_in.get(entry.display, []))
            self._note_folders()
            return corpus
        files = self._changed(changed) if changed is not None else None
        if files is None:
            found, self.walk_skipped = walk([self.root], self.options.follow_symlinks)
            files = {entry.display: self._file(entry.path, entry.display) for entry in found}
        self.files = files
        self._note_folders()
        return self._corpus()

    def _note_folders(self) -> None:
        self.folders = {name.rpartition("/")[0] for name in self.files} | {""}

    def _file(self, path, name: str) -> tuple:
        """A file's entry in `files`: the known one while its size and modification time hold."""
        from .ingest.load import load_file

        stamp, known = self._stat(path), self.files.get(name)
        if known is not None and stamp is not None and known[:2] == stamp:
            return known
        articles, problems = load_file(path, name, self.options)
        return (*(stamp or (-1, -1)), [(a, self._pristine(a)) for a in articles], problems)

    def _changed(self, changed: AbstractSet[str]) -> dict | None:
        """`files` with only the `changed` paths looked at; None when a walk is needed."""
        root = os.path.abspath(self.root)
        files = dict(self.files)
        for path in changed:
            parts = os.path.relpath(os.path.abspath(path), root).split(os.sep)
            if parts[0] in (".", "..") or "" in parts:
                return None
            if any(part.startswith(".") for part in parts):
                continue  # hidden: not in the corpus
            name = "/".join(parts)
            if not (name.isascii() and name.isprintable()) or (name not in files and name.rpartition("/")[0] not in self.folders):
                return None
            try:
                info = os.lstat(os.path.join(root, *parts))
            except FileNotFoundError:
                if files.pop(name, None) is None:
                    return None  # a folder gone, perhaps
                continue
            except OSError:
                return None
            if not stat.S_ISREG(info.st_mode) or name in {item.path for item in self.walk_skipped}:
                return None
            files[name] = self._file(self.root.joinpath(*parts), name)
        return files

    def _corpus(self):
        from .core.model import Corpus

        files = self.files
        corpus = Corpus(root=self.root.as_posix(), skipped=list(self.walk_skipped))
        seen: dict[str, int] = {}
        for name in sorted(files):
            _, _, articles, problems = files[name]
            for article, (base, date, source, evidence) in articles:
                article.duplicate_of, article.date, article.date_source, article.date_evidence = None, date, source, evidence
                count = seen.get(base, 0)
                seen[base] = count + 1
                article.id = f"{base}~{count + 1}" if count else base  # identical files: ids stay unique
                corpus.articles.append(article)
            corpus.skipped.extend(problems)
        corpus.skipped.sort(key=lambda s: s.path)
        return corpus


class RoundCache:
    """The brief's per-story cache for a watch: stories in memory from round to round (the
    disk cache is asked only for what memory lacks, and gets what is new), whole briefs only
    in the first round (a restart resumes from the disk; later rounds would only write a large
    entry per change). Memory keeps the stories of the last round."""

    def __init__(self, disk=None):
        from .core.cache import NoCache

        self.disk = disk if disk is not None else NoCache()
        self.memory: dict[tuple, object] = {}
        self.used: set[tuple] = set()
        self.first = True

    @property
    def whole_briefs(self) -> bool:
        """Whether a whole brief is read or kept (the first round only): `build_brief` skips
        hashing the corpus for its key when not."""
        return self.first

    def get_many(self, kind: str, keys: list[str]) -> dict:
        if kind == "brief" and not self.first:
            return {}
        found = {k: self.memory[(kind, k)] for k in keys if (kind, k) in self.memory}
        missing = [k for k in keys if k not in found]
        if missing:
            stored = self.disk.get_many(kind, missing)
            if kind != "brief":  # kept: the next round gets the same objects (their marks and timelines are remembered by object)
                self.memory.update({(kind, k): v for k, v in stored.items()})
            found.update(stored)
        self.used.update((kind, k) for k in found)
        return found

    def get(self, kind: str, key: str):
        return self.get_many(kind, [key]).get(key)

    def put_many(self, kind: str, items: dict) -> None:
        if kind == "brief":
            if self.first:
                self.disk.put_many(kind, items)
            return
        self.memory.update({(kind, k): v for k, v in items.items()})
        self.used.update((kind, k) for k in items)
        self.disk.put_many(kind, items)

    def put(self, kind: str, key: str, value) -> None:
        self.put_many(kind, {key: value})

    def end_round(self) -> None:
        self.memory = {k: v for k, v in self.memory.items() if k in self.used}
        self.used = set()
        self.first = False


def _curation(root: Path):
    from .brief.curation import CurationStore, state_dir

    store = CurationStore(root)
    return store.load() if store.path.exists() or state_dir().exists() else None
