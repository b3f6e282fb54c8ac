"""Match the articles of two drafts, and the provisions inside each matched pair.

Matching runs in passes, each on what the earlier ones left:

1. overrides the user gave (an official correlation table);
2. identical text: the same body, word for word, once on each side;
3. number and heading: the same number and the same heading, with related content;
4. similar text: TF-IDF cosine over words and word pairs, numbers masked (so a cross-reference
   renumbered by the alignment itself does not lower the score), the heading a feature worth
   :data:`HEADING_WEIGHT`; pairs scoring at least :data:`THRESHOLD` are assigned one to one, best
   first, preferring among near ties the candidate that keeps the order of the matches around it;
   a ``[deleted]`` placeholder is paired with the article of its heading;
5. number and place: where the same small number of articles is left unmatched on both sides
   between two matched neighbours, they are paired in order when each pair keeps its number,
   shares words of its heading and still scores :data:`GAP_THRESHOLD` (an article rewritten in
   its place, such as a right redefined in a revised charter);
6. splits and merges: an added article whose text is contained in an old article that was
   matched elsewhere (or the reverse) joins that match, when it covers a real part of it;
7. what remains is added or deleted.

Candidates come from an inverted index over each article's rarest words, plus the article with
the same number and the articles between the neighbouring matches, so the work grows about
linearly with the number of articles.
"""

from __future__ import annotations

import bisect
import csv
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import attrs

from treatydiff.exceptions import TreatydiffError
from treatydiff.model import Article, Draft, Provision, normalize_number
from treatydiff.references import Renumbering
from treatydiff.tokens import words

__all__ = [
    "HEADING_WEIGHT",
    "THRESHOLD",
    "Alignment",
    "Match",
    "OverrideConflict",
    "OverrideError",
    "ProvisionMatch",
    "align",
    "preamble_article",
    "read_overrides",
]

Relation = Literal["unchanged", "modified", "split", "merged", "added", "deleted"]
Method = Literal[
    "override",
    "identical-text",
    "number-and-heading",
    "similar-text",
    "placeholder",
    "number-and-place",
    "split-merge",
    "unmatched",
    "report",  # read back from a saved JSON report, which does not record how
]

#: The least similarity (0 to 1) for two articles to be matched on content alone. Below it,
#: reworded articles count as one deleted and one added; above it, unrelated articles that share
#: boilerplate ("Each State Party shall adopt such legislative and other measures ...") would pair.
THRESHOLD = 0.45
#: The least similarity for pairing the articles left between two matched neighbours.
GAP_THRESHOLD = 0.15
#: The most articles on each side of such a gap that are paired by position.
GAP_SIZE = 3
#: The share of heading words (Jaccard) that such a pair must have in common.
GAP_HEADING = 0.25
#: The share of the score that a similar heading contributes, when both articles have one.
HEADING_WEIGHT = 0.15
#: Among candidates this close to the best score, the one that keeps the order wins.
ORDER_TIE = 0.05
#: For a split or merge: the share of a part that the whole must contain, the share of the part
#: that the already matched article must not explain (so that shared boilerplate does not make
#: an added article a part), and the share of the whole that the parts together must cover.
PART_CONTAINED, OWN_SHARE, WHOLE_COVERED = 0.5, 0.25, 0.6
_RARE_WORDS = 12  # words per article that feed the candidate index
_BAND = 6  # articles on either side of the expected position that are always candidates
_PROVISION_BAND = 25  # provisions on either side of a provision's place that are compared


class OverrideError(TreatydiffError, ValueError):
    """An override names an article that the draft does not have, or a table is malformed."""


@attrs.frozen
class ProvisionMatch:
    """Two provisions (by element id) found to correspond inside a matched pair of articles."""

    old: str | None
    new: str | None
    relation: Literal["unchanged", "modified", "added", "deleted"]
    similarity: float


@attrs.frozen
class Match:
    """One correspondence: old articles, new articles, and how they relate."""

    old: tuple[Article, ...]
    new: tuple[Article, ...]
    relation: Relation
    similarity: float
    method: Method
    renumbered: bool = False
    moved: bool = False
    provisions: tuple[ProvisionMatch, ...] = ()

    @property
    def old_nums(self) -> tuple[str, ...]:
        return tuple(a.num for a in self.old)

    @property
    def new_nums(self) -> tuple[str, ...]:
        return tuple(a.num for a in self.new)

    def row(self) -> dict[str, object]:
        """The match as a table row (what :meth:`Alignment.rows` lists)."""
        return {
            "old": list(self.old_nums),
            "new": list(self.new_nums),
            "relation": self.relation,
            "renumbered": self.renumbered,
            "moved": self.moved,
            "similarity": round(self.similarity, 3),
            "method": self.method,
        }


@attrs.frozen
class OverrideConflict:
    """An override that the automatic alignment would have decided otherwise."""

    old: tuple[str, ...]
    new: tuple[str, ...]
    automatic: tuple[str, ...]

    def __str__(self) -> str:
        said = "+".join(self.new) or "deleted"
        found = "+".join(self.automatic) or "nothing"
        return f"override {'+'.join(self.old) or 'added'} -> {said}; automatic match: {found}"


@attrs.frozen
class Alignment:
    """How the articles of *old* correspond to those of *new*, in the new draft's order."""

    old: Draft
    new: Draft
    matches: tuple[Match, ...]
    conflicts: tuple[OverrideConflict, ...] = ()
    #: The preamble's recitals, matched like the provisions of an article.
    preamble: tuple[ProvisionMatch, ...] = ()

    def rows(self) -> list[dict[str, object]]:
        """One row per match: old numbers, new numbers, relation, flags, similarity, method."""
        return [match.row() for match in self.matches]

    def for_old(self, num: str | int) -> Match:
        """The match that holds old article *num*."""
        return self._find(num, "old")

    def for_new(self, num: str | int) -> Match:
        """The match that holds new article *num*."""
        return self._find(num, "new")

    def _find(self, num: str | int, side: str) -> Match:
        wanted = normalize_number(str(num))
        for match in self.matches:
            nums = match.old_nums if side == "old" else match.new_nums
            if any(normalize_number(n) == wanted for n in nums):
                return match
        draft = self.old if side == "old" else self.new
        draft.article(num)  # raises UnknownArticleError naming the numbers that exist
        raise AssertionError("every article is in exactly one match")  # pragma: no cover

    def mapping(self) -> dict[str, tuple[str, ...]]:
        """Old article number to the new numbers it became (empty when deleted)."""
        return {num: m.new_nums for m in self.matches for num in m.old_nums}

    def counts(self) -> Counter[str]:
        """How many matches of each relation, and how many renumbered and moved."""
        counts: Counter[str] = Counter(m.relation for m in self.matches)
        counts["renumbered"] = sum(m.renumbered for m in self.matches)
        counts["moved"] = sum(m.moved for m in self.matches)
        return counts

    def table(self) -> str:
        """The alignment as a plain-text table."""
        lines = [f"{'old':>10}  {'new':<10} {'relation':<10} {'flags':<18} similarity"]
        for match in self.matches:
            flags = ", ".join(f for f in ("renumbered", "moved") if getattr(match, f))
            lines.append(
                f"{'+'.join(match.old_nums) or '-':>10}  {'+'.join(match.new_nums) or '-':<10} "
                f"{match.relation:<10} {flags:<18} {match.similarity:.2f}"
            )
        lines.extend(f"conflict: {conflict}" for conflict in self.conflicts)
        return "\n".join(lines)

    def to_dataframe(self) -> Any:
        """The table as a pandas DataFrame (the ``pandas`` extra)."""
        from treatydiff.report.to_frame import alignment_frame

        return alignment_frame(self)

    def _repr_html_(self) -> str:
        """Jupyter's rich display: the matches that are not plain unchanged."""
        from treatydiff.report.notebook import alignment_html

        return alignment_html(self)

    def __repr__(self) -> str:
        counts = self.counts()
        parts = ", ".join(
            f"{counts[k]} {k}"
            for k in ("unchanged", "modified", "split", "merged", "added", "deleted")
            if counts[k]
        )
        flags = f"; {counts['renumbered']} renumbered, {counts['moved']} moved"
        return f"<Alignment {self.old.label!r} -> {self.new.label!r}: {parts}{flags}>"


def align(
    old: Draft,
    new: Draft,
    *,
    overrides: Mapping[str, str | Sequence[str] | None] | str | Path | None = None,
) -> Alignment:
    """Align the articles of *old* and *new*.

    *overrides* fixes known correspondences, as a mapping from an old article number to the new
    number(s) (``None`` or ``[]`` for deleted), or as the path of a CSV table with columns
    ``old`` and ``new`` (several numbers joined by ``+``). Overrides win; where the automatic
    alignment would have matched otherwise, :attr:`Alignment.conflicts` says so.
    """
    fixed = _resolve_overrides(old, new, overrides)
    index = _Corpus(old.articles, new.articles)
    conflicts: list[OverrideConflict] = []
    if fixed:
        automatic = _Matcher(index, []).run()
        conflicts = _conflicts(fixed, automatic, index)
    groups = _Matcher(index, fixed).run()
    matches = _finish(old, new, index, groups)
    preamble = _align_provisions(
        (preamble_article(old),), (preamble_article(new),), Renumbering({})
    )
    return Alignment(old, new, tuple(matches), tuple(conflicts), preamble)


def preamble_article(draft: Draft) -> Article:
    """The preamble as an article named "preamble", so it can be aligned and diffed like one."""
    return Article(num="preamble", eid="preamble", heading="", provisions=draft.preamble)


# -- profiles and similarity ------------------------------------------------------------------


@attrs.frozen
class _Profile:
    article: Article
    position: int
    body: tuple[str, ...]  # masked words of the body
    heading: frozenset[str]
    key: str  # the body as one string, for identity
    shingles: frozenset[int]


def _profile(article: Article, position: int) -> _Profile:
    body = tuple(_mask(w) for w in words(article.text))
    n = 3 if len(body) >= 3 else 1
    shingles = frozenset(hash(body[i : i + n]) for i in range(len(body) - n + 1))
    heading = frozenset(_mask(w) for w in words(article.heading))
    return _Profile(article, position, body, heading, " ".join(body), shingles)


def _mask(word: str) -> str:
    # Numbers are masked so that renumbered cross-references and paragraphs compare equal.
    return "#" if word[:1].isdigit() else word


class _Corpus:
    """Both drafts' articles with their TF-IDF vectors and an index of rare words."""

    def __init__(self, old: Sequence[Article], new: Sequence[Article]) -> None:
        self.old = [_profile(a, i) for i, a in enumerate(old)]
        self.new = [_profile(a, i) for i, a in enumerate(new)]
        documents = [_features(p) for p in (*self.old, *self.new)]
        df: Counter[str] = Counter()
        for features in documents:
            df.update(set(features))
        total = len(documents) or 1
        self.idf = {term: math.log((1 + total) / (1 + count)) + 1 for term, count in df.items()}
        vectors = [self._vector(features) for features in documents]
        self.old_vectors = vectors[: len(self.old)]
        self.new_vectors = vectors[len(self.old) :]
        self.postings: dict[str, defaultdict[str, list[int]]] = {
            "old": defaultdict(list),
            "new": defaultdict(list),
        }
        self.by_number: dict[str, defaultdict[str, list[int]]] = {
            "old": defaultdict(list),
            "new": defaultdict(list),
        }
        for side, profiles in (("old", self.old), ("new", self.new)):
            for index, profile in enumerate(profiles):
                for term in self._rare(profile):
                    self.postings[side][term].append(index)
                self.by_number[side][normalize_number(profile.article.num)].append(index)

    def _vector(self, features: Counter[str]) -> dict[str, float]:
        vector = {t: (1 + math.log(c)) * self.idf[t] for t, c in features.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {t: v / norm for t, v in vector.items()}

    def _rare(self, profile: _Profile) -> list[str]:
        unique = set(profile.body) - {"#"}
        return sorted(unique, key=lambda t: (-self.idf.get(t, 0.0), t))[:_RARE_WORDS]

    def related(self, profile: _Profile, side: str) -> set[int]:
        """The articles on *side* that share the most rare words with *profile*."""
        found: Counter[int] = Counter()
        for term in self._rare(profile):
            found.update(self.postings[side].get(term, ()))
        return {index for index, _ in found.most_common(2 * _RARE_WORDS)}

    def candidates(self, index: int, expected: range, *, among: str = "new") -> set[int]:
        """Articles *among* one draft ("new" or "old") worth scoring against article *index* of
        the other: those sharing rare words or the number, and those in the *expected* range."""
        profile = (self.old if among == "new" else self.new)[index]
        size = len(self.new if among == "new" else self.old)
        chosen = self.related(profile, among)
        chosen.update(self.by_number[among].get(normalize_number(profile.article.num), ()))
        chosen.update(k for k in expected if 0 <= k < size)
        return chosen

    def score(self, i: int, j: int) -> float:
        """Similarity of old article *i* and new article *j*, from 0 to 1."""
        a, b = self.old_vectors[i], self.new_vectors[j]
        # fsum is exact, so the order of the set (which varies with the hash seed) cannot
        # change the score.
        content = math.fsum(a[t] * b[t] for t in a.keys() & b.keys())
        old, new = self.old[i], self.new[j]
        if not old.body and not new.body:
            content = 1.0  # two [deleted] placeholders: only the heading can tell
        if old.heading and new.heading:
            heading = len(old.heading & new.heading) / len(old.heading | new.heading)
            if not old.body or not new.body:
                return heading if not old.body and not new.body else heading * HEADING_WEIGHT * 2
            return (1 - HEADING_WEIGHT) * content + HEADING_WEIGHT * heading
        return content


def _features(profile: _Profile) -> Counter[str]:
    body = profile.body
    features = Counter(body)
    features.update(f"{a} {b}" for a, b in itertools.pairwise(body))
    return features


# -- the passes ---------------------------------------------------------------------------------


@attrs.define
class _Group:
    old: list[int]
    new: list[int]
    method: Method
    score: float = 0.0

    @property
    def open(self) -> bool:
        """Whether a split or merge may still join this group (an override is final)."""
        return self.method != "override"


class _Matcher:
    def __init__(self, corpus: _Corpus, fixed: list[_Group]) -> None:
        self.corpus = corpus
        self.groups = list(fixed)
        self.old_taken = {i for g in fixed for i in g.old}
        self.new_taken = {j for g in fixed for j in g.new}

    def run(self) -> list[_Group]:
        self._identical()
        self._number_and_heading()
        self._similar()
        self._number_and_related_heading()
        self._placeholders()
        self._gaps()
        self._splits_and_merges()
        self._remainder()
        return self.groups

    def _pair(self, i: int, j: int, method: Method, score: float) -> None:
        self.groups.append(_Group([i], [j], method, score))
        self.old_taken.add(i)
        self.new_taken.add(j)

    def _free_old(self) -> Iterator[int]:
        return (i for i in range(len(self.corpus.old)) if i not in self.old_taken)

    def _identical(self) -> None:
        by_key: dict[str, list[int]] = defaultdict(list)
        for j, profile in enumerate(self.corpus.new):
            if j not in self.new_taken and profile.body:
                by_key[profile.key].append(j)
        old_keys = Counter(p.key for p in self.corpus.old)
        for i in list(self._free_old()):
            key = self.corpus.old[i].key
            found = by_key.get(key, [])
            if old_keys[key] == 1 and len(found) == 1 and self.corpus.old[i].body:
                self._pair(i, found[0], "identical-text", 1.0)

    def _number_and_heading(self) -> None:
        for i in list(self._free_old()):
            old = self.corpus.old[i]
            for j in self.corpus.by_number["new"].get(normalize_number(old.article.num), ()):
                new = self.corpus.new[j]
                same_heading = old.heading == new.heading and bool(old.heading)
                if j in self.new_taken or not same_heading:
                    continue
                score = self.corpus.score(i, j)
                if score >= THRESHOLD / 2:
                    self._pair(i, j, "number-and-heading", score)
                    break

    def _number_and_related_heading(self) -> None:
        """An article that kept its number and its place, under a heading that grew or shrank
        ("Registration" -> "Registration of relevant operators and of high-risk AI systems"),
        rewritten enough to fall below the threshold: still the same article."""
        anchors = sorted((g.old[0], g.new[0]) for g in self.groups if g.old and g.new)
        for i in list(self._free_old()):
            old = self.corpus.old[i]
            expected = _expected_range(i, anchors, len(self.corpus.new))
            for j in self.corpus.by_number["new"].get(normalize_number(old.article.num), ()):
                new = self.corpus.new[j]
                related = _related_headings(old.heading, new.heading)
                if j in self.new_taken or j not in expected or not related:
                    continue
                score = self.corpus.score(i, j)
                if score >= GAP_THRESHOLD:
                    self._pair(i, j, "number-and-heading", score)
                    break

    def _similar(self) -> None:
        anchors = sorted((g.old[0], g.new[0]) for g in self.groups if g.old and g.new)
        scored: list[tuple[float, int, int, int]] = []
        # Candidates and the order prior are taken from both sides, so that comparing the
        # drafts the other way round weighs the same pairs the same way.
        backwards = sorted((j, i) for i, j in anchors)
        old_size, new_size = len(self.corpus.old), len(self.corpus.new)
        free_new = [j for j in range(new_size) if j not in self.new_taken]
        new_expected = {i: _expected_range(i, anchors, new_size) for i in self._free_old()}
        old_expected = {j: _expected_range(j, backwards, old_size) for j in free_new}
        pairs = {(i, j) for i in new_expected for j in self.corpus.candidates(i, new_expected[i])}
        pairs |= {
            (i, j)
            for j in free_new
            for i in self.corpus.candidates(j, old_expected[j], among="old")
        }
        for i, j in sorted(pairs):
            if i not in new_expected or j not in old_expected:
                continue
            score = self.corpus.score(i, j)
            if score >= THRESHOLD:
                in_order = j in new_expected[i] or i in old_expected[j]
                scored.append((score, int(in_order), i, j))
        # Best first; among near ties, the candidate that keeps the order of the matches around.
        scored.sort(key=lambda s: (-round(s[0] / ORDER_TIE), -s[1], -s[0], s[2], s[3]))
        for score, _, i, j in scored:
            if i not in self.old_taken and j not in self.new_taken:
                self._pair(i, j, "similar-text", score)

    def _placeholders(self) -> None:
        """A ``[deleted]`` placeholder keeps its heading: pair it with the article of that
        heading where the order of the matches around it expects one."""
        anchors = sorted((g.old[0], g.new[0]) for g in self.groups if g.old and g.new)
        for i in list(self._free_old()):
            old = self.corpus.old[i]
            expected = _expected_range(i, anchors, len(self.corpus.new))
            for j in expected:
                new = self.corpus.new[j]
                placeholder = old.article.deleted or new.article.deleted
                same_heading = bool(old.heading) and old.heading == new.heading
                if j not in self.new_taken and placeholder and same_heading:
                    self._pair(i, j, "placeholder", self.corpus.score(i, j))
                    break

    def _gaps(self) -> None:
        anchors = sorted((g.old[0], g.new[0]) for g in self.groups if g.old and g.new)
        bounds = [(-1, -1), *anchors, (len(self.corpus.old), len(self.corpus.new))]
        for (old_low, new_low), (old_high, new_high) in itertools.pairwise(bounds):
            olds = [i for i in range(old_low + 1, old_high) if i not in self.old_taken]
            news = [j for j in range(new_low + 1, new_high) if j not in self.new_taken]
            if not olds or len(olds) != len(news) or len(olds) > GAP_SIZE:
                continue
            pairs = list(zip(olds, news, strict=True))
            scores = [self.corpus.score(i, j) for i, j in pairs]
            # One article left on each side between two matches: the place alone is evidence,
            # so a weaker similarity will do; more than one needs number and heading as well.
            alone = len(pairs) == 1 and scores[0] >= 2 * GAP_THRESHOLD
            kept = min(scores) >= GAP_THRESHOLD and all(self._kept_place(i, j) for i, j in pairs)
            if alone or kept:
                for (i, j), score in zip(pairs, scores, strict=True):
                    self._pair(i, j, "number-and-place", score)

    def _kept_place(self, i: int, j: int) -> bool:
        old, new = self.corpus.old[i], self.corpus.new[j]
        same_number = normalize_number(old.article.num) == normalize_number(new.article.num)
        shared = len(old.heading & new.heading) / len(old.heading | new.heading or {""})
        return same_number and shared >= GAP_HEADING

    def _splits_and_merges(self) -> None:
        corpus = self.corpus
        group_of_old = {i: g for g in self.groups for i in g.old}
        group_of_new = {j: g for g in self.groups for j in g.new}
        for j in [j for j in range(len(corpus.new)) if j not in self.new_taken]:
            i = _container(corpus.new[j], corpus.old, corpus.related(corpus.new[j], "old"))
            if i is not None and i in group_of_old:
                group = group_of_old[i]
                if (
                    group.open
                    and len(group.old) == 1
                    and _covers(corpus.old[i], [corpus.new[k] for k in group.new], corpus.new[j])
                ):
                    group.new = sorted([*group.new, j])
                    group.method = "split-merge"
                    self.new_taken.add(j)
        for i in [i for i in range(len(corpus.old)) if i not in self.old_taken]:
            target = _container(corpus.old[i], corpus.new, corpus.related(corpus.old[i], "new"))
            if target is not None and target in group_of_new:
                group = group_of_new[target]
                if (
                    group.open
                    and len(group.new) == 1
                    and _covers(
                        corpus.new[target], [corpus.old[k] for k in group.old], corpus.old[i]
                    )
                ):
                    group.old = sorted([*group.old, i])
                    group.method = "split-merge"
                    self.old_taken.add(i)

    def _remainder(self) -> None:
        for i in list(self._free_old()):
            self.groups.append(_Group([i], [], "unmatched"))
        for j in range(len(self.corpus.new)):
            if j not in self.new_taken:
                self.groups.append(_Group([], [j], "unmatched"))


def _related_headings(old: frozenset[str], new: frozenset[str]) -> bool:
    """Headings that share most words, or one of which holds the other."""
    if not old or not new:
        return False
    shared = len(old & new)
    return shared == min(len(old), len(new)) or shared / len(old | new) >= 0.5


def _expected_range(i: int, anchors: list[tuple[int, int]], size: int) -> range:
    """Where old article *i* should land in the new draft: between the new positions of its
    matched neighbours, near the point that interpolating between them gives. (*anchors* are
    (old, new) positions sorted by old position.)"""
    k = bisect.bisect_left(anchors, (i, -1))
    old_low, new_low = anchors[k - 1] if k else (-1, -1)
    old_high, new_high = anchors[k] if k < len(anchors) else (old_low + 1 + size, size)
    if new_high <= new_low:  # the neighbours themselves moved: a band around both
        low, high = min(new_low, new_high), max(new_low, new_high)
        return range(max(0, low - _BAND), min(size, high + _BAND + 1))
    centre = new_low + (i - old_low) * (new_high - new_low) // max(1, old_high - old_low)
    low = max(new_low + 1, centre - _BAND) - _BAND // 2
    high = min(new_high, centre + _BAND + 1) + _BAND // 2
    return range(max(0, low), min(size, high))


def _container(part: _Profile, others: list[_Profile], candidates: Iterable[int]) -> int | None:
    """The article among *others* that contains most of *part*'s text, if one contains enough."""
    if not part.shingles:
        return None
    best, best_share = None, 0.0
    for index in sorted(candidates):
        other = others[index]
        share = len(part.shingles & other.shingles) / len(part.shingles)
        if share > best_share:
            best, best_share = index, share
    return best if best_share >= PART_CONTAINED else None


def _covers(whole: _Profile, matched: list[_Profile], part: _Profile) -> bool:
    """Whether *matched* and *part* together cover the *whole*, *part* with text of its own."""
    if not whole.shingles or not part.shingles:
        return False
    before: frozenset[int] = frozenset().union(*(m.shingles for m in matched))
    own = (whole.shingles & part.shingles) - before
    together = whole.shingles & (before | part.shingles)
    return (
        len(own) / len(part.shingles) >= OWN_SHARE
        and len(together) / len(whole.shingles) >= WHOLE_COVERED
    )


# -- relations, flags and provisions ------------------------------------------------------------


def _finish(old: Draft, new: Draft, corpus: _Corpus, groups: list[_Group]) -> list[Match]:
    number_map = Renumbering(
        {
            corpus.old[g.old[0]].article.num: corpus.new[g.new[0]].article.num
            for g in groups
            if g.old and g.new
        }
    )
    in_order = _in_order_pairs([(g.old[0], g.new[0]) for g in groups if g.old and g.new])
    successor = _division_successors(groups, corpus)
    matches = []
    for group in _report_order(groups):
        olds = tuple(corpus.old[i].article for i in group.old)
        news = tuple(corpus.new[j].article for j in group.new)
        relation = _relation(olds, news, number_map)
        paired = bool(olds and news)
        moved = paired and (
            (group.old[0], group.new[0]) not in in_order
            or news[0].division not in successor.get(olds[0].division, ())
        )
        renumbered = paired and normalize_number(olds[0].num) != normalize_number(news[0].num)
        similarity = group.score if group.method != "split-merge" else _group_score(group, corpus)
        provisions = _align_provisions(olds, news, number_map) if paired else ()
        matches.append(
            Match(
                olds,
                news,
                relation,
                similarity if paired else 0.0,
                group.method,
                renumbered,
                moved,
                provisions,
            )
        )
    return matches


def _report_order(groups: list[_Group]) -> list[_Group]:
    """Matches in the new draft's order; a deleted article right after the match that holds the
    old article before it."""
    new_of_old = {i: g.new[0] for g in groups if g.new for i in g.old}

    def key(group: _Group) -> tuple[float, int]:
        if group.new:
            return (group.new[0], group.old[0] if group.old else -1)
        before = [new_of_old[i] for i in new_of_old if i < group.old[0]]
        return ((max(before) if before else -1) + 0.5, group.old[0])

    return sorted(groups, key=key)


def _relation(
    olds: tuple[Article, ...], news: tuple[Article, ...], numbers: Renumbering
) -> Relation:
    if not olds:
        return "added"
    if not news:
        return "deleted"
    if len(news) > 1:
        return "split"
    if len(olds) > 1:
        return "merged"
    old, new = olds[0], news[0]
    same_text = numbers(old.text) == new.text
    # A status note ("[pending]") is no text: only a placeholder standing in for text counts.
    same = same_text and old.heading == new.heading and old.deleted == new.deleted
    return "unchanged" if same else "modified"


def _in_order_pairs(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The largest set of pairs whose old and new positions rise together (the rest moved)."""
    pairs = sorted(pairs)
    tails: list[int] = []  # tails[k]: index into pairs of the smallest end of a run of k+1
    previous: list[int] = [-1] * len(pairs)
    for index, (_, new) in enumerate(pairs):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if pairs[tails[middle]][1] < new:
                low = middle + 1
            else:
                high = middle
        previous[index] = tails[low - 1] if low else -1
        if low == len(tails):
            tails.append(index)
        else:
            tails[low] = index
    kept: set[tuple[int, int]] = set()
    index = tails[-1] if tails else -1
    while index >= 0:
        kept.add(pairs[index])
        index = previous[index]
    return kept


def _division_successors(
    groups: list[_Group], corpus: _Corpus
) -> dict[str | None, set[str | None]]:
    """Each old division's successors: the new divisions that took at least a third of its
    matched articles, or the most of them. An article that went elsewhere moved."""
    votes: dict[str | None, Counter[str | None]] = defaultdict(Counter)
    for group in groups:
        if group.old and group.new:
            old = corpus.old[group.old[0]].article
            votes[old.division][corpus.new[group.new[0]].article.division] += 1
    return {
        division: {new for new, count in counter.items() if 3 * count >= counter.total()}
        | {counter.most_common(1)[0][0]}
        for division, counter in votes.items()
    }


def _group_score(group: _Group, corpus: _Corpus) -> float:
    olds = frozenset().union(*(corpus.old[i].shingles for i in group.old))
    news = frozenset().union(*(corpus.new[j].shingles for j in group.new))
    return len(olds & news) / len(olds | news) if olds | news else 0.0


def _align_provisions(
    olds: tuple[Article, ...], news: tuple[Article, ...], numbers: Renumbering
) -> tuple[ProvisionMatch, ...]:
    """Match provisions inside a pair: identical text, then similar text in order, else
    added or deleted. Cross-references are compared after renumbering them as the articles are."""
    old = [p for a in olds for p in a.iter_provisions()]
    new = [p for a in news for p in a.iter_provisions()]
    old_text = [numbers(p.text) for p in old]
    pairs: dict[int, tuple[int, float]] = {}
    taken: set[int] = set()
    by_text: dict[str, list[int]] = defaultdict(list)
    for j, provision in enumerate(new):
        by_text[provision.text].append(j)
    for i, text in enumerate(old_text):
        free = [j for j in by_text.get(text, ()) if j not in taken]
        if free:
            pairs[i] = (free[0], 1.0)
            taken.add(free[0])
    old_words = [Counter(words(t)) for t in old_text]
    new_words = [Counter(words(p.text)) for p in new]
    # Provisions move little inside an article: score each against those near its place only,
    # so that an article of two hundred points costs a band, not a square.
    ratio = len(new) / max(1, len(old))
    scored = [
        (_dice(old_words[i], new_words[j]), i, j)
        for i in range(len(old))
        if i not in pairs
        for j in range(
            max(0, int(i * ratio) - _PROVISION_BAND),
            min(len(new), int(i * ratio) + _PROVISION_BAND + 1),
        )
        if j not in taken
    ]
    identical = set(pairs)
    for score, i, j in sorted(scored, key=lambda s: (-s[0], abs(s[1] - s[2]), s[1])):
        if score >= 0.5 and i not in pairs and j not in taken:
            pairs[i] = (j, min(score, 0.999))  # equal words, different text: still modified
            taken.add(j)
    return tuple(_provision_rows(old, new, pairs, taken, identical))


def _provision_rows(
    old: list[Provision],
    new: list[Provision],
    pairs: dict[int, tuple[int, float]],
    taken: set[int],
    identical: set[int],
) -> Iterator[ProvisionMatch]:
    rows: list[tuple[float, ProvisionMatch]] = []
    for i, provision in enumerate(old):
        if i in pairs:
            j, score = pairs[i]
            relation: Literal["unchanged", "modified"] = (
                "unchanged" if i in identical else "modified"
            )
            rows.append((j, ProvisionMatch(provision.eid, new[j].eid, relation, round(score, 3))))
        else:
            rows.append((_slot(i, pairs), ProvisionMatch(provision.eid, None, "deleted", 0.0)))
    for j, provision in enumerate(new):
        if j not in taken:
            rows.append((j, ProvisionMatch(None, provision.eid, "added", 0.0)))
    rows.sort(key=lambda row: row[0])
    return (row for _, row in rows)


def _slot(i: int, pairs: dict[int, tuple[int, float]]) -> float:
    earlier = [pairs[k][0] for k in pairs if k < i]
    return (max(earlier) if earlier else -1) + 0.5


def _dice(a: Counter[str], b: Counter[str]) -> float:
    total = a.total() + b.total()
    if not total:
        return 1.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    shared = sum(min(count, large[word]) for word, count in small.items() if word in large)
    return 2 * shared / total


# -- overrides ----------------------------------------------------------------------------------


def read_overrides(path: str | Path) -> dict[str, tuple[str, ...]]:
    """Read a correlation table: a CSV with columns ``old`` and ``new``; ``+`` joins numbers."""
    path = Path(path)
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or not {"old", "new"} <= set(reader.fieldnames):
                raise OverrideError(
                    "the table needs the columns 'old' and 'new' in its first row", source=str(path)
                )
            table: dict[str, tuple[str, ...]] = {}
            for row in reader:
                olds = _split_numbers(row["old"])
                news = _split_numbers(row["new"])
                if not olds:
                    continue  # an added article: nothing to fix on the old side
                for num in olds:
                    table[num] = news
            return table
    except OSError as error:
        raise OverrideError(f"cannot read the table ({error.strerror})", source=str(path)) from None
    except (csv.Error, UnicodeDecodeError) as error:
        raise OverrideError(f"not a readable CSV table ({error})", source=str(path)) from None


def _split_numbers(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("+") if part.strip())


def _resolve_overrides(
    old: Draft, new: Draft, overrides: Mapping[str, str | Sequence[str] | None] | str | Path | None
) -> list[_Group]:
    if overrides is None:
        return []
    if isinstance(overrides, str | Path):
        overrides = read_overrides(overrides)
    old_index = {normalize_number(a.num): i for i, a in enumerate(old.articles)}
    new_index = {normalize_number(a.num): j for j, a in enumerate(new.articles)}
    by_new: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for old_num, target in overrides.items():
        i = _lookup(old_index, str(old_num), old)
        targets = (target,) if isinstance(target, str) else tuple(target or ())
        key = tuple(sorted(_lookup(new_index, str(t), new) for t in targets))
        by_new[key].append(i)
    groups = []
    for news, olds in by_new.items():
        if news:
            groups.append(_Group(sorted(olds), list(news), "override", 1.0))
        else:
            groups.extend(_Group([i], [], "override") for i in olds)
    return groups


def _lookup(index: dict[str, int], num: str, draft: Draft) -> int:
    found = index.get(normalize_number(num))
    if found is None:
        raise OverrideError(
            f"override names article {num!r}, which {draft.label!r} does not have",
            source=draft.source,
        )
    return found


def _conflicts(
    fixed: list[_Group], automatic: list[_Group], corpus: _Corpus
) -> list[OverrideConflict]:
    auto_new = {i: tuple(g.new) for g in automatic for i in g.old}
    conflicts = []
    for group in fixed:
        for i in group.old:
            if tuple(sorted(auto_new.get(i, ()))) != tuple(sorted(group.new)):
                conflicts.append(
                    OverrideConflict(
                        (corpus.old[i].article.num,),
                        tuple(corpus.new[j].article.num for j in group.new),
                        tuple(corpus.new[j].article.num for j in auto_new.get(i, ())),
                    )
                )
    return conflicts
