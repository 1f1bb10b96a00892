"""Parquet with a typed schema (strings, 64-bit integers and floats, booleans, dates as
``date32``), written a row group per batch; pandas, DuckDB and pyarrow read it as it is."""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from dateline.export.columns import Column

ARROW_TYPES = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "date": pa.date32()}


def arrow_schema(columns: list[Column]) -> pa.Schema:
    return pa.schema([pa.field(c.name, ARROW_TYPES[c.kind]) for c in columns])


def write_parquet(out: BinaryIO, columns: list[Column], batches: Iterable[list[dict]]) -> int:
    schema = arrow_schema(columns)
    count = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for rows in batches:
            if rows:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                count += len(rows)
        if count == 0:
            writer.write_table(schema.empty_table())
    return count
