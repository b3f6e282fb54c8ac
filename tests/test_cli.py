"""The treatydiff command line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import FIXTURES

from treatydiff.cli import main

SERIES = sorted((FIXTURES / "series").glob("[0-9][0-9]-*.md"))


def test_compare_prints_the_alignment(capsys: pytest.CaptureFixture[str]) -> None:
    """`treatydiff compare` prints the alignment table of two drafts in any formats."""
    assert (
        main(["compare", str(SERIES[1].with_suffix(".pdf")), str(SERIES[2].with_suffix(".docx"))])
        == 0
    )
    out = capsys.readouterr().out
    assert "<Alignment 'A/AC.950/4/Rev.1' -> '03-rev2': 21 unchanged, 12 modified, 1 split" in out
    assert "obligation-strengthened" in out
    assert "19  20+20 bis  split" in out


def test_compare_json_and_overrides(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    """JSON output is the report; an override table is applied."""
    table = tmp_path / "table.csv"
    table.write_text("old,new\n3,4\n")
    assert (
        main(
            [
                "compare",
                str(SERIES[1]),
                str(SERIES[2]),
                "--format",
                "json",
                "--overrides",
                str(table),
            ]
        )
        == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert report["schema_version"] == "1"
    row = next(r for r in report["alignment"] if r["old"] == ["3"])
    assert row["new"] == ["4"]
    assert row["renumbered"]


def test_timeline_command(capsys: pytest.CaptureFixture[str]) -> None:
    """`treatydiff timeline` prints one column per draft."""
    assert main(["timeline", *map(str, SERIES)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<Timeline '01-zero-draft' -> '02-rev1' -> '03-rev2' -> '04-final'")


def test_demo_runs_from_the_clone(tmp_path) -> None:
    """`treatydiff demo` runs as a program on the shipped fixtures and writes its HTML report."""
    result = subprocess.run(
        [sys.executable, "-m", "treatydiff.cli", "demo"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert "4 fictional drafts" in result.stdout
    assert "<Timeline" in result.stdout
    report = tmp_path / "treatydiff-demo.html"
    assert f"The HTML report is at {report}" in result.stdout
    assert report.read_text("utf-8").lower().startswith("<!doctype html>")


def test_demo_without_fixtures(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without drafts to show, the demo says where it looked and what to do."""
    assert main(["demo", "--fixtures", str(tmp_path)]) == 1
    assert "no drafts found" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A wrong command is argparse's usage error, exit code 2."""
    with pytest.raises(SystemExit) as info:
        main(["frobnicate"])
    assert info.value.code == 2
