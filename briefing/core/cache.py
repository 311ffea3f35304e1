"""A cache of analysis keyed by content hash, so a second run on a large folder is fast.

One SQLite file in the user cache folder (platformdirs), safe for two processes at once.
Keys are content hashes plus the engine version and the options that change the result, so
an edited file, a new release or different settings simply miss. Values are pickles of our
own dataclasses, written only by us. A corrupt cache file is moved aside and rebuilt: the
cache may lose speed, never correctness. `--no-cache` bypasses it entirely.

Corrupt versus busy. Only SQLite's "not a database" / "malformed" errors mean corruption, found
on open (a cheap read of the schema and first page) or on any later read or write; the file is
then moved aside with a message naming it. "database is locked" means another briefing is
writing: we wait (busy timeout, and a few retries for the WAL switch on a fresh file, which
does not wait) and, if it stays busy, run this once without the cache. A healthy cache is never
moved aside. A stored value of the wrong type (another build, a hand edit) is a miss.

Bounded. Each entry records the engine that wrote it, its size and when it was last read or
written. Entries of another engine (an older release or edited source: their keys can never
match again) are deleted when the cache is opened, and when the stored values outgrow the size
limit (`[cache] size` in the config file, `BRIEFING_CACHE_SIZE`, default 1 GiB; it bounds the
database file) the least recently used are deleted down to nine tenths of it; freed pages go
back to the file system.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sqlite3
import sys
import threading
import time
from pathlib import Path

from .. import __version__
from .config import DEFAULT_CACHE_SIZE, cache_size
from .model import Article, Skipped

FORMAT = 1

#: After an eviction the values take at most this share of the limit, so the next few writes
#: do not each evict again.
LOW_WATER = 0.9


def cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("briefing"))


def fingerprint(*parts) -> str:
    """A short stable key from any repr-able parts (version, format and engine code included)."""
    digest = hashlib.sha256(repr((__version__, FORMAT, engine_digest(), parts)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


@functools.lru_cache(maxsize=1)
def engine_sources() -> list[Path]:
    """The source files whose change must miss the cache: every module of the `briefing`
    package (this file sits in `briefing/core/`, so the package is two levels up) except the
    TUI's, which draw results and do not make them."""
    package = Path(__file__).resolve().parent.parent
    return [path for path in sorted(package.rglob("*.py")) if "tui" not in path.relative_to(package).parts]


@functools.lru_cache(maxsize=1)
def engine_digest() -> str:
    """A hash of the engine's source, so a changed rule (not only a new release) misses the cache.

    Memoised: every cache key calls it, and re-reading ~120 modules per key cost ~40 CPU-s on a
    cold export of all of Reuters. The source does not change under a running process."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in engine_sources():
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _engine() -> str:
    """Which engine wrote an entry: release, cache format and source digest."""
    return f"{__version__}/{FORMAT}/{engine_digest()}"


BUSY_SECONDS = 30


def _busy(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def _corrupt(error: sqlite3.Error) -> bool:
    """SQLite's own word that the file is damaged (SQLITE_CORRUPT, SQLITE_NOTADB): the only
    errors that set the cache aside. Misuse, locks, a full disk only cost this run its cache."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (11, 26)
    text = str(error).lower()
    return "malformed" in text or "not a database" in text or "corrupt" in text


def _valid(check, value) -> bool:
    try:
        return bool(check(value))
    except Exception:
        return False


def _file_entry(value) -> bool:
    articles, skipped = value
    return isinstance(articles, list) and isinstance(skipped, list) and all(
        isinstance(a, Article) and isinstance(a.text, str) for a in articles
    ) and all(isinstance(s, Skipped) for s in skipped)


# What each kind of entry must be: anything else read back is a miss, never an error. The
# brief registers its own kinds ("story", "brief"): the cache sits below it and does not import it.
CHECKS = {"file": _file_entry}


class Cache:
    """get/put of picklable values by string key, in one table per kind."""

    def __init__(self, path: Path | None = None, size: int | None = None):
        self.path = path or cache_dir() / "analysis.sqlite3"
        if size is None:
            try:
                size = cache_size()
            except ValueError:  # a bad setting is reported by the settings that name it
                size = DEFAULT_CACHE_SIZE
        self.size = size
        self._local = threading.local()  # a connection per thread (the desk's engine runs in one)
        self._disabled = False

    @property
    def _db(self) -> sqlite3.Connection | None:
        return getattr(self._local, "db", None)

    @_db.setter
    def _db(self, db: sqlite3.Connection | None) -> None:
        self._local.db = db

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None or self._disabled:
            return self._db
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            self._disabled = True  # read-only home, full disk: run without a cache
            return None
        for attempt in range(2):
            try:
                self._db = self._open()
                return self._db
            except sqlite3.OperationalError as error:
                if not _busy(error):
                    break
                self._disabled = True  # still busy after waiting: this run goes without
                return None
            except sqlite3.DatabaseError as error:
                if attempt == 0 and _corrupt(error):
                    self._set_aside(error)  # corrupt: set aside once, then start a new file
                else:
                    break
            except OSError:
                break
        self._disabled = True
        return None

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
        try:
            # pages freed by eviction go back to the file system; only a new, empty file takes
            # this (before the WAL switch writes its first page), an older one keeps reusing them
            db.execute("PRAGMA auto_vacuum=INCREMENTAL")
            for wait in (0.05, 0.2, 0.5, 1.0, 2.0, None):  # the WAL switch does not wait when busy
                try:
                    db.execute("PRAGMA journal_mode=WAL")
                    break
                except sqlite3.OperationalError as error:
                    if not _busy(error) or wait is None:
                        raise
                    time.sleep(wait)
            # a cache may lose its last writes in a power cut, never its integrity (WAL): no
            # fsync per batch (a cold Reuters run spent seconds waiting on them)
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA journal_size_limit=67108864")  # the WAL file shrinks back after a big run
            columns = [row[1] for row in db.execute("PRAGMA table_info(entries)")]
            if columns and "engine" not in columns:
                # a cache from before the size bound: which engine wrote it is unknown, so its
                # entries could only ever miss; dropped, and the file set to give pages back
                db.execute("DROP TABLE entries")
                db.execute("PRAGMA auto_vacuum=INCREMENTAL")
                db.execute("VACUUM")
            db.execute(
                "CREATE TABLE IF NOT EXISTS entries (kind TEXT, key TEXT, value BLOB, engine TEXT, size INTEGER,"
                " used REAL, PRIMARY KEY (kind, key))"
            )
            # sizes and ages without reading the values: the eviction's scan and sum use this index only
            db.execute("CREATE INDEX IF NOT EXISTS entries_used ON entries (used, size, engine)")
            db.execute("SELECT kind, key FROM entries LIMIT 1").fetchall()  # cheap: schema and first pages
            self._forget_other_engines(db)
        except BaseException:
            db.close()
            raise
        return db

    def _forget_other_engines(self, db: sqlite3.Connection) -> None:
        """Delete the entries another engine wrote: their keys hold its digest, so none can hit."""
        try:
            stale = db.execute("SELECT 1 FROM entries INDEXED BY entries_used WHERE engine IS NOT ? LIMIT 1", (_engine(),)).fetchall()
            if stale:
                db.execute("DELETE FROM entries WHERE engine IS NOT ?", (_engine(),))
                self._give_back(db)
        except sqlite3.OperationalError as error:
            if not _busy(error):  # busy: another run is writing; the next open deletes them
                raise

    def stored_bytes(self) -> int:
        """The total size of the stored values (the file holds them plus SQLite's own pages)."""
        db = self._connect()
        if db is None:
            return 0
        return int(db.execute("SELECT COALESCE(SUM(size), 0) FROM entries INDEXED BY entries_used").fetchone()[0])

    @staticmethod
    def _bytes_in_use(db: sqlite3.Connection) -> int:
        """The database's pages that hold something (the file's size once freed pages are given back)."""
        page_size = int(db.execute("PRAGMA page_size").fetchone()[0])
        pages = int(db.execute("PRAGMA page_count").fetchone()[0])
        free = int(db.execute("PRAGMA freelist_count").fetchone()[0])
        return (pages - free) * page_size

    def _evict(self, db: sqlite3.Connection) -> bool:
        """Delete the least recently used entries until the file would fit in LOW_WATER of the
        limit; True if any went.

        The limit bounds the file the user sees, not only the values: SQLite adds its pages'
        slack, the index and the keys (on Reuters the file was 4% over a limit that counted
        values). The values' target is scaled by their share of the pages in use.
        """
        used = self._bytes_in_use(db)
        if used <= self.size:
            return False
        total = int(db.execute("SELECT COALESCE(SUM(size), 0) FROM entries INDEXED BY entries_used").fetchone()[0])
        excess = total - int(self.size * LOW_WATER * total / used)
        doomed = []
        for rowid, size in db.execute("SELECT rowid, size FROM entries INDEXED BY entries_used ORDER BY used").fetchall():
            doomed.append((rowid,))
            excess -= size
            if excess <= 0:
                break
        db.executemany("DELETE FROM entries WHERE rowid=?", doomed)
        return True

    @staticmethod
    def _give_back(db: sqlite3.Connection) -> None:
        """Return the free pages to the file system (outside a transaction). Through
        executescript: `execute` steps a pragma once, and this one then frees nothing."""
        try:
            db.executescript("PRAGMA incremental_vacuum;")
        except sqlite3.OperationalError:
            pass  # busy: the pages stay free inside the file and are reused

    def _set_aside(self, error: Exception) -> None:
        self.close()
        aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
        try:
            os.replace(self.path, aside)
            for suffix in ("-wal", "-shm"):
                try:
                    os.unlink(f"{self.path}{suffix}")
                except OSError:
                    pass
            print(f"briefing: the cache {self.path} was corrupt ({error}); set aside as {aside}", file=sys.stderr)
        except OSError:
            pass

    def _failed(self, error: sqlite3.DatabaseError) -> None:
        """A read or write failed: a corrupt file is set aside (this run goes on without it);
        anything else (busy, disk full) only makes this a miss."""
        if _corrupt(error):
            self._set_aside(error)
            self._disabled = True

    def get_many(self, kind: str, keys: list[str]) -> dict[str, object]:
        db = self._connect()
        if db is None or not keys:
            return {}
        found: dict[str, object] = {}
        check = CHECKS.get(kind)
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for key, blob in db.execute(f"SELECT key, value FROM entries WHERE kind=? AND key IN ({marks})", (kind, *chunk)):
                    try:
                        value = pickle.loads(blob)
                    except Exception:  # a value from an incompatible build: treat as a miss
                        continue
                    if check is None or _valid(check, value):
                        found[key] = value
        except sqlite3.DatabaseError as error:
            self._failed(error)
            return found
        self._touch(db, kind, list(found))
        return found

    def _touch(self, db: sqlite3.Connection, kind: str, keys: list[str]) -> None:
        """Mark entries just read as recently used (the eviction keeps them longest)."""
        if not keys:
            return
        now = time.time()
        try:
            db.execute("BEGIN")
            db.executemany("UPDATE entries SET used=? WHERE kind=? AND key=?", [(now, kind, key) for key in keys])
            db.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            try:
                db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            self._failed(error)  # busy: the entries only look older than they are

    def get(self, kind: str, key: str):
        return self.get_many(kind, [key]).get(key)

    def put_many(self, kind: str, items: dict[str, object]) -> None:
        db = self._connect()
        if db is None or not items:
            return
        engine, now = _engine(), time.time()
        rows = []
        for key, value in items.items():
            blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            rows.append((kind, key, blob, engine, len(blob), now))
        try:
            db.execute("BEGIN")
            db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?)", rows)
            evicted = self._evict(db)
            db.execute("COMMIT")
            if evicted:
                self._give_back(db)
        except sqlite3.DatabaseError as error:
            try:
                db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            self._failed(error)

    def put(self, kind: str, key: str, value) -> None:
        self.put_many(kind, {key: value})

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


class NoCache(Cache):
    """`--no-cache`: every lookup misses, nothing is written."""

    def __init__(self):
        super().__init__(Path(os.devnull), size=0)

    def get_many(self, kind, keys):
        return {}

    def put_many(self, kind, items):
        return None
