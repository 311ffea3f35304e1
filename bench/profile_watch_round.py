"""Where a watch round's time goes: cProfile of one add / change / delete round, in-process.

    uv run python bench/profile_watch_round.py --keep DIR [--top 40] [--kinds add,change,delete]

Writes Reuters-21578 into DIR (once; kept), runs the Watcher's first round (its own cache
folder under DIR/.., warm from a previous run), one untimed warm-up change, then profiles one
round per kind and prints the top functions by cumulative time, plus each round's wall time.
The folder is put back as it was at the end. Not a unit test, not a timing benchmark
(bench/watch_reuters.py is): a profile shows where time goes, not how long a round takes.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from scale_reuters import prepare_watch_folder  # noqa: E402
from watch_reuters import NEW_STORY, first_round  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, required=True)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--kinds", default="add,change,delete")
    parser.add_argument("--sort", default="cumulative")
    args = parser.parse_args()
    folder = args.keep
    prepare_watch_folder(folder)
    watcher, seconds = first_round(folder)
    print(f"first round: {seconds:.1f} s", flush=True)
    warm = folder / "zz-new-warm.txt"
    victims = sorted(folder.glob("reut-1*.txt"))
    restore = {victims[0]: victims[0].read_bytes(), victims[-1]: victims[-1].read_bytes()}
    try:
        warm.write_text(NEW_STORY.replace("Lavrov", "Lavrov again"))
        start = time.perf_counter()
        watcher.round()
        print(f"warm-up round: {time.perf_counter() - start:.1f} s", flush=True)
        for kind in args.kinds.split(","):
            if kind == "add":
                (folder / "zz-new-0.txt").write_text(NEW_STORY)
            elif kind == "change":
                with open(victims[0], "a") as handle:
                    handle.write("\nThe company said the figures were revised on Monday.\n")
            else:
                victims[-1].unlink()
            profile = cProfile.Profile(time.process_time)  # CPU: the machine is shared, wall time mixes in the neighbours
            start, cpu = time.perf_counter(), time.process_time()
            profile.enable()
            watcher.round()
            profile.disable()
            print(f"\n==== {kind}: {time.perf_counter() - start:.2f} s wall, {time.process_time() - cpu:.2f} s CPU", flush=True)
            pstats.Stats(profile).sort_stats(args.sort).print_stats(args.top)
    finally:
        for path in folder.glob("zz-new-*.txt"):
            path.unlink()
        for path, data in restore.items():
            path.write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
