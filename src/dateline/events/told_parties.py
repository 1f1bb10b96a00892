"""The doer and target of an act named again by a definite event noun (issue 11, roles).

"Deputies arrested two men on Elm Street late Friday. ... The arrest followed a tip": a news story
tells an act once with its parties, then speaks of it again by a noun made definite by "the", "this",
"that" or a possessor ("the arrest", "his indictment"; ``placing.names_an_event_told``) with no
parties of its own clause. That noun names the act told before, and so has its doer and its target.

Unless the noun names another act of the same kind: a round-up of incidents tells "the Tuesday
arrest of a Dover woman" after "Deputies arrested a Salem man on Sunday". A noun with a day of
its own phrase other than the earlier act's day, or a party of its own (a name, or someone
introduced by "a"/"an") other than the earlier act's, is not that act told again
(``_another_act``).
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
                  and _same_word(token, tokens[j]) and not _another_act(event, token, events[j], doc)]
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


def _another_act(event, noun: Token, earlier, doc: Doc) -> bool:
    """Whether a definite event noun names another act than an earlier one of its kind: it has a
    day of its own phrase ("the Tuesday arrest", "Friday's arrest", "the arrest on May 2") whose
    days do not meet the earlier act's, or a party of its own that is not the earlier act's party
    in the same role and is a new one (a name, or "a Salem woman": ``_a_new_party``)."""
    if _own_day(event, noun) and _days_apart(event, earlier):
        return True
    for own, other in ((event.source_actor, earlier.source_actor), (event.target_actor, earlier.target_actor)):
        if own is not None and other is not None and not _same_party(own, other) and _a_new_party(own, doc):
            return True
    return False


def _own_day(event, noun: Token) -> bool:
    """Whether the event's date was read in the noun's own phrase (its subtree)."""
    if event.date_span is None or event.date_inherited:
        return False
    subtree = list(noun.subtree)
    return subtree[0].idx <= event.date_span.start and event.date_span.end <= subtree[-1].idx + len(subtree[-1])


def _same_party(a, b) -> bool:
    """One party named twice: the same entity, or one name ending with the other's words
    ("Joe Pike" and "Pike")."""
    if _one_actor(a, b):
        return True
    one, other = a.text.casefold().split(), b.text.casefold().split()
    shorter, longer = sorted((one, other), key=len)
    return bool(shorter) and longer[-len(shorter):] == shorter


def _a_new_party(actor, doc: Doc) -> bool:
    """A party that is someone of its own: its head is a name, or it is brought in by "a"/"an"
    ("a Salem woman"); not "the man" or "him", which speak of someone told before."""
    head = _head_of(actor, doc)
    if head is None:
        return False
    return head.pos_ == "PROPN" or any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in head.children)


def doers_of_another_telling(events: list, doc: Doc, kinds: frozenset[str] = TOLD_AGAIN_TYPES) -> list:
    """ "A Dover man was arrested Sunday night. John Pike, 24, was arrested at the station by
    Officer Ann Reed": a story tells an act in the passive without its doer, and tells it again,
    by the same word, with the doer. Each act of a kind in ``kinds`` whose trigger is a passive
    verb (or a past participle hanging on a noun, "a man arrested Sunday") and that has no doer
    takes the doer of another telling of it by the verb (``_telling_of_the_same_act``): the one of
    the same party, else the nearest in the sentence before, the same one or the one after. (Not
    of a telling by a noun, whose doer is read less surely: "to make the arrests", "the maximum
    jail sentence".)"""
    tokens = [trigger_token(event, doc) for event in events]
    sentence_of = {s.start: n for n, s in enumerate(doc.sents)}
    out = list(events)
    for k, (event, token) in enumerate(zip(events, tokens)):
        if event.type not in kinds or token is None or event.source_actor is not None or not _passive(token):
            continue
        found = []
        for j, (other, word) in enumerate(zip(events, tokens)):
            if j == k or word is None or other.type != event.type or other.source_actor is None \
                    or word.pos_ != "VERB" or word.lemma_.lower() != token.lemma_.lower():
                continue
            same = _same_target(event, other)
            near = abs(sentence_of[word.sent.start] - sentence_of[token.sent.start]) <= 1
            if (same or near) and _telling_of_the_same_act(event, other, doc):
                found.append((not same, abs(word.i - token.i), j))
        if found:
            doer = events[min(found)[2]].source_actor
            if event.target_actor is None or not _same_party(doer, event.target_actor):
                out[k] = replace(event, source_actor=doer)
    return out


def _passive(verb: Token) -> bool:
    """A passive verb ("was arrested", "being charged", "and jailed" after a passive) or a past
    participle hanging on its noun ("a man arrested Sunday")."""
    if verb.pos_ not in {"VERB", "AUX"} or any(c.dep_ == "agent" for c in verb.children):
        return False
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
        return True
    return verb.tag_ == "VBN" and (verb.dep_ == "acl" or (verb.dep_ == "conj" and any(
        c.dep_ in {"auxpass", "nsubjpass"} for c in verb.head.children)))


def _same_target(event, other) -> bool:
    return event.target_actor is not None and other.target_actor is not None \
        and _same_party(event.target_actor, other.target_actor)


def _telling_of_the_same_act(event, other, doc: Doc) -> bool:
    """Whether two tellings by one word may be one act: no days of their own that do not meet,
    and no targets that are two (two names, or two descriptions by different nouns)."""
    if not event.date_inherited and not other.date_inherited and _days_apart(event, other):
        return False
    if event.target_actor is None or other.target_actor is None or _same_party(event.target_actor, other.target_actor):
        return True
    one, two = _head_of(event.target_actor, doc), _head_of(other.target_actor, doc)
    if one is None or two is None or one.pos_ == "PRON" or two.pos_ == "PRON":
        return True
    if one.pos_ == "PROPN" and two.pos_ == "PROPN":
        return False
    return not (one.pos_ == "NOUN" and two.pos_ == "NOUN" and one.lemma_.lower() != two.lemma_.lower())


def _days_apart(event, other) -> bool:
    """Whether two dated events' days do not meet (False where either has no date)."""
    if event.date_start is None or other.date_start is None:
        return False
    end, other_end = event.date_end or event.date_start, other.date_end or other.date_start
    return end < other.date_start or other_end < event.date_start


def _head_of(actor, doc: Doc) -> Token | None:
    span = doc.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None
