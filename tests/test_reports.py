"""Reports other than HTML: JSON (schema, round trip, determinism), Markdown, DataFrames,
Jupyter display, the notebook in docs/examples, and the command line's formats.

Golden files live in tests/golden/. After a deliberate change of the Markdown output, rewrite
them with ``TREATYDIFF_REGENERATE=1 python -m pytest tests/test_reports.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

import treatydiff as td
from treatydiff.cli import EXIT_FAIL_ON, main
from treatydiff.report.to_json import ReportFormatError, schema

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema comes with the test extra")

SERIES = sorted((FIXTURES / "series").glob("[0-9][0-9]-*.md"))
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def comparisons() -> list[td.Comparison]:
    """Each consecutive pair of fixture drafts compared, with labels as a user would give."""
    labels = ["Zero draft", "Rev.1", "Rev.2", "Final"]
    drafts = [td.load(p, label=label) for p, label in zip(SERIES, labels, strict=True)]
    return [td.compare(drafts[i], drafts[i + 1]) for i in range(3)]


def matches_golden(name: str, text: str) -> None:
    """Compare *text* with tests/golden/*name*, or rewrite it under TREATYDIFF_REGENERATE=1."""
    path = GOLDEN / name
    if os.environ.get("TREATYDIFF_REGENERATE"):
        path.write_text(text, "utf-8")
    assert path.exists(), f"{path} is missing; run with TREATYDIFF_REGENERATE=1 to create it"
    assert text == path.read_text("utf-8"), f"{name} differs; regenerate if the change is meant"


def test_json_validates_against_the_shipped_schema(comparisons: list[td.Comparison]) -> None:
    """Every comparison's JSON report is valid against report/schema-1.json."""
    validator = jsonschema.Draft202012Validator(schema())
    for comparison in comparisons:
        validator.validate(json.loads(comparison.to_json()))


def test_json_round_trips(comparisons: list[td.Comparison]) -> None:
    """A report read back with Comparison.from_json writes the same bytes again."""
    for comparison in comparisons:
        text = comparison.to_json()
        reopened = td.Comparison.from_json(text)
        assert reopened.to_json() == text
        assert reopened.summary() == comparison.summary()
        assert [t.rationale for t in reopened.tags] == [t.rationale for t in comparison.tags]


def test_json_has_the_design_shape(comparisons: list[td.Comparison]) -> None:
    """The report holds the keys other tools rely on, in the documented form."""
    report = comparisons[1].to_dict()
    assert list(report) == [
        "schema_version",
        "old",
        "new",
        "alignment",
        "changes",
        "tags",
        "summary",
    ]
    assert report["old"] == {"label": "Rev.1", "source": str(SERIES[1]), "articles": 34}
    split = next(row for row in report["alignment"] if row["relation"] == "split")
    assert (split["old"], split["new"], split["renumbered"], split["moved"]) == (
        ["19"],
        ["20", "20 bis"],
        True,
        False,
    )
    assert {"op": "replace", "old": "may", "new": "shall"} in [
        e for c in report["changes"] for e in c["edits"]
    ]
    assert report["summary"]["human-rights-safeguards"] == {
        "addresses": 8,
        "worsens": 0,
        "mixed": 0,
    }


def test_json_is_identical_across_hash_seeds(tmp_path: Path) -> None:
    """Two processes with different PYTHONHASHSEED values write byte-identical reports."""
    script = (
        "import treatydiff as td, sys\n"
        f"a, b = td.load({str(SERIES[0])!r}), td.load({str(SERIES[1])!r})\n"
        "sys.stdout.write(td.compare(a, b).to_json())\n"
    )
    outputs = set()
    for seed in ("1", "2", "random"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                                check=True, env=env)  # fmt: skip
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_bad_reports_are_refused() -> None:
    """Reading something that is not a version-1 report says what is wrong."""
    with pytest.raises(ReportFormatError, match="not JSON"):
        td.Comparison.from_json("{not json", source="saved.json")
    with pytest.raises(ReportFormatError, match="schema_version '9'"):
        td.Comparison.from_json('{"schema_version": "9"}')
    with pytest.raises(ReportFormatError, match="not in the shape of schema version 1"):
        td.Comparison.from_json('{"schema_version": "1", "old": {}}')


def test_markdown_golden(comparisons: list[td.Comparison]) -> None:
    """The Markdown summary of Rev.1 -> Rev.2 matches its golden file."""
    matches_golden("rev1-rev2.md", comparisons[1].to_markdown())


def test_markdown_lists_worsened_and_improved(comparisons: list[td.Comparison]) -> None:
    """Per concern, the Markdown says what worsened and what improved, with articles and quotes."""
    text = comparisons[0].to_markdown()
    assert text.startswith("# Zero draft → Rev.1\n")
    section = text.split("## Weak human-rights safeguards\n", 1)[1].split("\n## ", 1)[0]
    assert "**Worsened**" in section
    assert "- In article 4, " in section
    assert "“effective remedy”" in section


def test_markdown_escapes_draft_text() -> None:
    """Markup in a draft does not become Markdown markup."""
    old = td.loads("Article 1\nScope\n\nStates shall cooperate.\n", label="A")
    new = td.loads("Article 1\nScope\n\nStates may *cooperate* | [link](x).\n", label="B")
    text = td.compare(old, new).to_markdown()
    assert "\\*cooperate\\*" in text or "cooperate" not in text.split("Evidence")[0]
    assert "[link](x)" not in text


def test_dataframes(comparisons: list[td.Comparison]) -> None:
    """Comparison, alignment and timeline become DataFrames with one row per change and tag."""
    pandas = pytest.importorskip("pandas", reason="pandas comes with the test extra")
    comparison = comparisons[0]
    frame = comparison.to_dataframe()
    assert isinstance(frame, pandas.DataFrame)
    tagged = frame[frame.effect.notna()]
    assert len(tagged) == len(comparison.tags)
    untagged = {c.id for c in comparison.changes if not comparison.tags_for(c)}
    assert set(frame[frame.effect.isna()].change) == untagged
    assert list(comparison.alignment.to_dataframe().columns)[:3] == ["old", "new", "relation"]
    timeline = td.timeline([comparison.old, comparison.new])
    assert len(timeline.to_dataframe()) == len(timeline.lineages)


def test_dataframe_without_pandas(
    comparisons: list[td.Comparison], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without pandas, asking for a DataFrame names the extra to install."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(td.MissingExtraError, match=r"pip install 'treatydiff\[pandas\]'"):
        comparisons[0].to_dataframe()


def test_jupyter_display(comparisons: list[td.Comparison]) -> None:
    """Drafts, alignments, comparisons and timelines show as compact, escaped HTML tables."""
    comparison = comparisons[0]
    assert "<table>" in comparison.old._repr_html_()
    assert "merged" in comparison.alignment._repr_html_()
    assert "human-rights-safeguards" in comparison._repr_html_()
    assert "<table>" in td.timeline([comparison.old, comparison.new])._repr_html_()
    hostile = td.loads("Article 1\n<script>x</script>\n\nText.\n")
    assert "<script>" not in hostile._repr_html_()


def test_notebook_runs() -> None:
    """The example notebook runs, shows the comparison as HTML and the DataFrame."""
    nbformat = pytest.importorskip("nbformat", reason="nbformat comes with the test extra")
    nbclient = pytest.importorskip("nbclient", reason="nbclient comes with the test extra")
    path = ROOT / "docs" / "examples" / "compare-two-drafts.ipynb"
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=120, resources={"metadata": {"path": path.parent}}
    )
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    html = [o["data"]["text/html"] for o in outputs if "data" in o and "text/html" in o["data"]]
    assert any("human-rights-safeguards" in h for h in html), "the comparison's rich display"
    assert any("dataframe" in h for h in html), "the DataFrame"
    assert not [o for o in outputs if o.get("output_type") == "error"]


FORMATS = [
    (".json", '{\n  "schema_version": "1"'),
    (".md", "# 01-zero-draft → 02-rev1"),
    (".csv", "change,old_article,new_article"),
    (".html", "<!doctype html>"),
]


@pytest.mark.parametrize(("suffix", "start"), FORMATS)
def test_compare_writes_each_format(tmp_path: Path, suffix: str, start: str) -> None:
    """`treatydiff compare -o FILE` writes the format its suffix names."""
    target = tmp_path / f"report{suffix}"
    assert main(["compare", str(SERIES[0]), str(SERIES[1]), "-o", str(target)]) == 0
    assert target.read_text("utf-8").lower().startswith(start.lower())


def test_fail_on_worsens_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    """--fail-on worsens exits with its own code when a change worsens a concern, 0 otherwise."""
    assert main(["compare", str(SERIES[0]), str(SERIES[1]), "--fail-on", "worsens"]) == EXIT_FAIL_ON
    same = str(SERIES[1])
    assert main(["compare", same, same, "--fail-on", "worsens"]) == 0
    capsys.readouterr()


def test_timeline_command_writes_html(tmp_path: Path) -> None:
    """`treatydiff timeline D1 D2 ... -o report.html` writes the timeline report."""
    target = tmp_path / "timeline.html"
    assert main(["timeline", *map(str, SERIES), "-o", str(target)]) == 0
    assert "<!DOCTYPE html" in target.read_text("utf-8")[:200].upper().replace(
        "<!DOCTYPE HTML", "<!DOCTYPE html"
    )
