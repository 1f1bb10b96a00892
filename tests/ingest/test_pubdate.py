"""Publication dates: header, metadata, inference from the text, or honestly none."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.ingest.pubdate import infer_publication_date, parse_date_value, read_header, vocabulary

TODAY = date(2024, 1, 1)


@pytest.mark.parametrize("example", vocabulary()["examples"], ids=lambda e: e["why"][:40])
def test_vocabulary_examples(example):
    found = infer_publication_date(example["text"], today=TODAY)
    expected = date.fromisoformat(example["published"]) if example["published"] else None
    assert found.value == expected


def test_weekday_agreement_raises_confidence():
    agrees = infer_publication_date("Officials met on Tuesday. (Statement, July 6, 2021)", today=TODAY)
    silent = infer_publication_date("Officials met. (Statement, July 6, 2021)", today=TODAY)
    disagrees = infer_publication_date("Officials met on Friday. (Statement, July 6, 2021)", today=TODAY)
    assert agrees.value == silent.value == disagrees.value == date(2021, 7, 6)
    assert agrees.confidence > silent.confidence > disagrees.confidence > 0


def test_latest_past_date_wins():
    text = "The deal signed on 29 February 2020 set a deadline. On 1 May 2021 the withdrawal began. It ended on August 30, 2021."
    assert infer_publication_date(text, today=TODAY).value == date(2021, 8, 30)


def test_dates_after_today_are_never_publication_dates():
    text = "Officials said on 3 March 2023 that the census would run on 5 June 2030."
    assert infer_publication_date(text, today=TODAY).value == date(2023, 3, 3)


def test_no_date_means_undated_never_today():
    found = infer_publication_date("Residents said the road had been closed since last week.", today=TODAY)
    assert found.value is None and found.source == "none" and found.confidence == 0.0


def test_impossible_dates_are_ignored():
    assert infer_publication_date("It happened on February 30, 2021.", today=TODAY).value is None


def test_header_line():
    header = read_header(" date 2021-09-04 \n\n\nTwo flights left.")
    assert header.value == date(2021, 9, 4) and header.rest.strip() == "Two flights left." and header.problem is None
    assert read_header("A date 2021-09-04 in a sentence.").value is None


def test_a_header_date_that_does_not_exist_is_a_problem_and_leaves_the_text():
    header = read_header(" date 2021-02-30 \nTwo flights left.")
    assert header.value is None and header.rest == "Two flights left."
    assert "2021-02-30 is not a calendar date" in header.problem


def test_a_header_date_far_in_the_future_is_a_problem():
    header = read_header(" date 2099-01-01 \nTwo flights left.", latest=date(2026, 12, 5))
    assert header.value is None and header.rest == "Two flights left." and "2099-01-01 is later than" in header.problem
    # within the margin (a time zone ahead, an embargoed copy) it is the date
    assert read_header(" date 2026-12-05 \nTwo flights left.", latest=date(2026, 12, 5)).value == date(2026, 12, 5)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("2021-07-06", date(2021, 7, 6)),
        ("2021-07-06T23:30:00-05:00", date(2021, 7, 6)),  # the outlet's own day, not UTC's
        ("Tue, 06 Jul 2021 14:00:00 GMT", date(2021, 7, 6)),
        ("6 July 2021", date(2021, 7, 6)),
        ("July 6, 2021", date(2021, 7, 6)),
        (1625529600, date(2021, 7, 6)),
        (1625529600000, date(2021, 7, 6)),
        ("1625529600", date(2021, 7, 6)),
        ("yesterday", None),  # relative words are no metadata date
        ("not a date", None),
        ("", None),
        (None, None),
    ],
)
def test_metadata_values(raw, expected):
    assert parse_date_value(raw) == expected
