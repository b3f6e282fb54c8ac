"""Turn a reader's block stream into a :class:`~treatydiff.model.Draft`.

The segmenter walks the blocks once. Before the first preamble line or heading it collects the
title; then the preamble; from the first article or division heading on, the body; from a closing
formula ("IN WITNESS WHEREOF", "Done at") on, the closing. Inside an article, each block's marker
(``1.``, ``(a)``, ``a)``, ``(i)``, ``(1)``) decides how deep it sits: a marker style seen before in
the open chain closes back to that level, a new style opens a level below.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import attrs

from treatydiff.exceptions import DraftStructureError, EmptyDraftError
from treatydiff.load.blocks import Block, Extraction
from treatydiff.load.numbers import eid_number, has_brackets, unique_eid
from treatydiff.load.patterns import Heading, Layout, layout
from treatydiff.model import (
    Article,
    Division,
    Draft,
    Footnote,
    Provision,
    ProvisionKind,
    SourceRef,
)

__all__ = ["segment"]

_ROMAN = frozenset(
    "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx".split()
)
_KINDS: dict[str, tuple[ProvisionKind, str]] = {
    "arabic": ("paragraph", "para"),
    "paren-arabic": ("point", "point"),
    "alpha": ("subparagraph", "point"),
    "roman": ("point", "point"),
    "text": ("text", "text"),
}


@attrs.define
class _Node:
    kind: ProvisionKind
    prefix: str
    num: str
    marker: str
    text: str
    source: SourceRef
    status: list[str] = attrs.Factory(list)
    footnotes: list[Footnote] = attrs.Factory(list)
    children: list[_Node] = attrs.Factory(list)

    def freeze(self, parent_eid: str, taken: set[str]) -> Provision:
        own = f"{self.prefix}_{self.num}" if self.num else self.prefix
        eid = unique_eid(f"{parent_eid}__{own}", taken)
        return Provision(
            kind=self.kind,
            eid=eid,
            text=self.text,
            num=self.num,
            marker=self.marker,
            children=tuple(child.freeze(eid, taken) for child in self.children),
            brackets=has_brackets(self.text),
            status=tuple(self.status),
            footnotes=tuple(self.footnotes),
            source=self.source,
        )


@attrs.define
class _Tree:
    """The provisions of one container (an article, a division body, the preamble)."""

    roots: list[_Node] = attrs.Factory(list)
    chain: list[tuple[str, _Node]] = attrs.Factory(list)  # open levels, outermost first
    texts: int = 0

    def add(self, block: Block, text: str, spec: Layout, following: str | None = None) -> _Node:
        """Place a block; *following* is the number of the next block's marker, which tells a
        roman (i) from the ninth letter when (ii) comes next."""
        marker = spec.marker(text)
        if marker is None:
            return self._add_text(block, text)
        style = (
            "roman"
            if marker.num == "i" and following == "ii"
            else self._style(marker.style, marker.num)
        )
        kind, prefix = _KINDS[style]
        node = _Node(kind, prefix, marker.num, marker.marker, marker.text.strip(), block.source)
        if style == "arabic":
            self.chain.clear()
        else:
            styles = [s for s, _ in self.chain]
            if style in styles:
                del self.chain[styles.index(style) :]
        if self.chain:
            self.chain[-1][1].children.append(node)
        else:
            self.roots.append(node)
        self.chain.append((style, node))
        return node

    def _add_text(self, block: Block, text: str) -> _Node:
        if self.chain and self.chain[0][0] != "text":
            # A sentence after a paragraph's points belongs to the paragraph, not the last point.
            root = self.chain[0][1]
            node = _Node("text", "text", str(len(root.children) + 1), "", text, block.source)
            root.children.append(node)
            del self.chain[1:]
            return node
        self.texts += 1
        node = _Node("text", "text", str(self.texts), "", text, block.source)
        self.roots.append(node)
        self.chain[:] = [("text", node)]
        return node

    def _style(self, style: str, num: str) -> str:
        if style != "alpha" or num not in _ROMAN:
            return style
        for open_style, node in reversed(self.chain):
            if open_style == "alpha" and len(num) == 1 and ord(num) - ord(node.num[-1]) == 1:
                return "alpha"  # (h) then (i): the ninth letter, not a roman one
            if open_style in ("alpha", "roman"):
                return "roman"
        return "alpha" if num not in ("i", "ii", "iii") and len(num) == 1 else "roman"

    @property
    def last(self) -> _Node | None:
        return self.chain[-1][1] if self.chain else None

    def freeze(self, parent_eid: str, taken: set[str]) -> tuple[Provision, ...]:
        return tuple(node.freeze(parent_eid, taken) for node in self.roots)


@attrs.define
class _Builder:
    """An article or division being read: ``parent`` is the division that holds it."""

    heading: Heading
    eid: str
    parent: str | None
    source: SourceRef
    title: str = ""
    status: list[str] = attrs.Factory(list)
    footnotes: list[Footnote] = attrs.Factory(list)
    tree: _Tree = attrs.Factory(_Tree)


@attrs.define
class _Segmenter:
    spec: Layout
    source: str
    phase: str = "title"  # title, preamble, body, closing
    title: list[str] = attrs.Factory(list)
    preamble_label: str = ""
    preamble: _Tree = attrs.Factory(_Tree)
    closing: _Tree = attrs.Factory(_Tree)
    divisions: list[_Builder] = attrs.Factory(list)
    open_divisions: list[_Builder] = attrs.Factory(list)
    articles: list[_Builder] = attrs.Factory(list)
    article: _Builder | None = None
    awaiting_title: _Builder | None = None
    footnotes: list[Footnote] = attrs.Factory(list)
    title_status: list[str] = attrs.Factory(list)
    eids: set[str] = attrs.Factory(set)

    def feed(self, block: Block, following: Block | None = None) -> None:
        line = block.line
        text, status = self.spec.split_status(line)
        heading = (
            self.spec.loose_heading(text) if block.role == "heading" else self.spec.heading(text)
        )
        if heading and self._is_article_title(heading):
            heading = None  # "Article N" / "Appendix": the article's title, not an annex
        if heading and not (self.phase == "closing" and heading.kind != "annex"):
            title, embedded = self._split_embedded(heading.heading)
            self._open(attrs.evolve(heading, heading=title), block, status)
            if embedded is not None:
                self._open(embedded, block, ())
            return
        if not text:  # a status note on its own line
            self._note(status, block)
            return
        placeholder = self.spec.marker(f"{text} ") if status else None
        if placeholder is not None and not placeholder.text:
            # "2. [deleted]", "2. [moved]": a numbered provision kept, with only its note.
            text = f"{text} "
        if self.awaiting_title is not None:
            target, self.awaiting_title = self.awaiting_title, None
            if block.role == "heading" or _title_like(text, self.spec):
                target.title, embedded = self._split_embedded(text)
                target.footnotes.extend(block.footnotes)
                target.status.extend(status)
                if embedded is not None:
                    self._open(embedded, block, ())
                return
        if self.phase != "closing" and self.spec.closing.match(text):
            self.phase = "closing"
            self.article = None
        if self.phase == "title":
            if self.spec.preamble.fullmatch(text):
                self.preamble_label = text
                self.footnotes.extend(block.footnotes)
                self.phase = "preamble"
                return
            if (block.role == "heading" or _title_like(text, self.spec)) and len(self.title) < 3:
                self.title.append(text)
                self.title_status.extend(status)
                self.footnotes.extend(block.footnotes)
                return
            self.phase = "preamble"
        if (
            self.phase == "preamble"
            and not self.preamble.roots
            and self.spec.preamble.fullmatch(text)
        ):
            self.preamble_label = text
            return
        tree = self._tree()
        if self.phase == "preamble":
            node = self._recital(block, text)
        else:
            next_marker = self.spec.marker(following.line) if following is not None else None
            node = tree.add(block, text, self.spec, next_marker.num if next_marker else None)
        node.status.extend(status)
        node.footnotes.extend(block.footnotes)

    def _recital(self, block: Block, text: str) -> _Node:
        """Recitals and citations stand side by side, numbered "(1)" or not: a flat list."""
        marker = self.spec.marker(text)
        number = str(len(self.preamble.roots) + 1)
        if marker is not None:
            node = _Node(
                "recital", "recital", marker.num, marker.marker, marker.text.strip(), block.source
            )
        else:
            node = _Node("recital", "recital", number, "", text, block.source)
        self.preamble.roots.append(node)
        return node

    def _name_citations(self) -> None:
        """Where recitals are numbered ("(1) Whereas ..."), the unnumbered blocks around them are
        citations ("Having regard to ..."), counted apart: ``preamble__citation_2``."""
        if not any(node.marker for node in self.preamble.roots):
            return
        citations = [node for node in self.preamble.roots if not node.marker]
        for count, node in enumerate(citations, start=1):
            node.prefix, node.num = "citation", str(count)

    def _frozen_preamble(self, taken: set[str]) -> tuple[Provision, ...]:
        self._name_citations()
        return self.preamble.freeze("preamble", taken)

    def _is_article_title(self, heading: Heading) -> bool:
        return (
            self.awaiting_title is not None
            and self.awaiting_title.heading.kind == "article"
            and heading.kind == "annex"
            and not heading.num
            and not heading.heading
        )

    def _split_embedded(self, title: str) -> tuple[str, Heading | None]:
        """A title that ends with the label of the next division, as when a PDF run joins them:
        "HIGH-RISK AI SYSTEMS CHAPTER 1" is the title "HIGH-RISK AI SYSTEMS", then Chapter 1."""
        match = _EMBEDDED.match(title)
        if match is None or match["title"].upper() != match["title"]:
            return title, None
        embedded = self.spec.heading(match["label"])
        return (match["title"], embedded) if embedded is not None else (title, None)

    def _tree(self) -> _Tree:
        if self.phase in ("preamble", "closing"):
            return self.preamble if self.phase == "preamble" else self.closing
        if self.article is not None:
            return self.article.tree
        return self.open_divisions[-1].tree

    def _note(self, status: tuple[str, ...], block: Block) -> None:
        if not status:
            return
        if self.phase == "body" and self.article is not None:
            last = self.article.tree.last
            if last is not None and "deleted" not in status:
                last.status.extend(status)
            else:
                self.article.status.extend(status)
            self.article.footnotes.extend(block.footnotes)
        else:
            # A note on a heading line or outside any article still belongs to the draft.
            self.footnotes.extend(block.footnotes)
            tree = self._tree() if self.phase != "title" else self.preamble
            if tree.last is not None:
                tree.last.status.extend(status)

    def _open(self, heading: Heading, block: Block, status: tuple[str, ...]) -> None:
        self.phase = "body"
        if heading.kind == "article":
            parent = self.open_divisions[-1].eid if self.open_divisions else None
            eid = unique_eid(f"art_{eid_number(heading.num, roman=False)}", self.eids)
            article = _Builder(heading, eid, parent, block.source, heading.heading)
            article.status.extend(status)
            article.footnotes.extend(block.footnotes)
            self.articles.append(article)
            self.article = article
            self.awaiting_title = None if heading.heading else article
            return
        kinds = [d.heading.kind for d in self.open_divisions]
        if heading.kind == "annex":
            self.open_divisions.clear()
        elif heading.kind in kinds:
            del self.open_divisions[kinds.index(heading.kind) :]
        parent = self.open_divisions[-1].eid if self.open_divisions else None
        prefix = self.spec.division_eids[heading.kind]
        num = (
            eid_number(heading.num)
            if heading.num
            else str(1 + sum(d.heading.kind == heading.kind for d in self.divisions))
        )
        own = f"{prefix}_{num}"
        eid = unique_eid(f"{parent}__{own}" if parent else own, self.eids)
        division = _Builder(heading, eid, parent, block.source, heading.heading)
        division.status.extend(status)
        division.footnotes.extend(block.footnotes)
        self.divisions.append(division)
        self.open_divisions.append(division)
        self.article = None
        self.awaiting_title = None if heading.heading else division

    def draft(self, extraction: Extraction, *, label: str, fmt: str) -> Draft:
        taken = self.eids
        articles = tuple(
            Article(
                num=a.heading.num,
                eid=a.eid,
                heading=a.title,
                label=a.heading.label,
                division=a.parent,
                provisions=a.tree.freeze(a.eid, taken),
                status=tuple(dict.fromkeys(a.status)),
                footnotes=tuple(a.footnotes),
                source=a.source,
            )
            for a in self.articles
        )
        divisions = tuple(
            Division(
                kind=d.heading.kind,
                eid=d.eid,
                num=d.heading.num,
                heading=d.title,
                label=d.heading.label,
                parent=d.parent,
                provisions=d.tree.freeze(d.eid, taken),
                status=tuple(d.status),
                source=d.source,
            )
            for d in self.divisions
        )
        footnotes = list(self.footnotes) + [n for d in self.divisions for n in d.footnotes]
        return Draft(
            label=label,
            title=" ".join(self.title),
            preamble=self._frozen_preamble(taken),
            divisions=divisions,
            articles=articles,
            closing=self.closing.freeze("conclusions", taken),
            footnotes=tuple(footnotes) + extraction.footnotes,
            removed=extraction.removed,
            source=self.source,
            format=fmt,
            symbol=extraction.symbol,
            preamble_label=self.preamble_label,
            status=tuple(self.title_status),
        )


def segment(extraction: Extraction, *, label: str, source: str, fmt: str) -> Draft:
    """Build a draft from *extraction*; *source* names the input in error messages."""
    if not extraction.blocks:
        what = "only page furniture" if extraction.removed else "no text"
        raise EmptyDraftError(
            f"the draft holds {what}; check that this is the right file", source=source
        )
    segmenter = _Segmenter(layout(), source)
    blocks = list(_merge_bare_markers(extraction.blocks))
    for block, following in zip(blocks, [*blocks[1:], None], strict=True):
        segmenter.feed(block, following)
    if not segmenter.articles:
        first = extraction.blocks[0]
        raise DraftStructureError(
            "no articles found (looked for headings such as 'Article 1', 'Article 7 bis' or "
            f"'Art. 7'; the text starts {_preview(first.line)!r} at {first.source}); if the draft "
            "numbers its articles another way, convert it to Markdown with '## Article N' headings",
            source=source,
        )
    return segmenter.draft(extraction, label=label, fmt=fmt)


_EMBEDDED = re.compile(r"(?P<title>.*?\S)\s+(?P<label>(?:CHAPTER|SECTION|PART|TITLE)\s+\S+)")
_BARE_MARKER = re.compile(r"\(?[a-z0-9]{1,4}[.)]")


def _merge_bare_markers(blocks: Sequence[Block]) -> Iterator[Block]:
    """A block that is only a marker, "(c)", numbers the block after it (a table cell or a
    list label extracted on a line of its own)."""
    pending: Block | None = None
    for block in blocks:
        if pending is not None:
            spec = layout()
            text_only = spec.marker(block.text) is None and spec.heading(block.text) is None
            if block.role == "paragraph" and not block.number and text_only:
                yield attrs.evolve(
                    block, text=f"{pending.text} {block.text}", source=pending.source
                )
                pending = None
                continue
            yield pending
            pending = None
        if block.role == "paragraph" and not block.number and _BARE_MARKER.fullmatch(block.text):
            pending = block
        else:
            yield block
    if pending is not None:
        yield pending


def _title_like(text: str, spec: Layout) -> bool:
    return len(text.split()) <= 60 and not re.search(r"[.;:,]$", text) and spec.marker(text) is None


def _preview(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."
