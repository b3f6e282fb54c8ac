"""Concern tags on the fixture series: the deliberate changes, cosmetic changes, rationales."""

from __future__ import annotations

import changes_table
import pytest
from conftest import FIXTURES
from test_compare import renumbered

import treatydiff as td

SERIES = sorted((FIXTURES / "series").glob("[0-9][0-9]-*.md"))
COSMETIC = {"editorial", "cross-reference-only", "restructured"}


@pytest.fixture(scope="module")
def comparisons() -> dict[str, td.Comparison]:
    """Each consecutive pair of fixture drafts compared with the default pack."""
    drafts = [td.load(path) for path in SERIES]
    return {f"{i + 1}-{i + 2}": td.compare(drafts[i], drafts[i + 1]) for i in range(3)}


@pytest.mark.parametrize("row", changes_table.rows(), ids=lambda row: row.id)
def test_deliberate_changes_get_their_concern_effects(
    comparisons: dict[str, td.Comparison],
    by_row: dict[str, list[td.Change]],
    row: changes_table.Row,
) -> None:
    """Each deliberate change is tagged for the concerns CHANGES.md names, with that effect."""
    tagged = changes_table.tags_by_concern(comparisons[row.pair], by_row[row.id])
    if not row.effects:
        assert tagged == {}, f"a change CHANGES.md calls neutral got {tagged}"
    for concern, effect in row.effects.items():
        assert tagged.get(concern) == effect, f"{concern}: expected {effect}, found {tagged}"


def test_cosmetic_changes_are_never_tagged(comparisons: dict[str, td.Comparison]) -> None:
    """No change that is only editorial or a renumbered reference gets a tag."""
    for comparison in comparisons.values():
        cosmetic = {c.id for c in comparison.changes if set(c.kinds) <= COSMETIC}
        assert cosmetic, "the series has cosmetic changes to check"
        assert not [t for t in comparison.tags if t.change in cosmetic]


def test_renumbering_alone_is_never_tagged() -> None:
    """A renumbered draft, with a new neutral article 1, gets no tag except for that article."""
    old = td.load(SERIES[1])
    new = td.loads(renumbered(SERIES[1].read_text("utf-8")), format="markdown")
    comparison = td.compare(old, new)
    assert {t.change for t in comparison.tags} <= {comparison.changes[0].id}


def test_rationales_name_the_article_and_quote_the_text(
    comparisons: dict[str, td.Comparison],
) -> None:
    """Every tag's rationale is one sentence naming the place, and its evidence is in the text."""
    for comparison in comparisons.values():
        changes = {c.id: c for c in comparison.changes}
        for tag in comparison.tags:
            change = changes[tag.change]
            assert tag.rationale.startswith(f"In {change.where}, "), tag.rationale
            assert tag.rationale.endswith(".")
            assert tag.rationale.count(". ") == 0, tag.rationale
            # Evidence quotes the changed provision, or the article around it (a list's chapeau).
            context = [change.old_text, change.new_text]
            for draft, num in (
                (comparison.old, change.old_article),
                (comparison.new, change.new_article),
            ):
                if num and num != "preamble":
                    context.append(draft.article(num).text)
            text = " ".join("\n".join(context).lower().split())
            text = text.replace("[", "").replace("]", "")
            for word in tag.evidence:
                stem = " ".join(word.lower().removesuffix("...").split())
                stem = stem.replace("[", "").replace("]", "")
                assert stem in text or stem.replace("-", " ") in text, (tag, word)


def test_summary_counts_the_tags(comparisons: dict[str, td.Comparison]) -> None:
    """The summary lists every concern of the pack with the counts of its tags and a direction."""
    comparison = comparisons["1-2"]
    summary = comparison.summary()
    assert list(summary) == list(td.load_concerns().ids)
    for concern, row in summary.items():
        effects = [t.effect for t in comparison.tags if t.concern == concern]
        assert row["addresses"] == effects.count("addresses")
        assert row["worsens"] == effects.count("worsens")
        assert row["net"] in ("improved", "worsened", "mixed", "unchanged")
    assert summary["human-rights-safeguards"]["net"] == "worsened"
    assert comparisons["2-3"].summary()["human-rights-safeguards"]["net"] == "improved"


def test_no_pack_means_no_tags() -> None:
    """compare(concerns=None) types the changes but tags nothing."""
    comparison = td.compare(td.load(SERIES[0]), td.load(SERIES[1]), concerns=None)
    assert comparison.changes
    assert comparison.tags == ()
