"""Patterns for the structure of a draft, compiled once from ``data/layout.toml``.

Readers use them to decide where a block starts; the segmenter uses them to decide what a block
is. Keeping both on one set of patterns means a heading is recognised the same way everywhere.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

import attrs

__all__ = ["Heading", "Layout", "Marker", "layout"]

_SEPARATOR = r"\s*(?:[.:–—-]|\s[–—-])\s*"


@attrs.frozen
class Heading:
    """An article or division heading recognised at the start of a line."""

    kind: str  # "article" or a division kind such as "chapter"
    label: str  # as printed: "Article 7", "CHAPTER II"
    num: str  # "7", "7 bis", "II"
    heading: str  # the title on the same line, if any
    rest: str  # what followed the number, unparsed


@attrs.frozen
class Marker:
    """A provision number at the start of a block: ``1.``, ``(a)``, ``a)``, ``(i)``, ``(1)``."""

    style: str  # "arabic", "paren-arabic", "alpha" (covers roman too, resolved by context)
    marker: str
    num: str
    text: str


@attrs.frozen
class Layout:
    """The compiled vocabulary of ``layout.toml``."""

    article: re.Pattern[str]
    division: re.Pattern[str]
    division_eids: dict[str, str]
    number_words: dict[str, int]
    division_kinds: dict[str, str]
    status: re.Pattern[str]
    status_only: re.Pattern[str]
    closing: re.Pattern[str]
    preamble: re.Pattern[str]
    recital_opener: re.Pattern[str]
    furniture: tuple[tuple[str, re.Pattern[str]], ...]
    masthead: tuple[tuple[str, re.Pattern[str]], ...]
    symbol: re.Pattern[str]
    keep_hyphen_after: frozenset[str]

    def heading(self, line: str) -> Heading | None:
        """The article or division heading that *line* opens, or ``None``.

        A number must be followed by nothing, a status note, or a separator and a title, so that
        "Article 18 of Regulation (EU) 2019/1020 ..." inside a paragraph is not a heading.
        """
        return self.loose_heading(line, strict=True)

    def loose_heading(self, line: str, *, strict: bool = False) -> Heading | None:
        """Like :meth:`heading`, but when *strict* is false a title may follow the number with no
        separator (markup has already said the line is a heading: ``## Article 7 Illegal access``).
        """
        line = line.strip()
        for pattern in (self.article, self.division):
            match = pattern.match(line)
            if match is None:
                continue
            rest = match["rest"]
            title = _title_after_number(rest, strict=strict, status=self.status_only)
            if title is None and pattern is self.division and _bare_title(rest):
                title = rest.strip()  # "TITLE I GENERAL PROVISIONS", "Chapter 3 Enforcement"
            if title is None:
                continue
            if pattern is self.article:
                kind = "article"
            else:
                kind = self.division_kinds[match["word"].lower()]
                if not match["num"] and kind != "annex":
                    continue  # "Chapter" with no number opens a sentence, not a division
            num = re.sub(r"\s+", " ", match["num"] or "").strip()
            return Heading(kind, match["label"].strip(), num, title, rest.strip())
        return None

    def furniture_kind(self, line: str) -> str | None:
        """The kind of page furniture that *line* is in full (``page-number``, ``symbol`` ...)."""
        stripped = line.strip()
        for kind, pattern in self.furniture:
            if pattern.fullmatch(stripped):
                return kind
        if "/" in stripped and self.symbol.fullmatch(stripped):
            return "symbol"
        return None

    def marker(self, text: str) -> Marker | None:
        """The provision marker that opens *text*, or ``None``."""
        for style, pattern in _MARKERS:
            match = pattern.match(text)
            if match:
                return Marker(style, match["marker"], match["num"], text[match.end() :])
        return None

    def split_status(self, text: str) -> tuple[str, tuple[str, ...]]:
        """Take trailing status notes (``[agreed ad referendum]``) off *text*."""
        notes: list[str] = []
        while True:
            match = self.status.search(text)
            if match is None:
                return text, tuple(reversed(notes))
            notes.append(_normalize_note(match["note"]))
            text = text[: match.start()].rstrip()


def _title_after_number(rest: str, *, strict: bool, status: re.Pattern[str]) -> str | None:
    stripped = rest.strip()
    if not stripped or status.fullmatch(stripped):
        return ""
    separated = re.match(_SEPARATOR + r"(?P<title>.*)$", rest)
    if separated:
        return separated["title"].strip()
    if strict or not rest[:1].isspace():
        return None
    return stripped


def _bare_title(rest: str) -> bool:
    """A division's title after its number with no separator: in capitals, or a few capitalised
    words with no closing punctuation ("Enforcement"), never a sentence ("of this Chapter ...")."""
    words = rest.split()
    if not words or not rest[:1].isspace() or re.search(r"[.;:,]$", rest.strip()):
        return False
    if rest.upper() == rest and any(c.isalpha() for c in rest):
        return True
    return len(words) <= 6 and words[0][:1].isupper() and not re.search(r"\d", rest)


def _normalize_note(note: str) -> str:
    # Kept as printed (less case and spacing) so that every word of the input is accounted for.
    return re.sub(r"\s+", " ", note.strip().lower())


_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("arabic", re.compile(r"(?P<marker>(?P<num>\d{1,3})\.)\s+")),
    ("paren-arabic", re.compile(r"(?P<marker>\((?P<num>\d{1,3}[a-z]?)\))\s+")),
    ("alpha", re.compile(r"(?P<marker>\((?P<num>[a-z]{1,2}|[ivxlc]{1,6})\))\s+")),
    ("alpha", re.compile(r"(?P<marker>(?P<num>[a-z]{1,2}|[ivxlc]{1,6})\))\s+")),
    ("alpha", re.compile(r"(?P<marker>(?P<num>[a-z]|[ivx]{1,4})\.)\s+(?=\S)")),
)


def _label_words(words: list[str]) -> str:
    """Labels as printed in headings: "Article" or "ARTICLE", never "article", which is a
    cross-reference wrapped to the start of a line."""
    return _words([form for word in words for form in (word, word.upper())])


def _words(words: list[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


def layout_ordinals() -> list[str]:
    """The Latin ordinals of inserted articles ("bis", "ter" ...), from ``layout.toml``."""
    return list(_data()["article"]["ordinals"])


@cache
def _data() -> dict[str, Any]:
    text = resources.files("treatydiff").joinpath("data/layout.toml").read_text("utf-8")
    return tomllib.loads(text)


@cache
def layout() -> Layout:
    """The layout vocabulary, loaded from the package data once."""
    data = _data()
    ordinals = _words(data["article"]["ordinals"])
    article_num = (
        rf"\d{{1,4}}(?:\s*-?\s*(?:{ordinals}|{ordinals.upper()})\b|[a-zA-Z](?![\w]))?"
        r"|[IVXLC]{1,7}\b|[A-Z]\b"
    )
    article = re.compile(
        rf"(?P<label>(?P<word>{_label_words(data['article']['labels'])})\s*(?P<num>{article_num}))"
        r"(?P<rest>.*)$"
    )
    divisions = data["division"]
    division_kinds = {label.lower(): d["kind"] for d in divisions for label in d["labels"]}
    division_eids = {d["kind"]: d["eid"] for d in divisions}
    spelled = _words(
        [
            w
            for word in data["numbers"]["spelled"] + data["numbers"]["ordinals"]
            for w in (word, word.upper(), word.title())
        ]
    )
    division_num = (
        rf"[IVXLC]{{1,7}}[A-Z]?\b|[ivxlc]{{1,7}}\b|\d{{1,3}}[A-Z]?\b|[A-Z]\b|(?:{spelled})\b"
    )
    division = re.compile(
        rf"(?P<label>(?P<word>{_label_words([label for d in divisions for label in d['labels']])})"
        rf"\b\s*(?P<num>{division_num})?)(?P<rest>.*)$"
    )
    notes = _words(data["marks"]["status"])
    status_note = rf"\[\s*(?P<note>{notes})\s*\]"
    return Layout(
        article=article,
        division=division,
        division_eids=division_eids,
        number_words={
            word: n
            for words in (data["numbers"]["spelled"], data["numbers"]["ordinals"])
            for n, word in enumerate(words, start=1)
        },
        division_kinds=division_kinds,
        status=re.compile(rf"\s*{status_note}\s*$", re.IGNORECASE),
        status_only=re.compile(rf"(?:\s*{status_note.replace('?P<note>', '')})+\s*", re.IGNORECASE),
        closing=re.compile(rf"(?:{_words(data['marks']['closing'])})\b"),
        preamble=re.compile(rf"(?:{_words(data['marks']['preamble'])})\s*:?\s*", re.IGNORECASE),
        recital_opener=re.compile(
            rf"(?:{_words(data['marks']['recital_openers'])}|[A-Z][a-z]+(?:ing|ed))\b"
        ),
        furniture=tuple(
            (item["kind"], re.compile(item["pattern"])) for item in data["furniture"]["anywhere"]
        ),
        masthead=tuple(
            (item["kind"], re.compile(item["pattern"], re.IGNORECASE))
            for item in data["furniture"]["masthead"]
        ),
        symbol=re.compile(data["furniture"]["symbol"]),
        keep_hyphen_after=frozenset(data["hyphenation"]["keep_after"]),
    )
