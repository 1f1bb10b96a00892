"""RSS and Atom feed files (feedparser): one article per entry, with the entry's full content
when the feed carries it, else its summary. The feed's title names the outlet. A broken entry
(nothing to read) is rejected on its own; a feed whose XML breaks halfway gives the entries read
before the break and one line saying where it broke.

Feeds are read only when their XML declares no entities of its own: a document type with
``<!ENTITY`` lines is how a "billion laughs" bomb (ten entities of ten of the one before) or an
external-entity read of a local file gets in, and no news feed needs one. defusedxml checks
this (streaming, no tree built) before feedparser sees the bytes; such a feed is rejected whole.
"""

from __future__ import annotations

import xml.sax
from collections.abc import Iterator

from defusedxml import DefusedXmlException
from defusedxml.sax import parseString as defused_parse

from dateline.ingest.assemble import ReadOptions, assemble_article
from dateline.ingest.html import fragment_text
from dateline.ingest.reasons import describe_error
from dateline.model import Article, Rejection


def unsafe_xml(data: bytes) -> str | None:
    """Why the XML cannot be given to a parser (entity or external declarations), or None.
    XML that is merely broken is None: feedparser reads what it can of it."""
    try:
        defused_parse(data, xml.sax.handler.ContentHandler(), forbid_dtd=False, forbid_entities=True,
                      forbid_external=True)
    except DefusedXmlException as error:
        name = getattr(error, "name", None)
        return ("the feed's XML declares its own entities" + (f" ('{name}')" if name else "")
                + " (a document type with <!ENTITY>, as in entity-expansion bombs); not read")
    except Exception:  # broken XML (SAXParseException, odd encodings): left to feedparser's own recovery
        return None
    return None


def xml_problem(error: object) -> str:
    """An XML parser's complaint as 'line 2, column 33: undefined entity'."""
    if isinstance(error, xml.sax.SAXParseException):
        return f"line {error.getLineNumber()}, column {error.getColumnNumber()}: {error.getMessage()}"
    return describe_error(error) if isinstance(error, BaseException) else str(error)


def _entry_text(entry) -> str:
    for content in entry.get("content") or ():
        value = content.get("value") if isinstance(content, dict) else None
        if value and value.strip():
            return fragment_text(value)
    summary = entry.get("summary") or entry.get("description") or ""
    return fragment_text(summary)


def read_feed(data: bytes, origin: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    import feedparser

    unsafe = unsafe_xml(data)
    if unsafe is not None:
        yield Rejection(origin, unsafe)
        return
    try:
        parsed = feedparser.parse(data)
    except Exception as error:  # feedparser raises on some inputs ('&#x110000;': chr() out of range)
        yield Rejection(origin, f"not a readable RSS/Atom feed ({describe_error(error)})")
        return
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception")
        yield Rejection(origin, f"not a readable RSS/Atom feed{' (' + xml_problem(reason) + ')' if reason else ' (no entries)'}")
        return
    feed = parsed.get("feed") or {}
    outlet = feed.get("title") or None
    language = feed.get("language") or None
    for index, entry in enumerate(entries, start=1):
        label = " ".join(str(entry.get("title") or entry.get("link") or "").split())
        where = f"{origin}#entry{index}" + (f" ({label[:60]})" if label else "")
        try:
            yield _entry_article(entry, where, options, outlet, language)
        except Exception as error:  # one odd entry costs that entry, never the rest of the feed
            yield Rejection(where, f"feed entry could not be read ({describe_error(error)})")
    if parsed.get("bozo") and parsed.get("bozo_exception") is not None:
        error = parsed["bozo_exception"]
        if not isinstance(error, Exception) or "CharacterEncoding" not in type(error).__name__:
            yield Rejection(origin, f"feed XML is broken after entry {len(entries)} ({xml_problem(error)}); "
                                    f"the entries before it were read")


def _entry_article(entry, where: str, options: ReadOptions, outlet, language) -> Article | Rejection:
    text = _entry_text(entry)
    if not text.strip():
        return Rejection(where, "feed entry with no text (no content or summary)")
    raw_date = entry.get("published") or entry.get("updated") or entry.get("created")
    if not raw_date:
        raw_date = entry.get("published_parsed") or entry.get("updated_parsed")
    return assemble_article(
        text,
        origin=where,
        options=options,
        title=entry.get("title"),
        url=entry.get("link"),
        outlet=outlet,
        date_raw=raw_date,
        language=language,
        meta={"format": "feed"} | ({"guid": entry["id"]} if entry.get("id") else {}),
    )
