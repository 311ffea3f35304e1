"""Key figures: the gold set, traps that are never figures, each value form, merging and ranking, hostile input."""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.analyse.figures import Figure, extract_figures, figure_records, merge_figures
from conftest import REPO, data_path

sys.path.insert(0, str(REPO / "bench"))
import eval_figures  # noqa: E402


def one(text: str) -> Figure:
    figures = extract_figures(text)
    assert len(figures) == 1, figures
    return figures[0]


# ------------------------------------------------------------------ the hand-labelled gold set


def test_gold_set_precision_and_recall():
    rows = eval_figures.load_gold()
    assert len(rows) >= 60
    assert sum(1 for r in rows if not r["figures"]) >= 20  # sentences with no figure (traps) are in it
    assert {r["origin"].split(":")[0] for r in rows} == {"sample", "reuters"}
    result = eval_figures.score(rows, eval_figures.predict)
    assert result["precision"] >= 0.95, result
    assert result["recall"] >= 0.90, result
    assert result["label_accuracy"] >= 0.70, result


def test_gold_file_is_well_formed():
    for line in (REPO / "tests" / "figures_gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        assert set(row) <= {"sentence", "figures", "origin", "context", "half"}
        assert row["origin"].startswith(("sample:", "reuters:"))
        blind = hashlib.sha1(row["origin"].encode()).digest()[0] % 2
        assert row["half"] == ("blind" if blind else "tune")  # the split rules are written from
        pos = 0
        for fig in row["figures"]:
            assert set(fig) == {"text", "value", "label"}
            pos = row["sentence"].index(fig["text"], pos) + 1


# ------------------------------------------------------------------ value forms

@pytest.mark.parametrize(
    "sentence, text, value, unit, qualifier, label",
    [
        ("Russia has massed more than 130,000 troops near Ukraine.", "more than 130,000 troops", 130000, None, "more than", "troops"),
        ("Ukraine can call up to 2.5 million people in the face of aggression.", "up to 2.5 million people", 2.5e6, None, "up to", "people"),
        ("So that the country's 250,000-strong military can be bolstered.", "250,000-strong military", 250000, None, None, "military"),
        ("The company raised $1.5bn from the sale.", "$1.5bn", 1.5e9, "USD", None, None),
        ("Inflation rose to 3.2% in January.", "3.2%", 3.2, "%", None, None),
        ("Officials said one in five adults had been vaccinated.", "one in five adults", 0.2, None, None, "adults"),
        ("Tens of thousands of troops are massed at the border.", "Tens of thousands of troops", None, None, None, "troops"),
        ("The bank lent £250m to the group.", "£250m", 2.5e8, "GBP", None, None),
        ("It sold 1.5 mln tonnes of LNG to Taiwan.", "1.5 mln tonnes of LNG", 1.5e6, "tonnes", None, "LNG"),
        ("Shr loss six cts vs profit two cts", "six cts", 6, "cents", None, None),
        ("The bills were bought at 10-3/8 pct.", "10-3/8 pct", 10.375, "%", None, None),
        ("A majority disapprove and two-thirds believe he should resign.", "two-thirds", 2 / 3, None, None, None),
        ("It holds a 51 pct interest in the venture.", "51 pct interest", 51, "%", None, "interest"),
        ("Iraq said its forces sank three Iranian boats.", "three Iranian boats", 3, None, None, "boats"),
        ("The board approved a 50-mln-dlr budget.", "50-mln-dlr budget", 5e7, "USD", None, "budget"),
        ("Prices fell to €40 a tonne.", "€40 a tonne", 40, "EUR", None, None),
    ],
)
def test_value_forms(sentence, text, value, unit, qualifier, label):
    figures = [f for f in extract_figures(sentence) if text in f.text or f.text in text]
    assert figures, extract_figures(sentence)
    f = figures[0]
    assert f.text == text
    assert (f.value is None and value is None) or f.value == pytest.approx(value)
    assert f.unit == unit
    assert f.qualifier == qualifier
    if label is not None:
        assert f.label == label


def test_such_sites_resolve_to_what_the_text_named():
    text = (
        "Kyiv residents received letters from the mayor, and signs appeared in apartment buildings "
        "indicating the nearest bomb shelter. The capital has about 4,500 such sites, including "
        "underground parking garages, subway stations, and basements, the mayor said."
    )
    f = one(text)
    assert (f.text, f.value, f.label) == ("about 4,500 such sites", 4500, "bomb shelters")


def test_offsets_point_into_the_text(sample_corpus):
    for article in sample_corpus.articles:
        for f in extract_figures(article.text):
            assert article.text[f.start:f.end] == f.text
            assert f.text in f.sentence


def test_figure_records_shape(sample_by_number):
    records = figure_records(sample_by_number["000"])
    assert records and set(records[0]) == {"text", "value", "label", "sentence", "unit", "qualifier", "start", "end"}
    assert any(r["value"] == 130000 and r["label"] == "troops" for r in records)


# ------------------------------------------------------------------ never figures

@pytest.mark.parametrize(
    "sentence",
    [
        "Russia and Ukraine have been locked in conflict since 2014, when the leader was ousted.",
        "A 2015 peace deal brokered by France and Germany stopped large-scale battles.",
        "In this photo provided on Monday, Feb. 14, 2022, a tank fires on the field.",
        "Satellites show the same camp on February 13 and on January 12.",
        "An offensive can take place either on (February) 16th or the 17th, he said.",
        "The talks will resume at 10:30 tomorrow and end by 1700 GMT.",
        "President Joe Biden, seen here with first lady Jill Biden, 70, spoke with Johnson.",
        "Cyr, 44, has been the company's senior vice president.",
        "The system goes to the 8th, 49th and 58th combined arms armies.",
        "TOS-1A, mounted on a T-72 tank chassis, fires rockets; T-72B3 tanks and a MiG-31 took part.",
        "Su-34 fighters and Mi-26 helicopters were seen near the E95 highway.",
        "Soldiers of the 82nd Airborne Division joined the Union Courage-2022 drills amid Covid-19.",
        "Components are used with Boeing 737, 747, 757 and 767 aircraft.",
        "He filed under Chapter 11 and spoke to BBC Radio 5 about Section 416.",
        "Call the desk on (212) 555-1234 or see page 12 of the report.",
        "Details are at https://example.com/news/2022/02/15/article-10515453.html today.",
        "The Senate voted 58 to 31 and the FTC voted 4-1; the committee majority fell to 9-8.",
        "The team won 3-1 in the final.",
        "The report covers the nine months ended March 31 and the 1986/87 season.",
        "The warrants are exercisable for five years and the notes mature in 10 years.",
        "Figures are as follows, in thousands of tonnes:",
        "Just one volley can scatter mines; at one point the unit fell.",
        "The dividend is payable July One to holders of record June 16.",
        "Prices in the 1990s and mid-1980s were lower than at end-1986.",
    ],
)
def test_traps_are_not_figures(sentence):
    assert extract_figures(sentence) == []


def test_vaccine_sidebar_numbers_are_figures_but_do_not_lead_the_story(sample_corpus, sample_by_number):
    # extracted as figures (they are numbers with what they count) ...
    sidebar = (
        "People with a history of severe allergic reactions are encouraged to speak to their doctor as "
        "around one in 30,000 may experience anaphylaxis.\n\nOne in 65,000 people may experience blood "
        "clotting issues after the AstraZeneca vaccines. The risk of death is around one in 615,000.\n\n"
        "Makes you up to 40 less likely to pass the virus onto someone else.\n\nOne in 50,000 people may "
        "experience heart inflammation after the Pfizer or Moderna vaccines."
    )
    sidebar_figures = extract_figures(sidebar)
    assert [f.value for f in sidebar_figures] == pytest.approx([1 / 30000, 1 / 65000, 1 / 615000, 40, 1 / 50000])
    # ... but a sidebar in one article only is never among the story's top figures
    a000, a002 = sample_by_number["000"], sample_by_number["002"]
    raw002 = (REPO / "sample_corpus").glob("002_*").__next__().read_text(encoding="utf-8")
    for text002 in (a002.text + "\n\n" + sidebar, raw002):
        per = [(a000.id, extract_figures(a000.text)), (a002.id, extract_figures(text002))]
        ranked = merge_figures(per, {a000.id: a000.text, a002.id: text002})
        top = ranked[:5]
        assert top[0].value == 130000 and top[0].label == "troops" and top[0].also_in
        for m in top:
            assert "vaccin" not in m.sentence.lower() and "one in" not in m.text.lower(), m
            assert m.value not in (40, 30000, 65000, 50000, 615000)


def test_story_000_002_has_130000_troops(sample_by_number):
    a000, a002 = sample_by_number["000"], sample_by_number["002"]
    merged = merge_figures([(a000.id, extract_figures(a000.text)), (a002.id, extract_figures(a002.text))],
                           {a000.id: a000.text, a002.id: a002.text})
    top = merged[0]
    assert top.value == 130000 and top.label == "troops"
    assert {top.article, *top.also_in} == {a000.id, a002.id}


# ------------------------------------------------------------------ merging, conflicts, ranking


def fig(text, value, label, sentence, start=0, qualifier=None, unit=None):
    return Figure(text, value, unit, qualifier, label, sentence, start, start + len(text))


def test_merge_same_figure_across_articles_and_near_same_labels():
    a = [fig("more than 130,000 troops", 130000, "troops", "Russia has massed more than 130,000 troops near Ukraine.", 10)]
    b = [fig("130,000 Russian forces", 130000, "forces", "Plans show how 130,000 Russian forces will bid to topple the government.", 50)]
    c = [fig("well over 130,000 troops", 130000, "troops", "Moscow has massed well over 130,000 troops near its borders.", 900)]
    merged = merge_figures([("a", a), ("b", b), ("c", c)])
    assert len(merged) == 1
    assert merged[0].article == "a" and sorted(merged[0].also_in) == ["b", "c"]


def test_conflicting_figures_are_flagged_both_ways():
    a = [fig("more than 130,000 troops", 130000, "troops", "Russia has massed more than 130,000 troops near Ukraine's borders.", 10, "more than")]
    b = [fig("more than 100,000 ground troops", 100000, "ground troops",
             "U.S. officials say Russia has massed more than 100,000 ground troops along Ukraine's borders.", 10, "more than")]
    merged = {m.value: m for m in merge_figures([("a", a), ("b", b)])}
    assert merged[130000].conflicts == ["more than 100,000 ground troops"]
    assert merged[100000].conflicts == ["more than 130,000 troops"]


def test_no_conflict_for_increments_other_things_or_two_facts_in_one_article():
    a = [fig("more than 130,000 troops", 130000, "troops", "Russia has massed more than 130,000 troops near Ukraine.", 10)]
    b = [
        fig("an extra 20,000", 20000, "troops", "More Russian troops, possibly an extra 20,000, are being added.", 10, "an extra"),
        fig("250,000-strong military", 250000, "military", "Ukraine's 250,000-strong military can be bolstered near Russia.", 90),
        fig("about 9,000 troops", 9000, "troops", "About 9,000 Russian troops were returning to barracks near Ukraine.", 200),
    ]
    c = [
        fig("roughly 2,000 troops", 2000, "troops", "Kirby said roughly 2,000 US troops would deploy to Poland and Germany.", 10),
        fig("3,000 US troops", 3000, "troops", "Biden approved the deployment of 3,000 US troops to Poland and Germany.", 400),
    ]
    merged = merge_figures([("a", a), ("b", b), ("c", c)])
    assert all(m.conflicts == [] for m in merged), [(m.text, m.conflicts) for m in merged]


def test_ranking_prefers_shared_central_lead_figures_over_big_numbers():
    story = [
        ("a", [fig("more than 130,000 troops", 130000, "troops", "Russia has massed more than 130,000 troops near Ukraine.", 40),
               fig("$30 billion", 3e10, "trade", "Bilateral trade once reached $30 billion a year, a report on gas said.", 3000, unit="USD")]),
        ("b", [fig("130,000 troops", 130000, "troops", "Moscow has 130,000 troops near Ukraine's borders.", 100)]),
    ]
    texts = {"a": "Russia has massed more than 130,000 troops near Ukraine. " + "x " * 1500, "b": "Moscow has 130,000 troops near Ukraine's borders, and troops keep coming."}
    merged = merge_figures(story, texts)
    assert merged[0].value == 130000 and merged[0].also_in == ["b"]
    assert merged[-1].value == 3e10


def test_merge_never_raises():
    assert merge_figures([]) == []
    assert merge_figures([("a", [])]) == []
    assert merge_figures([("a", [None, "junk"])]) == []  # type: ignore[list-item]
    bad = fig("x", float("nan"), "", "", 0)
    merge_figures([("a", [bad]), ("b", [bad])])


def test_merge_of_one_article_without_its_text_ranks_its_figures():
    """A one-article story merged without `texts` used the figures' sentences, but read the
    article's figure list as (id, figure) pairs: the error was swallowed and nothing came back."""
    text = "The storm killed 60 people and left 3,000 homes without power, officials said."
    figures = extract_figures(text)
    without = merge_figures([("a", figures)])
    assert [(m.value, m.label) for m in without] == [(60, "people"), (3000, "homes")]
    assert [m.value for m in without] == [m.value for m in merge_figures([("a", figures)], {"a": text})]


# ------------------------------------------------------------------ hostile input


@pytest.mark.parametrize(
    "text",
    [
        "", " ", "\n\n\n", "0", "1,", ",1", ".5", "1/0", "0/0 pct", "10-3/0 pct", "$", "$.", "£m", "1e308 dlrs", "9" * 5000,
        "1" + ",000" * 200, "one in zero", "one in 0", "tens of thousands", "thousands of", "\x00\x01 12 \ufeff troops",
        "€" * 1000, "(" * 3000 + "5 troops" + ")" * 3000, "1 " * 3000, "a-" * 5000 + "1", "5" + "-" * 1000 + "5",
        "more than " * 1000 + "5 troops", "\u202e12 troops\u202c", "٣٠٠ جندي and ３００ troops", "10:30:99:12 1/2/3/4/5",
    ],
)
def test_hostile_input_never_raises(text):
    started = time.perf_counter()
    figures = extract_figures(text)
    assert time.perf_counter() - started < 5
    for f in figures:
        assert 0 <= f.start < f.end <= len(text) and text[f.start:f.end] == f.text


def test_non_string_input():
    assert extract_figures(None) == []  # type: ignore[arg-type]
    assert extract_figures(123) == []  # type: ignore[arg-type]


def test_every_reuters_body_sample_without_crash():
    path = data_path("reuters21578", "reuters21578.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    sample = random.Random(21578).sample(rows, min(2000, len(rows)))
    started = time.perf_counter()
    total = 0
    for row in sample:
        body = (row.get("body") or "").replace("&\\t", "\n\n    ")
        figures = extract_figures(body)
        for f in figures:
            assert body[f.start:f.end] == f.text
        total += len(figures)
    elapsed = time.perf_counter() - started
    assert total > 2000
    assert elapsed < 60, elapsed


def _mask_spans_without_prechecks(sentence: str) -> list[tuple[int, int]]:
    from briefing.analyse.figures import _MASKS

    return [m.span() for pattern, _, _ in _MASKS for m in pattern.finditer(sentence)]


def _assert_prechecks_never_say_no_wrongly(sentence: str) -> None:
    from briefing.analyse.figures import _MASKS, _masks
    from briefing.text.prefilter import ascii_lower, may_contain

    low = ascii_lower(sentence)
    for pattern, words, precheck in _MASKS:
        if pattern.search(sentence):
            assert precheck is None or precheck.search(sentence), (pattern.pattern[:60], sentence)
            assert words is None or may_contain(low, words), (pattern.pattern[:60], sentence)
    assert _masks(sentence, low) == _mask_spans_without_prechecks(sentence)


def test_mask_prechecks_hold_on_reuters_sentences():
    """Every sentence a mask matches passes its precheck: the shortcut never drops a mask."""
    from briefing.text.sentences import sentence_spans

    path = data_path("reuters21578", "reuters21578.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    masked = 0
    for row in random.Random(7).sample(rows, min(3000, len(rows))):
        for span in sentence_spans((row.get("body") or "") + " " + (row.get("title") or "")):
            _assert_prechecks_never_say_no_wrongly(span.text)
            masked += bool(_mask_spans_without_prechecks(span.text))
    assert masked > 900  # the sample exercised the masks (998 since "N.Z. Trade…" and "U.S. And…" stay one sentence)


_MASK_ALPHABET = "0123456789 ,.:-–/@amphrstoldgecutAMPGTJanFebMonSunDecyhisfw'()+"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_MASK_ALPHABET, max_size=40))
def test_mask_prechecks_hold_on_generated_text(sentence):
    _assert_prechecks_never_say_no_wrongly(sentence)


@pytest.mark.parametrize("sentence", [
    "at 10:30 a.m. local", "by 1600 GMT", "at 0900 local time", "at 3 pm", "voted 5-4 for", "aged 45",
    "Smith, 52, said", "in his early 50s", "12-year-old boy", "call 555-123-4567", "on 2022-02-15",
    "on 15/02/2022", "March 3, 1987", "Monday, the 3rd", "see www.example.com now", "mail a@b.org",
    "in thousands of tonnes", "won 3 to 1",
])
def test_mask_prechecks_pass_every_kind_of_mask(sentence):
    assert _mask_spans_without_prechecks(sentence)  # each line is masked somewhere
    _assert_prechecks_never_say_no_wrongly(sentence)


def _first_entry_by_loop(words, text: str, pos: int):
    for regex, unit in words.patterns:
        m = regex.match(text, pos)
        if m:
            return m.span(), unit
    return None, None


@pytest.mark.parametrize("text", [
    "u.s. dollars", "US dlrs", "canadian dlr", "swiss francs", "francs", "marks", "d-marks", "pct", "per cent",
    "percentage points", "basis points", "bps", "points", "square km", "sq. miles", "kilometres", "kms", "km/h",
    "nautical miles", "miles per hour", "metric tonnes", "tons", "short tons", "barrels per day", "bpd", "bbls",
    "degrees celsius", "degrees", "mw", "times", "fold", "crowns", "cents", "pence", "dollarsx", "mileage", "", "x",
])
def test_word_lists_pick_the_first_entry_that_matches_like_a_loop(text):
    from briefing.analyse.figures import _CUR_RE, _UNIT_RE

    for words in (_CUR_RE, _UNIT_RE):
        for pos in (0, 1):
            m, unit = words.match_at(text, pos)
            assert ((m.span() if m else None), unit) == _first_entry_by_loop(words, text, pos)


# ------------------------------------------------------------------ what is not a figure (issue 14's list)

@pytest.mark.parametrize("sentence, not_values", [
    ("Boeing will deliver 30 787-9 Dreamliner jets to the airline.", {787.0, 9.0}),
    ("The camera is in the iPhone 11 and costs more.", {11.0}),
    ("The Group of Seven met in Paris with 300 delegates.", {7.0}),
    ("The dead, as young as 12 and none older than 20, were at a dance.", {12.0, 20.0}),
    ("Her diving won the title with a score of 409.30 in the final.", {409.3}),
    ("The browser sends Mozilla/5.0 and Firefox/65.0 in its header.", {5.0, 65.0}),
    ("Hippolyte Taine, critic and historian (1828-1893), wrote it.", {1828.0, 1893.0}),
    ("The team won silver eight times and bronze once.", {8.0}),
    ("The town lies 217 kilometers (134 miles) south of Warsaw.", {134.0}),
    ("Lavrov said he has prepared a 10-page response to the letters.", {10.0}),
    ("The gearbox is a 10-speed automatic in the 12-nation tournament car.", {10.0, 12.0}),
])
def test_names_scores_ages_and_conversions_are_not_figures(sentence, not_values):
    values = {f.value for f in extract_figures(sentence)}
    assert not values & not_values, extract_figures(sentence)


@pytest.mark.parametrize("sentence, text, value, label", [
    ("He was sentenced to 2 1-2 years in prison.", "2 1-2 years", 2.5, "years"),
    ("Temperatures fell to minus 20 degrees Celsius (minus 4 Fahrenheit) overnight.", None, -20.0, None),
    ("Exports were three times as large as imports.", None, 3.0, None),
])
def test_mixed_numbers_signs_and_hyphen_measures_read_right(sentence, text, value, label):
    figures = extract_figures(sentence)
    found = [f for f in figures if f.value == value]
    assert found, figures
    assert text is None or found[0].text == text
    assert label is None or found[0].label == label
    assert all(f.value != abs(value) for f in figures) or value > 0  # the sign is never lost


def test_a_long_run_of_at_signs_after_a_number_is_read_once():
    """The e-mail mask once backtracked cubically on "5@@@@…": 50 such sentences took minutes
    (the time is measured in bench/, this only makes a regression show as a stalled test)."""
    text = " ".join("The 5" + "@" * 1100 + " troops." for _ in range(50))
    assert all(f.value == 5 for f in extract_figures(text))


def test_mention_gold_is_well_formed():
    """Every number mention of the 40 hand-labelled articles: a verdict, its half by the hash
    of the article id, a short snippet holding the mention (never the article itself); the
    articles labelled later ("added") in sessions 3 and 7 are all blind, those added for the
    tune half (figs-tune) hash into it and were labelled before the output was seen."""
    rows = [json.loads(line) for line in (REPO / "tests" / "figures_gold_mentions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len({r["article"] for r in rows if "added" not in r}) == 40
    assert len({r["article"] for r in rows if r.get("added") == "session-3"}) >= 12
    for r in rows:
        assert r["verdict"] in {"key", "ok", "part", "junk"}
        if r.get("added") in {"session-3", "session-7"}:  # labelled later, held back whole: never tuned on
            assert r["half"] == "blind"
        elif r.get("added"):  # fresh tune articles, labelled blind to the output
            assert r["before_output"] and r["half"] == "tune"
            assert r["half"] == ("blind" if hashlib.sha1(r["article"].encode()).digest()[0] % 2 else "tune")
        else:
            assert r["half"] == ("blind" if hashlib.sha1(r["article"].encode()).digest()[0] % 2 else "tune")
        assert r["text"] in r["snippet"] and len(r["snippet"]) <= 120
        assert (r["verdict"] in {"key", "ok"}) == bool(r["labels"])


@pytest.mark.parametrize("sentence, text, label", [
    ("The man could face up to 10 years in prison and a fine.", "up to 10 years", "years"),
    ("She was sentenced to 12 years for fraud.", "12 years", "years"),
    ("Dating showed the tool to be approximately 50,000 years old.", "approximately 50,000 years", "years"),
])
def test_prison_terms_and_ages_of_things_are_figures(sentence, text, label):
    """A term of imprisonment and an age no person reaches are news, not durations or ages in passing."""
    found = [(f.text, f.label) for f in extract_figures(sentence)]
    assert (text, label) in found, found


@pytest.mark.parametrize("sentence", [
    "He served 18 years in the army and then retired to the coast.",
    "The man, 45 years old, and a 36-year-old woman were hurt.",
    "| apache_builds | 2.3 GB/s | 0.098 GB/s |",
])
def test_durations_ages_and_pipe_table_cells_stay_out(sentence):
    assert extract_figures(sentence) == []


@pytest.mark.parametrize("sentence, text, label", [
    ("The closing would affect 280,000 to 300,000 people.", "280,000", "people"),
    ("He said the company borrowed 7.6 mln dlrs from its banks.", "7.6 mln dlrs", "dlrs"),
    ("It borrowed an additional 1.5 mln dlrs in order to pay off workers.", "an additional 1.5 mln dlrs", "dlrs"),
    ("Net income rose to 5.6 mln dlrs.", "5.6 mln dlrs", "income"),
])
def test_ranges_share_their_noun_and_money_is_not_counted_by_a_verb_or_a_person(sentence, text, label):
    """The first number of a range counts what the second does; money with no measure noun
    (income, debt, sales...) around it is labelled by its currency, not by the subject or a verb."""
    found = [(f.text, f.label) for f in extract_figures(sentence)]
    assert (text, label) in found, found


@pytest.mark.parametrize("sentence", [
    "1 Introduction\n\nThis blog article reminded me of it.",
    "It came.\n\n3 Emacspeak And Advice — Fall 1994\n\nAnd then it spoke.",
    "The one saw the dots while others 1) did not see them or 2) did not look.",
    "The idea traces back to the 80's and to the 747's.",
    "They walked from the 200-meter-long (600-foot-long) mound.",
])
def test_headings_inline_list_marks_decades_and_hyphen_conversions_are_not_figures(sentence):
    values = {f.value for f in extract_figures(sentence)}
    assert not values & {1.0, 2.0, 3.0, 80.0, 747.0, 600.0}, extract_figures(sentence)


def test_capital_units_glued_to_the_number_are_read():
    found = [(f.value, f.unit) for f in extract_figures("Drives will scale up to 80TB, with 6Tb per square inch.")]
    assert (80.0, "TB") in found and (6.0, "TB") in found, found


@pytest.mark.parametrize("sentence, text, label", [
    ("Border agents say that $53 million a week is coming across the border.", "$53 million a week", "dollars"),
    ("Spot volume rose to 22.63 billion dlrs from 16.18 billion in December.", "16.18 billion", "volume"),
    ("About a dozen people were hurt.", "About a dozen people", "people"),
    ("About a dozen black female small-business owners met.", "About a dozen black female small-business owners", "black female small-business owners"),
])
def test_labels_are_never_a_rate_a_month_or_the_word_dozen(sentence, text, label):
    found = [(f.text, f.label) for f in extract_figures(sentence)]
    assert (text, label) in found, found


@pytest.mark.parametrize("sentence, text, label", [
    ("The Senate would act on $80 billion.", "$80 billion", "dollars"),
    ("The Senate would act on an $80 billion, five-year tax cut plan.", "$80 billion", "tax cut"),  # the noun both modify
    ("The package would cost $5.1 billion over five years.", "$5.1 billion", "cost"),
])
def test_a_verb_after_a_modal_is_not_what_is_counted_unless_it_names_a_measure(sentence, text, label):
    found = [(f.text, f.label) for f in extract_figures(sentence)]
    assert (text, label) in found, found


def test_a_hyphenated_scale_multiplies():
    found = [(f.value, f.unit) for f in extract_figures("They signed a $1.5-billion deal for a 3-million population.")]
    assert (1.5e9, "USD") in found and (3e6, None) in found, found


def test_the_first_number_of_a_range_of_days_is_a_duration_too():
    assert [f.text for f in extract_figures("He can win approvals for the acquisition in 60 to 90 days.")] == []
    assert [f.label for f in extract_figures("They hired 60 to 90 workers.")] == ["workers", "workers"]


def test_a_part_after_including_counts_what_the_whole_counts():
    found = [(f.text, f.label) for f in extract_figures("The cold has claimed more than 90 lives across Europe, including 30 in Romania.")]
    assert ("30", "lives") in found, found


def test_the_number_of_a_noun_names_what_is_counted():
    sentence = "Cathay wants the number of employees at Philippine Airlines to be slashed from more than 8,000 to 5,000."
    assert [f.label for f in extract_figures(sentence)] == ["employees", "employees"]


@pytest.mark.parametrize("sentence, text, label", [
    ("The grant is approximately ~9x as cost-effective as cash.", "9x", "times"),
    ("A fire turned the hall into a deathtrap, killing 60 people and injuring 155.", "155", "people"),
])
def test_multiples_and_parallel_counts_are_labelled(sentence, text, label):
    found = [(f.text, f.label) for f in extract_figures(sentence)]
    assert (text, label) in found, found


def test_a_wire_paragraph_reference_is_not_a_figure():
    assert extract_figures("The building, graf 5 pvs") == []


@pytest.mark.parametrize("sentence, not_value", [
    ("A pool contains about 2,750 tons, or 2,500 metric tons, of water.", 2500.0),
    ("The town is 500 miles or 800 km away.", 800.0),
])
def test_a_measure_restated_in_another_unit_after_or_is_a_conversion(sentence, not_value):
    assert not_value not in {f.value for f in extract_figures(sentence)}


@pytest.mark.parametrize("sentence, absent", [
    ("The storm was a Category 4 hurricane with winds of 130 mph (210 km/h).", "210"),  # a conversion's second half
    ("See page 12 and section 4.2 of the report.", "4.2"),  # a section number, not a decimal
    ("The man at 201 E. Nine Mile said the bar was full.", "201"),  # a house number
    ('He said he never used the term "three amigos" and added more.', "three"),  # part of a quoted name
])
def test_numbers_that_name_parts_addresses_or_conversions_are_no_figures(sentence, absent):
    assert not any(absent in f.text for f in extract_figures(sentence)), extract_figures(sentence)


@pytest.mark.parametrize("sentence, text, label", [
    ("It filed for up to 1.50 billion dlrs principal amount of debt securities.", "up to 1.50 billion dlrs", "debt securities"),
    ("Rapeseed was higher, with rapeseed gaining 2.10 to 2.50 dlrs a bushel.", "2.50 dlrs a bushel", "bushel"),
    ("Output of products was 9.7 mln tonnes vs 10.6 mln in 1985.", "10.6 mln", "output"),
    ("Shares were quoted at 291p, one penny firmer on last night.", "one penny", "shares"),  # not "firmer"
    ("Of the injured, at least 57 were in intensive care.", "at least 57", "injured"),
    ("It said income available to holders and their families rose 17.0 pct in Britain but fell 9.7 pct in Ireland.",
     "9.7 pct", "income"),
    ("Net debt fell with gearing down to 63 pct from 65 pct.", "65 pct", "gearing"),
    ("Workers would receive a 1.21-dlr-an-hour pay raise.", "1.21-dlr", "raise"),
    ("He said the company owed 7.6 mln dlrs to banks.", "7.6 mln dlrs", "dlrs"),
    ("The Bank of Japan kept the dollar above 149 yen.", "above 149 yen", "dollar"),
])
def test_labels_name_what_is_counted(sentence, text, label):
    found = [(f.text, f.label) for f in extract_figures(sentence)]
    assert any(t.startswith(text) and lab.lower().endswith(label.lower()) for t, lab in found), found


# Sentences from Reuters-21578 and DUC 2003 stories outside the labelled gold (figs3 rules).
@pytest.mark.parametrize("sentence, text, label", [
    ("Typhoon Zeb killed at least 74 people in the northern Philippines and 43 more in Taiwan and Japan.", "43", "people"),
    ("Two more victims were found Thursday, raising the death toll from more than two weeks of freezing temperatures to at least 74.",
     "at least 74", "death toll"),
    ("Officials said the blaze killed 60 and injured 162, officials said Saturday.", "60", "people"),
    ("More than 600,000 Israelis live in settlements in the West Bank.", "More than 600,000 Israelis", "Israelis"),
    ("Outlays last month totaled 83.83 billion dlrs, more than a year ago.", "83.83 billion dlrs", "outlays"),
    ("Winnipeg oilseeds were higher, with flaxseed up 1.50 to 2.70.", "1.50", "flaxseed"),
    ("Because of lower yields, EC beet sugar production could fall nearly 10 pct this year to 13.5 mln tonnes.",
     "13.5 mln tonnes", "production"),
    ("Consumers have purchased 208,560 new vehicles this year, down 5 percent from a year ago.", "5 percent", "vehicles"),
    ("On Friday evening, about 1,500 mostly young people came to the cathedral.", "about 1,500 mostly young people", "people"),
    ("The CMB has 455,000 60-kg bags of coffee, about 15 pct of annual production.", "455,000 60-kg bags", "bags"),
    ("The Palestinian response was quiet, and Arafat received only two calls of congratulations.", "only two calls", "calls"),
    ("The State Department also announced a reward of up to dlrs 5 million for bin Laden's capture.", "up to dlrs 5 million", "reward"),
])
def test_labels_follow_the_grammar_of_the_clause(sentence, text, label):
    found = [(f.text, f.label) for f in extract_figures(sentence)]
    assert any(t.startswith(text) and lab.lower().endswith(label.lower()) for t, lab in found), found


def test_a_results_table_row_keeps_its_first_number_and_its_head():
    table = "Shr 33 cts vs 37 cts\n    Net 2,051,000 vs 1.8 mln\n    Assets 1.7 billion vs 1.5 billion\n    Revs 5,944,286 vs 5,902,074\n"
    found = {f.text: f.label for f in extract_figures(table)}
    assert found.get("1.7 billion") == "Assets" and found.get("5,944,286") == "Revs", found
    assert found.get("2,051,000") == "Net", found


@pytest.mark.parametrize("sentence, absent", [
    ("He wrote a letter in 1991, when he was 19, to his brother Omar, then 24, in which he boasted.", "19"),
    ("Almost all of the victims were teenagers between the ages of 13 and 17.", "13"),
    ("Although Hitler was born in Braunau in 1889, Austria argued otherwise.", "1889"),
    ("Turkmenistan earned a berth by overcoming a 2-0 half-time deficit to defeat South Korea.", "0"),
    ("He helped India win a total of eight Olympic gold medals.", "eight"),
    ("In other action Friday, the House approved, 300-125, legislation overhauling the agency.", "300"),
    ("BUENOS AIRES.......27.......21............4     BAHIA BLANCA......29.......16", "27"),
    ("dateutils==0.6.6  flask==1.0.3  itsdangerous==1.1.0 # via flask", "1.0.3"),
    ("The Group of 20 met in Osaka on Friday.", "20"),
])
def test_ages_years_scores_records_tallies_cells_and_versions_stay_out(sentence, absent):
    assert not any(absent in f.text for f in extract_figures(sentence)), extract_figures(sentence)
