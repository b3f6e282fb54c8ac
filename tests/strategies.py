"""Hypothesis strategies: fictional drafts as plain data, and renderers into input layouts."""

from __future__ import annotations

import textwrap

import attrs
from hypothesis import strategies as st

WORDS = (
    "each state party shall adopt such legislative and other measures as may be necessary "
    "to establish criminal offences under its domestic law when committed intentionally "
    "access whole part digital network without right interception data traffic content "
    "authority competent judicial review proportionality necessity legality safeguards "
    "information communications technology systems cooperation assistance request requesting "
    "requested preservation production order search seizure jurisdiction extradition "
    "confidentiality notification oversight remedy protection personal privacy expression"
).split()
HEADINGS = (
    "Illegal access",
    "Illegal interception",
    "Data interference",
    "Misuse of devices",
    "Conditions and safeguards",
    "Production order",
    "Mutual legal assistance",
    "Spontaneous information",
    "Protection of personal data",
    "Jurisdiction",
)


@attrs.frozen
class PlainArticle:
    """An article as plain data: number, heading, and paragraphs of words."""

    num: int
    heading: str
    paragraphs: tuple[str, ...]


sentences = st.lists(st.sampled_from(WORDS), min_size=4, max_size=40).map(
    lambda words: " ".join(words).capitalize() + "."
)


@st.composite
def plain_drafts(
    draw: st.DrawFn, min_articles: int = 1, max_articles: int = 12
) -> list[PlainArticle]:
    """A list of articles numbered from 1, each with one to four paragraphs."""
    count = draw(st.integers(min_articles, max_articles))
    return [
        PlainArticle(
            num,
            draw(st.sampled_from(HEADINGS)),
            tuple(draw(st.lists(sentences, min_size=1, max_size=4))),
        )
        for num in range(1, count + 1)
    ]


def render_extraction(
    articles: list[PlainArticle], *, width: int = 70, page_lines: int = 25
) -> str:
    """The draft as a UN PDF extraction: masthead, running header, page numbers, hard wraps."""
    body: list[str] = ["Draft convention on digital cooperation", "", "The States Parties,", ""]
    body += ["Have agreed as follows:", "", "Chapter I", "General provisions", ""]
    for article in articles:
        body += [f"Article {article.num}", article.heading]
        numbered = len(article.paragraphs) > 1
        for index, paragraph in enumerate(article.paragraphs, start=1):
            text = f"{index}. {paragraph}" if numbered else paragraph
            body += _hyphenated_wrap(text, width)
        body.append("")
    pages = [body[i : i + page_lines] for i in range(0, len(body), page_lines)]
    total = len(pages)
    out = [
        "United Nations",
        "A/AC.950/9",
        "Distr.: General",
        "2 May 2025",
        "",
        "Original: English",
        "",
    ]
    for number, page in enumerate(pages, start=1):
        if number > 1:
            out += ["\fA/AC.950/9", "", f"{number}/{total}", ""]
        out += page
    out += ["V.25-09876 (E)"]
    return "\n".join(out) + "\n"


def _hyphenated_wrap(text: str, width: int) -> list[str]:
    """Wrap *text*, breaking a long word at a soft hyphen where it would overflow a line."""
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    out: list[str] = []
    carry = ""
    for line in lines:
        line = f"{carry}{line}" if carry else line
        carry = ""
        words = line.split(" ")
        last = words[-1]
        if len(last) >= 9 and last.isalpha() and len(words) > 1:
            cut = len(last) // 2
            words[-1] = last[:cut] + "-"
            carry = last[cut:] + " "
        out.append(" ".join(words))
    if carry:
        out.append(carry.strip())
    return out
