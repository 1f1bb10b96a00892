"""CSV: a header of the column names, one row a record; empty cells for no value; UTF-8."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import BinaryIO

from dateline.export.columns import Column


def write_csv(out: BinaryIO, columns: list[Column], rows: Iterable[dict]) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=[c.name for c in columns], lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
        count += 1
    text.flush()
    text.detach()  # the caller owns ``out``
    return count
