"""The seed articles end to end: every gold event comes out with the right date, places,
actors, quantities and attribution (the matching rule is dateline.eval.events_e2e's)."""

from __future__ import annotations

import pytest

from dateline.eval.events_e2e import evaluate_seed_gold

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def result(shared_dir):
    outcome = evaluate_seed_gold(shared_dir)
    missing = set(outcome["missing_stages"]) & {"time", "geo", "entities"}
    if missing:
        pytest.skip(f"stages not installed yet: {', '.join(sorted(missing))}")
    return outcome


def _gold_ids():
    import json
    import os
    from pathlib import Path

    shared = Path(os.environ.get("DATELINE_SHARED", Path(__file__).resolve().parents[3] / "shared"))
    gold = shared / "seeds" / "gold.json"
    if not gold.exists():
        return []
    return [e["id"] for d in json.loads(gold.read_text(encoding="utf-8"))["documents"] for e in d["events"]]


# Gold events whose aligned event (the one at the gold's own trigger, see events_e2e) misses a
# field: a known gap, not to be won back by rules written from the seed. strict: a fix shows.
KNOWN_GAPS = {
    "s0-khawak": "'<group> claimed to have fought <X> and surrounded <enemy> at <pass>': the 'fought' event "
                 "gets neither the claimant as its doer (a control verb's subject) nor the place and the "
                 "enemy, which hang on the second conjunct",
}


def _param(gold_id: str):
    if gold_id in KNOWN_GAPS:
        return pytest.param(gold_id, marks=pytest.mark.xfail(reason=KNOWN_GAPS[gold_id], strict=True))
    return gold_id


@pytest.mark.parametrize("gold_id", [_param(g) for g in _gold_ids()])
def test_gold_event_is_found_with_every_field(result, gold_id):
    entry = next(e for e in result["per_event"] if e["id"] == gold_id)
    wrong = [name for name, right in entry["fields"].items() if not right]
    assert entry["complete"], f"{gold_id} ({entry['what']}): wrong {wrong}; best match {entry['event']}"


def test_most_extracted_events_are_real(result):
    assert result["precision"] >= 0.8, result["not_real"]


def test_the_conflicting_district_counts_come_out_as_two_claims(result):
    assert result["conflicting_claims"] == {"gold": 1, "found": 1}


def test_most_extracted_events_are_occurrences_a_reader_listed_with_a_type_the_reader_accepts(result):
    judged = result["judged"]
    assert judged["precision"] >= 0.85, judged["not_real"]
    assert judged["type_accuracy"] >= 0.9, judged["mistyped"]
