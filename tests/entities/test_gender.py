"""The gender a name tells, for "he" and "she" to agree with (entities/gender.yaml)."""

from __future__ import annotations

import pytest
import yaml

from dateline.entities.gender import GENDER_PATH, disagrees, gender_of_name

EXAMPLES = yaml.safe_load(GENDER_PATH.read_text(encoding="utf-8"))["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["name"] for e in EXAMPLES])
def test_every_example_in_the_yaml(example):
    assert gender_of_name(example["name"]) == example["gender"]


def test_she_cannot_stand_for_a_man_named_by_his_title_outside_the_name():
    assert disagrees("she", "Okafor", word_before="Mr.")
    assert not disagrees("he", "Okafor", word_before="Mr.")


def test_an_unknown_gender_rules_nobody_out():
    assert not disagrees("she", "Gerry Holt")
    assert not disagrees("he", "Okafor")
