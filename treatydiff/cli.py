"""The ``treatydiff`` command.

Exit codes: 0 success; 1 a treatydiff error (bad input, with a message naming the file and the
place); 2 wrong usage (argparse's own code).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from treatydiff import __version__
from treatydiff.compare import compare
from treatydiff.concerns import DEFAULT_PACK
from treatydiff.exceptions import TreatydiffError
from treatydiff.load import load
from treatydiff.model import Draft
from treatydiff.timeline import timeline

__all__ = ["main"]

EXIT_OK = 0
EXIT_ERROR = 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args, sys.stdout))
    except (TreatydiffError, FileNotFoundError) as error:
        print(f"treatydiff: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader (``| head``) has gone; stop quietly as other command-line tools do.
        sys.stderr.close()
        return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="treatydiff",
        description="Load successive drafts of a treaty and see what changed, article by article.",
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

    compare = commands.add_parser(
        "compare",
        help="compare two drafts article by article",
        description=(
            "Align two drafts, then print the alignment table and, per article, each change "
            "with its kinds and an inline word diff."
        ),
    )
    compare.add_argument("old", help="the earlier draft")
    compare.add_argument("new", help="the later draft")
    compare.add_argument("--format", choices=("text", "json"), default="text", dest="output")
    compare.add_argument(
        "--overrides", metavar="CSV", help="known correspondences: a table with columns old,new"
    )
    compare.add_argument(
        "--concerns",
        metavar="PACK",
        default=DEFAULT_PACK,
        help=f"a concern pack: a packaged name or a TOML file (default: {DEFAULT_PACK})",
    )
    compare.set_defaults(run=_compare)

    history = commands.add_parser(
        "timeline",
        help="follow every article through several drafts",
        description="Align each consecutive pair of drafts and print each article's lineage.",
    )
    history.add_argument("drafts", nargs="+", metavar="DRAFT", help="the drafts, oldest first")
    history.set_defaults(run=_timeline)

    demo = commands.add_parser(
        "demo",
        help="run on the fictional drafts shipped in fixtures/",
        description="Outline, align and follow the four fictional drafts in fixtures/series.",
    )
    demo.add_argument("--fixtures", type=Path, help="the series folder (default: the clone's)")
    demo.set_defaults(run=_demo)
    return parser


def _outline(args: argparse.Namespace, out: TextIO) -> int:
    draft = load(args.draft, label=args.label, format=args.input_format)
    if args.output == "json":
        json.dump(draft.outline(), out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(render_outline(draft))
    return EXIT_OK


def _compare(args: argparse.Namespace, out: TextIO) -> int:
    old, new = load(args.old), load(args.new)
    comparison = compare(old, new, overrides=args.overrides, concerns=args.concerns)
    if args.output == "json":
        json.dump(comparison.alignment.rows(), out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(f"{comparison.alignment.table()}\n\n{comparison.to_text()}")
    return EXIT_OK


def _timeline(args: argparse.Namespace, out: TextIO) -> int:
    result = timeline([load(path) for path in args.drafts])
    out.write(f"{result!r}\n{result.table()}\n")
    return EXIT_OK


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    folder = args.fixtures or Path(__file__).resolve().parents[1] / "fixtures" / "series"
    paths = sorted(folder.glob("[0-9][0-9]-*.md"))
    if not paths:
        raise TreatydiffError(
            "no drafts found; the demo runs from a clone of the repository "
            "(or pass --fixtures DIR with drafts named 01-*.md, 02-*.md, ...)",
            source=str(folder),
        )
    drafts = [load(path) for path in paths]
    out.write(f"treatydiff demo: {len(drafts)} fictional drafts from {folder}\n\n")
    for draft in drafts:
        out.write(
            f"  {draft.label:<16} {len(draft.articles):>3} articles, "
            f"{len(draft.divisions)} chapters, {len(draft.preamble)} recitals\n"
        )
    result = timeline(drafts)
    for alignment in result.alignments:
        out.write(f"\n{alignment!r}\n{alignment.table()}\n")
    out.write(f"\n{result!r}\n{result.table()}\n")
    return EXIT_OK


def render_outline(draft: Draft) -> str:
    """The outline as indented text: divisions, then each article with its provision count."""
    lines = [f"{draft.label}: {draft.title or '(no title)'}"]
    lines.append(
        f"  {draft.format} from {draft.source}; {len(draft.articles)} articles, "
        f"{len(draft.preamble)} preamble recitals, {len(draft.removed)} furniture lines removed"
    )
    depth = {d.eid: (depth_of(draft, d.eid)) for d in draft.divisions}
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
