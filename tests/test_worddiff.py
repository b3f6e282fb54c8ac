"""Tokens, normalisation and word diffs: lossless, minimal, and free of noise."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

import treatydiff._dmp as dmp
from treatydiff.normalize import NormalizationPolicy
from treatydiff.references import Renumbering
from treatydiff.tokens import tokenize, words
from treatydiff.worddiff import WordDiff, diff_words

LEGAL_TEXT = st.text(
    alphabet=st.sampled_from(list("abcdefghij ABC,.;:()[]“”‘’–—-\u00ad\u2011\n\t0123456789/")),
    max_size=200,
)
SENTENCES = st.lists(
    st.sampled_from(
        "Each State Party shall may adopt such measures as appropriate under article 24 , . "
        "in accordance with its domestic law the offence intentionally without right".split()
    ),
    max_size=40,
).map(" ".join)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("article 5(2)(a) applies", ["article", "5(2)(a)", "applies"]),
        ("1.5 per cent of 10,000", ["1.5", "per cent", "of", "10,000"]),
        ("the 24/7 network", ["the", "24/7", "network"]),
        ("on 23 November 2001", ["on", "23 November 2001"]),
        ("a non-binding, State’s text", ["a", "non-binding", "State’s", "text"]),
    ],
)
def test_tokens_keep_legal_units_whole(text: str, expected: list[str]) -> None:
    """References, decimals, 24/7, dates, per cent and hyphenated words are single tokens."""
    assert [t for t in tokenize(text) if not t.isspace() and t != ","] == expected


@given(LEGAL_TEXT)
def test_tokenize_rebuilds_the_text(text: str) -> None:
    """Joining the tokens gives the text back, always."""
    assert "".join(tokenize(text)) == text


@given(LEGAL_TEXT, LEGAL_TEXT)
def test_edits_rebuild_both_texts(old: str, new: str) -> None:
    """Whatever the texts, the old sides of the edits give the old text, the new sides the new."""
    diff = diff_words(old, new)
    assert diff.rebuild_old() == old
    assert diff.rebuild_new() == new


@given(SENTENCES, SENTENCES)
def test_swapping_texts_swaps_inserts_and_deletes(old: str, new: str) -> None:
    """Diffing new against old removes, on balance, the words old against new added.

    (Between equally short diffs the choice may differ: "Each State" -> "State Each" moves either
    word; what each direction adds on balance is the same.)
    """
    forward, backward = diff_words(old, new), diff_words(new, old)

    def net(diff: WordDiff, side: str) -> Counter[str]:
        added = Counter(w for e in diff.changes for w in words(e.new))
        removed = Counter(w for e in diff.changes for w in words(e.old))
        return added - removed if side == "added" else removed - added

    assert net(forward, "added") == net(backward, "removed")
    assert net(forward, "removed") == net(backward, "added")


@given(SENTENCES)
def test_a_text_against_itself_has_no_change(text: str) -> None:
    """A text diffed with itself is one equal run (or nothing)."""
    diff = diff_words(text, text)
    assert not diff.changed
    assert not diff.normalized


def test_edits_hold_whole_words() -> None:
    """A modal swapped and words appended are separate edits on word boundaries."""
    diff = diff_words(
        "A State Party may require that the offence be committed by infringing security measures.",
        "A State Party shall require that the offence be committed by infringing security "
        "measures, with dishonest intent.",
    )
    assert [e.to_dict() for e in diff.changes] == [
        {"op": "replace", "old": "may", "new": "shall"},
        {"op": "insert", "old": "", "new": ", with dishonest intent"},
    ]
    assert diff.inline() == (
        "A State Party [-may-]{+shall+} require that the offence be committed by infringing "
        "security measures{+, with dishonest intent+}."
    )


def test_cosmetic_differences_are_absorbed_and_reported() -> None:
    """Spacing, quotes, dashes, soft hyphens and renumbered references are no change, but listed."""
    old = "The “competent authority” – as defined in article 24 –  shall infor\u00admation\nshare."
    new = 'The "competent authority" - as defined in article 25 - shall information share.'
    diff = diff_words(old, new, renumbering=Renumbering({"24": "25"}))
    assert not diff.changed
    kinds = {n.kind for n in diff.normalized}
    assert kinds == {"quotes", "dashes", "whitespace", "hyphens", "cross-reference"}


def test_reference_renumbered_inconsistently_is_a_change() -> None:
    """'article 24' becoming 'article 26' when 24 became 25 is a real edit."""
    diff = diff_words(
        "as set out in article 24.",
        "as set out in article 26.",
        renumbering=Renumbering({"24": "25"}),
    )
    assert [e.to_dict() for e in diff.changes] == [{"op": "replace", "old": "24", "new": "26"}]


def test_heading_case_only_matters_outside_headings() -> None:
    """A case-only change is cosmetic in a heading and an edit in a provision."""
    assert not diff_words("Use of Terms", "Use of terms", heading=True).changed
    assert diff_words("Use of Terms", "Use of terms").changed


def test_policy_switches_turn_normalisations_off() -> None:
    """With quotes off, a quote change is an edit; the policy names what is on."""
    policy = NormalizationPolicy(quotes=False)
    assert diff_words("the “term”", 'the "term"', policy=policy).changed
    assert "quotes" not in policy.describe()
    assert NormalizationPolicy().describe()[0] == "whitespace"


def test_capacity_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the encoding capacity, difflib takes over and the result is still lossless."""
    monkeypatch.setattr(dmp, "CAPACITY", 3)
    old, new = "one two three four five", "one two six four five seven"
    diff = diff_words(old, new)
    assert diff.rebuild_old() == old
    assert diff.rebuild_new() == new
    assert [e.to_dict() for e in diff.changes] == [
        {"op": "replace", "old": "three", "new": "six"},
        {"op": "insert", "old": "", "new": "seven"},
    ]


def test_diff_is_minimal_and_reproducible() -> None:
    """The same texts give the same edits every time (timeout 0)."""
    old = " ".join(f"word{i}" for i in range(3000))
    new = old.replace("word1500", "changed").replace("word2999", "end")
    first, second = diff_words(old, new), diff_words(old, new)
    assert first == second
    assert len(first.changes) == 2
