"""Kinds of act local news tells every day, typed by the cue tables (stop 43 coverage), on
sentences written for these tests: each with a near-miss that must not take the type."""

from __future__ import annotations

from tests.helpers import events_of


def kinds(text: str) -> dict[str, str]:
    return {e.trigger.text: e.type for e in events_of(text)}


def test_a_strike_of_workers_is_a_protest_and_an_air_strike_is_not():
    assert kinds("Cafeteria workers went on strike at the university on Monday.").get("went") == "PROTEST"
    assert kinds("The transit strike in the city ended after eleven days.").get("strike") == "PROTEST"
    assert "PROTEST" not in kinds("A missile strike hit the fuel depot overnight.").values()


def test_an_office_given_and_jobs_cut_are_personnel():
    assert kinds("The township board appointed him as zoning clerk in April.").get("appointed") == "PERSONNEL"
    assert kinds("The cannery laid off sixty workers last week.").get("laid off") == "PERSONNEL"
    assert "PERSONNEL" not in kinds("The judge appointed a lawyer for the two brothers.").values()


def test_court_steps_bond_and_damages():
    assert kinds("Bond for the roofer was set at five thousand dollars.").get("Bond") == "JUSTICE"
    assert kinds("A jury awarded the widow three million dollars on Thursday.").get("awarded") == "JUSTICE"
    assert "JUSTICE" not in kinds("The garden club awarded a ribbon to the best roses.").values()


def test_a_permit_granted_is_decided_and_a_sum_granted_is_not():
    assert kinds("The county granted the quarry a permit for a second pit.").get("granted") == "AGREE"
    assert "AGREE" not in kinds("The trust granted the choir a sum for new robes.").values()


def test_a_business_closed_by_inspectors_is_coerced_and_by_its_owner_not():
    assert kinds("Health inspectors closed the noodle shop on Tuesday.").get("closed") == "COERCE"
    assert "COERCE" not in kinds("Its owner closed the noodle shop on Tuesday after forty years.").values()


def test_what_is_repaired_says_whether_it_is_transport():
    assert kinds("Plumbers repaired the boiler of the town pool last week.").get("repaired") == "OCCURRENCE"
    assert kinds("Crews repaired the bridge over the creek last week.").get("repaired") == "TRANSPORT"
