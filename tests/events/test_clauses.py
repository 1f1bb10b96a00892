"""Dates and counts belong to the clause that tells them (issue 11), on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from dateline.model import Article
from dateline.nlp import parse
from dateline.pipeline import Stages, read_article

PUBLISHED = date(2024, 3, 8)  # a Friday


def events_of(text: str):
    result = read_article(Article(id="t", text=text, published=PUBLISHED), parse(text), Stages.load())
    return {e.trigger.text: e for e in result.events}


def test_the_act_a_sentence_is_for_does_not_take_the_sentencing_day():
    events = events_of("A former coach was sentenced Tuesday for assaulting three players.")
    assert events["sentenced"].date_value == "2024-03-05"
    assert events["assaulting"].date_value != "2024-03-05"


def test_a_time_in_a_relative_clause_on_the_speaker_does_not_date_the_report():
    events = events_of("The governor, who took office last year, said militants attacked the town.")
    assert not events["attacked"].date_value.startswith("2023")


def test_a_count_in_a_clause_of_its_own_is_no_count_of_the_main_event():
    events = events_of("Police arrested the driver on Sunday after he hit two pedestrians last week.")
    assert not events["arrested"].quantities
    # a participle's toll is the main event's
    events = events_of("Troops stormed the base on Monday, leaving 12 dead.")
    assert [q.value for q in events["stormed"].quantities] == [12]


def test_a_toll_verb_hung_on_the_act_is_its_toll_not_an_event_of_its_own():
    # the examples of toll_verbs in event_types.yaml
    act = events_of("A roadside bomb exploded under a truck near the dam on Wednesday, killing three soldiers.")
    assert set(act) == {"exploded"}
    assert [q.value for q in act["exploded"].quantities] == [3]
    assert act["exploded"].date_value == "2024-03-06"
    # the toll governs: the act names the event and the toll's clause is read
    died = events_of("Two guards died when a grenade exploded at the gate on Thursday.")
    assert set(died) == {"exploded"}
    assert [q.value for q in died["exploded"].quantities] == [2]
    assert died["exploded"].date_value == "2024-03-07"


def test_a_conjunct_with_a_subject_of_its_own_is_another_event():
    events = events_of("Rebels shelled the port on Friday and a sniper killed a nurse in the hills on Sunday.")
    assert {"shelled", "killed"} <= set(events)


def test_an_outlets_report_of_an_event_is_a_statement_of_its_own_a_spokesmans_is_not():
    # the example and counter-example of broadcast_verbs in event_types.yaml
    reported = events_of("Three guards were wounded, the state news agency reported.")
    assert {"wounded", "reported"} <= set(reported)
    assert reported["reported"].type == "STATEMENT"
    assert "agency" in reported["reported"].source_actor.text
    assert reported["wounded"].attribution is not None
    said = events_of("Three guards were wounded, the mayor said.")
    assert set(said) == {"wounded"}


def test_a_reports_place_is_where_it_was_made_not_where_its_content_happened():
    from dateline.events import extract_events
    from dateline.model import Place, Span

    def place(text, name):
        start = text.index(name)
        return Place(Span(start, start + len(name), name), name)

    text = "The spokesman said in Vannes that the weather was mild."
    made = next(e for e in extract_events(Article(id="t", text=text), parse(text), [], [place(text, "Vannes")], [], [])
                if e.type == "STATEMENT")
    assert [p.name for p in made.places] == ["Vannes"] and not made.place_inherited
    text = "The spokesman said the weather in Vannes was mild."
    said = next(e for e in extract_events(Article(id="t", text=text), parse(text), [], [place(text, "Vannes")], [], [])
                if e.type == "STATEMENT")
    assert [p.name for p in said.places] == ["Vannes"] and said.place_inherited


def test_a_statement_given_to_the_press_is_sourcing_one_to_a_council_is_news():
    # the example and counter-example of press_addressees in event_types.yaml
    assert events_of("The shopkeeper told reporters that the street had been quiet for weeks.") == {}
    assert "told" not in events_of("A farmer told the news agency that the harvest was poor.")
    assert "said" not in events_of("The harvest was poor, the farmer said in an interview with AFP.")
    told = events_of("The envoy told the council that the wheat stocks were low.")
    assert told["told"].type == "STATEMENT"
    # a statement made at a news conference is made in public: a STATEMENT
    assert events_of("The envoy told a news conference that the wheat stocks were low.")["told"].type == "STATEMENT"


def test_speech_told_inside_another_report_is_no_statement_of_its_own():
    events = events_of("The farmer says his neighbour came back from the market and said the prices were too high.")
    assert "says" in events and "said" not in events
    assert events_of("The farmer said the prices were too high.")["said"].type == "STATEMENT"
    # a confirmation told inside a report stays a report of its own (broadcast_verbs)
    confirmed = events_of("The farmer said the ministry confirmed that the prices were too high.")
    assert "confirmed" in confirmed


def test_a_statement_told_to_a_name_that_reports_in_the_article_is_sourcing():
    text = ("Three wells ran dry in the valley last month, the Valley Courier reported. "
            "A farmer told the Valley Courier that the harvest was poor.")
    assert "told" not in events_of(text)
    # the same statement told to a name that reports nothing in the article stays a statement
    other = ("Three wells ran dry in the valley last month. "
             "A farmer told the Valley Council that the harvest was poor.")
    assert events_of(other)["told"].type == "STATEMENT"
