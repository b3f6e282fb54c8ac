"""The benchmark scripts run end to end on small inputs (figures are read by hand, not tested)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT


@pytest.mark.parametrize(
    ("script", "arguments", "expected"),
    [
        ("bench_load.py", ["--articles", "5", "--repeat", "1"], "5 articles, PDF layout"),
        ("bench_align.py", ["--sizes", "10", "20", "40"], "growth 20 -> 40 articles"),
        ("bench_compare.py", ["--repeat", "1"], "treatydiff compare"),
        ("bench_scale.py", ["--sizes", "1500", "--limit", "60"], "treatydiff (load + compare)"),
    ],
)
def test_benchmark_smoke(script: str, arguments: list[str], expected: str) -> None:
    """Each benchmark prints its table for a tiny input."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *arguments],
        capture_output=True,
        text=True,
        check=True,
    )
    assert expected in result.stdout
