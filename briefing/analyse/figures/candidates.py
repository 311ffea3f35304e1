"""Candidates in one sentence: each number core expanded to its scale, unit and qualifier,
then labelled with what it counts."""

from __future__ import annotations

import math
import re
from ...text.prefilter import may_contain
from .masks import _masked
from .numbers import _Cand, _DIGITS, _parse_digits, _word_value
from .phrases import _clause_subject, _clean_label, _singular, _compound_left, _is_plural, _nounish, _np_after, _np_before, _pluralize, _tokens, _verbish
from .words import _QUALIFIER_WORDS_AFTER, _CONTAINER_NOUNS, _CURRENCY_WORDS, _CASED_UNITS, _MEASURE_NOUNS, _ADJ_DROP, _ATTACHED_SCALES, _ATTACHED_UNITS, _CURRENCY_SYMBOLS, _CUR_RE, _FRACTIONS, _FUNCTION_CAPS, _MEASURE_UNITS, _NUMBER_WORDS, _QUALIFIER_ENDS, _QUALIFIER_RE, _RATE, _REFERENCE_WORDS, _SCALES, _STOP, _TIME_UNITS, _UNIT_RE, _WORD_NUMBER, _CUSTODY, _YEARS_OLD


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

_A_DOZEN_WORDS = ("dozen", "hundred", "thousand", "million", "billion", "trillion")

_WORD_NUMBER_LOWER = re.compile(_WORD_NUMBER.pattern.lower(), _WORD_NUMBER.flags & ~re.I)

_BY_THE_END = re.compile(r"\bby the\s+$", re.I)

_TWO_DIGITS = re.compile(r"\d{2}s?")

_A_DOZEN = re.compile(r"(?<![\w-])(a|one)\s+(dozen|hundred|thousand|million|billion|trillion)(?![\w-])", re.I)


def _candidates(sentence: str, masks: list[tuple[int, int]], low: str | None) -> list[_Cand]:
    """`low`: `ascii_lower(sentence)`."""
    cands: list[_Cand] = []
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
    # on ASCII text the case-sensitive twin over the lowercased sentence finds the same spans, faster
    words = _WORD_NUMBER_LOWER.finditer(low) if low is not None else _WORD_NUMBER.finditer(sentence)
    for m in words:
        s, e = m.start(), m.end()
        if _masked(taken, s, e) or _masked(masks, s, e):
            continue
        if any(c.start <= s < c.end for c in cands):
            continue
        value = _word_value(m.group(0))  # lowercases: the same value from either text
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

_HYPHEN_SCALE = re.compile(r"[-–](hundred|thousand|million|mln|billion|bln|bn|trillion)(?:[-–]|(?![\w]))", re.I)

_HYPHEN_WORDS = re.compile(r"[-–]([A-Za-z]+)(?:[-–]([A-Za-z]+))?")

_SPACES = re.compile(r"\s*")

_INCH = re.compile(r"\s*inch")

_OF_THE_PERIOD = re.compile(r"\s+(?:of\s+)?(?:the\s+)?(?:month|year|century)\b", re.I)

_PLURAL_SOON = re.compile(r"\s+(?:[a-z][a-z-]*\s+){0,2}[a-z]+s\b")

_WORD_BEFORE_END = re.compile(r"([A-Za-z][\w.&'-]*)\s*$")

_PEOPLE_AFTER = re.compile(r"\s+(?:troops|people|soldiers|workers|jobs|members|residents|civilians)\b")


_REJECT = -1  # a step's answer when the number is not a figure


def _expand(sentence: str, c: _Cand, masks) -> bool:
    """Read scale, unit, counted noun to the right and qualifier, currency to the left. False:
    not a figure. Each step reads from `e` (the end so far) and returns the new end or _REJECT."""
    c.text_start, c.text_end = c.start, c.end
    currency = _currency_left(sentence, c)
    e = c.end
    for step in (_attached_suffix, _scale_word, _hyphen_compound, _unit_word, _not_a_count, _rate_after):
        e = step(sentence, c, e, currency)
        if e == _REJECT:
            return False
    c.text_end = e
    c.end_of_number = e  # type: ignore[attr-defined]
    return True


# AP and wire style sets the currency word first: "a reward of up to dlrs 5 million", "U.S. dlrs 100 million"
_CURRENCY_WORD_BEFORE = re.compile(r"(?:(?<=[\s(])|^)(?:U\.S\.\s+)?dlrs\s$", re.I)

_NUMBER_OR_SCALE_END = re.compile(r"(?:\d|\b(?:mln|million|billion|bln|thousand|hundred|trillion))[\s,]*$", re.I)


def _currency_word_left(sentence: str, c: _Cand) -> str | None:
    """"dlrs 5 million": the currency word before the number (not the unit of a number before it)."""
    m = _CURRENCY_WORD_BEFORE.search(sentence, max(0, c.start - 12), c.start)
    if not m or _NUMBER_OR_SCALE_END.search(sentence, max(0, m.start() - 20), m.start()):
        return None
    c.text_start = m.start()
    return "USD"


def _currency_left(sentence: str, c: _Cand) -> str | None:
    """A currency symbol or code right before the number: "$1.5bn", "Rs 500" (moves text_start)."""
    s = c.start
    if s >= 5 and sentence[s - 5:s - 1].lower() == "dlrs":
        return _currency_word_left(sentence, c)
    left = sentence[:s]
    stripped = left.rstrip(" ")  # once, not once per currency symbol
    for sym, code in _CURRENCY_SYMBOLS:
        if stripped.endswith(sym) and (len(left) - len(stripped)) <= 1:
            k = len(stripped) - len(sym)
            if k == 0 or not sentence[k - 1].isalpha() or sym in ("$", "£", "€", "¥") or sentence[k - 1] in " (":
                if sym in ("Rs", "Rs.") and k > 0 and sentence[k - 1].isalpha():
                    continue
                c.text_start = k
                return code
    return None


def _attached_suffix(sentence: str, c: _Cand, e: int, currency: str | None) -> int:
    """1.5bn, 600m, 6km, 3.2%, 657p; not 16th, 1990s, 1A, 747-SR, 1986/87."""
    rest = sentence[e:]
    suffix = _SUFFIX.match(rest)
    if c.kind == "digits" and suffix:
        suf = suffix.group(0)
        sl = suf.lower()
        if sl in ("st", "nd", "rd", "th") and c.plain_int:
            return _REJECT  # ordinal
        if sl == "s" and c.plain_int:
            return _REJECT  # decade or model plural: 1990s, 747s
        if currency and sl in _ATTACHED_SCALES:
            c.scale, c.has_scale = _ATTACHED_SCALES[sl], True
            e += len(suf)
        elif sl in ("bn", "mn", "tn", "trn"):
            c.scale, c.has_scale = _ATTACHED_SCALES[sl], True
            e += len(suf)
        elif sl in _ATTACHED_UNITS and (suf == suf.lower() or sl in _CASED_UNITS) or suf == "%":
            c.unit = _ATTACHED_UNITS[sl]
            e += len(suf)
        else:
            return _REJECT  # 1A, 3B, 5G: an identifier
        rest = sentence[e:]
    if c.kind == "digits" and c.plain_int and rest[:2] in ("'s", "’s"):
        return _REJECT  # a decade or a model's plural: the 80's, 747's
    if c.kind == "digits" and rest[:1] in "-–" and len(rest) > 1 and rest[1:2].isupper():
        return _REJECT  # 747-SR, 1-A
    if c.kind == "digits" and rest[:1] == "/" and len(rest) > 1 and rest[1:2].isdigit():
        return _REJECT  # 423.00/423.50, 1986/87
    return e


def _scale_word(sentence: str, c: _Cand, e: int, currency: str | None) -> int:
    """"1.5 million", "five mln", "two hundred thousand", "$5 m"."""
    rest = sentence[e:]
    m = _SCALE_WORD.match(rest)
    if m and not c.has_scale and c.kind in ("digits", "word"):
        c.scale, c.has_scale = _SCALES[m.group(1).lower()], True
        e += m.end()
        m2 = _SECOND_SCALE.match(sentence[e:])  # "two hundred thousand"
        if m2:
            c.scale *= _SCALES[m2.group(1).lower()]
            e += m2.end()
    elif currency and not c.has_scale and (m := _SHORT_SCALE.match(rest)):
        c.scale, c.has_scale = _ATTACHED_SCALES[m.group(1).lower()], True
        e += m.end()
    return e


def _hyphen_compound(sentence: str, c: _Cand, e: int, currency: str | None) -> int:
    """250,000-strong, 10-page, 50-mln-dlr; not 10-year (a duration), three-way, two-for-one."""
    hm = _HYPHEN_SCALE.match(sentence, e)
    if hm and c.kind in ("digits", "word") and not c.has_scale:
        c.scale, c.has_scale = _SCALES[hm.group(1).lower()], True  # "50-mln-dlr budget", "a two-billion-dollar deal", "$1.5-billion"
        e = hm.end(1)
    hm = _HYPHEN_WORDS.match(sentence[e:])
    if not (hm and c.kind in ("digits", "word") and not c.unit):
        return e
    word = hm.group(1).lower()
    if _TIME_UNITS.fullmatch(word) or word in ("year", "day", "week", "month", "hour", "minute"):
        return _REJECT  # 10-year, 30-day, 36-year-old
    if c.kind == "word" and word not in ("strong", "fold") and not (c.has_scale and _CUR_RE.match_at(word, 0)[0]):
        return _REJECT  # three-way, two-for-one
    if word in ("way", "for", "to", "in", "and", "or", "nil", "all", "point", "odd"):
        return _REJECT
    if word == "strong":
        c.hyphen_word = "strong"
    elif word == "fold":
        c.unit = "times"
    else:
        unit_m, unit = _UNIT_RE.match_at(word, 0)
        cur_m, cur = _CUR_RE.match_at(word, 0)
        if cur_m and cur_m.end() == len(word):
            c.unit = cur
        elif unit_m and unit_m.end() == len(word):
            c.unit = unit
        else:
            c.hyphen_word = word
            c.label = _pluralize(word)
            c.label_from = "hyphen"
    return e + hm.end(1)


def _unit_word(sentence: str, c: _Cand, e: int, currency: str | None) -> int:
    """A unit or currency word after the number: "20 tonnes", "5 dlrs", "3 pct"."""
    rest = sentence[e:]
    if not c.unit and c.kind in ("digits", "word", "fraction"):
        sp = _SPACES.match(rest).end()  # type: ignore[union-attr]
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
            if um:
                c.unit = unit
                e += um.end()
    if currency and not c.unit:
        c.unit = currency
    return e


def _not_a_count(sentence: str, c: _Cand, e: int, currency: str | None) -> int:
    """Durations ("30 days"), years (1900-2099 without a quantity word), long bare numbers with
    nothing counted (ids, phone numbers) and identifiers (Boeing 737, Radio 5, Chapter 11)."""
    rest = sentence[e:]
    s = c.start
    if c.kind in ("digits", "word") and not c.unit and not c.has_scale:
        unit = _TIME_UNITS.match(rest.lstrip())
        if not unit and (other := _RANGE_TO_NUMBER.match(rest)) and _TIME_UNITS.match(rest, other.end()):
            return e if _told_duration(sentence, c, rest[other.end():]) else _REJECT  # "in 60 to 90 days"
        if not unit and (between := _ONE_ADJECTIVE.match(rest)) and between.group(1) not in _STOP:
            unit = _TIME_UNITS.match(rest, between.end())  # "four straight years", "three consecutive days"
            if unit:
                rest, e = rest[between.end() - 1:], e + between.end() - 1
                unit = _TIME_UNITS.match(rest.lstrip())
        if unit and len(rest) - len(rest.lstrip()) <= 1:
            if not _told_duration(sentence, c, rest):
                return _REJECT
            c.label, c.counted = unit.group(0).lower(), True  # "10 years" (in prison)
            return e + len(rest) - len(rest.lstrip()) + unit.end()
        if _OF_THE_PERIOD.match(rest) and c.plain_int:
            return _REJECT
    if not (c.kind == "digits" and c.plain_int and not c.unit and not c.has_scale and not c.hyphen_word and not currency):
        return e
    v = c.value or 0
    if 1900 <= v <= 2099 and "." not in sentence[s:c.end]:
        q = _qualifier_before(sentence[max(0, s - 40): s])
        if not q or q.group(1).lower() in _YEAR_QUALIFIERS:
            return _REJECT
    if 1000 <= v < 1900 and _YEAR_PREPOSITION.search(sentence, max(0, s - 8), s) and not _PLURAL_SOON.match(rest):
        return _REJECT  # "born in Braunau in 1889", "since 1648": an older year
    if v >= 1e6 and not c.counted and not _PLURAL_SOON.match(rest):
        return _REJECT  # a long bare number with nothing counted: an id, a reference, a phone number
    prev = _WORD_BEFORE_END.search(sentence[:s])
    if prev and sentence[prev.end(1):s] in (" ", ""):
        word = prev.group(1)
        if word.lower().rstrip(".") in _REFERENCE_WORDS:
            return _REJECT
        if word[:1].isupper() and word not in _FUNCTION_CAPS and word.rstrip(".") not in _FUNCTION_CAPS:
            if not _PEOPLE_AFTER.match(rest):
                return _REJECT
    return e


_RANGE_TO_NUMBER = re.compile(r"\s*(?:to|-|–|or)\s*(?:\d[\d,.]*|(?:%s)\b)\s" % _NUMBER_WORDS, re.I)

_ONE_ADJECTIVE = re.compile(r" ([a-z]{3,}) ")


def _told_duration(sentence: str, c: _Cand, rest: str) -> bool:
    """A duration that is news: a prison term ("up to 10 years in prison", "sentenced to 12
    years") or the age of a thing no person reaches ("50,000 years old")."""
    if (c.value or 0) > 130 and _YEARS_OLD.match(rest):
        return True
    return bool(_CUSTODY.search(sentence, max(0, c.start - 30), min(len(sentence), c.end + 30)))


# not "of": "a new high of 1757", "a preliminary closing figure of 1841" are index levels
_YEAR_PREPOSITION = re.compile(r"\b(?:in|since|until|till|from|by|circa|c\.)\s+$", re.I)

_YEAR_QUALIFIERS = frozenset(
    "only just possibly some between under over about around since before after by".split()
)


def _rate_after(sentence: str, c: _Cand, e: int, currency: str | None) -> int:
    """A rate: "a day", "per share", "a barrel", "daily", "-a-share"."""
    rm = _RATE.match(sentence, e)
    if rm and (c.unit or c.has_scale or c.kind == "digits"):
        return rm.end()
    return e


_FROM_TO_END = re.compile(r"\b(?:from|to)\s+$", re.I)


def _qualifier_before(window: str) -> re.Match | None:
    """`_QUALIFIER_RE.search(window)`, skipped when the window cannot end with a qualifier and
    a space (most numbers): the search tries every position of the window."""
    if window.isascii() and not window.rstrip().lower().endswith(_QUALIFIER_ENDS):
        return None
    return _QUALIFIER_RE.search(window)


def _qualify(sentence: str, c: _Cand) -> None:
    lo = max(0, c.text_start - 40)
    m = _qualifier_before(sentence[lo: c.text_start])
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

_ONE_BLANK = re.compile(r"(?:[ \t]|\n(?=\S))?")  # a wrapped line goes on; an indented one is a new row

_OF_DETERMINER = re.compile(
    r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|a\s+|an\s+|this\s+|that\s+)?(?:[A-Z][\w.&-]*(?:'s|’s)\s+)?"
)

_OF_NUMBER = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?[\d,.]+\s")

_NUMERIC_WORD = re.compile(r"[\d.,/-]+")

_NOUN_OF_END = re.compile(
    r"(?:^|\s)((?:(?:a|an|the|its|their)\s+(?:[a-z][\w'’-]*\s+)?)?)([A-Za-z][\w'’-]*)\s+(?:of|totaling|totalling|totaled|totalled|at|worth)\s+(?:between\s+)?$"
)

_NOUN_OF_END_WORDS = ("of", "totaling", "totalling", "totaled", "totalled", "at", "worth", "between")

_IN_FOR = re.compile(r"\s+(?:in(?!\s+order\s+to\b)|for)\s+(?:the\s+|its\s+)?")  # not "in order to"

_PARTITIVE = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|[A-Z][\w.&]*(?:'s|’s)\s+)?(?:[\d,.]+\s+)?")

_LEADING_SCALE = re.compile(r"^(?:hundred|thousand|million|mln|billion|bn)\s+", re.I)

_RATE_SPLIT = re.compile(r"(?:^|\s+)(?:a|an|per|each)\s+|\s+daily|\s+a year")  # "million a week": no unit word


def _label(sentence: str, c: _Cand, prev_sentence: str, skip: list[tuple[int, int]]) -> None:
    """What the figure counts or measures, in order of evidence:
    a noun right after it ("130,000 troops", "a 51 pct interest"), "of X" after a measure or a
    percentage ("60 pct of its exports"), "X of <figure>" before it ("total assets of 14.8 mln"),
    "in/for X" after money ("40 mln dlrs in aid"), a partitive ("2,800 of NBC's 8,000 workers"),
    then the noun the clause is about ("net income ... jumped 52.6 pct"); "such sites" is resolved
    to what the text just named. Each step sets the label and says it is done, or leaves it."""
    if c.kind == "vague":
        _label_vague(sentence, c, skip)
        return
    if c.counted and c.label:
        return  # read with the number: "10 years" (in prison)
    if _label_noun_after(sentence, c, prev_sentence, skip) or _label_across_modifier(sentence, c) or _label_table_row(sentence, c):
        return
    for step in (_label_of_after, _label_object_raised_to, _label_noun_of_before, _label_money_in_for, _label_partitive, _label_partitive_before, _label_measure_unit):
        if step(sentence, c, skip):
            return
    if c.unit == "times":
        c.label, c.label_from = "times", "unit"  # "~9x as cost-effective": a multiple, of nothing named
        return
    if _label_casualties(sentence, c):
        return
    _label_clause_noun(sentence, c, skip)


# "the blaze that killed 60 and injured 162", "wounding 12": a bare count a verb of harm takes
# counts people, whatever noun came before the verb
_HARMED_BEFORE = re.compile(
    r"\b(?:kill|injur|wound|hurt|maim|evacuat|arrest|rescu|displac|strand|hospitali[sz])(?:ed|ing|es|s)?\s+$", re.I
)

# "in which 270 were killed", "12 died": the count is the subject of the harm
_HARMED_AFTER = re.compile(
    r"\s+(?:(?:were|are|have been|had been|was)\s+(?:killed|injured|wounded|hurt|maimed|evacuated|arrested|rescued|displaced|hospitali[sz]ed)"
    r"|died|perished|drowned)\b", re.I
)

_NOUN_NEXT = re.compile(r"\s+(?:of\b|[a-z]+s\b)")


def _label_casualties(sentence: str, c: _Cand) -> bool:
    """Step 7a: a bare count right after a verb of harm ("killed 60") counts people."""
    if c.unit or c.has_scale and c.kind == "vague":
        return False
    if not _HARMED_BEFORE.search(sentence, max(0, c.text_start - 20), c.text_start) and not _HARMED_AFTER.match(sentence, c.text_end):
        return False
    if _NOUN_NEXT.match(sentence, c.text_end):
        return False
    c.label, c.label_from = "people", "harm"
    return True


# "    Revs 89.6 mln vs 27.2 mln", "    Net loss 289,649 vs loss 138,372": a row of a results table
_ROW_HEAD = re.compile(r"(?:^|\n)[ \t]*([A-Z][a-z]*\.?(?:[ \t]+[A-Za-z][a-z]*\.?){0,3})[ \t]+$")


_ROW_REST = re.compile(r"[ \t]+vs\.?[ \t]|[ \t]*(?:\n|$)")


def _label_table_row(sentence: str, c: _Cand) -> bool:
    """A figure opening a row of a table after the row's words is what those words name."""
    m = _ROW_HEAD.search(sentence, max(0, c.text_start - 60), c.text_start)
    if not m or not _ROW_REST.match(sentence, c.text_end):
        return False  # a row goes on "vs" the year before, or ends its line
    if m.start() == 0 and not sentence[:1].isspace() and "\n" not in sentence[: c.text_start]:
        return False  # the first words of a sentence are not a row's head
    c.label, c.label_from = m.group(1), "row"
    return True


_ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:a|an)\s+$", re.I)

_MODIFIER_AFTER = re.compile(r",?\s+(?:[A-Za-z]+-)+[A-Za-z]+\s+")


def _label_across_modifier(sentence: str, c: _Cand) -> bool:
    """Money set before a noun with another modifier between: "an $80 billion, five-year
    Republican tax cut" is a tax cut."""
    if not c.unit or c.unit in _NOT_MONEY or not _ARTICLE_BEFORE.search(sentence, max(0, c.text_start - 4), c.text_start):
        return False
    m = _MODIFIER_AFTER.match(sentence, c.text_end)
    if not m:
        return False
    words, _ = _np_after(sentence, m.end())
    label = _clean_label(words)
    if not label or not words[-1][:1].islower():
        return False
    c.label, c.label_from = label, "np"
    return True


_PER_UNIT = re.compile(r"(?:(?<![^\s\d])(?:a|an|per|each)\s+|-an?-)([a-z]+)\s*$", re.I)


_OTHER_THEN = re.compile(r"(?:(?:other|more|the|their|its|his|her)[ \t\n]+)?")  # "dozens of other family members"


def _label_vague(sentence: str, c: _Cand, skip: list[tuple[int, int]]) -> None:
    """"thousands of troops", "billions of dollars" (then what the money is), "dozens more"."""
    e = c.text_end
    m = _OF.match(sentence, e)
    if m:
        words, end = _np_after(sentence, _OTHER_THEN.match(sentence, m.end()).end())  # type: ignore[union-attr]
        if len(words) == 1 and words[0].lower() in _VAGUE_WORDS:
            c.text_end = end  # "number in hundreds of thousands": a magnitude of a magnitude, of what comes before
            words = []
        if words:
            c.text_end = end
            head = words[-1].lower()
            currency = next((u for r, u in _CUR_RE.patterns if r.fullmatch(head)), None)
            if currency:
                c.unit = currency
                back = _np_before(sentence, c.start, skip)  # what the money is, when a measure noun says so
                c.label = _clean_label(back) if back and _is_measure_noun(back[-1]) else head
            else:
                c.label = _clean_label(words)
            return
    m = _MORE.match(sentence, e)
    if m:
        c.text_end = m.end()
    words = _np_before(sentence, c.start, skip, "plural")
    if words:
        c.label = _clean_label(words)


def _words_after(sentence: str, c: _Cand) -> tuple[list[str], int]:
    """The noun phrase right after the figure, past a model number ("30 787-9 Dreamliner jets"),
    "more/other" ("20 more lives") or a name ("65,000 First Western common shares")."""
    e = c.text_end
    rest = sentence[e:]
    measure = c.unit is not None
    sp = _ONE_BLANK.match(rest).end()  # type: ignore[union-attr]
    words: list[str] = []
    end = e
    if sp == 1 and not measure and (model := _MODEL_NUMBER.match(rest, sp) or _MORE_THEN.match(rest, sp)):
        words, end = _np_after(sentence, e + model.end())  # also "20 more lives", "three other people"
        if not (words and _is_plural(words[-1])) or _TIME_UNITS.fullmatch(words[-1]):
            words, end = ([], e)
    elif sp == 1 or c.hyphen_word:
        words, end = _np_after(sentence, e + sp)
        if not words and sp == 1 and _ARTICLE_BEFORE.search(sentence, max(0, c.text_start - 4), c.text_start):
            words, end = _noun_after_article(sentence, e + sp)
        if sp == 1 and not measure and all(w[:1].isupper() for w in words) and (name := _NAME_THEN.match(rest, sp)):
            # "65,000 First Western common shares", "Two United States service members"
            after, after_end = _np_after(sentence, e + name.end())
            if after and after[-1][:1].islower() and _is_plural(after[-1]) and not _TIME_UNITS.fullmatch(after[-1]):
                words, end = after, after_end
    return words, end


_LOWER_WORD = re.compile(r"[a-z]{3,}(?=[\s,.;:)]|$)")


def _noun_after_article(sentence: str, pos: int) -> tuple[list[str], int]:
    """"a 5% raise for teachers", "a $2 fee": between an article and the word after the figure
    stands nothing but the figure, so that word is a noun even when it reads like a verb."""
    m = _LOWER_WORD.match(sentence, pos)
    if not m or m.group(0) in _STOP or m.group(0) in _QUALIFIER_WORDS_AFTER or not _nounish(m.group(0)):
        return [], pos
    return [m.group(0)], m.end()


def _label_noun_after(sentence: str, c: _Cand, prev_sentence: str, skip: list[tuple[int, int]]) -> bool:
    """Step 1: a noun phrase right after the figure; ratios and "-strong" read their own way."""
    words, end = _words_after(sentence, c)
    measure = c.unit is not None
    if c.kind == "ratio":
        if words and _is_plural(words[-1]):
            c.label, c.text_end, c.counted = _clean_label(words), end, True
        else:
            back = _np_before(sentence, c.start, skip, "plural")
            c.label = "people" if not back or not sentence.lower().count("people") == 0 else _clean_label(back)
        return True
    if words and c.hyphen_word == "strong":
        c.label, c.text_end, c.counted = _clean_label(words), end, True
        return True
    if c.hyphen_word == "strong":
        back = _np_before(sentence, c.text_start, skip, "nearest")
        c.label = _clean_label(back) if back else "strength"
        return True
    if words and not measure and c.hyphen_word is None and c.kind != "fraction":
        label = _clean_label(words)
        if label:
            c.label, c.text_end, c.counted = label, end, True
    elif words and (measure or c.hyphen_word):
        words = _amount_of(sentence, words, end)
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
        return True
    return bool(c.counted or c.label_from == "hyphen" and c.label)


def _amount_of(sentence: str, words: list[str], end: int) -> list[str]:
    """A noun that only measures names nothing: "1.50 billion dlrs principal amount of debt
    securities" counts the securities, so the noun after "of" is the label."""
    if words[-1].lower() not in _CONTAINER_NOUNS:
        return words
    m = _OF_DETERMINER.match(sentence[end:])
    if not m:
        return words
    after, _ = _np_after(sentence, end + m.end())
    return after or words


def _label_of_after(sentence: str, c: _Cand, skip: list[tuple[int, int]]) -> bool:
    """Step 2: "of X" after a measure, a percentage, a fraction or a bare number."""
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
                return True
    return False


# "raising the death toll from two weeks of cold to at least 74", "lifted its stake in the
# company to 9.5 pct", "brings to 5.45 billion dlrs the total": the object a change verb takes
# to the figure is what the figure measures
_RAISED_TO = re.compile(
    r"\b(?:rais|bring|brought|lift|push|boost|increas|reduc|lower|tak|took|put|driv|drove|swell|swollen|cut)[a-z]*"
    r"\s+(?:the|its|their|his|her|our|this|that)\s+((?:[a-z][\w'’-]*\s+){0,3}?[a-z][\w'’-]*)"
    r"(?:\s+(?:from|in|at|of|for|on)\s+[^;:.!?()\d]{0,60}?)?\s+to\s+$"
)


def _label_object_raised_to(sentence: str, c: _Cand, skip: list[tuple[int, int]]) -> bool:
    """Step 2b: the object of a change verb that takes it to the figure."""
    m = _RAISED_TO.search(sentence, max(0, c.text_start - 160), c.text_start)
    if not m:
        return False
    words = m.group(1).split()
    if len(words) >= 3 and words[-2] == "of" and words[-3].lower() in _CONTAINER_NOUNS | {"number"}:
        words = words[-1:]  # "the number of dead"
    if not all(_nounish(w) and (not _verbish(w) or k == len(words) - 1) for k, w in enumerate(words)):
        return False  # after its determiner the last word is a noun ("raising the cost to")
    if len(words) == 1 and words[0].lower() in _CONTAINER_NOUNS:
        return False  # "bringing the total to 40": a total of what the clause counted
    c.label, c.label_from = _clean_label(words), "object"
    return True


_NOT_THE_NOUN_OF = frozenset(("one", "some", "all", "most", "each", "none", "any", "part", "number", "rate", "level"))


def _label_noun_of_before(sentence: str, c: _Cand, skip: list[tuple[int, int]]) -> bool:
    """Step 3: "X of <figure>", "X totaling <figure>", "X at <figure>"."""
    before = sentence[: c.text_start]
    # the pattern ends in one of these words and spaces: test that first (most numbers have none)
    m = _NOUN_OF_END.search(before) if before.rstrip().endswith(_NOUN_OF_END_WORDS) else None
    if m and _nounish(m.group(2)) and (m.group(1) or not _verbish(m.group(2))) and m.group(2).lower() not in _NOT_THE_NOUN_OF:
        back = _compound_left(_tokens(sentence[: m.end(2)]))
        if back:
            c.label, c.label_from = _clean_label(back), "before-of"
            return True
    return False


def _label_money_in_for(sentence: str, c: _Cand, skip: list[tuple[int, int]]) -> bool:
    """Step 4: money "in aid", "for working capital" (not "in the previous fiscal year")."""
    if (c.unit or c.has_scale) and c.unit not in _MEASURE_UNITS and c.unit not in ("%", "points", "bp"):
        m = _IN_FOR.match(sentence[c.text_end:])
        if m:
            words, _ = _np_after(sentence, c.text_end + m.end())
            if words and not words[0][:1].isupper() and not any(_PERIOD_WORD.fullmatch(w) for w in words):
                c.label, c.label_from = _clean_label(words), "in"
                return True
    return False


def _label_partitive(sentence: str, c: _Cand, skip: list[tuple[int, int]]) -> bool:
    """Step 5: a partitive, "2,800 of NBC's 8,000 workers", "all 11 of its 747-SR's"."""
    m = _PARTITIVE.match(sentence[c.text_end:])
    if m:
        words, _ = _np_after(sentence, c.text_end + m.end())
        if words:
            c.label = _clean_label(words)
            return True
    return False


_PARTITIVE_BEFORE = re.compile(r"(?:^|[.;:]\s+)\W?Of\s+(?:the|its|their|those|these)\s+(?:[\d,]+\s+)?((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*),\s*$")


def _label_partitive_before(sentence: str, c: _Cand, skip: list[tuple[int, int]]) -> bool:
    """Step 5b: a partitive opening the clause, "Of the injured, at least 57 were in intensive care"."""
    if c.unit:
        return False
    m = _PARTITIVE_BEFORE.search(sentence, 0, c.text_start)
    if not m:
        return False
    c.label = m.group(1)
    return True


def _label_measure_unit(sentence: str, c: _Cand, skip: list[tuple[int, int]]) -> bool:
    """Step 6: a measure with nothing else: a measure noun nearby, else the unit as written ("150 miles")."""
    if c.unit not in _MEASURE_UNITS:
        return False
    # a length is not of "capital" or "sales": "only 150 miles" -> miles
    back = [] if c.unit in _LENGTH_UNITS else _np_before(sentence, c.text_start, skip, "measure-only")
    if back:
        c.label, c.label_from = _clean_label(back), "back"
        return True
    unit_text = sentence[c.end:c.text_end].strip(" -")
    unit_word = _LEADING_SCALE.sub("", unit_text)
    unit_word = _RATE_SPLIT.split(unit_word)[0]
    c.label, c.label_from = (unit_word or c.unit), "unit"
    return True


def _label_clause_noun(sentence: str, c: _Cand, skip: list[tuple[int, int]]) -> None:
    """Step 7: the noun the clause is about; money is not counted by a name ("Jefferies",
    "Association") nor by a word that names no measure ("the company owed"): then the thing
    it is paid per ("2.50 dlrs a bushel"), else the currency as written ("three mln dlrs" -> dlrs).
    A noun that is not a measure names the money only when the money is its level ("the dollar
    above 149 yen"), not as the subject of a verb ("BankAmerica will provide 592 mln dlrs")."""
    # the subject of a change verb wins over the nearest noun: the noun is sought only without one
    subject = _clause_subject(sentence, c.text_start, changes=True)
    back = subject or _np_before(sentence, c.text_start, skip)
    if back:
        c.label, c.label_from = _clean_label(back), "back"
        last = c.label.split()[-1] if c.label.split() else ""
        if c.unit and c.unit not in _MEASURE_UNITS and c.unit not in _NOT_MONEY and not _money_is_its_level(subject, last) and (
            c.label[:1].isupper() and not c.label.isupper() and not sentence.lstrip().startswith(c.label)
            or _singular(last) in _ORGANISATIONS
            or not _is_measure_noun(last) and (_is_plural(last) or any(_verbish(w) for w in c.label.split()))
            or c.unit in _CURRENCY_UNITS and not _is_measure_noun(last) and not _LEVEL_GAP.fullmatch(_gap_after(sentence, last, c.start))
        ):
            _label_money(sentence, c)
        return
    if c.unit:
        c.label = "percent" if c.unit == "%" else _money_word(sentence, c) if c.unit not in _NOT_MONEY else c.unit
        c.label_from = "unit"
        if c.unit in _CURRENCY_UNITS:
            _label_money(sentence, c)


def _money_is_its_level(subject: list[str], last: str) -> bool:
    """Money a level verb gives its subject ("Outlays last month totaled 83.83 billion dlrs",
    "Receipts were 55.46 billion dlrs") is what the subject amounts to: the subject names it,
    unless it is the one who pays ("the company's unit was ...")."""
    return bool(subject) and _singular(last) not in _ORGANISATIONS


def _label_money(sentence: str, c: _Cand) -> None:
    """Money with no noun to name it: the thing it is paid per ("17 cts a share", "27 dlrs per
    ton"; not per day or year), else the currency as written."""
    m = _PER_UNIT.search(sentence, c.end, c.text_end)
    if m and not _TIME_UNITS.fullmatch(m.group(1)) and m.group(1).lower() not in ("daily", "capita", "person", "head"):
        c.label, c.label_from = m.group(1), "rate"
    else:
        c.label, c.label_from = _money_word(sentence, c), "unit"


# between a noun and the money it stands at: "resistance is at 18.75 dlrs", "the dollar above
# 149 yen", "the previous record was 17.51 billion dlrs": the noun is what the money prices
_LEVEL_GAP = re.compile(r"(?:\s+(?:is|was|are|were|stood|stands|remains|remained|at|above|below|around|near|under|over))+\s*(?:[\d.,]+\s*(?:-|–|to)\s*)?[$£€¥]?", re.I)


def _gap_after(sentence: str, word: str, end: int) -> str:
    """The text between the last `word` before `end` and `end`."""
    at = sentence.rfind(word, 0, end)
    return sentence[at + len(word):end] if at >= 0 else "?"

_CURRENCY_UNITS = frozenset(u for _, u in _CURRENCY_WORDS) | frozenset(u for _, u in _CURRENCY_SYMBOLS)


_PERIOD_WORD = re.compile(r"(?i)(?:fiscal|previous|prior|last|first|second|third|fourth|latest|current|year|quarter|month|week|period|half)s?")

_LENGTH_UNITS = frozenset(("km", "mi", "m", "cm", "mm", "ft", "in", "yd", "nmi"))

_MODEL_NUMBER = re.compile(r"(?:\d{3,4}[-–]\d{1,3}[A-Z]{0,3}|[A-Z]{1,3}[-–]?\d{1,4}[A-Z]{0,3})[ \xa0]+(?=[A-Za-z])")

_MORE_THEN = re.compile(r"(?:more|other|additional|extra|fewer|new)[ \t\n]+(?=[a-z])")

# "65,000 First Western common shares", "Two United States service members": a name between a
# count and its plural noun qualifies the noun
_NAME_THEN = re.compile(r"(?:[A-Z][\w&'’-]*[ \t\n]+){1,3}(?=[a-z])")

_ORGANISATIONS = frozenset("company firm group bank government corporation subsidiary unit concern agency".split())

_NOT_MONEY = frozenset(("%", "points", "bp", "percentage points", "times"))


def _is_measure_noun(word: str) -> bool:
    return word.lower() in _MEASURE_NOUNS or _singular(word) in _MEASURE_NOUNS


def _money_word(sentence: str, c: _Cand) -> str:
    """The currency of a money figure as its text writes it: "dlrs", "pence", "stg"."""
    unit_text = _LEADING_SCALE.sub("", sentence[c.end:c.text_end].strip(" -") + " ").strip()
    unit_text = _RATE_SPLIT.split(unit_text)[0].strip()
    if not unit_text and (before := _CURRENCY_WORD_BEFORE.search(sentence, max(0, c.start - 12), c.start)):
        unit_text = before.group(0).split()[-1]  # "dlrs 100 million"
    return unit_text or {"USD": "dollars"}.get(c.unit or "", c.unit or "")


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
