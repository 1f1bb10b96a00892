"""Kinds of event news English tells that no cue named before (issue 11, WikiEvents' KAIROS kinds),
on sentences written for these tests: each is an event of dateline's own type, and its KAIROS family
(eval/args_mapping.yaml) is the one the KAIROS definitions give it (event_role_KAIROS.json)."""

from __future__ import annotations

import pytest

from dateline.eval.args import load_mapping
from dateline.events import extract_events
from dateline.model import Article
from dateline.nlp import parse
from tests.helpers import lexicon_block

# a first sentence of its own, so the sentence tested is no story's lead (lead_acts.yaml)
LEAD = "The mayor gave few details at the briefing. "


def events_of(sentence: str):
    text = LEAD + sentence
    return [e for e in extract_events(Article(id="t", text=text), parse(text), [], [], [], [], learned_filter=False)
            if e.trigger.start >= len(LEAD)]


def event_at(sentence: str, word: str):
    return next((e for e in events_of(sentence) if word in e.trigger.text), None)


def family(event) -> str | None:
    return load_mapping().family_of(event.type, event.cue)


@pytest.mark.parametrize("sentence, word, kind, kairos", [
    # a bomb that goes off is an explosion; a charge set off is one
    ("A parcel bomb went off in the post office on Friday.", "went", "ASSAULT", "Conflict"),
    ("Insurgents set off a roadside bomb as the convoy passed.", "set", "ASSAULT", "Conflict"),
    # arrests told with other verbs
    ("Customs officers apprehended a courier at the ferry terminal.", "apprehended", "COERCE", "Justice"),
    ("Troops rounded up forty young men in the village square.", "rounded", "COERCE", "Justice"),
    # deaths told with other verbs
    ("Two shepherds were slain near the well last night.", "slain", "ASSAULT", "Life"),
    ("Nine passengers lost their lives when gunmen attacked the bus.", "lost", "ASSAULT", "Life"),
    ("A cashier shot in the hold-up later succumbed to her injuries.", "succumbed", "ASSAULT", "Life"),
    # an attempted killing is an attack that killed no one; a killing alone is a death
    ("The attempted murder of a night guard shocked the market town.", "murder", "ASSAULT", "Conflict"),
    ("Guards stopped a failed assassination of the mayor at the stadium.", "assassination", "ASSAULT", "Conflict"),
    ("The murder of the judge shocked the capital.", "murder", "ASSAULT", "Life"),
    # a day in court
    ("The three defendants appeared before a magistrate in Leeds.", "appeared", "JUSTICE", "Justice"),
    # violence with a vehicle or fire
    ("A man rammed a stolen lorry into the crowd at the parade.", "rammed", "ASSAULT", "Conflict"),
    ("Protesters torched the offices of the ruling party.", "torched", "DAMAGE", "ArtifactExistence"),
    ("Rioters set fire to a bank and two shops.", "set", "DAMAGE", "ArtifactExistence"),
    # a weapon made or disabled, a plot stopped, the law hindered (KAIROS ArtifactExistence, Control)
    ("The cousins assembled three pressure-cooker bombs in a flat.", "assembled", "CRIME", "ArtifactExistence"),
    ("A bomb disposal team defused the device under the bridge.", "defused", "COERCE", "ArtifactExistence"),
    ("Police foiled a plot to kidnap the governor.", "foiled", "COERCE", "Control"),
    ("The aide is accused of obstructing the inquiry into the fraud.", "obstructing", "CRIME", "Control"),
    # a suspect identified (KAIROS Cognitive), an illness caught (Life), a phone call (Contact)
    ("Detectives identified the arsonist as a former employee.", "identified", "JUSTICE", "Cognitive"),
    ("Eleven miners contracted typhoid at the camp.", "contracted", "HAZARD", "Life"),
    ("The ambassador telephoned the foreign minister late on Sunday.", "telephoned", "CONSULT", "Contact"),
    # harm told with other verbs; suspects questioned
    ("Two officers were hurt when protesters threw stones at the town hall.", "hurt", "ASSAULT", "Life"),
    ("The defector was poisoned at a restaurant in the capital.", "poisoned", "ASSAULT", "Conflict"),
    ("The rebels hanged three men accused of spying.", "hanged", "ASSAULT", "Life"),
    ("Pirates hijacked a cargo ship off the coast.", "hijacked", "ASSAULT", "Conflict"),
    ("Police questioned the landlord about the blaze.", "questioned", "JUSTICE", "Justice"),
    # an attacker crashing into a patrol
    ("A bomber in a pickup crashed into the gate of the compound.", "crashed", "ASSAULT", "Conflict"),
    # money paid, a walk into a building, an ambush, an abduction named by their nouns
    ("The insurer paid a ransom for the two sailors.", "paid", "TRANSACTION", "Transaction"),
    ("The attacker walked into the church during the evening service.", "walked", "MOVEMENT", "Movement"),
    ("Poachers staged an ambush on the park road.", "ambush", "ASSAULT", "Conflict"),
    ("The abduction of sixty schoolgirls shocked the country.", "abduction", "COERCE", "Conflict"),
])
def test_a_kind_of_event_news_tells_is_an_event_of_its_type_and_kairos_family(sentence, word, kind, kairos):
    _assert_an_event_of(sentence, word, kind, kairos)


def _assert_an_event_of(sentence: str, word: str, kind: str, kairos: str) -> None:
    """The event at ``word`` is of dateline's type ``kind`` and counts for the KAIROS family ``kairos``."""
    event = event_at(sentence, word)
    assert event is not None, f"no event at {word!r} in {sentence!r}: {[e.trigger.text for e in events_of(sentence)]}"
    assert event.type == kind
    assert family(event) == kairos


@pytest.mark.parametrize("sentence, word", [
    ("The smoke alarm went off in the kitchen.", "went"),           # no bomb went off
    ("The verdict set off angry protests.", "set"),                 # a reaction, no explosion
    ("The council built a new school near the river.", "built"),    # no weapon made
    ("The envoy defused the row between the two ministers.", "defused"),
    ("A landslide obstructed the mountain road.", "obstructed"),    # no law hindered
    ("The survey identified housing as the main worry.", "identified"),  # no investigator, no suspect
    ("Fans paid tribute to the singer.", "paid"),                   # no money
    ("The singer appeared in a charity concert.", "appeared"),      # no court
    ("Higher prices hurt the town's bakeries.", "hurt"),             # no one hurt
    ("Volunteers hung flags along the high street.", "hung"),        # no one hanged
    ("Analysts questioned the bank's figures.", "questioned"),      # no suspect, no investigator
])
def test_the_same_words_outside_those_constructions_are_no_such_event(sentence, word):
    assert event_at(sentence, word) is None


def test_a_participle_with_its_own_determiner_names_people_not_an_act():
    # "the accused", "the injured": the people the act was done to, not the act once more
    assert event_at("The accused sat between two guards.", "accused") is None
    assert event_at("Nurses cared for the injured and their relatives.", "injured") is None
    # the same participle as a verb stays the act
    assert event_at("Gunmen wounded two guards at the gate.", "wounded") is not None


def test_who_appears_in_court_is_its_doer():
    # event_types.yaml: appear (in court) has no subject_undergoes: the one appearing does it, as
    # one who pleads does; the act has no target
    event = event_at("The former minister appeared in court on bribery charges.", "appeared")
    assert event is not None and event.target_actor is None
    assert event.source_actor is not None and "minister" in event.source_actor.text


def test_a_bomb_going_off_takes_its_toll_as_one_event():
    # the toll hung on the explosion is its fatality count, not a second event (toll_verbs)
    events = events_of("A bomb went off at the bus depot, killing six people.")
    assert [e.trigger.text for e in events] == ["went off"]


def test_an_explosion_set_off_is_named_by_its_noun():
    events = events_of("A lorry hit a mine, which set off an explosion; the bridge was wrecked.")
    assert "explosion" in {e.trigger.text for e in events}


def test_the_fire_of_a_weapon_is_fighting_and_a_fire_alone_a_blaze():
    # a harm done by artillery fire is violence, not a hazard's toll
    kinds = {e.type for e in events_of("A shepherd was wounded by artillery fire near the ridge.")}
    assert "ASSAULT" in kinds and "HAZARD" not in kinds
    kinds = {e.type for e in events_of("Two nightwatchmen were injured by the fire at the depot.")}
    assert "HAZARD" in kinds and "ASSAULT" not in kinds


def test_a_vehicle_crashing_stays_an_accident_and_an_attacker_crashing_is_an_attack():
    assert event_at("A delivery van crashed into a lamp post.", "crashed").type == "HAZARD"
    assert event_at("A gunman crashed a stolen car into the embassy gate.", "crashed").type == "ASSAULT"


# --- stop 34: the KAIROS families with words no cue had (event_types.yaml, the crisis families' last
# block), written from the KAIROS keywords and news English; sentences ours -------------------------
@pytest.mark.parametrize("sentence, word, kind, kairos", [
    # an office taken or left (Personnel)
    ("Voters elected a retired teacher to the city council in March.", "elected", "PERSONNEL", "Personnel"),
    ("The new police chief was sworn in on Monday.", "sworn", "PERSONNEL", "Personnel"),
    ("The head of the prison service stepped down on Friday.", "stepped", "PERSONNEL", "Personnel"),
    ("The president dismissed the defence minister after the mutiny.", "dismissed", "PERSONNEL", "Personnel"),
    ("The board sacked the hospital director over the outbreak.", "sacked", "PERSONNEL", "Personnel"),
    ("The governor fired the state's election chief on Tuesday.", "fired", "PERSONNEL", "Personnel"),
    ("The board named a former diplomat as its new chairman.", "named", "PERSONNEL", "Personnel"),
    # witnesses interviewed, commands put out (Contact)
    ("Detectives interviewed two guards about the missing keys.", "interviewed", "CONSULT", "Contact"),
    ("The general sent instructions to all units to hold their positions.", "sent", "REQUEST", "Contact"),
    ("The prefect issued a decree banning public gatherings.", "issued", "REQUEST", "Contact"),
    # goods and people carried, ways closed (Movement)
    ("The smugglers shipped the fuel across the gulf in small boats.", "shipped", "TRANSPORT", "Movement"),
    ("Border guards halted a shipment of rifles at the crossing.", "shipment", "TRANSPORT", "Movement"),
    ("Fishing boats ferried the wounded to the mainland.", "ferried", "TRANSPORT", "Movement"),
    ("The flotilla sailed toward the blockaded coast.", "sailed", "MOVEMENT", "Movement"),
    ("Warships enforced a blockade of the island's harbour.", "blockade", "COERCE", "Movement"),
    ("The navy intercepted a vessel laden with weapons.", "intercepted", "COERCE", "Movement"),
    # money and goods given or traded (Transaction)
    ("Local traders made donations to the camp for the displaced.", "donations", "AID", "Transaction"),
    ("The bank contributed two million euros to the reconstruction.", "contributed", "AID", "Transaction"),
    # acts stopped or hindered (Control)
    ("Hecklers disrupted the minister's rally in the port.", "disrupted", "COERCE", "Control"),
    ("Soldiers prevented journalists from entering the camp.", "prevented", "COERCE", "Control"),
    # inspecting, finding, training (Cognitive)
    ("Health inspectors inspected the slaughterhouse after the outbreak.", "inspected", "JUSTICE", "Cognitive"),
    ("Investigators carried out an inspection of the crashed helicopter.", "inspection", "JUSTICE", "Cognitive"),
    ("Police discovered a bomb factory in a farmhouse.", "discovered", "JUSTICE", "Cognitive"),
    ("Foreign advisers trained the new border police.", "trained", "MOBILIZE", "Cognitive"),
    # things wrecked, disabled, defences built (ArtifactExistence)
    ("The explosion wrecked a row of shops.", "wrecked", "DAMAGE", "ArtifactExistence"),
    ("The floods devastated the rice crop in the delta.", "devastated", "DAMAGE", "ArtifactExistence"),
    ("The quake flattened the old quarter of the town.", "flattened", "DAMAGE", "ArtifactExistence"),
    ("Commandos disabled the rebels' drones before dawn.", "disabled", "COERCE", "ArtifactExistence"),
    ("The militia built roadblocks on every road out of the city.", "built", "MOBILIZE", "ArtifactExistence"),
    ("Soldiers dug trenches along the river bank.", "dug", "MOBILIZE", "ArtifactExistence"),
])
def test_a_kairos_family_no_cue_had_is_an_event_of_its_type(sentence, word, kind, kairos):
    _assert_an_event_of(sentence, word, kind, kairos)


@pytest.mark.parametrize("sentence, word", [
    ("The minister dismissed the claims as lies.", "dismissed"),              # a statement
    ("Gunmen fired on the convoy near the bridge.", "fired"),                 # gunfire, no dismissal
    ("Police named the victim as a local shopkeeper.", "named"),              # who a person is
    ("The defendants elected for trial by jury.", "elected"),                 # a choice, no election
    ("The tenants elected to pay the higher fee.", "elected"),
    ("The landlord swore in a written statement that the flat stood empty.", "swore"),  # an oath, no office
    ("The storm disrupted ferry services across the bay.", "disrupted"),      # no one hindered
    ("The students discovered a talent for chess.", "discovered"),            # no find of evidence
    ("The scandal wrecked the senator's career.", "wrecked"),                # no thing wrecked
    ("The charity built a clinic in the valley.", "built"),                  # no defence, no weapon
    ("The gunman had pledged allegiance to the movement.", "pledged"),       # loyalty, no aid
])
def test_those_words_outside_their_constructions_are_no_such_event(sentence, word):
    event = event_at(sentence, word)
    assert event is None or event.type not in {"PERSONNEL", "AID", "TRANSPORT", "COERCE", "JUSTICE", "DAMAGE",
                                                "MOBILIZE"}, (sentence, event.type)


def test_a_noun_the_tagger_takes_for_a_verb_is_read_as_the_noun_it_is():
    # "the dengue outbreak" parsed as a clause: the outbreak is the event, "dengue" only its kind
    events = events_of("Doctors urged the ministry to declare the dengue outbreak a national emergency.")
    assert [e.trigger.text for e in events if e.type == "HAZARD"] == ["outbreak"]


def _title_sections_table() -> dict:
    return lexicon_block("title_sections")


@pytest.mark.parametrize("example, told", [(e, False) for e in _title_sections_table()["examples"]]
                         + [(e, True) for e in _title_sections_table()["counter_examples"]])
def test_a_wiki_page_s_list_of_titles_tells_no_event(example, told):
    # event_types.yaml: title_sections (a word under "==See also==" names another page; one under
    # another heading is prose)
    assert (example["word"] in {e.trigger.text for e in events_of(example["sentence"])}) is told
