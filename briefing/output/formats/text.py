"""The brief as plain text, wrapped at 72 columns: for a plain-text e-mail part or a chat box.

Nothing is escaped (plain text has no markup), but article text is sanitised and its
newsletter merge tags are split (`tags.py`), as in every format. Links follow their label in
angle brackets on a line of their own, never wrapped.
"""

from __future__ import annotations

import textwrap

from .tags import literal_text
from .view import BriefView, Item

WIDTH = 72


def _plain(item: Item) -> tuple[str, list[str]]:
    text, links = [], []
    for run in item.runs:
        piece = literal_text(run.text)
        if run.text[:1].isspace() and piece:
            piece = " " + piece
        if run.strong and piece:
            piece = piece + " "
        text.append(piece)
        if run.url:
            links.append(run.url)
    return "".join(text), links


def _wrap(text: str, first: str = "", rest: str = "") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest, break_long_words=False, break_on_hyphens=False) or [first.rstrip()]


def _underlined(text: str, mark: str) -> list[str]:
    lines = _wrap(text)
    return [*lines, mark * min(WIDTH, max(len(line) for line in lines))]


def render(view: BriefView) -> str:
    lines: list[str] = []
    lines += _underlined(literal_text(view.title), "=")
    lines.append("")
    if view.empty is not None:
        return "\n".join([*lines, *_wrap(literal_text(view.empty))]) + "\n"
    for day in view.days:
        if not view.single:
            lines += [*_underlined(literal_text(day.heading), "-"), ""]
        lines += [*_wrap(literal_text(day.top_line)), ""]
        for story in day.stories:
            lines += [*_wrap(f"{story.number}. {literal_text(story.headline)}", "", "   "), ""]
            for section in story.sections:
                if section.title:
                    lines.append(f"   {section.title.upper()}")
                if section.paragraph:
                    lines += _wrap(" ".join(_plain(item)[0] for item in section.items), "   ", "   ")
                else:
                    for item in section.items:
                        text, links = _plain(item)
                        lines += _wrap(text, "   - ", "     ")
                        lines += [f"     <{link}>" for link in links]
                lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
