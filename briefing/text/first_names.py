"""The gender a first name usually has, from gender-guesser's dictionary (shipped with the
package, read offline, about 40,000 first names of many countries), instead of a hand list
that only knows the names its authors met.

Only the dictionary's firm answers count ("male", "female"); "mostly_*", "andy" (either) and
unknown names give None. A word the article also writes in lower case ("said", "royal",
"will", "may") is a common word there, not a first name: `article_gender` says None for it.
"""

from __future__ import annotations

import re
from functools import lru_cache

_FIRM = {"male": "m", "female": "f"}
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z][a-z'’\-]*")


@lru_cache(maxsize=1)
def _detector():
    try:
        import gender_guesser.detector as detector
    except ImportError:  # the dependency is declared; without it no name has a gender
        return None
    return detector.Detector(case_sensitive=False)


@lru_cache(maxsize=65536)
def first_name_gender(word: str) -> str | None:
    """'m', 'f' or None for a first name ("Sergey" -> 'm', "Liz" -> 'f', "Kim" -> None)."""
    if not word or not word[:1].isalpha() or len(word) < 2:
        return None
    found = _detector()
    if found is None:
        return None
    gender = _FIRM.get(found.get_gender(word.lower()))
    if gender is None and "-" in word.strip("-"):
        # a compound first name the dictionary lacks ("Jean-Yves"): its parts, when they agree
        parts = {_FIRM.get(found.get_gender(part.lower())) for part in word.split("-") if part}
        gender = parts.pop() if len(parts) == 1 else None
    return gender


class ArticleNames:
    """First-name genders inside one article: a word the article writes in lower case is not
    taken for a first name. The set of lower-case words is built on first use only."""

    __slots__ = ("_text", "_lower")

    def __init__(self, text: str):
        self._text = text
        self._lower: frozenset[str] | None = None

    def gender(self, word: str) -> str | None:
        g = first_name_gender(word)
        if g is None:
            return None
        if self._lower is None:
            self._lower = frozenset(_LOWER_WORD.findall(self._text))
        return None if word.lower() in self._lower else g
