"""Publication dates with provenance, for text: values, header lines, URLs, file names, prose.

Trust order (applied in `briefing.ingest.load`): metadata → header → url → filename → text → none.
Every finder returns a `DateFinding` or None; nothing here guesses. Impossible dates (month
13, year 0) and dates after today are rejected everywhere, so a typo never becomes news.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from functools import lru_cache

from ..core.model import DateFinding

EARLIEST = dt.date(1900, 1, 1)

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
}
#: Day names, lower case (one table for every step that must recognise them).
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

# "Monday, Feb. 14, 2022", "February 14, 2022", "Feb 14 2022"
_MDY = re.compile(rf"\b(?P<weekday>{_WEEKDAY},?\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.I)
# "14 February 2022", "Monday 14 Feb 2022"
_DMY = re.compile(rf"\b(?P<weekday>{_WEEKDAY},?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+{_YEAR}\b", re.I)
# ISO "2022-02-14" (also with / or .)
_ISO = re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d{2})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?![\d])")
_COMPACT = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?P<month>0[1-9]|1[0-2])(?P<day>0[1-9]|[12]\d|3[01])(?!\d)")


def today() -> dt.date:
    return dt.date.today()


def plausible(year: int, month: int, day: int, latest: dt.date | None = None) -> dt.date | None:
    """The date, or None when it does not exist, is before 1900 or after `latest` (today)."""
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    limit = latest or today() + dt.timedelta(days=1)  # a day of slack for time zones
    return value if EARLIEST <= value <= limit else None


def _from_match(match: re.Match) -> dt.date | None:
    month = match.group("month")
    month_number = MONTHS.get(month.lower().rstrip(".")) if not month.isdigit() else int(month)
    if month_number is None:
        return None
    return plausible(int(match.group("year")), month_number, int(match.group("day")))


@lru_cache(maxsize=4096)
def parse_date_value(value: str) -> tuple[dt.date, dt.datetime | None] | None:
    """Parse a metadata value: ISO 8601, RFC 822 (feeds), US numeric, or free text (dateparser).

    Returns (day, timestamp-or-None). The day is the one written, in the writer's own offset.
    """
    value = value.strip()
    if not value or len(value) > 100:
        return None
    iso = re.match(r"^((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$", value)
    if iso:
        day = plausible(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if day is None:
            return None
        moment = None
        if iso.group(4):
            try:
                moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T"))
            except ValueError:
                moment = None
        return day, moment
    compact = re.fullmatch(r"((?:19|20)\d{2})(\d{2})(\d{2})", value)
    if compact:
        day = plausible(*map(int, compact.groups()))  # type: ignore[arg-type]
        return (day, None) if day else None
    us = re.match(r"^(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\b", value)  # DUC: 11/04/1998 11:21:00
    if us:
        day = plausible(int(us.group(3)), int(us.group(1)), int(us.group(2)))
        return (day, None) if day else None
    try:
        moment = email.utils.parsedate_to_datetime(value)
        day = plausible(moment.year, moment.month, moment.day)
        return (day, moment if moment.tzinfo else None) if day else None
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    for pattern in (_MDY, _DMY, _ISO):
        match = pattern.search(value)
        if match:
            day = _from_match(match)
            return (day, None) if day else None
    return _dateparser(value)


# dateparser tries every locale it knows unless told: 10 s on first use. News we meet is in
# these languages; the list keeps the first call near one second.
DATEPARSER_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "sv", "da", "nb", "fi", "cs", "tr")


def _dateparser(value: str) -> tuple[dt.date, dt.datetime | None] | None:
    """Free-text forms in any language ("15. Februar 2022", "15 février 2022")."""
    if not re.search(r"\d", value):
        return None
    import dateparser  # slow to import: only when a free-text form needs it

    try:
        moment = dateparser.parse(
            value,
            languages=list(DATEPARSER_LANGUAGES),
            settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past", "STRICT_PARSING": True},
        )
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if moment is None:
        return None
    day = plausible(moment.year, moment.month, moment.day)
    return (day, None) if day else None


# ---------------------------------------------------------------- header lines
_HEADER_LABELS = (
    "date", "dated", r"published(?:\s+on)?", r"posted(?:\s+on)?", "pubdate", "publication date", "updated", "last updated",
    "datum", "veröffentlicht",
)
_HEADER_LABEL = re.compile(r"^\s*(?:%s)\s*[:=]?\s+(?P<value>.+)$" % "|".join(_HEADER_LABELS), re.I)
# What a header line opens with (after spaces): a year's first digit or a label's first letter.
_HEADER_FIRST = frozenset("12" + "".join(label[0] + label[0].upper() for label in _HEADER_LABELS))
_BARE_DATE_LINE = re.compile(r"^\s*(?P<value>(?:19|20)\d{2}(?:[-/.]?\d{2}[-/.]?\d{2})|(?:19|20)\d{6})\s*$")


_TIME_AFTER_DATE = re.compile(
    r"^[\s|,;:-]*(?:(?:at\s+)?T?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:Z|UTC|GMT|[A-Z]{2,4}))?)?[\s|,;:-]*"
)


def header_date(line: str) -> tuple[DateFinding, str] | None:
    """A date given as a header line: ` date 2022-02-15 …`, `20220215`, `Published: Feb 15, 2022`.

    Returns the finding and what is left of the line after the date (a header may run into
    the first sentence of the body, as in ` date 2022-02-15 As the West …`).
    """
    return _header_date(line) if may_be_header(line) else None


def may_be_header(line: str) -> bool:
    """False only when `header_date` cannot match: most lines are prose (it is asked of every
    line and unit of every file) and skip its two patterns."""
    first = line.lstrip()[:1]
    return first in _HEADER_FIRST or not first.isascii()


def _header_date(line: str) -> tuple[DateFinding, str] | None:
    """`header_date` without the screen."""
    bare = _BARE_DATE_LINE.match(line)
    if bare:
        parsed = parse_date_value(bare.group("value").replace("/", "-").replace(".", "-"))
        if parsed:
            return DateFinding(parsed[0], "header", line.strip()[:200], parsed[1]), ""
        return None
    labelled = _HEADER_LABEL.match(line)
    if not labelled:
        return None
    value = labelled.group("value")
    for pattern in (_ISO, _COMPACT, _MDY, _DMY):
        match = pattern.match(value.strip()) if pattern in (_ISO, _COMPACT) else pattern.search(value[:60])
        if match and (pattern in (_ISO, _COMPACT) or match.start() < 15):
            day = _from_match(match)
            if day is None:
                return None
            offset = len(value) - len(value.lstrip()) if pattern in (_ISO, _COMPACT) else 0
            rest = value[offset + match.end():]
            rest = _TIME_AFTER_DATE.sub("", rest, count=1)
            used = len(value) - len(rest)
            evidence = (line[: labelled.start("value")] + value[:used]).strip()[:200]
            return DateFinding(day, "header", evidence), rest
    parsed = parse_date_value(value[:60])
    if parsed:
        return DateFinding(parsed[0], "header", line.strip()[:200], parsed[1]), ""
    return None


# ---------------------------------------------------------------- URLs and file names
_URL_DATE = re.compile(
    r"(?<![\d])(?P<year>(?:19|20)\d{2})[/_-](?P<month>0?[1-9]|1[0-2])[/_-](?P<day>0?[1-9]|[12]\d|3[01])(?![\d])"
)
_URL_COMPACT = re.compile(r"(?<![\d])(?P<year>(?:19|20)\d{2})(?P<month>0[1-9]|1[0-2])(?P<day>0[1-9]|[12]\d|3[01])(?![\d])")


def url_date(url: str | None) -> DateFinding | None:
    """`/2022/02/15/`, `/2022-02-15-slug`, `/20220215/` in a URL's path."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.I)
    for pattern in (_URL_DATE, _URL_COMPACT):
        match = pattern.search(path)
        if match:
            day = _from_match(match)
            if day:
                return DateFinding(day, "url", url.strip()[:200])
    return None


def filename_date(name: str) -> DateFinding | None:
    """`…_2016-10-12_…`, `2016_10_12`, `20161012` in a file name (not inside a longer hex/number run)."""
    stem = name.rsplit("/", 1)[-1]
    for pattern in (_URL_DATE, _URL_COMPACT):
        for match in pattern.finditer(stem):
            before = stem[match.start() - 1] if match.start() else ""
            after = stem[match.end()] if match.end() < len(stem) else ""
            if re.match(r"[0-9a-fA-F]", before or "_") and before.isalnum() or (after and after.isalnum() and re.match(r"[0-9a-fA-F]", after)):
                continue  # part of a hash or an id, not a date
            day = _from_match(match)
            if day:
                return DateFinding(day, "filename", stem[:200])
    return None


# ---------------------------------------------------------------- dates stated in the text
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")


def full_dates_in(text: str) -> list[tuple[dt.date, str, bool]]:
    """Every full date (day, month and year) written in prose: (date, snippet, has_weekday)."""
    found = []  # type: ignore[var-annotated]
    if not _ANY_YEAR.search(text):
        return found
    for pattern in (_MDY, _DMY):
        for match in pattern.finditer(text):
            day = _from_match(match)
            if day:
                found.append((day, match.group(0), bool(match.group("weekday"))))
    for match in _ISO.finditer(text):
        day = _from_match(match)
        if day:
            found.append((day, match.group(0), False))
    return found


def text_date(blocks: list[str]) -> DateFinding | None:
    """The latest full date the text states about itself.

    Captions and datelines ("Monday, Feb. 14, 2022") say when the story's pictures and events
    were; the newest of them is the closest we get to the day of publication. Dates in blocks
    marked as captions or datelines are preferred over dates in the running prose, which may
    be about the past or the future.
    """
    candidates = []
    for block in blocks:
        for day, snippet, weekday in full_dates_in(block):
            candidates.append((weekday, day, snippet, block))
    if not candidates:
        return None
    weekday_dated = [c for c in candidates if c[0]]
    pool = weekday_dated or candidates
    _, day, snippet, block = max(pool, key=lambda c: c[1])
    start = block.find(snippet)
    left = block.rfind(" ", 0, max(0, start - 50)) + 1
    right = block.find(" ", start + len(snippet) + 15)
    context = block[left : right if right > 0 else len(block)].strip()
    return DateFinding(day, "text", context[:200])
