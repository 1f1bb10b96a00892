"""Words that look like events and report none (issue 11's non-events of the judged samples):
states ("banners flew at half-mast", "lay dying"), gestures ("nodded in agreement"), tallies over
years ("the 12th firefighter killed since 1990"), the name of a charge ("charged with attempt to
commit robbery"), practices of a class of people ("farmers who sell milk"), the setting of
another act ("crashed while travelling"), what is needed, threatened or proposed ("a motion to
lift the ban"), habits told in the simple present ("the couple sells honey at the market"), what is
done without, avoided, not done for a while or still to be done, and figures of speech ("arrived at
the same conclusion"). The words are in ``non_events.yaml``; every rule is narrow on purpose. Beside
them, one learned filter (``without_learned_non_events``) weighs general features of every
extracted event, fitted on the judged tuning samples.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import yaml
from spacy.tokens import Doc, Token

from dateline.events.agent_nouns import group_nouns, names_a_body_of_people, names_people, people_nouns
from dateline.events.attribution import load_cues as attribution_cues
from dateline.events.non_event_features import features as event_features
from dateline.events.non_event_features import is_one_of, trigger_token
from dateline.model import Event
from dateline.nlp import clause_head, text_of

TABLE = Path(__file__).with_name("non_events.yaml")


@lru_cache(maxsize=1)
def _raw_table() -> dict:
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))


class TableError(ValueError):
    """A block of non_events.yaml that does not match its typed object; the message names the block."""


def _words(values) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values)


def _tags(values) -> frozenset[str]:
    return frozenset(str(v) for v in values)


def _read_block(kind: type, raw: object, where: str):
    """A YAML block read into the frozen dataclass ``kind``: each key a field (an unknown or a missing
    key is a ``TableError``). How a field reads its entry is in its metadata: ``block``, a sub-block
    read the same way (``blocks``, a list of them); ``words_block``, a ``WordsBlock`` (a block of one
    list under the key it names); ``tags``, entries kept as written (parser
    labels); ``word_sets``, a mapping of a word to a list of words; ``word_map``, a word to one word;
    ``number``, an integer; ``word``, one word in lower case; ``entries``, a list of mappings kept as written (the examples); any other
    field a set of words in lower case."""
    if not isinstance(raw, dict):
        raise TableError(f"{where}: a block of keys expected, got {raw!r}")
    wanted = {f.name: f for f in fields(kind)}
    if set(raw) != set(wanted):
        raise TableError(f"{where}: keys {sorted(map(str, raw))} do not match {sorted(wanted)}")
    return kind(**{name: _read_entry(spec.metadata, raw[name], f"{where}.{name}") for name, spec in wanted.items()})


def _read_entry(how: Mapping, raw: object, where: str):
    if "block" in how:
        return _read_block(how["block"], raw, where)
    if "words_block" in how:
        key = how["words_block"]
        if not isinstance(raw, dict):
            raise TableError(f"{where}: a block of keys expected, got {raw!r}")
        if set(raw) != {key}:
            raise TableError(f"{where}: keys {sorted(map(str, raw))} do not match {[key]}")
        return WordsBlock(key, _read_entry({"tags": how["tags"]}, raw[key], f"{where}.{key}"))
    if "word" in how:
        if not isinstance(raw, str):
            raise TableError(f"{where}: a word expected, got {raw!r}")
        return raw.lower()
    if "number" in how:
        if not isinstance(raw, int) or isinstance(raw, bool):
            raise TableError(f"{where}: a whole number expected, got {raw!r}")
        return raw
    if "word_sets" in how or "word_map" in how:
        if not isinstance(raw, dict):
            raise TableError(f"{where}: a mapping expected, got {raw!r}")
        if "word_map" in how:
            return {str(k).lower(): str(v).lower() for k, v in raw.items()}
        return {str(k).lower(): _read_entry({}, v, f"{where}.{k}") for k, v in raw.items()}
    if not isinstance(raw, list):
        raise TableError(f"{where}: a list expected, got {raw!r}")
    if "blocks" in how:
        return tuple(_read_block(how["blocks"], item, f"{where}[{n}]") for n, item in enumerate(raw))
    if "entries" in how:
        if not all(isinstance(item, dict) for item in raw):
            raise TableError(f"{where}: a list of mappings expected")
        return list(raw)
    return (_tags if how.get("tags") else _words)(raw)


@dataclass(frozen=True)
class WordsBlock:
    """A block of non_events.yaml that holds one list under one key, the shape of many blocks
    ("likelihoods: {adjectives: [...]}", "occasions: {prepositions: [at]}"): ``key`` is the YAML's
    key (checked when read, so a misspelt key is a ``TableError``), ``words`` its list (in lower case,
    or kept as written when they are parser labels)."""
    key: str
    words: frozenset[str]


def _block(kind: type):
    return field(metadata={"block": kind})


def _words_block(key: str, tags: bool = False):
    """A field read as a ``WordsBlock`` whose one key is ``key`` (``tags``: parser labels, kept as written)."""
    return field(metadata={"words_block": key, "tags": tags})


def _blocks(kind: type):
    return field(metadata={"blocks": kind})


def _tag_field():
    return field(metadata={"tags": True})


def _word_sets():
    return field(metadata={"word_sets": True})


def _word_map():
    return field(metadata={"word_map": True})


def _number():
    return field(metadata={"number": True})


def _entries():
    return field(metadata={"entries": True})


@dataclass(frozen=True)
class FutureTelling:
    """ "will vote", "a hearing will be held": the auxiliaries of the future, and the links an event
    noun has on such a verb."""
    auxiliaries: frozenset[str]
    noun_links: frozenset[str] = _tag_field()


@dataclass(frozen=True)
class Setting:
    """ "scheduled two meetings", "set a hearing for Friday", "is set to move": the verbs that set a
    step (alone, with a "for" phrase of its time, or as a participle with an infinitive)."""
    verbs: frozenset[str]
    verbs_with_for: frozenset[str]
    participles_with_an_infinitive: frozenset[str]


@dataclass(frozen=True)
class Awaiting:
    """ "a lawsuit pending in the county court", "the merger, subject to approval": the words that set
    an event noun waiting on a step."""
    marks_after: frozenset[str]
    adjectives_with_to: frozenset[str]


@dataclass(frozen=True)
class BeTo:
    """ "the trial is to open on the fourth", "the date for the launch remains to be fixed": the verbs whose
    infinitive tells a step still to come, and the prepositions that hang an event noun on their subject."""
    verbs: frozenset[str]
    tags: frozenset[str] = _tag_field()
    prepositions: frozenset[str]
    infinitive_tags: frozenset[str] = _tag_field()


@dataclass(frozen=True)
class StepsNotYetDone:
    """non_events.yaml's steps_not_yet_done: the ways news tells a step still to come."""
    told_in_the_future: FutureTelling = _block(FutureTelling)
    set: Setting = _block(Setting)
    proposed: WordsBlock = _words_block("verbs")  # "proposed a summit": verbs whose object step is pressed for
    be_to: BeTo = _block(BeTo)
    marked_to_come: WordsBlock = _words_block("modifiers")  # "the planned rally": words that set a noun ahead
    dated_present: WordsBlock = _words_block("noun_links", tags=True)  # "the trial resumes Monday": the noun's links
    handed_on_for: WordsBlock = _words_block("nouns")  # "sent to the council for discussion"
    awaiting: Awaiting = _block(Awaiting)
    occasions: WordsBlock = _words_block("prepositions")  # "hopes to fill the seat at its April meeting"


# The other blocks of non_events.yaml, each read the same typed way (one dataclass a block, or a
# WordsBlock for a block of one list; the comments in the YAML say what each word list is for).

Words = frozenset[str]


@dataclass(frozen=True)
class States:
    trigger_with: dict = _word_sets()
    posture_verbs: Words
    background_marks: Words
    adjective_links: Words = _tag_field()


@dataclass(frozen=True)
class DescribedClasses:
    blocked_by: Words = _tag_field()
    acts_marked_by: Words = _tag_field()
    count_heads: Words


@dataclass(frozen=True)
class QualityCompounds:
    adjectives: Words


@dataclass(frozen=True)
class FigureVerbObjects:
    verb: str = field(metadata={"word": True})
    prepositions: Words
    objects: Words


@dataclass(frozen=True)
class FiguresOfSpeech:
    verb_objects: tuple = _blocks(FigureVerbObjects)
    verb_subjects: dict = _word_sets()
    verb_direct_objects: dict = _word_sets()
    noun_modifiers: dict = _word_sets()


@dataclass(frozen=True)
class DeniedAbility:
    adjectives: Words
    subjects: Words


@dataclass(frozen=True)
class SuggestedActs:
    verbs: Words
    prepositions: Words
    objects_judged_by: Words


@dataclass(frozen=True)
class ModalDescriptions:
    modals: Words
    restrictive_only: Words
    own_time_words: Words


@dataclass(frozen=True)
class ReportedFutures:
    auxiliaries: Words
    past_futures: Words


@dataclass(frozen=True)
class Conditionals:
    marks: Words
    auxiliaries: Words


@dataclass(frozen=True)
class ProgressiveSpans:
    prepositions: Words
    nouns: Words


@dataclass(frozen=True)
class HabitSpans:
    prepositions: Words
    nouns: Words
    many_times: Words
    progressive: ProgressiveSpans = _block(ProgressiveSpans)


@dataclass(frozen=True)
class PresentHabits:
    tags: Words = _tag_field()
    speech_verbs: Words
    prose_ends: Words = _tag_field()
    gerund_prepositions: Words
    caption_positions: Words
    passive_auxiliaries: Words


@dataclass(frozen=True)
class PrepositionsAndNouns:
    prepositions: Words
    nouns: Words


@dataclass(frozen=True)
class WantedGerunds:
    words: Words
    prepositions: Words


@dataclass(frozen=True)
class DeniedForAWhile:
    adverbs: Words
    prepositions: Words


@dataclass(frozen=True)
class DeniedActs:
    auxiliaries: Words
    undergoing_verbs: Words
    negative_subjects: Words
    negative_determiners: Words
    denying_verbs: Words
    denied_but_told: Words
    passive_but_done: Words
    light_verbs: Words


@dataclass(frozen=True)
class Obligations:
    verbs: Words
    got: Words
    still_marks: Words
    present_tags: Words = _tag_field()
    modal_tags: Words = _tag_field()
    modals: Words


@dataclass(frozen=True)
class CopulaInfinitives:
    purpose_subjects: Words
    idioms: Words


@dataclass(frozen=True)
class MannerPhrases:
    nouns: Words
    before: Words
    after: Words


@dataclass(frozen=True)
class PhotoCredits:
    participles: Words
    pictures: Words


@dataclass(frozen=True)
class ActivitySubjects:
    gerund_links: Words = _tag_field()
    present_tags: Words = _tag_field()
    inner_links: Words = _tag_field()


@dataclass(frozen=True)
class RewardedOutcomes:
    verbs: Words
    nouns: Words


@dataclass(frozen=True)
class ChangingFigures:
    verbs: Words
    prepositions: Words
    measures: Words
    measure_entities: Words = _tag_field()


@dataclass(frozen=True)
class TradeFigures:
    nouns: Words
    aspect_verbs: Words


@dataclass(frozen=True)
class ParticipleAdjectives:
    tags: Words = _tag_field()
    acts_of_the_noun: Words
    past_tags: Words = _tag_field()


@dataclass(frozen=True)
class YesNoQuestions:
    reach: int = _number()


@dataclass(frozen=True)
class Alternatives:
    tags: Words = _tag_field()
    conjunctions: Words


@dataclass(frozen=True)
class Rates:
    units: Words
    determiners: Words
    each: Words
    prepositions: Words
    round_words: Words
    after_a_span: Words


@dataclass(frozen=True)
class FrequencyAdverbs:
    adverbs: Words
    prepositions: Words


@dataclass(frozen=True)
class Hypotheses:
    auxiliaries: Words
    carriers: Words


@dataclass(frozen=True)
class SubjectsOfWhatWouldBe:
    """ "the reopening of the market would draw crowds": the auxiliaries of what would or should
    happen, and the prepositions through which the noun may sit in the subject's phrase."""
    auxiliaries: Words
    prepositions: Words


@dataclass(frozen=True)
class ExamplesOfAKind:
    such_as: Words
    like: Words
    kind_nouns: Words


@dataclass(frozen=True)
class ChargeContents:
    heads: Words
    name_heads: Words
    prepositions: Words
    established: Words
    duty_prepositions: Words
    examples: list = _entries()
    counter_examples: list = _entries()


@dataclass(frozen=True)
class Names:
    headline_percent: int = _number()


@dataclass(frozen=True)
class KindsDescribed:
    tags: Words = _tag_field()
    links: Words = _tag_field()
    singling_words: Words
    pointing_determiners: Words


@dataclass(frozen=True)
class StandingPractices:
    nouns: Words
    spending_verbs: Words
    spans: Words
    spans_in_the_singular: Words


@dataclass(frozen=True)
class PurposesAndPreventions:
    """ "in order to pay", "with the intent of robbing", "kept the cattle from straying": the phrases
    before an infinitive or a gerund that make it a purpose, and the verbs that keep someone from an act."""
    before_an_infinitive: Words
    before_a_gerund: Words
    keeping_verbs: Words


@dataclass(frozen=True)
class StandingOffers:
    """ "the museum offers guided tours": the verbs of offering and the tags of their present."""
    verbs: Words
    present_tags: Words = _tag_field()
    past_tags: Words = _tag_field()


@dataclass(frozen=True)
class Pastimes:
    """ "she enjoyed gardening", "nothing is better than hiking": the verbs of liking, and the
    comparatives whose "than" takes a pastime."""
    verbs: Words
    comparatives: Words


@dataclass(frozen=True)
class ThingSenses:
    """ "the surrounding towns", "refuse collection": the words, and the parts of speech and tags
    of the word before them that put them in the slot of an adjective or a noun."""
    words: Words
    before: Words = _tag_field()
    owner_tags: Words = _tag_field()
    after: Words = _tag_field()


@dataclass(frozen=True)
class ContentsOfThings:
    """ "records show that", "the grant called for two trucks": the verbs of content, the words some
    of them need after them, the pronouns that stand for a thing, the names that are people or bodies,
    the tags of a finite verb the parser hung on its subject, and of a noun capitalised first in a sentence."""
    verbs: Words
    particles: dict = _word_sets()
    pronouns: Words
    bodies: Words
    person_entities: Words = _tag_field()
    finite_tags: Words = _tag_field()
    capitalised_tags: Words = _tag_field()


@dataclass(frozen=True)
class LegalStates:
    """ "is serving a sentence", "faces two charges", "is being held in jail": the verbs and the
    objects that tell the state, the verbs whose present passive tells it, the tags of the present."""
    objects: dict = _word_sets()
    held_verbs: Words
    present_tags: Words = _tag_field()


@dataclass(frozen=True)
class ParticiplesOfActsNotDone:
    """ "will dock at noon, bringing the first tourists": the tags and links of a participle clause."""
    tags: Words = _tag_field()
    links: Words = _tag_field()


@dataclass(frozen=True)
class NonEventsTable:
    """The whole of non_events.yaml, one field a top-level block."""
    states: States = _block(States)
    gesture_verbs: Words
    gesture_nouns: Words
    tally_marks: Words
    count_nouns: Words
    charge_verbs: Words
    attempt_words: Words
    charge_contents: ChargeContents = _block(ChargeContents)
    practice_tags: Words = _tag_field()
    class_heads: Words
    described_classes: DescribedClasses = _block(DescribedClasses)
    not_yet_verbs: Words
    purpose_passives: Words
    to_be_done_links: Words = _tag_field()
    denied_futures: Words
    asking_for_verbs: Words
    quality_compounds: QualityCompounds = _block(QualityCompounds)
    figures_of_speech: FiguresOfSpeech = _block(FiguresOfSpeech)
    not_yet_adjectives: Words
    denied_ability: DeniedAbility = _block(DeniedAbility)
    proposal_nouns: Words
    content_verbs: Words
    plan_nouns: Words
    suggested_acts: SuggestedActs = _block(SuggestedActs)
    possibility_modals: Words
    conjunct_modals: Words
    judging_modals: Words
    modal_descriptions: ModalDescriptions = _block(ModalDescriptions)
    reported_futures: ReportedFutures = _block(ReportedFutures)
    conditionals: Conditionals = _block(Conditionals)
    habit_spans: HabitSpans = _block(HabitSpans)
    present_habits: PresentHabits = _block(PresentHabits)
    difficulty_adjectives: Words
    intention_nouns: Words
    standing_plans: Words
    resolving_verbs: Words
    text_themes: PrepositionsAndNouns = _block(PrepositionsAndNouns)
    standing_positions: WordsBlock = _words_block("verbs")
    near_misses: Words
    steps_not_yet_done: StepsNotYetDone = _block(StepsNotYetDone)
    set_in_the_future: PrepositionsAndNouns = _block(PrepositionsAndNouns)
    wanted_gerunds: WantedGerunds = _block(WantedGerunds)
    frequency_adjectives: Words
    absence_marks: Words
    denied_for_a_while: DeniedForAWhile = _block(DeniedForAWhile)
    denied_acts: DeniedActs = _block(DeniedActs)
    obligations: Obligations = _block(Obligations)
    standing_duties: dict = _word_map()
    copula_infinitives: CopulaInfinitives = _block(CopulaInfinitives)
    manner_phrases: MannerPhrases = _block(MannerPhrases)
    photo_credits: PhotoCredits = _block(PhotoCredits)
    activity_subjects: ActivitySubjects = _block(ActivitySubjects)
    title_nouns: Words
    rewarded_outcomes: RewardedOutcomes = _block(RewardedOutcomes)
    changing_figures: ChangingFigures = _block(ChangingFigures)
    trade_figures: TradeFigures = _block(TradeFigures)
    failed_acts: Words
    mandative_subjunctive: WordsBlock = _words_block("marks")
    called_for_clauses: WordsBlock = _words_block("heads")
    participle_adjectives: ParticipleAdjectives = _block(ParticipleAdjectives)
    possibility_adverbs: Words
    kind_predicates: Words
    yes_no_questions: YesNoQuestions = _block(YesNoQuestions)
    alternatives: Alternatives = _block(Alternatives)
    reduced_conditions: Words
    rates: Rates = _block(Rates)
    examples_of_a_kind: ExamplesOfAKind = _block(ExamplesOfAKind)
    standing_states: WordsBlock = _words_block("verbs")
    likelihoods: WordsBlock = _words_block("adjectives")
    hypotheses: Hypotheses = _block(Hypotheses)
    subjects_of_what_would_be: SubjectsOfWhatWouldBe = _block(SubjectsOfWhatWouldBe)
    frequency_adverbs: FrequencyAdverbs = _block(FrequencyAdverbs)
    purposes_of_acts_not_done: WordsBlock = _words_block("prepositions")
    standing_requests: WordsBlock = _words_block("verbs")
    futures_of_going: WordsBlock = _words_block("verbs")
    kinds_described: KindsDescribed = _block(KindsDescribed)
    standing_practices: StandingPractices = _block(StandingPractices)
    offered_for: WordsBlock = _words_block("adjectives")
    names: Names = _block(Names)
    purposes_and_preventions: PurposesAndPreventions = _block(PurposesAndPreventions)
    participles_of_acts_not_done: ParticiplesOfActsNotDone = _block(ParticiplesOfActsNotDone)
    standing_offers: StandingOffers = _block(StandingOffers)
    pastimes: Pastimes = _block(Pastimes)
    thing_senses: ThingSenses = _block(ThingSenses)
    contents_of_things: ContentsOfThings = _block(ContentsOfThings)
    legal_states: LegalStates = _block(LegalStates)
    beliefs_about_states: WordsBlock = _words_block("verbs")
    examples: list = _entries()
    counter_examples: list = _entries()


@lru_cache(maxsize=1)
def steps_not_yet_done() -> StepsNotYetDone:
    return typed_table().steps_not_yet_done


@lru_cache(maxsize=1)
def typed_table() -> NonEventsTable:
    """non_events.yaml read whole into typed objects (a missing or unknown key anywhere is a
    ``TableError`` naming its block)."""
    return _read_block(NonEventsTable, _raw_table(), "non_events")


def _ancestors(token: Token, depth: int = 6) -> list[Token]:
    found, node = [], token
    for _ in range(depth):
        if node.head.i == node.i:
            break
        node = node.head
        found.append(node)
    return found


def is_a_state(token: Token) -> bool:
    words = typed_table()
    after = {t.lower_ for t in token.subtree if t.i > token.i} | {
        "".join(t.text_with_ws for t in token.doc[token.i + 1:token.i + 6]).lower()}
    wanted = words.states.trigger_with.get(token.lemma_.lower())
    if wanted and any(w in after or any(w in a for a in after) for w in wanted):
        return True
    if token.tag_ != "VBG":
        return False
    return (token.dep_ in {"xcomp", "advcl", "acomp", "oprd", "dobj"} and token.head.lemma_.lower() in words.states.posture_verbs) \
        or is_a_background(token) or _joined_to_a_state(token)


def _joined_to_a_state(token: Token) -> bool:
    """ "the driver was awake and talking to the medics": an -ing joined to an adjective after "be"
    tells the state someone was in, no act of its own."""
    return token.dep_ == "conj" and token.head.pos_ == "ADJ" and token.head.dep_ in typed_table().states.adjective_links


def is_a_background(token: Token) -> bool:
    """ "crashed her car while travelling on the turnpike", "learned a lot while working with
    groups": an -ing after "while" with no object of its own is an activity going on, the setting
    of another act, no event; with an object ("killed while supporting combat operations") it may
    tell an act of its own."""
    return token.dep_ in {"advcl", "conj"} and any(
        c.dep_ == "mark" and c.lower_ in typed_table().states.background_marks for c in token.children) \
        and not any(c.dep_ in {"dobj", "obj"} for c in token.children)


def is_a_gesture(token: Token) -> bool:
    words = typed_table()
    return (token.lemma_.lower() in words.gesture_nouns and token.dep_ == "pobj" and token.head.lower_ == "in"
            and token.head.head.lemma_.lower() in words.gesture_verbs)


def is_a_tally(token: Token) -> bool:
    """ "the 12th firefighter killed since 1990": a participle on a noun counted by an ordinal,
    over a stretch of years; "the number killed", "the toll of those injured": a count of people."""
    if token.dep_ != "acl":
        return False
    if token.head.lemma_.lower() in typed_table().count_nouns:
        return True
    counted = any(c.ent_type_ == "ORDINAL" or c.tag_ == "JJ" and c.lower_.rstrip("stndrh").isdigit()
                  for c in token.head.children)
    return counted and any(t.lower_ in typed_table().tally_marks for t in token.subtree)


def is_a_charge_name(token: Token) -> bool:
    """ "charged with attempt to commit robbery": the crime names the charge."""
    above = _ancestors(token)
    words = typed_table()
    return any(a.lower_ in words.attempt_words for a in above) and \
        any(a.lemma_.lower() in words.charge_verbs for a in above)


def _a_charge_word(token: Token, words: Words) -> bool:
    return token.lemma_.lower() in words or token.lower_ in words


def _established_by_a_verdict(charge: Token) -> bool:
    """ "pleaded guilty to two counts of fraud", "was convicted on charges of arson": the charge a
    conviction or a guilty plea holds establishes the crime ("pleaded not guilty to" does not)."""
    words, node = typed_table().charge_contents, charge
    for _ in range(4):
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        if node.dep_ not in {"pobj", "prep"} or node.head.i == node.i:
            return False
        node = node.head
        if _a_charge_word(node, words.established):
            return not any(c.dep_ == "neg" for c in node.children)
    return False


def charge_holding(token: Token) -> Token | None:
    """The charge, accusation or suit whose content the word is, if it is named only as that
    content: the object of the charge's preposition, through "and" or "or" and through a noun of
    count or kind ("charged with theft", "accused of setting the fire and fleeing", "faces two counts
    of burglary", "held on charges of arms smuggling", "five felonies including assault", "the suit
    charges the station with negligence"), a noun the charge is named by ("drug charges"), a clause
    on a plural charge noun ("on charges he robbed a bank"), or the noun a relative clause of
    accusing ends on ("the theft he is accused of"). None under a conviction or a guilty plea ("pleaded
    guilty to two counts of fraud"), and none for a word deeper in the charge ("charged with lying
    during the investigation": the investigation is told, no content of the charge)."""
    words = typed_table().charge_contents
    if _a_charge_word(token, words.heads):
        return None
    for clause in token.children:
        if clause.dep_ == "relcl" and _a_charge_word(clause, words.heads) and any(
                c.dep_ == "prep" and c.lower_ in words.prepositions and not any(True for _ in c.children)
                for c in clause.children):
            return clause
    node = token
    for _ in range(6):
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        head = node.head
        if head.i == node.i:
            return None
        if node.dep_ in {"compound", "amod", "nmod"} and head.pos_ == "NOUN" and _a_charge_word(head, words.name_heads):
            return None if _established_by_a_verdict(head) else head
        if node.dep_ in {"acl", "ccomp"} and head.tag_ == "NNS" and _a_charge_word(head, words.name_heads):
            return head
        if node.dep_ not in {"pobj", "pcomp"} or head.dep_ != "prep" or head.lower_ not in words.prepositions:
            return None
        above = head.head
        if _a_charge_word(above, words.heads):
            # "in charge of the investigation": a duty, no charge (``is_a_standing_duty``)
            duty = above.dep_ == "pobj" and above.head.lower_ in words.duty_prepositions
            return None if duty or _established_by_a_verdict(above) else above
        if above.pos_ != "NOUN" or above.dep_ not in {"pobj", "dobj", "conj", "nsubjpass", "appos"}:
            return None
        node = above
    return None


def _told_apart_from_a_charge(token: Token) -> bool:
    """Whether the text tells an event of the word's kind anywhere outside a charge's content: the
    same word ("a report of a burglary ... were charged with burglary") or a cue of the same type
    ("Smith was stabbed on Friday ... charged with murder")."""
    from dateline.events.triggers import load_lexicon, match_cue

    lexicon = load_lexicon()
    own = match_cue(token, lexicon)
    kind, lemma = own[0].type if own else None, token.lemma_.lower()
    heads = typed_table().charge_contents.heads
    for other in token.doc:
        if other.i == token.i or other.is_punct or other.is_space or _a_charge_word(other, heads):
            continue
        same = other.lemma_.lower() == lemma
        if not same and kind is not None:
            cue = match_cue(other, lexicon)
            same = cue is not None and cue[0].type == kind
        if same and charge_holding(other) is None:
            return True
    return False


def is_a_crime_named_by_a_charge(token: Token) -> bool:
    """ "three men were charged with arson", "accused of murdering her daughter", "the suit charges
    the station with invasion of privacy": a crime, a wrong or a deal named only as what a charge,
    an accusation or a suit says is no act the text asserts (docs/judging.md, "Charges, plans and
    scheduled steps"); it is one when the text also tells an act of its kind outside a charge (the
    charge's word then repeats it), or a conviction or a guilty plea holds it."""
    return charge_holding(token) is not None and not _told_apart_from_a_charge(token)


def is_a_practice(token: Token) -> bool:
    """ "farmers who sell milk": a relative clause in the plain present on a plural noun; "those
    who did not vote for me", "the people who backed him": in the past, on a head with no content of
    its own and with no time of its own, it only says which people are meant."""
    verb = token if token.pos_ in {"VERB", "AUX"} else token.head
    if verb.dep_ != "relcl" or not (verb is token or token.dep_ in {"dobj", "obj"}):
        return False
    words = typed_table()
    plural = verb.head.tag_ in {"NNS", "NNPS"}
    if verb.tag_ in words.practice_tags and plural:
        return True
    past = verb.tag_ == "VBD" or (verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lemma_.lower() == "do"
                                                             for c in verb.children))
    return past and verb.head.lower_ in words.class_heads \
        and not any(t.ent_type_ in {"DATE", "TIME"} for t in verb.subtree)


def is_a_described_class(token: Token) -> bool:
    """ "prisoners jailed abroad", "drugs sold in the city", "a list of arrested protesters": a past
    participle on a bare plural noun (no article, number or owner) with no time of its own says
    which kind of people or things are meant, no one act; "four gunmen killed", "the guns smuggled
    on Monday" tell acts, and so do "dozens more held by the militia" (a count, and a doer named
    by "by": somebody did it to them)."""
    if token.tag_ != "VBN" or token.dep_ not in {"acl", "amod"} or token.head.tag_ not in {"NNS", "NNPS"}:
        return False
    words = typed_table()
    if any(c.dep_ in words.described_classes.blocked_by for c in token.head.children):
        return False
    if token.head.lower_ in words.described_classes.count_heads or any(c.dep_ in words.described_classes.acts_marked_by for c in token.children):
        return False
    return not any(t.ent_type_ in {"DATE", "TIME"} for t in token.subtree)


def described_class_words(trigger: Token) -> set[int]:
    """ "demanding the return of fishermen held abroad": the words of a class's description
    (``is_a_described_class``) under an event say where those people or things are, not where the
    event is."""
    return {t.i for word in trigger.subtree if word.i != trigger.i and is_a_described_class(word) for t in word.subtree}


def _not_yet_word(node: Token) -> bool:
    words = typed_table()
    return (node.pos_ in {"VERB", "AUX"} and node.lemma_.lower() in words.not_yet_verbs) or \
        _a_purpose_given(node) or _a_future_denied(node) or _an_obligation_or_a_step_not_taken(node) or \
        _a_standing_plan(node) or is_the_word_that_sets_a_step(node) or _a_standing_request(node) or \
        (node.pos_ == "ADJ" and node.lower_ in words.not_yet_adjectives) or \
        (node.pos_ == "ADJ" and node.lower_ in words.denied_ability.adjectives and _denied(node))


def _a_standing_plan(node: Token) -> bool:
    """ "the union plans to sue the county", "groups planning marches", "the shelter aims to buy a
    van", "she told friends she planned to sell", "the firm had intended to reopen": a verb of planning,
    intending, wanting or hoping, in any tense, tells a plan, so what it governs is not told as done
    (docs/judging.md, "Charges, plans and scheduled steps": a plan is no event however it is told;
    the planning may be one). (What "wants", "hopes" or "wishes" governs near, "she wants a new
    hearing", is dropped before this is asked: event_types.yaml unasserted.unrealised_verbs,
    triggers._unasserted.)"""
    if node.pos_ not in {"VERB", "AUX"}:
        return False
    if node.tag_ in {"VBD", "VBN"} and not _has_an_infinitive(node):  # "the men planned the robbery": left
        return False
    return is_one_of(node, typed_table().standing_plans)


def is_the_word_that_sets_a_step(node: Token) -> bool:
    """ "the clinic is set to move into a larger building", "a bank set to open a branch", "is scheduled to
    speak at noon today": "set", "scheduled" or "slated" with an infinitive tells a step still to
    come, however firm its day, and is itself no act of setting it ("the judge set a hearing for May 4" is one) (docs/judging.md, "Charges, plans and scheduled steps"). The tagger
    may read "a bank set to open" as a past "set": taken too, unless a particle makes it an act
    ("set out to find the boy")."""
    if node.lemma_.lower() not in steps_not_yet_done().set.participles_with_an_infinitive:
        return False
    if node.tag_ != "VBN" and not (node.tag_ == "VBD" and not any(c.dep_ == "prt" for c in node.children)):
        return False
    return any(c.dep_ == "xcomp" and _an_infinitive(c) for c in node.children)


def _a_standing_request(verb: Token) -> bool:
    """ "visitors are asked to park behind the hall", "bookings are requested", "helmets are required":
    a verb of asking or requiring in the simple present passive, with no auxiliary of its own and no
    date or time of its own, tells what a notice or an office asks of anyone as a rule, no act done
    ("were asked to leave", "have been asked", "is asked on Monday to testify" are left)."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in typed_table().standing_requests.words:
        return False
    if any(c.dep_ == "aux" for c in verb.children):
        return False
    passive = [c.lower_ for c in verb.children if c.dep_ == "auxpass"]
    return bool(passive) and passive[0] in typed_table().present_habits.passive_auxiliaries \
        and not _has_a_time_of_its_own(verb)


def is_a_standing_request(token: Token) -> bool:
    """A standing request (``_a_standing_request``): its verb, or an event noun that is its subject
    ("donations are requested"); what it asks for is ``is_not_yet``'s."""
    return _a_standing_request(token) or (token.dep_ == "nsubjpass" and _a_standing_request(token.head))


def is_a_word_of_a_name(token: Token) -> bool:
    """ "hid in a barn near Hurricane", "a grant from the Program of Disaster Assistance": an event
    word written as a proper noun inside a sentence of prose is a word of a name (a town, a body, a
    programme), no happening; not the sentence's first word, a word in capitals, a title word
    before a name ("Hurricane Ida flooded the camp": the storm), nor a word of a headline in
    capitals (``names.headline_percent`` percent of the sentence's words capitalised)."""
    if token.pos_ != "PROPN" or not token.text[:1].isupper() or token.text.isupper() or token.dep_ == "compound":
        return False
    sentence = token.sent
    if sentence is None or token.i == sentence.start:
        return False
    words = [t for t in sentence if t.is_alpha]
    capitalised = sum(t.text[:1].isupper() for t in words)
    return 100 * capitalised < typed_table().names.headline_percent * len(words)


def _a_purpose_given(node: Token) -> bool:
    """ "the drones were intended to attack radar sites", "the wall is meant to stop floods": what a
    thing is designed, meant or supposed to do is its purpose, not an act told (a passive of these)."""
    return node.tag_ == "VBN" and node.lemma_.lower() in typed_table().purpose_passives \
        and any(c.dep_ == "auxpass" for c in node.children)


def _has_an_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children)


def _under_a_modal_of_obligation(verb: Token) -> bool:
    """ "both sides must restart the talks", "the council should honour its commitment": a verb after
    "must", "should" or "ought" tells what is owed, not done ("must have shot" is a guess, left)."""
    auxiliaries = _auxiliaries_of_either_voice(verb)
    return verb.pos_ in {"VERB", "AUX"} and bool(auxiliaries & typed_table().obligations.modals) and "have" not in auxiliaries


def _an_obligation_or_a_step_not_taken(node: Token) -> bool:
    """ "the board has to find a new site", "they've got to pay", "will have to repay", "the town has
    yet to sign the lease", "both sides must restart the talks": what must be done, or is not done
    yet, is no act told (the object of such a verb too: ``governing_words``). A past "had to
    leave" tells what was done, and is left."""
    words = typed_table()
    if _under_a_modal_of_obligation(node):
        return True
    if not _has_an_infinitive(node):
        return False
    if node.lemma_.lower() in words.obligations.got and node.tag_ == "VBN":  # "'ve got to": the tense is on "have"
        return any(c.dep_ == "aux" and c.lemma_.lower() in words.obligations.verbs
                   and c.tag_ in words.obligations.present_tags for c in node.children)
    if node.lemma_.lower() not in words.obligations.verbs:
        return False
    if any(c.dep_ == "advmod" and c.lower_ in words.obligations.still_marks for c in node.children):
        return True
    return node.tag_ in words.obligations.present_tags or (
        node.tag_ in words.obligations.modal_tags and any(c.dep_ == "aux" and c.tag_ == "MD" for c in node.children))


def _a_future_denied(node: Token) -> bool:
    """ "the rebels were not going to sign the truce": a negated "going to" refuses what follows."""
    return node.lower_ in typed_table().denied_futures and any(c.dep_ == "neg" for c in node.children)


def _infinitive_continued(verb: Token) -> Token:
    """ "applied for a loan to hire staff, buy a van and rent a shop": a bare verb with no subject or
    auxiliary cannot be joined to a verb in the past or present, where the parser often hangs it;
    it continues the infinitive before it on that verb (which is returned; else the verb itself)."""
    head = verb.head
    if verb.tag_ != "VB" or verb.dep_ != "conj" or head.tag_ not in {"VBD", "VBZ", "VBP"} or any(
            c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in verb.children):
        return verb
    before = [c for c in head.children if c.dep_ in {"advcl", "xcomp"} and c.i < verb.i and _an_infinitive(c)]
    return before[-1] if before else verb


def is_what_funds_are_sought_for(token: Token) -> bool:
    """ "asked for $500 to visit Lisbon", "applied for a grant to buy a bus": the infinitive on a
    verb of asking that asks for something says what the money or leave would be for, not an act
    done."""
    verb = _infinitive_continued(token)
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB" and verb.head.tag_ == "VB":  # "to hire staff and buy a van"
        verb = verb.head
    if verb.tag_ != "VB" or verb.dep_ not in {"xcomp", "advcl"} or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    asking = verb.head
    return asking.lemma_.lower() in typed_table().asking_for_verbs and any(
        c.dep_ == "prep" and c.lower_ == "for" for c in asking.children)


def is_a_step_still_pending(token: Token) -> bool:
    """ "the report was sent to the council for discussion", "taken to the board for discussion and
    consideration": a deliberation named bare after "for" is what the thing is handed on for, still
    to come (the parser hangs "for" on the verb or on the noun before it; "held a long discussion"
    tells one)."""
    noun = token.head if token.dep_ == "conj" else token  # "for discussion and consideration"
    return token.lemma_.lower() in steps_not_yet_done().handed_on_for.words and noun.dep_ == "pobj" and noun.head.lower_ == "for" \
        and not any(c.dep_ in {"det", "poss", "nummod"} for c in noun.children)


def is_a_quality(token: Token) -> bool:
    """ "flood-resistant trees", "a flood prone town", "letter-writing skills": an event noun before an
    adjective of resistance or proneness, or before a gerund it is the object of, names a quality
    or a skill ("flood-damaged houses", "the flood-hit town" tell a flood: a participle)."""
    if token.pos_ != "NOUN" or token.dep_ not in {"npadvmod", "nsubj", "compound"} or token.head.i != token.i + 1 + (
            token.doc[token.i + 1].tag_ == "HYPH" if token.i + 1 < len(token.doc) else 0):
        return False
    head = token.head
    return (head.tag_ == "JJ" and head.lower_ in typed_table().quality_compounds.adjectives) or (head.tag_ == "VBG" and head.dep_ == "amod")


def is_a_figure_of_speech(token: Token) -> bool:
    """ "arrived at the same conclusion", "the speech was met with silence", "a perfect storm of low
    prices", "a long court battle": a verb whose object after a preposition, or a noun whose modifier,
    makes the phrase a figure of speech (non_events.yaml: figures_of_speech), no journey, meeting,
    storm or fight."""
    words = typed_table()
    lemma = token.lemma_.lower()
    for figure in words.figures_of_speech.verb_objects:
        if lemma != figure.verb:
            continue
        for preposition in (c for c in token.children if c.dep_ in {"prep", "agent"} and c.lower_ in figure.prepositions):
            nouns = [o for o in preposition.children if o.dep_ == "pobj"]
            if any(n.lemma_.lower() in figure.objects for noun in nouns for n in (noun, *noun.conjuncts)):
                return True
    if _a_figure_with_its_object(token):
        return True
    subjects = words.figures_of_speech.verb_subjects.get(lemma)
    if subjects and token.pos_ == "VERB" and any(
            n.lemma_.lower() in subjects for c in token.children if c.dep_ == "nsubj"
            for n in _with_its_of_noun(token.head if token.dep_ == "relcl" and c.tag_ in RELATIVE_TAGS else c)):
        return True
    modifiers = words.figures_of_speech.noun_modifiers.get(lemma)
    return bool(modifiers) and any(c.dep_ in {"amod", "compound"} and c.lower_ in modifiers for c in token.children)


# the relative pronouns ("bills that died"): the subject they stand for is the noun the clause is on
RELATIVE_TAGS = frozenset({"WDT", "WP"})


def _with_its_of_noun(noun: Token) -> list[Token]:
    """The noun and the noun after its "of": "hundreds of fans", "a wave of calls"."""
    return [noun, *(o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj")]


def _a_figure_with_its_object(verb: Token) -> bool:
    """ "is fighting cancer", "crossed a red line", "met the deadline": the verb's direct object, read
    with its own modifiers before it, is one the table lists for the verb."""
    objects = typed_table().figures_of_speech.verb_direct_objects.get(verb.lemma_.lower())
    if not objects or verb.pos_ != "VERB":
        return False
    for noun in (c for c in verb.children if c.dep_ == "dobj"):
        modifiers = [m.lower_ for m in noun.children if m.dep_ in {"amod", "compound"} and m.i < noun.i]
        words = [*modifiers, noun.lemma_.lower()]
        if any(" ".join(words[k:]) in objects for k in range(len(words))):
            return True
    return False


def is_a_standing_duty(token: Token) -> bool:
    """ "each parish is responsible for repairing its bridges", "the unit in charge of investigating
    old fraud cases": an -ing after "responsible for" or "in charge of" names a duty, no act done."""
    if token.tag_ != "VBG" or token.dep_ != "pcomp":
        return False
    preposition, word = token.head, token.head.head
    return typed_table().standing_duties.get(word.lower_) == preposition.lower_ and (
        word.lower_ != "charge" or word.head.lower_ == "in")


def is_a_purpose_or_cause_told(token: Token) -> bool:
    """ "the aim of the fund is to support small farms", "icy roads were partly to blame": an
    infinitive after "be" whose subject names a purpose, or "to blame", says what a purpose or a
    cause is, no act ("the mayor is to visit the farms" is a step set, and is left)."""
    if token.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    copula = token.head
    if copula.lemma_.lower() != "be" or copula.i == token.i:
        return False
    words = typed_table()
    if token.lower_ in words.copula_infinitives.idioms:
        return True
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in words.copula_infinitives.purpose_subjects for c in copula.children)


def is_a_manner(token: Token) -> bool:
    """ "run by the college in cooperation with the farm bureau": a noun between "in" and "with"
    tells how something is done, no cooperation of its own ("began their cooperation with a
    patrol", with an owner, tells one)."""
    words = typed_table()
    if token.pos_ != "NOUN" or token.lower_ not in words.manner_phrases.nouns or token.dep_ != "pobj":
        return False
    return token.head.lower_ in words.manner_phrases.before \
        and not any(c.dep_ in {"det", "poss", "nummod"} for c in token.children) \
        and any(c.dep_ == "prep" and c.lower_ in words.manner_phrases.after for c in token.children)


def is_a_photo_credit(token: Token) -> bool:
    """ "(Supplied photograph)", "Submitted photo": a participle before a word for a picture credits
    the picture, no act of supplying ("police supplied a photo of the boy" tells one)."""
    words = typed_table()
    return token.lower_ in words.photo_credits.participles and token.dep_ in {"amod", "compound"} \
        and token.head.lemma_.lower() in words.photo_credits.pictures and token.head.i == token.i + 1


def _a_gerund_subject_of_a_present_be(word: Token) -> bool:
    words = typed_table()
    return word.tag_ == "VBG" and word.dep_ in words.activity_subjects.gerund_links \
        and word.head.lemma_.lower() == "be" and word.head.tag_ in words.activity_subjects.present_tags


def is_an_activity_judged(token: Token, depth: int = 4) -> bool:
    """ "visiting the farms to meet the growers is the best part of the job": a gerund that is the
    subject of a present "is", and the words of its phrase, name a kind of act someone judges, no
    one act done (a past "was" may sum up acts done, and is left)."""
    node = token
    for _ in range(depth + 1):
        if _a_gerund_subject_of_a_present_be(node):
            return True
        if node.dep_ not in typed_table().activity_subjects.inner_links or node.head.i == node.i:
            return False
        node = node.head
    return False


def is_a_position_held(token: Token) -> bool:
    """ "both departments support the change", "she said she opposes the mine": a verb of stance in
    the simple present, with no auxiliary and no date or time of its own, tells a position held when
    the report is written, no act (non_events.yaml: standing_positions; not a headline's present)."""
    if token.pos_ != "VERB" or token.tag_ not in typed_table().present_habits.tags or token.lemma_.lower() not in typed_table().standing_positions.words:
        return False
    return not any(c.dep_ in {"aux", "auxpass"} for c in token.children) and not _has_a_time_of_its_own(token) \
        and not _in_headline_style(token)


def is_a_denied_act(token: Token) -> bool:
    """ "the mayor did not return the call", "vowed not to reopen the talks", "did not try to flee",
    "did not suffer injuries", "had never met", "are not rejecting the offer": an active verb negated
    with "do", "have" or "be" (non_events.yaml: denied_acts), or a negated infinitive, tells an act not
    done or refused, and so does an infinitive it governs, and the object of a verb of undergoing;
    and a negated passive, "were not arrested", "the barn wasn't damaged" (``_denied_passive``)."""
    if token.pos_ == "NOUN":
        return _undergone_under_a_denial(token) or _denied_by_a_verb(token) or _under_a_negative_determiner(token)
    return _under_a_negative_determiner(token) or _denied_verb(token) or any(_denied_verb(verb) for verb in _infinitive_governors(token)) \
        or _done_by_no_one(token) or _denied_passive(token)


def _denied_passive(verb: Token) -> bool:
    """ "three men were not arrested", "had never been charged", "the barn wasn't damaged": a passive
    participle negated, on its own "be" (auxpass) or on the copula it completes (acomp), tells a step
    not taken; not "was not arrested until the next day" (non_events.yaml: denied_acts.passive_but_done),
    which tells it done then."""
    if verb.tag_ != "VBN" or verb.pos_ not in {"VERB", "ADJ"}:
        return False
    if any(c.dep_ == "auxpass" for c in verb.children):
        negations = [c for c in verb.children if c.dep_ == "neg"]
    elif verb.dep_ == "acomp" and verb.head.lemma_.lower() == "be":
        negations = [c for c in verb.head.children if c.dep_ == "neg"]
    else:
        return False
    but_done = typed_table().denied_acts.passive_but_done
    return bool(negations) and not any(
        n.i + 1 < len(n.doc) and n.doc[n.i + 1].lower_ in but_done for n in negations) \
        and not any(t.lower_ in but_done for c in verb.children if c.dep_ in {"prep", "advmod", "mark", "advcl"}
                    for t in (c, *c.children))


def _done_by_no_one(verb: Token) -> bool:
    """ "no one was hurt", "nobody was arrested", "no shots were fired": a verb whose subject is no one
    tells an act that did not happen (non_events.yaml: denied_acts.negative_subjects)."""
    if verb.pos_ != "VERB":
        return False
    words = typed_table()
    return any(c.dep_ in {"nsubj", "nsubjpass"} and (
        c.lower_ in words.denied_acts.negative_subjects
        or any(d.dep_ == "det" and d.lower_ in words.denied_acts.negative_determiners for d in c.children)) for c in verb.children)


def _under_a_negative_determiner(token: Token) -> bool:
    """ "there were no arrests", "no word of a shooting", "no shops looted": an event noun with a
    negative determiner, or in the "of" phrase of a noun with one, or a participle on a noun with one
    tells what did not happen (non_events.yaml: denied_acts.negative_determiners)."""
    negative = typed_table().denied_acts.negative_determiners

    def denied(noun: Token) -> bool:
        return noun.pos_ in {"NOUN", "PROPN"} and any(d.dep_ == "det" and d.lower_ in negative for d in noun.children)

    if token.pos_ == "NOUN" and denied(token):
        return True
    if token.dep_ in {"pobj", "pcomp"} and token.head.lower_ == "of" and denied(token.head.head):
        return True
    return token.tag_ == "VBN" and token.dep_ == "acl" and denied(token.head)


def _denied_by_a_verb(noun: Token) -> bool:
    """ "the ministry denied the deployment of troops": the event noun a verb of denying takes is not
    told as done (not "denied the charges": non_events.yaml denied_acts.denied_but_told)."""
    words = typed_table()
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in words.denied_acts.denying_verbs \
        and noun.lemma_.lower() not in words.denied_acts.denied_but_told


def _denied_verb(verb: Token) -> bool:
    if verb.pos_ != "VERB" or not any(c.dep_ == "neg" for c in verb.children):
        return False
    if any(c.dep_ == "auxpass" for c in verb.children):  # "were not arrested": _denied_passive's
        return False
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    # (the lemma of a typographic "’ve" is the word itself: the table lists the contracted forms too)
    return any(a.lemma_.lower().replace("\u2019", "'") in typed_table().denied_acts.auxiliaries for a in auxiliaries) or (
        verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxiliaries))


def _infinitive_governors(verb: Token, depth: int = 3) -> Iterator[Token]:
    """The verbs an infinitive completes: "try", then "want", in "did not want to try to flee"."""
    node = verb
    for _ in range(depth):
        if node.dep_ != "xcomp" or not _an_infinitive(node):
            return
        node = node.head
        yield node


def _undergone_under_a_denial(noun: Token) -> bool:
    """ "did not suffer injuries", "did not seem to sustain damage": the object of a verb of
    undergoing that is denied (itself, or a verb its infinitive completes) did not happen, nor the
    act a denied light verb would have done ("did not issue a warning", "has not made an arrest");
    the object of any other denied verb may have ("did not witness the shooting")."""
    verb = noun.head
    denied_acts = typed_table().denied_acts
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in denied_acts.undergoing_verbs | denied_acts.light_verbs:
        return False
    return _denied_verb(verb) or any(_denied_verb(governor) for governor in _infinitive_governors(verb))


def is_a_wanted_gerund(token: Token) -> bool:
    """ "showed interest in renting the hall", "is serious about reopening the mine", "was thinking of
    selling the farm", "had inquiries about selling": a gerund after a preposition on a word of
    wanting, readiness, thinking or inquiring names what is wanted or considered, not done (and so
    does the event noun it takes as its object)."""
    gerund = token.head if token.pos_ == "NOUN" and token.dep_ == "dobj" else token
    if gerund.tag_ != "VBG" or gerund.dep_ != "pcomp":
        return False
    preposition = gerund.head
    words = typed_table()
    wanting = preposition.head
    return preposition.lower_ in words.wanted_gerunds.prepositions \
        and (wanting.lemma_.lower() in words.wanted_gerunds.words or wanting.lower_ in words.wanted_gerunds.words)


def is_set_in_the_future(token: Token) -> bool:
    """ "officers may be wary of making arrests in the future", "the board will discuss it in the
    future": the phrase, hung on the word or on its clause's verb, sets the act in a time not yet
    come: no act done."""
    words = typed_table()
    verb = clause_head(token, depth=4)
    for word in {token, verb} - {None}:
        for preposition in (c for c in word.children if c.dep_ == "prep" and c.lower_ in words.set_in_the_future.prepositions):
            if any(o.dep_ == "pobj" and o.lower_ in words.set_in_the_future.nouns for o in preposition.children):
                return True
    return False


def is_still_to_be_done(token: Token) -> bool:
    """ "other gifts to be donated by shops": a passive infinitive on a noun says what will be done
    to it (not "is to be sentenced in May", a step set, nor "was taken to the station to be
    questioned", a purpose carried out)."""
    return token.tag_ == "VBN" and token.dep_ in typed_table().to_be_done_links \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) \
        and any(c.dep_ == "auxpass" for c in token.children)


def _denied(adjective: Token) -> bool:
    """ "was not able", "none has been able": the adjective, its copula or its subject is negated."""
    clause = adjective.head if adjective.dep_ == "acomp" else adjective
    if any(c.dep_ == "neg" for c in (*adjective.children, *clause.children)):
        return True
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    return any(s.lower_ in typed_table().denied_ability.subjects or any(d.dep_ == "det" and d.lower_ == "no" for d in s.children)
               for s in subjects)


# The links a trigger climbs to reach the verb (or adjective) whose complement it is: complements,
# the object noun, a gerund of means after "by" ("wants pupils to learn by visiting the mill"), a
# purpose clause with "so" ("hopes to earn their trust so they will back him"), and a bare verb
# joined to a complement ("needs to read the report and discuss it"). Never a noun after a
# preposition ("refused to comment on the shooting": the shooting happened), an infinitive of
# purpose ("gave the lead required to make an arrest": the arrest was made), a relative, time or
# reason clause, nor a verb joined with a tense of its own ("refused to answer and met them"): those
# tell acts of their own.
COMPLEMENT_LINKS = frozenset({"xcomp", "ccomp", "dobj", "pcomp"})
PURPOSE_MARKS = frozenset({"so"})
MEANS_PREPOSITIONS = frozenset({"by"})


def governing_words(token: Token, depth: int = 6) -> Iterator[Token]:
    """The words above a trigger, up to the first clause it does not complement: "visiting" in
    "wants pupils to learn by visiting the mill" gives by, learn, wants."""
    node = token
    for _ in range(depth):
        if node.head.i == node.i:
            return
        purpose = node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in PURPOSE_MARKS for c in node.children)
        means = node.dep_ == "prep" and node.lower_ in MEANS_PREPOSITIONS and any(c.dep_ == "pcomp" for c in node.children)
        # "needs to read the report, discuss it": a bare verb joined to a complement shares it
        joined = node.dep_ == "conj" and (node.pos_ == "NOUN" or node.tag_ == "VB")
        if not (node.dep_ in COMPLEMENT_LINKS or purpose or means or joined):
            return
        node = node.head
        yield node


def is_not_yet(token: Token) -> bool:
    """ "needs to discuss", "needs repair", "threatened to bomb", "prepared to negotiate"."""
    return any(_not_yet_word(node) for node in governing_words(token)) or is_proposed(token) \
        or is_suggested_or_let(token) or _the_purpose_of_an_act_not_done(token)


def _the_purpose_of_an_act_not_done(token: Token) -> bool:
    """ "the league plans to hold marches to demand lower taxes": an infinitive of purpose says
    what an act is for; when that act is itself not done (planned, needed, threatened), neither
    is its purpose (a purpose of an act done, "met them to discuss the plan", is left)."""
    token = _first_conjunct(token)  # "to debate and vote on the plan"
    if not _an_infinitive(token):
        return False
    act = token.head
    if act.pos_ in {"NOUN", "PROPN"}:  # "scheduled a hearing for Tuesday to discuss the budget"
        return token.dep_ in {"advcl", "acl"} and is_a_step_still_to_come(act)
    if token.dep_ != "advcl" or act.pos_ not in {"VERB", "AUX"}:
        return False
    if any(_not_yet_word(node) for node in governing_words(act)):
        return True
    # "she would walk street by street to speak with tenants", "set a meeting for Friday to discuss the
    # plan": an act itself no event (told in the future, a possibility...), or one whose object is a
    # step still to come (the meeting set, not held; or the noun the parser hangs the purpose on),
    # leaves its purpose undone too
    return reports_no_event(act) or any(c.dep_ == "dobj" and is_a_step_still_to_come(c) for c in act.children)


def is_suggested_or_let(token: Token) -> bool:
    """ "suggested the members discuss it", "the library was recommended for closure", "was
    considered to move", "lets the city begin talks", "is entitled to a new trial": what someone
    suggests, recommends, considers, lets happen or has a right to is an act proposed or open,
    not told as done (its complement, or the event noun after "for" or "to" on the verb)."""
    words = typed_table()
    below = token
    for node in governing_words(token):
        lemma = node.lemma_.lower()
        # "considered the killing an act of terror": the object of a verb of judging is a thing
        # judged, which happened; only its complement is what is considered
        judged = below.dep_ == "dobj" and lemma in words.suggested_acts.objects_judged_by
        if node.pos_ in {"VERB", "AUX"} and lemma in words.suggested_acts.verbs and not judged:
            return True
        below = node
    if token.pos_ != "NOUN":
        return False
    phrase = token.head if token.dep_ == "conj" else token  # "for closure and sale"
    preposition = phrase.head
    return phrase.dep_ == "pobj" and preposition.lower_ in words.suggested_acts.prepositions \
        and preposition.head.lemma_.lower() in words.suggested_acts.verbs


def is_proposed(token: Token) -> bool:
    """ "made a motion to end the curfew", "a proposal to merge the districts": the infinitive on a
    noun of proposing says what is proposed, which a vote may or may not bring about (the parser
    sometimes makes the noun the infinitive's subject: "made the motion to accept the offer");
    "the bill calls for a referendum", "the proposal calls for the two towns to share a clerk",
    "plans call for a fountain": what such a text asks for or provides is its content, no act."""
    words = typed_table()
    nouns = words.proposal_nouns
    if token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and (
            (token.dep_ == "acl" and token.head.lemma_.lower() in nouns)
            or any(c.dep_ == "nsubj" and c.lemma_.lower() in nouns for c in token.children)):
        return True
    above = [token, *governing_words(token)]
    if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in token.children):
        above.append(token.head)  # "calls for the towns to share": a clause with "for ... to"
    texts = nouns | words.plan_nouns  # "plans call for a fountain": what a plan holds
    return any(node.pos_ == "VERB" and node.lemma_.lower() in words.content_verbs and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in texts for c in node.children) for node in above)


def _a_verb_after_a_possibility_modal(verb: Token) -> bool:
    """A verb in its plain form after might, could, may or can (non_events.yaml: possibility_modals)."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in typed_table().possibility_modals
                                     for c in verb.children)


def is_a_possibility(token: Token) -> bool:
    """ "officials might close two schools": what may happen (a verb in its plain form after
    might, could or may); "an attack on the dam would be a disaster", "the cost of delaying the
    evacuation could be high": an event noun in the subject of a judgement of what would or might be,
    and one that is the subject of a verb after might, could, may or can ("gifts may be dropped off")."""
    words = typed_table()
    if _a_verb_after_a_possibility_modal(token):
        return True
    if _a_possible_passive(token):
        return True
    if token.pos_ != "NOUN":
        return False
    if token.dep_ in {"nsubj", "nsubjpass"} and token.head.pos_ == "VERB" and (
            _a_possible_passive(token.head) or _a_verb_after_a_possibility_modal(token.head)):
        return True  # "gifts may be dropped off at the hall", "talks could resume": the act is as open as its verb
    node = token
    for _ in range(4):  # up the subject's noun phrase: "evacuation" -> delaying -> of -> cost
        if node.dep_ == "nsubj":
            copula = node.head
            return copula.lemma_.lower() == "be" and any(
                c.dep_ == "aux" and c.lower_ in words.judging_modals for c in copula.children)
        if node.dep_ not in {"pobj", "pcomp", "prep", "dobj", "conj", "compound"}:
            return False
        node = node.head
    return False


def _a_possible_passive(token: Token) -> bool:
    """ "the judge ruled he could be released": a passive after might, could or may is as open as
    the active ("could release him"); "could have been killed" is a counterfactual
    (``under_a_counterfactual``, triggers._counterfactual), judged apart."""
    if token.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in token.children):
        return False
    auxiliaries = {c.lower_ for c in token.children if c.dep_ == "aux"}
    return bool(auxiliaries & typed_table().possibility_modals) and "have" not in auxiliaries


def _first_conjunct(verb: Token) -> Token:
    """ "could rent a bin or buy sacks": a verb in its plain form joined to another, with no
    auxiliary and no subject of its own, shares the first one's modal; the verb that carries it."""
    node = verb
    while node.tag_ == "VB" and node.dep_ == "conj" and not any(
            c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in node.children):
        node = node.head
    return node


def _auxiliaries(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ == "aux"}


def _auxiliaries_of_either_voice(verb: Token) -> set[str]:
    """The verb's auxiliaries, the passive's too ("should be paid": should, be)."""
    return {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}


def _verb_carrying_the_tense(token: Token) -> Token | None:
    """The verb whose auxiliaries tell whether the trigger's act is done: the trigger itself when
    a verb, the verb an event noun is the subject of ("the reopening would help them"), raised
    through bare verbs joined to it or completing it ("will either approve or veto", "would
    begin to build"); None for a noun in any other place (an object or a phrase after a
    preposition may name a thing that did happen: "may never forget the raid")."""
    node = token
    if node.pos_ not in {"VERB", "AUX"}:
        if node.dep_ not in {"nsubj", "nsubjpass"} or node.head.pos_ not in {"VERB", "AUX"}:
            return None
        node = node.head
    for _ in range(4):
        own = [c for c in node.children if c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} and c.lower_ != "to"]
        if node.tag_ != "VB" or own or node.dep_ not in {"conj", "xcomp"} or node.head.pos_ not in {"VERB", "AUX"}:
            break
        node = node.head
    return node


def is_a_reported_future(token: Token) -> bool:
    """ "the mayor said he will review the contracts", "she expects the river will reach the
    bridge", "he said the closing of the mill would hurt the town": what someone says or expects
    will or would happen, in the clause a verb reports after it, is not done; with a date or time of its own
    it is a step set ("said the board will vote on Monday", which the judged samples count), and a
    "would" with "later", "eventually" or "soon" tells the future of a past ("said he would later
    resign": he did)."""
    verb = _verb_carrying_the_tense(token)
    # (the reported clause after its verb: "two men will be charged, police said" puts the step
    # first, as news told on the police's word, a step set the judged samples count and
    # dating.yaml dates as none)
    if verb is None or verb.dep_ != "ccomp" or verb.head.pos_ != "VERB" or verb.i < verb.head.i:
        return False
    words = typed_table()
    auxiliaries = _auxiliaries(verb)
    if "have" in auxiliaries or not auxiliaries & words.reported_futures.auxiliaries or _has_a_time_of_its_own(verb):
        return False
    return not (auxiliaries & words.reported_futures.past_futures
                and any(t.lower_ in words.modal_descriptions.own_time_words for t in verb.subtree))


def is_a_conditional_consequence(token: Token) -> bool:
    """ "if the river rises, the bridge would be shut", "they do not plan to evacuate the town
    unless the fire spreads": an act a condition ("if", "unless") hangs on, under a modal or a
    future, or under a negation, is not told as done (the verb, or one it completes or is joined
    to, carries both the condition and the modal)."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    words = typed_table()
    chain, node = [token], token
    for _ in range(4):
        if node.dep_ not in {"xcomp", "conj"} or node.head.pos_ not in {"VERB", "AUX"}:
            break
        node = node.head
        chain.append(node)
    conditioned = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in words.conditionals.marks
                                                 for m in c.children) for verb in chain for c in verb.children)
    return conditioned and any(_auxiliaries(verb) & words.conditionals.auxiliaries
                               or any(c.dep_ == "neg" for c in verb.children) for verb in chain)


def _set_off_by_a_comma(clause: Token) -> bool:
    """A clause after a comma ("the blizzard, which will close schools"): it adds a fact about a
    thing already named rather than saying which thing is meant."""
    start = clause.left_edge.i
    return start > 0 and clause.doc[start - 1].text == ","


def is_a_modal_conjunct_or_description(token: Token) -> bool:
    """ "residents could rent a bin or buy sacks": "buy" is as possible as "rent", and "must wear a
    tag and surrender his passport" as required as "wear" (the modal of the first verb reaches the
    bare verbs joined to it); "a mayor who would meet residents and
    visit every school": a relative clause after would, could, might or may says what the person or thing
    would do, a description, unless it has a time of its own ("the clerk, who would later resign
    in May": the future of a past)."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    words = typed_table()
    verb = _first_conjunct(token)
    modals = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if verb is not token and modals & words.conjunct_modals:
        return True
    # (the parser reads "a plan that both towns will approve" as a clause on the noun, acl, too;
    # "will" only in a clause that says which thing is meant, no comma before it: "the blizzard,
    # which will close schools" tells what the storm will do)
    if modals & words.modal_descriptions.modals <= words.modal_descriptions.restrictive_only and _set_off_by_a_comma(verb):
        return False
    return verb.dep_ in {"relcl", "acl"} and bool(modals & words.modal_descriptions.modals) and not any(
        t.ent_type_ in {"DATE", "TIME"} or t.lower_ in words.modal_descriptions.own_time_words for t in verb.subtree)


def _spans_a_stretch_of_time(verb: Token) -> bool:
    """ "during his ten years on the board", "throughout the season", "in the past", "many times":
    a phrase on the verb that spreads its act over a stretch of time or a count of occasions."""
    words = typed_table()
    for child in verb.children:
        if child.dep_ == "npadvmod" and child.lower_ == "times":
            if any(c.lower_ in words.habit_spans.many_times for c in child.children):
                return True
        if child.dep_ != "prep":
            continue
        for noun in (c for c in child.children if c.dep_ == "pobj"):
            if child.lower_ in words.habit_spans.prepositions and noun.lower_ in words.habit_spans.nouns:
                return True
            # "has been running the shelter for 20 years": a perfect progressive over years is a
            # standing work ("has been searching for three days" is one search, kept)
            if child.lower_ in words.habit_spans.progressive.prepositions and _a_perfect_progressive(verb) \
                    and any(t.lower_ in words.habit_spans.progressive.nouns for t in noun.subtree):
                return True
            # "in the past" alone, not "in the past week" (a time of its own)
            if child.lower_ == "in" and noun.lower_ == "past" and not any(c.dep_ in {"prep", "compound"} for c in noun.children):
                return True
    return False


def _a_perfect_progressive(verb: Token) -> bool:
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ == "been" for c in verb.children)


def is_a_habit_over_time(token: Token) -> bool:
    """ "the prayer that opened the council meetings during his ten years": an act spread over a
    stretch of years or a season, or done "many times", is a habit, no one event; "flew over the
    field several times on Friday" is one outing, kept."""
    verb = clause_head(token, depth=4)  # the trigger, or the first verb above an event noun
    if verb is None:
        return False
    return _spans_a_stretch_of_time(verb) or (
        verb is token and token.dep_ == "conj" and _spans_a_stretch_of_time(token.head))


def _prose(sentence) -> bool:
    """A sentence that ends as prose does (a full stop, a question or exclamation mark, a closing
    quote); a headline or a caption line run on without one is written in the present of news."""
    words = [t for t in sentence if not t.is_space]
    return bool(words) and words[-1].text in typed_table().present_habits.prose_ends


# the links that open a clause of its own: a time in it is that clause's, not the verb's
OWN_CLAUSE_LINKS = frozenset({"advcl", "ccomp", "xcomp", "relcl", "conj", "acl", "parataxis", "csubj"})


def _has_a_time_of_its_own(verb: Token) -> bool:
    """ "the council meets Monday", "the market opens at noon": a date or time in the verb's own
    phrases (not in a clause below it: "because the ponds empty within a week, the larvae die")."""
    below = list(verb.children)
    while below:
        word = below.pop()
        if word.ent_type_ in {"DATE", "TIME"}:
            return True
        if word.dep_ in OWN_CLAUSE_LINKS and word.pos_ in {"VERB", "AUX"}:
            continue
        below.extend(word.children)
    return False


def _a_present_read_as_plain(verb: Token) -> bool:
    """ "most trucks travelling through the town take the bypass": after a long subject the tagger
    often reads a present as the plain form (VB); a plain form heading its sentence with a subject
    of its own and no auxiliary is that present (a plain form after "to", a modal or "let them" has
    an auxiliary or is no sentence's head)."""
    return verb.tag_ == "VB" and verb.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in verb.children)


def _a_present_of_habit(verb: Token | None) -> bool:
    """ "the couple sells honey at the market", "we meet with tenants about repairs", "plans call
    for a fountain": a verb of doing in the simple present (no auxiliary) tells what someone does
    as a rule, or what a plan holds, no one act (news tells a done act in the past or the perfect).
    Not a verb of saying, thinking or asking ("police say", "the patrol urges drivers to slow
    down": what someone says now), one with a reported clause of its own, a present with a time of
    its own ("the council meets Monday": a date set; an event noun it takes is
    ``is_set_in_a_dated_present``'s), nor a headline's present (``_in_headline_style``)."""
    words = typed_table()
    if verb is None or verb.pos_ != "VERB" or not (verb.tag_ in words.present_habits.tags or _a_present_read_as_plain(verb)):
        return False
    if any(c.dep_ in {"aux", "auxpass", "ccomp"} for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    if lemma in words.present_habits.speech_verbs or lemma in attribution_cues().reporting_verbs:
        return False
    return not _has_a_time_of_its_own(verb) and not _in_headline_style(verb)


def _in_headline_style(verb: Token) -> bool:
    """The present of a headline, which tells the news itself: a line with no closing stop, the
    article's first sentence (a lead, or a headline the parser ran into it), a photo caption
    (``_a_photo_caption``), or a subject that is a singular noun with no article ("Roadside bomb
    kills two soldiers": headlines drop them)."""
    sentence = verb.sent
    if sentence is None or not _prose(sentence) or sentence.start == 0 or _a_photo_caption(verb):
        return True
    return any(c.dep_ == "nsubj" and c.tag_ == "NN" and not any(d.dep_ in {"det", "poss"} for d in c.children)
               for c in verb.children)


def _a_photo_caption(verb: Token) -> bool:
    """ "Mayor Ann Ruiz, left, meets with two workers": a word of position set off by commas or
    brackets before the verb points at a person in a photograph, and a caption tells what the
    photograph shows in the present, one moment, no habit."""
    doc, sentence = verb.doc, verb.sent
    for word in doc[sentence.start:verb.i]:
        if word.lower_ not in typed_table().present_habits.caption_positions or word.i == sentence.start or word.i + 1 >= len(doc):
            continue
        if doc[word.i - 1].text in {",", "("} and doc[word.i + 1].text in {",", ")"}:
            return True
    return False


def _an_infinitive_of_a_habit(token: Token) -> bool:
    """ "the old doctor tries to visit every farm", "she likes to paint barns": the infinitive a
    present of habit governs is part of the habit (not after a verb of saying, wanting or planning,
    which ``_a_present_of_habit`` keeps: "plans to build a school" is a plan told)."""
    return token.tag_ == "VB" and token.dep_ == "xcomp" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and _a_present_of_habit(token.head)


def is_a_present_habit(token: Token) -> bool:
    """A verb in the simple present of habit (``_a_present_of_habit``) or an infinitive it governs, an -ing participle on its
    subject ("most trucks travelling through the town use the bypass" says which trucks, no
    journey), or a gerund after a preposition on it ("the crews do everything from cooking meals
    to driving the bus": what they do as a rule)."""
    if _a_present_of_habit(token) or _an_infinitive_of_a_habit(token):
        return True
    if token.tag_ != "VBG":
        return False
    if token.dep_ == "acl" and token.head.dep_ == "nsubj":
        return _a_present_of_habit(token.head.head)
    # up through the gerunds, prepositions and nouns of "everything from cooking meals to driving
    # the bus" to the first verb that is no gerund; only through the prepositions of a range or a
    # means ("faces charges after shooting a man": the shooting is an act of its own)
    node = token
    for _ in range(8):
        if node.dep_ not in {"pcomp", "prep", "pobj", "dobj", "conj"} or node.head.i == node.i:
            return False
        if node.dep_ == "prep" and node.lower_ not in typed_table().present_habits.gerund_prepositions:
            return False
        node = node.head
        if node.pos_ == "VERB" and node.tag_ != "VBG":
            return _a_present_of_habit(node)
    return False


def is_a_present_passive_of_habit(token: Token) -> bool:
    """ "the towns where taxes are collected", "boats that are built in the yard": a passive in the
    simple present in a relative clause on a thing says what is done there or to such things as a
    rule, no one act (the trigger, or an event noun its subject: "where sales are made"); not on a
    person ("a man who is charged with murder": the state a step left him in), nor with a date or
    time of its own."""
    verb = token if token.pos_ == "VERB" else token.head if token.dep_ == "nsubjpass" else None
    if verb is None or verb.tag_ != "VBN" or verb.dep_ != "relcl" or any(c.dep_ == "aux" for c in verb.children):
        return False
    passive = [c.lower_ for c in verb.children if c.dep_ == "auxpass"]
    if not passive or passive[0] not in typed_table().present_habits.passive_auxiliaries:
        return False
    about_a_person = any(c.tag_ == "WP" for c in verb.children) or verb.head.ent_type_ == "PERSON"
    return not about_a_person and not _has_a_time_of_its_own(verb)


def is_under_a_difficulty(token: Token) -> bool:
    """ "dry weather makes it hard to stop a fire", "it is easy to buy a gun there": the infinitive
    on an adjective of ease or difficulty says what can or cannot be done in general, no act done
    (the trigger is the infinitive, or a word it governs: ``governing_words``)."""
    adjectives = typed_table().difficulty_adjectives
    for verb in (token, *governing_words(token)):
        if verb.tag_ != "VB" or verb.dep_ not in {"advcl", "xcomp", "ccomp"} or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            continue
        if _on_one_of_the_adjectives(verb, adjectives):
            return True
    return False


def _on_one_of_the_adjectives(infinitive: Token, adjectives: frozenset[str]) -> bool:
    """The infinitive hangs on one of ``adjectives``: on the adjective itself ("hard to stop") or on
    the verb whose complement it is ("makes it hard to stop", "was found incompetent to stand")."""
    governor = infinitive.head
    return governor.lower_ in adjectives or any(c.dep_ in {"acomp", "ccomp", "oprd"} and c.lower_ in adjectives
                                                for c in governor.children)


def _an_infinitive_of_either_voice(verb: Token) -> bool:
    """ "to stand", "to be injured": an infinitive, active or passive."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.tag_ == "VB" or (verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children))


def is_under_a_likelihood(token: Token) -> bool:
    """ "teenage cyclists seem more likely to be fined or hurt", "was found incompetent to stand
    trial": the infinitive on an adjective of likelihood or of fitness (non_events.yaml:
    likelihoods) says what may happen or what someone can or cannot undergo, no act done (the
    infinitive, a verb joined to it, or a word it governs: ``governing_words``); "was likely
    injured", an adverb, tells the injury."""
    adjectives = typed_table().likelihoods.words
    for verb in (token, *governing_words(token)):
        while verb.dep_ == "conj" and verb.head.pos_ == "VERB":  # "to be injured or arrested"
            verb = verb.head
        if verb.dep_ not in {"advcl", "xcomp", "ccomp"} or not _an_infinitive_of_either_voice(verb):
            continue
        if _on_one_of_the_adjectives(verb, adjectives):
            return True
    return False


def is_a_frequent_kind(token: Token) -> bool:
    """ "the daily torrent of bombings", "weekly raids", "frequent patrols": an event noun told as
    recurring (an adjective of frequency on it, or on the noun whose "of" it follows) is a habit or
    a state of things, no one event."""
    if token.pos_ != "NOUN":
        return False
    noun = token.head if token.dep_ == "conj" else token  # "bombings and shootings"
    nouns = [token, noun]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        nouns.append(noun.head.head)
    return any(c.dep_ == "amod" and c.lower_ in typed_table().frequency_adjectives for n in nouns for c in n.children)


def is_what_an_intention_holds(token: Token) -> bool:
    """ "the decision to close the school", "struck a deal with the railway to purchase the depot", "the
    only way to end the strike", "kept the door open to negotiate it": the infinitive on a
    noun of deciding, agreeing, promising or of a way or a right says what is meant or open to be
    done, not a done act (on the noun, or as the parser often hangs it, on the verb whose object
    the noun is; the trigger is the infinitive, a bare verb joined to it, or its subject or object)."""
    verb = token if token.pos_ in {"VERB", "AUX"} else token.head if token.dep_ in {"dobj", "nsubjpass"} else None
    if verb is None:
        return False
    verb = _first_conjunct(verb)
    if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    nouns = typed_table().intention_nouns
    if verb.dep_ in {"acl", "relcl"}:
        return verb.head.lemma_.lower() in nouns
    return verb.dep_ in {"advcl", "xcomp"} and any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in verb.head.children)


def is_what_is_agreed_or_decided(token: Token) -> bool:
    """ "the two envoys agreed to cooperate", "the owners decided to rebuild", "offered to drive the
    family home", "is negotiating to sell the land", "tried to persuade the hijacker to give up": the
    infinitive completing a verb of agreeing, deciding, offering, negotiating, persuading or
    directing is what was settled or pressed for, not told as done (the verb itself is the event; the
    trigger is the infinitive or a bare verb joined to it: its object noun is left, "agreed to drop
    the charges" names charges that were brought; an infinitive with a date of its own is left)."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    verb = _first_conjunct(token)
    if verb.tag_ != "VB" or verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    # with a date or time of its own ("agreed to hand over the town by March 20") a step set, which
    # the judged samples count (as reported_futures keeps)
    return is_one_of(verb.head, typed_table().resolving_verbs) and not any(
        t.ent_type_ in {"DATE", "TIME"} for t in verb.subtree)


def is_the_theme_of_a_text(token: Token) -> bool:
    """ "a novel that recounts the story of a family's flight", "recanted her story of a robbery", "a
    treaty on military cooperation", "the rumour of a coup": an event noun after "of", "on" or
    "about" on a noun of a story, a rumour, a theme or a treaty is what the text is about, no act the
    report tells (the telling, the recanting or the signing is the event)."""
    if token.pos_ != "NOUN":
        return False
    phrase = token.head if token.dep_ == "conj" else token
    preposition = phrase.head
    words = typed_table().text_themes
    return phrase.dep_ == "pobj" and preposition.lower_ in words.prepositions \
        and preposition.head.pos_ == "NOUN" and preposition.head.lemma_.lower() in words.nouns


def is_a_near_miss(token: Token) -> bool:
    """ "the bill came close to passing", "the fire got closer to destroying the barn", "came close to
    a deal": the act after "close to" is one that did not happen (only came near to)."""
    phrase = token.head if token.dep_ == "conj" else token
    preposition = phrase.head
    return phrase.dep_ in {"pcomp", "pobj"} and preposition.lower_ == "to" \
        and preposition.head.lower_ in typed_table().near_misses


def is_denied_for_a_while(token: Token) -> bool:
    """ "phone calls were not immediately returned", "the two clubs have not met since 2019",
    "police have not made an arrest since the fire": a negated verb with "immediately" or a "since"
    phrase says the act has not happened over a stretch up to now (not "the fire" in the "since"
    phrase, which did happen). (A plain negation is left: the judged samples count "were not
    arrested" and a figure "not yet agreed" as events, the step told.)"""
    verb = clause_head(token, depth=4)
    if verb is None or not any(c.dep_ == "neg" for c in verb.children):
        return False
    words = typed_table()
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in words.denied_for_a_while.adverbs:
            return True
        if child.dep_ == "prep" and child.lower_ in words.denied_for_a_while.prepositions \
                and not child.left_edge.i <= token.i <= child.right_edge.i:
            return True
    return False


def is_left_undone(token: Token) -> bool:
    """ "left the hall without talking to the press": the act of a gerund after "without" is not
    done. (Not a noun: "held without bail", "ended without incident" name a condition the judged
    samples may count with the act.)"""
    gerund = token.head if token.dep_ == "conj" and token.head.tag_ == "VBG" else token  # "without talking or waving"
    return gerund.tag_ == "VBG" and gerund.dep_ == "pcomp" and gerund.head.lower_ in typed_table().absence_marks


def under_a_counterfactual(token: Token) -> bool:
    """ "the flood would have caused a disaster": the noun of a verb that did not happen."""
    verb = token.head
    if token.pos_ != "NOUN" or token.dep_ not in {"dobj", "nsubj", "nsubjpass"} or verb.tag_ != "VBN":
        return False
    auxiliaries = _auxiliaries_of_either_voice(verb)
    return "have" in auxiliaries and bool(auxiliaries & {"would", "could", "might", "should", "'d"})


QUOTES = "\"“”"


def is_a_quoted_order(token: Token) -> bool:
    """ “Go on – arrest me.”: a bare verb with no subject inside a quotation is an order or a
    dare, not a report."""
    if token.tag_ != "VB" or token.dep_ not in {"ROOT", "parataxis", "conj", "ccomp", "dep", "xcomp"}:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "expl", "mark"} for c in token.children):
        return False
    if token.dep_ == "conj" and token.head.tag_ != "VB":
        return False
    text = text_of(token.doc)
    before = text[token.sent.start_char:token.idx] if token.sent is not None else text[:token.idx]
    return sum(before.count(q) for q in QUOTES) % 2 == 1 or "“" in before and "”" not in before


def is_an_office(token: Token) -> bool:
    """ "commander of police investigations": an event noun naming what an office does."""
    return (token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "of"
            and token.head.head.lemma_.lower() in typed_table().title_nouns
            and not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "a", "an"} for c in token.children))


def is_a_rewarded_outcome(token: Token) -> bool:
    """ "offers a reward for any tip leading to an arrest", "tips that lead to a conviction": what
    a tip would bring about, asked for, not done."""
    if token.pos_ != "NOUN":
        return False
    if token.dep_ == "conj":
        token = token.head  # "the arrest and conviction"
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ != "to":
        return False
    verb = preposition.head
    words = typed_table().rewarded_outcomes
    return verb.lemma_.lower() in words.verbs and verb.dep_ in {"acl", "relcl"} \
        and verb.head.lemma_.lower() in words.nouns


def is_a_changing_figure(token: Token) -> bool:
    """ "the number of farms fell 12 percent", "the county fell to ninth in growth": a verb of rising or
    falling measured in a share, points or a rank (its object, or after "to", "by", "from") tells a
    statistic, no act (non_events.yaml: changing_figures); "fell to the floor" is a fall."""
    table = typed_table().changing_figures
    if token.pos_ != "VERB" or token.lemma_.lower() not in table.verbs:
        return False

    def a_measure(word: Token) -> bool:
        return word.lower_ in table.measures or word.lemma_.lower() in table.measures or word.ent_type_ in table.measure_entities

    return any(c.dep_ in {"dobj", "npadvmod"} and a_measure(c) for c in token.children) or any(
        c.dep_ == "prep" and c.lower_ in table.prepositions and any(o.dep_ == "pobj" and a_measure(o) for o in c.children)
        for c in token.children)


def is_a_trade_figure(token: Token) -> bool:
    """ "raffle sales", "sales fell by a tenth", "profits from phone sales": the plural counts
    trade over a while, no one sale; "raffle sales start Friday" is when selling starts."""
    if token.pos_ != "NOUN" or token.lower_ not in typed_table().trade_figures.nouns:
        return False
    head = token.head
    return not (token.dep_ in {"nsubj", "nsubjpass"} and head.lemma_.lower() in typed_table().trade_figures.aspect_verbs)


def _an_infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_a_failure_named(token: Token) -> bool:
    """ "jailed for failure to return a rented truck", "jailed for refusal to testify": the
    infinitive on a noun of failing or refusing names what was not done (the verbs, "failed to
    stop", are event_types.yaml's unrealised_verbs)."""
    verb = _first_conjunct(token)
    return _an_infinitive(verb) and verb.dep_ in {"acl", "relcl"} and verb.head.lemma_.lower() in typed_table().failed_acts


def _a_mandative_subjunctive(verb: Token) -> bool:
    """ "demanded that the mayor resign", "asked that they be allowed": a bare verb (or a passive with
    a bare "be") with a subject of its own, after "that", and no modal, "to" or "do" (the tagger
    tells the bare form, VB, from a plain present, VBP)."""
    if verb.dep_ != "ccomp" or not any(c.dep_ == "mark" and c.lower_ in typed_table().mandative_subjunctive.words for c in verb.children):
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if verb.tag_ == "VB":
        bare = not auxiliaries
    else:  # "that he be allowed": the only auxiliary a bare "be"
        bare = verb.tag_ == "VBN" and len(auxiliaries) == 1 and auxiliaries[0].tag_ == "VB" and auxiliaries[0].lower_ == "be"
    return bare and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def is_demanded(token: Token) -> bool:
    """ "the union demanded that the mayor resign", "asked that the miners be allowed to tour the
    pit": a verb in the mandative subjunctive, and what it governs, is what is demanded, not done."""
    return _a_mandative_subjunctive(token) or any(_a_mandative_subjunctive(node) for node in governing_words(token))


def is_called_for(token: Token) -> bool:
    """ "renewed calls for the army to withdraw", "pressed for the county to pay": an infinitive with
    its own subject after "for", on a word of calling or pressing, is what is called for (the
    parser hangs the clause on the word, or "for" and the clause on it)."""
    verb = _first_conjunct(token)
    if not _an_infinitive(verb) or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return False
    marked = any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)
    head = verb.head.head if verb.head.lower_ == "for" else verb.head if marked else None
    return head is not None and head.lemma_.lower() in typed_table().called_for_clauses.words


def is_a_participle_adjective(token: Token) -> bool:
    """ "three consulting groups", "the surrounding hills", "the visiting Rangers": an -ing word
    (tagged a participle) as the adjective or first word of a noun or a name names a kind or a
    quality, no act; "the retreating troops",
    "fleeing villagers" tell what the noun's people were doing (participle_adjectives.acts_of_the_noun)."""
    return (token.dep_ in {"amod", "compound"} and token.tag_ in typed_table().participle_adjectives.tags
            and token.head.pos_ in {"NOUN", "PROPN"} and token.head.i > token.i
            and token.lemma_.lower() not in typed_table().participle_adjectives.acts_of_the_noun) \
        or is_a_state_of_a_thing(token)


def is_a_state_of_a_thing(token: Token) -> bool:
    """ "the damaged fence", "the requested papers", "a targeted finish": a past participle as the
    adjective of a common noun that names no person nor body of people (nor a name) tells the state
    the thing is in, no act (participle_adjectives.past_tags); "a murdered guard", "the drowned sailors"
    tell what was done to them, and stay."""
    noun = token.head
    if token.dep_ != "amod" or token.tag_ not in typed_table().participle_adjectives.past_tags \
            or noun.pos_ != "NOUN" or noun.i < token.i or noun.ent_type_:
        return False
    return not (names_people(noun) or names_a_body_of_people(noun)
                or noun.lemma_.lower() in people_nouns() or noun.lemma_.lower() in group_nouns())


def is_marked_possible(token: Token) -> bool:
    """ "plans to sell two players and possibly buy a striker": a verb with "possibly", "perhaps" or
    "maybe" on it may or may not happen."""
    return token.pos_ == "VERB" and any(c.dep_ == "advmod" and c.lower_ in typed_table().possibility_adverbs
                                        for c in token.children)


def is_a_habit_told_by_an_adverb(token: Token) -> bool:
    """ "ferries between the two islands are rarely filled", "the board usually meets in the library",
    "jurors are often dismissed in a long trial": a verb with an adverb of frequency on it tells what
    happens as a rule, no one act (non_events.yaml: frequency_adverbs), and so does an event noun that
    is its subject or object, or the occasion after "in", "at" or "during" on it; "the board met in
    the library" is one meeting."""
    words = typed_table().frequency_adverbs
    node = token.head if token.dep_ == "conj" and token.pos_ in {"NOUN", "PROPN"} and token.head.pos_ in {"NOUN", "PROPN"} else token
    if node.pos_ in {"VERB", "AUX"}:
        verb = node
    elif node.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        verb = node.head
    elif node.dep_ == "pobj" and node.head.lower_ in words.prepositions:
        verb = node.head.head
    else:
        return False
    return verb.pos_ in {"VERB", "AUX"} and any(c.dep_ == "advmod" and c.lower_ in words.adverbs for c in verb.children)


def is_a_kind_judged_common(token: Token) -> bool:
    """ "robberies are common in the old port", "floods are rare here": a plural event noun, the
    subject of "be" with an adjective of frequency, is a kind of event, no one event."""
    if token.tag_ != "NNS" or token.dep_ != "nsubj" or token.head.lemma_ != "be":
        return False
    adjectives = typed_table().kind_predicates | typed_table().frequency_adjectives
    return any(c.dep_ == "acomp" and c.lower_ in adjectives for c in token.head.children)


def _asked_in_a_question(verb: Token) -> bool:
    """ "Will the county sell the depot?", "Did the rebels attack the port?": the clause opens with its
    auxiliary, before the subject, and ends at a question mark; it asks whether the act happens,
    and tells none. (A question that opens with "why", "when" or "who" takes the act as told.)"""
    words = [t for t in verb.subtree if not t.is_punct]
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not words or not auxiliaries or not subjects or words[0].i != auxiliaries[0].i or auxiliaries[0].i > subjects[0].i:
        return False
    after = verb.doc[verb.right_edge.i + 1:verb.right_edge.i + 1 + typed_table().yes_no_questions.reach]
    return verb.right_edge.text == "?" or any(t.text == "?" for t in after)


def is_asked(token: Token) -> bool:
    """The verb of a yes-or-no question, and its object: "Will the county sell the depot?"."""
    verb = token.head if token.pos_ == "NOUN" and token.dep_ in {"dobj", "nsubjpass"} else token
    return verb.pos_ in {"VERB", "AUX"} and _asked_in_a_question(verb)


def _joined_by_or(verb: Token) -> bool:
    return any(c.dep_ == "cc" and c.lower_ in typed_table().alternatives.conjunctions for c in verb.children)


def is_one_of_alternatives(token: Token) -> bool:
    """ "charged with stealing or receiving stolen goods", "both towns will accept or reject it": a
    bare or -ing verb joined by "or" to another verb is one of two ways an act is named or may go,
    none told as done (not a past or a participle: "were killed or wounded" tells the casualties)."""
    if token.pos_ != "VERB" or token.tag_ not in typed_table().alternatives.tags:
        return False
    if _joined_by_or(token) and any(c.dep_ == "conj" and c.pos_ == "VERB" for c in token.children):
        return True
    return token.dep_ == "conj" and token.head.pos_ == "VERB" and _joined_by_or(token.head)


def _in_the_past_tense(verb: Token) -> bool:
    """The verb, or an auxiliary of it, is in the past: "said", "was told", "had left"."""
    return verb.tag_ == "VBD" or any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in verb.children)


def is_a_reduced_condition(token: Token) -> bool:
    """ "seats cost $30 more when bought a week ahead": a participle with no subject or auxiliary
    after "when", on a clause not in the past, is a condition, no act done ("when asked, the mayor
    said" tells a question asked; "if convicted" and "once approved" are left to the rules of
    conditions)."""
    if token.tag_ != "VBN" or token.dep_ != "advcl" or any(
            c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in token.children):
        return False
    return any(c.dep_ in {"mark", "advmod"} and c.lower_ in typed_table().reduced_conditions for c in token.children) \
        and not _in_the_past_tense(_first_conjunct(token.head))


def _a_future_verb(verb: Token | None) -> bool:
    """ "will vote", "shall be held", "won't reopen": a verb with an auxiliary of the future and no
    "have" ("will have to pay" is an obligation, ``is_left_undone``'s)."""
    if verb is None or verb.pos_ not in {"VERB", "AUX"}:
        return False
    auxiliaries = _auxiliaries_of_either_voice(verb)
    return bool(auxiliaries & steps_not_yet_done().told_in_the_future.auxiliaries) and "have" not in auxiliaries


def is_told_in_the_future(token: Token) -> bool:
    """ "the board will vote on Tuesday", "a public hearing will be held in May", "the club will hold
    a hearing", "will print the flyers and hand them out": an act told in the future is still to
    come, however firm its day (the verb, a bare verb joined to it or completing it, or an event
    noun that is the subject or object of one)."""
    if token.pos_ in {"VERB", "AUX"}:
        return _a_future_verb(_verb_carrying_the_tense(token))
    return token.pos_ in {"NOUN", "PROPN"} and token.dep_ in steps_not_yet_done().told_in_the_future.noun_links \
        and token.head.pos_ in {"VERB", "AUX"} and _a_future_verb(_verb_carrying_the_tense(token.head))


def is_a_step_set(token: Token) -> bool:
    """ "the town scheduled two meetings for May", "direct talks were scheduled", "set a meeting for
    Friday", "arranged talks for tomorrow": an event noun that a verb of setting takes as its object
    (or its passive as its subject) is still to come; the setting is the act told. "set" and
    "arrange" only with a "for" phrase of the time ("set bail at $500", "set off an explosion": acts)."""
    if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ not in {"dobj", "nsubjpass"} or token.head.pos_ != "VERB":
        return False
    verb, setting = token.head, steps_not_yet_done().set
    lemma = verb.lemma_.lower()
    if lemma in setting.verbs:
        return True
    return lemma in setting.verbs_with_for and not any(c.dep_ == "prt" for c in verb.children) \
        and any(c.dep_ == "prep" and c.lower_ == "for" and any(o.ent_type_ in {"DATE", "TIME"} for o in c.subtree)
                for c in (*verb.children, *token.children))


def is_a_step_proposed(token: Token) -> bool:
    """ "the mayor proposed a summit of the three towns", "envoys are pushing urgent talks", "a merger
    was proposed": an event noun that a verb of proposing or pressing for takes as its object (or its
    passive as its subject), or a gerund it takes ("the team proposed moving"), is a step still to
    come, if ever; the proposing is the act told (steps_not_yet_done.proposed)."""
    if token.tag_ == "VBG" and token.dep_ in {"xcomp", "dobj"}:  # "the club proposed moving its games"
        return token.head.pos_ == "VERB" and token.head.lemma_.lower() in steps_not_yet_done().proposed.words
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    noun = token.head if token.dep_ == "conj" and token.head.pos_ in {"NOUN", "PROPN"} else token
    return noun.dep_ in {"dobj", "nsubjpass"} and noun.head.pos_ == "VERB" \
        and noun.head.lemma_.lower() in steps_not_yet_done().proposed.words


def _a_be_to(verb: Token) -> bool:
    """ "is to start", "remains to be set": a finite "be" or "remain" with an infinitive, active or passive."""
    words = steps_not_yet_done().be_to
    return verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() in words.verbs and verb.tag_ in words.tags \
        and any(c.dep_ == "xcomp" and _an_infinitive_of_either_voice(c) for c in verb.children)


def _an_infinitive_of_a_present_be(verb: Token) -> bool:
    """ "is to visit", "are to be sworn in": an infinitive, active or passive, completing a present
    "be" (steps_not_yet_done.be_to.infinitive_tags)."""
    words = steps_not_yet_done().be_to
    return verb.dep_ == "xcomp" and _an_infinitive_of_either_voice(verb) and verb.head.lemma_.lower() == "be" \
        and verb.head.tag_ in words.infinitive_tags


def is_a_step_to_be_taken(token: Token) -> bool:
    """ "the trial is to open on the fourth of May", "the date for the launch remains to be fixed": an event
    noun that is the subject of "be" or "remain" with an infinitive, or hangs on that subject by "for",
    is a step still to come (steps_not_yet_done.be_to; docs/judging.md, "Charges, plans and scheduled
    steps"); "the aim of the session was to explain the fee" (a purpose told, by "of") and "the
    trial started at noon" are left. So is the infinitive of a present "is" or "are" and its object
    ("the mayor is to visit the farms on Monday", "the guard is to be sentenced in May", "the envoy
    is to make a visit": a step set; a past "was to" may tell the future of a past that came)."""
    if token.pos_ in {"VERB", "AUX"}:
        return _an_infinitive_of_a_present_be(_first_conjunct(token))
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    if token.dep_ == "dobj" and token.head.pos_ == "VERB" and _an_infinitive_of_a_present_be(_first_conjunct(token.head)):
        return True  # "the envoy is to make a visit to the capital"
    noun = token
    if noun.dep_ == "pobj" and noun.head.lower_ in steps_not_yet_done().be_to.prepositions and noun.head.head.dep_ == "nsubj":
        noun = noun.head.head
    return noun.dep_ == "nsubj" and _a_be_to(noun.head)


def is_marked_still_to_come(token: Token) -> bool:
    """ "the planned rally", "their upcoming meetings", "at its next meeting": an event noun with a
    word of time to come on it."""
    return token.pos_ in {"NOUN", "PROPN"} and any(
        c.dep_ in {"amod", "compound"} and c.lower_ in steps_not_yet_done().marked_to_come.words for c in token.children)


def is_set_in_a_dated_present(token: Token) -> bool:
    """ "the trial resumes Monday", "a second hearing takes place at ten", "completes his term
    Friday": an event noun that is the subject or object of a verb in the plain present with a date
    or time of its own tells a step set (``_a_present_of_habit`` leaves such a verb, which is no
    habit; nor a headline's present, nor a verb of saying)."""
    if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ not in steps_not_yet_done().dated_present.words:
        return False
    verb = token.head
    words = typed_table()
    if verb.pos_ != "VERB" or not (verb.tag_ in words.present_habits.tags or _a_present_read_as_plain(verb)):
        return False
    if any(c.dep_ in {"aux", "auxpass", "ccomp"} for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    if lemma in words.present_habits.speech_verbs or lemma in attribution_cues().reporting_verbs:
        return False
    return _has_a_time_of_its_own(verb) and not _in_headline_style(verb)


def is_awaiting_a_step(token: Token) -> bool:
    """ "a lawsuit pending in the county court", "the merger, subject to approval by regulators": an event
    noun with "pending" after it, or "subject to" on it, waits on a step (docs/judging.md: a case
    pending is a standing state; the approval still to come)."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    awaiting = steps_not_yet_done().awaiting
    return any(c.i > token.i and c.lower_ in awaiting.marks_after and c.dep_ in {"amod", "acl", "advmod"}
               for c in token.children) or any(
        c.dep_ == "amod" and c.lower_ in awaiting.adjectives_with_to
        and any(p.dep_ == "prep" and p.lower_ == "to" for p in c.children) for c in token.children)


def is_the_occasion_of_an_act_not_done(token: Token) -> bool:
    """ "the council hopes to fill the seat at its April meeting": an event noun after "at" on a verb
    that is itself no event (hoped for, proposed, told in the future...) is an occasion still to come
    (steps_not_yet_done.occasions); "spoke at the meeting" tells the meeting too, and is left."""
    if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ != "pobj":
        return False
    preposition, verb = token.head, token.head.head
    return preposition.lower_ in steps_not_yet_done().occasions.words and verb.pos_ in {"VERB", "AUX"} \
        and reports_no_event(verb)


def is_the_purpose_of_an_act_not_done(token: Token) -> bool:
    """ "the county will pay for the repair of the bridge", "the hall may open for dances": an
    event noun after "for" on a verb that is itself no event (told in the future, possible, planned,
    a habit...) is what that act would be for, so no more done than it (non_events.yaml:
    purposes_of_acts_not_done); "the county paid for the repair" leaves the repair to the
    other rules."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    phrase = token.head if token.dep_ == "conj" and token.head.pos_ in {"NOUN", "PROPN"} else token
    if phrase.dep_ != "pobj":
        return False
    preposition, verb = phrase.head, phrase.head.head
    return preposition.lower_ in typed_table().purposes_of_acts_not_done.words \
        and verb.pos_ in {"VERB", "AUX"} and verb.i != preposition.i and reports_no_event(verb)


def _under_modals(verb: Token | None, modals: Words) -> bool:
    """The verb (or the verb its tense is carried by) has one of ``modals`` and no "have", and no
    word of a later time in its clause ("would later resign" tells the future of a past)."""
    verb = _verb_carrying_the_tense(verb) if verb is not None else None
    if verb is None:
        return False
    auxiliaries = _auxiliaries_of_either_voice(verb)
    return bool(auxiliaries & modals) and "have" not in auxiliaries \
        and not any(t.lower_ in typed_table().modal_descriptions.own_time_words for t in verb.subtree)


def _under_would(verb: Token | None) -> bool:
    """The verb (or the verb its tense is carried by) has "would" or "'d" and no "have", and no word of
    a later time in its clause."""
    return _under_modals(verb, typed_table().hypotheses.auxiliaries)


def is_a_hypothesis(token: Token) -> bool:
    """ "a guard would be fired for that", "the mayor said he would hold a news conference": a verb with
    "would" (or "'d") and no "have" tells what would happen, on a condition said or not, or what
    someone meant to do, no act done, and so does the event noun that one of hypotheses.carriers
    takes as its object (the holding is the conference). With "later", "eventually", "soon" or
    "then" in its clause it tells the future of a past ("the rebels would later attack the capital":
    they did), left; so is the object of any other verb ("would never forget the raid")."""
    if token.pos_ in {"VERB", "AUX"}:
        return _under_would(token)
    noun = token.head if token.dep_ == "conj" and token.head.pos_ in {"NOUN", "PROPN"} else token
    if token.pos_ not in {"NOUN", "PROPN"} or noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return False
    return noun.head.lemma_.lower() in typed_table().hypotheses.carriers and _under_would(noun.head)


def is_in_the_subject_of_what_would_be(token: Token) -> bool:
    """ "the reopening of the market would draw crowds", "talks should resume after the harvest", "buses
    on the new line would stop at the school": an event noun in the subject of a verb with "would",
    "should" or "'d" and no "have" is as open as its verb (what would or should happen, no act done),
    the subject itself or a noun after one of subjects_of_what_would_be.prepositions in its phrase.
    With "later", "eventually", "soon" or "then" in the verb's clause it tells the future of a past
    ("the trial would later resume"), left; so is a noun after any other preposition ("the money from
    the sale would pay for books": the sale may have been held), a noun with a date of its own ("the
    indictment last Tuesday would not change her plans": told as done), and the subject of an active
    verb with a date or time of its own ("the storm would bypass the town on Tuesday": a happening
    under way, forecast; the subject of a passive is the act itself, still to come however firm its
    day: "charges would be filed next week")."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    words = typed_table()
    node = token
    for _ in range(4):  # up the subject's phrase: "line" -> on -> buses (the subject)
        if node.dep_ in {"nsubj", "nsubjpass"}:
            break
        if node.dep_ == "pobj" and node.head.lower_ not in words.subjects_of_what_would_be.prepositions:
            return False
        if node.dep_ not in {"pobj", "prep", "compound", "conj"} or node.head.i == node.i:
            return False
        node = node.head
    else:
        return False
    verb = node.head
    if verb.pos_ not in {"VERB", "AUX"} or node.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    if any(t.ent_type_ in {"DATE", "TIME"} for t in token.subtree):
        return False  # "the indictment of her deputy last Tuesday would not change her plans": dated, told
    if node.dep_ == "nsubj" and _has_a_time_of_its_own(verb):
        return False  # "the storm would bypass the town on Tuesday": a thing under way, forecast
    # (the verb has a subject, so it carries its own tense: _under_modals reads it as it is)
    return _under_modals(verb, words.subjects_of_what_would_be.auxiliaries)


def is_a_step_still_to_come(token: Token) -> bool:
    """A step still to come, however firm its day (docs/judging.md, "Charges, plans and scheduled
    steps"; non_events.yaml steps_not_yet_done): told in the future, set, marked as planned or
    upcoming, dated in the present, or a deliberation a thing is handed on for. (What a participle
    of setting governs, "is set to move", is ``is_not_yet``'s, read up the governing words.)"""
    return is_told_in_the_future(token) or is_a_step_set(token) or is_a_step_proposed(token) or is_marked_still_to_come(token) \
        or is_a_step_to_be_taken(token) \
        or is_set_in_a_dated_present(token) or is_a_step_still_pending(token) or is_awaiting_a_step(token) \
        or is_the_occasion_of_an_act_not_done(token)


def _an_infinitive_of_going(verb: Token) -> bool:
    """ "is going to sue", "was going to do": an infinitive completing "going" after "be"."""
    going = verb.head
    return verb.dep_ == "xcomp" and _an_infinitive_of_either_voice(verb) \
        and going.lower_ in typed_table().futures_of_going.words \
        and any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in going.children)


def is_going_to_happen(token: Token) -> bool:
    """ "he said he is going to sue the county", "the rebels were going to sign the truce", "he was
    going to burn the barn": what someone is or was going to do (the infinitive on "going" after
    "be", a bare verb joined to it, and its object) is a plan or a future told, no act done
    (non_events.yaml: futures_of_going; "was going to the store" is a journey: no infinitive)."""
    if token.pos_ in {"VERB", "AUX"}:
        return _an_infinitive_of_going(_first_conjunct(token))
    return token.pos_ in {"NOUN", "PROPN"} and token.dep_ == "dobj" and token.head.pos_ == "VERB" \
        and _an_infinitive_of_going(_first_conjunct(token.head))


def is_offered_for(token: Token) -> bool:
    """ "old maps are available for purchase", "cabins available for rent": an event noun after "for" on
    one of offered_for.adjectives names what may be done with a thing on offer, no act."""
    return token.pos_ in {"NOUN", "PROPN"} and token.dep_ == "pobj" and token.head.lower_ == "for" \
        and token.head.head.lower_ in typed_table().offered_for.words


def is_a_kind_described(token: Token) -> bool:
    """ "early hearings are when the accused learn the charges", "the visits are a lifeline", "the
    reason for the light are the accidents at the corner": a plural event noun, the subject or the
    attribute of a plain present "are", describes a kind of act, no one act (non_events.yaml:
    kinds_described); not with a word that singles events out or a time ("the arrests are the first
    since May", "the raids are the latest in a month": the acts told), nor on a noun that points back
    ("these arrests are part of a crackdown")."""
    words = typed_table().kinds_described
    if token.tag_ != "NNS" or token.dep_ not in words.links:
        return False
    verb = token.head
    if verb.lemma_.lower() != "be" or verb.tag_ not in words.tags \
            or any(c.dep_ in {"aux", "auxpass", "neg"} for c in verb.children):
        return False
    if any(c.dep_ in {"det", "predet"} and c.lower_ in words.pointing_determiners for c in token.children):
        return False
    return not any(t.lower_ in words.singling_words or t.ent_type_ in {"DATE", "TIME", "ORDINAL"} for t in verb.subtree)


def is_a_standing_practice(token: Token) -> bool:
    """ "the chain has a policy of moving its shops", "breeders who spend their summers traveling
    between fairs": a gerund after "of" on a noun of practice, or on a verb of spending with a recurring stretch
    of time as its object, tells what is done as a rule, no one act (non_events.yaml: standing_practices)."""
    if token.tag_ != "VBG":
        return False
    words = typed_table().standing_practices
    if token.dep_ == "pcomp" and token.head.lower_ == "of":
        return token.head.head.lemma_.lower() in words.nouns
    verb = token.head
    return token.dep_ in {"xcomp", "advcl", "dep", "ccomp"} and verb.lemma_.lower() in words.spending_verbs and any(
        c.dep_ == "dobj" and (c.lower_ in words.spans or c.lemma_.lower() in words.spans_in_the_singular)
        for c in verb.children)


def reports_no_event(token: Token) -> bool:
    """Whether the trigger word is a state (or an activity that is the setting of another act), a
    gesture, a tally, a charge's name, a practice, a class of people or things, what is not yet
    done or only proposed, suggested or let happen, a possibility (or a verb joined to one, or what
    a person or thing would do), a habit over a stretch of time or in the simple present, what is
    done without, has not been done for a while or is still to be done, what money is asked for, a figure of speech, a deliberation a thing is sent on for, a quality (flood-resistant), the noun of a counterfactual, an order in a quotation, what an office does, a
    figure of trade or one that rises or falls (fell 12 percent), what a rewarded tip would lead to, what someone says will or would happen, an
    act that hangs on a condition, a present passive of habit, what is hard or easy to do, an event
    noun told as recurring, what a decision, a deal or a promise holds, an act denied (did not,
    not to), a standing duty (responsible for, in charge of), what a purpose or a cause is (the aim
    is to, to blame), a manner (in cooperation with), a photo credit (Supplied photo), or an activity
    named as the subject of a present "is" (visiting the farms is the best part), what a failure or
    a refusal names (failure to return a truck), what is demanded in the subjunctive or called for
    (calls for the army to withdraw), an -ing adjective (a consulting firm), a verb marked
    "possibly", a kind of event judged common or rare (robberies are common), the act of a
    yes-or-no question, one of two acts joined by "or" (stealing or receiving), or a participle of
    condition (when bought at the door); what a gerund after a word of wanting names (interest in
    buying), an act set "in the future", or what someone agreed, decided, offered or negotiated to do
    (agreed to cooperate), the theme of a story, a rumour or a treaty (the story of a flight), a near miss (came close to
    winning), a step still to come (will vote, scheduled meetings, the planned rally, the trial resumes Monday),
    an act counted at a rate (six fires a day), an example of a kind (events such as parades), a
    state that remains (remains hospitalized), what would happen (a guard would be fired), what an act
    not done is for (will pay for the repair), what is likely or what one is unfit to undergo (likely
    to be injured, incompetent to stand trial), what happens as a rule (rarely filled) or a step
    proposed (proposed a summit), a standing request (visitors are asked to park), a word of a name
    (the town of Hurricane), what someone is going to do (was going to sue), what a thing on offer
    is available for (available for purchase), a kind of act described (early hearings are when) or a
    standing practice (a policy of moving, spend their summers traveling), what an act is for or what someone is
    kept from (in order to pay, kept the goats from straying) or a participle clause on a verb that tells no act
    done (will dock at noon, bringing the tourists), a standing offer (the museum offers tours), a
    pastime (enjoyed gardening), a word in a sense that names a thing (the surrounding towns,
    refuse collection), an event noun in the subject of what would or should be (the reopening
    would help, talks should resume), what a thing shows or calls for (records show, the grant called
    for), a legal state told in the present (is serving a sentence, faces charges, is being held) or a
    belief about how things stand (believes the tax is unfair). What is planned, wanted or hoped in the present, or readied for, is
    ``is_not_yet``'s."""
    return is_a_state(token) or is_a_gesture(token) or is_a_tally(token) or is_a_charge_name(token) \
        or is_a_practice(token) or is_a_described_class(token) or is_not_yet(token) or is_a_possibility(token) \
        or under_a_counterfactual(token) or is_a_quoted_order(token) or is_an_office(token) \
        or is_a_trade_figure(token) or is_a_changing_figure(token) or is_a_rewarded_outcome(token) \
        or is_a_modal_conjunct_or_description(token) or is_a_habit_over_time(token) \
        or is_a_present_habit(token) or is_left_undone(token) or is_denied_for_a_while(token) \
        or is_still_to_be_done(token) or is_what_funds_are_sought_for(token) or is_a_figure_of_speech(token) \
        or is_a_quality(token) or is_a_reported_future(token) \
        or is_a_conditional_consequence(token) or is_a_present_passive_of_habit(token) \
        or is_under_a_difficulty(token) or is_a_frequent_kind(token) or is_what_an_intention_holds(token) \
        or is_a_denied_act(token) or is_a_standing_duty(token) or is_a_purpose_or_cause_told(token) \
        or is_a_manner(token) or is_a_photo_credit(token) or is_an_activity_judged(token) \
        or is_a_failure_named(token) or is_demanded(token) or is_called_for(token) \
        or is_a_participle_adjective(token) or is_marked_possible(token) or is_a_kind_judged_common(token) \
        or is_asked(token) or is_one_of_alternatives(token) or is_a_reduced_condition(token) \
        or is_a_wanted_gerund(token) or is_set_in_the_future(token) or is_what_is_agreed_or_decided(token) \
        or is_the_theme_of_a_text(token) or is_a_near_miss(token) or is_a_step_still_to_come(token) \
        or is_a_position_held(token) or is_told_at_a_rate(token) or is_an_example_of_a_kind(token) \
        or is_a_state_that_remains(token) or is_the_word_that_sets_a_step(token) \
        or is_a_hypothesis(token) or is_the_purpose_of_an_act_not_done(token) or is_under_a_likelihood(token) \
        or is_a_habit_told_by_an_adverb(token) or is_a_standing_request(token) or is_a_word_of_a_name(token) \
        or is_going_to_happen(token) or is_offered_for(token) or is_a_kind_described(token) \
        or is_a_standing_practice(token) or is_a_purpose_or_a_prevented_act(token) \
        or is_a_participle_of_an_act_not_done(token) or is_a_standing_offer(token) or is_a_pastime(token) \
        or is_a_thing_sense(token) or is_in_the_subject_of_what_would_be(token) \
        or is_what_a_thing_holds(token) or is_a_legal_state(token) or is_a_belief_about_a_state(token)


def _words_before(word: Token, count: int) -> str:
    """The ``count`` words right before this one, in lower case, joined by spaces ("" near the start)."""
    return " ".join(t.lower_ for t in word.doc[word.i - count:word.i]) if word.i >= count else ""


def _follows_one_of(word: Token, phrases: frozenset[str]) -> bool:
    return any(_words_before(word, len(phrase.split())) == phrase for phrase in phrases)


def _a_purpose_or_a_prevention_at(verb: Token) -> bool:
    """The verb is an infinitive after a phrase of purpose ("in order to pay"), a gerund after one
    ("with the intent of robbing"), or a gerund after "from" on a verb of keeping ("kept them from
    straying")."""
    words = typed_table().purposes_and_preventions
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to" and c.i < verb.i), None)
    if to is not None:
        return _follows_one_of(to, words.before_an_infinitive)
    if verb.tag_ != "VBG":
        return False
    if verb.dep_ == "pcomp" and verb.head.lower_ == "from" and verb.head.head.pos_ in {"VERB", "AUX"} \
            and is_one_of(verb.head.head, words.keeping_verbs):
        return True
    return _follows_one_of(verb, words.before_a_gerund)


def is_a_purpose_or_a_prevented_act(token: Token) -> bool:
    """ "sold the barn in order to pay the debts", "bought a rifle with the intent of robbing a
    bank", "locked the gate to keep the cattle from straying": what an act is for, or what someone is
    kept from, is told as meant or prevented, not done (non_events.yaml: purposes_and_preventions);
    the trigger is the infinitive or the gerund, a bare verb joined to it or completing it ("in
    order to help feed the family"), or the object of one of them ("in a bid to hold talks")."""
    verb = token
    if token.pos_ in {"NOUN", "PROPN"}:
        if token.dep_ not in {"dobj", "nsubjpass"} or token.head.pos_ not in {"VERB", "AUX"}:
            return False
        verb = token.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    for _ in range(4):
        if _a_purpose_or_a_prevention_at(verb):
            return True
        if verb.dep_ not in {"conj", "xcomp"} or verb.head.pos_ not in {"VERB", "AUX"}:
            return False
        verb = verb.head
    return False


def _no_act_done_by_its_mood(verb: Token) -> bool:
    """The verb tells no act done by its mood or aspect: told in the future or set, planned or
    wanted, possible, hypothetical, reported as to come, hanging on a condition, a habit or a
    rate (not a denial: "was not fined, though paying the fee" tells the paying)."""
    return is_a_step_still_to_come(verb) or is_not_yet(verb) or is_a_possibility(verb) or is_a_hypothesis(verb) \
        or is_going_to_happen(verb) or is_a_reported_future(verb) or is_a_conditional_consequence(verb) \
        or is_a_present_habit(verb) or is_a_habit_told_by_an_adverb(verb) or is_a_habit_over_time(verb) \
        or is_what_an_intention_holds(verb) or is_what_is_agreed_or_decided(verb) or is_told_at_a_rate(verb)


def is_a_participle_of_an_act_not_done(token: Token) -> bool:
    """ "the ferry will dock at noon, bringing the first tourists", "the monks have always kept
    apart, refusing to take sides": a participle clause with no subject, auxiliary or opening word
    of its own tells an act of the same subject at the same time as the verb it hangs on; when that
    verb tells no act done by its mood (``_no_act_done_by_its_mood``), neither does the participle
    or its object (non_events.yaml: participles_of_acts_not_done). Not after a possessive or an
    object pronoun ("led to him pleading guilty": a gerund with a subject of its own)."""
    verb = token
    if token.pos_ in {"NOUN", "PROPN"}:
        if token.dep_ != "dobj":
            return False
        verb = token.head
    words = typed_table().participles_of_acts_not_done
    if verb.pos_ != "VERB" or verb.tag_ not in words.tags or verb.dep_ not in words.links:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark"} for c in verb.children):
        return False
    if verb.i > 0 and verb.doc[verb.i - 1].tag_ in {"PRP", "PRP$"}:
        return False
    return verb.head.pos_ in {"VERB", "AUX"} and _no_act_done_by_its_mood(verb.head)


def _a_present_offer(verb: Token) -> bool:
    """A verb of offering in the present: "offers", "are offered", or a participle whose clause is
    not in the past ("airlines offering daily flights provide ..."; not "were offering", nor a
    participle on a past verb: "volunteers offering food arrived on Monday")."""
    words = typed_table().standing_offers
    if verb.lemma_.lower() not in words.verbs:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if verb.tag_ in words.present_tags:
        return not any(a.tag_ in words.past_tags for a in auxiliaries)
    if verb.tag_ == "VBN":
        return any(a.dep_ == "auxpass" and a.tag_ in words.present_tags for a in auxiliaries) \
            and not any(a.tag_ in words.past_tags or a.dep_ == "aux" for a in auxiliaries)
    if verb.tag_ != "VBG" or auxiliaries and not all(a.tag_ in words.present_tags for a in auxiliaries):
        return False
    node = verb
    for _ in range(6):  # the finite verb above a bare participle sets its time
        if node.head.i == node.i:
            return True
        node = node.head
        if node.tag_ in words.past_tags or node.tag_ == "MD":
            return False
        if node.tag_ in words.present_tags:
            return True
    return True


def is_a_standing_offer(token: Token) -> bool:
    """ "the museum offers guided tours", "victims are offered counselling", "airlines offering daily
    flights", "offers boat trips leaving from the pier": an event noun a verb of offering in the
    present takes (its object, or the subject of its passive), or a participle on such a noun, is
    what is on offer, no one act (non_events.yaml: standing_offers); "the city offered aid on Monday"
    tells an act of offering."""
    noun = token
    if token.tag_ == "VBG" and token.dep_ == "acl":
        noun = token.head
    elif token.pos_ != "NOUN":
        return False
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    return noun.pos_ == "NOUN" and noun.dep_ in {"dobj", "nsubjpass"} and _a_present_offer(noun.head)


def is_a_pastime(token: Token) -> bool:
    """ "she enjoyed gardening", "he misses fishing with his son", "nothing is better than hiking in
    May": an -ing word as the complement of a verb of liking, or after "than" on "better", names a
    pastime, no one act (non_events.yaml: pastimes); "enjoyed a day at the fair" is a noun, left."""
    words = typed_table().pastimes
    verb = token
    while verb.dep_ == "conj" and verb.tag_ == "VBG" and verb.head.i != verb.i:
        verb = verb.head
    if verb.tag_ != "VBG":
        return False
    head = verb.head
    if verb.dep_ in {"xcomp", "dobj", "ccomp"} and head.pos_ == "VERB" and head.lemma_.lower() in words.verbs:
        return True
    return verb.dep_ in {"pcomp", "pobj"} and head.lower_ == "than" and head.head.lower_ in words.comparatives


def is_a_thing_sense(token: Token) -> bool:
    """ "the surrounding towns", "by surrounding states", "regular refuse collection": one of the
    words in the slot of an adjective or a noun (after a determiner, an adjective, a preposition, a
    conjunction, a number, an owner or a main verb, and before a noun, or right after a determiner)
    names a thing, no act (non_events.yaml: thing_senses); "troops surrounding the town", "they refuse
    help" have their subject or an auxiliary before them."""
    words = typed_table().thing_senses
    if token.lower_ not in words.words or token.i == 0 or token.i + 1 >= len(token.doc):
        return False
    before, after = token.doc[token.i - 1], token.doc[token.i + 1]
    # "had" before a bare form is no auxiliary of it: "had refuse piles"
    main_verb = before.pos_ in {"VERB", "AUX"} and before.lower_ != "to" and (
        before.dep_ not in {"aux", "auxpass"} or before.lemma_.lower() == "have" and token.tag_ == "VB")
    slot = before.pos_ in words.before or before.tag_ in words.owner_tags or main_verb
    return slot and (after.pos_ in words.after or before.pos_ == "DET")


def _a_thing(subject: Token, words: ContentsOfThings) -> bool:
    """A subject that names a thing: a common noun no list of people or bodies holds (people_nouns,
    group_nouns, contents_of_things.bodies) and no name of a person, a body or a place; a plural proper
    noun first in its sentence and no name ("Records show": a common noun capitalised there); or a
    pronoun that stands for a thing ("it")."""
    if subject.pos_ == "PRON":
        return subject.lower_ in words.pronouns
    if subject.pos_ == "PROPN":
        if not (subject.tag_ in words.capitalised_tags and subject.i == subject.sent.start and not subject.ent_type_):
            return False
    elif subject.pos_ != "NOUN":
        return False
    lemma = subject.lemma_.lower()
    return not ({lemma, subject.lower_} & (people_nouns() | group_nouns() | words.bodies)) \
        and subject.ent_type_ not in words.person_entities


def is_what_a_thing_holds(token: Token) -> bool:
    """ "records show that the fee rose", "the vote showed how fast the board can act", "the grant called
    for two trucks": a verb of content whose subject is a thing tells what the thing holds or makes plain,
    no act (non_events.yaml: contents_of_things); "the mayor called for calm" is an act, "the report said"
    a statement. The subject is the verb's own, or the noun the parser hung the finite verb on ("the
    project called for ..." read as a participle on "project")."""
    words = typed_table().contents_of_things
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in words.verbs:
        return False
    needed = words.particles.get(lemma)
    if needed and not any(c.lower_ in needed for c in token.children):
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None and token.dep_ == "acl" and token.tag_ in words.finite_tags \
            and token.head.pos_ in {"NOUN", "PROPN"}:
        subject = token.head
    return subject is not None and _a_thing(subject, words)


def reports_no_statement(verb: Token) -> bool:
    """Whether a verb that reports content tells no one's saying: what a thing shows or calls for
    ("records show that ...") or a belief about how things stand ("he believes the tax is unfair")
    (dateline.events reads no STATEMENT at it; the event words are ``reports_no_event``'s)."""
    return is_what_a_thing_holds(verb) or is_a_belief_about_a_state(verb)


def _in_the_present(verb: Token, tags: frozenset[str]) -> bool:
    """The verb is in the simple present ("faces"), or an -ing after a present "be" ("is facing")."""
    return verb.tag_ in tags or verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "be" and c.tag_ in tags for c in verb.children)


def is_a_legal_state(token: Token) -> bool:
    """ "is serving a sentence", "faces two charges", "is being held in the county jail": a state a person
    is in under a legal step, told in the present, no act (non_events.yaml: legal_states; docs/judging.md,
    stop 51); "served two years", "was charged", "was held" tell acts."""
    words = typed_table().legal_states
    if token.pos_ == "NOUN":
        phrase = token
        while phrase.dep_ == "conj" and phrase.head.i != phrase.i:  # "faces a theft charge and two counts"
            phrase = phrase.head
        verb = phrase.head
        return phrase.dep_ == "dobj" and token.lemma_.lower() in words.objects.get(verb.lemma_.lower(), ()) \
            and _in_the_present(verb, words.present_tags)
    if token.tag_ != "VBN" or token.lemma_.lower() not in words.held_verbs:
        return False
    auxiliaries = [c for c in token.children if c.dep_ in {"aux", "auxpass"}]
    return any(c.dep_ == "auxpass" for c in auxiliaries) and all(c.lemma_.lower() == "be" for c in auxiliaries) \
        and any(c.tag_ in words.present_tags for c in auxiliaries)


def is_a_belief_about_a_state(token: Token) -> bool:
    """ "he believes the demand for loans is on the rise": a verb of believing with a clause whose own
    verb is "be" tells an opinion about how things stand, no act (non_events.yaml: beliefs_about_states);
    "believes the dogs were poisoned" (a passive) and "believes the trade will grow" are left."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in typed_table().beliefs_about_states.words:
        return False
    clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
    return clause is not None and clause.lemma_.lower() == "be" and not any(c.dep_ == "auxpass" for c in clause.children)


def _a_rate_phrase(word: Token, determiners: frozenset[str] | None = None) -> bool:
    """ "each day", "a year", "every month": a unit of time counted by a determiner of rate and
    nothing else ("a day after the election", "a year ago", "a few hours" place or measure acts)."""
    words = typed_table().rates
    if word.lemma_.lower() not in words.units:
        return False
    after = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else word
    if any(c.dep_ != "det" for c in word.children) or word.head.lower_ in words.after_a_span \
            or after.lower_ in words.after_a_span:
        return False
    if word.dep_ == "npadvmod" and word.left_edge.i > 0 and word.doc[word.left_edge.i - 1].pos_ == "ADP":
        return False  # "trapped for an hour", read by the parser as a bare "an hour": a stretch
    return any(c.lower_ in (determiners or words.determiners) for c in word.children)


def _rates_on(node: Token) -> bool:
    """A rate phrase on this word: as its own phrase ("six fires a day", "floods kill hundreds a
    year"), after "per" ("fires per week"), "year round", or after "of" on a day it names ("on the
    first Friday of each month")."""
    words = typed_table().rates
    for child in node.children:
        if child.dep_ == "npadvmod" and _a_rate_phrase(child):
            return True
        if child.dep_ == "advmod" and child.lower_ in words.round_words and any(
                c.dep_ == "npadvmod" and c.lower_ == "year" and not list(c.children) for c in child.children):
            return True
        if child.dep_ != "prep":
            continue
        for obj in (c for c in child.children if c.dep_ == "pobj"):
            if child.lower_ in words.prepositions and obj.lemma_.lower() in words.units and not list(obj.children):
                return True
            if any(g.dep_ == "prep" and g.lower_ == "of" and any(_a_rate_phrase(o, words.each) for o in g.children
                                                                 if o.dep_ == "pobj") for g in obj.children):
                return True
    return False


def is_told_at_a_rate(token: Token) -> bool:
    """ "floods kill hundreds a year", "the clinic logs about six rescues each day", "tenants may
    drop off paint on the second Friday of each month": an act counted per day, week or year is a
    rate or a routine, no one event (docs/judging.md: many, no one event); the rate may be on the
    trigger or on the verb whose subject or object it is."""
    verb = token
    if token.pos_ in {"NOUN", "PROPN"}:
        if _rates_on(token):
            return True
        if token.dep_ not in {"nsubj", "dobj", "nsubjpass"} or token.head.pos_ not in {"VERB", "AUX"}:
            return False
        verb = token.head
    # on the verb, or on its object ("floods kill hundreds of people a year": the parser may hang
    # the rate on "hundreds")
    return _rates_on(verb) or any(c.dep_ == "dobj" and _rates_on(c) for c in verb.children)


def is_a_state_that_remains(token: Token) -> bool:
    """ "the driver remains hospitalized after the crash", "he may have to stay jailed for weeks": a
    participle after "remain" or "stay" tells a standing state at the report (docs/judging.md: held
    in jail, on bail), no act (the taking to hospital or the jailing that began it is one); kept
    with a day of its own on the verb ("remained hospitalized Sunday": the state reported on a day)."""
    if token.tag_ not in {"VBN", "JJ"}:
        return False
    verbs = typed_table().standing_states.words
    if token.dep_ in {"acomp", "xcomp", "oprd"} and is_one_of(token.head, verbs):
        verb = token.head
    elif any(c.dep_ in {"auxpass", "aux"} and is_one_of(c, verbs) for c in token.children):
        verb = token  # "remains hospitalized", parsed as a passive
    else:
        return False
    return not any(c.ent_type_ in {"DATE", "TIME"} and c.dep_ in {"npadvmod", "advmod"}
                   for word in {verb, token} for c in word.children)


def is_an_example_of_a_kind(token: Token) -> bool:
    """ "fairs such as parades, dances and auctions", "all kinds of shows and meetings", "rallies like
    marches": an event noun with no article, number or owner listed as an example of a kind (after
    "such as", "like" on a plural, or "of" on "kind", "type" or "sort"), no one event."""
    if token.pos_ != "NOUN" or any(c.dep_ in {"det", "nummod", "poss"} for c in token.children):
        return False
    words = typed_table().examples_of_a_kind
    node = token
    while node.dep_ == "conj":
        node = node.head
    if node.dep_ != "pobj":
        return False
    preposition = node.head
    if preposition.lower_ in words.such_as and (preposition.head.lower_ == "such" or any(
            c.lower_ == "such" for c in preposition.children)):
        return True
    if preposition.lower_ in words.like and preposition.head.tag_ in {"NNS", "NNPS"}:
        return True
    return preposition.lower_ == "of" and preposition.head.lemma_.lower() in words.kind_nouns


def not_yet_complement(trigger: Token) -> set[int]:
    """ "threatened to bomb the dam": the words of what a threat or a need is about, which are
    no event of their own (``is_not_yet``) and whose places are not where the threat was made."""
    if trigger.lemma_.lower() not in typed_table().not_yet_verbs:
        return set()
    return {t.i for child in trigger.children if child.dep_ in {"xcomp", "ccomp"} for t in child.subtree}


# --- the learned filter ---------------------------------------------------------------------------
# The rules above name narrow constructions; the filter below weighs general features of every
# extracted event (dateline.events.non_event_features) by a logistic model fitted on the judged
# tuning samples (python -m dateline.eval.non_event_train), and drops an event whose probability of
# being no event reaches the model's threshold.

FILTER_FILE = Path(__file__).with_name("models") / "non_event_filter.json"


class FilterError(ValueError):
    """A filter file that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class NonEventFilter:
    """``bias + sum(weight * feature)``, squashed to 0-1: the probability that an event is none."""

    weights: Mapping[str, float]
    bias: float
    threshold: float
    about: Mapping[str, object] = field(default_factory=dict)

    def probability(self, values: Mapping[str, float]) -> float:
        score = self.bias + sum(weight * values.get(name, 0.0) for name, weight in self.weights.items())
        return 1.0 / (1.0 + math.exp(-score))

    def to_dict(self) -> dict:
        return {"about": dict(self.about), "threshold": self.threshold, "bias": self.bias, "weights": dict(self.weights)}

    @classmethod
    def load(cls, path: Path = FILTER_FILE) -> NonEventFilter:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]),
                       float(data["threshold"]), dict(data.get("about", {})))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            raise FilterError(f"{path}: cannot read the non-event filter ({error!r})") from None


@lru_cache(maxsize=1)
def learned_filter() -> NonEventFilter:
    return NonEventFilter.load()


def without_crimes_named_only_by_a_charge(events: list[Event], doc: Doc) -> list[Event]:
    """The events but the crimes the text names only as what a charge, an accusation or a suit
    says (``is_a_crime_named_by_a_charge``). The trigger stays one to the grammar (a charge's
    crime is an event of its own there, ``triggers.Cue.own_event``: the roles and days of the
    charge read it); it leaves only the article's list, beside the learned filter."""
    kept = []
    for event in events:
        token = trigger_token(event, doc)  # the trigger's head word, as the learned filter reads it
        if token is None or not is_a_crime_named_by_a_charge(token):
            kept.append(event)
    return kept


def without_learned_non_events(events: list[Event], doc: Doc, published: date | None = None) -> list[Event]:
    """The events the learned filter keeps (its features read each event's record and parse, and
    the day of the report: an event dated after it is still to come)."""
    model = learned_filter()
    starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    kept = []
    for event in events:
        at = event.trigger.start if event.trigger is not None else 0
        values = event_features(event, doc, bisect_right(starts, at) - 1, published)
        if model.probability(values) < model.threshold:
            kept.append(event)
    return kept
