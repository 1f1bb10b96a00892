"""The places of one event: a chain of steps (placing.py, placing.yaml, setting.py), the first
that finds a place giving the event's places. The reading keeps the step that gave them and what
kind of step it was, so a reader, a study or a debugging tool can see why an event got its places
(``EventPlaceReading``; ``events.explain_events``).

The chain, in order: the event's own clause and the words it points to ("own clause", "there",
"conjoined", "copula", ...), the sentence's loose places, the seat of the body that acts, a
listing's heading, the episode told before, the story's dateline town, the main act's day, the
town a local story's lead sets, the town named right after a lead that names no place, the town of
the local force that reports the act ("according to Elmwood Police").

A new step is a ``PlaceStep`` put in its place in ``PLACE_STEPS``: its name, its kind (how sure a
place it gives is, ``PlaceKind``) and a function ``(facts) -> list[Place]`` that holds all its
conditions and returns [] when it gives no place."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Callable, Literal

from spacy.tokens import Span as SpacySpan, Token

from dateline.config import SETTINGS
from dateline.events.arguments import EventDate, places_in, token_span
from dateline.events.dating import lead_of
from dateline.events.draft import Draft, own_words, speaker_key
from dateline.events.non_events import described_class_words, not_yet_complement
from dateline.events.placing import (
    Told,
    body_seat_named_before,
    circumstance_words,
    conjoined_places,
    copula_subject_words,
    covers_a_whole_land,
    describes_someone_by_a_past_act,
    described_participant_places,
    episode_day_places,
    episode_places,
    heading_places,
    holder_of_a_named_thing,
    most_specific,
    names_a_known_place,
    other_clause_words,
    outside_the_acts_clauses,
    passed_by_words,
    place_noun_places,
    places_of_the_event_told,
    reporting_clause_words,
    sequence_phrase_words,
    site_noun_places,
    there_places,
    where_clause_places,
)
from dateline.events.placing import table as placing_table
from dateline.events.setting import (Setting, held_at_home, lends_the_setting, of_the_episode,
                                     town_named_after_a_placeless_lead)
from dateline.events.triggers import dominates
from dateline.geo.recognize import SEAT_WORDS
from dateline.model import Place, Span
from dateline.nlp import text_of

# how many sentences back an event with no place of its own looks for an event of the same
# type (the same episode told over several sentences: "talked ... on a trip to Lima. The
# minister also held talks with ...")
PLACE_CARRY_SENTENCES = SETTINGS.events.place_carry_sentences

# how sure a place a step gives is:
# - "own": the event's own clause names it (or words its clause points to);
# - "sentence": another clause of its sentence names it, as sure as the clause's own (as fusion
#   marks the places it lends a placeless event of the sentence);
# - "seat": the seat of the body that acts, named with it or before ("the Dover City Council
#   voted"): inherited, but the event's own place for the episode that follows;
# - "carried": from another sentence or the story (the episode told before, the dateline town)
PlaceKind = Literal["own", "sentence", "seat", "carried"]


@dataclass(frozen=True)
class EventPlaceReading:
    """An event's places and why: the step of the chain that gave them (None: no step did) and
    its kind; ``whole_land``: the act covers a whole land ("a nationwide manhunt"), or names someone
    by an act the story recalls ("the widow of a murdered guard"), so the steps that lend a place
    from elsewhere were not asked."""

    places: tuple[Place, ...]
    step: str | None
    kind: PlaceKind | None
    whole_land: bool

    @property
    def inherited(self) -> bool:
        """Not named by the event's own clause (Event.place_inherited)."""
        return self.kind in {"sentence", "seat", "carried"}

    @property
    def carried(self) -> bool:
        """From outside the sentence: less sure (the confidence's note)."""
        return self.kind == "carried"

    @property
    def placed_itself(self) -> bool:
        """Its own places, or the seat of the body that does it: what tells the story's main act
        and the acts of its day (placing.Told.placed_itself)."""
        return bool(self.places) and self.kind in {"own", "seat"}


@dataclass(frozen=True)
class PlaceFacts:
    """What the steps read, fixed before the chain runs."""

    draft: Draft
    n: int  # the draft's position among the sentence's drafts
    drafts: list[Draft]
    places: list[Place]  # the places that may say where (events._places_saying_where)
    dct: date | None
    recent: list[Told]
    setting: Setting | None
    event_date: EventDate
    modality: str
    speaker_spans: list[Span]  # the words naming an actor: they say who, not where
    about: frozenset[int]  # the words of what the act is about, not where it is
    own_words: list[Token]
    whole_land: bool
    # (fields, not properties: every step asks them)
    sentence: SpacySpan
    trigger: Token | None  # the trigger's word; None for a report (a STATEMENT with no trigger)

    @property
    def speaker(self) -> str | None:
        """Who goes on speaking, for a statement (two people quoted one after the other are not
        one episode)."""
        return speaker_key(self.draft) if self.draft.trigger is None else None

    @property
    def own_date(self) -> tuple:
        """The event's date when its clause gives it, else (None, None)."""
        if self.event_date.source in {"clause", "relative"}:
            return self.event_date.start, self.event_date.end
        return None, None


@dataclass(frozen=True)
class PlaceStep:
    name: str
    kind: PlaceKind
    find: Callable[[PlaceFacts], list[Place]]


def read_event_places(draft: Draft, n: int, drafts: list[Draft], places: list[Place], dct: date | None,
                      recent: list[Told], setting: Setting | None, event_date: EventDate,
                      modality: str) -> EventPlaceReading:
    """The places of a draft's event (the ``n``-th of its sentence's ``drafts``), with the step
    that gave them. ``event_date`` and ``modality``: the event's, read before (a planned act is
    not yet anywhere; an act with no day of its own takes no main act's day)."""
    facts = _place_facts(draft, n, drafts, places, dct, recent, setting, event_date, modality)
    # a statement is placed by its own words: the steps that lend a place from elsewhere in the
    # story (its stated town, the act it is joined to, the lead's setting...) are not its
    # (placing.yaml: not_for_statements)
    skipped = placing_table()["not_for_statements"] if draft.type == "STATEMENT" else frozenset()
    for step in PLACE_STEPS:
        if step.name in skipped:
            continue
        found = step.find(facts)
        if found:
            # "at a Brook Haven home": a thing's name the gazetteer lacks stands for the town holding it
            found = _holders_of_named_things(found, facts)
            # a country or region named only to situate a town of the same list is no second place
            return EventPlaceReading(tuple(most_specific(found)), step.name, step.kind, facts.whole_land)
    return EventPlaceReading((), None, None, facts.whole_land)


def _holders_of_named_things(found: list[Place], facts: PlaceFacts) -> list[Place]:
    """The places found, a thing's name among them given as the town that holds it
    (placing.holder_of_a_named_thing), each place once."""
    doc = facts.sentence.doc
    # (the story's stated town too: a dateline is often a word of a name in its own sentence)
    known = facts.places if facts.setting is None else [*facts.places, facts.setting.place]
    out: list[Place] = []
    for place in found:
        holder = holder_of_a_named_thing(place, doc, known) or place
        if holder not in out:
            out.append(holder)
    return out


def _place_facts(draft: Draft, n: int, drafts: list[Draft], places: list[Place], dct: date | None,
                 recent: list[Told], setting: Setting | None, event_date: EventDate, modality: str) -> PlaceFacts:
    sentence = draft.sentence
    speaker_spans = [draft.attribution.span] if draft.attribution is not None else []
    # places in the words that name an actor ("the Secretary of Trade of the Republic of
    # Ghana") say who, not where
    speaker_spans += [
        token_span(sentence.doc[first : last + 1])
        for r in (draft.participants.source, draft.participants.target)
        if r is not None
        for first, last in r.title_phrases
    ]
    # ... and so do the actors' own words ("the French cabinet promised", "Dutch and Belgian agencies")
    speaker_spans += [r.actor.span for r in (draft.participants.source, draft.participants.target) if r is not None]
    speaker_spans += [actor.span for actor in draft.participants.others]
    # (not the places of what a threat is about: "threatened to bomb the dam")
    about = not_yet_complement(draft.trigger.token) if draft.trigger is not None else set()
    # (nor those of a class of people or things the act is about: "the return of fishermen held
    # abroad", non_events.is_a_described_class)
    about = about | (described_class_words(draft.trigger.token) if draft.trigger is not None else set())
    if draft.trigger is not None:
        # (nor those of another happening before or after it: placing.yaml: sequence_prepositions)
        about = about | sequence_phrase_words(draft.trigger.token, draft.trigger.head)
        # (nor, while the act's clause names its own, those of a "while" clause: they are only its
        # fallback below, also when the clause is no event of its own: "killed in Kandahar while
        # travelling to Kabul", non_events.is_a_background)
        about = about | {t.i for t in circumstance_words(draft.trigger.token)}
        # (nor those of a clause of its own inside the act's: placing.yaml: other_clause)
        about = about | other_clause_words(draft.trigger.token, draft.clause)
    # (nor a place the happening passes by: "expected to bypass southern Ohio": placing.yaml: passing_verbs)
    about = about | passed_by_words(sentence)
    words = [t for t in own_words(draft) if t.i not in about]
    # "a nationwide manhunt" is at no one town (placing.yaml: scope_words); "the widow of a murdered
    # guard" names someone by an act the story recalls, placed by no word but its own (placing.yaml:
    # describing_participle)
    whole_land = draft.trigger is not None and (covers_a_whole_land(draft.trigger.token)
                                                or describes_someone_by_a_past_act(draft.trigger.token))
    return PlaceFacts(draft, n, drafts, places, dct, recent, setting, event_date, modality, speaker_spans,
                      frozenset(about), words, whole_land, sentence,
                      draft.trigger.token if draft.trigger is not None else None)


# --- the steps ------------------------------------------------------------------------------------


def _own_clause(facts: PlaceFacts) -> list[Place]:
    return places_in(facts.own_words, facts.places, exclude=facts.speaker_spans)


def _there(facts: PlaceFacts) -> list[Place]:
    # "raided homes he owned there" (placing.yaml: there)
    return there_places(facts.own_words, facts.places) if facts.trigger is not None else []


def _place_noun(facts: PlaceFacts) -> list[Place]:
    # "had lain in the lake for days" (placing.yaml: place_nouns)
    return place_noun_places(facts.own_words, facts.places) if facts.trigger is not None else []


def _site_noun(facts: PlaceFacts) -> list[Place]:
    # "searched the residence" after "at a Dover residence" (placing.yaml: site_nouns)
    return site_noun_places(facts.own_words, facts.places) if facts.trigger is not None else []


def _conjoined(facts: PlaceFacts) -> list[Place]:
    # "raided two homes in Dover and arrested a man" (placing.yaml: conjoined): another
    # clause's place, as sure as the clause's own
    if facts.trigger is None:
        return []
    return conjoined_places(facts.trigger, facts.recent, facts.draft.sentence_index)


def _copula(facts: PlaceFacts) -> list[Place]:
    # "Mali was her second posting" (placing.yaml: copula)
    return places_in(copula_subject_words(facts.trigger), facts.places) if facts.trigger is not None else []


def _circumstance(facts: PlaceFacts) -> list[Place]:
    # "killed on Monday while patrolling a market in Kandahar" (placing.yaml: circumstance)
    if facts.trigger is None:
        return []
    return places_in(circumstance_words(facts.trigger), facts.places, exclude=facts.speaker_spans)


def _where_clause(facts: PlaceFacts) -> list[Place]:
    # "in Wichita Falls, where they met" (placing.yaml: where_clause)
    return where_clause_places(facts.trigger, facts.places) if facts.trigger is not None else []


def _described_participant(facts: PlaceFacts) -> list[Place]:
    # "stopped two men in Salem who fled a checkpoint" (placing.yaml: described_participant)
    return described_participant_places(facts.trigger, facts.places) if facts.trigger is not None else []


def _episode_told_first(facts: PlaceFacts) -> list[Place]:
    if facts.trigger is None or facts.whole_land:
        return []
    # "on the night of the shooting": the event told before by that word, where it was told,
    # before another clause's place of this sentence (placing.yaml: episode)
    return places_of_the_event_told(facts.trigger, facts.draft.sentence_index, facts.recent,
                                    first_in_the_sentence=True)


def _loose_in_the_sentence(facts: PlaceFacts) -> list[Place]:
    # places in the sentence outside every other event's clause: where the sentence's
    # events happen, but not named by this event's own clause, so inherited (as fusion
    # marks the places it lends a placeless event of the sentence). Not for a report: a
    # statement with no event in it is an opinion or a claim, and the places it speaks of
    # are its topics ("Egypt would like a peaceful Sudan, the minister said"), not where it
    # was said (judged samples of unseen news: such places were wrong 11 times of 14)
    if facts.trigger is None or facts.whole_land:
        return []
    sentence, draft = facts.sentence, facts.draft
    others = {t.i for k, d in enumerate(facts.drafts) if k != facts.n for t in d.clause}
    # (nor what a relative clause tells of someone: "the two men, both of whom drowned in the
    # flood, were cousins of a baker who works at a shop in Dover": placing.yaml: described)
    described = {t.i for m in sentence if m.dep_ == "relcl" and not dominates(m, draft.trigger.head)
                 for t in m.subtree}
    # (nor those of another verb's clause that does not hold the act: placing.yaml: governing_clause)
    described |= outside_the_acts_clauses(draft.trigger.token, sentence)
    # (nor those of the clause that reports the act: "...,' the owner said from Denver":
    # placing.yaml: reporting_clause)
    described |= reporting_clause_words(draft.trigger.token)
    loose = [t for t in sentence if t.i not in others and t.i not in facts.about and t.i not in described]
    return places_in(loose, facts.places, exclude=facts.speaker_spans) or place_noun_places(loose, facts.places)


def _seat_of_the_body(facts: PlaceFacts) -> list[Place]:
    # "Charleston police are investigating", "the Gainesville City Council rejected": a local
    # body acts where it sits
    return [] if facts.whole_land else seats(facts.draft, facts.places)


def _seat_of_the_body_named_before(facts: PlaceFacts) -> list[Place]:
    # "The Dover City Council met Monday. ... The council voted": where the body named before sits
    if facts.whole_land or facts.trigger is None:
        return []
    return seat_named_before(facts.draft, facts.places)


def _heading(facts: PlaceFacts) -> list[Place]:
    # a listing's line of places, no verb, just before (placing.yaml: heading)
    if facts.trigger is None or facts.whole_land:
        return []
    return heading_places(facts.sentence, facts.places)


def _episode_carried(facts: PlaceFacts) -> list[Place]:
    # the same episode told over the sentences before (placing.episode_places); statements are
    # one kind of event only when one speaker goes on: two people quoted one after the other are
    # not one episode ("Britain ..., the British minister said. Sebelius said ...")
    if facts.whole_land:
        return []
    draft = facts.draft
    return list(episode_places(facts.trigger, draft.type, draft.sentence_index, facts.speaker, *facts.own_date,
                               facts.recent, PLACE_CARRY_SENTENCES))


def _dateline_town(facts: PlaceFacts) -> list[Place]:
    # a local story's dateline or headline town ("TORRINGTON - The mayor ..."): where its
    # placeless acts are
    setting = facts.setting
    if setting is not None and setting.stated and facts.trigger is not None and not facts.whole_land:
        return [setting.place]
    return []


def _main_acts_day(facts: PlaceFacts) -> list[Place]:
    # an act done on the day of the story's main act, naming no place: there (placing.yaml:
    # episode_day; not a planned or expected one, not yet done anywhere, nor one the text
    # gives no day: the report's day says not that it was the main act's)
    if facts.trigger is None or facts.whole_land or facts.modality != "reported" or facts.event_date.inherited:
        return []
    return episode_day_places(facts.trigger, facts.event_date.start, facts.event_date.end, facts.recent)


def _setting_of_the_lead(facts: PlaceFacts) -> list[Place]:
    # an act of the episode a local story's lead sets in its town ("A Dover man was arrested
    # ... Officers searched his car"): there (events/setting.py)
    setting = facts.setting
    if setting is not None and not setting.stated and facts.trigger is not None \
            and not facts.whole_land and facts.modality == "reported" \
            and lends_the_setting(setting, facts.trigger, facts.sentence, facts.places, facts.event_date.start,
                                  facts.dct, facts.recent):
        return [setting.place]
    return []


def _held_at_home(facts: PlaceFacts) -> list[Place]:
    # "A Dover teacher was detained and charged": the lead's police step, in his town (events/setting.py)
    setting = facts.setting
    if setting is not None and facts.trigger is not None and facts.modality == "reported" \
            and held_at_home(setting, facts.trigger, facts.sentence, facts.places):
        return [setting.place]
    return []


def _town_after_a_placeless_lead(facts: PlaceFacts) -> list[Place]:
    # "A teenager was stabbed on Friday. The fight began outside a party in Dover": a soft lead's
    # act, in a story the lead sets nowhere, is at the town named right after it (events/setting.py)
    if facts.setting is not None or facts.trigger is None \
            or facts.whole_land or facts.modality != "reported" \
            or not of_the_episode(facts.trigger, facts.event_date.start, facts.dct):
        return []
    lead = lead_of(list(facts.sentence.doc.sents))
    town = town_named_after_a_placeless_lead(lead, facts.trigger, facts.places) if lead is not None else None
    return [town] if town is not None else []


def _seat_of_the_reporting_force(facts: PlaceFacts) -> list[Place]:
    # "..., according to a statement from Elmwood Police": a local force reports an act it handled
    # from its own town (placing.yaml: reporting_forces); not for a planned or denied act or an
    # act over a whole land (an act the force tells, "claimed", is one it handled)
    if facts.trigger is None or facts.whole_land or facts.modality not in {"reported", "claimed"}:
        return []
    return reporting_force_seats(facts.trigger, facts.draft, facts.places)


PLACE_STEPS: tuple[PlaceStep, ...] = (
    PlaceStep("own clause", "own", _own_clause),
    PlaceStep("there", "own", _there),
    PlaceStep("place noun", "own", _place_noun),
    PlaceStep("site noun", "own", _site_noun),
    PlaceStep("conjoined", "sentence", _conjoined),
    PlaceStep("copula", "own", _copula),
    PlaceStep("circumstance", "own", _circumstance),
    PlaceStep("where clause", "own", _where_clause),
    PlaceStep("described participant", "sentence", _described_participant),
    PlaceStep("episode told", "carried", _episode_told_first),
    PlaceStep("sentence", "sentence", _loose_in_the_sentence),
    PlaceStep("seat", "seat", _seat_of_the_body),
    PlaceStep("seat named before", "seat", _seat_of_the_body_named_before),
    PlaceStep("heading", "sentence", _heading),
    PlaceStep("episode carried", "carried", _episode_carried),
    PlaceStep("dateline town", "carried", _dateline_town),
    PlaceStep("main act's day", "carried", _main_acts_day),
    PlaceStep("setting", "carried", _setting_of_the_lead),
    PlaceStep("held at home", "carried", _held_at_home),
    PlaceStep("town after the lead", "carried", _town_after_a_placeless_lead),
    PlaceStep("reporting force", "sentence", _seat_of_the_reporting_force),
)


# --- the seat of a body --------------------------------------------------------------------------------


def _seat_phrase(place: Place, doc) -> list[str] | None:
    """ "Athens City Council" -> ["city", "council"], "Dover police" -> ["police"]: the words of a
    body's name after a known town that begins it; None when the town begins no body's name."""
    if not names_a_known_place(place) or not followed_by_a_seat_word(place, doc):
        return None
    phrase = []
    for word in text_of(doc)[place.span.end:place.span.end + 40].split()[:4]:
        bare = _bare_word(word)
        if not (word[:1].isupper() or _is_a_seat_word(bare)) or bare in {"of", "the"}:
            break
        # (both numbers: "the Marion County Commissioners ... Commissioners voted" names the body
        # again by the plural, "the commissioner" by the singular)
        phrase += [bare, bare[:-1]] if bare.endswith("s") else [bare]
    return phrase


def followed_by_a_seat_word(place: Place, doc) -> bool:
    """ "Gainesville City Council", "Texas Department of ...", "the Dover Sheriff's Office": the
    name is where the body sits."""
    following = text_of(doc)[place.span.end:place.span.end + 40].split()
    return bool(following) and _is_a_seat_word(_bare_word(following[0]))


def _bare_word(word: str) -> str:
    """ "Sheriff's" -> "sheriff", "Schools," -> "schools": lower case, without the punctuation
    around it nor a possessive (only at its end: "sheriff" keeps its first letter)."""
    bare = word.lower().strip(".,;:'’\"“”()")
    return re.sub(r"['’]s?$", "", bare)


def _is_a_seat_word(bare: str) -> bool:
    """A seat word, singular or plural ("commissioners": its last "s" cut off as well)."""
    return bare in _seat_words() or (bare.endswith("s") and bare[:-1] in _seat_words())


@lru_cache(maxsize=1)
def _seat_words() -> frozenset[str]:
    """The geo stage's seat words and the names of local governing bodies (placing.yaml:
    body_words: "the Dover County Commissioners Court")."""
    return SEAT_WORDS | placing_table()["body_words"]


def seats(draft: Draft, places: list[Place]) -> list[Place]:
    """The town, county or region in the name of a body that is the event's doer or target, where
    the name goes on with a word of an organisation's seat ("Charleston police", "London city
    council", "the Texas Department of Transportation": the geo stage's SEAT_WORDS). A country
    in a name ("the French Ministry of Labour") says whose, not where."""
    found = []
    for reading in (draft.participants.source, draft.participants.target):
        if reading is None:
            continue
        actor = reading.actor.span
        if not (draft.sentence.start_char <= actor.start and actor.end <= draft.sentence.end_char):
            # an actor read back to its name in an earlier sentence ("the sheriff stated" for "the
            # Anderson County sheriff"): no body this sentence names with its seat
            continue
        for place in places:
            if not (actor.start <= place.span.start and place.span.end < actor.end) \
                    or (place.feature_code or "").startswith("PCL") or not names_a_known_place(place):
                continue
            if place.span.end < actor.end and followed_by_a_seat_word(place, draft.sentence.doc) \
                    and place not in found:
                found.append(place)
    return found


def seat_named_before(draft: Draft, places: list[Place]) -> list[Place]:
    """The town of the body the story named before, for a doer or target named without one
    ("the council", "the board": placing.yaml: seat)."""
    doc = draft.sentence.doc
    for reading in (draft.participants.source, draft.participants.target):
        if reading is None:
            continue
        words = doc.char_span(reading.actor.span.start, reading.actor.span.end, alignment_mode="expand")
        if words is not None and len(words):
            found = body_seat_named_before(list(words), places, lambda place: _seat_phrase(place, doc))
            if found:
                return found
    return []



def reporting_force_seats(trigger: Token, draft: Draft, places: list[Place]) -> list[Place]:
    """The towns or counties that begin the name of a local force ("Elmwood Police", "the Carver
    County Sheriff's Office") in the words that report the act: its attribution, or the clause of
    the reporting verb above it (placing.yaml: reporting_forces)."""
    doc = draft.sentence.doc
    reporting = reporting_clause_words(trigger)
    attribution = draft.attribution.span if draft.attribution is not None else None
    forces = placing_table()["reporting_forces"]
    found = []
    for place in places:
        if not (draft.sentence.start_char <= place.span.start and place.span.end <= draft.sentence.end_char) \
                or (place.feature_code or "").startswith("PCL") or not names_a_known_place(place):
            continue
        following = text_of(doc)[place.span.end:place.span.end + 40].split()
        if not following or _bare_word(following[0]) not in forces:
            continue
        words = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
        said_by = attribution is not None and attribution.start <= place.span.start \
            and place.span.end <= attribution.end
        if (said_by or (words is not None and any(t.i in reporting for t in words))) and place not in found:
            found.append(place)
    return found
