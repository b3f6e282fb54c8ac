"""The format-neutral block stream that every reader produces and the segmenter consumes.

A reader's job ends at blocks: one block per paragraph of the source, with the page furniture
taken out (and listed), hard-wrapped lines joined, and footnotes resolved to the block that cites
them. Telling articles from paragraphs is the segmenter's job, the same for every format.
"""

from __future__ import annotations

from typing import Literal

import attrs

from treatydiff.load.patterns import layout
from treatydiff.model import Footnote, Removed, SourceRef

__all__ = ["Block", "BlockCollector", "BlockRole", "Extraction"]

BlockRole = Literal["paragraph", "heading"]


@attrs.frozen
class Block:
    """One paragraph of the source.

    ``role`` is ``heading`` only when the markup says so (a Markdown ``#``, an HTML ``<h3>``, a
    Word heading style); plain text leaves it to the segmenter. ``number`` is a number that the
    format generates rather than prints (Word's automatic numbering, an HTML ``<ol>``), as it
    would be displayed: ``Article 7``, ``1.``, ``(a)``.
    """

    text: str
    source: SourceRef
    role: BlockRole = "paragraph"
    level: int = 0
    number: str = ""
    footnotes: tuple[Footnote, ...] = ()

    @property
    def line(self) -> str:
        """The block as it reads on the page, with a generated number in front."""
        return f"{self.number} {self.text}".strip() if self.number else self.text


@attrs.frozen
class Extraction:
    """What a reader gives the segmenter: blocks in order, and what it deliberately removed.

    ``footnotes`` holds footnotes that no block cites; ``symbol`` the document symbol found in
    the furniture (``A/AC.291/22/Rev.1``), if any.
    """

    blocks: tuple[Block, ...]
    removed: tuple[Removed, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    symbol: str | None = None


class BlockCollector:
    """What the Word and HTML readers share as they collect blocks: page furniture typed into
    the body (UN mastheads: symbol, ``Distr.`` line, job number) and notes cited from no block."""

    blocks: list[Block]
    removed: list[Removed]
    stray_notes: list[Footnote]
    symbol: str | None

    def _is_furniture(self, text: str, source: SourceRef) -> bool:
        """Whether *text* is a whole line of page furniture; if so it is listed as removed."""
        kind = layout().furniture_kind(text)
        if kind is None:
            return False
        if kind == "symbol":
            self.symbol = self.symbol or text
        self.removed.append(Removed(kind, text, source))
        return True

    def _attach_to_previous(self, notes: tuple[Footnote, ...]) -> None:
        """Notes cited from a paragraph that gives no block (a reference standing alone, or one
        in furniture) go to the block before it."""
        if not notes:
            return
        if self.blocks:
            last = self.blocks[-1]
            self.blocks[-1] = attrs.evolve(last, footnotes=last.footnotes + notes)
        else:
            self.stray_notes.extend(notes)
