"""Which occasion the statements of a story are dated by (issue 11: dates of the right episode).

A story that opens with a gathering quotes what was said there (``events._lead_occasion``):
the lead is its whole first sentence, even when a title's full stop ("Fr.", "Cdr.": those
nlp does not keep whole, title_abbreviations.yaml) made the parser cut it short, and a verb added to a past "said" ("..., adding ...") was said there too. The
rules and their examples: dating.yaml (tests/events/test_dating.py runs them).

An act told as background (a future, a past perfect, a present perfect after an earlier
episode, an act placed only after an undated happening) takes no date borrowed from another clause, an earlier sentence or
the report (``borrows_no_day``): no day rather than a wrong one, since the text gives none.

How each rule was chosen (the tuning errors it was read from, what it righted and broke, what was
tried and dropped) is docs/dating.md, stop by stop: read it before adding a rule here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Token

from dateline.events.attribution import inside_quotes
from dateline.events.episodes import acts_anchoring_the_lead
from dateline.model import Event
from dateline.nlp import plain_lower
from dateline.time.anchoring import YEAR_ONLY, YEARS_SPAN, modifies_a_noun


def lead_of(sentences: list) -> object | None:
    """The story's first sentence, whole: a title's abbreviation ("... said goodbye to Fr.
    Anna Reyes yesterday") can end the parser's sentence before the lead ends, leaving
    pieces with no verb after it. nlp keeps the ranks of title_abbreviations.yaml ("Sgt.",
    "Capt.") whole, so the parser no longer cuts there; the cut stays after the others."""
    if not sentences:
        return None
    first = 0
    # a dateline the parser cut off as a piece of its own ("COLUMBUS --", "By Ann Lee") opens no
    # story: the lead is the sentence after it
    while first + 1 < len(sentences) and first < 2 and _is_a_dateline(sentences[first]):
        first += 1
    lead, k = sentences[first], first
    while k + 1 < len(sentences) and k < first + 3 and (_ends_with_a_title(lead) or not _has_a_verb(sentences[k + 1])):
        if not _ends_with_a_title(lead) and k == first:
            break  # a lead of its own followed by a fragment (a byline, a caption): leave it
        k += 1
        lead = lead.doc[lead.start : sentences[k].end]
    return lead


def news_lead(sentences: list, lead, timexes: list):
    """The lead that tells the news: ``lead``, unless it is a feature's opening ("Filling the seats
    of a town's boards is usually a quiet affair."), a lead with no verb in the past and no time
    expression, telling how things are rather than what happened; then the sentence after it
    ("However, the council argued over one seat at its Monday meeting."), which names the
    occasion the story quotes from. (A date on a noun, "can help solve the 1952 mill arson", names
    the thing's time, not the news: the lead still tells how things are.)"""
    if lead is None or _tells_a_past(lead) or any(lead.start_char <= t.span.start < lead.end_char
                                                  and not modifies_a_noun(lead.doc, t) for t in timexes):
        return lead
    following = [s for s in sentences if s.start >= lead.end]
    return following[0] if following else lead


def a_speakers_own_gathering(word: Token) -> bool:
    """ "Ann Lowe said she met with the mayor on Thursday to ...": a gathering a speaker tells of
    having been at, in the words a reporting verb reports, its subject the speaker again ("she",
    "we"), is no occasion the reporter quotes from; what the speaker goes on saying was told to
    the reporter afterwards (dating.yaml: speakers_own_gathering)."""
    words = table()["speakers_own_gathering"]
    token = word
    for _ in range(6):
        if token.head.i == token.i:
            return False
        if token.dep_ == "ccomp" and token.head.lemma_.lower() in words["reporting_verbs"]:
            return any(c.dep_ == "nsubj" and c.lower_ in words["speaker_pronouns"] for c in token.children)
        token = token.head
    return False


def day_on_an_occasion_noun(lead, timexes: list, occasion_words: frozenset[str]):
    """ "at their Tuesday, June 9 meeting", "the Tuesday hearing": a day that modifies a noun of
    a gathering names the day of that gathering, the story's occasion, though as a noun's
    modifier it dates nothing else in the sentence (time.anchoring.modifies_a_noun)."""
    doc = lead.doc
    for timex in timexes:
        if not lead.start_char <= timex.span.start < lead.end_char:
            continue
        words = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
        if words is None or not len(words):
            continue
        noun = words.root.head
        if words.root.dep_ in {"compound", "amod", "nmod", "npadvmod"} and noun.pos_ == "NOUN" \
                and noun.lemma_.lower() in occasion_words and not words.start <= noun.i < words.end:
            return timex
    return None


def _tells_a_past(span) -> bool:
    return any(t.tag_ == "VBD" or (t.tag_ == "VBN" and any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD"
                                                           for c in t.children)) for t in span)


def _is_a_dateline(span) -> bool:
    """A short piece with no verb before the first sentence: a town and a dash, a byline."""
    words = [t for t in span if not t.is_space and not t.is_punct]
    return len(words) <= table()["dateline_max_words"] and not _has_a_verb(span)


def _ends_with_a_title(span) -> bool:
    """ "Cpl.", "Sgt.", "Dr.", "Rev.": a title's abbreviation and its full stop end the span (a
    short name is no title: "... was charged in Hull." ends its lead; dating.yaml: titles)."""
    words = [t for t in span if not t.is_space]
    if not words:
        return False
    last = words[-1]
    if last.text != ".":
        return last.text.endswith(".") and last.text[:-1].lower() in titles()
    if len(words) < 2:
        return False
    before = words[-2]
    return before.whitespace_ == "" and before.lower_ in titles()


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    return frozenset(t.lower() for t in table()["titles"])


def _has_a_verb(span) -> bool:
    return any(t.pos_ in {"VERB", "AUX"} for t in span)


def told_in_the_past(verb) -> bool:
    """A reporting verb in the past ("the principal said"), or one added to it ("said Sullivan,
    adding the reality is different"): told at the occasion the story opens with."""
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "VBD" and c.lemma_.lower() == "do" for c in verb.children):
        return True  # the emphatic past: "she did say she would hire a lawyer"
    return verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp", "conj"} and verb.head.tag_ == "VBD"


@lru_cache(maxsize=1)
def said_at_words() -> dict[str, frozenset[str]]:
    return {key: frozenset(w.lower() for w in words) for key, words in table()["said_at"].items()}


def names_the_occasion(verb: Token, occasion_words: frozenset[str]) -> bool:
    """A reporting verb whose own words name the gathering it was said at, one the story has told
    of: "said at the emergency session", "during the hearing", "at Monday's meeting" (a noun of a
    gathering, made definite), or "told the board" (the body that sat there as the listener;
    dating.yaml: said_at). "said at a meeting" is some meeting, not the story's."""
    words = said_at_words()
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in words["prepositions"]:
            if any(o.dep_ == "pobj" and o.lemma_.lower() in occasion_words and _definite(o) for o in child.children):
                return True
        if child.dep_ in {"dobj", "dative"} and child.lemma_.lower() in words["listeners"] and _definite(child):
            return True
    return False


def names_an_appearance(word: Token) -> bool:
    """ "appeared at the senior center Sunday", "spoke before the chamber of commerce": someone's
    appearance at a place is a gathering too, where what the story quotes was said (dating.yaml:
    appearances); "appeared to be" or "spoke of" names none."""
    words = said_at_words()
    return word.pos_ == "VERB" and word.lemma_.lower() in words["appearances"] and any(
        c.dep_ == "prep" and c.lower_ in words["appearance_places"] for c in word.children)


def a_body_decided(verb: Token) -> bool:
    """ "The parish council lifted the parking ban Thursday", "The authority board agreed
    yesterday to ...": a body that decides only when it sits (dating.yaml: said_at.sitting_bodies),
    the subject of a verb in the simple past, tells a gathering as a meeting does, where what the
    story goes on to quote was said. ("The court's ruling", "a board member resigned": no
    sitting body acts.)"""
    if verb.pos_ != "VERB" or verb.tag_ != "VBD":
        return False
    bodies = said_at_words()["sitting_bodies"]
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in bodies for c in verb.children)


def names_the_gathering_again(noun: Token, source: str, occasion_words: frozenset[str]) -> bool:
    """In a story of one gathering, "before reconvening the meeting", "prior to the session": a
    definite noun of a gathering with no date of its own names the gathering the story told, not
    another one ("the next meeting", "a meeting": dating.yaml said_at.other_gathering)."""
    if source not in BORROWED or noun.pos_ != "NOUN" or noun.lemma_.lower() not in occasion_words:
        return False
    other = said_at_words()["other_gathering"]
    return _definite(noun) and not any(c.dep_ in {"amod", "compound"} and c.lower_ in other for c in noun.children)


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in {"the", "this", "that"}) for c in noun.children)


def done_at_the_occasion(verb: Token, source: str, sentence_index: int, borrowed_start: date | None = None,
                         borrowed_end: date | None = None, occasion_day: date | None = None,
                         dct: date | None = None) -> bool:
    """In a story that opens with a gathering ("The village board met Tuesday night ..."), an act
    after the lead told in a main clause in the simple past with only the report's day ("Trustees
    rejected a road contract that was signed in 2019": the sentence's own year dates the contract)
    was done at the gathering. So was one that carried, from an earlier sentence, a month, a year
    or a decade over before the gathering ("receipts are below last year's, she said. The council
    also discussed ..."): a time named in passing, not the story's day. (Not one borrowed from
    another clause of its own sentence: "Twelve years ago, an arsonist set fire to a mosque and killed
    four" tells that time.) So was one whose own date, or a date borrowed, is of what was decided:
    a time after the report, or a month or a year holding the gathering's day ("approved the 2024
    budget", ``_a_time_of_what_was_decided``, ``_a_stretch_around``)."""
    if sentence_index == 0 or not (carries_the_story_on(verb) or told_at_the_occasion(verb)):
        return False
    if source == "article":
        return True
    if borrowed_start is None or borrowed_end is None or occasion_day is None:
        return False
    if source == "narrative" and borrowed_end > borrowed_start and borrowed_end < occasion_day:
        return True
    return source in {"clause", "sentence", "narrative"} and (
        _a_time_of_what_was_decided(borrowed_start, dct) or _a_stretch_around(borrowed_start, borrowed_end, occasion_day))


def _a_time_of_what_was_decided(start: date, dct: date | None) -> bool:
    """ "Trustees approved two terms expiring in March 2013", "the board voted to extend the lease
    to May 2012": a time after the report, in the clause of an act told done in the past, is the
    time of what was decided, not of the deciding."""
    return dct is not None and start > dct


def _a_stretch_around(start: date, end: date, occasion_day: date) -> bool:
    """ "Commissioners approved a 2024 road budget", "agreed to fill the post this month": a month
    or a year that holds the gathering's day names the time of what was decided in passing; the
    act was done at the gathering."""
    return (end - start).days >= int(table()["at_the_gathering"]["min_stretch_days"]) and start <= occasion_day <= end


# --- acts told as background: no borrowed day (dating.yaml: background) ----------------------------

TABLE = Path(__file__).with_name("dating.yaml")
# where an event's date came from (arguments.EventDate.source) when it is not its own clause's:
# a timex of another clause of the sentence, the narrative's day carried from an earlier sentence,
# the report's day
BORROWED = frozenset({"sentence", "narrative", "article"})
INHERITED_NOTE = "date inherited from the article"  # an event's note when it took the report's day
CARRIED_NOTE = "date carried from an earlier sentence"  # its note when it took an earlier sentence's date


@lru_cache(maxsize=1)
def table() -> dict:
    """dating.yaml, read once per process."""
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def background_words() -> dict[str, frozenset[str]]:
    raw = table()["background"]
    return {key: frozenset(w.lower() for w in words) for key, words in raw.items()}


def borrows_no_day(verb: Token, source: str, borrowed_start: date | None, dct: date | None) -> bool:
    """Whether an act whose clause gives no time of its own must leave a borrowed date (from
    ``source``, its first day ``borrowed_start``) and stay undated, "on a day the text does not
    give". Each case reads the trigger's own words only (dating.yaml: background):
    - a future ("will be charged"): after the report, no day given; never a day before the report;
    - a past perfect ("had asked"): before the episode told, so not the report's day;
    - a present perfect ("has agreed", "have been demolished"): done by now, not on the day of an
      earlier episode the sentences before were telling;
    - an act placed only against another happening ("fled after the revolution"): not the
      report's day (``placed_by_another_episode``);
    - a participle naming what someone stands accused of ("came before the magistrate charged with
      theft"): not the report's day (``names_a_standing``; any other bare past participle of an act:
      ``a_bare_past_participle``, events.event_date).
    - a passive of accusation in the simple present ("are charged with murder"): a standing that
      holds now, on no day from anywhere (``stands_accused_now``).
    - a relative clause on a named person ("jailed Lena Ortiz on Tuesday, who stole jewels"): what
      they did before, not on the day of another clause of the sentence (``describes_someone``);
    - a present perfect (or a verb coordinated with one) with the day of another clause of its
      sentence ("said on Tuesday that two men have been arrested"): done by now, day unsaid.
    (Not a relative clause on someone, "Reed, who robbed a shop", nor a participle before a noun,
    "a murdered guard": on the tuning part they gained 3 dates, but on the demo corpus they took
    the right day from acts of the same episode, "a car, which then fled", "the injured man".)"""
    if source not in BORROWED:
        return False
    words = background_words()
    auxiliaries = auxiliaries_of(verb)
    if any(plain_lower(a) in words["future"] for a in auxiliaries):
        if source == "article":
            return True
        return before(borrowed_start, dct)
    if source == "article" and (placed_by_another_episode(verb, words) or names_a_standing(verb, words)):
        return True
    # (and not on the day another clause of its sentence gives: "A cook accused of arson made
    # his first court appearance on Monday" was accused before that Monday)
    if source == "sentence" and names_a_standing(verb, words):
        return True
    if source == "sentence" and describes_someone(verb):
        return True
    if stands_accused_now(verb, words):
        return True
    if source in {"narrative", "article"} and charged_in_the_simple_past(verb, words):
        return True
    if counted_by_a_later_step(verb):
        return True
    perfect = [a for a in auxiliaries if a.dep_ == "aux" and lemma_of_auxiliary(a) == "have" and a.tag_ != "VBN"]
    # (a coordinated verb sharing "have" is its participle, whatever tag the parser gave it)
    shared = bool(auxiliaries) and auxiliaries[0].head.i != verb.i
    if perfect and (verb.tag_ == "VBN" or (shared and verb.tag_ == "VBD") or any(a.lower_ == "been" for a in auxiliaries)):
        if any(plain_lower(a) in words["past_perfect"] for a in perfect):
            return source == "article"
        if source == "sentence" and not _perfect_infinitive(auxiliaries):
            return True
        # (a present perfect in a speaker's own quoted words, "people have donated prizes", is done
        # by the time the speaker speaks: neither the report's day nor a day the story carried)
        if source in {"article", "narrative"} and inside_quotes(verb):
            return True
        # (a carried day of the report itself, a story's own timestamp, is the "now" the perfect
        # reaches: "has fallen to his death" under "16 Sep 2013" keeps that day)
        return source == "narrative" and before(borrowed_start, dct)
    return False


def vintage_years(sentence, timexes: list, trigger: Token | None) -> set[int]:
    """The words of the years in ``sentence`` that name a thing's vintage or class ("a 1993
    Cadillac was traveling west", "Ann Roe, a 2012 graduate of the academy, was home during the
    fire"): the time of the thing, not of any act the clause tells (time.anchoring.modifies_a_noun
    already keeps them from the sentence's date). A year on the event's own noun, or on the noun
    it is a part of, is its date and stays ("the 2008 election", "the 2007 shooting death")."""
    doc = sentence.doc
    own = {trigger.i, trigger.head.i} if trigger is not None and trigger.dep_ == "compound" else \
        {trigger.i} if trigger is not None else set()
    words: set[int] = set()
    for timex in timexes:
        years_span = YEARS_SPAN.match(timex.value or "")
        if not (sentence.start_char <= timex.span.start < sentence.end_char
                and (YEAR_ONLY.match(timex.value or "") or years_span)):
            continue
        span = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
        if span is None or not len(span) or not modifies_a_noun(doc, timex):
            continue
        noun = span.root.head if span.root.head.i not in range(span.start, span.end) else doc[min(span.end, len(doc) - 1)]
        if span.root.dep_ == "conj" and noun.i < span.start:
            noun = noun.head  # "the 2016-17 and 2017-18 seasons": the noun of the span it is joined to
        # a span of years on a noun ("the 2016-17 budget", "the 2015-16 class") is that thing's period, whatever
        # its article: no act told of the thing happened over it
        if noun.i not in own and (years_span or _a_thing_of_a_year(noun)):
            words.update(range(span.start, span.end))
    return words


def _a_thing_of_a_year(noun: Token) -> bool:
    """ "a 1993 Cadillac", "an eastbound 1996 Chevrolet", "a 2008 bill", "the 2012 graduate": one
    of many things made (or people who finished) in that year, told by an indefinite article or
    by a noun of a class (dating.yaml: vintage_nouns). An occasion named by its year is one of a
    kind, definite ("at the 2006 Olympics she won", "during the 2008 campaign"): its year is the
    time of what is told at it, and stays."""
    indefinite = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children)
    return indefinite or noun.lemma_.lower() in vintage_nouns()


@lru_cache(maxsize=1)
def vintage_nouns() -> frozenset[str]:
    """dating.yaml: vintage_nouns, lowercased."""
    return frozenset(w.lower() for w in table()["vintage_nouns"])


def worked_with_someone(verb: Token) -> bool:
    """ "The analyst worked with the mayor on the plan", "the scout collaborated with the parks
    board": a simple past of working together with someone tells a stretch of time the story does
    not bound, so the report's day is no day of it (dating.yaml: working_together). (Not a day's
    work, "crews worked through the night", nor "worked with the state to arrange a visit" under
    a day of its own clause: those are read before.)"""
    words = table()["working_together"]
    if verb.lemma_.lower() not in words["verbs"] or verb.tag_ != "VBD":
        return False
    if any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ in words["with"] for c in verb.children)


def agreed_to_do(verb: Token) -> bool:
    """ "The bakers' union agreed to a wage freeze", "the landlord has agreed to repair the roof", "the
    county also agreed to pay half the cost": an agreement to do something, told in the past or a
    perfect with no time of its own clause, is a commitment the text reports as standing, made on a
    day it does not give; a day carried from an earlier sentence (often the day of the story's own
    episode, the meeting or the raid the commitment is told after) or the report's day is not its
    day (dating.yaml: agreed_to). Not one whose own clause, or the verb it is coordinated with,
    has a time or a distance ("agreed on Monday to pay", "after three hours, the gunman agreed to
    surrender"), nor one told in a row with another simple past of the episode ("the driver was calm
    and agreed to a search"), nor an assent with no commitment ("the mayor agreed that the plan was
    sound")."""
    words = table()["agreed_to"]
    if verb.lemma_.lower() not in words["verbs"] or verb.tag_ not in {"VBD", "VBN"}:
        return False
    auxiliaries = auxiliaries_of(verb)
    if any(a.dep_ == "auxpass" for a in auxiliaries):
        return False
    if verb.tag_ == "VBN" and not any(lemma_of_auxiliary(a) == "have" for a in auxiliaries):
        return False
    committed = any(c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"} for c in verb.children) or any(
        c.dep_ == "prep" and c.lower_ in words["to"] and any(o.dep_ == "pobj" and o.pos_ == "NOUN" for o in c.children)
        for c in verb.children)
    if not committed:
        return False
    head = verb.head if verb.dep_ == "conj" else None
    if head is not None and head.lemma_.lower() not in words["verbs"] and head.tag_ == "VBD" \
            and not any(c.dep_ in {"aux", "auxpass"} for c in head.children):
        return False  # "the driver was calm and agreed to a search": a step of the episode told in a row
    later = background_words()["later"]
    timed = {"DATE", "TIME"}
    return not any(
        (c.dep_ in {"npadvmod", "tmod"} and c.ent_type_ in timed) or (c.dep_ == "advmod" and c.lower_ in later)
        or (c.dep_ == "prep" and any(o.dep_ == "pobj" and o.ent_type_ in timed for o in c.children))
        for clause in [verb] + ([head] if head is not None else []) for c in clause.children)


def decided_before_the_report(verb: Token) -> bool:
    """ "The trustees approved a plan for a new bus depot.", "Lawmakers voted along party lines on the
    bill.", "The district has adopted a new dress code.": a decision told in the simple past (or a
    perfect, or a simple past passive) with no time of its own clause was taken at a sitting before
    the report, one the text does not date; the report's day is not its day (dating.yaml: decided).
    (A sitting the story opens with, "The board met Tuesday night", dates it first:
    ``done_at_the_occasion``; so does a time of its own clause, "voted Monday".) "pass" is a
    decision only with an object that is one ("passed a resolution"; not "a truck passed the bus",
    "passed away")."""
    words = table()["decided"]
    lemma = verb.lemma_.lower()
    if lemma not in words["verbs"] and lemma not in words["with_an_object"]:
        return False
    if lemma in words["with_an_object"] and not any(c.dep_ == "dobj" and c.lemma_.lower() in words["objects"]
                                                    for c in verb.children):
        return False
    auxiliaries = auxiliaries_of(verb)
    if verb.tag_ == "VBD":
        return not auxiliaries
    if verb.tag_ != "VBN" or not auxiliaries:
        return False
    perfect = [a for a in auxiliaries if a.dep_ == "aux" and lemma_of_auxiliary(a) == "have" and a.tag_ in {"VBZ", "VBP"}]
    passive = [a for a in auxiliaries if a.dep_ == "auxpass" and a.tag_ == "VBD"]
    return bool(perfect or passive) and all(a in perfect or a in passive or a.lower_ == "been" for a in auxiliaries)


def gerund_placed_against(verb: Token) -> Token | None:
    """ "After speaking with the director, the principal said ...", "before leaving the hall, she
    told reporters ...": the verb a gerund opened by "after" or "before" is placed against (said,
    told), or None. (background.relative_to: the same words as for a noun, "after the vote".)"""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.dep_ != "prep":
        return None
    if verb.head.lower_ not in background_words()["relative_to"]:
        return None
    governor = verb.head.head
    return governor if governor.pos_ in {"VERB", "AUX"} else None


def told_in_a_past_relative_clause(verb: Token) -> bool:
    """ "One trustee, who backed a new levy, said ...", "the first family to settle the valley":
    a relative clause in the past (or an infinitive one on a noun) tells what someone did to say
    who they are, some time before the report; with no date of its own it has no day, not the
    report's. (Not a present, "who lives nearby", "visiting from Ohio", nor a present perfect or
    a future: ``borrows_no_day`` reads those. Only where the report's day was the fallback: a day
    borrowed from the episode told, "a car, which then fled", stays, as ``borrows_no_day`` notes.)"""
    if verb.dep_ != "relcl":
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if verb.tag_ == "VBD":
        return not auxiliaries
    if verb.tag_ == "VBN":
        return bool(auxiliaries) and all(a.tag_ == "VBD" for a in auxiliaries)  # "who was hired"
    if verb.tag_ == "VB":
        return [a.lower_ for a in auxiliaries] == ["to"]  # "the first artists to move"
    return False


@lru_cache(maxsize=1)
def intention_words() -> dict[str, frozenset[str]]:
    """dating.yaml: intended, each list lowercased, and the present forms of "be" (going_on.present_be)."""
    raw = {**table()["intended"], "present_be": table()["going_on"]["present_be"]}
    return {key: frozenset(w.lower() for w in raw[key]) for key in ("verbs", "adjectives", "nouns", "present_be")}


def only_intended(verb: Token) -> bool:
    """ "planned to move his family to Dayton", "officials expect to evacuate more families", "is
    eager to return home", "the mayor's plan to sell the depot": an infinitive told only as what
    someone means, hopes or is expected to do has not happened as the text tells it, so it takes
    no day from another clause, an earlier sentence or the report (dating.yaml: intended). A verb
    of trying or starting ("tried to buy", "began to shout") tells an act that was done, and an
    adjective in the past ("were thrilled to land") tells a feeling about one: both keep the day.
    (A day of the infinitive's own clause, "plans to move on Monday", is read before and stays.)"""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or verb.head.i == verb.i:
        return False
    words = intention_words()
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in words["verbs"]:
        return True
    if verb.dep_ == "xcomp" and head.lower_ in words["adjectives"]:
        return _in_the_present(head, words["present_be"])
    return verb.dep_ == "acl" and head.pos_ == "NOUN" and head.lemma_.lower() in words["nouns"]


def _in_the_present(adjective: Token, present_be: frozenset[str]) -> bool:
    """ "She is eager", "they are set": the adjective's "be" (its own child, or the verb it
    completes) is in the present."""
    be = [c for c in adjective.children if c.dep_ in {"aux", "auxpass", "cop"}]
    if adjective.dep_ == "acomp":
        be.append(adjective.head)
    return any(plain_lower(b) in present_be for b in be)


def _perfect_infinitive(auxiliaries: list[Token]) -> bool:
    """ "claimed to have repelled", "may have left": the perfect counts back from the verb it hangs
    on (the claim, the guess), not from now, so the day the sentence gives that verb is its
    nearest reading, unlike a present perfect's."""
    return any(a.lower_ == "to" or a.tag_ == "MD" for a in auxiliaries)


# contractions the parser leaves unlemmatised when written with a typographic apostrophe
CONTRACTED_AUXILIARIES = {"'ve": "have", "'d": "have", "'ll": "will", "'re": "be", "'m": "be"}


def lemma_of_auxiliary(word: Token) -> str:
    """ "have" for "have", "has", "'ve" and "’ve" alike (and "’d" of a past perfect: "they’d left")."""
    lemma = word.lemma_.lower().replace("\u2019", "'")
    if lemma in CONTRACTED_AUXILIARIES and word.tag_ != "MD":
        return CONTRACTED_AUXILIARIES[lemma]
    return lemma


def auxiliaries_of(verb: Token) -> list[Token]:
    """The verb's auxiliaries; a verb coordinated with another and with none of its own shares
    that verb's ("we have found a site and signed a lease": signed is a perfect too)."""
    own = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if own or verb.dep_ != "conj" or verb.pos_ != "VERB" or verb.head.pos_ not in {"VERB", "AUX"}:
        return own
    return auxiliaries_of(verb.head)


def describes_someone(verb: Token) -> bool:
    """ "sentenced Tom Reed on Friday, a roofer who stole from his clients": a relative clause
    opened by "who" tells what someone did before, to say who they are; the day of the clause it
    hangs on is not its day."""
    clause = verb
    # up to the clause the act is told in ("who admitted to selling stolen cars": through the
    # plea's complement), not past a clause with a subject of its own
    for _ in range(6):
        if clause.dep_ == "relcl" or clause.head.i == clause.i or (
                clause.i != verb.i and any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)):
            break
        clause = clause.head
    if clause.dep_ != "relcl" or clause.head.pos_ != "PROPN":
        return False
    return any(c.lower_ in {"who", "whom"} and c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)


def placed_vaguely_before(clause: list[Token], timexes: list) -> bool:
    """ "In recent months, the governor announced ...", "have been working on it for months", "recently
    moved", "years ago": the act's own clause places it some unsaid time before the report, so it
    borrows no day from another clause, an earlier sentence or the report (dating.yaml:
    vaguely_before). (Not "for two hours", "for a few minutes": a stretch within a day, on the
    day the story is at.)"""
    vague = table()["vaguely_before"]
    if any(t.dep_ == "advmod" and t.lower_ in vague["adverbs"] for t in clause):
        return True  # "was initially charged with theft": an earlier step, its day unsaid
    starts = {t.idx for t in clause}
    return any(t.span.start in starts and ((t.type == "DATE" and t.value in vague["dates"])
               or (t.type == "DURATION" and re.fullmatch(vague["durations"], t.value))) for t in timexes)


def placed_vaguely_after(verb: Token) -> bool:
    """ "The driver later died at a clinic", "was later moved to a state prison": an adverb
    of the act's own verb, alone (no distance, "two days later", "a short time later", nor time,
    "later that night", with it), places the act some unsaid time after the episode the story
    tells, so it borrows no day from another clause, an earlier sentence or the report (dating.yaml:
    vaguely_before.after_adverbs). (A time of the clause itself, "later died on Monday", dates it
    before this is asked; an adverb of a verb coordinated with it, "fled and was later caught",
    places that verb only.)"""
    adverbs = frozenset(table()["vaguely_before"]["after_adverbs"])
    return any(t.dep_ == "advmod" and t.lower_ in adverbs and not list(t.children)
               and t.ent_type_ not in {"DATE", "TIME"} and not _a_distance_before(t) for t in verb.children)


def _a_distance_before(adverb: Token) -> bool:
    """ "was detained a short time later": a noun just before the adverb that is not the clause's
    subject ("both parents later died") is the distance, whatever the parser hung it on."""
    if adverb.i == 0:
        return False
    word = adverb.doc[adverb.i - 1]
    return word.pos_ == "NOUN" and word.dep_ not in {"nsubj", "nsubjpass"}


def names_a_standing(verb: Token, words: dict[str, frozenset[str]]) -> bool:
    """ "remains in custody, accused of taking part in a burglary", "came before the magistrate charged with
    theft": a participle with no subject or auxiliary of its own tells what someone stands
    accused of, an act of some earlier day, not of the report's."""
    return (verb.tag_ == "VBN" and verb.dep_ in {"acl", "advcl"} and verb.lemma_.lower() in words["standing"]
            and not any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in verb.children))


def a_bare_past_participle(verb: Token) -> bool:
    """ "four suspects tried by a deputy prosecutor", "a resolution backing the road as requested by
    the district", "two hikers rescued from the ridge were treated for cold": a past participle with no
    auxiliary and no subject of its own, hung on a noun or a clause, tells a done act only to say who
    or what someone or something is; it has no tense of the report, so the report's day is not its day
    (``names_a_standing`` is the accusations of this shape, also under another clause's day). Its own
    time ("a man arrested Tuesday") dates it before this is asked."""
    return (verb.tag_ == "VBN" and verb.dep_ in {"acl", "advcl"}
            and not any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in verb.children))


def stands_accused_now(verb: Token, words: dict[str, frozenset[str]]) -> bool:
    """ "Two men are charged with murder", "who is also charged with arson", "the three are accused
    of killing him": a passive in the simple present of a verb of accusation tells a standing that
    holds now, not the day someone charged them (that is "were charged", "have been charged"), so it
    takes no day from another clause, an earlier sentence or the report."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in words["standing"]:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return any(a.dep_ == "auxpass" and a.tag_ in {"VBZ", "VBP"} for a in auxiliaries) and not any(
        a.dep_ == "aux" for a in auxiliaries)


def charged_in_the_simple_past(verb: Token, words: dict[str, frozenset[str]]) -> bool:
    """ "Police arrested a roofer on Saturday. She was charged with forgery.", "Deputies searched a farm
    on Tuesday. A roofer was arrested on drug charges.": an arrest or a charge told in the simple past
    passive, no doer and no time of its own clause, is a legal step the text tells as a result, on a
    day it does not give (it comes after the offence, the search or the arrest told before, often
    days after); a day carried from an earlier sentence, or the report's, is not its
    day (dating.yaml background.charged). Not a charge whose own clause, or the verb it is
    coordinated with, has a time or a distance ("was arrested two hours afterward and charged"),
    nor one told with its doer ("Police charged him", "was charged by the county")."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in words["charged"]:
        return False
    auxiliaries = auxiliaries_of(verb)
    if not any(a.dep_ == "auxpass" and a.tag_ == "VBD" for a in auxiliaries) or any(a.dep_ == "aux" for a in auxiliaries):
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    clauses = [verb] + ([verb.head] if verb.dep_ == "conj" else [])
    return not any(c.dep_ in {"npadvmod", "advmod", "prep", "tmod"} and (
        c.ent_type_ in {"DATE", "TIME"} or c.lower_ in words["later"] or any(
            t.ent_type_ in {"DATE", "TIME"} for t in c.subtree)) for clause in clauses for c in clause.children)


def offence_day_of_a_standing(verb: Token, date_span, words: dict[str, frozenset[str]]) -> bool:
    """ "a roofer accused of robbing a bakery in 2019", "Police have charged a cook with murder in
    the death Sunday of a neighbour": a time inside what someone is accused of (the complement
    of the accusation, dating.yaml background.accused_of) is the offence's. An accusation told as a
    standing (a participle describing someone, ``names_a_standing``, or a perfect) is on no day
    the text gives, not on the offence's. (A simple past may share the offence's day: "was
    detained after being accused of taking a neighbour's truck late Friday".)"""
    if date_span is None or verb.lemma_.lower() not in words["standing"]:
        return False
    perfect = any(a.dep_ == "aux" and lemma_of_auxiliary(a) == "have" for a in verb.children)
    if not (perfect or names_a_standing(verb, words)):
        return False
    # (the object of the preposition names the offence, not a time: "charged in the death Sunday
    # of", not "charged in May 2008 with")
    complement = [t for c in verb.children if c.dep_ == "prep" and c.lower_ in words["accused_of"]
                  and not any(o.dep_ == "pobj" and o.ent_type_ in {"DATE", "TIME"} for o in c.children)
                  for t in c.subtree]
    return any(t.idx <= date_span.start < t.idx + len(t) for t in complement)


def placed_by_another_episode(verb: Token, words: dict[str, frozenset[str]]) -> bool:
    """ "fled after the revolution", "left the hospital following an accident", "A month later
    they were arrested": the act is placed only against another happening the sentence names
    but does not date, so it is on no day the text gives (not the report's). A gerund ("after
    meeting friends, the pilot took off") or a stretch ("after several hours") tells the same
    occasion, and a date names a day: neither counts."""
    for child in verb.children:
        # "after the revolution", and "prior to the election" (the adverb heads its preposition)
        preps = [child] if child.dep_ == "prep" and child.lower_ in words["relative_to"] else [
            p for p in child.children if p.dep_ == "prep" and p.lower_ == "to"] \
            if child.dep_ == "advmod" and child.lower_ in words["relative_to_adverbs"] else []
        for prep in preps:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if any(o.pos_ in {"NOUN", "PROPN"} and o.ent_type_ not in {"DATE", "TIME"} for o in objects):
                return True
    # "lived six years in Idaho before the household moved", "needed money after two women convinced
    # her to hand over her savings": two acts placed one against the other, neither dated
    if any(_placed_against(c, words) for c in verb.children) or _placed_against(_clause_of(verb), words):
        return True
    # "A month later the shopkeeper told police ... and they were arrested": the distance is said
    # once, for the clause and the ones it governs or is coordinated with
    governor = verb
    for _ in range(4):
        if any(c.dep_ == "advmod" and c.lower_ in words["later"] and any(_a_distance(n) for n in c.children)
               for c in governor.children):
            return True
        if governor.dep_ not in {"conj", "ccomp"} or governor.head.i == governor.i:
            break
        governor = governor.head
    return False


def _clause_of(verb: Token) -> Token:
    """The verb that heads the clause an infinitive or a participle complement is part of
    ("convinced her to hand over": convinced)."""
    for _ in range(4):
        if verb.dep_ not in {"xcomp", "conj"} or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb


def _placed_against(clause: Token, words: dict[str, frozenset[str]]) -> bool:
    """A finite clause opened by "after" or "before" (a subject of its own: "after meeting friends"
    tells one occasion) that places the act it hangs on, or is placed by it. (The parser may label
    it a clause of content, "ccomp", though no content clause opens with "after": "In an interview
    days after the two sides declared a truce, the president said ...".)"""
    return clause.dep_ in {"advcl", "ccomp"} and any(c.dep_ == "mark" and c.lower_ in words["relative_to"] for c in clause.children) \
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)


def _a_distance(word: Token) -> bool:
    """ "a month (later)", "two days", "years": a distance from another happening; not "later
    that day", "later Monday", the day the story is at."""
    if word.dep_ != "npadvmod":
        return False
    if word.ent_type_ not in {"DATE", "TIME"}:
        return True
    determiners = {c.lower_ for c in word.children if c.dep_ == "det"}
    counted = any(c.dep_ == "nummod" for c in word.children) or determiners & {"a", "an", "several", "few", "many"}
    return word.pos_ == "NOUN" and (bool(counted) or (word.tag_ == "NNS" and not determiners))


def before(day: date | None, dct: date | None) -> bool:
    """Whether a borrowed day lies before the report's (unknown either way: no)."""
    return day is not None and dct is not None and day < dct


# --- days of an episode counted up to the day it ended (dating.yaml: counted_stretch) ------------


def counted_stretch(trigger: Token, timexes: list, start: date | None, end: date | None) -> tuple[date, date] | None:
    """ "Three days of fighting ended Saturday", "a week of protests began Monday": an event noun
    counted in days or weeks by the subject of a verb that ends or begins it, dated by one day,
    covers the stretch the count gives up to (or from) that day: Thursday to Saturday. (The count
    alone, "two days of talks left no deal", tells no day it ended on.)"""
    if start is None or start != end or trigger.dep_ != "pobj" or trigger.head.lower_ != "of":
        return None
    counted = trigger.head.head
    verb = counted.head
    words = table()["counted_stretch"]
    if counted.dep_ != "nsubj" or verb.lemma_.lower() not in words["ends"] + words["begins"]:
        return None
    count = next((t for t in timexes if t.type == "DURATION" and t.span.start <= counted.idx < t.span.end), None)
    match = re.fullmatch(r"P(\d+)([DW])", count.value) if count is not None else None
    if match is None:
        return None
    days = int(match[1]) * (7 if match[2] == "W" else 1) - 1
    if verb.lemma_.lower() in words["ends"]:
        return start - timedelta(days=days), start
    return start, start + timedelta(days=days)


# --- happenings named by a noun, with no tense (dating.yaml: told_now) ----------------------------------


def nouns_leave_the_report_day(events: list[Event], doc) -> list[Event]:
    """ "In the aftermath of the indictment of the president", "during her visit to the region",
    "the failure of the talks": a noun names a happening without a tense, one the reader is taken
    to know of, so it says nothing of its day. The report's day is what a clause of the news told
    in the past or present of the report gets, not a noun: a noun dated by nothing but the report
    (no date words of its own, of another clause, of an earlier sentence, of the gathering the
    story tells or of a retelling: those rules ran before) takes no day rather than a wrong one,
    unless a verb in the present tells it going on or done by now (``told_now``), or it names
    again a happening of its kind the story told before by a verb on the report's day
    ("Gunmen attacked a market, killing five. The attack ...": that clause's tense dates it), or
    it names a condition that lasts ("the epidemic", "the disease", "the drought": dating.yaml
    told_now.lasting), or a process told going on ("a sergeant heads the inquiry":
    ``a_process_told_going_on``, ``a_process_under_way``), going on at the report."""
    result = []
    told_by_a_verb: set[str] = set()  # kinds of event a verb told on the report's day
    for event in events:
        word = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand") \
            if event.trigger is not None else None
        root = word.root if word is not None and len(word) else None
        # (not a statement: what is said is said when reported)
        if event.date_value is not None and event.date_span is None and root is not None \
                and event.type != "STATEMENT":
            if root.pos_ in {"VERB", "AUX"}:
                told_by_a_verb.add(event.type)
            elif root.pos_ == "NOUN" and event.type not in told_by_a_verb and not told_now(root) \
                    and root.lemma_.lower() not in lasting_conditions() and not a_process_told_going_on(root) \
                    and not a_process_under_way(root):
                notes = tuple("no date" if n == INHERITED_NOTE else n for n in event.notes)
                event = replace(event, date_value=None, date_start=None, date_end=None, date_inherited=False,
                                notes=notes)
        result.append(event)
    return result


@lru_cache(maxsize=1)
def lasting_conditions() -> frozenset[str]:
    return frozenset(w.lower() for w in table()["told_now"]["lasting"])


def told_now(noun: Token) -> bool:
    """ "as flooding continues", "the cleanup has been finished", "police are investigating the
    shooting": the noun is the subject or object of a verb in the present (simple, progressive,
    perfect or passive; not under a modal, "would have an impact" tells no time)."""
    words = table()["told_now"]
    if noun.dep_ not in words["roles"] or noun.head.i == noun.i:
        return False
    verb = noun.head
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.tag_ == "MD" for a in auxiliaries):
        return False
    first = min(auxiliaries, key=lambda a: a.i) if auxiliaries else verb
    return first.tag_ in words["present_tags"]


# --- the steps of one criminal case (dating.yaml: steps_of_a_case) ---------------------------------


@lru_cache(maxsize=1)
def steps_of_a_case() -> tuple[dict[str, str], frozenset[frozenset[str]]]:
    """Each lemma's step (offence, accusation, court) and the pairs of steps never on one day."""
    raw = table()["steps_of_a_case"]
    apart = frozenset(frozenset(pair) for pair in raw["apart"])
    step_of = {word.lower(): step for step, words in raw.items() if step != "apart" for word in words}
    return step_of, apart


def step_of_word(word: Token, step_of: dict[str, str]) -> str | None:
    """The step of the case a word names: by its lemma ("convicted", "the arrest"), or a verb that
    names a verdict with its complement ("found guilty", "found not guilty": dating.yaml
    steps_of_a_case_verdicts)."""
    step = step_of.get(word.lemma_.lower())
    verbs, verdicts = _verdict_words()
    if step is None and word.lemma_.lower() in verbs and any(
            c.lower_ in verdicts for c in word.children if c.dep_ in {"acomp", "oprd", "ccomp", "xcomp"}):
        return "court"
    return step


@lru_cache(maxsize=1)
def _verdict_words() -> tuple[frozenset[str], frozenset[str]]:
    raw = table()["steps_of_a_case_verdicts"]
    return frozenset(w.lower() for w in raw["verbs"]), frozenset(w.lower() for w in raw["words"])


def counted_by_a_later_step(trigger: Token) -> bool:
    """ "pleaded guilty to three charges of tax fraud", "was convicted of arson": an offence
    named as what a later step of its case answers for was done on some earlier day, so it
    borrows none (not the plea's, nor one carried or the report's); a day of its own ("the
    robbery on June 3") it keeps, as every borrowing rule does. The steps that count it:
    dating.yaml steps_of_a_case.counting."""
    step_of, _ = steps_of_a_case()
    if step_of.get(trigger.lemma_.lower()) != "offence" or trigger.pos_ not in {"NOUN", "VERB"}:
        return False
    counting = frozenset(table()["steps_of_a_case_counting"])
    word = trigger
    for _ in range(6):  # "guilty to (three charges of) theft": through the complement of "pleaded"
        if word.dep_ not in {"pobj", "prep", "compound", "conj", "pcomp", "acomp"} or word.head.i == word.i:
            return False
        word = word.head
        if step_of_word(word, step_of) in counting:
            return True
    return False


def answered_for_by_a_step(trigger: Token) -> bool:
    """ "stands accused of killing his cellmate", "charged on Monday with killing Al Dunn", "was
    charged with robbery": an offence named as what an accusation or a court step of its case answers
    for (the complement of its verb or noun)."""
    step_of, _ = steps_of_a_case()
    if step_of.get(trigger.lemma_.lower()) != "offence" or trigger.pos_ not in {"NOUN", "VERB"}:
        return False
    word = trigger
    for _ in range(6):  # up through the complement of the step's verb or noun, a few words at most
        if word.dep_ not in {"pobj", "prep", "compound", "conj", "pcomp", "acomp"} or word.head.i == word.i:
            return False
        word = word.head
        if step_of_word(word, step_of) in {"accusation", "court"}:
            return True
    return False


def _offence_kind(word: Token) -> str:
    """A killing, a death and a fatal shooting are one kind ("deadly"); else the told_again family."""
    words = table()["offence_named_by_its_day"]
    lemma = word.lemma_.lower()
    if lemma in words["deadly"] or any(c.lower_ in words["deadly_modifiers"] for c in word.children):
        return "deadly"
    return _family(lemma)


def _own_day_of_noun(noun: Token, timexes: list, dct: date | None):
    """The one day a noun's own words give ("Saturday's shooting", "the death Sunday"), or None."""
    words = table()["offence_named_by_its_day"]
    links, prepositions = frozenset(words["day_links"]), frozenset(words["day_prepositions"])
    for timex in timexes:
        span = noun.doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
        if span is None or not len(span) or timex.range_start is None or timex.range_start != timex.range_end:
            continue
        if dct is not None and timex.range_start > dct:
            continue
        root = span.root
        if (root.head.i == noun.i and root.dep_ in links) or (
                root.dep_ == "pobj" and root.head.lower_ in prepositions and root.head.head.i == noun.i):
            return timex
    return None


def day_of_the_offence_named(trigger: Token, timexes: list, dct: date | None):
    """The timex of the one day the text gives the offence an accusation names by a noun of the
    same offence with a day of its own words (dating.yaml: offence_named_by_its_day), or None
    when no such noun or when they give different days. The accused's own words name the
    offence, the story names it again by its day: "Two men were held in Saturday's fatal shooting
    of a clerk. They are accused of killing him over a debt." """
    if not answered_for_by_a_step(trigger):
        return None
    kind = _offence_kind(trigger)
    found = {}
    for noun in trigger.doc:
        if noun.i == trigger.i or noun.pos_ != "NOUN" or _offence_kind(noun) != kind:
            continue
        timex = _own_day_of_noun(noun, timexes, dct)
        if timex is not None:
            found.setdefault(timex.range_start, timex)
    return next(iter(found.values())) if len(found) == 1 else None


def dated_by_another_step(trigger: Token, date_span) -> bool:
    """Whether the date an event took (its words at ``date_span``, character offsets into the
    trigger's document) belongs to a step of the case the event's own step never shares a day
    with: "sentenced Tom Reed on Tuesday, a roofer who stabbed his neighbour" (the stabbing is
    not on the sentencing day), "pleaded guilty for the stabbing in June 2022" (the plea is not
    in June 2022), a conviction after "in May 2021, when he was accused". Unknown steps: no."""
    step_of, apart = steps_of_a_case()
    own = step_of_word(trigger, step_of)
    if own is None or date_span is None:
        return False
    owner = step_owning_date(trigger.doc, date_span, step_of)
    return owner is not None and frozenset({own, owner}) in apart


def step_owning_date(doc, date_span, step_of: dict[str, str]) -> str | None:
    """The step of the word a date belongs to: the date's own relative clause ("in May 2021, when
    he was accused"), else the first step word up the parse from it ("the stabbing in June 2022",
    "the August death"), stopping at the first verb, which may name its step by its object or a
    when-clause."""
    words = doc.char_span(date_span.start, date_span.end, alignment_mode="expand")
    if words is None or not len(words):
        return None
    token = words.root
    for clause in (c for c in token.children if c.dep_ in {"relcl", "acl"}):
        if clause.lemma_.lower() in step_of:
            return step_of[clause.lemma_.lower()]
    for _ in range(8):
        if token.head.i == token.i:
            return None
        token = token.head
        step = step_of_word(token, step_of)
        if step is not None:
            return step
        if token.pos_ in {"VERB", "AUX"}:
            # its object ("imposed the sentence Friday") or a when-clause that the date times
            # ("made headlines in May 2021 when he was accused")
            named = [c for c in token.children if c.dep_ == "dobj" or (
                c.dep_ == "advcl" and any(m.lower_ == "when" for m in c.children if m.dep_ == "advmod"))]
            return next((step_of[w.lemma_.lower()] for w in named if w.lemma_.lower() in step_of), None)
    return None


# --- a lead the body retells (dating.yaml: retold_lead) ---------------------------------------------


@lru_cache(maxsize=1)
def retelling_reach() -> int:
    return int(table()["retold_lead"]["sentences_after_the_lead"])


def lead_acts_dated_by_the_body(events: list[Event], sentence_starts: list[int], lead_end: int,
                                dct: date | None) -> list[Event]:
    """A news lead tells what happened and the body tells it again with its day ("A man has been
    charged with arson. Police charged him on Tuesday after ..."): an act of the lead dated only
    by the report's day takes the day of the same cue told again in the next sentences with a
    day of their own sentence, else the day of the lead's episode (the acts of the first of those
    sentences that dates one: ``episodes.acts_anchoring_the_lead``), when they all give one day
    and it is not after the report. (Not a statement: what the lead's speaker says is said now.)"""
    reach = retelling_reach()
    lead_last = bisect_right(sentence_starts, lead_end - 1) - 1

    def index_of(event: Event) -> int:
        return bisect_right(sentence_starts, event.sentence.start) - 1

    body = [o for o in events if lead_last < index_of(o) <= lead_last + reach and o.date_value
            and not o.date_inherited and o.date_span is not None and o.date_start is not None
            and o.sentence.start <= o.date_span.start < o.sentence.end]
    # the acts anchoring the lead's episode: one list per article, the same for every lead act
    anchor = acts_anchoring_the_lead(body, index_of)
    result = []
    for event in events:
        lead_act = event.trigger is not None and event.type != "STATEMENT" and event.date_inherited \
            and index_of(event) <= lead_last
        retold = [o for o in body if lead_act and o.cue == event.cue]
        if lead_act and not retold:
            # not told again by its own cue: the day of the lead's episode, the first act the
            # body dates ("A fire destroyed a warehouse. The blaze started Tuesday night ...")
            retold = anchor
        days = {(o.date_start, o.date_end) for o in retold}
        if len(days) == 1 and (dct is None or retold[0].date_end is None or retold[0].date_end <= dct):
            told = retold[0]
            notes = tuple("date of the body's retelling of the lead" if n == INHERITED_NOTE else n for n in event.notes)
            event = replace(event, date_value=told.date_value, date_start=told.date_start, date_end=told.date_end,
                            date_span=told.date_span, date_inherited=False, notes=notes)
        result.append(event)
    return result


def acts_dated_by_a_summing_sentence(events: list[Event], sentences: list, timexes: list,
                                     dct: date | None) -> list[Event]:
    """ "A clerk was beaten and robbed at a gas station. The robber fled on foot. The incident
    happened about 2 a.m. Sunday on Route 9": a sentence soon after the lead that sums up what was
    told by a definite noun of a happening ("the incident", "the attack") and says when it
    happened (dating.yaml summing: its verbs) dates the acts told before it that have nothing but
    the report's day; it gives one day, not after the report. (Not a statement: what is said is
    said now.)"""
    words = table()["summing"]
    nouns, verbs = frozenset(words["nouns"]), frozenset(words["verbs"])
    reach = retelling_reach()
    for index, sentence in enumerate(sentences[1:reach + 1], start=1):
        if not _sums_up_a_happening(sentence.root, nouns, verbs):
            continue
        days = [t for t in timexes if sentence.start_char <= t.span.start < sentence.end_char
                and (day := _one_day_of(t)) is not None and (dct is None or day <= dct)]
        if len(days) != 1:
            return events
        when = days[0]
        day = _one_day_of(when)
        return [replace(e, date_value=when.value, date_start=day, date_end=day, date_span=when.span,
                        date_inherited=False,
                        notes=tuple("date of the sentence that sums it up" if n == INHERITED_NOTE else n
                                    for n in e.notes))
                if e.type != "STATEMENT" and e.trigger is not None and e.date_inherited
                and e.sentence.start < sentence.start_char else e
                for e in events]
    return events


def _sums_up_a_happening(verb: Token, nouns: frozenset[str], verbs: frozenset[str]) -> bool:
    """ "The incident happened ...", "The attack occurred ...", "The shooting took place ...": a
    main verb of happening whose subject is a definite noun of a happening."""
    took_place = verb.lemma_.lower() == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    if not (took_place or verb.lemma_.lower() in verbs):
        return False
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in nouns
               and any(d.dep_ == "det" and d.lower_ in {"the", "this"} for d in c.children) for c in verb.children)


# --- a speaker who goes on with a dated report (dating.yaml: speaker_goes_on) -------------------------


def statements_dated_by_the_speakers_report(events: list[Event], doc, dct: date | None) -> list[Event]:
    """ "The labor department reported Thursday that ... . [...] climbing to 7.3 percent, the
    department said": a quote in the past with only the report's day, by a speaker whose earlier
    statement the text dates to one day of the week before the report, goes on with that report.
    The speaker is the same entity, or named again by words of the first name ("Holt" after
    "Finance Director Dana Holt"). A quote in the present ("says") is said now. A statement
    dated by another sentence's day (a quote said following a dated speech, one going on from a
    dated talk) is gone on with only by the same speaker's quote in the next sentence ("Boyd spoke
    to the farm lobby on Wednesday. Boyd said ... . 'It would close clinics,' Boyd added")."""
    if dct is None:
        return events
    reach = int(table()["speaker_goes_on"]["max_days_before_report"])
    dated: list[Event] = []
    just_before: Event | None = None  # a statement dated by another sentence's day, for the next sentence only
    result = []
    for event in events:
        if event.type == "STATEMENT" and event.source_actor is not None:
            if event.date_inherited:
                report = next((d for d in reversed(dated) if _same_speaker(d.source_actor, event.source_actor)), None)
                if report is None and just_before is not None and _same_speaker(just_before.source_actor, event.source_actor) \
                        and _in_the_next_sentence(just_before, event, doc):
                    # ("he said following the budget speech" with the story's day. "Hardeman said ...")
                    report = just_before
                verb = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
                if report is not None and verb is not None and len(verb) and told_in_the_past(verb.root):
                    notes = tuple("date of the speaker's dated report" if n == INHERITED_NOTE else n for n in event.notes)
                    event = replace(event, date_value=report.date_value, date_start=report.date_start,
                                    date_end=report.date_end, date_span=report.date_span, date_inherited=False,
                                    notes=notes)
            elif (event.date_span is not None and event.date_start is not None and event.date_start == event.date_end
                  and 0 < (dct - event.date_start).days <= reach):
                if event.sentence.start <= event.date_span.start < event.sentence.end:
                    dated.append(event)
                else:
                    just_before = event
        result.append(event)
    return result


def _in_the_next_sentence(first: Event, later: Event, doc) -> bool:
    """Whether ``later`` is told in the sentence right after ``first``'s."""
    words = doc.char_span(first.sentence.start, first.sentence.end, alignment_mode="expand")
    if words is None or not len(words) or words[-1].i + 1 >= len(doc):
        return False
    following = doc[words[-1].i + 1].sent
    return following.start_char <= later.sentence.start < following.end_char


# --- quotes of a story that leads with the day before the report (dating.yaml: leads_with_yesterday) ----


def statements_on_the_leads_day(events: list[Event], doc, lead, lead_date, dct: date | None) -> list[Event]:
    """ "Klezmer music filled the market hall yesterday afternoon. [...] "It is a good day," he
    said.": a daily paper's story that leads with what happened the day before the report was
    reported from there that day; a quote after the lead in the past ("said"), with nothing but
    the report's day, was said on the lead's day. (A quote in the present, "says", is said now;
    a lead on an older day leaves its quotes on the report's day: they may be of any day since.)
    ``lead`` is the news lead (dating.news_lead) and ``lead_date`` the timex its own words date
    it by."""
    if dct is None or lead is None or lead_date is None or not _tells_a_past(lead):
        return events
    day = _one_day_of(lead_date)
    if day is None or (dct - day).days != int(table()["leads_with_yesterday"]["days_before_report"]):
        return events
    result = []
    for event in events:
        if event.type == "STATEMENT" and event.date_inherited and event.sentence.start >= lead.end_char:
            verb = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
            if verb is not None and len(verb) and told_in_the_past(verb.root):
                notes = tuple("date of the story's lead" if n == INHERITED_NOTE else n for n in event.notes)
                event = replace(event, date_value=day.isoformat(), date_start=day, date_end=day,
                                date_span=lead_date.span, date_inherited=False, notes=notes)
        result.append(event)
    return result


def _one_day_of(timex) -> date | None:
    """The day a timex names, when it names one day ("yesterday afternoon", "Saturday"), else None."""
    if timex.range_start is not None:
        return timex.range_start if timex.range_end in (None, timex.range_start) else None
    try:
        return date.fromisoformat(timex.value[:10])
    except ValueError:
        return None


def _same_speaker(first, later) -> bool:
    if first.entity_id and first.entity_id == later.entity_id:
        return True
    named = {w for w in re.findall(r"[a-z]+", later.text.lower()) if w != "the"}
    return bool(named) and named <= set(re.findall(r"[a-z]+", first.text.lower()))


# --- a stretch far back carried as the story's time (dating.yaml: far_back) --------------------------


@lru_cache(maxsize=1)
def far_back_days() -> int:
    return int(table()["far_back"]["ended_days_before_report"])


def carried_from_far_back(trigger: Token, source: str, start: date | None, end: date | None,
                          dct: date | None, span, told_then: bool) -> bool:
    """A year or a month that ended well before the report ("the first insulin in 1921", "at
    least two years ago"), carried from an earlier sentence to an act that does not carry the
    story on (a noun, an infinitive, a relative clause, a perfect: "to support research", "we've
    attended meetings"): background named in passing, so the act takes no day from it. A main
    clause in the simple past moves the story on in that time ("The issue surfaced last year.
    Hume withdrew his request.") and keeps it, and so does an event of a kind the story told
    with that very date (``told_then``: "convicted a man charged in an April 2007 shooting. ...
    found guilty of murder") or a word that retells one of the date's sentence (at ``span``)."""
    if source != "narrative" or start is None or end is None or dct is None or told_then:
        return False
    if (end - start).days <= 7 or (dct - end).days <= far_back_days():
        return False
    return not carries_the_story_on(trigger) and not retells_the_dated_sentence(trigger, span)


def retells_the_dated_sentence(trigger: Token, span) -> bool:
    """ "Last October a car crashed into a deer. The crash caused damage": the event names again,
    by the same word, a happening of the sentence the date is in."""
    words = trigger.doc.char_span(span.start, span.end, alignment_mode="expand") if span is not None else None
    if words is None or not len(words):
        return False
    lemma = trigger.lemma_.lower()
    return any(t.lemma_.lower() == lemma for t in words.root.sent if t.i != trigger.i)


def timed_through_an_infinitive(trigger: Token, date_span, start: date | None, dct: date | None) -> bool:
    """ "The governor vetoed a bill to allow the plates in 2003", "the board took up a draft of a
    plan to rename the street during its meeting Monday": a to-infinitive on the object of a verb told
    in the simple past names what the thing is for, with no time of its own; a time before the report
    at its end (the parser hangs it on the infinitive) times the verb. A time after the report ("a
    plan to open the school next year") stays the infinitive's, and so does one of a clause inside it."""
    if trigger is None or date_span is None or start is None or dct is None or start > dct \
            or not _in_the_simple_past(trigger):
        return False
    words = trigger.doc.char_span(date_span.start, date_span.end, alignment_mode="expand")
    if words is None or not len(words):
        return False
    word = words.root
    for _ in range(8):  # up to the first verb: it must be the infinitive
        if word.head.i == word.i:
            return False
        word = word.head
        if word.pos_ in {"VERB", "AUX"}:
            break
    else:
        return False
    if not (word.dep_ in {"acl", "relcl"} and word.tag_ == "VB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in word.children)):
        return False
    noun = word.head  # the infinitive's noun, in the verb's own object ("a reading on a plan to ...")
    for _ in range(6):
        if noun.dep_ not in {"dobj", "pobj", "prep", "nsubjpass"} or noun.head.i == noun.i:
            break
        noun = noun.head
        if noun.i == trigger.i:
            return True
    return False


def told_at_the_occasion(verb: Token) -> bool:
    """ "The county judge noted that the ban was lifted at 9:45 a.m. and commissioners voted 3-2
    to deny a request": an act in the simple past told by a main clause's reporting verb in the
    simple past, in a story of one gathering, is told of it as a main clause would be."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and verb.head.tag_ == "VBD" and _in_the_simple_past(verb)


def carries_the_story_on(verb: Token) -> bool:
    """A main clause in the simple past, active ("withdrew") or passive ("was convicted"), or one
    coordinated with it: the narrative's next step."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT" and _in_the_simple_past(verb)


def _in_the_simple_past(verb: Token) -> bool:
    """Active ("withdrew") or passive ("was convicted"), no perfect or modal."""
    if verb.tag_ == "VBD":
        return not any(c.dep_ == "aux" for c in verb.children)
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children) \
        and not any(c.dep_ == "aux" for c in verb.children)


# --- dates of a caption, a byline or a page stamp (dating.yaml: stamp_labels) -------------------------


@lru_cache(maxsize=1)
def stamp_label_pattern() -> re.Pattern:
    labels = table()["stamp_labels"]
    alternatives = "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in sorted(labels, key=len, reverse=True))
    # the label ends the text before the date, on the date's own line, and opens that line or a
    # sentence ("Photo taken ") or ends with a colon ("SCAN DATE: "): not "the video was posted
    # Tuesday", "the report, published Tuesday"
    return re.compile(rf"(?:(?:^|[.!?]\s)\s*(?:{alternatives})\s*|\b(?:{alternatives})\s*:\s*)$", re.IGNORECASE)


def story_timexes(text: str, timexes: list) -> list:
    """The timexes that can date the story's events: not one that follows a label of a picture or
    of the page itself ("SCAN DATE: 5/14/2011", "Photo taken March 3", "Posted: May 12"): a date
    of the file or the page, not of what happened."""
    pattern = stamp_label_pattern()
    kept = []
    for timex in timexes:
        start = timex.span.start
        line = text[max(0, start - 60):start].rsplit("\n", 1)[-1]
        if not pattern.search(line):
            kept.append(timex)
    return kept


# --- days joined in one clause (dating.yaml: joined_days) --------------------------------------------


@lru_cache(maxsize=1)
def joined_days_pattern() -> re.Pattern:
    """The words between two days that join them into one stretch: "Tuesday and Wednesday"."""
    joiners = "|".join(re.escape(w) for w in table()["joined_days"])
    return re.compile(rf"\s*,?\s*(?:{joiners})\s+", re.IGNORECASE)


# --- what a dated talk tells (dating.yaml: talk) ----------------------------------------------------


@lru_cache(maxsize=1)
def talk_words() -> dict[str, frozenset[str]]:
    return {key: frozenset(w.lower() for w in words) for key, words in table()["talk"].items()}


@lru_cache(maxsize=1)
def speakers_talk_verbs() -> frozenset[str]:
    """The verbs of a speaker's dated talk whose quotes go on in the next sentence: the talk
    table's verbs and the few more speaker_goes_on names (dating.yaml)."""
    more = table()["speaker_goes_on"]["talk_verbs_besides_talk"]
    return talk_words()["verbs"] | frozenset(w.lower() for w in more)


def told_at_a_dated_talk(trigger: Token, date_span) -> bool:
    """ "The visiting bishop preached to the mourners on Sunday ... . He said he once met a
    dying soldier in a field hospital. ... The medics came too late." A day carried from a sentence where it dates a telling
    ("preached ... on Sunday", "testified on Friday"; not "said", whose day dates a comment: the day is the telling verb's own
    word, dating.yaml talk.verbs) is the day of a talk; an act told in the past in a later
    sentence is one of the talk's stories, done before it on a day the text does not give, so it
    borrows none. An act told in the present or future ("is heading the inquiry") is not a past
    story and keeps the day; so does a statement (the talk's own words, never passed here)."""
    if date_span is None:
        return False
    words = trigger.doc.char_span(date_span.start, date_span.end, alignment_mode="expand")
    if words is None or not len(words) or words.root.sent.start == trigger.sent.start:
        return False
    if not _dates_a_telling(words.root):
        return False
    return _clause_tense(trigger) == "past"


def _dates_a_telling(date_root: Token) -> bool:
    """The date is the telling verb's own adverbial: "said Monday", "told members on Sunday"."""
    words = talk_words()
    head = date_root.head
    if date_root.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in words["prepositions"]:
        head = head.head
    elif date_root.dep_ not in {"npadvmod", "tmod", "advmod"}:
        return False
    return head.pos_ == "VERB" and head.lemma_.lower() in words["verbs"]


def _clause_tense(trigger: Token) -> str | None:
    """ "past", "present" or "modal": the finite verb of the clause that tells the event, up the
    parse from the trigger ("wasn't at the site of the fire": past; "will never get over
    the shooting": modal; "is heading the inquiry": present); None when no finite verb is met."""
    node = trigger
    for _ in range(8):
        if node.pos_ in {"VERB", "AUX"}:
            auxiliaries = [c for c in node.children if c.dep_ in {"aux", "auxpass"}]
            if any(a.tag_ == "MD" for a in auxiliaries):
                return "modal"
            finite = [a for a in auxiliaries if a.tag_ in {"VBD", "VBZ", "VBP"}] or (
                [node] if node.tag_ in {"VBD", "VBZ", "VBP"} else [])
            if finite:
                return "past" if finite[0].tag_ == "VBD" else "present"
        if node.head.i == node.i:
            return None
        node = node.head
    return None


# --- a dated occasion an act hangs on (dating.yaml: hung_on_an_occasion) -----------------------------


@lru_cache(maxsize=1)
def occasion_links() -> dict[str, frozenset[str]]:
    return {key: frozenset(words) for key, words in table()["hung_on_an_occasion"].items()}


def occasion_words_hung_on(trigger: Token) -> list[list[Token]]:
    """The words of the noun an act's clause is told of, when that noun names an occasion by a
    day of its own: "the March 2 store holdup in which a masked man ... shot a guard" (a relative clause on
    the noun), "Bridge closure Monday and Tuesday to replace a joint" (its purpose), "A gunfight
    Tuesday near the border left three rebels killed" (what the noun, as the subject, left). A
    day on a noun names an occasion ("the Monday shooting"; no one says "the Monday car"), and
    an act told inside its clause is a part of it, on its day. Only the noun's own words (not its
    other clauses), nearest first; which of them names a day is for the caller's date reading. An act
    told in the present or with a modal ("which the insurers are still assessing") is not a part
    of the occasion and gets nothing."""
    links = occasion_links()
    clause = trigger
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.pos_ not in {"VERB", "AUX"} or _clause_tense(trigger) in {"present", "modal"}:
        return []
    nouns = []
    if clause.dep_ in links["clauses_on_a_noun"] and clause.head.pos_ in {"NOUN", "PROPN"}:
        nouns.append(clause.head)  # the noun the clause is on
        carrier = clause.head.head if clause.head.dep_ in links["objects"] else None
    else:
        carrier = clause.head if clause.dep_ in links["complements"] else None
    if carrier is not None and carrier.pos_ in {"VERB", "AUX"}:
        # "left three rebels killed": the subject of the verb the act completes
        nouns += [c for c in carrier.children if c.dep_ in links["subjects"] and c.pos_ in {"NOUN", "PROPN"}]
    phrases = []
    for noun in nouns:
        clauses = [m for m in noun.children if m.dep_ in links["clauses_on_a_noun"]]
        phrases.append([t for t in noun.subtree if not any(t in m.subtree for m in clauses)])
    return phrases


# --- a statement said at an occasion of the story's time (dating.yaml: said_at_an_occasion) -------


def said_at_a_told_occasion(verb: Token) -> bool:
    """ "the prosecutor said during the press conference", "he said following the minister's
    budget speech", "told detectives": the reporting verb's own words name an occasion it was said
    at (or a listener met only there), an episode of the story, so the statement is of the story's
    time (the day the sentences before it carried), not a comment given to the reporter on the
    report's day. The occasion is a definite one, the story's ("said at a meeting of mayors" is
    some other gathering)."""
    words = table()["said_at_an_occasion"]
    prepositions, nouns = frozenset(words["prepositions"]), frozenset(words["nouns"])
    listeners = frozenset(words["listeners"])
    return any((child.dep_ == "prep" and child.lower_ in prepositions
                and any(o.dep_ in {"pobj", "dobj"} and o.lemma_.lower() in nouns and _definite(o)
                        for o in child.children))
               or (child.dep_ in {"dobj", "dative"} and child.lemma_.lower() in listeners)
               for child in verb.children)


def goes_on_from_the_speakers_dated_act(verb: Token, carried_start: int) -> bool:
    """ "Mayor Ortiz toured the flooded mill Tuesday. Ortiz said the town would rebuild": a
    statement in the past whose speaker is the one the sentence just before tells doing something
    on a day (the speaker, or the one a pronoun speaker takes up, as the subject of the verb the
    day is on) goes on with that occasion, so it is of that day, not the report's. Bound to the
    occasion and its doer: a day told of someone else ("The mill flooded Tuesday. Ortiz said ...")
    or in what the sentence before reports ("Ortiz said the mill flooded Tuesday") is no day of
    the statement."""
    if not told_in_the_past(verb):
        return False
    speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    sentence = verb.sent
    if speaker is None or sentence.start == 0:
        return False
    before = verb.doc[sentence.start - 1].sent
    dated = next((t for t in before if t.idx <= carried_start < t.idx + len(t)), None)
    if dated is None:
        return False
    talk = _verb_of(dated)
    if talk.lemma_.lower() not in speakers_talk_verbs():
        return False
    doer = _subject_of_the_verb_of(dated)
    return doer is not None and _same_person(speaker, doer)


def said_at_the_occasion_told_before(verb: Token, carried_start: int, occasion_words: frozenset[str]) -> bool:
    """ "The council met Monday night. ... 'We cannot wait,' the mayor said.": a statement in the past
    whose sentence gives no day, after a sentence that dates a gathering the story goes on telling
    (a meeting, hearing, forum, speech ...: a word of event_types.yaml occasions or of
    said_at_an_occasion's nouns in the dated sentence, not one the speaker tells of having been at),
    was said there, on that day, not to the reporter on the report's day (docs/judging.md, the
    conventions of stop 51: a statement at an occasion dated in an earlier sentence)."""
    if not told_in_the_past(verb):
        return False
    doc = verb.doc
    dated = next((t for t in doc if t.idx <= carried_start < t.idx + len(t)), None)
    if dated is None or dated.sent.start >= verb.sent.start:
        return False
    words = occasion_words | frozenset(table()["said_at_an_occasion"]["nouns"])
    nouns = frozenset(table()["occasion_told_before"]["nouns"])
    return any(((t.lemma_.lower() in words and t.pos_ in {"NOUN", "PROPN", "VERB"})
                or (t.lemma_.lower() in nouns and t.pos_ in {"NOUN", "PROPN"})) and not a_speakers_own_gathering(t)
               for t in dated.sent)


def _verb_of(word: Token) -> Token:
    """The verb a word hangs on (the word itself when no verb is above it)."""
    verb = word.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _subject_of_the_verb_of(word: Token) -> Token | None:
    """The subject of the verb a word (a day) hangs on, when that verb is the sentence's main
    verb or one coordinated with it (not a clause of what is reported or of another's act)."""
    verb = _verb_of(word)
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ROOT":
        return None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and clause is not verb:
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject


def _same_person(speaker: Token, doer: Token) -> bool:
    """The speaker named again by a word of the doer's name ("Ortiz" after "Mayor Luis Ortiz"),
    or a personal pronoun taking up a doer named by a noun ("A neighbour ... . She said")."""
    if speaker.pos_ == "PRON":
        return speaker.lower_ in table()["speaker_goes_on"]["pronouns"] and doer.pos_ in {"PROPN", "NOUN"}
    names = {t.lower_ for t in doer.subtree if t.pos_ == "PROPN"}
    # (a capitalised name alone as a subject is often tagged a common noun: "Reyes said")
    return speaker.pos_ in {"PROPN", "NOUN"} and speaker.text[:1].isupper() and speaker.lower_ in names


def time_words_of_the_saying(verb: Token) -> set[int]:
    """The words of a reporting verb that tell when it was said though the parser hung them on
    what it reports: a day right after the verb ("said Friday she is ready", "said on Friday the
    plan ..."), and a clause of time in the past on the verb ("his uncle said when he phoned the
    sheriff the next day", dating.yaml saying_time.conjunctions). What is said starts after them."""
    words: set[int] = set()
    doc = verb.doc
    after = verb.i + 1
    if after < len(doc) and doc[after].lower_ == "on":
        after += 1
    if after < len(doc) and doc[after].ent_type_ in {"DATE", "TIME"}:
        first = doc[after]
        last = first
        while last.i + 1 < len(doc) and doc[last.i + 1].ent_type_ == first.ent_type_ and doc[last.i + 1].ent_iob_ == "I":
            last = doc[last.i + 1]
        words |= set(range(first.i, last.i + 1))
    conjunctions = frozenset(table()["saying_time"]["conjunctions"])
    for child in verb.children:
        # (told in the past, as the saying was: "as he prepares to help the crew on Tuesday" is a plan)
        if child.dep_ == "advcl" and child.tag_ == "VBD" \
                and any(c.dep_ in {"mark", "advmod"} and c.lower_ in conjunctions and c.i < child.i for c in child.children):
            words |= {t.i for t in child.subtree}
    return words


def a_recent_day(start: date | None, end: date | None, dct: date | None) -> bool:
    """One day, at most said_at_an_occasion.max_days_before_report days before the report."""
    if start is None or dct is None or (end is not None and end != start):
        return False
    return 0 <= (dct - start).days <= table()["said_at_an_occasion"]["max_days_before_report"]


# --- an act going on as the story is told (dating.yaml: going_on) -----------------------------------


def going_on_at_the_report(trigger: Token, source: str, borrowed_end: date | None, dct: date | None) -> bool:
    """ "a fire crew is investigating", "rescuers are still looking for a missing hiker": the
    present progressive of the act's own clause tells it going on as the report is written, so
    the report's day is one the text gives, where a guard found no day for it (rather than none)
    and where the day was carried from an earlier sentence that ended before the report ("The
    body was found on Tuesday. ... The coroner's office is investigating": the inquiry goes on
    now, not on Tuesday). A carried time the report's day lies in ("this month") already says
    now, and stays. So does a distance from another happening ("Three weeks after setting up a
    flood panel, the governor is urging lawmakers ..."): it counts how long that happening is
    past, and the urging goes on now, not a month after an undated day."""
    if source in {"narrative", "relative"} and not before(borrowed_end, dct):
        return False
    return source in {"none", "narrative", "relative"} and in_the_present_progressive(trigger)


def a_process_told_going_on(noun: Token) -> bool:
    """ "while officials conduct an inquiry", "a sergeant now heads the probe",
    "it could hamper the ongoing probe": a noun of a process that lasts until it is closed
    (dating.yaml: going_on: processes) told as going on now, by an adjective ("ongoing",
    "continuing") or by the present tense of the verb its phrase hangs on, so its day is the
    report's, not that of an earlier episode the sentences before told. (Not a perfect, "have
    finished the inquiry", nor a past, "as police went on with their investigation": that
    telling's time.)"""
    words = table()["going_on"]
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in words["processes"]:
        return False
    if any(c.dep_ == "amod" and c.lower_ in words["going_on_adjectives"] for c in noun.children):
        return True
    verb = _verb_the_phrase_hangs_on(noun)
    if verb is None:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(lemma_of_auxiliary(a) == "have" or a.tag_ == "MD" for a in auxiliaries):
        return False
    if verb.tag_ == "VBG":
        # "police are leading the investigation" after a dated talk: the judged stories read the
        # story's day for it (dating.yaml: "an act told in the present after a dated talk ...")
        return False
    first = min(auxiliaries, key=lambda a: a.i) if auxiliaries else verb
    return first.tag_ in {"VBZ", "VBP"}


def a_process_under_way(noun: Token) -> bool:
    """ "Detectives asked anyone with information to help with the investigation", "his presence could
    compromise the probe", "another officer is on trial": a noun of a process that lasts until it is closed
    (dating.yaml going_on.processes) whose phrase hangs on no verb in the past is an activity under way at the
    report (docs/judging.md, the conventions of stop 51: dated to the report), not a part of the earlier episode
    whose day the story carried. Told in the past it is that telling's ("conducted the investigation", "was
    found following a long search": a participle used as a preposition, "following", "pending", is read by
    its clause's verb), and a progressive is left to ``a_process_told_going_on`` ("police are leading the
    investigation" after a dated talk: the judged stories read the story's day)."""
    words = table()["going_on"]
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in words["processes"]:
        return False
    verb = _verb_the_phrase_hangs_on(noun)
    for _ in range(4):
        if verb is None or verb.tag_ not in {"VBG", "VBN"} or verb.head.i == verb.i \
                or any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
            break
        verb = verb.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
    if verb is None:
        return True
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries):
        return False
    return verb.tag_ not in {"VBN", "VBG"} or (verb.tag_ == "VBN" and bool(auxiliaries))


def _verb_the_phrase_hangs_on(noun: Token) -> Token | None:
    """The verb a noun's phrase hangs on, up through prepositions and the nouns they hang on ("the
    sergeant is in charge of it all" -> is), None past a clause of its own."""
    node = noun
    for _ in range(6):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return node
        if node.pos_ not in {"ADP", "NOUN", "PROPN", "ADJ"}:
            return None
    return None


def in_the_present_progressive(trigger: Token) -> bool:
    """ "is investigating", "are still looking": a present "be" and the trigger's -ing form; and
    its passive, "a new fence is being discussed" (a present "be", "being" and the participle).
    Not a perfect ("has been searching": since some unsaid day)."""
    words = table()["going_on"]
    auxiliaries = [c for c in trigger.children if c.dep_ in {"aux", "auxpass"}]
    if trigger.tag_ == "VBG":
        going = [a for a in auxiliaries if a.dep_ == "aux"]
    elif trigger.tag_ == "VBN" and any(a.dep_ == "auxpass" and a.lower_ == "being" for a in auxiliaries):
        going = [a for a in auxiliaries if a.lower_ != "being"]
    else:
        return False
    return any(plain_lower(a) in words["present_be"] for a in going) and not any(
        lemma_of_auxiliary(a) in words["perfect"] for a in going)


# --- one happening told again with a day of its own (dating.yaml: told_again) ------------------------


@lru_cache(maxsize=1)
def happening_families() -> dict[str, str]:
    """Each word's family of words for one kind of happening ("killing" -> kill), by lemma."""
    return {word.lower(): family[0].lower() for family in table()["told_again"]["families"] for word in family}


def _family(lemma: str) -> str:
    return happening_families().get(lemma, lemma)


def _own_day(event: Event) -> bool:
    """A day the event's own clause gives ("was killed on Sunday", "Saturday's shooting"): not the
    report's, nor one carried from an earlier sentence or borrowed from another clause of the
    sentence ("A vigil on Tuesday remembered a teacher whose killing ...": Tuesday is the vigil's)."""
    if event.date_start is None or event.date_inherited or event.date_span is None:
        return False
    words = event.clause or event.sentence
    return words.start <= event.date_span.start < words.end


# the third-person subject pronouns, which stand for people a clause is about ("They split the bill",
# "they were arrested"): the events stage keeps one as the act's doer or target when nothing in the
# text tells whom it stands for (arguments.read_participants), and such an actor names no one here.
# Not "it", which mostly stands for a thing; nor the first or second person, the writer's or a
# statement's own side ("we remain committed") or its listener; nor an object ("to identify him"),
# which a reader takes as the thing or person the sentence before named last
BARE_PERSONAL_PRONOUNS = frozenset({"he", "she", "they"})


def _names(actor) -> set[str]:
    """What names a participant: its entity, or the capitalised words of a name ("Welch")."""
    if actor is None:
        return set()
    named = {actor.entity_id} if actor.entity_id else set()
    # (a bare pronoun kept as the actor, "They" at a sentence's start, names no one)
    return named | {w.lower() for w in re.findall(r"\b[A-Z][a-z]+\b", actor.text)} - BARE_PERSONAL_PRONOUNS


def _people_named(event: Event) -> set[str]:
    return _names(event.source_actor) | _names(event.target_actor)


def _known_people(event: Event) -> set[str]:
    """The entities the event's doer and target are (not the capitalised words of their names)."""
    return {a.entity_id for a in (event.source_actor, event.target_actor) if a is not None and a.entity_id}


def _place_names(event: Event) -> set[str]:
    return {p.name for p in event.places}


def _shares_a_participant_or_place(event: Event, other: Event) -> bool:
    return bool(_people_named(event) & _people_named(other)) or bool(_place_names(event) & _place_names(other))


def acts_dated_by_another_telling(events: list[Event], doc, dct: date | None) -> list[Event]:
    """ "A gunman killed the pastor of a church in Dover on Sunday. ... The man who killed the
    pastor ...": a story tells one happening again and again, and only one telling gives its
    day. An act with no day of its own sentence (none, the report's or one carried) takes the
    day of another telling of the same happening, before or after it: a word of the same family
    (dating.yaml told_again: "killed", "killing"; "robbery", "robbed") of the same kind, with its
    own sentence's day. When the story tells more than one such happening on different days
    ("Twelve years ago an arsonist killed four in Leeds. ... the one killed in Dover"), the tellings
    that share a participant or a place with the act decide, and they must agree on one day.
    Not a statement, nor an act told in the future, with a modal or a perfect, or going on now:
    those say on their own that they are not on the happening's day."""
    roots = {}
    for event in events:
        if event.trigger is not None:
            words = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
            if words is not None and len(words):
                roots[id(event)] = words.root
    told = [e for e in events if e.type != "STATEMENT" and id(e) in roots and _own_day(e)
            and (dct is None or e.date_end is None or e.date_end <= dct)]
    result = []
    for event in events:
        root = roots.get(id(event))
        if root is None or event.type == "STATEMENT" or _own_day(event) or not _tells_a_past_happening(root):
            result.append(event)
            continue
        family = _family(root.lemma_.lower())
        tellings = [t for t in told if t is not event and t.type == event.type and not _told_apart(event, t)
                    and _family(roots[id(t)].lemma_.lower()) == family]
        pool = [t for t in tellings if _shares_a_participant_or_place(event, t)] or tellings
        days = {(t.date_start, t.date_end) for t in pool}
        if len(days) == 1 and not _within(event, pool[0]):
            teller = pool[0]
            notes = tuple("date of another telling of the happening" if n == INHERITED_NOTE else n for n in event.notes)
            event = replace(event, date_value=teller.date_value, date_start=teller.date_start,
                            date_end=teller.date_end, date_span=teller.date_span, date_inherited=False, notes=notes)
        result.append(event)
    return result


def _told_apart(event: Event, other: Event) -> bool:
    """Both name places and none is the other's, or both name known people and none is the
    other's: two happenings ("killed in Leeds", "killed in Dover"; "Reed's killing", "Cole's")."""
    here, there = _place_names(event), _place_names(other)
    if here and there and not here & there:
        return True
    ours, theirs = _known_people(event), _known_people(other)
    return bool(ours) and bool(theirs) and not ours & theirs


def _within(event: Event, other: Event) -> bool:
    """The act's date is already a closer reading of the telling's (a time of its day, a day of its month)."""
    return event.date_start is not None and other.date_start is not None and other.date_start <= event.date_start \
        and (event.date_end or event.date_start) <= (other.date_end or other.date_start)


def _tells_a_past_happening(trigger: Token) -> bool:
    """A verb in the simple past or a noun (no tense of its own); not a future, a modal, a
    perfect, nor a present progressive."""
    if _clause_tense(trigger) == "modal" or in_the_present_progressive(trigger):
        return False
    words = background_words()
    auxiliaries = [c for c in trigger.children if c.dep_ in {"aux", "auxpass"}]
    return not any(plain_lower(a) in words["future"] or lemma_of_auxiliary(a) == "have" for a in auxiliaries)
