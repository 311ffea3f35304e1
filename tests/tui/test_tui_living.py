"""The desk follows its folder: a new article shows as "1 new" without moving the cursor;
`n` marks it in the list; `l` shows a thread's timeline."""

from __future__ import annotations

import asyncio
import shutil

import pytest

from briefing.core.cache import Cache
from briefing.core.config import Settings
from briefing.brief.extras import load_record
from briefing.tui.app import BriefingApp
from briefing.tui.living import TimelineScreen
from briefing.tui.status import StatusLine
from briefing.tui.stories import StoriesList
from conftest import TEST_DATA, SAMPLE
from test_tui_support import wait_ready

FEB14 = TEST_DATA / "feb14_talks.txt"


@pytest.mark.parametrize("isolate", [False, True], ids=["in-process", "engine-process"])
def test_the_desk_follows_the_folder_without_moving_the_cursor(tmp_path, isolate):
    folder = tmp_path / "corpus"
    shutil.copytree(SAMPLE, folder)
    app = BriefingApp(folder, Settings(), cache=Cache(tmp_path / "cache.sqlite3"), export_dir=tmp_path, isolate=isolate)
    seen = {}

    async def run():
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_ready(pilot)
            assert app.new_since_last_count() == 0 and "new" not in app.sub_title
            days = app.query_one("#days")
            days.highlighted = days.get_option_index("2022-02-15")  # away from the story that will change
            await pilot.pause(0.2)
            before = (app.query_one("#days").highlighted, app.query_one(StoriesList).current)
            await pilot.pause(0.5)  # the follower is listening
            shutil.copy(FEB14, folder / "005_feb14_talks.txt")
            for _ in range(1200):  # bounded: a broken follower fails, it does not hang
                await pilot.pause(0.05)
                if app.new_since_last_count():
                    break
            await wait_ready(pilot)
            seen["count"], seen["title"] = app.new_since_last_count(), app.sub_title
            seen["status"] = str(app.query_one(StatusLine).render())
            seen["after"] = (app.query_one("#days").highlighted, app.query_one(StoriesList).current)
            seen["before"] = before
            seen["articles"] = len(app.session.articles)
            await pilot.press("n")
            await pilot.pause(0.1)
            days.highlighted = days.get_option_index("2022-02-14")
            await pilot.pause(0.3)
            label = str(app.query_one(StoriesList).get_option_at_index(0).prompt)
            seen["label"] = label
            await pilot.press("l")
            await pilot.pause(0.3)
            seen["timeline"] = isinstance(app.screen, TimelineScreen)
            await pilot.press("escape")
            await pilot.pause(0.2)
            feb14 = app.query_one(StoriesList).current
            await pilot.press("e")  # the desk's export dialog records the day, as `briefing export` does
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause(0.5)
            seen["status_after_export"] = str(app.query_one(StatusLine).render())
            seen["recorded"] = feb14 in (load_record(folder) or {})
            seen["after_export"] = app.new_since_last()
            seen["feb14"] = feb14

    asyncio.run(run())
    assert seen["count"] == 1 and seen["title"].endswith("· 1 new")
    assert "1 new since the last brief" in seen["status"]  # the desk's status line counts it too
    # the record holds what that export contained (one day), so the status counts the rest
    assert f"{len(seen['after_export'])} new since" in seen["status_after_export"] or not seen["after_export"]
    assert seen["after"] == seen["before"]  # the cursor stayed where the editor left it
    assert seen["articles"] == 6
    assert "● +1" in seen["label"]
    assert seen["timeline"]
    assert seen["recorded"] and seen["feb14"] not in seen["after_export"]
