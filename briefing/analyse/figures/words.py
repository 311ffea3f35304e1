"""Word lists of the figure extractor: number words, scales, currencies, units, qualifiers,
stop words, reference words. General English, none taken from one article."""

from __future__ import annotations

import re


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
    (r"short tons?", "short tons"), (r"long tons?", "long tons"), (r"ounces?|ozs?", "oz"), (r"lbs?", "lb"),
    (r"barrels per day|bpd|b/d", "barrels/day"), (r"barrels?|bbls?", "barrels"), (r"gallons?", "gallons"),
    (r"litres|liters|litre|liter", "litres"), (r"bushels?", "bushels"), (r"bales?", "bales"), (r"bags?", "bags"),
    (r"acres?", "acres"), (r"hectares?", "ha"), (r"megawatts?|mw", "MW"), (r"gigawatts?|gw", "GW"), (r"kilowatts?|kw", "kW"),
    (r"(?:degrees? )?(?:centigrade|celsius)|°\s?C", "°C"), (r"(?:degrees? )?fahrenheit|°\s?F", "°F"), (r"degrees?|°", "degrees"),
    (r"gb/s", "GB/s"), (r"mb/s", "MB/s"), (r"kb/s", "KB/s"), (r"tb/s", "TB/s"), (r"megabytes?|mb", "MB"), (r"gigabytes?|gb", "GB"), (r"kilobytes?|kb", "KB"), (r"knots?", "knots"),
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
        return (m, self._units[m.lastindex - 1]) if m else (None, None)  # type: ignore[operator]


_CUR_RE = _WordList(_CURRENCY_WORDS)

_UNIT_RE = _WordList(_UNIT_WORDS)

# Units that measure something else: the label comes from "of X" when there is one.
_MEASURE_UNITS = {
    "km", "mi", "m", "cm", "mm", "ft", "in", "yd", "kg", "g", "tonnes", "short tons", "long tons", "oz", "lb", "barrels", "barrels/day",
    "gallons", "litres", "bushels", "bales", "bags", "acres", "ha", "km2", "sq mi", "m3", "MW", "GW", "kW", "nmi",
    "°C", "°F", "degrees",
}

_ATTACHED_UNITS = {
    "%": "%", "km": "km", "m": "m", "mm": "mm", "cm": "cm", "kg": "kg", "g": "g", "t": "tonnes", "ft": "ft",
    "mi": "mi", "p": "pence", "c": "cents", "mw": "MW", "gw": "GW", "kw": "kW", "mb": "MB", "gb": "GB", "kb": "KB", "tb": "TB",
    "mph": "mph", "kph": "km/h", "bpd": "barrels/day", "x": "times", "pc": "%",
}

# Units written in capitals glued to the number: "80TB", "5GB", "600MW" (not "5G", "1A").
_CASED_UNITS = frozenset(("mw", "gw", "kw", "mb", "gb", "kb", "tb"))

_TIME_UNITS = re.compile(
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|wks?|months?|mths?|mos?|years?|yrs?|decades?|"
    r"centuries|century|quarters?|qtrs?|semesters?|sessions?|weekends?|fortnights?|times? a (?:day|week|year))(?![\w])",
    re.I,
)

# A term of imprisonment is what a court gave, not a duration in passing ("faces up to 10
# years in prison", "sentenced to 12 years", "jailed for five years").
_CUSTODY = re.compile(r"\b(?:prison|jail|gaol|imprisonment|imprisoned|jailed|sentence[ds]?|behind bars)\b", re.I)

# "50,000 years old": an age no person has is the age of a thing, a figure of the story.
_YEARS_OLD = re.compile(r"\s*years?[ -]old\b", re.I)


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

# The last word of every qualifier (lower case): a window `_QUALIFIER_RE` matches ends with one
# and spaces, which a string test tells far more cheaply than the search.
_QUALIFIER_ENDS = tuple(sorted({q.split()[-1] for q in _QUALIFIERS}))

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
    overall many several various certain different own whole entire roughly nearly almost about extra-large dozen
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
    turnover holdings premium bonus bonuses balance net shr shrs div divs payment payments fee fees salary salaries wage
    wages pay funding fund funds bill investment investments subsidy subsidies contract deal deals sale acquisition
    valuation worth savings deposits deposit credit credits borrowing borrowings issue notes bonds debentures coupon
    acceptance majority margin level levels range distance toll casualties deaths death fare fares rent rents
    shortfall shortage estimate forecast target quota quotas allocation allocations order orders backlog writedown
    provision provisions decline rise range fall increase drop cut temperature temperatures offering futures
    """.split()
)

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
)

_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_REFERENCE_WORDS = set(
    """page pages p pp no nos number numbers graf chapter chapters section sections article articles rule rules form flight
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
    "Revenue", "Assets", "Deposits", "Loans", "Dividend", "Record", "Prev", "Year", "Note", "Well",
}

_NUMBER_WORDS = "|".join(sorted(list(_SMALL) + list(_TENS), key=len, reverse=True))

_WORD_NUMBER = re.compile(
    r"(?<![\w-])((?:%s)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)(?![\w])" % "|".join(sorted(_TENS, key=len, reverse=True))
    + r"|(?<![\w-])(%s)(?![\w])" % "|".join(sorted(_SMALL, key=len, reverse=True)),
    re.I,
)


_VERBS = set(
    """is are was were be been has have had do does did rose rise rises fell fall falls grew grow grows jumped climbed
    dropped declined increased decreased gained lost total totals reached said says say cost run runs make makes made
    take takes took give gives gave put puts set sets sold sell sells buy buys bought raise raises generate generates
    deliver delivers transport transports opened closed traded stand stands stood include includes excludes exclude
    account accounts registered believe believes appears appear demands demand remain remains suffer suffers expects
    expect owned owns own will would could can may might must shall should get gets got went go goes came come comes
    become became becomes saw see sees show shows pay pays paid hit hits held hold holds won win wins plan plans
    added adds told tell tells estimated estimates called calls left leave leaves kept keep keeps
    seen been gone done known shown given taken grown begun become
    met led fled sent spent fought sought struck meant felt built drove wrote spoke broke chose froze threw flew
    knew drew began ran sat brought caught taught thought dealt died shrank""".split()
)

# Verb forms that are never the noun a number counts ("338 mln traded", "two more fell").
_HARD_VERBS = {v for v in _VERBS if not v.endswith("s") and v not in {
    "cost", "run", "make", "take", "give", "put", "set", "sell", "buy", "raise", "stand", "include", "exclude", "account",
    "demand", "remain", "plan", "hit", "hold", "pay", "show", "win", "leave", "keep", "call", "estimate", "total", "fall",
    "rise", "increase", "decrease", "decline", "drop", "gain", "own", "transport", "deliver", "suffer", "appear", "believe"}}

_NOT_NOUNS = {"throughout", "payable", "due", "together", "apiece", "respectively", "alone", "instead",
              "else", "too", "very", "well", "even", "ever", "never", "always", "often", "mostly", "largely",
              # adverbs of place and time after a count: "three elsewhere", "two abroad", "five ago"
              "elsewhere", "abroad", "ago", "apart", "away", "ahead", "altogether", "far",
              "here", "there", "already", "anyway", "afterwards", "meanwhile", "yet", "prior", "previously", "earlier",
              # hedges before a figure ("and perhaps as many as 400"): how sure, not what
              "perhaps", "maybe", "possibly",
              # predicate adjectives and times of day: "will be able to go from zero to 60 mph", "1.808% late on Monday"
              "able", "unable", "likely", "unlikely", "late"}


# where a distance points, not what it measures ("400 miles south of Tripoli"); capitalised they
# open a name ("South Africa's")
_COMPASS = frozenset("north south east west northeast northwest southeast southwest".split())

_QUALIFIER_WORDS_AFTER = {"higher", "lower", "more", "less", "fewer", "up", "down", "above", "below", "apiece", "each", "strong"} | set(
    # comparatives say how the figure compares ("one penny firmer", "20x slower"), never what it counts
    """firmer weaker stronger steadier softer easier harder slower faster quicker cheaper dearer bigger smaller larger
    greater better worse longer shorter wider narrower heavier lighter richer poorer older younger earlier later""".split()
)

# adjectives that say what a measure is when nothing follows them ("2.7 kilometres long", "95%
# effective"), not what it counts; before a noun they modify it ("two high officials")
_SIZE_ADJECTIVES = frozenset("long wide high tall deep thick effective".split()
)

_ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "1st", "2nd", "3rd", "4th"}

_PRODUCT_SIZES = frozenset("inch in cm mm litre liter gigabyte terabyte megapixel speed door core".split())

_ANY_NUMBER_WORD_WORDS = tuple(_NUMBER_WORDS.split("|")) + ("dozen", "hundred", "thousand", "million", "billion", "trillion", "tens", "third", "quarter")


# the subject of a change verb (phrases._clause_subject): "income rose 17 pct" -> income
_CHANGE_VERBS = frozenset(
    """rose rise rises fell fall falls jumped jump jumps climbed climb climbs dropped drop drops declined decline declines
    increased increase increases decreased decrease decreases gained gain gains grew grow grows slipped slumped surged
    soared eased edged advanced tumbled plunged shrank shrink shrinks expanded widened narrowed contracted""".split()
)

_SUBJECT_CONTAINERS = frozenset("number figure figures total amount level levels".split())

# verbs that state a level: "Funds in investment trusts totalled 21,918 billion yen"
_LEVEL_VERBS = frozenset("totalled totaled totalling totaling reached stood amounted was were is are".split())

# where a clause starts: its subject comes next ("... said income rose", "while exports fell")
_CLAUSE_OPENERS = frozenset(("said", "says", "say", "that", "while", "whereas", "but", "although", "though", "because", "when", "with"))

_DETERMINERS = frozenset("the a an its their his her our this these those all both each every total overall".split())

# a measure's noun that only measures: the label is the noun after its "of" (candidates._amount_of)
_CONTAINER_NOUNS = frozenset(("amount", "amounts", "total", "sum", "quantity"))

# what a sportsman's record counts ("won a total of eight Olympic gold medals", "scored two
# goals"): scores and records are not figures of the news
_RECORD_NOUNS = frozenset(
    """medal medals goal goals title titles trophy trophies championship championships cap caps touchdown
    touchdowns wicket wickets assist assists rebound rebounds birdie bogey bogeys homer homers
    strikeout strikeouts hat-trick hat-tricks""".split()
)
