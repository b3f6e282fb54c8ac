"""The document vocabulary: a draft, its divisions, articles, provisions and footnotes.

Every value is frozen; loaders build them once and nothing changes them afterwards. Element ids
follow Akoma Ntoso naming (``art_7``, ``art_7__para_2__point_a``, ``chp_2``, ``preamble``) so that
reports and other tools can point at the same place in any draft.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, Literal

import attrs

from treatydiff.exceptions import UnknownArticleError

__all__ = [
    "Article",
    "Division",
    "Draft",
    "Footnote",
    "Provision",
    "ProvisionKind",
    "Removed",
    "SourceRef",
    "leads_in",
    "normalize_number",
]

ProvisionKind = Literal["paragraph", "subparagraph", "point", "text", "recital"]


@attrs.frozen
class SourceRef:
    """Where an element came from: a line in a text file, or an element path in a markup file."""

    line: int | None = None
    path: str | None = None

    def __str__(self) -> str:
        if self.line is not None:
            return f"line {self.line}"
        if self.path is not None:
            return f"element {self.path}"
        return "unknown position"


@attrs.frozen
class Footnote:
    """A footnote, attached to the element that cites it (or to the draft when nothing does)."""

    marker: str
    text: str
    source: SourceRef = SourceRef()


@attrs.frozen
class Removed:
    """A piece of input deliberately left out of the model, such as a running header.

    ``kind`` says why (``page-number``, ``running-header``, ``symbol``, ``file-header`` ...), so a
    user can check that only page furniture was removed.
    """

    kind: str
    text: str
    source: SourceRef = SourceRef()


@attrs.frozen
class Provision:
    """A paragraph, subparagraph, point, unnumbered text block or preamble recital.

    ``text`` is the provision's own words (for a paragraph with subparagraphs, its chapeau);
    ``children`` hold the nested provisions. ``marker`` is the number as printed (``1.``,
    ``(a)``, ``a)``), ``num`` the number alone (``1``, ``a``). ``brackets`` is true when the text
    holds negotiation brackets; ``status`` holds notes such as ``agreed ad referendum``.
    """

    kind: ProvisionKind
    eid: str
    text: str
    num: str = ""
    marker: str = ""
    children: tuple[Provision, ...] = ()
    brackets: bool = False
    status: tuple[str, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    source: SourceRef = SourceRef()

    def walk(self) -> Iterator[Provision]:
        """Yield this provision and every provision nested in it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def full_text(self) -> str:
        """The provision with its marker and all nested provisions, one block per line."""
        return "\n".join(_provision_line(p) for p in self.walk())


def _provision_line(provision: Provision) -> str:
    return f"{provision.marker} {provision.text}" if provision.marker else provision.text


@attrs.frozen
class Division:
    """A part, chapter, section, title, subsection or annex.

    ``parent`` is the eid of the enclosing division; ``provisions`` hold text that stands in the
    division outside any article (the body of an annex, or the principles of a charter's part I).
    """

    kind: str
    eid: str
    num: str
    heading: str = ""
    label: str = ""
    parent: str | None = None
    provisions: tuple[Provision, ...] = ()
    source: SourceRef = SourceRef()
    status: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """The label and heading as one line, such as ``Chapter II – Criminalization``."""
        return " – ".join(part for part in (self.label, self.heading) if part)


@attrs.frozen
class Article:
    """An article: its number as printed (``7``, ``7 bis``), heading, and provisions."""

    num: str
    eid: str
    heading: str = ""
    label: str = ""
    division: str | None = None
    provisions: tuple[Provision, ...] = ()
    status: tuple[str, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    source: SourceRef = SourceRef()

    @property
    def deleted(self) -> bool:
        """True for a ``[deleted]`` placeholder: the number is kept but the text is gone."""
        return "deleted" in self.status

    def iter_provisions(self) -> Iterator[Provision]:
        """Every provision of the article, nested ones included, in document order."""
        for provision in self.provisions:
            yield from provision.walk()

    @property
    def text(self) -> str:
        """The article's body: every provision with its marker, one block per line."""
        return "\n".join(_provision_line(p) for p in self.iter_provisions())

    @property
    def title(self) -> str:
        """The label and heading as one line, such as ``Article 7 – Illegal access``."""
        return " – ".join(part for part in (self.label, self.heading) if part)


@attrs.frozen
class Draft:
    """One draft of a treaty, as loaded from a file or a string.

    ``removed`` lists everything the loader left out as page furniture, so that every word of the
    input is accounted for: either it is in the model or it is in ``removed``.
    """

    label: str
    title: str = ""
    preamble: tuple[Provision, ...] = ()
    divisions: tuple[Division, ...] = ()
    articles: tuple[Article, ...] = ()
    closing: tuple[Provision, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    removed: tuple[Removed, ...] = ()
    source: str = "<string>"
    format: str = "text"
    symbol: str | None = None
    preamble_label: str = ""
    #: Status notes on the title itself (``[pending]`` after a draft's title).
    status: tuple[str, ...] = ()

    def article(self, num: str | int) -> Article:
        """The article numbered *num* (``"7"``, ``7``, ``"7 bis"``, ``"7bis"``).

        Raises :class:`~treatydiff.exceptions.UnknownArticleError` naming the numbers that exist.
        """
        wanted = normalize_number(str(num))
        for article in self.articles:
            if normalize_number(article.num) == wanted:
                return article
        known = ", ".join(a.num for a in self.articles[:12])
        more = ", ..." if len(self.articles) > 12 else ""
        raise UnknownArticleError(
            f"no article {num!r}; this draft has articles {known}{more}",
            source=self.source,
        )

    def division(self, eid: str) -> Division:
        """The division with the element id *eid* (``chp_2``)."""
        for division in self.divisions:
            if division.eid == eid:
                return division
        raise UnknownArticleError(f"no division with eid {eid!r}", source=self.source)

    def walk(self) -> Iterator[Division | Article | Provision]:
        """Every division, article and provision in document order (nested provisions included)."""
        for provision in self.preamble:
            yield from provision.walk()
        articles_by_division: dict[str | None, list[Article]] = {}
        for article in self.articles:
            articles_by_division.setdefault(article.division, []).append(article)
        yield from _articles_with_provisions(articles_by_division.get(None, ()))
        for division in self.divisions:
            yield division
            for provision in division.provisions:
                yield from provision.walk()
            yield from _articles_with_provisions(articles_by_division.get(division.eid, ()))
        for provision in self.closing:
            yield from provision.walk()

    def __iter__(self) -> Iterator[Provision]:
        """Iterate over every provision in document order: preamble, articles, closing formula."""
        return (element for element in self.walk() if isinstance(element, Provision))

    @property
    def text(self) -> str:
        """The clean text of the draft, page furniture removed, one block per line."""
        return "\n".join(self.iter_blocks())

    def iter_blocks(self) -> Iterator[str]:
        """The clean text block by block, in document order: labels, headings, provisions."""
        if self.title:
            yield self.title
        if self.preamble_label:
            yield self.preamble_label
        for element in self.walk():
            if isinstance(element, Provision):
                yield _provision_line(element)
            else:
                yield from (part for part in (element.label, element.heading) if part)

    def outline(self) -> dict[str, Any]:
        """The structure as plain data (what ``treatydiff outline --format json`` prints)."""
        return {
            "label": self.label,
            "source": self.source,
            "format": self.format,
            "title": self.title,
            "symbol": self.symbol,
            "preamble": {"recitals": len(self.preamble)},
            "divisions": [
                {
                    "eid": d.eid,
                    "kind": d.kind,
                    "num": d.num,
                    "heading": d.heading,
                    "parent": d.parent,
                }
                for d in self.divisions
            ],
            "articles": [
                {
                    "num": a.num,
                    "heading": a.heading,
                    "eid": a.eid,
                    "division": a.division,
                    "provisions": sum(1 for _ in a.iter_provisions()),
                    "status": list(a.status),
                }
                for a in self.articles
            ],
            "closing": len(self.closing),
            "footnotes": sum(1 for _ in self.iter_footnotes()),
            "removed": len(self.removed),
        }

    def iter_footnotes(self) -> Iterator[Footnote]:
        """Every footnote: those attached to articles and provisions, then the draft's own."""
        for element in self.walk():
            yield from element.footnotes if not isinstance(element, Division) else ()
        yield from self.footnotes

    def _repr_html_(self) -> str:
        """Jupyter's rich display: the outline as a compact table."""
        from treatydiff.report.notebook import draft_html

        return draft_html(self)

    def __repr__(self) -> str:
        return (
            f"<Draft {self.label!r}: {len(self.articles)} articles, "
            f"{len(self.divisions)} divisions, {len(self.preamble)} recitals>"
        )


def _articles_with_provisions(
    articles: Iterable[Article],
) -> Iterator[Article | Provision]:
    for article in articles:
        yield article
        yield from article.iter_provisions()


_SPACES = re.compile(r"[\s\-–.]+")


def leads_in(text: str) -> bool:
    """Whether *text* introduces a list: it ends with a colon ("... shall ensure that:")."""
    return text.rstrip().endswith(":")


def normalize_number(num: str) -> str:
    """The comparable form of an article number: ``"7 bis"``, ``"7-bis"`` and ``"7bis"`` alike."""
    return _SPACES.sub("", num).lower()
