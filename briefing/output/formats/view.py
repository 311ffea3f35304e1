"""A format-neutral view of a brief: what every output shows, in which order, cut where.

`build_view(brief, start, end, template)` turns a `Brief` into plain data:

    BriefView → DayView (heading, top line) → StoryView (headline) → Section (title, items) → Item (runs)

Every format (Markdown, HTML, Slack, plain text) renders this view and nothing else, so the
cut-offs (how many figures, quotes), the order of the sections and the wording of our own
labels live here once. Text in a `Run` is untrusted article text (or our own words, which are
plain); each format escapes every run for itself. A run with a `url` is a link the format may
draw; `safe_url` has already refused anything that is not http(s).

Adding a section (for instance a per-story "Timeline") is a one-function change: write
`def _timeline(story, brief) -> Section | None` returning `Section("timeline", "Timeline",
[Item(...), ...])` (or None when the story has nothing to show), and put `_timeline` in the
`STANDARD` tuple (and `SMART_BREVITY`, if wanted) where it should appear. Every format then
shows it: formats draw any section generically (a title, then one line per item; a section with
`paragraph=True` is one block of prose).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from ...brief.build import Brief, Story
from ...brief.extras import extras_of, marks_summary, timeline_line  # the living brief's sections (issue 17)
from ..present import quotable, shown_figures, shown_quotes

TEMPLATES = {
    "standard": "per story: headline, summary, key figures, sources that disagree, quotes, sources",
    "smart-brevity": "per story: headline, one line on why it matters, key figures, a quote, go-deeper links",
}


@dataclass(frozen=True)
class Run:
    text: str
    url: str | None = None  # a safe http(s) link for this run
    strong: bool = False  # our own lead-in words ("Why it matters:"), never article text


@dataclass
class Item:
    runs: list[Run]


@dataclass
class Section:
    key: str  # summary, figures, conflicts, quotes, sources, why, deeper …
    title: str | None  # shown above the items; None for the summary paragraph
    items: list[Item]
    paragraph: bool = False  # one block of prose rather than a list


@dataclass
class StoryView:
    number: int
    headline: str
    sections: list[Section]


@dataclass
class DayView:
    heading: str  # "Tuesday 15 February 2022", "Undated stories"
    top_line: str  # "3 stories from 7 articles (4 publishers). The lead: …"
    stories: list[StoryView]


@dataclass
class BriefView:
    title: str  # "Daily brief — Tuesday 15 February 2022"
    days: list[DayView]
    empty: str | None = None  # why there is no story (the brief is still well formed)
    single: bool = True  # one day (or only undated): the day heading is the title
    template: str = "standard"
    meta: dict = field(default_factory=dict)


def safe_url(url: str | None) -> str | None:
    """An http(s) URL fit for `(…)`, `href="…"` or `<…|…>`, or None: `javascript:`, `data:` and
    friends never link. Characters that could end the link in any format are percent-encoded."""
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


def day_heading(day: dt.date) -> str:
    return day.strftime("%A %-d %B %Y")


# ---------------------------------------------------------------- sections


def _summary(story: Story, brief: Brief) -> Section | None:
    sentences = [s.text for s in story.summary]
    if not sentences:
        return None
    return Section("summary", None, [Item([Run(" ".join(sentences))])], paragraph=True)


def _why(story: Story, brief: Brief) -> Section | None:
    """Smart brevity: the summary's first sentence, as "why it matters"."""
    if not story.summary:
        return None
    return Section("why", None, [Item([Run("Why it matters: ", strong=True), Run(story.summary[0].text)])], paragraph=True)


def _figure_items(story: Story, brief: Brief, limit: int | None = None) -> list[Item]:
    items = []
    for figure in shown_figures(story.figures, brief.settings, limit):
        runs = [Run(figure.text)]
        if figure.label and figure.label.lower() not in figure.text.lower():
            runs.append(Run(f" ({figure.label})"))
        if figure.conflicts:
            runs.append(Run(" — sources disagree: also " + ", ".join(figure.conflicts)))
        items.append(Item(runs))
    return items


def _figures(story: Story, brief: Brief) -> Section | None:
    items = _figure_items(story, brief)
    return Section("figures", "Key figures", items) if items else None


def _numbers(story: Story, brief: Brief) -> Section | None:
    items = _figure_items(story, brief, 3)
    return Section("figures", "By the numbers", items) if items else None


def _conflicts(story: Story, brief: Brief) -> Section | None:
    items = []
    for conflict in story.figure_conflicts:
        values = "; ".join(f"{v.text} ({', '.join(v.sources)})" for v in conflict.values)
        items.append(Item([Run(f"{conflict.what}: {values}")]))
    return Section("conflicts", "Sources disagree", items) if items else None


def _quote_item(item) -> Item:
    return Item([Run(f"“{item.text}” — {item.speaker or 'unattributed'}")])


def _quotes(story: Story, brief: Brief) -> Section | None:
    items = [_quote_item(q) for q in shown_quotes(story.quotes, brief.settings)]
    return Section("quotes", "Quotes", items) if items else None


def _one_quote(story: Story, brief: Brief) -> Section | None:
    quotes = quotable(story.quotes, brief.settings)
    attributed = [q for q in quotes if q.speaker] or quotes
    return Section("quotes", "What they're saying", [_quote_item(attributed[0])]) if attributed else None


def _trimmed_title(title: str, limit: int = 140) -> str:
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(",;:—–- ")
    return cut + "…"


def source_label(article, story: Story) -> str:
    """A source by its title; failing that, the story's headline (the publisher follows it)."""
    return _trimmed_title(article.title or story.headline)


def _source_items(story: Story, brief: Brief, duplicates: bool) -> list[Item]:
    articles = brief.articles
    items = []
    for article_id in story.articles:
        article = articles[article_id]
        if article.duplicate_of and not duplicates:
            continue
        runs = [Run(source_label(article, story), url=safe_url(article.url))]
        if article.source:
            runs.append(Run(f" — {article.source}"))
        if article.duplicate_of:
            runs.append(Run(" (duplicate)"))
        items.append(Item(runs))
    return items


def since_last_section(story: Story, brief: Brief) -> Section | None:
    """The section saying what is new in a story: one line of prose
    ("**Since the last brief:** 1 new article; dead 60 → 65"), or None when unmarked or not asked."""
    marks = extras_of(brief).get("marks")
    if not marks or story.id not in marks:
        return None
    mark = marks[story.id]
    if mark.get("new"):
        return Section("since_last", None, [Item([Run("New", strong=True), Run("since the last brief.")])], paragraph=True)
    said = marks_summary(mark).removeprefix("Since the last brief: ")
    return Section("since_last", None, [Item([Run("Since the last brief:", strong=True), Run(said)])], paragraph=True)


def timeline_section(story: Story, brief: Brief) -> Section | None:
    """The view's "Timeline" section of a running story's latest story, or None."""
    entries = extras_of(brief)["timelines"].get(story.id)
    if not entries:
        return None
    return Section("timeline", "Timeline", [Item([Run(timeline_line(e))]) for e in entries])


def _sources(story: Story, brief: Brief) -> Section | None:
    items = _source_items(story, brief, duplicates=True)
    return Section("sources", "Sources", items) if items else None


def _deeper(story: Story, brief: Brief) -> Section | None:
    """Smart brevity: the sources to read on, those with a link first (only those, if any)."""
    items = _source_items(story, brief, duplicates=False)
    items = [i for i in items if i.runs[0].url] or items
    return Section("sources", "Go deeper", items) if items else None


#: The sections of a story, in order, per template. Add a section function here (see above).
STANDARD = (since_last_section, _summary, _figures, _conflicts, _quotes, timeline_section, _sources)
SMART_BREVITY = (since_last_section, _why, _numbers, _one_quote, timeline_section, _deeper)
SECTIONS = {"standard": STANDARD, "smart-brevity": SMART_BREVITY}


# ---------------------------------------------------------------- the brief


def _counts(stories: list[Story], brief: Brief) -> tuple[int, int]:
    """Articles (duplicates left out) and the distinct publishers among those that name one."""
    articles = brief.articles
    ids, publishers = set(), set()
    for story in stories:
        for article_id in story.articles:
            article = articles[article_id]
            if not article.duplicate_of:
                ids.add(article_id)
                if article.source:
                    publishers.add(article.source.lower())
    return len(ids), len(publishers)


def _plural(n: int, word: str) -> str:
    return f"{n} {word if n == 1 else (word[:-1] + 'ies' if word.endswith('y') else word + 's')}"


def top_line(stories: list[Story], brief: Brief) -> str:
    """How many stories, articles and publishers, and the lead story (named only when another
    follows it, so a one-story day does not print its headline twice)."""
    count, publishers = _counts(stories, brief)
    line = f"{_plural(len(stories), 'story')} from {_plural(count, 'article')}"
    line += f" ({_plural(publishers, 'publisher')})." if publishers else "."
    if len(stories) > 1:
        lead = _trimmed_title(stories[0].headline, 120).rstrip(" .")
        line += f" The lead: {lead}" + ("" if lead.endswith(("…", "?", "!")) else ".")
    return line


def _stories(stories: list[Story], brief: Brief, template: str) -> list[StoryView]:
    makers = SECTIONS[template]
    views = []
    for number, story in enumerate(stories, start=1):
        sections = [s for s in (make(story, brief) for make in makers) if s is not None]
        views.append(StoryView(number, story.headline, sections))
    return views


def _empty(brief: Brief, start: dt.date | None, end: dt.date | None) -> tuple[str, str]:
    if start and end and start == end:
        title = f"Daily brief — {day_heading(start)}"
    elif start or end:
        title = f"Daily brief — {start.isoformat() if start else '…'} to {end.isoformat() if end else '…'}"
    else:
        title = "Daily brief"
    corpus = brief.corpus
    if corpus.articles:
        why = "No stories in this range." if (start or end) else "No stories: every story was dropped."
    else:
        skipped = len({s.path for s in corpus.skipped})
        why = f"No articles: {skipped} file{'s' if skipped != 1 else ''} skipped." if skipped else "No articles: the folder holds no article files."
    return title, why


def build_view(brief: Brief, start: dt.date | None = None, end: dt.date | None = None, template: str = "standard") -> BriefView:
    """The brief as a view: one day per section (newest first), then the undated stories.
    `start` and `end` (the range asked for) title a brief that has no story."""
    if template not in SECTIONS:
        raise ValueError(f"unknown template {template!r} (choose from {', '.join(SECTIONS)})")
    if not brief.days and not brief.undated:
        title, why = _empty(brief, start, end)
        return BriefView(title, [], empty=why, template=template)
    days = [DayView(day_heading(d.date), top_line(d.stories, brief), _stories(d.stories, brief, template)) for d in brief.days]
    if brief.undated:
        days.append(DayView("Undated stories", top_line(brief.undated, brief), _stories(brief.undated, brief, template)))
    single = len(days) == 1
    if single:
        title = f"Daily brief — {days[0].heading}" if brief.days else "Undated stories"
    else:
        first, last = (brief.days[-1].date, brief.days[0].date) if brief.days else (None, None)
        span = f" — {first.isoformat()} to {last.isoformat()}" if first and first != last else (f" — {first.isoformat()}" if first else "")  # type: ignore[union-attr]
        title = f"Daily brief{span}"
    return BriefView(title, days, single=single, template=template)
