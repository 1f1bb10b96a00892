"""A GeoNames file loaded into the store reaches extraction: villages the embedded gazetteer
lacks are placed once loaded, and not before. ``villages.txt`` is a hand-made file in GeoNames'
19-column layout holding three invented villages (ids 9900001-9900003), two in Panjshir."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, inspect

from dateline.geo import find_places, great_circle_km
from dateline.model import Article
from dateline.nlp import parse
from dateline.store.gazetteer import StoreGazetteer, gazetteer_for_store, load_geonames

SENTENCE = "Fighters reached the village of Qarah Zanbur in Panjshir on Friday, residents said."
QARAH_ZANBUR = (9900001, 35.4123, 69.8561)  # the first row of villages.txt


@pytest.fixture()
def engine(tmp_path):
    from dateline.store import open_store

    return open_store(str(tmp_path / "store.db")).engine


def _village(gazetteer):
    places = find_places(Article(id="v", text=SENTENCE), parse(SENTENCE), gazetteer)
    return next(p for p in places if p.span.text == "Qarah Zanbur")


def test_a_store_without_a_load_gives_the_embedded_gazetteer_and_creates_nothing(tmp_path, gazetteer):
    engine = create_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    assert gazetteer_for_store(engine, gazetteer) is gazetteer
    assert inspect(engine).get_table_names() == []  # reading a store never runs DDL


def test_without_the_load_the_village_is_not_placed_at_its_point(engine, gazetteer):
    village = _village(gazetteer_for_store(engine, gazetteer))
    assert village.geonames_id != QARAH_ZANBUR[0]
    assert village.resolution != "gazetteer"


def test_a_loaded_village_is_placed_by_the_geo_stage(engine, fixtures_dir, gazetteer):
    result = load_geonames(engine, fixtures_dir / "geo" / "villages.txt")
    assert (result.kind, result.rows) == ("places", 3)
    layered = gazetteer_for_store(engine, gazetteer)
    assert isinstance(layered, StoreGazetteer) and "villages.txt" in layered.description

    village = _village(layered)
    geonames_id, lat, lon = QARAH_ZANBUR
    assert village.geonames_id == geonames_id and village.resolution == "gazetteer"
    assert great_circle_km(village.lat, village.lon, lat, lon) < 1
    assert village.country_code == "AF" and village.admin1 == "Panjshir"  # the region's name from the embedded data
    # an alternate name from the file's fourth column finds it too
    assert [c.entry.geonames_id for c in layered.candidates("Qarazanbur")][:1] == [geonames_id]
    # names the store lacks are still answered by the embedded gazetteer
    assert any(c.entry.feature_code == "PPLC" for c in layered.candidates("Kabul"))


def test_a_load_of_region_names_alone_does_not_layer_the_gazetteer(engine, fixtures_dir, gazetteer):
    load_geonames(engine, fixtures_dir / "geo" / "admin1CodesASCII.txt")
    assert gazetteer_for_store(engine, gazetteer) is gazetteer
