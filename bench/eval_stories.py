"""Stories and threads: how well `briefing.analyse.stories.group_stories` groups, and how fast.

    uv run python bench/eval_stories.py [--sensitivity]

In one run:
  - sample corpus: the grouping per day, with thread ids (expected: 000+002 one story on
    2022-02-15, 001 with its re-translation 003 on 2022-02-14, one thread across the days);
  - UCI News Aggregator (first 6,366 rows, headlines only, 87 gold stories over 3 days):
    BCubed P/R/F1 of our thread ids against STORY, of our per-day story ids, and of a
    single-pass TF-IDF baseline (each headline, in time order, joins the most similar cluster
    centroid when the cosine reaches a threshold, else starts a cluster; best of 6 thresholds);
  - WikiRef220 (220 full-text pages, 16 labels incl. 35 noise pages, undated): purity, BCubed
    and the number of clusters; plus 60 random small corpora drawn from it (2-4 labels,
    1-4 pages each) to check the small-corpus regime (weak IDF);
  - Reuters-21578 (21,578 stories, 58 days): time and peak memory of `group_stories`.
`--sensitivity` also sweeps the main parameters (story cut, neighbours, lead length).
Research data is read from ../shared/data; a set that is absent is skipped (exit 0).
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import resource
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import _data  # noqa: E402

from briefing.analyse import stories  # noqa: E402
from briefing.analyse.stories import clustering, features  # noqa: E402  (the sweeps set their parameters)


def labels_of(groups, articles, key: str = "thread") -> list[str]:
    found = {i: getattr(g, key) for g in groups for i in g.article_ids}
    return [found[a.id] for a in articles]


def single_pass(texts: list[str], threshold: float) -> list[int]:
    """Baseline: single-pass clustering of unigram TF-IDF rows against running centroids."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts).tocsr()
    sums = np.zeros((len(texts), matrix.shape[1]), dtype=np.float32)  # centroid sums, grown row by row
    squares = np.zeros(len(texts), dtype=np.float64)  # their squared norms, kept up to date
    count = 0
    labels = []
    for row in range(matrix.shape[0]):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        columns, values = matrix.indices[start:end], matrix.data[start:end]
        target = count
        if count and len(columns):
            dots = sums[:count][:, columns] @ values
            similarity = dots / np.sqrt(np.maximum(squares[:count], 1e-18))
            best = int(similarity.argmax())
            if similarity[best] >= threshold:
                target = best
        if target == count:
            count += 1
        squares[target] += 2 * float(sums[target, columns] @ values) + float(values @ values)
        sums[target, columns] += values
        labels.append(target)
    return labels


def sample() -> None:
    from briefing.analyse.dedup import apply_duplicates, find_duplicates
    from briefing.ingest.load import load_corpus

    articles = load_corpus([REPO / "sample_corpus"]).articles
    apply_duplicates(articles, find_duplicates(articles))
    name = {a.id: Path(a.path).name[:3] for a in articles}
    print("sample corpus (day: story members [thread]):")
    for group in stories.group_stories(articles):
        print(f"  {group.day}: {'+'.join(sorted(name[i] for i in group.article_ids))}  [{group.thread}] {group.id}")


def uci() -> float | None:
    if not (_data.DATA / "uci_news_aggregator_subset").exists():
        print("UCI: skipped (data absent)")
        return None
    articles, gold = _data.uci_articles()
    started = time.perf_counter()
    groups = stories.group_stories(articles)
    elapsed = time.perf_counter() - started
    p, r, f = _data.bcubed(labels_of(groups, articles), gold)
    sp, sr, sf = _data.bcubed(labels_of(groups, articles, "id"), gold)
    threads = len({g.thread for g in groups})
    print(f"UCI headlines ({len(articles)} articles, {len(set(gold))} gold stories):")
    print(f"  ours, threads      BCubed P {p:.3f} R {r:.3f} F1 {f:.3f}  ({threads} threads, {elapsed:.1f} s)")
    print(f"  ours, day stories  BCubed P {sp:.3f} R {sr:.3f} F1 {sf:.3f}  ({len(groups)} stories)")
    order = sorted(range(len(articles)), key=lambda i: (articles[i].moment, articles[i].id))
    best = None
    for threshold in (0.05, 0.1, 0.15, 0.2, 0.3, 0.5):
        found = single_pass([articles[i].title for i in order], threshold)
        predicted = [0] * len(articles)
        for position, index in enumerate(order):
            predicted[index] = found[position]
        score = _data.bcubed(predicted, gold)
        if best is None or score[2] > best[1][2]:
            best = (threshold, score, len(set(found)))
    threshold, (bp, br, bf), count = best
    print(f"  single-pass TF-IDF BCubed P {bp:.3f} R {br:.3f} F1 {bf:.3f}  (threshold {threshold}, {count} clusters)")
    return f


def small_sets(articles, gold, count: int = 60, seed: int = 7):
    """Random small corpora from a labelled set: 2-4 labels, 1-4 articles of each."""
    rng = random.Random(seed)
    by_label = defaultdict(list)
    for article, label in zip(articles, gold):
        by_label[label].append(article)
    labels = sorted(by_label)
    for _ in range(count):
        picked = []
        for label in rng.sample(labels, rng.randint(2, 4)):
            members = by_label[label]
            picked += [(a, label) for a in rng.sample(members, min(len(members), rng.randint(1, 4)))]
        yield [a for a, _ in picked], [label for _, label in picked]


def wikiref() -> float | None:
    if not (_data.DATA / "wikiref220").exists():
        print("WikiRef220: skipped (data absent)")
        return None
    articles, gold = _data.wikiref_articles()
    groups = stories.group_stories(articles)
    predicted = labels_of(groups, articles, "id")
    p, r, f = _data.bcubed(predicted, gold)
    purity = _data.purity(predicted, gold)
    singletons = sum(1 for g in groups if len(g.article_ids) == 1)
    print(f"WikiRef220 ({len(articles)} pages, {len(set(gold))} labels):")
    print(f"  purity {purity:.3f}  BCubed P {p:.3f} R {r:.3f} F1 {f:.3f}  {len(groups)} clusters ({singletons} singletons)")
    scores = [_data.bcubed(labels_of(stories.group_stories(xs), xs, "id"), ys) for xs, ys in small_sets(articles, gold)]
    print(f"  60 small corpora (2-4 labels, 1-4 pages each): mean BCubed P {statistics.mean(s[0] for s in scores):.3f} "
          f"R {statistics.mean(s[1] for s in scores):.3f} F1 {statistics.mean(s[2] for s in scores):.3f}")
    return purity


def reuters() -> None:
    if not (_data.DATA / "reuters21578").exists():
        print("Reuters-21578: skipped (data absent)")
        return
    import scipy.cluster.hierarchy  # noqa: F401  (imports are not what we time)
    import sklearn.preprocessing  # noqa: F401

    articles = _data.reuters_articles()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    cpu = time.process_time()
    groups = stories.group_stories(articles)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    days = len({g.day for g in groups})
    sizes = sorted((len(g.article_ids) for g in groups), reverse=True)
    print(f"Reuters-21578 ({len(articles)} articles, {days} days): group_stories {elapsed:.1f} s wall, {cpu:.1f} s CPU; "
          f"peak RSS {peak / 1024:.0f} MB (was {before / 1024:.0f} MB before)")
    print(f"  {len(groups)} stories, {len({g.thread for g in groups})} threads; largest stories {sizes[:5]}")


def sensitivity() -> None:
    """F1/purity as the main parameters move around the chosen values."""
    headlines, full, lead = clustering.HEADLINES, clustering.LONG_TEXT, features.LEAD_WORDS
    have_uci = (_data.DATA / "uci_news_aggregator_subset").exists()
    have_wiki = (_data.DATA / "wikiref220").exists()
    if have_uci:
        articles, gold = _data.uci_articles()
        print("sensitivity, UCI thread F1 (headline regime):")
        for neighbours in (10, 20, 30):
            row = []
            for cut in (0.85, 0.9, 0.93):
                clustering.HEADLINES = dataclasses.replace(headlines, neighbours=neighbours, story_distance=cut)
                row.append(f"cut {cut}: {_data.bcubed(labels_of(stories.group_stories(articles), articles), gold)[2]:.3f}")
            print(f"  k={neighbours:<3} " + "  ".join(row))
        for threshold in (0.3, 0.5, 0.7):
            clustering.HEADLINES = dataclasses.replace(headlines, thread_similarity=threshold)
            print(f"  thread similarity {threshold}: F1 {_data.bcubed(labels_of(stories.group_stories(articles), articles), gold)[2]:.3f}")
        clustering.HEADLINES = headlines
    if have_wiki:
        articles, gold = _data.wikiref_articles()
        print("sensitivity, WikiRef220 purity / BCubed F1 / clusters (long-text regime):")
        for words in (150, 250, 400):
            row = []
            for cut in (0.7, 0.75, 0.8, 0.85):
                features.LEAD_WORDS = words
                clustering.LONG_TEXT = dataclasses.replace(full, story_distance=cut)
                predicted = labels_of(stories.group_stories(articles), articles, "id")
                row.append(f"cut {cut}: {_data.purity(predicted, gold):.3f}/{_data.bcubed(predicted, gold)[2]:.3f}/{len(set(predicted))}")
            print(f"  lead {words:<4} " + "  ".join(row))
        for neighbours in (5, 10, 20):
            features.LEAD_WORDS = lead
            clustering.LONG_TEXT = dataclasses.replace(full, neighbours=neighbours)
            predicted = labels_of(stories.group_stories(articles), articles, "id")
            print(f"  k={neighbours:<3} purity {_data.purity(predicted, gold):.3f} F1 {_data.bcubed(predicted, gold)[2]:.3f} clusters {len(set(predicted))}")
        clustering.LONG_TEXT, features.LEAD_WORDS = full, lead


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sensitivity", action="store_true", help="also sweep the main parameters")
    args = parser.parse_args()
    print(f"parameters: headlines {stories.HEADLINES}\n            full text {stories.FULL_TEXT}\n"
          f"            long text {stories.LONG_TEXT}, lead {stories.LEAD_WORDS} words")
    sample()
    if not _data.DATA.exists():
        print(f"skipped: research data not available at {_data.DATA}")
        return 0
    reuters()  # first: its peak memory is then its own
    uci()
    wikiref()
    if args.sensitivity:
        sensitivity()
    return 0


if __name__ == "__main__":
    sys.exit(main())
