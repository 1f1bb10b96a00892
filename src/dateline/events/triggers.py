"""Event triggers: the words that announce an event, and the clause each one heads.

A trigger is a verb or an event noun listed in ``event_types.yaml`` whose constraints hold in
the parse ("take" only with the particle "over", "capture" only with a territory as object).
Each trigger heads one clause: a sentence such as "X flew into Lusaka on Monday and delegates
are holding talks" gives two events, each with the words of its own clause.

An event noun inside the clause of a verb trigger ("fled ... following Taliban attacks") or
coordinated with another event noun ("talks ... and the reopening of the airport") is part of
that event, not an event of its own; it is kept as an ``absorbed`` word of the trigger so that
its actors can still be read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Span as SpacySpan, Token

from dateline.events.non_events import governing_words, reports_no_event
from dateline.config import SETTINGS
from dateline.nlp import ents_of, text_of

LEXICON_PATH = Path(__file__).with_name("event_types.yaml")

VERB_WEIGHT = SETTINGS.events.verb_trigger_weight
NOUN_WEIGHT = SETTINGS.events.noun_trigger_weight
# verbs that only carry an event noun ("held meetings", "issued a warning", "engaging in talks"):
# their clause is the noun's clause.
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "pcomp", "csubj"}
# what modifies a cue word (``requires_modifier``): a noun's compound or adjective ("drone attack");
# a verb's adverb, bare word or predicate adjective, however the parser attaches it ("voted no",
# "voted 'no'", "found the cook guilty", "was found guilty")
MODIFIER_DEPS = {"NOUN": frozenset({"compound", "amod", "nmod"}),
                 "VERB": frozenset({"advmod", "intj", "dobj", "acomp", "oprd", "ccomp"})}
NOUN_SLOTS = {"dobj", "nsubj", "nsubjpass", "attr", "pobj", "oprd", "appos", "conj", "npadvmod"}


@dataclass(frozen=True)
class Cue:
    lemma: str
    pos: str
    type: str
    example: str
    acled_type: str | None = None
    acled_subtype: str | None = None
    particle: str | None = None
    preps: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    requires_modifier: frozenset[str] = frozenset()
    variants: dict = field(default_factory=dict, compare=False, hash=False)
    weight: float = VERB_WEIGHT
    forms: frozenset[str] = frozenset()  # inflected forms the lemmatizer misses ("retook")
    # the ACLED sub-type is only the likeliest reading of a general word ("attack", "explosion",
    # "protest"): the classifier may choose another one that fits (dateline.events.acled_coding)
    acled_open: bool = False
    not_objects: frozenset[str] = frozenset()
    # a noun cue governed by one of these verbs describes a risk, not an act ("poses a threat")
    not_governed_by: frozenset[str] = frozenset()
    # a noun cue that is an event only when one of these verbs carries it or a possessive or a
    # "by"/"from" complement says whose it is ("issued a threat", "the group's threats"); else it
    # names a risk ("emerged as a threat to TB control", "worried about the threat of disease")
    carried_by: frozenset[str] = frozenset()
    # a noun for people that is an event only as the doer of a verb ("refugees crossed the
    # border"); elsewhere it names them ("the refugees in the camps")
    doer_only: bool = False
    # the -ing form modifying a noun says where something is ("the areas surrounding the lake"),
    # a participle before it what the thing is ("a stolen bicycle")
    not_as_modifier: bool = False
    # when the doer is a cause that is no actor (a virus, a storm: ``Lexicon.causes``): the type
    # the event then has, or "none" when it is no event ("the threat from the virus")
    cause_type: str | None = None
    # a warning about a fact ("warned that the toll may be higher") is a statement; only a
    # warning of what the speaker's side will do ("warned that they would attack") is a threat
    fact_type: str | None = None
    # a sentence in which the word is no event of this type (what the constraints above rule out)
    counter_example: str | None = None
    # the verb's subject (or the passive's) must be one of these lemmas ("a plane crashed", not
    # "share prices crashed"): for verbs that are a hazard only for some things
    subjects: frozenset[str] = frozenset()
    # the cue does not hold when the verb's subject (each of its conjuncts: its head, a compound, a
    # possessor, an adjective or an "of" complement of it) is one of these lemmas: the word's other sense, told by the kind of its subject ("share prices
    # advanced", "the jobless rate reached 9 percent", "the coroner is investigating")
    not_subjects: frozenset[str] = frozenset()
    # the verb's subject undergoes the event ("a soldier died"): it is the target, never the doer
    subject_undergoes: bool = False
    # a noun that is an event only inside one of these words' constructions: as the "of"
    # complement of such a noun ("cases of cholera", "the spread of the virus") or the subject of
    # such a verb ("the virus is spreading"); elsewhere it only names a thing ("a vaccine against
    # the virus", "died of the disease")
    within: frozenset[str] = frozenset()
    # a noun that is an event of its own even inside another event's clause: the crime a charge
    # or a conviction is about happened before and apart from it ("charged with robbery")
    own_event: bool = False
    # the type when the verb carries a to-infinitive of another act: a pledge to do something is
    # a statement of intent ("pledged to clean up the parks"), what is pledged ("$1 billion") aid
    intent_type: str | None = None
    # the type of a fugitive's flight (``Lexicon.fugitive_*``): one who flees the police, custody
    # or a crime's scene moves to escape the law; no civilians are displaced ("the suspect fled")
    fugitive_type: str | None = None
    # {type, words, not_words}: the type when the cue's sentence also tells one of ``words``
    # (lemmas) and none of ``not_words`` ("picked up in a raid at his flat": an arrest operation)
    told_with: dict = field(default_factory=dict, compare=False, hash=False)
    # the name of the act the cue word tells in its construction, when that is not the word's own:
    # an "attempted murder" is an attempt at one (an attack that killed no one), as a "murder
    # attempt" is, and the event's cue says so (Event.cue; the KAIROS family follows the cue)
    named: str | None = None
    # a noun that is an event only with an "of" phrase naming who or what underwent it ("the
    # kidnapping of two engineers", "the theft of a tractor"); alone it names a kind of crime
    # ("kidnapping is rife in the delta")
    of_complement: bool = False

    @property
    def name(self) -> str:
        if self.named:
            return self.named
        return f"{self.lemma} {self.particle}" if self.particle else self.lemma


@dataclass(frozen=True)
class Lexicon:
    cues: dict[tuple[str, str], tuple[Cue, ...]]  # (lemma, pos) -> cues, most specific first
    types: dict[str, str]
    actor_nouns: dict[str, frozenset[str]]  # kind (armed, official, civilian) -> noun lemmas
    state_words: frozenset[str]
    non_state_words: frozenset[str]
    headline_breaks: frozenset[str] = frozenset()  # words that end a name in a title-case headline
    causes: frozenset[str] = frozenset()  # doers that are no actors: diseases, storms, fires
    party_object_types: frozenset[str] = frozenset()  # a country as their object is a party
    party_object_preps_only: frozenset[str] = frozenset()
    # events of motion: what their "to", "from", "into" names is where, not whom (arguments.read_participants)
    path_types: frozenset[str] = frozenset()
    # nouns of a relation between parties: a country after their "with"/"between" is no place
    relation_nouns: frozenset[str] = frozenset()
    # verbs whose subject undergoes the event noun they carry ("suffered injuries", "faces charges")
    undergoer_verbs: frozenset[str] = frozenset()
    # verbs that tell a bodily harm one has ("had injuries", "reported burns"): with a noun of
    # harm_nouns their subject undergoes it, as with undergoer_verbs
    harm_holder_verbs: frozenset[str] = frozenset()
    harm_nouns: frozenset[str] = frozenset()
    # verbs that only carry an event noun ("launched an attack"): their subject is its doer
    support_verbs: frozenset[str] = frozenset()
    # verbs whose bare participle complement is passive ("was found shot", "left him wounded")
    small_clause_verbs: frozenset[str] = frozenset()
    # verbs whose object does what their infinitive says ("asked the clerk to schedule a hearing")
    object_control_verbs: frozenset[str] = frozenset()
    # adjectives of will or ability whose infinitive is their subject's act ("was able to sell")
    subject_control_adjectives: frozenset[str] = frozenset()
    maker_verbs: frozenset[str] = frozenset()
    vehicle_nouns: frozenset[str] = frozenset()
    # singular nouns for a set of people that "they" stands for ("the pair ... they were arrested")
    plural_group_nouns: frozenset[str] = frozenset()
    # words by which one undergoes the event noun of their "to" ("was subjected to an assault")
    subjected_to_words: frozenset[str] = frozenset()
    # cues whose "at" names whom the act is aimed at ("fired at the guards")
    aimed_at_cues: frozenset[str] = frozenset()
    # acts a town, county or state takes as a body, and the nouns for such a polity
    polity_act_types: frozenset[str] = frozenset()
    polity_nouns: frozenset[str] = frozenset()
    # verbs of caring for the harmed ("was treated for injuries"): the one cared for undergoes the harm
    care_verbs: frozenset[str] = frozenset()
    # cues of searching whose "for" names whom they seek ("searching for two hikers")
    search_cues: frozenset[str] = frozenset()
    # types whose clausal complement's subject is whom the act is addressed to ("demanded the teller open the safe")
    addressed_types: frozenset[str] = frozenset()
    # words before an event noun that tell another happening ("after the blast"): no verb carries it
    sequence_prepositions: frozenset[str] = frozenset()
    # what a sentence names when civilians on the move are displaced (``displacement_drivers``)
    displacement_drivers: frozenset[str] = frozenset()
    # an inquiry and the words that name what it is about ("an inquiry into the fire"): that
    # event happened before and apart from the inquiry (``inquiries``)
    inquiry_words: frozenset[str] = frozenset()
    inquiry_prepositions: frozenset[str] = frozenset()
    # cues whose object is people, and the quantifiers that stand for people in their target slot
    people_cues: frozenset[str] = frozenset()
    people_quantifiers: frozenset[str] = frozenset()
    # verbs of a toll: one hung on a verb trigger of the same type is that event's toll
    toll_verbs: frozenset[str] = frozenset()
    toll_in_types: frozenset[str] = frozenset()  # event types a toll "in" them belongs to (toll_in_types)
    road_vehicles: frozenset[str] = frozenset()  # crisis_families.road_accidents
    road_harms: frozenset[str] = frozenset()
    road_crash_verbs: frozenset[str] = frozenset()
    road_attack_words: frozenset[str] = frozenset()
    road_users: frozenset[str] = frozenset()  # the harmed who tell a road accident ("the driver was injured")
    # injuries of one inside a vehicle ("cut from her car", "trapped in his van"): a road accident too
    road_aboard_harms: frozenset[str] = frozenset()
    road_aboard_preps: frozenset[str] = frozenset()
    # event types whose target may be a thing hit, and the nouns that are never such a thing
    thing_target_types: frozenset[str] = frozenset()
    not_things: frozenset[str] = frozenset()
    thing_of_nouns: frozenset[str] = frozenset()  # "the shelling of the clinic": the "of" phrase is the thing hit
    # reporting verbs whose report is an event even when it reports one ("the agency reported")
    broadcast_verbs: frozenset[str] = frozenset()
    # verbs whose subject took part in the event noun after their "in" ("involved in the ambush")
    participant_verbs: frozenset[str] = frozenset()
    # event nouns whose parties take part by acting in them ("moved at its meeting"): types, prepositions, spans
    attended_types: frozenset[str] = frozenset()
    attended_preps: frozenset[str] = frozenset()
    attended_spans: frozenset[str] = frozenset()
    attended_saying_verbs: frozenset[str] = frozenset()
    # verbs that claim an event and the nouns of a claim ("claimed responsibility for the bombing")
    claim_verbs: frozenset[str] = frozenset()
    # verbs whose subject undergoes the attack noun after their "under" ("came under shelling")
    under_attack_verbs: frozenset[str] = frozenset()
    claim_nouns: frozenset[str] = frozenset()
    claim_adjectives: frozenset[str] = frozenset()  # "a man thought to be responsible for the raid"
    # determiners that deny an event noun ("no casualties")
    negating_determiners: frozenset[str] = frozenset()
    state_phrases: frozenset[tuple[str, str]] = frozenset()  # ("for", "sale"): a state, not an event
    potential_nouns: frozenset[str] = frozenset()  # "a good time to buy": what a potential is for
    stance_words: frozenset[str] = frozenset()  # "worried about flooding", "a warrant for his arrest"
    prohibition_words: frozenset[str] = frozenset()  # "a ban on selling sparklers", "a moratorium on executions"
    habit_adverbs: frozenset[str] = frozenset()  # "often appeal for projects": a habit, no one event
    generic_subjects: frozenset[str] = frozenset()  # "anyone who is quarrelling with a neighbour"
    ability_modals: frozenset[str] = frozenset()  # "you can mock the film": what one may do
    obligation_modals: frozenset[str] = frozenset()  # "applicants must register": not yet done
    habit_times: frozenset[str] = frozenset()  # "year after year", "every spring": a habit
    instrument_nouns: frozenset[str] = frozenset()  # "weapons of mass destruction": what a thing is for
    naming_verbs: frozenset[str] = frozenset()  # "in what police called an attack": a name for an event told
    mistaking_verbs: frozenset[str] = frozenset()  # "we imagined it was a gas leak": what the event was not
    not_yet_adjectives: frozenset[str] = frozenset()  # "future talks": not (yet) held
    unrealised_verbs: frozenset[str] = frozenset()  # "hopes to return someday", "failed to attend"
    unrealised_forms: frozenset[str] = frozenset()  # their inflected forms
    requesting_types: frozenset[str] = frozenset()  # "asked X to investigate": what is asked is not done
    # a story opening with a gathering just before the report (event_types.yaml: occasions)
    occasion_words: frozenset[str] = frozenset()
    occasion_max_days: int = 7
    # a sports report's words of play (event_types.yaml: sport)
    sport_words: frozenset[str] = frozenset()
    sport_min_words: int = 4
    sport_figurative_types: frozenset[str] = frozenset()
    sport_harm_words: frozenset[str] = frozenset()
    sport_match_words: frozenset[str] = frozenset()
    # event nouns whose possessor undergoes them ("his arrest", "the colonel's trial")
    patient_nouns: frozenset[str] = frozenset()
    # people named by their tie to another ("a friend of X"): X is no argument
    relative_nouns: frozenset[str] = frozenset()
    # legal steps whose passive subject or object is the doer of the crime they name
    accusing_verbs: frozenset[str] = frozenset()
    # who a statement given to the press is made to ("told reporters", "told AFP")
    press_nouns: frozenset[str] = frozenset()
    press_names: frozenset[str] = frozenset()
    # a fugitive's flight (``fugitives``): who flees the law, what one flees, what tells the chase
    fugitive_doers: frozenset[str] = frozenset()
    fugitive_from: frozenset[str] = frozenset()
    fugitive_law_words: frozenset[str] = frozenset()
    fugitive_held_in: frozenset[str] = frozenset()
    # a flight told right after a crime by words that point back to its doers ("they fled"):
    # the crime's types and words, and the movers that are the crowd a crime drives off instead
    crime_types: frozenset[str] = frozenset()
    crime_acts: frozenset[str] = frozenset()
    crowd_movers: frozenset[str] = frozenset()
    # verbs whose "on" complement "on" complement is the cause of their subject ("deaths blamed on the storm")
    blamed_on_verbs: frozenset[str] = frozenset()
    # verbs of setting off a charge: their object is the device, no target ("detonated them")
    device_verbs: frozenset[str] = frozenset()
    directing_verbs: frozenset[str] = frozenset()  # "ruled that the men must stay in jail": whom it directs
    # last words of names of occasions ("the Vilna Marathon"): on an attack noun, when and where, not who
    occasion_names: frozenset[str] = frozenset()
    # an event noun asked for ("a call for assistance", "pleas for a truce"): what is asked is not
    # (yet) given or done; the event is the request (``asked_for``)
    asking_words: frozenset[str] = frozenset()
    asked_for_type: str | None = None
    # verbs that let people go back ("was permitted to return to her flat"): those kept from their homes
    # were displaced (``return_permitted_by``)
    return_permitted_by: frozenset[str] = frozenset()
    # nouns English never uses as verbs, read as nouns when the tagger calls them verbs ("declare
    # the measles outbreak an emergency": "outbreak" taken for the verb of "the measles")
    noun_only_words: frozenset[str] = frozenset()
    # event_types.yaml: types_by_sentence: a move no one is driven to; a getaway on foot; a vehicle
    # told by who drove it; a harm in a sentence telling a hazard and no violence
    planned_move_new: frozenset[str] = frozenset()
    planned_move_verbs: frozenset[str] = frozenset()
    planned_move_movers: frozenset[str] = frozenset()
    getaway_means: frozenset[str] = frozenset()
    driving_verbs: frozenset[str] = frozenset()
    hazard_agents: frozenset[str] = frozenset()
    hazard_movers: frozenset[str] = frozenset()
    hazard_sites: frozenset[str] = frozenset()
    hazard_system_heads: frozenset[str] = frozenset()
    hazard_system_words: frozenset[str] = frozenset()
    # headings of a wiki-style page's lists of titles ("==See also==": event_types.yaml, title_sections)
    title_section_headings: frozenset[str] = frozenset()

    def all_cues(self) -> list[Cue]:
        return list({id(c): c for group in self.cues.values() for c in group}.values())

    def actor_kind(self, lemma: str) -> str | None:
        for kind in ("armed", "official", "civilian"):
            if lemma in self.actor_nouns.get(kind, ()):
                return kind
        return None


def _words(raw) -> frozenset[str]:
    """A word list, with the lists YAML aliases nest in it flattened ([video, film, *animals])."""
    words: set[str] = set()
    for item in raw or ():
        words |= _words(item) if isinstance(item, list) else {item}
    return frozenset(words)


def _cue(raw: dict) -> Cue:
    pos = raw["pos"].upper()
    return Cue(
        lemma=raw["lemma"].lower(),
        pos=pos,
        type=raw["type"],
        example=raw["example"],
        acled_type=raw.get("acled_type"),
        acled_subtype=raw.get("acled_subtype"),
        particle=raw.get("particle"),
        preps=_words(raw.get("preps")),
        objects=_words(raw.get("objects")),
        requires_modifier=_words(raw.get("requires_modifier")),
        variants=dict(raw.get("variants") or {}),
        weight=float(raw.get("weight", VERB_WEIGHT if pos == "VERB" else NOUN_WEIGHT)),
        forms=frozenset(f.lower() for f in raw.get("forms") or ()),
        acled_open=bool(raw.get("acled_open", False)),
        not_objects=_words(raw.get("not_objects")),
        not_governed_by=_words(raw.get("not_governed_by")),
        carried_by=_words(raw.get("carried_by")),
        doer_only=bool(raw.get("doer_only", False)),
        not_as_modifier=bool(raw.get("not_as_modifier", False)),
        cause_type=raw.get("cause_type"),
        fact_type=raw.get("fact_type"),
        counter_example=raw.get("counter_example"),
        subjects=_words(raw.get("subjects")),
        not_subjects=_words(raw.get("not_subjects")),
        subject_undergoes=bool(raw.get("subject_undergoes", False)),
        within=_words(raw.get("within")),
        own_event=bool(raw.get("own_event", False)),
        intent_type=raw.get("intent_type"),
        fugitive_type=raw.get("fugitive_type"),
        told_with={key: value if key in {"type", "not_in_names"} else _words(value) for key, value in (raw.get("told_with") or {}).items()},
        named=raw.get("named"),
        of_complement=bool(raw.get("of_complement", False)),
    )


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    # the crisis families (hazards, justice, transactions, damage) stand in a block of their own
    families = raw.get("crisis_families") or {}
    raw["types"] = {**raw["types"], **(families.get("types") or {})}
    raw["cues"] = list(raw["cues"]) + list(families.get("cues") or []) + list((raw.get("types_by_sentence") or {}).get("cues") or [])
    grouped: dict[tuple[str, str], list[Cue]] = {}
    for entry in raw["cues"]:
        cue = _cue(entry)
        if cue.type not in raw["types"] or any(t not in raw["types"] and t != "none" for t in (
                cue.cause_type, cue.fact_type, cue.intent_type, cue.fugitive_type, cue.told_with.get("type")) if t):
            raise ValueError(f"{path}: cue {cue.name!r} has unknown type {cue.type!r}")
        grouped.setdefault((cue.lemma, cue.pos), []).append(cue)
        for form in sorted(cue.forms):  # (sorted: the cues' order must not hang on string hashing)
            grouped.setdefault((form, cue.pos), []).append(cue)

    def specificity(cue: Cue) -> int:
        return bool(cue.particle) + bool(cue.preps) + bool(cue.objects) + bool(cue.requires_modifier) + bool(cue.subjects)

    # the tables that hold several lists each
    unasserted, sport, press = (raw.get(k) or {} for k in ("unasserted", "sport", "press_addressees"))
    road = families.get("road_accidents") or {}
    fugitives = raw.get("fugitives") or {}
    by_sentence = raw.get("types_by_sentence") or {}
    return Lexicon(
        cues={key: tuple(sorted(group, key=specificity, reverse=True)) for key, group in grouped.items()},
        types=dict(raw["types"]),
        actor_nouns={kind: frozenset(words) for kind, words in raw["actor_nouns"].items()},
        state_words=frozenset(raw.get("state_words", ())),
        non_state_words=frozenset(raw.get("non_state_words", ())),
        headline_breaks=frozenset(raw.get("headline_breaks", ())),
        causes=frozenset(raw.get("causes", ())),
        party_object_types=frozenset(raw.get("party_object_types", ())),
        party_object_preps_only=frozenset(raw.get("party_object_preps_only", ())),
        path_types=frozenset(raw.get("path_types", ())),
        relation_nouns=frozenset(families.get("relation_nouns", ())),
        undergoer_verbs=frozenset(raw.get("undergoer_verbs", ())),
        harm_holder_verbs=frozenset(raw.get("harm_holder_verbs", ())),
        harm_nouns=frozenset(raw.get("harm_nouns", ())),
        support_verbs=frozenset(raw.get("support_verbs", ())),
        small_clause_verbs=frozenset(raw.get("small_clause_verbs", ())),
        object_control_verbs=frozenset(raw.get("object_control_verbs", ())),
        subject_control_adjectives=_words((raw.get("subject_control_adjectives") or {}).get("words")),
        maker_verbs=_words((raw.get("maker_verbs") or {}).get("words")),
        vehicle_nouns=_words((raw.get("vehicle_nouns") or {}).get("words")),
        plural_group_nouns=_words((raw.get("plural_group_nouns") or {}).get("words")),
        subjected_to_words=_words((raw.get("subjected_to") or {}).get("words")),
        aimed_at_cues=frozenset(raw.get("aimed_at_cues", ())),
        polity_act_types=frozenset((raw.get("polities") or {}).get("act_types", ())),
        polity_nouns=frozenset((raw.get("polities") or {}).get("nouns", ())),
        care_verbs=frozenset(raw.get("care_verbs", ())),
        search_cues=frozenset(raw.get("search_cues", ())),
        addressed_types=frozenset(raw.get("addressed_types", ())),
        sequence_prepositions=frozenset(raw.get("sequence_prepositions", ())),
        displacement_drivers=frozenset(raw.get("displacement_drivers", ())),
        inquiry_words=_words((raw.get("inquiries") or {}).get("words")),
        inquiry_prepositions=_words((raw.get("inquiries") or {}).get("prepositions")),
        people_cues=frozenset(raw.get("people_cues", ())),
        people_quantifiers=frozenset(raw.get("people_quantifiers", ())),
        toll_verbs=frozenset(raw.get("toll_verbs", ())),
        toll_in_types=frozenset(raw.get("toll_in_types", ())),
        road_vehicles=_words(road.get("vehicles")),
        road_harms=_words(road.get("harms")),
        road_crash_verbs=_words(road.get("crash_verbs")),
        road_attack_words=_words(road.get("attack_words")),
        road_users=_words(road.get("users")),
        road_aboard_harms=_words(road.get("aboard_harms")),
        road_aboard_preps=_words(road.get("aboard_preps")),
        thing_target_types=frozenset((raw.get("thing_targets") or {}).get("types", ())),
        not_things=_words((raw.get("thing_targets") or {}).get("not_things")),
        thing_of_nouns=_words((raw.get("thing_targets") or {}).get("of_nouns")),
        broadcast_verbs=frozenset(raw.get("broadcast_verbs", ())),
        participant_verbs=frozenset(raw.get("participant_verbs", ())),
        attended_types=frozenset((raw.get("attended_events") or {}).get("types", ())),
        attended_preps=frozenset((raw.get("attended_events") or {}).get("preps", ())),
        attended_spans=frozenset((raw.get("attended_events") or {}).get("spans_of_time", ())),
        attended_saying_verbs=frozenset((raw.get("attended_events") or {}).get("saying_verbs", ())),
        under_attack_verbs=frozenset(raw.get("under_attack_verbs", ())),
        claim_verbs=frozenset((raw.get("responsibility_claims") or {}).get("verbs", ())),
        claim_nouns=frozenset((raw.get("responsibility_claims") or {}).get("nouns", ())),
        claim_adjectives=frozenset((raw.get("responsibility_claims") or {}).get("adjectives", ())),
        negating_determiners=frozenset(unasserted.get("negating_determiners", ())),
        state_phrases=frozenset(tuple(p.split()) for p in unasserted.get("state_phrases", ())),
        potential_nouns=frozenset(unasserted.get("potential_nouns", ())),
        stance_words=frozenset(unasserted.get("stance_words", ())),
        prohibition_words=frozenset(unasserted.get("prohibition_words", ())),
        habit_adverbs=frozenset(unasserted.get("habit_adverbs", ())),
        generic_subjects=frozenset(unasserted.get("generic_subjects", ())),
        ability_modals=frozenset(unasserted.get("ability_modals", ())),
        obligation_modals=frozenset(unasserted.get("obligation_modals", ())),
        habit_times=frozenset(unasserted.get("habit_times", ())),
        instrument_nouns=frozenset(unasserted.get("instrument_nouns", ())),
        naming_verbs=frozenset(unasserted.get("naming_verbs", ())),
        mistaking_verbs=frozenset(unasserted.get("mistaking_verbs", ())),
        not_yet_adjectives=frozenset(unasserted.get("not_yet_adjectives", ())),
        unrealised_verbs=frozenset(unasserted.get("unrealised_verbs", ())),
        unrealised_forms=frozenset(f for verb in unasserted.get("unrealised_verbs", ()) for f in _inflections(verb)),
        requesting_types=frozenset(unasserted.get("requesting_types", ())),
        occasion_words=frozenset((raw.get("occasions") or {}).get("words", ())),
        occasion_max_days=int((raw.get("occasions") or {}).get("max_days_before", 7)),
        sport_words=frozenset(sport.get("words", ())),
        sport_min_words=int(sport.get("min_words", 4)),
        sport_figurative_types=frozenset(sport.get("figurative_types", ())),
        sport_harm_words=frozenset(sport.get("harm_words", ())),
        sport_match_words=frozenset(sport.get("match_words", ())),
        accusing_verbs=frozenset(raw.get("accusing_verbs", ())),
        relative_nouns=frozenset(raw.get("relative_nouns", ())),
        patient_nouns=frozenset(raw.get("patient_nouns", ())),
        press_nouns=frozenset(press.get("nouns", ())),
        press_names=frozenset(press.get("names", ())),
        fugitive_doers=_words(fugitives.get("doers")),
        fugitive_from=_words(fugitives.get("from_words")),
        fugitive_law_words=_words(fugitives.get("law_words")),
        fugitive_held_in=_words(fugitives.get("held_in")),
        crime_types=_words((fugitives.get("after_a_crime") or {}).get("types")),
        crime_acts=_words((fugitives.get("after_a_crime") or {}).get("acts")),
        crowd_movers=_words((fugitives.get("after_a_crime") or {}).get("crowds")),
        blamed_on_verbs=frozenset(raw.get("blamed_on_verbs", ())),
        occasion_names=_words(raw.get("occasion_names")),
        device_verbs=_words(raw.get("device_verbs")),
        directing_verbs=_words(raw.get("directing_verbs")),
        asking_words=_words((raw.get("asked_for") or {}).get("words")),
        asked_for_type=(raw.get("asked_for") or {}).get("type"),
        return_permitted_by=_words(raw.get("return_permitted_by")),
        noun_only_words=_words((raw.get("noun_only_words") or {}).get("words")),
        planned_move_new=_words(by_sentence.get("planned_moves", {}).get("new_words")),
        planned_move_verbs=_words(by_sentence.get("planned_moves", {}).get("verbs")),
        planned_move_movers=_words(by_sentence.get("planned_moves", {}).get("movers")),
        getaway_means=_words(by_sentence.get("getaway_means")),
        driving_verbs=_words(by_sentence.get("driving_verbs")),
        hazard_agents=_words(by_sentence.get("hazard_agents")),
        hazard_movers=_words((by_sentence.get("hazard_course") or {}).get("movers")),
        hazard_system_heads=_words((by_sentence.get("hazard_course") or {}).get("system_heads")),
        hazard_system_words=_words((by_sentence.get("hazard_course") or {}).get("system_words")),
        hazard_sites=_words(by_sentence.get("hazard_sites")),
        title_section_headings=_words((raw.get("title_sections") or {}).get("headings")),
    )


@dataclass(frozen=True)
class Trigger:
    """One event announced in a sentence."""

    token: Token  # the cue word
    cue: Cue
    head: Token  # the verb whose clause the event is (the token itself for verbs)
    words: tuple[Token, ...]  # the cue's words: "taken over", "pulling out"
    absorbed: tuple[Token, ...] = ()  # event nouns inside this event's clause

    @property
    def nominal(self) -> bool:
        return self.cue.pos == "NOUN"


def _pos_matches(token: Token, pos: str) -> bool:
    if pos == "VERB":
        return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ != "aux")
    return token.pos_ in {"NOUN", "PROPN"} or (token.tag_ in {"NN", "NNS"})


def _particle(token: Token, particle: str) -> Token | None:
    for child in token.children:
        if child.dep_ == "prt" and child.lower_ == particle:
            return child
    # "taken over four districts", "brought back" are sometimes parsed as a preposition or an
    # adverb right after the verb; never when the verb has a particle of its own ("turned out in
    # force": turning out, no turning in)
    if any(child.dep_ == "prt" for child in token.children):
        return None
    for child in token.children:
        if child.dep_ in {"prep", "advmod"} and child.lower_ == particle and 0 < child.i - token.i <= 2:
            return child
    return None


def _object_lemmas(token: Token, with_compounds: bool = False) -> set[str]:
    """Lemmas of what the cue acts on: direct object, passive subject, "of"/"with" complement
    of a noun, and their conjuncts (and "fire" in "opened fire")."""
    heads = []
    for child in token.children:
        if child.dep_ in {"dobj", "nsubjpass", "attr", "oprd"}:
            heads.append(child)
        elif child.dep_ == "prep" and child.lower_ in {"of", "for", "to", "on", "in"}:
            heads.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_ == "prt":
            heads.extend(g for g in child.children if g.dep_ == "pobj")
        if (child.dep_ == "prt" or (child.dep_ == "prep" and child.lower_ in {"out", "away"})) and 0 < child.i - token.i <= 2:
            # "pulled out of the race": the "of" phrase the particle (or "out" parsed as a
            # preposition) carries
            heads.extend(g for p in child.children if p.dep_ == "prep" and p.lower_ == "of"
                         for g in p.children if g.dep_ == "pobj")
    if token.dep_ == "acl" and token.head.pos_ in {"NOUN", "PROPN"}:
        heads.append(token.head)
    lemmas = set()
    for head in heads:
        lemmas.add(head.lemma_.lower())
        for conj in head.conjuncts:
            lemmas.add(conj.lemma_.lower())
        if with_compounds:  # "fight mosquito populations", "the bird flu outbreak"
            lemmas.update(c.lemma_.lower() for c in head.children if c.dep_ == "compound")
        # "more territories", "dozens of people": the noun behind a quantifier
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                lemmas.update(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
    return lemmas


def _prep_object_lemmas(token: Token, preps: frozenset[str]) -> set[str]:
    """Lemmas of the objects of the cue's own prepositions ("released from custody", "taken
    into custody"): for a cue with both ``preps`` and ``objects`` the object may follow the
    preposition. The words naming the object's kind before it count too: its compounds and its
    possessor ("taken to the county sheriff's office", "moved to the city jail annex")."""
    if not preps:
        return set()
    objects = [g for c in token.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children if g.dep_ == "pobj"]
    return {g.lemma_.lower() for g in objects} | {m.lemma_.lower() for g in objects for m in g.children
                                                  if m.dep_ in {"compound", "poss"}}


def _subject_lemmas(token: Token) -> set[str]:
    """Lemmas of the verb's subject (active or passive), their conjuncts and compounds ("a bus
    and a truck collided", "the hotel building collapsed")."""
    lemmas = set()
    for child in token.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            for head in [child, *child.conjuncts]:
                lemmas |= _words_of_a_subject(head, {"compound"})
    if any(c.dep_ == "nsubjpass" for c in token.children):
        # "a boy was hit by a van": the doer of a passive is its subject in meaning
        lemmas.update(g.lemma_.lower() for c in token.children if c.dep_ == "agent"
                      for g in c.children if g.dep_ == "pobj")
    if token.dep_ == "relcl" and token.head.pos_ in {"NOUN", "PROPN"}:  # "a plane that crashed"
        lemmas.add(token.head.lemma_.lower())
    if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ in {"NOUN", "PROPN"}:
        # "a cold front pushing into the valley": the noun a participle tells about
        lemmas.add(token.head.lemma_.lower())
        lemmas.update(c.lemma_.lower() for c in token.head.children if c.dep_ == "compound")
    return lemmas


def _subject_of_a_kind(token: Token, kinds: frozenset[str]) -> bool:
    """Whether the verb's subject, each of its conjuncts, is of one of ``kinds``: its head, a
    compound, a possessor or an adjective of it says so ("the medical examiner's office", "the
    county's jobless rate", "shares of the firm"); "detectives and the coroner's staff" are not all
    such ("police" is not). A participle tells about the noun before it ("prices reaching ...")."""
    heads = [h for c in token.children if c.dep_ in {"nsubj", "nsubjpass"} for h in [c, *c.conjuncts]]
    if not heads and token.dep_ in {"relcl", "acl"} and token.head.pos_ in {"NOUN", "PROPN"}:
        heads = [token.head]
    if not heads:
        return False

    return all(_words_of_a_subject(head, {"compound", "poss", "amod"}) & kinds for head in heads)


def _words_of_a_subject(head: Token, modifiers: set[str]) -> set[str]:
    """The lemmas that say what a subject is: its head, its modifiers of the ``modifiers``
    relations, and the noun of its "of" ("a couple of bombers", "dozens of soldiers": the noun
    behind a quantifier; "shares of the firm")."""
    found = {head.lemma_.lower()}
    found.update(c.lemma_.lower() for c in head.children if c.dep_ in modifiers)
    found.update(g.lemma_.lower() for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj")
    return found


def _elided_count(token: Token, cue: Cue) -> bool:
    """ "has seized over 40": a bare count as object stands for the nouns counted just
    before (only for cues about territory, where "district" and "province" are among them)."""
    if "district" not in cue.objects:
        return False
    return any(c.dep_ == "dobj" and c.like_num and not any(g.dep_ == "prep" for g in c.children) for c in token.children)


def _object_is_a_place(token: Token) -> bool:
    """The verb's direct object is a named place ("left Ukraine")."""
    return any(c.dep_ == "dobj" and c.ent_type_ in {"GPE", "LOC", "FAC"} for c in token.children)


def _inside_construction(token: Token, words: frozenset[str]) -> bool:
    """The noun (or the first of its conjuncts) is the complement of one of ``words`` after
    "of", "with", "for", "into" or "over", its object or its subject ("cases of dengue and malaria",
    "charged with fraud", "arrested for theft", "committed the robbery", "the virus spread"), the
    doer of one in the passive ("sickened by a germ") or the noun one tells about as a participle
    ("a virus affecting farmers")."""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if any(c.dep_ == "acl" and c.lemma_.lower() in words for c in first.children):
        # "a virus affecting hundreds of farmers": the noun a participle tells about
        return True
    if first.dep_ == "pobj" and first.head.lower_ in {"of", "with", "for", "into", "over"}:
        return first.head.head.lemma_.lower() in words
    if first.dep_ == "pobj" and first.head.dep_ == "agent":
        # "pupils sickened by a bacterium": the doer of a passive
        return first.head.head.lemma_.lower() in words
    return first.dep_ in {"nsubj", "nsubjpass", "dobj"} and first.head.lemma_.lower() in words


def _cue_holds(token: Token, cue: Cue) -> tuple[Token, ...] | None:
    """The cue's words when its constraints hold for this token, else None."""
    words = [token]
    if cue.particle:
        particle = _particle(token, cue.particle)
        if particle is None:
            return None
        words.append(particle)
    if cue.preps and not any(c.dep_ in {"prep", "dative"} and c.lower_ in cue.preps for c in token.children):
        return None
    if cue.objects and not ((_object_lemmas(token) | _prep_object_lemmas(token, cue.preps)) & cue.objects) \
            and not _elided_count(token, cue) and not ("<place>" in cue.objects and _object_is_a_place(token)):
        return None
    if cue.not_objects and _object_lemmas(token, with_compounds=True) & cue.not_objects:
        return None
    if "<any>" in cue.not_objects and any(c.dep_ in {"dobj", "obj", "nsubjpass", "auxpass", "agent"} for c in token.children):
        return None  # the word is an event only with no direct object (a passive has one: "as demonstrated by")
    if cue.subjects and not (_subject_lemmas(token) & cue.subjects):
        return None
    if cue.not_subjects and _subject_of_a_kind(token, cue.not_subjects):
        return None
    if cue.not_as_modifier and ((token.dep_ == "acl" and token.tag_ == "VBG") or token.dep_ == "amod"):
        return None  # "the areas surrounding the lake", "a stolen bicycle": the word describes a thing
    if cue.not_governed_by and _carrying_verb_lemma(token) in cue.not_governed_by:
        return None
    if cue.carried_by and _carrying_verb_lemma(token) not in cue.carried_by and not _owner_named(token):
        return None
    if cue.within and not _inside_construction(token, cue.within):
        return None
    if cue.doer_only and not (token.dep_ == "nsubj" and token.head.pos_ == "VERB"):
        return None
    if cue.of_complement and not any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children)
                                     for c in token.children):
        return None
    if cue.requires_modifier and not any(
        c.dep_ in MODIFIER_DEPS[cue.pos] and c.lemma_.lower() in cue.requires_modifier for c in token.children
    ):
        return None
    return tuple(sorted(words, key=lambda t: t.i))


def _participle_naming_people(token: Token) -> bool:
    """A past participle used as a noun with its own determiner names people, no act: "the
    accused appeared in court", "nurses cared for the injured" (the parser keeps it a verb
    in a noun's slot)."""
    return (token.tag_ in {"VBN", "VBD"} and token.dep_ in NOUN_SLOTS
            and any(c.dep_ == "det" and c.i < token.i for c in token.children))


def match_cue(token: Token, lexicon: Lexicon | None = None) -> tuple[Cue, tuple[Token, ...]] | None:
    lexicon = lexicon or load_lexicon()
    pos = "VERB" if token.pos_ in {"VERB", "AUX"} else "NOUN" if token.pos_ in {"NOUN", "PROPN"} else None
    noun_read_as_verb = pos == "VERB" and token.lower_ in lexicon.noun_only_words
    if noun_read_as_verb:
        pos = "NOUN"
    if pos is None:
        return None
    if pos == "VERB" and _participle_naming_people(token):
        return None
    lemma = token.lemma_.lower()
    candidates = lexicon.cues.get((lemma, pos), ())
    if not candidates and pos == "NOUN" and not token.text.isupper():
        # plural nouns the lemmatizer leaves alone ("talks" as a proper noun in a headline);
        # never an acronym ("AIDS" is no plural of aid)
        candidates = lexicon.cues.get((token.lower_.rstrip("s"), pos), ())
    if not candidates and pos == "VERB" and token.tag_ == "VBG" and token.dep_ in NOUN_SLOTS:
        # "the fighting", "the shelling": gerunds used as nouns
        candidates = lexicon.cues.get((token.lower_, "NOUN"), ())
    for cue in candidates:
        if not _pos_matches(token, cue.pos) and not (cue.pos == "NOUN" and (token.tag_ == "VBG" or noun_read_as_verb)):
            continue
        if token.is_stop and cue.pos == "VERB" and lemma in {"be", "have", "do"}:
            continue
        words = _cue_holds(token, cue)
        if words is not None:
            return cue, words
    return None


def _owner_named(noun: Token) -> bool:
    """'the group's threats', 'threats by the rebels', 'a threat from Hekmatyar'."""
    if any(c.dep_ == "poss" for c in noun.children):
        return True
    return any(g.pos_ == "PROPN" or g.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}
               for c in noun.children if c.dep_ == "prep" and c.lower_ in {"by", "from"}
               for g in c.children if g.dep_ == "pobj")


def _carrying_verb_lemma(noun: Token) -> str | None:
    node = noun
    for _ in range(3):
        if node.head.i == node.i:
            return None
        if node.head.pos_ in {"VERB", "AUX"}:
            return node.head.lemma_.lower()
        if node.dep_ not in {"pobj", "prep", "dobj", "attr"}:
            return None
        node = node.head
    return None


# subordinators of a clause that is not asserted: "if the tests return positive", "investigating
# whether the virus poses a threat", "unless they retreat"
HYPOTHETICAL_MARKS = {"if", "unless", "whether"}


# "who would raise her daughter once she died", "will resume after the judge returns", "when he
# visits the island again, he hopes to climb the volcano": a time clause of what will or would
# happen, or of what someone hopes or wants (unrealised_verbs), tells no event of its own
TIME_MARKS = {"once", "when", "after", "before", "until", "till", "as soon as"}
FUTURE_AUXILIARIES = {"will", "would", "'ll", "wo", "shall"}


def _future(verb: Token) -> bool:
    """ "will resume", "would raise": what will or would happen; not "when the bridge was bombed,
    a parade would have caused a panic" (a counterfactual about a real past)."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return bool(auxiliaries & FUTURE_AUXILIARIES) and "have" not in auxiliaries


def _hypothetical(token: Token, sentence: SpacySpan, lexicon: Lexicon) -> bool:
    node = token
    for _ in range(8):
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in node.children):
            return True
        if node.dep_ == "advcl" and any(c.dep_ in {"mark", "advmod"} and c.lower_ in TIME_MARKS for c in node.children) \
                and (_future(node.head) or _unrealised(node.head, lexicon) or _unrealising_verb(node.head, lexicon)):
            return True
        if node.head.i == node.i or not (sentence.start <= node.head.i < sentence.end):
            return False
        if node.dep_ in {"ROOT", "parataxis"}:
            return False
        node = node.head
    return False


def _unasserted(token: Token, lexicon: Lexicon) -> bool:
    """No event at the word (event_types.yaml: unasserted): an event noun with a negating
    determiner ("no casualties") or naming a state ("for sale"); a verb in a
    hyphenated adjective ("best-selling"); an infinitive saying what a potential noun is for
    ("a good time to buy")."""
    if token.dep_ in {"pobj", "pcomp"} and token.head.lower_ in {"about", "of", "for"} \
            and (token.head.head.lower_ in lexicon.stance_words or token.head.head.lemma_.lower() in lexicon.stance_words):
        return True  # "worried about flooding", "afraid of attacks", "no intention of talking"
    if token.dep_ in {"pobj", "pcomp"} and token.head.lower_ in {"on", "against"} \
            and token.head.head.lemma_.lower() in lexicon.prohibition_words:
        return True  # "a ban on selling sparklers", "restrictions on selling them": not done
    if _unrealised(token, lexicon) or _requested(token, lexicon):
        return True
    if token.pos_ == "NOUN":
        if _what_a_thing_is_for(token, lexicon) or _a_name_given(token, lexicon) or _taken_for(token, lexicon):
            return True
        if any(c.dep_ == "amod" and c.lower_ in lexicon.not_yet_adjectives for c in token.children):
            return True  # "future talks", "a possible strike"
        if any(c.dep_ == "det" and c.lower_ in lexicon.negating_determiners for c in token.children):
            return True
        return (token.dep_ == "pobj" and (token.head.lower_, token.lemma_.lower()) in lexicon.state_phrases
                and not any(c.dep_ in {"det", "poss", "amod", "nummod"} for c in token.children))
    if _in_hyphenated_adjective(token) or _counterfactual(token) or _habitual(token, lexicon):
        return True
    if _describes_a_thing(token, lexicon) or _generic_or_able(token, lexicon):
        return True
    return (token.tag_ == "VB" and token.dep_ in {"acl", "relcl"} and token.head.lemma_.lower() in lexicon.potential_nouns
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))


def _what_a_thing_is_for(noun: Token, lexicon: Lexicon) -> bool:
    """ "weapons of mass destruction", "instruments of torture": an event noun after "of" on a
    noun of instruments (``instrument_nouns``) says what kind of thing it is, what it is made for;
    nothing was destroyed or tortured."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in lexicon.instrument_nouns


def _a_name_given(noun: Token, lexicon: Lexicon) -> bool:
    """ "a blast hit the depot, in what police called a terrorist attack", "the mayor called the
    fire an act of arson", "officials described the shooting as a massacre": the event noun is the
    name someone gives an event the text tells by another word (``naming_verbs``), no second
    event. The noun is the object predicate of the naming verb, or what "as" names on it, or the
    "of" phrase of such a noun ("an act of arson")."""
    node = noun
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.dep_ in {"oprd", "pobj"}:
        node = node.head.head  # "an act of arson"
    if node.dep_ == "oprd":
        return node.head.lemma_.lower() in lexicon.naming_verbs
    return node.dep_ == "pobj" and node.head.lower_ == "as" and node.head.dep_ == "prep" \
        and node.head.head.lemma_.lower() in lexicon.naming_verbs


def _taken_for(noun: Token, lexicon: Lexicon) -> bool:
    """ "we imagined it was a gas leak", "we assumed it was thunder": the event noun is what a
    witness took the event for, said with "it was" in the past tense of a verb of mistaking
    (``mistaking_verbs``); the event was something else, told by its own word ("Police think it
    was arson" is a finding, in the present, and stays an event)."""
    if noun.dep_ != "attr" or noun.head.lemma_ != "be":
        return False
    copula = noun.head
    if not any(c.dep_ == "nsubj" and c.lower_ in {"it", "this", "that"} for c in copula.children):
        return False
    verb = copula.head
    return copula.dep_ == "ccomp" and verb.tag_ == "VBD" and verb.lemma_.lower() in lexicon.mistaking_verbs


def _habitual(token: Token, lexicon: Lexicon) -> bool:
    """ "county judges often appeal for projects", "he usually has to fight back tears": an
    adverb of frequency on the verb (or on the verb it completes) tells a habit, no one event."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    verbs = [token, token.head] if token.dep_ in {"xcomp", "conj"} and token.head.pos_ in {"VERB", "AUX"} else [token]
    if any(c.dep_ == "advmod" and c.lower_ in lexicon.habit_adverbs for verb in verbs for c in verb.children):
        return True
    return any(_time_over_and_over(c, lexicon) for verb in verbs for c in verb.children if c.dep_ == "npadvmod")


def _time_over_and_over(time: Token, lexicon: Lexicon) -> bool:
    """ "every spring", "each year", "year after year"."""
    if time.lemma_.lower() not in lexicon.habit_times:
        return False
    if any(c.dep_ == "det" and c.lower_ in {"every", "each"} for c in time.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "after" and any(o.lemma_.lower() == time.lemma_.lower() for o in c.children)
               for c in time.children)


def _unrealised(token: Token, lexicon: Lexicon) -> bool:
    """ "she hopes to return someday", "wants to see both sides negotiating", "failed to attend a
    hearing", "the rebels want a ceasefire": the event is in what a verb of wishing, fearing or
    failing (``unrealised_verbs``) governs (``non_events.governing_words``)."""
    return any(_unrealising_verb(node, lexicon) for node in governing_words(token))


def _requested(token: Token, lexicon: Lexicon) -> bool:
    """ "asked the sheriff to investigate the clerk", "urged residents to leave", "called on the
    board to approve the plan": what a request or a command asks for is not yet done; the
    request is the event (event_types.yaml: unasserted.requesting_types)."""
    if token.tag_ != "VB" or token.dep_ not in {"xcomp", "ccomp"} or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    asking = match_cue(token.head, lexicon) if token.head.pos_ == "VERB" else None
    return asking is not None and asking[0].type in lexicon.requesting_types


def _unrealising_verb(node: Token, lexicon: Lexicon) -> bool:
    return node.pos_ == "VERB" and (node.lemma_.lower() in lexicon.unrealised_verbs or node.lower_ in lexicon.unrealised_forms)


def _inflections(verb: str) -> set[str]:
    """ "hope" -> hope, hopes, hoped, hoping: the lemmatizer misreads a few ("hopes" -> "hop")."""
    stem = verb[:-1] if verb.endswith("e") else verb
    third = verb + "es" if verb.endswith(("sh", "ch", "s", "x")) else verb + "s"
    return {verb, third, stem + "ed", stem + "ing"}


def _generic_or_able(token: Token, lexicon: Lexicon) -> bool:
    """ "anyone who is quarrelling with a neighbour", "anyone can apply": no one in particular
    does it; "you can mock the film": what one is able to do, not what was done."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    auxiliaries = {c.lower_ for c in token.children if c.dep_ == "aux"}
    if auxiliaries & lexicon.ability_modals:
        return True
    if auxiliaries & lexicon.obligation_modals and "have" not in auxiliaries:
        return True
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    objects = [c for c in token.children if c.dep_ == "dobj"]
    arguments = subjects + objects
    if any(o.lower_ in lexicon.generic_subjects for o in objects):
        return True  # "will arrest anyone who is caught": no one in particular
    if token.dep_ == "relcl":
        subjects.append(token.head)
        arguments.append(token.head)
    # "whatever policy they adopted": no policy in particular
    if any(c.dep_ == "det" and c.lower_ in GENERIC_DETERMINERS for a in arguments for c in a.children):
        return True
    return any(s.lower_ in lexicon.generic_subjects for s in subjects)


GENERIC_DETERMINERS = {"whatever", "whichever"}


def _describes_a_thing(token: Token, lexicon: Lexicon) -> bool:
    """ "his leather flying helmet", "the ruling party": an -ing form before a noun says what
    kind of thing it is. (Before a noun of people it may still tell what they do: "the retreating
    troops".)"""
    head = token.head
    return (token.tag_ == "VBG" and token.dep_ == "amod" and head.pos_ == "NOUN" and head.i > token.i
            and lexicon.actor_kind(head.lemma_.lower()) is None)


COUNTERFACTUAL_MODALS = {"would", "could", "might", "should", "'d"}


def _counterfactual(token: Token) -> bool:
    """ "would have sparked a brawl", "could have been killed": what did not happen."""
    if token.tag_ != "VBN":
        return False
    auxiliaries = [c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}]
    return "have" in auxiliaries and bool(COUNTERFACTUAL_MODALS & set(auxiliaries))


def _in_hyphenated_adjective(token: Token) -> bool:
    """ "best-selling", "U.S.-led": the word closes a hyphenated word that modifies a noun."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "-" or doc[token.i - 1].whitespace_ or doc[token.i - 2].whitespace_:
        return False
    return token.dep_ in {"amod", "compound"} or token.head.pos_ in {"NOUN", "PROPN"} and token.head.i > token.i


def _imperative(token: Token) -> bool:
    """A bare verb with no subject heading the sentence ("please visit your doctor", "for details
    call 555-0100", which the tagger reads as a present tense) gives advice; so does one reported
    at the head of its sentence ("For tickets, call the box office, organisers said"). It reports
    no event."""
    verb = token
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head
    if verb.tag_ not in {"VB", "VBP"}:
        return False
    reported = verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and verb.i < verb.head.i
    if verb.dep_ != "ROOT" and not (reported and verb.tag_ == "VB"):
        return False
    return not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "expl"} for c in verb.children)


# verbs of dying: their "of"/"to" complement names the cause, not the one who died
DEATH_VERBS = {"die", "perish", "succumb"}
WOUND_WORDS = {"wound", "injury", "burn", "gunshot"}
# named things whose name may hold an event word ("the Office of Special Investigations", "the
# Strike Force museum"): the word is part of the name, no event
NAME_LABELS = {"ORG", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"}


def _doers(token: Token, lexicon: Lexicon | None = None) -> list[Token]:
    """The subject of a verb (shared through coordination: "has infected 171 people, and killed
    93") or the agent of its passive ("were killed by the virus"), or the complement of a noun's
    "from"/"by" ("the threat from the virus"), or what a blame is laid "on" (``blamed_on_verbs``)."""
    verb = token
    for _ in range(3):
        found = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"} or (c.dep_ == "nsubjpass" and verb.i != token.i)]
        # "an epidemic that killed thousands": the relative pronoun stands for the noun
        found = [verb.head if c.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl" else c for c in found]
        found += [g for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in {"by", "from"})
                  for g in c.children if g.dep_ == "pobj"]
        # "four deaths were blamed on heavy rain": what the blame is laid on caused them
        if lexicon is not None and verb.lemma_.lower() in lexicon.blamed_on_verbs:
            found += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"
                      for g in c.children if g.dep_ == "pobj"]
        # "died of measles", "succumbed to the fever": what a death came of is its doer
        if verb.lemma_.lower() in DEATH_VERBS:
            found += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in {"of", "to"}
                      for g in c.children if g.dep_ == "pobj"]
        # "an epidemic has worsened the situation, killing 80": the participle's doer is the
        # subject of the clause it hangs on
        if found or not (verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")):
            return found
        verb = verb.head
    return []


def caused_by_non_actor(token: Token, lexicon: Lexicon) -> bool:
    if token.lemma_.lower() in DEATH_VERBS and any(
        g.lemma_.lower() not in WOUND_WORDS for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children if g.dep_ == "pobj"
    ):
        # what one dies "of" is an illness, hunger or age, never an actor ("died of diabetes",
        # "died of natural causes"); only wounds keep the death violent
        return True
    if token.lemma_.lower() in DEATH_VERBS and any(
        w.lemma_.lower() in lexicon.causes
        for c in token.children if c.dep_ == "prep" and c.lower_ in {"after", "from", "following"}
        for w in c.subtree
    ):
        # "died after a long fight with cancer", "died from the flu": the illness named after it
        return True
    for doer in _doers(token, lexicon):
        # the head word only: "the anthrax attacks that killed five" were attacks
        if {doer.lemma_.lower(), doer.lower_} & lexicon.causes:
            return True
    # "died on Tuesday at a care home", "her brother died in 1987": a death with no harm that kills
    # named around it (``_harms_named``) was caused by no one; an arrest, a detention or a protest
    # told beside it kills no one ("were deported to a camp, where many died of typhus")
    return token.lemma_.lower() in DEATH_VERBS and not (_harms_named(token, lexicon) & KILLING_TYPES)


# the types of a harm that kills: a death told with one of them is a killing
KILLING_TYPES = frozenset({"ASSAULT"})


# the types of a harm someone does: a death told with one of them keeps its cue's (violent) type
VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})


def _harms_named(death: Token, lexicon: Lexicon) -> frozenset[str]:
    """The event types named around a death: by the cue words of its own clause and of the words
    it hangs on ("died when gunmen opened fire", "stormed the village, and a girl died"; not a
    clause beside it: "after her father died, she let her sons take over the bakery") and of the
    sentence before ("Gunmen opened fire on a bus. Two passengers died."); "ASSAULT" for a wound
    or a word of attack ("died of gunshot wounds"), "HAZARD" for a hazard. Kept on the doc: both
    the death's cause and its type ask it."""
    known = death.doc.user_data.setdefault("dateline_harms_named", {})
    if death.i not in known:
        known[death.i] = frozenset(_harms_around(death, lexicon))
    return known[death.i]


def _harms_around(death: Token, lexicon: Lexicon) -> set[str]:
    around = list(death.subtree) + list(death.ancestors)
    start = death.sent.start
    if start > 0:
        around += list(death.doc[start - 1].sent)
    found = set()
    for token in around:
        lemma = token.lemma_.lower()
        if token.i == death.i or lemma in DEATH_VERBS:
            continue
        if lemma in WOUND_WORDS or _attack_word(token, lexicon):
            found.add("ASSAULT")
        match = match_cue(token, lexicon)
        if match is not None:
            found.add(match[0].type)
    return found


def _attack_word(token: Token, lexicon: Lexicon) -> bool:
    """A word of violence (``road_accidents.attack_words``), unless it only says where a hazard
    struck: a "mine disaster", a "mine fire" (HAZARD cues) are accidents underground, no landmine
    ("collapse" is no cue: "the mine collapse" still names violence)."""
    if not (token.lemma_.lower() in lexicon.road_attack_words or token.lower_ in lexicon.road_attack_words):
        return False
    if token.dep_ == "compound" and token.lemma_.lower() in lexicon.hazard_sites:
        match = match_cue(token.head, lexicon)
        return not (match is not None and match[0].type == "HAZARD")
    return True


def _promises_own_act(token: Token, anyones: bool = False) -> bool:
    """A warning of what the speaker's side will do: a content clause with a will/would/shall
    whose subject is a person pronoun or the warner itself. ``anyones``: what anyone will do, as
    the terms of an agreement ("agreed that the truce would begin at dawn")."""
    own = {c.lower_ for c in token.children if c.dep_ == "nsubj"}
    for content in (c for c in token.children if c.dep_ in {"ccomp", "xcomp"}):
        if content.dep_ == "xcomp":
            return True  # "warned residents to leave", "warned of attacks": an order, not a fact
        modal = any(c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "'ll", "should", "must"}
                    for c in content.children)
        subjects = {c.lower_ for c in content.children if c.dep_ in {"nsubj", "nsubjpass"}}
        if modal and (anyones or subjects & ({"i", "we", "they", "he", "she"} | own)):
            return True
    return False


# the clauses that tell how a harm came about: "died when a lorry reversed", "injured after the
# bus overturned", "killed as the car left the road"
ACCIDENT_CLAUSE_WORDS = frozenset({"when", "after", "as"})


def harmed_by_a_vehicle(trigger: "Trigger", lexicon: Lexicon) -> bool:
    """Whether a road vehicle did the harm the trigger names (``road_accidents``): the agent of
    the harm's verb or of the verb it is joined to, the subject of a "when"/"after" clause on
    them, or the object of a crash verb there, or a road user harmed ("the driver was treated for
    minor injuries") with no violence named around the harm (``_harms_named``: its clause, the words
    above it, the sentence before); never in a sentence that tells an attack."""
    if not lexicon.road_vehicles or trigger.cue.lemma not in lexicon.road_harms:
        return False
    sentence = trigger.token.sent
    if any(_attack_word(t, lexicon) for t in sentence):
        return False
    verbs = [trigger.head]
    if trigger.head.dep_ == "conj":
        verbs.append(trigger.head.head)  # "was struck by a van and killed"
    if trigger.head.dep_ in {"advcl", "xcomp"} and trigger.head.tag_ == "VBG":
        verbs.append(trigger.head.head)  # "the bus overturned, injuring 14": the participle's doer is the verb's subject
    for verb in list(verbs):
        for clause in verb.children:
            if clause.dep_ == "advcl" and any(
                    m.dep_ in {"mark", "advmod"} and m.lower_ in ACCIDENT_CLAUSE_WORDS for m in clause.children):
                verbs.append(clause)
                verbs.extend(clause.conjuncts)  # "reversed ... and ran her over"

    def vehicle(token: Token) -> bool:
        # or a make told by who drove it: "a 1993 Cadillac driven by his neighbour"
        if token.lemma_.lower() in lexicon.road_vehicles or token.lower_ in lexicon.road_vehicles:
            return True
        named = [token, *(c for c in token.children if c.dep_ == "appos")]  # "a grey Buick" parsed as "grey", "Buick"
        return any(c.dep_ == "acl" and c.lemma_.lower() in lexicon.driving_verbs for n in named for c in n.children)

    if any(c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in lexicon.road_users for c in trigger.head.children) \
            and not _harms_named(trigger.token, lexicon) & VIOLENT_TYPES:
        return True
    if _road_user_subject(sentence, lexicon) and not _harms_named(trigger.token, lexicon) & VIOLENT_TYPES:
        return True  # "Lee and his passenger were taken to a clinic, where both were checked for cuts"
    if trigger.cue.lemma in lexicon.road_aboard_harms and any(
            vehicle(t) and t.dep_ == "pobj" and t.head.lower_ in lexicon.road_aboard_preps for t in sentence) \
            and not _harms_named(trigger.token, lexicon) & VIOLENT_TYPES:
        return True  # "one was cut from his car ... complained of neck injuries"
    for verb in verbs:
        if verb.dep_ == "advcl" and vehicle(verb):
            return True  # the parser made the clause's subject its head: "when a truck driven by ... backed out"
        if verb.dep_ == "acl" and verb.i != trigger.head.i and vehicle(verb.head):
            return True  # the parser hung the verb on its subject: "The bus overturned ..., injuring 14"
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and vehicle(child):
                return True
            if child.dep_ == "agent" and any(vehicle(g) for g in child.children if g.dep_ == "pobj"):
                return True
            if child.dep_ == "dobj" and verb.lemma_.lower() in lexicon.road_crash_verbs and vehicle(child):
                return True
    return False


def _road_user_subject(sentence: SpacySpan, lexicon: Lexicon) -> bool:
    """A road user (``road_accidents.users``) is a subject of the sentence's main clause, or joined
    to it ("Lee and his passenger were taken to a clinic"): the harms told there are theirs."""
    root = sentence.root
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    named = [n for subject in subjects for n in (subject, *subject.conjuncts)]
    # "his passenger Mia Cole": the role stands before the name, as its compound or apposition
    named += [c for n in named for c in n.children if c.dep_ in {"compound", "appos"}]
    return any(n.lemma_.lower() in lexicon.road_users for n in named)


def _done_by_a_hazard(token: Token, lexicon: Lexicon) -> bool:
    """A hazard noun (a HAZARD cue: "the blaze", "an earthquake") is the doer of the word."""
    return any(_hazard_noun(doer, lexicon) for doer in _doers(token, lexicon))


def _hazard_noun(noun: Token, lexicon: Lexicon) -> bool:
    """A noun of a HAZARD cue, unless its words make it an event of another kind ("mortar fire"
    is fighting, no blaze); a noun that names a hazard in some constructions only ("a gas
    explosion", not "an explosion") when its construction here is one of those."""
    cues = lexicon.cues.get((noun.lemma_.lower(), "NOUN"), ())
    if not any(cue.type == "HAZARD" for cue in cues):
        return False
    match = match_cue(noun, lexicon)
    if match is not None and match[0].type != "HAZARD":
        return False
    if all(cue.type == "HAZARD" for cue in cues):
        return True
    return match is not None and not _told_with(match[0], noun.sent)


def harmed_by_a_hazard(trigger: "Trigger", lexicon: Lexicon) -> bool:
    """Whether a hazard did the harm the trigger names (one of ``road_accidents.harms``): a hazard
    noun is the harm's doer ("the fire killed a firefighter"; through a participle, "an earthquake
    struck the island, injuring 40"), or a hazard is named around the harm and no violence is
    (``_harms_named``: "three workers were injured when the roof collapsed")."""
    if trigger.cue.lemma not in lexicon.road_harms:
        return False
    if _done_by_a_hazard(trigger.token, lexicon):
        return True
    if any(doer.lemma_.lower() in lexicon.hazard_agents for doer in _doers(trigger.token, lexicon)):
        return True  # "killed by a falling tree", "lightning killed a farmer"
    named = _harms_named(trigger.token, lexicon)
    if "HAZARD" in named and not named & VIOLENT_TYPES:
        return True
    return _a_hazard_and_no_violence_told(trigger.token.sent, lexicon)


def _a_hazard_and_no_violence_told(sentence: SpacySpan, lexicon: Lexicon) -> bool:
    """The sentence names a hazard (a HAZARD cue: "an injury accident", "the crash") and no word of
    violence anywhere: "the deputy could not tell how the two-car accident happened that left four
    needing care for injuries" (the harm hangs on another clause than the hazard's)."""
    told = set()
    for token in sentence:
        lemma = token.lemma_.lower()
        if _attack_word(token, lexicon) or lemma == "gunshot":
            return False
        if lemma in lexicon.road_harms:
            continue  # the harms themselves ("an injury accident"): what they are is asked
        match = match_cue(token, lexicon)
        if match is not None:
            told.add(match[0].type)
    return "HAZARD" in told and not told & VIOLENT_TYPES


# how far up the parse a flight looks for its subject ("kept driving before leaving the car and
# fleeing on foot": fleeing, leaving, before, driving, kept)
FLIGHT_SUBJECT_STEPS = 5


def _flight_subject(verb: Token) -> Token | None:
    """The subject of a verb of flight, or of the clause it hangs on as a conjunct or a
    participle; never across a reported clause (the speaker of "..., a deputy said")."""
    for node in [verb, *verb.ancestors][:FLIGHT_SUBJECT_STEPS]:
        subject = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.tag_ in {"WP", "WDT"} and node.dep_ == "relcl":
            return node.head  # "the gunmen, who jumped from the van and fled": the noun the relative stands for
        if subject is not None:
            return subject
        if node.dep_ in {"ccomp", "ROOT", "relcl"}:
            return None
    return None


def _one_person(subject: Token, lexicon: Lexicon) -> bool:
    """A single person: a name, "he"/"she", or a singular noun with no conjunct; a singular noun a
    name stands beside ("the car's driver, Tom Hale,"); one road vehicle, its driver ("the car fled
    with deputies in pursuit": a car does not flee a war)."""
    if subject.conjuncts:
        return False
    if subject.lower_ in {"he", "she"}:
        return True
    if subject.tag_ == "NN" and any(c.dep_ == "appos" and (c.pos_ == "PROPN" or c.ent_type_ == "PERSON")
                                    for c in subject.children):
        return True
    if subject.tag_ == "NN" and subject.lemma_.lower() in lexicon.road_vehicles:
        return True
    return subject.tag_ in {"NN", "NNP"} and (subject.pos_ == "PROPN" or subject.ent_type_ == "PERSON"
                                              or subject.lemma_.lower() in {"man", "woman", "boy", "girl", "teenager"})


def _joined_to_a_crime(verb: Token, lexicon: Lexicon) -> bool:
    """Whether a verb is a conjunct of a crime told as done, or has one as its conjunct ("stole a
    van and fled", "fled and later robbed a kiosk"): one subject, the offender's."""
    linked = ([verb.head] if verb.dep_ == "conj" else []) + [c for c in verb.children if c.dep_ == "conj"]
    for other in linked:
        match = match_cue(other, lexicon)
        if match is not None and match[0].type == "CRIME":
            return True
    return False


def fugitive_flight(trigger: "Trigger", lexicon: Lexicon) -> bool:
    """Whether a flight is a fugitive's (``fugitives``): its subject is one who flees the law (a
    suspect, a robber), or it is joined to a crime told as done ("stole a van and fled"), or it is
    from the police, custody or the scene ("escaped from the county
    jail", "fled the scene"), or one person's flight is told with the chase or the arrest ("fled
    on foot and was caught hours later", "fled before police raided his homes") or is from a place one is
    held or treated in ("fled the county hospital")."""
    verb = trigger.token
    subject = _flight_subject(verb)
    if subject is not None and subject.lemma_.lower() in lexicon.fugitive_doers:
        return True
    if _joined_to_a_crime(verb, lexicon):
        return True  # a robber's getaway: "robbed a pharmacy and fled on foot"
    fled = [c for c in verb.children if c.dep_ == "dobj"]
    fled += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in {"from", "out"} for g in c.subtree
             if g.dep_ == "pobj"]
    fled_words = set().union(*({f.lemma_.lower()} | {m.lemma_.lower() for m in f.children if m.dep_ in {"compound", "amod"}}
                               for f in fled))
    if fled_words & lexicon.fugitive_from:
        return True
    if subject is None or not _one_person(subject, lexicon):
        return False
    if _a_getaway(verb, lexicon):
        return True
    # one person leaving where he was held or treated escapes it; many fleeing a hospital are displaced
    return bool(fled_words & lexicon.fugitive_held_in) or any(
        t.lemma_.lower() in lexicon.fugitive_law_words for t in verb.subtree if t.i != verb.i)


def _a_getaway(verb: Token, lexicon: Lexicon) -> bool:
    """One person's flight on foot ("jumped out and fled on foot"), or told in a clause of the
    chase or the arrest it hangs on ("was caught when she fled"): a getaway (``getaway_means``,
    ``fugitives.law_words``)."""
    if any(g.lemma_.lower() in lexicon.getaway_means for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"
           for g in c.children if g.dep_ == "pobj"):
        return True
    return verb.dep_ == "advcl" and verb.head.lemma_.lower() in lexicon.fugitive_law_words


# words that point back to people named before ("they fled", "the men fled", "both ran off")
POINTING_BACK = frozenset({"he", "she", "they"})
POINTING_DETERMINERS = frozenset({"the", "both", "these", "those"})


def _points_back(subject: Token) -> bool:
    """A pronoun, or a noun with a definite determiner ("the men", "the pair"): people the text
    has already named."""
    if subject.lower_ in POINTING_BACK:
        return True
    return subject.pos_ in {"NOUN", "NUM"} and any(
        c.dep_ in {"det", "predet"} and c.lower_ in POINTING_DETERMINERS for c in subject.children)


def _a_crime_done(tokens, lexicon: Lexicon) -> bool:
    """A crime told as done among the tokens: a cue of a crime type (a robbery, "stole") or a crime
    act (``fugitives.after_a_crime.acts``: "abducted", "carjacked") in the past."""
    for token in tokens:
        if token.pos_ == "VERB" and token.tag_ not in {"VBD", "VBN"}:
            continue
        if token.lemma_.lower() in lexicon.crime_acts:
            return True
        match = match_cue(token, lexicon)
        if match is not None and match[0].type in lexicon.crime_types:
            return True
    return False


def flight_after_a_crime(trigger: "Trigger", lexicon: Lexicon) -> bool:
    """Whether a flight is told, by words pointing back ("they", "the men"), in the sentence of a
    crime done or the one after it ("They robbed the kiosk. The two then fled in a van."): the
    offenders' getaway. Not the crowd a crime drives off ("the customers fled",
    ``fugitives.after_a_crime.crowds``), who stay displaced."""
    verb = trigger.token
    subject = _flight_subject(verb)
    if subject is None or not _points_back(subject) or subject.lemma_.lower() in lexicon.crowd_movers:
        return False
    tokens = [t for t in verb.sent if t.i != verb.i]
    if verb.sent.start > 0:
        tokens += list(verb.doc[verb.sent.start - 1].sent)
    return _a_crime_done(tokens, lexicon)


# personal pronouns that stand for one person ("fled from him")
ONE_PERSON_PRONOUNS = frozenset({"him", "her", "he", "she"})


def flight_from_one_person(trigger: "Trigger", lexicon: Lexicon) -> bool:
    """Whether a flight is from one person ("she fled from him into a shop", "fled from her
    husband", "fled from the gunman"): one escaping a person runs from that person, no war or
    disaster drives anyone from home (many fleeing "the militants" or "the army" stay displaced)."""
    fled = [g for c in trigger.token.children if c.dep_ == "prep" and c.lower_ == "from"
            for g in c.children if g.dep_ == "pobj" and not g.conjuncts]
    one_person_nouns = lexicon.relative_nouns | lexicon.fugitive_doers
    return any(f.lower_ in ONE_PERSON_PRONOUNS or f.ent_type_ == "PERSON"
               or (f.tag_ == "NN" and f.lemma_.lower() in one_person_nouns) for f in fled)


def asked_for(noun: Token, lexicon: Lexicon) -> bool:
    """Whether an event noun is what someone asks for ("a call for assistance", "appealed for
    aid", "renewed calls for a truce"): the complement of "for" on a word of asking."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_.lower() in lexicon.asking_words


def _told_with(cue: Cue, sentence: SpacySpan) -> bool:
    """The cue's sentence tells one of its ``told_with`` words and none of its ``not_words``; with
    ``not_in_names``, not as a word of a name ("on Mill Street" names no street reopened)."""
    names_too = not cue.told_with.get("not_in_names")
    lemmas = {t.lemma_.lower() for t in sentence if names_too or t.pos_ != "PROPN"}
    return bool(lemmas & cue.told_with.get("words", frozenset())) and not lemmas & cue.told_with.get("not_words", frozenset())


# cue types of going, coming and pressing on: said of a storm, a fire or a virus they tell the
# hazard's course ("the hurricane headed north", "the blaze advanced toward the village")
HAZARD_COURSE_TYPES = frozenset({"MOVEMENT", "RETREAT", "MOBILIZE", "ASSAULT", "DISPLACEMENT", "TRANSPORT"})


def moved_by_a_hazard(verb: Token, lexicon: Lexicon) -> bool:
    """The verb's own subject (or, for a conjunct, the first verb's) is a hazard or a thing of one
    (a HAZARD noun, a cause, ``types_by_sentence.hazard_course.movers``: "the cold front", "the flames", "the storm
    system"), not a name ("the Popular Front withdrew"). Only the subject: "fled from the fire"
    tells what people fled."""
    node = verb
    while node.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
        node = node.head
    for subject in (c for c in node.children if c.dep_ == "nsubj"):
        if subject.pos_ == "PROPN" or subject.ent_type_ in {"ORG", "NORP", "GPE", "PERSON", "FAC"}:
            continue
        words = {subject.lemma_.lower(), subject.lower_}
        if words & (lexicon.causes | lexicon.hazard_movers) or _hazard_noun(subject, lexicon):
            return True
        if subject.lemma_.lower() in lexicon.hazard_system_heads and any(
                c.dep_ in {"compound", "amod"} and c.lemma_.lower() in lexicon.hazard_system_words | lexicon.causes
                for c in subject.children):
            return True  # "the storm system", "a cold front"; not "the school system", "the front line"
    return False


def type_in_context(trigger: "Trigger", lexicon: Lexicon) -> str | None:
    """The event type the trigger's sentence gives it when not its cue's own: a killing by a
    virus is a fact about an epidemic, a warning about a fact a statement."""
    cue = trigger.cue
    if cue.pos == "VERB" and cue.type in HAZARD_COURSE_TYPES and "HAZARD" in lexicon.types \
            and cue.lemma not in lexicon.road_harms and moved_by_a_hazard(trigger.token, lexicon):
        return "HAZARD"  # the course of a storm, a fire, an outbreak (its harms are asked below)
    if cue.type == "ASSAULT" and "HAZARD" in lexicon.types and harmed_by_a_vehicle(trigger, lexicon):
        return "HAZARD"  # a road accident
    if cue.type == "ASSAULT" and "HAZARD" in lexicon.types and harmed_by_a_hazard(trigger, lexicon):
        return "HAZARD"  # the toll of a fire, a storm, a collapse
    if cue.cause_type and cue.cause_type != "none" and caused_by_non_actor(trigger.token, lexicon):
        # a killing or a destruction by a quake, a flood or an outbreak is the hazard's impact; so
        # is a death in a sentence that names the hazard ("died as floods swept the valley")
        if "HAZARD" in lexicon.types and _done_by_a_hazard(trigger.token, lexicon):
            return "HAZARD"
        if trigger.token.lemma_.lower() in DEATH_VERBS and "HAZARD" in _harms_named(trigger.token, lexicon):
            return "HAZARD"
        return cue.cause_type
    if cue.fact_type and cue.pos == "VERB" and any(c.dep_ == "ccomp" for c in trigger.token.children) \
            and not _promises_own_act(trigger.token, anyones=cue.type == "AGREE"):
        return cue.fact_type
    if cue.intent_type and cue.pos == "VERB" and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in trigger.token.children):
        return cue.intent_type
    if cue.fugitive_type and (fugitive_flight(trigger, lexicon) or flight_from_one_person(trigger, lexicon)
                              or flight_after_a_crime(trigger, lexicon)):
        return cue.fugitive_type
    if lexicon.asked_for_type and cue.pos == "NOUN" and asked_for(trigger.token, lexicon):
        return lexicon.asked_for_type
    if cue.told_with and _told_with(cue, trigger.token.sent):
        return cue.told_with["type"]
    return None


def _person_name_words(doc) -> frozenset[str]:
    """The capitalised words of the people's names of two words or more in a document (kept on
    the doc: one look per document): a surname used alone later is that person, however the
    tagger labels it there."""
    words = doc.user_data.get("dateline_person_words")
    if words is None:
        words = frozenset(t.text for ent in ents_of(doc) if ent.label_ == "PERSON" and len(ent) > 1
                          for t in ent if t.text[:1].isupper())
        doc.user_data["dateline_person_words"] = words
    return words


def _inside_a_name(token: Token) -> bool:
    """A capitalised noun after the first word of an organisation's or a building's name ("Naval
    Bureau of Internal Inquiries"), or a word of a person's name ("Mr Flood", "Ms Strike")."""
    if token.pos_ == "PROPN" and token.text[:1].isupper() and (
            token.ent_type_ == "PERSON" or token.text in _person_name_words(token.doc)):
        return True  # a person's name, whole or the surname alone: "author Bracelen Flood", "Flood said"
    if token.pos_ != "PROPN" or not token.ent_type_ or token.ent_iob_ != "I":
        return False
    return token.ent_type_ in NAME_LABELS


# a wiki-style heading: a name between runs of two or more "=" ("==See also==", "== Notes ==")
WIKI_HEADING = re.compile(r"(={2,})\s*([^=\n]{1,60}?)\s*\1")


def _title_sections(doc, lexicon: Lexicon) -> tuple[tuple[int, int], ...]:
    """The character ranges of a page's sections that list titles (kept on the doc: one look per
    document): from a heading the lexicon lists (``title_section_headings``) to the next heading."""
    key = "dateline_title_sections"
    sections = doc.user_data.get(key)
    if sections is None:
        text = text_of(doc)
        headings = list(WIKI_HEADING.finditer(text)) if "==" in text else []
        sections = tuple((h.end(), headings[k + 1].start() if k + 1 < len(headings) else len(text))
                         for k, h in enumerate(headings) if h.group(2).strip().lower() in lexicon.title_section_headings)
        doc.user_data[key] = sections
    return sections


def _in_a_list_of_titles(token: Token, lexicon: Lexicon) -> bool:
    """A word in a wiki-style page's "See also" or "References" section ("* 2014 Vilna depot
    bombing"): it names another page or a source, no event the text tells."""
    return any(start <= token.idx < end for start, end in _title_sections(token.doc, lexicon))


def _is_compound_modifier(token: Token) -> bool:
    # "attack helicopter", "talks venue": the cue word modifies another noun
    return token.dep_ in {"compound", "amod", "nmod"} and token.head.pos_ in {"NOUN", "PROPN"}


def _modifier_taken_for_a_subject(token: Token, lexicon: Lexicon) -> bool:
    """ "the cholera outbreak" parsed as a clause ("the cholera" the subject of a verb "outbreak"):
    the word right before a noun English never uses as a verb modifies that noun, as a compound
    does, and names no event of its own (``noun_only_words``)."""
    head = token.head
    return (token.dep_ == "nsubj" and head.i == token.i + 1 and head.pos_ in {"VERB", "AUX"}
            and head.lower_ in lexicon.noun_only_words)


def _governing_verb(noun: Token, sentence: SpacySpan, lexicon: Lexicon | None = None) -> Token | None:
    """The verb whose clause an event noun belongs to: "held meetings" -> held, "engaging in
    talks" -> engaging, "clashes have continued" -> continued. None for a noun after a word of
    sequence ("After the blast, the minister sent ..."): another happening, carried by no verb."""
    sequence = (lexicon or load_lexicon()).sequence_prepositions
    node = noun
    for _ in range(4):
        head = node.head
        if head.i == node.i or not (sentence.start <= head.i < sentence.end):
            return None
        if node.dep_ in CLAUSE_DEPS - {"conj", "appos"}:
            return None
        if node.dep_ == "pobj" and head.lower_ in sequence:
            return None
        if head.pos_ in {"VERB", "AUX"}:
            return head
        if node.dep_ in {"pobj", "prep"}:
            node = head
            continue
        return None
    return None


def told_as_done(token: Token, sentence: SpacySpan, lexicon: Lexicon, verb: bool = True) -> bool:
    """Whether the sentence tells the word's act as one that happened or happens: not a
    hypothesis, an order, an unasserted act, a state, a practice or what is not yet done (the
    filters every cue passes, and the lead's main act too: dateline.events.lead_acts)."""
    return not (_hypothetical(token, sentence, lexicon) or (verb and _imperative(token))
                or _unasserted(token, lexicon) or reports_no_event(token))


def find_triggers(sentence: SpacySpan, lexicon: Lexicon | None = None, as_done_only: bool = True) -> list[Trigger]:
    """Every event trigger of a sentence, one per clause, left to right. ``as_done_only=False``:
    also the acts the sentence tells as not done (a hypothesis, an order, a plan: the non-event
    rules of ``told_as_done``), every act the text tells, for what a later act carries from it."""
    lexicon = lexicon or load_lexicon()
    found: list[tuple[Token, Cue, tuple[Token, ...]]] = []
    for token in sentence:
        if token.is_punct or token.is_space or token.like_num:
            continue
        # the lexicon first: most words are no cue, and the tests of the word's place below (each
        # pure, so their order changes nothing) are then made for the few that are
        match = match_cue(token, lexicon)
        if match is None:
            continue
        if _is_compound_modifier(token) and token.pos_ != "VERB":
            continue
        if _modifier_taken_for_a_subject(token, lexicon):
            continue
        if _inside_a_name(token) or _in_a_list_of_titles(token, lexicon):
            continue
        if as_done_only and not told_as_done(token, sentence, lexicon, verb=match[0].pos == "VERB"):
            continue
        if match[0].cause_type == "none" and caused_by_non_actor(token, lexicon):
            continue
        found.append((token, match[0], match[1]))

    verbs = [(t, c, w) for t, c, w in found if c.pos == "VERB"]
    nouns = [(t, c, w) for t, c, w in found if c.pos == "NOUN"]
    verb_tokens = {t.i for t, _, _ in verbs}
    absorbed: dict[int, list[Token]] = {}
    triggers: list[Trigger] = []
    noun_heads: dict[int, Token] = {}
    kept_nouns: list[tuple[Token, Cue, tuple[Token, ...]]] = []
    for token, cue, words in nouns:
        topic = _topic_of_an_inquiry(token, lexicon) or _an_earlier_happening_set_before(token, lexicon)
        owner = None if cue.own_event or topic else _owning_trigger(token, verb_tokens, {n.i for n, _, _ in nouns}, sentence)
        if owner is not None:
            absorbed.setdefault(owner, []).append(token)
            continue
        kept_nouns.append((token, cue, words))
        if topic:
            noun_heads[token.i] = token  # carried by no verb of the inquiry's clause
            continue
        head = _governing_verb(token, sentence, lexicon)
        noun_heads[token.i] = head if head is not None and head.i not in verb_tokens else token
    # two event nouns under one carrying verb ("talks ... and the reopening") make one event
    seen_heads: dict[int, int] = {}
    for token, cue, words in kept_nouns:
        head = noun_heads[token.i]
        if head.i != token.i and head.i in seen_heads:
            absorbed.setdefault(seen_heads[head.i], []).append(token)
            continue
        seen_heads[head.i] = token.i
    hazard_nouns = {t.i: (t, c, w) for t, c, w in nouns if c.type in lexicon.toll_in_types}
    nouns_by_index = {t.i: (t, c, w) for t, c, w in nouns}
    for token, cue, words, head in _without_tolls(verbs, lexicon):
        inside = absorbed.get(token.i, [])
        cause = _toll_in(token, inside, hazard_nouns, lexicon)
        if cause is not None:
            # "was killed in the crash", "died in a house fire": the toll of an accident or a
            # disaster, which names the event; the toll verb's clause is read
            noun, noun_cue, noun_words = cause
            triggers.append(Trigger(noun, noun_cue, head, noun_words, tuple(t for t in inside if t.i != noun.i)))
            continue
        doing = _event_noun_doing_it(token, cue, inside, nouns_by_index, lexicon)
        if doing is not None:
            # "the blast struck a warehouse": the verb only tells what the noun's event did. The
            # noun names the event (its words, its cue: an explosion, not a targeting); the verb is
            # read as the event's verb (its object the target, its clause the time and place)
            noun, noun_cue, noun_words = doing
            triggers.append(Trigger(token, replace(noun_cue, pos="VERB"), head, noun_words,
                                    tuple(t for t in inside if t.i != noun.i)))
            continue
        triggers.append(Trigger(token, cue, head, words, tuple(inside)))
    for token, cue, words in kept_nouns:
        if any(token in a for a in absorbed.values()):
            continue
        triggers.append(Trigger(token, cue, noun_heads[token.i], words, tuple(absorbed.get(token.i, ()))))
    return sorted(triggers, key=lambda t: t.token.i)


# how a toll verb hangs on its event's verb: "exploded ..., killing", "exploded ... and killed",
# "died when ... exploded"
TOLL_LINKS = {"advcl", "conj", "xcomp"}


def _is_toll_of(dependent: Token, governor: Token, lexicon: Lexicon) -> bool:
    """Whether the verb ``dependent`` tells the toll of ``governor``'s event (or ``governor`` is
    the toll and ``dependent`` the act that caused it): one event, read from the governor's
    clause, which holds the dependent's words. A conjunct with a subject of its own is another
    act ("shelled the port and a sniper killed a nurse")."""
    if dependent.dep_ not in TOLL_LINKS or dependent.head.i != governor.i:
        return False
    if not ({dependent.lemma_.lower(), governor.lemma_.lower()} & lexicon.toll_verbs):
        return False
    if dependent.dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in dependent.children):
        return False
    return True


def _without_tolls(verbs: list[tuple[Token, Cue, tuple[Token, ...]]], lexicon: Lexicon):
    """The verb triggers, each with the verb whose clause it reads (its own), less those that only
    tell the toll of another of the same type. When the toll governs ("were killed when a bomb
    exploded") the act names the event (the bomb's cue, its ACLED sub-event) and the toll's
    clause, which holds both, is read."""
    by_index = {t.i: (t, c, w) for t, c, w in verbs}
    folded: dict[int, int] = {}  # a toll verb's index -> the act that names its event
    dropped: set[int] = set()
    for token, cue, _ in verbs:
        governor = by_index.get(token.head.i)
        if governor is None or token.head.i == token.i or governor[1].type != cue.type \
                or not _is_toll_of(token, token.head, lexicon):
            continue
        dropped.add(token.i)
        if token.lemma_.lower() not in lexicon.toll_verbs and governor[0].lemma_.lower() in lexicon.toll_verbs:
            folded[governor[0].i] = token.i
    kept = []
    for token, cue, words in verbs:
        if token.i in dropped:
            continue
        if token.i in folded:
            act, act_cue, act_words = by_index[folded[token.i]]
            kept.append((act, act_cue, act_words, token))
        else:
            kept.append((token, cue, words, token))
    return kept


# "killed in the crash", "injured during the storm", "died from the flooding"
TOLL_PREPOSITIONS = frozenset({"in", "during", "from"})


def _toll_in(verb: Token, absorbed: list[Token], candidates: dict, lexicon: Lexicon):
    """The hazard a toll verb hangs its toll on ("killed in the crash"), or None: an absorbed
    noun of a hazard type, object of "in", "during" or "from" on the toll verb itself."""
    if verb.lemma_.lower() not in lexicon.toll_verbs:
        return None
    for noun in absorbed:
        if noun.i in candidates and noun.dep_ == "pobj" and noun.head.lower_ in TOLL_PREPOSITIONS \
                and noun.head.head.i == verb.i:
            return candidates[noun.i]
    return None


def _event_noun_doing_it(verb: Token, cue: Cue, absorbed: list[Token], candidates: dict, lexicon: Lexicon):
    """The event noun a verb cue only tells the deed of, or None: an absorbed noun cue of the
    verb's own type that is its subject, the verb telling what it did to its object, or the agent
    of its passive ("the blast struck a warehouse", "the raid hit a depot", "the market was
    struck by an airstrike"). A verb with no object tells the event itself ("two flights flew to
    the capital": the verb names it). A harm of another type ("the blast damaged a shop") or a
    toll ("the attack killed three") is an event of its own, which KAIROS and ACLED count apart (a
    toll stays the act's: ``_without_tolls``)."""
    if verb.lemma_.lower() in lexicon.toll_verbs:
        return None
    for noun in absorbed:
        found = candidates.get(noun.i)
        if found is None or found[1].type != cue.type:
            continue
        subject = noun.dep_ in {"nsubj", "csubj"} and noun.head.i == verb.i and any(c.dep_ == "dobj" for c in verb.children)
        agent = noun.dep_ == "pobj" and noun.head.dep_ == "agent" and noun.head.head.i == verb.i
        if subject or agent:
            return found
    return None


def _topic_of_an_inquiry(noun: Token, lexicon: Lexicon) -> bool:
    """Whether an event noun names what an inquiry is about ("opened an inquiry into the fire",
    "an investigation was opened for attempted murder", "police are investigating the shooting"):
    that event happened before and apart from the inquiry, so it is an event of its own (as the
    crime a charge names is: ``own_event``), not a word of the inquiry's clause."""
    if noun.dep_ == "dobj":
        return noun.head.lemma_.lower() in lexicon.inquiry_words
    if noun.dep_ != "pobj" or noun.head.lower_ not in lexicon.inquiry_prepositions:
        return False
    holder = noun.head.head
    if holder.lemma_.lower() in lexicon.inquiry_words:
        return True
    # "an investigation was opened for ...": the preposition hangs on the verb carrying the inquiry
    return holder.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c.lemma_.lower() in lexicon.inquiry_words for c in holder.children)


def _an_earlier_happening_set_before(noun: Token, lexicon: Lexicon) -> bool:
    """ "After the blast, the minister sent instructions ...": an event noun in a phrase of
    sequence put before its clause's verb sets the scene with another happening, one the clause's
    act followed; it is an event of its own, carried by no verb (as ``_governing_verb`` reads it),
    not a word of the act's clause. After the verb ("fled following attacks") it stays the act's."""
    preposition = noun.head
    return (noun.dep_ == "pobj" and preposition.lower_ in lexicon.sequence_prepositions
            and preposition.dep_ == "prep" and preposition.head.pos_ in {"VERB", "AUX"}
            and preposition.i < preposition.head.i)


def _owning_trigger(noun: Token, verb_tokens: set[int], noun_tokens: set[int], sentence: SpacySpan) -> int | None:
    """The trigger whose clause an event noun sits in, when the noun is an argument of it
    (object, prepositional complement, coordinated event noun)."""
    node = noun
    for _ in range(6):
        head = node.head
        if head.i == node.i or not (sentence.start <= head.i < sentence.end):
            return None
        if head.i in verb_tokens and node.dep_ not in {"ccomp", "advcl", "relcl", "parataxis", "csubj"}:
            return head.i
        if head.i in noun_tokens and node.dep_ in {"conj", "pobj", "prep", "compound"}:
            # "talks ... and the reopening": the first event noun owns the rest
            if head.i < noun.i:
                return head.i
        if node.dep_ in {"relcl", "acl", "ccomp", "advcl", "parataxis", "xcomp"}:
            return None
        # "following Taliban attacks", "after the shelling": a preposition tagged as a verb
        if head.pos_ in {"VERB", "AUX"} and not (node.dep_ == "pobj" and head.dep_ == "prep"):
            return None
        node = head
    return None


def clause_tokens(trigger: Trigger, others: list[Trigger]) -> list[Token]:
    """The words of the trigger's clause: the head's subtree without the clauses of the other
    triggers inside it (their own events). Relative clauses on its nouns stay (a relative clause
    with a trigger of its own goes as that trigger's clause)."""
    head = trigger.head
    excluded: set[int] = set()
    for other in others:
        if other is trigger or other.head.i == head.i:
            continue
        top = other.head
        if head.left_edge.i <= top.i <= head.right_edge.i and top.i != head.i and dominates(head, top):
            excluded.update(t.i for t in top.subtree)
    return [t for t in head.subtree if t.i not in excluded]


def dominates(ancestor: Token, token: Token) -> bool:
    node = token
    for _ in range(40):
        if node.i == ancestor.i:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False
