"""Headlines and summary hygiene over an exported brief of mixed wire corpora (issue 12).

    uv run python bench/eval_brief_hygiene.py [--keep DIR] [--show N]

Builds one folder of mixed corpora in a temporary directory (never in the repo):
  - eight Reuters-21578 days written as files the way bench/scale_reuters.py does
    (title, ` date` header, body with its `&\\t` paragraph marks made paragraphs), and one
    more day with the bodies exactly as the data set has them (raw `&\\t`, `<Company>` tags);
  - all DUC 2003 Task 2 clusters (SGML wire files, no headlines);
  - the saved web pages of scrapinghub_aeb (91 pages of many sites) and trafilatura_eval (345
    pages, mostly German);
then runs `briefing export DIR --format json --no-cache` and counts mechanically:
  - headlines needing a rewrite: ALL CAPS, cut off with an ellipsis, a quotation, markup
    (<tags>, tickers, `` '' &), longer than 100 characters, or empty;
  - summary sentences with wire markup (`` '' <Name> &\\t &lt; &UR; and stray letters like "tThe");
  - summary sentences pointing back without the sentence they need: starting with a pronoun
    or a connective, or holding "such"/"the same", when the summary does not show the previous
    sentence of the same article right before it;
  - near-duplicate summary sentences of different articles in one story (word-set Jaccard
    >= 0.5 or containment >= 0.8).
Items are split tune/blind by a hash of their name (a Reuters day, a DUC cluster, a page's
file name); a story belongs to the item of its first article. Both halves are printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _data import DATA, REPO, reuters_body, reuters_rows  # noqa: E402

REUTERS_DAYS = ("1987-02-26", "1987-03-06", "1987-03-27", "1987-04-02", "1987-04-17", "1987-04-24", "1987-04-27",
                "1987-06-19")
REUTERS_RAW_DAYS = ("1987-03-01",)


def half(name: str) -> str:
    return "tune" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "blind"


def build(folder: Path) -> dict[str, str]:
    """Write the mixed corpus into `folder`; return {file name: item name}."""
    items: dict[str, str] = {}
    if (DATA / "reuters21578").is_dir():
        for row in reuters_rows():
            day = dt.datetime.strptime(row["date"].split()[0], "%d-%b-%Y").date().isoformat()
            if day not in REUTERS_DAYS + REUTERS_RAW_DAYS or not row.get("body"):
                continue
            body = row["body"] if day in REUTERS_RAW_DAYS else reuters_body(row)
            name = f"reut-{int(row['newid']):05d}.txt"
            (folder / name).write_text(f"{(row.get('title') or '').strip()}\n date {day}\n\n{body}\n")
            items[name] = f"reuters {day}"
    duc = DATA / "duc2003_task2" / "docs"
    if duc.is_dir():
        for cluster in sorted(duc.iterdir()):
            for doc in sorted(cluster.iterdir()):
                name = f"duc-{cluster.name}-{doc.name}"
                shutil.copyfile(doc, folder / name)
                items[name] = f"duc {cluster.name}"
    for kind, pages in (("web", DATA / "scrapinghub_aeb" / "html"), ("traf", DATA / "trafilatura_eval")):
        for page in sorted(pages.glob("*.html.gz")) if pages.is_dir() else []:
            name = f"{kind}-" + page.name.removesuffix(".gz")
            (folder / name).write_bytes(gzip.decompress(page.read_bytes()))
            items[name] = f"{kind} {page.name[:16]}"
    return items


# ---------------------------------------------------------------- the counts

_QUOTE_CHARS = "\"“”‘’'`«»"
_MARKUP = re.compile(r"``|''|<[^<>]{1,60}>|&\\?t|&[A-Za-z]{1,8};|&#\d+;|\b[tn][A-Z][a-z]")
_POINTING = re.compile(
    r"^(?:He|She|It|They|This|These|Those|His|Her|Its|Their|Him|Them|But|And|However|Also|Yet|So)\b"
)
_BACK_WORDS = re.compile(r"\bsuch\b(?! as\b)|\bthe same\b", re.I)
_WORD = re.compile(r"[a-z0-9]+")


def headline_problems(headline: str) -> list[str]:
    """Why a headline needs a rewrite (empty list: it does not)."""
    text = (headline or "").strip()
    if not text:
        return ["empty"]
    problems = []
    letters = [w for w in re.findall(r"[A-Za-z]{2,}", text)]
    if letters and sum(w.isupper() for w in letters) / len(letters) > 0.6 and len(letters) >= 2:
        problems.append("caps")
    if text.endswith(("…", "...")):
        problems.append("ellipsis")
    if text[0] in _QUOTE_CHARS or text[-1] in _QUOTE_CHARS:
        problems.append("quotation")
    if _MARKUP.search(text) or re.search(r"[<>]", text):
        problems.append("markup")
    if len(text) > 100:
        problems.append("long")
    return problems


def has_markup(sentence: str) -> bool:
    return bool(_MARKUP.search(sentence))


def points_back(sentence: str) -> bool:
    text = sentence.lstrip(_QUOTE_CHARS + "([ ")
    return bool(_POINTING.match(text) or _BACK_WORDS.search(sentence))


def words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower()))


def near_duplicate(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    shared = len(a & b)
    return shared / len(a | b) >= 0.5 or shared / min(len(a), len(b)) >= 0.8


def _indexes(document: dict, folder: Path) -> dict[tuple[str, str], int]:
    """(article id, sentence text) -> index among the article's sentences."""
    sys.path.insert(0, str(REPO))
    from briefing.text.sentences import split_sentences
    from briefing.ingest.load import load_corpus

    corpus = load_corpus([folder])
    found = {}
    for article in corpus.articles:
        for k, text in enumerate(split_sentences(article.text)):
            found.setdefault((article.id, text), k)
    return found


def count(document: dict, items: dict[str, str], indexes: dict) -> dict[str, dict]:
    paths = {a["id"]: Path(a["path"]).name for a in document["articles"]}
    stories = [s for d in document["days"] for s in d["stories"]] + document["undated"]
    totals = {h: {"stories": 0, "bad headlines": 0, "sentences": 0, "markup": 0, "pointing back": 0,
                  "near duplicates": 0, "examples": []} for h in ("tune", "blind")}
    for story in stories:
        item = items.get(paths.get(story["articles"][0], ""), "other")
        t = totals[half(item)]
        t["stories"] += 1
        problems = headline_problems(story["headline"])
        if problems:
            t["bad headlines"] += 1
            t["examples"].append(("headline " + ",".join(problems), story["headline"]))
        previous = None
        seen: list[tuple[str, frozenset[str]]] = []
        for line in story["summary"]:
            t["sentences"] += 1
            index = indexes.get((line["article"], line["text"]), -9)
            if has_markup(line["text"]):
                t["markup"] += 1
                t["examples"].append(("markup", line["text"]))
            if points_back(line["text"]) and previous != (line["article"], index - 1):
                t["pointing back"] += 1
                t["examples"].append(("pointing back", line["text"]))
            key = words(line["text"])
            if any(article != line["article"] and near_duplicate(key, other) for article, other in seen):
                t["near duplicates"] += 1
                t["examples"].append(("near duplicate", line["text"]))
            seen.append((line["article"], key))
            previous = (line["article"], index)
    return totals


def report(totals: dict[str, dict]) -> None:
    print(f"{'':<34}{'tune':>14}{'blind':>14}")

    def row(label, num, den):
        cells = []
        for h in ("tune", "blind"):
            n, d = totals[h][num], totals[h][den]
            cells.append(f"{n:>5}/{d:<5} {100 * n / d if d else 0:4.1f}%")
        print(f"{label:<34}" + "".join(f"{c:>14}" for c in cells))

    row("headlines needing a rewrite", "bad headlines", "stories")
    row("summary sentences with markup", "markup", "sentences")
    row("sentences pointing back", "pointing back", "sentences")
    row("near-duplicate sentences", "near duplicates", "sentences")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the corpus and brief.json here and keep them")
    parser.add_argument("--show", type=int, default=0, help="print N examples of each problem (tune half only)")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="hygiene-"))
    folder = work / "corpus"
    if not folder.is_dir():
        folder.mkdir(parents=True)
        items = build(folder)
        (work / "items.json").write_text(json.dumps(items))
    items = json.loads((work / "items.json").read_text())
    if not items:
        print("skipped: research data not available")
        return 0
    env = dict(os.environ, XDG_CACHE_HOME=str(work / "cache"))
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "briefing", "export", str(folder), "--format", "json", "--no-cache"],
                         cwd=REPO, env=env, capture_output=True, text=True, check=True).stdout
    seconds = time.perf_counter() - start
    document = json.loads(out)
    (work / "brief.json").write_text(out)
    totals = count(document, items, _indexes(document, folder))
    print(f"{len(items)} files ({len(document['articles'])} articles), export {seconds:.1f} s; items split by sha1 of the "
          f"item name (Reuters day, DUC cluster, page file)")
    report(totals)
    if args.show:
        kinds: dict[str, int] = {}
        for kind, text in totals["tune"]["examples"]:
            family = kind.split()[0] if kind.startswith("headline") else kind
            if kinds.get(family, 0) < args.show:
                kinds[family] = kinds.get(family, 0) + 1
                print(f"  [{kind}] {text[:200]}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
