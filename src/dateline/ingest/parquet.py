"""Parquet files of articles (exports of news archives, data-lake dumps): one article a row,
read one row group at a time (pyarrow), so a file of millions of rows reads in the memory of
one group. The columns are named as in JSON Lines (``jsonl.FIELDS``: text/body/content, title,
date/published, url/link, source/outlet, language); other columns go into ``Article.meta``.
A row is rejected on its own (``FILE:row N``); a file pyarrow cannot open is one line."""

from __future__ import annotations

import base64
import decimal
from collections.abc import Iterator
from datetime import date, datetime, time
from typing import BinaryIO

from dateline.ingest.assemble import ReadOptions
from dateline.ingest.jsonl import article_from_object
from dateline.model import Article, Rejection

MAGIC = b"PAR1"
ROWS_PER_READ = 1024  # within a row group: bounds the Python objects alive at once


def _plain(value: object) -> object:
    """A column value as JSON Lines would carry it (the store keeps meta as JSON)."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def read_parquet(source: str | BinaryIO, origin: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    """Articles from a Parquet file (a path or an open binary file)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(source)
    except (pa.ArrowException, OSError, ValueError) as error:
        yield Rejection(origin, f"not a readable Parquet file: {error}")
        return
    if parquet.metadata.num_rows == 0:
        yield Rejection(origin, "empty Parquet file (no rows)")
        return
    row = 0
    try:
        for group in range(parquet.num_row_groups):
            for batch in parquet.iter_batches(batch_size=ROWS_PER_READ, row_groups=[group]):
                for record in batch.to_pylist():
                    row += 1
                    yield article_from_object({k: _plain(v) for k, v in record.items()}, f"{origin}:row {row}", options)
    except (pa.ArrowException, OSError) as error:
        yield Rejection(origin, f"Parquet file broken after row {row}: {error}; the rows before it were read")


def read_parquet_bytes(data: bytes, origin: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    import io

    yield from read_parquet(io.BytesIO(data), origin, options)
