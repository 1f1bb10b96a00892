"""Rules of news English the tagger follows, each checked on sentences a reader can date by hand.

Each test states the fact it checks; every sentence is made up for the test, none is taken
from the evaluation corpora.
"""

from __future__ import annotations

from datetime import date

from dateline.time import tag_timexes


def _found(text: str, dct: date) -> dict[str, tuple[str, str]]:
    return {t.span.text: (t.type, t.value) for t in tag_timexes(text, dct)}


def test_an_ed_adjective_after_a_determiner_is_no_past_tense():
    # in a report dated 1989-10-26, a payment that "would be paid ... in January" is the coming
    # January (1990): "unspecified" after "a still" describes the date, it is no past verb
    dct = date(1989, 10, 26)
    text = "The dividend would be paid on a still unspecified date in January."
    assert _found(text, dct)["January"] == ("DATE", "1990-01")
    text = "The bank will sell the troubled unit in January."
    assert _found(text, dct)["January"] == ("DATE", "1990-01")
    # a real past verb still looks back
    assert _found("The bank sold the unit in January.", dct)["January"] == ("DATE", "1989-01")


def test_a_named_holiday_is_its_calendar_day():
    # in a report dated 1998-03-11: Christmas ahead is 1998-12-25, the one past 1997-12-25;
    # Easter 1998 fell on April 12 and Thanksgiving 1997 (fourth Thursday of November) on Nov. 27
    dct = date(1998, 3, 11)
    assert _found("The troops will be home by Christmas.", dct)["Christmas"] == ("DATE", "1998-12-25")
    assert _found("He was freed last Christmas.", dct)["last Christmas"] == ("DATE", "1997-12-25")
    assert _found("Sales peaked before Thanksgiving 1997.", dct)["Thanksgiving 1997"] == ("DATE", "1997-11-27")
    assert _found("Stores will close on Good Friday.", dct)["Good Friday"] == ("DATE", "1998-04-10")
    assert _found("The strike began on Labor Day 1997.", dct)["Labor Day 1997"] == ("DATE", "1997-09-01")
    assert _found("The race is set for Memorial Day 1999.", dct)["Memorial Day 1999"] == ("DATE", "1999-05-31")
    assert _found("On New Year's Eve, crowds gathered.", dct)["New Year's Eve"] == ("DATE", "1997-12-31")
    # a holiday's name used for a thing or a name is no date
    assert _found("Christmas shopping was weak.", dct) == {}
    assert "Easter" not in " ".join(_found("The Easter Rising failed in 1916.", dct))


def test_a_half_of_a_year_named_relative_to_the_article_is_that_half():
    # in a report dated 1998-08-11: "the first half of this year" is 1998-H1 (January to June),
    # not the whole of 1998; "the second half of last year" is 1997-H2
    dct = date(1998, 8, 11)
    assert _found("Exports rose 12 percent in the first half of this year.", dct) == {
        "the first half of this year": ("DATE", "1998-H1")
    }
    assert _found("Sales fell in the second half of last year.", dct) == {"the second half of last year": ("DATE", "1997-H2")}
    assert _found("Growth will pick up in next year's second half.", dct) == {"next year's second half": ("DATE", "1999-H2")}


def test_a_date_set_or_slated_for_later_looks_ahead():
    # in a report dated Wednesday 1998-03-11: a vote "set for Nov. 3" is the coming Nov. 3
    # (1998), not the nearer one already past (1997); a launch "slated for Friday" is March 13
    dct = date(1998, 3, 11)
    assert _found("The vote is set for Nov. 3.", dct)["Nov. 3"] == ("DATE", "1998-11-03")
    assert _found("The launch is slated for Friday.", dct)["Friday"] == ("DATE", "1998-03-13")
    # told in the past, the plan is over by the time it is reported
    assert _found("The vote was set for Nov. 3 but was delayed.", dct)["Nov. 3"] == ("DATE", "1997-11-03")


def test_the_next_day_of_a_story_is_a_date_not_a_stretch_of_time():
    # after "arrested on March 3" (report of 1998-03-11), "the next day" is March 4 and "the
    # previous day" March 2: points of the story, while "the next two days" stays a duration
    dct = date(1998, 3, 11)
    assert _found("Police arrested him on March 3. He was released the next day.", dct)["the next day"] == ("DATE", "1998-03-04")
    assert _found("Police arrested him on March 3. The previous day, he robbed a bank.", dct)["The previous day"] == (
        "DATE",
        "1998-03-02",
    )
    assert _found("Aid will arrive in the next two days.", dct)["the next two days"] == ("DURATION", "P2D")


def test_a_counted_distance_moves_the_story_to_the_day_it_names():
    # March 3, then "two days later" (March 5): "that night" is the night of March 5
    dct = date(1998, 3, 11)
    text = "The climber was last seen on March 3. Two days later, a ranger found his tent. Searchers camped there that night."
    assert _found(text, dct)["that night"] == ("TIME", "1998-03-05TNI")


def test_the_past_before_a_count_of_periods_is_no_past_reference():
    # "the past three summers" names three summers, not "the past" (PAST_REF) and a stray rest;
    # "in the past" alone is still the vague past
    dct = date(1998, 3, 22)
    assert "the past" not in _found("Violence has flared for the past three summers.", dct)
    assert _found("In the past, such talks failed.", dct) == {"the past": ("DATE", "PAST_REF")}


def test_a_count_of_things_a_week_is_a_frequency_not_a_week_long_stretch():
    # "four flights a week" says how often flights go (SET P1W), not that something lasted a week
    dct = date(1998, 2, 13)
    assert _found("Qantas runs four flights a week to Bombay.", dct) == {"a week": ("SET", "P1W")}
    assert _found("Stores sell fifty thousand CDs a year.", dct) == {"a year": ("SET", "P1Y")}
    # a week spent somewhere is a duration
    assert _found("He spent a week in jail.", dct) == {"a week": ("DURATION", "P1W")}


def test_a_clock_time_takes_the_day_named_after_its_zone_conversion():
    # wire style, report dated Wednesday 1998-03-11: "at 10 a.m. EST (1500 GMT) Tuesday" is on
    # Tuesday March 10, both the local time and the GMT one
    dct = date(1998, 3, 11)
    found = _found("The blast occurred at 10 a.m. EST (1500 GMT) Tuesday.", dct)
    assert found["10 a.m. EST"] == ("TIME", "1998-03-10T10:00")
    assert found["1500 GMT"] == ("TIME", "1998-03-10T15:00")
    assert _found("The quake struck at 4:31 a.m. (1231 GMT) yesterday.", dct)["4:31 a.m."] == ("TIME", "1998-03-10T04:31")


def test_a_clock_time_range_takes_the_day_named_after_its_second_time():
    # report dated Wednesday 1998-03-11: "between 4:10 a.m. and 5 a.m. Sunday" is one span of
    # Sunday March 8; the first time is not read on the report's day
    dct = date(1998, 3, 11)
    found = _found("Guards found the two men between 4:10 a.m. and 5 a.m. Sunday near the gate.", dct)
    assert found["4:10 a.m."] == ("TIME", "1998-03-08T04:10")
    assert found["5 a.m. Sunday"] == ("TIME", "1998-03-08T05:00")
    assert _found("The office was open from 9 a.m. to 1 p.m. Monday.", dct)["9 a.m."] == ("TIME", "1998-03-09T09:00")


def test_a_clock_time_with_its_own_day_moves_the_story_to_that_day():
    # report dated Wednesday 1998-03-11: the siege began Friday morning, so the bare "3 p.m." of
    # the next sentence is Friday's afternoon, not the report's
    dct = date(1998, 3, 11)
    text = "The siege began at 8 a.m. Friday at a farmhouse. The last hostage walked out at 3 p.m."
    assert _found(text, dct)["3 p.m."] == ("TIME", "1998-03-06T15:00")
    # a bare clock time with no day told before stays on the report's day
    assert _found("The last hostage walked out at 3 p.m.", dct)["3 p.m."] == ("TIME", "1998-03-11T15:00")


def test_a_bare_clock_time_in_the_past_after_the_reports_day_is_of_the_storys_first_day():
    # report dated Tuesday 2024-03-12: the crash was Saturday night; the report's Tuesday is named for the
    # rider's condition, and the bare "10 p.m." told in the past goes back to Saturday
    dct = date(2024, 3, 12)
    text = ("A van hit a cyclist on Elm Street on Saturday night. The rider was listed in stable condition "
            "Tuesday morning. The crash happened just after 10 p.m.")
    assert _found(text, dct)["just after 10 p.m."] == ("TIME", "2024-03-09T22:00")
    # a time to come stays on the report's day
    text = "Deputies searched a house on Oak Road Sunday. A judge set bond Tuesday. Deputies will return at 6 p.m."
    assert _found(text, dct)["6 p.m."] == ("TIME", "2024-03-12T18:00")


def test_a_ceasefire_starting_on_a_weekday_looks_ahead():
    # reported on Saturday 2023-06-17: "starting on Sunday" is the next day, whatever the tense
    text = "They announced a 72-hour ceasefire starting on Sunday."
    sunday = [t for t in tag_timexes(text, date(2023, 6, 17)) if t.span.text == "Sunday"]
    assert [t.value for t in sunday] == ["2023-06-18"]
    past = [t.value for t in tag_timexes("Rebels attacked the town on Sunday.", date(2023, 6, 17))]
    assert past == ["2023-06-11"]


def test_two_years_joined_by_a_hyphen_are_one_span_of_years():
    # "in 1971-72", "the 2006-07 budget year", "from 1962-1969": one stretch from the first year's
    # start to the second's end; a year and month ("2009-03") and a phone number are no span
    dct = date(2009, 3, 20)
    timex = tag_timexes("The mill changed hands in 1971-72 and closed soon after.", dct)[0]
    assert (timex.span.text, timex.value) == ("1971-72", "1971/1972")
    assert (timex.range_start, timex.range_end) == (date(1971, 1, 1), date(1972, 12, 31))
    assert _found("She taught at the academy from 1962-1969.", dct)["1962-1969"] == ("DATE", "1962/1969")
    assert _found("The 1999-00 season ended early.", dct)["1999-00"] == ("DATE", "1999/2000")
    assert "2009-03" not in _found("Minutes of meeting 2009-03 were posted.", dct)
    assert not any("1991" in t for t in _found("Call 555-1991-92 for tickets.", dct))
