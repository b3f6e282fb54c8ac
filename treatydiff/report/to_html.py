"""The HTML report: one self-contained page per comparison, or per timeline of N drafts.

:func:`comparison_html` renders a :class:`~treatydiff.Comparison`: a per-concern summary, then
every article pair (old numbers → new numbers) with its changes, each shown as an inline redline
and side by side, with its concern tags. :func:`timeline_html` renders a
:class:`~treatydiff.Timeline`: a table of every article's lineage across the drafts, the concern
summary of each step, and one section per step that reuses the comparison rendering.

The page needs nothing but itself: the stylesheet and the script are inlined, every link is an
``#anchor``, and the output holds no date or path, so the same inputs give byte-identical HTML.
Every piece of draft text goes through :func:`html.escape`. The script only adds the filters
(by concern, by effect); without it every change is shown.

The template is a :class:`string.Template` (``$name`` placeholders; write ``$$`` for a dollar
sign). The packaged ones are ``templates/comparison.html`` and ``templates/timeline.html``, with
``templates/report.css`` and ``templates/report.js``; pass ``template=`` (the template's text)
and ``css=`` (a stylesheet's text) to replace them. A template may leave out any placeholder;
an unknown one raises :class:`ReportTemplateError`.

Placeholders of both templates (each value is ready-made HTML, already escaped):

``$lang``
    the language of the page, for ``<html lang="...">``.
``$title``
    the page title as text, for ``<title>``.
``$css``
    the stylesheet, for a ``<style>`` element.
``$script``
    the filtering script, for a ``<script>`` element.
``$header``
    the ``<h1>`` and the description of the drafts.
``$summary``
    the per-concern summary: a table of counts (addresses, worsens, mixed) and the net direction;
    for a timeline, one column per step.
``$filters``
    the filter form (concern, effect, text view, articles without changes); it is ``hidden``
    until the script shows it.

Only in the comparison template:

``$articles``
    the preamble, then every article pair in the new draft's order, with its changes.

Only in the timeline template:

``$lineages``
    the table of lineages: one row per article (or family of split and merged articles), one
    column per draft.
``$steps``
    one section per consecutive pair of drafts (``#step-1``, ``#step-2``, ...), each with its
    summary and its changed articles; anchors inside step *k* start with ``s<k>-``.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from importlib.resources import files
from typing import TYPE_CHECKING

import attrs

from treatydiff.exceptions import TreatydiffError

if TYPE_CHECKING:
    from treatydiff.align import Match
    from treatydiff.compare import Change, Comparison
    from treatydiff.concerns import ConcernPack, ConcernTag
    from treatydiff.timeline import Lineage, Step, Timeline
    from treatydiff.worddiff import Edit

__all__ = ["PLACEHOLDERS", "ReportTemplateError", "comparison_html", "timeline_html"]

#: The placeholders each packaged template fills, by template.
PLACEHOLDERS = {
    "comparison": ("lang", "title", "css", "script", "header", "summary", "filters", "articles"),
    "timeline": (
        "lang",
        "title",
        "css",
        "script",
        "header",
        "summary",
        "filters",
        "lineages",
        "steps",
    ),
}

EFFECTS = ("addresses", "worsens", "mixed")

#: How an article pair or a lineage step is marked: a symbol and a word, never colour alone.
RELATION_MARKS = {
    "unchanged": ("=", "unchanged"),
    "modified": ("✎", "modified"),
    "split": ("⋔", "split"),
    "merged": ("⋈", "merged"),
    "added": ("⊕", "added"),
    "deleted": ("⊖", "deleted"),
    "reappeared": ("↺", "reappeared"),
    "renumbered": ("#", "renumbered"),
    "moved": ("↕", "moved"),
}

#: Net directions, marked with the symbol of the effect they lean to.
NET_EFFECT = {"improved": "addresses", "worsened": "worsens", "mixed": "mixed"}

#: Lineage events that say nothing happened to the article in that draft.
QUIET_EVENTS = frozenset({"present", "unchanged", "absent"})


class ReportTemplateError(TreatydiffError, ValueError):
    """A report template names a placeholder the report does not fill, or misuses ``$``."""


# --------------------------------------------------------------------------- public functions


def comparison_html(
    comparison: Comparison, template: str | None = None, *, css: str | None = None
) -> str:
    """The comparison as one self-contained HTML page.

    *template* replaces the packaged page template and *css* the packaged stylesheet (see the
    module docstring for the placeholders).
    """
    scope = _scope(comparison, prefix="", level=2)
    old, new = comparison.old.label, comparison.new.label
    values = {
        "lang": "en",
        "title": _e(f"{old} → {new} · treatydiff comparison"),
        "css": _stylesheet(css),
        "script": _resource("report.js"),
        "header": _comparison_header(comparison),
        "summary": _summary_section(scope, "summary", "Concerns"),
        "filters": _filters(_concern_options([comparison]), lineages=False),
        "articles": _articles_section(scope, compact=False),
    }
    return _render(template or _resource("comparison.html"), values, "comparison")


def timeline_html(
    timeline: Timeline, template: str | None = None, *, css: str | None = None
) -> str:
    """The timeline as one self-contained HTML page: lineages, step summaries, step changes.

    *template* and *css* replace the packaged ones, as for :func:`comparison_html`.
    """
    scopes = [
        _scope(comparison, prefix=f"s{k}-", level=3)
        for k, comparison in enumerate(timeline.comparisons, start=1)
    ]
    labels = " → ".join(draft.label for draft in timeline.drafts)
    values = {
        "lang": "en",
        "title": _e(f"{labels} · treatydiff timeline"),
        "css": _stylesheet(css),
        "script": _resource("report.js"),
        "header": _timeline_header(timeline),
        "summary": _timeline_summary(timeline, scopes),
        "filters": _filters(_concern_options(timeline.comparisons), lineages=True),
        "lineages": _lineage_section(timeline, scopes),
        "steps": "\n".join(_step_section(scope, k) for k, scope in enumerate(scopes, start=1)),
    }
    return _render(template or _resource("timeline.html"), values, "timeline")


# --------------------------------------------------------------------------- templates


def _resource(name: str) -> str:
    text = files("treatydiff.report").joinpath("templates", name).read_text(encoding="utf-8")
    # The templates put their own line break around the inlined stylesheet and script.
    return text.rstrip("\n") if name.endswith((".css", ".js")) else text


def _stylesheet(css: str | None) -> str:
    return _resource("report.css") if css is None else css.rstrip("\n")


def _render(template: str, values: Mapping[str, str], kind: str) -> str:
    try:
        page = string.Template(template).substitute(values)
    except KeyError as error:
        known = ", ".join(f"${name}" for name in PLACEHOLDERS[kind])
        raise ReportTemplateError(
            f"the {kind} template names ${error.args[0]}, which the report does not fill; "
            f"the placeholders are {known}",
            source="template",
        ) from None
    except ValueError as error:
        raise ReportTemplateError(
            f"the {kind} template has a stray $ ({error}); write $$ for a dollar sign",
            source="template",
        ) from None
    return page if page.endswith("\n") else page + "\n"


# --------------------------------------------------------------------------- small pieces


def _e(text: str) -> str:
    """Escape text for element content and attribute values alike."""
    return html.escape(text, quote=True)


_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]+")


def _id(text: str) -> str:
    """An anchor id from an element id or a number ("20 bis" → "20-bis")."""
    return _UNSAFE_ID.sub("-", text).strip("-") or "x"


def _effect_symbols() -> dict[str, str]:
    # Imported here, not at the top: compare.py may import this module for Comparison.to_html().
    from treatydiff.compare import EFFECT_SYMBOLS

    # A true minus sign, as wide as "+" and "±", reads better than a hyphen in a count column.
    return {effect: symbol.replace("-", "\u2212") for effect, symbol in EFFECT_SYMBOLS.items()}


def _mark(kind: str, css_class: str) -> str:
    """A badge: the symbol (hidden from screen readers, which read the word) and the word."""
    symbol, word = RELATION_MARKS[kind]
    return (
        f'<span class="badge {css_class}-{kind}"><span class="sym" aria-hidden="true">{symbol}'
        f"</span> {word}</span>"
    )


def _effect_badge(effect: str, word: str | None = None) -> str:
    symbol = _effect_symbols().get(effect, "=")
    return (
        f'<span class="effect effect-{_id(effect)}"><span class="sym" aria-hidden="true">'
        f"{_e(symbol)}</span> {_e(word or effect)}</span>"
    )


def _net_badge(net: str) -> str:
    # "unchanged" leans nowhere: it gets the neutral style and "=" (no effect has that symbol).
    return _effect_badge(NET_EFFECT.get(net, "none"), net)


def _heading(level: int, anchor: str, content: str, css_class: str = "") -> str:
    level = min(level, 6)
    attributes = f' class="{css_class}"' if css_class else ""
    return f'<h{level} id="{anchor}"{attributes}>{content}</h{level}>'


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _nums(nums: Sequence[str]) -> str:
    return " + ".join(nums) or "—"


def _source_name(source: str) -> str:
    # Only the file's name: a full path would tie the report (and its golden copy) to one machine.
    return re.split(r"[\\/]", source)[-1]


def _concern_title(pack: ConcernPack | None, concern_id: str) -> str:
    if pack is None or concern_id not in pack.ids:
        return ""
    title = pack.concern(concern_id).title
    # A pack rebuilt from a saved JSON report knows only the ids; a repeated id says nothing.
    return "" if title == concern_id else title


# --------------------------------------------------------------------------- one comparison


@attrs.frozen
class _Scope:
    """One comparison as the page shows it: its anchors' prefix, heading level, and changes in
    page order (the preamble first, then the article pairs, then any change neither holds).

    Build it with :func:`_scope`, which groups the changes and indexes the tags once.
    """

    comparison: Comparison
    prefix: str
    level: int
    preamble: tuple[Change, ...]
    by_match: tuple[tuple[Change, ...], ...]
    other: tuple[Change, ...]
    #: The tags of each change, by change id.
    tags: Mapping[str, tuple[ConcernTag, ...]]
    #: (concern, effect) → the id of the first change, in page order, tagged so.
    firsts: Mapping[tuple[str, str], str]

    @property
    def ordered(self) -> tuple[Change, ...]:
        """Every change in the order the page shows them."""
        return _page_order(self.preamble, self.by_match, self.other)

    def anchor(self, local: str) -> str:
        return f"{self.prefix}{local}"

    def tags_for(self, change: Change) -> tuple[ConcernTag, ...]:
        return self.tags.get(change.id, ())

    def first_change(self, concern: str, effect: str) -> str | None:
        """The anchor of the first change tagged *effect* for *concern*, if any."""
        first = self.firsts.get((concern, effect))
        return None if first is None else self.anchor(first)

    def match_anchor(self, index: int) -> str:
        return self.anchor(_match_anchor(self.comparison.alignment.matches[index]))

    def shown_in_brief(self, index: int) -> bool:
        """Whether a step of a timeline shows article pair *index*: only pairs that changed."""
        match = self.comparison.alignment.matches[index]
        return bool(self.by_match[index]) or match.relation != "unchanged" or match.moved


def _scope(comparison: Comparison, *, prefix: str, level: int) -> _Scope:
    preamble, by_match, other = _group_changes(comparison)
    # Indexed once: asking Comparison.tags_for per change and per count would be quadratic.
    tags: dict[str, list[ConcernTag]] = {}
    for tag in comparison.tags:
        tags.setdefault(tag.change, []).append(tag)
    firsts: dict[tuple[str, str], str] = {}
    for change in _page_order(preamble, by_match, other):
        for tag in tags.get(change.id, ()):
            firsts.setdefault((tag.concern, tag.effect), change.id)
    by_change = {change_id: tuple(found) for change_id, found in tags.items()}
    return _Scope(comparison, prefix, level, preamble, by_match, other, by_change, firsts)


def _page_order(
    preamble: tuple[Change, ...],
    by_match: tuple[tuple[Change, ...], ...],
    other: tuple[Change, ...],
) -> tuple[Change, ...]:
    return (*preamble, *(change for group in by_match for change in group), *other)


def _group_changes(
    comparison: Comparison,
) -> tuple[tuple[Change, ...], tuple[tuple[Change, ...], ...], tuple[Change, ...]]:
    matches = comparison.alignment.matches
    preamble: list[Change] = []
    by_match: list[list[Change]] = [[] for _ in matches]
    other: list[Change] = []
    for change in comparison.changes:
        if "preamble" in (change.old_article, change.new_article):
            preamble.append(change)
            continue
        index = _match_index(change, matches)
        (other if index is None else by_match[index]).append(change)
    return tuple(preamble), tuple(tuple(group) for group in by_match), tuple(other)


def _match_index(change: Change, matches: Sequence[Match]) -> int | None:
    """The article pair a change belongs to: both numbers agreeing first, then either one."""

    def side(num: str | None, nums: tuple[str, ...]) -> bool:
        return num in nums if num is not None else not nums

    for index, match in enumerate(matches):
        old_ok = side(change.old_article, match.old_nums)
        if old_ok and side(change.new_article, match.new_nums):
            return index
    # An article number can be reused on the other side; a lone agreeing number is a fallback.
    for index, match in enumerate(matches):
        if change.old_article in match.old_nums or change.new_article in match.new_nums:
            return index
    return None


def _match_anchor(match: Match) -> str:
    if match.new:
        return f"to-{_id(match.new[0].eid)}"
    return f"from-{_id(match.old[0].eid)}"


def _match_title(match: Match) -> str:
    article = (match.new or match.old)[0]
    if not match.old:
        title = f"New article {_nums(match.new_nums)}"
    elif not match.new:
        title = f"Former article {_nums(match.old_nums)}"
    elif match.old_nums != match.new_nums:
        title = f"Article {_nums(match.old_nums)} → {_nums(match.new_nums)}"
    else:
        title = f"Article {_nums(match.new_nums)}"
    return f"{title}: {article.heading}" if article.heading else title


def _comparison_header(comparison: Comparison) -> str:
    old, new = comparison.old, comparison.new
    tagged = len({tag.change for tag in comparison.tags})
    return "\n".join(
        [
            '<p class="eyebrow">treatydiff · comparison of two drafts</p>',
            f"<h1>Changes from <q>{_e(old.label)}</q> to <q>{_e(new.label)}</q></h1>",
            '<dl class="drafts">',
            _draft_entry("Old draft", old.label, old.title, old.source, len(old.articles)),
            _draft_entry("New draft", new.label, new.title, new.source, len(new.articles)),
            "</dl>",
            f'<p class="overview">{_alignment_overview(comparison)} '
            f"{_plural(len(comparison.changes), 'change')}, {tagged} tagged for a concern.</p>",
        ]
    )


def _draft_entry(role: str, label: str, title: str, source: str, articles: int) -> str:
    return (
        f"<div><dt>{role}</dt><dd><strong>{_e(label)}</strong>{_draft_title(title)} "
        f'<span class="draft-meta">{_e(_source_name(source))} · '
        f"{_plural(articles, 'article')}</span></dd></div>"
    )


def _draft_title(title: str) -> str:
    return f' <span class="draft-title">{_e(title)}</span>' if title else ""


def _alignment_overview(comparison: Comparison) -> str:
    counts = comparison.alignment.counts()
    relations = ", ".join(
        f"{counts[r]} {r}"
        for r in ("unchanged", "modified", "split", "merged", "added", "deleted")
        if counts[r]
    )
    matches = _plural(len(comparison.alignment.matches), "article pair")
    return f"{matches}: {relations}; {counts['renumbered']} renumbered, {counts['moved']} moved."


# --------------------------------------------------------------------------- concern summary


def _summary_section(scope: _Scope, local: str, title: str) -> str:
    comparison = scope.comparison
    anchor = scope.anchor(local)
    pack = comparison.concerns
    parts = [
        f'<section class="summary" id="{anchor}" aria-labelledby="{anchor}-h">',
        _heading(scope.level, f"{anchor}-h", _e(title)),
    ]
    if pack is not None and pack.title:
        parts.append(f'<p class="pack">Concern pack: <cite>{_e(pack.title)}</cite></p>')
    summary = comparison.summary()
    if not summary:
        parts.append('<p class="empty">No concern was tagged.</p>')
    else:
        parts.append(_effect_legend())
        parts.append(_summary_table(scope, summary))
    parts.append("</section>")
    return "\n".join(parts)


def _effect_legend() -> str:
    badges = " ".join(_effect_badge(effect) for effect in EFFECTS)
    return (
        f'<p class="legend">Each change is judged for each concern: {badges}. '
        "A count links to the first such change and filters the list to them.</p>"
    )


def _summary_table(scope: _Scope, summary: Mapping[str, Mapping[str, int | str]]) -> str:
    symbols = _effect_symbols()
    heads = "".join(
        f'<th scope="col" class="count effect-{e}"><span class="sym" aria-hidden="true">'
        f"{_e(symbols[e])}</span> {e}</th>"
        for e in EFFECTS
    )
    rows = [
        '<table class="summary-table">',
        f'<thead><tr><th scope="col">Concern</th>{heads}<th scope="col">Net direction</th>'
        "</tr></thead>",
        "<tbody>",
    ]
    for concern, row in summary.items():
        cells = "".join(_count_cell(scope, concern, effect, int(row[effect])) for effect in EFFECTS)
        rows.append(
            f'<tr data-concern="{_e(concern)}">{_concern_cell(scope.comparison.concerns, concern)}'
            f'{cells}<td class="net">{_net_badge(str(row["net"]))}</td></tr>'
        )
    rows += ["</tbody>", "</table>"]
    return "\n".join(rows)


def _concern_cell(pack: ConcernPack | None, concern: str) -> str:
    title = _concern_title(pack, concern)
    title_part = f' <span class="concern-title">{_e(title)}</span>' if title else ""
    return f'<th scope="row"><span class="concern-id">{_e(concern)}</span>{title_part}</th>'


def _count_cell(scope: _Scope, concern: str, effect: str, count: int) -> str:
    return f'<td class="count effect-{effect}">{_count_link(scope, concern, effect, count)}</td>'


_VERBS = {
    "addresses": ("addresses", "address"),
    "worsens": ("worsens", "worsen"),
    "mixed": ("has a mixed effect on", "have a mixed effect on"),
}


def _count_link(scope: _Scope, concern: str, effect: str, count: int, shown: str = "") -> str:
    """A count that links to the first change it counts (the script also filters to them)."""
    text = shown or str(count)
    target = scope.first_change(concern, effect) if count else None
    if target is None:
        return f'<span class="zero">{_e(text)}</span>'
    singular, plural = _VERBS[effect]
    label = f"{_plural(count, 'change')} {singular if count == 1 else plural} {concern}: show them"
    return (
        f'<a href="#{target}" data-concern="{_e(concern)}" data-effect="{effect}" '
        f'aria-label="{_e(label)}">{_e(text)}</a>'
    )


# --------------------------------------------------------------------------- filters


def _concern_options(comparisons: Iterable[Comparison]) -> list[tuple[str, str]]:
    """(id, title) of every concern, the packs' order first, then any other tagged concern."""
    options: dict[str, str] = {}
    for comparison in comparisons:
        pack = comparison.concerns
        for concern in pack.ids if pack is not None else ():
            options.setdefault(concern, _concern_title(pack, concern))
        for tag in comparison.tags:
            options.setdefault(tag.concern, _concern_title(pack, tag.concern))
    return list(options.items())


def _filters(concerns: Sequence[tuple[str, str]], *, lineages: bool) -> str:
    # Hidden until the script runs: without it the controls could not work, and all is shown.
    concern_options = "".join(
        f'<option value="{_e(cid)}"{f" title={_attr(title)}" if title else ""}>{_e(cid)}</option>'
        for cid, title in concerns
    )
    symbols = _effect_symbols()
    effect_options = "".join(f'<option value="{e}">{_e(symbols[e])} {e}</option>' for e in EFFECTS)
    quiet_label = "Articles that never changed" if lineages else "Articles without changes"
    return "\n".join(
        [
            '<form class="filters" id="filters" hidden aria-label="Filter the changes">',
            '<div class="field"><label for="filter-concern">Concern</label>',
            f'<select id="filter-concern"><option value="">All concerns</option>'
            f"{concern_options}</select></div>",
            '<div class="field"><label for="filter-effect">Effect</label>',
            '<select id="filter-effect"><option value="">All changes</option>'
            f'<option value="any">Any effect on a concern</option>{effect_options}</select></div>',
            '<div class="field"><label for="filter-view">Text shown as</label>',
            '<select id="filter-view"><option value="both">Redline and side by side</option>'
            '<option value="redline">Redline only</option>'
            '<option value="side-by-side">Side by side only</option></select></div>',
            '<div class="field check"><input type="checkbox" id="filter-quiet" checked>',
            f'<label for="filter-quiet">{quiet_label}</label></div>',
            '<button type="button" id="filter-reset">Show all</button>',
            '<p class="filter-status" id="filter-status" role="status" aria-live="polite"></p>',
            "</form>",
        ]
    )


def _attr(text: str) -> str:
    return f'"{_e(text)}"'


# --------------------------------------------------------------------------- articles


def _articles_section(scope: _Scope, *, compact: bool) -> str:
    """The preamble and the article pairs; *compact* (in a timeline) leaves out those that did
    not change."""
    anchor = scope.anchor("articles")
    comparison = scope.comparison
    navigation = _navigation(scope)
    parts = [
        f'<section class="articles" id="{anchor}" aria-labelledby="{anchor}-h">',
        _heading(scope.level, f"{anchor}-h", "Article by article"),
        _relation_legend(comparison),
    ]
    if scope.preamble or not compact:
        parts.append(_preamble_section(scope, navigation))
    for index, match in enumerate(comparison.alignment.matches):
        if not compact or scope.shown_in_brief(index):
            parts.append(_match_section(scope, index, match, navigation))
    if scope.other:
        parts.append(_other_section(scope, navigation))
    parts.append("</section>")
    return "\n".join(parts)


def _relation_legend(comparison: Comparison) -> str:
    marks = " ".join(
        _mark(kind, "rel")
        for kind in ("unchanged", "modified", "split", "merged", "added", "deleted")
    )
    flags = " ".join(_mark(kind, "flag") for kind in ("renumbered", "moved"))
    old, new = _e(comparison.old.label), _e(comparison.new.label)
    return (
        f'<p class="legend">Articles of <q>{new}</q> in order, each with the article(s) of '
        f"<q>{old}</q> it continues: {marks}; {flags}. Deleted words are "
        "<del>struck through</del>, inserted words <ins>underlined</ins>.</p>"
    )


def _navigation(scope: _Scope) -> dict[str, tuple[str | None, str | None]]:
    """Each change's previous and next change, in page order."""
    ordered = [scope.anchor(change.id) for change in scope.ordered]
    return {
        anchor: (ordered[i - 1] if i else None, ordered[i + 1] if i + 1 < len(ordered) else None)
        for i, anchor in enumerate(ordered)
    }


def _preamble_section(
    scope: _Scope, navigation: Mapping[str, tuple[str | None, str | None]]
) -> str:
    relation = "modified" if scope.preamble else "unchanged"
    return _article_block(
        scope,
        anchor=scope.anchor("preamble"),
        title="Preamble",
        relation=relation,
        badges=_mark(relation, "rel"),
        meta="",
        changes=scope.preamble,
        navigation=navigation,
    )


def _match_section(
    scope: _Scope,
    index: int,
    match: Match,
    navigation: Mapping[str, tuple[str | None, str | None]],
) -> str:
    flags = [_mark(flag, "flag") for flag in ("renumbered", "moved") if getattr(match, flag)]
    comparison = scope.comparison
    meta = (
        f"{_e(comparison.old.label)}: {_e(_nums(match.old_nums))} · "
        f"{_e(comparison.new.label)}: {_e(_nums(match.new_nums))} · "
        f"similarity {match.similarity:.2f} ({_e(match.method)})"
    )
    return _article_block(
        scope,
        anchor=scope.match_anchor(index),
        title=_match_title(match),
        relation=match.relation,
        badges=" ".join([_mark(match.relation, "rel"), *flags]),
        meta=meta,
        changes=scope.by_match[index],
        navigation=navigation,
    )


def _other_section(scope: _Scope, navigation: Mapping[str, tuple[str | None, str | None]]) -> str:
    return _article_block(
        scope,
        anchor=scope.anchor("other"),
        title="Other changes",
        relation="modified",
        badges="",
        meta="Changes that belong to no article pair of the alignment.",
        changes=scope.other,
        navigation=navigation,
    )


def _article_block(
    scope: _Scope,
    *,
    anchor: str,
    title: str,
    relation: str,
    badges: str,
    meta: str,
    changes: Sequence[Change],
    navigation: Mapping[str, tuple[str | None, str | None]],
) -> str:
    quiet = "" if changes else " quiet"
    parts = [
        f'<section class="article rel-{relation}{quiet}" id="{anchor}" '
        f'aria-labelledby="{anchor}-h">',
        '<div class="article-head">',
        _heading(scope.level + 1, f"{anchor}-h", _e(title)),
        f'<p class="badges">{badges}</p>' if badges else "",
        "</div>",
        f'<p class="match-meta">{meta}</p>' if meta else "",
    ]
    if changes:
        parts.extend(_change_block(scope, change, navigation) for change in changes)
    elif relation not in ("unchanged", "added", "deleted"):
        parts.append('<p class="no-change">No change in wording once noise is set aside.</p>')
    parts.append("</section>")
    return "\n".join(part for part in parts if part)


# --------------------------------------------------------------------------- one change


def _change_block(
    scope: _Scope, change: Change, navigation: Mapping[str, tuple[str | None, str | None]]
) -> str:
    anchor = scope.anchor(change.id)
    tags = scope.tags_for(change)
    data_tags = " ".join(dict.fromkeys(f"{tag.concern}:{tag.effect}" for tag in tags))
    eid = change.new_eid or change.old_eid or ""
    title = (
        f'<a class="change-id" href="#{anchor}">{_e(change.id)}</a> '
        f'<span class="where">{_e(change.where)}</span>'
        + (f' <code class="eid">{_e(eid)}</code>' if eid else "")
    )
    parts = [
        f'<article class="change" id="{anchor}" data-tags="{_e(data_tags)}" '
        f'aria-labelledby="{anchor}-h">',
        '<div class="change-head">',
        _heading(scope.level + 2, f"{anchor}-h", title),
        _kinds(change),
        "</div>",
        _tag_list(scope.comparison.concerns, tags),
        _findings(change),
        _diff_views(scope.comparison, change),
        _change_nav(anchor, navigation[anchor], scope.anchor("summary")),
        "</article>",
    ]
    return "\n".join(part for part in parts if part)


def _kinds(change: Change) -> str:
    if not change.kinds:
        return ""
    items = "".join(f'<li class="kind">{_e(kind)}</li>' for kind in change.kinds)
    return f'<ul class="kinds" aria-label="Kinds of change">{items}</ul>'


def _tag_list(pack: ConcernPack | None, tags: Sequence[ConcernTag]) -> str:
    if not tags:
        return '<p class="no-tags">No concern tagged.</p>'
    items = []
    for tag in tags:
        title = _concern_title(pack, tag.concern)
        title_attr = f" title={_attr(title)}" if title else ""
        evidence = "; ".join(f"“{word}”" for word in tag.evidence)
        evidence_part = (
            f' <span class="evidence">Evidence: {_e(evidence)}</span>' if evidence else ""
        )
        items.append(
            f'<li class="tag tag-{_id(tag.effect)}">{_effect_badge(tag.effect)} '
            f'<strong class="concern-id"{title_attr}>{_e(tag.concern)}</strong> '
            f'<span class="confidence">confidence {tag.confidence:.2f}</span>'
            f'<p class="rationale">{_e(tag.rationale)}{evidence_part}</p></li>'
        )
    return f'<ul class="tags" aria-label="Concerns">{"".join(items)}</ul>'


def _findings(change: Change) -> str:
    details = [f for f in change.findings if f.detail]
    if not details:
        return ""
    items = "".join(
        f'<li><span class="kind">{_e(f.kind)}</span> {_e(f.detail)}</li>' for f in details
    )
    return f'<ul class="findings" aria-label="What changed">{items}</ul>'


def _diff_views(comparison: Comparison, change: Change) -> str:
    old_label, new_label = comparison.old.label, comparison.new.label
    old_side = _side(change.edits, "old") or _absent(old_label)
    new_side = _side(change.edits, "new") or _absent(new_label)
    return "\n".join(
        [
            '<div class="views">',
            '<div class="redline"><p class="view-label">Redline</p>'
            f'<div class="text">{_redline(change.edits)}</div></div>',
            '<table class="side-by-side"><caption class="view-label">Side by side</caption>',
            f'<thead><tr><th scope="col">{_e(old_label)}</th><th scope="col">{_e(new_label)}'
            "</th></tr></thead>",
            f'<tbody><tr><td class="text">{old_side}</td><td class="text">{new_side}</td></tr>'
            "</tbody>",
            "</table>",
            "</div>",
        ]
    )


def _absent(label: str) -> str:
    return f'<span class="absent-text">(not in {_e(label)})</span>'


def _lead(text: str) -> str:
    """The white space an edit carries before its words (edits own the space before them)."""
    return text[: len(text) - len(text.lstrip())]


def _redline(edits: Sequence[Edit]) -> str:
    return "".join(_redline_edit(edit) for edit in edits)


def _redline_edit(edit: Edit) -> str:
    if edit.op == "equal":
        return _e(edit.new)
    parts = [_e(_lead(edit.new or edit.old))]
    if edit.old.strip():
        parts.append(f"<del>{_e(edit.old.strip())}</del>")
    if _wordy(edit.old) and _wordy(edit.new):
        parts.append(" ")  # so that copied text does not glue the old words to the new ones
    if edit.new.strip():
        parts.append(f"<ins>{_e(edit.new.strip())}</ins>")
    return "".join(parts)


def _wordy(text: str) -> bool:
    return any(char.isalnum() for char in text)


def _side(edits: Sequence[Edit], side: str) -> str:
    """One column of the side-by-side view: the old text with deletions, or the new with
    insertions."""
    tag = "del" if side == "old" else "ins"
    parts = []
    for edit in edits:
        text = edit.old if side == "old" else edit.new
        if not text:
            continue
        if edit.op == "equal":
            parts.append(_e(text))
        elif text.strip():
            parts.append(f"{_e(_lead(text))}<{tag}>{_e(text.strip())}</{tag}>")
    return "".join(parts)


def _change_nav(anchor: str, neighbours: tuple[str | None, str | None], summary: str) -> str:
    previous, following = neighbours
    links = [
        f'<a href="#{previous}" data-nav="prev" rel="prev">← Previous change</a>'
        if previous
        else '<span class="nav-end">First change</span>',
        f'<a href="#{following}" data-nav="next" rel="next">Next change →</a>'
        if following
        else '<span class="nav-end">Last change</span>',
        f'<a href="#{summary}">Summary</a>',
    ]
    return f'<nav class="change-nav" aria-label="Around {_e(anchor)}">{" · ".join(links)}</nav>'


# --------------------------------------------------------------------------- timeline


def _timeline_header(timeline: Timeline) -> str:
    drafts = "".join(
        f"<li><strong>{_e(d.label)}</strong>{_draft_title(d.title)} "
        f'<span class="draft-meta">{_e(_source_name(d.source))} · '
        f"{_plural(len(d.articles), 'article')}</span></li>"
        for d in timeline.drafts
    )
    changes = sum(len(c.changes) for c in timeline.comparisons)
    return "\n".join(
        [
            '<p class="eyebrow">treatydiff · timeline of a negotiation</p>',
            f"<h1>{_plural(len(timeline.drafts), 'draft')}: "
            f"{' → '.join(f'<q>{_e(d.label)}</q>' for d in timeline.drafts)}</h1>",
            f'<ol class="drafts">{drafts}</ol>',
            f'<p class="overview">{_plural(len(timeline.lineages), "article lineage")}; '
            f"{_plural(len(timeline.comparisons), 'step')} with "
            f"{_plural(changes, 'change')} in all.</p>",
        ]
    )


def _step_title(scope: _Scope, k: int) -> str:
    c = scope.comparison
    return f"Step {k}: {c.old.label} → {c.new.label}"


def _timeline_summary(timeline: Timeline, scopes: Sequence[_Scope]) -> str:
    concerns = _concern_options(timeline.comparisons)
    parts = [
        '<section class="summary" id="summary" aria-labelledby="summary-h">',
        _heading(2, "summary-h", "Concerns, step by step"),
    ]
    packs = list(dict.fromkeys(c.concerns.title for c in timeline.comparisons if c.concerns))
    parts.extend(f'<p class="pack">Concern pack: <cite>{_e(title)}</cite></p>' for title in packs)
    if not concerns:
        parts += ['<p class="empty">No concern was tagged.</p>', "</section>"]
        return "\n".join(parts)
    heads = "".join(
        f'<th scope="col"><a href="#step-{k}">{_e(_step_title(scope, k))}</a></th>'
        for k, scope in enumerate(scopes, start=1)
    )
    summaries = [scope.comparison.summary() for scope in scopes]
    parts += [
        _effect_legend(),
        '<table class="summary-table timeline-summary">',
        f'<thead><tr><th scope="col">Concern</th>{heads}</tr></thead>',
        "<tbody>",
    ]
    for concern, title in concerns:
        cells = "".join(
            _step_summary_cell(scope, concern, summary.get(concern))
            for scope, summary in zip(scopes, summaries, strict=True)
        )
        title_part = f' <span class="concern-title">{_e(title)}</span>' if title else ""
        parts.append(
            f'<tr data-concern="{_e(concern)}"><th scope="row"><span class="concern-id">'
            f"{_e(concern)}</span>{title_part}</th>{cells}</tr>"
        )
    parts += ["</tbody>", "</table>", "</section>"]
    return "\n".join(parts)


def _step_summary_cell(scope: _Scope, concern: str, row: Mapping[str, int | str] | None) -> str:
    if row is None:
        return '<td class="step-cell"><span class="zero">not judged</span></td>'
    symbols = _effect_symbols()
    counts = " ".join(
        _count_link(scope, concern, e, int(row[e]), f"{symbols[e]}{row[e]}") for e in EFFECTS
    )
    return (
        f'<td class="step-cell">{_net_badge(str(row["net"]))}'
        f'<span class="step-counts">{counts}</span></td>'
    )


def _lineage_section(timeline: Timeline, scopes: Sequence[_Scope]) -> str:
    heads = "".join(f'<th scope="col">{_e(d.label)}</th>' for d in timeline.drafts)
    legend = " ".join(
        _mark(kind, "ev")
        for kind in ("added", "modified", "split", "merged", "deleted", "reappeared", "moved")
    )
    targets = _lineage_targets(scopes)
    rows = "\n".join(_lineage_row(timeline, lineage, targets) for lineage in timeline.lineages)
    return "\n".join(
        [
            '<section class="lineages" id="lineages" aria-labelledby="lineages-h">',
            _heading(2, "lineages-h", "Articles across drafts"),
            f'<p class="legend">One row per article (split and merged articles share a row), '
            f"one column per draft, with the article's number(s) there and what happened: "
            f"{legend}; “—” when it is not in that draft. A number links to that step's "
            "changes.</p>",
            '<div class="table-scroll">',
            '<table class="lineage-table">',
            f'<thead><tr><th scope="col">Article</th>{heads}</tr></thead>',
            "<tbody>",
            rows,
            "</tbody>",
            "</table>",
            "</div>",
            "</section>",
        ]
    )


_Targets = dict[tuple[int, str, str], str]


def _lineage_targets(scopes: Sequence[_Scope]) -> _Targets:
    """(draft index, side, article eid) → the anchor of its article pair in that step, for the
    pairs a step shows."""
    targets: _Targets = {}
    for k, scope in enumerate(scopes, start=1):
        for index, match in enumerate(scope.comparison.alignment.matches):
            if not scope.shown_in_brief(index):
                continue
            anchor = scope.match_anchor(index)
            for article in match.new:
                targets[(k, "new", article.eid)] = anchor
            for article in match.old:
                targets[(k, "old", article.eid)] = anchor
    return targets


def _lineage_row(timeline: Timeline, lineage: Lineage, targets: _Targets) -> str:
    quiet = all(step.event in QUIET_EVENTS and not step.renumbered for step in lineage.steps)
    last = lineage.last
    # By element id, not number: numbers can repeat inside a draft (in an annex), ids cannot.
    article = next((a for a in timeline.drafts[last.draft].articles if a.eid in last.eids), None)
    name = _e(article.heading) if article and article.heading else _e(_nums(last.nums))
    label = f'<span class="lineage-name">{name}</span>'
    cells = "".join(_lineage_cell(lineage, step, targets) for step in lineage.steps)
    events = " ".join(step.event for step in lineage.steps)
    return (
        f'<tr class="lineage{" quiet" if quiet else ""}" data-events="{_e(events)}">'
        f'<th scope="row">{label}</th>{cells}</tr>'
    )


def _lineage_cell(lineage: Lineage, step: Step, targets: _Targets) -> str:
    marks = []
    if step.event not in QUIET_EVENTS:
        marks.append(_mark(step.event, "ev") if step.event in RELATION_MARKS else _e(step.event))
    if step.renumbered and step.nums:
        marks.append(_mark("renumbered", "flag"))
    if step.moved:
        marks.append(_mark("moved", "ev"))
    if step.nums:
        nums = f'<span class="nums">{_e(_nums(step.nums))}</span>'
    else:
        nums = '<span class="nums absent" aria-label="not in this draft">—</span>'
    target = _step_target(lineage, step, targets)
    content = nums if target is None else f'<a href="#{target}">{nums}</a>'
    badges = f' <span class="cell-badges">{" ".join(marks)}</span>' if marks else ""
    return f'<td class="ev-cell ev-{_id(step.event)}">{content}{badges}</td>'


def _step_target(lineage: Lineage, step: Step, targets: _Targets) -> str | None:
    """Where a cell links: the article pair that brought the article into this draft, or (when
    it was deleted) the pair that took it out."""
    if step.draft == 0:
        return None
    for eid in step.eids:
        if (step.draft, "new", eid) in targets:
            return targets[(step.draft, "new", eid)]
    if step.event == "deleted":
        for eid in lineage.steps[step.draft - 1].eids:
            if (step.draft, "old", eid) in targets:
                return targets[(step.draft, "old", eid)]
    return None


def _step_section(scope: _Scope, k: int) -> str:
    comparison = scope.comparison
    tagged = len({tag.change for tag in comparison.tags})
    return "\n".join(
        [
            f'<section class="step" id="step-{k}" aria-labelledby="step-{k}-h">',
            _heading(2, f"step-{k}-h", _e(_step_title(scope, k))),
            f'<p class="overview">{_alignment_overview(comparison)} '
            f"{_plural(len(comparison.changes), 'change')}, {tagged} tagged for a concern. "
            "Only the articles that changed are listed.</p>",
            _summary_section(scope, "summary", "Concerns"),
            _articles_section(scope, compact=True),
            "</section>",
        ]
    )
