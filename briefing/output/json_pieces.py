"""The JSON document of a brief, spliced from entries serialised in earlier rounds (a watch).

`briefing watch -o FILE --format json` rewrites the whole document after every change, and
all of Reuters is 15,829 stories and 21,578 articles: serialising every one of them again each
round was most of a round's output time (0.7 s of a 4 s round, plus a document of millions of
Python objects and the 68 MB text in memory twice). `JsonPieces.render` gives the same bytes
as `brief_json(brief_to_dict(brief))` — every entry is still written by orjson with a two-space
indent — as a list of chunks: the document's skeleton, written whole each round with a
placeholder for each article and story, and each entry's own text, kept from round to round
while what it is made of is the same:

- an article: its exported fields (`build.article_fields`, values, so a reset mark is seen);
- a story: the same Story object (the watch's story cache gives back the same object only
  while its articles, texts, dates and marks are the same, and nothing changes a Story after
  it is built; the editor's curation makes new objects), its timeline and its since-last mark.

What orjson refuses (an integer beyond 64 bits) falls back to the whole document (`brief_json`).
"""

from __future__ import annotations

import secrets

import orjson

from ..brief.build import Brief, Story, _document, _story_dict, article_dict, article_fields, brief_json, brief_to_dict
from ..brief.extras import brief_json_extras, extras_of, story_json_extras

_INDENT = orjson.OPT_INDENT_2


class JsonPieces:
    """Kept entries of one watch's document; `render` each round."""

    def __init__(self) -> None:
        self.articles: dict[tuple, bytes] = {}  # (fields, indent) -> text
        self.stories: dict[int, tuple] = {}  # id(story) -> (story, indent, timeline, mark, text); the story is held, so its id is not reused
        self._used_articles: set = set()
        self._used_stories: set = set()

    def render(self, brief: Brief) -> list[bytes]:
        """The document's bytes as chunks (joined: `brief_json(brief_to_dict(brief))` encoded)."""
        try:
            return self._render(brief)
        except (TypeError, _Misplaced):  # orjson.JSONEncodeError is a TypeError
            return [brief_json(brief_to_dict(brief)).encode("utf-8")]
        finally:
            self.articles = {k: v for k, v in self.articles.items() if k in self._used_articles}
            self.stories = {k: v for k, v in self.stories.items() if k in self._used_stories}
            self._used_articles, self._used_stories = set(), set()

    def _render(self, brief: Brief) -> list[bytes]:
        extras = extras_of(brief)
        token = "piece-" + secrets.token_hex(16)
        slots: list = []  # what goes in each placeholder, in document order

        def placeholder(item):
            slots.append(item)
            return token

        def skeleton_extras(document: dict, _brief) -> dict:
            document.update(brief_json_extras(extras))
            return document

        skeleton = _document(brief, brief.corpus, skeleton_extras, article=placeholder, story=placeholder)
        parts = orjson.dumps(skeleton, option=_INDENT | orjson.OPT_APPEND_NEWLINE).split(b'"' + token.encode() + b'"')
        if len(parts) != len(slots) + 1:  # the placeholder met in a path or a reason: never splice blind
            raise _Misplaced
        chunks = [parts[0]]
        for item, after, before in zip(slots, parts[1:], parts):
            indent = len(before) - len(before.rstrip(b" "))
            chunks.append(self._story(item, indent, extras) if isinstance(item, Story) else self._article(item, indent))
            chunks.append(after)
        return chunks

    def _article(self, article, indent: int) -> bytes:
        key = (article_fields(article), indent)
        found = self.articles.get(key)
        if found is None:
            found = self.articles[key] = _dumped(article_dict(key[0]), indent)
        self._used_articles.add(key)
        return found

    def _story(self, story, indent: int, extras: dict) -> bytes:
        added = story_json_extras(story.id, extras)
        timeline, mark = added.get("timeline"), added.get("since_last")
        key = id(story)
        known = self.stories.get(key)
        if (known is None or known[0] is not story or known[1] != indent or not (known[2] is timeline or known[2] == timeline)
                or known[3] != mark):
            item = _story_dict(story)
            item.update(added)
            known = self.stories[key] = (story, indent, timeline, mark, _dumped(item, indent))
        self._used_stories.add(key)
        return known[4]


class _Misplaced(Exception):
    """The skeleton did not split into one part per entry."""


def _dumped(item: dict, indent: int) -> bytes:
    """`item` as orjson writes it with a two-space indent, at `indent` spaces of nesting (a
    JSON string holds no raw newline, so every newline starts a line of the entry)."""
    return orjson.dumps(item, option=_INDENT).replace(b"\n", b"\n" + b" " * indent)
