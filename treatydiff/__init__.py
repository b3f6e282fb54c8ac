"""treatydiff: load successive drafts of a treaty and see what changed, article by article."""

from __future__ import annotations

from treatydiff.exceptions import (
    DraftFormatError,
    DraftStructureError,
    EmptyDraftError,
    EncodingError,
    InputTooLargeError,
    MissingExtraError,
    TreatydiffError,
    UnknownArticleError,
    UnsupportedFormatError,
)
from treatydiff.load import load, loads
from treatydiff.model import Article, Division, Draft, Footnote, Provision, Removed, SourceRef

__version__ = "0.1.0.dev0"

__all__ = [
    "Article",
    "Division",
    "Draft",
    "DraftFormatError",
    "DraftStructureError",
    "EmptyDraftError",
    "EncodingError",
    "Footnote",
    "InputTooLargeError",
    "MissingExtraError",
    "Provision",
    "Removed",
    "SourceRef",
    "TreatydiffError",
    "UnknownArticleError",
    "UnsupportedFormatError",
    "load",
    "loads",
]
