"""Where the research data lives, and small readers for the sets the benches use.

The data is research-licensed: it is read from `../shared/data` and never copied here.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"


def require(*parts: str) -> Path:
    """The path under ../shared/data, or exit 0 with a message when it is not here."""
    path = DATA.joinpath(*parts)
    if not path.exists():
        print(f"skipped: research data not available at {path}")
        sys.exit(0)
    return path


def reuters_rows() -> list[dict]:
    path = require("reuters21578", "reuters21578.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def reuters_body(row: dict) -> str:
    """Reuters bodies mark paragraph indents with a literal '&\\t'."""
    return (row.get("body") or "").replace("&\\t", "\n\n    ").strip()


def uci_rows() -> list[dict]:
    path = require("uci_news_aggregator_subset", "uci-news-aggregator.first6366.csv.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if (row.get("TIMESTAMP") or "").strip().isdigit()]


def wikiref_rows() -> list[dict]:
    path = require("wikiref220", "wikiref220.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def bcubed(predicted: list, gold: list) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 of a clustering against gold labels."""
    from collections import Counter

    pairs = Counter(zip(predicted, gold))
    pred_sizes, gold_sizes = Counter(predicted), Counter(gold)
    precision = sum(n * n / pred_sizes[p] for (p, g), n in pairs.items()) / len(gold)
    recall = sum(n * n / gold_sizes[g] for (p, g), n in pairs.items()) / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def purity(predicted: list, gold: list) -> float:
    from collections import Counter

    clusters: dict = {}
    for p, g in zip(predicted, gold):
        clusters.setdefault(p, Counter())[g] += 1
    return sum(c.most_common(1)[0][1] for c in clusters.values()) / len(gold)


# ---------------------------------------------------------------- as articles (for the story benches)


def uci_articles() -> tuple[list, list[str]]:
    """UCI headlines as title-only Articles dated by TIMESTAMP (UTC), and their gold STORY ids."""
    import datetime as dt

    from briefing.core.model import Article

    articles, gold = [], []
    for row in uci_rows():
        moment = dt.datetime.fromtimestamp(int(row["TIMESTAMP"]) / 1000, dt.UTC)
        articles.append(Article(id=row["ID"], path=row["URL"], text="", title=row["TITLE"], source=row["PUBLISHER"],
                                url=row["URL"], date=moment.date(), moment=moment))
        gold.append(row["STORY"])
    return articles, gold


def wikiref_articles() -> tuple[list, list[str]]:
    """WikiRef220 pages as undated full-text Articles (no title: the set gives none), and labels."""
    from briefing.core.model import Article

    rows = wikiref_rows()
    return [Article(id=r["file"], path=r["file"], text=r["text"]) for r in rows], [r["label"] for r in rows]


def reuters_articles() -> list:
    """Every Reuters-21578 story as a dated Article (title-only ones included)."""
    import datetime as dt

    from briefing.core.model import Article

    articles = []
    for row in reuters_rows():
        day = dt.datetime.strptime(row["date"].split()[0], "%d-%b-%Y").date()
        key = str(row["newid"])
        articles.append(Article(id=key, path=key, text=reuters_body(row), title=(row.get("title") or "").strip() or None, date=day))
    return articles
