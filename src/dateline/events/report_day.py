"""A learned last word on an act dated by default to the report's day (issue 11, stop 52).

An act whose text gives no day of its own, of its sentence or of the story before it is dated by
``arguments.date_of_event`` to the day of the report. On the judged tuning samples that default is
right for about half of the acts that take it: a fire "investigators are looking into" happened
before the report on a day the text does not give ("before-report": no day), a robbery told in
the present perfect, a plan with no day. Stops 38-49 found no single hand cue that tells these apart
(docs/dating.md). This pass weighs many cues together: a logistic regression over the event's
record and parse (``features``: the non-event filter's features of the trigger's clause, the
tense, aspect and voice of the trigger's clause and of its sentence's main verb, quotes, a time
word anywhere in the sentence, the position in the article, the event's type and whether the
lead tells one of that type), fitted on the tuning acts that took the report's day
(``dateline.eval.report_day_train``); an act it reads as having no day (probability at or over
the threshold) loses the report's day and is left undated.

The model is in ``models/report_day.json`` (``NonEventFilter``'s form: weights by feature name,
a bias and a threshold), rebuilt by ``python -m dateline.eval.report_day_train --shared ../shared``.
Statements are left alone (a statement's report day is right for 0.9 of them).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from dateline.events.dating import INHERITED_NOTE
from dateline.events.event_date import FIRST_READING
from dateline.events.non_event_features import FEATURES as CLAUSE_FEATURES
from dateline.events.non_event_features import _in_quotation, trigger_token
from dateline.events.non_event_features import features as clause_features
from dateline.model import Event

MODEL_FILE = Path(__file__).with_name("models") / "report_day.json"
SAYING = frozenset({"say", "tell", "add", "report", "announce"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})


# the last step of an event's date chain when it took the report's day for want of any other date
# (event_date.FIRST_READING["article"], no rule after it: not a rule that chose the report's day, "going
# on at the report", "a process told going on")
REPORT_DAY_BY_DEFAULT = FIRST_READING["article"]


def takes_the_report_day_by_default(event: Event, by_default: Collection[str]) -> bool:
    """An act (not a statement) whose date is the report's day, inherited for want of any other:
    ``by_default`` holds the ids of the events whose date chain ended on the report's day."""
    return event.type != "STATEMENT" and event.date_inherited and event.date_value is not None \
        and event.id in by_default


def _verb_of(token: Token) -> Token:
    return token if token.pos_ in {"VERB", "AUX"} else token.head


def features(event: Event, doc: Doc, lead_types: frozenset[str], published: date | None = None) -> dict[str, float]:
    """The event's features by name: the non-event filter's (``clause:`` + its name), the trigger's
    and its clause verb's tags, voice, aspect and modality, its sentence's main verb, quotes, a time
    word of the sentence, the position in the article, the type and whether the lead tells that type."""
    starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    at = event.trigger.start if event.trigger is not None else 0
    index = bisect_right(starts, at) - 1
    found: dict[str, float] = {}
    values = clause_features(event, doc, index, published)
    for name in CLAUSE_FEATURES:
        found["clause:" + name] = float(values.get(name, 0.0))
    found["type=" + event.type] = 1.0
    found["lead_tells_the_type"] = float(event.type in lead_types)
    found["position"] = index / max(len(starts), 1)
    token = trigger_token(event, doc)
    if token is None:
        return found
    verb = _verb_of(token)
    auxiliaries = {c for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    found["tag=" + token.tag_] = 1.0
    found["pos=" + token.pos_] = 1.0
    found["dep=" + token.dep_] = 1.0
    found["verb_tag=" + verb.tag_] = 1.0
    found["passive"] = float(any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children))
    found["perfect"] = float(any(c.lemma_.lower() == "have" for c in auxiliaries))
    found["pluperfect"] = float(any(c.lower_ == "had" and c.dep_ == "aux" for c in verb.children))
    found["modal"] = float(any(c.tag_ == "MD" for c in verb.children))
    found["progressive"] = float(verb.tag_ == "VBG" and any(c.lemma_.lower() == "be" for c in auxiliaries))
    found["quoted"] = float(_in_quotation(token))
    sentence = token.sent
    found["time_word_in_sentence"] = float(any(e.label_ in TIME_ENTITIES for e in sentence.ents))
    root = sentence.root
    found["main_verb_tag=" + root.tag_] = 1.0
    found["main_verb_passive"] = float(any(c.dep_ in {"auxpass", "nsubjpass"} for c in root.children))
    found["main_verb_says"] = float(root.lemma_.lower() in SAYING)
    return found


def lead_types(events: list[Event], doc: Doc) -> frozenset[str]:
    """The types of the events told in the article's first sentence."""
    first = next(iter(doc.sents), None)
    end = first.end_char if first is not None else 0
    return frozenset(e.type for e in events if e.trigger is not None and e.trigger.start < end)


@lru_cache(maxsize=1)
def report_day_model():
    from dateline.events.non_events import NonEventFilter

    return NonEventFilter.load(MODEL_FILE)


def acts_without_the_report_day(events: list[Event], doc: Doc, published: date | None, by_default: Collection[str],
                                model=None) -> list[Event]:
    """The events, each act dated by default to the report's day (``by_default``: the ids of the
    events whose date chain ended on it) that the model reads as having no day left undated."""
    model = model or report_day_model()
    types = lead_types(events, doc)
    kept = []
    for event in events:
        if takes_the_report_day_by_default(event, by_default) and \
                model.probability(features(event, doc, types, published)) >= model.threshold:
            # (its note as an event the rules left undated: dating.nouns_leave_the_report_day's)
            notes = tuple("no date" if n == INHERITED_NOTE else n for n in event.notes)
            event = replace(event, date_value=None, date_start=None, date_end=None, date_span=None,
                            date_inherited=False, notes=notes)
        kept.append(event)
    return kept
