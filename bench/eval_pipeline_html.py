"""Saved web pages through the whole loader, as `briefing inspect` sees them.

    uv run python bench/eval_pipeline_html.py

The component scorers (`eval_html_dates.py`, `eval_html_text.py`) measure the date finder
and the extractor alone; this one copies the pages (HTML only, no URL given) into a scratch
folder and loads it with `load_corpus`, so cleaning, dating rules and skips all count:
  - publication-date accuracy on htmldate_mediacloud2020 and trafilatura_eval (gold null
    means no date must be given; a page we skip counts as no date);
  - trafilatura_eval `with` snippets kept / `without` snippets leaked in the article text;
  - scrapinghub_aeb token F1 (mean per page and micro) of the article text.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _data import require  # noqa: E402

from briefing.load import load_corpus  # noqa: E402


def load_pages(pages: dict[str, bytes]):
    with tempfile.TemporaryDirectory() as scratch:
        for name, data in pages.items():
            (Path(scratch) / f"{name}.html").write_bytes(data)
        start = time.perf_counter()
        corpus = load_corpus([Path(scratch)])
        elapsed = time.perf_counter() - start
    return {a.path.removesuffix(".html"): a for a in corpus.articles}, elapsed


def dated_set(name: str) -> None:
    folder = require(name)
    gold = json.loads((folder / "gold.json").read_text())
    pages = {g["file"].removesuffix(".html.gz"): gzip.open(folder / g["file"]).read() for g in gold}
    articles, elapsed = load_pages(pages)
    right = 0
    kept = total_with = leaked = total_without = 0
    for entry in gold:
        article = articles.get(entry["file"].removesuffix(".html.gz"))
        got = article.date.isoformat() if article and article.date else None
        right += got == (entry.get("date") or None)
        text = article.text if article else ""
        for snippet in entry.get("with", []):
            total_with += 1
            kept += snippet in text
        for snippet in entry.get("without", []):
            total_without += 1
            leaked += snippet in text
    print(f"{name}: {len(gold)} pages, {elapsed / len(gold) * 1000:.0f} ms a page")
    print(f"  date accuracy {right / len(gold):.3f}  [target >= 0.92]")
    if total_with:
        print(f"  with kept {kept / total_with:.3f} [>= 0.93]   without leaked {leaked / max(1, total_without):.3f} [<= 0.08]")


def tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.lower()))


def scrapinghub() -> None:
    folder = require("scrapinghub_aeb")
    truth = json.loads((folder / "ground-truth.json").read_text())
    pages = {key: gzip.open(folder / "html" / f"{key}.html.gz").read() for key in truth if (folder / "html" / f"{key}.html.gz").exists()}
    articles, elapsed = load_pages(pages)
    f1s, shared_all, ours_all, gold_all = [], 0, 0, 0
    for key in pages:
        ours = tokens(articles[key].text if key in articles else "")
        gold = tokens(truth[key]["articleBody"])
        shared = sum((ours & gold).values())
        shared_all, ours_all, gold_all = shared_all + shared, ours_all + sum(ours.values()), gold_all + sum(gold.values())
        precision, recall = shared / max(1, sum(ours.values())), shared / max(1, sum(gold.values()))
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    micro_p, micro_r = shared_all / max(1, ours_all), shared_all / max(1, gold_all)
    print(f"scrapinghub_aeb: {len(pages)} pages, {elapsed / len(pages) * 1000:.0f} ms a page")
    print(f"  token F1 mean {sum(f1s) / len(f1s):.3f}, micro {2 * micro_p * micro_r / (micro_p + micro_r):.3f}  [target >= 0.95]")


if __name__ == "__main__":
    dated_set("htmldate_mediacloud2020")
    dated_set("trafilatura_eval")
    scrapinghub()
