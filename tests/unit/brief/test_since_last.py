"""`briefing export --since-last`: what is new against the last export of the same folder.

The record lives in the user data folder (conftest points XDG_DATA_HOME into tmp); these tests
run the CLI as a user would, on a copy of the sample corpus, plus one written article about the
14 February talks (tests/data/feb14_talks.txt, dated 2022-02-14)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import jsonschema

from briefing.cli import main
from briefing.brief.extras import load_record, marks_summary, record_path, story_changes
from conftest import TEST_DATA, SAMPLE, schema

FEB14 = TEST_DATA / "feb14_talks.txt"


def corpus_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SAMPLE, folder)
    return folder


def export_json(folder: Path, capsys, *extra: str) -> dict:
    capsys.readouterr()
    assert main(["export", str(folder), "--format", "json", "--no-cache", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def stories(document: dict) -> list[dict]:
    return [s for d in document["days"] for s in d["stories"]] + document["undated"]


def marked(document: dict) -> dict[str, dict]:
    return {s["id"]: s["since_last"] for s in stories(document) if s["since_last"]}


def test_every_format_shows_the_marks(tmp_path, capsys):
    folder = corpus_copy(tmp_path)
    for fmt in ("md", "html", "text"):
        record_path(folder).unlink(missing_ok=True)  # each export records: start from nothing each time
        capsys.readouterr()
        assert main(["export", str(folder), "--no-cache", "--since-last", "--format", fmt, "-o", str(tmp_path / f"b.{fmt}")]) == 0
        assert (tmp_path / f"b.{fmt}").read_text().count("since the last brief") == 3  # nothing recorded: all new


def test_nothing_recorded_everything_is_new(tmp_path, capsys):
    folder = corpus_copy(tmp_path)
    document = export_json(folder, capsys, "--since-last")
    jsonschema.validate(document, schema("brief.schema.json"))
    assert document["since_last"] == {"recorded": False, "marked": 3}
    assert all(s["since_last"] == {"new": True} for s in stories(document))


def test_one_new_article_marks_only_its_story_and_an_unchanged_reexport_marks_nothing(tmp_path, capsys):
    folder = corpus_copy(tmp_path)
    first = export_json(folder, capsys)
    assert "since_last" not in first and all("since_last" not in s for s in stories(first))  # only when asked
    feb14 = next(s for d in first["days"] if d["date"] == "2022-02-14" for s in d["stories"])
    shutil.copy(FEB14, folder / "005_feb14_talks.txt")

    second = export_json(folder, capsys, "--since-last")
    jsonschema.validate(second, schema("brief.schema.json"))
    new_id = next(a["id"] for a in second["articles"] if a["path"] == "005_feb14_talks.txt")
    assert list(marked(second)) == [feb14["id"]]  # the story keeps its id, and only it is marked
    mark = marked(second)[feb14["id"]]
    assert mark["new_articles"] == [new_id]
    assert "new" not in mark
    assert any("far from being exhausted" in q or "de-escalation" in q for q in mark.get("new_quotes", []))

    third = export_json(folder, capsys, "--since-last")
    assert marked(third) == {} and third["since_last"] == {"recorded": True, "marked": 0}


def test_markdown_says_what_is_new(tmp_path, capsys):
    folder = corpus_copy(tmp_path)
    assert main(["export", str(folder), "--no-cache"]) == 0
    shutil.copy(FEB14, folder / "005_feb14_talks.txt")
    capsys.readouterr()
    assert main(["export", str(folder), "--no-cache", "--since-last"]) == 0
    out = capsys.readouterr().out
    assert out.count("**Since the last brief:** 1 new article") == 1
    assert "**New** since the last brief" not in out


def test_the_record_is_in_the_user_data_folder_never_the_corpus(tmp_path, capsys):
    folder = corpus_copy(tmp_path)
    before = sorted(p.name for p in folder.iterdir())
    export_json(folder, capsys)
    assert sorted(p.name for p in folder.iterdir()) == before
    path = record_path(folder)
    assert path.is_file() and str(path).startswith(os.environ["XDG_DATA_HOME"])
    assert set(load_record(folder)) == {s["id"] for s in stories(export_json(folder, capsys))}


def test_an_unreadable_record_counts_as_nothing_recorded(tmp_path, capsys):
    folder = corpus_copy(tmp_path)
    export_json(folder, capsys)
    record_path(folder).write_text("{not json")
    document = export_json(folder, capsys, "--since-last")
    assert document["since_last"]["recorded"] is False and len(marked(document)) == 3


class _Figure:
    def __init__(self, text, value, label, sentence, article="a"):
        self.text, self.value, self.label, self.sentence, self.article, self.also_in = text, value, label, sentence, article, []


class _Quote:
    def __init__(self, text):
        self.text = text


class _Story:
    def __init__(self, articles, figures, quotes=()):
        self.id, self.articles, self.figures, self.quotes = "s-x", articles, figures, [_Quote(q) for q in quotes]


def test_a_changed_toll_reads_was_to_now():
    before = {
        "articles": ["a"],
        "figures": [{"text": "60 people", "value": 60.0, "what": "dead"}],
        "quotes": ["We are doing everything we can to identify the victims"],
    }
    story = _Story(
        ["a", "b"],
        [_Figure("65 people", 65.0, "people", "The fire killed 65 people, police said."),
         _Figure("162 others", 162.0, "others", "It injured 162 others.")],
        ["We are doing everything we can to identify the victims", "The building had one exit"],
    )
    found = story_changes(story, before)
    assert found["new_articles"] == ["b"]
    assert found["changed_figures"] == [{"what": "dead", "was": 60.0, "now": 65.0, "text": "65 people"}]
    assert found["new_figures"] == ["162 others"]
    assert found["new_quotes"] == ["The building had one exit"]
    assert "dead 60 → 65" in marks_summary(found)
    assert story_changes(_Story(["a"], [_Figure("60 people", 60.0, "people", "It killed 60 people.")],
                                ["We are doing everything we can to identify the victims"]), before) == {}
