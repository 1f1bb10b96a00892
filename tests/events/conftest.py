"""Fixtures of the event tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def the_date_rules_alone(monkeypatch):
    """The events as the date chain and the article's passes read them, without the learned last
    word on an act dated by default to the report's day (events/report_day.py): for the tests of the
    rules, whose hand-made stories are short and whose acts the model would often leave undated
    (tests/events/test_report_day.py tests the model)."""
    monkeypatch.setattr("dateline.events.acts_without_the_report_day", lambda events, *args, **kwargs: events)
