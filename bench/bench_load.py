"""How long loading takes: a 100-article draft in each text layout, and the Budapest text.

Run by hand: ``python bench/bench_load.py [--articles 100] [--repeat 20]``. Prints one row per
input with the median time per load and the peak memory of one load. The smoke test runs it with
a small draft; figures belong in the closing note and docs, not in timed unit tests.
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc
from pathlib import Path

import treatydiff as td

ROOT = Path(__file__).resolve().parents[1]
BUDAPEST = ROOT.parent / "shared" / "drafts" / "budapest-2001.txt"

PARAGRAPH = (
    "Each State Party shall adopt such legislative and other measures as may be necessary to "
    "establish as criminal offences under its domestic law, when committed intentionally and "
    "without right, the access to the whole or any part of an information and communications "
    "technology system, subject to the conditions and safeguards provided for in article {ref}."
)


def synthetic_draft(articles: int, *, pdf_layout: bool) -> str:
    """A draft of *articles* articles of three paragraphs each, optionally laid out as a PDF
    extraction (hard wraps at 80 columns, a running symbol and page numbers every 50 lines)."""
    lines = ["Draft convention on cooperation", "", "The States Parties,", "", "Have agreed:", ""]
    for num in range(1, articles + 1):
        if num % 10 == 1:
            lines += [f"Chapter {num // 10 + 1}", "Provisions", ""]
        lines += [f"Article {num}", f"Heading of article {num}", ""]
        for para in range(1, 4):
            text = f"{para}. " + PARAGRAPH.format(ref=(num % articles) + 1)
            lines += _wrap(text) if pdf_layout else [text]
            lines.append("")
    if not pdf_layout:
        return "\n".join(lines)
    pages: list[str] = []
    for start in range(0, len(lines), 50):
        pages += ["A/AC.950/4", "", f"{start // 50 + 1}/99", "", *lines[start : start + 50]]
    return "\n".join(pages)


def _wrap(text: str, width: int = 80) -> list[str]:
    out, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) + 1 > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*out, line]


def measure(text: str, repeat: int) -> tuple[float, float, int]:
    """(median seconds, best seconds, peak bytes) of loading *text*."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        draft = td.loads(text)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    td.loads(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert draft.articles
    return statistics.median(times), min(times), peak


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    inputs = {
        f"{args.articles} articles, clean text": synthetic_draft(args.articles, pdf_layout=False),
        f"{args.articles} articles, PDF layout": synthetic_draft(args.articles, pdf_layout=True),
    }
    if BUDAPEST.exists():
        inputs["Budapest Convention (48 articles)"] = BUDAPEST.read_text("utf-8")
    print(f"{'input':<38} {'words':>7} {'median ms':>10} {'best ms':>8} {'peak MiB':>9}")
    for name, text in inputs.items():
        median, best, peak = measure(text, args.repeat)
        words = len(text.split())
        print(
            f"{name:<38} {words:>7} {median * 1000:>10.1f} {best * 1000:>8.1f} {peak / 2**20:>9.2f}"
        )


if __name__ == "__main__":
    main()
