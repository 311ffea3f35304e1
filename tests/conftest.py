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


# --- tiers -------------------------------------------------------------------------------
# Every test gets one tier marker from its file name, so a tier runs alone:
#   uv run pytest -m unit | -m e2e | -m tui
# A test that reads ../shared/data is also marked `dataset` (-m "not dataset" runs without
# the research data's evaluations); the slowest of those are marked `slow`, which
# pyproject's addopts deselects: `uv run pytest -m slow` runs them. Files are not moved into
# folders yet; the file names decide.
E2E_FILES = {
    "test_cli.py", "test_export.py", "test_durability.py", "test_hostile.py", "test_load.py",
    "test_walk_speed_equivalence.py", "test_heap.py",
}
#: Dataset evaluations measured at more than ~20 s on 2 shared cores; their figures are the
#: benches' (bench/), the default run keeps the cheap checks.
SLOW_TESTS = {
    "tests/test_figures.py::test_mask_prechecks_hold_on_reuters_sentences",  # 20 s
    "tests/test_html_extract.py::test_blind_half_keeps_more_and_leaks_less_than_plain_trafilatura",  # 17 s
}


def tier_of(filename: str) -> str:
    if filename.startswith("test_tui"):
        return "tui"
    if filename in E2E_FILES:
        return "e2e"
    return "unit"


def _reads_data(item) -> bool:
    import inspect

    function = getattr(item, "function", None)
    try:
        source = inspect.getsource(function) if function else ""
    except (OSError, TypeError):
        return False
    return "data_path(" in source or "DATA /" in source or "DATA)" in source


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        item.add_marker(getattr(pytest.mark, tier_of(item.path.name)))
        if _reads_data(item) or item.get_closest_marker("dataset"):
            item.add_marker(pytest.mark.dataset)
        if item.nodeid.split("[")[0] in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _user_data_in_tmp(tmp_path_factory, monkeypatch):
    """Every test's user data folder (curation, export records) is a fresh temporary one:
    `briefing export` records what it wrote, and no test may touch the real user folders.
    Tests that set XDG_DATA_HOME themselves override this."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
