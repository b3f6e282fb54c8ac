"""compare(): typed changes between two drafts, checked on the fixture series and invariants."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import changes_table
import pytest
from conftest import FIXTURES

import treatydiff as td
from treatydiff.classify import KINDS

SERIES = sorted((FIXTURES / "series").glob("[0-9][0-9]-*.md"))
COSMETIC = changes_table.COSMETIC


@pytest.fixture(scope="module")
def drafts() -> list[td.Draft]:
    """The four fixture drafts."""
    return [td.load(path) for path in SERIES]


@pytest.fixture(scope="module")
def comparisons(drafts: list[td.Draft]) -> dict[str, td.Comparison]:
    """Each consecutive pair of fixture drafts compared, by pair name ("1-2" ...)."""
    return {f"{i + 1}-{i + 2}": td.compare(drafts[i], drafts[i + 1]) for i in range(3)}


@pytest.mark.parametrize("index", range(4))
def test_a_draft_compared_with_itself_has_no_change(drafts: list[td.Draft], index: int) -> None:
    """Comparing a draft with itself finds every article unchanged and no change at all."""
    comparison = td.compare(drafts[index], drafts[index])
    assert comparison.changes == ()
    assert {m.relation for m in comparison.alignment.matches} == {"unchanged"}


def test_edits_rebuild_both_texts(comparisons: dict[str, td.Comparison]) -> None:
    """Every change's edits rebuild its old and its new text exactly."""
    for comparison in comparisons.values():
        for change in comparison.changes:
            assert "".join(e.old for e in change.edits) == change.old_text
            assert "".join(e.new for e in change.edits) == change.new_text


def test_swapping_drafts_inverts_the_kinds(drafts: list[td.Draft]) -> None:
    """Compared the other way round, a weakened duty is strengthened, an added safeguard removed."""
    for old, new in itertools.pairwise(drafts):
        forward, backward = td.compare(old, new), td.compare(new, old)
        reverse = {(c.new_eid, c.old_eid): c for c in backward.changes}
        for change in forward.changes:
            mirrored = reverse[(change.old_eid, change.new_eid)]
            assert {KINDS[k] for k in change.kinds} == set(mirrored.kinds), change.id


def renumbered(text: str, shift: int = 1) -> str:
    """*text* (a fixture draft) with a new article 1 and every article number and reference +1."""

    def bump(match: re.Match[str]) -> str:
        return str(int(match.group(0)) + shift)

    references = re.compile(
        r"(?<=\b[Aa]rticles )\d+(?:(?:, | and | to | or )\d+)*|(?<=\b[Aa]rticle )\d+"
    )
    lines = []
    for line in text.splitlines(keepends=True):
        if line.startswith("### Article "):
            lines.append(re.sub(r"(?<=### Article )\d+", bump, line))
        else:
            lines.append(references.sub(lambda m: re.sub(r"\d+", bump, m.group(0)), line))
    text = "".join(lines)
    first = text.index("### Article")
    inserted = "### Article 1 – General definitions\n\nTerms have their ordinary meaning.\n\n"
    return text[:first] + inserted + text[first:]


@pytest.mark.parametrize("path", SERIES, ids=lambda p: p.stem)
def test_renumbering_alone_is_no_change(path: Path) -> None:
    """With a new article 1, every other article is renumbered and nothing else is reported."""
    old = td.load(path)
    new = td.loads(renumbered(path.read_text("utf-8")), format="markdown")
    comparison = td.compare(old, new)
    assert [c.kinds for c in comparison.changes] == [("provision-added",)]
    assert comparison.changes[0].new_article == "1"
    renumbered_matches = [m for m in comparison.alignment.matches if m.old and m.new]
    assert all(m.renumbered and m.relation == "unchanged" for m in renumbered_matches)


# -- the deliberate changes listed in fixtures/series/CHANGES.md -------------------------------


@pytest.mark.parametrize("row", changes_table.rows(), ids=lambda row: row.id)
def test_deliberate_changes_get_their_kinds(
    by_row: dict[str, list[td.Change]], row: changes_table.Row
) -> None:
    """Each deliberate change of the fixture series is classified as CHANGES.md says."""
    kinds = {kind for change in by_row[row.id] for kind in change.kinds}
    if row.kinds <= COSMETIC:
        assert not kinds - COSMETIC, f"a cosmetic change got {sorted(kinds)}"
    else:
        assert row.kinds <= kinds, f"expected {sorted(row.kinds)}, found {sorted(kinds)}"


def test_every_reported_change_is_listed(by_row: dict[str, list[td.Change]]) -> None:
    """A change no CHANGES.md row names is consequential punctuation (a list's closing "." that
    becomes ";" before a new last item), never a change of meaning."""
    unlisted = {change.id: change.kinds for change in by_row[""]}
    assert all(set(kinds) <= COSMETIC for kinds in unlisted.values()), unlisted


def test_every_place_in_changes_md_is_in_its_draft(drafts: list[td.Draft]) -> None:
    """Every place a row names is an element of its draft, so that no row is checked against
    nothing by a typo; only a cosmetic row may name no element (a closing formula)."""
    rows = changes_table.rows()
    assert len(rows) == len({row.id for row in rows}) > 90
    assert changes_table.missing_places(drafts) == []
    assert all(row.old or row.new or row.kinds <= COSMETIC for row in rows)


# -- text said again in another shape --------------------------------------------------------


def one_article(body: str, heading: str = "Expedited preservation of traffic data") -> td.Draft:
    """A draft of one article 5 in the procedural chapter, holding *body*."""
    return td.loads(
        f"# Draft Convention\n\n## Chapter IV – Procedural measures\n\n"
        f"### Article 5 – {heading}\n\n{body}\n",
        format="markdown",
    )


SENTENCES_ENSURE = (
    "1. Where traffic data is preserved, each State Party shall ensure that such preservation "
    "is available without delay, whether one or more service providers were involved.\n\n"
    "2. Each State Party shall ensure that enough traffic data is disclosed promptly to the "
    "competent authority to identify the service providers."
)
POINTS_ENSURE = (
    "1. Where traffic data is preserved, each State Party shall adopt such legislative and "
    "other measures as may be necessary to:\n\n"
    "(a) Ensure that such preservation is available without delay, whether one or more "
    "service providers were involved;\n\n"
    "(b) Ensure that enough traffic data is disclosed promptly to the competent authority to "
    "identify the service providers."
)
SENTENCES_OFFENCES = (
    "1. Each State Party shall establish as a criminal offence, when committed intentionally, "
    "the production of software designed for the purpose of committing an offence.\n\n"
    "2. Each State Party shall establish as a criminal offence, when committed intentionally, "
    "the distribution of software designed for the purpose of committing an offence."
)
POINTS_OFFENCES = (
    "1. Each State Party shall establish as criminal offences, when committed intentionally:"
    "\n\n(a) The production of software designed for the purpose of committing an offence;"
    "\n\n(b) The distribution of software designed for the purpose of committing an offence."
)
SENTENCES_ORDERS = (
    "1. The competent authorities may order a service provider to submit subscriber "
    "information in its possession or control.\n\n"
    "2. The competent authorities may order a service provider to submit traffic data in its "
    "possession or control.\n\n"
    "3. Such orders shall be subject to prior judicial authorization."
)
POINTS_ORDERS = (
    "1. The competent authorities may order a service provider to submit, where in its "
    "possession or control:\n\n(a) Subscriber information;\n\n(b) Traffic data.\n\n"
    "2. Such orders shall be subject to prior judicial authorization."
)

ONE_SENTENCE = (
    "1. Each State Party shall empower its competent authorities to search or similarly access "
    "a digital network in its territory, and to seize or similarly secure the digital data so "
    "accessed."
)
ONE_SENTENCE_AS_POINTS = (
    "1. Each State Party shall empower its competent authorities, in its territory:\n\n"
    "(a) To search or similarly access a digital network;\n\n"
    "(b) To seize or similarly secure the digital data so accessed."
)
REVIEWED = (
    "1. Each State Party shall ensure that a request for preservation is subject to judicial "
    "review.\n\n"
    "2. Each State Party shall ensure that a request for disclosure is subject to judicial "
    "review."
)

RESTRUCTURED = [
    pytest.param(SENTENCES_ENSURE, POINTS_ENSURE, id="duties-regrouped-under-a-duty-to-legislate"),
    pytest.param(POINTS_ENSURE, SENTENCES_ENSURE, id="points-made-sentences-again"),
    pytest.param(SENTENCES_OFFENCES, POINTS_OFFENCES, id="shared-intent-moved-into-the-lead-in"),
    pytest.param(POINTS_OFFENCES, SENTENCES_OFFENCES, id="shared-intent-said-in-each-sentence"),
    pytest.param(SENTENCES_ORDERS, POINTS_ORDERS, id="orders-listed-as-points"),
    pytest.param(ONE_SENTENCE, ONE_SENTENCE_AS_POINTS, id="one-sentence-made-a-lead-in-and-points"),
    pytest.param(
        REVIEWED,
        "1. Each State Party shall ensure that the following are subject to judicial review:"
        "\n\n(a) A request for preservation;\n\n(b) A request for disclosure.",
        id="shared-safeguard-moved-into-the-lead-in",
    ),
]
#: (old, new, the kinds of each change reported): what a regrouping must not hide or swallow.
NOT_RESTRUCTURED = [
    pytest.param(
        "1. Each State Party shall designate a point of contact available on a "
        "twenty-four-hour, seven-day-a-week basis.",
        "1. Each State Party shall designate a point of contact available on a "
        "twenty-four-hour, seven-day-a-week basis, in order to:\n\n"
        "(a) Provide technical advice to other States Parties;\n\n"
        "(b) Locate suspects and collect evidence for other States Parties.",
        [("reworded",), ("provision-added",), ("provision-added",)],
        id="new-points-under-a-sentence",
    ),
    pytest.param(
        SENTENCES_ENSURE,
        POINTS_ENSURE.replace("shall adopt", "may adopt"),
        [("obligation-weakened",)],
        id="regrouped-and-made-optional",
    ),
    pytest.param(
        POINTS_ORDERS,
        POINTS_ORDERS.replace("(b) Traffic data.", "(b) Traffic data and content data."),
        [("scope-broadened",)],
        id="a-point-reworded-under-the-same-lead-in",
    ),
    pytest.param(
        ONE_SENTENCE,
        ONE_SENTENCE_AS_POINTS.replace(
            "To seize or similarly secure", "To copy or similarly retain"
        ),
        [("reworded",)],
        id="regrouped-with-a-power-reworded",
    ),
    pytest.param(
        REVIEWED,
        "1. Each State Party shall ensure that:\n\n"
        "(a) A request for preservation is subject to judicial review;\n\n"
        "(b) A request for disclosure is dealt with promptly.",
        [("safeguard-removed",)],
        id="safeguard-dropped-from-one-point",
    ),
    pytest.param(
        SENTENCES_ENSURE.replace("2. Each", "3. Each").replace(
            "1. Where",
            "2. Requests may be transmitted by any secure electronic means.\n\n1. Where",
        ),
        POINTS_ENSURE + "\n\n2. Requests shall be transmitted by any secure electronic means.",
        [("restructured",), ("obligation-strengthened",)],
        id="a-sentence-between-belongs-elsewhere",
    ),
    pytest.param(
        "1. Each State Party shall not disclose the request to the person concerned.\n\n"
        "2. Each State Party shall inform the requesting State Party of the outcome.",
        "1. Each State Party shall:\n\n(a) Disclose the request to the person concerned;\n\n"
        "(b) Not inform the requesting State Party of the outcome.",
        [("reworded",)],
        id="a-negation-moved-between-sentences",
    ),
    pytest.param(
        "1. The competent authorities may search a computer system, subject to prior judicial "
        "authorization.\n\n2. The competent authorities may seize the data so accessed, "
        "subject to prior judicial authorization.",
        "1. The competent authorities may, without prior judicial authorization:\n\n"
        "(a) Search a computer system;\n\n(b) Seize the data so accessed.",
        [("safeguard-removed",)],
        id="safeguard-waived-in-the-new-lead-in",
    ),
    pytest.param(
        "1. Each State Party shall ensure that service providers preserve the traffic data.\n\n"
        "2. Each State Party shall ensure that service providers disclose the traffic data.\n\n"
        "3. Each State Party shall ensure that service providers delete the traffic data.",
        "1. Each State Party shall ensure that service providers:\n\n"
        "(a) Preserve the traffic data;\n\n(b) Disclose the traffic data.",
        [("restructured",), ("provision-deleted",)],
        id="a-deleted-sentence-with-the-same-boilerplate",
    ),
    pytest.param(
        SENTENCES_ENSURE + "\n\n3. The person concerned shall be notified of the preservation.",
        POINTS_ENSURE,
        [("restructured",), ("provision-deleted", "safeguard-removed")],
        id="a-deleted-neighbour-stays-deleted",
    ),
    pytest.param(
        SENTENCES_ENSURE
        + "\n\n"
        + SENTENCES_OFFENCES.replace("1. Each", "3. Each").replace("2. Each", "4. Each"),
        POINTS_ENSURE + "\n\n" + POINTS_OFFENCES.replace("1. Each", "2. Each"),
        [("restructured",), ("restructured",)],
        id="two-regroupings-in-one-article",
    ),
]


@pytest.mark.parametrize(("old", "new"), RESTRUCTURED)
def test_text_regrouped_under_a_lead_in_is_restructured(old: str, new: str) -> None:
    """Sentences said again as a lead-in and points (or back) make one change, restructured,
    with no tag: no new duty for the lead-in, no rewording for each point."""
    comparison = td.compare(one_article(old), one_article(new))
    assert [change.kinds for change in comparison.changes] == [("restructured",)]
    assert comparison.tags == ()


@pytest.mark.parametrize(("old", "new", "expected"), NOT_RESTRUCTURED)
def test_a_regrouping_hides_and_swallows_nothing(
    old: str, new: str, expected: list[tuple[str, ...]]
) -> None:
    """Points that say something new, a duty or safeguard changed in the regrouping, and the
    paragraphs around it are reported for what they change."""
    comparison = td.compare(one_article(old), one_article(new))
    assert sorted(change.kinds for change in comparison.changes) == sorted(expected)


def test_a_dropped_placeholder_is_editorial() -> None:
    """Removing an article's "[deleted]" placeholder changes nothing: the text went before."""
    placeholder = "### Article 6 – Incitement to subversive activities\n\n[deleted]\n"
    old = td.loads(
        f"# Draft Convention\n\n### Article 5 – Illegal access\n\nText.\n\n{placeholder}",
        format="markdown",
    )
    new = td.loads(
        "# Draft Convention\n\n### Article 5 – Illegal access\n\nText.\n", format="markdown"
    )
    comparison = td.compare(old, new)
    assert [change.kinds for change in comparison.changes] == [("editorial",)]
    assert comparison.tags == ()


def test_the_heading_of_a_merged_article_joins_the_old_headings() -> None:
    """ "Attempt" and "Participation" merged under "Participation and attempt" is no change of
    heading; a merged heading with a word of its own is."""
    zero, rev1 = (td.load(path) for path in SERIES[:2])
    assert not [c for c in td.compare(zero, rev1).changes if c.new_eid == "art_13__heading"]
    renamed = td.loads(
        SERIES[1].read_text("utf-8").replace("Participation and attempt", "Complicity and attempt"),
        format="markdown",
    )
    headings = [c for c in td.compare(zero, renamed).changes if c.new_eid == "art_13__heading"]
    assert len(headings) == 1


def test_comparison_text_report(comparisons: dict[str, td.Comparison]) -> None:
    """The text report shows each changed article with its changes' kinds and inline diffs."""
    text = comparisons["1-2"].to_text()
    assert text.startswith("<Alignment '01-zero-draft' -> '02-rev1'")
    assert "Article 19 -> 18 (modified, renumbered): Conditions and safeguards" in text
    assert "[-shall,-]{+may, where appropriate and+}" in text
    assert "- threshold-changed: “four years” becomes “two years” (minimum lowered)" in text


REFERENCE_DRAFT = """Article 1
Use of terms

"Data" means any representation of facts.

Article 2
Conditions and safeguards

Each State Party shall ensure that the powers under this chapter are subject to prior judicial
authorization and to effective remedies.

Article 3
Real-time collection of traffic data

1. Each State Party shall empower its competent authorities to collect traffic data in real time.
{added}
"""


@pytest.mark.parametrize(
    ("added", "kinds_found"),
    [
        pytest.param(
            "\n2. Article 2 of this Convention applies to the powers established under this "
            "article.",
            {"safeguard-added"},
            id="safeguard-article-applied",
        ),
        pytest.param(
            "\n2. The powers established under this article shall be subject to article 2.",
            {"safeguard-added"},
            id="subject-to-safeguard-article",
        ),
        pytest.param(
            "\n2. Article 1 of this Convention applies to the powers established under this "
            "article.",
            set(),
            id="definitions-applied",
        ),
    ],
)
def test_safeguards_applied_by_reference(added: str, kinds_found: set[str]) -> None:
    """A provision that applies an article headed as a safeguard adds that safeguard; taking it
    out removes it; applying any other article does neither."""
    old = td.loads(REFERENCE_DRAFT.format(added=""))
    new = td.loads(REFERENCE_DRAFT.format(added=added))
    forward = {k for c in td.compare(old, new).changes for k in c.kinds}
    backward = {k for c in td.compare(new, old).changes for k in c.kinds}
    assert forward & {"safeguard-added", "safeguard-removed"} == kinds_found
    assert backward & {"safeguard-added", "safeguard-removed"} == {KINDS[k] for k in kinds_found}


def test_a_refusal_ground_is_a_safeguard_and_an_exception() -> None:
    """A ground for refusing assistance, deleted from the list, is an exception removed and a
    safeguard removed: it protected the person the request is about."""
    grounds = (
        "1. Assistance may be refused:\n\n(a) Where the request concerns a political offence;"
        "\n\n(b) Where the request would prejudice the sovereignty of the requested State."
    )
    old = one_article(grounds, heading="Grounds for refusal")
    new = one_article(
        grounds.replace("(a) Where the request concerns a political offence;\n\n(b)", "(a)"),
        heading="Grounds for refusal",
    )
    kinds = {kind for change in td.compare(old, new).changes for kind in change.kinds}
    assert {"exception-removed", "safeguard-removed"} <= kinds
