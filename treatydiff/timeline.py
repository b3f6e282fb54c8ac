"""Follow every article through a whole negotiation: N drafts, N - 1 comparisons.

Consecutive drafts are aligned pairwise; each article's lineage is the chain of matches that
connects it across drafts (a split or merge joins chains). An article deleted in one draft and
back in a later one (not the next) is found by aligning what was deleted with what was added
later, and the lineage says it reappeared.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from treatydiff.align import THRESHOLD, Alignment, Match, align
from treatydiff.compare import Comparison, compare
from treatydiff.concerns import DEFAULT_PACK, ConcernPack, load_concerns
from treatydiff.exceptions import TreatydiffError, UnknownArticleError
from treatydiff.model import Article, Draft

__all__ = ["Lineage", "Step", "Timeline", "timeline"]

_Node = tuple[int, str]  # (draft index, article eid): eids are unique where numbers may not be


@attrs.frozen
class Step:
    """An article's state in one draft: its number(s) there and what happened to get there."""

    draft: int
    label: str
    nums: tuple[str, ...]
    #: ``present`` (in the first draft), ``added`` (new in this draft), ``unchanged``,
    #: ``modified``, ``split``, ``merged``, ``deleted`` (gone in this draft), ``reappeared``,
    #: ``absent`` (not yet there, or still gone)
    event: str
    renumbered: bool = False
    moved: bool = False
    #: The element ids of those articles (numbers can repeat, in an annex; ids cannot).
    eids: tuple[str, ...] = ()

    def __str__(self) -> str:
        nums = "+".join(self.nums) or "-"
        flags = "".join(f", {f}" for f in ("renumbered", "moved") if getattr(self, f))
        return f"{self.label}: {nums} ({self.event}{flags})"


@attrs.frozen
class Lineage:
    """One article (or a family joined by splits and merges) across every draft."""

    steps: tuple[Step, ...]

    @property
    def first(self) -> Step:
        """The draft where it first appears."""
        return next(step for step in self.steps if step.nums)

    @property
    def last(self) -> Step:
        """The last draft it appears in."""
        return next(step for step in reversed(self.steps) if step.nums)

    def numbers(self) -> list[str]:
        """Every number it had, in order and without repeats."""
        return list(dict.fromkeys(n for step in self.steps for n in step.nums))

    def events(self) -> list[str]:
        """What happened, draft by draft, leaving out the drafts where nothing did."""
        quiet = {"unchanged", "absent", "present"}
        return [str(step) for step in self.steps if step.event not in quiet or step.renumbered]

    def __str__(self) -> str:
        return " -> ".join("+".join(s.nums) or "-" for s in self.steps)


@attrs.frozen
class Timeline:
    """The drafts, the comparison of each consecutive pair, and the lineage of every article."""

    drafts: tuple[Draft, ...]
    comparisons: tuple[Comparison, ...]
    lineages: tuple[Lineage, ...]

    @property
    def alignments(self) -> tuple[Alignment, ...]:
        """The alignment of each consecutive pair."""
        return tuple(comparison.alignment for comparison in self.comparisons)

    def to_markdown(self) -> str:
        """Each step's summary as Markdown, one after the other."""
        from treatydiff.report.to_markdown import timeline_markdown

        return timeline_markdown(self)

    def to_html(self) -> str:
        """One self-contained HTML page following every article through the drafts."""
        from treatydiff.report.to_html import timeline_html

        return timeline_html(self)

    def to_dataframe(self) -> Any:
        """One row per lineage, a column per draft, as a pandas DataFrame (the ``pandas`` extra)."""
        from treatydiff.report.to_frame import timeline_frame

        return timeline_frame(self)

    def _repr_html_(self) -> str:
        """Jupyter's rich display: the lineage table."""
        from treatydiff.report.notebook import timeline_summary_html

        return timeline_summary_html(self)

    def summary(self) -> dict[str, dict[str, dict[str, int | str]]]:
        """Per step ("Zero draft -> Rev.1"), the per-concern summary of that comparison."""
        return {f"{c.old.label} -> {c.new.label}": c.summary() for c in self.comparisons}

    def history(self, num: str | int, *, draft: Draft | str | int | None = None) -> Lineage:
        """The lineage of article *num* of *draft* (a draft, its label or index; default: the
        last draft)."""
        index = self._draft_index(draft)
        eid = self.drafts[index].article(num).eid  # raises UnknownArticleError if there is none
        for lineage in self.lineages:
            if eid in lineage.steps[index].eids:
                return lineage
        raise AssertionError("every article has a lineage")  # pragma: no cover

    def _draft_index(self, draft: Draft | str | int | None) -> int:
        if draft is None:
            return len(self.drafts) - 1
        if isinstance(draft, int):
            if not -len(self.drafts) <= draft < len(self.drafts):
                raise UnknownArticleError(f"no draft number {draft}; there are {len(self.drafts)}")
            return draft % len(self.drafts)
        for index, candidate in enumerate(self.drafts):
            if candidate is draft or candidate.label == draft:
                return index
        labels = ", ".join(repr(d.label) for d in self.drafts)
        raise UnknownArticleError(f"no draft {draft!r} in this timeline; its drafts are {labels}")

    def rows(self) -> list[dict[str, str]]:
        """One row per lineage: the article's number(s) in each draft, by draft label."""
        return [
            {step.label: "+".join(step.nums) for step in lineage.steps} for lineage in self.lineages
        ]

    def table(self) -> str:
        """The lineages as a plain-text table, one column per draft."""
        width = max(12, *(len(d.label) for d in self.drafts))
        lines = ["  ".join(f"{d.label:<{width}}" for d in self.drafts)]
        for lineage in self.lineages:
            cells = [_cell(step) for step in lineage.steps]
            lines.append("  ".join(f"{cell:<{width}}" for cell in cells).rstrip())
        return "\n".join(lines)

    def __repr__(self) -> str:
        labels = " -> ".join(repr(d.label) for d in self.drafts)
        return f"<Timeline {labels}: {len(self.lineages)} lineages>"


def _cell(step: Step) -> str:
    nums = "+".join(step.nums) or "-"
    marks = {
        "added": " new",
        "modified": " *",
        "split": " split",
        "merged": " merged",
        "deleted": " deleted",
        "reappeared": " back",
    }
    return nums + marks.get(step.event, "") + (" moved" if step.moved else "")


def timeline(
    drafts: Sequence[Draft],
    *,
    concerns: ConcernPack | str | Path | None = DEFAULT_PACK,
    overrides: Sequence[Mapping[str, str | Sequence[str] | None] | str | Path | None] | None = None,
) -> Timeline:
    """Compare each consecutive pair of *drafts* and follow every article through all of them.

    *concerns* is the pack to tag the changes with (see :func:`~treatydiff.compare`);
    *overrides*, if given, holds one entry per consecutive pair (see :func:`~treatydiff.align`).
    """
    drafts = tuple(drafts)
    if len(drafts) < 2:
        raise TreatydiffError(f"a timeline needs at least two drafts, not {len(drafts)}")
    labels = [d.label for d in drafts]
    if len(set(labels)) != len(labels):
        raise TreatydiffError(
            f"drafts need distinct labels to be told apart in a timeline, got {labels}; "
            "pass label= to td.load()"
        )
    pair_overrides = list(overrides or [None] * (len(drafts) - 1))
    if len(pair_overrides) != len(drafts) - 1:
        raise TreatydiffError(
            f"overrides needs one entry per consecutive pair ({len(drafts) - 1}), "
            f"not {len(pair_overrides)}"
        )
    pack = load_concerns(concerns) if isinstance(concerns, str | Path) else concerns
    comparisons = tuple(
        compare(old, new, concerns=pack, overrides=extra)
        for old, new, extra in zip(drafts, drafts[1:], pair_overrides, strict=False)
    )
    alignments = [comparison.alignment for comparison in comparisons]
    edges = _edges(alignments)
    returns = _reappearances(drafts, alignments)
    lineages = _lineages(drafts, alignments, edges, returns)
    return Timeline(drafts, comparisons, tuple(lineages))


def _edges(alignments: Sequence[Alignment]) -> dict[_Node, set[_Node]]:
    edges: dict[_Node, set[_Node]] = defaultdict(set)
    for k, alignment in enumerate(alignments):
        for match in alignment.matches:
            for old in match.old:
                for new in match.new:
                    edges[(k, old.eid)].add((k + 1, new.eid))
                    edges[(k + 1, new.eid)].add((k, old.eid))
    return edges


def _reappearances(drafts: Sequence[Draft], alignments: Sequence[Alignment]) -> dict[_Node, _Node]:
    """Articles that come back after a draft's absence: new node -> the node it continues."""
    returns: dict[_Node, _Node] = {}
    for k, alignment in enumerate(alignments):
        gone = [m.old[0] for m in alignment.matches if m.relation == "deleted"]
        if not gone:
            continue
        for j in range(k + 2, len(drafts)):
            arrived = [m.new[0] for m in alignments[j - 1].matches if m.relation == "added"]
            if not arrived:
                continue
            trial = align(
                attrs.evolve(drafts[k], articles=tuple(gone)),
                attrs.evolve(drafts[j], articles=tuple(arrived)),
            )
            for match in trial.matches:
                one_to_one = len(match.old) == len(match.new) == 1
                if one_to_one and match.similarity >= THRESHOLD:
                    returns.setdefault((j, match.new[0].eid), (k, match.old[0].eid))
    return returns


def _lineages(
    drafts: Sequence[Draft],
    alignments: Sequence[Alignment],
    edges: dict[_Node, set[_Node]],
    returns: dict[_Node, _Node],
) -> Iterator[Lineage]:
    links: dict[_Node, set[_Node]] = defaultdict(set)
    for node, neighbours in edges.items():
        links[node] |= neighbours
    for new, old in returns.items():
        links[new].add(old)
        links[old].add(new)
    # Where each article stands in its draft, and the match that brought it there.
    positions = {(k, a.eid): (n, a) for k, d in enumerate(drafts) for n, a in enumerate(d.articles)}
    arrivals = {
        (k + 1, new.eid): match
        for k, alignment in enumerate(alignments)
        for match in alignment.matches
        if match.old
        for new in match.new
    }
    seen: set[_Node] = set()
    for k, draft in enumerate(drafts):
        for article in draft.articles:
            start = (k, article.eid)
            if start in seen:
                continue
            family = _component(start, links)
            seen |= family
            yield _lineage(family, drafts, positions, arrivals, returns)


def _component(start: _Node, links: dict[_Node, set[_Node]]) -> set[_Node]:
    family, frontier = {start}, [start]
    while frontier:
        node = frontier.pop()
        for neighbour in links.get(node, ()):
            if neighbour not in family:
                family.add(neighbour)
                frontier.append(neighbour)
    return family


def _lineage(
    family: set[_Node],
    drafts: Sequence[Draft],
    positions: dict[_Node, tuple[int, Article]],
    arrivals: dict[_Node, Match],
    returns: dict[_Node, _Node],
) -> Lineage:
    by_draft: dict[int, list[tuple[int, Article]]] = defaultdict(list)
    for node in family:
        by_draft[node[0]].append(positions[node])
    steps: list[Step] = []
    for k, draft in enumerate(drafts):
        present = sorted(by_draft.get(k, []), key=lambda entry: entry[0])
        nums = tuple(article.num for _, article in present)
        nodes = [(k, article.eid) for _, article in present]
        match = next((arrivals[n] for n in nodes if n in arrivals), None)
        if not nums:
            earlier = any(index < k for index, _ in family)
            was_here = k > 0 and steps[-1].nums
            event = "deleted" if earlier and was_here else "absent"
        elif any(node in returns for node in nodes):
            event = "reappeared"
        elif k == 0:
            event = "present"
        elif match is None:
            event = "added"
        else:
            event = match.relation
        renumbered = bool(match and match.renumbered)
        moved = bool(match and match.moved)
        eids = tuple(eid for _, eid in nodes)
        steps.append(Step(k, draft.label, nums, event, renumbered, moved, eids))
    return Lineage(tuple(steps))
