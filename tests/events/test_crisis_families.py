"""Hazards, legal steps, transactions and damage (issue 11), on sentences written for these tests."""

from __future__ import annotations

from dateline.events import extract_events
from dateline.model import Article
from dateline.nlp import parse
from tests.helpers import events_of


def kinds(text: str) -> dict[str, str]:
    return {e.trigger.text: e.type for e in events_of(text)}


def test_a_killing_by_a_hazard_is_the_hazards_impact_not_an_assault():
    found = kinds("The quake set off a landslide that killed a shepherd.")
    assert found.get("quake") == "HAZARD"
    assert found.get("killed") == "HAZARD"
    assert "ASSAULT" not in found.values()


def test_an_outbreak_and_a_crash_are_hazards():
    assert kinds("A measles outbreak spread through the refugee camp.").get("outbreak") == "HAZARD"
    assert kinds("A small plane crashed into a field near the airport.").get("crashed") == "HAZARD"


def test_talks_that_collapse_and_troops_under_fire_are_no_hazard():
    assert "HAZARD" not in kinds("The ceasefire talks collapsed after two days.").values()
    assert "HAZARD" not in kinds("The patrol came under fire near the checkpoint.").values()


def test_hazard_impact_counts_say_what_they_count():
    events = events_of("Floods have affected 80,000 people and destroyed 450 houses in the valley.")
    counts = {(q.value, q.category) for e in events for q in e.quantities}
    assert (80000, "affected") in counts
    assert (450, "destroyed") in counts


def test_missing_people_are_counted_as_missing():
    events = events_of("Nine miners are still missing after the landslide.")
    assert (9, "missing") in {(q.value, q.category) for e in events for q in e.quantities}


def test_legal_steps_are_justice_and_the_accused_is_the_target():
    events = events_of("Prosecutors charged three police officers with torture.")
    charged = next(e for e in events if e.trigger.text == "charged")
    assert charged.type == "JUSTICE"
    assert charged.target_actor is not None and "officers" in charged.target_actor.text
    assert kinds("A court in the capital convicted the activist of sedition.").get("convicted") == "JUSTICE"
    assert kinds("The judge sentenced the former governor to eight years.").get("sentenced") == "JUSTICE"


def test_release_on_bail_is_a_legal_step_release_of_hostages_a_concession():
    assert kinds("The editor was released on bail after a night in a cell.").get("released") == "JUSTICE"
    assert kinds("The rebels released twelve hostages on Sunday.").get("released") == "CONCEDE"


def test_tried_for_a_crime_is_a_trial_tried_for_hours_is_not():
    assert kinds("The general was tried for war crimes in absentia.").get("tried") == "JUSTICE"
    assert "JUSTICE" not in kinds("Divers tried for hours to reach the wreck.").values()


def test_buying_and_supplying_weapons_are_transactions():
    bought = next(e for e in events_of("The army bought six attack helicopters last year.") if e.trigger.text == "bought")
    assert bought.type == "TRANSACTION"
    assert bought.source_actor is not None and bought.source_actor.text.lower().endswith("army")
    assert kinds("Smugglers supplied the militia with grenades.").get("supplied") == "TRANSACTION"


def test_property_burned_by_an_armed_group_is_acled_property_destruction():
    burned = next(e for e in events_of("Militia fighters burned the village clinic and two shops.") if e.trigger.text == "burned")
    assert burned.type == "DAMAGE"
    assert burned.acled_subtype == "Looting/property destruction"


def test_tanks_destroyed_in_fighting_stay_an_assault():
    assert kinds("Government forces destroyed four rebel tanks near the bridge.").get("destroyed") == "ASSAULT"


def _country(text: str, words: str):
    from dateline.model import Place, Span

    start = text.index(words)
    return Place(Span(start, start + len(words), words), words, 0.0, 0.0, None, feature_code="PCLI",
                 resolution="gazetteer")


def test_the_country_across_a_border_is_no_place_of_the_event():
    text = "Heavy fighting broke out near the border with Tajikistan."
    events = extract_events(Article(id="t", text=text), parse(text), [], [_country(text, "Tajikistan")], [], [])
    fighting = next(e for e in events if e.trigger.text == "fighting")
    assert [p.name for p in fighting.places] == []


def test_a_country_where_the_fighting_is_stays_its_place():
    text = "Heavy fighting broke out in Tajikistan near the border."
    events = extract_events(Article(id="t", text=text), parse(text), [], [_country(text, "Tajikistan")], [], [])
    fighting = next(e for e in events if e.trigger.text == "fighting")
    assert [p.name for p in fighting.places] == ["Tajikistan"]


def test_a_place_word_inside_a_persons_name_is_no_place():
    text = "Police arrested Juan Lima at his home on Friday."
    events = extract_events(Article(id="t", text=text), parse(text), [], [_country(text, "Lima")], [], [])
    arrested = next(e for e in events if e.trigger.text == "arrested")
    assert "Lima" not in [p.name for p in arrested.places]


def test_a_us_route_number_is_a_road_not_the_country():
    text = "Deputies arrested the driver on Friday on U.S. 287 south of the county line."
    events = extract_events(Article(id="t", text=text), parse(text), [], [_country(text, "U.S.")], [], [])
    arrested = next(e for e in events if e.trigger.text == "arrested")
    assert "U.S." not in [p.name for p in arrested.places]
    text = "Police arrested two smugglers in the U.S. on Friday."
    events = extract_events(Article(id="t", text=text), parse(text), [], [_country(text, "U.S.")], [], [])
    assert any("U.S." in [p.name for p in e.places] for e in events)


def test_an_illness_is_an_outbreak_only_in_an_outbreak_construction():
    assert kinds("Clinics in the delta have reported forty cases of dengue this month.").get("dengue") == "HAZARD"
    assert kinds("Doctors fear the virus is spreading across the border.").get("virus") == "HAZARD"
    # the illness only named: the death is the event, a vaccine against it no event
    assert "HAZARD" not in kinds("Parents queued for hours for a vaccine against polio.").values()
    assert kinds("Two nurses died of the illness on Friday.").get("illness") is None


def test_an_illness_affecting_or_sickening_people_is_an_outbreak():
    assert kinds("Vets are tracking a virus affecting hundreds of goats and their herders.").get("virus") == "HAZARD"
    assert kinds("The report gave the toll of two fevers now affecting herders.").get("fevers") == "HAZARD"
    assert kinds("The fever has affected dozens of pupils in the hill schools.").get("fever") == "HAZARD"
    assert kinds("Forty diners were sickened by a bacterium in the salad.").get("bacterium") == "HAZARD"
    # the illness only talked about: no outbreak
    assert kinds("A rumour about the virus affected the markets.").get("virus") is None


def test_the_crime_a_charge_is_about_is_an_event_of_its_own():
    found = kinds("The ex-mayor was charged with fraud and arson on Monday.")
    assert found.get("charged") == "JUSTICE"
    assert found.get("fraud") == "CRIME" and found.get("arson") == "CRIME"
    assert kinds("Police arrested three men over the theft of copper cable.").get("theft") == "CRIME"
    # a crime spoken of in general is no event
    assert "CRIME" not in kinds("Insurers say car theft is falling in most cities.").values()
    assert "CRIME" not in kinds("The summit discussed the fight against terrorism.").values()


# A harm a vehicle does is a road, rail or air accident (HAZARD), not an assault: the vehicle is
# the doer of the harm (the agent of a passive, the subject of a "when" clause) or the thing its
# driver crashed; a vehicle driven at people in an attack stays an assault.
ROAD_ACCIDENTS = [
    ("A cyclist was struck by a delivery van and killed on Friday evening.", "killed"),
    ("A retired teacher died on Monday when a lorry reversed out of a loading bay and ran her over.", "died"),
    ("The driver suffered serious injuries when he crashed his pickup into a ditch.", "injuries"),
]
VEHICLE_ATTACKS = [
    ("A man drove a truck into a crowded market on Saturday, killing six people in what police called a terrorist attack.", "killing"),
    ("Gunmen in a pickup truck shot dead two guards outside the bank.", "shot"),
]


def test_a_harm_done_by_a_vehicle_is_an_accident():
    for text, _ in ROAD_ACCIDENTS:
        found = kinds(text)
        assert "ASSAULT" not in found.values(), (text, found)
        assert "HAZARD" in found.values(), (text, found)


def test_a_vehicle_driven_into_people_in_an_attack_stays_an_assault():
    for text, _ in VEHICLE_ATTACKS:
        found = kinds(text)
        assert "ASSAULT" in found.values(), (text, found)
        assert "HAZARD" not in found.values(), (text, found)


def test_a_vehicle_blown_up_stays_an_attack():
    found = kinds("An army truck carrying six soldiers exploded on a mine near the border post.")
    assert "HAZARD" not in found.values(), found


# --- deaths no one caused (DEATH): real events for a count of the dead, no violence -------------

def test_a_death_of_old_age_or_illness_is_a_death_not_an_assault():
    assert kinds("The retired teacher died on Tuesday at a care home in the valley.").get("died") == "DEATH"
    assert kinds("The old fisherman died of pneumonia last winter.").get("died") == "DEATH"
    assert kinds("Her brother died in 1987, two years after the farm was sold.").get("died") == "DEATH"
    assert kinds("The former mayor passed away peacefully at his home on Sunday.").get("passed away") == "DEATH"


def test_a_death_in_a_sentence_that_names_violence_stays_violent():
    assert kinds("A guard died of gunshot wounds in hospital on Sunday.").get("died") == "ASSAULT"
    found = kinds("Gunmen opened fire on a minibus near the market. Two passengers died on the way to hospital.")
    assert found.get("died") == "ASSAULT"


def test_a_death_in_a_sentence_that_names_a_hazard_is_the_hazards_impact():
    assert kinds("Two herders died as the floods swept through the valley.").get("died") == "HAZARD"


def test_an_injury_or_a_killing_a_hazard_did_is_the_hazards_toll():
    # the hazard is the harm's doer, directly or through the clause a participle hangs on
    assert kinds("A powerful earthquake rocked the coastal town on Monday, injuring 31 people.").get("injuring") == "HAZARD"
    # the hazard is named in the clause the harm hangs on
    assert kinds("Four miners were injured when the tunnel collapsed on Thursday.").get("injured") == "HAZARD"


def test_an_injury_where_a_weapon_is_named_stays_an_assault():
    found = kinds("Three soldiers were injured when a mortar round hit their post during the storm.")
    assert found.get("injured") == "ASSAULT"


def test_a_death_no_one_caused_gets_no_acled_violence_type():
    death = next(e for e in events_of("The retired teacher died on Tuesday at a care home in the valley.")
                 if e.trigger.text == "died")
    assert death.acled_type is None


def test_a_clause_beside_the_death_does_not_make_it_violent():
    # "take over" is a cue of fighting; here it is beside the death, not its cause
    found = kinds("After her father died in 1990, she let her two sons take over the bakery.")
    assert found.get("died") == "DEATH"


def test_a_storm_on_the_move_is_the_hazard_coming():
    # the ``subjects`` of the HAZARD cues of move and push, a compound or a participle's noun
    assert kinds("A weather system moved into the valley overnight with heavy rain.").get("moved") == "HAZARD"
    assert kinds("Forecasters said a storm system moving across the plains would bring snow.").get("moving") == "HAZARD"
    assert kinds("A snowstorm pushed across the northern plains on Sunday.").get("pushed") == "HAZARD"
    assert kinds("Hundreds of families moved into schools on the edge of the town.").get("moved") != "HAZARD"
    assert kinds("Rebel forces pushed deeper into the valley.").get("pushed") == "ASSAULT"


def test_deaths_blamed_on_a_storm_are_its_toll_not_an_accusation():
    # ``blamed_on_verbs``: what the blame is laid on caused the deaths
    assert kinds("Four deaths were blamed on the heatwave.").get("blamed") == "HAZARD"
    assert kinds("Officials blamed the insurgents for the bombing.").get("blamed") == "ACCUSE"
    assert kinds("The opposition blamed the famine on the government.").get("blamed") == "ACCUSE"


def test_selling_drugs_is_a_crime():
    assert kinds("The brothers sold cocaine from a flat above the laundry.").get("sold") == "CRIME"
    assert kinds("The company sold surveillance software to the police.").get("sold") == "TRANSACTION"


def test_taking_over_a_shop_is_a_change_of_owner_unless_armed_men_seize_it():
    assert kinds("Her nephew took over the bakery when she retired.").get("took over") == "TRANSACTION"
    assert kinds("Rebels took over the factory on Monday.").get("took over") == "ASSAULT"


def test_a_road_user_harmed_with_no_violence_told_is_a_road_accident():
    # ``road_accidents.users``
    assert kinds("The van driver, Tom Reyes of Clifton, was treated at the scene for minor injuries.").get(
        "injuries") == "HAZARD"
    assert kinds("A pedestrian was killed on the bypass late on Saturday.").get("killed") == "HAZARD"
    assert kinds("A taxi driver was killed in a stabbing outside the station.").get("killed") == "ASSAULT"


def test_injuries_of_one_cut_from_a_car_are_a_road_accidents_unless_violence_is_named():
    # ``road_accidents.aboard_harms``
    found = kinds("The two nurses - one was cut from her car by firefighters - complained of leg injuries.")
    assert found.get("injuries") == "HAZARD"
    assert kinds("A teacher who was trapped in her car for an hour suffered minor injuries.").get("injuries") == "HAZARD"
    assert "HAZARD" not in kinds("A gunman fired into her car and she suffered minor injuries.").values()


def test_a_public_hearing_of_a_council_is_a_meeting_a_bail_hearing_a_legal_step():
    assert kinds("Residents packed the parish council's public hearing about the quarry.").get("hearing") == "CONSULT"
    assert kinds("A judge adjourned the bail hearing until Friday.").get("hearing") == "JUSTICE"


def test_first_steps_of_a_case_are_legal_steps():
    assert kinds("The two cousins were arraigned on Wednesday on theft charges.").get("arraigned") == "JUSTICE"
    assert kinds("The arraignment of the two drivers took place on Tuesday.").get("arraignment") == "JUSTICE"
    assert kinds("The ferry captain appeared in court for the first time on Monday.").get("appeared") == "JUSTICE"
    assert kinds("Two tenants sued their landlord over the broken heating.").get("sued") == "JUSTICE"
    assert kinds("A group of farmers filed a lawsuit against the water board.").get("lawsuit") == "JUSTICE"
    assert kinds("The magistrate set bail at ten thousand dollars.").get("bail") == "JUSTICE"


def test_a_verdict_of_guilt_is_a_legal_step_finding_a_dog_is_not():
    assert kinds("A jury found the cook guilty of arson on Friday.").get("found") == "JUSTICE"
    assert kinds("The cook was found guilty of arson.").get("found") == "JUSTICE"
    assert kinds("Walkers found the lost dog near the canal.").get("found") != "JUSTICE"


def test_booked_into_a_jail_is_custody():
    assert kinds("Officers booked the cyclist into the city jail on Sunday night.").get("booked") == "COERCE"


def test_a_robbery_or_a_theft_told_as_done_is_a_crime_and_the_getaway_no_displacement():
    found = kinds("A man armed with a knife robbed the pharmacy and fled on foot, police said.")
    assert found.get("robbed") == "CRIME"
    assert found.get("fled") == "MOVEMENT"
    assert kinds("Thieves stole copper wire from the signal box overnight.").get("stole") == "CRIME"
    assert kinds("Someone burglarized the bakery while the owners were away.").get("burglarized") == "CRIME"
    assert kinds("The youngest dancer stole the show at the gala.").get("stole") != "CRIME"
    # a participle before a noun says what the thing is: the find is the news
    assert "CRIME" not in kinds("Joggers came across a stolen scooter behind the depot on Friday.").values()


def test_windows_smashed_are_damage_a_ball_smashed_into_a_net_is_not():
    assert kinds("Youths smashed the windows of the bus shelter on the corner.").get("smashed") == "DAMAGE"
    assert kinds("The striker smashed the ball into the net.").get("smashed") != "DAMAGE"


def test_an_explosion_of_gas_or_at_a_plant_is_an_industrial_accident_unless_a_bomb_is_named():
    assert kinds("A gas explosion levelled a house in the suburb.").get("explosion") == "HAZARD"
    assert kinds("The explosion at the refinery injured four workers.").get("injured") == "HAZARD"
    assert kinds("Two miners died in a blast at the coal mine.").get("blast") == "HAZARD"
    assert "HAZARD" not in kinds("A bomb explosion at the power plant killed two guards.").values()
    assert "HAZARD" not in kinds("The explosion killed four soldiers near the checkpoint.").values()


def test_evacuees_going_home_end_a_displacement():
    assert kinds("The evacuees returned to their homes on Sunday.").get("returned") == "DISPLACEMENT"
