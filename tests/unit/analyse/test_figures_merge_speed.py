"""merge_figures' shortcuts give what the long way round gave: the words of a text, the pairs of
figures tested for a conflict, and the scores of a story (as the merge before the shortcuts
ranked it)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.analyse import figures as F
from briefing.analyse.figures import Figure, MergedFigure, merge_figures


def fig(text, value, label, sentence, start=0, qualifier=None, unit=None):
    return Figure(text, value, unit, qualifier, label, sentence, start, start + len(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aAbesStTyi'’- .,\n1é", max_size=120))
def test_text_words_are_the_content_words(text):
    long_way = {F._singular(w) for w in F._WORD.findall(text) if w.lower() not in F._STOP}
    assert F._text_words(text) == F._content_words(text) == long_way


VALUES = st.one_of(
    st.none(),
    st.sampled_from([0.0, -0.0, 1.0, 2.0, 3.0, 3.0000001, 9.0, -4.0, 5e-324, 1.5e308, float("inf"), float("nan")]),
    st.floats(allow_nan=True, allow_infinity=True),
)


def _passes_merge_pair_tests(ga: dict, gb: dict) -> bool:
    """The tests _merge makes on a candidate pair before comparing words, as it makes them."""
    a, b = ga["merged"].value, gb["merged"].value
    if F._same_value(a, b) or ga["increment"] or gb["increment"]:
        return False
    if len(ga["articles"]) == 1 and ga["articles"] == gb["articles"]:
        return False
    lo, hi = sorted((abs(a), abs(b)))
    return not (lo == 0 or hi / lo > 3)


ARTICLES = st.lists(st.sampled_from("abc"), min_size=1, max_size=2, unique=True)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(VALUES, st.sampled_from([None, "an extra"]), ARTICLES), max_size=14))
def test_conflict_candidates_keep_every_pair_merge_would_accept(rows):
    """Pruned by value and article, the candidates still hold every pair _merge's tests pass
    (zeros, NaN, infinities and subnormals included), in list order."""
    groups = []
    for value, qualifier, articles in rows:
        f = fig(f"{value} troops", value, "troops", "troops sent north", qualifier=qualifier)
        groups.append({"members": [(a, f) for a in articles], "articles": articles, "unit": None,
                       "merged": MergedFigure(f.text, value, f.label, f.sentence, articles[0])})
    index = {id(g): k for k, g in enumerate(groups)}
    candidates = [(index[id(ga)], index[id(gb)]) for _, ga, gb in F._conflict_candidates(groups)]
    assert candidates == sorted(set(candidates)) and all(i < j for i, j in candidates)
    wanted = {
        (i, j)
        for i in range(len(groups)) for j in range(i + 1, len(groups))
        if groups[i]["merged"].value is not None and groups[j]["merged"].value is not None
        and _passes_merge_pair_tests(groups[i], groups[j])
    }
    assert wanted <= set(candidates)


def _story():
    a = [
        fig("more than 130,000 troops", 130000, "troops", "Russia has massed more than 130,000 troops near Ukraine's borders.", 10, "more than"),
        fig("$30 billion", 3e10, "trade", "Bilateral trade once reached $30 billion a year.", 300, unit="USD"),
        fig("an extra 20,000", 20000, "troops", "More Russian troops, possibly an extra 20,000, are being added.", 500, "an extra"),
    ]
    b = [
        fig("more than 100,000 ground troops", 100000, "ground troops",
            "U.S. officials say Russia has massed more than 100,000 ground troops along Ukraine's borders.", 10, "more than"),
        fig("130,000 Russian forces", 130000, "forces", "Plans show how 130,000 Russian forces will bid to topple the government.", 200),
    ]
    c = [fig("about 9,000 troops", 9000, "troops", "About 9,000 Russian troops were returning to barracks.", 40, "about")]
    texts = {
        "a": " ".join(f.sentence for f in a) + " Ukraine's government fears an invasion.",
        "b": " ".join(f.sentence for f in b) + " Russia denies planning an invasion of Ukraine.",
    }
    return a, b, c, texts


def test_story_merge_properties():
    """What a story's merge must do, whatever the exact scores: one line per counted thing with
    every source that gives it, disagreeing values of the same thing flagged both ways, an
    increment ("an extra 20,000") or another unit never a conflict, most important first, and
    a figure more sources give ranked above the same figure from one source."""
    a, b, c, texts = _story()
    merged = merge_figures([("a", a), ("b", b), ("c", c)], texts)
    by_text = {m.text: m for m in merged}
    assert len(merged) == len(by_text)
    troops = by_text["more than 130,000 troops"]
    assert troops.article == "a" and troops.also_in == ["b"]  # "130,000 Russian forces" is the same count
    assert "130,000 Russian forces" not in by_text
    assert troops.conflicts == ["more than 100,000 ground troops"]
    assert by_text["more than 100,000 ground troops"].conflicts == ["more than 130,000 troops"]
    assert by_text["an extra 20,000"].conflicts == [] and by_text["$30 billion"].conflicts == []
    scores = [m.score for m in merged]
    assert scores == sorted(scores, reverse=True) and merged[0] is troops
    alone = {m.text: m for m in merge_figures([("a", a)], {"a": texts["a"] + " " + a[0].sentence})}
    assert alone["more than 130,000 troops"].score < troops.score
    assert alone["more than 130,000 troops"].conflicts == []
