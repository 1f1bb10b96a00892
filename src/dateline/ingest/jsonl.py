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
import re
from collections.abc import Iterator
from typing import BinaryIO

from dateline.ingest.assemble import ReadOptions, assemble_article, human_size
from dateline.ingest.decoding import DecodeError, decode_bytes, without_surrogates
from dateline.ingest.reasons import describe_error
from dateline.model import Article, Rejection

MAX_NESTING = 64  # levels of arrays and objects in one line; an article needs three or four
READ_CHUNK = 1024 * 1024  # how an over-long line is skipped
DOCUMENT_LIMIT_FACTOR = 50  # a whole .json document may weigh this many times --max-bytes
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
SURROGATE_WARNING = "{} lone surrogate escapes (\\ud800 to \\udfff, half of a character) replaced by U+FFFD"


def line_limit(options: ReadOptions) -> int:
    """The longest line read: an article of --max-bytes, escaped, with its fields."""
    return 2 * options.max_bytes + 1024


def document_limit(options: ReadOptions) -> int:
    return DOCUMENT_LIMIT_FACTOR * options.max_bytes + 1024

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


def _json_kind(value: object) -> str:
    kinds = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else kinds.get(type(value), "value")


def article_from_object(obj: object, origin: str, options: ReadOptions,
                        warnings: list[str] | None = None) -> Article | Rejection:
    if not isinstance(obj, dict):
        return Rejection(origin, f"a JSON {_json_kind(obj)}, not an article object")
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
        warnings=warnings,
    )


def exceeds_nesting(text: str, limit: int = MAX_NESTING) -> bool:
    """Whether arrays and objects nest deeper than ``limit`` (brackets inside strings aside).
    Python's json parser recurses once per level: 100,000 ``[`` would overflow its stack."""
    if text.count("[") + text.count("{") <= limit:
        return False
    skeleton = _NOT_BRACKETS.sub("", _JSON_STRING.sub("", text))
    depth = 0
    for char in skeleton:
        depth += 1 if char in "[{" else -1
        if depth > limit:
            return True
    return False


def _malformed(error: json.JSONDecodeError, line_known: bool) -> str:
    # json's messages end in "at" for some errors ("Invalid control character at"), which the
    # place that follows repeats: the place goes first, the message after it
    message = re.sub(r"\s+at$", "", error.msg)
    message = message[:1].lower() + message[1:]
    place = f"column {error.colno}" if line_known else f"line {error.lineno}, column {error.colno}"
    return f"malformed JSON at {place}: {message}"


def _parse(text: str, line_known: bool) -> tuple[object, str | None]:
    """(the JSON value, None), or (None, the reason it cannot be read)."""
    if exceeds_nesting(text):
        return None, f"JSON nested more than {MAX_NESTING} levels deep, over the limit for an article"
    try:
        return json.loads(text), None
    except json.JSONDecodeError as error:
        return None, _malformed(error, line_known)
    except (RecursionError, ValueError) as error:  # nesting the skeleton did not see; huge numbers
        return None, f"JSON that cannot be read ({describe_error(error)})"


def _bounded_lines(handle: BinaryIO, limit: int) -> Iterator[tuple[bytes, int]]:
    """(line, its length in bytes) for each line; a line longer than ``limit`` is given cut to
    nothing, with its full length, and never held in memory whole."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line, len(line)
            continue
        length = len(line)
        while not line.endswith(b"\n"):
            line = handle.readline(READ_CHUNK)
            if not line:
                break
            length += len(line)
        yield b"", length


def _guarded(make, where: str) -> Article | Rejection:
    try:
        return make()
    except Exception as error:  # one odd line must cost that line, never the rest of the file
        return Rejection(where, f"could not be read ({describe_error(error)})")


def read_jsonl(source: bytes | BinaryIO, origin: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    """Articles from JSON Lines, given as bytes or as an open binary file (streamed)."""
    limit = line_limit(options)
    if isinstance(source, (bytes, bytearray)):
        whole = bytes(source)
        lines: Iterator[tuple[bytes, int]] = ((raw if len(raw) <= limit else b"", len(raw))
                                              for raw in whole.split(b"\n"))

        def everything() -> bytes | None:
            return whole
        separator = 1  # split() took the newline off each line
    else:
        lines = _bounded_lines(source, limit)

        def everything() -> bytes | None:
            # the whole file, read from its start; the line-by-line reading goes on where it was
            position = source.tell()
            source.seek(0)
            data = source.read(document_limit(options) + 1)
            source.seek(position)
            return data if len(data) <= document_limit(options) else None
        separator = 0

    nonempty = 0
    offset = 0
    for number, (raw, length) in enumerate(lines, start=1):
        line_offset, offset = offset, offset + length + separator
        if length > limit:
            nonempty += 1
            yield Rejection(f"{origin}:{number}", f"line of {human_size(length)}, over the limit of "
                                                  f"{human_size(limit)} for one line (--max-bytes)")
            continue
        if not raw.strip():
            continue
        nonempty += 1
        where = f"{origin}:{number}"
        if nonempty == 1 and raw.lstrip(b"\xef\xbb\xbf \t\r").startswith(b"["):
            # a .json list of articles; or, in a file not named .json whose whole is no JSON,
            # JSON Lines with a bad first line (which must not cost the good lines after it)
            named_json = origin.lower().endswith((".json", ".json.gz"))
            whole_document = list(read_json_document(everything(), origin, options, quiet=not named_json))
            if whole_document or named_json:
                yield from whole_document
                return
        try:
            decoded = decode_bytes(raw, legacy=False, base_line=number, base_offset=line_offset)
        except DecodeError as error:
            yield Rejection(where, str(error))
            continue
        obj, problem = _parse(decoded.text, line_known=True)
        obj, surrogates = without_surrogates(obj)
        warnings = decoded.warnings + ([SURROGATE_WARNING.format(surrogates)] if surrogates else [])
        if problem is not None:
            if nonempty == 1 and decoded.text.lstrip("\ufeff \t\r").startswith("{") and problem.startswith("malformed"):
                # perhaps one pretty-printed JSON object (or {"articles": [...]}), not JSON Lines
                whole_document = list(read_json_document(everything(), origin, options, quiet=True))
                if whole_document:
                    yield from whole_document
                    return
            yield Rejection(where, problem)
            continue
        if isinstance(obj, dict) and not any(str(k).lower() in FIELDS["text"] for k in obj):
            inner = next((obj[k] for k in LIST_KEYS if isinstance(obj.get(k), list)), None)
            if inner is not None:
                for index, item in enumerate(inner, start=1):
                    yield _guarded(lambda: article_from_object(item, f"{where}#{index}", options, warnings),
                                   f"{where}#{index}")
                continue
        yield _guarded(lambda: article_from_object(obj, where, options, warnings), where)
    if nonempty == 0:
        yield Rejection(origin, "empty file")


def read_json_document(data: bytes | None, origin: str, options: ReadOptions, quiet: bool = False) -> Iterator[Article | Rejection]:
    if data is None:
        if not quiet:
            yield Rejection(origin, f"JSON document over the limit of {human_size(document_limit(options))} "
                                    f"(--max-bytes); as JSON Lines, one article a line, it has no limit")
        return
    try:
        decoded = decode_bytes(data, legacy=False)
    except DecodeError as error:
        if not quiet:
            yield Rejection(origin, str(error))
        return
    document, problem = _parse(decoded.text, line_known=False)
    document, surrogates = without_surrogates(document)
    warnings = decoded.warnings + ([SURROGATE_WARNING.format(surrogates)] if surrogates else [])
    if problem is not None:
        if not quiet:
            yield Rejection(origin, problem)
        return
    if isinstance(document, dict):
        inner = next((document[k] for k in LIST_KEYS if isinstance(document.get(k), list)), None)
        items = inner if inner is not None else [document]
    elif isinstance(document, list):
        items = document
    else:
        yield Rejection(origin, f"a JSON {_json_kind(document)}, not articles")
        return
    if not items:
        yield Rejection(origin, "no articles in the JSON document")
    for index, item in enumerate(items, start=1):
        yield _guarded(lambda: article_from_object(item, f"{origin}#{index}", options, warnings),
                       f"{origin}#{index}")
