"""Types read from what an act is done to (issue 11, task types38), on sentences written for
these tests."""

from __future__ import annotations

from tests.helpers import events_of


def kinds(text: str) -> dict[str, str]:
    return {e.trigger.text: e.type for e in events_of(text)}


def test_a_road_reopened_is_transport_a_shop_or_a_theatre_reopened_an_act_of_no_family():
    # reopen: its thing (object, passive or intransitive subject, "of" phrase) says its kind
    assert kinds("Crews reopened the highway after the wreck was cleared.").get("reopened") == "TRANSPORT"
    assert kinds("By noon, all four lanes of the bypass had reopened.").get("reopened") == "TRANSPORT"
    assert kinds("The northbound lane was reopened at dusk.").get("reopened") == "TRANSPORT"
    assert kinds("The bakery on Mill Street reopened two weeks after the inspection.").get("reopened") == "OCCURRENCE"
    assert kinds("Two brothers reopened the old cinema as a dance hall in 1994.").get("reopened") == "OCCURRENCE"
    assert kinds("Dozens of families came to the reopening of the village library.").get("reopening") == "OCCURRENCE"
    assert kinds("The reopening of the airport brought the first flights in a month.").get("reopening") == "TRANSPORT"


def test_a_train_derails_talks_derailed_are_stopped_no_hazard():
    assert kinds("A freight train derailed near the station.").get("derailed") == "HAZARD"
    assert kinds("The budget talks were derailed by a quarrel over the agenda.").get("derailed") == "OCCURRENCE"
