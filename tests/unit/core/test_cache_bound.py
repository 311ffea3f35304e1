"""The cache is bounded: a size limit with least-recently-used eviction, and the entries of
another engine (an older release or edited source, whose keys can never hit) deleted on open."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.core.cache import LOW_WATER, Cache
from briefing.core.config import DEFAULT_CACHE_SIZE, ConfigError, cache_size, parse_size
from conftest import SAMPLE


def export(cache_home: Path, *args, size: int | None = None):
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home))
    if size is not None:
        env["BRIEFING_CACHE_SIZE"] = str(size)
    return subprocess.run(
        [sys.executable, "-m", "briefing", "export", str(SAMPLE), "--format", "json", *args],
        capture_output=True, text=True, env=env, timeout=300, check=True,
    ).stdout


def export_here(capsys, *args) -> str:
    """The same export in this process (the environment as the test set it): no start-up cost."""
    from briefing.cli import main

    capsys.readouterr()
    assert main(["export", str(SAMPLE), "--format", "json", *args]) == 0
    return capsys.readouterr().out


def test_the_cache_stays_under_its_limit_after_exports_with_different_settings(tmp_path, capsys, monkeypatch):
    limit = 90_000  # the sample's files take ~55 kB, each brief ~19 kB: the third export must evict
    home = tmp_path / "cache"
    path = home / "briefing" / "analysis.sqlite3"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.setenv("BRIEFING_CACHE_SIZE", str(limit))
    for n, options in enumerate(([], ["--words", "40"], ["--sentences", "2"], ["--algorithm", "lexrank"])):
        # the first as the program runs (the limit from its environment), the rest in this process
        cached = export(home, *options, size=limit) if n == 0 else export_here(capsys, *options)
        assert cached == export_here(capsys, *options, "--no-cache")  # eviction costs speed, never output
        stored = Cache(path, size=limit).stored_bytes()
        assert 0 < stored <= limit
        assert path.stat().st_size <= limit  # the limit bounds the file; freed pages go back to the file system
    db = sqlite3.connect(path)
    briefs = db.execute("SELECT count(*) FROM entries WHERE kind='brief'").fetchone()[0]
    assert briefs < 4  # the oldest briefs were evicted
    assert db.execute("PRAGMA auto_vacuum").fetchone()[0] == 2  # incremental: evicted pages are given back
    assert db.execute("PRAGMA freelist_count").fetchone()[0] == 0


def test_least_recently_used_entries_go_first(tmp_path):
    cache = Cache(tmp_path / "c.sqlite3", size=380_000)
    for name in ("a", "b", "c"):
        cache.put("note", name, b"x" * 100_000)
    assert cache.get("note", "a") is not None  # read: now the most recently used
    cache.put("note", "d", b"x" * 100_000)  # 4 x 100 kB and SQLite's pages > 380 kB: evict to 342 kB
    assert set(cache.get_many("note", ["a", "b", "c", "d"])) == {"a", "c", "d"}
    assert cache.stored_bytes() <= 380_000 * LOW_WATER


def test_entries_of_another_engine_are_deleted_on_open(tmp_path):
    path = tmp_path / "c.sqlite3"
    cache = Cache(path)
    cache.put("note", "mine", ["kept"])
    cache.close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO entries VALUES ('note', 'old', x'80', '0.0.1/1/0123456789abcdef', 1, 0)")
    db.commit()
    db.close()
    again = Cache(path)
    assert again.get("note", "mine") == ["kept"]
    rows = sqlite3.connect(path).execute("SELECT key FROM entries").fetchall()
    assert rows == [("mine",)]


def test_a_cache_from_before_the_bound_is_emptied_not_misread(tmp_path):
    path = tmp_path / "c.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE entries (kind TEXT, key TEXT, value BLOB, PRIMARY KEY (kind, key))")
    db.execute("INSERT INTO entries VALUES ('note', 'old', x'80')")
    db.commit()
    db.close()
    cache = Cache(path)
    assert cache.get("note", "old") is None and cache.stored_bytes() == 0
    cache.put("note", "new", [1])
    assert cache.get("note", "new") == [1]


def test_the_size_setting(tmp_path):
    assert cache_size(tmp_path / "none.toml", environ={}) == DEFAULT_CACHE_SIZE == 1 << 30
    config = tmp_path / "config.toml"
    config.write_text('[cache]\nsize = "500 MB"\n')
    assert cache_size(config, environ={}) == 500_000_000
    assert cache_size(config, environ={"BRIEFING_CACHE_SIZE": "2GiB"}) == 2 << 30
    assert parse_size(12345, "x") == 12345
    for bad in ("lots", "-1", "5 parsecs", True):
        with pytest.raises(ConfigError, match="cache size"):
            parse_size(bad, "x")


def test_every_engine_layer_is_in_the_cache_key_and_the_desk_is_not():
    """A changed figure rule must miss the cache: once the digest hashed only briefing/core/
    (the folder cache.py moved into), and a stale analysis survived an edit of analyse/."""
    from pathlib import Path

    import briefing
    from briefing.core.cache import engine_sources

    package = Path(briefing.__file__).resolve().parent
    folders = {path.relative_to(package).parts[0] for path in engine_sources()}
    for layer in ("core", "ingest", "text", "analyse", "brief", "output"):
        assert layer in folders
    assert any(path.parent == package / "analyse" / "figures" for path in engine_sources())
    assert "tui" not in folders
