"""Shared fixtures: the sample corpus, the research data (skipped cleanly when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sample_corpus"
DATA = REPO.parent / "shared" / "data"
SCHEMAS = REPO.parent / "shared"


def data_path(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test when the data is not on this machine."""
    path = DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"research data not available: {path}")
    return path


def schema(name: str) -> dict:
    import json

    path = SCHEMAS / name
    if not path.exists():
        pytest.skip(f"schema not available: {path}")
    return json.loads(path.read_text())


def sample_text(prefix: str) -> str:
    """The text of a sample-corpus file by its number, e.g. '001'."""
    (path,) = SAMPLE.glob(f"{prefix}_*")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_corpus():
    from briefing.load import load_corpus

    return load_corpus([SAMPLE])


@pytest.fixture(scope="session")
def sample_by_number(sample_corpus):
    return {a.path[:3]: a for a in sample_corpus.articles}
