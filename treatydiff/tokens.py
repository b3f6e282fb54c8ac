"""The one definition of a token in legal text.

A token is a word, a number, or a single punctuation mark; runs of white space are tokens of
their own so that a token stream always rebuilds the text it came from. Some multi-word units stay
whole because a diff that split them would mislead: dates ("23 November 2001"), "per cent",
references such as ``5(2)(a)``, and numbers such as ``1.5``, ``24/7`` or ``10,000``.
"""

from __future__ import annotations

import re

__all__ = ["TOKEN", "is_word", "tokenize", "words"]

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: Alternatives in priority order; the first that matches at a position wins.
TOKEN = re.compile(
    "|".join(
        (
            rf"\d{{1,2}}\s(?:{_MONTHS})\s\d{{4}}",  # a date
            r"per\scent\b",
            r"\d+[a-z]?(?:\([0-9a-z]{1,4}\))+",  # a reference: 5(2)(a)
            r"\d+(?:[.,/:]\d+)*",  # 1.5, 24/7, 10,000
            # a word, hyphenated or with an apostrophe; a soft hyphen (U+00AD) stays inside
            r"[^\W\d_](?:[^\W\d_]|\u00ad)*(?:[-'’\u2010\u2011](?:[^\W\d_]|\u00ad)+)*",
            r"\s+",
            r".",
        )
    ),
    re.DOTALL,
)
_WORDLIKE = re.compile(r"[^\W_]")
# The same alternatives without white space and punctuation, to pick out words quickly.
_WORD_TOKEN = re.compile("|".join(TOKEN.pattern.split("|")[:-2]), re.DOTALL)


def tokenize(text: str) -> list[str]:
    """Split *text* into tokens; ``"".join(tokenize(text)) == text`` always holds."""
    return TOKEN.findall(text)


def is_word(token: str) -> bool:
    """True for a word or number, false for white space and punctuation."""
    return bool(_WORDLIKE.match(token))


def words(text: str) -> list[str]:
    """The words and numbers of *text*, lower-cased, for comparing texts by content."""
    return [token.lower() for token in _WORD_TOKEN.findall(text)]
