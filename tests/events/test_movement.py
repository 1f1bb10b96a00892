"""People and forces on the move, and the injured taken to hospital (issue 11), on sentences
written for these tests."""

from __future__ import annotations

from dateline.eval.args import load_mapping
from dateline.events import extract_events
from dateline.model import Article
from dateline.nlp import parse


def kinds(text: str) -> dict[str, str]:
    return {e.trigger.text: e.type for e in extract_events(Article(id="t", text=text), parse(text), [], [], [], [])}


def test_going_somewhere_is_movement_and_civilians_on_the_move_are_displaced():
    assert kinds("A convoy of buses moved toward the southern border.").get("moved") == "MOVEMENT"
    assert kinds("Several hundred villagers crossed into the next district on foot.").get("crossed") == "DISPLACEMENT"
    assert kinds("The two prisoners were transferred to a jail in the north.").get("transferred") == "MOVEMENT"
    assert "MOVEMENT" not in kinds("The vote was moved to Tuesday.").values()
    assert "MOVEMENT" not in kinds("The bank transferred the money to a new account.").values()


def test_the_injured_taken_to_hospital_is_a_medical_step():
    found = kinds("Six of the injured were taken to hospital after the blast.")
    assert found.get("taken") == "HUMANITARIAN"
    assert load_mapping().family_of("HUMANITARIAN", "take") == "Medical"
    assert load_mapping().family_of("MOVEMENT", "move") == "Movement"
    assert "HUMANITARIAN" not in kinds("The envoy took the proposal to the cabinet.").values()


def test_one_who_flees_the_law_moves_and_is_not_displaced():
    # ``fugitives`` in event_types.yaml: the doer flees the law, or flees custody or the scene
    assert kinds("The robber fled with the cash.").get("fled") == "MOVEMENT"
    assert kinds("The burglar fled the scene in a stolen van.").get("fled") == "MOVEMENT"
    assert kinds("Two inmates escaped from the county jail overnight.").get("escaped") == "MOVEMENT"
    # the subject of the clause the flight hangs on, not of the reporting verb
    assert kinds("The suspect kept going for a mile before leaving his car and fleeing on foot, "
                 "a deputy said.").get("fleeing") == "MOVEMENT"
    # one person's flight told with the arrest that followed
    assert kinds("Omari fled the city in June before detectives searched his flat and arrested his "
                 "brother.").get("fled") == "MOVEMENT"


def test_one_person_fleeing_where_he_was_treated_or_the_police_is_no_displaced_person():
    # ``fugitives.held_in`` and the police among ``law_words``: one man, no crowd driven from home
    assert kinds("A Dover man fled Kent General Hospital after a car crash on the bypass.").get("fled") == "MOVEMENT"
    assert kinds("The driver was treated at the clinic, where he fled on foot and was later picked up "
                 "by state police.").get("fled") == "MOVEMENT"
    # many fleeing a hospital under fire are displaced
    assert kinds("Hundreds of patients fled the hospital when the shelling began.").get("fled") == "DISPLACEMENT"


def test_civilians_fleeing_are_still_displaced_and_soldiers_still_retreat():
    assert kinds("Hundreds of villagers fled the fighting on Monday.").get("fled") == "DISPLACEMENT"
    assert kinds("A woman fled her village with her three children.").get("fled") == "DISPLACEMENT"
    # an arrest told after many people fled makes none of them a fugitive
    assert kinds("Hundreds of people fled the village before troops arrested the headman.").get("fled") == "DISPLACEMENT"
    assert kinds("More than 500 Malian soldiers fled to Niger after rebel raids.").get("fled") == "RETREAT"


def test_an_arrival_is_a_movement_unless_it_is_for_talks():
    # a person named is no envoy because named; police answering a call fight no one
    assert kinds("Grace Adeyemi arrived in Dublin from Manila in 2006.").get("arrived") == "MOVEMENT"
    assert kinds("Two deputies arrived at the farmhouse shortly after the call.").get("arrived") == "MOVEMENT"
    assert kinds("The foreign minister arrived in Nairobi for talks on the border.").get("arrived") == "CONSULT"


def test_a_person_leaving_a_building_goes_somewhere_and_only_forces_retreat():
    assert kinds("By dawn Tomas Brenner had left his party headquarters.").get("left") == "MOVEMENT"
    assert kinds("The last soldiers left the base at night.").get("left") == "RETREAT"


def test_one_family_moving_house_travels_many_moving_or_one_driven_out_are_displaced():
    # _one_household_moves and displacement_drivers: the civilian DISPLACEMENT variant of move
    assert kinds("The young family moved to Denver when the father found work there.").get("moved") == "MOVEMENT"
    assert kinds("The family moved to a cousin's farm to escape the floods.").get("moved") == "DISPLACEMENT"
    assert kinds("Hundreds of families moved into schools on the edge of the town.").get("moved") == "DISPLACEMENT"


def test_visiting_from_a_place_with_nothing_visited_is_travel_not_a_meeting():
    # named people are of no actor kind: the civilian variant of visit cannot tell them travellers
    assert kinds("Maria Keller, who was visiting from Vienna, watched the parade from the bridge.").get("visiting") == "MOVEMENT"
    assert kinds("The foreign minister visited Nairobi on Monday.").get("visited") == "CONSULT"


def test_warplanes_or_troops_flying_somewhere_move_cargo_planes_transport():
    # the subjects of the fly cue, read behind a quantifier ("a pair of bombers")
    assert kinds("A pair of long-range bombers flew along the edge of the neighbouring airspace.").get("flew") == "MOVEMENT"
    assert kinds("Three cargo planes flew from the main airport to Gao and Timbuktu.").get("flew") == "TRANSPORT"
