"""How many quotes of wire copy get no speaker, and a re-checkable hand review of speakers.

    uv run python bench/eval_speakers_wire.py [--show-missing N] [--half tune|blind]

Corpora: DUC 2003 Task 2 (every document of every cluster) and Reuters-21578 (every body),
read in place from ../shared/data. A quote counts when `extract_quotes` does not flag it as a
fragment (those are scare quotes, never shown as quotes with speakers). Articles are split
into a tune and a blind half by a hash of their id; both halves are printed side by side.

The hand review lives in `bench/speaker_review.tsv` (article id, quote start, the quote's first
words, speaker given when judged, verdict ok / wrong / none-ok / none-missed, note). A judged
quote is found again by its first words (cleaning may move offsets: wire quote marks became
one character), by its start when they are absent. This script re-runs
the extractor on those quotes and prints how many of the judged speakers are still given,
how many changed (to re-judge), and the count of wrong ones among the unchanged.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench._data import DATA, reuters_body, reuters_rows  # noqa: E402
from briefing.analyse.quotes import extract_quotes  # noqa: E402

REVIEW = REPO / "bench" / "speaker_review.tsv"


def half(name: str) -> str:
    return "blind" if hashlib.sha1(name.encode()).digest()[0] % 2 else "tune"


def duc_texts() -> dict[str, str]:
    from briefing.ingest.load import load_corpus

    root = DATA / "duc2003_task2" / "docs"
    if not root.exists():
        return {}
    out = {}
    for article in load_corpus([root]).articles:
        out[f"duc:{Path(article.path).name}"] = article.text
    return out


def reuters_texts() -> dict[str, str]:
    if not (DATA / "reuters21578").exists():
        return {}
    return {f"reuters:{row.get('newid') or row.get('id')}": reuters_body(row) for row in reuters_rows()}


def web_texts() -> dict[str, str]:
    """Main text of the ScrapingHub and trafilatura evaluation pages (gzipped HTML), as the
    HTML reader extracts it."""
    from briefing.ingest.html.extract import extract_html
    from trafilatura.utils import decode_file

    out = {}
    for sub in ("scrapinghub_aeb/html", "trafilatura_eval"):
        root = DATA / sub
        if not root.exists():
            continue
        for path in sorted(root.glob("*.html.gz")):
            document = extract_html(decode_file(gzip.open(path).read()))
            if document and document.text:
                out[f"web:{path.name}"] = document.text
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show-missing", type=int, default=0)
    ap.add_argument("--half", default="tune")
    args = ap.parse_args(argv)
    corpora = {"DUC": duc_texts(), "Reuters": reuters_texts()}
    if not any(corpora.values()):
        print("skipped: research data not available")
        return 0
    shown = 0
    print(f"{'':10}{'tune':>18}{'blind':>18}")
    for cname, texts in corpora.items():
        counts = {"tune": [0, 0], "blind": [0, 0]}
        for aid, text in texts.items():
            h = half(aid)
            for q in extract_quotes(text):
                if q.fragment:
                    continue
                counts[h][0] += 1
                if q.speaker is None:
                    counts[h][1] += 1
                    if h == args.half and shown < args.show_missing:
                        shown += 1
                        ctx = text[max(0, q.start - 150): q.end + 150].replace("\n", " ")
                        print(f"MISSING {aid} {q.start}: ...{ctx}...")
        cells = [f"{c[1]:5d}/{c[0]:5d} = {c[1] / max(1, c[0]):.3f}" for c in (counts["tune"], counts["blind"])]
        print(f"{cname + ' no speaker':10}  {cells[0]:>16}  {cells[1]:>16}")
    if REVIEW.exists():
        review(corpora)
    return 0


def _judged_quote(text: str, row: dict[str, str]):
    quotes = extract_quotes(text)
    words = row.get("quote") or ""
    if words:
        found = [q for q in quotes if " ".join(text[q.start:q.end].split()).startswith(words)]
        if found:
            return min(found, key=lambda q: abs(q.start - int(row["start"])))
    return next((q for q in quotes if q.start == int(row["start"])), None)


def review(corpora: dict[str, dict[str, str]]) -> None:
    texts = {k: v for c in corpora.values() for k, v in c.items()}
    rows = list(csv.DictReader(REVIEW.open(encoding="utf-8"), delimiter="\t"))
    if any(r["article"].startswith("web:") for r in rows):
        texts.update(web_texts())
    tally = {"tune": {}, "blind": {}}
    changed = 0
    for r in rows:
        text = texts.get(r["article"])
        if text is None:
            continue
        quote = _judged_quote(text, r)
        now = quote.speaker if quote else "<quote gone>"
        if (now or "") != r["speaker"]:
            changed += 1
            print(f"CHANGED {r['article']} {r['start']}: judged {r['speaker']!r} ({r['verdict']}), now {now!r}")
            continue
        t = tally[half(r["article"])]
        t[r["verdict"]] = t.get(r["verdict"], 0) + 1
    for h in ("tune", "blind"):
        print(f"review {h}: " + ", ".join(f"{k} {v}" for k, v in sorted(tally[h].items())))
    print(f"review: {len(rows)} judged quotes, {changed} changed since judged (re-judge those)")


if __name__ == "__main__":
    sys.exit(main())
