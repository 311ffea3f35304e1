"""The brief for Slack: Block Kit messages in mrkdwn, as one JSON document.

The output is `{"messages": [{"blocks": [...]}, ...]}`: post each message with
`chat.postMessage` (or a webhook). A message holds at most 50 blocks; a section's text is kept
under Slack's 3,000-character limit by splitting at line ends (a longer line at a space).
Article text is escaped as Slack asks — `&` → `&amp;`, `<` → `&lt;`, `>` → `&gt;` — so it
can never become a link, a mention (`<!channel>`, `<@U…>`) or a channel; every text object is
`verbatim` (Slack does not turn bare URLs or `@here` into links or mentions); merge tags are
split (`tags.py`). Links we write are `<url|label>` with a safe http(s) URL.
"""

from __future__ import annotations

import json

from .tags import literal_text, neutralize_templates
from .view import BriefView, Item

LIMIT = 3000  # characters in a section's text (Slack's limit)
BUDGET = 2900  # what we fill, leaving room
MAX_BLOCKS = 50  # blocks per message
HEADER_LIMIT = 150  # characters of plain text in a header block


def escape(text: str) -> str:
    return literal_text(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _link_label(text: str) -> str:
    return escape(text).replace("|", "¦")  # a `|` would end the label early


def _runs(item: Item) -> str:
    parts = []
    for run in item.runs:
        if run.url:
            parts.append(f"<{run.url.replace('|', '%7C').replace('>', '%3E')}|{_link_label(run.text)}>")
        elif run.strong:
            parts.append(f"*{escape(run.text)}* ")
        else:
            text = escape(run.text)
            parts.append((" " if run.text[:1].isspace() and text else "") + text)
    return "".join(parts)


def _cut(line: str) -> list[str]:
    """A line longer than the budget, cut at spaces (or hard, for a word that long)."""
    pieces = []
    while len(line) > BUDGET:
        at = line.rfind(" ", 0, BUDGET)
        at = at if at > BUDGET // 2 else BUDGET
        pieces.append(line[:at])
        line = line[at:].lstrip()
    return [*pieces, line] if line else pieces


def _sections(lines: list[str]) -> list[dict]:
    chunks, current = [], ""
    # our own `*…*` and `<url|…>` around article text could close a tag it opens (`| a |*`)
    lines = [neutralize_templates(line) for line in lines]
    for piece in (part for line in lines for part in _cut(line)):
        if current and len(current) + 1 + len(piece) > BUDGET:
            chunks.append(current)
            current = piece
        else:
            current = f"{current}\n{piece}" if current else piece
    if current:
        chunks.append(current)
    return [{"type": "section", "text": {"type": "mrkdwn", "text": chunk, "verbatim": True}} for chunk in chunks]


def _header(text: str) -> dict:
    text = literal_text(text)
    if len(text) > HEADER_LIMIT:
        text = text[: HEADER_LIMIT - 1].rsplit(" ", 1)[0] + "…"
    return {"type": "header", "text": {"type": "plain_text", "text": text, "emoji": False}}


def _context(text: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": _cut(escape(text))[0], "verbatim": True}]}


def blocks(view: BriefView) -> list[dict]:
    out = [_header(view.title)]
    if view.empty is not None:
        return [*out, _context(view.empty)]
    for day in view.days:
        if not view.single:
            out.append(_header(day.heading))
        out.append(_context(day.top_line))
        for story in day.stories:
            out.append({"type": "divider"})
            lines = [f"*{story.number}. {escape(story.headline)}*"]
            for section in story.sections:
                if section.title:
                    lines.append(f"*{escape(section.title)}*")
                if section.paragraph:
                    lines.append(" ".join(_runs(item) for item in section.items))
                else:
                    lines += [f"• {_runs(item)}" for item in section.items]
            out += _sections(lines)
    return out


def messages(view: BriefView) -> list[dict]:
    """The blocks, at most 50 to a message; a message never starts with a divider."""
    found: list[dict] = []
    current: list[dict] = []
    for block in blocks(view):
        if len(current) >= MAX_BLOCKS:
            found.append({"blocks": current})
            current = []
        if not current and block["type"] == "divider":
            continue
        current.append(block)
    if current:
        found.append({"blocks": current})
    return found


def render(view: BriefView) -> str:
    return json.dumps({"messages": messages(view)}, ensure_ascii=False, indent=2) + "\n"
