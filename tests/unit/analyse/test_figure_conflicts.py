"""Conflicting figures: flagged where a story's sources give different values for one counted
thing, never where they agree, never for an older event's figure; in JSON, Markdown and TUI."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest

from briefing.brief.build import story_conflicts, story_figures
from briefing.core.model import Article
from conftest import data_path, schema
from test_export import cache_home, sample_json  # noqa: F401  (the export tests' fixtures: one sample export per module)


def article(aid: str, text: str, source: str, year: int = 1998) -> Article:
    return Article(id=aid, path=f"{aid}.txt", text=text, source=source, date=dt.date(year, 10, 30))


def conflicts(*members: Article):
    figures = story_figures(list(members))
    return story_conflicts(figures, list(members)), figures


def values(found) -> dict[str, set[float]]:
    return {c.what: {v.value for v in c.values} for c in found}


def test_two_sources_two_tolls_are_flagged_with_their_sources():
    a = article("a", "A fire swept through a crowded dance hall on Thursday night. Police said 65 people were killed "
                     "in the blaze and 150 were injured.", "Associated Press")
    b = article("b", "The fire in the dance hall killed 60 people, police said on Friday. Investigators are looking "
                     "for the cause of the fire in the dance hall.", "Reuters")
    found, figures = conflicts(a, b)
    assert values(found) == {"dead": {65.0, 60.0}}
    (conflict,) = found
    assert {tuple(v.sources) for v in conflict.values} == {("Associated Press",), ("Reuters",)}
    shown = {f.text: f.conflicts for f in figures}
    assert any("60" in c for c in shown.get("65 people", [])), shown


@pytest.mark.parametrize("second", [
    "The fire in the dance hall killed 65 people, police said on Friday.",           # the same value
    "The fire in the dance hall killed at least 60 people, police said on Friday.",  # a bound that holds
    "The worst fire before this one was in 1978, when 20 people were killed in a hotel fire in the town.",
    "The hospital said another 12 people were killed, police said on Friday.",       # an increment
])
def test_agreeing_or_unrelated_figures_are_not_conflicts(second):
    a = article("a", "A fire swept through a crowded dance hall. Police said 65 people were killed in the blaze.",
                "Associated Press")
    b = article("b", "Investigators searched the dance hall. " + second, "Reuters")
    found, _ = conflicts(a, b)
    assert found == []


def test_two_numbers_in_one_article_are_not_a_conflict():
    a = article("a", "Police first said 65 people were killed. Later they said 60 people were killed in the fire.",
                "Associated Press")
    found, _ = conflicts(a)
    assert found == []


def test_duc_disco_fire_flags_the_toll_not_the_1978_fire():
    from briefing.ingest.load import load_corpus

    cluster = data_path("duc2003_task2", "docs", "d31022t")
    members = load_corpus([cluster]).articles
    found, _ = conflicts(*members)
    dead = next(c for c in found if c.what == "dead")
    tolls = {v.value for v in dead.values}
    assert {60.0, 65.0} <= tolls and 20.0 not in tolls  # 20 died at Borås in 1978
    assert len({s for v in dead.values for s in v.sources}) >= 2
    for c in found:  # every value shown is disputed by another value from other articles
        assert len(c.values) >= 2
        assert all(any(not set(v.articles) & set(w.articles) for w in c.values if w is not v) for v in c.values)


def test_sample_corpus_sources_that_agree_show_no_conflict(sample_json):  # noqa: F811 (fixture)
    jsonschema.validate(sample_json, schema("brief.schema.json"))
    stories = [s for day in sample_json["days"] for s in day["stories"]] + sample_json["undated"]
    troops = [f for s in stories for f in s["figures"] if f["value"] == 130000]
    assert troops and all(f["also_in"] for f in troops)  # four sources agree on 130,000 troops
    flagged = [c for s in stories for c in s.get("figure_conflicts", [])]
    assert all(v["value"] != 130000 for c in flagged for v in c["values"])
    assert flagged == []


def test_conflicts_reach_json_and_markdown(tmp_path, cache_home):  # noqa: F811 (fixture)
    from test_export import run

    (tmp_path / "a.txt").write_text(
        "Dance hall fire kills dozens\n\nPublished: 1998-10-30\nSource: Associated Press\n\n"
        "A fire swept through a crowded dance hall in Goteborg on Thursday night. Police said 65 people were "
        "killed in the dance hall fire.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Dance hall fire in Goteborg kills dozens\n\nPublished: 1998-10-30\nSource: Reuters\n\n"
        "The dance hall fire in Goteborg killed 60 people, police said on Friday, as the dance hall fire was "
        "investigated.\n", encoding="utf-8")
    document = json.loads(run("export", str(tmp_path), "--format", "json", env=cache_home).stdout)
    jsonschema.validate(document, schema("brief.schema.json"))
    flagged = [c for d in document["days"] for s in d["stories"] for c in s.get("figure_conflicts", [])]
    assert [sorted(v["value"] for v in c["values"]) for c in flagged] == [[60, 65]]
    markdown = run("export", str(tmp_path), env=cache_home).stdout
    assert "**Sources disagree**" in markdown and "65 people" in markdown and "60 people" in markdown
