"""treatydiff against plain word diffs, on drafts of growing size, in one run.

Run by hand: ``python bench/bench_scale.py [--sizes 10000 50000 100000] [--limit 600]``.

Each input is built from the Budapest Convention (``../shared/drafts/budapest-2001.txt``) and
the fixture series (whichever is present), replicated to about the given number of words as one
long treaty with its articles numbered on, and an edited copy: a new article near the start
(so every later number and reference shifts), modal verbs weakened, intent words dropped,
paragraphs deleted and words changed all through. Each method diffs the same pair:

* treatydiff: loading both drafts, then the full pipeline (alignment, word diffs of each aligned
  pair, classification, concern tags);
* difflib: ``SequenceMatcher`` over the words of the whole texts, as a plain script would;
* diff-match-patch: the whole texts with words encoded as characters, with its default 1 s
  timeout (after which it settles for a coarser, non-minimal diff) and with timeout 0 (a minimal
  diff, as treatydiff computes for each aligned pair);
* redlines: the ``redlines`` package's word-level redline of the whole texts, if installed.

It prints wall time, peak memory (tracemalloc, in a second run), the ratio of each method's
time to treatydiff's, and how many words the method marks as deleted or inserted: a diff that
gives up early (diff-match-patch past its timeout) is fast but marks far more text as changed
than was. A method that runs past ``--limit`` seconds is reported as such.
"""

from __future__ import annotations

import argparse
import difflib
import functools
import platform
import random
import statistics
import sys
import threading
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from diff_match_patch import diff_match_patch

import treatydiff as td
from treatydiff.references import Renumbering

ROOT = Path(__file__).resolve().parents[1]
BUDAPEST = ROOT.parent / "shared" / "drafts" / "budapest-2001.txt"
SERIES = sorted((ROOT / "fixtures" / "series").glob("[0-9][0-9]-*.md"))


def articles_of(draft: td.Draft) -> list[tuple[str, list[str]]]:
    """(heading, paragraph texts) of each article."""
    return [(a.heading, [p.full_text for p in a.provisions]) for a in draft.articles]


def source_articles() -> list[tuple[str, list[str]]]:
    drafts = [td.load(BUDAPEST)] if BUDAPEST.exists() else []
    drafts += [td.load(path) for path in SERIES]
    return [article for draft in drafts for article in articles_of(draft)]


def render(articles: list[tuple[str, list[str]]]) -> str:
    lines = [
        "Convention assembled for the benchmark",
        "",
        "The Parties,",
        "",
        "Have agreed as follows:",
        "",
    ]
    for num, (heading, paragraphs) in enumerate(articles, start=1):
        lines += [f"Article {num}", heading, ""]
        for paragraph in paragraphs:
            lines += [paragraph, ""]
    return "\n".join(lines)


def pair(words: int, seed: int = 7) -> tuple[str, str]:
    """An old text of about *words* words and a realistically edited new one."""
    source = source_articles()
    old: list[tuple[str, list[str]]] = []
    count = 0
    while count < words:
        article = source[len(old) % len(source)]
        old.append(article)
        count += len(" ".join(article[1]).split())
    rng = random.Random(seed)
    new = [(heading, list(paragraphs)) for heading, paragraphs in old]
    # As between real drafts: a third of the articles edited, a few moved or deleted, a new one
    # near the start that renumbers all the rest.
    for index in rng.sample(range(len(new)), k=max(1, len(new) // 3)):
        heading, paragraphs = new[index]
        kept = [_edited(rng, p) for p in paragraphs if rng.random() > 0.1]
        new[index] = (heading, kept or paragraphs)
    for _ in range(max(1, len(new) // 50)):
        new.insert(rng.randrange(len(new)), new.pop(rng.randrange(len(new))))
    for _ in range(max(1, len(new) // 100)):
        del new[rng.randrange(3, len(new))]
    new.insert(2, ("Respect for human rights", ["Each Party shall respect human rights."]))
    old_text, new_text = render(old), render(new)
    shift = Renumbering({str(n): str(n + 1) for n in range(3, len(old) + 1)})
    return old_text, shift(new_text)


def _edited(rng: random.Random, paragraph: str) -> str:
    """A paragraph with a modal weakened, an intent word dropped or a few words changed."""
    if rng.random() < 0.3:
        paragraph = paragraph.replace(" shall ", " may ", 1)
    if rng.random() < 0.3:
        paragraph = paragraph.replace("intentionally", "", 1)
    words = paragraph.split(" ")
    for _ in range(rng.randint(0, 3)):
        words[rng.randrange(len(words))] = rng.choice(["any", "all", "relevant", "appropriate"])
    return " ".join(words)


# Each method returns the number of words it marks as deleted or inserted.


def run_treatydiff(old: str, new: str) -> int:
    comparison = td.compare(td.loads(old, label="old"), td.loads(new, label="new"))
    return sum(
        len(edit.old.split()) + len(edit.new.split())
        for change in comparison.changes
        for edit in change.changed_edits
    )


def run_difflib(old: str, new: str) -> int:
    old_words, new_words = old.split(), new.split()
    matcher = difflib.SequenceMatcher(None, old_words, new_words)
    return sum(
        (i2 - i1) + (j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"
    )


def run_dmp(old: str, new: str, *, timeout: float = 1.0) -> int:
    codes: dict[str, str] = {}

    def encode(text: str) -> str:
        return "".join(codes.setdefault(w, chr(0x100 + len(codes))) for w in text.split())

    engine = diff_match_patch()
    engine.Diff_Timeout = timeout
    diffs = engine.diff_main(encode(old), encode(new), False)
    engine.diff_cleanupSemantic(diffs)
    return sum(len(text) for op, text in diffs if op != 0)


def run_redlines(old: str, new: str) -> int:
    from redlines import Redlines

    redline = Redlines(old, new)
    redline.output_markdown  # noqa: B018 - the redline is computed on first access
    return sum((i2 - i1) + (j2 - j1) for op, i1, i2, j1, j2 in redline.opcodes if op != "equal")


METHODS: dict[str, Callable[[str, str], int]] = {
    "treatydiff (load + compare)": run_treatydiff,
    "difflib, whole text": run_difflib,
    "diff-match-patch, 1 s timeout": run_dmp,
    "diff-match-patch, minimal": functools.partial(run_dmp, timeout=0),
    "redlines, whole text": run_redlines,
}


def timed(
    method: Callable[[str, str], int], old: str, new: str, limit: float
) -> tuple[float, int] | None:
    """Seconds the method takes and the words it marks, or None past *limit* (left to finish)."""
    result: list[tuple[float, int]] = []

    def work() -> None:
        start = time.perf_counter()
        marked = method(old, new)
        result.append((time.perf_counter() - start, marked))

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(limit)
    return result[0] if result else None


def peak(method: Callable[[str, str], int], old: str, new: str) -> float:
    tracemalloc.start()
    method(old, new)
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top / 2**20


def available(name: str) -> bool:
    if not name.startswith("redlines"):
        return True
    try:
        import redlines  # noqa: F401
    except ImportError:
        return False
    return True


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    parser.add_argument("--limit", type=float, default=600, help="seconds before giving up")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    print(f"python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    print(
        f"{'words':>8} {'method':<30} {'seconds':>9} {'peak MiB':>9} {'x treatydiff':>12}"
        f" {'words marked':>12}"
    )
    base_times: dict[int, float] = {}
    for size in args.sizes:
        old, new = pair(size)
        words = len(old.split())
        for name, method in METHODS.items():
            if not available(name):
                print(f"{words:>8} {name:<30} {'(not installed: pip install redlines)':>32}")
                continue
            runs = [timed(method, old, new, args.limit) for _ in range(args.repeat)]
            finished = [run for run in runs if run is not None]
            if len(finished) < len(runs):
                print(f"{words:>8} {name:<30} {'>' + str(int(args.limit)):>9} {'-':>9} {'-':>12}")
                continue
            seconds = statistics.median(run[0] for run in finished)
            marked = finished[0][1]
            memory = peak(method, old, new) if seconds < args.limit / 4 else float("nan")
            base = base_times.setdefault(size, seconds)
            print(
                f"{words:>8} {name:<30} {seconds:>9.2f} {memory:>9.1f} {seconds / base:>12.1f}"
                f" {marked:>12}"
            )
        sys.stdout.flush()
    if len(base_times) >= 2:
        sizes = sorted(base_times)
        growth = base_times[sizes[-1]] / base_times[sizes[0]]
        factor = sizes[-1] / sizes[0]
        print(
            f"treatydiff growth {sizes[0]} -> {sizes[-1]} words ({factor:.0f}x): {growth:.1f}x time"
        )


if __name__ == "__main__":
    main()
