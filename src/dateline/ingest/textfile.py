"""Plain text articles: one article per file. The seed style is understood: an optional
`` date YYYY-MM-DD `` first line (the collector's header) and a closing credit line that names
the outlet. A short first line without closing punctuation, followed by a blank line, is the
headline; it stays in the text too, as readers see it."""

from __future__ import annotations

from collections.abc import Iterator

from dateline.ingest.assemble import ReadOptions, assemble_article
from dateline.ingest.decoding import DecodeError, decode_bytes
from dateline.ingest.pubdate import read_header
from dateline.model import Article, Rejection

HEADLINE_MAX_WORDS = 25


def headline_of(text: str) -> str | None:
    lines = text.strip().split("\n")
    if len(lines) < 3 or lines[1].strip():
        return None
    first = lines[0].strip()
    if not first or len(first.split()) > HEADLINE_MAX_WORDS or first[-1] in ".!?:;,\"”'’)":
        return None
    return first


def read_text(data: bytes, origin: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    try:
        decoded = decode_bytes(data)
    except DecodeError as error:
        yield Rejection(origin, str(error))
        return
    meta = {"format": "text"} | ({"encoding": decoded.encoding} if decoded.encoding != "utf-8" else {})
    body = read_header(decoded.text.lstrip("\ufeff")).rest
    yield assemble_article(decoded.text, origin=origin, options=options, title=headline_of(body), meta=meta,
                           header_allowed=True, warnings=decoded.warnings)
