"""An act still placeless after every other rule is where the nearest earlier act of its kind placed by
its own words is, however far back (events.placing.acts_placed_by_an_earlier_act_of_the_kind,
placing.yaml: earlier_of_the_kind): hand-made articles."""

from __future__ import annotations


def test_a_story_comes_back_to_its_happening_after_a_paragraph(readings_at):
    text = ("A masked man robbed a bank on Main Street in Dover on Monday afternoon. The branch opened in "
            "1962 and employs nine tellers. Its manager said the staff were shaken. Customers were sent "
            "home early. The bank will reopen on Thursday. The man robbed the bank with a toy gun before "
            "he fled on a bicycle.")
    later = readings_at(text, "robbed")[-1]
    assert "Dover" in [p.span.text for p in later.event.places]
    assert later.place_passes == ("an earlier act of the kind",)


def test_an_act_of_the_kind_on_another_day_and_a_statement_keep_no_place(readings_at):
    text = ("Two trucks collided on a bridge near Salem on Wednesday morning. One driver, 58, has hauled "
            "milk for the dairy since 1990. His wife said he loved the early routes. The dairy thanked "
            "the firefighters. Classes at the nearby school started late. Two buses collided there in 2011, "
            "a teacher said.")
    assert readings_at(text, "collided")[-1].event.places == ()
    assert all(r.event.places == () for r in readings_at(text, "said"))
