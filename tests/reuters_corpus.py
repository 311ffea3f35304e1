"""Reuters-21578 stories written as files, as bench/scale_reuters.py does (read in place from
../shared/data; the files go to a temporary folder, never into the repo)."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

from conftest import data_path


def write_reuters(folder: Path, count: int) -> Path:
    path = data_path("reuters21578", "reuters21578.jsonl.gz")
    folder.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if n >= count:
                break
            row = json.loads(line)
            body = (row.get("body") or "").replace("&\\t", "\n\n    ").strip()
            day = dt.datetime.strptime(row["date"].split()[0], "%d-%b-%Y").date()
            title = (row.get("title") or "").strip()
            (folder / f"reut-{int(row['newid']):05d}.txt").write_text(f"{title}\n date {day.isoformat()}\n\n{body}\n")
    return folder
