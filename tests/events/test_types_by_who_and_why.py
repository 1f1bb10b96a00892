"""Types decided by who moves or is harmed and why (event_types.yaml: fugitives.after_a_crime,
types_by_sentence; triggers.caused_by_non_actor), on sentences written for these tests. Each test
fails when its rule is blanked."""

from __future__ import annotations

from tests.helpers import events_of


def kinds(text: str) -> dict[str, str]:
    return {e.trigger.text: e.type for e in events_of(text)}


# --- a death typed by its cause ------------------------------------------------------------------


def test_a_death_under_arrest_with_no_blow_named_is_no_killing():
    # KILLING_TYPES: an arrest or a detention told beside a death kills no one
    assert kinds("The old poet died under house arrest imposed by the regime.").get("died") == "DEATH"
    assert kinds("Hundreds were jailed after the coup, and several died in their cells.").get("died") == "DEATH"


def test_a_death_after_a_beating_in_custody_stays_a_killing():
    # road_accidents.attack_words: a beating names the blow
    found = kinds("The reporter was arrested in March. He died in custody after a beating by guards.")
    assert found.get("died") == "ASSAULT"


def test_a_death_of_injuries_from_a_wreck_is_the_accidents():
    found = kinds("Ortiz, who was at the wheel of the pickup during the wreck, died of her injuries two days later.")
    assert found.get("wreck") == "HAZARD"
    assert found.get("died") == "HAZARD"


# --- a vehicle that hits, a vehicle crashed ------------------------------------------------------


def test_a_person_hit_by_a_vehicle_is_a_road_accident():
    assert kinds("A boy was hit by a van outside the school on Monday.").get("hit") == "HAZARD"
    assert kinds("A bus struck a cyclist at the junction.").get("struck") == "HAZARD"


def test_a_vehicle_its_driver_crashed_is_a_road_accident():
    assert kinds("He crashed his pickup into a ditch near the farm.").get("crashed") == "HAZARD"


def test_a_vehicle_driven_at_people_by_an_attacker_stays_violence():
    assert kinds("A truck driven by a militant struck a crowd of shoppers in the market.").get("struck") != "HAZARD"


# --- who moves: the offenders after a crime, not the crowd it drives off ---------------------------


def test_a_flight_pointing_back_to_offenders_is_their_getaway():
    assert kinds("Two youths robbed the pharmacy overnight. They fled in a grey van.").get("fled") == "MOVEMENT"
    assert kinds("Three men abducted a teacher on Friday. The men later fled across the border.").get("fled") == "MOVEMENT"


def test_the_crowd_a_crime_drives_off_stays_displaced():
    assert kinds("Gunmen robbed the bank on Friday. The customers fled to the street.").get("fled") == "DISPLACEMENT"
    assert kinds("Militants attacked the village on Monday. The villagers fled to the hills.").get("fled") == "DISPLACEMENT"


def test_troops_pulling_out_still_retreat():
    assert kinds("The battalion pulled out of the border town.").get("pulled out") == "RETREAT"


# --- a type decided by what is ordered -----------------------------------------------------------


def test_an_order_imposing_a_restraint_is_the_restraint():
    assert kinds("The junta ordered a curfew in the capital and the closure of two papers.").get("ordered") == "COERCE"
    assert kinds("The council ordered house arrest for the old bishop.").get("ordered") == "COERCE"


def test_an_order_in_court_stays_a_ruling_and_a_command_a_request():
    assert kinds("The judge ordered the arrest of the mayor.").get("ordered") == "JUSTICE"
    assert kinds("The general ordered his troops to hold the bridge.").get("ordered") == "REQUEST"


# --- a type decided by the object's kind ---------------------------------------------------------


def test_the_police_forcing_a_door_is_a_raid_not_an_attack():
    assert kinds("Officers rammed the door of the flat at dawn.").get("rammed") == "COERCE"
    assert kinds("Deputies broke down the gate of the yard.").get("broke down") == "COERCE"


def test_a_vehicle_rammed_into_people_stays_an_attack():
    assert kinds("A driver rammed his van into a crowd of shoppers.").get("rammed") == "ASSAULT"


def test_a_grant_announced_by_its_giver_is_aid():
    assert kinds("The Lane Trust announced on Monday a $2,000 grant to the food bank in Milton.").get("announced") == "AID"
    assert kinds("The governor announced that the state would cut grants to schools.").get("announced") != "AID"
