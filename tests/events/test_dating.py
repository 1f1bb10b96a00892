"""Which date an event may borrow (src/dateline/events/dating.py): the examples of dating.yaml,
each read by the whole pipeline, and the counter-cases the rules must leave alone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from dateline.model import Article
from dateline.nlp import parse
from dateline.pipeline import Stages, read_article

# the date chain's rules, read without the learned report's-day model (tests/events/conftest.py)
pytestmark = pytest.mark.usefixtures("the_date_rules_alone")

PUBLISHED = date(2024, 3, 8)  # a Friday
TABLE = yaml.safe_load((Path(__file__).parents[2] / "src/dateline/events/dating.yaml").read_text(encoding="utf-8"))


def events_of(text: str):
    """The events by trigger word; a word told twice gives its first event (a lead retold)."""
    result = read_article(Article(id="t", text=text, published=PUBLISHED), parse(text), Stages.load())
    events = {}
    for event in result.events:
        events.setdefault(event.trigger.text, event)
    return events


@pytest.mark.parametrize("example", TABLE["examples"], ids=lambda e: e["rule"])
def test_every_example_of_the_table(example):
    events = events_of(example["text"])
    assert example["word"] in events, f"no event for {example['word']!r}: {sorted(events)}"
    assert events[example["word"]].date_value == example["date"]


def test_a_verb_of_the_day_still_takes_the_report_day():
    # a plain past act with no time of its own stays on the report's day
    events = events_of("Police arrested two men near the harbour.")
    assert events["arrested"].date_value == "2024-03-08"
    assert events["arrested"].date_inherited


def test_an_event_noun_with_its_own_date_keeps_it():
    events = events_of("The mayor said the indictment of her deputy last Tuesday would not change her plans.")
    assert events["indictment"].date_value == "2024-03-05"


def test_a_lead_that_ends_with_its_own_full_stop_is_not_joined_to_the_next_sentence():
    # the council met on Tuesday (the lead); the next sentence is a story of its own
    from dateline.events import _sentences
    from dateline.events.dating import lead_of

    doc = parse("The council met on Tuesday. It approved the budget.")
    assert lead_of(_sentences(doc)).text == "The council met on Tuesday."
    doc = parse("Mourners said goodbye to Cpl. Dan Ruiz on Monday. He was 24.")
    assert lead_of(_sentences(doc)).text.endswith("on Monday.")


# quotes the gathering and report rules must leave on the report's day (Friday 2024-03-08): why, text, word
QUOTES_OF_THE_REPORT_DAY = [
    ("'at a meeting of mayors' is some gathering, not the one the lead dates",
     "The town council was briefed on the water budget on Wednesday morning. "
     "Treasurer Dana Holt said at a meeting of mayors that the wells ran low.", "said"),
    ("the lead gives no day: the session's day is not in the text",
     "The town council was briefed on the water budget. "
     "Treasurer Dana Holt said at the emergency session that the wells ran low.", "said"),
    ("'appeared to be tired' tells how someone looked, not an appearance at a gathering",
     "Former governor Ruth Kane appeared to be tired at the Weston public library Tuesday. "
     "\"It is good to be back among old friends,\" she said.", "said"),
    ("a member of a body is no sitting body: one resigning tells no gathering",
     "A member of the county planning commission resigned on Tuesday. "
     "\"We have waited years for a new map,\" Commissioner Ann Vole said.", "said"),
    ("'says': told to the reporter now, not in the dated report",
     "Hospital admissions for flu rose sharply in February, the state Department of Health reported Tuesday. "
     "The rate for children climbed to 4 percent, the health department says.", "says"),
    ("another speaker does not go on with the dated report",
     "Hospital admissions for flu rose sharply in February, the state Department of Health reported Tuesday. "
     "The rate for children climbed to 4 percent, a nurse in Dover said.", "said"),
    ("a feature's opening followed by a day of no gathering tells no occasion",
     "Winters in the valley are usually mild. Snow closed the mountain pass on Tuesday. "
     "\"We were not ready,\" the mayor said.", "said"),
    ("a day of a crime is no gathering: the witness's quote is the reporter's",
     "A gunman robbed a bank in Dover on Tuesday. \"He had a gun,\" a teller said.", "said"),
    ("a day of someone's visit is his act, no gathering the speaker was at",
     "Crews cleared the snow from the park. An inspector visited the park on Wednesday. "
     "\"The paths are safe now,\" the foreman said.", "said"),
    ("a day on a noun of no gathering names no occasion",
     "Crews cleared the Tuesday snowfall from the village roads. "
     "\"It was the heaviest in years,\" the foreman said.", "said"),
    ("'does say' is told to the reporter now, not at the dated forum",
     "The county sheriff took questions at a forum in the library on Wednesday. "
     "Sheriff Lena Ortiz does say the jail needs more guards.", "say"),
    ("a clause of time that is a plan ('as she prepares') does not date the saying",
     "Road crews will patch the bridge deck on Tuesday. As she prepares to join the crews on Tuesday, "
     "Mayor Ida Brandt said: \"We have waited long enough for this.\"", "said"),
    ("a day of someone else's act is no talk of the speaker's",
     "The boiler of the Birch Street tower broke down on Wednesday. "
     "Councilwoman Ada Reyes said the landlord must fix it.", "said"),
    ("a day of what the sentence before reports is no day of the speaker's talk",
     "Councilwoman Ada Reyes told reporters the boiler broke down on Wednesday. "
     "Reyes said the landlord must fix it.", "said"),
    ("a talk far back is no occasion of a quote to the reporter",
     "Councilwoman Ada Reyes spoke to the tenants in 2019. "
     "Reyes said the landlord must fix the boiler.", "said"),
    ("a dated act that is no talk tells no occasion of the quotes after it",
     "Councilwoman Ada Reyes toured the Birch Street tower on Wednesday. "
     "Reyes said the landlord must fix the boiler.", "said"),
]


@pytest.mark.parametrize(("why", "text", "word"), QUOTES_OF_THE_REPORT_DAY, ids=[q[0] for q in QUOTES_OF_THE_REPORT_DAY])
def test_a_quote_with_no_gathering_or_dated_report_of_its_own_stays_on_the_report_day(why, text, word):
    assert events_of(text)[word].date_value == "2024-03-08", why


def test_an_act_inside_the_reported_clause_keeps_its_date():
    # the arrest is what the police report: Monday is its own day
    assert events_of("Police said the man was arrested Monday.")["arrested"].date_value == "2024-03-04"


def test_an_offence_a_plea_answers_for_keeps_a_day_of_its_own():
    events = events_of("A bookkeeper was convicted on Tuesday of a robbery on June 3, 2022.")
    assert events["robbery"].date_value == "2022-06-03"


def test_an_offence_someone_is_accused_of_takes_no_day_when_the_story_gives_two():
    # two fatal shootings on two days: which one the accusation names is not said
    events = events_of("Police are looking into Saturday's fatal shooting in Dover and Monday's fatal shooting "
                       "in Kent. A teenager stands accused of killing a cab driver.")
    assert events["killing"].date_value is None


def test_an_offence_someone_is_accused_of_takes_no_day_of_another_kind_of_offence():
    # a robbery's day is not the day of a killing
    # (read without the article's non-event filters: a crime named only by an accusation leaves the
    # list, non_events.is_a_crime_named_by_a_charge, and its day is the grammar's all the same)
    text = "Deputies arrested a man after Friday's robbery of a gas station. He is also accused of killing a clerk."
    result = read_article(Article(id="t", text=text, published=PUBLISHED), parse(text), Stages.load(), learned_filter=False)
    events = {e.trigger.text: e for e in result.events}
    assert events["killing"].date_value is None


# --- acts told as background (dating.borrows_no_day): what the rules must leave alone ------------


def test_a_past_perfect_inside_the_episode_keeps_its_day():
    # the past perfect of an episode told after its day keeps that day (the report's is refused)
    events = events_of("Police arrested two men on Monday. They had been shot, the doctor said.")
    assert events["shot"].date_value == "2024-03-04"


def test_a_future_act_keeps_a_day_of_its_own():
    # (a present "is to meet" is a step set, no event since stop 46: the plain present of a date set
    # is kept as a verb)
    events = events_of("The mayor meets union leaders next Tuesday.")
    assert events["meets"].date_value == "2024-03-12"


def test_a_present_perfect_with_no_episode_before_it_stays_on_the_report_day():
    # (hired, not approved, since stop 46: a decision takes no report's day, dating.decided_before_the_report)
    events = events_of("The council has hired a new clerk.")
    assert events["hired"].date_value == "2024-03-08"
    assert events["hired"].date_inherited


def test_a_relative_clause_with_its_own_date_keeps_it():
    events = events_of("A jury convicted Dan Webb on Tuesday. Webb, who shot a neighbour in 2019, showed no emotion.")
    assert events["shot"].date_value == "2019"
    assert events["convicted"].date_value == "2024-03-05"


def test_a_present_perfect_under_the_story_timestamp_keeps_that_day():
    # the carried day is the report's own: the present perfect reaches it
    events = events_of("Friday 8 March 2024 06:10 GMT. A climber has fallen to his death in the Alps.")
    assert events["fallen"].date_value == "2024-03-08T06:10"


def test_a_relative_clause_of_the_same_episode_keeps_its_day():
    # (a rule taking the date of every relative clause on someone was tried and not kept)
    events = events_of("A van hit a cyclist on Tuesday. The van, which then fled, was found later.")
    assert events["fled"].date_value == "2024-03-05"


def test_an_act_after_a_gerund_or_a_stretch_keeps_the_report_day():
    # "after meeting ..." and "after several hours" tell the same occasion, not another happening
    events = events_of("After meeting with the families, the governor visited the hospital.")
    assert events["visited"].date_value == "2024-03-08"
    events = events_of("After several hours, the jury convicted the man.")
    assert events["convicted"].date_value == "2024-03-08"


def test_an_act_after_a_dated_happening_keeps_the_date():
    events = events_of("Police arrested two men after a brawl on Monday.")
    assert events["arrested"].date_value == "2024-03-04"


def test_a_finite_charge_with_no_day_stays_on_the_report_day():
    # only a participle describing someone names a standing; a charge told as an act is the day's
    events = events_of("Detectives charged a nurse from Leeds with stealing drugs from a clinic.")
    assert events["charged"].date_value == "2024-03-08"


def test_later_that_day_is_the_day_the_story_is_at():
    # not a distance from another happening: the same day as the sentence before
    events = events_of("On Monday police questioned two men about the fire. Later that day both were arrested.")
    assert events["arrested"].date_value == "2024-03-04"


# --- the steps of one case (dating.dated_by_another_step): what the rule must leave alone --------


def test_a_plea_and_its_sentence_share_a_day():
    # a plea and the sentence that follows it are often told as one day's hearing
    events = events_of("Jane Cole pleaded guilty on Tuesday and was sentenced to eighteen months.")
    assert events["pleaded"].date_value == "2024-03-05"
    assert events["sentenced"].date_value == "2024-03-05"


def test_an_arrest_may_fall_on_the_day_of_the_offence():
    events = events_of("On Monday a man robbed a pharmacy in Leeds and was arrested by officers nearby.")
    assert events["arrested"].date_value == "2024-03-04"


def test_an_offence_with_its_own_date_keeps_it_beside_a_court_step():
    events = events_of("A judge on Tuesday jailed Tom Reed, who stabbed his neighbour in June 2022.")
    assert events["stabbed"].date_value == "2022-06"


# --- a lead the body retells (dating.lead_acts_dated_by_the_body): what it must leave alone ------


def test_a_lead_retold_on_two_different_days_keeps_the_report_day():
    # two arrests on two days: the lead's is neither for certain
    events = events_of("Two brothers have been arrested in Bradford. Police arrested the elder on Monday "
                       "and arrested the younger on Wednesday.")
    assert events["arrested"].date_value == "2024-03-08"


def test_a_lead_episode_takes_no_day_from_a_statement():
    # the body's first dated sentence is a saying: when it was said, not the day of the lead's act
    events = events_of("A delivery truck crashed on an icy ramp near Castleford. A trooper said on Tuesday "
                       "that the road had not been gritted.")
    assert events["crashed"].date_value == "2024-03-08"


def test_a_lead_episode_dated_on_two_days_keeps_the_report_day():
    # the first dated sentence gives two acts on two days: the lead's occasion is neither for certain
    events = events_of("A delivery truck crashed on an icy ramp near Castleford. Police arrested one driver on "
                       "Monday and arrested the other on Wednesday.")
    assert events["crashed"].date_value == "2024-03-08"


def test_a_lead_is_not_dated_by_a_later_plan():
    events = events_of("A seamstress has been charged with arson in Bradford. She will be charged with burglary on Monday.")
    assert events["charged"].date_value == "2024-03-08"


# --- a year far back carried (dating.carried_from_far_back): what it must leave alone -------------


def test_a_main_clause_in_the_simple_past_goes_on_in_a_year_far_back():
    events = events_of("The dispute over the quarry began in 2019. The council rejected the plan.")
    assert events["rejected"].date_value == "2019"


def test_a_month_just_before_the_report_is_still_carried():
    # February ended days before this report of 8 March: the story's own time, not background
    events = events_of("The dispute over the quarry began in February. Residents have attended meetings with the council.")
    assert events["meetings"].date_value == "2024-02"


# --- acts done at the story's gathering (dating.done_at_the_occasion): what it must leave alone -----


def test_a_perfect_after_a_gathering_is_not_dated_by_it():
    # "have rejected": done by now, on a day the text does not say is the meeting's
    events = events_of("The village board met Tuesday night to weigh the new budget. "
                       "Trustees have rejected a road contract that was signed in 2019.")
    assert events["rejected"].date_value != "2024-03-05TNI"


def test_an_act_dated_by_a_year_of_its_own_sentence_after_a_gathering_keeps_it():
    # "Ten years ago" is said in the act's own sentence: the flood is of that year, not the meeting's
    events = events_of("The village board met Tuesday night to weigh the new budget. "
                       "Ten years ago, a storm flooded the village hall and destroyed its records.")
    assert events["destroyed"].date_value == "2014"


def test_the_next_meeting_is_not_the_gathering_the_story_told():
    for other in ("the next meeting", "a meeting with the union"):
        events = events_of("The village board met Tuesday night to weigh the new budget. Fees rose in 2022, the "
                           f"clerk said. Trustees then spent an hour in closed session before {other}.")
        # (the next meeting is still to come: no event at all, docs/judging.md)
        assert "meeting" not in events or events["meeting"].date_value != "2024-03-05TNI"


def test_an_event_of_the_kind_told_with_a_year_far_back_keeps_it():
    # the murder is the April 2022 shooting told again in other words
    events = events_of("A jury on Tuesday convicted a man charged in an April 2022 shooting at a law firm. "
                       "The murder of a clerk in the lobby stunned the city.")
    assert events["murder"].date_value == "2022-04"


def test_a_verdict_found_is_a_court_step_and_takes_no_day_of_the_offence():
    # "found guilty of murder" is the verdict (a court step), never on the day of the 2022 shooting
    events = events_of("A jury on Tuesday convicted a man charged in an April 2022 shooting at a law firm. "
                       "He was found guilty of murder in the slaying of a clerk.")
    assert events["found"].type == "JUSTICE" and events["found"].date_value != "2022-04"
    assert "murder" not in events  # the offence the verdict answers for, not an act of its own


def test_a_quote_with_a_date_of_its_own_is_dated_by_the_words_of_its_telling():
    # the quoted words name a Friday; the report of them names the session they were said at
    said = events_of('"The roads will be open by Friday," the mayor said during Tuesday\'s session.')["said"]
    assert said.date_start == date(2024, 3, 5) and not said.date_inherited  # the Tuesday before the report


# --- "<amount> later/earlier": counted from the date told before (time.date_after_a_told_date) ---


@pytest.mark.parametrize("text, word, value", [
    # a year told, two years later: the year two years on, not the year told nor the report's
    ("Ana Ruiz came to Spain from Lima in 2011, but her visa request was refused three years later.",
     "refused", "2014"),
    # a day told in the sentence before, two days later: that day two days on
    ("The plant opened on March 3, 2015. Two days later a fire destroyed its roof.", "destroyed", "2015-03-05"),
    # "earlier" counts back from the year told (the tagger's "amount earlier" already reads it
    # from the narrative's date: the rule must leave it so)
    ("The club was founded in 1990. Five years earlier, its owner had bought the land.", "bought", "1985"),
])
def test_a_distance_later_counts_from_the_date_told_before(text, word, value):
    assert events_of(text)[word].date_value == value


def test_a_distance_with_no_later_or_earlier_moves_no_date():
    from dateline.time import date_after_a_told_date, tag_timexes

    # "two years on the project" is how long she worked, not when
    text = "Mia Holt joined the firm in 2015 and worked two years on the bridge project."
    doc = parse(text)
    timexes = tag_timexes(text, PUBLISHED, doc)
    told = next(t for t in timexes if t.value == "2015")
    distance = next(t for t in timexes if t.type == "DURATION")
    assert date_after_a_told_date(doc, distance, told) is None
    # ... and "two years on," is a distance from 2015
    text = "Mia Holt joined the firm in 2015. Two years on, she ran it."
    doc = parse(text)
    timexes = tag_timexes(text, PUBLISHED, doc)
    told = next(t for t in timexes if t.value == "2015")
    distance = next(t for t in timexes if t.type == "DURATION")
    assert date_after_a_told_date(doc, distance, told).value == "2017"


def test_a_year_long_past_in_a_relative_clause_is_no_time_of_the_story():
    # the barn burned in 2019, background to who she is; her demand is on the report's day
    events = events_of("Ann Lowe, whose barn burned down in 2019, spoke to the council. She demanded a new fire station.")
    assert events["demanded"].date_value == "2024-03-08"


def test_a_stretch_within_a_day_keeps_the_day_the_story_is_at():
    # "for two hours" says how long, not that the fight was on some earlier day
    events = events_of("Rebels attacked a convoy on Tuesday. Soldiers fought them for two hours.")
    assert events["fought"].date_value == "2024-03-05"


def test_a_gerund_after_after_tells_one_occasion_and_keeps_its_day():
    # "after meeting friends on Tuesday": no clause of its own, the meeting keeps Tuesday
    events = events_of("After meeting friends on Tuesday, the pilot took off.")
    assert events["meeting"].date_value == "2024-03-05"


def test_a_day_inside_the_month_an_event_was_first_told_in_stays():
    # "the June 2021 murder", then its day, June 3: the murder told again is on June 3, not all June
    text = ("Police still seek the killer in the June 2021 murder of a shop owner. On June 3, 2021, a customer "
            "found the owner dead behind the counter. Around the time of the murder, a neighbour heard shots.")
    result = read_article(Article(id="t", text=text, published=PUBLISHED), parse(text), Stages.load())
    murders = [e for e in result.events if e.trigger.text == "murder"]
    assert murders[-1].date_value == "2021-06-03"


def test_days_counted_with_no_end_or_start_keep_the_day_of_the_clause():
    # "two days of talks left no deal on Tuesday": the count says how long, not the days it ran
    events = events_of("Two days of talks left no deal on Tuesday.")
    assert events["talks"].date_value == "2024-03-05"


def test_an_act_reported_in_the_present_after_a_gatherings_lead_is_not_put_at_the_gathering():
    # "the mayor says": told to the reporter now; the rejection is on no day the text gives
    events = events_of("The village board met Tuesday night to weigh the new budget. Fees rose in 2022, the clerk "
                       "said. The mayor says that trustees rejected a road contract.")
    assert events["rejected"].date_value is None


def test_a_year_on_a_noun_names_no_occasion_for_the_act_in_its_clause():
    # "a 2019 ordinance": the ordinance's vintage, not the day of the act its clause tells
    events = events_of("Commissioners repealed a 2019 ordinance that banned fireworks.")
    assert events["banned"].date_value != "2019"



def test_an_act_told_in_the_present_or_future_is_no_part_of_the_dated_occasion():
    # the landslide was on Sunday, the road is blocked now; the schools close after the blizzard
    events = events_of("Rescuers returned to the site of the Sunday landslide, which still blocks the valley road.")
    assert events["blocks"].date_value == "2024-03-08"
    events = events_of("Crews worked through the Tuesday blizzard, which will close schools again.")
    # (a closing told with "will" is still to come: no event at all, docs/judging.md)
    assert "close" not in events or events["close"].date_value != "2024-03-05"


def test_a_perfect_progressive_runs_from_an_unsaid_day_and_takes_no_report_day():
    # "have been searching": since some day the text does not give, not on the report's day
    events = events_of("The dealer fled the county last June before officers raided his farm. "
                       "Police have been searching for his partner.")
    assert events["searching"].date_value is None


def test_an_act_going_on_keeps_a_carried_time_the_report_day_lies_in():
    # "this month" holds the report's day (Friday 8 March): the inquiry goes on in it, as carried
    events = events_of("Deputies made forty arrests for drunk driving this month. "
                       "Detectives are investigating two thefts from parked cars.")
    assert events["investigating"].date_value == "2024-03"


def test_an_act_going_on_takes_the_report_day_over_a_carried_day_before_it():
    # the body was found on Tuesday (5 March); the inquiry is going on as the report is written (Friday)
    events = events_of("Hikers found a body in a ravine near Alton on Tuesday. State police are searching the "
                       "woods for clues.")
    assert events["searching"].date_value == "2024-03-08"


def test_a_simple_past_in_what_is_told_keeps_the_day_of_the_telling():
    # "arrested" in the simple past is no perfect: the arrest is of the day the deputies told of it
    events = events_of("Deputies said Tuesday that they arrested a teenager for the robbery of a pharmacy in Elm Park.")
    assert events["arrested"].date_value == "2024-03-05"


def test_a_perfect_written_with_a_typographic_apostrophe_is_a_perfect():
    # "we’ve" is "we have": the talks are done by now, not on the Thursday of the telling
    events = events_of("“We’ve negotiated a contract with the city,” the firm’s founder said on Thursday.")
    assert events["negotiated"].date_value is None


def test_a_relative_clause_on_people_the_story_brings_in_keeps_the_day_of_its_episode():
    # "two men who robbed a bank": the clause tells who the police arrested, on the day told
    events = events_of("Police on Tuesday arrested two men who robbed a bank in Dover.")
    assert events["robbed"].date_value == "2024-03-05"


def test_a_vague_time_in_what_a_statement_reports_leaves_the_statement_its_day():
    # "recently" is when the pipe burst, not when the mayor spoke: the statement keeps the report's day
    events = events_of("The mayor said that a water pipe burst recently under Main Street.")
    assert events["said"].date_value == "2024-03-08"


def test_a_statement_placed_against_a_dated_happening_keeps_that_day():
    # the vote is dated (Tuesday): the admission after it takes its day, not none
    events = events_of("After the council vote on Tuesday, the treasurer admitted that the pension fund was short.")
    assert events["admitted"].date_value == "2024-03-05"


def dates_of_every(word: str, text: str) -> list:
    """The dates of every event told by ``word``, in the order of the text (``events_of`` keeps the first)."""
    result = read_article(Article(id="t", text=text, published=PUBLISHED), parse(text), Stages.load())
    return [e.date_value for e in sorted(result.events, key=lambda e: e.trigger.start) if e.trigger.text == word]


def test_two_happenings_of_one_kind_in_different_places_keep_their_own_days():
    # the guards were killed in Leeds on Monday; the clerk in York, told on Wednesday: another killing
    killings = dates_of_every("killed", "Two guards were killed at a bank in Leeds on Monday. Police in York said on "
                              "Wednesday that a clerk was found dead at a post office. The clerk was killed in York by a robber.")
    assert killings[0] == "2024-03-04"
    assert killings[1] != "2024-03-04"


def test_two_happenings_of_one_kind_done_to_different_people_keep_their_own_days():
    # Ann Cole was arrested on Monday; Tom Reed's arrest is another one, told in the spring
    arrests = dates_of_every("arrested", "Ann Cole was arrested on Monday. In the spring, police had searched for "
                             "Tom Reed, who was arrested by the county sheriff.")
    assert arrests[0] == "2024-03-04"
    assert arrests[1] != "2024-03-04"


def test_an_act_told_in_the_future_takes_no_day_of_an_earlier_telling():
    # the arrest on Monday is done; the one the police plan is after the report, on no day given
    events = events_of("Police arrested a man in Hull on Monday. Detectives will arrest his brother in Hull, they said.")
    arrests = [e for e in events.values() if e.trigger.text == "arrest"]
    # (an arrest told with "will" is still to come: no event at all, docs/judging.md)
    assert all(arrest.date_value != "2024-03-04" for arrest in arrests)


def _said_after(text: str):
    """The reporting verb of the last sentence and the start of the day told in the one before."""
    from dateline.events.dating import goes_on_from_the_speakers_dated_act

    doc = parse(text)
    sentences = list(doc.sents)
    verb = next(t for t in sentences[-1] if t.lemma_ == "say")
    day = next(t for t in sentences[-2] if t.text in {"Thursday", "Wednesday"})
    return goes_on_from_the_speakers_dated_act(verb, day.idx)


def test_a_pronoun_speaker_goes_on_with_the_dated_talk_of_the_one_named_before():
    # (a statement by a bare pronoun is no event of the pipeline's, so the rule is asked alone)
    assert _said_after("A clerk answered a call at the bakery on Thursday morning. "
                       "She said the owner was away in Denver.")


def test_a_pronoun_speaker_does_not_go_on_with_a_dated_act_that_is_no_talk():
    assert not _said_after("A clerk locked the bakery on Thursday morning. She said the owner was away in Denver.")


def test_an_act_with_no_adverb_of_an_earlier_step_keeps_the_carried_day():
    # (a sued, not a charged: an agentless charge in the simple past takes no carried day at all since stop 42,
    # dating.charged_in_the_simple_past)
    events = events_of("A roofer was hurt in a fall at a Dover warehouse on Monday. His employer was sued for negligence.")
    assert events["sued"].date_value == "2024-03-04"


def test_a_decision_with_a_day_of_its_own_keeps_it_in_a_story_of_a_gathering():
    events = events_of("The village board met Tuesday night at the town hall. "
                       "Trustees approved the sale of the old depot on Monday.")
    assert events["approved"].date_value == "2024-03-04"


def test_a_future_year_in_a_story_of_no_gathering_is_left_to_the_other_rules():
    events = events_of("A late frost hurt the orchards on Tuesday. Growers approved the sale of the old depot in 2027.")
    assert events["approved"].date_value == "2027"


def test_a_sentence_that_sums_up_with_no_verb_of_happening_dates_nothing():
    events = events_of("A clerk was beaten and robbed at a gas station in Milford. The robber fled on foot. "
                       "The incident was reported about 2 a.m. Sunday by a driver.")
    assert events["fled"].date_value == "2024-03-08"


def test_a_quote_right_after_the_same_speakers_quote_dated_by_the_story_goes_on_with_it():
    # the first quote is dated by the talk the sentence before tells (goes_on_from_the_speakers_dated_act),
    # the second, two sentences after the talk, by the first (statements_dated_by_the_speakers_report)
    text = ("Senator Mark Boyd spoke to the farm lobby on Wednesday. Boyd said the budget asks too much of growers. "
            "Boyd said the plan would close rural clinics.")
    result = read_article(Article(id="t", text=text, published=PUBLISHED), parse(text), Stages.load())
    said = [e for e in result.events if e.trigger.text == "said"]
    assert [e.date_value for e in said] == ["2024-03-06", "2024-03-06"]


def test_a_quote_two_sentences_after_a_quote_dated_by_the_story_stays_on_the_report_day():
    text = ("Senator Mark Boyd spoke to the farm lobby on Wednesday. Boyd said the budget asks too much of growers. "
            "The lobby has four thousand members. Boyd said the plan would close rural clinics.")
    result = read_article(Article(id="t", text=text, published=PUBLISHED), parse(text), Stages.load())
    said = [e for e in result.events if e.trigger.text == "said"]
    assert said[-1].date_value == "2024-03-08"


def test_years_joined_or_listed_date_the_act_over_their_stretch():
    # "in 2007 and 2008", "in 1994, 1996 and 2001": the act spans the years named, not the first alone;
    # a list that "and" does not close ("in 1994, 1996") keeps the first year
    events = events_of("The league fined the club in 2007 and 2008.")
    assert (events["fined"].date_value, events["fined"].date_start, events["fined"].date_end) == (
        "2007/2008", date(2007, 1, 1), date(2008, 12, 31))
    assert events_of("Voters turned down school levies in 1994, 1996 and 2001.")["turned down"].date_value == "1994/2001"
    assert events_of("Crews repaired the bridge Monday, Tuesday and Wednesday.")["repaired"].date_value == (
        "2024-03-04/2024-03-06")


def test_a_span_of_years_on_a_noun_is_the_things_period_not_the_acts_date():
    # "the proposed 2016-17 budget", "the 2016-17 and 2017-18 seasons": a span of years counted as a
    # number of a noun names the budget's period; the act told of it is not dated by it (a meeting's day
    # or the report's stays), while a span in a phrase of its own ("in 1971-72") dates the act
    events = events_of("The council passed its proposed 2016-17 budget late on Monday night.")
    assert events["passed"].date_value == "2024-03-04TNI"
    assert events_of("The league cut $2 million from the 2016-17 and 2017-18 seasons.")["cut"].date_value == "2024-03-08"
    assert events_of("The county bought the farm in 1971-72 for a park.")["bought"].date_value == "1971/1972"
