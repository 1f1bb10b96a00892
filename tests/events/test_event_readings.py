"""Why an event got its date and its places (events/event_date.py, events/event_place.py): the
readings ``pipeline.explain_article`` gives, on hand-made sentences, name the step a reader sees
in the sentence."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dateline.events.event_date import EVENT_DATE_RULES, SENTENCE_DATE_RULES
from dateline.events.event_place import PLACE_STEPS
from dateline.model import Article
from dateline.nlp import parse
from dateline.pipeline import Stages, explain_article, read_article

# the date chain's rules, read without the learned report's-day model (tests/events/conftest.py)
pytestmark = pytest.mark.usefixtures("the_date_rules_alone")

PUBLISHED = date(2024, 3, 8)  # a Friday


@pytest.fixture(scope="module")
def stages() -> Stages:
    return Stages.load()


def readings_of(text: str, stages: Stages) -> list:
    return explain_article(Article(id="t", text=text, published=PUBLISHED), parse(text), stages)


def reading(text: str, word: str, stages: Stages, nth: int = 0):
    """The readings of the ``nth`` event whose trigger is ``word``."""
    found = [r for r in readings_of(text, stages) if r.event.trigger.text == word]
    assert len(found) > nth, f"no event {nth} for {word!r}: {[r.event.trigger.text for r in readings_of(text, stages)]}"
    return found[nth]


# --- dates ---------------------------------------------------------------------------------------


def test_a_day_in_the_acts_own_clause_is_read_there(stages):
    # Monday is in the clause of "detained": the first and only step is the own clause's
    read = reading("Deputies detained a cyclist in Marlow on Monday.", "detained", stages)
    assert read.date.rules == ("own clause",)
    assert read.date.saw("sentence's date") == "2024-03-04"
    assert read.event.date_value == "2024-03-04"


def test_a_report_placed_in_recent_weeks_is_left_without_a_day(stages):
    # "in recent weeks": some time before the report, the day unsaid
    read = reading("The governor announced in recent weeks that the state would close three prisons.",
                   "announced", stages)
    assert read.date.rules == ("report's day", "placed vaguely before -> none")
    assert read.event.date_value is None


def test_a_plan_told_on_a_dated_day_is_left_without_a_day_of_its_own(stages):
    # Tuesday is the day of the saying; the move is only planned, on no day the text gives
    read = reading("On Tuesday the grocer said his family promised to move the store to Lyle.", "move", stages)
    assert read.date.rules[-1] == "only intended -> none"
    assert read.event.date_value is None
    assert read.date.saw("sentence's date") == "2024-03-05"  # Tuesday, seen and left for the saying


def test_a_date_of_a_relative_clause_on_the_speaker_is_not_the_reports(stages):
    # "who arrived last autumn" tells of the coach, not of the saying: the report's day
    read = reading("The coach, who arrived last autumn, said vandals painted slogans on the stadium.", "said", stages)
    assert read.date.rules == ("another clause's date left out", "report's day")
    assert read.date.saw("sentence's date").endswith("-FA")  # autumn, seen and left out
    assert read.event.date_value == "2024-03-08"


def test_what_a_charge_is_for_borrows_no_day_of_the_charge(stages):
    # charged on Friday; the robbing was before, its day unknown (read without the article's
    # non-event filters: the robbing, named only by the charge, leaves the list)
    text = "A baker was charged on Friday with robbing a jeweller."
    read = next(r for r in explain_article(Article(id="t", text=text, published=PUBLISHED), parse(text), stages,
                                           learned_filter=False) if r.event.trigger.text == "robbing")
    assert read.date.rules[0] == "background to another act: the sentence's date left out"
    assert read.date.rules[-1] == "background to another act -> none"
    assert read.event.date_value is None
    assert reading("A baker was charged on Friday with robbing a jeweller.", "charged", stages).date.rules \
        == ("own clause",)


def test_a_lead_act_takes_the_day_the_next_sentence_gives_it(stages):
    # the lead says only that she was charged; the next sentence tells it again on Wednesday
    text = "A welder has been charged with burglary in Kent. Detectives charged the woman on Wednesday with " \
           "breaking into a pharmacy."
    read = reading(text, "charged", stages)
    assert read.date.rules == ("report's day",)
    assert read.date_passes == ("a lead act dated by the body",)
    assert read.event.date_value == "2024-03-06"


def test_an_act_told_again_takes_the_day_of_its_first_telling(stages):
    # the second "shot" is the shooting of June 2021, told again after the sentencing of Monday
    text = "A sniper shot a courier near a Leeds market in June 2021. Judge Bo Hart sentenced him on Monday. " \
           "The sniper shot the courier after an argument about money."
    read = reading(text, "shot", stages, nth=1)
    assert read.date.rules[0] == "carried from the story"
    assert read.date.saw("carried date") == "2024-03-04"  # the sentencing's Monday, not taken
    assert read.date.saw("sentence's date") is None  # the sentence names no time
    assert "an act dated by another telling" in read.date_passes
    assert read.event.date_value == "2021-06"


# --- places --------------------------------------------------------------------------------------


def test_a_town_in_the_acts_own_clause_places_it(stages):
    read = reading("Troopers raided a farmhouse in Salem and arrested two brothers.", "raided", stages)
    assert (read.places.step, read.places.kind) == ("own clause", "own")
    assert [p.span.text for p in read.places.places] == ["Salem"]
    assert not read.event.place_inherited


def test_a_conjoined_act_takes_the_place_of_the_clause_before(stages):
    # "and arrested two brothers" names no place: the raid's, in the same sentence
    read = reading("Troopers raided a farmhouse in Salem and arrested two brothers.", "arrested", stages)
    assert (read.places.step, read.places.kind) == ("conjoined", "sentence")
    assert [p.span.text for p in read.places.places] == ["Salem"]
    assert read.event.place_inherited


def test_a_town_council_acts_where_it_sits(stages):
    read = reading("The Salem City Council voted on Tuesday to close a public pool.", "voted", stages)
    assert (read.places.step, read.places.kind) == ("seat", "seat")
    # (the geo stage reads "Salem City" as the town's name)
    assert [p.span.text.split()[0] for p in read.places.places] == ["Salem"]
    assert read.places.placed_itself


def test_an_act_told_again_is_carried_to_the_place_of_the_episode(stages):
    text = "A sniper shot a courier near a Leeds market in June 2021. Judge Bo Hart sentenced him on Monday. " \
           "The sniper shot the courier after an argument about money."
    read = reading(text, "shot", stages, nth=1)
    assert (read.places.step, read.places.kind) == ("episode carried", "carried")
    assert [p.span.text for p in read.places.places] == ["Leeds"]
    assert "place carried from the same kind of event just before" in read.event.notes


def test_a_search_of_the_whole_land_borrows_no_town_of_the_story(stages):
    # a nationwide manhunt is at no one town: not Salem, where the arrest of the day before was
    text = "Troopers arrested a driver in Salem on Monday. The next day officers began a nationwide manhunt " \
           "for his brother."
    read = reading(text, "manhunt", stages)
    assert read.places.whole_land
    assert read.places.places == () and read.places.step is None
    assert [p.span.text for p in reading(text, "arrested", stages).places.places] == ["Salem"]


def test_a_report_that_names_no_place_has_none_and_no_step(stages):
    read = reading("The governor announced in recent weeks that the state would close three prisons.",
                   "announced", stages)
    assert read.places.places == () and read.places.step is None and not read.places.whole_land


# --- the readings and the events -------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Troopers raided a farmhouse in Salem and arrested two brothers.",
    "A welder has been charged with burglary in Kent. Detectives charged the woman on Wednesday with breaking "
    "into a pharmacy.",
])
def test_the_explained_events_are_the_events_read(stages, text):
    article = Article(id="t", text=text, published=PUBLISHED)
    explained = explain_article(article, parse(text), stages)
    assert [r.event for r in explained] == list(read_article(article, parse(text), stages).events)
    for r in explained:
        # the reading's date and places are the event's (but for the article's passes)
        if not r.place_passes:
            assert r.places.places == r.event.places
        if not r.date_passes:
            assert r.date.date.value == r.event.date_value


def test_every_rule_has_a_name_of_its_own():
    names = [step.name for step in PLACE_STEPS]
    assert len(set(names)) == len(names)
    rules = [rule.__name__ for rule in SENTENCE_DATE_RULES + EVENT_DATE_RULES]
    assert len(set(rules)) == len(rules)


def test_a_pass_over_the_article_that_moves_a_place_is_named(stages):
    # (a made-up pass that takes Salem away from the raid: it is named in place_passes only)
    from dateline.events import _noting_changes

    explained = {r.event.id: r for r in readings_of("Troopers raided a farmhouse in Salem.", stages)}
    before = [r.event for r in explained.values()]
    after = [replace(event, places=()) for event in before]
    assert _noting_changes(explained, "a pass of places", before, after) == after
    assert [(r.place_passes, r.date_passes) for r in explained.values()] == [(("a pass of places",), ())]


def test_the_explained_places_are_read_with_the_outlets_home_as_the_events_are(stages):
    # a bare "Columbus" from a Nebraska paper: its home region settles the namesake, in the
    # explained readings as in the records
    from dateline.geo.home_region import HomeRegion

    text = "Firefighters in Columbus put out a grain bin fire on Sunday night, the chief said."
    article = Article(id="t", text=text, published=PUBLISHED, outlet="plainsherald.example")
    at_home = replace(stages, home_regions={"plainsherald.example": HomeRegion("US", "Nebraska", 0.9, 5)})
    explained = explain_article(article, parse(text), at_home)
    fire = next(r for r in explained if r.event.trigger.text == "fire")
    assert [(p.country_code, p.admin1) for p in fire.places.places] == [("US", "Nebraska")]
    assert [r.event for r in explained] == list(read_article(article, parse(text), at_home).events)
