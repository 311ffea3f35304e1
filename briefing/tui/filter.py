"""`/`: a one-line filter of the stories (headline, or any article's title, source or text).

Typing is debounced: the desk is filtered once the keys pause for `DEBOUNCE` seconds, not on
every key (a day of 1,500 stories takes a noticeable moment to filter and redraw); enter and
escape act at once.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input


class FilterBar(Input):
    BINDINGS = [Binding("escape", "clear_filter", "Clear filter")]
    DEBOUNCE = 0.15  # seconds of quiet before a typed query is applied

    class Query(Message):
        def __init__(self, query: str, done: bool = False) -> None:
            super().__init__()
            self.query, self.done = query, done

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder="filter stories and articles…  (enter: keep, escape: clear)", **kwargs)
        self.debounce = self.DEBOUNCE
        self._pending: Timer | None = None
        self._sent = ""  # the last query posted: a change back to it posts nothing

    @property
    def pending(self) -> bool:
        """A typed query waits for the keys to pause."""
        return self._pending is not None

    def _cancel(self) -> None:
        if self._pending is not None:
            self._pending.stop()
            self._pending = None

    def _post(self, query: str, done: bool = False) -> None:
        self._cancel()
        self._sent = query
        self.post_message(self.Query(query, done))

    def _send_typed(self) -> None:
        self._pending = None
        if self.value != self._sent:
            self._post(self.value)

    def _on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._cancel()
        if event.value != self._sent:
            self._pending = self.set_timer(self.debounce, self._send_typed)

    def _on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._post(event.value, done=True)

    def action_clear_filter(self) -> None:
        self.reset()
        self.post_message(self.Query("", done=True))

    def reset(self) -> None:
        """Empty the bar without posting a query (the desk clears its filter itself)."""
        self._cancel()
        self._sent = ""
        self.value = ""
