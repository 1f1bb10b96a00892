"""The ACLED event type and sub-type of each event: the cue lexicon first, the learned
classifier where the lexicon gives none or leaves the choice open.

The cue lexicon (``event_types.yaml``) is precise where a word names one kind of violence
("shelled", "kidnapped", "recaptured"); it is silent or only guessing where the kind depends
on the rest of the sentence: "killed" (by a bomb? an air strike? gunmen in a village?), a
general "attack" or "explosion" (a drone attack is an air strike, a suicide attack a suicide
bomb), a protest (peaceful, or broken up by police?), or "took over" when the actor's side is
unknown (a government regaining territory or a rebel group taking it). There the classifier
(:mod:`dateline.events.classifier`, trained on CASE 2021 / ACLED-style snippets) reads the
event's words and chooses, and its probability is kept with the event.

Rules, per event (``read_acled``):
- the cue gives a sub-type and the classifier's first choice is the same: ``lexicon+classifier``;
- the cue's sub-type is only a default (``acled_open`` in the lexicon, or variants keyed on an
  actor whose side is unknown): the classifier chooses among the sub-types that fit the event
  (the cue's variants; or the labels of the same PLOVER type or ACLED type) when it is at least
  ``OPEN_OVERRIDE`` sure, else the cue's default stays;
- the cue gives a definite sub-type the classifier does not share: the cue wins (it reads the
  trigger word itself, the classifier a bag of words), and a note says what the classifier read
  when it is at least ``DISAGREE_NOTE`` sure;
- the cue gives none: for ASSAULT and PROTEST events (all within ACLED's scope) the classifier's
  best sub-type of that PLOVER type is given; for other types only when it is also the
  classifier's first choice overall with probability ``FILL_MIN`` or more (ACLED codes a
  deployment or a handover only when it is a strategic development);
- a sub-type given with probability below ``UNCERTAIN`` is marked in the notes: marked, not hidden;
  where no cue stands behind it and the classifier's best reading is below ``FILL_FLOOR`` (a
  list of numbers, a fragment), the sub-type is left open and the note names the guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dateline.config import SETTINGS
from dateline.events.classifier import EventTypeClassifier, label_table

# every event of these PLOVER types is one ACLED would code (political violence, protest)
ACLED_SCOPE = frozenset({"ASSAULT", "PROTEST"})
# ACLED's event types of violence and protest: for an event of ACLED_SCOPE (or a cue of these
# types) any of their sub-types fits ("opened fire on demonstrators" is excessive force
# against protesters, not a clash)
VIOLENCE_AND_PROTEST = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots"})
FILL_MIN = SETTINGS.events.classifier_fill_min
OPEN_OVERRIDE = SETTINGS.events.classifier_open_override
DISAGREE_NOTE = SETTINGS.events.classifier_disagree_note
UNCERTAIN = SETTINGS.events.classifier_uncertain
# below this, a classifier reading with no cue word behind it is a guess ("Casualties: 3, 5, 12",
# "people were injured at the surgical center": no weapon named): the sub-type is left open (or
# the cue's default kept) and the note names the guess
FILL_FLOOR = SETTINGS.events.classifier_fill_floor


@dataclass(frozen=True)
class AcledQuestion:
    """What the events stage knows about one event when it asks for its ACLED coding."""

    text: str  # the event's words (its clause, or its sentence when the clause is short)
    event_type: str  # PLOVER type (or one of ours)
    acled_type: str | None = None  # from the cue (after actor variants)
    acled_subtype: str | None = None
    choices: frozenset[str] = frozenset()  # sub-types the cue leaves open (its actor variants)
    open_default: bool = False  # the cue's sub-type is only the likeliest reading of a general word


@dataclass(frozen=True)
class AcledReading:
    acled_type: str | None
    acled_subtype: str | None
    source: str | None  # lexicon, classifier, lexicon+classifier, or None (no ACLED coding)
    confidence: float | None  # the classifier's probability of the sub-type given
    note: str | None = None


@lru_cache(maxsize=1)
def shipped_classifier() -> EventTypeClassifier | None:
    """The shipped event-type model, or None where it is missing (the lexicon then works alone)."""
    try:
        return EventTypeClassifier.load()
    except (FileNotFoundError, ValueError, OSError):
        return None


# A claim of responsibility (CASE 2021's ATTRIB) is about an attack ACLED codes all the same:
# it never takes the cue word's ACLED coding away.
CODED_UNDERNEATH = frozenset({"ATTRIB"})


def _label_by_subtype() -> dict[str, str]:
    return {info.acled_subtype: label for label, info in label_table().items() if info.acled_subtype}


def _fitting_labels(question: AcledQuestion) -> set[str]:
    """Labels with an ACLED sub-type that fit the event's PLOVER type (or the cue's ACLED type)."""
    violent = question.event_type in ACLED_SCOPE or question.acled_type in VIOLENCE_AND_PROTEST
    return {
        label
        for label, info in label_table().items()
        if info.acled_subtype and (info.plover == question.event_type
                                   or (question.acled_type is not None and info.acled_type == question.acled_type)
                                   or (violent and info.acled_type in VIOLENCE_AND_PROTEST))
    }


def _described(label: str) -> str:
    """A label as a reader knows it: its ACLED sub-type, or what CASE 2021 calls it."""
    info = label_table()[label]
    return info.acled_subtype or f"{info.description} ({label}, no ACLED type)"


def _lexicon_only(question: AcledQuestion) -> AcledReading:
    source = "lexicon" if question.acled_subtype or question.acled_type else None
    return AcledReading(question.acled_type, question.acled_subtype, source, None)


def read_acled(questions: list[AcledQuestion], classifier: EventTypeClassifier | None = None) -> list[AcledReading]:
    """The ACLED coding of each event (see the module text for the rules)."""
    if not questions:
        return []
    classifier = classifier or shipped_classifier()
    if classifier is None:
        return [_lexicon_only(q) for q in questions]
    labels = classifier.labels
    column = {label: k for k, label in enumerate(labels)}
    readings = [_reading_without_the_classifier(q) for q in questions]
    # only the questions whose reading depends on the classifier are scored (each text's scores
    # are its own: the other texts of the call change nothing in them)
    asked = [k for k, reading in enumerate(readings) if reading is None]
    if asked:
        probabilities = classifier.predict_proba([questions[k].text for k in asked])
        for k, row in zip(asked, probabilities):
            readings[k] = _decide(questions[k], {label: float(row[column[label]]) for label in labels})
    return readings


def _reading_without_the_classifier(question: AcledQuestion) -> AcledReading | None:
    """The reading ``_decide`` gives without looking at the classifier's probabilities (its
    branches in the same order), or None when they decide it: a cue whose ACLED type or
    sub-type has no label of the model's, an event of a type no labelled sub-type fits."""
    by_subtype = _label_by_subtype()
    if any(subtype in by_subtype for subtype in question.choices):
        return None  # the classifier chooses among the cue's readings
    if (question.acled_subtype or "") in by_subtype:
        return None  # the classifier confirms the cue's sub-type, or reads another
    if question.acled_subtype or question.acled_type:
        return _lexicon_only(question)
    if not _fitting_labels(question):
        return AcledReading(None, None, None, None)
    return None


def _decide(question: AcledQuestion, probability: dict[str, float]) -> AcledReading:
    table = label_table()
    by_subtype = _label_by_subtype()
    first = max(probability, key=probability.get)

    def reading(label: str, source: str, note: str | None = None) -> AcledReading:
        p = round(probability.get(label, 0.0), 3)
        info = table[label]
        if p < UNCERTAIN:
            uncertain = f"ACLED sub-type uncertain (classifier {p:.2f})"
            note = f"{note}; {uncertain}" if note else uncertain
        return AcledReading(info.acled_type, info.acled_subtype, source, p, note)

    lexicon_label = by_subtype.get(question.acled_subtype or "")
    if question.choices:
        # the cue's reading depends on an actor whose side we do not know
        options = [by_subtype[s] for s in sorted(question.choices) if s in by_subtype]
        if options:
            best = max(options, key=lambda label: probability.get(label, 0.0))
            if probability[best] >= FILL_FLOOR:
                return reading(best, "classifier", f"ACLED sub-type chosen by the classifier among the cue's readings "
                                                   f"({probability[best]:.2f})")
            # the classifier reads none of the cue's readings: the cue's default stays, marked
            return AcledReading(question.acled_type, question.acled_subtype, "lexicon",
                                round(probability.get(lexicon_label, 0.0), 3) if lexicon_label else None,
                                "the actor's side is unknown: ACLED sub-type is the cue word's likeliest reading")
    if lexicon_label is not None:
        if first == lexicon_label:
            return reading(lexicon_label, "lexicon+classifier")
        fitting = _fitting_labels(question)
        if question.open_default and first in fitting and probability[first] >= OPEN_OVERRIDE:
            return reading(first, "classifier", f"classifier reads {table[first].acled_subtype} ({probability[first]:.2f}) "
                                                f"where the cue word alone says {question.acled_subtype}")
        if question.open_default and not table[first].acled_subtype and probability[first] >= FILL_MIN \
                and first not in CODED_UNDERNEATH:
            # a general word ("explosion") in a sentence the classifier reads as no ACLED event
            # (an industrial accident): no ACLED coding, and the note says why
            return AcledReading(None, None, "classifier", round(probability[first], 3),
                                f"classifier reads {_described(first)} ({probability[first]:.2f}); "
                                f"the cue word alone says {question.acled_subtype}")
        note = None
        if probability[first] >= DISAGREE_NOTE:
            note = f"classifier reads {_described(first)} ({probability[first]:.2f})"
        p = round(probability.get(lexicon_label, 0.0), 3)
        return AcledReading(question.acled_type, question.acled_subtype, "lexicon", p, note)
    if question.acled_subtype or question.acled_type:
        return _lexicon_only(question)
    fitting = _fitting_labels(question)
    if not fitting:
        return AcledReading(None, None, None, None)
    best = max(fitting, key=lambda label: probability.get(label, 0.0))
    if best == first and probability[best] >= FILL_MIN:
        return reading(best, "classifier", f"ACLED sub-type by the classifier ({probability[best]:.2f})")
    if question.event_type in ACLED_SCOPE:
        if not table[first].acled_subtype and probability[first] >= FILL_MIN and first not in CODED_UNDERNEATH:
            return AcledReading(None, None, "classifier", round(probability[first], 3),
                                f"classifier reads {_described(first)} ({probability[first]:.2f})")
        if probability[best] < FILL_FLOOR:
            return AcledReading(None, None, "classifier", round(probability[best], 3),
                                f"ACLED sub-type left open: the classifier's best reading, {table[best].acled_subtype}, "
                                f"has only {probability[best]:.2f}")
        return reading(best, "classifier", f"ACLED sub-type by the classifier ({probability[best]:.2f})")
    return AcledReading(None, None, None, None)
