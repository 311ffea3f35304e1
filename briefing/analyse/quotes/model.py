"""The Quote record: the quoted words, their offsets and who said them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Quote:
    text: str  # the quoted words without the marks
    start: int  # offsets of the quoted words in the text: text[start:end] == self.text
    end: int
    speaker: str | None  # fullest name the article gives; None when it cannot be told
    speaker_as_written: str | None  # "she", "Lavrov", "the foreign minister"
    fragment: bool  # scare quotes and short fragments, kept apart from full quotes
