"""DUC 2003 task-2 clusters mixed in one folder: stories within a day and threads across days.

    uv run python bench/eval_duc_mixed.py

All 14 clusters (about 10 AP/NYT wires each, Oct-Nov 1998, SGML with DATE_TIME) are copied into
one temporary folder and loaded from it, duplicates applied as the export does, and grouped. Gold: the cluster
(one running news event each). Printed for the tune and blind halves (sha1 of the cluster
name, first byte % 2: 1 is blind), side by side:
  - within-day BCubed (predicted story id against cluster+day: stories never span days);
  - thread BCubed (predicted thread id against cluster).
Targets (issue 12): within-day F1 >= 0.95, thread F1 >= 0.85.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import _data  # noqa: E402

DOCS = _data.DATA / "duc2003_task2" / "docs"


def half(name: str) -> str:
    return "blind" if hashlib.sha1(name.encode()).digest()[0] % 2 else "tune"


def main() -> int:
    if not DOCS.is_dir():
        print(f"skipped: research data not available at {DOCS}")
        return 0
    from briefing.analyse.dedup import apply_duplicates, find_duplicates
    from briefing.ingest.load import load_corpus
    from briefing.analyse.stories import article_day, group_stories

    clusters = sorted(p for p in DOCS.iterdir() if p.is_dir())
    with tempfile.TemporaryDirectory() as scratch:  # one folder, as a user would drop the wires
        for c in clusters:
            for f in c.iterdir():
                shutil.copyfile(f, Path(scratch) / f.name)
        articles = load_corpus([Path(scratch)]).articles
    apply_duplicates(articles, find_duplicates(articles))
    groups = group_stories(articles)
    story = {i: g.id for g in groups for i in g.article_ids}
    thread = {i: g.thread for g in groups for i in g.article_ids}
    home = {f.name: c.name for c in clusters for f in c.iterdir()}
    cluster = {a.id: home[Path(a.path).name] for a in articles}  # paths are relative to their root
    print(f"DUC 2003 task 2 mixed ({len(articles)} articles, {len(clusters)} clusters, "
          f"{len(groups)} stories, {len(set(thread.values()))} threads)")
    for name in ("tune", "blind"):
        members = [a for a in articles if half(cluster[a.id]) == name]
        day_gold = [f"{cluster[a.id]}|{article_day(a)}" for a in members]
        p, r, f = _data.bcubed([story[a.id] for a in members], day_gold)
        tp, tr, tf = _data.bcubed([thread[a.id] for a in members], [cluster[a.id] for a in members])
        count = len({cluster[a.id] for a in members})
        print(f"  {name:<5} ({count} clusters, {len(members)} articles): within-day P {p:.3f} R {r:.3f} F1 {f:.3f}   "
              f"thread P {tp:.3f} R {tr:.3f} F1 {tf:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
