"""extract_figures: sentences, candidates, then the named rules of `rules`, with offsets."""

from __future__ import annotations

import re
from ...text.prefilter import ascii_lower
from ...text.sentences import sentence_spans
from .candidates import _candidates, _expand, _label, _qualify
from .masks import _masks
from .model import Figure
from .numbers import _Cand
from .ranges import _apply_ranges, _is_spelled_figure, _restatements
from .rules import _FIGURE_RULES
from .words import _NUMBER_WORDS


# ------------------------------------------------------------------ public API


_REFERENCE_END = re.compile(r"\b(?:no|number|page|chapter|section|article|item|route|flight|room)\.?\s*$", re.I)

_SECTION_END = re.compile(r"\b(?:chapter|section|article|clause|paragraph|rule|figure|table|appendix|part)\s*$", re.I)

_SECTION_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3})+")

_NUMBER_LIST_GAP = re.compile(r"(?:\s*,\s*\d+)*\s*(?:,|and|or|&)\s*(?:\d+\s*(?:,|and|or|&)\s*)*")

_CAPITALISED_END = re.compile(r"[A-Z][\w-]*\s+$")


def _sentence_figures(sentence: str, offset: int, prev_sentence: str) -> list[Figure]:
    low = ascii_lower(sentence)
    masks = _masks(sentence, low)
    cands = _candidates(sentence, masks, low)
    kept: list[_Cand] = []
    for c in cands:
        if c.kind in ("digits", "word"):
            if not _expand(sentence, c, masks):
                continue
        else:
            c.text_start, c.text_end = c.start, c.end
        kept.append(c)
    # a model list: "Boeing 737, 747, 757 and 767 aircraft" — numbers chained to an identifier
    kept = _drop_identifier_lists(sentence, kept, cands)
    for c in kept:
        _qualify(sentence, c)
    skip = masks + [(c.text_start, c.text_end) for c in kept]
    for c in kept:
        _label(sentence, c, prev_sentence, [sp for sp in skip if sp != (c.text_start, c.text_end)])
        skip = masks + [(d.text_start, d.text_end) for d in kept]
    _apply_ranges(sentence, kept)
    _restatements(sentence, kept)
    figures: list[Figure] = []
    for i, c in enumerate(kept):
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        if c.kind == "word" and not _is_spelled_figure(sentence, c, nxt):
            continue
        if c.kind == "digits" and c.plain_int and not c.unit and not c.has_scale and not c.counted and not c.qualifier:
            # bare integers after words that name things rather than count them: "in band 2", "Apollo 11"
            if _REFERENCE_END.search(sentence[: c.start]):
                continue
        if c.kind == "digits" and not c.unit and not c.has_scale and not c.counted and _SECTION_NUMBER.fullmatch(sentence, c.start, c.end):
            # "section 4.2 of the report", "Article 5.1": a numbered part of a text, not a decimal
            if _SECTION_END.search(sentence[: c.start]):
                continue
        value = None
        if c.value is not None:
            value = c.value * c.scale
            if value and abs(value) < 1e15:
                value = float(f"{value:.12g}")
        text = sentence[c.text_start:c.text_end].rstrip(" ,;:")
        if not text:
            continue
        label = " ".join(c.label.split()) if c.label else ""  # no double spaces from line breaks
        figures.append(
            Figure(
                text=text,
                value=value,
                unit=c.unit,
                qualifier=c.qualifier,
                label=label,
                sentence=sentence,
                start=offset + c.text_start,
                end=offset + c.text_start + len(text),
            )
        )
    for rule in _FIGURE_RULES:
        if not figures:
            break
        figures = rule(sentence, offset, figures)
    return figures


def _drop_identifier_lists(sentence: str, kept: list[_Cand], all_cands: list[_Cand]) -> list[_Cand]:
    kept_ids = {id(c) for c in kept}
    dropped = [c for c in all_cands if id(c) not in kept_ids and c.kind == "digits"]
    out: list[_Cand] = []
    for c in kept:
        chained = False
        if c.kind == "digits" and c.plain_int and not c.unit and not c.has_scale:
            for d in dropped:
                if d.end <= c.start and _NUMBER_LIST_GAP.fullmatch(sentence[d.end:c.start]):
                    if _CAPITALISED_END.search(sentence[: d.start]):
                        chained = True
                        break
        if chained:
            dropped.append(c)
            continue
        out.append(c)
    return out


_CHUNK = re.compile(r"[^\n]{1,600}(?:\s|$)|[^\n]{1,600}")

_ANY_DIGIT = re.compile(r"\d")

_ANY_NUMBER_WORD = re.compile(r"(?i)\b(?:%s|dozen|hundred|thousand|million|billion|trillion|tens|third|quarter)" % _NUMBER_WORDS)


# The case-sensitive twin of _ANY_NUMBER_WORD, for ASCII text lowercased (the same matches):
# one scan of it costs less than the substring tests that used to screen the sentence.
_ANY_NUMBER_WORD_LOWER = re.compile(_ANY_NUMBER_WORD.pattern.replace("(?i)", "", 1).lower())


def _any_number_word(sentence: str) -> bool:
    low = ascii_lower(sentence)
    return bool(_ANY_NUMBER_WORD_LOWER.search(low) if low is not None else _ANY_NUMBER_WORD.search(sentence))


def extract_figures(text: str) -> list[Figure]:
    """Every figure in `text`, in reading order, with offsets into `text`. Never raises."""
    if not isinstance(text, str) or not text:
        return []
    figures: list[Figure] = []
    try:
        spans = sentence_spans(text)
    except Exception:  # pragma: no cover - the splitter is regex-only, but never let it take us down
        return []
    prev = ""
    for span in spans:
        sentence = span.text
        if _ANY_DIGIT.search(sentence) or _any_number_word(sentence):
            try:
                if len(sentence) > 1200:  # tables and run-ons: bounded work per piece, linear overall
                    chunks = [(m.group(0), m.start()) for m in _CHUNK.finditer(sentence)]
                    for chunk, off in chunks:
                        figures.extend(_sentence_figures(chunk, span.start + off, prev))
                else:
                    figures.extend(_sentence_figures(sentence, span.start, prev))
            except Exception:  # a rule bug must never lose the article: skip this sentence
                pass
        prev = sentence
    return [f for f in figures if 0 <= f.start < f.end <= len(text) and text[f.start:f.end] == f.text]


def figure_records(article) -> list[dict]:
    """The figures of an article as plain data for `inspect`."""
    text = getattr(article, "text", "") or ""
    return [
        {
            "text": f.text,
            "value": f.value,
            "label": f.label,
            "sentence": f.sentence,
            "unit": f.unit,
            "qualifier": f.qualifier,
            "start": f.start,
            "end": f.end,
        }
        for f in extract_figures(text)
    ]
