"""HTML: a draft saved from a web page, exported by Word, or converted by pandoc.

The reader walks the body in document order and makes one block per block-level element that
holds text; inline markup (``<b>``, ``<span>``, links) is dropped and its words kept. Three things
need more than that:

* footnotes: a reference (pandoc's ``<a class="footnote-ref">``, Word's ``<a href="#_ftn1">``,
  EUR-Lex's ``(1)`` pointing at a ``<p class="oj-note">``, or any link to an element that opens
  with a link back to it) is taken out of the text and the note it points to is attached to the
  citing block; the notes' own text never becomes a block;
* numbers the browser generates: an ``<ol>`` item gets its number (``1.``, ``(a)``, ``(i)``) in
  :attr:`Block.number`, because the segmenter needs it to place the item;
* layout tables: a EUR-Lex row whose first cell holds only a point label is one block, ``(a) ...``.

Scripts, styles, the ``<head>`` and navigation never become blocks, nor does a paragraph that is
page furniture as a whole (a UN masthead's symbol, "Distr.: General", job number); what they held
is listed in :attr:`Extraction.removed`, so that every word of the input is accounted for.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any, Final

import attrs
from lxml import etree

from treatydiff.exceptions import (
    DraftFormatError,
    EmptyDraftError,
    EncodingError,
    InputTooLargeError,
    TreatydiffError,
)
from treatydiff.load import decode_text
from treatydiff.load.blocks import Block, BlockCollector, BlockRole, Extraction
from treatydiff.load.numbers import int_to_letters, int_to_roman
from treatydiff.load.patterns import layout
from treatydiff.model import Footnote, Removed, SourceRef

__all__ = ["read_html"]

_Element = etree._Element

#: Elements that hold code or page chrome, never treaty text, and the kind each is removed as.
_DROPPED: Final = {
    "script": "html-script",
    "style": "html-style",
    "template": "html-template",
    "noscript": "html-noscript",
    "nav": "html-navigation",
}

#: Elements that end the block before them and start their own; every other element is inline.
_BLOCKS: Final = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu "
    "ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
_HEADING_LEVELS: Final = {f"h{level}": level for level in range(1, 7)}

#: Labels of an indent in a EUR-Lex table, besides the provision markers of ``layout.toml``.
_BULLETS: Final = frozenset("—–-•")
#: What a back-link to the reference shows: an arrow, sometimes with a variation selector.
_ARROWS: Final = "↩↑⤴^\ufe0e\ufe0f"
_WORD_NOTE_ID: Final = re.compile(r"_?(?:ftn|edn)\d+")
_META_CHARSET: Final = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_END_TAGS: Final = re.compile(r"</\s*(?:body|html)\s*>", re.I)
_BOMS: Final = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def read_html(data: bytes, *, source: str, encoding: str | None) -> Extraction:
    """Turn an HTML draft into blocks, listing what was left out (scripts, head, navigation).

    *encoding* overrides the page's ``<meta charset>``; a byte-order mark overrides both.
    """
    text = _decode(data, source, encoding)
    if not text.strip():
        raise EmptyDraftError(
            "the HTML file is empty; check that this is the right file",
            source=source,
            where="line 1",
        )
    root = _parse(text, source)
    try:
        reader = _Reader(root)
        reader.read()
    except RecursionError:
        # libxml2 caps nesting at 256 levels today; this guards against a version that does not.
        raise InputTooLargeError(
            "the HTML is nested too deeply to read; simplify the markup or save it again",
            source=source,
            where="element /html/body",
        ) from None
    if not reader.blocks:
        raise EmptyDraftError(
            _empty_message(reader.removed), source=source, where=reader.body_where
        )
    return Extraction(
        tuple(reader.blocks),
        tuple(reader.removed),
        tuple(reader.uncited() + reader.stray_notes),
        reader.symbol,
    )


def _decode(data: bytes, source: str, encoding: str | None) -> str:
    """A byte-order mark cannot lie, so it wins; then the caller, the page's charset, a guess."""
    try:
        if data.startswith(_BOMS):
            text = decode_text(data, source, None)
        elif encoding:
            text = decode_text(data, source, encoding)
        else:
            text = _declared(data) or decode_text(data, source, None)
    except TreatydiffError:
        raise
    except ValueError as error:  # codecs such as idna raise UnicodeError, not UnicodeDecodeError
        raise EncodingError(
            f"the bytes cannot be decoded as {encoding!r} ({error}); pass another encoding=...",
            source=source,
            where="line 1",
        ) from None
    return text.removeprefix("\ufeff")


def _declared(data: bytes) -> str | None:
    """The text decoded as the page's ``<meta charset>`` says, or ``None`` to guess instead."""
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    name = match[1].decode("ascii").lower()
    if name.startswith(("utf-16", "utf-32")):
        name = "utf-8"  # the HTML standard's rule: a declaration readable as ASCII is not UTF-16
    try:
        return data.decode(name)
    except (LookupError, ValueError):
        return None  # an unknown or wrong declaration is common; guessing does better than failing


def _parse(text: str, source: str) -> _Element:
    parser = etree.HTMLParser(
        encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True
    )
    try:
        # libxml2 drops whatever follows </body> or </html>, where a browser still shows it;
        # without those end tags it closes the elements at the end, keeping everything.
        # Re-encoded so that lxml ignores the page's own (possibly wrong) charset declaration;
        # "replace" covers lone surrogates that a codec such as unicode_escape can produce.
        root = etree.fromstring(_END_TAGS.sub("", text).encode("utf-8", "replace"), parser)
    except (etree.ParserError, etree.XMLSyntaxError) as error:
        line = getattr(error, "lineno", None) or 1
        raise DraftFormatError(
            f"the HTML cannot be parsed ({error}); open it in a browser and save it again",
            source=source,
            where=f"line {line}",
        ) from None
    _check_parse_finished(parser.error_log, source)
    if root is None:
        raise EmptyDraftError(
            "the HTML holds no elements or text (only comments or declarations); "
            "check that this is the right file",
            source=source,
            where="line 1",
        )
    return root


def _check_parse_finished(error_log: Any, source: str) -> None:
    """libxml2 recovers from bad markup, but a fatal error stops it: the rest would be lost."""
    for entry in error_log:
        if entry.level_name != "FATAL":
            continue
        if entry.type_name == "ERR_RESOURCE_LIMIT":  # nesting deeper than 256 elements
            raise InputTooLargeError(
                f"the HTML is nested too deeply to read ({entry.message}); "
                "simplify the markup or save the page again from a browser or a word processor",
                source=source,
                where=f"line {entry.line}",
            )
        raise DraftFormatError(
            f"the HTML parser stopped before the end ({entry.message}); "
            "open the file in a browser and save it again",
            source=source,
            where=f"line {entry.line}",
        )


@attrs.define
class _Run:
    """The inline text gathered for one block, and the footnotes it cites."""

    owner: _Element
    parts: list[str] = attrs.Factory(list)
    notes: list[Footnote] = attrs.Factory(list)

    def add(self, text: str | None) -> None:
        if text:
            self.parts.append(text)


@attrs.define
class _Note:
    """A footnote's own text, found before the walk so that references can point at it."""

    text: str
    marker: str  # the note's own label, used when no reference shows one
    source: SourceRef


@attrs.define
class _ListCounter:
    """The numbers an ``<ol>`` gives its items: ``type``, ``start`` and ``value`` honoured."""

    style: str
    next: int

    @classmethod
    def of(cls, element: _Element) -> _ListCounter | None:
        if _tag(element) != "ol":
            return None
        style = element.get("type") or "1"
        start = _integer(element.get("start"))
        return cls(
            style if style in ("1", "a", "A", "i", "I") else "1", 1 if start is None else start
        )

    def number(self, item: _Element) -> str:
        value = _integer(item.get("value"))
        current = self.next if value is None else value
        self.next = current + 1
        return _list_number(current, self.style)


class _Reader(BlockCollector):
    """One walk over one document; collects blocks, removed content and footnotes."""

    def __init__(self, root: _Element) -> None:
        self.root = root
        self.blocks: list[Block] = []
        self.removed: list[Removed] = []
        self.stray_notes: list[Footnote] = []  # cited before the first block, by one not kept
        self.symbol: str | None = None
        self._paths: dict[_Element, str] = {}
        self._number = ""  # an <ol> item's generated number, for the item's first block
        self._prefix = ""  # a table row's point label, for the first block of the next cell
        self._capturing = False
        bodies = _note_bodies(root)
        self._unread = set(bodies)  # notes are read on their own; their labels not at all
        self._anchors: dict[str, int] = {}
        for index, body in enumerate(bodies):
            for anchor in _anchors_in(body):
                self._anchors.setdefault(anchor, index)
        self._back_targets = _reference_anchors(root, self._anchors)
        self._notes = [self._read_note(body, index) for index, body in enumerate(bodies)]
        self._cited: set[int] = set()

    @property
    def body_where(self) -> str:
        body = self.root.find("body")
        return str(self._ref(body if body is not None else self.root))

    def read(self) -> None:
        head = self.root.find("head")
        if head is not None:
            for child in head:
                tag = _tag(child)
                if tag is not None:
                    self._drop(child, _DROPPED.get(tag, "html-head"))
        body = self.root.find("body")
        if body is not None:
            self._container(body)

    def uncited(self) -> list[Footnote]:
        return [
            Footnote(note.marker, note.text, note.source)
            for index, note in enumerate(self._notes)
            if index not in self._cited and note.text
        ]

    # The walk. A block element opens a run of its own; inline elements add to the open run.

    def _container(self, element: _Element) -> None:
        run = _Run(element)
        self._contents(element, run)
        self._flush(run)

    def _contents(self, element: _Element, run: _Run) -> None:
        counter = _ListCounter.of(element)
        run.add(element.text)
        for child in element:
            number = counter.number(child) if counter and _tag(child) == "li" else ""
            self._child(child, run, number)
            run.add(child.tail)

    def _child(self, child: _Element, run: _Run, number: str = "") -> None:
        tag = _tag(child)
        if tag is None or child in self._unread:
            return  # comments and the like; footnotes and their labels
        if tag in _DROPPED:
            self._drop(child, _DROPPED[tag])
        elif self._is_back_link(child):
            pass
        elif (index := self._reference(child)) is not None:
            if not self._capturing:  # a note citing a note: keep the marker out of its text
                run.notes.append(self._cite(index, child))
        elif tag == "br":
            run.add(" ")
        elif tag == "tr":
            self._flush(run)
            self._row(child)
        elif tag in _BLOCKS:
            self._flush(run)
            if number:  # an <ol> item: its first block takes the number, even a nested <p>
                self._number = number
            self._container(child)
            if number:
                self._number = ""  # an item without text: its number must not pass to the next
        else:
            self._contents(child, run)

    def _flush(self, run: _Run) -> None:
        text = _collapse("".join(run.parts))
        notes = tuple(run.notes)
        run.parts.clear()
        run.notes.clear()
        if not text:
            self._attach_to_previous(notes)
            return
        if self._prefix:
            text, self._prefix = f"{self._prefix} {text}", ""
        number, self._number = self._number, ""
        if number and layout().marker(text) is not None:
            number = ""  # the item prints its own marker; a generated one would double it
        level = _HEADING_LEVELS.get(_tag(run.owner) or "", 0)
        role: BlockRole = "heading" if level else "paragraph"
        source = self._ref(run.owner)
        # Markup that makes a block a heading or a list item says it is text, not furniture; a
        # note's own text is never furniture either ("A/AC.291/22" may be all a note says).
        if level or number or self._capturing or not self._is_furniture(text, source):
            self.blocks.append(Block(text, source, role, level, number, notes))
        else:
            self._attach_to_previous(notes)

    def _row(self, row: _Element) -> None:
        cells = [cell for cell in row if _tag(cell) in ("td", "th")]
        label = _point_label(cells)
        if not label:
            self._container(row)
            return
        self._prefix = label
        for cell in cells[1:]:
            self._container(cell)
        if self._prefix:  # the text cell held only dropped content; keep the label anyway
            self._prefix = ""
            self.blocks.append(Block(label, self._ref(cells[0])))

    def _drop(self, element: _Element, kind: str) -> None:
        text = _text_of(element)
        text = text.strip() if kind in ("html-script", "html-style") else _collapse(text)
        if text:
            self.removed.append(Removed(kind, text, self._ref(element)))

    def _ref(self, element: _Element) -> SourceRef:
        return SourceRef(path=self._path(element))

    def _path(self, element: _Element) -> str:
        """The element's XPath, as ``getpath`` writes it (``/html/body/div[2]/p``).

        Each parent's children are named in one pass and remembered: ``getpath`` counts the
        siblings again for every element, which grows with the square of a flat page's length.
        """
        unnamed = [element]
        while unnamed[-1] not in self._paths:
            parent = unnamed[-1].getparent()
            if parent is None:
                self._paths[unnamed[-1]] = f"/{unnamed[-1].tag}"
            else:
                unnamed.append(parent)
        for parent in reversed(unnamed[1:]):  # top down, so that each parent is named first
            self._name_children(parent)
        return self._paths[element]

    def _name_children(self, parent: _Element) -> None:
        base = self._paths[parent]
        children = [child for child in parent if isinstance(child.tag, str)]
        totals = Counter(child.tag for child in children)
        seen: Counter[str] = Counter()
        for child in children:
            tag = str(child.tag)
            seen[tag] += 1
            index = f"[{seen[tag]}]" if totals[tag] > 1 else ""
            self._paths[child] = f"{base}/{tag}{index}"

    # Footnotes.

    def _read_note(self, body: _Element, index: int) -> _Note:
        label = _leading_label(body, self._is_back_link)
        if label is not None:
            self._unread.add(label)
        saved, self.blocks, self._capturing = self.blocks, [], True
        self._container(body)
        captured, self.blocks, self._capturing = self.blocks, saved, False
        text = " ".join(block.line for block in captured)
        label_text = _clean_marker(_text_of(label)) if label is not None else ""
        marker = label_text or _id_marker(body) or str(index + 1)
        return _Note(text, marker, self._ref(body))

    def _reference(self, element: _Element) -> int | None:
        """The index of the note a link points at, when the link is a footnote reference."""
        target = _target(element) if _tag(element) == "a" else None
        return self._anchors.get(target) if target else None

    def _cite(self, index: int, reference: _Element) -> Footnote:
        self._cited.add(index)
        note = self._notes[index]
        marker = _clean_marker(_text_of(reference)) or note.marker
        return Footnote(marker, note.text, note.source)

    def _is_back_link(self, element: _Element) -> bool:
        """A link from a footnote back to its reference: pandoc's ``↩``, Word's ``[1]``."""
        if _tag(element) != "a":
            return False
        if {"footnote-back", "footnote-backref"} & _classes(element):
            return True
        if element.get("role") == "doc-backlink" or _target(element) in self._back_targets:
            return True
        text = _collapse(_text_of(element))
        return bool(text) and not text.strip(_ARROWS)


def _note_bodies(root: _Element) -> list[_Element]:
    """Footnote texts, outermost only: pandoc's list items, Word's ``ftn`` divisions, asides,
    EUR-Lex's ``oj-note`` paragraphs, and any element that a reference points at and that opens
    with a link back to that reference."""
    targets = {target for link in root.iter("a") if (target := _target(link))}
    linked = _linked_bodies(root)
    found: list[_Element] = []
    taken: set[_Element] = set()
    for element in root.iter():
        if _tag(element) is None:
            continue
        if element not in linked and not _is_note_body(element, targets):
            continue
        if not any(ancestor in taken for ancestor in element.iterancestors()):
            found.append(element)
            taken.add(element)
    return found


def _is_note_body(element: _Element, targets: set[str]) -> bool:
    """A note by its markup; *targets* are the ids and names that in-page links point at."""
    ident = element.get("id") or ""
    tag = _tag(element)
    classes = _classes(element)
    if element.get("role") in ("doc-footnote", "doc-endnote") or "oj-note" in classes:
        return True
    if tag == "li" and ident:
        return any(_is_notes_section(ancestor) for ancestor in element.iterancestors())
    if tag == "div" and _WORD_NOTE_ID.fullmatch(ident):
        return True
    if "note" in classes:
        # Older EUR-Lex pages; the class is too common elsewhere ("Note: ...") to be enough alone.
        opener = _opening_link(element)
        anchors = [ident, *((opener.get("id"), opener.get("name")) if opener is not None else ())]
        return any(anchor in targets for anchor in anchors if anchor)
    return bool(ident) and "footnote" in classes


def _linked_bodies(root: _Element) -> set[_Element]:
    """Notes known by their links alone: a reference ``<a id="r1" href="#n1">1</a>`` points at
    the note (or at a link inside it), and the note opens with ``<a href="#r1">1</a>``.

    Both links must show a marker, not words, and the note must come after its reference, so
    that a table of contents whose headings link back to it is not taken for notes.
    """
    elements: dict[str, _Element] = {}
    order: dict[_Element, int] = {}
    for position, element in enumerate(root.iter()):
        if _tag(element) is None:
            continue
        order[element] = position
        for value in (element.get("id"), element.get("name")):
            if value:
                elements.setdefault(value, element)
    found: set[_Element] = set()
    for reference in root.iter("a"):
        target = elements.get(_target(reference) or "")
        own = {value for value in (reference.get("id"), reference.get("name")) if value}
        if target is None or not own or not _shows_marker(reference):
            continue
        # A reference may point at the note's own back-link (EUR-Lex, Word): the note is then
        # the block around that link.
        body = _enclosing_block(target) if _tag(target) == "a" else target
        if body is None or _tag(body) in _HEADING_LEVELS or order[body] < order[reference]:
            continue
        back = _opening_link(body)
        if back is not None and _target(back) in own and _shows_marker(back):
            found.add(body)
    return found


def _enclosing_block(element: _Element) -> _Element | None:
    return next((a for a in element.iterancestors() if _tag(a) in _BLOCKS), None)


def _shows_marker(link: _Element) -> bool:
    """True when a link shows a note's marker (``1``, ``(12)``, ``[*]``, ``↩``), not words."""
    shown = _collapse(_text_of(link))
    marker = _clean_marker(shown)
    return bool(shown) and len(marker) <= 4 and " " not in marker


def _opening_link(element: _Element) -> _Element | None:
    return next((e for e in _opening(element) if _tag(e) == "a"), None)


def _opening(element: _Element) -> Iterator[_Element]:
    """The elements that open *element* before any text, outermost first: ``<p><a><sup>1``
    gives the ``a``, then the ``sup``."""
    while not (element.text or "").strip():
        children = [child for child in element if _tag(child) is not None]
        if not children:
            return
        element = children[0]
        yield element


def _is_notes_section(element: _Element) -> bool:
    return (
        "footnotes" in _classes(element)
        or element.get("id") == "footnotes"
        or element.get("role") == "doc-endnotes"
    )


def _anchors_in(body: _Element) -> list[str]:
    """Every id and name a reference may point at: Word points at an ``<a name>`` inside."""
    return [
        value
        for element in body.iter()
        if _tag(element) is not None
        for value in (element.get("id"), element.get("name"))
        if value
    ]


def _reference_anchors(root: _Element, anchors: dict[str, int]) -> set[str]:
    """The ids and names of the references, which back-links point at."""
    found: set[str] = set()
    for link in root.iter("a"):
        if (_target(link) or "") in anchors:
            found.update(value for value in (link.get("id"), link.get("name")) if value)
    return found


def _leading_label(body: _Element, is_back_link: Callable[[_Element], bool]) -> _Element | None:
    """The element that opens a note with its number: ``<sup>2</sup>``, Word's ``[1]`` link,
    docutils' ``<span class="label">``."""
    return next(
        (
            element
            for element in _opening(body)
            if _tag(element) == "sup" or "label" in _classes(element) or is_back_link(element)
        ),
        None,
    )


def _point_label(cells: list[_Element]) -> str:
    """The label of a EUR-Lex row (``(a)`` | text), or ``""`` for any other row."""
    if len(cells) < 2 or not _collapse(_text_of(cells[1])):
        return ""
    label = _collapse(_text_of(cells[0]))
    if label in _BULLETS:
        return label
    marker = layout().marker(label + " ")
    return label if marker is not None and not marker.text else ""


def _empty_message(removed: list[Removed]) -> str:
    if not removed:
        return "the HTML body holds no text; check that this is the right file"
    kinds = ", ".join(sorted({item.kind for item in removed}))
    return (
        f"the HTML body holds no treaty text, only content that is never read ({kinds}); "
        "check that this is the right file, or save the page as it is displayed"
    )


def _tag(element: _Element) -> str | None:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else None


def _classes(element: _Element) -> set[str]:
    return set((element.get("class") or "").split())


def _target(element: _Element) -> str | None:
    href = element.get("href") or ""
    return href[1:] if href.startswith("#") and len(href) > 1 else None


def _text_of(element: _Element) -> str:
    """All the text inside *element* (not its tail), markup dropped."""
    return "".join(text for text in element.itertext() if isinstance(text, str))


def _collapse(text: str) -> str:
    # Soft hyphens are invisible in a browser; Word leaves them in words.
    return " ".join(text.replace("\u00ad", "").split())


def _clean_marker(text: str) -> str:
    return _collapse(text).strip("[]() " + _ARROWS)


def _id_marker(body: _Element) -> str:
    ident = body.get("id") or ""
    digits = re.search(r"\d+$", ident)
    return digits[0] if digits else ident


def _integer(value: str | None) -> int | None:
    try:
        return int(value.strip()) if value is not None else None
    except ValueError:
        return None


def _list_number(number: int, style: str) -> str:
    """``3`` as an ``<ol type=...>`` shows it: ``3.``, ``(c)``, ``(iii)``, ``(C)``, ``(III)``."""
    if style in ("a", "A") and number >= 1:
        word = int_to_letters(number)
    elif style in ("i", "I") and 1 <= number <= 3999:
        word = int_to_roman(number)
    else:
        return f"{number}."  # what a browser shows when the style cannot write the number
    return f"({word.upper() if style.isupper() else word})"
