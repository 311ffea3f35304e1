"""A single click puts the cursor on a row; a double click (or enter) opens it.

Mixed into the desk's lists ahead of `OptionList`, whose own click would open the row at once.
"""

from __future__ import annotations

from textual import events


class ClickSelects:
    async def _on_click(self, event: events.Click) -> None:
        event.prevent_default()  # not OptionList's click, which selects (opens) on one click
        clicked = event.style.meta.get("option")
        if clicked is None or self._options[clicked].disabled:
            return
        self.highlighted = clicked
        if event.chain >= 2:
            self.action_select()
