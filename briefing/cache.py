"""A cache of analysis keyed by content hash, so a second run on a large folder is fast.

One SQLite file in the user cache folder (platformdirs), safe for two processes at once.
Keys are content hashes plus the engine version and the options that change the result, so
an edited file, a new release or different settings simply miss. Values are pickles of our
own dataclasses, written only by us. A corrupt cache file is moved aside and rebuilt: the
cache may lose speed, never correctness. `--no-cache` bypasses it entirely.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sqlite3
import sys
import time
from pathlib import Path

from . import __version__

FORMAT = 1


def cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("briefing"))


def fingerprint(*parts) -> str:
    """A short stable key from any repr-able parts (version, format and engine code included)."""
    digest = hashlib.sha256(repr((__version__, FORMAT, engine_digest(), parts)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


@functools.lru_cache(maxsize=1)
def engine_digest() -> str:
    """A hash of the engine's source, so a changed rule (not only a new release) misses the cache.

    The TUI's modules are left out: they draw results, they do not make them.
    """
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        if "tui" in path.relative_to(package).parts:
            continue
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class Cache:
    """get/put of picklable values by string key, in one table per kind."""

    def __init__(self, path: Path | None = None):
        self.path = path or cache_dir() / "analysis.sqlite3"
        self._db: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None:
            return self._db
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            # a cache may lose its last writes in a power cut, never its integrity (WAL): no
            # fsync per batch (a cold Reuters run spent seconds waiting on them)
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS entries (kind TEXT, key TEXT, value BLOB, PRIMARY KEY (kind, key))")
        except sqlite3.DatabaseError as error:
            self._set_aside(error)
            try:
                db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
                db.execute("CREATE TABLE IF NOT EXISTS entries (kind TEXT, key TEXT, value BLOB, PRIMARY KEY (kind, key))")
            except (sqlite3.Error, OSError):
                return None
        except OSError:
            return None  # read-only home, full disk: run without a cache
        self._db = db
        return db

    def _set_aside(self, error: Exception) -> None:
        aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
        try:
            os.replace(self.path, aside)
            print(f"briefing: cache was unreadable ({error}); moved to {aside}", file=sys.stderr)
        except OSError:
            pass

    def get_many(self, kind: str, keys: list[str]) -> dict[str, object]:
        db = self._connect()
        if db is None or not keys:
            return {}
        found: dict[str, object] = {}
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for key, blob in db.execute(f"SELECT key, value FROM entries WHERE kind=? AND key IN ({marks})", (kind, *chunk)):
                    try:
                        found[key] = pickle.loads(blob)
                    except Exception:  # a value from an incompatible build: treat as a miss
                        continue
        except sqlite3.DatabaseError:
            return found
        return found

    def get(self, kind: str, key: str):
        return self.get_many(kind, [key]).get(key)

    def put_many(self, kind: str, items: dict[str, object]) -> None:
        db = self._connect()
        if db is None or not items:
            return
        rows = [(kind, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)) for key, value in items.items()]
        try:
            db.execute("BEGIN")
            db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", rows)
            db.execute("COMMIT")
        except sqlite3.DatabaseError:
            try:
                db.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def put(self, kind: str, key: str, value) -> None:
        self.put_many(kind, {key: value})

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


class NoCache(Cache):
    """`--no-cache`: every lookup misses, nothing is written."""

    def __init__(self):
        super().__init__(Path(os.devnull))

    def get_many(self, kind, keys):
        return {}

    def put_many(self, kind, items):
        return None
