"""Word-level diffs of two texts, free of noise, that rebuild both texts exactly.

Both texts are split into tokens (:mod:`treatydiff.tokens`); white space is left out of the
comparison, each other token is compared by its normalised key (:mod:`treatydiff.normalize`), and
the key sequences are diffed (:mod:`treatydiff._dmp`). The result is a list of :class:`Edit`\\ s
that cover both texts end to end, so that joining the old sides of the edits gives the old text
and joining the new sides gives the new text. White space between words belongs to the equal
run next to it, so that edits begin and end on words.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import attrs

from treatydiff._dmp import Run, diff_sequences
from treatydiff.normalize import (
    DEFAULT_POLICY,
    NormalizationPolicy,
    Normalized,
    absorbed_kind,
    comparison_key,
)
from treatydiff.references import Renumbering
from treatydiff.tokens import TOKEN

__all__ = ["Edit", "EditOp", "WordDiff", "diff_words"]

EditOp = Literal["equal", "insert", "delete", "replace"]


@attrs.frozen
class Edit:
    """One run of a diff: the old and new text it covers and where, in the style of difflib."""

    op: EditOp
    old: str
    new: str
    old_start: int
    old_end: int
    new_start: int
    new_end: int

    def to_dict(self) -> dict[str, str]:
        """The edit as the JSON report lists it, without the white space around its words."""
        return {"op": self.op, "old": self.old.strip(), "new": self.new.strip()}


@attrs.frozen
class WordDiff:
    """The edits between *old* and *new*, and what the normalisation policy absorbed."""

    old: str
    new: str
    edits: tuple[Edit, ...]
    normalized: tuple[Normalized, ...] = ()
    policy: NormalizationPolicy = DEFAULT_POLICY

    @property
    def changed(self) -> bool:
        """Whether any edit is more than cosmetic."""
        return any(edit.op != "equal" for edit in self.edits)

    @property
    def changes(self) -> tuple[Edit, ...]:
        """The edits that insert, delete or replace something."""
        return tuple(edit for edit in self.edits if edit.op != "equal")

    def rebuild_old(self) -> str:
        """The old text, from the edits alone."""
        return "".join(edit.old for edit in self.edits)

    def rebuild_new(self) -> str:
        """The new text, from the edits alone."""
        return "".join(edit.new for edit in self.edits)

    def inline(self, context: int | None = None) -> str:
        """The diff as one line: ``[-removed-]{+added+}`` around the words that changed.

        With *context*, equal runs longer than that many characters are shortened to ``...``.
        """
        parts = []
        for edit in self.edits:
            if edit.op == "equal":
                parts.append(_shorten(edit.new, context))
                continue
            shown = edit.new or edit.old
            parts.append(shown[: len(shown) - len(shown.lstrip())])  # the space before the words
            if edit.old.strip():
                parts.append(f"[-{edit.old.strip()}-]")
            if edit.new.strip():
                parts.append(f"{{+{edit.new.strip()}+}}")
        return "".join(parts)


def diff_words(
    old: str,
    new: str,
    *,
    policy: NormalizationPolicy = DEFAULT_POLICY,
    renumbering: Renumbering | None = None,
    heading: bool = False,
) -> WordDiff:
    """Diff *old* and *new* word by word.

    *renumbering* maps old article numbers to new ones (from the alignment); with the policy's
    ``cross_references`` switch on, a reference renumbered accordingly is no change. *heading*
    says the texts are headings, where the policy may ignore case.
    """
    old_tokens = _tokens(old, policy, heading, renumbering)
    new_tokens = _tokens(new, policy, heading, None)
    runs = diff_sequences([t.key for t in old_tokens], [t.key for t in new_tokens])
    edits = tuple(_edits(old, new, old_tokens, new_tokens, runs))
    normalized = tuple(_absorbed(old_tokens, new_tokens, runs, policy))
    return WordDiff(old, new, edits, normalized, policy)


@attrs.frozen
class _Token:
    text: str
    key: str
    start: int
    end: int
    space: str  # the white space before it
    reference: bool = False


def _tokens(
    text: str, policy: NormalizationPolicy, heading: bool, renumbering: Renumbering | None
) -> list[_Token]:
    # Where a referenced article number starts: its end, and the number it became.
    references: dict[int, tuple[int, str]] = {}
    if renumbering is not None and policy.cross_references:
        references = {
            start: (end, renumbering.number(text[start:end]))
            for start, end in renumbering.spans(text)
        }
    tokens: list[_Token] = []
    space = ""
    for match in TOKEN.finditer(text):
        token, start, end = match.group(0), match.start(), match.end()
        if policy.whitespace and token.isspace():
            space = token
            continue
        if start in references:
            # "6(2)" is one token: the number part is renumbered, the rest kept.
            number_end, number = references[start]
            key = number + token[number_end - start :]
            tokens.append(_Token(token, key, start, end, space, reference=key != token))
        else:
            key = comparison_key(token, policy, heading=heading)
            tokens.append(_Token(token, key, start, end, space))
        space = ""
    if text and not tokens:  # white space alone still has to be rebuilt
        tokens.append(_Token(text, " ", 0, len(text), ""))
    return tokens


def _edits(
    old: str,
    new: str,
    old_tokens: list[_Token],
    new_tokens: list[_Token],
    runs: list[Run],
) -> Iterator[Edit]:
    """Turn token runs into edits that cover both texts, white space included.

    Each token owns the white space before it (the last one also what follows it), so an edit
    holds whole words, and an insertion between two words carries one space of its own.
    """
    old_cuts = _segments(old_tokens, len(old))
    new_cuts = _segments(new_tokens, len(new))
    pending: Edit | None = None
    for op, i1, i2, j1, j2 in runs:
        o1, o2 = _extent(old_cuts, i1, i2, len(old))
        n1, n2 = _extent(new_cuts, j1, j2, len(new))
        edit = Edit(op, old[o1:o2], new[n1:n2], o1, o2, n1, n2)
        if pending is not None and op != "equal":
            pending = Edit(
                "replace",
                old[pending.old_start : o2],
                new[pending.new_start : n2],
                pending.old_start,
                o2,
                pending.new_start,
                n2,
            )
            continue
        if pending is not None:
            yield pending
        pending = edit if op != "equal" else None
        if op == "equal":
            yield edit
    if pending is not None:
        yield pending


def _segments(tokens: list[_Token], length: int) -> list[tuple[int, int]]:
    """Each token's share of the text: from the end of the token before it to its own end."""
    cuts = []
    previous = 0
    for index, token in enumerate(tokens):
        end = length if index == len(tokens) - 1 else token.end
        cuts.append((previous, end))
        previous = end
    return cuts


def _extent(cuts: list[tuple[int, int]], first: int, last: int, length: int) -> tuple[int, int]:
    if last > first:
        return cuts[first][0], cuts[last - 1][1]
    position = cuts[first][0] if first < len(cuts) else length
    return position, position


def _absorbed(
    old_tokens: list[_Token],
    new_tokens: list[_Token],
    runs: list[Run],
    policy: NormalizationPolicy,
) -> Iterator[Normalized]:
    """Every difference inside the equal runs: what the policy treated as cosmetic."""
    for op, i1, i2, j1, j2 in runs:
        if op != "equal":
            continue
        for old, new in zip(old_tokens[i1:i2], new_tokens[j1:j2], strict=True):
            if old.space != new.space:
                yield Normalized("whitespace", old.space, new.space)
            if old.text != new.text:
                kind = (
                    "cross-reference"
                    if old.reference
                    else absorbed_kind(old.text, new.text, policy)
                )
                yield Normalized(kind, old.text, new.text)


def _shorten(text: str, context: int | None) -> str:
    if context is None or len(text) <= 2 * context + 5:
        return text
    return f"{text[:context]}...{text[-context:]}"
