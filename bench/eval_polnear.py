"""Direct quotes and speakers of `briefing.analyse.quotes` scored on PolNeAR (dev split).

    uv run python bench/eval_polnear.py [--split dev] [--show-errors N] [--files N]

Data: <repo>/../shared/data/polnear/data/<split>/{text,attributions} (one annotator's file per
article when several annotated it) (BRAT standoff: `Source`,
`Cue` and `Content` text spans joined by `Attribution` / `Attribution-no-source` events; spans
may be discontinuous, "s e;s e"). It is research data read in place, never copied here; without
it the script says so and exits 0.

Gold. Inside every annotated Content span (each fragment widened by the quote marks and the
punctuation right next to it, then cut at line breaks) we pair the quote marks: “…”, "…",
''…'', ``…'' and mixed pairs as the double family; ‘…’ and '…' (not apostrophes: a single
mark between two letters is one) only outside double pairs; a mark left open at the end of a
paragraph runs to the paragraph end (a quote that goes on in the next paragraph). Every
quoted stretch of at least 3 words is a gold quote; its speaker is the event's Source text.

Predicted. Every quote of `extract_quotes(article_text)` of at least 3 words that is not
flagged `fragment`.

Matching. Gold and predicted quotes are paired one to one, greedily by the largest character
overlap; a pair counts when the overlap is at least half of the union of the two spans
(Jaccard >= 0.5 on characters). Quote P/R/F1 come from those pairs.

Speakers. A gold Source is "a name" when it has a capitalised word that is not a pronoun or a
determiner ("Trump", "The New York Post", "Pentagon spokesman John Kirby", not "he", "who",
"the president"); its key is the last such word of the first comma segment that ends with a
name, cut before of/for/at/from/in/with/who (possessive stripped, parentheses dropped):
"Rep. Jim Clyburn (D-S.C.), the assistant leader…" -> Clyburn, "Apple's chief executive, Tim
Cook," -> Cook, "Mr. Morgan of the Sierra Club" -> Morgan. A
predicted speaker is right when the key appears as a word, case-insensitively, in our
resolved `speaker` or in `speaker_as_written`. Speaker accuracy is over matched quotes with
name-sourced gold. For quote+speaker F1 a matched pair also needs the right speaker: for
name sources as above, for other sources the last word of the source (he, she, officials)
must appear in `speaker_as_written` or `speaker`; a gold quote without a source needs a
prediction without a speaker.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from briefing.analyse.quotes import extract_quotes  # noqa: E402

DATA = REPO.parent / "shared" / "data" / "polnear" / "data"
MIN_WORDS = 3

_MARK = re.compile(r"``|''|[“”\"‘’'`]")
_DOUBLE = {"``", "''", "“", "”", '"'}
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_NOT_NAMES = {
    "the", "a", "an", "he", "she", "they", "we", "i", "it", "you", "who", "which", "that", "his", "her",
    "their", "its", "our", "this", "these", "those", "some", "many", "one", "both", "mr.", "mrs.", "ms.",
}


@dataclass
class Gold:
    start: int
    end: int
    source: str | None
    file: str


def words(text: str) -> int:
    return len(_WORD.findall(text))


def parse_ann(path: Path) -> list[tuple[list[tuple[int, int]], str | None]]:
    """(content fragments, source text or None) for every attribution event."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if not parts or not parts[0]:
            continue
        if parts[0].startswith("T") and len(parts) >= 2:
            kind, _, where = parts[1].partition(" ")
            frags = []
            for frag in where.split(";"):
                a, _, b = frag.strip().partition(" ")
                if a.isdigit() and b.isdigit():
                    frags.append((int(a), int(b)))
            spans[parts[0]] = (kind, frags, parts[2] if len(parts) > 2 else "")
        elif parts[0].startswith("E") and len(parts) >= 2:
            roles = dict(x.split(":", 1) for x in parts[1].split() if ":" in x)
            events.append(roles)
    out = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if not content:
            continue
        source = spans.get(roles.get("Source", ""))
        out.append((content[1], source[2] if source else None))
    return out


def _kind(text: str, s: int, e: int, lo: int, hi: int) -> str:
    prev = text[s - 1] if s > lo else ""
    nxt = text[e] if e < hi else ""
    tok = text[s:e]
    if tok in ("'", "’") and prev.isalnum() and nxt.isalnum():
        return "apos"
    opener = (prev == "" or prev.isspace() or prev in "([—–-/“\"‘'") and nxt != "" and not nxt.isspace()
    closer = prev != "" and not prev.isspace() and (nxt == "" or nxt.isspace() or nxt in ".,;:!?)]—–-…'\"”’")
    if opener and not closer:
        return "open"
    if closer and not opener:
        return "close"
    if tok in ("“", "‘", "``"):
        return "open"
    if tok in ("”", "’"):
        return "close"
    return "either" if opener else "none"


def quoted_spans(text: str, lo: int, hi: int, runs_to_paragraph_end: bool) -> list[tuple[int, int]]:
    """Top-level quoted stretches inside text[lo:hi]."""
    found = []
    stack: list[tuple[str, int]] = []  # (family, end of opening mark)
    for m in _MARK.finditer(text, lo, hi):
        fam = "d" if m.group(0) in _DOUBLE else "s"
        kind = _kind(text, m.start(), m.end(), lo, hi)
        if kind in ("apos", "none"):
            continue
        if fam == "s" and any(f == "d" for f, _ in stack) and not any(f == "s" for f, _ in stack) and kind != "open":
            continue
        open_idx = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == fam), None)
        if kind in ("close", "either") and open_idx is not None:
            start = stack[open_idx][1]
            del stack[open_idx:]
            if not stack:
                found.append((start, m.start()))
        elif kind in ("open", "either"):
            stack.append((fam, m.end()))
    if stack and runs_to_paragraph_end:
        found.append((stack[0][1], hi))
    return found


def gold_quotes(text: str, ann: Path, name: str) -> list[Gold]:
    gold: dict[tuple[int, int], Gold] = {}
    for frags, source in parse_ann(ann):
        for s, e in frags:
            s, e = max(0, s), min(len(text), e)
            k = 0
            while s > 0 and k < 2 and text[s - 1] in "“”\"‘’'`":
                s -= 1
                k += 1
            k = 0
            while e < len(text) and k < 3 and text[e] in "“”\"‘’'.,;:!?":
                e += 1
                k += 1
            for piece in re.finditer(r"[^\n]+", text[s:e]):
                lo, hi = s + piece.start(), s + piece.end()
                at_par_end = hi >= len(text) or text[hi] == "\n"
                for a, b in quoted_spans(text, lo, hi, at_par_end):
                    body = text[a:b]
                    a += len(body) - len(body.lstrip())
                    b -= len(body) - len(body.rstrip())
                    if b > a and words(text[a:b]) >= MIN_WORDS:
                        gold.setdefault((a, b), Gold(a, b, source, name))
    return sorted(gold.values(), key=lambda g: g.start)


def name_key(source: str | None) -> str | None:
    if not source:
        return None
    src = re.sub(r"\([^)]*\)", " ", source)
    segments = [seg for seg in src.split(",") if seg.strip()] or [src]
    names: list[str] = []
    for seg in segments[:3]:
        seg = re.split(r"\s(?:of|for|at|from|in|with|who)\s", seg)[0]
        toks = re.findall(r"[A-Za-z][\w.'’\-]*", seg)
        names = [t for t in toks if t[:1].isupper() and t.lower() not in _NOT_NAMES]
        if names and toks and toks[-1][:1].isupper():
            break  # a segment that ends with a name: "Flynn", "Apple's chief executive, Tim Cook"
        if seg is segments[0] and names and not any(s.strip()[:1].isupper() for s in segments[1:3]):
            break
    if not names:
        return None
    key = names[-1]
    key = re.sub(r"['’]s?$", "", key).rstrip(".,")
    return key or None


def has_word(word: str, *texts: str | None) -> bool:
    pattern = re.compile(r"(?<![\w])" + re.escape(word.lower()) + r"(?![\w])")
    return any(t and pattern.search(t.lower()) for t in texts)


def speaker_ok(gold: Gold, pred) -> bool:
    key = name_key(gold.source)
    if key:
        return has_word(key, pred.speaker, pred.speaker_as_written)
    if gold.source is None:
        return pred.speaker_as_written is None
    last = re.findall(r"[\w']+", gold.source.lower())
    return bool(last) and has_word(last[-1], pred.speaker_as_written, pred.speaker)


def match(gold: list[Gold], pred: list) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index), greedy by overlap, Jaccard >= 0.5."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            inter = min(g.end, p.end) - max(g.start, p.start)
            if inter <= 0:
                continue
            union = max(g.end, p.end) - min(g.start, p.start)
            if inter * 2 >= union:
                cands.append((inter, gi, pi))
    cands.sort(reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def files(split: str) -> list[tuple[Path, Path]]:
    root = DATA / split
    out, seen = [], set()
    for ann in sorted((root / "attributions").glob("*.ann")):
        base = ann.stem.rsplit("_", 1)[0]
        text = root / "text" / f"{base}.txt"
        if text.exists() and base not in seen:  # one annotator per article
            seen.add(base)
            out.append((text, ann))
    return out


def half(text_path: Path) -> str:
    """'tune' or 'blind' by a hash of the article name: rules are written on tune only."""
    return "blind" if hashlib.sha1(text_path.stem.encode()).digest()[0] % 2 else "tune"


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(pairs_of_files: list[tuple[Path, Path]], show_errors: int = 0) -> dict:
    n_gold = n_pred = tp = tp_speaker = 0
    named = named_ok = 0
    seconds = 0.0
    errors: list[str] = []
    for text_path, ann_path in pairs_of_files:
        text = text_path.read_text(encoding="utf-8")
        gold = gold_quotes(text, ann_path, text_path.name)
        t0 = time.perf_counter()
        quotes = extract_quotes(text)
        seconds += time.perf_counter() - t0
        pred = [q for q in quotes if not q.fragment and words(q.text) >= MIN_WORDS]
        pairs = match(gold, pred)
        n_gold += len(gold)
        n_pred += len(pred)
        tp += len(pairs)
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            ok = speaker_ok(g, p)
            tp_speaker += ok
            if name_key(g.source):
                named += 1
                named_ok += ok
            if not ok and len(errors) < show_errors:
                errors.append(f"SPEAKER {text_path.name}: gold={g.source!r} ours={p.speaker!r} <{p.speaker_as_written}> | {p.text[:80]!r}")
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        for gi, g in enumerate(gold):
            if gi not in matched_g and len(errors) < show_errors:
                errors.append(f"MISSED  {text_path.name}: {text[g.start:g.end][:100]!r} (src={g.source!r})")
        for pi, p in enumerate(pred):
            if pi not in matched_p and len(errors) < show_errors:
                errors.append(f"EXTRA   {text_path.name}: {p.text[:100]!r} <{p.speaker_as_written}>")
    qp, qr, qf = prf(tp, n_pred, n_gold)
    sp, sr, sf = prf(tp_speaker, n_pred, n_gold)
    return {
        "files": len(pairs_of_files), "gold": n_gold, "pred": n_pred, "tp": tp,
        "quote_p": qp, "quote_r": qr, "quote_f1": qf,
        "speaker_acc": named_ok / named if named else 0.0, "named": named,
        "qs_p": sp, "qs_r": sr, "qs_f1": sf, "seconds": seconds, "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--show-errors", type=int, default=0)
    parser.add_argument("--files", type=int, default=0, help="only the first N files")
    parser.add_argument("--errors-from", choices=("tune", "blind"), default="tune",
                        help="which half --show-errors lists (look at blind errors only to report)")
    args = parser.parse_args(argv)
    if not (DATA / args.split).exists():
        print(f"skipped: research data not available at {DATA / args.split}")
        return 0
    pairs = files(args.split)
    if args.files:
        pairs = pairs[: args.files]
    results = {}
    for name in ("tune", "blind"):
        subset = [p for p in pairs if half(p[0]) == name]
        results[name] = evaluate(subset, args.show_errors if name == args.errors_from else 0)
    r = evaluate(pairs, 0)
    for line in results[args.errors_from]["errors"]:
        print(line)
    t, b = results["tune"], results["blind"]
    print(f"PolNeAR {args.split}: {r['files']} articles ({t['files']} tune / {b['files']} blind), {r['gold']} gold quotes (>= {MIN_WORDS} words), {r['pred']} predicted")
    print(f"{'':17}{'tune':>8}{'blind':>8}{'all':>8}")
    for label, key in (("quote P", "quote_p"), ("quote R", "quote_r"), ("quote F1", "quote_f1"),
                       ("speaker accuracy", "speaker_acc"), ("quote+speaker F1", "qs_f1")):
        print(f"{label:17}{t[key]:8.3f}{b[key]:8.3f}{r[key]:8.3f}")
    print(f"{'named sources':17}{t['named']:8d}{b['named']:8d}{r['named']:8d}")
    print(f"time             {r['seconds']:.2f} s for {r['files']} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
