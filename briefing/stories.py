"""Group articles into days and stories, and link the same running story across days.

- **Days**: an article's day is its publication date, or the day of its timestamp in the
  configured timezone when the source gave a full timestamp.
- **Stories**: within a day, articles are clustered by TF-IDF similarity of their title and
  lead (names count double: stories are about someone or somewhere), with average-linkage
  agglomerative clustering cut at a fixed cosine distance. Duplicates join their original.
- **Threads**: stories of different days whose centroids are similar enough share a thread id
  (union-find, so a story running for a week chains day to day).

One vocabulary is fitted over the whole corpus so similarities across days are comparable.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import numpy as np

from .model import Article
from .sentences import split_sentences

STORY_DISTANCE = 0.75  # average-linkage cosine distance at which a day's clusters stop merging
THREAD_SIMILARITY = 0.3  # centroid cosine above which stories of different days are one thread
THREAD_WINDOW_DAYS = 7
LEAD_SENTENCES = 3

_NAME = re.compile(r"\b[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*\b|\b[A-Z]{2,}\b")


@dataclass
class StoryGroup:
    """Articles of one story on one day (ids), before summaries are written."""

    day: dt.date | None
    article_ids: list[str]
    thread: str = ""
    id: str = ""
    score: float = 0.0
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
    """What a story is about: title twice, the lead, and the names in them once more."""
    lead = " ".join(split_sentences(article.text)[:LEAD_SENTENCES]) if article.text else ""
    title = article.title or ""
    core = f"{title} {title} {lead}"
    names = " ".join(_NAME.findall(core))
    return f"{core} {names}"


def vectorize(texts: list[str]):
    """L2-normalised TF-IDF rows (sparse) over one vocabulary for all texts."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not any(t.strip() for t in texts):
        return None
    vectorizer = TfidfVectorizer(
        stop_words="english", sublinear_tf=True, ngram_range=(1, 2), min_df=1, max_df=0.5 if len(texts) > 20 else 1.0,
        token_pattern=r"(?u)\b[^\W\d_][\w'’-]*\b", lowercase=True, dtype=np.float32,
    )
    try:
        return vectorizer.fit_transform(texts)
    except ValueError:  # empty vocabulary (all stop words)
        return None


def cluster_rows(matrix, distance: float | None = None) -> list[int]:
    """Cluster labels for the rows of an L2-normalised matrix (average linkage, cosine)."""
    count = matrix.shape[0] if matrix is not None else 0
    if count <= 1:
        return [0] * count
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    similarity = (matrix @ matrix.T).toarray() if hasattr(matrix, "toarray") else matrix @ matrix.T
    distances = np.clip(1.0 - similarity, 0.0, 2.0)
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(distances, checks=False), method="average")
    cut = STORY_DISTANCE if distance is None else distance
    return [int(label) - 1 for label in fcluster(tree, t=cut, criterion="distance")]


def group_stories(articles: list[Article], timezone: str | None = None) -> list[StoryGroup]:
    """Stories per day (undated articles as one more 'day' of None), with thread ids."""
    originals = [a for a in articles if not a.duplicate_of]
    matrix = vectorize([profile_text(a) for a in originals])
    row_of = {a.id: i for i, a in enumerate(originals)}
    by_day: dict[dt.date | None, list[Article]] = defaultdict(list)
    for article in originals:
        by_day[article_day(article, timezone)].append(article)
    copies: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        if article.duplicate_of:
            copies[article.duplicate_of].append(article.id)
    groups: list[StoryGroup] = []
    for day, members in by_day.items():
        rows = [row_of[a.id] for a in members]
        labels = cluster_rows(matrix[rows] if matrix is not None else None)
        clusters: dict[int, list[Article]] = defaultdict(list)
        for article, label in zip(members, labels or [0] * len(members)):
            clusters[label].append(article)
        for cluster in clusters.values():
            ids = [a.id for a in cluster]
            every = [i for a in cluster for i in [a.id, *copies.get(a.id, [])]]
            groups.append(StoryGroup(day, every, originals=ids))
    _link_threads(groups, matrix, row_of)
    for group in groups:
        group.id = _stable_id("story", group.day, group.article_ids)
    return groups


def _centroid(matrix, rows: list[int]):
    vector = np.asarray(matrix[rows].mean(axis=0)).ravel()
    norm = np.linalg.norm(vector)
    return vector / norm if norm else vector


def _link_threads(groups: list[StoryGroup], matrix, row_of: dict[str, int]) -> None:
    parent = list(range(len(groups)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    dated = [i for i, g in enumerate(groups) if g.day is not None]
    if matrix is not None and len(dated) > 1:
        centroids = np.vstack([_centroid(matrix, [row_of[a] for a in groups[i].originals]) for i in dated])
        similarity = centroids @ centroids.T
        days = np.array([groups[i].day.toordinal() for i in dated])
        gap = np.abs(days[:, None] - days[None, :])
        pairs = np.argwhere((similarity >= THREAD_SIMILARITY) & (gap > 0) & (gap <= THREAD_WINDOW_DAYS))
        for a, b in pairs:
            if a < b:
                parent[root(dated[a])] = root(dated[b])
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(groups)):
        members[root(index)].append(index)
    for indices in members.values():
        every = sorted(i for g in indices for i in groups[g].article_ids)
        thread = _stable_id("thread", None, every)
        for index in indices:
            groups[index].thread = thread


def _stable_id(prefix: str, day: dt.date | None, ids: list[str]) -> str:
    digest = hashlib.sha1(("|".join(sorted(ids)) + str(day)).encode()).hexdigest()[:10]
    return f"{prefix[0]}-{digest}"
