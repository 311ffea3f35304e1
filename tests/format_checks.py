"""Injection checks shared by every output format (issue 18): article text never becomes a link,
an image, HTML, a heading, a Slack mention or a newsletter merge tag, in any format.

`check(fmt, output, brief=None)` raises AssertionError naming what leaked; the tests in
test_formats.py and test_hostile.py run it on hostile briefs for every name in FORMATS.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from markdown_it import MarkdownIt

# Template delimiters that must never survive in what a reader (or a newsletter tool) sees.
TEMPLATE_TAGS = ("{{", "}}", "{%", "%}", "*|", "|*", "[[", "]]", "<%", "%>", "%%", "${", "#{", "{!", "{$")
HTML_TAGS = {"html", "head", "meta", "title", "style", "body", "table", "tr", "td", "h1", "h2", "h3", "p", "em", "strong",
             "a", "ul", "li", "hr"}
SLACK_LINK = re.compile(r"<(https?://[^|<>\s]+)\|([^<>]*)>")


def _no_templates(text: str, where: str) -> None:
    for tag in TEMPLATE_TAGS:
        assert tag not in text, f"{where}: live template tag {tag!r}"
    for pattern in (r"%[A-Za-z_]\w*%", r"\[\w+,\s*fallback=[^\]]*\]", r"\[(?:unsubscribe|webversion)\]"):
        assert not re.search(pattern, text), f"{where}: live merge tag {pattern}"


class _AnyHttp:
    """Without the brief at hand (a CLI run), a link is ours when it is a safe http(s) URL."""

    def __contains__(self, url) -> bool:
        from briefing.output.formats.view import safe_url

        return bool(url) and safe_url(url) == url


def our_links(brief):
    from briefing.output.formats.view import safe_url

    if brief is None:
        return _AnyHttp()
    return {safe_url(a.url) for a in brief.corpus.articles if safe_url(a.url)}


def check_markdown(output: str, brief=None) -> None:
    md = MarkdownIt("commonmark")
    tokens = md.parse(output)
    allowed = our_links(brief)
    for token in tokens:
        if token.type == "heading_open":
            assert token.tag in ("h1", "h2", "h3"), f"markdown: heading {token.tag}"
        assert token.type not in ("html_block", "code_block", "fence", "blockquote_open", "hr", "ordered_list_open"), f"markdown: {token.type}"
        for child in token.children or []:
            assert child.type not in ("html_inline", "image", "code_inline"), f"markdown: {child.type} {child.content!r}"
            if child.type == "link_open":
                assert child.attrs["href"] in allowed, f"markdown: link to {child.attrs['href']!r}"
    html = md.render(output)
    assert "<script" not in html and "<img" not in html
    _no_templates(html.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"), "markdown")


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.text, self.styles = [], [], [], 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.append((tag, dict(attrs)))
        self.styles += tag == "style"

    def handle_data(self, data):
        if self.tags and self.tags[-1] == "style" and self.styles == 1 and not self.text:
            return
        self.text.append(data)


def check_html(output: str, brief=None) -> None:
    parser = _Tags()
    parser.feed(output)
    assert set(parser.tags) <= HTML_TAGS, f"html: tags {set(parser.tags) - HTML_TAGS}"
    assert parser.styles == 1, "html: a <style> other than ours"
    allowed = our_links(brief)
    for tag, attrs in parser.attrs:
        for name, value in attrs.items():
            assert not name.startswith("on"), f"html: event handler {name}"
            assert name not in ("src", "srcset", "background", "action", "formaction"), f"html: external resource {name}"
            assert "url(" not in (value or "") and "@import" not in (value or ""), "html: CSS resource"
        if tag == "a":
            assert attrs.get("href") in allowed, f"html: link to {attrs.get('href')!r}"
    assert "<script" not in output.lower()
    _no_templates(" ".join(parser.text), "html")


def check_slack(output: str, brief=None) -> None:
    document = json.loads(output)
    allowed = our_links(brief)
    for message in document["messages"]:
        assert 0 < len(message["blocks"]) <= 50, "slack: block count"
        for block in message["blocks"]:
            texts = []
            if block["type"] in ("section", "header"):
                texts = [block["text"]]
            elif block["type"] == "context":
                texts = block["elements"]
            for text in texts:
                body = text["text"]
                assert len(body) <= (150 if block["type"] == "header" else 3000), f"slack: {len(body)} chars in a {block['type']}"
                if text["type"] == "mrkdwn":
                    assert text.get("verbatim") is True, "slack: mrkdwn without verbatim"
                    for url, _label in SLACK_LINK.findall(body):
                        assert url in allowed, f"slack: link to {url!r}"
                    rest = SLACK_LINK.sub("", body)
                    assert "<" not in rest and ">" not in rest, f"slack: unescaped angle bracket in {rest[:80]!r}"
                    assert not re.search(r"&(?!amp;|lt;|gt;)", rest), "slack: unescaped &"
                    _no_templates(rest.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"), "slack")
                else:
                    _no_templates(body, "slack header")


def check_text(output: str, brief=None) -> None:
    for forbidden in ("\x1b", "\x07", "\u202e", "\x00"):
        assert forbidden not in output
    for line in output.splitlines():
        assert len(line) <= 72 or line.strip().startswith("<http") or " " not in line.strip(), f"text: line over 72: {line!r}"
    _no_templates(output, "text")


CHECKS = {"md": check_markdown, "html": check_html, "slack": check_slack, "text": check_text}


def check(fmt: str, output: str, brief=None) -> None:
    CHECKS[fmt](output, brief)
