"""GeoJSON (RFC 7946): one FeatureCollection; a Feature per point, its geometry a Point with
``[longitude, latitude]`` (WGS 84, no ``crs`` member, as the RFC says), its properties the flat
row. Written as it goes, so an export of any size never sits whole in memory."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import BinaryIO


def feature(lon: float, lat: float, properties: dict) -> dict:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": properties}


def write_geojson(out: BinaryIO, features: Iterable[dict]) -> int:
    out.write(b'{"type": "FeatureCollection", "features": [\n')
    count = 0
    for item in features:
        if count:
            out.write(b",\n")
        out.write(json.dumps(item, ensure_ascii=False, default=str, allow_nan=False).encode("utf-8"))
        count += 1
    out.write(b"\n]}\n")
    return count
