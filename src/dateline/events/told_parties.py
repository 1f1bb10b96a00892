"""The doer and target of an act named again by a definite event noun (issue 11, roles).

"Deputies arrested two men on Elm Street late Friday. ... The arrest followed a tip": a news story
tells an act once with its parties, then speaks of it again by a noun made definite by "the", "this",
"that" or a possessor ("the arrest", "his indictment"; ``placing.names_an_event_told``) with no
parties of its own clause. That noun names the act told before, and so has its doer and its target.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from dateline.events.non_event_features import trigger_token
from dateline.events.placing import names_an_event_told
from dateline.fuse.lexicon import RELATIONS, default_lexicon

DERIVED = RELATIONS.index("derived")

# the kinds of act a story tells once with its parties and then names again by its noun, one-sided
# (someone arrests, charges, investigates, sells or sends someone or something): legal steps,
# arrests, sales, deployments. Not harms, hazards and damage ("the fighting", "the fire": a later
# mention often speaks of the whole episode, whose parties the first clause did not settle), nor
# meetings and talks (each meeting of a body is another one).
TOLD_AGAIN_TYPES = frozenset({"COERCE", "JUSTICE", "TRANSACTION", "MOBILIZE"})


def _same_word(noun: Token, earlier: Token) -> bool:
    """Whether an event noun and an earlier trigger are one word of the act: the same lemma, or a
    noun WordNet derives from the earlier verb ("the arrest" after "arrested", "the sale" after
    "sold", "the investigation" after "investigated"; fuse.lexicon's "derived" relation)."""
    one, other = noun.lemma_.lower(), earlier.lemma_.lower()
    if one == other:
        return True
    return earlier.pos_ in {"VERB", "AUX"} and default_lexicon().relations(one, other)[DERIVED] > 0


def parties_of_an_earlier_telling(events: list, doc: Doc) -> list:
    """Each act of a kind in ``TOLD_AGAIN_TYPES`` whose trigger is a definite event noun
    (``placing.names_an_event_told``) and that has no doer, or no target, of its own takes the one
    of the nearest act before it of the same type told by the same word (``_same_word``) that has
    it. An act named for the first time ("an arrest") keeps what it has."""
    tokens = [trigger_token(event, doc) for event in events]
    order = sorted(range(len(events)), key=lambda k: events[k].trigger.start)
    out = list(events)
    for position, k in enumerate(order):
        event, token = events[k], tokens[k]
        if event.type not in TOLD_AGAIN_TYPES or token is None or not names_an_event_told(token):
            continue
        if event.source_actor is not None and event.target_actor is not None:
            continue
        before = [j for j in reversed(order[:position])
                  if events[j].type == event.type and tokens[j] is not None and tokens[j].i < token.i
                  and _same_word(token, tokens[j])]
        source, target = event.source_actor, event.target_actor
        if source is None:
            source = next((events[j].source_actor for j in before if events[j].source_actor is not None), None)
        if target is None:
            target = next((events[j].target_actor for j in before if events[j].target_actor is not None), None)
        if source is not None and target is not None and _one_actor(source, target):
            continue
        if (source, target) != (event.source_actor, event.target_actor):
            out[k] = replace(event, source_actor=source, target_actor=target)
    return out


def _one_actor(a, b) -> bool:
    return (a.entity_id is not None and a.entity_id == b.entity_id) or a.text == b.text
