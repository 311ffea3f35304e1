"""Days, stories per day, threads across days: `group_stories`, the grouper's entry point."""

from __future__ import annotations

import datetime as dt
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import numpy as np

from ...core.incremental import current
from ...core.model import Article, current_analysis
from .clustering import HEADLINE_TOKENS, LONG_WORDS, Regime, cluster_day, regime_by_size
from .features import LEAD_WORDS, profile_text, term_counts
from .ids import story_id
from .same_event import name_counts
from .threads import link_threads
from .thread_rows import ThreadRows
from .vectors import TermNumbers, vectorize_arrays, vectorize_counts


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
    """The day an article is briefed under: its moment in `timezone` when it has a zoned moment."""
    if article.date is None:
        return None
    if timezone and article.moment is not None and article.moment.tzinfo is not None:
        try:
            return article.moment.astimezone(ZoneInfo(timezone)).date()
        except Exception:  # unknown zone name: fall back to the day as written
            return article.date
    return article.date


def group_stories(articles: list[Article], timezone: str | None = None) -> list[StoryGroup]:
    """Stories per day (undated articles as one more 'day' of None), with thread ids.

    One vocabulary (and IDF) over the whole corpus, so similarities of different days are
    comparable; everything dense is per day. Duplicates join their original's story.
    """
    memo = current()  # a watch round: the features of unchanged articles are kept
    original_of = find_originals(articles)
    originals = sorted((a for a in articles if original_of[a.id] == a.id), key=lambda a: a.id)  # order-free
    vocabulary: dict[str, int] = {}  # the matrix's columns: a watch's thread links compare rounds by term
    sizes_of: list[tuple[int, int]] | None = None
    if memo is not None:
        matrix, names, sizes_of = _watch_vectors(memo, originals, vocabulary)
    else:
        features = [grouping_features_of(a) for a in originals]
        matrix = vectorize_counts([terms for terms, _ in features])
        names = vectorize_counts([found for _, found in features])
        del features  # the per-article dicts are large on a big folder; the matrices hold what is needed
    by_day: dict[dt.date | None, list[int]] = defaultdict(list)
    for row, article in enumerate(originals):
        by_day[article_day(article, timezone)].append(row)
    copies: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        if original_of[article.id] != article.id:
            copies[original_of[article.id]].append(article.id)
    groups: list[StoryGroup] = []
    regimes: list[Regime] = []
    members_of: list[list[int]] = []
    for day in sorted(by_day, key=lambda d: (d is None, d or dt.date.min)):
        rows = by_day[day]  # in row order, so in id order (the originals are sorted by id)
        sizes = [sizes_of[r] for r in rows] if sizes_of is not None else [_sizes(originals[r]) for r in rows]
        regime = regime_by_size([s[0] for s in sizes], [s[1] for s in sizes])
        labels = cluster_day(matrix[rows] if matrix is not None else None, regime, names, rows) or [0] * len(rows)
        clusters: dict[int, list[int]] = defaultdict(list)
        for row, label in zip(rows, labels):
            clusters[label].append(row)
        for members in clusters.values():
            ids = [originals[r].id for r in members]
            every = sorted([*ids, *(c for a in ids if a in copies for c in copies[a])])
            groups.append(StoryGroup(day, every, originals=sorted(ids)))
            members_of.append(members)
            regimes.append(regime)
    for group, score in zip(groups, _cohesions(matrix, members_of)):
        group.score = score
    link_threads(groups, regimes, matrix, {a.id: i for i, a in enumerate(originals)}, names,
                 kept=memo.kept("thread rows", ThreadRows) if memo else None, vocabulary=vocabulary)
    for group in groups:
        if memo is None:
            group.id = story_id(group.day, group.article_ids, group.originals)
        else:
            inputs = (group.day, tuple(group.article_ids), tuple(group.originals))
            group.id = memo.once("story id", inputs, lambda group=group: story_id(group.day, group.article_ids, group.originals))
    groups.sort(key=lambda g: (g.day is None, g.day or dt.date.min, g.id))
    return groups


def _sizes(article: Article) -> tuple[int, int]:
    """(words of the profile, words of the body up to `LONG_WORDS` + 1): what the regime needs.

    Counted on the first few thousand characters only: building every profile, or splitting
    whole texts, cost about a second on Reuters. The profile is only built when the count
    is near the headline threshold (its names could tip it).
    """
    text = article.text[: max(LEAD_WORDS, LONG_WORDS) * 12]
    words = len(text.split())
    profile = 2 * len((article.title or "").split()) + min(words, LEAD_WORDS) if text else len((article.title or "").split())
    if profile < HEADLINE_TOKENS + 5:
        profile = len(profile_text(article).split())
    return profile, min(words, LONG_WORDS + 1)


def _cohesions(matrix, members_of: list[list[int]]) -> list[float]:
    """Mean cosine of each story's articles to its centroid (1.0 for one article): how tight it is.

    The mean of m_i · t/|t| over a story's rows, with t = Σ m_i, is t·t / (|t| n) = |t| / n; all
    stories' sums come from one sparse product (per story, slicing cost seconds on Reuters).
    """
    import scipy.sparse as sp

    if matrix is None or not members_of:
        return [1.0] * len(members_of)
    sizes = np.array([len(m) for m in members_of], dtype=np.float64)
    rows = np.repeat(np.arange(len(members_of)), sizes.astype(np.int64))
    cols = np.fromiter((r for m in members_of for r in m), dtype=np.int64, count=len(rows))
    membership = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(members_of), matrix.shape[0]))
    totals = membership @ matrix
    norms = np.sqrt(np.asarray(totals.multiply(totals).sum(axis=1), dtype=np.float64).ravel())
    return [1.0 if size <= 1 else round(float(norm) / size, 4) for norm, size in zip(norms, sizes)]


def find_originals(articles: list[Article]) -> dict[str, str]:
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


def _watch_vectors(memo, originals: list[Article], vocabulary: dict):
    """The term and name matrices of `group_stories` in a watch round, from arrays made once per
    article (`vectors.TermNumbers`): the same matrices, bit for bit, as `vectorize_counts`;
    and each article's `_sizes`, kept with them."""
    terms, names = memo.kept("term numbers", TermNumbers), memo.kept("name numbers", TermNumbers)

    def arrays(article: Article) -> tuple:
        found_terms, found_names = _held_features(article)  # not kept: the arrays are (the dicts were ~30 MB)
        return terms.arrays(found_terms), names.arrays(found_names), _sizes(article)

    made = [memo.of("grouping", a, arrays) for a in originals]
    return (vectorize_arrays([t for t, _, _ in made], terms, vocabulary), vectorize_arrays([n for _, n, _ in made], names),
            [size for _, _, size in made])


def _held_features(article: Article) -> tuple[dict[str, int], dict[str, int]]:
    """`grouping_features_of` for a watch, which keeps the arrays made of them for as long as
    the article: the term and name strings made once for all the articles (those made in the
    loader's workers came back one copy per article: tens of MB on Reuters), also in the
    article's analysis."""
    terms, names = grouping_features_of(article)
    terms = {sys.intern(term): count for term, count in terms.items()}
    names = {sys.intern(name): count for name, count in names.items()}
    analysis = current_analysis(article)
    if analysis is not None:
        analysis.terms = terms
        if analysis.names is not None:
            analysis.names = names
    return terms, names


def grouping_features_of(article: Article) -> tuple[dict[str, int], dict[str, int]]:
    """(term counts, names and figures) for the story grouper, with one check of the analysis."""
    analysis = current_analysis(article)
    terms = analysis.terms if analysis else term_counts(profile_text(article))
    names = analysis.names if analysis and analysis.names is not None else name_counts(article)
    return terms, names
