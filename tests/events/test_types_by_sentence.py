"""The type a cue's sentence gives it (event_types.yaml: types_by_sentence), on
sentences written for these tests. Each test fails when its rule is blanked."""

from __future__ import annotations

from tests.helpers import events_of


def kinds(text: str) -> dict[str, str]:
    return {e.trigger.text: e.type for e in events_of(text)}


def test_a_car_told_by_who_drove_it_makes_a_road_accident():
    found = kinds("A grey Buick driven by Tom Hale of Dover was heading north and struck a pickup truck from behind, the officer said.")
    assert found.get("struck") == "HAZARD"


def test_a_car_driven_at_people_in_an_attack_stays_an_assault():
    found = kinds("A sedan driven by a gunman struck a police truck outside the mosque.")
    assert found.get("struck") == "ASSAULT"


def test_road_users_who_are_subjects_make_their_injuries_an_accidents():
    found = kinds("Ruiz and his passenger Mia Cole were taken to Mercy Hospital, where both were checked for minor injuries.")
    assert found.get("injuries") == "HAZARD"


def test_a_hazard_and_no_violence_in_the_sentence_make_a_harm_the_hazards():
    found = kinds("Police could not say how the two-car accident happened, but a deputy confirmed Monday "
                  "the events that left four people needing care for injuries.")
    assert found.get("injuries") == "HAZARD"


def test_a_hazard_beside_violence_leaves_the_harm_violent():
    found = kinds("After the crash, a gunman opened fire on the crowd and left two people with injuries.")
    assert found.get("injuries") != "HAZARD"


def test_one_persons_flight_on_foot_is_a_getaway():
    assert kinds("Lopez stopped the truck in a parking lot, jumped out and fled on foot.").get("fled") == "MOVEMENT"


def test_a_flight_in_a_clause_of_the_arrest_is_a_getaway():
    assert kinds("The driver's sister, Ana Ruiz, 31, was caught when she also fled.").get("fled") == "MOVEMENT"


def test_many_fleeing_on_foot_are_displaced():
    assert kinds("Thousands of villagers fled on foot as the fighting spread.").get("fled") == "DISPLACEMENT"


def test_a_move_into_new_premises_is_a_movement():
    assert kinds("The pupils moved into a new school building last month.").get("moved") == "MOVEMENT"


def test_a_firm_relocating_is_a_movement():
    assert kinds("Two years ago, the company relocated to a bigger site in Dover.").get("relocated") == "MOVEMENT"


def test_a_move_with_a_driver_stays_a_displacement():
    assert kinds("Hundreds of families moved into new tents after the flood destroyed their homes.").get("moved") == "DISPLACEMENT"


def test_an_indictment_returned_is_a_legal_step():
    assert kinds("A grand jury in Dover returned a four-count indictment against the treasurer.").get("returned") == "JUSTICE"


def test_a_return_to_duty_is_personnel():
    assert kinds("The sergeant has returned to full duty after the review.").get("returned") == "PERSONNEL"


def test_a_weapon_pulled_out_is_a_threat():
    assert kinds("The clerk said the man pulled out a pistol at the counter.").get("pulled out") == "THREATEN"


def test_a_deliberate_flooding_is_damage():
    assert kinds("The retreating troops deliberately flooded the farmland east of the river.").get("flooded") == "DAMAGE"


def test_reinforcing_an_idea_is_support():
    assert kinds("The minister reinforced the idea of local clinics in her speech.").get("reinforced") == "SUPPORT"


def test_reinforcing_positions_is_mobilisation():
    assert kinds("Commanders reinforced the positions around the airport.").get("reinforced") == "MOBILIZE"


def test_a_tanker_that_explodes_is_an_accident_and_its_toll_too():
    found = kinds("A fuel tanker exploded on the bypass, killing its driver.")
    assert found.get("exploded") == "HAZARD" and found.get("killing") == "HAZARD"


def test_a_car_bomb_that_explodes_stays_an_attack():
    assert kinds("A car bomb exploded outside the ministry.").get("exploded") == "ASSAULT"


def test_a_plane_that_went_down_crashed():
    found = kinds("The pilot was killed when the small plane went down in a field.")
    assert found.get("went down") == "HAZARD" and found.get("killed") == "HAZARD"


def test_a_rollover_is_a_crash():
    found = kinds("Two teenagers were hurt in a rollover on the county road.")
    assert "HAZARD" in found.values() and "ASSAULT" not in found.values()


def test_a_drowning_is_a_hazard_and_drowning_someone_no_hazard():
    assert kinds("A fisherman drowned off the pier on Sunday.").get("drowned") == "HAZARD"
    assert kinds("The man drowned his two dogs in the canal.").get("drowned") != "HAZARD"


def test_a_home_invasion_is_a_crime():
    assert kinds("The couple were tied up during a home invasion in the suburb.").get("invasion") == "CRIME"


def test_police_surrounding_a_house_is_coercion_and_rebels_surrounding_a_town_an_assault():
    assert kinds("Officers surrounded the farmhouse and called on the man to come out.").get("surrounded") == "COERCE"
    assert kinds("Rebels surrounded the town before dawn.").get("surrounded") == "ASSAULT"


def test_the_flight_of_robbers_is_a_getaway_and_of_villagers_a_displacement():
    assert kinds("After the flight of the robbers, police sealed off the street.").get("flight") == "MOVEMENT"
    assert kinds("The flight of villagers from the valley went on for a week.").get("flight") == "DISPLACEMENT"


def test_witnesses_sought_is_a_request():
    assert kinds("Police are seeking witnesses to the crash on Oak Road.").get("seeking") == "REQUEST"


def test_a_capsule_blasting_off_travels():
    assert kinds("The capsule with three astronauts blasted off from the launch pad.").get("blasted off") == "MOVEMENT"


def test_supporting_combat_operations_is_mobilisation():
    assert kinds("The battalion was sent north to support combat operations.").get("support") == "MOBILIZE"


def test_a_vehicle_that_overturned_did_the_harm_of_its_participle():
    assert kinds("The bus overturned on a mountain road, injuring 14 passengers.").get("injuring") == "HAZARD"


def test_a_truck_rammed_into_a_crowd_stays_an_attack():
    assert "HAZARD" not in kinds("A truck rammed into the crowd, killing eight people.").values()


def test_a_falling_tree_or_lightning_kills_by_accident():
    assert kinds("Three people were killed by a falling tree.").get("killed") == "HAZARD"
    assert kinds("Lightning killed a farmer in his field.").get("killed") == "HAZARD"


def test_firefighters_battling_a_fire_are_no_battle():
    assert kinds("Crews battled a brush fire near the quarry for six hours.").get("battled") == "HAZARD"
    assert kinds("Rebels battled the army near the quarry.").get("battled") == "ASSAULT"


def test_a_hazards_course_is_the_hazard():
    assert kinds("The hurricane headed north toward the islands.").get("headed") == "HAZARD"
    assert kinds("The blaze advanced toward the village overnight.").get("advanced") == "HAZARD"
    assert kinds("The cold front pushed through the valley.").get("pushed") == "HAZARD"


def test_people_fleeing_a_fire_and_a_front_named_stay_theirs():
    assert kinds("Hundreds of residents fled from the fire on Sunday.").get("fled") == "DISPLACEMENT"
    assert kinds("The Popular Front withdrew its fighters from the town.").get("withdrew") != "HAZARD"


def test_fire_crews_and_a_school_system_are_no_hazard():
    assert kinds("Fire crews arrived at the warehouse within minutes.").get("arrived") == "MOVEMENT"
    assert kinds("The storm system moved into the region on Friday.").get("moved") == "HAZARD"


def test_flames_reaching_a_town_are_the_fires_course():
    assert kinds("The flames reached the edge of the town on Monday.").get("reached") == "HAZARD"


def test_a_car_that_plunged_did_the_harm_of_its_participle():
    assert kinds("The car plunged into the river, killing the driver.").get("killing") == "HAZARD"


def test_people_rescued_is_a_relief_operation_and_a_draw_rescued_none():
    assert kinds("Firefighters rescued a woman from the burning house.").get("rescued") == "HUMANITARIAN"
    assert "HUMANITARIAN" not in kinds("A late goal rescued a draw for the visitors.").values()


def test_a_return_to_the_office_building_is_no_change_of_post():
    assert kinds("The mayor returned to the office after lunch.").get("returned") != "PERSONNEL"


def test_a_grant_application_authorized_is_a_decision():
    assert kinds("The county commission authorized a grant application for the new trail.").get("authorized") == "AGREE"



def test_a_plan_attacked_is_criticised_and_a_rezoning_fought_rejected():
    assert kinds("The senator attacked the governor's budget plan on Tuesday.").get("attacked") == "ACCUSE"
    assert kinds("Neighbours fought the rezoning of the lot for two years.").get("fought") == "REJECT"
    assert kinds("Rebel units attacked the town from two sides.").get("attacked") == "ASSAULT"


def test_storming_off_is_leaving():
    assert kinds("The coach stormed off the field after the penalty.").get("stormed off") == "MOVEMENT"
    assert kinds("Militants stormed the district headquarters before dawn.").get("stormed") == "ASSAULT"


def test_a_death_in_a_mine_disaster_is_the_hazards():
    found = kinds("Her father, a miner, died in the 1968 mine disaster.")
    assert "ASSAULT" not in found.values() and "HAZARD" in found.values()
    # hazard_sites: "mine" before a hazard noun is no landmine, so a harm on another clause than
    # the disaster's is the hazard's too (this one fails with hazard_sites blanked; the one above
    # does not)
    assert kinds("The mine disaster left four men injured.").get("injured") == "HAZARD"


def test_a_death_in_a_heat_wave_is_the_hazards():
    found = kinds("An elderly woman died in the heat wave.")
    assert "HAZARD" in found.values() and "DEATH" not in found.values()


def test_a_mine_that_exploded_under_a_truck_stays_violent():
    found = kinds("Two soldiers died when a mine exploded under their truck.")
    assert "ASSAULT" in found.values() and "HAZARD" not in found.values()
