"""Invariants of a comparison, on the fixture series and on generated pairs: lossless,
deterministic, symmetric, idempotent; and many comparisons in parallel equal the serial run."""

from __future__ import annotations

import random

from conftest import FIXTURES
from hypothesis import given
from hypothesis import strategies as st
from strategies import generated_treaty, mutate, render_articles

import treatydiff as td
from treatydiff.classify import KINDS

SERIES = sorted((FIXTURES / "series").glob("[0-9][0-9]-*.md"))
OPERATIONS = ["insert", "delete", "move", "split", "merge", "edit"]


def generated_pair(seed: int) -> tuple[td.Draft, td.Draft]:
    """A generated treaty and an edited copy of it (insertions, moves, splits, edits ...)."""
    rng = random.Random(seed)
    articles = generated_treaty(rng, rng.randint(5, 25))
    changed, _ = mutate(rng, articles, [rng.choice(OPERATIONS) for _ in range(rng.randint(1, 6))])
    return td.loads(render_articles(articles), label="old"), td.loads(
        render_articles(changed), label="new"
    )


def assert_invariants(old: td.Draft, new: td.Draft) -> None:
    """Lossless, deterministic and symmetric comparison of *old* and *new*."""
    forward = td.compare(old, new)
    for change in forward.changes:
        assert "".join(e.old for e in change.edits) == change.old_text
        assert "".join(e.new for e in change.edits) == change.new_text
    assert td.compare(old, new).to_json() == forward.to_json()
    backward = {(c.new_eid, c.old_eid): c for c in td.compare(new, old).changes}
    for change in forward.changes:
        mirrored = backward[(change.old_eid, change.new_eid)]
        assert {KINDS[k] for k in change.kinds} == set(mirrored.kinds)


def test_fixture_pairs_keep_the_invariants() -> None:
    """Every pair of fixture drafts, in order and out of order, keeps the invariants."""
    drafts = [td.load(path) for path in SERIES]
    for old in drafts:
        assert td.compare(old, old).changes == ()
        for new in drafts:
            if new is not old:
                assert_invariants(old, new)


@given(st.integers(0, 100_000))
def test_generated_pairs_keep_the_invariants(seed: int) -> None:
    """Generated pairs compare losslessly, the same every time, and symmetrically."""
    old, new = generated_pair(seed)
    assert_invariants(old, new)
    assert td.compare(new, new).changes == ()


def test_compare_many_equals_the_serial_run() -> None:
    """Comparisons in several processes give byte-identical reports to one after another."""
    drafts = [td.load(path) for path in SERIES]
    pairs = [(a, b) for a in drafts for b in drafts if a is not b]
    serial = td.compare_many(pairs, workers=1)
    parallel = td.compare_many(pairs, workers=2)
    assert [c.to_json() for c in parallel] == [c.to_json() for c in serial]
    assert [c.to_json() for c in serial] == [td.compare(a, b).to_json() for a, b in pairs]
