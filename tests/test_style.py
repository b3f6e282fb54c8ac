"""The code stays clean: ruff and mypy (strict) pass on the whole project."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import ROOT


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "treatydiff", "tests", "fixtures", "bench"],
        ["ruff", "format", "--check", "treatydiff"],
        [sys.executable, "-m", "mypy", "treatydiff"],
    ],
    ids=["ruff", "ruff-format", "mypy"],
)
def test_linters_pass(command: list[str]) -> None:
    """The linter exits cleanly."""
    if command[0] == "ruff" and shutil.which("ruff") is None:
        pytest.skip("ruff is not installed (pip install -e '.[test]' brings it)")
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
