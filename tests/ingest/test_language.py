"""The language of an article: every example of languages.yaml, and the rule that a declared
language gives way to a text surely in another one."""

from __future__ import annotations

import pytest
import yaml

from dateline.ingest.language import WORDS_PATH, detect_language

EXAMPLES = yaml.safe_load(WORDS_PATH.read_text(encoding="utf-8"))["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e["text"][:30])
def test_examples(example):
    assert detect_language(example["text"]).code == example["language"]


def test_a_feed_that_says_english_does_not_make_arabic_english():
    arabic = next(e["text"] for e in EXAMPLES if e["language"] == "ar")
    assert detect_language(arabic, declared="en-US").code == "ar"


def test_a_declared_language_stands_when_the_text_is_too_short_to_tell():
    assert detect_language("Kabul 12", declared="fr-FR") == detect_language("Kabul 12", declared="fr")
    assert detect_language("Kabul 12", declared="fr").code == "fr"
