"""The errors treatydiff raises.

Every error derives from :class:`TreatydiffError` and from the builtin that fits it, so callers
can catch either. Each message names the file, the place in it (a line or an element) and what to
do about it.
"""

from __future__ import annotations

__all__ = [
    "DraftFormatError",
    "DraftNotFoundError",
    "DraftStructureError",
    "EmptyDraftError",
    "EncodingError",
    "FileAccessError",
    "InputTooLargeError",
    "MissingExtraError",
    "TreatydiffError",
    "UnknownArticleError",
    "UnsupportedFormatError",
]


class TreatydiffError(Exception):
    """Base class of every error treatydiff raises on purpose.

    *source* names the input (a path, or a label such as ``<string>``) and *where* the place in
    it (``line 12``, ``element /akomaNtoso/act/body``); either may be ``None``.
    """

    def __init__(self, message: str, *, source: str | None = None, where: str | None = None):
        self.source = source
        self.where = where
        self.detail = message
        prefix = ", ".join(part for part in (source, where) if part)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class DraftFormatError(TreatydiffError, ValueError):
    """The input is not a well-formed file of the format it claims or seems to be."""


class EmptyDraftError(DraftFormatError):
    """The input holds no text at all (an empty file, or only page furniture)."""


class EncodingError(DraftFormatError, UnicodeError):
    """The bytes cannot be decoded as text in any encoding treatydiff tries."""


class DraftStructureError(DraftFormatError):
    """The text was read, but no treaty structure (articles) could be recognised in it."""


class InputTooLargeError(DraftFormatError):
    """The input exceeds a documented size or nesting limit."""


class UnsupportedFormatError(TreatydiffError, ValueError):
    """The format was named wrongly, or could not be told from the suffix or the content."""


class FileAccessError(TreatydiffError, OSError):
    """The file cannot be read: a folder instead of a file, no permission, a device error."""


class DraftNotFoundError(FileAccessError, FileNotFoundError):
    """There is no file at the path given."""


class MissingExtraError(TreatydiffError, ImportError):
    """An optional dependency is needed; the message names the extra to install."""


class UnknownArticleError(TreatydiffError, KeyError):
    """A draft has no article with the requested number."""

    def __str__(self) -> str:
        # KeyError would repr() the message; users should see it plain.
        return Exception.__str__(self)
