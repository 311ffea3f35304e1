"""Responsiveness of the desk on Reuters-21578 (21,578 stories).

    uv run python bench/tui_responsiveness.py [--keep DIR] [--warm] [--thread] [--size 120x40]

Writes the stories as files (`scale_reuters.materialise`; `--keep DIR` keeps them for the next
run), then drives the app headless and measures:

  1. while the brief loads (cold cache unless --warm): key presses sent the way a terminal
     sends them (through the driver), timed from sending to the key's action having run in
     the app ("handled") and to the next frame written ("painted"): a probe key (its action
     changes nothing on screen, so only "handled" is reported) and `?` / escape (open and
     close the help screen). Target: handled within 100 ms. The engine runs in its own
     process, as `briefing DIR` runs it (`--thread`: in the UI's thread worker, to compare);
  2. a day of 1,500 stories: the first 1,500 loaded Reuters articles as one day, one story
     each (the engine groups Reuters into far fewer stories per day, so the day is made):
     time to show the day, to move the cursor down key by key, page down to the end, home,
     and one curation action (drop a story: saved, the day redrawn).

The time a key takes is measured from inside the app's event loop (the bench shares it), at
about 1 ms resolution. Exits 0 with a message when ../shared/data is not here.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _data import REPO, require  # noqa: E402

sys.path.insert(0, str(REPO))

TARGET_MS = 100.0
BIG_DAY = 1500


def make_app_class():
    from textual.binding import Binding

    from briefing.tui.app import BriefingApp

    class ProbedApp(BriefingApp):
        """The desk, plus a probe key whose action records when it ran, and frame times."""

        BINDINGS = [*BriefingApp.BINDINGS, Binding("f12", "probe", "probe", show=False)]

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.probed: list[float] = []
            self.frames: list[float] = []

        def action_probe(self) -> None:
            self.probed.append(time.perf_counter())

        def _display(self, screen, renderable) -> None:
            super()._display(screen, renderable)
            self.frames.append(time.perf_counter())

    return ProbedApp


async def send(app, key: str, handled, timeout: float = 10.0) -> tuple[float, float]:
    """(handled ms, painted ms) of one key sent through the driver, as a terminal would."""
    from textual import events

    sent = time.perf_counter()
    frames = len(app.frames)
    event = events.Key(key, None)
    event.set_sender(app)
    app._driver.send_message(event)
    while not handled():
        if time.perf_counter() - sent > timeout:
            raise TimeoutError(f"key {key!r} not handled in {timeout} s")
        await asyncio.sleep(0.0005)
    done = time.perf_counter()
    while len(app.frames) == frames or app.frames[-1] < done:
        if time.perf_counter() - done > timeout:
            break
        await asyncio.sleep(0.0005)
    painted = app.frames[-1] if app.frames else done
    return (done - sent) * 1000, (painted - sent) * 1000


def summary(name: str, values_ms: list[float]) -> str:
    if not values_ms:
        return f"{name}: no samples"
    ordered = sorted(values_ms)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return f"{name}: n={len(values_ms):4d}  median {statistics.median(values_ms):7.1f} ms  p95 {p95:7.1f} ms  max {max(values_ms):7.1f} ms"


async def while_loading(app, size, report: dict) -> None:
    from briefing.tui.help import HelpScreen

    async with app.run_test(size=size) as pilot:
        started = time.perf_counter()
        probe_h, probe_p, help_h, help_p = [], [], [], []
        stages: set[str] = set()
        n = 0
        while app.session is None and app.load_error is None:
            count = len(app.probed)
            handled, painted = await send(app, "f12", lambda: len(app.probed) > count)  # noqa: B023 (awaited here)
            probe_h.append(handled)
            probe_p.append(painted)
            label = str(app.query_one("#loading-label").render())
            stages.add("reading" if "Reading" in label else "summarising" if "Summarising" in label else "starting")
            n += 1
            if n % 5 == 0 and app.session is None:
                handled, painted = await send(app, "question_mark", lambda: isinstance(app.screen, HelpScreen))
                help_h.append(handled)
                help_p.append(painted)
                handled, painted = await send(app, "escape", lambda: not isinstance(app.screen, HelpScreen))
                help_h.append(handled)
                help_p.append(painted)
            await asyncio.sleep(0.05)
        if app.load_error is not None:
            raise app.load_error
        report["load_s"] = time.perf_counter() - started
        report["probe"] = (probe_h, probe_p)
        report["help"] = (help_h, help_p)
        report["stages"] = stages
        session = app.session
        rows = session.day_rows()
        report["days"] = len(rows)
        report["stories_total"] = sum(len(session.stories(r.key)) for r in rows)
        report["engine_biggest_day"] = max(((r.key, len(session.stories(r.key))) for r in rows), key=lambda x: x[1])
        report["corpus"] = session.corpus
        await pilot.pause()


def make_big_day(corpus, size: int):
    """`size` articles as one day, a story each, summaries of their first sentences."""
    from briefing.brief.build import Brief, Day, Story, SummaryLine
    from briefing.core.config import Settings
    from briefing.core.model import Corpus
    from briefing.text.sentences import sentence_spans

    articles = [a for a in corpus.articles if not a.duplicate_of][:size]
    day = dt.date(1987, 3, 2)
    stories = []
    for n, article in enumerate(articles):
        spans = sentence_spans(article.text)[:3]
        summary = [SummaryLine(span.text, article.id, index) for index, span in enumerate(spans)]
        stories.append(Story(f"big-{n:05d}", f"t-{n:05d}", day, article.title or article.path, [article.id], summary, [], [], float(size - n)))
    small = Corpus(corpus.root, articles, [])
    return small, Brief(small, [Day(day, stories)], [], Settings())


async def big_day(app, size, report: dict) -> None:
    from briefing.tui.stories import StoriesList

    async with app.run_test(size=size) as pilot:
        while app.session is None:
            await pilot.pause(0.02)
        await pilot.pause()
        stories = app.query_one(StoriesList)
        count = stories.option_count
        report["big_day"] = count
        app.query_one("#days").focus()
        await pilot.pause()
        # show the day: afresh (no row laid out before), then again (rows reused)
        for name in ("show_day_first_ms", "show_day_again_ms"):
            if name == "show_day_first_ms":
                stories._cache.clear()
            started = time.perf_counter()
            stories.show(app.session, app.query_one("#days").current)
            await pilot.pause()
            report[name] = (time.perf_counter() - started) * 1000
        stories.focus()
        await pilot.pause()
        down_h, down_p = [], []
        for _ in range(300):
            before = stories.highlighted
            handled, painted = await send(app, "down", lambda: stories.highlighted != before)  # noqa: B023 (awaited here)
            down_h.append(handled)
            down_p.append(painted)
        page_h, page_p = [], []
        while stories.highlighted < count - 1 and len(page_h) < 1000:
            before = stories.highlighted
            handled, painted = await send(app, "pagedown", lambda: stories.highlighted != before)  # noqa: B023 (awaited here)
            page_h.append(handled)
            page_p.append(painted)
        report["down"] = (down_h, down_p)
        report["page"] = (page_h, page_p)
        report["home"] = await send(app, "home", lambda: stories.highlighted == 0)
        target = stories.current
        report["drop"] = await send(app, "d", lambda: app.session.is_dropped(target))
        report["restore"] = await send(app, "d", lambda: not app.session.is_dropped(target))


def main() -> None:
    require("reuters21578", "reuters21578.jsonl.gz")
    from scale_reuters import materialise

    keep = sys.argv[sys.argv.index("--keep") + 1] if "--keep" in sys.argv else None
    warm = "--warm" in sys.argv
    in_thread = "--thread" in sys.argv  # the engine in the UI's thread worker, to compare
    size = (120, 40)
    if "--size" in sys.argv:
        width, height = sys.argv[sys.argv.index("--size") + 1].split("x")
        size = (int(width), int(height))
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(keep) if keep else Path(scratch) / "reuters"
        folder.mkdir(parents=True, exist_ok=True)
        count = len(list(folder.iterdir())) or materialise(folder)
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME"):  # never the real user folders
            os.environ[name] = str(Path(scratch) / name.lower())
        import briefing.tui.app as tui_app
        from briefing.core.cache import Cache
        from briefing.ingest.load import LoadOptions

        cache_root = folder.parent if (keep and warm) else Path(scratch)
        cache = Cache(cache_root / f"{folder.name}-bench-cache" / "analysis.sqlite3")
        report: dict = {}
        app_class = make_app_class()
        asyncio.run(while_loading(app_class(folder, None, LoadOptions(), cache, export_dir=Path(scratch), isolate=not in_thread), size, report))

        corpus, brief = make_big_day(report.pop("corpus"), BIG_DAY)
        real_load, real_build = tui_app.load_corpus, tui_app.build_brief
        tui_app.load_corpus = lambda *args, **kwargs: corpus
        tui_app.build_brief = lambda *args, **kwargs: brief
        try:
            asyncio.run(big_day(app_class(Path(scratch) / "big-day", export_dir=Path(scratch)), size, report))
        finally:
            tui_app.load_corpus, tui_app.build_brief = real_load, real_build

    print(f"Reuters-21578: {count} files; terminal {size[0]}x{size[1]}; analysis cache {'warm' if warm else 'cold'}; "
          f"engine in {'a thread of the UI process' if in_thread else 'its own process'}")
    print(f"1. while loading ({report['load_s']:.1f} s, stages seen: {', '.join(sorted(report['stages']))}):")
    print("   " + summary("probe key, handled", report["probe"][0]))
    print("   " + summary("? / escape, handled", report["help"][0]))
    print("   " + summary("? / escape, painted", report["help"][1]))
    worst = max(report["probe"][0] + report["help"][0], default=0.0)
    print(f"   target: keys handled within {TARGET_MS:.0f} ms -> {'met' if worst <= TARGET_MS else 'NOT met'} (worst {worst:.1f} ms)")
    day, most = report["engine_biggest_day"]
    print(f"   the engine's brief: {report['days']} days, {report['stories_total']} stories; biggest day {day} with {most} stories")
    print(f"2. a day of {report['big_day']} stories:")
    print(f"   show the day (fill the stories list and paint): first {report['show_day_first_ms']:.1f} ms, again {report['show_day_again_ms']:.1f} ms")
    print("   " + summary("cursor down, handled", report["down"][0]))
    print("   " + summary("cursor down, painted", report["down"][1]))
    print("   " + summary("page down, handled  ", report["page"][0]))
    print("   " + summary("page down, painted  ", report["page"][1]))
    print(f"   home: {report['home'][1]:.1f} ms painted; drop a story (save + redraw): {report['drop'][1]:.1f} ms painted, restore {report['restore'][1]:.1f} ms")


if __name__ == "__main__":
    main()
