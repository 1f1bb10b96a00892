"""People and forces on the move, and the injured taken to hospital (issue 11), on sentences
written for these tests."""

from __future__ import annotations

from dateline.eval.args import load_mapping
from dateline.events import extract_events
from dateline.model import Article
from dateline.nlp import parse


def kinds(text: str) -> dict[str, str]:
    return {e.trigger.text: e.type for e in extract_events(Article(id="t", text=text), parse(text), [], [], [], [])}


def test_going_somewhere_is_movement_and_civilians_on_the_move_are_displaced():
    assert kinds("A convoy of buses moved toward the southern border.").get("moved") == "MOVEMENT"
    assert kinds("Several hundred villagers crossed into the next district on foot.").get("crossed") == "DISPLACEMENT"
    assert kinds("The two prisoners were transferred to a jail in the north.").get("transferred") == "MOVEMENT"
    assert "MOVEMENT" not in kinds("The vote was moved to Tuesday.").values()
    assert "MOVEMENT" not in kinds("The bank transferred the money to a new account.").values()


def test_the_injured_taken_to_hospital_is_a_medical_step():
    found = kinds("Six of the injured were taken to hospital after the blast.")
    assert found.get("taken") == "HUMANITARIAN"
    assert load_mapping().family_of("HUMANITARIAN", "take") == "Medical"
    assert load_mapping().family_of("MOVEMENT", "move") == "Movement"
    assert "HUMANITARIAN" not in kinds("The envoy took the proposal to the cabinet.").values()
