"""A watch's JSON document spliced from kept entries (`output.json_pieces`) is byte for byte the
document `brief_json(brief_to_dict(brief))` writes, round after round, and reuses what did not change."""

from __future__ import annotations

import dataclasses

from briefing.brief.build import brief_json, brief_to_dict, build_brief
from briefing.brief.extras import attach, since_last_marks, story_snapshot
from briefing.core.cache import NoCache
from briefing.core.config import Settings
from briefing.ingest.load import LoadOptions, load_corpus
from briefing.output.json_pieces import JsonPieces
from conftest import SAMPLE


def sample_brief():
    corpus = load_corpus([SAMPLE], LoadOptions(), None, NoCache())
    return build_brief(corpus, Settings())


def whole(brief) -> bytes:
    return brief_json(brief_to_dict(brief)).encode("utf-8")


def test_spliced_document_equals_the_whole_one_with_marks_and_timelines():
    brief = sample_brief()
    brief.undated.append(dataclasses.replace(brief.days[-1].stories[-1], day=None, id="s-undated"))  # nested less deep
    stories = list(brief.stories())
    assert len(brief.days) > 1 and len(stories) > 2
    record = {s.id: story_snapshot(s) for s in stories[1:]}  # the first story new, the others unmarked
    attach(brief, since_last_marks(brief, record))
    pieces = JsonPieces()
    first = pieces.render(brief)
    assert b"".join(first) == whole(brief)
    again = pieces.render(brief)
    assert again == first and all(a is b for a, b in zip(again, first) if len(a) > 200)  # entries kept, not rewritten


def test_a_changed_story_or_article_is_written_again():
    brief = sample_brief()
    attach(brief)
    pieces = JsonPieces()
    pieces.render(brief)
    day = brief.days[0]
    day.stories[0] = dataclasses.replace(day.stories[0], headline="A headline the editor wrote")
    brief.corpus.articles[0].title = "A retitled article"
    attach(brief)
    spliced = b"".join(pieces.render(brief))
    assert spliced == whole(brief) and b"A headline the editor wrote" in spliced and b"A retitled article" in spliced


def test_what_orjson_refuses_falls_back_to_the_whole_document():
    brief = sample_brief()
    attach(brief)
    story = brief.days[0].stories[0]
    brief.days[0].stories[0] = dataclasses.replace(story, importance=1 << 70)  # beyond 64 bits
    assert b"".join(JsonPieces().render(brief)) == whole(brief)
