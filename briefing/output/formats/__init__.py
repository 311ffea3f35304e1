"""Every output of a brief, from one format-neutral view (`view.py`).

`FORMATS` maps a format name to its file suffix, a one-line description and its render
function `(brief, start, end, template) -> str`; `render(brief, start, end, template, fmt)`
picks one. Markdown, HTML, Slack and plain text render `view.build_view`, so the sections,
their order and their cut-offs are the same in all of them; JSON is the schema document
(`briefing/1`), byte for byte what it always was. Every output is deterministic: same brief,
same bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from collections.abc import Callable

from .view import TEMPLATES, build_view  # noqa: F401


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    description: str
    render: Callable[..., str]


def _markdown(brief, start=None, end=None, template="standard") -> str:
    from .markdown import render as render_md

    return render_md(build_view(brief, start, end, template))


def _html(brief, start=None, end=None, template="standard") -> str:
    from .html import render as render_html

    return render_html(build_view(brief, start, end, template))


def _slack(brief, start=None, end=None, template="standard") -> str:
    from .slack import render as render_slack

    return render_slack(build_view(brief, start, end, template))


def _text(brief, start=None, end=None, template="standard") -> str:
    from .text import render as render_text

    return render_text(build_view(brief, start, end, template))


def _json(brief, start=None, end=None, template="standard") -> str:
    from ...brief.build import brief_json, brief_to_dict

    return brief_json(brief_to_dict(brief))


FORMATS: dict[str, Format] = {
    "md": Format("md", ".md", "CommonMark, escaped only where CommonMark needs it", _markdown),
    "json": Format("json", ".json", "the briefing/1 document (../shared/brief.schema.json); --template does not apply", _json),
    "html": Format("html", ".html", "e-mail-safe HTML: inline CSS, no scripts or external resources, dark-mode aware", _html),
    "slack": Format("slack", ".slack.json", "Slack Block Kit messages (mrkdwn, ≤50 blocks, blocks under 3,000 characters)", _slack),
    "text": Format("text", ".txt", "plain text wrapped at 72 columns", _text),
}


def render(brief, start: dt.date | None = None, end: dt.date | None = None, template: str = "standard", fmt: str = "md") -> str:
    """The brief in format `fmt` (a key of FORMATS) with `template` (a key of TEMPLATES)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if template not in TEMPLATES:
        raise ValueError(f"unknown template {template!r} (choose from {', '.join(TEMPLATES)})")
    return FORMATS[fmt].render(brief, start, end, template)
