"""Saved web pages through the whole loader, as `briefing inspect` sees them.

    uv run python bench/eval_pipeline_html.py

The component scorers (`eval_html_dates.py`, `eval_html_text.py`) measure the date finder
and the extractor alone; this one copies the pages (HTML only, no URL given) into a scratch
folder and loads it with `load_corpus`, so cleaning, dating rules and skips all count:
  - publication-date accuracy on htmldate_mediacloud2020 and trafilatura_eval (gold null
    means no date must be given; a page we skip counts as no date);
  - trafilatura_eval `with` snippets kept / `without` snippets leaked in the article text;
  - scrapinghub_aeb token F1 (mean per page and micro) of the article text.
Every figure is given for the tune and the blind half (by a hash of the file name or id,
as in the other benches), side by side.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _data import require  # noqa: E402

from briefing.ingest.load import load_corpus  # noqa: E402


HALVES = ("tune", "blind")


def half(name: str) -> str:
    """"tune" or "blind", fixed by a hash of an item's name (the same in every bench)."""
    return HALVES[hashlib.sha1(name.encode()).digest()[0] % 2]


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
    counts = {h: Counter() for h in HALVES}
    for entry in gold:
        c = counts[half(entry["file"])]
        article = articles.get(entry["file"].removesuffix(".html.gz"))
        got = article.date.isoformat() if article and article.date else None
        c["pages"] += 1
        c["right"] += got == (entry.get("date") or None)
        text = article.text if article else ""
        c["with"] += len(entry.get("with", []))
        c["kept"] += sum(snippet in text for snippet in entry.get("with", []))
        c["without"] += len(entry.get("without", []))
        c["leaked"] += sum(snippet in text for snippet in entry.get("without", []))
    print(f"{name}: {len(gold)} pages, {elapsed / len(gold) * 1000:.0f} ms a page")
    print("  date accuracy  " + "   ".join(f"{h} {counts[h]['right'] / counts[h]['pages']:.3f}" for h in HALVES)
          + "  [blind target >= 0.92]")
    if counts["tune"]["with"]:
        print("  with kept      " + "   ".join(f"{h} {counts[h]['kept'] / counts[h]['with']:.3f}" for h in HALVES)
              + "  [>= 0.97]")
        print("  without leaked " + "   ".join(f"{h} {counts[h]['leaked'] / max(1, counts[h]['without']):.3f}" for h in HALVES)
              + "  [<= 0.04]")


def tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.lower()))


def scrapinghub() -> None:
    folder = require("scrapinghub_aeb")
    truth = json.loads((folder / "ground-truth.json").read_text())
    pages = {key: gzip.open(folder / "html" / f"{key}.html.gz").read() for key in truth if (folder / "html" / f"{key}.html.gz").exists()}
    articles, elapsed = load_pages(pages)
    print(f"scrapinghub_aeb: {len(pages)} pages, {elapsed / len(pages) * 1000:.0f} ms a page")
    for which in HALVES:
        f1s, shared_all, ours_all, gold_all = [], 0, 0, 0
        for key in (k for k in pages if half(k) == which):
            ours = tokens(articles[key].text if key in articles else "")
            gold = tokens(truth[key]["articleBody"])
            shared = sum((ours & gold).values())
            shared_all, ours_all, gold_all = shared_all + shared, ours_all + sum(ours.values()), gold_all + sum(gold.values())
            precision, recall = shared / max(1, sum(ours.values())), shared / max(1, sum(gold.values()))
            f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
        micro_p, micro_r = shared_all / max(1, ours_all), shared_all / max(1, gold_all)
        micro = 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0.0
        print(f"  {which}: token F1 mean {sum(f1s) / max(1, len(f1s)):.3f}, micro {micro:.3f}  [blind >= 0.96]")


if __name__ == "__main__":
    dated_set("htmldate_mediacloud2020")
    dated_set("trafilatura_eval")
    scrapinghub()
