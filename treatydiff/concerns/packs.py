"""Reading concern packs from TOML, with errors that name the file, the concern and the key."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

from treatydiff.classify import KINDS, phrases_pattern
from treatydiff.concerns.model import Concern, ConcernPack, ConcernRule
from treatydiff.exceptions import TreatydiffError

__all__ = ["DEFAULT_PACK", "ConcernPackError", "load_concerns", "packaged_packs"]

#: The id of the pack ``compare()`` uses by default: the six concerns of the January 2024 joint
#: statement on the UN cybercrime convention.
DEFAULT_PACK: Final = "un-cybercrime-2024"

_PACK_KEYS: Final = {"id", "title", "description"}
_CONCERN_KEYS: Final = {
    "id", "title", "description", "default_role", "applies", "words", "use", "rules",
}  # fmt: skip
_APPLIES_KEYS: Final = {"divisions", "headings", "terms"}
_WORDS_KEYS: Final = {"protective", "risky", "safeguard_headings"}
_RULE_KEYS: Final = {
    "id", "kinds", "added", "removed", "effect", "role", "where", "detail", "confidence", "because",
    "unless",
}  # fmt: skip


class ConcernPackError(TreatydiffError, ValueError):
    """A concern pack that cannot be read: the message names the file, the concern and the key."""


def packaged_packs() -> list[str]:
    """The names of the packs that ship with treatydiff."""
    folder = resources.files("treatydiff.concerns").joinpath("data")
    return sorted(
        p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")
    )


def load_concerns(source: str | Path = DEFAULT_PACK) -> ConcernPack:
    """Load a concern pack: the name of a packaged pack (see :func:`packaged_packs`) or the path
    of a TOML file of your own (``docs/concerns.md`` describes the format)."""
    if isinstance(source, str) and source in packaged_packs():
        return _packaged(source)
    path = Path(source)
    if not path.exists():
        known = ", ".join(packaged_packs())
        raise ConcernPackError(
            f"no such file, and no packaged pack of that name (packaged: {known})",
            source=str(source),
        )
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConcernPackError(f"cannot read the pack ({error})", source=str(path)) from None
    return parse_pack(text, source=str(path))


@cache
def _packaged(name: str) -> ConcernPack:
    text = resources.files("treatydiff.concerns").joinpath(f"data/{name}.toml").read_text("utf-8")
    return parse_pack(text, source=f"{name} (packaged)")


def parse_pack(text: str, *, source: str = "<pack>") -> ConcernPack:
    """Build a pack from TOML *text*; *source* names it in errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConcernPackError(f"not valid TOML: {error}", source=source) from None
    reader = _Reader(source)
    pack = reader.table(data, "pack", where="the file")
    reader.keys(pack, _PACK_KEYS, where="[pack]")
    rulesets = data.get("rulesets", {})
    reader.keys(data, {"pack", "concerns", "rulesets"}, where="the file")
    concerns = reader.list_of_tables(data, "concerns", where="the file")
    if not concerns:
        raise ConcernPackError("the pack has no [[concerns]]", source=source)
    built = tuple(reader.concern(item, rulesets) for item in concerns)
    ids = [c.id for c in built]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ConcernPackError(f"concern ids must be unique; repeated: {duplicates}", source=source)
    return ConcernPack(
        id=reader.string(pack, "id", where="[pack]"),
        title=reader.string(pack, "title", where="[pack]"),
        description=reader.string(pack, "description", where="[pack]", required=False),
        concerns=built,
        source=source,
    )


class _Reader:
    """Typed access to the TOML data, raising :class:`ConcernPackError` that says where."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, message: str, where: str) -> ConcernPackError:
        return ConcernPackError(message, source=self.source, where=where)

    def keys(self, table: Mapping[str, Any], allowed: set[str], *, where: str) -> None:
        unknown = sorted(set(table) - allowed)
        if unknown:
            raise self.fail(
                f"unknown key {unknown[0]!r}; allowed: {', '.join(sorted(allowed))}", where
            )

    def table(self, data: Mapping[str, Any], key: str, *, where: str) -> Mapping[str, Any]:
        value = data.get(key)
        if not isinstance(value, dict):
            raise self.fail(f"needs a table [{key}]", where)
        return value

    def list_of_tables(self, data: Mapping[str, Any], key: str, *, where: str) -> list[Any]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(f"{key!r} must be an array of tables ([[{key}]])", where)
        return value

    def string(
        self, data: Mapping[str, Any], key: str, *, where: str, required: bool = True
    ) -> str:
        value = data.get(key, None if required else "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(f"key {key!r} must be a non-empty string", where)
        return value

    def phrases(self, data: Mapping[str, Any], key: str, *, where: str) -> re.Pattern[str] | None:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(f"key {key!r} must be a list of phrases (strings)", where)
        return phrases_pattern(value) if value else None

    def concern(self, item: Mapping[str, Any], rulesets: Mapping[str, Any]) -> Concern:
        concern_id = self.string(item, "id", where="a [[concerns]] entry")
        where = f"concern {concern_id!r}"
        self.keys(item, _CONCERN_KEYS, where=where)
        applies = item.get("applies", {})
        words = item.get("words", {})
        self.keys(applies, _APPLIES_KEYS, where=f"{where}, [applies]")
        self.keys(words, _WORDS_KEYS, where=f"{where}, [words]")
        role = item.get("default_role", "power")
        if role not in ("power", "safeguard"):
            raise self.fail("key 'default_role' must be 'power' or 'safeguard'", where)
        rules: list[Any] = []
        for name in item.get("use", []):
            if name not in rulesets:
                raise self.fail(f"key 'use' names ruleset {name!r}, which [rulesets] lacks", where)
            rules.extend(rulesets[name])
        rules.extend(self.list_of_tables(item, "rules", where=where))
        if not rules:
            raise self.fail("needs at least one rule ([[concerns.rules]] or 'use')", where)
        return Concern(
            id=concern_id,
            title=self.string(item, "title", where=where),
            description=self.string(item, "description", where=where, required=False),
            divisions=self.phrases(applies, "divisions", where=f"{where}, [applies]"),
            headings=self.phrases(applies, "headings", where=f"{where}, [applies]"),
            terms=self.phrases(applies, "terms", where=f"{where}, [applies]"),
            protective=self.phrases(words, "protective", where=f"{where}, [words]"),
            risky=self.phrases(words, "risky", where=f"{where}, [words]"),
            safeguard_headings=self.phrases(words, "safeguard_headings", where=f"{where}, [words]"),
            default_role=role,
            rules=tuple(self.rule(rule, where) for rule in rules),
        )

    def rule(self, rule: Mapping[str, Any], concern_where: str) -> ConcernRule:
        rule_id = self.string(rule, "id", where=f"{concern_where}, a rule")
        where = f"{concern_where}, rule {rule_id!r}"
        self.keys(rule, _RULE_KEYS, where=where)
        kinds = self.kinds(rule, "kinds", where=where)
        unless = self.kinds(rule, "unless", where=where)
        added = self.phrases(rule, "added", where=where)
        removed = self.phrases(rule, "removed", where=where)
        if not kinds and added is None and removed is None:
            raise self.fail("needs 'kinds', 'added' or 'removed' to say when it applies", where)
        effect = rule.get("effect")
        if effect not in ("addresses", "worsens", "mixed"):
            raise self.fail("key 'effect' must be 'addresses', 'worsens' or 'mixed'", where)
        role = rule.get("role", "any")
        if role not in ("power", "safeguard", "any"):
            raise self.fail("key 'role' must be 'power', 'safeguard' or 'any'", where)
        place = rule.get("where", "anywhere")
        if place not in ("anywhere", "operative", "preamble", "preamble-only"):
            raise self.fail(
                "key 'where' must be 'anywhere', 'operative', 'preamble' or 'preamble-only'",
                where,
            )
        if place == "preamble-only" and added is None:
            raise self.fail(
                "key 'where' is 'preamble-only', which needs 'added': the words to look for",
                where,
            )
        confidence = rule.get("confidence", 0.7)
        if not isinstance(confidence, int | float) or not 0 < confidence <= 1:
            raise self.fail("key 'confidence' must be a number above 0 and at most 1", where)
        detail = rule.get("detail")
        if detail is not None and not isinstance(detail, str):
            raise self.fail("key 'detail' must be a regular expression (a string)", where)
        try:
            detail_pattern = re.compile(detail, re.IGNORECASE) if detail else None
        except re.error as error:
            raise self.fail(
                f"key 'detail' is not a valid regular expression ({error})", where
            ) from None
        return ConcernRule(
            id=rule_id,
            kinds=tuple(kinds),
            added=added,
            removed=removed,
            effect=effect,
            role=role,
            where=place,
            confidence=float(confidence),
            detail=detail_pattern,
            because=self.string(rule, "because", where=where),
            unless=tuple(unless),
        )

    def kinds(self, rule: Mapping[str, Any], key: str, *, where: str) -> list[str]:
        kinds = rule.get(key, [])
        if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
            raise self.fail(f"key {key!r} must be a list of change kinds", where)
        unknown = [k for k in kinds if k not in KINDS]
        if unknown:
            raise self.fail(
                f"key {key!r} names unknown kinds {unknown}; known: {sorted(KINDS)}", where
            )
        return list(kinds)
