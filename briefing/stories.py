"""Group articles into days and stories, and link the same running story across days.

- **Days**: an article's day is its publication date, or the day of its timestamp in the
  configured timezone when the source gave a full timestamp. Undated articles form one more
  "day" of None. Stories never span days: a day is the unit an editor briefs.
- **Stories**: within a day, articles are clustered by average-linkage agglomerative
  clustering of TF-IDF vectors, cut at a fixed cosine distance. Two things make this work on
  headlines (6-10 words) as well as on full text:

  * *light stemming and possessive folding* ("GM's recall", "recalls"), so the few words a
    headline has can match at all;
  * *neighbour expansion*: each article's vector is topped up with the similarity-weighted
    mean of its nearest neighbours of the same day before clustering. Two headlines of one
    story often share no word ("Mt. Gox files for bankruptcy" / "Bitcoin exchange seeks
    protection") but share neighbours; expansion turns that second-order evidence into cosine
    similarity. It is also what gives a tiny corpus (weak IDF) usable similarities.

  Headlines and bodies need different cuts (a body is a longer, noisier vector whose
  similarities are lower), so a day whose articles are mostly headline-only is clustered with
  the headline regime, otherwise with the full-text regime (`HEADLINES` / `FULL_TEXT`).
  Duplicates join their original.
- **Threads**: a story is linked to its best match among the stories of the preceding
  `THREAD_WINDOW_DAYS` days when the cosine of their centroids reaches the regime's threshold;
  linked stories share a thread id (union-find, so a story running for a week chains day to
  day). Centroids are *not* expanded here: second-order similarity across days links stories
  that merely share a subject (UCI thread F1 0.818 -> 0.756 when tried). Linking only the best
  earlier match limits chaining, but formulaic wire copy (earnings, market reports) still
  forms long threads on Reuters.

One vocabulary (and IDF) is fitted over the whole corpus so similarities across days are
comparable. Everything dense is per day (n×n of one day); across days only story centroids
are compared, in sparse form. Ids are hashes of sorted article ids: the same input gives the
same ids, whatever its order.

Measured (`bench/eval_stories.py`): UCI headlines BCubed F1 0.818 by thread (0.860 by day
story; single-pass TF-IDF 0.722; every UCI gold story lies within one day, so the correct
cross-day links of a running story cost precision there); WikiRef220 purity 0.955, F1 0.952,
16 clusters for 16 labels; Reuters-21578 (21,578 articles) in about 3.5 s.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import numpy as np

from .memo import TokenMemo
from .model import Article
from .stopwords import ENGLISH_STOP_WORDS


@dataclass(frozen=True)
class Regime:
    """Clustering parameters for one kind of text (see the module docstring for why)."""

    neighbours: int  # k of the neighbour expansion
    expansion: float  # weight of the neighbours' mean against the article's own vector
    floor: float  # a neighbour must be at least this similar to count
    story_distance: float  # average-linkage cosine distance (on expanded vectors) to stop merging
    thread_similarity: float  # centroid cosine for linking stories of different days


# Fixed parameters, chosen on UCI (headlines) and WikiRef220 (full text), checked on the
# sample corpus, random 2-12 article corpora drawn from WikiRef220 and pairs of articles.
# Sensitivity (bench/eval_stories.py --sensitivity): UCI thread F1 0.79-0.82 for k 10-30 and
# cut 0.85-0.93, flat for thread similarity 0.4-0.7; WikiRef purity 0.90-0.96 for cut 0.7-0.85
# and a lead of 150-400 words. `floor` is also the similarity at which two lone articles of a
# day merge (a 2-article day expands each into the other): 0.1 merged 0 of 161 unrelated
# WikiRef pairs, 4 of 198 UCI pairs, 22 of 354 Reuters pairs of disjoint topics (in a
# 2-article corpus IDF cannot discount generic business words); 0.2 split WikiRef's
# heterogeneous pages (F1 0.94 -> 0.65).

#: Headline-only articles (feeds, aggregators): few words, so a generous cut.
HEADLINES = Regime(neighbours=20, expansion=1.0, floor=0.1, story_distance=0.9, thread_similarity=0.5)
#: Articles with a body: the profile is title + lead, longer vectors, lower similarities.
#: Threads at 0.2: same-subject stories of different days in a 5-article corpus score 0.25-0.3.
FULL_TEXT = Regime(neighbours=20, expansion=1.0, floor=0.1, story_distance=0.75, thread_similarity=0.2)

STORY_DISTANCE = FULL_TEXT.story_distance  # kept for callers of the first cut
THREAD_SIMILARITY = FULL_TEXT.thread_similarity
THREAD_WINDOW_DAYS = 14
LEAD_WORDS = 250  # about the first ten sentences
HEADLINE_TOKENS = 20  # a profile with fewer tokens than this is a headline
MAX_DENSE_DAY = 5000  # above this many articles in one day, cluster in blocks (memory)
BLOCK_MERGE_SIMILARITY = 0.5

# A capitalised word or an acronym inside a sentence (after a word, comma or bracket, so not
# the sentence's first word).
_NAME = re.compile(r"(?<=[\w,;)] )(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]{2,})\b")
_TOKEN = re.compile(r"[^\W\d_][^\W_]*")
_POSSESSIVE = re.compile(r"['’]s\b")


@dataclass
class StoryGroup:
    """Articles of one story on one day (ids), before summaries are written."""

    day: dt.date | None
    article_ids: list[str]
    thread: str = ""
    id: str = ""
    score: float = 0.0  # cohesion: mean cosine of the articles to the story's centroid
    originals: list[str] = field(default_factory=list)


def article_day(article: Article, timezone: str | None = None) -> dt.date | None:
    if article.date is None:
        return None
    if timezone and article.moment is not None and article.moment.tzinfo is not None:
        try:
            return article.moment.astimezone(ZoneInfo(timezone)).date()
        except Exception:  # unknown zone name: fall back to the day as written
            return article.date
    return article.date


def profile_text(article: Article) -> str:
    """What a story is about: the title twice, the lead, and the lead's names once more.

    The title is the writer's own summary; the lead (first `LEAD_WORDS` words of the body) is
    where news puts who/what/where, while the rest of a long page is often background or page
    furniture. Names (capitalised words inside a sentence) repeat because stories are about
    someone or somewhere. Headlines are Title Case, so names are not read from titles.
    """
    title = article.title or ""
    if not article.text:
        return title
    lead = " ".join(article.text[: LEAD_WORDS * 12].split()[:LEAD_WORDS])
    names = " ".join(_NAME.findall(lead))
    return f"{title} {title} {lead} {names}"


def _stem(word: str) -> str:
    """A light suffix stripper: plural and verb endings only, so 'files', 'filed', 'filing'
    and 'file' meet; aggressive stemmers conflate more than headlines can afford."""
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # stopped -> stop
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def _term(word: str) -> str:
    """A word's stemmed term, "" for a stop word."""
    return "" if word in ENGLISH_STOP_WORDS or len(word) < 2 else _stem(word)


_TERMS = TokenMemo(_term, limit=500_000)  # tokens() is hot: each distinct word is stemmed once


def _normalised(text: str) -> str:
    return _POSSESSIVE.sub("", text.lower()).replace("'", "").replace("’", "")


def tokens(text: str) -> list[str]:
    """Lower-case stemmed content words; possessives folded ("GM's" -> "gm"), numbers dropped."""
    terms = _TERMS
    found = []
    for word in _TOKEN.findall(_normalised(text)):
        term = terms[word]
        if term:
            found.append(term)
    return found


def term_counts(text: str) -> dict[str, int]:
    """`Counter(tokens(text))`, but each distinct word is stemmed and looked up once."""
    terms = _TERMS
    bag: dict[str, int] = {}
    for word, count in Counter(_TOKEN.findall(_normalised(text))).items():
        term = terms[word]
        if term:
            bag[term] = bag.get(term, 0) + count
    return bag


def vectorize(texts: list[str]):
    """L2-normalised TF-IDF rows (sparse CSR, float32) over one vocabulary for all texts.

    Sublinear TF (1 + ln tf) so a repeated word does not dominate; smoothed IDF
    ln((1 + n) / (1 + df)) + 1 as scikit-learn's; no max_df: in a small corpus on one subject
    the subject's words are in every document and still tell it from nothing. Built directly
    (not with TfidfVectorizer) because this is the hot loop on a large corpus. None when no
    text has a content word.
    """
    return vectorize_counts([term_counts(text) for text in texts])


def vectorize_counts(bags: list[dict[str, int]]):
    """`vectorize` from term counts already made (the loader makes them, see briefing.analysis)."""
    import scipy.sparse as sp

    vocabulary: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    values: list[int] = []
    for bag in bags:
        for term, count in bag.items():
            index = vocabulary.setdefault(term, len(vocabulary))
            indices.append(index)
            values.append(count)
        indptr.append(len(indices))
    if not vocabulary:
        return None
    matrix = sp.csr_matrix(
        (np.asarray(values, dtype=np.float32), np.asarray(indices, dtype=np.int32), np.asarray(indptr, dtype=np.int64)),
        shape=(len(bags), len(vocabulary)),
    )
    document_frequency = np.bincount(matrix.indices, minlength=len(vocabulary))
    idf = (np.log((1.0 + len(bags)) / (1.0 + document_frequency)) + 1.0).astype(np.float32)
    matrix.data = (1.0 + np.log(matrix.data)) * idf[matrix.indices]
    return l2_rows(matrix)


def l2_rows(matrix):
    """Sparse rows scaled to unit length (zero rows stay zero)."""
    import scipy.sparse as sp

    matrix = sp.csr_matrix(matrix, dtype=matrix.dtype)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    matrix.data = matrix.data / np.repeat(norms, np.diff(matrix.indptr)).astype(matrix.dtype)
    return matrix


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
    similarity = matrix @ matrix.T
    similarity = similarity.toarray() if hasattr(similarity, "toarray") else np.asarray(similarity)
    mix = _neighbour_mix(similarity, neighbours, floor)
    return matrix if mix is None else l2_rows(matrix + weight * (mix @ matrix))


def expanded_similarity(matrix, neighbours: int, weight: float, floor: float = 0.0) -> np.ndarray:
    """Cosine similarity of the rows of `expand(matrix, ...)`, computed without building them.

    With A = I + weight·W (W the neighbour weights), the expanded rows are A·X up to norms, so
    their Gram matrix is A·S·Aᵀ with S = X·Xᵀ: two sparse-times-dense products instead of a
    product of much denser expanded rows.
    """
    import scipy.sparse as sp

    similarity = matrix @ matrix.T
    similarity = similarity.toarray() if hasattr(similarity, "toarray") else np.asarray(similarity)
    similarity = similarity.astype(np.float32, copy=False)
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
        similarity = matrix @ matrix.T
        similarity = similarity.toarray() if hasattr(similarity, "toarray") else np.asarray(similarity)
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


def regime_for(profiles: list[str]) -> Regime:
    """Headline regime when most profiles are headline-sized, full-text regime otherwise."""
    if not profiles:
        return FULL_TEXT
    short = sum(1 for p in profiles if len(p.split()) < HEADLINE_TOKENS)
    return HEADLINES if short * 2 > len(profiles) else FULL_TEXT


def cluster_day(matrix, regime: Regime) -> list[int]:
    """Story labels for one day's rows: neighbour expansion, then average linkage.

    A day larger than `MAX_DENSE_DAY` (an undated archive is one "day") would need an n×n
    matrix beyond reason, so it is clustered in blocks of consecutive rows, and the blocks'
    clusters are then merged when their centroids are clearly alike (average linkage of
    centroids at cosine `BLOCK_MERGE_SIMILARITY`, without expansion: centroids are already
    smooth). An approximation, for memory's sake.
    """
    count = matrix.shape[0] if matrix is not None else 0
    if count <= 1:
        return [0] * count
    if count <= MAX_DENSE_DAY:
        similarity = expanded_similarity(matrix, regime.neighbours, regime.expansion, regime.floor)
        return cluster_rows(None, regime.story_distance, similarity=similarity)
    import scipy.sparse as sp
    labels = np.empty(count, dtype=np.int64)
    offset = 0
    for start in range(0, count, MAX_DENSE_DAY):
        block = np.asarray(cluster_day(matrix[start : start + MAX_DENSE_DAY], regime))
        labels[start : start + len(block)] = block + offset
        offset += int(block.max()) + 1
    membership = sp.csr_matrix((np.ones(count, dtype=np.float32), (labels, np.arange(count))), shape=(offset, count))
    centroids = l2_rows(membership @ matrix)
    if offset > MAX_DENSE_DAY:  # too many even so: leave the blocks' stories apart
        return [int(label) for label in labels]
    merged = np.asarray(cluster_rows(centroids, 1.0 - BLOCK_MERGE_SIMILARITY))
    return [int(label) for label in merged[labels]]


def group_stories(articles: list[Article], timezone: str | None = None) -> list[StoryGroup]:
    """Stories per day (undated articles as one more 'day' of None), with thread ids."""
    original_of = _original_of(articles)
    originals = sorted((a for a in articles if original_of[a.id] == a.id), key=lambda a: a.id)  # order-free
    from .analysis import terms_of

    profiles = [profile_text(a) for a in originals]
    matrix = vectorize_counts([terms_of(a) for a in originals])
    by_day: dict[dt.date | None, list[int]] = defaultdict(list)
    for row, article in enumerate(originals):
        by_day[article_day(article, timezone)].append(row)
    copies: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        if original_of[article.id] != article.id:
            copies[original_of[article.id]].append(article.id)
    groups: list[StoryGroup] = []
    regimes: list[Regime] = []
    for day in sorted(by_day, key=lambda d: (d is None, d or dt.date.min)):
        rows = sorted(by_day[day], key=lambda r: originals[r].id)
        regime = regime_for([profiles[r] for r in rows])
        labels = cluster_day(matrix[rows] if matrix is not None else None, regime) or [0] * len(rows)
        clusters: dict[int, list[int]] = defaultdict(list)
        for row, label in zip(rows, labels):
            clusters[label].append(row)
        for members in clusters.values():
            ids = [originals[r].id for r in members]
            every = sorted(i for a in ids for i in [a, *copies.get(a, [])])
            groups.append(StoryGroup(day, every, score=_cohesion(matrix, members), originals=sorted(ids)))
            regimes.append(regime)
    row_of = {a.id: i for i, a in enumerate(originals)}
    _link_threads(groups, regimes, matrix, row_of)
    for group in groups:
        group.id = story_id(group.day, group.article_ids)
    groups.sort(key=lambda g: (g.day is None, g.day or dt.date.min, g.id))
    return groups


def _cohesion(matrix, rows: list[int]) -> float:
    """Mean cosine of a story's articles to its centroid (1.0 for one article): how tight it is."""
    if matrix is None or len(rows) <= 1:
        return 1.0
    # mean of m_i · t/|t| over the rows, with t = Σ m_i, is t·t / (|t| n) = |t| / n
    total = np.asarray(matrix[rows].sum(axis=0)).ravel()
    return round(float(np.linalg.norm(total)) / len(rows), 4)


def _original_of(articles: list[Article]) -> dict[str, str]:
    """Each article's original, following chains (a copy of a copy); originals map to themselves."""
    by_id = {a.id: a for a in articles}
    found: dict[str, str] = {}
    for article in articles:
        current, seen = article, {article.id}
        while current.duplicate_of and current.duplicate_of in by_id and current.duplicate_of not in seen:
            current = by_id[current.duplicate_of]
            seen.add(current.id)
        found[article.id] = current.id
    return found


def _link_threads(groups: list[StoryGroup], regimes: list[Regime], matrix, row_of: dict[str, int]) -> None:
    import scipy.sparse as sp
    parent = list(range(len(groups)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    dated = [i for i, g in enumerate(groups) if g.day is not None]
    if matrix is not None and len({groups[i].day for i in dated}) > 1:
        rows, cols = [], []
        for column, index in enumerate(dated):
            for article in groups[index].originals:
                rows.append(row_of[article])
                cols.append(column)
        membership = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (cols, rows)), shape=(len(dated), matrix.shape[0]))
        centroids = l2_rows(membership @ matrix)
        days = np.array([groups[i].day.toordinal() for i in dated])
        for day in np.unique(days):
            current = np.flatnonzero(days == day)
            earlier = np.flatnonzero((days < day) & (days >= day - THREAD_WINDOW_DAYS))
            if not len(earlier):
                continue
            similarity = (centroids[current] @ centroids[earlier].T).toarray()
            best = similarity.argmax(axis=1)
            for position, pick in enumerate(best):
                index = dated[current[position]]
                if similarity[position, pick] >= regimes[index].thread_similarity:
                    parent[root(index)] = root(dated[earlier[pick]])
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(groups)):
        members[root(index)].append(index)
    for indices in members.values():
        every = sorted(i for g in indices for i in groups[g].article_ids)
        thread = _stable_id("thread", None, every)
        for index in indices:
            groups[index].thread = thread


def story_id(day: dt.date | None, article_ids: list[str]) -> str:
    """The id a story of these articles on this day has: the same whoever regroups them."""
    return _stable_id("story", day, article_ids)


def _stable_id(prefix: str, day: dt.date | None, ids: list[str]) -> str:
    digest = hashlib.sha1(("|".join(sorted(ids)) + str(day)).encode()).hexdigest()[:10]
    return f"{prefix[0]}-{digest}"
