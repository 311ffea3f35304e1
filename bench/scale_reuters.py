"""Scale benchmark: export all of Reuters-21578 (21,578 stories, 58 days) cold and warm.

    uv run python bench/scale_reuters.py [--keep DIR]

Writes the stories as one text file each (title, ` date YYYY-MM-DD` header, body) into a
temporary folder, then measures in the same run:
  - baseline: a plain read-and-split of the same files (read, decode, split sentences);
  - cold: `briefing export DIR --format json` with an empty cache folder;
  - warm: the same command again (cache filled).
Peak memory: the largest single process's max RSS (getrusage, free to read), and the whole
process tree's proportional set size (PSS, /proc/*/smaps_rollup: forked workers' shared pages
counted once) sampled every 0.1 s, which is what the machine actually spends.

The PSS sampling is not free: reading smaps_rollup walks the page tables of every process in the
tree under their memory lock, and on the 2-core machine it cost the export about 15 s of wall
time and 12 s of system CPU. So the times are measured on runs nobody samples, and the tree's
PSS on a second cold/warm pair (its times are printed too, marked as sampled).
Targets (issue 3): cold <= 60 s, peak <= 1.5 GB, warm <= 10 s. """

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _data import REPO, reuters_body, reuters_rows  # noqa: E402


def materialise(folder: Path) -> int:
    count = 0
    for row in reuters_rows():
        body = reuters_body(row)  # about 2,500 stories have a title only: they are skipped as such
        day = dt.datetime.strptime(row["date"].split()[0], "%d-%b-%Y").date()
        title = (row.get("title") or "").strip()
        (folder / f"reut-{int(row['newid']):05d}.txt").write_text(f"{title}\n date {day.isoformat()}\n\n{body}\n")
        count += 1
    return count


def prepare_watch_folder(folder: Path) -> None:
    """Fill `folder` with all of Reuters unless it holds files already, and point the cache and
    data folders beside it, so a watch bench reuses both across runs."""
    folder.mkdir(parents=True, exist_ok=True)
    if not any(folder.iterdir()):
        print(f"writing {materialise(folder):,} stories to {folder}", flush=True)
    os.environ.setdefault("XDG_CACHE_HOME", str(folder.parent / (folder.name + "-cache")))
    os.environ.setdefault("XDG_DATA_HOME", str(folder.parent / (folder.name + "-data")))


def baseline(folder: Path) -> float:
    start = time.perf_counter()
    sentences = 0
    for path in sorted(folder.iterdir()):
        text = path.read_bytes().decode("utf-8")
        sentences += len(re.split(r"(?<=[.!?])\s+", text))
    return time.perf_counter() - start


def _tree(pid: int) -> list[int]:
    """`pid` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def _pss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except (OSError, ValueError):
            continue
    return total / 1024


def run_export(folder: Path, cache: Path, output: Path, sample: bool = False) -> tuple[float, float, float]:
    """Seconds, largest single-process max RSS (MB) and, with `sample`, peak PSS of the process tree (MB)."""
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    command = [sys.executable, "-m", "briefing", "export", str(folder), "--format", "json", "-o", str(output)]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=REPO, stderr=subprocess.DEVNULL)
    peak_tree = 0.0
    while sample and _running(process.pid):
        peak_tree = max(peak_tree, _pss_mb(_tree(process.pid)))
        time.sleep(0.1)
    _, status, usage = os.wait4(process.pid, 0)  # this run's own rusage (its workers included), not all children's
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"export failed with exit code {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024, peak_tree


def _running(pid: int) -> bool:
    """Still running (a zombie counts as finished), without reaping it: wait4 must get its rusage."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def main() -> None:
    keep = sys.argv[sys.argv.index("--keep") + 1] if "--keep" in sys.argv else None
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(keep) if keep else Path(scratch) / "reuters"
        folder.mkdir(parents=True, exist_ok=True)
        count = len(list(folder.iterdir())) or materialise(folder)
        output = Path(scratch) / "brief.json"
        base = baseline(folder)
        cold, cold_mb, _ = run_export(folder, Path(scratch) / "cache", output)
        warm, warm_mb, _ = run_export(folder, Path(scratch) / "cache", output)
        sampled_cold, _, cold_tree = run_export(folder, Path(scratch) / "cache-sampled", output, sample=True)
        sampled_warm, _, warm_tree = run_export(folder, Path(scratch) / "cache-sampled", output, sample=True)
        print(f"files: {count}")
        print(f"baseline read-and-split: {base:6.1f} s")
        print(f"cold export:             {cold:6.1f} s  ({cold / base:5.1f}x baseline)  peak {cold_mb:5.0f} MB one process  "
              f"[target <= 60 s, <= 1500 MB]")
        print(f"warm export:             {warm:6.1f} s  ({warm / base:5.1f}x baseline)  peak {warm_mb:5.0f} MB one process  "
              f"[target <= 10 s]")
        print(f"all processes (PSS):     cold {cold_tree:5.0f} MB, warm {warm_tree:5.0f} MB  [target <= 1500 MB]  "
              f"(sampled runs: {sampled_cold:.1f} s cold, {sampled_warm:.1f} s warm, slowed by the sampling)")


if __name__ == "__main__":
    main()
