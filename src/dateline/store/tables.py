"""The tables of what extraction reads out of articles, relational: rows are the truth and every
record is read back from them (JSON is an export format, never storage). One derived copy:
``event_documents`` holds each event's API JSON, made from its rows whenever they or its links
change (``store/documents.py``), so an event list page joins bytes; no record is read from it.

Per article (each row points at its article; deleting an article's rows cascades):
- ``extractions``: which articles were read, when, with what outcome (done, failed, duplicate);
- ``timexes``, ``places``, ``mentions``: what the time, geo and entity stages found, each with
  the span of its words (``start``, ``end``, ``text``);
- ``article_entities`` (+ ``article_entity_names``, ``article_entity_roles``): the actors as
  each article names them, the map step's output;
- ``events`` with ``event_actors``, ``event_places`` (links to ``places``), ``event_quantities``,
  ``attributions``; ``claims``.

Across articles, written by fusion: ``fused_events`` with ``fused_event_members`` (links to the
events that report each), ``claim_groups`` with ``claim_group_sides``.

Across articles, written by the reduce step:
- ``entities`` (+ ``entity_aliases``) and ``entity_links``: which canonical entity each article
  entity is. An entity's roles are its article entities' roles (a join, not a copy).

Every span is three columns: ``<prefix>start``, ``<prefix>end`` (character offsets into the
article text, end exclusive) and ``<prefix>text``. The schema is created and changed only by the
numbered steps in ``store/migrations/``; this module must always describe the latest step.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from dateline.model import Span
from dateline.store.articles import metadata  # one MetaData: the records' keys point at articles

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


def span_values(span: Span | None, prefix: str = "") -> dict:
    """A span as the values of its three columns (all None for no span)."""
    if span is None:
        return {f"{prefix}start": None, f"{prefix}end": None, f"{prefix}text": None}
    return {f"{prefix}start": span.start, f"{prefix}end": span.end, f"{prefix}text": span.text}


def span_from(row, prefix: str = "") -> Span | None:
    """The span stored in a row's three columns, or None."""
    start = row[f"{prefix}start"]
    if start is None:
        return None
    return Span(start, row[f"{prefix}end"], row[f"{prefix}text"])


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
Index("places_by_geonames_id", places.c.geonames_id)
Index("places_by_country_id", places.c.country_code, places.c.id)  # step 7: country filters from the index alone
Index("places_by_id_country", places.c.id, places.c.country_code)  # step 8: counts by country from the index alone
Index("places_by_id_point", places.c.id, places.c.lat, places.c.lon)  # step 10: a box checked per event
Index("places_by_point_id", places.c.lat, places.c.lon, places.c.id)  # step 10: a box's places from the index alone

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
# step 9: the whole order of a list, so a page stops after its rows
# (step 14: ``date_end`` last, so a page's ``since`` is checked in the index rows, no event row read)
Index("events_by_date_order", events.c.date_start, events.c.article_id, events.c.trigger_start, events.c.id,
      events.c.date_end)
Index("events_by_type_date_order", events.c.type, events.c.date_start, events.c.article_id, events.c.trigger_start,
      events.c.id, events.c.date_end)
# step 10: newest first (``sort=-date``), undated last (SQLite: DESC puts NULL last already)
Index("events_by_date_order_desc", events.c.date_start.desc().nulls_last(), events.c.article_id,
      events.c.trigger_start, events.c.id)
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
Index("event_actors_by_entity_event", event_actors.c.entity_key, event_actors.c.event_id)  # step 9

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
Index("event_places_by_place_event", event_places.c.place_id, event_places.c.event_id)  # step 7
Index("event_places_by_event_place", event_places.c.event_id, event_places.c.place_id)  # step 8: counts by place

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
Index("attributions_by_entity_event", attributions.c.entity_key, attributions.c.event_id)  # step 9

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

# --- across articles, written by fusion (step 6) ----------------------------------------------------

fused_events = Table(
    "fused_events",
    metadata,
    Column("id", String(RECORD_ID), primary_key=True),
    Column("type", String(24), nullable=False),
    Column("date_value", String(40)),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("place_name", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("country_code", String(4)),
    Column("reports", Integer, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("fused_at", DateTime(timezone=True)),
)
Index("fused_events_by_date", fused_events.c.date_start, fused_events.c.date_end)
Index("fused_events_by_type", fused_events.c.type)

fused_event_members = Table(
    "fused_event_members",
    metadata,
    Column("event_id", String(RECORD_ID), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("fused_id", String(RECORD_ID), ForeignKey("fused_events.id", ondelete="CASCADE"), nullable=False),
    Column("supports_date", Boolean, nullable=False, default=False),
    Column("supports_place", Boolean, nullable=False, default=False),
)
Index("fused_event_members_by_fused", fused_event_members.c.fused_id)

claim_groups = Table(
    "claim_groups",
    metadata,
    Column("id", String(RECORD_ID), primary_key=True),
    Column("about", Text, nullable=False),
    Column("unit", Text, nullable=False),
    Column("category", String(40)),
    Column("fused_id", String(RECORD_ID), ForeignKey("fused_events.id", ondelete="CASCADE")),
    Column("contradiction", Boolean, nullable=False),
    Column("sides", Integer, nullable=False),
)
Index("claim_groups_by_contradiction", claim_groups.c.contradiction)

claim_group_sides = Table(
    "claim_group_sides",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("group_id", String(RECORD_ID), ForeignKey("claim_groups.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    _article_column(),
    Column("event_id", String(RECORD_ID), ForeignKey("events.id", ondelete="CASCADE")),
    Column("claim_id", String(RECORD_ID), ForeignKey("claims.id", ondelete="CASCADE")),
    Column("value", Float, nullable=False),
    Column("unit", Text, nullable=False),
    Column("qualifier", String(40)),
    Column("by", Text, nullable=False),
    Column("modality", String(16)),
    *span_columns(),
)
Index("claim_group_sides_by_group", claim_group_sides.c.group_id)

# Step 9: event counts kept at write time (``store/tallies.py`` keeps them), so chart counts and
# list totals by day, type and country read a few hundred rows, not a million events.
# ``event_tallies``: every event once, by (start day, last day, type); ``event_country_tallies``:
# every (event, country of one of its places) pair once, by country too. ``key`` joins the other
# columns into one text (empty for a missing day), so a write adds to its row with one upsert.
event_tallies = Table(
    "event_tallies",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("date_start", Date),
    Column("day_end", Date),  # COALESCE(date_end, date_start): what ``since`` compares
    Column("type", String(24), nullable=False),
    Column("n", Integer, nullable=False),
)
Index("event_tallies_by_type_date", event_tallies.c.type, event_tallies.c.date_start, event_tallies.c.day_end,
      event_tallies.c.n)
Index("event_tallies_by_date", event_tallies.c.date_start, event_tallies.c.day_end, event_tallies.c.type,
      event_tallies.c.n)

event_country_tallies = Table(
    "event_country_tallies",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("country_code", String(4), nullable=False),
    Column("date_start", Date),
    Column("day_end", Date),
    Column("type", String(24), nullable=False),
    Column("n", Integer, nullable=False),
)
Index("event_country_tallies_by_country", event_country_tallies.c.country_code, event_country_tallies.c.type,
      event_country_tallies.c.date_start, event_country_tallies.c.day_end, event_country_tallies.c.n)
Index("event_country_tallies_by_date", event_country_tallies.c.date_start, event_country_tallies.c.day_end,
      event_country_tallies.c.country_code, event_country_tallies.c.type, event_country_tallies.c.n)

# Step 13 (``api_month_tallies``): the same counts by the first day of an event's start month
# (NULL: undated), so a range's whole months, or a whole country, sum tens of rows; the day rows
# serve the partial months at a range's ends (``store/tallies.py``).
event_month_tallies = Table(
    "event_month_tallies",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("month", Date),
    Column("type", String(24), nullable=False),
    Column("n", Integer, nullable=False),
)
Index("event_month_tallies_by_type_month", event_month_tallies.c.type, event_month_tallies.c.month,
      event_month_tallies.c.n)
Index("event_month_tallies_by_month", event_month_tallies.c.month, event_month_tallies.c.type,
      event_month_tallies.c.n)

event_country_month_tallies = Table(
    "event_country_month_tallies",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("country_code", String(4), nullable=False),
    Column("month", Date),
    Column("type", String(24), nullable=False),
    Column("n", Integer, nullable=False),
)
Index("event_country_month_tallies_by_country", event_country_month_tallies.c.country_code,
      event_country_month_tallies.c.type, event_country_month_tallies.c.month, event_country_month_tallies.c.n)
Index("event_country_month_tallies_by_month", event_country_month_tallies.c.month,
      event_country_month_tallies.c.country_code, event_country_month_tallies.c.type, event_country_month_tallies.c.n)

# Step 10: every pair of a canonical entity and an event one of whose actors or whose source is
# linked to it, with the event's list-order columns (``store/entity_events.py`` keeps it): an
# actor filter that is an entity's id reads its page in list order off the index and stops.
entity_events = Table(
    "entity_events",
    metadata,
    Column("entity_id", String(ENTITY_ID), ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
    Column("event_id", String(RECORD_ID), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("date_start", Date),
    Column("article_id", String(ARTICLE_ID), nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("day_end", Date),  # step 14: COALESCE(date_end, date_start), what ``since`` compares
)
Index("entity_events_by_event", entity_events.c.event_id)
Index("entity_events_by_entity_order", entity_events.c.entity_id, entity_events.c.date_start,
      entity_events.c.article_id, entity_events.c.trigger_start, entity_events.c.event_id, entity_events.c.day_end)
Index("entity_events_by_entity_order_desc", entity_events.c.entity_id,
      entity_events.c.date_start.desc().nulls_last(), entity_events.c.article_id, entity_events.c.trigger_start,
      entity_events.c.event_id, entity_events.c.day_end)

# Step 10: how many place rows lie at each point (``store/tallies.py`` keeps it): a box's points,
# and so its places point by point, without reading every place of its latitudes.
place_points = Table(
    "place_points",
    metadata,
    Column("key", String(60), primary_key=True),  # repr(lat)|repr(lon)
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("n", Integer, nullable=False),
)
Index("place_points_by_point", place_points.c.lat, place_points.c.lon, place_points.c.n)

# Step 11: every pair of an event and a country of its places, with the event's list-order
# columns, and every pair of an event and a point (lat, lon) of its places, with its days and
# list-order columns (``store/place_events.py`` keeps both): a country's page is a range read off
# its (country, list order) index in either direction; a box's events of some days are range
# reads of its points, and when the box and the days are the whole filter its page is sorted
# from the pairs alone.
country_events = Table(
    "country_events",
    metadata,
    Column("country_code", String(4), primary_key=True),
    Column("event_id", String(RECORD_ID), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("date_start", Date),
    Column("article_id", String(ARTICLE_ID), nullable=False),
    Column("trigger_start", Integer, nullable=False),
)
Index("country_events_by_event", country_events.c.event_id)
Index("country_events_by_country_order", country_events.c.country_code, country_events.c.date_start,
      country_events.c.article_id, country_events.c.trigger_start, country_events.c.event_id)
Index("country_events_by_country_order_desc", country_events.c.country_code,
      country_events.c.date_start.desc().nulls_last(), country_events.c.article_id, country_events.c.trigger_start,
      country_events.c.event_id)

point_events = Table(
    "point_events",
    metadata,
    Column("event_id", String(RECORD_ID), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("lat", Float, primary_key=True),
    Column("lon", Float, primary_key=True),
    Column("date_start", Date),
    Column("day_end", Date),  # COALESCE(date_end, date_start): a since's overlap, checked on the pair
    Column("article_id", String(ARTICLE_ID), nullable=False),
    Column("trigger_start", Integer, nullable=False),
)
Index("point_events_by_point_date", point_events.c.lat, point_events.c.lon, point_events.c.date_start,
      point_events.c.article_id, point_events.c.trigger_start, point_events.c.event_id, point_events.c.day_end)
Index("point_events_by_date_order", point_events.c.date_start, point_events.c.article_id, point_events.c.trigger_start,
      point_events.c.event_id, point_events.c.lat, point_events.c.lon, point_events.c.day_end)

# Step 12: each event's JSON as an API list page writes it (``store/documents.py`` keeps it): a page
# is its ids, one read of their documents by primary key and a join of bytes. ``version`` is the
# release's fingerprint of that JSON (a page reads the documents of its own version only).
event_documents = Table(
    "event_documents",
    metadata,
    Column("event_id", String(RECORD_ID), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("version", String(16), nullable=False),
    Column("document", Text, nullable=False),
)

# Step 15: each outlet's home region (``store/outlets.py``, ``geo/home_region.py``): the articles
# whose evidence is counted (with the home region they were read with), the regions each names
# without doubt, and the home learned from their counts
outlet_articles = Table(
    "outlet_articles",
    metadata,
    Column("article_id", String(ARTICLE_ID), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("outlet", Text, nullable=False),
    Column("home_country", String(4)),  # the home region the article's places were read with (NULL: none)
    Column("home_admin1", Text),
)
Index("outlet_articles_by_outlet", outlet_articles.c.outlet)

outlet_article_regions = Table(
    "outlet_article_regions",
    metadata,
    Column("article_id", String(ARTICLE_ID), ForeignKey("outlet_articles.article_id", ondelete="CASCADE"),
           primary_key=True),
    Column("country", String(4), primary_key=True),
    Column("admin1", Text, primary_key=True),
)

outlet_homes = Table(
    "outlet_homes",
    metadata,
    Column("outlet", Text, primary_key=True),
    Column("country", String(4), nullable=False),
    Column("admin1", Text, nullable=False),
    Column("share", Float, nullable=False),  # of the outlet's articles with evidence, the share naming it
    Column("articles", Integer, nullable=False),  # the outlet's articles with evidence
    Column("updated", DateTime(timezone=True), nullable=False),  # when the home last changed
)

# the tables holding one article's records, children before parents (an article read again has
# its evidence of its outlet's home counted again: ``outlet_articles``, its regions by cascade)
PER_ARTICLE_TABLES = (claims, events, mentions, places, timexes, article_entities, outlet_article_regions, outlet_articles)
