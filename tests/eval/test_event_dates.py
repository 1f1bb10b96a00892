"""The date gold's scoring rules (src/dateline/eval/event_dates.py), on hand-written values."""

from datetime import date

from dateline.eval.event_dates import GOLD, date_right, error_lines, read_gold, source_of, stretch
from dateline.model import Event, Span


def test_calendar_values_are_read_as_stretches_of_days():
    assert stretch("2009-03-21T01:40") == (date(2009, 3, 21), date(2009, 3, 21))
    assert stretch("2008-02") == (date(2008, 2, 1), date(2008, 2, 29))  # a leap year
    assert stretch("2009-W12") == (date(2009, 3, 16), date(2009, 3, 22))
    assert stretch("2009-W12-WE") == (date(2009, 3, 21), date(2009, 3, 22))  # "over the weekend"
    assert stretch("P5Y/2009-03-25") == (date(2004, 3, 25), date(2009, 3, 25))  # "in the past five years"
    assert stretch("197X") == (date(1970, 1, 1), date(1979, 12, 31))
    assert stretch("19XX") == (date(1900, 1, 1), date(1999, 12, 31))
    assert stretch("2009-WI") == (date(2009, 12, 1), date(2010, 2, 28))
    assert stretch("2005-06/2008-10") == (date(2005, 6, 1), date(2008, 10, 31))
    assert stretch("PAST_REF") is None


def test_a_day_where_the_text_gives_a_month_is_wrong_and_the_reverse_too():
    assert date_right("2009-02", "2009-02")
    assert not date_right("2009-02", "2009-02-25")
    assert not date_right("2009-02-25", "2009-02")
    assert date_right("2009-02|2009-02-25", "2009-02-25")


def test_a_stored_range_is_compared_rather_than_the_value():
    assert date_right("2009-03-30/2009-04-05", "P1W", date(2009, 3, 30), date(2009, 4, 5))


def test_no_day_given_is_right_only_for_a_record_with_no_date():
    assert date_right("before-report", None)
    assert not date_right("before-report", "2009-03-28")  # the report's day is a day the text does not give
    assert date_right("1999|before-report", "1999")
    assert date_right("after-report", None)


def _event(date_value, span=None, inherited=False):
    return Event(id="e", article_id="a", type="ASSAULT", trigger=Span(50, 55, "x"), sentence=Span(40, 90, "y"),
                 date_value=date_value, date_span=span, date_inherited=inherited)


def test_the_source_of_a_date_is_where_its_words_are():
    assert source_of(_event("2009-03-21", Span(60, 68, "Saturday"))) == "own sentence"
    assert source_of(_event("2009-03-21", Span(10, 18, "Saturday"))) == "carried"
    assert source_of(_event("2009-03-28", None, inherited=True)) == "publication day"
    assert source_of(_event(None)) == "no date"


def test_the_gold_is_split_once_and_every_row_has_a_value():
    rows = read_gold(GOLD)
    assert {r["seed"] for r in rows if r["part"] == "check"} == {"20261209", "20261210"}
    assert {r["seed"] for r in rows if r["part"] == "fresh"} == {"20261213", "20261215", "20261218", "20261232", "20261233", "20261251", "20261252"}  # samples J, L, O, AC, AD, AV and AW (N became tuning at stop 26, P at stop 28, Q at stop 29, R at stop 30, S at stop 31, T at stop 32, U, V and W at stop 33, X and Y at stop 34, Z and AA at stop 35, AB at stop 36, AE and AF at stop 37, AG and AH at stop 38, AI at stop 39, AJ at stop 40, AK at stop 41, AL at stop 42, AM at stop 43, AN at stop 44, AO at stop 45, AP at stop 46, AQ at stop 47, AR at stop 48, AS at stop 49, AT at stop 50, AU at stop 51)
    assert all(r["gold"] for r in rows)
    for row in rows:
        for alternative in row["gold"].split("|"):
            # (a value no calendar holds, PAST_REF or PRESENT_REF, is compared as written, and so is a listed
            # value judged right that stretch() does not read, such as a month-long span 'P1M/2009-03-15')
            assert alternative in {"before-report", "after-report", "undated", "PAST_REF", "PRESENT_REF"} \
                or stretch(alternative) or (row["date_ok"] == "Y" and alternative == row["listed"]), row
    # where the reader judged the listed date right, it is the gold
    assert all(r["gold"].split("|")[0] == r["listed"].replace(" (inherited)", "")
               for r in rows if r["date_ok"] == "Y" and r["listed"] != "-")


def test_errors_lists_the_wrong_dates_of_one_part():
    wrong = {"seed": "1", "docid": "7", "trigger_start": "120", "trigger": "arrested", "kind": "act",
             "gold": "before-report", "date": "2009-03-20", "source": "carried", "note": "an arrest before the trial"}
    result = {"tuning": {"wrong": [wrong]}, "check": {"wrong": []}}
    assert error_lines(result, "tuning") == [
        "1\t7\t120\tarrested\tact\tbefore-report\t2009-03-20\tcarried\tan arrest before the trial"]
    assert error_lines(result, "check") == []
