"""A per-token memo: what the engine computes for a word, computed once per distinct word.

Stemming, hashing or classifying every token of every article is most of the per-word cost of
loading, grouping and summarising, yet a corpus has far fewer distinct words than tokens.
`TokenMemo` is a dict that fills itself on a miss, so `map(memo.__getitem__, tokens)` runs
the per-token loop in C and calls Python only for a word seen for the first time. It forgets
everything past `limit` entries: web corpora have long tails of one-off tokens.
"""

from __future__ import annotations

from collections.abc import Callable


class TokenMemo(dict):
    """token -> compute(token), filled on first sight; cleared when `limit` entries are held."""

    def __init__(self, compute: Callable[[str], object], limit: int):
        super().__init__()
        self._compute, self._limit = compute, limit

    def __missing__(self, token: str):
        if len(self) >= self._limit:
            self.clear()
        value = self[token] = self._compute(token)
        return value
