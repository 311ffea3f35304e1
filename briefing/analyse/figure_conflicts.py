"""Conflicting figures in a story: different articles give different values for one counted
thing ("65 dead" in one, "60 killed" in another), shown with every value and its sources.

What a figure counts is its label's head noun together with what happened to it, read from the
figure's own clause: an outcome word (killed, dead, injured, missing… see `conflict_words`),
else the past participle nearest the number ("massed 130,000 troops"). Figures with neither are
never compared: two numbers of people are not in conflict unless the text says they are the
same thing. Not conflicts:
- the same value in several articles (that is agreement: `also_in`);
- values a bound makes agree ("at least 60" and "65", "up to 70" and "65");
- increments ("another 22 bodies") and values all from one article (a toll updated in the text);
- a figure whose sentence names a year other than its article's (an older event's toll: the
  1978 fire beside this year's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.conflict_words import INCREMENTS, LOWER_BOUNDS, OUTCOMES, PEOPLE, UPPER_BOUNDS

# the same edges as r"[,;:()—–]|\s-\s|\band\b|\bbut\b|\bwhile\b|\bwhen\b|\bwhich\b|\bwho\b", spelt so
# that every branch starts with a character (`a(?<!\wa)` is `\ba`): the engine then skips to
# the positions that can start an edge (about twice as fast; asked for every figure of a brief)
_CLAUSE_EDGE = re.compile(r"[,;:()—–]|\s-\s|a(?<!\wa)nd\b|b(?<!\wb)ut\b|w(?<!\ww)h(?:ile|en|ich|o)\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_YEAR = re.compile(r"(?<![\d,.$])(1[89]\d\d|20\d\d)(?!\d|[,.]\d)")
MAX_RATIO = 3  # values further apart than this are not one count told differently
_PARTICIPLE = re.compile(r"[a-z]{3,}ed$")
_STOP_PARTICIPLES = frozenset("based related used needed added reported estimated expected included".split())


@dataclass
class ConflictValue:
    value: float
    text: str  # the figure as the first article wrote it
    articles: list[str]  # ids of the articles that give this value
    sources: list[str]  # their publishers (or article ids when the publisher is not known)


@dataclass
class FigureConflict:
    what: str  # "dead (young people)"
    values: list[ConflictValue] = field(default_factory=list)


def _clause(sentence: str, text: str) -> str:
    """The clause of `sentence` around the figure `text`: from the last edge before it to the
    first edge after it (so "killed 60 young people" and "About 65 of the young people died")."""
    at = sentence.find(text)
    if at < 0:
        return sentence
    before, after = sentence[:at], sentence[at + len(text):]
    edges = list(_CLAUSE_EDGE.finditer(before))
    lo = edges[-1].end() if edges else 0
    nxt = _CLAUSE_EDGE.search(after)
    hi = at + len(text) + (nxt.start() if nxt else len(after))
    return sentence[lo:hi]


# a relative clause on the counted noun: "the 60 young people who (had) died", "20 that were injured"
_RELATIVE_VERB = re.compile(r"\s+(?:who|that)\s+(?:(?:had|have|has|were|was|are)\s+(?:been\s+)?)?([A-Za-z]+)")


def _relative_outcome(sentence: str, text: str) -> str | None:
    """The outcome a relative clause right after the figure gives what it counts ("identify
    more of the 60 young people who died": dead, whatever else the clause before says)."""
    at = sentence.find(text)
    m = _RELATIVE_VERB.match(sentence, at + len(text)) if at >= 0 else None
    return OUTCOMES.get(m.group(1).lower()) if m else None


def counted_thing(label: str, text: str, sentence: str) -> str | None:
    """What the figure counts, as a key ("dead", "injured", "massed (troops)"), or None when
    the clause does not say what happened to it."""
    parts = label.split() if label else []
    head = parts[-1].lower() if parts else ""
    if head in OUTCOMES or head in PEOPLE:
        head = "people"  # "65 dead", "60 young people", "162 others": people counted
    clause = _clause(sentence, text)
    # an ASCII clause lower-cased once gives the same tokens lower-cased (asked of every figure)
    words = _WORD.findall(clause.lower()) if clause.isascii() else [w.lower() for w in _WORD.findall(clause)]
    outcome = _relative_outcome(sentence, text) or next((OUTCOMES[w] for w in words if w in OUTCOMES), None)
    if outcome:
        return outcome if head == "people" else f"{outcome} ({head})" if head else None
    if not head:
        return None
    own = text.lower()
    for w in words:
        if w.endswith("ed") and _PARTICIPLE.match(w) and w not in _STOP_PARTICIPLES and w not in own:
            return f"{w} ({head})"
    return None


def _older_event(sentence: str, year: int | None) -> bool:
    years = {int(y) for y in _YEAR.findall(sentence)}
    return bool(years) and (year is None or years != {year})


def _bounds(text: str, value: float) -> tuple[float, float]:
    low = text.lower()
    if low.startswith(LOWER_BOUNDS):
        return value, float("inf")
    if low.startswith(UPPER_BOUNDS):
        return float("-inf"), value
    return value, value


def _agree(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return max(a[0], b[0]) <= min(a[1], b[1])


def figure_conflicts(figures, years: dict[str, int | None], sources: dict[str, str | None]) -> list[FigureConflict]:
    """The story's conflicting figures. `figures` are its merged FigureLines (same values across
    articles already joined), `years` the year of each article, `sources` its publisher."""
    if len({a for f in figures for a in (f.article, *f.also_in)}) < 2:
        return []  # a conflict needs two values with no article in common: one article has none
    groups: dict[str, list] = {}
    for f in figures:
        if f.value is None or f.value != f.value or f.text.lower().startswith(INCREMENTS):
            continue
        if _older_event(f.sentence, years.get(f.article)):
            continue
        what = counted_thing(f.label, f.text, f.sentence)
        if what:
            groups.setdefault(what, []).append(f)
    out = []
    for what, members in groups.items():
        conflict = _conflict(what, members, sources)
        if conflict:
            out.append(conflict)
    return out


def _conflict(what: str, members: list, sources: dict[str, str | None]) -> FigureConflict | None:
    values: dict[float, ConflictValue] = {}
    bounds: dict[float, tuple[float, float]] = {}
    for f in members:
        ids = [f.article, *f.also_in]
        entry = values.get(f.value)
        if entry is None:
            values[f.value] = entry = ConflictValue(f.value, f.text, [], [])
            bounds[f.value] = _bounds(f.text, f.value)
        for aid in ids:
            if aid not in entry.articles:
                entry.articles.append(aid)
                name = sources.get(aid) or aid
                if name not in entry.sources:
                    entry.sources.append(name)
    keys = list(values)
    disputed: set[float] = set()
    for i, k in enumerate(keys):
        for j in keys[i + 1:]:
            shared = set(values[k].articles) & set(values[j].articles)
            lo, hi = sorted((abs(k), abs(j)))
            if not shared and not _agree(bounds[k], bounds[j]) and lo > 0 and hi / lo <= MAX_RATIO:
                disputed |= {k, j}  # different articles, values no bound reconciles
    if len(disputed) < 2:
        return None
    chosen = sorted((values[k] for k in disputed), key=lambda v: (-len(v.articles), v.value))
    return FigureConflict(what, chosen)


def conflicts_dict(conflicts: list[FigureConflict]) -> list[dict]:
    return [
        {"what": c.what, "values": [
            {"value": v.value, "text": v.text, "articles": v.articles, "sources": v.sources} for v in c.values
        ]}
        for c in conflicts
    ]
