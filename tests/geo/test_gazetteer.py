"""The gazetteer: names folded the same way everywhere, the embedded default, the store table."""

from __future__ import annotations

import pytest

from dateline.geo.gazetteer import great_circle_km, name_key, skeleton_key
from dateline.store.gazetteer import GazetteerFileError, StoreGazetteer, gazetteer_status, load_geonames


def test_names_fold_case_accents_dots_and_dashes():
    assert name_key("Mazār-e Sharīf") == "mazar e sharif"
    assert name_key("U.S.") == "us"
    assert name_key("W.Va.") == "wva"
    assert name_key("the Netherlands") == "netherlands"
    assert skeleton_key("qandahar") == skeleton_key("kandahar")


def test_place_aliases_and_state_abbreviations(gazetteer):
    assert any(c.entry.country_code == "US" and c.entry.feature_code == "PCLI" for c in gazetteer.candidates("U.S."))
    assert any(c.entry.name == "West Virginia" for c in gazetteer.candidates("W.Va."))
    # "ga" in running text is not Georgia; "Ga." is
    assert not any(c.match == "abbreviation" for c in gazetteer.candidates("ga"))


def test_embedded_gazetteer_holds_countries_provinces_towns_and_airfields(gazetteer):
    kinds = {c.entry.feature_code for name in ("Afghanistan", "Panjshir", "Bazarak", "Bagram Air Base")
             for c in gazetteer.candidates(name)}
    assert {"PCLI", "ADM1", "AIRB"} <= kinds
    panjshir = next(c.entry for c in gazetteer.candidates("Panjshir") if c.entry.feature_code == "ADM1")
    assert great_circle_km(panjshir.lat, panjshir.lon, 35.4, 69.7) < 60
    assert gazetteer.admin1_name("AF", panjshir.admin1) == "Panjshir"


@pytest.fixture()
def engine(tmp_path):
    from dateline.store import open_store

    return open_store(str(tmp_path / "gazetteer.db")).engine


def test_loading_a_geonames_file_into_the_store(engine, fixtures_dir, gazetteer):
    seen = []
    result = load_geonames(engine, fixtures_dir / "geo" / "AF.txt", progress=lambda done, total: seen.append((done, total)))
    assert result.kind == "places" and result.rows == 5
    assert seen and seen[-1][0] == seen[-1][1]
    load_geonames(engine, fixtures_dir / "geo" / "admin1CodesASCII.txt")
    load_geonames(engine, fixtures_dir / "geo" / "alternateNames.txt")
    load_geonames(engine, fixtures_dir / "geo" / "AF.txt")  # a re-load replaces, never duplicates
    status = gazetteer_status(engine)
    assert status["places"] == 5 and status["admin_codes"] == 2
    assert [load["file"] for load in status["loads"]][:2] == ["AF.txt", "admin1CodesASCII.txt"]

    layered = StoreGazetteer(engine, gazetteer)
    anabah = layered.candidates("Anabah")  # in the loaded file, not in the embedded default
    assert anabah and great_circle_km(anabah[0].entry.lat, anabah[0].entry.lon, 35.26, 69.44) < 25
    assert layered.candidates("عنابه")  # its alternate name from alternateNames.txt
    assert layered.candidates("Kabul")  # the embedded default still answers
    assert "AF.txt" in layered.description


def test_a_file_that_is_not_geonames_is_one_clear_error(engine, fixtures_dir, tmp_path):
    with pytest.raises(GazetteerFileError, match="not_geonames.txt: not a GeoNames file"):
        load_geonames(engine, fixtures_dir / "geo" / "not_geonames.txt")
    with pytest.raises(GazetteerFileError, match="no such file"):
        load_geonames(engine, tmp_path / "missing.zip")


def test_regions_have_the_demonyms_news_writes(gazetteer):
    for demonym, region in (("Ohioans", "Ohio"), ("Texans", "Texas"), ("Floridians", "Florida"), ("Ontarians", "Ontario")):
        assert any(c.entry.name == region for c in gazetteer.demonym_candidates(demonym)), demonym


def test_each_admin_designator_example_gives_its_bare_name():
    from dateline.geo.embedded import DATA, _read_tsv, without_designator

    rows = _read_tsv(DATA / "admin_designators.tsv")
    assert rows
    for _, _, example in rows:
        full, bare = (part.strip() for part in example.split("->"))
        assert without_designator(full) == bare, example
    assert without_designator("Eastern Province") is None  # "Eastern" alone is a direction


def test_provinces_are_found_without_their_designators(gazetteer):
    for name, country in (("Anhui", "CN"), ("Shandong", "CN"), ("Guangxi", "CN")):
        assert any(c.entry.feature_code == "ADM1" and c.entry.country_code == country for c in gazetteer.candidates(name)), name


def test_each_country_has_one_capital_not_every_town_of_its_name():
    from dateline.geo.embedded import default_gazetteer

    capitals = [c.entry for c in default_gazetteer().candidates("Washington", allow_skeleton=False)
                if c.entry.feature_code == "PPLC"]
    assert [(e.country_code, e.admin1) for e in capitals] == [("US", "DC")]


def test_continents_have_their_adjectives_and_countries_their_long_initials(gazetteer):
    from dateline.geo.embedded import continent_adjectives, official_initials

    assert continent_adjectives("Europe") == ["European", "Europeans"]
    assert continent_adjectives("South America") == ["South American", "South Americans"]
    assert official_initials("Democratic People's Republic of Korea") == "DPRK"
    assert official_initials("Republic of South Sudan") is None  # "RSS" is a feed
    assert any(c.entry.feature_code == "CONT" and c.entry.name == "Africa" for c in gazetteer.demonym_candidates("African"))
    assert [c.entry.country_code for c in gazetteer.candidates("DPRK")] == ["KP"]
    assert not gazetteer.candidates("dprk")  # letters in running text are no abbreviation
