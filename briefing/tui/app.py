"""The editor's desk: `briefing [DIR]` opens the folder's brief to read, curate and export.

Thin on purpose: the widgets live one per module beside this one, the engine does the work
(in a thread worker, so the first screen paints at once and keys are answered while a big
folder loads), and every curation action is saved at once through `CurationStore`.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from textual import work
from textual.worker import get_current_worker
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Footer, Header, ProgressBar, Static

from ..core.atomic import write_atomic
from ..brief.build import brief_json
from ..brief.pipeline import make_brief
from ..core.config import Settings
from ..brief.curation import CurationStore
from ..core.heap import HeldHeap
from ..ingest.load import LoadOptions
from .confirm import ConfirmScreen
from .days import DaysList
from .engine import Cancelled, load_in_process
from .filter import FilterBar
from .headline import HeadlineScreen
from .help import HelpScreen
from .living import LIVING_BINDINGS, LivingDesk
from .messages import Advance, DayChosen, Loaded, LoadFailed, LoadProgress, OpenArticle, StoryChosen
from .move import BACK, MoveScreen
from .palette import BriefingCommands
from .preview import PreviewScreen
from .reader import ReaderScreen
from .session import UNDATED, Session
from .story_view import StoryRows, StoryView
from .stories import StoriesList
from .status import StatusLine
from .themes import initial_theme, load_themes, save_choice
from .text import safe
from .desk_extras import DeskExtras
from .undo import Snapshot, UndoStack


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker while sys.stderr is still the real one.

    While an App runs, Textual replaces sys.stderr with a capture whose fileno() is -1. The
    loader's process pool (64 files or more) starts the resource tracker lazily, handing it
    sys.stderr's descriptor, and -1 fails ("bad value(s) in fds_to_keep"). Started here, before
    the app runs, it is already there when the pool needs it.
    """
    try:
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()
    except Exception:  # no multiprocessing here: the loader parses in-process anyway
        pass


class _Throttle:
    """Posts a worker's progress at most every `every` seconds (and always the last step)."""

    def __init__(self, app: App, stage: str, every: float = 0.05):
        self.app, self.stage, self.every, self.last = app, stage, every, 0.0

    def __call__(self, done: int, total: int, _name: str = "") -> None:
        now = time.monotonic()
        if done >= total or now - self.last >= self.every:
            self.last = now
            self.app.post_message(LoadProgress(self.stage, done, total))


class BriefingApp(LivingDesk, DeskExtras, App):
    CSS_PATH = [Path(__file__).with_name("app.tcss")]  # absolute: subclasses live elsewhere
    TITLE = "briefing"
    COMMANDS = App.COMMANDS | {BriefingCommands}
    BINDINGS = DeskExtras.EXTRA_BINDINGS + [  # type: ignore[assignment]
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("slash", "filter", "Filter"),
        Binding("e", "export", "Export"),
        Binding("p", "preview", "Preview"),
        Binding("h", "edit_headline", "Headline"),
        Binding("d", "drop_story", "Drop"),
        Binding("left_square_bracket", "move_story(-1)", "Story up", show=False),
        Binding("right_square_bracket", "move_story(1)", "Story down", show=False),
        Binding("t", "next_theme", "Theme", show=False),
        Binding("escape", "back", "Back", show=False),
        *LIVING_BINDINGS,  # n: mark what is new, l: timeline (tui/living.py)
    ]
    BINDINGS += DeskExtras.pane_bindings(BINDINGS)

    def __init__(
        self,
        path: Path,
        settings: Settings | None = None,
        options: LoadOptions | None = None,
        cache=None,
        store: CurationStore | None = None,
        export_dir: Path | None = None,
        isolate: bool = False,
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self.settings = settings or Settings()
        self.options = options or LoadOptions()
        self.cache = cache
        self.store = store or CurationStore(self.path, warn=self._warn)
        self.export_dir = export_folder(Path(export_dir or self.settings.export_dir or Path.cwd()), self.path)
        self.isolate = isolate  # run the engine in a child process (the command line does)
        _start_resource_tracker()
        self.session: Session | None = None
        self._heap = HeldHeap()  # the loaded folder, out of the collector's full passes while the desk holds it
        self.load_error: BaseException | None = None
        self.sub_title = self.path.resolve().name
        loaded = load_themes()
        for theme in loaded.themes.values():
            self.register_theme(theme)
        self._theme_problems = loaded.problems
        self.theme_names = sorted(loaded.themes)
        self.theme = initial_theme(self.settings.theme, self.available_themes)
        self._theme_ready = True
        self.undo_stack = UndoStack()
        self._baseline: Snapshot | None = None

    # ------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="loading"):
            yield Static(safe(f"Loading {self.path.resolve().name} …", "bold"), id="loading-label", markup=False)
            yield ProgressBar(id="loading-bar", show_eta=False)
        with Horizontal(id="desk"):
            yield DaysList(id="days")
            yield StoriesList(id="stories")
            yield StoryView(id="story")
        yield StatusLine(id="status")
        yield FilterBar(id="filter")
        yield Footer()

    def on_unmount(self) -> None:
        self._heap.release()

    def on_mount(self) -> None:
        self.query_one("#filter").display = False
        self.query_one(StoryView).clear("loading…")
        self.query_one(DaysList).focus()
        self.adapt_layout()
        self.update_status()
        for problem in self._theme_problems:
            self.notify(problem, severity="warning", markup=False)
        self.load_brief()

    # ------------------------------------------------------------ loading (thread worker)
    @work(thread=True, exclusive=True, group="brief", exit_on_error=False)
    def load_brief(self, select: str | None = None) -> None:
        worker = get_current_worker()
        try:
            curation = self.store.load() if self.session is None else self.session.curation
            if self.isolate:  # the engine in its own process: the UI keeps the GIL
                corpus, brief = load_in_process(
                    self.path, self.settings, self.options, self.cache, curation.moves,
                    on_progress=lambda stage, done, total: self.post_message(LoadProgress(stage, done, total)),  # type: ignore[arg-type]
                    cancelled=lambda: worker.is_cancelled,
                )
            else:
                corpus, brief = make_brief(
                    [self.path], self.settings, self.options, load_cache=self.cache, brief_cache=self.cache,
                    moves=curation.moves, story_cache=True, reading=_Throttle(self, "reading"),
                    summarising=_Throttle(self, "summarising"), corpus=None if self.session is None else self.session.corpus,
                )
        except Cancelled:
            return
        except Exception as error:  # shown in the app, never a crash of the UI
            self.post_message(LoadFailed(error))
            return
        self.post_message(Loaded(corpus, brief, curation, select))

    def on_load_progress(self, message: LoadProgress) -> None:
        loading = self.query_one("#loading")
        loading.display = True
        label = "Reading files" if message.stage == "reading" else "Summarising stories"
        self.query_one("#loading-label", Static).update(Content.styled(f"{label}: {message.done:,} of {message.total:,}", "bold"))
        self.query_one("#loading-bar", ProgressBar).update(total=max(message.total, 1), progress=message.done)

    def on_load_failed(self, message: LoadFailed) -> None:
        self.load_error = message.error
        self.query_one("#loading-label", Static).update(
            Content.assemble(("Could not load the folder: ", "bold $error"), safe(f"{type(message.error).__name__}: {message.error}"))
        )
        self.query_one("#loading-bar").display = False
        self.notify(f"{type(message.error).__name__}: {message.error}", severity="error", markup=False)

    def on_loaded(self, message: Loaded) -> None:
        if self.session is None:
            self.session = Session(message.corpus, message.brief, message.curation, self.store)
            self._baseline = Snapshot.of(self.session.curation)
        else:
            self.session.set_brief(message.brief)
        self.query_one("#loading").display = False
        # The corpus and the brief live as long as the desk: keep the garbage collector from
        # walking their millions of objects again and again (a full pass over Reuters froze
        # the desk for about a second in the middle of scrolling).
        self._heap.freeze()
        session = self.session
        days = self.query_one(DaysList)
        select_day = None
        select_story = None
        if message.select:  # after a move: the story that now holds this article
            for story in message.brief.stories():
                if message.select in story.articles:
                    select_story, select_day = story.id, session.day_of(story.id)
        days.show(session.day_rows(), keep=select_day)
        if days.current:
            self.query_one(StoriesList).show(session, days.current, keep=select_story)
            self.query_one(StoryView).story_id = None  # a rebuilt story may keep its id: redraw it
            self.show_story()
        else:
            self.query_one(StoryView).clear("No articles in this folder." if not message.corpus.articles else "No stories.")
        for note in session.followed:
            self.notify(note, title="Curation", markup=False, timeout=8)
        orphans = session.curation.orphans
        if orphans:
            self.notify(
                f"edits of {len(orphans)} stor{'ies' if len(orphans) != 1 else 'y'} match no story now; kept in "
                f"{self.store.path} (ctrl+p: re-apply orphaned edits to this story)", severity="warning", markup=False, timeout=10,
            )
        skipped = len(message.corpus.skipped)
        if skipped and message.select is None:
            self.notify(f"{skipped} file{'s' if skipped != 1 else ''} skipped (s lists them and why)", markup=False)
        self.living_loaded(message)  # follow the folder, count what is new (tui/living.py)
        self.update_status()

    # ------------------------------------------------------------ navigation
    def on_day_chosen(self, message: DayChosen) -> None:
        stories = self.query_one(StoriesList)
        if message.key != self.query_one(DaysList).current:
            return  # stale: the cursor moved on since (keys that arrived together)
        if self.session is not None and message.key != stories.day:
            stories.show(self.session, message.key)
            self.show_story()

    def on_story_chosen(self, message: StoryChosen) -> None:
        if message.story_id is not None and message.story_id != self.query_one(StoriesList).current:
            return  # stale: the cursor moved on since (keys that arrived together)
        self.show_story(message.story_id)

    def show_story(self, story_id: str | None = None) -> None:
        view = self.query_one(StoryView)
        story_id = story_id or self.query_one(StoriesList).current
        story = self.session.story(story_id) if self.session and story_id else None
        if story is None:
            view.clear("No story matches the filter." if self.session and self.session.query else "No story.")
        elif story.id != view.story_id:
            view.show(self.session, story)  # type: ignore[arg-type]

    def on_advance(self, message: Advance) -> None:
        if message.origin == "days":
            self.query_one(StoriesList).focus()
        elif message.origin == "stories" and self.query_one(StoryView).story_id:
            self.query_one(StoryRows).focus()

    def action_back(self) -> None:  # type: ignore[override]
        focused = self.focused
        if isinstance(focused, StoryRows):
            self.query_one(StoriesList).focus()
        elif isinstance(focused, StoriesList):
            self.query_one(DaysList).focus()
        elif self.session and self.session.query:
            self.apply_filter("", done=True)

    def jump_to_day(self, key: str) -> None:
        days = self.query_one(DaysList)
        if days.select_day(key):
            self.on_day_chosen(DayChosen(key))
            self.query_one(StoriesList).focus()

    def refresh_desk(self, keep_story: str | None = None) -> None:
        """Redraw after a change of the curation, keeping the selection."""
        session = self.session
        days, stories = self.query_one(DaysList), self.query_one(StoriesList)
        days.show(session.day_rows())
        if days.current:
            stories.show(session, days.current, keep=keep_story or stories.current)  # type: ignore[arg-type]
        view = self.query_one(StoryView)
        story = session.story(stories.current) if stories.current else None
        if story is None:
            view.clear("No story.")
        else:
            view.show(session, story, keep=True)  # type: ignore[arg-type]
        self.update_status()

    DESK_ONLY = {"filter", "edit_headline", "drop_story", "reapply_orphans", "move_story", "move_article", "toggle_item", "open_reader", "preview", "export", "export_json", "undo", "redo", "show_edits", "show_skipped"}

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """The desk's actions only while the desk is shown (export also from the preview)."""
        if action in self.ROUTED:
            return self.check_routed(action, parameters)
        if action in self.DESK_ONLY and len(self.screen_stack) > 1:
            return action in ("export", "export_json") and isinstance(self.screen, PreviewScreen)
        return True

    # ------------------------------------------------------------ the selection
    def _has_session(self) -> bool:
        if self.session is None:
            self.notify("Still loading…", timeout=2)
            return False
        return True

    def current_story(self):
        if not self._has_session():
            return None
        story_id = self.query_one(StoriesList).current
        return self.session.story(story_id) if story_id else None

    def current_day(self) -> str | None:
        return self.query_one(DaysList).current if self._has_session() else None

    # ------------------------------------------------------------ curation (saved at once)
    def _save(self, keep_story: str | None = None, label: str = "edit") -> None:
        self.remember(label)
        try:
            self.session.save()
        except OSError as error:
            self.notify(f"could not save the edits: {error}", severity="error", markup=False)
        self.refresh_desk(keep_story)

    def toggle_sentence(self, story_id: str, article: str, index: int, in_summary: bool) -> None:
        self.session.curation.toggle_sentence(story_id, article, index, in_summary)
        self._save(label=f"summary sentence {'out' if in_summary else 'in'}")

    def action_toggle_item(self) -> None:
        story = self.current_story()
        row = self.query_one(StoryView).current() if story else None
        if row is None:
            return
        curation = self.session.curation
        if row.kind == "summary":
            self.toggle_sentence(story.id, row.article, row.item.index, row.item.in_summary)
            return
        if row.kind == "quote":
            state = curation.cycle_quote(story.id, row.article, row.item.line.text)
        elif row.kind == "figure":
            state = curation.cycle_figure(story.id, row.article, row.item.line.text)
        else:
            self.action_open_reader()
            return
        self._save(label=f"{row.kind} {state}")
        self.query_one(StoryView).select(row.kind, row.article, row.item.line.text)
        self.notify(f"{row.kind} {state}", timeout=2)

    def action_edit_headline(self) -> None:
        story = self.current_story()
        if story is None:
            return
        machine = self.session._raw[story.id].headline

        def done(value: str | None) -> None:
            if value is None:
                return
            self.session.curation.set_headline(story.id, value if value.strip() != machine else None)
            self._save(story.id, f"headline of “{machine[:40]}”")

        self.push_screen(HeadlineScreen(story.headline, machine), done)

    def action_reapply_orphans(self) -> None:
        """Put edits that match no story any more onto the selected story (listed at load)."""
        story = self.current_story()
        if story is None:
            return
        moved = self.session.curation.reapply(self.session.curation.orphans, story.id)
        if not moved:
            self.notify("no orphaned edits to re-apply", timeout=2)
            return
        self.session.curation.orphans = []
        self._save(story.id, "re-applied orphaned edits")
        self.notify(f"re-applied the edits of {moved} stor{'ies' if moved != 1 else 'y'} to this story", timeout=4)

    def action_drop_story(self) -> None:
        story = self.current_story()
        if story is None:
            return
        self.session.curation.toggle_story(story.id)
        dropped = self.session.is_dropped(story.id)
        self._save(story.id, f"{'dropped' if dropped else 'restored'} “{story.headline[:40]}”")
        self.notify("story dropped from the brief (d or u restores)" if dropped else "story restored", timeout=2)

    def action_move_story(self, offset: int) -> None:
        story = self.current_story()
        day = self.current_day()
        if story is None or day is None:
            return
        current = [s.id for s in self.session.stories(day, filtered=False)]
        self.session.curation.move_story(day, current, story.id, offset)
        self._save(story.id, f"moved “{story.headline[:40]}” {'up' if offset < 0 else 'down'}")

    def action_move_article(self) -> None:
        story = self.current_story()
        row = self.query_one(StoryView).current() if story else None
        day = self.current_day()
        if row is None or day is None:
            self.notify("select a source (or a line) of a story first", timeout=2)
            return
        session, article_id = self.session, row.article
        targets = [(s.id, s.headline) for s in session.stories(day, filtered=False) if s.id != story.id]
        moved = article_id in session.curation.moves
        if not targets and not moved:
            self.notify("no other story on this day", timeout=2)
            return
        article = session.articles[article_id]

        def done(target: str | None) -> None:
            if target is None:
                return
            if target == BACK:
                anchor = None
            else:
                members = session.story(target).articles
                anchor = next((a for a in members if not session.articles[a].duplicate_of), members[0])
            session.curation.move_article(article_id, anchor)
            self.remember(f"moved article “{(article.title or article.path)[:40]}”")
            try:
                session.store and session.store.save(session.curation)
            except OSError as error:
                self.notify(f"could not save the edits: {error}", severity="error", markup=False)
            self.notify("regrouping…", timeout=2)
            self.load_brief(select=article_id)

        self.push_screen(MoveScreen(article.title or article.path, targets, moved), done)

    # ------------------------------------------------------------ reader, preview, export
    def action_open_reader(self) -> None:
        story = self.current_story()
        row = self.query_one(StoryView).current() if story else None
        if row is None:
            return
        self.post_message(OpenArticle(story.id, row.article, self._sentence_of(row)))

    def _sentence_of(self, row) -> int | None:
        if row.kind == "summary":
            return row.item.index
        if row.kind in ("quote", "figure"):
            text = self.session.articles[row.article].text
            where = text.find(row.item.line.text)
            if where >= 0:
                for index, span in enumerate(self.session.spans(row.article)):
                    if span.start <= where < span.end:
                        return index
        return None

    def on_open_article(self, message: OpenArticle) -> None:
        if self.session and message.article_id in self.session.articles:
            self.push_screen(ReaderScreen(self.session, message.story_id, message.article_id, message.sentence))

    def action_preview(self) -> None:
        day = self.current_day()
        if day is None:
            return
        self.push_screen(PreviewScreen(self.session.markdown(day), f"preview · {day}"))

    def export_path(self, day: str, suffix: str) -> Path:
        return self.export_dir / f"brief-{day}.{suffix}"

    def _export(self, suffix: str, confirmed: bool = False) -> Path | None:
        day = self.current_day()
        if day is None:
            return None
        if suffix == "md":
            text = self.session.markdown(day)
        else:
            text = brief_json(self.session.json_document(day))
        path = self.export_path(day, suffix)
        curated = self.session.curated_day(day)
        if not confirmed and not (curated.days or curated.undated) and path.exists():
            # every story of the day dropped: never replace a good brief without asking
            def answer(replace: bool | None) -> None:
                if replace:
                    self._export(suffix, confirmed=True)
                else:
                    self.notify(f"kept {path}", timeout=3, markup=False)

            self.push_screen(ConfirmScreen(f"Every story of {day} is dropped. Replace {path} with an empty brief?"), answer)
            return None
        try:
            write_atomic(path, text)
        except OSError as error:
            self.notify(f"could not export: {error}", severity="error", markup=False)
            return None
        self.notify(f"exported {path}", title="Export", markup=False)
        self.living_exported(day)  # record it for "since the last brief" (tui/living.py)
        self.update_status()
        return path

    def action_export_json(self) -> None:
        self._export("json")

    # ------------------------------------------------------------ filter, help, themes
    def action_filter(self) -> None:
        bar = self.query_one(FilterBar)
        bar.display = True
        bar.focus()

    def on_filter_bar_query(self, message: FilterBar.Query) -> None:
        self.apply_filter(message.query, message.done)

    def apply_filter(self, query: str, done: bool = False) -> None:
        if not self._has_session():
            return
        self.session.set_query(query)
        self.refresh_desk()
        bar = self.query_one(FilterBar)
        if done:
            if not query:
                bar.reset()
                bar.display = False
            self.query_one(StoriesList).focus()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def set_theme(self, name: str) -> None:
        if name not in self.available_themes:
            return
        self.theme = name

    def action_next_theme(self) -> None:
        names = self.theme_names or sorted(self.available_themes)
        index = names.index(self.theme) if self.theme in names else -1
        self.set_theme(names[(index + 1) % len(names)])

    def watch_theme(self, name: str) -> None:
        if not getattr(self, "_theme_ready", False):
            return
        self.notify(f"theme: {name}", timeout=2, markup=False)
        self.update_status()
        try:
            save_choice(name, self.settings.theme)
        except OSError as error:
            self.notify(f"could not save the theme: {error}", severity="warning", markup=False)

    # ------------------------------------------------------------ messages from the store
    def _warn(self, message: str) -> None:
        if threading.current_thread() is threading.main_thread():
            self.notify(message, severity="warning", markup=False)
        else:
            self.call_from_thread(self.notify, message, severity="warning", markup=False)


def export_folder(folder: Path, corpus: Path) -> Path:
    """Where `e` writes: the folder asked for, unless it lies in the corpus (the next load would
    read the brief as an article); then the folder that holds the corpus."""
    import os

    from ..ingest.walk import within

    real = os.path.realpath(corpus)
    if within(os.path.realpath(folder), real):
        return Path(real).parent
    return folder


def run(path: Path, settings: Settings, options: LoadOptions, cache) -> int:
    """Open the desk on a folder; returns the exit code."""
    app = BriefingApp(path, settings, options, cache, isolate=True)
    app.run()
    return app.return_code or 0


__all__ = ["BriefingApp", "run", "UNDATED"]
