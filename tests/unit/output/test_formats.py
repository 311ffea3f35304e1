"""Every output format (issue 18) from one view: hostile text stays text in all of them, the
Markdown pastes clean, Slack stays under its limits, plain text wraps at 72, JSON is unchanged."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.brief.build import Brief, Day, FigureLine, QuoteLine, Story, SummaryLine
from briefing.core.config import Settings
from briefing.output.formats import FORMATS, TEMPLATES, render
from briefing.output.formats.markdown import escape
from briefing.core.model import Article, Corpus
from format_checks import check
from test_markdown import HOSTILE, MERGE_TAGS

VIEW_FORMATS = [f for f in FORMATS if f != "json"]
DAY = dt.date(2022, 2, 15)


def hostile_brief(text: str, stories: int = 2, url: str = "https://example.com/a?x=1&y=<2>") -> Brief:
    """A brief in which `text` is every piece of article text: headline, summary, figures,
    quotes, speaker, title, publisher, conflicts."""
    from briefing.analyse.figure_conflicts import ConflictValue, FigureConflict

    articles = [
        Article(id="a1", path="000_e81418de888b2d50.txt", text=text, title=text, source=text, url=url),
        Article(id="a2", path="001_x.txt", text=text, title=None, source="Reuters", url="javascript:alert(1)"),
        Article(id="a3", path="002_y.txt", text=text, title=None, source=None, url=None, duplicate_of="a1"),
    ]
    made = []
    for n in range(stories):
        made.append(Story(
            id=f"s{n}", thread=f"t{n}", day=DAY, headline=f"{text} {n}" if n else text, articles=["a1", "a2", "a3"],
            summary=[SummaryLine(text, "a1"), SummaryLine(text, "a2")],
            figures=[FigureLine(text, 1.0, text, text, "a1", conflicts=[text])],
            quotes=[QuoteLine(f"{text} and four more words", text, "a1")],
            figure_conflicts=[FigureConflict(text, [ConflictValue(1, text, ["a1"], [text]), ConflictValue(2, text, ["a2"], ["Reuters"])])],
        ))
    return Brief(Corpus(root="/x", articles=articles), [Day(DAY, made)], [], Settings())


@pytest.mark.parametrize("template", list(TEMPLATES))
@pytest.mark.parametrize("fmt", VIEW_FORMATS)
@pytest.mark.parametrize("text", HOSTILE + MERGE_TAGS)
def test_hostile_text_stays_text_in_every_format(fmt, template, text):
    brief = hostile_brief(text)
    check(fmt, render(brief, template=template, fmt=fmt), brief)


NEWSY = st.text(
    alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?'\"“”‘’()[]{}<>*_#|-–—…$%&/\\\n\t@=+~`^")),
    min_size=1, max_size=200,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY)
def test_any_text_stays_text_in_every_format(text):
    brief = hostile_brief(text, stories=1)
    for fmt in VIEW_FORMATS:
        check(fmt, render(brief, fmt=fmt), brief)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY, st.booleans(), st.booleans())
def test_escaped_markdown_is_literal_in_every_position(text, at_start, in_link):
    """Inside a list item, a heading, link text, emphasis or after our own words, escaped text
    parses back to itself (markdown-it-py, CommonMark) and makes no markup."""
    from markdown_it import MarkdownIt

    from briefing.output.formats.tags import literal_text

    expected = literal_text(text)
    if not expected:
        return
    md = MarkdownIt("commonmark")
    from briefing.output.formats.markdown import _escape_held, _resolve

    piece = _escape_held(text, at_start=at_start, in_link=in_link)  # as render() does: held, then the line resolved
    if in_link:
        wrappers = ["[{}](https://e.com/)"]
    elif at_start:
        wrappers = ["{}", "- {}", "### 1. {}"]
    else:
        wrappers = ["x {}", "*{}*", "**Why:** {}", "- “{}” — x"]
    for wrapper in wrappers:
        tokens = md.parse(_resolve(wrapper.format(piece)))
        inline = [t for t in tokens if t.type == "inline"]
        assert len(inline) == 1, (wrapper, piece, [t.type for t in tokens])
        kinds = {c.type for c in inline[0].children}
        assert kinds <= {"text", "link_open", "link_close", "em_open", "em_close", "strong_open", "strong_close"}, (wrapper, piece, kinds)
        shown = "".join(c.content for c in inline[0].children if c.type == "text")
        assert expected in shown, (wrapper, piece, shown)
        assert sum(c.type == "link_open" for c in inline[0].children) == (1 if in_link else 0)
        ours = {"*{}*": 1, "**Why:** {}": 1}.get(wrapper, 0)
        assert sum(c.type in ("em_open", "strong_open") for c in inline[0].children) == ours, (wrapper, piece)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("It rose 9.4 percent", "It rose 9.4 percent"),
        ("a $12.9bn deal, $13 a share, 2.18 percent", "a $12.9bn deal, $13 a share, 2.18 percent"),
        ("PG&E Corp", "PG&E Corp"),
        ("file 000_e81418.txt", "file 000_e81418.txt"),
        ("[terreno] said", "[terreno] said"),
        ("[ref]: https://evil.example", "[ref\\]: https://evil.example"),
        ("<숨바꼭질> and <ainp.Pa>", "<숨바꼭질> and <ainp.Pa>"),
        ("he said [terreno] was", "he said [terreno] was"),
        ("#1 in sales; 50% {off}", "#1 in sales; 50% {off}"),
        ("1986. A year", "1986\\. A year"),
        ("&amp; is an entity", "\\&amp; is an entity"),
        ("<b>bold</b>", "\\<b>bold\\</b>"),
        ("*em* and _em_", "\\*em\\* and \\_em\\_"),
    ],
)
def test_markdown_escapes_only_what_commonmark_needs(text, expected):
    assert escape(text) == expected


def test_top_line_instead_of_repeated_headlines():
    brief = hostile_brief("Kremlin signals more talks", stories=3)
    out = render(brief, fmt="md")
    assert "*3 stories from 2 articles (2 publishers). The lead: Kremlin signals more talks.*" in out
    one = render(hostile_brief("Kremlin signals more talks", stories=1), fmt="md")
    assert "*1 story from 2 articles (2 publishers).*" in one
    top = [line for line in one.splitlines() if line.startswith("*1 story")]
    assert top == ["*1 story from 2 articles (2 publishers).*"]  # a one-story day does not repeat its headline


def test_sources_are_named_by_title_or_headline_and_publisher(sample_corpus):
    from briefing.brief.build import build_brief

    brief = build_brief(sample_corpus, Settings())
    out = render(brief, fmt="md")
    assert ".txt" not in out  # no file names
    assert "- Kremlin signals more talks amid Ukraine tensions — Associated Press (duplicate)" in out


def test_smart_brevity_template():
    brief = hostile_brief("Prices rose 9.4 percent", stories=1)
    out = render(brief, template="smart-brevity", fmt="md")
    for part in ("**Why it matters:** ", "**By the numbers**", "**What they're saying**", "**Go deeper**"):
        assert part in out
    assert "(duplicate)" not in out and "**Sources**" not in out


def test_every_format_is_deterministic(sample_corpus):
    from briefing.brief.build import build_brief

    brief = build_brief(sample_corpus, Settings())
    for fmt in FORMATS:
        for template in TEMPLATES:
            assert render(brief, template=template, fmt=fmt) == render(brief, template=template, fmt=fmt)


def test_slack_splits_long_stories_under_the_limits():
    brief = hostile_brief(("A long sentence with <tags> & more. " * 200).strip(), stories=30)
    document = json.loads(render(brief, fmt="slack"))
    assert len(document["messages"]) > 1
    for message in document["messages"]:
        assert len(message["blocks"]) <= 50
        assert message["blocks"][0]["type"] != "divider"
    check("slack", render(brief, fmt="slack"), brief)


def test_text_is_wrapped_at_72():
    brief = hostile_brief("word " * 100, stories=1)
    out = render(brief, fmt="text")
    assert max(len(line) for line in out.splitlines() if not line.strip().startswith("<")) <= 72


def test_empty_brief_in_every_format():
    brief = Brief(Corpus(root="/x"), [], [], Settings())
    for fmt in VIEW_FORMATS:
        out = render(brief, DAY, DAY, fmt=fmt)
        assert "Tuesday 15 February 2022" in out and "No articles" in out
        check(fmt, out, brief)


def test_cli_writes_every_format_atomically_and_json_is_unchanged(tmp_path):
    from briefing.cli import main
    from conftest import SAMPLE

    written = {}
    for fmt in FORMATS:
        for template in TEMPLATES:
            path = tmp_path / f"{template}{FORMATS[fmt].suffix}"
            assert main(["export", str(SAMPLE), "--format", fmt, "--template", template, "-o", str(path), "--no-cache"]) == 0
            written[fmt, template] = path.read_text(encoding="utf-8")
            assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left behind
        if fmt != "json":
            check(fmt, written[fmt, "standard"])
    assert written["json", "standard"] == written["json", "smart-brevity"]  # the template does not touch JSON
    json.loads(written["slack", "standard"])
    assert written["md", "standard"] != written["md", "smart-brevity"]
