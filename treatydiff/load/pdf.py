"""PDF: text extraction with pypdf (the ``pdf`` extra), then the plain-text reader.

Pages are joined with form feeds so that the text reader knows where each page ends, which it
needs to find running headers and page-bottom footnotes.
"""

from __future__ import annotations

import io
import logging

from treatydiff.exceptions import DraftFormatError, EmptyDraftError, MissingExtraError

__all__ = ["pdf_text"]


def pdf_text(data: bytes, *, source: str) -> str:
    """The text of every page of the PDF in *data*, pages separated by form feeds."""
    try:
        import pypdf
    except ImportError:
        raise MissingExtraError(
            "reading PDF needs the 'pdf' extra: pip install 'treatydiff[pdf]' "
            "(or extract the text yourself and load the .txt)",
            source=source,
        ) from None
    # pypdf logs recoverable damage as warnings; a draft is still worth reading then.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DraftFormatError(
                "the PDF is encrypted; save an unprotected copy and load that", source=source
            )
        pages = []
        for number, page in enumerate(reader.pages, start=1):
            try:
                pages.append(page.extract_text() or "")
            except Exception as error:  # pypdf raises many types for damaged content streams
                raise DraftFormatError(
                    f"cannot extract the text of page {number} ({error}); "
                    "try re-saving the PDF or extracting its text with another tool",
                    source=source,
                    where=f"page {number}",
                ) from None
    except DraftFormatError:
        raise
    except Exception as error:  # a damaged file can fail anywhere inside pypdf
        raise DraftFormatError(
            f"not a readable PDF ({type(error).__name__}: {error}); check the file",
            source=source,
        ) from None
    text = "\f".join(pages)
    if not text.strip():
        raise EmptyDraftError(
            "the PDF has no text layer (a scan?); run OCR on it first and load the text",
            source=source,
        )
    return text
