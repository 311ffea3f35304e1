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

The translation threshold (`TRANSLATION_RUNS`): every hand-judged pair that only the
translation check can find (no near-copy), from dedup_review.tsv (scores >= the threshold)
and bench/dedup_translation_band.tsv (30 pairs just below it, labelled before their scores
were seen), is scored by its anchor-run share and counted per score band, tune and blind
halves side by side (halves by a hash of "copy-original"). A threshold moves only when the
blind half gains.
"""

from __future__ import annotations

import hashlib
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _data import reuters_body, reuters_rows  # noqa: E402

from briefing.analyse import dedup  # noqa: E402
from briefing.analyse.dedup import find_duplicates  # noqa: E402
from briefing.core.model import Article  # noqa: E402

REVIEW = Path(__file__).parent / "dedup_review.tsv"
BAND = Path(__file__).parent / "dedup_translation_band.tsv"
BANDS = ((0.6, 0.75), (0.75, 0.85), (0.85, 1.01))


def _verdicts(path: Path) -> dict[tuple[str, str], bool]:
    verdicts = {}
    for line in path.read_text().splitlines():
        if line and not line.startswith("#"):
            copy, first, verdict = line.split("\t")[:3]
            verdicts[(copy, first)] = verdict.strip() == "dup"
    return verdicts


def translation_bands(texts: dict[str, str]) -> None:
    """Precision of translation-only pairs per anchor-run band, tune | blind."""
    judged = {**_verdicts(REVIEW), **_verdicts(BAND)}
    counts = {(band, half): [0, 0] for band in BANDS for half in ("tune", "blind")}
    for (copy, first), is_dup in judged.items():
        a, b = (dedup._profile(Article(id=i, path=i, text=texts[i])) for i in (copy, first))
        if dedup._near_score(a, b) and dedup._same_facts(a, b, "near"):
            continue  # the near-copy check finds it whatever the threshold
        if not dedup._same_facts(a, b, "translation"):
            continue
        score = dedup.anchor_runs_shared(a, b)
        half = ("tune", "blind")[hashlib.sha1(f"{copy}-{first}".encode()).digest()[0] % 2]
        for band in BANDS:
            if band[0] <= score < band[1]:
                counts[band, half][0] += is_dup
                counts[band, half][1] += 1
    print(f"translation-only pairs judged by hand, duplicates/pairs per anchor-run share "
          f"(TRANSLATION_RUNS = {dedup.TRANSLATION_RUNS}):")
    for band in BANDS:
        row = "   ".join(
            f"{half} {counts[band, half][0]}/{counts[band, half][1]}" for half in ("tune", "blind")
        )
        print(f"  [{band[0]:.2f}, {min(band[1], 1):.2f})  {row}")
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
    translation_bands({a.id: a.text for a in articles})
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
