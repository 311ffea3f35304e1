"""Threads: the same running story on different days (a disaster, a trial, a summit).

A story is linked to earlier stories of the preceding `THREAD_WINDOW_DAYS` days when the
cosine of their term centroids reaches the regime's `thread_similarity` (and, for long text,
their name centroids reach `thread_names`: the same people and places). Linked stories share
a thread id (union-find, so a story running for a week chains day to day).

Centroids are *not* expanded here: second-order similarity across days links stories that
merely share a subject (UCI thread F1 0.818 -> 0.756 when tried). Headline and wire stories
link only to their best earlier match (limits chaining: linking every match made one thread of
most of Reuters); long-text stories link to every earlier story that passes both tests, because
a running story told at length is often split over several stories a day and each continues an
earlier one (DUC mixed thread F1, tune / blind: best match only 0.826 / 0.822, every match with
the name floor 0.883 / 0.868; thresholds and their figures in `clustering`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import numpy as np

from ...core import incremental
from .ids import anchor_of, stable_id
from .vectors import l2_rows

THREAD_WINDOW_DAYS = 14


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


def link_threads(groups, regimes, matrix, row_of: dict[str, int], names=None, kept=None, vocabulary=None) -> None:
    """Give every group a `thread` id: the hash of the anchor of the first story it is linked with.
    `kept` (a watch's `thread_rows.ThreadRows`, with the matrix's `vocabulary`) reuses the
    links of the last round where they provably stay the same."""
    forest = _Forest(len(groups))
    dated = [i for i, g in enumerate(groups) if g.day is not None]
    if matrix is not None and len({groups[i].day for i in dated}) > 1:
        centroids = _centroids(groups, dated, matrix, row_of)
        name_centroids = _centroids(groups, dated, names, row_of) if names is not None else None
        days = np.array([groups[i].day.toordinal() for i in dated])
        if kept is not None and vocabulary:
            kept.link(forest, [groups[i] for i in dated], dated, [regimes[i] for i in dated], centroids, name_centroids, days, vocabulary)
        else:
            for current, earlier in day_windows(days):
                _link_day(forest, dated, regimes, current, earlier, centroids, name_centroids)
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(groups)):
        members[forest.root(index)].append(index)
    memo = incremental.current()
    for indices in members.values():
        # the anchor of its first story (earliest day, then smallest anchor): a new day of a running story keeps the thread's id
        earliest = min((groups[g].day is None, groups[g].day or dt.date.min) for g in indices)
        anchor = min(anchor_of(groups[g].article_ids, groups[g].originals)
                     for g in indices if (groups[g].day is None, groups[g].day or dt.date.min) == earliest)
        thread = memo.once("thread id", (anchor,), lambda anchor=anchor: stable_id("thread", None, [anchor])) if memo else stable_id("thread", None, [anchor])
        for index in indices:
            groups[index].thread = thread


def day_windows(days: np.ndarray):
    """(the day's stories, the stories of the window before it) for each day that has earlier
    stories to link to, oldest day first: positions into `days` (ordinal days of the stories)."""
    for day in np.unique(days):
        earlier = np.flatnonzero((days < day) & (days >= day - THREAD_WINDOW_DAYS))
        if len(earlier):
            yield np.flatnonzero(days == day), earlier


def _link_day(forest: _Forest, dated, regimes, current, earlier, centroids, name_centroids) -> np.ndarray:
    """Link one day's stories to the earlier stories they continue (see the module docstring);
    returns their similarities (a watch keeps those near the threshold, `thread_rows`).

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
    return similarity
