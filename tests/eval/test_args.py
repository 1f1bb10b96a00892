"""The WikiEvents scorer (dateline eval args): text rebuilt from tokens, trigger matching, the
KAIROS mapping, head-word argument scoring and the nearest-noun baseline, on hand-made input."""

from __future__ import annotations

import json

import pytest

from dateline.eval.args import (
    PredictedArgument,
    baseline_arguments,
    load_corpus,
    load_mapping,
    match_triggers,
    rebuild_text,
    score_arguments,
)
from dateline.events.triggers import load_lexicon
from dateline.nlp import parse

KAIROS_FAMILIES = {"ArtifactExistence", "Cognitive", "Conflict", "Contact", "Control", "Disaster", "GenericCrime",
                   "Justice", "Life", "Medical", "Movement", "Personnel", "Transaction"}


def test_text_is_rebuilt_with_a_space_between_sentences_even_when_offsets_drift():
    # the second sentence's offsets run on from the first with no gap (as in the corpus's `text`),
    # and one of them drifts backwards
    sentences = [
        [[["Rebels", 0, 6], ["fired", 7, 12], [".", 12, 13]], "Rebels fired."],
        [[["Two", 13, 16], ["died", 15, 19], [".", 19, 20]], "Two died."],
    ]
    text, spans = rebuild_text(sentences)
    assert text == "Rebels fired. Two died."
    assert [text[s:e] for s, e in spans] == ["Rebels", "fired", ".", "Two", "died", "."]


def test_each_gold_trigger_takes_one_overlapping_prediction():
    gold = [(0, 6), (10, 20)]
    predicted = [(12, 15), (2, 4), (30, 35)]
    assert match_triggers(gold, predicted) == {0: 1, 1: 0}
    # two gold triggers over one prediction: only the first gets it
    assert match_triggers([(0, 5), (3, 8)], [(2, 6)]) == {0: 0}


def test_a_killing_is_life_and_an_attack_conflict():
    mapping = load_mapping()
    assert mapping.family_of("ASSAULT", "kill") == "Life"
    assert mapping.family_of("ASSAULT", "attack") == "Conflict"
    assert mapping.family_of("COERCE", "arrest") == "Justice"
    assert mapping.family_of("CRIME", "robbery") == "GenericCrime"  # the crime a charge is about
    assert mapping.family_of("HAZARD", "disease") == "Disaster"  # "cases of cholera": an outbreak
    assert mapping.roles["Victim"] == {"target"} and mapping.roles["Attacker"] == {"doer"}
    assert mapping.roles["Participant"] == {"doer", "target"}
    assert mapping.roles["JudgeCourt"] == {"doer"}  # "<arg1> court or judge convicted <arg2>"
    assert mapping.roles["PassengerArtifact"] == {"doer", "target"}  # moved, or moving on their own
    assert "Instrument" not in mapping.roles


def test_a_cue_family_given_for_one_type_holds_for_that_type_only():
    mapping = load_mapping()
    assert mapping.family_of("HUMANITARIAN", "take") == "Medical"  # the injured taken to hospital
    assert mapping.family_of("ASSAULT", "take over") == "Conflict"  # a town taken over
    assert mapping.family_of("COERCE", "take") == "Justice"  # taken into custody


def test_every_dateline_type_has_a_kairos_family_or_says_it_has_none():
    mapping = load_mapping()
    missing = set(load_lexicon().types) - set(mapping.type_families)
    assert not missing, f"types with no entry in args_mapping.yaml: {sorted(missing)}"
    named = {f for f in list(mapping.type_families.values()) + list(mapping.cue_families.values()) if f}
    assert named <= KAIROS_FAMILIES


def test_an_argument_counts_once_and_only_in_its_role():
    # gold: the doer's head at character 0, the target's at 20, an instrument at 40
    gold = [({"doer"}, {0}, {0, 60}), ({"target"}, {20}, {20}), (set(), {40}, {40})]
    predicted = [PredictedArgument("doer", 0), PredictedArgument("target", 0), PredictedArgument("place", 40)]
    tallies = score_arguments(predicted, gold)
    assert (tallies.classified.right, tallies.classified.predicted, tallies.classified.gold) == (1, 3, 2)
    # role not checked: the target's prediction points at the doer, already taken
    assert tallies.identified.right == 1
    # over all roles the place's prediction finds the instrument
    assert (tallies.all_roles.right, tallies.all_roles.gold) == (2, 3)
    # a coreferent mention of the doer (character 60) is right in the coref figures only
    coref = score_arguments([PredictedArgument("doer", 60)], gold)
    assert coref.classified.right == 0 and coref.coref_classified.right == 1


def test_baseline_takes_the_nearest_nouns_and_place():
    doc = parse("The rebels attacked a convoy in Nigeria on Monday.")
    text = doc.text
    start = text.index("attacked")
    found = {a.role: text[a.head:].split()[0] for a in baseline_arguments(doc, (0, len(text)), (start, start + 8))}
    assert found["doer"] == "rebels"
    assert found["target"] == "convoy"
    assert found["place"] == "Nigeria"


def test_corpus_documents_alternate_between_tuning_and_check(tmp_path):
    line = {"doc_id": "d", "tokens": ["Troops", "left", "."], "text": "Troops left.",
            "sentences": [[[["Troops", 0, 6], ["left", 7, 11], [".", 11, 12]], "Troops left."]],
            "entity_mentions": [{"id": "d-T1", "start": 0, "end": 1, "text": "Troops"}],
            "event_mentions": [{"event_type": "Movement.Transportation.Unspecified",
                                "trigger": {"start": 1, "end": 2, "text": "left", "sent_idx": 0},
                                "arguments": [{"entity_id": "d-T1", "role": "Transporter", "text": "Troops"}]}]}
    path = tmp_path / "wikievents-dev.jsonl"
    path.write_text("\n".join(json.dumps(dict(line, doc_id=f"d{k}")) for k in range(3)) + "\n")
    documents = load_corpus(path)
    assert [d.part for d in documents] == ["tuning", "check", "tuning"]
    assert documents[0].events[0].family == "Movement"
    assert documents[0].chars(documents[0].events[0].trigger) == (7, 11)


def test_a_broken_line_is_a_user_error_naming_the_file(tmp_path):
    from dateline.eval.args import ArgsCorpusError

    path = tmp_path / "broken.jsonl"
    path.write_text('{"doc_id": "x"}\n')
    with pytest.raises(ArgsCorpusError, match="broken.jsonl, line 1"):
        load_corpus(path)


def test_arguments_are_read_for_a_word_outside_the_lexicon():
    from dateline.events import read_arguments_at
    from dateline.model import Article

    text = "Police questioned the villagers for hours."
    doc = parse(text)
    start = text.index("questioned")
    event = read_arguments_at(Article(id="a", text=text), doc, [], [], [], [], start, start + len("questioned"))
    assert event is not None
    assert event.source_actor is not None and event.source_actor.text == "Police"
    assert event.target_actor is not None and "villagers" in event.target_actor.text


def test_every_coordinated_target_of_an_event_is_an_argument():
    from dateline.eval.args import event_arguments
    from dateline.events import extract_events
    from dateline.model import Article

    text = "Soldiers detained the farmers, the traders and the drivers."
    doc = parse(text)
    detained = next(e for e in extract_events(Article(id="a", text=text), doc, [], [], [], []) if e.cue == "detain")
    arguments = {(a.role, text[a.head:].split(" ")[0].rstrip(".,")) for a in event_arguments(detained, doc)}
    assert {("doer", "Soldiers"), ("target", "farmers"), ("target", "traders"), ("target", "drivers")} <= arguments


@pytest.mark.slow
def test_wikievents_dev_scores_and_splits(shared_dir):
    from dateline.eval.args import DEV_FILE, evaluate

    result = evaluate(shared_dir / DEV_FILE)
    assert result["documents"] == 20 and result["gold_events"] == 345
    assert result["tuning"]["triggers"]["untyped"]["gold"] + result["check"]["triggers"]["untyped"]["gold"] == 345
    assert 0 < result["triggers"]["f1"] <= 1 and 0 < result["arguments"]["f1"] <= 1


def _span(text: str, words: str):
    from dateline.model import Span

    start = text.index(words)
    return Span(start, start + len(words), words)


def test_an_actor_whose_words_hold_its_name_is_scored_by_the_names_head():
    from dateline.eval.args import event_arguments
    from dateline.model import Actor, Event

    text = "The Red Hand militant group bombed the depot."
    doc = parse(text)
    group = Actor("Red Hand militant group", _span(text, "Red Hand militant group"), "e1", "source")
    name = Actor("Red Hand", _span(text, "Red Hand"), "e1", "source-affiliation")
    event = Event("x", "a", "ASSAULT", _span(text, "bombed"), _span(text, text), source_actor=group,
                  other_actors=(name,))
    doers = [text[a.head:].split(" ")[0] for a in event_arguments(event, doc) if a.role == "doer"]
    assert doers == ["Hand"]
    # a name of another entity inside the words is no stand-in ("Red Hand" tied to e2)
    other = Event("x", "a", "ASSAULT", _span(text, "bombed"), _span(text, text), source_actor=group,
                  other_actors=(Actor("Red Hand", _span(text, "Red Hand"), "e2", "source-affiliation"),))
    assert [text[a.head:].split(" ")[0] for a in event_arguments(other, doc) if a.role == "doer"] == ["group"]


def test_places_not_named_by_the_events_own_clause_are_no_argument():
    from dateline.eval.args import event_arguments
    from dateline.model import Event, Place

    text = "Rebels shelled Marov at dawn."
    doc = parse(text)
    place = Place(_span(text, "Marov"), "Marov")
    own = Event("x", "a", "ASSAULT", _span(text, "shelled"), _span(text, text), places=(place,))
    carried = Event("x", "a", "ASSAULT", _span(text, "shelled"), _span(text, text), places=(place,),
                    place_inherited=True)
    assert [a.role for a in event_arguments(own, doc)] == ["place"]
    assert event_arguments(carried, doc) == []


def test_an_attacked_thing_counts_as_a_target():
    from dateline.eval.args import event_arguments
    from dateline.model import Actor, Event

    text = "Gunmen raided the bakery."
    doc = parse(text)
    bakery = Actor("the bakery", _span(text, "the bakery"), None, "target-thing")
    event = Event("x", "a", "ASSAULT", _span(text, "raided"), _span(text, text), other_actors=(bakery,))
    assert [(a.role, text[a.head:].rstrip(".")) for a in event_arguments(event, doc)] == [("target", "bakery")]


def test_a_pronoun_doer_linked_to_an_entity_is_scored_by_its_antecedent():
    from dateline.eval.args import event_arguments
    from dateline.model import Actor, Event, Mention

    text = "The harbour board said it had closed the docks."
    doc = parse(text)
    board = Mention(_span(text, "The harbour board"), "ORG", "e1")
    pronoun = Actor("it", _span(text, "it"), "e1", "source")
    event = Event("x", "a", "SANCTION", _span(text, "closed"), _span(text, text), source_actor=pronoun)
    doers = lambda mentions: [text[a.head:].split(" ")[0] for a in event_arguments(event, doc, mentions=mentions)
                              if a.role == "doer"]
    assert doers([board]) == ["board"]
    # unlinked (no mention of its entity before it): the pronoun itself
    assert doers([Mention(_span(text, "The harbour board"), "ORG", "e2")]) == ["it"]


def test_a_place_named_with_its_kind_is_scored_by_the_kind_noun():
    # WikiEvents marks "Dorvo province" and "the Vilna Central Hospital" whole (heads: province,
    # Hospital); the geo stage's place is the name alone
    from dateline.eval.args import event_arguments
    from dateline.model import Event, Place

    text = "Gunmen shelled Dorvo province and raided the Vilna Central Hospital near Marov."
    doc = parse(text)
    places = tuple(Place(_span(text, name), name) for name in ("Dorvo", "Vilna", "Marov"))
    event = Event("x", "a", "ASSAULT", _span(text, "shelled"), _span(text, text), places=places)
    heads = [text[a.head:].split(" ")[0] for a in event_arguments(event, doc) if a.role == "place"]
    # a name with no kind noun after it keeps its own head
    assert heads == ["province", "Hospital", "Marov."]
