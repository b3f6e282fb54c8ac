"""Aligning articles across drafts: the fixture series, generated drafts, overrides, real texts."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest
from conftest import FIXTURES, SHARED, shared_file
from hypothesis import given
from hypothesis import strategies as st
from strategies import generated_treaty, mutate, render_articles

import treatydiff as td
from treatydiff.align import OverrideError, align

SERIES = sorted((FIXTURES / "series").glob("[0-9][0-9]-*.md"))


def series_truth(series: str = "series") -> dict[str, set[tuple[str, str, str]]]:
    """The hand-written correspondences of fixtures/<series>/alignment.csv, by pair."""
    truth: dict[str, set[tuple[str, str, str]]] = {}
    with (FIXTURES / series / "alignment.csv").open() as handle:
        for row in csv.DictReader(handle):
            truth.setdefault(row["pair"], set()).add((row["old"], row["new"], row["relation"]))
    return truth


@pytest.mark.parametrize(
    ("series", "step"),
    [
        ("series", 1),
        ("series", 2),
        ("series", 3),
        ("series-b", 1),
        ("series-b", 2),
        ("series-c", 1),
    ],
)
def test_fixture_series_aligns_to_the_hand_written_mapping(series: str, step: int) -> None:
    """Each consecutive pair of fixture drafts aligns exactly as alignment.csv says."""
    drafts = sorted((FIXTURES / series).glob("[0-9][0-9]-*.md"))
    old, new = td.load(drafts[step - 1]), td.load(drafts[step])
    alignment = align(old, new)
    found = {("+".join(m.old_nums), "+".join(m.new_nums), m.relation) for m in alignment.matches}
    assert found == series_truth(series)[f"{step}-{step + 1}"]


def test_fixture_moves_are_the_real_ones() -> None:
    """Only the article moved to another chapter is flagged as moved, despite the renumbering."""
    alignment = align(td.load(SERIES[1]), td.load(SERIES[2]))
    assert [(m.old_nums, m.new_nums) for m in alignment.matches if m.moved] == [(("29",), ("31",))]
    assert alignment.counts()["renumbered"] == 30


def test_every_article_is_in_exactly_one_match() -> None:
    """Both drafts' articles each appear once, in the new draft's order."""
    old, new = td.load(SERIES[0]), td.load(SERIES[1])
    alignment = align(old, new)
    assert sorted(n for m in alignment.matches for n in m.old_nums) == sorted(
        a.num for a in old.articles
    )
    new_order = [n for m in alignment.matches for n in m.new_nums]
    assert new_order == [a.num for a in new.articles]


def test_renumbered_cross_references_do_not_count_as_changes() -> None:
    """After a new article 2, 'article 3' becoming 'article 4' leaves the text unchanged."""
    old = td.loads(
        "Article 1\nScope\n\nThis applies as article 3 provides.\n\n"
        "Article 2\nTerms\n\nTerms are defined.\n\n"
        "Article 3\nSafeguards\n\nPowers under article 2 are subject to review.\n"
    )
    new = td.loads(
        "Article 1\nScope\n\nThis applies as article 4 provides.\n\n"
        "Article 2\nHuman rights\n\nRights are respected.\n\n"
        "Article 3\nTerms\n\nTerms are defined.\n\n"
        "Article 4\nSafeguards\n\nPowers under article 3 are subject to review.\n"
    )
    alignment = align(old, new)
    assert [(m.old_nums, m.new_nums, m.relation) for m in alignment.matches] == [
        (("1",), ("1",), "unchanged"),
        ((), ("2",), "added"),
        (("2",), ("3",), "unchanged"),
        (("3",), ("4",), "unchanged"),
    ]
    assert alignment.for_old(3).similarity == 1.0
    assert alignment.for_old(3).renumbered
    assert not alignment.for_old(3).moved


def test_provisions_inside_a_pair_are_aligned() -> None:
    """An inserted paragraph is added; the paragraphs around it keep their partners."""
    old = td.loads("Article 1\nScope\n\n1. First rule applies.\n\n2. Second rule applies here.\n")
    new = td.loads(
        "Article 1\nScope\n\n1. First rule applies.\n\n2. A new rule on review.\n\n"
        "3. Second rule applies here too.\n"
    )
    rows = [(p.old, p.new, p.relation) for p in align(old, new).for_old(1).provisions]
    assert rows == [
        ("art_1__para_1", "art_1__para_1", "unchanged"),
        (None, "art_1__para_2", "added"),
        ("art_1__para_2", "art_1__para_3", "modified"),
    ]


def generated_case(seed: int, operations: list[str]) -> tuple[set, set, td.Draft, td.Draft]:
    """Alignment pairs found and expected for a generated treaty and a mutated copy."""
    rng = random.Random(seed)
    articles = generated_treaty(rng, rng.randint(8, 40))
    changed, origin = mutate(rng, articles, operations)
    old, new = td.loads(render_articles(articles)), td.loads(render_articles(changed))
    old_num = {a.ident: str(n) for n, a in enumerate(articles, start=1)}
    expected = {
        (old_num[source], str(n))
        for n, article in enumerate(changed, start=1)
        for source in origin[article.ident]
    }
    found = {(o, n) for m in align(old, new).matches for o in m.old_nums for n in m.new_nums}
    return found, expected, old, new


def test_generated_drafts_precision_and_recall() -> None:
    """Over 200 generated edits of every kind, article pairs reach precision and recall >= 0.98."""
    kinds = ["insert", "delete", "move", "split", "merge", "edit"]
    true_positive = false_positive = false_negative = 0
    for seed in range(200):
        rng = random.Random(seed)
        operations = [rng.choice(kinds) for _ in range(rng.randint(1, 6))]
        found, expected, _, _ = generated_case(seed, operations)
        true_positive += len(found & expected)
        false_positive += len(found - expected)
        false_negative += len(expected - found)
    precision = true_positive / (true_positive + false_positive)
    recall = true_positive / (true_positive + false_negative)
    print(f"generated: precision {precision:.4f}, recall {recall:.4f}, {true_positive} pairs")
    assert precision >= 0.98
    assert recall >= 0.98


@given(
    st.integers(0, 10_000), st.lists(st.sampled_from(["insert", "delete"]), min_size=1, max_size=5)
)
def test_renumbering_alone_moves_nothing(seed: int, operations: list[str]) -> None:
    """Insertions and deletions renumber articles but never flag a move or change a text."""
    found, expected, old, new = generated_case(seed, operations)
    alignment = align(old, new)
    assert found == expected
    assert not any(m.moved for m in alignment.matches)
    assert all(m.relation in ("unchanged", "added", "deleted") for m in alignment.matches)


@given(st.integers(0, 10_000))
def test_splits_and_merges_are_found(seed: int) -> None:
    """A split article and two merged ones are reported as split and merged."""
    found, expected, old, new = generated_case(seed, ["split", "merge"])
    relations = {m.relation for m in align(old, new).matches}
    assert found == expected
    if len(old.articles) == len(new.articles):
        assert {"split", "merged"} <= relations or relations == {"unchanged"}


def test_overrides_win_and_conflicts_are_reported(tmp_path: Path) -> None:
    """An override pairs what it says, and a pairing the automatic pass disagrees with is listed."""
    old, new = td.load(SERIES[1]), td.load(SERIES[2])
    alignment = align(old, new, overrides={"3": "4"})
    assert alignment.for_old(3).new_nums == ("4",)
    assert alignment.for_old(3).method == "override"
    assert [str(c) for c in alignment.conflicts] == ["override 3 -> 4; automatic match: 3"]
    table = tmp_path / "correlation.csv"
    table.write_text("old,new\n3,3\n19,20+20 bis\n")
    agreed = align(old, new, overrides=table)
    assert agreed.conflicts == ()
    assert agreed.for_old(19).new_nums == ("20", "20 bis")


def test_bad_overrides_name_the_problem(tmp_path: Path) -> None:
    """An override naming a missing article, or a table without columns, is a clear error."""
    old, new = td.load(SERIES[0]), td.load(SERIES[1])
    with pytest.raises(OverrideError, match="override names article '99'"):
        align(old, new, overrides={"99": "1"})
    table = tmp_path / "table.csv"
    table.write_text("from,to\n1,1\n")
    with pytest.raises(
        OverrideError, match=r"table\.csv: the table needs the columns 'old' and 'new'"
    ):
        align(old, new, overrides=table)


def test_alignment_table_and_repr() -> None:
    """The alignment reads as a table and summarises itself in its repr."""
    alignment = align(td.load(SERIES[0]), td.load(SERIES[1]))
    assert repr(alignment) == (
        "<Alignment '01-zero-draft' -> '02-rev1': 18 unchanged, 14 modified, 1 merged, "
        "1 added, 1 deleted; 23 renumbered, 0 moved>"
    )
    table = alignment.table().splitlines()
    assert table[0].split() == ["old", "new", "relation", "flags", "similarity"]
    assert "13+14  13         merged" in alignment.table()
    assert alignment.rows()[0] == {
        "old": ["1"],
        "new": ["1"],
        "relation": "modified",
        "renumbered": False,
        "moved": False,
        "similarity": alignment.matches[0].row()["similarity"],
        "method": alignment.matches[0].method,
    }


ESC_PAIRS = {str(n): str(n) for n in range(1, 20)} | {
    "20": "A",
    "30": "F",
    "31": "G",
    "32": "H",
    "34": "L",
    "35": "K",
    "36": "J",
    "37": "M",
}


def test_european_social_charter_1961_to_1996() -> None:
    """The revised Charter aligns to the 1961 Charter on the correspondences its headings show."""
    charter = SHARED / "corpora" / "european-social-charter"
    old = td.load(shared_file(charter / "1961-european-social-charter.txt"))
    new = td.load(shared_file(charter / "1996-revised-charter.txt"))
    found = {
        (o, n)
        for m in align(old, new).matches
        for o in m.old_nums
        for n in m.new_nums
        if o in ESC_PAIRS
    }
    expected = set(ESC_PAIRS.items())
    precision = len(found & expected) / len(found)
    recall = len(found & expected) / len(expected)
    print(f"European Social Charter 1961 -> 1996: precision {precision:.2f}, recall {recall:.2f}")
    assert precision >= 0.95
    assert recall >= 0.85
