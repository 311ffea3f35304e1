"""Duplicates on the sample corpus and on the kinds of wire text that fool shingle matching."""

import datetime as dt

from briefing.analyse.dedup import anchors, find_duplicates
from briefing.core.model import Article
from conftest import SAMPLE


def article(id, text, day=None):
    return Article(id=id, path=id, text=text, date=day)


def test_sample_re_translation_found_and_different_story_kept(sample_corpus):
    by_number = {a.path[:3]: a for a in sample_corpus.articles}
    found = find_duplicates(sample_corpus.articles)
    assert set(found) == {by_number["003"].id}
    assert found[by_number["003"].id].original == by_number["001"].id
    assert found[by_number["003"].id].kind == "translation"


def test_anchor_sequences_keep_names_and_numbers_in_order():
    assert anchors("Moscow has massed well over 130,000 troops, Sergey Lavrov said in Kyiv.") == ["130000", "serge", "lavro", "kyiv"]


LEAD = (
    "Asarco Inc said it is increasing its base spot sales price for refined lead by one-half cent to {price} cents a lb, "
    "FOB, delivered in carload lots, effective immediately. The company said the move reflects firmer markets in the "
    "United States and Europe and a shortage of scrap, traders in New York and London said on the day."
)


def test_identical_copies_are_duplicates_whatever_the_dates():
    items = [article("a", LEAD.format(price="27.0"), dt.date(1987, 3, 2)), article("b", LEAD.format(price="27.0"), dt.date(1987, 4, 20))]
    assert find_duplicates(items)["b"].kind == "identical"


def test_templated_notices_with_other_numbers_are_not_duplicates():
    items = [article("a", LEAD.format(price="27.0"), dt.date(1987, 3, 2)), article("b", LEAD.format(price="26.50"), dt.date(1987, 3, 3))]
    assert find_duplicates(items) == {}


def test_same_template_other_company_is_not_a_duplicate():
    other = LEAD.format(price="27.0").replace("Asarco Inc", "Doe Run Co")
    items = [article("a", LEAD.format(price="27.0"), dt.date(1987, 3, 2)), article("b", other, dt.date(1987, 3, 2))]
    assert find_duplicates(items) == {}


def test_recurring_report_weeks_apart_is_not_a_duplicate():
    text = LEAD.format(price="27.0") + " Minor wording changes here."
    items = [article("a", LEAD.format(price="27.0"), dt.date(1987, 3, 2)), article("b", text, dt.date(1987, 4, 2))]
    assert find_duplicates(items) == {}
    items[1].date = dt.date(1987, 3, 3)
    assert find_duplicates(items)["b"].kind == "near"


def test_undated_copy_inherits_the_original_date(tmp_path):
    from briefing.analyse.dedup import apply_duplicates
    from briefing.ingest.load import load_corpus

    corpus = load_corpus([SAMPLE])
    apply_duplicates(corpus.articles, find_duplicates(corpus.articles))
    copy = next(a for a in corpus.articles if a.path.startswith("003"))
    assert (copy.date, copy.date_source) == (dt.date(2022, 2, 14), "duplicate")
    assert "translation copy of 001_" in copy.date_evidence


def test_reuters_identical_bodies_all_found():
    import gzip
    import json
    from collections import defaultdict

    from conftest import data_path

    path = data_path("reuters21578", "reuters21578.jsonl.gz")
    rows = [json.loads(line) for line in gzip.open(path, "rt")][:6000]
    items = [article(str(r["newid"]), (r.get("body") or "").replace("&\\t", "\n\n")) for r in rows if (r.get("body") or "").strip()]
    found = find_duplicates(items)
    groups = defaultdict(list)
    for item in items:
        groups[" ".join(item.text.split())].append(item.id)
    for ids in (g for g in groups.values() if len(g) > 1):
        originals = {found[i].original if i in found else i for i in ids}
        assert len(originals) == 1, ids


def test_anchor_regex_matches_what_its_plain_form_does():
    """dedup._ANCHOR is a faster spelling of _ANCHOR_PLAIN and anchors() a faster form of the
    slice-and-strip test for sentence-initial words: same matches, same anchors."""
    import random
    import re

    from briefing.analyse.dedup import _ANCHOR, _ANCHOR_PLAIN, _FUNCTION_WORDS

    plain = re.compile(_ANCHOR_PLAIN)

    def reference(text):
        found = []
        for match in plain.finditer(text):
            token = match.group(0)
            if token[0].isdigit():
                found.append(token.replace(",", ""))
                continue
            before = text[max(0, match.start() - 3) : match.start()].strip()
            if match.start() == 0 or before.endswith((".", "!", "?", '"', "“", "‘", "'")) or token.lower() in _FUNCTION_WORDS:
                continue
            found.append(token[:5].lower())
        return found

    pieces = list("aAbZz0159.,!?\"“‘'’-_ \t\n\u00a0\u2003x") + ["The ", "Smith", "O'Neil", "1,000.5", ". ", ".  ", ".   ", "US", "Ab-Cd", "İ", "٣"]
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        assert [(m.start(), m.group()) for m in _ANCHOR.finditer(text)] == [(m.start(), m.group()) for m in plain.finditer(text)], text
        assert anchors(text) == reference(text), text
