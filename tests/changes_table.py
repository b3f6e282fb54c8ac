"""The rows of ``fixtures/series/CHANGES.md``, and which reported changes each row describes.

Each row names its place in the old and the new draft: one provision (``19(2)(a)``), several
(``21(3), 22(5)``), a whole article (``10 (Network-related forgery)``, ``13 + 14``), a heading
(``8 (heading)``) or a preamble paragraph (``preamble ("Mindful …")``). A reported change belongs
to the row whose place names it most narrowly, so a whole-article row (a merge, a split) answers
only for what its article's narrower rows do not: every change is judged once, by one row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

import treatydiff as td

SERIES = Path(__file__).resolve().parents[1] / "fixtures" / "series"


class Place(NamedTuple):
    """One place a row names, on one side: an article and a path inside it."""

    article: str  # "19", "20 bis", "preamble"
    path: str  # "para_2__point_a", or "" for the whole article
    heading: bool = False
    quote: str = ""  # for a preamble paragraph: words it holds

    @property
    def narrowness(self) -> int:
        """How narrow the place is: a whole article 0, a heading 1, a paragraph 1, a point 2."""
        return self.path.count("__") + 1 if self.path else int(self.heading or bool(self.quote))


class Row(NamedTuple):
    """One deliberate change: its id, places, expected kinds and expected concern effects."""

    id: str
    old: tuple[Place, ...]
    new: tuple[Place, ...]
    kinds: frozenset[str]
    effects: dict[str, str]

    @property
    def pair(self) -> str:
        return self.id.split(".")[0]


_ITEM = re.compile(
    r"(?P<article>preamble|\d+(?: bis)?)(?P<path>(?:\(\w+\))*)(?: \((?P<note>.*)\))?"
)


def _split(cell: str) -> list[str]:
    """The items of a cell (locations, or kinds), split at commas and "+" outside parentheses."""
    items, depth, start = [], 0, 0
    for i, char in enumerate(cell):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and (cell.startswith(", ", i) or cell.startswith(" + ", i)):
            items.append(cell[start:i])
            start = i + (2 if char == "," else 3)
    return [item.strip() for item in [*items, cell[start:]] if item.strip()]


def _first_quote(words: str) -> str:
    """The first quoted words of a cell, up to any elision, as the text holds them."""
    match = re.search(r"[\"“](.*?)[\"”]", words)
    return _plain(match.group(1).split("…")[0]) if match else ""


def _plain(text: str) -> str:
    text = re.sub(r"\[\^\d+\]|[\[\]]", "", text).replace("“", '"').replace("”", '"')
    return " ".join(text.lower().split())


def parse_places(cell: str, words: str) -> tuple[Place, ...]:
    """The places a location cell names; a place the model has no element for (a closing
    formula after the last article) names nothing."""
    if cell == "—" or cell.startswith("after "):
        return ()
    places = []
    for item in _split(cell):
        match = _ITEM.fullmatch(item)
        if match is None:
            raise ValueError(f"CHANGES.md: cannot read the location {item!r} in {cell!r}")
        article, note = match["article"], match["note"] or ""
        if article == "preamble":
            places.append(Place(article, "", quote=_first_quote(words)))
            continue
        parts = re.findall(r"\((\w+)\)", match["path"])
        path = "__".join(("para_" if p.isdigit() else "point_") + p for p in parts)
        places.append(Place(article, path, heading=note.startswith("heading")))
    return tuple(places)


def rows(series: Path = SERIES) -> list[Row]:
    """Every row of the CHANGES.md of *series* (a folder of fixture drafts)."""
    found = []
    for line in (series / "CHANGES.md").read_text("utf-8").splitlines():
        if not re.match(r"\| \d-\d\.\d+ ", line):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        change_id, old, new, old_words, new_words, kinds, effects = cells
        found.append(
            Row(
                change_id,
                parse_places(old, old_words),
                parse_places(new, new_words),
                frozenset(k.split(" ")[0] for k in _split(kinds)),
                {
                    k.strip(): v.strip()
                    for k, v in (p.split(":") for p in effects.split(";") if ":" in p)
                },
            )
        )
    return found


def missing_places(drafts: Sequence[td.Draft], series: Path = SERIES) -> list[tuple[str, Place]]:
    """(row id, place) of every place the CHANGES.md of *series* names that its draft (of
    *drafts*, in order) does not have."""
    missing = []
    for row in rows(series):
        first = int(row.pair[0]) - 1
        for draft, places in ((drafts[first], row.old), (drafts[first + 1], row.new)):
            missing += [(row.id, place) for place in places if not exists(place, draft)]
    return missing


def exists(place: Place, draft: td.Draft) -> bool:
    """Whether *draft* has the element *place* names."""
    if place.article == "preamble":
        return any(place.quote in _plain(recital.text) for recital in draft.preamble)
    try:
        article = draft.article(place.article)
    except td.TreatydiffError:
        return False
    if place.heading:
        return bool(article.heading)
    eids = [p.eid for p in article.iter_provisions()]
    return not place.path or any(re.search(rf"__{place.path}$", eid) for eid in eids)


def _fits(place: Place, change: td.Change, side: str) -> bool:
    article = change.old_article if side == "old" else change.new_article
    eid = (change.old_eid if side == "old" else change.new_eid) or ""
    text = change.old_text if side == "old" else change.new_text
    if article != place.article:
        return False
    if place.quote:
        return place.quote in _plain(text)
    if place.heading:
        return eid.endswith("__heading")
    return not place.path or re.search(rf"__{place.path}(?:$|__)", eid) is not None


def _narrowness(row: Row, change: td.Change) -> int | None:
    """How narrowly *row* names *change*, or ``None`` if it does not name it."""
    fits = [
        place.narrowness
        for side, places in (("old", row.old), ("new", row.new))
        for place in places
        if _fits(place, change, side)
    ]
    return max(fits, default=None)


def assign(rows_of_pair: Sequence[Row], changes: Iterable[td.Change]) -> dict[str, list[td.Change]]:
    """The changes of one pair of drafts, by the id of the row that names each most narrowly;
    changes no row names are under the key ``""``."""
    assigned: dict[str, list[td.Change]] = {row.id: [] for row in rows_of_pair}
    assigned[""] = []
    for change in changes:
        ranked = [
            (n, row.id) for row in rows_of_pair if (n := _narrowness(row, change)) is not None
        ]
        best = max((n for n, _ in ranked), default=None)
        owners = [row_id for n, row_id in ranked if n == best] or [""]
        for owner in owners:
            assigned[owner].append(change)
    return assigned


def assign_all(
    comparisons: dict[str, td.Comparison], series: Path = SERIES
) -> dict[str, list[td.Change]]:
    """``assign`` for every pair of *series* ("1-2" ...), merged; ``""`` holds the changes no
    row names, from all pairs."""
    table = rows(series)
    merged: dict[str, list[td.Change]] = {"": []}
    for pair, comparison in comparisons.items():
        for key, changes in assign(
            [r for r in table if r.pair == pair], comparison.changes
        ).items():
            merged.setdefault(key, []).extend(changes)
    return merged


class Agreement(NamedTuple):
    """How far the reported changes agree with a CHANGES.md, row by row."""

    rows: int
    kinds: set[str]  # the ids of rows whose kinds disagree
    effects: set[str]  # the ids of rows whose concern effects disagree
    unlisted: list[td.Change]  # substantive changes no row names


COSMETIC = frozenset({"editorial", "cross-reference-only"})


def agreement(comparisons: dict[str, td.Comparison], series: Path = SERIES) -> Agreement:
    """Each row's expected kinds and concern effects against what treatydiff reports.

    A row of cosmetic kinds agrees when nothing substantive is reported; any other row when all
    its kinds are found. Its effects agree when every concern it names gets that effect (a row
    that names none: when nothing is tagged).
    """
    by_row = assign_all(comparisons, series)
    table = rows(series)
    kinds, effects = set(), set()
    for row in table:
        found = by_row[row.id]
        reported = {kind for change in found for kind in change.kinds}
        cosmetic = row.kinds <= COSMETIC
        if reported - COSMETIC if cosmetic else row.kinds - reported:
            kinds.add(row.id)
        tagged = tags_by_concern(comparisons[row.pair], found)
        if (
            (tagged != {})
            if not row.effects
            else any(tagged.get(concern) != effect for concern, effect in row.effects.items())
        ):
            effects.add(row.id)
    unlisted = [c for c in by_row[""] if set(c.kinds) - COSMETIC]
    return Agreement(len(table), kinds, effects, unlisted)


def tags_by_concern(comparison: td.Comparison, changes: Iterable[td.Change]) -> dict[str, str]:
    """The effect on each concern of *changes* taken together (opposite effects: "mixed")."""
    tagged: dict[str, str] = {}
    for change in changes:
        for tag in comparison.tags_for(change):
            previous = tagged.get(tag.concern, tag.effect)
            tagged[tag.concern] = tag.effect if previous == tag.effect else "mixed"
    return tagged
