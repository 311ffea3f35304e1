"""Draw articles for the figures mention gold and write their hand labels, without ever running
the extractor (the labels must be made before its output is seen).

    uv run python bench/label_mentions.py pick --half tune --seed 14 --reuters 8 --duc 6 --web 6 > /tmp/pick.txt
    uv run python bench/label_mentions.py write LABELS.txt --added figs-tune >> tests/figures_gold_mentions.jsonl

`pick` draws, by a seeded shuffle, articles whose id hashes into the asked half, not yet in
the gold, of 500-4,000 characters with 5-25 number mentions (English web pages only), and
prints each text with its mentions numbered in place (`[3:twelve]`) and listed. `write` reads
a labels file: a line `== article-id` opens an article, then one line per mention
`index verdict noun, noun` (verdict key / ok / part / junk; nouns only for key and ok), and
prints the gold rows (offsets, a snippet of at most 120 characters, never the article).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

MENTIONS = REPO / "tests" / "figures_gold_mentions.jsonl"
_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion trillion half quarter dozen dozens hundreds thousands "
    "millions billions"
).split()
MENTION_RE = re.compile(r"\d+(?:[.,/]\d+)*(?:-\d+/\d+)?|\b(?:" + "|".join(_WORDS) + r")\b", re.IGNORECASE)
_ENGLISH = re.compile(r"\b(?:the|and|of|to|in|is|that|with|for)\b", re.IGNORECASE)


def half(name: str) -> str:
    return "blind" if hashlib.sha1(name.encode()).digest()[0] % 2 else "tune"


def mentions(text: str) -> list[re.Match]:
    return list(MENTION_RE.finditer(text))


def texts(kind: str) -> dict[str, str]:
    from bench.eval_speakers_wire import duc_texts, reuters_texts, web_texts

    return {"reuters": reuters_texts, "duc": duc_texts, "web": web_texts}[kind]()


def fits(text: str, kind: str, longest: int = 4000) -> bool:
    if not 500 <= len(text) <= longest or not 5 <= len(mentions(text)) <= 25:
        return False
    return kind != "web" or len(_ENGLISH.findall(text)) >= len(text) / 60


def pick(args: argparse.Namespace) -> None:
    done = {json.loads(line)["article"] for line in MENTIONS.read_text(encoding="utf-8").splitlines() if line.strip()}
    for kind in ("reuters", "duc", "web"):
        every = texts(kind)
        pool = sorted(a for a, t in every.items() if a not in done and half(a) == args.half and fits(t, kind, args.max_chars))
        random.Random(args.seed).shuffle(pool)
        for aid in pool[: getattr(args, kind)]:
            text = every[aid]
            marked, last = [], 0
            for i, m in enumerate(mentions(text)):
                marked.append(text[last:m.start()] + f"[{i}:{m.group()}]")
                last = m.end()
            print(f"== {aid}\n" + "".join(marked) + text[last:] + "\n")


def write(args: argparse.Namespace) -> None:
    every: dict[str, str] = {}
    for kind in ("reuters", "duc", "web"):
        every.update(texts(kind))
    aid, found = "", []
    for line in Path(args.labels).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("== "):
            aid = line[3:].strip()
            found = mentions(every[aid])
            continue
        index, verdict, *rest = line.split(None, 2)
        m = found[int(index)]
        labels = [w.strip() for w in (rest[0] if rest else "").split(",") if w.strip()]
        assert verdict in {"key", "ok", "part", "junk"} and (verdict in {"key", "ok"}) == bool(labels), line
        text = every[aid]
        row = {
            "article": aid, "half": half(aid), "start": m.start(), "end": m.end(), "text": m.group(),
            "snippet": text[max(0, m.start() - 30):m.end() + 30], "verdict": verdict, "labels": labels,
            "added": args.added,
        }
        print(json.dumps(row, ensure_ascii=False))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("pick")
    p.add_argument("--half", default="tune", choices=("tune", "blind"))
    p.add_argument("--seed", type=int, default=14)
    p.add_argument("--max-chars", type=int, default=4000, help="longest text drawn (web pages run longer)")
    for kind, n in (("reuters", 8), ("duc", 6), ("web", 6)):
        p.add_argument(f"--{kind}", type=int, default=n)
    w = sub.add_parser("write")
    w.add_argument("labels")
    w.add_argument("--added", default="figs-tune")
    args = ap.parse_args(argv)
    pick(args) if args.command == "pick" else write(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
