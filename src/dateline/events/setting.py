"""The story's setting (issue 11, places): where a local news story is, named once at its head
and assumed by the sentences after it.

A local story sets its scene once: in its dateline ("DOVER -"), in its headline ("Dover man
charged with theft") or else in its lead ("A Dover man was arrested on Friday ...", "... a
welcome for Dover's new council members"). The acts of that episode it goes on to tell, naming
no place of their own ("Officers searched his car", "a bystander suffered a minor injury"), are
there. The setting is read once per article:

- a dateline or headline town (``placing.dateline_town``, ``placing.headline_town``) states it:
  every act with no place of its own takes it, as before;
- a lead's town (``lead_town``: a lead of the report's days, in a story whose places are all in
  the town's country) is only read from the lead, so it is lent only to an act after the lead,
  of the story's episode (``of_the_episode``), whose sentence puts it nowhere else
  (``names_a_place_elsewhere``), and not when the lead tells its own act in the town: the acts
  of that act's day are there already and those of other days are other episodes
  (``lead_act_told_there``).

The lead's own acts keep the places of their own words, save two: a police step done to someone
the lead names by the town ("A Dover teacher was detained and charged", ``held_at_home``) is there,
and so is an act of a lead that names its town before a noun of a thing or an office ("after a raid
on a Dover pawnshop", "Dover's fire marshal says a blaze destroyed ...":
``names_a_thing_or_office_by_the_town``), not a person's origin.
A lead that names no place at all ("A teenager was stabbed four times on Friday night.") is set
by the town the next sentences name ("The fight began outside a party in Dover"): the lead's own
act of the episode is there (``town_named_after_a_placeless_lead``).

A story that sets no scene at all (no dateline, headline or lead town, and no event told with a
place before an act) is where the local body it names by its town works ("Danville police Sgt.
Ann Reed said", "the Marion County Sheriff's Office"): its acts of the episode told before any
event is placed are there (``acts_set_by_a_local_body``, a pass after every other place rule).

Statements never take it: the judged samples leave "the chief said" unplaced, where a local
story's speaker is (tried: 55 statements of the tuning part lost, 1 gained). The words are in
``placing.yaml`` (setting).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import NamedTuple

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline.events.non_event_features import trigger_token
from dateline.events.placing import (Told, covers_a_whole_land, dateline_town, describes_someone_by_a_past_act,
                                     headline_town, names_a_town_or_county,
                                     names_an_event_told, table, told_apart_from_the_episode)
from dateline.geo.recognize import PLACE_LABELS, SEAT_WORDS
from dateline.model import Place
from dateline.nlp import text_of


class Setting(NamedTuple):
    """The story's town, and whether its dateline or headline states it (else its lead names it)."""

    place: Place
    stated: bool
    after: int = 0  # a lead's town is lent only after the lead (whose own places the rules read already)


def story_setting(text: str, title: str | None, lead: SpacySpan | None, lead_places: list[Place],
                  places: list[Place], said: list[Place], lead_day: date | None = None,
                  dct: date | None = None) -> Setting | None:
    """The article's setting, read once: its dateline town, else its headline town, else its
    lead's town. ``said``: the places the text names as places (not words of a name);
    ``lead_places``: those of them the lead names as where or whence (not an office's place
    nor a reference point: "Sen. Ann Reed, D-Dover", "ten miles south of Dover"); ``lead_day``:
    the day the lead's own words give, if any: a lead told weeks or years before the report
    (``episode_days``) tells a life or a history, not a local episode, and sets no scene."""
    town = dateline_town(text, places, said) or headline_town(title, places)
    if town is not None:
        return Setting(town, True)
    town = lead_town(lead, lead_places, said)
    if town is not None and lead_day is not None and dct is not None \
            and abs((lead_day - dct).days) > table()["episode_days"]:
        return None  # "Ann Reed opened a bakery in Dover in 1960": a life told, not a local episode
    return Setting(town, False, lead.end_char) if town is not None else None


def lead_town(lead: SpacySpan | None, lead_places: list[Place], said: list[Place]) -> Place | None:
    """The first town or county the lead names, as where something is or as where someone comes
    from ("A Dover man was arrested": a local paper's lead names its own town so), when every
    place the article names as a place is in that town's country, as under a dateline
    (placing.yaml: setting)."""
    if lead is None:
        return None
    town = next((p for p in lead_places if p.lat is not None and p.country_code and names_a_town_or_county(p)),
                None)
    if town is None or any(p.country_code and p.country_code != town.country_code for p in said):
        return None
    return town


def of_the_episode(trigger: Token, start: date | None, dct: date | None) -> bool:
    """Whether an act is one of the episode a local story tells (placing.yaml: setting):

    - dated, within ``episode_days`` of the report: an act the text gives no day, or one weeks
      or years away ("was convicted in 2007", "will meet in June"), is background to the story,
      not its episode;
    - a verb not told apart from the story's narration (``placing.told_apart_from_the_episode``:
      a relative clause on someone, a past perfect, a present habit, a quotation);
    - an event noun said for the first time ("suffered a minor injury", "charges of robbery"),
      not one named again with "the", "this" or a possessor ("the killing", "the judge's order"):
      those speak of an event told before or of a thing, wherever it was."""
    if start is None or dct is None or abs((start - dct).days) > table()["episode_days"]:
        return False
    if trigger.pos_ in {"NOUN", "PROPN"}:
        return not names_an_event_told(trigger)
    return not told_apart_from_the_episode(trigger)


def names_a_place_elsewhere(sentence: SpacySpan, places: list[Place], town: Place) -> bool:
    """Whether the sentence names a place other than the town and the state or country it is
    in: the text puts what the sentence tells somewhere else ("fled a clinic after a crash in
    Salem" in a Dover story), if only in words no rule took as the act's own place."""
    for place in places:
        if not sentence.start_char <= place.span.start < sentence.end_char or place.name == town.name:
            continue
        if place.country_code == town.country_code and (place.feature_code or "").startswith(("ADM1", "PCL")):
            continue
        return True
    return False


def lead_act_told_there(setting: Setting, told: list[Told], doc) -> bool:
    """Whether the lead tells its own act in the town ("Police arrested two men in Dover on
    Saturday"): the story's main act, whose day's acts are there already
    (``placing.episode_day_places``) while those of other days are other episodes ("One of them
    shot a guard on Monday"). The setting speaks for a lead that names its town otherwise ("A
    Dover man was arrested", "at a Dover residence" after the act)."""
    main = next((t for t in told if t.word is not None and t.type != "STATEMENT" and t.placed_itself), None)
    return main is not None and main.token is not None and doc[main.token].idx < setting.after \
        and any(p.name == setting.place.name for p in main.places)


def lends_the_setting(setting: Setting, trigger: Token, sentence: SpacySpan, places: list[Place],
                      start: date | None, dct: date | None, told: list[Told]) -> bool:
    """Whether an act with no place of its own, told after the lead, is at the setting the lead names;
    also an act of the lead itself, when the lead names its town before a noun of a thing or an
    office ("after a raid on a Dover pawnshop": ``names_a_thing_or_office_by_the_town``) and its
    sentence names no other place than the town and its country."""
    in_the_lead = sentence.start_char < setting.after and not describes_whom_the_lead_is_about(trigger) \
        and names_a_thing_or_office_by_the_town(setting.place, sentence.doc) \
        and not names_a_place_beyond_the_town(sentence, places, setting.place)
    return (sentence.start_char >= setting.after or in_the_lead) and of_the_episode(trigger, start, dct) \
        and not lead_act_told_there(setting, told, sentence.doc) \
        and not names_a_place_elsewhere(sentence, places, setting.place)


def names_a_thing_or_office_by_the_town(town: Place, doc) -> bool:
    """ "a Dover residence", "Dover's fire marshal", "a Dover pawnshop": the lead names its town
    before a noun, as where a thing is or whose office someone holds, not in a place phrase of a
    clause of its own ("was caught in a barn near Dover": the place of that clause's act), nor
    before a noun of a person ("a Dover man won a prize": where he comes from, placing.yaml: origin)
    nor of a body ("the Dover Board": ``_a_body_word``)."""
    words = doc.char_span(town.span.start, town.span.end, alignment_mode="expand")
    if words is None or not len(words):
        return False
    root, nouns = words.root, table()
    following = doc[words.end].lower_ if words.end < len(doc) else ""
    return root.dep_ in nouns["town_before_a_noun_deps"] \
        and root.head.lower_ not in nouns["person_nouns"] | nouns["home_nouns"] \
        and not any(_a_body_word(word) for word in (following, root.head.lower_))


def _a_body_word(word: str) -> bool:
    """ "the Dover police", "the Carver County Board": a body named by its town, whose seat the
    seat steps weigh (events.event_place: seat, reporting force), not the story's setting."""
    bodies = SEAT_WORDS | table()["body_words"]
    return word in bodies or (word.endswith("s") and word[:-1] in bodies)


def held_at_home(setting: Setting, trigger: Token, sentence: SpacySpan, places: list[Place]) -> bool:
    """ "A Dover teacher was detained and charged with burglary": the lead's own police step, done to
    someone it names by the setting's town, is in the town (placing.yaml: setting, custody_steps):
    a local paper names a suspect by his town because its police hold him there. Not when the
    sentence names another place ("charged with robbing two banks in Wilmington"), and never
    what the person did: an origin says nothing of where someone acts."""
    if setting.stated or sentence.start_char >= setting.after or not is_a_custody_step(trigger):
        return False
    held = person_held(trigger)
    return held is not None and named_by_the_town(held, setting.place) \
        and not names_a_place_beyond_the_town(sentence, places, setting.place)


def is_a_custody_step(trigger: Token) -> bool:
    """ "arrested", "charged", "took ... into custody": a step of holding someone."""
    lemma = trigger.lemma_.lower()
    words_under = {t.lower_ for t in trigger.subtree}
    return any(step[0] == lemma and all(word in words_under for word in step[1:]) for step in table()["custody_steps"])


def person_held(trigger: Token) -> Token | None:
    """Who the step holds: the subject of a passive ("A Dover man was arrested", also of a verb
    joined to it: "... and charged"), else the object ("Deputies arrested a Dover man")."""
    verb = trigger
    while verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"} and not any(
            c.dep_ in {"nsubj", "nsubjpass", "dobj"} for c in verb.children):
        verb = verb.head
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return passive or next((c for c in trigger.children if c.dep_ == "dobj"), None)


def named_by_the_town(person: Token, town: Place) -> bool:
    """ "a Dover man", "a Dover teenager": the town stands before a noun of a person."""
    nouns = table()
    return person.lower_ in nouns["person_nouns"] | nouns["home_nouns"] \
        and person.left_edge.idx <= town.span.start and town.span.end <= person.idx


def names_a_place_beyond_the_town(sentence: SpacySpan, places: list[Place], town: Place) -> bool:
    """Whether the sentence names a place other than the town and its country, its own state too:
    "charged with robbing two Maryland banks" in a Dover story puts the crime, and so the charge,
    elsewhere (a reporter names a state only to say that the banks are not the town's own)."""
    for place in places:
        if not sentence.start_char <= place.span.start < sentence.end_char or place.name == town.name:
            continue
        if place.country_code == town.country_code and (place.feature_code or "").startswith("PCL"):
            continue
        return True
    return False


def town_named_after_a_placeless_lead(lead: SpacySpan, trigger: Token, places: list[Place]) -> Place | None:
    """ "A teenager was stabbed four times on Friday night. The fight began outside a party in
    Dover, deputies said.": a local story whose lead tells its act and names no place at all (a
    soft lead: who and what first, where after) names its town in the sentences right after it;
    the lead's act, naming none of its own, is there (placing.yaml: setting, after_the_lead).
    The first town or county the gazetteer knows in the ``after_lead_sentences`` after the lead,
    when every place the article names is in that town's country (as under a dateline). Only
    an act of the lead that is a step of its episode (``of_the_episode`` is asked by the caller):
    not what describes someone ("a man accused of fraud"), nor an act the story recalls."""
    if not lead.start_char <= trigger.idx < lead.end_char or describes_whom_the_lead_is_about(trigger) \
            or names_any_place(lead, places):
        return None
    reach = table()["after_lead_sentences"]
    following, sentence = [], lead
    while len(following) < reach and sentence.end < len(lead.doc):
        sentence = lead.doc[sentence.end].sent
        following.append(sentence)
    if not following:
        return None
    town = next((p for p in places if following[0].start_char <= p.span.start < following[-1].end_char
                 and p.lat is not None and p.country_code and p.resolution == "gazetteer"
                 and names_a_town_or_county(p) and not in_a_relative_clause(p, lead.doc)), None)
    if town is None or any(p.country_code and p.country_code != town.country_code for p in places):
        return None
    return town


def describes_whom_the_lead_is_about(trigger: Token) -> bool:
    """ "A woman accused of fraud appeared in court": a participle after a noun describes someone
    by what the story alleges or recalls, no step of the lead's episode."""
    return trigger.dep_ == "acl" and trigger.tag_ == "VBN"


def names_any_place(sentence: SpacySpan, places: list[Place]) -> bool:
    """Whether the sentence names a place, as where, whence or whose ("Russia's president"):
    a place the rules kept, or a name the parser reads as a place's."""
    return any(sentence.start_char <= p.span.start < sentence.end_char for p in places) \
        or any(t.ent_type_ in PLACE_LABELS for t in sentence)


def in_a_relative_clause(place: Place, doc) -> bool:
    """ "nieces of a pastor who works at a church in Dover": a relative clause tells of the one it
    describes, not where the story is (placing.yaml: described)."""
    words = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    return words is not None and len(words) > 0 and any(t.dep_ == "relcl" for t in words.root.ancestors)


def acts_set_by_a_local_body(events: list, doc, places: list[Place], dct: date | None) -> list:
    """ "Two sheds were broken into this week. ... Danville police Sgt. Ann Reed said ...": a
    story that sets no scene (no event told before an act has a place) is where the local body it
    names by its town works: the town or county whose name begins the first such body's name
    ("the Danville police", "the Marion County Sheriff's Office", "Salem District Court",
    placing.yaml: setting, local_body_words). Each act (not a statement) that names no place, told
    before any event placed, of the story's episode (``of_the_episode``) and not over a whole land
    nor naming someone by a past act, is there: the story's setting of last resort, read after
    every other place rule (the outlet's home town among them)."""
    first_placed = min((event.trigger.start for event in events if event.places and event.trigger is not None),
                       default=None)
    unset = {}
    for k, event in enumerate(events):
        token = trigger_token(event, doc) if not event.places and event.type != "STATEMENT" else None
        if token is not None and (first_placed is None or event.trigger.start <= first_placed) \
                and not covers_a_whole_land(token) and not describes_someone_by_a_past_act(token) \
                and of_the_episode(token, event.date_start, dct):
            unset[k] = event
    # (the body's town is looked for only when some act awaits it: most stories place their first act)
    town = first_local_body_town(places, doc) if unset else None
    if town is None:
        return events
    return [replace(event, places=(town,), place_inherited=True) if k in unset else event
            for k, event in enumerate(events)]


def first_local_body_town(places: list[Place], doc) -> Place | None:
    """The first town or county (no state, no country) the text names as the start of a local
    body's name: the body's word right after the name, inside the place's words ("Marion County
    School District") or after them ("Danville police"); capitalised, save the words of a force
    written in lower case after a town ("Dover police"); in a sentence with a verb, not a photo's
    credit ("Dover Police photo."): placing.yaml: setting, local_body_words."""
    text = text_of(doc)
    words, lower = table()["local_body_words"], table()["local_body_lower_words"]
    for place in sorted(places, key=lambda p: p.span.start):
        if place.lat is None or not names_a_town_or_county(place) or (place.feature_code or "").startswith("PCL"):
            continue
        rest = place.span.text[len(place.name):] if place.span.text.startswith(place.name) else ""
        following = (rest.split() or text[place.span.end:place.span.end + 40].split())[:1]
        if not following:
            continue
        word = re.sub(r"['’]s?$", "", following[0].strip(".,;:()\"'“”"))
        bare = word.lower()
        if (bare in words or (bare.endswith("s") and bare[:-1] in words)) and (word[:1].isupper() or bare in lower) \
                and _in_a_sentence_with_a_verb(place, doc):
            return place
    return None


def _in_a_sentence_with_a_verb(place: Place, doc) -> bool:
    words = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    return words is not None and len(words) > 0 and any(t.pos_ in {"VERB", "AUX"} for t in words[0].sent)
