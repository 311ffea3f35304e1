"""Publisher names come from metadata, bylines and datelines, never a place or a stray word."""

from __future__ import annotations

import pytest

from briefing.ingest.clean import agency_name, clean


@pytest.mark.parametrize("raw, name", [
    ("AP", "Associated Press"), ("Reuters", "Reuters"), ("The Guardian", "The Guardian"),
    ("U.S.", None), ("U.K.", None), ("Hosted", None), ("Powered", None), ("", None),
])
def test_agency_names(raw, name):
    assert agency_name(raw) == name


def test_a_dateline_place_in_parentheses_is_not_a_publisher():
    text = ("Talks resume on trade\n\nWASHINGTON (U.S.) - Negotiators met on Monday to resume the talks on "
            "trade. They said progress was slow but steady and would continue through the week.")
    assert clean(text).source is None


def test_a_dateline_agency_is_the_publisher():
    text = ("Talks resume on trade\n\nWASHINGTON (AP) - Negotiators met on Monday to resume the talks on "
            "trade. They said progress was slow but steady and would continue through the week.")
    assert clean(text).source == "Associated Press"
