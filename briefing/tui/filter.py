"""`/`: a one-line filter of the stories (headline, or any article's title, source or text)."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class FilterBar(Input):
    BINDINGS = [Binding("escape", "clear_filter", "Clear filter")]

    class Query(Message):
        def __init__(self, query: str, done: bool = False) -> None:
            super().__init__()
            self.query, self.done = query, done

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder="filter stories and articles…  (enter: keep, escape: clear)", **kwargs)

    def _on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Query(event.value))

    def _on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Query(event.value, done=True))

    def action_clear_filter(self) -> None:
        self.value = ""
        self.post_message(self.Query("", done=True))
