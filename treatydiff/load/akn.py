"""Akoma Ntoso XML: the markup already says what is an article, a paragraph or a point.

The reader accepts Akoma Ntoso 3.0 (the OASIS namespace and its working-draft variants), the
older 2.0 namespace, and documents with no namespace. It builds the :class:`~treatydiff.model.Draft`
directly, with the same vocabulary as the segmenter uses for text:

- ``preface``: ``docTitle`` (else the preface's text) is the title, ``docNumber`` the symbol;
- ``preamble``: each ``recital``, ``citation``, ``formula`` or loose ``p`` is a recital;
- ``body``: ``part``, ``chapter``, ``section``, ``title``, ``hcontainer`` ... are divisions;
  ``article`` is an article; inside it ``paragraph``, ``point``, ``item`` ... are provisions;
- ``conclusions``: each ``p`` is a provision of the closing formula;
- ``meta`` is skipped and listed in ``Draft.removed`` (kind ``akn-meta``).

Inside an article, a numbered ``paragraph`` is a paragraph, a provision numbered with a letter
(``(a)``) is a subparagraph and any other numbered one (``(i)``, ``(1)``) a point; an unnumbered
one is text. ``list``, ``content`` and ``intro`` are transparent: an ``intro`` is the chapeau of
the enclosing provision, a ``wrapUp`` a text provision after its points. At article level, text
followed by points holds those points, as the segmenter does for "For the purposes ...: (a) ...".
``authorialNote`` and ``note`` become footnotes of the enclosing provision (of the article, for
one in its number or heading); their words are not part of the provision's text.

Parsing is defensive: no DTD is loaded, no entity is expanded, nothing is fetched, and a document
that declares a DOCTYPE is refused outright.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final, Literal

import attrs
from lxml import etree

from treatydiff.exceptions import (
    DraftFormatError,
    DraftStructureError,
    EmptyDraftError,
    InputTooLargeError,
)
from treatydiff.load.patterns import layout
from treatydiff.model import (
    Article,
    Division,
    Draft,
    Footnote,
    Provision,
    ProvisionKind,
    Removed,
    SourceRef,
    normalize_number,
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
# Heading-like children of an article or division, read by their owner, not as provisions.
_OWN_PARTS = frozenset({"num", "heading", "subheading", "article"}) | _DIVISIONS
_PREAMBLE_CONTAINERS = frozenset(
    {"recitals", "citations", "container", "blockContainer", "intro", "wrapUp", "blockList"}
)
_CLOSING_CONTAINERS = frozenset({"container", "blockContainer", "blockList"})

_BRACKETS = re.compile(r"\[[^\[\]]*\]")
_ROMAN = re.compile(r"[ivxlc]{1,7}")
_LETTER = re.compile(r"[a-z]{1,3}", re.IGNORECASE)
_ARTICLE_WORDS = ("article", "art.", "art")
_EID_PREFIX: dict[str, str] = {
    "paragraph": "para",
    "subparagraph": "point",
    "point": "point",
    "text": "text",
    "recital": "recital",
}

PartKind = Literal["note", "text", "item", "wrapup"]


def read_akn(data: bytes, *, source: str) -> Draft:
    """Build a draft from Akoma Ntoso XML; *source* names the input in error messages."""
    root = _parse(data, source)
    return _Reader(source, etree.QName(root).namespace).draft(root)


# -- parsing ---------------------------------------------------------------------------------


def _parse(data: bytes, source: str) -> etree._Element:
    if not data.strip():
        raise EmptyDraftError("the input is empty; check that this is the right file", source=source)
    _refuse_doctype(data, source)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise _syntax_error(error, source) from None
    except (etree.LxmlError, ValueError, LookupError) as error:
        # An unknown encoding declaration and the like: still not a readable XML file.
        raise DraftFormatError(f"not readable as XML ({error}); check the file", source=source) from None
    if root is None:
        raise EmptyDraftError("the XML document has no root element", source=source)
    if root.getroottree().docinfo.doctype:
        # Reached only when the prolog scan missed it (a UTF-16 file, say).
        raise _doctype_error(source, "the prolog")
    _check_depth(root, source)
    _check_root(root, source)
    return root


def _refuse_doctype(data: bytes, source: str) -> None:
    """Refuse a DOCTYPE before parsing: DTDs bring entity bombs and external entities (XXE)."""
    first_tag = re.search(rb"<[A-Za-z_]", data)
    prolog = data[: first_tag.start()] if first_tag else data
    found = prolog.find(b"<!DOCTYPE")
    if found >= 0:
        raise _doctype_error(source, f"line {prolog[:found].count(b'\n') + 1}")


def _doctype_error(source: str, where: str) -> DraftFormatError:
    return DraftFormatError(
        "the document declares a DOCTYPE, which treatydiff refuses (a DTD can expand entities "
        "without limit or read other files); remove the <!DOCTYPE ...> declaration",
        source=source,
        where=where,
    )


def _syntax_error(error: etree.XMLSyntaxError, source: str) -> DraftFormatError:
    line, column = error.position
    message = re.sub(r",? line \d+, column \d+$", "", str(error.msg))
    where = f"line {line}, column {column}"
    if "depth" in message.lower() or "huge" in message.lower():
        return InputTooLargeError(
            f"the XML exceeds the parser's limits ({message}); treatydiff accepts at most "
            f"{MAX_DEPTH} levels of nesting",
            source=source,
            where=where,
        )
    return DraftFormatError(f"not well-formed XML: {message}; fix the markup", source=source, where=where)


def _check_depth(root: etree._Element, source: str) -> None:
    depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > MAX_DEPTH:
            raise InputTooLargeError(
                f"elements are nested more than {MAX_DEPTH} levels deep; this is not a treaty "
                "draft as treatydiff knows them",
                source=source,
                where=f"line {element.sourceline}",
            )


def _check_root(root: etree._Element, source: str) -> None:
    qname = etree.QName(root)
    found = f"<{qname.localname}>" + (f" in namespace {qname.namespace}" if qname.namespace else "")
    if qname.localname != "akomaNtoso":
        raise DraftFormatError(
            f"the root element is {found}; an Akoma Ntoso document starts with <akomaNtoso>",
            source=source,
            where=f"line {root.sourceline}",
        )
    if qname.namespace is not None and not qname.namespace.startswith(AKN_NAMESPACES):
        raise DraftFormatError(
            f"the root element is {found}; expected no namespace or one of "
            f"{', '.join(AKN_NAMESPACES)}",
            source=source,
            where=f"line {root.sourceline}",
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
                self.removed.append(Removed("akn-meta", _join(child.itertext()), self.ref(child)))
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
        if not _join(root.itertext()):
            raise EmptyDraftError("the <akomaNtoso> element is empty", source=self.source)
        found = ", ".join(f"<{self.name(c) or etree.QName(c).localname}>" for c in self._elements(root))
        raise DraftFormatError(
            f"<akomaNtoso> holds {found or 'no elements'}; expected an <act>, <bill>, <doc> or "
            "<documentCollection>",
            source=self.source,
            where=f"element {self.path(root)}",
        )

    def _no_articles(self, document: etree._Element, body: etree._Element | None) -> Exception:
        element = body if body is not None else document
        where = f"element {self.path(element)}"
        texts = (t for c in self._elements(document) if self.name(c) != "meta" for t in c.itertext())
        if not _join(texts):
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
        text = _join(element.itertext())
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
        heading = self._child_text(element, "heading", notes)
        words = (kind, *(w for w, k in layout().division_kinds.items() if k == kind or True))
        num, label = _split_label(printed, words)
        prefix = layout().division_eids.get(kind, kind)
        own = f"{prefix}_{_eid_number(num) if num else sum(d.kind == kind for d in self.divisions) + 1}"
        eid = self._eid(element, f"{parent}__{own}" if parent else own)
        provisions = self._container(element, eid, notes)
        self.footnotes.extend(self.footnote(n) for n in notes)
        self.divisions.append(
            Division(kind, eid, num, heading, label or printed, parent, provisions, self.ref(element))
        )
        self._body(element, eid)

    def _article(self, element: etree._Element, division: str | None) -> None:
        notes: list[etree._Element] = []
        printed, num_status = layout().split_status(self._child_text(element, "num", notes))
        heading, heading_status = layout().split_status(self._child_text(element, "heading", notes))
        num, label = _split_label(printed, _ARTICLE_WORDS)
        if not num:
            num = _article_number(element.get("eId") or "") or str(len(self.articles) + 1)
        if not label or label == num:
            label = f"Article {num}"
        eid = self._eid(element, f"art_{_eid_number(num, roman=False)}")
        status = [*num_status, *heading_status]
        provisions: list[Provision] = []
        for provision in self._container(element, eid, notes):
            if _status_only(provision):
                # "[deleted]" standing for the whole article is the article's status.
                status.extend(provision.status)
                self.eids.discard(provision.eid)
                notes_of = provision.footnotes
                self.articles  # keep mypy quiet about unused names below
                footnotes_extra = list(notes_of)
                self._pending_footnotes.extend(footnotes_extra)
            else:
                provisions.append(provision)
        self.articles.append(
            Article(
                num=num,
                eid=eid,
                heading=heading,
                label=label,
                division=division,
                provisions=tuple(provisions),
                status=tuple(dict.fromkeys(status)),
                footnotes=tuple(self.footnote(n) for n in notes),
                source=self.ref(element),
            )
        )
