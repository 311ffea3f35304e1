"""The status line under the desk: corpus, filter, theme, counts, new since the last brief."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from .text import safe


def status_content(corpus: str, theme: str, session=None, query: str = "", edits: int = 0, new: int | None = None) -> Content:
    parts: list = [safe(corpus, "bold")]

    def field(text, style="$text-muted"):
        parts.extend([("  ·  ", "$text-muted"), (text, style) if isinstance(text, str) else text])

    if session is not None:
        rows = session.day_rows()
        stories = sum(len(session.stories(r.key, filtered=False)) for r in rows)
        kept = sum(r.stories for r in rows)
        days = sum(1 for r in rows if r.date is not None)
        field(f"{days} day{'s' if days != 1 else ''} · {kept} of {stories} stor{'ies' if stories != 1 else 'y'} kept", "")
        if query:
            matches = sum(r.matches or 0 for r in rows)
            field(Content.assemble(("filter ", "$text-muted"), safe(f"“{query}”", "bold $accent"), (f" {matches} match{'es' if matches != 1 else ''}", "")))
        if edits:
            field(f"{edits} edit{'s' if edits != 1 else ''} (u undo)", "")
        if new:
            field(f"{new} new since the last brief", "bold $success")
        if session.corpus.skipped:
            skipped = len(session.corpus.skipped)
            field(f"{skipped} skipped (s)", "$warning")
    field(f"theme {theme}")
    return Content.assemble(*parts)


class StatusLine(Static):
    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)
