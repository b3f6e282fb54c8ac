"""The five real drafts of the EU AI Act (../shared/corpora/eu-ai-act): outlines, no word lost,
and the lineage of the final text's articles back to the Commission proposal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from accounting import in_order, unaccounted
from conftest import SHARED

import treatydiff as td

CORPUS = SHARED / "corpora" / "eu-ai-act"
LABELS = ["Commission 2021", "Slovenian 2021", "French 2022", "Council 2022", "Regulation 2024"]
#: The last article of each draft as the file prints it: (num, heading); all open with 1.
LAST = ("Entry into force and application",)
ENDS = {
    "2021-04-21-commission-proposal.txt": ("85", "Subject matter"),
    "2021-11-29-slovenian-presidency-compromise.txt": ("85", "Subject matter"),
    "2022-06-15-french-presidency-consolidated.txt": ("85", "Subject matter"),
    "2022-12-06-council-general-approach.txt": ("85", "Subject matter"),
    "2024-06-13-regulation-2024-1689.txt": ("113", "Subject matter`"),  # the OJ's stray backtick
}
#: Articles of Regulation (EU) 2024/1689 and the article of the 2021 proposal they continue,
#: checked by reading both texts (the final numbering shifted after the Council's additions).
LINEAGES = {
    "1": "1", "2": "2", "3": "3", "5": "5", "6": "6", "8": "8", "9": "9", "10": "10", "11": "11",
    "12": "12", "13": "13", "14": "14", "15": "15", "16": "16", "17": "17", "22": "25",
    "23": "26", "26": "29", "28": "30", "40": "40", "43": "43", "47": "48", "48": "49",
    "49": "51", "50": "52", "57": "53", "65": "56", "70": "59", "71": "60", "72": "61",
    "73": "62", "74": "63", "99": "71", "100": "72", "112": "84", "113": "85",
}  # fmt: skip


def drafts() -> list[Path]:
    """The five drafts, oldest first, or a skip where ../shared is absent."""
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} is absent: the shared corpora are only beside the CI checkout")
    return sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="module")
def timeline() -> td.Timeline:
    """The five-draft timeline, tagged with the AI Act concern pack."""
    loaded = [td.load(path, label=label) for path, label in zip(drafts(), LABELS, strict=True)]
    return td.timeline(loaded, concerns="ai-act-civil-society")


@pytest.mark.parametrize("name", sorted(ENDS))
def test_outline(name: str) -> None:
    """Each draft has the number of articles its header gives, and the right first and last."""
    path = next(p for p in drafts() if p.name == name)
    text = path.read_text("utf-8")
    expected = int(re.search(r"^# Articles: (\d+)", text, re.M).group(1))
    draft = td.load(path)
    assert len(draft.articles) == expected
    last, first_heading = ENDS[name]
    assert (draft.articles[0].num, draft.articles[0].heading) == ("1", first_heading)
    assert (draft.articles[-1].num, draft.articles[-1].heading) == (last, *LAST)
    assert len(draft.preamble) > 80, "the recitals"
    assert draft.closing, "the closing formula is not part of the last article"
    assert not re.search(r"Done at Brussels", draft.articles[-1].text)


@pytest.mark.parametrize("name", sorted(ENDS))
def test_no_word_is_lost(name: str) -> None:
    """Every word of each draft is in the model, in order, or in the removed file header."""
    path = next(p for p in drafts() if p.name == name)
    text = path.read_text("utf-8")
    draft = td.load(path)
    assert unaccounted(text, draft) == ({}, {})
    assert in_order(text, draft)
    assert {r.kind for r in draft.removed} <= {"file-header"}


def test_deleted_articles_keep_their_number() -> None:
    """The Council texts' '[deleted]' articles are kept as placeholders, not as provisions."""
    council = td.load(drafts()[3])
    deleted = [a for a in council.articles if a.deleted]
    assert deleted
    assert all(not a.provisions for a in deleted)


def test_references_inside_paragraphs_are_not_articles() -> None:
    """Lines that open with "Article 18 of Regulation ..." stay inside their article."""
    final = td.load(drafts()[4])
    nums = [a.num for a in final.articles]
    assert nums == [str(n) for n in range(1, 114)]


def test_lineages_of_the_final_text(timeline: td.Timeline) -> None:
    """The sampled articles of the Regulation go back to the proposal's article they continue."""
    wrong = {
        num: timeline.history(num, draft=4).steps[0].nums
        for num, origin in LINEAGES.items()
        if origin not in timeline.history(num, draft=4).steps[0].nums
    }
    assert wrong == {}
    assert len(LINEAGES) >= 30


def test_every_article_of_every_draft_has_one_lineage(timeline: td.Timeline) -> None:
    """The timeline holds each article of each draft exactly once."""
    for index, draft in enumerate(timeline.drafts):
        nums = [n for lineage in timeline.lineages for n in lineage.steps[index].nums]
        assert sorted(nums) == sorted(a.num for a in draft.articles)


def test_concerns_are_tagged_across_the_negotiation(timeline: td.Timeline) -> None:
    """Each step is tagged with the AI Act pack, and its summary covers the seven concerns."""
    for step, summary in timeline.summary().items():
        assert len(summary) == 7, step
    assert sum(len(c.tags) for c in timeline.comparisons) > 50


def test_notebook_runs_and_saves_its_plot() -> None:
    """docs/examples/ai-act-timeline.ipynb runs, shows the table, saves the plot and the report."""
    drafts()
    nbformat = pytest.importorskip("nbformat", reason="nbformat comes with the test extra")
    nbclient = pytest.importorskip("nbclient", reason="nbclient comes with the test extra")
    pytest.importorskip("matplotlib", reason="matplotlib comes with the test extra")
    root = Path(__file__).resolve().parents[1]
    path = root / "docs" / "examples" / "ai-act-timeline.ipynb"
    plot = root / "out" / "ai-act-concerns.png"
    plot.unlink(missing_ok=True)
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=300, resources={"metadata": {"path": path.parent}}
    )
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("biometric-surveillance" in o.get("data", {}).get("text/html", "") for o in outputs)
    assert plot.stat().st_size > 10_000
    assert (root / "out" / "ai-act-timeline.html").stat().st_size > 10_000
