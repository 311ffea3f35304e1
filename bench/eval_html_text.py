"""Score briefing.ingest.html.extract against plain trafilatura on the shared gold sets.

    uv run python bench/eval_html_text.py              # ours and the baseline, both sets
    uv run python bench/eval_html_text.py --failures   # also list misses, leaks, low F1
    uv run python bench/eval_html_text.py --ablate     # figures with each rule switched off
    uv run python bench/eval_html_text.py --titles     # also the title against the gold title

Data is read from <repo>/../shared/data (never copied into the repository):

* trafilatura_eval/gold.json: per page `with` snippets that must be substrings of the main
  text and `without` boilerplate snippets that must not. Reported: share of all `with`
  snippets kept, share of all `without` snippets leaked.
* scrapinghub_aeb/ground-truth.json: the full article body per page. Reported: token F1
  (tokens = lower-cased \\w+, counted as a multiset), as the mean of per-page F1 and as the
  micro F1 over all tokens of all pages.

`--titles` adds the share of trafilatura_eval pages whose title (briefing's `title` field)
equals the gold title, whitespace- and case-insensitively: it measures the metadata rules.

The baseline is `trafilatura.extract(html, include_comments=False)`. Both extractors get
the same str, decoded from the stored bytes with trafilatura's own decoder.

Every figure is printed for the tune half and the blind half side by side. A page's half
is fixed by a hash of its name (file name, or ScrapingHub id): rules are written and tuned
looking at tune pages only (`--failures` lists tune pages only unless `--show-blind`), and a
rule stays only when the blind half gains too.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
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

#: Acceptance thresholds on the blind half (kept >=, leaked <=, both F1 >=).
MIN_KEPT, MAX_LEAKED, MIN_F1 = 0.97, 0.04, 0.96
HALVES = ("tune", "blind")


def half(name: str) -> str:
    """"tune" or "blind", fixed by a hash of an item's name (the same in every bench)."""
    return HALVES[hashlib.sha1(name.encode()).digest()[0] % 2]

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
    from briefing.ingest.html.extract import extract_html

    document = extract_html(html)
    return document.text if document else ""


def baseline(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def our_title(html: str) -> str:
    from briefing.ingest.html.extract import extract_html

    document = extract_html(html)
    return (document.title or "") if document else ""


EXTRACTORS = {"ours": ours, "trafilatura": baseline, "title": our_title}


def load_trafilatura_eval(data: Path) -> list[dict]:
    folder = data / TRAFILATURA_EVAL
    entries = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    return [{**e, "path": str(folder / e["file"]), "half": half(e["file"])} for e in entries]


def load_scrapinghub(data: Path) -> list[dict]:
    folder = data / SCRAPINGHUB
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        {"id": key, "url": value.get("url"), "body": value["articleBody"],
         "path": str(folder / "html" / f"{key}.html.gz"), "half": half(key)}
        for key, value in truth.items()
    ]


def _run_page(job: tuple[str, str, dict]) -> tuple[str, float]:
    """Extract one page with one extractor; returns (text, seconds).

    `rules` switches html_extract.RULES; its "options" key, if any, sets trafilatura's.
    """
    name, path, rules = job
    from briefing.ingest.html import extract as html_extract

    rules = dict(rules)
    html_extract.TRAFILATURA_OPTIONS.clear()
    html_extract.TRAFILATURA_OPTIONS.update(rules.pop("options", {}))
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
    """Scores of one extractor, per half: {"tune": {...}, "blind": {...}}."""
    te = extract_all(name, te_pages, jobs, rules)
    sh = extract_all(name, sh_pages, jobs, rules)
    results = {}
    for which in HALVES:
        te_idx = [i for i, p in enumerate(te_pages) if p["half"] == which]
        sh_idx = [i for i, p in enumerate(sh_pages) if p["half"] == which]
        result = score_snippets([te_pages[i] for i in te_idx], [te[i][0] for i in te_idx])
        result.update(score_bodies([sh_pages[i] for i in sh_idx], [sh[i][0] for i in sh_idx]))
        seconds = [te[i][1] for i in te_idx] + [sh[i][1] for i in sh_idx]
        result["ms_per_page"] = 1000 * sum(seconds) / max(1, len(seconds))
        result["max_ms"] = 1000 * max(seconds, default=0)
        results[which] = result
    return results


def line(name: str, results: dict) -> str:
    def one(r: dict) -> str:
        return (
            f"kept {r['kept']:.3f} leaked {r['leaked']:.3f} "
            f"F1 mean {r['mean_f1']:.3f} micro {r['micro_f1']:.3f}"
        )

    r = results["blind"]
    return (
        f"{name:<18} tune: {one(results['tune'])}  |  blind: {one(r)}  "
        f"({r['ms_per_page']:.0f} ms/page)"
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
    parser.add_argument("--show-blind", action="store_true", help="list blind-half failures too")
    parser.add_argument("--ours-only", action="store_true", help="skip the trafilatura baseline")
    parser.add_argument("--titles", action="store_true", help="also score the title field")
    parser.add_argument("--options", action="store_true", help="also try trafilatura's precision/recall options")
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
    for which in HALVES:
        te_n = [p for p in te_pages if p["half"] == which]
        sh_n = sum(p["half"] == which for p in sh_pages)
        print(f"  {which}: {len(te_n)} trafilatura pages, {sh_n} ScrapingHub pages")
    print(f"thresholds (blind half): kept >= {MIN_KEPT}, leaked <= {MAX_LEAKED}, both F1 >= {MIN_F1}\n")

    for extractor in (ours, baseline):  # imports and first-call set-up are not timed
        extractor("<html><body><p>warm up</p></body></html>")
    results = {}
    for name in ("ours",) if args.ours_only else ("ours", "trafilatura"):
        results[name] = evaluate(name, te_pages, sh_pages, args.jobs)
        verdict = ""
        if name == "ours":
            verdict = "   [meets all]" if meets(results[name]["blind"]) else "   [BELOW THRESHOLD]"
        print(line(name, results[name]) + verdict)

    if args.titles:
        titles = extract_all("title", te_pages, args.jobs)
        shares = []
        for which in HALVES:
            pairs = [(p["title"], t) for p, (t, _) in zip(te_pages, titles) if p["half"] == which]
            same = sum(" ".join(g.split()).casefold() == " ".join(t.split()).casefold() for g, t in pairs)
            shares.append(f"{which} {same / max(1, len(pairs)):.3f} ({same}/{len(pairs)})")
        print("ours title = gold title: " + "  |  ".join(shares))

    if args.ablate:
        from briefing.ingest.html.extract import RULES

        print("\nours with one rule switched off:")
        for rule in RULES:
            r = evaluate("ours", te_pages, sh_pages, args.jobs, rules={rule: False})
            print(line(f"  -{rule}", r))

    if args.options:
        print("\nours with trafilatura's options in the main pass:")
        for option in ("favor_precision", "favor_recall"):
            r = evaluate("ours", te_pages, sh_pages, args.jobs, rules={"options": {option: True}})
            print(line(f"  +{option}", r))

    if args.failures:
        for which in HALVES if args.show_blind else ("tune",):
            r = results["ours"][which]
            print(f"\nours, trafilatura_eval failures ({which} half):")
            for kind, file, snippet in r["failures"]:
                print(f"  {kind:6} {file}: {snippet!r}")
            print(f"\nours, scrapinghub pages below F1 0.9 ({which} half):")
            for value, url in sorted(r["per_page"]):
                if value < 0.9:
                    print(f"  {value:.3f} {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
