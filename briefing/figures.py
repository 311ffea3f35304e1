"""Key figures: the numbers in an article together with what they count.

`extract_figures(text)` finds every figure a reader would quote — "more than 130,000 troops",
"about 4,500 such sites" (bomb shelters), "2.5 million people", "250,000-strong military",
"$1.5bn", "3.2%", "one in five", "tens of thousands of troops" — with its parsed value, unit,
qualifier, the counted noun (label), its sentence and its offsets in the text.
`merge_figures` joins the figures of a story's articles, flags disagreements, and ranks them.

Decisions (what is and is not a figure):

* Figures are counts, money, percentages, ratios ("one in five" -> 0.2, "two-thirds" -> 0.667),
  measures (distance, weight, volume, size, price levels, index points) and bare levels
  ("fell 508 points to 1738").
* Vague magnitudes ("thousands of", "tens of thousands of troops", "billions of dollars") are
  figures with `value=None`: they say something about size but no number to compare or rank.
* Spelled-out numbers are figures when they quantify ("three Iranian boats", "five mln
  barrels", "four pct", "at least three", "two more"), not when they refer ("the two sides",
  "all three companies"). "one" alone is never a figure ("one volley", "one of"), only with a
  scale or unit or in a ratio ("one mln shares", "one ct", "one in 10"). "half" is never one.
* Money keeps the stated unit: cents stay cents ("26 cts" -> 26, unit "cents"), pence stay
  pence; scale words multiply ("$1.5bn" -> 1.5e9 USD, "5.5 mln tonnes" -> 5.5e6 tonnes).
* Ranges give one figure per number; the first takes the unit and scale of the second
  ("85-90 mln ton" -> 85e6 and 90e6 tons, "five to 10 cts" -> 5 and 10 cents).
* Never figures: years ("in 2014", "a 2015 peace deal", "end-1986", "1986/87", "1990s"),
  dates ("Feb. 14", "February 13", "14 February", "April 27-29", "July One"), ordinals
  ("16th", "8th, 49th and 58th"), times ("10:30", "1000 GMT", "3 p.m."), durations and ages
  ("six hours", "the last 48 hours", "a 10-year note", "Cyr, 44,", "aged 55", "36-year-old"),
  model and unit names (T-72, T-72B3, MiG-31, Su-34, Mi-26, E95, TOS-1A, Covid-19, 82nd
  Airborne, Courage-2022, Boeing 737 and the list after it, Radio 5, Chapter 11, Section 416),
  vote tallies and scores ("voted 58 to 31", "a 5-0 vote", "majority to 9-8", "3-1"), phone
  numbers, page and reference numbers ("page 3", "No. 2", "band two"), numbers inside URLs,
  e-mail addresses and identifiers, and unit statements ("in thousands of tonnes").

Everything is regular expressions over one sentence at a time (plus the sentence before it to
resolve "such sites"): no model, no download, linear in the text, and it never raises.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from .prefilter import ascii_lower, may_contain
from .sentences import sentence_spans

__all__ = ["Figure", "MergedFigure", "extract_figures", "figure_records", "merge_figures"]


@dataclass(frozen=True)
class Figure:
    text: str  # as written, with qualifier: "more than 130,000 troops", "$1.5bn", "3.2%", "one in five"
    value: float | None  # 130000, 1.5e9, 3.2, 0.2; None for vague magnitudes ("thousands of")
    unit: str | None  # "%", "USD", "GBP", "cents", "km", "tonnes", ... None for plain counts
    qualifier: str | None  # "more than", "about", "up to", "an extra", ...
    label: str  # what it counts or measures: "troops", "bomb shelters", "military"
    sentence: str
    start: int  # offsets of `text` in the article text
    end: int


@dataclass
class MergedFigure:
    text: str
    value: float | None
    label: str
    sentence: str
    article: str  # id of the article the shown figure comes from
    also_in: list[str] = field(default_factory=list)  # other articles stating the same figure
    conflicts: list[str] = field(default_factory=list)  # texts of figures that disagree about the same thing
    score: float = 0.0
    unit: str | None = None
    qualifier: str | None = None


# ------------------------------------------------------------------ vocabulary

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "millions": 1e6,
    "billion": 1e9, "bln": 1e9, "bn": 1e9, "billions": 1e9, "trillion": 1e12, "trln": 1e12, "tn": 1e12,
    "lakh": 1e5, "crore": 1e7,
}
_ATTACHED_SCALES = {"bn": 1e9, "b": 1e9, "m": 1e6, "mn": 1e6, "k": 1e3, "tn": 1e12, "trn": 1e12}
_FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
}
_VAGUE = {"dozens": 12, "scores": 20, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12}

_CURRENCY_SYMBOLS = [
    ("US$", "USD"), ("U.S.$", "USD"), ("C$", "CAD"), ("A$", "AUD"), ("NZ$", "NZD"), ("HK$", "HKD"), ("S$", "SGD"),
    ("$", "USD"), ("£", "GBP"), ("€", "EUR"), ("¥", "JPY"), ("₹", "INR"), ("₽", "RUB"), ("₴", "UAH"), ("Rs.", "INR"), ("Rs", "INR"),
]
# Currency and unit words after a number: (regex, unit). Longest first; matched case-insensitively.
_CURRENCY_WORDS = [
    (r"(?:u\.?s\.?|american) (?:dlrs?|dollars?)", "USD"), (r"canadian (?:dlrs?|dollars?)", "CAD"),
    (r"australian (?:dlrs?|dollars?)", "AUD"), (r"new zealand (?:dlrs?|dollars?)", "NZD"),
    (r"hong kong (?:dlrs?|dollars?)", "HKD"), (r"singapore (?:dlrs?|dollars?)", "SGD"),
    (r"taiwan (?:dlrs?|dollars?)", "TWD"), (r"swiss francs?", "CHF"), (r"french francs?", "FRF"),
    (r"belgian francs?", "BEF"), (r"(?:deutsche|d-)marks?", "DEM"), (r"swedish (?:crowns|kronor|krona)", "SEK"),
    (r"danish (?:crowns|kroner|krone)", "DKK"), (r"norwegian (?:crowns|kroner|krone)", "NOK"),
    (r"pounds? sterling", "GBP"), (r"dlrs?|dollars?", "USD"), (r"stg|sterling", "GBP"), (r"euros?", "EUR"),
    (r"yen", "JPY"), (r"yuan|renminbi", "CNY"), (r"marks", "DEM"), (r"francs?", "FRF"), (r"lire|lira", "ITL"),
    (r"guilders?", "NLG"), (r"pesetas?", "ESP"), (r"schillings?", "ATS"), (r"rupees?", "INR"), (r"ringgit", "MYR"),
    (r"rand", "ZAR"), (r"pesos?", "pesos"), (r"roubles?|rubles?", "RUB"), (r"hryvnias?", "UAH"), (r"riyals?", "SAR"),
    (r"zlotys?|zloty", "PLN"), (r"shekels?", "ILS"), (r"baht", "THB"), (r"rupiah", "IDR"), (r"naira", "NGN"),
    (r"dinars?", "dinars"), (r"crowns", "crowns"), (r"cents?|cts?", "cents"), (r"pence|penny", "pence"),
]
_UNIT_WORDS = [
    (r"per ?cent|percent|pct", "%"), (r"percentage points?", "percentage points"), (r"basis points?|bps?", "bp"),
    (r"points?|pts", "points"),
    (r"square (?:kilometres|kilometers|km)|sq\.? km|km2", "km2"), (r"square miles?|sq\.? miles?", "sq mi"),
    (r"cubic (?:metres|meters)", "m3"), (r"kilometres|kilometers|kilometre|kilometer|kms?", "km"),
    (r"miles per hour|mph", "mph"), (r"km/h|kph", "km/h"),
    (r"nautical miles?", "nmi"), (r"miles?", "mi"), (r"metres|meters|metre|meter", "m"), (r"centimetres|centimeters|cm", "cm"),
    (r"millimetres|millimeters|mm", "mm"), (r"feet|foot|ft", "ft"), (r"inches|inch", "in"), (r"yards?", "yd"),
    (r"kilogrammes|kilograms?|kilos?|kgs?", "kg"), (r"grammes|grams?", "g"), (r"metric tonnes|metric tons|tonnes?|tons?", "tonnes"),
    (r"short tons?", "short tons"), (r"ounces?|ozs?", "oz"), (r"lbs?", "lb"),
    (r"barrels per day|bpd|b/d", "barrels/day"), (r"barrels?|bbls?", "barrels"), (r"gallons?", "gallons"),
    (r"litres|liters|litre|liter", "litres"), (r"bushels?", "bushels"), (r"bales?", "bales"), (r"bags?", "bags"),
    (r"acres?", "acres"), (r"hectares?", "ha"), (r"megawatts?|mw", "MW"), (r"gigawatts?|gw", "GW"), (r"kilowatts?|kw", "kW"),
    (r"degrees? (?:centigrade|celsius)", "°C"), (r"degrees? fahrenheit", "°F"), (r"degrees?", "degrees"),
    (r"megabytes?|mb", "MB"), (r"gigabytes?|gb", "GB"), (r"kilobytes?|kb", "KB"), (r"knots?", "knots"),
    (r"times", "times"), (r"fold", "times"),
]


class _WordList:
    """Currency or unit words as one regex: the first entry of the list that matches at a
    position wins, as a loop over the entries would (an alternation tries its branches in
    order), but in one call instead of up to 60 (`_expand` asks for every number)."""

    def __init__(self, entries: list[tuple[str, str]]):
        self.patterns = [(re.compile(r"(?:%s)(?![\w])" % p, re.I), u) for p, u in entries]
        self._units = [u for _, u in entries]
        self._any = re.compile("|".join(r"((?:%s)(?![\w]))" % p for p, _ in entries), re.I)

    def match_at(self, text: str, pos: int) -> tuple[re.Match | None, str | None]:
        m = self._any.match(text, pos)
        return (m, self._units[m.lastindex - 1]) if m else (None, None)


_CUR_RE = _WordList(_CURRENCY_WORDS)
_UNIT_RE = _WordList(_UNIT_WORDS)
# Units that measure something else: the label comes from "of X" when there is one.
_MEASURE_UNITS = {
    "km", "mi", "m", "cm", "mm", "ft", "in", "yd", "kg", "g", "tonnes", "short tons", "oz", "lb", "barrels", "barrels/day",
    "gallons", "litres", "bushels", "bales", "bags", "acres", "ha", "km2", "sq mi", "m3", "MW", "GW", "kW", "nmi",
}
_ATTACHED_UNITS = {
    "%": "%", "km": "km", "m": "m", "mm": "mm", "cm": "cm", "kg": "kg", "g": "g", "t": "tonnes", "ft": "ft",
    "mi": "mi", "p": "pence", "c": "cents", "mw": "MW", "gw": "GW", "kw": "kW", "mb": "MB", "gb": "GB", "kb": "KB",
    "mph": "mph", "kph": "km/h", "bpd": "barrels/day", "x": "times", "pc": "%",
}
_TIME_UNITS = re.compile(
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|wks?|months?|mths?|mos?|years?|yrs?|decades?|"
    r"centuries|century|quarters?|qtrs?|semesters?|sessions?|weekends?|fortnights?|times? a (?:day|week|year))(?![\w])",
    re.I,
)
_RATE = re.compile(
    r"(?:\s*(?:a|an|per|each)\s+(?:day|week|month|year|share|shr|ounce|oz|barrel|tonne|ton|short ton|gram|kilo|kg|pound|lb|"
    r"gallon|litre|liter|hour|head|person|capita|bushel|unit|dozen|pound|mile|km|kilometre|kilometer|metre|meter)"
    r"|\s*(?:daily|annually|a year|yearly|monthly|weekly)|(?:-a-share|-a-barrel|-an-ounce|-a-year))(?![\w])",
    re.I,
)
_QUALIFIERS = sorted(
    [
        "more than", "well over", "well above", "well below", "well under", "just over", "just under", "just above",
        "just below", "slightly more than", "slightly less than", "a little more than", "a little over", "far more than",
        "over", "about", "around", "roughly", "approximately", "approx.", "some", "nearly", "almost", "close to",
        "up to", "at least", "at most", "no more than", "not more than", "no fewer than", "less than", "fewer than",
        "under", "below", "above", "as many as", "as much as", "as high as", "as low as", "as few as", "as little as",
        "upwards of", "in excess of", "an estimated", "estimated", "an extra", "a further", "another", "an additional",
        "only", "just", "a record", "a total of", "an average of", "on average", "circa", "c.", "~", "possibly",
        "perhaps", "maybe", "almost exactly", "exactly", "precisely", "at the most", "at the least", "a mere", "a whopping",
        "between",
    ],
    key=len,
    reverse=True,
)
_QUALIFIER_RE = re.compile(
    r"(?:^|(?<=[\s(\"'“‘—–-]))(" + "|".join(re.escape(q) for q in _QUALIFIERS) + r")\s+$", re.I
)
_INCREMENT_QUALIFIERS = {"an extra", "a further", "another", "an additional"}

_STOP = set(
    """a an the and or nor but of in on at to from by for with as than that which who whom whose this these those it its
    they their them he his him she her we our us you your i me my is are was were be been being has have had having
    will would can could may might must shall should do does did done not no if when while where after before since
    until into onto over under about around near per up down out off so also only just still yet all each every both
    either neither any more most less least many much few several other another there here then now today tonight
    yesterday tomorrow said says say saying told according including via vs versus against between among within
    without during through across toward towards along behind beyond upon amid amidst despite because whether though
    although unless whereas how what why due like unlike worth plus minus respectively already again ago
    previously earlier later currently recently nearly almost about some such own same
    """.split()
)
_NP_STOP_EXTRA = {"year", "years", "month", "months", "week", "weeks", "day", "days", "last", "next", "first", "second"}
_ADJ_DROP = set(
    """new extra additional other further more some such same current existing remaining former few big small large
    major minor key main last next first second third fourth latest recent possible potential estimated approximately
    overall many several various certain different own whole entire roughly nearly almost about extra-large
    """.split()
)
_IRREGULAR_PLURALS = {
    "people", "personnel", "staff", "police", "military", "cattle", "livestock", "children", "men", "women", "crude",
    "equipment", "aircraft", "data", "media", "sheep", "fish", "deer", "swine", "poultry", "clergy", "youth", "infantry",
    "artillery", "cavalry", "crew", "stock", "stocks", "troops", "feet", "teeth", "mice", "geese",
}
_SINGULAR_S = {"news", "gas", "bus", "status", "series", "species", "means", "bonus", "census", "chassis", "corps", "virus",
               "crisis", "basis", "analysis", "thesis", "axis", "canvas", "campus", "plus", "surplus", "loss", "process",
               "business", "access", "press", "class", "glass", "mass", "congress", "progress", "success", "address"}
# What money and percentages are usually about (general economic vocabulary, for the label).
_MEASURE_NOUNS = set(
    """income profit profits sales revenue revenues revs earnings earning loss losses assets asset debt debts capital cost
    costs price prices dividend dividends deficit surplus exports export imports import output production consumption
    demand supply supplies reserves reserve stake interest share shares yield yields rate rates inflation growth
    unemployment gdp budget spending aid loan loans bid bids offer offers charge charges gain gains volume index average
    tax taxes tariff tariffs fine fines value stocks inventories purchases purchase capacity crop crops harvest catch
    turnover holdings premium bonus bonuses balance net shr shrs payment payments fee fees salary salaries wage
    wages pay funding fund funds bill investment investments subsidy subsidies contract deal deals sale acquisition
    valuation worth savings deposits deposit credit credits borrowing borrowings issue notes bonds debentures coupon
    acceptance majority margin level levels range distance toll casualties deaths death fare fares rent rents
    shortfall shortage estimate forecast target quota quotas allocation allocations order orders backlog writedown
    provision provisions decline rise range fall increase drop cut temperature temperatures offering
    """.split()
)
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
)
_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_REFERENCE_WORDS = set(
    """page pages p pp no nos number numbers chapter chapters section sections article articles rule rules form flight
    route highway interstate room line platform grade level phase stage round game item band tier class category
    division paragraph para clause resolution amendment version channel gate terminal pier runway building floor
    apartment suite box exhibit appendix table figure fig exit act verse episode season part volume vol issue
    district ward precinct lot block unit plot kilometre km mile post code zone sector square street avenue road
    model type mark series generation gen radio tv pl ch art sec cl ref
    """.split()
)
_FUNCTION_CAPS = {w.capitalize() for w in _STOP} | {
    "About", "Some", "Nearly", "Almost", "Over", "Only", "Just", "More", "Around", "Roughly", "Approximately", "Another",
    "Up", "At", "Fewer", "Less", "Exactly", "Estimated", "Possibly", "Perhaps", "Maybe", "Total", "Net", "Shr", "Shrs",
    "Revs", "Sales", "Loss", "Profit", "Income", "Earnings", "Turnover", "Div", "Qtly", "Avg", "Oper", "Revenues",
    "Revenue", "Assets", "Deposits", "Loans", "Dividend", "Record", "Prev", "Year", "Note", "Some", "Well",
}
_NUMBER_WORDS = "|".join(sorted(list(_SMALL) + list(_TENS), key=len, reverse=True))
_WORD_NUMBER = re.compile(
    r"(?<![\w-])((?:%s)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)(?![\w])" % "|".join(sorted(_TENS, key=len, reverse=True))
    + r"|(?<![\w-])(%s)(?![\w])" % "|".join(sorted(_SMALL, key=len, reverse=True)),
    re.I,
)

# ------------------------------------------------------------------ masks (spans that are never figures)

_URLISH = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+|\S+\.(?:com|org|net|gov|edu|co\.uk|html?|php)\S*", re.I)
_PHONE = re.compile(r"(?<![\d,.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\d,])")
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
    r"|(?<![\w.,/-])\d{1,2}-\d{1,2}(?=\s*(?:[.;)]|,\s|$|\s+(?:in|on|at|after|with|for|against|over|win|victory|vote|decision|lead|draw)\b))",
    re.I,
)
_AGE = re.compile(
    r"\b(?:[A-Z][a-z]+|[JS]r\.|\w+\))(?<!\bIn)(?<!\bOn)(?<!\bAt)(?<!\bBy),\s+(\d{1,3})(?=\s*(?:,|\)|;|$|\.\s|\.$|\s+(?:who|said|says|is|was|has|had|and|died|will|would)\b))"
    r"|\b(?:aged|age|ages|aged between)\s+\d{1,3}(?:\s*(?:-|to|and)\s*\d{1,3})?"
    r"|\b\d{1,3}(?:\s+|-)years?(?:\s+|-)old\b"
    r"|\b(?:in (?:his|her|their) )(?:early |mid-|late )?\d0s\b"
)
# a span of years, (1828-1893), 2004-2017: the second part may be two digits (1998-99)
_YEAR_RANGE = re.compile(r"(?<![\d,.$])(?:1[5-9]\d\d|20\d\d)\s*[-–]\s*(?:1[5-9]\d\d|20\d\d|\d\d)(?![\d%]|[,.]\d)(?=\s*(?:[),.;:]|$|\s+(?:period|season|war|era)\b))")
_UNIT_STATEMENT = re.compile(r"(?<!\bof )\bin (?:tens of |hundreds of )?(?:thousands|millions|billions|hundreds) of (?:tonnes|tons|dollars|dlrs|barrels|bags|bales|units|pounds|marks|yen|francs|euros|stg|sterling)\b", re.I)


# Each mask with a cheap pattern that every match of it contains (None: no cheaper test): most
# sentences have no time, tally or URL, and scanning them with the full patterns' lookbehinds
# and alternatives was a fifth of figure extraction. A precheck may say yes wrongly, never no.
_MASKS = (
    (_URLISH, re.compile(r"https?://|www\.|@|\.(?:com|org|net|gov|edu|co\.uk|html?|php)", re.I)),
    (_PHONE, re.compile(r"\d{3}[\s.-]\d{4}")),
    (_NUMERIC_DATE, re.compile(r"\d{8}|\d[/.-]\d{1,2}[/.-]\d{2}")),
    (_DATE, re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun")),
    (_TIME, re.compile(r"\d:\d|\d[\s.]*(?:a\.?m|p\.?m|hrs|gmt|utc|[ecmp][sd]t|bst|cet|hour|local)|0\d{3}|o'clock", re.I)),
    (_TALLY, re.compile(r"\d\s*(?:-|–|to)\s*\d", re.I)),
    (_AGE, re.compile(r",\s+\d|age|old\b|in (?:his|her|their) ")),
    (_UNIT_STATEMENT, None),
    (_YEAR_RANGE, re.compile(r"\d\d\d\d\s*[-–]\s*\d\d")),
)


def _masks(sentence: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for pattern, precheck in _MASKS:
        if precheck is None or precheck.search(sentence):
            spans.extend(m.span() for m in pattern.finditer(sentence))
    return spans


def _masked(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


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


# ------------------------------------------------------------------ helpers on words


def _is_plural(word: str) -> bool:
    w = word.lower().strip("'’")
    if w in _IRREGULAR_PLURALS:
        return True
    if w in _SINGULAR_S or len(w) < 3:
        return False
    if w.endswith("'s") or w.endswith("’s"):
        return w[:-2].isupper() or any(c.isdigit() for c in w)  # "747-SR's"
    return w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))


@functools.lru_cache(maxsize=65536)
def _singular(word: str) -> str:
    w = word.lower().strip("'’")
    if w in ("people", "persons"):
        return "person"
    if w in ("men", "women", "children"):
        return {"men": "man", "women": "woman", "children": "child"}[w]
    if w.endswith("'s") or w.endswith("’s"):
        w = w[:-2]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def _pluralize(phrase: str) -> str:
    words = phrase.split()
    if not words:
        return phrase
    last = words[-1]
    if _is_plural(last):
        return phrase
    if last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    else:
        last += "s"
    return " ".join(words[:-1] + [last])


def _tokens(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    return [(m.group(0), offset + m.start(), offset + m.end()) for m in _TOKEN.finditer(text)]


_VERBS = set(
    """is are was were be been has have had do does did rose rise rises fell fall falls grew grow grows jumped climbed
    dropped declined increased decreased gained lost total totals reached said says say cost run runs make makes made
    take takes took give gives gave put puts set sets sold sell sells buy buys bought raise raises generate generates
    deliver delivers transport transports opened closed traded stand stands stood include includes excludes exclude
    account accounts registered believe believes appears appear demands demand remain remains suffer suffers expects
    expect owned owns own will would could can may might must shall should get gets got went go goes came come comes
    become became becomes saw see sees show shows pay pays paid hit hits held hold holds won win wins plan plans
    added adds told tell tells estimated estimates called calls left leave leaves kept keep keeps""".split()
)
# Verb forms that are never the noun a number counts ("338 mln traded", "two more fell").
_HARD_VERBS = {v for v in _VERBS if not v.endswith("s") and v not in {
    "cost", "run", "make", "take", "give", "put", "set", "sell", "buy", "raise", "stand", "include", "exclude", "account",
    "demand", "remain", "plan", "hit", "hold", "pay", "show", "win", "leave", "keep", "call", "estimate", "total", "fall",
    "rise", "increase", "decrease", "decline", "drop", "gain", "own", "transport", "deliver", "suffer", "appear", "believe"}}
_NOT_NOUNS = {"throughout", "payable", "due", "together", "apiece", "respectively", "alone", "instead",
              "else", "too", "very", "well", "even", "ever", "never", "always", "often", "mostly", "largely"}


@functools.lru_cache(maxsize=65536)
def _nounish(tok: str) -> bool:
    if not tok:
        return False
    if tok[0].isdigit():
        return bool(re.search(r"[A-Za-z]{2}", tok)) and bool(re.search(r"\d[A-Za-z-]*[A-Z]", tok))  # 747-SR, F-16s
    if not tok[0].isalpha():
        return False
    low = tok.lower().rstrip(".")
    if low in _SMALL or low in _TENS or low in _SCALES:
        return False
    if tok.isupper() and len(tok.rstrip(".")) > 1:
        return low not in {"a", "i"}  # acronyms: US, LNG, GDP, U.S.
    if low in _STOP or low in _NP_STOP_EXTRA or low in _NOT_NOUNS:
        return False
    if low.endswith("ly") and low not in {"supply", "family", "assembly", "ally", "rally", "monopoly", "italy", "july", "anomaly", "belly", "jelly", "poly"}:
        return False
    return True


@functools.lru_cache(maxsize=65536)
def _verbish(tok: str) -> bool:
    low = tok.lower()
    if low in _MEASURE_NOUNS:
        return False
    if low in _VERBS:
        return True
    return (len(low) > 4 and low.endswith("ed") and low not in {"hundred", "speed", "seed", "feed", "need", "breed", "shed", "bed", "deed", "creed", "steed"}) or (
        len(low) > 5 and low.endswith("ing") and low not in {"spending", "financing", "funding", "borrowing", "offering", "holding", "building", "earning", "housing", "shipping", "clothing"}
    )


def _clean_label(words: list[str]) -> str:
    """Drop possessors, reference adjectives and proper-name modifiers: 'Putin's soldiers' -> 'soldiers'."""
    out: list[str] = []
    for i, w in enumerate(words):
        if w.endswith(("'s", "’s", "s'", "s’")) and i < len(words) - 1:
            out = []  # a possessor: what follows is the thing
            continue
        out.append(w)
    if len(out) > 1 and out[-1].endswith(("'s", "’s")) and not out[-1][:1].isdigit():
        out = out[:-1]
    while len(out) > 1 and (out[0].lower() in _ADJ_DROP or (out[0][:1].isupper() and not out[-1][:1].isupper() and not out[-1][:1].isdigit())):
        out = out[1:]
    return " ".join(out).strip(" ,.;:'\"“”‘’")


_TRAIL = ",.;:!?)\"'”’»"


# Patterns used once per number or per sentence, compiled once here: an inline `re.match(r"...")`
# goes through re's pattern cache on every call, which cost more than many of the matches.
_NONSPACE_RUN = re.compile(r"\S+")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")  # U.S.


def _np_after(sentence: str, pos: int, max_words: int = 4) -> tuple[list[str], int]:
    """A noun phrase starting at `pos`: words up to a stop word, punctuation or the first plural."""
    words: list[str] = []
    end = pos
    matches = list(_NONSPACE_RUN.finditer(sentence[pos:pos + 200]))
    for k, m in enumerate(matches):
        raw = m.group(0)
        if raw[:1] in "(\"'“‘«" and words:
            break
        tok = raw.lstrip("(\"'“‘«")
        abbreviation = bool(_ABBREVIATION.fullmatch(tok))  # U.S.
        core = tok if abbreviation else tok.rstrip(_TRAIL)
        if not words and core.lower() in ("such", "these", "those") and k + 1 < len(matches):
            words.append(core)
            end = pos + m.start() + len(raw.rstrip(_TRAIL)) if not abbreviation else pos + m.end()
            continue
        if not core or not _nounish(core) or core.lower() in _QUALIFIER_WORDS_AFTER:
            break
        if core.lower() in _HARD_VERBS:
            break
        if _verbish(core):
            # "trade weighted index", "outstanding subordinated debt" go on; "gold smelted from" stops
            nxt = matches[k + 1].group(0).rstrip(_TRAIL) if k + 1 < len(matches) else ""
            if core != tok.rstrip(_TRAIL) or not nxt or not _nounish(nxt):
                break
            if words and _is_plural(words[-1]):
                break
        words.append(core)
        end = pos + m.start() + (len(raw) - len(raw.lstrip("(\"'“‘«"))) + len(core)
        ended = (not abbreviation) and core != tok
        if (_is_plural(core) and not core.endswith(("'s", "’s"))) or len(words) >= max_words or ended:
            break
    if words and words[0].lower() in ("such", "these", "those") and len(words) == 1:
        return [], pos
    return words, end


_QUALIFIER_WORDS_AFTER = {"higher", "lower", "more", "less", "fewer", "up", "down", "above", "below", "apiece", "each", "strong"}
_ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "1st", "2nd", "3rd", "4th"}


def _np_before(sentence: str, end: int, skip: list[tuple[int, int]], mode: str = "measure") -> list[str]:
    """The noun a figure refers back to, within its clause.

    mode "measure": a nearby measure noun (income, sales, stake...) beats a plural, which beats any noun;
    "nearest": the nearest noun; "plural": the nearest plural noun.
    """
    lo = max(0, end - 300)
    # The tokens of sentence[lo:end], offset by lo: _TOKEN has no anchors, lookarounds or \b, so
    # scanning the window in place (pos, endpos) matches exactly what scanning the slice did.
    toks = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(sentence, lo, end)]
    spans = sorted(sp for sp in skip if sp[1] > lo and sp[0] < end)
    starts = [sp[0] for sp in spans]
    bisect_right = bisect.bisect_right
    best = None
    distance = 0
    for i in range(len(toks) - 1, max(-1, len(toks) - 61), -1):
        tok, ts, te = toks[i]
        if tok in {";", "—", "–", ":"} or (tok == "-" and i + 1 < len(toks) and toks[i + 1][0] == "-"):
            break
        if spans:
            # inside a skipped span: one of the two spans starting last before the token's end overlaps it
            k = bisect_right(starts, te - 1) - 1
            if (k >= 0 and spans[k][0] < te and ts < spans[k][1]) or (k >= 1 and spans[k - 1][0] < te and ts < spans[k - 1][1]):
                continue
        distance += 1
        if not _nounish(tok) or _verbish(tok):
            continue
        low = tok.lower()
        if mode == "nearest":
            tier = 0
        elif mode == "plural":
            if not _is_plural(tok):
                continue
            tier = 0
        elif mode == "measure-only":
            if not (_singular(tok) in _MEASURE_NOUNS or low in _MEASURE_NOUNS) or distance > 10:
                continue
            tier = 0
        else:
            tier = 0 if (_singular(tok) in _MEASURE_NOUNS or low in _MEASURE_NOUNS) else 4 if _is_plural(tok) else 8
            if tok[:1].isupper():
                tier += 3  # a proper name is seldom what a number counts
        rank = distance + tier
        if best is None or rank < best[0]:
            best = (rank, i)
        if distance > 25:
            break
    if best is None:
        return []
    return _compound_left(toks[: best[1] + 1])


def _compound_left(toks: list[tuple[str, int, int]]) -> list[str]:
    """The last token of `toks` with the lowercase noun modifiers right before it: 'operating loss carryforward'."""
    if not toks:
        return []
    words = [toks[-1][0]]
    j = len(toks) - 2
    while j >= 0 and len(words) < 3:
        tok = toks[j][0]
        if not (_nounish(tok) and tok[:1].islower() and tok.lower() not in _ADJ_DROP and tok.lower() not in _ORDINAL_WORDS
                and (not _verbish(tok) or tok.lower().endswith("ing"))):
            break
        words.insert(0, tok)
        j -= 1
    return words


# ------------------------------------------------------------------ candidates in one sentence


_RATIO = re.compile(r"(?<![\w-])(one|1)\s+in\s+(\d{1,3}(?:,\d{3})+|\d+|%s)(?![\w,]*\d)" % _NUMBER_WORDS, re.I)
_FRACTION = re.compile(
    r"(?<![\w-])(one|two|three|four|five|seven|nine)[- ](thirds?|quarters?|fifths?|eighths?|tenths?|sixths?)(?![\w-])", re.I
)
_VAGUE_MAGNITUDE = re.compile(
    r"(?<![\w-])(?:(?:tens|hundreds|scores)\s+of\s+)?(dozens|scores|hundreds|thousands|millions|billions|trillions)"
    r"(?:\s+(?:of|and)\s+(?:thousands|millions|billions))?(?=\s+(?:of|more|upon|fled|were|have|had|are|will|took|went|marched|gathered|protested|remain|died|lost)\b)",
    re.I,
)
# Words every match of a case-insensitive pattern contains, for `may_contain`.
_FRACTION_WORDS = ("third", "quarter", "fifth", "eighth", "tenth", "sixth")
_VAGUE_WORDS = ("dozens", "scores", "hundreds", "thousands", "millions", "billions", "trillions")
_A_DOZEN_WORDS = ("dozen", "hundred", "thousand", "million", "billion")
_BY_THE_END = re.compile(r"\bby the\s+$", re.I)
_TWO_DIGITS = re.compile(r"\d{2}s?")
_A_DOZEN = re.compile(r"(?<![\w-])(a|one)\s+(dozen|hundred|thousand|million|billion)(?![\w-])", re.I)


def _candidates(sentence: str, masks: list[tuple[int, int]]) -> list[_Cand]:
    cands: list[_Cand] = []
    low = ascii_lower(sentence)
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not _masked(masks, s, e) and not _masked(taken, s, e)

    # ratios "one in five", "1 in 30,000"
    for m in _RATIO.finditer(sentence):
        den_raw = m.group(2)
        den = _word_value(den_raw) if den_raw[0].isalpha() else float(den_raw.replace(",", ""))
        if den and free(m.start(), m.end()):
            cands.append(_Cand(m.start(), m.end(), 1.0 / den, "ratio"))
            taken.append((m.start(), m.end()))
    # fractions "two-thirds", "one-third"
    fractions = _FRACTION.finditer(sentence) if may_contain(low, _FRACTION_WORDS) else ()
    for m in fractions:
        if m.group(0).lower().startswith(("one quarter", "two quarters", "three quarters", "four quarters")) and " " in m.group(0):
            continue  # "three quarters" of a year are periods
        if free(m.start(), m.end()):
            cands.append(_Cand(m.start(), m.end(), (_word_value(m.group(1)) or 0) / _FRACTIONS[m.group(2).lower()], "fraction"))
            taken.append((m.start(), m.end()))
    # vague magnitudes "tens of thousands of", "thousands more", "billions of dollars"
    vague = _VAGUE_MAGNITUDE.finditer(sentence) if may_contain(low, _VAGUE_WORDS) else ()
    for m in vague:
        if free(m.start(), m.end()) and not _BY_THE_END.search(sentence[: m.start()]):
            cands.append(_Cand(m.start(), m.end(), None, "vague"))
            taken.append((m.start(), m.end()))
    # digits
    for m in _DIGITS.finditer(sentence):
        s, e = m.start(), m.end()
        if _masked(taken, s, e):
            continue
        before = sentence[s - 1] if s else " "
        before2 = sentence[s - 2] if s > 1 else " "
        after = sentence[e] if e < len(sentence) else " "
        if before.isalpha() or before in "_#@/\\" or (before.isdigit()):
            continue  # inside an identifier: E95, PL480, MH17
        if before in ".," and before2.isdigit():
            continue
        if before == "." and before2.isalpha():
            continue
        if before in "-–" and (before2.isalpha() or before2.isdigit() or before2 in ")/"):
            if not (before2.isdigit() or before2 in ")"):
                continue  # T-72, Covid-19, end-1986, mid-1980s
        if before in "'’" and _TWO_DIGITS.fullmatch(m.group(0) + ("s" if after == "s" else "")):
            continue  # '87, '90s
        if after in ":" and e + 1 < len(sentence) and sentence[e + 1].isdigit():
            continue
        value, plain = _parse_digits(m)
        if value is None or math.isinf(value) or math.isnan(value):
            continue
        if _masked(masks, s, e):
            continue
        cands.append(_Cand(s, e, value, "digits", plain_int=plain))
    # spelled-out numbers
    for m in _WORD_NUMBER.finditer(sentence):
        s, e = m.start(), m.end()
        if _masked(taken, s, e) or _masked(masks, s, e):
            continue
        if any(c.start <= s < c.end for c in cands):
            continue
        value = _word_value(m.group(0))
        if value is None:
            continue
        cands.append(_Cand(s, e, value, "word"))
    # "a dozen", "a hundred", "a million"
    dozens = _A_DOZEN.finditer(sentence) if may_contain(low, _A_DOZEN_WORDS) else ()
    for m in dozens:
        if free(m.start(), m.end()) and not any(c.start < m.end() and m.start() < c.end for c in cands):
            value = 12.0 if m.group(2).lower() == "dozen" else 1.0
            c = _Cand(m.start(), m.end() - len(m.group(2)) - 1, value, "word")
            cands.append(c)
    cands.sort(key=lambda c: c.start)
    return cands


_SUFFIX = re.compile(r"[A-Za-z%]+")
_SCALE_WORD = re.compile(r"\s*(hundred|thousand|million|mln|mn|billion|bln|bn|trillion|trln|tn|lakh|crore)(?![\w])", re.I)
_SECOND_SCALE = re.compile(r"\s*(thousand|million|billion)(?![\w])", re.I)
_SHORT_SCALE = re.compile(r"\s?(m|k|b)(?![\w])", re.I)
_HYPHEN_SCALE = re.compile(r"[-–](hundred|thousand|million|mln|billion|bln|bn|trillion)[-–]", re.I)
_HYPHEN_WORDS = re.compile(r"[-–]([A-Za-z]+)(?:[-–]([A-Za-z]+))?")
_SPACES = re.compile(r"\s*")
_INCH = re.compile(r"\s*inch")
_OF_THE_PERIOD = re.compile(r"\s+(?:of\s+)?(?:the\s+)?(?:month|year|century)\b", re.I)
_PLURAL_SOON = re.compile(r"\s+(?:[a-z][a-z-]*\s+){0,2}[a-z]+s\b")
_WORD_BEFORE_END = re.compile(r"([A-Za-z][\w.&'-]*)\s*$")
_PEOPLE_AFTER = re.compile(r"\s+(?:troops|people|soldiers|workers|jobs|members|residents|civilians)\b")


def _expand(sentence: str, c: _Cand, masks) -> bool:
    """Read scale, unit, counted noun to the right and qualifier, currency to the left. False: not a figure."""
    s, e = c.start, c.end
    c.text_start, c.text_end = s, e
    rest = sentence[e:]
    # ---- attached suffix: 1.5bn, 600m, 6km, 3.2%, 657p, 16th, 1990s, 1A
    suffix = _SUFFIX.match(rest)
    currency = None
    left = sentence[:s]
    stripped = left.rstrip(" ")  # once, not once per currency symbol
    for sym, code in _CURRENCY_SYMBOLS:
        if stripped.endswith(sym) and (len(left) - len(stripped)) <= 1:
            k = len(stripped) - len(sym)
            if k == 0 or not sentence[k - 1].isalpha() or sym in ("$", "£", "€", "¥") or sentence[k - 1] in " (":
                if sym in ("Rs", "Rs.") and k > 0 and sentence[k - 1].isalpha():
                    continue
                currency = code
                c.text_start = k
                break
    if c.kind == "digits" and suffix:
        suf = suffix.group(0)
        sl = suf.lower()
        if sl in ("st", "nd", "rd", "th") and c.plain_int:
            return False  # ordinal
        if sl == "s" and c.plain_int:
            return False  # decade or model plural: 1990s, 747s
        if currency and sl in _ATTACHED_SCALES:
            c.scale, c.has_scale = _ATTACHED_SCALES[sl], True
            e += len(suf)
        elif sl in ("bn", "mn", "tn", "trn"):
            c.scale, c.has_scale = _ATTACHED_SCALES[sl], True
            e += len(suf)
        elif sl in _ATTACHED_UNITS and suf == suf.lower() or suf == "%":
            c.unit = _ATTACHED_UNITS[sl]
            e += len(suf)
        else:
            return False  # 1A, 3B, 5G: an identifier
        rest = sentence[e:]
    if c.kind == "digits" and rest[:1] in "-–" and len(rest) > 1 and rest[1:2].isupper():
        return False  # 747-SR, 1-A
    if c.kind == "digits" and rest[:1] == "/" and len(rest) > 1 and rest[1:2].isdigit():
        return False  # 423.00/423.50, 1986/87
    # ---- scale word: "1.5 million", "five mln", "two hundred"
    m = _SCALE_WORD.match(rest)
    if m and not c.has_scale and c.kind in ("digits", "word"):
        c.scale, c.has_scale = _SCALES[m.group(1).lower()], True
        e += m.end()
        m2 = _SECOND_SCALE.match(sentence[e:])  # "two hundred thousand"
        if m2:
            c.scale *= _SCALES[m2.group(1).lower()]
            e += m2.end()
        rest = sentence[e:]
    elif currency and _SHORT_SCALE.match(rest) and not c.has_scale:
        m = _SHORT_SCALE.match(rest)
        c.scale, c.has_scale = _ATTACHED_SCALES[m.group(1).lower()], True
        e += m.end()
        rest = sentence[e:]
    # ---- hyphenated compounds: 250,000-strong, 10-page, 10-year (duration), three-way
    hm = _HYPHEN_SCALE.match(rest)
    if hm and c.kind in ("digits", "word") and not c.has_scale:
        c.scale, c.has_scale = _SCALES[hm.group(1).lower()], True  # "50-mln-dlr budget", "a two-billion-dollar deal"
        e += hm.end() - 1
        rest = sentence[e:]
    hm = _HYPHEN_WORDS.match(rest)
    if hm and c.kind in ("digits", "word") and not c.unit:
        word = hm.group(1).lower()
        if _TIME_UNITS.fullmatch(word) or word in ("year", "day", "week", "month", "hour", "minute"):
            return False  # 10-year, 30-day, 36-year-old
        if c.kind == "word" and word not in ("strong", "fold") and not (c.has_scale and _CUR_RE.match_at(word, 0)[0]):
            return False  # three-way, two-for-one
        if word in ("way", "for", "to", "in", "and", "or", "nil", "all", "point", "odd"):
            return False
        if word == "strong":
            c.hyphen_word = "strong"
            e += hm.end(1)
        elif word in ("fold",):
            c.unit = "times"
            e += hm.end(1)
        else:
            unit_m, unit = _UNIT_RE.match_at(word, 0)
            cur_m, cur = _CUR_RE.match_at(word, 0)
            if cur_m and cur_m.end() == len(word):
                c.unit = cur
                e += hm.end(1)
            elif unit_m and unit_m.end() == len(word):
                c.unit = unit
                e += hm.end(1)
            else:
                c.hyphen_word = word
                c.label = _pluralize(word)
                c.label_from = "hyphen"
                e += hm.end(1)
        rest = sentence[e:]
    # ---- unit or currency word
    if not c.unit and c.kind in ("digits", "word", "fraction"):
        sp = _SPACES.match(rest).end()
        if sp <= 1 or rest[:sp].strip() == "":
            um, unit = _CUR_RE.match_at(rest, sp)
            if um and unit == "crowns" and not c.has_scale:
                um = None
            if um is None:
                um, unit = _UNIT_RE.match_at(rest, sp)
                if um and unit in ("in",) and not _INCH.match(rest):
                    um = None
                if um and c.kind == "word" and len(um.group(0).strip()) <= 2:
                    um = None  # "two m": too ambiguous after a spelled number
                if um and c.kind == "word" and c.value == 1 and um.group(0).strip().lower() == "point":
                    um = None  # "at one point"
                if um and unit == "%" and currency:
                    pass
            if um:
                if unit == "pesos" or unit == "crowns" or unit == "dinars":
                    pass
                c.unit = unit
                e += um.end()
                rest = sentence[e:]
    if currency and not c.unit:
        c.unit = currency
    # time units: a duration is not a figure
    if c.kind in ("digits", "word") and not c.unit and not c.has_scale:
        if _TIME_UNITS.match(rest.lstrip()) and len(rest) - len(rest.lstrip()) <= 1:
            return False
        if _OF_THE_PERIOD.match(rest) and c.plain_int:
            return False
    if c.kind == "digits" and c.plain_int and not c.unit and not c.has_scale and not c.hyphen_word and not currency:
        v = c.value or 0
        # a year: 1900-2099 without separators, unless a quantity word makes it a count
        if 1900 <= v <= 2099 and "." not in sentence[s:c.end]:
            q = _QUALIFIER_RE.search(sentence[max(0, s - 40): s])
            if not q or q.group(1).lower() in ("only", "just", "possibly", "some", "between", "under", "over", "about", "around", "since", "before", "after", "by"):
                return False
        if v >= 1e6 and not c.counted and not _PLURAL_SOON.match(rest):
            return False  # a long bare number with nothing counted: an id, a reference, a phone number
        # an identifier: a capitalised name right before a bare integer (Boeing 737, Radio 5, Chapter 11)
        prev = _WORD_BEFORE_END.search(sentence[:s])
        if prev and sentence[prev.end(1):s] in (" ", ""):
            word = prev.group(1)
            wl = word.lower().rstrip(".")
            if wl in _REFERENCE_WORDS:
                return False
            if word[:1].isupper() and word not in _FUNCTION_CAPS and word.rstrip(".") not in _FUNCTION_CAPS:
                if not _PEOPLE_AFTER.match(rest):
                    return False
    # rate: "a day", "per share", "a barrel", "daily", "-a-share"
    rm = _RATE.match(sentence, e)
    if rm and (c.unit or c.has_scale or c.kind == "digits"):
        e = rm.end()
    c.text_end = e
    c.end_of_number = e  # type: ignore[attr-defined]
    return True


_FROM_TO_END = re.compile(r"\b(?:from|to)\s+$", re.I)


def _qualify(sentence: str, c: _Cand) -> None:
    lo = max(0, c.text_start - 40)
    m = _QUALIFIER_RE.search(sentence[lo: c.text_start])
    if m:
        q = m.group(1)
        if q.lower() == "between":
            return
        if q.lower() in ("over", "under", "below", "above") and _FROM_TO_END.search(sentence[lo: lo + m.start(1)]):
            return
        c.qualifier = q.lower()
        c.text_start = lo + m.start(1)


_OF = re.compile(r"\s+of\s+")
_MORE = re.compile(r"\s+more\b")
_ONE_BLANK = re.compile(r"[ \t]?")
_OF_DETERMINER = re.compile(
    r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|a\s+|an\s+|this\s+|that\s+)?(?:[A-Z][\w.&-]*(?:'s|’s)\s+)?"
)
_OF_NUMBER = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?[\d,.]+\s")
_NUMERIC_WORD = re.compile(r"[\d.,/-]+")
_NOUN_OF_END = re.compile(
    r"(?:^|\s)((?:(?:a|an|the|its|their)\s+)?)([A-Za-z][\w'’-]*)\s+(?:of|totaling|totalling|totaled|totalled|at|worth)\s+(?:between\s+)?$"
)
_IN_FOR = re.compile(r"\s+(?:in|for)\s+(?:the\s+|its\s+)?")
_PARTITIVE = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|[A-Z][\w.&]*(?:'s|’s)\s+)?(?:[\d,.]+\s+)?")
_LEADING_SCALE = re.compile(r"^(?:hundred|thousand|million|mln|billion|bn)\s+", re.I)
_RATE_SPLIT = re.compile(r"\s+(?:a|an|per|each)\s+|\s+daily|\s+a year")


def _label(sentence: str, c: _Cand, prev_sentence: str, skip: list[tuple[int, int]]) -> None:
    """What the figure counts or measures, in order of evidence:
    a noun right after it ("130,000 troops", "a 51 pct interest"), "of X" after a measure or a
    percentage ("60 pct of its exports"), "X of <figure>" before it ("total assets of 14.8 mln"),
    "in/for X" after money ("40 mln dlrs in aid"), a partitive ("2,800 of NBC's 8,000 workers"),
    then the noun the clause is about ("net income ... jumped 52.6 pct"); "such sites" is resolved
    to what the text just named."""
    e = c.text_end
    rest = sentence[e:]
    measure = c.unit is not None
    if c.kind == "vague":
        m = _OF.match(rest)
        if m:
            words, end = _np_after(sentence, e + m.end())
            if words:
                c.text_end = end
                head = words[-1].lower()
                currency = next((u for r, u in _CUR_RE.patterns if r.fullmatch(head)), None)
                if currency:
                    c.unit = currency
                    back = _np_before(sentence, c.start, skip)
                    c.label = _clean_label(back) if back else head
                else:
                    c.label = _clean_label(words)
                return
        m = _MORE.match(rest)
        if m:
            c.text_end = e + m.end()
        words = _np_before(sentence, c.start, skip, "plural")
        if words:
            c.label = _clean_label(words)
        return
    # 1. a noun phrase right after the figure
    sp = _ONE_BLANK.match(rest).end()
    words, end = ([], e)
    if sp == 1 or c.hyphen_word:
        words, end = _np_after(sentence, e + sp)
    if c.kind == "ratio":
        if words and _is_plural(words[-1]):
            c.label, c.text_end, c.counted = _clean_label(words), end, True
        else:
            back = _np_before(sentence, c.start, skip, "plural")
            c.label = "people" if not back or not sentence.lower().count("people") == 0 else _clean_label(back)
        return
    if words and c.hyphen_word == "strong":
        c.label, c.text_end, c.counted = _clean_label(words), end, True
        return
    if c.hyphen_word == "strong":
        back = _np_before(sentence, c.text_start, skip, "nearest")
        c.label = _clean_label(back) if back else "strength"
        return
    if words and not measure and c.hyphen_word is None and c.kind != "fraction":
        label = _clean_label(words)
        if label:
            c.label, c.text_end, c.counted = label, end, True
    elif words and (measure or c.hyphen_word):
        label = _clean_label(words)  # "a 51 pct interest", "a 1.4 billion dlr bid", "220 mm multiple rocket launcher"
        if label and not (c.label_from == "hyphen" and not c.unit):
            c.label, c.label_from = label, "np"
            if c.unit in ("%", "points", "bp", "percentage points") or c.unit in _MEASURE_UNITS or c.label_from == "np":
                c.text_end = end if c.unit not in _MEASURE_UNITS else c.text_end
            c.counted = True
    if words and words[0].lower() in ("such", "these", "those") and c.counted:
        resolved = _resolve_such(prev_sentence, sentence[: c.start], c.label)
        if resolved:
            c.label = resolved
        return
    if c.counted or c.label_from == "hyphen" and c.label:
        return
    # 2. "of X" after a measure, a percentage, a fraction or a bare number
    m = _OF_DETERMINER.match(sentence[c.text_end:])
    if m and not _OF_NUMBER.match(sentence[c.text_end:]):
        words, end = _np_after(sentence, c.text_end + m.end())
        words = [w for w in words if not _NUMERIC_WORD.fullmatch(w)]
        if words:
            label = _clean_label(words)
            if label:
                c.label, c.label_from = label, "of"
                if c.unit in _MEASURE_UNITS:
                    c.text_end = end
                return
    # 3. "X of <figure>", "X totaling <figure>", "X at <figure>"
    before = sentence[: c.text_start]
    m = _NOUN_OF_END.search(before)
    if m and _nounish(m.group(2)) and (m.group(1) or not _verbish(m.group(2))) and m.group(2).lower() not in ("one", "some", "all", "most", "each", "none", "any", "part", "number", "rate", "level"):
        back = _compound_left(_tokens(sentence[: m.end(2)]))
        if back:
            c.label, c.label_from = _clean_label(back), "before-of"
            return
    # 4. money "in aid", "for working capital"
    if c.unit and c.unit not in _MEASURE_UNITS and c.unit not in ("%", "points", "bp"):
        m = _IN_FOR.match(sentence[c.text_end:])
        if m:
            words, _ = _np_after(sentence, c.text_end + m.end())
            if words and not words[0][:1].isupper():
                c.label, c.label_from = _clean_label(words), "in"
                return
    # 5. partitive: "2,800 of NBC's 8,000 workers", "all 11 of its 747-SR's"
    m = _PARTITIVE.match(sentence[c.text_end:])
    if m:
        words, _ = _np_after(sentence, c.text_end + m.end())
        if words:
            c.label = _clean_label(words)
            return
    # 6. measures with nothing else: the unit as written ("150 miles")
    if c.unit in _MEASURE_UNITS:
        back = _np_before(sentence, c.text_start, skip, "measure-only")
        if back:
            c.label, c.label_from = _clean_label(back), "back"
            return
        unit_text = sentence[c.end:c.text_end].strip(" -")
        unit_word = _LEADING_SCALE.sub("", unit_text)
        unit_word = _RATE_SPLIT.split(unit_word)[0]
        c.label, c.label_from = (unit_word or c.unit), "unit"
        return
    # 7. the noun the clause is about
    back = _np_before(sentence, c.text_start, skip)
    if back:
        c.label, c.label_from = _clean_label(back), "back"
        return
    if c.unit:
        c.label = {"%": "percent", "USD": "dollars"}.get(c.unit, c.unit)
        c.label_from = "unit"


def _resolve_such(prev_sentence: str, before: str, label: str) -> str | None:
    """'about 4,500 such sites' -> what the text just named: '... indicating the nearest bomb shelter.' -> bomb shelters."""
    for context in (before, prev_sentence):
        toks = [t for t in _tokens(context)]
        # the last noun phrase of the context: trailing nouns before the final punctuation
        words: list[str] = []
        for tok, _, _ in reversed(toks):
            if not tok[0].isalpha():
                if words:
                    break
                continue
            if _nounish(tok) and tok[:1].islower() and tok.lower() not in _ADJ_DROP and not tok.lower().endswith("est"):
                words.insert(0, tok)
                if len(words) >= 3:
                    break
            else:
                if words:
                    break
                if tok.lower() in _STOP:
                    break
        if words and not words[-1].endswith(("ed", "ing")):
            return _pluralize(" ".join(words))
    return None


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


def _restatements(sentence: str, cands: list[_Cand]) -> None:
    """'1,694,000 or 16 cts per share': the second says the first again, about the same thing."""
    for a, b in zip(cands, cands[1:]):
        if a.label and b.label_from in ("back", "unit", "") and not b.counted and _OR_GAP.fullmatch(sentence[a.text_end:b.text_start]):
            b.label = a.label


def _apply_ranges(sentence: str, cands: list[_Cand]) -> None:
    """'85-90 mln ton', 'five to 10 cts', '75,000 to 100,000 barrels': the first takes the second's scale and unit."""
    for a, b in zip(cands, cands[1:]):
        gap = sentence[a.text_end:b.start]
        if _AND_GAP.fullmatch(gap) and _BETWEEN_END.search(sentence[: a.text_start]) and a.label and b.label_from in ("unit", "back", ""):
            b.label = a.label
        if a.unit is None and not a.has_scale and not a.counted and _RANGE_GAP.fullmatch(gap):
            if b.has_scale and b.kind != "vague" and (b.value or 0) * b.scale >= (a.value or 0):
                a.scale, a.has_scale = b.scale, True
            if b.unit:
                a.unit = b.unit
            if b.label and (not a.label or b.unit):
                a.label = b.label


# ------------------------------------------------------------------ public API


_REFERENCE_END = re.compile(r"\b(?:no|number|page|chapter|section|article|item|route|flight|room)\.?\s*$", re.I)
_NUMBER_LIST_GAP = re.compile(r"(?:\s*,\s*\d+)*\s*(?:,|and|or|&)\s*(?:\d+\s*(?:,|and|or|&)\s*)*")
_CAPITALISED_END = re.compile(r"[A-Z][\w-]*\s+$")


def _sentence_figures(sentence: str, offset: int, prev_sentence: str) -> list[Figure]:
    masks = _masks(sentence)
    cands = _candidates(sentence, masks)
    kept: list[_Cand] = []
    for c in cands:
        if c.kind in ("digits", "word"):
            if not _expand(sentence, c, masks):
                continue
        else:
            c.text_start, c.text_end = c.start, c.end
        kept.append(c)
    # a model list: "Boeing 737, 747, 757 and 767 aircraft" — numbers chained to an identifier
    kept = _drop_identifier_lists(sentence, kept, cands)
    for i, c in enumerate(kept):
        _qualify(sentence, c)
    skip = masks + [(c.text_start, c.text_end) for c in kept]
    for c in kept:
        _label(sentence, c, prev_sentence, [sp for sp in skip if sp != (c.text_start, c.text_end)])
        skip = masks + [(d.text_start, d.text_end) for d in kept]
    _apply_ranges(sentence, kept)
    _restatements(sentence, kept)
    figures: list[Figure] = []
    for i, c in enumerate(kept):
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        if c.kind == "word" and not _is_spelled_figure(sentence, c, nxt):
            continue
        if c.kind == "digits" and c.plain_int and not c.unit and not c.has_scale and not c.counted and not c.qualifier:
            # bare integers after words that name things rather than count them: "in band 2", "Apollo 11"
            if _REFERENCE_END.search(sentence[: c.start]):
                continue
        value = None
        if c.value is not None:
            value = c.value * c.scale
            if value and abs(value) < 1e15:
                value = float(f"{value:.12g}")
        text = sentence[c.text_start:c.text_end].rstrip(" ,;:")
        if not text:
            continue
        label = " ".join(c.label.split()) if c.label else ""  # no double spaces from line breaks
        figures.append(
            Figure(
                text=text,
                value=value,
                unit=c.unit,
                qualifier=c.qualifier,
                label=label,
                sentence=sentence,
                start=offset + c.text_start,
                end=offset + c.text_start + len(text),
            )
        )
    for rule in _FIGURE_RULES:
        figures = rule(sentence, offset, figures)
    return figures


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
            times_end = m.end() if m else None
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
        m = _MINUS_BEFORE.search(sentence, max(0, f.start - offset - 12), f.start - offset)
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
        bare = _PLAIN_NUMBER.fullmatch(f.text.split(" ")[0]) is not None and not f.unit
        before = sentence[max(0, start - 40):start]
        if bare and _NAME_BEFORE.search(before) and not _SENTENCE_START_WORD.match(sentence[:start]):
            continue
        if bare and (_GLUED_BEFORE.search(before) or _MODEL_HEAD.search(before)):
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


def _drop_scores_and_ages(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """"a score of 409.30", "as young as 12 and none older than 20": scores and ages in passing."""
    out = []
    for f in figures:
        before = sentence[max(0, f.start - offset - 30):f.start - offset]
        if _SCORE_BEFORE.search(before) or _AGE_BEFORE.search(before):
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
            value = f.value + int(m.group(1)) / int(m.group(2))
            label = m.group(3) or f.label
            f = Figure(sentence[f.start - offset:m.end()], value, f.unit, f.qualifier, label, sentence, f.start, offset + m.end())
            skip_until = f.end
        out.append(f)
    return out


_HYPHEN_MEASURE = re.compile(r"[\d,.]+-([a-z]+)")
_LOWER_WORD_AFTER = re.compile(r"[ \xa0]+([a-z]+)\b")
_CAPITAL_AFTER = re.compile(r"[ \xa0]+[A-Z]")
_PRODUCT_SIZES = frozenset("inch in cm mm litre liter gigabyte terabyte megapixel speed door core".split())


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


def _drop_identifier_lists(sentence: str, kept: list[_Cand], all_cands: list[_Cand]) -> list[_Cand]:
    kept_ids = {id(c) for c in kept}
    dropped = [c for c in all_cands if id(c) not in kept_ids and c.kind == "digits"]
    out: list[_Cand] = []
    for c in kept:
        chained = False
        if c.kind == "digits" and c.plain_int and not c.unit and not c.has_scale:
            for d in dropped:
                if d.end <= c.start and _NUMBER_LIST_GAP.fullmatch(sentence[d.end:c.start]):
                    if _CAPITALISED_END.search(sentence[: d.start]):
                        chained = True
                        break
        if chained:
            dropped.append(c)
            continue
        out.append(c)
    return out


_CHUNK = re.compile(r"[^\n]{1,600}(?:\s|$)|[^\n]{1,600}")
_ANY_DIGIT = re.compile(r"\d")
_ANY_NUMBER_WORD = re.compile(r"(?i)\b(?:%s|dozen|hundreds|thousands|millions|billions|tens|third|quarter)" % _NUMBER_WORDS)
_ANY_NUMBER_WORD_WORDS = tuple(_NUMBER_WORDS.split("|")) + ("dozen", "hundreds", "thousands", "millions", "billions", "tens", "third", "quarter")


def extract_figures(text: str) -> list[Figure]:
    """Every figure in `text`, in reading order, with offsets into `text`. Never raises."""
    if not isinstance(text, str) or not text:
        return []
    figures: list[Figure] = []
    try:
        spans = sentence_spans(text)
    except Exception:  # pragma: no cover - the splitter is regex-only, but never let it take us down
        return []
    prev = ""
    for span in spans:
        sentence = span.text
        if _ANY_DIGIT.search(sentence) or (
            may_contain(ascii_lower(sentence), _ANY_NUMBER_WORD_WORDS) and _ANY_NUMBER_WORD.search(sentence)
        ):
            try:
                if len(sentence) > 1200:  # tables and run-ons: bounded work per piece, linear overall
                    chunks = [(m.group(0), m.start()) for m in _CHUNK.finditer(sentence)]
                    for chunk, off in chunks:
                        figures.extend(_sentence_figures(chunk, span.start + off, prev))
                else:
                    figures.extend(_sentence_figures(sentence, span.start, prev))
            except Exception:  # a rule bug must never lose the article: skip this sentence
                pass
        prev = sentence
    return [f for f in figures if 0 <= f.start < f.end <= len(text) and text[f.start:f.end] == f.text]


def figure_records(article) -> list[dict]:
    """The figures of an article as plain data for `inspect`."""
    text = getattr(article, "text", "") or ""
    return [
        {
            "text": f.text,
            "value": f.value,
            "label": f.label,
            "sentence": f.sentence,
            "unit": f.unit,
            "qualifier": f.qualifier,
            "start": f.start,
            "end": f.end,
        }
        for f in extract_figures(text)
    ]


# ------------------------------------------------------------------ merging across a story

_SYNONYMS = [
    {"troop", "soldier", "force", "serviceman", "servicemen", "personnel", "military", "army", "service member", "ground troop"},
    {"person", "resident", "civilian", "individual", "inhabitant"},
    {"dollar", "usd", "dlr"},
    {"percent", "%", "pct"},
]
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")


@functools.lru_cache(maxsize=65536)
def _head(label: str) -> str:
    words = [w for w in re.findall(r"[\w%'’-]+", (label or "").lower()) if w not in _STOP]
    return _singular(words[-1]) if words else ""


def _label_key(label: str) -> str:
    """Near-same labels share a key: troops, forces and soldiers are one thing to count."""
    head = _head(label)
    for group in _SYNONYMS:
        if head in group:
            return sorted(group)[0]
    return head


def _same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    if a == b:
        return True
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b))


def _round_bonus(value: float | None) -> float:
    """130,000 is a headline number; 1,694,000 is a table entry."""
    if value is None or value <= 0:
        return 0.0
    digits = f"{value:.6e}".split("e")[0].replace(".", "").rstrip("0")
    sig = len(digits) or 1
    return 1.0 if sig <= 2 else 0.5 if sig == 3 else 0.0


def _content_words(text: str) -> set[str]:
    return set(_sentence_words(text))


@functools.lru_cache(maxsize=65536)
def _content_word(token: str) -> str | None:
    """The content word a _WORD token counts as, None for a stop word. Cached, so that mapping
    it over a text's tokens runs without a Python call per (mostly repeated) token."""
    return None if token.lower() in _STOP else _singular(token)


def _words(tokens: list[str]) -> set[str]:
    """The content words of _WORD tokens."""
    words = set(map(_content_word, tokens))
    words.discard(None)
    return words


@functools.lru_cache(maxsize=4096)
def _sentence_words(text: str) -> frozenset[str]:
    """Content words of a figure's sentence: asked for again and again while merging."""
    return frozenset(_words(_WORD.findall(text)))


def _text_words(text: str) -> set[str]:
    """Content words of a whole article text, the same set as `_content_words(text)`. Not
    cached: a text is read once per story, and would only push sentences out of the cache."""
    return _words(_WORD.findall(text))


def _conflict_candidates(groups: list[dict]):
    """Pairs (in list order) of groups that could be the same thing counted differently: both
    with a nonzero value, neither an increment, the same unit, a counted noun in common, values
    within a factor of three and not both from one and the same article. Indexed by noun and
    ordered by value, so a story with hundreds of figures is not compared pair by pair; _merge
    still makes every test itself, these only spare it the pairs that fail them."""
    by_head: dict[tuple, list[int]] = {}
    for index, g in enumerate(groups):
        g["heads"] = {_head(f.label) for _, f in g["members"]} - {""}
        g["increment"] = any(f.qualifier in _INCREMENT_QUALIFIERS for _, f in g["members"])
        if g["merged"].value is None or g["increment"]:
            continue
        for head in g["heads"]:
            by_head.setdefault((head, g["unit"]), []).append(index)
    pairs: set[tuple[int, int]] = set()
    for members in by_head.values():
        if len(members) > 1:
            pairs.update(_close_pairs(members, groups))
    for i, j in sorted(pairs):
        yield i, groups[i], groups[j]


def _close_pairs(members: list[int], groups: list[dict]) -> list[tuple[int, int]]:
    """The pairs (i < j) of `members` within a factor of three (hi / lo <= 3, as in _merge) and
    not both of one same article alone. By ascending value, so the first value too far ends a
    row: dividing by a positive number keeps the order. A NaN has no order, and passes _merge's
    ratio test against anything, a zero too: all pairs then."""
    values = [abs(groups[i]["merged"].value) for i in members]
    if any(v != v for v in values):
        return [(i, j) for x, i in enumerate(members) for j in members[x + 1:]]
    solo = {i: groups[i]["articles"][0] if len(groups[i]["articles"]) == 1 else None for i in members}
    by_value = sorted(zip(values, members))
    pairs = []
    for x, (lo, i) in enumerate(by_value):
        if lo == 0:
            continue  # _merge's test: no ratio to a zero
        for hi, j in by_value[x + 1:]:
            if hi / lo > 3:
                break
            if solo[i] is None or solo[i] != solo[j]:
                pairs.append((i, j) if i < j else (j, i))
    return pairs


def _group_words(group: dict) -> set[str]:
    if "words" not in group:
        group["words"] = set().union(*(_content_words(f.sentence) for _, f in group["members"]))
    return group["words"]


def merge_figures(per_article: list[tuple[str, list[Figure]]], texts: dict[str, str] | None = None) -> list[MergedFigure]:
    """Join a story's figures across its articles and rank them by importance to the story.

    The same figure (equal value and the same or a near-same label: troops/forces/soldiers) is
    one entry, `also_in` naming the other articles that state it. Figures about the same thing
    that disagree (same counted noun, values within a factor of three, sentences sharing words:
    130,000 vs "more than 100,000" troops) list each other's text in `conflicts`; increments
    ("an extra 20,000") and two numbers in one article (two facts) never conflict.

    Score (higher first): stated by more of the story's articles; label named in the other
    articles; sentence on-topic (its words recur in the other articles — a vaccine sidebar's do
    not); early in its article; a round number. Vague magnitudes, figures without a label and
    increments rank lower. `texts` (article id -> text) makes "named in the other articles" and
    "on-topic" use the full texts; without it the figures' sentences stand in.
    """
    try:
        return _merge(per_article or [], texts or {})
    except Exception:  # never take the brief down for a ranking problem
        return []


def _merge(per_article: list[tuple[str, list[Figure]]], texts: dict[str, str]) -> list[MergedFigure]:
    article_ids = list(dict.fromkeys(aid for aid, _ in per_article))
    n_articles = max(1, len(article_ids))
    groups: list[dict] = []
    same_thing: dict[tuple, list[dict]] = {}  # (label key, unit) -> its groups, in creation order
    for aid, figures in per_article:
        for f in figures or []:
            if not isinstance(f, Figure):
                continue
            key = _label_key(f.label)
            candidates = same_thing.setdefault((key, f.unit), [])
            for g in candidates:
                if _same_value(g["value"], f.value) or (
                    g["value"] is None and f.value is None and g["text"].lower() == f.text.lower()
                ):
                    if aid not in g["articles"]:
                        g["articles"].append(aid)
                    g["members"].append((aid, f))
                    break
            else:
                group = {"key": key, "value": f.value, "unit": f.unit, "text": f.text, "articles": [aid], "members": [(aid, f)]}
                groups.append(group)
                candidates.append(group)
    # the words of each article, to tell what the story as a whole is about
    words: dict[str, set[str]] = {}
    for aid, figures in per_article:
        source = texts.get(aid) or " ".join(f.sentence for f in figures or [] if isinstance(f, Figure))
        words[aid] = words.get(aid, set()) | _text_words(source)
    keys_by_article: dict[str, set[str]] = {}
    for g in groups:
        for a in g["articles"]:
            keys_by_article.setdefault(a, set()).add(g["key"])
    # the words in two articles or more are in another article than any one's own: "in another
    # article" by set operations, without a count per word or a union per figure
    all_words: set[str] = set()
    in_two: set[str] = set()
    for article_words in words.values():
        in_two |= article_words & all_words
        all_words |= article_words
    # in how many articles each label key is counted: not a scan of the articles per figure
    key_articles = Counter(key for keys in keys_by_article.values() for key in keys)
    merged: list[MergedFigure] = []
    for g in groups:
        aid, best = min(g["members"], key=lambda m: (m[1].value is None, m[1].start))  # the earliest statement
        head = _head(best.label)
        sentence_words = _content_words(best.sentence) - {head}
        if n_articles > 1:
            own_words = words[aid]

            def elsewhere(ws: set[str]) -> set[str]:
                """Those of `ws` in another article: in two articles, or in one not the figure's own."""
                return (ws & in_two) | ((ws - own_words) & all_words)

            # the label is counted by figures of other articles too ("label shared by many sources");
            # its own article (always one of the key's) is not another
            shared = (key_articles[g["key"]] - 1 if g["key"] else 0) / (len(article_ids) - 1)
        else:
            own = texts.get(aid) or " ".join(f.sentence for _, f in per_article[0][1] if isinstance(f, Figure))
            # through the cache: the figures of one sentence cut the same text
            elsewhere = _content_words(own.replace(best.sentence, " ")).intersection
            shared = min(1.0, (sum(1 for h in groups if h["key"] == g["key"]) - 1) / 2) if g["key"] else 0.0
        named = 1.0 if head and elsewhere({head}) else 0.0
        on_topic = len(elsewhere(sentence_words)) / max(1, len(sentence_words))
        text_len = len(texts.get(aid, "")) or 4000
        lead = min(m[1].start for m in g["members"] if m[0] == aid)
        early = max(0.0, 1.0 - 2.0 * lead / max(text_len, 1))
        score = 3.0 * (len(g["articles"]) - 1) / (n_articles - 1) if n_articles > 1 else 0.0
        score += 1.5 * shared + 0.5 * named + 2.0 * on_topic + 1.0 * early + 0.5 * _round_bonus(g["value"])
        if g["value"] is None:
            score -= 1.0
        if not head:
            score -= 1.5
        if any(f.qualifier in _INCREMENT_QUALIFIERS for _, f in g["members"]):
            score -= 0.5
        merged.append(
            MergedFigure(
                text=best.text, value=best.value, label=best.label, sentence=best.sentence, article=aid,
                also_in=[a for a in g["articles"] if a != aid], conflicts=[], score=round(score, 4),
                unit=best.unit, qualifier=best.qualifier,
            )
        )
        g["merged"] = merged[-1]
    # conflicts: the same thing counted differently
    for i, ga, gb in _conflict_candidates(groups):
        a, b = ga["merged"], gb["merged"]
        if _same_value(a.value, b.value):
            continue
        heads_a = ga["heads"]
        if ga["increment"] or gb["increment"]:
            continue
        if len(ga["articles"]) == 1 and ga["articles"] == gb["articles"]:
            continue  # one article giving two numbers is telling two facts
        lo, hi = sorted((abs(a.value), abs(b.value)))
        if lo == 0 or hi / lo > 3:
            continue
        if len((_group_words(ga) & _group_words(gb)) - heads_a) < 2:
            continue
        a.conflicts.append(b.text)
        b.conflicts.append(a.text)
    for m in merged:
        if m.conflicts:
            m.score = round(m.score + 0.25, 4)  # a disputed number is worth showing, with its dispute
    merged.sort(key=lambda m: (-m.score, m.article, m.text))
    return merged
