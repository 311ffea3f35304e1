"""A short single wire's summary without matrices: when every candidate is picked anyway.

Most stories are one wire whose candidate sentences all fit the word budget together. When
none leans on another, the topic test keeps them (or drops some) and no two say the same,
the coverage greedy picks every one of them (each gain is positive), so which they are is
all the summary needs: no concept weights, no matrices. The TF-IDF numbers here are the
matrices' (`vectors._vectors`), summed in another order, so a test closer than `MARGIN` to
its threshold is left to the matrices: the answer is the one they give, or None (not known).
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import chain

from .hygiene import same_word_sets
from .story import _Unit
from .tokens import _content_stems, _token_tuple

#: Far more than the rounding error of a cosine of a few sentences (about 1e-15), and
#: more than `vectors._settled`'s rounding (5e-13).
MARGIN = 1e-9


def all_picked(units: list[_Unit], ids: list[int], budget_words: int | None, budget_count: int | None,
               off_topic_share: float, near_duplicate: float) -> list[int] | None:
    """The candidates the summary takes when it takes all it keeps, else None (ask the matrices)."""
    chosen = [units[i] for i in ids]
    if any(u.joins for u in chosen) or len({u.doc for u in chosen}) != 1:
        return None
    if not fit_together(chosen, budget_words, budget_count):
        return None
    texts = [u.text for u in chosen]
    rows = _rows(texts)
    keep = _on_topic(rows, off_topic_share)
    if keep is None:
        return None
    if any(keep) and not all(keep):  # the matrices' rows are built again for the kept texts
        ids = [i for i, k in zip(ids, keep) if k]
        texts = [t for t, k in zip(texts, keep) if k]
        rows = _rows(texts)
    return ids if not _any_repeat(texts, rows, near_duplicate) else None


def fit_together(units: list[_Unit], budget_words: int | None, budget_count: int | None) -> bool:
    """The units, all of them, within both budgets, and none waiting for a sentence it leans on."""
    if any(u.leans_on >= 0 for u in units):
        return False
    if budget_words is not None and sum(u.words for u in units) > budget_words:
        return False
    return budget_count is None or sum(len(u.indices) for u in units) <= budget_count


def _rows(texts: list[str]) -> list[dict[str, float]]:
    """`vectors._vectors`' rows as dicts: sublinear tf, smooth idf, L2-normalised."""
    bags = [Counter(_content_stems(text)) for text in texts]
    df = Counter(chain.from_iterable(bags))  # each bag's terms once
    idf = {term: math.log((1.0 + len(texts)) / (1.0 + n)) + 1.0 for term, n in df.items()}
    rows = []
    for bag in bags:
        row = {term: (1.0 + math.log(count)) * idf[term] for term, count in bag.items()}
        norm = math.sqrt(sum(v * v for v in row.values()))
        rows.append({term: v / norm for term, v in row.items()} if norm > 0 else row)
    return rows


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[t] for t, v in a.items() if t in b)


def _on_topic(rows: list[dict[str, float]], off_topic_share: float) -> list[bool] | None:
    """`selection._on_topic`'s test for one article's candidates: each one's cosine to their
    centroid against a share of the median one; None when one is too close to call."""
    if len(rows) <= 2:
        return [True] * len(rows)
    total: dict[str, float] = {}
    for row in rows:
        for term, v in row.items():
            total[term] = total.get(term, 0.0) + v
    norm = math.sqrt(sum(v * v for v in total.values()))
    if not norm:
        return [True] * len(rows)
    sims = sorted(_dot(row, total) / norm for row in rows)
    # a candidate with content words has a cosine of 1/norm or more, one without exactly 0:
    # whether the median is 0 never depends on rounding
    middle = len(sims) // 2
    typical = sims[middle] if len(sims) % 2 else (sims[middle - 1] + sims[middle]) / 2
    if typical <= 0:
        return [True] * len(rows)
    limit = off_topic_share * typical
    unsorted = [_dot(row, total) / norm for row in rows]
    if any(abs(s - limit) < MARGIN for s in unsorted):
        return None
    return [s >= limit for s in unsorted]


def _any_repeat(texts: list[str], rows: list[dict[str, float]], near_duplicate: float) -> bool:
    """Two candidates that may say the same (`selection.summarize`'s `sim`): the same words
    (`hygiene.same_words`, the same integer tests), the same tokens, or a cosine near
    `near_duplicate` or above."""
    tokens = [_token_tuple(t) for t in texts]
    bags = [set(t) for t in tokens]
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            if tokens[i] == tokens[j] or same_word_sets(bags[i], bags[j]):
                return True
            if _dot(rows[i], rows[j]) >= near_duplicate - MARGIN:
                return True
    return False
