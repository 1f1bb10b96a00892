"""An act still placeless after every other rule is where the town, county or state its sentence
names before a body's word is (events.placing.acts_placed_by_a_bodys_town, placing.yaml:
bodys_town): hand-made articles."""

from __future__ import annotations


def test_a_states_lawmakers_act_in_their_state(readings_at):
    read = readings_at("Most bills stalled this spring. Kansas lawmakers approved a school budget on Friday "
                    "after a long debate.", "approved")[0]
    assert [p.span.text for p in read.event.places] == ["Kansas"]
    assert read.place_passes == ("a body's town named with it",)


def test_a_bond_set_with_an_arraignment_at_a_county_jail_is_there_not_at_a_later_court(readings_at):
    text = "Ann Cole was arraigned at the Lake County Jail on Monday, with her bond set at $2,500."
    # the county of the jail, named alone or with the jail (the recogniser may take "Lake County Jail" whole)
    assert [p.span.text for p in readings_at(text, "bond")[0].event.places] in (["Lake County"], ["Lake County Jail"])
    later = "Ann Cole's bond was set at $2,500, and she will appear on Monday in Lake County Court."
    assert readings_at(later, "bond")[0].event.places == ()


def test_a_statement_and_a_persons_home_town_keep_no_place(readings_at):
    said = readings_at("Most bills stalled this spring. Kansas lawmakers said on Friday that the school budget "
                    "was too small.", "said")[0]
    assert said.event.places == ()
    shot = readings_at("Burglars have struck three homes this month. A Dover resident shot one of the burglars "
                    "on Sunday.", "shot")[0]
    assert shot.event.places == ()
