"""Faster spellings that must give exactly what the plain ones gave (issue 17: a cold Reuters
export, the same bytes): the clause-edge pattern of figure_conflicts and the record's JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

from briefing.brief.extras import _record_json
from briefing.analyse.figure_conflicts import _CLAUSE_EDGE

PLAIN_EDGE = re.compile(r"[,;:()—–]|\s-\s|\band\b|\bbut\b|\bwhile\b|\bwhen\b|\bwhich\b|\bwho\b")
SAMPLE = Path(__file__).resolve().parents[3] / "sample_corpus"


def _texts() -> list[str]:
    texts = ["and", "band and", "a and-b", "whole who whom", "when, which while", "x - y", "but but_ butter",
             "éand", "1and", "Ωwho", "_and", "and_", "whicher which", "Andrew and Bob; (who) — when–which"]
    assert SAMPLE.is_dir()
    texts += [p.read_text(encoding="utf-8", errors="replace")[:3000] for p in sorted(SAMPLE.rglob("*.txt"))[:20]]
    return texts


def test_clause_edges_are_the_plain_patterns_on_every_cut():
    for text in _texts():
        step = max(1, len(text) // 200)
        for cut in range(0, len(text) + 1, step):
            before, after = text[:cut], text[cut:]
            assert [m.span() for m in _CLAUSE_EDGE.finditer(before)] == [m.span() for m in PLAIN_EDGE.finditer(before)]
            a, b = _CLAUSE_EDGE.search(after), PLAIN_EDGE.search(after)
            assert (a and a.span()) == (b and b.span())


def test_record_json_is_the_standard_librarys_indent_one():
    documents = [
        {}, [], {"a": [], "b": {}}, {"stories": {"s": {"figures": [{"text": "65 dead", "value": 65.0, "what": "dead"}]}}},
        {"x": [1, 2.5, None, True, "é\u2028\x7f\x00\"\\\n\t<b>", {"y": [[], {}], "z": [[1]]}]},
        {"v": 1e16}, {"v": float("nan")}, {"v": float("inf")}, {"v": 2**70}, {"s": "\udcff"}, {"v": 1e-5},
        {"v": 0.1 + 0.2}, {"v": -0.0}, {1: "non-string key"},
    ]
    for document in documents:
        assert _record_json(document) == json.dumps(document, ensure_ascii=False, indent=1)
