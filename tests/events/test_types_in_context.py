"""Types a cue's sentence gives it (issue 11): a raid that is an arrest operation, a pledge that is a
promise; on sentences written for these tests."""

from __future__ import annotations

from dateline.events import extract_events
from dateline.model import Article
from dateline.nlp import parse


def kinds(text: str) -> dict[str, str]:
    return {e.trigger.text: e.type for e in extract_events(Article(id="t", text=text), parse(text), [], [], [], [])}


def test_a_police_raid_is_an_arrest_operation_not_an_armed_clash():
    assert kinds("Detectives raided two flats above the bakery on Tuesday.").get("raided") == "COERCE"
    assert kinds("A police raid on the warehouse found forty stolen bicycles.").get("raid") == "COERCE"


def test_a_raid_told_with_an_arrest_is_an_arrest_operation_unless_it_kills():
    # ``told_with`` of the raid cues
    assert kinds("The clerk was caught after a raid on her flat last spring.").get("raid") == "COERCE"
    assert kinds("Troops raided the farm at dawn and detained the two brothers.").get("raided") == "COERCE"
    assert kinds("Soldiers raided the village and killed four men.").get("raided") == "ASSAULT"
    assert kinds("Security forces raided a militant hideout in the province.").get("raided") == "ASSAULT"


def test_a_pledge_to_do_something_is_a_statement_of_intent_not_aid():
    # ``intent_type`` of pledge
    assert kinds("The new mayor pledged to clean up the riverside parks.").get("pledged") == "STATEMENT"
    assert kinds("Donors pledged $1 billion for reconstruction.").get("pledged") == "AID"


def test_demanding_cash_from_a_clerk_is_a_robbery_not_a_request():
    assert kinds("A masked man walked into the pharmacy and demanded cash from the clerk.").get("demanded") == "CRIME"
    assert kinds("Protesters demanded the release of the detainees.").get("demanded") == "REQUEST"


def test_agreeing_that_something_is_so_is_a_view_agreeing_what_will_be_done_an_agreement():
    # ``fact_type`` of agree, and a content clause of what anyone will do keeps the agreement
    assert kinds("Both trustees agreed that the delays at the depot had lasted too long.").get("agreed") == "STATEMENT"
    assert kinds("The two sides agreed that the truce would begin at dawn.").get("agreed") == "AGREE"
    assert kinds("The rebels agreed to withdraw from the town.").get("agreed") == "AGREE"


def test_an_order_told_with_a_case_at_law_is_a_ruling_not_a_request():
    # ``told_with`` of the order cues: a judge's order in a lawsuit is a legal step
    assert kinds("In issuing her order, Judge Kerr cited the testimony of two nurses.").get("order") == "JUSTICE"
    assert kinds("The judge's order, which followed a two-day hearing, forces the company to pay the plaintiff.").get("order") == "JUSTICE"
    assert kinds("The mayor issued an order closing the markets.").get("order") == "REQUEST"


def test_an_official_signing_a_bill_decides_it_as_a_vote_would():
    assert kinds("The president has signed legislation to raise the minimum wage.").get("signed") == "AGREE"
    assert kinds("Hundreds of parents signed a letter about the bus timetable.").get("signed") != "AGREE"


def test_a_scathing_indictment_is_a_criticism_not_a_charge():
    assert kinds("The sharpest indictment of the new levy came from a farmers' union.").get("indictment") == "ACCUSE"
    assert kinds("The indictment names six officers.").get("indictment") == "JUSTICE"
