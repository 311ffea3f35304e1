"""The desk's newer keys, kept out of app.py: undo/redo, the export dialog, the skipped-files
panel, the status line, `z` (maximise) and the narrow layout, and keys that arrive together.

Keys that arrive together (`tmux send-keys Enter Down`): Textual hands each key to the widget
focused *when the app reads it*, and a list's Enter only moves the focus later, through a
message. So the desk's navigation keys are priority bindings of the app: each one acts at once,
in the app's own queue — the cursor moves, the day or story is shown, the focus changes
(`Screen.set_focus`, not `Widget.focus`, which waits for `call_later`) — before the next key
is read. They apply only on the desk (not in modals, the filter bar or the reader).
"""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from textual.binding import Binding

from ..core.atomic import write_atomic
from .confirm import ConfirmScreen
from .days import DaysList
from .export import ExportRequest, ExportScreen
from .messages import DayChosen
from .skipped import SkippedScreen
from .status import StatusLine, status_content
from .stories import StoriesList
from .story_view import StoryRows, StoryView
from .undo import EditsScreen, Snapshot, edits_content

NARROW = 100  # columns: below this the desk hides the pane it does not need

ROUTED_MOVES = {
    "down": "cursor_down", "j": "cursor_down", "up": "cursor_up", "k": "cursor_up",
    "g": "first", "home": "first", "G": "last", "end": "last",
    "pagedown": "page_down", "pageup": "page_up",
}


class DeskExtras:
    ALLOW_IN_MAXIMIZED_VIEW = "Footer, #status"

    EXTRA_BINDINGS = [
        Binding("u", "undo", "Undo"),
        Binding("ctrl+z", "undo", "Undo", show=False),
        Binding("ctrl+y", "redo", "Redo", show=False),
        Binding("U", "show_edits", "Edits", show=False),
        Binding("s", "show_skipped", "Skipped", show=False),
        Binding("z", "toggle_maximize", "Maximise", show=False),
        Binding("enter", "route_enter", show=False, priority=True),
        Binding("right", "route_enter", show=False, priority=True),
        Binding("left", "route_back", show=False, priority=True),
        Binding("escape", "route_back", show=False, priority=True),
        *[Binding(key, f"route_move('{key}')", show=False, priority=True) for key in ROUTED_MOVES],
    ]
    ROUTED = {"route_enter", "route_back", "route_move", "pane"}
    _baseline: Snapshot | None  # set by the app (its __init__ and each load)

    @classmethod
    def pane_bindings(cls, bindings: list[Binding]) -> list[Binding]:
        """A priority twin of each letter key of the desk: it acts in the app's queue while a
        pane of the desk has the focus, so the key after it already meets its effect (a dialog
        it opened, a focus it moved). Elsewhere the twin stands aside and the binding acts."""
        return [
            Binding(b.key, f"pane({b.action!r})", b.description, show=b.show, key_display=b.key_display, priority=True)
            for b in bindings if not b.priority and b.action != "back" and not b.key.startswith("ctrl+")
        ]

    # ------------------------------------------------------------ keys that arrive together
    def check_routed(self, action: str, parameters: tuple) -> bool:
        if len(self.screen_stack) > 1 or self.session is None:
            return False
        focused = self.focused
        if action == "pane":
            return isinstance(focused, (DaysList, StoriesList, StoryRows)) and self.check_action(parameters[0].split("(")[0], ())
        if action == "route_enter":
            return isinstance(focused, (DaysList, StoriesList))
        if action == "route_back":
            return isinstance(focused, (StoriesList, StoryRows)) and self.screen.maximized is None
        return isinstance(focused, (DaysList, StoriesList, StoryRows))

    async def action_pane(self, action: str) -> None:
        from textual.actions import parse as parse_action

        _, name, params = parse_action(action)
        result = getattr(self, f"action_{name}")(*params)
        if hasattr(result, "__await__"):
            await result

    def action_route_move(self, key: str) -> None:
        focused = self.focused
        getattr(focused, f"action_{ROUTED_MOVES[key]}")()
        self._sync_panes(focused)

    def _sync_panes(self, focused) -> None:
        """Show at once what the cursor of a list now points at (the messages come later)."""
        if isinstance(focused, DaysList) and focused.current:
            self.on_day_chosen(DayChosen(focused.current))
        elif isinstance(focused, StoriesList) and focused.current:
            self.show_story(focused.current)

    def action_route_enter(self) -> None:
        focused = self.focused
        self._sync_panes(focused)
        if isinstance(focused, DaysList):
            self.screen.set_focus(self.query_one(StoriesList))
        elif isinstance(focused, StoriesList) and self.query_one(StoryView).story_id:
            self.screen.set_focus(self.query_one(StoryRows))
        self.adapt_layout()

    def action_route_back(self) -> None:
        focused = self.focused
        target = self.query_one(StoriesList) if isinstance(focused, StoryRows) else self.query_one(DaysList)
        self.screen.set_focus(target)
        self.adapt_layout()

    # ------------------------------------------------------------ undo, redo, the list of edits
    def remember(self, label: str) -> None:
        """Record a curation step: the state before it (the last saved one) and its name."""
        if self.session is None:
            return
        now = Snapshot.of(self.session.curation)
        if self._baseline is not None and now != self._baseline:
            self.undo_stack.record(label, self._baseline)
        self._baseline = now

    def _after_undo(self, result, verb: str) -> None:
        if result is None:
            self.notify(f"nothing to {verb.removesuffix('ne')}", timeout=2)
            return
        step, regroup = result
        self._baseline = Snapshot.of(self.session.curation)
        if regroup:
            try:
                self.store and self.store.save(self.session.curation)
            except OSError as error:
                self.notify(f"could not save the edits: {error}", severity="error", markup=False)
            self.load_brief()
        else:
            try:
                self.session.save()
            except OSError as error:
                self.notify(f"could not save the edits: {error}", severity="error", markup=False)
            self._baseline = Snapshot.of(self.session.curation)
            self.refresh_desk()
        self.notify(f"{verb}: {step.label}", timeout=3, markup=False)

    def action_undo(self) -> None:
        if self._has_session():
            self._after_undo(self.undo_stack.undo(self.session.curation), "undone")

    def action_redo(self) -> None:
        if self._has_session():
            self._after_undo(self.undo_stack.redo(self.session.curation), "redone")

    def action_show_edits(self) -> None:
        if self._has_session() and not isinstance(self.screen, EditsScreen):
            self.push_screen(EditsScreen(edits_content(self.session, self.undo_stack)))

    # ------------------------------------------------------------ skipped files
    def action_show_skipped(self) -> None:
        if self._has_session() and not isinstance(self.screen, SkippedScreen):
            self.push_screen(SkippedScreen(self.session.corpus.skipped))

    # ------------------------------------------------------------ export dialog
    def action_export(self) -> None:
        day = self.current_day()
        if day is None:
            return
        self.push_screen(ExportScreen(day, self.export_path), lambda request: self.do_export(day, request))

    def do_export(self, day: str, request: ExportRequest | None, confirmed: bool = False) -> Path | None:
        if request is None:
            return None
        text = request.format.render(self.session, day)
        if request.action == "copy":
            self.copy_to_clipboard(text)
            self.notify(f"copied the {request.format.name} of {day} to the clipboard (OSC 52, where the terminal allows it)", timeout=4, markup=False)
            return None
        path = request.path
        if not confirmed and path.exists():
            curated = self.session.curated_day(day)
            empty = not (curated.days or curated.undated)
            question = f"{path} exists. Replace it?"
            if empty:
                question = f"Every story of {day} is dropped. Replace {path} with an empty brief?"

            def answer(replace: bool | None) -> None:
                if replace:
                    self.do_export(day, request, confirmed=True)
                else:
                    self.notify(f"kept {path}", timeout=3, markup=False)

            self.push_screen(ConfirmScreen(question), answer)
            return None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, text)
        except OSError as error:
            self.notify(f"could not export: {error}", severity="error", markup=False)
            return None
        self.notify(f"exported {path}", title="Export", markup=False)
        exported = getattr(self, "living_exported", None)
        if exported is not None:
            exported(day)  # record it for "since the last brief" (tui/living.py)
        self.update_status()
        if request.action == "edit":
            self.open_in_editor(path)
        return path

    def open_in_editor(self, path: Path) -> None:
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if not editor:
            self.notify("set $EDITOR to open the export in an editor", severity="warning", timeout=4)
            return
        try:
            with self.suspend():
                subprocess.call([*shlex.split(editor), str(path)])
        except Exception as error:  # no terminal to suspend (tests, web) or no such editor
            self.notify(f"could not run {editor}: {error}", severity="error", markup=False)

    # ------------------------------------------------------------ status line
    def new_since_last_brief(self) -> int | None:
        """Stories new or changed since the last brief (tui/living.py); None shows nothing."""
        count = getattr(self, "new_since_last_count", None)
        return count() if count is not None else None

    def update_status(self) -> None:
        try:
            line = self.query_one("#status", StatusLine)
        except Exception:
            return
        session = self.session
        edits = len(self.undo_stack.done)
        line.update(status_content(self.path.resolve().name, self.theme, session, session.query if session else "", edits, self.new_since_last_brief()))

    # ------------------------------------------------------------ z and the narrow layout
    def action_toggle_maximize(self) -> None:
        screen = self.screen
        if screen.maximized is not None:
            screen.minimize()
            return
        focused = self.focused
        if isinstance(focused, StoryRows):
            screen.maximized = self.query_one(StoryView)
        elif focused is not None and len(self.screen_stack) == 1:
            screen.maximize(focused, container=False)

    def adapt_layout(self) -> None:
        """Below NARROW columns show two panes: Days and Stories while Days has the focus,
        Stories and the story otherwise (story titles get the room)."""
        try:
            desk = self.query_one("#desk")
        except Exception:
            return
        narrow = self.size.width < NARROW
        desk.set_class(narrow, "-narrow")
        desk.set_class(narrow and isinstance(self.focused, DaysList), "-days-focused")

    def on_resize(self, event) -> None:
        self.adapt_layout()

    def on_descendant_focus(self, event) -> None:
        self.adapt_layout()
