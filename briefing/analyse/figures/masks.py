"""Spans of a sentence that are never figures: URLs, phone numbers, dates, times, tallies,
ages, year spans. Every pattern is linear on hostile input (bounded repeats, no nested
unbounded runs)."""

from __future__ import annotations

import re
from ...text.prefilter import may_contain
from .words import _MONTHS, _WEEKDAYS


# ------------------------------------------------------------------ masks (spans that are never figures)

# Linear on hostile input: e-mail and domain matches start only where a token starts and their
# runs are bounded, so a long run of "@" or of letters is scanned once, not once per position
# (the former `\S+@\S+\.\w+` was cubic on a 1,100-character run of "@" after a number).
_URLISH = re.compile(
    r"\b(?:https?://|www\.)\S+"
    r"|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}"
    r"|(?<![\w./-])[\w-]{1,63}(?:\.[\w-]{1,63}){0,6}\.(?:com|org|net|gov|edu|co\.uk|html?|php)\b(?:[/?#]\S{0,300})?",
    re.I,
)

_PHONE = re.compile(r"(?<![\d,.])(?:\+\d{1,3}[\s.-]?|1-(?=\d{3}-))?(?:\(\d{2,4}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\d,])")

_NUMERIC_DATE = re.compile(r"(?<![\d.,])(?:(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?![\d,.]\d)|\d{1,2}([/.-])\d{1,2}\1(?:19|20)?\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})(?![\d])")

_DATE = re.compile(
    r"\b%s\.?,?\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and)\s*\d{1,2}(?:st|nd|rd|th)?)?(?![\d,.]\d)(?:,?\s+(?:19|20)\d{2})?"
    r"|\b\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:-|–|and)\s*\d{1,2}(?:st|nd|rd|th)?)?\s+(?:of\s+)?%s\b(?:\.?,?\s+(?:19|20)\d{2})?"
    r"|\b%s\.?\s+(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\b"
    r"|\b(?:%s),?\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\b" % (_MONTHS, _MONTHS, _MONTHS, _WEEKDAYS)
)

_TIME = re.compile(
    r"(?<![\d.,])\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:a\.?m\.?|p\.?m\.?|am|pm|hrs|h|GMT|UTC|[ECMP][SD]T|BST|CET))?(?![\d])"
    r"|(?<![\d.,])\d{1,2}\.\d{2}\s*(?:a\.?m\.?|p\.?m\.?|am|pm|hrs|GMT|UTC|[ECMP][SD]T|BST|CET)(?![\w])"
    r"|(?<![\d.,])\d{1,2}(?:\s*|\.)(?:a\.m\.?|p\.m\.?|am|pm)(?![\w])"
    r"|(?<![\d.,])\d{4}(?:\s*(?:and|to|-|–)\s*\d{4})?\s*(?:GMT|UTC|[ECMP][SD]T|BST|CET|hrs|hours? (?:GMT|local)|local time|local)\b"
    r"|(?<![\d.,])0\d{3}(?![\d,.])"
    r"|\b\d{1,2}\s+o'clock\b",
    re.I,
)

_TALLY = re.compile(
    r"\b(?:voted|vote of|votes of|by a vote of|margin of|won|lost|beat|defeated|drew|draw|scored?|lead|led|trailing|trails?)\s+"
    r"\d{1,3}\s*(?:-|–|to)\s*\d{1,3}(?![\d,.]*\s*(?:%|pct|per ?cent|mln|million|billion))"
    r"|\b\d{1,3}\s*(?:-|–|to)\s*\d{1,3}\s+(?:vote|votes|decision|win|victory|defeat|draw|loss|lead|majority|margin|verdict|ruling)\b"
    r"|\b(?:approved|passed|rejected|adopted|confirmed|defeated)\s*,?\s+\d{1,3}\s*[-–]\s*\d{1,3}\b"  # "the House approved, 300-125,"
    # a score before the result it names, past one modifier: "a 2-0 half-time deficit", "the 4-1 scoreline"
    r"|(?<![\w.,/-])\d{1,2}\s*[-–]\s*\d{1,2}\s+(?:[a-z][\w-]*\s+)?(?:deficit|scoreline|score|triumph|rout|thrashing|drubbing|defeat|win|victory|loss|lead|draw|advantage|aggregate)\b"
    r"|(?<![\w.,/-])\d{1,2}-\d{1,2}(?=\s*(?:[.;)]|,\s|$|\s+(?:in|on|at|after|with|for|against|over|win|victory|vote|decision|lead|draw)\b))",
    re.I,
)

_AGE = re.compile(
    r"\b(?:[A-Z][a-z]+|[JS]r\.|\w+\))(?<!\bIn)(?<!\bOn)(?<!\bAt)(?<!\bBy),\s+(\d{1,3})(?=\s*(?:,|\)|;|$|\.\s|\.$|\s+(?:who|said|says|is|was|has|had|and|died|will|would)\b))"
    r"|\b(?:aged|age|ages|aged between)\s+(?:of\s+)?(?:between\s+)?\d{1,3}(?:\s*(?:-|to|and)\s*\d{1,3})?"
    r"|(?<![\d,.])\b\d{1,3}(?:\s+|-)years?(?:\s+|-)old\b"
    r"|\b(?:in (?:his|her|their) )(?:early |mid-|late )?\d0s\b"
    # "when he was 19,", "since I was 17 (", "his brother Omar, then 24,": a person's age in passing
    r"|\b(?:[Hh]e|[Ss]he|I|[Ww]e|[Tt]hey|[Yy]ou)\s+(?:was|is|were|are|turned|turns)\s+\d{1,2}(?=\s*(?:[,;)(]|\.(?:\s|$)|$))"
    r"|(?<=,)\s+(?:then|now)\s+\d{1,2}(?=\s*[,;)])"
)

# a span of years, (1828-1893), 2004-2017: the second part may be two digits (1998-99)
_YEAR_RANGE = re.compile(r"(?<![\d,.$])(?:1[5-9]\d\d|20\d\d)\s*[-–]\s*(?:1[5-9]\d\d|20\d\d|\d\d)(?![\d%]|[,.]\d)(?=\s*(?:[),.;:]|$|\s+(?:period|season|war|era)\b))")

_UNIT_STATEMENT = re.compile(r"(?<!\bof )\bin (?:tens of |hundreds of )?(?:thousands|millions|billions|hundreds) of (?:tonnes|tons|dollars|dlrs|barrels|bags|bales|units|pounds|marks|yen|francs|euros|stg|sterling)\b", re.I)


# Each mask with a cheap pattern that every match of it contains (None: no cheaper test): most
# sentences have no time, tally or URL, and scanning them with the full patterns' lookbehinds
# and alternatives was a fifth of figure extraction. A precheck may say yes wrongly, never no.
# Before it, words one of which every match contains, looked for in the ASCII-lowercased sentence
# (`may_contain`): a case-insensitive precheck still scans every position, a substring test does not.
_MASKS = (
    (_URLISH, ("http", "www.", "@", ".com", ".org", ".net", ".gov", ".edu", ".co.uk", ".htm", ".php"),
     re.compile(r"https?://|www\.|@|\.(?:com|org|net|gov|edu|co\.uk|html?|php)", re.I)),
    (_PHONE, None, re.compile(r"\d{3}[\s.-]\d{4}")),
    (_NUMERIC_DATE, None, re.compile(r"\d{8}|\d[/.-]\d{1,2}[/.-]\d{2}")),
    (_DATE, None, re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun")),
    (_TIME, None, re.compile(r"\d:\d|\d[\s.]*(?:a\.?m|p\.?m|hrs|gmt|utc|[ecmp][sd]t|bst|cet|hour|local)|0\d{3}|o'clock", re.I)),
    (_TALLY, None, re.compile(r"\d\s*(?:-|–|to)\s*\d", re.I)),
    (_AGE, None, re.compile(r",\s+\d|age|old\b|in (?:his|her|their) |(?:was|is|were|are|turned|turns|then|now)\s+\d")),
    (_UNIT_STATEMENT, ("thousands", "millions", "billions", "hundreds"), None),
    (_YEAR_RANGE, None, re.compile(r"\d\d\d\d\s*[-–]\s*\d\d")),
)


def _masks(sentence: str, low: str | None) -> list[tuple[int, int]]:
    """`low`: `ascii_lower(sentence)`."""
    spans: list[tuple[int, int]] = []
    for pattern, words, precheck in _MASKS:
        if words is not None and not may_contain(low, words):
            continue
        if precheck is None or precheck.search(sentence):
            spans.extend(m.span() for m in pattern.finditer(sentence))
    return spans


def _masked(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)
