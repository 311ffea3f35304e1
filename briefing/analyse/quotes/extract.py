"""extract_quotes: pair the marks, find each quote's attribution in its sentence or the one
next to it, resolve the speaker among the article's names, flag fragments."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from ...text.sentences import sentence_spans
from .canonical import _SPACES
from .marks import _Raw, _pair_marks
from .model import Quote
from .names import _Names
from .phrases import _tokens
from .speakers import _Speaker, _after_quote, _before_quote, _speech_verb_at, _subject_before
from .words import DETERMINERS, PRONOUNS, _BEFORE_ONLY, _SMALL_WORDS, _WORD


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
    for found in reversed(results[-3:]):
        raw, prev, resolved = found.raw, found.speaker, found.resolved
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


@dataclass
class _Found:
    """One quote while its speaker is looked for."""

    raw: _Raw
    start: int  # the quoted words, without the marks and the spaces inside them
    end: int
    speaker: _Speaker | None = None
    resolved: str | None = None


class _Article:
    """What the speaker rules read about one article: paragraphs, sentences and names."""

    def __init__(self, text: str, raws: list[_Raw], paras: list[tuple[int, int]]):
        self.text, self.raws, self.paras = text, raws, paras
        self.spans = _joined_sentences(text)
        self.starts = [s.start for s in self.spans]
        self.names = _Names(text, [(r.open_start, r.close_end) for r in raws])
        self.names.learn_people_on_demand(self.starts)

    def sentence(self, pos: int) -> tuple[int, int]:
        return _sentence_bounds(self.starts, self.spans, pos)

    def attribution(self, found: _Found, nxt: _Raw | None, prev: _Raw | None) -> _Speaker | None:
        """The quote's own attribution: after its closing mark, else before its opening mark."""
        text, raw = self.text, found.raw
        p_lo, p_hi = self.paras[raw.para]
        if raw.closed:
            _, s_hi = self.sentence(max(found.start, raw.close_start - 1))
            a_hi = min(max(s_hi, raw.close_end), nxt.open_start if nxt else p_hi, p_hi)
            strict = False
            if not text[raw.close_end:a_hi].strip():
                # the quote ended its sentence: `"…?" Trump said` — look at the next sentence,
                # but only for an attribution right after the mark
                _, n_hi = self.sentence(min(len(text) - 1, a_hi + 1))
                n_hi = min(n_hi, nxt.open_start if nxt else p_hi, p_hi)
                if n_hi > raw.close_end and text[found.start:found.end].rstrip()[-1:] in "?!…—-":
                    a_hi, strict = n_hi, True
            if a_hi > raw.close_end:
                speaker = _after_quote(text, raw.close_end, a_hi, strict)
                if speaker is not None:
                    return speaker
        s_lo, _ = self.sentence(raw.open_start)
        b_lo = max(s_lo, p_lo, prev.close_end if prev else p_lo)
        if raw.open_start > b_lo:
            return _before_quote(text, b_lo, raw.open_start)[0]
        return None

    def inherited(self, found: _Found, prev: _Raw | None, last_in_para: dict, para_speaker: dict):
        """(speaker, resolved) for a quote without its own attribution: the quote before it in
        its sentence or paragraph, the previous paragraph's speaker, or the reporting verb of
        the sentences before it (`…, Schiff said. "The other factor…"`)."""
        text, raw = self.text, found.raw
        p_lo = self.paras[raw.para][0]
        prev_here = last_in_para.get(raw.para)
        only_space_before = not text[p_lo:raw.open_start].strip()
        s_lo, _ = self.sentence(raw.open_start)
        starts_sentence = s_lo >= raw.open_start - 1 or not text[s_lo:raw.open_start].strip(" \"'“‘(—–-")
        same_sentence = prev is not None and prev.close_end > s_lo
        if prev_here is not None and prev_here[0] is not None and (starts_sentence or same_sentence):
            return prev_here[0], prev_here[1]
        if only_space_before and raw.para - 1 in para_speaker:
            return para_speaker[raw.para - 1]
        if not only_space_before and s_lo >= raw.open_start - 1:
            lo = max(p_lo, prev.close_end if prev else p_lo)
            found_subject = _reported_subject(text, lo, raw.open_start, self.names)
            if found_subject:
                return found_subject
        return None, None

    def fill_from_indirect(self, results: list[_Found], para_speaker: dict) -> None:
        """Quote-only paragraphs after a paragraph without quotes: the subject of its last
        reporting verb, and the quotes after them in their paragraph."""
        needed = {f.raw.para - 1 for f in results if f.raw.para - 1 not in para_speaker}
        fill = _indirect_speakers(self.text, self.paras, needed, self.names) if needed else None
        if not fill:
            return
        last_in_para: dict[int, tuple] = {}
        for f in results:
            raw = f.raw
            if f.speaker is None:
                prev_here = last_in_para.get(raw.para)
                p_lo = self.paras[raw.para][0]
                if prev_here is None and not self.text[p_lo:raw.open_start].strip() and raw.para - 1 in fill:
                    f.speaker, f.resolved = fill[raw.para - 1]
                    fill.setdefault(raw.para, (f.speaker, f.resolved))
                elif prev_here is not None and self.sentence(raw.open_start)[0] >= raw.open_start - 1:
                    f.speaker, f.resolved = prev_here
            if f.speaker is not None:
                last_in_para[raw.para] = (f.speaker, f.resolved)
                fill.setdefault(raw.para, (f.speaker, f.resolved))

    def quote(self, f: _Found) -> Quote:
        body = self.text[f.start:f.end]
        words = _words(body)
        fragment = words < 3 or (f.speaker is None and words < 6) or _is_title(self.text, body, self.paras[f.raw.para], f.raw)
        return Quote(text=body, start=f.start, end=f.end, speaker=f.resolved,
                     speaker_as_written=f.speaker.written if f.speaker else None, fragment=fragment)


def _body_span(text: str, raw: _Raw) -> tuple[int, int]:
    inner = text[raw.open_end:raw.close_start]
    return raw.open_end + len(inner) - len(inner.lstrip()), raw.close_start - (len(inner) - len(inner.rstrip()))


def _extract(text: str) -> list[Quote]:
    raws, paras = _pair_marks(text)
    if not raws:
        return []
    article = _Article(text, raws, paras)
    results: list[_Found] = []
    para_speaker: dict[int, tuple[_Speaker, str | None]] = {}
    last_in_para: dict[int, tuple[_Speaker | None, str | None, int]] = {}
    prev_raw: _Raw | None = None
    for n, raw in enumerate(raws):
        start, end = _body_span(text, raw)
        if end <= start:
            prev_raw = raw
            continue
        found = _Found(raw, start, end)
        nxt = raws[n + 1] if n + 1 < len(raws) and raws[n + 1].para == raw.para else None
        prev = prev_raw if prev_raw is not None and prev_raw.para == raw.para else None
        found.speaker = article.attribution(found, nxt, prev)
        if found.speaker is not None:
            found.resolved = _resolve(found.speaker, article.names, found.speaker.pos, paras[raw.para][0])
            if found.resolved is None and found.speaker.kind == "pronoun":
                found.resolved = _described_antecedent(found.speaker, results, raw.para)
        else:
            found.speaker, found.resolved = article.inherited(found, prev, last_in_para, para_speaker)
        if found.speaker is not None:
            last_in_para[raw.para] = (found.speaker, found.resolved, n)
            para_speaker[raw.para] = (found.speaker, found.resolved)
        results.append(found)
        prev_raw = raw
    article.fill_from_indirect(results, para_speaker)
    return [article.quote(f) for f in results]


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
