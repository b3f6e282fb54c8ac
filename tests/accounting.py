"""Word accounting: every word of an input is in the model or in what the loader removed."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from treatydiff import Division, Draft, Removed

# A word broken across lines ("informa-" / "tion") is compared joined, and a hyphenated word is
# compared without its hyphens, so that both spellings of a repaired break count as one word.
_LINE_BREAK_HYPHEN = re.compile(r"([A-Za-z])-[ \t]*(?:\r?\n[ \t\f]*)+([a-z])")
_TOKEN = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*|\d+")


def tokens(text: str) -> list[str]:
    """The comparable words of *text*, in order."""
    text = _LINE_BREAK_HYPHEN.sub(r"\1-\2", text)
    return [t.replace("-", "").lower() for t in _TOKEN.findall(text)]


def model_pieces(draft: Draft) -> Iterator[str]:
    """Every piece of text the model holds, main text first in document order."""
    yield from draft.iter_blocks()
    for element in draft.walk():
        if not isinstance(element, Division):
            yield from element.status


def footnote_pieces(draft: Draft) -> Iterator[str]:
    """Each footnote's marker and text."""
    for note in draft.iter_footnotes():
        yield note.marker
        yield note.text


def unaccounted(source_text: str, draft: Draft) -> tuple[Counter[str], Counter[str]]:
    """(words of the input found nowhere, words of the model not in the input).

    A footnote's marker stands twice in the input (where it is cited and before the note), once
    in the model, so a marker may be missing once per footnote.
    """
    given = Counter(tokens(_without_removed_lines(source_text, draft)))
    kept = Counter(_all(model_pieces(draft)))
    kept.update(_all(footnote_pieces(draft)))
    kept.update(_all(r.text for r in draft.removed if not _whole_line(r)))
    markers = Counter(tokens(" ".join(n.marker for n in draft.iter_footnotes())))
    lost = given - kept - markers
    invented = kept - given
    return lost, invented


def _without_removed_lines(source_text: str, draft: Draft) -> str:
    """The input less the lines removed whole (page furniture), so that a word broken across a
    page break reads joined; the removed lines are checked to hold what the draft says they do."""
    lines = source_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for item in draft.removed:
        if _whole_line(item):
            line = lines[item.source.line - 1]  # type: ignore[operator]
            assert tokens(item.text) == tokens(line), (item, line)
            lines[item.source.line - 1] = ""  # type: ignore[operator]
    return "\n".join(lines)


def _whole_line(item: Removed) -> bool:
    """Page furniture is removed a line at a time; a link target is part of a line."""
    return item.source.line is not None and item.kind != "link-target"


def in_order(source_text: str, draft: Draft) -> bool:
    """True when the model's main text appears in the input in the same order."""
    haystack = iter(tokens(_without_removed_lines(source_text, draft)))
    return all(word in haystack for word in _all(draft.iter_blocks()))


def _all(pieces: Iterable[str]) -> list[str]:
    return [t for piece in pieces for t in tokens(piece)]
