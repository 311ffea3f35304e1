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
- a story's since-last marks against the watch's record, and each running story's timeline:
  a story object comes back from the story cache only while its articles, their texts, dates
  and duplicate marks are the same (`brief._story_key`), so a thread whose days hold the same
  story objects has the same timeline, and a story object the same marks.

The round's result is therefore the same as a from-scratch build (tests/unit/app/test_incremental.py;
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
        self.threads: dict[tuple, tuple] = {}  # story objects of a thread's days -> (stories held, ids, entries)
        self.marks: dict[tuple, tuple] = {}  # (id(story), id(recorded entry)) -> (story, entry, ids, marks)
        self.rounds = 0  # rounds finished
        self.indexes: dict[str, object] = {}  # name -> an index kept for the whole watch, see `kept`
        self.values: dict[tuple, object] = {}  # (kind, inputs) -> a value made from exactly those inputs, see `once`
        self._used_values: set = set()
        self._used_marks: set = set()
        self._used_pairs: set = set()
        self._used_threads: set = set()
        self._used_profiles: set = set()

    # ---- duplicates

    def kept(self, name: str, make):
        """An object kept for the whole watch (made by `make()` the first time): the duplicate
        finder's candidate indexes (`pair_index.PairIndex`), which update themselves."""
        found = self.indexes.get(name)
        if found is None:
            found = self.indexes[name] = make()
        return found

    def of(self, kind: str, article, make):
        """`make(article)`, a function of the article's title and text alone (dedup's profile,
        the grouper's features), once per Article object: the watch keeps the objects of
        unchanged files, and a changed file gives new objects."""
        key = (kind, id(article))
        known = self.profiles.get(key)
        title, text = article.title, article.text
        if known is None or known[0] is not article or not (known[2] is title and known[3] is text or known[2:] == (title, text)):
            known = self.profiles[key] = (article, make(article), title, text)
        self._used_profiles.add(key)
        return known[1]

    def once(self, kind: str, inputs: tuple, make):
        """`make()`, a function of `inputs` alone (hashable values, compared by value: texts held
        are the kept articles' own strings, so the comparison is mostly by identity), once while
        the same inputs come back round after round (a story's cache key, `brief._story_key`)."""
        key = (kind, inputs)
        found = self.values.get(key, self)
        if found is self:
            found = self.values[key] = make()
        self._used_values.add(key)
        return found

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

    # ---- since the last brief, timelines

    def changes(self, story, before: dict, compare):
        """`compare(story, before)` (extras.story_changes), once per story object and recorded
        entry: the watch's record does not change while it runs, and a story object comes back
        from the story cache only while its articles (texts, dates, marks) are the same."""
        key = (id(story), id(before))
        known = self.marks.get(key)
        if known is None or known[0] is not story or known[1] is not before or known[2] != (story.id, story.headline):
            known = self.marks[key] = (story, before, (story.id, story.headline), compare(story, before))
        self._used_marks.add(key)
        return known[3]

    def timeline(self, per_day: dict, new_figures: int, make):
        """`make()` (extras.thread_timeline of `per_day`), once per thread whose days hold the same
        story objects in the same order (a story object stands for its articles, texts and dates,
        see `changes`; the years of the articles its figures cite are those dates)."""
        key = (new_figures, tuple((day, tuple(id(s) for s in per_day[day])) for day in sorted(per_day)))
        check = [(s.id, s.headline) for day in sorted(per_day) for s in per_day[day]]
        known = self.threads.get(key)
        held = [s for day in sorted(per_day) for s in per_day[day]]
        if known is None or len(known[0]) != len(held) or any(a is not b for a, b in zip(known[0], held)) or known[1] != check:
            known = self.threads[key] = (held, check, make())
        self._used_threads.add(key)
        return known[2]

    def end_round(self) -> None:
        self.rounds += 1
        for kept, used in ((self.profiles, self._used_profiles), (self.pairs, self._used_pairs), (self.threads, self._used_threads),
                           (self.marks, self._used_marks), (self.values, self._used_values)):
            for key in kept.keys() - used:  # a set difference in C: most entries are used again
                del kept[key]
        self._used_values = set()
        self._used_marks = set()
        self._used_pairs, self._used_threads, self._used_profiles = set(), set(), set()

