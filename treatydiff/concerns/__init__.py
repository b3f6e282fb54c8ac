"""Concern packs and the tagger: does each change address or worsen each concern?"""

from __future__ import annotations

from treatydiff.concerns.model import Concern, ConcernPack, ConcernRule, ConcernTag, Effect, Role
from treatydiff.concerns.packs import (
    DEFAULT_PACK,
    ConcernPackError,
    load_concerns,
    packaged_packs,
    parse_pack,
)
from treatydiff.concerns.tagger import tag_changes

__all__ = [
    "DEFAULT_PACK",
    "Concern",
    "ConcernPack",
    "ConcernPackError",
    "ConcernRule",
    "ConcernTag",
    "Effect",
    "Role",
    "load_concerns",
    "packaged_packs",
    "parse_pack",
    "tag_changes",
]
