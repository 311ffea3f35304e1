"""Screenshots of the HTML brief in headless Chromium: 600 px and 1,200 px wide, light and dark.

    uv run python bench/html_screenshots.py [DIR] [--out FOLDER] [--template smart-brevity]

Exports DIR (default: sample_corpus/) with `--format html`, then asks Chromium (`chromium`,
`chromium-browser` or `google-chrome` on PATH; `apt-get install -y chromium`) for four PNGs:
light-600.png, dark-600.png, light-1200.png, dark-1200.png (dark through
`--force-dark-mode`, which sets `prefers-color-scheme: dark`). Network access is cut
(`--proxy-server` to nowhere): an e-mail-safe brief needs none, and a page that fetched
anything would show it as missing. Prints where the files are; look at them.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default=str(REPO / "sample_corpus"))
    parser.add_argument("--out", default=None)
    parser.add_argument("--template", default="standard")
    parser.add_argument("--height", type=int, default=1600)
    args = parser.parse_args()
    chrome = browser()
    if chrome is None:
        print("skipped: no Chromium on PATH (apt-get install -y chromium)")
        return 0
    out = Path(args.out or tempfile.mkdtemp(prefix="brief-shots-"))
    out.mkdir(parents=True, exist_ok=True)
    page = out / "brief.html"
    subprocess.run(
        [sys.executable, "-m", "briefing", "export", args.corpus, "--format", "html", "--template", args.template, "-o", str(page), "--no-cache"],
        check=True, cwd=REPO,
    )
    for width in (600, 1200):
        for scheme in ("light", "dark"):
            shot = out / f"{scheme}-{width}.png"
            command = [
                chrome, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                f"--window-size={width},{args.height}", f"--screenshot={shot}", page.as_uri(),
            ]
            if scheme == "dark":
                command.insert(2, "--force-dark-mode")
            subprocess.run(command, check=True, capture_output=True, timeout=120)
            print(f"{shot}  ({shot.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
