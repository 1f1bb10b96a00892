"""Dates and counts belong to the clause that tells them (issue 11), on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.model import Article
from dateline.nlp import parse
from dateline.pipeline import Stages, read_article

# the date chain's rules, read without the learned report's-day model (tests/events/conftest.py)
pytestmark = pytest.mark.usefixtures("the_date_rules_alone")

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
    # what a statement speaks of is its topic, not where it was made (judged samples of unseen news)
    assert said.places == ()


def test_a_toll_in_an_accident_is_the_accident_s_not_an_assault():
    # the examples of toll_in_types in event_types.yaml
    crash = events_of("A cyclist was killed in a collision with a lorry on Tuesday.")
    assert [(e.type, e.trigger.text) for e in crash.values()] == [("HAZARD", "collision")]
    assert crash["collision"].date_value == "2024-03-05"
    fire = events_of("An elderly woman died in a house fire on Sunday.")
    assert [e.type for e in fire.values()] == ["HAZARD"]
    assert "woman" in fire["fire"].target_actor.text  # the one it befell, not a doer
    assert fire["fire"].source_actor is None
    blaze = events_of("Three firefighters were injured during the blaze.")
    assert [e.type for e in blaze.values()] == ["HAZARD"]
    assert [q.value for q in blaze["blaze"].quantities] == [3]
    # counter-example: a raid is an attack, and the toll stays its
    raid = events_of("Five militants were killed in a night raid on their compound.")
    assert [e.type for e in raid.values()] == ["ASSAULT"]


def test_a_date_a_stretch_runs_through_dates_it_from_the_report():
    # PUBLISHED is Friday 2024-03-08
    events = events_of("Lane closure through March 20 to repair a water main.")
    closure = events["closure"]
    assert (closure.date_start, closure.date_end) == (PUBLISHED, date(2024, 3, 20))
    assert closure.date_value == "2024-03-08/2024-03-20"
    # "until" likewise; "by" is a deadline, one day
    closed = events_of("The border crossing is closed until Sunday.")["closed"]
    assert (closed.date_start, closed.date_end) == (PUBLISHED, date(2024, 3, 10))
    deadline = events_of("The rebels agreed to hand over the town by March 20.")["hand over"]
    assert (deadline.date_start, deadline.date_end) == (date(2024, 3, 20), date(2024, 3, 20))


def test_a_stretch_that_runs_up_to_now_is_no_time_later_sentences_are_at():
    # (met, not agreed to, since stop 46: an agreement to a thing takes no day, dating.agreed_to_do)
    events = events_of("The two sides have argued over the budget for the past year. The mayor met the union leaders.")
    met = events["met"]
    assert met.date_value == "2024-03-08" and met.date_inherited  # the report's day, not 2023


def test_a_report_is_dated_by_its_own_words_not_by_what_it_reports():
    said = events_of("Police say the driver was heading north on Oak Avenue around 2:15 a.m. Wednesday.")["say"]
    assert said.date_value == "2024-03-08" and said.date_inherited  # the report's day, not Wednesday's
    told = events_of("A spokesman said on Wednesday that the plan was sound.")["said"]
    assert told.date_value == "2024-03-06" and not told.date_inherited  # its own day


def test_a_local_body_acts_where_it_sits():
    council = events_of("The Gainesville City Council rejected a request from three owners on Monday.")["rejected"]
    assert [p.name for p in council.places] == ["Gainesville"] and council.place_inherited
    police = events_of("Charleston police are investigating the fire as a possible arson.")["investigating"]
    assert [p.name for p in police.places] == ["Charleston"]
    # a paper's name and a country's ministry say whose, not where
    paper = events_of("The Los Angeles Times reported that the mayor resigned.")
    assert paper and all(not e.places for e in paper.values())
    ministry = events_of("The United States Treasury Department condemned the raid.")
    assert ministry and all("United States" not in [p.name for p in e.places] for e in ministry.values())


def test_a_statement_is_placed_where_it_was_made_not_where_its_words_are_about():
    events = events_of("Egypt wants a stable Sudan, the minister explained.")
    assert [e.type for e in events.values()] == ["STATEMENT"] and not events["explained"].places
    described = events_of("Mr Hale, a vicar at a church in Oxford, said the idea was sensible.")
    assert not described["said"].places  # the speaker's description tells who, not where
    where = events_of("The envoy said in Geneva that the idea was sensible.")
    assert [p.name for p in where["said"].places] == ["Geneva"]



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


def test_a_local_story_s_dateline_town_is_where_its_placeless_acts_are():
    local = events_of("TORRINGTON, Conn. (AP) — The mayor spoke to shop owners on Monday. Police arrested two men on Tuesday.")
    assert [p.name for p in local["arrested"].places] == ["Torrington"] and local["arrested"].place_inherited
    # a dateline abroad says where the reporter is: no place lent when the story names another country
    abroad = events_of("WASHINGTON (AP) — Rebels attacked a convoy near Aleppo in Syria. Police arrested two drivers.")
    assert abroad["arrested"].places == ()


def test_a_story_that_opens_with_a_gathering_quotes_what_was_said_there():
    # event_types.yaml: occasions. PUBLISHED is Friday 2024-03-08; Tuesday night is 2024-03-05.
    meeting = events_of("The village board met Tuesday night to weigh the new budget. "
                        "Treasurer Ann Cole said the town could not afford a second fire truck.")
    said = meeting["said"]
    assert said.date_value.startswith("2024-03-05") and not said.date_inherited
    # present tense: told to the reporter now, the report's day
    says = events_of("The village board met Tuesday night to weigh the new budget. "
                     "Treasurer Ann Cole says the town cannot afford a second fire truck.")["says"]
    assert says.date_value == "2024-03-08" and says.date_inherited
    # a story that opens with something else keeps the report's day for its quotes
    other = events_of("Police arrested two men Tuesday night after a chase. "
                      "Sheriff Dan Ortiz said the men were from out of town.")["said"]
    assert other.date_value == "2024-03-08" and other.date_inherited


def test_a_funeral_or_a_sentencing_hearing_the_story_opens_with_is_where_its_quotes_were_said():
    # event_types.yaml: occasions; the gathering is no event of its own here. PUBLISHED is
    # Friday 2024-03-08; yesterday is 2024-03-07.
    funeral = events_of("Hundreds of neighbours who gathered on a hillside yesterday said goodbye to a volunteer "
                        "firefighter. \"He always put others first,\" his captain said.")
    assert funeral["said"].date_value == "2024-03-07"
    hearing = events_of("A former bookkeeper was jailed for two years yesterday for stealing from a charity. "
                        "Her lawyer said she had repaid most of the money.")
    assert hearing["said"].date_value == "2024-03-07"


def test_an_adverb_of_frequency_tells_a_habit_not_an_event():
    # event_types.yaml: unasserted.habit_adverbs (the table's examples run in test_roles.py)
    assert "appeal" not in events_of("Mayors often appeal to the state for road money.")
    assert "appealed" in events_of("The mayor appealed to the state for road money on Monday.")


def test_a_participle_describing_someone_tells_an_earlier_act_of_no_given_day():
    events = events_of("A woman charged with arson in a recent warehouse fire was arrested by police on Wednesday.")
    assert events["arrested"].date_value == "2024-03-06"
    charged = events["charged"]
    assert charged.date_value != "2024-03-06" and charged.date_start is None  # before the arrest, day not told
    # its own words may still date it
    dated = events_of("A woman charged on Monday with arson was arrested by police on Wednesday.")["charged"]
    assert dated.date_value == "2024-03-04"
    # with no other act about the one described, the story's time still holds
    tied = events_of("A bomb exploded in the market on Tuesday. The second woman injured by the explosion was a teacher.")
    assert tied["injured"].date_value == "2024-03-05"


def test_going_on_with_an_act_is_no_report():
    assert "continued" not in events_of("Nora Vance continued to weep in the waiting room.")
    assert "continued" in events_of('"We will rebuild the school," Nora Vance continued.')


def test_a_relative_clause_on_the_event_noun_dates_it():
    events = events_of("Speed played a part in a crash that occurred Tuesday night east of the bridge.")
    assert events["crash"].date_value.startswith("2024-03-05")
    # one on another noun still does not: "whose barn burned in 1998"
    other = events_of("The governor, who took office last year, said militants attacked the town.")
    assert not other["attacked"].date_value.startswith("2023")


def test_a_body_approving_a_proposal_and_a_restriction_lifted_are_events():
    # the approve / lift cues of event_types.yaml, on sentences of our own
    approved = events_of("At a heated meeting Thursday night, the school board approved the new transfer policy.")
    assert approved["approved"].type == "AGREE" and approved["approved"].date_value.startswith("2024-03-07")
    assert "board" in (approved["approved"].source_actor.text if approved["approved"].source_actor else "")
    lifted = events_of("The county lifted its burn ban on Monday after two days of rain.")["lifted"]
    assert lifted.type == "CONCEDE" and lifted.date_value == "2024-03-04"
    # a person carried to hospital is cared for, not freight
    carried = events_of("The driver was transported to the county hospital on Tuesday.")["transported"]
    assert carried.type == "HUMANITARIAN"


def test_a_place_a_distance_is_measured_from_is_no_place_of_the_event():
    # the parser hangs "south-west" on the distance, and the point may be a thing beside a place
    mine = events_of("A police truck hit a mine near the village, which is eight kilometers south-west of Gori.")
    assert all(p.name != "Gori" for e in mine.values() for p in e.places)
    river = events_of("The crash occurred on Route 9, about 9 miles southeast of the old quarry on the Potomac River.")
    assert all("Potomac" not in p.name for p in river["crash"].places)


def test_a_date_that_names_a_thing_is_no_time_for_the_sentences_after_it():
    events = events_of("Last October a 2007 Buick crashed into a fence on Route 5. The crash caused damage to the car.")
    assert events["crash"].date_value == "2023-10"  # the story's time, not the car's model year


def test_a_report_that_was_not_made_is_no_statement():
    assert "say" not in events_of("Councillor Ann Dorsey would not say whether the officers had been fined.")
    assert "said" in events_of("Councillor Ann Dorsey said the officers had been fined.")


def test_a_day_on_an_event_noun_is_still_the_story_s_time():
    events = events_of("The Monday morning shootings left two dead. Officers arrested the gunman on the highway.")
    assert events["arrested"].date_value.startswith("2024-03-04")  # Monday, carried from the shootings


def test_a_report_is_dated_by_the_day_on_its_verb_not_by_an_earlier_time_it_reports():
    # two dates in the sentence: the one on the root verb (said Tuesday) dates the report, the
    # one deep in the reported clause (six years ago) dates what was reported
    events = events_of("Only six years ago, 40 percent of the county's farms grew wheat, a high for the "
                       "region, farm officials said Tuesday.")
    assert events["said"].date_value == "2024-03-05"


def test_an_event_noun_subject_of_a_verb_telling_its_deed_names_the_event():
    # the verb only tells what the bombing did: one event, named by the noun, whose target is
    # the verb's object
    events = events_of("A suicide bombing targeted a police checkpoint at the northern gate on Thursday.")
    assert set(events) == {"bombing"}
    assert events["bombing"].type == "ASSAULT"
    assert [a.text for a in events["bombing"].other_actors if a.role == "target-thing"] == ["police checkpoint"]
    # a harm of another kind is an event of its own, and stays the verb's
    damaged = events_of("The blast damaged a pharmacy near the old port on Thursday.")
    assert "damaged" in damaged


def test_what_an_inquiry_is_about_is_an_event_of_its_own():
    # the examples of inquiries in event_types.yaml: the explosion happened before the inquiry
    opened = events_of("Prosecutors opened an inquiry into the explosion at the depot on Monday.")
    assert {"inquiry", "explosion"} <= set(opened)
    assert opened["explosion"].type == "ASSAULT"
    assert opened["inquiry"].type == "JUSTICE"
    investigating = events_of("Detectives are investigating the stabbing outside the bar.")
    assert {"investigating", "stabbing"} <= set(investigating)
    # "on" too (a bare on in the table was read by YAML as true, and this inquiry's topic was lost)
    assert {"probe", "explosion"} <= set(events_of("The board began a probe on the explosion at the plant on Monday."))
    # an inquiry into a person names no other event
    assert set(events_of("Police opened an investigation into the mayor on Monday.")) == {"investigation"}
