"""A vehicle as the doer of a willed act (issue 11: roles), on sentences written for these tests:
"the van refused to stop" names the van as the one that refused, its driver inside it; a mishap
("two trucks collided") has no doer (event_types.yaml: vehicle_nouns; arguments.py:
read_participants)."""

from __future__ import annotations

from tests.events.test_roles import read_event_at, text_of
from tests.helpers import lexicon_block


def test_the_vehicle_table_examples_read_the_vehicle_as_the_doer():
    for example in lexicon_block("vehicle_nouns")["examples"]:
        event = read_event_at(example["sentence"], example["verb"])
        assert example["doer"] in (text_of(event.source_actor) or ""), example


def test_the_vehicle_table_counter_examples_give_no_vehicle_doer():
    for example in lexicon_block("vehicle_nouns")["counter_examples"]:
        event = read_event_at(example["sentence"], example["verb"])
        assert example["none"] not in (text_of(event.source_actor) or ""), example


def test_the_vehicle_table_is_what_the_reader_uses():
    from dateline.events.triggers import load_lexicon  # noqa: PLC0415

    assert load_lexicon().vehicle_nouns == frozenset(lexicon_block("vehicle_nouns")["words"])
    assert "column" not in load_lexicon().vehicle_nouns  # "a column of smoke" steers nowhere


def test_a_vehicle_that_refuses_to_stop_is_the_doer():
    refused = read_event_at("The stolen pickup refused to stop for the deputies.", "refused")
    assert "pickup" in (text_of(refused.source_actor) or "")


def test_a_crash_between_vehicles_has_no_vehicle_doer():
    # near miss: a mishap (HAZARD) is nobody's act
    collided = read_event_at("Two delivery trucks collided on the bridge on Friday.", "collided")
    assert "trucks" not in (text_of(collided.source_actor) or "")
