"""Score `briefing.html_dates.find_html_date` against htmldate on two labelled page sets.

    uv run python bench/eval_html_dates.py            # accuracy, baseline, failure categories
    uv run python bench/eval_html_dates.py --show     # ... and every failure, one per line
    uv run python bench/eval_html_dates.py --with-url # also pass the page URL to both

The pages are read in place from <repo>/../shared/data (never copied into the repo):
- htmldate_mediacloud2020/: 200 news pages, gold.json [{file, url, date}], date null =
  "no findable date, None expected";
- trafilatura_eval/: 345 pages, gold.json [{file, url, date, ...}].
Accuracy is an exact day match (None must match null). By default no URL is passed:
the date must come from the HTML alone.

Failure categories are computed from the candidates the finder saw (see `categorise`).

Error categories found on these sets (htmldate's errors, then ours) and the rule that
answers each in briefing/html_dates.py:
- URL date trusted over the page's own markup (elpais /2020/02/18/ vs published 19th):
  publication markup first, the URL only when there is none.
- "modified" taken for "published", generic <meta name="date"> (CMS last edit) trusted:
  kinds never compete; generic date metas rank below the visible dateline.
- Copyright footers turned into 1 January: year-only dates are never dates.
- Dates of related articles, teasers, comments, sidebars, navigation, links, and the
  masthead's "today": zones and link demotion; first in document order among equals.
- UTC timestamps near midnight one day off the publisher's local day: local-day rule.
- Pages that print only "Updated <date>": the shown date (trafilatura's gold does so).
- Dates in running prose, date ranges, "Joined"/"Effective date"/"born" labels: demoted
  or dropped.
- Wiki pages: the latest revision. Forum threads: the opening post (first date).
- Dates htmldate cannot read: compact ISO ("20200414T00:38:07Z"), JavaScript Date
  strings, dd-mm-yyyy addresses, split "26 | 01 | 2022", script-printed dates,
  Arabic/Persian digits and month names.
What is left is mostly gold the page does not support (gold date absent from the page,
or a different policy, e.g. a date taken from a tracking parameter) and UTC stamps with
no local sign on the page (we do not guess time zones).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
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

from briefing.html_dates import collect, find_html_date  # noqa: E402

DATA = REPO.parent / "shared" / "data"
SETS = ("htmldate_mediacloud2020", "trafilatura_eval")
TARGET = 0.92


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


def _gold_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def categorise(entry: dict, ours: str | None, url: str | None) -> str:
    """Why our answer differs from the gold one, judged from the candidates we saw."""
    gold = entry["date"]
    try:
        gold_day = _gold_date(gold)
    except ValueError:
        return "gold is not a valid date"
    if gold_day is None:
        return "date returned for a page without one"
    if ours is None:
        return "no date found"
    ours_day = dt.date.fromisoformat(ours)
    if abs((ours_day - gold_day).days) == 1:
        return "one day off (time zone / local day)"
    cands = [c for c in collect(entry["html"], url).candidates if c.date == gold_day]
    if not cands:
        return "gold date not on the page in any form we read"
    if any(c.kind == "modified" for c in cands):
        return "gold is the page's 'updated' date"
    if all(c.zone == "other" for c in cands if c.origin in ("text", "time")) and all(
        c.origin in ("text", "time") for c in cands
    ):
        return "gold sits in a comment/sidebar zone"
    kinds = sorted({c.origin for c in cands})
    return f"another date preferred (gold seen as {'/'.join(kinds)})"


def evaluate(name: str, entries: list[dict], with_url: bool, show: bool) -> dict:
    """Accuracy of ours and of htmldate on one set, failure categories, timings."""
    ours_ok = base_ok = 0
    times: list[float] = []
    categories: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    failures = []
    for entry in entries:
        url = entry.get("url") if with_url else None
        start = time.perf_counter()
        found = find_html_date(entry["html"], url=url)
        times.append(time.perf_counter() - start)
        ours = found.date.isoformat() if found else None
        sources[found.source if found else "none"] += 1
        if ours == entry["date"]:
            ours_ok += 1
        else:
            category = categorise(entry, ours, url)
            categories[category] += 1
            failures.append((entry["file"], entry["date"], ours, category, found.evidence if found else ""))
        if htmldate_baseline(entry["html"], url) == entry["date"]:
            base_ok += 1
    n = len(entries)
    print(f"\n{name}: {n} pages{' (URL given)' if with_url else ' (HTML only, no URL)'}")
    mark = "ok" if ours_ok / n >= TARGET else "BELOW TARGET"
    print(f"  ours      {ours_ok / n:.3f}  ({ours_ok}/{n})  [{mark} {TARGET}]")
    print(f"  htmldate  {base_ok / n:.3f}  ({base_ok}/{n})")
    print(
        f"  time per page: median {statistics.median(times) * 1000:.1f} ms, "
        f"p95 {sorted(times)[int(0.95 * (n - 1))] * 1000:.1f} ms, max {max(times) * 1000:.0f} ms"
    )
    print(f"  answers by source: {dict(sources.most_common())}")
    print(f"  failures by category ({n - ours_ok}):")
    for category, count in categories.most_common():
        print(f"    {count:3d}  {category}")
    if show:
        for file, gold, ours, category, evidence in failures:
            print(f"    - {file}: gold {gold}, ours {ours} [{category}] {evidence[:90]}")
    return {"ours": ours_ok / n, "htmldate": base_ok / n}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list every failure")
    parser.add_argument("--with-url", action="store_true", help="pass the gold URL too")
    args = parser.parse_args(argv)
    if not all((DATA / name / "gold.json").is_file() for name in SETS):
        print(f"Test data not found under {DATA} (expected {', '.join(SETS)}); nothing to score.")
        return 0
    logging.disable(logging.CRITICAL)  # htmldate logs every page it cannot date
    warnings.filterwarnings("ignore")
    results = {}
    for name in SETS:
        results[name] = evaluate(name, load_set(name), args.with_url, args.show)
    print("\nsummary:", ", ".join(f"{k}: ours {v['ours']:.3f} vs htmldate {v['htmldate']:.3f}" for k, v in results.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
