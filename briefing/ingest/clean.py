"""Strip boilerplate from article text and read the header lines, keeping what was removed.

News text arrives with site chrome ("Log In", "People also read…"), photo captions and
credits, bylines, contributor lines, copyright notices and repeated blocks. Each rule below is
small and named so `inspect` can show what it removed and why, and so each can be tested on
real text. Rules work on *units*: paragraphs, or single lines where a file puts one paragraph
per line, or re-joined lines where wire copy is hard-wrapped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import full_dates_in, header_date
from ..core.model import DateFinding

# ---------------------------------------------------------------- wire markup

# Wire copy carries its typesetting codes: `` and '' for quotation marks (AP, NYT), `&\t` for a
# paragraph indent (Reuters, sometimes with the backslash escape left in), <Company Name> for
# a company without a ticker and <TICKER> after a listed one, SGML codes such as &UR; &QL;,
# and HTML entities. They are not the text: we turn them into what they stand for at load, so
# summaries, quotes and headlines never show them. One pass of compiled patterns, skipped
# entirely when the text holds none of the characters they start with.
_PARAGRAPH_MARK = re.compile(r"&[ \t]*(?:\\t|\t)[ \t]*|(?:^|(?<=\n))[ \t]*\\t|(?<=[.!?\"'])[ \t]*\\t(?=[A-Z\"])")
_STRAY_ESCAPE = re.compile(r"(?:^|(?<=\s))[tn](?=[A-Z][a-z])")
_STRAY_ESCAPE_HINT = re.compile(r"[tn][A-Z][a-z]")  # in every match of _STRAY_ESCAPE
_TICKER = re.compile(r"[ \t]?<(?:[A-Z0-9]{1,6}(?:\.[A-Z0-9]{1,3})?)>")
_ANGLED_NAME = re.compile(r"<([A-Z0-9][^<>]{0,80}?)>")
_INLINE_TAG = re.compile(r"</?(?:[a-zA-Z][a-zA-Z0-9]{0,9})(?:\s[^<>\n]{0,200})?/?>")
_WIRE_CODE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{0,7}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});?")
_OPEN_QUOTE = re.compile(r"``|(?<!\w)`(?=\w)")  # ```Don't: a double, then a nested single quote
_CLOSE_QUOTE = re.compile(r"''(?!')")
_OPENING_PAIR = re.compile(r"(?:^|(?<=[\s(\[]))''(?=[A-Za-z0-9])")  # '' opening a paragraph or a word


def _entity(match: re.Match) -> str:
    """An HTML entity as its character; an SGML code (&UR;, &Cx1f;) or a control as nothing."""
    import html

    code = match.group(0)
    if not code.endswith(";") and not code.startswith("&#"):
        value = html.unescape(code)
        return value if value != code and len(code) <= 6 else code  # "AT&T" stays
    value = html.unescape(code)
    if value == code:
        return ""  # not an HTML entity: a wire typesetting code
    return value if value.isprintable() or value in "\n\t" else ""


def normalize_wire(text: str | None) -> str | None:
    """Text with wire and SGML markup turned into what it stands for (see above)."""
    if not text:
        return text
    if "&" in text or "\\t" in text:
        text = _PARAGRAPH_MARK.sub("\n\n", text)
        if "&" in text:
            text = _WIRE_CODE.sub(_entity, text)
    if "<" in text:
        text = _TICKER.sub("", text)
        text = _ANGLED_NAME.sub(r"\1", text)
        text = _INLINE_TAG.sub("", text)
    if "`" in text or "''" in text:
        text = _OPEN_QUOTE.sub(lambda m: "“" if len(m.group(0)) == 2 else "‘", text)
        text = _OPENING_PAIR.sub("“", text)
        text = _CLOSE_QUOTE.sub("”", text)
    # a stray escape needs a t or n right before a capitalised word: rare, and this scan is cheap
    return _STRAY_ESCAPE.sub("", text) if _STRAY_ESCAPE_HINT.search(text) else text


# ---------------------------------------------------------------- units


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_INDENTED = re.compile(r"^(?:\t| {2,})\S")


def split_units(text: str) -> list[str]:
    """Paragraph units: blank-line blocks, unwrapped when hard-wrapped, else one per line."""
    units: list[str] = []
    for block in _BLANK_LINE.split(text):
        for lines in _split_at_header_lines([line for line in block.split("\n") if line.strip()]):
            if _hard_wrapped(lines):
                units.extend(_unwrap(lines))
            else:
                units.extend(" ".join(line.split()) for line in lines)
    return [u for u in units if u]


def _split_at_header_lines(lines: list[str]) -> list[list[str]]:
    """Cut a block around lines that are a date header and nothing else.

    Wire files put the title and ` date 1987-02-26` on consecutive lines; joined as one
    wrapped paragraph the header would be lost in the title (and the day with it).
    """
    pieces: list[list[str]] = [[]]
    for line in lines:
        if len(line) <= 80 and (found := header_date(line)) is not None and not found[1].strip():
            pieces.extend([[line], []])
        else:
            pieces[-1].append(line)
    return [piece for piece in pieces if piece]


_SENTENCE_END = re.compile(r"(?:[.!?…:;][\"'”’»)\]]*|[\"”’])\s*$")


def _ends_sentence(line: str) -> bool:
    return _SENTENCE_END.search(line[-12:]) is not None


def _hard_wrapped(lines: list[str]) -> bool:
    """Wire copy wrapped at ~70 columns: most lines end mid-sentence and are of similar length."""
    if len(lines) < 2:
        return False
    body = lines[:-1]
    open_ends = sum(not _ends_sentence(line) for line in body)
    lengths = sorted(len(line.strip()) for line in body)
    median = lengths[len(lengths) // 2]
    return open_ends / len(body) >= 0.5 and 30 <= median <= 100


def _unwrap(lines: list[str]) -> list[str]:
    """Join wrapped lines; an indented line starts a new paragraph (Reuters, DUC)."""
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if paragraphs[-1] and _INDENTED.match(line) and _ends_sentence(paragraphs[-1][-1]):
            paragraphs.append([])
        paragraphs[-1].append(line.strip())
    return [" ".join(" ".join(p).split()) for p in paragraphs if p]


# ---------------------------------------------------------------- rules

_CHROME = re.compile(
    r"^(?:log ?in|log ?out|sign ?in|sign ?up|sign in to comment|register|reset password|forgot (?:your )?password\??|"
    r"create (?:an )?account|my account|subscribe(?: now| today| here)?|subscribe to (?:our|the) .*|"
    r"advertisement|advertising|sponsored(?: content)?|skip to (?:main )?content|skip navigation|"
    r"share(?: this)?(?: article| story| page)?(?: on \w+)?|share via .*|tweet|email|print|comments?(?: \(\d+\))?|"
    r"\d+ comments?|view comments|show comments|leave a (?:comment|reply)|read more|show more|load more|see more|"
    r"continue reading|related(?: articles| stories| content| topics| coverage)?|people also read|most (?:read|popular|viewed|shared)|"
    r"trending(?: now)?|recommended(?: for you)?|you (?:may|might) also like|more from .{1,40}|more stories|"
    r"follow us(?: on .*)?|click here.*|accept(?: all)? cookies|(?:this site|we) uses? cookies.*|"
    r"listen to (?:this )?article.*|\d+ min(?:ute)?s? read|back to top|menu|search|home|close|next article|previous article|"
    r"top stories|latest news|breaking news|newsletter|get the newsletter|download (?:the|our) app.*|"
    r"image source,? .*|image caption,? .*|media caption,? .*|getty images|"
    r"report an error|contact us|terms of (?:use|service)|privacy policy|cookie policy|all rights reserved\.?)$",
    re.I,
)

_CAPTION_START = re.compile(
    r"^(?:FILE ?[-–—:]|FILE PHOTO\b|In this (?:handout |file |undated |pool |aerial |combination |satellite )?"
    r"(?:photo|image|picture|video|still|frame|grab|screenshot|photograph)|This (?:handout )?(?:photo|image|picture) "
    r"(?:shows|provided|taken|released|made|obtained)|(?:Photo|Image|Picture|Photograph|Caption|Credit|Pictured|Video)\s*:)",
    re.I,
)
_CREDIT = re.compile(
    r"\((?=[^()]*(?:Photo|Foto|Bild|Images?|Pool|Handout|Press Service|via |/(?:AP|AFP|dpa|Reuters|EPA|Getty|Keystone|ANSA|EFE|Xinhua|picture)\b))[^()]{1,160}\)\s*\.?$"
    r"|\((?:AP|AFP|Reuters|EPA)(?: Photo)?[/ ][^)]{0,60}$",
    re.I,
)
# (?=[…]) holds the first characters of the alternatives: one cheap test where the engine would
# otherwise try each alternative in turn at every word boundary (same matches). Also in
# _COPYRIGHT_NOTICE.
_CAPTION_WORDS = re.compile(
    r"\b(?=[pisalr(, ])(?:pictured|photographed|is seen|are seen|seen here|seen in this|in this (?:satellite )?(?:image|photo)|satellite image|"
    r"image taken|poses?|posing|attends|arrives|left\)|right\)|\(left|\(right|, left,|, right,| left and | right and )\b",
    re.I,
)
_WEEKDAY_DATE = re.compile(  # every match has "day" in it: is_caption tests that first, it is cheaper
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? (?:19|20)\d{2}\b"
)
_HAS_YEAR = re.compile(r"(?:19|20)\d\d")
# Copyright notices and contributor lines: the alternatives that must start the unit are
# matched once (match), only the others searched for (one alternation searched everywhere
# tried the anchored ones at every position too).
_COPYRIGHT_START = re.compile(r"©|\(c\)|copyright\b", re.I)
_COPYRIGHT_NOTICE = re.compile(
    r"(?=[amrw])(?:all rights reserved|may not be (?:published|reproduced), broadcast|"
    r"rewritten or redistributed|without (?:prior )?(?:written )?permission\.?$)",
    re.I,
)
_CONTRIBUTED = re.compile(r"\bcontributed(?: to)?(?: this)?(?: report(?:ing)?| story)?\.?$", re.I)
_CONTRIBUTOR_LINE = re.compile(
    r"(?:Additional )?(?:reporting|writing|editing) by\b|\w[\w .'-]{0,40} reported from [^.]{2,60}\.$", re.I
)
_COPYRIGHT_OWNER = re.compile(r"(?:copyright|©)\s*(?:\d{4}\s+)?(?P<owner>[A-Z][\w.&' -]{2,40}?)\.", re.I)
_NON_WORD = re.compile(r"\W+")
_TWO_CAPITALS = re.compile(r"[A-Z]{2}")
_BYLINE = re.compile(
    r"^By\s+(?P<names>[A-Z][\w.'-]*(?:[ ,]+(?:and\s+)?[A-Z][\w.'-]*){0,8})\s*(?:[,|–—-]+\s*(?P<agency>[A-Z][\w.&' -]{1,60}))?\s*$"
)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s*[A-Z][\w.'’ -]{1,25}?)?)"
    r"(?:,\s*(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&-]{0,24})\))?\s*(?:--?|–|—|_)\s+(?=\S)"
)
_URL_LINE = re.compile(r"^(?:url:\s*)?(?P<url>https?://\S+)$", re.I)
_SOURCE_LINE = re.compile(r"^(?:source|publisher|outlet)\s*:\s*(?P<source>.{2,80})$", re.I)


def _is_copyright(unit: str) -> bool:
    return bool(_COPYRIGHT_START.match(unit) or _COPYRIGHT_NOTICE.search(unit))


def _is_contributor_line(unit: str) -> bool:
    return bool(_CONTRIBUTED.search(unit) or _CONTRIBUTOR_LINE.match(unit))


AGENCIES = {
    "ap": "Associated Press", "associated press": "Associated Press", "the associated press": "Associated Press",
    "reuters": "Reuters", "afp": "Agence France-Presse", "agence france-presse": "Agence France-Presse",
    "upi": "United Press International", "dpa": "dpa", "bloomberg": "Bloomberg", "xinhua": "Xinhua",
}


def agency_name(raw: str | None) -> str | None:
    """A publisher named in a byline, dateline or copyright line; never an abbreviation of
    initials ("U.S.": a place) nor a lone participle ("Hosted", "Powered", "Updated")."""
    if not raw:
        return None
    key = raw.strip().strip(".").lower()
    if key in AGENCIES:
        return AGENCIES[key]
    name = raw.strip()
    if len(name) <= 2 or _INITIALS.fullmatch(name) or _PARTICIPLE.fullmatch(name):
        return None
    return name


_INITIALS = re.compile(r"(?:[A-Za-z]\.){2,}")
_PARTICIPLE = re.compile(r"[A-Z]?[a-z]+ed")


def is_chrome(unit: str) -> bool:
    if len(unit.split()) > 12:
        return False
    return bool(_CHROME.match(unit.strip().rstrip(".…:!>»›|").strip()))


_LONGEST_CAPTION = 80  # words; wire captions run 20-60


def is_caption(unit: str, sentence_like_document: bool, explicit_only: bool = False) -> bool:
    """Photo captions and credits: AP and wire styles, and Daily Mail-style unpunctuated captions.

    `explicit_only` keeps to captions that say what they are ("FILE -", "In this photo",
    "(AP Photo/…)"): for text an extractor already took out of a page, where headings and
    list items legitimately lack a full stop.
    """
    if _CAPTION_START.match(unit) or _CREDIT.search(unit):
        return True
    if explicit_only:
        return False
    if "day" in unit and _WEEKDAY_DATE.search(unit):
        return True  # "…in Kyiv, Ukraine, Monday, Feb. 14, 2022." is how wire captions are dated
    words = len(unit.split())
    if words > _LONGEST_CAPTION:
        return False  # a table or a run-on paragraph of data, not a caption
    if _ends_sentence(unit):
        return False
    if sentence_like_document and words >= 6:
        return True  # a run-on line among punctuated paragraphs: caption, teaser or sidebar
    if _CAPTION_WORDS.search(unit) or (_HAS_YEAR.search(unit) and full_dates_in(unit)):
        return True
    return False


# ---------------------------------------------------------------- cleaning


@dataclass
class Cleaned:
    text: str
    removed: list[str] = field(default_factory=list)
    title: str | None = None
    source: str | None = None
    url: str | None = None
    header_date: DateFinding | None = None
    captions: list[str] = field(default_factory=list)  # removed captions: evidence for dating
    units: list[str] = field(default_factory=list)  # every unit of the input, for text dating


def _header_zone(units: list[str], result: Cleaned, find_title: bool) -> int:
    """Read title/date/URL/byline lines at the top; return the index where the body starts."""
    index = 0
    while index < min(len(units), 8):
        unit = units[index]
        if is_chrome(unit):
            result.removed.append(unit)
        elif (found := header_date(unit)) is not None and result.header_date is None:
            result.header_date, rest = found
            result.removed.append(found[0].evidence)
            if rest.strip():
                units[index] = rest.strip()
                return index
        elif match := _URL_LINE.match(unit):
            result.url = result.url or match.group("url")
            result.removed.append(unit)
        elif match := _SOURCE_LINE.match(unit):
            result.source = result.source or match.group("source").strip()
            result.removed.append(unit)
        elif match := _BYLINE.match(unit):
            result.source = result.source or agency_name(match.group("agency"))
            result.removed.append(unit)
        elif find_title and result.title is None and (_title_like(unit) or _followed_by_header_date(units, index)):
            result.title = unit
            result.removed.append(unit)
        else:
            return index
        index += 1
    return index


_TRAILING_NOTICE = re.compile(r"\s(?:Copyright\b|©|\(c\)\s*\d{4}).{0,200}$", re.I)


def _cut_trailing_notice(unit: str, result: Cleaned) -> str:
    """A copyright line glued to the end of a long paragraph: cut it off, keep the paragraph."""
    if len(unit.split()) <= 40:
        return unit
    match = _TRAILING_NOTICE.search(unit)
    if match and match.start() > len(unit) * 0.6:
        result.removed.append(match.group(0).strip())
        return unit[: match.start()].rstrip()
    return unit


def _followed_by_header_date(units: list[str], index: int) -> bool:
    """A short line right above a bare date header is the title, whatever it looks like
    (wire titles such as `ECONOMIC SPOTLIGHT - BANKAMERICA` pass for datelines)."""
    if index + 1 >= len(units) or len(units[index].split()) > 40:
        return False
    found = header_date(units[index + 1])
    return found is not None and not found[1].strip()


def _title_like(unit: str) -> bool:
    words = len(unit.split())
    return 2 <= words <= 40 and (not _ends_sentence(unit) or unit.endswith(("?", "!"))) and not _DATELINE.match(unit)


def _strip_dateline(unit: str, result: Cleaned) -> str:
    match = _DATELINE.match(unit)
    if not match or not _TWO_CAPITALS.search(match.group("place")):
        return unit
    result.source = result.source or agency_name(match.group("agency"))
    result.removed.append(match.group(0).strip())
    return unit[match.end():]


def clean(
    text: str, find_title: bool = True, extra_patterns: list[re.Pattern] | None = None, extracted: bool = False
) -> Cleaned:
    """Clean one article's text. `find_title` is False when the format already gave a title.

    `extracted` is for main text a page extractor produced (HTML): its boilerplate is gone,
    and headings, list items and quotes without a full stop are content, so only explicit
    rules apply (chrome lines, credits, copyright, contributor lines, repeats).
    """
    text = normalize_wire(text) or ""
    units = split_units(text) if not extracted else [" ".join(u.split()) for u in text.split("\n") if u.strip()]
    result = Cleaned(text="", units=list(units))
    start = _header_zone(units, result, find_title) if not extracted else 0
    body = units[start:]
    punctuated = sum(_ends_sentence(u) for u in body if len(u.split()) >= 6)
    long_units = sum(1 for u in body if len(u.split()) >= 6)
    sentence_like = long_units >= 5 and punctuated / long_units >= 0.6
    kept: list[str] = []
    seen: set[str] = set()
    for unit in body:
        key = _NON_WORD.sub(" ", unit).strip().lower()
        if key in seen and len(key) > 0:
            result.removed.append(unit)
            continue
        seen.add(key)
        unit = _cut_trailing_notice(unit, result)
        if is_chrome(unit) or (len(unit.split()) <= 40 and _is_copyright(unit)) or _is_contributor_line(unit):
            result.removed.append(unit)
            if m := _COPYRIGHT_OWNER.search(unit):
                result.source = result.source or agency_name(m.group("owner"))
            continue
        if extra_patterns and any(p.search(unit) for p in extra_patterns):
            result.removed.append(unit)
            continue
        if _BYLINE.match(unit):
            result.source = result.source or agency_name(_BYLINE.match(unit).group("agency"))  # type: ignore[union-attr]
            result.removed.append(unit)
            continue
        if is_caption(unit, sentence_like, explicit_only=extracted):
            result.removed.append(unit)
            result.captions.append(unit)
            continue
        if not kept:
            unit = _strip_dateline(unit, result)
        kept.append(unit)
    if not kept and result.captions and not extracted:
        kept = _captions_were_the_article(result)
    result.text = "\n\n".join(kept)
    return result


def _captions_were_the_article(result: Cleaned) -> list[str]:
    """Nothing but "captions" left: a results table or a one-paragraph brief (`Period ended
    December 31, 1986 / Oper shr loss …`) is what the file says. Keep what only the guessing
    rules took; explicit captions (`(AP Photo/…)`, `FILE -`) stay removed."""
    guessed = [unit for unit in result.captions if not (_CAPTION_START.match(unit) or _CREDIT.search(unit))]
    for unit in guessed:
        result.captions.remove(unit)
        result.removed.remove(unit)
    return [_strip_dateline(guessed[0], result)] + guessed[1:] if guessed else []
