"""Split clean text into sentences, with offsets, without NLTK.

sumy's default tokenizer needs NLTK's punkt data, which cannot be downloaded here, so we
split ourselves: a sentence ends at . ! ? or … (plus closing quotes and brackets) followed by
a space and something that can start a sentence, unless the period ends a known abbreviation
("Dr.", "Feb.", "U.S.") or an initial ("Jan M. Olsen"). Paragraph breaks always end a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "lt", "col", "maj", "capt", "cmdr",
    "sgt", "adm", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "det", "cpl", "pvt",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "no", "nos", "vol", "vols", "p", "pp", "fig", "figs", "ch", "art", "sec", "para",
    "inc", "corp", "co", "ltd", "bros", "dept", "univ", "assn", "ave", "blvd", "rd", "hwy",
    "vs", "v", "etc", "approx", "est", "e.g", "i.e", "cf", "al", "ca", "incl",
    "u.s", "u.k", "u.n", "u.s.a", "e.u", "d.c", "a.m", "p.m", "ph.d", "b.a", "m.a",
}
# Abbreviations after which a capitalised word usually continues the sentence.
_TITLES = {"mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen", "rep", "rev", "hon", "st", "mt", "no", "vs", "v"}

_BOUNDARY = re.compile(r"([.!?…]+|\.\.\.)([\"'”’»)\]]*)(\s+)(?=[\"'“‘«(\[]{0,2}[A-Z0-9ÀÁÂÄÇÉÈÊËÍÎÏÑÓÔÖÚÛÜ])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_FOLLOWING = re.compile(r"[\"'“‘«(\[]*([\w’']+)\s*(\S*)")


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int


_MAY_END_SENTENCE = {"u.s", "u.k", "u.n", "e.u", "d.c", "etc", "inc", "corp", "co", "ltd", "bros", "a.m", "p.m"}
_SENTENCE_STARTERS = set(
    "the a an it he she they we i you this that these those there but and or so yet in on at for from by with "
    "as after before when while if although though however meanwhile still also his her its their our my "
    "what who why how where no not some many most all both each one two three officials police".split()
)


_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")  # N.Z, S.A, U.S.A: letters with dots between


def _is_abbreviation(before: str, next_word: str, after_next: str = "") -> bool:
    match = _WORD_BEFORE.search(before)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in _TITLES:
        return True
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "Jan M. Olsen"
    if word in _MAY_END_SENTENCE or _DOTTED.fullmatch(word):
        # "U.S. Embassy" continues; "in the U.S. The talks" ends: a capitalised word that
        # usually starts sentences means the abbreviation ended one. Wire copy capitalises
        # a conjunction between two names ("its U.S. And Japanese partners"): that continues.
        if next_word in ("And", "Or") and after_next[:1].isupper():
            return True
        return next_word.lower() not in _SENTENCE_STARTERS
    return word in ABBREVIATIONS


def _inside_continued_quote(paragraph: str, start: int, at: int) -> bool:
    """The boundary at `at` falls inside a “quotation” opened in this sentence that closes with
    a comma and goes on to its speaker (“No help. No police. No firemen,” a witness said)."""
    piece = paragraph[max(start, at - QUOTE_REACH) : at]  # bounded: linear on hostile text
    if piece.count("“") <= piece.count("”"):
        return False
    close = paragraph.find("”", at, at + QUOTE_REACH)
    return close > 0 and paragraph[close - 1] == ","


#: How far (characters) a quotation running on to its speaker is looked for around a boundary.
QUOTE_REACH = 600


def split_paragraph(paragraph: str, offset: int = 0) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end = match.end(2)
        following = _FOLLOWING.match(paragraph, match.end(), match.end() + 60)
        if match.group(1) in ("…", "...") :
            continue  # an ellipsis marks words left out, rarely the end of a sentence
        if match.group(1) == "." and _is_abbreviation(
            paragraph[start : match.start(1)], following.group(1) if following else "", following.group(2) if following else ""
        ):
            continue
        if "“" in paragraph and _inside_continued_quote(paragraph, start, match.start()):
            continue
        piece = paragraph[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append(Span(piece.strip(), offset + start + lead, offset + start + lead + len(piece.strip())))
        start = match.end()
    piece = paragraph[start:]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        spans.append(Span(piece.strip(), offset + start + lead, offset + start + lead + len(piece.strip())))
    return spans


def sentence_spans(text: str) -> list[Span]:
    """Sentences of `text` with their character offsets; paragraphs are split on blank lines."""
    return list(_spans(text))


@lru_cache(maxsize=512)
def _spans(text: str) -> tuple[Span, ...]:
    """Memoised: a story's summary, figures and quotes each split the same articles (Spans
    are frozen, so sharing them is safe); 512 covers the largest stories' members."""
    spans: list[Span] = []
    for match in _PARAGRAPH.finditer(text):
        spans.extend(split_paragraph(match.group(0), match.start()))
    return tuple(spans)


_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")


def split_sentences(text: str) -> list[str]:
    return [span.text for span in sentence_spans(text)]
