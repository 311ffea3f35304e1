"""Shared fixtures: the sample corpus, the research data (skipped cleanly when absent)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
TEST_DATA = TESTS / "data"
REPO = TESTS.parent
SAMPLE = REPO / "sample_corpus"
DATA = REPO.parent / "shared" / "data"
SCHEMAS = REPO.parent / "shared"

# Test modules share helpers across tiers (test_tui_support, test_export's fixtures): put every
# test folder on the path, so a file or folder run alone imports what the whole run would.
for _folder in sorted({path.parent for path in TESTS.rglob("test_*.py")}):
    if str(_folder) not in sys.path:
        sys.path.append(str(_folder))


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
    from briefing.ingest.load import load_corpus

    return load_corpus([SAMPLE])


@pytest.fixture(scope="session")
def sample_by_number(sample_corpus):
    return {a.path[:3]: a for a in sample_corpus.articles}


# --- tiers -------------------------------------------------------------------------------
# The folder is the tier: tests/unit/<layer>/ (one module at a time, filed under the package
# folder it tests), tests/e2e/ (the whole pipeline or the CLI on real files), tests/tui/.
# Each test gets its tier's marker, so a tier runs alone:
#   uv run pytest tests/unit   (or -m unit | -m e2e | -m tui)
# A test that reads ../shared/data is also marked `dataset` (-m "not dataset" runs without
# the research data's evaluations); the slowest of those are marked `slow`, which
# pyproject's addopts deselects: `uv run pytest -m slow` runs them.
TIERS = ("unit", "e2e", "tui")

#: Dataset evaluations measured at more than ~20 s on 2 shared cores; their figures are the
#: benches' (bench/), the default run keeps the cheap checks.
SLOW_TESTS = {
    "tests/unit/analyse/test_figures.py::test_mask_prechecks_hold_on_reuters_sentences",  # 20 s
    "tests/unit/ingest/test_html_extract.py::test_blind_half_keeps_more_and_leaks_less_than_plain_trafilatura",  # 17 s
}


def tier_of(path: Path) -> str:
    tier = path.resolve().relative_to(TESTS).parts[0]
    if tier not in TIERS:
        raise pytest.UsageError(f"{path}: a test file belongs in tests/unit/<layer>/, tests/e2e/ or tests/tui/")
    return tier


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
        item.add_marker(getattr(pytest.mark, tier_of(item.path)))
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
