"""Untrusted text → Textual `Content`: never markup, never a control character.

The engine already strips escape sequences at load; this is the second belt. `Content`
itself is never parsed as markup, so `[bold]x[/]` and `[@click=app.quit]y[/]` stay text.
"""

from __future__ import annotations

import re

from textual.content import Content

from ..textsafe import clean_text

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str | None) -> str:
    """The text without escapes or controls (unchanged, same length, when it has none)."""
    text = text or ""
    return clean_text(text) if _CONTROL.search(text) else text


def safe(text: str | None, style: str = "") -> Content:
    """Content of untrusted text, optionally in one style."""
    return Content.styled(clean(text), style) if style else Content(clean(text))
