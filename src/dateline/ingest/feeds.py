"""RSS and Atom feed files (feedparser): one article per entry, with the entry's full content
when the feed carries it, else its summary. The feed's title names the outlet. A broken entry
(nothing to read) is rejected on its own; a feed whose XML breaks halfway gives the entries read
before the break and one line saying where it broke."""

from __future__ import annotations

from collections.abc import Iterator

from dateline.ingest.assemble import ReadOptions, assemble_article
from dateline.ingest.html import fragment_text
from dateline.model import Article, Rejection


def _entry_text(entry) -> str:
    for content in entry.get("content") or ():
        value = content.get("value") if isinstance(content, dict) else None
        if value and value.strip():
            return fragment_text(value)
    summary = entry.get("summary") or entry.get("description") or ""
    return fragment_text(summary)


def read_feed(data: bytes, origin: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception")
        yield Rejection(origin, f"not a readable RSS/Atom feed{': ' + str(reason) if reason else ' (no entries)'}")
        return
    feed = parsed.get("feed") or {}
    outlet = feed.get("title") or None
    language = feed.get("language") or None
    for index, entry in enumerate(entries, start=1):
        label = (entry.get("title") or entry.get("link") or "").strip()
        where = f"{origin}#entry{index}" + (f" ({label[:60]})" if label else "")
        text = _entry_text(entry)
        if not text.strip():
            yield Rejection(where, "feed entry with no text (no content or summary)")
            continue
        raw_date = entry.get("published") or entry.get("updated") or entry.get("created")
        if not raw_date:
            raw_date = entry.get("published_parsed") or entry.get("updated_parsed")
        yield assemble_article(
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
    if parsed.get("bozo") and parsed.get("bozo_exception") is not None:
        error = parsed["bozo_exception"]
        if not isinstance(error, Exception) or "CharacterEncoding" not in type(error).__name__:
            yield Rejection(origin, f"feed XML is broken after entry {len(entries)}: {error}; the entries before it were read")
