"""Rules of news English the tagger follows, each checked on sentences a reader can date by hand.

Each test states the fact it checks; every sentence is made up for the test, none is taken
from the evaluation corpora.
"""

from __future__ import annotations

from datetime import date

from dateline.time import tag_timexes


def _found(text: str, dct: date) -> dict[str, tuple[str, str]]:
    return {t.span.text: (t.type, t.value) for t in tag_timexes(text, dct)}


def test_an_ed_adjective_after_a_determiner_is_no_past_tense():
    # in a report dated 1989-10-26, a payment that "would be paid ... in January" is the coming
    # January (1990): "unspecified" after "a still" describes the date, it is no past verb
    dct = date(1989, 10, 26)
    text = "The dividend would be paid on a still unspecified date in January."
    assert _found(text, dct)["January"] == ("DATE", "1990-01")
    text = "The bank will sell the troubled unit in January."
    assert _found(text, dct)["January"] == ("DATE", "1990-01")
    # a real past verb still looks back
    assert _found("The bank sold the unit in January.", dct)["January"] == ("DATE", "1989-01")
