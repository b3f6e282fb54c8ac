"""Parsing XML that comes from outside: a Word part, an Akoma Ntoso file.

One parser configuration for every reader: no DTD is loaded, no entity expanded, nothing fetched,
no limit of libxml2 lifted, and comments and processing instructions are dropped. A document that
declares a DOCTYPE is refused outright, since its only use in such a file is an entity trick
(billion laughs, or an external entity that reads another file).
"""

from __future__ import annotations

import re

from lxml import etree

from treatydiff.exceptions import DraftFormatError, EmptyDraftError, InputTooLargeError

__all__ = ["parse_untrusted"]


def parse_untrusted(
    data: bytes, *, source: str, part: str | None = None, remedy: str | None = None
) -> etree._Element:
    """Parse *data* safely, or raise a :class:`DraftFormatError` saying where and why.

    *source* names the file in messages, *part* the member of an archive it came from
    (``word/styles.xml``), and *remedy* what the user should do about a broken or hostile
    document (by default: fix the markup, or remove the DOCTYPE).
    """
    what = "part" if part else "document"
    _refuse_doctype(data, source=source, part=part, what=what, remedy=remedy)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise _syntax_error(error, source=source, part=part, remedy=remedy) from None
    except (etree.LxmlError, ValueError, LookupError) as error:
        # An unknown encoding declaration and the like: still not a readable XML file.
        raise DraftFormatError(
            f"not readable as XML ({error}); {remedy or 'check the file'}",
            source=source,
            where=part,
        ) from None
    if root is None:
        raise EmptyDraftError(f"the XML {what} has no root element", source=source, where=part)
    docinfo = root.getroottree().docinfo
    doctype: object = getattr(docinfo, "doctype", None)  # missing from lxml-stubs
    if docinfo.internalDTD is not None or docinfo.externalDTD is not None or doctype:
        # Reached only when the byte scan missed it (a UTF-16 file, say); nothing was expanded.
        line = root.sourceline
        raise _doctype_error(
            source=source,
            where=_where(part, f"before line {line}" if isinstance(line, int) else None),
            what=what,
            remedy=remedy,
        )
    return root


def _refuse_doctype(
    data: bytes, *, source: str, part: str | None, what: str, remedy: str | None
) -> None:
    """Refuse a DOCTYPE before parsing, so that libxml2 never sees its entities."""
    first_tag = re.search(rb"<[A-Za-z_]", data)
    prolog = data[: first_tag.start()] if first_tag else data
    found = prolog.find(b"<!DOCTYPE")
    if found >= 0:
        line = prolog[:found].count(b"\n") + 1
        raise _doctype_error(
            source=source, where=_where(part, f"line {line}"), what=what, remedy=remedy
        )


def _doctype_error(
    *, source: str, where: str | None, what: str, remedy: str | None
) -> DraftFormatError:
    return DraftFormatError(
        f"the {what} declares a DOCTYPE, which treatydiff refuses (a DTD can expand entities "
        "without limit or read other files); "
        f"{remedy or 'remove the <!DOCTYPE ...> declaration'}",
        source=source,
        where=where,
    )


def _syntax_error(
    error: etree.XMLSyntaxError, *, source: str, part: str | None, remedy: str | None
) -> DraftFormatError:
    line, column = error.position
    message = re.sub(r",? line \d+, column \d+$", "", str(error.msg))
    where = _where(part, f"line {line}, column {column}")
    lowered = message.lower()
    if "depth" in lowered:
        return InputTooLargeError(
            f"the XML is nested more deeply than the parser allows ({message}); a treaty "
            "draft needs a few dozen levels of nesting at most, so check that this is the "
            "right file",
            source=source,
            where=where,
        )
    if "huge" in lowered:
        return InputTooLargeError(
            f"the XML holds a piece larger than the parser allows ({message}); "
            "check that this is the right file",
            source=source,
            where=where,
        )
    return DraftFormatError(
        f"not well-formed XML: {message}; {remedy or 'fix the markup'}",
        source=source,
        where=where,
    )


def _where(part: str | None, place: str | None) -> str | None:
    return ", ".join(piece for piece in (part, place) if piece) or None
