"""Numbers and element ids as the readers and the segmenter write them.

One definition of each: roman numerals both ways, the letters of an alphabetic list, the number
part of an element id (``art_7bis``, ``chp_2``), the rule that keeps element ids unique, and the
test for bracketed (unagreed) text.
"""

from __future__ import annotations

import re
from typing import Final

from treatydiff.load.patterns import layout
from treatydiff.model import normalize_number

__all__ = [
    "eid_number",
    "has_brackets",
    "int_to_letters",
    "int_to_roman",
    "is_roman",
    "roman_to_int",
    "unique_eid",
]

_ROMAN_VALUES: Final = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN_DIGITS: Final = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
# D and M are left out: "Section D" or "Annex D" is a letter far more often than 500.
_ROMAN_NUMBER: Final = re.compile(r"[ivxlc]+", re.IGNORECASE)
_BRACKETS: Final = re.compile(r"\[[^\[\]]*\]")


def roman_to_int(roman: str) -> int:
    """The value of a roman numeral in either case: ``"xiv"`` → 14, ``"IV"`` → 4.

    Read leniently, as drafts print them: a letter before a larger one subtracts, any other adds
    (``"iiii"`` is 4). Raises :class:`ValueError` for an empty string or a letter that is not a
    roman digit.
    """
    letters = roman.lower()
    if not letters or not set(letters) <= _ROMAN_VALUES.keys():
        raise ValueError(f"not a roman numeral: {roman!r}")
    total = 0
    for char, following in zip(letters, [*letters[1:], ""], strict=True):
        value = _ROMAN_VALUES[char]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


def int_to_roman(number: int) -> str:
    """*number* as a lower-case roman numeral: 14 → ``"xiv"``.

    Raises :class:`ValueError` outside 1 to 3999, which roman numerals cannot write.
    """
    if not 1 <= number <= 3999:
        raise ValueError(f"roman numerals write 1 to 3999, not {number}")
    digits = []
    for value, letters in _ROMAN_DIGITS:
        count, number = divmod(number, value)
        digits.append(letters * count)
    return "".join(digits)


def is_roman(text: str) -> bool:
    """True when *text* is written in the roman digits of treaty numbering (i, v, x, l, c)."""
    return _ROMAN_NUMBER.fullmatch(text) is not None


def int_to_letters(number: int, *, repeated: bool = False) -> str:
    """*number* as the lower-case letters of an alphabetic list: 1 → ``"a"``, 26 → ``"z"``.

    Past ``z`` a browser (an HTML ``<ol type="a">``) counts on ``aa, ab, ... az, ba``; with
    *repeated*, Word (``lowerLetter``) counts ``aa, bb, ... zz, aaa`` instead. Raises
    :class:`ValueError` for a number below 1.
    """
    if number < 1:
        raise ValueError(f"alphabetic lists start at 1, not {number}")
    if repeated:
        return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def eid_number(num: str, *, roman: bool = True) -> str:
    """The number as it appears in an eid: ``7 bis`` → ``7bis``; a roman ``II`` → ``2``.

    Pass ``roman=False`` for article numbers, where ``"C"`` or ``"x"`` is a letter.
    """
    compact = re.sub(r"[^0-9a-z]", "", normalize_number(num))
    spelled = layout().number_words  # "PART ONE"
    if compact in spelled:
        return str(spelled[compact])
    if roman and is_roman(compact):
        return str(roman_to_int(compact))
    return compact


def unique_eid(eid: str, taken: set[str]) -> str:
    """*eid*, or ``eid_2``, ``eid_3`` ... if it is in *taken*; the result is added to *taken*."""
    candidate, counter = eid, 1
    while candidate in taken:
        counter += 1
        candidate = f"{eid}_{counter}"
    taken.add(candidate)
    return candidate


def has_brackets(text: str) -> bool:
    """True when *text* holds bracketed words (``[shall][may]``): text not yet agreed."""
    return _BRACKETS.search(text) is not None
