"""`briefing export` and `summarize` as a user runs them, on the sample corpus and hostile text."""

import json
import os
import subprocess
import sys

import jsonschema
import pytest
from markdown_it import MarkdownIt

from conftest import SAMPLE, schema


def run(*args, env=None, cwd=None):
    environment = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, env=environment, cwd=cwd)


@pytest.fixture(scope="module")
def cache_home(tmp_path_factory):
    return {"XDG_CACHE_HOME": str(tmp_path_factory.mktemp("cache"))}


@pytest.fixture(scope="module")
def sample_json(cache_home):
    result = run("export", str(SAMPLE), "--format", "json", env=cache_home)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def sample_markdown(cache_home):
    result = run("export", str(SAMPLE), env=cache_home)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def here(cache_home, monkeypatch, capsys):
    """`briefing ARGS` in this process, with the module's cache: (exit code, stdout). For the
    option checks, where each program start-up (~1.2 CPU-s) would cost more than the export."""
    from briefing.cli import main

    monkeypatch.setenv("XDG_CACHE_HOME", cache_home["XDG_CACHE_HOME"])

    def call(*args):
        capsys.readouterr()
        code = main(list(args))
        return code, capsys.readouterr().out

    return call


def by_number(document):
    return {a["path"][:3]: a for a in document["articles"]}


def test_json_validates_against_the_schema(sample_json):
    jsonschema.validate(sample_json, schema("brief.schema.json"))


def test_three_days_newest_first(sample_json):
    assert [d["date"] for d in sample_json["days"]] == ["2022-02-15", "2022-02-14", "2022-02-01"]
    assert sample_json["undated"] == []


def test_re_translation_is_flagged_and_dated_by_its_original(sample_json):
    articles = by_number(sample_json)
    assert articles["003"]["duplicate_of"] == articles["001"]["id"]
    assert articles["003"]["date"] == "2022-02-14" and articles["003"]["date_source"] == "duplicate"
    assert articles["000"]["duplicate_of"] is None and articles["002"]["duplicate_of"] is None


def test_000_and_002_are_one_story(sample_json):
    articles = by_number(sample_json)
    (day,) = [d for d in sample_json["days"] if d["date"] == "2022-02-15"]
    assert len(day["stories"]) == 1
    assert sorted(day["stories"][0]["articles"]) == sorted([articles["000"]["id"], articles["002"]["id"]])


def test_one_thread_across_the_days(sample_json):
    threads = {s["thread"] for d in sample_json["days"] for s in d["stories"]}
    days_by_thread = {}
    for day in sample_json["days"]:
        for story in day["stories"]:
            days_by_thread.setdefault(story["thread"], set()).add(day["date"])
    assert max(len(days) for days in days_by_thread.values()) >= 2, threads


def test_summaries_are_sentences_of_their_articles(sample_json):
    from briefing.ingest.load import load_corpus
    from briefing.text.sentences import split_sentences

    corpus = load_corpus([SAMPLE])
    sentences = {a.id: set(split_sentences(a.text)) for a in corpus.articles}
    for day in sample_json["days"]:
        for story in day["stories"]:
            assert story["summary"], story["headline"]
            for line in story["summary"]:
                assert line["article"] in story["articles"]
                assert line["text"] in sentences[line["article"]]


BOILERPLATE = ("Log In", "Reset Password", "People also read", "AP Photo", "All rights reserved", "contributed", "FILE-")
VACCINE = ("vaccine", "anaphylaxis", "myocarditis", "AstraZeneca", "Pfizer", "sore arm")


def test_no_boilerplate_or_vaccine_sentence_anywhere(sample_markdown, sample_json):
    summary_text = json.dumps([s for d in sample_json["days"] for s in d["stories"]], ensure_ascii=False)
    for phrase in BOILERPLATE + VACCINE:
        assert phrase not in sample_markdown, phrase
        assert phrase not in summary_text, phrase


def test_15_february_figures_and_quotes(sample_json):
    (day,) = [d for d in sample_json["days"] if d["date"] == "2022-02-15"]
    figures = [f for story in day["stories"] for f in story["figures"]]
    assert any(f["value"] == 130000 and "troops" in f["label"] for f in figures)
    for number in (30000, 65000, 50000, 615000):
        assert all(f["value"] != number for f in figures)
    speakers = {q["speaker"] for story in day["stories"] for q in story["quotes"]}
    assert {"Sergey Lavrov", "Karine Jean-Pierre", "Liz Truss"} <= speakers


def test_copy_quotes_merge_into_the_original(sample_json):
    articles = by_number(sample_json)
    (day,) = [d for d in sample_json["days"] if d["date"] == "2022-02-14"]
    (story,) = day["stories"]
    assert story["articles"][0] == articles["001"]["id"]
    lavrov = [q for q in story["quotes"] if q["speaker"] == "Sergey Lavrov"]
    assert lavrov and all(q["article"] == articles["001"]["id"] for q in lavrov)
    assert any(articles["003"]["id"] in q["also_in"] for q in lavrov)
    assert not any(q["text"].endswith(",") for q in story["quotes"])


def test_markdown_shape(sample_markdown):
    assert sample_markdown.startswith("# Daily brief")
    for heading in ("## Tuesday 15 February 2022", "## Monday 14 February 2022", "## Tuesday 1 February 2022"):
        assert heading in sample_markdown
    assert "(duplicate)" in sample_markdown
    assert "](https://www.dailymail.co.uk/" in sample_markdown
    tokens = MarkdownIt("commonmark").parse(sample_markdown)
    assert not [t for t in tokens if t.type in ("html_block",)]


def test_same_input_same_bytes(cache_home, sample_markdown):
    again = run("export", str(SAMPLE), "--no-cache")
    assert again.returncode == 0 and again.stdout == sample_markdown
    cached = run("export", str(SAMPLE), env=cache_home)
    assert cached.stdout == sample_markdown


def test_date_filters(here):
    one = json.loads(here("export", str(SAMPLE), "--format", "json", "--date", "2022-02-14")[1])
    assert [d["date"] for d in one["days"]] == ["2022-02-14"]
    span = json.loads(here("export", str(SAMPLE), "--format", "json", "--from", "2022-02-10", "--to", "2022-02-15")[1])
    assert [d["date"] for d in span["days"]] == ["2022-02-15", "2022-02-14"]
    assert run("export", str(SAMPLE), "--date", "2022-02-31").returncode == 2  # as a program: the exit code
    assert here("export", str(SAMPLE), "--from", "2022-02-15", "--to", "2022-02-01")[0] == 2


def test_output_file_written_atomically(tmp_path, cache_home):
    target = tmp_path / "brief.md"
    target.write_text("previous brief")
    result = run("export", str(SAMPLE), "-o", str(target), env=cache_home)
    assert result.returncode == 0 and result.stdout == ""
    assert target.read_text().startswith("# Daily brief")
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]  # no temporary file left behind


def test_words_and_sentences_budgets(here):
    short = json.loads(here("export", str(SAMPLE), "--format", "json", "--sentences", "2")[1])
    assert all(len(s["summary"]) <= 2 for d in short["days"] for s in d["stories"])
    words = json.loads(here("export", str(SAMPLE), "--format", "json", "--words", "40")[1])
    for day in words["days"]:
        for story in day["stories"]:
            assert sum(len(line["text"].split()) for line in story["summary"]) <= 40 or len(story["summary"]) == 1
    assert run("export", str(SAMPLE), "--words", "0").returncode == 2


def test_summarize_prints_one_sentence_per_line():
    paths = [str(next(SAMPLE.glob("000_*"))), str(next(SAMPLE.glob("002_*")))]
    result = run("summarize", *paths, "--words", "80", "--no-cache")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line]
    assert 1 <= len(lines) <= 6
    document = json.loads(run("summarize", *paths, "--format", "json", "--no-cache").stdout)
    assert document["summary"] and document["headline"]


HOSTILE_ARTICLE = """Hostile headline [click](javascript:alert(1)) {{ secret }}

<script>alert("x")</script> Officials said on Monday that *|FNAME|* would be replaced, and that [the link](javascript:alert(1)) was fake.

# This line pretends to be a heading but it is a sentence of the article, officials said.

The minister said {{ user.password }} and {% include x %} are not template tags here, according to the statement.
"""


def test_hostile_article_text_is_escaped_in_markdown(tmp_path):
    (tmp_path / "hostile.txt").write_text(" date 2022-03-01\n" + HOSTILE_ARTICLE)
    result = run("export", str(tmp_path), "--no-cache")
    assert result.returncode == 0, result.stderr
    html = MarkdownIt("commonmark").render(result.stdout)
    assert "<script" not in html and "javascript:" not in html.replace("javascript:alert", "") or "href=\"javascript" not in html
    assert 'href="javascript' not in html
    for delimiter in ("{{", "}}", "*|", "|*", "{%", "%}"):
        assert delimiter not in html
    headings = [line for line in result.stdout.splitlines() if line.startswith("#")]
    assert all(not line.startswith("# This line") for line in headings)


def test_after_a_move_only_the_changed_stories_are_summarised_again(tmp_path, monkeypatch):
    """The desk keeps each story in the cache: a move re-summarises the two stories it touches."""
    import shutil

    import briefing.brief.build as brief_module
    from briefing.core.cache import Cache
    from briefing.ingest.load import load_corpus
    from test_curation import COCOA

    corpus_dir = tmp_path / "corpus"
    shutil.copytree(SAMPLE, corpus_dir)
    (corpus_dir / "cocoa.txt").write_text(COCOA)
    cache = Cache(tmp_path / "cache.sqlite3")
    made = []
    real = brief_module._story
    monkeypatch.setattr(brief_module, "_story", lambda group, by_id, settings: made.append(group.id) or real(group, by_id, settings))

    first = brief_module.build_brief(load_corpus([corpus_dir]), cache=cache, story_cache=True)
    assert len(made) == len(list(first.stories())) >= 4
    day = next(d for d in first.days if len(d.stories) >= 2)
    mover, target = day.stories[1].articles[0], day.stories[0].articles[0]
    made.clear()
    moved = brief_module.build_brief(load_corpus([corpus_dir]), cache=cache, moves={mover: target}, story_cache=True)
    assert sorted(made) == sorted({day.stories[0].id, day.stories[1].id} & {s.id for s in moved.stories()})
    assert any(mover in s.articles and target in s.articles for s in moved.stories())
    fresh = brief_module.build_brief(load_corpus([corpus_dir]), moves={mover: target})
    assert brief_module.brief_to_dict(fresh) == brief_module.brief_to_dict(moved)


def test_json_text_is_the_standard_librarys_indented_json(sample_json):
    """orjson writes the export; for what a brief holds it must give the bytes json.dumps
    gives (two-space indent, characters unescaped), so scripts and diffs see no change."""
    from briefing.brief.build import brief_json

    hostile = {
        "text": "Quote \" backslash \\ tab \t newline \n bell \x07 del \x7f é 中 \u2028 😀 </script>",
        "nested": [[], {}, [{"a": []}], [1, -2, 0], [0.5, 130000.0, 1e-3, 12.25, -0.0, 3.456]],
        "empty": "", "none": None, "flags": [True, False],
    }
    for document in (sample_json, hostile):
        assert brief_json(document) == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    beyond_64_bits = {"value": 2**70}  # orjson refuses it: the standard library writes it
    assert brief_json(beyond_64_bits) == json.dumps(beyond_64_bits, ensure_ascii=False, indent=2) + "\n"
