"""Rich display in Jupyter: compact HTML tables for drafts, alignments, comparisons, timelines."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from treatydiff.align import Alignment
    from treatydiff.compare import Comparison
    from treatydiff.model import Draft
    from treatydiff.timeline import Timeline

__all__ = ["alignment_html", "comparison_summary_html", "draft_html", "timeline_summary_html"]

#: How many rows a compact table shows before it says how many more there are.
ROWS = 12
_SYMBOLS = {"addresses": "+", "worsens": "−", "mixed": "±"}


def _table(
    caption: str, header: Sequence[str], rows: Iterable[Sequence[object]], total: int
) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(cell))}</td>" for cell in row) + "</tr>" for row in rows
    )
    more = f"<p><small>… and {total - ROWS} more</small></p>" if total > ROWS else ""
    return (
        f"<div class='treatydiff'><table><caption style='text-align:left'><b>{escape(caption)}"
        f"</b></caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}</div>"
    )


def draft_html(draft: Draft) -> str:
    """The draft's outline: articles with heading, chapter and provision count."""
    divisions = {d.eid: d.title for d in draft.divisions}
    rows = [
        (a.num, a.heading, divisions.get(a.division or "", ""), sum(1 for _ in a.iter_provisions()))
        for a in draft.articles[:ROWS]
    ]
    caption = f"{draft.label}: {draft.title or '(no title)'} ({len(draft.articles)} articles)"
    return _table(
        caption, ("article", "heading", "division", "provisions"), rows, len(draft.articles)
    )


def alignment_html(alignment: Alignment) -> str:
    """The alignment table; unchanged articles are left out to keep it compact."""
    shown = [m for m in alignment.matches if m.relation != "unchanged" or m.moved]
    rows = [
        (
            "+".join(m.old_nums) or "—",
            "+".join(m.new_nums) or "—",
            m.relation,
            ", ".join(f for f in ("renumbered", "moved") if getattr(m, f)),
            f"{m.similarity:.2f}",
        )
        for m in shown[:ROWS]
    ]
    return _table(
        repr(alignment), ("old", "new", "relation", "flags", "similarity"), rows, len(shown)
    )


def comparison_summary_html(comparison: Comparison) -> str:
    """The per-concern summary and the first changes with their tags."""
    summary = comparison.summary()
    concern_rows = [
        (concern, row["addresses"], row["worsens"], row["mixed"], row["net"])
        for concern, row in summary.items()
    ]
    top = _table(repr(comparison), ("concern", "+ addresses", "− worsens", "± mixed", "overall"),
                 concern_rows, len(concern_rows))  # fmt: skip
    change_rows = [
        (
            change.where,
            ", ".join(change.kinds),
            " ".join(f"{_SYMBOLS[t.effect]}{t.concern}" for t in comparison.tags_for(change)),
        )
        for change in comparison.changes[:ROWS]
    ]
    changes = _table(
        "changes", ("where", "kinds", "concerns"), change_rows, len(comparison.changes)
    )
    return top + changes


def timeline_summary_html(timeline: Timeline) -> str:
    """The lineage table: each article's number in each draft."""
    header = [d.label for d in timeline.drafts]
    quiet = ("present", "unchanged", "absent")
    rows = [
        ["+".join(s.nums) + ("" if s.event in quiet else f" ({s.event})") for s in lineage.steps]
        for lineage in timeline.lineages[:ROWS]
    ]
    return _table(repr(timeline), header, rows, len(timeline.lineages))
