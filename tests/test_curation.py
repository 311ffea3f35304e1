"""Curation: the editor's changes applied on top of the brief, stored safely, used by export."""

import json
import os
import subprocess
import sys

import pytest

from briefing.brief import build_brief
from briefing.curation import Curation, CurationStore, apply_curation
from briefing.load import load_corpus
from briefing.markdown import render_markdown
from conftest import SAMPLE


@pytest.fixture(scope="module")
def brief():
    return build_brief(load_corpus([SAMPLE]))


@pytest.fixture
def store(tmp_path):
    return CurationStore(SAMPLE, directory=tmp_path / "state", warn=lambda m: None)


def first_story(brief, day="2022-02-14"):
    return next(d for d in brief.days if d.date.isoformat() == day).stories[0]


def test_exclude_and_include_sentences(brief):
    story = first_story(brief)
    curation = Curation()
    dropped = story.summary[0]
    curation.toggle_sentence(story.id, dropped.article, dropped.index, in_summary=True)
    from briefing.sentences import split_sentences

    article = brief.articles[story.articles[0]]
    extra_index = next(i for i, _ in enumerate(split_sentences(article.text)) if (article.id, i) not in {(l.article, l.index) for l in story.summary})
    curation.toggle_sentence(story.id, article.id, extra_index, in_summary=False)
    curated = first_story(apply_curation(brief, curation))
    keys = [(l.article, l.index) for l in curated.summary]
    assert (dropped.article, dropped.index) not in keys
    assert (article.id, extra_index) in keys
    assert keys == sorted(keys, key=lambda k: (story.articles.index(k[0]), k[1]))  # reading order


def test_headline_drop_and_order(brief):
    day = brief.days[0]
    curation = Curation()
    story = day.stories[0]
    curation.set_headline(story.id, "  Putin   says he wants talks ")
    curated = apply_curation(brief, curation)
    assert curated.days[0].stories[0].headline == "Putin says he wants talks"
    curation.toggle_story(story.id)
    curated = apply_curation(brief, curation)
    assert story.id not in {s.id for d in curated.days for s in d.stories}


def test_reorder_stories():
    curation = Curation()
    curation.move_story("2022-02-15", ["a", "b", "c"], "c", -1)
    assert curation.order["2022-02-15"] == ["a", "c", "b"]
    curation.move_story("2022-02-15", ["a", "b", "c"], "a", -1)
    assert curation.order["2022-02-15"] == ["a", "c", "b"]


def test_pin_and_drop_quotes_and_figures(brief):
    story = first_story(brief)
    curation = Curation()
    last_quote = story.quotes[-1]
    assert curation.cycle_quote(story.id, last_quote.article, last_quote.text) == "pinned"
    first_figure = story.figures[0]
    curation.cycle_figure(story.id, first_figure.article, first_figure.text)
    assert curation.cycle_figure(story.id, first_figure.article, first_figure.text) == "dropped"
    curated = first_story(apply_curation(brief, curation))
    assert curated.quotes[0].text == last_quote.text
    assert first_figure.text not in [f.text for f in curated.figures]


COCOA = (
    " date 2022-02-15\nShowers continued throughout the week in the Bahia cocoa zone, alleviating the drought "
    "since early January and improving prospects for the coming harvest, exporters said on Tuesday.\n\n"
    "Arrivals for the week were 155,221 bags of 60 kilos, making a cumulative total for the season of 5.93 "
    "million bags against 5.81 million at the same stage last year, the weekly review said.\n\n"
    "Traders in Ilheus said farmers were holding back sales in the hope of better prices later in the season.\n"
)


def test_move_article_regroups(tmp_path):
    from conftest import sample_text

    (tmp_path / "000.txt").write_text(sample_text("000"))
    (tmp_path / "cocoa.txt").write_text(COCOA)
    corpus = load_corpus([tmp_path])
    ids = {a.path[:3]: a.id for a in corpus.articles}
    before = build_brief(corpus)
    assert len(before.days[0].stories) == 2
    after = build_brief(load_corpus([tmp_path]), moves={ids["coc"]: ids["000"]})
    (story,) = after.days[0].stories
    assert sorted(story.articles) == sorted(ids.values())
    assert story.id not in {s.id for s in before.days[0].stories}
    # a move to an unknown or other-day article is refused: the article stays where it was
    unmoved = build_brief(load_corpus([tmp_path]), moves={ids["coc"]: "no-such-article"})
    assert len(unmoved.days[0].stories) == 2


def test_store_round_trip_and_revision(store):
    curation = store.load()
    curation.set_headline("s-1", "Edited")
    curation.toggle_sentence("s-1", "a", 3, True)
    store.save(curation)
    again = CurationStore(SAMPLE, directory=store.directory).load()
    assert again.stories["s-1"].headline == "Edited" and again.stories["s-1"].excluded == [("a", 3)]
    assert again.revision == 1
    assert not str(store.path).startswith(str(SAMPLE))


def test_corrupt_state_is_kept_aside(store):
    messages = []
    store.warn = messages.append
    store.directory.mkdir(parents=True)
    store.path.write_text("{not json")
    assert store.load().stories == {}
    assert any("kept aside" in m for m in messages)
    assert any(".corrupt-" in p.name for p in store.directory.iterdir())


def test_newer_state_is_kept_aside(store):
    messages = []
    store.warn = messages.append
    store.directory.mkdir(parents=True)
    store.path.write_text(json.dumps({"version": 99, "stories": {}}))
    store.load()
    assert any("newer briefing" in m for m in messages)
    assert any(".newer-" in p.name for p in store.directory.iterdir())


def test_two_instances_last_writer_wins_with_warning(tmp_path):
    warnings = []
    first = CurationStore(SAMPLE, directory=tmp_path, warn=warnings.append)
    second = CurationStore(SAMPLE, directory=tmp_path, warn=warnings.append)
    a, b = first.load(), second.load()
    a.set_headline("s", "from first")
    first.save(a)
    b.set_headline("s", "from second")
    second.save(b)
    assert CurationStore(SAMPLE, directory=tmp_path).load().stories["s"].headline == "from second"
    assert any("another briefing saved" in w for w in warnings)
    json.loads(first.path.read_text())  # whole and valid


def test_export_uses_the_saved_curation(tmp_path, brief):
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    from briefing.curation import state_dir

    story = first_story(brief)
    directory = tmp_path / "data" / "briefing" / "curation"
    store = CurationStore(SAMPLE, directory=directory)
    curation = store.load()
    curation.set_headline(story.id, "Edited by the desk")
    store.save(curation)
    result = subprocess.run([sys.executable, "-m", "briefing", "export", str(SAMPLE)], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert "Edited by the desk" in result.stdout
    assert result.stdout == render_markdown(apply_curation(brief, curation))
    raw = subprocess.run([sys.executable, "-m", "briefing", "export", str(SAMPLE), "--raw"], capture_output=True, text=True, env=env)
    assert "Edited by the desk" not in raw.stdout
    assert state_dir  # the real user folder was not used: XDG_DATA_HOME points into tmp_path
