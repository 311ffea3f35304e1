"""Figures: precision, recall, F1 and label accuracy on the hand-labelled gold set.

    uv run python bench/eval_figures.py [--errors] [--quantulum] [--reuters]

Gold: `tests/figures_gold.jsonl`, one sentence per line from the sample corpus and Reuters-21578,
labelled by hand (see the docstring of `briefing.figures` for what counts as a figure). Each
line has a `half` ("tune" / "blind", by a hash of its origin article); the set was labelled
with the extractor's output in view, so its blind half is blind only to rules written after
the split: write new rules from tune lines, and keep one only when the blind half gains. A
predicted figure matches a gold one when the values are equal (or both None) and the text
spans overlap; the label is right when the head nouns agree ("Florida National Guard members"
~ "members"). `--errors` lists misses and false alarms; `--quantulum` scores quantulum3 on the
same sentences when it is importable (it is not a project dependency); `--reuters` also runs
the extractor over every Reuters-21578 body and reports time and crashes.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from briefing.figures import _singular, extract_figures  # noqa: E402

GOLD = REPO / "tests" / "figures_gold.jsonl"


def load_gold(path: Path = GOLD) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            pos = 0
            for fig in row["figures"]:
                start = row["sentence"].find(fig["text"], pos)
                fig["start"], fig["end"] = start, start + len(fig["text"])
                pos = start + 1
            rows.append(row)
    return rows


def predict(row: dict) -> list[dict]:
    """The extractor's figures inside the gold sentence (with its context sentence before it)."""
    context = row.get("context")
    text = f"{context} {row['sentence']}" if context else row["sentence"]
    offset = len(context) + 1 if context else 0
    return [
        {"text": f.text, "value": f.value, "label": f.label, "start": f.start - offset, "end": f.end - offset}
        for f in extract_figures(text)
        if f.start >= offset
    ]


def same_value(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-12)


def head(label: str) -> str:
    words = [w for w in (label or "").replace("-", " ").split() if w.strip(".,'\"")]
    return _singular(words[-1]) if words else ""


def label_ok(pred: str, gold: str) -> bool:
    return (pred or "").strip().lower() == (gold or "").strip().lower() or (bool(head(gold)) and head(pred) == head(gold))


def match(pred: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    pairs, used = [], set()
    for g in gold:
        for i, p in enumerate(pred):
            if i in used:
                continue
            if same_value(p["value"], g["value"]) and p["start"] < g["end"] and g["start"] < p["end"]:
                pairs.append((p, g))
                used.add(i)
                break
    return pairs


def score(rows: list[dict], predictor) -> dict:
    tp = fp = fn = labels_right = 0
    errors = []
    for row in rows:
        pred = predictor(row)
        gold = row["figures"]
        pairs = match(pred, gold)
        tp += len(pairs)
        fp += len(pred) - len(pairs)
        fn += len(gold) - len(pairs)
        matched_p = {id(p) for p, _ in pairs}
        matched_g = {id(g) for _, g in pairs}
        for p, g in pairs:
            if label_ok(p["label"], g["label"]):
                labels_right += 1
            else:
                errors.append(("label", row, f"{p['text']!r}: {p['label']!r} (gold {g['label']!r})"))
        for p in pred:
            if id(p) not in matched_p:
                errors.append(("false", row, f"{p['text']!r} = {p['value']} [{p['label']}]"))
        for g in gold:
            if id(g) not in matched_g:
                errors.append(("missed", row, f"{g['text']!r} = {g['value']} [{g['label']}]"))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "sentences": len(rows), "gold": tp + fn, "predicted": tp + fp, "tp": tp,
        "precision": precision, "recall": recall, "f1": f1,
        "label_accuracy": labels_right / tp if tp else 0.0, "errors": errors,
    }


def quantulum_predictor():
    try:
        from quantulum3 import parser  # type: ignore
    except Exception:
        return None

    def run(row: dict) -> list[dict]:
        out = []
        try:
            quants = parser.parse(row["sentence"])
        except Exception:
            return out
        for q in quants:
            start, end = q.span
            unit = getattr(q.unit, "name", "") or ""
            value = q.value
            if unit in ("percentage",):
                pass
            out.append({"text": q.surface, "value": value, "label": "" if unit == "dimensionless" else unit, "start": start, "end": end})
        return out

    return run


def report(name: str, result: dict) -> None:
    print(
        f"{name:12s} sentences={result['sentences']} gold={result['gold']} predicted={result['predicted']} "
        f"P={result['precision']:.3f} R={result['recall']:.3f} F1={result['f1']:.3f} "
        f"label_acc={result['label_accuracy']:.3f}"
    )


def reuters_run() -> None:
    sys.path.insert(0, str(REPO / "bench"))
    from _data import reuters_body, reuters_rows

    rows = reuters_rows()
    started = time.perf_counter()
    n_fig = crashes = 0
    for row in rows:
        body = reuters_body(row)
        try:
            figures = extract_figures(body)
        except Exception as error:  # extract_figures promises never to raise
            crashes += 1
            print("CRASH", row.get("newid"), repr(error))
            continue
        for f in figures:
            assert body[f.start:f.end] == f.text
        n_fig += len(figures)
    elapsed = time.perf_counter() - started
    print(f"reuters      bodies={len(rows)} figures={n_fig} crashes={crashes} seconds={elapsed:.1f} ({1000 * elapsed / max(1, len(rows)):.2f} ms/body)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="list misses, false alarms and wrong labels")
    ap.add_argument("--quantulum", action="store_true", help="also score quantulum3 if importable")
    ap.add_argument("--reuters", action="store_true", help="run over every Reuters-21578 body (speed, no crash)")
    args = ap.parse_args(argv)
    rows = load_gold()
    result = score(rows, predict)
    report("briefing", result)
    for name in ("tune", "blind"):
        report(f"  {name}", score([r for r in rows if r.get("half") == name], predict))
    by_origin = {}
    for kind in ("sample", "reuters"):
        subset = [r for r in rows if r["origin"].startswith(kind)]
        if subset:
            by_origin[kind] = score(subset, predict)
            report(f"  {kind}", by_origin[kind])
    if args.errors:
        for kind, row, what in result["errors"]:
            print(f"  {kind:6s} {row['origin']:14s} {what}  | {row['sentence'][:110]}")
    if args.quantulum:
        q = quantulum_predictor()
        if q is None:
            print("quantulum3   not installed (pip install quantulum3 in a throwaway venv to compare)")
        else:
            report("quantulum3", score(rows, q))
    if args.reuters:
        reuters_run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
