"""The days of the brief, newest first, with their story and article counts."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from .clicks import ClickSelects
from .messages import Advance, DayChosen
from .session import UNDATED, DayRow


def day_label(row: DayRow) -> Content:
    if row.date is None:
        name = Content.styled("Undated", "bold")
    else:
        name = Content.assemble((row.date.strftime("%a %d %b"), "bold"), " ", (row.date.strftime("%Y"), "$text-muted"))
    counts = f"{row.articles} art · {row.stories} st"
    if row.matches is not None:
        counts = f"{row.matches} match" + ("" if row.matches == 1 else "es")
    return Content.assemble(name, "\n", (counts, "$text-muted"))


class DaysList(ClickSelects, OptionList):
    """One option per day (id: the ISO date or "undated")."""

    BORDER_TITLE = "Days"
    BINDINGS = [Binding("right", "advance", "Stories", show=False)]

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)

    def show(self, rows: list[DayRow], keep: str | None = None) -> None:
        current = keep or (self.highlighted_option.id if self.highlighted_option else None)
        self.set_options([Option(day_label(row), id=row.key) for row in rows])
        ids = [row.key for row in rows]
        if ids:
            self.highlighted = ids.index(current) if current in ids else 0
        self.border_subtitle = f"{sum(1 for r in rows if r.key != UNDATED)} days"

    @property
    def current(self) -> str | None:
        option = self.highlighted_option
        return option.id if option else None

    def select_day(self, key: str) -> bool:
        try:
            self.highlighted = self.get_option_index(key)
        except Exception:
            return False
        return True

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id:
            self.post_message(DayChosen(event.option.id))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(Advance("days"))

    def action_advance(self) -> None:
        self.post_message(Advance("days"))
