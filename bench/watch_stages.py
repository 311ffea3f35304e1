"""Where a warm watch round's CPU goes, stage by stage, without a profiler's overhead.

    uv run python bench/watch_stages.py --keep DIR [--rounds 3] [--kinds add,change,delete]

Runs the Watcher in this process on DIR (Reuters-21578 written there once, kept; its own
cache folder beside it), one untimed warm-up change, then `--rounds` rounds of each kind, and
prints per kind the median CPU seconds (process time) of each stage: the stages are the
pipeline's functions, wrapped for the run (a stage inside another counts in both). Also the
peak resident memory. The folder is put back as it was. Not a unit test; a timing is only
comparable with one taken in the same session (the machine is shared).
"""

from __future__ import annotations

import argparse
import functools
import importlib
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from scale_reuters import prepare_watch_folder  # noqa: E402
from watch_reuters import NEW_STORY, first_round, peak_rss_mb  # noqa: E402

# (module, attribute, stage name): where the round's time is expected to go
STAGES = [
    ("briefing.watch", "FolderMemo.load", "load"),
    ("briefing.brief.build", "find_duplicates", "duplicates"),
    ("briefing.brief.build", "group_stories", "grouping (all)"),
    ("briefing.analyse.stories.grouping", "vectorize_counts", "  vectors"),
    ("briefing.analyse.stories.grouping", "cluster_day", "  clustering"),
    ("briefing.analyse.stories.grouping", "link_threads", "  threads"),
    ("briefing.brief.build", "_cached_stories", "stories (cache)"),
    ("briefing.brief.extras", "since_last_marks", "since-last marks"),
    ("briefing.brief.extras", "timelines", "timelines"),
    ("briefing.watch", "render_chunks", "render"),
    ("briefing.watch", "Watcher.write", "write"),
]


def instrument(totals: dict[str, float]) -> None:
    for module_name, attribute, stage in STAGES:
        module = importlib.import_module(module_name)
        owner, name = (module, attribute) if "." not in attribute else (getattr(module, attribute.split(".")[0]), attribute.split(".")[1])
        original = getattr(owner, name, None)
        if original is None:
            continue

        def timed(*args, _original=original, _stage=stage, **kwargs):
            start = time.process_time()
            try:
                return _original(*args, **kwargs)
            finally:
                totals[_stage] = totals.get(_stage, 0.0) + time.process_time() - start

        setattr(owner, name, functools.wraps(original)(timed))


def check_threads() -> None:
    """Every round's thread ids also computed from scratch (no kept rows): they must agree."""
    import briefing.analyse.stories.grouping as grouping

    original = grouping.link_threads

    def both(groups, regimes, matrix, row_of, names=None, kept=None, vocabulary=None):
        original(groups, regimes, matrix, row_of, names, kept=kept, vocabulary=vocabulary)
        mine = [g.thread for g in groups]
        original(groups, regimes, matrix, row_of, names)
        differ = sum(a != g.thread for a, g in zip(mine, groups))
        print(f"    threads checked: {'same' if not differ else f'{differ} DIFFER'}", flush=True)

    grouping.link_threads = both


def reset_peak() -> None:
    """Start VmHWM afresh (Linux: 5 to /proc/self/clear_refs), so the rounds' own peak shows."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def change(folder: Path, kind: str, n: int, victims: list[Path]) -> set[str]:
    """Make the change; the paths it touched (what the notifications name to a watch)."""
    if kind == "add":
        (folder / f"zz-new-{n}.txt").write_text(NEW_STORY.replace("A new wire story", f"New wire story {n}"))
        return {str(folder / f"zz-new-{n}.txt")}
    if kind == "change":
        with open(victims[n], "a") as handle:
            handle.write("\nThe company said the figures were revised on Monday.\n")
        return {str(victims[n])}
    victims[-1 - n].unlink()
    return {str(victims[-1 - n])}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--kinds", default="add,change,delete")
    parser.add_argument("--check", action="store_true", help="also link threads from scratch each round and compare (slower)")
    args = parser.parse_args()
    folder = args.keep
    prepare_watch_folder(folder)
    totals: dict[str, float] = {}
    if args.check:
        check_threads()
    instrument(totals)
    watcher, seconds = first_round(folder)
    print(f"first round: {seconds:.1f} s, peak RSS {peak_rss_mb(os.getpid()):,.0f} MB", flush=True)
    victims = sorted(folder.glob("reut-1*.txt"))
    restore = {path: path.read_bytes() for path in victims[: args.rounds] + victims[-args.rounds :]}
    per_kind: dict[str, list[dict[str, float]]] = {}
    try:
        (folder / "zz-new-warm.txt").write_text(NEW_STORY.replace("Lavrov", "Lavrov again"))
        watcher.round()
        print(f"warm-up round: peak RSS {peak_rss_mb(os.getpid()):,.0f} MB", flush=True)
        reset_peak()
        for n in range(args.rounds):
            for kind in args.kinds.split(","):
                changed = change(folder, kind, n, victims)
                totals.clear()
                wall, cpu = time.perf_counter(), time.process_time()
                watcher.round(changed)
                totals["ROUND"] = time.process_time() - cpu
                totals["ROUND wall"] = time.perf_counter() - wall
                per_kind.setdefault(kind, []).append(dict(totals))
                rows = watcher.round_memo.indexes.get("thread rows")
                reuse = f"; thread rows kept {rows.reused:,}, exact {rows.exact:,}" if rows is not None else ""
                print(f"  {kind} {n + 1}: {totals['ROUND']:.2f} CPU-s, {totals['ROUND wall']:.2f} s wall{reuse}", flush=True)
    finally:
        for path in folder.glob("zz-new-*.txt"):
            path.unlink()
        for path, data in restore.items():
            path.write_bytes(data)
    kinds = list(per_kind)
    names = ["ROUND", "ROUND wall"] + [stage for _, _, stage in STAGES]
    print(f"\nmedian CPU-s per stage ({args.rounds} rounds each)\n{'stage':<20}" + "".join(f"{k:>9}" for k in kinds))
    for name in names:
        values = [statistics.median(r.get(name, 0.0) for r in per_kind[k]) for k in kinds]
        print(f"{name:<20}" + "".join(f"{v:9.3f}" for v in values))
    print(f"peak RSS of the timed rounds {peak_rss_mb(os.getpid()):,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
