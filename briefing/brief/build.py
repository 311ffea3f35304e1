"""The Brief: the analysed corpus, day by day and story by story. One engine, many faces.

`build_brief` runs the pipeline after loading — duplicates → days and stories → per story a
headline, an extractive summary, key figures and quotes — and returns plain dataclasses. The
CLI renders them as Markdown or JSON; the TUI browses and curates them. Nothing here knows
about Textual.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
from dataclasses import dataclass, field

from ..core.config import Settings
from ..analyse.dedup import apply_duplicates, find_duplicates
from ..core import forked
from ..analyse.analysis import attach_extractions, figures_of, quotes_of
from ..core.cache import CHECKS as CACHE_CHECKS, fingerprint
from ..analyse.figure_conflicts import conflicts_dict, figure_conflicts
from ..core.heap import frozen_heap
from ..core.incremental import current
from ..core.model import Article, Corpus, text_digest
from ..analyse.stories import StoryGroup, article_day, find_originals, group_stories
from ..analyse.stories.moves import apply_moves
from ..text.first_names import first_name_gender

SCHEMA = "briefing/1"


@dataclass
class SummaryLine:
    text: str
    article: str
    index: int = -1  # position among the article's sentences


@dataclass
class FigureLine:
    text: str
    value: float | None
    label: str
    sentence: str
    article: str
    also_in: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    #: what it counts (`extras._what`), filled by the story stage in its workers; None: not known
    #: yet, asked when needed. Not part of a figure's identity or of any export.
    counts: str | None = field(default=None, compare=False, repr=False)


@dataclass
class QuoteLine:
    text: str
    speaker: str | None
    article: str
    also_in: list[str] = field(default_factory=list)
    fragment: bool = False


@dataclass
class Story:
    id: str
    thread: str
    day: dt.date | None
    headline: str
    articles: list[str]  # ids, duplicates included
    summary: list[SummaryLine] = field(default_factory=list)
    figures: list[FigureLine] = field(default_factory=list)
    quotes: list[QuoteLine] = field(default_factory=list)
    importance: float = 0.0
    figure_conflicts: list = field(default_factory=list)  # figure_conflicts.FigureConflict


@dataclass
class Day:
    date: dt.date
    stories: list[Story]


@dataclass
class Brief:
    corpus: Corpus
    days: list[Day]
    undated: list[Story]
    settings: Settings

    @property
    def articles(self) -> dict[str, Article]:
        return {a.id: a for a in self.corpus.articles}

    def stories(self):
        for day in self.days:
            yield from day.stories
        yield from self.undated


def _story_entry(value) -> bool:
    return isinstance(value, Story) and isinstance(value.articles, list)


def _brief_entry(value) -> bool:
    marks, days, undated = value
    return isinstance(marks, dict) and isinstance(days, list) and isinstance(undated, list) and all(
        isinstance(d, Day) and all(isinstance(s, Story) for s in d.stories) for d in days
    ) and all(isinstance(s, Story) for s in undated)


# the brief's entries in the cache: what a value read back must be (anything else is a miss)
CACHE_CHECKS.update(story=_story_entry, brief=_brief_entry)


# ---------------------------------------------------------------- building


def importance(group: StoryGroup, by_id: dict[str, Article]) -> float:
    """Sources count most (a story several outlets carry matters), then articles, then length."""
    members = [by_id[i] for i in group.article_ids]
    sources = {(a.source or a.path).lower() for a in members}
    words = sum(a.words for a in members if not a.duplicate_of)
    return round(2.0 * len(sources) + len(members) + math.log1p(words) / 3, 3)


def _words_key(text: str) -> frozenset[str]:
    import re

    return frozenset(re.findall(r"[a-z0-9]+", text.lower().replace("’", "'")))


def _same_quote(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two renderings of one quote: most words shared (re-translations change a few)."""
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= 0.7 and len(a & b) / len(a | b) >= 0.45


def _trimmed(quote):
    """Drop the comma a quote borrows from its attribution (“…at this stage,” Lavrov said)."""
    from dataclasses import replace as copy_with

    text = quote.text.rstrip().rstrip(",;:").rstrip()
    return copy_with(quote, text=text) if text != quote.text else quote


def story_quotes(members: list[Article]) -> list[QuoteLine]:
    """Quotes of a story's articles, merged across sources, full quotes with speakers first."""
    from ..analyse.quotes import canonical_speaker  # heavy (pattern tables, numpy/scipy): a warm run, its brief cached, never loads it

    found = [(article, _trimmed(quote)) for article in members for quote in quotes_of(article)]
    # Originals' spellings outvote their copies' ("Sergey" in the AP original, "Sergei" in the
    # re-translation): each speaker mention in an original counts three times.
    names = canonical_speaker([q.speaker for a, q in found if q.speaker for _ in range(1 if a.duplicate_of else 3)])
    merged: list[tuple[QuoteLine, frozenset[str], int]] = []
    for order, (article, quote) in enumerate(found):
        key = _words_key(quote.text)
        speaker = names.get(quote.speaker, quote.speaker) if quote.speaker else None
        for line, other, _ in merged:
            if _same_quote(key, other):
                if article.id != line.article and article.id not in line.also_in:
                    line.also_in.append(article.id)
                line.speaker = line.speaker or speaker
                break
        else:
            merged.append((QuoteLine(quote.text, speaker, article.id, [], quote.fragment), key, order))
    ranked = sorted(merged, key=lambda m: (m[0].fragment, m[0].speaker is None, -len(m[0].also_in), m[2]))
    return [line for line, _, _ in ranked]


MAX_FIGURE_ARTICLES = 25  # merging compares figures across articles: bound it on huge stories


def story_figures(members: list[Article]) -> list[FigureLine]:
    """Key figures of a story's articles, merged across sources, most important first.

    A story of hundreds of articles (a day of company results on the wire) is merged over its
    first 25 members, originals first: beyond that the merge costs seconds and adds nothing
    an editor reads.
    """
    from ..analyse.figures import merge_figures  # heavy (pattern tables, numpy/scipy): a warm run, its brief cached, never loads it

    members = members[:MAX_FIGURE_ARTICLES]
    merged = merge_figures([(a.id, figures_of(a)) for a in members], texts={a.id: a.text for a in members})
    return [
        FigureLine(m.text, m.value, m.label, m.sentence, m.article, list(m.also_in), list(m.conflicts))
        for m in merged
    ]


def story_conflicts(figures: list[FigureLine], members: list[Article]) -> list:
    """Figures the story's sources give different values for (see `figure_conflicts`)."""

    years = {a.id: a.date.year if a.date else None for a in members}
    sources = {a.id: a.source for a in members}
    found = figure_conflicts(figures, years, sources)
    # a figure's own `conflicts` name the other values of its story conflict, and nothing else
    others = {v.text: [w.text for w in c.values if w is not v] for c in found for v in c.values}
    for f in figures:
        f.conflicts = others.get(f.text, [])
    return found


def _story(group: StoryGroup, by_id: dict[str, Article], settings: Settings) -> Story:
    from ..analyse.summarize import headline, summarize  # heavy (pattern tables, numpy/scipy): a warm run, its brief cached, never loads it

    originals = [by_id[i] for i in group.originals]
    original_ids = set(group.originals)  # once, not per member: a story may hold 50,000 copies
    copies = [by_id[i] for i in group.article_ids if i not in original_ids]
    members = originals + copies  # originals first: their wording leads quotes and sources
    picked = summarize(originals, words=settings.words, sentences=settings.sentences, algorithm=settings.algorithm)
    figures = story_figures(members)
    from .extras import _what_now  # one layer; lazy like every import of extras here

    for f in figures:  # what each counts: asked by the export's timelines and record, serial there
        f.counts = _what_now(f)
    return Story(
        id=group.id,
        thread=group.thread,
        day=group.day,
        headline=headline(originals),
        articles=[a.id for a in members],
        summary=[SummaryLine(s.text, s.article, s.index) for s in picked],
        figures=figures,
        quotes=story_quotes(members),
        importance=importance(group, by_id),
        figure_conflicts=story_conflicts(figures, members),
    )


class _Prefetch:
    """Figures and quotes of articles, extracted in one forked worker while this process finds
    duplicates and groups stories (seconds on one core, the other idle). Whatever it finished
    by then is attached to the articles' analysis; the story stage extracts the rest."""

    def __init__(self, articles: list[Article], pool, results):
        self.articles, self.pool, self.results = articles, pool, results

    @classmethod
    def start(cls, articles: list[Article]) -> _Prefetch | None:
        if len(articles) < PARALLEL_MIN_STORIES or not _can_fork_workers() or not any(
            getattr(a, "analysis", None) is not None for a in articles[:50]
        ):
            return None
        memo = current()
        if memo is not None and memo.rounds:  # a watch's later round: its stories come from memory, a worker would extract the whole folder for nothing
            return None
        _preload_analysis()  # before the fork: this worker and the story workers inherit it
        pool = forked.pool(1, articles)  # the worker's context: the articles, by index
        chunks = [range(start, min(start + 64, len(articles))) for start in range(0, len(articles), 64)]
        return cls(articles, pool, pool.imap_unordered(_prefetch_job, chunks))

    def collect(self) -> None:
        """Attach what the worker finished, then stop it (an unfinished chunk is dropped)."""
        from multiprocessing import TimeoutError as NotYet


        articles = self.articles
        try:
            while True:
                for index, figures, quotes in self.results.next(timeout=0):
                    attach_extractions(articles[index], figures, quotes)
        except (NotYet, StopIteration):
            pass
        finally:
            self.pool.terminate()
            self.pool.join()
            self.articles = []


def _can_fork_workers() -> bool:
    """Forked workers help: two cores or more, fork available, and we are the main thread
    (fork from a worker thread, as in the TUI, can copy a lock another thread holds)."""
    import multiprocessing
    import os
    import threading

    return (
        (os.cpu_count() or 1) > 1 and threading.current_thread() is threading.main_thread()
        and "fork" in multiprocessing.get_all_start_methods()
    )


def _preload_analysis() -> None:
    """Import the analysis modules and read the first-name table here, before workers fork:
    each worker inherits them (copy-on-write) instead of importing them itself, about 0.6 s
    of CPU per worker, three workers on a large folder (the prefetcher and two story workers)."""
    from ..analyse import figures, quotes, summarize  # noqa: F401  (heavy: only when workers are about to fork)
    from . import extras  # noqa: F401

    first_name_gender("Anna")  # loads gender-guesser's dictionary (0.2 s) into this process


def _prefetch_job(indexes: range) -> list[tuple]:
    from ..analyse.figures import extract_figures  # heavy (pattern tables, numpy/scipy): a warm run, its brief cached, never loads it
    from ..analyse.quotes import extract_quotes  # heavy (pattern tables, numpy/scipy): a warm run, its brief cached, never loads it

    articles: list[Article] = forked.context()
    return [(i, extract_figures(articles[i].text), extract_quotes(articles[i].text)) for i in indexes]


PARALLEL_MIN_STORIES = 200


@dataclass(frozen=True)
class _StoryWork:
    """What every story worker needs, inherited by fork: never pickled per story."""

    by_id: dict[str, Article]
    settings: Settings


def _story_job(group: StoryGroup) -> Story:
    work: _StoryWork = forked.context()
    return _story(group, work.by_id, work.settings)


def _stories(groups: list[StoryGroup], by_id: dict[str, Article], settings: Settings, progress) -> list[Story]:
    """Analyse every story; on a big corpus in forked workers, one per core.

    Workers inherit the articles by fork (copy-on-write) instead of receiving them pickled;
    only the finished stories travel back. From a non-main thread (the TUI) or with few
    stories it runs in this process.
    """
    import os

    if len(groups) < PARALLEL_MIN_STORIES or not _can_fork_workers():
        stories = []
        for done, group in enumerate(groups, start=1):
            stories.append(_story(group, by_id, settings))
            if progress:
                progress(done, len(groups), "summarising")
        return stories
    # the corpus is shared with the workers by fork: keep their collector off its pages
    workers = min(os.cpu_count() or 1, 8)
    _preload_analysis()
    with frozen_heap(), forked.pool(workers, _StoryWork(by_id, settings)) as pool:
        # biggest stories first, so no worker is left with a long one while the other idles
        order = sorted(range(len(groups)), key=lambda n: -len(groups[n].article_ids))
        stories: list = [None] * len(groups)  # type: ignore[no-redef]
        jobs = pool.imap(_story_job, (groups[n] for n in order), chunksize=16)
        for done, (n, story) in enumerate(zip(order, jobs), start=1):
            stories[n] = story
            if done % 1024 == 0:
                gc.freeze()  # the stories received so far: out of the collector's full passes (0.7 s on Reuters)
            if progress and done % 32 == 0:
                progress(done, len(groups), "summarising")
    return stories


def _story_key(group: StoryGroup, by_id: dict[str, Article], settings: Settings) -> str:
    """Everything a story's analysis depends on: its group, its articles' text and marks, settings."""

    members = [(*_key_fields(a), text_digest(a), len(a.text)) for a in (by_id[i] for i in group.article_ids)]
    return fingerprint("story", settings, group.id, group.thread, group.day, group.article_ids, group.originals, group.score, members)


def _key_fields(a: Article) -> tuple:
    """What of an article besides its text a story's key reads (`_story_key`, `_story_keys`)."""
    return (a.id, a.title, a.source, a.url, a.date, a.date_source, a.duplicate_of)


def _story_keys(groups: list[StoryGroup], by_id: dict[str, Article], settings: Settings) -> list[str]:
    """`_story_key` of each group; a watch round hashes only the groups whose inputs (the same
    values `_story_key` reads, the texts themselves for their digests) it has not seen."""
    memo = current()
    if memo is None:
        return [_story_key(group, by_id, settings) for group in groups]
    keys = []
    for group in groups:
        members = tuple((*_key_fields(a), a.text) for a in (by_id[i] for i in group.article_ids))
        inputs = (settings, group.id, group.thread, group.day, tuple(group.article_ids), tuple(group.originals), group.score, members)
        keys.append(memo.once("story key", inputs, lambda group=group: _story_key(group, by_id, settings)))
    return keys


def _cached_stories(groups: list[StoryGroup], by_id: dict[str, Article], settings: Settings, progress, cache) -> list[Story]:
    """`_stories`, taking from the cache the stories whose group and articles are unchanged."""
    keys = _story_keys(groups, by_id, settings)
    stored = cache.get_many("story", keys)
    missing = [group for group, key in zip(groups, keys) if key not in stored]
    made = iter(_stories(missing, by_id, settings, progress))
    stories, fresh = [], {}
    for _group, key in zip(groups, keys):
        if key in stored:
            stories.append(stored[key])
        else:
            stories.append(next(made))
            fresh[key] = stories[-1]
    cache.put_many("story", fresh)
    return stories


def in_range(day: dt.date | None, start: dt.date | None, end: dt.date | None) -> bool:
    if day is None:
        return start is None and end is None
    return (start is None or day >= start) and (end is None or day <= end)


def _brief_key(corpus: Corpus, settings: Settings, start, end, moves: dict) -> str:
    import hashlib


    texts = hashlib.sha256()
    for a in corpus.articles:
        texts.update(repr((a.id, a.path, a.title, a.source, a.url, a.date, a.date_source, a.moment)).encode("utf-8", "surrogatepass"))
        texts.update(hashlib.sha1(a.text.encode("utf-8", "surrogatepass")).digest())
    return fingerprint("brief", settings, start, end, moves, texts.hexdigest())


def build_brief(
    corpus: Corpus,
    settings: Settings | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    progress=None,
    cache=None,
    moves: dict[str, str] | None = None,
    story_cache: bool = False,
) -> Brief:
    """Analyse a loaded corpus into a Brief, for the days from `start` to `end` (inclusive).

    With a cache, the same articles under the same settings give back the stored result.
    `moves` (article id → an article of the story it belongs in) are the editor's regroupings.
    `story_cache` also keeps each story on its own (the desk asks for it): after a move only
    the stories whose articles changed are summarised again. Off for the CLI, where writing
    4,500 more cache entries would only slow a large export down.
    """
    settings = settings or Settings()
    moves = dict(sorted((moves or {}).items()))
    wanted = cache is not None and getattr(cache, "whole_briefs", True)  # a watch's later rounds keep no whole brief
    key = _brief_key(corpus, settings, start, end, moves) if wanted else None
    stored = cache.get("brief", key) if key else None
    if stored is not None and all(a.id in stored[0] for a in corpus.articles):  # else a stale or foreign entry
        marks, days, undated = stored
        for article in corpus.articles:
            article.duplicate_of, article.date, article.date_source, article.date_evidence = marks[article.id]
        return Brief(corpus, days, undated, settings)
    brief = _analyse(corpus, settings, start, end, progress, moves, cache if story_cache else None)
    if key:
        marks = {a.id: (a.duplicate_of, a.date, a.date_source, a.date_evidence) for a in corpus.articles}
        cache.put("brief", key, (marks, brief.days, brief.undated))
    return brief


def _analyse(corpus: Corpus, settings: Settings, start, end, progress, moves: dict[str, str], story_cache=None) -> Brief:
    with frozen_heap():  # the loaded corpus: out of the collector's full passes
        return _analysed(corpus, settings, start, end, progress, moves, story_cache)


def _analysed(corpus: Corpus, settings: Settings, start, end, progress, moves: dict[str, str], story_cache=None) -> Brief:
    articles = corpus.articles
    prefetch = _Prefetch.start(articles)
    try:
        apply_duplicates(articles, find_duplicates(articles))
        by_id = {a.id: a for a in articles}
        groups = group_stories(articles, settings.timezone)
    finally:  # an interrupt or error stops the worker too (collect terminates it)
        if prefetch is not None:
            prefetch.collect()
    if moves:
        copies = {a: o for a, o in find_originals(articles).items() if a != o}  # a moved original takes its copies
        groups = apply_moves(groups, moves, original_of=copies)
    groups = [g for g in groups if in_range(g.day, start, end)]
    stories = _cached_stories(groups, by_id, settings, progress, story_cache) if story_cache else _stories(groups, by_id, settings, progress)
    by_day: dict[dt.date, list[Story]] = {}
    undated: list[Story] = []
    for story in stories:
        (undated if story.day is None else by_day.setdefault(story.day, [])).append(story)
    days = [Day(day, _ranked(by_day[day])) for day in sorted(by_day, reverse=True)]
    return Brief(corpus, days, _ranked(undated), settings)


def _ranked(stories: list[Story]) -> list[Story]:
    return sorted(stories, key=lambda s: (-s.importance, s.headline, s.id))


# ---------------------------------------------------------------- JSON


def _story_dict(story: Story) -> dict:

    return {
        "id": story.id,
        "thread": story.thread,
        "headline": story.headline,
        "articles": story.articles,
        "importance": story.importance,
        "summary": [{"text": s.text, "article": s.article} for s in story.summary],
        "figures": [
            {"text": f.text, "value": f.value, "label": f.label, "sentence": f.sentence, "article": f.article,
             "also_in": f.also_in, **({"conflicts": f.conflicts} if f.conflicts else {})}
            for f in story.figures
        ],
        "quotes": [
            {"text": q.text, "speaker": q.speaker, "article": q.article, "also_in": q.also_in, "fragment": q.fragment}
            for q in story.quotes
        ],
        **({"figure_conflicts": conflicts_dict(story.figure_conflicts)} if story.figure_conflicts else {}),
    }


def brief_json(document: dict) -> str:
    """The JSON text of a brief document: two-space indent, characters as they are, a newline.

    orjson writes it about ten times faster than `json.dumps(indent=2)` (indenting turns off the
    standard library's C encoder): 1.4 s -> 0.1 s for all of Reuters, the same bytes. Floats it
    spells its own way (1e16, not 1e+16) and NaN becomes null, still valid JSON. What orjson
    refuses (an integer beyond 64 bits) falls back to the standard library.
    """
    data = brief_json_data(document)
    return data.decode("utf-8") if isinstance(data, bytes) else data


def brief_json_data(document: dict) -> bytes | str:
    """`brief_json`, as orjson's UTF-8 bytes when it wrote them (the standard library's text
    otherwise): a file takes the bytes as they are. For all of Reuters the text is a 134 MB
    copy (two bytes a character once one curly quote is in it), held at the run's peak beside
    the bytes and the document, and then encoded back to bytes to be written."""
    import orjson

    try:
        return orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)  # no copy to add the newline
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        import json

        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def brief_to_dict(brief: Brief) -> dict:
    """The document of `../shared/brief.schema.json` (schema `briefing/1`)."""
    from .extras import add_json

    corpus = brief.corpus
    with frozen_heap():  # the brief: out of the collector's full passes while its document is built
        return _document(brief, corpus, add_json)


def article_fields(a: Article) -> tuple:
    """What an article's JSON entry is made of (`article_dict`), in its order."""
    return (a.id, a.path, a.title, a.source, a.url, a.date.isoformat() if a.date else None, a.date_source, a.duplicate_of, a.words)


_ARTICLE_KEYS = ("id", "path", "title", "source", "url", "date", "date_source", "duplicate_of", "words")


def article_dict(fields: tuple) -> dict:
    return dict(zip(_ARTICLE_KEYS, fields))


def _document(brief: Brief, corpus: Corpus, add_json, article=None, story=None) -> dict:
    """The document; `article` and `story` (default: their JSON dicts) make each entry, so a
    caller can splice entries it serialised before (`output.json_pieces`)."""
    article = article or (lambda a: article_dict(article_fields(a)))
    story = story or _story_dict
    return add_json({
        "schema": SCHEMA,
        "corpus": {
            "root": corpus.root,
            "articles": len(corpus.articles),
            "skipped": [{"path": s.path, "reason": s.reason} for s in corpus.skipped],
        },
        "articles": [article(a) for a in corpus.articles],
        "days": [{"date": d.date.isoformat(), "stories": [story(s) for s in d.stories]} for d in brief.days],
        "undated": [story(s) for s in brief.undated],
    }, brief)  # additive fields: timeline, since_last (briefing.brief.extras)


__all__ = ["Brief", "Day", "Story", "SummaryLine", "FigureLine", "QuoteLine", "build_brief", "brief_json", "brief_json_data", "brief_to_dict", "article_day"]
