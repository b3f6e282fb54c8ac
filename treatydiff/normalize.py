"""What counts as no change at all: the normalisation policy of word diffs.

Two drafts differ in many ways that mean nothing: line breaks and spaces, typographic against
straight quotes, en dashes against hyphens, soft and non-breaking hyphens, the capitalisation of
a heading, and cross-references renumbered because articles were renumbered. The word diff
compares tokens by a key that the policy normalises, and reports every difference it absorbed,
so that nothing is hidden: a user can see what was treated as cosmetic.
"""

from __future__ import annotations

from typing import Final

import attrs

__all__ = ["DEFAULT_POLICY", "NormalizationPolicy", "Normalized", "comparison_key"]

_QUOTES: Final = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"}
)
_DASHES: Final = str.maketrans({"–": "-", "—": "-", "‒": "-", "−": "-"})
_HYPHENS: Final = str.maketrans({"\u00ad": None, "\u2010": "-", "\u2011": "-"})


@attrs.frozen
class NormalizationPolicy:
    """Which differences a word diff treats as cosmetic. Every switch is on by default."""

    whitespace: bool = True  # runs of spaces, tabs and line breaks
    quotes: bool = True  # “typographic” and "straight" quotes
    dashes: bool = True  # en and em dashes against hyphens
    hyphens: bool = True  # soft hyphens, non-breaking hyphens
    heading_case: bool = True  # "Use of Terms" against "Use of terms", in headings only
    cross_references: bool = True  # "article 24" -> "article 25" where 24 became 25

    def describe(self) -> list[str]:
        """The switches that are on, by name (what reports print)."""
        return [field.name for field in attrs.fields(type(self)) if getattr(self, field.name)]


DEFAULT_POLICY: Final = NormalizationPolicy()


@attrs.frozen
class Normalized:
    """A difference the policy absorbed: its kind, and the old and new spellings."""

    kind: str  # whitespace, quotes, dashes, hyphens, case, cross-reference
    old: str
    new: str


def comparison_key(token: str, policy: NormalizationPolicy, *, heading: bool = False) -> str:
    """The form in which *token* is compared with tokens of the other draft."""
    if policy.whitespace and token.isspace():
        return " "
    if policy.quotes:
        token = token.translate(_QUOTES)
    if policy.dashes:
        token = token.translate(_DASHES)
    if policy.hyphens:
        token = token.translate(_HYPHENS)
    if heading and policy.heading_case:
        token = token.lower()
    return token


def absorbed_kind(old: str, new: str, policy: NormalizationPolicy) -> str:
    """Which normalisation made *old* and *new* compare equal (for the report)."""
    if old.isspace() and new.isspace():
        return "whitespace"
    for kind, table in (("quotes", _QUOTES), ("dashes", _DASHES), ("hyphens", _HYPHENS)):
        if getattr(policy, kind) and old.translate(table) == new.translate(table):
            return kind
    if old.lower() == new.lower():
        return "case"
    return "mixed"
