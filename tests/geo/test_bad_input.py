"""Bad input: other scripts, capitals only, places nobody has heard of, long lists."""

from __future__ import annotations

from dateline.geo import find_places, name_key
from dateline.model import Article
from dateline.nlp import parse


def _places(text, gazetteer):
    return find_places(Article(id="t", text=text), parse(text), gazetteer)


def test_names_in_other_scripts_do_not_crash_and_known_ones_resolve(gazetteer):
    candidates = gazetteer.candidates("Кабул")  # Kabul in Cyrillic, an alternate name in GeoNames
    assert any(c.entry.country_code == "AF" for c in candidates)
    places = _places("محادثات في كابول. Встреча в Кабуле. 喀布尔的会议。", gazetteer)
    assert isinstance(places, list)


def test_all_caps_text_still_finds_the_big_names(gazetteer):
    places = _places("TALIBAN FIGHTERS ADVANCED ON KABUL AS TROOPS LEFT AFGHANISTAN FOR QATAR.", gazetteer)
    found = {p.country_code for p in places if p.lat is not None}
    assert {"AF", "QA"} <= found


def test_a_place_missing_from_the_gazetteer_is_kept_not_guessed_far_away(gazetteer):
    text = "Residents of Zzyzxqborough fled on Monday."
    places = _places(text, gazetteer)
    for place in places:
        if place.span.text.startswith("Zzyzx"):
            assert place.resolution == "unresolved" and place.lat is None and place.name == place.span.text


def test_very_long_lists_of_places(gazetteer):
    names = ["Kabul", "Kandahar", "Herat", "Doha", "Tehran", "Islamabad", "Dushanbe"] * 60
    text = "Offices opened in " + ", ".join(names) + "."
    places = _places(text, gazetteer)
    assert len(places) >= len(names) * 0.9
    assert all(p.lat is not None for p in places)


def test_empty_and_odd_text(gazetteer):
    assert _places("", gazetteer) == []
    assert isinstance(_places("\x00\x01 ... ---", gazetteer), list)
    assert name_key("  ") == ""
