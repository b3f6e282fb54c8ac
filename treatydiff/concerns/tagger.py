"""The tagger: for each change and each concern, addresses, worsens or mixed, and why.

For every change of a comparison and every concern of the pack, the tagger first asks whether the
change is within the concern's reach (its divisions, article headings or terms), then what the
changed provision is for the concern (a power it fears or a safeguard it wants), then which of the
concern's rules the change matches. One effect from all matching rules is that effect; opposite
effects make the tag "mixed". A change no rule matches gets no tag for that concern; cosmetic
changes (editorial, renumbered references) match no rule by construction.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import attrs

from treatydiff.classify import term_shift
from treatydiff.concerns.model import Concern, ConcernPack, ConcernRule, ConcernTag, Effect, Role
from treatydiff.model import Article, Draft, Provision, leads_in

if TYPE_CHECKING:
    from treatydiff.compare import Change

__all__ = ["ChangeSetting", "setting_of", "tag_changes"]

#: Kinds that never carry meaning on their own: a change of only these kinds is never tagged.
COSMETIC = frozenset({"editorial", "cross-reference-only", "restructured"})


@attrs.frozen
class ChangeSetting:
    """Where a change stands: the texts the concern's reach and role are judged on."""

    divisions: str  # the titles of the divisions around the article, old and new
    heading: str  # the article's heading, old and new
    text: str  # the provision's old and new text, and its chapeau
    preamble: bool
    #: The text of the new draft's operative articles (for a change in the preamble only), to
    #: tell words the preamble adds from words that are confined to it.
    operative: str = ""


def tag_changes(
    changes: Sequence[Change], old: Draft, new: Draft, pack: ConcernPack
) -> tuple[ConcernTag, ...]:
    """Tag every change with every concern of *pack* it matters to."""
    tags: list[ConcernTag] = []
    operative = _operative_text(new)
    for change in changes:
        if set(change.kinds) <= COSMETIC:
            continue
        setting = setting_of(change, old, new, operative=operative)
        for concern in pack.concerns:
            tag = tag_change(change, setting, concern)
            if tag is not None:
                tags.append(tag)
    return tuple(tags)


def tag_change(change: Change, setting: ChangeSetting, concern: Concern) -> ConcernTag | None:
    """The tag of one change for one concern, or ``None`` when the concern has nothing to say."""
    if not _within_reach(concern, setting):
        return None
    role = role_of(concern, setting)
    matched = [
        (rule, found) for rule in concern.rules if (found := _match(rule, change, setting, role))
    ]
    if any(rule.where == "preamble-only" for rule, _ in matched):
        # Words confined to the preamble: the narrower rule speaks, not the one for any recital.
        matched = [(rule, found) for rule, found in matched if rule.where != "preamble"]
    if not matched:
        return None
    effects = {rule.effect for rule, _ in matched}
    effect: Effect = effects.pop() if len(effects) == 1 else "mixed"
    best = max(matched, key=lambda m: m[0].confidence)
    confidence = best[0].confidence if effect != "mixed" else round(best[0].confidence * 0.8, 2)
    evidence = tuple(dict.fromkeys(word for _, (words, _) in matched for word in words))
    rule_ids = [rule.id for rule, _ in matched]
    return ConcernTag(
        change=change.id,
        concern=concern.id,
        effect=effect,
        confidence=confidence,
        rationale=_rationale(change, concern, matched, effect),
        evidence=evidence[:8],
        rule="+".join(dict.fromkeys(rule_ids)),
    )


def role_of(concern: Concern, setting: ChangeSetting) -> Role:
    """Whether the provision is a safeguard or a power for *concern*.

    The concern's protective and risky words in the provision and its chapeau are counted: a
    permission to transfer data is a power even in an article on data protection. A tie goes to
    the article's heading (a safeguard article), then to the concern's default.
    """
    protective = len(concern.protective.findall(setting.text)) if concern.protective else 0
    risky = len(concern.risky.findall(setting.text)) if concern.risky else 0
    if protective != risky:
        return "safeguard" if protective > risky else "power"
    if concern.safeguard_headings and concern.safeguard_headings.search(setting.heading):
        return "safeguard"
    return concern.default_role


def setting_of(
    change: Change, old: Draft, new: Draft, *, operative: str | None = None
) -> ChangeSetting:
    """The setting of *change*, looked up in the two drafts. (*operative*, the text of the new
    draft's articles, may be given when it is already at hand.)"""
    if change.new_article == "preamble" or change.old_article == "preamble":
        text = f"{change.old_text}\n{change.new_text}"
        articles = _operative_text(new) if operative is None else operative
        return ChangeSetting("preamble", "preamble", text, True, articles)
    parts_divisions: list[str] = []
    parts_heading: list[str] = []
    parts_text = [change.old_text, change.new_text]
    for draft, eid in ((old, change.old_eid), (new, change.new_eid)):
        article = _article(draft, eid)
        if article is None:
            continue
        parts_heading.append(article.heading)
        parts_divisions.extend(_division_titles(draft, article))
        parts_text.append(_chapeau(article, eid or ""))
    return ChangeSetting(
        "\n".join(dict.fromkeys(parts_divisions)),
        "\n".join(dict.fromkeys(parts_heading)),
        "\n".join(part for part in parts_text if part),
        False,
    )


def _operative_text(draft: Draft) -> str:
    return "\n".join(article.text for article in draft.articles)


def _article(draft: Draft, eid: str | None) -> Article | None:
    if not eid:
        return None
    article_eid = eid.split("__")[0]
    return next((a for a in draft.articles if a.eid == article_eid), None)


def _division_titles(draft: Draft, article: Article) -> Iterator[str]:
    divisions = {d.eid: d for d in draft.divisions}
    eid = article.division
    while eid is not None and eid in divisions:
        yield divisions[eid].title
        eid = divisions[eid].parent


def _chapeau(article: Article, eid: str) -> str:
    """The sentence that leads in to provision *eid*, if any.

    A lettered or numbered point reads on from its parent; any provision reads on from a
    sentence that ends with a colon, in its parent or in an earlier sibling that holds nothing
    itself ("... permitted for:" then "(a)", "(b)" at the same level). An unnumbered
    subparagraph after a full stop is a sentence of its own, often an exception to the ban
    before it, and has no lead-in.
    """

    def search(provisions: tuple[Provision, ...], parent_text: str) -> str | None:
        parent_lead_in = parent_text if leads_in(parent_text) else ""
        lead_in = parent_lead_in
        for provision in provisions:
            is_point = provision.eid.rsplit("__", 1)[-1].startswith("point_")
            if not is_point:  # a new sentence ends the run of points a sibling led in to
                lead_in = parent_lead_in
            if provision.eid == eid:
                return lead_in or (parent_text if is_point else "")
            found = search(provision.children, provision.text)
            if found is not None:
                return found
            if leads_in(provision.text) and not provision.children:
                lead_in = provision.text
        return None

    return search(article.provisions, "") or ""


def _within_reach(concern: Concern, setting: ChangeSetting) -> bool:
    checks = (
        (concern.divisions, setting.divisions),
        (concern.headings, setting.heading),
        (concern.terms, setting.text),
    )
    given = [(pattern, text) for pattern, text in checks if pattern is not None]
    return not given or any(pattern.search(text) for pattern, text in given)


def _match(
    rule: ConcernRule, change: Change, setting: ChangeSetting, role: Role
) -> tuple[list[str], str] | None:
    """The evidence and detail for which *rule* matches *change*, or ``None``."""
    if rule.role not in ("any", role):
        return None
    wants_preamble = rule.where in ("preamble", "preamble-only")
    if rule.where != "anywhere" and wants_preamble != setting.preamble:
        return None
    if rule.where == "preamble-only" and rule.added and rule.added.search(setting.operative):
        return None
    if any(kind in rule.unless for kind in change.kinds):
        return None
    evidence: list[str] = []
    details: list[str] = []
    if rule.kinds:
        found = [
            f
            for f in change.findings
            if f.kind in rule.kinds and (rule.detail is None or rule.detail.search(f.detail))
        ]
        if not found:
            return None
        evidence += [word for f in found for word in f.evidence]
        details += [f.detail for f in found if f.detail]
    for pattern, side in ((rule.added, 0), (rule.removed, 1)):
        if pattern is None:
            continue
        # Brackets mark text not yet agreed, not words: "[by means of]" reads "by means of".
        old, new = (_unbracketed(text) for text in (change.old_text, change.new_text))
        terms = term_shift(pattern, old, new)[side]
        if not terms:
            return None
        evidence += terms
        details.append(("adds " if side == 0 else "removes ") + ", ".join(f"“{t}”" for t in terms))
    return evidence, "; ".join(dict.fromkeys(details))


def _unbracketed(text: str) -> str:
    return re.sub(r"[\[\]]", "", re.sub(r"\]\s*\[", " ", text))


_EFFECT_PHRASES = {
    "addresses": "which addresses",
    "worsens": "which worsens",
    "mixed": "which both addresses and worsens",
}


def _rationale(
    change: Change,
    concern: Concern,
    matched: list[tuple[ConcernRule, tuple[list[str], str]]],
    effect: Effect,
) -> str:
    """One plain sentence: the article, what changed, why it matters, and the effect.

    The reason is the surest rule's (for a mixed effect, the surest on each side), and the words
    are that rule's own.
    """
    ranked = sorted(matched, key=lambda m: -m[0].confidence)
    sides = ("addresses", "worsens", "mixed") if effect == "mixed" else (effect,)
    chosen = [
        next(m for m in ranked if m[0].effect == side)
        for side in sides
        if any(m[0].effect == side for m in ranked)
    ]
    reasons = list(dict.fromkeys(rule.because for rule, _ in chosen))
    detail = next((d for _, (_, d) in chosen if d), "")
    what = f"{detail} ({' and '.join(reasons)})" if detail else " and ".join(reasons)
    place = change.where
    title = concern.title[:1].lower() + concern.title[1:]
    return f"In {place}, {what}, {_EFFECT_PHRASES[effect]} the concern about {title}."
