"""Incremental-update benchmark: `briefing watch` on all of Reuters-21578, one change at a time.

    uv run python bench/watch_reuters.py [--rounds 5] [--keep DIR] [--skip-full]

Writes the 21,578 stories one text file each (as bench/scale_reuters.py does) into a temporary
folder, then in the same run:
  - baseline: a plain read-and-split of the same files;
  - cold and warm full exports (`briefing export DIR --format json`, empty then filled cache);
  - watch: starts `briefing watch DIR -o FILE --format json` (its own cache folder, warmed by
    its first round and one untimed change), then `--rounds` times each of: add one new file, change one file, delete
    one file; for each, the time from the change on disk to FILE being replaced (its inode
    changes: the atomic rename) — median and maximum per kind;
  - the watch's peak resident memory (VmHWM), read before it is stopped;
  - check: FILE after the last round against a fresh `briefing export --since-last` of the
    folder as it then is (empty cache): byte-identical, as a watch round must be.
Target (issue 17, item 5): median <= 2 s per change, warm. Not a unit test: the figure depends
on the machine; run it on an idle one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from scale_reuters import REPO, baseline, materialise  # noqa: E402

NEW_STORY = """Lavrov urges Putin to keep talking as Scholz heads to Kyiv
 date 1987-03-02

MOSCOW, March 2 - A new wire story written for the benchmark: it is about talks on troops
and security demands, and it joins whichever story of its day it resembles.
"""


def first_round(folder: Path):
    """A Watcher of `folder` run in this process (JSON FILE beside the folder, warnings
    silenced) and the seconds of its first round: the in-process benches' start."""
    from briefing.core.cache import Cache
    from briefing.watch import Watcher

    watcher = Watcher(folder, folder.parent / (folder.name + "-brief.json"), "json", cache=Cache(), warn=lambda message: None)
    start = time.perf_counter()
    watcher.round()
    return watcher, time.perf_counter() - start


def timed(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def wait_replaced(path: Path, inode: int | None, limit: float = 300.0) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        try:
            if os.stat(path).st_ino != inode:
                return time.perf_counter() - start
        except FileNotFoundError:
            pass
        time.sleep(0.01)
    return None


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its waited-for children (/proc; 0 where unreadable)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident set (VmHWM, /proc), in MB; 0 where unreadable."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def inode(path: Path) -> int | None:
    try:
        return os.stat(path).st_ino
    except FileNotFoundError:
        return None


def same_as_fresh(program: list[str], folder: Path, output: Path, work: Path, env: dict) -> bool:
    """The watch's FILE after all the rounds against a fresh `briefing export` of the folder as
    it now is (an empty cache folder; the same export record, so the same since-last marks):
    byte for byte, and when not, whether they differ only in the since-last marks (a watch
    without an earlier export marks against its own first round)."""
    import json

    fresh = work / "fresh.json"
    fresh_env = dict(env, XDG_CACHE_HOME=str(work / "fresh-cache"))
    took = timed([*program, "export", str(folder), "--format", "json", "--since-last", "-o", str(fresh)], fresh_env)
    ours, theirs = output.read_bytes(), fresh.read_bytes()
    if ours == theirs:
        print(f"watch FILE byte-identical to a fresh export ({len(ours):,} bytes; fresh export {took:.1f} s)")
        return True

    def unmarked(data: bytes) -> dict:
        document = json.loads(data)
        document.pop("since_last", None)
        for story in [s for d in document["days"] for s in d["stories"]] + document["undated"]:
            story.pop("since_last", None)
        return document

    alike = unmarked(ours) == unmarked(theirs)
    print(f"watch FILE differs from a fresh export ({len(ours):,} vs {len(theirs):,} bytes); "
          f"{'equal' if alike else 'NOT equal'} without the since-last marks")
    return alike


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    parser.add_argument("--skip-full", action="store_true", help="no cold/warm full exports (only the watch)")
    parser.add_argument("--skip-check", action="store_true", help="no fresh export to compare the watch's FILE with")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="briefing-watch-bench-"))
    folder = args.keep or work / "reuters"
    folder.mkdir(parents=True, exist_ok=True)
    if not any(folder.iterdir()):
        print(f"writing {materialise(folder):,} stories to {folder}", flush=True)
    env = dict(os.environ, XDG_CACHE_HOME=str(work / "cache"), XDG_DATA_HOME=str(work / "data"))
    program = [sys.executable, "-m", "briefing"]
    try:
        print(f"baseline read-and-split: {baseline(folder):.1f} s", flush=True)
        if not args.skip_full:
            export = [*program, "export", str(folder), "--format", "json", "-o", str(work / "full.json")]
            print(f"cold export: {timed(export, env):.1f} s", flush=True)
            print(f"warm export: {timed(export, env):.1f} s", flush=True)
        output = work / "brief.json"
        restore: dict[Path, bytes] = {}
        child = subprocess.Popen([*program, "watch", str(folder), "-o", str(output), "--format", "json"], env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO)
        try:
            start = time.perf_counter()
            if wait_replaced(output, None, 600) is None:
                print("watch wrote nothing in 600 s")
                return 1
            print(f"watch first round (cold for the watch's stories): {time.perf_counter() - start:.1f} s", flush=True)
            time.sleep(1.0)
            # One untimed change first: a first round served whole from the disk cache leaves the
            # watch's per-story and per-pair memory empty, and this round fills it.
            before, start = inode(output), time.perf_counter()
            (folder / "zz-new-warm.txt").write_text(NEW_STORY.replace("Lavrov", "Lavrov again"))
            took = wait_replaced(output, before, 1800)
            print(f"watch warm-up change (fills the watch's memory): {took if took is not None else float('nan'):.1f} s", flush=True)
            time.sleep(1.0)
            warmed_peak = peak_rss_mb(child.pid)
            victims = sorted(folder.glob("reut-1*.txt"))
            restore.update({path: path.read_bytes() for path in victims[: args.rounds] + victims[-args.rounds :]})
            times: dict[str, list[float]] = {"add": [], "change": [], "delete": []}
            cpu: dict[str, list[float]] = {"add": [], "change": [], "delete": []}
            for n in range(args.rounds):
                for kind in ("add", "change", "delete"):
                    before, used = inode(output), cpu_seconds(child.pid)
                    if kind == "add":
                        (folder / f"zz-new-{n}.txt").write_text(NEW_STORY)
                    elif kind == "change":
                        with open(victims[n], "a") as handle:
                            handle.write("\nThe company said the figures were revised on Monday.\n")
                    else:
                        shutil.move(str(victims[-1 - n]), str(work / victims[-1 - n].name))
                    took = wait_replaced(output, before)
                    times[kind].append(float("inf") if took is None else took)
                    cpu[kind].append(cpu_seconds(child.pid) - used)
                    print(f"  {kind} {n + 1}: {took if took is not None else float('nan'):.2f} s "
                          f"(watch CPU {cpu[kind][-1]:.2f} s)", flush=True)
                    time.sleep(0.5)
            for kind, values in times.items():
                print(f"{kind}: median {statistics.median(values):.2f} s, max {max(values):.2f} s (target median <= 2 s); "
                      f"watch CPU median {statistics.median(cpu[kind]):.2f} s")
            print(f"watch peak RSS: {peak_rss_mb(child.pid):,.0f} MB (target <= 1 GB); "
                  f"{warmed_peak:,.0f} MB before the timed rounds (first round and warm-up)")
            if not args.skip_check:
                same_as_fresh(program, folder, output, work, env)
        finally:
            child.kill()
            child.wait()
            if args.keep:  # leave the kept folder as it was for the next run
                for path in folder.glob("zz-new-*.txt"):
                    path.unlink()
                for path, data in restore.items():
                    path.write_bytes(data)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
