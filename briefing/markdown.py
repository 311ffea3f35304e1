"""The Markdown daily brief: CommonMark that pastes cleanly into a newsletter.

Article text is untrusted. `escape` makes any string literal in CommonMark: it can never
become a link, an image, HTML, a heading, a list, emphasis or code, and it can never become
a newsletter merge tag (`{{ … }}`, `{% … %}`, Mailchimp `*|TAG|*`, and the others listed at
`_TEMPLATE`): those delimiters are
split by a zero-width space, the only change to the visible text. Links we write ourselves
are only http(s) URLs, percent-encoded so they cannot break out of `(…)`.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote, urlsplit

from . import extras
from .brief import Brief, Story
from .merge_tags import CAMPAIGN_MONITOR_TAGS
from .textsafe import clean_text

ZWSP = "\u200b"
# The merge tags of the major newsletter platforms (README, "Merge tags"), each split after its
# opening character: Liquid/HubSpot/Jinja `{{ }}` `{% %}` `{# #}`, Mailchimp `*|X|*`, wiki `[[ ]]`,
# ERB `<% %>`, Salesforce Marketing Cloud `%%[ ]%%` and `%%X%%`, Salesforce `{!x}`, Smarty
# `{$x}`, `${x}` and `#{x}` templates, ActiveCampaign `%FIRSTNAME%`, Campaign Monitor
# `[firstname,fallback=]` and `[unsubscribe]`. Every lookahead is bounded: linear time.
_TEMPLATE = re.compile(
    r"(\{)(?=[{%#!$])|([}%#])(?=\})|(\*)(?=\|)|(\|)(?=\*)|(\[)(?=\[)|(\])(?=\])|(<)(?=%)|(%)(?=>)"
    r"|(%)(?=%)|([$#])(?=\{)|(%)(?=[A-Za-z_][\w-]{0,40}%)"
    r"|(\[)(?=[A-Za-z_][\w -]{0,40},\s{0,3}fallback=[^\]\n]{0,80}\])"
    rf"|(\[)(?=(?i:{'|'.join(CAMPAIGN_MONITOR_TAGS)})\])"
)
_INLINE = re.compile(r"([\\`*_\[\]<>&|~!{}#$^])")
_LINE_START = re.compile(r"^(\s*)([-+=>:]|\d+(?=[.)]))")


def neutralize_templates(text: str) -> str:
    """Split template delimiters with a zero-width space: `{{x}}` → `{\\u200b{x}\\u200b}`."""
    return _TEMPLATE.sub(lambda m: m.group(0) + ZWSP, text)


def literal_text(text: str) -> str:
    """What `escape(text)` reads as once rendered: the text, sanitised, templates split, on one line."""
    return " ".join(neutralize_templates(clean_text(text)).split())


def escape(text: str) -> str:
    """One line of literal CommonMark text (newlines and runs of white space become one space)."""
    text = _INLINE.sub(r"\\\1", literal_text(text))
    match = _LINE_START.match(text)
    if match:
        marker = match.group(2)
        if marker.isdigit():
            text = text[: match.end()] + "\\" + text[match.end() :]  # "1986." → "1986\."
        else:
            text = match.group(1) + "\\" + text[match.start(2) :]
    return text


def safe_url(url: str | None) -> str | None:
    """An http(s) URL fit for `(…)`, or None: `javascript:`, `data:` and friends never link."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url, safe="/:?#&=%@+,;~!$'*.-_")


def _day_heading(day: dt.date) -> str:
    return day.strftime("%A %-d %B %Y")


def _story_block(story: Story, number: int, brief: Brief, level: str) -> list[str]:
    articles = brief.articles
    lines = [f"{level} {number}. {escape(story.headline)}", "", *extras.markdown_marks(brief, story, escape)]
    if story.summary:
        lines += [escape(" ".join(s.text for s in story.summary)), ""]
    settings = brief.settings
    figures = story.figures[: settings.figures]
    if figures:
        lines += ["**Key figures**", ""]
        for figure in figures:
            context = f" ({escape(figure.label)})" if figure.label and figure.label.lower() not in figure.text.lower() else ""
            extra = f" — sources disagree: also {', '.join(escape(c) for c in figure.conflicts)}" if figure.conflicts else ""
            lines.append(f"- {escape(figure.text)}{context}{extra}")
        lines.append("")
    if story.figure_conflicts:
        lines += ["**Sources disagree**", ""]
        for conflict in story.figure_conflicts:
            values = "; ".join(f"{escape(v.text)} ({escape(', '.join(v.sources))})" for v in conflict.values)
            lines.append(f"- {escape(conflict.what)}: {values}")
        lines.append("")
    quotes = [q for q in story.quotes if not q.fragment and len(q.text.split()) >= settings.min_quote_words][: settings.quotes]
    if quotes:
        lines += ["**Quotes**", ""]
        for item in quotes:
            speaker = escape(item.speaker) if item.speaker else "unattributed"
            lines.append(f"- “{escape(item.text)}” — {speaker}")
        lines.append("")
    lines += [*extras.markdown_timeline(brief, story, escape), "**Sources**", ""]
    for article_id in story.articles:
        article = articles[article_id]
        title = escape(article.title or article.path)
        url = safe_url(article.url)
        label = f"[{title}]({url})" if url else title
        outlet = f" — {escape(article.source)}" if article.source else ""
        copy = " (duplicate)" if article.duplicate_of else ""
        lines.append(f"- {label}{outlet}{copy}")
    lines.append("")
    return lines


def _rundown(stories: list[Story]) -> str:
    heads = "; ".join(escape(s.headline) for s in stories[:5])
    more = f"; and {len(stories) - 5} more" if len(stories) > 5 else ""
    count = f"{len(stories)} {'story' if len(stories) == 1 else 'stories'}"
    end = "" if (heads + more).endswith(("…", ".", "?", "!")) else "."
    return f"*{count}: {heads}{more}{end}*"


def _empty_brief(brief: Brief, start: dt.date | None, end: dt.date | None) -> str:
    """A brief with no story is still one well-formed brief: its date heading, then why."""
    if start and end and start == end:
        heading = f"# Daily brief — {_day_heading(start)}"
    elif start or end:
        heading = f"# Daily brief — {start.isoformat() if start else '…'} to {end.isoformat() if end else '…'}"
    else:
        heading = "# Daily brief"
    corpus = brief.corpus
    if corpus.articles:
        why = "No stories in this range." if (start or end) else "No stories: every story was dropped."
    else:
        skipped = len({s.path for s in corpus.skipped})
        why = f"No articles: {skipped} file{'s' if skipped != 1 else ''} skipped." if skipped else "No articles: the folder holds no article files."
    return f"{heading}\n\n*{why}*\n"


def render_markdown(brief: Brief, start: dt.date | None = None, end: dt.date | None = None) -> str:
    """The whole brief: one section per day (newest first), then undated stories. `start` and
    `end` (the range asked for) head a brief that has no story."""
    lines: list[str] = []
    if not brief.days and not brief.undated:
        return _empty_brief(brief, start, end)
    single = len(brief.days) + bool(brief.undated) == 1
    if not single:
        first, last = (brief.days[-1].date, brief.days[0].date) if brief.days else (None, None)
        span = f" — {first.isoformat()} to {last.isoformat()}" if first and first != last else (f" — {first.isoformat()}" if first else "")
        lines += [f"# Daily brief{span}", ""]
    level = "##" if single else "###"
    for day in brief.days:
        heading = f"# Daily brief — {_day_heading(day.date)}" if single else f"## {_day_heading(day.date)}"
        lines += [heading, "", _rundown(day.stories), ""]
        for number, story in enumerate(day.stories, start=1):
            lines += _story_block(story, number, brief, level)
    if brief.undated:
        lines += ["# Undated stories" if single else "## Undated stories", "", _rundown(brief.undated), ""]
        for number, story in enumerate(brief.undated, start=1):
            lines += _story_block(story, number, brief, level)
    return "\n".join(lines).rstrip("\n") + "\n"
