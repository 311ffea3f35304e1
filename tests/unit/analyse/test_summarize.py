"""Multi-document summaries and headlines on real news text (the sample corpus and DUC 2003)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.core.model import Article
from briefing.text.sentences import split_sentences
from briefing.analyse.summarize import ALGORITHMS, STOP_WORDS, _STEMMER, headline, summarize, sumy_scores
from conftest import REPO, data_path, sample_text

# Two sentences of a vaccine side-effects sidebar, as news sites append them to unrelated stories.
VACCINE = (
    "People with a history of severe allergic reactions are encouraged to speak to their doctor about "
    "which vaccine to take, as around one in 30,000 may experience anaphylaxis. The most common side "
    "effects of the vaccine are a sore arm, headache and tiredness, which usually pass within two days."
)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]{4,}", text.lower()))


def near_duplicates(a: str, b: str) -> bool:
    """An independent yardstick: most of the shorter sentence's longer words are in the other."""
    first, second = _words(a), _words(b)
    return len(first & second) / max(1, min(len(first), len(second))) >= 0.6


@pytest.fixture(scope="module")
def stories(sample_by_number):
    return {
        "000+002": [sample_by_number["000"], sample_by_number["002"]],
        "001+003": [sample_by_number["001"], sample_by_number["003"]],
    }


def _check_is_extract(summary, articles):
    by_id = {a.id: split_sentences(a.text) for a in articles}
    for s in summary:
        assert by_id[s.article][s.index] == s.text


def _reading_key(articles):
    order = {a.id: (a.date or dt.date.max, k) for k, a in enumerate(articles)}
    return lambda s: (order[s.article], s.index)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize("name", ["000+002", "001+003"])
def test_summary_is_extract_without_repeats_within_budget(stories, name, algorithm):
    articles = stories[name]
    summary = summarize(articles, words=100, algorithm=algorithm)
    assert summary
    _check_is_extract(summary, articles)
    assert sum(len(s.text.split()) for s in summary) <= 100
    texts = [s.text for s in summary]
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            assert not near_duplicates(a, b), (a, b)


def test_yardstick_sees_the_retranslation(sample_by_number):
    """001 and 003 are the same AP story, 003 re-translated: the yardstick must flag their leads."""
    lead1 = split_sentences(sample_by_number["001"].text)[0]
    lead3 = split_sentences(sample_by_number["003"].text)[0]
    assert lead1 != lead3 and near_duplicates(lead1, lead3)


def test_syndicated_copies_appear_once_even_with_a_large_budget(stories):
    articles = stories["001+003"]
    summary = summarize(articles, words=None, sentences=40, algorithm="lexrank")
    assert len(summary) >= 15
    _check_is_extract(summary, articles)
    texts = [s.text for s in summary]
    pairs = [(a, b) for i, a in enumerate(texts) for b in texts[i + 1 :] if near_duplicates(a, b)]
    assert not pairs


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_off_topic_vaccine_sentences_are_never_picked(sample_by_number, algorithm):
    daily_mail = sample_by_number["002"]
    paragraphs = daily_mail.text.split("\n\n")
    paragraphs.insert(5, VACCINE)
    injected = dataclasses.replace(daily_mail, text="\n\n".join(paragraphs))
    articles = [sample_by_number["000"], injected]
    assert any("vaccine" in s for s in split_sentences(injected.text))
    # Even when nearly every candidate fits, the sidebar stays out.
    for summary in (summarize(articles, algorithm=algorithm), summarize(articles, words=None, sentences=80, algorithm=algorithm)):
        _check_is_extract(summary, articles)
        assert not [s.text for s in summary if re.search(r"vaccin|allerg|side effect", s.text, re.I)]


def test_captions_questions_and_fragments_are_dropped(sample_by_number):
    article = sample_by_number["001"]
    extra = (
        "In this photo provided by the Russian Defense Ministry Press Service on Monday, Feb. 14, 2022, "
        "a Russian tank fires on the field during military drills in Leningrad region, Russia. "
        "(Russian Defense Ministry Press Service via AP)\n\n"
        "Will Russia really pull its troops back from the border with Ukraine this week?\n\n"
        "The US reacted coolly."
    )
    padded = dataclasses.replace(article, text=article.text + "\n\n" + extra)
    summary = summarize([padded], words=None, sentences=60)
    texts = " ".join(s.text for s in summary)
    assert summary and "via AP" not in texts and "In this photo" not in texts and "?" not in texts and "reacted coolly" not in texts


def test_sentence_budget_and_reading_order(stories, sample_by_number):
    everything = [sample_by_number[n] for n in ("000", "001", "002", "003")]
    for articles in [*stories.values(), everything]:
        summary = summarize(articles, words=None, sentences=3)
        assert 1 <= len(summary) <= 3
        leads = [s for s in summary if s.index == 0]
        assert summary[: len(leads)] == leads  # lead sentences first
        rest = summary[len(leads) :]
        assert rest == sorted(rest, key=_reading_key(articles))
    # The undated re-translation's lead opens the four-article story, before dated body sentences.
    summary = summarize(everything, words=100)
    assert summary[0].index == 0 and any(s.index > 0 for s in summary[1:])


def test_words_budget_is_never_exceeded_and_sentences_are_whole(stories):
    articles = stories["000+002"]
    for budget in (25, 60, 150):
        summary = summarize(articles, words=budget)
        assert sum(len(s.text.split()) for s in summary) <= budget
        _check_is_extract(summary, articles)


def test_empty_and_degenerate_input_never_raises():
    assert summarize([]) == []
    empty = Article(id="e", path="e.txt", text="")
    blank = Article(id="b", path="b.txt", text="  \n\n  ")
    assert summarize([empty, blank]) == []
    one = Article(id="one", path="one.txt", text="Russia has massed more than 130,000 troops near Ukraine's borders.")
    for algorithm in ALGORITHMS:
        summary = summarize([one, empty], algorithm=algorithm)
        assert [(s.article, s.index) for s in summary] == [("one", 0)]
    short = Article(id="s", path="s.txt", text="Log In\n\nReset Password")
    assert all(s.article == "s" for s in summarize([short]))
    assert summarize([one], words=0) == [] and summarize([one], sentences=0) == []


def test_unknown_algorithm_is_refused(stories):
    with pytest.raises(ValueError):
        summarize(stories["001+003"], algorithm="magic")


def test_vectorised_lexrank_matches_sumy(sample_by_number):
    from sumy.summarizers.lex_rank import LexRankSummarizer

    texts = split_sentences(sample_by_number["000"].text)
    plain = LexRankSummarizer(_STEMMER)
    plain.stop_words = STOP_WORDS
    assert np.allclose(sumy_scores(texts, "lexrank"), sumy_scores(texts, summarizer=plain))


# --------------------------------------------------------------------------- headline


def test_headline_prefers_a_real_title(stories, sample_by_number):
    assert headline(stories["001+003"]) == "Kremlin signals more talks amid Ukraine tensions"
    chrome = dataclasses.replace(sample_by_number["003"], title="Log In")
    assert headline([chrome, sample_by_number["001"]]) == "Kremlin signals more talks amid Ukraine tensions"


def test_headline_strips_site_name_and_shortens(sample_by_number):
    titled = dataclasses.replace(sample_by_number["001"], title="Kremlin signals more talks amid Ukraine tensions | AP News")
    assert headline([titled]) == "Kremlin signals more talks amid Ukraine tensions"
    long = headline([sample_by_number["002"]], max_words=8)
    assert "…" not in long and 3 <= len(long.split()) <= 8
    assert sample_by_number["002"].title.startswith(long)


def test_the_daily_mail_title_loses_its_standfirst(sample_by_number):
    """The page's title line runs on into its standfirst ("…withdrawal Russian strongman
    claims…"); its URL slug spells the title as the site wrote it."""
    article = sample_by_number["002"]
    assert "Russian strongman" in article.title  # the glued standfirst is in the file
    assert headline([article]) == "Now Putin plays the peacemaker amid doubts over his theatrical withdrawal"


def test_headline_falls_back_to_a_compressed_lead_sentence(sample_by_number):
    untitled = sample_by_number["000"]
    assert untitled.title is None
    title = headline([untitled], max_words=10)
    assert "…" not in title and 4 <= len(title.split()) <= 10
    assert not any(day in title for day in ("Monday", "Tuesday", "said"))
    words = {w.lower().strip(",.") for s in split_sentences(untitled.text) for w in s.split()}
    assert {w.lower().strip(",.") for w in title.split()} <= words  # compressed, not rewritten
    assert headline([]) == ""
    assert headline([Article(id="e", path="e.txt", text="")]) == ""


def test_a_quotation_is_never_the_headline(sample_by_number):
    """2022-02-01 opens on Biden's words; its headline must be the news, not the quote."""
    article = sample_by_number["004"]
    assert split_sentences(article.text)[0].startswith("“")
    title = headline([article])
    assert title and title[0] not in "\"“‘'" and title[-1] not in "\"”’'" and "…" not in title


@pytest.mark.parametrize("title, expected", [
    ("'Meth. We're On It': South Dakota campaign is working, Kristi Noem says", "South Dakota campaign is working, Kristi Noem says"),
    ("Video shows dramatic rescue of kidnapping victim: \"We got her!\"", "Video shows dramatic rescue of kidnapping victim"),
    ("Anthony Lynn: “We needed to win this game”", None),
    ("“We will not back down”", None),
    ("Emirates inks $9 billion order for 30 Boeing 787 jets, will restart plans to...", "Emirates inks $9 billion order for 30 Boeing 787 jets, will restart plans to"),
])
def test_titles_around_quotations_and_ellipses(title, expected):
    from briefing.analyse.summarize import clean_title

    body = "A body of text that says what happened in a few plain words, as bodies do."
    got = clean_title(Article(id="t", path="t.txt", text=body, title=title))
    if expected is None:
        assert got is None
    else:
        assert got is not None and not got.endswith(("…", "...")) and expected.startswith(got.rstrip(","))


def test_all_caps_wire_titles_in_sentence_case_keep_names_and_acronyms():
    from briefing.analyse.summarize import clean_title

    body = ("New Zealand's retail sales fell 1.2 pct in the December quarter, the Department of Statistics "
            "said. The EC and OPEC were not involved, the Bundesbank said.")
    for title, expected in [
        ("N.Z. DECEMBER QUARTER RETAIL SALES FALL", "N.Z. December quarter retail sales fall"),
        ("BUNDESBANK SEES NO ROLE FOR EC <BBK.F> IN OPEC TALKS", "Bundesbank sees no role for EC in OPEC talks"),
    ]:
        assert clean_title(Article(id="r", path="r.txt", text=body, title=title)) == expected


# --------------------------------------------------------------------------- DUC 2003


def test_duc_smoke_beats_plain_lexrank():
    data_path("duc2003_task2", "docs")
    spec = importlib.util.spec_from_file_location("eval_duc", REPO / "bench" / "eval_duc.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    names = bench.clusters()[:2]
    results = bench.evaluate(names, {"ours": bench.ours, "plain": bench.plain_lexrank})
    assert results["ours"][1] > results["plain"][1]


def test_hand_built_tfidf_matches_scikit_learn_on_the_sample_corpus():
    """`_vectors` replaces TfidfVectorizer(sublinear_tf=True) for speed: same numbers."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from briefing.text.sentences import split_sentences
    from briefing.analyse.summarize import _array, _content_stems, _vectors

    texts = [s for prefix in ("000", "001", "002") for s in split_sentences(sample_text(prefix))] + ["", "the of and"]
    ours = _array(_vectors(texts))
    theirs = TfidfVectorizer(analyzer=_content_stems, sublinear_tf=True).fit_transform(texts).toarray()
    assert ours.shape == theirs.shape and np.allclose(ours, theirs, atol=1e-12)
    assert _vectors(["", "the of"]) is None


def test_summaries_do_not_import_nltk_or_scikit_learn():
    """Both cost seconds at start-up (most of a warm run); the default method needs neither."""
    import subprocess
    import sys

    code = (
        "import sys; from briefing.analyse.summarize import summarize, headline; from briefing.brief.build import build_brief; "
        "print(sorted(m for m in ('nltk', 'sklearn') if m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "[]"


@pytest.mark.parametrize("text", [
    "Protesters gather in Kyiv. (AP Photo/Efrem Lukatsky)", "FILE - A view of the plant.", "(file) Smith said.",
    "In this handout photo released by the army, tanks move.", "Reuters Photo shows it.", "Photographs by Jane Doe.",
    "Copyright 2022 The Associated Press.", "Click HERE to subscribe.", "Reporting by Tom Smith; Editing by Ann Lee.",
    "John Doe contributed to this report.", "Follow him on Twitter.", "Shares rose 5 pct (Reuters said).",
    "It filed a suit.", "Nothing here at all.", "ſubscribe now.", "Ａll rights reserved.", "",
])
def test_credit_shortcut_agrees_with_the_pattern(text):
    from briefing.analyse.summarize import _CREDIT, _is_credit

    assert _is_credit(text) == bool(_CREDIT.search(text))


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="(APReutrsFGyhoilfcvaOTCpgbdkwnm) ſK", max_size=30))
def test_credit_shortcut_agrees_on_generated_text(text):
    from briefing.analyse.summarize import _CREDIT, _is_credit

    assert _is_credit(text) == bool(_CREDIT.search(text))


def test_credit_shortcut_agrees_on_sample_sentences(sample_corpus):
    from briefing.text.sentences import split_sentences
    from briefing.analyse.summarize import _CREDIT, _is_credit

    sentences = [s for a in sample_corpus.articles for s in split_sentences(a.text)]
    assert [_is_credit(s) for s in sentences] == [bool(_CREDIT.search(s)) for s in sentences]


def _reuters_stories(count: int) -> list[list[Article]]:
    """Runs of 1-6 consecutive Reuters stories (same day, often the same company or market)."""
    import gzip
    import json

    path = data_path("reuters21578", "reuters21578.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for _, line in zip(range(4000), handle)]
    bodies = [(r.get("body") or "").replace("&\\t", "\n\n    ").strip() for r in rows]
    articles = [Article(id=f"r{n}", path=f"r{n}", text=b, title=r.get("title")) for n, (r, b) in enumerate(zip(rows, bodies)) if b]
    stories, at, size = [], 0, 1
    while len(stories) < count and at < len(articles):
        stories.append(articles[at : at + size])
        at, size = at + size, size % 6 + 1
    return stories


def test_dense_and_sparse_arithmetic_pick_the_same_sentences(stories, monkeypatch):
    """Small stories use numpy arrays, big ones scipy.sparse: the two sum in different orders,
    and the settled (rounded) cosines must make every pick and headline the same either way."""
    import briefing.analyse.summarize.vectors as module

    cases = [list(story) for story in stories.values()] + _reuters_stories(240)

    def run():
        return [([(s.text, s.article) for s in summarize(c, words=w)], headline(c)) for c in cases for w in (40, 100)]

    monkeypatch.setattr(module, "DENSE_CELLS", 0)
    all_sparse = run()
    monkeypatch.setattr(module, "DENSE_CELLS", 10**12)
    all_dense = run()
    assert sum(bool(picks) for picks, _ in all_dense) > 400
    assert all_dense == all_sparse


def _plain_content_stems(text: str) -> tuple[str, ...]:
    from briefing.analyse.summarize import GENERIC_NEWS, _stem, _tokens

    return tuple(_stem(t) for t in _tokens(text) if t not in STOP_WORDS and t not in GENERIC_NEWS and not t.isdigit())


def _plain_bigrams(text: str) -> frozenset:
    from briefing.analyse.summarize import _stem, _tokens

    tokens = _tokens(text)
    stems = [_stem(t) for t in tokens]
    return frozenset((a, b) for (a, b), s, t in zip(zip(stems, stems[1:]), tokens, tokens[1:]) if not (s in STOP_WORDS and t in STOP_WORDS))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdeiostuy019 .,'’-ſıİK\u212a")), max_size=120))
def test_memoised_token_stems_agree_with_the_plain_formula(text):
    from briefing.analyse.summarize import _bigrams, _content_stems

    assert _content_stems(text) == _plain_content_stems(text)
    assert _bigrams(text) == _plain_bigrams(text)


def test_memoised_token_stems_agree_on_the_sample_and_forget_past_their_limit():
    from briefing.core.memo import TokenMemo
    from briefing.analyse.summarize import _bigrams, _content_stems, _stem

    for number in ("000", "001", "002", "003", "004"):
        for sentence in split_sentences(sample_text(number)):
            assert _content_stems(sentence) == _plain_content_stems(sentence)
            assert _bigrams(sentence) == _plain_bigrams(sentence)
    memo = TokenMemo(_stem, limit=3)
    assert [memo[t] for t in ("talks", "talking", "troops", "troop")] == ["talk", "talk", "troop", "troop"]
    assert len(memo) <= 3


# --------------------------------------------------------------------------- hygiene on real wire text


def _hygiene_bench():
    spec = importlib.util.spec_from_file_location("eval_brief_hygiene", REPO / "bench" / "eval_brief_hygiene.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def _problems(articles: list[Article]) -> list[str]:
    """What an editor would have to fix in a story's headline and summary (the bench's counts)."""
    bench = _hygiene_bench()
    found = [f"headline {p}: {headline(articles)}" for p in bench.headline_problems(headline(articles))]
    summary = summarize(articles, words=100)
    previous, seen = None, []
    for line in summary:
        if bench.has_markup(line.text):
            found.append(f"markup: {line.text}")
        if bench.points_back(line.text) and previous != (line.article, line.index - 1):
            found.append(f"points back: {line.text}")
        key = bench.words(line.text)
        if any(a != line.article and bench.near_duplicate(key, other) for a, other in seen):
            found.append(f"near duplicate: {line.text}")
        seen.append((line.article, key))
        previous = (line.article, line.index)
    return found


def test_duc_clusters_read_clean():
    """DUC 2003 wire files: `` '' quotes, &UR; codes, no headlines, leads full of "he" and "but"."""
    from briefing.ingest.load import load_corpus

    docs = data_path("duc2003_task2", "docs")
    problems = [p for cluster in sorted(docs.iterdir()) for p in _problems(load_corpus([cluster]).articles)]
    assert problems == []


def test_reuters_stories_read_clean():
    """Raw Reuters bodies (cleaned as the loader does) in runs of 1-6 wires: ALL-CAPS titles with
    tickers, <Company> tags, `&\\t` marks, templated sentences repeated across companies."""
    import gzip
    import json

    from briefing.ingest.clean import clean, normalize_wire

    path = data_path("reuters21578", "reuters21578.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for _, line in zip(range(1500), handle)]
    articles = [Article(id=f"r{n}", path=f"r{n}", text=clean(r["body"]).text, title=normalize_wire(r.get("title")))
                for n, r in enumerate(rows) if r.get("body")]
    problems, at, size = [], 0, 1
    while at < len(articles):
        problems += _problems(articles[at : at + size])
        at, size = at + size, size % 6 + 1
    assert len(problems) <= 0.01 * len(articles), problems[:20]


def test_a_sentence_leaning_on_another_comes_right_after_it():
    lead = Article(id="a", path="a.txt", title="Storm hits coast", text=(
        "A powerful storm hit the northern coast of the island on Sunday, flooding villages and roads. "
        "It also cut power to more than 40,000 homes across the northern coast, officials said.\n\n"
        "But others heeded advice to stay indoors and were spared the worst of the flooding on the coast."))
    other = Article(id="b", path="b.txt", title="Storm floods villages", text=(
        "The storm flooded villages on the northern coast of the island and cut power to 40,000 homes. "
        "Rescue teams reached the flooded villages of the northern coast by boat on Monday morning."))
    for words in (30, 60, 100):
        summary = summarize([lead, other], words=words)
        for k, line in enumerate(summary):
            if line.text.startswith(("It ", "But ")):
                assert k > 0 and summary[k - 1].article == line.article and summary[k - 1].index == line.index - 1


@pytest.mark.parametrize("words", [40, 80, 120, 400, 2000])
def test_matrix_free_paths_pick_what_the_matrices_pick(sample_by_number, monkeypatch, words):
    """A single wire whose candidates all fit (`quick.all_picked`, `selection._all_picked`)
    is summarised exactly as the full coverage greedy summarises it."""
    from briefing.analyse.summarize import quick, selection

    samples = list(sample_by_number.values())
    # short wires: each sample's opening sentences alone, as most Reuters stories are
    leads = [dataclasses.replace(a, id=a.id + "-lead", text=" ".join(split_sentences(a.text)[:n])) for a in samples for n in (3, 5)]
    articles = [[a] for a in samples + leads] + [[a, b] for a, b in zip(samples, samples[1:])]
    fast = [summarize(group, words=words) for group in articles]
    taken = []
    original = quick.all_picked
    monkeypatch.setattr(quick, "all_picked", lambda *a: taken.append(original(*a)))  # records, answers None
    monkeypatch.setattr(selection, "_all_picked", lambda *a: False)
    assert [summarize(group, words=words) for group in articles] == fast
    if words == 2000:
        assert any(t is not None for t in taken)  # the quick path is taken on real wires
