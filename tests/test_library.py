"""The library is the product, the CLI a thin layer over it: a Python script and the command line
do the same work through the same facade and give the same records; records have one schema
that pydantic (and so the API) can read and write back."""

from __future__ import annotations

from datetime import date

import pytest
from typer.testing import CliRunner

import dateline
from dateline.cli import app
from dateline.serialise import event_row, from_json, json_schema, to_json, to_jsonl

REPORT = (
    "date 2024-03-12\n"
    "Militants attacked a police post in the town of Bannu on Monday, killing three officers, "
    "a police spokesman said. The army said on Tuesday it had arrested 12 suspects.\n"
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "bannu.txt").write_text(REPORT, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def script_store(corpus, tmp_path_factory):
    store = dateline.open_store(str(tmp_path_factory.mktemp("script") / "script.db"))
    store.ingest([str(corpus)])
    store.extract()
    yield store
    store.close()


def test_a_script_and_the_command_line_give_the_same_records(corpus, script_store, tmp_path):
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", "--db", db, str(corpus)]).exit_code == 0
    assert runner.invoke(app, ["extract", "--db", db]).exit_code == 0
    printed = runner.invoke(app, ["events", "--db", db, "--format", "jsonl"])
    assert printed.exit_code == 0
    assert printed.stdout == to_jsonl(script_store.events())


def test_the_facade_answers_what_a_reader_sees_in_the_text(script_store):
    attacks = script_store.events(type="ASSAULT")
    assert attacks, "the attack on the police post"
    attack = attacks[0]
    assert attack.date_value == "2024-03-11"  # "on Monday" in a Tuesday 12 March report
    assert "Bannu" in {p.span.text for p in attack.places}
    assert any(q.value == 3 and q.category == "fatalities" for e in attacks for q in e.quantities)
    assert attack.attribution is not None and "spokesman" in attack.attribution.source
    arrest = script_store.events(type="COERCE")
    assert arrest and arrest[0].date_value == "2024-03-12" and "army" in arrest[0].source_actor.text
    assert script_store.events(type="ASSAULT", since=date(2024, 3, 12)) == []
    in_bannu = [e for e in attacks if "Bannu" in {p.span.text for p in e.places}]
    assert attack in in_bannu
    assert script_store.events(type="ASSAULT", country="PK") == in_bannu  # Bannu is in Pakistan
    assert script_store.events(type="ASSAULT", country="AF") == []
    assert script_store.events(type="ASSAULT", bbox=(70.0, 32.0, 71.5, 33.5)) == in_bannu  # a box around Bannu
    assert script_store.events(type="ASSAULT", bbox=(60.0, 30.0, 65.0, 31.0)) == []
    assert script_store.count_events(type="ASSAULT") == len(attacks)
    assert script_store.event(attack.id) == attack


def test_records_have_one_schema_that_round_trips(script_store):
    schema = json_schema(dateline.Event)
    assert "date_value" in schema["properties"]
    assert set(schema["$defs"]["Place"]["properties"]["resolution"]["enum"]) == {"gazetteer", "contained-in",
                                                                                  "unresolved"}
    for event in script_store.events():
        assert from_json(dateline.Event, to_json(event)) == event
        assert event_row(event)["sentence"] == event.sentence.text


def test_bad_filter_values_are_one_clear_error(script_store):
    with pytest.raises(dateline.FilterError, match="limit"):
        script_store.events(limit=-1)
    with pytest.raises(dateline.FilterError, match="at most"):
        script_store.events(actor="x" * 5000)
    with pytest.raises(dateline.FilterError, match="bbox"):
        script_store.events(bbox=(0, 10, 5, -10))


def test_a_reading_command_never_writes_a_store(tmp_path):
    missing = tmp_path / "nothing-here.db"
    result = CliRunner().invoke(app, ["events", "--db", str(missing)])
    assert result.exit_code == 2 and "no store" in result.output
    assert not missing.exists()
