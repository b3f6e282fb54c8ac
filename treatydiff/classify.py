"""What a change means: an ordered chain of small rules that type each changed provision.

Every rule has one signature, ``rule(context) -> Iterable[Finding]``: it looks at the old and new
text of one provision (and the word diff between them) and reports the kinds of change it
recognises, with the words that prove each. The rules run in the order of :data:`RULES`; the last
ones only speak when no earlier rule found anything substantive (a change that is only a
renumbered cross-reference, only editorial, or a rewording of no recognised kind). The words the
rules look for are data (``data/vocabulary.toml``).

The classifier says what happened to the text, never whether it is good: a weaker duty is good
news in a surveillance power and bad news in a safeguard, and telling which is the concern
tagger's job.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from importlib import resources
from typing import Any, Final

import attrs

from treatydiff.exceptions import UnknownArticleError
from treatydiff.model import Article, Draft, leads_in
from treatydiff.tokens import words
from treatydiff.worddiff import Edit, WordDiff, diff_words

__all__ = [
    "KINDS",
    "RULES",
    "ChangeContext",
    "Finding",
    "Vocabulary",
    "classify",
    "classify_texts",
    "phrases_pattern",
    "term_shift",
    "vocabulary",
]

#: Every kind a change can have, with its opposite (swapping old and new turns one into the other).
KINDS: Final = {
    "obligation-weakened": "obligation-strengthened",
    "obligation-strengthened": "obligation-weakened",
    "scope-broadened": "scope-narrowed",
    "scope-narrowed": "scope-broadened",
    "safeguard-added": "safeguard-removed",
    "safeguard-removed": "safeguard-added",
    "exception-added": "exception-removed",
    "exception-removed": "exception-added",
    "intent-added": "intent-removed",
    "intent-removed": "intent-added",
    "threshold-changed": "threshold-changed",
    "definition-changed": "definition-changed",
    "provision-added": "provision-deleted",
    "provision-deleted": "provision-added",
    "brackets-resolved": "brackets-added",
    "brackets-added": "brackets-resolved",
    "cross-reference-only": "cross-reference-only",
    "editorial": "editorial",
    "reworded": "reworded",
    "restructured": "restructured",
}


@attrs.frozen
class Finding:
    """One kind of change in one provision, with the words that show it.

    ``evidence`` quotes the text (old words before new ones); ``detail`` says it in a phrase,
    such as ``"“may” becomes “shall”"`` or ``"“four years” becomes “two years” (minimum
    lowered)"``.
    """

    kind: str
    evidence: tuple[str, ...]
    detail: str = ""


@attrs.frozen
class Vocabulary:
    """The compiled contents of ``data/vocabulary.toml``."""

    modals: dict[str, int]
    modal_pattern: re.Pattern[str]
    modal_transparent: re.Pattern[str]
    qualifiers: re.Pattern[str]
    deferred_law: re.Pattern[str]
    broadening: re.Pattern[str]
    limiting: re.Pattern[str]
    safeguards: re.Pattern[str]
    safeguard_weights: dict[str, float]
    safeguard_waivers: re.Pattern[str]
    threshold_bound: re.Pattern[str]
    threshold_bound_after: re.Pattern[str]
    definition_alternatives: re.Pattern[str]
    joining: frozenset[str]
    exceptions: re.Pattern[str]
    exception_lists: re.Pattern[str]
    intent: re.Pattern[str]
    threshold: re.Pattern[str]
    definition_headings: re.Pattern[str]


@attrs.frozen
class ChangeContext:
    """What a rule may look at: one provision's old and new text, and where it stands.

    ``old`` is empty for an added provision and ``new`` for a deleted one. ``heading`` is true
    when the text is an article's heading; ``parent`` is the chapeau of the provision that holds
    this one (for a point, the sentence that introduces the list).
    """

    old: str
    new: str
    diff: WordDiff
    vocabulary: Vocabulary
    old_article: Article | None = None
    new_article: Article | None = None
    old_draft: Draft | None = None
    new_draft: Draft | None = None
    heading: bool = False
    parent: str = ""
    #: For sentences regrouped under a lead-in (or points made sentences again): the old and
    #: new text as read, each point after its lead-in, for counting what each sentence says.
    readings: tuple[str, str] | None = None

    @property
    def added(self) -> bool:
        return not self.old.strip() and bool(self.new.strip())

    @property
    def deleted(self) -> bool:
        return bool(self.old.strip()) and not self.new.strip()


Rule = Callable[[ChangeContext], Iterable[Finding]]


def phrases_pattern(
    phrases: Iterable[str], *, not_after: Iterable[str] = (), asides: bool = False
) -> re.Pattern[str]:
    """One pattern for *phrases*: whole words, any case, longest first, "*" for any one word.

    A phrase right after one of the words *not_after* does not match. With *asides*, the words
    may stand apart by an aside between commas: "shall, in accordance with its law, ensure".
    """
    gap = _ASIDE if asides else r"[\s,]+"
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        words = [r"[\w'-]+" if w == "*" else re.escape(w) for w in phrase.split()]
        # Words may stand apart by commas too: "shall, where appropriate, ensure".
        parts.append(gap.join(words))
    guards = "".join(rf"(?<!\b{re.escape(word)}\s)" for word in not_after)
    return re.compile(rf"(?<![\w-]){guards}(?:{'|'.join(parts)})(?![\w-])", re.IGNORECASE)


@cache
def vocabulary() -> Vocabulary:
    """The classifier's vocabulary, loaded from the package data once."""
    data: dict[str, Any] = tomllib.loads(
        resources.files("treatydiff").joinpath("data/vocabulary.toml").read_text("utf-8")
    )
    units = phrases_pattern(data["thresholds"]["units"]).pattern
    numbers = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    return Vocabulary(
        modals=data["modals"],
        modal_pattern=phrases_pattern(data["modals"], asides=True),
        modal_transparent=phrases_pattern(data["modals_transparent"]["phrases"]),
        qualifiers=phrases_pattern(data["qualifiers"]["phrases"]),
        deferred_law=_deferred_law_pattern(data["qualifiers"]),
        broadening=phrases_pattern(data["scope"]["broadening"]),
        limiting=phrases_pattern(
            data["scope"]["limiting"], not_after=data["scope"]["limiting_not_after"]
        ),
        safeguards=phrases_pattern(data["safeguards"]["phrases"]),
        safeguard_weights=dict(data["safeguards"]["weights"]),
        safeguard_waivers=_waived_pattern(data["safeguards"]),
        threshold_bound=_bound_pattern(data["thresholds"], after=False),
        threshold_bound_after=_bound_pattern(data["thresholds"], after=True),
        definition_alternatives=re.compile(
            rf"{phrases_pattern(data['definitions']['alternatives'], not_after=['not']).pattern}"
            r"\s*:\s*$",
            re.IGNORECASE,
        ),
        exceptions=phrases_pattern(data["exceptions"]["phrases"]),
        exception_lists=phrases_pattern(data["exceptions"]["lists"]),
        intent=phrases_pattern(data["intent"]["phrases"]),
        threshold=re.compile(
            rf"(?<![\w.])(?P<number>\d+(?:[.,]\d+)?|(?:{numbers})(?:[\s-]+(?:and[\s-]+)?(?:{numbers}))*)"
            rf"(?:\s|-)+(?:\(\d+\)\s+)?(?P<unit>{units})",
            re.IGNORECASE,
        ),
        definition_headings=phrases_pattern(data["definitions"]["headings"]),
        joining=frozenset(data["restructuring"]["joining"]),
    )


def _bound_pattern(thresholds: dict[str, Any], *, after: bool) -> re.Pattern[str]:
    """The words that make a quantity a maximum or a minimum, as the groups ``maximum`` and
    ``minimum``: those that end the text before it (``thresholds.maximum``, ``.minimum``), or,
    *after*, those that open the text after it (``.maximum_after``, ``.minimum_after``)."""
    suffix = "_after" if after else ""
    maximum = phrases_pattern(thresholds[f"maximum{suffix}"]).pattern
    minimum = phrases_pattern(thresholds[f"minimum{suffix}"]).pattern
    either = rf"(?:(?P<maximum>{maximum})|(?P<minimum>{minimum}))"
    return re.compile(rf"\s*{either}" if after else rf"{either}\s*$", re.IGNORECASE)


def _deferred_law_pattern(qualifiers: dict[str, Any]) -> re.Pattern[str]:
    """ "in accordance with applicable ... law" and its like (``qualifiers.deferring`` and
    ``qualifiers.deferred_laws``)."""
    deferring = phrases_pattern(qualifiers["deferring"]).pattern
    laws = phrases_pattern(qualifiers["deferred_laws"]).pattern
    # "the applicable rules of domestic and international human rights law, including ..."
    one = (
        r"(?:(?:rules|provisions|norms)\s+of\s+)?"
        rf"(?:(?:domestic|national|international)\s+(?:and|or)\s+)?{laws}"
    )
    several = rf"{one}(?:\s*,?\s*(?:including|and|or)\s+{one})*"
    return re.compile(
        rf"{deferring}\s+(?:(?:the|its|their)\s+)?applicable\s+{several}", re.IGNORECASE
    )


def _waived_pattern(safeguards: dict[str, Any]) -> re.Pattern[str]:
    """Safeguards followed by words that waive them ("the consent of the data subject shall
    not be required", "dual criminality, in such cases, is not required"), or done without
    ("without a warrant or prior judicial authorization"); never "without discrimination",
    which is the safeguard itself."""
    article = r"(?:(?:the|a|an|any|its|their)\s+)?"
    named = phrases_pattern(safeguards["phrases"]).pattern
    several = rf"{named}(?:\s*(?:,|\bor\b|\band\b|\bnor\b)\s*{article}{named})*"
    waivers = phrases_pattern(safeguards["waivers"]).pattern
    without = phrases_pattern(safeguards["done_without"]).pattern
    complement = r"(?:\s+(?:of|by|from|for)\s+[^,;.]{1,40}?)?"
    aside = r"(?:\s*,[^,;.]{1,80},)?"
    return re.compile(
        rf"{several}{complement}{aside}\s+{waivers}"
        rf"|{without}\s+{article}(?!(?:\w+\s+)?discrimination\b){several}",
        re.IGNORECASE,
    )


_UNITS_WORDS: Final = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS_WORDS: Final = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORDINAL_WORDS: Final = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_NUMBER_WORDS: Final = (
    {w: n for n, w in enumerate(_UNITS_WORDS, start=1)}
    | {w: 10 * n for n, w in enumerate(_TENS_WORDS, start=2)}
    | {w: n for n, w in enumerate(_ORDINAL_WORDS, start=1)}
    | {w[:-1] + "ieth": 10 * n for n, w in enumerate(_TENS_WORDS, start=2)}  # fortieth
    | {"hundred": 100, "hundredth": 100, "thousand": 1000}
)
#: Time units in days, so that "six months" and "one year" compare.
_DAYS: Final = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}


# -- the rules ----------------------------------------------------------------------------------


def provision_added_or_deleted(ctx: ChangeContext) -> Iterator[Finding]:
    """A provision (or a whole article) that appears or disappears."""
    if ctx.added:
        yield Finding("provision-added", (_quote(ctx.new),), f"new text “{_opening(ctx.new)}”")
    elif ctx.deleted:
        yield Finding(
            "provision-deleted", (_quote(ctx.old),), f"deleted text “{_opening(ctx.old)}”"
        )


def _opening(text: str) -> str:
    """The first line of *text* (an article's heading), cut at its first sentence: a name for it."""
    first = text.strip().splitlines()[0] if text.strip() else ""
    sentence = re.split(r"(?<=[.;:])\s", first, maxsplit=1)[0]
    return _quote(sentence, 70)


def brackets(ctx: ChangeContext) -> Iterator[Finding]:
    """Negotiation brackets resolved (their text kept or dropped), or opened.

    Kept text becomes agreed text, so what it says counts as added (and alternatives all kept,
    "[A][B]" -> "A or B", widen the provision); text put back into brackets counts the other way.
    """
    old, new = _BRACKETED.findall(ctx.old), _BRACKETED.findall(ctx.new)
    if len(new) < len(old):
        gone = list((Counter(old) - Counter(new)).elements())
        kept = [text for text in gone if _plain(text) in _plain(ctx.new)]
        outcomes = [f"[{text}] {'kept' if text in kept else 'dropped'}" for text in gone]
        yield Finding("brackets-resolved", tuple(f"[{text}]" for text in gone), "; ".join(outcomes))
        yield from _agreed(ctx.old, ctx.new, kept, ctx.vocabulary, reopened=False)
        yield from _alternatives(ctx, reopened=False)
        yield from _agreed_list_items(ctx, reopened=False)
    elif len(new) > len(old):
        fresh = list((Counter(new) - Counter(old)).elements())
        reopened = [text for text in fresh if _plain(text) in _plain(ctx.old)]
        yield Finding("brackets-added", tuple(f"[{text}]" for text in fresh), "new brackets")
        yield from _agreed(ctx.new, ctx.old, reopened, ctx.vocabulary, reopened=True)
        yield from _alternatives(ctx, reopened=True)
        yield from _agreed_list_items(ctx, reopened=True)


def _exchange(ctx: ChangeContext) -> tuple[list[str], list[str]] | None:
    """(withdrawn, tabled) when the only change is to bracketed alternatives that stay open
    ("[A][B]" -> "[C][A]", or only reordered), else ``None``."""
    old, new = _BRACKETED.findall(ctx.old), _BRACKETED.findall(ctx.new)
    if len(old) != len(new) or not (
        _ALTERNATIVES.search(ctx.old) and _ALTERNATIVES.search(ctx.new)
    ):
        return None
    if _plain(_BRACKETED.sub(" ", ctx.old)) != _plain(_BRACKETED.sub(" ", ctx.new)):
        return None
    withdrawn = list((Counter(old) - Counter(new)).elements())
    tabled = list((Counter(new) - Counter(old)).elements())
    # Only alternatives: a lone bracket edited ("[for up to 90 days]") is an ordinary change.
    if not all(_among_alternatives(t, ctx.old) for t in withdrawn) or not all(
        _among_alternatives(t, ctx.new) for t in tabled
    ):
        return None
    return withdrawn, tabled


def _among_alternatives(bracketed: str, text: str) -> bool:
    return any(f"[{bracketed}]" in group.group(0) for group in _ALTERNATIVES.finditer(text))


def _exchanged(ctx: ChangeContext, withdrawn: list[str], tabled: list[str]) -> Iterator[Finding]:
    """Alternatives exchanged: the withdrawn one is resolved away, the tabled one is new, and
    what the exchange does is judged as if the withdrawn text had become the tabled one."""
    if withdrawn:
        evidence = tuple(f"[{text}]" for text in withdrawn)
        yield Finding("brackets-resolved", evidence, f"{_listing(list(evidence))} withdrawn")
    if tabled:
        evidence = tuple(f"[{text}]" for text in tabled)
        yield Finding("brackets-added", evidence, f"{_listing(list(evidence))} tabled")
    if len(withdrawn) == len(tabled) == 1:
        before, after = withdrawn[0], tabled[0]
        as_if = attrs.evolve(
            ctx, old=before, new=after, diff=diff_words(before, after), readings=None
        )
        found = {(f.kind, f.evidence): f for rule in _CONTENT_RULES for f in rule(as_if)}
        for finding in found.values():
            yield attrs.evolve(finding, detail=f"{finding.detail}, in the alternative tabled")


def _agreed_list_items(ctx: ChangeContext, *, reopened: bool) -> Iterator[Finding]:
    """List items kept from brackets ("telephone number, [billing details,] the type of
    service" -> the same, unbracketed): the list is wider, as if they had been added;
    *reopened*, items put back into brackets narrow it."""
    bracketed, plain = (ctx.new, ctx.old) if reopened else (ctx.old, ctx.new)
    in_groups = [group.span() for group in _ALTERNATIVES.finditer(bracketed)]
    kept = {
        match.span()
        for match in _BRACKETED.finditer(bracketed)
        if match.group(0) not in plain
        and _plain(match.group(1)) in _plain(plain)
        and not any(start <= match.start() < end for start, end in in_groups)
    }
    if not kept:
        return
    without = _BRACKETED.sub(lambda m: "" if m.span() in kept else m.group(0), bracketed)
    without = re.sub(r"  +", " ", without)
    old, new = (plain, without) if reopened else (without, plain)
    listed, unlisted = _list_items(diff_words(old, new).edits)
    if reopened and unlisted:
        yield Finding("scope-narrowed", tuple(unlisted), f"back in brackets: {_listing(unlisted)}")
    elif listed and not reopened:
        yield Finding("scope-broadened", tuple(listed), f"list items agreed: {_listing(listed)}")


def _alternatives(ctx: ChangeContext, *, reopened: bool) -> Iterator[Finding]:
    """One of bracketed alternatives chosen ("[90][180] days" -> "90 days"), judged against each
    alternative dropped as if that had been the text, by the value rules (a modal, a number);
    *reopened*, agreed text put back beside alternatives ("90 days" -> "[90][180] days")."""
    bracketed, plain = (ctx.new, ctx.old) if reopened else (ctx.old, ctx.new)
    groups = list(_ALTERNATIVES.finditer(bracketed))
    if not groups:
        return
    seen = {(f.kind, f.evidence) for f in (*modal_strength(ctx), *thresholds(ctx))}
    for group in groups:
        if group.group(0) in plain:
            continue
        options = _BRACKETED.findall(group.group(0))
        chosen = [text for text in options if _plain(text) in _plain(plain)]
        if len(chosen) != 1:
            continue
        for other in options:
            if other in chosen:
                continue
            text = bracketed[: group.start()] + other + bracketed[group.end() :]
            old, new = (ctx.old, text) if reopened else (text, ctx.new)
            as_if = attrs.evolve(ctx, old=old, new=new, diff=diff_words(old, new), readings=None)
            note = "tabled as an alternative" if reopened else "chosen over"
            for finding in (*modal_strength(as_if), *thresholds(as_if)):
                if (finding.kind, finding.evidence) not in seen:
                    seen.add((finding.kind, finding.evidence))
                    # Evidence quotes the drafts: the alternatives stand for the words as if.
                    evidence = tuple(
                        e if e.lower() in f"{ctx.old}\n{ctx.new}".lower() else group.group(0)
                        for e in finding.evidence
                    )
                    detail = f"{finding.detail}, {note} “[{other}]”"
                    yield attrs.evolve(finding, evidence=evidence, detail=detail)


def _agreed(
    bracketed: str, plain: str, texts: list[str], vocab: Vocabulary, *, reopened: bool
) -> Iterator[Finding]:
    """What bracketed *texts* say, now agreed in *plain* (or, *reopened*, in dispute again)."""

    def kind(agreed: str) -> str:
        return KINDS[agreed] if reopened else agreed

    alternatives = len(texts) >= 2 and re.search(r"\]\s*\[", bracketed)
    if alternatives and re.search(r"\b(?:or|and/or)\b", _plain_between(plain, texts)):
        yield Finding(kind("scope-broadened"), tuple(texts), "alternatives all kept")
    as_written = (bracketed, plain, " ".join(texts), " ".join(_BRACKETED.findall(plain)))
    in_force = tuple(_in_force(text, vocab) for text in as_written)
    for pattern, agreed, (before, after, joined, still_bracketed) in (
        (vocab.broadening, "scope-broadened", as_written),
        (vocab.limiting, "scope-narrowed", as_written),
        (vocab.qualifiers, "obligation-weakened", as_written),
        (vocab.safeguards, "safeguard-added", in_force),
        (vocab.exceptions, "exception-added", as_written),
        (vocab.intent, "intent-added", as_written),
    ):
        # A term the plain side has fewer of than the bracketed side was dropped on balance;
        # the term rules report that, so it is not also "agreed" here.
        fewer = _counts(pattern, before) - _counts(pattern, after)
        terms = sorted(
            set(_counts(pattern, joined)) - set(_counts(pattern, still_bracketed)) - set(fewer)
        )
        if terms:
            how = "back in brackets" if reopened else "agreed"
            yield Finding(kind(agreed), tuple(terms), f"{how}: {_listing(terms)}")


def _plain_between(text: str, parts: list[str]) -> str:
    """The words of *text* between the first and last of *parts*."""
    low = min((text.find(p) for p in parts if p in text), default=-1)
    high = max((text.find(p) + len(p) for p in parts if p in text), default=-1)
    return text[low:high] if 0 <= low < high else ""


def modal_strength(ctx: ChangeContext) -> Iterator[Finding]:
    """A modal verb in an edited passage that binds more or less than before (shall -> may)."""
    if ctx.added or ctx.deleted:
        return
    vocab, strengths = ctx.vocabulary, ctx.vocabulary.modals
    old = _touched(vocab.modal_pattern, _see_through(ctx.old, vocab), ctx.diff.edits, side="old")
    new = _touched(vocab.modal_pattern, _see_through(ctx.new, vocab), ctx.diff.edits, side="new")
    for old_match, new_match in zip(old, new, strict=False):
        a = strengths[_modal_key(_words(old_match.group(0)), strengths)]
        b = strengths[_modal_key(_words(new_match.group(0)), strengths)]
        if a != b:
            # Quoted as written, the words seen through included.
            before = _words(ctx.old[old_match.start() : old_match.end()])
            after = _words(ctx.new[new_match.start() : new_match.end()])
            kind = "obligation-weakened" if b < a else "obligation-strengthened"
            yield Finding(kind, (before, after), f"“{before}” becomes “{after}”")
            yield from _elements_required(ctx, before, after, strengthened=b > a)


def _see_through(text: str, vocab: Vocabulary) -> str:
    """*text* with the words that only say "legislate for" blanked out (a colon after them
    too), and brackets, so that "shall [endeavour to] ensure" reads as one modal; at the same
    length, so that edit offsets still hold."""

    def blank(match: re.Match[str]) -> str:
        return " " * len(match.group(0))

    text = re.sub(rf"{vocab.modal_transparent.pattern}(?:\s*:)?", blank, text, flags=re.IGNORECASE)
    return text.replace("[", " ").replace("]", " ")


def _elements_required(
    ctx: ChangeContext, before: str, after: str, *, strengthened: bool
) -> Iterator[Finding]:
    """A State that "may require" an intent element now "shall require" it: the element of the
    offence becomes mandatory (intent added), or the reverse (intent removed)."""
    requires = all(re.search(r"\brequire", text, re.IGNORECASE) for text in (ctx.old, ctx.new))
    intent = sorted(
        set(_counts(ctx.vocabulary.intent, ctx.old)) & set(_counts(ctx.vocabulary.intent, ctx.new))
    )
    if requires and intent:
        kind = "intent-added" if strengthened else "intent-removed"
        yield Finding(
            kind, (f"{after} require", *intent), f"“{before} require” becomes “{after} require”"
        )


def qualifiers(ctx: ChangeContext) -> Iterator[Finding]:
    """A qualifier that softens a duty ("as appropriate", "subject to domestic law")."""
    if ctx.added or ctx.deleted:
        return
    added, removed = _shift_in(ctx, ctx.vocabulary.qualifiers)
    if added:
        yield Finding("obligation-weakened", tuple(added), f"qualified by {_listing(added)}")
    if removed:
        yield Finding("obligation-strengthened", tuple(removed), f"no longer {_listing(removed)}")


def safeguards_by_reference(ctx: ChangeContext) -> Iterator[Finding]:
    """Safeguard articles applied by reference ("Articles 18 and 19 of this Convention apply to
    the powers established under this article"), where the article's heading names a safeguard
    ("Conditions and safeguards"), added or removed."""
    old = _safeguard_articles(ctx.old, ctx.old_draft, ctx.vocabulary)
    new = _safeguard_articles(ctx.new, ctx.new_draft, ctx.vocabulary)
    for kind, refs, gone in (("safeguard-added", new, old), ("safeguard-removed", old, new)):
        headings = {heading for heading, _ in gone}
        found = [(heading, quote) for heading, quote in refs if heading not in headings]
        if found:
            named = _listing([heading for heading, _ in found])
            yield Finding(kind, tuple(quote for _, quote in found), f"applies {named}")


def _safeguard_articles(text: str, draft: Draft | None, vocab: Vocabulary) -> list[tuple[str, str]]:
    """(heading, the words that apply it) of each safeguard article that *text* applies."""
    if draft is None:
        return []
    found = []
    for match in _APPLIES_ARTICLES.finditer(text):
        for num in re.findall(r"\d+", match.group("applied") or match.group("subject_to")):
            try:
                article = draft.article(num)
            except UnknownArticleError:  # a reference to a number the draft does not have
                continue
            if vocab.safeguards.search(article.heading):
                found.append((article.heading, " ".join(match.group(0).split())))
    return found


def scope(ctx: ChangeContext) -> Iterator[Finding]:
    """Words that widen or confine what a provision covers, and items added to a list."""
    if ctx.added or ctx.deleted:
        return
    # "in accordance with applicable international law, including human rights law" widens
    # nothing: the law deferred to is the qualifier's, judged by the qualifier rule.
    wider, narrower = _shift_in(
        _mapped(ctx, lambda text: ctx.vocabulary.deferred_law.sub(" ", text)),
        ctx.vocabulary.broadening,
    )
    # A limit that is itself a safeguard ("only for the purposes for which the data were
    # transferred", "limited to what is necessary") is judged by the safeguard rule.
    unsafeguarded = _mapped(ctx, lambda text: ctx.vocabulary.safeguards.sub(" ", text))
    limited, unlimited = _shift_in(unsafeguarded, ctx.vocabulary.limiting)
    # A limit inside an extension qualifies what is added, not the provision: ", and any other
    # serious offence" widens it.
    limited = [t for t in limited if not _in_extension(t, ctx, side="new")]
    unlimited = [t for t in unlimited if not _in_extension(t, ctx, side="old")]
    listed, unlisted = _list_items(ctx.diff.edits)
    broadened = [*wider, *unlimited, *listed]
    narrowed = [*narrower, *limited, *unlisted]
    # Both ways at once ("the offences established in accordance with this Convention" -> "any
    # serious crime"): the side with more evidence carries the change.
    if broadened and narrowed and len(broadened) != len(narrowed):
        if len(broadened) > len(narrowed):
            narrowed = []
        else:
            broadened = []
    if broadened:
        yield Finding("scope-broadened", tuple(broadened), _scope_detail(wider, unlimited, listed))
    if narrowed:
        yield Finding("scope-narrowed", tuple(narrowed), _scope_detail(narrower, limited, unlisted))


def _mapped(ctx: ChangeContext, read: Callable[[str], str]) -> ChangeContext:
    """*ctx* with *read* applied to both texts and to their readings, if any."""
    readings = ctx.readings and (read(ctx.readings[0]), read(ctx.readings[1]))
    return attrs.evolve(ctx, old=read(ctx.old), new=read(ctx.new), readings=readings)


def _in_extension(term: str, ctx: ChangeContext, *, side: str) -> bool:
    """Whether *term* stands in a passage inserted (or, *side* "old", deleted) that opens with
    a widening word, before the passage's clause ends: "and any other serious offence",
    "including serious crimes"."""
    for edit in ctx.diff.changes:
        text = edit.new if side == "new" else edit.old
        opening = re.sub(r"^[\s,;]*(?:(?:and|or)\s+)?", "", text)
        match = ctx.vocabulary.broadening.match(opening)
        if match is None:
            continue
        clause = re.split(r"[;.:]|,\s*(?:and|or)\s+(?:shall|may|must)\b", opening[match.end() :])[0]
        if re.search(rf"(?<!\w){re.escape(term)}(?!\w)", clause, re.IGNORECASE):
            return True
    return False


def safeguards(ctx: ChangeContext) -> Iterator[Finding]:
    """Protections (review, authorisation, remedy, proportionality ...) added or removed.

    One safeguard replaced by another counts as the one that weighs more: "prior judicial
    authorization" -> "independent review" is a safeguard removed. A safeguard named only as
    the law a qualifier defers to ("in accordance with applicable international human rights
    law"), or named to be waived ("dual criminality shall not be required"), counts for none.
    """
    ctx = _mapped(ctx, lambda text: _in_force(text, ctx.vocabulary))
    added, removed = _shift_in(ctx, ctx.vocabulary.safeguards)
    if added and removed and not (ctx.added or ctx.deleted):
        weights = ctx.vocabulary.safeguard_weights
        gained = sum(weights.get(term, 1) for term in added)
        lost = sum(weights.get(term, 1) for term in removed)
        if lost != gained:
            kind = "safeguard-removed" if lost > gained else "safeguard-added"
            stronger, weaker = (removed, added) if lost > gained else (added, removed)
            evidence = (*removed, *added)
            detail = (
                f"{_listing(weaker)} in place of {_listing(stronger)}"
                if lost > gained
                else (f"{_listing(stronger)} in place of {_listing(weaker)}")
            )
            yield Finding(kind, evidence, detail)
            return
    yield from _term_findings(
        ctx, ctx.vocabulary.safeguards, "safeguard-added", "safeguard-removed"
    )


def exceptions(ctx: ChangeContext) -> Iterator[Finding]:
    """Exceptions and savings clauses ("unless", "shall not apply", "nothing in ..."), and items
    added to (or removed from) a list of refusal grounds or exceptions."""
    yield from _term_findings(
        ctx, ctx.vocabulary.exceptions, "exception-added", "exception-removed", synonyms=True
    )
    chapeau = ctx.vocabulary.exception_lists.search(ctx.parent) if ctx.parent else None
    if chapeau and (ctx.added or ctx.deleted):
        kind = "exception-added" if ctx.added else "exception-removed"
        item = _quote(ctx.new or ctx.old, 80)
        yield Finding(kind, (chapeau.group(0), item), f"a ground under “{chapeau.group(0)}”")
        # A ground for refusing assistance also protects the person the request is about.
        if ctx.vocabulary.safeguards.search(chapeau.group(0)):
            kind = "safeguard-added" if ctx.added else "safeguard-removed"
            yield Finding(kind, (item,), f"a refusal ground: “{item}”")


def intent(ctx: ChangeContext) -> Iterator[Finding]:
    """Mental elements of an offence ("intentionally", "without right", "dishonest intent")."""
    yield from _term_findings(
        ctx, ctx.vocabulary.intent, "intent-added", "intent-removed", synonyms=True
    )


def thresholds(ctx: ChangeContext) -> Iterator[Finding]:
    """A number with a unit that changed: “four years” becomes “two years” (minimum lowered)."""
    for before, after, bound, direction in _threshold_moves(ctx):
        yield Finding(
            "threshold-changed",
            (before, after),
            f"“{before}” becomes “{after}” ({bound or 'minimum'} {direction})",
        )


def _threshold_moves(ctx: ChangeContext) -> Iterator[tuple[str, str, str, str]]:
    """(old quantity, new quantity, "minimum", "maximum" or "" (not said), "raised" or
    "lowered") for each number with a unit that changed."""
    if ctx.added or ctx.deleted:
        return
    old = _quantities(ctx.vocabulary.threshold, ctx.old)
    new = _quantities(ctx.vocabulary.threshold, ctx.new)
    for unit in sorted(set(old) & set(new)):
        for (a_text, a, a_span), (b_text, b, b_span) in zip(old[unit], new[unit], strict=False):
            if a != b:
                bounds = {_bound(ctx.old, a_span, ctx.vocabulary)}
                bounds |= {_bound(ctx.new, b_span, ctx.vocabulary)}
                known = bounds - {""}
                # Two different bounds ("at least four years" -> "up to two years"): no direction.
                bound = known.pop() if len(known) == 1 else ""
                yield a_text, b_text, bound, "raised" if b > a else "lowered"


def _bound(text: str, span: tuple[int, int], vocab: Vocabulary) -> str:
    """Whether the quantity at *span* of *text* is a ``maximum`` ("up to 90 days", "under
    eighteen years", "18 years or under") or a ``minimum`` ("at least four years", "not less
    than 90 days", "four years or more"), by the words around it; ``""`` when they say
    neither."""
    start, end = span
    before = vocab.threshold_bound.search(text[max(0, start - 30) : start])
    if before is not None:
        return "maximum" if before["maximum"] else "minimum"
    after = vocab.threshold_bound_after.match(text[end : end + 20])
    return "" if after is None else "maximum" if after["maximum"] else "minimum"


def definitions(ctx: ChangeContext) -> Iterator[Finding]:
    """A definition in a use-of-terms article, naming the term and the articles that use it.

    A definition decides what its term covers, so a threshold in it moves that reach ("at least
    four years" -> "at least two years": more crimes are "serious"), and so does an item added
    to or dropped from a list of alternatives the term is defined by ("means: (i) ...; (ii)
    ..."; not a list of conditions or exclusions).
    """
    article = ctx.new_article or ctx.old_article
    if article is None or not ctx.vocabulary.definition_headings.search(article.heading):
        return
    if not ctx.diff.changes and not (ctx.added or ctx.deleted):
        return
    listed_term = _defined_term(ctx.parent) if leads_in(ctx.parent) else None
    term = _defined_term(ctx.new) or _defined_term(ctx.old) or listed_term
    if not term:
        return
    users = _articles_using(term, ctx.new_draft, exclude=article.num)
    where = f"; used in articles {', '.join(users)}" if users else ""
    yield Finding("definition-changed", (term,), f"definition of “{term}”{where}")
    for before, after, bound, direction in _threshold_moves(ctx):
        if not bound:
            continue  # "has not attained the age of eighteen years": which way is not said
        wider = (bound, direction) in (("minimum", "lowered"), ("maximum", "raised"))
        yield Finding(
            "scope-broadened" if wider else "scope-narrowed",
            (before, after),
            f"“{term}” covers {'more' if wider else 'less'}: “{before}” becomes “{after}”",
        )
    alternatives = ctx.vocabulary.definition_alternatives.search(ctx.parent)
    if listed_term and alternatives and (ctx.added or ctx.deleted):
        items = [(_quote(ctx.new or ctx.old, 80), ctx.added)]
    else:
        items = list(_disjuncts(ctx))
    for item, wider in items:
        kind, how = ("scope-broadened", "now") if wider else ("scope-narrowed", "no longer")
        yield Finding(kind, (item,), f"“{term}” {how} covers “{item}”")


def _disjuncts(ctx: ChangeContext) -> Iterator[tuple[str, bool]]:
    """Alternatives added to a definition (True) or dropped from it (False): a passage that
    opens with "or" ("..., or that stores data for such a body"), inserted or kept from
    brackets, or deleted or put back into brackets."""
    kept = [t for t in _BRACKETED.findall(ctx.old) if f"[{t}]" not in ctx.new and t in ctx.new]
    reopened = [t for t in _BRACKETED.findall(ctx.new) if f"[{t}]" not in ctx.old and t in ctx.old]
    for text, wider in (*((t, True) for t in kept), *((t, False) for t in reopened)):
        if match := _DISJUNCT.match(text):
            yield _quote(match["item"], 80), wider
    for edit in ctx.diff.changes:
        for text, other, wider in ((edit.new, ctx.old, True), (edit.old, ctx.new, False)):
            match = _DISJUNCT.match(text)
            # An item moved within the definition ("..., route, time or date") is not new.
            if match and _plain(match["item"]) not in _plain(other):
                yield _quote(match["item"], 80), wider


#: A passage that adds an alternative: "or the address assigned to the subscriber", not a
#: condition ("or where ...").
_DISJUNCT: Final = re.compile(
    r"[\s,;]*(?:or|and/or)\s+(?!(?:where|if|when|unless|except|provided|not)\b)(?P<item>\w.*)",
    re.IGNORECASE | re.DOTALL,
)


def fallbacks(ctx: ChangeContext) -> Iterator[Finding]:
    """For changes no rule above explained: renumbered references, editorial, or a rewording."""
    changes = ctx.diff.changes
    if not changes:
        return
    evidence, detail = _edit_evidence(changes), _edit_detail(changes)
    if all(_only_reference_numbers(edit, ctx) for edit in changes):
        yield Finding("cross-reference-only", evidence, f"cross-reference: {detail}")
    elif all(_editorial(edit) or _doubled(edit, ctx) for edit in changes):
        yield Finding("editorial", evidence, f"punctuation, case or spelling: {detail}")
    elif _same_words_regrouped(ctx):
        yield Finding("restructured", evidence, f"regrouped under a lead-in: {detail}")
    else:
        yield Finding("reworded", evidence, f"reworded: {detail}")


#: The chain, in order. The fallbacks run only when nothing above found a substantive change.
RULES: Final[tuple[Rule, ...]] = (
    provision_added_or_deleted,
    brackets,
    modal_strength,
    qualifiers,
    scope,
    safeguards,
    safeguards_by_reference,
    exceptions,
    intent,
    thresholds,
    definitions,
    fallbacks,
)


#: The rules that judge what a text says, as against where it stands or how it is marked.
_CONTENT_RULES: Final[tuple[Rule, ...]] = (
    modal_strength,
    qualifiers,
    scope,
    safeguards,
    exceptions,
    intent,
    thresholds,
)


def classify_texts(old: str, new: str, *, heading: str = "") -> tuple[Finding, ...]:
    """Classify the change from *old* to *new* (two versions of one provision) on its own.

    *heading* is the heading of the article the provision stands in (it tells a definition).
    """
    article = Article(num="", eid="", heading=heading) if heading else None
    ctx = ChangeContext(old, new, diff_words(old, new), vocabulary(), article, article)
    return classify(ctx)


def classify(ctx: ChangeContext, rules: Sequence[Rule] = RULES) -> tuple[Finding, ...]:
    """Run the rules on one changed provision; the findings, in rule order.

    A ``[deleted]`` placeholder that appears or disappears is editorial whatever its heading
    says: the text it stands for went when the placeholder was put in. Bracketed alternatives
    exchanged or reordered, the rest unchanged, are judged by ``_exchanged`` alone.
    """
    placeholder = ctx.old_article if ctx.deleted else ctx.new_article if ctx.added else None
    if placeholder is not None and placeholder.deleted:
        how = "dropped" if ctx.deleted else "put in"
        quote = _quote(ctx.old or ctx.new, 80)
        return (Finding("editorial", (quote,), f"a “[deleted]” placeholder {how}: “{quote}”"),)
    exchange = _exchange(ctx)
    if exchange is not None:  # the raw diff would pair the alternatives by place, not meaning
        moved = (Finding("editorial", _edit_evidence(ctx.diff.changes), "alternatives reordered"),)
        return (*(tuple(_exchanged(ctx, *exchange)) or moved), *definitions(ctx))
    findings: list[Finding] = []
    for rule in rules:
        if rule is fallbacks:
            substantive = [
                f for f in findings if f.kind not in ("brackets-resolved", "brackets-added")
            ]
            if substantive or (findings and _only_brackets(ctx)):
                continue
        findings.extend(rule(ctx))
    return tuple(findings)


# -- helpers ------------------------------------------------------------------------------------

_BRACKETED: Final = re.compile(r"\[([^\[\]]+)\]")
_APPLIES_ARTICLES: Final = re.compile(
    r"\b(?:articles?\s+(?P<applied>\d+(?:(?:,\s*|\s+and\s+)\d+)*)(?:\s+of\s+this\s+\w+)?"
    r"\s+(?:shall\s+)?appl(?:y|ies)"
    r"|subject\s+to\s+(?:the\s+provisions\s+of\s+)?articles?\s+"
    r"(?P<subject_to>\d+(?:(?:,\s*|\s+and\s+)\d+)*))",
    re.IGNORECASE,
)
_ASIDE: Final = r"(?:\s*,[^,;:.\[\]]{1,80},\s*|[\s,]+)"
_ALTERNATIVES: Final = re.compile(r"\[[^\[\]]+\](?:\s*\[[^\[\]]+\])+")
_REFERENCE_CONNECTORS: Final = frozenset({"to", "through", "and", "or", "bis", "ter", "quater"})
_REFERENCE_WORD: Final = re.compile(
    r"\b(?:articles?|arts?\.|paragraphs?|subparagraphs?|points?|annex(?:es)?|chapters?|sections?)"
    r"[\s\d,()a-z]*$",
    re.IGNORECASE,
)


def _in_force(text: str, vocab: Vocabulary) -> str:
    """*text* without the safeguards it names but does not impose: the laws that qualifiers
    defer to ("in accordance with applicable international human rights law") and the
    safeguards it waives ("dual criminality shall not be required", "without a warrant")."""
    return vocab.safeguard_waivers.sub(" ", vocab.deferred_law.sub(" ", text))


def _plain(text: str) -> str:
    return " ".join(w.lower() for w in re.findall(r"\w+", text))


def _quote(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _listing(items: Sequence[str]) -> str:
    return ", ".join(f"“{item}”" for item in items)


def _modal_key(phrase: str, strengths: dict[str, int]) -> str:
    """The vocabulary entry for a matched modal phrase: itself, else the longest plain entry it
    starts with ("shall endeavour to ensure" is "shall endeavour"), else its wildcard form."""
    words = re.findall(r"[\w'-]+", re.sub(_ASIDE, " ", phrase.lower()))
    for length in range(len(words), 0, -1):
        candidate = " ".join(words[:length])
        if candidate in strengths and (length == len(words) or length > 1):
            return candidate
    return " ".join([words[0], *["*"] * (len(words) - 2), words[-1]])


def _words(text: str) -> str:
    return " ".join(text.split())


def _touched(
    pattern: re.Pattern[str], text: str, edits: Sequence[Edit], *, side: str
) -> list[re.Match[str]]:
    """The matches of *pattern* in *text* that an edit touches (overlaps, or cuts into)."""
    spans = [
        (e.old_start, e.old_end) if side == "old" else (e.new_start, e.new_end)
        for e in edits
        if e.op != "equal"
    ]
    # Touching counts too: "shall" -> "shall endeavour to" inserts right after the modal.
    return [
        match
        for match in pattern.finditer(text)
        if any(start <= match.end() and match.start() <= end for start, end in spans)
    ]


def _counts(pattern: re.Pattern[str], text: str) -> Counter[str]:
    return Counter(" ".join(m.group(0).lower().split()) for m in pattern.finditer(text))


def term_shift(pattern: re.Pattern[str], old: str, new: str) -> tuple[list[str], list[str]]:
    """Phrases of *pattern* that *new* has more of, and fewer of, than *old* (see ``_shift``)."""
    return _shift(pattern, old, new)


def _shift_in(ctx: ChangeContext, pattern: re.Pattern[str]) -> tuple[list[str], list[str]]:
    """``_shift`` of the change in *ctx*, counted in its readings where it has them: a lead-in
    says once what each sentence said ("when committed intentionally"), and counts once for
    each of its points."""
    return _shift(pattern, *(ctx.readings or (ctx.old, ctx.new)))


def _shift(pattern: re.Pattern[str], old: str, new: str) -> tuple[list[str], list[str]]:
    """Phrases of *pattern* that *new* has more of, and fewer of, than *old*.

    A phrase that only grew into a longer one ("review" -> "judicial review") counts as the
    longer one added, not as the shorter one removed, and the reverse.
    """
    before, after = _counts(pattern, old), _counts(pattern, new)
    added = sorted((after - before).keys())
    removed = sorted((before - after).keys())
    added_only = [a for a in added if not any(a in r for r in removed if a != r)]
    removed_only = [r for r in removed if not any(r in a for a in added if a != r)]
    return added_only, removed_only


def _term_findings(
    ctx: ChangeContext,
    pattern: re.Pattern[str],
    added_kind: str,
    removed_kind: str,
    *,
    synonyms: bool = False,
) -> Iterator[Finding]:
    """Terms of *pattern* the new text has more (or fewer) of. With *synonyms*, one term
    swapped for another of the same family ("wilfully" -> "intentionally") is no change."""
    added, removed = _shift_in(ctx, pattern)
    if synonyms and len(added) == len(removed) and not (ctx.added or ctx.deleted):
        return
    if added:
        yield Finding(added_kind, tuple(added), f"adds {_listing(added)}")
    if removed:
        yield Finding(removed_kind, tuple(removed), f"removes {_listing(removed)}")


def _list_items(edits: Sequence[Edit]) -> tuple[list[str], list[str]]:
    """Short items inserted into (or deleted from) an enumeration: ", forgery", "or extortion"."""
    inserted: list[str] = []
    deleted: list[str] = []
    for edit in edits:
        if edit.op == "replace":
            gained, lost = _items_exchanged(edit)
            inserted += gained
            deleted += lost
            continue
        for text, bucket in ((edit.new, inserted), (edit.old, deleted)):
            if edit.op == "equal" or not text.strip():
                continue
            item = _LIST_ITEM.fullmatch(text) or _LIST_ITEM_BEFORE.fullmatch(text)
            if item is None:
                continue
            # Several items may come at once (", law enforcement and border control"); a short
            # one stays whole ("billing and payment details").
            whole = item["item"].strip()
            parts = [whole] if len(whole.split()) <= 4 else _ITEM_JOINER.split(whole)
            parts = [p.strip() for p in parts if p.strip()]
            if all(len(p.split()) <= 4 and not _CLAUSE.match(p) for p in parts) and not any(
                _explained(p) for p in parts
            ):
                bucket.extend(parts)
    # An item moved within the list is neither added nor dropped.
    moved = Counter(item.lower() for item in inserted) & Counter(item.lower() for item in deleted)
    return (
        [item for item in inserted if not moved[item.lower()]],
        [item for item in deleted if not moved[item.lower()]],
    )


def _items_exchanged(edit: Edit) -> tuple[list[str], list[str]]:
    """Items a replacement adds to (or drops from) a run of items it keeps, the separators
    moved about: "and forgery" -> ", forgery, extortion and money laundering" adds two."""
    old, new = (
        [p.strip() for p in _ITEM_JOINER.split(text) if p.strip()] for text in (edit.old, edit.new)
    )
    if (
        not old
        or not new
        or set(old) == set(new)
        or not (set(old) <= set(new) or set(new) <= set(old))
    ):
        return [], []
    extra = [p for p in new if p not in old] or [p for p in old if p not in new]
    if any(len(p.split()) > 4 or _CLAUSE.match(p) or _explained(p) for p in extra):
        return [], []
    return (extra, []) if len(new) > len(old) else ([], extra)


_ITEM_JOINER: Final = re.compile(r"\s+(?:and/or|and|or)\s+|\s*,\s*", re.IGNORECASE)
_LIST_ITEM: Final = re.compile(r"\s*(?:,|;|\bor\b|\band\b)\s+(?P<item>[^,;.:]{2,80}?)\s*[,;]?\s*")
# The diff may also cut an item with its separator after it: " sale," in "offering, sale, ...".
_LIST_ITEM_BEFORE: Final = re.compile(r"\s*(?P<item>[^,;.:]{2,80}?)\s*(?:,|;|\bor\b|\band\b)\s*")


def _explained(item: str) -> bool:
    """An inserted phrase that another rule already reads ("without right", "subject to prior
    judicial authorisation") is not an item added to a list."""
    vocab = vocabulary()
    patterns = (vocab.intent, vocab.safeguards, vocab.exceptions, vocab.qualifiers, vocab.limiting)
    return any(pattern.search(item) for pattern in patterns)


# A clause, not a list item: "while mainstreaming ...", "that respect ...", "shall ...".
_CLAUSE: Final = re.compile(
    r"(?:while|whilst|whether|that|which|who|whose|where|when|if|unless|except|save|provided|to|in|by|"
    r"for|with|as|shall|may|of|other|than|at|on|from|within|without|under|not|taking|"
    r"should|must|is|are|be|has|have|the\s+\w+\s+(?:shall|may))\b",
    re.IGNORECASE,
)


def _scope_detail(terms: list[str], limits: list[str], items: list[str]) -> str:
    parts = []
    if terms:
        parts.append(f"wording {_listing(terms)}")
    if limits:
        parts.append(f"limit {_listing(limits)}")
    if items:
        parts.append(f"list items {_listing(items)}")
    return "; ".join(parts)


def _quantities(
    pattern: re.Pattern[str], text: str
) -> dict[str, list[tuple[str, float, tuple[int, int]]]]:
    """Numbers with units, by unit, with their value and place; time is counted in days ("six
    months" = 180)."""
    found: dict[str, list[tuple[str, float, tuple[int, int]]]] = {}
    for match in pattern.finditer(text):
        value = _number_value(match["number"].lower())
        unit = re.sub(r"s$", "", " ".join(match["unit"].lower().split()))
        if unit in _DAYS:
            value, unit = value * _DAYS[unit], "time"
        found.setdefault(unit, []).append((" ".join(match.group(0).split()), value, match.span()))
    return found


def _number_value(number: str) -> float:
    """The value of "180", "1,000", "four", "one hundred and eighty" or "fortieth"."""
    if number[:1].isdigit():
        return float(number.replace(",", ""))
    total = current = 0
    for word in re.findall(r"[a-z]+", number):
        value = _NUMBER_WORDS.get(word)
        if value is None:
            continue
        if value in (100, 1000):
            current = max(current, 1) * value
        else:
            current += value
        if value == 1000:
            total, current = total + current, 0
    return float(total + current)


_TERM: Final = re.compile(
    r"[\"“‘']([^\"”’']{1,80})[\"”’'],?\s+(?:means|shall mean|includes|refers to|is|denotes)\b"
)
_LEADING_TERM: Final = re.compile(r"^\s*[\"“‘']([^\"”’']{1,80})[\"”’']")


def _defined_term(text: str) -> str | None:
    """The term a definition defines: "“X” means ...", also after introductory words."""
    match = _TERM.search(text) or _LEADING_TERM.match(text)
    return match.group(1) if match else None


def _articles_using(term: str, draft: Draft | None, *, exclude: str) -> list[str]:
    """The numbers of the articles of *draft* (but *exclude*) whose text uses *term*."""
    if draft is None:
        return []
    pattern = re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", re.IGNORECASE)
    return [a.num for a in draft.articles if a.num != exclude and pattern.search(a.text)]


def _only_reference_numbers(edit: Edit, ctx: ChangeContext) -> bool:
    """Numbers replaced by numbers in a reference, as in "articles 2 to 5" -> "articles 3 to 6".

    (An edit whose two sides read the same differs only in a reference the renumbering expected
    to change.) "10 experts" -> "15 experts" is no reference: the number must follow a word such
    as "article" or "paragraph".
    """
    sides = [words(edit.old), words(edit.new)]
    numbers_only = all(sides) and all(
        word[0].isdigit() or word in _REFERENCE_CONNECTORS for side in sides for word in side
    )
    before = ctx.old[max(0, edit.old_start - 40) : edit.old_start]
    return numbers_only and bool(_REFERENCE_WORD.search(before))


def _editorial(edit: Edit) -> bool:
    """Punctuation, capitalisation, a doubled word, or a spelling fix: the same words, near
    enough, and never a word turned into its negation ("lawful" -> "unlawful")."""
    old_words, new_words = words(edit.old), words(edit.new)
    if _undoubled(old_words) == _undoubled(new_words):
        return True
    if len(old_words) != len(new_words):
        return False
    return all(_misspelling(a, b) for a, b in zip(old_words, new_words, strict=True) if a != b)


def _doubled(edit: Edit, ctx: ChangeContext) -> bool:
    """A word typed twice ("the the") and deleted once, or the reverse."""
    for gone, text, start, end in (
        (edit.old, ctx.old, edit.old_start, edit.old_end),
        (edit.new, ctx.new, edit.new_start, edit.new_end),
    ):
        other = edit.new if gone is edit.old else edit.old
        removed = words(gone)
        if len(removed) == 1 and not words(other):
            neighbours = (
                words(text[max(0, start - 30) : start])[-1:] + words(text[end : end + 30])[:1]
            )
            if removed[0] in neighbours:
                return True
    return False


def _undoubled(sequence: list[str]) -> list[str]:
    return [w for i, w in enumerate(sequence) if i == 0 or w != sequence[i - 1]]


_NEGATIONS: Final = ("un", "in", "im", "il", "ir", "non", "dis", "mis", "non-")


def _misspelling(a: str, b: str) -> bool:
    if len(a) <= 3 or any(a == p + b or b == p + a for p in _NEGATIONS):
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def _same_words_regrouped(ctx: ChangeContext) -> bool:
    """Whether the regrouped text says the same words in another shape.

    No word of substance may be new or gone (only words that join, ``restructuring.joining``
    in the vocabulary, the words that say "legislate for", cross-reference numbers and list
    letters), and no word may move from one sentence to another: each sentence of one side, as
    read (a point after its lead-in), must hold all the words of a sentence of the other side,
    or the reverse ("shall not disclose A. shall inform B." -> "(a) disclose A; (b) not inform
    B" moves "not").
    """
    if ctx.readings is None:
        return False
    old, new = (
        [_substance(_see_through(line, ctx.vocabulary), ctx.vocabulary) for line in lines]
        for lines in (ctx.readings[0].splitlines(), ctx.readings[1].splitlines())
    )
    if set().union(*old) != set().union(*new):
        return False

    def within(parts: list[set[str]], wholes: list[set[str]]) -> bool:
        return all(any(part <= whole for whole in wholes) for part in parts)

    return within(old, new) or within(new, old)


def _substance(text: str, vocab: Vocabulary) -> set[str]:
    """The distinct words of *text* that carry meaning, a plural read as its singular (the
    joining words go before and after, so that "this" is not read as a plural)."""
    words = {w.lower() for w in re.findall(r"[^\W\d_]{2,}", text)} - vocab.joining  # no "(b)"
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words} - vocab.joining


def _edit_evidence(edits: Sequence[Edit]) -> tuple[str, ...]:
    """The changed words themselves, old before new, as they stand in the texts."""
    quoted = [_quote(side.strip(), 60) for e in edits[:5] for side in (e.old, e.new)]
    return tuple(dict.fromkeys(q for q in quoted if q))


def _edit_detail(edits: Sequence[Edit]) -> str:
    return "; ".join(
        f"{_quote(e.old.strip(), 40) or '∅'} -> {_quote(e.new.strip(), 40) or '∅'}"
        for e in edits[:3]
    )


def _only_brackets(ctx: ChangeContext) -> bool:
    """Whether resolving brackets (keeping the text of some, dropping the rest), in one direction
    or the other, explains every edit."""
    return _resolves(ctx.old, ctx.new) or _resolves(ctx.new, ctx.old)


def _resolves(bracketed: str, plain: str) -> bool:
    plain_words = _plain(plain)

    def resolve(match: re.Match[str]) -> str:
        return match.group(1) if _plain(match.group(1)) in plain_words else ""

    return _plain(_BRACKETED.sub(resolve, bracketed)) == plain_words
