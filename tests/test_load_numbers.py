"""Numbers and element ids shared by the readers: roman numerals, list letters, eids, brackets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from treatydiff.load.numbers import (
    eid_number,
    has_brackets,
    int_to_letters,
    int_to_roman,
    is_roman,
    roman_to_int,
    unique_eid,
)


@pytest.mark.parametrize(
    ("number", "roman"),
    [(1, "i"), (4, "iv"), (9, "ix"), (14, "xiv"), (40, "xl"), (88, "lxxxviii"), (1999, "mcmxcix")],
)
def test_roman_numerals_both_ways(number: int, roman: str) -> None:
    """int_to_roman writes lower-case numerals and roman_to_int reads them back, in any case."""
    assert int_to_roman(number) == roman
    assert roman_to_int(roman) == number
    assert roman_to_int(roman.upper()) == number


@given(st.integers(min_value=1, max_value=3999))
def test_roman_round_trip(number: int) -> None:
    """Every number roman numerals can write reads back as itself."""
    assert roman_to_int(int_to_roman(number)) == number


def test_roman_numerals_are_read_leniently() -> None:
    """Numerals as drafts print them, not only the canonical forms, have a value."""
    assert roman_to_int("iiii") == 4
    assert roman_to_int("il") == 49


@pytest.mark.parametrize("number", [0, -1, 4000])
def test_int_to_roman_refuses_what_numerals_cannot_write(number: int) -> None:
    """Zero, negative numbers and 4000 or more raise ValueError."""
    with pytest.raises(ValueError, match="1 to 3999"):
        int_to_roman(number)


@pytest.mark.parametrize("text", ["", "ab", "7", "x y"])
def test_roman_to_int_refuses_other_text(text: str) -> None:
    """Text that is not made of roman digits raises ValueError naming it."""
    with pytest.raises(ValueError, match="not a roman numeral"):
        roman_to_int(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("iv", True), ("XII", True), ("lxxxviii", True), ("", False), ("d", False), ("ivy", False)],
)
def test_is_roman_knows_the_digits_of_treaty_numbering(text: str, expected: bool) -> None:
    """i, v, x, l and c in either case are roman; d and m (letters in practice) are not."""
    assert is_roman(text) is expected


@pytest.mark.parametrize(
    ("number", "browser", "word"),
    [(1, "a", "a"), (26, "z", "z"), (27, "aa", "aa"), (28, "ab", "bb"), (53, "ba", "aaa")],
)
def test_list_letters_in_browser_and_word_style(number: int, browser: str, word: str) -> None:
    """Past z a browser counts aa, ab ... and Word aa, bb ...; both start at a."""
    assert int_to_letters(number) == browser
    assert int_to_letters(number, repeated=True) == word


@pytest.mark.parametrize("repeated", [False, True])
def test_list_letters_start_at_one(repeated: bool) -> None:
    """Zero has no letter: ValueError."""
    with pytest.raises(ValueError, match="start at 1"):
        int_to_letters(0, repeated=repeated)


@pytest.mark.parametrize(
    ("num", "roman", "expected"),
    [
        ("7", True, "7"),
        ("7 bis", False, "7bis"),
        ("7-Bis", False, "7bis"),
        ("II", True, "2"),
        ("II.", True, "2"),
        ("C", True, "100"),
        ("C", False, "c"),
        ("D", True, "d"),
        ("", True, ""),
    ],
)
def test_eid_number(num: str, roman: bool, expected: str) -> None:
    """Numbers lose spaces, case and punctuation; roman ones become arabic unless told not to."""
    assert eid_number(num, roman=roman) == expected


def test_unique_eid_counts_from_two_and_takes_the_result() -> None:
    """A taken eid gets _2, _3 ...; each result joins the taken set."""
    taken = {"art_1"}
    assert [unique_eid("art_1", taken) for _ in range(2)] == ["art_1_2", "art_1_3"]
    assert unique_eid("art_2", taken) == "art_2"
    assert taken == {"art_1", "art_1_2", "art_1_3", "art_2"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Each State Party [shall][may] act.", True),
        ("[deleted]", True),
        ("Each State Party shall act.", False),
        ("an open [bracket", False),
        ("[[nested]]", True),
    ],
)
def test_has_brackets(text: str, expected: bool) -> None:
    """Bracketed words mark unagreed text; a lone bracket does not."""
    assert has_brackets(text) is expected
