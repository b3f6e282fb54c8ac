"""Loading drafts: ``load`` for files and bytes, ``loads`` for strings.

Each format has one reader that turns its input into a block stream (:mod:`.blocks`); the
segmenter (:mod:`.segment`) turns blocks into a :class:`~treatydiff.model.Draft` the same way for
every format. Akoma Ntoso carries its structure already, so its reader builds the draft itself.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import IO, Final

import attrs

from treatydiff.exceptions import (
    DraftNotFoundError,
    EmptyDraftError,
    EncodingError,
    FileAccessError,
    InputTooLargeError,
    UnsupportedFormatError,
)
from treatydiff.load.blocks import Block, Extraction
from treatydiff.load.segment import segment
from treatydiff.load.text import read_text
from treatydiff.model import Draft

__all__ = ["FORMATS", "MAX_INPUT_BYTES", "Block", "Extraction", "load", "loads"]

#: The largest input accepted, in bytes. Real drafts are well under 10 MB; the limit keeps a
#: wrong file (a video, a disk image) from exhausting memory.
MAX_INPUT_BYTES: Final = 64 * 1024 * 1024

#: Format names accepted by ``format=``, and the file suffixes that select each.
FORMATS: Final = {
    "text": (".txt", ".text"),
    "markdown": (".md", ".markdown"),
    "html": (".html", ".htm", ".xhtml"),
    "docx": (".docx",),
    "akn": (".xml", ".akn"),
    "pdf": (".pdf",),
}

Source = str | os.PathLike[str] | bytes | IO[bytes] | IO[str]


def load(
    source: Source,
    *,
    label: str | None = None,
    format: str | None = None,
    encoding: str | None = None,
) -> Draft:
    """Load a draft from a path, bytes, or an open file.

    The format comes from *format* (one of :data:`FORMATS`), else from the file's suffix, else
    from its content. *label* names the draft in reports (default: the document symbol found in
    the text, else the file name). *encoding* overrides the guess for text formats.
    """
    name, data = _read_source(source)
    if not data.strip():
        raise EmptyDraftError("the input is empty; check that this is the right file", source=name)
    fmt = _choose_format(format, name, data)
    default_label = Path(name).stem if not name.startswith("<") else "draft"
    draft = _READERS[fmt](data, name, encoding)
    return _labelled(draft, label, default_label)


def loads(text: str, *, label: str | None = None, format: str | None = None) -> Draft:
    """Load a draft from a string (plain text, Markdown, HTML or Akoma Ntoso XML)."""
    if not isinstance(text, str):
        raise TypeError(f"loads() takes a str, not {type(text).__name__}; use load() for bytes")
    data = text.encode("utf-8")
    fmt = _choose_format(format, "<string>", data)
    if fmt in ("docx", "pdf"):
        raise UnsupportedFormatError(
            f"format {fmt!r} is binary; pass the file or its bytes to treatydiff.load()",
            source="<string>",
        )
    return _labelled(_READERS[fmt](data, "<string>", "utf-8"), label, "draft")


def _labelled(draft: Draft, label: str | None, default: str) -> Draft:
    return attrs.evolve(draft, label=label or draft.symbol or default)


def _read_source(source: Source) -> tuple[str, bytes]:
    if isinstance(source, bytes | bytearray | memoryview):
        return "<bytes>", _checked_size(bytes(source), "<bytes>")
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise DraftNotFoundError("no such file; check the path", source=str(path)) from None
        except OSError as error:
            raise FileAccessError(
                f"cannot read the file ({error.strerror})", source=str(path)
            ) from None
        if size > MAX_INPUT_BYTES:
            raise InputTooLargeError(
                f"the file has {size:,} bytes, over the limit of {MAX_INPUT_BYTES:,}; "
                "split it or check that it is a draft",
                source=str(path),
            )
        try:
            return str(path), path.read_bytes()
        except OSError as error:  # a folder, no permission, a device error
            reason = error.strerror or type(error).__name__
            raise FileAccessError(
                f"cannot read the file ({reason}); give the path of a draft file", source=str(path)
            ) from None
    if hasattr(source, "read"):
        name = str(getattr(source, "name", "<file>"))
        content = source.read(MAX_INPUT_BYTES + 1)
        data = content.encode("utf-8") if isinstance(content, str) else bytes(content)
        return name, _checked_size(data, name)
    raise TypeError(
        f"load() takes a path, bytes or a binary file, not {type(source).__name__}; "
        "use loads() for a string of text"
    )


def _checked_size(data: bytes, name: str) -> bytes:
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLargeError(
            f"the input exceeds the limit of {MAX_INPUT_BYTES:,} bytes", source=name
        )
    return data


def _choose_format(format: str | None, name: str, data: bytes) -> str:
    if format is not None:
        fmt = "markdown" if format == "md" else format
        if fmt not in FORMATS:
            raise UnsupportedFormatError(
                f"unknown format {format!r}; use one of {', '.join(FORMATS)}", source=name
            )
        return fmt
    suffix = Path(name).suffix.lower() if not name.startswith("<") else ""
    for fmt, suffixes in FORMATS.items():
        if suffix in suffixes:
            return fmt
    return sniff_format(data, name)


def sniff_format(data: bytes, name: str = "<bytes>") -> str:
    """Tell the format from the first bytes: PDF, DOCX (a zip), XML, HTML, else text."""
    if not data.strip():
        raise EmptyDraftError("the input is empty; check that this is the right file", source=name)
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"<!doctype html") or b"<html" in head:
        return "html"
    if head.startswith(b"<?xml") or head.startswith(b"<akomantoso") or b"<akomantoso" in head:
        return "akn"
    return "text"


def decode_text(data: bytes, name: str, encoding: str | None) -> str:
    """Decode *data*: the given encoding, else by byte-order mark, UTF-8, then Windows-1252."""
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise EncodingError(f"unknown encoding {encoding!r}", source=name) from None
        except UnicodeDecodeError as error:
            raise _encoding_error(error, data, name, encoding) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_or_fail(data, name, "utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_or_fail(data, name, "utf-8-sig")
    _reject_binary(data, name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise _encoding_error(error, data, name, "UTF-8 or Windows-1252") from None


def _decode_or_fail(data: bytes, name: str, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise _encoding_error(error, data, name, encoding) from None


def _encoding_error(error: UnicodeDecodeError, data: bytes, name: str, tried: str) -> EncodingError:
    line = data[: error.start].count(b"\n") + 1
    return EncodingError(
        f"byte {data[error.start]:#04x} cannot be decoded as {tried}; pass encoding=... "
        "(for example 'latin-1' or 'utf-16') or save the file as UTF-8",
        source=name,
        where=f"line {line}",
    )


def _reject_binary(data: bytes, name: str) -> None:
    sample = data[:8192]
    if b"\x00" in sample or sum(b < 9 or 13 < b < 32 for b in sample) > len(sample) // 20:
        offset = sample.find(b"\x00")
        where = f"byte {offset}" if offset >= 0 else "the first 8 KB"
        raise EncodingError(
            "this looks like a binary file, not text; treatydiff reads text, Markdown, HTML, "
            "Word (.docx), Akoma Ntoso XML and PDF (with the 'pdf' extra)",
            source=name,
            where=where,
        )


def _from_text(data: bytes, name: str, encoding: str | None, fmt: str = "text") -> Draft:
    text = decode_text(data, name, encoding)
    return segment(read_text(text, source=name), label="", source=name, fmt=fmt)


def _from_markdown(data: bytes, name: str, encoding: str | None) -> Draft:
    return _from_text(data, name, encoding, "markdown")


def _from_html(data: bytes, name: str, encoding: str | None) -> Draft:
    from treatydiff.load.html import read_html

    return segment(
        read_html(data, source=name, encoding=encoding), label="", source=name, fmt="html"
    )


def _from_docx(data: bytes, name: str, encoding: str | None) -> Draft:
    from treatydiff.load.docx import read_docx

    return segment(read_docx(data, source=name), label="", source=name, fmt="docx")


def _from_akn(data: bytes, name: str, encoding: str | None) -> Draft:
    from treatydiff.load.akn import read_akn

    return read_akn(data, source=name)


def _from_pdf(data: bytes, name: str, encoding: str | None) -> Draft:
    from treatydiff.load.pdf import pdf_text

    text = pdf_text(data, source=name)
    return segment(read_text(text, source=name), label="", source=name, fmt="pdf")


_READERS: dict[str, Callable[[bytes, str, str | None], Draft]] = {
    "text": _from_text,
    "markdown": _from_markdown,
    "html": _from_html,
    "docx": _from_docx,
    "akn": _from_akn,
    "pdf": _from_pdf,
}
