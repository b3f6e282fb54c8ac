"""The only import of diff-match-patch: a minimal, reproducible diff of two token sequences.

diff-match-patch diffs strings of characters. To diff words, each distinct token is given one
character of its own (the trick its line mode uses for lines) and the two encoded strings are
diffed. The timeout is 0, so the result is the minimal diff and the same on every machine, and
semantic cleanup merges the small coincidental equalities that make a diff hard to read.
"""

from __future__ import annotations

import difflib
from collections.abc import Hashable, Sequence
from typing import Final, Literal

from diff_match_patch import diff_match_patch  # type: ignore[import-untyped]

__all__ = ["CAPACITY", "Op", "Run", "diff_sequences"]

Op = Literal["equal", "insert", "delete"]
#: ``(op, old_start, old_end, new_start, new_end)``: token positions, ends exclusive.
Run = tuple[Op, int, int, int, int]

_FIRST: Final = 0x100  # leave ASCII and Latin-1 alone, in case a caller inspects the encoding
_SURROGATES: Final = range(0xD800, 0xE000)
#: How many distinct tokens two texts may hold between them before the fallback takes over.
CAPACITY: Final = 0x110000 - _FIRST - len(_SURROGATES)
_OPS: Final[dict[int, Op]] = {0: "equal", 1: "insert", -1: "delete"}


def diff_sequences(old: Sequence[Hashable], new: Sequence[Hashable]) -> list[Run]:
    """Diff two sequences of tokens (compared by equality).

    Returns runs ``(op, old_start, old_end, new_start, new_end)`` in order, covering both
    sequences; ``equal`` runs cover equal tokens. With more distinct tokens than
    :data:`CAPACITY`, :mod:`difflib` is used instead (slower, and not always minimal).
    """
    codes: dict[Hashable, str] = {}
    for token in (*old, *new):
        if token not in codes:
            if len(codes) == CAPACITY:
                return _difflib_runs(old, new)
            codes[token] = _char(len(codes))
    encoded_old = "".join(codes[t] for t in old)
    encoded_new = "".join(codes[t] for t in new)
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    diffs = engine.diff_main(encoded_old, encoded_new, False)
    engine.diff_cleanupSemantic(diffs)
    runs: list[Run] = []
    i = j = 0
    for code, chunk in diffs:
        op = _OPS[code]
        di = len(chunk) if op != "insert" else 0
        dj = len(chunk) if op != "delete" else 0
        runs.append((op, i, i + di, j, j + dj))
        i, j = i + di, j + dj
    return runs


def _char(index: int) -> str:
    code = _FIRST + index
    if code >= _SURROGATES.start:
        code += len(_SURROGATES)
    return chr(code)


def _difflib_runs(old: Sequence[Hashable], new: Sequence[Hashable]) -> list[Run]:
    runs: list[Run] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("equal", i1, i2, j1, j2))
        else:
            if i2 > i1:
                runs.append(("delete", i1, i2, j1, j1))
            if j2 > j1:
                runs.append(("insert", i2, i2, j1, j2))
    return runs
