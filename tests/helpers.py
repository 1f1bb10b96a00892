"""Helpers more than one test module needs (tests are not a package: import as
``from tests.helpers import ...``, which the rootdir on sys.path allows)."""

from __future__ import annotations

import psutil


def pool_worker_processes() -> list[psutil.Process]:
    """This process's worker processes: children started by multiprocessing's spawn, not its
    resource tracker."""
    found = []
    for child in psutil.Process().children(recursive=True):
        try:
            command = " ".join(child.cmdline())
        except psutil.NoSuchProcess:
            continue
        if "spawn_main" in command and "resource_tracker" not in command:
            found.append(child)
    return found


def listed_ids(store, **filters) -> list[str]:
    """The events a store lists for a filter, checked against the API's page, which reads their
    ids alone (an ``ids_only`` select, from the kept pairs' index where they hold the filter)
    and then their kept documents: the same events in the same order."""
    import json

    from dateline.store import EventFilter

    query = EventFilter(**filters)
    listed = [event.id for event in store.events(query)]
    assert [json.loads(d)["id"] for d in store.event_page_documents(query).documents] == listed, filters
    return listed


def events_of(text: str) -> list:
    """The events the event stage alone reads in ``text`` (parsed here; no time, place or entity
    records given; without the article's non-event filters, which leave the grammar's reading as
    it is), as the events tests that check one construction read them."""
    from dateline.events import extract_events
    from dateline.model import Article
    from dateline.nlp import parse

    return extract_events(Article(id="t", text=text), parse(text), [], [], [], [], learned_filter=False)


def event_at(text: str, word: str):
    """The event of ``events_of(text)`` whose trigger is ``word`` (StopIteration when none is)."""
    return next(e for e in events_of(text) if e.trigger.text == word)


def lexicon_block(name: str) -> dict | list:
    """One block of the event lexicon (events/event_types.yaml) as written, its words, examples and
    counter-examples, for the tests that run a table's examples and check the reader loads it."""
    import yaml  # noqa: PLC0415

    from dateline.events.triggers import LEXICON_PATH  # noqa: PLC0415

    return yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8"))[name]


def subjects_at(sentence: str, verb: str) -> list[str]:
    """The words ``arguments.subjects_of`` gives the first token ``verb`` of a parsed sentence."""
    from dateline.events.arguments import subjects_of  # noqa: PLC0415
    from dateline.nlp import parse  # noqa: PLC0415

    subjects, _ = subjects_of(next(t for t in parse(sentence) if t.text == verb))
    return [t.text for t in subjects]
