"""tag_timexes: find the time expressions of a text and normalise each to a TIMEX3 value.

Matches come from the grammar (grammar.yaml), each is normalised in text order so that the
narrative reference time ("the following year", "a year earlier") is the last date the text
named before it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateline.model import Span, Timex
from dateline.time.calendar import Period, period_of
from dateline.time.grammar import Match, find_matches
from dateline.time.labels import names_a_label
from dateline.time.normalise import NORMALISERS, Context

# context that makes "a year" a rate ("$5 million a year", "twice a day"), not a stretch of time
RATE_BEFORE = re.compile(r"(?:\d|\b(?:times|once|twice|thrice|percent|cents?|dollars?|pounds?|euros?|barrels|tons|units|copies|sold|earn|earns|paid|pay|pays|costs?)\b)[^.;:]{0,25}$", re.IGNORECASE)
# "four flights a week", "a dozen trains a day": a spelled count of things, then "a <unit>", is a rate too
SPELLED_COUNT_RATE_BEFORE = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"a dozen|dozens of|hundreds of|thousands of|several|many|few)\s+(?:[a-z-]+\s+)?[a-z]+s\s+$",
    re.IGNORECASE,
)
# "rise 8.5% annually", "grow 20 percent a year": a percentage rate, which TimeBank leaves unannotated
GROWTH_RATE_BEFORE = re.compile(r"(?:%|\bpercent|\bpct\.?)\s*(?:a\s+|per\s+)?$", re.IGNORECASE)
COUNT_RATE_BEFORE = re.compile(r"(?<![$£€\w.,])\d[\d,.]*\s+(?:[a-z-]+\s+)?[a-z]+s\s+$")
VERB_LAST_BEFORE = re.compile(r"\b(?:to|will|would|could|may|might|can|should|must|did|does|do|not|could|'ll)\s+$", re.IGNORECASE)
FREQUENCY_BEFORE = re.compile(r"\b(?:times|once|twice|thrice)\s+$", re.IGNORECASE)
SENTENCE_START = re.compile(r"(?:^|[.!?][\"')\]]*\s+|\n\s*)[\"\u201c]?$")
# a hyphenated period used as an adjective ("a third-quarter loss", "its fourth-quarter results"):
# TimeBank leaves the determiner out, since it belongs to the noun that follows
ADJECTIVE_WITH_DETERMINER = re.compile(
    r"(?P<determiner>a|an|the|its|their|his|her|this|that)\s+(?:[\w-]+\s+)?[\w]+-quarter\b", re.IGNORECASE
)
NOUN_AFTER = re.compile(r"\s+(?!of\b|ended\b|ending\b|and\b|or\b|in\b|to\b|was\b|is\b|were\b)[a-z]")
# a capitalised word inside a sentence right before a bare number names a product, venture or
# programme; holidays ("Christmas 1998") and month or weekday names stay dates
NAME_WITH_NUMBER_BEFORE = re.compile(
    r"(?<![.!?:;\"\n])(?<![.!?:;\"\n]\s)\s(?!(?:Christmas|Easter|Thanksgiving|Ramadan|Hanukkah|Passover|Halloween|"
    r"Eid|Diwali|Summer|Winter|Spring|Autumn|Fall|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|In|Since|For|By|From|Until|Before|After|During|Of|The|A|AD|BC)\b)"
    r"[A-Z][A-Za-z]+\s+$"
)
FUTURE_LEAD = re.compile(r"\b(?:in|into|for|about|over|during|until|till|through|throughout|toward|towards|near)\s+$", re.IGNORECASE)
# a capitalised "Today" or "Week" after a quote or a name is the title of a programme or paper
TITLE_WORD = re.compile(r"\b(?:Today|Tonight|Tomorrow|Week|Weekend|Month|Year)$")
NAME_BEFORE = re.compile(r"(?:[\"\u201c]|``|\b[A-Z][A-Za-z.]*[A-Z][A-Za-z.]*|\b[A-Z][a-z]+)\s*$")
# a bare holiday name is a day after a time preposition: "on Christmas", "over Easter", "by Thanksgiving"
HOLIDAY_LEAD = re.compile(r"\b(?:on|at|by|before|after|since|until|till|over|for|during|around|through|from|to|of|until|ahead of)\s+$", re.IGNORECASE)
SEASON_LEAD = re.compile(r"\b(?:in|during|by|until|till|since|through|throughout|this|last|next|early|late|mid|of|that|the|over|before|after)\s+$", re.IGNORECASE)


def _accept(m: Match, text: str) -> bool:
    guard = m.rule.guard
    before = text[max(0, m.start - 40) : m.start]
    after = text[m.end : m.end + 20]
    if m.rule.normalise == "year" and names_a_label(text, m.start, m.end):
        return False  # "Flight 1712", "the 1600 block of Elm Street": a label or an address (time.labels)
    if m.rule.normalise == "year" and m.match.group(0).isdigit() and NAME_WITH_NUMBER_BEFORE.search(before):
        return False  # "a joint venture called Orion 1980", "Windows 2000": a name, not a year
    if re.search(r"-minute\b", m.match.group(0), re.IGNORECASE) and re.match(r"\s+[a-zA-Z]", after) and "last" in m.match.group(0).lower():
        return False  # "the last-minute effort": an adjective of haste, not a minute
    if TITLE_WORD.search(m.match.group(0)) and NAME_BEFORE.search(before):
        return False  # a programme or a paper: ABC's "This Week", "VOA Today", "USA Today"
    if guard is None:
        return True
    if guard == "season":
        if m.group("year") or m.group("yearrel"):
            return True
        rel = (m.group("rel") or "").lower()
        if rel in ("the", "") and re.match(r"\s+of\b", after):
            return False  # "the fall of Kabul"
        if not rel and not m.group("mod") and not SEASON_LEAD.search(before):
            return False  # "prices fall", "the Arab Spring"
        return True
    if guard == "holiday":
        if m.group("year") or m.group("rel"):
            return True
        words = m.match.group(0)
        if re.match(r"\s+(?:Day|Eve|Sunday|Monday)\b", after):
            return False  # a longer name the rule does not know
        if re.search(r"\b(?:Day|Eve|Sunday|Monday|Friday)$", words):
            return not re.match(r"(?:'s|\u2019s)", after)
        if re.match(r"(?:'s|\u2019s)|\s+(?![Ii]n\b|[Aa]nd\b|[Oo]r\b|[Tt]o\b|[Aa]t\b|[Oo]n\b|[Ff]or\b|[Tt]his\b|[Ll]ast\b|[Nn]ext\b|[Ww]hen\b|[Tt]he\b|[Aa]\b|[A-Z])[a-z]", after):
            return False  # "Christmas shopping", "Easter eggs", "Thanksgiving's feast": things
        return bool(HOLIDAY_LEAD.search(before))
    if guard == "anchored_duration":
        direction = " ".join((m.group("dir") or "").lower().split())
        if (
            direction in ("the next", "the following", "the previous")
            and not m.group("amount")
            and (m.group("unit") or "").lower() in ("day", "night", "morning", "afternoon", "evening")
        ):
            return False  # "he was released the next day": a day of the story, left to the anaphoric rule
        # "expected to last several weeks", "will last two days": the verb, not "the last"
        return not direction == "last" or not VERB_LAST_BEFORE.search(before)
    if guard == "duration":
        amount = (m.group("amount") or "").lower()
        unit = (m.group("unit") or "").lower()
        if unit == "second" and amount in ("a", "an", "one"):
            return False  # "a second round"
        if amount in ("a", "an") and (RATE_BEFORE.search(before) or SPELLED_COUNT_RATE_BEFORE.search(before)):
            return False  # a rate: left to the SET rule
        if amount in ("a", "an") and unit in ("quarter",) and re.match(r"\s+of\b", after):
            return False  # "a quarter of the shares"
        if re.match(r"[- ]old\b", after) or (m.group("adjective") or "").lower() == "-old":
            return False  # an age ("52 years old") is not a time expression
        if "-" in m.match.group(0) and unit.endswith("s"):
            return False  # "three-quarters" is a fraction, not three quarters of a year
        if re.search(r"\blast-minute\b", m.match.group(0), re.IGNORECASE):
            return False
        if amount in ("one",) and unit == "day" and re.match(r"\s+(?:he|she|they|we|it|you|I|the)\b", after):
            return False  # "one day they will ..." is a vague future
        if amount in ("one",) and unit == "day" and re.search(r"\b(?:will|would|could|may|might|can|shall|should|must|to)\s+$", before):
            return False  # "will one day be": the same vague future
        return True
    if guard == "set":
        every = (m.group("every") or "").lower()
        if every in ("every", "each", "per"):
            return not re.match(r"\s+of\b", after)
        # "three times a year" is a recurrence; "$5 million a year", "700 seats a week" are rates,
        # an attribute of the amount that TimeBank leaves unannotated
        # "four flights a week", "fifty thousand CDs a year": how often things happen, a frequency too
        return bool(FREQUENCY_BEFORE.search(before) or SPELLED_COUNT_RATE_BEFORE.search(before))
    if guard == "set_adverb":
        if GROWTH_RATE_BEFORE.search(before) or COUNT_RATE_BEFORE.search(before):
            return False  # "rise 8.5% annually", "produce 10,000 units annually": rates, attributes of the amount
        # "quarterly dividend", "daily newspaper": the adjective is a kind of thing, not a time
        return not re.match(r"\s+(?!and\b|or\b|for\b|in\b|at\b|on\b|by\b|to\b|from\b|since\b|until\b|through\b)[a-z]", after)
    if guard == "future":
        words = m.match.group(0).lower()
        if words == "soon" and (re.match(r"\s+(?:after|before|afterwards?|thereafter)\b", after) or re.search(r"\bas\s+$", before)):
            return False  # "soon after X", "as soon as X": a relation to another event, not a time
        if words.endswith("future") and words.startswith("the"):
            # "the future" is a time only as the object of a time preposition ("in the future");
            # "the future of the peoples", "the future looks bleak" are things
            if re.match(r"\s+of\b", after):
                return False
            return bool(FUTURE_LEAD.search(before))
        return True
    if guard == "present":
        word = m.match.group(0).lower()
        if word == "now" and re.match(r",", after) and SENTENCE_START.search(before):
            return False  # "Now, he says, ...": a discourse marker turning to the present view
        if word == "current":
            # the adjective, not "current account" and the like
            return not re.match(r"\s+(?:account|affairs|events|flowing|flow|prices)\b", after)
        return True
    return True


MONTH_WORD = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December)$")
# "..., January said", "June V. Schell": a month's name that speaks or carries an initial is a
# person's (a fire department's spokesman Jason January; a woman named June)
SPEAKS_AFTER = re.compile(r"\s+(?:said|says|told|tells|added|adds|explained|noted|asked|wrote|stated|argued|warned)\b")
INITIAL_AFTER = re.compile(r"\s+[A-Z]\.\s")
ACCORDING_BEFORE = re.compile(r"\baccording to\s+$", re.IGNORECASE)


def _a_persons_name(text: str, start: int, end: int, doc) -> bool:
    if not MONTH_WORD.match(text[start:end]):
        return False
    if SPEAKS_AFTER.match(text, end) or INITIAL_AFTER.match(text, end) or ACCORDING_BEFORE.search(text, 0, start):
        return True
    if doc is not None:
        span = doc.char_span(start, end, alignment_mode="expand")
        return span is not None and len(span) == 1 and span[0].ent_type_ == "PERSON"
    return False


def tag_timexes(text: str, dct: date | None, doc=None) -> list[Timex]:
    """The time expressions of ``text``, normalised against the document creation time ``dct``.

    ``doc``, when given, is spaCy's parse of exactly ``text``; it is used for the tense of the
    clause around weekdays and month names. Without it, tense comes from cue words.
    """
    if not text:
        return []
    ctx = Context(text=text, dct=dct, doc=doc)
    timexes: list[Timex] = []
    for m in find_matches(text, _accept):
        if _a_persons_name(text, m.start, m.end, doc):
            continue
        normaliser = NORMALISERS[m.rule.normalise]
        try:
            reading = normaliser(m, ctx)
        except (ValueError, KeyError, OverflowError, TypeError):
            reading = None  # an odd match is no time expression, never a crash
        if reading is None:
            continue
        period = reading.period
        start = m.start
        adjective = ADJECTIVE_WITH_DETERMINER.match(text, m.start, m.end)
        if adjective and adjective.end() == m.end and NOUN_AFTER.match(text, m.end):
            start = adjective.end("determiner")  # "a third-quarter loss": the article is the loss's
            while text[start].isspace():
                start += 1
        timexes.append(
            Timex(
                span=Span(start, m.end, text[start : m.end]),
                type=reading.type,
                value=reading.value,
                mod=reading.mod,
                anchor=reading.anchor.isoformat() if reading.anchor else None,
                range_start=reading.range_start or (period.start if period else None),
                range_end=reading.range_end or (period.end if period else None),
            )
        )
        if reading.sets_reference and period is not None and reading.type in ("DATE", "TIME"):
            ctx.reference = period
            if ctx.first_day is None and period.granularity == "day":
                ctx.first_day = period
        elif reading.type == "DURATION":
            ctx.reference = _reference_moved_by_a_distance(text, m.end, reading.value, ctx.reference)
    return timexes


COUNTED_DAYS = re.compile(r"P(\d+)([DW])")
LATER_AFTER = re.compile(r"\s+(later|earlier)\b", re.IGNORECASE)


def _reference_moved_by_a_distance(text: str, end: int, value: str | None, reference: Period | None) -> Period | None:
    """ "on Christmas Day ... Two days later, a clerk called. Police searched the woods that
    night": a counted distance in days or weeks from the day the story is at moves the story to
    the day it names, so "that night" is of the day two days later (the distance itself stays a
    duration; the event it dates is counted by events.arguments)."""
    counted = COUNTED_DAYS.fullmatch(value or "")
    later = LATER_AFTER.match(text, end)
    if counted is None or later is None or reference is None or reference.granularity != "day":
        return reference
    days = int(counted.group(1)) * (7 if counted.group(2) == "W" else 1)
    moved = reference.start + timedelta(days=days if later.group(1).lower() == "later" else -days)
    return period_of(moved, "day")
