"""The desk's yes/no question (the export's "replace with an empty brief?"), in its own module so
the desk's mixins (desk_extras) and the app both import it without importing each other."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


class ConfirmScreen(ModalScreen):
    """A yes/no question; dismissed with True only on `y`."""

    BINDINGS = [Binding("y", "answer(True)", "Yes"), Binding("n", "answer(False)", "No"), Binding("escape", "answer(False)", "No")]
    DEFAULT_CSS = "ConfirmScreen { align: center middle; } ConfirmScreen > Static { width: 70; padding: 1 2; border: thick $warning; background: $surface; }"

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        yield Static(Content(self.question + "\n\n[y] yes   [n] no"))

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
