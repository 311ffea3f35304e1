"""The cache stays under its limit: three cold-to-warm exports of all of Reuters-21578 with
different settings into one cache folder with a small limit (issue 16).

    uv run python bench/cache_bound_reuters.py [--limit-mb 80] [--folder DIR]

Each export adds the files' readings (shared by all settings) and a brief per setting; with a
limit below what three settings need, the least recently used entries must go. After each
export it prints the database file's size, the stored values and the write-ahead log, against
the limit. The files are written as scale_reuters.py writes them (or read from --folder).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from scale_reuters import materialise  # noqa: E402

SETTINGS = ([], ["--words", "40"], ["--algorithm", "lexrank"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit-mb", type=float, default=80)
    parser.add_argument("--folder", type=Path)
    args = parser.parse_args()
    limit = int(args.limit_mb * 1_000_000)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.folder or Path(tmp) / "reuters"
        if args.folder is None:
            folder.mkdir()
            materialise(folder)
        home = Path(tmp) / "cache"
        env = dict(os.environ, XDG_CACHE_HOME=str(home), BRIEFING_CACHE_SIZE=str(limit))
        database = home / "briefing" / "analysis.sqlite3"
        print(f"limit {limit / 1e6:.1f} MB")
        for options in SETTINGS:
            started = time.monotonic()
            subprocess.run([sys.executable, "-m", "briefing", "export", str(folder), "--format", "json", "-o",
                            str(Path(tmp) / "out.json"), *options], env=env, check=True, stderr=subprocess.DEVNULL)
            db = sqlite3.connect(database)
            stored = db.execute("SELECT COALESCE(SUM(size), 0) FROM entries").fetchone()[0]
            kinds = dict(db.execute("SELECT kind, count(*) FROM entries GROUP BY kind").fetchall())
            db.close()
            wal = database.with_name(database.name + "-wal")
            size = database.stat().st_size
            print(f"export {' '.join(options) or '(defaults)':22} {time.monotonic() - started:6.1f} s  file {size / 1e6:6.1f} MB"
                  f"  values {stored / 1e6:6.1f} MB  wal {wal.stat().st_size / 1e6 if wal.exists() else 0:5.1f} MB"
                  f"  {'under' if size <= limit else 'OVER'} the limit  entries {kinds}")


if __name__ == "__main__":
    main()
