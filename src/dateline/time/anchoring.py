"""date_of_sentence: what date or period is this sentence about?

A sentence that names a calendar date is about it; where it names several, the one closest in
the parse to the sentence's main verb ("Officials said on Tuesday that the town fell on Sunday":
the event is the fall, but the sentence's own clause is the saying; the main verb wins, which is
what a reader of a timeline expects to see first). A sentence that names none is about the
narrative reference time: the last calendar date named before it.
"""

from __future__ import annotations

import re

from datetime import date

from dateline.model import Timex


def is_calendar(timex: Timex) -> bool:
    """A value that is a place on the calendar (not PAST_REF, not a bare duration)."""
    if timex.type == "SET":
        return False
    if timex.type == "DURATION":
        return timex.range_start is not None
    return timex.value[:1].isdigit()


def _hops_to_root(sentence, timex: Timex) -> int:
    doc = sentence.doc
    span = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 99
    # (tokens compared by index: spaCy makes a new Token object at every access, so ``is``
    # never holds and every timex would count as off the tree)
    token, hops, root = span.root, 0, sentence.root.i
    while token.i != root and token.head.i != token.i and hops < 20:
        token, hops = token.head, hops + 1
    return hops if token.i == root else 99


YEAR_ONLY = re.compile(r"\d{3}[\dX]$")
YEARS_SPAN = re.compile(r"\d{4}/\d{4}$")  # "1991-92" (grammar.yaml: span of years)


def date_of_sentence(sentence, timexes: list[Timex], dct: date | None) -> Timex | None:
    """The timex the sentence's event is dated by, the narrative reference time, or None.

    ``sentence`` is a spaCy Span of the parse the timexes were found in (offsets into the same
    text). ``dct``, the article's date, tells a plan (a date after it) from a narrative time.
    """
    start, end = sentence.start_char, sentence.end_char
    # a date that modifies a noun ("cancelled an April election", "the 2019 accord") dates that
    # thing, not what the rest of the sentence tells; the clause that holds it still takes it
    modifiers = {id(t) for t in timexes if start <= t.span.start < end and modifies_a_noun(sentence.doc, t)}
    inside = [t for t in timexes if start <= t.span.start < end and is_calendar(t) and id(t) not in modifiers]
    if inside:
        return min(inside, key=lambda t: (_hops_to_root(sentence, t), t.span.start))
    timexes = [t for t in timexes if id(t) not in modifiers]
    # The narrative time is the last date named before the sentence, read back from it:
    # - a day no DCT can place ("on Tuesday" in an undated article) still moves the story on,
    #   so an older calendar date ("in the 1940s") named before it no longer holds;
    # - a date that opens a stretch ("since the coup on February 1") is no time the story is at;
    # - nor is one in a relative clause, background to a noun ("Mr Dunn, whose barn burned down in
    #   1988, said ...": the next sentence is not in 1988);
    # - nor is a plan ("talks ... on Monday" in a Sunday report).
    # (a day named in a relative clause inside the stretch the story is at narrows it: "Medals went
    # to nurses for their service in 2011. One went to a midwife whose team arrived on June 3 after a
    # bus overturned. The midwife climbed into the bus": the story is at June 3 of 2011 now)
    relative_day = None
    for timex in reversed([t for t in timexes if t.span.start < end]):
        if timex.type == "DURATION" or not (is_calendar(timex) or _unplaced_day(timex)):
            continue
        if timex.span.start < start and in_a_relative_clause(sentence.doc, timex) and not _a_recent_day(timex, dct) \
                and not opens_a_stretch(sentence.doc, timex) and relative_day is None and _one_day(timex):
            relative_day = timex
        if timex.span.start < start and dates_a_saying_of_a_dated_happening(sentence.doc, timex, timexes):
            # the speech time of a report is no narrative time: "Two climbers fell on a ridge late Saturday,
            # a ranger said Sunday. One was a guide." goes on at Saturday's fall
            continue
        if timex.span.start < start and (opens_a_stretch(sentence.doc, timex)
                                         or (in_a_relative_clause(sentence.doc, timex) and not _a_recent_day(timex, dct))
                                         or ((YEAR_ONLY.match(timex.value) or YEARS_SPAN.match(timex.value))
                                             and modifies_a_noun(sentence.doc, timex))):
            # (nor a year that names a thing's vintage: "a 2011 Buick skidded into a ditch", "the
            # 1970s radical"; a day on a noun names the occasion the story is at: "the Monday
            # morning shootings")
            continue
        if not is_calendar(timex):
            return None
        if dct is not None and timex.span.start < start and timex.range_start is not None and timex.range_start > dct:
            return None
        if relative_day is not None and _narrows(relative_day, timex):
            return relative_day
        return timex
    return None


def _one_day(timex: Timex) -> bool:
    return timex.type in {"DATE", "TIME"} and timex.range_start is not None and timex.range_end in (None, timex.range_start)


def _narrows(day: Timex, stretch: Timex) -> bool:
    """Whether a day lies inside a longer stretch (a month, a year) the story is at."""
    first, last = stretch.range_start, stretch.range_end
    return (first is not None and last is not None and (last - first).days > RECENT_DAYS
            and first <= day.range_start <= last)


# "for the past year", "over the last month", "during the past week", "in the past year": a
# stretch that runs up to the time of writing, however the time stage reads its value
RUNS_TO_NOW_PREPOSITIONS = frozenset({"for", "over", "during", "in", "throughout"})
RUNS_TO_NOW_ADJECTIVES = frozenset({"past", "last"})
# "lane closed through March 27", "until Friday", "till June": a stretch that ends on the date
CLOSING_WORDS = frozenset({"through", "thru", "until", "till", "til"})


def _runs_to_now(span) -> bool:
    """ "for the past year", "over the last month": a preposition of extent, then "the past" or
    "the last" opening the expression. ("last year" alone, or "in May", is a date.)"""
    words = [t.lower_ for t in span[:2]]
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return len(words) == 2 and words[0] == "the" and words[1] in RUNS_TO_NOW_ADJECTIVES \
        and before in RUNS_TO_NOW_PREPOSITIONS


def closes_a_stretch(doc, timex: Timex) -> bool:
    """Whether a date ends a stretch that runs until it: "Ramp shut through April 19",
    "closed until Friday", "will stay till June". (Not "by Friday": a deadline is a day.)"""
    span = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    if span is None or not len(span) or span.start == 0:
        return False
    before = doc[span.start - 1]
    return before.lower_ in CLOSING_WORDS


# verbs whose day is the day a source spoke, not a time of what it tells
SAYING_LEMMAS = frozenset({"say", "tell", "announce", "report", "state", "confirm", "add"})


def _timex_root(doc, timex: Timex):
    span = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def dates_a_saying(doc, timex: Timex) -> bool:
    """ "a spokesman said Sunday", "police said on Monday": the expression times the verb of saying
    (hung on it directly or through "on"), so it is when the source spoke."""
    root = _timex_root(doc, timex)
    if root is None:
        return False
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "on" and head.head.i != head.i:
        head = head.head
    return head.i != root.i and head.pos_ in {"VERB", "AUX"} and head.lemma_ in SAYING_LEMMAS \
        and root.dep_ in {"npadvmod", "tmod", "obl", "pobj", "advmod", "dobj"}


def dates_a_saying_of_a_dated_happening(doc, timex: Timex, timexes: list[Timex]) -> bool:
    """A saying's day in a sentence that also names the day of what is said to have happened
    ("Two climbers fell on a ridge late Saturday, a ranger said Sunday"): the story goes on at the
    happening's day, not the speaking's."""
    if not dates_a_saying(doc, timex):
        return False
    root = _timex_root(doc, timex)
    sent = root.sent
    return any(other is not timex and sent.start_char <= other.span.start < timex.span.start and is_calendar(other)
               and other.type in {"DATE", "TIME"} and not dates_a_saying(doc, other)
               and not in_a_relative_clause(doc, other) and not modifies_a_noun(doc, other)
               for other in timexes)


def in_a_relative_clause(doc, timex: Timex) -> bool:
    """ "whose barn burned down in 1988", "which opened in 2001": the expression dates a clause that
    describes a noun."""
    span = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span.root
    for _ in range(12):
        if token.dep_ == "relcl":
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def modifies_a_noun(doc, timex: Timex) -> bool:
    """ "an April election", "the 2019 accord": the expression is a modifier inside a noun
    phrase. (A possessive, "Monday night's council meeting", names the occasion a story is
    about, and stays a date of the sentence.)"""
    span = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.dep_ in {"compound", "amod", "nmod"} and root.head.pos_ in {"NOUN", "PROPN"} \
            and not (span.start <= root.head.i < span.end):
        return True
    # "the 2016-17 fiscal year", "the 2015-16 class", "the 2016-17 and 2017-18 seasons": a span of years
    # counted as a number of the noun (or joined to one that is) names the noun's period
    if YEARS_SPAN.match(timex.value or ""):
        first = root.head if root.dep_ == "conj" and root.head.i < span.start else root
        return first.dep_ in {"nummod", "compound", "amod", "nmod"} and first.head.pos_ in {"NOUN", "PROPN"} \
            and not (span.start <= first.head.i < span.end)
    # "their red 1991 Honda", "a 2008 bill": the parser counts the year as a number of the noun
    if len(span) == 1 and span[0].shape_ == "dddd" and root.dep_ == "nummod" and root.head.pos_ in {"NOUN", "PROPN"}:
        return True
    # "a 2006 Buick", "their 2019 budget": a determiner, a year, a noun (the parser may miss it)
    return (len(span) == 1 and span[0].shape_ == "dddd" and span.start > 0 and span.end < len(doc)
            and doc[span.start - 1].tag_ in {"DT", "PRP$"} and doc[span.end].pos_ in {"NOUN", "PROPN"})


def opens_a_stretch(doc, timex: Timex) -> bool:
    """Whether a date starts a stretch that runs on: "since 2003", "since the coup on
    February 1", "have fled since the war began in November 2020", "for the past year". Not
    through a coordinated clause: in "has held the town since Friday and attacked it on
    Monday", Monday is a day."""
    span = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if _runs_to_now(span):
        return True
    # back over a short noun phrase with no verb in it
    for token in reversed(doc[max(0, span.start - 6) : span.start]):
        if token.lower_ == "since":
            return True
        if token.pos_ not in {"DET", "NOUN", "PROPN", "ADJ", "ADP", "NUM"}:
            break
    # up the parse: "since" governing the date, or opening (or hung on) a clause that holds it
    token = span.root
    for _ in range(4):
        if token.head.i == token.i or token.dep_ in {"conj", "ccomp"}:
            return False
        token = token.head
        if token.lower_ == "since" or any(
            c.lower_ == "since" and c.dep_ in {"mark", "prep"} and c.i < span.start for c in token.children
        ):
            return True
    return False


# a day this many days before the report at most is one of the story's own week
RECENT_DAYS = 7


def _a_recent_day(timex: Timex, dct: date | None) -> bool:
    """ "the death of a teen who was killed early Sunday": a day of the week before the report,
    even in a relative clause, is the day of the story the sentences after it go on telling (a
    year or a day long past there is background: "whose barn burned down in 1988")."""
    day = timex.range_start
    return (dct is not None and day is not None and timex.range_end in (None, day) and timex.type in {"DATE", "TIME"}
            and 0 <= (dct - day).days <= RECENT_DAYS)


def _unplaced_day(timex: Timex) -> bool:
    """A date or time with an unknown year: XXXX-06-13, XXXX-WXX-2."""
    return timex.type in {"DATE", "TIME"} and timex.value.startswith("XXXX")
