"""Tokens and noun phrases: the words around a quote, read forward and backward."""

from __future__ import annotations

from .words import DETERMINERS, PERSON_ROLES, PRONOUNS, SPEECH_VERBS, TITLE_WORDS, _CAP_STOP, _NAME_CONNECTORS, _ROLE_NOUNS, _STOP, _TOKEN


# ---------------------------------------------------------------------------------------
# Tokens and noun phrases


class _Tok:
    """A token of the text. Built once per token of every article (millions), so it is a
    slotted class and `low` is computed once here: the rules read it about twice per token."""

    __slots__ = ("text", "start", "end", "low")

    def __init__(self, text: str, start: int, end: int):
        self.text = text
        self.start = start
        self.end = end
        self.low = text.lower()

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()


def _tokens(text: str, lo: int, hi: int) -> list[_Tok]:
    return [_Tok(m[0], *m.span()) for m in _TOKEN.finditer(text, lo, hi)]  # one span() call, not start() and end()


_POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")


def _bare(tok_text: str) -> str:
    """A token without a possessive ending (called for every word of every name: the common
    no-possessive case is answered by one endswith)."""
    if len(tok_text) <= 2 or not tok_text.endswith(_POSSESSIVE_ENDINGS):
        return tok_text
    if tok_text.endswith(("'s", "’s")):
        return tok_text[:-2]
    return tok_text[:-1]


def _np_backward(toks: list[_Tok], i: int, max_len: int = 9) -> int | None:
    """Index of the first token of the noun phrase that ends at toks[i], or None."""
    if i < 0 or not toks[i].word:
        return None
    if toks[i].low in PRONOUNS:
        return i
    j = i
    taken = 0
    while j >= 0 and taken < max_len:
        t = toks[j]
        low = t.low
        if not t.word:
            if t.text in ("-", "&") and j > 0 and j < i:
                j -= 1
                continue
            break
        if low in DETERMINERS:
            if taken == 0:
                return None
            if low in ("that", "this", "these", "those", "any", "no") and toks[j + 1].cap:
                return j + 1  # "that Clinton said": a conjunction, not a determiner
            if j >= 2 and toks[j - 1].low in ("of", "from") and toks[j - 2].cap and toks[j - 2].low not in _CAP_STOP:
                j -= 2  # "Mr. Morgan of the Sierra Club said"
                taken += 2
                continue
            return j
        if t.cap:
            if low in _CAP_STOP:
                if low in ("the",):
                    return j
                break
            taken += 1
            j -= 1
            continue
        if low in _NAME_CONNECTORS and j < i and toks[j + 1].cap:
            taken += 1
            j -= 1
            continue
        if low in _STOP or low in SPEECH_VERBS or low in PRONOUNS:
            # "a spokesman for Donald Trump": extend over for/of after a role noun
            if low in ("for", "of") and j > 0 and toks[j - 1].low in TITLE_WORDS | _ROLE_NOUNS and taken:
                taken += 1
                j -= 1
                continue
            break
        if low.endswith("ly") and len(low) > 4:
            break
        if not low[:1].isalpha():
            break
        if taken and toks[j + 1].cap and low not in TITLE_WORDS and low not in PERSON_ROLES:
            break  # "In a Bloomberg interview Trump declared": the name stands alone
        taken += 1
        j -= 1
    start = j + 1
    if start > i:
        return None
    # trim leading lowercase words that do not reach a determiner: keep from the first capital
    while start <= i and not toks[start].cap and toks[start].low not in DETERMINERS:
        if all(not toks[k].cap for k in range(start, i + 1)):
            # a bare plural such as "officials", "senior officials", "experts"
            if i - start <= 1 and toks[i].low.endswith("s") and toks[i].low not in _STOP:
                return start
            return None
        start += 1
    return start if start <= i else None


def _np_forward(toks: list[_Tok], i: int, max_len: int = 9) -> int | None:
    """Index of the last token of a noun phrase that starts at toks[i], or None."""
    if i >= len(toks) or not toks[i].word:
        return None
    if toks[i].low in PRONOUNS:
        return i
    j = i
    last = None
    has_head = False
    while j < len(toks) and j - i < max_len:
        t = toks[j]
        low = t.low
        if not t.word:
            if t.text in ("-", "&") and last is not None and j + 1 < len(toks) and toks[j + 1].cap:
                j += 1
                continue
            break
        if low in DETERMINERS and j == i:
            j += 1
            continue
        if t.cap and low not in _CAP_STOP:
            last = j
            has_head = True
            j += 1
            continue
        if low in _NAME_CONNECTORS and last is not None and j + 1 < len(toks) and toks[j + 1].cap:
            j += 1
            continue
        if low in ("of", "for") and last is not None and j + 1 < len(toks):
            k = j + 1
            if toks[k].low == "the" and k + 1 < len(toks):
                k += 1
            if toks[k].cap and toks[k].low not in _CAP_STOP:
                j = k
                continue
            break
        if low in _STOP or low in SPEECH_VERBS or low in PRONOUNS or not low[:1].isalpha():
            break
        if low.endswith("ly") and len(low) > 4:
            break
        if has_head and toks[i].low not in DETERMINERS:
            if (low in TITLE_WORDS or low in PERSON_ROLES) and j + 1 < len(toks) and (
                toks[j + 1].cap or toks[j + 1].low in TITLE_WORDS or toks[j + 1].low in PERSON_ROLES
            ):
                j += 1  # "MSNBC host Chris Matthews"
                continue
            break  # "said Smith yesterday": a name ends at the first lower-case word
        last = j
        has_head = True
        j += 1
    return last


def _span_text(text: str, toks: list[_Tok], a: int, b: int) -> str:
    return text[toks[a].start:toks[b].end]
