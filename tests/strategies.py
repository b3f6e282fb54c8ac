"""Hypothesis strategies: fictional drafts as plain data, and renderers into input layouts."""

from __future__ import annotations

import random
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


# -- generated treaties for alignment -------------------------------------------------------------

SYLLABLES = (
    "ba be bi bo da de di do fa fe ka ke ko la le li lo ma me mi mo na ne ni no pa pe po ra re "
    "ri ro sa se si so ta te ti to va ve vi vo za ze"
).split()
BOILERPLATE = (
    "Each State Party shall adopt such legislative and other measures as may be necessary to",
    "States Parties shall cooperate with each other in accordance with this Convention to",
    "Nothing in this article shall prevent a State Party from taking measures to",
    "Each State Party shall ensure that its competent authorities are able to",
)


@attrs.frozen
class GenArticle:
    """A generated article: a stable identity, a heading, and paragraphs."""

    ident: str
    heading: str
    paragraphs: tuple[str, ...]


def pseudo_word(rng: random.Random) -> str:
    """A made-up word of two to four syllables, so that articles have words of their own."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def generated_treaty(rng: random.Random, size: int) -> list[GenArticle]:
    """*size* articles, each with its own topic words under shared boilerplate."""
    common = [pseudo_word(rng) for _ in range(60)]
    articles = []
    for index in range(size):
        topic = [pseudo_word(rng) for _ in range(8)]
        heading = " ".join(rng.sample(topic, 2)).capitalize()
        paragraphs = []
        for _ in range(rng.randint(1, 4)):
            body = [
                rng.choice(topic if rng.random() < 0.6 else common)
                for _ in range(rng.randint(8, 30))
            ]
            paragraphs.append(f"{rng.choice(BOILERPLATE)} {' '.join(body)}.")
        articles.append(GenArticle(f"a{index}", heading, tuple(paragraphs)))
    return articles


def render_articles(articles: list[GenArticle]) -> str:
    """The articles as a plain-text draft, numbered in order from 1."""
    lines = ["Generated convention", "", "The States Parties,", "", "Have agreed as follows:", ""]
    for num, article in enumerate(articles, start=1):
        lines += [f"Article {num}", article.heading, ""]
        for index, paragraph in enumerate(article.paragraphs, start=1):
            lines += [f"{index}. {paragraph}" if len(article.paragraphs) > 1 else paragraph, ""]
    return "\n".join(lines)


def edited(rng: random.Random, article: GenArticle, share: float = 0.1) -> GenArticle:
    """*article* with about *share* of its words replaced."""
    paragraphs = []
    for paragraph in article.paragraphs:
        words = paragraph.split()
        for _ in range(max(1, int(len(words) * share))):
            words[rng.randrange(len(words))] = pseudo_word(rng)
        paragraphs.append(" ".join(words))
    return attrs.evolve(article, paragraphs=tuple(paragraphs))


def mutate(
    rng: random.Random, articles: list[GenArticle], operations: list[str]
) -> tuple[list[GenArticle], dict[str, tuple[str, ...]]]:
    """Apply *operations* (insert, delete, move, split, merge, edit) to a copy of *articles*.

    Returns the new articles and the truth: for each new article's ident, the idents of the old
    articles it came from (empty for an inserted one).
    """
    new = list(articles)
    origin: dict[str, tuple[str, ...]] = {a.ident: (a.ident,) for a in articles}
    for step, operation in enumerate(operations):
        if operation == "insert":
            fresh = generated_treaty(rng, 1)[0]
            fresh = attrs.evolve(fresh, ident=f"n{step}")
            new.insert(rng.randint(0, len(new)), fresh)
            origin[fresh.ident] = ()
        elif operation == "delete" and len(new) > 2:
            gone = new.pop(rng.randrange(len(new)))
            origin.pop(gone.ident)
        elif operation == "move" and len(new) > 3:
            article = new.pop(rng.randrange(len(new)))
            new.insert(rng.randrange(len(new) + 1), article)
        elif operation == "edit":
            index = rng.randrange(len(new))
            new[index] = edited(rng, new[index])
        elif operation == "split":
            candidates = [
                i for i, a in enumerate(new) if len(a.paragraphs) >= 2 and origin[a.ident]
            ]
            if candidates:
                index = rng.choice(candidates)
                article = new[index]
                cut = len(article.paragraphs) // 2
                first = attrs.evolve(
                    article, ident=f"{article.ident}.1", paragraphs=article.paragraphs[:cut]
                )
                second = attrs.evolve(
                    article,
                    ident=f"{article.ident}.2",
                    heading=article.heading + " continued",
                    paragraphs=article.paragraphs[cut:],
                )
                new[index : index + 1] = [first, second]
                source = origin.pop(article.ident)
                origin[first.ident] = origin[second.ident] = source
        elif operation == "merge" and len(new) > 2:
            index = rng.randrange(len(new) - 1)
            first, second = new[index], new[index + 1]
            # One old article may become several, or several one, but not both at once.
            if _original(first) and _original(second):
                merged = GenArticle(
                    f"{first.ident}+{second.ident}",
                    first.heading,
                    first.paragraphs + second.paragraphs,
                )
                new[index : index + 2] = [merged]
                origin[merged.ident] = origin.pop(first.ident) + origin.pop(second.ident)
    return new, {a.ident: origin[a.ident] for a in new}


def _original(article: GenArticle) -> bool:
    """True for an article that is neither inserted, nor a part of a split, nor a merger."""
    return article.ident.startswith("a") and not set(article.ident) & {".", "+"}
