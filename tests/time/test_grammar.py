"""Every example sentence in grammar.yaml is tagged as its rule says."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.time import tag_timexes
from dateline.time.grammar import rules

EXAMPLES = [(rule.name, example) for rule in rules() for example in rule.examples]


def test_every_rule_has_an_example():
    assert all(rule.examples for rule in rules())


@pytest.mark.parametrize("rule_name, example", EXAMPLES, ids=[f"{n}: {e['text'][:40]}" for n, e in EXAMPLES])
def test_grammar_example(rule_name, example):
    dct = example["dct"] if isinstance(example["dct"], date) else date.fromisoformat(str(example["dct"]))
    found = {t.span.text: t for t in tag_timexes(example["text"], dct)}
    assert example["timex"] in found, f"{rule_name}: {example['timex']!r} not tagged in {example['text']!r}: {list(found)}"
    timex = found[example["timex"]]
    assert timex.value == str(example["value"])
    if "mod" in example:
        assert timex.mod == example["mod"]
    if "range" in example:
        assert [timex.range_start, timex.range_end] == [
            d if isinstance(d, date) else date.fromisoformat(str(d)) for d in example["range"]
        ]
