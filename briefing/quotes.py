"""Direct quotations and who said them.

`extract_quotes(text)` finds every stretch of text between quote marks, in reading order, and
attributes it to a speaker. It works on clean article text (paragraphs separated by blank
lines) with rules only: no model, nothing downloaded.

Marks. Every mark news uses is read: “ ” „ « » " '' `` (the double family) and ‘ ’ ' `
(the single family). Each mark is classed by what surrounds it: a mark after a space (or
at a paragraph start, or after a bracket or dash) and before a word can open; a mark after a
word and before a space or punctuation can close; a single mark between two letters is an
apostrophe (can't, Russia's). Curly marks only break ties, so typos such as a closing “ still
close. Marks of either family pair with any mark of the same family, so a "…'' pair works.
Pairing uses a stack per paragraph: a closing mark closes the nearest open mark of its
family; a quote left open at the end of a paragraph is kept (to the end of the paragraph)
when the next paragraph opens again with a mark of its family (a quote that runs on over
paragraphs) or when it opened the paragraph; any other open mark is dropped, and the quotes
found inside it are promoted. Quotes inside quotes are not reported on their own.

Speakers. For each quote we look, in the sentence around it, after the quote first
(`"…," Lavrov said`, `"…," said Karine Jean-Pierre, the…`, `"…," he told reporters`,
`"…," according to X`), then before it (`Lavrov said: "…"`, `X added that "…"`,
`X said Europe is "on the edge…"`, participles such as `, adding that "…"` take the clause's
subject). A quote with no attribution takes the speaker of the quote before it in the same
paragraph, or, when it opens its paragraph, the speaker of the previous paragraph (a quoted
speaker, or the subject of a reporting verb there). What was written ("she", "Lavrov",
"the foreign minister") is kept in `speaker_as_written`; `speaker` is the fullest name the
article gives: surnames and names with titles are looked up among the article's names,
descriptions ("the foreign minister") among the titles and appositions written next to
names, pronouns ("he", "she") go to the last person named before them whose gender (from
honorifics, role words and a list of first names) does not clash. Groups and anonymous
sources that no name in the article answers to keep the text's own description as speaker
("a source", "officials", "the general staff"): that is what the article attributes the
quote to, and it is never a guessed name. A relative pronoun alone ("who") gives no speaker.

Short quotes (fewer than three words) and unattributed quotes of fewer than six words are
flagged `fragment` (scare quotes, names of things: "endless talks").

`canonical_speaker(names)` merges spellings of one person across articles (Sergey/Sergei
Lavrov, Zelensky/Zelenskyy, Lavrov -> Sergey Lavrov).

Everything is linear in the text (bounded windows around each quote) and never raises.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from .first_names import ArticleNames, first_name_gender
from .sentences import sentence_spans


@dataclass(frozen=True)
class Quote:
    text: str  # the quoted words without the marks
    start: int  # offsets of the quoted words in the text: text[start:end] == self.text
    end: int
    speaker: str | None  # fullest name the article gives; None when it cannot be told
    speaker_as_written: str | None  # "she", "Lavrov", "the foreign minister"
    fragment: bool  # scare quotes and short fragments, kept apart from full quotes


# ---------------------------------------------------------------------------------------
# Word lists (written for this module)

_SPEECH_LEMMAS = """
say tell add ask write tweet post note explain continue argue insist warn reply respond state
declare announce claim recall remark observe acknowledge admit concede counter suggest urge
stress emphasize emphasise maintain quip joke exclaim shout yell cry whisper complain predict
promise vow pledge boast brag lament muse reiterate repeat confirm assure reassure remind caution
contend charge allege agree conclude comment testify wonder thunder fume scoff offer retort
snap mutter sigh laugh plead beg demand deny proclaim assert affirm rule recount describe
add tweet text email message blog announce report inform advise clarify disclose reveal
acknowledge mention point go chime weigh interject propose predict estimate concur rail put
""".split()
_IRREGULAR = {
    "say": ["said", "says", "saying", "say"],
    "tell": ["told", "tells", "telling", "tell"],
    "write": ["wrote", "writes", "writing", "written", "write"],
    "go": ["went", "goes", "going"],
    "put": ["put", "puts"],
    "cry": ["cried", "cries", "crying"],
    "reply": ["replied", "replies", "replying"],
    "testify": ["testified", "testifies", "testifying"],
    "clarify": ["clarified", "clarifies", "clarifying"],
    "deny": ["denied", "denies", "denying"],
    "rule": ["ruled", "rules"],
    "snap": ["snapped", "snaps", "snapping"],
    "quip": ["quipped", "quips", "quipping"],
    "chime": ["chimed"],
    "weigh": ["weighed"],
    "point": ["pointed"],
    "blog": ["blogged", "blogs", "blogging"],
    "brag": ["bragged", "brags", "bragging"],
    "beg": ["begged", "begs", "begging"],
    "message": ["messaged"],
    "text": ["texted"],
}


def _inflect(lemma: str) -> list[str]:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith(("sh", "ch", "ss", "x")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


SPEECH_VERBS: frozenset[str] = frozenset(f for lemma in _SPEECH_LEMMAS for f in _inflect(lemma))
# Verbs that may open an inverted attribution: `"…," said Karine Jean-Pierre`.
_INVERTING = frozenset(
    "said says added adds asked asks wrote writes continued continues explained explains noted notes "
    "recalled recalls replied replies responded responds insisted insists declared declares "
    "warned warns argued argues quipped quips joked jokes tweeted tweets exclaimed suggested "
    "observed remarked countered concluded acknowledged admitted cautioned stressed".split()
)
# Verbs that go with a quote before them only, not as an attribution after it.
_BEFORE_ONLY = frozenset("called calls calling dubbed labeled labelled branded described describing describes".split())
# Verbs that never take a quote: "pointed" only with "out", "went" only with "on".
_NEEDS_PARTICLE = {"put": "it", "puts": "it", "pointed": "out", "points": "out", "pointing": "out", "went": "on", "goes": "on", "going": "on",
                   "chimed": "in", "weighed": "in", "go": "on", "point": "out"}
# Forms that are too often something else when they stand alone.
_AMBIGUOUS_FORMS = frozenset(
    "post posts report reports charge charges rule rules text texts email emails message messages offer offers "
    "state states estimate estimates point points go goes cry cries sigh laugh snap demand demands deny denies "
    "concur counter joke jokes comment comments note notes answer promise promises pledge pledges vow vows "
    "claim claims warning warnings reply replies statement remark remarks response boast boasts "
    "complaint complaints".split()
)

PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "they": None, "we": None, "i": None, "you": None, "it": None}
_RELATIVE = {"who", "which", "that"}
DETERMINERS = frozenset(
    "the a an another one his her their its our my your this that these those some several many two three "
    "four five both each other most few any no".split()
)
_STOP = frozenset(
    """and but or nor so yet because if when while as than that which who whom whose where after before since
    until though although in on at to from by with into about over under for of is was were are be been
    being has have had will would could can should may might must do does did not also later then now
    still again there here what how why whether just even only never always already once it its this
    said says told tells very more less much such up out off down back against between through during
    per via like unlike among amid despite without within across toward towards upon onto""".split()
)
_SKIP_BEFORE_VERB = frozenset(
    """also later then has have had was is were would will did does once again reportedly repeatedly previously
    recently earlier further quickly simply just often never always already even only flatly publicly
    privately initially first finally subsequently separately similarly alternately apparently
    angrily bluntly calmly clearly firmly frankly gently loudly openly quietly sharply softly strongly
    tersely wryly curtly proudly happily sadly emphatically triumphantly glumly bitterly has've 've 's
    had've last yesterday today tonight here there""".split()
)
HONORIFICS = {
    "mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "dr": None, "dr.": None,
    "prof": None, "prof.": None, "sir": "m", "dame": "f", "lord": "m", "lady": "f", "madam": "f",
    "rev": None, "rev.": None, "fr": "m", "fr.": "m", "sen": None, "sen.": None, "rep": None, "rep.": None,
    "gov": None, "gov.": None, "gen": None, "gen.": None, "lt": None, "lt.": None, "col": None, "col.": None,
    "sgt": None, "sgt.": None, "capt": None, "capt.": None, "adm": None, "adm.": None, "maj": None, "maj.": None,
    "pres": None, "pres.": None, "amb": None, "amb.": None, "hon": None, "hon.": None, "gens.": None,
    "sens.": None, "reps.": None, "del.": None, "atty.": None, "supt.": None, "det.": None, "insp.": None, "cmdr.": None,
}
TITLE_WORDS = frozenset(
    """president vice prime minister foreign secretary chancellor chief deputy press senator sen sen. representative
    rep rep. governor gov gov. mayor general gen gen. lieutenant lt lt. colonel col col. judge justice speaker leader
    king queen prince princess pope ambassador spokesman spokeswoman spokesperson director chairman chairwoman
    chair ceo commissioner attorney candidate nominee officer official sergeant sgt sgt. captain capt capt.
    admiral adm adm. major maj maj. professor prof prof. doctor dr dr. reverend rev rev. father pastor bishop
    cardinal rabbi imam sheikh emir sultan crown premier president-elect former acting interim state defense
    defence interior finance health home trade economy energy education labor labour transport
    environment agriculture treasury homeland security national principal assistant senior junior top
    executive managing founder co-founder owner head boss commander coach manager analyst strategist adviser
    advisor aide counsel counselor minority majority whip congressman congresswoman councilman councilwoman
    councillor member mp mep delegate envoy lawmaker legislator democrat democratic republican gop
    independent mr mr. mrs mrs. ms ms. miss sir dame lord lady hon hon. secretary-general under-secretary
    undersecretary communications policy retired vice-presidential presidential first""".split()
)
# Role words that say a name is a person ("Pentagon spokesman John Kirby", "Alona Buznitskaya, a model").
PERSON_ROLES = frozenset(
    """president minister secretary chancellor ambassador senator governor mayor spokesman spokeswoman
    spokesperson director chairman chairwoman chair ceo commissioner attorney candidate nominee officer
    official leader chief adviser advisor aide analyst strategist lawyer professor doctor physician nurse
    model actor actress singer musician writer author journalist reporter editor columnist economist
    scientist researcher historian student teacher resident mother father wife husband son daughter
    brother sister widow owner founder manager coach player voter supporter activist organizer organiser
    pastor bishop priest rabbi imam judge justice prosecutor general colonel captain sergeant admiral
    commander soldier veteran officer congressman congresswoman lawmaker legislator representative
    delegate envoy diplomat premier king queen prince princess pope businessman businesswoman
    entrepreneur executive partner fellow expert consultant pollster surrogate speaker whip host anchor
    comedian rapper star athlete mr mrs ms dr""".split()
)
DEMONYMS = frozenset(
    """american u.s. us british uk english scottish welsh irish french german italian spanish portuguese dutch belgian
    swiss austrian swedish norwegian danish finnish polish czech slovak hungarian romanian bulgarian greek
    turkish russian ukrainian belarusian georgian armenian azerbaijani kazakh chinese japanese korean
    north south indian pakistani afghan iranian iraqi syrian israeli palestinian lebanese jordanian saudi
    egyptian libyan moroccan algerian tunisian nigerian kenyan ethiopian african canadian mexican brazilian
    argentine argentinian chilean colombian venezuelan cuban australian european western eastern
    soviet nato eu un lithuanian latvian estonian moldovan serbian croatian bosnian albanian qatari emirati
    yemeni""".split()
)
ORG_WORDS = frozenset(
    """house ministry department post times news party council committee agency office service campaign court
    congress senate administration government kremlin pentagon journal network institute university
    foundation association union organization organisation bank fund company corp corp. inc inc. group press
    television tv radio magazine review tribune herald observer guardian telegraph mail express reuters ap
    afp cnn bbc nbc cbs abc fox msnbc npr pbs twitter facebook instagram police army navy force forces guard
    commission authority bureau board center centre embassy parliament assembly federation republic state
    states nations square street palace island islands sea ocean europe america asia africa war court
    hill park river city county district region province church mosque school college hospital airport
    station base command staff fleet brigade division corps secretariat cabinet duma rada
    today daily weekly monthly online media channel report poll survey study index coalition alliance
    movement front caucus society club team league party's kremlin pentagon military
    intelligence fbi cia democrats republicans conservatives liberals progressives""".split()
)
_PLACE_START = frozenset("new north south east west san los las santa fort port saint st. st upper lower great".split())
_CAP_STOP = frozenset(
    """the a an but and or so yet as in on at to from by with for of after before when while if because although
    though meanwhile however still also asked speaking earlier later then now there here this that these those
    it its his her their our my we they he she i you yes no not one two both all some many most more
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.
    what why how where who which whether even just only once despite amid during since until""".split()
)
_NAME_CONNECTORS = frozenset("de da van von bin al der den le la del di du dos das ben ibn el abu".split())
_NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
_ROLE_GENDER = {
    "spokeswoman": "f", "chairwoman": "f", "congresswoman": "f", "businesswoman": "f", "councilwoman": "f",
    "actress": "f", "mother": "f", "wife": "f", "daughter": "f", "sister": "f", "grandmother": "f",
    "queen": "f", "princess": "f", "widow": "f", "girl": "f", "woman": "f",
    "spokesman": "m", "chairman": "m", "congressman": "m", "businessman": "m", "councilman": "m",
    "actor": "m", "father": "m", "husband": "m", "son": "m", "brother": "m", "grandfather": "m",
    "king": "m", "prince": "m", "boy": "m", "man": "m",
}

_ABBREV_TOKEN = (
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Prof|Rev|St|Jr|Sr|Hon|Pres|Amb|Supt|Insp|Det|"
    r"Cmdr|Cpl|Pvt|Atty|Gens|Reps|Sens|Messrs|Ft|Mt|Fr)\."
)
_STATE_ABBREV = (
    r"(?:[RDI]-)?(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|"
    r"Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Vt|Va|Wash|Wis|Wyo)\."
)
# The first four alternatives can only match at an ASCII letter (the first two at a capital):
# the lookaheads skip them everywhere else, which halves the time of the scan without changing
# a single match (same alternatives, same order).
_TOKEN = re.compile(
    r"(?=[A-Za-z])(?:(?=[A-Z])(?:\b" + _ABBREV_TOKEN + r"|\b" + _STATE_ABBREV + r")"
    r"|(?:[A-Za-z]\.){2,}|\b[A-Z]\.(?=\s+[A-Z]))"
    r"|[^\W_][\w'’\-]*[^\W_]|[^\W_]|[^\w\s]"
)
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

# ---------------------------------------------------------------------------------------
# Marks

_MARK = re.compile(r"``|''|[“”„‟«»\"‘’‚'`]")
_DOUBLE = {"``", "''", "“", "”", "„", "‟", "«", "»", '"'}
_OPEN_DIR = {"``", "“", "„", "«", "‘", "‚", "`"}
_CLOSE_DIR = {"”", "»", "’", "‟"}
_QUOTE_CHARS = set("“”„‟«»\"‘’‚'`")
_OPEN_PREV_SINGLE = set("([{—–-/") | set("“”„«»\"")
_OPEN_PREV_DOUBLE = _OPEN_PREV_SINGLE | set(",:;.!?") | set("‘’'")
_CLOSE_NEXT = set(".,;:!?)]}—–-…/*") | _QUOTE_CHARS


# Patterns the rules below use on every mark, run or name (compiled once, not looked up in
# re's cache at each call).
_DECADE_OR_YEAR = re.compile(r"\d0s\b|\d\d\b(?![.,]?\d)")  # '90s, '22
_PERCENT_AFTER = re.compile(r"\d\d\s+(?:per|percent|%)")
_NEWLINE = re.compile(r"\n")
_ENDS_WITH_BYLINE = re.compile(r"[”\"’'][ \xa0]*[―—][ \xa0]*[A-Z][\w.' \-]{0,60}$")
_LOWER_WORD_AFTER = re.compile(r"\s+[a-z]")
_REPORTING_AFTER = re.compile(r"\s+(?:said|says|told|added|asked|wrote|according)\b")


@dataclass
class _Mark:
    start: int
    end: int
    token: str
    family: str  # "d" or "s"
    kind: str  # "open", "close", "both", "none", "apos"


@dataclass
class _Open:
    mark: _Mark
    children: list


@dataclass
class _Raw:
    open_start: int
    open_end: int
    close_start: int
    close_end: int
    closed: bool
    children: list
    family: str
    para: int = 0
    runs_on: bool = False  # left open at the paragraph end, continued in the next


def _classify(text: str, start: int, end: int, token: str, lo: int, hi: int) -> _Mark:
    family = "d" if token in _DOUBLE else "s"
    prev = text[start - 1] if start > lo else ""
    nxt = text[end] if end < hi else ""
    prev_space = prev == "" or prev.isspace()
    next_space = nxt == "" or nxt.isspace()
    if family == "s" and token in ("'", "’"):
        if prev.isalnum() and nxt.isalnum():
            return _Mark(start, end, token, family, "apos")
        if not prev.isalnum() and nxt.isdigit() and _DECADE_OR_YEAR.match(text[end:end + 4] or ""):
            if not _PERCENT_AFTER.match(text[end:end + 12]):
                return _Mark(start, end, token, family, "apos")
        if prev and not prev_space and text[end:end + 2].lower() in ("s ", "s,", "s.") and prev in ".)":
            return _Mark(start, end, token, family, "apos")  # U.S.'s
    open_prev = _OPEN_PREV_DOUBLE if family == "d" else _OPEN_PREV_SINGLE
    can_open = (prev_space or prev in open_prev) and not next_space
    can_close = not prev_space and (next_space or nxt in _CLOSE_NEXT)
    if family == "s" and prev.isalnum() and not can_close:
        return _Mark(start, end, token, family, "apos")
    if can_open and can_close:
        kind = "both"
    elif can_open:
        kind = "open"
    elif can_close:
        kind = "close"
    else:
        kind = "none"
    if kind in ("both", "none"):
        if token in _OPEN_DIR:
            kind = "open"
        elif token in _CLOSE_DIR:
            kind = "close"
        elif kind == "none":
            return _Mark(start, end, token, family, "none")
    return _Mark(start, end, token, family, kind)


_PARA = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_LINE_OPENS_QUOTE = re.compile(r"[ \t\xa0]*[“\"‘'«„”―—]")


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs: blank-line separated blocks, also cut at a single line break when the next
    line opens with a quote mark or a byline dash and the line before ends a sentence or is a
    byline (lists of quotes: “…” ― Name)."""
    spans = []
    for m in _PARA.finditer(text):
        lo = m.start()
        for nl in _NEWLINE.finditer(m.group(0)):
            at = m.start() + nl.start()
            line = text[lo:at].strip()
            if (
                line
                and _LINE_OPENS_QUOTE.match(text, at + 1)
                and (line[-1] in ".!?…”\"’'" or line[:1] in "―—" or _ENDS_WITH_BYLINE.search(line))
            ):
                spans.append((lo, at))
                lo = at + 1
        spans.append((lo, m.end()))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _pair_paragraph(text: str, lo: int, hi: int, next_lo: int | None, next_hi: int | None, para: int) -> list[_Raw]:
    marks = []
    for m in _MARK.finditer(text, lo, hi):
        mk = _classify(text, m.start(), m.end(), m.group(0), lo, hi)
        if mk.kind not in ("apos", "none"):
            marks.append(mk)
    stack: list[_Open] = []
    top: list[_Raw] = []

    def holder() -> list:
        return stack[-1].children if stack else top

    for i, mk in enumerate(marks):
        j = None
        for k in range(len(stack) - 1, -1, -1):
            if stack[k].mark.family == mk.family:
                j = k
                break
            if len(stack) - k > 8:
                break
        wants_close = mk.kind == "close" or (mk.kind == "both" and j is not None)
        if wants_close and j is not None:
            if (
                mk.family == "s"
                and mk.token in ("'", "’")
                and text[mk.start - 1:mk.start].lower() == "s"
                and _LOWER_WORD_AFTER.match(text[mk.end:mk.end + 3])
                and _next_single_closes(marks, i)
                and not _REPORTING_AFTER.match(text[mk.end:mk.end + 12])
            ):
                continue  # plural possessive inside a single-quoted quote: the allies' resolve
            opened = stack[j]
            inner = list(opened.children)
            for above in stack[j + 1:]:
                inner.extend(above.children)  # unclosed marks above: apostrophes or typos
            del stack[j:]
            holder().append(
                _Raw(opened.mark.start, opened.mark.end, mk.start, mk.end, True, inner, mk.family, para)
            )
        elif mk.kind in ("open", "both"):
            stack.append(_Open(mk, []))
    if stack:
        bottom = stack[0]
        inner = []
        for entry in stack:
            inner.extend(entry.children)
        before = text[lo:bottom.mark.start].rstrip()
        body = text[bottom.mark.end:hi].rstrip()
        runs_on = False
        if next_lo is not None:
            nm = _MARK.match(text, next_lo)
            if nm:
                nk = _classify(text, nm.start(), nm.end(), nm.group(0), next_lo, next_hi or len(text))
                runs_on = nk.kind in ("open", "both") and nk.family == bottom.mark.family
        opens_paragraph = before == "" or before.endswith(":")
        if body and (runs_on or (opens_paragraph and body[-1:] in ".!?…" and len(_WORD.findall(body)) >= 3)):
            end = bottom.mark.end + len(body)
            raw = _Raw(bottom.mark.start, bottom.mark.end, end, end, False, inner, bottom.mark.family, para, runs_on)
            top.append(raw)
        else:
            top.extend(inner)  # the open mark was a stray: keep what was properly quoted inside it
    top.sort(key=lambda r: r.open_start)
    return top


def _next_single_closes(marks: list[_Mark], i: int) -> bool:
    for later in marks[i + 1:]:
        if later.family == "s":
            return later.kind == "close"
    return False


def _pair_marks(text: str) -> tuple[list[_Raw], list[tuple[int, int]]]:
    paras = _paragraph_spans(text)
    found: list[_Raw] = []
    for index, (lo, hi) in enumerate(paras):
        nxt = paras[index + 1] if index + 1 < len(paras) else (None, None)
        for raw in _pair_paragraph(text, lo, hi, nxt[0], nxt[1], index):
            raw.para = index
            found.append(raw)
    return found, paras


# ---------------------------------------------------------------------------------------
# Tokens and noun phrases


class _Tok:
    """A token of the text. Built once per token of every article (millions), so it is a
    slotted class and `low` is computed once here: the rules read it about twice per token."""

    __slots__ = ("text", "start", "end", "low")

    def __init__(self, text: str, start: int, end: int):
        self.text = text
        self.start = start
        self.end = end
        self.low = text.lower()

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()


def _tokens(text: str, lo: int, hi: int) -> list[_Tok]:
    return [_Tok(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text, lo, hi)]


_POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")


def _bare(tok_text: str) -> str:
    """A token without a possessive ending (called for every word of every name: the common
    no-possessive case is answered by one endswith)."""
    if len(tok_text) <= 2 or not tok_text.endswith(_POSSESSIVE_ENDINGS):
        return tok_text
    if tok_text.endswith(("'s", "’s")):
        return tok_text[:-2]
    return tok_text[:-1]


def _np_backward(toks: list[_Tok], i: int, max_len: int = 9) -> int | None:
    """Index of the first token of the noun phrase that ends at toks[i], or None."""
    if i < 0 or not toks[i].word:
        return None
    if toks[i].low in PRONOUNS:
        return i
    j = i
    taken = 0
    while j >= 0 and taken < max_len:
        t = toks[j]
        low = t.low
        if not t.word:
            if t.text in ("-", "&") and j > 0 and j < i:
                j -= 1
                continue
            break
        if low in DETERMINERS:
            if taken == 0:
                return None
            if low in ("that", "this", "these", "those", "any", "no") and toks[j + 1].cap:
                return j + 1  # "that Clinton said": a conjunction, not a determiner
            if j >= 2 and toks[j - 1].low in ("of", "from") and toks[j - 2].cap and toks[j - 2].low not in _CAP_STOP:
                j -= 2  # "Mr. Morgan of the Sierra Club said"
                taken += 2
                continue
            return j
        if t.cap:
            if low in _CAP_STOP:
                if low in ("the",):
                    return j
                break
            taken += 1
            j -= 1
            continue
        if low in _NAME_CONNECTORS and j < i and toks[j + 1].cap:
            taken += 1
            j -= 1
            continue
        if low in _STOP or low in SPEECH_VERBS or low in PRONOUNS:
            # "a spokesman for Donald Trump": extend over for/of after a role noun
            if low in ("for", "of") and j > 0 and toks[j - 1].low in TITLE_WORDS | _ROLE_NOUNS and taken:
                taken += 1
                j -= 1
                continue
            break
        if low.endswith("ly") and len(low) > 4:
            break
        if not low[:1].isalpha():
            break
        if taken and toks[j + 1].cap and low not in TITLE_WORDS and low not in PERSON_ROLES:
            break  # "In a Bloomberg interview Trump declared": the name stands alone
        taken += 1
        j -= 1
    start = j + 1
    if start > i:
        return None
    # trim leading lowercase words that do not reach a determiner: keep from the first capital
    while start <= i and not toks[start].cap and toks[start].low not in DETERMINERS:
        if all(not toks[k].cap for k in range(start, i + 1)):
            # a bare plural such as "officials", "senior officials", "experts"
            if i - start <= 1 and toks[i].low.endswith("s") and toks[i].low not in _STOP:
                return start
            return None
        start += 1
    return start if start <= i else None


_ROLE_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson official officials source sources aide aides adviser advisers
    advisor advisors director head member members leader leaders chief president secretary minister
    representative representatives analyst analysts expert experts lawyer lawyers attorney friend friends
    supporter supporters critic critics officer officers resident residents voter voters worker workers
    statement report study poll""".split()
)


def _np_forward(toks: list[_Tok], i: int, max_len: int = 9) -> int | None:
    """Index of the last token of a noun phrase that starts at toks[i], or None."""
    if i >= len(toks) or not toks[i].word:
        return None
    if toks[i].low in PRONOUNS:
        return i
    j = i
    last = None
    has_head = False
    while j < len(toks) and j - i < max_len:
        t = toks[j]
        low = t.low
        if not t.word:
            if t.text in ("-", "&") and last is not None and j + 1 < len(toks) and toks[j + 1].cap:
                j += 1
                continue
            break
        if low in DETERMINERS and j == i:
            j += 1
            continue
        if t.cap and low not in _CAP_STOP:
            last = j
            has_head = True
            j += 1
            continue
        if low in _NAME_CONNECTORS and last is not None and j + 1 < len(toks) and toks[j + 1].cap:
            j += 1
            continue
        if low in ("of", "for") and last is not None and j + 1 < len(toks):
            k = j + 1
            if toks[k].low == "the" and k + 1 < len(toks):
                k += 1
            if toks[k].cap and toks[k].low not in _CAP_STOP:
                j = k
                continue
            break
        if low in _STOP or low in SPEECH_VERBS or low in PRONOUNS or not low[:1].isalpha():
            break
        if low.endswith("ly") and len(low) > 4:
            break
        if has_head and toks[i].low not in DETERMINERS:
            if (low in TITLE_WORDS or low in PERSON_ROLES) and j + 1 < len(toks) and (
                toks[j + 1].cap or toks[j + 1].low in TITLE_WORDS or toks[j + 1].low in PERSON_ROLES
            ):
                j += 1  # "MSNBC host Chris Matthews"
                continue
            break  # "said Smith yesterday": a name ends at the first lower-case word
        last = j
        has_head = True
        j += 1
    return last


def _span_text(text: str, toks: list[_Tok], a: int, b: int) -> str:
    return text[toks[a].start:toks[b].end]


# ---------------------------------------------------------------------------------------
# Names in the article


def _strip_titles(words: list[str]) -> tuple[list[str], list[str]]:
    """Split a capitalised run into (title words, name words)."""
    k = 0
    while k < len(words) - 1 and (
        words[k].lower() in TITLE_WORDS or words[k].lower() in DEMONYMS or words[k].lower() in HONORIFICS
        or _bare(words[k]) != words[k]
    ):
        k += 1
    return words[:k], words[k:]


def _split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """(title words, name): the name is the last stretch after any title, organisation or
    nationality word ("White House Press Secretary Jen Psaki" -> "Jen Psaki")."""
    cut = 0
    for k, w in enumerate(words):
        lw = w.lower()
        if lw in TITLE_WORDS or lw in HONORIFICS or lw in DEMONYMS or _bare(w).lower() in ORG_WORDS \
                or ("-" in lw and lw.rsplit("-", 1)[1] in TITLE_WORDS):  # Vice-President
            cut = k + 1
    if cut >= len(words):
        return words, []
    # the rest of an office before a first name: "(Chancellor of the) Exchequer Nigel Lawson"
    k = cut + 1
    while k < len(words) - 1 and not first_name_gender(words[k]):
        k += 1
    if k < len(words) - 1 and len(words) - cut >= 3 and not first_name_gender(words[cut]):
        cut = k
    return words[:cut], words[cut:]


_PREPOSITION_BEFORE = re.compile(r"\b(?:of|to|with|for|by|from|about|against|on|at|in|than|like)\s+$")
_RUN_BREAKERS = frozenset("and or of the for in to with at on by".split())


def _split_at_function_words(words: list[str]) -> list[list[str]]:
    """A capitalised function word inside a run (wire copy's "U.S. And Japan") ends a name."""
    parts: list[list[str]] = [[]]
    for w in words:
        if parts[-1] and w.lower() in _RUN_BREAKERS and w[:1].isupper():
            parts.append([])
        else:
            parts[-1].append(w)
    return [p for p in parts if p]


def _is_org(words: list[str]) -> bool:
    if not words:
        return True
    for w in words:
        lw = _bare(w).lower()
        if lw in ORG_WORDS or lw in DEMONYMS:
            return True
        if w.isupper() and len(w) > 1 and "." not in w and "-" not in w:
            return True  # CNN, NATO, AP
    if words[0].lower() in _PLACE_START and len(words) > 1:
        return True
    return False


@dataclass
class _Mention:
    start: int
    end: int
    words: tuple[str, ...]  # name words without titles
    titles: tuple[str, ...]  # lower-case title / role words written with it
    gender: str | None


# Every run starts with a capital A-Z: the leading lookahead lets the scan skip other positions
# at once instead of trying the whole pattern there (same matches, a third of the time).
_CAP_RUN = re.compile(
    r"(?=[A-Z])"
    r"(?:\b" + _ABBREV_TOKEN + r"\s+|\b[A-Z]\.\s+)*"
    r"\b[A-Z][\w'’\-]*[\w]"
    r"(?:(?:\s+|\s*-\s*)(?:" + _ABBREV_TOKEN + r"|[A-Z]\.|(?:de|da|van|von|bin|al|der|le|la|del|di|du|ben|ibn|el|abu)(?=\s+[A-Z])|[A-Z][\w'’\-]*[\w]|[A-Z]))*"
    r"(?:,?\s+(?:Jr|Sr)\.|\s+I{2,3}\b|\s+IV\b)?"
)


_RUN_WORD = re.compile(r"[A-Z][a-z]{0,3}\.|[\w'’\-]+\.?")
_INITIAL = re.compile(r"[A-Z]\.")
_INITIAL_OR_ABBREVIATION = re.compile(r"[A-Z]\.|[A-Z][a-z]{0,3}\.")
_WORD_OR_MARK = re.compile(r"[A-Za-z\-]+|[^\sA-Za-z]")
_APPOSITION = re.compile(r",\s+(?:the|a|an|his|her|their)\s+([^,.;:()\"“”]{1,80})")
_LETTER_WORD = re.compile(r"[A-Za-z\-]+")
_HE = re.compile(r"\b(?:he|him|his|himself)\b", re.I)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.I)
_TRAILING_PARENTHESIS = re.compile(r"\s*\([^)]*\)\s*$")


class _Names:
    """Every capitalised name written in the article, for lookups."""

    def __init__(self, text: str, quoted: list[tuple[int, int]]):
        self.text = text
        self.first_names = ArticleNames(text)
        self.mentions: list[_Mention] = []
        self.full: dict[str, list[tuple[str, ...]]] = {}
        self.counts: dict[tuple[str, ...], int] = {}
        self.gender: dict[tuple[str, ...], str] = {}
        self.person_evidence: set[tuple[str, ...]] = set()
        self.quoted = quoted
        self._run_start = -1
        self._quoted_starts = [a for a, _ in quoted]
        self._fullest_memo: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._people_pending: list[int] | None = None  # see learn_people_on_demand
        for m in _CAP_RUN.finditer(text):
            raw_words = _RUN_WORD.findall(m.group(0))
            raw_words = [w.rstrip(".") if (w.endswith(".") and w.lower() not in HONORIFICS and w.lower() not in _NAME_SUFFIXES and not _INITIAL.fullmatch(w)) else w for w in raw_words]
            words = [w for w in raw_words if w]
            # drop sentence-initial function words
            while words and words[0].lower() in _CAP_STOP:
                words = words[1:]
            if not words:
                continue
            self._run_start = m.start()
            for part in _split_at_function_words(words):  # "U.S. And Japan" is two names
                self._add(m.start(), m.end(), part)
        self.mentions.sort(key=lambda x: x.start)
        self._starts = [x.start for x in self.mentions]

    def _add(self, start: int, end: int, words: list[str]) -> None:
        # a possessive ends the name: "Zelenskyy's office", "Hillary Clinton’s campaign manager Robby Mook"
        cut = None
        for k, w in enumerate(words):
            if _bare(w) != w and k < len(words) - 1:
                cut = k
                break
        if cut is not None:
            self._add(start, end, words[:cut + 1])
            rest = words[cut + 1:]
            if rest:
                self._add(start, end, rest)
            return
        titles, name = _split_name(words)
        name = [_bare(w) for w in name]
        if not name or _is_org(name) or len(name) > 4:
            return
        gender = None
        evidence = False
        for t in titles:
            lt = t.lower()
            g = HONORIFICS.get(lt) or _ROLE_GENDER.get(lt)
            if g:
                gender = g
            if lt in HONORIFICS or lt.rstrip(".") in PERSON_ROLES:
                evidence = True
        # lower-case role words just before the run: "Pentagon spokesman John Kirby"
        before = self.text[max(0, start - 60):start]
        role = []
        if not titles or start == self._run_start:
            for w in reversed([w.lower() for w in _WORD_OR_MARK.findall(before)[-4:]]):
                if w in TITLE_WORDS or w in PERSON_ROLES or w in DEMONYMS or w in _ROLE_GENDER:
                    role.append(w)
                else:
                    break
        for w in role:
            if w in _ROLE_GENDER:
                gender = gender or _ROLE_GENDER[w]
            if w in PERSON_ROLES:
                evidence = True
        # apposition just after: "Alona Buznitskaya, a model." / "Oleksiy Danilov, the secretary of ..."
        after = self.text[end:end + 90]
        app = _APPOSITION.match(after)
        app_words = [w.lower() for w in _LETTER_WORD.findall(app.group(1))][:8] if app else []
        for w in app_words:
            if w in _ROLE_GENDER:
                gender = gender or _ROLE_GENDER[w]
        if any(w in PERSON_ROLES for w in app_words[:5]):
            evidence = True
        all_titles = tuple(t.lower().rstrip(".") for t in titles) + tuple(role) + tuple(app_words)
        if len(name) >= 2:
            listed = self.first_names.gender(name[0])
            if listed:
                gender = gender or listed
                evidence = True
        key = tuple(name)
        mention = _Mention(start, end, key, all_titles, gender)
        self.mentions.append(mention)
        self.counts[key] = self.counts.get(key, 0) + 1
        same_surname = self.full.setdefault(self._key(key), [])
        if key not in same_surname:
            same_surname.append(key)
        if gender:
            self.gender.setdefault(key, gender)
        if evidence:
            self.person_evidence.add(key)

    @staticmethod
    def _key(name: tuple[str, ...]) -> str:
        words = [w for w in name if w.lower() not in _NAME_SUFFIXES]
        return (words[-1] if words else name[-1]).lower()

    def fullest(self, name: tuple[str, ...]) -> tuple[str, ...]:
        """The longest name in the article that ends like `name` and contains its words.

        Memoised: the names it reads (`full`, `counts`) are complete once __init__ has run
        (only __init__ adds names, and nothing calls this before), and the rules ask for the
        same few names again and again (every mention, speaker and pronoun)."""
        found = self._fullest_memo.get(name)
        if found is None:
            found = self._fullest_memo[name] = self._fullest(name)
        return found

    def _fullest(self, name: tuple[str, ...]) -> tuple[str, ...]:
        if not name:
            return name
        candidates = self.full.get(self._key(name), [])
        has_suffix = any(w.lower() in _NAME_SUFFIXES for w in name)
        best = name
        best_score = (len(name), self.counts.get(name, 0))
        mine = [w.lower() for w in name]
        for cand in candidates:
            if any(w.lower() in _NAME_SUFFIXES for w in cand) != has_suffix:
                continue
            low = [w.lower() for w in cand]
            if not _contains_in_order(low, mine):
                continue
            score = (len(cand), self.counts.get(cand, 0))
            if score > best_score:
                best, best_score = cand, score
        if len(best) == 1:
            # a first name alone ("Melanie"): a unique full name starting with it
            starts = {c for cands in self.full.values() for c in cands if len(c) > 1 and c[0] == best[0]}
            if len(starts) == 1 and self.first_names.gender(best[0]):
                best = next(iter(starts))
        return best

    def gender_of(self, name: tuple[str, ...]) -> str | None:
        self._learn_people()
        g = self.gender.get(name)
        if g:
            return g
        listed = self.first_names.gender(name[0]) if len(name) > 1 else None
        if listed:
            return listed
        # a surname mention with an honorific somewhere: "Mr. Obama"
        for cand in self.full.get(self._key(name), []):
            if _contains_in_order([w.lower() for w in cand], [w.lower() for w in name]) and self.gender.get(cand):
                return self.gender[cand]
        return None

    def is_person(self, name: tuple[str, ...]) -> bool:
        self._learn_people()
        full = self.fullest(name)
        if full in self.person_evidence or name in self.person_evidence:
            return True
        for cand in self.full.get(self._key(name), []):
            if cand in self.person_evidence and _contains_in_order([w.lower() for w in cand], [w.lower() for w in name]):
                return True
        return False

    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._quoted_starts, pos) - 1
        return k >= 0 and self.quoted[k][0] <= pos < self.quoted[k][1]

    def learn_people_on_demand(self, starts: list[int]) -> None:
        """Run add_speakers and set_sentences when last_person first needs them.

        What they learn (person evidence, sentence subjects, genders from pronouns) is read by
        last_person only (through is_person and gender_of), and they read nothing that changes
        after __init__, so running them late gives the same answers. Most articles never
        resolve a he/she, and these two (with the token list of the whole text they need)
        were a third of the time of quote extraction."""
        self._people_pending = starts

    def _learn_people(self) -> None:
        """The pending add_speakers and set_sentences, once (readers of what they learn call this)."""
        starts = self._people_pending
        if starts is not None:
            self._people_pending = None
            self.add_speakers(_tokens(self.text, 0, len(self.text)))
            self.set_sentences(starts)

    def add_speakers(self, toks: list[_Tok]) -> None:
        """Names of two words or more that are subjects of a reporting verb are people."""
        for v, t in enumerate(toks):
            if t.low not in SPEECH_VERBS or t.cap or t.low.endswith("ing") or self.in_quote(t.start):
                continue
            sp = _subject_before(self.text, toks, v)
            if sp is not None and sp.kind == "name":
                full = self.fullest(sp.words)
                if len(full) >= 2:
                    self.person_evidence.add(full)

    def set_sentences(self, starts: list[int]) -> None:
        """Mark subjects (the first person named in a sentence) and learn genders from the
        pronouns of sentences that name one person only."""
        self._sent_starts = starts
        by_sentence: dict[int, list[_Mention]] = {}
        for m in self.mentions:
            if self.in_quote(m.start) or not self.is_person(m.words):
                continue
            by_sentence.setdefault(bisect.bisect_right(starts, m.start) - 1, []).append(m)
        self.subjects = set()
        votes: dict[tuple[str, ...], list[int]] = {}
        for index, ms in by_sentence.items():
            subject = next((m for m in ms if self._can_be_subject(m)), None)
            if subject is not None:
                self.subjects.add(id(subject))
            people = {self.fullest(m.words) for m in ms}
            if len(people) != 1:
                continue
            full = next(iter(people))
            lo = ms[0].end
            hi = starts[index + 1] if index + 1 < len(starts) else len(self.text)
            chunk = self.text[lo:min(hi, lo + 400)]
            he = len(_HE.findall(chunk))
            she = len(_SHE.findall(chunk))
            v = votes.setdefault(full, [0, 0])
            v[0] += he
            v[1] += she
        for full, (he, she) in votes.items():
            if full in self.gender or self._listed_gender(full):
                continue
            if he > she and he >= 1:
                self.gender[full] = "m"
            elif she > he and she >= 1:
                self.gender[full] = "f"

    def _can_be_subject(self, m: _Mention) -> bool:
        """Not a possessive ("Howard's trip") nor the object of a preposition ("ahead of
        Howard"): those name a person without making them the one who acts or speaks."""
        if self.text[m.end:m.end + 2] in ("'s", "’s") or self.text[m.end - 2:m.end] in ("'s", "’s"):
            return False
        before = _PREPOSITION_BEFORE.search(self.text, max(0, m.start - 12), m.start)
        return before is None

    def _listed_gender(self, name: tuple[str, ...]) -> str | None:
        return self.first_names.gender(name[0]) if len(name) > 1 else None

    def last_person(self, pos: int, gender: str | None) -> tuple[str, ...] | None:
        """The person a he/she at `pos` most likely is: the last gender-compatible person
        named as a sentence's subject in the window before it, else the last one named."""
        self._learn_people()
        k = bisect.bisect_left(self._starts, pos) - 1
        fallback = None
        subjects = getattr(self, "subjects", set())
        while k >= 0:
            m = self.mentions[k]
            k -= 1
            if m.end > pos or self.in_quote(m.start):
                continue
            if not self.is_person(m.words):
                continue
            full = self.fullest(m.words)
            g = m.gender or self.gender_of(full) or self.gender_of(m.words)
            if gender and g and g != gender:
                continue
            if id(m) in subjects:
                return full
            if fallback is None:
                fallback = full
            if pos - m.start > 1500:
                break
        return fallback

    def by_description(self, words: list[str], pos: int) -> tuple[str, ...] | None:
        """The last person before `pos` written with these title words (the foreign minister)."""
        content = [w.lower() for w in words if w.lower() not in DETERMINERS]
        content = [w for w in content if w.isalpha() or "-" in w]
        if not content:
            return None
        head = content[-1]
        if head not in TITLE_WORDS and head not in _ROLE_NOUNS and head not in _ROLE_GENDER:
            return None
        k = bisect.bisect_left(self._starts, pos) - 1
        while k >= 0:
            m = self.mentions[k]
            k -= 1
            if m.end > pos:
                continue
            titles = set(m.titles)
            if head in titles and sum(1 for w in content if w in titles) * 2 >= len(content):
                return self.fullest(m.words)
        return None


def _contains_in_order(big: list[str], small: list[str]) -> bool:
    it = iter(big)
    return all(any(w == b or (len(w) == 2 and w.endswith(".") and b.startswith(w[0])) for b in it) for w in small)


# ---------------------------------------------------------------------------------------
# Speakers


@dataclass
class _Speaker:
    written: str
    kind: str  # "pronoun", "name", "org", "description", "group", "relative"
    words: tuple[str, ...] = ()
    pos: int = 0
    resolved: str | None = None


def _classify_np(text: str, toks: list[_Tok], a: int, b: int) -> _Speaker | None:
    if a is None or b is None or a > b:
        return None
    written = _span_text(text, toks, a, b).strip(" ,")
    written = _TRAILING_PARENTHESIS.sub("", written)  # "Paul D. Ryan (R-Wis.)"
    if not written:
        return None
    pos = toks[a].start
    if a == b and toks[a].low in PRONOUNS:
        return _Speaker(written, "pronoun", (toks[a].low,), pos)
    if a == b and toks[a].low in _RELATIVE:
        return _Speaker(written, "relative", (), pos)
    span_toks = toks[a:b + 1]
    span_toks = [t for t in span_toks if t.text != "(" ]
    for k, t in enumerate(span_toks):
        if k and t.low in ("of", "from", "at") and span_toks[k - 1].cap and span_toks[k - 1].low not in TITLE_WORDS:
            # "Del. Stacey Plaskett of the Virgin Islands": the name is before "of"
            span_toks = span_toks[:k]
            written = text[span_toks[0].start:span_toks[-1].end]
            break
    last = span_toks[-1]
    if last.cap and last.low not in _CAP_STOP:
        # the last capitalised run is the name: "Pentagon spokesman John Kirby"
        run: list[str] = []
        for t in reversed(span_toks):
            if t.cap and t.low not in _CAP_STOP and t.low not in TITLE_WORDS and t.low not in DEMONYMS or (
                t.low in _NAME_CONNECTORS and run
            ) or (_INITIAL.fullmatch(t.text) and run):
                run.insert(0, t.text)
                if _bare(t.text) != t.text and len(run) > 1:
                    run.pop(0)
                    break
            elif t.cap and (t.low in TITLE_WORDS or t.low in HONORIFICS) and run:
                break
            else:
                break
        run = [_bare(w).rstrip(".") if not _INITIAL_OR_ABBREVIATION.fullmatch(w) else w for w in run]
        run = [w for w in run if w]
        rest = _split_name(run)[1]
        if len(rest) >= 2 and rest != run and first_name_gender(rest[0]):
            run = rest  # "Chancellor of the Exchequer Nigel Lawson": the office is not the name
        if len(run) >= 2 and first_name_gender(run[0]) and not _is_org(run):
            return _Speaker(written, "name", tuple(run), pos)  # "Minister of State for … Rashid al-Nuaimi"
        if not run:
            # only title words: "President", "the Pentagon"
            words = tuple(t.text for t in span_toks if t.low not in DETERMINERS)
            if words and all(w.lower() in TITLE_WORDS or w.lower() in DEMONYMS for w in words):
                return _Speaker(written, "description", words, pos)
            return _Speaker(written, "org", words, pos)
        has_of = any(t.low in ("for", "of") for t in span_toks)
        if has_of and any(t.low in _ROLE_NOUNS or t.low in TITLE_WORDS for t in span_toks if not t.cap):
            return _Speaker(written, "description", tuple(t.text for t in span_toks), pos)
        kind = "org" if _is_org(run) else "name"
        return _Speaker(written, kind, tuple(run), pos)
    # lower-case head: a description or a group
    words = tuple(t.text for t in span_toks)
    det = span_toks[0].low
    if det in ("the", "his", "her", "their", "its") and len(span_toks) > 1:
        return _Speaker(written, "description", words, pos)
    return _Speaker(written, "group", words, pos)


def _skip_back(toks: list[_Tok], i: int) -> int:
    """Skip adverbs, auxiliaries and time words just before a verb."""
    while i >= 0 and (
        toks[i].low in _SKIP_BEFORE_VERB
        or (toks[i].low.endswith("ly") and len(toks[i].low) > 4 and not toks[i].cap)
    ):
        i -= 1
    return i


def _apposition_subject(text: str, toks: list[_Tok], i: int) -> _Speaker | None:
    """`Name, the secretary of …, said`, `Russia's foreign minister, Sergey Lavrov, said`,
    `the official, who asked not to be named, said`: toks[i] is the comma before the verb."""
    segments: list[tuple[int, int]] = []
    end = i - 1
    while end >= 0 and len(segments) < 6:
        k = end
        while k >= 0 and toks[k].text not in (",", ".", ";", ":", "“", "”", '"', "''", "``", "—", "–") and end - k < 30:
            k -= 1
        segments.insert(0, (k + 1, end))
        if k < 0 or toks[k].text != ",":
            break
        end = k - 1
    whole = []
    for lo, hi in segments:
        hi2 = _skip_parenthesis(toks, hi)
        if hi2 < lo:
            continue
        a = _np_backward(toks, hi2)
        if a is None:
            continue
        if a == lo or (toks[lo].low in _LEAD_WORDS and a == lo + 1):
            sp = _classify_np(text, toks, a, hi2)
            if sp is not None:
                whole.append(sp)
        elif lo == segments[0][0] and a > lo and toks[a - 1].low not in _NP_INSIDE:
            sp = _classify_np(text, toks, a, hi2)  # "In 2014 Smith, the …, said": the first segment's tail
            if sp is not None:
                whole.append(sp)
    for sp in whole:
        if sp.kind in ("name", "pronoun"):
            return sp
    for sp in whole:
        if sp.kind in ("description", "group", "org"):
            return sp
    return None


_LEAD_WORDS = frozenset("and but so then meanwhile however still also now as".split())


def _skip_parenthesis(toks: list[_Tok], i: int) -> int:
    """Step back over "(R-Fla.)" and "(D)" before a verb."""
    if i >= 0 and toks[i].text == ")":
        k = i - 1
        while k >= 0 and i - k < 10 and toks[k].text != "(":
            k -= 1
        if k >= 0 and toks[k].text == "(":
            return k - 1
    return i


def _subject_before(text: str, toks: list[_Tok], v: int, strict: bool = True) -> _Speaker | None:
    """The subject of the verb at toks[v]: `Lavrov said`, `Oleksiy Danilov, the secretary…, told`."""
    i = _skip_parenthesis(toks, _skip_back(toks, v - 1))
    if i < 0:
        return None
    if toks[i].low in _RELATIVE and i > 0 and toks[i - 1].text == ",":
        i -= 1  # "Olaf Scholz, who said …"
    if toks[i].text == ",":
        return _apposition_subject(text, toks, i)
    if _bare(toks[i].text) != toks[i].text:
        return None  # "Mr. Obama's speech said": a possessive is not the subject
    a = _np_backward(toks, i)
    if a is None:
        return None
    if strict and a > 0 and toks[a - 1].low in _NP_INSIDE and toks[a].low not in PRONOUNS:
        return None  # "rebel groups based in Donetsk and Luhansk declared": only the tail of a longer subject
    return _classify_np(text, toks, a, i)


_MODALS = frozenset("would will could can should may might must to".split())
_NP_INSIDE = frozenset("in at from with by near to of for and or on into under over about between".split())


def _speech_verb_at(toks: list[_Tok], k: int, after_quote: bool) -> bool:
    t = toks[k]
    low = t.low
    if low not in SPEECH_VERBS and low not in _BEFORE_ONLY:
        return False
    if t.cap and k > 0:
        return False  # "Says" in a headline, "Tell" as a name
    if after_quote and low in _BEFORE_ONLY:
        return False
    particle = _NEEDS_PARTICLE.get(low)
    if particle:
        return k + 1 < len(toks) and toks[k + 1].low == particle
    if low in _AMBIGUOUS_FORMS and not after_quote:
        # "Russia's demand that", "a report said": a verb only with a subject right before it
        prev = toks[k - 1] if k else None
        if prev is None or not prev.word or prev.low in DETERMINERS or _bare(prev.text) != prev.text:
            return False
        if not (prev.low in PRONOUNS or (prev.cap and prev.low not in _CAP_STOP) or prev.low.endswith("s")):
            return False
        if prev.low in _STOP and prev.low not in PRONOUNS:
            return False
    if k and toks[k - 1].low in _MODALS and low in ("say", "tell", "ask", "write", "add", "argue", "warn", "explain"):
        return False  # "it would tell an American story"
    return True


def _after_quote(text: str, lo: int, hi: int, strict: bool = False) -> _Speaker | None:
    """Attribution right after a closing mark: `, Lavrov said`, `, said X`, `, according to X`."""
    toks = _tokens(text, lo, min(hi, lo + 400))
    i = 0
    while i < len(toks) and toks[i].text in (",", "—", "–", "-", "―"):
        i += 1
    if i >= len(toks):
        return None
    if i and toks[i - 1].text in ("—", "–", "-", "―") and toks[i].cap:
        # a byline under a quote: “…” ― Christina Lastra
        b = _np_forward(toks, i)
        if b is not None and (b + 1 >= len(toks) or toks[b + 1].text in (",", ".", "\n", "(")):
            sp = _classify_np(text, toks, i, b)
            if sp is not None and sp.kind == "name" and "\n" not in text[toks[i - 1].start:toks[b].end]:
                return sp
    if _one_of_them(toks, i):
        one = next(t for t in toks[i:i + 3] if t.low == "one")
        return _Speaker(one.text, "relative", (), one.start)  # one of a group: no name, no inheritance
    # "said Karine Jean-Pierre, the White House …"
    if toks[i].low in _INVERTING and not toks[i].cap:
        k = i + 1
        if k < len(toks) and toks[k].low in ("in", "on") :
            return None
        b = _np_forward(toks, k)
        if b is not None:
            sp = _classify_np(text, toks, k, b)
            if sp and sp.kind != "pronoun" or (sp and toks[k].low in ("he", "she")):
                return sp
    if toks[i].low == "according" and i + 1 < len(toks) and toks[i + 1].low == "to":
        b = _np_forward(toks, i + 2)
        if b is not None:
            return _classify_np(text, toks, i + 2, b)
    # "Lavrov said", "the official, who asked not to be named, said"
    depth = 0
    for v in range(i, min(len(toks), i + 40)):
        t = toks[v]
        depth += (t.text == "(") - (t.text == ")")
        if t.text in (";", "!", "?", ":") and depth <= 0:
            break
        if not t.word:
            continue
        if v > i and _speech_verb_at(toks, v, True):
            if _quoted_as(toks, v):
                v -= 2  # "…,” Johansson was quoted as telling the newspaper: the subject of "was quoted"
            elif t.low in ("saying", "adding", "telling", "noting"):
                break
            sp = _subject_before(text, toks, v)
            if sp is None:
                continue
            # the subject must start where the attribution starts (after the comma)
            first = sp.pos
            lead = i
            ok_starts = {toks[i].start}
            while lead < v and lead - i < 3 and toks[lead].word and toks[lead].low not in _STOP \
                    and toks[lead].low not in DETERMINERS and toks[lead].low not in PRONOUNS \
                    and toks[lead].low not in SPEECH_VERBS:
                lead += 1  # "panel Chairman Rep. Jason Chaffetz said", "Tulsa police Chief Chuck Jordan said"
                ok_starts.add(toks[lead].start)
            if first not in ok_starts:
                if sp.kind == "relative":
                    continue
                # allow only a leading conjunction-free gap of nothing
                continue
            return sp
        if t.low in ("and", "but", "because", "which", "where", "when", "if", "while") and v == i:
            break
    if strict:
        return None
    # "… “close consultation” with allies in the region, Kirby said." — the attribution closes the sentence
    end = len(toks)
    while end > i and not toks[end - 1].word:
        end -= 1
    for v in range(end - 1, i, -1):
        if end - v > 7:
            break
        if not _speech_verb_at(toks, v, True) or toks[v].low.endswith("ing"):
            continue
        sp = _subject_before(text, toks, v)
        if sp is None or sp.kind == "relative":
            continue
        k = next((n for n in range(len(toks)) if toks[n].start == sp.pos), None)
        if k is not None and k > i and toks[k - 1].text == ",":
            if not any(_speech_verb_at(toks, w, True) for w in range(v + 1, end)):
                return sp
        break
    return None


def _one_of_them(toks: list[_Tok], i: int) -> bool:
    """`…," said one.` / `…," one said.`: one of a group named before; the quote before it
    may have had another speaker, so it inherits nothing."""
    words = [t.low for t in toks[i:i + 3] if t.word]
    return words[:2] in (["said", "one"], ["one", "said"]) and (len(toks) <= i + 2 or not toks[i + 2].word)


def _quoted_as(toks: list[_Tok], v: int) -> bool:
    """toks[v] is "saying"/"telling" in "X was quoted as saying": X is the speaker."""
    return v >= 2 and toks[v].low in ("saying", "telling") and toks[v - 1].low == "as" and toks[v - 2].low == "quoted"


def _before_quote(text: str, lo: int, hi: int) -> tuple[_Speaker | None, str]:
    """Attribution in the clause before an opening mark. Returns (speaker, how)."""
    toks = _tokens(text, max(lo, hi - 500), hi)
    if not toks:
        return None, ""
    # "According to X, …"
    for k in range(len(toks) - 1):
        if toks[k].low == "according" and toks[k + 1].low == "to":
            b = _np_forward(toks, k + 2)
            if b is not None:
                return _classify_np(text, toks, k + 2, b), "verb"
    if toks[0].low in _INVERTING and toks[0].cap and len(toks) > 1:
        b = _np_forward(toks, 1)  # "Said Ellis: “…”"
        if b is not None and b + 1 < len(toks) and toks[b + 1].text in (":", ","):
            sp = _classify_np(text, toks, 1, b)
            if sp is not None:
                return sp, "verb"
    for v in range(len(toks) - 1, -1, -1):
        if not _speech_verb_at(toks, v, False):
            continue
        low = toks[v].low
        sp = _subject_before(text, toks, v, strict=not low.endswith("ing"))
        if low.endswith("ing") or sp is None:
            if sp is not None and sp.kind != "relative" and toks[v - 1].text != ",":
                return sp, "verb"  # "with the Kremlin saying it expects 'prolonged' …"
            # a subject-less verb: "…, adding that", "but added:" — the clause's subject
            for w in range(v - 1, -1, -1):
                if _speech_verb_at(toks, w, False) and not toks[w].low.endswith("ing"):
                    sub = _subject_before(text, toks, w)
                    if sub is not None and sub.kind != "relative":
                        return sub, "verb"
            b = None
            k = 0
            if toks[0].low in _INTRO_WORDS:
                comma = next((n for n in range(v) if toks[n].text == ","), None)
                k = comma + 1 if comma is not None else 0
            while k < v and (toks[k].low in _CAP_STOP or not toks[k].word):
                k += 1
            if k < len(toks) and toks[k].cap:
                b = _np_forward(toks, k)
            if b is not None and b < v:
                sub = _classify_np(text, toks, k, b)
                if sub and sub.kind in ("name", "pronoun"):
                    return sub, "verb"
            return None, "inherit"
        if sp.kind == "relative":
            return None, "inherit"
        return sp, "verb"
    # "Sanders: Clinton needs to 'get away…'", "PENCE: …" — a name and a colon open the sentence
    k = 0
    while k < len(toks) and k < 5 and toks[k].word and (toks[k].cap or toks[k].low in _NAME_CONNECTORS):
        k += 1
    if 0 < k < len(toks) and toks[k].text == ":" and toks[0].low not in _CAP_STOP:
        sp = _classify_np(text, toks, 0, k - 1)
        if sp is not None and sp.kind == "name":
            return sp, "verb"
    return None, ""


_INTRO_WORDS = frozenset(
    "in on at after before during with asked speaking despite following since amid under for from "
    "when while as although though meanwhile however still earlier later last".split()
)


_ENDS_WITH_INITIAL = re.compile(r"(?:\b[A-Z]\.){1,3}$|\b(?:Del|Rep|Sen|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Prof|Rev|Mr|Mrs|Ms|Dr|Sens|Reps|Gens)\.$")


@dataclass(frozen=True)
class _Sent:
    start: int
    end: int


def _joined_sentences(text: str) -> list[_Sent]:
    """The shared splitter's sentences, re-joined where it cut after an initial or a title
    ("Rep. G.K. | Butterfield", "Del. | Stacey Plaskett") inside one paragraph."""
    out: list[_Sent] = []
    for span in sentence_spans(text):
        if out and "\n\n" not in text[out[-1].end:span.start] and _ENDS_WITH_INITIAL.search(text[out[-1].start:out[-1].end]):
            out[-1] = _Sent(out[-1].start, span.end)
        else:
            out.append(_Sent(span.start, span.end))
    return out


def _sentence_bounds(starts: list[int], spans, pos: int) -> tuple[int, int]:
    k = bisect.bisect_right(starts, pos) - 1
    if k < 0:
        return (0, 0)
    return spans[k].start, spans[k].end


def _resolve(sp: _Speaker | None, names: _Names, pos: int, para_start: int) -> str | None:
    if sp is None:
        return None
    if sp.kind == "pronoun":
        gender = PRONOUNS.get(sp.words[0]) if sp.words else None
        if sp.words and sp.words[0] in ("he", "she", "him", "her"):
            found = names.last_person(pos, gender)
            return " ".join(found) if found else None
        return None
    if sp.kind == "name":
        return " ".join(names.fullest(sp.words))
    if sp.kind == "org":
        words = [w for w in sp.written.split() if w.lower() not in DETERMINERS]
        return " ".join(words) or None
    if sp.kind in ("description", "group"):
        found = names.by_description(list(sp.words), pos) if sp.kind == "description" else None
        return " ".join(found) if found else _as_described(sp.written)
    return None


_DESCRIBED_MAX_WORDS = 10


def _as_described(written: str) -> str | None:
    """The text's own description of an unnamed speaker ("a U.N. source", "the general staff",
    "officials"): what the article attributes the quote to, never a guessed name."""
    words = _SPACES.sub(" ", written).strip(" ,;:—–-").split(" ")
    if not words or not words[0] or len(words) > _DESCRIBED_MAX_WORDS:
        return None
    if not any(_LETTER_LED_WORD.fullmatch(w) for w in words):
        return None
    if words[0].lower() in DETERMINERS or words[0].lower() == "one":
        words[0] = words[0].lower()  # "The company said" and "the company said" are one speaker
    return " ".join(words)


def _described_antecedent(sp: _Speaker, results: list, para: int) -> str | None:
    """"he said" when no compatible person is named before it: the unnamed speaker described
    in the quote just before, in this paragraph or the one before ("a U.N. source said …
    There is “a sense of optimism,” he said"), when that description is one person."""
    if not sp.words or sp.words[0] not in ("he", "she"):
        return None
    for raw, _s, _e, prev, resolved in reversed(results[-3:]):
        if raw.para < para - 1:
            break
        if prev is None or resolved is None:
            continue
        if prev.kind in ("description", "group") and resolved == _as_described(prev.written):
            head = resolved.split(" ")[-1].lower()
            return resolved if not head.endswith("s") or head.endswith("ss") else None
        return None
    return None


def _words(s: str) -> int:
    return len(_WORD.findall(s))


def _extract(text: str) -> list[Quote]:
    raws, paras = _pair_marks(text)
    if not raws:
        return []
    spans = _joined_sentences(text)
    starts = [s.start for s in spans]
    quoted = [(r.open_start, r.close_end) for r in raws]
    names = _Names(text, quoted)
    names.learn_people_on_demand(starts)

    results: list[tuple[_Raw, int, int, _Speaker | None, str | None]] = []
    para_speaker: dict[int, tuple[_Speaker, str | None]] = {}
    last_in_para: dict[int, tuple[_Speaker | None, str | None, int]] = {}
    prev_raw: _Raw | None = None
    for n, raw in enumerate(raws):
        body_start, body_end = raw.open_end, raw.close_start
        inner = text[body_start:body_end]
        lead = len(inner) - len(inner.lstrip())
        trail = len(inner) - len(inner.rstrip())
        start, end = body_start + lead, body_end - trail
        if end <= start:
            prev_raw = raw
            continue
        p_lo, p_hi = paras[raw.para]
        nxt = raws[n + 1] if n + 1 < len(raws) and raws[n + 1].para == raw.para else None
        same_para_prev = prev_raw if prev_raw is not None and prev_raw.para == raw.para else None
        speaker = None
        how = ""
        if raw.closed:
            s_lo, s_hi = _sentence_bounds(starts, spans, max(start, raw.close_start - 1))
            a_hi = min(max(s_hi, raw.close_end), nxt.open_start if nxt else p_hi, p_hi)
            strict = False
            if not text[raw.close_end:a_hi].strip():
                # the quote ended its sentence: `"…?" Trump said` — look at the next sentence,
                # but only for an attribution right after the mark
                n_lo, n_hi = _sentence_bounds(starts, spans, min(len(text) - 1, a_hi + 1))
                n_hi = min(n_hi, nxt.open_start if nxt else p_hi, p_hi)
                if n_hi > raw.close_end and text[start:end].rstrip()[-1:] in "?!…—-":
                    a_hi = n_hi
                    strict = True
            if a_hi > raw.close_end:
                speaker = _after_quote(text, raw.close_end, a_hi, strict)
                how = "after" if speaker else ""
        if speaker is None:
            s_lo, _ = _sentence_bounds(starts, spans, raw.open_start)
            b_lo = max(s_lo, p_lo, same_para_prev.close_end if same_para_prev else p_lo)
            if raw.open_start > b_lo:
                speaker, how = _before_quote(text, b_lo, raw.open_start)
        resolved = None
        if speaker is not None:
            at = speaker.pos
            resolved = _resolve(speaker, names, at, p_lo)
            if resolved is None and speaker.kind == "pronoun":
                resolved = _described_antecedent(speaker, results, raw.para)
        else:
            prev_here = last_in_para.get(raw.para)
            only_space_before = not text[p_lo:raw.open_start].strip()
            s_lo, _ = _sentence_bounds(starts, spans, raw.open_start)
            starts_sentence = s_lo >= raw.open_start - 1 or not text[s_lo:raw.open_start].strip(" \"'“‘(—–-")
            same_sentence = same_para_prev is not None and same_para_prev.close_end > s_lo
            if prev_here is not None and prev_here[0] is not None and (starts_sentence or same_sentence):
                speaker, resolved = prev_here[0], prev_here[1]
            elif only_space_before and raw.para - 1 in para_speaker:
                speaker, resolved = para_speaker[raw.para - 1]
            elif not only_space_before and s_lo >= raw.open_start - 1:
                # `…, Schiff said. "The other factor…"`: the reporting verb of the sentences before
                lo = max(p_lo, same_para_prev.close_end if same_para_prev else p_lo)
                found = _reported_subject(text, lo, raw.open_start, names)
                if found:
                    speaker, resolved = found
        if speaker is not None:
            last_in_para[raw.para] = (speaker, resolved, n)
            para_speaker[raw.para] = (speaker, resolved)
        results.append((raw, start, end, speaker, resolved))
        prev_raw = raw
    # paragraphs without quotes: the subject of their last reporting verb, for quote-only paragraphs after them
    needed = {raw.para - 1 for raw, *_ in results if raw.para - 1 not in para_speaker}
    if needed:
        fill = _indirect_speakers(text, paras, needed, names)
        if fill:
            out = []
            last_in_para2: dict[int, tuple] = {}
            for raw, start, end, speaker, resolved in results:
                if speaker is None:
                    prev_here = last_in_para2.get(raw.para)
                    p_lo = paras[raw.para][0]
                    if prev_here is None and not text[p_lo:raw.open_start].strip() and raw.para - 1 in fill:
                        speaker, resolved = fill[raw.para - 1]
                        fill.setdefault(raw.para, (speaker, resolved))
                    elif prev_here is not None:
                        s_lo, _ = _sentence_bounds(starts, spans, raw.open_start)
                        if s_lo >= raw.open_start - 1:
                            speaker, resolved = prev_here
                if speaker is not None:
                    last_in_para2[raw.para] = (speaker, resolved)
                    fill.setdefault(raw.para, (speaker, resolved))
                out.append((raw, start, end, speaker, resolved))
            results = out

    quotes: list[Quote] = []
    for raw, start, end, speaker, resolved in results:
        body = text[start:end]
        words = _words(body)
        fragment = words < 3 or (speaker is None and words < 6) or _is_title(text, body, paras[raw.para], raw)
        quotes.append(
            Quote(
                text=body,
                start=start,
                end=end,
                speaker=resolved,
                speaker_as_written=speaker.written if speaker else None,
                fragment=fragment,
            )
        )
    return quotes


_SMALL_WORDS = frozenset("a an the and or but of in on at to for with by from as is it its nor so up".split())


_LETTER_LED_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


def _title_case(s: str) -> bool:
    words = _LETTER_LED_WORD.findall(s)
    if not words:
        return False
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(big) and all(w[:1].isupper() for w in big)


def _is_title(text: str, body: str, para: tuple[int, int], raw: _Raw) -> bool:
    """Names of shows, books and songs: "Fox News Sunday," — short, Title Case, inside a
    sentence that is not itself Title Case (a headline quoting someone is not a title)."""
    n = _words(body)
    if n < 2 or n > 8 or not _title_case(body):
        return False
    outside = text[para[0]:raw.open_start] + " " + text[raw.close_end:para[1]]
    return not _title_case(outside)


def _reported_subject(text: str, lo: int, hi: int, names: _Names) -> tuple[_Speaker, str | None] | None:
    """The subject of the last reporting verb in text[lo:hi] (indirect speech)."""
    toks = _tokens(text, max(lo, hi - 3000), hi)
    for v in range(len(toks) - 1, -1, -1):
        if not _speech_verb_at(toks, v, False) or toks[v].low.endswith("ing") or toks[v].low in _BEFORE_ONLY:
            continue
        sp = _subject_before(text, toks, v)
        if sp is None or sp.kind in ("relative",):
            continue
        return sp, _resolve(sp, names, sp.pos, lo)
    return None


def _indirect_speakers(text: str, paras, wanted: set[int], names: _Names) -> dict[int, tuple[_Speaker, str | None]]:
    """For the paragraphs asked for, the subject of their last reporting verb (indirect speech)."""
    found: dict[int, tuple[_Speaker, str | None]] = {}
    for index in sorted(wanted):
        if index < 0 or index >= len(paras):
            continue
        lo, hi = paras[index]
        got = _reported_subject(text, lo, hi, names)
        if got:
            found[index] = got
    return found


def extract_quotes(text: str) -> list[Quote]:
    """Every direct quotation in `text`, in reading order, with its speaker. Never raises."""
    if not isinstance(text, str) or not text:
        return []
    try:
        quotes = _extract(text)
    except Exception:  # noqa: BLE001 - a quote extractor must never take the pipeline down
        return []
    return [q for q in quotes if 0 <= q.start < q.end <= len(text) and text[q.start:q.end] == q.text]


def quote_records(article) -> list[dict]:
    """Quotes of an article as plain data for `inspect`."""
    text = getattr(article, "text", None) or ""
    return [
        {
            "text": q.text,
            "speaker": q.speaker,
            "speaker_as_written": q.speaker_as_written,
            "start": q.start,
            "end": q.end,
            "fragment": q.fragment,
        }
        for q in extract_quotes(text)
    ]


# ---------------------------------------------------------------------------------------
# One name per person across articles


_NOT_A_TO_Z = re.compile(r"[^a-z]")
_REPEATED_CHAR = re.compile(r"(.)\1+")
_SPACES = re.compile(r"\s+")


def _fold(word: str) -> str:
    """A spelling key: Sergey/Sergei, Zelensky/Zelenskyy/Zelenskiy, Volodymyr/Wolodymyr."""
    w = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    w = _NOT_A_TO_Z.sub("", w)
    for a, b in (("yy", "y"), ("iy", "y"), ("ij", "y"), ("ii", "y"), ("ei", "y"), ("ey", "y"), ("j", "y"),
                 ("kh", "h"), ("ck", "k"), ("w", "v"), ("ph", "f"), ("ie", "y"), ("i", "y")):
        w = w.replace(a, b)
    return _REPEATED_CHAR.sub(r"\1", w)


def _name_words(name: str) -> list[str]:
    words = [w for w in _SPACES.split(name.strip()) if w]
    words = [w for w in words if w.lower().rstrip(".") not in {t.rstrip(".") for t in HONORIFICS} and w.lower() not in TITLE_WORDS]
    return words or [w for w in name.split() if w]


def _close(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 5:
        return False
    if abs(len(a) - len(b)) > 1:
        return False
    # one edit apart
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    if len(a) > len(b):
        a, b = b, a
    for k in range(len(b)):
        if b[:k] + b[k + 1:] == a:
            return True
    return False


def canonical_speaker(names: list[str]) -> dict[str, str]:
    """Map each spelling of a speaker to one canonical name.

    Names whose surnames spell alike (after folding transliteration variants) and whose first
    names agree (or one is missing) are one person; the canonical name is the most frequent
    of the fullest spellings. A bare surname joins a full name only when one person has it.
    """
    result: dict[str, str] = {}
    try:
        items = [n for n in names if isinstance(n, str) and n.strip()]
        counts: dict[str, int] = {}
        for n in items:
            counts[n] = counts.get(n, 0) + 1
        parsed = {n: _name_words(n) for n in counts}
        groups: list[dict] = []  # {"last": key, "first": key or None, "members": [names]}
        full = sorted((n for n in counts if len(parsed[n]) > 1), key=lambda n: (-len(parsed[n]), -counts[n], n))
        single = sorted((n for n in counts if len(parsed[n]) <= 1), key=lambda n: (-counts[n], n))
        for n in full:
            words = parsed[n]
            last, first = _fold(words[-1]), _fold(words[0])
            for g in groups:
                if _close(g["last"], last) and (g["first"] is None or _close(g["first"], first) or g["first"][:1] == first[:1] and (len(first) == 1 or len(g["first"]) == 1)):
                    g["members"].append(n)
                    break
            else:
                groups.append({"last": last, "first": first, "members": [n]})
        for n in single:
            key = _fold(parsed[n][0]) if parsed[n] else _fold(n)
            matches = [g for g in groups if _close(g["last"], key)]
            if len(matches) == 1:
                matches[0]["members"].append(n)
            else:
                same = [g for g in groups if g["first"] is None and _close(g["last"], key)]
                if same:
                    same[0]["members"].append(n)
                else:
                    groups.append({"last": key, "first": None, "members": [n]})
        for g in groups:
            members = g["members"]
            longest = max(len(parsed[m]) for m in members)
            best = sorted((m for m in members if len(parsed[m]) == longest), key=lambda m: (-counts[m], items.index(m)))[0]
            for m in members:
                result[m] = best
    except Exception:  # noqa: BLE001
        return {n: n for n in names if isinstance(n, str)}
    return result
