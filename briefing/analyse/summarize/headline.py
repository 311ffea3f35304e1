"""The story's headline: its best real title, cleaned, else one made from its lead sentence.

* A real title wins: among the story's articles, the cleaned title most central to the
  story's text (ties to one that fits `max_words`). Cleaning removes the site's name
  ("… | Reuters"), wire markup and tickers (at load, `briefing.ingest.clean.normalize_wire`), a
  standfirst glued to the title (the part the page's own URL slug does not spell: a slug is
  the title as the site first wrote it), a quotation (a quote is never a headline; what the
  title says around it may be), a trailing ellipsis, and ALL CAPS (`casing`).
* An over-long title is cut at a clause boundary (`trim.cut`), never with an ellipsis.
* With no usable title, the story's most central lead sentence that is not a quotation is
  compressed into a headline (`trim.compress`, after the Hedge Trimmer).
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import numpy as np

from ...ingest.clean import normalize_wire
from ...core.model import Article
from . import trim
from .casing import sentence_case
from .selection import _candidates, _prior
from .story import _build_story
from .vectors import _array, _settled, _vectors

#: A real title longer than this (words or characters) is cut at a clause boundary.
LONG_TITLE_WORDS = 16  # a standfirst may be glued on beyond this
LONG_TITLE_CHARS = 100
#: Share of a URL slug's words a title must spell for the slug to tell where the title ends.
SLUG_COVERAGE = 0.6

_CHROME = re.compile(
    r"^(?:log ?in|sign ?in|sign up|register|subscribe|home(?: ?page)?|news|untitled|index|"
    r"page not found|404|403|access denied|reset password|cookies?|privacy policy|"
    r"just a moment\.*|attention required.*|(?:\d{3} )?error(?: \d{3})?)$",
    re.IGNORECASE,
)
_SITE_SUFFIX = re.compile(r"\s+([|–—-])\s+([^|–—-]{1,40})$")
_SITE_WORDS = re.compile(r"\b(?:news|times|post|daily|herald|tribune|journal|press|online|\w+\.(?:com|org|net|co\.uk))\b", re.I)
_OPENING = "\"“‘'«»‹›`„"  # » and « open quotations in German and Danish, close them in French
_CLOSING = "\"”’'»«‹›`“"
_LEADING_QUOTE = re.compile(r"^[\"“‘'«»‹›„](.+?)[\"”’'»«‹›“](?=\s*[:|–—-]|\s*,|\s+[a-z(])\s*[:|–—,-]*\s*")
_TRAILING_QUOTE = re.compile(r"\s*[:|–—-]\s*[\"“‘'«»„][^\"“”«»]+[\"”’'»«“]\s*$|\s+[\"“«»„][^\"“”«»]+[\"”»«“]\s*$")
_SITE_IN_BRACKETS = re.compile(r"\s*\(([^()]{2,40})\)$")
_ATTRIBUTION_LEFT = re.compile(r"^(?:says?|said|told|tells|asks?|warns?)\b", re.I)
_ELLIPSIS = re.compile(r"\s*(?:…|\.{3,})\s*$")
_ANGLED = re.compile(r"\s*<[^<>]{0,60}>")
_SLUG_WORD = re.compile(r"[a-z]+")
_TITLE_WORD = re.compile(r"[^\w]+")


def _site_suffix_removed(title: str, source: str | None) -> str:
    """A title without the site name suffix ("… | Reuters").

    After "|" the suffix is nearly always the site; after a dash only when it names the
    source or looks like a site name, since "Talks stall - Kremlin" is a real title.
    """
    bracketed = _SITE_IN_BRACKETS.search(title)
    if bracketed and _names_source(bracketed.group(1), source):
        title = title[: bracketed.start()]  # "… (neues deutschland)"
    suffix = _SITE_SUFFIX.search(title)
    if suffix and len(suffix.group(2).split()) <= 4 and len(title[: suffix.start()].split()) >= 4:
        name = suffix.group(2).lower()
        host = (source or "").lower().split(".")[0]
        if suffix.group(1) == "|" or _SITE_WORDS.search(name) or (host and (host in name.replace(" ", "") or name in (source or "").lower())):
            return title[: suffix.start()]
    return title


def _names_source(name: str, source: str | None) -> bool:
    """`name` spells the source's name or host ("neues deutschland" for neues-deutschland.de)."""
    squeeze = re.compile(r"[^a-z0-9]+")
    name, host = squeeze.sub("", name.lower()), squeeze.sub("", (source or "").lower().split(".")[0])
    return bool(name) and bool(host) and (name == host or name in squeeze.sub("", (source or "").lower()))


def _without_quotation(title: str) -> str | None:
    """The title around a quotation it leads or ends with; None when the quote is all it says."""
    if title[:1] in _OPENING and (match := _LEADING_QUOTE.match(title)):
        title = title[match.end():]
        if _ATTRIBUTION_LEFT.match(title):
            return None
    elif title[:1] in _OPENING:
        return None  # the whole title is a quotation
    title = _TRAILING_QUOTE.sub("", title)
    if title[:1] in _OPENING or title[-1:] in _CLOSING and title.count(title[-1]) % 2:
        return None
    return title if len(title.split()) >= 3 else None


def _slug_words(url: str | None) -> list[str]:
    """The words of the URL's longest hyphenated path segment ("…/ukraine-putin-plays-…")."""
    if not url:
        return []
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return []
    segment = max(path.split("/"), key=lambda s: s.count("-") + s.count("_"), default="")
    if segment.count("-") + segment.count("_") < 3:
        return []
    return [w for w in _SLUG_WORD.findall(segment.lower().rsplit(".", 1)[0]) if len(w) > 1]


def _standfirst_removed(title: str, url: str | None) -> str:
    """Cut a long title after the last word its URL slug spells, when what follows is a
    sentence of its own (a standfirst glued on by the page or the scraper)."""
    words = title.split()
    slug = set(_slug_words(url))
    if len(words) <= LONG_TITLE_WORDS or len(slug) < 3:
        return title
    matched: set[str] = set()
    last = -1
    for k, word in enumerate(words):
        key = _TITLE_WORD.sub("", word.lower())
        if key in slug and key not in matched:
            matched.add(key)
            last = k
    if len(matched) >= 3 and len(matched) >= SLUG_COVERAGE * len(slug) and last >= 3 and len(words) - last - 1 >= 6:
        return " ".join(words[: last + 1]).rstrip(",;:—–-")
    return title


def clean_title(article: Article, max_words: int = 14) -> str | None:
    """The article's title as a headline, or None when it has none worth showing."""
    title = normalize_wire(article.title)
    if not title:
        return None
    title = " ".join(_ANGLED.sub("", title).split())
    title = _ELLIPSIS.sub("", _site_suffix_removed(title, article.source))
    if not title or _CHROME.match(title) or (article.source and title.lower() == article.source.lower()):
        return None
    title = _without_quotation(title)
    if title is None:
        return None
    title = sentence_case(_standfirst_removed(title, article.url), article.text or "")
    if len(title.split()) > max_words + 2 or len(title) > LONG_TITLE_CHARS:
        title = trim.fit(title, max_words)
    return title if len(title.split()) >= 3 else None


def _is_quotation(text: str) -> bool:
    """Mostly someone's words: opens on a quote, or quoted text is most of it."""
    if text.lstrip("([")[:1] in _OPENING:
        return True
    quoted = sum(len(m) for m in re.findall(r"[“\"][^”\"]*[”\"]", text))
    return quoted >= 0.4 * len(text)


def lead_headline(articles: list[Article], max_words: int = 14) -> str:
    """A headline compressed from the story's most central lead sentence (not a quotation)."""
    story = _build_story(articles)
    ids, sims = _candidates(story)
    if not ids:
        return ""
    prior = _prior(story, ids, sims)
    alone = [ids[k] for k in np.argsort(-prior, kind="stable")]
    order = [i for i in alone if story.units[i].leans_on < 0 and not story.units[i].joins]
    plain = [i for i in order if not _is_quotation(story.units[i].text)]
    if not order:
        return ""
    best = (plain or order)[0]
    return trim.compress(story.units[best].text, max_words)


def headline(articles: list[Article], max_words: int = 14) -> str:
    """The story's best real title (most central to the story), else one from its lead."""
    articles = [a for a in articles or [] if a is not None]
    if not articles:
        return ""
    titles = [t for t in (clean_title(a, max_words) for a in articles) if t]
    if len(titles) == 1:
        return titles[0]
    if titles:
        body = " ".join(a.text or "" for a in articles)
        matrix = _vectors(titles + [body])
        if matrix is None:
            return titles[0]
        centrality = _settled(_array(matrix[:-1] @ matrix[-1].T).ravel())
        fits = np.array([len(t.split()) <= max_words for t in titles], dtype=float)
        return titles[int(np.argmax(centrality + fits))]
    return lead_headline(articles, max_words) or _any_title(articles, max_words)


def _any_title(articles: list[Article], max_words: int) -> str:
    """The last resort: a title too short to trust ("Blogposting 01/23/2020", a one-word CJK
    title) beats no headline at all; else the text's first words, cut at a boundary."""
    for article in articles:
        title = " ".join((normalize_wire(article.title) or "").split())
        if title and title[:1] not in _OPENING and not _CHROME.match(title):
            return trim.fit(title, max_words)
    text = " ".join((articles[0].text or "").split()[: max_words * 2])
    return trim.fit(text, max_words) if text else ""
