"""Akoma Ntoso XML: the reader, its defences against hostile input, and the fixture writer."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest
from accounting import unaccounted
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import treatydiff as td
from treatydiff.load.akn import MAX_DEPTH, read_akn

AKN3 = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
SHARED = Path(__file__).parents[1].parent / "shared"
BUDAPEST = SHARED / "drafts" / "budapest-2001.txt"


def _writer() -> ModuleType:
    # Loaded by path: fixtures/ is a folder of build helpers, not an installed package.
    path = Path(__file__).parents[1] / "fixtures" / "aknwriter.py"
    spec = importlib.util.spec_from_file_location("aknwriter", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


write_akn = _writer().write_akn

# A hand-written sample (not from the writer): hcontainer, intro / wrapUp, authorialNote.
SAMPLE = f"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="{AKN3}">
  <act name="convention">
    <meta>
      <identification source="#secretariat">
        <FRBRWork><FRBRthis value="/akn/un/act/convention/lighthouses"/></FRBRWork>
      </identification>
      <proprietary source="#secretariat">Prepared by the secretariat</proprietary>
    </meta>
    <preface>
      <p><docTitle>Convention on the Keeping of Lighthouses</docTitle></p>
      <p><docNumber>A/AC.999/3</docNumber></p>
    </preface>
    <preamble>
      <recitals eId="preamble__recitals">
        <heading>Preamble</heading>
        <recital eId="preamble__recital_1"><p>The States Parties to this Convention,</p></recital>
        <recital>
          <num>(b)</num>
          <p>Noting that coasts are dark<authorialNote marker="*" eId="fn_star">
            <p>Proposed by one delegation.</p></authorialNote>,</p>
        </recital>
      </recitals>
      <formula name="enactingFormula"><p>Have agreed as follows:</p></formula>
    </preamble>
    <body>
      <chapter eId="chp_1">
        <num>CHAPTER I</num>
        <heading>General provisions</heading>
        <article eId="art_1">
          <num>Article 1</num>
          <heading>Use of terms</heading>
          <intro><p>For the purposes of this Convention:</p></intro>
          <point eId="art_1__point_a">
            <num>(a)</num><content><p>"lamp" means a light;</p></content>
          </point>
          <point eId="art_1__point_b">
            <num>(b)</num><content><p>"keeper" means a person.</p></content>
          </point>
          <wrapUp><p>unless the context requires otherwise.</p></wrapUp>
        </article>
      </chapter>
      <chapter eId="chp_2">
        <num>CHAPTER II</num>
        <heading>Obligations</heading>
        <hcontainer name="crossHeading" eId="chp_2__hcontainer_1">
          <heading>Duties of keepers</heading>
          <article eId="art_7">
            <num>7</num>
            <heading>Duties<authorialNote marker="2">
              <p>Heading proposed by the Chair.</p>
            </authorialNote> [agreed ad referendum]</heading>
            <paragraph eId="art_7__para_1">
              <num>1.</num>
              <list eId="art_7__para_1__list_1">
                <intro>
                  <p>Each State Party shall<authorialNote marker="1">
                    <p>Two delegations asked to say "may".</p>
                  </authorialNote> keep:</p>
                </intro>
                <point eId="art_7__para_1__point_a">
                  <num>(a)</num><content><p>lamps lit; [agreed ad referendum]</p></content>
                </point>
                <point eId="art_7__para_1__point_b">
                  <num>(b)</num>
                  <list>
                    <intro><p>records of</p></intro>
                    <point><num>(i)</num><content><p>passing ships; and</p></content></point>
                    <point><num>(ii)</num><content><p>[severe] storms;</p></content></point>
                  </list>
                </point>
                <wrapUp><p>in accordance with its domestic law.</p></wrapUp>
              </list>
            </paragraph>
            <paragraph eId="art_7__para_2">
              <num>2.</num><content><p>Keepers shall be trained.</p></content>
            </paragraph>
          </article>
          <article>
            <num>Article 7 bis</num><heading>Lamps</heading><content><p>[deleted]</p></content>
          </article>
        </hcontainer>
      </chapter>
    </body>
    <conclusions>
      <p>IN WITNESS WHEREOF the undersigned have signed this Convention.</p>
      <p>DONE at Nowhere.</p>
    </conclusions>
  </act>
</akomaNtoso>
"""


def _sample() -> td.Draft:
    return read_akn(SAMPLE.encode("utf-8"), source="sample.xml")


def _minimal(body: str, *, namespace: str | None = AKN3) -> bytes:
    xmlns = f' xmlns="{namespace}"' if namespace else ""
    return f"<akomaNtoso{xmlns}><act><body>{body}</body></act></akomaNtoso>".encode()


ONE_ARTICLE = '<article eId="art_1"><num>Article 1</num><content><p>Text.</p></content></article>'


# -- reading a hand-written document ---------------------------------------------------------


def test_title_symbol_and_format_come_from_the_preface() -> None:
    """docTitle is the title, docNumber the symbol, and the draft says it came from AKN."""
    draft = _sample()
    assert draft.title == "Convention on the Keeping of Lighthouses"
    assert draft.symbol == "A/AC.999/3"
    assert (draft.format, draft.source) == ("akn", "sample.xml")


def test_preamble_recitals_keep_or_generate_eids() -> None:
    """Recitals and the formula become recitals; the recitals heading is the preamble label."""
    draft = _sample()
    assert draft.preamble_label == "Preamble"
    assert [(r.kind, r.eid, r.marker, r.num) for r in draft.preamble] == [
        ("recital", "preamble__recital_1", "", "1"),
        ("recital", "preamble__recital_b", "(b)", "b"),
        ("recital", "preamble__recital_3", "", "3"),
    ]
    assert draft.preamble[2].text == "Have agreed as follows:"


def test_divisions_strip_the_label_word_and_nest() -> None:
    """'CHAPTER II' gives num 'II' and label 'CHAPTER II'; an hcontainer nests in its chapter."""
    draft = _sample()
    assert [(d.kind, d.eid, d.num, d.label, d.heading, d.parent) for d in draft.divisions] == [
        ("chapter", "chp_1", "I", "CHAPTER I", "General provisions", None),
        ("chapter", "chp_2", "II", "CHAPTER II", "Obligations", None),
        ("hcontainer", "chp_2__hcontainer_1", "", "", "Duties of keepers", "chp_2"),
    ]


def test_article_numbers_labels_and_innermost_division() -> None:
    """Numbers come bare or with 'Article'; an article belongs to its innermost division."""
    draft = _sample()
    assert [(a.num, a.label, a.eid, a.division) for a in draft.articles] == [
        ("1", "Article 1", "art_1", "chp_1"),
        ("7", "Article 7", "art_7", "chp_2__hcontainer_1"),
        ("7 bis", "Article 7 bis", "art_7bis", "chp_2__hcontainer_1"),
    ]
    assert draft.article("7bis").heading == "Lamps"


def test_intro_is_the_chapeau_and_wrapup_a_text_after_the_points() -> None:
    """A paragraph's list intro is its text; points nest; the wrap-up is its last child."""
    paragraph = _sample().article("7").provisions[0]
    assert (paragraph.kind, paragraph.marker, paragraph.num) == ("paragraph", "1.", "1")
    assert paragraph.text == "Each State Party shall keep:"
    assert [(c.kind, c.eid, c.marker) for c in paragraph.children] == [
        ("subparagraph", "art_7__para_1__point_a", "(a)"),
        ("subparagraph", "art_7__para_1__point_b", "(b)"),
        ("text", "art_7__para_1__text_3", ""),
    ]
    assert paragraph.children[2].text == "in accordance with its domestic law."


def test_roman_points_under_a_lettered_point() -> None:
    """(i) and (ii) are points with generated eids under the subparagraph that holds them."""
    point_b = _sample().article("7").provisions[0].children[1]
    assert point_b.text == "records of"
    assert [(c.kind, c.eid, c.num) for c in point_b.children] == [
        ("point", "art_7__para_1__point_b__point_i", "i"),
        ("point", "art_7__para_1__point_b__point_ii", "ii"),
    ]


def test_article_level_intro_holds_the_points() -> None:
    """An article's intro is a text provision holding the points, as text drafts are read."""
    (chapeau,) = _sample().article("1").provisions
    assert (chapeau.kind, chapeau.eid, chapeau.text) == (
        "text",
        "art_1__text_1",
        "For the purposes of this Convention:",
    )
    assert [c.eid for c in chapeau.children] == [
        "art_1__point_a",
        "art_1__point_b",
        "art_1__text_1__text_3",
    ]


def test_authorial_notes_become_footnotes_not_text() -> None:
    """A note's words leave the text and become a footnote of the provision that cites it."""
    draft = _sample()
    paragraph = draft.article("7").provisions[0]
    assert [(f.marker, f.text) for f in paragraph.footnotes] == [
        ("1", 'Two delegations asked to say "may".')
    ]
    assert "delegations" not in paragraph.full_text
    recital = draft.preamble[1]
    assert recital.text == "Noting that coasts are dark,"
    assert recital.footnotes[0].marker == "*"


def test_note_in_an_article_heading_belongs_to_the_article() -> None:
    """A note in the heading is the article's footnote and leaves the heading clean."""
    article = _sample().article("7")
    assert article.heading == "Duties"
    assert [(f.marker, f.text) for f in article.footnotes] == [
        ("2", "Heading proposed by the Chair.")
    ]


def test_status_notes_become_metadata_and_brackets_are_flagged() -> None:
    """'[agreed ad referendum]' moves to status; '[...]' in the text sets the brackets flag."""
    article = _sample().article("7")
    assert article.status == ("agreed ad referendum",)
    point_a, point_b, _ = article.provisions[0].children
    assert (point_a.text, point_a.status, point_a.brackets) == (
        "lamps lit;",
        ("agreed ad referendum",),
        False,
    )
    assert point_b.children[1].brackets


def test_deleted_placeholder_is_the_articles_status() -> None:
    """An article whose only content is '[deleted]' has status 'deleted' and no provisions."""
    article = _sample().article("7 bis")
    assert article.deleted
    assert article.provisions == ()


def test_meta_is_skipped_but_recorded() -> None:
    """meta is not part of the text but is listed in removed, with its words."""
    draft = _sample()
    (meta,) = draft.removed
    assert (meta.kind, meta.text) == ("akn-meta", "Prepared by the secretariat")
    assert meta.source.path == "/akomaNtoso/act/meta"
    assert "secretariat" not in draft.text


def test_conclusions_become_the_closing() -> None:
    """Each p of the conclusions is a text provision of the closing formula."""
    closing = _sample().closing
    assert [(p.kind, p.eid) for p in closing] == [
        ("text", "conclusions__text_1"),
        ("text", "conclusions__text_2"),
    ]
    assert closing[1].text == "DONE at Nowhere."


def test_every_element_knows_its_path_and_line() -> None:
    """Source references hold a namespace-free element path and the line in the file."""
    draft = _sample()
    article = draft.article("7")
    assert article.source.path == "/akomaNtoso/act/body/chapter[2]/hcontainer/article[1]"
    assert article.source.line == SAMPLE.splitlines().index('          <article eId="art_7">') + 1
    footnote = article.provisions[0].footnotes[0]
    assert footnote.source.path is not None
    assert footnote.source.path.endswith("/list/intro/p/authorialNote")
    assert all(p.source.path and p.source.line for p in draft)


def test_blocklist_items_nest_under_the_content() -> None:
    """A content with a blockList gives the chapeau its text and the items as points."""
    body = (
        '<article eId="art_2"><num>Article 2</num><paragraph eId="art_2__para_1"><num>1.</num>'
        "<content><p>States shall:</p><blockList><item><num>(a)</num><p>act;</p></item>"
        "<item><num>(b)</num><p>report.</p></item></blockList></content></paragraph></article>"
    )
    (paragraph,) = read_akn(_minimal(body), source="x.xml").articles[0].provisions
    assert paragraph.text == "States shall:"
    assert [(c.kind, c.eid, c.text) for c in paragraph.children] == [
        ("subparagraph", "art_2__para_1__point_a", "act;"),
        ("subparagraph", "art_2__para_1__point_b", "report."),
    ]


def test_unnumbered_subparagraphs_are_text() -> None:
    """An unnumbered subparagraph is a text provision numbered by its position."""
    body = (
        '<article eId="art_3"><num>Article 3</num>'
        "<subparagraph><content><p>First.</p></content></subparagraph>"
        "<subparagraph><content><p>Second.</p></content></subparagraph></article>"
    )
    provisions = read_akn(_minimal(body), source="x.xml").articles[0].provisions
    assert [(p.kind, p.eid, p.num, p.text) for p in provisions] == [
        ("text", "art_3__text_1", "1", "First."),
        ("text", "art_3__text_2", "2", "Second."),
    ]


def test_document_collection_reads_its_first_document() -> None:
    """In a documentCollection, the first embedded act is the draft."""
    data = (
        f'<akomaNtoso xmlns="{AKN3}"><documentCollection><collectionBody>'
        f"<component><act><body>{ONE_ARTICLE}</body></act></component>"
        "<component><doc><body><article><num>99</num></article></body></doc></component>"
        "</collectionBody></documentCollection></akomaNtoso>"
    ).encode()
    assert [a.num for a in read_akn(data, source="x.xml").articles] == ["1"]


def test_notes_without_marker_are_numbered_in_document_order() -> None:
    """A note with no marker attribute is numbered by its place among the notes read so far."""
    body = (
        '<article eId="art_5"><num>Article 5</num><content><p>Keep the light'
        "<note><p>First note.</p></note> and the log<authorialNote><p>Second.</p>"
        "</authorialNote>.</p></content></article>"
    )
    (provision,) = read_akn(_minimal(body), source="x.xml").articles[0].provisions
    assert provision.text == "Keep the light and the log."
    assert [(f.marker, f.text) for f in provision.footnotes] == [
        ("1", "First note."),
        ("2", "Second."),
    ]


SUBHEADINGS = _minimal(
    "<chapter><num>CHAPTER II</num><heading>Obligations</heading>"
    "<subheading>of States Parties [agreed]</subheading>"
    '<article eId="art_7"><num>Article 7</num><heading>Duties [pending]</heading>'
    "<subheading>as proposed by the Chair<authorialNote><p>Of the second session.</p>"
    "</authorialNote> [agreed ad referendum]</subheading>"
    "<content><p>Each State Party shall keep lamps lit.</p></content></article>"
    '<article eId="art_8"><num>Article 8</num><subheading>Reporting</subheading>'
    "<content><p>Each State Party shall report.</p></content></article></chapter>"
)


def test_subheading_joins_the_heading_after_a_dash() -> None:
    """A subheading follows the heading after " – ", its status notes and notes kept apart."""
    draft = read_akn(SUBHEADINGS, source="x.xml")
    (chapter,) = draft.divisions
    assert chapter.heading == "Obligations – of States Parties [agreed]"
    seven, eight = draft.articles
    assert seven.heading == "Duties – as proposed by the Chair"
    assert seven.status == ("pending", "agreed ad referendum")
    assert [n.text for n in seven.footnotes] == ["Of the second session."]
    assert eight.heading == "Reporting"


def test_subheadings_lose_no_words() -> None:
    """Every word of a document with subheadings is in the draft."""
    draft = read_akn(SUBHEADINGS, source="x.xml")
    words = " ".join(str(text) for text in etree.fromstring(SUBHEADINGS).itertext())
    lost, invented = unaccounted(words, draft)
    assert not lost
    assert set(invented) == {"1"}  # the number given to the note, which has no marker


def test_unmodelled_parts_are_listed_as_removed() -> None:
    """Attachments and preface lines beside the title are kept in removed, not dropped."""
    data = (
        f'<akomaNtoso xmlns="{AKN3}"><act><preface><p><docTitle>Title</docTitle></p>'
        f"<p><docDate date='2024-08-08'>8 August 2024</docDate></p></preface>"
        f"<body>{ONE_ARTICLE}</body><attachments><attachment><doc name='annex'>"
        "<mainBody><p>Annex text.</p></mainBody></doc></attachment></attachments>"
        "</act></akomaNtoso>"
    ).encode()
    draft = read_akn(data, source="x.xml")
    assert draft.title == "Title"
    assert [(r.kind, r.text) for r in draft.removed] == [
        ("akn-preface", "8 August 2024"),
        ("akn-unread", "Annex text."),
    ]


@pytest.mark.parametrize(
    "namespace",
    [AKN3, f"{AKN3}/WD17", "http://www.akomantoso.org/2.0", None],
    ids=["akn-3.0", "akn-3.0-wd17", "akn-2.0", "none"],
)
def test_accepted_namespaces(namespace: str | None) -> None:
    """AKN 3.0, its working drafts, 2.0 (with id attributes) and no namespace all read alike."""
    body = '<article id="art_4"><num>Article 4</num><content><p>Text.</p></content></article>'
    draft = read_akn(_minimal(body, namespace=namespace), source="x.xml")
    assert [(a.num, a.eid) for a in draft.articles] == [("4", "art_4")]
    assert draft.articles[0].provisions[0].text == "Text."


def test_load_dispatches_xml_by_suffix_and_content(tmp_path: Path) -> None:
    """td.load picks the AKN reader from the .xml suffix, from the content, or from format=."""
    path = tmp_path / "lighthouses.xml"
    path.write_text(SAMPLE, encoding="utf-8")
    assert td.load(path).format == "akn"
    assert td.load(SAMPLE.encode()).label == "A/AC.999/3"
    assert td.loads(SAMPLE, format="akn", label="Zero").label == "Zero"


# -- errors ----------------------------------------------------------------------------------


def test_unknown_namespace_is_refused_by_name() -> None:
    """An akomaNtoso root in another namespace names the namespace found and those accepted."""
    with pytest.raises(td.DraftFormatError, match=r"x\.xml, line 1: .*urn:example.*akn/3\.0"):
        read_akn(_minimal(ONE_ARTICLE, namespace="urn:example"), source="x.xml")


def test_wrong_root_names_the_element_found_and_expected() -> None:
    """An XML file that is not AKN says which root it has and which one is expected."""
    with pytest.raises(td.DraftFormatError, match=r"x\.xml, line 2: .*<html>.*<akomaNtoso>"):
        read_akn(b"<?xml version='1.0'?>\n<html><body/></html>", source="x.xml")


def test_malformed_xml_names_line_and_column() -> None:
    """A syntax error reports lxml's line and column and what went wrong."""
    data = b"<akomaNtoso>\n  <act>\n    <body></act>\n</akomaNtoso>"
    with pytest.raises(td.DraftFormatError, match=r"x\.xml, line 3, column \d+: not well-formed"):
        read_akn(data, source="x.xml")


def test_no_articles_is_a_structure_error_naming_the_body() -> None:
    """A document with text but no article names the body element it looked in."""
    data = _minimal("<chapter><num>CHAPTER I</num><heading>Scope</heading></chapter>")
    expected = r"x\.xml, element /akomaNtoso/act/body: no <article>"
    with pytest.raises(td.DraftStructureError, match=expected):
        read_akn(data, source="x.xml")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b" \n\t",
        b"<akomaNtoso/>",
        _minimal("").replace(b"<act>", b"<act><meta><references/></meta>"),
    ],
    ids=["empty", "whitespace", "empty-root", "meta-only"],
)
def test_empty_documents(data: bytes) -> None:
    """Input without any text outside meta is an EmptyDraftError naming the source."""
    with pytest.raises(td.EmptyDraftError, match=r"^x\.xml"):
        read_akn(data, source="x.xml")


def test_root_without_a_document_names_what_it_holds() -> None:
    """An akomaNtoso holding no act, bill or doc names the elements it does hold."""
    data = f'<akomaNtoso xmlns="{AKN3}"><judgment><header>Text</header></judgment></akomaNtoso>'
    expected = r"element /akomaNtoso: <akomaNtoso> holds <judgment>"
    with pytest.raises(td.DraftFormatError, match=expected):
        read_akn(data.encode(), source="x.xml")


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE akomaNtoso [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<akomaNtoso><act><body><article><num>1</num><content><p>&lol9;</p></content></article></body></act></akomaNtoso>
"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE akomaNtoso [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<akomaNtoso><act><body><article><num>1</num><content><p>&secret;</p></content></article></body></act></akomaNtoso>
"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_doctype_is_refused_before_parsing(data: bytes) -> None:
    """Entity bombs and external entities are refused for their DOCTYPE, naming its line."""
    expected = r"x\.xml, line 2: the document declares a DOCTYPE"
    with pytest.raises(td.DraftFormatError, match=expected) as caught:
        read_akn(data, source="x.xml")
    assert "root:" not in str(caught.value)


def test_doctype_hidden_by_utf16_is_still_refused() -> None:
    """A DOCTYPE the byte scan cannot see (UTF-16) is caught after parsing, unexpanded."""
    data = XXE.decode().replace('version="1.0"', 'version="1.0" encoding="UTF-16"').encode("utf-16")
    with pytest.raises(td.DraftFormatError, match=r"x\.xml, before line 3: .*DOCTYPE"):
        read_akn(data, source="x.xml")


def test_nesting_beyond_the_limit_is_too_large() -> None:
    """Nesting deeper than MAX_DEPTH is an InputTooLargeError naming the limit and the line."""
    depth = MAX_DEPTH + 10
    data = _minimal("<article><num>1</num>" + "<p>" * depth + "</p>" * depth + "</article>")
    expected = rf"x\.xml, line 1: .*more than {MAX_DEPTH} levels"
    with pytest.raises(td.InputTooLargeError, match=expected):
        read_akn(data, source="x.xml")


def test_ten_thousand_levels_are_too_large() -> None:
    """10,000 nested elements stop in the parser with an InputTooLargeError, not a crash."""
    data = b"<akomaNtoso>" + b"<p>" * 10_000 + b"</p>" * 10_000 + b"</akomaNtoso>"
    expected = r"x\.xml, line 1, column \d+: .*levels of nesting"
    with pytest.raises(td.InputTooLargeError, match=expected):
        read_akn(data, source="x.xml")


def test_nesting_at_the_limit_is_read() -> None:
    """A document exactly MAX_DEPTH levels deep is still accepted."""
    depth = MAX_DEPTH - 6  # akomaNtoso/act/body/article/content/p hold the rest
    inner = "<b>" * depth + "deep" + "</b>" * depth
    data = _minimal(f"<article><num>1</num><content><p>{inner}</p></content></article>")
    assert read_akn(data, source="x.xml").articles[0].provisions[0].text == "deep"


@given(st.integers(min_value=MAX_DEPTH + 1, max_value=12_000))
@settings(max_examples=30)
def test_any_depth_beyond_the_limit_is_too_large(depth: int) -> None:
    """Every nesting depth beyond MAX_DEPTH is an InputTooLargeError, whoever detects it."""
    data = b"<akomaNtoso>" + b"<p>" * depth + b"</p>" * depth + b"</akomaNtoso>"
    with pytest.raises(td.InputTooLargeError, match=r"^fuzz\.xml, line 1"):
        read_akn(data, source="fuzz.xml")


def _reads_or_refuses(data: bytes) -> td.Draft | None:
    """Read *data*; a TreatydiffError is an accepted outcome, any other exception fails."""
    try:
        return read_akn(data, source="fuzz.xml")
    except td.TreatydiffError as error:
        assert str(error).startswith("fuzz.xml")
        return None


@given(st.binary(max_size=2000))
@settings(max_examples=300)
def test_random_bytes_raise_only_treatydiff_errors(data: bytes) -> None:
    """Arbitrary bytes give a draft or a TreatydiffError, never another exception."""
    _reads_or_refuses(data)


@given(st.binary(max_size=500))
@settings(max_examples=200)
def test_random_bytes_inside_an_akn_root_raise_only_treatydiff_errors(data: bytes) -> None:
    """Garbage inside a valid-looking root gives a draft or a TreatydiffError."""
    _reads_or_refuses(f'<akomaNtoso xmlns="{AKN3}"><act><body>'.encode() + data)


@given(st.data())
@settings(max_examples=100)
def test_truncated_documents_are_format_errors(data: st.DataObject) -> None:
    """Every truncation of a valid document is refused as a DraftFormatError."""
    document = SAMPLE.encode("utf-8").rstrip()
    cut = data.draw(st.integers(min_value=0, max_value=len(document) - 1))
    with pytest.raises(td.DraftFormatError):
        read_akn(document[:cut], source="fuzz.xml")


_TAGS = [
    "article", "paragraph", "subparagraph", "point", "alinea", "item", "list", "intro",
    "wrapUp", "content", "p", "num", "heading", "chapter", "part", "section", "hcontainer",
    "blockList", "listIntroduction", "authorialNote", "note", "preamble", "recital", "formula",
    "conclusions", "meta", "preface", "docTitle", "docNumber", "body", "act", "b", "unknown",
]  # fmt: skip
_WORDS = st.sampled_from(
    ["", " ", "1.", "(a)", "(i)", "ii", "Article 7 bis", "CHAPTER IV", "[deleted]",
     "[agreed ad referendum]", "shall", "[may]", "&amp;", "é", "\n"]
)  # fmt: skip
_ATTRIBUTES = st.dictionaries(
    st.sampled_from(["eId", "id", "name", "marker"]),
    st.sampled_from(["", "art_1", "art_1", "annex", "chapter", "x y", "1"]),
    max_size=2,
)


def _render(tag: str, attributes: dict[str, str], text: str, children: list[str]) -> str:
    attrs_text = "".join(f' {name}="{value}"' for name, value in attributes.items())
    return f"<{tag}{attrs_text}>{text}{''.join(children)}</{tag}>"


_ELEMENTS = st.recursive(
    st.builds(_render, st.sampled_from(_TAGS), _ATTRIBUTES, _WORDS, st.just([])),
    lambda inner: st.builds(
        _render, st.sampled_from(_TAGS), _ATTRIBUTES, _WORDS, st.lists(inner, max_size=4)
    ),
    max_leaves=30,
)


@given(st.lists(_ELEMENTS, max_size=5), st.sampled_from([AKN3, None]))
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_random_akn_trees_read_or_refuse(elements: list[str], namespace: str | None) -> None:
    """Random trees of AKN elements give a consistent draft or a TreatydiffError."""
    draft = _reads_or_refuses(_minimal("".join(elements), namespace=namespace))
    if draft is None:
        return
    eids = [element.eid for element in draft.walk()]  # divisions, articles, provisions
    assert len(set(eids)) == len(eids), "eids must be unique across the draft"
    assert all(p.source.path and p.source.path.startswith("/akomaNtoso/") for p in draft)
    assert draft.articles


# -- the writer, and reading its output back -------------------------------------------------


def _outline(draft: td.Draft) -> list[Any]:
    """Everything the round trip must keep, without source positions."""

    def provisions(items: tuple[td.Provision, ...]) -> list[Any]:
        return [
            (p.eid, p.kind, p.text, p.marker, p.num, p.status, p.brackets,
             [f.text for f in p.footnotes], provisions(p.children))
            for p in items
        ]  # fmt: skip

    return [
        (draft.title, draft.symbol, draft.preamble_label, [f.text for f in draft.footnotes]),
        provisions(draft.preamble),
        [
            (d.kind, d.eid, d.num, d.label, d.heading, d.parent, provisions(d.provisions))
            for d in draft.divisions
        ],
        [
            (
                a.num,
                a.eid,
                a.label,
                a.heading,
                a.division,
                a.status,
                [f.text for f in a.footnotes],
                provisions(a.provisions),
            )
            for a in draft.articles
        ],
        provisions(draft.closing),
    ]


FICTIONAL = """# Convention on the Protection of Lighthouses

Preamble

The States Parties to this Convention,

Recognizing the importance of safe navigation,[^1]

Have agreed as follows:

## Chapter I – General provisions

### Article 1 – Purpose

The purpose of this Convention is to protect lighthouses. [agreed ad referendum]

### Article 2 – Use of terms

For the purposes of this Convention:

(a) "Lighthouse" means a tower with a [beacon][lamp];

(b) "Keeper" means a person who:

(i) tends the light; and

(ii) keeps the log;

(c) "Vessel" means any ship.

## Chapter II – Obligations

### Article 3 – General obligations

1. Each State Party shall [endeavour to] maintain its lighthouses.[^2]

2. Each State Party may:

(a) inspect lighthouses; [pending]

(b) close them for repair,

in accordance with its domestic law.

### Article 3 bis – Inspection

[deleted]

### Article 4 – Reporting [agreed]

Each State Party shall report annually.

IN WITNESS WHEREOF the undersigned have signed this Convention.

[^1]: Proposed by one delegation.
[^2]: Two delegations asked to delete the brackets.
"""


def _fictional() -> td.Draft:
    """The fictional draft, plus what Markdown cannot say: an annex, draft and heading notes."""
    draft = td.loads(FICTIONAL, format="markdown", label="Lighthouses Rev.1")
    annex = td.Division(
        kind="annex",
        eid="annex_1",
        num="I",
        heading="Model logbook",
        label="Annex I",
        provisions=(td.Provision("text", "annex_1__text_1", "Name of the lighthouse:", num="1"),),
    )
    reporting = attrs.evolve(
        draft.articles[-1], footnotes=(td.Footnote("3", "Heading to be reviewed."),)
    )
    return attrs.evolve(
        draft,
        symbol="A/AC.999/3/Rev.1",
        footnotes=(td.Footnote("*", "Issued without formal editing."),),
        divisions=(*draft.divisions, annex),
        articles=(*draft.articles[:-1], reporting),
    )


def test_writer_round_trip_of_a_fictional_draft() -> None:
    """Reading the writer's output gives back the outline of the draft it wrote."""
    draft = _fictional()
    back = td.load(write_akn(draft), format="akn")
    assert _outline(back) == _outline(draft)
    assert back.text == draft.text


def test_writer_round_trip_keeps_statuses_and_notes() -> None:
    """Status notes, footnotes and the deleted placeholder survive the round trip."""
    back = td.load(write_akn(_fictional()), format="akn")
    assert back.article("1").provisions[0].status == ("agreed ad referendum",)
    assert back.article("3 bis").deleted
    assert back.article("4").status == ("agreed",)
    assert [f.text for f in back.article("4").footnotes] == ["Heading to be reviewed."]
    assert [f.text for f in back.footnotes] == ["Issued without formal editing."]
    assert back.division("annex_1").kind == "annex"


@pytest.mark.skipif(
    not BUDAPEST.exists(), reason=f"the shared Budapest text is absent ({BUDAPEST})"
)
def test_writer_round_trip_of_the_budapest_convention() -> None:
    """The Budapest Convention, written as AKN and read back, keeps its whole outline."""
    draft = td.load(BUDAPEST)
    back = td.load(write_akn(draft), format="akn")
    assert len(back.articles) == 48
    assert _outline(back) == _outline(draft)


def test_writer_output_is_deterministic_pretty_utf8() -> None:
    """The same draft gives the same bytes: UTF-8 with a declaration, indented, AKN 3.0."""
    first, second = write_akn(_fictional()), write_akn(_fictional())
    assert first == second
    assert first.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="')
    assert AKN3.encode() in first
    assert b'\n        <article eId="art_1">\n          <num>Article 1</num>' in first


def test_writer_uses_akn_idioms() -> None:
    """Points sit in a list after an intro; footnotes are authorialNotes inside the citing p."""
    xml = write_akn(_fictional()).decode()
    assert '<paragraph eId="art_3__para_2">' in xml
    chapeau = r'<list eId="art_3__para_2__list_1">\s*<intro>\s*<p>Each State Party may:</p>'
    assert re.search(chapeau, xml)
    assert "<p>inspect lighthouses; [pending]</p>" in xml
    assert (
        'maintain its lighthouses.<authorialNote marker="2" eId="art_3__para_1__fnt_1">'
        "<p>Two delegations asked to delete the brackets.</p></authorialNote></p>"
    ) in xml
    assert '<hcontainer name="annex" eId="annex_1">' in xml
