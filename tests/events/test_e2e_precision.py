"""The judged precision of the end-to-end check: extracted events against a reader's list of
event occurrences (phrase, possible trigger words, accepted types), not against the gold events."""

from __future__ import annotations

from dateline.eval.events_e2e import JUDGEMENTS_PATH, TRIGGERS_PATH, align_gold_events, judge_occurrences
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


# --- alignment of gold events to extracted events ------------------------------------------------

STORY = ("Militia fighters stormed the depot at dawn. Guards said the militia stormed nothing else. "
         "Two ministers met in Tunis.")
STORY_ENTRIES = [
    {"at": "Militia fighters stormed the depot", "words": ["stormed"], "types": ["ASSAULT"]},
    {"at": "the militia stormed nothing", "words": ["stormed"], "types": ["ASSAULT"]},
    {"at": "Two ministers met in Tunis", "words": ["met"], "types": ["CONSULT"]},
]


def story_event(word: str, kind: str, nth: int = 0) -> Event:
    start = -1
    for _ in range(nth + 1):
        start = STORY.index(word, start + 1)
    return Event(id=f"{word}{nth}", article_id="a", type=kind, trigger=Span(start, start + len(word), word),
                 sentence=Span(0, len(STORY), STORY))


def test_a_gold_event_is_aligned_to_the_event_at_its_phrase_not_to_another_with_the_same_word():
    elsewhere, at_phrase = story_event("stormed", "ASSAULT", nth=1), story_event("stormed", "ASSAULT")
    aligned = align_gold_events(STORY, [elsewhere, at_phrase], {"raid": ["Militia fighters stormed the depot"]},
                                STORY_ENTRIES)
    assert aligned["raid"][0] is at_phrase


def test_an_extracted_event_serves_one_gold_event_only():
    only = story_event("stormed", "ASSAULT")
    phrases = {"raid": ["Militia fighters stormed the depot"], "raid-again": ["Militia fighters stormed the depot"]}
    aligned = align_gold_events(STORY, [only], phrases, STORY_ENTRIES)
    assert aligned["raid"][0] is only and aligned["raid-again"][0] is None


def test_among_events_at_the_phrase_the_accepted_type_wins_and_otherwise_the_wrong_type_is_judged():
    mistyped, typed = story_event("met", "ASSAULT"), story_event("met", "CONSULT")
    assert align_gold_events(STORY, [mistyped, typed], {"talks": ["Two ministers met in Tunis"]},
                             STORY_ENTRIES)["talks"] == (typed, {"CONSULT"})
    aligned, accepted = align_gold_events(STORY, [mistyped], {"talks": ["Two ministers met in Tunis"]},
                                          STORY_ENTRIES)["talks"]
    assert aligned is mistyped and aligned.type not in accepted


def test_a_gold_event_with_no_event_at_its_phrase_is_not_aligned_even_if_the_article_has_others():
    aligned = align_gold_events(STORY, [story_event("stormed", "ASSAULT")], {"talks": ["Two ministers met in Tunis"]},
                                STORY_ENTRIES)
    assert aligned["talks"][0] is None


def test_every_gold_event_is_told_by_listed_phrases_that_no_other_gold_event_names(seed_gold):
    import yaml

    judgements = yaml.safe_load(JUDGEMENTS_PATH.read_text(encoding="utf-8"))
    triggers = yaml.safe_load(TRIGGERS_PATH.read_text(encoding="utf-8"))
    for document in seed_gold["documents"]:
        listed = {entry["at"] for entry in judgements[document["file"]]}
        phrases = triggers[document["file"]]
        assert set(phrases) == {g["id"] for g in document["events"]}
        named = [p for ps in phrases.values() for p in ps]
        assert len(named) == len(set(named))
        assert set(named) <= listed, set(named) - listed
