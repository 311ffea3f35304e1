"""Quote marks: each mark classed by what surrounds it, then paired per paragraph (see the
package docstring for the rules)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from .words import _CLOSE_DIR, _CLOSE_NEXT, _DOUBLE, _OPEN_DIR, _OPEN_PREV_DOUBLE, _OPEN_PREV_SINGLE, _WORD


# ---------------------------------------------------------------------------------------
# Marks

_MARK = re.compile(r"``|''|[“”„‟«»\"‘’‚'`]")


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
