"""The seed gold's places, end to end: parse, recognise, resolve, within each tolerance."""

from __future__ import annotations

import pytest

from dateline.geo import find_places, great_circle_km
from dateline.model import Article
from dateline.nlp import parse


def _places_of(seeds_dir, file, gazetteer):
    text = (seeds_dir / file).read_text(encoding="utf-8")
    return find_places(Article(id=file, text=text), parse(text), gazetteer)


@pytest.mark.slow
def test_every_seed_place_lands_within_its_tolerance(seeds_dir, seed_gold, gazetteer):
    for document in seed_gold["documents"]:
        places = _places_of(seeds_dir, document["file"], gazetteer)
        for gold in document["places"]:
            first_word = gold["name"].split()[0].lower()
            named = [p for p in places if p.span.text.lower().startswith(first_word)]
            assert named, f"{gold['name']} not found in {document['file']}"
            for place in named:
                assert place.country_code == gold["country"], (gold["name"], place)
                if "lat" in gold:
                    error = great_circle_km(place.lat, place.lon, gold["lat"], gold["lon"])
                    assert error <= gold["tolerance_km"], (gold["name"], place, round(error))


@pytest.mark.slow
def test_village_missing_from_gazetteer_falls_back_to_what_the_text_says(seeds_dir, gazetteer):
    places = _places_of(seeds_dir, "000_928372cbf91601d0.txt", gazetteer)
    anabah = [p for p in places if p.span.text == "Anabah"]
    assert anabah
    for place in anabah:
        assert place.resolution == "contained-in"
        assert place.reason and "Bazarak" in place.reason  # "a few kilometers from Bazarak"
        assert place.confidence < 0.5
    khawak = next(p for p in places if p.span.text == "Khawak Pass")
    assert khawak.resolution == "contained-in" and "Panjshir" in khawak.reason


@pytest.mark.slow
def test_faizabad_in_an_afghan_story_is_badakhshans_capital(seeds_dir, gazetteer):
    places = _places_of(seeds_dir, "004_19ea109a735e8b51.txt", gazetteer)
    faizabad = next(p for p in places if p.span.text == "Faizabad")
    assert faizabad.country_code == "AF"
    assert faizabad.admin1 == "Badakhshan"


@pytest.mark.slow
def test_demonyms_are_not_places(seeds_dir, gazetteer):
    places = _places_of(seeds_dir, "000_928372cbf91601d0.txt", gazetteer)
    assert not [p for p in places if p.span.text in ("Afghan", "Qatari", "Panjshiri")]
    # every place keeps its evidence: the span is the article's own words
    text = (seeds_dir / "000_928372cbf91601d0.txt").read_text(encoding="utf-8")
    assert all(text[p.span.start : p.span.end] == p.span.text for p in places)
