"""Where an event is, beyond the words of its own clause (issue 11): a court's town as the place
of what happens there, a person's home town as no place, a circumstance clause's place lent
to the act it accompanies, the place of an episode told over several sentences, the town of a
local story (its dateline, or else its headline), a site named again ("the residence") and a
body's seat ("the Marion County Commissioners Court"). The words are in ``placing.yaml``.

(Measured with ``python -m dateline.eval.event_places`` on the hand-judged samples' tuning part.)
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import yaml
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline.events.attribution import inside_quotes, load_cues
from dateline.events.non_event_features import trigger_token
from dateline.events.triggers import dominates
from dateline.model import Place, Span
from dateline.nlp import WIRE_DATELINE, clause_head, parse_syntax, per_sentence, text_of

TABLE = Path(__file__).with_name("placing.yaml")


@lru_cache(maxsize=1)
def table() -> dict:
    raw = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    return {
        "venue_heads": sorted({h.lower() for h in raw["venue_heads"]}, key=len, reverse=True),
        "person_nouns": frozenset(w.lower() for w in raw["person_nouns"]),
        "visiting_verbs": frozenset(w.lower() for w in raw["coming_from"]["visiting_verbs"]),
        "destination_prepositions": frozenset(w.lower() for w in raw["coming_from"]["destination_prepositions"]),
        "home_nouns": frozenset(w.lower() for w in raw["home_nouns"]),
        "post_nouns": frozenset(w.lower() for w in raw["post_nouns"]),
        "service_nouns": frozenset(w.lower() for w in raw["service_nouns"]),
        "school_member": re.compile(r"(?:%s) (?:%s)\b" % ("|".join(map(re.escape, raw["school_heads"])),
                                                         "|".join(map(re.escape, raw["school_people"])))),
        "circumstance_marks": frozenset(w.lower() for w in raw["circumstance_marks"]),
        "title_words": frozenset(w.lower() for w in raw["title_words"]),
        "party_label": re.compile(raw["party_label"]),
        "told_determiners": frozenset(w.lower() for w in raw["told_determiners"]),
        "sequence_prepositions": frozenset(w.lower() for w in raw["sequence_prepositions"]),
        "scope_words": frozenset(w.lower() for w in raw["scope_words"]),
        "passing_verbs": frozenset(w.lower() for w in raw["passing_verbs"]),
        "dwelling_nouns": frozenset(w.lower() for w in raw["someones_home"]["dwelling_nouns"]),
        "owner_pronouns": frozenset(w.lower() for w in raw["someones_home"]["owner_pronouns"]),
        "living_verbs": frozenset(w.lower() for w in raw["someones_home"]["living_verbs"]),
        "home_sentences_back": int(raw["someones_home"]["sentences_back"]),
        "headline_party_deps": frozenset(raw["headline_party_deps"]),
        "place_nouns": frozenset(w.lower() for w in raw["place_nouns"]),
        "body_words": frozenset(w.lower() for w in raw["body_words"]),
        "bodys_town_more_words": frozenset(w.lower() for w in raw["bodys_town"]["more_words"]),
        "bodys_town_describing_deps": frozenset(raw["bodys_town"]["describing_deps"]),
        "local_body_nouns": frozenset(w.lower() for w in raw["local_body"]["nouns"]),
        "local_body_wider": frozenset(w.lower() for w in raw["local_body"]["wider_words"]),
        "local_body_staff": frozenset(w.lower() for w in raw["local_body"]["staff_nouns"]),
        "site_nouns": frozenset(w.lower() for w in raw["site_nouns"]),
        "reporting_forces": frozenset(w.lower() for w in raw["reporting_forces"]),
        "not_for_statements": frozenset(raw["not_for_statements"]),
        "name_ends": frozenset(w.lower() for w in raw["name_ends"]),
        "describing_deps": frozenset(raw["describing_deps"]),
        "perfect_auxiliaries": frozenset(w.lower() for w in raw["perfect_auxiliaries"]),
        "site_prepositions": frozenset(w.lower() for w in raw["site_prepositions"]),
        "episode_days": int(raw["setting"]["episode_days"]),
        "after_lead_sentences": int(raw["setting"]["after_lead_sentences"]),
        "relative_clause_steps": int(raw["described_participant"]["steps"]),
        "relative_clause_path": frozenset(raw["described_participant"]["path"]),
        "participant_deps": frozenset(raw["described_participant"]["participant_deps"]),
        "other_clause_deps": frozenset(raw["described_participant"]["other_clause_deps"]),
        "custody_steps": tuple(tuple(step.lower().split()) for step in raw["setting"]["custody_steps"]),
        "town_before_a_noun_deps": frozenset(raw["setting"]["town_before_a_noun_deps"]),
        "local_body_words": frozenset(w.lower() for w in raw["setting"]["local_body_words"]),
        "local_body_lower_words": frozenset(w.lower() for w in raw["setting"]["local_body_lower_words"]),
        "named_thing_deps": frozenset(raw["named_thing_deps"]),
        "examples": raw.get("examples", {}),
    }


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"['’]", "", text.lower())).strip()


def names_a_venue(place: Place, doc) -> bool:
    """ "at Leeds Crown Court", "before Bexley Magistrates' Court": the place name goes on with a
    court's name and the court is where something happens (the object of a preposition), so it
    sits in that place. A court that speaks ("Oxford Crown Court heard she arrived in 2002") is a
    source, and what it hears happened elsewhere."""
    text = text_of(doc)
    following = _plain(text[place.span.end:place.span.end + 40])
    # a cheap startswith before each head's own compiled pattern (this runs for every place)
    head = next((h for h, pattern in _venue_patterns()
                 if following.startswith(h) and (following == h or pattern.match(following))), None)
    if head is None:
        return False
    last_word = head.split()[-1]
    # only the words of those 40 characters (the whole doc was walked for each place before)
    after = doc.char_span(place.span.end, min(len(text), place.span.end + 41), alignment_mode="expand")
    court = next((t for t in after or () if t.idx >= place.span.end and _plain(t.text) == last_word), None)
    return court is not None and court.idx <= place.span.end + 40 and court.dep_ == "pobj"


@lru_cache(maxsize=1)
def _venue_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """Each venue head with the pattern that finds it as whole words at the start of a text."""
    return tuple((h, re.compile(re.escape(h) + r"\b")) for h in table()["venue_heads"])


def _words_of(place: Place, sentence: SpacySpan):
    if not (sentence.start_char <= place.span.start < sentence.end_char):
        return None
    words = sentence.doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    return words if words is not None and len(words) else None


def names_a_known_place(place: Place) -> bool:
    """A seat word after a name ("Dover police", "the Brookfield Board of Education", "Brookfield
    High School") says the body sits in a town only when the gazetteer knows the town. A name it
    lacks, placed by what the text names next to it, is as likely the body's own name (a school
    district named after a lake, a namesake the geo stage set aside) as a town: the body's place
    is then unknown, and the event takes the story's (placing.yaml: seat)."""
    return place.resolution == "gazetteer"


def is_origin(place: Place, sentence: SpacySpan) -> bool:
    """ "a man from Denver", "Olga Petrova from Minsk", "a Leeds woman", "a Dover High School
    senior": where someone comes from, studies or works; "three Canadian soldiers": whose force
    someone serves in; "a Denver-based firm": where a company or group has its seat."""
    words = _words_of(place, sentence)
    if words is None:
        return False
    if _BASED.match(text_of(sentence.doc), place.span.end):
        # "a Denver-based firm": where the firm has its seat, not where it acts; but a court sits
        # and rules where it is based ("the Salem-based appeals court threw out a verdict")
        return not _BASED_COURT.match(text_of(sentence.doc), place.span.end)
    root = words.root
    while root.dep_ == "conj" and root.head.i != root.i:  # "from Denver and Boston"
        root = root.head
    nouns = table()
    if root.dep_ == "pobj" and root.head.lower_ == "from":
        owner = root.head.head
        if owner.lemma_ == "be":  # "an inmate who was from Dover", "She is from Salem": whence they come
            subject = next((c for c in owner.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.tag_ == "WP" and owner.dep_ == "relcl":
                subject = owner.head
            owner = subject if subject is not None else owner
        return owner.lower_ in nouns["person_nouns"] | nouns["home_nouns"] or owner.ent_type_ == "PERSON" \
            or owner.lower_ in {"he", "she"} or comes_from_elsewhere(owner)
    # "Ann Reed, of the 300 block of Elm Street in Dover", "James Hill of Dover": an address
    node = root
    for _ in range(6):
        if node.dep_ not in {"pobj", "prep", "compound", "appos"} or node.head.i == node.i:
            break
        if node.dep_ == "pobj" and node.head.lower_ == "of" and (
                node.head.head.ent_type_ == "PERSON" or _an_address_set_off(node.head)):
            return True
        node = node.head
    if root.dep_ in {"compound", "nmod", "amod"} and root.head.lower_ in nouns["home_nouns"]:
        return True
    # "three Canadian soldiers", "a joint French-Malian patrol": whose force (up the modifiers)
    node = root
    for _ in range(4):
        if node.dep_ not in {"compound", "nmod", "amod"} or node.head.i == node.i:
            break
        if _names_a_force(node.head):
            return True
        node = node.head
    # "a Dover High School junior": where someone studies or teaches
    return bool(nouns["school_member"].match(_plain(text_of(sentence.doc)[place.span.end:place.span.end + 60])))


def _an_address_set_off(of: Token) -> bool:
    """ "her son, Tom Reed, 19, of Salem,", "The suspect, Tom Reed, 23, of the 4100 block of Elm
    Street in Dover,", "a driver and a passenger, both of Dover,": an "of" phrase set off by a
    comma after a noun of a person, or after a noun a person's name stands beside, or after
    "both" set off so, names where those people live, wherever the parser hung it (on the noun,
    not the name or the age: placing.yaml: origin)."""
    owner = of.head
    if of.i == 0 or owner.i >= of.i:
        return False
    if owner.lower_ == "both" and owner.i == of.i - 1 and owner.i > 0 and of.doc[owner.i - 1].text == ",":
        return True  # "a driver, 77, and a passenger, 80, both of Dover,"
    if of.doc[of.i - 1].text != ",":
        return False
    nouns = table()
    return owner.lower_ in nouns["person_nouns"] | nouns["home_nouns"] \
        or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in owner.children)


def comes_from_elsewhere(verb: Token) -> bool:
    """ "a storm moving into Iowa from Nebraska", "visiting from Denver": the "from" of a verb of
    coming that names where it goes, or of a visit, is whence someone or something comes, not
    where the act is (placing.yaml: origin, coming_from)."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    rules = table()
    return verb.lemma_.lower() in rules["visiting_verbs"] or any(
        c.dep_ == "prep" and c.lower_ in rules["destination_prepositions"] for c in verb.children)


# "Denver-based", "Boise–based" (placing.yaml: origin)
_BASED = re.compile(r"\s?[-‐–]\s?based\b", re.IGNORECASE)
_BASED_COURT = re.compile(r"\s?[-‐–]\s?based\s+(?:[A-Z0-9][\w.'’]*\s+){0,5}Court\b")


def _names_a_force(noun: Token) -> bool:
    """ "troops", "a foot patrol", "service members": a noun naming an armed force or its people
    (placing.yaml: service_nouns), its last word or its last two ("service members")."""
    words = table()["service_nouns"]
    before = noun.doc[noun.i - 1].lower_ if noun.i > 0 else ""
    return noun.lower_ in words or f"{before} {noun.lower_}" in words


def ends_a_name(place: Place, doc) -> bool:
    """ "a group called East Side United", "her Irish Lottery prize", "built by Capital Iron Co.
    in Dover": a place name inside a run of capitalised words that ends with a word only an
    organisation's name ends with (placing.yaml: name_ends) is a word of that name, wherever the
    tagger cut the name or whatever it called it, and says no place."""
    words = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if words is None or not len(words):
        return False
    end = words.end
    while end < len(doc) and not doc[end].is_sent_start and (doc[end].text[:1].isupper() or doc[end].text == "&"):
        end += 1
    return doc[end - 1].lower_.rstrip(".") in table()["name_ends"]


def copula_subject_words(trigger: Token) -> list[Token]:
    """ "Kabul was his second posting", "Dover is the first stop of the tour": an event noun said of
    a subject by "to be" is there; the subject's words (placing.yaml: copula)."""
    if trigger.dep_ != "attr" or trigger.head.lemma_ != "be":
        return []
    return [t for c in trigger.head.children if c.dep_ == "nsubj" for t in c.subtree]


def circumstance_words(trigger: Token) -> list[Token]:
    """The words of the trigger's circumstance clauses ("while patrolling a market in Kandahar")."""
    marks = table()["circumstance_marks"]
    found = []
    for child in trigger.children:
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in child.children):
            found.extend(child.subtree)
    return found


def names_an_office(place: Place, sentence: SpacySpan, places: list[Place] = ()) -> bool:
    """ "Ohio Governor Tom Reed", "U.S. Secretary of Labor": a title's place; "Sen. Tom
    Hale, R-Cedar Falls": a legislator's party and home town. Neither says where an event is."""
    text = text_of(sentence.doc)
    before = text[max(0, place.span.start - 3):place.span.start]
    if table()["party_label"].match(place.name or "") or table()["party_label"].match(place.span.text or "") \
            or re.fullmatch(r"(^|.)\b[DRI]-", before) and not before[:1].isalpha():
        return True
    words = _words_of(place, sentence)
    if words is None or words.end >= len(sentence.doc):
        return False
    after = sentence.doc[words.end]
    if after.lower_ in {"'s", "’s"} and words.end + 1 < len(sentence.doc):
        after = sentence.doc[words.end + 1]
        if _holds_another_place(words, places):
            return True
    return after.lower_.rstrip(".") in table()["title_words"]


def _holds_another_place(words: SpacySpan, places: list[Place]) -> bool:
    """ "Moldova's breakaway Transdniestria", "Ohio's Warren County": a place before "'s" whose
    owner's phrase names another place qualifies that place (which region of which country);
    it says not where the event is."""
    owner = words.root.head
    if words.root.dep_ != "poss" or owner.i < words.end:
        return False
    held = {t.idx for t in owner.subtree if t.i >= words.end}
    return any(p.span.start in held for p in places)



class Told(NamedTuple):
    """What a later sentence may take from an event already told: its kind, trigger word, own
    date (None when the clause names none) and places."""

    sentence_index: int
    type: str
    places: tuple[Place, ...]
    speaker: str | None
    word: str | None = None  # the trigger's lemma ("arrest" for "arrested")
    start: date | None = None
    end: date | None = None
    token: int | None = None  # the trigger's index in the doc
    date_value: str | None = None  # the own date's value and words, for an event noun that names it again
    date_span: Span | None = None
    # the event's date however it was found (its clause, the sentence, the story), and whether its
    # places are its own (its clause's, or the seat of the body that does it): what tells the
    # story's main act and the acts of its day
    day: tuple[date | None, date | None] = (None, None)
    placed_itself: bool = False


def names_an_event_told(trigger: Token) -> bool:
    """ "the arrest", "Barnett's arrest", "this deployment": an event noun made definite by an
    article, a demonstrative or a possessor speaks of an event the story has told already
    (placing.yaml: told_determiners)."""
    if trigger.pos_ not in {"NOUN", "PROPN"}:
        return False
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in table()["told_determiners"])
               for c in trigger.children)


def date_of_the_event_told(trigger: Token, sentence_index: int, told: list[Told]) -> Told | None:
    """ "Four passengers died in a plane crash in Montana on Sunday. [...] Reports showed ice was a
    factor in the crash": a definite event noun (``names_an_event_told``) names the event told
    before by the same word, and its date is that telling's own date, not one borrowed from
    another clause, an earlier sentence or the report. The latest such telling with a date of
    its own clause; None when the story gave none."""
    if not names_an_event_told(trigger):
        return None
    lemma = trigger.lemma_.lower()
    return next((earlier for earlier in reversed(told) if earlier.sentence_index < sentence_index
                 and earlier.word == lemma and earlier.start is not None and earlier.date_value), None)


def episode_places(trigger: Token | None, event_type: str, sentence_index: int, speaker: str | None,
                   start: date | None, end: date | None, told: list[Told], max_back: int) -> list[Place]:
    """The places an event with none of its own takes from the sentences before it.

    - "the trial", "Barnett's arrest": the event told before with the same trigger word, however
      far back (an act only: statements are not referred to so);
    - otherwise the same kind of event within ``max_back`` sentences, said by the same speaker
      (statements), unless each names its own date and the two dates differ: "She is the widow of
      a man who died in 1986" is not the death of the sentence before."""
    if trigger is not None:
        named_again = places_of_the_event_told(trigger, sentence_index, told)
        if named_again:
            return named_again
    for earlier in reversed(told):
        if sentence_index - earlier.sentence_index > max_back:
            break
        if earlier.type != event_type or not earlier.places or earlier.sentence_index >= sentence_index \
                or earlier.speaker != speaker:
            continue
        if _apart(start, end, earlier.start, earlier.end):
            continue  # another day: another event of the kind, not this one told again
        return list(earlier.places)
    return []


def places_of_the_event_told(trigger: Token, sentence_index: int, told: list[Told],
                             first_in_the_sentence: bool = False) -> list[Place]:
    """ "the trial", "Barnett's arrest": the places of the event told before by the same word
    (``names_an_event_told``), however far back; [] for an event noun said for the first time.
    ``first_in_the_sentence``: asked before the places of another clause of its own sentence ("A
    Salem officer stopped the van on the night of the shooting": the shooting is where it was told, not
    the officer's town; placing.yaml: episode), only for a noun made definite by "the", "this"
    or "that": a possessor ("caught near Atlanta ... shortly after his arrest") says whose, and
    the sentence may tell that one by another word."""
    if not names_an_event_told(trigger):
        return []
    if first_in_the_sentence and not any(c.dep_ == "det" for c in trigger.children):
        return []  # "his arrest": whose, maybe told in this sentence by another word ("caught")
    for earlier in reversed(told):
        if earlier.sentence_index < sentence_index and earlier.word == trigger.lemma_.lower() and earlier.places:
            return list(earlier.places)
    return []


def told_apart_from_the_episode(trigger: Token) -> bool:
    """What tells an act apart from the story's narrated day, whatever day the sentence lent it
    (placing.yaml: episode_day):

    - an event noun ("the killing of the constable", "showed a meeting"): a thing the clause
      speaks of or an event told before, not a step the story narrates;
    - a verb inside quotation marks ('"The mayor met the family on Saturday," a neighbour said'): a
      speaker's own account, told in the speaker's time and place, not the story's narration;
    - a participle before a noun ("the murdered policeman") or a relative clause ("a man who
      threatened the mayor"): someone described by a past act (not a participle after its noun,
      "a guard wounded on Saturday": often hurt in the episode itself);
    - a past perfect ("the clerk had left his office"): what came before the story's time;
    - a present tense ("residents are asked to"): a habit or a standing instruction;
    - a proper name of a site in the act's own clause that the gazetteer lacks ("was taken to
      Mercy Hospital"): the act names its own place, only an unplaced one."""
    words = table()
    if trigger.pos_ not in {"VERB", "AUX"} or trigger.dep_ in words["describing_deps"]:
        return True
    if inside_quotes(trigger):
        return True
    node = trigger
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "relcl":
        return True
    helpers = [c for c in trigger.children if c.dep_ in {"aux", "auxpass"}]
    if trigger.tag_ == "VBN" and any(c.lower_ in words["perfect_auxiliaries"] for c in helpers):
        return True
    if trigger.tag_ in {"VBP", "VBZ"} or any(c.tag_ in {"VBP", "VBZ"} for c in helpers):
        return True
    return any(c.dep_ == "prep" and c.lower_ in words["site_prepositions"] and any(
        o.dep_ == "pobj" and o.pos_ == "PROPN" for o in c.children)
        for c in trigger.children)


def episode_day_places(trigger: Token, start: date | None, end: date | None, told: list[Told]) -> list[Place]:
    """ "BANBRIDGE mourners carried the coffin through the town on Friday. ... Neighbours lined
    the street": the story's main act is the first act told with a place of its own clause, or
    done by a body named with its seat ("The Dover City Council approved a budget on Tuesday");
    an act on the same day with no place of its own is an act of that episode, there
    (placing.yaml: episode_day). Not an act of another day (the past killing a funeral story recalls, a death
    years before), nor one with no day (the caller gives none for an act whose only day is the
    report's), nor one told apart from the episode
    (``told_apart_from_the_episode``)."""
    main = next((t for t in told if t.word is not None and t.type != "STATEMENT" and t.placed_itself), None)
    if main is None or None in (start, end, *main.day) or told_apart_from_the_episode(trigger):
        return []
    if end < main.day[0] or main.day[1] < start:
        return []
    return list(main.places)


def heading_places(sentence: SpacySpan, places: list[Place]) -> list[Place]:
    """ "Talmadge Drive between Pine Road and Oak Lane. Lane closure through June 1 to lay pipe.":
    a listing names its places in a line of its own with no verb, and the act of the next line
    is there. The places of the sentence just before, when it has no verb at all and a place
    name is its head (not "Dover Police Department photo", a credit line)."""
    doc = sentence.doc
    if sentence.start == 0:
        return []
    before = doc[sentence.start - 1].sent
    if any(t.pos_ in {"VERB", "AUX"} for t in before):
        return []
    named = [p for p in places if before.start_char <= p.span.start < before.end_char]
    root = before.root
    if not any(p.span.start <= root.idx < p.span.end for p in named):
        return []
    return named


def where_clause_places(trigger: Token, places: list[Place]) -> list[Place]:
    """ "talks at the county office in Grand Forks, where they met the mayor", "drove
    to Salem, where they were arrested": a clause opened by "where" happens at the place it hangs
    on (the place named by its antecedent, or by the antecedent's own words)."""
    clause = trigger
    while clause.dep_ != "relcl" and clause.head.i != clause.i and clause.pos_ not in {"VERB", "AUX"}:
        clause = clause.head
    if clause.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children):
        return []
    antecedent = clause.head
    named = [p for p in places if p.span.start <= antecedent.idx < p.span.end]
    if named:
        return named
    inside = {t.idx for t in antecedent.subtree} - {t.idx for t in clause.subtree}
    return [p for p in places if any(p.span.start <= i < p.span.end for i in inside)]



def described_participant_places(trigger: Token, places: list[Place]) -> list[Place]:
    """ "In Salem, deputies stopped two men on Friday who fled a checkpoint and fired at a guard":
    an act told in a relative clause on a participant of another act, both in the simple past,
    is part of that act's scene, and happens at its place when it names none of its own
    (placing.yaml: described_participant). Not a clause of background told before the act ("who
    had robbed a bank": a past perfect), nor one of a habit or a state ("a pastor who works at a
    church"), nor a clause opened by "where" (where_clause_places reads it)."""
    rules = table()
    clause = trigger
    for _ in range(rules["relative_clause_steps"]):
        if clause.dep_ == "relcl" or clause.head.i == clause.i or clause.dep_ not in rules["relative_clause_path"]:
            break
        clause = clause.head
    if clause.dep_ != "relcl" or clause.tag_ != "VBD" \
            or any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children):
        return []
    participant = clause.head
    act = participant.head
    if participant.dep_ == "pobj" and act.dep_ == "prep":
        act = act.head
    if participant.dep_ not in rules["participant_deps"] or act.pos_ != "VERB" or act.tag_ not in {"VBD", "VBN"}:
        return []
    if act.tag_ == "VBN" and not any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in act.children):
        return []  # "had stopped": a past perfect, background to the story
    # the act's own words: not the relative clause, nor another clause of its own, nor what a
    # clause on one of its words tells ("a clerk living close to Dover reported a fraud")
    apart = {t.i for t in clause.subtree}
    apart |= {t.i for c in act.children if c.dep_ in rules["other_clause_deps"] for t in c.subtree}
    apart |= {t.i for c in act.subtree if c.dep_ in {"relcl", "acl"} for t in c.subtree}
    words = {t.idx for t in act.subtree if t.i not in apart}
    return [p for p in places if p.span.start in words]

# "BLOOMFIELD -", "CHARLESTON, W.Va. -", "KABUL (AP) -": the town the story is filed from.
# The forms of a dateline at the head of a story ("TORRINGTON, Conn. (AP) — ", "LEEDS - ");
# the wire's own form is the parser's (nlp.WIRE_DATELINE)
LOCAL_DATELINE = re.compile(r"\s*[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
                            r"(?: ?\([A-Za-z .&/]+\))?(?: ?[-–—\x96\x97]{1,2}|  +(?=[A-Z]))")
# (\x96, \x97: the en and em dash of a page read in the wrong encoding; two spaces before the
# first word: the dash was lost, "TEGA CAY  Fire crews ...")
# "SALEM, Ore. Two men were", "DOVER, Del. (AP)  Two men", "AIKEN, S.C. Two men": a wire
# dateline whose dash was lost, known by the state's abbreviation after the town in capitals
ABBREVIATED_DATELINE = re.compile(r"\s*[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3}, (?:[A-Z][a-z]{1,4}\.|(?:[A-Z]\.){2,3})"
                                  r"(?: ?\([A-Za-z .&/]+\))?\s+(?=[A-Z])")
# "Fairfield — A Fairfield man was ...": a local paper's dateline in the town's own spelling
MIXED_CASE_DATELINE = re.compile(r"\s*[A-Z][a-z]+(?: [A-Z][a-z]+){0,2} ?(?:[—–\x96\x97]|--) ?(?=[A-Z])")
DATELINE_DASHES = " -–—\x96\x97"


def dateline_town(text: str, places: list[Place], said: list[Place] | None = None) -> Place | None:
    """The town of the dateline the article opens with, when the story is local: every place the
    article names is in the town's country (placing.yaml: story_town). A dateline abroad
    ("WASHINGTON - Rebels attacked a convoy near Aleppo in Syria") says where the reporter is,
    not where the story's acts are. (Only most of the places in its country was tried: no change
    on the tuning part, and in sample K two deaths a local obituary tells without a place took
    its dateline town, one act gained: not kept.) ``said``: the places the text names as places
    (not the words of a name: "built by Capital Iron Co."), the ones the country test asks; all
    of ``places`` when not given."""
    match = WIRE_DATELINE.match(text) or LOCAL_DATELINE.match(text) or ABBREVIATED_DATELINE.match(text) \
        or MIXED_CASE_DATELINE.match(text)
    if match is None:
        return None
    # (a dateline in the town's own spelling is no toponym of its own: the town named again is)
    named = match.group(0).strip(DATELINE_DASHES).lower()
    town = next((p for p in places if p.span.start < match.end() and p.lat is not None), None) \
        or next((p for p in places if p.span.text.lower() == named and p.lat is not None), None)
    if town is None or town.country_code is None:
        return None
    if any(p.country_code and p.country_code != town.country_code for p in (places if said is None else said)):
        return None
    return town


def headline_town(title: str | None, places: list[Place]) -> Place | None:
    """ "Flying club bids Dover goodbye", "Dover man charged with car theft": a story with no
    dateline whose headline names a town (or county) the text names too is that town's story,
    and its acts that name no place of their own are there, as under a dateline
    (placing.yaml: headline_town). Not a state or a country in the headline ("Kansas storm
    overturns trucks"): too wide to be where an act is. Not a town before a word of someone's
    post ("Former Salem official named to Dover post": the body someone served, placing.yaml:
    post_nouns): the headline's other town may be the story's."""
    if not title:
        return None
    headline = title.lower().replace("’", "'")
    parsed: list[Doc] = []  # the headline parsed once, when a name is found in it
    served: set[int] = set()  # where the headline names a town before someone's post
    for place in places:
        if place.lat is None or not names_a_town_or_county(place):
            continue
        name = place.span.text.lower().replace("’", "'")
        found = re.search(r"(?<![a-z])" + re.escape(name) + r"(?![a-z])", headline)
        if found is None:
            continue
        # "Dover woman ran a shop for 40 years": where someone is from, not where the story is
        following = headline[found.end():].split()
        if following and following[0].strip(".,:;'s") in table()["home_nouns"]:
            # ... unless the headline tells what was done to that person ("Dover boy hurt in a
            # sledding crash", "Dover woman detained at a checkpoint"): a local paper's own story
            parsed = parsed or [parse_syntax(title)]
            if not tells_what_was_done_to_them(parsed[0], found.end()):
                return None
        if found.start() in served or following and following[0].strip(".,:;'") in table()["post_nouns"]:
            # "Former Salem official named to Dover post": whom someone served, not where (nor
            # "Hall" of a "Hall County official", the same words named shorter)
            served.add(found.start())
            continue
        parsed = parsed or [parse_syntax(title)]  # its words' roles alone are read
        if not headline_names_it_as_a_place(parsed[0], found.start(), found.end()):
            continue
        return place
    return None


def tells_what_was_done_to_them(headline: Doc, end: int) -> bool:
    """Whether the person a headline names by a town right before ``end`` ("Dover man ...") is the
    one its past participle tells something was done to: the subject of a participle with no
    auxiliary ("Dover woman detained at a checkpoint") or the noun a participle describes ("Dover
    boy, 9, hurt in a sledding crash"), a headline's passive (placing.yaml: headline_town). A life or a
    deed the person did ("Dover woman ran a bakery", "Dover man gets 15 years") is not."""
    person = next((t for t in headline if t.idx >= end), None)
    if person is None:
        return False
    return (person.dep_ in {"nsubj", "nsubjpass"} and person.head.tag_ == "VBN") \
        or any(c.dep_ == "acl" and c.tag_ == "VBN" for c in person.children)


def headline_names_it_as_a_place(headline: Doc, start: int, end: int) -> bool:
    """Whether the headline's words from ``start`` to ``end`` (a town's name) say where the story
    is ("Flying club bids Dover goodbye", "Fire in Dover", "Dover police seek a driver"), read
    from the headline's parse (placing.yaml: headline_town). Not when the name is

    - a word of a longer name ("Two held in W. Dover robbery", "Rodeo Dover seeks riders"): a
      word before it joined to it as one name is another place's name or a thing's;
    - the party the headline tells of ("Dover will have to pay builder"): a town as the subject
      of the headline's verb is its government, a party to a suit or a deal, whose steps are
      taken elsewhere or nowhere in particular.
    (A town a headline's storm passes by, "Storm expected to miss Dover area", was left out too:
    on the tuning part its two acts went from the wrong town to no place, still wrong: not kept.)"""
    words = headline.char_span(start, end, alignment_mode="expand")
    if words is None or not len(words):
        return True
    root, rules = words.root, table()
    if any(c.dep_ == "compound" and c.i < words.start for c in root.children):
        return False
    return not (root.dep_ in rules["headline_party_deps"] and root.head.pos_ in {"VERB", "AUX"})


def names_a_town_or_county(place: Place) -> bool:
    """A town or a county. A name the gazetteer lacks, placed at a region the text names next to
    it ("Maryville" at "Texas"), is one too, whatever the region's kind it was lent: the
    gazetteer holds every state and country, so a name it lacks is smaller."""
    return place.feature_class == "P" or (place.feature_code or "") in {"ADM2", "ADM3"} \
        or place.resolution == "contained-in"


def sequence_phrase_words(cue: Token, clause_head: Token) -> set[int]:
    """ "fled the clinic following a crash in Salem", "will return to Dover after a run at a
    gallery in Leeds": a noun phrase opened by a preposition of sequence on the
    event's word or its clause's verb (placing.yaml: sequence_prepositions) names another
    happening, before or after the act, and its places are that happening's. (A clause with its
    own verb, "after a bomb exploded in Kabul", is left alone: the blast and the deaths are
    often at one place.)"""
    words = table()["sequence_prepositions"]
    found: set[int] = set()
    for child in [*cue.children, *clause_head.children]:
        if child.dep_ == "prep" and child.lower_ in words and any(c.dep_ == "pobj" for c in child.children):
            found.update(t.i for t in child.subtree)
    return found


def other_clause_words(trigger: Token, clause: list[Token]) -> set[int]:
    """ "Smith was killed in a shootout and Jones was found in a barn near Dover": a verb
    joined to the act's by "and" with a subject of its own tells another happening, and its places
    are not the act's (placing.yaml: other_clause); nor is a relative clause in a perfect or a
    present tense (``_describes_someone_apart``). Not a clause the trigger is inside. The indices
    of those clauses' words. (Every relative clause on the act's nouns was left out too at first:
    the tuning part lost 7 places, "wounds they suffered at a parking lot in ...", "homes he owned
    there" being where the act is, and gained 2: not kept.)"""
    inside = {t.i for t in clause}
    found: set[int] = set()
    for word in clause:
        if word.i == trigger.i or word.i in found or dominates(word, trigger):
            continue
        joined = word.dep_ == "conj" and word.pos_ in {"VERB", "AUX"} \
            and any(c.dep_ in {"nsubj", "nsubjpass"} for c in word.children)
        if joined or _describes_someone_apart(word):
            found.update(t.i for t in word.subtree if t.i in inside)
    return found


def _describes_someone_apart(word: Token) -> bool:
    """ "Ann Reed, who has lived in France since 2009, was sentenced on Monday", "police stopped a
    driver who works at a bank in Dover": a relative clause in the act's clause told in a perfect
    or a present tense says what someone has done or does apart from the act (a life, a habit);
    its places are not the act's (placing.yaml: other_clause). Not one in the simple past
    ("raided a farm he rented in Dover", "wounds they suffered at a lot in Salem": the scene, or
    a step of it), nor one of "to be" or a progressive ("the senator, who is in Reno this week" or
    "who is staying in Reno", "signed the bill": where someone is at the time, so where he acts)."""
    if word.dep_ != "relcl" or word.pos_ not in {"VERB", "AUX"} or word.lemma_.lower() == "be":
        return False
    helpers = [c for c in word.children if c.dep_ in {"aux", "auxpass"}]
    perfect = any(c.lemma_.lower() == "have" for c in helpers)
    # a simple present ("who works at a bank"), not a progressive ("who is staying in Reno": where
    # someone is at the time)
    habit = word.tag_ in {"VBP", "VBZ"} or (word.tag_ == "VBN" and any(c.tag_ in {"VBP", "VBZ"} for c in helpers))
    return perfect or habit


def outside_the_acts_clauses(trigger: Token, sentence: SpacySpan) -> set[int]:
    """The words of the sentence in the clause of another verb that does not hold the act
    (placing.yaml: governing_clause): "Dover tried to slow the flood by raising a wall that is used
    to shelter troops in Iraq" (Iraq is where the wall shelters troops, not where Dover raised it),
    "I graduated from a college in Texas and bought a plane" (Texas is where the graduating was).
    A place in the sentence is where an act it does not name happens only when the verb whose
    clause holds the place governs the act: "stopped in Dover, urging residents to leave", "sent
    two ministers to Khartoum to discuss the crisis"."""
    words = set()
    governs: dict[int, bool] = {}  # clause head -> whether it dominates the act (asked once per head)
    for token in sentence:
        head = clause_head(token)
        if head is None:
            continue
        if head.i not in governs:
            governs[head.i] = dominates(head, trigger)
        if not governs[head.i]:
            words.add(token.i)
    return words


def reporting_clause_words(trigger: Token) -> set[int]:
    """ '"We have found a site and signed a lease," the owner said on Friday from his office in
    Denver': an act told in what someone reports is not where the report was made; the words of
    the reporting verb's own clause, outside its content (placing.yaml: reporting_clause)."""
    content, node = trigger, trigger.head
    while node.i != content.i:
        if node.pos_ in {"VERB", "AUX"} and node.lemma_.lower() in reporting_verbs() \
                and content.dep_ in {"ccomp", "parataxis"}:
            inside = {t.i for t in content.subtree}
            return {t.i for t in node.subtree if t.i not in inside}
        content, node = node, node.head
    return set()


def reporting_verbs() -> frozenset[str]:
    return load_cues().reporting_verbs


def there_places(clause: list[Token], places: list[Place]) -> list[Place]:
    """ "fled the Dover area before police raided homes he owned there": "there" in the event's
    clause points back to the place named last before it in its sentence, or else in the
    sentence before (placing.yaml: there). Not the "there" of "there is", nor "out there"."""
    word = next((t for t in clause if t.lower_ == "there" and t.dep_ == "advmod"
                 and not (t.i and t.doc[t.i - 1].lower_ == "out")), None)
    if word is None:
        return []
    sentence = word.sent
    named = [p for p in places if sentence.start_char <= p.span.start and p.span.end <= word.idx]
    if not named and sentence.start > 0:
        before = word.doc[sentence.start - 1].sent
        named = [p for p in places if before.start_char <= p.span.start < before.end_char]
    return named[-1:]


def conjoined_places(trigger: Token, told: list[Told], sentence_index: int) -> list[Place]:
    """ "Police raided two homes in Dover and arrested a man": a verb conjoined to an event's
    verb, naming no place of its own, tells the same scene (placing.yaml: conjoined)."""
    if trigger.dep_ != "conj" or trigger.pos_ not in {"VERB", "AUX"}:
        return []
    scene = {earlier.token: earlier.places for earlier in told if earlier.sentence_index == sentence_index}
    node = trigger.head
    # (the parser may hang the second verb on a relative clause of the first one's object:
    # "raided a farm he rented there and detained ...": up through the clause to the verb)
    for _ in range(3):
        if node.i in scene:
            return list(scene[node.i])
        if node.dep_ not in {"relcl", "acl", "dobj", "pobj", "prep"} or node.head.i == node.i:
            return []
        node = node.head
    return list(scene.get(node.i, ()))


def covers_a_whole_land(trigger: Token) -> bool:
    """ "a nationwide manhunt", "a statewide search": an event said to cover a whole country, a
    state or the world is not at one town, so it takes no place from the sentence, the episode
    or the dateline, only the ones its own words name (placing.yaml: scope_words)."""
    words = table()["scope_words"]
    return any(c.dep_ in {"amod", "advmod", "compound"} and c.lower_ in words for c in trigger.children)


def describes_someone_by_a_past_act(trigger: Token) -> bool:
    """ "the widow of a murdered guard", "a wounded soldier's wife": a past participle before
    a noun names someone by what was done to them, an act the story recalls and does not tell;
    its place is only what its own words say, never the sentence's, the episode's or the
    story's town (placing.yaml: describing_participle)."""
    return trigger.tag_ == "VBN" and trigger.dep_ in table()["describing_deps"]


@per_sentence
def passed_by_words(sentence: SpacySpan) -> frozenset[int]:
    """ "The storm should bypass southern Ohio", "the hurricane spared Dover": a place
    a happening passes by or misses is where it is not (placing.yaml: passing_verbs); the
    indices of those objects' words (read once per sentence: every event of it asks)."""
    verbs = table()["passing_verbs"]
    found: set[int] = set()
    for token in sentence:
        if token.lemma_.lower() in verbs:
            for child in token.children:
                if child.dep_ == "dobj":
                    found.update(t.i for t in child.subtree)
    return frozenset(found)


def body_seat_named_before(actor_words: list[Token], places: list[Place], seat_phrase) -> list[Place]:
    """ "The Dover City Council met on Monday. ... The council voted to ...": a body named
    without its place ("the council", "the board") is the one the story named before with its
    town, and acts there (placing.yaml: seat). ``seat_phrase(place)`` gives the words after a
    place that name a body sitting there ("town council"), or None."""
    heads = [t for t in actor_words if t.dep_ not in {"det", "poss", "amod", "compound"} and t.pos_ in {"NOUN", "PROPN"}]
    if not heads:
        return []
    head = heads[0]
    if head.pos_ == "PROPN" and head.text[:1].isupper() and head.i != head.sent.start:
        return []  # a named body ("Acme Board") is not the one named before
    before = head.idx
    for place in sorted(places, key=lambda p: -p.span.start):
        if place.span.end > before:
            continue
        phrase = seat_phrase(place)
        if phrase and head.lemma_.lower() in phrase:
            return [place]
    return []


def place_noun_places(words: list[Token], places: list[Place]) -> list[Place]:
    """ "drowned in the Elk River on Friday ... divers searched the river for hours": a place named by
    its kind with "the" ("the river", "the lake") is the place of that kind the story named
    last before it, the one whose name ends with the word (placing.yaml: place_nouns)."""
    kinds = table()["place_nouns"]
    for word in words:
        if word.lower_ not in kinds or word.dep_ != "pobj" \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in word.children) \
                or any(c.dep_ in {"compound", "amod", "poss"} for c in word.children):
            continue
        named = [p for p in places if p.span.end <= word.idx and p.span.text.split()
                 and p.span.text.split()[-1].lower() == word.lower_]
        if named:
            return named[-1:]
    return []


def acts_at_someones_home(events: list, doc, places: list[Place]) -> list:
    """The acts that name no place, each at someone's home when its words name one
    (``someones_home_places``), over all the article's places: where someone lives, set aside as
    an origin while the act's own sentence was read ("a Dover man"), is the home's place."""
    placed = []
    for event in events:
        if event.places or event.trigger is None or event.type == "STATEMENT" or event.clause is None:
            placed.append(event)
            continue
        words = doc.char_span(event.clause.start, event.clause.end, alignment_mode="expand")
        trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        homes = someones_home_places(trigger.root, list(words), places) if words is not None and trigger is not None else []
        placed.append(replace(event, places=tuple(homes), place_inherited=True) if homes else event)
    return placed


def someones_home_places(trigger: Token, words: list[Token], places: list[Place]) -> list[Place]:
    """ "A Dover man was asleep when burglars broke into his home", "Ann Reed, who lives on Elm
    Street in Dover, ... police searched her house": someone's home, named by a possessive
    pronoun, is where the text says that person lives: the places of the latest phrase before it,
    in its sentence or the few before, that names where someone is from or lives ("a Dover man",
    "of Elm Street in Dover", "living in Dover": ``is_origin``, ``names_where_someone_lives``)
    (placing.yaml: someones_home). The act's own words, and for a verb joined to another by
    "and" ("broke into his home and took a laptop"), the words of the verb it is joined to."""
    if not any(_names_someones_home(t) for t in _words_with_the_joined_verbs(trigger, words)):
        return []
    doc = trigger.doc
    first = doc[max(0, trigger.sent.start - 1)].sent
    for _ in range(table()["home_sentences_back"] - 1):
        first = doc[max(0, first.start - 1)].sent
    homes = []
    for place in places:
        if not first.start_char <= place.span.start < trigger.idx:
            continue
        sentence = doc[_token_at(doc, place.span.start)].sent
        if is_origin(place, sentence) or names_where_someone_lives(place, sentence):
            homes.append(place)
    return _last_phrase(homes, doc)


def _words_with_the_joined_verbs(trigger: Token, words: list[Token]) -> list[Token]:
    joined = []
    node = trigger
    while node.dep_ == "conj" and node.head.i != node.i and node.head.pos_ in {"VERB", "AUX"}:
        node = node.head
        joined += [t for c in node.children if c.dep_ in {"dobj", "prep"} for t in c.subtree]
    return [*words, *joined]


def _names_someones_home(word: Token) -> bool:
    """ "his home", "their apartment": a dwelling owned by a pronoun (whatever part of speech the
    tagger gave the noun: "her flat" is read as an adjective)."""
    rules = table()
    return word.lower_ in rules["dwelling_nouns"] and any(
        c.dep_ == "poss" and c.lower_ in rules["owner_pronouns"] for c in word.children)


def names_where_someone_lives(place: Place, sentence: SpacySpan) -> bool:
    """ "was living on Elm Street, Dover", "who resides in Salem": the place of a verb of
    living (placing.yaml: someones_home), or a place listed after such a place."""
    words = _words_of(place, sentence)
    if words is None:
        return False
    root = words.root
    for _ in range(4):  # "in Elm Street, Dover, Kent": up the list to the preposition
        if root.dep_ not in {"appos", "conj", "npadvmod", "compound"} or root.head.i == root.i:
            break
        root = root.head
    return root.dep_ == "pobj" and root.head.head.lemma_.lower() in table()["living_verbs"]


def _token_at(doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def _last_phrase(places: list[Place], doc) -> list[Place]:
    """The last places of a list that follow one another with only commas or "in" between
    ("Elm Street, Dover, Kent", "the 900 block of Elm Street in Dover")."""
    if not places:
        return []
    text = text_of(doc)
    phrase = [places[-1]]
    for place in reversed(places[:-1]):
        between = text[place.span.end:phrase[0].span.start].strip(" ,").lower()
        if between not in {"", "in"}:
            break
        phrase.insert(0, place)
    return phrase


def _contains(outer: Place, inner: Place) -> bool:
    """Whether the gazetteer puts ``inner`` inside ``outer``: a town or region in a country, a
    town in a first-level region (state, province)."""
    if outer.country_code is None or inner.country_code != outer.country_code or inner.names_a_state:
        return False
    outer_code, inner_code = outer.feature_code or "", inner.feature_code or ""
    if outer_code.startswith("PCL"):
        return not inner_code.startswith("PCL")
    return outer_code == "ADM1" and inner_code != "ADM1" and inner.admin1 is not None and inner.admin1 == outer.admin1


def most_specific(places: list[Place]) -> list[Place]:
    """ "in Strasbourg, eastern France", "in Afghanistan's southern Kandahar province", "in the
    town of Dover, Delaware": a country or region named with a place inside it only says where
    that place is, so the event is at the place inside (a news report names the country to
    situate the town, not as a second scene). Places that do not hold one another all stay
    ("fighting in Syria and Iraq")."""
    return [p for p in places if not any(q is not p and _contains(p, q) for q in places)]


def site_noun_places(words: list[Token], places: list[Place]) -> list[Place]:
    """ "was arrested at a Dover residence on Monday ... searched the residence": a site named
    again by its kind with "the" (placing.yaml: site_nouns) is the one the story placed before,
    and what happens there is at that place: the places named in the earlier mention's own
    phrase ("a Dover residence", "a house in Dover", "a bank on Elm Street"), the latest one."""
    kinds = table()["site_nouns"]
    for word in words:
        if word.lemma_.lower() not in kinds or word.pos_ != "NOUN" \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in word.children) \
                or any(c.dep_ in {"compound", "amod", "poss"} for c in word.children):
            continue
        for earlier in reversed(word.doc[:word.i]):
            if earlier.lemma_.lower() != word.lemma_.lower() or earlier.pos_ != "NOUN":
                continue
            phrase = {t.idx for c in earlier.children if c.dep_ in {"compound", "nmod", "amod", "prep"}
                      for t in c.subtree}
            # (a site is in a town, a county or a street: "off U.S. 79" is a road, not the country)
            named = [p for p in places if p.span.start in phrase and not (p.feature_code or "").startswith("PCL")]
            if named:
                return named
    return []


def holder_of_a_named_thing(place: Place, doc, places: list[Place]) -> Place | None:
    """ "put out a fire at a Brook Haven home", "the fire at the Elm Ridge Apartments": a name the
    gazetteer lacks, placed only by the town the text names next to it (resolution
    "contained-in"), that stands before a noun as its modifier or its possessor names that thing
    (an estate's homes, an apartment complex, a firm, a judge's district), not a town: what
    happens there is in the place that holds it, the town or county the text named it with
    (placing.yaml: named_thing_deps): that place as the article names it; None when the place is
    no such name, or the text names no town or county that holds it."""
    if place.resolution != "contained-in" or place.geonames_id is None:
        return None
    words = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if words is None or not len(words):
        return None
    root = words.root
    if root.dep_ not in table()["named_thing_deps"] or root.head.i < words.end \
            or root.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    holder = min((p for p in places if p.resolution == "gazetteer" and p.geonames_id == place.geonames_id
                  and names_a_town_or_county(p)),
                 key=lambda p: abs(p.span.start - place.span.start), default=None)
    return holder


def acts_of_a_local_body_at_home(events: list, doc, places: list[Place], home_town: Place | None) -> list:
    """ "The city council voted Tuesday to ...": the acts (not statements) that name no place, whose own words
    name a local body without its town (placing.yaml: local_body), are in the outlet's home town
    (``geo.resolve.outlet_home_town``) when the text names no other town of that town's state, and
    does not name only places of its country outside that state (``_names_another_town``): the
    article's setting of last resort."""
    if home_town is None or _names_another_town(places, home_town):
        return events
    placed = []
    for event in events:
        if event.places or event.trigger is None or event.clause is None or event.type == "STATEMENT":
            placed.append(event)
            continue
        words = doc.char_span(event.clause.start, event.clause.end, alignment_mode="expand")
        if words is not None and any(_a_local_body(token) for token in words):
            placed.append(replace(event, places=(home_town,), place_inherited=True))
        else:
            placed.append(event)
    return placed


def _names_another_town(places: list[Place], home_town: Place) -> bool:
    """The text names a town of the home town's state other than it, or names places in the home
    town's country none of which is in its state (the namesake taken for the outlet's town is
    not the one the story is about)."""
    in_country = [p for p in places if p.country_code == home_town.country_code and p.admin1
                  and not (p.feature_code or "").startswith("PCL")]
    at_home = [p for p in in_country if p.admin1 == home_town.admin1]
    if in_country and not at_home:
        return True
    return any(p.feature_class == "P" and p.name != home_town.name for p in at_home)


def _a_local_body(token: Token) -> bool:
    """A noun of a local body with no name of its own and no word of a wider government before
    it: "the council", "city officials", "the school board"; not "the Dover council", "the state
    board"."""
    nouns, wider = table()["local_body_nouns"], table()["local_body_wider"]
    if token.lower_ not in nouns or token.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.dep_ in ("compound", "amod", "nmod") and token.head.lower_ not in nouns | table()["local_body_staff"]:
        return False  # "a city cop", "a township road": the noun only describes another
    head = token.head if token.dep_ in ("compound", "amod", "nmod") and token.head.i != token.i else token
    modifiers = [t for t in list(head.lefts) + list(token.lefts) if t.i != token.i]
    for t in modifiers:
        if t.lower_ in wider:
            return False
        if t.pos_ == "PROPN" and t.lower_ not in nouns and t.text[:1].isupper() and t.ent_type_ in ("GPE", "LOC", "ORG", "FAC"):
            return False
    return True


def _placeless_acts_placed_by(events: list, doc, telling_for) -> list:
    """Each act (not a statement) that names no place takes the places of the event ``telling_for(k,
    event)`` picks (None: it stays placeless), marked inherited; never an act over a whole land or one
    that names someone by a past act (placing.yaml's two passes that place an act by another telling)."""
    out = []
    for k, event in enumerate(events):
        token = None if event.places or event.type == "STATEMENT" else trigger_token(event, doc)
        source = None
        if token is not None and not covers_a_whole_land(token) and not describes_someone_by_a_past_act(token):
            source = telling_for(k, event)
        out.append(event if source is None else replace(event, places=source.places, place_inherited=True))
    return out


def acts_placed_by_a_later_telling(events: list, doc) -> list:
    """ "Two men were arrested on Monday. ... The men were arrested at a motel in Salem": an act (not a
    statement) that names no place, told again later in the story by the same word for the same kind
    of event, whose own clause names where, is there (placing.yaml: told_again_later). A story often
    names a happening first and places it when it tells it again, and the chain reads only the
    sentences before an act. The nearest later telling placed by its own words is taken; not when
    both give a day of their own and the days differ (another act of the kind), nor for an act over a
    whole land or one that names someone by a past act."""
    lemmas = [_lemma_of(event, doc) for event in events]
    # the acts placed by their own words, in the order of the text
    tellings = sorted((k for k, event in enumerate(events) if event.places and not event.place_inherited
                       and event.type != "STATEMENT" and lemmas[k] is not None),
                      key=lambda k: events[k].trigger.start)

    def later_telling(k: int, event):
        return None if lemmas[k] is None else next(
            (events[j] for j in tellings if events[j].trigger.start > event.trigger.start and lemmas[j] == lemmas[k]
             and events[j].type == event.type and not _other_days(event, events[j])), None)

    return _placeless_acts_placed_by(events, doc, later_telling)


def acts_placed_by_an_earlier_act_of_the_kind(events: list, doc) -> list:
    """ "A man was shot on Elm Street in Dover on Friday. [...] Police said the victim was hit twice":
    an act (not a statement) that names no place after every other rule takes the places of the
    nearest act of the same kind (type) told in an earlier sentence and placed by its own words,
    however far back (placing.yaml: earlier_of_the_kind): the episode carry reads only a few
    sentences back, and a story often comes back to its happening after a paragraph of other
    matters. Not when both give a day of their own and the days differ (another act of the kind),
    nor for an act over a whole land or one that names someone by a past act."""
    placed = sorted((k for k, event in enumerate(events) if event.places and not event.place_inherited
                     and event.type != "STATEMENT"), key=lambda k: events[k].trigger.start)

    def earlier_of_the_kind(_: int, event):
        return next((events[j] for j in reversed(placed)
                     if events[j].sentence.end <= event.sentence.start and events[j].type == event.type
                     and not _other_days(event, events[j])), None)

    return _placeless_acts_placed_by(events, doc, earlier_of_the_kind)


def _lemma_of(event, doc) -> str | None:
    token = trigger_token(event, doc)
    return token.lemma_.lower() if token is not None else None


def _other_days(one, other) -> bool:
    """Whether both events give a day of their own and the days differ."""
    if one.date_inherited or other.date_inherited:
        return False
    return _apart(one.date_start, one.date_end, other.date_start, other.date_end)


def _apart(start: date | None, end: date | None, other_start: date | None, other_end: date | None) -> bool:
    """Whether two spans of days, both known, share no day (an unknown end never sets them apart)."""
    return None not in (start, end, other_start, other_end) and (end < other_start or other_end < start)


def acts_placed_by_a_bodys_town(events: list, doc, places: list[Place]) -> list:
    """ "Ohio lawmakers voted on the road bill", "arraigned at the Lake County Jail, with her bond
    set at $2,500": an act (not a statement) that names no place after every other rule, whose sentence
    names a town, county or state right before a word of a body that sits there (placing.yaml:
    bodys_town: the seat and body words, and a few more), is there: a body acts where it sits (the
    last resort, read after every other place rule). Not a place in another verb's clause that does
    not hold the act, nor in the words that report the act, nor an origin ("a Dover High School
    senior": where someone studies, as "a Dover man" is where he lives); not for an act over a whole
    land or one that names someone by a past act ("the widow of a murdered guard", and a participle
    after its noun: "a man accused of hitting a Dover officer"), nor for a country ("the French
    ministry" says whose, not where)."""
    words = _bodys_town_words()
    text = text_of(doc)
    out = []
    for event in events:
        token = trigger_token(event, doc) if not event.places and event.type != "STATEMENT" \
            and event.sentence is not None else None
        if token is None or covers_a_whole_land(token) or describes_someone_by_a_past_act(token) \
                or (token.tag_ == "VBN" and token.dep_ in table()["bodys_town_describing_deps"]):
            out.append(event)
            continue
        # (not a place in another verb's clause that does not hold the act, nor in the words that
        # report it: "said Lt. Ann Reed of the Carver County Board" is who reports, not where)
        aside = outside_the_acts_clauses(token, token.sent) | reporting_clause_words(token)
        said_by = event.attribution.span if event.attribution is not None else None
        found: list[Place] = []
        for place in places:
            if not (event.sentence.start <= place.span.start and place.span.end <= event.sentence.end) \
                    or place.lat is None or (place.feature_code or "").startswith("PCL") or place in found:
                continue
            if said_by is not None and said_by.start <= place.span.start < said_by.end:
                continue
            named = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
            if named is None or not len(named) or any(t.i in aside for t in named) \
                    or is_origin(place, token.sent):
                continue  # (nor an origin: "Dover High School sophomore Ann Hill")
            rest = place.span.text[len(place.name):] if place.span.text.startswith(place.name) else ""
            following = (rest.split() or text[place.span.end:place.span.end + 40].split())[:1]
            if following and re.sub(r"['’]s?$", "", following[0].strip(".,;:()\"'“”").lower()) in words:
                found.append(place)
        out.append(replace(event, places=tuple(found), place_inherited=True) if found else event)
    return out


@lru_cache(maxsize=1)
def _bodys_town_words() -> frozenset[str]:
    from dateline.geo.recognize import SEAT_WORDS
    tab = table()
    return frozenset(SEAT_WORDS | tab["body_words"] | tab["bodys_town_more_words"])
