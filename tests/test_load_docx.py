"""The Word reader: text, styles, automatic numbering, footnotes, tracked changes, hostile files."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import zipfile
from pathlib import Path
from types import ModuleType
from xml.sax.saxutils import quoteattr

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import treatydiff as td
from treatydiff.exceptions import DraftFormatError, InputTooLargeError, TreatydiffError
from treatydiff.load import docx as docx_module
from treatydiff.load.blocks import Extraction
from treatydiff.load.docx import read_docx
from treatydiff.load.patterns import layout

ROOT = Path(__file__).parents[1]
SHARED = ROOT.parent / "shared"
BUDAPEST = SHARED / "drafts" / "budapest-2001.txt"
NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _load_writer() -> ModuleType:
    # fixtures/ is not a package on sys.path; load the writer from its file.
    spec = importlib.util.spec_from_file_location("docxwriter", ROOT / "fixtures" / "docxwriter.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


write_docx = _load_writer().write_docx


# --- building small documents by hand ------------------------------------------------------


def zipped(members: dict[str, str | bytes]) -> bytes:
    """A zip archive holding *members* (text is encoded as UTF-8)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
    return buffer.getvalue()


def package(
    body: str,
    *,
    styles: str | None = None,
    numbering: str | None = None,
    footnotes: str | None = None,
    endnotes: str | None = None,
    extra: dict[str, str | bytes] | None = None,
) -> dict[str, str | bytes]:
    """The members of a .docx whose body is *body*, with the optional parts given."""
    members: dict[str, str | bytes] = {
        "[Content_Types].xml": "<Types/>",
        "word/document.xml": f"<w:document {NS}><w:body>{body}</w:body></w:document>",
    }
    for name, content in (
        ("styles", styles),
        ("numbering", numbering),
        ("footnotes", footnotes),
        ("endnotes", endnotes),
    ):
        if content is not None:
            members[f"word/{name}.xml"] = f"<w:{name} {NS}>{content}</w:{name}>"
    members.update(extra or {})
    return members


def read(body: str, **parts: str) -> Extraction:
    """Read a document built from *body* and the optional parts."""
    return read_docx(zipped(package(body, **parts)), source="test.docx")


def p(text: str = "", *, style: str | None = None, num: tuple[int, int] | None = None) -> str:
    """A paragraph with one run of *text*, a style and a numbering (numId, ilvl)."""
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    run = f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p><w:pPr>{props}</w:pPr>{run}</w:p>"


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def abstract(abstract_id: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{"".join(levels)}</w:abstractNum>'


def num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def start_override(ilvl: int, start: int) -> str:
    return f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'


def style(style_id: str, name: str, based_on: str | None = None, ppr: str = "") -> str:
    parent = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>{parent}'
        f"<w:pPr>{ppr}</w:pPr></w:style>"
    )


def numbers(extraction: Extraction) -> list[str]:
    return [block.number for block in extraction.blocks]


def lines(extraction: Extraction) -> list[str]:
    return [block.line for block in extraction.blocks]


PROVISION_LIST = abstract(
    1,
    lvl(0, "decimal", "%1."),
    lvl(1, "lowerLetter", "(%2)"),
    lvl(2, "lowerRoman", "(%3)"),
)


# --- text of paragraphs --------------------------------------------------------------------


def test_one_block_per_paragraph_in_order_with_paths() -> None:
    """Each non-empty w:p becomes a block, in order, with its element path as source."""
    extraction = read(p("First.") + p() + p("Second."))
    assert lines(extraction) == ["First.", "Second."]
    assert [b.source.path for b in extraction.blocks] == [
        "word/document.xml/w:body/w:p[1]",
        "word/document.xml/w:body/w:p[3]",
    ]


def test_special_characters_in_runs() -> None:
    """Tabs and breaks read as spaces, a no-break hyphen as '-'; soft hyphens and symbols vanish."""
    body = (
        "<w:p><w:r><w:t>cross</w:t><w:noBreakHyphen/><w:t>border</w:t><w:tab/>"
        "<w:t>infor</w:t><w:softHyphen/><w:t>mation</w:t><w:br/><w:t>end</w:t>"
        '<w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p>'
    )
    assert lines(read(body)) == ["cross-border information end"]


def test_tracked_deletions_are_listed_and_absent_from_text() -> None:
    """Deleted and moved-away text is left out of the block and listed in removed."""
    body = (
        "<w:p><w:r><w:t xml:space='preserve'>Each State Party </w:t></w:r>"
        "<w:del w:id='1' w:author='A'><w:r><w:delText>may</w:delText></w:r></w:del>"
        "<w:ins w:id='2' w:author='A'><w:r><w:t>shall</w:t></w:r></w:ins>"
        "<w:moveFrom w:id='3' w:author='A'><w:r><w:t xml:space='preserve'> promptly</w:t>"
        "</w:r></w:moveFrom>"
        "<w:r><w:t xml:space='preserve'> adopt measures</w:t></w:r>"
        "<w:moveTo w:id='4' w:author='A'><w:r><w:t xml:space='preserve'> promptly</w:t>"
        "</w:r></w:moveTo><w:r><w:t>.</w:t></w:r></w:p>"
    )
    extraction = read(body)
    assert lines(extraction) == ["Each State Party shall adopt measures promptly."]
    path = "word/document.xml/w:body/w:p[1]"
    assert [(r.kind, r.text, r.source.path) for r in extraction.removed] == [
        ("tracked-deletion", "may", path),
        ("tracked-move", "promptly", path),
    ]


def test_wholly_deleted_paragraph_gives_no_block() -> None:
    """A paragraph whose only text is a tracked deletion leaves no block behind."""
    body = p("Kept.") + "<w:p><w:del><w:r><w:delText>Gone.</w:delText></w:r></w:del></w:p>"
    extraction = read(body)
    assert lines(extraction) == ["Kept."]
    assert extraction.removed[0].text == "Gone."


def test_field_instructions_are_removed_but_results_kept() -> None:
    """A field's instructions go to removed as field-code; its displayed result stays."""
    body = (
        "<w:p><w:r><w:t xml:space='preserve'>See article </w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r>"
        "<w:r><w:instrText xml:space='preserve'> REF _Ref12 </w:instrText></w:r>"
        "<w:r><w:instrText>\\r \\h</w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>7</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
        "<w:fldSimple w:instr=' SEQ x '><w:r><w:t xml:space='preserve'> above</w:t></w:r>"
        "</w:fldSimple></w:p>"
    )
    extraction = read(body)
    assert lines(extraction) == ["See article 7 above"]
    assert [(r.kind, r.text) for r in extraction.removed] == [
        ("field-code", "REF _Ref12 \\r \\h"),
        ("field-code", "SEQ x"),
    ]


def test_paragraphs_inside_tables_are_read_in_order() -> None:
    """Paragraphs in table cells are blocks, in reading order, with their paths."""
    body = (
        p("Before.")
        + "<w:tbl><w:tr><w:tc>"
        + p("One.")
        + "</w:tc><w:tc>"
        + p("Two.")
        + p("Three.")
        + "</w:tc></w:tr></w:tbl>"
        + p("After.")
    )
    extraction = read(body)
    assert lines(extraction) == ["Before.", "One.", "Two.", "Three.", "After."]
    assert extraction.blocks[1].source.path == (
        "word/document.xml/w:body/w:tbl[1]/w:tr[1]/w:tc[1]/w:p[1]"
    )


def test_table_row_with_point_label_becomes_one_block() -> None:
    """A row whose first cell holds only "(a)" reads as the single block "(a) text"."""
    row = "<w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr>"
    body = (
        "<w:tbl>"
        + row.format(p("(a)"), p("the first case;") + p("Continued."))
        + row.format(p("(ii)"), p("the second case."))
        + row.format(p("Name"), p("Value"))
        + "</w:tbl>"
    )
    assert lines(read(body)) == [
        "(a) the first case;",
        "Continued.",
        "(ii) the second case.",
        "Name",
        "Value",
    ]


def test_text_box_content_is_listed_not_mixed_into_the_paragraph() -> None:
    """Text in a text box is not part of the anchoring paragraph's text; it is listed."""
    body = (
        "<w:p><w:r><w:t>Anchor.</w:t></w:r><w:r><w:pict><w:txbxContent>"
        + p("Boxed note.")
        + "</w:txbxContent></w:pict></w:r></w:p>"
    )
    extraction = read(body)
    assert extraction.blocks[0].text == "Anchor."
    assert ("text-box", "Boxed note.") in [(r.kind, r.text) for r in extraction.removed]


# --- styles --------------------------------------------------------------------------------


def test_heading_styles_resolved_by_name_through_based_on() -> None:
    """heading N gives level N, Title gives level 1, and a style based on a heading is one."""
    styles = (
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        "</w:style>"
        + style("T", "Title", "Normal")
        + style("H2", "Heading 2", "Normal")
        + style("ArticleHead", "Article Heading", "H2")
        + style("Loop1", "loop one", "Loop2")
        + style("Loop2", "loop two", "Loop1")
    )
    body = (
        p("Convention", style="T")
        + p("Chapter I", style="H2")
        + p("Article 1", style="ArticleHead")
        + p("Body text.")
        + p("Odd style.", style="Loop1")
    )
    extraction = read(body, styles=styles)
    assert [(b.role, b.level) for b in extraction.blocks] == [
        ("heading", 1),
        ("heading", 2),
        ("heading", 2),
        ("paragraph", 0),
        ("paragraph", 0),
    ]


def test_heading_style_ids_work_without_styles_part() -> None:
    """With no styles.xml, a style id such as Heading3 still marks a heading."""
    extraction = read(p("Article 1", style="Heading3") + p("Text.", style="BodyText"))
    assert [(b.role, b.level) for b in extraction.blocks] == [("heading", 3), ("paragraph", 0)]


def test_table_of_contents_is_removed() -> None:
    """Paragraphs in TOC styles repeat the headings, so they are listed as removed."""
    styles = style("TOC1", "toc 1") + style("Heading1", "heading 1")
    extraction = read(
        p("Article 1 – Purpose 3", style="TOC1") + p("Article 1 – Purpose", style="Heading1"),
        styles=styles,
    )
    assert lines(extraction) == ["Article 1 – Purpose"]
    assert extraction.removed[0].kind == "table-of-contents"


# --- automatic numbering -------------------------------------------------------------------


def test_numbering_renders_levels_and_resets_deeper_ones() -> None:
    """Levels "%1.", "(%2)", "(%3)" render 1., (a), (i); a new paragraph restarts its points."""
    body = (
        p("First.", num=(1, 0))
        + p("alpha;", num=(1, 1))
        + p("one;", num=(1, 2))
        + p("two;", num=(1, 2))
        + p("beta.", num=(1, 1))
        + p("Second.", num=(1, 0))
        + p("gamma.", num=(1, 1))
    )
    extraction = read(body, numbering=PROVISION_LIST + num(1, 1))
    assert lines(extraction) == [
        "1. First.",
        "(a) alpha;",
        "(i) one;",
        "(ii) two;",
        "(b) beta.",
        "2. Second.",
        "(a) gamma.",
    ]
    assert extraction.blocks[0].text == "First."


def test_article_numbering_with_start_override_restarts() -> None:
    """Level text "Article %1" gives the label; a num with a startOverride counts on its own."""
    numbering = (
        abstract(0, lvl(0, "decimal", "Article %1"))
        + num(1, 0)
        + num(2, 0)
        + num(3, 0, start_override(0, 10))
    )
    body = (
        p("Purpose", num=(1, 0))
        + p("Scope", num=(2, 0))  # another num of the same list continues its count
        + p("Jurisdiction", num=(3, 0))
        + p("Final clauses", num=(3, 0))
        + p("Use of terms", num=(1, 0))
    )
    assert numbers(read(body, numbering=numbering)) == [
        "Article 1",
        "Article 2",
        "Article 10",
        "Article 11",
        "Article 3",
    ]


def test_number_formats_and_multilevel_text() -> None:
    """Upper-case letters and roman numerals, "%1.%2", start values, bullets and none."""
    numbering = abstract(
        0,
        lvl(0, "upperRoman", "Chapter %1", start=4),
        lvl(1, "decimal", "%1.%2"),
        lvl(2, "upperLetter", "%3)", start=26),
        lvl(3, "bullet", "\u2022"),
        lvl(4, "none", ""),
    ) + num(1, 0)
    body = (
        p("Criminalization", num=(1, 0))
        + p("x", num=(1, 1))
        + p("y", num=(1, 1))
        + p("z", num=(1, 2))
        + p("zz", num=(1, 2))
        + p("bullet", num=(1, 3))
        + p("plain", num=(1, 4))
    )
    assert numbers(read(body, numbering=numbering)) == [
        "Chapter IV",
        "IV.1",
        "IV.2",
        "Z)",
        "AA)",
        "",
        "",
    ]


def test_lvl_restart_zero_keeps_counting_across_paragraphs() -> None:
    """A level with lvlRestart 0 never restarts, even after its parent level is used."""
    numbering = abstract(
        0,
        lvl(0, "decimal", "%1."),
        lvl(1, "lowerLetter", "(%2)", extra='<w:lvlRestart w:val="0"/>'),
    ) + num(1, 0)
    body = p("A.", num=(1, 0)) + p("x", num=(1, 1)) + p("B.", num=(1, 0)) + p("y", num=(1, 1))
    assert numbers(read(body, numbering=numbering)) == ["1.", "(a)", "2.", "(b)"]


def test_numbering_inherited_from_style_through_based_on() -> None:
    """A style's numPr (found through basedOn) numbers its paragraphs; numId 0 turns it off."""
    styles = style(
        "ArtBase", "article base", ppr='<w:numPr><w:numId w:val="5"/></w:numPr>'
    ) + style("Heading3", "heading 3", "ArtBase")
    numbering = abstract(0, lvl(0, "decimal", "Article %1", extra='<w:pStyle w:val="ArtBase"/>'))
    numbering += num(5, 0)
    body = (
        p("Purpose", style="Heading3")
        + p("Scope", style="Heading3")
        + '<w:p><w:pPr><w:pStyle w:val="Heading3"/><w:numPr><w:numId w:val="0"/></w:numPr>'
        "</w:pPr><w:r><w:t>Article 2 bis – Inserted</w:t></w:r></w:p>"
        + p("Jurisdiction", style="Heading3")
    )
    extraction = read(body, styles=styles, numbering=numbering)
    assert lines(extraction) == [
        "Article 1 Purpose",
        "Article 2 Scope",
        "Article 2 bis – Inserted",
        "Article 3 Jurisdiction",
    ]
    assert {b.role for b in extraction.blocks} == {"heading"}


def test_hostile_numbering_values_stay_bounded() -> None:
    """Huge start values and unknown ids give short labels, not errors or giant strings."""
    numbering = abstract(0, lvl(0, "lowerLetter", "(%1)", start=10**30)) + num(1, 0)
    body = p("x", num=(1, 0)) + p("y", num=(9, 0)) + p("z", num=(1, 7))
    assert numbers(read(body, numbering=numbering)) == ["(32767)", "", ""]


def test_numbered_paragraph_without_text_keeps_its_number() -> None:
    """An empty paragraph with an automatic number (an untitled article) is still a block."""
    numbering = abstract(0, lvl(0, "decimal", "Article %1")) + num(1, 0)
    extraction = read(p(num=(1, 0)) + p() + p("Next", num=(1, 0)), numbering=numbering)
    assert lines(extraction) == ["Article 1", "Article 2 Next"]


# --- footnotes -----------------------------------------------------------------------------


NOTES = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote>"
    '<w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
    "Proposed by one delegation.</w:t></w:r></w:p></w:footnote>"
    '<w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
    "Deleted by </w:t></w:r><w:del><w:r><w:delText>two</w:delText></w:r></w:del><w:r>"
    "<w:t>consensus.</w:t></w:r></w:p></w:footnote>"
    '<w:footnote w:id="9"><w:p><w:r><w:t>Never cited.</w:t></w:r></w:p></w:footnote>'
    '<w:footnote w:id="4"><w:p><w:r><w:t>Marked with a star.</w:t></w:r></w:p></w:footnote>'
)


def ref(note_id: int, tag: str = "footnoteReference") -> str:
    return f'<w:r><w:{tag} w:id="{note_id}"/></w:r>'


def test_footnotes_attached_and_numbered_in_order_of_citation() -> None:
    """Cited notes attach to their block, numbered 1, 2 in citation order; the rest stay loose."""
    body = (
        "<w:p><w:r><w:t>First.</w:t></w:r>" + ref(7) + "</w:p>"
        "<w:p><w:r><w:t>Second.</w:t></w:r>" + ref(3) + ref(7) + "</w:p>"
        "<w:p><w:r><w:t>Third.</w:t></w:r><w:r>"
        '<w:footnoteReference w:customMarkFollows="1" w:id="4"/><w:t>*</w:t></w:r></w:p>'
    )
    extraction = read(body, footnotes=NOTES)
    cited = [[(n.marker, n.text) for n in b.footnotes] for b in extraction.blocks]
    assert cited == [
        [("1", "Proposed by one delegation.")],
        [("2", "Deleted by consensus."), ("1", "Proposed by one delegation.")],
        [("*", "Marked with a star.")],
    ]
    assert lines(extraction) == ["First.", "Second.", "Third."]
    assert [(n.marker, n.text) for n in extraction.footnotes] == [("9", "Never cited.")]
    assert extraction.blocks[0].footnotes[0].source.path == ("word/footnotes.xml/w:footnote[3]")
    assert ("tracked-deletion", "two") in [(r.kind, r.text) for r in extraction.removed]


def test_endnotes_are_read_like_footnotes() -> None:
    """Endnote references attach endnotes from word/endnotes.xml, numbered on their own."""
    endnotes = '<w:endnote w:id="2"><w:p><w:r><w:t>An endnote.</w:t></w:r></w:p></w:endnote>'
    body = "<w:p><w:r><w:t>Text.</w:t></w:r>" + ref(2, "endnoteReference") + "</w:p>"
    block = read(body, endnotes=endnotes).blocks[0]
    assert [(n.marker, n.text, n.source.path) for n in block.footnotes] == [
        ("1", "An endnote.", "word/endnotes.xml/w:endnote[1]")
    ]


def test_reference_to_missing_footnote_is_ignored() -> None:
    """A reference to a footnote id that does not exist attaches nothing."""
    body = "<w:p><w:r><w:t>Text.</w:t></w:r>" + ref(42) + "</w:p>"
    assert read(body).blocks[0].footnotes == ()


def test_note_cited_from_an_empty_paragraph_goes_to_the_block_before() -> None:
    """A paragraph holding only a reference gives no block; its note joins the block before."""
    body = p("First.") + "<w:p>" + ref(7) + "</w:p>" + p("Second.")
    extraction = read(body, footnotes=NOTES)
    assert lines(extraction) == ["First.", "Second."]
    assert [(n.marker, n.text) for n in extraction.blocks[0].footnotes] == [
        ("1", "Proposed by one delegation.")
    ]
    assert extraction.blocks[1].footnotes == ()


def test_note_cited_from_furniture_goes_to_the_block_before_or_the_draft() -> None:
    """Notes cited from furniture go to the block before, or to the loose notes if none."""
    body = (
        "<w:p><w:r><w:t>A/AC.291/22</w:t></w:r>" + ref(4) + "</w:p>"
        + p("Draft convention")
        + "<w:p><w:r><w:t>V.23-09876 (E)</w:t></w:r>" + ref(7) + "</w:p>"
    )  # fmt: skip
    extraction = read(body, footnotes=NOTES)
    assert lines(extraction) == ["Draft convention"]
    assert [(n.marker, n.text) for n in extraction.blocks[0].footnotes] == [
        ("2", "Proposed by one delegation.")
    ]
    assert [(n.marker, n.text) for n in extraction.footnotes] == [
        ("1", "Marked with a star."),
        ("3", "Deleted by consensus."),
        ("9", "Never cited."),
    ]


def test_note_cited_from_an_empty_paragraph_of_a_point_row_is_kept() -> None:
    """In a row laid out as "(a)" | text, a note cited before the text joins the merged block."""
    row = "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>"
    body = p("Each Party shall:") + row.format(
        p("(a)"), "<w:p>" + ref(7) + "</w:p>" + p("act; and")
    )
    extraction = read(body, footnotes=NOTES)
    assert lines(extraction) == ["Each Party shall:", "(a) act; and"]
    assert [n.text for n in extraction.blocks[1].footnotes] == ["Proposed by one delegation."]


# --- furniture -----------------------------------------------------------------------------


def test_symbol_from_header_and_masthead_furniture_removed() -> None:
    """The document symbol comes from the page header; masthead lines in the body are removed."""
    header = f"<w:hdr {NS}>{p('A/AC.291/22/Rev.1')}</w:hdr>"
    members = package(
        p("Distr.: General") + p("Original: English") + p("Draft convention"),
        extra={"word/header1.xml": header},
    )
    extraction = read_docx(zipped(members), source="test.docx")
    assert extraction.symbol == "A/AC.291/22/Rev.1"
    assert lines(extraction) == ["Draft convention"]
    assert [r.kind for r in extraction.removed] == ["distribution", "original-language"]


def test_masthead_furniture_is_removed_with_its_kind() -> None:
    """Each paragraph that is page furniture as a whole is removed, listed with its kind."""
    body = "".join(
        p(text)
        for text in (
            "A/AC.291/22/Rev.1", "Distr.: General", "Original: English", "V.23-09876 (E)",
            "Draft convention", "*2309876*",
        )
    )  # fmt: skip
    extraction = read(body)
    assert lines(extraction) == ["Draft convention"]
    assert extraction.symbol == "A/AC.291/22/Rev.1"
    assert [(r.kind, r.text) for r in extraction.removed] == [
        ("symbol", "A/AC.291/22/Rev.1"),
        ("distribution", "Distr.: General"),
        ("original-language", "Original: English"),
        ("job-number", "V.23-09876 (E)"),
        ("barcode", "*2309876*"),
    ]


# --- errors --------------------------------------------------------------------------------


def test_not_a_zip_is_a_format_error_naming_the_file(tmp_path: Path) -> None:
    """Bytes that are not a zip archive raise DraftFormatError naming the file."""
    path = tmp_path / "old-draft.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0 an old binary .doc file")
    with pytest.raises(DraftFormatError, match=r"old-draft\.docx.*not a readable \.docx"):
        td.load(path)


def test_missing_document_part_names_it_and_says_what_to_do(tmp_path: Path) -> None:
    """An archive without word/document.xml names the part and says to re-save from Word."""
    path = tmp_path / "draft.docx"
    path.write_bytes(zipped({"word/styles.xml": f"<w:styles {NS}/>"}))
    with pytest.raises(DraftFormatError) as caught:
        td.load(path)
    message = str(caught.value)
    assert "draft.docx" in message
    assert "word/document.xml" in message
    assert "save it again" in message


def test_broken_xml_names_the_part_and_line() -> None:
    """Malformed XML in a part names that part and the line of the error."""
    members = package(p("Text."), styles="")
    members["word/styles.xml"] = "<w:styles>\n<w:style>\n</w:styles>"
    with pytest.raises(DraftFormatError) as caught:
        read_docx(zipped(members), source="broken.docx")
    assert caught.value.source == "broken.docx"
    assert caught.value.where is not None
    assert caught.value.where.startswith("word/styles.xml, line ")


def test_doctype_entity_bomb_is_rejected() -> None:
    """A part that declares a DOCTYPE (billion laughs) is rejected, naming the part."""
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        f"<w:footnotes {NS}><w:footnote w:id='1'><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p>"
        "</w:footnote></w:footnotes>"
    )
    members = package(p("Text."))
    members["word/footnotes.xml"] = bomb
    with pytest.raises(DraftFormatError, match="DOCTYPE") as caught:
        read_docx(zipped(members), source="bomb.docx")
    assert caught.value.where == "word/footnotes.xml, line 1"


def test_doctype_hidden_by_utf16_is_rejected() -> None:
    """A DOCTYPE the byte scan cannot see (a UTF-16 part) is still refused, after parsing."""
    hidden = (
        f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e "ee">]><w:footnotes {NS}/>'
    ).encode("utf-16")
    members = package(p("Text."))
    members["word/footnotes.xml"] = hidden
    with pytest.raises(DraftFormatError, match="DOCTYPE") as caught:
        read_docx(zipped(members), source="bomb.docx")
    assert caught.value.where == "word/footnotes.xml, before line 1"


def test_comments_in_a_part_are_not_text() -> None:
    """XML comments and processing instructions in a part never reach the text."""
    body = "<w:p><w:r><w:t>Kept</w:t><!-- hidden --><?pi hidden?><w:t> text.</w:t></w:r></w:p>"
    assert lines(read(body)) == ["Kept text."]


def test_too_many_members_is_too_large() -> None:
    """An archive with more than 2,000 members raises InputTooLargeError."""
    members = package(p("Text."))
    members.update({f"media/{i}.bin": b"" for i in range(2_001)})
    with pytest.raises(InputTooLargeError, match="2,000"):
        read_docx(zipped(members), source="many.docx")


def test_declared_unpacked_size_is_checked_before_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sizes the archive declares are added up before any member is unpacked."""
    monkeypatch.setattr(docx_module, "MAX_UNPACKED_BYTES", 10_000)
    members = package(p("Text."), extra={"word/media/image1.png": b"\0" * 20_000})
    with pytest.raises(InputTooLargeError, match="unpack"):
        read_docx(zipped(members), source="big.docx")


def test_unusual_compression_is_refused() -> None:
    """A part compressed with bzip2 (unbounded in one step) is refused, naming the part."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("word/document.xml", package(p("Text."))["word/document.xml"])
    with pytest.raises(DraftFormatError, match="compression") as caught:
        read_docx(buffer.getvalue(), source="odd.docx")
    assert caught.value.where == "word/document.xml"


def test_strict_open_xml_is_named() -> None:
    """A document saved as Strict Open XML gets a message saying how to re-save it."""
    strict = '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"/>'
    with pytest.raises(DraftFormatError, match="Strict Open XML"):
        read_docx(zipped({"word/document.xml": strict}), source="strict.docx")


def test_document_without_body_is_a_format_error() -> None:
    """A document.xml whose root is not a WordprocessingML document is rejected."""
    with pytest.raises(DraftFormatError, match="no WordprocessingML body"):
        read_docx(zipped({"word/document.xml": "<html/>"}), source="odd.docx")


def test_empty_document_is_an_empty_draft() -> None:
    """A document whose body has no text loads as EmptyDraftError."""
    with pytest.raises(td.EmptyDraftError):
        td.load(zipped(package(p() + p())), format="docx")


# --- never anything but TreatydiffError -------------------------------------------------------


def assert_only_treatydiff_errors(data: bytes) -> None:
    """Reading *data* either succeeds or raises a TreatydiffError."""
    with contextlib.suppress(TreatydiffError):
        read_docx(data, source="fuzz.docx")


SAMPLE = zipped(
    package(
        p("Article 1", style="Heading3", num=(1, 0))
        + "<w:p><w:r><w:t>Text</w:t></w:r>"
        + ref(1)
        + "<w:del><w:r><w:delText>x</w:delText></w:r></w:del></w:p>",
        styles=style("Heading3", "heading 3"),
        numbering=PROVISION_LIST + num(1, 1),
        footnotes='<w:footnote w:id="1"><w:p><w:r><w:t>Note.</w:t></w:r></w:p></w:footnote>',
    )
)
# The number of examples comes from the Hypothesis profile (conftest.py); these only relax timing.
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=2_000))
def test_random_bytes_raise_only_treatydiff_errors(data: bytes) -> None:
    """Arbitrary bytes never raise anything but a TreatydiffError."""
    assert_only_treatydiff_errors(data)


@FUZZ
@given(st.binary(max_size=2_000))
def test_random_bytes_after_zip_magic_raise_only_treatydiff_errors(data: bytes) -> None:
    """Bytes that start like a zip archive never raise anything but a TreatydiffError."""
    assert_only_treatydiff_errors(b"PK\x03\x04" + data)


@FUZZ
@given(st.integers(min_value=0, max_value=len(SAMPLE)))
def test_truncated_archives_raise_only_treatydiff_errors(length: int) -> None:
    """A .docx cut short anywhere never raises anything but a TreatydiffError."""
    assert_only_treatydiff_errors(SAMPLE[:length])


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(SAMPLE) - 1), st.integers(0, 255)), max_size=8))
def test_corrupted_archives_raise_only_treatydiff_errors(edits: list[tuple[int, int]]) -> None:
    """A .docx with bytes overwritten never raises anything but a TreatydiffError."""
    data = bytearray(SAMPLE)
    for position, value in edits:
        data[position] = value
    assert_only_treatydiff_errors(bytes(data))


PART_NAMES = ("document", "styles", "numbering", "footnotes", "endnotes")
PARTS = sorted(package("", styles="", numbering="", footnotes="", endnotes=""))


@FUZZ
@given(st.sets(st.sampled_from(PARTS)))
def test_archives_missing_parts_raise_only_treatydiff_errors(kept: set[str]) -> None:
    """Any subset of a .docx's parts reads, or fails with a TreatydiffError."""
    full = package(p("Text.") + p("Item", num=(1, 0)), numbering=num(1, 1), footnotes="")
    assert_only_treatydiff_errors(zipped({k: v for k, v in full.items() if k in kept}))


XML_PIECES = st.sampled_from(
    [
        "<w:p>", "</w:p>", "<w:r>", "<w:t>", "</w:t>", "text", "&amp;", "&bogus;", "<!--",
        "<![CDATA[x]]>", "<?pi x?>", '<!DOCTYPE x [<!ENTITY e "ee">]>', "&e;", "<w:numPr>",
        '<w:numId w:val="1"/>', '<w:ilvl w:val="-3"/>', '<w:ilvl w:val="x"/>', "\x00", "é",
        '<w:footnoteReference w:id="1"/>', "<w:del>", "<w:delText>", '<w:lvl w:ilvl="99">',
        '<w:start w:val="-5"/>', '<w:basedOn w:val="H"/>', '<w:style w:styleId="H">',
    ]
)  # fmt: skip


@FUZZ
@given(
    st.sampled_from(
        ["word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml"]
    ),
    st.lists(XML_PIECES, max_size=30),
    st.booleans(),
)
def test_broken_xml_parts_raise_only_treatydiff_errors(
    part: str, pieces: list[str], wrap: bool
) -> None:
    """A part replaced by broken, hostile or odd XML never raises anything but a TreatydiffError."""
    members = package(p("Text.", num=(1, 0)), styles="", numbering=PROVISION_LIST + num(1, 1))
    root = part.split("/")[1].removesuffix(".xml")
    text = "".join(pieces)
    members[part] = f"<w:{root} {NS}><w:body>{text}</w:body></w:{root}>" if wrap else text
    assert_only_treatydiff_errors(zipped(members))


TAGS = (
    "p r t del ins moveFrom moveTo delText tab br noBreakHyphen softHyphen sym pPr rPr pStyle "
    "numPr numId ilvl footnoteReference endnoteReference fldChar instrText fldSimple txbxContent "
    "tbl tr tc sdt sdtContent style name basedOn abstractNum lvl start numFmt lvlText lvlRestart "
    "num abstractNumId lvlOverride startOverride footnote endnote isLgl"
).split()
VALUES = ["0", "1", "-1", "8", "99", "x", "", "H", "heading 1", "%1.%9", "lowerLetter"]
VALUES += ["bullet", "begin", "separate", "end", "paragraph", "9" * 30, "separator"]
ATTRIBUTES = st.dictionaries(
    st.sampled_from("val id ilvl numId abstractNumId styleId type fldCharType instr".split()),
    st.sampled_from(VALUES),
    max_size=3,
)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def build(tag: str, attributes: dict[str, str], text: str, kids: list[str]) -> str:
        attrs = "".join(f" w:{name}={quoteattr(value)}" for name, value in attributes.items())
        return f"<w:{tag}{attrs}>{text}{''.join(kids)}</w:{tag}>"

    return st.builds(
        build,
        st.sampled_from(TAGS),
        ATTRIBUTES,
        st.sampled_from(["", "x", "Article 1", "(a)", " y "]),
        st.lists(children, max_size=4),
    )


WORDML_TREES = st.recursive(
    st.sampled_from(["", "<!-- a comment -->", "<?pi data?>", "<other xmlns='urn:x'/>"]),
    _element,
    max_leaves=30,
)


@FUZZ
@given(st.fixed_dictionaries({name: st.lists(WORDML_TREES, max_size=4) for name in PART_NAMES}))
def test_well_formed_but_odd_parts_raise_only_treatydiff_errors(
    trees: dict[str, list[str]],
) -> None:
    """Well-formed parts holding any mix of Word elements read, or fail with a TreatydiffError."""
    members = package("")
    for name, content in trees.items():
        inner = "".join(content)
        if name == "document":
            inner = f"<w:body>{inner}</w:body>"
        members[f"word/{name}.xml"] = f"<w:{name} {NS}>{inner}</w:{name}>"
    assert_only_treatydiff_errors(zipped(members))


@FUZZ
@given(
    st.lists(
        st.text(
            st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=40
        ),
        max_size=8,
    )
)
def test_paragraph_text_round_trips(texts: list[str]) -> None:
    """Text written into runs reads back, whitespace collapsed, or is listed as furniture."""
    escaped = [t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for t in texts]
    extraction = read("".join(p(t) for t in escaped))
    expected = [" ".join(t.split()) for t in texts]
    furniture = [r.text for r in extraction.removed]
    assert lines(extraction) == [t for t in expected if t and t not in furniture]
    assert all(layout().furniture_kind(t) for t in furniture)


# --- the writer, and reading back what it wrote ------------------------------------------------


FICTIONAL = """\
Draft Convention on Cooperation against Network Offences[^4]

Preamble

The States Parties to this Convention,

Concerned by the growth of offences committed through networks,

Have agreed as follows:

Chapter I – General provisions

Article 1 – Purpose [agreed ad referendum]

The purpose of this Convention is to promote cooperation against network offences.[^1]

Article 2 – Use of terms[^2]

For the purposes of this Convention:

(a) "Network" means any group of connected devices;

(b) "Data" means any representation of facts, including:

(i) content data; and

(ii) traffic data;

(c) "Provider" means any entity offering network services & related <services>. [pending]

Chapter II – Criminalization

Article 3 – Unauthorized access

1. Each State Party shall adopt such measures as may be necessary to establish as a criminal \
offence the access without right to a network.

2. A State Party may require that the offence be committed with [dishonest] intent.[^3]

Article 3 bis – Security research

Nothing in this Convention shall be interpreted as requiring the prosecution of good-faith \
security testing.

Article 5 – Interference with data

1. Each State Party shall establish as a criminal offence the deletion of data without right.

3. A State Party may reserve the right not to apply paragraph 1, provided that:

(a) other effective remedies are available; and

(b) the reservation is notified.

Article 6 – Signature

This Convention shall be open for signature by all States.

IN WITNESS WHEREOF, the undersigned have signed this Convention.

[^1]: Proposed by one delegation.
[^2]: Text under discussion in informal consultations.
[^3]: Two delegations asked to delete the brackets.
[^4]: Issued without formal editing.
"""


def outline(draft: td.Draft) -> dict[str, object]:
    """What a round trip must keep: structure, ids, texts, notes and footnotes."""
    return {
        "title": draft.title,
        "preamble": [(r.eid, r.marker, r.text) for p in draft.preamble for r in p.walk()],
        "divisions": [
            (d.eid, d.kind, d.num, d.label, d.heading, d.parent) for d in draft.divisions
        ],
        "articles": [
            (a.num, a.label, a.heading, a.eid, a.division, a.status, _notes(a.footnotes))
            for a in draft.articles
        ],
        "provisions": [
            (p.eid, p.kind, p.marker, p.text, p.status, _notes(p.footnotes))
            for a in draft.articles
            for p in a.iter_provisions()
        ],
        "closing": [p.text for p in draft.closing],
        "loose notes": sorted(n.text for n in draft.footnotes),
    }


def _notes(notes: tuple[td.Footnote, ...]) -> list[tuple[str, str]]:
    return [(n.marker, n.text) for n in notes]


def test_fictional_draft_round_trips_through_word() -> None:
    """A draft written as .docx loads back with the same outline, notes and footnotes."""
    source = td.loads(FICTIONAL, format="text")
    assert source.article("5").provisions  # the fixture itself parsed as intended
    loaded = td.load(write_docx(source), format="docx")
    assert outline(loaded) == outline(source)
    assert loaded.format == "docx"


def test_writer_uses_automatic_numbering_and_literal_markers() -> None:
    """Article numbers are generated (with a startOverride after a gap); odd markers are typed."""
    data = write_docx(td.loads(FICTIONAL, format="text"))
    blocks = read_docx(data, source="fictional.docx").blocks
    by_line = {b.line: b for b in blocks}
    assert by_line["Article 1 Purpose [agreed ad referendum]"].number == "Article 1"
    assert by_line["Article 5 Interference with data"].number == "Article 5"
    assert by_line["Article 3 bis – Security research"].number == ""
    assert "(a) other effective remedies are available; and" in by_line
    assert by_line["(a) other effective remedies are available; and"].number == "(a)"
    literal = next(b for b in blocks if b.text.startswith("3. A State Party"))
    assert literal.number == ""  # "3." after "1." is not what the counter gives
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = archive.read("word/document.xml").decode()
        numbering = archive.read("word/numbering.xml").decode()
    assert ">Purpose<" in document
    assert "Article 1" not in document
    assert '<w:startOverride w:val="5"/>' in numbering
    assert 'w:val="Article %1"' in numbering


def test_writer_output_is_a_deterministic_well_formed_package() -> None:
    """The .docx opens with zipfile, its parts are well-formed XML, and the bytes are stable."""
    draft = td.loads(FICTIONAL, format="text")
    data = write_docx(draft)
    assert write_docx(draft) == data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        infos = archive.infolist()
        assert [i.filename for i in infos] == sorted(i.filename for i in infos)
        assert {i.filename for i in infos} == {
            "[Content_Types].xml",
            "_rels/.rels",
            "word/_rels/document.xml.rels",
            "word/document.xml",
            "word/footnotes.xml",
            "word/numbering.xml",
            "word/styles.xml",
        }
        for info in infos:
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.compress_type == zipfile.ZIP_DEFLATED
            etree.fromstring(archive.read(info))


@pytest.mark.skipif(not BUDAPEST.exists(), reason=f"the shared drafts are absent ({BUDAPEST})")
def test_budapest_convention_round_trips_through_word() -> None:
    """The Budapest Convention written as .docx loads back with the same outline."""
    source = td.load(BUDAPEST)
    loaded = td.load(write_docx(source), format="docx")
    assert len(loaded.articles) == 48
    assert outline(loaded) == outline(source)


SERIES = sorted((ROOT / "fixtures" / "series").glob("[0-9]*.md"))


@pytest.mark.parametrize("path", SERIES, ids=[path.stem for path in SERIES])
def test_fixture_series_round_trips_through_word(path: Path) -> None:
    """Every fictional draft of the fixture series loads back from .docx with the same outline."""
    source = td.load(path)
    assert outline(td.load(write_docx(source), format="docx")) == outline(source)
