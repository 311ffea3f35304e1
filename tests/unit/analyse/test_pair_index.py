"""PairIndex (the duplicate finder's candidate searches kept up to date in a watch) gives
exactly the pairs of a full pass over the same items, whatever was added and removed before."""

from __future__ import annotations

import random

from briefing.analyse import dedup
from briefing.ingest.load import LoadOptions, load_corpus
from briefing.core.cache import NoCache
from briefing.core.pair_index import PairIndex, full_pass
from conftest import SAMPLE
from reuters_corpus import write_reuters


class Item:
    def __init__(self, keys):
        self.keys = keys


def test_random_adds_and_removes_equal_a_full_pass():
    rng = random.Random(7)
    for limit, min_count in [(3, 1), (4, 2), (25, 3)]:
        index = PairIndex(lambda item: item.keys, limit, min_count)
        pool = [Item(frozenset(rng.sample(range(12), rng.randint(0, 6)))) for _ in range(60)]
        for _ in range(40):
            items = rng.sample(pool, rng.randint(0, 30))
            rng.shuffle(items)
            assert index.candidates(items) == full_pass([i.keys for i in items], limit, min_count)


def test_a_key_crossing_the_limit_both_ways():
    index = PairIndex(lambda item: item.keys, 3, 1)
    items = [Item({"k"}) for _ in range(5)]
    for n in [2, 3, 4, 3, 2, 1, 4, 2]:
        assert index.candidates(items[:n]) == full_pass([i.keys for i in items[:n]], 3, 1)


def test_dedup_searches_equal_their_full_pass(tmp_path):
    corpus = load_corpus([SAMPLE, write_reuters(tmp_path / "reuters", 600)], LoadOptions(), None, NoCache())
    profiles = [dedup._profile(a) for a in corpus.articles]
    lsh = PairIndex(dedup._band_keys, dedup.MAX_BUCKET, 1)
    anchors = PairIndex(dedup._run_keys, dedup.RARE_RUN_DF, 3)
    for part in (profiles[::2], profiles, profiles[1::3], profiles):
        assert lsh.candidates(part) == dedup._lsh_candidates(part)
        assert anchors.candidates(part) == dedup._anchor_candidates(part)
    assert dedup._lsh_candidates(profiles) and dedup._anchor_candidates(profiles)  # wire copies: the checks are not empty
