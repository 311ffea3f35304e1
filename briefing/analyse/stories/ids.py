"""Story and thread ids: stable while copy joins or leaves a story.

A story's id is the hash of its day and its *anchor*: the smallest id among its original
articles (article ids are hashes of the file's bytes, so the anchor is an arbitrary but fixed
member, the same whatever the input order). A duplicate joining, a new article joining, or
any article but the anchor leaving keeps the id, and with it the editor's curation (keyed by
story id). When the anchor itself leaves (a split, a merge of two stories), the id changes and
`curation.follow` moves the edits to the story that holds most of their articles.

A thread's id is the hash of the anchor of its first story (earliest day, then smallest
anchor): a new day of a running story keeps the thread's id.
"""

from __future__ import annotations

import datetime as dt
import hashlib


def anchor_of(article_ids: list[str], originals: list[str] | None = None) -> str:
    """The article a story's id is made from: its smallest original (or article) id."""
    pool = [a for a in (originals or ()) if a] or list(article_ids)
    return min(pool) if pool else ""


def story_id(day: dt.date | None, article_ids: list[str], originals: list[str] | None = None) -> str:
    """The id a story of these articles on this day has: the same whoever regroups them, and
    the same when articles other than its anchor join or leave it."""
    return stable_id("story", day, [anchor_of(article_ids, originals)])


def stable_id(prefix: str, day: dt.date | None, ids: list[str]) -> str:
    digest = hashlib.sha1(("|".join(sorted(ids)) + str(day)).encode()).hexdigest()[:10]
    return f"{prefix[0]}-{digest}"
