"""A story as units of sentences: what the summary picks from, in reading order.

Our splitter cuts after "U.S." before a capitalised word ("the U.S. | Embassy in Kenya").
Such halves are scored and picked together as one *unit* and returned as consecutive
sentences, so a summary never shows half a sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ...core.model import Article
from ...text.sentences import split_sentences
from .tokens import _WORD, STOP_WORDS, _word_count

# The splitter ends a sentence after these even when a proper noun follows ("U.S. Embassy").
_STICKY_END = re.compile(r"\b(?:U\.S|U\.N|U\.K|E\.U|D\.C|Inc|Corp|Co|Ltd)\.[\"'”’)]*$")


@dataclass(frozen=True)
class SummarySentence:
    text: str  # exactly a sentence of one of the articles (as split_sentences returns it)
    article: str  # the article id
    index: int  # position of the sentence in that article's split_sentences list


@dataclass
class _Unit:
    """One or more consecutive sentences of an article that are scored and picked together."""

    article: str
    doc: int  # article rank in reading order (date, then input order)
    indices: tuple[int, ...]
    texts: tuple[str, ...]
    position: int  # unit number in its article: 0 is the lead
    text: str = ""
    words: int = 0
    leans_on: int = -1  # the unit id of the sentence this one leans on ("He…", "But…"), -1: none
    joins: tuple[int, ...] = ()  # a pair: the unit ids of an antecedent and its follower

    def __post_init__(self) -> None:
        self.text = " ".join(self.texts)
        # the joined text's words are its sentences' (a space joins them, never splits a word)
        self.words = _word_count(self.text)


@dataclass
class _Story:
    articles: list[Article]
    units: list[_Unit] = field(default_factory=list)
    doc_units: list[list[int]] = field(default_factory=list)  # unit ids per article


def _reading_order(articles: list[Article]) -> list[Article]:
    """Articles by date (undated last), input order breaking ties: the order a reader follows."""
    far = dt.date.max
    return [a for _, _, a in sorted(((a.date or far), i, a) for i, a in enumerate(articles))]


def _units(sentences: list[str]) -> list[tuple[tuple[int, ...], tuple[str, ...]]]:
    """Group split sentences, gluing back cuts after "U.S." before a proper noun."""
    groups: list[list[int]] = []
    for index, sentence in enumerate(sentences):
        if groups and _STICKY_END.search(sentences[index - 1]) and _continues(sentence):
            groups[-1].append(index)
        else:
            groups.append([index])
    return [(tuple(g), tuple(sentences[i] for i in g)) for g in groups]


def _continues(sentence: str) -> bool:
    """A capitalised first word that is not a stop word continues a name ("Embassy", "District")."""
    match = _WORD.match(sentence)
    return bool(match) and match.group(0).lower() not in STOP_WORDS  # type: ignore[union-attr]


def _build_story(articles: list[Article]) -> _Story:
    story = _Story(_reading_order([a for a in articles if a is not None and (a.text or "").strip()]))
    for doc, article in enumerate(story.articles):
        ids = []
        for position, (indices, texts) in enumerate(_units(split_sentences(article.text))):
            ids.append(len(story.units))
            story.units.append(_Unit(article.id, doc, indices, texts, position))
        story.doc_units.append(ids)
    return story


