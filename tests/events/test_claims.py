"""Claims: who gives which figure for what, and when sources disagree."""

from __future__ import annotations

import pytest

from dateline.events.claims import claims_conflict, claims_in_sentence, conflicting_claims, find_conflicting_claims, load_cues
from dateline.model import Article, Claim, Span
from dateline.nlp import parse

CUES = load_cues().raw


def claims_in(text: str) -> list[Claim]:
    doc = parse(text)
    return [c for s in doc.sents for c in claims_in_sentence(s, doc, "a1")]


def claim(about="districts captured by the Taliban", value=200.0, by="Taliban", qualifier=None, article="a1", unit="districts"):
    return Claim(about=about, value=value, unit=unit, by=by, span=Span(0, 1, "x"), article_id=article, qualifier=qualifier)


def about_examples() -> list:
    groups = CUES["verb_classes"] + [CUES["neutral_example"], CUES["own_side_example"]]
    return [pytest.param(g["example"], g["expect"]["about"], id=g["example"][:40]) for g in groups]


@pytest.mark.parametrize("sentence, about", about_examples())
def test_every_example_in_the_yaml_says_what_the_figure_is_about(sentence, about):
    assert about in [c.about for c in claims_in(sentence)]


def test_seed_conflicting_district_counts_are_two_claims(seeds_dir, seed_gold):
    for document in seed_gold["documents"]:
        if not document.get("conflicting_claims"):
            continue
        text = (seeds_dir / document["file"]).read_text(encoding="utf-8")
        doc = parse(text)
        article = Article(id="seed", text=text)
        found = find_conflicting_claims([], article, doc)
        for gold in document["conflicting_claims"]:
            mine = [c for c in found if c.about == gold["about"]]
            assert len(mine) == len(gold["claims"]), found
            for expected, got in zip(gold["claims"], mine):
                assert expected["by"] in got.by
                assert (got.value, got.unit, got.qualifier) == (expected["value"], expected["unit"], expected["qualifier"])
                assert text[got.span.start : got.span.end] == got.span.text
                assert text[got.by_span.start : got.by_span.end] == got.by_span.text


def test_hand_made_article_with_two_disputes_and_an_agreement(fixtures_dir):
    text = (fixtures_dir / "events" / "claims_two_sources.txt").read_text(encoding="utf-8")
    doc = parse(text)
    found = find_conflicting_claims([], Article(id="f1", text=text), doc)
    villages = [(c.by, c.value) for c in found if c.about.startswith("villages captured")]
    assert villages == [("Northern Front", 60), ("army officials", 25)]
    # "about 3,000" and "about 3,100" families agree within the tolerance for estimates
    assert not [c for c in found if c.unit == "families"]
    # the army's own 14 villages are another thing: retaken, not captured
    assert not [c for c in found if c.value == 14]


def test_the_same_source_twice_is_an_update_not_a_conflict():
    assert not claims_conflict(claim(by="Taliban", value=200), claim(by="the Taliban", value=210))


def test_different_sources_different_figures_conflict():
    assert claims_conflict(claim(by="Taliban", value=200, qualifier="more than"), claim(by="Western officials", value=100, qualifier="more than"))


def test_equal_figures_agree_and_different_things_never_conflict():
    assert not claims_conflict(claim(by="A", value=100), claim(by="B", value=100))
    assert not claims_conflict(claim(by="A"), claim(by="B", value=5, about="provinces captured by the Taliban", unit="provinces"))


def test_across_articles_the_same_comparison_holds():
    assert claims_conflict(claim(by="Taliban", article="a1"), claim(by="Reuters", value=150, article="a2"))


def test_conflicting_claims_keeps_only_the_disputed_ones():
    claims = [claim(by="A", value=10), claim(by="B", value=20), claim(by="C", value=3, about="people killed", unit="people")]
    assert [c.by for c in conflicting_claims(claims)] == ["A", "B"]


def test_figures_nobody_asserts_are_not_claims():
    assert claims_in("More than 1,000 soldiers crossed the border on Sunday.") == []


def test_bad_input_gives_no_claims_and_no_crash():
    for text in ["", "42", "“”", "1. 2. 3.", "Killed 12 Wounded 30 Kunduz 3 5 Helmand 9 14", "said said said"]:
        doc = parse(text)
        assert find_conflicting_claims([], Article(id="b", text=text), doc) == []


def test_a_source_that_puts_the_toll_at_a_figure_disputes_the_figure_before():
    example = load_cues().raw["estimate_frames"]["example"]
    found = [(c.about, c.value, c.by) for c in claims_in(example)]
    assert found == [("civilians killed", 1582.0, "Officials"), ("civilians killed", 2000.0, "city council")]
    assert claims_conflict(*claims_in(example))
