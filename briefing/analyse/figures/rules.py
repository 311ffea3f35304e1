"""Named rules on a sentence's figures: what is not a figure (identifiers, scores, ages in
passing, frequencies, the second half of a conversion) and what must read right (wire mixed
numbers, signs, hyphen measures). Each takes (sentence, offset, figures) and returns figures."""

from __future__ import annotations

import re
from .model import Figure
from .phrases import _singular, _verbish
from .words import _PRODUCT_SIZES, _SMALL, _STOP


# ------------------------------------------------------------------ rules on a sentence's figures
# Each takes (sentence, offset of the sentence, its figures) and returns the figures to keep.

_CONVERSION_GAP = re.compile(r"\s*\(\s*(?:(?:about|some|roughly|around|nearly|almost|approximately|or)\s+)?(?:minus\s+)?$", re.I)

_CLOSES_PARENTHESIS = re.compile(r"\s*\)")

_MEASURE_END = re.compile(r"(?:[A-Za-z]{2,}\.?|%|°[CF]?)$")  # a number with its unit or noun


def _drop_conversions(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """The second half of a unit conversion: "217 kilometers (134 miles)", "minus 20 degrees
    Celsius (minus 4 Fahrenheit)" — a measure in parentheses right after another measure."""
    out: list[Figure] = []
    for f in figures:
        prev = out[-1] if out else None
        if prev is not None and _MEASURE_END.search(prev.text) and _MEASURE_END.search(f.text):
            gap = sentence[prev.end - offset:f.start - offset]
            if _CONVERSION_GAP.fullmatch(gap) and _CLOSES_PARENTHESIS.match(sentence, f.end - offset):
                continue
        out.append(f)
    return out


_TIMES_AFTER = re.compile(r"\s+times\b", re.I)


def _drop_frequencies(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """"won silver eight times", "three times a week": how often, not how many of a thing.
    A multiplier stays: "three times as many", "10 times higher", "five times the size"."""
    out = []
    for f in figures:
        end = f.end - offset
        if f.text.lower().endswith(" times"):
            times_end = end
        else:
            m = _TIMES_AFTER.match(sentence, end)
            times_end = m.end() if m else None  # type: ignore[assignment]
        if times_end is not None and not _MULTIPLIER_AFTER.match(sentence, times_end):
            continue
        out.append(f)
    return out


_MULTIPLIER_AFTER = re.compile(r"\s+(?:as|more|less|higher|lower|larger|bigger|greater|smaller|faster|the|that|over|above)\b", re.I)


_MINUS_BEFORE = re.compile(r"(?:\bminus\s+|\bnegative\s+|(?<![\w.,])[-−])$", re.I)


def _keep_signs(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """"minus 20 degrees": the sign is part of the figure, in its text and value."""
    out = []
    for f in figures:
        lo, hi = max(0, f.start - offset - 12), f.start - offset
        window = sentence[lo:hi]
        if not ("-" in window or "−" in window or "inus" in window or "egative" in window):
            out.append(f)
            continue
        m = _MINUS_BEFORE.search(sentence, lo, hi)
        if m and f.value is not None and f.value > 0:
            start = offset + m.start()
            f = Figure(sentence[m.start():f.end - offset], -f.value, f.unit, f.qualifier, f.label, sentence, start, f.end)
        out.append(f)
    return out


_NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?:[A-Z][\w-]*|[a-z]+[A-Z][\w-]*)[ \xa0]$")

_SENTENCE_START_WORD = re.compile(r"^\W*[A-Z][\w-]*[ \xa0]$")

_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)*")

_GLUED_IDENTIFIER = re.compile(r"[-–]?\d*[A-Z]\b|[-–]\d{1,2}\b(?!\s*(?:%|pct|per))|/")

_GLUED_BEFORE = re.compile(r"(?:[A-Za-z][:/]|[/_])$")

_MODEL_HEAD = re.compile(r"\d{3,}[-–]$")


def _drop_identifiers(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """Numbers that name things rather than count them: "iPhone 11", "Mac OS X 10.14",
    "Nikkei 225", "Flight 111" (a bare number right after a name word), "787-9" and "5-1A"
    (glued to letters or to a second short number), "Firefox/65.0", "rv:65.0" (glued to a
    name by a slash or colon), "Group of Seven" (a capitalised number word inside a name)."""
    out = []
    for f in figures:
        start, end = f.start - offset, f.end - offset
        bare = not f.unit and _PLAIN_NUMBER.fullmatch(f.text.split(" ")[0]) is not None
        if bare:
            before = sentence[max(0, start - 40):start]
            if _NAME_BEFORE.search(before) and not _SENTENCE_START_WORD.match(sentence, 0, start):
                continue
            if _GLUED_BEFORE.search(before) or _MODEL_HEAD.search(before):
                continue
        if _PLAIN_NUMBER.fullmatch(f.text) and _GLUED_IDENTIFIER.match(sentence, end) and not f.unit:
            continue
        first = f.text.split(" ")[0]
        if first[:1].isupper() and first.lower() in _SMALL and start > 0 and sentence[:start].strip():
            continue  # "Group of Seven", "the Big Three": not at the start of the sentence
        out.append(f)
    return out


_SCORE_BEFORE = re.compile(r"\b(?:score|scores|scored|scoring|rated|rating)\s+(?:of\s+)?$", re.I)

_AGE_BEFORE = re.compile(r"\b(?:as (?:young|old) as|(?:older|younger) than|aged?|ages)\s+$", re.I)
_SCORE_OR_AGE_BEFORE = re.compile(f"{_SCORE_BEFORE.pattern}|{_AGE_BEFORE.pattern}", re.I)  # one search, not two


def _drop_scores_and_ages(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """"a score of 409.30", "as young as 12 and none older than 20": scores and ages in passing."""
    out = []
    for f in figures:
        before = sentence[max(0, f.start - offset - 30):f.start - offset]
        if _SCORE_OR_AGE_BEFORE.search(before):
            continue
        out.append(f)
    return out


_WIRE_FRACTION = re.compile(r"[ \xa0]([1-7])-([2348])\b(?:[ \xa0]+([a-z]+))?")


def _wire_mixed_numbers(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """Wire copy writes 2½ as "2 1-2": one figure, 2.5, with the noun after it."""
    out: list[Figure] = []
    skip_until = -1
    for f in figures:
        if f.start < skip_until:
            continue
        end = f.end - offset
        m = _WIRE_FRACTION.match(sentence, end) if _PLAIN_NUMBER.fullmatch(f.text) and f.value is not None else None
        if m and int(m.group(1)) < int(m.group(2)):
            value = f.value + int(m.group(1)) / int(m.group(2))  # type: ignore[operator]
            label = m.group(3) or f.label
            f = Figure(sentence[f.start - offset:m.end()], value, f.unit, f.qualifier, label, sentence, f.start, offset + m.end())
            skip_until = f.end
        out.append(f)
    return out


_HYPHEN_MEASURE = re.compile(r"[\d,.]+-([a-z]+)")

_LOWER_WORD_AFTER = re.compile(r"[ \xa0]+([a-z]+)\b")

_CAPITAL_AFTER = re.compile(r"[ \xa0]+[A-Z]")


def _hyphen_measures(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """"a 10-page response" is the size of a response: labelled by the noun it describes, not
    "pages"; a size before a name ("16-inch MacBook Pro") is part of a product's name."""
    out = []
    for f in figures:
        m = _HYPHEN_MEASURE.fullmatch(f.text)
        if m:
            end = f.end - offset
            if m.group(1) in _PRODUCT_SIZES and _CAPITAL_AFTER.match(sentence, end):
                continue
            head = _noun_phrase_head(sentence, end)
            if head and _singular(f.label.lower()) == _singular(m.group(1)):
                f = Figure(f.text, f.value, f.unit, f.qualifier, head, sentence, f.start, f.end)
        out.append(f)
    return out


def _noun_phrase_head(sentence: str, pos: int, limit: int = 3) -> str | None:
    """The last of up to three lower-case words after `pos` before a function word or verb:
    "response" in "… response to the US", "line" in "… main underground line can"."""
    head = None
    for _ in range(limit):
        m = _LOWER_WORD_AFTER.match(sentence, pos)
        if not m or m.group(1) in _STOP or _verbish(m.group(1)):
            break
        head, pos = m.group(1), m.end()
    return head


_FIGURE_RULES = (
    _drop_identifiers, _drop_scores_and_ages, _wire_mixed_numbers, _hyphen_measures,
    _drop_conversions, _drop_frequencies, _keep_signs,
)
