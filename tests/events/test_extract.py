"""Event records from hand-made sentences and hand-made records of the earlier stages."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.events import event_id, extract_events
from dateline.model import Article, Entity, Mention, Place, Span, Timex
from dateline.nlp import parse

# the date chain's rules, read without the learned report's-day model (tests/events/conftest.py)
pytestmark = pytest.mark.usefixtures("the_date_rules_alone")

DCT = date(2021, 9, 4)


def span_of(text: str, words: str, after: int = 0) -> Span:
    start = text.index(words, after)
    return Span(start, start + len(words), words)


def read(text: str, timexes=(), places=(), mentions=(), entities=(), published=DCT):
    article = Article(id="a1", text=text, published=published)
    return extract_events(article, parse(text), list(timexes), list(places), list(mentions), list(entities))


def by_trigger(events, word):
    found = [e for e in events if e.trigger.text.startswith(word)]
    assert found, f"no event on {word!r}: {[e.trigger.text for e in events]}"
    return found[0]


def test_one_event_per_clause_each_with_its_own_place_and_date():
    text = ("The Qatari envoy Mutlaq Al Qahtani landed in Kabul on Friday, "
            "and Taliban fighters attacked Bazarak.")
    friday = Timex(span_of(text, "on Friday"), "DATE", "2021-09-03", range_start=date(2021, 9, 3), range_end=date(2021, 9, 3))
    kabul = Place(span_of(text, "Kabul"), "Kabul", 34.53, 69.17, "AF", resolution="gazetteer")
    bazarak = Place(span_of(text, "Bazarak"), "Bazarak", 35.31, 69.52, "AF", resolution="gazetteer")
    events = read(text, [friday], [kabul, bazarak])
    landed, attacked = by_trigger(events, "landed"), by_trigger(events, "attacked")
    assert [p.name for p in landed.places] == ["Kabul"]
    assert landed.date_value == "2021-09-03" and landed.date_span.text == "on Friday"
    assert [p.name for p in attacked.places] == ["Bazarak"]
    assert landed.source_actor.text == "Mutlaq Al Qahtani"
    assert "Taliban" in attacked.source_actor.text
    assert landed.clause != attacked.clause


def test_actors_take_the_entity_ids_of_the_mentions():
    text = "Fighters from the National Resistance Front have been battling a Taliban offensive."
    nrf = Mention(span_of(text, "National Resistance Front"), "ORG", "armed_group:national-resistance-front", "armed_group")
    taliban = Mention(span_of(text, "Taliban"), "ORG", "armed_group:taliban", "armed_group")
    entities = [Entity("armed_group:national-resistance-front", "National Resistance Front", "armed_group"),
                Entity("armed_group:taliban", "Taliban", "armed_group")]
    event = by_trigger(read(text, mentions=[nrf, taliban], entities=entities), "battling")
    assert event.type == "ASSAULT"
    assert event.source_actor.entity_id == "armed_group:national-resistance-front"
    assert event.target_actor.entity_id == "armed_group:taliban"


def test_an_event_with_no_date_of_its_own_inherits_the_article_date_and_says_so():
    text = "Two domestic flights flew from the capital's airport to Mazar-i-Sharif."
    event = by_trigger(read(text), "flew")
    assert event.type == "TRANSPORT"
    assert event.date_value == "2021-09-04" and event.date_inherited
    assert any("inherited" in note for note in event.notes)
    assert event.source_actor is None  # flights are no actor


def test_passive_voice_swaps_source_and_target():
    text = "Three soldiers were wounded by militants near the border."
    event = by_trigger(read(text), "wounded")
    assert event.source_actor.text == "militants"
    assert event.target_actor.text == "Three soldiers".split(" ", 1)[1]


def test_counts_attribution_and_modality_come_with_the_event():
    text = "A Taliban spokesman told CNN on Saturday that his forces had taken over four districts in the province."
    event = by_trigger(read(text), "taken")
    assert event.acled_subtype == "Non-state actor overtakes territory"
    assert [(q.value, q.unit) for q in event.quantities] == [(4, "districts")]
    assert event.attribution.source.endswith("Taliban spokesman")
    assert event.modality == "claimed"


def test_a_state_force_regains_territory():
    text = "According to Mohib, Afghan security forces captured 14 districts from the Taliban in the past week."
    event = by_trigger(read(text), "captured")
    assert event.source_actor.text == "Afghan security forces"
    assert event.target_actor.text == "Taliban"
    assert event.acled_subtype == "Government regains territory"


def test_a_list_of_people_met_all_take_part():
    text = ("The envoy held meetings with Vice President Amrullah Saleh, Second Vice President Sarwar Danish, "
            "and Foreign Minister Mohammad Haneef Atmar in Kabul.")
    event = by_trigger(read(text), "meetings")
    names = {a.text for a in (event.target_actor, *event.other_actors) if a is not None}
    assert {"Amrullah Saleh", "Sarwar Danish", "Mohammad Haneef Atmar"} <= names


def test_same_text_same_ids():
    text = "Government troops clashed with rebels near the border on Monday."
    first, second = read(text), read(text)
    assert [e.id for e in first] == [e.id for e in second]
    assert first[0].id == event_id("a1", first[0].trigger, first[0].type)


def test_every_field_points_at_its_words(fixtures_dir):
    text = ("In a video message on Friday, former Afghan Vice President Amrullah Saleh said there had been casualties. "
            "On Sunday, more than 1,000 Afghan security forces fled to Tajikistan following Taliban attacks.")
    sunday = Timex(span_of(text, "On Sunday"), "DATE", "2021-07-04", range_start=date(2021, 7, 4), range_end=date(2021, 7, 4))
    tajikistan = Place(span_of(text, "Tajikistan"), "Tajikistan", 39.0, 71.0, "TJ", resolution="gazetteer")
    events = read(text, [sunday], [tajikistan])
    assert events
    for event in events:
        spans = [event.trigger, event.sentence, event.clause, event.date_span]
        spans += [a.span for a in (event.source_actor, event.target_actor, *event.other_actors) if a is not None]
        spans += [p.span for p in event.places] + [q.span for q in event.quantities]
        if event.attribution is not None:
            spans += [event.attribution.span, event.attribution.channel_span]
        for span in spans:
            if span is not None:
                assert text[span.start : span.end] == span.text
    fled = by_trigger(events, "fled")
    assert fled.type == "RETREAT"
    assert fled.date_value == "2021-07-04"
    assert [p.name for p in fled.places] == ["Tajikistan"]
    assert any(q.value == 1000 and q.qualifier == "more than" for q in fled.quantities)
    assert fled.target_actor is not None and fled.target_actor.text == "Taliban"


def test_bad_input_never_crashes_nor_invents_actors(fixtures_dir):
    text = (fixtures_dir / "events" / "extract_bad_input.txt").read_text(encoding="utf-8")
    events = read(text)
    for event in events:
        for actor in (event.source_actor, event.target_actor, *event.other_actors):
            if actor is not None:
                assert text[actor.span.start : actor.span.end] == actor.span.text
                assert actor.text.lower() not in {"he", "she", "it", "they", "we"} or actor.entity_id
    # the headline and the table rows are kept but marked
    headline = [e for e in events if e.sentence.text.startswith("BREAKING")]
    assert all(e.confidence < 0.5 and e.notes for e in headline)
    assert read("") == [] and read("   \n\n ") == []
