"""The judged precision of the end-to-end check: extracted events against a reader's list of
event occurrences (phrase, possible trigger words, accepted types), not against the gold events."""

from __future__ import annotations

from dateline.eval.events_e2e import JUDGEMENTS_PATH, judge_occurrences
from dateline.model import Event, Span

TEXT = "Rebels shelled the town on Monday. The army said it shelled nothing. Talks resumed."
ENTRIES = [
    {"at": "Rebels shelled the town", "words": ["shelled"], "types": ["ASSAULT"]},
    {"at": "Talks resumed", "words": ["talks", "resumed"], "types": ["CONSULT"]},
]


def event_on(word: str, kind: str, nth: int = 0) -> Event:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return Event(id=word, article_id="a", type=kind, trigger=Span(start, start + len(word), word),
                 sentence=Span(0, len(TEXT), TEXT))


def test_an_event_is_real_only_at_a_listed_occurrence_and_typed_as_the_reader_accepts():
    events = [
        event_on("shelled", "ASSAULT"),  # listed, right type
        event_on("shelled", "ASSAULT", nth=1),  # the same word elsewhere: the reader listed no event there
        event_on("Talks", "SUPPORT"),  # listed, wrong type
    ]
    judged = judge_occurrences(TEXT, events, ENTRIES)
    assert (judged["extracted"], judged["real"], judged["type_right"]) == (3, 2, 1)
    assert (judged["listed"], judged["listed_found"]) == (2, 2)
    assert [e["trigger"] for e in judged["not_real"]] == ["shelled"]


def test_every_listed_phrase_is_in_its_seed_article(seeds_dir):
    import yaml

    judgements = yaml.safe_load(JUDGEMENTS_PATH.read_text(encoding="utf-8"))
    for name, entries in judgements.items():
        text = (seeds_dir / name).read_text(encoding="utf-8")
        for entry in entries:
            assert text.count(entry["at"]) == 1, (name, entry["at"])
            assert entry["words"] and entry["types"]
