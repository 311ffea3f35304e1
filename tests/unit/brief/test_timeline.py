"""A running story's timeline: each day's headline, its new figures, its key figure's change.

Checked by hand on DUC 2003 cluster d31022t (the Göteborg dance-hall fire, 30 Oct – 2 Nov
1998): the AP leads say "killing 60 people" (30 Oct; police "earlier had reported 65" and
backed off), "the blaze that killed 60" (31 Oct; "20 people died" there is the 1978 Borås fire
and "only 18 of the dead" were identified — neither is the toll), "killed 60 young people"
(1 Nov), and "two youths ... died, bringing the death toll ... to 62" (2 Nov)."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema

from briefing.cli import main
from briefing.brief.extras import thread_timeline, timeline_line
from briefing.output.markdown import escape
from conftest import data_path, schema


def test_the_goteborg_fire_timeline_has_the_right_toll(capsys):
    folder = data_path("duc2003_task2", "docs", "d31022t")
    assert main(["export", str(folder), "--format", "json", "--no-cache"]) == 0
    document = json.loads(capsys.readouterr().out)
    jsonschema.validate(document, schema("brief.schema.json"))
    with_timeline = [s for d in document["days"] for s in d["stories"] if "timeline" in s]
    assert len(with_timeline) == 1
    story = with_timeline[0]
    assert story["id"] == document["days"][0]["stories"][0]["id"]  # on the latest day's lead story
    entries = story["timeline"]
    assert [e["date"] for e in entries] == ["1998-10-30", "1998-10-31", "1998-11-01", "1998-11-02"]
    keys = [e.get("key_figure") for e in entries]
    assert [k["what"] for k in keys] == ["dead"] * 4
    assert [k["value"] for k in keys] == [60, 60, 60, 62]
    assert [k["change"] for k in keys] == [None, 0, 0, 2]
    assert "death toll" in entries[-1]["headline"]
    assert all(e["story"] for e in entries) and "62" in entries[-1]["new_figures"]


def test_markdown_has_a_timeline_under_the_story(capsys):
    folder = data_path("duc2003_task2", "docs", "d31022t")
    assert main(["export", str(folder), "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert out.count("**Timeline**") == 1
    block = out.split("**Timeline**")[1].split("**Sources**")[0]
    lines = [line for line in block.splitlines() if line.startswith("- ")]
    assert len(lines) == 4 and "dead 60 → 62" in lines[-1] and lines[0].startswith("- 30 Oct: ")


class _Figure:
    def __init__(self, text, value, label, sentence, article):
        self.text, self.value, self.label, self.sentence, self.article, self.also_in = text, value, label, sentence, article, []


class _Story:
    def __init__(self, sid, day, headline, figures):
        self.id, self.day, self.headline, self.figures, self.thread = sid, day, headline, figures, "t"


def test_a_key_figure_told_on_one_day_only_gives_no_change_and_hostile_headlines_stay_text():
    day1, day2 = dt.date(2022, 3, 1), dt.date(2022, 3, 2)
    per_day = {
        day1: [_Story("s-1", day1, "[click](javascript:alert(1)) {{ name }}", [
            _Figure("12 people", 12.0, "people", "The quake killed 12 people.", "a"),
            _Figure("300 homes", 300.0, "homes", "300 homes were destroyed.", "a")])],
        day2: [_Story("s-2", day2, "Rescuers search rubble", [
            _Figure("19 people", 19.0, "people", "The toll rose as the quake killed 19 people in all.", "b"),
            _Figure("300 homes", 300.0, "homes", "300 homes were destroyed.", "b"),
            _Figure("40 people", 40.0, "people", "In 1999 a quake there killed 40 people.", "b")])],
    }
    entries = thread_timeline(per_day, years={"a": 2022, "b": 2022})
    assert [e["key_figure"]["value"] for e in entries] == [12, 19]  # 1999's quake is not this toll
    assert entries[1]["key_figure"]["previous"] == 12 and entries[1]["key_figure"]["change"] == 7
    assert entries[1]["new_figures"] == ["19 people", "40 people"]  # 300 homes was told the day before
    line = escape(timeline_line(entries[0]))
    assert "](" not in line.replace("\\](", "") and "{{" not in line
    single = thread_timeline({day1: per_day[day1], day2: [_Story("s-3", day2, "Aid arrives", [])]})
    assert "key_figure" not in single[0] and "key_figure" not in single[1]
