"""Concern packs: what a group worries about, where in a treaty it looks, and how it judges.

A pack is data (TOML, see ``docs/concerns.md``): per concern, the places it applies to, the words
that make a provision protective or risky for it, and rules that map the kinds of change found in
such a provision to an effect (``addresses``, ``worsens``). Polarity lives in the rules: the same
kind of change can address a concern in a power and worsen it in a safeguard.
"""

from __future__ import annotations

import re
from typing import Literal

import attrs

__all__ = ["Concern", "ConcernPack", "ConcernRule", "ConcernTag", "Effect", "Role"]

Effect = Literal["addresses", "worsens", "mixed"]
#: What a provision is for a concern: a power it fears, a safeguard it wants, or any provision.
Role = Literal["power", "safeguard", "any"]


@attrs.frozen
class ConcernRule:
    """When a change matches, it has *effect* on the concern.

    A change matches when one of its findings is of one of *kinds* (and, if *detail* is set, its
    detail matches too, as ``"lowered"`` for a threshold), when the new text holds more of the
    *added* phrases than the old, or fewer of the *removed* ones; each condition given must hold.
    *role* limits the rule to provisions that are powers or safeguards for the concern, *where* to
    the preamble or the operative articles (``"preamble-only"``: the preamble, when no operative
    article of the new draft holds any of the *added* phrases); a finding of one of *unless*
    stops it. *because* says why in a few words, for the rationale.
    """

    id: str
    effect: Literal["addresses", "worsens", "mixed"]
    because: str
    kinds: tuple[str, ...] = ()
    added: re.Pattern[str] | None = None
    removed: re.Pattern[str] | None = None
    role: Role = "any"
    where: Literal["anywhere", "operative", "preamble", "preamble-only"] = "anywhere"
    confidence: float = 0.7
    detail: re.Pattern[str] | None = None
    #: Kinds that stop the rule: a new paragraph that is an exception is no new offence.
    unless: tuple[str, ...] = ()


@attrs.frozen
class Concern:
    """One concern: where it applies, what is protective and risky for it, and its rules."""

    id: str
    title: str
    description: str
    #: Patterns for division headings, article headings and provision text that bring a change
    #: within the concern's reach; a change matching none is not judged for it.
    divisions: re.Pattern[str] | None
    headings: re.Pattern[str] | None
    terms: re.Pattern[str] | None
    #: Words that make a provision a safeguard (protective) or a power (risky) for the concern.
    protective: re.Pattern[str] | None
    risky: re.Pattern[str] | None
    #: Article headings whose provisions are safeguards whatever their words.
    safeguard_headings: re.Pattern[str] | None
    default_role: Literal["power", "safeguard"]
    rules: tuple[ConcernRule, ...]


@attrs.frozen
class ConcernPack:
    """A named list of concerns (the default: the six of the January 2024 joint statement)."""

    id: str
    title: str
    description: str
    concerns: tuple[Concern, ...]
    source: str = "<pack>"

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(concern.id for concern in self.concerns)

    def concern(self, concern_id: str) -> Concern:
        for concern in self.concerns:
            if concern.id == concern_id:
                return concern
        raise KeyError(
            f"no concern {concern_id!r} in pack {self.id!r}; it has {', '.join(self.ids)}"
        )


@attrs.frozen
class ConcernTag:
    """Whether one change addresses or worsens one concern, why, and the words that show it."""

    change: str
    concern: str
    effect: Effect
    confidence: float
    rationale: str
    evidence: tuple[str, ...]
    rule: str
