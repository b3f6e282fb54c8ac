"""The HTML reader: blocks, footnotes, list numbers, layout tables, removed content and errors."""

from __future__ import annotations

import contextlib
import importlib.util
import inspect
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest
from accounting import unaccounted
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import treatydiff as td
from treatydiff.exceptions import (
    DraftFormatError,
    EmptyDraftError,
    EncodingError,
    InputTooLargeError,
    TreatydiffError,
)
from treatydiff.load.blocks import Extraction
from treatydiff.load.html import read_html

SHARED = Path(__file__).parents[1].parent / "shared"
BUDAPEST = SHARED / "drafts" / "budapest-2001.txt"
WRITER = Path(__file__).parents[1] / "fixtures" / "htmlwriter.py"


def read(html: str, source: str = "draft.html") -> Extraction:
    """Read *html* as the bytes of a UTF-8 file named *source*."""
    return read_html(html.encode("utf-8"), source=source, encoding=None)


def lines(extraction: Extraction) -> list[str]:
    """Each block as it reads on the page, generated number included."""
    return [block.line for block in extraction.blocks]


def page(body: str, head: str = "") -> str:
    """A complete HTML page around *body*."""
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


# Blocks


def test_headings_become_heading_blocks_with_their_level() -> None:
    """h1 to h6 give heading blocks at their level; p gives a paragraph."""
    result = read(page("<h1>Convention</h1><h3>Article 1</h3><h6>Note</h6><p>Text.</p>"))
    assert [(b.text, b.role, b.level) for b in result.blocks] == [
        ("Convention", "heading", 1),
        ("Article 1", "heading", 3),
        ("Note", "heading", 6),
        ("Text.", "paragraph", 0),
    ]


def test_inline_markup_is_dropped_and_its_words_kept() -> None:
    """b, i, em, span, a and a sup that cites nothing leave their words in the paragraph."""
    html = page(
        '<p>Each <b>State</b> <i>Party</i> <em>shall</em> <span class="x">adopt</span> '
        '<a href="https://example.org">measures</a> by the 1<sup>st</sup> of May.</p>'
    )
    assert lines(read(html)) == ["Each State Party shall adopt measures by the 1st of May."]


def test_line_breaks_become_spaces_and_whitespace_collapses() -> None:
    """A br inside a paragraph is a space; runs of spaces, tabs, newlines and nbsp are one."""
    html = page("<p>  Each\n\tState&nbsp;&nbsp;Party<br>shall<br/>act. </p>")
    assert lines(read(html)) == ["Each State Party shall act."]


def test_direct_text_of_a_division_and_its_paragraphs_are_separate_blocks() -> None:
    """Text standing directly in a div is a block; a p inside it is another; text after, a third."""
    html = page("<div>Before <b>the</b> text<p>Inside.</p>after it</div><section>Alone</section>")
    assert lines(read(html)) == ["Before the text", "Inside.", "after it", "Alone"]


def test_text_after_the_end_of_the_page_is_kept() -> None:
    """Text after </body></html> is shown by browsers, so it is read, not dropped."""
    html = "<html><body><p>Inside.</p></body></html>\n<p>After the end.</p>"
    assert lines(read(html)) == ["Inside.", "After the end."]


def test_blockquote_definitions_and_cells_are_blocks() -> None:
    """blockquote, dt, dd and table cells each give their own block."""
    html = page(
        "<blockquote>Quoted.</blockquote><dl><dt>Term</dt><dd>Meaning.</dd></dl>"
        "<table><tr><th>Head</th><td>Cell</td></tr></table>"
    )
    assert lines(read(html)) == ["Quoted.", "Term", "Meaning.", "Head", "Cell"]


def test_source_ref_is_the_element_path() -> None:
    """Every block's SourceRef.path leads back to the element that holds its text."""
    html = page("<div><p>One.</p><p>Two <b>bold</b>.</p></div><ul><li>Three.</li></ul>")
    result = read(html)
    tree = etree.fromstring(html.encode(), etree.HTMLParser()).getroottree()
    paths = [block.source.path for block in result.blocks]
    assert paths == ["/html/body/div/p[1]", "/html/body/div/p[2]", "/html/body/ul/li"]
    for block in result.blocks:
        found = tree.xpath(block.source.path or "")
        assert isinstance(found, list)
        (element,) = found
        assert isinstance(element, etree._Element)
        assert " ".join(str(element.xpath("string()")).split()) == block.text


# Footnotes

PANDOC = page(
    "<h3>Article 1 – Scope</h3>"
    '<p>Each State Party shall protect keepers.<a href="#fn1" class="footnote-ref" id="fnref1" '
    'role="doc-noteref"><sup>1</sup></a> It shall report.</p>'
    '<section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes">'
    "<hr /><ol>"
    '<li id="fn1"><p>Proposed by Atlantis.<a href="#fnref1" class="footnote-back" '
    'role="doc-backlink">↩︎</a></p></li>'
    '<li id="fn2"><p>Nobody cites this note.<a href="#fnref2" class="footnote-back" '
    'role="doc-backlink">↩︎</a></p></li>'
    "</ol></section>"
)


def test_pandoc_footnote_is_attached_to_the_citing_block() -> None:
    """A pandoc reference leaves the text, and its note is attached with marker and path."""
    result = read(PANDOC)
    assert lines(result) == [
        "Article 1 – Scope",
        "Each State Party shall protect keepers. It shall report.",
    ]
    (note,) = result.blocks[1].footnotes
    assert note == td.Footnote(
        "1", "Proposed by Atlantis.", td.SourceRef(path="/html/body/section/ol/li[1]")
    )


def test_footnote_text_and_back_links_never_become_blocks() -> None:
    """The notes section gives no block, and the ↩ back-link is in no text at all."""
    result = read(PANDOC)
    everything = " ".join(lines(result) + [n.text for n in result.footnotes])
    assert "Atlantis" not in " ".join(lines(result))
    assert "↩" not in everything


def test_uncited_footnote_goes_to_the_extraction() -> None:
    """A note nobody cites is kept in Extraction.footnotes, numbered from its id."""
    (note,) = read(PANDOC).footnotes
    assert (note.marker, note.text, note.source.path) == (
        "2",
        "Nobody cites this note.",
        "/html/body/section/ol/li[2]",
    )


WORD = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office">\n<head>\n'
    '<meta http-equiv=Content-Type content="text/html; charset=windows-1252">\n'
    "<style>\n<!--\n /* Font Definitions */ p.MsoNormal {margin:0cm;}\n-->\n</style>\n</head>\n"
    "<body lang=EN-GB><div class=WordSection1>\n"
    "<p class=MsoNormal>Article 2 – Use of terms<o:p></o:p></p>\n"
    "<p class=MsoNormal>“Keeper” means a person who tends a light.<a "
    'style=\'mso-footnote-id:ftn1\' href="#_ftn1" name="_ftnref1" title=""><span '
    "class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if "
    "!supportFootnotes]><span class=MsoFootnoteReference>[1]</span><![endif]></span></span></a>"
    "<o:p></o:p></p>\n</div>\n"
    "<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all>\n"
    '<hr align=left size=1 width="33%">\n<![endif]>\n'
    "<div style='mso-element:footnote' id=ftn1>\n<p class=MsoFootnoteText><a "
    'style=\'mso-footnote-id:ftn1\' href="#_ftnref1" name="_ftn1" title=""><span '
    "class=MsoFootnoteReference><span class=MsoFootnoteReference>[1]</span></span></a> Proposed "
    "by the delegation of Café Island.<o:p></o:p></p>\n</div>\n</div>\n</body>\n</html>\n"
).encode("cp1252")


def test_word_footnote_is_attached_to_the_citing_block() -> None:
    """Word's [1] reference leaves the text; its note loses the [1] back-link and is attached."""
    result = read_html(WORD, source="rev1.htm", encoding=None)
    assert lines(result) == [
        "Article 2 – Use of terms",
        "“Keeper” means a person who tends a light.",
    ]
    (note,) = result.blocks[1].footnotes
    assert note == td.Footnote(
        "1",
        "Proposed by the delegation of Café Island.",
        td.SourceRef(path="/html/body/div[2]/div"),
    )
    assert result.footnotes == ()


def test_word_style_sheet_is_removed_not_read() -> None:
    """Word's style sheet sits in the head; it is listed as removed, never read as text."""
    result = read_html(WORD, source="rev1.htm", encoding=None)
    (style,) = [item for item in result.removed if item.kind == "html-style"]
    assert "Font Definitions" in style.text
    assert style.source.path == "/html/head/style"


def test_aside_and_paragraph_footnotes_are_recognised() -> None:
    """aside.footnote and p.footnote with an id are notes; a leading <sup> label is their marker."""
    html = page(
        '<p>First<a href="#n-a">*</a> and second<a href="#n2"><sup>2</sup></a> claims.</p>'
        '<aside class="footnote" id="n-a"><p>An aside note.</p></aside>'
        '<p class="footnote" id="n2"><sup>2</sup> A paragraph note.</p>'
        '<p class="footnote" id="n3"><sup>3</sup> Uncited.</p>'
    )
    result = read(html)
    assert lines(result) == ["First and second claims."]
    assert [(n.marker, n.text) for n in result.blocks[0].footnotes] == [
        ("*", "An aside note."),
        ("2", "A paragraph note."),
    ]
    assert [(n.marker, n.text) for n in result.footnotes] == [("3", "Uncited.")]


def test_docutils_footnotes_are_recognised() -> None:
    """Sphinx/docutils notes (role doc-footnote, a label span with the back-link) are read."""
    html = page(
        '<p>Claim<a class="footnote-reference brackets" href="#id3" id="id1" role="doc-noteref">'
        '<span class="fn-bracket">[</span>1<span class="fn-bracket">]</span></a>.</p>'
        '<aside class="footnote-list brackets"><aside class="footnote brackets" id="id3" '
        'role="doc-footnote"><span class="label"><span class="fn-bracket">[</span>'
        '<a role="doc-backlink" href="#id1">1</a><span class="fn-bracket">]</span></span>'
        "<p>Docutils note.</p></aside></aside>"
    )
    result = read(html)
    assert lines(result) == ["Claim."]
    assert [(n.marker, n.text) for n in result.blocks[0].footnotes] == [("1", "Docutils note.")]


def test_reference_standing_alone_cites_the_block_before() -> None:
    """A paragraph holding nothing but a reference attaches its note to the previous block."""
    html = page(
        '<p>Text.</p><p><a href="#fn1" class="footnote-ref"><sup>1</sup></a></p>'
        '<section class="footnotes"><ol><li id="fn1"><p>Note.</p></li></ol></section>'
    )
    result = read(html)
    assert lines(result) == ["Text."]
    assert [n.text for n in result.blocks[0].footnotes] == ["Note."]


def test_footnotes_reach_the_provisions_of_the_draft() -> None:
    """Loaded as a draft, the note hangs on the provision that cites it."""
    draft = td.loads(PANDOC, format="html")
    (provision,) = draft.article("1").provisions
    assert [n.text for n in provision.footnotes] == ["Proposed by Atlantis."]
    assert [n.text for n in draft.footnotes] == ["Nobody cites this note."]


EURLEX_NOTE = (
    "Directive 2009/125/EC of the European Parliament and of the Council "
    "(OJ L 285, 31.10.2009, p. 10)."
)


@pytest.mark.parametrize(
    ("reference", "note"),
    [
        (  # EUR-Lex today: the reference points at the note's link back to it
            '<a id="ntc1-L_01" href="#ntr1-L_01">(<span class="oj-super oj-note-tag">1</span>)</a>',
            '<p class="oj-note"><a id="ntr1-L_01" href="#ntc1-L_01">(<span class="oj-super">1'
            f"</span>)</a>\u00a0\u00a0{EURLEX_NOTE}</p>",
        ),
        (  # EUR-Lex before the oj- classes
            '<a id="ntc1" href="#ntr1">(<span class="super">1</span>)</a>',
            f'<p class="note"><a id="ntr1" href="#ntc1">(<span class="super">1</span>)</a> '
            f"{EURLEX_NOTE}</p>",
        ),
        (  # the class alone, on the element the reference points at
            '<a href="#ntr1">(1)</a>',
            f'<p id="ntr1" class="oj-note">{EURLEX_NOTE}</p>',
        ),
        (  # no class at all: the note opens with a link back to the reference
            '<a id="cite-1" href="#note-1">[1]</a>',
            f'<div id="note-1"><a href="#cite-1">[1]</a> {EURLEX_NOTE}</div>',
        ),
    ],
    ids=["oj-note", "note", "class-only", "link-back-only"],
)
def test_eurlex_style_notes_are_footnotes_not_points(reference: str, note: str) -> None:
    """EUR-Lex notes, and any note linking back to its reference, are footnotes, not points."""
    html = page(
        f'<p class="oj-ti-art">Article 1</p><p class="oj-normal">Lamps shall save energy{reference}'
        f'.</p><hr class="oj-note">{note}'
    )
    result = read(html)
    assert lines(result) == ["Article 1", "Lamps shall save energy."]
    assert [(n.marker, n.text) for n in result.blocks[1].footnotes] == [("1", EURLEX_NOTE)]
    assert result.footnotes == ()
    article = td.loads(html, format="html").article("1")
    assert [(p.marker, p.text) for p in article.iter_provisions()] == [
        ("", "Lamps shall save energy.")
    ]


def test_headings_that_link_back_to_the_contents_are_not_notes() -> None:
    """A contents entry and a heading linking back to it show words, not markers: both stay text."""
    html = page(
        '<p><a id="toc-1" href="#art-1">Article 1 – Scope</a></p>'
        '<h3 id="art-1"><a href="#toc-1">Article 1 – Scope</a></h3>'
        '<p id="p-2"><a href="#toc-2">2</a> Each Party shall act.</p>'
        '<p><a id="toc-2" href="#p-2">2</a></p>'
    )
    assert lines(read(html)) == [
        "Article 1 – Scope",
        "Article 1 – Scope",
        "2 Each Party shall act.",
        "2",
    ]


def test_note_class_without_a_reference_stays_text() -> None:
    """A paragraph of class "note" that no link points at is text of the draft."""
    html = page('<p class="note" id="n1">Note: the Chair proposed this text.</p>')
    assert lines(read(html)) == ["Note: the Chair proposed this text."]


# Ordered lists


@pytest.mark.parametrize(
    ("attributes", "expected"),
    [
        ("", ["1.", "2.", "3."]),
        ('type="1"', ["1.", "2.", "3."]),
        ('type="a"', ["(a)", "(b)", "(c)"]),
        ('type="A"', ["(A)", "(B)", "(C)"]),
        ('type="i"', ["(i)", "(ii)", "(iii)"]),
        ('type="I"', ["(I)", "(II)", "(III)"]),
        ('start="8"', ["8.", "9.", "10."]),
        ('type="a" start="26"', ["(z)", "(aa)", "(ab)"]),
        ('type="i" start="4"', ["(iv)", "(v)", "(vi)"]),
        ('type="x" start="junk"', ["1.", "2.", "3."]),
    ],
)
def test_ordered_list_items_get_generated_numbers(attributes: str, expected: list[str]) -> None:
    """An <ol> item's number follows the list's type and start, as a browser shows it."""
    result = read(page(f"<ol {attributes}><li>one</li><li>two</li><li>three</li></ol>"))
    assert [block.number for block in result.blocks] == expected
    assert [block.text for block in result.blocks] == ["one", "two", "three"]


def test_item_value_resets_the_count() -> None:
    """<li value=...> sets that item's number, and the following items count on from it."""
    result = read(page('<ol type="a"><li>x</li><li value="5">y</li><li>z</li></ol>'))
    assert lines(result) == ["(a) x", "(e) y", "(f) z"]


def test_items_that_print_their_marker_get_no_generated_number() -> None:
    """An item whose text already starts with a marker keeps it and gets no second one."""
    result = read(page("<ol><li>1. Printed.</li><li>(b) Printed too.</li><li>Bare.</li></ol>"))
    assert [(b.number, b.text) for b in result.blocks] == [
        ("", "1. Printed."),
        ("", "(b) Printed too."),
        ("3.", "Bare."),
    ]


def test_unordered_list_items_get_no_number() -> None:
    """A <ul> generates bullets, not numbers."""
    result = read(page("<ul><li>one</li><li>two</li></ul>"))
    assert [block.number for block in result.blocks] == ["", ""]


def test_nested_lists_number_each_level_and_the_number_goes_to_the_first_block() -> None:
    """A loose item's number goes to its first paragraph; a nested list counts on its own."""
    html = page(
        "<ol><li><p>Each State Party shall:</p>"
        '<ol type="a"><li>adopt laws;</li><li>train keepers.</li></ol>'
        "<p>Trailing sentence.</p></li><li>Second.</li></ol>"
    )
    assert lines(read(html)) == [
        "1. Each State Party shall:",
        "(a) adopt laws;",
        "(b) train keepers.",
        "Trailing sentence.",
        "2. Second.",
    ]


def test_ordered_list_numbers_place_provisions_in_the_draft() -> None:
    """The segmenter nests generated numbers as it nests printed ones."""
    html = page(
        "<h3>Article 1 – Duties</h3><ol><li>Each State Party shall:"
        '<ol type="a"><li>adopt laws;</li><li>train keepers.</li></ol></li>'
        "<li>Second paragraph.</li></ol>"
    )
    article = td.loads(html, format="html").article("1")
    assert [(p.eid, p.marker) for p in article.iter_provisions()] == [
        ("art_1__para_1", "1."),
        ("art_1__para_1__point_a", "(a)"),
        ("art_1__para_1__point_b", "(b)"),
        ("art_1__para_2", "2."),
    ]


# Layout tables

EURLEX = page(
    '<p class="ti-art">Article 5</p><p class="sti-art">Prohibited lamps</p>'
    '<p class="normal">1.\u00a0\u00a0\u00a0The following lamps shall be prohibited:</p>'
    '<table width="100%"><col width="4%"/><col width="96%"/><tbody>'
    '<tr><td valign="top"><p class="normal">(a)</p></td>'
    '<td valign="top"><p class="normal">lamps that blind passing sailors;</p></td></tr>'
    '<tr><td valign="top"><p class="normal">(b)</p></td>'
    '<td valign="top"><p class="normal">lamps that flash in any of the following ways:</p>'
    "<table><tbody><tr><td><p>(i)</p></td><td><p>faster than once a second;</p></td></tr>"
    "<tr><td><p>(ii)</p></td><td><p>in colours other than white.</p></td></tr>"
    "</tbody></table></td></tr></tbody></table>"
    '<p class="normal">2.\u00a0\u00a0\u00a0Paragraph 1 applies at sea.</p>'
)


def test_eurlex_row_with_a_point_label_is_one_block() -> None:
    """A row whose first cell is only a point label and whose second holds text is one block."""
    assert lines(read(EURLEX)) == [
        "Article 5",
        "Prohibited lamps",
        "1. The following lamps shall be prohibited:",
        "(a) lamps that blind passing sailors;",
        "(b) lamps that flash in any of the following ways:",
        "(i) faster than once a second;",
        "(ii) in colours other than white.",
        "2. Paragraph 1 applies at sea.",
    ]


def test_eurlex_points_segment_as_points() -> None:
    """The joined label lets the segmenter nest the points under their paragraph."""
    article = td.loads(EURLEX, format="html").article("5")
    assert article.heading == "Prohibited lamps"
    assert [p.eid for p in article.iter_provisions()] == [
        "art_5__para_1",
        "art_5__para_1__point_a",
        "art_5__para_1__point_b",
        "art_5__para_1__point_b__point_i",
        "art_5__para_1__point_b__point_ii",
        "art_5__para_2",
    ]


def test_other_tables_give_one_block_per_cell() -> None:
    """A table whose first cells are not labels gives a block for every cell with text."""
    html = page(
        "<table><tr><th>State</th><th>Position</th></tr>"
        "<tr><td>Atlantis</td><td>Supports (a).</td></tr><tr><td>(c)</td><td></td></tr></table>"
    )
    assert lines(read(html)) == ["State", "Position", "Atlantis", "Supports (a).", "(c)"]


# Removed content


@pytest.mark.parametrize(
    ("element", "kind"),
    [
        ('<script>var article = "Article 99 secret";</script>', "html-script"),
        ("<style>p.secret { color: red }</style>", "html-style"),
        ("<template><p>Article 99 secret</p></template>", "html-template"),
        ("<noscript><p>Article 99 secret</p></noscript>", "html-noscript"),
        (
            '<nav><a href="#top">Article 99 secret</a> | <a href="#a2">next</a></nav>',
            "html-navigation",
        ),
    ],
)
def test_script_like_content_is_never_text_but_listed_as_removed(element: str, kind: str) -> None:
    """Code and navigation never reach a block; what they held is listed with its element."""
    result = read(page(f"<p>Before {element}after.</p>"))
    assert lines(result) == ["Before after."]
    (removed,) = result.removed
    assert removed.kind == kind
    assert "secret" in removed.text
    assert removed.source.path is not None
    assert removed.source.path.startswith("/html/body/p/")


def test_head_is_removed_with_its_title_and_scripts() -> None:
    """The head's title and scripts are listed as removed; no block comes from the head."""
    head = "<title>Rev.1 of the draft</title><script>track();</script><meta charset='utf-8'>"
    result = read(page("<p>Body.</p>", head=head))
    assert lines(result) == ["Body."]
    assert [(r.kind, r.text, r.source.path) for r in result.removed] == [
        ("html-head", "Rev.1 of the draft", "/html/head/title"),
        ("html-script", "track();", "/html/head/script"),
    ]


def test_document_symbol_is_furniture() -> None:
    """A document symbol alone in a paragraph is removed and becomes Extraction.symbol."""
    result = read(page("<p>A/AC.291/22/Rev.1</p><h1>Draft convention</h1>"))
    assert lines(result) == ["Draft convention"]
    assert result.symbol == "A/AC.291/22/Rev.1"
    assert [(r.kind, r.text) for r in result.removed] == [("symbol", "A/AC.291/22/Rev.1")]


UN_MASTHEAD = (
    "<p>A/AC.291/22/Rev.1</p><p>Distr.: General</p><p>Original: English</p>"
    "<p>V.23-09876 (E)</p><p>Draft convention on cooperation</p><h3>Article 1 – Purpose</h3>"
    "<p>This Convention promotes cooperation.</p><p>*2309876*</p>"
)


def test_masthead_furniture_is_removed_with_its_kind() -> None:
    """Every paragraph that is page furniture as a whole is listed as removed with its kind."""
    result = read(page(UN_MASTHEAD))
    assert [(r.kind, r.text) for r in result.removed] == [
        ("symbol", "A/AC.291/22/Rev.1"),
        ("distribution", "Distr.: General"),
        ("original-language", "Original: English"),
        ("job-number", "V.23-09876 (E)"),
        ("barcode", "*2309876*"),
    ]
    assert result.symbol == "A/AC.291/22/Rev.1"
    assert [r.source.path for r in result.removed][:2] == ["/html/body/p[1]", "/html/body/p[2]"]


def test_masthead_furniture_stays_out_of_the_title() -> None:
    """A UN masthead saved as HTML leaves the title alone, as it does in Word."""
    draft = td.loads(page(UN_MASTHEAD), format="html")
    assert draft.title == "Draft convention on cooperation"
    assert draft.symbol == "A/AC.291/22/Rev.1"


def test_headings_and_list_items_are_never_furniture() -> None:
    """Markup that makes a line a heading or an <ol> item says it is text, whatever it reads."""
    result = read(page("<h2>Page 3</h2><ol><li>Distr.: General</li></ol>"))
    assert lines(result) == ["Page 3", "1. Distr.: General"]
    assert result.removed == ()


def test_notes_cited_from_furniture_go_to_the_block_before() -> None:
    """A reference in a paragraph removed as furniture cites the block before, or the draft."""
    html = page(
        '<p>A/AC.291/22<a href="#fn1" class="footnote-ref"><sup>1</sup></a></p><p>Text.</p>'
        '<p>2/10<a href="#fn2" class="footnote-ref"><sup>2</sup></a></p>'
        '<section class="footnotes"><ol><li id="fn1"><p>Issued without formal editing.</p></li>'
        '<li id="fn2"><p>Proposed by Atlantis.</p></li></ol></section>'
    )
    result = read(html)
    assert lines(result) == ["Text."]
    assert [n.text for n in result.blocks[0].footnotes] == ["Proposed by Atlantis."]
    assert [n.text for n in result.footnotes] == ["Issued without formal editing."]


def test_every_word_is_in_the_draft_or_listed_as_removed() -> None:
    """Word accounting: each word of the page is in the model or in removed; none is invented."""
    html = page(
        '<nav><a href="#a1">Contents</a></nav><script>trackVisit("keepers")</script>'
        "<h1>Convention on Keepers</h1><p>Preamble</p><p>The Parties,</p>"
        "<h2>Chapter I – Scope</h2><h3>Article 1 – Purpose</h3>"
        '<p>This Convention protects keepers.<a href="#fn1" class="footnote-ref"><sup>1</sup></a>'
        "</p><ol><li>Each Party shall act;</li><li>Each Party may <b>report</b>.</li></ol>"
        "<p>Done at Reykjavik.</p>"
        '<section class="footnotes"><ol><li id="fn1"><p>Proposed by Atlantis.'
        '<a href="#fnref1" class="footnote-back">↩</a></p></li></ol></section>',
        head="<title>Keepers, revised draft</title><style>h1 { font-size: 2em }</style>",
    )
    draft = td.loads(html, format="html")
    root = etree.fromstring(html.encode(), etree.HTMLParser(encoding="utf-8"))
    words = "\n".join(str(text) for text in root.itertext())
    lost, invented = unaccounted(words, draft)
    assert not lost
    assert set(invented) <= {"1", "2"}  # the <ol> numbers, generated not printed


# Encodings


def test_meta_charset_is_honoured() -> None:
    """Bytes in the charset the page declares are decoded with it."""
    data = '<meta charset="iso-8859-1"><p>Coopération</p>'.encode("latin-1")
    assert lines(read_html(data, source="x.html", encoding=None)) == ["Coopération"]


def test_encoding_argument_overrides_the_declaration() -> None:
    """encoding= wins over a wrong <meta charset>."""
    data = '<meta charset="windows-1251"><p>Coopération</p>'.encode()
    assert lines(read_html(data, source="x.html", encoding="utf-8")) == ["Coopération"]


def test_byte_order_mark_wins() -> None:
    """A UTF-16 byte-order mark decides, whatever the page or the caller says."""
    data = '<meta charset="latin-1"><p>Coopération</p>'.encode("utf-16")
    assert lines(read_html(data, source="x.html", encoding="latin-1")) == ["Coopération"]


@pytest.mark.parametrize(
    "charset", ["no-such-charset", "utf-16", "utf-7", "zlib", "rot13", "hex", "undefined", "idna"]
)
def test_unusable_declared_charset_falls_back_to_a_guess(charset: str) -> None:
    """A declaration that is unknown, not a text encoding, or wrong is ignored for a guess."""
    data = f'<meta charset="{charset}"><p>Coopération</p>'.encode()
    assert lines(read_html(data, source="x.html", encoding=None)) == ["Coopération"]


@pytest.mark.parametrize("charset", ["unicode_escape", "punycode", "utf-8-sig", "cp037"])
def test_odd_declared_charset_never_escapes_as_a_foreign_error(charset: str) -> None:
    """Odd codecs named by a page give text or a treatydiff error, nothing else."""
    data = f'<meta charset="{charset}"><p>Coopération \\ud800 \\N{{x}}</p>'.encode()
    with contextlib.suppress(TreatydiffError):
        read_html(data, source="x.html", encoding=None)


# Errors


@pytest.mark.parametrize("data", [b"", b"  \n\t", "\ufeff  ".encode()])
def test_empty_input_raises_empty_draft_error_naming_the_source(data: bytes) -> None:
    """An empty or blank file is an EmptyDraftError naming the file and a line."""
    with pytest.raises(EmptyDraftError) as caught:
        read_html(data, source="zero.html", encoding=None)
    assert caught.value.source == "zero.html"
    assert str(caught.value).startswith("zero.html, line 1: ")


def test_body_without_text_raises_naming_the_body_element() -> None:
    """A page whose body holds only scripts is empty; the message names the body and the kinds."""
    with pytest.raises(EmptyDraftError) as caught:
        read(page("<script>app()</script><nav>Menu</nav>", head="<title>T</title>"), "app.html")
    message = str(caught.value)
    assert message.startswith("app.html, element /html/body: ")
    assert "html-script" in message
    assert "html-navigation" in message


@pytest.mark.parametrize("html", ["<!-- only a comment -->", "<title>Only a title</title>"])
def test_page_without_body_text_is_empty(html: str) -> None:
    """Comments and a head alone hold no body text."""
    with pytest.raises(EmptyDraftError) as caught:
        read(html, "bare.html")
    assert caught.value.source == "bare.html"
    assert caught.value.where is not None


def test_binary_input_is_a_format_error_naming_the_source() -> None:
    """Bytes that are not text raise a DraftFormatError (EncodingError) naming file and byte."""
    with pytest.raises(EncodingError) as caught:
        read_html(b"\x00\x01\x02\x03<p>x</p>", source="image.html", encoding=None)
    assert isinstance(caught.value, DraftFormatError)
    assert str(caught.value).startswith("image.html, byte 0: ")


def test_unknown_encoding_argument_is_an_encoding_error() -> None:
    """A misspelt encoding= raises EncodingError, not LookupError."""
    with pytest.raises(EncodingError, match="no-such"):
        read_html(b"<p>x</p>", source="x.html", encoding="no-such")


def test_nesting_past_the_parser_limit_is_input_too_large() -> None:
    """libxml2 stops at 256 levels and would drop the rest; that is an error naming the line."""
    data = b"<p>Kept.</p>\n" + b"<div>" * 300 + b"deep text" + b"</div>" * 300
    with pytest.raises(InputTooLargeError) as caught:
        read_html(data, source="deep.html", encoding=None)
    assert str(caught.value).startswith("deep.html, line 2: ")


def test_nesting_deeper_than_python_recursion_is_input_too_large() -> None:
    """Should a parser allow deeper nesting than Python can walk, the walk fails cleanly."""
    data = b"<div>" * 200 + b"deep text"
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + 120)
    try:
        with pytest.raises(InputTooLargeError, match="nested too deeply"):
            read_html(data, source="deep.html", encoding=None)
    finally:
        sys.setrecursionlimit(limit)


SAMPLES = [PANDOC.encode(), WORD, EURLEX.encode()]


@pytest.mark.parametrize(
    "data",
    [
        *SAMPLES,
        page(UN_MASTHEAD).encode(),
        page(
            "<div><p>a</p><div><p>b</p><p>c</p></div><p>d<br>e</p></div><div>f</div>"
            "<section><p>g</p></section><script>h()</script><ol><li>i</li></ol>"
        ).encode(),
    ],
    ids=["pandoc", "word", "eur-lex", "masthead", "nested"],
)
def test_every_path_is_the_one_lxml_gives(data: bytes) -> None:
    """Blocks, removed content and footnotes carry the path lxml's getpath writes."""
    result = read_html(data, source="x.html", encoding=None)
    root = etree.fromstring(data, etree.HTMLParser(remove_comments=True, remove_pis=True))
    expected = {root.getroottree().getpath(element) for element in root.iter()}
    sources = [b.source for b in result.blocks] + [r.source for r in result.removed]
    sources += [n.source for b in result.blocks for n in b.footnotes]
    sources += [n.source for n in result.footnotes]
    assert sources
    assert all(source.path in expected for source in sources)


def _seconds_to_read(paragraphs: int) -> float:
    """The fastest of three reads of a flat page of *paragraphs* sibling paragraphs."""
    data = page("".join(f"<p>Paragraph {n}.</p>" for n in range(paragraphs))).encode()
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        read_html(data, source="flat.html", encoding=None)
        timings.append(time.perf_counter() - start)
    return min(timings)


SAMPLES = [PANDOC.encode(), WORD, EURLEX.encode()]
FRAGMENTS = [
    b"<",
    b">",
    b"</",
    b"/>",
    b'"',
    b"'",
    b"&",
    b"&#",
    b"&#x110000;",
    b"<p>",
    b"</p>",
    b"<li>",
    b'<ol start="-3" type="i">',
    b'<li value="99999999999999999999">',
    b"<table><tr><td>(a)",
    b'<a href="#fn1">',
    b'<a href="#">',
    b'<li id="fn1">',
    b"<script>",
    b"<br>",
    b"\x00",
    b"\xff\xfe",
    b"\xc3",
    b"<![CDATA[",
    b"<!--",
    b'<meta charset="utf-16">',
    b"Article 1",
]


@st.composite
def mutilated_html(draw: st.DrawFn) -> bytes:
    """A sample page with slices cut out and fragments or random bytes put in."""
    data = bytearray(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(1, 8))):
        start = draw(st.integers(0, len(data)))
        end = min(len(data), start + draw(st.integers(0, 40)))
        insert = draw(st.sampled_from(FRAGMENTS) | st.binary(max_size=12))
        data[start:end] = insert
    return bytes(data)


@given(st.binary(max_size=2000))
def test_random_bytes_raise_only_treatydiff_errors(data: bytes) -> None:
    """Any bytes give an extraction or a TreatydiffError, never another exception."""
    with contextlib.suppress(TreatydiffError):
        read_html(data, source="fuzz.html", encoding=None)


@given(mutilated_html())
def test_mutilated_html_raises_only_treatydiff_errors(data: bytes) -> None:
    """Broken pages load into a draft or raise a TreatydiffError, never another exception."""
    with contextlib.suppress(TreatydiffError):
        read_html(data, source="fuzz.html", encoding=None)
    with contextlib.suppress(TreatydiffError):
        td.load(data, format="html")


TAG_SOUP = st.lists(
    st.sampled_from([fragment.decode("latin-1") for fragment in FRAGMENTS]) | st.text(max_size=6),
    max_size=60,
).map("".join)


@given(TAG_SOUP)
def test_random_tag_soup_loads_or_raises_only_treatydiff_errors(text: str) -> None:
    """treatydiff.loads(format='html') on any tag soup gives a draft or a TreatydiffError."""
    with contextlib.suppress(TreatydiffError):
        read_html(text.encode("utf-8"), source="<string>", encoding="utf-8")
    with contextlib.suppress(TreatydiffError):
        td.loads(text, format="html")


# The fixture writer


@pytest.fixture(scope="module")
def htmlwriter() -> ModuleType:
    """fixtures/htmlwriter.py, imported from its file (fixtures/ is not a package)."""
    spec = importlib.util.spec_from_file_location("htmlwriter", WRITER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FICTIONAL = """\
# Convention on the Safety of Lighthouse Keepers

Preamble

The States Parties to this Convention,

Recognizing the service that keepers render to all who travel by sea[^1],

Have agreed as follows:

## Chapter I – General provisions

### Article 1 – Purpose

The purpose of this Convention is to protect keepers & their families. [agreed ad referendum]

### Article 2 – Use of terms

For the purposes of this Convention:

(a) "lighthouse" means a tower that shows a light to guide ships <at night>;

(b) "keeper" means:

(i) a person employed to tend a lighthouse; or

(ii) a volunteer who tends a lighthouse without pay;

## Chapter II – Obligations

### Article 3 – Duties of States Parties[^2]

1. Each State Party [shall][may] ensure that every keeper has a working radio.[^3]

2. Each State Party shall endeavour to provide relief crews. [pending]

### Article 3 bis [deleted]

### Article 4 – Entry into force

This Convention shall enter into force on the ninetieth day after ratification.

IN WITNESS WHEREOF the undersigned have signed this Convention.

[^1]: Proposed by Atlantis.
[^2]: The heading is under discussion.
[^3]: Bracketed alternatives from the second reading.
[^4]: An explanatory note that no provision cites.
"""


def outline(draft: td.Draft) -> dict[str, object]:
    """Everything the round trip must keep: structure, eids, texts, statuses and footnotes."""

    def provisions(items: tuple[td.Provision, ...]) -> list[object]:
        return [
            (p.eid, p.kind, p.marker, p.text, p.status, [n.text for n in p.footnotes])
            for item in items
            for p in item.walk()
        ]

    return {
        "title": draft.title,
        "preamble_label": draft.preamble_label,
        "preamble": provisions(draft.preamble),
        "divisions": [
            (d.eid, d.kind, d.num, d.label, d.heading, d.parent, provisions(d.provisions))
            for d in draft.divisions
        ],
        "articles": [
            (a.num, a.eid, a.label, a.heading, a.division, a.status, [n.text for n in a.footnotes])
            for a in draft.articles
        ],
        "provisions": [provisions(a.provisions) for a in draft.articles],
        "closing": provisions(draft.closing),
        "footnotes": sorted(n.text for n in draft.footnotes),
    }


def test_written_fictional_draft_loads_back_to_the_same_outline(htmlwriter: ModuleType) -> None:
    """A small fictional draft survives write_html and the HTML reader unchanged in outline."""
    source = td.loads(FICTIONAL, format="markdown")
    assert len(source.articles) == 5  # the draft itself parsed as intended
    loaded = td.loads(htmlwriter.write_html(source), format="html")
    assert outline(loaded) == outline(source)


@pytest.mark.skipif(not BUDAPEST.is_file(), reason=f"shared drafts not available at {SHARED}")
def test_written_budapest_convention_loads_back_to_the_same_outline(
    htmlwriter: ModuleType,
) -> None:
    """The Budapest Convention survives write_html and the HTML reader unchanged in outline."""
    source = td.load(BUDAPEST)
    assert len(source.articles) == 48
    loaded = td.loads(htmlwriter.write_html(source), format="html")
    assert outline(loaded) == outline(source)


def test_writer_output_is_deterministic_and_escaped(htmlwriter: ModuleType) -> None:
    """The same draft gives the same page, with markup characters escaped."""
    source = td.loads(FICTIONAL, format="markdown")
    first, second = htmlwriter.write_html(source), htmlwriter.write_html(source)
    assert first == second
    assert "keepers &amp; their families. [agreed ad referendum]</p>" in first
    assert "ships &lt;at night&gt;;</p>" in first
    assert "<h2>Chapter II – Obligations</h2>" in first
    assert '<h3>Article 3 – Duties of States Parties<a href="#fn2" class="footnote-ref"' in first
    assert '<section id="footnotes" class="footnotes' in first


def test_load_reads_an_html_file_by_its_suffix(tmp_path: Path, htmlwriter: ModuleType) -> None:
    """treatydiff.load picks the HTML reader for a .html file and names the file in positions."""
    path = tmp_path / "rev1.html"
    path.write_text(htmlwriter.write_html(td.loads(FICTIONAL, format="markdown")), "utf-8")
    draft = td.load(path)
    assert (draft.format, draft.source, draft.label) == ("html", str(path), "rev1")
    assert draft.article("3 bis").deleted
    assert draft.article("2").source.path == "/html/body/h3[2]"
