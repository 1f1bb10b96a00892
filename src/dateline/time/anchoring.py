"""date_of_sentence: what date or period is this sentence about?

A sentence that names a calendar date is about it; where it names several, the one closest in
the parse to the sentence's main verb ("Officials said on Tuesday that the town fell on Sunday":
the event is the fall, but the sentence's own clause is the saying; the main verb wins, which is
what a reader of a timeline expects to see first). A sentence that names none is about the
narrative reference time: the last calendar date named before it.
"""

from __future__ import annotations

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
    token, hops = span.root, 0
    while token is not sentence.root and token.head is not token and hops < 20:
        token, hops = token.head, hops + 1
    return hops if token is sentence.root else 99


def date_of_sentence(sentence, timexes: list[Timex], dct: date | None) -> Timex | None:
    """The timex the sentence's event is dated by, the narrative reference time, or None.

    ``sentence`` is a spaCy Span of the parse the timexes were found in (offsets into the same
    text). ``dct`` is accepted for symmetry with tag_timexes; values are already resolved.
    """
    start, end = sentence.start_char, sentence.end_char
    inside = [t for t in timexes if start <= t.span.start < end and is_calendar(t)]
    if inside:
        return min(inside, key=lambda t: (_hops_to_root(sentence, t), t.span.start))
    # A day the text names but no DCT can place ("on Tuesday", "June 13" in an undated
    # article) still moves the narrative on: an older calendar date ("in the 1940s") named
    # before it is no longer the time the story is at.
    # a date that opens a stretch ("since the coup on February 1") is no time the story is at
    named = [t for t in timexes if t.span.start < end and (is_calendar(t) or _unplaced_day(t))
             and t.type != "DURATION" and not (t.span.start < start and _opens_a_stretch(sentence.doc, t))]
    if not named or not is_calendar(named[-1]):
        return None
    # a plan ("talks ... on Monday" in a Sunday report) is no time later sentences are at
    if dct is not None and named[-1].span.start < start and named[-1].range_start is not None \
            and named[-1].range_start > dct:
        return None
    return named[-1]


def _opens_a_stretch(doc, timex: Timex) -> bool:
    """'since 2003', 'since the coup on February 1', 'since the war began in 2020'."""
    span = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    # "since the coup on February 1": back over a short noun phrase with no verb in it
    for token in reversed(doc[max(0, span.start - 6) : span.start]):
        if token.lower_ == "since":
            return True
        if token.pos_ not in {"DET", "NOUN", "PROPN", "ADJ", "ADP", "NUM"}:
            break
    token = span.root
    for _ in range(4):
        if token.head is token:
            return False
        token = token.head
        if token.lower_ == "since" or any(c.lower_ == "since" and c.dep_ == "mark" for c in token.children):
            return True
    return False


def _unplaced_day(timex: Timex) -> bool:
    """A date or time with an unknown year: XXXX-06-13, XXXX-WXX-2."""
    return timex.type in {"DATE", "TIME"} and timex.value.startswith("XXXX")
