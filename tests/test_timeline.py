"""Following articles through several drafts."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

import treatydiff as td

SERIES = sorted((FIXTURES / "series").glob("[0-9][0-9]-*.md"))


@pytest.fixture(scope="module")
def series() -> td.Timeline:
    """The timeline of the four fixture drafts."""
    return td.timeline([td.load(path) for path in SERIES])


def test_timeline_holds_every_article_once(series: td.Timeline) -> None:
    """Each article of each draft is in exactly one lineage."""
    for index, draft in enumerate(series.drafts):
        nums = [n for lineage in series.lineages for n in lineage.steps[index].nums]
        assert sorted(nums) == sorted(a.num for a in draft.articles)
    assert len(series.alignments) == 3


def test_split_article_history(series: td.Timeline) -> None:
    """Article 20 bis of Rev.2 goes back to article 20 of the zero draft and on to 18 and 19."""
    lineage = series.history("20 bis", draft=2)
    assert [step.nums for step in lineage.steps] == [
        ("20",),
        ("19",),
        ("20", "20 bis"),
        ("18", "19"),
    ]
    assert [step.event for step in lineage.steps] == ["present", "unchanged", "split", "unchanged"]
    assert lineage.numbers() == ["20", "19", "20 bis", "18"]


def test_merged_deleted_and_added_articles(series: td.Timeline) -> None:
    """A merger joins two lineages; a deleted article ends; an added one starts later."""
    merged = series.history("13", draft=1)
    assert merged.steps[0].nums == ("13", "14")
    assert merged.steps[1].event == "merged"
    deleted = series.history(10, draft=0)
    assert [step.event for step in deleted.steps] == ["present", "deleted", "absent", "absent"]
    added = series.history("4", draft="03-rev2")
    assert added.first.label == "03-rev2"
    assert added.first.event == "added"


def test_history_defaults_to_the_last_draft(series: td.Timeline) -> None:
    """Without a draft, history() looks the number up in the last draft."""
    assert series.history("30").steps[2].nums == ("31",)
    assert series.history("30").steps[2].moved


def test_history_errors_name_what_exists(series: td.Timeline) -> None:
    """Unknown drafts and articles are errors that list what there is."""
    with pytest.raises(td.UnknownArticleError, match=r"no draft 'Rev\.9' in this timeline"):
        series.history("1", draft="Rev.9")
    with pytest.raises(td.UnknownArticleError, match="no article '99'"):
        series.history("99")


def test_reappearing_article() -> None:
    """An article dropped in one draft and restored in a later one is followed across the gap."""
    protection = (
        "Article 3\nProtection of whistleblowers\n\n"
        "Each State Party shall protect persons who report offences in good faith.\n\n"
    )
    first = td.loads(
        "Article 1\nScope\n\nIt applies.\n\nArticle 2\nTerms\n\nTerms.\n\n" + protection, label="A"
    )
    second = td.loads("Article 1\nScope\n\nIt applies.\n\nArticle 2\nTerms\n\nTerms.\n", label="B")
    third = td.loads(
        "Article 1\nScope\n\nIt applies.\n\nArticle 2\nTerms\n\nTerms.\n\n"
        + protection.replace("Article 3", "Article 3").replace(
            "good faith", "good faith and on reasonable grounds"
        ),
        label="C",
    )
    lineage = td.timeline([first, second, third]).history("3")
    assert [(s.nums, s.event) for s in lineage.steps] == [
        (("3",), "present"),
        ((), "deleted"),
        (("3",), "reappeared"),
    ]


def test_timeline_needs_two_labelled_drafts() -> None:
    """One draft, or two with the same label, cannot make a timeline."""
    draft = td.loads("Article 1\nScope\n\nIt applies.\n", label="same")
    with pytest.raises(td.TreatydiffError, match="at least two drafts"):
        td.timeline([draft])
    with pytest.raises(td.TreatydiffError, match="distinct labels"):
        td.timeline([draft, draft])


def test_timeline_table_and_repr(series: td.Timeline) -> None:
    """The timeline prints as a table with one column per draft."""
    assert repr(series) == (
        "<Timeline '01-zero-draft' -> '02-rev1' -> '03-rev2' -> '04-final': 36 lineages>"
    )
    table = series.table().splitlines()
    assert table[0].split() == ["01-zero-draft", "02-rev1", "03-rev2", "04-final"]
    assert any(line.split()[:5] == ["20", "19", "20+20", "bis", "split"] for line in table)
    assert series.rows()[0] == {
        "01-zero-draft": "1",
        "02-rev1": "1",
        "03-rev2": "1",
        "04-final": "1",
    }
