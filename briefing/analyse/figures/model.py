"""The records: a Figure of one article, a MergedFigure of a story."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Figure:
    text: str  # as written, with qualifier: "more than 130,000 troops", "$1.5bn", "3.2%", "one in five"
    value: float | None  # 130000, 1.5e9, 3.2, 0.2; None for vague magnitudes ("thousands of")
    unit: str | None  # "%", "USD", "GBP", "cents", "km", "tonnes", ... None for plain counts
    qualifier: str | None  # "more than", "about", "up to", "an extra", ...
    label: str  # what it counts or measures: "troops", "bomb shelters", "military"
    sentence: str
    start: int  # offsets of `text` in the article text
    end: int


@dataclass
class MergedFigure:
    text: str
    value: float | None
    label: str
    sentence: str
    article: str  # id of the article the shown figure comes from
    also_in: list[str] = field(default_factory=list)  # other articles stating the same figure
    conflicts: list[str] = field(default_factory=list)  # texts of figures that disagree about the same thing
    score: float = 0.0
    unit: str | None = None
    qualifier: str | None = None
