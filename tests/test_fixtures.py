"""The fixture series: every draft in every format loads to the same structure, losing nothing."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from accounting import in_order, unaccounted
from conftest import FIXTURES

import treatydiff as td
from treatydiff.cli import main

SERIES = sorted((FIXTURES / "series").glob("[0-9][0-9]-*.md"))
FORMATS = [".txt", ".pdf", ".html", ".docx", ".xml"]


def structure(draft: td.Draft) -> dict[str, object]:
    """Everything two loads of the same draft must agree on, whatever the format."""
    return {
        "title": draft.title,
        "preamble": [p.text for p in draft.preamble],
        "divisions": [(d.eid, d.kind, d.num, d.heading, d.parent) for d in draft.divisions],
        "articles": [(a.eid, a.num, a.heading, a.division, a.status) for a in draft.articles],
        "provisions": [(p.eid, p.kind, p.marker, p.text, p.status, p.brackets) for p in draft],
        "footnotes": sorted(n.text for n in draft.iter_footnotes()),
        "closing": [p.text for p in draft.closing],
    }


def test_series_has_four_drafts() -> None:
    """The series holds the four Markdown sources in negotiation order."""
    assert [p.stem for p in SERIES] == ["01-zero-draft", "02-rev1", "03-rev2", "04-final"]
    assert [len(td.load(p).articles) for p in SERIES] == [35, 34, 36, 34]


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("source", SERIES, ids=lambda p: p.stem)
def test_every_format_gives_the_same_structure(source: Path, suffix: str) -> None:
    """A draft read from its PDF text, PDF, HTML, Word or Akoma Ntoso version equals the source."""
    assert structure(td.load(source.with_suffix(suffix))) == structure(td.load(source))


@pytest.mark.parametrize("source", SERIES, ids=lambda p: p.stem)
def test_pdf_extractions_account_for_every_word(source: Path) -> None:
    """Each word of the PDF-layout text is in the model, in order, or in the removed furniture."""
    path = source.with_suffix(".txt")
    text = path.read_text("utf-8")
    draft = td.load(path)
    assert unaccounted(text, draft) == ({}, {})
    assert in_order(text, draft)
    assert {"masthead", "symbol", "page-number", "job-number", "barcode"} <= {
        r.kind for r in draft.removed
    }


def test_built_files_are_up_to_date() -> None:
    """The committed formats are exactly what fixtures/build.py makes from the Markdown."""
    sys.path.insert(0, str(FIXTURES))
    import build

    assert build.main(["--check"]) == 0


@pytest.mark.parametrize("suffix", [".md", *FORMATS])
def test_outline_command_on_every_format(suffix: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`treatydiff outline` prints the structure of each format, as text and as JSON."""
    path = str(SERIES[2].with_suffix(suffix))
    assert main(["outline", path]) == 0
    text = capsys.readouterr().out
    assert "36 articles" in text
    assert "Article 20 bis" in text
    assert main(["outline", path, "--format", "json"]) == 0
    outline = json.loads(capsys.readouterr().out)
    assert outline["title"].startswith("Draft Convention on Cooperation")
    assert outline["preamble"]["recitals"] == 13
    assert outline["articles"][19] == {
        "num": "20",
        "heading": "Expedited preservation of stored digital data",
        "eid": "art_20",
        "division": "chp_4",
        "provisions": outline["articles"][19]["provisions"],
        "status": [],
    }


def test_outline_command_reports_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bad file makes `treatydiff outline` exit 1 with the error on stderr, no traceback."""
    bad = tmp_path / "letter.txt"
    bad.write_text("Dear colleagues,\n")
    assert main(["outline", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"treatydiff: error: {bad}: no articles found")
    assert "Traceback" not in err
