"""JSON Lines exports of news databases: one article object per line. A ``.json`` file holding
a list of such objects, or an object with a list under ``articles``/``items``/``data``/``results``
(NewsAPI and similar), is read the same way.

Field names (the first one present wins; see FIELDS):

  text      text, body, content, article, full_text, fulltext, maintext, story, description, summary
  title     title, headline, name
  published date, published, pubdate, pub_date, published_at, publishedAt, publication_date,
            date_publish, datetime, created_at, timestamp, time, dct
  url       url, link, uri, href, source_url, permalink
  outlet    outlet, source, publisher, source_name, site_name, sitename, site, media, domain, source_domain
  language  language, lang, locale

A value that is an object (``"source": {"name": "Reuters"}``) gives its ``name`` or ``title``.
Other fields are kept in ``Article.meta``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from dateline.ingest.assemble import ReadOptions, assemble_article
from dateline.ingest.decoding import DecodeError, decode_bytes
from dateline.model import Article, Rejection

FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text", "fulltext", "maintext", "story", "description", "summary"),
    "title": ("title", "headline", "name"),
    "published": ("date", "published", "pubdate", "pub_date", "published_at", "publishedat", "publication_date",
                  "date_publish", "datetime", "created_at", "timestamp", "time", "dct"),
    "url": ("url", "link", "uri", "href", "source_url", "permalink"),
    "outlet": ("outlet", "source", "publisher", "source_name", "site_name", "sitename", "site", "media", "domain",
               "source_domain"),
    "language": ("language", "lang", "locale"),
}
LIST_KEYS = ("articles", "items", "data", "results", "documents", "docs")


def _scalar(value: object) -> object:
    if isinstance(value, dict):
        for key in ("name", "title", "value", "text", "$date"):
            if key in value:
                return _scalar(value[key])
        return None
    if isinstance(value, list):
        parts = [str(_scalar(v)) for v in value if _scalar(v) not in (None, "")]
        return "\n\n".join(parts) if parts else None
    return value


def article_from_object(obj: object, origin: str, options: ReadOptions) -> Article | Rejection:
    if not isinstance(obj, dict):
        return Rejection(origin, f"a JSON {type(obj).__name__}, not an article object")
    lowered = {str(k).lower(): v for k, v in obj.items()}
    picked: dict[str, object] = {}
    used: set[str] = set()
    for name, aliases in FIELDS.items():
        for alias in aliases:
            value = _scalar(lowered.get(alias))
            if value not in (None, "") and alias not in used:
                picked[name] = value
                used.add(alias)
                break
    text = picked.get("text")
    if not isinstance(text, str) or not text.strip():
        fields = ", ".join(sorted(lowered)[:8]) or "none"
        return Rejection(origin, f"no text field (looked for text/body/content/...; fields: {fields})")
    meta = {k: v for k, v in obj.items() if str(k).lower() not in used}
    meta = {"format": "jsonl", "fields": meta} if meta else {"format": "jsonl"}

    def text_or_none(key: str) -> str | None:
        value = picked.get(key)
        return str(value) if value not in (None, "") else None

    return assemble_article(
        text,
        origin=origin,
        options=options,
        title=text_or_none("title"),
        url=text_or_none("url"),
        outlet=text_or_none("outlet"),
        date_raw=picked.get("published"),
        language=text_or_none("language"),
        meta=meta,
    )


def read_jsonl(source: bytes | BinaryIO, origin: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    """Articles from JSON Lines, given as bytes or as an open binary file (streamed)."""
    if isinstance(source, (bytes, bytearray)):
        whole = bytes(source)
        lines: Iterator[bytes] = iter(whole.split(b"\n"))

        def everything() -> bytes:
            return whole
    else:
        lines = iter(source)

        def everything() -> bytes:
            source.seek(0)
            return source.read()

    nonempty = 0
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        nonempty += 1
        where = f"{origin}:{number}"
        if nonempty == 1 and raw.lstrip(b"\xef\xbb\xbf \t\r").startswith(b"["):
            yield from read_json_document(everything(), origin, options)  # a .json list of articles
            return
        if len(raw) > 2 * options.max_bytes + 1024:
            yield Rejection(where, f"line of {len(raw)} bytes, over the article size limit (--max-bytes)")
            continue
        try:
            line, _ = decode_bytes(raw)
        except DecodeError as error:
            yield Rejection(where, str(error))
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            if nonempty == 1 and line.lstrip("\ufeff \t\r").startswith("{"):
                # perhaps one pretty-printed JSON object (or {"articles": [...]}), not JSON Lines
                whole_document = list(read_json_document(everything(), origin, options, quiet=True))
                if whole_document:
                    yield from whole_document
                    return
            yield Rejection(where, f"malformed JSON: {error.msg} at column {error.colno}")
            continue
        if isinstance(obj, dict) and not any(str(k).lower() in FIELDS["text"] for k in obj):
            inner = next((obj[k] for k in LIST_KEYS if isinstance(obj.get(k), list)), None)
            if inner is not None:
                for index, item in enumerate(inner, start=1):
                    yield article_from_object(item, f"{where}#{index}", options)
                continue
        yield article_from_object(obj, where, options)
    if nonempty == 0:
        yield Rejection(origin, "empty file")


def read_json_document(data: bytes, origin: str, options: ReadOptions, quiet: bool = False) -> Iterator[Article | Rejection]:
    try:
        text, _ = decode_bytes(data)
        document = json.loads(text)
    except (DecodeError, json.JSONDecodeError) as error:
        if not quiet:
            yield Rejection(origin, f"malformed JSON: {error}")
        return
    if isinstance(document, dict):
        inner = next((document[k] for k in LIST_KEYS if isinstance(document.get(k), list)), None)
        items = inner if inner is not None else [document]
    elif isinstance(document, list):
        items = document
    else:
        yield Rejection(origin, f"a JSON {type(document).__name__}, not articles")
        return
    if not items:
        yield Rejection(origin, "no articles in the JSON document")
    for index, item in enumerate(items, start=1):
        yield article_from_object(item, f"{origin}#{index}", options)
