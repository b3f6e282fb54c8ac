"""pandas DataFrames (the ``pandas`` extra): changes with their tags, alignments, timelines."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from treatydiff.exceptions import MissingExtraError

if TYPE_CHECKING:
    import pandas as pd

    from treatydiff.align import Alignment
    from treatydiff.compare import Comparison
    from treatydiff.timeline import Timeline

__all__ = ["alignment_frame", "comparison_frame", "timeline_frame"]

CHANGE_COLUMNS = (
    "change", "old_article", "new_article", "old_eid", "new_eid", "kinds",
    "concern", "effect", "confidence", "rationale", "evidence", "rule", "old_text", "new_text",
)  # fmt: skip


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise MissingExtraError(
            "DataFrames need pandas: pip install 'treatydiff[pandas]'", source="to_dataframe()"
        ) from None
    return pandas


def comparison_frame(comparison: Comparison) -> pd.DataFrame:
    """One row per change and concern tag (a change no concern tags has one row with no concern)."""
    rows: list[dict[str, Any]] = []
    for change in comparison.changes:
        base: dict[str, Any] = {
            "change": change.id,
            "old_article": change.old_article,
            "new_article": change.new_article,
            "old_eid": change.old_eid,
            "new_eid": change.new_eid,
            "kinds": ", ".join(change.kinds),
            "old_text": change.old_text,
            "new_text": change.new_text,
        }
        tags = comparison.tags_for(change)
        if not tags:
            rows.append({**base, "concern": None, "effect": None, "confidence": None,
                         "rationale": None, "evidence": None, "rule": None})  # fmt: skip
        for tag in tags:
            rows.append(
                {
                    **base,
                    "concern": tag.concern,
                    "effect": tag.effect,
                    "confidence": tag.confidence,
                    "rationale": tag.rationale,
                    "evidence": "; ".join(tag.evidence),
                    "rule": tag.rule,
                }
            )
    return _pandas().DataFrame(rows, columns=list(CHANGE_COLUMNS))


def alignment_frame(alignment: Alignment) -> pd.DataFrame:
    """One row per match: old and new numbers, relation, flags, similarity, method."""
    rows = [
        {**match.row(), "old": "+".join(match.old_nums), "new": "+".join(match.new_nums)}
        for match in alignment.matches
    ]
    columns = ["old", "new", "relation", "renumbered", "moved", "similarity", "method"]
    return _pandas().DataFrame(rows, columns=columns)


def timeline_frame(timeline: Timeline) -> pd.DataFrame:
    """One row per lineage: the article's number(s) in each draft and the event, by draft."""
    rows = []
    for index, lineage in enumerate(timeline.lineages, start=1):
        row: dict[str, Any] = {"lineage": index}
        for step in lineage.steps:
            row[step.label] = "+".join(step.nums) or None
            row[f"{step.label} event"] = step.event
        rows.append(row)
    return _pandas().DataFrame(rows)
