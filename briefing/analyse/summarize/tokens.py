"""Words, stems and bigrams of summary sentences, memoised: every step of a summary asks for them.

Stems are Snowball's (the algorithm sumy reaches through NLTK, without importing NLTK), and
stop words are sumy's own list, so our scores and sumy's rankers count the same words.
"""

from __future__ import annotations

import operator
import re
from functools import lru_cache

import snowballstemmer

from ...core.memo import TokenMemo

LANGUAGE = "english"

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")
_ROUGE_TOKEN = re.compile(r"[a-z0-9]+")
_SNOWBALL = snowballstemmer.stemmer(LANGUAGE)


def _sumy_stop_words() -> frozenset[str]:
    """sumy's English stop words, read from its package data (importing sumy.utils is slow)."""
    from importlib.resources import files

    text = files("sumy").joinpath("data", "stopwords", f"{LANGUAGE}.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip())


STOP_WORDS = _sumy_stop_words()


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """Snowball (Porter 2) English stem, lower-cased as sumy's stemmer returns it.

    `snowballstemmer` is the Snowball project's own package: the same algorithm sumy reaches
    through NLTK, without importing NLTK, which pulls in scipy.stats and takes 4-5 s on the
    2-core machine (most of a warm run). Its newer rules differ on 0.1% of Reuters words
    ("added" -> "add", where NLTK says "ad").
    """
    return _SNOWBALL.stemWord(word.lower())


def _STEMMER(word: str) -> str:  # sumy's summarizers take any callable stemmer
    return _stem(word)


def _tokens(text: str) -> list[str]:
    """Lower-cased alphanumeric tokens, the way ROUGE and readers count words."""
    return _ROUGE_TOKEN.findall(text.lower())


#: Words every news story uses (time, attribution, counting): they say nothing about *which*
#: story a sentence belongs to, so topic similarity ignores them ("two days" is not a topic).
GENERIC_NEWS = frozenset("""
    say said says saying told tell tells according added adds asked reported report reports
    day days week weeks month months year years time times today yesterday tomorrow tonight
    morning afternoon evening night ago earlier later recent recently current currently
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december
    people person man men woman women official officials spokesman spokeswoman statement
    one two three four five six seven eight nine ten hundred hundreds thousand thousands
    million millions billion percent number numbers first second third last next new old
    mr mrs ms dr news interview
""".split())


def _content_stem(token: str) -> str | None:
    """The stem of a token that can tell one story from another, None for the others."""
    if token in STOP_WORDS or token in GENERIC_NEWS or token.isdigit():
        return None
    return _stem(token)


# Mapped over a text's tokens in C (see briefing.core.memo): a generator calling _stem for every
# token was most of a headline's cost (its story's whole text) and a tenth of a summary's.
_STEMS = TokenMemo(_stem, limit=400_000)
_CONTENT_STEMS = TokenMemo(_content_stem, limit=400_000)


@lru_cache(maxsize=8192)
def _content_stems(text: str) -> tuple[str, ...]:
    """Stemmed words that can tell one story from another (the topic vocabulary)."""
    return tuple(filter(None, map(_CONTENT_STEMS.__getitem__, _tokens(text))))  # a stem is never ""


@lru_cache(maxsize=8192)
def _bigrams(text: str) -> frozenset[tuple[str, str]]:
    """Stemmed bigrams that carry content: a bigram of two stop words says nothing.

    Memoised (with `_content_stems`): a story asks for each sentence's several times."""
    tokens = _tokens(text)
    stems = list(map(_STEMS.__getitem__, tokens))
    stop = list(map(STOP_WORDS.__contains__, tokens))
    return frozenset(
        pair for pair, both_stop in zip(zip(stems, stems[1:]), map(operator.and_, stop, stop[1:])) if not both_stop
    )


def _word_count(text: str) -> int:
    return len(text.split())


