"""Arguments read by rules of English grammar, not of a word list (issue 11, args34 round), on
sentences written for these tests: a past participle with a subject of its own and no auxiliary
is passive; a demonstrative described by a participle, an adjective or a relative clause of
people names those people."""

from __future__ import annotations

from dateline.model import Article
from dateline.nlp import parse
from tests.helpers import event_at, events_of


def targets_of(event) -> set[str]:
    """The words of every target the event has: its target actor and the other targets."""
    actors = [event.target_actor] + [a for a in event.other_actors if a.role == "target"]
    return {word for actor in actors if actor is not None for word in actor.text.split()}


def doer_of(event) -> str | None:
    return event.source_actor.text if event.source_actor is not None else None


# --- a past participle with a subject of its own and no auxiliary -----------------------------------


def test_with_and_a_subject_before_a_participle_undergoes_it():
    # "with a porter and two cooks injured": the porter and the cooks were injured, nobody
    # among them injured anyone (no "have": no active past participle)
    injuring = event_at("Four guards were killed, with a porter and two cooks injured.", "injured")
    assert doer_of(injuring) is None
    assert {"porter", "cooks"} <= targets_of(injuring)


def test_a_list_cut_by_the_parser_before_a_participle_all_undergo_it():
    # "there were five miners, a cook and two drivers injured": all of the list were injured
    injuring = event_at("There were five miners, a cook and two drivers injured.", "injured")
    assert doer_of(injuring) is None
    assert {"miners", "cook", "drivers"} <= targets_of(injuring)


def test_a_finite_verb_keeps_its_own_voice():
    # a past tense with an object is active: the sniper wounded, the soldiers were wounded
    wounding = event_at("A sniper wounded two soldiers near the bridge.", "wounded")
    assert "sniper" in (doer_of(wounding) or "")
    assert "soldiers" in targets_of(wounding)


# --- "those" described: those killed, those who fled, those responsible -----------------------------


def test_those_a_participle_describes_are_the_people_it_befell():
    killing = event_at("Those killed in the raid included two nurses.", "killed")
    assert killing.target_actor is not None and killing.target_actor.text.lower() == "those"


def test_a_quantifier_over_those_described_is_kept_with_them():
    # "all of those wounded": all of them were wounded
    wounding = event_at("The ministry mourned all of those wounded in the raid.", "wounded")
    assert wounding.target_actor is not None and wounding.target_actor.text == "all of those"


def test_those_a_relative_clause_of_people_describes_did_its_act():
    attack = event_at("Police questioned those who had attacked the convoy.", "attacked")
    assert doer_of(attack) == "those"


def test_those_an_adjective_describes_are_people():
    flight = event_at("Officials said those responsible for the ambush had fled across the border.", "fled")
    assert doer_of(flight) == "those"


def test_those_of_things_or_before_a_noun_name_no_people():
    # "those which the flood had damaged": things; "those bridges": the noun is the head
    damage = event_at("Engineers inspected those which the flood had damaged.", "damaged")
    assert damage.target_actor is None or damage.target_actor.text != "those"
    assert doer_of(damage) != "those"
    bridges = event_at("The report lists those bridges which were damaged.", "damaged")
    assert bridges.target_actor is None or "those" != bridges.target_actor.text


def _hand_parse(words, heads, deps, tags, lemmas):
    """A parse written by hand (the parser's misreadings are what the rule must withstand)."""
    from spacy.tokens import Doc

    from dateline.nlp import get_nlp

    return Doc(get_nlp().vocab, words=words, heads=heads, deps=deps, tags=tags, lemmas=lemmas)


def test_only_a_verb_that_takes_an_object_has_a_passive_participle():
    from dateline.events.arguments import absolute_participle

    # a main verb tagged a participle and hung on a dateline word: "agree" takes no object, so
    # "the cousin agreed" is no passive; "the cousin arrested" (a verb that befalls people) is
    words = ["DORVAL", "—", "The", "cousin", "agreed", "to", "terms", "."]
    deps = ["ROOT", "punct", "det", "nsubj", "acl", "prep", "pobj", "punct"]
    agreed = _hand_parse(words, [0, 0, 3, 4, 0, 4, 5, 4], deps, ["NNP", ":", "DT", "NN", "VBN", "IN", "NNS", "."],
                         ["DORVAL", "—", "the", "cousin", "agree", "to", "term", "."])
    assert not absolute_participle(agreed[4])
    words = ["DORVAL", "—", "The", "cousin", "arrested", "in", "Vel", "."]
    arrested = _hand_parse(words, [0, 0, 3, 4, 0, 4, 5, 4], deps, ["NNP", ":", "DT", "NN", "VBN", "IN", "NNP", "."],
                           ["DORVAL", "—", "the", "cousin", "arrest", "in", "Vel", "."])
    assert absolute_participle(arrested[4])


def test_all_a_who_clause_describes_are_people():
    # "urged all who saw the crash to call": all those people are urged; "all that was left" is no one
    appeal = event_at("The sheriff urged all who saw the crash to call his office.", "urged")
    assert appeal.target_actor is not None and appeal.target_actor.text == "all"
    damage = event_at("Rebels destroyed all that was left of the bridge.", "destroyed")
    assert damage.target_actor is None or damage.target_actor.text != "all"


# --- a participle the parser hung on a place noun depicts the clause's subject --------------------


def test_who_appears_at_a_courthouse_charged_is_the_one_charged():
    # "appeared at the courthouse charged with arson": the two were charged and did the arson,
    # not the courthouse
    text = "Ray Dunn, 31, and Sam Cole, 40, appeared at the courthouse charged with arson after a fire at a warehouse."
    charge = event_at(text, "charged")
    assert {"Dunn", "Cole"} <= targets_of(charge)
    assert "courthouse" not in targets_of(charge)
    arson = event_at(text, "arson")
    assert "Dunn" in (doer_of(arson) or "")


def test_who_is_taken_to_a_courthouse_charged_is_the_one_taken():
    charge = event_at("Officers took the driver to the courthouse charged with theft.", "charged")
    assert "driver" in targets_of(charge)
    assert "Officers" not in targets_of(charge)


def test_a_participle_on_a_noun_of_people_keeps_its_noun():
    # "spoke to the men charged with fraud": the men were charged, not the judge
    charge = event_at("The judge spoke at length to the three men charged with fraud.", "charged")
    assert "men" in targets_of(charge)
    assert "judge" not in targets_of(charge)


def test_who_a_participle_says_was_charged_did_the_crime():
    # "the three men charged with fraud": no auxiliary says so, but the men were charged and
    # are told as the fraud's doers, as "the men were charged with fraud" tells them
    fraud = event_at("The judge spoke at length to the three men charged with fraud.", "fraud")
    assert "men" in (doer_of(fraud) or "")
    arson = event_at("Lee, convicted of arson in 2019, was freed last week.", "arson")
    assert doer_of(arson) == "Lee"


# --- an event noun that does what the verb says: its doer did it ------------------------------------


def test_an_attack_by_someone_that_kills_was_their_killing():
    killing = event_at("An attack by Red Hand militants killed four soldiers.", "killed")
    assert "militants" in (doer_of(killing) or "")
    assert "soldiers" in targets_of(killing)
    wounding = event_at("The rebels' ambush wounded six policemen on Monday.", "wounded")
    assert "rebels" in (doer_of(wounding) or "")


def test_an_event_noun_with_no_doer_lends_none():
    killing = event_at("The blast killed four people.", "killed")
    assert doer_of(killing) is None


# --- whom an order is for: "for X to do" -----------------------------------------------------------


def test_whom_instructions_are_for_is_their_target():
    # "gave instructions for border guards to tighten checks": the guards are to do it (an order
    # given, sent or issued is read at its verb, as "issued an appeal" is)
    order = event_at("The minister gave instructions for border guards to tighten checks.", "gave")
    assert "guards" in targets_of(order)
    order = event_at("The minister issued an order for all police officers to report for duty.", "order")
    assert "officers" in targets_of(order)


# --- a nationality on a thing says whose it is, no actor ------------------------------------------


def _read(text: str):
    """Events read by the whole per-article pipeline (the nationality needs the entity stage)."""
    from dateline.pipeline import Stages, read_article

    return read_article(Article(id="t", text=text), parse(text), Stages.load()).events


def test_a_nationality_on_a_thing_is_no_target():
    # "flooded Syrian farmland": the farmland was flooded, Syria is no actor hit
    flood = next(e for e in _read("Israel deliberately flooded Syrian farmland with water from a dam on Tuesday.")
                 if e.trigger.text == "flooded")
    assert flood.target_actor is None or flood.target_actor.text != "Syrian"
    criticism = next(e for e in _read("The director has criticized a Dutch law that bans street music.")
                     if e.trigger.text == "criticized")
    assert criticism.target_actor is None or criticism.target_actor.text != "Dutch"


def test_a_nationality_on_people_still_names_them():
    attack = next(e for e in _read("Syrian fighters attacked a police post near the border.")
                  if e.trigger.text == "attacked")
    assert attack.source_actor is not None and "fighters" in attack.source_actor.text


# --- a legal step with no object before its crime's preposition (args35) ----------------------------


def test_a_past_form_of_accuse_with_no_object_before_of_names_the_accused_as_its_subject():
    # arguments.py: _reduced_passive_of_an_accusation; "the guard accused of beating him" is the
    # guard who was accused ("who was" left out), whom the parser gave "accused" as a subject
    accusing = event_at("The porter was taken to a clinic while the guard accused of beating him went to prison.",
                        "accused")
    assert "guard" in targets_of(accusing)
    assert doer_of(accusing) is None


def test_an_accusation_with_its_object_keeps_its_subject_as_the_accuser():
    accusing = event_at("Police accused the guard of theft.", "accused")
    assert "Police" in (doer_of(accusing) or "")
    assert "guard" in targets_of(accusing)


def test_who_admits_to_an_act_did_it():
    # events/__init__.py: _the_speakers_own_act; what "admitted to" governs is the speaker's own act
    blaming = event_at("A cashier who admitted to wrongly blaming a porter for the theft was fined.", "blaming")
    assert "cashier" in (doer_of(blaming) or "")
    assert "porter" in targets_of(blaming)


# --- what a statement says, its author says (args35) -------------------------------------------------


def test_a_participle_on_a_statement_is_done_by_who_issued_it():
    # arguments.py: _author_of_the_channel_it_describes (attribution.yaml: channel_nouns)
    blaming = event_at("The council published a report blaming the mayor for the delays.", "blaming")
    assert "council" in (doer_of(blaming) or "")
    condemning = event_at("The dockers' statement condemning the layoffs was read out.", "condemning")
    assert "dockers" in (doer_of(condemning) or "")


def test_a_dateline_the_parser_takes_for_a_subject_is_no_party():
    # "HARTLEY — A Dover woman was sentenced": the town in capitals before the dash opens the
    # story; the woman is the one sentenced, the board the one that met
    sentenced = next(e for e in _read("HARTLEY — A Dover woman was sentenced to four years in prison for "
                                      "embezzling from a church.") if e.trigger.text == "sentenced")
    assert sentenced.target_actor is not None and sentenced.target_actor.text == "Dover woman"
    met = next(e for e in _read("NEW HARTLEY—The county Board of Finance met quickly at its Tuesday meeting to "
                                "approve a spending plan.") if e.trigger.text == "met")
    assert met.source_actor is not None and met.source_actor.text == "Board of Finance"


def test_a_description_set_off_by_a_dash_is_still_a_subject():
    resigned = next(e for e in _read("The new police chief — Ana Ruiz — resigned on Monday.")
                    if e.trigger.text == "resigned")
    assert resigned.source_actor is not None and "chief" in resigned.source_actor.text
