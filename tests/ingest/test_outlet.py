"""Outlets: metadata first, else the credit lines outlets write, else the URL's host."""

from __future__ import annotations

import pytest

from dateline.ingest.outlet import detect_outlet, outlet_from_text, outlet_rules


@pytest.mark.parametrize("rule", outlet_rules(), ids=lambda r: r.id)
def test_rule_examples(rule):
    text = f"Some story about the war.\n\n{rule.example}" if rule.where == "closing" else f"{rule.example}\n\nMore text."
    found = outlet_from_text(text)
    assert found is not None and found.name == rule.outlet and found.source == f"text:{rule.id}"


def test_metadata_beats_text_and_url_comes_last():
    text = "A story.\n\nCNN's Jane Roe contributed to this report."
    assert detect_outlet(text, "Agence France-Presse").name == "Agence France-Presse"
    assert detect_outlet(text, None, "https://example.org/x").name == "CNN"
    assert detect_outlet("A story with no credit.", None, "https://www.kabulherald.example.org/a").name == "kabulherald.example.org"
    assert detect_outlet("A story with no credit.") is None


def test_a_name_in_the_middle_of_the_story_is_not_a_credit():
    text = "Follow the money, investigators said.\n\nThe inquiry continues.\n\nMore later."
    assert outlet_from_text(text) is None
