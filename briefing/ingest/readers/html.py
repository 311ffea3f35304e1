"""Saved web pages, and HTML fragments found inside JSON and feed items.

Whole pages go to `briefing.ingest.html.extract` (trafilatura, tuned and measured in
`bench/eval_html_text.py`) for the main text and to `briefing.ingest.html.dates` for the date.
Fragments (a feed item's `content:encoded`) are small and trusted to be article text, so a
plain tag strip that keeps paragraph breaks is enough, and cannot recurse on deep nesting.
"""

from __future__ import annotations

import html as html_lib
import re

from ...core.model import RawDocument

_BLOCK = re.compile(r"<\s*(?:/?(?:p|div|section|article|blockquote|h[1-6]|li|ul|ol|table|tr|pre|figure)\b[^>]*|br\s*/?)\s*>", re.I)
_DROP = re.compile(r"<(script|style|noscript|template|iframe|svg|figcaption)\b.*?</\1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^<>]*>")  # `[^<>]`: a run of unclosed `<` stays linear
# A character reference to a control character (`&#27;`, `&#x1b;`): lxml refuses the page
# that holds one, and the whole page was skipped as "no article text". It is dropped, as
# the control character itself would be when the text is cleaned.
_CONTROL_REFERENCE = re.compile(r"&#(?:0*(?:[0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]|127)|[xX]0*(?:[0-8]|[bBcCeEfF]|1[0-9a-fA-F]|7[fF]));?")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def looks_like_html(text: str) -> bool:
    return bool(re.search(r"</?(?:p|div|br|a|span|em|strong|b|i|u|small|sup|sub|font|img|ul|ol|li|h[1-6]|blockquote|figure)\b[^<>]*>", text, re.I))


def fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, with block elements as paragraph breaks."""
    fragment = _COMMENT.sub(" ", fragment)
    fragment = _DROP.sub(" ", fragment)
    fragment = _BLOCK.sub("\n\n", fragment)
    text = html_lib.unescape(_TAG.sub("", fragment))
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def read_html(text: str) -> tuple[list[RawDocument], list[str]]:
    from ..html.dates import find_html_date
    from ..html.extract import extract_html

    text = _CONTROL_REFERENCE.sub("", text)
    page = extract_html(text)
    if page is None or not page.text.strip():
        return [], ["no article text found in the page"]
    date = find_html_date(text, url=page.url)
    return [
        RawDocument(text=page.text, title=page.title, source=page.source, url=page.url, date=date, kind="html")
    ], []
