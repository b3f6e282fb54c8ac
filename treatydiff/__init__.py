"""treatydiff: load successive drafts of a treaty and see what changed, article by article."""

from __future__ import annotations

from treatydiff.align import (
    Alignment,
    Match,
    OverrideConflict,
    OverrideError,
    ProvisionMatch,
    align,
)
from treatydiff.classify import Finding
from treatydiff.compare import Change, Comparison, compare, compare_many
from treatydiff.concerns import ConcernPack, ConcernPackError, ConcernTag, load_concerns
from treatydiff.exceptions import (
    DraftFormatError,
    DraftNotFoundError,
    DraftStructureError,
    EmptyDraftError,
    EncodingError,
    FileAccessError,
    InputTooLargeError,
    MissingExtraError,
    TreatydiffError,
    UnknownArticleError,
    UnsupportedFormatError,
)
from treatydiff.load import load, loads
from treatydiff.model import Article, Division, Draft, Footnote, Provision, Removed, SourceRef
from treatydiff.timeline import Lineage, Step, Timeline, timeline

__version__ = "0.1.0.dev0"

__all__ = [
    "Alignment",
    "Article",
    "Change",
    "Comparison",
    "ConcernPack",
    "ConcernPackError",
    "ConcernTag",
    "Division",
    "Draft",
    "DraftFormatError",
    "DraftNotFoundError",
    "DraftStructureError",
    "EmptyDraftError",
    "EncodingError",
    "FileAccessError",
    "Finding",
    "Footnote",
    "InputTooLargeError",
    "Lineage",
    "Match",
    "MissingExtraError",
    "OverrideConflict",
    "OverrideError",
    "Provision",
    "ProvisionMatch",
    "Removed",
    "SourceRef",
    "Step",
    "Timeline",
    "TreatydiffError",
    "UnknownArticleError",
    "UnsupportedFormatError",
    "align",
    "compare",
    "compare_many",
    "load",
    "load_concerns",
    "loads",
    "timeline",
]
