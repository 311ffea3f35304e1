"""`h`: edit a story's headline in a small modal (empty restores the machine's headline)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static
from .text import safe


class HeadlineScreen(ModalScreen[str | None]):
    """Dismissed with the new headline ("" to reset), or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: str, machine: str) -> None:
        super().__init__()
        self.current, self.machine = current, machine

    def compose(self) -> ComposeResult:
        with Vertical(id="headline-box") as box:
            box.border_title = "Headline"
            box.border_subtitle = "enter: save · escape: cancel · empty: the machine's"
            yield Static(Content.assemble(("machine: ", "$text-muted"), safe(self.machine)), markup=False)
            yield Input(self.current, id="headline-input")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
