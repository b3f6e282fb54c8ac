"""Shared test configuration: where the shared corpora are, and Hypothesis profiles."""

from __future__ import annotations

import os
from pathlib import Path

import changes_table
import pytest
from hypothesis import HealthCheck, settings

import treatydiff as td

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
BUDAPEST = SHARED / "drafts" / "budapest-2001.txt"

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("long", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("TREATYDIFF_HYPOTHESIS", "ci"))


def shared_file(path: Path) -> Path:
    """*path* inside ../shared, or skip: a fresh clone has no ../shared beside it."""
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared corpora are only beside the CI checkout")
    return path


@pytest.fixture(scope="module")
def by_row(comparisons: dict[str, td.Comparison]) -> dict[str, list[td.Change]]:
    """The reported changes of the fixture series (the module's ``comparisons`` of each pair
    of drafts), by the row of fixtures/series/CHANGES.md that names each."""
    return changes_table.assign_all(comparisons)


@pytest.fixture
def budapest() -> Path:
    """The real Budapest Convention text from ../shared."""
    return shared_file(BUDAPEST)
