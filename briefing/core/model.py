"""The data model shared by every stage: plain dataclasses, no behaviour beyond conveniences.

The engine (load → clean → date → dedup → group → summarise → brief) passes these around;
the CLI and the TUI only read them. Nothing here imports Textual or Rich.
"""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass, field

#: Where a publication date came from, in the order we trust it (schema enum).
DATE_SOURCES = ("metadata", "header", "url", "filename", "text", "duplicate", "file-mtime", "none")


@dataclass(frozen=True)
class DateFinding:
    """A publication date and the evidence it was read from."""

    date: dt.date
    source: str  # one of DATE_SOURCES except "none"
    evidence: str  # the snippet the date was read from, for `inspect`
    moment: dt.datetime | None = None  # full timestamp when the source gives one (for timezones)


@dataclass
class RawDocument:
    """One article as a reader found it, before cleaning and dating.

    `text` is the body as the file gives it (paragraphs separated by blank lines where the
    format tells them). Fields are None when the format does not say.
    """

    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    date: DateFinding | None = None  # only from structured metadata of the file
    removed: list[str] = field(default_factory=list)  # what the reader already dropped
    kind: str = "text"  # reader name: text, markdown, html, json, feed


@dataclass
class Article:
    """A loaded, cleaned and dated article."""

    id: str
    path: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    date: dt.date | None = None
    date_source: str = "none"
    date_evidence: str | None = None
    removed: list[str] = field(default_factory=list)
    kind: str = "text"
    moment: dt.datetime | None = None  # full timestamp when known, for day grouping by timezone
    duplicate_of: str | None = None  # id of the article this one repeats
    # text-only results (figures, quotes, dedup and grouping features), see briefing.analyse.analysis
    analysis: object | None = field(default=None, repr=False, compare=False)

    @property
    def words(self) -> int:
        # remembered with the text it counts (a watch asks it of every article each round: ranking
        # originals, the JSON's articles); a new text is counted again
        known = self.__dict__.get("_words")
        if known is None or known[0] is not self.text:
            known = self.__dict__["_words"] = (self.text, len(self.text.split()))
        return known[1]


@dataclass(frozen=True)
class Skipped:
    """A file (or an entry inside one) that did not become an article, and why."""

    path: str
    reason: str


@dataclass
class Corpus:
    """Everything loaded from the paths given on the command line."""

    root: str
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


# ---------------------------------------------------------------- per-article analysis
# Made where articles are loaded (briefing.analyse.analysis); read by dedup and stories, which must not
# import the module that makes it (it imports them).


@dataclass
class Analysis:
    text_crc: int  # of the title and text these results describe
    dedup: tuple  # (fingerprint, shingle hashes, anchors, MinHash, anchor runs): dedup.text_profile
    terms: dict[str, int]  # story-grouping term counts of stories.profile_text
    names: dict[str, int] | None = None  # names and figures of the lead, for the same-event test (stories.name_counts)
    figures: list | None = None  # None: not attached yet, extracted where needed
    quotes: list | None = None


def text_digest(article: Article) -> int:
    """A CRC of an article's title and text: what its text-only results depend on."""
    return zlib.crc32(f"{article.title or ''}\x00{article.text}".encode("utf-8", "surrogatepass"))


def current_analysis(article: Article) -> Analysis | None:
    """The article's analysis if it was made for its present text, else None."""
    analysis = getattr(article, "analysis", None)
    if analysis is not None and analysis.text_crc == text_digest(article):
        return analysis
    return None
