"""Ranges ("4-1/8 to 4-5/8 pct"), restatements and spelled numbers."""

from __future__ import annotations

import re
from .numbers import _Cand


# ------------------------------------------------------------------ ranges and spelled numbers


_REFERRING_END = re.compile(
    r"\b(?:the|these|those|both|all|its|their|his|her|our|my|your|each|every|band|tier|grade|class|phase|level|type|model|section|first|last|next|top|other|previous|remaining|same)\s+$",
    re.I,
)

_QUANTIFYING_END = re.compile(
    r"(?:^|\s)(?:at least|at most|up to|as many as|as much as|as high as|as low as|more than|fewer than|less than|some|about|around|nearly|almost|another|only|just|over|roughly|approximately|an estimated|a further|an extra)\s+$",
    re.I,
)

_MORE_AFTER = re.compile(r"\s+(?:more|others|higher|lower|up|down)\b", re.I)

_RANGE_OR_GAP = re.compile(r"\s*(?:to|-|–|or)\s*$")


def _is_spelled_figure(sentence: str, c: _Cand, nxt: _Cand | None) -> bool:
    """A spelled-out number quantifies when a unit, scale or counted noun follows, or a qualifier precedes."""
    word = sentence[c.start:c.end].lower()
    if c.has_scale or c.unit:
        return True
    if word == "one":
        return False
    before = sentence[: c.start]
    if _REFERRING_END.search(before):
        return False
    if _QUANTIFYING_END.search(before):
        return True
    rest = sentence[c.end:]
    if _MORE_AFTER.match(rest):
        return True
    if nxt is not None and _RANGE_OR_GAP.match(sentence[c.end:nxt.start]) and (nxt.unit or nxt.has_scale):
        return True
    return c.counted


_OR_GAP = re.compile(r",?\s+or\s+")

_AND_GAP = re.compile(r"\s*and\s*")

_BETWEEN_END = re.compile(r"\bbetween\s+$")

_RANGE_GAP = re.compile(r"\s*(?:to|-|–|and)\s*")


_SHARE_WORDS = frozenset(("shares", "share", "stock", "stocks"))


def _restatements(sentence: str, cands: list[_Cand]) -> None:
    """'1,694,000 or 16 cts per share': the second says the first again, about the same thing."""
    _comparisons(sentence, cands)
    _changes_of_a_level(sentence, cands)
    for a, b in zip(cands, cands[1:]):
        if a.label_from == "rate" and b.label_from != "rate":
            continue  # "1.05 dlrs per share, or 5.45 mln dlrs": the total, not the price of a share
        if a.label and b.label_from in ("back", "unit", "") and not b.counted and _OR_GAP.fullmatch(sentence[a.text_end:b.text_start]):
            # "559,219 shares, or 12.4 pct": the percentage is the holder's stake, not shares
            b.label = "stake" if b.unit == "%" and a.label.split()[-1].lower() in _SHARE_WORDS else a.label


_PLURAL_END = re.compile(r"(?:[a-z]{2,}s|people|men|women|children|police|personnel|staff|troops)$")

_OF_A_NOUN = re.compile(r" of (?!(?:thousands|millions|billions|hundreds)\b)", re.I)

_OF_AFTER = re.compile(r"\s+of\s+(?!them\b|those\b|whom\b)", re.I)


def _elided_counts(sentence: str, cands: list[_Cand]) -> None:
    """'killed at least 74 people in the north and 43 more in Taiwan', 'another 173 people were
    injured, 20 of them severely': a bare count after a count of a plural noun, with no noun of
    its own, counts the same thing (the noun is elided), not the nearest noun before it."""
    for a, b in zip(cands, cands[1:]):
        named = a.counted or a.kind == "vague" and " of " in sentence[a.start:a.text_end]  # "thousands of workers"
        if not (named and a.unit is None and a.label and _PLURAL_END.search(a.label)):
            continue
        if b.unit is not None or b.counted or b.label_from not in ("back", ""):
            continue
        if _OF_AFTER.match(sentence, b.text_end) or _OF_A_NOUN.search(sentence, b.start, b.text_end):
            continue  # "5 of the 13 spending measures", "thousands of others": named after ("hundreds of thousands" is not)
        b.label = a.label


_CHANGE_GAP = re.compile(r",\s+(?:up|down)\s+(?:by\s+)?", re.I)


def _changes_of_a_level(sentence: str, cands: list[_Cand]) -> None:
    """'bought 208,560 new vehicles this year, down 5 percent', 'totalled 21,918 billion yen,
    up 37.4 pct': a change set after a level, by a comma, is the change of that level."""
    for a, b in zip(cands, cands[1:]):
        if a.label and a.label_from not in ("unit", "rate") and b.unit == "%" and not b.counted and b.label_from in ("back", "unit", ""):
            if _CHANGE_GAP.fullmatch(sentence, a.text_end, b.text_start) or _CHANGE_AFTER_PERIOD.fullmatch(sentence, a.text_end, b.text_start):
                b.label = a.label


# "208,560 new vehicles this year, down": a period word may close the level
_CHANGE_AFTER_PERIOD = re.compile(r"\s+(?:this|last|a)\s+(?:year|month|week|quarter)(?:\s+(?:earlier|ago))?,\s+(?:up|down)\s+(?:by\s+)?", re.I)


_FROM_GAP = re.compile(r"\s+from\s+", re.I)

_VERSUS_GAP = re.compile(r"\s*,?\s*(?:vs\.?|versus|against|compared with|compared to)\s+", re.I)


def _comparisons(sentence: str, cands: list[_Cand]) -> None:
    """'9.7 mln tonnes vs 10.6 mln': the number compared with a figure is the same kind of thing,
    so one without a unit or noun of its own takes the figure's unit and label."""
    for a, b in zip(cands, cands[1:]):
        if a.label and (a.unit or a.counted or a.label_from == "row") and b.unit is None and not b.counted and b.label_from in ("back", "unit", ""):
            if _VERSUS_GAP.fullmatch(sentence[a.text_end:b.text_start]):
                b.unit, b.label = a.unit, a.label  # "Revs 5,944,286 vs 5,902,074": the same row
        if a.label and a.unit and b.unit == a.unit and not b.counted and b.label_from in ("back", "unit", ""):
            if _FROM_GAP.fullmatch(sentence[a.text_end:b.text_start]):
                b.label = a.label  # "gearing down to 63 pct from 65 pct": the level before, of the same thing


def _apply_ranges(sentence: str, cands: list[_Cand]) -> None:
    """'85-90 mln ton', 'five to 10 cts', '75,000 to 100,000 barrels': the first takes the second's scale and unit."""
    _elided_counts(sentence, cands)
    for a, b in zip(cands, cands[1:]):
        gap = sentence[a.text_end:b.start]
        if _AND_GAP.fullmatch(gap) and _BETWEEN_END.search(sentence[: a.text_start]) and a.label and b.label_from in ("unit", "back", "") and not b.counted:
            # "559,219 shares, or 12.4 pct": the percentage is the holder's stake, not shares
            b.label = "stake" if b.unit == "%" and a.label.split()[-1].lower() in _SHARE_WORDS else a.label
        if a.unit is None and not a.counted and _RANGE_GAP.fullmatch(gap):
            # "400 mln to 500 mln dlrs": a first number with its own scale still takes the unit
            if not a.has_scale and b.has_scale and b.kind != "vague" and (b.value or 0) * b.scale >= (a.value or 0):
                a.scale, a.has_scale = b.scale, True
            if b.unit:
                a.unit = b.unit
            if b.label and (not a.label or b.unit or b.counted and a.label_from in ("back", "unit", "")):
                a.label = b.label  # "affect 280,000 to 300,000 people": both count people
