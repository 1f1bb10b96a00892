"""Events: who did what to whom, when, where, how many, and who says so.

``extract_events`` turns one parsed article, with the records of the earlier stages (timexes,
places, mentions, entities), into event records, one per trigger clause. Every field keeps the
span of the words it came from; an event that is only weakly supported is kept with a low
confidence and a note saying why, never dropped.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spacy.symbols import VERB
from spacy.tokens import Doc, Span as SpacySpan, Token

from dateline.config import SETTINGS
from dateline.events.lead_acts import lead_act_trigger
from dateline.events.dating import (
    CARRIED_NOTE,
    INHERITED_NOTE,
    a_body_decided,
    a_speakers_own_gathering,
    acts_dated_by_a_summing_sentence,
    acts_dated_by_another_telling,
    day_on_an_occasion_noun,
    lead_acts_dated_by_the_body,
    lead_of,
    names_an_appearance,
    names_the_occasion,
    news_lead,
    nouns_leave_the_report_day,
    statements_dated_by_the_speakers_report,
    statements_on_the_leads_day,
    story_timexes,
)
from dateline.events.draft import Draft, reporting_verb, speaker_key
from dateline.events.event_date import EventDateReading, read_event_date
from dateline.events.event_place import EventPlaceReading, followed_by_a_seat_word, read_event_places
from dateline.events.report_day import REPORT_DAY_BY_DEFAULT, acts_without_the_report_day
from dateline.events.non_events import (reports_no_statement, without_crimes_named_only_by_a_charge,
                                        without_learned_non_events)
from dateline.events.told_parties import doers_of_another_telling, parties_of_an_earlier_telling
from dateline.events.placing import (Told, acts_at_someones_home, acts_of_a_local_body_at_home,
                                     acts_placed_by_a_later_telling, acts_placed_by_a_bodys_town,
                                     acts_placed_by_an_earlier_act_of_the_kind, ends_a_name,
                                     is_origin, names_a_known_place, names_a_venue, names_an_office)
from dateline.events.attribution import attribution_of, modality_of, reporting_frames
from dateline.events.quantities import quantities_with_anchors
from dateline.events.setting import Setting, acts_set_by_a_local_body, story_setting
from dateline.events.acled_coding import AcledQuestion, AcledReading, read_acled
from dateline.events.arguments import (
    ActorReading,
    EventDate,
    MentionIndex,
    Participants,
    timex_range,
    read_actor,
    read_participants,
    sentence_span,
    token_span,
)
from dateline.events.triggers import (
    Cue,
    Lexicon,
    Trigger,
    clause_tokens,
    find_triggers,
    load_lexicon,
    match_cue,
    type_in_context,
)
from dateline.model import Actor, Article, Attribution, Entity, Event, Mention, Place, Quantity, Span, Timex
from dateline.nlp import ents_within, per_sentence, text_of
from dateline.entities.lexicon import default_lexicon as entity_lexicon, phrase_key
from dateline.time import date_of_sentence

__all__ = ["EventReadings", "explain_events", "extract_events", "event_id", "read_arguments_at"]

LOW_CONFIDENCE = SETTINGS.events.low_confidence
# a clause shorter than this many words ("casualties", "the blast") tells the classifier too
# little: it reads the whole sentence instead
CLASSIFIER_MIN_WORDS = SETTINGS.events.classifier_min_words
VIOLENT_TYPES = {"ASSAULT", "COERCE"}


def event_id(article_id: str, trigger: Span, event_type: str) -> str:
    """Stable across runs: the same article, trigger words and type give the same id."""
    digest = hashlib.sha256(f"{article_id}:{trigger.start}:{trigger.end}:{event_type}".encode()).hexdigest()
    return f"ev-{digest[:16]}"


def _date_of_sentence(sentence: SpacySpan, timexes: list[Timex], dct: date | None) -> Timex | None:
    return date_of_sentence(sentence, timexes, dct)


# --- reading one trigger -------------------------------------------------------------------------


def _variant(cue: Cue, participants: Participants) -> dict:
    source_kinds = participants.source.kinds if participants.source else frozenset()
    target_kinds = participants.target.kinds if participants.target else frozenset()
    for key, override in cue.variants.items():
        if key.endswith("_target"):
            if key[: -len("_target")] in target_kinds:
                return override
        elif key in source_kinds:
            return override
    return {}


# actor kinds that settle a variant keyed on the source's side (state or non-state)
SIDES = frozenset({"state", "non_state"})


def _open_acled_choices(cue: Cue, participants: Participants, override: dict) -> frozenset[str]:
    """The ACLED sub-types a cue leaves open: its default and its actor variants, when the
    actor the variants depend on is missing or of unknown side ("took over" by whom?)."""
    if override or not cue.acled_subtype:
        return frozenset()
    keys = [key for key, variant in cue.variants.items() if variant.get("acled_subtype")]
    if not keys:
        return frozenset()
    for key in keys:
        reading = participants.target if key.endswith("_target") else participants.source
        kinds = reading.kinds if reading is not None else frozenset()
        known = bool(kinds) if key.endswith("_target") else bool(kinds & SIDES)
        if known:
            return frozenset()
    return frozenset({cue.acled_subtype} | {cue.variants[key]["acled_subtype"] for key in keys})


def _speaker(attribution: Attribution | None, doc: Doc, index: MentionIndex, lexicon: Lexicon) -> ActorReading | None:
    if attribution is None:
        return None
    span = attribution.antecedent or attribution.span
    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    if words is None or not len(words):
        return None
    return read_actor(words.root, "speaker", index, lexicon, None, allow_places=True)


def _one_household_moves(verb: Token) -> bool:
    """Whether the verb's subject is one household or one person ("the family moved", "she
    returned"): a singular noun or pronoun, no count, no conjunct. Displacement is told of many
    ("hundreds of families", "residents"), or of one with what drove them out."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.conjuncts:
        return False
    if subject.lower_ in {"he", "she", "i"}:
        return True
    return subject.tag_ in {"NN", "NNP"} and not any(c.dep_ in {"nummod", "quantmod"} for c in subject.children) \
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children)


def _a_planned_move(verb: Token, lexicon: Lexicon) -> bool:
    """A move no one is driven to (event_types.yaml: planned_moves): into new premises ("the
    pupils moved into a new school building"), or a firm or one household moving of its own
    accord ("the company relocated to Dover last year", "the family relocated"). Displaced people
    are moved, or move into shelters, camps, schools; a move told with a driver stays theirs
    (``_tells_a_displacement_driver``, asked by the caller)."""
    if verb.pos_ != "VERB":
        return False
    places = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in {"into", "to"}
              for g in c.children if g.dep_ == "pobj"]
    if any(m.dep_ == "amod" and m.lemma_.lower() in lexicon.planned_move_new for p in places for m in p.children):
        return True  # "into a new building"
    if verb.lemma_.lower() not in lexicon.planned_move_verbs:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)  # active only: "were relocated" was done to them
    return subject is not None and (subject.ent_type_ == "ORG" or subject.lemma_.lower() in lexicon.planned_move_movers
                                    or _one_household_moves(verb))


def _tells_a_displacement_driver(sentence: SpacySpan, lexicon: Lexicon) -> bool:
    """Whether the sentence names what drives people from their homes (a war, a flood, a flight)."""
    return any(t.lemma_.lower() in lexicon.displacement_drivers for t in sentence)


def _armed(reading: ActorReading | None) -> bool:
    return reading is not None and bool(reading.kinds & {"armed", "state", "non_state"})


def _return_permitted(trigger: Trigger, lexicon: Lexicon) -> bool:
    """Whether a going back is one someone was let make ("was permitted to return to her flat",
    "were allowed to go back"): those kept from their homes were evacuated or driven out, and their
    return ends a displacement, though the sentence no longer names what drove them out."""
    verb = trigger.token
    going_back = trigger.cue.lemma == "return" or trigger.cue.particle == "back"
    return going_back and verb.dep_ in {"xcomp", "ccomp"} and verb.head.lemma_.lower() in lexicon.return_permitted_by


def _trigger_span(trigger: Trigger) -> Span:
    return token_span(list(trigger.words))


def _the_speakers_own_act(word: Token, attribution: Attribution) -> bool:
    """Whether the event's word is what the reporting verb itself says its speaker did, a
    gerund or an infinitive it governs ("admitted to forging the cheques", "denied taking
    the money", "confessed to stealing"): the speaker is that act's doer."""
    verb = attribution.verb
    if verb is None or word.dep_ not in {"xcomp", "pcomp"}:
        return False
    governor = word.head.head if word.dep_ == "pcomp" and word.head.dep_ == "prep" else word.head
    return verb.start <= governor.idx < verb.end


def _read_trigger(trigger: Trigger, triggers: list[Trigger], sentence: SpacySpan, k: int, doc: Doc,
                  index: MentionIndex, lexicon: Lexicon) -> Draft:
    attribution = attribution_of(trigger.token, sentence)
    speaker = _speaker(attribution, doc, index, lexicon)
    # a table flattened into text or a list of numbers has no grammar to say who did what: any
    # actor read from its parse would be invented ("Killed Badakhshan 4 12 Kunduz 3 9")
    participants = Participants() if _looks_tabular(sentence) else read_participants(trigger, index, lexicon, speaker)
    if attribution is not None:
        # the speaker's own words are never the event's target ("killing 38 people, the UN
        # envoy, Christine Schraner Burgener, said" with the envoy parsed beside "people")
        for role in ("source", "target"):
            reading = getattr(participants, role)
            if reading is not None and attribution.span.start <= reading.actor.span.start < attribution.span.end \
                    and not (reading.actor.span.start == attribution.span.start and role == "source") \
                    and not (role == "source" and _the_speakers_own_act(trigger.token, attribution)):
                setattr(participants, role, None)
    cue = trigger.cue
    override = _variant(cue, participants)
    return_permitted = _return_permitted(trigger, lexicon)
    if not override and return_permitted and not _armed(participants.source) \
            and cue.variants.get("civilian", {}).get("type") == "DISPLACEMENT":
        # one let go back home is no traveller, whoever the parse takes the person for (a name
        # reads as "official", a pronoun as no actor): the cue's reading for civilians
        override = cue.variants["civilian"]
    if override.get("type") == "DISPLACEMENT" and cue.type != "DISPLACEMENT" and _one_household_moves(trigger.token) \
            and not _tells_a_displacement_driver(sentence, lexicon) and not return_permitted:
        # one family or one person moving with nothing driving them out travels: the cue's own type
        override = {}
    if override.get("type", cue.type) == "DISPLACEMENT" and _a_planned_move(trigger.token, lexicon) \
            and not _tells_a_displacement_driver(sentence, lexicon) and not return_permitted:
        override = {"type": "MOVEMENT", "acled_type": None, "acled_subtype": None}
    context_type = type_in_context(trigger, lexicon)
    if context_type is not None:
        # a killing by a virus, a warning about a fact: no violence for ACLED to code
        override = {"type": context_type, "acled_type": None, "acled_subtype": None}
    return Draft(
        trigger=trigger,
        trigger_span=_trigger_span(trigger),
        sentence=sentence,
        sentence_index=k,
        clause=clause_tokens(trigger, triggers),
        type=override.get("type", cue.type),
        cue=cue,
        acled_type=override.get("acled_type", cue.acled_type),
        acled_subtype=override.get("acled_subtype", cue.acled_subtype),
        participants=participants,
        attribution=attribution,
        speaker=speaker,
        weight=cue.weight,
        acled_choices=_open_acled_choices(cue, participants, override) if context_type is None else frozenset(),
        acled_open=cue.acled_open and context_type is None,
    )


def _statements(sentence: SpacySpan, k: int, triggers: list[Trigger], doc: Doc, index: MentionIndex,
                lexicon: Lexicon, outlets: frozenset[str] = frozenset()) -> list[Draft]:
    """A report with no event of its own inside ("X said the situation was difficult") is a
    STATEMENT by its speaker: the speaker is then the event's source actor. So is an outlet's
    report, a confirmation or a claim of an event (``broadcast_verbs``). A report inside a
    quotation or inside another report's content, and one given to the press
    (``press_addressees``), is none."""
    drafts = []
    trigger_tokens = {t.token.i for t in triggers} | {a.i for t in triggers for a in t.absorbed}
    frames = reporting_frames(sentence)
    for frame in frames:
        if frame.kind != "verb" or not frame.source or frame.content is None:
            continue
        verb = frame.verb[0]
        if _hedging_passive(verb) or _given_to_the_press(verb, lexicon, outlets):
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue  # "would not say whether ...": nothing was said
        if reports_no_statement(verb):
            continue  # "records show that ...", "he believes the tax is unfair": no one's saying
        if frame.content.dep_ == "xcomp" and frame.content.i > verb.i and not frame.quoted \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in frame.content.children):
            continue  # "she continued to weep": an infinitive goes on with an act, it reports no speech
        nested = frame.quoted or any(other is not frame and other.content is not None
                                     and other.content.left_edge.i <= verb.i <= other.content.right_edge.i
                                     for other in frames)
        if nested and verb.lemma_.lower() not in lexicon.broadcast_verbs:
            # speech told inside a quotation or inside another report ("she said her son came home
            # and said ..."): part of what the outer speaker says, no statement of its own (a
            # confirmation or a claim the outer report tells stays news: broadcast_verbs)
            continue
        content = range(frame.content.left_edge.i, frame.content.right_edge.i + 1)
        if verb.i in trigger_tokens:
            continue
        if any(i in content for i in trigger_tokens) and verb.lemma_.lower() not in lexicon.broadcast_verbs:
            # the report is the attribution of the event it holds, unless reporting is news of its
            # own ("..., the agency reported": broadcast_verbs)
            continue
        attribution = attribution_of(frame.content, sentence)
        if attribution is None:
            continue
        speaker = _speaker(attribution, doc, index, lexicon)
        if speaker is None:
            continue
        source = replace(speaker.actor, role="source")
        participants = Participants(source=ActorReading(source, speaker.kinds, speaker.affiliations))
        clause = [t for t in frame.content.subtree] + list(frame.verb)
        drafts.append(Draft(None, token_span(list(frame.verb)), sentence, k, sorted(clause, key=lambda t: t.i),
                            "STATEMENT", None, None, None, participants, attribution, speaker, 0.45))
    return drafts


NEWS_OUTLET_NOUNS = {"agency", "service", "network", "site", "website", "organisation", "organization", "portal"}


def _outlets(doc: Doc) -> frozenset[str]:
    """Names that report in this article ("..., the Daily Courier reported"): the names of the
    subjects of "report", an outlet whichever its size."""
    names = set()
    for token in doc:
        # the part of speech first: a number compared, where the lemma is a string made per token
        if token.pos == VERB and token.lemma_.lower() == "report":
            for subject in (c for c in token.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"):
                names.add(" ".join(t.text for t in subject.subtree if t.pos_ == "PROPN"))
    return frozenset(names)


def _given_to_the_press(verb: Token, lexicon: Lexicon, outlets: frozenset[str] = frozenset()) -> bool:
    """The reporting verb's addressee is the press ("told reporters", "told the news agency", "said
    in an interview", "told AFP": ``press_addressees``; or a name that reports in the same
    article, ``outlets``): the article's sourcing, not a statement that is news of its own."""
    addressees = [c for c in verb.children if c.dep_ in {"dative", "dobj", "iobj"}]
    addressees += [g for c in verb.children if c.dep_ in {"prep", "dative"} and c.lower_ in {"to", "with", "in"}
                   for g in c.children if g.dep_ == "pobj"]
    for word in addressees:
        for noun in (word, *word.conjuncts):
            if noun.lemma_.lower() in lexicon.press_nouns:
                return True
            if noun.lemma_.lower() in NEWS_OUTLET_NOUNS and any(c.dep_ == "compound" and c.lower_ == "news"
                                                                for c in noun.children):
                return True  # "the news agency", not "a news conference" (a statement made in public)
            name = " ".join(t.text for t in noun.subtree if t.dep_ != "det" and not t.is_punct)
            if name in lexicon.press_names or noun.text in lexicon.press_names or (noun.pos_ == "PROPN" and name in outlets):
                return True
    return False


# verbs whose passive takes a to-infinitive: "X is said / reported / believed to be"
RAISING_REPORT_VERBS = {"say", "report", "believe", "think", "allege", "rumour", "rumor", "know", "understand",
                        "consider", "expect", "estimate"}


def _hedging_passive(verb: Token) -> bool:
    """'a man, said to be the father of ...', 'is reported to have fled': hearsay about someone,
    with nobody who says it; the sentence's own event is elsewhere."""
    if verb.lemma_.lower() not in RAISING_REPORT_VERBS or verb.tag_ not in {"VBN", "VBD"}:
        return False
    return any(c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
               for c in verb.children)


# --- ACLED coding ---------------------------------------------------------------------------------


def _acled_question(draft: Draft, sentence_is_one_kind: bool) -> AcledQuestion:
    """The classifier reads the whole sentence when all its events are of one kind ("opened
    fire on demonstrators, killing six": the killing says what the firing was), else the
    event's own clause (when long enough to tell anything)."""
    words = [t for t in draft.clause if not t.is_space and not t.is_punct]
    if not sentence_is_one_kind and len(words) >= CLASSIFIER_MIN_WORDS:
        first, last = min(t.i for t in words), max(t.i for t in words)
        text = draft.sentence.doc[first : last + 1].text
    else:
        text = draft.sentence.text
    return AcledQuestion(text=text, event_type=draft.type, acled_type=draft.acled_type,
                         acled_subtype=draft.acled_subtype, choices=draft.acled_choices,
                         open_default=draft.acled_open)


def _acled_readings(drafts: list[Draft]) -> list[AcledReading]:
    """One classifier call per article; statements are never ACLED-coded."""
    asked = [d for d in drafts if d.trigger is not None]
    kinds: dict[int, set[str]] = {}
    for d in asked:
        kinds.setdefault(d.sentence_index, set()).add(d.type)
    readings = iter(read_acled([_acled_question(d, len(kinds[d.sentence_index]) == 1) for d in asked]))
    empty = AcledReading(None, None, None, None)
    return [next(readings) if d.trigger is not None else empty for d in drafts]


# --- confidence ------------------------------------------------------------------------------------


@per_sentence
def _looks_like_headline(sentence: SpacySpan) -> bool:
    words = [t for t in sentence if t.is_alpha]
    if not words:
        return True
    ends_like_prose = any(t.text in {".", "!", "?", "\u201d", '"', ":"} for t in list(sentence)[-3:])
    titled = sum(1 for t in words if t.is_title) / len(words)
    # headlines and captions are short; a long run of words without a full stop is a sentence
    # the splitter cut early ("... by Qatar's foreign ministry [MOFA].")
    return not ends_like_prose and ((titled > 0.5 and len(words) <= 20) or len(words) < 6)


@per_sentence
def _looks_tabular(sentence: SpacySpan) -> bool:
    """A table flattened into text, or a list of numbers: cells, tabs, numbers for half of the
    words, or a run of three numbers with only commas or "and" between them ("Casualties: 3, 5,
    12, 40 and 7"). Dates and counts in a real sentence ("On 12 March 2021, 3 soldiers and 4
    civilians ...") are neither."""
    text = sentence.text
    digits = sum(ch.isdigit() for ch in text)
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    numbers = sum(1 for t in words if _is_number(t))
    return ("|" in text or "\t" in text or (len(text) > 20 and digits / len(text) > 0.25)
            or (len(words) >= 6 and numbers * 2 >= len(words)) or _longest_number_run(sentence) >= 3)


def _is_number(token: Token) -> bool:
    return token.like_num and any(ch.isdigit() for ch in token.text)


def _longest_number_run(sentence: SpacySpan) -> int:
    longest = run = 0
    for token in sentence:
        if _is_number(token):
            run += 1
            longest = max(longest, run)
        elif not (token.is_punct or token.is_space or token.lower_ in {"and", "or"}):
            run = 0
    return longest


def _confidence(draft: Draft, event_date, places: list[Place], place_inherited: bool, hedged: bool) -> tuple[float, list[str]]:
    score = draft.weight
    notes = []
    source, target = draft.participants.source, draft.participants.target
    if source is None and target is None:
        score -= 0.1
        notes.append("no actor named")
    elif any(r is not None and r.actor.entity_id for r in (source, target)):
        score += 0.1
    if event_date.inherited:
        score -= 0.15
        notes.append(INHERITED_NOTE)
    elif event_date.source == "narrative":
        score -= 0.05
        notes.append(CARRIED_NOTE)
    elif event_date.source == "none":
        score -= 0.15
        notes.append("no date")
    if place_inherited:
        score -= 0.05
        notes.append("place carried from the same kind of event just before")
    elif places:
        score += 0.05
    if hedged:
        score -= 0.1
        notes.append("hedged")
    if _looks_like_headline(draft.sentence):
        score -= 0.2
        notes.append("headline, caption or fragment")
    if _looks_tabular(draft.sentence):
        score -= 0.2
        notes.append("table-like text or list of numbers")
    score = round(min(0.95, max(0.05, score)), 3)
    if score < LOW_CONFIDENCE:
        notes.append("low confidence")
    return score, notes


# --- quantities ------------------------------------------------------------------------------------


def _assign_quantities(drafts: list[Draft], sentence: SpacySpan) -> dict[int, list[Quantity]]:
    """Each count goes to the event whose clause holds it, else to the nearest trigger."""
    if not drafts:
        return {}
    assigned: dict[int, list[Quantity]] = {}
    for quantity, anchor in quantities_with_anchors(sentence):
        owner = next((k for k, d in enumerate(drafts) if any(t.i == anchor.i for t in d.clause)), None)
        if owner is not None and _in_subordinate_clause(anchor, drafts[owner]):
            # "arrested the driver after he hit two pedestrians": the count is the other
            # clause's, an event dateline has no trigger for; it is no count of the arrest
            continue
        if owner is None:
            owner = min(range(len(drafts)), key=lambda k: abs(drafts[k].trigger_span.start - quantity.span.start))
        assigned.setdefault(owner, []).append(quantity)
    return assigned


# subordinators of a finite clause that tells another happening than the main one ("after he hit
# two pedestrians", "because three guards had resigned")
SUBORDINATORS = {"after", "before", "because", "when", "since", "as", "while", "although", "though", "until",
                 "once", "whereas", "unless"}


def _in_subordinate_clause(token: Token, draft: Draft) -> bool:
    """The token sits in a finite adverbial clause of the draft's clause, a clause with its own
    subordinator and subject (not a participle: "stormed the base, leaving 12 dead" is the
    storming's toll)."""
    if draft.trigger is None:
        return False
    head = draft.trigger.head
    node = token
    for _ in range(12):
        if node.i == head.i or node.head.i == node.i:
            return False
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in node.children) \
                and any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
            return True
        node = node.head
    return False


# --- the stage ---------------------------------------------------------------------------------------


def _sentences(doc: Doc) -> list[SpacySpan]:
    if doc.has_annotation("SENT_START"):
        return [s for s in doc.sents if any(not t.is_space for t in s)]
    return [doc[:]] if len(doc) else []


def extract_events(
    article: Article,
    doc: Doc,
    timexes: list[Timex],
    places: list[Place],
    mentions: list[Mention],
    entities: list[Entity],
    learned_filter: bool = SETTINGS.events.learned_non_event_filter,
    learned_report_day: bool = SETTINGS.events.learned_report_day,
) -> list[Event]:
    """Event records for one article (``doc`` is the shared pipeline's parse of ``article.text``);
    ``learned_filter``: drop the events the learned non-event filter reads as none (off when the
    filter's own training reads every event); ``learned_report_day``: leave undated the acts the
    learned report's-day model reads as having no day (off for its own training)."""
    return _read_events(article, doc, timexes, places, mentions, entities, learned_filter, None, learned_report_day)


@dataclass(frozen=True)
class EventReadings:
    """Why an event got its date and places: the readings it was composed from (its date's rules
    and the dates they saw, its places' step), and the passes over the whole article that changed
    its date or its places after them, in order (``date_passes``: "a lead act dated by the body"
    ...; ``place_passes``)."""

    event: Event
    date: EventDateReading
    places: EventPlaceReading
    date_passes: tuple[str, ...] = ()
    place_passes: tuple[str, ...] = ()


def explain_events(
    article: Article,
    doc: Doc,
    timexes: list[Timex],
    places: list[Place],
    mentions: list[Mention],
    entities: list[Entity],
    learned_filter: bool = SETTINGS.events.learned_non_event_filter,
    learned_report_day: bool = SETTINGS.events.learned_report_day,
) -> list[EventReadings]:
    """The events ``extract_events`` gives for the same input, each with the readings that chose
    its date and places (for a study of the rules or a debugging tool; the stored Event keeps no
    trace)."""
    explained: dict[str, EventReadings] = {}
    events = _read_events(article, doc, timexes, places, mentions, entities, learned_filter, explained, learned_report_day)
    return [replace(explained[event.id], event=event) for event in events]


def _read_events(article: Article, doc: Doc, timexes: list[Timex], places: list[Place], mentions: list[Mention],
                 entities: list[Entity], learned_filter: bool,
                 explained: dict[str, EventReadings] | None, learned_report_day: bool) -> list[Event]:
    """``extract_events``; ``explained``, when given, gets each event's readings by its id."""
    lexicon = load_lexicon()
    index = MentionIndex.build(doc, mentions, entities, places)
    dct = article.published
    sentences = _sentences(doc)
    timexes = story_timexes(text_of(doc), timexes)  # not a caption's or the page's own date

    outlets = _outlets(doc)  # names that report in this article: a statement told to one is sourcing
    drafts_by_sentence: list[list[Draft]] = []
    set_aside_by_sentence: list[list[Draft]] = []  # the acts told as not done: no events, but told
    for k, sentence in enumerate(sentences):
        triggers = find_triggers(sentence, lexicon)
        drafts = [_read_trigger(t, triggers, sentence, k, doc, index, lexicon) for t in triggers]
        drafts += _statements(sentence, k, triggers, doc, index, lexicon, outlets)
        drafts.sort(key=lambda d: d.trigger_span.start)
        drafts_by_sentence.append(drafts)
        set_aside_by_sentence.append(_acts_told_as_not_done(sentence, k, triggers, doc, index, lexicon))

    lead = lead_of(sentences)
    _add_the_lead_act(drafts_by_sentence, sentences, lead, doc, index, lexicon)

    if _is_a_sports_report(doc, lexicon):
        drafts_by_sentence = [[d for d in drafts if not _play_told_as_fighting(d, lexicon)] for drafts in drafts_by_sentence]

    # the sides in the fighting: their own reports of it are claims, not plain reports
    parties = sorted({
        r.actor.text
        for drafts in drafts_by_sentence
        for d in drafts
        if d.type in VIOLENT_TYPES
        for r in (d.participants.source, d.participants.target)
        if r is not None
    })

    # the story's town, read once (events/setting.py); (a word of a name, "Capital Iron Co.", is
    # no place the story names: it vetoes no dateline)
    said = _places_said_as_places(places, doc)
    setting = story_setting(text_of(doc), article.title, lead, _places_the_lead_names(lead, said, places), places,
                            said, _lead_day(lead, timexes, dct), dct)
    occasion = _lead_occasion(news_lead(sentences, lead, timexes), timexes, dct, lexicon,
                              _statements_naming_an_occasion(drafts_by_sentence, lead, lexicon))
    readings = iter(_acled_readings([d for drafts in drafts_by_sentence for d in drafts]))
    events: list[Event] = []
    recent: list[Told] = []  # the events told so far, for their dates
    by_default: set[str] = set()  # the events the date chain gave the report's day for want of any other
    # every act the text told so far, for the places of an episode: also those the non-event rules
    # set aside ("Police may search a farm in Salem"), so that what those rules drop never
    # changes where another event is (placing.Told)
    told: list[Told] = []
    for drafts, set_aside, sentence in zip(drafts_by_sentence, set_aside_by_sentence, sentences):
        if not drafts and not set_aside:
            continue
        sentence_date = _date_of_sentence(sentence, timexes, dct)
        quantities = _assign_quantities(drafts, sentence)
        # once per sentence: the places it names that say where something happened
        where = _places_saying_where(places, sentence, lexicon)
        headline = _looks_like_headline(sentence)
        every = sorted(drafts + set_aside, key=lambda d: d.trigger_span.start) if set_aside else drafts
        aside = {id(d) for d in set_aside}
        position = {id(d): n for n, d in enumerate(drafts)}
        for m, draft in enumerate(every):
            if id(draft) in aside:
                told.append(_told_as_not_done(draft, m, every, sentence_date, timexes, where, dct, recent, told,
                                              parties, setting, occasion))
                continue
            n = position[id(draft)]
            event, date_reading, place_reading = _event_of_draft(draft, n, drafts, quantities.get(n, []), sentence_date,
                                                         timexes, where, dct, article, recent, parties, setting,
                                                         occasion, told)
            if headline:
                event = _headline_actors_trimmed(event, lexicon.headline_breaks)
            event = _with_acled(event, next(readings))
            if explained is not None:
                explained[event.id] = EventReadings(event, date_reading, place_reading)
            if date_reading.rules[-1] == REPORT_DAY_BY_DEFAULT:
                by_default.add(event.id)
            events.append(event)
    if lead is not None:
        events = _noting_changes(explained, "a lead act dated by the body", events,
                                 lead_acts_dated_by_the_body(events, [s.start_char for s in sentences], lead.end_char,
                                                             dct))
    events = _noting_changes(explained, "an act dated by the sentence that sums it up", events,
                             acts_dated_by_a_summing_sentence(events, sentences, timexes, dct))
    events = _noting_changes(explained, "a statement dated by the speaker's report", events,
                             statements_dated_by_the_speakers_report(events, doc, dct))
    # a story that leads with the day before the report quotes what was said there that day
    news = news_lead(sentences, lead, timexes)
    events = _noting_changes(explained, "a statement on the lead's day", events,
                             statements_on_the_leads_day(events, doc, news, _lead_timex(news, timexes, dct), dct))
    events = _noting_changes(explained, "a noun leaves the report's day", events,
                             nouns_leave_the_report_day(events, doc))
    # the crimes told only as what a charge says, then the learned filter (both off for its training)
    events = without_learned_non_events(without_crimes_named_only_by_a_charge(events, doc), doc, dct) \
        if learned_filter else events
    # "burglars broke into his home" after "a Dover man": the act is where its owner lives, a place
    # the sentence's own reading set aside as an origin (placing.yaml: someones_home)
    events = _noting_changes(explained, "an act at someone's home", events, acts_at_someones_home(events, doc, places))
    # "Two men were arrested Monday. ... The men were arrested at a motel in Salem": an act placed
    # where the story tells it again by the same word (placing.yaml: told_again_later)
    events = _noting_changes(explained, "an act told again later", events, acts_placed_by_a_later_telling(events, doc))
    # "the council voted Tuesday": a local body named without its town, in an article naming no
    # other town, sits in the outlet's home town (placing.yaml: local_body)
    events = _noting_changes(explained, "a local body at the outlet's home", events,
                             acts_of_a_local_body_at_home(events, doc, places, _outlet_home_town(article, places)))
    # "Two sheds were broken into ... Danville police Sgt. Ann Reed said": a story that places
    # nothing before an act is where the local body it names by its town works (placing.yaml: setting)
    events = _noting_changes(explained, "a story set by a local body", events,
                             acts_set_by_a_local_body(events, doc, places, dct))
    # "Ohio lawmakers voted on the road bill": an act still placeless is where the town, county or
    # state its sentence names before a body's word is (placing.yaml: bodys_town)
    events = _noting_changes(explained, "a body's town named with it", events,
                             acts_placed_by_a_bodys_town(events, doc, places))
    # (after the learned filter, which was fitted on the dates before this rule: the tellings are real events)
    events = _noting_changes(explained, "an act dated by another telling", events,
                             acts_dated_by_another_telling(events, doc, dct))
    # "A man was shot on Elm Street in Dover. [...] The victim was hit twice": an act still placeless
    # is where the nearest earlier act of its kind placed by its own words is (placing.yaml: earlier_of_the_kind;
    # after the dates are final: another day is another act of the kind)
    events = _noting_changes(explained, "an earlier act of the kind", events,
                             acts_placed_by_an_earlier_act_of_the_kind(events, doc))
    # "Deputies arrested two men ... The arrest followed a tip": a definite event noun with no
    # parties of its own has those of the act it names again (last: no date or place moves)
    events = parties_of_an_earlier_telling(events, doc)
    # "A Dover man was arrested Sunday. John Pike was arrested by Officer Ann Reed": an agentless
    # passive takes the doer of another telling of the act by the same word
    events = doers_of_another_telling(events, doc)
    # last: an act dated by default to the report's day that the learned model reads as having no
    # day is left undated (events/report_day.py, fitted on the events as read up to here)
    if learned_report_day:
        events = _noting_changes(explained, "the learned model leaves the report's day", events,
                                 acts_without_the_report_day(events, doc, dct, by_default))
    return events


def _outlet_home_town(article: Article, places: list[Place]) -> Place | None:
    """The town the outlet's web address names (``geo.resolve.outlet_home_town``, which refuses an
    outlet's name or an address naming no town), or None."""
    from dateline.geo import default_gazetteer
    from dateline.geo.resolve import outlet_home_town
    return outlet_home_town(article.url or article.outlet, places, default_gazetteer())


def _noting_changes(explained: dict[str, EventReadings] | None, rule: str, before: list[Event],
                    after: list[Event]) -> list[Event]:
    """``after``, what a pass over the whole article made of the events ``before``; when the
    events are explained, each whose date or places the pass changed notes the pass's ``rule``."""
    if explained is not None:
        was = {event.id: event for event in before}
        for event in after:
            if event.id not in was:
                continue
            reading = explained[event.id]
            if _date_of(was[event.id]) != _date_of(event):
                reading = replace(reading, date_passes=reading.date_passes + (rule,))
            if was[event.id].places != event.places:
                reading = replace(reading, place_passes=reading.place_passes + (rule,))
            explained[event.id] = reading
    return after


def _date_of(event: Event) -> tuple:
    return event.date_value, event.date_start, event.date_end, event.date_span, event.date_inherited


def _places_the_lead_names(lead: SpacySpan | None, said: list[Place], places: list[Place]) -> list[Place]:
    """The places the lead names as where or whence: not an office's place nor a reference point
    ("Sen. Ann Reed, D-Dover", "ten miles south of Dover")."""
    if lead is None:
        return []
    return [p for p in said if lead.start_char <= p.span.start < lead.end_char
            and not names_an_office(p, lead, places) and not _is_reference_point(p, lead)]


def _lead_day(lead: SpacySpan | None, timexes: list[Timex], dct: date | None) -> date | None:
    """The first day of the date the lead's own words give, or None."""
    when = _lead_timex(lead, timexes, dct)
    return timex_range(when)[0] if when is not None else None


def _lead_timex(lead: SpacySpan | None, timexes: list[Timex], dct: date | None) -> Timex | None:
    """The date the lead's own words give, or None."""
    when = _date_of_sentence(lead, timexes, dct) if lead is not None else None
    if when is None or not lead.start_char <= when.span.start < lead.end_char:
        return None
    return when


def _places_saying_where(places: list[Place], sentence: SpacySpan, lexicon: Lexicon) -> list[Place]:
    """The places that may say where an event of the sentence happened: not a word of a thing's
    name, a reference point, another party, someone's origin or force ("a Leeds man", "U.S.
    troops"), nor an office's place. The tests hold only for a place inside the sentence: the
    others are kept without asking."""
    first, last = sentence.start_char, sentence.end_char
    return [p for p in places if not first <= p.span.start < last or not (
        _place_names_a_thing(p, sentence, places) or _names_no_place_it_knows(p, lexicon)
        or _is_reference_point(p, sentence)
        or _is_other_party(p, sentence, lexicon) or is_origin(p, sentence)
        or names_an_office(p, sentence, places))]


def _add_the_lead_act(drafts_by_sentence: list[list[Draft]], sentences: list[SpacySpan], lead: SpacySpan | None,
                      doc: Doc, index: MentionIndex, lexicon: Lexicon) -> None:
    """The story's main act when no cue found it (dateline.events.lead_acts): added to the drafts
    of the lead's first sentence, only when the lead gave no event but statements of other verbs."""
    if lead is None:
        return
    told = [(k, d) for k, s in enumerate(sentences) if lead.start <= s.start < lead.end for d in drafts_by_sentence[k]]
    if any(d.type != "STATEMENT" for _, d in told):
        return
    trigger = lead_act_trigger(lead, lexicon)
    # a verb a cue read as a statement ("pledged to clean up": a statement of intent) is told already
    if trigger is None or any(_tells_the_verb(d, trigger.token) for _, d in told):
        return
    k = next(k for k, s in enumerate(sentences) if s.start <= trigger.token.i < s.end)
    drafts = drafts_by_sentence[k]
    drafts.append(_read_trigger(trigger, [trigger], sentences[k], k, doc, index, lexicon))
    drafts.sort(key=lambda d: d.trigger_span.start)


def _tells_the_verb(draft: Draft, verb: Token) -> bool:
    """Whether a draft is the verb's own event: its words, or the clause its event noun heads."""
    if draft.trigger_span.start <= verb.idx < draft.trigger_span.end:
        return True
    return draft.trigger is not None and draft.trigger.head.i == verb.i


def _lead_occasion(lead: SpacySpan | None, timexes: list[Timex],
                   dct: date | None, lexicon: Lexicon, named_after_the_lead: bool = False) -> Timex | None:
    """The day of the gathering a story opens with ("The school board met Monday night to
    discuss ..."), when it is a day of the week before the report (event_types.yaml: occasions):
    what the story goes on to quote was said there. The gathering may be named by a quote after
    the lead instead (``named_after_the_lead``: "The board heard a report on road repairs
    on Tuesday. ... the engineer said at the work session")."""
    if dct is None or lead is None:
        return None
    # the gathering need not be an event of its own ("the mourners who gathered yesterday", "a
    # memorial service yesterday"): a word of the lead that names one
    if not named_after_the_lead and not any(
            ((t.lemma_.lower() in lexicon.occasion_words and t.pos_ in {"VERB", "NOUN"}) or names_an_appearance(t)
             or a_body_decided(t)) and not a_speakers_own_gathering(t) for t in lead):
        return None
    # (or the day on the gathering's own noun: "at their Tuesday, June 9 meeting")
    when = _date_of_sentence(lead, timexes, dct) or day_on_an_occasion_noun(lead, timexes, lexicon.occasion_words)
    if when is None or not lead.start_char <= when.span.start < lead.end_char:
        return None
    start, end = timex_range(when)
    if start is None or start != end or not dct - timedelta(days=lexicon.occasion_max_days) <= start <= dct:
        return None
    return when


def _statements_naming_an_occasion(drafts_by_sentence: list[list[Draft]], lead: SpacySpan | None,
                                   lexicon: Lexicon) -> bool:
    """Whether a statement after the lead names, in its own words, the gathering it was said at
    ("said at the work session", "told the board": dating.names_the_occasion)."""
    if lead is None:
        return False
    return any(names_the_occasion(verb, lexicon.occasion_words)
               for drafts in drafts_by_sentence for d in drafts
               if d.sentence.start_char >= lead.end_char and (verb := reporting_verb(d)) is not None)


def _is_a_sports_report(doc: Doc, lexicon) -> bool:
    """At least ``min_words`` words of sport, two different ones at least (event_types.yaml: sport)."""
    found = [t.lemma_.lower() for t in doc if t.lemma_.lower() in lexicon.sport_words]
    return len(found) >= lexicon.sport_min_words and len(set(found)) >= 2


def _play_told_as_fighting(draft: Draft, lexicon) -> bool:
    """A cue of fighting in a sports report, in a sentence that names no harm: play, not an event."""
    match_word = draft.trigger is not None and draft.trigger.token.lemma_.lower() in lexicon.sport_match_words
    if draft.type not in lexicon.sport_figurative_types and not match_word:
        return False
    return not any(t.lemma_.lower() in lexicon.sport_harm_words and not _in_a_club_name(t) for t in draft.sentence)


def _in_a_club_name(token: Token) -> bool:
    """A word of an organisation's name of two words or more: a harm word there is no harm
    ("Police Sports Club moved up to third")."""
    if token.ent_type_ != "ORG":
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.ent_iob_ == "I" or (following is not None and following.ent_iob_ == "I")


def _trimmed_actor(actor: Actor | None, breaks: frozenset[str]) -> Actor | None:
    if actor is None or actor.entity_id or actor.text != actor.span.text:
        return actor
    words = actor.text.split(" ")
    for k, word in enumerate(words[1:], start=1):
        if word.lower() in breaks:
            text = " ".join(words[:k])
            return replace(actor, text=text, span=Span(actor.span.start, actor.span.start + len(text), text))
    return actor


def _headline_actors_trimmed(event: Event, breaks: frozenset[str]) -> Event:
    """In a title-case headline an actor ends before a preposition the tagger took for part of
    a name ("Army Near Border" -> "Army")."""
    return replace(event, source_actor=_trimmed_actor(event.source_actor, breaks),
                   target_actor=_trimmed_actor(event.target_actor, breaks),
                   other_actors=tuple(_trimmed_actor(a, breaks) for a in event.other_actors))


def _with_acled(event: Event, reading: AcledReading) -> Event:
    notes = event.notes + ((reading.note,) if reading.note else ())
    return replace(event, acled_type=reading.acled_type, acled_subtype=reading.acled_subtype,
                   acled_source=reading.source, acled_confidence=reading.confidence, notes=notes)


# words after a place name that make the name part of a thing's name ("West Nile virus")
THING_HEADS = {"virus", "fever", "flu", "strain", "encephalitis", "disease", "syndrome"}
COMPASS_WORDS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                 "north-east", "north-west", "south-east", "south-west"}


def _is_reference_point(place: Place, sentence: SpacySpan) -> bool:
    """'325 km north of Addis Ababa', 'some 20 miles south of Kabul': a place a distance is
    measured from, where the event is not."""
    if not (sentence.start_char <= place.span.start < sentence.end_char):
        return False
    words = sentence.doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if words is None or not len(words):
        return False
    node = words.root
    # up through what the distance is measured from: "of the breakaway region's capital
    # Tskhinvali", "of Harlan's farm on the Cedar River"
    for _ in range(6):
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ in COMPASS_WORDS:
            return _measured(node.head.head)
        if node.dep_ not in {"pobj", "prep", "compound", "poss", "appos"} or node.head.i == node.i:
            return False
        node = node.head
    return False


def _measured(direction: Token) -> bool:
    """ "20 miles south", "seven kilometers south-west" (the parser may hang the compass word on
    the distance): a distance names the direction."""
    def numbered(token: Token) -> bool:
        return token.like_num or any(g.like_num for g in token.children)
    return any(c.dep_ in {"npadvmod", "nummod", "advmod"} and numbered(c) for c in direction.children) \
        or (direction.dep_ == "appos" and numbered(direction.head))


def _is_other_party(place: Place, sentence: SpacySpan, lexicon: Lexicon) -> bool:
    """'the border with Tajikistan', 'its war with Iraq', 'talks between Kabul and Doha': the
    country is the other side of a relation, not where the event is (``relation_nouns``)."""
    if not (sentence.start_char <= place.span.start < sentence.end_char):
        return False
    words = sentence.doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if words is None or not len(words):
        return False
    root = words.root
    while root.dep_ == "conj" and root.head.i != root.i:  # "between Kabul and Doha"
        root = root.head
    preposition = root.head
    return (root.dep_ == "pobj" and preposition.lower_ in {"with", "between"}
            and preposition.head.lemma_.lower() in lexicon.relation_nouns)


# the kinds of well-known actor whose names are never where an event happens (not "government":
# "the Kremlin", "the White House" are also buildings)
ACTORS_OF_NO_PLACE = {"armed_group", "media", "political_party", "ngo", "igo"}


def _names_no_place_it_knows(place: Place, lexicon: Lexicon) -> bool:
    """ "a raid claimed by the Islamic State", "OSLO, May 3 (Xinhua) --": a name the gazetteer
    lacks (the geo stage placed it only by a name the text gives next to it, or nowhere) that
    names a well-known group or outlet (entities/kinds.yaml: actors; event_types.yaml:
    press_addressees) is that actor, not where the event is. (Only known names: an unknown
    village or mountain is as often tagged an organisation as a group is.)"""
    if place.resolution == "gazetteer":
        return False
    if place.span.text in lexicon.press_names:
        return True
    actor = entity_lexicon().actor_by_key.get(phrase_key(place.span.text))
    return actor is not None and actor.kind in ACTORS_OF_NO_PLACE


def _place_names_a_thing(place: Place, sentence: SpacySpan, places: list[Place]) -> bool:
    """A place name inside the name of an organisation, a paper or a product ("the Los Angeles
    Times", "King Nut peanut butter") or of a disease ("West Nile virus") says no place."""
    if not (sentence.start_char <= place.span.start < sentence.end_char):
        return False
    doc = sentence.doc
    if names_a_venue(place, doc):
        return False  # "Leeds Crown Court": the court sits in Leeds (placing.yaml: venue_heads)
    for ent in ents_within(sentence):
        # (not a facility: "Kabul airport" is in Kabul)
        # (nor a list of places the tagger took for one organisation: "Pandi, Bulacan")
        # (a person's name too: "Juan Pérez", "Paris Hilton", read by the geo stage as a place)
        if ent.label_ in {"ORG", "PRODUCT", "WORK_OF_ART", "PERSON"} and \
                ent.start_char <= place.span.start and place.span.end <= ent.end_char:
            other_words = [t for t in ent if t.is_alpha and t.lower_ not in {"and", "the", "of"}
                           and not any(p.span.start <= t.idx < p.span.end for p in places)]
            if other_words and not (ent.label_ == "ORG" and followed_by_a_seat_word(place, doc)
                                    and names_a_known_place(place)):
                return True
    words = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if words is None or not len(words):
        return False
    after = doc[words.end] if words.end < len(doc) else None
    if after is not None and US_ROUTE.fullmatch(place.span.text) and after.text[:3].isdigit():
        return True  # "U.S. 79", "US 101": a federal highway, not the country
    if ends_a_name(place, doc) and not (followed_by_a_seat_word(place, doc) and names_a_known_place(place)):
        # "a group called East Side United" (placing.yaml: name_ends); "the Dover Fire Company"
        # is seated in Dover, as a body named by its town and a seat word always is
        return True
    return after is not None and after.lower_ in THING_HEADS


US_ROUTE = re.compile(r"U\.?S\.?")


def _places_said_as_places(places: list[Place], doc: Doc) -> list[Place]:
    """The places the text names as places, not as words of a name (``_place_names_a_thing``)."""
    said = []
    for place in places:
        words = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
        if words is None or not len(words) or not _place_names_a_thing(place, words[0].sent, places):
            said.append(place)
    return said


def _event_of_draft(draft: Draft, n: int, drafts: list[Draft], quantities: list[Quantity], sentence_date: Timex | None,
            timexes: list[Timex], places: list[Place], dct: date | None, article: Article,
            recent: list[Told], parties: list[str], setting: Setting | None = None,
            occasion: Timex | None = None,
            told: list[Told] | None = None) -> tuple[Event, EventDateReading, EventPlaceReading]:
    """The event of a draft, with the readings its date and places were chosen by: its date
    (events/event_date.py), its modality, its places (events/event_place.py: they need the date
    and the modality), its other actors. The event is told: ``recent`` (the events told before,
    for its date) and ``told`` (every act the text told before, for its places; ``recent`` when
    not given) get it, for the events after it."""
    told = recent if told is None else told
    when = read_event_date(draft, drafts, sentence_date, timexes, dct, recent, occasion)
    modality, hedged = "reported", False
    if draft.trigger is not None:
        modality, hedged = modality_of(draft.trigger.token, draft.sentence, parties)
    where = read_event_places(draft, n, drafts, places, dct, told, setting, when.date, modality)
    recent.append(_told(draft, when.date, where))
    if told is not recent:
        told.append(recent[-1])
    confidence, notes = _confidence(draft, when.date, list(where.places), where.carried, hedged)
    event_date = when.date
    clause_words = [t for t in draft.clause if not t.is_space]
    participants = draft.participants
    event = Event(
        id=event_id(article.id, draft.trigger_span, draft.type),
        article_id=article.id,
        type=draft.type,
        trigger=draft.trigger_span,
        sentence=sentence_span(draft.sentence),
        acled_type=draft.acled_type,
        acled_subtype=draft.acled_subtype,
        source_actor=participants.source.actor if participants.source else None,
        target_actor=participants.target.actor if participants.target else None,
        other_actors=_other_actors(participants),
        date_value=event_date.value,
        date_start=event_date.start,
        date_end=event_date.end,
        date_span=event_date.span,
        date_inherited=event_date.inherited,
        places=where.places,
        quantities=tuple(quantities),
        attribution=draft.attribution,
        modality=modality,
        hedged=hedged,
        confidence=confidence,
        clause=token_span([clause_words[0], clause_words[-1]]) if clause_words else None,
        cue=draft.cue.name if draft.cue else "reporting verb",
        place_inherited=where.inherited,
        notes=tuple(notes),
    )
    return event, when, where


def _acts_told_as_not_done(sentence: SpacySpan, k: int, triggers: list[Trigger], doc: Doc, index: MentionIndex,
                           lexicon: Lexicon) -> list[Draft]:
    """The acts a sentence tells that the non-event rules set aside (a hypothesis, an order, a
    plan: ``triggers.told_as_done``), each not within the clause of a trigger kept: no events,
    but what a later act may carry its place from, whichever of them the rules drop."""
    taken = {t.i for trigger in triggers for t in (trigger.token, trigger.head, *trigger.words, *trigger.absorbed)}
    every = find_triggers(sentence, lexicon, as_done_only=False)
    if len(every) <= len(triggers) and all(t.token.i in taken for t in every):
        return []
    return [_read_trigger(t, every, sentence, k, doc, index, lexicon) for t in every if t.token.i not in taken]


def _told_as_not_done(draft: Draft, n: int, drafts: list[Draft], sentence_date: Timex | None, timexes: list[Timex],
                      places: list[Place], dct: date | None, recent: list[Told], told: list[Told],
                      parties: list[str], setting: Setting | None, occasion: Timex | None) -> Told:
    """What a later act may take from an act the non-event rules set aside: read as an event's
    date and places are (``_event_of_draft``), but no event; only the places its own sentence
    names pass on (what the text told there), not those it would carry from elsewhere itself."""
    when = read_event_date(draft, drafts, sentence_date, timexes, dct, recent, occasion)
    modality = modality_of(draft.trigger.token, draft.sentence, parties)[0] if draft.trigger is not None \
        else "reported"
    where = read_event_places(draft, n, drafts, places, dct, told, setting, when.date, modality)
    if where.carried:
        where = replace(where, places=(), step=None, kind=None)
    return _told(draft, when.date, where)


def _told(draft: Draft, event_date: EventDate, where: EventPlaceReading) -> Told:
    """What the events after this one may take from it (placing.Told): its date only when its
    clause gives it."""
    own_date = (event_date.start, event_date.end) if event_date.source in {"clause", "relative"} else (None, None)
    speaker = speaker_key(draft) if draft.trigger is None else None
    return Told(draft.sentence_index, draft.type, where.places, speaker,
                draft.trigger.token.lemma_.lower() if draft.trigger is not None else None, *own_date,
                draft.trigger.token.i if draft.trigger is not None else None,
                event_date.value if own_date[0] is not None else None,
                event_date.span if own_date[0] is not None else None,
                (event_date.start, event_date.end), where.placed_itself)


def _other_actors(participants: Participants) -> tuple[Actor, ...]:
    """The actors besides the doer and the target: their affiliations and the others the clause
    names, each once (not the doer's own affiliation named by a common noun again)."""
    others: list[Actor] = []
    for reading in (participants.source, participants.target):
        if reading is not None:
            others.extend(reading.affiliations)
    others.extend(participants.others)
    seen_spans = {r.actor.span for r in (participants.source, participants.target) if r is not None}
    main_ids = {r.actor.entity_id for r in (participants.source, participants.target) if r is not None and r.actor.entity_id}
    unique_others = []
    for actor in others:
        if actor.span in seen_spans or (actor.entity_id in main_ids and actor.role and actor.role.endswith("affiliation")
                                        and participants.source and actor.entity_id == participants.source.actor.entity_id
                                        and participants.source.actor.text != actor.text and actor.text.islower()):
            continue
        seen_spans.add(actor.span)
        unique_others.append(actor)
    return tuple(unique_others)


# --- the arguments of any word -------------------------------------------------------------------------


def verb_of_a_predicate_adjective(token: Token) -> Token:
    """The verb an adjective completes ("shot dead by soldiers", "was found dead", "found guilty
    of fraud"): the event the adjective tells (a death, a verdict) has that verb's arguments (who
    shot, who was shot, who was found guilty), so it is read at the verb; any other word is
    read at itself."""
    if token.pos_ == "ADJ" and token.dep_ in {"oprd", "acomp"} and token.head.pos_ == "VERB":
        return token.head
    return token


def verb_a_word_completes(token: Token, triggers: list[Trigger]) -> Token:
    """The verb cue a word is the object of, when the cue names it among its own objects ("opened
    fire on the crowd", "set fire to a car", "was taken into custody": the word is part of the
    verb's event, and the crowd, the car and the one taken are that event's); any other word is
    read at itself."""
    verb = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else token.head
    if token.dep_ not in {"dobj", "pobj"} or verb.i == token.i:
        return token
    for trigger in triggers:
        if trigger.token.i == verb.i and token.lemma_.lower() in trigger.cue.objects:
            return verb
    return token


def read_arguments_at(
    article: Article,
    doc: Doc,
    timexes: list[Timex],
    places: list[Place],
    mentions: list[Mention],
    entities: list[Entity],
    start: int,
    end: int,
) -> Event | None:
    """The event dateline would read if the word(s) at characters [start, end) announced one:
    its actors, date and places read exactly as for a trigger of the lexicon, with the word's own
    cue when the lexicon has one (an attack noun absorbed by a killing, "killed in an airstrike on
    the depot", keeps what an attack hits), else the type ``UNTYPED``. For scoring argument
    reading apart from trigger finding (``dateline eval args`` given gold triggers); None when
    the span holds no word."""
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None or not len(words):
        return None
    lexicon = load_lexicon()
    token = verb_of_a_predicate_adjective(words.root)
    token = verb_a_word_completes(token, find_triggers(token.sent, lexicon))
    sentence = token.sent
    index = MentionIndex.build(doc, mentions, entities, places)
    nominal = token.pos_ not in {"VERB", "AUX"}
    own = match_cue(token, lexicon)
    cue = own[0] if own is not None else Cue(lemma=token.lemma_.lower(), pos="NOUN" if nominal else "VERB",
                                             type="UNTYPED", example="(a word read as an event for scoring)")
    head = token
    others = [t for t in find_triggers(sentence, lexicon) if t.token.i != token.i]
    if nominal:
        from dateline.events.triggers import _governing_verb

        head = _governing_verb(token, sentence) or token
        if any(t.token.i == head.i for t in others):
            # the verb that carries the noun is an event of its own ("were killed in an attack on
            # the market"): read as an event, the noun has its own arguments ("on the market")
            head = token
    trigger = Trigger(token, cue, head, (token,))
    triggers = sorted(others + [trigger], key=lambda t: t.token.i)
    k = next((n for n, s in enumerate(_sentences(doc)) if s.start == sentence.start), 0)
    draft = _read_trigger(trigger, triggers, sentence, k, doc, index, lexicon)
    sentence_date = _date_of_sentence(sentence, timexes, article.published)
    # (the same places as for the text's own triggers: an origin or an office says no place here either)
    where = _places_saying_where(places, sentence, lexicon)
    return _event_of_draft(draft, 0, [draft], [], sentence_date, timexes, where, article.published, article, [], [])[0]
