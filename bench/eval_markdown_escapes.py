"""Backslashes in the raw Markdown brief, per 1,000 words, and whether each one is needed.

    uv run python bench/eval_markdown_escapes.py [--show N] [--baseline CHECKOUT] [--slack]

Three corpora: the sample, Reuters days (the busiest day, and the days of
eval_brief_hygiene) and the saved web pages of scrapinghub_aeb and trafilatura_eval.
Items (a Reuters day, a web page) fall in a tune or a blind half by a hash of their name; each
half is exported as one folder. For every backslash the escaped character is counted, and the
brief is checked to parse (markdown-it-py, CommonMark) without a link, image or HTML that we
did not write. `--baseline CHECKOUT` also exports with another checkout (e.g. /work/main) for
the figure before. `--slack` exports Reuters' busiest day with `--format slack` and reports its
longest block and any unescaped `<`, `>`, `&`.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import gzip
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _data import DATA, REPO, reuters_body, reuters_rows  # noqa: E402

REUTERS_DAYS = ("1987-02-26", "1987-03-06", "1987-03-27", "1987-04-02", "1987-04-17", "1987-04-24", "1987-04-27", "1987-06-19")
WEB = (("web", DATA / "scrapinghub_aeb" / "html"), ("traf", DATA / "trafilatura_eval"))


def half(name: str) -> str:
    return "tune" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "blind"


def _day(row: dict) -> str:
    return dt.datetime.strptime(row["date"].split()[0], "%d-%b-%Y").date().isoformat()


def busiest_day(rows: list[dict]) -> str:
    counts = collections.Counter(_day(r) for r in rows if r.get("body"))
    return max(sorted(counts), key=counts.__getitem__)


def write_reuters(folder: Path, rows: list[dict], days: set[str]) -> None:
    for row in rows:
        if row.get("body") and _day(row) in days:
            name = f"reut-{int(row['newid']):05d}.txt"
            (folder / name).write_text(f"{(row.get('title') or '').strip()}\n date {_day(row)}\n\n{reuters_body(row)}\n")


def build(root: Path) -> dict[str, Path]:
    folders = {h: root / h for h in ("tune", "blind")}
    for folder in folders.values():
        folder.mkdir()
    if (DATA / "reuters21578").is_dir():
        rows = reuters_rows()
        days = set(REUTERS_DAYS) | {busiest_day(rows)}
        for h, folder in folders.items():
            write_reuters(folder, rows, {d for d in days if half(f"reuters {d}") == h})
    for kind, pages in WEB:
        for page in sorted(pages.glob("*.html.gz")) if pages.is_dir() else []:
            name = f"{kind}-" + page.name.removesuffix(".gz")
            (folders[half(name)] / name).write_bytes(gzip.decompress(page.read_bytes()))
    return folders


def export(folder: Path, checkout: Path = REPO, fmt: str = "md") -> str:
    result = subprocess.run(
        ["uv", "run", "--project", str(checkout), "python", "-m", "briefing", "export", str(folder), "--format", fmt],
        capture_output=True, text=True, cwd=checkout, check=True,
    )
    return result.stdout


def measure(markdown: str) -> dict:
    from markdown_it import MarkdownIt

    words = len(markdown.split())
    slashes = [m.start() for m in re.finditer(r"\\", markdown)]
    escaped = collections.Counter(markdown[i + 1 : i + 2] or "end" for i in slashes)
    html = MarkdownIt("commonmark").render(markdown)
    return {
        "words": words, "backslashes": len(slashes), "per_1000": 1000 * len(slashes) / max(1, words), "escaped": escaped,
        "html_tags": len(re.findall(r"<(?:script|img|iframe|div|span|b|i)\b", html)),
        "examples": [markdown[max(0, i - 30) : i + 30].replace("\n", " ") for i in slashes],
    }


def slack_check(root: Path) -> None:
    rows = reuters_rows()
    day = busiest_day(rows)
    folder = root / "slack"
    folder.mkdir()
    write_reuters(folder, rows, {day})
    document = json.loads(export(folder, fmt="slack"))
    texts = []
    for message in document["messages"]:
        for block in message["blocks"]:
            if block["type"] == "section":
                texts.append(block["text"]["text"])
            elif block["type"] == "context":
                texts += [e["text"] for e in block["elements"]]
    # `<` only opens our links `<http…|…>`; `&` only starts &amp; &lt; &gt;
    bad_lt = sum(len(re.findall(r"<(?!https?://[^|>\s]+\|)", t)) for t in texts)
    bad_amp = sum(len(re.findall(r"&(?!amp;|lt;|gt;)", t)) for t in texts)
    bad_gt = sum(len(re.findall(r">", re.sub(r"<https?://[^|>\s]+\|[^>]*>", "", t))) for t in texts)
    longest = max(len(t) for t in texts)
    print(f"slack, Reuters {day}: {len(document['messages'])} messages, {sum(len(m['blocks']) for m in document['messages'])} blocks, "
          f"max blocks/message {max(len(m['blocks']) for m in document['messages'])}, longest text {longest:,} chars "
          f"(limit 3,000); unescaped < {bad_lt}, > {bad_gt}, & {bad_amp}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=0, help="print N backslashes in context (tune half only)")
    parser.add_argument("--baseline", type=Path, help="another checkout to measure the same folders with")
    parser.add_argument("--slack", action="store_true", help="also check Slack output of Reuters' busiest day")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: research data not available at {DATA}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folders = build(root)
        sample = measure(export(REPO / "sample_corpus"))
        print(f"sample: {sample['backslashes']} backslashes in {sample['words']:,} words ({sample['per_1000']:.2f} per 1,000)")
        for h, folder in folders.items():
            found = measure(export(folder))
            line = (f"{h:5}: {found['backslashes']} backslashes in {found['words']:,} words = {found['per_1000']:.2f} per 1,000; "
                    f"escaped {dict(found['escaped'].most_common())}; stray HTML tags {found['html_tags']}")
            if args.baseline:
                before = measure(export(folder, args.baseline))
                line += f"  (baseline {before['per_1000']:.2f} per 1,000: {before['backslashes']})"
            print(line)
            if h == "tune" and args.show:
                for example in found["examples"][: args.show]:
                    print("    …" + example + "…")
        if args.slack and (DATA / "reuters21578").is_dir():
            slack_check(root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
