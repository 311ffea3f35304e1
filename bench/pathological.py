"""Pathological inputs of issue 13, each exported cold on its own, timed, with peak memory.

    uv run python bench/pathological.py [--only NAME ...] [--tiny-count N]

Each case is generated in a temporary folder (nothing committed) and exported with
`briefing export DIR --no-cache` in a child process. Printed per case: wall time, the child's CPU
time (user + system: the machine is shared, so wall time alone says little), the peak RSS
of the largest process (getrusage of the children), exit code, and the skip line from stderr.
Targets (issue 13, point 3): each single pathological file within 5 s; a folder of 50,000 tiny
files within 60 s; a JSONL of a million lines within 60 s under 1.5 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def emphasis(folder: Path) -> None:
    (folder / "emphasis.md").write_text("*a " * 20_000)


def emphasis_300k(folder: Path) -> None:
    (folder / "emphasis.md").write_text("*a " * 100_000)


def sgml(folder: Path) -> None:
    (folder / "docs.txt").write_text("<DOC>\n" * 40_000)


def at_run(folder: Path) -> None:
    line = "The company said 12" + "@" * 1100 + " units were sold in 2021."
    (folder / "at.txt").write_text("Title\n\n" + " ".join([line] * 50))


def jsonl_million(folder: Path) -> None:
    with open(folder / "tiny.jsonl", "w") as handle:
        for n in range(1_000_000):
            handle.write('{"text": "a %d"}\n' % (n % 10))


def jsonl_titled(folder: Path) -> None:
    with open(folder / "titled.jsonl", "w") as handle:
        for n in range(300_000):
            handle.write(json.dumps({"title": f"T{n}", "text": f"Talks go on {n}."}) + "\n")


TINY_FILES = 50_000  # --tiny-count changes it (5,000 / 20,000 for a profile)


def tiny_files(folder: Path) -> None:
    for n in range(TINY_FILES):
        (folder / f"{n:05d}.txt").write_text(f"Title {n}\n\nThe ministry said talks would go on, number {n}.\n")


CASES = {
    "emphasis-60k": emphasis, "emphasis-300k": emphasis_300k, "sgml-doc-40k": sgml, "at-run": at_run,
    "jsonl-1e6": jsonl_million, "jsonl-titled-3e5": jsonl_titled, "tiny-files-50k": tiny_files,
}


def run(name: str, make) -> None:
    with tempfile.TemporaryDirectory(prefix=f"patho-{name}-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        make(folder)
        env = dict(os.environ, XDG_CACHE_HOME=str(Path(tmp) / "cache"))
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        before, cpu_before = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "briefing", "export", str(folder), "--no-cache", "-o", str(Path(tmp) / "brief.md")],
            capture_output=True, text=True, env=env, cwd=REPO,
        )
        took = time.perf_counter() - start
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime - cpu_before
        skipped = [line for line in result.stderr.splitlines() if "skipped" in line]
        print(f"{name:18} {took:7.1f} s wall {cpu:7.1f} s cpu  peak {max(peak, before) / 1024:7.0f} MB  exit {result.returncode}  {skipped[:1]}", flush=True)


def main() -> None:
    global TINY_FILES
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", choices=sorted(CASES))
    parser.add_argument("--tiny-count", type=int, default=TINY_FILES, help="files of tiny-files-50k")
    args = parser.parse_args()
    TINY_FILES = args.tiny_count
    for name in args.only or CASES:
        run(name, CASES[name])


if __name__ == "__main__":
    main()
