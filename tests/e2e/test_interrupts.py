"""One Ctrl-C (or SIGTERM) ends an export cleanly: exit 130 (143) within 2 s, one line on
stderr, no traceback, no output file or temporary, and the cache it leaves is sound (the next
export is byte-identical to an uninterrupted one). Reuters stories, as a user's folder;
bench/interrupts.py does the 20 runs at random moments."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time

import pytest

from reuters_corpus import write_reuters

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="signals as on Linux")


@pytest.fixture(scope="module")
def reuters(tmp_path_factory):
    return write_reuters(tmp_path_factory.mktemp("reuters") / "corpus", 3000)


def start(corpus, output, cache):
    return subprocess.Popen(
        [sys.executable, "-m", "briefing", "export", str(corpus), "-o", str(output)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ, XDG_CACHE_HOME=str(cache)),
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches it
    )


def interrupt(process, number, delay):
    time.sleep(delay)
    if process.poll() is not None:
        pytest.fail("the export finished before the signal: use a bigger corpus")
    sent = time.monotonic()
    if number == signal.SIGINT:
        os.killpg(process.pid, number)  # Ctrl-C reaches every process of the group, workers too
    else:
        process.send_signal(number)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail("still running 10 s after the signal")
    return time.monotonic() - sent, process.stderr.read().decode("utf-8", "replace")


@pytest.mark.parametrize("number,delay,code", [(signal.SIGINT, 1.0, 130), (signal.SIGINT, 4.0, 130), (signal.SIGTERM, 7.0, 143)])
def test_one_signal_stops_the_export_within_two_seconds(reuters, tmp_path, number, delay, code):
    output = tmp_path / "out" / "brief.md"
    output.parent.mkdir()
    process = start(reuters, output, tmp_path / "cache")
    took, err = interrupt(process, number, delay)
    assert process.returncode == code and took < 2.0, (took, err)
    assert "Traceback" not in err and "Exception ignored" not in err
    assert err.strip().splitlines()[-1] == "briefing: interrupted" and err.count("interrupted") == 1
    assert list(output.parent.iterdir()) == []  # no brief, no temporary beside it
    time.sleep(0.3)
    assert subprocess.run(["pgrep", "-g", str(process.pid)], capture_output=True).returncode == 1  # no worker left


def file_entries(cache_file) -> int:
    """How many files' analyses the running export has stored so far (0 while it cannot tell)."""
    import sqlite3

    try:
        with contextlib.closing(sqlite3.connect(f"file:{cache_file}?mode=ro", uri=True, timeout=0.1)) as db:
            return db.execute("SELECT count(*) FROM entries WHERE kind='file'").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_the_export_after_an_interrupt_is_byte_identical(tmp_path):
    """Ctrl-C just after the first batch of files reached the cache (512 of 1,200: a partial
    cache, the rest still to load, group and summarise), then the same export: its brief is
    byte for byte the brief of an export that was never interrupted and used no cache."""
    corpus = write_reuters(tmp_path / "corpus", 1200)
    cache = tmp_path / "cache"
    process = start(corpus, tmp_path / "first.md", cache)
    waited = time.monotonic()
    while not file_entries(cache / "briefing" / "analysis.sqlite3"):
        if process.poll() is not None or time.monotonic() - waited > 120:
            pytest.fail(f"the export stored no file in its cache before it ended: {process.stderr.read().decode()[-2000:]}")
        time.sleep(0.02)
    _, err = interrupt(process, signal.SIGINT, 0)
    assert process.returncode == 130, err
    assert 0 < file_entries(cache / "briefing" / "analysis.sqlite3") < 1200  # the cache it left is partial
    again = subprocess.run(
        [sys.executable, "-m", "briefing", "export", str(corpus), "-o", str(tmp_path / "after.md")],
        capture_output=True, env=dict(os.environ, XDG_CACHE_HOME=str(cache)),
    )
    assert again.returncode == 0, again.stderr
    from briefing.cli import main  # the reference: in this process, no cache

    assert main(["export", str(corpus), "-o", str(tmp_path / "clean.md"), "--no-cache"]) == 0
    assert (tmp_path / "after.md").read_bytes() == (tmp_path / "clean.md").read_bytes()
