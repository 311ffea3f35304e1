"""`m`: move an article to another story of the same day (a picker of that day's stories).

The picker opens with the cursor in a search line: typing narrows the stories to those whose
headline holds every word typed; ↑ ↓ PgUp PgDn move in the list, enter moves the article.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from .text import safe

BACK = "\x00back"  # the option that undoes an earlier move


class MoveScreen(ModalScreen[str | None]):
    """Dismissed with the target story id (or BACK), or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("up", "list('cursor_up')", show=False),
        Binding("down", "list('cursor_down')", show=False),
        Binding("pageup", "list('page_up')", show=False),
        Binding("pagedown", "list('page_down')", show=False),
    ]

    def __init__(self, article_title: str, targets: list[tuple[str, str]], moved: bool) -> None:
        super().__init__()
        self.article_title, self.targets, self.moved = article_title, targets, moved
        # made once and reused while filtering: an OptionList keeps what it laid out of an option
        self._options = [(headline.lower(), Option(safe(headline), id=sid)) for sid, headline in targets]
        self._back = Option(Content.styled("↩ back to the story it was grouped in", "italic $accent"), id=BACK)

    def compose(self) -> ComposeResult:
        with Vertical(id="move-box") as box:
            box.border_title = "Move article to"
            box.border_subtitle = "type: find a story · ↑ ↓ enter: move · escape: cancel"
            yield Static(Content.assemble(("article: ", "$text-muted"), safe(self.article_title)), markup=False)
            yield Input(placeholder="find a story by its headline…", id="move-filter")
            yield OptionList(*self._matching(""), id="move-list", markup=False)

    def _matching(self, query: str) -> list[Option]:
        words = query.lower().split()
        found = [option for text, option in self._options if all(word in text for word in words)]
        return ([self._back] if self.moved else []) + found

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0 if options.option_count else None
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        options = self.query_one(OptionList)
        options.set_options(self._matching(event.value))
        options.highlighted = 0 if options.option_count else None
        shown = options.option_count - (1 if self.moved else 0)
        box = self.query_one("#move-box")
        box.border_title = f"Move article to · {shown} of {len(self.targets)}" if event.value.strip() else "Move article to"

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        option = self.query_one(OptionList).highlighted_option
        if option is not None:
            self.dismiss(option.id)

    def action_list(self, action: str) -> None:
        getattr(self.query_one(OptionList), f"action_{action}")()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
