"""Plain text and Markdown: text extracted from a UN PDF, a clean text file, or Markdown.

The reader works in three passes over the lines: it sets aside page furniture (listing every line
it removes), it collects footnotes (page-bottom footnotes of a PDF extraction, or Markdown
``[^1]:`` definitions), and it joins the remaining lines into blocks, repairing hard wraps and
end-of-line hyphenation.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import attrs

from treatydiff.load.blocks import Block, Extraction
from treatydiff.load.patterns import Layout, layout
from treatydiff.model import Footnote, Removed, SourceRef

__all__ = ["read_text"]

_MD_HEADING = re.compile(r"(?P<hashes>#{1,6})\s+(?P<text>\S.*?)\s*#*\s*$")
_MD_FOOTNOTE_DEF = re.compile(r"\[\^(?P<id>[^\]\s]+)\]:\s*(?P<text>.*)$")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*)(?=\S)(?P<inner>.+?)(?<=\S)\1")
_MD_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]+)\)")
_MD_ESCAPE = re.compile(r"\\(?P<char>[\\`*_{}\[\]()#+\-.!])")
_PAGE_FOOTNOTE = re.compile(r"(?P<marker>\d{1,3}|\*{1,3})\s+(?P<text>\S.*)$")
_BREAKS_BEFORE_MARKER = re.compile(r"""(?:[.;:,!?\])"”’]|\b(?:and|or|and/or))\s*$""")
_HYPHENATED_END = re.compile(r"(?P<stem>[A-Za-z]+)-$")
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_PAGE_ENDS = frozenset({"page-number", "page-footer"})


@attrs.define
class _Line:
    number: int  # 1-based line in the source
    text: str
    page: int
    kind: str = "content"  # content, blank, or the kind of furniture / footnote it is
    # How the next line joins this one: " " (a wrap), "" (a word broken at a kept hyphen),
    # or "soft" (a word broken at a soft hyphen, which goes).
    join: str = " "


def read_text(text: str, *, source: str) -> Extraction:
    """Turn the text of a draft into blocks, removing and listing page furniture."""
    spec = layout()
    lines = _split_lines(text)
    removed: list[Removed] = []
    _mark_file_header(lines)
    markdown = any(_MD_HEADING.match(line.text) for line in lines if line.kind == "content") or any(
        _MD_FOOTNOTE_DEF.match(line.text) for line in lines
    )
    footnotes = _collect_markdown_footnotes(lines) if markdown else []
    _mark_furniture(lines, spec)
    symbol = next((ln.text.strip() for ln in lines if ln.kind == "symbol"), None)
    footnotes += _collect_page_footnotes(lines)
    for line in lines:
        if line.kind not in ("content", "blank", "footnote"):
            removed.append(Removed(line.kind, line.text.strip(), SourceRef(line=line.number)))
    cited: dict[int, list[Footnote]] = {}
    unattached = _attach_footnotes(lines, footnotes, cited, markdown=markdown)
    blocks = list(_join_blocks(lines, spec, cited, markdown=markdown, removed=removed))
    return Extraction(tuple(blocks), tuple(removed), tuple(unattached), symbol)


def _split_lines(text: str) -> list[_Line]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[_Line] = []
    page = 1
    for number, whole in enumerate(text.split("\n"), start=1):
        # A form feed starts a new page, even in the middle of a line.
        for index, part in enumerate(whole.split("\f")):
            page += 1 if index else 0
            if index and not part.strip():
                continue
            raw = part.replace("\u00a0", " ").rstrip()
            lines.append(_Line(number, raw, page, "content" if raw.strip() else "blank"))
    return lines


def _mark_file_header(lines: list[_Line]) -> None:
    """A block of ``# key: value`` comment lines at the top describes the file, not the treaty."""
    head = 0
    while head < len(lines) and re.match(r"#(\s|$)", lines[head].text):
        head += 1
    if head >= 2:
        for line in lines[:head]:
            line.kind = "file-header"


def _collect_markdown_footnotes(lines: list[_Line]) -> list[tuple[int, str, Footnote]]:
    found: list[tuple[int, str, Footnote]] = []
    current: list[str] | None = None
    for line in lines:
        match = _MD_FOOTNOTE_DEF.match(line.text) if line.kind == "content" else None
        if match:
            current = [match["text"].strip()]
            found.append(
                (line.page, match["id"], Footnote(match["id"], "", SourceRef(line=line.number)))
            )
            line.kind = "footnote"
            _store(found, current)
        elif current is not None and line.kind == "content" and line.text.startswith("    "):
            current.append(line.text.strip())
            line.kind = "footnote"
            _store(found, current)
        else:
            current = None
    return found


def _store(found: list[tuple[int, str, Footnote]], parts: list[str]) -> None:
    page, marker, note = found[-1]
    found[-1] = (page, marker, attrs.evolve(note, text=" ".join(parts)))


def _mark_furniture(lines: list[_Line], spec: Layout) -> None:
    for line in lines:
        if line.kind != "content":
            continue
        line.kind = spec.furniture_kind(line.text) or line.kind
    _mark_masthead(lines, spec)
    _mark_running_headers(lines, spec)


def _mark_masthead(lines: list[_Line], spec: Layout) -> None:
    """The first page opens with a masthead (committee, session, agenda item) above the title.

    Lines the vocabulary names are masthead wherever they stand before the first structural
    line; unnamed lines between two masthead lines (a committee's long name) are masthead too.
    """
    first_page = [ln for ln in lines if ln.page == lines[0].page] if lines else []
    candidates = [ln for ln in first_page[:60] if ln.kind != "blank"]
    first_masthead = last_masthead = -1
    for position, line in enumerate(candidates):
        stripped = line.text.strip()
        if spec.heading(stripped) or spec.preamble.fullmatch(stripped):
            break
        if line.kind != "content":
            last_masthead = position
            continue
        for kind, pattern in spec.masthead:
            if pattern.fullmatch(stripped):
                line.kind = kind
                last_masthead = position
                first_masthead = position if first_masthead < 0 else first_masthead
                break
    if last_masthead < 0 or not any(ln.kind == "masthead" for ln in candidates):
        return
    for line in candidates[first_masthead:last_masthead]:
        if line.kind == "content":
            line.kind = "masthead"


def _mark_running_headers(lines: list[_Line], spec: Layout) -> None:
    """A short line that recurs next to most page breaks is a running header or footer."""
    near = _near_page_boundary(lines)
    if near is None:
        return
    positions: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if line.kind == "content":
            positions.setdefault(line.text.strip(), []).append(index)
    for text, found in positions.items():
        if len(found) < 3 or len(text.split()) > 12 or spec.heading(text) or spec.marker(text):
            continue
        if sum(near[i] for i in found) >= max(3, len(found) * 4 // 5):
            for i in found:
                lines[i].kind = "running-header"


def _near_page_boundary(lines: list[_Line]) -> list[bool] | None:
    """For each line, whether it is the first or last line of text at a page boundary (a page
    number, or a form feed), with at most eight lines of furniture and blanks between; ``None``
    with fewer than 3 pages."""
    boundary = [
        line.kind in _PAGE_ENDS or (i > 0 and line.page != lines[i - 1].page)
        for i, line in enumerate(lines)
    ]
    if sum(boundary) < 3:
        return None
    near = [False] * len(lines)
    for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        texts, steps = 99, 99  # text lines and all lines since the last boundary seen
        for i in order:
            if boundary[i]:  # a page number, or the first line of a page
                texts, steps, near[i] = 0, 0, True
                continue
            steps += 1
            near[i] = near[i] or (texts == 0 and steps <= 8)
            if lines[i].kind in ("content", "footnote"):
                texts += 1
    return near


def _collect_page_footnotes(lines: list[_Line]) -> list[tuple[int, str, Footnote]]:
    """Footnotes stand below a rule (``_____``) at the foot of a page."""
    found: list[tuple[int, str, Footnote]] = []
    in_zone = False
    current: list[str] | None = None
    for index, line in enumerate(lines):
        if line.kind == "footnote-rule":
            in_zone = True
            current = None
            continue
        if (index and line.page != lines[index - 1].page) or line.kind in _PAGE_ENDS:
            in_zone = False
        if not in_zone or line.kind != "content":
            continue
        match = _PAGE_FOOTNOTE.match(line.text.strip())
        if match:
            current = [match["text"]]
            found.append(
                (
                    line.page,
                    match["marker"],
                    Footnote(match["marker"], "", SourceRef(line=line.number)),
                )
            )
        elif current is None:
            continue
        else:
            current.append(line.text.strip())
        line.kind = "footnote"
        _store(found, current)
    return found


def _attach_footnotes(
    lines: list[_Line],
    footnotes: list[tuple[int, str, Footnote]],
    cited: dict[int, list[Footnote]],
    *,
    markdown: bool,
) -> list[Footnote]:
    """Find where each footnote is cited, take the marker out of the text, and note the line.

    Markdown cites ``[^id]``; a PDF extraction glues the number to the word it follows
    (``offences2``), so there we look for it only on the footnote's own page.
    """
    unattached: list[Footnote] = []
    for page, marker, note in footnotes:
        if markdown:
            pattern = re.compile(r"\[\^" + re.escape(marker) + r"\]")
            candidates: Iterator[_Line] = (ln for ln in lines if ln.kind == "content")
        else:
            # The number follows a word, perhaps after its punctuation: "offences2", "law.]3".
            pattern = re.compile(
                r"(?<=[A-Za-z])(?P<after>[)\]”’\"'.,;:]{0,3})"
                + re.escape(marker)
                + r"(?=[\s,.;:)\]]|$)"
            )
            candidates = (ln for ln in lines if ln.kind == "content" and ln.page == page)
        for line in candidates:
            match = _citation(pattern, line.text)
            if match:
                kept = match.groupdict().get("after") or ""
                line.text = line.text[: match.start()] + kept + line.text[match.end() :]
                cited.setdefault(line.number, []).append(note)
                break
        else:
            unattached.append(note)
    return unattached


def _citation(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """Where *pattern* finds a footnote number glued to a word, the likeliest place: never inside
    a document symbol ("A/AC.291/22/Rev.1"), and right after a letter before after punctuation."""
    found = []
    for match in pattern.finditer(text):
        word = text[: match.start()].rsplit(None, 1)[-1] if text[: match.start()].strip() else ""
        if "/" not in word:
            found.append(match)
    return min(found, key=lambda m: bool(m.groupdict().get("after")), default=None)


def _join_blocks(
    lines: list[_Line],
    spec: Layout,
    cited: dict[int, list[Footnote]],
    *,
    markdown: bool,
    removed: list[Removed],
) -> Iterator[Block]:
    vocabulary = _vocabulary([ln for ln in lines if ln.kind == "content"])
    current: list[_Line] = []
    gap: set[str] = set()  # kinds of the lines between this content line and the last one
    expect_heading = False
    heading_open = False

    emitted = 0

    def flush() -> Iterator[Block]:
        nonlocal current, emitted
        if current:
            yield _make_block(current, cited, markdown=markdown, removed=removed)
            current = []
            emitted += 1

    for line in lines:
        if line.kind != "content":
            gap.add(line.kind)
            continue
        stripped = line.text.strip()
        # A blank line ends a paragraph, but blank lines around a page break do not: there a
        # paragraph ends only where a sentence does.
        page_break = bool(current) and (
            line.page != current[-1].page or bool(gap & (_PAGE_ENDS | {"running-header", "symbol"}))
        )
        # "... referred to in" / "Article 5." is a sentence wrapped before a reference, not a
        # heading: the line before it runs on.
        wrapped = (
            bool(current) and not gap and not heading_open and not _ends_clause(current[-1].text)
        )
        if (gap and not page_break) or (page_break and _ends_sentence(current, stripped)):
            yield from flush()
            heading_open = False
        gap = set()
        md = _MD_HEADING.match(stripped) if markdown else None
        if md:
            yield from flush()
            yield _make_block([line], cited, markdown=True, removed=removed, heading=md)
            expect_heading = heading_open = False
            continue
        heading = spec.heading(stripped)
        if spec.status_only.fullmatch(stripped):
            yield from flush()
            current = [line]
            yield from flush()
            heading_open = False
            continue
        if heading and not (wrapped and not heading.heading and re.search(r"[.,;:)]$", stripped)):
            yield from flush()
            current = [line]
            yield from flush()
            expect_heading = not heading.heading
            heading_open = False
            continue
        if expect_heading:
            expect_heading = False
            if _heading_like(stripped, spec):
                yield from flush()
                current = [line]
                heading_open = True
                continue
        if heading_open:
            if stripped[:1].islower() and _heading_like(stripped, spec):
                current.append(line)
                continue
            yield from flush()
            heading_open = False
        if current and (
            (_may_break_after(current[-1].text) and _starts_block(stripped, spec))
            or _opens_recital(current, stripped, spec, first=not emitted)
        ):
            yield from flush()
        if current:
            _append_wrapped(current, line, vocabulary, spec)
        else:
            current = [line]
    yield from flush()


def _ends_clause(text: str) -> bool:
    return bool(re.search(r"[.;:!?\])]$", text))


def _ends_sentence(current: list[_Line], following: str) -> bool:
    return bool(re.search(r"[.;:]$", current[-1].text)) and not following[:1].islower()


def _starts_block(text: str, spec: Layout) -> bool:
    return bool(spec.marker(text) or spec.status_only.fullmatch(text) or spec.closing.match(text))


def _opens_recital(current: list[_Line], text: str, spec: Layout, *, first: bool) -> bool:
    """A recital ("Concerned that ...") after one that ended with a comma or semicolon, or
    after the title (PDF text extraction often drops the blank lines that set it apart)."""
    if not spec.recital_opener.match(text):
        return False
    previous = current[-1].text.rstrip()
    return previous[-1:] in ",;:" or (first and not re.search(r"[.;:,]$", previous))


def _may_break_after(previous: str) -> bool:
    return bool(_BREAKS_BEFORE_MARKER.search(previous))


def _heading_like(text: str, spec: Layout) -> bool:
    """A title on the line after ``Article 7``: short, unnumbered, not a sentence."""
    return (
        len(text.split()) <= 20
        and not re.search(r"[.;:,]$", text)
        and not spec.marker(text)
        and not spec.heading(text)
    )


def _vocabulary(lines: list[_Line]) -> frozenset[str]:
    """Every word the document spells out whole, to judge end-of-line hyphens by."""
    words: set[str] = set()
    for line in lines:
        text = line.text
        if text.endswith("-"):
            text = text.rsplit(None, 1)[0] if " " in text.strip() else ""
        words.update(w.lower() for w in _WORD.findall(text))
    return frozenset(words)


def _append_wrapped(
    current: list[_Line], line: _Line, vocabulary: frozenset[str], spec: Layout
) -> None:
    previous = current[-1]
    match = _HYPHENATED_END.search(previous.text)
    if match and line.text.lstrip()[:1].islower():
        stem = match["stem"]
        tail = _WORD.match(line.text.lstrip())
        rest = tail.group(0).split("-")[0] if tail else ""
        previous.join = "soft" if _is_soft_hyphen(stem, rest, vocabulary, spec) else ""
    current.append(line)


def _is_soft_hyphen(stem: str, rest: str, vocabulary: frozenset[str], spec: Layout) -> bool:
    joined = (stem + rest).lower()
    if joined in vocabulary:
        return True
    if f"{stem}-{rest}".lower() in vocabulary:
        return False
    return stem.lower() not in spec.keep_hyphen_after


def _make_block(
    lines: list[_Line],
    cited: dict[int, list[Footnote]],
    *,
    markdown: bool,
    removed: list[Removed],
    heading: re.Match[str] | None = None,
) -> Block:
    text = lines[0].text.strip()
    for previous, line in itertools.pairwise(lines):
        if previous.join == "soft":
            text = text[:-1]
        text += ("" if previous.join == "soft" else previous.join) + line.text.strip()
    text = re.sub(r"[ \t]+", " ", text).strip()
    source = SourceRef(line=lines[0].number)
    notes = tuple(note for line in lines for note in cited.get(line.number, ()))
    if heading is not None:
        text = heading["text"]
    if markdown:
        text = _strip_markdown(text, source, removed)
    if heading is not None:
        return Block(text, source, role="heading", level=len(heading["hashes"]), footnotes=notes)
    return Block(text, source, footnotes=notes)


def _strip_markdown(text: str, source: SourceRef, removed: list[Removed]) -> str:
    for link in _MD_LINK.finditer(text):
        removed.append(Removed("link-target", link["target"], source))
    text = _MD_LINK.sub(r"\g<text>", text)
    text = _MD_EMPHASIS.sub(r"\g<inner>", text)
    return _MD_ESCAPE.sub(r"\g<char>", text)
