"""A third-person pronoun in an act's own slot that nothing before it binds to a name (issue 11: roles),
on sentences written for these tests: the pronoun itself is kept as the act's doer or target, as
the text says it (docs/judging.md: a pronoun subject is right when it is the act's subject), rather
than leaving the field empty (arguments.py: read_participants, _bare_personal_pronoun). A pronoun
bound to a name keeps the name; "it", "we", an object ("him"), a possessive and a pronoun inside a
quotation are no such actor."""

from __future__ import annotations

from tests.events.test_roles import read_event_at, text_of


def kept_bare(actor, pronoun: str) -> bool:
    """Whether the actor is the pronoun itself, in whatever case the sentence writes it."""
    return (text_of(actor) or "").lower() == pronoun


def test_an_unbound_plural_subject_is_the_doer():
    moved = read_event_at("Later they moved to Leeds and opened a bakery.", "moved")
    assert text_of(moved.source_actor) == "they"


def test_a_first_person_plural_is_not_kept_bare():
    # "we" outside a quotation is the writer's or a statement's own side, no actor the clause names
    met = read_event_at("On Friday we sat down and met the county archivist.", "met")
    assert not kept_bare(met.source_actor, "we")


def test_an_unbound_passive_subject_is_the_target():
    arrested = read_event_at("They were arrested on Friday on outstanding warrants.", "arrested")
    assert text_of(arrested.target_actor) == "They"


def test_an_object_pronoun_is_not_kept_bare():
    # "abducted her": whom the object stands for is left to a name, not kept as the pronoun
    abducted = read_event_at("Two men abducted her outside a bakery and drove off.", "abducted")
    assert not kept_bare(abducted.target_actor, "her")
    assert "men" in (text_of(abducted.source_actor) or "")


def test_a_pronoun_bound_to_a_name_keeps_the_name():
    arrested = read_event_at("Dana Fielding fled the house on Monday. She was arrested in Ohio.", "arrested")
    assert "Fielding" in (text_of(arrested.target_actor) or "")


def test_it_is_no_actor():
    # "it" mostly stands for a thing: nothing before tells what was attacked, so no target
    attacked = read_event_at("Two gunmen attacked it on Tuesday night.", "attacked")
    assert attacked.target_actor is None
    assert "gunmen" in (text_of(attacked.source_actor) or "")


def test_a_possessive_is_no_target():
    # "her car" (PRP$): the car was stolen, not "her"
    stolen = read_event_at("Her car was stolen on Monday.", "stolen")
    assert not kept_bare(stolen.target_actor, "her")


def test_a_pronoun_inside_a_quotation_is_not_kept_bare():
    # the speaker's "they" stands for whomever the speaker means, no one the text names
    attacked = read_event_at('"They attacked my shop twice last year," the baker said on Sunday.', "attacked")
    assert not kept_bare(attacked.source_actor, "they")
