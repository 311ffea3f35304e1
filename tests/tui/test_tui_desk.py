"""The desk's newer keys, driven with Pilot on the hand-made brief (two days, four stories):
undo and redo, the list of edits, the export dialog, the skipped-files panel, the status line,
j/k/g/G, z and the narrow layout, keys that arrive together, the palette's dates, theme names.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual import events

import briefing.tui.app as tui_app
from briefing.core.config import Settings
from briefing.core.model import Skipped
from briefing.tui.app import BriefingApp, ConfirmScreen
from briefing.tui.days import DaysList
from briefing.output.formats import FORMATS
from briefing.tui.export import ExportScreen, export_formats
from briefing.tui.palette import parse_day
from briefing.tui.skipped import SkippedScreen
from briefing.tui.status import StatusLine
from briefing.tui.stories import StoriesList
from briefing.tui.story_view import StoryView
from briefing.tui.undo import EditsScreen
from test_tui_support import handmade, isolate_user_folders, wait_ready


@pytest.fixture
def make_app(tmp_path, monkeypatch):
    isolate_user_folders(tmp_path, monkeypatch)
    corpus, brief = handmade()
    corpus.skipped.append(Skipped("notes/empty.txt", "no text in the file"))
    monkeypatch.setattr(tui_app, "make_brief", lambda *args, **kwargs: (corpus, brief))

    def make(theme: str = "newsroom-dark") -> BriefingApp:
        return BriefingApp(Path("desk"), Settings(theme=theme), export_dir=tmp_path / "out")

    return make


def run(app: BriefingApp, scenario, size=(120, 40)) -> None:
    async def main():
        async with app.run_test(size=size) as pilot:
            await wait_ready(pilot)
            await scenario(pilot)

    asyncio.run(main())


async def together(pilot, *keys: str) -> None:
    """Keys as a terminal sends them in one burst (`tmux send-keys Enter Down`): all queued on
    the app before it reads the first, no pause between."""
    for key in keys:
        pilot.app.post_message(events.Key(key, None))
    for _ in range(5):
        await pilot.pause()


def status_text(app) -> str:
    return str(app.query_one(StatusLine).render())


def test_undo_restores_a_dropped_story_and_redo_drops_it_again(make_app):
    app = make_app()

    async def scenario(pilot):
        await pilot.press("down", "enter")
        story = app.query_one(StoriesList).current
        await pilot.press("d")
        assert app.session.is_dropped(story)
        assert app.store.load().stories[story].dropped  # saved at once
        await pilot.press("u")
        assert not app.session.is_dropped(story)
        assert story not in app.store.load().stories or not app.store.load().stories[story].dropped
        await pilot.press("ctrl+y")
        assert app.session.is_dropped(story)
        await pilot.press("ctrl+z")
        assert not app.session.is_dropped(story)
        await pilot.press("u")  # nothing left to undo: a message, no change
        assert not app.session.is_dropped(story)

    run(app, scenario)


def test_undo_walks_back_several_steps_and_U_lists_the_edits(make_app):
    app = make_app()

    async def scenario(pilot):
        await pilot.press("down", "enter")
        first = app.query_one(StoriesList).current
        await pilot.press("d", "down", "d", "right", "space")
        assert len(app.undo_stack.done) == 3
        await pilot.press("U")
        assert isinstance(app.screen, EditsScreen)
        text = str(app.screen.query_one("#edits-text").render())
        assert "dropped from the brief" in text and "summary sentence left out" in text
        await pilot.press("escape")
        await pilot.press("u", "u", "u")
        assert app.session.curation.stories.get(first) is None or app.session.curation.stories[first].is_empty()
        assert all(edits.is_empty() for edits in app.session.curation.stories.values())

    run(app, scenario)


def test_export_dialog_writes_the_chosen_path_and_asks_before_overwriting(make_app, tmp_path):
    app = make_app()
    target = tmp_path / "elsewhere" / "monday.md"

    async def scenario(pilot):
        await pilot.press("down", "e")
        assert isinstance(app.screen, ExportScreen)
        path_input = app.screen.query_one("#export-path")
        assert path_input.value == str(tmp_path / "out" / "brief-2022-03-01.md")
        path_input.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == app.session.markdown("2022-03-01")
        target.write_text("the editor's own copy\n", encoding="utf-8")
        await pilot.press("e")
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "the editor's own copy\n"
        await pilot.press("e")
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == app.session.markdown("2022-03-01")

    run(app, scenario)


def test_export_dialog_json_and_clipboard(make_app, tmp_path):
    app = make_app()
    copied = []
    app.copy_to_clipboard = copied.append  # OSC 52 needs a terminal

    async def scenario(pilot):
        await pilot.press("down", "e")
        buttons = list(app.screen.query("RadioButton"))
        buttons[1].value = True
        await pilot.pause()
        assert app.screen.query_one("#export-path").value.endswith("brief-2022-03-01.json")
        app.screen.query_one("#export-copy").press()
        await pilot.pause()
        assert copied and copied[0].lstrip().startswith("{")

    run(app, scenario)
    assert set(export_formats()) == set(FORMATS)


def test_export_dialog_takes_the_format_from_a_typed_suffix(make_app, tmp_path):
    """Typing `….html` (or `.slack.json`) chooses that format, visibly, and writes it."""
    app = make_app()
    target = tmp_path / "mine.html"
    slack = tmp_path / "mine.slack.json"

    async def scenario(pilot):
        await pilot.press("down", "e")
        app.screen.query_one("#export-path").value = str(target)
        await pilot.pause()
        assert app.screen.chosen.name == "html"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("e")
        app.screen.query_one("#export-path").value = str(slack)
        await pilot.pause()
        assert app.screen.chosen.name == "slack" and app.screen.query_one("#export-path").value == str(slack)
        await pilot.press("enter")
        await pilot.pause()

    run(app, scenario)
    assert target.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert slack.read_text(encoding="utf-8").lstrip().startswith(("{", "["))


def test_skipped_files_panel_and_status_line(make_app):
    app = make_app()

    async def scenario(pilot):
        status = status_text(app)
        assert "desk" in status and "newsroom-dark" in status and "1 skipped" in status
        assert "of 4 stories kept" in status
        await pilot.press("s")
        assert isinstance(app.screen, SkippedScreen)
        text = str(app.screen.query_one("#skipped-text").render())
        assert "notes/empty.txt" in text and "no text in the file" in text
        await pilot.press("escape")
        await pilot.press("slash")
        await pilot.press(*"lava")
        await pilot.press("enter")
        await pilot.pause()
        assert "“lava”" in status_text(app)
        assert app.new_since_last_brief() == 0 and "new since" not in status_text(app)

    run(app, scenario)


def test_vim_keys_move_in_every_pane(make_app):
    app = make_app()

    async def scenario(pilot):
        days = app.query_one(DaysList)
        await pilot.press("j")
        assert days.current == "2022-03-01"
        await pilot.press("k")
        assert days.current == "2022-03-02"
        await pilot.press("G")
        assert days.current == "2022-03-01"
        await pilot.press("g")
        assert days.current == "2022-03-02"
        await pilot.press("G", "enter", "G")
        stories = app.query_one(StoriesList)
        assert stories.highlighted == stories.option_count - 1
        assert app.query_one(StoryView).story_id == stories.current

    run(app, scenario)


def test_z_maximises_the_focused_pane_and_z_restores(make_app):
    app = make_app()

    async def scenario(pilot):
        await pilot.press("down", "enter")
        await pilot.press("z")
        assert app.screen.maximized is app.query_one(StoriesList)
        assert not app.query_one(DaysList).region.area  # the other panes are gone
        await pilot.press("z")
        assert app.screen.maximized is None
        await pilot.press("enter", "z")
        assert app.screen.maximized is app.query_one(StoryView)

    run(app, scenario)


def test_below_100_columns_two_panes_and_titles_get_the_room(make_app):
    app = make_app()

    async def scenario(pilot):
        days, stories, story = app.query_one(DaysList), app.query_one(StoriesList), app.query_one(StoryView)
        assert days.display and days.region.width and not story.region.width  # Days focused: days | stories
        await pilot.press("down", "enter")
        await pilot.pause()
        assert not days.region.width and stories.region.width >= 38 and story.region.width >= 38

    run(app, scenario, size=(80, 24))


def test_keys_that_arrive_together_act_as_if_typed_slowly(make_app):
    slow_app, fast_app = make_app(), make_app()
    keys = ["down", "enter", "down", "enter", "down", "space", "escape", "up", "escape", "up"]
    seen = {}

    def scenario_for(app, name, burst):
        async def scenario(pilot):
            if burst:
                await together(pilot, *keys)
            else:
                for key in keys:
                    await pilot.press(key)
                    await pilot.pause()
            seen[name] = (
                type(app.focused).__name__, app.query_one(DaysList).current, app.query_one(StoriesList).current,
                app.query_one(StoryView).story_id, {k: v for k, v in app.session.curation.stories.items() if not v.is_empty()},
            )
        return scenario

    run(slow_app, scenario_for(slow_app, "slow", False))
    run(fast_app, scenario_for(fast_app, "fast", True))
    assert seen["slow"][0] == "DaysList" and seen["slow"][1] == "2022-03-02" and seen["slow"][4]
    assert seen["fast"] == seen["slow"]


def test_enter_down_together_goes_to_the_stories(make_app):
    app = make_app()

    async def scenario(pilot):
        await pilot.press("down")
        await together(pilot, "enter", "down")
        assert app.focused is app.query_one(StoriesList)
        assert app.query_one(DaysList).current == "2022-03-01"  # the down did not move the day
        assert app.query_one(StoriesList).highlighted == 1

    run(app, scenario)


def test_palette_finds_days_in_any_form_and_themes_once(make_app):
    assert parse_day("01 Feb")[0].timetuple()[1:3] == (2, 1)
    assert parse_day("1 March 2022") == (parse_day("2022-03-01")[0], True)
    app = make_app()

    async def scenario(pilot):
        from briefing.tui.palette import BriefingCommands

        provider = BriefingCommands(app.screen)
        hits = [name for name, _, _ in provider._date_hits("1 Mar")]
        assert hits == ["Jump to day 2022-03-01 Tuesday"]
        names = [name for name, _, help_text in provider._commands()]
        themes = [n for n in names if n.startswith("Theme: ")]
        assert themes == ["Theme: newsroom-dark", "Theme: newsroom-high-contrast", "Theme: newsroom-light"]
        helps = [help_text for name, _, help_text in provider._commands() if name.startswith("Jump to day 2022-03-02")]
        assert helps == ["1 story"]

    run(app, scenario)


def test_each_theme_is_named_when_chosen(make_app):
    app = make_app()

    async def scenario(pilot):
        await pilot.press("t")
        await pilot.pause()
        assert any(n.message == f"theme: {app.theme}" for n in app._notifications)
        assert app.theme in status_text(app)

    run(app, scenario)


def test_filter_matches_are_marked(make_app):
    app = make_app()

    async def scenario(pilot):
        await pilot.press("slash", *"lava", "enter")
        await pilot.pause()
        stories = app.query_one(StoriesList)
        prompt = stories.get_option_at_index(0).prompt
        marked = [prompt.plain[span.start:span.end] for span in prompt.spans if "reverse" in str(span.style)]
        assert marked and all(m.lower() == "lava" for m in marked)

    run(app, scenario)
