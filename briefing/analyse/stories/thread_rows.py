"""A watch's thread links, reused from round to round where they provably stay the same.

Linking a day's stories to the earlier ones (`threads._link_day`) compares every story with
every story of the fourteen days before it: most of a watch round on all of Reuters (1.1 of
about 4 CPU-seconds). One changed file moves every similarity a little (the vocabulary weights
count the whole corpus) and a few much (the stories sharing the file's rarer words), so the
last round's similarities are not this round's — but a link depends only on which
similarities reach the threshold and which is the largest, and those can be shown unchanged:

- each story's *drift* is how far its centroid moved since the last round (L2, columns matched
  by term); two unit vectors' cosine moves by at most the sum of their drifts;
- per story the similarities near or above its threshold (within `NEAR`) are kept, with an
  error bound: the float32 rounding of both computations plus every drift since they were
  computed exactly;
- a story keeps its decisions when no kept similarity is within its error of the threshold and,
  linking to its best match only, the best is ahead of every other passing one by more than
  their errors; its similarities to stories that are new or drifted by more than `TAU` are
  computed exactly (a row of a sparse product is computed alone as in the whole product, the
  same float32 sums in the same order, so the same bits);
- anything else (a new or changed story, a doubt, a day gated by names) is computed exactly
  as `_link_day` does.

So the links are those a fresh build makes (tests/unit/app/test_incremental.py; the watch
bench checks its file against a fresh export of all of Reuters).
"""

from __future__ import annotations

import numpy as np

from .threads import _link_day, day_windows

NEAR = 0.01  # similarities within this of the threshold (or above) are kept per story
# A story drifted more than this is compared exactly. One new Reuters wire moves the median
# story's centroid by 5e-6, 99% of them by less than 2e-4, the few sharing its rarer words by up
# to 3e-3: those are compared exactly, and the others' kept similarities stay good for many rounds.
TAU = 2e-4
UNIT = 2.0**-24  # float32 unit roundoff
DRIFT_ROWS = 2048  # stories per block of `ThreadRows._drift`


class ThreadRows:
    """The last round's centroids (by term) and each dated story's kept similarities."""

    def __init__(self) -> None:
        self.terms: list[str] = []
        self.centroids = None
        self.position: dict[tuple, int] = {}  # story key -> its row in `centroids`
        # story key -> ((threshold, every), earlier stories' numbers, similarities, their error bounds, the others' bound)
        self.rows: dict[tuple, tuple] = {}
        self.exact = self.reused = 0  # rows of the last round computed exactly / kept (tests and benches)
        self.numbers: dict[tuple, int] = {}  # story key -> its number for the whole watch
        self.next = 0

    def link(self, forest, groups, dated, regimes, centroids, name_centroids, days, vocabulary: dict) -> None:
        """`threads.link_threads`'s loop over days, joining in `forest` what a fresh build joins."""
        keys = [(groups[i].day, tuple(groups[i].originals)) for i in dated]
        drift = self._drift(keys, centroids, vocabulary)
        numbers = {key: self.numbers.get(key, self.next + n) for n, key in enumerate(keys)}
        self.next += len(keys)
        self.numbers = numbers
        uid = np.fromiter((numbers[k] for k in keys), dtype=np.int64, count=len(keys))
        where = np.full(self.next, -1, dtype=np.int64)
        where[uid] = np.arange(len(keys))
        rows: dict[tuple, tuple] = {}
        self.exact = self.reused = 0
        for current, earlier in day_windows(days):
            if name_centroids is not None and max(regimes[dated[i]].thread_names for i in current) > 0:
                _link_day(forest, dated, regimes, current, earlier, centroids, name_centroids)  # not kept
                continue
            day_work = _Day(self, forest, dated, regimes, centroids, keys, drift, rows, uid, where)
            day_work.link(current, earlier)
        self.terms, self.centroids = list(vocabulary), centroids
        self.position = {key: n for n, key in enumerate(keys)}
        self.rows = rows

    def _drift(self, keys: list[tuple], centroids, vocabulary: dict) -> np.ndarray:
        """How far each story's centroid moved since the last round (inf: no such story then)."""
        import scipy.sparse as sp

        drift = np.full(len(keys), np.inf)
        if self.centroids is None:
            return drift
        width = len(vocabulary) + 1  # a term gone since: its own column
        mapping = np.fromiter((vocabulary.get(t, width - 1) for t in self.terms), dtype=np.int64, count=len(self.terms))
        before = np.fromiter((self.position.get(k, -1) for k in keys), dtype=np.int64, count=len(keys))
        have = np.flatnonzero(before >= 0)
        if not len(have):
            return drift
        for start in range(0, len(have), DRIFT_ROWS):  # in blocks: float64 copies of every centroid were ~100 MB on Reuters
            rows = have[start : start + DRIFT_ROWS]
            old = self.centroids[before[rows]]
            old = sp.csr_matrix((old.data.astype(np.float64), mapping[old.indices], old.indptr), shape=(len(rows), width))
            old.sum_duplicates()
            new = centroids[rows]
            new = sp.csr_matrix((new.data.astype(np.float64), new.indices, new.indptr), shape=(len(rows), width))
            difference = new - old
            drift[rows] = np.sqrt(np.asarray(difference.multiply(difference).sum(axis=1)).ravel())
        return drift


class _Day:
    """One day's links: kept decisions where they provably hold, exact rows elsewhere. A story's
    kept similarities are arrays (earlier stories by their watch-long number, similarities,
    error bounds), checked for all the day's stories at once."""

    def __init__(self, kept: ThreadRows, forest, dated, regimes, centroids, keys, drift, rows, uid, where):
        self.kept, self.forest, self.dated, self.regimes = kept, forest, dated, regimes
        self.centroids, self.keys, self.drift, self.rows = centroids, keys, drift, rows
        self.uid, self.where = uid, where  # row -> its story's number; number -> row now (-1: gone)
        self.nnz = np.diff(centroids.indptr)

    def link(self, current: np.ndarray, earlier: np.ndarray) -> None:
        drift = self.drift
        steady = earlier[drift[earlier] <= TAU]
        window = 1.001 * float(drift[steady].max()) if len(steady) else 0.0
        tried, stored = [], []
        for p, i in enumerate(current):
            row = self.kept.rows.get(self.keys[i]) if drift[i] <= TAU else None
            if row is not None and row[0] == self._rule(i) and row[4] + 1.001 * float(drift[i]) + window < NEAR / 2:
                tried.append(p)
                stored.append(row)
        trying = set(tried)
        redo = [p for p in range(len(current)) if p not in trying]
        if tried:
            doubt = self._reuse(current[tried], stored, earlier[drift[earlier] > TAU], window)
            redo += [p for p, d in zip(tried, doubt) if d]
        self.kept.reused += len(current) - len(redo)
        self.kept.exact += len(redo)
        if redo:
            self._exact(current[sorted(redo)], earlier)

    def _rule(self, i: int) -> tuple[float, bool]:
        """Row i's threshold (as float32 compares it) and whether it links to every match."""
        regime = self.regimes[self.dated[i]]
        return float(np.float32(regime.thread_similarity)), bool(regime.thread_all)

    def _reuse(self, rows: np.ndarray, stored: list, changed: np.ndarray, window: float) -> np.ndarray:
        """Join the links of `rows` from their kept similarities where they provably hold;
        returns which rows are in doubt (nothing joined for them: computed exactly)."""
        count, drift = len(rows), self.drift
        own = 1.001 * drift[rows]
        threshold = np.array([row[0][0] for row in stored])
        every = np.array([row[0][1] for row in stored], dtype=bool)
        owner = np.repeat(np.arange(count), [len(row[1]) for row in stored])
        uids = np.concatenate([row[1] for row in stored])
        values = np.concatenate([row[2] for row in stored])
        slack = np.concatenate([row[3] for row in stored])
        j = self.where[uids]
        valid = j >= 0
        valid[valid] = drift[j[valid]] <= TAU  # gone, or drifted: compared exactly below
        owner, uids, values, j = owner[valid], uids[valid], values[valid], j[valid]
        slack = slack[valid] + own[owner] + 1.001 * drift[j]
        doubt = np.bincount(owner[np.abs(values - threshold[owner]) <= slack], minlength=count) > 0
        passing = values > threshold[owner]
        parts = [(owner, uids, values, slack)]
        found = [(owner[passing], values[passing] - slack[passing], values[passing] + slack[passing], j[passing])]
        if len(changed):  # exact: a row of a sparse product is the same bits alone
            block = (self.centroids[rows] @ self.centroids[changed].T).toarray().astype(np.float64)
            near_row, near_col = np.nonzero(block >= (threshold - NEAR)[:, None])
            exact = block[near_row, near_col]
            rounding = 2.05 * UNIT * self.nnz[rows[near_row]]
            parts.append((near_row, self.uid[changed[near_col]], exact, rounding))
            hit = exact >= threshold[near_row]
            found.append((near_row[hit], exact[hit], exact[hit], changed[near_col[hit]]))
        by, low, high, target = (np.concatenate(column) for column in zip(*found))
        order = np.lexsort((high, by))  # by row, the highest last
        by, low, high, target = by[order], low[order], high[order], target[order]
        last = np.flatnonzero(np.r_[by[1:] != by[:-1], True]) if len(by) else by
        best = np.zeros(len(by), dtype=bool)
        best[last] = True
        second = last[(last > 0)]
        second = second[by[second - 1] == by[second]]
        close = second[low[second] <= high[second - 1]]  # the best not clearly ahead of the next
        doubt[by[close][~every[by[close]]]] = True
        for n in np.flatnonzero((every[by] | best) & ~doubt[by]):
            self.forest.join(self.dated[rows[by[n]]], self.dated[target[n]])
        self._keep(rows, stored, doubt, own + window, parts)
        return doubt

    def _keep(self, rows, stored, doubt, grown, parts) -> None:
        """The kept similarities of the rows not in doubt, for the next round."""
        owner, uids, values, slack = (np.concatenate(column) for column in zip(*parts))
        order = np.argsort(owner, kind="stable")
        owner, uids, values, slack = owner[order], uids[order], values[order], slack[order]
        bounds = np.searchsorted(owner, np.arange(len(rows) + 1))
        for n, i in enumerate(rows):
            if not doubt[n]:
                a, b = bounds[n], bounds[n + 1]
                self.rows[self.keys[i]] = (stored[n][0], uids[a:b], values[a:b], slack[a:b], stored[n][4] + float(grown[n]))

    def _exact(self, current: np.ndarray, earlier: np.ndarray) -> None:
        """Rows of `current` as `threads._link_day` computes them (the same bits), kept."""
        # no name gate here: a day gated by names is linked by `_link_day` alone, never kept
        similarity = _link_day(self.forest, self.dated, self.regimes, current, earlier, self.centroids, None)
        thresholds = np.array([self.regimes[self.dated[i]].thread_similarity for i in current], dtype=np.float32)
        near = similarity >= (thresholds - NEAR)[:, None]
        for position, i in enumerate(current):
            close = earlier[np.flatnonzero(near[position])]
            rounding = 2.05 * UNIT * float(self.nnz[i])  # of this computation and a later one: |fl - exact| <= n u |a||b|, each
            values = similarity[position, np.flatnonzero(near[position])].astype(np.float64)
            self.rows[self.keys[i]] = (self._rule(i), self.uid[close], values, np.full(len(close), rounding), rounding)
