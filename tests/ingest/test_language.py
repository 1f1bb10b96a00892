from __future__ import annotations

import pytest
import yaml

from dateline.ingest.language import WORDS_PATH, guess_language


@pytest.mark.parametrize("example", yaml.safe_load(WORDS_PATH.read_text(encoding="utf-8"))["examples"], ids=str)
def test_examples(example):
    assert guess_language(example["text"]) == example["language"]
