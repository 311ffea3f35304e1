"""Named rules on a sentence's figures: what is not a figure (identifiers, scores, ages in
passing, frequencies, the second half of a conversion) and what must read right (wire mixed
numbers, signs, hyphen measures). Each takes (sentence, offset, figures) and returns figures."""

from __future__ import annotations

import re
from .model import Figure
from .phrases import _is_plural, _singular, _verbish
from .words import _RECORD_NOUNS, _MEASURE_UNITS, _PRODUCT_SIZES, _SMALL, _STOP


# ------------------------------------------------------------------ rules on a sentence's figures
# Each takes (sentence, offset of the sentence, its figures) and returns the figures to keep.

_CONVERSION_GAP = re.compile(
    r"(?:[-–][a-z]+)?\s*\(\s*(?:(?:about|some|roughly|around|nearly|almost|approximately|or)\s+)?(?:minus\s+)?(?:(?:US)?\$|dlrs|usd|us\$)?\s*$", re.I
)

_CURRENCY_GAP = re.compile(r"\(\s*(?:US)?\$?\s*(?:dlrs|usd|us\$)?\s*$", re.I)

_CLOSES_PARENTHESIS = re.compile(r"(?:[-–][a-z]+|/[a-z]{1,3})?\s*\)")  # "200-meter-long (600-foot-long)", "(210 km/h)"

_MEASURE_END = re.compile(r"(?:[A-Za-z]{2,}\.?|%|°[CF]?|\d\s?[CFK])$")  # a number with its unit or noun ("6 F")


def _drop_conversions(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """The second half of a unit conversion: "217 kilometers (134 miles)", "minus 20 degrees
    Celsius (minus 4 Fahrenheit)" — a measure in parentheses right after another measure."""
    out: list[Figure] = []
    for f in figures:
        prev = out[-1] if out else None
        if prev is not None and _MEASURE_END.search(prev.text) and (_MEASURE_END.search(f.text) or _CURRENCY_GAP.search(sentence, 0, f.start - offset)):
            gap = sentence[prev.end - offset:f.start - offset]
            if _CONVERSION_GAP.fullmatch(gap) and _CLOSES_PARENTHESIS.match(sentence, f.end - offset):
                continue
            if _or_conversion(sentence, offset, prev, f):
                continue
        out.append(f)
    return out


_OR_GAP = re.compile(r",?[ \xa0]+or[ \xa0]+(?:about[ \xa0]+|some[ \xa0]+|roughly[ \xa0]+)?")


def _or_conversion(sentence: str, offset: int, prev: Figure, f: Figure) -> bool:
    """"2,750 tons, or 2,500 metric tons", "500 miles or 800 km": a measure restated in
    another unit after "or" is the same quantity converted, not a second figure."""
    return (prev.unit in _MEASURE_UNITS and f.unit in _MEASURE_UNITS
            and bool(_OR_GAP.fullmatch(sentence, prev.end - offset, f.start - offset)))


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
        if times_end is not None and not _MULTIPLIER_AFTER.match(sentence, times_end) and not (f.value or 0) >= 1000:
            continue  # "downloaded 50 million times" is a count of downloads, not how often
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

# "    Assets 1.7 billion vs 1.5 billion": the word opening a line of a results table names the
# row, as a sentence's first word does, it is no name the number belongs to
_ROW_HEAD_BEFORE = re.compile(r"\n[ \t]*[A-Z][a-z]*[ \t]$")

_NAME_OF_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+[ \xa0]+of[ \xa0]+$")

_GLUED_BEFORE = re.compile(r"(?:[A-Za-z][:/]|[/_]|[\w\]]==?)$")  # "rv:65.0", "Firefox/65", "flask==1.0.3"

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
            if _NAME_BEFORE.search(before) and not _SENTENCE_START_WORD.match(sentence, 0, start) and not _ROW_HEAD_BEFORE.search(before):
                continue
            if _GLUED_BEFORE.search(before) or _MODEL_HEAD.search(before):
                continue
        if _PLAIN_NUMBER.fullmatch(f.text) and _GLUED_IDENTIFIER.match(sentence, end) and not f.unit:
            continue
        first = f.text.split(" ")[0]
        if first[:1].isupper() and first.lower() in _SMALL and start > 0 and sentence[:start].strip():
            continue  # "Group of Seven", "the Big Three": not at the start of the sentence
        if bare and f.text == first and _NAME_OF_BEFORE.search(sentence, max(0, start - 30), start):
            continue  # "the Group of 20", "the Class of 2024": a number closing a name
        out.append(f)
    return out


_SCORE_BEFORE = re.compile(r"\b(?:score|scores|scored|scoring|rated|rating|tied at|level at|version|v\.?)\s+(?:of\s+)?$", re.I)

_AGE_BEFORE = re.compile(r"\b(?:as (?:young|old) as|(?:older|younger) than|aged?|ages)\s+$", re.I)

_TURNED_BEFORE = re.compile(r"\b(?:turned|turns|turning)\s+$", re.I)  # "who turned 70": an age when nothing is counted
_SCORE_OR_AGE_BEFORE = re.compile(f"{_SCORE_BEFORE.pattern}|{_AGE_BEFORE.pattern}", re.I)  # one search, not two


_SCORE_AGE_ENDS = (
    "score", "scores", "scored", "scoring", "rated", "rating", "at", "version", "v", "v.", "of",  # _SCORE_BEFORE
    "as", "than", "age", "aged", "ages", "turned", "turns", "turning",  # _AGE_BEFORE, _TURNED_BEFORE
)

_DATE_FRACTION = re.compile(r"\d{1,2}/(?!(?:2|3|4|5|6|8|10|12|16|32|64)\b)\d{1,2}")


def _drop_scores_and_ages(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """"a score of 409.30", "as young as 12 and none older than 20": scores and ages in passing.
    A share is no score: "a popularity rating of 37.5 pct" says how many back a party."""
    out = []
    for f in figures:
        before = sentence[max(0, f.start - offset - 30):f.start - offset]
        # the three patterns end in one of _SCORE_AGE_ENDS and spaces: most numbers need no search
        if not before.isascii() or before.rstrip().lower().endswith(_SCORE_AGE_ENDS):
            if (_AGE_BEFORE if f.unit == "%" else _SCORE_OR_AGE_BEFORE).search(before):
                continue
            if _TURNED_BEFORE.search(before) and _PLAIN_NUMBER.fullmatch(f.text):
                continue
        if _DATE_FRACTION.fullmatch(f.text.split(" ")[0]):
            continue  # "9/11", "24/7": a date or a phrase, not a fraction
        out.append(f)
    return out


_WIRE_FRACTION = re.compile(r"[ \xa0]([1-7])[-/]([2348])\b(?:[ \xa0]+([a-z]+))?")


def _wire_mixed_numbers(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """Wire copy writes 2½ as "2 1-2": one figure, 2.5, with the noun after it."""
    out: list[Figure] = []
    skip_until = -1
    for f in figures:
        if f.start < skip_until:
            continue
        end = f.end - offset
        plain = _ENDS_PLAIN_NUMBER.search(f.text) is not None and f.value is not None and not f.unit
        if plain and (nxt := _next_fraction(sentence, offset, f, figures)) is not None:
            f, skip_until = nxt, nxt.end
            out.append(f)
            continue
        m = _WIRE_FRACTION.match(sentence, end) if plain else None
        if m and int(m.group(1)) < int(m.group(2)):
            value = f.value + int(m.group(1)) / int(m.group(2))  # type: ignore[operator]
            label = m.group(3) or f.label
            f = Figure(sentence[f.start - offset:m.end()], value, f.unit, f.qualifier, label, sentence, f.start, offset + m.end())
            skip_until = f.end
        out.append(f)
    return out


_ENDS_PLAIN_NUMBER = re.compile(r"(?:^|[ \xa0])\d+$")

_SLASH_FRACTION = re.compile(r"([1-9])/([2-9]|1[0-6])\b")


def _next_fraction(sentence: str, offset: int, f: Figure, figures: list[Figure]) -> Figure | None:
    """"1 1/2 million dollars": a whole number and the slash fraction after it are one figure."""
    nxt = next((g for g in figures if g.start > f.start), None)
    if nxt is None or nxt.start != f.end + 1 or sentence[f.end - offset] not in " \xa0" or nxt.value is None or f.value is None:
        return None
    m = _SLASH_FRACTION.match(nxt.text)
    if not m or int(m.group(1)) >= int(m.group(2)):
        return None
    frac = int(m.group(1)) / int(m.group(2))
    scale = nxt.value / frac
    value = float(f"{(f.value + frac) * scale:.12g}")
    return Figure(sentence[f.start - offset:nxt.end - offset], value, nxt.unit, f.qualifier or nxt.qualifier, nxt.label, sentence, f.start, nxt.end)


_HYPHEN_MEASURE = re.compile(r"[\d,.]+-([a-z]+)")

_HYPHEN_RATE = re.compile(r"[-–](?:a|an|per)[-–][a-z]+")

_LOWER_WORD_AFTER = re.compile(r"[ \xa0]+([a-z]+)\b")

_CAPITAL_AFTER = re.compile(r"[ \xa0]+[A-Z]")


_CONVERSION_ASIDE = re.compile(r"[ \xa0]*\([^()]{1,24}\)(?:-[a-z]+)?")


def _hyphen_measures(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """"a 10-page response", "a 12-nation tournament", "a 10-speed gearbox": a number joined to
    a plain noun and set before another noun describes that noun, it is not a count being
    reported (no pages are counted); a measure so set ("a 14-inch display") is the size of
    what it describes, labelled by it; a size before a name ("16-inch MacBook Pro") is part of
    a product's name."""
    out = []
    for f in figures:
        m = _HYPHEN_MEASURE.fullmatch(f.text)
        if m:
            end = f.end - offset
            if m.group(1) in _PRODUCT_SIZES and _CAPITAL_AFTER.match(sentence, end):
                continue
            rate = _HYPHEN_RATE.match(sentence, end)  # "a 1.21-dlr-an-hour pay raise"
            aside = _CONVERSION_ASIDE.match(sentence, end)  # "275-kph (170-mph) winds"
            head = _noun_phrase_head(sentence, rate.end() if rate else aside.end() if aside else end)
            if head and f.unit is None:
                continue
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
        if not m or m.group(1) in _STOP or _verbish(m.group(1)) and not _compound_verb_form(head, m.group(1)):
            break
        head, pos = m.group(1), m.end()
    return head


def _compound_verb_form(prev: str | None, word: str) -> bool:
    """A bare verb form after a singular noun continues the compound ("pay raise", "tax cut"):
    a singular subject would take "raises"; after a plural ("bonds rise") it is the verb."""
    return bool(prev) and not _is_plural(prev or "") and not word.endswith(("s", "ed", "ing"))


_SCORE_HALF_BEFORE = re.compile(r"(?<![\d.,])\d{1,2}[-–]$")


def _drop_score_halves(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """"beat Agassi 6-4, 7-5, 6-3": the number after "6-" is the second half of a score (or of
    an identifier like "B-3"); a range would have been read whole from its first number."""
    out = []
    for f in figures:
        start = f.start - offset
        if not f.unit and _SMALL_INT.fullmatch(f.text) and _SCORE_HALF_BEFORE.search(sentence, max(0, start - 4), start):
            continue
        out.append(f)
    return out


_SMALL_INT = re.compile(r"\d{1,2}")

_ADDRESS_AFTER = re.compile(
    r"[ \xa0]+(?:[A-Z][\w'’-]*[ \xa0]+){0,3}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|Place|"
    r"Square|Way|Court|Terrace|Highway|Parkway|Strasse|Straße)(?![\w])"
    r"|[ \xa0]+(?:[NSEW]|NE|NW|SE|SW)\.[ \xa0]+[A-Z]"  # "201 E. Nine Mile": a compass point abbreviated before a street
)


def _drop_addresses(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """"12 Main Street", "221 Baker Street": a house number, not a count."""
    out = []
    for f in figures:
        end = f.start - offset + len(f.text.split(" ")[0])
        if not f.unit and _PLAIN_NUMBER.fullmatch(f.text.split(" ")[0]) and _ADDRESS_AFTER.match(sentence, end):
            continue
        out.append(f)
    return out


_LIST_MARK_AFTER = re.compile(r"[.)](?:[ \xa0\t]|$)")

_LINE_START = re.compile(r"(?:^|\n)[ \t•*-]*$")


def _heading_number(sentence: str, start: int, end: int) -> bool:
    """"2 Advice And Emacs Lisp": a number opening a short line of capitalised words with no
    full stop numbers a section."""
    line_end = sentence.find("\n", end)
    line = sentence[end:line_end if line_end >= 0 else len(sentence)].rstrip()
    return bool(_HEADING_REST.fullmatch(line)) and len(line) <= 60


def _drop_list_numbers(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """"1. Preheat the oven", "2) Mix": a number opening a line and closed by a point or a
    bracket numbers an item of a list; so does one closed by a bracket never opened ("others
    1) didn't see them or 2) did"), and one opening a heading's line ("4 References")."""
    out = []
    for f in figures:
        start, end = f.start - offset, f.end - offset
        first = f.text.split()[0] if f.text.split() else ""
        if _SMALL_INT.fullmatch(first):
            end = start + len(first)
            at_line_start = _LINE_START.search(sentence, 0, start)
            if at_line_start and (_LIST_MARK_AFTER.match(sentence, end) and first == f.text or _heading_number(sentence, start, end)):
                continue
            if first == f.text and sentence[end:end + 1] == ")" and "(" not in sentence[max(0, start - 30):start]:
                continue
        out.append(f)
    return out


_HEADING_REST = re.compile(r"(?:[ \xa0]+(?:[A-Z][\w'’-]*|[a-z]{1,3}|[—–-]|\d{4}))+")


_APPOSITIVE_BEFORE = re.compile(r"[A-Za-z][\w.'’]*,[ \xa0]$")

_APPOSITIVE_AFTER = re.compile(r",|\)|[ \xa0]*(?:—|--)")

_RANK_BEFORE = re.compile(r"\b(?:[Tt]op|[Nn]o\.|[Nn]umber|[Rr]anked|[Rr]anking)[ \xa0]$")


def _drop_ages_and_ranks(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """"The victim, 54, was a teacher": a bare number set off by commas after a noun is an age
    in passing; "top 10", "ranked 3": a rank, not a count."""
    out = []
    for f in figures:
        start, end = f.start - offset, f.end - offset
        if not f.unit and _PLAIN_NUMBER.fullmatch(f.text) and "." not in f.text and f.value is not None and f.value < 130:
            if _APPOSITIVE_BEFORE.search(sentence, max(0, start - 40), start) and _APPOSITIVE_AFTER.match(sentence, end):
                continue
            if _RANK_BEFORE.search(sentence, max(0, start - 10), start):
                continue
        out.append(f)
    return out


_BARE_CELL = re.compile(r"[-+−]?\d[\d,.]*%?")

_CELL_AFTER = re.compile(r"(?:[ \xa0]{2,}|\t)[ \t\xa0]*[-+−]?\d[\d,.]*%?(?=\s|$)")

_CELL_BEFORE = re.compile(r"(?:^|\s)[-+−]?\d[\d,.]*%?(?:[ \xa0]{2,}|\t)[ \t\xa0]*$")


_DOT_LEADER = re.compile(r"\.{3}")


def _in_pipe_row(sentence: str, start: int) -> bool:
    """Whether `start` lies on a line of a pipe table ("| apache_builds | 2.3 GB/s |"), as the
    HTML reader writes a page's tables."""
    line_start = sentence.rfind("\n", 0, start) + 1
    line_end = sentence.find("\n", start)
    line = sentence[line_start:line_end if line_end >= 0 else len(sentence)].strip()
    return line.startswith("|") and line.endswith("|") and line.count("|") >= 3


def _drop_table_cells(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """"COMPANIES  1.62  -0.05  2.40": bare numbers side by side with nothing but blanks between
    them are the cells of a table (prices, changes, tickers), not figures of the story; so is
    every number of a pipe table's row."""
    out = []
    for f in figures:
        start, end = f.start - offset, f.end - offset
        if "|" in sentence and _in_pipe_row(sentence, start):
            continue
        if _BARE_CELL.fullmatch(f.text.lstrip(".")) and _DOT_LEADER.search(sentence, max(0, start - 4), min(len(sentence), end + 4)):
            continue  # "TANDIL.......15......5": a cell of a table set with dot leaders
        if _BARE_CELL.fullmatch(f.text) and (
            _CELL_AFTER.match(sentence, end) or _CELL_BEFORE.search(sentence, max(0, start - 30), start)
        ):
            continue
        out.append(f)
    return out


_OF_TOTAL_BEFORE = re.compile(
    r"\b(?:photo|photos|image|images|picture|slide|page|part|step|item|chapter|episode|game|round|volume|issue)\s+\d+\s+of\s+$", re.I
)

_PHONE_BEFORE = re.compile(r"\b(?:tel|phone|telephone|fax|call|mobile|hotline)\b\.?:?[\s\d().+/-]*$", re.I)

_LEADING_ZERO = re.compile(r"0\d+")


def _drop_pages_and_phones(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """"Photo 1 of 5", "Page 2 of 3": the count of a gallery or document, not of the story;
    "Tel: 020 7946 0958": a phone number's groups (a leading zero is never a count)."""
    out = []
    for f in figures:
        start = f.start - offset
        if _PLAIN_NUMBER.fullmatch(f.text):
            before = sentence[max(0, start - 40):start]
            if _OF_TOTAL_BEFORE.search(before) or _PHONE_BEFORE.search(before) or _LEADING_ZERO.fullmatch(f.text):
                continue
        out.append(f)
    return out


_RATE_THEN_NAME = re.compile(r"[ \xa0\n](?:per|a|an)[ \xa0\n]+([a-z]{3,})[ \xa0\n]+([A-Z][\w.]*)$")


def _rate_before_name(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """"80.49 dlrs per tonne Fob": a capitalised word after a price's rate is a trade term or a
    name, not what is priced; the price is per tonne."""
    out = []
    for f in figures:
        m = _RATE_THEN_NAME.search(f.text)
        if m and f.label == m.group(2):
            f = Figure(f.text, f.value, f.unit, f.qualifier, m.group(1), sentence, f.start, f.end)
        out.append(f)
    return out


_BRACKETED = re.compile(r"[(\[]\s*\d{1,3}\s*(?:[,;–-]\s*\d{1,3}\s*)*[)\]]")


_ELLIPSIS_GAP = re.compile(r"[^\d;:.]{0,40}?(?:,|\band)[ \xa0\n]+")

_PARTICIPLE_AFTER = re.compile(r"[ \xa0\n]+[a-z]+(?:ed|en)\b")


_BARE_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)*")


def _drop_bare_unlabelled(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """A bare number with nothing counted, no unit, scale or qualifier ("in position Lat. 25",
    "version: '3.7'") says nothing a reader can use; a bracketed one ("(3)", "[1]") is a note."""
    out: list[Figure] = []
    for f in figures:
        start, end = f.start - offset, f.end - offset
        if _BARE_NUMBER.fullmatch(f.text) and not f.label and not f.unit:
            prev = out[-1] if out else None
            gap = sentence[prev.end - offset:start] if prev is not None else ""
            if prev is not None and prev.label and not prev.unit and _ELLIPSIS_GAP.fullmatch(gap) and _PARTICIPLE_AFTER.match(sentence, end):
                # "Eight people were killed and 20 injured": the second number counts the same thing
                out.append(Figure(f.text, f.value, f.unit, f.qualifier, prev.label, sentence, f.start, f.end))
            continue
        if _BARE_NUMBER.fullmatch(f.text) and any(
            m.start() <= start and end <= m.end() for m in _BRACKETED.finditer(sentence, max(0, start - 12), min(len(sentence), end + 12))
        ):
            continue
        out.append(f)
    return out


_PART_OF_BEFORE = re.compile(
    r"\b(?:including|includes|included|among them|of which|of whom)[ \xa0]+$"
    r"|(?:,|\band)[ \xa0]+[a-z]+ing[ \xa0]+$",  # "killing 60 people and injuring 155"
    re.I,
)


def _parts_count_the_same(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """"claimed more than 90 lives across Europe, including 30 in Romania": a bare number
    after "including" is part of the figure before it and counts the same thing; so does one
    after a second verb of the same form ("killing 60 people and injuring 155")."""
    out: list[Figure] = []
    for f in figures:
        start = f.start - offset
        prev = out[-1] if out else None
        if (prev is not None and prev.label and not f.unit and _BARE_NUMBER.fullmatch(f.text)
                and _PART_OF_BEFORE.search(sentence, max(0, start - 20), start)):
            f = Figure(f.text, f.value, f.unit, f.qualifier, prev.label, sentence, f.start, f.end)
        out.append(f)
    return out


def _drop_sports_records(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """"won a total of eight Olympic gold medals", "with two goals in the final minutes": a count
    of medals, goals or titles is a sports record or score, not a figure of the story."""
    kept = [f for f in figures if f.unit or not f.label or f.label.split()[-1].lower() not in _RECORD_NOUNS]
    if len(kept) < len(figures) or _SCORED_BEFORE.search(sentence):
        # "James finished with 25 points, 11 rebounds and 10 assists", "he scored 32 points": a player's points
        kept = [f for f in kept if f.unit != "points"]
    return kept


_SCORED_BEFORE = re.compile(r"\b(?:scored|scoring|scores)\b", re.I)


_QUOTE_OPEN_BEFORE = re.compile(r"(?:^|[\s(])[\"“‘']$")

_QUOTE_CLOSE_SOON = re.compile(r"(?:[ \xa0]+[\w'’-]+){0,2}[,.!?]?[\"”’']")


def _drop_quoted_names(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """'the term "three amigos"', '"Big Three"': a number opening a quoted phrase of a few
    words is part of a name or a term, not a count (a small one: '"5 mln cars"' is quoted data)."""
    out = []
    for f in figures:
        start = f.start - offset
        first = f.text.split(" ")[0]
        core_end = start + len(first)
        if not f.unit and f.value is not None and f.value < 100 and _QUOTE_OPEN_BEFORE.search(sentence, max(0, start - 2), start) and _QUOTE_CLOSE_SOON.match(sentence, core_end):
            continue
        out.append(f)
    return out


_FIGURE_RULES = (
    _drop_identifiers, _drop_scores_and_ages, _drop_score_halves, _drop_addresses, _drop_list_numbers, _drop_ages_and_ranks, _wire_mixed_numbers, _hyphen_measures,
    _drop_conversions, _drop_frequencies, _keep_signs, _drop_table_cells, _drop_pages_and_phones, _rate_before_name, _parts_count_the_same, _drop_bare_unlabelled,
    _drop_quoted_names, _drop_sports_records,
)
