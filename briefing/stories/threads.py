"""Threads: the same running story on different days (a disaster, a trial, a summit).

A story is linked to earlier stories of the preceding `THREAD_WINDOW_DAYS` days when the
cosine of their term centroids reaches the regime's `thread_similarity` (and, for full text,
their name centroids reach `thread_names`: the same people and places). Linked stories share
a thread id (union-find, so a story running for a week chains day to day).

Centroids are *not* expanded here: second-order similarity across days links stories that
merely share a subject (UCI thread F1 0.818 -> 0.756 when tried). Headline stories link only
to their best earlier match (limits chaining among short, noisy headlines); full-text stories
link to every earlier story that passes both tests, because a running story is often split
over several stories a day and each of them continues an earlier one.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from .ids import stable_id
from .vectors import l2_rows

THREAD_WINDOW_DAYS = 14
CENTROID_TERMS = 30  # a centroid keeps its heaviest terms only when stories of days are compared


class _Forest:
    """Union-find over story indices."""

    def __init__(self, count: int):
        self.parent = list(range(count))

    def root(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        self.parent[self.root(a)] = self.root(b)


def _centroids(groups, dated: list[int], matrix, row_of: dict[str, int]):
    """L2-normalised sums of each dated story's original articles' rows of `matrix`."""
    import scipy.sparse as sp

    rows, cols = [], []
    for column, index in enumerate(dated):
        for article in groups[index].originals:
            rows.append(row_of[article])
            cols.append(column)
    membership = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (cols, rows)), shape=(len(dated), matrix.shape[0]))
    return l2_rows(membership @ matrix)


def _heaviest(matrix, keep: int):
    """Each row's `keep` largest entries (ties by column), the rest dropped.

    Comparing every story with two weeks of earlier stories is a sparse product whose cost
    grows with the centroids' lengths; a centroid's light tail (words one article used once)
    adds cost, not evidence: on all of Reuters linking took about 3 s with full centroids.
    """
    import scipy.sparse as sp

    matrix = matrix.tocsr()
    lengths = np.diff(matrix.indptr)
    if not len(lengths) or lengths.max() <= keep:
        return matrix
    row_of = np.repeat(np.arange(matrix.shape[0]), lengths)
    order = np.lexsort((matrix.indices, -matrix.data, row_of))  # by row, heaviest first
    rank = np.arange(len(order)) - np.repeat(matrix.indptr[:-1], lengths)
    chosen = np.sort(order[rank < keep])
    return sp.csr_matrix((matrix.data[chosen], (row_of[chosen], matrix.indices[chosen])), shape=matrix.shape)


def link_threads(groups, regimes, matrix, row_of: dict[str, int], names=None) -> None:
    """Give every group a `thread` id: the hash of all articles of the stories it is linked with."""
    forest = _Forest(len(groups))
    dated = [i for i, g in enumerate(groups) if g.day is not None]
    if matrix is not None and len({groups[i].day for i in dated}) > 1:
        centroids = _centroids(groups, dated, matrix, row_of)
        name_centroids = _centroids(groups, dated, names, row_of) if names is not None else None
        days = np.array([groups[i].day.toordinal() for i in dated])
        for day in np.unique(days):
            current = np.flatnonzero(days == day)
            earlier = np.flatnonzero((days < day) & (days >= day - THREAD_WINDOW_DAYS))
            if len(earlier):
                _link_day(forest, dated, regimes, current, earlier, centroids, name_centroids)
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(groups)):
        members[forest.root(index)].append(index)
    for indices in members.values():
        every = sorted(i for g in indices for i in groups[g].article_ids)
        thread = stable_id("thread", None, every)
        for index in indices:
            groups[index].thread = thread


def _link_day(forest: _Forest, dated, regimes, current, earlier, centroids, name_centroids) -> None:
    """Link one day's stories to the earlier stories they continue (see the module docstring).

    Vectorised over the day's stories: a Python loop over every story and row cost a
    noticeable part of grouping all of Reuters.
    """
    similarity = (centroids[current] @ centroids[earlier].T).toarray()
    day_regimes = [regimes[dated[i]] for i in current]
    passing = similarity >= np.array([r.thread_similarity for r in day_regimes], dtype=np.float32)[:, None]
    name_floor = np.array([r.thread_names for r in day_regimes], dtype=np.float32)
    if name_centroids is not None and name_floor.max() > 0:
        names = (name_centroids[current] @ name_centroids[earlier].T).toarray()
        passing &= names >= name_floor[:, None]
    every = np.array([r.thread_all for r in day_regimes], dtype=bool)
    best = np.where(passing, similarity, -1.0).argmax(axis=1)
    for position in np.flatnonzero(passing.any(axis=1)):
        picks = np.flatnonzero(passing[position]) if every[position] else [best[position]]
        for pick in picks:
            forest.join(dated[current[position]], dated[earlier[pick]])
