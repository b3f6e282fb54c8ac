"""Word (.docx): paragraphs, heading styles, automatic numbering, footnotes and tracked changes.

A .docx file is a zip archive of XML parts. The reader opens it with :mod:`zipfile` (within
limits, against zip bombs), parses each part with a parser that loads no DTD and expands no
entity (:mod:`.xmlsafe`), and turns every ``w:p`` of the body into one :class:`~.blocks.Block`:

- the text of its runs, with tracked insertions kept and tracked deletions, moved-away text and
  field instructions listed in ``removed`` instead;
- ``role="heading"`` when its style (or a style it is based on) is ``heading N`` or ``Title``;
- ``number`` set to the label Word would display for automatic numbering (``Article 7``,
  ``1.``, ``(a)``), which is never in the text itself;
- the footnotes and endnotes it cites, numbered 1, 2, 3 in order of citation.

A paragraph without text, or one that is page furniture (a masthead typed into the body), gives
no block; the notes it cites go to the block before it, so that none is lost.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import Final

import attrs
from lxml import etree

from treatydiff.exceptions import DraftFormatError, InputTooLargeError
from treatydiff.load.blocks import Block, BlockCollector, BlockRole, Extraction
from treatydiff.load.numbers import int_to_letters, int_to_roman
from treatydiff.load.patterns import layout
from treatydiff.load.xmlsafe import parse_untrusted
from treatydiff.model import Footnote, Removed, SourceRef

__all__ = ["MAX_MEMBERS", "MAX_UNPACKED_BYTES", "read_docx"]

#: The most members an archive may hold. A real .docx has a few dozen.
MAX_MEMBERS: Final = 2_000
#: The most bytes all members may take once unpacked, as the archive declares them.
MAX_UNPACKED_BYTES: Final = 200 * 1024 * 1024

_NS: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STRICT_NS: Final = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_MC_FALLBACK: Final = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_DOCUMENT: Final = "word/document.xml"
_RESAVE: Final = "open it in Word and save it again as 'Word Document (*.docx)'"


def _w(name: str) -> str:
    return f"{{{_NS}}}{name}"


_P, _T, _TR = _w("p"), _w("t"), _w("tr")
_DELETIONS: Final = {_w("del"): "tracked-deletion", _w("moveFrom"): "tracked-move"}
_SPACES: Final = frozenset(map(_w, ("tab", "ptab", "br", "cr")))
# Elements that hold no displayed text of their own (properties), or text Word does not show in
# the paragraph's flow (a Fallback repeats its Choice; a text box is read separately).
_NO_TEXT: Final = frozenset(
    [*map(_w, ("pPr", "rPr", "sdtPr", "sdtEndPr", "sym", "softHyphen")), _MC_FALLBACK]
)
_ON: Final = frozenset({"1", "true", "on"})
_ZIP_ERRORS: Final = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,  # an encrypted member
)


def read_docx(data: bytes, *, source: str) -> Extraction:
    """Read a Word document into blocks; *source* names it in error messages."""
    package = _Package.open(data, source)
    document = package.xml(_DOCUMENT)
    if document is None:
        raise DraftFormatError(
            f"the archive has no {_DOCUMENT}, so it is not a Word document; {_RESAVE}",
            source=source,
            where=_DOCUMENT,
        )
    body = _body(document, source)
    reader = _Reader(
        styles=_Styles.from_part(package.xml("word/styles.xml")),
        numbering=_Numbering.from_part(package.xml("word/numbering.xml")),
        notes={
            "footnote": _Notes.from_part(package.xml("word/footnotes.xml"), "word/footnotes.xml"),
            "endnote": _Notes.from_part(package.xml("word/endnotes.xml"), "word/endnotes.xml"),
        },
    )
    reader.walk(body, f"{_DOCUMENT}/w:body")
    uncited = [note for kind in ("footnote", "endnote") for note in reader.uncited(kind)]
    symbol = reader.symbol or _header_symbol(package)
    return Extraction(
        tuple(reader.blocks), tuple(reader.removed), (*reader.stray_notes, *uncited), symbol
    )


def _body(document: etree._Element, source: str) -> etree._Element:
    if document.tag == f"{{{_STRICT_NS}}}document":
        raise DraftFormatError(
            f"the file is saved as 'Strict Open XML', which treatydiff does not read; {_RESAVE}",
            source=source,
            where=_DOCUMENT,
        )
    body = document.find(_w("body"))
    if document.tag != _w("document") or body is None:
        raise DraftFormatError(
            f"{_DOCUMENT} holds no WordprocessingML body (its root is {document.tag!r}); {_RESAVE}",
            source=source,
            where=_DOCUMENT,
        )
    return body


# --- the archive --------------------------------------------------------------------------


@attrs.frozen
class _Package:
    """The zip archive, checked against the limits, with parts found by case-insensitive name."""

    archive: zipfile.ZipFile
    members: dict[str, zipfile.ZipInfo]
    source: str

    @classmethod
    def open(cls, data: bytes, source: str) -> _Package:
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            infos = archive.infolist()
        except _ZIP_ERRORS as error:
            raise DraftFormatError(
                f"this is not a readable .docx (zip) file ({error}); if it is an old .doc or a "
                f"damaged file, {_RESAVE}",
                source=source,
            ) from None
        if len(infos) > MAX_MEMBERS:
            raise InputTooLargeError(
                f"the archive has {len(infos):,} members, over the limit of {MAX_MEMBERS:,}; "
                "a Word document has a few dozen, so check that this is the right file",
                source=source,
            )
        unpacked = sum(info.file_size for info in infos)
        if unpacked > MAX_UNPACKED_BYTES:
            raise InputTooLargeError(
                f"the archive would unpack to {unpacked:,} bytes, over the limit of "
                f"{MAX_UNPACKED_BYTES:,}; check that this is the right file",
                source=source,
            )
        return cls(archive, {info.filename.lower(): info for info in infos}, source)

    def names(self) -> list[str]:
        return sorted(self.members)

    def xml(self, part: str) -> etree._Element | None:
        """The parsed part, or ``None`` when the archive lacks it."""
        info = self.members.get(part.lower())
        if info is None:
            return None
        # Only Word's own methods: bzip2 and lzma members would decompress in one unbounded step.
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise DraftFormatError(
                f"the part uses an unusual compression method ({info.compress_type}); {_RESAVE}",
                source=self.source,
                where=part,
            )
        try:
            with self.archive.open(info) as member:
                data = member.read(info.file_size + 1)
        except _ZIP_ERRORS as error:
            raise DraftFormatError(
                f"the part cannot be unpacked ({error}); the file is damaged, {_RESAVE}",
                source=self.source,
                where=part,
            ) from None
        return parse_untrusted(data, source=self.source, part=part, remedy=_RESAVE)


def _header_symbol(package: _Package) -> str | None:
    """The document symbol, which UN documents print in the page header (A/AC.291/22)."""
    for name in package.names():
        if not re.fullmatch(r"word/header\d*\.xml", name):
            continue
        header = package.xml(name)
        for paragraph in header.iter(_P) if header is not None else ():
            text = _Runs(paragraph, name).text
            if layout().furniture_kind(text) == "symbol":
                return text
    return None


# --- styles -------------------------------------------------------------------------------


@attrs.frozen
class _Style:
    name: str
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None


@attrs.frozen
class _Styles:
    """Paragraph styles by id: their names, what they are based on, and their numbering."""

    by_id: dict[str, _Style]
    default: str | None = None

    @classmethod
    def from_part(cls, root: etree._Element | None) -> _Styles:
        if root is None:
            return cls({})
        by_id: dict[str, _Style] = {}
        default = None
        for style in root.iterchildren(_w("style")):
            style_id = style.get(_w("styleId"))
            if style_id is None or style.get(_w("type"), "paragraph") != "paragraph":
                continue
            numpr = style.find(f"{_w('pPr')}/{_w('numPr')}")
            by_id[style_id] = _Style(
                name=_val(style, "name") or style_id,
                based_on=_val(style, "basedOn"),
                num_id=_val(numpr, "numId"),
                ilvl=_level_index(_val(numpr, "ilvl")),
            )
            if style.get(_w("default")) in _ON:
                default = style_id
        return cls(by_id, default)

    def chain(self, style_id: str | None) -> list[tuple[str, _Style]]:
        """The style and the styles it is based on, nearest first (cycles cut)."""
        found: list[tuple[str, _Style]] = []
        while style_id is not None and style_id in self.by_id:
            if any(style_id == seen for seen, _ in found):
                break
            found.append((style_id, self.by_id[style_id]))
            style_id = self.by_id[style_id].based_on
        return found

    def names(self, style_id: str | None) -> list[str]:
        """Style names along the basedOn chain; the bare id when styles.xml lacks the style."""
        names = [style.name.strip().lower() for _, style in self.chain(style_id)]
        return names or ([style_id.lower()] if style_id else [])

    def heading_level(self, style_id: str | None) -> int:
        """N for a ``heading N`` style, 1 for ``Title``, 0 for anything else."""
        for name in self.names(style_id):
            if name == "title":
                return 1
            match = re.fullmatch(r"heading\s*([1-9])", name)
            if match:
                return int(match[1])
        return 0

    def is_contents(self, style_id: str | None) -> bool:
        """True for the styles of a table of contents, which repeats the headings."""
        return any(re.fullmatch(r"toc\s*(\d|heading)", name) for name in self.names(style_id))

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None, str | None]:
        """The numId and level a style gives its paragraphs, and the style that sets them."""
        for found_id, style in self.chain(style_id):
            if style.num_id is not None:
                return style.num_id, style.ilvl, found_id
        return None, None, None


# --- automatic numbering ------------------------------------------------------------------


@attrs.frozen
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: restart after this 1-based level (0: never)
    style: str | None = None  # w:pStyle: the paragraph style this level belongs to
    legal: bool = False  # w:isLgl: show every level in decimal


@attrs.frozen
class _Num:
    levels: dict[int, _Level]
    counter: str  # which counter the num advances


@attrs.define
class _Numbering:
    """numbering.xml resolved to levels per numId, and the counters Word keeps while it reads."""

    nums: dict[str, _Num]
    counters: dict[str, list[int | None]] = attrs.Factory(dict)

    @classmethod
    def from_part(cls, root: etree._Element | None) -> _Numbering:
        if root is None:
            return cls({})
        abstracts = {
            abstract.get(_w("abstractNumId"), ""): dict(
                map(_level, abstract.iterchildren(_w("lvl")))
            )
            for abstract in root.iterchildren(_w("abstractNum"))
        }
        nums: dict[str, _Num] = {}
        for num in root.iterchildren(_w("num")):
            abstract_id = _val(num, "abstractNumId") or ""
            levels = dict(abstracts.get(abstract_id, {}))
            overrides = list(num.iterchildren(_w("lvlOverride")))
            for override in overrides:
                ilvl = _level_index(override.get(_w("ilvl"))) or 0
                redefined = override.find(_w("lvl"))
                if redefined is not None:
                    levels[ilvl] = _level(redefined)[1]
                start = _val(override, "startOverride")
                if start is not None:
                    levels[ilvl] = attrs.evolve(levels.get(ilvl, _Level()), start=_bounded(start))
            # Nums of one abstractNum share a counter; one with overrides is a list of its own.
            counter = f"num {num.get(_w('numId'))}" if overrides else f"abstract {abstract_id}"
            nums[num.get(_w("numId"), "")] = _Num(levels, counter)
        return cls(nums)

    def label(self, num_id: str, ilvl: int | None, style_id: str | None) -> str:
        """Advance the list's counter and return the label Word shows (``""`` for bullets)."""
        num = self.nums.get(num_id)
        if num is None:
            return ""
        if ilvl is None:
            # A style's numPr may give only the list; the level is the one linked to the style.
            linked = (i for i, lvl in sorted(num.levels.items()) if lvl.style == style_id)
            ilvl = next(linked, 0)
        level = num.levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(num.counter, [None] * 9)
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            restart = num.levels.get(deeper, _Level()).restart
            if restart is None or restart > deeper:
                restart = deeper  # the default: restart after any shallower level
            if ilvl < restart:
                counters[deeper] = None
        if level.fmt in ("bullet", "none"):
            return ""
        return _render(level, num.levels, counters)


def _level(lvl: etree._Element) -> tuple[int, _Level]:
    return _level_index(lvl.get(_w("ilvl"))) or 0, _Level(
        start=_bounded(_val(lvl, "start") or "1"),
        fmt=_val(lvl, "numFmt") or "decimal",
        text=_val(lvl, "lvlText") or "",
        restart=_level_index(_val(lvl, "lvlRestart"), highest=9),
        style=_val(lvl, "pStyle"),
        legal=_on(lvl.find(_w("isLgl"))),
    )


def _render(level: _Level, levels: dict[int, _Level], counters: list[int | None]) -> str:
    """Fill ``%1``...``%9`` in the level text with each level's current value."""

    def value(match: re.Match[str]) -> str:
        index = int(match[1]) - 1
        shown = levels.get(index, _Level())
        count = counters[index]
        number = shown.start if count is None else count
        fmt = "decimal" if level.legal and shown.fmt not in ("bullet", "none") else shown.fmt
        return _format_number(number, fmt)

    return re.sub(r"%([1-9])", value, level.text).strip()


def _format_number(number: int, fmt: str) -> str:
    if fmt in ("bullet", "none"):
        return ""
    if fmt == "decimalZero":
        return f"{number:02d}"
    # Bounded, so that a hostile start value (up to 32,767) cannot make a label of 1,261 letters.
    if fmt in ("lowerLetter", "upperLetter") and 1 <= number <= 780:
        letters = int_to_letters(number, repeated=True)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman") and 1 <= number <= 3999:
        roman = int_to_roman(number)
        return roman.upper() if fmt == "upperRoman" else roman
    return str(number)  # decimal, and the formats treaties do not use


# --- footnotes and endnotes ---------------------------------------------------------------


@attrs.define
class _Notes:
    """The notes of one part by id, numbered in the order the body cites them."""

    part: str
    elements: dict[str, tuple[etree._Element, str]]
    cited: dict[str, Footnote] = attrs.Factory(dict)
    numbered: int = 0

    @classmethod
    def from_part(cls, root: etree._Element | None, part: str) -> _Notes:
        elements: dict[str, tuple[etree._Element, str]] = {}
        counts: dict[str, int] = {}
        for child in root.iterchildren("{*}*") if root is not None else ():
            step = _step(child, counts)
            # Separators are the rule Word draws above the notes, not notes.
            is_note = child.tag in (_w("footnote"), _w("endnote"))
            if is_note and child.get(_w("type"), "normal") == "normal":
                elements.setdefault(child.get(_w("id"), ""), (child, f"{part}/{step}"))
        return cls(part, elements)

    def cite(self, note_id: str, custom: str, removed: list[Removed]) -> Footnote | None:
        """The note with *note_id*, given the next number at its first citation."""
        if note_id in self.cited:
            return self.cited[note_id]
        if note_id not in self.elements:
            return None
        if not custom:
            self.numbered += 1  # a typed mark takes no number, as in Word
        note = self._footnote(note_id, custom or str(self.numbered), removed)
        self.cited[note_id] = note
        return note

    def uncited(self, removed: list[Removed]) -> Iterator[Footnote]:
        for note_id in self.elements:
            if note_id not in self.cited:
                yield self._footnote(note_id, note_id, removed)

    def _footnote(self, note_id: str, marker: str, removed: list[Removed]) -> Footnote:
        element, path = self.elements[note_id]
        texts = []
        for paragraph in element.iter(_P):
            runs = _Runs(paragraph, path)
            removed.extend(runs.removed)
            texts.append(runs.text)
        return Footnote(marker, " ".join(t for t in texts if t), SourceRef(path=path))


# --- the text of a paragraph --------------------------------------------------------------


@attrs.define
class _Citation:
    kind: str  # footnote or endnote
    note_id: str
    custom: str = ""  # a mark the author typed instead of the number


class _Runs:
    """The displayed text of one paragraph, what it leaves out, and the notes it cites."""

    def __init__(self, paragraph: etree._Element, path: str) -> None:
        self.path = path
        self.parts: list[str] = []
        self.removed: list[Removed] = []
        self.citations: list[_Citation] = []
        self._fields: list[list[str] | None] = []  # instructions of open fields
        self._custom_mark = False
        self._collect(paragraph)
        for field in self._fields:
            self._record_field(field)
        self.text = re.sub(r"\s+", " ", "".join(self.parts)).strip()

    def _collect(self, element: etree._Element) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _NO_TEXT or tag == _P:
                continue  # comments, properties, and nested paragraphs of a text box
            if tag in _DELETIONS:
                self._remove(_DELETIONS[tag], _inner_text(child, _T, _w("delText")))
            elif tag == _T:
                self._text(child.text or "")
            elif tag == _w("delText"):
                self._remove("tracked-deletion", child.text or "")
            elif tag in _SPACES:
                self.parts.append(" ")
            elif tag == _w("noBreakHyphen"):
                self.parts.append("-")
            elif tag in (_w("footnoteReference"), _w("endnoteReference")):
                self._cite(child)
            elif tag in (_w("instrText"), _w("fldChar")):
                self._field(child)
            elif tag == _w("fldSimple"):
                self._record_field([child.get(_w("instr"), "")])
                self._collect(child)
            elif tag == _w("txbxContent"):
                self._remove("text-box", _inner_text(child, _T, separator=" "))
            else:
                self._collect(child)

    def _text(self, text: str) -> None:
        if self._custom_mark and self.citations:
            # With customMarkFollows the run's text is the note's mark, not the paragraph's.
            self.citations[-1].custom += text
            self._custom_mark = False
            return
        self.parts.append(text)

    def _cite(self, reference: etree._Element) -> None:
        kind = "footnote" if reference.tag == _w("footnoteReference") else "endnote"
        self.citations.append(_Citation(kind, reference.get(_w("id"), "")))
        self._custom_mark = reference.get(_w("customMarkFollows")) in _ON

    def _field(self, element: etree._Element) -> None:
        """Collect a field's instructions (``PAGE``, ``REF _Ref123``) between begin and separate."""
        if element.tag == _w("instrText"):
            if self._fields and self._fields[-1] is not None:
                self._fields[-1].append(element.text or "")
            else:
                self._record_field([element.text or ""])
            return
        kind = element.get(_w("fldCharType"))
        if kind == "begin":
            self._fields.append([])
        elif kind == "separate" and self._fields:
            self._record_field(self._fields[-1])
            self._fields[-1] = None  # the field's result follows, and is displayed text
        elif kind == "end" and self._fields:
            self._record_field(self._fields.pop())

    def _record_field(self, instructions: list[str] | None) -> None:
        if instructions is not None:
            self._remove("field-code", "".join(instructions))

    def _remove(self, kind: str, text: str) -> None:
        text = re.sub(r"\s+", " ", text).strip()
        if text:
            self.removed.append(Removed(kind, text, SourceRef(path=self.path)))


# --- the body -----------------------------------------------------------------------------


@attrs.define
class _Reader(BlockCollector):
    """Walks the body in document order, turning paragraphs into blocks."""

    styles: _Styles
    numbering: _Numbering
    notes: dict[str, _Notes]
    blocks: list[Block] = attrs.Factory(list)
    removed: list[Removed] = attrs.Factory(list)
    stray_notes: list[Footnote] = attrs.Factory(list)  # cited before the first block
    symbol: str | None = None

    def walk(self, element: etree._Element, path: str) -> None:
        """Add blocks for the paragraphs under *element* (tables, content controls included)."""
        counts: dict[str, int] = {}
        for child in element:
            if not isinstance(child.tag, str) or child.tag in _NO_TEXT:
                continue
            child_path = f"{path}/{_step(child, counts)}"
            if child.tag == _P:
                self._paragraph(child, child_path)
            elif child.tag == _TR:
                self._row(child, child_path)
            else:
                self.walk(child, child_path)

    def uncited(self, kind: str) -> Iterator[Footnote]:
        return self.notes[kind].uncited(self.removed)

    def _paragraph(self, paragraph: etree._Element, path: str) -> None:
        runs = _Runs(paragraph, path)
        self.removed.extend(runs.removed)
        style_id = _val(paragraph.find(_w("pPr")), "pStyle") or self.styles.default
        number = self._number(paragraph, style_id)
        footnotes = self._footnotes(runs.citations)
        block = self._block(runs.text, style_id, number, footnotes, SourceRef(path=path))
        if block is not None:
            self.blocks.append(block)
        else:
            # Word numbered the notes all the same; losing them would lose their text.
            self._attach_to_previous(footnotes)

    def _block(
        self,
        text: str,
        style_id: str | None,
        number: str,
        footnotes: tuple[Footnote, ...],
        source: SourceRef,
    ) -> Block | None:
        """The paragraph's block, or ``None`` for an empty paragraph or one listed as removed."""
        if not text and not number:
            return None
        if self.styles.is_contents(style_id):
            self.removed.append(Removed("table-of-contents", text, source))
            return None
        level = self.styles.heading_level(style_id)
        if not level and not number and self._is_furniture(text, source):
            return None
        role: BlockRole = "heading" if level else "paragraph"
        return Block(text, source, role, level, number, footnotes)

    def _number(self, paragraph: etree._Element, style_id: str | None) -> str:
        """The automatic number of the paragraph, from its own numPr or its style's."""
        num_id, ilvl, numbered_style = self.styles.numbering(style_id)
        own = paragraph.find(f"{_w('pPr')}/{_w('numPr')}")
        if own is not None:
            num_id = _val(own, "numId") or num_id
            ilvl = _level_index(_val(own, "ilvl"), default=ilvl)
        if num_id is None or num_id == "0":  # numId 0 switches inherited numbering off
            return ""
        return self.numbering.label(num_id, ilvl, numbered_style)

    def _footnotes(self, citations: list[_Citation]) -> tuple[Footnote, ...]:
        notes = (
            self.notes[c.kind].cite(c.note_id, c.custom.strip(), self.removed) for c in citations
        )
        return tuple(note for note in notes if note is not None)

    def _row(self, row: etree._Element, path: str) -> None:
        """A table row: its cells' blocks in order, or one block when it lays out a point.

        Drafts set out points as a two-column table, "(a)" in the first cell and the text in the
        second; read that as the single block "(a) text".
        """
        # Merged in place once the row is read: an empty paragraph in the second cell may have
        # attached its notes to the label's block meanwhile.
        starts: list[int] = []
        for cell, step in _cells(row):
            starts.append(len(self.blocks))
            self.walk(cell, f"{path}/{step}")
        if len(starts) < 2:
            return
        label_at, text_at = starts[:2]
        text_end = starts[2] if len(starts) > 2 else len(self.blocks)
        if text_at - label_at == 1 and text_end > text_at and _is_label(self.blocks[label_at].line):
            label, first = self.blocks[label_at], self.blocks[text_at]
            merged = Block(
                f"{label.line} {first.line}",
                label.source,
                footnotes=label.footnotes + first.footnotes,
            )
            self.blocks[label_at : text_at + 1] = [merged]


def _cells(row: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """Each cell of a row (a bare ``w:tc``, or the control around it) and its path step."""
    counts: dict[str, int] = {}
    for child in row:
        if isinstance(child.tag, str) and child.tag not in (_w("trPr"), _w("tblPrEx")):
            yield child, _step(child, counts)


def _is_label(line: str) -> bool:
    marker = layout().marker(line + " ")
    return marker is not None and not marker.text.strip()


# --- small helpers ------------------------------------------------------------------------


def _step(element: etree._Element, counts: dict[str, int]) -> str:
    """One step of a readable element path, ``w:p[12]``, counting same-named siblings."""
    qname = etree.QName(element)
    prefix = "w" if qname.namespace == _NS else element.prefix
    name = f"{prefix}:{qname.localname}" if prefix else qname.localname
    counts[name] = counts.get(name, 0) + 1
    return f"{name}[{counts[name]}]"


def _inner_text(element: etree._Element, *tags: str, separator: str = "") -> str:
    return separator.join(found.text or "" for found in element.iter(*tags))


def _val(element: etree._Element | None, child: str) -> str | None:
    """The ``w:val`` of the child named *child*, the way Word stores most properties."""
    found = element.find(_w(child)) if element is not None else None
    return found.get(_w("val")) if found is not None else None


def _on(element: etree._Element | None) -> bool:
    return element is not None and element.get(_w("val"), "1") in _ON


def _bounded(value: str) -> int:
    """An integer property kept to Word's own range, so a hostile file cannot blow up labels."""
    try:
        return min(max(int(value), 0), 32_767)
    except ValueError:
        return 1


def _level_index(value: str | None, *, highest: int = 8, default: int | None = None) -> int | None:
    try:
        return min(max(int(value), 0), highest) if value is not None else default
    except ValueError:
        return default
