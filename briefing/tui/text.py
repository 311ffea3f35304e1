"""Untrusted text → Textual `Content`: never markup, never a control character.

The engine already strips escape sequences at load; this is the second belt. `Content`
itself is never parsed as markup, so `[bold]x[/]` and `[@click=app.quit]y[/]` stay text.
"""

from __future__ import annotations

from textual.content import Content

from ..ingest.textsafe import clean_field


def clean(text: str | None) -> str:
    """The text without escapes or controls (unchanged, same length, when it has none)."""
    return clean_field(text or "")  # type: ignore[return-value]


def safe(text: str | None, style: str = "") -> Content:
    """Content of untrusted text, optionally in one style."""
    return Content.styled(clean(text), style) if style else Content(clean(text))
