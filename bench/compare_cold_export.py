"""Cold export of one folder by two source trees, alternating, in the same run: CPU and wall.

    uv run python bench/compare_cold_export.py OLD_TREE NEW_TREE FOLDER [--runs 3] [--format json]

Each tree runs `python -m briefing export FOLDER` with its own virtualenv (`TREE/.venv`,
made by `uv sync` in the tree) and an empty cache folder every time (XDG_CACHE_HOME, which
platformdirs reads: see briefing/cache.py), old and new taking turns so that whatever else
loads the machine hits both alike. On a shared machine wall time is noise; CPU seconds
(user + sys of the export and its forked workers, from wait4) are the figure to compare.
It also says whether the two trees wrote the same bytes (sha256 of each output).

For all of Reuters-21578, build the folder once with
`uv run python bench/scale_reuters.py --keep /tmp/reuters` (or reuse it).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(tree: Path, folder: Path, fmt: str, scratch: Path, tag: str) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds (user + sys), peak RSS of the largest process (MB), output sha256."""
    python = tree / ".venv" / "bin" / "python"
    if not python.exists():
        raise SystemExit(f"no virtualenv in {tree}: run `uv sync` there first")
    cache = Path(tempfile.mkdtemp(prefix=f"cache-{tag}-", dir=scratch))
    output = scratch / f"{tag}.{fmt}"
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    # no --force: the output is in the scratch folder, never inside the corpus, and older trees lack the flag
    command = [str(python), "-m", "briefing", "export", str(folder), "--format", fmt, "-o", str(output)]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=tree, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)  # this export's own rusage, its workers included
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{tag}: export failed (exit {os.waitstatus_to_exitcode(status)}): {' '.join(command)}")
    digest = hashlib.sha256(output.read_bytes()).hexdigest()
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, digest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--format", default="json")
    args = parser.parse_args()
    results: dict[str, list[tuple[float, float, float, str]]] = {"old": [], "new": []}
    with tempfile.TemporaryDirectory() as scratch:
        for n in range(args.runs):
            order = ("old", "new") if n % 2 == 0 else ("new", "old")  # alternate who goes first
            for tag in order:
                tree = args.old if tag == "old" else args.new
                result = run(tree.resolve(), args.folder.resolve(), args.format, Path(scratch), tag)
                results[tag].append(result)
                wall, cpu, rss, digest = result
                print(f"run {n + 1} {tag}: wall {wall:6.1f} s  cpu {cpu:6.1f} s  peak {rss:5.0f} MB  sha256 {digest[:16]}",
                      flush=True)
    old_wall = statistics.median(r[0] for r in results["old"])
    new_wall = statistics.median(r[0] for r in results["new"])
    old_cpu = statistics.median(r[1] for r in results["old"])
    new_cpu = statistics.median(r[1] for r in results["new"])
    same = {r[3] for r in results["old"]} == {r[3] for r in results["new"]} and len({r[3] for r in results["old"]}) == 1
    print(f"old  {args.old}: median wall {old_wall:6.1f} s, cpu {old_cpu:6.1f} s, peak {max(r[2] for r in results['old']):5.0f} MB")
    print(f"new  {args.new}: median wall {new_wall:6.1f} s, cpu {new_cpu:6.1f} s, peak {max(r[2] for r in results['new']):5.0f} MB")
    print(f"new/old: cpu {new_cpu / old_cpu:.3f}, wall {new_wall / old_wall:.3f}; output {'identical' if same else 'DIFFERENT'}")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
