"""``compare()``: the pipeline for two drafts, from alignment to typed changes.

For every aligned pair of articles, each pair of provisions that differs is diffed word by word
and classified; a provision or article that appears or disappears is a change of its own; text
carried over unchanged into a split, merged, moved or renumbered article is no change at all.
"""

from __future__ import annotations

import concurrent.futures
import functools
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from treatydiff.align import Alignment, Match, ProvisionMatch, align, preamble_article
from treatydiff.classify import ChangeContext, Finding, classify, vocabulary
from treatydiff.concerns import DEFAULT_PACK, ConcernPack, ConcernTag, load_concerns, tag_changes
from treatydiff.model import Article, Draft, Provision, leads_in
from treatydiff.normalize import DEFAULT_POLICY, NormalizationPolicy, Normalized
from treatydiff.references import Renumbering
from treatydiff.worddiff import Edit, WordDiff, diff_words

__all__ = ["EFFECT_SYMBOLS", "Change", "Comparison", "compare", "compare_many"]

#: How reports mark an effect, so that it reads without colour too.
EFFECT_SYMBOLS = {"addresses": "+", "worsens": "-", "mixed": "±"}


@attrs.frozen
class Change:
    """One changed provision (or heading, or whole article) and what the change means."""

    id: str
    old_article: str | None
    new_article: str | None
    old_eid: str | None
    new_eid: str | None
    kinds: tuple[str, ...]
    old_text: str
    new_text: str
    #: Every run of the word diff, equal ones included: the old sides join to ``old_text``, the
    #: new sides to ``new_text``.
    edits: tuple[Edit, ...]
    findings: tuple[Finding, ...]
    normalized: tuple[Normalized, ...] = ()

    @property
    def changed_edits(self) -> tuple[Edit, ...]:
        """The edits that insert, delete or replace words."""
        return tuple(edit for edit in self.edits if edit.op != "equal")

    @property
    def evidence(self) -> tuple[str, ...]:
        """The words that show each kind, without repeats."""
        return tuple(dict.fromkeys(word for f in self.findings for word in f.evidence))

    @property
    def where(self) -> str:
        """Where it is, as a person would say it: "article 7", "article 6 (now 7)", "the
        preamble", "the heading of article 9"."""
        old, new = self.old_article, self.new_article
        if "preamble" in (old, new):
            return "the preamble"
        place = (
            f"article {old} (now {new})" if old and new and old != new else f"article {new or old}"
        )
        return (
            f"the heading of {place}"
            if (self.new_eid or self.old_eid or "").endswith("__heading")
            else place
        )

    def inline(self, context: int | None = 40) -> str:
        """The change as one line of text with ``[-deleted-]{+inserted+}`` marks."""
        return WordDiff(self.old_text, self.new_text, self.edits).inline(context=context)


@attrs.frozen
class Comparison:
    """Two drafts compared: the alignment, the typed changes, and the concern tags."""

    old: Draft
    new: Draft
    alignment: Alignment
    changes: tuple[Change, ...]
    tags: tuple[ConcernTag, ...] = ()
    concerns: ConcernPack | None = None
    policy: NormalizationPolicy = DEFAULT_POLICY

    def to_dict(self) -> dict[str, Any]:
        """The JSON report as plain data (``schema_version`` "1", see ``docs/reports.md``)."""
        from treatydiff.report.to_json import comparison_dict

        return comparison_dict(self)

    def to_json(self) -> str:
        """The JSON report: deterministic, so the same comparison gives the same bytes."""
        from treatydiff.report.to_json import comparison_dict, dumps

        return dumps(comparison_dict(self))

    @classmethod
    def from_json(
        cls, text: str | bytes | Mapping[str, Any], *, source: str = "<report>"
    ) -> Comparison:
        """Reopen a saved JSON report. It holds what the report holds: labels, article numbers,
        alignment, changes, tags and summary, not the drafts' full text."""
        from treatydiff.report.to_json import comparison_from_json

        return comparison_from_json(text, source=source)

    def to_markdown(self) -> str:
        """A summary to paste into a brief: per concern, what worsened and what improved."""
        from treatydiff.report.to_markdown import comparison_markdown

        return comparison_markdown(self)

    def to_html(self) -> str:
        """One self-contained HTML page to open or share (no network, no external files)."""
        from treatydiff.report.to_html import comparison_html

        return comparison_html(self)

    def to_dataframe(self) -> Any:
        """One row per change and concern tag, as a pandas DataFrame (the ``pandas`` extra)."""
        from treatydiff.report.to_frame import comparison_frame

        return comparison_frame(self)

    def _repr_html_(self) -> str:
        """Jupyter's rich display: the per-concern summary and the first changes."""
        from treatydiff.report.notebook import comparison_summary_html

        return comparison_summary_html(self)

    def tags_for(self, change: Change | str) -> tuple[ConcernTag, ...]:
        """The tags of one change (a :class:`Change` or its id)."""
        change_id = change if isinstance(change, str) else change.id
        return tuple(tag for tag in self.tags if tag.change == change_id)

    def summary(self) -> dict[str, dict[str, int | str]]:
        """Per concern of the pack: how many changes address, worsen or are mixed, and the net
        direction (``improved``, ``worsened``, ``mixed`` or ``unchanged``)."""
        ids = (
            self.concerns.ids
            if self.concerns
            else tuple(dict.fromkeys(t.concern for t in self.tags))
        )
        summary: dict[str, dict[str, int | str]] = {}
        for concern in ids:
            effects = [tag.effect for tag in self.tags if tag.concern == concern]
            counts = {effect: effects.count(effect) for effect in ("addresses", "worsens", "mixed")}
            summary[concern] = {**counts, "net": _net(counts["addresses"], counts["worsens"])}
        return summary

    def changes_for(self, num: str | int, *, side: str = "new") -> tuple[Change, ...]:
        """The changes to article *num* of the new draft (or of the old, with ``side="old"``)."""
        num = str(num)
        return tuple(
            c for c in self.changes if (c.new_article if side == "new" else c.old_article) == num
        )

    def kinds(self) -> dict[str, int]:
        """How many changes of each kind."""
        counts: dict[str, int] = {}
        for change in self.changes:
            for kind in change.kinds:
                counts[kind] = counts.get(kind, 0) + 1
        return dict(sorted(counts.items()))

    def to_text(self) -> str:
        """A plain-text report: per article pair, its changes with kinds, an inline diff and the
        concern tags; then the summary per concern."""
        lines = [repr(self.alignment), ""]
        by_match: dict[int, list[Change]] = {}
        for change in self.changes:
            by_match.setdefault(self._match_index(change), []).append(change)
        if -1 in by_match:
            lines.append("Preamble")
            lines.extend(self._change_lines(by_match[-1]))
        for index, match in enumerate(self.alignment.matches):
            changes = by_match.get(index, [])
            if not changes and match.relation == "unchanged" and not match.moved:
                continue
            lines.append(_match_title(match))
            lines.extend(self._change_lines(changes))
        if self.concerns is not None:
            lines += ["", f"Concerns ({self.concerns.id}): + addresses, - worsens, ± mixed"]
            for concern, row in self.summary().items():
                counts = f"+{row['addresses']} -{row['worsens']} ±{row['mixed']}"
                lines.append(f"  {concern:<32} {counts:<12} {row['net']}")
        return "\n".join(lines).rstrip() + "\n"

    def _change_lines(self, changes: list[Change]) -> Iterator[str]:
        for change in changes:
            yield f"  {change.id} {change.new_eid or change.old_eid}: {', '.join(change.kinds)}"
            yield f"      {change.inline()}"
            for finding in change.findings:
                if finding.detail:
                    yield f"      - {finding.kind}: {finding.detail}"
            for tag in self.tags_for(change):
                yield f"      {EFFECT_SYMBOLS[tag.effect]} {tag.concern}: {tag.rationale}"

    def _match_index(self, change: Change) -> int:
        for index, match in enumerate(self.alignment.matches):
            if change.old_article in match.old_nums or change.new_article in match.new_nums:
                return index
        return -1

    def __repr__(self) -> str:
        return (
            f"<Comparison {self.old.label!r} -> {self.new.label!r}: "
            f"{len(self.alignment.matches)} matches, {len(self.changes)} changes>"
        )


def compare(
    old: Draft,
    new: Draft,
    *,
    concerns: ConcernPack | str | Path | None = DEFAULT_PACK,
    overrides: Mapping[str, str | Sequence[str] | None] | str | Path | None = None,
    policy: NormalizationPolicy = DEFAULT_POLICY,
) -> Comparison:
    """Compare two drafts: align their articles, diff each changed provision, type each change,
    and tag it for each concern of *concerns* (a pack, a packaged pack's name or a TOML path;
    by default the six concerns of the January 2024 joint statement; ``None`` for no tags)."""
    alignment = align(old, new, overrides=overrides)
    renumbering = Renumbering(
        {o.num: m.new[0].num for m in alignment.matches if m.new for o in m.old}
    )
    changes = list(_changes(alignment, new, renumbering, policy))
    numbered = tuple(attrs.evolve(c, id=f"c{i}") for i, c in enumerate(changes, start=1))
    pack = load_concerns(concerns) if isinstance(concerns, str | Path) else concerns
    tags = tag_changes(numbered, old, new, pack) if pack is not None else ()
    return Comparison(old, new, alignment, numbered, tags, pack, policy)


def compare_many(
    pairs: Iterable[tuple[Draft, Draft]],
    *,
    workers: int | None = None,
    concerns: ConcernPack | str | Path | None = DEFAULT_PACK,
    policy: NormalizationPolicy = DEFAULT_POLICY,
) -> list[Comparison]:
    """Compare many pairs of drafts, in *workers* processes (default: one per core; 1 runs in
    this process). The results are the same as comparing each pair in turn, in the same order."""
    pairs = list(pairs)
    pack = load_concerns(concerns) if isinstance(concerns, str | Path) else concerns
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1 or len(pairs) <= 1:
        return [compare(old, new, concerns=pack, policy=policy) for old, new in pairs]
    job = functools.partial(_compare_pair, concerns=pack, policy=policy)
    with concurrent.futures.ProcessPoolExecutor(max_workers=min(count, len(pairs))) as pool:
        return list(pool.map(job, pairs))


def _compare_pair(
    pair: tuple[Draft, Draft], *, concerns: ConcernPack | None, policy: NormalizationPolicy
) -> Comparison:
    return compare(pair[0], pair[1], concerns=concerns, policy=policy)


def _changes(
    alignment: Alignment, new_draft: Draft, renumbering: Renumbering, policy: NormalizationPolicy
) -> Iterator[Change]:
    drafts = (alignment.old, new_draft)
    preambles = ((preamble_article(alignment.old),), (preamble_article(new_draft),))
    yield from _provision_changes(*preambles, alignment.preamble, drafts, renumbering, policy)
    for match in alignment.matches:
        if not match.old or not match.new:
            yield from _whole_articles(match, drafts, policy)
            continue
        yield from _heading_change(match, renumbering, policy)
        yield from _provision_changes(
            match.old, match.new, match.provisions, drafts, renumbering, policy
        )


def _provision_changes(
    olds: tuple[Article, ...],
    news: tuple[Article, ...],
    pairs: tuple[ProvisionMatch, ...],
    drafts: tuple[Draft, Draft],
    renumbering: Renumbering,
    policy: NormalizationPolicy,
) -> Iterator[Change]:
    old = {p.eid: (a, p, parent) for a in olds for p, parent in _with_parents(a)}
    new = {p.eid: (a, p, parent) for a in news for p, parent in _with_parents(a)}
    groups = {id(group.pairs[0]): group for group in _regroupings(pairs, old, new)}
    grouped = {id(pair) for group in groups.values() for pair in group.pairs}
    for pair in pairs:
        if id(pair) in groups:
            change = _regrouped_change(groups[id(pair)], old, new, drafts, renumbering, policy)
            if change is not None:
                yield change
        if pair.relation == "unchanged" or id(pair) in grouped:
            continue
        # A provision added to (or deleted from) an article still belongs to the article pair.
        old_article, old_provision, old_parent = old.get(pair.old or "", (olds[0], None, ""))
        new_article, new_provision, new_parent = new.get(pair.new or "", (news[0], None, ""))
        change = _change(
            old_article,
            new_article,
            old_provision,
            new_provision,
            drafts,
            renumbering,
            policy,
            parent=new_parent or old_parent,
        )
        if change is not None:
            yield change


_Provisions = dict[str, tuple[Article, Provision, str]]


@attrs.frozen
class _Regrouping:
    """Provisions said again in another shape: their pairs, and their element ids on each side."""

    pairs: tuple[ProvisionMatch, ...]
    old: tuple[str, ...]
    new: tuple[str, ...]


#: The least share of distinct words (Jaccard) a lead-in and its points must share with the
#: sentences they would regroup; below it the points say something new.
REGROUPED_WORDS = 0.6


def _regroupings(
    pairs: tuple[ProvisionMatch, ...], old: _Provisions, new: _Provisions
) -> list[_Regrouping]:
    """Sentences regrouped under a lead-in and points ("Each State Party shall ensure that A.
    Each State Party shall ensure that B." -> "... shall adopt measures to: (a) Ensure A; (b)
    Ensure B"), or points made sentences again.

    A lead-in with points on one side regroups the sentences on the other side that its parts
    are paired with, and the unpaired sentences right next to those that it says again, when
    no sentence between them belongs elsewhere and most of the words are the same. Read apart,
    the lead-in would be a new duty and each point a rewording; read together, they are one
    text in another shape.
    """
    found: list[_Regrouping] = []
    used: set[tuple[str, str]] = set()
    for side in ("new", "old"):
        view = _SideView(pairs, side, new if side == "new" else old, old if side == "new" else new)
        for eid, (_, lead_in, _) in view.mine.items():
            if not lead_in.children or not leads_in(lead_in.text):
                continue
            members = (eid, *(child.eid for child in lead_in.children))
            span = view.span(members)
            keys = {(side, m) for m in members} | {(view.other, s) for s in span}
            if not span or keys & used:
                continue
            used |= keys
            group = {id(view.partner[m]) for m in members if m in view.partner}
            group |= {id(p) for p in pairs if getattr(p, view.other) in span}
            ordered = tuple(p for p in pairs if id(p) in group)
            found.append(
                _Regrouping(ordered, span, members)
                if side == "new"
                else _Regrouping(ordered, members, span)
            )
    return found


class _SideView:
    """The pairs of provisions seen from one side (the one with the lead-in)."""

    def __init__(
        self, pairs: tuple[ProvisionMatch, ...], side: str, mine: _Provisions, theirs: _Provisions
    ) -> None:
        self.other = "old" if side == "new" else "new"
        self.mine, self.theirs = mine, theirs
        self.partner = {getattr(p, side): p for p in pairs if getattr(p, side)}
        self.paired = {
            getattr(p, self.other): getattr(p, side)
            for p in pairs
            if getattr(p, self.other) and getattr(p, side)
        }
        self.order = list(theirs)
        self.position = {eid: k for k, eid in enumerate(self.order)}

    @functools.cached_property
    def spread(self) -> Counter[str]:
        """In how many provisions on the other side each word stands."""
        return Counter(
            w for _, provision, _ in self.theirs.values() for w in _word_set(provision.text)
        )

    def span(self, members: tuple[str, ...]) -> tuple[str, ...]:
        """The sentences on the other side that *members* (a lead-in and its points) regroup,
        or nothing."""
        sentences = [s for m in members if (s := self.paired_with(m))]
        if not sentences or any(_in_list(self.theirs[s][1], s) for s in sentences):
            return ()
        text = " ".join(self.mine[m][1].text for m in members)
        first = min(self.position[s] for s in sentences)
        last = max(self.position[s] for s in sentences)
        while last + 1 < len(self.order) and self.said_again(self.order[last + 1], text):
            last += 1
        while first > 0 and self.said_again(self.order[first - 1], text):
            first -= 1
        span = tuple(self.order[first : last + 1])
        if any(
            self.paired.get(s) not in (None, *members) or _in_list(self.theirs[s][1], s)
            for s in span
        ):
            return ()  # something in between belongs elsewhere, or is a list of its own
        theirs = " ".join(self.theirs[s][1].text for s in span)
        return span if _jaccard(text, theirs) >= REGROUPED_WORDS else ()

    def paired_with(self, member: str) -> str | None:
        pair = self.partner.get(member)
        return getattr(pair, self.other) if pair else None

    def said_again(self, eid: str, text: str) -> bool:
        """Whether *eid* is a sentence paired with nothing whose words of substance *text*
        says again (boilerplate such as "Each Party shall ensure that" does not count)."""
        if eid in self.paired or _in_list(self.theirs[eid][1], eid):
            return False
        own = _word_set(self.theirs[eid][1].text) - vocabulary().joining
        distinctive = {word for word in own if self.spread[word] == 1}
        return bool(distinctive) and distinctive <= _word_set(text)


def _in_list(provision: Provision, eid: str) -> bool:
    """Whether *provision* is a point, or a lead-in to points: already in the shape of a list."""
    return eid.rsplit("__", 1)[-1].startswith("point_") or bool(provision.children)


def _jaccard(a: str, b: str) -> float:
    """The share of distinct words the two texts have in common."""
    first, second = _word_set(a), _word_set(b)
    return len(first & second) / max(1, len(first | second))


def _word_set(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w+", text)}


def _reading(provisions: _Provisions, eids: tuple[str, ...]) -> str:
    """The sentences of *eids* as a reader takes them: a lead-in read again before each of its
    points ("shall, when committed intentionally: (a) A; (b) B" says "intentionally" twice)."""
    lead_in = provisions[eids[0]][1]
    if len(eids) > 1 and leads_in(lead_in.text):
        return "\n".join(f"{lead_in.text} {provisions[eid][1].text}" for eid in eids[1:])
    return "\n".join(provisions[eid][1].text for eid in eids)


def _regrouped_change(
    group: _Regrouping,
    old: _Provisions,
    new: _Provisions,
    drafts: tuple[Draft, Draft],
    renumbering: Renumbering,
    policy: NormalizationPolicy,
) -> Change | None:
    """One change for a lead-in and its points, against the sentences they regroup (``None``
    if the words are the same)."""
    old_text = "\n".join(old[eid][1].text for eid in group.old)
    new_text = "\n".join(new[eid][1].text for eid in group.new)
    diff = diff_words(old_text, new_text, policy=policy, renumbering=renumbering)
    if not diff.changed:
        return None
    old_article, new_article = old[group.old[0]][0], new[group.new[0]][0]
    ctx = ChangeContext(
        old_text,
        new_text,
        diff,
        vocabulary(),
        old_article,
        new_article,
        *drafts,
        readings=(_reading(old, group.old), _reading(new, group.new)),
    )
    return _typed(ctx, group.old[0], group.new[0])


def _with_parents(article: Article) -> Iterator[tuple[Provision, str]]:
    """Each provision of *article* with the text of the provision that holds it."""

    def walk(provisions: tuple[Provision, ...], parent: str) -> Iterator[tuple[Provision, str]]:
        for provision in provisions:
            yield provision, parent
            yield from walk(provision.children, provision.text)

    return walk(article.provisions, "")


def _whole_articles(
    match: Match, drafts: tuple[Draft, Draft], policy: NormalizationPolicy
) -> Iterator[Change]:
    for article in match.old:
        yield from _article_change(article, None, drafts, policy)
    for article in match.new:
        yield from _article_change(None, article, drafts, policy)


def _article_change(
    old: Article | None,
    new: Article | None,
    drafts: tuple[Draft, Draft],
    policy: NormalizationPolicy,
) -> Iterator[Change]:
    article = old or new
    assert article is not None
    text = "\n".join(part for part in (article.heading, article.text) if part)
    old_text, new_text = (text, "") if old else ("", text)
    diff = diff_words(old_text, new_text, policy=policy)
    ctx = ChangeContext(old_text, new_text, diff, vocabulary(), old, new, *drafts)
    yield _typed(ctx, old.eid if old else None, new.eid if new else None)


def _heading_change(
    match: Match, renumbering: Renumbering, policy: NormalizationPolicy
) -> Iterator[Change]:
    old, new = match.old[0], match.new[0]
    if old.heading == new.heading or _headings_combined(match):
        return
    diff = diff_words(
        old.heading, new.heading, policy=policy, renumbering=renumbering, heading=True
    )
    if diff.changed:
        ctx = ChangeContext(old.heading, new.heading, diff, vocabulary(), old, new, heading=True)
        yield _typed(ctx, f"{old.eid}__heading", f"{new.eid}__heading")


def _headings_combined(match: Match) -> bool:
    """Whether the heading of a merged article joins the words of the headings it comes from,
    and no others ("Attempt" + "Participation" -> "Participation and attempt"), or the headings
    of a split article share out the words of its heading: carried over, no change."""
    if len(match.old) == len(match.new) == 1:
        return False

    def words(articles: tuple[Article, ...]) -> set[str]:
        return set().union(*(_word_set(a.heading) for a in articles)) - _HEADING_JOINERS

    return words(match.old) == words(match.new)


#: Words that join two headings into one ("Participation and attempt").
_HEADING_JOINERS = frozenset({"and", "or", "of", "the", "a", "an", "in", "on", "for", "to"})


def _change(
    old_article: Article | None,
    new_article: Article | None,
    old: Provision | None,
    new: Provision | None,
    drafts: tuple[Draft, Draft],
    renumbering: Renumbering,
    policy: NormalizationPolicy,
    *,
    parent: str = "",
) -> Change | None:
    old_text, new_text = _text(old), _text(new)
    diff = diff_words(old_text, new_text, policy=policy, renumbering=renumbering)
    if not diff.changed:
        return None
    ctx = ChangeContext(
        old_text, new_text, diff, vocabulary(), old_article, new_article, *drafts, parent=parent
    )
    return _typed(ctx, old.eid if old else None, new.eid if new else None)


def _typed(ctx: ChangeContext, old_eid: str | None, new_eid: str | None) -> Change:
    """The change that *ctx* describes, classified (its id is given once all are known)."""
    findings = classify(ctx)
    return Change(
        id="",
        old_article=ctx.old_article.num if ctx.old_article else None,
        new_article=ctx.new_article.num if ctx.new_article else None,
        old_eid=old_eid,
        new_eid=new_eid,
        kinds=_kinds(findings),
        old_text=ctx.old,
        new_text=ctx.new,
        edits=ctx.diff.edits,
        findings=findings,
        normalized=ctx.diff.normalized,
    )


def _text(provision: Provision | None) -> str:
    # The marker ("1.", "(a)") is structure, not wording: a renumbered paragraph is no change.
    return provision.text if provision is not None else ""


def _net(addresses: int, worsens: int) -> str:
    if not addresses and not worsens:
        return "unchanged"
    if addresses and worsens:
        return (
            "improved"
            if addresses > 2 * worsens
            else "worsened"
            if worsens > 2 * addresses
            else "mixed"
        )
    return "improved" if addresses else "worsened"


def _kinds(findings: Sequence[Finding]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f.kind for f in findings))


def _match_title(match: Match) -> str:
    old = "+".join(match.old_nums) or "-"
    new = "+".join(match.new_nums) or "-"
    flags = "".join(f", {f}" for f in ("renumbered", "moved") if getattr(match, f))
    heading = (match.new or match.old)[0].heading
    return f"Article {old} -> {new} ({match.relation}{flags}): {heading}"
