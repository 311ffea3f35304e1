"""The editor's desk, driven with Textual's Pilot: navigation, every curation action, saving,
export, help, filter, themes, hostile text, small terminals.

The tests never touch the real user folders: XDG_DATA_HOME / XDG_CONFIG_HOME point into a
temporary folder, and the analysis cache is a temporary one shared by the session.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import briefing.brief.build
import briefing.tui.app as tui_app
from briefing.core.cache import Cache
from briefing.core.config import Settings
from briefing.brief.curation import CurationStore
from briefing.tui.app import BriefingApp
from briefing.tui.days import DaysList
from briefing.tui.filter import FilterBar
from briefing.tui.headline import HeadlineScreen
from briefing.tui.help import HelpScreen
from briefing.tui.move import BACK, MoveScreen
from briefing.tui.preview import PreviewScreen
from briefing.tui.reader import ReaderScreen, SentenceList
from briefing.tui.stories import StoriesList
from briefing.tui.story_view import StoryRows, StoryView
from conftest import SAMPLE
from test_tui_support import DESK, HOSTILE, isolate_user_folders, one_story_per_article, wait_ready, write_corpus

REPO = Path(__file__).resolve().parents[2]
SHORT = Settings(words=None, sentences=2)  # summaries that leave sentences out, to pull in


@pytest.fixture(scope="session")
def cache_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache-home")


@pytest.fixture(scope="session")
def shared_cache(cache_home) -> Cache:
    return Cache(cache_home / "briefing" / "analysis.sqlite3")


@pytest.fixture(autouse=True)
def user_folders(tmp_path, monkeypatch):
    """Every test gets its own user data and config folders, and works in tmp_path."""
    isolate_user_folders(tmp_path, monkeypatch)


@pytest.fixture
def desk(tmp_path, monkeypatch, shared_cache) -> Path:
    """The four-article desk corpus, grouped one story per article (three stories on 1 March)."""
    monkeypatch.setattr(briefing.brief.build, "group_stories", one_story_per_article)
    return write_corpus(tmp_path / "desk", DESK)


def run(app: BriefingApp, scenario, size=(120, 40)) -> None:
    async def main():
        async with app.run_test(size=size) as pilot:
            await wait_ready(pilot)
            await scenario(pilot)

    asyncio.run(main())


def store_of(path: Path) -> CurationStore:
    return CurationStore(path)


async def palette(pilot, query: str, expect: str) -> None:
    """Run the command-palette hit for a query, once the first hit names `expect`."""
    from textual.command import CommandList, CommandPalette
    from textual.widgets import Input

    await pilot.press("ctrl+p")
    assert isinstance(pilot.app.screen, CommandPalette)
    pilot.app.screen.query_one(Input).value = query
    for _ in range(200):  # the search runs in the background
        await pilot.pause(0.02)
        hits = pilot.app.screen.query_one(CommandList)
        if hits.option_count and expect.lower() in str(hits.get_option_at_index(0).prompt).lower():
            break
    else:
        raise AssertionError(f"no palette hit for {query!r}")
    await pilot.press("down", "enter") if hits.highlighted is None else await pilot.press("enter")
    await pilot.pause()


async def goto_row(pilot, kind: str, nth: int = 0) -> None:
    """Put the story view's cursor on the nth row of a kind (summary, figure, quote, source)."""
    rows = pilot.app.query_one(StoryRows)
    rows.focus()
    found = [i for i, option in enumerate(rows.options) if option.id and rows.rows[option.id].kind == kind]
    rows.highlighted = found[nth]
    await pilot.pause()


def current_row(app):
    return app.query_one(StoryView).current()


# ---------------------------------------------------------------- loading and navigation


def test_first_screen_paints_before_the_brief_is_built(tmp_path, monkeypatch, desk, shared_cache):
    release = threading.Event()
    real = tui_app.make_brief

    def slow_build(*args, **kwargs):
        release.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(tui_app, "make_brief", slow_build)
    app = BriefingApp(desk, SHORT, cache=shared_cache, export_dir=tmp_path)

    async def main():
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause(0.2)
            assert app.session is None
            assert app.query_one("#loading").display
            await pilot.press("question_mark")  # keys are answered while loading
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            await pilot.press("e")  # nothing to export yet: a message, no crash
            release.set()
            await wait_ready(pilot)
            assert not app.query_one("#loading").display
            assert app.query_one(DaysList).option_count == 2

    asyncio.run(main())


def test_navigation_days_stories_story_reader_and_back(tmp_path, desk, shared_cache):
    app = BriefingApp(desk, SHORT, cache=shared_cache, export_dir=tmp_path)

    async def scenario(pilot):
        days, stories = app.query_one(DaysList), app.query_one(StoriesList)
        assert [o.id for o in days.options] == ["2022-03-02", "2022-03-01"]  # newest first
        assert app.focused is days
        assert stories.option_count == 1
        await pilot.press("down")
        assert days.current == "2022-03-01"
        assert stories.option_count == 3
        await pilot.press("enter")
        assert app.focused is stories
        await pilot.press("down")
        second = stories.current
        assert app.query_one(StoryView).story_id == second
        await pilot.press("enter")
        assert isinstance(app.focused, StoryRows)
        assert current_row(app).kind == "summary"
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.story_id == second
        await pilot.press("escape")
        assert not isinstance(app.screen, ReaderScreen)
        assert isinstance(app.focused, StoryRows)
        await pilot.press("escape")
        assert app.focused is stories and stories.current == second
        await pilot.press("escape")
        assert app.focused is days
        await pilot.press("right", "right")
        assert isinstance(app.focused, StoryRows)
        await pilot.press("left", "left")
        assert app.focused is days

    run(app, scenario)


# ---------------------------------------------------------------- curation


def test_space_excludes_and_restores_a_summary_sentence(tmp_path, desk, shared_cache):
    app = BriefingApp(desk, SHORT, cache=shared_cache, export_dir=tmp_path)

    async def scenario(pilot):
        await goto_row(pilot, "summary")
        row = current_row(app)
        story = app.query_one(StoryView).story_id
        await pilot.press("space")
        assert current_row(app).item.state == "excluded"
        edits = store_of(desk).load().stories[story]
        assert (row.article, row.item.index) in edits.excluded
        assert row.item.text not in app.session.markdown(app.query_one(DaysList).current)
        await pilot.press("space")
        assert current_row(app).item.state == "machine"
        assert store_of(desk).load().stories.get(story) is None or not store_of(desk).load().stories[story].excluded

    run(app, scenario)


def test_reader_pulls_another_sentence_into_the_summary(tmp_path, desk, shared_cache):
    app = BriefingApp(desk, SHORT, cache=shared_cache, export_dir=tmp_path)

    async def scenario(pilot):
        await pilot.press("down", "enter")
        stories = app.query_one(StoriesList)
        for position, option in enumerate(stories.options):  # a story with a sentence left out
            story = app.session.story(option.id)
            article = story.articles[0]
            in_summary = {line.index for line in story.summary if line.article == article}
            spans = app.session.spans(article)
            outside = [i for i in range(len(spans)) if i not in in_summary]
            if outside:
                stories.highlighted = position
                outside = outside[0]
                break
        else:
            raise AssertionError("every sentence is in the summaries")
        await pilot.pause()
        await goto_row(pilot, "source")
        await pilot.press("enter")
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.article_id == article
        listing = reader.query_one(SentenceList)
        listing.highlighted = listing.get_option_index(f"s{outside}")
        await pilot.press("space")
        assert reader.states()[outside] == "included"
        assert (article, outside) in store_of(desk).load().stories[story.id].included
        await pilot.press("space")  # and out again
        assert outside not in reader.states()
        await pilot.press("space")
        await pilot.press("escape")
        rows = [r for r in app.session.summary_rows(story) if r.state == "included"]
        assert [(r.article, r.index) for r in rows] == [(article, outside)]
        assert spans[outside].text in app.session.markdown(app.query_one(DaysList).current)

    run(app, scenario)


def test_quotes_and_figures_cycle_pinned_dropped_normal(tmp_path, desk, shared_cache):
    app = BriefingApp(desk, SHORT, cache=shared_cache, export_dir=tmp_path)

    async def scenario(pilot):
        story = app.query_one(StoryView).story_id
        for kind, field in (("quote", "quotes"), ("figure", "figures")):
            await goto_row(pilot, kind, nth=-1)
            text = current_row(app).item.line.text
            await pilot.press("space")
            edits = store_of(desk).load().stories[story]
            assert text in [t for _, t in getattr(edits, f"pinned_{field}")]
            # pinned goes first: the cursor stays on the row number, the pinned item is row 0
            rows = app.session.quote_rows if kind == "quote" else app.session.figure_rows
            first = rows(app.session.story(story))[0]
            assert first.line.text == text and first.state == "pinned"
            await goto_row(pilot, kind, nth=0)
            await pilot.press("space")
            edits = store_of(desk).load().stories[story]
            assert text in [t for _, t in getattr(edits, f"dropped_{field}")]
            assert current_row(app).item.state == "dropped"
            await pilot.press("space")
            edits = store_of(desk).load().stories.get(story)
            assert edits is None or text not in [t for _, t in getattr(edits, f"dropped_{field}") + getattr(edits, f"pinned_{field}")]

    run(app, scenario)


def test_edit_headline_in_a_modal(tmp_path, desk, shared_cache):
    app = BriefingApp(desk, SHORT, cache=shared_cache, export_dir=tmp_path)

    async def scenario(pilot):
        story = app.query_one(StoryView).story_id
        machine = app.session.story(story).headline
        await pilot.press("h")
        assert isinstance(app.screen, HeadlineScreen)
        # pre-filled with the headline the brief shows, whole (it used to end in "…")
        assert app.screen.query_one("#headline-input").value == machine and not machine.endswith("…")
        app.screen.query_one("#headline-input").value = ""
        await pilot.press(*"Lava at the door", "enter")
        assert app.session.story(story).headline == "Lava at the door"
        assert store_of(desk).load().stories[story].headline == "Lava at the door"
        assert "Lava at the door" in app.session.markdown("2022-03-02")
        await pilot.press("h", "escape")  # cancel keeps it
        assert app.session.story(story).headline == "Lava at the door"
        await pilot.press("h")
        app.screen.query_one("#headline-input").value = ""
        await pilot.press("enter")  # empty: back to the machine's headline
        assert app.session.story(story).headline == machine

    run(app, scenario)


def test_drop_and_restore_a_story(tmp_path, desk, shared_cache):
    app = BriefingApp(desk, SHORT, cache=shared_cache, export_dir=tmp_path)

    async def scenario(pilot):
        await pilot.press("down", "enter")
        stories = app.query_one(StoriesList)
        story = stories.current
        headline = app.session.story(story).headline
        await pilot.press("d")
        assert store_of(desk).load().stories[story].dropped
        assert stories.current == story  # still shown, struck through, so it can come back
        assert headline not in app.session.markdown("2022-03-01")
        assert app.query_one(DaysList).options[1].prompt.plain.endswith("2 st")
        await pilot.press("d")
        assert not store_of(desk).load().stories.get(story, None) or not store_of(desk).load().stories[story].dropped
        assert headline in app.session.markdown("2022-03-01")

    run(app, scenario)


def test_reorder_stories(tmp_path, desk, shared_cache):
    app = BriefingApp(desk, SHORT, cache=shared_cache, export_dir=tmp_path)

    async def scenario(pilot):
        await pilot.press("down", "enter")
        stories = app.query_one(StoriesList)
        before = [o.id for o in stories.options]
        await pilot.press("right_square_bracket")
        assert [o.id for o in stories.options] == [before[1], before[0], before[2]]
        assert stories.current == before[0]
        await pilot.press("shift+down")
        assert [o.id for o in stories.options] == [before[1], before[2], before[0]]
        await pilot.press("shift+up", "shift+up", "left_square_bracket")
        assert [o.id for o in stories.options] == before
        await pilot.press("shift+down")
        assert store_of(desk).load().order["2022-03-01"] == [before[1], before[0], before[2]]
        markdown = app.session.markdown("2022-03-01")
        headlines = [app.session.story(s).headline for s in (before[1], before[0])]
        assert markdown.index(headlines[0]) < markdown.index(headlines[1])

    run(app, scenario)


def test_move_an_article_to_another_story_of_the_day(tmp_path, desk, shared_cache):
    app = BriefingApp(desk, SHORT, cache=shared_cache, export_dir=tmp_path)

    async def scenario(pilot):
        await pilot.press("down", "enter")
        stories = app.query_one(StoriesList)
        assert stories.option_count == 3
        moving = app.session.story(stories.current).articles[0]
        target = stories.options[1].id
        anchor = app.session.story(target).articles[0]
        await pilot.press("enter")
        await goto_row(pilot, "source")
        await pilot.press("m")
        assert isinstance(app.screen, MoveScreen)
        await pilot.press("enter")  # the first other story of the day: stories[1]
        await wait_ready(pilot)
        assert store_of(desk).load().moves == {moving: anchor}
        assert stories.option_count == 2
        holder = app.session.story(stories.current)
        assert sorted(holder.articles) == sorted([moving, anchor])
        # and back where it was
        await goto_row(pilot, "source", nth=holder.articles.index(moving))
        await pilot.press("m")
        assert app.screen.query_one("#move-list").options[0].id.endswith("back")
        await pilot.press("enter")
        await wait_ready(pilot)
        assert store_of(desk).load().moves == {}
        assert stories.option_count == 3

    run(app, scenario)


def test_move_picker_finds_a_story_and_its_edits_survive_the_move(tmp_path, desk, shared_cache):
    app = BriefingApp(desk, SHORT, cache=shared_cache, export_dir=tmp_path)

    async def scenario(pilot):
        await pilot.press("down", "enter")
        stories = app.query_one(StoriesList)
        source = app.session.story(stories.current)
        target = app.session.story(stories.options[2].id)
        app.session.curation.set_headline(target.id, "Edited before the move")
        app._save(source.id)
        moving, anchor = source.articles[0], target.articles[0]
        await pilot.press("enter")
        await goto_row(pilot, "source")
        await pilot.press("m")
        assert isinstance(app.screen, MoveScreen)
        picker = app.screen.query_one("#move-list")
        assert picker.option_count == 2
        await pilot.press(*"EDITED bef")  # words of the target's headline as the desk shows it, any case
        assert [o.id for o in picker.options] == [target.id]
        await pilot.press("enter")
        await wait_ready(pilot)
        assert store_of(desk).load().moves == {moving: anchor}
        holder = app.session.story(stories.current)
        assert holder.id == target.id and sorted(holder.articles) == sorted([moving, anchor])
        assert holder.headline == "Edited before the move"  # the story that took the article keeps its edits
        assert "2 sources" in stories.get_option(target.id).prompt.plain  # its label is redrawn
        await goto_row(pilot, "source", nth=holder.articles.index(moving))
        await pilot.press("m")
        assert isinstance(app.screen, MoveScreen)
        await pilot.press(*"zzz")  # no story matches: the way back stays
        assert [o.id for o in app.screen.query_one("#move-list").options] == [BACK]
        await pilot.press("escape")
        assert not isinstance(app.screen, MoveScreen) and store_of(desk).load().moves == {moving: anchor}

    run(app, scenario)


def test_edits_survive_a_restart(tmp_path, desk, shared_cache):
    first = BriefingApp(desk, SHORT, cache=shared_cache, export_dir=tmp_path)
    state = {}

    async def edit(pilot):
        await pilot.press("down", "enter")
        state["story"] = app_story = first.query_one(StoriesList).current
        await pilot.press("h")
        first.screen.query_one("#headline-input").value = "Edited headline"
        await pilot.press("enter", "right_square_bracket")
        await goto_row(pilot, "summary")
        await pilot.press("space")
        state["excluded"] = (current_row(first).article, current_row(first).item.index)
        state["order"] = [o.id for o in first.query_one(StoriesList).options]
        assert app_story

    run(first, edit)
    second = BriefingApp(desk, SHORT, cache=shared_cache, export_dir=tmp_path)

    async def check(pilot):
        await pilot.press("down")
        stories = second.query_one(StoriesList)
        assert [o.id for o in stories.options] == state["order"]
        story = second.session.story(state["story"])
        assert story.headline == "Edited headline"
        rows = {(r.article, r.index): r.state for r in second.session.summary_rows(story)}
        assert rows[state["excluded"]] == "excluded"
        assert "Edited headline" in stories.options[1].prompt.plain

    run(second, check)


# ---------------------------------------------------------------- export, preview, palette


def test_export_equals_the_cli_after_the_same_curation(tmp_path, shared_cache, cache_home):
    app = BriefingApp(SAMPLE, cache=shared_cache, export_dir=tmp_path / "out")
    result = {}

    async def scenario(pilot):
        day = app.query_one(DaysList).current
        await pilot.press("enter", "enter")
        await pilot.press("h")
        app.screen.query_one("#headline-input").value = "Diplomacy, and [bold]doubts[/]"
        await pilot.press("enter")
        await goto_row(pilot, "summary", nth=1)
        await pilot.press("space")
        await goto_row(pilot, "quote", nth=-1)
        await pilot.press("space")
        await goto_row(pilot, "figure", nth=0)
        await pilot.press("space", "space")
        await pilot.press("e", "enter")  # the export dialog: enter writes to the path it offers
        await pilot.pause()
        result["day"], result["path"] = day, app.export_path(day, "md")

    run(app, scenario)
    assert result["path"] == tmp_path / "out" / f"brief-{result['day']}.md"
    exported = result["path"].read_text(encoding="utf-8")
    assert "Diplomacy, and [bold]doubts[/\\]" in exported  # issue 18: only the closing `]` at the end needs a backslash
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home))
    cli = subprocess.run(
        [sys.executable, "-m", "briefing", "export", str(SAMPLE), "--date", result["day"]],
        capture_output=True, text=True, env=env, cwd=REPO,
    )
    assert cli.returncode == 0, cli.stderr
    assert exported == cli.stdout

    # The desk as `briefing DIR` runs it (the engine in a child process) finds the same edits
    # and exports the same brief.
    again = BriefingApp(SAMPLE, cache=shared_cache, export_dir=tmp_path / "again", isolate=True)

    async def reopen(pilot):
        assert app.session is not again.session
        assert again.session.story(again.query_one(StoriesList).current).headline == "Diplomacy, and [bold]doubts[/]"
        await pilot.press("e", "enter")  # the export dialog: enter writes to the path it offers
        await pilot.pause()

    run(again, reopen)
    assert (tmp_path / "again" / f"brief-{result['day']}.md").read_text(encoding="utf-8") == exported


def test_export_json_and_jump_to_a_day_from_the_palette(tmp_path, desk, shared_cache):
    app = BriefingApp(desk, SHORT, cache=shared_cache, export_dir=tmp_path)

    async def scenario(pilot):
        await palette(pilot, "jump to day 2022-03-01", "2022-03-01")
        assert app.query_one(DaysList).current == "2022-03-01"
        await palette(pilot, "export day as json", "json")

    run(app, scenario)
    document = json.loads((tmp_path / "brief-2022-03-01.json").read_text())
    assert [d["date"] for d in document["days"]] == ["2022-03-01"]
    assert len(document["days"][0]["stories"]) == 3


def test_preview_shows_the_curated_day_and_never_opens_links(tmp_path, desk, shared_cache, monkeypatch):
    opened = []
    app = BriefingApp(desk, SHORT, cache=shared_cache, export_dir=tmp_path)
    monkeypatch.setattr(app, "open_url", lambda *a, **k: opened.append(a))

    async def scenario(pilot):
        await pilot.press("p")
        assert isinstance(app.screen, PreviewScreen)
        markdown = app.screen.query_one("#preview-markdown")
        assert markdown.source == app.session.markdown("2022-03-02")
        markdown.post_message(markdown.LinkClicked(markdown, "https://evil.example/"))
        await pilot.pause(0.1)
        assert opened == []
        await pilot.press("e", "enter")  # export from the preview, through the dialog
        await pilot.pause()
        assert (tmp_path / "brief-2022-03-02.md").exists()
        await pilot.press("escape")
        assert not isinstance(app.screen, PreviewScreen)

    run(app, scenario)


# ---------------------------------------------------------------- help, filter, themes


def test_help_screen_lists_the_keys(tmp_path, desk, shared_cache):
    app = BriefingApp(desk, SHORT, cache=shared_cache, export_dir=tmp_path)

    async def scenario(pilot):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one("#help-text").render().plain
        for key in ("space", "export", "preview", "filter", "headline", "drop", "move", "quit", "palette"):
            assert key in text
        assert "PgUp PgDn  move in a list" in text  # a key never runs into what it does
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)

    run(app, scenario)


def test_filter_stories_and_articles(tmp_path, desk, shared_cache):
    app = BriefingApp(desk, SHORT, cache=shared_cache, export_dir=tmp_path)

    async def scenario(pilot):
        await pilot.press("slash")
        bar = app.query_one(FilterBar)
        assert bar.display and app.focused is bar
        await pilot.press(*"okafor")  # only in the football article's text
        await settle(pilot, bar)
        days, stories = app.query_one(DaysList), app.query_one(StoriesList)
        assert "0 matches" in days.options[0].prompt.plain and "1 match" in days.options[1].prompt.plain
        await pilot.press("enter")
        assert app.focused is stories
        await pilot.press("escape", "down", "enter")
        assert stories.option_count == 1
        assert "Underdogs" in app.session.story(stories.current).headline
        await goto_row(pilot, "source")
        assert "reverse" in str(current_row(app)) or app.session.article_matches(current_row(app).article)
        await pilot.press("slash", "escape")  # clears
        assert stories.option_count == 3 and not bar.display

    run(app, scenario)


async def settle(pilot, bar: FilterBar) -> None:
    """Until the filter bar has applied what was typed (it waits for the keys to pause)."""
    for _ in range(100):
        if not bar.pending:
            break
        await pilot.pause(0.02)
    await pilot.pause()


def test_filter_waits_for_the_keys_to_pause(tmp_path, desk, shared_cache):
    app = BriefingApp(desk, SHORT, cache=shared_cache, export_dir=tmp_path)

    async def scenario(pilot):
        queries = []
        set_query = app.session.set_query
        app.session.set_query = lambda query: (queries.append(query), set_query(query))
        await pilot.press("slash")
        bar = app.query_one(FilterBar)
        bar.debounce = 1.0  # longer than typing takes on a slow machine
        await pilot.press(*"okafor")
        assert queries == [] and bar.pending  # nothing filtered while typing
        await settle(pilot, bar)
        assert queries == ["okafor"]  # once, for the whole word
        await pilot.press("backspace", "backspace", "enter")  # enter filters at once
        assert queries == ["okafor", "okaf"] and not bar.pending
        await pilot.press("slash", "escape")  # and escape clears at once
        assert queries[-1] == "" and not bar.display
        await pilot.pause(1.2)
        assert queries == ["okafor", "okaf", ""]  # nothing left waiting to fire

    run(app, scenario)


def test_theme_switch_is_saved_and_used_next_time(tmp_path, desk, shared_cache):
    from briefing.tui.themes import choice_path

    app = BriefingApp(desk, SHORT, cache=shared_cache, export_dir=tmp_path)
    assert app.theme == "newsroom-dark"
    assert {"newsroom-dark", "newsroom-light", "newsroom-high-contrast"} <= set(app.available_themes)

    async def scenario(pilot):
        await palette(pilot, "theme: newsroom-light", "newsroom-light")
        assert app.theme == "newsroom-light"
        await pilot.press("t")  # next theme
        assert app.theme != "newsroom-light"
        app.set_theme("newsroom-high-contrast")

    run(app, scenario)
    assert json.loads(choice_path().read_text())["theme"] == "newsroom-high-contrast"
    assert BriefingApp(desk).theme == "newsroom-high-contrast"


def test_themes_from_files_user_folder_and_config(tmp_path, desk, shared_cache):
    from briefing.core.config import Settings
    from briefing.tui.themes import PACKAGED, REPO_THEMES, load_themes, user_themes_dir

    for packaged in PACKAGED.glob("*.toml"):  # the wheel's copies are the repo's themes
        assert (REPO_THEMES / packaged.name).read_text() == packaged.read_text()
    folder = user_themes_dir()
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text('name = "mine"\ndark = false\n[colors]\nprimary = "#123456"\nbackground = "#fafafa"\n')
    (folder / "broken.toml").write_text('name = "broken"\n[colors]\nprimary = "not a colour"\n')
    loaded = load_themes()
    assert loaded.themes["mine"].dark is False and loaded.themes["mine"].primary == "#123456"
    assert "broken" not in loaded.themes and any("not a colour" in p for p in loaded.problems)
    assert load_themes([tmp_path / "absent"]).themes == {}  # no folder: no crash
    assert BriefingApp(desk, Settings(theme="mine")).theme == "mine"
    assert BriefingApp(desk, Settings(theme="no-such-theme")).theme == "newsroom-dark"


# ---------------------------------------------------------------- hostile text, sizes


def test_markup_in_articles_is_shown_literally_and_runs_nothing(tmp_path, shared_cache):
    corpus = write_corpus(tmp_path / "hostile", HOSTILE)
    app = BriefingApp(corpus, cache=shared_cache, export_dir=tmp_path)

    async def scenario(pilot):
        await pilot.press("enter", "enter")
        story = app.session.story(app.query_one(StoryView).story_id)
        article = app.session.articles[story.articles[0]]
        assert "\x1b" not in article.text and "\x07" not in article.text
        await goto_row(pilot, "source")
        await pilot.press("enter")
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        listing = reader.query_one(SentenceList)
        labels = [option.prompt.plain for option in listing.options if option is not None]
        assert any("[bold]x[/]" in label for label in labels)
        assert any("[@click=app.quit]y[/]" in label for label in labels)
        svg = app.export_screenshot()
        assert "[bold]x[/]" in svg and "[@click=app.quit]y[/]" in svg
        assert "\x1b" not in svg and "\x07" not in svg
        # click every sentence row (the link would be there if it were markup) and activate it
        for y in range(4, 14):
            await pilot.click(SentenceList, offset=(20, y - 4))
            await pilot.click(SentenceList, offset=(40, y - 4))
        await pilot.press("enter", "space", "space")
        assert app.is_running and app.return_code is None
        await pilot.press("escape")
        text = "".join(o.prompt.plain for o in app.query_one(StoryRows).options)
        assert "[bold]x[/]" in text  # the summary shows it literally too
        await goto_row(pilot, "summary")
        rows = app.query_one(StoryRows)
        line = rows._index_to_line[rows.highlighted] - int(rows.scroll_offset.y)
        await pilot.click(StoryRows, offset=(10, line))  # a single click only selects the row
        assert not isinstance(app.screen, ReaderScreen)
        await pilot.double_click(StoryRows, offset=(10, line))  # a double click opens the reader
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.is_running

    run(app, scenario)


def test_labels_never_pass_control_codes():
    from briefing.tui.session import SummaryRow
    from briefing.tui.story_view import summary_label

    label = summary_label(SummaryRow("a\x1b]0;title\x07b [bold]c[/]", "x", 0, "machine"))
    assert "\x1b" not in label.plain and "\x07" not in label.plain and "[bold]c[/]" in label.plain


def test_every_screen_at_80x24(tmp_path, desk, shared_cache):
    """The snapshots cover 120x40; here the smallest usual terminal goes through every screen."""
    size = (80, 24)
    app = BriefingApp(desk, SHORT, cache=shared_cache, export_dir=tmp_path)

    async def scenario(pilot):
        for keys in (["down", "enter", "enter"], ["enter"], ["i"], ["escape", "p"], ["escape", "question_mark"], ["escape", "h"], ["escape"]):
            await pilot.press(*keys)
            await pilot.pause()
        await goto_row(pilot, "source")
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("escape", "slash", *"lava", "enter")
        assert "Grindavik" in app.export_screenshot()
        assert app.is_running

    run(app, scenario, size=size)
