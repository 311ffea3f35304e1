"""`e`: the export dialog — format, path, then write (asking before replacing a file), copy to
the clipboard, or open the written file in `$EDITOR`.

The formats come from one function, `export_formats()`, which reads the engine's registry
(`briefing.output.formats.FORMATS`): the desk offers every format `briefing export` writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet


@dataclass(frozen=True)
class ExportFormat:
    name: str
    suffix: str  # without the dot
    description: str
    render: Callable  # (session, day key) -> str


def _renderer(name: str) -> Callable:
    """(session, day key) -> text: the curated day through the engine's format `name`."""

    def render(session, day: str) -> str:
        from ..output.formats import FORMATS
        from .session import UNDATED

        date = None if day == UNDATED else dt.date.fromisoformat(day)
        return FORMATS[name].render(session.curated_day(day), date, date, "standard")

    return render


def export_formats() -> dict[str, ExportFormat]:
    """The formats the desk offers, by name, the first the default: every format of
    `briefing.output.formats.FORMATS`, so the desk writes exactly what `briefing export` writes."""
    from ..output.formats import FORMATS

    return {name: ExportFormat(name, fmt.suffix.lstrip("."), fmt.description, _renderer(name)) for name, fmt in FORMATS.items()}


def _without_format_suffix(path: Path, formats: list[ExportFormat]) -> Path:
    """`brief.slack.json` → `brief`: the longest format suffix removed, so switching formats
    does not stack suffixes."""
    for suffix in sorted((f.suffix for f in formats), key=len, reverse=True):
        if path.name.endswith("." + suffix):
            return path.with_name(path.name[: -len(suffix) - 1])
    return path


def format_for_suffix(suffix: str) -> ExportFormat:
    for fmt in export_formats().values():
        if fmt.suffix == suffix:
            return fmt
    raise KeyError(suffix)


@dataclass
class ExportRequest:
    action: str  # "write", "copy", "edit"
    format: ExportFormat
    path: Path


class ExportScreen(ModalScreen[ExportRequest | None]):
    """Pick a format and a path; enter writes, the buttons copy or open in $EDITOR."""

    # enter also on the screen itself: an enter that arrives with the `e` that opened the
    # dialog reaches the screen before its input has the focus
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("enter", "write", "Write", show=False)]
    AUTO_FOCUS = "#export-path"

    def __init__(self, day: str, default_path: Callable[[str, str], Path]) -> None:
        super().__init__()
        self.day = day
        self.default_path = default_path  # (day, suffix) -> Path
        self.formats = list(export_formats().values())
        self.path_edited = False
        self._following_path = False

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box") as box:
            box.border_title = f"Export {self.day}"
            box.border_subtitle = "enter write · escape cancel"
            yield Label("Format")
            with RadioSet(id="export-format"):
                for index, fmt in enumerate(self.formats):
                    yield RadioButton(Content(f"{fmt.name} (.{fmt.suffix}) — {fmt.description}"), value=index == 0, name=fmt.name)
            yield Label("Path")
            yield Input(str(self.default_path(self.day, self.formats[0].suffix)), id="export-path")
            with Horizontal(id="export-buttons"):
                yield Button("Write", id="export-write", variant="primary")
                yield Button("Copy to clipboard", id="export-copy")
                yield Button("Open in $EDITOR", id="export-edit")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @property
    def chosen(self) -> ExportFormat:
        pressed = self.query_one(RadioSet).pressed_index
        return self.formats[pressed if pressed >= 0 else 0]

    def format_of_path(self, path: Path) -> int | None:
        """The index of the format whose suffix the path ends with (the longest: .slack.json
        before .json), or None."""
        matches = [(len(f.suffix), i) for i, f in enumerate(self.formats) if path.name.endswith("." + f.suffix)]
        return max(matches)[1] if matches else None

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        if self._following_path:  # the radio followed a typed suffix: leave the path alone
            self._following_path = False
            return
        path_input = self.query_one("#export-path", Input)
        fmt = self.formats[event.index]
        current = Path(path_input.value)
        if not self.path_edited:
            path_input.value = str(self.default_path(self.day, fmt.suffix))
        elif current.suffix:
            stem = _without_format_suffix(current, self.formats)
            path_input.value = str(stem.with_name(f"{stem.name}.{fmt.suffix}"))
        self.path_edited = False if not self.path_edited else True

    @on(Input.Changed, "#export-path")
    def _path_typed(self, event: Input.Changed) -> None:
        defaults = {str(self.default_path(self.day, f.suffix)) for f in self.formats}
        self.path_edited = event.value not in defaults
        index = self.format_of_path(Path(event.value.strip()))
        radios = list(self.query(RadioButton))
        if index is not None and index != self.query_one(RadioSet).pressed_index and index < len(radios):
            self._following_path = True  # a typed ".html" chooses HTML, visibly
            radios[index].value = True

    def _finish(self, action: str) -> None:
        value = self.query_one("#export-path", Input).value.strip()
        if not value:
            self.notify("give a path to write to", severity="warning")
            return
        path = Path(value).expanduser()
        index = self.format_of_path(path)  # a path ending in a format's suffix means that format
        self.dismiss(ExportRequest(action, self.formats[index] if index is not None else self.chosen, path))

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._finish("write")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export-cancel":
            self.dismiss(None)
        else:
            self._finish(event.button.id.removeprefix("export-"))

    def action_write(self) -> None:
        self._finish("write")

    def action_cancel(self) -> None:
        self.dismiss(None)
