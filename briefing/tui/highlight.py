"""Filter matches marked in the text they occur in (headlines, source titles)."""

from __future__ import annotations

from textual.content import Content

MATCH_STYLE = "reverse bold"


def mark_matches(content: Content, query: str, style: str = MATCH_STYLE) -> Content:
    """Every case-insensitive occurrence of the (normalised, lower-case) query, styled."""
    if not query:
        return content
    text = content.plain.lower()
    start = text.find(query)
    while start >= 0:
        content = content.stylize(style, start, start + len(query))
        start = text.find(query, start + len(query))
    return content
