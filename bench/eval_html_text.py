"""Score briefing.html_extract against plain trafilatura on the shared gold sets.

    uv run python bench/eval_html_text.py              # ours and the baseline, both sets
    uv run python bench/eval_html_text.py --failures   # also list misses, leaks, low F1
    uv run python bench/eval_html_text.py --ablate     # figures with each rule switched off

Data is read from <repo>/../shared/data (never copied into the repository):

* trafilatura_eval/gold.json: per page `with` snippets that must be substrings of the main
  text and `without` boilerplate snippets that must not. Reported: share of all `with`
  snippets kept, share of all `without` snippets leaked.
* scrapinghub_aeb/ground-truth.json: the full article body per page. Reported: token F1
  (tokens = lower-cased \\w+, counted as a multiset), as the mean of per-page F1 and as the
  micro F1 over all tokens of all pages.

The baseline is `trafilatura.extract(html, include_comments=False)`. Both extractors get
the same str, decoded from the stored bytes with trafilatura's own decoder.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
TRAFILATURA_EVAL = "trafilatura_eval"
SCRAPINGHUB = "scrapinghub_aeb"

#: Acceptance thresholds (kept >=, leaked <=, both F1 >=).
MIN_KEPT, MAX_LEAKED, MIN_F1 = 0.93, 0.08, 0.95

_TOKEN_RE = re.compile(r"\w+")

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def tokens(text: str) -> Counter:
    return Counter(_TOKEN_RE.findall((text or "").lower()))


def token_overlap(predicted: str, gold: str) -> tuple[int, int, int]:
    """(overlapping, predicted, gold) token counts of one page."""
    p, g = tokens(predicted), tokens(gold)
    return sum((p & g).values()), sum(p.values()), sum(g.values())


def f1(overlap: int, predicted: int, gold: int) -> float:
    if not overlap:
        return 0.0
    precision, recall = overlap / predicted, overlap / gold
    return 2 * precision * recall / (precision + recall)


def decode(raw: bytes) -> str:
    from trafilatura.utils import decode_file

    return decode_file(raw)


def ours(html: str) -> str:
    from briefing.html_extract import extract_html

    document = extract_html(html)
    return document.text if document else ""


def baseline(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


EXTRACTORS = {"ours": ours, "trafilatura": baseline}


def load_trafilatura_eval(data: Path) -> list[dict]:
    folder = data / TRAFILATURA_EVAL
    entries = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    return [{**e, "path": str(folder / e["file"])} for e in entries]


def load_scrapinghub(data: Path) -> list[dict]:
    folder = data / SCRAPINGHUB
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        {"id": key, "url": value.get("url"), "body": value["articleBody"],
         "path": str(folder / "html" / f"{key}.html.gz")}
        for key, value in truth.items()
    ]


def _run_page(job: tuple[str, str, dict]) -> tuple[str, float]:
    """Extract one page with one extractor; returns (text, seconds)."""
    name, path, rules = job
    from briefing import html_extract

    saved = dict(html_extract.RULES)
    html_extract.RULES.update(rules)
    try:
        html = decode(gzip.open(path).read())
        start = time.perf_counter()
        text = EXTRACTORS[name](html)
        return text, time.perf_counter() - start
    finally:
        html_extract.RULES.update(saved)


def extract_all(name: str, pages: list[dict], jobs: int, rules: dict | None = None):
    work = [(name, page["path"], rules or {}) for page in pages]
    if jobs <= 1:
        return [_run_page(w) for w in work]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(_run_page, work, chunksize=4))


def score_snippets(pages: list[dict], texts: list[str]) -> dict:
    kept = total_with = leaked = total_without = 0
    failures = []
    for page, text in zip(pages, texts):
        for snippet in page["with"]:
            total_with += 1
            if snippet in text:
                kept += 1
            else:
                failures.append(("missed", page["file"], snippet))
        for snippet in page["without"]:
            total_without += 1
            if snippet in text:
                leaked += 1
                failures.append(("leaked", page["file"], snippet))
    return {
        "kept": kept / max(1, total_with),
        "leaked": leaked / max(1, total_without),
        "failures": failures,
    }


def score_bodies(pages: list[dict], texts: list[str]) -> dict:
    per_page, totals = [], [0, 0, 0]
    for page, text in zip(pages, texts):
        counts = token_overlap(text, page["body"])
        per_page.append((f1(*counts), page["url"] or page["id"]))
        totals = [a + b for a, b in zip(totals, counts)]
    return {
        "mean_f1": sum(v for v, _ in per_page) / max(1, len(per_page)),
        "micro_f1": f1(*totals),
        "per_page": per_page,
    }


def evaluate(name: str, te_pages, sh_pages, jobs: int, rules: dict | None = None) -> dict:
    te = extract_all(name, te_pages, jobs, rules)
    sh = extract_all(name, sh_pages, jobs, rules)
    result = score_snippets(te_pages, [t for t, _ in te])
    result.update(score_bodies(sh_pages, [t for t, _ in sh]))
    seconds = [s for _, s in te + sh]
    result["ms_per_page"] = 1000 * sum(seconds) / max(1, len(seconds))
    result["max_ms"] = 1000 * max(seconds, default=0)
    return result


def line(name: str, r: dict) -> str:
    return (
        f"{name:<22} with-kept {r['kept']:.4f}  without-leaked {r['leaked']:.4f}  "
        f"F1 mean {r['mean_f1']:.4f}  F1 micro {r['micro_f1']:.4f}  "
        f"{r['ms_per_page']:.0f} ms/page (max {r['max_ms']:.0f})"
    )


def meets(r: dict) -> bool:
    return (
        r["kept"] >= MIN_KEPT
        and r["leaked"] <= MAX_LEAKED
        and r["mean_f1"] >= MIN_F1
        and r["micro_f1"] >= MIN_F1
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="shared data folder")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument("--failures", action="store_true", help="list misses and leaks")
    parser.add_argument("--ablate", action="store_true", help="switch each rule off in turn")
    args = parser.parse_args(argv)

    if not (args.data / TRAFILATURA_EVAL / "gold.json").is_file() or not (
        args.data / SCRAPINGHUB / "ground-truth.json"
    ).is_file():
        print(f"No evaluation data at {args.data}: nothing to score (this is fine offline).")
        return 0

    te_pages, sh_pages = load_trafilatura_eval(args.data), load_scrapinghub(args.data)
    print(
        f"{TRAFILATURA_EVAL}: {len(te_pages)} pages, "
        f"{sum(len(p['with']) for p in te_pages)} with / "
        f"{sum(len(p['without']) for p in te_pages)} without snippets; "
        f"{SCRAPINGHUB}: {len(sh_pages)} pages"
    )
    print(f"thresholds: kept >= {MIN_KEPT}, leaked <= {MAX_LEAKED}, both F1 >= {MIN_F1}\n")

    for extractor in EXTRACTORS.values():  # imports and first-call set-up are not timed
        extractor("<html><body><p>warm up</p></body></html>")
    results = {}
    for name in ("ours", "trafilatura"):
        results[name] = evaluate(name, te_pages, sh_pages, args.jobs)
        verdict = ""
        if name == "ours":
            verdict = "   [meets all]" if meets(results[name]) else "   [BELOW THRESHOLD]"
        print(line(name, results[name]) + verdict)

    if args.ablate:
        from briefing.html_extract import RULES

        print("\nours with one rule switched off:")
        for rule in RULES:
            r = evaluate("ours", te_pages, sh_pages, args.jobs, rules={rule: False})
            print(line(f"  -{rule}", r))

    if args.failures:
        r = results["ours"]
        print("\nours, trafilatura_eval failures:")
        for kind, file, snippet in r["failures"]:
            print(f"  {kind:6} {file}: {snippet!r}")
        print("\nours, scrapinghub pages below F1 0.9:")
        for value, url in sorted(r["per_page"]):
            if value < 0.9:
                print(f"  {value:.3f} {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
