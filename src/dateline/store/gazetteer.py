"""The gazetteer as tables in the store: a GeoNames dump a user downloaded, streamed in.

``dateline gazetteer load FILE`` reads any of GeoNames' files, zipped or not, telling them
apart by their columns:
- place tables: ``allCountries.zip``, per-country ``AF.zip`` / ``AF.txt``, ``cities500.zip``
  (19 tab-separated columns: geonameid, name, asciiname, alternatenames, lat, lon, feature
  class and code, country, cc2, admin1..4, population, elevation, dem, timezone, modified);
- admin names: ``admin1CodesASCII.txt``, ``admin2Codes.txt`` (code, name, ascii name, id);
- ``alternateNames.zip`` / ``alternateNamesV2.txt`` (id, geonameid, language, name, flags).

Rows are upserted in batches (a re-load replaces, never duplicates), names are indexed under
the same normalised key as the embedded gazetteer (``dateline.geo.name_key``), so a lookup is
one indexed query on SQLite and PostgreSQL alike. ``gazetteer_for_store`` gives extraction the
embedded default alone, or, once a place file is loaded, ``StoreGazetteer``: the loaded places
in front of the embedded default.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Column, DateTime, Engine, Float, Integer, MetaData, String, Table, delete, func, inspect, select
from sqlalchemy.engine import Connection

from dateline.geo.gazetteer import Candidate, Gazetteer, GazetteerEntry, name_key

BATCH = 5000

metadata = MetaData()

gazetteer_places = Table(
    "gazetteer_places",
    metadata,
    Column("geonameid", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("feature_class", String(1)),
    Column("feature_code", String(10)),
    Column("country_code", String(2), index=True),
    Column("admin1", String(20)),
    Column("admin2", String(80)),
    Column("population", Integer, nullable=False, default=0),
)

gazetteer_names = Table(
    "gazetteer_names",
    metadata,
    Column("name_key", String(200), nullable=False, index=True),
    Column("geonameid", Integer, nullable=False, index=True),
)

gazetteer_admin = Table(
    "gazetteer_admin",
    metadata,
    Column("code", String(40), primary_key=True),  # "AF.42", "US.LA.079"
    Column("name", String(200), nullable=False),
    Column("geonameid", Integer),
)

gazetteer_loads = Table(
    "gazetteer_loads",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("file", String(500), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("rows", Integer, nullable=False),
    Column("loaded_at", DateTime(timezone=True), nullable=False),
)


class GazetteerFileError(ValueError):
    """A file that is not a GeoNames dump; the message names the file and the reason."""


@dataclass
class LoadResult:
    file: str
    kind: str  # places, admin, alternate_names
    rows: int
    skipped: int


def _open_lines(path: Path) -> tuple[Iterator[str], int]:
    """Text lines of a .txt or of the main .txt inside a .zip, and the byte size to read."""
    if not path.exists():
        raise GazetteerFileError(f"{path}: no such file")
    if zipfile.is_zipfile(path):
        archive = zipfile.ZipFile(path)
        members = [m for m in archive.infolist() if m.filename.endswith(".txt") and not m.filename.lower().startswith("readme")]
        if not members:
            raise GazetteerFileError(f"{path}: a zip without a GeoNames .txt file inside")
        member = max(members, key=lambda m: m.file_size)
        stream = io.TextIOWrapper(archive.open(member), encoding="utf-8", errors="replace")
        return stream, member.file_size
    return path.open(encoding="utf-8", errors="replace"), path.stat().st_size


def _kind_of(first: list[str], path: Path) -> str:
    if len(first) >= 19 and first[0].isdigit():
        return "places"
    if len(first) == 4 and "." in first[0]:
        return "admin"
    if len(first) >= 8 and first[0].isdigit() and first[1].isdigit():
        return "alternate_names"
    raise GazetteerFileError(
        f"{path}: not a GeoNames file (expected 19 columns of places, admin codes, or alternate names; "
        f"found {len(first)} columns)"
    )


def _upsert(connection: Connection, table: Table, rows: list[dict], key: str) -> None:
    if not rows:
        return
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert

        statement = insert(table)
        updates = {c.name: statement.excluded[c.name] for c in table.columns if c.name != key}
        connection.execute(statement.on_conflict_do_update(index_elements=[key], set_=updates), rows)
    else:
        connection.execute(table.insert().prefix_with("OR REPLACE"), rows)


def load_geonames(
    engine: Engine, path: Path, progress: Callable[[int, int], None] | None = None
) -> LoadResult:
    """Stream a GeoNames file into the store; ``progress(bytes_done, bytes_total)`` is called
    after each batch."""
    path = Path(path)
    lines, total = _open_lines(path)
    kind = None
    rows = skipped = done_bytes = 0
    place_batch: list[dict] = []
    name_batch: list[dict] = []
    admin_batch: list[dict] = []

    def flush() -> None:
        with engine.begin() as connection:
            if place_batch:
                ids = [r["geonameid"] for r in place_batch]
                connection.execute(delete(gazetteer_names).where(gazetteer_names.c.geonameid.in_(ids)))
                _upsert(connection, gazetteer_places, place_batch, "geonameid")
            if name_batch:
                connection.execute(gazetteer_names.insert(), name_batch)
            if admin_batch:
                _upsert(connection, gazetteer_admin, admin_batch, "code")
        place_batch.clear()
        name_batch.clear()
        admin_batch.clear()
        if progress:
            progress(min(done_bytes, total), total)

    try:
        for line in lines:
            done_bytes += len(line.encode("utf-8", errors="replace"))
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            if kind is None:
                kind = _kind_of(fields, path)
            try:
                if kind == "places":
                    _place_rows(fields, place_batch, name_batch)
                elif kind == "admin":
                    admin_batch.append({"code": fields[0], "name": fields[1], "geonameid": int(fields[3]) if fields[3].isdigit() else None})
                else:
                    language, name = fields[2], fields[3]
                    if language in ("link", "wkdt", "post", "iata", "icao", "faac", "unlc", "abbr", "phon", "fr_1793"):
                        continue
                    key = name_key(name)
                    if key:
                        name_batch.append({"name_key": key[:200], "geonameid": int(fields[1])})
                rows += 1
            except (ValueError, IndexError):
                skipped += 1
                continue
            if len(place_batch) + len(admin_batch) >= BATCH or len(name_batch) >= 4 * BATCH:
                flush()
        flush()
    finally:
        close = getattr(lines, "close", None)
        if close:
            close()
    if kind is None:
        raise GazetteerFileError(f"{path}: empty file")
    with engine.begin() as connection:
        connection.execute(
            gazetteer_loads.insert().values(file=path.name, kind=kind, rows=rows, loaded_at=datetime.now(timezone.utc))
        )
    return LoadResult(path.name, kind, rows, skipped)


def _place_rows(fields: list[str], places: list[dict], names: list[dict]) -> None:
    geonameid = int(fields[0])
    places.append(
        {
            "geonameid": geonameid,
            "name": fields[1][:200],
            "lat": float(fields[4]),
            "lon": float(fields[5]),
            "feature_class": fields[6][:1] or None,
            "feature_code": fields[7][:10] or None,
            "country_code": fields[8][:2] or None,
            "admin1": fields[10][:20] or None,
            "admin2": fields[11][:80] or None,
            "population": int(fields[14] or 0),
        }
    )
    keys = {name_key(fields[1]), name_key(fields[2])}
    keys.update(name_key(n) for n in fields[3].split(",") if len(n) > 3)
    names.extend({"name_key": k[:200], "geonameid": geonameid} for k in keys if k)


def gazetteer_status(engine: Engine) -> dict:
    """What is loaded: counts of places, names and admin codes, the countries, the files."""
    with engine.connect() as connection:
        places = connection.execute(select(func.count()).select_from(gazetteer_places)).scalar_one()
        names = connection.execute(select(func.count()).select_from(gazetteer_names)).scalar_one()
        admin = connection.execute(select(func.count()).select_from(gazetteer_admin)).scalar_one()
        countries = [
            (r[0], r[1])
            for r in connection.execute(
                select(gazetteer_places.c.country_code, func.count())
                .group_by(gazetteer_places.c.country_code)
                .order_by(func.count().desc())
                .limit(20)
            )
        ]
        loads = [
            {"file": r.file, "kind": r.kind, "rows": r.rows, "loaded_at": r.loaded_at.isoformat() if r.loaded_at else None}
            for r in connection.execute(select(gazetteer_loads).order_by(gazetteer_loads.c.id))
        ]
    return {"places": places, "names": names, "admin_codes": admin, "top_countries": countries, "loads": loads}


def has_geonames_load(engine: Engine) -> bool:
    """Whether the store holds places loaded from a GeoNames file (without creating tables:
    reading never runs DDL)."""
    if not inspect(engine).has_table(gazetteer_loads.name):
        return False
    with engine.connect() as connection:
        found = connection.execute(
            select(gazetteer_loads.c.id).where(gazetteer_loads.c.kind == "places").limit(1)
        ).first()
    return found is not None


def gazetteer_for_store(engine: Engine, embedded: Gazetteer | None = None) -> Gazetteer:
    """The gazetteer extraction uses with this store: the embedded one alone when the store
    holds no GeoNames load, else the loaded places in front of it (``StoreGazetteer``)."""
    from dateline.geo.embedded import default_gazetteer

    embedded = embedded or default_gazetteer()
    if not has_geonames_load(engine):
        return embedded
    return StoreGazetteer(engine, embedded)


class StoreGazetteer(Gazetteer):
    """The places loaded into the store, in front of the embedded default.

    Nothing is read whole: a name is one indexed query on ``gazetteer_names.name_key`` (the
    answers cached per name, so an article's repeated names cost one query), and a region's
    name one primary-key query on ``gazetteer_admin``, cached too; a store of millions of
    GeoNames rows costs a run the names its articles use. The embedded gazetteer still supplies
    demonyms, abbreviations, regions and aliases, and answers for names the store lacks."""

    NAME_CACHE = 100_000

    def __init__(self, engine: Engine, fallback: Gazetteer) -> None:
        with engine.connect() as connection:
            loads = connection.execute(
                select(gazetteer_loads.c.file, gazetteer_loads.c.rows).where(gazetteer_loads.c.kind == "places")
            ).all()
        files = ", ".join(dict.fromkeys(load.file for load in loads)) or "nothing loaded"
        super().__init__(f"store GeoNames ({files}) + {fallback.description}")
        self.engine = engine
        self.fallback = fallback
        # share the embedded indexes (read-only)
        self.entries = fallback.entries
        self.names = fallback.names
        self.abbreviations = fallback.abbreviations
        self.skeletons = fallback.skeletons
        self.demonyms = fallback.demonyms
        self.admin1_entries = fallback.admin1_entries
        self.country_entries = fallback.country_entries
        self.admin1_names = fallback.admin1_names
        self._lookup = lru_cache(maxsize=self.NAME_CACHE)(self._query)
        self._admin_name = lru_cache(maxsize=self.NAME_CACHE)(self._query_admin_name)

    def _query(self, key: str) -> tuple[GazetteerEntry, ...]:
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(gazetteer_places)
                .join(gazetteer_names, gazetteer_names.c.geonameid == gazetteer_places.c.geonameid)
                .where(gazetteer_names.c.name_key == key)
                .distinct()
                .limit(200)
            ).all()
        return tuple(
            GazetteerEntry(
                r.geonameid, r.name, r.lat, r.lon, r.country_code, r.admin1, r.admin2,
                r.feature_class or "P", r.feature_code or "PPL", r.population or 0, "store",
            )
            for r in rows
        )

    def _query_admin_name(self, code: str) -> str | None:
        with self.engine.connect() as connection:
            return connection.execute(select(gazetteer_admin.c.name).where(gazetteer_admin.c.code == code)).scalar()

    def admin1_name(self, country_code: str | None, admin1: str | None) -> str | None:
        if not country_code or not admin1:
            return None
        return self._admin_name(f"{country_code}.{admin1}") or self.fallback.admin1_name(country_code, admin1)

    def candidates(self, name: str, allow_skeleton: bool = True) -> list[Candidate]:
        key = name_key(name)
        if not key:
            return []
        stored = self._lookup(key[:200])
        embedded = self.fallback.candidates(name, allow_skeleton=allow_skeleton and not stored)
        ids = {e.geonames_id for e in stored}
        regions = {(e.country_code, e.feature_code, e.admin1) for e in stored if e.feature_class == "A"}
        found = [Candidate(-1 - i, e, "name") for i, e in enumerate(stored)]
        for candidate in embedded:
            entry = candidate.entry
            if entry.geonames_id is not None and entry.geonames_id in ids:
                continue
            if entry.feature_class == "A" and (entry.country_code, entry.feature_code, entry.admin1) in regions:
                continue
            found.append(candidate)
        return found


@dataclass
class PlaceRow:
    name: str
    lat: float | None
    lon: float | None
    country_code: str | None
    admin1: str | None
    feature_code: str | None
    geonames_id: int | None
    resolution: str | None
    mentions: int
    articles: int
    confidence: float
    texts: list[str]


def list_places(
    engine: Engine, *, name: str | None = None, country: str | None = None, limit: int = 50
) -> list[PlaceRow]:
    """The places the store's processed articles name, most mentioned first: one row per
    place on the map (unresolved ones by their text), with the words the articles used."""
    from dateline.store.filters import contains_pattern
    from dateline.store.tables import places

    query = select(
        places.c.name, places.c.lat, places.c.lon, places.c.country_code, places.c.admin1,
        places.c.feature_code, places.c.geonames_id, places.c.resolution, places.c.text,
        places.c.article_id, places.c.confidence,
    )
    if country:
        query = query.where(func.upper(places.c.country_code) == country.upper())
    if name:
        pattern = contains_pattern(name)
        query = query.where(func.lower(places.c.name).like(pattern, escape="\\")
                            | func.lower(places.c.text).like(pattern, escape="\\"))
    grouped: dict[tuple, PlaceRow] = {}
    article_sets: dict[tuple, set] = {}
    with engine.connect() as connection:
        for r in connection.execute(query):
            lat = None if r.lat is None else round(r.lat, 3)
            lon = None if r.lon is None else round(r.lon, 3)
            key = (r.name, lat, lon)
            row = grouped.get(key)
            if row is None:
                row = grouped[key] = PlaceRow(
                    r.name, r.lat, r.lon, r.country_code, r.admin1, r.feature_code, r.geonames_id,
                    r.resolution, 0, 0, 0.0, [],
                )
                article_sets[key] = set()
            row.mentions += 1
            row.confidence = max(row.confidence, r.confidence or 0.0)
            article_sets[key].add(r.article_id)
            if r.text not in row.texts:
                row.texts.append(r.text)
    for key, row in grouped.items():
        row.articles = len(article_sets[key])
    return sorted(grouped.values(), key=lambda r: (-r.mentions, r.name))[:limit]
