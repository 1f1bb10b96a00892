"""Arguments read from the parse (issue 11, args33 round), on sentences written for these tests:
an object two joined verbs share, the claimant of an attack, a word read as its own cue."""

from __future__ import annotations

from dateline.events import read_arguments_at
from dateline.model import Article
from dateline.nlp import parse
from tests.helpers import event_at, events_of, lexicon_block


def read_at(text: str, word: str):
    """The event dateline reads at a word (its own event when it has one, else the word read as one)."""
    own = next((e for e in events_of(text) if e.trigger.text == word), None)
    if own is not None:
        return own
    start = text.index(word)
    return read_arguments_at(Article(id="a", text=text), parse(text), [], [], [], [], start, start + len(word))


def text_of(actor) -> str | None:
    return actor.text if actor is not None else None


# --- an object shared by two joined verbs -------------------------------------------------------


def test_two_joined_verbs_share_the_object_of_the_second():
    # "shot and wounded two guards": the guards were shot as well as wounded
    shooting = event_at("A masked man shot and wounded two night guards outside the depot.", "shot")
    assert "guards" in text_of(shooting.target_actor)
    arrest = event_at("Detectives arrested and charged three dock workers over the theft.", "arrested")
    assert "workers" in text_of(arrest.target_actor)


def test_a_joined_clause_with_its_own_subject_lends_no_object():
    # "shot at the van and the driver fled": two clauses, the driver was not shot
    shooting = event_at("Soldiers shot at the van and the driver fled the scene.", "shot")
    assert "driver" not in (text_of(shooting.target_actor) or "")


def test_a_verb_with_its_own_object_keeps_it():
    shooting = event_at("A masked man shot a night guard and robbed the cashier.", "shot")
    assert "guard" in text_of(shooting.target_actor)


# --- who claims an attack did it -------------------------------------------------------------------


def _claims_table() -> dict:
    return lexicon_block("responsibility_claims")


def test_the_claims_table_example_and_counter_example():
    # the example and counter-example in event_types.yaml (responsibility_claims)
    assert {"claim", "take"} <= set(_claims_table()["verbs"])
    ambush = read_at("The Black Ridge militia claimed responsibility for the ambush near Tarvo.", "ambush")
    assert "militia" in text_of(ambush.source_actor)
    blamed = read_at("The mayor blamed the Black Ridge militia for the ambush.", "ambush")
    assert blamed is None or "militia" not in (text_of(blamed.source_actor) or "")


def test_who_claims_an_attack_or_takes_credit_for_it_is_its_doer():
    raid = read_at("A rebel militia claimed the raid on the barracks.", "raid")
    assert "militia" in text_of(raid.source_actor)
    passive = read_at("The raid on the barracks was claimed by a rebel militia.", "raid")
    assert "militia" in text_of(passive.source_actor)
    credit = read_at("The Tarvo Liberation Front took credit for the attack on the convoy.", "attack")
    assert "Front" in text_of(credit.source_actor)


def test_a_denied_claim_names_no_doer():
    for sentence in ("No group has yet claimed the depot ambush.",
                     "No one has claimed the depot ambush so far.",
                     "The militia did not claim the depot ambush."):
        event = read_at(sentence, "ambush")
        assert event.source_actor is None, sentence


# --- a word read as an event takes its own cue -------------------------------------------------------


def test_an_absorbed_attack_noun_read_as_an_event_keeps_the_thing_it_hit():
    # "killed in an airstrike on the depot": read at "airstrike" (absorbed by the killing), the airstrike
    # is an attack (its cue's type), so the depot it hit is its target thing
    strike = read_at("Four clerks were killed in an airstrike on the fuel depot.", "airstrike")
    assert any("depot" in a.text for a in strike.other_actors if a.role == "target-thing")


# --- an adjective that completes a verb is read at the verb ------------------------------------------


def test_a_death_told_by_shot_dead_has_the_shooting_verbs_arguments():
    # "shot dead by soldiers": read at "dead" (the death), the one shot died and the soldiers
    # killed him
    death = read_at("The alleged gunman, Omar Vell, shot dead by soldiers, had joined the group in May.", "dead")
    assert "soldiers" in text_of(death.source_actor)
    assert "Vell" in text_of(death.target_actor)


def test_one_found_dead_is_the_one_who_died():
    death = read_at("A retired ferryman was found dead in his cabin on Sunday.", "dead")
    assert "ferryman" in text_of(death.target_actor)


# --- a name on an organisation's noun is the organisation, its possessor whose it is --------------


def test_a_body_named_by_a_name_on_its_noun_is_that_names_not_its_possessors():
    # "Russia's Tass news agency": the agency is Tass, Russia is whose it is
    from dateline.pipeline import Stages, read_article

    text = "Two border guards were hurt, Hungary's state-run MTI news agency reported."
    result = read_article(Article(id="t", text=text), parse(text), Stages.load())
    report = next(e for e in result.events if e.trigger.text == "reported")
    names = {m.span.text: m.entity_id for m in result.mentions if m.entity_id}
    assert report.source_actor.entity_id == names["MTI"]
    assert names["Hungary"] in {a.entity_id for a in report.other_actors if a.role.endswith("affiliation")}


# --- a word a verb cue names among its objects is read at the verb ---------------------------------


def test_fire_opened_on_people_is_read_at_the_verb():
    # "opened fire on the marchers": read at "fire", the shooting's doer and target are the verb's
    shooting = read_at("Witnesses said border guards opened fire on the marchers.", "fire")
    assert "guards" in text_of(shooting.source_actor)
    assert "marchers" in text_of(shooting.target_actor)


def test_one_taken_into_custody_is_the_one_detained():
    custody = read_at("The ferry captain was taken into custody on Friday.", "custody")
    assert "captain" in text_of(custody.target_actor)


# --- what comes under attack is what the attack hit -------------------------------------------------


def test_the_under_attack_example_and_counter_example():
    # the example and counter-example of under_attack_verbs in event_types.yaml
    attack = read_at("The border post came under rocket attack overnight.", "attack")
    assert any("post" in a.text for a in attack.other_actors if a.role == "target-thing")
    command = read_at("The rebels came under the command of a new leader.", "command")
    assert command is None or "rebels" not in (text_of(command.target_actor) or "")


def test_people_who_come_under_shelling_are_its_target():
    shelling = read_at("Two army patrols came under heavy shelling near the ridge.", "shelling")
    assert "patrols" in (text_of(shelling.target_actor) or "") + " ".join(a.text for a in shelling.other_actors)


# --- who a legal step is for is the doer of the attack it names ---------------------------------------


def test_who_is_sentenced_or_charged_for_an_attack_did_it():
    bombing = read_at("The former courier was sentenced to life in prison for the bombing.", "bombing")
    assert "courier" in text_of(bombing.source_actor)
    murder = read_at("The night porter was charged with the murder of a tourist.", "murder")
    assert "porter" in text_of(murder.source_actor)
    assert "tourist" in text_of(murder.target_actor)


def test_one_arrested_after_an_attack_is_not_told_as_its_doer():
    attack = read_at("The night porter was arrested after the attack on the depot.", "attack")
    assert "porter" not in (text_of(attack.source_actor) or "")


# --- a passive with its auxiliary left out -------------------------------------------------------------


def test_a_harm_joined_to_a_passive_without_its_auxiliary_is_passive():
    # "a ranger was killed and two others wounded": the two others were wounded, they wounded no one
    wounding = event_at("A park ranger was killed and two others wounded near the lake.", "wounded")
    assert "others" in text_of(wounding.target_actor)
    assert wounding.source_actor is None


def test_an_act_of_its_own_joined_to_a_passive_keeps_its_voice():
    # "fled" befalls no one: the gunman fled
    flight = event_at("A park ranger was shot and the gunman fled into the forest.", "fled")
    assert "gunman" not in (text_of(flight.target_actor) or "")


# --- a town's name on an attack noun says where, not who -------------------------------------------------


def test_a_towns_name_before_an_attack_noun_is_no_doer():
    # "the Bristol suicide bombing": Bristol is where it happened (read by every stage: the geo stage
    # places the town)
    from dateline.pipeline import Stages, read_article

    text = "Police named the man behind the Bristol suicide bombing on Tuesday."
    result = read_article(Article(id="t", text=text), parse(text), Stages.load())
    bombing = next(e for e in result.events if e.trigger.text == "bombing")
    assert "Bristol" not in (text_of(bombing.source_actor) or "")
