"""Senses of cue words that the clause tells apart (stop 44's audit of the cue table).

A word whose usual sense in crisis news is an act of one kind has other common senses in news
English: a figure that "advances" or "reaches" a level, a team that "advances" to a final, a
rescuer who "pulls" a driver "out", a coroner who "investigates" a death. Each test sets one such
sense against its near miss (the cue's own sense, in a sentence of the same shape). The sentences
are made up.
"""

from __future__ import annotations

import pytest

from dateline.events import extract_events
from dateline.model import Article
from dateline.nlp import parse


def types_of(sentence: str, word: str) -> list[str]:
    """The types of the events the sentence gives whose trigger begins with ``word``."""
    article = Article(id="s1", text=sentence, published=None)
    events = extract_events(article, parse(sentence), [], [], [], [])
    return [e.type for e in events if e.trigger.text.lower().startswith(word)]


@pytest.mark.parametrize("sentence, word, wrong", [
    # a figure that moves is a statistic (event_types.yaml: figure_nouns)
    ("Shares of the bakery chain advanced 3 percent on Tuesday.", "advanced", "ASSAULT"),
    ("Gas prices reached $4 a gallon in the county last week.", "reached", "MOVEMENT"),
    ("Oil stocks retreated from their record highs on Friday.", "retreated", "RETREAT"),
    # a team going on to a contest's next stage, a bill moved on in a legislature (contest_stages)
    ("The Wildcats advanced to the state final with a win over Central.", "advanced", "ASSAULT"),
    ("The committee advanced the resolution to the full Senate on Monday.", "advanced", "ASSAULT"),
    ("The home side stormed to a 5-0 victory on Saturday.", "stormed", "ASSAULT"),
    ("The Hawks took over first place with the win on Sunday.", "took", "ASSAULT"),
    # what one wins or where one ends up, no flight
    ("She landed a job at the county hospital in May.", "landed", "MOVEMENT"),
    ("The memos landed in a rival firm's hands.", "landed", "MOVEMENT"),
    # money drawn from an account: no pullout
    ("She withdrew the cash from her savings account on Monday.", "withdrew", "RETREAT"),
    # one's own things handed over: no territory conceded
    ("The actresses handed over their old clothes for the charity sale.", "handed", "CONCEDE"),
    # a coroner's inquiry into a death, questions a seller fields: no legal step
    ("A state medical examiner is investigating how the climber died.", "investigating", "JUSTICE"),
    ("The dealer fielded dozens of inquiries from buyers last spring.", "inquiries", "JUSTICE"),
    # help on the spot, no aid delivered
    ("A bystander came to her aid and called the police.", "aid", "AID"),
    # a programme aimed at a group, a proposal turned down: no attack
    ("The new program targets young smokers in rural towns.", "targets", "ASSAULT"),
    ("The board shot down the proposal at its Tuesday meeting.", "shot", "ASSAULT"),
    # turning out (attending) is no turning in
    ("Residents turned out in force for the parade.", "turned", "CONCEDE"),
])
def test_the_other_sense_is_not_the_cue_type(sentence, word, wrong):
    assert wrong not in types_of(sentence, word)


@pytest.mark.parametrize("sentence, word, right", [
    # the near misses: the cue's own sense in a sentence of the same shape
    ("Rebel columns advanced to the outskirts of the capital.", "advanced", "ASSAULT"),
    ("Government forces retreated from the town on Friday.", "retreated", "RETREAT"),
    ("Militants stormed the district headquarters before dawn.", "stormed", "ASSAULT"),
    ("Rebels took over the town hall on Monday.", "took", "ASSAULT"),
    ("The army pulled out its last two battalions in May.", "pulled", "RETREAT"),
    ("The United States withdrew its last troops from the country.", "withdrew", "RETREAT"),
    ("The rebels handed over the town to the army on Sunday.", "handed", "CONCEDE"),
    ("Police are investigating the fire at the mosque.", "investigating", "JUSTICE"),
    # (police among the subjects: a legal step still)
    ("Detectives and the coroner's staff are investigating the stabbing as a murder.", "investigating", "JUSTICE"),
    ("The town's council withdrew its request for a new bridge.", "withdrew", "RETREAT"),
    ("The agency delivered food aid to the displaced families.", "delivered", "AID"),
    ("The insurgents seem to be targeting the regional capital.", "targeting", "ASSAULT"),
    ("Air defences shot down three drones over the city.", "shot", "ASSAULT"),
    # a rescue: people pulled out of the water are saved, no troops withdrawn
    ("A fisherman dove into the lake and pulled out the driver.", "pulled", "HUMANITARIAN"),
    # an immigration raid is the law's (an arrest operation), no armed clash
    ("A court heard claims over an immigration raid on a dairy farm.", "raid", "COERCE"),
    # things handed over under threat: a robbery
    ("The robber forced the clerk to hand over the cash at knifepoint.", "hand", "CRIME"),
])
def test_the_cue_sense_keeps_its_type(sentence, word, right):
    assert right in types_of(sentence, word)


# Stop 45: another sense that is still a happening keeps the event, typed OCCURRENCE (an act of no
# family), instead of dropping it (a thing landing in someone's hands, money moved between
# accounts); the cue's own sense keeps its type.
@pytest.mark.parametrize("sentence, word, right", [
    ("Copies of a memo that landed on the desks of teachers across the county upset parents.", "landed", "OCCURRENCE"),
    ("The board approved a transfer moving the sheriff's fuel money to a building account.", "moving", "OCCURRENCE"),
])
def test_another_sense_that_is_a_happening_is_kept(sentence, word, right):
    assert types_of(sentence, word) == [right]


@pytest.mark.parametrize("sentence, word, right", [
    # the near misses: the cue's own sense in a sentence of the same shape
    ("Later the envoy's plane landed in the capital at noon.", "landed", "MOVEMENT"),
    ("Aid workers who moved the families to a school outside the town handed out blankets.", "moved", "DISPLACEMENT"),
])
def test_near_misses_of_a_happening_keep_the_cue_type(sentence, word, right):
    assert types_of(sentence, word) == [right]


# Stop 45: one person's (or one car's) getaway is a movement, told through a relative pronoun, a
# name in apposition or the car itself; a crowd or a town's people fleeing danger are displaced.
@pytest.mark.parametrize("sentence, right", [
    ("The clerk screamed at the burglars, who dropped the bag and fled.", "MOVEMENT"),
    ("The car fled with two deputies in pursuit.", "MOVEMENT"),
    ("The van's driver, John Smith, 30, of Dayton, jumped out of the van and fled on foot.", "MOVEMENT"),
    # near misses: people driven from home
    ("The villagers, who feared more shelling, fled to the hills.", "DISPLACEMENT"),
    ("The bus fled the flooded town with forty residents aboard.", "DISPLACEMENT"),
    ("The town's mayor, Anna Berg, fled the advancing rebels with her family.", "DISPLACEMENT"),
])
def test_a_getaway_of_one_is_a_movement(sentence, right):
    assert types_of(sentence, "fled") == [right]

