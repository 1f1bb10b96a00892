"""Toponym recognition: each example of feature_words.yaml finds its name."""

from __future__ import annotations

import re

import pytest

from dateline.geo import recognize_toponyms
from dateline.geo.recognize import feature_words
from dateline.nlp import parse


def _examples():
    words = feature_words()
    for word, _, example in words.after:
        match = re.search(rf"((?:[A-Z][\w\-]+\s)+){re.escape(word)}\b", example)
        yield example, match.group(0).replace("The ", "")
    for phrase, _, example in words.before:
        rest = example.split(phrase, 1)[1].split()
        name = rest[0].strip(",")
        yield example, name


@pytest.mark.parametrize("example,name", list(_examples()))
def test_feature_word_examples_are_found(example, name, gazetteer):
    found = [t.text for t in recognize_toponyms(parse(example), gazetteer)]
    assert any(name in text for text in found), (example, found)


def test_the_second_of_two_cities_is_found_too(gazetteer):
    text = "Flights went to the cities of Gao and Timbuktu on Saturday."
    found = [t.text for t in recognize_toponyms(parse(text), gazetteer)]
    assert "Gao" in found and "Timbuktu" in found


def test_place_named_inside_an_organisation(gazetteer):
    text = "Officers of the Gainesville Police Department arrested a man on Tuesday."
    found = [t.text for t in recognize_toponyms(parse(text), gazetteer)]
    assert "Gainesville" in found


def test_surnames_that_are_also_towns_are_not_places(gazetteer):
    text = "John Hughes, the mayor, spoke on Monday. Hughes said the budget was balanced."
    found = [t.text for t in recognize_toponyms(parse(text), gazetteer)]
    assert "Hughes" not in found


def test_demonyms_only_on_request(gazetteer):
    doc = parse("Afghan officials met Qatari diplomats in Kabul.")
    plain = recognize_toponyms(doc, gazetteer)
    with_demonyms = recognize_toponyms(doc, gazetteer, include_demonyms=True)
    assert [t.text for t in plain] == ["Kabul"]
    assert {t.text for t in with_demonyms if t.demonym} == {"Afghan", "Qatari"}


def _names(text, gazetteer):
    return [t.text for t in recognize_toponyms(parse(text), gazetteer)]


def test_a_town_name_the_article_uses_as_a_persons_name_is_the_person(gazetteer):
    text = (
        "Eastview High swim coach Karen Ripley said the squad was ready. "
        "\"We swam every morning,\" said coach Ripley before the meet in Mankato."
    )
    names = _names(text, gazetteer)
    assert "Ripley" not in names
    assert "Mankato" in names


def test_a_preposition_before_a_persons_possessive_introduces_no_place(gazetteer):
    # "in Austin's case" is the case of Mr Austin: "in" governs "case", not the name
    text = ("On June 3, Carl Dean Austin, 48, was found shot inside his home. "
            "Deputies went to Austin's home after a call. There are few leads in Austin's case, the sheriff said.")
    assert "Austin" not in _names(text, gazetteer)


def test_an_unknown_single_word_the_ner_calls_a_place_needs_a_preposition(gazetteer):
    # a village no gazetteer knows, introduced as a place, is kept (unresolved, never dropped)
    assert "Qarabaghzo" in _names("Aid reached villagers in Qarabaghzo, officials said.", gazetteer)
    # a company's name the NER mistakes for a place, with nothing saying place around it
    assert "Petrojet" not in _names("Police said Petrojet, a contractor, paid the workers.", gazetteer)


def test_a_dateline_after_the_headline_is_a_place(gazetteer):
    text = "Blaze damages barn on Mill Road. TORRINGTON — Flames tore through a barn roof on Wednesday."
    assert "TORRINGTON" in _names(text, gazetteer)


def test_a_dateline_before_a_dash_is_a_place_even_when_the_gazetteer_lacks_the_town(gazetteer):
    text = "HARTWELLTON - Two men were hurt in a crash on Elm Street in Hart County on Monday."
    assert "HARTWELLTON" in _names(text, gazetteer)
    # a heading in capitals before a colon is no dateline
    assert "ROAD WORK" not in _names("ROAD WORK: Elm Street in Dover will close on Monday.", gazetteer)


def test_a_dateline_whose_dash_was_misread_or_lost_is_a_place(gazetteer):
    # the em dash of a page read in the wrong encoding (\x97) is a dash
    assert "HARTWELLTON" in _names("HARTWELLTON \x97 Two men were hurt in a crash on Elm Street on Monday.", gazetteer)
    # two spaces and no dash: a dateline when the gazetteer knows the town
    assert "FORT MILL" in _names("FORT MILL  Firefighters doused a kitchen fire at a lakeside cabin early today.", gazetteer)
    # a heading in capitals before two spaces is no dateline
    assert "NOTICE" not in _names("NOTICE  The library on Elm Street will close on Monday.", gazetteer)


def test_a_town_a_preposition_introduces_is_a_place_even_if_tagged_a_person(gazetteer):
    text = "Deputies found the stolen truck in Anderson on Sunday, Sheriff John Skipper said."
    assert "Anderson" in _names(text, gazetteer)


def test_the_white_house_is_not_a_town(gazetteer):
    assert "White House" not in _names("The White House said so in a statement released Thursday.", gazetteer)


def _street_examples():
    for word, example in feature_words().streets:
        match = re.search(rf"((?:[A-Z][\w\-]*\.?\s)+){re.escape(word)}", example)
        yield example, match.group(0)


@pytest.mark.parametrize("example,street", list(_street_examples()))
def test_street_word_examples_are_found_as_streets(example, street, gazetteer):
    found = {t.text: t for t in recognize_toponyms(parse(example), gazetteer)}
    assert street in found, (example, list(found))
    assert found[street].kind == "R"


def test_a_street_is_not_put_at_a_town_of_its_name(gazetteer):
    from dateline.geo import resolve_toponyms

    text = "Two cars collided on Clinton Street in Hartford on Monday."
    places = {p.span.text: p for p in resolve_toponyms(text, recognize_toponyms(parse(text), gazetteer), gazetteer)}
    street = places["Clinton Street"]
    assert street.resolution == "contained-in" and "Hartford" in street.reason  # the text's "in Hartford"
    assert places["Hartford"].country_code == "US"


def test_a_newspaper_named_after_a_street_is_no_street(gazetteer):
    assert not any("Street" in n for n in _names("Shares fell, the Wall Street Journal reported.", gazetteer))


def test_a_car_make_that_is_also_a_city_is_the_car(gazetteer):
    text = (
        "A 2003 Toyota Camry that a Las Vegas man was driving turned left onto Flamingo Road. "
        "Police said the Toyota did not yield, and a blue 1998 Honda stalled nearby."
    )
    names = _names(text, gazetteer)
    assert "Toyota" not in names and "Honda" not in names
    assert "Las Vegas" in names


def test_a_first_name_before_a_surname_the_article_uses_is_no_town(gazetteer):
    text = (
        "Ms. Haddadin died Sunday in Arlington. \"She was generous to everyone she met,\" "
        "Nadia Haddadin said. Nadia Haddadin of Southlake remembered her."
    )
    names = _names(text, gazetteer)
    assert "Nadia" not in names
    assert "Arlington" in names and "Southlake" in names


def test_a_place_the_ner_takes_for_a_person_does_not_make_its_town_a_person(gazetteer):
    text = (
        "Developers plan shops at Greer Station, near the depot. Greer Station has been empty for years. "
        "The council of Greer, South Carolina, approved the plan."
    )
    assert "Greer" in _names(text, gazetteer)


def test_a_first_word_the_ner_cut_off_a_known_town_is_put_back(gazetteer):
    # spaCy tags only "Beida"; Goz Beida is a town in eastern Chad
    text = "In Goz Beida, the refugees receive three litres of water per day."
    found = [t.text for t in recognize_toponyms(parse(text), gazetteer)]
    assert found == ["Goz Beida"]


def test_a_region_word_split_from_its_name_is_no_place(gazetteer):
    # "Hancock, Ohio, County": the text splits the county's name; "County" alone is nowhere
    found = _names("A Dover deacon is accused of stealing more than $4,000 from two Ohio shops. Hancock, "
                   "Ohio, County prosecutors in March charged Jim R. Hale with robbing Findlay Credit Union on Feb. 3.",
                   gazetteer)
    assert "County" not in found
    assert "Findlay" in found


@pytest.mark.parametrize("phrase,example", feature_words().not_place_phrases)
def test_a_kind_of_court_is_no_town(phrase, example, gazetteer):
    # "Superior Court Judge Ann Reed": no town Superior (feature_words.yaml: not_place_phrases)
    found = [t.text for t in recognize_toponyms(parse(example), gazetteer)]
    assert phrase.split()[0] not in found, (example, found)


def test_a_town_before_a_kind_of_court_stays_a_place(gazetteer):
    found = [t.text for t in recognize_toponyms(parse("She appeared in Dover Superior Court on Monday."), gazetteer)]
    assert any("Dover" in text for text in found)


@pytest.mark.parametrize("name,example", feature_words().person_age_examples)
def test_a_name_followed_by_an_age_is_a_person(name, example, gazetteer):
    found = [t.text for t in recognize_toponyms(parse(example), gazetteer)]
    assert name not in found, (example, found)


@pytest.mark.parametrize("name,example", feature_words().person_kin_examples)
def test_a_name_set_off_after_a_word_of_kin_is_a_person(name, example, gazetteer):
    found = [t.text for t in recognize_toponyms(parse(example), gazetteer)]
    assert name not in found, (example, found)


def test_a_place_after_a_word_of_kin_and_a_preposition_stays_a_place(gazetteer):
    found = [t.text for t in recognize_toponyms(parse("His son, who lives in Dallas, drove home on Friday."), gazetteer)]
    assert "Dallas" in found


@pytest.mark.parametrize("name,example", feature_words().middle_initial_examples)
def test_a_surname_of_a_name_with_a_middle_initial_is_a_person(name, example, gazetteer):
    found = [t.text for t in recognize_toponyms(parse(example), gazetteer)]
    assert name not in found, (example, found)


def test_a_town_after_a_middle_initial_name_is_still_a_town(gazetteer):
    # only the person's own words: the town where the act is stays a place
    found = [t.text for t in recognize_toponyms(parse(
        "The coroner ruled the shooting of Keyon D. Tyler on Feb. 9 in Salem justified."), gazetteer)]
    assert "Salem" in found


@pytest.mark.parametrize("name,example", feature_words().named_again_examples)
def test_a_place_named_again_alone_is_found_again(name, example, gazetteer):
    text = parse(example).text
    found = [t.start for t in recognize_toponyms(parse(example), gazetteer) if t.text == name]
    assert text.rindex(name) in found, (example, found)


def test_a_place_named_again_inside_a_longer_name_is_not(gazetteer):
    example = "The pair set out to climb the mountain of Tetnuldi. The Tetnuldi Alpine Club paid for the trip."
    found = [t.text for t in recognize_toponyms(parse(example), gazetteer)]
    assert found.count("Tetnuldi") == 1, found


def test_a_distance_after_a_road_is_no_age(gazetteer):
    found = [t.text for t in recognize_toponyms(parse("The truck overturned on Highway 10, 5 miles west of Dover."),
                                                gazetteer)]
    assert "Highway 10" in found


@pytest.mark.parametrize("example", feature_words().possessive_examples)
def test_a_lower_case_feature_word_after_a_possessive_names_no_place(example, gazetteer):
    # "PennDOT's district office": whose district, not a district named PennDOT's
    found = [t.text for t in recognize_toponyms(parse(example), gazetteer)]
    assert not any(re.search(r"['’]s district", text) for text in found), (example, found)
    assert any(town in found for town in ("Erie", "Lima")), (example, found)


@pytest.mark.parametrize("model,example", feature_words().vehicle_model_examples)
def test_a_name_after_a_vehicle_make_is_its_model(model, example, gazetteer):
    # "a white GMC Yukon": a car, not the Yukon; nor "the Yukon" again in the same article
    found = [t.text for t in recognize_toponyms(parse(example), gazetteer)]
    assert not any(model in text for text in found), (example, found)


def test_a_kind_of_place_after_a_make_is_a_place(gazetteer):
    found = [t.text for t in recognize_toponyms(parse("Wind gusts closed schools in Dodge City on Monday."), gazetteer)]
    assert "Dodge City" in found


def test_a_title_before_a_person_s_name_is_no_town(gazetteer):
    # "Trooper" is a town in Pennsylvania; here the tagger cut the title from the name
    assert "Trooper" not in _names("A driver swerved at Trooper Drew Ransom on the shoulder of the road, police said.",
                                   gazetteer)


def test_a_lowercase_common_noun_is_no_place_but_its_capitalised_name_is(gazetteer):
    # "the metro" (the city and its suburbs) is a common noun, even where the NER labels it;
    # the same word capitalised before a town's name stays a name the resolver may place
    text = "Traffic backed up across the metro as crews in Fargo, North Dakota, closed two bridges."
    found = [t.text for t in recognize_toponyms(parse(text), gazetteer)]
    assert "metro" not in found and "Fargo" in found


def _named_examples(key):
    """The (name, sentence) pairs of one list of feature_words.yaml: given names, words of government."""
    import yaml
    from dateline.geo.recognize import FEATURE_WORDS_PATH
    return [(e["name"], e["example"]) for e in yaml.safe_load(FEATURE_WORDS_PATH.read_text(encoding="utf-8"))[key]]


def _found(example, gazetteer):
    return [t.text for t in recognize_toponyms(parse(example), gazetteer)]


@pytest.mark.parametrize("name,example", _named_examples("given_name_examples"))
def test_a_lone_given_name_the_ner_calls_a_person_is_no_place(name, example, gazetteer):
    assert name not in _found(example, gazetteer), example


@pytest.mark.parametrize("name,example", _named_examples("given_name_near_misses"))
def test_a_given_name_after_a_preposition_of_place_is_still_the_place(name, example, gazetteer):
    assert name in _found(example, gazetteer), example


@pytest.mark.parametrize("name,example", _named_examples("government_word_examples"))
def test_an_unknown_name_led_by_a_word_of_government_is_no_place(name, example, gazetteer):
    assert name not in _found(example, gazetteer), example


@pytest.mark.parametrize("name,example", _named_examples("government_word_near_misses"))
def test_a_known_county_before_a_body_is_still_a_place(name, example, gazetteer):
    assert name in _found(example, gazetteer), example
