"""Find the publication date of a saved web page (HTML), with the evidence it came from.

Why not just htmldate? It is a good generalist (0.895 / 0.864 on our two test sets), but
on news pages it errs in recurring ways. Each rule below answers one category of error
found on those sets; none of them knows about a particular site.

How it works: every date the page offers becomes a `Candidate` that remembers where it
was read (JSON-LD, <meta>, <time>, microdata, URL, visible text, ...), what the markup
says it is (published, created, modified) and how much that place is trusted (`rank`).
`_choose` then decides, in this order:

1. Structured publication markup (JSON-LD datePublished of the page's own article,
   article:published_time, itemprop=datePublished, <time pubdate>...). The first/best
   wins; "modified" dates never compete with "published" ones.
   - Time zones: a UTC timestamp near midnight ("...T00:23Z") gives the wrong *local*
     day; when the page shows the neighbouring day (a local timestamp or the dateline
     under the headline) in the direction the clock allows, that day wins.
   - A page that prints only "Updated <date>" and never shows its original date presents
     itself as of the update: the shown date wins.
2. A date in the canonical / og:url address (or the `url` argument).
3. The dateline a reader sees: visible dates ranked by place (date-like class names,
   right under the <h1>, labelled "Published"/"Veröffentlicht"/...) and demoted when they
   sit in other documents' zones (comments, related articles, sidebars, footers,
   navigation, links), in the masthead ("today is ..."), inside running prose, in date
   ranges, or after non-publication labels ("Joined", "Effective date", "born").
   Weak markup (a generic <meta name="date">, which CMSs set to the last edit) competes
   here, below the visible dateline.
4. Last resorts: modified markup, any date in the article, the first date of the page
   (forum threads), a JavaScript app's embedded state, an image file named by its
   upload date, a "created" <meta>.
Wiki pages (MediaWiki & co.) are living documents: their date is the latest revision.

What is never returned: year-only dates (copyright footers), impossible dates, dates
before 1990 or after `today`, and masthead dates alone.

The public entry point is `find_html_date`; it never raises.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, replace

from briefing.model import DateFinding

MIN_DATE = dt.date(1990, 1, 1)
#: Pages bigger than this are cut: dates sit in the head and the top of the body.
MAX_HTML_CHARS = 3_000_000
MAX_EVIDENCE = 200
#: Work limits for pathological pages (typical news pages have < 7,000 elements and
#: a few dozen dates): elements read for text, dates kept per source.
MAX_TEXT_ELEMENTS = 30_000
MAX_CANDIDATES = 300

# ---------------------------------------------------------------------------------------
# Month names (generated from dateparser's locale data for ~30 European languages plus
# Turkish, Indonesian, Armenian; where two languages disagree the first listed won).
# ---------------------------------------------------------------------------------------
_MONTH_WORDS = (
    # 1
    "djan djanuari ene enero gen gener gennaio ian ianuarie jaan jaanuar jan janar "
    "janeiro januar januari january január januára janv janvier janvāris jänner led leden "
    "ledna lednu oca ocak saus sausio sausis sij siječanj siječnja siječnjem siječnju sty "
    "styczen styczeń stycznia styczniu tammi tammik tammikuu tammikuussa tammikuuta ιαν "
    "ιανουάριος ιανουαρίου січ січень січня янв январь января яну януари јан јануар հնվ "
    "հունվար հունվարի",
    # 2
    "feb febbraio feber febr febrer febrero februar februari februarie february február "
    "februára februāris fev fevereiro fév févr février helmi helmik helmikuu helmikuussa "
    "helmikuuta lut lutego luty lutym peb pebruari shk shkurt vas vasario vasaris veebr "
    "veebruar velj veljača veljače veljači veljačom úno únor února únoru únr şub şubat φεβ "
    "φεβρουάριος φεβρουαρίου лют лютий лютого феб фебруар фев февр февраль февраля "
    "февруари փետրվար փետրվարի փտվ",
    # 3
    "bře březen března březnu kov kovas kovo maalis maalisk maaliskuu maaliskuussa "
    "maaliskuuta maart mar marca march marcu marec maret mars mart martie marts marzec "
    "marzo març março mrt mrz már márc március mär märts märz ožu ožujak ožujka ožujkom "
    "ožujku μάρ μάρτιος μαρ μαρτίου бер берез березень березня мар март марта մարտ մարտի "
    "մրտ",
    # 4
    "abr abril apr april aprile aprilie aprill apríl apríla aprīlis avr avril bal "
    "balandis balandžio dub duben dubna dubnu huhti huhtik huhtikuu huhtikuussa huhtikuuta "
    "kwi kwie kwiecien kwiecień kwietnia kwietniu nis nisan pri prill tra travanj travnja "
    "travnjem travnju ápr április απρ απρίλιος απριλίου апр апрель апреля април кві квіт "
    "квітень квітня ապր ապրիլ ապրիլի",
    # 5
    "geg gegužė gegužės kvě květen května květnu mag maggio mai maig maijs maio maj maja "
    "maju may mayo mayıs mei máj mája május svi svibanj svibnja svibnjem svibnju touko "
    "toukok toukokuu toukokuussa toukokuuta μάι μάιος μαΐ μαΐου май мая мај тра трав "
    "травень травня մայիս մայիսի մյս",
    # 6
    "birž birželio birželis cze czerwca czerwcu czerwiec djuni giu giugno haz haziran iun "
    "iunie juin jun june junho juni junij junio juny juuni jún júna június jūn jūnijs kesä "
    "kesäk kesäkuu kesäkuussa kesäkuuta lipanj lipnja lipnjem lipnju qer qershor čer "
    "červen června červnu čvn ιουν ιουνίου ιούν ιούνιος июн июнь июня чер черв червень "
    "червня юни јун հնս հունիս հունիսի",
    # 7
    "djuli heinä heinäk heinäkuu heinäkuussa heinäkuuta iul iulie juil juillet jul julho "
    "juli julij julio juliol july juuli júl júla július jūl jūlijs kor korr korrik liep "
    "liepa liepos lip lipca lipcu lipiec lug luglio srpanj srpnja srpnjem srpnju tem "
    "temmuz července červenci červenec črc črv čvc ιουλ ιουλίου ιούλ ιούλιος июл июль "
    "июля лип липень липня юли јул հլս հուլիս հուլիսի",
    # 8
    "ago agost agosto agt agu agustus aoû août aug august augusta augusti augusts "
    "augustus augusztus avg avgust ağu ağustos elo elok elokuu elokuussa elokuuta gsh gush "
    "gusht kol kolovoz kolovoza kolovozom kolovozu rugp rugpjūtis rugpjūčio sie sierpien "
    "sierpień sierpnia sierpniu srp srpen srpna srpnu αυγ αυγούστου αύγ αύγουστος авг "
    "август августа сер серп серпень серпня օգոստոս օգոստոսի օգս",
    # 9
    "eyl eylül rugs rugsėjis rugsėjo ruj rujan rujna rujnom rujnu sep sept september "
    "septembra septembre septembrie septembris septembro septiembre set setembre setembro "
    "setiembre settembre sht shtator syys syysk syyskuu syyskuussa syyskuuta szept "
    "szeptember wrz wrzesien wrzesień wrzesnia wrzesniu września wrześniu zář září σεπ "
    "σεπτέμβριος σεπτεμβρίου вер верес вересень вересня сен сент сентябрь сентября сеп "
    "септ септембар септември септм սեպ սեպտեմբեր սեպտեմբերի",
    # 10
    "eki ekim listopadom loka lokak lokakuu lokakuussa lokakuuta oct october octobre "
    "octombrie octubre okt oktober oktobris oktoober október októbra ott ottobre out "
    "outubro paz pazdziernik pazdziernika pazdzierniku paź październik października "
    "październiku spal spalio spalis tet tetor říj říjen října říjnu οκτ οκτωβρίου "
    "οκτώβριος жов жовт жовтень жовтня окт октобар октомври октябрь октября հոկ "
    "հոկտեմբեր հոկտեմբերի",
    # 11
    "kas kasım lapkr lapkritis lapkričio lis listopad listopada listopadu listopadzie "
    "marras marrask marraskuu marraskuussa marraskuuta noiem noiembrie nop nopember nov "
    "november novembra novembre novembris novembro noviembre nën nëntor stu studeni "
    "studenim studenog studenoga studenom studenome studenomu νοέ νοέμβριος νοε νοεμβρίου "
    "лис лист листоп листопад листопада нов новембар ное ноември ноя нояб ноябрь ноября "
    "նոյ նոյեմբեր նոյեմբերի",
    # 12
    "ara aralık dec december decembra decembrie decembris des desember desembre dets "
    "detsember dez dezember dezembro dhj dhjetor dic dicembre diciembre déc décembre gru "
    "grudnia grudniu grudzien grudzień gruod gruodis gruodžio joulu jouluk joulukuu "
    "joulukuussa joulukuuta pro prosinac prosinca prosince prosincem prosinci prosincu "
    "prosinec δεκ δεκέμβριος δεκεμβρίου гру груд грудень грудня дек декабрь декабря "
    "декември дец децембар դեկ դեկտեմբեր դեկտեմբերի",
)
#: Gregorian month names in Arabic (Egyptian and Levantine forms) and Persian. Only
#: one-word names; the Jalali and Hijri calendars are different calendars, not included.
_MONTH_WORDS_RTL = (
    "يناير ژانویه",
    "فبراير شباط فوریه",
    "مارس آذار",
    "أبريل ابريل إبريل نيسان آوریل",
    "مايو أيار ايار",
    "يونيو يونيه حزيران ژوئن",
    "يوليو يوليه تموز ژوئیه",
    "أغسطس اغسطس",
    "سبتمبر أيلول ايلول سپتامبر",
    "أكتوبر اكتوبر اکتبر",
    "نوفمبر نوامبر",
    "ديسمبر دسامبر",
)




def _fold(word: str) -> str:
    """Lower-case and drop accents, so "Août", "aout" and "AOÛT" look alike."""
    word = word.replace("ı", "i").replace("İ", "i").lower()
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _build_months() -> dict[str, int]:
    table: dict[str, int] = {}
    for number, words in enumerate(zip(_MONTH_WORDS, _MONTH_WORDS_RTL), 1):
        for word in " ".join(words).split():
            table.setdefault(word, number)
            table.setdefault(_fold(word), number)
    return table


MONTHS = _build_months()


def month_number(word: str) -> int | None:
    """The month a (possibly abbreviated, accented or capitalised) month name means."""
    word = word.strip(".").lower()
    return MONTHS.get(word) or MONTHS.get(_fold(word))


# ---------------------------------------------------------------------------------------
# Reading one date expression
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Parsed:
    """A date read from a string, where it sat, and whether a (UTC) time came with it."""

    date: dt.date
    start: int = 0
    end: int = 0
    utc_hour: int | None = None  # set only when the string gave a time in UTC
    has_time: bool = False
    moment: dt.datetime | None = None  # the full timestamp, zone-aware when it had a zone


_YEAR = r"(?:199\d|20[0-4]\d)"
_ISO = re.compile(
    rf"(?<![\d/])({_YEAR})-([01]?\d)-([0-3]?\d)"
    r"(?:[T ]([0-2]?\d):([0-5]\d)(?::[0-5]?\d(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-][01]\d:?[0-5]\d)?)?"
    r"(?!\d)",
    re.I,
)
_YMD = re.compile(rf"(?<![\d/.])({_YEAR})\s?[/.年년]\s?([01]?\d)\s?[/.月월]\s?([0-3]?\d)(?![\d/])")
_YMD8 = re.compile(
    rf"(?<!\d)({_YEAR})([01]\d)([0-3]\d)(?:T([0-2]\d):?([0-5]\d)(?::?[0-5]\d(?:[.,]\d+)?)?"
    r"\s*(Z|[+-][01]\d:?[0-5]\d)?)?(?!\d)"
)
_DMY_DOT = re.compile(rf"(?<![\d.])([0-3]?\d)\.\s?([01]?\d)\.\s?({_YEAR})(?!\d)")
#: Two-digit years only in the strict dd.mm.yy form: "1.2.20" is more often a version.
_DMY_DOT2 = re.compile(r"(?<![\d.])([0-3]\d)\.([01]\d)\.(\d\d)(?![\d.])")
_DMY_SLASH = re.compile(rf"(?<![\d/])([0-3]?\d)/([0-3]?\d)/({_YEAR}|\d\d)(?![\d/])")
_DMY_DASH = re.compile(rf"(?<![\d-])([0-3]?\d)-([01]?\d)-({_YEAR})(?![\d-])")
_DMY_BAR = re.compile(rf"(?<![\d|])([0-3]?\d)\s*\|\s*([01]?\d)\s*\|\s*({_YEAR})(?!\d)")
_WORD = r"([^\W\d_]{3,}\.?)"
_D_MONTH_Y = re.compile(
    rf"(?<!\d)([0-3]?\d)(?:st|nd|rd|th|er|º|\.)?\s*(?:de\s+|of\s+|-)?{_WORD}"
    rf",?\s*(?:de\s+|del\s+|-)?({_YEAR})(?!\d)",
    re.I,
)
_MONTH_D_Y = re.compile(rf"{_WORD}\s*([0-3]?\d)(?:st|nd|rd|th)?(?!\d)\s*,?\s*({_YEAR})(?!\d)", re.I)
_Y_MONTH_D = re.compile(rf"(?<!\d)({_YEAR})\.?\s*(?:m\.\s*)?{_WORD}\s+([0-3]?\d)(?!\d)", re.I)
_EPOCH = re.compile(r"^\s*(1\d{9})(\d{3})?\s*$")
#: JavaScript's Date.toString(): "Tue Nov 19 2019 03:05:46 GMT+0000 (Coordinated ...)".
_JS_DATE = re.compile(
    rf"^\s*(?:[A-Za-z]{{3}},?\s+)?([A-Za-z]{{3,9}})\.?\s+([0-3]?\d),?\s+({_YEAR})\s+"
    r"([0-2]\d):([0-5]\d)(?::[0-5]\d)?\s*(?:GMT|UTC)?\s*([+-][01]\d:?[0-5]\d|Z)?"
)
#: Arabic-Indic, Persian, Devanagari and Bengali digits read as 0-9.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹०१२३४५६७८९০১২৩৪৫৬৭৮৯", "0123456789" * 4)
#: Cheap gate before the patterns: every one of them needs a year or a dd.mm.yy group.
_MAYBE_DATE = re.compile(r"(?:19|20)\d\d|\d[./|]\s?\d\d?\s?[./|]\s?\d\d")


def _mk(year: int, month: int | None, day: int) -> dt.date | None:
    """A real calendar date or None ("2022-29-11", "31 June" are rejected here)."""
    if month is None:
        return None
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _utc_hour(hour: str | None, minute: str | None, zone: str | None) -> int | None:
    """The hour when the time was explicitly given in UTC, else None.

    Exactly midnight ("2019-06-17T00:00:00+00:00") is how date-only values get stored,
    not a moment of the day, so it gives None too.
    """
    if not hour or not zone:
        return None
    if int(hour) == 0 and int(minute or 0) == 0:
        return None
    if zone.upper().replace(":", "") in ("Z", "UTC", "GMT", "+0000", "-0000"):
        return int(hour)
    return None


def _moment(date: dt.date, hour: str | None, minute: str | None, zone: str | None) -> dt.datetime | None:
    """The timestamp of an ISO-like value: aware when it names its zone, naive otherwise."""
    if not hour or int(hour) > 23:
        return None
    tz = None
    if zone:
        zone = zone.upper().replace(":", "")
        if zone in ("Z", "UTC", "GMT"):
            tz = dt.timezone.utc
        else:
            sign = -1 if zone[0] == "-" else 1
            tz = dt.timezone(sign * dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5])))
    return dt.datetime(date.year, date.month, date.day, int(hour), int(minute or 0), tzinfo=tz)


def _numeric_dmy(a: int, b: int, year: int, month_first: bool) -> dt.date | None:
    """Day/month order of "a/b/year": obvious when one part is > 12, else by locale."""
    if a > 12:
        return _mk(year, b, a)
    if b > 12:
        return _mk(year, a, b)
    return _mk(year, a, b) if month_first else _mk(year, b, a)


def _date_of(kind: str, m: re.Match, month_first: bool) -> dt.date | None:
    """The date a match of one of the text patterns stands for."""
    if kind == "ymd":
        return _mk(int(m[1]), int(m[2]), int(m[3]))
    if kind == "dmy":
        return _mk(int(m[3]), int(m[2]), int(m[1]))
    if kind == "slash":
        return _numeric_dmy(int(m[1]), int(m[2]), int(m[3]), month_first)
    if kind == "d-month-y":
        return _mk(int(m[3]), month_number(m[2]), int(m[1]))
    if kind == "month-d-y":
        return _mk(int(m[3]), month_number(m[1]), int(m[2]))
    if kind == "y-month-d":
        return _mk(int(m[1]), month_number(m[2]), int(m[3]))
    return None


_TEXT_PATTERNS = (
    (_YMD, "ymd"),
    (_DMY_DOT, "dmy"),
    (_DMY_DOT2, "dmy"),
    (_DMY_SLASH, "slash"),
    (_DMY_DASH, "dmy"),
    (_DMY_BAR, "dmy"),
    (_D_MONTH_Y, "d-month-y"),
    (_MONTH_D_Y, "month-d-y"),
    (_Y_MONTH_D, "y-month-d"),
)


def parse_iso(text: str) -> Parsed | None:
    """The first ISO-8601-like date (2020-06-29, 2020-06-29T00:16:15+03:00) in text."""
    for m in _ISO.finditer(text):
        date = _mk(int(m[1]), int(m[2]), int(m[3]))
        if date:
            return Parsed(date, m.start(), m.end(), _utc_hour(m[4], m[5], m[6]), bool(m[4]),
                          _moment(date, m[4], m[5], m[6]))
    return None


def parse_text(text: str, month_first: bool = False) -> Parsed | None:
    """The earliest-placed full date (day, month and year) written in a piece of text.

    Language-independent: ISO and other numeric forms, CJK 年月日, and month names of
    ~30 languages in day-month-year, month-day-year and year-month-day order. A lone
    year ("© 2016") is never a date.
    """
    if not text:
        return None
    text = text.translate(_DIGITS)  # same length: positions stay valid
    if not _MAYBE_DATE.search(text):
        return None
    best = parse_iso(text)
    for pattern, kind in _TEXT_PATTERNS:
        for m in pattern.finditer(text):
            if best is not None and m.start() >= best.start:
                break
            date = _date_of(kind, m, month_first)
            if date:
                best = Parsed(date, m.start(), m.end())
                break
    return best


def parse_value(value: str, month_first: bool = False) -> Parsed | None:
    """Read a machine-oriented date value (meta content, datetime attribute, JSON-LD).

    These are mostly ISO 8601, sometimes compact ("20200414T00:38:07Z"), epoch seconds,
    or human text ("Di., 25.01.2022 - 14:45").
    """
    value = value.strip()[:120]
    if not value:
        return None
    m = _EPOCH.match(value)
    if m:
        stamp = dt.datetime.fromtimestamp(int(m[1]), dt.timezone.utc)
        return Parsed(stamp.date(), 0, len(value), stamp.hour, True, stamp)
    found = parse_iso(value)
    if found:
        return found
    m = _JS_DATE.match(value)
    date = _mk(int(m[3]), month_number(m[1]), int(m[2])) if m else None
    if m and date:
        zone = m[6] or ("Z" if re.search(r"GMT|UTC", value[: m.end()]) else None)
        return Parsed(date, m.start(), m.end(), _utc_hour(m[4], m[5], zone), True,
                      _moment(date, m[4], m[5], zone))
    m = _YMD8.match(value)
    if m:
        date = _mk(int(m[1]), int(m[2]), int(m[3]))
        if date:
            return Parsed(date, m.start(), m.end(), _utc_hour(m[4], m[5], m[6]), bool(m[4]),
                          _moment(date, m[4], m[5], m[6]))
    return parse_text(value, month_first)


_URL_DATE_SEP = re.compile(rf"/({_YEAR})[/_-]([01]?\d)[/_-]([0-3]?\d)(?=[/_.-]|$)")
_URL_DATE = re.compile(rf"(?<!\d)({_YEAR})[/_.-]?([01]\d)[/_.-]?([0-3]\d)(?=[/_.-]|$)")
_URL_DMY = re.compile(rf"(?<!\d)([0-3]?\d)[-_.]([01]?\d)[-_.]({_YEAR})(?=[/_.-]|$)")
_URL_STAMP = re.compile(rf"/({_YEAR})([01]\d)([0-3]\d)[0-2]\d[0-5]\d\d*[^/]*$")


def url_date(url: str) -> Parsed | None:
    """A full date in a URL path (/2020/06/29/, /2020-06-29-, /20200629/, /29-10-2021)."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url or "", flags=re.I)[:500]
    for pattern in (_URL_DATE_SEP, _URL_DATE):
        for m in pattern.finditer(path):
            date = _mk(int(m[1]), int(m[2]), int(m[3]))
            if date:
                return Parsed(date, m.start(), m.end())
    for m in _URL_DMY.finditer(path):
        date = _numeric_dmy(int(m[1]), int(m[2]), int(m[3]), month_first=False)
        if date:
            return Parsed(date, m.start(), m.end())
    return None


def _url_stamp(url: str) -> Parsed | None:
    """A file named by its upload time, "/images/20201007120909561.jpg"."""
    m = _URL_STAMP.search(url[:500])
    date = _mk(int(m[1]), int(m[2]), int(m[3])) if m else None
    return Parsed(date, m.start(), m.end()) if m and date else None


# ---------------------------------------------------------------------------------------
# Candidates and the page they come from
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Candidate:
    """One date found in the page, with enough context to rank it against the others.

    `origin`: where it was read (jsonld, meta, time, url, text, script, image).
    `kind`: what the markup says it is (published, created, modified, unknown).
    `rank`: how much that particular place is trusted (higher is better).
    `pos`: document order; `zone`: "other", "header" or "" (see `_Page.zone`).
    """

    date: dt.date
    origin: str
    kind: str
    rank: int
    evidence: str
    pos: int = 0
    utc_hour: int | None = None
    has_time: bool = False
    zone: str = ""
    moment: dt.datetime | None = None

    @property
    def source(self) -> str:
        """The DateFinding source: metadata, url or text."""
        if self.origin in ("url", "text"):
            return self.origin
        return "metadata"


#: class/id words of page parts that hold *other* documents' dates: comments, related
#: articles, sidebars, footers, navigation, teasers. Short words need word boundaries
#: ("context" is not "next"); Drupal's "node--promoted" is not a promo box; Blogger's
#: main column is a "widget Blog".
_OTHER_ZONE = re.compile(
    r"comment|related|sidebar|side-bar|widget(?!\s+blog\b)|recommend|popular|trending|"
    r"most-?read|more-?(?:news|stories|articles)|teaser|footer|breadcrumb|newsletter|"
    r"promo(?:$|[\s_-])|carousel|latest|other-?news|read-?more|outbrain|taboola|disqus|"
    r"respond|archive|calendar|ticker|"
    r"(?<![a-z])(?:nav|(?:next|prev|also|menu|reply|replies)(?![a-z]))",
    re.I,
)
_OTHER_TAGS = {"aside", "nav", "footer"}
#: The site's masthead: a date there is the day the page was rendered, not written.
_SITE_HEADER = re.compile(
    r"masthead|topbar|top-bar|today|clock|current-?date|header-?date|"
    r"heute|weather|wetter|(?:^|\s)(?:site-?)?header(?:$|\s|--)",
    re.I,
)
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head", "title", "select", "option"}


class _Page:
    """The parsed tree, with document positions, the headline's place and zone verdicts."""

    def __init__(self, tree):
        self.tree = tree
        self.pos: dict = {el: i for i, el in enumerate(tree.iter())}
        self._zone: dict = {}
        body = tree.find("body")
        self.body_start = self.pos.get(body, 0) if body is not None else 0
        self.h1 = self._find_h1()

    def in_body(self, el) -> bool:
        return self.pos.get(el, 0) > self.body_start > 0

    def _find_h1(self) -> int | None:
        """Position of the article's headline: the first <h1> outside other zones.

        Sites put their logo in an <h1> inside the masthead, and teaser titles inside
        sidebars; neither is the article's headline.
        """
        for h1 in self.tree.iter("h1"):
            if not self.zone(h1):
                return self.pos.get(h1)
        return self._find_title_element()

    def _find_title_element(self) -> int | None:
        """Without an <h1>: the first heading-like element that repeats the page's title."""
        titles = self.tree.xpath(
            '//meta[@property="og:title" or @name="twitter:title"]/@content | //title/text()'
        )
        wanted = set()
        for title in titles[:3]:
            title = " ".join(str(title).split()).lower()
            wanted.add(title)
            wanted.add(re.split(r"\s[|–—-]\s", title)[0])  # "Headline | Site name"
        wanted.discard("")
        if not wanted:
            return None
        for el in self.tree.xpath("//body//*[self::h2 or self::h3 or self::div or self::span or self::p]")[:5000]:
            if len(el) > 3:
                continue
            text = " ".join(_element_text(el, 300).split()).lower()
            if text in wanted and not self.zone(el):
                return self.pos.get(el)
        return None

    def near_headline(self, pos: int, before: int = 15, after: int = 300) -> bool:
        """Within the article's top: a few elements above the headline (kicker, date
        line over the title) down to the first screens of text under it."""
        return self.h1 is not None and -before <= pos - self.h1 <= after

    def zone(self, el) -> str:
        """The kind of page part `el` sits in: "other", "header" or "" (the article).

        "other": comments, related articles, sidebars, footers, navigation (their dates
        belong to other documents). "header": the site's masthead. The nearest ancestor
        whose tag or class/id says something decides; <article>/<main> end the search.
        """
        chain = []
        node = el
        verdict = ""
        while node is not None:
            if node in self._zone:
                verdict = self._zone[node]
                break
            chain.append(node)
            tag = node.tag if isinstance(node.tag, str) else ""
            if tag in ("body", "html"):
                break
            if tag in _OTHER_TAGS:
                verdict = "other"
                break
            attrs = f'{node.get("class") or ""} {node.get("id") or ""}'
            if attrs.strip():
                if _OTHER_ZONE.search(attrs):
                    verdict = "other"
                    break
                if _SITE_HEADER.search(attrs):
                    verdict = "header"
                    break
            if tag in ("article", "main"):
                break
            node = node.getparent()
        for n in chain:
            self._zone[n] = verdict
        return verdict


def _attrs(el) -> str:
    return f'{el.get("class") or ""} {el.get("id") or ""} {el.get("itemprop") or ""}'


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_EVIDENCE else text[: MAX_EVIDENCE - 1] + "…"


def _element_text(el, limit: int = 300) -> str:
    """The visible text of an element, stopping early on big elements."""
    parts = []
    size = 0
    for t in el.itertext():
        parts.append(t)
        size += len(t)
        if size > limit:
            break
    return " ".join(" ".join(parts).split())[:limit]


def _inside(el, tag: str, levels: int) -> bool:
    node = el
    for _ in range(levels + 1):
        if node is None:
            return False
        if node.tag == tag:
            return True
        node = node.getparent()
    return False


def _zone_penalty(zone: str) -> int:
    """Dates of other documents (comments, sidebars) and of the masthead rank down."""
    return {"other": -4, "header": -3}.get(zone, 0)


# --- <meta> ------------------------------------------------------------------------------
_META_DATEISH = re.compile(r"date|time|publi|creat|modif|updat|issued|release|_ts$|lastmod", re.I)
_META_IGNORE = re.compile(
    r"expir|image|title|desc|generator|url|version|build|\bid\b|_id|cach|render|timezone|"
    r"\btz\b|keyword|author|twitter:app|fb:|coverdate|cover_date|start|end",
    re.I,
)
_META_MODIFIED = re.compile(r"modif|updat|lastmod|last-mod|moddate|revis|edited|changed", re.I)
_META_PUBLISHED_STRONG = re.compile(
    r"^(?:og:|article:|og:article:)?(?:published_time|published|publish_date|published_date)$|"
    r"^datepublished$|^date_published$",
    re.I,
)
_META_PUBLISHED = re.compile(r"publi|pubdate|pub_date|pub-date|issued|release|p_ts|posted", re.I)
_META_CREATED = re.compile(r"creat|upload", re.I)
_META_GENERIC = re.compile(r"^(?:dc\.|dc:|dcterms\.|dcterms:)?date$", re.I)


def _meta_rank(key: str) -> tuple[str, int] | None:
    """(kind, rank) of a <meta> key, or None when it is not a date of the document.

    article:published_time and kin are the most reliable markup there is. A bare
    <meta name="date"> / DC.date is not: CMSs (TYPO3, ...) fill it with the last edit,
    so it ranks below the dateline a reader sees. "created" metas are often the site's.
    """
    if not _META_DATEISH.search(key) or _META_IGNORE.search(key):
        return None
    if _META_MODIFIED.search(key):
        return "modified", 3
    if _META_PUBLISHED_STRONG.search(key):
        return "published", 10
    if _META_PUBLISHED.search(key):
        return "published", 8
    if _META_CREATED.search(key):
        return "created", 3
    if _META_GENERIC.search(key):
        return "published", 4
    return "unknown", 4


def _meta_candidates(page: _Page, month_first: bool) -> list[Candidate]:
    """Dates of <meta name|property|itemprop=... content=...> tags of the document.

    A <meta itemprop> inside the body belongs to whatever microdata item encloses it (often
    a related article in a list), so those are left to `_body_markup_candidates`.
    """
    out = []
    for meta in page.tree.iter("meta"):
        named = meta.get("property") or meta.get("name")
        key = (named or meta.get("itemprop") or meta.get("http-equiv") or "").strip()
        content = meta.get("content") or meta.get("value") or ""
        if not key or not content:
            continue
        if meta.get("itemprop") is not None and not named and page.in_body(meta):
            continue
        ranked = _meta_rank(key)
        if ranked is None:
            continue
        parsed = parse_value(content, month_first)
        if parsed is None:
            continue
        kind, rank = ranked
        if meta.get("http-equiv"):
            kind, rank = "modified", 2  # the server's Last-Modified
        evidence = f'<meta {key}="{content.strip()}">'
        out.append(Candidate(parsed.date, "meta", kind, rank, evidence, page.pos.get(meta, 0),
                             parsed.utc_hour, parsed.has_time, moment=parsed.moment))
    return out


# --- JSON-LD -----------------------------------------------------------------------------
_ARTICLE_TYPES = re.compile(
    r"article|posting|report|blog|news|webpage|creativework|recipe|review|scholarly|thesis|"
    r"pressrelease|episode",
    re.I,
)
_MINOR_TYPES = re.compile(r"imageobject|videoobject|person|organization|comment|product|offer|event", re.I)
#: Keys under which JSON-LD nests *other* things (related items, comments, media, parts).
_NESTED_OTHER = {
    "itemlistelement", "haspart", "comment", "comments", "review", "reviews", "subjectof",
    "citation", "mentions", "relatedlink", "significantlink", "workexample", "recipe",
    "video", "image", "associatedmedia", "publisher", "author", "ispartof", "about",
}
_JSON_DATE_KEYS = {
    "datepublished": ("published", 9),
    "datecreated": ("created", 7),
    "uploaddate": ("created", 6),
    "datemodified": ("modified", 3),
}
_JSONLD_FALLBACK = re.compile(
    r'"(datePublished|dateCreated|dateModified|uploadDate)"\s*:\s*"([^"]{6,60})"', re.I
)
_JSON_WRAPPER = re.compile(
    r"^\s*(?:<!--|//\s*<!\[CDATA\[|/\*\s*<!\[CDATA\[\s*\*/)|(?:-->|//\s*\]\]>|/\*\s*\]\]>\s*\*/)\s*$"
)


def _json_types(obj: dict) -> str:
    kind = obj.get("@type", "")
    if isinstance(kind, list):
        kind = " ".join(str(k) for k in kind)
    return str(kind)


def _walk_json(data, max_nodes: int = 5000):
    """Yield (object, depth, nested_under_other) for every dict, iteratively (no recursion)."""
    stack = [(data, 0, False)]
    seen = 0
    while stack and seen < max_nodes:
        node, depth, other = stack.pop()
        seen += 1
        if isinstance(node, list):
            stack.extend((item, depth, other) for item in reversed(node))
        elif isinstance(node, dict):
            yield node, depth, other
            for key, value in node.items():
                if isinstance(value, (dict, list)):
                    nested = other or str(key).lower() in _NESTED_OTHER
                    stack.append((value, depth + (0 if key == "@graph" else 1), nested))


def _jsonld_rank(rank: int, types: str, depth: int, other: bool) -> int:
    """The page's own article ranks above objects nested in it or of minor types.

    A publisher's founding date, an image's upload date, the items of an ItemList of
    related stories or comments say nothing about the page.
    """
    if other or depth > 1:
        return rank - 5
    if _MINOR_TYPES.search(types) and not _ARTICLE_TYPES.search(types):
        return rank - 4
    if types and not _ARTICLE_TYPES.search(types):
        return rank - 2
    return rank


def _jsonld_candidates(page: _Page, month_first: bool) -> list[Candidate]:
    """datePublished / dateCreated / dateModified of JSON-LD objects (broken JSON too)."""
    out = []
    scripts = page.tree.xpath('//script[contains(translate(@type,"LDJSON","ldjson"),"ld+json")]')
    for script in scripts:
        pos = page.pos.get(script, 0)
        raw = _JSON_WRAPPER.sub("", (script.text or "")[:500_000].strip())
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            for m in _JSONLD_FALLBACK.finditer(raw):
                kind, rank = _JSON_DATE_KEYS[m[1].lower()]
                parsed = parse_value(m[2], month_first)
                if parsed:
                    out.append(Candidate(parsed.date, "jsonld", kind, rank - 1, f'"{m[1]}": "{m[2]}"',
                                         pos, parsed.utc_hour, parsed.has_time, moment=parsed.moment))
            continue
        for obj, depth, other in _walk_json(data):
            types = _json_types(obj)
            for key, value in obj.items():
                spec = _JSON_DATE_KEYS.get(str(key).lower())
                if spec is None or not isinstance(value, (str, int)):
                    continue
                parsed = parse_value(str(value), month_first)
                if parsed is None:
                    continue
                kind, rank = spec
                evidence = f'"{key}": "{value}" ({types or "untyped"})'
                out.append(Candidate(parsed.date, "jsonld", kind, _jsonld_rank(rank, types, depth, other),
                                     evidence, pos, parsed.utc_hour, parsed.has_time, moment=parsed.moment))
    return out


# --- <time>, microdata and hAtom in the body ---------------------------------------------
_PUBLISHED_HINT = re.compile(
    r"publi|posted|created|entry-date|post-date|article-date|dateline|pubdate|byline|"
    r"veröffentlicht|erstellt|publié|publicado|pubblicato|опубликовано",
    re.I,
)
_MODIFIED_HINT = re.compile(
    r"updat|modif|edited|changed|aktualisiert|geändert|mis à jour|actualizado|aggiornato|"
    r"atualizado|обновлено|revised|revision|zuletzt",
    re.I,
)
_ITEMPROP_DATES = {
    "datepublished": ("published", 9),
    "datecreated": ("created", 6),
    "uploaddate": ("created", 6),
    "datemodified": ("modified", 3),
}
_BODY_MARKUP = (
    "//time | //body//*[@itemprop] | //*[@datetime] | "
    "//*[@title][contains(@class, 'publish') or contains(@class, 'updated')"
    " or contains(@class, 'date') or self::abbr]"
)


def _hint_kind(*texts: str) -> str:
    """published / modified / unknown, from class names or label words."""
    text = " ".join(t for t in texts if t)
    if _MODIFIED_HINT.search(text):
        return "modified"
    if _PUBLISHED_HINT.search(text):
        return "published"
    return "unknown"


def _body_markup_candidates(page: _Page, month_first: bool) -> list[Candidate]:
    """<time datetime>, itemprop=datePublished elements, hAtom class="published" title=.

    Their place matters as for text: a list of related stories carries its own
    <time> and itemprop=datePublished for every item, so the first in document order,
    near the headline and outside other zones, is the article's.
    """
    out: list[Candidate] = []
    for el in page.tree.xpath(_BODY_MARKUP)[: MAX_CANDIDATES * 3]:
        if len(out) >= MAX_CANDIDATES:
            break
        itemprop = (el.get("itemprop") or "").lower()
        tag = el.tag if isinstance(el.tag, str) else ""
        if itemprop and tag != "time" and itemprop not in _ITEMPROP_DATES:
            continue
        if (
            tag != "time" and not itemprop and el.get("datetime") is None
            and _hint_kind(_attrs(el)) == "unknown"
        ):
            continue
        value = el.get("datetime") or el.get("content") or el.get("title") or ""
        text = _element_text(el, 120)
        parsed = parse_value(value, month_first) if value else None
        origin = "time" if parsed else "text"
        if parsed is None:
            parsed = parse_text(text, month_first)
        if parsed is None:
            continue
        if itemprop in _ITEMPROP_DATES:
            kind, rank = _ITEMPROP_DATES[itemprop]
        else:
            parent = el.getparent()
            pubdate = "pubdate" if el.get("pubdate") is not None else ""
            kind = _hint_kind(_attrs(el), pubdate, text[:40], _attrs(parent) if parent is not None else "")
            rank = {"published": 8, "unknown": 5, "modified": 3}[kind]
        pos = page.pos.get(el, 0)
        if kind == "unknown":
            rank += page.near_headline(pos) - 2 * _inside(el, "a", 3)
        zone = page.zone(el)
        rank += _zone_penalty(zone)
        evidence = f"<{tag} {value}> {text}" if origin == "time" else text
        out.append(Candidate(parsed.date, origin, kind, rank, _short(evidence), pos,
                             parsed.utc_hour, parsed.has_time, zone, parsed.moment))
    return out


# --- visible text -----------------------------------------------------------------------
_DATE_CLASS = re.compile(
    r"date|time|datum|fecha|data|zeit|byline|meta|posted|publi|dateline|stamp|tarih|info|"
    r"author|header|details|subline|kicker|credit",
    re.I,
)
_LABEL = re.compile(
    r"(?:published|posted|publication|updated|veröffentlicht|erstellt|aktualisiert|stand|datum|"
    r"publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|opublikowano|"
    r"опубликовано|обновлено|yayın|güncelleme|date)\b",
    re.I,
)
#: Labels of dates that are not the page's: user profiles, records, events, people.
_NOT_DOCUMENT_LABEL = re.compile(
    r"joined|member since|registered|registriert|mitglied seit|dabei seit|inscrit|registrado|"
    r"iscritto|birthday|born|geboren|né le|nacido|expires|expiry|gültig bis|valid until|deadline|"
    r"effective|due date|start date|end date|event date|date of birth|closing date|filing date",
    re.I,
)
#: A short inline script that prints its argument: document.write("..."), showDate("...").
_WRITES_TEXT = re.compile(
    r"\s*(?:document\.write(?:ln)?|[A-Za-z_$][\w$]*)\(\s*[\"'][^\"']{6,60}[\"']\s*\);?\s*$"
)
_WORDS = re.compile(r"[^\W\d_]{2,}")
_RANGE_AFTER = re.compile(r"\s*[-–~～]\s*\d")
_RANGE_BEFORE = re.compile(r"\d\.?\s*[-–~～]\s*$")


def _text_pieces(page: _Page):
    """(element, text, element whose text comes just before) for every visible text node.

    A tail ("<b>By X</b> | June 3, 2020") is visible text of the parent, so it is
    attributed to the parent element; the text before it is the <b>'s. Two extras: a
    date split over child elements of a date-like element ("<b>26</b> | <b>01</b> | 2022")
    and a short inline script that prints a date when the page renders.
    """
    for count, el in enumerate(page.tree.iter()):
        if count > MAX_TEXT_ELEMENTS:
            return
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "script" and _WRITES_TEXT.match(el.text or "") and page.in_body(el):
            parent = el.getparent()
            if parent is not None:
                yield parent, el.text, el.getprevious()
        if not tag or tag in _SKIP_TAGS:
            if el.tail and el.tail.strip():
                parent = el.getparent()
                if parent is not None and parent.tag not in _SKIP_TAGS:
                    yield parent, el.tail, None
            continue
        if el.text and el.text.strip():
            yield el, el.text, el.getprevious()
        if len(el) and (el.get("class") or el.get("id")) and _DATE_CLASS.search(_attrs(el)):
            whole = _element_text(el, 100)
            if len(whole) < 100 and _split_date(el, whole):
                yield el, whole, el.getprevious()
        if el.tail and el.tail.strip():
            parent = el.getparent()
            if parent is not None and parent.tag not in _SKIP_TAGS:
                yield parent, el.tail, el


def _split_date(el, whole: str) -> bool:
    """True when `whole` holds a date that none of el's text nodes holds on its own."""
    if parse_text(whole) is None:
        return False
    return not any(parse_text(t) for t in el.itertext() if t.strip())


def _in_sentence(text: str, parsed: Parsed) -> bool:
    """True when the date sits inside running prose rather than in a dateline.

    Datelines carry at most a label and a weekday before the date ("Published on Mon,")
    and a time or an author after it; prose has many words on either side.
    """
    before = _WORDS.findall(text[: parsed.start])
    after = _WORDS.findall(text[parsed.end :])
    return len(before) > 4 or len(after) > 8


def _context_classes(el) -> str:
    """Class/id names of the element, its parent and grandparent."""
    parts = [_attrs(el)]
    parent = el.getparent()
    if parent is not None:
        parts.append(_attrs(parent))
        grand = parent.getparent()
        if grand is not None:
            parts.append(_attrs(grand))
    return " ".join(parts)


def _text_kind(own: str, before: str) -> str:
    """published / modified / unknown from the label before the date (or the sentence)."""
    kind = _hint_kind(before) if _LABEL.search(before) else "unknown"
    if kind == "unknown" and len(own) < 150 and _MODIFIED_HINT.search(own):
        kind = "modified"  # "Diese Seite wurde zuletzt am 29. Januar 2020 geändert."
    return kind


def _text_rank(page: _Page, el, own: str, parsed: Parsed, kind: str, zone: str) -> int:
    """How much a visible date looks like the article's dateline (see module docstring)."""
    rank = 4 if _DATE_CLASS.search(_context_classes(el)) else 2
    rank += {"published": 2, "modified": -1}.get(kind, 0)
    if _in_sentence(own, parsed):
        rank -= 2  # "... findet am 5. Februar 2020 statt": a date the story talks about
    elif len(own) <= 60 or len(own) <= 3 * (parsed.end - parsed.start):
        rank += 1  # a dateline
    rank += page.near_headline(page.pos.get(el, 0))
    rank += _zone_penalty(zone)
    if _RANGE_AFTER.match(own, parsed.end) or _RANGE_BEFORE.search(own, 0, parsed.start):
        rank -= 3  # "11-12 July", "14. - 20. Januar": an event's span, not a dateline
    if _inside(el, "a", 3):
        rank -= 2  # a link's date is the date of the page it links to
    return rank


def _text_candidates(page: _Page, month_first: bool, taken: set[int]) -> list[Candidate]:
    """Dates written in the visible text, ranked by how much they look like a dateline.

    `taken` holds positions already read as markup (a <time> element's own text).
    """
    out = []
    seen = set()
    for el, own, before_el in _text_pieces(page):
        own = own.strip()[:400]
        parsed = parse_text(own, month_first)
        if parsed is None:
            continue
        pos = page.pos.get(el, 0)
        if pos in taken or (parsed.date, pos) in seen:
            continue
        seen.add((parsed.date, pos))
        preceding = _element_text(before_el, 60) if before_el is not None else ""
        before = (preceding[-40:] + " " + own[: parsed.start])[-50:]
        if _NOT_DOCUMENT_LABEL.search(before):
            continue  # "Joined May 11, 2017", "born 3 March 1950": not a date of the page
        kind = _text_kind(own, before)
        zone = page.zone(el)
        rank = _text_rank(page, el, own, parsed, kind, zone)
        out.append(Candidate(parsed.date, "text", kind, rank, _short(own), pos,
                             parsed.utc_hour, parsed.has_time, zone, parsed.moment))
        if len(out) >= MAX_CANDIDATES:
            break
    _boost_dateline(out, page.h1)
    return out


def _boost_dateline(cands: list[Candidate], h1: int | None) -> None:
    """The first short date right under the headline is the article's dateline: rank it up.

    Dates further down are more often those of teasers, lists and sidebars.
    """
    if h1 is None:
        return
    after = [c for c in cands if 0 <= c.pos - h1 <= 60 and c.rank >= 2 and len(c.evidence) <= 80]
    if not after:
        return
    first = min(after, key=lambda c: c.pos)
    cands[cands.index(first)] = replace(first, rank=first.rank + 2)


# --- addresses, scripts, images --------------------------------------------------------
def _url_candidates(tree, url: str | None) -> list[Candidate]:
    """Dates in the page's canonical / og:url address, then in the given URL."""
    urls = [str(u) for u in tree.xpath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content')]
    return _address_candidates(urls + ([url] if url else []))


def _address_candidates(urls: list[str]) -> list[Candidate]:
    out = []
    for u in urls:
        parsed = url_date(u)
        if parsed:
            out.append(Candidate(parsed.date, "url", "published", 5, _short(u)))
    return out


def _image_candidates(tree) -> list[Candidate]:
    """The share image's address, when named by date ("/2020/06/22/x.jpg", "20201007120909.jpg").

    Weak evidence (the image may be older than the story), so only a last resort.
    """
    images = tree.xpath(
        '//meta[@property="og:image" or @name="twitter:image" or @name="twitter:image:src"'
        ' or @itemprop="image"]/@content'
    )
    for image in images[:3]:
        parsed = url_date(str(image)) or _url_stamp(str(image))
        if parsed:
            return [Candidate(parsed.date, "image", "unknown", 2, _short(f'<meta image="{image}">'))]
    return []


_SCRIPT_DATE = re.compile(
    r"""(publishedAt|published_at|publishDate|publish_date|publishedDate|published_date|"""
    r"""firstPublished|first_published_at|firstPublishDate|pubDate|pub_date|displayDate|"""
    r"""display_date|createdAt|created_at)["']?\s*:\s*["']([^"']{8,40})["']"""
)
_SCRIPT_GATE = ("ublish", "ubDate", "ub_date", "isplay", "reated")


def _script_candidates(page: _Page, month_first: bool) -> list[Candidate]:
    """Dates in a JavaScript app's embedded state ({"publishedAt": "2022-01-31T15:58"}).

    Single-page apps ship the article as JSON in a <script>; its first publication key is
    usually the article's own, but related items share the keys, so these rank low.
    """
    out: list[Candidate] = []
    for script in page.tree.iter("script"):
        if "ld+json" in (script.get("type") or "").lower() or script.get("src"):
            continue
        text = (script.text or "")[:1_000_000]
        if not any(gate in text for gate in _SCRIPT_GATE):
            continue
        m = _SCRIPT_DATE.search(text)
        parsed = parse_value(m[2], month_first) if m else None
        if parsed is None:
            continue
        kind = "created" if "creat" in m[1].lower() else "published"
        out.append(Candidate(parsed.date, "script", kind, 3 if kind == "published" else 2,
                             _short(f'"{m[1]}": "{m[2]}" (script)'), page.pos.get(script, 0),
                             parsed.utc_hour, parsed.has_time, moment=parsed.moment))
        if len(out) >= 3:
            break
    return out


# ---------------------------------------------------------------------------------------
# Parsing the page, collecting, choosing
# ---------------------------------------------------------------------------------------
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_MONTH_FIRST_LANG = re.compile(r"^en(?:-us)?$|^en-(?:ph|ca)$", re.I)
_WIKI_GENERATOR = re.compile(r"mediawiki|dokuwiki|tiddlywiki|xwiki|wiki\.js|moinmoin|confluence", re.I)


def _parse_html(html: str):
    """An lxml tree of the page, or None. lxml refuses str input with an XML declaration."""
    import lxml.html
    from lxml import etree

    html = _XML_DECL.sub("", html[:MAX_HTML_CHARS]).replace("\x00", "")
    if not html.strip():
        return None
    try:
        parser = lxml.html.HTMLParser(recover=True, remove_comments=True)
        return lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError, TypeError):
        return None


_SLASHED = re.compile(r"(?<![\d/])([0-3]?\d)/([0-3]?\d)/(?:19|20)\d\d(?![\d/])")


def _month_first(tree, html: str) -> bool:
    """Whether "05/06/2020" means May 6 on this page.

    The page's own unambiguous dates decide ("13/05/2020" proves day-first, "05/13/2020"
    month-first); without them, the language: US English writes 06/29/2020, nearly
    everyone else 29/06/2020.
    """
    day_first = month_first = 0
    for m in _SLASHED.finditer(html, 0, 500_000):
        a, b = int(m[1]), int(m[2])
        day_first += a > 12 >= b
        month_first += b > 12 >= a
    if day_first != month_first:
        return month_first > day_first
    return bool(_MONTH_FIRST_LANG.match((tree.get("lang") or tree.get("xml:lang") or "").strip()))


def _is_wiki(tree) -> bool:
    """Wiki software says so in <meta name="generator">."""
    generators = tree.xpath('//meta[translate(@name,"GENRATO","genrato")="generator"]/@content')
    return any(_WIKI_GENERATOR.search(str(g)) for g in generators[:3])


@dataclass
class PageDates:
    """Everything a page says about its dates: the candidates and what kind of page it is."""

    candidates: list[Candidate]
    wiki: bool = False


def collect(html: str, url: str | None = None) -> PageDates:
    """Every date the page offers, from every source, unfiltered (also for `inspect`)."""
    tree = _parse_html(html)
    if tree is None:
        return PageDates(_address_candidates([url] if url else []))
    month_first = _month_first(tree, html)
    page = _Page(tree)
    cands = _jsonld_candidates(page, month_first) + _meta_candidates(page, month_first)
    body = _body_markup_candidates(page, month_first)
    cands += body
    cands += _url_candidates(tree, url)
    cands += _script_candidates(page, month_first)
    cands += _image_candidates(tree)
    cands += _text_candidates(page, month_first, {c.pos for c in body})
    return PageDates(cands, wiki=_is_wiki(tree))


def _best(cands: list[Candidate]) -> Candidate:
    """Highest rank; between equals, the first in the document (the article comes first)."""
    return max(cands, key=lambda c: (c.rank, -c.pos))


def _header_date(cands: list[Candidate]) -> Candidate | None:
    """The date a reader sees with the article: the best visible date outside other zones."""
    visible = [c for c in cands if c.origin in ("time", "text") and c.rank >= 5 and c.kind != "modified"]
    return _best(visible) if visible else None


def _local_day(best: Candidate, cands: list[Candidate]) -> Candidate:
    """The publisher's local day when `best` is a UTC time near midnight and the page says so.

    A story published at 20:23 in Ottawa is stamped "2020-08-25T00:23Z" in its metadata
    but dated 24 August on the page; one published at 00:15 in Rome is "2020-12-05T23:15Z"
    but 6 December. When a local date of the page (a timestamp with a non-UTC offset, or the
    dateline under the headline) is one day away in the direction the clock allows, it wins.
    Without such a sign the UTC day stays: guessing the publisher's time zone is not done.
    """
    hour = best.utc_hour
    if hour is None or 8 <= hour < 15:
        return best
    target = best.date + dt.timedelta(days=1 if hour >= 15 else -1)
    local = [
        c for c in cands
        if c.date == target and c.origin in ("jsonld", "meta", "time")
        and c.has_time and c.utc_hour is None and c.kind != "modified" and c.rank >= 6
    ]
    header = _header_date(cands)
    if header is not None and header.date == target:
        local.append(header)
    return _best(local) if local else best


def _shown_update(best: Candidate, cands: list[Candidate]) -> Candidate:
    """The "Updated <date>" a page shows its readers when it never shows the original date.

    Some sites keep the first publication date in their metadata only and print just
    "Updated May 06, 2019" under the headline; the page presents itself as of that day.
    When the original day is visible too, the original stays the answer.
    """
    shown = [
        c for c in cands
        if c.origin in ("text", "time") and c.kind == "modified" and c.rank >= 5
        and c.zone == "" and c.date > best.date
    ]
    if not shown:
        return best
    original_visible = any(
        c.origin in ("text", "time") and c.date == best.date and c.kind != "modified" and c.rank >= 2
        for c in cands
    )
    return best if original_visible else _best(shown)


def _wiki_revision(cands: list[Candidate]) -> Candidate | None:
    """A wiki page is a living document: its date is its latest revision.

    The wiki's own markup (dateModified) or its footer ("This page was last edited on
    7 April 2020") says when that was; the page's creation is often years older.
    """
    revisions = [c for c in cands if c.kind == "modified" and c.zone != "header"]
    marked = [c for c in revisions if c.origin in ("jsonld", "meta", "time")]
    pool = marked or revisions
    return max(pool, key=lambda c: (c.date, c.rank)) if pool else None


def _last_resort(cands: list[Candidate]) -> Candidate | None:
    """When the page has no publication markup, no dated address and no clear dateline."""
    modified = [c for c in cands if c.kind == "modified" and c.origin != "text" and c.rank >= 2]
    if modified:
        return min(modified, key=lambda c: c.date)
    visible = [c for c in cands if c.origin in ("text", "time") and c.kind != "modified"]
    article = [c for c in visible if c.zone == "" and c.rank >= 2]
    if article:
        return _best(article)
    # the first date of the page outside the masthead: forum threads and comment-style
    # pages put the opening post first
    anywhere = [c for c in visible if c.zone != "header"]
    if anywhere:
        return min(anywhere, key=lambda c: c.pos)
    for origin in ("script", "image"):
        found = [c for c in cands if c.origin == origin]
        if found:
            return _best(found)
    created = [c for c in cands if c.kind == "created" and c.origin != "text"]
    return _best(created) if created else None


def choose(found: PageDates) -> Candidate | None:
    """Pick the publication date among the (valid) candidates: see the module docstring."""
    cands = found.candidates
    if found.wiki:
        revision = _wiki_revision(cands)
        if revision is not None:
            return revision
    markup = [c for c in cands if c.origin in ("jsonld", "meta", "time") and c.kind != "modified"]
    strong = [c for c in markup if c.rank >= 6]
    if strong:
        return _shown_update(_local_day(_best(strong), cands), cands)
    urls = [c for c in cands if c.origin == "url"]
    if urls:
        return urls[0]
    weak = [c for c in cands if c.origin == "text" and c.rank >= 4] + [c for c in markup if c.rank >= 4]
    if weak:
        return _best(weak)
    return _last_resort(cands)


def find_html_date(
    html: str, url: str | None = None, today: dt.date | None = None
) -> DateFinding | None:
    """The publication date of a saved web page, with where it came from; None if unknown.

    `url` (optional) is the page's address, used when the page gives no better date.
    Dates after `today` (default: today) or before 1990 are rejected.
    Never raises: malformed input of any kind means "no date found".
    """
    try:
        if isinstance(html, bytes):
            html = html.decode("utf-8", "replace")
        if not isinstance(html, str):
            return None
        today = today or dt.date.today()
        found = collect(html, url)
        found.candidates = [c for c in found.candidates if MIN_DATE <= c.date <= today]
        best = choose(found)
    except Exception:  # noqa: BLE001 - the contract is "no date" rather than a crash
        return None
    if best is None:
        return None
    moment = best.moment if best.moment is not None and best.moment.date() == best.date else None
    return DateFinding(best.date, best.source, _short(best.evidence), moment=moment)
