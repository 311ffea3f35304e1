"""The same-event test: two articles are one story only if they share specific things.

Templated wire copy ("Swiss wholesale prices rise 0.1 pct", "Spain's consumer prices rise
0.6 pct"; earnings of two oil companies; two grain tenders) shares most of its words, so a
bag-of-words cosine alone merges them. What differs is *who and what*: the names (people,
organisations, places) and the specific figures. So each article also gets a second, small
vector of its names and figures (`name_counts`), weighted by inverse document frequency over
the whole corpus so a name every wire carries ("U.S.", a month) counts little and a rare one
("TransCanada", "Dome", "142.10") much. A pair of articles may join one story only when the
cosine of those vectors reaches the regime's `same_event` floor (`passes`).

A pair where either article has no names (a headline, a text with no capitals) is not judged:
there is nothing to compare, and the text similarity decides alone.

Names are read from the lead only (where news says who and where), never from titles: wire
titles are ALL CAPS and web titles Title Case, so capitals there mark nothing. A capitalised
word at a sentence start counts only if the same word does not also appear in lower case in
the lead ("Prices rose ... prices" is not a name).
"""

from __future__ import annotations

import re

import numpy as np

from ...ingest.dates import MONTHS, WEEKDAYS
from ...core.model import Article
from ...text.stopwords import ENGLISH_STOP_WORDS
from .features import lead_of

# A capitalised word or acronym, with dotted abbreviations kept whole (U.S., N.Z.).
_CAPITALISED = re.compile(r"\b[A-Z](?:[A-Za-z&'’-]*[A-Za-z]|\.(?:[A-Z]\.)+|)")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+")
# A figure: digits with thousands separators or a decimal part.
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_POSSESSIVE = re.compile(r"['’]s?$")
_POSSESSIVE_ENDS = ("'", "’", "'s", "’s")  # what _POSSESSIVE matches at a word's end
# Calendar words are capitalised but name no one: two reports of one event written on
# different days ("on Thursday night" / "on Friday") must not look like two events.
_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)


def name_counts(article: Article) -> dict[str, int]:
    """Names and specific figures of an article's lead, counted: its who, where and how much.

    Figures count when they are specific (a decimal, or three digits and more) and are not a
    year (1900-2099): "0.5" or "12" recur by chance in templated copy, "142.10" or "6,000" do
    not. Keys carry a prefix so a name never meets a figure.
    """
    lead = lead_of(article)
    if not lead:
        return {}
    lower = set(_LOWER_WORD.findall(lead))
    bag: dict[str, int] = {}
    for word in _CAPITALISED.findall(lead):
        if word.endswith(_POSSESSIVE_ENDS):  # most names have none: skip the substitution's call
            word = _POSSESSIVE.sub("", word)
        key = word.lower()
        if len(key) < 2 or key in ENGLISH_STOP_WORDS or key in lower or key in _CALENDAR:
            continue
        bag["n:" + key] = bag.get("n:" + key, 0) + 1
    for figure in _FIGURE.findall(lead):
        figure = figure.rstrip(",").replace(",", "")
        if _specific_figure(figure):
            bag["f:" + figure] = bag.get("f:" + figure, 0) + 1
    return bag


def _specific_figure(figure: str) -> bool:
    if "." in figure:
        return figure.rstrip("0").rstrip(".") not in ("", "0")
    if len(figure) < 3:
        return False
    return not (len(figure) == 4 and 1900 <= int(figure) <= 2099)


def passes(names, rows: list[int], floor: float) -> np.ndarray | None:
    """Which pairs of `rows` may be one story: a boolean n×n matrix, or None (no test).

    `names` holds the L2-normalised TF-IDF name vectors of the corpus (see `name_counts`);
    a pair passes when the cosine of its name vectors reaches `floor`, or when either row has
    no names at all (nothing to judge).
    """
    if names is None or floor <= 0:
        return None
    block = names[rows]
    similarity = (block @ block.T).toarray()
    empty = np.diff(block.indptr) == 0
    return (similarity >= floor) | empty[:, None] | empty[None, :]
