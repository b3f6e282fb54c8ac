"""A Markdown summary to paste into a brief or an issue: per concern, what worsened and what
improved, with the article numbers and the words that show it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from treatydiff import __version__
from treatydiff.concerns.model import ConcernTag

if TYPE_CHECKING:
    from treatydiff.compare import Change, Comparison
    from treatydiff.timeline import Timeline

__all__ = ["comparison_markdown", "timeline_markdown"]

_SECTIONS = (("worsens", "Worsened"), ("addresses", "Improved"), ("mixed", "Mixed"))
_RELATIONS = ("split", "merged", "added", "deleted")


def comparison_markdown(comparison: Comparison) -> str:
    """The comparison as Markdown: a summary table, then per concern the tagged changes."""
    old, new = comparison.old.label, comparison.new.label
    lines = [f"# {_text(old)} → {_text(new)}", ""]
    pack = comparison.concerns
    if pack is not None:
        lines += [f"Concerns: {_text(pack.title)}. Made with treatydiff {__version__}.", ""]
    lines += _alignment_lines(comparison)
    if pack is None:
        return "\n".join(lines).rstrip() + "\n"
    lines += [
        "## Summary",
        "",
        "| Concern | Worsened | Improved | Mixed | Overall |",
        "|---|--:|--:|--:|---|",
    ]
    for concern in pack.concerns:
        row = comparison.summary()[concern.id]
        counts = f"{row['worsens']} | {row['addresses']} | {row['mixed']}"
        lines.append(f"| {_text(concern.title)} | {counts} | {row['net']} |")
    changes = {change.id: change for change in comparison.changes}
    for concern in pack.concerns:
        tags = [tag for tag in comparison.tags if tag.concern == concern.id]
        lines += ["", f"## {_text(concern.title)}", ""]
        if not tags:
            lines.append("No change in this comparison bears on this concern.")
            continue
        for effect, heading in _SECTIONS:
            chosen = [tag for tag in tags if tag.effect == effect]
            if chosen:
                lines += [f"**{heading}**", ""]
                lines += [_tag_line(tag, changes[tag.change]) for tag in chosen]
                lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def timeline_markdown(timeline: Timeline) -> str:
    """Each step of a timeline as Markdown, one after the other."""
    labels = " → ".join(_text(d.label) for d in timeline.drafts)
    parts = [f"# {labels}", ""]
    for comparison in timeline.comparisons:
        body = comparison_markdown(comparison).replace("\n# ", "\n## ", 1)
        parts.append("#" + body if body.startswith("# ") else body)
    return "\n".join(parts).rstrip() + "\n"


def _alignment_lines(comparison: Comparison) -> list[str]:
    counts = comparison.alignment.counts()
    overview = ", ".join(
        f"{counts[k]} {k}" for k in ("unchanged", "modified", *_RELATIONS) if counts[k]
    )
    lines = [
        f"Articles: {overview}; {counts['renumbered']} renumbered, {counts['moved']} moved.",
        "",
    ]
    notable = [m for m in comparison.alignment.matches if m.relation in _RELATIONS or m.moved]
    for match in notable:
        old = "+".join(match.old_nums) or "—"
        new = "+".join(match.new_nums) or "—"
        heading = _text((match.new or match.old)[0].heading)
        what = match.relation + (", moved" if match.moved else "")
        lines.append(f"- Article {old} → {new} ({what}): {heading}")
    return [*lines, ""] if notable else lines


def _tag_line(tag: ConcernTag, change: Change) -> str:
    quotes = ", ".join(f"“{_text(word)}”" for word in tag.evidence[:4])
    evidence = f" Evidence: {quotes}." if quotes else ""
    return f"- {_text(tag.rationale)}{evidence}"


def _text(text: str) -> str:
    """*text* safe to paste into Markdown: no stray emphasis, links or table pipes."""
    return "".join("\\" + c if c in "*_`[]|<>#" else c for c in " ".join(text.split()))
