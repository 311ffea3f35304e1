"""Empty and degenerate input gives one well-formed brief that says so, and a warning on
stderr; the desk asks before replacing a good brief with an empty one."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import pytest
from markdown_it import MarkdownIt

from briefing.core.cache import Cache
from briefing.core.config import Settings
from briefing.brief.curation import Curation, CurationStore
from briefing.tui.app import BriefingApp, ConfirmScreen
from conftest import SAMPLE
from test_tui_support import isolate_user_folders, wait_ready


def export(folder, *args, env=None):
    """`briefing export FOLDER --no-cache ARGS` as a program: (exit code, stdout, stderr)."""
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "export", str(folder), "--no-cache", *args],
        capture_output=True, text=True, env=dict(os.environ, **(env or {})), timeout=300,
    )
    return result.returncode, result.stdout, result.stderr


@pytest.fixture
def export_here(capsys, monkeypatch):
    """The same in this process (each program start-up costs ~1.2 CPU-s, more than these exports)."""
    from briefing.cli import main

    def call(folder, *args, env=None):
        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        capsys.readouterr()
        code = main(["export", str(folder), "--no-cache", *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return call


def headings(markdown: str) -> list[str]:
    tokens = MarkdownIt("commonmark").parse(markdown)
    return [tokens[n + 1].content for n, t in enumerate(tokens) if t.type == "heading_open"]


def test_an_empty_folder(tmp_path):
    code, out, err = export(tmp_path)
    assert code == 0 and headings(out) == ["Daily brief"] and "No articles" in out
    assert "warning: the brief is empty" in err


def test_a_folder_where_every_file_is_skipped(tmp_path, export_here):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "title-only.txt").write_text("Just a title\n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    code, out, err = export_here(tmp_path)
    assert code == 0 and headings(out) == ["Daily brief"] and "3 files skipped" in out
    assert "skipped 3 files" in err and "warning: the brief is empty: no article read; 3 files skipped (mostly:" in err


def test_an_empty_range(tmp_path, export_here):
    code, out, err = export(SAMPLE, "--date", "2021-01-01")  # as a program; the others in this process
    assert code == 0 and headings(out) == ["Daily brief — Friday 1 January 2021"] and "No stories in this range" in out
    assert "warning: the brief is empty: no story in this range" in err
    code, out, err = export_here(SAMPLE, "--from", "2021-01-01", "--to", "2021-01-31")
    assert headings(out) == ["Daily brief — 2021-01-01 to 2021-01-31"] and "warning" in err


def test_a_day_whose_only_story_is_dropped(tmp_path, export_here):
    data = tmp_path / "data"
    store = CurationStore(SAMPLE, directory=data / "briefing" / "curation")
    curation = Curation()
    from briefing.brief.build import build_brief
    from briefing.ingest.load import load_corpus

    brief = build_brief(load_corpus([SAMPLE]), start=__import__("datetime").date(2022, 2, 1), end=__import__("datetime").date(2022, 2, 1))
    (story,) = brief.days[0].stories
    curation.toggle_story(story.id)
    store.save(curation)
    code, out, err = export_here(SAMPLE, "--date", "2022-02-01", env={"XDG_DATA_HOME": str(data)})
    assert code == 0 and headings(out) == ["Daily brief — Tuesday 1 February 2022"]
    assert "warning: the brief is empty: every story was dropped in the desk" in err


def test_the_desk_asks_before_replacing_a_brief_with_an_empty_one(tmp_path, monkeypatch):
    isolate_user_folders(tmp_path, monkeypatch)
    app = BriefingApp(SAMPLE, Settings(), cache=Cache(tmp_path / "c.sqlite3"), export_dir=tmp_path / "out")

    async def scenario(pilot):
        app.jump_to_day("2022-02-01")
        await pilot.pause()
        await pilot.press("e", "enter")  # the export dialog: enter writes
        await pilot.pause()
        path = app.export_path("2022-02-01", "md")
        good = path.read_text()
        assert "## 1." in good
        await pilot.press("d")  # drop the day's only story
        await pilot.press("e", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert path.read_text() == good
        await pilot.press("e", "enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert "No stories" in path.read_text() and headings(path.read_text()) == ["Daily brief — Tuesday 1 February 2022"]

    async def main():
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_ready(pilot)
            await scenario(pilot)

    asyncio.run(main())
