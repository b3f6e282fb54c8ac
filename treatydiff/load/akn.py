"""Akoma Ntoso XML: the markup already says what is an article, a paragraph or a point.

The reader accepts Akoma Ntoso 3.0 (the OASIS namespace and its working-draft variants), the
older 2.0 namespace, and documents with no namespace. It builds the :class:`~treatydiff.model.Draft`
directly, with the same vocabulary as the segmenter uses for text:

- ``preface``: ``docTitle`` (else the preface's text) is the title, ``docNumber`` the symbol;
- ``preamble``: each ``recital``, ``citation``, ``formula`` or loose ``p`` is a recital;
- ``body``: ``part``, ``chapter``, ``section``, ``title``, ``hcontainer`` ... are divisions;
  ``article`` is an article; inside it ``paragraph``, ``point``, ``item`` ... are provisions;
  a ``subheading`` joins the ``heading`` of its article or division after a dash;
- ``conclusions``: each ``p`` is a provision of the closing formula;
- ``meta`` is skipped and listed in ``Draft.removed`` (kind ``akn-meta``).

Inside an article, a numbered ``paragraph`` is a paragraph, a provision numbered with a letter
(``(a)``) is a subparagraph and any other numbered one (``(i)``, ``(1)``) a point; an unnumbered
one is text. ``list``, ``content`` and ``intro`` are transparent: an ``intro`` is the chapeau of
the enclosing provision, a ``wrapUp`` a text provision after its points. At article level, text
followed by points holds those points, as the segmenter does for "For the purposes ...: (a) ...".
``authorialNote`` and ``note`` become footnotes of the enclosing provision (of the article, for
one in its number or heading); their words are not part of the provision's text.

Parsing is defensive (see :mod:`.xmlsafe`): no DTD is loaded, no entity is expanded, nothing is
fetched, and a document that declares a DOCTYPE is refused outright.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Final, Literal

import attrs
from lxml import etree

from treatydiff.exceptions import (
    DraftFormatError,
    DraftStructureError,
    EmptyDraftError,
    InputTooLargeError,
)
from treatydiff.load.numbers import eid_number, has_brackets, is_roman, unique_eid
from treatydiff.load.patterns import layout
from treatydiff.load.xmlsafe import parse_untrusted
from treatydiff.model import (
    Article,
    Division,
    Draft,
    Footnote,
    Provision,
    ProvisionKind,
    Removed,
    SourceRef,
)

__all__ = ["AKN_NAMESPACES", "MAX_DEPTH", "read_akn"]

#: The deepest element nesting accepted. Real documents stay under 20 levels
#: (akomaNtoso/act/body/part/chapter/section/article/paragraph/list/point/content/p ...); the
#: limit keeps a crafted file from exhausting the stack or memory.
MAX_DEPTH: Final = 64

#: Namespaces read as Akoma Ntoso, besides no namespace at all. A namespace that starts with the
#: 3.0 one (``.../akn/3.0/WD17``, ``.../akn/3.0/CSD13``) is a working draft of 3.0 and accepted.
AKN_NAMESPACES: Final = (
    "http://docs.oasis-open.org/legaldocml/ns/akn/3.0",
    "http://www.akomantoso.org/2.0",
)

_DOCUMENTS = frozenset({"act", "bill", "doc", "statement", "amendment", "portion"})
_DIVISIONS = frozenset(
    {"book", "tome", "part", "subpart", "title", "subtitle", "chapter", "subchapter",
     "section", "subsection", "division", "hcontainer"}
)  # fmt: skip
_ITEMS = frozenset(
    {"paragraph", "subparagraph", "point", "alinea", "indent", "item", "clause", "subclause",
     "level", "proviso"}
)  # fmt: skip
# Containers whose children belong to the enclosing provision as if written in it directly.
_TRANSPARENT = frozenset({"content", "list", "sublist", "blockList", "intro"})
_WRAP_UPS = frozenset({"wrapUp", "listWrapUp"})
_NOTES = frozenset({"authorialNote", "note"})
# Elements that end a line of text: their words must not run into the next element's.
_BLOCKS = frozenset(
    {"p", "eol", "eop", "br", "blockList", "item", "listIntroduction", "listWrapUp", "tr",
     "td", "th", "heading", "subheading", "num", "docTitle", "docNumber", "block", "container"}
)  # fmt: skip
# Children of an article or division that the owner reads itself, not as provisions.
_HEAD_PARTS = frozenset({"num", "heading", "subheading"})
_OWN_PARTS = _HEAD_PARTS | {"article"} | _DIVISIONS
_PREAMBLE_CONTAINERS = frozenset(
    {"recitals", "citations", "container", "blockContainer", "intro", "wrapUp", "blockList"}
)
_CLOSING_CONTAINERS = frozenset({"container", "blockContainer", "blockList"})

_LETTER = re.compile(r"[a-z]{1,3}", re.IGNORECASE)
_ARTICLE_WORDS = ("article", "art.", "art")
_EID_PREFIX: dict[str, str] = {
    "paragraph": "para",
    "subparagraph": "point",
    "point": "point",
    "text": "text",
    "recital": "recital",
}

_HEADING_JOINER = " – "

_PartKind = Literal["note", "text", "item", "wrapup"]


def read_akn(data: bytes, *, source: str) -> Draft:
    """Build a draft from Akoma Ntoso XML; *source* names the input in error messages."""
    root = _parse(data, source)
    return _Reader(source, etree.QName(root).namespace).draft(root)


# -- parsing ---------------------------------------------------------------------------------


def _parse(data: bytes, source: str) -> etree._Element:
    if not data.strip():
        raise EmptyDraftError(
            "the input is empty; check that this is the right file", source=source
        )
    root = parse_untrusted(data, source=source)
    _check_depth(root, source)
    _check_root(root, source)
    return root


def _check_depth(root: etree._Element, source: str) -> None:
    depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > MAX_DEPTH:
            raise InputTooLargeError(
                f"elements are nested more than {MAX_DEPTH} levels deep; this is not a treaty "
                "draft as treatydiff knows them",
                source=source,
                where=f"line {_line(element)}",
            )


def _check_root(root: etree._Element, source: str) -> None:
    qname = etree.QName(root)
    found = f"<{qname.localname}>" + (f" in namespace {qname.namespace}" if qname.namespace else "")
    if qname.localname != "akomaNtoso":
        raise DraftFormatError(
            f"the root element is {found}; an Akoma Ntoso document starts with <akomaNtoso>",
            source=source,
            where=f"line {_line(root)}",
        )
    if qname.namespace is not None and not qname.namespace.startswith(AKN_NAMESPACES):
        raise DraftFormatError(
            f"the root element is {found}; expected no namespace or one of "
            f"{', '.join(AKN_NAMESPACES)}",
            source=source,
            where=f"line {_line(root)}",
        )


# -- reading ---------------------------------------------------------------------------------


@attrs.define
class _Reader:
    """Walks one parsed document; collects what belongs to the draft as a whole."""

    source: str
    namespace: str | None
    divisions: list[Division] = attrs.Factory(list)
    articles: list[Article] = attrs.Factory(list)
    footnotes: list[Footnote] = attrs.Factory(list)
    removed: list[Removed] = attrs.Factory(list)
    eids: set[str] = attrs.Factory(set)
    paths: dict[etree._Element, str] = attrs.Factory(dict)
    notes_seen: int = 0

    def draft(self, root: etree._Element) -> Draft:
        document = self._document(root)
        title, symbol, preamble_label = "", None, ""
        preamble: tuple[Provision, ...] = ()
        closing: tuple[Provision, ...] = ()
        body: etree._Element | None = None
        for child in self._elements(document):
            name = self.name(child)
            if name == "meta":
                self.removed.append(Removed("akn-meta", _all_text(child), self.ref(child)))
            elif name == "preface":
                title, symbol = self._preface(child)
            elif name == "preamble":
                preamble_label, preamble = self._preamble(child)
            elif name in ("body", "mainBody"):
                body = child
                self._body(child)
            elif name == "conclusions":
                closing = self._closing(child)
            else:
                self._unread(child)
        if not self.articles:
            raise self._no_articles(document, body)
        return Draft(
            label="",
            title=title,
            preamble=preamble,
            divisions=tuple(self.divisions),
            articles=tuple(self.articles),
            closing=closing,
            footnotes=tuple(self.footnotes),
            removed=tuple(self.removed),
            source=self.source,
            format="akn",
            symbol=symbol,
            preamble_label=preamble_label,
        )

    def _document(self, root: etree._Element) -> etree._Element:
        """The act, bill or doc: a child of the root, or the first one in a collection."""
        for child in self._elements(root):
            if self.name(child) in _DOCUMENTS:
                return child
            if self.name(child) == "documentCollection":
                for element in child.iter():
                    if self.name(element) in _DOCUMENTS:
                        return element
                raise DraftFormatError(
                    "the documentCollection embeds no act, bill or doc (only references?); "
                    "export the draft itself",
                    source=self.source,
                    where=f"element {self.path(child)}",
                )
        if not _all_text(root):
            raise EmptyDraftError("the <akomaNtoso> element is empty", source=self.source)
        found = ", ".join(f"<{etree.QName(c).localname}>" for c in self._elements(root))
        raise DraftFormatError(
            f"<akomaNtoso> holds {found or 'no elements'}; expected an <act>, <bill>, <doc> or "
            "<documentCollection>",
            source=self.source,
            where=f"element {self.path(root)}",
        )

    def _no_articles(self, document: etree._Element, body: etree._Element | None) -> Exception:
        element = body if body is not None else document
        where = f"element {self.path(element)}"
        if not any(_all_text(c) for c in self._elements(document) if self.name(c) != "meta"):
            return EmptyDraftError(
                "the document holds no text outside <meta>; check that this is the right file",
                source=self.source,
                where=where,
            )
        return DraftStructureError(
            "no <article> elements found; mark each article up as "
            '<article eId="art_1"><num>Article 1</num>...</article> inside <body>',
            source=self.source,
            where=where,
        )

    # -- the parts around the body ------------------------------------------------------------

    def _preface(self, preface: etree._Element) -> tuple[str, str | None]:
        notes: list[etree._Element] = []
        titles = [self.text(t, notes) for t in preface.iter(self.tag("docTitle"))]
        numbers = [self.text(n, notes) for n in preface.iter(self.tag("docNumber"))]
        rest = self.text(preface, notes, skip=frozenset({"docTitle", "docNumber"}))
        self.footnotes.extend(self.footnote(n) for n in notes)
        if not titles:
            return rest, numbers[0] if numbers else None
        if rest:
            self.removed.append(Removed("akn-preface", rest, self.ref(preface)))
        return " ".join(t for t in titles if t), numbers[0] if numbers else None

    def _preamble(self, preamble: etree._Element) -> tuple[str, tuple[Provision, ...]]:
        label = ""
        recitals: list[Provision] = []
        for kind, element in self._units(preamble, _PREAMBLE_CONTAINERS):
            if kind == "heading" and not label:
                label = self.text(element, [])
            else:
                recitals.append(
                    self._provision(element, "preamble", ordinal=len(recitals) + 1, recital=True)
                )
        return label, tuple(recitals)

    def _closing(self, conclusions: etree._Element) -> tuple[Provision, ...]:
        closing: list[Provision] = []
        for _, element in self._units(conclusions, _CLOSING_CONTAINERS):
            closing.append(self._provision(element, "conclusions", ordinal=len(closing) + 1))
        return tuple(closing)

    def _units(
        self, element: etree._Element, containers: frozenset[str]
    ) -> Iterator[tuple[str, etree._Element]]:
        """The blocks of a preamble or closing, each one recital or text; notes go to the draft."""
        for child in self._elements(element):
            name = self.name(child)
            if name in _NOTES:
                self.footnotes.append(self.footnote(child))
            elif name in containers:
                yield from self._units(child, containers)
            elif name in ("heading", "num"):
                yield "heading", child
            else:
                yield "unit", child

    def _unread(self, element: etree._Element) -> None:
        """List what the reader does not model (attachments, a cover page), so no word is lost."""
        text = _all_text(element)
        if text:
            self.removed.append(Removed("akn-unread", text, self.ref(element)))

    # -- the body: divisions and articles -----------------------------------------------------

    def _body(self, element: etree._Element, division: str | None = None) -> None:
        for child in self._elements(element):
            name = self.name(child)
            if name in _DIVISIONS:
                self._division(child, division)
            elif name == "article":
                self._article(child, division)
            elif division is None:
                self._unread(child)

    def _division(self, element: etree._Element, parent: str | None) -> None:
        kind = self.name(element)
        if kind == "hcontainer":
            named = element.get("name", "")
            kind = named if named in layout().division_eids else "hcontainer"
        notes: list[etree._Element] = []
        printed = self._child_text(element, "num", notes)
        heading = _HEADING_JOINER.join(self._headings(element, notes))
        num, label = _split_label(printed, (kind, *layout().division_kinds))
        if num and not label and kind in layout().division_eids:
            label = f"{kind.capitalize()} {num}"
        prefix = layout().division_eids.get(kind, kind)
        ordinal = 1 + sum(d.kind == kind for d in self.divisions)
        own = f"{prefix}_{eid_number(num) or ordinal}"
        eid = self._eid(element, f"{parent}__{own}" if parent else own)
        provisions = self._container(element, eid, notes, skip=_OWN_PARTS)
        # As in text drafts, a note on a division heading belongs to the draft as a whole.
        self.footnotes.extend(self.footnote(note) for note in notes)
        self.divisions.append(
            Division(kind, eid, num, heading, label, parent, provisions, self.ref(element))
        )
        self._body(element, eid)

    def _article(self, element: etree._Element, division: str | None) -> None:
        notes: list[etree._Element] = []
        printed, num_status = layout().split_status(self._child_text(element, "num", notes))
        headings = [layout().split_status(text) for text in self._headings(element, notes)]
        heading = _HEADING_JOINER.join(text for text, _ in headings if text)
        num, label = _split_label(printed, _ARTICLE_WORDS)
        num = num or _article_number(element.get("eId", "")) or str(len(self.articles) + 1)
        eid = self._eid(element, f"art_{eid_number(num, roman=False)}")
        status = [*num_status, *(note for _, notes_of in headings for note in notes_of)]
        provisions: list[Provision] = []
        extra_notes: list[Footnote] = []
        for provision in self._container(element, eid, notes, skip=_HEAD_PARTS):
            if _status_only(provision):
                # "[deleted]" standing in for the whole text is the article's status.
                status.extend(provision.status)
                extra_notes.extend(provision.footnotes)
            else:
                provisions.append(provision)
        self.articles.append(
            Article(
                num=num,
                eid=eid,
                heading=heading,
                label=label or f"Article {num}",
                division=division,
                provisions=tuple(provisions),
                status=tuple(dict.fromkeys(status)),
                footnotes=(*(self.footnote(note) for note in notes), *extra_notes),
                source=self.ref(element),
            )
        )

    def _headings(self, element: etree._Element, notes: list[etree._Element]) -> list[str]:
        """The texts of the element's heading and subheading, whichever it has.

        The model has one heading per article or division, so a subheading joins the heading
        (``Duties – as proposed by the Chair``) rather than going to ``removed``: its words are
        what readers, and the aligner, go by.
        """
        texts = (self._child_text(element, name, notes) for name in ("heading", "subheading"))
        return [text for text in texts if text]

    # -- provisions ---------------------------------------------------------------------------

    def _container(
        self,
        element: etree._Element,
        eid: str,
        notes: list[etree._Element],
        *,
        skip: frozenset[str],
    ) -> tuple[Provision, ...]:
        """The provisions of an article or division.

        Text followed by points holds those points (a chapeau), as the segmenter reads
        "For the purposes of this Convention: (a) ..."; a numbered paragraph stands on its own.
        """
        groups: list[tuple[etree._Element, list[etree._Element]]] = []
        held: list[etree._Element] | None = None  # points of the open chapeau, if any
        for kind, part in self._parts(element, skip):
            if kind == "note":
                notes.append(part)
            elif kind == "text":
                groups.append((part, []))
                held = groups[-1][1]
            elif held is not None and self.name(part) != "paragraph":
                held.append(part)
                held = None if kind == "wrapup" else held
            else:
                groups.append((part, []))
                held = None
        roman = _roman_series([self._bare_num(head) for head, _ in groups])
        provisions: list[Provision] = []
        unnumbered = 0
        for head, held_points in groups:
            numbered = bool(self._bare_num(head))
            unnumbered += not numbered
            ordinal = len(provisions) + 1 if numbered else unnumbered
            provisions.append(
                self._provision(head, eid, ordinal=ordinal, roman=roman, extra=held_points)
            )
        return tuple(provisions)

    def _provision(
        self,
        element: etree._Element,
        parent_eid: str,
        *,
        ordinal: int,
        roman: bool = False,
        recital: bool = False,
        extra: list[etree._Element] | None = None,
    ) -> Provision:
        """One provision: its number, its own text, and its nested provisions.

        *ordinal* numbers an unnumbered provision (``text_2``); *roman* says that its numbered
        siblings count (i), (ii) ..., not (a), (b) ...; *extra* are points held by a chapeau.
        """
        notes: list[etree._Element] = []
        marker = self._child_text(element, "num", notes)
        num = _bare(marker)
        kind: ProvisionKind = "recital" if recital else _kind(self.name(element), marker, roman)
        own = eid_number(num, roman=False) or str(ordinal)
        eid = self._eid(element, f"{parent_eid}__{_EID_PREFIX[kind]}_{own}")
        texts: list[str] = []
        nested: list[etree._Element] = []
        if _mixed(element):
            texts.append(self.text(element, notes, skip=frozenset({"num"})))
        else:
            for part_kind, part in self._parts(element, frozenset({"num"})):
                if part_kind == "note":
                    notes.append(part)
                elif part_kind == "text" and not nested:
                    texts.append(self.text(part, notes))
                else:
                    # Points, a wrap-up, or text after the points: all nested provisions.
                    nested.append(part)
        nested.extend(extra or ())
        text, status = layout().split_status(" ".join(t for t in texts if t))
        footnotes = tuple(self.footnote(note) for note in notes)
        return Provision(
            kind=kind,
            eid=eid,
            text=text,
            num=num or str(ordinal),
            marker=marker,
            children=self._children(nested, eid, recital=recital),
            brackets=has_brackets(text),
            status=status,
            footnotes=footnotes,
            source=self.ref(element),
        )

    def _children(
        self, elements: list[etree._Element], parent_eid: str, *, recital: bool
    ) -> tuple[Provision, ...]:
        roman = _roman_series([self._bare_num(e) for e in elements])
        return tuple(
            self._provision(e, parent_eid, ordinal=position, roman=roman, recital=recital)
            for position, e in enumerate(elements, start=1)
        )

    def _parts(
        self, element: etree._Element, skip: frozenset[str]
    ) -> Iterator[tuple[_PartKind, etree._Element]]:
        """What a provision is made of, in order, looking through list, content and intro."""
        for child in self._elements(element):
            name = self.name(child)
            if name in skip:
                continue
            if name in _NOTES:
                yield "note", child
            elif name in _TRANSPARENT:
                yield from self._parts(child, frozenset({"num"}))
            elif name in _WRAP_UPS:
                yield "wrapup", child
            elif name in _ITEMS:
                yield "item", child
            else:
                yield "text", child

    def _bare_num(self, element: etree._Element) -> str:
        num = next((c for c in self._elements(element) if self.name(c) == "num"), None)
        return _bare(_all_text(num)) if num is not None else ""

    # -- text, notes, names and places --------------------------------------------------------

    def text(
        self,
        element: etree._Element,
        notes: list[etree._Element],
        skip: frozenset[str] = frozenset(),
    ) -> str:
        """The words of *element*, without the notes in it (collected in *notes*) or *skip*."""
        pieces: list[str] = []
        self._inline(element, notes, skip, pieces)
        return " ".join("".join(pieces).split())

    def _inline(
        self,
        element: etree._Element,
        notes: list[etree._Element],
        skip: frozenset[str],
        pieces: list[str],
    ) -> None:
        pieces.append(element.text or "")
        for child in self._elements(element):
            name = self.name(child)
            if name in _NOTES:
                notes.append(child)
            elif name not in skip:
                gap = " " if name in _BLOCKS else ""
                pieces.append(gap)
                self._inline(child, notes, skip, pieces)
                pieces.append(gap)
            pieces.append(child.tail or "")

    def _child_text(self, element: etree._Element, name: str, notes: list[etree._Element]) -> str:
        child = next((c for c in self._elements(element) if self.name(c) == name), None)
        return self.text(child, notes) if child is not None else ""

    def footnote(self, note: etree._Element) -> Footnote:
        self.notes_seen += 1
        marker = note.get("marker") or self._child_text(note, "num", []) or str(self.notes_seen)
        text = self.text(note, [], skip=frozenset({"num"}))
        return Footnote(marker.strip(), text, self.ref(note))

    def name(self, element: etree._Element) -> str:
        """The local name of an Akoma Ntoso element; empty for anything else."""
        if not isinstance(element.tag, str):
            return ""
        qname = etree.QName(element.tag)
        return qname.localname if qname.namespace == self.namespace else ""

    def tag(self, name: str) -> str:
        return f"{{{self.namespace}}}{name}" if self.namespace else name

    @staticmethod
    def _elements(element: etree._Element) -> list[etree._Element]:
        return [child for child in element if isinstance(child.tag, str)]

    def ref(self, element: etree._Element) -> SourceRef:
        return SourceRef(line=_line(element), path=self.path(element))

    def path(self, element: etree._Element) -> str:
        """A readable XPath without namespaces: ``/akomaNtoso/act/body/article[3]``."""
        known = self.paths.get(element)
        if known is not None:
            return known
        parent = element.getparent()
        if parent is None:
            self.paths[element] = f"/{etree.QName(element).localname}"
            return self.paths[element]
        base = self.path(parent)
        # Name every sibling at once, so that wide parents cost one pass, not one per child.
        siblings = self._elements(parent)
        totals = Counter(child.tag for child in siblings)
        seen: Counter[object] = Counter()
        for child in siblings:
            seen[child.tag] += 1
            index = f"[{seen[child.tag]}]" if totals[child.tag] > 1 else ""
            self.paths[child] = f"{base}/{etree.QName(child).localname}{index}"
        return self.paths.get(element, base)

    def _eid(self, element: etree._Element, generated: str) -> str:
        """The element's eId (or 2.0 id) if it has one, else *generated*; unique in the draft."""
        given = (element.get("eId") or element.get("id") or "").strip()
        return unique_eid(given or generated, self.eids)


# -- small helpers ---------------------------------------------------------------------------


def _all_text(element: etree._Element) -> str:
    """Every word under *element*, notes included, as one line."""
    return " ".join(word for text in element.itertext() for word in str(text).split())


def _line(element: etree._Element) -> int | None:
    line: object = element.sourceline
    return line if isinstance(line, int) else None


def _mixed(element: etree._Element) -> bool:
    """True when the element holds text of its own (``<item>(a) text</item>``), not just blocks."""
    if (element.text or "").strip():
        return True
    return any((child.tail or "").strip() for child in element)


def _kind(name: str, marker: str, roman: bool) -> ProvisionKind:
    if not marker:
        return "text"  # as in text drafts: an unnumbered block is text, whatever its element
    if name == "paragraph":
        return "paragraph"
    if _LETTER.fullmatch(_bare(marker)) and not roman:
        return "subparagraph"
    return "point"


def _roman_series(nums: list[str]) -> bool:
    """True when the letter-numbered siblings count in roman numerals: (i), (ii), (iii) ...

    A series that starts at (i) or at a numeral of two letters or more is roman; one that starts
    at (a) is not, even when it reaches (i) after (h).
    """
    letters = [num.lower() for num in nums if _LETTER.fullmatch(num)]
    if not letters or not all(is_roman(num) for num in letters):
        return False
    return letters[0] == "i" or len(letters[0]) > 1


def _bare(marker: str) -> str:
    """The number of a marker as printed: ``1.`` → ``1``, ``(a)`` → ``a``, ``a)`` → ``a``."""
    return re.sub(r"^[\s(\[]+|[\s)\].:]+$", "", marker)


def _split_label(printed: str, words: Iterable[str]) -> tuple[str, str]:
    """``CHAPTER II`` → (``II``, ``CHAPTER II``); ``7`` → (``7``, ``""``): no word, no label."""
    text = " ".join(printed.split())
    for word in sorted(words, key=len, reverse=True):
        head = text[: len(word)]
        if head.lower() == word.lower() and not text[len(word) : len(word) + 1].isalpha():
            return text[len(word) :].strip(" .:–—-"), text
    return text.strip(" .:"), ""


def _article_number(eid: str) -> str:
    match = re.fullmatch(r"art_([0-9a-z]+)", eid)
    return match[1] if match else ""


def _status_only(provision: Provision) -> bool:
    return (
        provision.kind == "text"
        and not provision.text
        and not provision.children
        and bool(provision.status)
    )
