"""Step 4 (release 0.1.0): the gazetteer a user loads from GeoNames dumps.

Frozen: never edit; change the schema with a new step.
"""

from sqlalchemy import Column, DateTime, Float, Integer, MetaData, String, Table
from sqlalchemy.engine import Connection

NAME = "gazetteer_001_tables"

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


def apply(connection: Connection) -> None:
    metadata.create_all(connection, checkfirst=True)
