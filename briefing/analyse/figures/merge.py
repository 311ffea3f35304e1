"""merge_figures: a story's figures joined across its articles and ranked."""

from __future__ import annotations

import functools
import re
from collections import Counter
from .model import Figure, MergedFigure
from .phrases import _singular
from .words import _INCREMENT_QUALIFIERS, _STOP


# ------------------------------------------------------------------ merging across a story

_SYNONYMS = [
    {"troop", "soldier", "force", "serviceman", "servicemen", "personnel", "military", "army", "service member", "ground troop"},
    {"person", "resident", "civilian", "individual", "inhabitant"},
    {"dollar", "usd", "dlr"},
    {"percent", "%", "pct"},
]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")


@functools.lru_cache(maxsize=65536)
def _head(label: str) -> str:
    words = [w for w in re.findall(r"[\w%'’-]+", (label or "").lower()) if w not in _STOP]
    return _singular(words[-1]) if words else ""


def _label_key(label: str) -> str:
    """Near-same labels share a key: troops, forces and soldiers are one thing to count."""
    head = _head(label)
    for group in _SYNONYMS:
        if head in group:
            return sorted(group)[0]
    return head


def _same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    if a == b:
        return True
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b))


def _round_bonus(value: float | None) -> float:
    """130,000 is a headline number; 1,694,000 is a table entry."""
    if value is None or value <= 0:
        return 0.0
    digits = f"{value:.6e}".split("e")[0].replace(".", "").rstrip("0")
    sig = len(digits) or 1
    return 1.0 if sig <= 2 else 0.5 if sig == 3 else 0.0


def _content_words(text: str) -> set[str]:
    return set(_sentence_words(text))


@functools.lru_cache(maxsize=65536)
def _content_word(token: str) -> str | None:
    """The content word a _WORD token counts as, None for a stop word. Cached, so that mapping
    it over a text's tokens runs without a Python call per (mostly repeated) token."""
    return None if token.lower() in _STOP else _singular(token)


def _words(tokens: list[str]) -> set[str]:
    """The content words of _WORD tokens."""
    words = set(map(_content_word, tokens))
    words.discard(None)
    return words  # type: ignore[return-value]


@functools.lru_cache(maxsize=4096)
def _sentence_words(text: str) -> frozenset[str]:
    """Content words of a figure's sentence: asked for again and again while merging."""
    return frozenset(_words(_WORD.findall(text)))


def _text_words(text: str) -> set[str]:
    """Content words of a whole article text, the same set as `_content_words(text)`. Not
    cached: a text is read once per story, and would only push sentences out of the cache."""
    return _words(_WORD.findall(text))


def _conflict_candidates(groups: list[dict]):
    """Pairs (in list order) of groups that could be the same thing counted differently: both
    with a nonzero value, neither an increment, the same unit, a counted noun in common, values
    within a factor of three and not both from one and the same article. Indexed by noun and
    ordered by value, so a story with hundreds of figures is not compared pair by pair; _merge
    still makes every test itself, these only spare it the pairs that fail them."""
    by_head: dict[tuple, list[int]] = {}
    for index, g in enumerate(groups):
        g["heads"] = {_head(f.label) for _, f in g["members"]} - {""}
        g["increment"] = any(f.qualifier in _INCREMENT_QUALIFIERS for _, f in g["members"])
        if g["merged"].value is None or g["increment"]:
            continue
        for head in g["heads"]:
            by_head.setdefault((head, g["unit"]), []).append(index)
    pairs: set[tuple[int, int]] = set()
    for members in by_head.values():
        if len(members) > 1:
            pairs.update(_close_pairs(members, groups))
    for i, j in sorted(pairs):
        yield i, groups[i], groups[j]


def _close_pairs(members: list[int], groups: list[dict]) -> list[tuple[int, int]]:
    """The pairs (i < j) of `members` within a factor of three (hi / lo <= 3, as in _merge) and
    not both of one same article alone. By ascending value, so the first value too far ends a
    row: dividing by a positive number keeps the order. A NaN has no order, and passes _merge's
    ratio test against anything, a zero too: all pairs then."""
    values = [abs(groups[i]["merged"].value) for i in members]
    if any(v != v for v in values):
        return [(i, j) for x, i in enumerate(members) for j in members[x + 1:]]
    solo = {i: groups[i]["articles"][0] if len(groups[i]["articles"]) == 1 else None for i in members}
    by_value = sorted(zip(values, members))
    pairs = []
    for x, (lo, i) in enumerate(by_value):
        if lo == 0:
            continue  # _merge's test: no ratio to a zero
        for hi, j in by_value[x + 1:]:
            if hi / lo > 3:
                break
            if solo[i] is None or solo[i] != solo[j]:
                pairs.append((i, j) if i < j else (j, i))
    return pairs


def _group_words(group: dict) -> set[str]:
    if "words" not in group:
        group["words"] = set().union(*(_content_words(f.sentence) for _, f in group["members"]))
    return group["words"]


def merge_figures(per_article: list[tuple[str, list[Figure]]], texts: dict[str, str] | None = None) -> list[MergedFigure]:
    """Join a story's figures across its articles and rank them by importance to the story.

    The same figure (equal value and the same or a near-same label: troops/forces/soldiers) is
    one entry, `also_in` naming the other articles that state it. Figures about the same thing
    that disagree (same counted noun, values within a factor of three, sentences sharing words:
    130,000 vs "more than 100,000" troops) list each other's text in `conflicts`; increments
    ("an extra 20,000") and two numbers in one article (two facts) never conflict.

    Score (higher first): stated by more of the story's articles; label named in the other
    articles; sentence on-topic (its words recur in the other articles — a vaccine sidebar's do
    not); early in its article; a round number. Vague magnitudes, figures without a label and
    increments rank lower. `texts` (article id -> text) makes "named in the other articles" and
    "on-topic" use the full texts; without it the figures' sentences stand in.
    """
    try:
        return _merge(per_article or [], texts or {})
    except Exception:  # never take the brief down for a ranking problem
        return []


def _merge(per_article: list[tuple[str, list[Figure]]], texts: dict[str, str]) -> list[MergedFigure]:
    """Group the same figure across articles, score each group, flag the conflicts, rank."""
    groups = _group_figures(per_article)
    story = _StoryWords(per_article, texts, groups)
    merged: list[MergedFigure] = []
    for g in groups:
        merged.append(_score_group(g, groups, per_article, texts, story))
        g["merged"] = merged[-1]
    if story.n_articles > 1:  # one article giving two numbers is telling two facts
        _flag_conflicts(groups)
    for m in merged:
        if m.conflicts:
            m.score = round(m.score + 0.25, 4)  # a disputed number is worth showing, with its dispute
    merged.sort(key=lambda m: (-m.score, m.article, m.text))
    return merged


def _group_figures(per_article: list[tuple[str, list[Figure]]]) -> list[dict]:
    """One group per counted thing (label key, unit) and value, in order of first statement."""
    groups: list[dict] = []
    same_thing: dict[tuple, list[dict]] = {}  # (label key, unit) -> its groups, in creation order
    for aid, figures in per_article:
        for f in figures or []:
            if not isinstance(f, Figure):
                continue
            key = _label_key(f.label)
            candidates = same_thing.setdefault((key, f.unit), [])
            for g in candidates:
                if _same_value(g["value"], f.value) or (
                    g["value"] is None and f.value is None and g["text"].lower() == f.text.lower()
                ):
                    if aid not in g["articles"]:
                        g["articles"].append(aid)
                    g["members"].append((aid, f))
                    break
            else:
                group = {"key": key, "value": f.value, "unit": f.unit, "text": f.text, "articles": [aid], "members": [(aid, f)]}
                groups.append(group)
                candidates.append(group)
    return groups


class _StoryWords:
    """The words of each article, to tell what the story as a whole is about, and in how many
    articles each label key is counted."""

    def __init__(self, per_article: list[tuple[str, list[Figure]]], texts: dict[str, str], groups: list[dict]) -> None:
        self.article_ids = list(dict.fromkeys(aid for aid, _ in per_article))
        self.n_articles = max(1, len(self.article_ids))
        self.words: dict[str, set[str]] = {}
        self.all_words: set[str] = set()
        self.in_two: set[str] = set()
        self.key_articles: Counter = Counter()
        # a story of one article (most of them, on the wire) compares its figures with its own
        # text instead: none of the cross-article sets, and the groups per label key counted once
        self.groups_per_key = Counter(g["key"] for g in groups)
        self._own: _OwnText | None = None
        if self.n_articles == 1:
            return
        for aid, figures in per_article:
            source = texts.get(aid) or " ".join(f.sentence for f in figures or [] if isinstance(f, Figure))
            self.words[aid] = self.words.get(aid, set()) | _text_words(source)
        keys_by_article: dict[str, set[str]] = {}
        for g in groups:
            for a in g["articles"]:
                keys_by_article.setdefault(a, set()).add(g["key"])
        # the words in two articles or more are in another article than any one's own: "in another
        # article" by set operations, without a count per word or a union per figure
        for article_words in self.words.values():
            self.in_two |= article_words & self.all_words
            self.all_words |= article_words
        # in how many articles each label key is counted: not a scan of the articles per figure
        self.key_articles = Counter(key for keys in keys_by_article.values() for key in keys)


    def own_words_without(self, own: str, sentence: str) -> frozenset[str] | set[str]:
        """`_content_words(own.replace(sentence, " "))`: the one article's words outside a
        figure's sentence, from one tokenisation of its text per story, not one per sentence."""
        if self._own is None or self._own.text is not own:
            self._own = _OwnText(own)
        return self._own.without(sentence)


class _OwnText:
    """A text's content words, counted, to take a sentence out of it without tokenising the
    rest again.

    Cutting the sentence out (`str.replace(sentence, " ")`) and tokenising what is left gives
    the text's tokens less the sentence's own, unless a `_WORD` token runs across a cut
    ("up-" + "date"). No token can when a character on either side of each cut is not a word
    character; otherwise the text is cut and tokenised as before.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        counts: Counter[str | None] = Counter(map(_content_word, _WORD.findall(text)))
        counts.pop(None, None)  # stop words
        self.counts = counts
        self.words: frozenset[str | None] = frozenset(counts)
        self.memo: dict[str, frozenset[str] | set[str]] = {}

    def without(self, sentence: str) -> frozenset[str] | set[str]:
        found = self.memo.get(sentence)
        if found is None:
            found = self.memo[sentence] = self._without(sentence)
        return found

    def _without(self, sentence: str) -> frozenset[str] | set[str]:
        cuts = self._cuts(sentence)
        if cuts is None:  # a token may run across a cut
            return _content_words(self.text.replace(sentence, " "))
        inside = Counter(map(_content_word, _WORD.findall(sentence)))
        gone = [w for w, n in inside.items() if w is not None and n * cuts >= self.counts[w]]
        return self.words.difference(gone)  # type: ignore[return-value]  # no None is in it

    def _cuts(self, sentence: str) -> int | None:
        """How many times `str.replace` cuts `sentence` out (left to right, not overlapping);
        None when a cut has word characters on both sides of it."""
        if not sentence:
            return None
        text, cuts = self.text, 0
        at = text.find(sentence)
        while at >= 0:
            end = at + len(sentence)
            if (at and _word_char(text[at - 1]) and _word_char(text[at])) or (
                end < len(text) and _word_char(text[end - 1]) and _word_char(text[end])
            ):
                return None
            cuts += 1
            at = text.find(sentence, end)
        return cuts


def _word_char(char: str) -> bool:
    """A character a `_WORD` token can hold."""
    return (char.isascii() and char.isalpha()) or char in "'’-"


def _score_group(g: dict, groups: list[dict], per_article: list[tuple[str, list[Figure]]], texts: dict[str, str], story: _StoryWords) -> MergedFigure:
    """The group's earliest statement, scored: stated by more articles, its label shared and
    named elsewhere, its sentence on-topic, early, round; vague, unlabelled, increments lower."""
    n_articles = story.n_articles
    aid, best = min(g["members"], key=lambda m: (m[1].value is None, m[1].start))  # the earliest statement
    head = _head(best.label)
    sentence_words = _content_words(best.sentence) - {head}
    if n_articles > 1:
        own_words = story.words[aid]

        def elsewhere(ws: set[str]) -> set[str]:
            """Those of `ws` in another article: in two articles, or in one not the figure's own."""
            return (ws & story.in_two) | ((ws - own_words) & story.all_words)

        # the label is counted by figures of other articles too ("label shared by many sources");
        # its own article (always one of the key's) is not another
        shared = (story.key_articles[g["key"]] - 1 if g["key"] else 0) / (len(story.article_ids) - 1)
    else:
        # without the text, the article's figures' sentences stand in (per_article holds
        # (id, figures) pairs: the figures of the one article, not pairs themselves)
        own = texts.get(aid) or " ".join(f.sentence for a, figs in per_article if a == aid for f in figs or [] if isinstance(f, Figure))
        elsewhere = story.own_words_without(own, best.sentence).intersection  # type: ignore[assignment]
        shared = min(1.0, (story.groups_per_key[g["key"]] - 1) / 2) if g["key"] else 0.0
    named = 1.0 if head and elsewhere({head}) else 0.0
    on_topic = len(elsewhere(sentence_words)) / max(1, len(sentence_words))
    text_len = len(texts.get(aid, "")) or 4000
    lead = min(m[1].start for m in g["members"] if m[0] == aid)
    early = max(0.0, 1.0 - 2.0 * lead / max(text_len, 1))
    score = 3.0 * (len(g["articles"]) - 1) / (n_articles - 1) if n_articles > 1 else 0.0
    score += 1.5 * shared + 0.5 * named + 2.0 * on_topic + 1.0 * early + 0.5 * _round_bonus(g["value"])
    if g["value"] is None:
        score -= 1.0
    if not head:
        score -= 1.5
    if any(f.qualifier in _INCREMENT_QUALIFIERS for _, f in g["members"]):
        score -= 0.5
    return MergedFigure(
        text=best.text, value=best.value, label=best.label, sentence=best.sentence, article=aid,
        also_in=[a for a in g["articles"] if a != aid], conflicts=[], score=round(score, 4),
        unit=best.unit, qualifier=best.qualifier,
    )


def _flag_conflicts(groups: list[dict]) -> None:
    """The same thing counted differently: values within a factor of three, sentences sharing
    words, not an increment, not two numbers of one article (two facts)."""
    for _i, ga, gb in _conflict_candidates(groups):
        a, b = ga["merged"], gb["merged"]
        if _same_value(a.value, b.value):
            continue
        heads_a = ga["heads"]
        if ga["increment"] or gb["increment"]:
            continue
        if len(ga["articles"]) == 1 and ga["articles"] == gb["articles"]:
            continue  # one article giving two numbers is telling two facts
        lo, hi = sorted((abs(a.value), abs(b.value)))
        if lo == 0 or hi / lo > 3:
            continue
        if len((_group_words(ga) & _group_words(gb)) - heads_a) < 2:
            continue
        a.conflicts.append(b.text)
        b.conflicts.append(a.text)
