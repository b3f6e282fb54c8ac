"""How alignment time and memory grow with the number of articles.

Run by hand: ``python bench/bench_align.py [--sizes 100 500 2000 5000]``. Each size builds a
draft of that many articles and a later draft with an article inserted near the start (so every
later number shifts), some articles edited, moved, split and deleted, then times ``align``.
Prints time, peak memory and the growth from the second size to the last.
"""

from __future__ import annotations

import argparse
import random
import time
import tracemalloc

import treatydiff as td

SYLLABLES = (
    "ba be bi bo da de di do ka ke ko la le li lo ma me mi mo na ne ni no ra re ri ro".split()
)


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def _article(rng: random.Random) -> tuple[str, list[str]]:
    topic = [_word(rng) for _ in range(8)]
    paragraphs = [
        "Each State Party shall adopt such measures as may be necessary to "
        + " ".join(rng.choice(topic) for _ in range(rng.randint(10, 30)))
        + "."
        for _ in range(rng.randint(1, 3))
    ]
    return " ".join(topic[:2]).capitalize(), paragraphs


def _render(articles: list[tuple[str, list[str]]]) -> str:
    lines = ["Generated code", "", "The States Parties,", ""]
    for num, (heading, paragraphs) in enumerate(articles, start=1):
        lines += [f"Article {num}", heading, ""]
        lines += [f"{i}. {p}\n" for i, p in enumerate(paragraphs, start=1)]
    return "\n".join(lines)


def drafts(size: int, seed: int = 1) -> tuple[td.Draft, td.Draft]:
    """A draft of *size* articles and a revised copy with realistic edits."""
    rng = random.Random(seed)
    old = [_article(rng) for _ in range(size)]
    new = list(old)
    new.insert(2, _article(rng))
    for _ in range(max(1, size // 20)):
        index = rng.randrange(len(new))
        heading, paragraphs = new[index]
        new[index] = (heading, [*paragraphs, "Such measures shall be subject to judicial review."])
    for _ in range(max(1, size // 100)):
        new.insert(rng.randrange(len(new)), new.pop(rng.randrange(len(new))))
        del new[rng.randrange(len(new))]
    return td.loads(_render(old), label="old"), td.loads(_render(new), label="new")


def measure(size: int) -> tuple[float, float]:
    """(seconds, peak MiB) of aligning two drafts of *size* articles."""
    old, new = drafts(size)
    start = time.perf_counter()
    td.align(old, new)
    seconds = time.perf_counter() - start
    tracemalloc.start()
    td.align(old, new)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 2**20


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 2000, 5000])
    args = parser.parse_args(argv)
    print(f"{'articles':>8} {'seconds':>9} {'peak MiB':>9}")
    results = []
    for size in args.sizes:
        seconds, peak = measure(size)
        results.append((size, seconds))
        print(f"{size:>8} {seconds:>9.3f} {peak:>9.1f}")
    if len(results) >= 3:
        (small, t_small), (large, t_large) = results[1], results[-1]
        ratio = large / small
        print(f"growth {small} -> {large} articles ({ratio:.0f}x): {t_large / t_small:.1f}x time")


if __name__ == "__main__":
    main()
