"""The ``treatydiff`` command.

Exit codes: 0 success; 1 a treatydiff error (bad input, with a message naming the file and the
place); 2 wrong usage (argparse's own code).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from treatydiff import __version__
from treatydiff.exceptions import TreatydiffError
from treatydiff.load import load
from treatydiff.model import Draft

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
    return parser


def _outline(args: argparse.Namespace, out: TextIO) -> int:
    draft = load(args.draft, label=args.label, format=args.input_format)
    if args.output == "json":
        json.dump(draft.outline(), out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(render_outline(draft))
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
