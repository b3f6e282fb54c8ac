"""Fictional series written by separate sessions from the kind and concern definitions alone,
without running treatydiff: how far treatydiff agrees with their analysts.

The first series (fixtures/series) was written alongside the rules; these were not, so they
measure how the rules carry to wording they were not written for (docs/concerns.md gives each
one's first run). After their first runs they were used to find general rules that were
missing, each tested on sentences of its own. Their expectations are one analyst's reading
each, so the tests pin the rows where treatydiff reads otherwise, with why, and fail if any
other row starts to disagree.
"""

from __future__ import annotations

import changes_table
import pytest
from conftest import FIXTURES

import treatydiff as td

#: Rows of series B where treatydiff reads the change otherwise than the analyst, and why.
KNOWN_KINDS_B = {
    "1-2.05": "a freedom added to the freedoms not to be suppressed ('of freedom of thought, "
    "conscience and religion') opens with 'of' and is not read as a list item",
    "1-2.30": "a gender clause deleted from a paragraph reads as scope narrowed; the analyst "
    "calls it a rewording (the effect agrees)",
    "2-3.20": "'sex' added to a list of refusal grounds reads as a wider list, not as a safeguard "
    "and an exception added (the effects agree)",
}
KNOWN_EFFECTS_B = {
    "1-2.05": "as for its kinds",
    "2-3.11": "a point rewritten at length ('Authorization by a competent authority' -> 'Prior "
    "authorization by a judicial or other independent authority or, in cases of urgency, "
    "review ...') is not paired with its old version: one point deleted, one added, mixed",
    "2-3.13": "safeguards extended to 'requests under Chapter IV' name no cooperation word, so "
    "data sharing is not reached",
    "2-3.17": "no privilege against self-incrimination in the human-rights vocabulary",
}


#: The same for series C.
KNOWN_KINDS_C = {
    "1-2.04": "a long item added to a list ('the Internet Protocol address assigned to the "
    "customer at the time of a communication') is not read as a list item",
    "1-2.13": "'articles 4 to 7' -> 'articles 4 to 8' is read as a renumbered reference; the range "
    "now takes in the new offence",
}
KNOWN_EFFECTS_C = {
    "1-2.04": "as for its kinds",
    "1-2.05": "a threshold in a definition is tagged for over-broad criminalization and data "
    "sharing, not for the surveillance powers that use the term",
    "1-2.13": "as for its kinds",
    "1-2.21": "compelling 'any person who is familiar with the workings of' a system is tagged "
    "for surveillance only",
    "1-2.32": "a refusal ground made mandatory is tagged for data sharing, not also for human "
    "rights and gender (the ground lists sex)",
    "1-2.35": "an exception to purpose limitation that names consent reads as a safeguard added "
    "too: mixed",
}
#: The same for series D.
KNOWN_KINDS_D = {
    "1-2.11": "a point rewritten whole ('A person employed by that service provider' -> 'Any "
    "other person who has learned of the order') is not paired with its old version",
    "1-2.15": "a public prosecutor added to the judges who may issue an order reads as a wider "
    "list, not also as judicial authorisation lost",
    "1-2.17": "'promptly' -> 'without undue delay' is in no vocabulary: a rewording",
    "1-2.26": "'sex' added to a refusal ground reads as a wider list (the effects agree)",
    "1-2.29": "'only' dropped from a purpose limitation reads as a safeguard removed rather than a "
    "wider scope (the effect agrees)",
    "1-2.32": "'No Contracting State shall be required to transfer' is no exception phrase the "
    "vocabulary knows",
}
KNOWN_EFFECTS_D = {
    "1-2.04": "the definition of 'issuing authority' widened names no power word: no concern "
    "reaches it",
    "1-2.05": "the definition of 'emergency situation' narrowed: no concern reaches it",
    "1-2.06": "a lower 'serious offence' threshold is tagged for over-broad criminalization and "
    "surveillance, not data sharing",
    "1-2.09": "an exclusion of fine-only offences deleted from the scope article reaches "
    "over-broad criminalization, not surveillance",
    "1-2.11": "as for its kinds",
    "1-2.12": "intent made optional in an offence of disclosing an order reaches over-broad "
    "criminalization only",
    "1-2.15": "as for its kinds; human-rights safeguards are not reached",
    "1-2.17": "as for its kinds",
    "1-2.20": "a list narrowed in the condition of a safeguard ('Where a production order "
    "concerns traffic data or content data') reads as a power confined",
    "1-2.21": "an objection period doubled is reached by no concern",
    "1-2.27": "a dual-criminality waiver extended to traffic data reads as a safeguard extended",
}
SERIES = {
    "series-b": (KNOWN_KINDS_B, KNOWN_EFFECTS_B),
    "series-c": (KNOWN_KINDS_C, KNOWN_EFFECTS_C),
    "series-d": (KNOWN_KINDS_D, KNOWN_EFFECTS_D),
}


def compared(series: str) -> dict[str, td.Comparison]:
    """Each consecutive pair of drafts of *series* compared with the default pack."""
    drafts = [td.load(path) for path in sorted((FIXTURES / series).glob("[0-9][0-9]-*.md"))]
    return {
        f"{i + 1}-{i + 2}": td.compare(drafts[i], drafts[i + 1]) for i in range(len(drafts) - 1)
    }


@pytest.mark.parametrize("series", SERIES)
def test_every_place_is_in_its_draft(series: str) -> None:
    """Every place the series' CHANGES.md names is an element of its draft."""
    drafts = [td.load(path) for path in sorted((FIXTURES / series).glob("[0-9][0-9]-*.md"))]
    assert changes_table.missing_places(drafts, FIXTURES / series) == []


@pytest.mark.parametrize("series", SERIES)
def test_treatydiff_agrees_with_the_blind_expectations(series: str) -> None:
    """Kinds and effects agree on every row but the known ones, and every substantive change
    reported is one the analyst listed."""
    known_kinds, known_effects = SERIES[series]
    found = changes_table.agreement(compared(series), FIXTURES / series)
    assert found.rows > 30
    assert found.kinds <= set(known_kinds), sorted(found.kinds - set(known_kinds))
    assert found.effects <= set(known_effects), sorted(found.effects - set(known_effects))
    assert found.unlisted == []
