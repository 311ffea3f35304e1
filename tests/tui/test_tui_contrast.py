"""Every text colour of the shipped themes against every background it is drawn on: at least
4.5:1 (WCAG AA) in all of them, at least 7:1 (AAA) in the high-contrast theme.

Reads the theme files themselves (themes/ and the packaged copy, which must be identical), and
checks that the desk draws its hints with `$text-muted` (a theme colour) and never with "dim",
which blends the text into the background (1.9–2.3:1 measured before).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from briefing.tui.themes import PACKAGED, REPO_THEMES, parse_theme

TEXTS = [
    "foreground", "text-muted", "primary", "secondary", "accent", "success", "warning", "error",
    "footer-key-foreground", "footer-description-foreground", "block-cursor-foreground", "block-cursor-blurred-foreground",
]
# the selected row's background too: a row keeps its coloured parts (counts, marks) when selected
GROUNDS = ["background", "surface", "panel", "footer-background", "block-cursor-background", "block-cursor-blurred-background"]
FILES = sorted(REPO_THEMES.glob("*.toml"))


def luminance(hex_colour: str) -> float:
    value = hex_colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted([luminance(a), luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_wcag():
    assert round(contrast("#000000", "#FFFFFF"), 1) == 21.0
    assert round(contrast("#777777", "#FFFFFF"), 2) == 4.48


def test_three_themes_shipped_and_the_packaged_copies_are_identical():
    assert [p.name for p in FILES] == ["newsroom-dark.toml", "newsroom-high-contrast.toml", "newsroom-light.toml"]
    for path in FILES:
        assert (PACKAGED / path.name).read_bytes() == path.read_bytes(), path.name


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_text_colour_meets_the_contrast_floor(path: Path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    colours = {**data["colors"], **data["variables"]}
    floor = 7.0 if "high-contrast" in path.stem else 4.5
    low = [
        f"{text} on {ground}: {contrast(colours[text], colours[ground]):.2f}"
        for text in TEXTS for ground in GROUNDS
        if contrast(colours[text], colours[ground]) < floor
    ]
    assert not low, f"{path.name} below {floor}:1: {low}"
    parse_theme(path.read_text(encoding="utf-8"), str(path))  # and the desk reads it


def test_the_desk_never_draws_text_dim():
    tui = Path(__file__).resolve().parents[2] / "briefing" / "tui"
    offenders = [
        f"{path.name}:{n}" for path in sorted(tui.glob("*.py")) for n, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"""["'][^"']*\bdim\b[^"']*["']""", line) and "dimmed" not in line
    ]
    assert not offenders
    assert "70%" not in (tui / "app.tcss").read_text().split("Modals")[0]
