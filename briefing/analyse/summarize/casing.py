"""Sentence case for ALL-CAPS wire titles, keeping acronyms and names as the article spells them.

"N.Z. DECEMBER QUARTER RETAIL SALES FALL" becomes "N.Z. December quarter retail sales fall":
each word takes the form the article's own body gives it in mid-sentence (where capitals
mean a name, not a sentence start), tokens with dots between single letters stay as they
are (N.Z., U.S.), short all-caps tokens the body spells in capitals stay capitals (EC,
OPEC), and the rest is lower case. Nothing is looked up in a list of names.
"""

from __future__ import annotations

import re
from collections import Counter
from operator import itemgetter

_LETTERS = re.compile(r"[A-Za-z]{2,}")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:\.(?:[A-Za-z]\.?)+)?")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$|^[A-Za-z]\.(?:[A-Za-z]\.?)+$")
_BODY_WORD = re.compile(r"([.!?:;\"“”\n]\s*|^\s*)?([A-Za-z][A-Za-z0-9]*)(?=(?:['’]s)?\s+([A-Z])|)")
#: A shouting title: more than this share of its words (two letters or more) in capitals.
SHOUTING_SHARE = 0.6
#: Enough of the body to see how it spells the title's words (wire bodies are short).
BODY_CHARS = 6000


def is_shouting(title: str) -> bool:
    words = _LETTERS.findall(title)
    return len(words) >= 2 and sum(w.isupper() for w in words) / len(words) > SHOUTING_SHARE


def _body_forms(body: str, wanted: set[str]) -> tuple[dict[str, Counter], dict[str, Counter]]:
    """How the body spells each wanted word (lower-cased key): mid-sentence and sentence-first."""
    middle: dict[str, Counter] = {}
    first: dict[str, Counter] = {}
    text = body[:BODY_CHARS]
    # findall's tuples, not match objects (a tenth of a headline): an unmatched group is "" there,
    # and the opening group can match "" only at the very start (`^\s*` before a letter)
    opens_text = text[:1].isascii() and text[:1].isalpha()
    for n, (opening, word, capital) in enumerate(_BODY_WORD.findall(text)):
        key = word.lower()
        if key in wanted:
            if not opening and not (n == 0 and opens_text):
                middle.setdefault(key, Counter())[word] += 1
            elif capital or word.isupper():  # "Moody's Investors…" opens on a name
                first.setdefault(key, Counter())[word] += 1
    return middle, first


def _form(word: str, middle: dict[str, Counter], first: dict[str, Counter]) -> str:
    key = word.lower()
    if _DOTTED.match(word):
        return word  # N.Z., U.S.
    if key in middle:
        return _commonest(middle[key])
    if key in first:
        form = _commonest(first[key])
        if not form.isupper() or len(form) <= 5:
            return form  # a name or an acronym that only opens sentences ("Moody's Investors…", "OPEC said")
    return key


def _commonest(forms: Counter) -> str:
    """`forms.most_common(1)[0][0]` without its Python-level heap call: the first of the
    commonest, as `most_common(1)` gives (it is `max` over the items in their order)."""
    return max(forms.items(), key=itemgetter(1))[0]


def sentence_case(title: str, body: str) -> str:
    """`title` in sentence case when it is ALL CAPS (unchanged otherwise)."""
    if not is_shouting(title):
        return title
    tokens = [m.group(0) for m in _TOKEN.finditer(title)]
    middle, first = _body_forms(body or "", {t.lower() for t in tokens})
    out = _TOKEN.sub(lambda m: _form(m.group(0), middle, first), title)
    return _capitalise_first(out)


def _capitalise_first(text: str) -> str:
    for k, char in enumerate(text):
        if char.isalpha():
            return text[:k] + char.upper() + text[k + 1:]
    return text
