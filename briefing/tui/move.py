"""`m`: move an article to another story of the same day (a picker of that day's stories)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from .text import safe

BACK = "\x00back"  # the option that undoes an earlier move


class MoveScreen(ModalScreen[str | None]):
    """Dismissed with the target story id (or BACK), or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, article_title: str, targets: list[tuple[str, str]], moved: bool) -> None:
        super().__init__()
        self.article_title, self.targets, self.moved = article_title, targets, moved

    def compose(self) -> ComposeResult:
        with Vertical(id="move-box") as box:
            box.border_title = "Move article to"
            box.border_subtitle = "enter: move · escape: cancel"
            yield Static(Content.assemble(("article: ", "dim"), safe(self.article_title)), markup=False)
            options = [Option(safe(headline), id=sid) for sid, headline in self.targets]
            if self.moved:
                options.insert(0, Option(Content.styled("↩ back to the story it was grouped in", "italic $accent"), id=BACK))
            yield OptionList(*options, id="move-list", markup=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
