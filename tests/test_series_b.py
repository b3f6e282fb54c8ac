"""A second fictional series, written by a separate session from the kind and concern
definitions alone, without running treatydiff: how far treatydiff agrees with its analyst.

The first series (fixtures/series) was written alongside the rules; this one was not, so it
measures how the rules carry to wording they were not written for. Its expectations are one
analyst's reading, so the test pins the rows where treatydiff reads otherwise, with why, and
fails if any other row starts to disagree.
"""

from __future__ import annotations

import changes_table
import pytest
from conftest import FIXTURES

import treatydiff as td

SERIES_B = FIXTURES / "series-b"

#: Rows where treatydiff reads the change otherwise than the analyst, and why.
KNOWN_KINDS = {
    "1-2.05": "a freedom added to the freedoms not to be suppressed ('of freedom of thought, "
    "conscience and religion') opens with 'of' and is not read as a list item",
    "1-2.30": "a gender clause deleted from a paragraph reads as scope narrowed; the analyst "
    "calls it a rewording (the effect agrees)",
    "2-3.20": "'sex' added to a list of refusal grounds reads as a wider list, not as a safeguard "
    "and an exception added (the effects agree)",
}
KNOWN_EFFECTS = {
    "1-2.03": "the lower threshold of 'serious crime' is tagged for over-broad criminalization and "
    "data sharing; the analyst expects surveillance powers too, whose articles use the term",
    "1-2.05": "as for its kinds",
    "2-3.11": "a point rewritten at length ('Authorization by a competent authority' -> 'Prior "
    "authorization by a judicial or other independent authority or, in cases of urgency, "
    "review ...') is not paired with its old version: one point deleted, one added, mixed",
    "2-3.13": "safeguards extended to 'requests under Chapter IV' name no cooperation word, so "
    "data sharing is not reached",
    "2-3.17": "no privilege against self-incrimination in the human-rights vocabulary",
}


@pytest.fixture(scope="module")
def comparisons() -> dict[str, td.Comparison]:
    """Each consecutive pair of the second series compared with the default pack."""
    drafts = [td.load(path) for path in sorted(SERIES_B.glob("[0-9][0-9]-*.md"))]
    return {f"{i + 1}-{i + 2}": td.compare(drafts[i], drafts[i + 1]) for i in range(2)}


def test_every_place_is_in_its_draft() -> None:
    """Every place the second series' CHANGES.md names is an element of its draft."""
    drafts = [td.load(path) for path in sorted(SERIES_B.glob("[0-9][0-9]-*.md"))]
    for row in changes_table.rows(SERIES_B):
        first = int(row.pair[0]) - 1
        for draft, places in ((drafts[first], row.old), (drafts[first + 1], row.new)):
            assert all(changes_table.exists(p, draft) for p in places), row.id


def test_treatydiff_agrees_with_the_blind_expectations(
    comparisons: dict[str, td.Comparison],
) -> None:
    """Kinds and effects agree on every row but the known ones, and every substantive change
    reported is one the analyst listed."""
    found = changes_table.agreement(comparisons, SERIES_B)
    assert found.rows > 50
    assert found.kinds <= set(KNOWN_KINDS), sorted(found.kinds - set(KNOWN_KINDS))
    assert found.effects <= set(KNOWN_EFFECTS), sorted(found.effects - set(KNOWN_EFFECTS))
    assert found.unlisted == []
