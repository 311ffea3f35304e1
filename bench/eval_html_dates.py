"""Score `briefing.ingest.html.dates.find_html_date` against plain htmldate on two labelled page sets.

    uv run python bench/eval_html_dates.py            # tune | blind accuracy, ours vs htmldate
    uv run python bench/eval_html_dates.py --show     # ... and every tune-half failure
    uv run python bench/eval_html_dates.py --show-blind  # ... and the blind half's too
    uv run python bench/eval_html_dates.py --with-url # also pass the page URL to both

The pages are read in place from <repo>/../shared/data (never copied into the repo):
- htmldate_mediacloud2020/: 200 news pages, gold.json [{file, url, date}], date null =
  "no findable date, None expected";
- trafilatura_eval/: 345 pages, gold.json [{file, url, date, ...}].
Accuracy is an exact day match (None must match null). By default no URL is passed:
the date must come from the HTML alone (the page's own canonical link is part of it).

Each set is split into a tune half and a blind half by a hash of the file name
(`half`). Rules are written from tune-half failures only; one stays in
briefing/ingest/html/dates.py only when the blind half gains, and its comment says by how much.
The baseline is htmldate's extensive search with original_date=True, run in the same pass.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
import statistics
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from briefing.ingest.html.dates import find_html_date  # noqa: E402

DATA = REPO.parent / "shared" / "data"
SETS = ("htmldate_mediacloud2020", "trafilatura_eval")
TARGET = 0.92
HALVES = ("tune", "blind")


def half(name: str) -> str:
    """"tune" or "blind", fixed by a hash of an item's name (the same in every bench)."""
    return HALVES[hashlib.sha1(name.encode()).digest()[0] % 2]


def load_set(name: str) -> list[dict]:
    """The gold entries of one set, each with its decoded HTML under "html"."""
    folder = DATA / name
    entries = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    for entry in entries:
        raw = gzip.decompress((folder / entry["file"]).read_bytes())
        entry["html"] = raw.decode("utf-8", errors="replace")
    return entries


def htmldate_baseline(html: str, url: str | None) -> str | None:
    """Plain htmldate, as the brief measured it (extensive search, original date)."""
    from htmldate import find_date

    try:
        return find_date(html, url=url, extensive_search=True, original_date=True)
    except Exception:  # noqa: BLE001 - a baseline that crashes simply finds nothing
        return None


def evaluate(name: str, entries: list[dict], with_url: bool, show: tuple[str, ...]) -> dict:
    """Accuracy of ours and of htmldate on each half of one set, with timings."""
    hits = {(who, h): 0 for who in ("ours", "htmldate") for h in HALVES}
    sizes = {h: 0 for h in HALVES}
    times: list[float] = []
    sources: Counter[str] = Counter()
    failures = []
    for entry in entries:
        which = half(entry["file"])
        sizes[which] += 1
        url = entry.get("url") if with_url else None
        start = time.perf_counter()
        found = find_html_date(entry["html"], url=url)
        times.append(time.perf_counter() - start)
        ours = found.date.isoformat() if found else None
        sources[found.source if found else "none"] += 1
        hits["ours", which] += ours == entry["date"]
        base = htmldate_baseline(entry["html"], url)
        hits["htmldate", which] += base == entry["date"]
        if ours != entry["date"] and which in show:
            failures.append((which, entry["file"], entry["date"], ours, base, found.evidence if found else ""))
    scores = {key: hits[key] / max(1, sizes[key[1]]) for key in hits}
    n = len(entries)
    print(f"\n{name}: {n} pages (tune {sizes['tune']}, blind {sizes['blind']})"
          f"{' (URL given)' if with_url else ' (HTML only, no URL)'}")
    for who in ("ours", "htmldate"):
        row = "  ".join(f"{h} {scores[who, h]:.3f} ({hits[who, h]}/{sizes[h]})" for h in HALVES)
        mark = ""
        if who == "ours":
            mark = "  [ok]" if scores["ours", "blind"] >= TARGET else f"  [blind BELOW TARGET {TARGET}]"
        print(f"  {who:<9} {row}{mark}")
    print(
        f"  time per page (ours): median {statistics.median(times) * 1000:.1f} ms, "
        f"p95 {sorted(times)[int(0.95 * (n - 1))] * 1000:.1f} ms, max {max(times) * 1000:.0f} ms"
    )
    print(f"  answers by source: {dict(sources.most_common())}")
    for which, file, gold, ours, base, evidence in failures:
        print(f"    - [{which}] {file}: gold {gold}, ours {ours}, htmldate {base}  {evidence[:90]}")
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list the tune half's failures")
    parser.add_argument("--show-blind", action="store_true", help="list the blind half's failures too")
    parser.add_argument("--with-url", action="store_true", help="pass the gold URL too")
    args = parser.parse_args(argv)
    if not all((DATA / name / "gold.json").is_file() for name in SETS):
        print(f"Test data not found under {DATA} (expected {', '.join(SETS)}); nothing to score.")
        return 0
    logging.disable(logging.CRITICAL)  # htmldate logs every page it cannot date
    warnings.filterwarnings("ignore")
    results = {}
    for name in SETS:
        show = ("tune",) * args.show + ("blind",) * args.show_blind
        results[name] = evaluate(name, load_set(name), args.with_url, show)
    print("\nsummary (tune / blind):")
    for name, v in results.items():
        print(f"  {name}: ours {v['ours', 'tune']:.3f} / {v['ours', 'blind']:.3f}"
              f"  vs htmldate {v['htmldate', 'tune']:.3f} / {v['htmldate', 'blind']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
