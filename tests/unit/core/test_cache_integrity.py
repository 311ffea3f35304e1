"""The cache may lose speed, never correctness, and is never moved aside while healthy.

Corrupt pages behind a valid header are found and set aside with a message naming the file;
a stored value of the wrong type is a miss; concurrent runs on a fresh cache wait for each
other instead of declaring it corrupt."""

from __future__ import annotations

import os
import pickle
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.core.cache import Cache
from briefing.ingest.load import load_corpus
from conftest import SAMPLE


def export(cache_home: Path, *args):
    return subprocess.run(
        [sys.executable, "-m", "briefing", "export", str(SAMPLE), *args], capture_output=True, text=True,
        env=dict(os.environ, XDG_CACHE_HOME=str(cache_home)), timeout=300,
    )


def cache_file(cache_home: Path) -> Path:
    return cache_home / "briefing" / "analysis.sqlite3"


def test_corrupt_pages_behind_a_valid_header_are_set_aside_with_a_message(tmp_path):
    reference = export(tmp_path / "cache")
    assert reference.returncode == 0
    path = cache_file(tmp_path / "cache")
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    for offset in range(page, len(data), page):  # every page but the first (the header) garbled
        data[offset : offset + 200] = os.urandom(200)
    path.write_bytes(bytes(data))
    result = export(tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    assert result.stdout == reference.stdout
    assert f"the cache {path} was corrupt" in result.stderr and "set aside as" in result.stderr
    assert list(path.parent.glob("analysis.sqlite3.corrupt-*"))
    warm = export(tmp_path / "cache")  # the new cache works: no message the next time
    assert warm.returncode == 0 and "corrupt" not in warm.stderr and warm.stdout == reference.stdout


@pytest.mark.parametrize("bad", [("not", "a", "tuple"), ([1, 2], []), ({}, [], []), 12345, None])
def test_a_stored_value_of_the_wrong_type_is_a_miss(tmp_path, bad):
    cache = Cache(tmp_path / "c.sqlite3")
    first = load_corpus([SAMPLE], cache=cache)
    db = sqlite3.connect(cache.path)
    db.execute("UPDATE entries SET value=?", (pickle.dumps(bad),))
    db.commit()
    db.close()
    again = load_corpus([SAMPLE], cache=Cache(cache.path))
    assert [a.text for a in again.articles] == [a.text for a in first.articles]
    for kind in ("file", "story", "brief"):
        assert Cache(cache.path).get_many(kind, ["x"]) == {}


def test_a_wrong_brief_entry_neither_fails_nor_empties_the_export(tmp_path):
    reference = export(tmp_path / "cache")
    db = sqlite3.connect(cache_file(tmp_path / "cache"))
    from briefing.brief.build import Day

    forged = ({}, [Day(__import__("datetime").date(2022, 2, 1), [])], [])
    db.execute("UPDATE entries SET value=? WHERE kind='brief'", (pickle.dumps(forged),))
    db.commit()
    db.close()
    result = export(tmp_path / "cache")
    assert result.returncode == 0 and result.stdout == reference.stdout


# Run in each child: open the shared fresh cache only after every child is started and told to
# go, so the first opens (and the WAL switch of the new file) truly coincide.
OPENER = r"""
import sys
from pathlib import Path
from briefing.core.cache import Cache

cache = Cache(Path(sys.argv[1]))  # connects lazily: nothing is opened before "go"
print("ready", flush=True)
sys.stdin.readline()
me = sys.argv[2]
cache.put_many("note", {f"{me}-{i}": [me, i] for i in range(50)})
assert cache.get_many("note", [f"{me}-{i}" for i in range(50)]) == {f"{me}-{i}": [me, i] for i in range(50)}
print("ok")
"""


def test_twenty_processes_opening_a_fresh_cache_at_once_never_move_it_aside(tmp_path):
    path = tmp_path / "cache" / "analysis.sqlite3"
    processes = [
        subprocess.Popen([sys.executable, "-c", OPENER, str(path), str(n)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for n in range(20)
    ]
    try:
        for process in processes:
            assert process.stdout.readline() == "ready\n", process.stderr.read()
        for process in processes:  # all started, none connected: go
            process.stdin.write("go\n")
            process.stdin.flush()
        results = [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in processes]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
    assert [(code, out, err) for code, out, err in results if (code, out, err) != (0, "ok\n", "")] == []
    assert not list(path.parent.glob("*.corrupt-*"))
    assert len(Cache(path).get_many("note", [f"{n}-{i}" for n in range(20) for i in range(50)])) == 20 * 50  # none ran without it


def test_concurrent_exports_on_a_fresh_cache_never_move_it_aside(tmp_path):
    """The program as a user runs it, several at once on one fresh cache: one output, no message.
    (Twenty at once, on the cache alone, is the test above: a whole export is ~1.5 CPU-s each.)"""
    home = tmp_path / "cache"
    env = dict(os.environ, XDG_CACHE_HOME=str(home))
    processes = [
        subprocess.Popen([sys.executable, "-m", "briefing", "export", str(SAMPLE)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        for _ in range(5)
    ]
    results = [(p.wait(timeout=600), p.stdout.read(), p.stderr.read().decode()) for p in processes]
    assert all(code == 0 for code, _, _ in results), [err for _, _, err in results]
    assert len({out for _, out, _ in results}) == 1
    assert not any("corrupt" in err or "locked" in err for _, _, err in results)
    assert not list(cache_file(home).parent.glob("*.corrupt-*"))
