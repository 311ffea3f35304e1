"""A cheap "cannot match" test to run before a case-insensitive pattern.

A pattern such as `(?i)\bphotos? by\b` costs a scan of the whole sentence; a substring test for
the words every match must contain costs a tenth of that. The test is only sound where
`re.IGNORECASE` and `str.lower` agree, which is ASCII text: elsewhere re.I also folds ſ, ı, İ
and the Kelvin sign, so on non-ASCII text the answer is always "maybe".
"""

from __future__ import annotations


def ascii_lower(text: str) -> str | None:
    """`text` lower-cased when it is ASCII, else None (for `may_contain`)."""
    return text.lower() if text.isascii() else None


def may_contain(low: str | None, words: tuple[str, ...]) -> bool:
    """False only when a case-insensitive pattern that needs one of `words` cannot match.

    `low` is `ascii_lower` of the text (made once when several patterns are tested)."""
    return low is None or any(word in low for word in words)
