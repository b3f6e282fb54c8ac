"""The ``treatydiff`` command.

Exit codes:

* 0: done;
* 1: a treatydiff error (bad input, with a message naming the file and the place);
* 2: wrong usage (argparse's own code);
* 3: ``--fail-on worsens`` was given and a change worsens a concern (or ``--fail-on any``
  and a change is tagged at all), so that other tools can gate on it.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TextIO, TypeVar

from treatydiff import __version__
from treatydiff.compare import Comparison, compare
from treatydiff.concerns import DEFAULT_PACK, load_concerns
from treatydiff.exceptions import TreatydiffError
from treatydiff.load import load
from treatydiff.model import Draft
from treatydiff.report.to_frame import CHANGE_COLUMNS
from treatydiff.report.to_json import dumps
from treatydiff.timeline import Timeline, timeline

__all__ = ["EXIT_ERROR", "EXIT_FAIL_ON", "EXIT_OK", "main"]

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_FAIL_ON = 3
DEMO_REPORT = "treatydiff-demo.html"

T = TypeVar("T")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args, sys.stdout))
    except (TreatydiffError, OSError) as error:
        if isinstance(error, BrokenPipeError):
            # The reader (``| head``) has gone; stop quietly as other command-line tools do.
            sys.stderr.close()
            return EXIT_OK
        print(f"treatydiff: error: {error}", file=sys.stderr)
        return EXIT_ERROR


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="treatydiff",
        description="Load successive drafts of a treaty and see what changed, article by article.",
        epilog="Exit codes: 0 done, 1 error, 2 usage, 3 --fail-on matched.",
    )
    parser.add_argument("--version", action="version", version=f"treatydiff {__version__}")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    outline = commands.add_parser(
        "outline", help="print the structure of a draft", description="Print a draft's structure."
    )
    outline.add_argument(
        "draft", help="the draft: .txt, .md, .html, .docx, .xml (Akoma Ntoso), .pdf"
    )
    outline.add_argument("--format", choices=("text", "json"), default="text", dest="output")
    outline.add_argument("--label", help="the draft's name in the output")
    outline.add_argument("--input-format", dest="input_format", help="override the input format")
    outline.set_defaults(run=_outline)

    comparing = commands.add_parser(
        "compare",
        help="compare two drafts article by article",
        description=(
            "Align two drafts, type each change and tag it for each concern; print a text "
            "report, or write JSON, HTML, Markdown or CSV."
        ),
    )
    comparing.add_argument("old", help="the earlier draft")
    comparing.add_argument("new", help="the later draft")
    comparing.add_argument(
        "--format",
        choices=("text", "json", "html", "md", "csv"),
        default=None,
        dest="output",
        help="text (default), json (the report other tools read), html, md or csv",
    )
    _common(comparing)
    comparing.add_argument(
        "--overrides", metavar="CSV", help="known correspondences: a table with columns old,new"
    )
    comparing.set_defaults(run=_compare)

    history = commands.add_parser(
        "timeline",
        help="follow every article through several drafts",
        description="Compare each consecutive pair of drafts and follow each article through all.",
    )
    history.add_argument("drafts", nargs="+", metavar="DRAFT", help="the drafts, oldest first")
    history.add_argument(
        "--format", choices=("text", "html", "md", "json"), default=None, dest="output",
        help="text (default), html, md, or json (one report per step)",
    )  # fmt: skip
    _common(history)
    history.set_defaults(run=_timeline)

    demo = commands.add_parser(
        "demo",
        help="run on the fictional drafts shipped in fixtures/",
        description=(
            "Compare the four fictional drafts in fixtures/series, print what changed, and write "
            f"an HTML report ({DEMO_REPORT} unless -o says otherwise)."
        ),
    )
    demo.add_argument("--fixtures", type=Path, help="the series folder (default: the clone's)")
    demo.add_argument("-o", "--output-file", dest="output_file", type=Path, help="the HTML report")
    demo.set_defaults(run=_demo)
    return parser


def _common(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "-o",
        "--output-file",
        dest="output_file",
        type=Path,
        help="write the report to this file (the format follows its suffix)",
    )
    command.add_argument(
        "--concerns",
        metavar="PACK",
        default=DEFAULT_PACK,
        help=f"a concern pack: a packaged name or a TOML file (default: {DEFAULT_PACK})",
    )
    command.add_argument(
        "--fail-on",
        choices=("worsens", "any"),
        dest="fail_on",
        help=f"exit with code {EXIT_FAIL_ON} when a change worsens a concern (or has any tag)",
    )


def _outline(args: argparse.Namespace, out: TextIO) -> int:
    draft = load(args.draft, label=args.label, format=args.input_format)
    if args.output == "json":
        json.dump(draft.outline(), out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(render_outline(draft))
    return EXIT_OK


_SUFFIX_FORMATS = {".json": "json", ".html": "html", ".htm": "html", ".md": "md", ".csv": "csv"}


def _compare(args: argparse.Namespace, out: TextIO) -> int:
    fmt = _format(args.output, args.output_file, default="text")
    pack = load_concerns(args.concerns)
    old, new = _progress([args.old, args.new], "loading", load)
    comparison = compare(old, new, overrides=args.overrides, concerns=pack)
    renderers: dict[str, Callable[[], str]] = {
        "text": lambda: f"{comparison.alignment.table()}\n\n{comparison.to_text()}",
        "json": comparison.to_json,
        "html": comparison.to_html,
        "md": comparison.to_markdown,
        "csv": lambda: comparison_csv(comparison),
    }
    _emit(renderers[fmt](), args.output_file, out)
    return _exit_code(args.fail_on, [comparison])


def _timeline(args: argparse.Namespace, out: TextIO) -> int:
    fmt = _format(args.output, args.output_file, default="text")
    pack = load_concerns(args.concerns)
    drafts = _progress(args.drafts, "loading", load)
    result = timeline(drafts, concerns=pack)
    renderers: dict[str, Callable[[], str]] = {
        "text": lambda: f"{result!r}\n{result.table()}\n" + _summaries(result),
        "html": result.to_html,
        "md": result.to_markdown,
        "json": lambda: dumps([c.to_dict() for c in result.comparisons]),
    }
    _emit(renderers[fmt](), args.output_file, out)
    return _exit_code(args.fail_on, result.comparisons)


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    folder = args.fixtures or Path(__file__).resolve().parents[1] / "fixtures" / "series"
    paths = sorted(folder.glob("[0-9][0-9]-*.md"))
    if not paths:
        raise TreatydiffError(
            "no drafts found; the demo runs from a clone of the repository "
            "(or pass --fixtures DIR with drafts named 01-*.md, 02-*.md, ...)",
            source=str(folder),
        )
    drafts = _progress(paths, "loading", load)
    out.write(f"treatydiff demo: {len(drafts)} fictional drafts from {folder}\n\n")
    for draft in drafts:
        out.write(
            f"  {draft.label:<16} {len(draft.articles):>3} articles, "
            f"{len(draft.divisions)} chapters, {len(draft.preamble)} recitals\n"
        )
    result = timeline(drafts)
    out.write(f"\n{result!r}\n{result.table()}\n{_summaries(result)}")
    report = args.output_file or Path(DEMO_REPORT)
    report.write_text(result.to_html(), "utf-8")
    out.write(f"\nThe HTML report is at {report.resolve()}\n")
    return EXIT_OK


def _summaries(result: Timeline) -> str:
    lines = ["", "Concerns, step by step (+ addresses, - worsens, ± mixed):"]
    for step, summary in result.summary().items():
        lines.append(f"  {step}")
        for concern, row in summary.items():
            counts = f"+{row['addresses']} -{row['worsens']} ±{row['mixed']}"
            lines.append(f"    {concern:<32} {counts:<12} {row['net']}")
    return "\n".join(lines) + "\n"


def comparison_csv(comparison: Comparison) -> str:
    """The comparison as CSV: one row per change and concern tag (as the DataFrame has)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CHANGE_COLUMNS)
    for change in comparison.changes:
        base = [change.id, change.old_article, change.new_article, change.old_eid, change.new_eid,
                ", ".join(change.kinds)]  # fmt: skip
        texts = [change.old_text, change.new_text]
        tags = comparison.tags_for(change)
        if not tags:
            writer.writerow([*base, "", "", "", "", "", "", *texts])
        for tag in tags:
            writer.writerow([*base, tag.concern, tag.effect, tag.confidence, tag.rationale,
                             "; ".join(tag.evidence), tag.rule, *texts])  # fmt: skip
    return buffer.getvalue()


def _format(chosen: str | None, output_file: Path | None, *, default: str) -> str:
    if chosen:
        return chosen
    if output_file is not None and output_file.suffix.lower() in _SUFFIX_FORMATS:
        return _SUFFIX_FORMATS[output_file.suffix.lower()]
    return default


def _emit(text: str, output_file: Path | None, out: TextIO) -> None:
    if output_file is None:
        out.write(text)
        return
    output_file.write_text(text, "utf-8")
    print(f"treatydiff: wrote {output_file}", file=sys.stderr)


def _exit_code(fail_on: str | None, comparisons: Iterable[Comparison]) -> int:
    tags = [tag for comparison in comparisons for tag in comparison.tags]
    if fail_on == "worsens" and any(tag.effect in ("worsens", "mixed") for tag in tags):
        return EXIT_FAIL_ON
    if fail_on == "any" and tags:
        return EXIT_FAIL_ON
    return EXIT_OK


def _progress(items: Sequence[str | Path], verb: str, work: Callable[[str | Path], T]) -> list[T]:
    """Do *work* on each item, drawing a progress bar on stderr when it is a terminal."""
    results = []
    show = sys.stderr.isatty() and len(items) > 1
    for done, item in enumerate(items, start=1):
        if show:
            bar = "#" * (20 * done // len(items))
            sys.stderr.write(f"\r[{bar:<20}] {verb} {done}/{len(items)} {Path(item).name[:40]:<40}")
            sys.stderr.flush()
        results.append(work(item))
    if show:
        sys.stderr.write("\r" + " " * 80 + "\r")
    return results


def render_outline(draft: Draft) -> str:
    """The outline as indented text: divisions, then each article with its provision count."""
    lines = [f"{draft.label}: {draft.title or '(no title)'}"]
    lines.append(
        f"  {draft.format} from {draft.source}; {len(draft.articles)} articles, "
        f"{len(draft.preamble)} preamble recitals, {len(draft.removed)} furniture lines removed"
    )
    depth = {d.eid: depth_of(draft, d.eid) for d in draft.divisions}
    by_division: dict[str | None, list[str]] = {}
    for article in draft.articles:
        count = sum(1 for _ in article.iter_provisions())
        status = f" [{', '.join(article.status)}]" if article.status else ""
        by_division.setdefault(article.division, []).append(
            f"Article {article.num:<6} {article.heading or '(no heading)'}"
            f"  ({count} provisions){status}"
        )
    for line in by_division.get(None, []):
        lines.append(f"  {line}")
    for division in draft.divisions:
        indent = "  " * (depth[division.eid] + 1)
        lines.append(f"{indent}{division.title}")
        lines.extend(f"{indent}  {line}" for line in by_division.get(division.eid, []))
    return "\n".join(lines) + "\n"


def depth_of(draft: Draft, eid: str) -> int:
    """How many divisions enclose the division *eid*."""
    parents = {d.eid: d.parent for d in draft.divisions}
    depth, parent = 0, parents.get(eid)
    while parent is not None:
        depth, parent = depth + 1, parents.get(parent)
    return depth


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
