"""The date of one event: a chain of rules (dating.py, dating.yaml) over its clause, its sentence
and the story told before it, each rule overriding the one before. The reading keeps the trace of
the chain, the names of the rules that fired and the dates they saw, so a reader, a study or a
debugging tool can see why an event got its date (``EventDateReading``; ``events.explain_events``).

The chain has two parts:
- the sentence's date as this event may borrow it (``SENTENCE_DATE_RULES``): a date of another
  clause, of what a report reports, of a gathering the story opened with;
- the event's date (``EVENT_DATE_RULES``), read first from its own clause, else the sentence,
  the story or the report's day (arguments.date_of_event), then overridden by the background
  tests (borrows no day, another episode's day, a court's steps, told again ...).

A new rule is a function ``(facts, current) -> Fired | Looked | None`` put in its place in one of
the two tuples: it returns its name and the date it gives when it fires, ``Looked`` when it leaves
the date but saw one the reading's trace shows, None when it leaves the date (a fact it needs that
``DateFacts`` lacks goes there). After the reading, passes over the whole article
may still change an event's date (events._read_events: a lead act dated by the body, an act dated
by another telling ...): ``events.EventReadings.date_passes`` names them."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from collections.abc import Collection
from typing import Callable, Generic, TypeVar

from spacy.tokens import Span as SpacySpan, Token

from dateline.events.arguments import NO_DATE, EventDate, date_of_event, timex_range
from dateline.events.dating import (
    a_bare_past_participle,
    BORROWED,
    a_process_told_going_on,
    a_process_under_way,
    a_recent_day,
    agreed_to_do,
    background_words,
    before,
    borrows_no_day,
    carried_from_far_back,
    counted_stretch,
    dated_by_another_step,
    day_of_the_offence_named,
    decided_before_the_report,
    done_at_the_occasion,
    gerund_placed_against,
    goes_on_from_the_speakers_dated_act,
    going_on_at_the_report,
    names_the_gathering_again,
    occasion_words_hung_on,
    offence_day_of_a_standing,
    only_intended,
    placed_vaguely_after,
    placed_vaguely_before,
    said_at_a_told_occasion,
    said_at_the_occasion_told_before,
    time_words_of_the_saying,
    told_at_a_dated_talk,
    told_in_a_past_relative_clause,
    told_in_the_past,
    timed_through_an_infinitive,
    vintage_years,
    worked_with_someone,
)
from dateline.events.draft import Draft, own_words, reported_words, reporting_verb
from dateline.events.placing import Told, date_of_the_event_told
from dateline.events.triggers import dominates, load_lexicon
from dateline.model import Timex
from dateline.time import date_of_sentence

# --- the reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DateStep:
    """A rule of the chain that fired: its name and the date value it left (None: no date)."""

    rule: str
    value: str | None


@dataclass(frozen=True)
class SeenDate:
    """A date a rule of the chain looked at, whether or not it took it ("sentence's date", or
    "carried date" when the sentence's is of the sentences before, "occasion", "told before" ...)."""

    what: str
    value: str | None


@dataclass(frozen=True)
class EventDateReading:
    """An event's date and why: the rules that fired, in order (the first of the event's own
    part names where the date was first read: "own clause", "sentence", "report's day" ...), and
    the dates the chain saw."""

    date: EventDate
    steps: tuple[DateStep, ...]
    seen: tuple[SeenDate, ...]

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple(step.rule for step in self.steps)

    def saw(self, what: str) -> str | None:
        """The value of a date the chain saw by that name, None when it saw none."""
        return next((s.value for s in self.seen if s.what == what), None)


# the first step of the event's own part, by where arguments.date_of_event found the date
FIRST_READING = {
    "clause": "own clause",
    "relative": "relative to a told date",
    "sentence": "sentence",
    "narrative": "carried from the story",
    "article": "report's day",
    "none": "no date",
}


@dataclass(frozen=True)
class DateFacts:
    """What the rules read, fixed before the chain runs."""

    draft: Draft
    drafts: list[Draft]  # the events of the sentence
    timexes: list[Timex]
    dct: date | None
    recent: list[Told]  # the events told so far
    occasion: Timex | None  # the gathering the story opens with (events._lead_occasion)
    nested_anywhere: frozenset[int]  # words of clauses of the sentence the event is not told in
    reported: frozenset[int]  # for a report, what it reports
    own_clause: list[Token]  # the event's own words, without nested clauses nor what it reports
    ground: bool  # told only as background to another act of the sentence
    # (fields, not properties: every rule asks them)
    sentence: SpacySpan
    trigger: Token | None  # the trigger's word; None for a report (a STATEMENT with no trigger)

    def in_reported(self, timex: Timex) -> bool:
        doc = self.sentence.doc
        return any(doc[i].idx <= timex.span.start < doc[i].idx + len(doc[i]) for i in self.reported)


T = TypeVar("T")


@dataclass(frozen=True)
class Fired(Generic[T]):
    """A rule that fired: its name and the date it gives (a timex or None for the sentence's
    date, an EventDate for the event's), and the dates it looked at (the reading's trace)."""

    rule: str
    value: T
    seen: tuple[SeenDate, ...] = ()


@dataclass(frozen=True)
class Looked:
    """A rule that left the date as it was but looked at dates the reading's trace shows."""

    seen: tuple[SeenDate, ...]


def read_event_date(draft: Draft, drafts: list[Draft], sentence_date: Timex | None, timexes: list[Timex],
                    dct: date | None, recent: list[Told], occasion: Timex | None) -> EventDateReading:
    """The date of a draft's event, with the trace of the rules that chose it. ``sentence_date``:
    the time stage's date of the sentence; ``recent``: the events told before; ``occasion``: the
    gathering the story opens with."""
    facts = _date_facts(draft, drafts, timexes, dct, recent, occasion)
    steps: list[DateStep] = []
    seen: list[SeenDate] = []  # the dates the rules looked at, in order
    if sentence_date is not None:
        # (the time stage's date of the sentence may be carried from the sentences before)
        inside = draft.sentence.start_char <= sentence_date.span.start < draft.sentence.end_char
        seen.append(SeenDate("sentence's date" if inside else "carried date", sentence_date.value))
    if occasion is not None:
        seen.append(SeenDate("occasion", occasion.value))
    for rule in SENTENCE_DATE_RULES:
        outcome = rule(facts, sentence_date)
        seen += outcome.seen if outcome is not None else ()
        if isinstance(outcome, Fired):
            sentence_date = outcome.value
            steps.append(DateStep(outcome.rule, sentence_date.value if sentence_date is not None else None))
    event_date = date_of_event(facts.own_clause, facts.sentence, timexes, dct, sentence_date)
    steps.append(DateStep(FIRST_READING[event_date.source], event_date.value))
    for rule in EVENT_DATE_RULES:
        outcome = rule(facts, event_date)
        seen += outcome.seen if outcome is not None else ()
        if isinstance(outcome, Fired):
            event_date = outcome.value
            steps.append(DateStep(outcome.rule, event_date.value))
    return EventDateReading(event_date, tuple(steps), tuple(seen))


def _date_facts(draft: Draft, drafts: list[Draft], timexes: list[Timex], dct: date | None, recent: list[Told],
                occasion: Timex | None) -> DateFacts:
    nested, nested_anywhere = _other_clauses(draft)
    reported = reported_words(draft)
    # (a year naming a thing's vintage, "a 1993 Cadillac", is no time of the act: dating.vintage_years)
    vintage = vintage_years(draft.sentence, timexes, draft.trigger.token if draft.trigger is not None else None)
    own_clause = [t for t in draft.clause if t.i not in nested and t.i not in reported and t.i not in vintage]
    return DateFacts(draft, drafts, timexes, dct, recent, occasion, frozenset(nested_anywhere), frozenset(reported),
                     own_clause, _background_to_another_act(draft, drafts), draft.sentence,
                     draft.trigger.token if draft.trigger is not None else None)


def _other_clauses(draft: Draft) -> tuple[set[int], set[int]]:
    """The words of the clauses inside the event's clause that tell of something else, and those
    of such clauses anywhere in the sentence: their dates are not the event's."""
    sentence = draft.sentence
    # a timex in a relative clause on a noun ("the depot, which has stored the grain since
    # 1998") dates that clause, not the event
    own = draft.trigger.head if draft.trigger is not None else None
    # (except one on the event noun itself: "a collision that happened on Sunday morning")
    noun = draft.trigger.token.i if draft.trigger is not None and draft.trigger.token.pos_ == "NOUN" else None
    nested = {
        t.i
        for modifier in draft.clause
        if modifier.dep_ in {"relcl", "acl"} and (own is None or not dominates(modifier, own)) and modifier.head.i != noun
        for t in modifier.subtree
    }
    # ... and so does a clause of content the trigger is outside of ("Ann agreed, while noting
    # that the scheme was first tried in the 1980s": the 1980s are of what she notes)
    trigger_index = draft.trigger.token.i if draft.trigger is not None else None
    nested |= {
        t.i
        for modifier in draft.clause
        if trigger_index is not None and modifier.dep_ == "ccomp"
        and not modifier.left_edge.i <= trigger_index <= modifier.right_edge.i
        for t in modifier.subtree
    }
    # ... and so does one anywhere in the sentence ("The governor, who took office last year,
    # said militants attacked the town": not last year)
    nested_anywhere = nested | {
        t.i
        for modifier in sentence
        if modifier.dep_ in {"relcl", "acl"} and (own is None or not dominates(modifier, own)) and modifier.head.i != noun
        for t in modifier.subtree
    }
    return nested, nested_anywhere


# --- the sentence's date as the event may borrow it ----------------------------------------------


SentenceDateRule = Callable[[DateFacts, "Timex | None"], "Fired[Timex | None] | Looked | None"]


def _in_another_clause(facts: DateFacts, sentence_date: Timex | None) -> Fired[Timex | None] | None:
    doc = facts.sentence.doc
    if sentence_date is not None and any(
        doc[i].idx <= sentence_date.span.start < doc[i].idx + len(doc[i]) for i in facts.nested_anywhere
    ) and not timed_through_an_infinitive(facts.trigger, sentence_date.span, sentence_date.range_start, facts.dct):
        return Fired("another clause's date left out", None)
    return None


def _of_the_enclosing_clause(facts: DateFacts, sentence_date: Timex | None) -> Fired[Timex | None] | None:
    if facts.trigger is not None:
        # an act inside a relative clause with a date of its own is told in that clause's time
        enclosing = _date_of_the_enclosing_clause(facts.trigger, facts.timexes, facts.dct)
        if enclosing is not None:
            return Fired("enclosing relative clause's date", enclosing,
                         (SeenDate("enclosing relative clause's date", enclosing.value),))
    return None


def _carried_to_a_statement(facts: DateFacts, sentence_date: Timex | None) -> Fired[Timex | None] | None:
    sentence = facts.sentence
    if facts.draft.trigger is None and sentence_date is not None and not (
        sentence.start_char <= sentence_date.span.start < sentence.end_char
    ) and not _said_at_an_occasion_of_the_story(facts.draft, sentence_date, facts.dct):
        # a statement is made when it is reported, not at the time of the episode told in the
        # sentences before it ("The meeting was on November 1. ... Putin dismissed the claims")
        return Fired("a statement borrows no carried date", None)
    return None


def _of_what_is_reported(facts: DateFacts, sentence_date: Timex | None) -> Fired[Timex | None] | None:
    # a report is dated by its own words ("said on Tuesday"), not by the time of what it reports
    # ("said the convoy left on Monday", "said he had wanted it '18 months ago'")
    if not (facts.reported and sentence_date is not None and facts.in_reported(sentence_date)):
        return None
    sentence = facts.sentence
    # the report's own words may still date it: '"... cleared by Friday," the mayor said
    # during Tuesday's session' is Tuesday's, not Friday's and not the report's day
    # (and a day or a clause of time the parser hung on what is reported: "said Friday she is
    # ready", "said when he phoned the sheriff the next day": dating.time_words_of_the_saying)
    verb = reporting_verb(facts.draft)
    saying = time_words_of_the_saying(verb) if verb is not None else set()
    doc = sentence.doc
    own = [t for t in facts.timexes if sentence.start_char <= t.span.start < sentence.end_char
           and (not facts.in_reported(t)
                or any(doc[i].idx <= t.span.start < doc[i].idx + len(doc[i]) for i in saying))]
    sentence_date = date_of_sentence(sentence, own, facts.dct) if own else None
    if sentence_date is not None and not sentence.start_char <= sentence_date.span.start < sentence.end_char:
        sentence_date = None
    if sentence_date is None:
        return Fired("the reported words' date left out", None)
    return Fired("the report's own words' date", sentence_date)


def _said_at_the_gathering(facts: DateFacts, sentence_date: Timex | None) -> Fired[Timex | None] | None:
    if facts.draft.trigger is None and sentence_date is None and facts.occasion is not None \
            and _said_there(facts.draft):
        # ... unless the story opens with a gathering just before the report: its quotes were
        # said there ("The board met Monday night. ... the principal said"), also those whose
        # sentence's only date lies in what they report ("he wished it had come 'a year ago'")
        return Fired("said at the story's gathering", facts.occasion)
    return None


def _background_borrows_no_sentence_date(facts: DateFacts, sentence_date: Timex | None) -> Fired[Timex | None] | None:
    # (_background_to_another_act: "sentenced Tuesday for assaulting two girls")
    if facts.ground and sentence_date is not None:
        return Fired("background to another act: the sentence's date left out", None)
    return None


SENTENCE_DATE_RULES: tuple[SentenceDateRule, ...] = (
    _in_another_clause,
    _of_the_enclosing_clause,
    _carried_to_a_statement,
    _of_what_is_reported,
    _said_at_the_gathering,
    _background_borrows_no_sentence_date,
)


# --- the event's date -------------------------------------------------------------------------------


EventDateRule = Callable[[DateFacts, EventDate], "Fired[EventDate] | Looked | None"]


def _counted_stretch(facts: DateFacts, event_date: EventDate) -> Fired[EventDate] | None:
    if facts.trigger is None:
        return None
    stretch = counted_stretch(facts.trigger, facts.timexes, event_date.start, event_date.end)
    if stretch is None:
        return None
    # "Three days of fighting ended Saturday": Thursday to Saturday
    return Fired("counted stretch", replace(event_date, value=f"{stretch[0].isoformat()}/{stretch[1].isoformat()}",
                                             start=stretch[0], end=stretch[1]))


def _occasion_hung_on(facts: DateFacts, event_date: EventDate) -> Fired[EventDate] | None:
    if facts.trigger is not None and facts.draft.type != "STATEMENT" and event_date.source in BORROWED:
        # "the March 2 store holdup in which a masked man shot a guard": a part of the dated occasion it is told in
        hung_on = _date_of_the_occasion_hung_on(facts.trigger, facts.sentence, facts.timexes, facts.dct)
        if hung_on is not None:
            return Fired("the occasion it is told in", hung_on)
    return None


def _background_day_unknown(facts: DateFacts, event_date: EventDate) -> Fired[EventDate] | None:
    if facts.ground and event_date.source == "article":
        # before the other event, day unknown: no date rather than the report's
        return Fired("background to another act -> none", NO_DATE)
    return None


def _borrows_no_day(facts: DateFacts, event_date: EventDate) -> Fired[EventDate] | None:
    if facts.trigger is not None and borrows_no_day(facts.trigger, event_date.source, event_date.start, facts.dct):
        # an act told as background (a future, a perfect, a clause on someone): no borrowed day
        return Fired("borrows no day -> none", NO_DATE)
    return None


def _offence_named(facts: DateFacts, event_date: EventDate) -> Fired[EventDate] | None:
    if facts.trigger is not None and event_date.source not in {"clause", "relative"} \
            and (offence := day_of_the_offence_named(facts.trigger, facts.timexes, facts.dct)) is not None:
        # "accused of killing Al Dunn" after "Saturday's fatal shooting": the offence's own day
        return Fired("the offence's own day",
                     EventDate(offence.value, *timex_range(offence), offence.span, False, "narrative"))
    return None


def _told_at_a_dated_talk(facts: DateFacts, event_date: EventDate) -> Fired[EventDate] | None:
    if facts.trigger is not None and facts.draft.type != "STATEMENT" and event_date.source == "narrative" \
            and told_at_a_dated_talk(facts.trigger, event_date.span):
        # "The bishop preached on Sunday ... . He said he once met a dying soldier": a story of the talk
        return Fired("a story told at a dated talk -> none", NO_DATE)
    return None


def _placed_vaguely_before(facts: DateFacts, event_date: EventDate) -> Fired[EventDate] | None:
    if event_date.source not in BORROWED:
        return None
    # (a report's own words, not only its verb: "officials said recently that ...")
    words = facts.own_clause if facts.trigger is not None else own_words(facts.draft)
    if placed_vaguely_before(words, facts.timexes):
        # "Over recent weeks, the governor disclosed ...": some time before, the day unsaid
        return Fired("placed vaguely before -> none", NO_DATE)
    if facts.trigger is not None and facts.draft.type != "STATEMENT" and placed_vaguely_after(facts.trigger):
        # "The driver later died at a clinic": some time after the episode told, the day unsaid
        return Fired("placed vaguely after -> none", NO_DATE)
    return None


def _at_the_gathering(facts: DateFacts, event_date: EventDate) -> Fired[EventDate] | None:
    occasion = facts.occasion
    if facts.trigger is None or occasion is None or facts.sentence.start_char < occasion.span.end:
        return None
    if done_at_the_occasion(facts.trigger, event_date.source, facts.draft.sentence_index, event_date.start,
                            event_date.end, timex_range(occasion)[0], facts.dct):
        # "The board met Tuesday night ... Trustees rejected a contract that ...": done there
        return Fired("done at the story's gathering", _the_day_of(occasion))
    if names_the_gathering_again(facts.trigger, event_date.source, load_lexicon().occasion_words):
        # "The trustees then met in closed session for an hour and resumed the meeting"
        return Fired("the story's gathering named again", _the_day_of(occasion))
    return None


def _the_day_of(occasion: Timex) -> EventDate:
    return EventDate(occasion.value, *timex_range(occasion), occasion.span, False, "narrative")


def _carried_from_far_back(facts: DateFacts, event_date: EventDate) -> Fired[EventDate] | None:
    if facts.trigger is None:
        return None
    told_then = any(t.type == facts.draft.type and (t.start, t.end) == (event_date.start, event_date.end)
                    for t in facts.recent)
    if carried_from_far_back(facts.trigger, event_date.source, event_date.start, event_date.end, facts.dct,
                             event_date.span, told_then):
        return Fired("carried from far back -> none", NO_DATE)
    return None


def _dated_by_another_step(facts: DateFacts, event_date: EventDate) -> Fired[EventDate] | None:
    if facts.trigger is not None and dated_by_another_step(facts.trigger, event_date.span):
        # the offence, the charge and the court's steps of a case are never on one day
        return Fired("another step of the case's date -> none", NO_DATE)
    return None


def _offence_day_of_a_standing(facts: DateFacts, event_date: EventDate) -> Fired[EventDate] | None:
    if facts.trigger is not None and offence_day_of_a_standing(facts.trigger, event_date.span, background_words()):
        # "a roofer accused of robbing a bakery in 2019": 2019 is the robbery's, the accusation's day unsaid
        return Fired("the offence's day in a standing accusation -> none", NO_DATE)
    return None


def _going_on_at_the_report(facts: DateFacts, event_date: EventDate) -> Fired[EventDate] | None:
    dct = facts.dct
    if facts.trigger is not None and dct is not None \
            and going_on_at_the_report(facts.trigger, event_date.source, event_date.end, dct):
        # "a fire crew is investigating": going on as the story is told, on the report's day
        return Fired("going on at the report -> report's day",
                     EventDate(dct.isoformat(), dct, dct, None, True, "article"))
    return None


def _told_before(facts: DateFacts, event_date: EventDate) -> Fired[EventDate] | Looked | None:
    told_before = date_of_the_event_told(facts.trigger, facts.draft.sentence_index, facts.recent) \
        if facts.trigger is not None and event_date.source not in {"clause", "relative"} else None
    if told_before is None:
        return None
    seen = (SeenDate("told before", told_before.date_value),)
    if not (event_date.start is not None and told_before.start <= event_date.start
            and (event_date.end or event_date.start) <= told_before.end):
        # "the crash", "the fighting": the event told before by that word, on its day (a day
        # borrowed inside the stretch that telling gave, "June 1" of "the June 2007 murder", is
        # a closer reading of the same time, and stays)
        return Fired("the event told before", EventDate(told_before.date_value, told_before.start, told_before.end,
                                                        told_before.date_span, False, "narrative"), seen)
    return Looked(seen)


def _a_process_going_on(facts: DateFacts, event_date: EventDate) -> Fired[EventDate] | None:
    dct = facts.dct
    if facts.trigger is not None and dct is not None and event_date.source in {"sentence", "narrative"} \
            and before(event_date.end or event_date.start, dct) and (
                a_process_told_going_on(facts.trigger)
                or (event_date.source == "narrative" and a_process_under_way(facts.trigger))):
        # "Police found a car on Monday. ... while officials conduct an inquiry": going on now; "...
        # anyone with information should help with the investigation": under way, a carried day is not its
        return Fired("a process told going on -> report's day",
                     EventDate(dct.isoformat(), dct, dct, None, True, "article"))
    return None


def _placed_against_a_statement(facts: DateFacts, event_date: EventDate) -> Fired[EventDate] | None:
    if facts.trigger is None or event_date.source != "narrative":
        return None
    governor = gerund_placed_against(facts.trigger)
    if governor is not None and any((said := reporting_verb(d)) is not None and said.i == governor.i
                                    for d in facts.drafts):
        # "After speaking with the director, the principal said ...": a statement borrows no
        # carried day (_carried_to_a_statement), nor does what it is placed after
        return Fired("placed against a statement -> none", NO_DATE)
    return None


def _no_day_when(name: str, sources: Collection[str], told: Callable[[Token], bool]) -> EventDateRule:
    """A rule that leaves no day (``NO_DATE``) to an event whose date came from one of ``sources``
    when ``told(trigger)`` says how the text tells it: the shape of the three rules below."""
    def rule(facts: DateFacts, event_date: EventDate) -> Fired[EventDate] | None:
        if facts.trigger is not None and event_date.source in sources and told(facts.trigger):
            return Fired(name, NO_DATE)
        return None
    rule.__name__ = rule.__qualname__ = f"_{told.__name__}"  # each rule named apart, as the others are
    return rule


# "The analyst worked with the mayor on the plan": over some time before, no day given
_worked_with_someone = _no_day_when("worked with someone -> none", {"article"}, worked_with_someone)
# "The bakers' union agreed to a wage freeze": a commitment made on a day the text does not give
_agreed_to_do = _no_day_when("agreed to do something -> none", {"narrative", "article"}, agreed_to_do)
# "The trustees approved a plan for a new bus depot.": at a sitting before the report, no day given
_decided_before_the_report = _no_day_when("decided at an undated sitting -> none", {"article"},
                                          decided_before_the_report)
# "One trustee, who backed a new levy, said ...": before the report, no day given
_a_past_relative_clause = _no_day_when("a past relative clause -> none", {"article"}, told_in_a_past_relative_clause)


def _a_bare_past_participle(facts: DateFacts, event_date: EventDate) -> Fired[EventDate] | None:
    # "four suspects tried by a deputy prosecutor": a done act named to say who someone is, no tense of
    # the report (not a statement: "a notice put out by the firm" is said when it is reported)
    if facts.trigger is not None and facts.draft.type != "STATEMENT" and event_date.source == "article" \
            and a_bare_past_participle(facts.trigger):
        return Fired("a bare past participle -> none", NO_DATE)
    return None


# "The baker said Tuesday he promised to move to Dayton": meant, not done, on no day given
_only_intended = _no_day_when("only intended -> none", BORROWED, only_intended)


EVENT_DATE_RULES: tuple[EventDateRule, ...] = (
    _counted_stretch,
    _occasion_hung_on,
    _background_day_unknown,
    _borrows_no_day,
    _offence_named,
    _told_at_a_dated_talk,
    _placed_vaguely_before,
    _at_the_gathering,
    _carried_from_far_back,
    _dated_by_another_step,
    _offence_day_of_a_standing,
    _going_on_at_the_report,
    _told_before,
    _a_process_going_on,
    _worked_with_someone,
    _agreed_to_do,
    _decided_before_the_report,
    _placed_against_a_statement,
    _a_past_relative_clause,
    _only_intended,
    _a_bare_past_participle,
)


# --- the tests the rules ask ---------------------------------------------------------------------------


def _background_to_another_act(draft: Draft, drafts: list[Draft]) -> bool:
    """An earlier act the sentence tells only as background to another of its acts, so that
    act's date is not its date:
    - what the other act is for: "sentenced Tuesday for assaulting two girls", "charged with
      murdering", "jailed over the killing of";
    - a participle describing someone the other act is about: "A woman accused of arson ... was
      arrested". (Not "the second man hurt in the fire was a baker": no other act;
      nor "a leader being prosecuted": going on now.)"""
    if draft.trigger is None:
        return False
    node = draft.trigger.token
    others = [d for d in drafts if d is not draft and d.trigger is not None]
    if node.dep_ in {"pcomp", "pobj"} and node.head.dep_ == "prep" and node.head.lower_ in {"for", "of", "with", "over"}:
        governor = node.head.head
        return any(d.trigger.token.i == governor.i for d in others)
    if node.tag_ == "VBN" and node.dep_ == "acl" and node.head.pos_ in {"NOUN", "PROPN"} and node.head.i < node.i \
            and not any(c.dep_ == "auxpass" and c.lower_ == "being" for c in node.children):
        return any(dominates(d.trigger.head, node.head) for d in others)
    return False


def _date_of_the_enclosing_clause(trigger: Token, timexes: list[Timex], dct: date | None) -> Timex | None:
    """ "the smuggler who escaped from a prison last winter after being caught at a port": an
    event inside a relative clause that names a date of its own is told in that clause's time
    (last winter), not in the main clause's ("agreed Monday")."""
    node = trigger
    while node.head.i != node.i and node.dep_ != "relcl":
        node = node.head
    if node.dep_ != "relcl":
        return None
    doc = trigger.doc
    first, last = node.left_edge, node.right_edge
    start, end = first.idx, last.idx + len(last)
    inside = [t for t in timexes if start <= t.span.start < end]
    return date_of_sentence(doc[first.i : last.i + 1], inside, dct) if inside else None


def _date_of_the_occasion_hung_on(trigger: Token, sentence: SpacySpan, timexes: list[Timex],
                                  dct: date | None) -> EventDate | None:
    """The day of the occasion an act's clause is told of (dating.occasion_words_hung_on): a day
    or days of the noun's own words, never a longer time ("a 2008 bill that raised fees": the
    bill's vintage, no occasion)."""
    for words in occasion_words_hung_on(trigger):
        dated = date_of_event(words, sentence, timexes, dct, None)
        if dated.source == "clause" and dated.start is not None and dated.end is not None \
                and (dated.end - dated.start).days <= OCCASION_MAX_DAYS:
            return dated
    return None


# the longest time a noun's own date may span and still name one occasion ("Monday and Tuesday")
OCCASION_MAX_DAYS = 6


def _said_at_an_occasion_of_the_story(draft: Draft, carried: Timex, dct: date | None) -> bool:
    """A statement said at an occasion its own words name ("said during a press conference"), or
    by the one the sentence before tells talking on the carried day ("Reyes spoke to the tenants on
    Wednesday. Reyes said ..."), or after a sentence that dates a gathering ("a forum on Tuesday
    night"), with a recent day carried from the sentences before (dating.said_at_a_told_occasion,
    dating.goes_on_from_the_speakers_dated_act, dating.said_at_the_occasion_told_before)."""
    verb = reporting_verb(draft)
    return verb is not None and a_recent_day(*timex_range(carried), dct) and (
        said_at_a_told_occasion(verb) or goes_on_from_the_speakers_dated_act(verb, carried.span.start)
        or said_at_the_occasion_told_before(verb, carried.span.start, load_lexicon().occasion_words))


def _said_there(draft: Draft) -> bool:
    """A statement after the lead, its reporting verb in the past ("the principal said"), so
    told at the occasion the lead names rather than to the reporter now ("says")."""
    if draft.sentence_index == 0:
        return False
    verb = reporting_verb(draft)
    return verb is not None and told_in_the_past(verb)

