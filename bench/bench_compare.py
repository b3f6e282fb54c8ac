"""The full comparison against a plain word diff of the whole text, in one run.

Run by hand: ``python bench/bench_compare.py [--repeat 5] [--draft PATH]``. Takes the Budapest
Convention (``../shared/drafts/budapest-2001.txt``; the zero draft of the fixture series where
that is absent), makes an edited copy (a new article 3 that renumbers everything after it,
modal verbs changed, a paragraph deleted, words edited), and times:

* ``td.compare`` on the two loaded drafts: alignment, word diffs, classification;
* a plain word diff of the whole text with difflib (``SequenceMatcher`` over words);
* a plain word diff of the whole text with diff-match-patch (words encoded as characters).

Loading is timed apart, since the plain diffs need no structure.
"""

from __future__ import annotations

import argparse
import difflib
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from diff_match_patch import diff_match_patch

import treatydiff as td
from treatydiff.references import Renumbering

ROOT = Path(__file__).resolve().parents[1]
BUDAPEST = ROOT.parent / "shared" / "drafts" / "budapest-2001.txt"
FALLBACK = ROOT / "fixtures" / "series" / "01-zero-draft.md"


def edited(text: str) -> str:
    """*text* with the edits a negotiation typically makes between two drafts."""
    new_article = (
        "Article 3\n\nRespect for human rights\n\nEach Party shall ensure that the measures taken "
        "under this Convention respect its obligations under international human rights law.\n\n"
    )
    # Every article from 3 on moves up by one, headings and references alike.
    text = Renumbering({str(n): str(n + 1) for n in range(3, 200)})(text)
    first = re.search(r"^Article 4$", text, flags=re.M)
    assert first is not None
    text = text[: first.start()] + new_article + text[first.start() :]
    text = text.replace("shall adopt such legislative", "may adopt such legislative", 3)
    text = text.replace("when committed intentionally", "when committed", 2)
    text = re.sub(r"\n\n2\. A Party may reserve the right[^\n]*", "", text, count=1)
    return text.replace("judicial", "independent", 2)


def words(text: str) -> list[str]:
    return text.split()


def plain_difflib(old: str, new: str) -> int:
    matcher = difflib.SequenceMatcher(None, words(old), words(new), autojunk=False)
    return sum(1 for op in matcher.get_opcodes() if op[0] != "equal")


def plain_dmp(old: str, new: str) -> int:
    codes: dict[str, str] = {}
    encode = lambda ws: "".join(codes.setdefault(w, chr(0x100 + len(codes))) for w in ws)  # noqa: E731
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    diffs = engine.diff_main(encode(words(old)), encode(words(new)), False)
    engine.diff_cleanupSemantic(diffs)
    return sum(1 for op, _ in diffs if op != 0)


def timed(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--draft", type=Path, help="the draft to edit (default: Budapest)")
    args = parser.parse_args(argv)
    path = args.draft or (BUDAPEST if BUDAPEST.exists() else FALLBACK)
    old_text = path.read_text("utf-8")
    new_text = (
        edited(old_text) if "\nArticle 3\n" in old_text else old_text.replace(" shall ", " may ", 5)
    )
    fmt = "markdown" if path.suffix == ".md" else "text"
    old, new = td.loads(old_text, format=fmt), td.loads(new_text, format=fmt)
    comparison = td.compare(old, new)
    rows = [
        (
            "load both drafts",
            timed(
                lambda: (td.loads(old_text, format=fmt), td.loads(new_text, format=fmt)),
                args.repeat,
            ),
        ),
        ("treatydiff compare", timed(lambda: td.compare(old, new), args.repeat)),
        ("plain word diff, difflib", timed(lambda: plain_difflib(old.text, new.text), args.repeat)),
        (
            "plain word diff, diff-match-patch",
            timed(lambda: plain_dmp(old.text, new.text), args.repeat),
        ),
    ]
    articles = f"{len(old.articles)} -> {len(new.articles)} articles"
    print(f"{path.name}: {len(old_text.split()):,} words, {articles}")
    print(f"compare found {len(comparison.changes)} changes; kinds: {comparison.kinds()}")
    base = rows[1][1]
    print(f"{'method':<36} {'ms':>9} {'x compare':>10}")
    for name, seconds in rows:
        print(f"{name:<36} {seconds * 1000:>9.1f} {seconds / base:>10.2f}")


if __name__ == "__main__":
    main()
