"""Duplicates on Reuters-21578: identical-body groups found, and precision of near-duplicate
pairs on a sample checked by hand.

    uv run python bench/eval_dedup.py            # figures
    uv run python bench/eval_dedup.py --review   # print the sampled pairs side by side

Articles carry their Reuters dates, as they do when the export reads the files. The sample:
60 pairs drawn with a fixed seed from the pairs our detector reports as `near`
or `translation` (identical bodies need no review). Each was read by a person, who judged
whether the copy repeats the original's news (same event, same facts: a re-post, correction,
re-write or translation = duplicate; a different event or a follow-up with new facts = not).
Verdicts are in `bench/dedup_review.tsv` (newid pairs and a verdict, no Reuters text).
"""

from __future__ import annotations

import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _data import reuters_body, reuters_rows  # noqa: E402

from briefing.dedup import find_duplicates  # noqa: E402
from briefing.model import Article  # noqa: E402

REVIEW = Path(__file__).parent / "dedup_review.tsv"
SAMPLE_SIZE = 60


def _day(row: dict):
    import datetime as dt

    return dt.datetime.strptime(row["date"].split()[0], "%d-%b-%Y").date()


def main() -> None:
    rows = [r for r in reuters_rows() if reuters_body(r)]
    articles = [Article(id=str(r["newid"]), path=str(r["newid"]), text=reuters_body(r), date=_day(r)) for r in rows]
    start = time.perf_counter()
    duplicates = find_duplicates(articles)
    elapsed = time.perf_counter() - start
    original = {a.id: duplicates[a.id].original if a.id in duplicates else a.id for a in articles}
    bodies = defaultdict(list)
    for row in rows:
        bodies[" ".join(reuters_body(row).split())].append(str(row["newid"]))
    groups = [ids for ids in bodies.values() if len(ids) > 1]
    found = sum(len({original[i] for i in ids}) == 1 for ids in groups)
    kinds = defaultdict(int)
    for duplicate in duplicates.values():
        kinds[duplicate.kind] += 1
    print(f"stories with a body: {len(articles)}; duplicates flagged: {len(duplicates)} {dict(kinds)}; {elapsed:.1f} s")
    print(f"groups of identical bodies: {len(groups)}; found whole: {found} ({found / len(groups):.3f})")
    pairs = sorted((d.copy, d.original, d.kind) for d in duplicates.values() if d.kind != "identical")
    sample = random.Random(1987).sample(pairs, min(SAMPLE_SIZE, len(pairs)))
    if "--review" in sys.argv:
        text = {a.id: a.text for a in articles}
        for copy, first, kind in sample:
            print(f"\n=== {copy} ~ {first} ({kind})\nA: {' '.join(text[copy].split())[:400]}\nB: {' '.join(text[first].split())[:400]}")
        return
    if not REVIEW.exists():
        print("no hand review yet: run with --review and record verdicts in", REVIEW)
        return
    verdicts = {}
    for line in REVIEW.read_text().splitlines():
        if line and not line.startswith("#"):
            copy, first, verdict = line.split("\t")[:3]
            verdicts[(copy, first)] = verdict.strip() == "dup"
    judged = [verdicts[(c, o)] for c, o, _ in sample if (c, o) in verdicts]
    print(f"sample of {len(sample)} near/translation pairs: {len(judged)} judged by hand; precision {sum(judged) / max(1, len(judged)):.3f}")
    flagged = {(c, o) for c, o, _ in pairs}
    ever = [v for key, v in verdicts.items() if key in flagged]
    print(f"every hand-judged pair still flagged: {len(ever)}; precision {sum(ever) / max(1, len(ever)):.3f}")
    missing = [c for c, o, _ in sample if (c, o) not in verdicts]
    if missing:
        print(f"{len(missing)} sampled pairs have no verdict yet: the detector changed; review them (--review)")


if __name__ == "__main__":
    main()
