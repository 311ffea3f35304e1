"""Helpers on words: tokens, plurals, nouns and verbs, the noun phrases around a number."""

from __future__ import annotations

import bisect
import functools
import re
from .numbers import _TOKEN
from .words import _COMPASS, _SIZE_ADJECTIVES, _TIME_UNITS, _CHANGE_VERBS, _CLAUSE_OPENERS, _DETERMINERS, _LEVEL_VERBS, _SUBJECT_CONTAINERS, _MONTHS, _ADJ_DROP, _HARD_VERBS, _IRREGULAR_PLURALS, _MEASURE_NOUNS, _NOT_NOUNS, _NP_STOP_EXTRA, _ORDINAL_WORDS, _QUALIFIER_WORDS_AFTER, _SCALES, _SINGULAR_S, _SMALL, _STOP, _TENS, _VERBS


# ------------------------------------------------------------------ helpers on words


def _is_plural(word: str) -> bool:
    w = word.lower().strip("'’")
    if w in _IRREGULAR_PLURALS:
        return True
    if w in _SINGULAR_S or len(w) < 3:
        return False
    if w.endswith("'s") or w.endswith("’s"):
        return w[:-2].isupper() or any(c.isdigit() for c in w)  # "747-SR's"
    if _DEMONYM_PLURAL.fullmatch(word):
        return True  # "600,000 Israelis", "Iraqis", "Pakistanis": a people in -i, plural
    return w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))


_DEMONYM_PLURAL = re.compile(r"[A-Z][a-z]{3,}[^aeiouy]is")


@functools.lru_cache(maxsize=65536)
def _singular(word: str) -> str:
    w = word.lower().strip("'’")
    if w in ("people", "persons"):
        return "person"
    if w in ("men", "women", "children"):
        return {"men": "man", "women": "woman", "children": "child"}[w]
    if w.endswith("'s") or w.endswith("’s"):
        w = w[:-2]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def _pluralize(phrase: str) -> str:
    words = phrase.split()
    if not words:
        return phrase
    last = words[-1]
    if _is_plural(last):
        return phrase
    if last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    else:
        last += "s"
    return " ".join(words[:-1] + [last])


def _tokens(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    return [(m.group(0), offset + m.start(), offset + m.end()) for m in _TOKEN.finditer(text)]


@functools.lru_cache(maxsize=65536)
def _nounish(tok: str) -> bool:
    if not tok:
        return False
    if tok[0].isdigit():
        return bool(re.search(r"[A-Za-z]{2}", tok)) and bool(re.search(r"\d[A-Za-z-]*[A-Z]", tok))  # 747-SR, F-16s
    if not tok[0].isalpha():
        return False
    low = tok.lower().rstrip(".")
    if low in _SMALL or low in _TENS or low in _SCALES:
        return False
    if tok.isupper() and len(tok.rstrip(".")) > 1:
        return low not in {"a", "i"}  # acronyms: US, LNG, GDP, U.S.
    if low in _STOP or low in _NP_STOP_EXTRA or low in _NOT_NOUNS or tok in _COMPASS:
        return False
    if low.endswith(("n't", "n’t")):
        return False  # "where 111 isn't available": a verb
    if low.endswith("ly") and low not in {"supply", "family", "assembly", "ally", "rally", "monopoly", "italy", "july", "anomaly", "belly", "jelly", "poly"}:
        return False
    return True


@functools.lru_cache(maxsize=65536)
def _verbish(tok: str) -> bool:
    low = tok.lower()
    if low in _MEASURE_NOUNS:
        return False
    if low in _VERBS:
        return True
    return (len(low) > 4 and low.endswith("ed") and low not in {"hundred", "need", "shed", "deed", "creed", "steed"}
            and not low.endswith(_NOUNS_IN_ED)) or (
        len(low) > 5 and low.endswith("ing") and low not in {"spending", "financing", "funding", "borrowing", "offering", "holding", "building", "earning", "housing", "shipping", "clothing"}
    )


# nouns whose last letters read like a past tense: "flaxseed", "rapeseed", "livestock feed", "seabed"
_NOUNS_IN_ED = ("seed", "speed", "feed", "bed", "breed", "shred", "sled", "reed", "weed")


def _clean_label(words: list[str]) -> str:
    """Drop possessors, reference adjectives and proper-name modifiers: 'Putin's soldiers' -> 'soldiers'."""
    out: list[str] = []
    for i, w in enumerate(words):
        if w.endswith(("'s", "’s", "s'", "s’")) and i < len(words) - 1:
            out = []  # a possessor: what follows is the thing
            continue
        out.append(w)
    if len(out) > 1 and out[-1].endswith(("'s", "’s")) and not out[-1][:1].isdigit():
        out = out[:-1]
    while len(out) > 1 and (out[0].lower() in _ADJ_DROP or (out[0][:1].isupper() and not out[-1][:1].isupper() and not out[-1][:1].isdigit())):
        out = out[1:]
    return " ".join(out).strip(" ,.;:'\"“”‘’")


_TRAIL = ",.;:!?)\"'”’»"


# Patterns used once per number or per sentence, compiled once here: an inline `re.match(r"...")`
# goes through re's pattern cache on every call, which cost more than many of the matches.
_NONSPACE_RUN = re.compile(r"\S+")

_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")  # U.S.


def _np_after(sentence: str, pos: int, max_words: int = 5) -> tuple[list[str], int]:
    """A noun phrase starting at `pos`: words up to a stop word, punctuation or the first plural."""
    words: list[str] = []
    end = pos
    matches = list(_NONSPACE_RUN.finditer(sentence[pos:pos + 200]))
    in_conversion = False
    for k, m in enumerate(matches):
        raw = m.group(0)
        if in_conversion or _SIZE_MODIFIER.fullmatch(raw) and _plural_after_size(matches, k):
            # "445,000 unsold 100-pound (45-kg) bags", "455,000 60-kg bags": the size of each and
            # its conversion in brackets stand between the count and its noun
            in_conversion = (raw.startswith("(") or in_conversion) and not raw.endswith(")")
            if raw.startswith("(") or _SIZE_MODIFIER.fullmatch(raw):
                continue
        if raw[:1] in "(\"'“‘«" and words or raw[:1] in "([":
            break  # "600,000 pesos (dlrs 15,000)": an aside is not the noun after the number
        tok = raw.lstrip("(\"'“‘«")
        abbreviation = bool(_ABBREVIATION.fullmatch(tok))  # U.S.
        core = tok if abbreviation else tok.rstrip(_TRAIL)
        if not words and core.lower() in ("such", "these", "those") and k + 1 < len(matches):
            words.append(core)
            end = pos + m.start() + len(raw.rstrip(_TRAIL)) if not abbreviation else pos + m.end()
            continue
        if words and _YEAR_TOKEN.fullmatch(raw) and k + 1 < len(matches) and _nounish(matches[k + 1].group(0).rstrip(_TRAIL)):
            continue  # "in the comparable 1986 period": a year inside the noun phrase dates it
        if not words and _LY_MODIFIER.fullmatch(core) and k + 1 < len(matches) and _nounish(matches[k + 1].group(0).rstrip(_TRAIL)):
            continue  # "9,000 hourly workers", "1,500 mostly young people": a modifier before the noun
        if not core or not _nounish(core) or core.lower() in _QUALIFIER_WORDS_AFTER:
            break
        if core.lower() in _SIZE_ADJECTIVES and not (core == tok.rstrip(_TRAIL) and k + 1 < len(matches) and _nounish(matches[k + 1].group(0).rstrip(_TRAIL))):
            break
        if core.lower() in _HARD_VERBS or core[:1].isupper() and _CALENDAR_NAME.fullmatch(core):
            break  # "rose to 156 Sunday": a weekday or a month is when, never what
        if not words and core.lower() in _VERBS and core.endswith("s") and _is_plural(core) and core[:1].islower() and _COUNT_BEFORE.search(sentence, max(0, pos - 12), pos):
            words.append(core)  # "only two calls", "three plans": after a spelled count an -s form is its plural noun
            end = pos + m.start() + len(core)
            break
        if _verbish(core):
            # "trade weighted index", "outstanding subordinated debt" go on; "gold smelted from" stops
            nxt = matches[k + 1].group(0).rstrip(_TRAIL) if k + 1 < len(matches) else ""
            if core != tok.rstrip(_TRAIL) or not nxt or not _nounish(nxt):
                break
            if words and _is_plural(words[-1]):
                break
        words.append(core)
        end = pos + m.start() + (len(raw) - len(raw.lstrip("(\"'“‘«"))) + len(core)
        ended = (not abbreviation) and core != tok
        if (_is_plural(core) and not core.endswith(("'s", "’s"))) or len(words) >= max_words or ended:
            break
    if words and words[0].lower() in ("such", "these", "those") and len(words) == 1:
        return [], pos
    return words, end


# the last sentence tokenised: (it, its tokens, their starts, their ends)
_SENTENCE_TOKENS: list[tuple] = [(None, [], [], [])]


def _window_tokens(sentence: str, lo: int, end: int) -> list[tuple[str, int, int]]:
    """The tokens `_TOKEN.finditer(sentence, lo, end)` gives, as (text, start, end), cut from
    the sentence's tokens made once (every number of a sentence looks back over it). _TOKEN has
    no anchors or lookarounds, every non-space character starts a token and its greedy runs end
    where they must, so a scan started between tokens and stopped after one meets the same
    tokens; a window edge inside a token is scanned afresh."""
    entry = _SENTENCE_TOKENS[0]  # read once: another thread may store its own sentence meanwhile
    if entry[0] is not sentence:
        made = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]
        entry = (sentence, made, [t[1] for t in made], [t[2] for t in made])
        _SENTENCE_TOKENS[0] = entry
    _, toks, starts, ends = entry
    i = bisect.bisect_left(starts, lo)
    j = bisect.bisect_left(starts, end, i)
    if (i > 0 and ends[i - 1] > lo) or (j > i and ends[j - 1] > end):
        return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(sentence, lo, end)]
    return toks[i:j]


_SIZE_MODIFIER = re.compile(r"\(?\d[\d,.]*-(?:pound|kg|kilo|kilogram|lb|gram|litre|liter|gallon|ounce|tonne|ton|foot|feet|metre|meter|inch)\)?")


def _plural_after_size(matches: list[re.Match], k: int) -> bool:
    """Whether a plural noun follows the size at `k`, past a bracketed conversion of it."""
    j = k + 1
    while j < len(matches) and j <= k + 3 and (matches[j].group(0).startswith("(") or _SIZE_MODIFIER.fullmatch(matches[j].group(0))):
        j += 1
    nxt = matches[j].group(0).rstrip(_TRAIL) if j < len(matches) else ""
    return bool(nxt) and _nounish(nxt) and _is_plural(nxt)


# a count right before: digits, a spelled number or a scale ("two calls", "2.18 mln sets")
# (a unit may stand between: "5 pct rises"; money may not: "five dollars buys" is a verb)
_COUNT_BEFORE = re.compile(r"(?:\d|\b(?!(?:dollars?|dlrs|euros?|pounds?|yen|cents?|cts|pence|francs|marks|stg)\b)[A-Za-z]+)[ \t\n]$")

_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d(?:/\d\d)?")

_LY_MODIFIER = re.compile(r"(?:hour|dai|week|month|year|quarter|most|main|large|elder|local|official|previous|current)ly")


def _np_before(sentence: str, end: int, skip: list[tuple[int, int]], mode: str = "measure") -> list[str]:
    """The noun a figure refers back to, within its clause.

    mode "measure": a nearby measure noun (income, sales, stake...) beats a plural, which beats any noun;
    "nearest": the nearest noun; "plural": the nearest plural noun.
    """
    lo = max(0, end - 300)
    toks = _window_tokens(sentence, lo, end)
    spans = sorted(sp for sp in skip if sp[1] > lo and sp[0] < end)
    starts = [sp[0] for sp in spans]
    bisect_right = bisect.bisect_right
    best = None
    distance = 0
    for i in range(len(toks) - 1, max(-1, len(toks) - 61), -1):
        tok, ts, te = toks[i]
        if tok in {";", "—", "–", ":"} or (tok == "-" and i + 1 < len(toks) and toks[i + 1][0] == "-"):
            break
        if spans:
            # inside a skipped span: one of the two spans starting last before the token's end overlaps it
            k = bisect_right(starts, te - 1) - 1
            if (k >= 0 and spans[k][0] < te and ts < spans[k][1]) or (k >= 1 and spans[k - 1][0] < te and ts < spans[k - 1][1]):
                continue
        distance += 1
        if not _nounish(tok) or _verbish(tok) or tok[:1].isupper() and _CALENDAR_NAME.fullmatch(tok):
            continue  # "8.27 billion ... in December": a month or a weekday is when, never what
        if i > 0 and toks[i - 1][0].lower() in _VERB_CUES and tok[:1].islower() and (_singular(tok) not in _MEASURE_NOUNS or tok.lower() in _CHANGE_VERBS or tok.lower() in ("pay", "average")):
            continue  # "would act on", "it rises", "could fall": a verb, not what is counted ("would cost" names the cost)
        if 0 < i < len(toks) - 1 and toks[i - 1][0].lower() == "as" and toks[i + 1][0].lower() == "as":
            continue  # "as low as", "as young as": an adjective, never what is counted
        if i < len(toks) - 1 and _TIME_UNITS.fullmatch(toks[i + 1][0]) and _singular(tok) not in _MEASURE_NOUNS:
            continue  # "for four straight years", "the fiscal year": a period's modifier, not what is counted
        if i == len(toks) - 1 and i > 0 and toks[i - 1][0].lower() in ("a", "an") and tok[:1].islower() and te >= end - 1:
            continue  # "after a final 122.3", "a record 5.97 billion": a word between an article and the figure describes it
        low = tok.lower()
        if mode == "nearest":
            tier = 0
        elif mode == "plural":
            if not _is_plural(tok):
                continue
            tier = 0
        elif mode == "measure-only":
            if not (_singular(tok) in _MEASURE_NOUNS or low in _MEASURE_NOUNS) or distance > 10:
                continue
            tier = 0
        else:
            tier = 0 if (_singular(tok) in _MEASURE_NOUNS or low in _MEASURE_NOUNS) else 6 if _is_plural(tok) else 12
            if tok[:1].isupper():
                tier += 3  # a proper name is seldom what a number counts
            if i >= 2 and toks[i - 1][0].lower() == "of" and toks[i - 2][0].lower() == "number":
                tier = 0  # "the number of employees ... from 8,000 to 5,000"
        rank = distance + tier
        if best is None or rank < best[0]:
            best = (rank, i)
        if distance > 25:
            break
    if best is None:
        return []
    return _compound_left(toks[: best[1] + 1])


_CALENDAR_NAME = re.compile(_MONTHS + r"\.?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")


# Words after which the next word is a verb: the infinitive mark, modals, subject pronouns.
_VERB_CUES = frozenset("to would will could can may might must should shall it he she they we you who you'll we'll they'll".split())


def _compound_left(toks: list[tuple[str, int, int]]) -> list[str]:
    """The last token of `toks` with the lowercase noun modifiers right before it: 'operating loss carryforward'."""
    if not toks:
        return []
    words = [toks[-1][0]]
    j = len(toks) - 2
    while j >= 0 and len(words) < 3:
        tok = toks[j][0]
        if not (_nounish(tok) and tok[:1].islower() and tok.lower() not in _ADJ_DROP and tok.lower() not in _ORDINAL_WORDS
                and (not _verbish(tok) or tok.lower().endswith("ing"))):
            break
        words.insert(0, tok)
        j -= 1
    return words


# ------------------------------------------------------------------ the subject of a change verb

_ADJECTIVE_END = re.compile(r"[a-z]{3,}(?:able|ible|ous|ful)")


def _clause_subject(sentence: str, pos: int, changes: bool = True) -> list[str]:
    """The head noun of the subject of a change verb right before `pos`: "income available to
    holders and their families rose 17.0 pct" -> income; "... rose 12.9 pct in West Germany but
    fell 7.8 pct" -> the subject of the first verb; "exports rose 5.2 pct to 2.84 mln cubic
    meters and imports rose 12.3 pct" -> imports. [] when no change verb comes right before the
    figure or the subject is not a plain noun phrase. Without `changes`, only a verb stating a
    level counts ("Funds in investment trusts alone totalled 21,918 billion yen")."""
    toks = [tok[0] for tok in _window_tokens(sentence, max(0, pos - 400), pos)]
    while toks and toks[-1].lower() in ("by", "to", "a", "an", "further", "some", "about", "nearly", "almost", "over"):
        toks.pop()
    if not toks or toks[-1].lower() not in _LEVEL_VERBS and not (changes and (toks[-1].lower() in _CHANGE_VERBS or toks[-1].lower() in ("up", "down"))):
        return []
    i = len(toks) - 1
    for _ in range(4):
        j = _subject_start(toks, i)
        if j == i - 1 and j >= 0 and toks[j].lower() in ("but", "and"):
            # a second verb of the same subject: "rose 12.9 pct ... but fell 7.8 pct"
            i = next((k for k in range(j - 1, max(-1, j - 30), -1) if toks[k].lower() in _CHANGE_VERBS), -1)
            if i < 0:
                return []
            continue
        if i - j >= 30:
            return []
        return _subject_words(toks[j + 1:i], gerund=j >= 0 and toks[j].lower() == "with", first=j < 0 and pos <= 400)
    return []


def _subject_start(toks: list[str], i: int) -> int:
    """The index of the token before the subject of the verb at `i`: a clause opener, a stop
    mark, or the "and" after a number ("to 2.84 mln cubic meters and imports rose")."""
    last_and = -1
    j = i - 1
    while j >= 0 and i - j < 30:
        tok = toks[j]
        if tok in (";", ":", ".", ",", "(", ")") or tok.lower() in _CLAUSE_OPENERS:
            return j
        if tok[:1].isdigit() or tok.lower() in _CHANGE_VERBS:
            return last_and if last_and >= 0 else i  # a number inside ("for the March 1-20 period"): no subject
        if tok.lower() in ("and", "or") and last_and < 0:
            last_and = j
        j -= 1
    return j


def _subject_words(toks: list[str], gerund: bool = False, first: bool = False) -> list[str]:
    """The noun phrase opening `toks`, the last of its conjuncts: "store and catalog sales".
    With `gerund` (right after "with"), an -ing word opening it is a noun: "with gearing down
    to 63 pct"; elsewhere it is a verb ("referring to ...", "edging up to")."""
    words: list[str] = []
    for k, tok in enumerate(toks):
        low = tok.lower()
        if not words and (low in _DETERMINERS or low in _ADJ_DROP):
            continue
        if not words and low in _STOP:
            return []  # "which is only forecast to rise": no noun opens the clause
        if low in ("and", "or") and words and k + 1 < len(toks) and _nounish(toks[k + 1]) and not _verbish(toks[k + 1]):
            words = []
            continue
        if low in ("of", "for") and len(words) == 1 and words[0].lower() in _SUBJECT_CONTAINERS:
            words = []  # "the number of outstanding shares", "the figure for male jobless": what is numbered
            continue
        if not _nounish(tok) or _verbish(tok) and not (gerund and not words and low.endswith("ing")) or _ADJECTIVE_END.fullmatch(low):
            break
        words.append(tok)
    if len(words) == 1 and first and toks and words[0] is toks[0] and words[0][1:].islower() and (_is_plural(words[0]) or _singular(words[0]) in _MEASURE_NOUNS):
        return words  # "Funds in investment trusts totalled ...": capitalised only as the sentence's first word
    return words if words and words[-1][:1].islower() else []
