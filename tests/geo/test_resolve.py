"""Resolution in context: the same name lands in different places depending on the article."""

from __future__ import annotations

from dateline.geo import find_places, great_circle_km
from dateline.model import Article
from dateline.nlp import parse


def _places(text, gazetteer):
    return find_places(Article(id="t", text=text), parse(text), gazetteer)


def _one(places, text):
    return next(p for p in places if p.span.text == text)


def test_a_state_named_after_it_qualifies_the_town(gazetteer):
    places = _places("A fire destroyed a home in Alexandria, La., on Friday.", gazetteer)
    alexandria = _one(places, "Alexandria")
    assert alexandria.country_code == "US" and alexandria.admin1 == "Louisiana"


def test_the_articles_country_decides_between_namesakes(gazetteer):
    afghan = _places("Taliban fighters entered Faizabad, and the government of Afghanistan sent troops.", gazetteer)
    assert _one(afghan, "Faizabad").country_code == "AF"
    indian = _places("Pilgrims travelled from Lucknow to Faizabad in Uttar Pradesh, India.", gazetteer)
    assert _one(indian, "Faizabad").country_code == "IN"


def test_georgia_is_the_state_in_an_american_story_and_the_country_in_a_caucasus_one(gazetteer):
    us = _places("Voters in Atlanta, Georgia, and in Savannah went to the polls.", gazetteer)
    assert _one(us, "Georgia").country_code == "US"
    caucasus = _places("Russian troops crossed from South Ossetia into Georgia near Tbilisi.", gazetteer)
    assert _one(caucasus, "Georgia").country_code == "GE"


def test_countries_are_placed_at_their_middle_not_their_capital(gazetteer):
    russia = _one(_places("Exports from Russia fell.", gazetteer), "Russia")
    assert great_circle_km(russia.lat, russia.lon, 60, 100) < 161  # GeoNames' point, not Moscow


def test_airfields_by_any_of_their_names(gazetteer):
    places = _places("US forces departed the Bagram Airfield in Afghanistan.", gazetteer)
    bagram = _one(places, "Bagram Airfield")
    assert bagram.feature_code in ("AIRB", "AIRP")
    assert great_circle_km(bagram.lat, bagram.lon, 34.95, 69.27) < 10


def test_each_place_carries_admin_names_and_confidence(gazetteer):
    kabul = _one(_places("Talks were held in Kabul on Friday.", gazetteer), "Kabul")
    assert kabul.country_code == "AF" and kabul.admin1 == "Kabul"
    assert kabul.geonames_id and 0 < kabul.confidence <= 1 and kabul.resolution == "gazetteer"


def test_counties_written_short_or_without_their_word(gazetteer):
    from dateline.geo import resolve_toponyms
    from dateline.geo.recognize import Toponym

    text = "Deputies from Henrico and Loudoun Co. searched the woods."
    toponyms = [Toponym(14, 21, "Henrico", "given"), Toponym(26, 37, "Loudoun Co.", "given")]
    henrico, loudoun = resolve_toponyms(text, toponyms, gazetteer)
    assert henrico.feature_code == "ADM2" and henrico.admin1 == "Virginia"
    assert loudoun.feature_code == "ADM2" and loudoun.admin1 == "Virginia"


def test_names_listed_before_the_plural_counties_are_counties(gazetteer):
    # "in Lorain and Medina counties": the counties, not the towns of those names (the text's own
    # recognition reads the list as a span given by a corpus is read)
    places = _places("Road crews in Lorain and Medina counties salted the highways on Monday.", gazetteer)
    assert _one(places, "Medina").feature_code == "ADM2" and _one(places, "Medina").admin1 == "Ohio"
    assert _one(places, "Lorain").feature_code == "ADM2"
    georgia = _places("Crews from Camden and Brantley counties in Georgia cleared fallen trees.", gazetteer)
    assert [(p.feature_code, p.admin1) for p in georgia if p.span.text in ("Camden", "Brantley")] == \
        [("ADM2", "Georgia"), ("ADM2", "Georgia")]
    # (a town alone stays a town)
    town = _one(_places("Road crews in Medina salted the highways on Monday.", gazetteer), "Medina")
    assert town.feature_code != "ADM2"


def test_washington_is_the_state_in_a_list_of_states_or_when_called_a_state(gazetteer):
    listed = _places("Cases were found in Utah, Virginia, Washington and Wisconsin.", gazetteer)
    assert _one(listed, "Washington").feature_code == "ADM1"
    called = _places("The cow came from a Washington state farm near the border with Canada.", gazetteer)
    assert _one(called, "Washington").feature_code == "ADM1"
    capital = _places("Lawmakers in Washington voted on the bill, the White House said.", gazetteer)
    assert _one(capital, "Washington").feature_code == "PPLC"


def test_a_list_of_countries_is_not_a_town_and_its_country(gazetteer):
    places = _places("Cases were reported in Turkey, Armenia, Iraq, Iran and Syria.", gazetteer)
    assert _one(places, "Iraq").country_code == "IQ"
    congo = _places("Outbreaks hit the Democratic Republic of Congo last year.", gazetteer)
    assert any(p.country_code == "CD" for p in congo)


def test_seas_islands_and_ranges_are_places_not_namesake_towns(gazetteer):
    places = _places("Bird flu spread on the island of Java and in Sumatra; ships in the Pacific were checked.", gazetteer)
    assert _one(places, "Java").country_code == "ID" and _one(places, "Java").feature_code == "ISL"
    assert _one(places, "Sumatra").country_code == "ID"
    pacific = _one(places, "Pacific")
    assert pacific.feature_code == "OCN" and pacific.country_code is None


def test_in_a_list_of_states_a_state_before_another_is_no_town_in_it(gazetteer):
    # there is a hamlet called Oklahoma in Pennsylvania; in a list of states it is the state
    places = _places("The disorder was found in Georgia, Oklahoma, Pennsylvania, Wisconsin and California.", gazetteer)
    assert _one(places, "Oklahoma").feature_code == "ADM1"
    town = _places("A barn burned in Oklahoma, Pennsylvania, on Sunday.", gazetteer)
    assert _one(town, "Oklahoma").feature_code.startswith("PPL")


def test_a_name_with_a_towns_police_or_council_is_the_town_not_the_country(gazetteer):
    # in 'Lebanon Police arrested a man ... in Zionsville' Lebanon is the town in Indiana
    police = _places("Lebanon Police arrested a man after a traffic stop near Zionsville on Thursday.", gazetteer)
    assert _one(police, "Lebanon").country_code == "US" and _one(police, "Lebanon").feature_class == "P"
    # a street address ends with its town: '400 S. Locust St., Lebanon'
    address = _places("A service will be held at the church, 400 S. Locust St., Lebanon, near Hershey.", gazetteer)
    assert _one(address, "Lebanon").country_code == "US"
    # without such a word Lebanon is still the country
    country = _places("Refugees crossed from Syria into Lebanon on Monday.", gazetteer)
    assert _one(country, "Lebanon").country_code == "LB"


def test_a_dateline_in_capitals_names_a_town_not_the_country(gazetteer):
    # 'LEBANON (AP) — ... in Ohio': the story is filed from a town; Lebanon, Ohio, not the country
    dateline = _places("LEBANON (AP) — A jury in Ohio heard a doctor testify on Friday in a murder trial.", gazetteer)
    assert _one(dateline, "LEBANON").country_code == "US" and _one(dateline, "LEBANON").feature_class == "P"
    # the em dash of a page read in the wrong encoding, or two spaces where the dash was lost
    for dash in (" \x97 ", "  "):
        misread = _places(f"LEBANON (AP){dash}A jury in Ohio heard a doctor testify on Friday in a murder trial.", gazetteer)
        assert _one(misread, "LEBANON").country_code == "US", dash
    # the same name opening a sentence with no dash is no dateline
    country = _places("LEBANON has closed its border with Syria, officials said on Friday.", gazetteer)
    assert _one(country, "LEBANON").country_code == "LB"


def test_in_a_story_about_several_countries_a_city_of_millions_beats_its_small_namesakes(gazetteer):
    # in 'cases in the United States, Mexico, Canada and Spain ... officials in Moscow' Moscow is
    # the Russian capital, not one of the small American towns called Moscow
    text = (
        "Swine flu cases were confirmed in the United States, Mexico, Canada and Spain. "
        "Health officials in Moscow said no case had been found in Russia yet."
    )
    assert _one(_places(text, gazetteer), "Moscow").country_code == "RU"
    text = (
        "Flu cases rose in Texas, Ohio and Indiana, and schools closed across the United States, "
        "Mexico and Canada; a traveller from Cairo was tested."
    )
    assert _one(_places(text, gazetteer), "Cairo").country_code == "EG"


def test_a_state_first_in_a_list_of_states_is_no_town_in_the_next(gazetteer):
    # in 'cases in Washington, Pennsylvania and California' Washington is the state, not the
    # town of Washington, Pa.
    listed = _places("Officials are investigating E. coli cases in Washington, Pennsylvania and California.", gazetteer)
    assert _one(listed, "Washington").feature_code == "ADM1"
    town = _places("A barn burned in Washington, Pennsylvania, on Sunday.", gazetteer)
    assert _one(town, "Washington").feature_code.startswith("PPL") and _one(town, "Washington").admin1 == "Pennsylvania"



def test_a_name_with_a_states_department_or_legislature_is_the_state(gazetteer):
    # in 'drivers in Mattoon and Charleston, Ill., ... said Greg Scott of the Kansas Department of
    # Transportation' Kansas is the state, not the village of Kansas, Illinois
    text = "Drivers in Mattoon and Charleston, Ill., used seat belts, said Greg Scott of the Kansas Department of Transportation."
    kansas = _one(_places(text, gazetteer), "Kansas")
    assert kansas.feature_code == "ADM1" and kansas.admin1 == "Kansas"


def test_a_towns_former_name_loses_to_a_town_that_bears_it_today(gazetteer):
    # GeoNames lists "Maryville" among the former names of a Texas town; in a story that names
    # Texas, the name still means a town called Maryville
    places = _places("Volunteers from San Antonio, Texas, drove to Maryville to rebuild the chapel.", gazetteer)
    assert _one(places, "Maryville").name == "Maryville"


def test_a_small_place_known_only_abroad_is_not_pulled_across_the_world(gazetteer):
    # the packaged gazetteer knows Hume only as a shire near Melbourne; the story's other places
    # are all in Illinois
    places = _places("Firefighters from Danville and Champaign, Illinois, saved a barn in Hume on Monday.", gazetteer)
    assert _one(places, "Hume").country_code != "AU"
    assert _one(places, "Danville").country_code == "US"


def test_a_small_place_abroad_stays_when_the_text_names_its_country(gazetteer):
    places = _places(
        "Students from Danville, Illinois, visited Hume, a shire north of Melbourne in Australia.", gazetteer
    )
    assert _one(places, "Hume").country_code == "AU"


def test_a_spelling_of_a_towns_own_name_is_no_former_name(gazetteer):
    # "Hillsboro" is how many write Hillsborough, the town between Durham and Mebane
    places = _places(
        "Traffic from Durham, Burlington and Mebane backed up on the road into Hillsboro after the crash.", gazetteer
    )
    hillsboro = _one(places, "Hillsboro")
    assert hillsboro.country_code == "US" and hillsboro.admin1 == "North Carolina"


def test_a_small_namesake_alone_in_another_state_is_not_taken(gazetteer):
    # Brookside is a small town in Alabama, Delaware and Ohio; a Nebraska story that names
    # Kearney and Omaha and nothing in those states speaks of a Brookside the gazetteer lacks
    text = "KEARNEY, Neb. — The Brookside school board met with a consultant from Omaha on Monday."
    brookside = _one(_places(text, gazetteer), "Brookside")
    assert brookside.admin1 not in {"Alabama", "Delaware", "Ohio"}


def test_a_village_far_from_a_local_story_s_dateline_town_is_not_taken(gazetteer):
    # Point Clear is one village of Alabama in the gazetteer; a South Carolina town's story that
    # names it with no state speaks of a neighbourhood of its own the gazetteer lacks
    text = "FORT MILL — Firefighters were called to a house in the Point Clear neighborhood on Monday."
    assert _one(_places(text, gazetteer), "Point Clear").admin1 != "Alabama"
    # a reporter names the state of a village elsewhere, and then it is kept
    qualified = "FORT MILL — A family from Point Clear, Ala., visited the lake on Monday."
    assert _one(_places(qualified, gazetteer), "Point Clear").admin1 == "Alabama"


def test_a_small_namesake_qualified_by_its_state_is_kept(gazetteer):
    text = "KEARNEY, Neb. — A family from Brookside, Ala., met the mayor of Omaha on Monday."
    brookside = _one(_places(text, gazetteer), "Brookside")
    assert brookside.admin1 == "Alabama"
