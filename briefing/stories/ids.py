"""Story and thread ids: hashes of sorted article ids, so the same input gives the same ids
whatever its order, and the editor's curation (keyed by story id) survives a regrouping that
keeps a story's articles."""

from __future__ import annotations

import datetime as dt
import hashlib


def story_id(day: dt.date | None, article_ids: list[str]) -> str:
    """The id a story of these articles on this day has: the same whoever regroups them."""
    return stable_id("story", day, article_ids)


def stable_id(prefix: str, day: dt.date | None, ids: list[str]) -> str:
    digest = hashlib.sha1(("|".join(sorted(ids)) + str(day)).encode()).hexdigest()[:10]
    return f"{prefix[0]}-{digest}"
