"""Attribution: the subject of a reporting verb after a quote (`, Lavrov said`, `, said X`,
`, according to X`) or before it (`X said: "…"`), each pattern a small named handler."""

from __future__ import annotations

from dataclasses import dataclass
from ...text.first_names import first_name_gender
from .names import _INITIAL, _INITIAL_OR_ABBREVIATION, _TRAILING_PARENTHESIS, _is_org, _split_name
from .phrases import _Tok, _bare, _np_backward, _np_forward, _span_text, _tokens
from .words import DEMONYMS, DETERMINERS, HONORIFICS, PRONOUNS, SPEECH_VERBS, TITLE_WORDS, _AMBIGUOUS_FORMS, _BEFORE_ONLY, _CAP_STOP, _INTRO_WORDS, _INVERTING, _LEAD_WORDS, _MODALS, _NAME_CONNECTORS, _NEEDS_PARTICLE, _NP_INSIDE, _RELATIVE, _ROLE_NOUNS, _SKIP_BEFORE_VERB, _STOP


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


_NOT_HERE = object()  # a handler's answer when its pattern is not there: try the next one


def _after_quote(text: str, lo: int, hi: int, strict: bool = False) -> _Speaker | None:
    """Attribution right after a closing mark: `, Lavrov said`, `, said X`, `, according to X`.
    Each handler answers a speaker, None (no speaker: stop) or _NOT_HERE (try the next)."""
    toks = _tokens(text, lo, min(hi, lo + 400))
    i = 0
    while i < len(toks) and toks[i].text in (",", "—", "–", "-", "―"):
        i += 1
    if i >= len(toks):
        return None
    handlers = [_byline_after, _one_after, _inverted_after, _according_to_after, _subject_verb_after]
    if not strict:
        handlers.append(_closing_attribution_after)
    for handler in handlers:
        found = handler(text, toks, i)
        if found is not _NOT_HERE:
            return found
    return None


def _byline_after(text: str, toks: list[_Tok], i: int):
    """A byline under a quote: “…” ― Christina Lastra."""
    if i and toks[i - 1].text in ("—", "–", "-", "―") and toks[i].cap:
        b = _np_forward(toks, i)
        if b is not None and (b + 1 >= len(toks) or toks[b + 1].text in (",", ".", "\n", "(")):
            sp = _classify_np(text, toks, i, b)
            if sp is not None and sp.kind == "name" and "\n" not in text[toks[i - 1].start:toks[b].end]:
                return sp
    return _NOT_HERE


def _one_after(text: str, toks: list[_Tok], i: int):
    """`, said one.`: one of a group, no name and nothing inherited."""
    if _one_of_them(toks, i):
        one = next(t for t in toks[i:i + 3] if t.low == "one")
        return _Speaker(one.text, "relative", (), one.start)
    return _NOT_HERE


def _inverted_after(text: str, toks: list[_Tok], i: int):
    """`, said Karine Jean-Pierre, the White House …`; not `, said in a statement`."""
    if toks[i].low in _INVERTING and not toks[i].cap:
        k = i + 1
        if k < len(toks) and toks[k].low in ("in", "on"):
            return None
        b = _np_forward(toks, k)
        if b is not None:
            sp = _classify_np(text, toks, k, b)
            if sp and sp.kind != "pronoun" or (sp and toks[k].low in ("he", "she")):
                return sp
    return _NOT_HERE


def _according_to_after(text: str, toks: list[_Tok], i: int):
    """`, according to X`."""
    if toks[i].low == "according" and i + 1 < len(toks) and toks[i + 1].low == "to":
        b = _np_forward(toks, i + 2)
        if b is not None:
            return _classify_np(text, toks, i + 2, b)
    return _NOT_HERE


def _subject_verb_after(text: str, toks: list[_Tok], i: int):
    """`, Lavrov said`, `, the official, who asked not to be named, said`, `, X was quoted as
    saying`: a reporting verb whose subject starts where the attribution starts."""
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
            if sp is not None and sp.pos in _attribution_starts(toks, i, v):
                return sp
            continue
        if t.low in ("and", "but", "because", "which", "where", "when", "if", "while") and v == i:
            break
    return _NOT_HERE


def _attribution_starts(toks: list[_Tok], i: int, v: int) -> set[int]:
    """Where a subject may start: right after the comma, or a few modifier words later
    ("panel Chairman Rep. Jason Chaffetz said", "Tulsa police Chief Chuck Jordan said")."""
    lead = i
    ok_starts = {toks[i].start}
    while lead < v and lead - i < 3 and toks[lead].word and toks[lead].low not in _STOP \
            and toks[lead].low not in DETERMINERS and toks[lead].low not in PRONOUNS \
            and toks[lead].low not in SPEECH_VERBS:
        lead += 1
        ok_starts.add(toks[lead].start)
    return ok_starts


def _closing_attribution_after(text: str, toks: list[_Tok], i: int):
    """`… “close consultation” with allies in the region, Kirby said.`: the attribution
    closes the sentence, after a comma, with no other reporting verb after it."""
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
    return _NOT_HERE


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
