"""Same-event grouping on hand-grouped Reuters-21578 days (issue 12), tune and blind side by side.

    uv run python bench/eval_reuters_days.py [--timing] [--show DAY]

The gold (`bench/reuters_days_gold.tsv`, newids only) holds six days of wires grouped by hand
into same-event stories; its header says which half is blind. Each day's wires are written as
text files (title, ` date YYYY-MM-DD` header, body: as `bench/scale_reuters.py` does) into a
temporary folder of their own and loaded with `briefing.ingest.load.load_corpus`, duplicates are found
and applied as the export does, and `group_stories` groups them. Printed per half: within-day
BCubed precision, recall and F1 (pooled over the half's wires), and per day. A second line runs
all six days from one folder (one vocabulary over all of them, as a multi-day export has).

`--baseline [REV]` also scores the grouper of git revision REV (default 4d7aa51, before
issue 12). `--timing [REV]` also times `group_stories` on all of Reuters-21578 (21,578 wires, 58 days),
loaded once as articles, against the single-module grouper of git revision REV (default
4d7aa51, before issue 12) in the same run. `--show DAY` prints the predicted stories of one day with their titles
(for looking at errors on the tune half only).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import _data  # noqa: E402

GOLD = Path(__file__).parent / "reuters_days_gold.tsv"


def read_gold() -> list[tuple[str, str, str, str]]:
    """(newid, day, half, story) rows of the gold file."""
    rows = []
    for line in GOLD.read_text().splitlines():
        if line.startswith("#") or line.startswith("newid\t") or not line.strip():
            continue
        newid, day, half, story = line.split("\t")
        rows.append((newid, day, half, story))
    return rows


def write_wires(folder: Path, wanted: set[str], by_id: dict[str, dict]) -> None:
    for newid in sorted(wanted, key=int):
        row = by_id[newid]
        day = dt.datetime.strptime(row["date"].split()[0], "%d-%b-%Y").date()
        title = (row.get("title") or "").strip()
        body = _data.reuters_body(row)
        (folder / f"reut-{int(newid):05d}.txt").write_text(f"{title}\n date {day.isoformat()}\n\n{body}\n")


def group_folder(folder: Path, group_stories=None):
    """Articles loaded as the export loads them, deduplicated, grouped: {newid: (story, thread)}."""
    from briefing.analyse.dedup import apply_duplicates, find_duplicates
    from briefing.ingest.load import load_corpus

    if group_stories is None:
        from briefing.analyse.stories import group_stories
    articles = load_corpus([folder]).articles
    apply_duplicates(articles, find_duplicates(articles))
    groups = group_stories(articles)
    newid = {a.id: str(int(Path(a.path).stem.split("-")[1])) for a in articles}
    return {newid[i]: (g.id, g.thread) for g in groups for i in g.article_ids}, articles


def score(found: dict[str, tuple[str, str]], rows) -> tuple[float, float, float]:
    present = [r for r in rows if r[0] in found]
    predicted = [found[r[0]][0] for r in present]
    gold = [f"{r[1]}|{r[3]}" for r in present]
    return _data.bcubed(predicted, gold) if present else (0.0, 0.0, 0.0)


def line(label: str, figures: dict[str, tuple[float, float, float]]) -> str:
    cells = [f"{half}: P {p:.3f} R {r:.3f} F1 {f:.3f}" for half, (p, r, f) in figures.items()]
    return f"  {label:<22} " + "   ".join(cells)


def evaluate(rows, by_id, group_stories=None) -> None:
    days = sorted({r[1] for r in rows}, key=lambda d: dt.datetime.strptime(d, "%d-%b-%Y"))
    found: dict[str, tuple[str, str]] = {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        for day in days:
            folder = Path(scratch) / day
            folder.mkdir()
            write_wires(folder, {r[0] for r in rows if r[1] == day}, by_id)
            found.update(group_folder(folder, group_stories)[0])
        together = Path(scratch) / "all"
        together.mkdir()
        write_wires(together, {r[0] for r in rows}, by_id)
        found_together = group_folder(together, group_stories)[0]
    elapsed = time.perf_counter() - started
    missing = sum(1 for r in rows if r[0] not in found)
    print(f"Reuters hand-grouped days ({len(rows)} wires, {len({(r[1], r[3]) for r in rows})} gold stories, "
          f"{missing} not loaded; {elapsed:.1f} s)")
    halves = ("tune", "blind")
    print(line("one folder per day", {h: score(found, [r for r in rows if r[2] == h]) for h in halves}))
    print(line("all days in one folder", {h: score(found_together, [r for r in rows if r[2] == h]) for h in halves}))
    for day in days:
        subset = [r for r in rows if r[1] == day]
        p, r, f = score(found, subset)
        print(f"    {day:<12} {subset[0][2]:<5} {len(subset):>4} wires  P {p:.3f} R {r:.3f} F1 {f:.3f}")


def show(day: str, rows, by_id) -> None:
    subset = [r for r in rows if r[1] == day]
    gold = {r[0]: r[3] for r in subset}
    with tempfile.TemporaryDirectory() as scratch:
        write_wires(Path(scratch), set(gold), by_id)
        found, _ = group_folder(Path(scratch))
    stories = defaultdict(list)
    for newid, (story, _) in found.items():
        stories[story].append(newid)
    for members in sorted(stories.values(), key=len, reverse=True):
        if len(members) == 1 and gold[members[0]] == members[0]:
            continue
        print("--")
        for newid in sorted(members, key=int):
            print(f"  {newid} [{gold[newid]}] {(by_id[newid].get('title') or '').strip()[:70]}")


def baseline_module(revision: str):
    """The grouper as it was at `revision` (one module, briefing/analyse/stories.py), for timing side by side."""
    import importlib.util
    import subprocess

    source = subprocess.run(["git", "show", f"{revision}:briefing/analyse/stories.py"], cwd=_data.REPO,
                            capture_output=True, text=True, check=True).stdout
    folder = Path(tempfile.mkdtemp())
    path = folder / "stories_baseline.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("briefing._stories_baseline", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it executes
    spec.loader.exec_module(module)
    return module


def timing(revision: str) -> None:
    """group_stories on all of Reuters, this code and the code of `revision`, in the same run.

    Articles are made once; their grouping features are computed before the clock starts
    (the export computes them in the loader's worker processes, see briefing.analyse.analysis).
    """
    from briefing.analyse import stories
    from briefing.analyse.analysis import analyse

    articles = _data.reuters_articles()
    for article in articles:
        article.analysis = analyse(article)
    for label, module in (("new", stories), (f"old ({revision})", baseline_module(revision))):
        module.group_stories(articles)  # warm: imports, memo
        started, cpu = time.perf_counter(), time.process_time()
        groups = module.group_stories(articles)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        sizes = sorted((len(g.article_ids) for g in groups), reverse=True)
        threads = defaultdict(int)
        for g in groups:
            threads[g.thread] += len(g.article_ids)
        print(f"all of Reuters, {label}: group_stories {elapsed:.2f} s wall, {cpu:.2f} s CPU; {len(groups)} stories (largest {sizes[:3]}), "
              f"{len(threads)} threads (largest {sorted(threads.values(), reverse=True)[:3]})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timing", metavar="REV", nargs="?", const="4d7aa51",
                        help="also time group_stories on all of Reuters against the grouper of git revision REV")
    parser.add_argument("--baseline", metavar="REV", nargs="?", const="4d7aa51",
                        help="also score the grouper of git revision REV (default: before issue 12)")
    parser.add_argument("--show", metavar="DAY", help="print the predicted stories of one day (e.g. 21-APR-1987)")
    args = parser.parse_args()
    rows = read_gold()
    by_id = {str(r["newid"]): r for r in _data.reuters_rows()}
    if args.show:
        show(args.show, rows, by_id)
        return 0
    evaluate(rows, by_id)
    if args.baseline:
        print(f"baseline: the grouper of {args.baseline}")
        evaluate(rows, by_id, baseline_module(args.baseline).group_stories)
    if args.timing:
        timing(args.timing)
    return 0


if __name__ == "__main__":
    sys.exit(main())
