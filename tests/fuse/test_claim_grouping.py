"""Which figures of one article are compared: hand-made sentences of our own, whose claims are
written by hand (what is counted, by whom, with the words that give the figure)."""

from __future__ import annotations

from datetime import date

from dateline.fuse.claims import group_claims, measure_modifiers
from dateline.fuse.events import fuse_events
from dateline.model import Claim, Span


def claim(text: str, words: str, value: float, about: str, unit: str, by: str, article: str = "n1",
          qualifier: str | None = None, event_id: str | None = None) -> Claim:
    start = text.index(words)
    return Claim(about=about, value=value, unit=unit, by=by, span=Span(start, start + len(words), words),
                 article_id=article, qualifier=qualifier, event_id=event_id)


CASES = ("Health officials counted 48 confirmed cases in the province, while a local doctor spoke of "
         "70 suspected cases and two new cases.")


def test_the_words_that_narrow_a_count_are_its_modifiers():
    assert measure_modifiers(claim(CASES, "48 confirmed cases", 48, "cases", "cases", "Health officials")) == (
        "confirmed",)
    assert measure_modifiers(claim(CASES, "two new cases", 2, "cases", "cases", "a local doctor")) == ("new",)
    assert measure_modifiers(claim("Some 300 cases were counted.", "Some 300 cases", 300, "cases", "cases", "x",
                                   qualifier="some")) == ()


def test_confirmed_and_suspected_cases_are_not_one_measure():
    claims = [claim(CASES, "48 confirmed cases", 48, "cases", "cases", "Health officials", event_id="e1"),
              claim(CASES, "70 suspected cases", 70, "cases", "cases", "a local doctor", event_id="e1"),
              claim(CASES, "two new cases", 2, "cases", "cases", "a local doctor", event_id="e1")]
    assert group_claims(claims, [], {}) == []


def test_two_sources_giving_confirmed_cases_differently_are_a_contradiction():
    text = ("The ministry reported 48 confirmed cases on Friday; the regional office put the number at "
            "55 confirmed cases.")
    claims = [claim(text, "48 confirmed cases", 48, "cases", "cases", "The ministry", event_id="e2"),
              claim(text, "55 confirmed cases", 55, "cases", "cases", "the regional office", event_id="e2")]
    groups = group_claims(claims, [], {})
    assert len(groups) == 1 and groups[0].contradiction
    assert {side.value for side in groups[0].sides} == {48, 55}


def test_generic_figures_tied_to_no_event_are_not_compared():
    text = "Nearly 95 percent of the samples were clean, the lab said; the clinic reported 25 percent more visits."
    claims = [claim(text, "95 percent", 95, "percent", "percent", "the lab"),
              claim(text, "25 percent", 25, "percent", "percent", "the clinic")]
    assert group_claims(claims, [], {}) == []


def test_a_measure_that_names_what_it_counts_is_compared_across_articles():
    one = "The rebels said they now hold more than 40 villages in the valley."
    two = "Army officers said the rebels hold about 15 villages in the valley."
    claims = [claim(one, "more than 40 villages", 40, "villages held by the rebels", "villages", "The rebels", "v1",
                    qualifier="more than"),
              claim(two, "about 15 villages", 15, "villages held by the rebels", "villages", "Army officers", "v2",
                    qualifier="about")]
    groups = group_claims(claims, [], {})
    assert len(groups) == 1 and groups[0].contradiction


def test_deaths_in_two_towns_of_one_article_are_not_compared(handmade):
    text = ("Gunmen attacked a police checkpoint in Mosul on Tuesday, killing 4 people, the ministry said, "
            "and a bomb exploded in Basra on Tuesday, killing 9 people, police said.")
    tuesday = date(2024, 2, 13)
    mosul = handmade.report("t1", text, "attacked", tuesday, "Mosul")
    basra = handmade.report("t1", text, "exploded", tuesday, "Basra")
    fused = fuse_events([mosul, basra], {})
    claims = [claim(text, "4 people", 4, "people died", "people", "the ministry", "t1", event_id=mosul.id),
              claim(text, "9 people", 9, "people died", "people", "police", "t1", event_id=basra.id)]
    assert len(fused) == 2
    assert group_claims(claims, fused, {}) == []


def test_deaths_in_one_town_given_by_two_sources_are_compared(handmade):
    text = ("Gunmen attacked a police checkpoint in Mosul on Tuesday, killing 4 people, the ministry said; "
            "a hospital in Mosul said the attack killed 7 people.")
    tuesday = date(2024, 2, 13)
    attack = handmade.report("t2", text, "attacked", tuesday, "Mosul")
    fused = fuse_events([attack], {})
    claims = [claim(text, "4 people", 4, "people died", "people", "the ministry", "t2", event_id=attack.id),
              claim(text, "7 people", 7, "people died", "people", "a hospital in Mosul", "t2", event_id=attack.id)]
    groups = group_claims(claims, fused, {})
    assert len(groups) == 1 and groups[0].contradiction


def test_figures_of_one_event_in_different_units_are_not_compared(handmade):
    from dataclasses import replace

    from dateline.model import Quantity

    one = "Troops seized 12 rifles near Kirkuk on Monday, the army said."
    two = "Troops seized 400 rounds of ammunition near Kirkuk on Monday, a police officer said."
    monday = handmade.MONDAY
    first = handmade.report("s1", one, "seized", monday, "Kirkuk", event_type="SEIZE")
    second = handmade.report("s2", two, "seized", monday, "Kirkuk", event_type="SEIZE")
    first = replace(first, quantities=(Quantity(12, "rifles", handmade.span(one, "12 rifles"), category="equipment"),))
    second = replace(second, quantities=(Quantity(400, "rounds of ammunition", handmade.span(two, "400 rounds of ammunition"),
                                                  category="equipment"),))
    fused = fuse_events([first, second], {})
    assert len(fused) == 1 and fused[0].sources == 2
    assert group_claims([], fused, {}) == []
