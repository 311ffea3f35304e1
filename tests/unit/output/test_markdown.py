"""Markdown escaping of hostile text, and the shape of the brief."""

import pytest
from markdown_it import MarkdownIt

from briefing.output.markdown import ZWSP, escape, literal_text, safe_url

HOSTILE = [
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "![img](http://evil.example/p.png)",
    "# Not a heading",
    "## also not",
    "{{ user.password }} and {% raw %}",
    "*|FNAME|* and *|UNSUB|*",
    "1986. A year",
    "- not a list",
    "+ not a list",
    "> not a quote",
    "`code` and ```fence```",
    "**bold** __bold__ *em* _em_ ~~strike~~",
    "<https://autolink.example>",
    "&amp; &lt;b&gt; &#x3C;",
    "line one\nline two\n\n# heading after blank",
    "trailing backslash \\",
    "| a | b |\n|---|---|",
    "[ref]: https://evil.example",
    "Setext heading\n===",
    "<!-- comment -->",
    "Lavrov's \"talks\" can't go on — 130,000 troops (U.S. view).",
]

md = MarkdownIt("commonmark")


def inline_tokens(source: str):
    tokens = md.parse(source)
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"], source
    return tokens[1].children


def rendered_text(source: str) -> str:
    return "".join(t.content for t in inline_tokens(source) if t.type in ("text", "softbreak", "code_inline"))


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_is_literal(text):
    source = escape(text)
    kinds = {t.type for t in inline_tokens(source)}
    assert kinds <= {"text"}, (text, kinds)  # no link, image, html, emphasis, code
    assert rendered_text(source) == literal_text(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_stays_literal_inside_our_markup(text):
    for wrapper in ("- “{}” — someone", "### 1. {}", "**{}**"):
        html = md.render(wrapper.format(escape(text)))
        assert "<script" not in html and "<a " not in html and "<img" not in html and "<h1" not in html


@pytest.mark.parametrize("text", ["{{ user }}", "*|FNAME|*", "{% if x %}", "[[wiki]]", "<% code %>"])
def test_template_tags_cannot_survive_rendering(text):
    html = md.render(escape(text))
    for delimiter in ("{{", "}}", "*|", "|*", "{%", "%}", "[[", "<%"):
        assert delimiter not in html
    assert html.replace(ZWSP, "").replace("&lt;", "<").replace("&gt;", ">").strip() == f"<p>{text}</p>"


@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://apnews.com/article/x", "https://apnews.com/article/x"),
        ("https://e.com/a(b)c d", "https://e.com/a%28b%29c%20d"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html;base64,xx", None),
        ("//evil.example/x", None),
        ("", None),
    ],
)
def test_only_http_links(url, expected):
    assert safe_url(url) == expected


MERGE_TAGS = [
    "%%[ SET @x = 1 ]%%", "%%FirstName%%", "{$name}", "{!firstname}", "%FIRSTNAME%", "[unsubscribe]", "[webversion]",
    "[firstname,fallback=]", "[firstname,fallback=reader]", "${user.email}", "#{user.email}", "{{ contact.firstname }}",
]


@pytest.mark.parametrize("text", MERGE_TAGS)
def test_newsletter_merge_tags_of_every_major_platform_are_split(text):
    import re

    html = md.render(escape(f"Officials wrote {text} in the notice."))
    shown = html.replace("&lt;", "<").replace("&gt;", ">")
    assert text not in shown  # the live tag is gone
    assert re.sub(ZWSP, "", shown).count(text) == 1  # and reads exactly as written
    for pattern in (r"%%", r"\{[!$]", r"[$#]\{", r"%[A-Za-z_]\w*%", r"\[\w+,fallback=[^\]]*\]", r"\[(?:unsubscribe|webversion)\]"):
        assert not re.search(pattern, shown), pattern


@pytest.mark.parametrize("text", ["[sic]", "[bold]x[/]", "[1]", "[Reuters]"])
def test_ordinary_brackets_are_left_alone(text):
    assert ZWSP not in escape(text)

