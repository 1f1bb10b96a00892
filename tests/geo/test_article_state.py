"""A town's name shared by towns of several states, read in the state the article is about
(geo/article_state.py). Each text is made up for the rule it checks."""

from __future__ import annotations

from collections import Counter

from dateline.geo import resolve_toponyms
from dateline.geo.article_state import article_state
from dateline.geo.recognize import Toponym


def _given(text, names, gazetteer):
    """Resolve the given names, in text order (a name said twice is given twice)."""
    toponyms, at = [], 0
    for name in names:
        start = text.index(name, at)
        toponyms.append(Toponym(start, start + len(name), name, "given"))
        at = start + len(name)
    return {p.span.text: p for p in resolve_toponyms(text, toponyms, gazetteer)}


def test_a_dateline_state_settles_a_namesake(gazetteer):
    # the bigger Norfolk is Virginia's, and a runner from Virginia is named; the story is filed
    # from a Nebraska town and its Norfolk is Nebraska's
    text = "KEARNEY, Neb. — A Norfolk runner beat a field that included two women from Richmond, Va."
    places = _given(text, ["KEARNEY", "Neb.", "Norfolk", "Richmond", "Va."], gazetteer)
    assert places["Norfolk"].admin1 == "Nebraska"
    assert places["Richmond"].admin1 == "Virginia"


def test_towns_of_one_state_settle_a_namesake(gazetteer):
    # towns found in one state only say where the story is; the visitor's qualified home does not
    text = "Bands from Wahoo and Chadron marched in Norfolk, where a visitor from Hampton, Va., led the parade."
    places = _given(text, ["Wahoo", "Chadron", "Norfolk", "Hampton", "Va."], gazetteer)
    assert places["Norfolk"].admin1 == "Nebraska"
    assert places["Hampton"].admin1 == "Virginia"


def test_a_state_body_named_settles_a_namesake_against_a_qualified_visitor(gazetteer):
    # a reporter qualifies the places outside the story's state: "Dover, Del." is no vote for
    # Delaware's Newark
    text = ("A Newark man was hurt when his truck left the road, a trooper of the Ohio State Highway "
            "Patrol said. A woman from Dover, Del., was his passenger.")
    places = _given(text, ["Newark", "Ohio", "Dover", "Del."], gazetteer)
    assert places["Newark"].admin1 == "Ohio"
    assert places["Dover"].admin1 == "Delaware"


def test_population_decides_when_the_text_names_no_state(gazetteer):
    text = "A Newark man was hurt when his truck left the road on Tuesday night, deputies said."
    assert _given(text, ["Newark"], gazetteer)["Newark"].admin1 == "New Jersey"
    text = "A Norfolk woman won the lottery's second prize on Saturday."
    assert _given(text, ["Norfolk"], gazetteer)["Norfolk"].admin1 == "Virginia"


def test_a_state_named_as_a_place_is_no_namesake(gazetteer):
    # "Kansas" in an Illinois story (a village of Illinois bears the name) is still read by the
    # state cues and lists of states, not moved to the village by the story's state
    text = ("Deputies from Edwardsville and Collinsville met with the Illinois State Police on "
            "Monday. The suspect was later found in Kansas.")
    places = _given(text, ["Edwardsville", "Collinsville", "Illinois", "Kansas"], gazetteer)
    assert places["Kansas"].feature_code == "ADM1"


def test_a_reading_the_text_vouches_for_is_not_moved_by_the_state(gazetteer):
    # the county that holds it settles the Richmond; the state named twice is where the man works
    text = ("Madison County deputies said they had cited a Richmond man on Sunday. He had driven back "
            "from Louisiana, where he works on a Louisiana shrimp boat.")
    places = _given(text, ["Madison County", "Richmond", "Louisiana", "Louisiana"], gazetteer)
    assert places["Richmond"].admin1 == "Kentucky"


def test_a_state_needs_two_votes_and_no_tie():
    ohio, kansas = ("US", "OH"), ("US", "KS")
    assert article_state(Counter({ohio: 2})) == ohio
    assert article_state(Counter({ohio: 3, kansas: 1})) == ohio
    assert article_state(Counter({ohio: 1})) is None  # one town of one state's name: too little
    assert article_state(Counter({ohio: 2, kansas: 2})) is None
    assert article_state(Counter()) is None
