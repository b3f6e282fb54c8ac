"""Cross-references to articles inside provision text ("article 24", "articles 27 and 28").

When a new article shifts every later number by one, every cross-reference changes with it. Such
a change is cosmetic only when it follows the alignment, so alignment and normalisation both
need to find references and map their numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from treatydiff.load.patterns import layout_ordinals
from treatydiff.model import normalize_number

__all__ = ["REFERENCE", "Renumbering", "article_references", "renumber_references"]

_ORDINALS = "|".join(layout_ordinals())
_NUMBER = rf"\d{{1,4}}(?!\d|[/.]\d)(?:\s?(?:{_ORDINALS})\b|[a-z]\b)?"
# A reference to an article of another instrument ("Article 52 of Regulation (EU) 2016/679",
# "Article 6 TEU") follows that instrument's numbering, not the draft's: it is left alone.
_ELSEWHERE = (
    r"(?!(?:\(\w{1,4}\))*\s*(?:,\s*paragraph\s+\d+\s*,?\s*)?\s+(?:of|to|in|under)\s+(?:the\s+)?"
    r"(?:[A-Z][\w-]*\s+){0,4}(?:Regulation|Directive|Decision|Treaty|Convention|Protocol|Charter|"
    r"Covenant|Statute|Agreement)\b|\s+(?:TEU|TFEU|ECHR|GDPR)\b)"
)
#: "article 24", "Article 7 bis", "articles 27 and 28", "articles 2 to 5", "articles 2, 3 or 4".
REFERENCE = re.compile(
    rf"\b(?P<word>[Aa]rticles?|[Aa]rts?\.)\s+"
    rf"(?P<numbers>{_NUMBER}(?:(?:\s*,\s*|\s+(?:and|or|to|through)\s+){_NUMBER})*){_ELSEWHERE}"
)
_ONE_NUMBER = re.compile(_NUMBER)


def article_references(text: str) -> list[str]:
    """The article numbers *text* refers to, in order (``"7 bis"`` as printed)."""
    return [
        number.group(0)
        for match in REFERENCE.finditer(text)
        for number in _ONE_NUMBER.finditer(match["numbers"])
    ]


class Renumbering:
    """A mapping of article numbers, applied to the references inside texts.

    Keys are compared as :func:`~treatydiff.model.normalize_number` forms, so ``"7bis"`` maps
    ``article 7 bis``; numbers the mapping lacks are left alone.
    """

    def __init__(self, mapping: Mapping[str, str]) -> None:
        self._numbers = {normalize_number(key): value for key, value in mapping.items()}

    def __call__(self, text: str) -> str:
        """*text* with each referenced article number replaced."""
        if not self._numbers or "rt" not in text:  # no "article" / "Art." in the text
            return text
        return REFERENCE.sub(_in_numbers(self._one), text)

    def number(self, num: str) -> str:
        """What article number *num* became (itself when the mapping does not say)."""
        return self._numbers.get(normalize_number(num), num)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where in *text* the referenced article numbers stand."""
        return [
            (match.start("numbers") + number.start(), match.start("numbers") + number.end())
            for match in REFERENCE.finditer(text)
            for number in _ONE_NUMBER.finditer(match["numbers"])
        ]

    def _one(self, number: re.Match[str]) -> str:
        return self.number(number.group(0))


def renumber_references(text: str, mapping: Mapping[str, str]) -> str:
    """*text* with each referenced article number replaced as *mapping* says."""
    return Renumbering(mapping)(text)


def _in_numbers(replace: Callable[[re.Match[str]], str]) -> Callable[[re.Match[str]], str]:
    def rewrite(match: re.Match[str]) -> str:
        numbers = _ONE_NUMBER.sub(replace, match["numbers"])
        return match.group(0)[: match.start("numbers") - match.start()] + numbers

    return rewrite
