"""A bare past participle of an act (no auxiliary, no subject of its own) hung on a noun or a clause
names a done act to say who or what someone or something is: it takes no report's day
(dating.a_bare_past_participle, event_date._a_bare_past_participle). Hand-made sentences."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.model import Article
from dateline.nlp import parse
from dateline.pipeline import Stages, explain_article

PUBLISHED = date(2024, 3, 8)  # a Friday


@pytest.fixture(scope="module")
def stages() -> Stages:
    return Stages.load()


def event(text: str, word: str, stages: Stages):
    found = [r for r in explain_article(Article(id="t", text=text, published=PUBLISHED), parse(text), stages)
             if r.event.trigger.text == word]
    assert found, f"no event for {word!r}"
    return found[0]


def test_a_participle_on_a_noun_takes_no_report_day(stages):
    # the burglars were sentenced some day before the report; the sentence does not say which
    reading = event("Two burglars sentenced by a county judge will serve their terms in Salem, the sheriff said.",
                    "sentenced", stages)
    assert reading.event.date_value is None
    assert "a bare past participle -> none" in reading.date.rules


def test_the_same_act_told_by_a_main_clause_keeps_the_report_day(stages):
    # near miss: a finite simple past in the news of the day keeps the report's day
    reading = event("A county judge sentenced two burglars, the sheriff said.", "sentenced", stages)
    assert reading.event.date_value == "2024-03-08"


def test_a_participle_with_its_own_day_keeps_it(stages):
    # near miss: the participle's own time dates it
    reading = event("Two burglars sentenced on Tuesday by a county judge will serve their terms in Salem.",
                    "sentenced", stages)
    assert reading.event.date_value == "2024-03-05"
