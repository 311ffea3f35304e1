"""`s`: the files of the folder that did not become articles, each with the reason."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from .text import safe


def skipped_content(skipped: list) -> Content:
    if not skipped:
        return Content.styled("No file was skipped.", "$text-muted")
    parts: list = []
    for item in skipped:
        parts += [safe(item.path, "bold"), "\n  ", safe(item.reason, "$text-muted"), "\n"]
    return Content.assemble(*parts)


class SkippedScreen(ModalScreen):
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("s", "close", "Close", show=False),
        Binding("q", "close", "Close", show=False),
    ]

    def __init__(self, skipped: list) -> None:
        super().__init__()
        self.skipped = list(skipped)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="skipped-box") as box:
            count = len(self.skipped)
            box.border_title = f"{count} skipped file{'s' if count != 1 else ''}"
            box.border_subtitle = "escape to close"
            yield Static(skipped_content(self.skipped), id="skipped-text", markup=False)

    def action_close(self) -> None:
        self.dismiss()
