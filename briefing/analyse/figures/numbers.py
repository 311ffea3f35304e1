"""Number cores: digits, mixed numbers, number words, their values."""

from __future__ import annotations

import re
from dataclasses import dataclass
from .words import _SMALL, _TENS


# ------------------------------------------------------------------ number cores

_DIGITS = re.compile(
    r"(?P<mixed>\d{1,4}-\d{1,2}/\d{1,3})(?![\d/])"
    r"|(?P<frac>\d{1,2}/\d{1,3})(?![\d/.])"
    r"|(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
)

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.&-]*[A-Za-z']|[A-Za-z]|\d[\d,./-]*\d|\d|[^\sA-Za-z\d]")


@dataclass
class _Cand:
    start: int  # of the number core, in the sentence
    end: int
    value: float | None
    kind: str  # "digits", "word", "vague", "ratio", "fraction"
    plain_int: bool = False  # digits without separators, decimals or fractions
    text_start: int = 0
    text_end: int = 0
    unit: str | None = None
    qualifier: str | None = None
    label: str = ""
    label_from: str = ""  # "np", "of", "back", "unit", "hyphen"
    counted: bool = False  # a counted noun follows directly
    scale: float = 1.0
    has_scale: bool = False
    hyphen_word: str | None = None


def _parse_digits(m: re.Match) -> tuple[float | None, bool]:
    try:
        if m.group("mixed"):
            whole, frac = m.group("mixed").split("-", 1)
            n, d = frac.split("/")
            return (float(whole) + float(n) / float(d), False) if float(d) and float(n) < float(d) else (None, False)
        if m.group("frac"):
            n, d = m.group("frac").split("/")
            return (float(n) / float(d), False) if float(d) and float(n) < float(d) else (None, False)
        raw = m.group("num")
        return float(raw.replace(",", "")), ("," not in raw and "." not in raw)
    except (ValueError, ZeroDivisionError):
        return None, False


def _word_value(word: str) -> float | None:
    w = word.lower()
    if w in _SMALL:
        return float(_SMALL[w])
    if w in _TENS:
        return float(_TENS[w])
    if "-" in w:
        a, b = w.split("-", 1)
        if a in _TENS and b in _SMALL:
            return float(_TENS[a] + _SMALL[b])
    return None
