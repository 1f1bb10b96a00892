"""Step 5: the relational record tables (events with their actors, places, quantities and
attribution as rows; article entities and their links to canonical entities), replacing step 3's
JSON-in-a-column tables. The rows step 3's tables hold are moved over and those tables dropped:
every event, claim, mention, place, timex and entity of an older store is kept, with its ids.

Frozen: the tables below are the schema as this step creates it, and the move reads step 3's
layout; never edit this file, change the schema with a new step.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    inspect,
    text,
)
from sqlalchemy.engine import Connection

NAME = "records_002_relational"
OLD_TABLES = ("event_arguments", "events", "timexes", "places", "mentions", "entities", "entity_roles", "claims",
              "processed_articles")

metadata = MetaData()
# step 1's table, named here so that the keys below can point at it; never created by this step
articles = Table("articles", metadata, Column("id", String(64), primary_key=True))

ARTICLE_ID = 64
RECORD_ID = 40
ENTITY_ID = 200
ENTITY_KEY = 40


def span_columns(prefix: str = "", nullable: bool = False) -> list[Column]:
    """The three columns of a span of article text."""
    return [
        Column(f"{prefix}start", Integer, nullable=nullable),
        Column(f"{prefix}end", Integer, nullable=nullable),
        Column(f"{prefix}text", Text, nullable=nullable),
    ]


def _article_column() -> Column:
    return Column("article_id", String(ARTICLE_ID), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)


def _event_column() -> Column:
    return Column("event_id", String(RECORD_ID), ForeignKey("events.id", ondelete="CASCADE"), nullable=False)


def _entity_key_column(nullable: bool = True) -> Column:
    return Column("entity_key", String(ENTITY_KEY), nullable=nullable)


extractions = Table(
    "extractions",
    metadata,
    Column("article_id", String(ARTICLE_ID), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("status", String(16), nullable=False),  # done, failed, duplicate
    Column("error", Text),
    Column("events", Integer, nullable=False, default=0),
    Column("processed_at", DateTime(timezone=True)),
)
Index("extractions_by_status", extractions.c.status)

timexes = Table(
    "timexes",
    metadata,
    Column("id", String(RECORD_ID), primary_key=True),
    _article_column(),
    *span_columns(),
    Column("type", String(12), nullable=False),
    Column("value", String(60), nullable=False),
    Column("mod", String(20)),
    Column("anchor", String(40)),
    Column("range_start", Date),
    Column("range_end", Date),
)
Index("timexes_by_article", timexes.c.article_id)

places = Table(
    "places",
    metadata,
    Column("id", String(RECORD_ID), primary_key=True),
    _article_column(),
    *span_columns(),
    Column("name", Text, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("country_code", String(4)),
    Column("admin1", Text),
    Column("admin2", Text),
    Column("feature_class", String(4)),
    Column("feature_code", String(12)),
    Column("geonames_id", Integer),
    Column("population", Integer),
    Column("confidence", Float, nullable=False, default=0.0),
    Column("resolution", String(20), nullable=False),
    Column("reason", Text),
)
Index("places_by_article", places.c.article_id)
Index("places_by_country", places.c.country_code)
Index("places_by_point", places.c.lat, places.c.lon)
Index("places_by_geonames_id", places.c.geonames_id)

article_entities = Table(
    "article_entities",
    metadata,
    Column("key", String(ENTITY_KEY), primary_key=True),
    _article_column(),
    Column("kind", String(24), nullable=False),
    Column("country_code", String(4)),
    Column("known", Text),
    Column("fixed_id", String(ENTITY_ID)),
    Column("article_only", Boolean, nullable=False, default=False),
)
Index("article_entities_by_article", article_entities.c.article_id)

article_entity_names = Table(
    "article_entity_names",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_key", String(ENTITY_KEY), ForeignKey("article_entities.key", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("is_alias", Boolean, nullable=False, default=False),
)
Index("article_entity_names_by_entity", article_entity_names.c.entity_key)

article_entity_roles = Table(
    "article_entity_roles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_key", String(ENTITY_KEY), ForeignKey("article_entities.key", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("as_of", Date),
    *span_columns(nullable=True),
)
Index("article_entity_roles_by_entity", article_entity_roles.c.entity_key)

mentions = Table(
    "mentions",
    metadata,
    Column("id", String(RECORD_ID), primary_key=True),
    _article_column(),
    *span_columns(),
    Column("label", String(20), nullable=False),
    _entity_key_column(),
    Column("kind", String(24)),
)
Index("mentions_by_article", mentions.c.article_id)
Index("mentions_by_entity", mentions.c.entity_key)

events = Table(
    "events",
    metadata,
    Column("id", String(RECORD_ID), primary_key=True),
    _article_column(),
    Column("type", String(24), nullable=False),
    Column("acled_type", String(64)),
    Column("acled_subtype", String(80)),
    Column("acled_source", String(24)),
    Column("acled_confidence", Float),
    Column("cue", Text),
    *span_columns("trigger_"),
    *span_columns("sentence_"),
    *span_columns("clause_", nullable=True),
    Column("date_value", String(40)),
    Column("date_start", Date),
    Column("date_end", Date),
    *span_columns("date_span_", nullable=True),
    Column("date_inherited", Boolean, nullable=False, default=False),
    # a period longer than a month ("since January"): the few events a date-range query must look
    # for outside the month before its start (see store/filters.py)
    Column("long_stretch", Boolean, nullable=False, default=False),
    Column("place_inherited", Boolean, nullable=False, default=False),
    Column("modality", String(16), nullable=False),
    Column("hedged", Boolean, nullable=False, default=False),
    Column("confidence", Float, nullable=False),
    Column("notes", Text),  # one note a line
)
Index("events_by_article", events.c.article_id, events.c.trigger_start)
Index("events_by_type_date", events.c.type, events.c.date_start)
Index("events_by_date", events.c.date_start, events.c.date_end)
Index("events_by_long_stretch", events.c.long_stretch, events.c.date_end)
Index("events_by_modality", events.c.modality)
Index("events_by_acled_type", events.c.acled_type)

event_actors = Table(
    "event_actors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _event_column(),
    Column("position", Integer, nullable=False),
    Column("slot", String(8), nullable=False),  # source, target, other
    Column("role", String(40)),  # the actor's finer role, where the events stage gives one
    Column("name", Text, nullable=False),  # the actor as named: "We" in the text can be "MSF"
    *span_columns(),
    _entity_key_column(),
)
Index("event_actors_by_event", event_actors.c.event_id)
Index("event_actors_by_entity", event_actors.c.entity_key)

event_places = Table(
    "event_places",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _event_column(),
    Column("position", Integer, nullable=False),
    Column("place_id", String(RECORD_ID), ForeignKey("places.id", ondelete="CASCADE"), nullable=False),
)
Index("event_places_by_event", event_places.c.event_id)
Index("event_places_by_place", event_places.c.place_id)

event_quantities = Table(
    "event_quantities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _event_column(),
    Column("position", Integer, nullable=False),
    Column("value", Float, nullable=False),
    Column("unit", Text, nullable=False),
    Column("category", String(40)),
    Column("qualifier", String(40)),
    *span_columns(),
)
Index("event_quantities_by_event", event_quantities.c.event_id)
Index("event_quantities_by_category", event_quantities.c.category, event_quantities.c.value)

attributions = Table(
    "attributions",
    metadata,
    Column("event_id", String(RECORD_ID), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("source", Text, nullable=False),
    *span_columns(),
    _entity_key_column(),
    Column("channel", Text),
    *span_columns("channel_", nullable=True),
    *span_columns("antecedent_", nullable=True),
    Column("via", Text),
    *span_columns("via_", nullable=True),
    *span_columns("verb_", nullable=True),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(RECORD_ID), primary_key=True),
    _article_column(),
    Column("event_id", String(RECORD_ID), ForeignKey("events.id", ondelete="CASCADE")),
    Column("about", Text, nullable=False),
    Column("value", Float, nullable=False),
    Column("unit", Text, nullable=False),
    Column("qualifier", String(40)),
    Column("category", String(40)),
    Column("by", Text, nullable=False),
    *span_columns(),
    *span_columns("by_", nullable=True),
    _entity_key_column(),
)
Index("claims_by_article", claims.c.article_id)
Index("claims_by_event", claims.c.event_id)

entities = Table(
    "entities",
    metadata,
    Column("id", String(ENTITY_ID), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(24), nullable=False),
    Column("country_code", String(4)),
)
Index("entities_by_kind", entities.c.kind)

entity_aliases = Table(
    "entity_aliases",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_id", String(ENTITY_ID), ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("alias", Text, nullable=False),
)
Index("entity_aliases_by_entity", entity_aliases.c.entity_id)

entity_links = Table(
    "entity_links",
    metadata,
    Column("entity_key", String(ENTITY_KEY), ForeignKey("article_entities.key", ondelete="CASCADE"), primary_key=True),
    Column("entity_id", String(ENTITY_ID), ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
)
Index("entity_links_by_entity", entity_links.c.entity_id)



# --- moving step 3's rows over ---------------------------------------------------------------------

FIXED_ID = re.compile(r"^[a-z_]+:[a-z]{2}$")  # "country:qa", "military:af": ids the lexicon fixes


def _span(raw: dict | None, prefix: str = "") -> dict:
    raw = raw or {}
    return {f"{prefix}start": raw.get("start"), f"{prefix}end": raw.get("end"), f"{prefix}text": raw.get("text")}


class _Move:
    """Rows of step 3's tables rewritten as rows of this step's, one article at a time."""

    def __init__(self, connection: Connection):
        self.connection = connection
        self.kinds = {r[0]: (r[1], r[2]) for r in connection.execute(text(
            "SELECT id, kind, country_code FROM entities_v1"))}
        self.entity_keys: dict[tuple[str, str], str] = {}
        self.keys_in_article: dict[str, int] = {}
        self.entity_rows: dict[str, dict] = {}
        self.entity_names: dict[str, list[str]] = {}

    def entity_key(self, article_id: str, entity_id: str | None) -> str | None:
        """The article entity standing for a canonical entity in one article."""
        if not entity_id or entity_id not in self.kinds:
            return None
        key = self.entity_keys.get((article_id, entity_id))
        if key is None:
            number = self.keys_in_article.get(article_id, 0)
            self.keys_in_article[article_id] = number + 1
            key = f"{article_id[:16]}:{number}"
            kind, country = self.kinds[entity_id]
            self.entity_keys[(article_id, entity_id)] = key
            self.entity_rows[key] = {"key": key, "article_id": article_id, "kind": kind, "country_code": country,
                                     "known": None, "fixed_id": entity_id if FIXED_ID.match(entity_id) else None,
                                     "article_only": False}
            self.entity_names[key] = []
        return key

    def article(self, article_id: str) -> dict[Table, list[dict]]:
        c, short = self.connection, article_id[:16]
        rows: dict[Table, list[dict]] = {table: [] for table in (
            timexes, places, article_entities, article_entity_names, article_entity_roles, mentions, events,
            event_actors, event_places, event_quantities, attributions, claims)}
        for n, r in enumerate(c.execute(text("SELECT * FROM timexes_v1 WHERE article_id = :a ORDER BY id"),
                                        {"a": article_id}).mappings()):
            rows[timexes].append({"id": f"tx-{short}-{n}", "article_id": article_id, "start": r["start"],
                                  "end": r["end"], "text": r["text"], "type": r["type"], "value": r["value"],
                                  "mod": r["mod"], "anchor": r["anchor"], "range_start": r["range_start"],
                                  "range_end": r["range_end"]})
        old_events = [json.loads(r[0]) for r in c.execute(text(
            "SELECT record FROM events_v1 WHERE article_id = :a ORDER BY trigger_start, id"), {"a": article_id})]
        # an event's place keeps every field; the places table of step 3 kept only some
        full_places = {(p["span"]["start"], p["span"]["end"]): p for e in old_events for p in e.get("places") or ()}
        place_ids: dict[tuple[int, int], str] = {}

        def add_place(start: int, end: int, raw: dict) -> str:
            place_id = f"pl-{short}-{len(place_ids)}"
            place_ids[(start, end)] = place_id
            rows[places].append({
                "id": place_id, "article_id": article_id, "start": start, "end": end, "text": raw["text"],
                "name": raw["name"], "lat": raw.get("lat"), "lon": raw.get("lon"),
                "country_code": raw.get("country_code"), "admin1": raw.get("admin1"), "admin2": raw.get("admin2"),
                "feature_class": raw.get("feature_class"), "feature_code": raw.get("feature_code"),
                "geonames_id": raw.get("geonames_id"), "population": raw.get("population"),
                "confidence": raw.get("confidence") or 0.0, "resolution": raw.get("resolution") or "unresolved",
                "reason": raw.get("reason")})
            return place_id

        for r in c.execute(text("SELECT * FROM places_v1 WHERE article_id = :a ORDER BY id"), {"a": article_id}).mappings():
            if (r["start"], r["end"]) in place_ids:
                continue
            full = full_places.get((r["start"], r["end"]))
            add_place(r["start"], r["end"], {**dict(r), **(full or {}), "text": r["text"]})
        for n, r in enumerate(c.execute(text("SELECT * FROM mentions_v1 WHERE article_id = :a ORDER BY id"),
                                        {"a": article_id}).mappings()):
            key = self.entity_key(article_id, r["entity_id"])
            if key is not None and r["label"] != "DESCRIPTION" and r["text"] not in self.entity_names[key]:
                self.entity_names[key].append(r["text"])
            rows[mentions].append({"id": f"mn-{short}-{n}", "article_id": article_id, "start": r["start"],
                                   "end": r["end"], "text": r["text"], "label": r["label"], "entity_key": key,
                                   "kind": r["kind"]})
        for e in old_events:
            self._event(e, rows, place_ids, add_place)
        event_ids = {e["id"] for e in old_events}
        for n, r in enumerate(c.execute(text("SELECT record FROM claims_v1 WHERE article_id = :a ORDER BY id"),
                                        {"a": article_id})):
            claim = json.loads(r[0])
            rows[claims].append({
                "id": f"cl-{short}-{n}", "article_id": article_id,
                "event_id": claim.get("event_id") if claim.get("event_id") in event_ids else None,
                "about": claim["about"], "value": claim["value"], "unit": claim["unit"],
                "qualifier": claim.get("qualifier"), "category": claim.get("category"), "by": claim["by"],
                **_span(claim.get("span")), **_span(claim.get("by_span"), "by_"),
                "entity_key": self.entity_key(article_id, claim.get("by_entity_id"))})
        for r in c.execute(text("SELECT * FROM entity_roles_v1 WHERE article_id = :a ORDER BY id"),
                           {"a": article_id}).mappings():
            key = self.entity_key(article_id, r["entity_id"])
            if key is not None:
                rows[article_entity_roles].append({
                    "entity_key": key, "position": len([x for x in rows[article_entity_roles] if x["entity_key"] == key]),
                    "title": r["title"], "as_of": r["as_of"], "start": r["start"], "end": r["end"], "text": r["text"]})
        for (article, _), key in self.entity_keys.items():
            if article != article_id:
                continue
            rows[article_entities].append(self.entity_rows[key])
            names = self.entity_names[key] or [self._entity_name(key)]
            rows[article_entity_names].extend({"entity_key": key, "position": n, "name": name, "is_alias": False}
                                              for n, name in enumerate(names))
        return rows

    def _entity_name(self, key: str) -> str:
        entity_id = next(e for (_, e), k in self.entity_keys.items() if k == key)
        return self.connection.execute(text("SELECT name FROM entities_v1 WHERE id = :i"), {"i": entity_id}).scalar_one()

    def _event(self, e: dict, rows: dict, place_ids: dict, add_place) -> None:
        article_id = e["article_id"]
        rows[events].append({
            "id": e["id"], "article_id": article_id, "type": e["type"], "acled_type": e.get("acled_type"),
            "acled_subtype": e.get("acled_subtype"), "acled_source": e.get("acled_source"),
            "acled_confidence": e.get("acled_confidence"), "cue": e.get("cue"), **_span(e["trigger"], "trigger_"),
            **_span(e["sentence"], "sentence_"), **_span(e.get("clause"), "clause_"), "date_value": e.get("date"),
            "date_start": e.get("date_start"), "date_end": e.get("date_end"), **_span(e.get("date_span"), "date_span_"),
            "date_inherited": bool(e.get("date_inherited")), "place_inherited": bool(e.get("place_inherited")),
            "long_stretch": _long(e.get("date_start"), e.get("date_end")),
            "modality": e.get("modality") or "reported", "hedged": bool(e.get("hedged")),
            "confidence": e.get("confidence") or 0.0, "notes": "\n".join(e.get("notes") or ()) or None})
        actors = [("source", e.get("source_actor")), ("target", e.get("target_actor"))]
        actors += [("other", a) for a in e.get("other_actors") or ()]
        for position, (slot, actor) in enumerate(actors):
            if actor:
                rows[event_actors].append({
                    "event_id": e["id"], "position": position, "slot": slot, "role": actor.get("role"),
                    "name": actor["text"], **_span(actor["span"]), "entity_key": self.entity_key(article_id, actor.get("entity_id"))})
        for position, place in enumerate(e.get("places") or ()):
            span = (place["span"]["start"], place["span"]["end"])
            place_id = place_ids.get(span) or add_place(*span, {**place, "text": place["span"]["text"]})
            rows[event_places].append({"event_id": e["id"], "position": position, "place_id": place_id})
        for position, q in enumerate(e.get("quantities") or ()):
            rows[event_quantities].append({
                "event_id": e["id"], "position": position, "value": q["value"], "unit": q["unit"],
                "category": q.get("category"), "qualifier": q.get("qualifier"), **_span(q["span"])})
        a = e.get("attribution")
        if a:
            rows[attributions].append({
                "event_id": e["id"], "source": a["source"], **_span(a["span"]),
                "entity_key": self.entity_key(article_id, a.get("entity_id")), "channel": a.get("channel"),
                **_span(a.get("channel_span"), "channel_"), **_span(a.get("antecedent"), "antecedent_"),
                "via": a.get("via"), **_span(a.get("via_span"), "via_"), **_span(a.get("verb"), "verb_")})


def _long(start: str | None, end: str | None) -> bool:
    return bool(start and end and (date.fromisoformat(end) - date.fromisoformat(start)).days > 31)


def _dates(rows: list[dict]) -> list[dict]:
    """Dates and times that step 3's JSON, or SQLite read through plain SQL, give as strings."""
    for row in rows:
        for key in ("date_start", "date_end", "as_of", "range_start", "range_end"):
            if isinstance(row.get(key), str):
                row[key] = date.fromisoformat(row[key])
        if isinstance(row.get("processed_at"), str):
            row["processed_at"] = datetime.fromisoformat(row["processed_at"])
    return rows


def apply(connection: Connection) -> None:
    present = set(inspect(connection).get_table_names())
    old = [name for name in OLD_TABLES if name in present]
    for name in old:
        connection.exec_driver_sql(f'ALTER TABLE "{name}" RENAME TO "{name}_v1"')
        if connection.dialect.name == "postgresql":  # a primary key's index keeps its table's old name
            connection.exec_driver_sql(f'ALTER INDEX IF EXISTS "{name}_pkey" RENAME TO "{name}_v1_pkey"')
    metadata.create_all(connection, tables=[table for table in metadata.sorted_tables if table is not articles])
    if "events" not in old:
        return
    move = _Move(connection)
    known = {r[0] for r in connection.execute(text("SELECT id FROM articles"))}
    done = connection.execute(text("SELECT article_id, status, error, events, processed_at FROM processed_articles_v1"))
    marks = [dict(r._mapping) for r in done if r[0] in known]
    pending = sorted({r[0] for r in connection.execute(text(
        "SELECT article_id FROM events_v1 UNION SELECT article_id FROM mentions_v1 "
        "UNION SELECT article_id FROM places_v1 UNION SELECT article_id FROM timexes_v1"))} & known)
    for article_id in pending:
        for table, rows in move.article(article_id).items():
            if rows:
                connection.execute(table.insert(), _dates(rows))
    if marks:
        connection.execute(extractions.insert(), _dates(marks))
    entity_rows = [dict(r._mapping) for r in connection.execute(text(
        "SELECT id, name, kind, aliases, country_code FROM entities_v1 ORDER BY id"))]
    if entity_rows:
        connection.execute(entities.insert(), [{k: r[k] for k in ("id", "name", "kind", "country_code")}
                                               for r in entity_rows])
        aliases = [{"entity_id": r["id"], "position": n, "alias": alias}
                   for r in entity_rows for n, alias in enumerate(json.loads(r["aliases"] or "[]"))]
        if aliases:
            connection.execute(entity_aliases.insert(), aliases)
    if move.entity_keys:
        connection.execute(entity_links.insert(), [{"entity_key": key, "entity_id": entity_id}
                                                   for (_, entity_id), key in sorted(move.entity_keys.items())])
    for name in old:
        connection.exec_driver_sql(f'DROP TABLE "{name}_v1"')
