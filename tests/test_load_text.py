"""The plain-text and Markdown reader, and the segmenter behind every reader."""

from __future__ import annotations

from pathlib import Path

import pytest
from accounting import in_order, unaccounted
from conftest import FIXTURES
from hypothesis import given
from strategies import plain_drafts, render_extraction

import treatydiff as td

EXTRACTION = FIXTURES / "samples" / "pdf-extraction.txt"


def test_budapest_has_its_48_articles(budapest: Path) -> None:
    """The Budapest Convention loads to articles 1 to 48 with their headings."""
    draft = td.load(budapest)
    assert [a.num for a in draft.articles] == [str(n) for n in range(1, 49)]
    assert draft.article(2).heading == "Illegal access"
    assert draft.article("15").heading == "Conditions and safeguards"
    assert draft.article(35).heading == "24/7 Network"
    assert draft.article(48).heading == "Notification"
    assert all(a.heading for a in draft.articles)


def test_budapest_divisions_and_preamble(budapest: Path) -> None:
    """Chapters, sections and titles nest, and the preamble and closing formula are found."""
    draft = td.load(budapest)
    assert draft.title == "Convention on Cybercrime"
    assert draft.preamble_label == "Preamble"
    assert len(draft.preamble) == 1
    assert draft.preamble[0].text.startswith("The member States of the Council of Europe")
    chapters = [d for d in draft.divisions if d.kind == "chapter"]
    assert [c.num for c in chapters] == ["I", "II", "III", "IV"]
    assert [c.eid for c in chapters] == ["chp_1", "chp_2", "chp_3", "chp_4"]
    assert draft.article(2).division == "chp_2__sec_1__title_1"
    assert draft.article(22).division == "chp_2__sec_3"
    assert draft.closing[0].text.startswith("IN WITNESS WHEREOF")
    assert not draft.article(48).text.count("IN WITNESS")


def test_budapest_provision_ids(budapest: Path) -> None:
    """Paragraphs, lettered subparagraphs and roman points get nested Akoma Ntoso ids."""
    article = td.load(budapest).article(6)
    eids = [p.eid for p in article.iter_provisions()]
    assert eids == [
        "art_6__para_1",
        "art_6__para_1__point_a",
        "art_6__para_1__point_a__point_i",
        "art_6__para_1__point_a__point_ii",
        "art_6__para_1__point_b",
        "art_6__para_2",
        "art_6__para_3",
    ]
    point = article.provisions[0].children[0].children[1]
    assert (point.kind, point.marker, point.num) == ("point", "(ii)", "ii")


def test_budapest_every_word_accounted_for(budapest: Path) -> None:
    """Each word of the Budapest file is in the model or in the removed file header."""
    text = budapest.read_text("utf-8")
    draft = td.load(budapest)
    assert unaccounted(text, draft) == ({}, {})
    assert in_order(text, draft)
    assert {r.kind for r in draft.removed} == {"file-header"}


def test_extraction_furniture_is_removed_and_listed() -> None:
    """Masthead, symbols, page numbers, job numbers and barcodes leave the text, into removed."""
    draft = td.load(EXTRACTION)
    kinds = {r.kind for r in draft.removed}
    assert {"symbol", "page-number", "job-number", "barcode", "distribution", "masthead"} <= kinds
    assert "A/AC.950" not in draft.text
    assert "V.25-01234" not in draft.text
    assert "2/4" not in draft.text
    assert draft.symbol == "A/AC.950/4/Rev.1"
    assert draft.label == "A/AC.950/4/Rev.1"
    assert draft.title == (
        "Revised draft convention on cooperation against the criminal misuse of digital networks"
    )


def test_extraction_every_word_accounted_for() -> None:
    """No word of the PDF extraction is lost or invented, and the text keeps its order."""
    text = EXTRACTION.read_text("utf-8")
    draft = td.load(EXTRACTION)
    assert unaccounted(text, draft) == ({}, {})
    assert in_order(text, draft)


def test_extraction_heading_forms() -> None:
    """Two-line, dotted, dashed, abbreviated and 'bis' headings are all articles."""
    draft = td.load(EXTRACTION)
    assert [a.num for a in draft.articles] == ["1", "2", "3", "4", "4 bis", "5", "6", "7"]
    assert draft.article(2).heading == "Use of terms"
    assert draft.article(3).heading == "Respect for human rights"
    assert draft.article(4).label == "Art. 4"
    assert draft.article("4bis").deleted
    assert not draft.article("4 bis").provisions
    assert draft.article(6).heading == "Offences related to the glorification of violence"


def test_a_numbered_placeholder_keeps_its_number() -> None:
    """ "2. [deleted]" is paragraph 2, empty and marked deleted, not a stray "2." under paragraph
    1; dropping it later is no change of text."""
    body = "### Article 5 – Search\n\n1. Text one.\n\n{}\n\n3. Text three.\n\n(a) [deleted]\n"
    draft = td.loads(body.format("2. [deleted]"), format="markdown")
    paragraphs = draft.article(5).provisions
    assert [(p.num, p.text, p.status) for p in paragraphs[:2]] == [
        ("1", "Text one.", ()),
        ("2", "", ("deleted",)),
    ]
    assert paragraphs[0].children == ()
    assert [(p.num, p.text, p.status) for p in paragraphs[2].children] == [("a", "", ("deleted",))]
    without = td.loads(body.format(""), format="markdown")
    assert td.compare(draft, without).changes == ()


def test_extraction_preamble_recitals_are_split() -> None:
    """Recitals that follow each other without blank lines become separate recitals."""
    recitals = td.load(EXTRACTION).preamble
    assert [r.text.split()[0] for r in recitals] == ["The", "Concerned", "Determined", "Have"]
    assert recitals[1].text.endswith("public institutions,")


def test_extraction_hyphenation_repair() -> None:
    """Soft line-end hyphens are dropped and compound hyphens kept."""
    draft = td.load(EXTRACTION)
    assert "public institutions," in draft.preamble[1].text
    assert "cross-border intent" in draft.article(4).provisions[1].text
    assert "an offence established in accordance" in draft.article(5).text


def test_extraction_marks_and_footnotes() -> None:
    """Brackets stay in the text and are flagged; status notes become metadata; footnotes attach."""
    draft = td.load(EXTRACTION)
    para = draft.article(4).provisions[1]
    assert para.brackets
    assert "[may][shall]" in para.text
    assert para.status == ("pending",)
    assert "[pending]" not in draft.text
    point_c = draft.article(1).provisions[0].children[2]
    assert point_c.status == ("agreed ad referendum",)
    point_b = draft.article(1).provisions[0].children[1]
    assert point_b.text == "To promote, facilitate and strengthen international cooperation; and"
    assert [n.marker for n in point_b.footnotes] == ["1"]
    assert point_b.footnotes[0].text.startswith("Proposed by one delegation")
    assert "Proposed by" not in draft.text


def test_extraction_closing_formula_is_not_in_last_article() -> None:
    """The closing formula after the last article is kept apart from it."""
    draft = td.load(EXTRACTION)
    assert "WITNESS" not in draft.article(7).text
    assert draft.closing[0].text.startswith("IN WITNESS WHEREOF, the undersigned")


def test_references_inside_paragraphs_are_not_headings() -> None:
    """A paragraph that opens with 'Article 18 of Regulation ...' stays a paragraph."""
    draft = td.loads(
        "Article 1\nScope\n\n1. This applies to all.\n\n"
        "Article 18 of Regulation (EU) 2019/1020 shall apply to the systems.\n\n"
        "Article 2\nEntry into force\n\nIt enters into force.\n"
    )
    assert [a.num for a in draft.articles] == ["1", "2"]
    assert "\nArticle 18 of Regulation (EU)" in draft.article(1).text


def test_markdown_headings_and_footnotes() -> None:
    """Markdown headings, emphasis and footnotes are read as structure, not text."""
    draft = td.loads(
        "# A *draft* convention\n\n## Preamble\n\nThe Parties,\n\nHave agreed as follows:\n\n"
        "## Chapter I – General\n\n### Article 1 – Purpose\n\n"
        "1. The purpose is **cooperation**[^1]. [agreed ad referendum]\n\n"
        "### Article 2 Scope\n\nIt applies to [serious] crime.\n\n"
        "[^1]: Proposed by one delegation.\n"
    )
    assert draft.title == "A draft convention"
    assert [a.heading for a in draft.articles] == ["Purpose", "Scope"]
    para = draft.article(1).provisions[0]
    assert para.text == "The purpose is cooperation."
    assert para.status == ("agreed ad referendum",)
    assert [(n.marker, n.text) for n in para.footnotes] == [("1", "Proposed by one delegation.")]
    assert draft.article(2).provisions[0].brackets
    assert draft.divisions[0].heading == "General"


def test_letters_that_look_roman() -> None:
    """(h) then (i) is the ninth letter; (i) under (a) is a roman point."""
    letters = "abcdefghij"
    body = "\n\n".join(f"({c}) Item {c};" for c in letters)
    draft = td.loads(f"Article 1\nTerms\n\nFor this Convention:\n\n{body}\n\n(i) A sub-point.\n")
    chapeau = draft.article(1).provisions[0]
    assert [p.num for p in chapeau.children] == list(letters)
    assert [p.kind for p in chapeau.children] == ["subparagraph"] * 10
    assert chapeau.children[-1].children[0].kind == "point"


def test_unnumbered_sentence_after_points_belongs_to_paragraph() -> None:
    """A closing sentence after a paragraph's points is a text block of that paragraph."""
    draft = td.loads(
        "Article 1\nScope\n\n1. This applies to:\n\n(a) data;\n\n(b) systems.\n\n"
        "The first subparagraph applies mutatis mutandis.\n\n2. Second paragraph.\n"
    )
    para = draft.article(1).provisions[0]
    assert [c.eid for c in para.children] == [
        "art_1__para_1__point_a",
        "art_1__para_1__point_b",
        "art_1__para_1__text_3",
    ]
    assert draft.article(1).provisions[1].eid == "art_1__para_2"


@given(plain_drafts())
def test_generated_extractions_load_without_loss(articles: list) -> None:
    """Generated UN-style extractions keep every article, and every word, in order."""
    text = render_extraction(articles)
    draft = td.loads(text)
    assert [a.num for a in draft.articles] == [str(a.num) for a in articles]
    assert [a.heading for a in draft.articles] == [a.heading for a in articles]
    for source, loaded in zip(articles, draft.articles, strict=True):
        assert len(loaded.provisions) == len(source.paragraphs)
    assert unaccounted(text, draft) == ({}, {})
    assert in_order(text, draft)
    assert "A/AC.950/9" not in draft.text


def test_crlf_and_cr_line_endings() -> None:
    """Windows and old Mac line endings read like Unix ones."""
    unix = "Article 1\nScope\n\n1. It applies.\n\n2. It also applies.\n"
    for ending in ("\r\n", "\r"):
        draft = td.loads(unix.replace("\n", ending))
        assert draft.outline()["articles"] == td.loads(unix).outline()["articles"]


def test_article_lookup_error_lists_numbers() -> None:
    """Asking for a missing article says which numbers exist."""
    draft = td.loads("Article 1\nScope\n\nText.\n\nArticle 2\nEnd\n\nText.\n")
    with pytest.raises(td.UnknownArticleError, match=r"no article '9'.*articles 1, 2"):
        draft.article("9")
    with pytest.raises(KeyError):
        draft.article(9)


def test_running_headers_are_removed() -> None:
    """A short line repeated at the top of every page is furniture, the same line in text is not."""
    pages = []
    for number in range(1, 5):
        pages.append(
            f"Revised draft convention\n\n{number}/4\n\nArticle {number}\nTitle {number}\n\n"
            f"{number}. Each State Party shall cooperate.\n"
        )
    text = "\f".join(pages)
    draft = td.loads(text)
    assert [a.num for a in draft.articles] == ["1", "2", "3", "4"]
    assert [r.kind for r in draft.removed].count("running-header") == 4
    assert "Revised draft" not in draft.text
