"""Work a watch keeps between rounds, so a round redoes only what a changed file affects.

A round of `briefing watch` rebuilds the brief of the whole folder, because parts of it are
global: the grouper's vocabulary weights (IDF) count every article, so one more article moves
every similarity a little, and the duplicate finder's candidate buckets and rare anchor runs
are counted over the corpus. Redoing less there could give a brief that differs from a fresh
export of the same folder, which a watch must never do. What does not depend on the rest of
the corpus is kept instead, each piece keyed by exactly what it is computed from:

- the grouper's per-article features and sizes (title and text alone);
- the duplicate finder's per-article profile (its text alone) and every pair check it made
  (`dedup._direct`: the two texts and dates): a round checks only the pairs it has not seen;
- each running story's timeline (its stories' ids, days, headlines and figures, the years of
  the articles they cite): a thread no change touched is not recomputed.

The round's result is therefore the same as a from-scratch build (tests/test_incremental.py;
bench/watch_reuters.py checks it on all of Reuters against a fresh `briefing export`).

`active(memo)` makes a `RoundMemo` visible to the pipeline for one build (a context variable:
the engine's signature stays as it is, and a build without one computes everything).
"""

from __future__ import annotations

import contextlib
from contextvars import ContextVar

_ACTIVE: ContextVar[RoundMemo | None] = ContextVar("briefing_round_memo", default=None)


def current() -> RoundMemo | None:
    """The memo of the watch round being built, if any."""
    return _ACTIVE.get()


@contextlib.contextmanager
def active(memo: RoundMemo | None):
    token = _ACTIVE.set(memo)
    try:
        yield memo
    finally:
        _ACTIVE.reset(token)


class RoundMemo:
    """What a watch keeps from round to round; entries not used in a round are forgotten at its end."""

    def __init__(self):
        self.profiles: dict[tuple, tuple] = {}  # (kind, id(article)) -> (article, value, text); the article is held, so its id is not reused
        self.pairs: dict[tuple, object] = {}  # (id, date, id, date) -> dedup._direct's answer
        self.threads: dict[tuple, list] = {}  # timeline key -> entries
        self._used_pairs: set = set()
        self._used_threads: set = set()
        self._used_profiles: set = set()

    # ---- duplicates

    def of(self, kind: str, article, make):
        """`make(article)`, a function of the article's title and text alone (dedup's profile,
        the grouper's features), once per Article object: the watch keeps the objects of
        unchanged files, and a changed file gives new objects."""
        key = (kind, id(article))
        known = self.profiles.get(key)
        if known is None or known[0] is not article or known[2] != (article.title, article.text):
            known = self.profiles[key] = (article, make(article), (article.title, article.text))
        self._used_profiles.add(key)
        return known[1]

    def profile(self, article, make):
        return self.of("dedup", article, make)

    def direct(self, a, b, check):
        """`check(a, b)` (dedup._direct) for two profiles, once per pair of texts and dates.
        An article id is a hash of its file's bytes, so the id stands for its text."""
        key = (a.article.id, a.article.text, a.article.date, b.article.id, b.article.text, b.article.date)
        if key in self.pairs:
            found = self.pairs[key]
        else:
            found = self.pairs[key] = check(a, b)
        self._used_pairs.add(key)
        return found

    # ---- timelines

    def timeline(self, key: tuple, make):
        if key not in self.threads:
            self.threads[key] = make()
        self._used_threads.add(key)
        return self.threads[key]

    def end_round(self) -> None:
        self.profiles = {k: v for k, v in self.profiles.items() if k in self._used_profiles}
        self.pairs = {k: v for k, v in self.pairs.items() if k in self._used_pairs}
        self.threads = {k: v for k, v in self.threads.items() if k in self._used_threads}
        self._used_pairs, self._used_threads, self._used_profiles = set(), set(), set()


def timeline_key(per_day: dict, new_figures: int, years: dict) -> tuple:
    """Everything `extras.thread_timeline` reads of a thread: per day its stories (in order) with
    id, headline and figures, and the year of every article a figure cites (texts are fixed by
    article id: a hash of the file's bytes)."""
    parts = []
    cited = set()
    for day in sorted(per_day):
        stories = []
        for story in per_day[day]:
            figures = tuple(
                (f.text, f.value, f.label, f.sentence, f.article, tuple(f.also_in)) for f in story.figures
            )
            for f in story.figures:
                cited.add(f.article)
                cited.update(f.also_in)
            stories.append((story.id, story.headline, figures))
        parts.append((day, tuple(stories)))
    return (new_figures, tuple(parts), tuple(sorted((a, years.get(a)) for a in cited)))
