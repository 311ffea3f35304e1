"""Curation: the editor's changes applied on top of the brief, stored safely, used by export."""

import json
import os
import subprocess
import sys

import pytest

from briefing.brief.build import build_brief
from briefing.brief.curation import Curation, CurationStore, apply_curation
from briefing.ingest.load import load_corpus
from briefing.output.markdown import render_markdown
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
    from briefing.text.sentences import split_sentences

    article = brief.articles[story.articles[0]]
    extra_index = next(i for i, _ in enumerate(split_sentences(article.text)) if (article.id, i) not in {(s.article, s.index) for s in story.summary})
    curation.toggle_sentence(story.id, article.id, extra_index, in_summary=False)
    curated = first_story(apply_curation(brief, curation))
    keys = [(s.article, s.index) for s in curated.summary]
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
    receiver = next(s for s in before.days[0].stories if ids["000"] in s.articles)
    assert story.id == receiver.id  # the story an article joins keeps its id (and so its edits)
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


@pytest.mark.parametrize("written", ["{not json", json.dumps({"version": 99, "stories": {}})])
def test_a_state_file_spoilt_after_loading_is_kept_aside_by_the_next_save(store, written):
    """Another program (or a newer briefing) wrote the file while we had it open: saving
    must not overwrite it silently."""
    messages = []
    store.warn = messages.append
    curation = store.load()
    curation.set_headline("s", "ours")
    store.save(curation)
    store.path.write_text(written)
    curation.set_headline("s", "ours again")
    store.save(curation)
    kept = [p for p in store.directory.iterdir() if ".corrupt-" in p.name or ".newer-" in p.name]
    assert len(kept) == 1 and kept[0].read_text() == written
    assert any("kept aside" in m for m in messages)
    assert CurationStore(SAMPLE, directory=store.directory).load().stories["s"].headline == "ours again"


def test_files_kept_aside_in_the_same_second_are_all_kept(store):
    messages = []
    store.warn = messages.append
    store.directory.mkdir(parents=True)
    for number in range(3):
        store.path.write_text("{broken %d" % number)
        store.load()
    kept = sorted(p.read_text() for p in store.directory.iterdir() if ".corrupt-" in p.name)
    assert kept == ["{broken 0", "{broken 1", "{broken 2"]


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
    from briefing.brief.curation import state_dir

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


# ---------------------------------------------------------------- moves keep the stories' ids and edits


@pytest.fixture
def desk_of_two(tmp_path, monkeypatch):
    """The sample corpus plus a cocoa report of 15 February: that day has two stories, the
    Putin story (articles 000 and 002) and the cocoa one. The user folders point into tmp_path."""
    import shutil

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "corpus"
    shutil.copytree(SAMPLE, folder)
    (folder / "cocoa.txt").write_text(COCOA)
    corpus = load_corpus([folder])
    ids = {a.path[:3]: a.id for a in corpus.articles}
    (day,) = [d for d in build_brief(corpus).days if d.date.isoformat() == "2022-02-15"]
    stories = {ids["000"]: None, ids["coc"]: None}
    for story in day.stories:
        for article in stories:
            if article in story.articles:
                stories[article] = story
    putin, cocoa = stories[ids["000"]], stories[ids["coc"]]
    assert sorted(putin.articles) == sorted([ids["000"], ids["002"]]) and cocoa.articles == [ids["coc"]]
    return folder, ids, putin, cocoa


def export(folder, capsys, *options) -> str:
    """`briefing export FOLDER` as the command line runs it (the saved curation, moves included)."""
    from briefing.cli import main

    capsys.readouterr()
    assert main(["export", str(folder), "--no-cache", *options]) == 0
    return capsys.readouterr().out


def exported_stories(folder, capsys) -> dict:
    document = json.loads(export(folder, capsys, "--format", "json"))
    return {s["id"]: s for d in document["days"] for s in d["stories"]}


def edit_story(curation, story, about: str) -> dict:
    """A headline; about article `about`: a summary sentence out, its last quote pinned, its first figure dropped."""
    curation.set_headline(story.id, f"Desk: {story.headline[:30]}")
    out = next(line for line in story.summary if line.article == about)
    curation.toggle_sentence(story.id, out.article, out.index, in_summary=True)
    quote = [q for q in story.quotes if q.article == about][-1]
    figure = next(f for f in story.figures if f.article == about)
    curation.cycle_quote(story.id, quote.article, quote.text)
    curation.cycle_figure(story.id, figure.article, figure.text)
    curation.cycle_figure(story.id, figure.article, figure.text)
    return {"headline": f"Desk: {story.headline[:30]}", "out": out.text, "quote": quote.text, "figure": (figure.article, figure.text)}


def assert_edited(story: dict, edits: dict) -> None:
    assert story["headline"] == edits["headline"]
    assert edits["out"] not in [line["text"] for line in story["summary"]]
    assert story["quotes"][0]["text"] == edits["quote"]
    assert edits["figure"] not in [(f["article"], f["text"]) for f in story["figures"]]


def curated_markdown(folder, curation) -> str:
    return render_markdown(apply_curation(build_brief(load_corpus([folder]), moves=curation.moves), curation))


def test_edits_survive_an_article_moved_into_the_story(desk_of_two, capsys):
    folder, ids, putin, cocoa = desk_of_two
    store = CurationStore(folder)
    curation = store.load()
    edits = edit_story(curation, putin, about=ids["000"])
    curation.move_article(ids["coc"], ids["000"])  # the cocoa report joins the Putin story
    store.save(curation)
    stories = exported_stories(folder, capsys)
    assert sorted(stories[putin.id]["articles"]) == sorted([ids["000"], ids["002"], ids["coc"]])
    assert_edited(stories[putin.id], edits)
    assert cocoa.id not in stories  # emptied by the move: gone
    markdown = export(folder, capsys)
    assert edits["headline"] in markdown and markdown == curated_markdown(folder, curation)


def test_edits_survive_an_article_moved_out_of_the_story(desk_of_two, capsys):
    from briefing.text.sentences import split_sentences

    folder, ids, putin, cocoa = desk_of_two
    store = CurationStore(folder)
    curation = store.load()
    edits = edit_story(curation, putin, about=ids["000"])
    # two edits about the article that will leave: a sentence taken in, a quote pinned
    leaving = ids["002"]
    picked = {line.index for line in putin.summary if line.article == leaving}
    text = next(a.text for a in load_corpus([folder]).articles if a.id == leaving)
    extra = next(i for i, s in enumerate(split_sentences(text)) if i not in picked and len(s.split()) > 8)
    extra_text = split_sentences(text)[extra]
    curation.toggle_sentence(putin.id, leaving, extra, in_summary=False)
    leaving_quote = [q for q in putin.quotes if q.article == leaving][-1]
    curation.cycle_quote(putin.id, leaving, leaving_quote.text)
    curation.set_headline(cocoa.id, "Desk: cocoa")
    curation.move_article(leaving, ids["coc"])  # article 002 leaves the Putin story for the cocoa one
    store.save(curation)

    stories = exported_stories(folder, capsys)
    assert stories[putin.id]["articles"] == [ids["000"]]
    assert_edited(stories[putin.id], edits)
    assert sorted(stories[cocoa.id]["articles"]) == sorted([ids["coc"], leaving])
    assert stories[cocoa.id]["headline"] == "Desk: cocoa"
    # the edits about the article that left stay with the story they were made in: not applied
    # there while it is away, and never to the story it joined
    assert {line["article"] for line in stories[putin.id]["summary"]} == {ids["000"]}
    assert leaving_quote.text not in [q["text"] for q in stories[putin.id]["quotes"]]
    raw = {s.id: s for s in build_brief(load_corpus([folder]), moves=curation.moves).stories()}
    assert [line["text"] for line in stories[cocoa.id]["summary"]] == [line.text for line in raw[cocoa.id].summary]
    assert [q["text"] for q in stories[cocoa.id]["quotes"]] == [q.text for q in raw[cocoa.id].quotes]
    markdown = export(folder, capsys)
    assert "Desk: cocoa" in markdown and markdown == curated_markdown(folder, curation)

    # moved back: one story again, under its id, with every edit, those about 002 included
    curation.move_article(leaving, None)
    store.save(curation)
    stories = exported_stories(folder, capsys)
    assert sorted(stories[putin.id]["articles"]) == sorted([ids["000"], leaving])
    story = stories[putin.id]
    assert_edited(dict(story, quotes=[q for q in story["quotes"] if q["text"] != leaving_quote.text]), edits)
    assert {q["text"] for q in story["quotes"][:2]} == {edits["quote"], leaving_quote.text}  # both pinned: first
    assert extra_text in [line["text"] for line in story["summary"]]
    assert stories[cocoa.id]["articles"] == [ids["coc"]] and stories[cocoa.id]["headline"] == "Desk: cocoa"


def test_apply_moves_keeps_ids_by_a_fixed_rule():
    """The id rule of `apply_moves`, on hand-made groups (a2 is a copy of a, c2 of c)."""
    import datetime as dt

    from briefing.brief.curation import apply_moves
    from briefing.analyse.stories import StoryGroup, story_id

    day, other = dt.date(2022, 2, 15), dt.date(2022, 2, 16)

    def groups():
        made = [
            StoryGroup(day, ["a", "a2", "b"], originals=["a", "b"]),
            StoryGroup(day, ["c", "c2"], originals=["c"]),
            StoryGroup(day, ["e"], originals=["e"]),
            StoryGroup(other, ["z"], originals=["z"]),
        ]
        for group in made:
            group.id = story_id(group.day, group.article_ids)
        return made

    ab, c, e, z = (g.id for g in groups())

    def regroup(moves, **kwargs):
        return {g.id: g.article_ids for g in apply_moves(groups(), moves, **kwargs)}

    # in and out: both stories keep their ids; a copy goes with its story's only original
    assert regroup({"c": "b"}) == {ab: ["a", "a2", "b", "c", "c2"], e: ["e"], z: ["z"]}
    assert regroup({"b": "c"}) == {ab: ["a", "a2"], c: ["c", "c2", "b"], e: ["e"], z: ["z"]}
    assert regroup({"a": "c"}, original_of={"a2": "a"}) == {ab: ["b"], c: ["c", "c2", "a", "a2"], e: ["e"], z: ["z"]}
    # a chain ends in the last story whatever the order; a story every article leaves is gone
    assert regroup({"e": "c", "c": "a"}) == {ab: ["a", "a2", "b", "c", "c2", "e"], z: ["z"]}
    # a story of its own: the id the grouping gives a story of those articles
    own = story_id(day, ["b"])
    assert regroup({"b": "b"}) == {ab: ["a", "a2"], own: ["b"], c: ["c", "c2"], e: ["e"], z: ["z"]}
    assert regroup({"c": "c"}) == {g.id: g.article_ids for g in groups()}  # already alone: nothing changes
    # ignored: another day, an unknown article, a loop
    unmoved = {g.id: g.article_ids for g in groups()}
    assert regroup({"e": "z"}) == regroup({"e": "nowhere"}) == regroup({"e": "c", "c": "e"}) == unmoved


# ---------------------------------------------------------------- malformed files (issue 13)

MALFORMED = [
    {"version": 1, "stories": {"s-x": {"headline": 12345}}},
    {"version": 1, "stories": {"s-x": {"included": [["x", "notint"]]}}},
    {"version": 1, "stories": {"s-x": {"dropped": "no"}}},
    {"version": 1, "stories": {"s-x": {"pinned_quotes": [["a"]]}}},
    {"version": 1, "stories": {"s-x": "dropped"}},
    {"version": 1, "stories": []},
    {"version": 1, "order": {"2022-02-14": "s-x"}},
    {"version": 1, "moves": {"a": 3}},
    {"version": True},
]


@pytest.mark.parametrize("document", MALFORMED + ["revision-1e999"])
def test_a_curation_file_of_wrong_types_is_set_aside_and_export_goes_on(tmp_path, document, monkeypatch, capsys):
    """`briefing export` in this process (test_export_uses_the_saved_curation runs the program):
    ten program start-ups cost ~12 CPU-s, the exports themselves ~1."""
    from briefing.cli import main

    state = tmp_path / "data" / "briefing" / "curation"
    state.mkdir(parents=True)
    path = CurationStore(SAMPLE, directory=state).path
    text = '{"version": 1, "revision": 1e999}' if document == "revision-1e999" else json.dumps(document)
    path.write_text(text)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    capsys.readouterr()
    code = main(["export", str(SAMPLE)])
    result = capsys.readouterr()
    assert code == 0, result.err
    assert f"curation state {path}" in result.err and "kept aside as" in result.err
    assert "Kremlin signals more talks" in result.out  # nothing dropped by a "no" read as true
    assert not path.exists() and list(state.glob("*.corrupt-*.json"))


def test_export_reads_a_curation_folder_it_cannot_write(tmp_path, monkeypatch):
    store = CurationStore(SAMPLE, directory=tmp_path / "state")
    curation = Curation()
    curation.set_headline("s-bf01b08649", "Read from a read-only folder")
    store.save(curation)
    store.path.with_suffix(".lock").unlink()
    real_open = open

    def read_only(path, mode="r", *args, **kwargs):
        if str(path).endswith(".lock"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", read_only)
    assert CurationStore(SAMPLE, directory=tmp_path / "state").load().stories["s-bf01b08649"].headline == "Read from a read-only folder"
