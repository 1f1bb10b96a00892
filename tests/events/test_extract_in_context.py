"""Words that look like event cues but report no event in their sentence, and dates and places
that belong to another event than the one at hand (the error classes of the demo audit,
fixtures/events/demo_audit.yaml), each on hand-made sentences."""

from __future__ import annotations

from datetime import date

from dateline.events import extract_events
from dateline.model import Article, Place, Span, Timex
from dateline.nlp import parse


def span_of(text: str, words: str, after: int = 0) -> Span:
    start = text.index(words, after)
    return Span(start, start + len(words), words)


def place(text: str, words: str, name: str | None = None, after: int = 0) -> Place:
    return Place(span_of(text, words, after), name or words, 0.0, 0.0, None, resolution="gazetteer")


def read(text: str, timexes=(), places=(), published=None, learned_filter: bool = True):
    article = Article(id="a1", text=text, published=published)
    return extract_events(article, parse(text), list(timexes), list(places), [], [], learned_filter=learned_filter)


def triggers(events) -> list[str]:
    return [e.trigger.text for e in events]


def test_an_acronym_is_no_plural_of_an_event_noun():
    events = read('"We will turn the tide against HIV/AIDS once and for all," the president said.')
    assert "AIDS" not in triggers(events)


def test_a_conditional_or_a_question_reports_no_event():
    events = read("Officials are waiting for results; if the tests return positive, the farm will be closed. "
                  "The mission is investigating whether the virus poses a threat to people.")
    assert "return" not in triggers(events)
    assert "threat" not in triggers(events)


def test_advice_to_the_reader_is_no_event():
    events = read("If you ate at the restaurant on Friday, please visit your doctor.")
    assert "visit" not in triggers(events)


def test_hearsay_about_someone_has_no_speaker():
    events = read("A 52-year-old man, said to be the father of the first victim, has also contracted the virus.")
    assert not [e for e in events if e.trigger.text == "said"]


def test_a_statement_is_not_dated_by_the_episode_told_before_it():
    text = ("The meeting was held on November 1 in a London hotel. "
            "Police later searched the hotel. "
            "The president said that there was no proof of a crime.")
    nov1 = Timex(span_of(text, "November 1"), "DATE", "2006-11-01", range_start=date(2006, 11, 1),
                 range_end=date(2006, 11, 1))
    events = read(text, [nov1])
    statement = [e for e in events if e.sentence.text.startswith("The president")]
    assert statement and all(e.date_value != "2006-11-01" for e in statement)


def test_a_statement_takes_no_place_from_another_speaker():
    text = ('"Britain recognises that this is a global pandemic," the British minister, Douglas Alexander, said. '
            "Health Secretary Kathleen Sebelius said that free shots will be given out in October.")
    events = read(text, places=[place(text, "Britain", "United Kingdom")])
    sebelius = [e for e in events if "Sebelius" in e.sentence.text]
    assert sebelius and all(not e.places for e in sebelius)


def test_a_place_in_the_actors_own_words_says_who_not_where():
    text = "The U.S. government pledged 10 million dollars in assistance after the earthquake."
    events = read(text, places=[place(text, "U.S.", "United States")])
    pledged = [e for e in events if e.trigger.text == "pledged"]
    assert pledged and not pledged[0].places


def test_a_place_inside_the_name_of_a_paper_or_a_virus_is_no_place():
    text = ("According to the Los Angeles Times, authorities stated that there was no evidence. "
            "Officials say over 80 cases of West Nile virus have been reported this year in Dallas.")
    events = read(text, places=[place(text, "Los Angeles", "Los Angeles County"), place(text, "West Nile"),
                                place(text, "Dallas")])
    names = {p.name for e in events for p in e.places}
    assert "Los Angeles County" not in names and "West Nile" not in names
    assert "Dallas" in names


def test_deaths_from_an_epidemic_or_a_quake_are_no_assault():
    events = read("Residents fear a repeat of the 2008 epidemic that killed thousands. "
                  "HIV infection is reported in 33 million people and has killed 25 million. "
                  "Gunmen killed five villagers in the attack.")
    kinds = {e.sentence.text.split()[0]: e.type for e in events if e.trigger.text == "killed"}
    assert kinds["Residents"] != "ASSAULT" and kinds["HIV"] != "ASSAULT"
    assert kinds["Gunmen"] == "ASSAULT"


def test_a_threat_is_an_event_when_someone_makes_it():
    events = read("The rebels issued a threat against the town. The disease emerged as a threat to TB control. "
                  "Some of the letters also contained threats.")
    threats = [e.sentence.text for e in events if e.type == "THREATEN"]
    assert threats == ["The rebels issued a threat against the town."]


def test_attacks_with_a_germ_are_still_attacks():
    events = read("He was a suspect in the 2001 anthrax attacks, which killed five people.")
    assert [e.type for e in events if e.trigger.text == "killed"] == ["ASSAULT"]


def test_a_participle_shares_the_doer_of_its_clause():
    events = read("A cholera epidemic sweeping across the country has worsened the situation, killing at least 80 people.")
    # the epidemic is the doer: the hazard's impact (issue 11; was the cue's cause_type STATEMENT), not an assault
    assert [e.type for e in events if e.trigger.text == "killing"] == ["HAZARD"]


def country(text: str, words: str, code: str = "PCLI") -> Place:
    return Place(span_of(text, words), words, 0.0, 0.0, None, feature_code=code, resolution="gazetteer")


def test_a_state_named_by_its_country_or_capital_is_the_other_party_of_a_dispute():
    text = "Pakistan accused Afghanistan of sheltering militants. Washington imposed sanctions on Tehran."
    events = read(text, places=[country(text, "Pakistan"), country(text, "Afghanistan"),
                                country(text, "Washington", "PPLC"), country(text, "Tehran", "PPLC")])
    accused = next(e for e in events if e.type == "ACCUSE")
    sanctions = next(e for e in events if e.type == "SANCTION")
    assert (accused.source_actor.text, accused.target_actor.text) == ("Pakistan", "Afghanistan")
    assert sanctions.target_actor.text == "Tehran"
    assert not accused.places and not sanctions.places


def test_a_country_visited_or_attacked_stays_the_place():
    text = "The president visited Pakistan. The Taliban attacked Kabul."
    events = read(text, places=[country(text, "Pakistan"), country(text, "Kabul", "PPLC")])
    assert {e.type: [p.name for p in e.places] for e in events} == {"CONSULT": ["Pakistan"], "ASSAULT": ["Kabul"]}


def test_since_a_date_dates_the_stretch_up_to_the_report():
    from dateline.time import tag_timexes

    text = "Since January, the Taliban have captured 20 districts. The Taliban captured the city in August."
    events = read(text, timexes=tag_timexes(text, date(2021, 9, 4)), published=date(2021, 9, 4))
    since, august = [e for e in events if e.type == "ASSAULT"]
    assert (since.date_start, since.date_end) == (date(2021, 1, 1), date(2021, 9, 4))
    assert since.date_value == "2021-01/2021-09-04"
    assert (august.date_start, august.date_end) == (date(2021, 8, 1), date(2021, 8, 31))


def test_killing_animals_is_no_assault():
    events = read("Officials killed 20,000 chickens at the farm. The killing of the birds took a week. "
                  "Gunmen killed five villagers.")
    assert [e.trigger.text for e in events if e.type == "ASSAULT"] == ["killed"]
    assert [e.sentence.text for e in events if e.type == "ASSAULT"] == ["Gunmen killed five villagers."]


def test_the_town_captured_is_the_place_and_a_distance_s_origin_is_not():
    # "Kemise" is tagged a person by the NER; the geo stage knows it as a town
    text = "Rebels said they had captured the town of Kemise, about 325 km north of Addis Ababa."
    events = read(text, places=[place(text, "Kemise"), place(text, "Addis Ababa")])
    captured = next(e for e in events if e.trigger.text == "captured")
    assert [p.name for p in captured.places] == ["Kemise"]
    assert captured.target_actor is None or captured.target_actor.text != "Kemise"


def test_since_a_clause_with_a_date_dates_the_stretch_up_to_the_report():
    from dateline.time import tag_timexes

    text = "More than 2 million people have fled their homes since the war began in November 2020."
    events = read(text, timexes=tag_timexes(text, date(2021, 11, 6)), published=date(2021, 11, 6))
    fled = next(e for e in events if e.trigger.text == "fled")
    assert (fled.date_start, fled.date_end) == (date(2020, 11, 1), date(2021, 11, 6))


def test_who_is_expected_to_arrive_is_the_one_arriving():
    # how the arrival's roles and modality are read, before the learned non-event filter, which may
    # drop an arrival still to come (docs/judging.md: a step still to come is no event)
    events = read("The envoy Olusegun Obasanjo is expected to arrive in the capital on Sunday.", learned_filter=False)
    arrive = next(e for e in events if e.trigger.text == "arrive")
    assert arrive.source_actor.text == "Olusegun Obasanjo" and arrive.modality == "expected"


def test_countries_acting_together_are_actors_not_places():
    text = "Saudi Arabia and the United States announced a ceasefire."
    events = read(text, places=[country(text, "Saudi Arabia"), country(text, "United States")])
    ceasefire = next(e for e in events if e.type == "AGREE")
    assert ceasefire.source_actor.text == "Saudi Arabia" and not ceasefire.places


def test_a_name_in_apposition_to_a_description_is_the_actor():
    events = read("At least 40 people were killed when the paramilitary Rapid Support Forces (RSF) attacked a market.")
    attacked = next(e for e in events if e.trigger.text == "attacked")
    assert attacked.source_actor.text == "Rapid Support Forces"


def _read_with_entities(text: str):
    from dateline.pipeline import Stages, read_article

    result = read_article(Article(id="a1", text=text, published=date(2023, 6, 17)), parse(text), Stages.load())
    names: dict[str, str] = {}
    for mention in result.mentions:
        names[mention.entity_id] = names.get(mention.entity_id, "") + " | " + mention.span.text
    return result.events, names


def test_he_is_the_one_person_named_before_and_no_guess_between_two():
    events, entities = _read_with_entities(
        "The governor, Khamis Abakar, was killed hours after he accused the militia of genocide.")
    accused = next(e for e in events if e.trigger.text == "accused")
    # recorded under the name the pronoun stands for (the span stays the pronoun's)
    assert "Abakar" in accused.source_actor.text and accused.source_actor.span.text == "he"
    assert "Abakar" in entities[accused.source_actor.entity_id]
    events, _ = _read_with_entities("Saleh met Ghani in Kabul. He accused the Taliban of war crimes.")
    accused = next(e for e in events if e.trigger.text == "accused")
    # no guess between the two: the pronoun stays as the text gives it, under no entity
    assert accused.source_actor is not None and accused.source_actor.text == "He" and accused.source_actor.entity_id is None


def test_destroying_tanks_and_shooting_down_drones_is_fighting_and_leaving_a_country_is_fleeing():
    events = read("Its forces destroyed 12 tanks and shot down three drones. "
                  "About 2.5 million people have left Ukraine for neighbouring countries. "
                  "The fire destroyed 20 homes.")
    assert [(e.trigger.text, e.type) for e in events if e.type in {"ASSAULT", "DISPLACEMENT"}] == [
        ("destroyed", "ASSAULT"), ("shot down", "ASSAULT"), ("left", "DISPLACEMENT")]


def test_marching_and_shooting_and_a_passive_relative_clause():
    events = read("Thousands of people marched through Dawei, calling for the release of the leader, "
                  "who has been detained since the coup. In Mandalay, a woman was shot in the head.")
    kinds = {e.trigger.text: e for e in events}
    assert kinds["marched"].type == "PROTEST" and kinds["shot"].type == "ASSAULT"
    assert kinds["detained"].source_actor is None and kinds["detained"].target_actor is not None


def test_the_month_of_march_and_a_flood_s_damage_are_no_events():
    events = read("In March, the company apologized. Bridges and dams have been destroyed by the flood. "
                  "Pets left behind by evacuees are being shot.")
    assert [e.type for e in events if e.type in {"PROTEST", "ASSAULT"}] == []


def test_a_claim_of_responsibility_keeps_the_attack_s_acled_coding():
    from dateline.pipeline import Stages, read_article

    text = "The Houthi movement claimed responsibility for a drone attack on an oil refinery in Riyadh."
    events = read_article(Article(id="a", text=text, published=date(2022, 3, 12)), parse(text), Stages.load()).events
    attack = next(e for e in events if e.trigger.text == "attack")
    assert (attack.acled_type, attack.acled_subtype) == ("Explosions/Remote violence", "Air/drone strike")


def test_rockets_fired_and_targets_struck_are_attacks_an_earthquake_striking_is_not():
    events = read("Militants fired some 250 rockets into the south. Aircraft struck more than 120 targets in response. "
                  "A strong earthquake struck the town of Bam.")
    assault = [(e.trigger.text, e.acled_subtype) for e in events if e.type == "ASSAULT"]
    assert assault == [("fired", "Shelling/artillery/missile attack"), ("struck", "Air/drone strike")]
