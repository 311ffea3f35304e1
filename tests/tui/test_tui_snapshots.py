"""SVG snapshots of the desk's screens in each shipped theme, at 120x40.

The brief is hand-made (`test_tui_support.handmade`), so the pictures show the desk and do not
change when the summariser or the grouping is tuned. Update after a deliberate change of the
look with `uv run pytest tests/tui/test_tui_snapshots.py --snapshot-update`, and look at them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import briefing.tui.app as tui_app
from briefing.core.config import Settings
from briefing.tui.app import BriefingApp
from test_tui_support import handmade, isolate_user_folders, wait_ready

THEMES = ["newsroom-dark", "newsroom-light", "newsroom-high-contrast"]
SIZE = (120, 40)

SCREENS = {
    "main": ["down"],  # the day with three stories, its first story beside it
    "story": ["down", "enter", "enter", "down", "space"],  # the story, one sentence taken out
    "reader": ["down", "enter", "enter", "enter"],  # the article reader on a summary sentence
    "help": ["question_mark"],
    "preview": ["down", "p"],
    "export": ["down", "e"],  # the export dialog: format, path, write / copy / $EDITOR
    "edits": ["down", "enter", "d", "down", "enter", "space", "U"],  # U: edits and undo history
    "maximised": ["down", "enter", "z"],  # z: the stories pane alone
}


@pytest.fixture
def desk_app(tmp_path, monkeypatch):
    isolate_user_folders(tmp_path, monkeypatch)
    corpus, brief = handmade()
    monkeypatch.setattr(tui_app, "make_brief", lambda *args, **kwargs: (corpus, brief))

    def make(theme: str) -> BriefingApp:
        return BriefingApp(Path("desk"), Settings(theme=theme), export_dir=tmp_path)

    return make


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_snapshot(snap_compare, desk_app, screen, theme):
    app = desk_app(theme)
    app.export_dir = Path("/home/editor/briefs")  # the path the export dialog offers, the same every run
    assert app.theme == theme

    async def ready(pilot):
        await wait_ready(pilot)
        for key in SCREENS[screen]:  # one at a time, each answered (a rebuild finished) before the next:
            await pilot.press(key)  # sent in one burst, a loaded CI machine drew a half-done screen
            await wait_ready(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)


NARROW = {
    "narrow-days": [],  # 80x24, Days focused: days | stories
    "narrow-stories": ["down", "enter"],  # 80x24, Stories focused: stories | story, titles get the room
}


@pytest.mark.parametrize("screen", list(NARROW))
def test_snapshot_80x24(snap_compare, desk_app, screen):
    app = desk_app("newsroom-dark")

    async def ready(pilot):
        await wait_ready(pilot)
        for key in NARROW[screen]:
            await pilot.press(key)
            await wait_ready(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)
