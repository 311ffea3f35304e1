"""What an article is about, as countable terms: its profile (title, lead, names) and its words.

The profile is what the story grouper compares: the title twice, the lead, and the lead's
names once more (see `profile_text`). Words are lower-cased, possessives folded and lightly
stemmed so the few words a headline has can match at all ("GM's recall" / "recalls").
"""

from __future__ import annotations

import re
from collections import Counter

from ...core.memo import TokenMemo
from ...core.model import Article
from ...text.stopwords import ENGLISH_STOP_WORDS

LEAD_WORDS = 250  # about the first ten sentences

# A capitalised word or an acronym inside a sentence (after a word, comma or bracket, so not
# the sentence's first word).
_NAME = re.compile(r"(?<=[\w,;)] )(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]{2,})\b")
_TOKEN = re.compile(r"[^\W\d_][^\W_]*")
_POSSESSIVE = re.compile(r"['’]s\b")


def lead_of(article: Article, words: int | None = None) -> str:
    """The first `words` (default `LEAD_WORDS`) words of the body: where news puts who, what and where."""
    words = LEAD_WORDS if words is None else words
    return " ".join(article.text[: words * 12].split()[:words]) if article.text else ""


def profile_text(article: Article) -> str:
    """What a story is about: the title twice, the lead, and the lead's names once more.

    The title is the writer's own summary; the lead (first `LEAD_WORDS` words of the body) is
    where news puts who/what/where, while the rest of a long page is often background or page
    furniture. Names (capitalised words inside a sentence) repeat because stories are about
    someone or somewhere. Headlines are Title Case, so names are not read from titles.
    """
    title = article.title or ""
    if not article.text:
        return title
    lead = lead_of(article)
    names = " ".join(_NAME.findall(lead))
    return f"{title} {title} {lead} {names}"


def _stem(word: str) -> str:
    """A light suffix stripper: plural and verb endings only, so 'files', 'filed', 'filing'
    and 'file' meet; aggressive stemmers conflate more than headlines can afford."""
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # stopped -> stop
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def _term(word: str) -> str:
    """A word's stemmed term, "" for a stop word."""
    return "" if word in ENGLISH_STOP_WORDS or len(word) < 2 else _stem(word)


_TERMS = TokenMemo(_term, limit=500_000)  # tokens() is hot: each distinct word is stemmed once


def _normalised(text: str) -> str:
    return _POSSESSIVE.sub("", text.lower()).replace("'", "").replace("’", "")


def tokens(text: str) -> list[str]:
    """Lower-case stemmed content words; possessives folded ("GM's" -> "gm"), numbers dropped."""
    terms = _TERMS
    found = []
    for word in _TOKEN.findall(_normalised(text)):
        term = terms[word]
        if term:
            found.append(term)
    return found


def term_counts(text: str) -> dict[str, int]:
    """`Counter(tokens(text))`, but each distinct word is stemmed and looked up once."""
    terms = _TERMS
    bag: dict[str, int] = {}
    for word, count in Counter(_TOKEN.findall(_normalised(text))).items():
        term = terms[word]
        if term:
            bag[term] = bag.get(term, 0) + count
    return bag
