"""The brief as e-mail-safe HTML: one self-contained document a newsletter tool can send.

Inline CSS on every element (mail clients drop or mangle `<style>`), one `<style>` block only
for dark mode (`prefers-color-scheme`, which clients that honour it read; the others keep the
light colours, which read on any background), no script, no image, no font or any other
external resource, a single 600-px email-table column (Outlook ignores `max-width` on a div).
Article text is escaped with `html.escape` and its merge tags split (`tags.py`); links are
only http(s) URLs (`view.safe_url`), quoted as attributes.
"""

from __future__ import annotations

import html

from .tags import literal_text
from .view import BriefView, Item

FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif"
INK, MUTED, RULE, PAPER, LINK, ACCENT = "#1a1a1a", "#5c5c5c", "#e3e3e3", "#ffffff", "#0b5cad", "#b3261e"

_DARK = """
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  body, .bg { background: #121212 !important; }
  .paper { background: #1e1e1e !important; }
  .ink { color: #ececec !important; }
  .muted { color: #a8a8a8 !important; }
  .link { color: #8ab4f8 !important; }
  .accent { color: #ff8a80 !important; }
  .rule { border-color: #3a3a3a !important; }
}
"""


def _t(text: str) -> str:
    return html.escape(literal_text(text), quote=True)


def _runs(item: Item) -> str:
    parts = []
    for run in item.runs:
        text = _t(run.text)
        if run.text[:1].isspace() and text:
            text = " " + text
        if run.url:
            parts.append(f'<a class="link" href="{html.escape(run.url, quote=True)}" style="color:{LINK};text-decoration:underline;">{text}</a>')
        elif run.strong:
            parts.append(f'<strong class="ink" style="color:{INK};">{text}</strong> ')
        else:
            parts.append(text)
    return "".join(parts)


def _p(body: str, style: str = "", cls: str = "ink") -> str:
    return f'<p class="{cls}" style="margin:0 0 12px 0;font:16px/1.5 {FONT};color:{INK if cls == "ink" else MUTED};{style}">{body}</p>'


def render(view: BriefView) -> str:
    out: list[str] = []
    if view.empty is not None:
        out.append(f'<h1 class="ink" style="margin:0 0 8px 0;font:bold 26px/1.25 {FONT};color:{INK};">{_t(view.title)}</h1>')
        out.append(_p(f"<em>{_t(view.empty)}</em>", cls="muted"))
    else:
        out.append(f'<h1 class="ink" style="margin:0 0 4px 0;font:bold 26px/1.25 {FONT};color:{INK};">{_t(view.title)}</h1>')
        for day in view.days:
            if not view.single:
                out.append(f'<h2 class="accent" style="margin:28px 0 4px 0;font:bold 13px/1.4 {FONT};color:{ACCENT};text-transform:uppercase;letter-spacing:0.06em;">{_t(day.heading)}</h2>')
            out.append(_p(f"<em>{_t(day.top_line)}</em>", "font-size:15px;", cls="muted"))
            for story in day.stories:
                out.append(f'<hr class="rule" style="border:0;border-top:1px solid {RULE};margin:20px 0;">')
                out.append(f'<h3 class="ink" style="margin:0 0 10px 0;font:bold 20px/1.3 {FONT};color:{INK};">{story.number}. {_t(story.headline)}</h3>')
                for section in story.sections:
                    if section.title:
                        out.append(f'<p class="muted" style="margin:14px 0 6px 0;font:bold 12px/1.4 {FONT};color:{MUTED};text-transform:uppercase;letter-spacing:0.06em;">{_t(section.title)}</p>')
                    if section.paragraph:
                        out.append(_p(" ".join(_runs(item) for item in section.items)))
                    else:
                        items = "".join(f'<li style="margin:0 0 6px 0;">{_runs(item)}</li>' for item in section.items)
                        out.append(f'<ul class="ink" style="margin:0 0 12px 0;padding:0 0 0 20px;font:15px/1.45 {FONT};color:{INK};">{items}</ul>')
    body = "\n".join(out)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n<meta name="supported-color-schemes" content="light dark">\n'
        f"<title>{_t(view.title)}</title>\n<style>{_DARK}</style>\n</head>\n"
        f'<body class="bg" style="margin:0;padding:0;background:#f2f2f2;">\n'
        f'<table role="presentation" class="bg" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f2f2f2;">'
        '<tr><td align="center" style="padding:24px 12px;">\n'
        f'<table role="presentation" class="paper" width="600" cellpadding="0" cellspacing="0" border="0" '
        f'style="width:100%;max-width:600px;background:{PAPER};border-radius:6px;">'
        f'<tr><td style="padding:28px 28px 20px 28px;">\n{body}\n</td></tr></table>\n'
        "</td></tr></table>\n</body>\n</html>\n"
    )
