"""`briefing watch`: the brief kept current as files arrive, change and leave; stable story ids.

No timing assertions: waits are bounded only so that a broken watcher fails instead of hanging.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from briefing.core.cache import Cache
from briefing.brief.curation import CurationStore, apply_curation, follow
from briefing.watch import Watcher, folder_signature
from conftest import TEST_DATA, REPO, SAMPLE

FEB14 = TEST_DATA / "feb14_talks.txt"
EDITED = "Lavrov tells Putin the door to talks is open"


def corpus_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SAMPLE, folder)
    return folder


def feb14_story(brief):
    return next(s for s in brief.stories() if s.day and s.day.isoformat() == "2022-02-14")


def wait_for(condition, limit: float = 90.0) -> bool:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_a_new_article_marks_its_story_keeps_its_id_and_the_edited_headline(tmp_path):
    folder = corpus_copy(tmp_path)
    output = tmp_path / "brief.md"
    watcher = Watcher(folder, output, "md", cache=Cache(tmp_path / "cache.sqlite3"))
    watcher.round()
    story = feb14_story(watcher.state.brief)
    store = CurationStore(folder)
    curation = store.load()
    curation.set_headline(story.id, EDITED)
    store.save(curation)
    assert watcher.round() and f"### 1. {EDITED}" in output.read_text() and not watcher.state.marked

    shutil.copy(FEB14, folder / "005_feb14_talks.txt")
    assert watcher.round()
    text = output.read_text()
    joined = feb14_story(watcher.state.brief)
    assert joined.id == story.id and len(joined.articles) == len(story.articles) + 1
    assert list(watcher.state.marked) == [story.id] and watcher.state.marked[story.id]["new_articles"]
    assert f"### 1. {EDITED}" in text and text.count("**Since the last brief:** 1 new article") == 1
    assert not watcher.round()  # nothing changed: FILE is not rewritten

    (folder / "005_feb14_talks.txt").unlink()  # removed: the story is as it was, nothing marked
    assert watcher.round() and not watcher.state.marked and "Since the last brief" not in output.read_text()


def test_the_polling_fallback_sees_new_changed_and_removed_files(tmp_path):
    folder = corpus_copy(tmp_path)
    first = folder_signature(folder)
    shutil.copy(FEB14, folder / "005_feb14_talks.txt")
    added = folder_signature(folder)
    assert added != first
    with open(folder / "005_feb14_talks.txt", "a") as handle:
        handle.write("\nMore to follow.\n")
    changed = folder_signature(folder)
    assert changed != added
    (folder / "005_feb14_talks.txt").unlink()
    assert folder_signature(folder) == first
    (folder / ".hidden.tmp").write_text("x")
    assert folder_signature(folder) == first  # hidden files (a copy in progress) are not articles


@pytest.mark.parametrize("poll", [False, True], ids=["watchfiles", "polling"])
def test_the_watch_loop_follows_the_folder(tmp_path, monkeypatch, poll):
    if poll:
        monkeypatch.setenv("BRIEFING_WATCH_POLL", "1")
    folder = corpus_copy(tmp_path)
    output = tmp_path / "brief.json"
    watcher = Watcher(folder, output, "json", cache=Cache(tmp_path / "cache.sqlite3"), warn=lambda m: None)
    stop = threading.Event()
    thread = threading.Thread(target=watcher.run, kwargs={"stop": stop}, daemon=True)
    thread.start()
    try:
        assert wait_for(lambda: output.exists())
        time.sleep(0.3)  # the watcher is listening once its first round is written
        shutil.copy(FEB14, folder / "005_feb14_talks.txt")
        assert wait_for(lambda: '"new_articles"' in output.read_text())
        document = json.loads(output.read_text())
        assert [s["id"] for d in document["days"] for s in d["stories"] if s["since_last"]] == list(watcher.state.marked)
    finally:
        stop.set()
        thread.join(30)
    assert not thread.is_alive()


def _child_env(tmp_path: Path) -> dict:
    return dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=str(REPO))


def test_sigkill_leaves_the_previous_or_the_new_complete_file_and_a_restart_resumes(tmp_path):
    folder = corpus_copy(tmp_path)
    output = tmp_path / "brief.json"
    command = [sys.executable, "-m", "briefing", "watch", str(folder), "-o", str(output), "--format", "json"]
    env = _child_env(tmp_path)
    shuffle = random.Random(17)
    extra = folder / "005_feb14_talks.txt"
    for kill in range(6):
        child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            if kill == 0:
                assert wait_for(lambda: output.exists())
            # change the folder, then kill at a random moment of the round it starts
            if extra.exists():
                extra.unlink()
            else:
                shutil.copy(FEB14, extra)
            time.sleep(shuffle.uniform(0.0, 1.5))
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(30)
        document = json.loads(output.read_text())  # complete: it parses, whatever the moment
        assert document["schema"] == "briefing/1"
    # restarting resumes: FILE soon holds the folder as it is now
    present = extra.exists()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        def current() -> bool:
            try:
                document = json.loads(output.read_text())
            except ValueError:
                return False
            return any(a["path"] == extra.name for a in document["articles"]) == present
        assert wait_for(current)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)


def test_on_a_split_the_edits_follow_the_larger_part_even_when_the_id_stays_with_the_smaller(tmp_path):
    from briefing.brief.build import Story

    day = __import__("datetime").date(2022, 2, 14)
    before = [Story("s-old", "t", day, "Machine headline", ["a1", "b2", "c3", "d4"])]
    store = CurationStore(tmp_path / "c", directory=tmp_path / "state")
    curation = store.load()
    curation.set_headline("s-old", EDITED)
    follow(curation, before)
    # a1 (the anchor: the id stays with it) leaves with one article; three go to a new story
    after = [Story("s-old", "t", day, "Smaller part", ["a1"]), Story("s-new", "t", day, "Larger part", ["b2", "c3", "d4"])]
    notes = follow(curation, after)
    assert curation.stories["s-new"].headline == EDITED and "s-old" not in curation.stories
    assert len(notes) == 1 and "split" in notes[0]


def test_on_a_split_that_keeps_the_id_on_the_larger_part_the_desk_is_told(tmp_path):
    from briefing.brief.build import Story

    day = __import__("datetime").date(2022, 2, 14)
    store = CurationStore(tmp_path / "c", directory=tmp_path / "state")
    curation = store.load()
    curation.set_headline("s-a", EDITED)
    follow(curation, [Story("s-a", "t", day, "One", ["a1", "b2", "c3"])])
    notes = follow(curation, [Story("s-a", "t", day, "One", ["a1", "b2"]), Story("s-c", "t", day, "Two", ["c3"])])
    assert curation.stories["s-a"].headline == EDITED and "split" in notes[0]
    assert follow(curation, [Story("s-a", "t", day, "One", ["a1", "b2"]), Story("s-c", "t", day, "Two", ["c3"])]) == []


def test_copy_joining_or_leaving_keeps_the_story_id():
    from briefing.analyse.stories import story_id

    day = __import__("datetime").date(2022, 2, 14)
    base = story_id(day, ["b", "c", "d"], ["b", "c"])
    assert story_id(day, ["b", "c", "d", "e"], ["b", "c"]) == base  # a copy joins
    assert story_id(day, ["b", "c", "z"], ["b", "c", "z"]) == base  # an article joins
    assert story_id(day, ["b"], ["b"]) == base  # others leave
    assert story_id(day, ["a", "b", "c"], ["a", "b", "c"]) != base  # a new anchor: follow() moves the edits
    assert story_id(None, ["b"], ["b"]) != base


def test_apply_curation_after_watch_rounds_is_not_confused_by_marks(tmp_path):
    folder = corpus_copy(tmp_path)
    watcher = Watcher(folder, tmp_path / "b.md", "md", cache=Cache(tmp_path / "cache.sqlite3"))
    watcher.round()
    brief = watcher.state.brief
    assert apply_curation(brief, CurationStore(folder).load()).days


def test_rounds_reread_changed_files_and_reset_the_marks_of_kept_ones(tmp_path):
    folder = corpus_copy(tmp_path)
    watcher = Watcher(folder, tmp_path / "b.json", "json", cache=Cache(tmp_path / "cache.sqlite3"))
    watcher.round()
    articles = {a.path[:3]: a for a in watcher.state.brief.corpus.articles}
    assert articles["003"].duplicate_of == articles["001"].id  # the AP copy of 001
    original = next(folder.glob("001_*"))
    text = original.read_text()
    original.unlink()  # the original leaves: its copy is an original now
    assert watcher.round()
    kept = {a.path[:3]: a for a in watcher.state.brief.corpus.articles}
    assert "001" not in kept and kept["003"].duplicate_of is None and kept["003"] is articles["003"]  # not re-read
    original.write_text(text.replace("Kremlin signals more talks", "Kremlin signals further talks"))
    assert watcher.round()
    again = {a.path[:3]: a for a in watcher.state.brief.corpus.articles}
    assert again["001"].title.startswith("Kremlin signals further talks")  # a changed file is read again
    document = json.loads((tmp_path / "b.json").read_text())
    assert any(s["headline"].startswith("Kremlin signals further talks") for d in document["days"] for s in d["stories"])
