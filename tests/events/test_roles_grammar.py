"""Rules of English grammar for doers and targets (issue 11: roles), on sentences
written for these tests: whom "he" and "she" stand for inside their own sentence (the subject of
the clause that holds the pronoun's, when it is one person of a fitting sex and nobody else is
named between); a present participle before its noun; an event conceded ("despite the truce");
an apposition the parser hung on a subject from beyond its verb."""

from __future__ import annotations

import pytest

from dateline.entities.gender import gender_of_noun
from dateline.nlp import parse
from tests.events.test_roles import read_event_at, text_of
from tests.helpers import lexicon_block, subjects_at


def test_a_pronoun_in_a_time_clause_stands_for_the_main_subject():
    # "after she was charged": the subject of the clause the "after" clause hangs on
    charged = read_event_at("A school janitor was fired on Friday after she was charged with stealing laptops.", "charged")
    assert "janitor" in (text_of(charged.target_actor) or "")


def test_a_noun_of_the_other_sex_is_no_antecedent():
    # gender.yaml nouns: "widow" tells female, so "he" is someone else
    charged = read_event_at("A widow was questioned on Friday after he was charged with stealing laptops.", "charged")
    assert "widow" not in (text_of(charged.target_actor) or "")


def test_a_person_named_between_leaves_the_pronoun_open():
    # "the guard ... a porter ... after he": either may be meant
    charged = read_event_at("The guard questioned a porter on Friday after he was charged with theft.", "charged")
    assert "guard" not in (text_of(charged.target_actor) or "")


def test_a_reported_clause_is_not_climbed_out_of():
    # the rule stops at "said": whom a speaker's "he" means is not the speaker by this rule
    from dateline.events.arguments import _person_subject_binding  # noqa: PLC0415
    doc = parse("The clerk said he was charged with theft.")
    he = next(t for t in doc if t.lower_ == "he")
    assert _person_subject_binding(he, _index(doc)) is None


def _index(doc):
    from dateline.events.arguments import MentionIndex  # noqa: PLC0415
    return MentionIndex.build(doc, [], [], [])


def test_nouns_tell_a_sex_only_when_they_are_of_one():
    assert gender_of_noun("widow") == "female" and gender_of_noun("nephew") == "male"
    assert gender_of_noun("nurse") is None


def test_a_pronoun_of_the_same_sex_before_names_no_one_new():
    # "As he ran off, he was hit": the first "he" is the second's, both the subject the sentence
    # before is about (arguments.py: _names_someone_before)
    text = ("A delivery driver was robbed on Friday night. The driver told police that a teenager "
            "grabbed his wallet. As he ran off, he was stabbed in the arm.")
    hit = read_event_at(text, "stabbed")
    assert "driver" in (text_of(hit.target_actor) or "")


# --- a present participle before its noun (arguments.py: _prenominal_present_participle) ---------


def test_a_present_participle_before_a_noun_is_done_by_the_noun():
    # "the advancing rebels": the rebels advance (active), as "who advance" (a gerund the tagger
    # takes for a compound, "the shooting range", is left alone)
    text = "Farmers said the advancing rebels looted the grain store."
    retreating = read_event_at(text, "advancing")
    assert "rebels" in (text_of(retreating.source_actor) or "")
    assert retreating.target_actor is None


# --- an event conceded ("despite the truce"; arguments.py: _conceded) -----------------------------


def test_the_doer_of_an_event_conceded_is_no_target():
    # "shelled ... despite the Serbian truce": Serbia made the truce, it is not whom the act is
    # aimed at (the act went on in spite of it)
    text = "The mayor said that rebel gunners kept up their shelling despite the Serbian truce."
    shelling = read_event_at(text, "shelling")
    assert "Serbian" not in (text_of(shelling.target_actor) or "")


# --- an apposition past its subject's verb (arguments.py: _apposition_past_its_verb) ---------------


def _built(words, heads, deps, pos):
    from spacy.tokens import Doc  # noqa: PLC0415
    from dateline.nlp import parse as _parse  # noqa: PLC0415
    vocab = _parse("x").vocab
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_an_apposition_after_the_subjects_verb_is_not_part_of_the_subject():
    # a parse as the parser sometimes gives it: "A van was burned, confirmed aide Ivo Marek",
    # with "Marek" hung on "van" as an apposition; the van's phrase stops at its verb
    from dateline.events.arguments import _phrase_tokens  # noqa: PLC0415
    words = ["A", "van", "was", "burned", ",", "confirmed", "aide", "Ivo", "Marek", "."]
    heads = [1, 3, 3, 3, 3, 8, 8, 8, 1, 3]
    deps = ["det", "nsubjpass", "auxpass", "ROOT", "punct", "amod", "compound", "compound", "appos", "punct"]
    pos = ["DET", "NOUN", "AUX", "VERB", "PUNCT", "VERB", "NOUN", "PROPN", "PROPN", "PUNCT"]
    doc = _built(words, heads, deps, pos)
    assert [t.text for t in _phrase_tokens(doc[1])] == ["A", "van"]


def test_an_apposition_beside_its_subject_stays_in_it():
    from dateline.events.arguments import _phrase_tokens  # noqa: PLC0415
    words = ["The", "aide", ",", "Ivo", "Marek", ",", "resigned", "."]
    heads = [1, 6, 1, 4, 1, 1, 6, 6]
    deps = ["det", "nsubj", "punct", "compound", "appos", "punct", "ROOT", "punct"]
    pos = ["DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "PUNCT"]
    doc = _built(words, heads, deps, pos)
    assert "Marek" in [t.text for t in _phrase_tokens(doc[1])]


# --- one involved in a mishap is not its doer (arguments.py: UNWILLED_TYPES) ---------------------


def test_one_involved_in_a_crash_is_not_its_doer():
    # a crash is done by no one; "involved in the ambush" still names the ambush's doers
    crash = read_event_at("A retired teacher was involved in a two-car crash near the mall on Sunday.", "crash")
    assert crash.source_actor is None


# --- two sentences the parser ran together: a headline or a dateline before the first sentence -----


def test_a_headline_run_into_the_lead_lends_its_verb_no_subject():
    # the title-case headline's noun phrase and "A jury" both hang on "acquitted": the jury acquits
    acquittal = read_event_at("Jury Clears Driver in Fatal Crash A jury has acquitted a bus driver of manslaughter.",
                              "acquitted")
    assert text_of(acquittal.source_actor) == "jury"
    jailing = read_event_at("Judge Jails Owner of Illegal Kennel A judge has jailed the owner of a kennel for cruelty.",
                            "jailed")
    assert text_of(jailing.source_actor) == "judge"


def test_a_dateline_run_into_the_lead_lends_its_verb_no_patient():
    # "5 guards ... -- Five prison guards were injured": the lead's own guards (after the dash)
    text = ("5 guards hurt in jail riot BOGOTA, Colombia, June 4 (AP) -- Five prison guards were injured "
            "in a riot at a jail on Tuesday, officials said.")
    injury = read_event_at(text, "injured")
    assert injury.target_actor.span.start == text.index("prison guards")


def test_a_subject_set_off_by_a_comma_is_still_an_apposition():
    # "the police chief, Ana Ruiz, arrested": one person, both words hers (the rule leaves them be)
    arrest = read_event_at("The city's new police chief, Ana Ruiz, arrested the mayor on Monday.", "arrested")
    assert "chief" in text_of(arrest.source_actor) or "Ruiz" in text_of(arrest.source_actor)


# --- the channel a report goes through (arguments.py: _speaker_through_its_channel) -------------


def test_who_says_something_at_a_news_conference_holds_it():
    conference = read_event_at("The county prosecutor said during a news conference that the case was closed.",
                               "conference")
    assert "prosecutor" in (text_of(conference.source_actor) or "")


def test_a_reporting_verb_joined_to_the_verb_the_channel_hangs_on_counts():
    # "At a news conference ..., X joked ... and said": the phrase hangs on "joked", "said" reports
    conference = read_event_at("At a news conference on Monday, airline spokesman Tom Reed joked about the delays "
                               "and said the route would open in May.", "conference")
    assert "Reed" in (text_of(conference.source_actor) or "")


def test_the_passive_subject_of_a_report_holds_no_conference():
    # "was asked at a news conference": the one asked did not hold it, the asker is not named
    conference = read_event_at("The mayor was asked at a news conference about the budget.", "conference")
    assert conference.source_actor is None


def test_who_does_something_else_during_a_conference_holds_none():
    # "chanted" reports nothing: the protesters were there, but held no conference
    conference = read_event_at("Protesters chanted outside during the news conference on Monday.", "conference")
    assert conference.source_actor is None


# --- a "by" agent whose passive lost its subject (arguments.py: _has_active_subject) ---------------


def test_a_by_agent_names_the_doer_when_the_passive_subject_is_a_gap():
    # "A woman neighbours believe was stabbed by a lodger": the relative clause cut by "neighbours
    # believe" leaves "stabbed" with no subject; its "by" agent still did the stabbing
    stabbed = read_event_at("A woman neighbours believe was stabbed by a lodger in June was sentenced on Friday.", "stabbed")
    assert "lodger" in (text_of(stabbed.source_actor) or "")


def test_the_active_clause_keeps_its_own_subject():
    # near miss: the same act told actively, with no agent: the subject is the doer, the object
    # the target, as before
    shot = read_event_at("A deputy shot a man last week, police say.", "shot")
    assert "deputy" in (text_of(shot.source_actor) or "") and "man" in (text_of(shot.target_actor) or "")


def test_only_a_verb_with_no_active_subject_is_read_as_a_passive_by_its_agent():
    from dateline.events.arguments import _has_active_subject  # noqa: PLC0415

    active = parse("The deputy shot a man near the bridge.")
    gapped = parse("A woman neighbours believe was stabbed by a lodger in June was sentenced on Friday.")
    assert _has_active_subject(next(t for t in active if t.text == "shot"))
    assert not _has_active_subject(next(t for t in gapped if t.text == "stabbed"))


# --- acts after an adjective said of the subject (arguments.py: _adjective_of_its_subject) ---------


def test_an_infinitive_after_able_is_the_subjects_act():
    # "was able to sell his barn": the landlord sold it
    sold = read_event_at("Months later the landlord was able to sell his barn to a brewer.", "sell")
    assert "landlord" in (text_of(sold.source_actor) or "")


def test_an_infinitive_after_an_adjective_of_ease_is_not_the_subjects_act():
    # near miss: "hard to sell" says the farmhouse is sold, not that it sells
    from dateline.events.arguments import subjects_of  # noqa: PLC0415

    doc = parse("The old farmhouse was hard to sell after the flood.")
    subjects, _ = subjects_of(next(t for t in doc if t.text == "sell"))
    assert not any(t.text == "farmhouse" for t in subjects)


def test_the_subject_control_table_examples_read_the_adjectives_subject_as_the_doer():
    # event_types.yaml: subject_control_adjectives, each example's infinitive is its subject's act
    for example in lexicon_block("subject_control_adjectives")["examples"]:
        assert example["doer"] in subjects_at(example["sentence"], example["verb"]), example


def test_the_subject_control_table_counter_examples_give_no_such_doer():
    # ... and after an adjective of ease the subject is what the infinitive is done to, no doer
    for example in lexicon_block("subject_control_adjectives")["counter_examples"]:
        assert example["none"] not in subjects_at(example["sentence"], example["verb"]), example


def test_the_subject_control_table_is_what_the_reader_uses():
    from dateline.events.triggers import load_lexicon  # noqa: PLC0415

    assert load_lexicon().subject_control_adjectives == frozenset(lexicon_block("subject_control_adjectives")["words"])
    assert "hard" not in load_lexicon().subject_control_adjectives


def test_a_gerund_after_guilty_is_the_subjects_act():
    # "who pleaded guilty to stealing copper wire": the councilman stole it
    stole = read_event_at("The councilman, who pleaded guilty to stealing copper wire, resigned on Monday.", "stealing")
    assert "councilman" in (text_of(stole.source_actor) or "")


def test_a_gerund_after_a_passive_conjunct_keeps_its_own_voice():
    # "fled and was sentenced ... after pleading guilty": the courier pleaded; he is its doer, not
    # its target, though "sentenced" (passive) is joined to "fled" (active)
    pleaded = read_event_at("The courier fled and was sentenced to nine months after pleading guilty to theft.",
                            "pleading")
    assert "courier" in (text_of(pleaded.source_actor) or "")
    assert "courier" not in (text_of(pleaded.target_actor) or "")


def test_the_subject_of_a_passive_conjunct_still_undergoes_it():
    # near miss: the conjunct itself ("sentenced") is still passive: the courier is its target
    sentenced = read_event_at("The courier fled and was sentenced to nine months after pleading guilty to theft.",
                              "sentenced")
    assert "courier" in (text_of(sentenced.target_actor) or "")
    assert sentenced.source_actor is None or "courier" not in sentenced.source_actor.text


# --- nouns for people no WordNet first sense gives (event_types.yaml: actor_nouns) -------------------


def test_agents_and_individuals_act():
    arrested = read_event_at("Customs agents arrested four men at the port on Tuesday.", "arrested")
    assert "agents" in (text_of(arrested.source_actor) or "")
    donated = read_event_at("Local individuals donated $5,000 toward the new library roof.", "donated")
    assert "individuals" in (text_of(donated.source_actor) or "")


# --- a surname the recogniser took for a town (arguments.py: _named_before_under_a_place_label) ------


def test_a_surname_taken_for_a_town_is_the_person_named_before():
    # "Helen Camden ... Camden has rejected": the second "Camden" (labelled a place by the
    # recogniser, placed by no one) is the woman named in full before
    text = ("Defense lawyer Maria Delgado met prosecutors on Monday. Helen Camden, 52, faces three counts "
            "of forgery. Camden has rejected a deal offered by the state.")
    rejected = read_event_at(text, "rejected")
    assert "Camden" in (text_of(rejected.source_actor) or "")


def test_a_town_like_name_no_one_bore_before_stays_unread():
    # near miss: "Camden" repeats no name of the text ("Victor Hale" is someone else)
    text = ("The bar fight began after midnight. Witnesses said Victor Hale, 38, had been drinking. "
            "Camden walked toward the bartender and shouted.")
    walked = read_event_at(text, "walked")
    assert "Hale" not in (text_of(walked.source_actor) or "")


# --- a double genitive (agent_nouns.py: _heads_of_phrase) -------------------------------------------


def test_a_noun_for_people_before_of_his_still_names_the_doer():
    # "prosecuted by an aide of his": the aide prosecuted them
    text = "The county attorney pointed to a recent theft case with two defendants prosecuted by an aide of his."
    prosecuted = read_event_at(text, "prosecuted")
    assert "aide" in (text_of(prosecuted.source_actor) or "")


def test_an_of_phrase_naming_others_is_still_read_through():
    # near miss: "a clerk of the court" heads a real "of" phrase, read elsewhere as before
    from dateline.events.agent_nouns import _heads_of_phrase  # noqa: PLC0415

    doc = parse("The judge thanked a clerk of the court on Friday.")
    assert _heads_of_phrase(next(t for t in doc if t.text == "clerk"))
    doc = parse("The judge thanked a clerk of his on Friday.")
    assert not _heads_of_phrase(next(t for t in doc if t.text == "clerk"))


# --- who is subjected to an event noun (event_types.yaml: subjected_to) ---------------------------


def _subjected_to_table():
    return lexicon_block("subjected_to")


@pytest.mark.parametrize("example", _subjected_to_table()["examples"], ids=lambda e: e["sentence"][:30])
def test_who_is_subjected_to_an_event_noun_undergoes_it(example):
    event = read_event_at(example["sentence"], example["word"])
    assert example["target"] in (text_of(event.target_actor) or ""), example
    if example["doer"]:
        assert example["doer"] in (text_of(event.source_actor) or ""), example
    else:
        assert event.source_actor is None, example


def test_the_subject_of_another_adjective_before_to_is_no_target():
    # near miss: "opposed to" says what the vendors thought of the raids, not that the raids befell them
    raids = read_event_at("Several street vendors were opposed to the police raids last winter.", "raids")
    assert "vendors" not in (text_of(raids.target_actor) or "")


# --- the "by" agent of a carrying verb on an event noun (event_types.yaml: support_verbs) -------


@pytest.mark.parametrize("sentence, word, doer", [
    ("The raid, which was carried out by federal agents, netted six guns.", "raid", "agents"),
    ("The blaze sparked by a welder spread to the barn.", "blaze", "welder"),
])
def test_the_agent_of_a_carrying_participle_on_an_event_noun_is_its_doer(sentence, word, doer):
    assert doer in (text_of(read_event_at(sentence, word).source_actor) or "")


def test_the_agent_of_a_participle_that_says_something_else_of_the_event_is_no_doer():
    # near miss: the mayor praised the raid, he did not carry it out
    raid = read_event_at("The raid, praised by the mayor, netted six guns.", "raid")
    assert "mayor" not in (text_of(raid.source_actor) or "")


# --- the other party of an event noun, in an "against" or "with" phrase near it ---------------------


@pytest.mark.parametrize("sentence, word, target", [
    # a verb's object that is an event noun: its "against" or "with" phrase
    ("A county grand jury has returned a two-count indictment against a Toledo couple.", "returned", "couple"),
    ("The tenants have been trying to negotiate new terms with the landlord.", "negotiate", "landlord"),
    # the "against" of the verb whose passive subject the noun is
    ("Theft charges have now been dismissed against a Dayton man accused of fraud.", "charges", "man"),
    # the "against" of the noun it is joined to
    ("Prosecutors agreed to drop three theft charges and an arson charge against the cook.", "charges", "cook"),
])
def test_an_against_or_with_phrase_near_an_event_noun_names_its_target(sentence, word, target):
    assert target in (text_of(read_event_at(sentence, word).target_actor) or "")


def test_an_against_phrase_of_another_noun_names_no_target():
    # near miss: the "against" hangs on "protests", not on the verb the charges are dismissed by
    charges = read_event_at("Charges were dismissed after weeks of protests against the mayor.", "Charges")
    assert "mayor" not in (text_of(charges.target_actor) or "")


def test_they_stands_for_a_singular_noun_for_a_set_of_people():
    # event_types.yaml: plural_group_nouns; "they" is the pair (the couple), not the one who tells of them
    for example in lexicon_block("plural_group_nouns")["examples"]:
        event = read_event_at(example["sentence"], example["verb"])
        assert example["target"] in (text_of(event.target_actor) or ""), example


def test_they_does_not_stand_for_one_person_or_for_a_single_speaker():
    # ... a singular noun for one person is no "they", and one cashier telling deputies is no "they" either
    for example in lexicon_block("plural_group_nouns")["counter_examples"]:
        event = read_event_at(example["sentence"], example["verb"])
        assert example["none"] not in (text_of(event.target_actor) or ""), example


def test_the_plural_group_table_is_what_the_reader_uses():
    from dateline.events.triggers import load_lexicon  # noqa: PLC0415

    assert load_lexicon().plural_group_nouns == frozenset(lexicon_block("plural_group_nouns")["words"])
    assert "board" not in load_lexicon().plural_group_nouns


def test_they_in_a_report_is_not_its_single_speaker_unless_the_report_names_the_speakers_side():
    # arguments.py: _one_speaker_for_a_plural; one sheriff is no "they"
    chase = read_event_at("Sheriff Ada Lund said they arrested the driver after a long chase.", "arrested")
    assert "Lund" not in (text_of(chase.source_actor) or "")
    # near-miss: "she and two deputies" is the speaker's side, which "they" may stand for
    search = read_event_at("Sheriff Ada Lund said she and two deputies searched the car before they arrested "
                           "the driver.", "arrested")
    assert "Lund" in (text_of(search.source_actor) or "")
