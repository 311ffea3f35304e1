"""Compatibility shim: the Markdown brief now lives in `briefing.output.formats.markdown` (issue 18).

Kept so code that imported `briefing.output.markdown` (the desk's preview, older scripts) still works.
"""

from __future__ import annotations

from .formats.markdown import ZWSP, escape, literal_text, neutralize_templates, render_markdown, safe_url  # noqa: F401
