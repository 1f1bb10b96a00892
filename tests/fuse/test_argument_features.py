"""Two happenings told with one word: the arguments of each trigger's own clause (who did it, to
whom, its figures, date and places) set apart what the word alone joins. Hand-made reports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dateline.fuse import EventMention
from dateline.fuse.config import EventFusionConfig
from dateline.fuse.coreference import DocumentSimilarity, argument_features, argument_words, pair_features
from dateline.fuse.events import event_arguments, fuse_events, mention_for_event
from dateline.fuse.scorer import default_scorer
from dateline.fuse.records import MentionArguments
from dateline.model import Actor, Span

FRIDAY = date(2024, 3, 8)
# one story told by two outlets: the police of one town arrest two different men on one day
ARRESTS = {
    "e1": "Police in Mosul arrested Karim Haddad on Friday over the bombing of the bus station, officials said.",
    "e2": "Police in Mosul arrested Omar Saleem on Friday over the bombing of the bus station, officials said.",
    "e3": "Haddad was arrested by police in Mosul on Friday in connection with the bus station bombing.",
}


def _actor(text: str, words: str, role: str, entity_id: str | None = None) -> Actor:
    start = text.index(words)
    return Actor(words, Span(start, start + len(words), words), entity_id=entity_id, role=role)


def _arrest(handmade, article_id: str, trigger: str, patient: str, patient_id: str | None = None) -> object:
    text = ARRESTS[article_id]
    event = handmade.report(article_id, text, trigger, FRIDAY, "Mosul", event_type="ARREST")
    return replace(event, source_actor=_actor(text, "Police" if "Police" in text else "police", "source"),
                   target_actor=_actor(text, patient, "target", patient_id))


def test_the_words_of_an_argument_leave_out_pronouns_determiners_and_the_possessive():
    assert argument_words("the rapper's lawyer") == {"rapper", "lawyer"}
    assert argument_words("he") == frozenset()
    assert argument_words(None) == frozenset()


def test_patients_sharing_a_name_match_and_different_names_clash_and_a_missing_one_is_no_evidence():
    def mention(n: int, patient: str | None, when: str | None = None):
        return EventMention(f"m{n}", f"d{n}", "s", "arrested", 0, 8, "arrest",
                            arguments=MentionArguments(doer="police", patient=patient, when=when))

    features = argument_features([mention(0, "Karim Haddad", "2024-03-08"), mention(1, "Haddad", "2024-03"),
                                  mention(2, "Omar Saleem", "2024-04-02"), mention(3, None, "XXXX-WXX-5")])
    assert features["patient_match"][0, 1] == 1 and features["patient_clash"][0, 1] == 0
    assert features["patient_clash"][0, 2] == 1 and features["patient_match"][0, 2] == 0
    assert features["patient_match"][0, 3] == 0 and features["patient_clash"][0, 3] == 0
    assert features["doer_match"][0, 2] == 1  # "police" both times
    # a month holds its days; two different days clash; a weekday without its year is no evidence
    assert features["time_clash"][0, 1] == 0 and features["time_clash"][0, 2] == 1
    assert features["time_clash"][0, 3] == 0


def test_an_events_arguments_come_from_its_record_and_a_lent_date_or_place_is_not_its_own(handmade):
    event = _arrest(handmade, "e1", "arrested", "Karim Haddad")
    arguments = event_arguments(event)
    assert (arguments.doer, arguments.patient, arguments.when, arguments.places) == (
        "Police", "Karim Haddad", "2024-03-08", ("Mosul",))
    lent = event_arguments(replace(event, date_inherited=True, place_inherited=True))
    assert lent.when is None and lent.places == ()


def test_two_arrests_of_different_named_men_in_one_story_stay_two_events(handmade):
    events = [_arrest(handmade, "e1", "arrested", "Karim Haddad", "person:karim-haddad"),
              _arrest(handmade, "e2", "arrested", "Omar Saleem", "person:omar-saleem")]
    assert len(fuse_events(events, {})) == 2
    # the rule is what parts them: without it, one word, one day, one town and one doer join them
    joined = fuse_events(events, {}, EventFusionConfig(distinct_targets_apart=False))
    assert len(joined) == 1


def test_two_reports_of_the_arrest_of_one_man_are_one_event(handmade):
    events = [_arrest(handmade, "e1", "arrested", "Karim Haddad", "person:karim-haddad"),
              _arrest(handmade, "e3", "arrested", "Haddad", "person:karim-haddad")]
    assert len(fuse_events(events, {})) == 1


def test_the_scorer_weighs_a_shared_patient_above_two_different_ones(handmade):
    """The argument features on their own (no names linked): the pair of arrests whose patients
    share a name scores above the pair whose patients share none, other features being equal."""
    same = [_arrest(handmade, "e1", "arrested", "Karim Haddad"), _arrest(handmade, "e2", "arrested", "Omar Saleem")]
    mentions = [mention_for_event(e) for e in same]
    swapped = [mentions[0], replace(mentions[1], arguments=replace(mentions[1].arguments, patient="Karim Haddad"))]
    scorer = default_scorer()
    apart = scorer.probability(pair_features(mentions, DocumentSimilarity.of(ARRESTS)))[0, 1]
    together = scorer.probability(pair_features(swapped, DocumentSimilarity.of(ARRESTS)))[0, 1]
    assert together > apart


def test_the_parse_gives_a_things_object_where_the_role_reading_names_no_actor():
    """ECB+ triggers are any word: "checked into" a clinic has a clinic for its patient, which the
    role reading (actors only) leaves out; the subject is the doer, and a passive's agent too."""
    from dateline.eval.coref import grammatical_slots
    from dateline.nlp import get_nlp

    text = "The singer checked into a private clinic in Malibu on Friday."
    doc = get_nlp()(text)
    start = text.index("checked")
    assert grammatical_slots(doc, start, start + len("checked into")) == ("singer", "private clinic")
    passive = "The patch was released by the software company on Tuesday."
    doc = get_nlp()(passive)
    start = passive.index("released")
    assert grammatical_slots(doc, start, start + len("released")) == ("software company", "patch")
