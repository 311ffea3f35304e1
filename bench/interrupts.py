"""Interrupt a cold export of 3,000 Reuters stories at random moments (issue 13, point 6).

    uv run python bench/interrupts.py [--runs 20] [--stories 3000] [--seed 13]

Each run: an empty cache, `briefing export DIR -o OUT` in its own process group, SIGINT to the
group (as Ctrl-C in a terminal) at a random moment in 0.5-10 s. Checked: exit 130 within 2 s,
no traceback, exactly one stderr line saying "interrupted", no output file or temporary, no
process left. After the runs, the export with the last interrupted cache must be byte-identical
to an uninterrupted --no-cache export. Reads ../shared/data in place.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from reuters_corpus import write_reuters  # noqa: E402


def one_run(corpus: Path, work: Path, delay: float) -> tuple[bool, str]:
    cache, out = work / "cache", work / "out"
    shutil.rmtree(cache, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", "export", str(corpus), "-o", str(out / "brief.md")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ, XDG_CACHE_HOME=str(cache)), start_new_session=True,
    )
    time.sleep(delay)
    if process.poll() is not None:
        return True, f"finished before {delay:.1f} s (not a test of the interrupt)"
    sent = time.monotonic()
    os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        return False, "alive 10 s after SIGINT"
    took = time.monotonic() - sent
    err = process.stderr.read().decode("utf-8", "replace")
    left = subprocess.run(["pgrep", "-g", str(process.pid)], capture_output=True).returncode == 0
    ok = (process.returncode == 130 and took < 2.0 and "Traceback" not in err and err.count("interrupted") == 1
          and not list(out.iterdir()) and not left)
    return ok, f"exit {process.returncode} in {took:.2f} s, output {sorted(p.name for p in out.iterdir())}, workers left {left}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--stories", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="interrupts-") as tmp:
        work = Path(tmp)
        corpus = write_reuters(work / "corpus", args.stories)
        failures = 0
        for run in range(1, args.runs + 1):
            delay = rng.uniform(0.5, 10.0)
            ok, detail = one_run(corpus, work, delay)
            failures += not ok
            print(f"run {run:2}: SIGINT at {delay:4.1f} s: {'ok ' if ok else 'BAD'} {detail}", flush=True)
        env = dict(os.environ, XDG_CACHE_HOME=str(work / "cache"))
        subprocess.run([sys.executable, "-m", "briefing", "export", str(corpus), "-o", str(work / "after.md")], env=env, capture_output=True, check=True)
        subprocess.run([sys.executable, "-m", "briefing", "export", str(corpus), "-o", str(work / "clean.md"), "--no-cache"],
                       env=dict(os.environ, XDG_CACHE_HOME=str(work / "other")), capture_output=True, check=True)
        same = (work / "after.md").read_bytes() == (work / "clean.md").read_bytes()
        print(f"{args.runs - failures}/{args.runs} runs clean; next export byte-identical to an uninterrupted one: {same}")


if __name__ == "__main__":
    main()
