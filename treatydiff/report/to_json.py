"""The JSON report (``schema_version`` "1"), and reading one back.

Other tools read this format, so it changes only with a new ``schema_version`` and a CHANGELOG
entry. The schema ships with the package (``report/schema-1.json``). Output is deterministic: the
same comparison gives byte-identical JSON (keys in a fixed order, similarities rounded).

A report read back is a :class:`~treatydiff.compare.Comparison` that holds what the report holds:
the drafts' labels and sources, the articles by number, the alignment, the changes with their
changed words, the tags and the summary. It does not hold the drafts' full text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any, Final

from treatydiff.align import Alignment, Match
from treatydiff.concerns.model import Concern, ConcernPack, ConcernTag
from treatydiff.exceptions import TreatydiffError
from treatydiff.load.numbers import eid_number, unique_eid
from treatydiff.model import Article, Draft
from treatydiff.worddiff import Edit

if TYPE_CHECKING:
    from treatydiff.compare import Comparison

__all__ = [
    "SCHEMA_VERSION",
    "ReportFormatError",
    "comparison_dict",
    "comparison_from_json",
    "schema",
]

SCHEMA_VERSION: Final = "1"


class ReportFormatError(TreatydiffError, ValueError):
    """A JSON report that cannot be read back: not JSON, another schema version, or malformed."""


def schema() -> dict[str, Any]:
    """The JSON Schema of the report, as shipped in the package."""
    text = resources.files("treatydiff.report").joinpath(f"schema-{SCHEMA_VERSION}.json")
    result: dict[str, Any] = json.loads(text.read_text("utf-8"))
    return result


def comparison_dict(comparison: Comparison) -> dict[str, Any]:
    """The report as plain data, in the order the schema lists the keys."""
    return {
        "schema_version": SCHEMA_VERSION,
        "old": _draft(comparison.old),
        "new": _draft(comparison.new),
        "alignment": [_match(match) for match in comparison.alignment.matches],
        "changes": [
            {
                "id": change.id,
                "old_article": change.old_article,
                "new_article": change.new_article,
                "old_eid": change.old_eid,
                "new_eid": change.new_eid,
                "kinds": list(change.kinds),
                "old_text": change.old_text,
                "new_text": change.new_text,
                "edits": [edit.to_dict() for edit in change.changed_edits],
            }
            for change in comparison.changes
        ],
        "tags": [
            {
                "change": tag.change,
                "concern": tag.concern,
                "effect": tag.effect,
                "confidence": round(tag.confidence, 3),
                "rationale": tag.rationale,
                "evidence": list(tag.evidence),
                "rule": tag.rule,
            }
            for tag in comparison.tags
        ],
        "summary": {
            concern: {effect: row[effect] for effect in ("addresses", "worsens", "mixed")}
            for concern, row in comparison.summary().items()
        },
    }


def dumps(data: Mapping[str, Any] | list[Any]) -> str:
    """Serialise report data the one way treatydiff does (UTF-8 text, two-space indent)."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _draft(draft: Draft) -> dict[str, Any]:
    return {"label": draft.label, "source": draft.source, "articles": len(draft.articles)}


def _match(match: Match) -> dict[str, Any]:
    return {
        "old": list(match.old_nums),
        "new": list(match.new_nums),
        "relation": match.relation,
        "renumbered": match.renumbered,
        "moved": match.moved,
        "similarity": round(match.similarity, 3),
    }


def comparison_from_json(
    text: str | bytes | Mapping[str, Any], *, source: str = "<report>"
) -> Comparison:
    """Read a report written by :func:`comparison_dict` back into a ``Comparison``."""
    from treatydiff.compare import Change, Comparison

    data = _parsed(text, source)
    try:
        old = _stub_draft(data["old"], [n for row in data["alignment"] for n in row["old"]])
        new = _stub_draft(data["new"], [n for row in data["alignment"] for n in row["new"]])
        old_articles = {a.num: a for a in old.articles}
        new_articles = {a.num: a for a in new.articles}
        matches = tuple(
            Match(
                old=tuple(old_articles[n] for n in row["old"]),
                new=tuple(new_articles[n] for n in row["new"]),
                relation=row["relation"],
                similarity=float(row["similarity"]),
                method="report",
                renumbered=bool(row["renumbered"]),
                moved=bool(row["moved"]),
            )
            for row in data["alignment"]
        )
        changes = tuple(
            Change(
                id=item["id"],
                old_article=item["old_article"],
                new_article=item["new_article"],
                old_eid=item["old_eid"],
                new_eid=item["new_eid"],
                kinds=tuple(item["kinds"]),
                old_text=item["old_text"],
                new_text=item["new_text"],
                edits=tuple(Edit(e["op"], e["old"], e["new"], 0, 0, 0, 0) for e in item["edits"]),
                findings=(),
            )
            for item in data["changes"]
        )
        tags = tuple(
            ConcernTag(
                change=item["change"],
                concern=item["concern"],
                effect=item["effect"],
                confidence=float(item["confidence"]),
                rationale=item["rationale"],
                evidence=tuple(item["evidence"]),
                rule=item["rule"],
            )
            for item in data["tags"]
        )
        pack = _stub_pack(list(data["summary"]))
    except (KeyError, TypeError, ValueError) as error:
        raise ReportFormatError(
            f"the report is not in the shape of schema version 1 ({type(error).__name__}: "
            f"{error}); check it against treatydiff.report.to_json.schema()",
            source=source,
        ) from None
    return Comparison(old, new, Alignment(old, new, matches), changes, tags, pack)


def _parsed(text: str | bytes | Mapping[str, Any], source: str) -> Mapping[str, Any]:
    if isinstance(text, Mapping):
        data = text
    else:
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise ReportFormatError(f"not JSON ({error})", source=source) from None
    if not isinstance(data, Mapping):
        raise ReportFormatError("the report must be a JSON object", source=source)
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise ReportFormatError(
            f"schema_version {version!r} is not one this treatydiff reads ({SCHEMA_VERSION!r}); "
            "use the treatydiff version that wrote the report",
            source=source,
        )
    return data


def _stub_draft(info: Mapping[str, Any], nums: list[str]) -> Draft:
    """A draft that knows its label, source and article numbers: what a report records."""
    taken: set[str] = set()
    articles = tuple(
        Article(num=num, eid=unique_eid(f"art_{eid_number(num, roman=False)}", taken))
        for num in dict.fromkeys(nums)
    )
    return Draft(label=str(info["label"]), source=str(info["source"]), articles=articles)


def _stub_pack(ids: list[str]) -> ConcernPack:
    """The concerns a report summarises, by id (their rules are not part of a report)."""
    concerns = tuple(
        Concern(
            id=concern_id,
            title=concern_id,
            description="",
            divisions=None,
            headings=None,
            terms=None,
            protective=None,
            risky=None,
            safeguard_headings=None,
            default_role="power",
            rules=(),
        )
        for concern_id in ids
    )
    return ConcernPack(
        id="report", title="concerns of a saved report", description="", concerns=concerns
    )
