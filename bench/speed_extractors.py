"""CPU time of figure and quote extraction over every Reuters-21578 body, this tree against a
git revision, measured in one run (each side in its own process, one after the other).

    uv run python bench/speed_extractors.py [--baseline REV]   # default REV: 4d7aa51

The baseline's `briefing/` is taken with `git archive` into a temporary folder; the script
never touches the working tree.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CHILD = r"""
import sys, time
sys.path.insert(0, sys.argv[1]); sys.path.insert(1, sys.argv[2])
from bench._data import reuters_rows, reuters_body
from briefing.analyse.figures import extract_figures
from briefing.analyse.quotes import extract_quotes
bodies = [reuters_body(r) for r in reuters_rows()]
for name, fn in (("figures", extract_figures), ("quotes", extract_quotes)):
    t = time.process_time()
    n = sum(len(fn(b)) for b in bodies)
    print(name, round(time.process_time() - t, 2), n)
"""


def run(root: str) -> dict[str, tuple[float, int]]:
    out = subprocess.run([sys.executable, "-c", CHILD, root, str(REPO)], capture_output=True, text=True, check=True).stdout
    return {name: (float(sec), int(n)) for name, sec, n in (line.split() for line in out.splitlines())}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--baseline", default="4d7aa51")
    args = ap.parse_args(argv)
    if not (REPO.parent / "shared" / "data" / "reuters21578").exists():
        print("skipped: research data not available")
        return 0
    archive = subprocess.run(["git", "-C", str(REPO), "archive", args.baseline, "briefing"], capture_output=True, check=True).stdout
    with tempfile.TemporaryDirectory() as tmp:
        tarfile.open(fileobj=BytesIO(archive)).extractall(tmp)
        old = run(tmp)
    new = run(str(REPO))
    print(f"{'Reuters bodies':14}{'baseline ' + args.baseline:>22}{'this tree':>22}")
    for name in ("figures", "quotes"):
        (s0, n0), (s1, n1) = old[name], new[name]
        print(f"{name:14}{s0:>12.2f} CPU-s {n0:>6}{s1:>12.2f} CPU-s {n1:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
