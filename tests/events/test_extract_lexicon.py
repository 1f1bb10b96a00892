"""Every cue in event_types.yaml fires on its own example sentence."""

from __future__ import annotations

import pytest

from dateline.events.triggers import find_triggers, load_lexicon
from dateline.nlp import parse

CUES = load_lexicon().all_cues()


@pytest.mark.parametrize("cue", CUES, ids=[f"{c.name}/{c.pos}/{c.type}" for c in CUES])
def test_cue_fires_on_its_example(cue):
    doc = parse(cue.example)
    fired = [t for s in doc.sents for t in find_triggers(s)]
    names = {(t.cue.lemma, t.cue.pos, t.cue.type) for t in fired}
    absorbed = {a.lemma_.lower() for t in fired for a in t.absorbed}
    assert (cue.lemma, cue.pos, cue.type) in names or cue.lemma in absorbed, (
        f"{cue.name!r} did not fire on {cue.example!r}; fired: {sorted(names)}"
    )


def test_every_type_is_described_and_used():
    lexicon = load_lexicon()
    used = {c.type for c in lexicon.all_cues()}
    plover = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
              "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
    assert plover <= set(lexicon.types)
    assert {"TRANSPORT", "HUMANITARIAN", "DISPLACEMENT"} <= used


def test_take_needs_over_and_capture_needs_territory():
    doc = parse("The minister took a decision. Troops captured the town. Police captured two suspects.")
    kinds = [(t.token.text, t.cue.type, t.cue.acled_subtype) for s in doc.sents for t in find_triggers(s)]
    assert ("took", "ASSAULT", "Non-state actor overtakes territory") not in kinds
    assert any(word == "captured" and subtype and "territory" in subtype for word, _, subtype in kinds)
    assert any(word == "captured" and kind == "COERCE" for word, kind, _ in kinds)


def test_what_takes_precedence_over_another_thing_takes_nothing_over():
    # the not_objects of "take over" in event_types.yaml
    doc = parse("The council said the safety of pupils had to take precedence over cost.")
    assert not [t for s in doc.sents for t in find_triggers(s) if t.cue.type == "ASSAULT"]
    doc = parse("Rebels took over the town hall on Monday.")
    assert [t for s in doc.sents for t in find_triggers(s) if t.cue.type == "ASSAULT"]


COUNTER = [c for c in CUES if c.counter_example]


@pytest.mark.parametrize("cue", COUNTER, ids=[f"{c.name}/{c.pos}/{c.type}" for c in COUNTER])
def test_cue_gives_no_event_of_its_type_on_its_counter_example(cue):
    from dateline.events import extract_events
    from dateline.model import Article

    article = Article(id="c1", text=cue.counter_example, published=None)
    events = extract_events(article, parse(cue.counter_example), [], [], [], [])
    wrong = [(e.trigger.text, e.type) for e in events if e.cue == cue.name and e.type == cue.type]
    assert not wrong, f"{cue.counter_example!r} gave {wrong}"


def test_what_was_demonstrated_was_shown_not_protested():
    # demonstrate's not_objects "<any>" in event_types.yaml: a passive has an object too
    for shown in ("The river's power was demonstrated by the spring flood.",
                  "Trade grew fast, as demonstrated by the new warehouses along the quay."):
        doc = parse(shown)
        assert not [t for s in doc.sents for t in find_triggers(s) if t.cue.type == "PROTEST"], shown
    doc = parse("Students demonstrated outside the university.")
    assert [t for s in doc.sents for t in find_triggers(s) if t.cue.type == "PROTEST"]
