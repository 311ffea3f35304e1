"""One name per person across articles: Sergey/Sergei Lavrov, Lavrov -> Sergey Lavrov."""

from __future__ import annotations

import re
import unicodedata
from .words import HONORIFICS, TITLE_WORDS


# ---------------------------------------------------------------------------------------
# One name per person across articles


_NOT_A_TO_Z = re.compile(r"[^a-z]")

_REPEATED_CHAR = re.compile(r"(.)\1+")

_SPACES = re.compile(r"\s+")


def _fold(word: str) -> str:
    """A spelling key: Sergey/Sergei, Zelensky/Zelenskyy/Zelenskiy, Volodymyr/Wolodymyr."""
    w = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    w = _NOT_A_TO_Z.sub("", w)
    for a, b in (("yy", "y"), ("iy", "y"), ("ij", "y"), ("ii", "y"), ("ei", "y"), ("ey", "y"), ("j", "y"),
                 ("kh", "h"), ("ck", "k"), ("w", "v"), ("ph", "f"), ("ie", "y"), ("i", "y")):
        w = w.replace(a, b)
    return _REPEATED_CHAR.sub(r"\1", w)


def _name_words(name: str) -> list[str]:
    words = [w for w in _SPACES.split(name.strip()) if w]
    words = [w for w in words if w.lower().rstrip(".") not in {t.rstrip(".") for t in HONORIFICS} and w.lower() not in TITLE_WORDS]
    return words or [w for w in name.split() if w]


def _close(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 5:
        return False
    if abs(len(a) - len(b)) > 1:
        return False
    # one edit apart
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    if len(a) > len(b):
        a, b = b, a
    for k in range(len(b)):
        if b[:k] + b[k + 1:] == a:
            return True
    return False


def canonical_speaker(names: list[str]) -> dict[str, str]:
    """Map each spelling of a speaker to one canonical name.

    Names whose surnames spell alike (after folding transliteration variants) and whose first
    names agree (or one is missing) are one person; the canonical name is the most frequent
    of the fullest spellings. A bare surname joins a full name only when one person has it.
    """
    result: dict[str, str] = {}
    try:
        items = [n for n in names if isinstance(n, str) and n.strip()]
        counts: dict[str, int] = {}
        for n in items:
            counts[n] = counts.get(n, 0) + 1
        parsed = {n: _name_words(n) for n in counts}
        groups: list[dict] = []  # {"last": key, "first": key or None, "members": [names]}
        full = sorted((n for n in counts if len(parsed[n]) > 1), key=lambda n: (-len(parsed[n]), -counts[n], n))
        single = sorted((n for n in counts if len(parsed[n]) <= 1), key=lambda n: (-counts[n], n))
        for n in full:
            words = parsed[n]
            last, first = _fold(words[-1]), _fold(words[0])
            for g in groups:
                if _close(g["last"], last) and (g["first"] is None or _close(g["first"], first) or g["first"][:1] == first[:1] and (len(first) == 1 or len(g["first"]) == 1)):
                    g["members"].append(n)
                    break
            else:
                groups.append({"last": last, "first": first, "members": [n]})
        for n in single:
            key = _fold(parsed[n][0]) if parsed[n] else _fold(n)
            matches = [g for g in groups if _close(g["last"], key)]
            if len(matches) == 1:
                matches[0]["members"].append(n)
            else:
                same = [g for g in groups if g["first"] is None and _close(g["last"], key)]
                if same:
                    same[0]["members"].append(n)
                else:
                    groups.append({"last": key, "first": None, "members": [n]})
        for g in groups:
            members = g["members"]
            longest = max(len(parsed[m]) for m in members)
            best = sorted((m for m in members if len(parsed[m]) == longest), key=lambda m: (-counts[m], items.index(m)))[0]
            for m in members:
                result[m] = best
    except Exception:  # noqa: BLE001
        return {n: n for n in names if isinstance(n, str)}
    return result
