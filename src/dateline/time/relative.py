"""Events dated by their distance from another: "<duration> after/before <clause>".

"The new figures come days after French troops left the Gao base" (an article dated
2021-07-06) puts the departure a few days before the update, whose time is the article's:
2021-06-29 to 2021-07-05. The clause after "after" (or "before") is the embedded event; its
date is the main clause's time moved back (after) or forward (before) by the duration. A
number gives a day ("two weeks after the election"); a bare plural or "a few" gives the
stretch news means by it (vocabulary.yaml, ``event_relative``).

The main clause's time is a calendar date it names itself (outside the embedded clause), else
the article's date when its verb is in the present ("comes days after", "is urging ... a month
after"), else the narrative reference time carried from earlier sentences. A main clause in the
past with none of these ("In an interview several days after the truce, the general said") is at
no time the text gives, and neither is the embedded event.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from functools import lru_cache

from dateline.model import Span, Timex
from dateline.time.anchoring import date_of_sentence, is_calendar
from dateline.nlp import text_of
from dateline.regex_screen import required_words, screen_text, with_first_char
from dateline.time.calendar import period_of, shift_date
from dateline.time.grammar import _macros, vocabulary
from dateline.time.normalise import number, unit_name


NOT_AN_EVENT = {"last", "next", "that", "this", "then", "now", "today", "yesterday", "tomorrow"}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    macros = _macros()
    hedges = "|".join(re.escape(h) for h in sorted(vocabulary()["event_relative"]["hedges"], key=len, reverse=True))
    amount = rf"(?:(?P<amount>{macros['AMOUNT']}|{macros['VAGUE']})\s+)?"
    return re.compile(
        rf"(?<![\w-])(?:(?:{hedges})\s+)?{amount}(?P<unit>{macros['UNIT']})\s+(?P<dir>after|before)\b",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _screened_pattern() -> tuple[re.Pattern, frozenset[str] | None]:
    """``_pattern()`` with the screens of ``dateline.regex_screen`` (the same matches): a
    lookahead for its first characters, and the words one of which every match holds."""
    pattern = _pattern()
    return with_first_char(pattern), required_words(pattern)


def _embedded_tokens(doc, word_start: int):
    """The tokens of the clause or noun phrase governed by the "after"/"before" at ``word_start``."""
    word = next((t for t in doc if t.idx == word_start), None)
    if word is None:
        return None, []
    if word.dep_ == "mark":  # "after the troops withdrew ...": the verb the conjunction marks
        head = word.head
        return head, [t for t in head.subtree if t.i > word.i]
    objects = [c for c in word.children if c.dep_ in ("pobj", "pcomp")]
    if objects:  # "two weeks after the election"
        head = objects[0]
        return head, list(head.subtree)
    return None, []


def _main_time(sentence, timexes: list[Timex], dct: date | None, embedded: list) -> tuple[date, date, str] | None:
    if embedded:
        low = min(t.idx for t in embedded)
        high = max(t.idx + len(t) for t in embedded)
        outside = [t for t in timexes if not (low <= t.span.start < high)]
    else:
        outside = list(timexes)
    own = [t for t in outside if sentence.start_char <= t.span.start < sentence.end_char and is_calendar(t)]
    root = sentence.root
    # (a present of its own, a perfect or a progressive: "comes days after", "has come", "is urging")
    present = root.tag_ in ("VBZ", "VBP") or any(
        c.tag_ in ("VBZ", "VBP") for c in root.children if c.dep_ in ("aux", "auxpass"))
    chosen = date_of_sentence(sentence, outside, dct) if own or not present else None
    if chosen is not None and chosen.range_start is not None:
        return chosen.range_start, chosen.range_end or chosen.range_start, chosen.value
    if not present:
        # "In an interview several days after the truce, the general said ...": a main clause in
        # the past with no time of its own or of the story is at no known time, so neither is X
        return None
    if dct is not None:
        return dct, dct, dct.isoformat()
    return None


HOURS = {"second": 1 / 3600, "minute": 1 / 60, "hour": 1}


def _shift(day: date, unit: str, amount: int, outward: bool = False) -> date:
    """``day`` moved by ``amount`` units; clock units move it by whole days, rounded down for
    the near end of a stretch and up for its far end (``outward``)."""
    spec = vocabulary()["units"][unit]
    if spec.get("time"):
        days = abs(amount) * HOURS[unit] / 24
        whole = math.ceil(days) if outward else math.floor(days)
        return day + timedelta(days=whole if amount >= 0 else -whole)
    times = spec.get("times", 1)
    base = {"decade": "year", "century": "year", "millennium": "year", "fortnight": "week", "night": "day"}.get(unit, unit)
    return shift_date(day, base, amount * times)


def relative_dates(sentence, timexes: list[Timex], dct: date | None) -> list[tuple[Timex, list]]:
    """Every "<duration> after/before X" in the sentence: the Timex dating X (evidence span:
    the duration and the preposition) and the tokens of X."""
    doc = sentence.doc
    found = []
    settings = vocabulary()["event_relative"]
    text = text_of(doc)
    scan, needs = _screened_pattern()
    if needs is not None and not any(word in screen_text(text[sentence.start_char:sentence.end_char])
                                     for word in needs):
        return found  # no "after" or "before" in the sentence: no match (asked once per event)
    for match in scan.finditer(text, sentence.start_char, sentence.end_char):
        unit = unit_name(match.group("unit"))
        if unit is None or unit == "weekend":
            continue
        head, embedded = _embedded_tokens(doc, match.start("dir"))
        if head is None or head.lower_ in NOT_AN_EVENT:
            continue  # "the week before last", "days before then"
        main = _main_time(sentence, timexes, dct, embedded)
        if main is None:
            continue
        main_start, main_end, main_value = main
        amount_words = (match.group("amount") or "").lower()
        plural = match.group("unit").lower().endswith("s")
        amount = None if not amount_words or amount_words in settings["vague_words"] else number(amount_words)
        if amount is None and amount_words and amount_words not in settings["vague_words"]:
            continue
        if amount is None and not plural and not amount_words:
            continue  # "day after day", "week before last": no distance
        fewest, most = (amount, amount) if amount is not None else settings["vague_span"].get(unit, (1, 1))
        # after: X came first, so it lies before the main time; before: X came later
        sign = -1 if match.group("dir").lower() == "after" else 1
        near = [_shift(main_start, unit, sign * fewest), _shift(main_end, unit, sign * fewest)]
        # "hours before the attack": the same day as the main clause, or the next one
        far = [_shift(main_start, unit, sign * most, outward=True), _shift(main_end, unit, sign * most, outward=True)]
        start, end = min(near + far), max(near + far)
        value = start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"
        timex = Timex(
            span=Span(match.start(), match.end(), match.group(0)),
            type="DATE",
            value=value,
            mod="APPROX" if amount is None else None,
            anchor=main_value,
            range_start=start,
            range_end=end,
        )
        found.append((timex, embedded))
    return found


def date_relative_to_clause(sentence, timexes: list[Timex], dct: date | None, tokens=None) -> Timex | None:
    """The date of an event told as "<duration> after/before <clause>", or None.

    ``sentence`` is a spaCy Span of the parse the ``timexes`` were found in; ``tokens`` (a
    Token or the event's clause tokens), when given, must lie in the embedded clause: the
    clause's head or all its tokens. Without ``tokens``, the first such date in the sentence.
    """
    if tokens is not None and not isinstance(tokens, (list, tuple, set)):
        tokens = [tokens]
    for timex, embedded in relative_dates(sentence, timexes, dct):
        if tokens is None:
            return timex
        inside = {t.i for t in embedded}
        wanted = {t.i for t in tokens}
        if wanted and (wanted <= inside or _head_of(embedded) in wanted):
            return timex
    return None


def _head_of(embedded: list) -> int:
    inside = {t.i for t in embedded}
    for token in embedded:
        if token.head.i not in inside or token.head.i == token.i:
            return token.i
    return -1


# --- "two years later": a distance from the date told before ----------------------------------

UNIT_OF_LETTER = {"Y": "year", "M": "month", "W": "week", "D": "day"}
GRANULARITY_RANK = {"day": 0, "month": 1, "year": 2}


def _granularity(value: str) -> str | None:
    """ "2002" a year, "2002-05" a month, "2002-05-03" (with a time or not) a day; else None."""
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.match(r"\d{4}-\d{2}-\d{2}", value):
        return "day"
    return None


def _distance_direction(doc, duration: Timex) -> int:
    """+1 when the words after the duration say "later", -1 for "earlier", 0 for neither
    (vocabulary.yaml: event_relative.told_date_distance)."""
    words = vocabulary()["event_relative"]["told_date_distance"]
    after = re.match(r"\s+([A-Za-z]+)\b(\s*[,.;:]|\s+[a-z]+)?", text_of(doc)[duration.span.end:duration.span.end + 40])
    if after is None:
        return 0
    word = after.group(1).lower()
    if word == "on" and not (after.group(2) or "").strip() in {",", ".", ";", ":"}:
        return 0  # "two years on, the town ..." but not "worked two years on the project"
    return 1 if word in words["after"] else -1 if word in words["before"] else 0


def date_after_a_told_date(doc, duration: Timex, told: Timex) -> Timex | None:
    """ "Okafor applied in 2004 but was turned down three years later": the clause's date is the date
    told before it (``told``: the sentence's or the narrative's) moved by the duration, at the
    coarser of the two granularities (a year, two years later, is a year; a day, three days
    later, a day; a day, two years later, the year). A distance finer than the told date
    ("in 2002 ... three months later") gives the stretch the told one moves to. None when the
    duration is no counted amount followed by "later"/"earlier", or the told date is no year,
    month or day before it in the text."""
    counted = re.fullmatch(r"P(\d+)([YMWD])", duration.value or "")
    if counted is None or told.span.start >= duration.span.start or told.range_start is None:
        return None
    told_granularity = _granularity(told.value)
    sign = _distance_direction(doc, duration)
    if told_granularity is None or sign == 0:
        return None
    amount, unit = int(counted.group(1)) * sign, UNIT_OF_LETTER[counted.group(2)]
    unit_granularity = "day" if unit == "week" else unit
    told_end = told.range_end or told.range_start
    if GRANULARITY_RANK[unit_granularity] >= GRANULARITY_RANK[told_granularity]:
        found = period_of(shift_date(told.range_start, unit, amount), unit_granularity
                          if unit_granularity != "day" else told_granularity)
        start, end, value = found.start, found.end, found.value
    else:
        start, end = shift_date(told.range_start, unit, amount), shift_date(told_end, unit, amount)
        value = f"{start.isoformat()}/{end.isoformat()}"
    return Timex(span=duration.span, type="DATE", value=value, anchor=told.value, range_start=start, range_end=end)
