"""Fuzzing every loader: damaged inputs give a TreatydiffError with a clear message, never
another exception and never a hang. The runs are bounded here (the 'ci' Hypothesis profile);
for a long run: ``TREATYDIFF_HYPOTHESIS=long python -m pytest tests/test_fuzz.py``."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import treatydiff as td

SOURCES = {
    path.suffix: path.read_bytes()
    for path in sorted((FIXTURES / "series").glob("02-rev1.*"))
    if path.suffix in {".txt", ".md", ".html", ".docx", ".xml", ".pdf"}
}
FORMATS = {
    ".txt": "text",
    ".md": "markdown",
    ".html": "html",
    ".docx": "docx",
    ".xml": "akn",
    ".pdf": "pdf",
}
#: The most one load may take on a damaged input before the test calls it a hang.
SECONDS = 20


@contextlib.contextmanager
def deadline(seconds: int = SECONDS) -> Iterator[None]:
    """Fail the test if the block runs longer than *seconds* (a hang, not a slow load)."""

    def hang(signum: int, frame: object) -> None:
        raise AssertionError(f"loading took more than {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, hang)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def load_or_fail_cleanly(data: bytes, fmt: str | None) -> None:
    """Load *data*; a failure must be a TreatydiffError whose message names the input."""
    with deadline():
        try:
            td.load(data, format=fmt)
        except td.TreatydiffError as error:
            assert str(error).startswith("<bytes>"), str(error)
            assert len(str(error)) > len("<bytes>: ") + 10


@st.composite
def damaged(draw: st.DrawFn) -> tuple[bytes, str]:
    """A fixture file in some format, truncated, with bytes flipped, or with slices replaced."""
    suffix = draw(st.sampled_from(sorted(SOURCES)))
    data = bytearray(SOURCES[suffix])
    how = draw(st.sampled_from(["truncate", "flip", "splice"]))
    if how == "truncate":
        data = data[: draw(st.integers(0, len(data)))]
    elif how == "flip":
        for _ in range(draw(st.integers(1, 20))):
            at = draw(st.integers(0, len(data) - 1))
            data[at] = draw(st.integers(0, 255))
    else:
        start = draw(st.integers(0, len(data)))
        data[start : start + draw(st.integers(0, 200))] = draw(st.binary(max_size=64))
    return bytes(data), FORMATS[suffix]


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
@given(damaged(), st.booleans())
def test_damaged_files_raise_only_treatydiff_errors(case: tuple[bytes, str], sniff: bool) -> None:
    """Truncated, flipped and spliced files of every format load or fail with a TreatydiffError."""
    data, fmt = case
    load_or_fail_cleanly(data, None if sniff else fmt)


@given(st.binary(max_size=4096), st.sampled_from([None, *FORMATS.values()]))
def test_random_bytes_raise_only_treatydiff_errors(data: bytes, fmt: str | None) -> None:
    """Random bytes, read as any format or sniffed, load or fail with a TreatydiffError."""
    load_or_fail_cleanly(data, fmt)


@pytest.mark.parametrize("ending", ["\r\n", "\r", "mixed"])
def test_line_endings_do_not_change_the_structure(ending: str) -> None:
    """Windows, old Mac and mixed line endings load to the same draft as Unix ones."""
    text = SOURCES[".txt"].decode("utf-8")
    lines = text.split("\n")
    if ending == "mixed":
        variant = "".join(line + ("\r\n", "\r", "\n")[i % 3] for i, line in enumerate(lines))
    else:
        variant = ending.join(lines)
    original, changed = td.loads(text), td.loads(variant)
    assert [p.text for p in changed] == [p.text for p in original]
    assert changed.outline()["articles"] == original.outline()["articles"]


def test_wrong_encoding_is_reported_or_read() -> None:
    """A UTF-16 file without a byte-order mark is refused as binary, not misread silently."""
    data = SOURCES[".txt"].decode("utf-8").encode("utf-16-le")
    with pytest.raises(td.EncodingError, match="binary"):
        td.load(data, format="text")


def test_huge_and_deep_xml_are_refused(tmp_path: Path) -> None:
    """Deeply nested Akoma Ntoso and entity bombs are refused with InputTooLargeError or
    DraftFormatError, quickly."""
    deep = b"<akomaNtoso>" + b"<x>" * 100_000 + b"</x>" * 100_000 + b"</akomaNtoso>"
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b"<akomaNtoso>&lol2;</akomaNtoso>"
    )
    with deadline(10):
        with pytest.raises(td.DraftFormatError):
            td.load(deep, format="akn")
        with pytest.raises(td.DraftFormatError, match="DOCTYPE"):
            td.load(bomb, format="akn")
