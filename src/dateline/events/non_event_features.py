"""What the learned non-event filter reads of one extracted event: its record (type, modality,
date, place, doer, target) and its trigger's place in the sentence's parse (part of speech,
tense and aspect, negation, modals, the clause it complements, a quotation, a question or a
condition, a generic subject, the name of a charge or a penalty, a word of a name, the theme of a
text, a purpose, a plain present with no date, a word of time to come, a second sense in sport, a
verb of denying above it, no past above it, a clause of thinking above it, a date carried from an
earlier sentence), and whether it is told as one happening at all: a bare plural or a
bare noun after a preposition names a kind of act ("riots are common", "money for repairs"); an
untensed trigger under a verb in the present or under a modal ("seems to help", "would seek
help") tells no act done; a date in its own sentence makes a scheduled or told happening; a
date after the day of the report is still to come; a bare gerund ("spent years selling flowers") or a
bare singular noun ("demand for vaccines") names a doing, no happening; a sentence with no verb in the
past tells what is or will be. Beside them, the grammar around the trigger as a bag of cues
(``clause_cues``: tenses, auxiliaries, adverbs, determiners; no noun, verb or adjective of its content),
each weighed by the fit. Each feature is a number (0/1 mostly); the weights are fitted by
``dateline.eval.non_event_train`` on the judged tuning samples, never set by hand.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Token

from dateline.events.dating import CARRIED_NOTE
from dateline.model import Event
from dateline.nlp import text_of

TABLE = Path(__file__).with_name("non_event_features.yaml")

# the event types with enough judged rows to weigh apart; the others share "type_other"
COMMON_TYPES = ("STATEMENT", "CONSULT", "ASSAULT", "DEATH", "ARREST", "MOVEMENT", "AGREE", "SUPPORT", "AID")
MODALITIES = ("claimed", "denied", "planned", "expected")
# the trigger's link to its head, grouped: what kind of clause or phrase it sits in
HEAD_LINKS = {
    "ROOT": "root", "conj": "root", "xcomp": "complement", "ccomp": "complement", "pcomp": "complement",
    "pobj": "object_of_preposition", "dobj": "object", "nsubj": "subject", "nsubjpass": "subject",
    "relcl": "relative", "acl": "relative", "advcl": "adverbial", "amod": "modifier", "compound": "modifier",
}
QUOTES = "\"“”"
SHORT_QUOTATION = 40  # characters: a quoted phrase or title, not a speaker's sentence


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    raw = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    return {key: frozenset(str(w).lower() for w in value) for key, value in raw.items() if key != "examples"}


def examples() -> list[dict]:
    return yaml.safe_load(TABLE.read_text(encoding="utf-8")).get("examples", [])


def trigger_token(event: Event, doc: Doc) -> Token | None:
    """The head word of the event's trigger in the parse."""
    if event.trigger is None:
        return None
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _clause_verb(token: Token) -> Token:
    """The verb that carries the trigger's tense: itself, or the verb a noun trigger hangs on."""
    node = token
    for _ in range(3):
        if node.pos_ in {"VERB", "AUX"} or node.head.i == node.i:
            return node
        node = node.head
    return node


def _auxiliaries(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}


def _above(token: Token, depth: int = 5) -> list[Token]:
    found, node = [], token
    for _ in range(depth):
        if node.head.i == node.i:
            break
        found.append(node.head)
        node = node.head
    return found


def _complement_of_wanting(token: Token) -> bool:
    """ "hopes to reopen", "wants the council to vote", "aims at cutting": the trigger is (in) the
    complement of a verb of wanting, planning or trying, up to two clauses; a noun that is a
    subject climbs from its verb ("hope that talks will resume")."""
    node = token.head if token.dep_ in {"nsubj", "nsubjpass"} else token
    for _ in range(3):
        if node.head.i == node.i or node.dep_ not in {"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj"}:
            return False
        node = node.head
        if node.pos_ in {"VERB", "AUX"} and is_one_of(node, words()["wanting_verbs"]):
            return True
    return False


def is_one_of(verb: Token, lemmas: frozenset[str]) -> bool:
    """The verb's lemma is one of these, or its form is one with a regular ending: the tagger's
    lemma is sometimes another verb's ("hopes" -> "hop", "hoped" -> "hop")."""
    form = verb.lower_
    stems = {verb.lemma_.lower(), form}
    for ending in ("s", "es", "d", "ed", "ing"):
        if form.endswith(ending):
            stems |= {form[:-len(ending)], form[:-len(ending)] + "e"}
    return bool(stems & lemmas)


def _in_condition(token: Token) -> bool:
    """Inside a clause opened by "if", "unless", "whether"."""
    for node in [token, *_above(token)]:
        if any(c.dep_ == "mark" and c.lower_ in words()["condition_marks"] for c in node.children):
            return True
    return False


def _in_quotation(token: Token) -> bool:
    sentence = token.sent
    text = text_of(token.doc)
    before = text[sentence.start_char:token.idx]
    return sum(before.count(q) for q in QUOTES) % 2 == 1 or ("“" in before and "”" not in before)


def _generic_subject(verb: Token) -> bool:
    """A plural noun with no determiner, or one of a whole class, as the subject: "farmers sell"."""
    for subject in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}):
        determiners = [c for c in subject.children if c.dep_ in {"det", "poss"}]
        if subject.tag_ in {"NNS"} and not determiners:
            return True
        if any(d.lower_ in words()["generic_determiners"] for d in determiners):
            return True
    return False


DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def _determined(noun: Token) -> bool:
    """The noun has a determiner, a possessor or a number: it points at some happening(s)."""
    return any(c.dep_ in {"det", "poss", "nummod", "predet"} for c in noun.children)


def _points_at_one(noun: Token) -> bool:
    """ "the shooting", "Saturday's crash", "this meeting": a definite noun points at one happening
    the text knows, whatever the tense of the clause around it."""
    return noun.pos_ in {"NOUN", "PROPN"} and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in noun.children)


def _bare_plural(token: Token) -> bool:
    """ "riots are common there", "after long court fights": a plural event noun with no
    determiner, number or possessor names a kind of act, no happening the text tells."""
    return token.tag_ in {"NNS", "NNPS"} and not _determined(token)


def _bare_noun_after_preposition(token: Token) -> bool:
    """ "sought money for repairs ... for assistance", "proved itself in battle": a singular
    event noun with no determiner after a preposition names a kind of act."""
    phrase = token.head if token.dep_ == "conj" else token
    return token.tag_ == "NN" and phrase.dep_ == "pobj" and not _determined(token) and not _determined(phrase)


def _tensed(verb: Token) -> bool:
    return verb.tag_ in {"VBD", "VBZ", "VBP"} or bool(_auxiliaries(verb) - {"to"})


def _describes_its_noun(node: Token) -> bool:
    """ "a storm system moving across the plains", "the men arrested on Monday": a participle after a
    noun (a reduced relative clause) tells what the noun is doing or underwent, in its own time; the
    clause its noun is part of ("... would bring snow") does not time it. The parser often reads a
    subject noun with its participle as a clause subject of the verb after ("[a storm system moving
    ...] would bring"): a gerund with a subject of its own before it is read as the same."""
    if node.dep_ == "acl" and node.tag_ in {"VBG", "VBN"}:
        return True
    return node.dep_ == "csubj" and node.tag_ == "VBG" and any(c.dep_ == "nsubj" and c.i < node.i for c in node.children)


def _finite_verb_governing(token: Token) -> Token | None:
    """The nearest verb above an untensed trigger (an infinitive, a gerund, a noun) that carries
    a tense: "wants" in "wants to meet", "met" in "met them to discuss the plan"; None for a
    trigger with a tense of its own, or a participle describing its noun."""
    if (token.pos_ in {"VERB", "AUX"} and _tensed(token)) or _describes_its_noun(token):
        return None
    return next((node for node in _above(token) if node.pos_ in {"VERB", "AUX"} and _tensed(node)), None)


def _governed_by_present_or_modal(token: Token) -> bool:
    """ "the plan seems to work", "crews continue to repair", "would seek money for repairs": an
    untensed trigger is timed by the tensed verb above it; in the present or under a modal it tells
    no act done (in the past, "met them to discuss", "tried to stop", it mostly does). A definite
    noun ("the hearing continues Friday") points at a happening whatever the tense."""
    verb = _finite_verb_governing(token)
    if verb is None or _points_at_one(token):
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(c.lower_ in words()["modals"] | words()["future_auxiliaries"] for c in auxiliaries):
        return True
    if auxiliaries:  # "is going", "has tried": the first auxiliary carries the tense
        return auxiliaries[0].tag_ in {"VBZ", "VBP"} and auxiliaries[0].lemma_ != "have"
    return verb.tag_ in {"VBZ", "VBP"}


def _under_a_modal_or_future(token: Token, depth: int = 8) -> bool:
    """ "said the town would have to seek help", "hopes the board will approve the sale": the
    trigger, or any verb above it up to the sentence's root, carries a modal or a future
    auxiliary: the sentence is told as what may, must or will be, whatever clause the trigger is in
    (the ``modal`` and ``future`` features read the trigger's own clause only); not beyond a
    participle that describes its noun (``_describes_its_noun``)."""
    marks = words()["modals"] | words()["future_auxiliaries"]
    node = token
    for _ in range(depth):
        if node.pos_ in {"VERB", "AUX"} and _auxiliaries(node) & marks:
            return True
        if node.head.i == node.i or _describes_its_noun(node):
            return False
        node = node.head
    return False


def _quotation_length(token: Token) -> int | None:
    """How many characters the quotation around the trigger holds (None when it is in none)."""
    if not _in_quotation(token):
        return None
    text, sentence = text_of(token.doc), token.sent
    opened = max(text.rfind(q, sentence.start_char, token.idx) for q in QUOTES)
    closes = [i for i in (text.find(q, token.idx, sentence.end_char + 2) for q in QUOTES) if i >= 0]
    return (min(closes) if closes else sentence.end_char) - opened


def _charge_named(token: Token) -> bool:
    """ "charged with assault", "accused of trafficking drugs", "a count of fleeing the scene",
    "convictions including arson", "punishable by imprisonment": the event word names an offence or
    a penalty, what the charge says, no act told as done (the climb passes "and" and a preposition
    or two, "charged with three counts including assault")."""
    node = token
    for _ in range(6):
        if node.head.i == node.i:
            return False
        parent = node.head
        if node.dep_ in {"pobj", "pcomp"} and parent.lower_ in words()["charge_prepositions"] and (
                is_one_of(parent.head, words()["charge_words"])):
            return True
        if parent.lower_ in words()["charge_prepositions"] and is_one_of(parent, words()["charge_words"]):
            return True
        node = parent
    return False


def _in_a_name(token: Token) -> bool:
    """ "the Peace Talks Committee", "Operation Desert Storm", "the Fire Department": the trigger is a
    word of a name (a proper noun, or inside a named organisation, law, work or event), no act."""
    if token.ent_type_ in words()["name_entity_types"]:
        return True
    capitalised = token.text[:1].isupper() and token.i > token.sent.start
    return capitalised and (token.tag_ in {"NNP", "NNPS"} or any(
        c.dep_ == "compound" and c.tag_ in {"NNP", "NNPS"} for c in token.children) or (
        token.dep_ == "compound" and token.head.tag_ in {"NNP", "NNPS"}))


def _theme_of_a_noun(token: Token) -> bool:
    """ "treaties on military cooperation", "her story of an assault", "reports of a shooting", "the
    issue of arrests": an event word after "on", "of" or "about" on a noun of content (a text, a
    report, a topic) is what the text or talk is about, not an act told."""
    phrase = token.head if token.dep_ == "conj" else token
    preposition = phrase.head
    if phrase.dep_ != "pobj" or preposition.lower_ not in words()["theme_prepositions"]:
        return False
    return preposition.head.pos_ == "NOUN" and preposition.head.lemma_.lower() in words()["content_nouns"]


def _purpose_infinitive(token: Token) -> bool:
    """ "met the governor to discuss the plan", "used a loan to buy sirens": an infinitive hung on a
    verb or a noun as its purpose (advcl, or acl on a noun) tells what was meant to follow."""
    verb = token.head if token.dep_ == "conj" and token.tag_ == "VB" else token
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and verb.dep_ in {"advcl", "acl", "relcl"}


def _simple_present_undated(token: Token, event: Event) -> bool:
    """ "the clinic offers free tests", "experts urge people to run": a verb in the plain present
    with no auxiliary, no progressive and no date of its own is a standing practice, no act."""
    verb = _clause_verb(token)
    return verb.tag_ in {"VBZ", "VBP"} and not _auxiliaries(verb) and event.date_span is None


def _future_time_in_sentence(token: Token) -> bool:
    """ "next month", "tomorrow", "upcoming", "later this week": a word of time to come in the
    trigger's sentence."""
    return any(t.lower_ in words()["future_time_words"] for t in token.sent)


def _other_sense_context(token: Token) -> bool:
    """ "struck out the side", "fired a rifle at the range", "the attack of the home team": a word
    of sport or pastime in the trigger's sentence, where "strike", "fire", "attack", "battle" or
    "flood" mostly bear their other sense."""
    return token.lemma_.lower() in words()["double_sense_triggers"] and any(
        t.lemma_.lower() in words()["sport_words"] for t in token.sent if t.i != token.i)


def _untold_in_the_past(token: Token, depth: int = 10) -> bool:
    """ "the clinic offers free tests", "talks will resume", "he wants to visit the farm": neither the
    trigger nor any verb above it up to the root is in the past or the perfect: the sentence tells
    no act done, whatever its modality (a plan, a habit, a hope, a hypothesis)."""
    node = token
    for _ in range(depth):
        if node.pos_ in {"VERB", "AUX"} and (node.tag_ == "VBD" or _auxiliaries(node) & words()["past_auxiliaries"]):
            return False
        if node.head.i == node.i:
            return True
        node = node.head
    return True


def _in_a_thought(token: Token, depth: int = 6) -> bool:
    """ "she believes the trial would need more jurors", "they fear the dam may break": the trigger is
    in (or under) the clause a verb of thinking, believing or foreseeing takes (ccomp), up to the root:
    what someone thinks, not an act the text asserts."""
    node = token
    for _ in range(depth):
        if node.head.i == node.i:
            return False
        if node.dep_ == "ccomp" and is_one_of(node.head, words()["thinking_verbs"]):
            return True
        node = node.head
    return False


def _denied_or_reported_above(token: Token) -> bool:
    """ "denied reports that the militia had accepted a truce", "denied the deployment": a verb
    of denying or rumouring governs the trigger."""
    return any(node.pos_ == "VERB" and is_one_of(node, words()["denying_verbs"]) for node in _above(token, 4))


def _date_after_report(event: Event, published: date | None) -> bool:
    """ "the council will vote on March 9" in a report of March 2: the event's own date (not the
    article's, not one carried from an earlier sentence) begins after the day of the report: a step
    still to come."""
    return published is not None and event.date_start is not None and not event.date_inherited \
        and CARRIED_NOTE not in event.notes and event.date_start > published


def _gerund_of_a_practice(token: Token) -> bool:
    """ "spent years selling ice cream", "known for repairing suits", "traveling is fun": a gerund
    with no auxiliary of its own (no "is selling") and no noun it describes names a doing, no
    happening told."""
    return token.tag_ == "VBG" and not _auxiliaries(token) and not _describes_its_noun(token)


def _bare_singular_noun(token: Token) -> bool:
    """ "demand for treatments", "cooperation from people", "damage to a car": a singular event noun
    with no determiner, possessor or number names a kind of act, not one happening."""
    return token.tag_ == "NN" and not _determined(token) and token.dep_ not in {"compound", "amod"}


def _sentence_without_past(token: Token) -> bool:
    """No word of the trigger's sentence is a verb in the past tense or a past participle ("will
    arrive", "plans to open", "hearings are where ..."): the sentence tells what is, will be or may
    be, not what was done (a passive in the present, "is scheduled to", has a participle and counts
    as told in the past here)."""
    return not any(t.tag_ in {"VBD", "VBN"} for t in token.sent)


def _belief_or_supposition(token: Token) -> bool:
    """ "he believes the dogs were poisoned", "a wire may have started the blaze", "the hiker is presumed
    to have frozen": the trigger is a verb of believing with a clause of its own (a belief held), or its
    clause is a modal perfect or a perfect infinitive under a passive of believing or saying (what
    may have happened): no act the text tells as done (stop 48)."""
    table = words()
    if token.pos_ == "VERB" and is_one_of(token, table["belief_verbs"]) and any(
            c.dep_ == "ccomp" for c in token.children):
        return True
    verb = _clause_verb(token)
    auxiliaries = _auxiliaries(verb) | _auxiliaries(token)
    if "have" in auxiliaries and auxiliaries & table["supposing_modals"]:
        return True
    node = verb
    for _ in range(2):
        if node.dep_ == "xcomp" and node.head.tag_ == "VBN" and "have" in _auxiliaries(node) \
                and is_one_of(node.head, table["supposing_passives"]):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


# the clause's grammar as a bag of cues (stop 45): a name for each cue the trigger's clause shows, each
# weighed by the fit like the features above (their weights are stored under CUE_PREFIX + the cue)
CUE_PREFIX = "cue:"
CUE_CHILDREN = ("aux", "auxpass", "advmod", "neg")  # the children of a clause's verb read by their lemma
CUE_DETERMINERS = ("det", "poss", "nummod")


def _morphology(token: Token) -> list[str]:
    return [m for m in str(token.morph).split("|") if m]


def _subject_determiner(subject: Token) -> str:
    return next((c.lemma_.lower() for c in subject.children if c.dep_ in CUE_DETERMINERS), "none")


def clause_cues(token: Token) -> set[str]:
    """ "the council will meet again", "volunteers often repair fences", "the clinic offers tests": the
    grammar around the trigger as cues (no noun, verb or adjective of the content), whose weights the
    fit spreads over what "a habit", "still to come" and "a standing state" share: the trigger's tag, link and
    morphology (``tt:``, ``td:``, ``tm:``); for the verb of its clause (``c``) and the verb that clause
    hangs on (``h``): its tag and morphology, its auxiliaries, adverbs and negation by lemma
    (``c:aux:will``, ``c:advmod:often``), the morphology of its auxiliaries (``ca:``), its subject's tag
    and determiner (``cst:NNS``, ``csd:none``: a bare plural subject); the trigger's own determiner
    (``k:det:the``); every verb tag of the sentence (``sv:VBD``) and its adverbs and modals (``sa:``)."""
    cues = {f"tt:{token.tag_}", f"td:{token.dep_}", *(f"tm:{m}" for m in _morphology(token))}
    verb = _clause_verb(token)
    above = verb.head if verb.head.i != verb.i else None
    for who, node in (("c", verb), ("h", above)):
        if node is None:
            continue
        cues |= {f"{who}t:{node.tag_}", *(f"{who}m:{m}" for m in _morphology(node))}
        for child in node.children:
            if child.dep_ in CUE_CHILDREN:
                cues.add(f"{who}:{child.dep_}:{child.lemma_.lower()}")
            if child.dep_ in {"aux", "auxpass"}:
                cues |= {f"{who}a:{m}" for m in _morphology(child)}
            if child.dep_ in {"nsubj", "nsubjpass"}:
                cues |= {f"{who}st:{child.tag_}", f"{who}sd:{_subject_determiner(child)}"}
    cues |= {f"k:{c.dep_}:{c.lemma_.lower()}" for c in token.children if c.dep_ in CUE_DETERMINERS}
    for word in token.sent:
        if word.pos_ in {"VERB", "AUX"}:
            cues.add(f"sv:{word.tag_}")
        if word.dep_ == "advmod" or word.tag_ == "MD":
            cues.add(f"sa:{word.lemma_.lower()}")
    return cues


def features(event: Event, doc: Doc, sentence_index: int,
             published: date | None = None) -> dict[str, float]:
    """The event's features by name (``FEATURES`` lists them all, in order), and its clause's cues
    (``clause_cues``, named ``cue:`` + the cue)."""
    found: dict[str, float] = dict.fromkeys(FEATURES, 0.0)
    found["type_" + (event.type if event.type in COMMON_TYPES else "other")] = 1.0
    if event.modality in MODALITIES:
        found["modality_" + event.modality] = 1.0
    found["hedged"] = float(event.hedged)
    found["has_own_date"] = float(event.date_value is not None and not event.date_inherited)
    found["has_place"] = float(bool(event.places) and not event.place_inherited)
    found["has_doer"] = float(event.source_actor is not None)
    found["has_target"] = float(event.target_actor is not None)
    found["has_quantity"] = float(bool(event.quantities))
    found["attributed"] = float(event.attribution is not None)
    # the stage's own trust in the record and in its type (what its notes weigh: no actor named,
    # date inherited, a headline ...), and the type classifier's, where it read the clause
    found["confidence"] = float(event.confidence)
    found["type_uncertain"] = float(event.acled_confidence is not None and event.acled_confidence < 0.5)
    token = trigger_token(event, doc)
    if token is None:
        return found
    found["noun_trigger"] = float(token.pos_ in {"NOUN", "PROPN"})
    found["link_" + HEAD_LINKS.get(token.dep_, "other")] = 1.0
    verb = _clause_verb(token)
    auxiliaries = _auxiliaries(verb) | _auxiliaries(token)
    found["negated"] = float(any(c.dep_ == "neg" for c in (*token.children, *verb.children)))
    found["modal"] = float(bool(auxiliaries & words()["modals"]))
    found["future"] = float(bool(auxiliaries & words()["future_auxiliaries"]) or (
        verb.dep_ == "xcomp" and verb.head.lower_ == "going"))
    found["perfect"] = float("have" in {a.lemma_.lower() for a in verb.children if a.dep_ == "aux"}
                             or bool(auxiliaries & {"has", "have", "had"}))
    found["progressive"] = float(verb.tag_ == "VBG" and bool(auxiliaries & {"is", "are", "was", "were", "be", "been"}))
    found["past_tense"] = float(verb.tag_ == "VBD" or (verb.tag_ == "VBN" and bool(auxiliaries & {"was", "were", "had"})))
    present = verb.tag_ in {"VBZ", "VBP"}
    found["present_tense"] = float(present)
    found["bare_infinitive"] = float(verb.tag_ == "VB" and "to" in auxiliaries)
    found["habitual_present"] = float(present and _generic_subject(verb))
    found["generic_subject"] = float(_generic_subject(verb))
    found["complement_of_wanting"] = float(_complement_of_wanting(token))
    found["in_condition"] = float(_in_condition(token))
    found["in_question"] = float(token.sent.text.rstrip().rstrip("\"”'’").endswith("?"))
    found["in_quotation"] = float(_in_quotation(token))
    found["plural_noun_trigger"] = float(token.tag_ == "NNS")
    found["noun_with_determiner"] = float(token.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in {"the", "this", "that", "a", "an"} for c in token.children))
    found["bare_plural_trigger"] = float(_bare_plural(token))
    found["bare_noun_after_preposition"] = float(_bare_noun_after_preposition(token))
    found["governed_by_present_or_modal"] = float(_governed_by_present_or_modal(token))
    found["under_a_modal_or_future"] = float(_under_a_modal_or_future(token))
    # a few quoted words ("to 'minimize the damage'") are a phrase named, not words of a speaker
    length = _quotation_length(token)
    found["short_quotation"] = float(length is not None and length < SHORT_QUOTATION)
    found["no_actor"] = float(event.source_actor is None and event.target_actor is None)
    found["named_actor"] = float(any(a is not None and a.entity_id for a in (event.source_actor, event.target_actor)))
    # a date in the event's own sentence (not one carried from before): a scheduled or told happening
    dated_here = event.date_span is not None and event.sentence.start <= event.date_span.start < event.sentence.end
    found["dated_in_its_sentence"] = float(dated_here)
    generic = found["bare_plural_trigger"] or found["bare_noun_after_preposition"] or found["habitual_present"] \
        or found["generic_subject"]
    found["generic_undated"] = float(bool(generic) and not dated_here)
    found["charge_named"] = float(_charge_named(token))
    found["in_a_name"] = float(_in_a_name(token))
    found["theme_of_a_noun"] = float(_theme_of_a_noun(token))
    found["purpose_infinitive"] = float(_purpose_infinitive(token))
    found["simple_present_undated"] = float(_simple_present_undated(token, event))
    found["future_time_in_sentence"] = float(_future_time_in_sentence(token))
    found["other_sense_context"] = float(_other_sense_context(token))
    found["denied_or_reported_above"] = float(_denied_or_reported_above(token))
    found["untold_in_the_past"] = float(_untold_in_the_past(token))
    found["in_a_thought"] = float(_in_a_thought(token))
    found["lead_sentence"] = float(sentence_index == 0)
    # its date taken from an earlier sentence (none of its own, nor the article's day): a clause
    # telling a habit, a plan or a kind of act mostly takes its date this way, where an act told as done
    # mostly names its day or is the article's news
    found["date_carried"] = float(CARRIED_NOTE in event.notes)
    found["late_sentence"] = float(sentence_index >= 8)
    found["date_after_report"] = float(_date_after_report(event, published))
    found["gerund_of_a_practice"] = float(_gerund_of_a_practice(token))
    found["bare_singular_noun"] = float(_bare_singular_noun(token))
    found["sentence_without_past"] = float(_sentence_without_past(token))
    found["belief_or_supposition"] = float(_belief_or_supposition(token))
    found.update(dict.fromkeys((CUE_PREFIX + cue for cue in clause_cues(token)), 1.0))
    return found


FEATURES = (
    *(f"type_{t}" for t in (*COMMON_TYPES, "other")),
    *(f"modality_{m}" for m in MODALITIES),
    "hedged", "has_own_date", "has_place", "has_doer", "has_target", "has_quantity", "attributed",
    "confidence", "type_uncertain",
    "noun_trigger", *sorted({f"link_{g}" for g in (*HEAD_LINKS.values(), "other")}),
    "negated", "modal", "future", "perfect", "progressive", "past_tense", "present_tense", "bare_infinitive",
    "habitual_present", "generic_subject", "complement_of_wanting", "in_condition", "in_question",
    "in_quotation", "plural_noun_trigger", "noun_with_determiner", "lead_sentence", "late_sentence",
    "bare_plural_trigger", "bare_noun_after_preposition", "governed_by_present_or_modal", "short_quotation",
    "no_actor", "named_actor", "dated_in_its_sentence", "generic_undated", "under_a_modal_or_future",
    "charge_named", "in_a_name", "theme_of_a_noun", "purpose_infinitive", "simple_present_undated",
    "future_time_in_sentence", "other_sense_context", "denied_or_reported_above", "untold_in_the_past",
    "in_a_thought", "date_carried",
    # stop 44: the cues of stop 43's dropped hand rules (a step still to come, a habit, a kind of act),
    # weighed together with the rest
    "date_after_report", "gerund_of_a_practice", "bare_singular_noun", "sentence_without_past",
    # stop 48: a belief held or a supposition (what may have happened)
    "belief_or_supposition",
)
# features added since the shipped filter (models/non_event_filter.json) was fitted: they weigh nothing
# until the next refit (python -m dateline.eval.non_event_train), which gives each a weight
AWAITING_REFIT: tuple[str, ...] = ()
