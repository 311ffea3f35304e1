"""extract_quotes: pair the marks, find each quote's attribution in its sentence or the one
next to it, resolve the speaker among the article's names, flag fragments."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from ..sentences import sentence_spans
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
