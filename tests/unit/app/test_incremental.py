"""A watch round reuses work between rounds (briefing.incremental) and still gives exactly the
brief a from-scratch build of the same folder gives, after files are added, changed and removed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.brief.build import build_brief
from briefing.core.cache import NoCache
from briefing.core.config import Settings
from briefing.brief.extras import attach, since_last_marks
from briefing.output.formats import render
from briefing.ingest.load import LoadOptions, load_corpus
from briefing.watch import Watcher
from conftest import SAMPLE, TEST_DATA
from reuters_corpus import write_reuters

FEB14 = TEST_DATA / "feb14_talks.txt"


def fresh(folder: Path, baseline: dict, fmt: str) -> str:
    """The brief of `folder` built from nothing: a new load, a new build, no memo."""
    corpus = load_corpus([folder], LoadOptions(), None, NoCache())
    brief = build_brief(corpus, Settings())
    attach(brief, since_last_marks(brief, baseline))
    return render(brief, fmt=fmt)


def assert_same(watcher: Watcher, folder: Path, fmt: str) -> None:
    watcher.round()
    assert watcher.state.text == fresh(folder, watcher.baseline, fmt)


def changes(folder: Path, new_text: str, victim: Path, gone: Path, twin: Path):
    """Add a new file, change one, delete one, add an identical copy of one: one round each."""
    yield (folder / "zz_new.txt").write_text(new_text)
    with open(victim, "a", encoding="utf-8") as handle:
        yield handle.write("\nThe figures were revised on Monday: 65 people were killed, officials said.\n")
    yield gone.unlink()
    yield shutil.copy(twin, folder / "zz_twin.txt")
    yield (folder / "zz_new.txt").unlink()


@pytest.mark.parametrize("fmt", ["json", "md"])
def test_rounds_on_the_sample_equal_a_fresh_build(tmp_path, fmt):
    folder = tmp_path / "corpus"
    shutil.copytree(SAMPLE, folder)
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".html", ".htm"))
    watcher = Watcher(folder, tmp_path / f"brief.{fmt}", fmt, raw=True)
    assert_same(watcher, folder, fmt)
    for _ in changes(folder, FEB14.read_text(encoding="utf-8"), files[0], files[-1], files[1]):
        assert_same(watcher, folder, fmt)
    assert watcher.round_memo.pairs or watcher.round_memo.profiles  # the memo was in use


def test_rounds_on_a_reuters_folder_equal_a_fresh_build(tmp_path, monkeypatch):
    folder = write_reuters(tmp_path / "reuters", 300)  # several days, threads, wire duplicates
    files = sorted(folder.iterdir())
    watcher = Watcher(folder, tmp_path / "brief.json", "json", raw=True)
    assert_same(watcher, folder, "json")
    story = files[10].read_text(encoding="utf-8").replace("said", "told reporters", 1)
    for _ in changes(folder, story, files[20], files[30], files[40]):
        assert_same(watcher, folder, "json")
    threads = len(watcher.round_memo.threads)
    assert threads > 1  # running stories: timelines were kept between rounds
    assert watcher.round_memo.indexes["thread rows"].reused > 0  # thread links kept where provably unchanged

    # One more file: only the work it touches is redone (counted, not timed).
    import briefing.analyse.dedup
    import briefing.brief.extras

    calls = {"pairs": 0, "timelines": 0, "marks": 0}

    def counted(name, function):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(briefing.analyse.dedup, "_direct", counted("pairs", briefing.analyse.dedup._direct))
    monkeypatch.setattr(briefing.brief.extras, "thread_timeline", counted("timelines", briefing.brief.extras.thread_timeline))
    monkeypatch.setattr(briefing.brief.extras, "story_changes", counted("marks", briefing.brief.extras.story_changes))
    pairs = len(watcher.round_memo.pairs)
    (folder / "zz_more.txt").write_text(story.replace("told reporters", "said on Tuesday", 1), encoding="utf-8")
    watcher.round()
    assert calls["pairs"] < max(pairs, 1) and calls["timelines"] <= 2 and calls["marks"] <= 3, calls
    assert watcher.state.text == fresh(folder, watcher.baseline, "json")  # (counts every call: after the check)


def test_a_watch_started_on_a_warm_disk_cache_keeps_its_stories(tmp_path):
    """A first round served whole from the disk cache (a restart, or an export before) gives
    the next round's stories from the disk; they are kept in memory, so later rounds reuse the
    same story objects (their marks and timelines with them), and every round equals a fresh build."""
    from briefing.core.cache import Cache

    folder = write_reuters(tmp_path / "reuters", 300)
    files = sorted(folder.iterdir())
    cache = Cache(tmp_path / "cache.sqlite3")
    Watcher(folder, tmp_path / "first.json", "json", cache=cache, raw=True).round()
    watcher = Watcher(folder, tmp_path / "brief.json", "json", cache=cache, raw=True)
    assert_same(watcher, folder, "json")  # from the disk's whole-brief entry
    (folder / "zz_new.txt").write_text(files[3].read_text(encoding="utf-8").replace("said", "stated", 1))
    assert_same(watcher, folder, "json")  # stories from the disk, kept in memory
    before = {id(s) for s in watcher.state.brief.stories()}
    assert watcher.stories.memory
    files[7].unlink()
    assert_same(watcher, folder, "json")
    after = {id(s) for s in watcher.state.brief.stories()}
    assert len(before & after) > len(after) // 2  # most stories are the same objects as last round


def test_rounds_given_the_notified_paths_equal_a_fresh_build(tmp_path):
    """A round told which paths changed (the notifications) looks only at those, yet gives what
    a walk of the folder gives: a new, a changed and a deleted file, a hidden file (not in the
    corpus), a file in a new folder and a file a notification did not name (both: walked)."""
    folder = write_reuters(tmp_path / "reuters", 200)
    files = sorted(folder.iterdir())
    watcher = Watcher(folder, tmp_path / "brief.json", "json", raw=True)
    watcher.round()
    watcher.round()  # the first two rounds walk the folder
    new = folder / "zz_new.txt"
    new.write_text(files[5].read_text(encoding="utf-8").replace("said", "told reporters", 1), encoding="utf-8")
    assert_same_given(watcher, folder, {str(new)})
    with open(files[9], "a", encoding="utf-8") as handle:
        handle.write("\nThe figures were revised on Monday, officials said.\n")
    assert_same_given(watcher, folder, {str(files[9])})
    files[12].unlink()
    (folder / ".partial.txt").write_text(files[13].read_text(encoding="utf-8"), encoding="utf-8")
    assert_same_given(watcher, folder, {str(files[12]), str(folder / ".partial.txt")})
    (folder / "more").mkdir()
    shutil.copy(files[14], folder / "more" / "copy.txt")
    assert_same_given(watcher, folder, {str(folder / "more" / "copy.txt")})  # a folder not seen before: walked
    files[15].unlink()
    (folder / "zz_unnamed.txt").write_text(files[16].read_text(encoding="utf-8"), encoding="utf-8")
    assert_same_given(watcher, folder, None)  # polling names nothing: walked
    assert len(watcher.state.brief.corpus.articles) == len(fresh_corpus(folder).articles)


def fresh_corpus(folder: Path):
    return load_corpus([folder], LoadOptions(), None, NoCache())


def assert_same_given(watcher: Watcher, folder: Path, changed) -> None:
    watcher.round(changed)
    assert watcher.state.text == fresh(folder, watcher.baseline, "json")
    names = [a.path for a in watcher.state.brief.corpus.articles]
    assert names == [a.path for a in fresh_corpus(folder).articles]
