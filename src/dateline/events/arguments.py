"""The arguments of an event: who did it to whom, when, where, how many, who says so.

Read off the dependency parse of the trigger's clause and tied to the records of the earlier
stages: actors to the entities stage's Mentions (canonical entity ids), the date to the time
stage's Timexes, places to the geo stage's Places. Nothing is invented: an argument the text
does not name stays empty, and every argument keeps the span of the words it came from.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc, Span as SpacySpan, Token

from dateline.entities import gender
from dateline.events.dating import BARE_PERSONAL_PRONOUNS, joined_days_pattern
from dateline.events.agent_nouns import names_a_body_of_people, names_a_doer_of_a_verb, names_people
from dateline.events.attribution import inside_quotes, load_cues
from dateline.events.triggers import Lexicon, Trigger, load_lexicon, match_cue
from dateline.model import Actor, Entity, Mention, Place, Span, Timex
from dateline.nlp import ents_of, text_of
from dateline.time import closes_a_stretch, date_after_a_told_date, date_relative_to_clause, opens_a_stretch
from dateline.time.grammar import vocabulary

ACTOR_LABELS = {"PERSON", "ORG", "NORP", "GPE", "DESCRIPTION"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# prepositions after which a name is where something happened, not who took part
LOCATIVE_PREPS = {"in", "at", "near", "into", "inside", "outside", "across", "around", "toward", "towards", "through", "throughout", "within", "to", "from", "over", "under", "along", "on", "onto", "between", "beyond", "off"}
# prepositions that name the other party of an event ("talks with", "fought against")
TARGET_PREPS = {"with", "against", "on", "upon", "to", "from", "between", "among"}
# the prepositions that put a state on the other side of an act: "sanctions on Tehran", "talks
# with Kabul", "appealed to Pakistan" (not "from" or "of": "returned from Pakistan")
PARTY_PREPS = TARGET_PREPS - {"from"}
# the prepositions of a path: after a verb of motion they name where, not whom (Lexicon.path_types)
PATH_PREPS = {"to", "from", "into", "toward", "towards", "onto"}
# membership: "fighters from the NRF", "the leader of Hezb-e-Islami"
MEMBERSHIP_PREPS = {"of", "from"}
# prepositions whose gerund tells what the governing verb's object did ("arrested him for
# stealing", "kept them from leaving"), not its subject ("raised money by selling cakes")
OBJECT_GERUND_PREPS = {"for", "of", "from", "with"}
RELATIVE_TAGS = {"WDT", "WP", "WP$"}  # "which", "that" (as a relative), "who", "whose"
CLAUSE_CUTS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj", "conj", "cc", "punct"}
THIRD_PERSON = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "hers", "theirs"}
SPEAKER_POSSESSIVES = {"his", "her", "its", "their", "our"}
POSSESSIVE_PRONOUNS = {"his", "her", "its", "their"}
# the pronouns a speaker uses of themself ("'I fired twice,' the guard said")
FIRST_PERSON_SINGULAR = {"i", "me"}
# the pronouns that stand for one person: "he", and "his" or "her" of a noun ("his arrest")
ONE_PERSON_PRONOUNS = {"he", "she", "his", "her", "him"}


def token_span(tokens: list[Token] | SpacySpan) -> Span:
    tokens = list(tokens)
    doc = tokens[0].doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return Span(start, end, text_of(doc)[start:end])


def sentence_span(sentence: SpacySpan) -> Span:
    tokens = [t for t in sentence if not t.is_space]
    return token_span(tokens or list(sentence))


# --- the entity stage's mentions, indexed by token ------------------------------------------


@dataclass
class MentionIndex:
    """Mentions of one article laid over its tokens; doc.ents stand in where the entities
    stage gave none (their entity id is then None)."""

    doc: Doc
    mentions: list[Mention]
    entities: dict[str, Entity]
    places: list[Place]
    by_token: dict[int, Mention] = field(default_factory=dict)
    place_tokens: set[int] = field(default_factory=set)
    state_places: dict[int, Place] = field(default_factory=dict)  # token -> a country or capital it names

    @classmethod
    def build(cls, doc: Doc, mentions: list[Mention], entities: list[Entity], places: list[Place]) -> MentionIndex:
        index = cls(doc, list(mentions), {e.id: e for e in entities}, list(places))
        source = list(mentions)
        if not source:
            source = [
                Mention(span=Span(e.start_char, e.end_char, e.text), label=e.label_)
                for e in ents_of(doc)
                if e.label_ in ACTOR_LABELS
            ]
            index.mentions = source
        for mention in source:
            if mention.label not in ACTOR_LABELS and mention.kind is None:
                continue
            span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                previous = index.by_token.get(token.i)
                if previous is None or (previous.span.end - previous.span.start) < (mention.span.end - mention.span.start):
                    index.by_token[token.i] = mention
        for place in places:
            span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
            if span is not None:
                index.place_tokens.update(t.i for t in span)
                if place.names_a_state:
                    index.state_places.update((t.i, place) for t in span)
        return index

    def mention_at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def is_place(self, token: Token, mention: Mention | None) -> bool:
        """A name the geo stage placed on the map (countries as actors excepted)."""
        if token.i in self.place_tokens and token.dep_ not in {"amod", "compound", "poss", "nmod"}:
            return True
        if mention is not None and mention.label == "NORP" and token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS:
            return True  # "fled to Tajikistan" with Tajikistan read as a nationality
        if mention is not None and (mention.kind == "country" or mention.label == "NORP"):
            return False
        return mention is not None and mention.label in PLACE_LABELS and mention.kind not in {"country", "government"}

    def name_of(self, entity_id: str | None, fallback: str) -> str:
        """The name of the entity an id stands for in this article, else ``fallback``."""
        entity = self.entities.get(entity_id) if entity_id else None
        return entity.name if entity is not None and entity.name else fallback

    def kind_of(self, mention: Mention | None) -> str | None:
        if mention is None:
            return None
        if mention.entity_id and mention.entity_id in self.entities:
            return self.entities[mention.entity_id].kind
        return mention.kind


# --- actors ------------------------------------------------------------------------------------


@dataclass
class ActorReading:
    actor: Actor
    kinds: frozenset[str]  # armed, state, non_state, official, civilian
    affiliations: list[Actor] = field(default_factory=list)
    # (first, last) token indices of "of ..." phrases in the actor's words (titles, membership)
    title_phrases: list[tuple[int, int]] = field(default_factory=list)


def _phrase_tokens(head: Token, keep_locative: bool = False) -> list[Token]:
    """The noun phrase of an argument without its clauses (and without "in Kabul" and the
    like unless asked)."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in CLAUSE_CUTS - {"conj"} or _apposition_past_its_verb(head, child):
            continue
        if child.dep_ in {"conj", "cc"} and not keep_locative:
            continue
        if child.dep_ == "prep" and child.lower_ not in MEMBERSHIP_PREPS and not keep_locative:
            continue
        tokens.extend(_phrase_tokens(child, keep_locative))
    return sorted(tokens, key=lambda t: t.i)


def _apposition_past_its_verb(head: Token, child: Token) -> bool:
    """An apposition the parser hung on a subject from beyond the subject's own verb ("A truck
    was destroyed, confirmed spokesman Ivan Petrov": Petrov is the one who confirms, not the
    truck): English sets an apposition right after its noun, never after the verb."""
    verb = head.head
    return child.dep_ == "appos" and head.dep_ in {"nsubj", "nsubjpass"} and verb.pos_ in {"VERB", "AUX"} \
        and head.i < verb.i < child.i


def _compact_phrase(head: Token) -> list[Token]:
    """ "more than 2,000 Somali police officers" -> "Somali police officers": the head and its
    left modifiers, without determiners and numbers."""
    left = [c for c in head.lefts if c.dep_ in {"compound", "amod", "nmod", "poss"} and not c.like_num]
    words = []
    for child in left:
        words.extend(t for t in child.subtree if not t.like_num and t.dep_ not in {"det", "quantmod", "nummod", "case", "punct"})
    words.append(head)
    words = sorted(set(words), key=lambda t: t.i)
    # keep it contiguous: start at the first kept word
    start = words[0].i
    return [t for t in head.doc[start : head.i + 1] if not t.is_punct or t.i not in (start, head.i)]


def _kinds(head: Token, mention: Mention | None, modifiers: list[Mention], index: MentionIndex, lexicon: Lexicon) -> frozenset[str]:
    kinds: set[str] = set()
    noun_kind = lexicon.actor_kind(head.lemma_.lower())
    if noun_kind:
        kinds.add(noun_kind)
    entity_kind = index.kind_of(mention)
    words = {t.lemma_.lower() for t in head.subtree if t.i <= head.i} | {head.lower_}
    if entity_kind in {"armed_group"}:
        kinds |= {"armed", "non_state"}
    elif entity_kind in {"military"}:
        kinds |= {"armed", "state"}
    elif entity_kind in {"government", "country"}:
        kinds |= {"state", "official"}
    elif entity_kind == "person" or (mention is not None and mention.label == "PERSON"):
        kinds.add("official")
    if words & lexicon.non_state_words:
        kinds |= {"armed", "non_state"}
    if "armed" in kinds and "non_state" not in kinds:
        labels = {m.label for m in modifiers}
        if words & lexicon.state_words or labels & {"NORP", "GPE"}:
            kinds.add("state")
        elif "ORG" in labels:
            kinds.add("non_state")
    if mention is not None and mention.label in {"GPE"} and not kinds:
        kinds |= {"state", "official"}
    return frozenset(kinds)


def read_actor(
    head: Token,
    role: str,
    index: MentionIndex,
    lexicon: Lexicon,
    speaker: ActorReading | None = None,
    allow_places: bool = False,
) -> ActorReading | None:
    """The actor an argument names, or None when it names none (a thing, a place, a pronoun
    with nothing to stand for)."""
    described = _described_people(head, role)
    if described is not None:
        return described
    if head.pos_ == "PRON" or head.lower_ in THIRD_PERSON | {"we", "i", "you"}:
        # a pronoun that stands for someone is recorded under that one's name (the span stays the
        # pronoun's, the evidence): "he" tells a reader of the record nothing
        mention = index.mention_at(head)
        if mention is not None and mention.entity_id:
            actor = Actor(text=index.name_of(mention.entity_id, head.text), span=token_span([head]),
                          entity_id=mention.entity_id, role=role)
            return ActorReading(actor, _kinds(head, mention, [], index, lexicon))
        bound = _subject_binding(head, index) or _subject_of_sentence_before(head, index) \
            or _person_subject_binding(head, index)
        if bound is not None:
            # "detectives pressed on with their inquiry", "Lee and Roe appeared in court, where
            # they pleaded": the subject of a clause that holds the pronoun's own, before it; else
            # the subject the sentence before is about ("The men fled. They were caught.")
            reading = read_actor(bound, role, index, lexicon, speaker, False)
            if reading is not None:
                return ActorReading(replace(reading.actor, span=token_span([head])), reading.kinds, reading.affiliations)
        # "the militia says it seized ...": inside a report, a third-person pronoun is the speaker
        # (not a person for "it" or "its": "the spokesman says the board is studying its deal")
        # (nor a speaker named after a "he" or "they": "He fled, police said" tells of someone
        # else, while "we" in a quote before its speaker is the speaker's side)
        if speaker is not None and head.lower_ in FIRST_PERSON_SINGULAR:
            # "'I pushed him off the ladder,' Ruiz told the court": the one who says "I" is the speaker
            actor = Actor(text=speaker.actor.text, span=token_span([head]), entity_id=speaker.actor.entity_id, role=role)
            return ActorReading(actor, speaker.kinds, [])
        if speaker is not None and head.lower_ in THIRD_PERSON | {"we"} and not (
                head.lower_ in {"it", "its"} and _a_person(speaker.actor, index)) and not (
                head.lower_ in THIRD_PERSON and speaker.actor.span.start > head.idx) \
                and not _speaker_of_another_number(head, speaker, index):
            actor = Actor(text=speaker.actor.text, span=token_span([head]), entity_id=speaker.actor.entity_id, role=role)
            return ActorReading(actor, speaker.kinds, [])
        fronted = _subject_after_fronted_phrase(head) if head.lower_ in ONE_PERSON_PRONOUNS else None
        if fronted is not None:
            # "During her visit to Lima, the minister ...": the subject the phrase leads up to
            return read_actor(fronted, role, index, lexicon, None, False)
        continued = _person_the_sentence_before_is_about(head, index)
        if continued is not None:
            # "Roe was charged with arson, and Lee with theft. He was detained ...": Roe, the
            # subject the text goes on about, though two people were named
            reading = read_actor(continued, role, index, lexicon, None, False)
            if reading is not None:
                return ActorReading(replace(reading.actor, span=token_span([head])), reading.kinds, reading.affiliations)
        person = _only_person_before(head, index) if head.lower_ in ONE_PERSON_PRONOUNS else None
        if person is not None:
            # "The governor, Khamis Abakar, was killed hours after he accused the RSF"
            actor = Actor(text=index.name_of(person.entity_id, person.span.text), span=token_span([head]),
                          entity_id=person.entity_id, role=role)
            return ActorReading(actor, _kinds(head, person, [], index, lexicon))
        person = _most_told_person_before(head, index) if head.lower_ in ONE_PERSON_PRONOUNS else None
        if person is not None:
            # "Ann Roe ... (Roe three times, the clerk Ed Hale once) ... She fled": the one the story
            # is about, when nothing nearer tells who the pronoun stands for
            actor = Actor(text=index.name_of(person.entity_id, person.span.text), span=token_span([head]),
                          entity_id=person.entity_id, role=role)
            return ActorReading(actor, _kinds(head, person, [], index, lexicon))
        return None

    head_mention = index.mention_at(head)
    named_before = _named_before_under_a_place_label(head, index) if head_mention is None else None
    if named_before is not None:
        # "Helen Camden ... Camden rejected the offer", with the bare surname taken for a town the
        # geo stage never placed: the person named before in full
        actor = Actor(text=index.name_of(named_before.entity_id, named_before.span.text), span=token_span([head]),
                      entity_id=named_before.entity_id, role=role)
        return ActorReading(actor, _kinds(head, named_before, [], index, lexicon))
    if head_mention is None:
        # "the paramilitary Rapid Support Forces", parsed as "paramilitary" with the name in
        # apposition: the name is the actor
        for child in head.children:
            named = index.mention_at(child)
            if child.dep_ == "appos" and named is not None and named.label in {"ORG", "PERSON", "NORP"} \
                    and not _apposition_past_its_verb(head, child):
                return read_actor(child, role, index, lexicon, speaker, allow_places)
    phrase = _phrase_tokens(head)
    wide = _phrase_tokens(head, keep_locative=True)
    if head_mention is not None and index.is_place(head, head_mention) and not allow_places:
        return None

    seen: list[Mention] = []
    for token in phrase:
        mention = index.mention_at(token)
        if mention is not None and mention not in seen:
            if index.is_place(token, mention) and not (allow_places and mention is head_mention):
                continue
            seen.append(mention)
    people = []
    for token in wide:
        mention = index.mention_at(token)
        # (a town the NER took for a person, "the town of Kemise", is the geo stage's place)
        if mention is not None and mention.label == "PERSON" and mention not in people and not index.is_place(token, mention):
            people.append(mention)
    if head_mention is None and head.lemma_.lower() in lexicon.relative_nouns:
        # "a friend of the suspect X", "X's brother": the friend or the brother, not X, takes part
        tied = {t.idx for c in head.children if (c.dep_ == "prep" and c.lower_ == "of") or c.dep_ == "poss"
                for t in c.subtree}
        seen = [m for m in seen if not any(m.span.start <= i < m.span.end for i in tied)]
        people = [m for m in people if not any(m.span.start <= i < m.span.end for i in tied)]
    # "Doha's Special Envoy" tagged as a person is a title; the name is elsewhere in the phrase
    named = [m for m in people if not _is_title(m, index.doc, lexicon)]
    if named:
        people = named
    # the people named in the head's own conjuncts ("Ann Roe, Ivo Marek and Lea Sand") are more
    # actors beside it: a name the recogniser missed ("Ivo Marek" with no label) stays itself
    # (a word that is no name, or a place, still takes the name of the list: "Ann and Lea Sand")
    listed_after = {t.idx for c in head.children if c.dep_ == "conj" for t in c.subtree}
    own_people = [m for m in people if m.span.start not in listed_after] if _a_name_unread(head, index) else people

    primary: Mention | None = None
    if head_mention is not None and head_mention.label == "DESCRIPTION" and any(
        p.entity_id and p.entity_id == head_mention.entity_id for p in people
    ):
        # "the leader of the Amal party ..., Nabih Berri": the name, not "leader"
        primary = next(p for p in people if p.entity_id == head_mention.entity_id)
    elif head_mention is not None and head_mention.label != "PERSON" and not (
        head_mention.label == "NORP" and lexicon.actor_kind(head.lemma_.lower())
    ):
        primary = head_mention
    elif own_people:
        primary = head_mention if head_mention in own_people else own_people[0]
    elif head_mention is not None:
        primary = head_mention
    elif seen:
        primary = _name_on_the_head(head, seen) or seen[0]

    noun_kind = lexicon.actor_kind(head.lemma_.lower())
    if _nationality_of_a_thing(head, head_mention, primary, noun_kind):
        return None
    modifiers = [m for m in seen if m is not primary]
    if primary is not None and head_mention is None and primary.label != "PERSON" and (
            noun_kind or names_a_doer_of_a_verb(head) or names_people(head) or _a_body_of_people(head, lexicon)):
        # "Qatari officials", "Taliban fighters": the description, tied to the name's entity
        # ("three Latvian climbers": a noun for people of any kind, not the nationality alone)
        words = _compact_phrase(head)
        actor = Actor(text=token_span(words).text, span=token_span(words), entity_id=primary.entity_id, role=role)
        modifiers = [m for m in seen if m is not primary]
        kinds = _kinds(head, primary, [primary] + modifiers, index, lexicon)
    elif primary is not None:
        actor = Actor(text=primary.span.text, span=primary.span, entity_id=primary.entity_id, role=role)
        kinds = _kinds(head if head_mention is primary else head, primary, modifiers, index, lexicon)
    elif allow_places and head.i in index.state_places:
        # a country or capital the entities stage left to the geo stage, acting as a state
        place = index.state_places[head.i]
        actor = Actor(text=place.span.text, span=place.span, entity_id=None, role=role)
        kinds = frozenset({"state", "official"})
    elif _a_name_unread(head, index):
        # a name the recogniser missed ("Saleh fled to Panjshir"): still a name in the text
        words = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [head]
        actor = Actor(text=token_span(words).text, span=token_span(words), entity_id=None, role=role)
        kinds = frozenset({"official"})
    elif noun_kind:
        words = _compact_phrase(head)
        owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in SPEAKER_POSSESSIVES), None)
        entity_id = None
        if owner is not None and speaker is not None:
            # "his forces" in a spokesman's report: the speaker's side
            entity_id = speaker.actor.entity_id
            for affiliation in speaker.affiliations:
                entity_id = entity_id or affiliation.entity_id
        actor = Actor(text=token_span(words).text, span=token_span(words), entity_id=entity_id, role=role)
        kinds = _kinds(head, None, [], index, lexicon)
        if owner is not None and speaker is not None:
            kinds = kinds | (speaker.kinds - {"official"})
            if speaker.affiliations and not entity_id:
                modifiers = []
            reading = ActorReading(actor, frozenset(kinds), [
                Actor(text=a.text, span=a.span, entity_id=a.entity_id, role=f"{role}-affiliation") for a in speaker.affiliations
            ] or ([Actor(text=speaker.actor.text, span=speaker.actor.span, entity_id=speaker.actor.entity_id, role=f"{role}-affiliation")]))
            return reading
    elif names_a_doer_of_a_verb(head) or names_people(head) or _a_body_of_people(head, lexicon):
        # "developers appealed", "a caller requested": a noun made from a verb names whoever
        # does what the verb says, a person or a body, though no list of actor nouns holds it;
        # "the artists left": so does a noun WordNet files first as a person
        words = _compact_phrase(head)
        actor = Actor(text=token_span(words).text, span=token_span(words), entity_id=None, role=role)
        kinds = frozenset()
    else:
        return None
    affiliations = [
        Actor(text=m.span.text, span=m.span, entity_id=m.entity_id, role=f"{role}-affiliation")
        for m in modifiers
        if (m.label in {"ORG", "NORP", "GPE", "DESCRIPTION"} or m.kind) and m not in people
    ]
    if primary is not None and actor.span != primary.span and primary.label != "PERSON":
        # "Qatari officials": the name the description hangs on is kept as its own evidence
        affiliations.insert(0, Actor(text=primary.span.text, span=primary.span, entity_id=primary.entity_id,
                                     role=f"{role}-affiliation"))
    # a list of titled people in one phrase ("First Vice President ... Yemi Osinbajo, Senate
    # President Ahmad Lawan, and ... Geoffrey Onyeama"): all take the same part
    for person in people:
        if person is not primary and person.span != actor.span:
            affiliations.append(Actor(text=person.span.text, span=person.span, entity_id=person.entity_id, role=role))
    titles = []
    for token in wide:
        if token.dep_ == "prep" and token.lower_ == "of" and token.head.pos_ in {"PROPN", "NOUN"}:
            titles.append((token.i, token.right_edge.i))
    return ActorReading(actor, kinds, affiliations, titles)


DEMONSTRATIVES = {"those", "these"}
PEOPLE_RELATIVES = {"who", "whom", "whose", "that"}
# words of quantity that stand for people when a "who" clause says what people ("all who saw the
# crash", "anyone who was there"); "that" is no sign of people after them ("all that is left")
QUANTITY_PRONOUNS = {"all", "anyone", "anybody", "everyone", "everybody", "someone", "somebody"}
WHO_RELATIVES = {"who", "whom", "whose"}
# the dependency labels of words before a count or quantifier that belong to it: "all six of
# those", "nearly all"
QUANTIFIER_DEPS = {"det", "predet", "nummod", "quantmod", "advmod"}


def _describes_people(modifier: Token) -> bool:
    """A participle ("those killed"), an adjective ("those responsible") or a relative clause of
    people ("those who fled"; not "those which ...": things) after a demonstrative."""
    if modifier.dep_ in {"acl", "amod"}:
        return True
    return modifier.dep_ == "relcl" and any(c.lower_ in PEOPLE_RELATIVES for c in modifier.children)


def _described_people(head: Token, role: str) -> ActorReading | None:
    """ "those killed in the raid", "those who fled", "those responsible for it": a plural
    demonstrative standing alone, which a participle, an adjective or a relative clause of people
    after it describes, or a word of quantity a "who" clause describes ("all who saw it", "anyone
    who was there"), names the people it describes, though no name or noun does. The actor is
    the demonstrative (the description is the evidence), with the count or quantifier whose "of"
    phrase it is ("all of those hurt": all of them)."""
    if head.dep_ == "det" or any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return None
    if head.lower_ in QUANTITY_PRONOUNS:
        # "urged all who saw the crash to call": the people the "who" clause describes
        if not any(c.i > head.i and c.dep_ == "relcl" and any(w.lower_ in WHO_RELATIVES for w in c.children)
                   for c in head.children):
            return None
    elif head.lower_ not in DEMONSTRATIVES or head.tag_ != "DT" \
            or not any(c.i > head.i and _describes_people(c) for c in head.children):
        return None
    first = head
    of = head.head
    if head.dep_ == "pobj" and of.lower_ == "of" and of.head.i < of.i and (
            of.head.tag_ == "CD" or of.head.lower_ in load_lexicon().people_quantifiers):
        counted = of.head
        first = min([counted] + [c for c in counted.children if c.dep_ in QUANTIFIER_DEPS and c.i < counted.i],
                    key=lambda t: t.i)
    words = head.doc[first.i: head.i + 1]
    actor = Actor(text=words.text, span=token_span(words), entity_id=None, role=role)
    return ActorReading(actor, frozenset())


def _nationality_of_a_thing(head: Token, head_mention: Mention | None, primary: Mention | None,
                           noun_kind: str | None) -> bool:
    """A nationality adjective on a noun that names a thing ("flooded Syrian farmland",
    "criticized a Dutch law"): it says whose the thing is; the thing is no actor, and the
    nationality is no actor of the event ("Syrian fighters", "Dutch police" name people)."""
    if primary is None or head_mention is not None or primary.label != "NORP" or head.pos_ != "NOUN":
        return False
    if noun_kind or names_a_doer_of_a_verb(head) or names_people(head):
        return False
    return _modifies(primary, head)


def _modifies(mention: Mention, head: Token) -> bool:
    """Whether a mention is a modifier of the head noun (its words hang on the head)."""
    words = [t for t in head.subtree if mention.span.start <= t.idx < mention.span.end]
    return bool(words) and any(t.head.i == head.i and t.dep_ in {"amod", "compound", "nmod"} for t in words)


def _name_on_the_head(head: Token, mentions: list[Mention]) -> Mention | None:
    """The name that modifies a noun directly, before a possessor of it ("Russia's Tass news
    agency", "Britain's Labour party": the agency is Tass, the party Labour; Russia and Britain
    are whose they are, kept as affiliations)."""
    for mention in mentions:
        words = [t for t in head.doc[max(head.i - 8, 0) : head.i]
                 if mention.span.start <= t.idx < mention.span.end]
        if words and any(t.dep_ in {"compound", "nmod"} and t.head.i == head.i for t in words) \
                and not any(t.dep_ == "poss" for t in words):
            return mention
    return None


def _a_name_unread(head: Token, index: MentionIndex) -> bool:
    """A capitalised proper name the recognisers gave no place or date label: still a name (a
    product's label too, in a slot only someone fills: ``_in_a_doers_slot``)."""
    labels = {"", "PERSON", "ORG", "NORP"} | (MISREAD_NAME_LABELS if _in_a_doers_slot(head) else set())
    return head.pos_ == "PROPN" and head.is_title and head.ent_type_ in labels \
        and not index.is_place(head, None)


def _named_before_under_a_place_label(head: Token, index: MentionIndex) -> Mention | None:
    """The person or body named in full earlier in the text that a lone proper noun the
    recogniser labelled a place repeats, when the geo stage placed no place there: a person's
    surname ("Helen Camden ... Camden rejected the offer") or a firm's first word ("Tremont
    Tool Co. ... Tremont moved"). News names someone in full once, then by the surname alone."""
    if head.pos_ != "PROPN" or not head.is_title or head.ent_type_ not in {"GPE", "LOC", "FAC"} \
            or head.i in index.place_tokens or any(c.dep_ == "compound" for c in head.children) \
            or head.dep_ == "compound":
        return None
    for mention in reversed(index.mentions):
        if mention.span.end > head.idx or not mention.entity_id:
            continue
        words = mention.span.text.split()
        if len(words) < 2:
            continue
        if (mention.label == "PERSON" and words[-1] == head.text) or (mention.label == "ORG" and words[0] == head.text):
            return mention
    return None


# the labels a recogniser gives a person's or a body's name it took for a thing ("Judge Cole's
# order" with Cole a product, "flown out by Med Flight")
MISREAD_NAME_LABELS = {"PRODUCT", "WORK_OF_ART"}


def _a_body_of_people(head: Token, lexicon: Lexicon) -> bool:
    """A noun WordNet files first as a body of people ("the company", "a mob", ``names_a_body_of_people``)
    that is no event's own word: a gathering the lexicon reads as an event ("a meeting was held", "the
    rally") is what happened, not who acted."""
    return names_a_body_of_people(head) and (head.lemma_.lower(), "NOUN") not in lexicon.cues


def _in_a_doers_slot(head: Token) -> bool:
    """The possessor of a noun ("Cole's order") or the object of a passive's "by" ("flown out by
    Med Flight"): slots a thing fills only as an instrument, named by a common noun."""
    return head.dep_ == "poss" or (head.dep_ == "pobj" and head.head.dep_ == "agent")


def _counted_in_of(head: Token, lexicon: Lexicon) -> Token | None:
    """The noun a count or a quantifier counts in its "of" phrase ("all of the pilgrims", "two of
    the guards"), or None."""
    if not (head.tag_ == "CD" or head.lower_ in lexicon.people_quantifiers):
        return None
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None


# the labels of a number that counts no people: a rank, a year or a time, a share, a sum, a measure
# ("the second", "1999 saw a strike", "20 percent")
NOT_A_HEAD_COUNT = {"ORDINAL", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY"}


def _people_count(head: Token, role: str, lexicon: Lexicon) -> ActorReading | None:
    """ "killing the three", "wounding 11 others", "injured dozens more": a count or a quantifier
    with no noun, in the target slot of a cue whose object is people (or the subject that acts:
    "the two fought"), names those people."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return None  # "three of the districts": the noun is in the "of" phrase
    if not ((head.like_num and head.ent_type_ not in NOT_A_HEAD_COUNT) or head.lower_ in lexicon.people_quantifiers
            or _an_age_for_a_person(head)):
        return None
    words = [t for t in head.subtree if t.dep_ not in {"det", "punct", "prep", "relcl", "acl"}
             and (t.i == head.i or t.i < head.i or t.dep_ in {"amod", "advmod", "quantmod", "nummod"})]
    words = [t for t in head.doc[min(t.i for t in words): head.i + 1]]
    actor = Actor(text=token_span(words).text, span=token_span(words), entity_id=None, role=role)
    return ActorReading(actor, frozenset())


def _a_count_of_people(head: Token) -> bool:
    """ "the 6 hurt in the pileup": a number with no noun after it, no rank, year or sum, heads
    its phrase and counts people."""
    return head.like_num and head.ent_type_ not in NOT_A_HEAD_COUNT and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in head.children)


def _an_age_for_a_person(head: Token) -> bool:
    """ "a 16-year-old", "the 58-year-old": an age with no noun after it heads its phrase and
    names a person of that age (not "a 17-year-old driver": there the noun is the head)."""
    return head.lower_ == "old" and head.dep_ not in {"amod", "acomp"} and any(
        c.dep_ == "npadvmod" and c.lemma_.lower() == "year" for c in head.children)


# the labels a name of a person can get from a recogniser that takes it for something else (not
# a date or a number: "pleaded on November 18")
NAME_LABELS = {"", "PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"}


def _person_under_a_place_name(head: Token, role: str, index: MentionIndex) -> ActorReading | None:
    """A proper name in the target slot of an act that befalls only people ("the officer shot
    Hale", "the judge sentenced Marlowe", "Austin had been shot"): a surname the recognisers or the
    gazetteer took for a town still names the person the act befell. A country or a capital (a
    state, ``MentionIndex.state_places``) is left to the state's own reading, and so is a name
    after a preposition ("the gunman shot on Main Street"): there it mostly says where."""
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ == "pobj":
        return None
    mention = index.mention_at(head)
    # (a name the tagger took for a common noun, "killed Hankins", or the recogniser for a title,
    # "acquitted Ana Lopez", is still a name: a capitalised word inside the sentence with a label)
    misread = head.pos_ == "NOUN" and head.ent_type_ and head.i > head.sent.start
    if (head.pos_ != "PROPN" and not misread) or not head.is_title \
            or head.ent_type_ not in NAME_LABELS | MISREAD_NAME_LABELS or head.i in index.state_places or (
            mention is not None and mention.kind in {"country", "government"}):
        return None
    words = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [head]
    actor = Actor(text=token_span(words).text, span=token_span(words), entity_id=None, role=role)
    return ActorReading(actor, frozenset())


# the places through which a place name takes part: "Ohio's sale", "Ohio sold", "a deal with Ohio"
POLITY_SLOTS = {"nsubj", "poss", "pobj", "conj", "dobj", "appos"}


def _polity(head: Token, role: str, index: MentionIndex, lexicon: Lexicon) -> ActorReading | None:
    """A town, county or state, by its name or by a noun for it ("the county"), taking part in an
    act only a body can take (event_types.yaml: polity_act_types: a deal, a sale): the place
    stands for its government ("Ohio's bond sale", "an agreement with the borough")."""
    if head.pos_ == "NOUN" and head.lemma_.lower() in lexicon.polity_nouns:
        words = _compact_phrase(head)
        return ActorReading(Actor(text=token_span(words).text, span=token_span(words), role=role),
                            frozenset({"state", "official"}))
    mention = index.mention_at(head)
    named_place = head.i in index.place_tokens or (mention is not None and mention.label == "GPE")
    if head.pos_ != "PROPN" or not named_place or head.dep_ not in POLITY_SLOTS:
        return None
    words = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [head]
    if mention is not None and mention.label == "GPE":
        return ActorReading(Actor(text=mention.span.text, span=mention.span, entity_id=mention.entity_id, role=role),
                            frozenset({"state", "official"}))
    return ActorReading(Actor(text=token_span(words).text, span=token_span(words), role=role),
                        frozenset({"state", "official"}))


def _a_person(actor: Actor, index: MentionIndex) -> bool:
    """An actor the entities stage knows for a person, whom "it" never stands for."""
    span = index.doc.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
    mention = index.mention_at(span.root) if span is not None and len(span) else None
    return mention is not None and (mention.label == "PERSON" or index.kind_of(mention) == "person")


# the pronouns that stand for one person, and those that stand for more than one
ONE_PERSON_WORDS = ONE_PERSON_PRONOUNS | {"hers"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "we", "us", "our"}
BODY_LABELS = {"ORG", "NORP", "GPE"}


def _speaker_of_another_number(pronoun: Token, speaker: ActorReading, index: MentionIndex) -> bool:
    """Whether a "he" or "she" inside a report cannot stand for its speaker by number: "witnesses
    said he ..." (many speakers), "the agency said she ..." (a body is no "she"). Such a pronoun
    stands for someone the report tells of. (A "they" may still be a single speaker's side:
    "the sergeant said he and two deputies searched the car when they ...".)"""
    if pronoun.lower_ in PLURAL_THIRD_PERSON:
        return _one_speaker_for_a_plural(pronoun, speaker, index)
    if pronoun.lower_ not in ONE_PERSON_WORDS:
        return False
    span = index.doc.char_span(speaker.actor.span.start, speaker.actor.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.pos_ == "PRON":
        return root.lower_ in PLURAL_PRONOUNS | {"it"}
    # (a name in a list is still one person: "Ann Roe and Lea Sand" holds two speakers' names)
    mention = index.mention_at(root)
    many = root.tag_ in {"NNS", "NNPS"} and (mention is None or mention.label != "PERSON")
    return many or (mention is not None and mention.label in BODY_LABELS)


# the third-person pronouns that stand for more than one
PLURAL_THIRD_PERSON = {"they", "them", "their", "theirs"}


def _one_speaker_for_a_plural(pronoun: Token, speaker: ActorReading, index: MentionIndex) -> bool:
    """Whether a "they" or "them" inside a report cannot stand for its speaker: the speaker is one
    person (a name, or a singular noun for people) and the report names no side of theirs before
    the pronoun ("the clerk told police two men had taken the cash and they were arrested": the
    men, not the clerk). A side named with the speaker keeps them ("the sergeant said he and two
    deputies searched the car before they ...")."""
    span = index.doc.char_span(speaker.actor.span.start, speaker.actor.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.tag_ not in {"NN", "NNP"} or any(c.dep_ == "conj" for c in root.children):
        return False
    mention = index.mention_at(root)
    if not ((mention is not None and mention.label == "PERSON") or (mention is None and names_people(root))):
        return False
    for token in pronoun.doc[pronoun.sent.start:pronoun.i]:
        if token.lower_ in {"we", "us", "our"} or (
                token.lower_ in ONE_PERSON_WORDS | {"i"} and any(c.dep_ == "conj" for c in token.children)):
            return False
    return True


# the pronouns that stand for a group or a thing, and whether they stand for more than one
GROUP_PRONOUNS = {"they": True, "them": True, "their": True, "it": False, "its": False}


def _agrees_in_number(subject: Token, plural: bool, index: MentionIndex) -> bool:
    """ "their" for a plural noun or a coordination ("police", "Lee and Roe"), "it" for one
    thing or body that is no person ("the agency", "the board")."""
    if plural:
        # (two subjects of one verb are a coordination the parser split: "Lee and Roe appeared")
        # (or a singular noun for a set of people, event_types.yaml: plural_group_nouns: "the pair")
        return subject.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in subject.children) or sum(
            c.dep_ in {"nsubj", "nsubjpass"} for c in subject.head.children) > 1 \
            or subject.lemma_.lower() in load_lexicon().plural_group_nouns
    mention = index.mention_at(subject)
    person = (mention is not None and mention.label == "PERSON") or names_people(subject) \
        or subject.lemma_.lower() in load_lexicon().plural_group_nouns
    return subject.tag_ in {"NN", "NNP"} and not person and not any(c.dep_ == "conj" for c in subject.children)


def _subject_binding(pronoun: Token, index: MentionIndex) -> Token | None:
    """The subject a "they", "their", "it" or "its" stands for inside its own sentence: the
    subject, before the pronoun and agreeing with it in number, of the nearest clause that holds
    the pronoun ("the board is studying its deal", "the men fled to a farm, where they hid";
    not "the minister said their homes burned": one minister is no "their"). A subject that
    holds the pronoun ("their leader") is no antecedent of it."""
    plural = GROUP_PRONOUNS.get(pronoun.lower_)
    if plural is None:
        return None
    node = pronoun
    while node.head.i != node.i:
        node = node.head
        if node.pos_ not in {"VERB", "AUX"}:
            continue
        for subject in node.children:
            if subject.dep_ not in {"nsubj", "nsubjpass"} or subject.i >= pronoun.i \
                    or pronoun in subject.subtree:
                continue
            if subject.pos_ not in {"NOUN", "PROPN"} and index.mention_at(subject) is None:
                # (a name the tagger took for an adjective still names someone when the entities
                # stage read it as a name)
                continue
            if _agrees_in_number(subject, plural, index):
                return subject
    return None


# what a "him" or "her" can hang on as the object of its own clause ("hit him", "took money
# from her"): the subject of that clause is someone else
OBJECT_DEPS = {"dobj", "dative", "iobj", "pobj"}
# the clauses a pronoun may climb out of to the subject it stands for: a time, cause or manner
# clause, a joined verb, a relative clause, a phrase ("after his arrest"); not a reported clause
# ("the officer said he was shot" tells of someone the officer speaks of)
REPORTED_DEPS = {"ccomp", "parataxis"}


def _person_subject_binding(pronoun: Token, index: MentionIndex) -> Token | None:
    """The subject a "he", "she", "him", "his" or "her" stands for inside its own sentence: the
    subject of the nearest clause that holds the pronoun's, named before it, when that subject is
    one person (a name, or a singular noun for people) whose name or noun does not tell the other
    sex ("A nurse was arrested after she had taken drugs from the ward": the nurse; "the driver fled
    before his arrest": the driver). An object pronoun never stands for the subject of its own
    clause ("the guard hit him"); a person named between the two leaves it open ("The officer
    shot a man after he ran"), and so does a reported clause ("the sergeant said he was shot")."""
    wanted = gender.PRONOUN_GENDER.get(pronoun.lower_)
    if wanted is None:
        return None
    skip_own = pronoun.dep_ in OBJECT_DEPS
    node = pronoun
    while node.head.i != node.i:
        if node.dep_ in REPORTED_DEPS:
            return None
        node = node.head
        if node.pos_ not in {"VERB", "AUX"}:
            continue
        if skip_own:
            skip_own = False
            continue
        subject = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or pronoun in subject.subtree:
            continue
        if subject.i >= pronoun.i:
            return None
        return subject if _one_person_fitting(subject, wanted, index) \
            and not _someone_named_between(subject, pronoun, index) else None
    return None


def _one_person_fitting(subject: Token, wanted: str, index: MentionIndex) -> bool:
    """Whether a subject names one person who may be of the sex ``wanted``."""
    if subject.tag_ not in {"NN", "NNP"} or any(c.dep_ == "conj" for c in subject.children):
        return False
    mention = index.mention_at(subject)
    if mention is not None:
        if mention.label != "PERSON" and index.kind_of(mention) != "person":
            return False
        told = _gender_of(mention, index)
        return told is None or told == wanted
    told = gender.gender_of_noun(subject.lemma_)
    return names_people(subject) and (told is None or told == wanted)


def _someone_named_between(subject: Token, pronoun: Token, index: MentionIndex) -> bool:
    """Whether a person is named after the subject's phrase and before the pronoun."""
    for token in pronoun.doc[subject.right_edge.i + 1:pronoun.i]:
        mention = index.mention_at(token)
        if (mention is not None and mention.label == "PERSON") or names_people(token) \
                or token.lower_ in ONE_PERSON_WORDS:
            return True
    return False


def _subject_of_sentence_before(pronoun: Token, index: MentionIndex) -> Token | None:
    """The subject of the main verb of the sentence before, when it agrees in number with a
    "they", "their", "it" or "its" its own sentence gives no subject for: a text goes on about
    what its last sentence was about ("The two men fled on foot. They were caught at dawn.")."""
    plural = GROUP_PRONOUNS.get(pronoun.lower_)
    sentence = pronoun.sent
    if plural is None or sentence.start == 0:
        return None
    before = pronoun.doc[sentence.start - 1].sent
    if _across_line_break(before.root, pronoun):
        return None
    for subject in before.root.children:
        if subject.dep_ in {"nsubj", "nsubjpass"} and subject.pos_ in {"NOUN", "PROPN"} \
                and _agrees_in_number(subject, plural, index):
            return subject
    return None


# the pronouns that stand for one person as the subject of their clause
SUBJECT_PERSON_PRONOUNS = {"he", "she"}


def _person_the_sentence_before_is_about(pronoun: Token, index: MentionIndex) -> Token | None:
    """The subject of the main verb of the sentence before, when it names one person and a "he"
    or "she" is the subject of a sentence that names no one before it: a text goes on about whom
    its last sentence was about, the subject of one sentence carried on as the subject of the
    next ("Roe was charged with arson, and Lee with theft. He was detained ...": Roe). The
    subject must name a person (a name, a noun for people, or the same pronoun, read in turn)
    whose name does not tell the other gender."""
    if pronoun.lower_ not in SUBJECT_PERSON_PRONOUNS or pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    sentence = pronoun.sent
    if sentence.start == 0 or _names_someone_before(pronoun, index):
        return None
    before = pronoun.doc[sentence.start - 1].sent
    if _across_line_break(before.root, pronoun):
        return None
    subject = next((c for c in before.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or any(c.dep_ == "conj" for c in subject.children):
        return None
    if subject.pos_ == "PRON":
        return subject if subject.lower_ == pronoun.lower_ and subject.i < pronoun.i else None
    mention = index.mention_at(subject)
    if mention is not None:
        person = mention.label == "PERSON" or index.kind_of(mention) == "person"
        return subject if person and not _disagrees_in_gender(pronoun, mention, index) else None
    return subject if subject.tag_ == "NN" and names_people(subject) else None


def _names_someone_before(pronoun: Token, index: MentionIndex) -> bool:
    """Whether the pronoun's own sentence names a person before it (it may stand for that one).
    A pronoun of the same sex before it names no one new: it stands for whom this one does ("As
    he ran off, he was shot again": both are the one the sentence before is about)."""
    wanted = gender.PRONOUN_GENDER.get(pronoun.lower_)
    for token in pronoun.doc[pronoun.sent.start:pronoun.i]:
        if token.lower_ in ONE_PERSON_WORDS and gender.PRONOUN_GENDER.get(token.lower_) == wanted:
            continue
        mention = index.mention_at(token)
        if (mention is not None and mention.label == "PERSON") or names_people(token) \
                or token.lower_ in ONE_PERSON_WORDS:
            return True
    return False


def _subject_after_fronted_phrase(pronoun: Token) -> Token | None:
    """The subject a pronoun looks ahead to when it sits in a phrase put before its clause ("In
    issuing his ruling, the judge ...", "After she landed, the envoy ..."): a singular subject
    named after the phrase. English lets a pronoun come first only so."""
    node = pronoun
    while node.head.i != node.i:
        attached, node = node, node.head
        if node.pos_ in {"VERB", "AUX"} and attached.dep_ in {"prep", "advcl", "npadvmod"}:
            subject = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None and attached.right_edge.i < subject.i and subject.tag_ in {"NN", "NNP"}:
                return subject
            return None
    return None


# how many sentences back a pronoun with no name between may look for the one it stands for
# ("Whitlock was charged ... He was convicted ... He was sentenced": each "he" is Whitlock)
PRONOUN_LOOKBACK = 3


def _windows_before(pronoun: Token) -> list[range]:
    """The pronoun's sentence up to it, then each sentence before it, nearest first."""
    sentence = pronoun.sent
    windows = [range(sentence.start, pronoun.i)]
    while sentence.start > 0 and len(windows) <= PRONOUN_LOOKBACK:
        sentence = pronoun.doc[sentence.start - 1].sent
        windows.append(range(sentence.start, sentence.end))
    return windows


def _only_person_before(pronoun: Token, index: MentionIndex) -> Mention | None:
    """The one person an article has named in the pronoun's sentence before it or, failing that,
    in the nearest sentence before that names anyone (up to ``PRONOUN_LOOKBACK`` back): "he" then
    can stand for no one else. Two people: no guess, unless the name of all but one tells the
    pronoun's other gender and the one left is known to fit ("Omar Diaz met Lucy Hart. She ...":
    Lucy Hart); one person of the other gender: no one ("Lucy Hart arrived. He ..."). An object
    pronoun never stands for the subject of its own clause ("Lucy Hart struck her": not Hart)."""
    own = _own_clause_subject(pronoun)
    own_mention = index.mention_at(own) if own is not None else None
    for window in _windows_before(pronoun):
        people = {}
        for i in window:
            mention = index.by_token.get(i)
            if mention is not None and mention.label == "PERSON" and mention.entity_id \
                    and not (own_mention is not None and mention.entity_id == own_mention.entity_id):
                people[mention.entity_id] = mention
        fitting = [m for m in people.values() if not _disagrees_in_gender(pronoun, m, index)]
        if len(people) == 1 and fitting:
            return fitting[0]
        if len(fitting) == 1 and _agrees_in_gender(pronoun, fitting[0], index):
            return fitting[0]
        if people:
            return None
    return None


def _own_clause_subject(pronoun: Token) -> Token | None:
    """The subject of the clause an object pronoun is the object of ("the guard hit him": guard)."""
    if pronoun.dep_ not in OBJECT_DEPS:
        return None
    node = pronoun
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return None


def _most_told_person_before(pronoun: Token, index: MentionIndex) -> Mention | None:
    """The person an article has named most often before a "he", "she", "him", "his" or "her" that
    nothing nearer binds: a news story goes on about its main person, and a pronoun with no
    antecedent of its own stands for them ("Ann Roe ... Roe ... Roe told the clerk Ed Hale ...
    She fled": Roe). A person whose name tells the other gender is left out, and so is the subject
    of an object pronoun's own clause ("Hale hit her": not Hale). A tie between the most named
    is left open, and so is a person named only once."""
    wanted = gender.PRONOUN_GENDER.get(pronoun.lower_)
    if wanted is None:
        return None
    own = _own_clause_subject(pronoun)
    own_mention = index.mention_at(own) if own is not None else None
    if own is not None and own_mention is None and own.lower_ in SUBJECT_PERSON_PRONOUNS:
        # "He shot her": "her" is not whom "he" is taken for
        own_mention = _most_told_person_before(own, index)
    counts: dict[str, int] = {}
    firsts: dict[str, Mention] = {}
    seen: set[int] = set()
    for i in range(0, pronoun.i):
        mention = index.by_token.get(i)
        if mention is None or id(mention) in seen or mention.label != "PERSON" or not mention.entity_id:
            continue
        seen.add(id(mention))
        counts[mention.entity_id] = counts.get(mention.entity_id, 0) + 1
        firsts.setdefault(mention.entity_id, mention)
    if own_mention is not None and own_mention.entity_id:
        counts.pop(own_mention.entity_id, None)
    fitting = sorted(((n, e) for e, n in counts.items() if not _disagrees_in_gender(pronoun, firsts[e], index)),
                     reverse=True)
    if not fitting or fitting[0][0] < MIN_TIMES_TOLD or (len(fitting) > 1 and fitting[1][0] == fitting[0][0]):
        return None
    return firsts[fitting[0][1]]


# how often a person must be named before a pronoun with no nearer antecedent to be taken for it
MIN_TIMES_TOLD = 2


def _gender_of(mention: Mention, index: MentionIndex) -> str | None:
    """'male', 'female' or None: what the person's name (its fullest form in the article) or the
    honorific before it tells."""
    words = index.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    word_before = index.doc[words.start - 1].text if words is not None and words.start > 0 else ""
    for name in (index.name_of(mention.entity_id, mention.span.text), mention.span.text):
        told = gender.gender_of_name(f"{word_before} {name}" if word_before.lower() in gender.name_tables()[0] else name)
        if told is not None:
            return told
    return None


def _agrees_in_gender(pronoun: Token, mention: Mention, index: MentionIndex) -> bool:
    """Whether the person is known to be of the gender "he" or "she" tells."""
    wanted = gender.PRONOUN_GENDER.get(pronoun.lower_)
    return wanted is not None and _gender_of(mention, index) == wanted


def _disagrees_in_gender(pronoun: Token, mention: Mention, index: MentionIndex) -> bool:
    """Whether "he", "him" or "his" (or "she", "her") cannot stand for the person: the name tells
    the other gender."""
    wanted = gender.PRONOUN_GENDER.get(pronoun.lower_)
    told = _gender_of(mention, index)
    return wanted is not None and told is not None and told != wanted


def _is_title(mention: Mention, doc: Doc, lexicon: Lexicon) -> bool:
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and lexicon.actor_kind(span.root.lemma_.lower()) is not None


def _across_line_break(a: Token, b: Token) -> bool:
    """A headline run into the next sentence ("Return of Afghan soldiers\nOn Sunday, ...")
    is no argument of its verb."""
    low, high = sorted((a.i, b.i))
    return any("\n" in t.text for t in a.doc[low:high] if t.is_space) or any(
        "\n" in t.whitespace_ for t in a.doc[low:high]
    )


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def _conjunct_passive(verb: Token) -> bool:
    """A passive verb, or a participle that shares a passive auxiliary with the verb it is
    coordinated with ("was arrested and convicted": convicted is passive too)."""
    if _is_passive(verb):
        return True
    return (verb.dep_ == "conj" and verb.tag_ == "VBN" and _is_passive(verb.head)
            and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children))


def _bare_conjunct_of_a_passive(verb: Token) -> bool:
    """A past form coordinated with a passive verb, with no subject, auxiliary or object of its own."""
    return verb.dep_ == "conj" and verb.tag_ in {"VBD", "VBN"} and _is_passive(verb.head) and not any(
        c.dep_ in {"dobj", "nsubj", "nsubjpass", "aux", "auxpass", "ccomp", "xcomp"} for c in verb.children)


def _gapped_passive(verb: Token) -> bool:
    """A verb of an act that befalls people (event_types.yaml: people_cues, accusing_verbs: it
    takes an object when active) joined to a passive verb, with a subject of its own but no
    auxiliary and no object ("a guard was killed and two others wounded", "three were charged
    and a fourth arrested"): passive as the verb it is joined to, its auxiliary left out; its
    subject undergoes it ("a guard was shot and the gunman fled" keeps its own voice)."""
    lexicon = load_lexicon()
    return (verb.dep_ == "conj" and verb.tag_ in {"VBN", "VBD"} and _is_passive(verb.head)
            and verb.lemma_.lower() in lexicon.people_cues | lexicon.accusing_verbs
            and not any(c.dep_ in {"aux", "auxpass", "dobj", "ccomp", "xcomp"} for c in verb.children))


def _author_of_the_channel_it_describes(verb: Token) -> Token | None:
    """Who wrote or gave the statement, letter or report a participle describes (attribution.yaml:
    channel_nouns): its possessor ("the union's statement condemning ...") or the subject of
    the verb it is the object of ("the council published a report blaming the mayor")."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG":
        return None
    channel = verb.head
    if channel.lemma_.lower() not in load_cues().channel_nouns:
        return None
    owner = next((c for c in channel.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    if channel.dep_ != "dobj" or channel.head.pos_ != "VERB":
        return None
    return next((c for c in channel.head.children if c.dep_ == "nsubj"), None)


# the legal steps whose active voice names the accused as an object before the crime's preposition
# ("police accused the clerk of theft", "charged two men with arson", "suspected her of fraud")
ACCUSED_BEFORE_CRIME = {"accuse", "charge", "suspect", "convict", "indict", "acquit", "arrest", "jail", "sentence"}
CRIME_PREPS = {"of", "with", "for"}


def _reduced_passive_of_an_accusation(verb: Token, lexicon: Lexicon) -> bool:
    """A past form of a legal step with a subject but no object, no auxiliary and the crime's
    preposition right after it ("the guard accused of beating him went to prison", "a driver charged
    with theft fled"): active, the verb would name the accused before the preposition, so the
    subject is the accused, a passive relative clause with its "who was" left out that the
    parser read as a finite verb."""
    if verb.tag_ not in {"VBD", "VBN"} or verb.lemma_.lower() not in ACCUSED_BEFORE_CRIME & lexicon.accusing_verbs:
        return False
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    if any(c.dep_ in {"dobj", "dative", "aux", "auxpass", "nsubjpass", "ccomp", "xcomp"} for c in verb.children):
        return False
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is not None and following.dep_ == "advmod" and following.head.i == verb.i and following.i + 1 < len(verb.doc):
        following = verb.doc[following.i + 1]  # "accused falsely of"
    return following is not None and following.head.i == verb.i and following.dep_ == "prep" \
        and following.lower_ in CRIME_PREPS


# where a past participle stands in a clause of no finite verb: "with two cooks injured" (pcomp),
# "five miners, a cook and two drivers injured" (acl), "the guard killed and two others hurt" (conj)
ABSOLUTE_PARTICIPLE_DEPS = {"pcomp", "acl", "conj", "advcl", "oprd", "xcomp", "ccomp"}


def absolute_participle(verb: Token) -> bool:
    """A past participle with a subject of its own but no auxiliary and no object, in a clause that
    has no finite verb ("killed, with a porter and two cooks injured", "there were five miners and
    two drivers hurt"): English has no active past participle without "have", so its subject
    undergoes it, whatever subject label the parser gave. Only a verb of an act that befalls
    people (event_types.yaml: people_cues, accusing_verbs: it takes an object when active) is read
    so: a verb that takes none has no passive ("DORVAL — the cousin ... agreed to terms", a main verb
    the parser hung on a dateline word, stays active). A past tense the tagger read (VBD) is a
    finite verb and keeps its own voice; a participle with an object is active."""
    lexicon = load_lexicon()
    return (verb.tag_ == "VBN" and verb.dep_ in ABSOLUTE_PARTICIPLE_DEPS and verb.head.i != verb.i
            and verb.lemma_.lower() in lexicon.people_cues | lexicon.accusing_verbs
            and any(c.dep_ == "nsubj" for c in verb.children)
            and not any(c.dep_ in {"aux", "auxpass", "dobj", "ccomp", "xcomp", "mark"} for c in verb.children))


def bare_participle_complement(verb: Token) -> bool:
    """A past participle with no auxiliary, no "to" and no object of its own, complementing a
    verb of finding, leaving or seeing (event_types.yaml: small_clause_verbs): "was found shot",
    "found the guard stabbed", "left him wounded". English gives such a participle a passive
    sense; its subject (or the governing verb's) undergoes it."""
    if verb.tag_ != "VBN" or verb.dep_ not in {"xcomp", "ccomp", "oprd"} or verb.head.i == verb.i:
        return False
    if any(c.dep_ in {"aux", "auxpass", "dobj", "mark"} for c in verb.children):
        return False
    return verb.head.lemma_.lower() in load_lexicon().small_clause_verbs


def _object_controller(complement: Token) -> Token | None:
    """The object, before it, of an active verb of asking, urging or making (event_types.yaml:
    object_control_verbs) that an infinitive complements ("asked the clerk to schedule", "urged
    the council to act"), or None."""
    if complement.dep_ != "xcomp" or _is_passive(complement.head) \
            or complement.head.lemma_.lower() not in load_lexicon().object_control_verbs:
        return None
    return next((c for c in complement.head.children if c.dep_ == "dobj" and c.i < complement.i), None)


ABSOLUTE_WITH_DEPS = {"advcl", "conj", "acl"}


def _object_of_an_absolute_with(verb: Token) -> Token | None:
    """ "Nine guards were killed with two drivers and a cook wounded": the parser hangs the bare
    participle on the main verb and takes the words after "with" for that preposition's object,
    but they are the participle's own subject ("with X wounded" is a clause of its own; English
    has no active past participle without "have", so X underwent it). The object of a "with" of
    the governing verb that ends right before the participle, when the participle has no
    subject, auxiliary or object of its own; None otherwise. (Not the main clause's subject:
    the guards were killed, the drivers wounded.)"""
    # (a participle the tagger took for a past tense is still one: it has no subject of its own)
    if verb.tag_ not in {"VBN", "VBD"} or verb.dep_ not in ABSOLUTE_WITH_DEPS or verb.head.i == verb.i:
        return None
    lexicon = load_lexicon()
    if verb.lemma_.lower() not in lexicon.people_cues | lexicon.accusing_verbs:
        return None  # only an act that befalls people has no active participle without "have"
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "dobj", "mark", "agent"} for c in verb.children):
        return None
    governor = verb.head
    if verb.dep_ == "acl":
        # "... with two drivers and a cook wounded": the participle hung on the list's last member
        first = governor
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        if first.i != governor.i and first.dep_ == "pobj" and first.head.lower_ == "with" and _may_name_people(first, lexicon):
            return first
        return None
    for prep in governor.children:
        if prep.dep_ != "prep" or prep.lower_ != "with" or prep.i > verb.i:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        # the "with" phrase ends where the participle's own words begin ("an Iraqi injured")
        if obj is not None and obj.right_edge.i == verb.left_edge.i - 1 and _may_name_people(obj, lexicon):
            return obj
    return None


def _may_name_people(noun: Token, lexicon: Lexicon) -> bool:
    """A name, a count ("two drivers") or a noun for people ("a cook"), not a thing or a crime
    ("charged with theft and jailed": the theft was not jailed)."""
    return noun.pos_ in {"PROPN", "PRON"} or any(c.dep_ == "nummod" for c in noun.children) \
        or bool(lexicon.actor_kind(noun.lemma_.lower())) or noun.lemma_.lower() in lexicon.people_quantifiers


APPOSITION_MARKS = {",", "(", "-", "–", "—", ":"}


# the dashes that close a dateline ("SALEM — ", "SALEM -- ")
DATELINE_DASHES = {"-", "--", "–", "—"}


def _a_dateline(subject: Token, mark: Token) -> bool:
    """Whether a subject the parser found is a story's dateline: the words opening the sentence up
    to a dash right after them, every word in capitals ("FALLS VILLAGE —", "SALEM --"), not a
    description set off by a dash ("The new chief — Ana Ruiz")."""
    letters = [t for t in subject.doc[subject.left_edge.i:mark.i] if t.is_alpha]
    return subject.left_edge.i == subject.sent.start and mark.i in {subject.right_edge.i, subject.right_edge.i + 1} \
        and mark.text in DATELINE_DASHES and bool(letters) and all(t.is_upper for t in letters) \
        and sum(len(t) for t in letters) >= 3


def _not_run_on(subjects: list[Token], verb: Token) -> list[Token]:
    """Of two subjects the parser hung on one verb, the one that stands next to it when nothing sets
    it off from the other: a description and a name in apposition come apart by a comma or a dash
    ("The city's new police chief, Ana Ruiz, resigned"), two noun phrases that simply follow each
    other are two sentences run together, a headline or a dateline before the first sentence
    ("Court Fines Owner of Burned Warehouse A judge has fined the owner ..."): the farther one is the
    subject of the run-on words, not of the verb."""
    before = sorted((s for s in subjects if s.i < verb.i), key=lambda s: s.i)
    if len(before) < 2:
        return subjects
    nearer, farther = before[-1], before[-2]
    start = nearer.left_edge.i
    if start <= farther.i or start == 0:
        return subjects
    if _a_dateline(farther, verb.doc[start - 1]):
        # "SALEM — A man was arrested ...": the town in capitals that opens the story before a dash
        return [s for s in subjects if s is not farther]
    if verb.doc[start - 1].text in APPOSITION_MARKS or nearer.left_edge.dep_ == "cc":
        return subjects
    if not any(t.lower_ in {"a", "an", "the"} or t.like_num for t in verb.doc[start:nearer.i]):
        # a bare name after a phrase ("the envoy Ana Ruiz") may be its apposition still
        return subjects
    return [s for s in subjects if s is not farther]


def subjects_of(verb: Token) -> tuple[list[Token], bool]:
    """The subjects of a verb (a description and a name can both be subjects: "The Omani
    special envoy ..., Faisal bin Nasser Al Mansouri landed") and whether they are passive
    subjects, looking through control ("claimed to have fought"), coordination ("attacked
    ... and appear to be shelling") and participles ("pushed further, reaching")."""
    node = verb
    raised = gerund = False
    # "..., accused of arson", "Arrested at the border, the man ...": a past participle heading a
    # clause of its own with no auxiliary and no subject is passive; its clause's subject undergoes it
    reduced = verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(
        c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass", "csubj"} for c in verb.children)
    # "was found shot", "found the guard stabbed": a bare participle complement is passive
    small_clause = bare_participle_complement(verb)
    with_object = _object_of_an_absolute_with(verb)
    if with_object is not None:
        return [with_object], True
    # "..., having been sentenced by a judge", "was killed while supporting a patrol": a clause
    # hung on another with no subject of its own takes that clause's subject in its own voice
    own_voice: bool | None = None
    for _ in range(6):
        found = _not_run_on([
            c for c in node.children
            if c.dep_ in {"nsubj", "csubj", "nsubjpass"} and c.lower_ not in {"which", "that", "who"}
            and not _across_line_break(c, node)
        ], node)
        if found and (reduced or small_clause
                      or (node is verb and (_gapped_passive(verb) or absolute_participle(verb)))):
            return found, True
        if found and own_voice is not None:
            return found, own_voice
        if found:
            if gerund:
                # "raised money by selling cards", "was arrested after fleeing": the gerund's
                # doer is its clause's subject, in the gerund's own voice ("after being charged")
                return found, _is_passive(verb)
            if raised:
                # "Obasanjo is expected to arrive": the subject raised from the infinitive is
                # its doer, unless the infinitive is passive itself ("expected to be released")
                return found, _is_passive(verb)
            return found, any(c.dep_ == "nsubjpass" for c in found)
        if node.dep_ == "amod" and node.tag_ == "VBN" and node.head.pos_ in {"NOUN", "PROPN"}:
            # "a murdered guard", "the slain reporter Ann Lee": a past participle before a noun
            # says the noun underwent it; the noun may be a title inside a longer name
            noun = node.head
            while noun.dep_ == "compound" and noun.head.pos_ in {"NOUN", "PROPN"}:
                noun = noun.head
            return [noun], True
        if node is verb and _prenominal_present_participle(node):
            # "advancing troops", "fleeing villagers": a present participle before a noun says
            # the noun does it
            return [node.head], False
        acting = _acted_through_what_it_hangs_on(node) if node is verb else None
        if acting:
            # "issued a resolution approving the loan": the resolution approves nothing itself
            return acting, False
        depicted = _depicted_by_a_participle(node) if node is verb else None
        if depicted:
            # "appeared at the courthouse charged with arson": the clause's subject was charged, not the court
            return depicted, True
        if node.dep_ in {"relcl", "acl"} and (node.head.pos_ in {"NOUN", "PROPN", "PRON"} or _an_age_for_a_person(node.head)
                                              or _a_count_of_people(node.head)):
            # "the leader, who has been detained since the coup": a passive relative clause
            # has its noun for patient
            # (a participle the tagger took for a past tense, "Hassan - shot dead by police -",
            # is still a participle: an acl has no subject of its own)
            passive = (node.tag_ in {"VBN", "VBD"} and node.dep_ == "acl") or any(
                c.dep_ in {"nsubjpass", "auxpass", "agent"} for c in node.children)
            return [node.head], passive
        owner = _owner_of_noun_over_gerund(node)
        if owner is not None and not gerund and not raised:
            # "the coach's suspension for attacking a referee", "his arrest for stealing": who the noun
            # is of did what the gerund says
            return [owner], False
        timed = _clause_a_span_of_time_hangs_on(node)
        if (node.dep_ == "pcomp" or _gerund_taken_for_an_object(node)) and (node.tag_ == "VBG" or _is_passive(node)) \
                and node.head.dep_ == "prep" \
                and (node.head.head.pos_ in {"VERB", "AUX"} or _adjective_of_its_subject(node.head.head)
                     or timed is not None) \
                and not gerund and not raised:
            gerund = True
            # "within hours of landing, the pilots were ...": a gerund that measures a span of
            # time is the act of the clause the span hangs on
            governor = timed if timed is not None else node.head.head
            if governor.pos_ == "ADJ":
                # "pleaded guilty to stealing copper wire", "was responsible for killing a guard": a
                # gerund after an adjective said of the subject is the subject's act
                governor = governor.head
            if node.head.lower_ in OBJECT_GERUND_PREPS and timed is None:
                # "convicted a man for impeding ...", "stopped them from entering": the object
                # did what the gerund says (a passive subject is that object: "was convicted for")
                obj = next((c for c in governor.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    return [obj], _is_passive(verb)
            node = governor
            continue
        if node.dep_ in {"conj", "xcomp", "advcl"} and node.head.i != node.i:
            nearer = _act_a_toll_follows(node) if node is verb else None
            if nearer is not None:
                node = nearer
                continue
            if node.dep_ == "conj" and _conjunct_passive(node) != _is_passive(node.head):
                # a conjunct with no subject of its own shares its head's, whatever the voice:
                # "Carter fled but was arrested" (Carter undergoes the arrest), "he was shot
                # and died" (he died)
                subjects, _ = subjects_of(node.head)
                # (a gerund or an infinitive keeps its own voice: "was sentenced after pleading
                # guilty": the one sentenced pleaded)
                return subjects, _is_passive(verb) if gerund or raised else _conjunct_passive(node)
            controller = _object_controller(node)
            if controller is not None and not gerund:
                # "the mayor asked the clerk to schedule a hearing": the object of a verb of
                # asking, urging or making does what its infinitive says, not the verb's subject
                return [controller], _is_passive(verb)
            raised = raised or (node.dep_ == "xcomp" and _is_passive(node.head))
            if node.dep_ == "xcomp" and _adjective_of_its_subject(node.head) \
                    and node.head.lemma_.lower() in load_lexicon().subject_control_adjectives:
                # "was able to sell his barn", "is eager to meet": the infinitive after an adjective
                # of will or ability is the subject's act (event_types.yaml: subject_control_adjectives;
                # not after "easy" or "hard": "the car is hard to sell" says nothing the car does)
                node = node.head.head
                continue
            if node.dep_ == "advcl" and own_voice is None and not raised and not gerund:
                own_voice = _is_passive(node)
            node = node.head
            continue
        return [], False
    return [], False


def _holds_a_harm(noun: Token, verb: Token, lexicon: Lexicon) -> bool:
    """A noun of bodily harm carried by a verb that tells one has it ("the officers had minor
    injuries", "two firefighters reported burns"; event_types.yaml: harm_holder_verbs, harm_nouns):
    the verb's subject underwent the harm."""
    return verb.lemma_.lower() in lexicon.harm_holder_verbs and noun.lemma_.lower() in lexicon.harm_nouns


def _adjective_of_its_subject(word: Token) -> bool:
    """An adjective said of its clause's subject through a verb ("was able", "pleaded guilty",
    "is responsible"): the ``acomp`` of a verb."""
    return word.pos_ == "ADJ" and word.dep_ == "acomp" and word.head.pos_ in {"VERB", "AUX"}


# prepositions that concede an event ("kept firing despite the truce"): it happened in spite of
# the event, whose parties are not whom the act is aimed at
CONCESSIVE_PREPS = {"despite", "notwithstanding"}


def _conceded(noun: Token) -> bool:
    """Whether an event noun sits in a concessive phrase ("despite the truce", "in spite of the
    ban"): the act went on against it, so its doer is no party of the act."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    if prep.lower_ in CONCESSIVE_PREPS:
        return True
    # "in spite of": "of" hangs on "spite", which hangs on "in"
    return prep.lower_ == "of" and prep.head.lower_ == "spite"


def _prenominal_present_participle(verb: Token) -> bool:
    """A present participle that modifies the noun after it ("the retreating rebels", "arriving
    volunteers"): the noun is its subject, in the active voice, as "the rebels who retreat"."""
    return verb.dep_ == "amod" and verb.tag_ == "VBG" and verb.head.pos_ in {"NOUN", "PROPN"} \
        and verb.i < verb.head.i


def _act_a_toll_follows(participle: Token) -> Token | None:
    """The act a toll participle tells the toll of when the parser hung it on a verb of no harm
    further up ("Police are hunting a man who left a bomb that exploded on Sunday, wounding four":
    the bomb wounded four, not the police): the last verb before the participle's comma, inside
    its head's clause, that is a cue of an attack, a killing or a blast (ASSAULT); the toll is
    of that verb, whose subject is its doer."""
    lexicon = load_lexicon()
    head = participle.head
    if participle.dep_ != "advcl" or participle.tag_ != "VBG" or participle.lemma_.lower() not in lexicon.toll_verbs \
            or participle.i < 2 or participle.doc[participle.i - 1].text != "," or head.i > participle.i:
        return None
    if head.pos_ in {"VERB", "AUX"} and (cue := match_cue(head, lexicon)) is not None and cue[0].type == "ASSAULT":
        return None  # "the bomb exploded on Sunday, wounding four": hung on its own act already
    for token in reversed(participle.doc[head.i + 1:participle.i - 1]):
        if token.pos_ != "VERB" or not any(a.i == head.i for a in token.ancestors):
            continue
        cue = match_cue(token, lexicon)
        return token if cue is not None and cue[0].type == "ASSAULT" else None
    return None


def _depicted_by_a_participle(participle: Token) -> list[Token]:
    """The subjects a participle of an act that befalls people (people_cues, accusing_verbs)
    tells of when the parser hung it on the noun of a place or a body after a preposition ("two
    men appeared at the courthouse charged with theft", "was brought to the station handcuffed"):
    a courthouse or a station is charged with nothing, so the participle depicts the subject of
    the verb the preposition hangs on, or that verb's object ("took the driver to the courthouse
    charged with theft"); a noun that names people keeps it ("spoke to the men charged with fraud")."""
    lexicon = load_lexicon()
    noun = participle.head
    if participle.dep_ != "acl" or participle.tag_ != "VBN" \
            or participle.lemma_.lower() not in lexicon.people_cues | lexicon.accusing_verbs \
            or any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in participle.children):
        return []
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or names_people(noun) or noun.ent_type_ in {"PERSON", "NORP", "ORG"} \
            or _a_count_of_people(noun) or noun.lemma_.lower() in lexicon.people_quantifiers:
        return []
    preposition = noun.head
    if preposition.dep_ != "prep" or preposition.head.pos_ not in {"VERB", "AUX"}:
        return []
    carrier = preposition.head
    carried = [c for c in carrier.children if c.dep_ == "dobj"]
    if carried and not _is_passive(carrier):
        # "officers took the driver to the courthouse charged with theft": the one taken is depicted
        return carried[:1]
    subjects, _ = subjects_of(carrier)
    return subjects


def _acted_through_what_it_hangs_on(participle: Token) -> list[Token]:
    """The subjects a present participle with no subject of its own acts through when the parser
    hung it on a noun that does nothing itself: a thing or an event a carrying verb makes, puts or
    holds ("the board issued a resolution approving the loan", "shops put up signs banning
    skateboards", "the ferry made two trips carrying troops": the board approves, the shops ban,
    the ferry carries; event_types.yaml: support_verbs, maker_verbs), the owner of such a noun ("the union's
    leaflet urging a strike"), or the place the subject of "be" is at ("a detective was at the
    house investigating"). A noun that names people or a body keeps the participle ("the board
    posted two officers guarding the gate": the officers guard it), and so does a thing under any other
    verb ("police stopped a van carrying migrants": the van carries them)."""
    lexicon = load_lexicon()
    noun = participle.head
    if participle.dep_ != "acl" or participle.tag_ != "VBG" or participle.i < noun.i \
            or any(c.dep_ in {"nsubj", "nsubjpass", "csubj", "aux", "auxpass"} for c in participle.children):
        return []
    if noun.pos_ != "NOUN" or noun.ent_type_ or names_people(noun) or names_a_body_of_people(noun) \
            or names_a_doer_of_a_verb(noun) or lexicon.actor_kind(noun.lemma_.lower()) or _a_count_of_people(noun):
        return []
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return [owner]
    # an event noun is carried by a carrying verb ("made two trips carrying troops"), a thing only
    # by a verb that makes or puts it out ("stopped a truck carrying copper" stops no event)
    carriers = lexicon.maker_verbs | (lexicon.support_verbs if (noun.lemma_.lower(), "NOUN") in lexicon.cues else frozenset())
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in carriers:
        carrier = noun.head
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in {"at", "in", "on", "inside"} \
            and noun.head.head.lemma_.lower() == "be" and noun.head.head.pos_ in {"AUX", "VERB"}:
        carrier = noun.head.head
    else:
        return []
    subjects, passive = subjects_of(carrier)
    return [] if passive else subjects


def _gerund_taken_for_an_object(word: Token) -> bool:
    """A gerund the parser made the object of its preposition ("after landing", "of arriving"):
    a verb's "-ing" form with no determiner, possessor or adjective of a noun ("after the
    shooting" is a noun)."""
    return word.dep_ == "pobj" and word.tag_ == "VBG" and word.pos_ == "VERB" and not any(
        c.dep_ in {"det", "poss", "amod", "compound", "nummod"} for c in word.children)


@lru_cache(maxsize=1)
def _spans_of_time() -> frozenset[str]:
    """Nouns of a span of time a gerund can be counted from ("within minutes of arriving", "hours
    after landing"): the time tagger's units (time/vocabulary.yaml: units) and "moment"."""
    return frozenset(vocabulary()["units"]) | {"moment"}


def _clause_a_span_of_time_hangs_on(gerund: Token) -> Token | None:
    """The verb a span of time counted from a gerund hangs on ("Within minutes of arriving, the
    crew had ...", "Two days after landing, the pilots ..."): the gerund, with no subject of its
    own, is the act of that verb's subject, as any gerund after a preposition of that verb is."""
    if not (gerund.dep_ == "pcomp" or _gerund_taken_for_an_object(gerund)) or gerund.tag_ != "VBG" or gerund.head.dep_ != "prep" \
            or gerund.head.lower_ not in {"of", "after", "before"}:
        return None
    span = gerund.head.head
    if span.pos_ != "NOUN" or span.lemma_.lower() not in _spans_of_time():
        return None
    if span.dep_ == "pobj" and span.head.dep_ == "prep" and span.head.head.pos_ in {"VERB", "AUX"}:
        return span.head.head
    if span.dep_ == "npadvmod" and span.head.pos_ in {"VERB", "AUX"}:
        return span.head
    return None


def _owner_of_noun_over_gerund(gerund: Token) -> Token | None:
    """The possessor of the noun a gerund complements with "for", "of", "from" or "with" ("the
    clerk's arrest for stealing"), or None."""
    if not (gerund.dep_ == "pcomp" and gerund.tag_ == "VBG" and gerund.head.dep_ == "prep"
            and gerund.head.lower_ in OBJECT_GERUND_PREPS and gerund.head.head.pos_ == "NOUN"):
        return None
    return next((c for c in gerund.head.head.children if c.dep_ == "poss"), None)


def _subject_of(verb: Token, index: MentionIndex | None = None) -> tuple[Token | None, bool, list[Token]]:
    subjects, passive = subjects_of(verb)
    if not subjects:
        return None, False, []
    if index is not None:
        named = [s for s in subjects if (m := index.mention_at(s)) is not None and m.label == "PERSON"]
        if named:
            return named[0], passive, [s for s in subjects if s is not named[0]]
    return subjects[0], passive, subjects[1:]


def _has_active_subject(verb: Token) -> bool:
    """The verb has an active subject of its own (an ``nsubj`` child): a "by" phrase the parser
    calls an agent then is no passive's."""
    return any(c.dep_ == "nsubj" for c in verb.children)


def _agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _prep_objects(token: Token, preps: set[str]) -> list[Token]:
    found = []
    for child in token.children:
        if child.dep_ in {"prep", "dative"} and child.lower_ in preps:
            found.extend(g for g in child.children if g.dep_ == "pobj")
        if child.dep_ == "dative" and child.pos_ in {"NOUN", "PROPN"}:
            found.append(child)
    return found


def _noun_agent(noun: Token, lexicon: Lexicon | None = None) -> Token | None:
    """ "Taliban attacks", "the group's offensive", "violence by the Taliban" (the possessor of a
    noun whose possessor undergoes it, "the colonel's arrest", is its target: ``_noun_patient``)."""
    own = {"compound", "nmod", "amod"} if _noun_patient(noun, lexicon) is not None else {"compound", "poss", "nmod", "amod"}
    for child in noun.children:
        if child.dep_ in own and child.pos_ in {"PROPN", "NOUN", "ADJ"}:
            if child.ent_type_ in {"ORG", "NORP", "GPE", "PERSON"}:
                return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            agent = next((g for g in child.children if g.dep_ == "pobj"), None)
            if agent is not None:
                return agent
    carrier = _carrier_described_by(noun, lexicon)
    if carrier is not None:
        return carrier
    for child in noun.children:
        # "a dispatcher's instructions", "the police shooting": a possessor the recogniser gave
        # no name label (read_actor decides whether it names someone), a compound noun for a body
        # of people (event_types.yaml: actor_nouns)
        # (not a day or a time: "Saturday's police shooting" is the police's)
        if child.dep_ == "poss" and "poss" in own and child.pos_ in {"NOUN", "PROPN"} \
                and child.ent_type_ in NAME_LABELS | MISREAD_NAME_LABELS:
            return child
        if child.dep_ == "compound" and child.pos_ == "NOUN" and lexicon is not None \
                and lexicon.actor_kind(child.lemma_.lower()):
            return child
    if "poss" in own:
        # "during her visit", "in issuing his order": a possessive pronoun is the noun's doer as
        # surely as a possessive name is ("the minister's visit"); read_actor finds whom it stands for
        owner = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS), None)
        if owner is not None:
            return owner
    return None


def _subjected_to(noun: Token, lexicon: Lexicon) -> tuple[Token | None, Token | None]:
    """Who undergoes an event noun in the "to" phrase of "subject" or "expose" (event_types.yaml:
    subjected_to), and who subjects them to it: the subject of "were subject to army raids" or
    of a passive ("was subjected to an assault", with its "by" agent), the object of an active
    verb with its subject ("the stranger subjected the porter to an assault")."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "to" or noun.head.dep_ != "prep":
        return None, None
    word = noun.head.head
    if word.lemma_.lower() not in lexicon.subjected_to_words:
        return None, None
    if word.pos_ == "ADJ" and word.dep_ == "acomp":
        return next((c for c in word.head.children if c.dep_ == "nsubj"), None), None
    if word.pos_ != "VERB":
        return None, None
    passive = next((c for c in word.children if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        return passive, _agent_of(word)
    subjects, _ = subjects_of(word)  # (a conjunct shares its head's: "chased her and subjected her to")
    return next((c for c in word.children if c.dep_ == "dobj"), None), next(iter(subjects), None)


def _one_acting_at(noun: Token, lexicon: Lexicon) -> Token | None:
    """The active subject of the verb an event noun of ``attended_events`` hangs on by one of its
    prepositions ("the board voted at its meeting", "during a public meeting, the principal
    described the plan", "voted after two hours of discussion"): one who acts at a meeting took
    part in it (not one who speaks there: ``_a_saying``). None when the noun has a possessor of its own other than a pronoun or a day
    ("at the supervisors' meeting, the engineer said": the supervisors' meeting, whoever spoke)."""
    if any(c.dep_ == "poss" and c.lower_ not in POSSESSIVE_PRONOUNS and c.ent_type_ not in {"DATE", "TIME"}
           for c in noun.children):
        return None
    node = noun
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in lexicon.attended_spans:
        node = node.head.head  # "after nine hours of bargaining"
    if node.dep_ != "pobj" or node.head.dep_ != "prep" or node.head.lower_ not in lexicon.attended_preps:
        return None
    verb = node.head.head
    if verb.pos_ not in {"VERB", "AUX"} or _a_saying(verb, lexicon):
        return None
    subjects, passive = subjects_of(verb)
    return subjects[0] if subjects and not passive else None


def _a_saying(verb: Token, lexicon: Lexicon) -> bool:
    """A verb of saying ("said", "told": attribution.yaml's reporting verbs; "spoke":
    event_types.yaml, attended_events.saying_verbs): one who speaks at a meeting may be anyone who
    attends it, not the body that holds it."""
    return verb.lemma_.lower() in load_cues().reporting_verbs | lexicon.attended_saying_verbs


def _carrier_described_by(noun: Token, lexicon: Lexicon | None) -> Token | None:
    """The "by" agent of a passive participle or relative clause on an event noun whose verb only
    carries it (event_types.yaml: support_verbs): "the raid, which was carried out by federal
    agents", "the blaze sparked by a welder" name who did it as surely as "agents carried out a
    raid" does. A verb that says something else of the event ("the raid, praised by the mayor")
    names no doer."""
    if lexicon is None:
        return None
    for child in noun.children:
        if child.dep_ in {"acl", "relcl"} and child.pos_ == "VERB" and child.lemma_.lower() in lexicon.support_verbs:
            agent = _agent_of(child)
            if agent is not None:
                return agent
    return None


def _against_shared(noun: Token, of_its_verb: bool = True) -> list[Token]:
    """The "against" phrase an event noun shares: the one on the verb whose passive subject or
    object it is ("charges were dismissed against a cook"), or the one on the noun joined to it
    ("dropped two theft charges and an assault charge against the cook"); ``of_its_verb``: the
    verb's too (not for a noun a verb carries, whose own phrases are read with the verb's)."""
    found = []
    if of_its_verb and noun.dep_ in {"nsubjpass", "dobj"} and noun.head.pos_ == "VERB":
        found += _prep_objects(noun.head, {"against"})
    for conjunct in noun.children:
        if conjunct.dep_ == "conj" and conjunct.pos_ == "NOUN":
            found += _prep_objects(conjunct, {"against"})
    return found


# the prepositions by which a legal step names the act it is for ("sentenced for the bombing",
# "convicted of the murder", "charged over the attack", "pleaded guilty to the shooting"); a
# step only told after or during an act ("arrested after the attack") says nothing of its doer
ACCUSED_FOR_PREPS = {"for", "of", "over", "with", "to"}


def _noun_doer(noun: Token, lexicon: Lexicon, index: MentionIndex) -> Token | None:
    """The doer ``_noun_agent`` reads, unless it is a town's name modifying the noun: "the
    Manchester bombing", "the Kandahar attack" say where, not who (a country's name may act:
    "US airstrikes", "the Pakistan strikes"; ``Place.names_a_state``)."""
    agent = _noun_agent(noun, lexicon)
    if agent is not None and agent.dep_ in {"compound", "nmod"} and agent.head.i == noun.i \
            and agent.i in index.place_tokens and agent.i not in index.state_places:
        return None
    if agent is not None and agent.dep_ in {"compound", "nmod"} and agent.head.i == noun.i \
            and agent.lower_ in lexicon.occasion_names:
        return None  # "the Vilna Marathon bombing": the occasion it struck (event_types.yaml: occasion_names)
    return agent


def _accused_of(crime: Token, lexicon: Lexicon, own_preps_only: bool = False) -> Token | None:
    """Who the legal step naming a crime (``accusing_verbs``: charge, convict, arrest ...) is
    about: its passive subject ("the mayor was charged with fraud", "with counts of arson"), its
    object ("arrested two men for arson") or, in a plea, its subject ("pleaded guilty to fraud").
    ``own_preps_only``: only through the prepositions that name what a step is for
    (``ACCUSED_FOR_PREPS``), for an act that is no crime by name ("an attack", "a killing")."""
    step = crime
    # (through "guilty" too: "pleaded guilty to three counts of theft")
    while step.dep_ in {"pobj", "prep", "conj", "appos", "nmod", "compound", "acomp"} and step.head.i != step.i:
        if own_preps_only and step.dep_ == "prep" and step.lower_ not in ACCUSED_FOR_PREPS:
            return None
        step = step.head
    if step.pos_ != "VERB" or step.lemma_.lower() not in lexicon.accusing_verbs:
        return None
    for dep in ("nsubjpass", "dobj"):
        found = next((c for c in step.children if c.dep_ == dep), None)
        if found is not None:
            return found
    # a step with neither is told of the accused as its subject ("pleaded guilty to fraud",
    # "confessed to the theft"), looked for through a relative clause ("Lee, who pleaded guilty ...")
    # (or, passive, the one it befell with no auxiliary to say so: "the three men charged with
    # fraud", "..., convicted of arson in 2019, ...", "appeared at the courthouse charged with theft")
    subjects, _ = subjects_of(step)
    return subjects[0] if subjects else None


def claimant_of(noun: Token, lexicon: Lexicon) -> Token | None:
    """Who claims an event noun (event_types.yaml: responsibility_claims): the subject of a claim
    verb whose object is the noun ("a militia claimed the raid") or a claim noun the noun's "for"
    phrase hangs on ("claimed responsibility for the bombing", "took credit for the attack"), the
    "by" agent when the claim is passive ("the raid was claimed by a militia"). One who claims an
    attack says it did it."""
    responsible = one_responsible_for(noun, lexicon)
    if responsible is not None:
        return responsible
    node = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "for":
        claim = noun.head.head
        if claim.lemma_.lower() in lexicon.claim_nouns and claim.dep_ == "dobj":
            node = claim  # "claimed responsibility for the bombing"
        elif claim.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in lexicon.claim_nouns
                                          for c in claim.children):
            node = next(c for c in claim.children if c.dep_ == "dobj")  # "for" hung on the verb
        else:
            return None
    verb = node.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon.claim_verbs:
        return None
    if node is noun and noun.dep_ == "nsubjpass":
        return _agent_of(verb)  # "the raid was claimed by a militia"
    if node.dep_ != "dobj" or (node is noun and verb.lemma_.lower() != "claim"):
        return None  # "took the attack" claims nothing; "claimed the raid" does
    subjects, passive = subjects_of(verb)
    if not subjects or passive or _claim_denied(verb, subjects[0], lexicon):
        return None
    return subjects[0]


def one_responsible_for(noun: Token, lexicon: Lexicon) -> Token | None:
    """Who is said to be responsible for an event noun (event_types.yaml:
    responsibility_claims.adjectives): the noun the adjective follows ("the cell responsible for
    the raids") or the subject of its copula, through "thought to be" ("a woman thought to have
    been responsible for the arson attack"); None when denied ("was not responsible for the fire")."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return None
    adjective = noun.head.head
    if adjective.pos_ != "ADJ" or adjective.lemma_.lower() not in lexicon.claim_adjectives:
        return None
    if adjective.dep_ in {"amod", "acl"} and adjective.head.i < adjective.i and adjective.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return adjective.head
    if adjective.dep_ != "acomp" or any(c.dep_ == "neg" for c in adjective.children):
        return None
    subjects, _ = subjects_of(adjective.head)
    if not subjects or _claim_denied(adjective.head, subjects[0], lexicon):
        return None
    return subjects[0]


# subjects that deny a claim: "no one has claimed the attack", "nobody took responsibility"
NO_ONE = {"nobody", "none", "no one", "noone"}


def _claim_denied(verb: Token, subject: Token, lexicon: Lexicon) -> bool:
    """ "No group has claimed responsibility", "the militia did not claim the attack": no one
    claimed it."""
    return (any(c.dep_ == "neg" for c in verb.children) or subject.lower_ in NO_ONE
            or any(c.dep_ == "det" and c.lower_ in lexicon.negating_determiners | {"no"} for c in subject.children)
            or (subject.lower_ == "one" and any(c.lower_ == "no" for c in subject.children)))


def subject_under_attack(noun: Token, lexicon: Lexicon) -> Token | None:
    """What an attack noun after "under" hits: the subject of the verb the "under" phrase hangs
    on (event_types.yaml: under_attack_verbs; "the convoy came under heavy shelling", "the town
    has been under siege for weeks")."""
    under = noun.head
    if noun.dep_ != "pobj" or under.lower_ != "under" or under.dep_ != "prep":
        return None
    verb = under.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in lexicon.under_attack_verbs:
        return None
    subjects, passive = subjects_of(verb)
    return subjects[0] if subjects and not passive else None


def _noun_patient(noun: Token, lexicon: Lexicon | None) -> Token | None:
    """The possessor of an event noun that its possessor undergoes (``patient_nouns``: "his
    arrest", "the colonel's trial", "the journalist's release")."""
    if lexicon is None or noun.lemma_.lower() not in lexicon.patient_nouns:
        return None
    return next((c for c in noun.children if c.dep_ == "poss"), None)


@dataclass
class Participants:
    source: ActorReading | None = None
    target: ActorReading | None = None
    others: list[Actor] = field(default_factory=list)


# event types no one does on purpose (a crash, a fire, a flood): one involved in them took part as
# one they befell, never as their doer
UNWILLED_TYPES = {"HAZARD"}


def read_participants(
    trigger: Trigger, index: MentionIndex, lexicon: Lexicon, speaker: ActorReading | None = None
) -> Participants:
    """Source and target of an event from its clause."""
    result = _read_participants(trigger, index, lexicon, speaker)
    _not_one_both_ways(result, index, lexicon)
    return result


# the object pronouns that never stand for the subject of their own clause ("Ann Roe hit her":
# not Roe; the reflexive "herself" would)
OBJECT_PERSON_PRONOUNS = {"him", "her", "them"}


def _token_of(span: Span, index: MentionIndex) -> Token | None:
    words = index.doc.char_span(span.start, span.end, alignment_mode="expand")
    return words[0] if words is not None and len(words) == 1 else None


def _one_actor(a: Actor, b: Actor) -> bool:
    return (a.entity_id is not None and a.entity_id == b.entity_id) or (
        a.entity_id is None and b.entity_id is None and a.text == b.text)


def _not_one_both_ways(result: Participants, index: MentionIndex, lexicon: Lexicon) -> None:
    """An object pronoun never stands for the one who does the act to it ("Ross said he phoned
    Lee to warn him": him is Lee; "'We backed him,' Ross said": him is not Ross). When the doer
    and the target were read as one person through such a pronoun, one of the two bindings is
    wrong. A "he" doing it to "her" (or "she" to "him"): the object names the person brought in
    nearest before, the subject the one the text was about. Else the target's binding is the
    wrong one: the target is the nearest other person named before the pronoun who may fit it,
    or none."""
    if result.source is None or result.target is None or not _one_actor(result.source.actor, result.target.actor):
        return
    target = _token_of(result.target.actor.span, index)
    if target is None or target.lower_ not in OBJECT_PERSON_PRONOUNS or target.dep_ not in OBJECT_DEPS:
        return
    source = _token_of(result.source.actor.span, index)
    entity = result.source.actor.entity_id
    if source is not None and source.lower_ in SUBJECT_PERSON_PRONOUNS \
            and gender.PRONOUN_GENDER.get(target.lower_) not in {None, gender.PRONOUN_GENDER[source.lower_]}:
        # "he attacked her", both taken for one person: the object names the one brought in
        # nearest before, the subject the one the text was about ("Banks ... an order won by Vale
        # when he attacked her": with both taken for Vale, he is Banks; with both taken for
        # Banks, her is Vale)
        nearest = _other_person_before(source, None, index)
        other = _other_person_before(source, entity, index) if nearest is not None and nearest.entity_id == entity else None
        if other is not None:
            result.source = _reading_of(other, source, result.source, index, lexicon)
        elif nearest is not None and nearest.entity_id != entity and not _disagrees_in_gender(target, nearest, index):
            result.target = _reading_of(nearest, target, result.target, index, lexicon)
        return
    other = _other_person_before(target, entity, index)
    result.target = _reading_of(other, target, result.target, index, lexicon) if other is not None else None


def _other_person_before(pronoun: Token, excluded: str | None, index: MentionIndex) -> Mention | None:
    """The nearest person named before the pronoun (its sentence, then up to ``PRONOUN_LOOKBACK``
    sentences back) who is not ``excluded`` and whose name does not tell the other gender."""
    for window in _windows_before(pronoun):
        for i in reversed(window):
            mention = index.by_token.get(i)
            if mention is not None and mention.label == "PERSON" and mention.entity_id \
                    and mention.entity_id != excluded and not _disagrees_in_gender(pronoun, mention, index):
                return mention
    return None


def _reading_of(person: Mention, pronoun: Token, was: ActorReading, index: MentionIndex, lexicon: Lexicon) -> ActorReading:
    """The person a pronoun stands for, recorded under their name with the pronoun for evidence."""
    actor = Actor(text=index.name_of(person.entity_id, person.span.text), span=token_span([pronoun]),
                  entity_id=person.entity_id, role=was.actor.role)
    return ActorReading(actor, _kinds(pronoun, person, [], index, lexicon))


def _read_participants(
    trigger: Trigger, index: MentionIndex, lexicon: Lexicon, speaker: ActorReading | None = None
) -> Participants:
    result = Participants()
    # a verb trigger's doer and target are its own, even when its event is read from a toll
    # verb's clause ("40 people were killed when RSF fighters attacked a market": RSF the doer)
    verb = trigger.head if trigger.nominal else trigger.token
    noun = trigger.token if trigger.nominal else None

    # a verb whose act befalls only people ("shot", "arrested", "sentenced"): a name in its target
    # slot is a person's, whatever the recognisers made of it
    befalls_people = trigger.cue.lemma in lexicon.people_cues or trigger.cue.lemma in lexicon.accusing_verbs
    # what a motion's path names is where, not whom ("was taken to the Marion County Jail")
    target_preps = TARGET_PREPS - PATH_PREPS if trigger.cue.type in lexicon.path_types else TARGET_PREPS
    # "fired at the guards", "the shooting at officers": what an attack is aimed at is its target
    # (after the attack's own word only: "the stabbing took place at the Morgans' home" says where)
    aimed_at = {"at"} if trigger.cue.lemma in lexicon.aimed_at_cues else set()
    if noun is None:
        target_preps = target_preps | aimed_at
    # "searching for two hikers", "a manhunt for the driver": whom a search is for is its target
    sought_for = {"for"} if trigger.cue.lemma in lexicon.search_cues else set()
    target_preps = target_preps | sought_for

    def read(token: Token | None, role: str, allow_places: bool = False) -> ActorReading | None:
        if token is None:
            return None
        reading = read_actor(token, role, index, lexicon, speaker, allow_places)
        if reading is None and role == "target" and befalls_people:
            # "the three were charged", "a 19-year-old was arrested": a count or an age with no
            # noun, where the act befalls only people, names those people
            reading = _people_count(token, role, lexicon) or read(_counted_in_of(token, lexicon), role)
        if reading is None and role == "source" and token.dep_ == "nsubj":
            # "the two fought", "several others refused", "all of the pilgrims had to leave": a
            # count or a quantifier that acts names people, or the people of its "of" phrase
            reading = _people_count(token, role, lexicon) or read(_counted_in_of(token, lexicon), role)
        if reading is None and role == "target" and befalls_people:
            reading = _person_under_a_place_name(token, role, index)
        if reading is None and trigger.cue.type in lexicon.polity_act_types:
            reading = _polity(token, role, index, lexicon)
        if reading is None and role == "source" and token.pos_ == "NOUN" \
                and token.lemma_.lower() in lexicon.vehicle_nouns and trigger.cue.type not in UNWILLED_TYPES:
            # "two army trucks were heading north", "the van refused to stop": a vehicle in a
            # willed act is its doer, its driver inside it (event_types.yaml: vehicle_nouns); a
            # mishap has none ("two trucks collided")
            words = _compact_phrase(token)
            reading = ActorReading(Actor(text=token_span(words).text, span=token_span(words), entity_id=None,
                                         role=role), frozenset())
        if reading is None and _bare_personal_pronoun(token) and not (role == "target" and trigger.cue.type == "STATEMENT"):
            # "They split the bill three ways", "Years later they settled in Leeds": a personal pronoun in the
            # act's own slot that no name before it was bound to is still who did it (or whom it
            # befell), as the text says; the pronoun itself, not a guess at a name (a statement's
            # "told her" names whom it was said to, no target)
            reading = ActorReading(Actor(text=token.text, span=token_span([token]), entity_id=None, role=role), frozenset())
        return reading

    def party(token: Token, by_prep: bool) -> bool:
        # "accused Afghanistan", "sanctions on Tehran": a state named by its country or capital
        kind = trigger.cue.type
        return (kind in lexicon.party_object_types and token.i in index.state_places
                and (by_prep or kind not in lexicon.party_object_preps_only)
                and (not by_prep or token.head.lower_ in PARTY_PREPS))

    # "twelve men were involved in the ambush", "officers implicated in the bombing": who took
    # part is the doer (participant_verbs), the noun keeps its own other arguments
    participant = None
    if noun is not None and noun.i != verb.i and verb.lemma_.lower() in lexicon.participant_verbs \
            and noun.head.dep_ == "prep" and noun.head.lower_ == "in" and noun.head.head.i == verb.i \
            and trigger.cue.type not in UNWILLED_TYPES:
        # (not in a mishap: "a driver involved in a crash" did not do the crash)
        participant = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if noun is not None and noun.i != verb.i and verb.lemma_.lower() in lexicon.toll_verbs \
            and noun.dep_ == "pobj" and noun.head.head.i == verb.i:
        # "two men were killed in the crash", "a woman died in a fire": the toll verb's subject
        # is the one the event befell (find_triggers names such an event by its hazard noun)
        subject, _, _ = _subject_of(verb, index)
        result.target = read(subject, "target")
        if result.target is None and subject is not None:
            # "the 6 hurt in the pileup", "most of the crew died in the fire": who a toll verb
            # counts are people, named by a count with no noun or by the "of" phrase of a quantifier
            result.target = _people_count(subject, "target", lexicon) or read(_counted_in_of(subject, lexicon), "target")
        result.source = read(_agent_of(verb), "source")
        return result
    # "was charged with fraud", "convicted the clerk of embezzlement": who the legal step is about
    # is the crime's doer (the crime is an event of its own, CRIME, named by the step)
    # (so is the doer of an attack or a killing it names: "was sentenced for the bombing",
    # "charged with the murder of a guard")
    accused = None
    if noun is not None and trigger.cue.type == "CRIME":
        accused = _accused_of(noun, lexicon)
    elif noun is not None and trigger.cue.type in lexicon.thing_target_types:
        accused = _accused_of(noun, lexicon, own_preps_only=True)
    if noun is not None and noun.i != verb.i and trigger.cue.pos == "NOUN" and (verb.pos_ == "VERB" \
            and (verb.lemma_.lower() not in lexicon.support_verbs | lexicon.undergoer_verbs | lexicon.care_verbs
                 and not _holds_a_harm(noun, verb, lexicon)
                 or any(c.dep_ == "oprd" for c in verb.children) or _subject_of_its_carrier(noun, verb)) \
            or _predicate_of_a_copula(noun, verb)):
        # a verb that says something about the event ("called the shooting an act of war",
        # "responded to the bombing"): its subject is no doer, the noun has its own arguments.
        # A carrying verb that names its object ("called the blast an act of terror", an object
        # predicate) says what the event was, not who did it; nor does one whose subject is the
        # event noun itself ("the slaying brought calls for reform": no one brought the slaying),
        # nor the subject of "be" with the noun for its predicate ("Kabul was his second
        # deployment": the possessor did it, not the place)
        verb = noun
    if noun is not None and noun.i != verb.i and one_responsible_for(noun, lexicon) is not None:
        # "a teenager thought responsible for the shooting": the verbs around the noun tell who
        # is looked for or arrested, not whom the shooting hit; the noun has its own arguments
        verb = noun
    if noun is not None and noun.i != verb.i and _subjected_to(noun, lexicon)[0] is not None:
        # "the vendors were subject to army raids": the noun's parties are read from the noun and
        # from the one subjected to it, not from the subject of "were"
        verb = noun
    if noun is not None and noun.i == verb.i:
        # an event noun on its own ("clashes between X and Y", "the Taliban offensive")
        result.source = read(_noun_doer(noun, lexicon, index), "source") or read(participant, "source") or read(accused, "source") \
            or read(claimant_of(noun, lexicon), "source")
        result.target = read(_noun_patient(noun, lexicon), "target")
        exposed, exposer = _subjected_to(noun, lexicon)
        if exposed is not None:
            # "the porter was subjected to an assault", "the vendors were subject to army raids":
            # the one subjected undergoes it; the noun's own doer, or who subjects them, does it
            result.source = read(_noun_doer(noun, lexicon, index), "source") or read(exposer, "source")
            result.target = result.target or read(exposed, "target")
        undergoer = subject_under_attack(noun, lexicon) \
            if result.target is None and trigger.cue.type in lexicon.thing_target_types else None
        if undergoer is not None:
            result.target = read(undergoer, "target")
            _add_thing_target(result, trigger, [undergoer], index, lexicon)
        if result.source is None:
            result.source = next(filter(None, (read(t, "source") for t in _sender_of(noun, trigger, lexicon))), None)
        if result.source is None:
            # "the prosecutor said during a news conference": who reports through a channel holds it
            result.source = read(_speaker_through_its_channel(noun), "source")
        if result.source is None and trigger.cue.type in lexicon.attended_types:
            # "the board moved quickly at its Monday meeting", "spoke to the press after nine hours of
            # talks": who acts at a meeting took part in it (event_types.yaml: attended_events)
            result.source = read(_one_acting_at(noun, lexicon), "source")
        between = _prep_objects(noun, {"between", "among"})
        first, other = _parties_between(between, read, index)
        result.source = result.source or first
        result.target = result.target or other
        slots = _prep_objects(noun, {"with", "against", "on", "of"} | aimed_at | sought_for)
        slots += _against_shared(noun)
        for token in slots:
            if result.target is None:
                result.target = read(token, "target", allow_places=party(token, True))
        if result.target is None and trigger.cue.type in lexicon.addressed_types:
            # "instructions for border guards to tighten checks": whom the order is for
            result.target = read(_addressee_of_for_to(noun), "target")
        _add_conjuncts(result, between[0] if between else None, index, lexicon, speaker)
        _add_thing_target(result, trigger, [t for t in slots if t.head.lower_ in _thing_preps(noun, lexicon)], index, lexicon)
        return result

    subject, passive, described_by = _subject_of(verb, index)
    if not passive and noun is None and _reduced_passive_of_an_accusation(verb, lexicon):
        # "the guard accused of beating him went to prison", "accused" tagged a past tense with the
        # guard for its subject: the guard is the accused
        passive = True
    if not passive and befalls_people and _bare_conjunct_of_a_passive(verb):
        # "was hit by a van and killed", with "killed" tagged a past tense: an act that befalls
        # people, with no object and no subject of its own, shares the passive of its first verb
        passive = True
    agent = _agent_of(verb)
    if not passive and agent is not None and not _has_active_subject(verb):
        # "a woman neighbours believe was stabbed by a lodger": a "by" agent marks a passive whose
        # subject is a gap the parser left (a relative clause cut by "neighbours believe"); its agent
        # is the doer
        passive = True
    if noun is not None and verb.lemma_.lower() in lexicon.care_verbs:
        # "was treated for minor injuries", "medics treated two guards for burns": the one cared
        # for underwent the harm; who cares for them did not cause it
        cared = subject if passive else next((c for c in verb.children if c.dep_ == "dobj"), None)
        result.target = read(cared, "target")
        target_head = cared
    elif passive:
        result.source = read(agent, "source")
        result.target = read(subject, "target")
        target_head = subject
    elif (noun is not None and (verb.lemma_.lower() in lexicon.undergoer_verbs or _holds_a_harm(noun, verb, lexicon))) or (
            noun is None and trigger.cue.subject_undergoes):
        # "four guards suffered injuries", "the colonel faces charges": the subject undergoes
        # the event; its doer, if any, is the noun's own ("injuries from Taliban shelling")
        result.target = read(subject, "target")
        target_head = subject
    else:
        result.source = read(subject, "source", allow_places=True)
        if result.source is None and noun is None:
            # "the union issued a statement condemning the arrest": what a statement says, its
            # author says; the statement itself does nothing
            result.source = read(_author_of_the_channel_it_describes(verb), "source", allow_places=True)
        target_head = None
    if noun is not None:
        own_agent = _noun_doer(noun, lexicon, index)
        if own_agent is not None and result.source is None:
            result.source = read(own_agent, "source")
        # "two weeks of clashes between rebels and soldiers ended": the parties of a noun a
        # verb carries are read as those of a noun on its own
        first, other = _parties_between(_prep_objects(noun, {"between", "among"}), read, index)
        result.source = result.source or first
        result.target = result.target or other
        if result.target is None:
            result.target = read(_noun_patient(noun, lexicon), "target")
        if result.target is None:
            # "carried out the killing of two guards", "the trial of the former mayor opened"
            for token in _prep_objects(noun, {"with", "against", "on", "to", "between", "of"} & (target_preps | {"of"})):
                result.target = read(token, "target", allow_places=party(token, True))
                if result.target is not None:
                    target_head = token
                    break
        if result.target is None:
            # "dropped two theft charges and an arson charge against the cook"
            for token in _against_shared(noun, of_its_verb=False):
                result.target = read(token, "target", allow_places=party(token, True))
                if result.target is not None:
                    target_head = token
                    break
    if result.target is None:
        for child in verb.children:
            if child.dep_ in {"dobj", "dative", "iobj"} and (noun is None or child.i != noun.i):
                if child.dep_ == "dobj" and verb.lemma_.lower() in lexicon.device_verbs:
                    continue  # "detonated them": the bombs set off (event_types.yaml: device_verbs)
                result.target = read(child, "target", allow_places=party(child, False))
                if result.target is not None:
                    target_head = child
                    break
    shared = None
    if result.target is None and noun is None and not passive and (
            befalls_people or trigger.cue.type in lexicon.thing_target_types):
        # "shot and killed two officers", "arrested and charged two men": a verb with no object
        # of its own shares the object of the verb it is joined to
        shared = object_shared_with_conjunct(verb)
        result.target = read(shared, "target")
        if result.target is not None:
            target_head = shared
    if result.target is None:
        for token in _prep_objects(verb, target_preps):
            if noun is not None and token.i == noun.i or _set_off_by_a_comma(token.head):
                continue
            result.target = read(token, "target", allow_places=party(token, True))
            if result.target is not None:
                target_head = token
                break
    if result.target is None and noun is None:
        # "returned an indictment against a couple", "tried to negotiate an agreement with the
        # port": a verb whose object is an event noun has that noun's other party for target
        for obj in (c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"
                    and (c.lemma_.lower(), "NOUN") in lexicon.cues):
            token = next(iter(_prep_objects(obj, {"against", "with"})), None)
            result.target = read(token, "target", allow_places=party(token, True)) if token is not None else None
            if result.target is not None:
                target_head = token
                break
    if not passive and result.source is None and subject is not None and noun is None \
            and any(subject.i == absorbed.i for absorbed in trigger.absorbed):
        # "an attack by Red Hand militants killed four", "the rebels' ambush wounded six": an event
        # noun that does what the verb says has done it by its own doer
        agent_token = _noun_doer(subject, lexicon, index)
        result.source = read(agent_token, "source") if agent_token is not None else None
    if passive and result.source is None:
        # "were killed in Taliban attacks": with no "by" agent, the attack's own doer did it
        for absorbed in trigger.absorbed:
            if absorbed.head.dep_ == "prep" and absorbed.head.lower_ in {"in", "during", "by"} \
                    and absorbed.head.head.i == verb.i:
                agent_token = _noun_doer(absorbed, lexicon, index)
                reading = read(agent_token, "source") if agent_token is not None else None
                if reading is not None:
                    result.source = reading
                    break
    if result.target is None:
        # an absorbed event noun's own agent: "fled ... following Taliban attacks"
        for absorbed in trigger.absorbed:
            if _conceded(absorbed):
                continue
            agent_token = _noun_doer(absorbed, lexicon, index)
            reading = read(agent_token, "target") if agent_token is not None else None
            if reading is not None and (result.source is None or reading.actor.entity_id != result.source.actor.entity_id
                                        or reading.actor.entity_id is None) and (
                result.source is None or reading.actor.span != result.source.actor.span
            ):
                result.target = reading
                break
    if result.target is None and noun is None and not passive and verb.dep_ == "relcl" \
            and verb.head.pos_ in {"NOUN", "PROPN"} and not any(c.dep_ == "dobj" and c.tag_ not in RELATIVE_TAGS for c in verb.children) \
            and any(c.dep_ == "nsubj" and c.tag_ not in RELATIVE_TAGS for c in verb.children) \
            and not any(c.tag_ == "WRB" for c in verb.children):
        # an object relative clause ("the hostages (that) the rebels kidnapped"): the noun it
        # hangs on is the verb's object (not after "where" or "when": "the hospital, where he
        # fled", "the day when they met" tell where or when)
        result.target = read(verb.head, "target")
        if result.target is not None:
            target_head = verb.head
    if result.target is None and trigger.cue.type in lexicon.addressed_types:
        # "the robber demanded the teller open the safe": whom a request is made of is the subject
        # of the bare clause that says what is asked (not after "that": "requested that the
        # board resign" asks it of no one named), or of a "for ... to" clause ("gave instructions
        # for border guards to tighten checks")
        if noun is None:
            asked = _subject_of_asked_clause(verb) or _addressee_of_for_to(verb) or _addressee_of_its_object(verb)
        else:
            asked = _addressee_of_for_to(noun)
        result.target = read(asked, "target")
        target_head = asked if result.target is not None else target_head
    if result.target is None and noun is None and verb.lemma_.lower() in lexicon.directing_verbs:
        # "the judge ruled that the two men must stay in jail", "the court ruled to free the
        # driver": a ruling that directs what is to happen to someone is done to them (not one
        # that finds a fact: "ruled that the driver was at fault" directs nothing)
        directed = _directed_by_a_ruling(verb)
        result.target = read(directed, "target")
        target_head = directed if result.target is not None else target_head
    _add_conjuncts(result, target_head, index, lexicon, speaker, befalls_people)
    if passive and noun is None and verb.dep_ == "acl" and absolute_participle(verb):
        # "there were five miners, a cook and two drivers injured": the parser cut the list, the
        # participle hangs on its first member, which undergoes it as the rest do
        listed = read(verb.head, "target")
        if listed is not None and (result.target is None or listed.actor.span != result.target.actor.span):
            result.others.append(listed.actor)
    # a verb's object is the thing hit only when the verb is the event's own word: under an event
    # noun, the carrying verb's object is something else ("sent instructions after the blast")
    slots = [] if noun is not None else [subject] if passive else []
    slots += [c for c in verb.children if c.dep_ == "dobj"] if noun is None else _prep_objects(noun, _thing_preps(noun, lexicon))
    slots += [shared] if shared is not None else []
    _add_thing_target(result, trigger, slots, index, lexicon)
    if result.target is not None:
        # "met A, B, and C" where the parser hangs C on the verb: a name coordinated with a
        # verb is one more of its objects
        for child in verb.children:
            if child.dep_ == "conj" and child.pos_ in {"PROPN", "NOUN"}:
                reading = read_actor(child, "target", index, lexicon, speaker)
                if reading is not None:
                    result.others.append(reading.actor)
    for description in described_by:
        # the description beside the name: "The Qatari special envoy ..." gives Qatar
        reading = read_actor(description, "source", index, lexicon, speaker)
        if reading is not None and result.source is not None:
            for affiliation in [reading.actor] + reading.affiliations:
                if affiliation.entity_id or affiliation.text != reading.actor.text or reading.actor.entity_id:
                    result.source.affiliations.append(replace(affiliation, role="source-affiliation"))
    if subject is not None and result.source is not None:
        for conj in subject.conjuncts:
            # "Saudi Arabia and the United States announced": both countries act
            reading = read_actor(conj, "source", index, lexicon, speaker, allow_places=not passive)
            if reading is not None:
                result.others.append(reading.actor)
    return result


def _bare_personal_pronoun(token: Token) -> bool:
    """A third-person subject pronoun standing alone ("they", "she"), in the reporter's own words:
    inside a quotation it stands for whomever the speaker means ("'They have tried to kill me,' the
    mayor said": no one the text names)."""
    return token.tag_ == "PRP" and token.lower_ in BARE_PERSONAL_PRONOUNS and not inside_quotes(token)


# words that may stand between two verbs sharing one object: "shot and killed", "beat and
# then robbed", "arrested, and later charged"
SHARED_OBJECT_GAP = {"cc", "advmod", "punct"}


def object_shared_with_conjunct(verb: Token) -> Token | None:
    """The object a verb with none of its own shares with the verb joined to it right after
    ("the gunman shot and killed two officers", "police arrested and charged two men": the
    officers were shot, the men arrested). Only a conjunct with no subject of its own ("shot
    two guards and a passer-by fled" joins clauses, not verbs), and only when nothing but the
    conjunction or an adverb stands between the two verbs."""
    if verb.pos_ != "VERB" or any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.children):
        return None
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.pos_ != "VERB" or conj.i <= verb.i:
            continue
        between = verb.doc[verb.i + 1:conj.i]
        if not any(t.dep_ == "cc" for t in between) or any(t.dep_ not in SHARED_OBJECT_GAP for t in between):
            return None
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in conj.children):
            return None
        return next((c for c in conj.children if c.dep_ == "dobj"), None)
    return None


def _sender_of(noun: Token, trigger: Trigger, lexicon: Lexicon) -> list[Token]:
    """ "warnings from council members", "a request from the mayor": the "from" phrase of an event
    noun (or of the verb the noun is the subject or object of) names who sent it (read_actor keeps only actors: "a release from jail" names a place, no
    one), except where the event is a motion, whose "from" says where it set off."""
    if trigger.cue.type in lexicon.path_types or noun.lemma_.lower() in lexicon.patient_nouns:
        return []
    senders = _prep_objects(noun, {"from"})
    if noun.dep_ in {"dobj", "nsubj"} and noun.head.pos_ == "VERB":
        # the parser hangs the phrase on the verb over the noun: "drew warnings from the board",
        # "the sharpest criticism came from the mayor"
        senders += _prep_objects(noun.head, {"from"})
    return senders


def _speaker_through_its_channel(noun: Token) -> Token | None:
    """The active subject of the reporting verb whose channel the noun is (attribution.yaml:
    ``channel_nouns`` after a ``channel_prepositions`` word): "the minister said at a news
    conference", "At a briefing on Monday, the spokesman joked about the delay and said ...", the
    verb the phrase hangs on or a verb joined to it reporting; not a passive ("was asked at a news
    conference": the one asking is not named)."""
    cues = load_cues()
    prep = noun.head
    if noun.dep_ != "pobj" or noun.lemma_.lower() not in cues.channel_nouns or prep.dep_ != "prep" \
            or prep.lower_ not in cues.channel_prepositions or prep.head.pos_ not in {"VERB", "AUX"}:
        return None
    verb = prep.head
    if not any(v.lemma_.lower() in cues.reporting_verbs for v in [verb, *verb.conjuncts]):
        return None
    subjects, passive = subjects_of(verb)
    if passive or not subjects or subjects[0].i == noun.i:
        return None
    return subjects[0]


def _predicate_of_a_copula(noun: Token, verb: Token) -> bool:
    """The event noun is what "be" says its subject is ("Kabul was his second deployment", "the
    blast was an attack"): the subject of "be" names a place, a time or the event itself, never
    the event's doer."""
    return noun.dep_ == "attr" and noun.head.i == verb.i and verb.lemma_.lower() == "be"


def _subject_of_its_carrier(noun: Token, verb: Token) -> bool:
    """The event noun is the active subject of the verb over it ("Kerr's murder brought new
    attention to the case"): a carrying verb's subject is the noun's doer only when it is someone
    else ("the gang carried out the murder")."""
    return noun.dep_ == "nsubj" and noun.head.i == verb.i


def _subject_of_asked_clause(verb: Token) -> Token | None:
    """The subject of a verb's bare clausal complement ("demanded [the teller open the safe]"), or
    None (and None after "that")."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None or any(c.dep_ == "mark" for c in clause.children):
        return None
    return next((c for c in clause.children if c.dep_ == "nsubj" and c.tag_ not in RELATIVE_TAGS), None)


def _directed_by_a_ruling(verb: Token) -> Token | None:
    """Whom a ruling directs (event_types.yaml: directing_verbs): the subject of a complement
    clause that says what is to be, by a modal or a bare subjunctive ("ruled that the men should
    remain in custody", "ordered that the driver be held"), or the object of an infinitive
    ("ruled to send six men to jail"); None for a clause that states a fact ("ruled that the
    city owed the money")."""
    # "ruled during a hearing that the man could be released": the parser may hang the "that"
    # clause on the noun of a phrase between, as a relative clause; with "that" as its mark and
    # a subject of its own it is the verb's complement
    misplaced = [clause for prep in verb.children if prep.dep_ == "prep" for noun in prep.children
                 if noun.dep_ == "pobj" for clause in noun.children
                 if clause.dep_ == "relcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)]
    for clause in [*verb.children, *misplaced]:
        if clause.dep_ in {"ccomp", "relcl"} and clause.pos_ in {"VERB", "AUX"}:
            auxes = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}]
            modal = any(c.tag_ == "MD" for c in auxes)
            first = min([clause, *auxes], key=lambda t: t.i)  # "(that) the man be held": a bare "be"
            subjunctive = first.tag_ == "VB" and not any(c.lower_ == "to" for c in auxes)
            if modal or subjunctive:
                return next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}
                             and c.tag_ not in RELATIVE_TAGS), None)
        if clause.dep_ == "xcomp" and clause.pos_ == "VERB" \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            return next((c for c in clause.children if c.dep_ == "dobj"), None)
    return None


def _addressee_of_its_object(verb: Token) -> Token | None:
    """ "gave instructions for border guards to tighten checks", an order read at its verb: whom
    the verb's object, the order, is for."""
    return next((found for obj in verb.children
                 if obj.dep_ == "dobj" and (found := _addressee_of_for_to(obj)) is not None), None)


def _addressee_of_for_to(word: Token) -> Token | None:
    """Whom a request or an order is for when a "for ... to" clause says what they are to do
    ("gave instructions for border guards to tighten checks", "called for residents to stay
    indoors"): the subject of the infinitive, which English marks by "for"."""
    for child in word.children:
        if child.dep_ == "prep" and child.lower_ == "for":
            # the parser hangs the infinitive elsewhere: "to" must follow the "for" phrase at once
            subject = next((g for g in child.children if g.dep_ == "pobj"), None)
            after = subject.right_edge.i + 1 if subject is not None else len(word.doc)
            if after < len(word.doc) and word.doc[after].lower_ == "to" and word.doc[after].dep_ == "aux":
                return subject
        if child.dep_ in {"advcl", "ccomp", "xcomp"} and any(g.dep_ == "mark" and g.lower_ == "for" for g in child.children) \
                and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
            return next((g for g in child.children if g.dep_ == "nsubj"), None)
    return None


def _set_off_by_a_comma(prep: Token) -> bool:
    """A phrase after a comma ("heads the inquiry, with help from the state police") tells the
    circumstances of the act, not the party it is done with or to ("met with the mayor")."""
    return prep.i > 0 and prep.nbor(-1).text == ","


def _parties_between(between: list[Token], read, index: MentionIndex) -> tuple[ActorReading | None, ActorReading | None]:
    """ "talks between the union and the board", "clashes among rebels and troops": the first party is the
    doer, the next one the target, a state named by its country or capital included (a party to
    talks or fighting acts; "between" names no place an event is in)."""
    if not between:
        return None, None
    first = between[0]
    doer = read(first, "source", allow_places=first.i in index.state_places)
    target = None
    for conj in first.conjuncts:
        target = target or read(conj, "target", allow_places=conj.i in index.state_places)
    return doer, target


def _members_of_a_list_parsed_as_apposition(noun: Token) -> list[Token]:
    """ "six nurses, a porter and two cooks" parsed as "nurses" with "porter" in apposition and
    "cooks" joined to "porter": the list's members (the first, the apposition and its conjuncts),
    when ``noun`` is one of them; an apposition with no conjunct after it ("Ann Lee, a nurse") is
    a second name of one person, no list: []."""
    first = noun.head if noun.dep_ == "appos" and noun.head.i < noun.i else noun
    members = [first]
    for appos in first.children:
        if appos.dep_ == "appos" and appos.i > first.i and any(c.i > appos.i for c in appos.conjuncts):
            members += [appos] + [c for c in appos.conjuncts if c.i > appos.i]
    return members if len(members) > 1 else []


def _add_thing_target(result: Participants, trigger: Trigger, slots: list[Token | None], index: MentionIndex,
                      lexicon: Lexicon) -> None:
    """ "shelled a bakery", "the attack on the market", "the bridge was destroyed": with no target
    actor, the thing in an attack's or damage's target slot is its target thing (event_types.yaml:
    thing_targets), kept among the other actors in the role "target-thing"."""
    if result.target is not None or trigger.cue.type not in lexicon.thing_target_types \
            or trigger.cue.lemma in lexicon.people_cues:
        return
    for token in slots:
        if not _a_thing_hit(token, index, lexicon):
            continue
        if token.dep_ == "nsubjpass" and token.tag_ == "WDT":
            continue
        # "shelled the school and the clinic": every thing of a list was hit
        for thing in [token] + [c for c in token.conjuncts if c.i > token.i and _a_thing_hit(c, index, lexicon)]:
            words = _compact_phrase(thing)
            result.others.append(Actor(text=token_span(words).text, span=token_span(words), role="target-thing"))
        return


def _thing_preps(noun: Token, lexicon: Lexicon) -> set[str]:
    """The prepositions of an attack or damage noun that name the thing hit: "the attack on the
    market"; "the shelling of the clinic" too for the nouns whose "of" phrase is what they hit
    (event_types.yaml: thing_targets.of_nouns), not of a blast ("the explosion of a tanker")."""
    return {"on", "against", "of"} if noun.lemma_.lower() in lexicon.thing_of_nouns or noun.lower_ in lexicon.thing_of_nouns \
        else {"on", "against"}


def _a_thing_hit(token: Token | None, index: MentionIndex, lexicon: Lexicon) -> bool:
    """A common noun for a thing (not a weapon or a word of no thing, ``not_things``; not people;
    not a place)."""
    return token is not None and token.pos_ == "NOUN" and token.lemma_.lower() not in lexicon.not_things \
        and not lexicon.actor_kind(token.lemma_.lower()) and not index.is_place(token, index.mention_at(token))


def _add_conjuncts(result: Participants, head: Token | None, index: MentionIndex, lexicon: Lexicon, speaker,
                   befalls_people: bool = False) -> None:
    """ "met Amrullah Saleh, Sarwar Danish and Mohammad Haneef Atmar": every conjunct is a
    target; the first is ``target_actor``, the rest go to ``other_actors`` (names read as people's
    when the event befalls only people: ``_person_under_a_place_name``)."""
    if head is None:
        return
    members = [c for c in head.conjuncts if c.i > head.i]
    if befalls_people:
        # "there were six nurses, a porter and two cooks hurt": a list whose second member the
        # parser took for an apposition to the first; every member undergoes the act
        members += [m for m in _members_of_a_list_parsed_as_apposition(head) if m.i != head.i and m not in members]
    for conj in members:
        reading = read_actor(conj, "target", index, lexicon, speaker)
        if reading is None and befalls_people:
            reading = _person_under_a_place_name(conj, "target", index)
        if reading is not None:
            result.others.append(reading.actor)
            result.others.extend(reading.affiliations)


# --- dates ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventDate:
    value: str | None
    start: date | None
    end: date | None
    span: Span | None
    inherited: bool
    source: str  # "clause", "relative", "sentence", "narrative", "article", "none"


# an event the text gives no day for (a record with no date is right for it)
NO_DATE = EventDate(None, None, None, None, False, "none")


def timex_range(timex: Timex) -> tuple[date | None, date | None]:
    if timex.range_start or timex.range_end:
        return timex.range_start, timex.range_end or timex.range_start
    value = timex.value[:10]
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None, None
    return day, day


def _timexes_in(tokens: list[Token], timexes: list[Timex]) -> list[Timex]:
    if not tokens:
        return []
    starts = {t.idx for t in tokens}
    ends = {t.idx + len(t) for t in tokens}
    inside = []
    for timex in timexes:
        # a timex belongs to the clause when its first and last characters are clause words
        if any(timex.span.start <= s < timex.span.end for s in starts) and any(
            timex.span.start < e <= timex.span.end for e in ends
        ):
            first = min(s for s in starts if timex.span.start <= s < timex.span.end)
            if first <= timex.span.start + 1 or timex.span.start in starts:
                inside.append(timex)
    return inside


def _usable(timex: Timex) -> bool:
    return timex.type in {"DATE", "TIME"} or (timex.type == "DURATION" and timex.range_start is not None)


def _dated_by(timex: Timex, sentence: SpacySpan, dct: date | None, source: str) -> EventDate:
    """The date a timex of the event's sentence gives it: the day or period it names, or the
    stretch it opens or closes, as an ISO interval."""
    start, end = timex_range(timex)
    if dct is not None and start is not None and start <= dct and opens_a_stretch(sentence.doc, timex):
        # "has killed 93 since 2003": the whole stretch up to the report
        return EventDate(f"{timex.value}/{dct.isoformat()}", start, dct, timex.span, False, source)
    if dct is not None and end is not None and end >= dct and closes_a_stretch(sentence.doc, timex):
        # "Ramp shut through April 19": from the report up to that day
        return EventDate(f"{dct.isoformat()}/{timex.value}", dct, end, timex.span, False, source)
    return EventDate(timex.value, start, end, timex.span, False, source)


def _over_joined_days(own: list[Timex], doc) -> EventDate | None:
    """ "will close the bridge Tuesday and Wednesday", "hearings in 2015 and 2016", "laws passed in 1901, 1905
    and 1911": days (or years) of the clause joined by "and" (dating.yaml: joined_days), or a list of them
    by commas that "and" ends, date the event over the stretch from the first to the last."""
    joined, listed = joined_days_pattern(), LISTED
    grain = _a_day if _a_day(own[0]) else _a_year
    days, last_joiner = [own[0]], None
    for timex in own[1:]:
        between = text_of(doc)[days[-1].span.end:timex.span.start]
        if not (grain(timex) and grain(days[-1])):
            break
        if joined.fullmatch(between):
            last_joiner = "and"
        elif listed.fullmatch(between):
            last_joiner = ","
        else:
            break
        days.append(timex)
    if last_joiner == ",":  # "in 2007, 2008": a list "and" does not close is no stretch told
        days = days[:1]
    if len(days) < 2:
        return None
    start, end = days[0].range_start, max(d.range_end for d in days)
    if end <= start or not grain(days[0]):
        return None
    if grain is _a_year:
        value = f"{start.year}/{end.year}"
    else:
        value = f"{start.isoformat()}/{end.isoformat()}"
    return EventDate(value, start, end, days[0].span, False, "clause")


LISTED = re.compile(r"\s*,\s*")


def _a_day(timex: Timex) -> bool:
    return timex.type == "DATE" and timex.range_start is not None and timex.range_start == timex.range_end


def _a_year(timex: Timex) -> bool:
    """A calendar year named alone ("2007"), not a season, a month or a span of years."""
    return timex.type == "DATE" and re.fullmatch(r"\d{4}", timex.value or "") is not None


def _narrowest_first(own: list[Timex]) -> list[Timex]:
    """ "travelled to Peru during the spring break last week": of two dates of one clause that
    overlap, two readings of one time, the narrower says when (the week, not the season)."""
    if len(own) < 2 or own[0].range_start is None or own[0].range_end is None:
        return own
    first = own[0]
    inside = [t for t in own[1:] if t.type != "DURATION" and t.range_start is not None and t.range_end is not None
              and t.range_start <= first.range_end and first.range_start <= t.range_end
              and (t.range_end - t.range_start) < (first.range_end - first.range_start)]
    if not inside:
        return own
    narrowest = min(inside, key=lambda t: (t.range_end - t.range_start, t.span.start))
    return [narrowest] + [t for t in own if t is not narrowest]


def date_of_event(
    clause: list[Token],
    sentence: SpacySpan,
    timexes: list[Timex],
    dct: date | None,
    sentence_date: Timex | None,
) -> EventDate:
    """The event's own timex, else the sentence's date (the time stage's ``date_of_sentence``:
    the governing timex or the narrative's reference time), else the article's date, marked
    as inherited."""
    own = [t for t in _timexes_in(clause, timexes) if _usable(t)]
    own.sort(key=lambda t: (t.type == "DURATION", t.span.start))
    own = _narrowest_first(own)
    if own:
        return _over_joined_days(own, sentence.doc) or _dated_by(own[0], sentence, dct, "clause")
    # "rejected two years later": the distance counts from the date the story told before
    distances = [t for t in _timexes_in(clause, timexes) if t.type == "DURATION" and t.range_start is None]
    moved = date_after_a_told_date(sentence.doc, distances[0], sentence_date) if distances and sentence_date else None
    if moved is not None:
        return EventDate(moved.value, moved.range_start, moved.range_end, moved.span, False, "relative")
    # "comes weeks after the troops left the base": the time stage dates the embedded clause
    relative = date_relative_to_clause(sentence, timexes, dct, clause) if clause else None
    if relative is not None:
        return EventDate(relative.value, relative.range_start, relative.range_end, relative.span, False, "relative")
    if sentence_date is not None:
        in_sentence = sentence.start_char <= sentence_date.span.start < sentence.end_char
        if in_sentence:
            return _dated_by(sentence_date, sentence, dct, "sentence")
        start, end = timex_range(sentence_date)
        return EventDate(sentence_date.value, start, end, sentence_date.span, False, "narrative")
    if dct is not None:
        return EventDate(dct.isoformat(), dct, dct, None, True, "article")
    return EventDate(None, None, None, None, False, "none")


# --- places ------------------------------------------------------------------------------------


def places_in(tokens: list[Token], places: list[Place], exclude: list[Span] = ()) -> list[Place]:
    if not tokens:
        return []
    starts = sorted({t.idx for t in tokens})
    found = []
    for place in places:
        if any(e.start <= place.span.start < e.end for e in exclude):
            continue
        # some word of the tokens starts inside the place's span (its first word or a later one)
        first = bisect_left(starts, place.span.start)
        if first < len(starts) and starts[first] < max(place.span.end, place.span.start + 1):
            found.append(place)
    return sorted(found, key=lambda p: p.span.start)
