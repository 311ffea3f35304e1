"""One day's articles into stories: average-linkage clustering of cosine similarities.

Three regimes, because headlines, wires and long articles need different treatment
(`regime_by_size` picks one per day, by what most of its articles are):

- **Headlines** (feeds, aggregators: 6-10 words each): the similarity is topped up by
  *neighbour expansion* (each article's vector plus the similarity-weighted mean of its nearest
  neighbours of the day). Two headlines of one story often share no word ("Mt. Gox files for
  bankruptcy" / "Bitcoin exchange seeks protection") but share neighbours; expansion turns
  that second-order evidence into cosine similarity. UCI thread BCubed F1 0.818.
- **Full text** (wire copy, bodies of a few hundred words at most): no expansion, and a
  *same-event test* on every pair (`same_event.passes`): a pair whose names and figures do
  not overlap enough has similarity 0 before linkage. Expansion on full text chained templated
  wires ("mln dlrs pct said") into day-sized clusters: on hand-grouped Reuters days
  (bench/eval_reuters_days.py, tune / blind, three tune days then) BCubed precision was
  0.35 / 0.38; without expansion, cut 0.7: 0.95 / 0.86; with the same-event test at 0.3:
  0.996 / 0.960. On the four tune days now: precision 0.986 / 0.960, recall 0.957 / 0.861.
- **Long text** (most bodies longer than `LONG_WORDS`: newspaper features, web pages): the
  grouping before the same-event test (expansion, cut 0.75). Two papers' accounts of one event
  share a small part of a long vocabulary, so both their term and their name cosines are low
  (DUC same-cluster same-day pairs: names median 0.42, a quarter below 0.22), and the test cut
  DUC mixed-folder within-day F1 from 1.000 / 0.994 to 0.929 / 0.969 (tune / blind, cut 0.9);
  templated copy, what the test is for, is wire copy.

Average linkage (not single) so a story is held together by most of its pairs, not by a chain.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import same_event
from .vectors import dense_similarity, l2_rows


@dataclass(frozen=True)
class Regime:
    """Clustering parameters for one kind of text (see the module docstring for why)."""

    neighbours: int  # k of the neighbour expansion
    expansion: float  # weight of the neighbours' mean against the article's own vector (0: none)
    floor: float  # a neighbour must be at least this similar to count
    story_distance: float  # average-linkage cosine distance to stop merging
    thread_similarity: float  # centroid cosine for linking stories of different days
    same_event: float = 0.0  # name-vector cosine a pair needs to be one story (0: no test)
    thread_names: float = 0.0  # name-centroid cosine two stories of different days need to be one thread
    thread_all: bool = False  # link a story to every earlier story that passes (else to the best one)


# Headlines: chosen on UCI (the only headline set with gold). Sensitivity (bench/eval_stories.py
# --sensitivity): UCI thread F1 0.79-0.82 for k 10-30 and cut 0.85-0.93, flat for thread
# similarity 0.4-0.7. `floor` 0.1 merged 0 of 161 unrelated WikiRef pairs, 4 of 198 UCI pairs.
HEADLINES = Regime(neighbours=20, expansion=1.0, floor=0.1, story_distance=0.9, thread_similarity=0.5)

# Full text: chosen on the tune half of the hand-grouped Reuters days, checked on their blind
# half (bench/eval_reuters_days.py). Reuters tune / blind F1 by (cut, same_event):
# (0.6, 0.3) 0.971 / 0.911, (0.7, 0.3) 0.971 / 0.908, (0.8, 0.3) 0.954 / 0.908, (0.7, 0.2)
# 0.965 / 0.895, (0.7, 0.4) 0.968 / 0.911, (0.7, 0.1) about 0.96 / 0.87, (0.7, none) 0.967 / 0.864
# (the last two before the fourth tune day was labelled). Mixing the name cosine into the
# similarity (mean, max, geometric mean) instead of gating did no better on either half.
# Threads: best earlier match at term cosine 0.2, as before (no Reuters thread gold). On the
# wire-sized days of DUC mixed, adding a name floor of 0.3 cut thread F1 (tune 0.859 -> 0.813), and
# linking every passing earlier story made one thread of 15,509 of Reuters' 21,578 wires.
FULL_TEXT = Regime(neighbours=20, expansion=0.0, floor=0.1, story_distance=0.7, thread_similarity=0.2,
                   same_event=0.3)

# Long text: stories as before issue 12 (cut and expansion chosen on WikiRef220: sensitivity in
# bench/eval_stories.py --sensitivity, purity 0.90-0.96 for cut 0.7-0.85). Threads (see threads.py)
# chosen on the tune clusters of DUC mixed in one folder (bench/eval_duc_mixed.py), thread F1
# tune / blind by (term cosine, name cosine), linking to every passing earlier story:
# (0.2, 0) best-only, as before: 0.826 / 0.822; (0.15, 0.05) 0.859 / 0.852; (0.12, 0.1) 0.883 / 0.868;
# (0.1, 0.1) 0.902 / 0.855 (blind precision 1.000 -> 0.937). 0.12 is within one link of 0.1 on five
# tune clusters and keeps precision; 0.3 on names cut recall to 0.508 / 0.620.
LONG_TEXT = Regime(neighbours=20, expansion=1.0, floor=0.1, story_distance=0.75, thread_similarity=0.12,
                   thread_names=0.1, thread_all=True)

STORY_DISTANCE = FULL_TEXT.story_distance  # kept for callers of the first cut
HEADLINE_TOKENS = 20  # a profile with fewer tokens than this is a headline
LONG_WORDS = 350  # an article with a body longer than this is long text
MAX_DENSE_DAY = 5000  # above this many articles in one day, cluster in blocks (memory)
BLOCK_ROWS = 1000  # rows per block of such a day: a dense block costs its square, so small blocks keep it linear
BLOCK_MERGE_SIMILARITY = 0.5


def regime_for(profiles: list[str], lengths: list[int] | None = None) -> Regime:
    """The regime of a day from its articles' profiles and body lengths (in words), see `regime_by_size`."""
    return regime_by_size([len(p.split()) for p in profiles], lengths)


def regime_by_size(profile_words: list[int], lengths: list[int] | None = None) -> Regime:
    """Headline regime when most profiles are headline-sized; long-text regime when most bodies
    are longer than `LONG_WORDS`; the full-text (wire) regime otherwise."""
    if not profile_words:
        return FULL_TEXT
    short = sum(1 for words in profile_words if words < HEADLINE_TOKENS)
    if short * 2 > len(profile_words):
        return HEADLINES
    long = sum(1 for words in lengths or [] if words > LONG_WORDS)
    return LONG_TEXT if long * 2 > len(profile_words) else FULL_TEXT


def _neighbour_mix(similarity: np.ndarray, neighbours: int, floor: float):
    """Sparse row-stochastic weights over each row's k most similar rows (at least `floor`)."""
    import scipy.sparse as sp

    count = similarity.shape[0]
    k = min(neighbours, count - 1)
    if k <= 0:
        return None
    similarity = similarity.copy()
    np.fill_diagonal(similarity, -1.0)
    nearest = np.argpartition(-similarity, k - 1, axis=1)[:, :k]
    weights = np.take_along_axis(similarity, nearest, axis=1)
    weights = np.where(weights >= floor, weights, 0.0).astype(np.float32)
    totals = weights.sum(axis=1, keepdims=True)
    weights = np.divide(weights, totals, out=np.zeros_like(weights), where=totals > 0)
    return sp.csr_matrix((weights.ravel(), (np.repeat(np.arange(count), k), nearest.ravel())), shape=(count, count))


def expand(matrix, neighbours: int, weight: float, floor: float = 0.0):
    """Rows topped up with the similarity-weighted mean of their nearest neighbours, L2-normalised.

    `matrix` holds one day's rows; the n×n similarity is dense but per day only.
    """
    if matrix.shape[0] <= 1 or weight <= 0:
        return matrix
    mix = _neighbour_mix(dense_similarity(matrix), neighbours, floor)
    return matrix if mix is None else l2_rows(matrix + weight * (mix @ matrix))


def expanded_similarity(matrix, neighbours: int, weight: float, floor: float = 0.0) -> np.ndarray:
    """Cosine similarity of the rows of `expand(matrix, ...)`, computed without building them.

    With A = I + weight·W (W the neighbour weights), the expanded rows are A·X up to norms, so
    their Gram matrix is A·S·Aᵀ with S = X·Xᵀ: two sparse-times-dense products instead of a
    product of much denser expanded rows.
    """
    import scipy.sparse as sp

    similarity = dense_similarity(matrix)
    mix = _neighbour_mix(similarity, neighbours, floor) if weight > 0 else None
    if mix is None:
        return similarity
    blend = (sp.identity(similarity.shape[0], dtype=np.float32, format="csr") + weight * mix).tocsr()
    gram = np.asarray(blend @ np.asarray(blend @ similarity).T)  # (A S Aᵀ)ᵀ = A S Aᵀ (S symmetric)
    norms = np.sqrt(np.clip(np.diag(gram), 1e-12, None))
    gram /= norms[:, None]
    gram /= norms[None, :]
    return gram


def cluster_rows(matrix, distance: float | None = None, similarity: np.ndarray | None = None) -> list[int]:
    """Cluster labels for the rows of an L2-normalised matrix (average linkage, cosine).

    `similarity` may be given instead of the matrix (e.g. from `expanded_similarity`).
    """
    if similarity is None:
        count = matrix.shape[0] if matrix is not None else 0
        if count <= 1:
            return [0] * count
        similarity = dense_similarity(matrix)
    count = similarity.shape[0]
    if count <= 1:
        return [0] * count
    from scipy.cluster.hierarchy import fcluster, linkage

    # condensed distances (upper triangle, row by row) without a second n×n float64 copy
    upper = np.triu_indices(count, k=1)
    distances = np.clip(1.0 - similarity[upper].astype(np.float64), 0.0, 2.0)
    tree = linkage(distances, method="average")
    cut = STORY_DISTANCE if distance is None else distance
    return [int(label) - 1 for label in fcluster(tree, t=cut, criterion="distance")]


def cluster_day(matrix, regime: Regime, names=None, rows: list[int] | None = None) -> list[int]:
    """Story labels for one day's rows (`matrix` holds them; `rows` are their indices in `names`).

    A day larger than `MAX_DENSE_DAY` (an undated archive is one "day") would need an n×n
    matrix beyond reason, so it is clustered in blocks of rows, and the blocks'
    clusters are then merged when their centroids are clearly alike (average linkage of
    centroids at cosine `BLOCK_MERGE_SIMILARITY`, without expansion: centroids are already
    smooth). An approximation, for memory's and time's sake: the rows are first put in
    similarity order (`similarity_order`), so a block holds alike articles, and blocks are
    `BLOCK_ROWS` long, so the dense work grows linearly with the day (grouping 20,000 tiny
    undated articles: 20.5 s in blocks of `MAX_DENSE_DAY` consecutive rows, 5.8 s now).
    """
    count = matrix.shape[0] if matrix is not None else 0
    if count <= 1:
        return [0] * count
    rows = list(range(count)) if rows is None else rows
    if count <= MAX_DENSE_DAY:
        return cluster_rows(None, regime.story_distance, similarity=day_similarity(matrix, regime, names, rows))
    return _cluster_blocks(matrix, regime, names, rows)


def day_similarity(matrix, regime: Regime, names, rows: list[int]) -> np.ndarray:
    """The similarity linkage sees: expanded (headlines), then zeroed where the same-event test fails."""
    similarity = expanded_similarity(matrix, regime.neighbours, regime.expansion, regime.floor)
    allowed = same_event.passes(names, rows, regime.same_event)
    if allowed is not None:
        similarity = np.where(allowed, similarity, 0.0).astype(np.float32)
    return similarity


def _cluster_blocks(matrix, regime: Regime, names, rows: list[int]) -> list[int]:
    import scipy.sparse as sp

    count = matrix.shape[0]
    labels = np.empty(count, dtype=np.int64)
    offset = 0
    order, size = similarity_order(matrix), min(BLOCK_ROWS, MAX_DENSE_DAY)  # a block is never split again
    for start in range(0, count, size):
        picked = order[start : start + size]
        block = np.asarray(cluster_day(matrix[picked], regime, names, [rows[i] for i in picked]))
        labels[picked] = block + offset
        offset += int(block.max()) + 1
    membership = sp.csr_matrix((np.ones(count, dtype=np.float32), (labels, np.arange(count))), shape=(offset, count))
    centroids = l2_rows(membership @ matrix)
    if offset > MAX_DENSE_DAY:  # too many even so: leave the blocks' stories apart
        return [int(label) for label in labels]
    merged = np.asarray(cluster_rows(centroids, 1.0 - BLOCK_MERGE_SIMILARITY))
    return [int(label) for label in merged[labels]]


SIGNATURE_BITS = 16  # random hyperplanes of `similarity_order`


def similarity_order(matrix) -> np.ndarray:
    """Row indices sorted by a SimHash signature (signs of projections on fixed random
    hyperplanes), input order breaking ties: rows of high cosine share most bits, so they
    sort near each other and consecutive blocks hold alike articles. Linear in the rows."""
    planes = np.random.default_rng(0).standard_normal((matrix.shape[1], SIGNATURE_BITS)).astype(np.float32)
    projected = np.asarray(matrix @ planes)
    bits = (projected > 0).astype(np.int64)
    keys = bits @ (1 << np.arange(SIGNATURE_BITS, dtype=np.int64))
    return np.argsort(keys, kind="stable")
