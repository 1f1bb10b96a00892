"""JSON Lines: one JSON object a line, UTF-8. Records (``serialise.to_json``: every field with
its evidence span), or flat rows when a column set is asked for."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import BinaryIO


def write_jsonl(out: BinaryIO, objects: Iterable[dict]) -> int:
    count = 0
    for item in objects:
        out.write((json.dumps(item, ensure_ascii=False, sort_keys=True, default=str) + "\n").encode("utf-8"))
        count += 1
    return count
