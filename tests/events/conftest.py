"""Fixtures of the event tests."""

from __future__ import annotations

from datetime import date

import pytest

# the report's day of the hand-made articles read through readings_at
PUBLISHED = date(2024, 3, 8)


@pytest.fixture
def the_date_rules_alone(monkeypatch):
    """The events as the date chain and the article's passes read them, without the learned last
    word on an act dated by default to the report's day (events/report_day.py): for the tests of the
    rules, whose hand-made stories are short and whose acts the model would often leave undated
    (tests/events/test_report_day.py tests the model)."""
    monkeypatch.setattr("dateline.events.acts_without_the_report_day", lambda events, *args, **kwargs: events)


@pytest.fixture(scope="module")
def readings_at():
    """``read(text, word)``: the event readings (pipeline.explain_article) of a hand-made article
    published on PUBLISHED whose trigger is ``word``, in the order of the text (at least one)."""
    from dateline.model import Article
    from dateline.nlp import parse
    from dateline.pipeline import Stages, explain_article

    stages = Stages.load()

    def read(text: str, word: str) -> list:
        found = [r for r in explain_article(Article(id="t", text=text, published=PUBLISHED), parse(text), stages)
                 if r.event.trigger is not None and r.event.trigger.text == word]
        assert found, f"no event at {word!r}"
        return found

    return read
