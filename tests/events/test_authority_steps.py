"""The authority that tells of its own step is its doer (events/authority_steps.yaml), on
sentences written for these tests: every example of the table is run."""

from __future__ import annotations

import pytest
import yaml

from dateline.events import extract_events
from dateline.events.authority_steps import TABLE_PATH, is_agentless_passive, load_bodies
from dateline.model import Article
from dateline.nlp import parse

EXAMPLES = yaml.safe_load(TABLE_PATH.read_text(encoding="utf-8"))["examples"]


def doer_of(text: str, word: str) -> str | None:
    events = extract_events(Article(id="t", text=text), parse(text), [], [], [], [])
    event = next(e for e in events if e.trigger.text == word)
    return event.source_actor.text if event.source_actor is not None else None


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_the_speaking_body_is_the_doer_only_of_its_own_step(example):
    assert doer_of(example["text"], example["step"]) == example["doer"]


def test_the_table_shows_steps_given_and_kept_without_doer():
    # both kinds of example are there: bodies taking their step, and speakers who took none
    assert any(e["doer"] for e in EXAMPLES) and any(e["doer"] is None for e in EXAMPLES)


def test_every_body_takes_some_step():
    assert all(body.names and body.steps for body in load_bodies())


def test_a_step_told_with_its_by_agent_is_not_agentless():
    doc = parse("The driver was arrested by state troopers on Monday.")
    assert not is_agentless_passive(next(t for t in doc if t.text == "arrested"))
    doc = parse("The driver was arrested on Monday.")
    assert is_agentless_passive(next(t for t in doc if t.text == "arrested"))
