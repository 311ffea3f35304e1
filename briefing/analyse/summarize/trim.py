"""Headline-sized text from a sentence or an over-long title, cut at clause boundaries.

After the Hedge Trimmer of Dorr, Zajic and Schwartz (DUC 2003): a lead sentence becomes a
headline by removing, in order, what a headline does not say — parentheticals, attribution
("..., officials said Wednesday", "Police said that"), day names ("on Monday"), a preposed
adjunct ("After weeks of talks, ..."), a leading connective, articles — then trailing
clauses and phrases, at the strongest boundary that leaves the most words within the limit.
We have no parser: boundaries are punctuation, clause words and prepositions. Never an
ellipsis: what is left is a whole phrase.
"""

from __future__ import annotations

import re

from .wordlists import ADJUNCT_STARTS, ATTRIBUTION_VERBS, CLAUSE_WORDS, DAY_NAMES, PREPOSITIONS

_SAY = "|".join(ATTRIBUTION_VERBS)
_DAY = "|".join(DAY_NAMES)
_PARENTHETICAL = re.compile(r"\s*\([^()]{0,120}\)|\s*\[[^\[\]]{0,120}\]")
_TRAILING_SAY = re.compile(
    rf",\s*(?:[^,]{{1,80}}?\s+)?(?:{_SAY})\b[^,]{{0,60}}$|,\s*according to\b[^,]{{0,80}}$|"
    rf"\s+(?:he|she|they|it|officials|police)\s+(?:{_SAY})\s*(?:on\s+)?(?:{_DAY})?\s*[.]?$",
    re.I,
)
_LEADING_SAY = re.compile(
    rf"^(?:[A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){{0,7}}?)\s+(?:{_SAY})(?:\s+[a-z]+(?:\s+[a-z]+)?)??"
    rf"(?:\s+(?:on\s+)?(?:{_DAY}))?(?:\s+that)?\s+(?=[A-Za-z\"“])"
)
_ACCORDING = re.compile(r"^according to [^,]{1,80},\s*", re.I)
_DAYS = re.compile(
    rf"(?:^|\s+)(?:(?:on|late|early|last|this|next|by|from|until|since)\s+)?(?:{_DAY})(?:['’]s)?"
    rf"(?:\s+(?:morning|afternoon|evening|night))?(?=[\s,.;:]|$)"
)
_TIME_WORDS = re.compile(r"\s+(?:yesterday|today|tonight|this week|last week)\b(?=[\s,.;:]|$)", re.I)
_ARTICLE = re.compile(r"(?:^|(?<=\s))(?:the|a|an|The|A|An)\s+(?=\S)")
_CONNECTIVE = re.compile(
    r"^(?:but|and|however|meanwhile|also|yet|so|still|moreover|furthermore|instead|separately|in addition)\b,?\s+", re.I
)
_SPACES = re.compile(r"\s+")
_WORD_CHARS = re.compile(r"[^\w]+$")
_EDGE_PUNCTUATION = ",;:—–-_ "
_MIN_LEFT = 5  # words a removal must leave
MAX_CHARS = 100  # a headline longer than this is cut further


def _keep(before: str, after: str) -> str:
    """`after` when it still says enough (at least _MIN_LEFT words), else `before`."""
    return after if len(after.split()) >= _MIN_LEFT else before


def _drop_adjunct(text: str) -> str:
    """"After weeks of rising tensions over Ukraine, the tenor changed" -> "the tenor changed"."""
    words = text.split()
    if not words or words[0].lower() not in ADJUNCT_STARTS:
        return text
    comma = text.find(",")
    if 0 < comma and len(text[:comma].split()) <= 12:
        return _keep(text, text[comma + 1:].strip())
    return text


def simplify(sentence: str) -> str:
    """The sentence without what a headline leaves out (before any cutting for length)."""
    text = _SPACES.sub(" ", sentence).strip().rstrip(".!")
    text = _keep(text, _PARENTHETICAL.sub("", text))
    text = _keep(text, _TRAILING_SAY.sub("", text))
    text = _keep(text, _ACCORDING.sub("", text))
    text = _keep(text, _LEADING_SAY.sub("", text, count=1))
    text = _keep(text, _DAYS.sub("", text).strip())
    text = _keep(text, _TIME_WORDS.sub("", text))
    text = _drop_adjunct(text)
    text = _keep(text, _CONNECTIVE.sub("", text))
    text = _keep(text, _ARTICLE.sub("", text))
    return text.strip(_EDGE_PUNCTUATION)


def _strength(words: list[str], k: int) -> int:
    """How good a place to cut before word k is: punctuation 3, a clause word 2, a preposition 1."""
    if words[k - 1][-1:] in ",;:" or words[k] in ("—", "–", "-", "--"):
        return 3
    word = words[k].lower()
    if word in CLAUSE_WORDS:
        return 2
    if word in PREPOSITIONS:
        return 1
    return 0


def cut(text: str, max_words: int) -> str:
    """At most `max_words` words, cut at the strongest boundary that keeps the most words."""
    words = text.split()
    if len(words) <= max_words:
        return text
    floor = max(4, max_words // 2)
    # A boundary's strength is worth two words: a clause cut a little shorter beats a phrase cut.
    places = [(k + 2 * _strength(words, k), k) for k in range(floor, max_words + 1) if _strength(words, k)]
    places = places or [(_strength(words, k), k) for k in range(3, floor) if _strength(words, k)]
    best = max(places, default=(0, max_words))
    kept = words[: best[1]]
    while len(kept) > 3 and _WORD_CHARS.sub("", kept[-1]).lower() in (*PREPOSITIONS, *CLAUSE_WORDS, "the", "a", "an", "its", "their", "his", "her"):
        kept.pop()  # never end on a word that announces more
    return " ".join(kept).strip(_EDGE_PUNCTUATION)


def fit(text: str, max_words: int = 14, max_chars: int = MAX_CHARS) -> str:
    """`cut` to `max_words`, then to fewer while longer than `max_chars` characters."""
    text = cut(text, max_words)
    while len(text) > max_chars and max_words > 4:
        max_words -= 1
        text = cut(text, max_words)
    return text


def compress(sentence: str, max_words: int = 14) -> str:
    """A headline from a sentence: simplified, cut to `max_words`, first letter capital."""
    text = fit(simplify(sentence), max_words)
    return text[:1].upper() + text[1:] if text else text
