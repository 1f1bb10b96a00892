"""Where articles come from: files, folders (recursively), ``.gz`` files and ``-`` (standard
input). Each input is routed to the reader for its format, by its name and else by its first
bytes. Problems with an input (missing, unreadable, empty, binary, too big) become Rejections:
one line each, and the rest of the batch goes on."""

from __future__ import annotations

import gzip
import io
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from dateline.ingest.assemble import ReadOptions, human_size
from dateline.ingest.feeds import read_feed
from dateline.ingest.html import read_html
from dateline.ingest.jsonl import read_jsonl
from dateline.ingest.reasons import describe_error
from dateline.ingest.parquet import MAGIC as PARQUET_MAGIC
from dateline.ingest.parquet import read_parquet, read_parquet_bytes
from dateline.ingest.textfile import read_text
from dateline.model import Article, Rejection

STDIN = "-"
Reader = Callable[[bytes, str, ReadOptions], Iterator[Article | Rejection]]

SUFFIX_FORMATS = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl", ".json": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html", ".php": "html", ".aspx": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".rdf": "feed", ".feed": "feed",
    ".parquet": "parquet", ".pq": "parquet",
}
READERS: dict[str, Reader] = {"text": read_text, "jsonl": read_jsonl, "html": read_html, "feed": read_feed,
                              "parquet": read_parquet_bytes}
# How many times the per-article text limit a whole file of each format may weigh: pages carry
# markup, feeds many entries. JSON Lines files are streamed line by line and have no file limit.
FILE_LIMIT_FACTOR = {"text": 1.0, "html": 10.0, "feed": 50.0}
# Files in a folder that describe the folder rather than being news (read when named directly).
NOT_ARTICLES = re.compile(r"^(readme|licen[cs]e|copying|notice|changelog|authors)\b", re.IGNORECASE)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[str | Rejection]:
    """Every file to read, folders walked recursively in name order; hidden files and folder
    notes (README, LICENSE ...) inside folders are skipped."""
    for raw in paths:
        path = str(raw)
        if path == STDIN:
            yield STDIN
            continue
        if os.path.isdir(path):
            errors: list[OSError] = []
            for folder, dirnames, filenames in os.walk(path, onerror=errors.append):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    if not name.startswith(".") and not NOT_ARTICLES.match(name):
                        yield os.path.join(folder, name)
            for error in errors:
                yield Rejection(str(error.filename or path), f"cannot read folder: {error.strerror}")
        elif os.path.lexists(path) and not os.path.exists(path):
            yield Rejection(path, "broken symbolic link")
        elif not os.path.exists(path):
            yield Rejection(path, "no such file or folder")
        else:
            yield path


# What a path may name besides a regular file. None is read: a named pipe waits for a writer
# forever, a device never ends (/dev/zero) and a socket cannot be opened as a file. Standard
# input (-) is the way to pipe news in.
NOT_REGULAR = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)


class NotARegularFile(OSError):
    """A path that names something other than a regular file; the message says what."""


def _kind_of(mode: int) -> str | None:
    return next((kind for test, kind in NOT_REGULAR if test(mode)), None if stat.S_ISREG(mode) else "not a file")


def open_regular_file(path: str):
    """Open ``path`` for reading in binary, refusing anything but a regular file. The file is
    opened without blocking and checked again once open, so a FIFO put in its place between the
    check and the open cannot hang the ingest."""
    kind = _kind_of(os.stat(path).st_mode)
    if kind is not None:
        raise NotARegularFile(f"{kind}, not a regular file: not read")
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        kind = _kind_of(os.fstat(descriptor).st_mode)
        if kind is not None:
            raise NotARegularFile(f"{kind}, not a regular file: not read")
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def sniff_format(head: bytes) -> str:
    if head.startswith(PARQUET_MAGIC):
        return "parquet"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096].lower()
    if start.startswith((b"{", b"[")):
        return "jsonl"
    if start.startswith(b"<"):
        if re.search(rb"<(rss|feed|rdf:rdf)[\s>]", start):
            return "feed"
        return "html"
    return "text"


def _gunzip(data: bytes, limit: int | None) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        return stream.read(-1 if limit is None else limit + 1)


def _file_limit(fmt: str | None, options: ReadOptions) -> int:
    return int(FILE_LIMIT_FACTOR.get(fmt or "feed", max(FILE_LIMIT_FACTOR.values())) * options.max_bytes) + 1024


def read_input(path: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    """Articles and rejections from one file (or standard input)."""
    origin = "<stdin>" if path == STDIN else path
    gzipped = path.lower().endswith(".gz")
    name = path[:-3] if gzipped else path
    fmt = SUFFIX_FORMATS.get(Path(name).suffix.lower())
    try:
        if fmt == "jsonl" and path != STDIN:
            # streamed line by line: an export of any size reads in constant memory
            with open_regular_file(path) as handle:
                if gzipped:
                    with gzip.GzipFile(fileobj=handle) as stream:
                        yield from read_jsonl(stream, origin, options)
                else:
                    yield from read_jsonl(handle, origin, options)
            return
        if fmt == "parquet" and path != STDIN and not gzipped:
            # streamed row group by row group: an archive of any size reads in the memory of one group
            yield from read_parquet(path, origin, options)
            return
        limit = _file_limit(fmt, options)
        if path == STDIN:
            data = sys.stdin.buffer.read(limit + 1)
            if len(data) > limit:
                yield Rejection(origin, f"over the limit of {human_size(limit)} for standard input (--max-bytes)")
                return
        else:
            with open_regular_file(path) as handle:
                size = os.fstat(handle.fileno()).st_size
                if size > limit:
                    what = "compressed file" if gzipped else "file"
                    yield Rejection(origin, f"{what} is {human_size(size)}, over the limit of "
                                            f"{human_size(limit)} for one {fmt or 'such'} file (--max-bytes)")
                    return
                data = handle.read(limit + 1)
    except NotARegularFile as error:
        yield Rejection(origin, str(error))
        return
    except PermissionError:
        yield Rejection(origin, "cannot read: permission denied")
        return
    except IsADirectoryError:
        yield Rejection(origin, "is a folder")
        return
    except (OSError, EOFError, zlib.error) as error:
        reason = (f"broken gzip file ({describe_error(error)})" if gzipped
                  else f"cannot read ({getattr(error, 'strerror', None) or describe_error(error)})")
        yield Rejection(origin, reason)
        return

    if gzipped or data[:2] == b"\x1f\x8b":
        cap = _file_limit(fmt, options)
        try:
            data = _gunzip(data, cap)
        except (OSError, EOFError, zlib.error) as error:
            yield Rejection(origin, f"broken gzip file ({describe_error(error)})")
            return
        if len(data) > cap:
            yield Rejection(origin, f"decompressed file is over the limit of {human_size(cap)} (--max-bytes)")
            return
    if not data.strip():
        yield Rejection(origin, "empty file")
        return
    fmt = fmt or sniff_format(data[:4096])
    yield from READERS[fmt](data, origin, options)


def read_articles(paths: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[Article | Rejection]:
    """Every article (or rejection) in the given files and folders, in order."""
    options = options or ReadOptions()
    for item in expand_paths(paths):
        if isinstance(item, Rejection):
            yield item
        else:
            yield from read_input(item, options)
