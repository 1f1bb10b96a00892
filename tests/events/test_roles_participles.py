"""Doers of non-finite clauses with no subject of their own (issue 11: roles), on sentences written
for these tests: a present participle the parser hung on a thing or an event a carrying or making
verb takes, or on the place the subject of "be" is at, is the act of that verb's subject
(arguments.py: _acted_through_what_it_hangs_on; event_types.yaml: maker_verbs); a gerund counted
from by a span of time, or one the parser made the object of its preposition, is the act of the
clause the span or the preposition hangs on (_clause_a_span_of_time_hangs_on,
_gerund_taken_for_an_object)."""

from __future__ import annotations

from dateline.nlp import parse
from tests.events.test_roles import read_event_at, text_of
from tests.helpers import lexicon_block, subjects_at


def test_the_maker_table_examples_read_the_maker_as_the_participles_doer():
    # event_types.yaml: maker_verbs, each example's participle is the act of who made the thing
    for example in lexicon_block("maker_verbs")["examples"]:
        assert example["doer"] in subjects_at(example["sentence"], example["verb"]), example


def test_the_maker_table_counter_examples_leave_the_participle_to_its_noun():
    # "stopped a truck carrying copper": the truck carries it, not the deputies
    for example in lexicon_block("maker_verbs")["counter_examples"]:
        assert example["none"] not in subjects_at(example["sentence"], example["verb"]), example


def test_the_maker_table_is_what_the_reader_uses():
    from dateline.events.triggers import load_lexicon  # noqa: PLC0415

    assert load_lexicon().maker_verbs == frozenset(lexicon_block("maker_verbs")["words"])
    assert "stop" not in load_lexicon().maker_verbs


def test_a_resolution_approves_for_the_board_that_issued_it():
    approving = read_event_at("The hospital board issued a resolution approving the merger.", "approving")
    assert "board" in (text_of(approving.source_actor) or "")


def test_a_participle_on_the_place_the_subject_is_at_is_the_subjects_act():
    # "was inside the warehouse investigating": the parser may hang the participle on the place
    investigating = read_event_at("A county inspector was inside the warehouse investigating.", "investigating")
    assert "inspector" in (text_of(investigating.source_actor) or "")


def test_a_participle_on_people_stays_theirs():
    # near miss: officers are people, they guard the gate; the agency that posted them does not
    assert subjects_at("The agency posted two officers guarding the gate.", "guarding") == ["officers"]


def test_a_participle_on_a_thing_under_another_verb_stays_the_things():
    # near miss: "watched" makes nothing; the neighbours honour no one
    assert "neighbours" not in subjects_at("The neighbours watched a parade honoring the veterans.", "honoring")


def test_a_gerund_counted_from_by_a_span_of_time_is_the_clauses_act():
    arriving = read_event_at("Within minutes of arriving, the crews had rescued two hikers.", "arriving")
    assert "crews" in (text_of(arriving.source_actor) or "")


def test_a_gerund_made_the_object_of_after_is_the_clauses_act():
    assert "pilots" in subjects_at("Two days after landing, the pilots were questioned by police.", "landing")


def test_a_noun_in_ing_after_a_preposition_is_no_gerund():
    # near miss: "after the shooting" names an event; its doer is not the subject of "arrived"
    from dateline.events.arguments import _gerund_taken_for_an_object  # noqa: PLC0415

    shooting = next(t for t in parse("Deputies arrived after the shooting.") if t.text == "shooting")
    assert not _gerund_taken_for_an_object(shooting)
