"""Bad input gets a clear TreatydiffError naming the file and the place, whatever the format."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES
from hypothesis import given
from hypothesis import strategies as st

import treatydiff as td

sys.path.insert(0, str(FIXTURES))
from pdfwriter import write_pdf


def test_empty_file(tmp_path: Path) -> None:
    """An empty file names itself and says to check the file."""
    path = tmp_path / "empty.txt"
    path.write_text("")
    with pytest.raises(td.EmptyDraftError, match=r"empty\.txt: the input is empty"):
        td.load(path)


def test_only_furniture(tmp_path: Path) -> None:
    """A file of nothing but page furniture is empty too, and says so."""
    path = tmp_path / "furniture.txt"
    path.write_text("A/AC.950/4\n\n2/10\n\nV.25-01234 (E)\n")
    with pytest.raises(
        td.EmptyDraftError, match=r"furniture\.txt: the draft holds only page furniture"
    ):
        td.load(path)


def test_binary_file(tmp_path: Path) -> None:
    """Binary data is refused with the byte offset where it shows."""
    path = tmp_path / "image.txt"
    path.write_bytes(b"GIF89a\x00\x01\x02\x03" * 20)
    with pytest.raises(
        td.EncodingError, match=r"image\.txt, byte 6: this looks like a binary file"
    ):
        td.load(path)


def test_no_articles(tmp_path: Path) -> None:
    """A text without article headings says what it looked for and where the text starts."""
    path = tmp_path / "letter.txt"
    path.write_text("Dear colleagues,\n\nPlease find the draft attached.\n")
    with pytest.raises(td.DraftStructureError) as info:
        td.load(path)
    message = str(info.value)
    assert message.startswith(f"{path}: no articles found")
    assert "'Article 1'" in message
    assert "line 1" in message


def test_undecodable_bytes_with_named_encoding(tmp_path: Path) -> None:
    """A wrong explicit encoding names the line of the first bad byte."""
    path = tmp_path / "latin.txt"
    path.write_bytes("Article 1\nScope\n\nL’État partie.\n".encode("cp1252"))
    with pytest.raises(
        td.EncodingError, match=r"latin\.txt, line 4: byte 0x92 cannot be decoded as utf-8"
    ):
        td.load(path, encoding="utf-8")


def test_windows_1252_is_read_without_help(tmp_path: Path) -> None:
    """Without an explicit encoding, Windows-1252 text is decoded after UTF-8 fails."""
    path = tmp_path / "latin.txt"
    path.write_bytes("Article 1\nScope\n\nL’État partie.\n".encode("cp1252"))
    assert td.load(path).article(1).text == "L’État partie."


def test_utf16_with_bom(tmp_path: Path) -> None:
    """UTF-16 files with a byte-order mark are decoded."""
    path = tmp_path / "utf16.txt"
    path.write_bytes("Article 1\nScope\n\nText.\n".encode("utf-16"))
    assert td.load(path).article(1).heading == "Scope"


def test_unknown_encoding_name(tmp_path: Path) -> None:
    """An encoding name Python does not know is reported as such."""
    path = tmp_path / "a.txt"
    path.write_text("Article 1\nScope\n\nText.\n")
    with pytest.raises(td.EncodingError, match="unknown encoding 'klingon'"):
        td.load(path, encoding="klingon")


def test_unknown_format_name() -> None:
    """A format name that does not exist lists the ones that do."""
    with pytest.raises(td.UnsupportedFormatError, match="unknown format 'rtf'; use one of text"):
        td.loads("Article 1\nScope\n\nText.", format="rtf")


def test_missing_file() -> None:
    """A missing path is a FileNotFoundError (and a TreatydiffError) that names it."""
    with pytest.raises(td.DraftNotFoundError, match=r"nowhere\.txt: no such file") as info:
        td.load("nowhere.txt")
    assert isinstance(info.value, FileNotFoundError)


def test_a_folder_is_not_a_draft(tmp_path: Path) -> None:
    """Loading a folder is a FileAccessError naming it, not a traceback from deep inside."""
    with pytest.raises(td.FileAccessError, match=str(tmp_path)):
        td.load(tmp_path)


def test_loads_refuses_bytes() -> None:
    """loads() takes text; the message points to load()."""
    with pytest.raises(TypeError, match="use load"):
        td.loads(b"Article 1")  # type: ignore[arg-type]


def test_file_objects_and_bytes_are_accepted() -> None:
    """load() reads an open binary file and raw bytes, sniffing the format."""
    data = b"Article 1\nScope\n\nText.\n"
    assert td.load(io.BytesIO(data)).article(1).heading == "Scope"
    assert td.load(data, label="bytes").label == "bytes"


def test_pdf_is_read_through_the_text_reader(tmp_path: Path) -> None:
    """A text PDF loads with its furniture removed and pages joined."""
    pages = [
        [
            "A/AC.950/4",
            "Distr.: General",
            "Draft convention",
            "The States Parties,",
            "Have agreed as follows:",
            "Article 1",
            "Scope",
            "1. This Convention applies to the preven-",
        ],
        ["A/AC.950/4", "2/2", "tion of crime.", "Article 2", "Use of terms", "Terms are defined."],
    ]
    path = tmp_path / "draft.pdf"
    path.write_bytes(write_pdf(pages))
    draft = td.load(path)
    assert draft.format == "pdf"
    assert draft.title == "Draft convention"
    assert draft.article(1).text == "1. This Convention applies to the prevention of crime."
    assert {r.kind for r in draft.removed} >= {"symbol", "page-number", "distribution"}


def test_damaged_pdf(tmp_path: Path) -> None:
    """A truncated PDF is a DraftFormatError naming the file."""
    path = tmp_path / "broken.pdf"
    path.write_bytes(write_pdf([["Article 1", "Scope", "Text."]])[:200])
    with pytest.raises(td.DraftFormatError, match=r"broken\.pdf"):
        td.load(path)


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    """A PDF with no text (a scan) says to run OCR."""
    path = tmp_path / "scan.pdf"
    path.write_bytes(write_pdf([[]]))
    with pytest.raises(td.EmptyDraftError, match="OCR"):
        td.load(path)


def test_pdf_without_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pypdf, loading a PDF names the extra to install."""
    monkeypatch.setitem(sys.modules, "pypdf", None)
    path = tmp_path / "draft.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(td.MissingExtraError, match=r"pip install 'treatydiff\[pdf\]'") as info:
        td.load(path)
    assert isinstance(info.value, ImportError)


@given(st.binary(max_size=2000))
def test_random_bytes_as_text_only_raise_treatydiff_errors(data: bytes) -> None:
    """Any bytes read as text either load or raise a TreatydiffError."""
    try:
        td.load(data, format="text")
    except td.TreatydiffError as error:
        assert str(error).startswith("<bytes>")


@given(st.text(max_size=3000))
def test_random_text_only_raises_treatydiff_errors(text: str) -> None:
    """Any string either loads or raises a TreatydiffError."""
    try:
        td.loads(text, format="text")
    except td.TreatydiffError as error:
        assert str(error).startswith("<string>")
