"""The one way from a folder to a brief, for every face of the tool.

    ingest (walk → read → clean → date)  →  analyse (dedup → group → summarise / figures /
    quotes, inside `build_brief`)  →  the editor's curation

`briefing export`, the desk (in its own thread or in its engine process) and the desk's folder
follower all call `make_brief`; the CLI and `briefing watch` then call `curate`. Before this
module the same load-then-build sequence was written in four places, and a change to one (a
progress stage, a cache rule) had to be copied to the others by hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from ..core.config import Settings
from ..core.model import Corpus
from ..ingest.load import LoadOptions, load_corpus
from .build import Brief, build_brief
from .curation import Curation, apply_curation, follow

Progress = Callable[[int, int, str], None]


def make_brief(
    paths: list[Path],
    settings: Settings,
    options: LoadOptions | None = None,
    *,
    load_cache=None,
    brief_cache=None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    moves: dict[str, str] | None = None,
    story_cache: bool = False,
    reading: Progress | None = None,
    summarising: Progress | None = None,
    corpus: Corpus | None = None,
) -> tuple[Corpus, Brief]:
    """Load `paths` (unless a loaded `corpus` is given) and build its brief.

    `load_cache` keeps each file's reading, `brief_cache` the brief and its stories (the two
    differ when `--no-cache` asks to rebuild the brief from cached readings).
    """
    if corpus is None:
        corpus = load_corpus(paths, options, reading, load_cache)
    brief = build_brief(corpus, settings, start, end, summarising, cache=brief_cache, moves=moves, story_cache=story_cache)
    return corpus, brief


def curate(brief: Brief, curation: Curation) -> Brief:
    """The editor's brief: edits follow their stories across the whole brief, then apply.

    Following runs once, on the whole brief, before any day is cut out of it: run on one day's
    stories it would forget the orphaned edits of the others.
    """
    follow(curation, list(brief.stories()), set(brief.articles))
    return apply_curation(brief, curation)
