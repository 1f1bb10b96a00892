"""Every rule table reads as the words written in it: YAML 1.1 turns a bare on, off, yes or no
into a boolean, so "on" once vanished from a list of prepositions and "no" from a list of
Spanish words. A table that mixes words with booleans has such a word unquoted."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

TABLES = sorted((Path(__file__).parents[1] / "src" / "dateline").rglob("*.yaml"))


def _booleans_among_words(node, path: str = ""):
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, bool):
                yield f"{path}.{key} (a key)"
            yield from _booleans_among_words(value, f"{path}.{key}")
    elif isinstance(node, list):
        if any(isinstance(v, str) for v in node) and any(isinstance(v, bool) for v in node):
            yield path
        for n, value in enumerate(node):
            yield from _booleans_among_words(value, f"{path}[{n}]")


def test_the_tables_are_found():
    assert len(TABLES) >= 10


@pytest.mark.parametrize("table", TABLES, ids=lambda p: p.name)
def test_no_word_of_a_table_is_read_as_a_boolean(table: Path):
    assert list(_booleans_among_words(yaml.safe_load(table.read_text(encoding="utf-8")))) == []


def test_the_check_finds_a_bare_on():
    assert list(_booleans_among_words(yaml.safe_load("preps: [in, on, at]"))) == [".preps"]
    assert list(_booleans_among_words(yaml.safe_load('preps: [in, "on", at]'))) == []
