"""The living desk: the TUI follows its folder, says how many stories are new, shows timelines.

A mixin for `BriefingApp`, hooked in with a few lines:
- **Following.** After the first load a thread worker waits for changes of the folder
  (`watch.folder_changes`: watchfiles, polling as fallback) and rebuilds the brief from the
  caches; the desk keeps the highlighted day and story (the story that holds the same
  article), so the cursor never jumps. `follow=False` (or BRIEFING_NO_FOLLOW) turns it off.
- **"N new".** Stories new or changed since the last `briefing export` of this folder (its
  record, `extras`), or, with no export recorded, since the desk opened: counted in the
  header's subtitle and announced when the folder changes (`new_since_last_count()`, for the
  status line). `n` toggles the marks in the list of stories ("● new", "● +2").
- **Timeline.** `l` shows the timeline of the highlighted story's thread.
"""

from __future__ import annotations

import os
import threading

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from .text import safe

LIVING_BINDINGS = [
    Binding("n", "toggle_since_last", "New", show=False),
    Binding("l", "timeline", "Timeline", show=False),
]


class TimelineScreen(ModalScreen):
    """The days of a running story, oldest first: headline, key figure and its change, new figures."""

    BINDINGS = [Binding("escape", "close", "Back"), Binding("l", "close", "Back", show=False), Binding("q", "close", "Back", show=False)]
    DEFAULT_CSS = """
    TimelineScreen { align: center middle; }
    TimelineScreen > VerticalScroll { width: 90%; height: 80%; border: round $accent; background: $surface; padding: 0 1; }
    """

    def __init__(self, title: str, lines: list[str]) -> None:
        super().__init__()
        self.title_text, self.lines = title, lines

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="timeline"):
            yield Static(safe(self.title_text, "bold"), markup=False)
            for line in self.lines:
                yield Static(safe(line), markup=False, classes="timeline-day")

    def action_close(self) -> None:
        self.dismiss()


class LivingDesk:
    """Mixed into BriefingApp (see the module docstring)."""

    follow_folder = True
    _living_started = False
    _living_baseline: dict | None = None
    _living_marks: dict = {}
    _living_show_marks = False

    # ------------------------------------------------------------ hook from on_loaded
    def living_loaded(self, message) -> None:
        """Called at the end of every `on_loaded`: update the count, start following once."""
        from ..brief.extras import load_record, since_last_marks, story_snapshot

        brief = message.brief
        if self._living_baseline is None:
            recorded = load_record(self.path)
            self._living_baseline = recorded if recorded is not None else {s.id: story_snapshot(s) for s in brief.stories()}
        before = len(self._living_marks)
        self._living_marks = since_last_marks(brief, self._living_baseline)
        if self.session is not None:
            self.session.since_last = self._living_marks if self._living_show_marks else {}
        count = len(self._living_marks)
        self.sub_title = f"{self.path.resolve().name} · {count} new" if count else self.path.resolve().name
        if self._living_started and count != before and count:
            self.notify(f"{count} stor{'ies' if count != 1 else 'y'} new or changed (n marks them)", title="Folder", markup=False, timeout=6)
        if not self._living_started and self.follow_folder and self.path.is_dir() and not os.environ.get("BRIEFING_NO_FOLLOW"):
            self._living_started = True
            self._living_stop = threading.Event()
            self.living_follow()

    def living_exported(self, day: str) -> None:
        """The desk exported a day: record it (as `briefing export` does) and count anew."""
        from ..brief.extras import load_record, save_record, since_last_marks

        try:
            save_record(self.session.curated_day(day), self.path)
        except OSError as error:
            self.notify(f"could not record the export for 'since the last brief': {error}", severity="warning", markup=False)
            return
        self._living_baseline = load_record(self.path)
        self._living_marks = since_last_marks(self.session.brief, self._living_baseline)
        if self.session is not None:
            self.session.since_last = self._living_marks if self._living_show_marks else {}
        count = len(self._living_marks)
        self.sub_title = f"{self.path.resolve().name} · {count} new" if count else self.path.resolve().name

    def new_since_last_count(self) -> int:
        """Stories new or changed since the last export (or since the desk opened)."""
        return len(self._living_marks)

    def new_since_last(self) -> dict:
        """Story id → its marks (`extras.since_last_marks`)."""
        return dict(self._living_marks)

    # ------------------------------------------------------------ following the folder
    def living_follow(self) -> None:
        """Wait for changes in a daemon thread of its own (not a Textual worker: the desk counts
        as busy while a worker runs, and this one runs as long as the desk)."""

        def run() -> None:
            from ..watch import folder_changes

            try:
                for _ in folder_changes(self.path, self._living_stop):  # falls back to polling quietly
                    if self._living_stop.is_set():
                        break
                    self.call_from_thread(self.living_reload)
            except Exception:  # the app has gone (call_from_thread after exit): stop following
                return

        threading.Thread(target=run, name="briefing-follow", daemon=True).start()

    def living_reload(self) -> None:
        """Rebuild from the folder, keeping the highlighted story (by one of its articles)."""
        if self.session is None:
            return
        story = self.current_story()
        self.living_rebuild(story.articles[0] if story and story.articles else None)

    @work(thread=True, exclusive=True, group="brief", exit_on_error=False)
    def living_rebuild(self, select: str | None) -> None:
        from ..brief.pipeline import make_brief
        from .messages import Loaded, LoadFailed

        curation = self.session.curation
        try:
            if self.isolate:  # the engine in its own process, as for the first load: the UI keeps the GIL
                from .engine import load_in_process

                corpus, brief = load_in_process(self.path, self.settings, self.options, self.cache, curation.moves,
                                                on_progress=lambda stage, done, total: None, cancelled=lambda: False)
            else:
                corpus, brief = make_brief([self.path], self.settings, self.options, load_cache=self.cache,
                                           brief_cache=self.cache, moves=curation.moves, story_cache=True)
        except Exception as error:  # shown in the app, never a crash of the UI
            self.post_message(LoadFailed(error))
            return
        self.post_message(Loaded(corpus, brief, curation, select))

    def on_unmount(self) -> None:
        self.living_stop()

    def living_stop(self) -> None:
        stop = getattr(self, "_living_stop", None)
        if stop is not None:
            stop.set()

    # ------------------------------------------------------------ actions
    def action_toggle_since_last(self) -> None:
        if self.session is None:
            return
        self._living_show_marks = not self._living_show_marks
        self.session.since_last = self._living_marks if self._living_show_marks else {}
        self.refresh_desk()
        count = len(self._living_marks)
        state = f"marking {count} new or changed stor{'ies' if count != 1 else 'y'}" if self._living_show_marks else "marks off"
        self.notify(state, title="Since the last brief", markup=False, timeout=3)

    def action_timeline(self) -> None:
        from ..brief.extras import thread_timeline, timeline_line

        story = self.current_story()
        if story is None:
            return
        brief = self.session.brief
        per_day: dict = {}
        for day in brief.days:
            for other in day.stories:
                if other.thread == story.thread:
                    per_day.setdefault(other.day, []).append(self.session.story(other.id) or other)
        if len(per_day) < 2:
            self.notify("This story runs on one day only: no timeline.", markup=False, timeout=3)
            return
        years = {a.id: a.date.year if a.date else None for a in brief.corpus.articles}
        texts = {a.id: a.text for a in brief.corpus.articles}
        entries = thread_timeline(per_day, brief.settings.figures, years, texts)
        self.push_screen(TimelineScreen(f"Timeline: {story.headline}", [timeline_line(e) for e in entries]))


def since_last_label(session, story) -> tuple[str, str] | None:
    """The mark a story shows in the list when the toggle is on: ("● new ", style) or None."""
    mark = (getattr(session, "since_last", None) or {}).get(story.id)
    if not mark:
        return None
    if mark.get("new"):
        return ("● new  ", "$success")
    joined = len(mark.get("new_articles", []))
    return (f"● +{joined}  " if joined else "● changed  ", "$warning")
