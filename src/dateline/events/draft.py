"""An event before its id and confidence are fixed (``Draft``), and the words of it that both its
date and its places are read from: a report's reporting verb, what it reports, its own words."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan, Token

from dateline.events.arguments import ActorReading, Participants
from dateline.events.triggers import Cue, Trigger
from dateline.model import Attribution, Span


@dataclass
class Draft:
    """An event before its id and confidence are fixed."""

    trigger: Trigger | None
    trigger_span: Span
    sentence: SpacySpan
    sentence_index: int
    clause: list[Token]
    type: str
    cue: Cue | None
    acled_type: str | None
    acled_subtype: str | None
    participants: Participants
    attribution: Attribution | None
    speaker: ActorReading | None
    weight: float
    acled_choices: frozenset[str] = frozenset()  # ACLED sub-types the cue leaves open
    acled_open: bool = False


# the dependencies of what a reporting verb reports: its complement, quotation or clause of content
CONTENT_DEPS = {"ccomp", "parataxis", "xcomp", "advcl", "csubj"}


def reporting_verb(draft: Draft) -> Token | None:
    """The reporting verb of a statement (no trigger of its own)."""
    if draft.trigger is not None:
        return None
    verb = draft.sentence.doc.char_span(draft.trigger_span.start, draft.trigger_span.end, alignment_mode="expand")
    return verb.root if verb is not None and len(verb) > 0 else None


def reported_words(draft: Draft) -> set[int]:
    """For a report (a STATEMENT, no trigger), the indices of what it reports: the reporting
    verb's complement, quotation or clause of content; empty for other events."""
    verb = reporting_verb(draft)
    if verb is None:
        return set()
    return {t.i for child in verb.children if child.dep_ in CONTENT_DEPS for t in child.subtree}


def own_words(draft: Draft) -> list[Token]:
    """The words of an event's own clause. For a report (a STATEMENT, no trigger), the reporting
    verb's words without what it reports ("said in Geneva that ...": in Geneva, not the rest)."""
    verb = reporting_verb(draft)
    if verb is None:
        return draft.clause
    content = reported_words(draft)
    # nor the speaker and their description: "a minister at the church in Blackbird Leys said"
    # tells who speaks, not where ("the Kabul police chief said": the caller leaves out names)
    speaker = {t.i for child in verb.children if child.dep_ in {"nsubj", "nsubjpass"} for t in child.subtree}
    return [t for t in verb.subtree if t.i not in content and t.i not in speaker]


def speaker_key(draft: Draft) -> str | None:
    """Who goes on speaking: a statement's source, by entity or by its words."""
    source = draft.participants.source
    if source is None:
        return None
    return source.actor.entity_id or source.actor.text.lower()

