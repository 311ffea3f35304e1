"""Candidate pairs of items that share rare keys, kept up to date as items come and go.

The duplicate finder's two candidate searches (`dedup._anchor_candidates`: rare runs of
anchors; `dedup._lsh_candidates`: MinHash bands) are the same computation: every key shared by
at least 2 and at most `limit` items makes each pair of those items share one key, and a pair
sharing at least `min_count` keys is a candidate. On a whole corpus that is a pass over every
key of every article; a watch round changes one or two articles, so `PairIndex` keeps the
postings and the pair counts between rounds and updates them for the items added and removed.
What it returns is exactly what the full pass returns for the same items (tests/unit/analyse/test_pair_index.py
compares them on random data; tests/unit/app/test_incremental.py compares whole watch rounds).

Items are any objects, held (so their ids are not reused while indexed); their keys are given
by a function of the item, which must not change while the item is indexed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from itertools import combinations
from typing import Any


class PairIndex:
    def __init__(self, keys_of: Callable[[Any], Iterable[Hashable]], limit: int, min_count: int):
        self.keys_of, self.limit, self.min_count = keys_of, limit, min_count
        self.items: dict[int, tuple[object, tuple]] = {}  # id(item) -> (item, its keys)
        # key -> the ids of its items: one id alone as the int itself (most keys are one
        # article's: a set each was ~400 MB of a watch of all of Reuters), a set from two on
        self.postings: dict[Hashable, int | set[int]] = {}
        self.shared: dict[tuple[int, int], int] = defaultdict(int)  # (id, id), smaller first -> keys shared

    @staticmethod
    def _pair(a: int, b: int) -> tuple[int, int]:
        return (a, b) if a < b else (b, a)

    def _bump(self, pairs: Iterable[tuple[int, int]], step: int) -> None:
        shared = self.shared
        for pair in pairs:
            count = shared[pair] + step
            if count:
                shared[pair] = count
            else:
                del shared[pair]

    def add(self, item) -> None:
        me = id(item)
        keys = tuple(self.keys_of(item))
        self.items[me] = (item, keys)
        limit = self.limit
        postings = self.postings
        for key in keys:
            members = postings.get(key)
            if members is None:  # its first item: no pair has it
                postings[key] = me
                continue
            if isinstance(members, int):
                members = postings[key] = {members}
            old = len(members)
            if 2 <= old <= limit < old + 1:  # the key stops being rare: its pairs lose it
                self._bump((self._pair(a, b) for a, b in combinations(members, 2)), -1)
            if 2 <= old + 1 <= limit:
                self._bump((self._pair(me, other) for other in members), 1)
            members.add(me)

    def remove(self, item) -> None:
        me = id(item)
        _, keys = self.items.pop(me)
        limit = self.limit
        postings = self.postings
        for key in keys:
            members = postings.get(key)
            if members is None:  # a key the item gave twice, gone with its first
                continue
            if isinstance(members, int):  # its only item: no pair had it
                del postings[key]
                continue
            members.discard(me)
            new = len(members)
            if 2 <= new + 1 <= limit:
                self._bump((self._pair(me, other) for other in members), -1)
            if 2 <= new <= limit < new + 1:  # the key becomes rare: its pairs gain it
                self._bump((self._pair(a, b) for a, b in combinations(members, 2)), 1)
            if not members:
                del postings[key]
            elif new == 1:
                postings[key] = next(iter(members))

    def candidates(self, items: list) -> set[tuple[int, int]]:
        """Make the index hold exactly `items`, then return the candidate pairs as positions in
        `items` (smaller first), as the full pass over `items` would."""
        now = {id(item): item for item in items}
        for gone in [key for key in self.items if key not in now]:
            self.remove(self.items[gone][0])
        for key, item in now.items():
            if key not in self.items:
                self.add(item)
        position = {id(item): index for index, item in enumerate(items)}
        found = set()
        for (a, b), count in self.shared.items():
            if count >= self.min_count:
                i, j = position[a], position[b]
                found.add((i, j) if i < j else (j, i))
        return found


def full_pass(keys: list[Iterable[Hashable]], limit: int, min_count: int) -> set[tuple[int, int]]:
    """The same pairs from nothing (positions in `keys`): the reference `PairIndex` must equal."""
    postings: dict[Hashable, list[int]] = defaultdict(list)
    for index, item_keys in enumerate(keys):
        for key in set(item_keys):
            postings[key].append(index)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in postings.values():
        if 1 < len(members) <= limit:
            for pair in combinations(members, 2):
                shared[pair] += 1
    return {pair for pair, count in shared.items() if count >= min_count}
