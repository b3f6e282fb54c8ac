"""The HTML report: golden files, escaping, self-containment, determinism, markup, and a real
browser (headless Chromium through Selenium) for the filters.

Golden files live in tests/golden/: ``compare-02-rev1-03-rev2.html`` (the comparison of
fixtures/series/02-rev1.md and 03-rev2.md) and ``timeline-01-04.html`` (the timeline of the four
fixtures/series/0[1-4]-*.md drafts). After a deliberate change of the report, or of what the
pipeline finds in those drafts, rewrite them with

    TREATYDIFF_REGENERATE=1 python -m pytest tests/test_report_html.py

and review the diff. The browser test needs chromium, chromium-driver and selenium (see
tests/browser.py); without them it is skipped and says why. It saves screenshots in out/.
"""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from browser import chromium, console_errors, open_file
from conftest import FIXTURES, ROOT

import treatydiff as td
from treatydiff.report.to_html import ReportTemplateError, comparison_html, timeline_html

SERIES = sorted((FIXTURES / "series").glob("0[1-4]-*.md"))
PAIR = (FIXTURES / "series" / "02-rev1.md", FIXTURES / "series" / "03-rev2.md")
GOLDEN = Path(__file__).parent / "golden"
OUT = ROOT / "out"

HOSTILE_OLD = """# Convention on testing & escaping

## Preamble

The States Parties,

Have agreed as follows:

### Article 1 – Scope & purpose

1. This Convention applies to research & development.

2. Each State Party may adopt measures.
"""

HOSTILE_NEW = """# Convention on testing & escaping

## Preamble

The States Parties,

Have agreed as follows:

### Article 1 – Scope & purpose <img src=x onerror=alert(2)>

1. This Convention applies to research & development <script>alert(1)</script>.

2. Each State Party shall adopt measures "quoted" & 'single'.
"""


@pytest.fixture(scope="module")
def comparison() -> td.Comparison:
    """The fixture pair Rev.1 → Rev.2, compared with the default concern pack."""
    return td.compare(td.load(PAIR[0]), td.load(PAIR[1]))


@pytest.fixture(scope="module")
def series() -> td.Timeline:
    """The timeline of the four fixture drafts."""
    return td.timeline([td.load(path) for path in SERIES])


@pytest.fixture(scope="module")
def hostile() -> td.Comparison:
    """Two drafts whose text and labels hold markup, scripts and ampersands."""
    old = td.loads(HOSTILE_OLD, label="Old <i>draft</i>", format="markdown")
    new = td.loads(HOSTILE_NEW, label="New & <b>improved</b>", format="markdown")
    return td.compare(old, new)


def matches_golden(name: str, text: str) -> None:
    """Compare *text* with tests/golden/*name*, or rewrite it under TREATYDIFF_REGENERATE=1."""
    path = GOLDEN / name
    if os.environ.get("TREATYDIFF_REGENERATE"):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"{path} is missing; run with TREATYDIFF_REGENERATE=1 to create it"
    expected = path.read_bytes().decode("utf-8")
    if text != expected:
        got, want = text.splitlines(), expected.splitlines()
        line = next(
            (i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b),
            min(len(got), len(want)),
        )
        pytest.fail(
            f"{name} differs from the report, first at line {line + 1}; if the change is meant, "
            "rerun with TREATYDIFF_REGENERATE=1 and review the diff"
        )


# --------------------------------------------------------------------------- golden files


def test_comparison_matches_golden(comparison: td.Comparison) -> None:
    """The Rev.1 → Rev.2 comparison report is byte for byte the golden file."""
    matches_golden("compare-02-rev1-03-rev2.html", comparison_html(comparison))


def test_timeline_matches_golden(series: td.Timeline) -> None:
    """The four-draft timeline report is byte for byte the golden file."""
    matches_golden("timeline-01-04.html", timeline_html(series))


def test_methods_render_the_same(comparison: td.Comparison, series: td.Timeline) -> None:
    """Comparison.to_html() and Timeline.to_html() give the module's output."""
    assert comparison.to_html() == comparison_html(comparison)
    assert series.to_html() == timeline_html(series)


# --------------------------------------------------------------------------- content


def test_report_shows_each_match_and_change(comparison: td.Comparison) -> None:
    """Every article pair has a section, every change an anchor with its tags and both views."""
    page = comparison_html(comparison)
    assert "<h1>Changes from <q>02-rev1</q> to <q>03-rev2</q></h1>" in page
    assert page.count('<section class="article ') == len(comparison.alignment.matches) + 1
    for change in comparison.changes:
        block = _change_block(page, change.id)
        assert block.count('<div class="redline">') == 1
        assert block.count('<table class="side-by-side">') == 1
        for tag in comparison.tags_for(change):
            assert f">{tag.concern}</strong>" in block
            assert f"confidence {tag.confidence:.2f}" in block
        assert f'data-tags="{" ".join(_tag_words(comparison, change))}"' in block
    for relation in ("unchanged", "modified", "split", "added"):
        assert f'<span class="badge rel-{relation}">' in page
    assert "Article 4 → 5: Respect for human rights" in page
    assert "Article 19 → 20 + 20 bis" in page


def test_redline_marks_deleted_and_inserted_words(comparison: td.Comparison) -> None:
    """A replaced word is shown deleted then inserted, in the redline and in each column."""
    change = next(c for c in comparison.changes if c.new_eid == "art_6__para_2")
    block = _change_block(comparison_html(comparison), change.id)
    assert "A State Party <del>may</del> <ins>shall</ins> require" in block
    old_column, new_column = re.findall(r'<td class="text">(.*?)</td>', block, re.S)
    assert "<del>may</del>" in old_column
    assert "<ins>" not in old_column
    assert "<ins>shall</ins>" in new_column
    assert "<del>" not in new_column


def test_preamble_comes_first(comparison: td.Comparison) -> None:
    """The preamble has its own section before the first article."""
    page = comparison_html(comparison)
    assert page.index('id="preamble"') < page.index('id="to-art_1"')
    assert page.index('id="c1"') > page.index('id="preamble"')


def test_summary_counts_link_to_first_matching_change(comparison: td.Comparison) -> None:
    """Each non-zero count links to the first change with that concern and effect."""
    page = comparison_html(comparison)
    order = [m.group(1) for m in re.finditer(r'<article class="change" id="([^"]+)"', page)]
    for concern, row in comparison.summary().items():
        for effect in ("addresses", "worsens", "mixed"):
            link = re.search(
                rf'<a href="#([^"]+)" data-concern="{concern}" data-effect="{effect}"', page
            )
            if not row[effect]:
                assert link is None
                continue
            assert link is not None
            tagged = {
                t.change for t in comparison.tags if t.concern == concern and t.effect == effect
            }
            assert link.group(1) == next(c for c in order if c in tagged)


def test_previous_and_next_links_follow_page_order(comparison: td.Comparison) -> None:
    """Each change links to the one before and after it in the page."""
    page = comparison_html(comparison)
    order = [m.group(1) for m in re.finditer(r'<article class="change" id="([^"]+)"', page)]
    assert sorted(order) == sorted(c.id for c in comparison.changes)
    for before, after in itertools.pairwise(order):
        assert f'<a href="#{after}" data-nav="next"' in _change_block(page, before)
        assert f'<a href="#{before}" data-nav="prev"' in _change_block(page, after)


def test_timeline_rows_columns_and_steps(series: td.Timeline) -> None:
    """One row per lineage, one column per draft, one section per step with prefixed anchors."""
    page = timeline_html(series)
    assert page.count('<tr class="lineage') == len(series.lineages)
    for draft in series.drafts:
        assert f'<th scope="col">{draft.label}</th>' in page
    for k, comparison in enumerate(series.comparisons, start=1):
        assert f'<section class="step" id="step-{k}"' in page
        assert f'<a href="#step-{k}">Step {k}: {comparison.old.label} → ' in page
        for change in comparison.changes:
            assert f'id="s{k}-{change.id}"' in page
    for event in ("added", "modified", "split", "merged", "deleted", "moved"):
        assert f'<span class="badge ev-{event}">' in page


# --------------------------------------------------------------------------- safety


def test_draft_text_is_escaped(hostile: td.Comparison) -> None:
    """Markup in draft text and labels shows as text: no live script, image or handler."""
    page = comparison_html(hostile)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "research &amp; development" in page
    assert "Old &lt;i&gt;draft&lt;/i&gt;" in page
    assert "New &amp; &lt;b&gt;improved&lt;/b&gt;" in page
    assert "<script>alert" not in page
    assert "<img" not in page
    assert page.count("<script>") == 1  # the report's own script


def test_report_is_self_contained(comparison: td.Comparison, series: td.Timeline) -> None:
    """No network address, no external file: every link is an #anchor to an id on the page."""
    for page in (comparison_html(comparison), timeline_html(series)):
        for external in ("http://", "https://", "src=", "<link", "@import", "url("):
            assert external not in page
        ids = set(re.findall(r'\sid="([^"]+)"', page))
        for href in re.findall(r'href="([^"]*)"', page):
            assert href.startswith("#"), href
            assert href[1:] in ids, f"{href} points nowhere"


def test_output_is_deterministic(comparison: td.Comparison, series: td.Timeline) -> None:
    """The same inputs give byte-identical reports, with no date in them."""
    again = td.compare(td.load(PAIR[0]), td.load(PAIR[1]))
    assert comparison_html(comparison).encode() == comparison_html(again).encode()
    assert timeline_html(series).encode() == timeline_html(series).encode()
    assert not re.search(r"20\d\d-\d\d-\d\d", comparison_html(comparison))


def test_output_is_identical_across_hash_seeds() -> None:
    """Two processes with different PYTHONHASHSEED values write byte-identical HTML."""
    script = (
        "import sys, treatydiff as td\n"
        "from treatydiff.report.to_html import comparison_html\n"
        f"a, b = td.load({str(PAIR[0])!r}), td.load({str(PAIR[1])!r})\n"
        "sys.stdout.buffer.write(comparison_html(td.compare(a, b)).encode())\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


# --------------------------------------------------------------------------- markup


class _Outline(HTMLParser):
    """Collects what the markup checks need: open/close balance, ids, headings, labels."""

    VOID = frozenset({"meta", "input", "br", "img", "hr", "link"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.headings: list[int] = []
        self.labels: set[str] = set()
        self.controls: list[str] = []
        self.html_lang: str | None = None
        self.table_headers = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        if tag == "html":
            self.html_lang = found.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "label" and found.get("for"):
            self.labels.add(str(found["for"]))
        if tag in ("select", "input"):
            self.controls.append(str(found.get("id")))
        if tag == "th" and found.get("scope") in ("col", "row"):
            self.table_headers += 1
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()


def _outline(page: str) -> _Outline:
    parser = _Outline()
    parser.feed(page)
    parser.close()
    return parser


@pytest.mark.parametrize("kind", ["comparison", "timeline", "hostile"])
def test_markup_is_clean_and_accessible(
    kind: str, comparison: td.Comparison, series: td.Timeline, hostile: td.Comparison
) -> None:
    """Tags balance, ids are unique, lang is set, headings don't skip, controls have labels."""
    page = {
        "comparison": lambda: comparison_html(comparison),
        "timeline": lambda: timeline_html(series),
        "hostile": lambda: comparison_html(hostile),
    }[kind]()
    outline = _outline(page)
    assert outline.errors == []
    assert outline.stack == []
    assert len(outline.ids) == len(set(outline.ids))
    assert outline.html_lang == "en"
    assert outline.headings[0] == 1
    assert outline.headings.count(1) == 1
    for before, after in itertools.pairwise(outline.headings):
        assert after <= before + 1, f"h{before} is followed by h{after}"
    assert set(outline.controls) <= outline.labels
    assert outline.table_headers > 0


def test_print_and_colour_blind_rules(comparison: td.Comparison) -> None:
    """Print hides the filters and shows everything; marks carry a symbol and a word."""
    page = comparison_html(comparison)
    css = page[page.index("<style>") : page.index("</style>")]
    assert "@media print" in css
    print_rules = css[css.index("@media print") :]
    assert ".filters, .skip-link, .change-nav { display: none !important; }" in print_rules
    screen_rules = css[css.index("@media screen") : css.index("@media print")]
    assert ".is-filtered-out" in screen_rules  # hidden on screen only
    assert '<span class="sym" aria-hidden="true">−</span> worsens</span>' in page
    assert '<span class="sym" aria-hidden="true">+</span> addresses</span>' in page
    assert '<span class="sym" aria-hidden="true">±</span> mixed</span>' in page
    assert '<span class="sym" aria-hidden="true">⋔</span> split</span>' in page
    assert '<form class="filters" id="filters" hidden' in page  # shown by the script only


# --------------------------------------------------------------------------- templates


def test_custom_template_and_stylesheet(comparison: td.Comparison) -> None:
    """A user's template and stylesheet replace the packaged ones; $$ is a dollar sign."""
    template = "<html lang=$lang><title>$title</title><style>$css</style>$$5 $summary</html>"
    page = comparison_html(comparison, template, css="body { color: black; }")
    assert page.startswith("<html lang=en><title>02-rev1 → 03-rev2")
    assert "<style>body { color: black; }</style>$5 <section" in page
    assert page.endswith("</html>\n")
    assert "Article by article" not in page


def test_unknown_placeholder_is_refused(comparison: td.Comparison, series: td.Timeline) -> None:
    """A template naming a placeholder the report does not fill says which ones exist."""
    with pytest.raises(ReportTemplateError, match=r"\$footer.*\$articles"):
        comparison_html(comparison, "<p>$footer</p>")
    with pytest.raises(ReportTemplateError, match=r"\$articles.*\$lineages"):
        timeline_html(series, "<p>$articles</p>")
    with pytest.raises(ReportTemplateError, match="stray"):
        comparison_html(comparison, "<p>costs $5</p>")


# --------------------------------------------------------------------------- a real browser


def test_filters_work_in_a_real_browser(
    tmp_path: Path, comparison: td.Comparison, hostile: td.Comparison
) -> None:
    """Chromium: no JS errors, filters and summary links work, a draft's <script> is text."""
    report = tmp_path / "report.html"
    report.write_text(comparison_html(comparison), "utf-8")
    hostile_report = tmp_path / "hostile.html"
    hostile_report.write_text(comparison_html(hostile), "utf-8")
    with chromium() as driver:
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import Select

        open_file(driver, report)
        assert console_errors(driver) == []
        assert driver.find_element(By.ID, "filters").is_displayed()
        assert _visible_changes(driver) == _all(comparison)
        OUT.mkdir(exist_ok=True)
        driver.set_window_size(1280, 2400)
        driver.save_screenshot(str(OUT / "report-screenshot.png"))

        concern, effect = (
            Select(driver.find_element(By.ID, "filter-concern")),
            Select(driver.find_element(By.ID, "filter-effect")),
        )
        for wanted_concern, wanted_effect in _filter_cases(comparison):
            concern.select_by_value(wanted_concern)
            effect.select_by_value(wanted_effect)
            expected = _expected(comparison, wanted_concern, wanted_effect)
            assert _visible_changes(driver) == expected, (wanted_concern, wanted_effect)
        driver.find_element(By.ID, "filter-reset").click()
        assert len(_visible_changes(driver)) == len(comparison.changes)

        link = driver.find_element(
            By.CSS_SELECTOR, 'a[data-concern="surveillance-powers"][data-effect="worsens"]'
        )
        target = link.get_attribute("href").rsplit("#", 1)[1]
        link.click()
        assert concern.first_selected_option.get_attribute("value") == "surveillance-powers"
        assert driver.execute_script("return location.hash") == f"#{target}"
        assert _visible_changes(driver) == _expected(comparison, "surveillance-powers", "worsens")
        assert console_errors(driver) == []

        open_file(driver, hostile_report)
        body = driver.find_element(By.TAG_NAME, "body").text
        assert "<script>alert(1)</script>" in body
        assert "<img src=x onerror=alert(2)>" in body
        assert driver.find_elements(By.CSS_SELECTOR, "main script, main img") == []
        assert console_errors(driver) == []


def test_timeline_in_a_real_browser(tmp_path: Path, series: td.Timeline) -> None:
    """Chromium: the timeline runs without errors and its filters work in every step."""
    report = tmp_path / "timeline.html"
    report.write_text(timeline_html(series), "utf-8")
    with chromium() as driver:
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import Select

        open_file(driver, report)
        assert console_errors(driver) == []
        total = sum(len(c.changes) for c in series.comparisons)
        assert len(_visible_changes(driver)) == total
        Select(driver.find_element(By.ID, "filter-effect")).select_by_value("worsens")
        expected = sum(len(_expected(c, "", "worsens")) for c in series.comparisons)
        assert len(_visible_changes(driver)) == expected
        Select(driver.find_element(By.ID, "filter-effect")).select_by_value("")
        driver.find_element(By.ID, "filter-quiet").click()
        rows = driver.find_elements(By.CSS_SELECTOR, "tr.lineage")
        quiet = driver.find_elements(By.CSS_SELECTOR, "tr.lineage.quiet")
        assert sum(row.is_displayed() for row in rows) == len(rows) - len(quiet)
        driver.find_element(By.ID, "filter-quiet").click()
        driver.execute_script("window.scrollTo(0, 0)")
        driver.set_window_size(1280, 2400)
        driver.save_screenshot(str(OUT / "timeline-screenshot.png"))
        assert console_errors(driver) == []


def test_everything_shows_without_javascript(tmp_path: Path, comparison: td.Comparison) -> None:
    """With JavaScript off, the filter form stays hidden and every change is visible."""
    report = tmp_path / "report.html"
    report.write_text(comparison_html(comparison), "utf-8")
    with chromium(javascript=False) as driver:
        from selenium.webdriver.common.by import By

        open_file(driver, report)
        assert not driver.find_element(By.ID, "filters").is_displayed()
        assert _visible_changes(driver) == _all(comparison)


# --------------------------------------------------------------------------- helpers


def _change_block(page: str, change_id: str) -> str:
    start = page.index(f'<article class="change" id="{change_id}"')
    return page[start : page.index("</article>", start)]


def _tag_words(comparison: td.Comparison, change: td.Change) -> Iterator[str]:
    return iter(dict.fromkeys(f"{t.concern}:{t.effect}" for t in comparison.tags_for(change)))


def _filter_cases(comparison: td.Comparison) -> list[tuple[str, str]]:
    concerns = list(dict.fromkeys(t.concern for t in comparison.tags))
    return [
        (concerns[0], ""),
        ("", "worsens"),
        ("", "any"),
        ("surveillance-powers", "worsens"),
        ("gender-mainstreaming", "mixed"),
        ("public-interest-protections", "worsens"),  # none: every change hidden
    ]


def _expected(comparison: td.Comparison, concern: str, effect: str) -> list[str]:
    def keeps(change: td.Change) -> bool:
        return any(
            (not concern or tag.concern == concern)
            and (effect in ("", "any") or tag.effect == effect)
            for tag in comparison.tags_for(change)
        )

    return sorted(c.id for c in comparison.changes if keeps(c))


def _all(comparison: td.Comparison) -> list[str]:
    return sorted(c.id for c in comparison.changes)


def _visible_changes(driver: Any) -> list[str]:
    """The ids of the changes the browser shows, sorted."""
    # One script call, not one round trip per element: the page has dozens of changes.
    ids: list[str] = driver.execute_script(
        "return Array.from(document.querySelectorAll('.change'))"
        ".filter(e => e.checkVisibility()).map(e => e.id);"
    )
    return sorted(ids)
