"""Which sentences make the summary: candidates, concept coverage, redundancy, reading order.

* Before ranking we drop what an editor would never quote (`hygiene`) and sentences off the
  story's topic (low similarity to the centroid of the *other* articles, e.g. a vaccine
  sidebar inside a Ukraine story).
* The default method, "coverage", is concept coverage (Gillick & Favre 2009): a summary is
  good when it covers many content bigrams that several articles repeat, more so when the
  articles put them in their leads. We pick greedily by new covered weight per ~sqrt(words)
  (budgeted submodular greedy, Lin & Bilmes 2010), so repeats across sources add nothing,
  and near-duplicates are also forbidden outright.
* sumy's rankers go through the same filters, redundancy removal (MMR-style) and budget.
* Picked sentences are ordered for reading: lead sentences first, then by article date and
  position in the article; a sentence that leans on the one before it comes right after it.
"""

from __future__ import annotations

from collections import Counter
from itertools import chain

import numpy as np
from scipy import sparse

from ...core.config import ALGORITHMS
from ...core.model import Article
from . import hygiene, quick
from .rankers import sumy_scores
from .story import SummarySentence, _build_story, _Story, _Unit
from . import vectors
from .tokens import _bigrams
from .vectors import _group_sums, _row_dots, _settled, _similarity, _vectors

_UNKNOWN = object()  # no TF-IDF rows at hand for the candidates (None means: no content words)

#: Two sentences at least this similar (content-word cosine) say the same thing.
NEAR_DUPLICATE = 0.4
#: Off topic: similarity to the rest of the story below this share of the typical sentence's.
OFF_TOPIC_SHARE = 0.2
#: Concept weighting (fixed, chosen by leave-one-cluster-out on DUC 2003, see bench/eval_duc.py):
#: a bigram counts from FLOOR articles on (all of them in smaller stories), and gains
#: LEAD_BONUS for each article that has it in its first LEAD_UNITS sentences.
FLOOR = 3
LEAD_BONUS = 2.0
LEAD_UNITS = 2
#: Stories above this many candidate sentences are pre-selected by centroid + position score.
MAX_CANDIDATES = 400
#: Gain per words**LENGTH_POWER. 0.5 (sqrt) was picked while a short "But…"/"And…" sentence
#: could be used alone; now that a leaning sentence needs its antecedent, a slightly stronger
#: length penalty does better: DUC 2003 R-2 plateaus at about 11.0 for 0.54-0.60 (tune half
#: flat at 10.96 from 0.45 to 0.55, blind 10.62 -> 11.06), and leave-one-cluster-out over a
#: 54-setting grid (power x lead bonus x lead size) picks 0.55 for every held-out cluster.
LENGTH_POWER = 0.55


def _topic_similarity(story: _Story, ids: list[int], matrix) -> np.ndarray:
    """Cosine of each unit to the centroid of the *other* articles (its own, for one article).

    A sidebar sentence shares its own article's words but none of the story's, so leaving its
    article out exposes it.
    """
    n = len(ids)
    if matrix is None or n == 0:
        return np.zeros(n)
    docs = [story.units[i].doc for i in ids]
    total = np.asarray(matrix.sum(axis=0)).ravel()
    total_norm = float(np.linalg.norm(total))
    if not total_norm:
        return np.zeros(n)
    if len(set(docs)) == 1:  # one article: similarity to its own centroid
        return _settled(np.asarray(matrix @ (total / total_norm)).ravel())
    _, doc_of = np.unique(np.array(docs), return_inverse=True)
    # All articles at once (a loop over articles slicing the sparse matrix cost seconds on big
    # stories): unit·(total - own) / |total - own|, with |total - own|² expanded.
    own = _group_sums(matrix, doc_of)  # per article: the sum of its units' rows
    numerator = np.asarray(matrix @ total).ravel() - _row_dots(matrix, own[doc_of])
    squared = total_norm**2 - 2 * np.asarray(own @ total).ravel() + _row_dots(own, own)
    norms = np.sqrt(np.maximum(squared, 0.0))[doc_of]
    safe = norms > 1e-9 * total_norm
    return _settled(np.where(safe, numerator / np.where(safe, norms, 1.0), 0.0))


def _quotable(unit: _Unit) -> bool:
    return hygiene.is_quotable(unit.text, unit.words)


def _followers(story: _Story, alone: set[int], leaning: set[int]) -> list[int]:
    """Quotable sentences that lean on the one before them (a pronoun, a connective: `leaning`):
    each may be picked only once that sentence is, and is then read right after it."""
    made: list[int] = []
    for doc_ids in story.doc_units:
        for before, after in zip(doc_ids, doc_ids[1:]):
            if (before in alone or (made and made[-1] == before)) and after in leaning:
                story.units[after].leans_on = before  # the one before may itself follow another ("He… He also…")
                made.append(after)
    return made


def _pairs(story: _Story, followers: list[int], alone: set[int]) -> list[int]:
    """Each follower with the sentence it leans on, as one more candidate unit: the two may
    be worth more together than the first is alone."""
    made = []
    for after in followers:
        before = story.units[after].leans_on
        if before in alone:
            first, second = story.units[before], story.units[after]
            story.units.append(_Unit(first.article, first.doc, first.indices + second.indices, first.texts + second.texts,
                                     first.position, joins=(before, after)))
            made.append(len(story.units) - 1)
    return made


def _overlaps(story: _Story, ids: list[int]) -> np.ndarray:
    """Candidates that share a sentence (a pair and either of its parts)."""
    where = {i: k for k, i in enumerate(ids)}
    mask = np.zeros((len(ids), len(ids)), bool)
    for k, i in enumerate(ids):
        for part in story.units[i].joins:
            if (j := where.get(part)) is not None:
                mask[k, j] = mask[j, k] = True
    return mask


def _same_words(story: _Story, ids: list[int]) -> np.ndarray:
    """Candidates with a sentence of (nearly) the same words: a pair is compared by its parts,
    so two pairs that each end on the same stock sentence are not both picked."""
    parts = [(k, story.units[j].text) for k, i in enumerate(ids) for j in (story.units[i].joins or (i,))]
    same = hygiene.same_words([text for _, text in parts])
    owner = np.array([k for k, _ in parts], dtype=int)
    mask = np.zeros((len(ids), len(ids)), bool)
    rows, cols = np.nonzero(same)
    mask[owner[rows], owner[cols]] = True
    return mask


def _candidates(story: _Story) -> tuple[list[int], np.ndarray]:
    """Quotable, on-topic unit ids and their topic similarity (see `_candidates_and_vectors`)."""
    ids, sims, _ = _candidates_and_vectors(story)
    return ids, sims


def _candidates_and_vectors(story: _Story):
    """Quotable, on-topic unit ids, their topic similarity, and their TF-IDF rows when no
    candidate was dropped as off topic (else None): the redundancy step then reuses the rows
    instead of building the same matrix again (a single-article story keeps them all).

    A sentence that leans on one not shown is never a candidate alone (see `hygiene`), only
    in a pair after the sentence it leans on. When a story has no quotable sentence, whole
    sentences that stand on their own will do, then any whole sentence, never a fragment.
    """
    return _on_topic(story, _candidate_ids(story))


def _candidate_ids(story: _Story) -> list[int]:
    """The candidate unit ids before the topic test (see `_candidates_and_vectors`)."""
    units = story.units
    quotable = [i for i, u in enumerate(units) if _quotable(u)]
    leaning = {i for i in quotable if hygiene.leans_back(units[i].text)}  # each sentence judged once
    ids = [i for i in quotable if i not in leaning]
    if ids:
        followers = _followers(story, set(ids), leaning)
        return sorted(ids + followers) + _pairs(story, followers, set(ids))
    readable = [i for i, u in enumerate(units) if u.words > 0 and hygiene.is_readable(u.text)]
    return [i for i in readable if not hygiene.leans_back(units[i].text)] or readable[:1]


def _on_topic(story: _Story, ids: list[int]):
    """`ids` less the off-topic ones, their topic similarity and TF-IDF rows (see
    `_candidates_and_vectors`)."""
    matrix = _vectors([story.units[i].text for i in ids])
    sims = _topic_similarity(story, ids, matrix)
    if len(ids) > 2:
        typical = _median(sims)
        keep = sims >= OFF_TOPIC_SHARE * typical if typical > 0 else np.ones(len(ids), bool)
        if keep.any() and not keep.all():
            ids = [i for i, k in zip(ids, keep) if k]
            sims = sims[keep]
            matrix = _UNKNOWN  # the rows of fewer texts have other idf weights: build them again
    return ids, sims, matrix


def _median(values: np.ndarray) -> float:
    """`float(np.median(values))` of finite values without numpy's per-call machinery (a tenth
    of a millisecond, per story): the middle value, or the two middle ones' sum halved, as
    numpy's mean of them computes it."""
    ordered = sorted(values.tolist())
    middle = len(ordered) // 2
    return float(ordered[middle]) if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _antecedents(story: _Story, ids: list[int]) -> np.ndarray:
    """Per candidate, the candidate index of the sentence it leans on (-1: none; -2: not a candidate)."""
    where = {i: k for k, i in enumerate(ids)}
    return np.array([where.get(story.units[i].leans_on, -2) if story.units[i].leans_on >= 0 else -1 for i in ids], dtype=int)


def _prior(story: _Story, ids: list[int], sims: np.ndarray) -> np.ndarray:
    """Centrality times a lead bonus: cheap, used to pre-select and to break ties."""
    positions = np.array([story.units[i].position for i in ids], dtype=float)
    return (sims + 0.05) * (1.0 + 1.0 / (1.0 + positions))






def _fits(words: int, count: int, unit: _Unit, budget_words: int | None, budget_count: int | None) -> bool:
    if budget_words is not None and words + unit.words > budget_words:
        return False
    if budget_count is not None and count + len(unit.indices) > budget_count:
        return False
    return True


def _greedy(story: _Story, ids: list[int], scores: np.ndarray, sim: np.ndarray,
            budget_words: int | None, budget_count: int | None) -> list[int]:
    """Best-first with redundancy removal: skip what repeats a pick or does not fit the budget."""
    picked: list[int] = []
    words = count = 0
    antecedent = _antecedents(story, ids)
    for k in np.argsort(-scores, kind="stable"):
        unit = story.units[ids[k]]
        if antecedent[k] != -1 and antecedent[k] not in picked:
            continue  # leans on a sentence not (yet) in the summary
        if any(sim[k, j] >= NEAR_DUPLICATE for j in picked):
            continue
        if not _fits(words, count, unit, budget_words, budget_count):
            continue
        picked.append(int(k))
        words += unit.words
        count += len(unit.indices)
    return [ids[k] for k in picked]


def _concept_weights(story: _Story, ids: list[int]) -> dict[tuple[str, str], float]:
    """Bigram weights: in how many articles a bigram appears, plus a bonus per article lead.

    What several sources repeat is the story (Gillick & Favre's concepts); what they put in
    their first sentences is its news (the lead is the strongest single baseline in news).
    Bigrams in fewer than `FLOOR` articles are noise in a big cluster and get no weight.
    With one article every bigram has document frequency 1, so we count occurrences instead.
    """
    units = story.units
    # the counts run in C over the bigram sets (chain), in the order a loop over them takes
    if sum(1 for doc_ids in story.doc_units if doc_ids) < 2:
        # one article (most wire stories): occurrences in the candidates, leads from its first
        # units, and no bigrams of the sentences that are neither (the same weights, same order)
        leads = Counter(chain.from_iterable(set().union(*[_bigrams(units[i].text) for i in doc_ids[:LEAD_UNITS]])
                                            for doc_ids in story.doc_units))
        counts = Counter(chain.from_iterable([_bigrams(units[i].text) for i in ids]))
        return {b: n + LEAD_BONUS * leads[b] for b, n in counts.items() if n >= 2}
    bags = [[_bigrams(units[i].text) for i in doc_ids] for doc_ids in story.doc_units]
    per_doc = [set().union(*bag) for bag in bags if bag]
    leads = Counter(chain.from_iterable(set().union(*bag[:LEAD_UNITS]) for bag in bags))
    counts = Counter(chain.from_iterable(per_doc))
    floor = min(FLOOR, len(per_doc))
    return {b: n + LEAD_BONUS * leads[b] for b, n in counts.items() if n >= floor}


def _coverage(story: _Story, ids: list[int], prior: np.ndarray, sim: np.ndarray,
              budget_words: int | None, budget_count: int | None) -> list[int]:
    """Greedy budgeted concept coverage (Lin & Bilmes 2010 style), vectorised.

    Repeatedly add the unit with the most *not yet covered* concept weight per
    words**LENGTH_POWER (about sqrt):
    coverage is submodular, so a repeat across sources gains nothing, and the length
    normalisation keeps long sentences from eating the budget. We measured an exact integer
    program (HiGHS) too: no better on DUC 2003, slower, and it prints debug lines to stdout.
    Falls back to the centrality prior when no concept is shared.
    """
    if _all_picked(story, ids, sim, budget_words, budget_count):
        return list(ids)  # in any order: `_for_reading` orders them by keys that differ
    weights = _concept_weights(story, ids)
    if not weights:
        return _greedy(story, ids, prior, sim, budget_words, budget_count)
    has = _incidence(weights, [_bigrams(story.units[i].text) for i in ids])
    w = np.fromiter(weights.values(), float, len(weights))
    # A tiny prior breaks ties between equal gains in favour of central, early sentences.
    tie = 1e-3 * prior / (prior.max() or 1.0)
    lengths = np.array([story.units[i].words for i in ids], dtype=float)
    sizes = np.array([len(story.units[i].indices) for i in ids], dtype=float)
    open_ = np.ones(len(ids), bool)
    antecedent = _antecedents(story, ids)
    ready = antecedent == -1  # a follower waits for the sentence it leans on
    uncovered = w.copy()
    picked: list[int] = []
    words = count = 0.0
    per_word = lengths**LENGTH_POWER  # once, not per pick (the same numbers)
    while True:
        if budget_words is not None:
            open_ &= words + lengths <= budget_words
        if budget_count is not None:
            open_ &= count + sizes <= budget_count
        live = open_ & ready
        if not live.any():
            break
        gain = (has @ uncovered + tie) / per_word
        gain[~live] = -1.0
        best = int(np.argmax(gain))
        if gain[best] <= 0:
            break
        picked.append(best)
        open_[best] = False
        ready |= antecedent == best
        open_ &= sim[best] < NEAR_DUPLICATE
        uncovered[_row_columns(has, best)] = 0.0  # the concepts it covers
        words += lengths[best]
        count += sizes[best]
    return [ids[j] for j in picked]


def _all_picked(story: _Story, ids: list[int], sim: np.ndarray, budget_words: int | None, budget_count: int | None) -> bool:
    """The greedy would pick every candidate (a short single wire, most stories): together they
    fit the budget, none waits for a sentence it leans on and no two say the same (`sim` below
    NEAR_DUPLICATE off its diagonal). Every gain is positive (the tie-breaking prior is), so
    each round picks one until none is left, whatever the concept weights."""
    if not quick.fit_together([story.units[i] for i in ids], budget_words, budget_count):
        return False
    return int(np.count_nonzero(sim >= NEAR_DUPLICATE)) == len(ids)  # the diagonal is 1


def _incidence(weights: dict, bags: list[frozenset]):
    """The 0/1 unit x concept matrix (a concept per key of `weights`, in their order; a unit
    per bag of bigrams): dense when small (products of 0/1 and the concept weights are exact
    either way, so the choice never changes a pick)."""
    concepts = {c: k for k, c in enumerate(weights)}
    shape = (len(bags), len(concepts))
    if shape[0] * shape[1] <= vectors.DENSE_CELLS:
        # where each 1 is written does not matter: each unit's concepts by a set intersection, in C
        found = [concepts.keys() & bag for bag in bags]
        rows = np.repeat(np.arange(len(bags)), [len(f) for f in found])
        cols = np.fromiter(map(concepts.__getitem__, chain.from_iterable(found)), dtype=np.intp, count=len(rows))
        has = np.zeros(shape)
        has[rows, cols] = 1.0
        return has
    rows_, cols_ = [], []  # in each bag's order, as the sparse matrix has always been built
    for j, bag in enumerate(bags):
        for b in bag:
            if b in concepts:
                rows_.append(j)
                cols_.append(concepts[b])
    return sparse.csr_matrix((np.ones(len(rows_)), (rows_, cols_)), shape=shape)


def _row_columns(matrix, row: int) -> np.ndarray:
    """The columns where `row` is non-zero (slicing a sparse row would build a matrix)."""
    if sparse.issparse(matrix):
        return matrix.indices[matrix.indptr[row] : matrix.indptr[row + 1]]
    return np.flatnonzero(matrix[row])




def summarize(articles: list[Article], words: int | None = 100, sentences: int | None = None,
              algorithm: str = "coverage") -> list[SummarySentence]:
    """An extractive summary of one story told by `articles`, ordered for reading.

    `words` caps the total words (a sentence that would exceed it is never cut, only left
    out); `sentences` caps the number of sentences; with both set, both hold; with neither,
    100 words. `algorithm` is "coverage" (default, measured best on DUC 2003) or one of sumy's
    "lexrank", "textrank", "lsa", "luhn". Never raises on empty or degenerate input.
    """
    if algorithm not in ALGORITHMS:
        raise ValueError(f"unknown summary algorithm {algorithm!r}; choose one of {', '.join(ALGORITHMS)}")
    if words is None and sentences is None:
        words = 100
    if not articles or (words is not None and words <= 0) or (sentences is not None and sentences <= 0):
        return []
    story = _build_story(list(articles))
    if not story.units:
        return []
    ids = _candidate_ids(story)
    if len(ids) == 1 and algorithm == "coverage":  # it is picked when it fits, whatever its scores
        return _for_reading(story, ids if _fits(0, 0, story.units[ids[0]], words, sentences) else [])
    if algorithm == "coverage":  # a short single wire: all its candidates, found without matrices
        taken = quick.all_picked(story.units, ids, words, sentences, OFF_TOPIC_SHARE, NEAR_DUPLICATE)
        if taken is not None:
            return _for_reading(story, taken)
    ids, sims, matrix = _on_topic(story, ids)
    if not ids:
        return []
    prior = _prior(story, ids, sims)
    if len(ids) > MAX_CANDIDATES:  # big story: keep the most central, early sentences
        top = np.sort(np.argsort(-prior, kind="stable")[:MAX_CANDIDATES])
        ids, sims, prior = [ids[k] for k in top], sims[top], prior[top]
        matrix = _UNKNOWN
    texts = [story.units[i].text for i in ids]
    sim = _similarity(texts) if matrix is _UNKNOWN else _similarity(texts, matrix)
    sim[_same_words(story, ids)] = 1.0  # the same words say the same thing, whatever the weights
    sim[_overlaps(story, ids)] = 1.0  # never a sentence twice
    if algorithm == "coverage":
        picked = _coverage(story, ids, prior, sim, words, sentences)
    else:
        scores = sumy_scores([story.units[i].text for i in ids], algorithm)
        picked = _greedy(story, ids, scores, sim, words, sentences)
    return _for_reading(story, picked)


def _for_reading(story: _Story, picked: list[int]) -> list[SummarySentence]:
    """Lead sentences first (they state the news), then by article date and position; a
    sentence that leans on another right after it."""

    def key(i: int) -> tuple:
        unit = story.units[i]
        if unit.leans_on >= 0 and unit.leans_on in chosen:
            return (*key(unit.leans_on)[:3], 1)
        return (unit.position > 0, unit.doc, unit.position, 0)

    chosen = set(picked)
    order = sorted(picked, key=key)
    return [
        SummarySentence(text, story.units[i].article, index)
        for i in order
        for index, text in zip(story.units[i].indices, story.units[i].texts)
    ]


