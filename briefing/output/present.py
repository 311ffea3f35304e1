"""What of a story goes into a brief a reader sees: the one place for its cut-offs and order.

The machine's story holds every figure and quote it found (the JSON document carries them
all, for scripts); a brief shows the first `settings.figures` figures and the first
`settings.quotes` quotes that are whole sentences' worth of words. Markdown, HTML, Slack and
text (through `formats.view`) and the desk's story pane all ask here, so what the desk marks
as "in the brief" is what the export prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from ..brief.build import FigureLine, QuoteLine
from ..core.config import Settings

Q = TypeVar("Q", bound=QuoteLine)
F = TypeVar("F", bound=FigureLine)


def quotable(quotes: Sequence[Q], settings: Settings) -> list[Q]:
    """Quotes worth showing, in the story's order: no fragments, none under the word minimum."""
    return [q for q in quotes if not q.fragment and len(q.text.split()) >= settings.min_quote_words]


def shown_quotes(quotes: Sequence[Q], settings: Settings) -> list[Q]:
    """The quotes a brief shows."""
    return quotable(quotes, settings)[: settings.quotes]


def shown_figures(figures: Sequence[F], settings: Settings, limit: int | None = None) -> list[F]:
    """The figures a brief shows (a template may ask for fewer than the settings' number)."""
    count = settings.figures if limit is None else min(limit, settings.figures)
    return list(figures[:count])
