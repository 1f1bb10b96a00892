"""From a grammar match to a TIMEX3 value.

Each function named in grammar.yaml takes the match and the `Context` (the article's creation
date, the narrative reference time so far, the tense of the clause) and returns a `Reading`
or None (the words are not a time expression after all, or name an impossible date).

Anchoring, as in the TimeML guidelines and TimeBank's annotation:
- deictic expressions ("yesterday", "last week", "two years ago", "Friday") count from the DCT;
- anaphoric ones ("the following year", "a year earlier", "that day") from the narrative
  reference time: the last calendar date the text named;
- with no DCT, values that would need one stay underspecified (XXXX-09-03, XXXX-WXX-5), never
  today's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateline.time.calendar import (
    Period,
    candidates_around,
    period_of,
    season_period,
    shift,
    shift_date,
)
from dateline.time.counts import is_a_count
from dateline.time.grammar import Match, vocabulary
from dateline.time.tense import SentenceIndex, tense_at


@dataclass
class Reading:
    type: str
    value: str
    mod: str | None = None
    anchor: date | None = None
    range_start: date | None = None
    range_end: date | None = None
    period: Period | None = None  # the calendar period, when the value names one
    sets_reference: bool = True


@dataclass
class Context:
    text: str
    dct: date | None
    doc: object = None
    reference: Period | None = None  # narrative reference time: the last calendar date named
    quarter: Period | None = None  # the last fiscal quarter named (earnings reports)
    first_day: Period | None = None  # the first day the text names: the day of the story's happening, in news
    sentences: SentenceIndex = field(init=False)

    def __post_init__(self) -> None:
        self.sentences = SentenceIndex(self.text)

    def tense(self, m: Match) -> str | None:
        return tense_at(self.text, m.start, m.end, self.sentences, self.doc)

    def before(self, m: Match, chars: int = 30) -> str:
        return self.text[max(0, m.start - chars) : m.start]

    def after(self, m: Match, chars: int = 30) -> str:
        return self.text[m.end : m.end + chars]


# --- words to numbers --------------------------------------------------------------------------

_WORDS = vocabulary()
MONTHS = _WORDS["months"]
WEEKDAYS = _WORDS["weekdays"]
PARTS = _WORDS["parts_of_day"]
SEASONS = _WORDS["seasons"]
LAST_WEEKDAY_FEWEST_DAYS_BACK = int(_WORDS["last_weekday_fewest_days_back"])
UNITS = _WORDS["units"]
NUMBERS = _WORDS["numbers"]
ORDINALS = _WORDS["ordinals"]
VAGUE = set(_WORDS["vague_amounts"])
MODIFIERS = _WORDS["modifiers"]


def _clean(words: str | None) -> str:
    return re.sub(r"\s+", " ", (words or "").strip().lower())


def number(words: str | None) -> int | None:
    """'twenty-four' -> 24, '1,200' -> 1200, 'a' -> 1, 'a couple of' -> 2; None if unknown."""
    words = _clean(words)
    if not words:
        return None
    if re.fullmatch(r"\d+(?:,\d{3})*", words):
        return int(words.replace(",", ""))
    if words in NUMBERS:
        return NUMBERS[words]
    total, current = 0, 0
    for word in re.split(r"[ -]+", words):
        if word == "and":
            continue
        if word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif word in NUMBERS:
            current += NUMBERS[word]
        else:
            return None
    return total + current


def year_number(words: str | None) -> int | None:
    words = _clean(words)
    if not words:
        return None
    if words.isdigit():
        return int(words)
    parts = words.split(" ", 1)
    if parts[0] in ("nineteen", "eighteen", "twenty") and len(parts) == 2 and not parts[1].startswith("thousand"):
        rest = 0 if parts[1] == "hundred" else number(parts[1])
        if rest is None:
            return None
        return NUMBERS[parts[0]] * 100 + rest
    return number(words)


def day_number(words: str | None) -> int | None:
    words = _clean(words)
    if not words:
        return None
    digits = re.match(r"\d+", words)
    if digits:
        return int(digits.group(0))
    return ORDINALS.get(words)


def month_number(words: str | None) -> int | None:
    return MONTHS.get(_clean(words).rstrip("."))


def weekday_number(words: str | None) -> int | None:
    return WEEKDAYS.get(_clean(words).rstrip(".").removesuffix("'s"))


def unit_name(words: str | None) -> str | None:
    words = _clean(words)
    if words in UNITS:
        return words
    if words == "centuries":
        return "century"
    if words == "millennia":
        return "millennium"
    if words.endswith("s") and words[:-1] in UNITS:
        return words[:-1]
    return None


def modifier(words: str | None) -> str | None:
    words = _clean(words)
    if not words:
        return None
    if words in MODIFIERS:
        return MODIFIERS[words]
    for key in ("beginning", "start", "middle", "end", "first half", "second half", "early", "late", "mid"):
        if key in words:
            return {"first half": "START", "second half": "END"}.get(key) or MODIFIERS.get(key)
    if words.startswith("earlier"):
        return "START"
    if words.startswith("later"):
        return "END"
    return None


# --- small builders ----------------------------------------------------------------------------------


def dated(period: Period | None, mod: str | None = None, anchor: date | None = None, type_: str = "DATE") -> Reading | None:
    if period is None:
        return None
    return Reading(type_, period.value, mod, anchor, period.start, period.end, period)


def underspecified(value: str, mod: str | None = None, type_: str = "DATE") -> Reading:
    return Reading(type_, value, mod, None, sets_reference=False)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def reference_day(ctx: Context) -> date | None:
    if ctx.reference is not None and ctx.reference.granularity == "day":
        return ctx.reference.start
    return ctx.dct


# --- calendar dates ------------------------------------------------------------------------------------


def calendar_date(m: Match, ctx: Context) -> Reading | None:
    month = month_number(m.group("month"))
    day = day_number(m.group("day"))
    if month is None or day is None or not 1 <= day <= 31:
        return None
    year = year_number(m.group("year"))
    weekday = weekday_number(m.group("weekday"))
    if year is not None:
        found = safe_date(year, month, day)
        return dated(period_of(found, "day")) if found else None
    if safe_date(2000, month, day) is None:  # 31 February, 31 April: no such day in any year
        return None
    if ctx.dct is None:
        return underspecified(f"XXXX-{month:02d}-{day:02d}")
    if weekday is not None:
        # "Friday, September 3": the year whose September 3 is a Friday, near the DCT
        for step in (0, -1, 1):
            found = safe_date(ctx.dct.year + step, month, day)
            if found and found.isoweekday() == weekday:
                return dated(period_of(found, "day"), anchor=ctx.dct)

    def make(year: int) -> Period | None:
        found = safe_date(year, month, day)
        return period_of(found, "day") if found else None

    return dated(candidates_around(ctx.dct, make, ctx.tense(m), strict_past=_times_the_clause(m, ctx)), anchor=ctx.dct)


def _times_the_clause(m: Match, ctx: Context) -> bool:
    """Whether a date times a verb in the simple past directly ("arrived June 3", "met in
    early May", "was found on June 2"), so that the past tense is the date's own. Not a date on a
    noun ("postponed a June 12 referendum", "the redemption on Dec. 7"), an object ("set Nov. 10 as
    the deadline") or an end ("extended to Nov. 20"): those days the verb's tense does not place.
    Without a parse: no."""
    if ctx.doc is None:
        return False
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.dep_ == "npadvmod":
        verb = root.head
    elif root.dep_ == "pobj" and root.head.lower_ in _TIMING_PREPOSITIONS:
        verb = root.head.head
    else:
        return False
    # a simple past, its passive ("was found"), or a past progressive ("was guarding a depot May 9 when ..."):
    # the past auxiliary places the date as the simple past does; not "had" (a past before another)
    return verb.tag_ == "VBD" or (verb.tag_ in ("VBN", "VBG") and any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" and c.lower_ != "had" for c in verb.children))


# prepositions that time a clause at a date ("on June 2", "in May"), not up to it ("to", "until", "by")
_TIMING_PREPOSITIONS = frozenset({"on", "in", "at", "during"})


class _Renamed:
    """A match seen through other group names, so one normaliser can serve two word orders."""

    def __init__(self, m: Match, names: dict[str, str]):
        self.m, self.names = m, names
        self.start, self.end, self.rule = m.start, m.end, m.rule

    def group(self, name: str) -> str | None:
        return self.m.group(self.names.get(name, name))


def part_of_date(m: Match, ctx: Context) -> Reading | None:
    """"the night of Saturday, May 14": the day, then the part of it."""
    if m.group("weekday2"):
        reading = weekday(_Renamed(m, {"weekday": "weekday2", "rel": "_", "mod": "_", "part": "part2"}), ctx)
        return reading
    names = {"day": "day2", "month": "month2", "year": "year2"} if m.group("day2") else {}
    reading = calendar_date(_Renamed(m, names), ctx)
    if reading is None or reading.period is None:
        return reading
    day = reading.period.start
    timed = _day_with_part(day, m.group("part"), None)
    timed.anchor = reading.anchor
    return timed


def two_digit_year(short: int, dct: date | None) -> int:
    """'89 -> 1989 and '21 -> 2021: the century that puts the year at most ten years ahead."""
    pivot = (dct.year if dct else date.today().year) + 10
    year = 2000 + short
    return year if year <= pivot else 1900 + short


def numeric_date(m: Match, ctx: Context) -> Reading | None:
    year_text = m.group("year")
    year = int(year_text) if len(year_text) == 4 else two_digit_year(int(year_text), ctx.dct)
    if m.group("first") is not None:
        first, second = int(m.group("first")), int(m.group("second"))
        month, day = (first, second) if first <= 12 else (second, first)
    else:
        month, day = int(m.group("month")), int(m.group("day"))
    found = safe_date(year, month, day) if 1 <= month <= 12 else None
    if found is None:
        return None
    if m.group("hour") is not None:
        return Reading("TIME", f"{found.isoformat()}T{m.group('hour')}:{m.group('minute')}", period=period_of(found, "day"))
    return dated(period_of(found, "day"))


def month(m: Match, ctx: Context) -> Reading | None:
    number_ = month_number(m.group("month") or m.group("month2"))
    if number_ is None:
        return None
    mod = modifier(m.group("mod"))
    year = year_number(m.group("year"))
    rel = _clean(m.group("rel"))
    yearrel = _clean(m.group("yearrel")).removeprefix("of ")
    if year is not None:
        return dated(period_of(date(year, number_, 1), "month"), mod)
    if ctx.dct is None:
        return underspecified(f"XXXX-{number_:02d}", mod)
    if yearrel:
        year = ctx.dct.year + {"last year": -1, "this year": 0, "next year": 1}[yearrel]
        return dated(period_of(date(year, number_, 1), "month"), mod, ctx.dct)

    def make(y: int) -> Period:
        return period_of(date(y, number_, 1), "month")

    dct_month = period_of(ctx.dct, "month")
    if rel in ("last", "this past", "past"):
        # "last April": the latest April before this month
        year = ctx.dct.year if number_ < ctx.dct.month else ctx.dct.year - 1
        return dated(make(year), mod, ctx.dct)
    if rel in ("next", "this coming"):
        year = ctx.dct.year if number_ > ctx.dct.month else ctx.dct.year + 1
        return dated(make(year), mod, ctx.dct)
    if rel == "this":
        return dated(make(ctx.dct.year), mod, ctx.dct)
    # "earlier in April" looks back, whatever the verb
    tense = "past" if _clean(m.group("mod")).startswith("earlier") else ctx.tense(m)
    chosen = candidates_around(ctx.dct, make, tense, strict_past=_times_the_clause(m, ctx))
    if chosen is not None and chosen.start == dct_month.start:
        chosen = dct_month
    return dated(chosen, mod, ctx.dct)


def year(m: Match, ctx: Context) -> Reading | None:
    value = year_number(m.group("year"))
    if value is None or not 1000 <= value <= 2200:
        return None
    reference_year = ctx.dct.year if ctx.dct else (ctx.reference.start.year if ctx.reference else None)
    if re.fullmatch(r"\d{4}", m.match.group(0)) and is_a_count(ctx.text, m.start, m.end, value, reference_year):
        return None  # "its 1600 employees", "arrested 1998 protesters": a count, not a year
    mod = modifier(m.group("mod"))
    if m.group("open"):
        mod = "ON_OR_AFTER"
    return dated(period_of(date(value, 1, 1), "year"), mod)


def span_of_years(m: Match, ctx: Context) -> Reading | None:
    """ "in 1991-92", "from 1950-1961": one stretch from the first year's start to the last one's end, the second
    year written whole or by its last two digits (of the first's century, or the next when they fall below)."""
    first = int(m.group("year"))
    end = m.group("end")
    if len(end) == 2:
        last = first // 100 * 100 + int(end)
        if last <= first:
            last += 100  # "1999-00", "1998-2001" written short: across a century, only a few years
            if last > first + 10:
                return None  # "1999-12", "2009-03": a month, not a span of years
    else:
        last = int(end)
    if not first < last <= first + 60:
        return None  # "1983-12" (a month?), "1999-2" or a catalogue number: no span of years
    period = Period(date(first, 1, 1), date(last, 12, 31), "year")
    return Reading("DATE", f"{first}/{last}", None, None, period.start, period.end, period)


def half(m: Match, ctx: Context) -> Reading | None:
    value = year_number(m.group("year") or m.group("year2"))
    yearrel = _clean(m.group("yearrel") or m.group("yearrel2"))
    if value is None and yearrel:
        # "the first half of this year": a half of the year named relative to the article's;
        # "the first half of the year" is the article's year, or the year the story is in
        if yearrel == "the year":
            base = ctx.reference.start.year if ctx.reference is not None else (ctx.dct.year if ctx.dct else None)
        else:
            base = ctx.dct.year + {"last year": -1, "this year": 0, "next year": 1}[yearrel] if ctx.dct else None
        if base is None:
            return underspecified("XXXX-H" + ("2" if _clean(m.group("half") or m.group("half2")) in ("second", "2nd", "last") else "1"))
        value = base
    if value is None:
        return None
    which = _clean(m.group("half") or m.group("half2"))
    first_month = 7 if which in ("second", "2nd", "last") else 1
    return dated(period_of(date(value, first_month, 1), "half"))


def decade(m: Match, ctx: Context) -> Reading | None:
    mod = modifier(m.group("mod"))
    if m.group("decade"):
        first = int(m.group("decade"))
    elif m.group("spelled") and not m.group(0).lower().startswith("the"):
        # a spelled decade names one only after "the" ("the fifties", "the late sixties"); without
        # it the word is banknotes ("tens and twenties") or an age ("in his mid-fifties")
        return None
    else:
        tens = int(m.group("short")) if m.group("short") else {
            "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50,
            "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90,
        }[_clean(m.group("spelled"))]
        # "the '80s", "the nineties": the latest such decade that has begun by the DCT
        now = (ctx.dct or date.today()).year
        century = now - now % 100
        first = century + tens if century + tens <= now else century - 100 + tens
    return dated(period_of(date(first, 1, 1), "decade"), mod)


def century(m: Match, ctx: Context) -> Reading | None:
    ordinal = _clean(m.group("ordinal"))
    value = day_number(ordinal)
    if value is None or not 1 <= value <= 22:
        return None
    return dated(period_of(date(max(1, (value - 1) * 100), 1, 1), "century"), modifier(m.group("mod")))


# --- quarters and fiscal periods -------------------------------------------------------------------------

QUARTER_NUMBERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4, "last": 4}


def quarter(m: Match, ctx: Context) -> Reading | None:
    ordinal = _clean(m.group("ordinal") or m.group("ordinal2"))
    number_ = QUARTER_NUMBERS.get(ordinal)
    if m.group("qn"):
        number_ = int(m.group("qn")[1])
    if number_ is None:
        return None
    year_ = year_number(m.group("year") or m.group("year2") or m.group("year3"))
    yearrel = _clean(m.group("yearrel") or m.group("yearrel2"))

    def make(y: int) -> Period:
        return period_of(date(y, 3 * number_ - 2, 1), "quarter")

    if year_ is not None:
        found = make(year_)
    elif ctx.dct is None:
        return underspecified(f"XXXX-Q{number_}")
    elif yearrel:
        found = make(ctx.dct.year + {"last year": -1, "this year": 0, "next year": 1}[yearrel])
    else:
        found = make(ctx.dct.year)
        if found.start > ctx.dct and ctx.tense(m) == "past":
            found = make(ctx.dct.year - 1)
    reading = dated(found, anchor=ctx.dct)
    remember_quarter(ctx, found)
    return reading


def remember_quarter(ctx: Context, found: Period) -> None:
    """Reports compare the quarter they report (one that has begun) with a year earlier;
    a forecast quarter is not what "a year ago" or "the period" refers to."""
    if ctx.dct is None or found.start <= ctx.dct:
        ctx.quarter = found


def latest_reported_quarter(dct: date) -> Period:
    """The quarter an earnings report dated ``dct`` is about: the one just ended, unless
    the DCT is late in the current quarter."""
    current = period_of(dct, "quarter")
    if (dct - current.start).days < 60:
        return shift(current, -1)
    return current


def fiscal_period(m: Match, ctx: Context) -> Reading | None:
    which = _clean(m.group("which"))
    unit = _clean(m.group("unit"))
    if ctx.dct is None:
        return underspecified("XXXX-QX") if unit == "quarter" else None
    if unit == "period" and ctx.quarter is None and "latest" not in which:
        return None  # "the period" outside an earnings report is no date
    if "current" in which:
        found = period_of(ctx.dct, "quarter")
    elif "previous" in which:
        found = shift(ctx.quarter or latest_reported_quarter(ctx.dct), -1)
    elif "latest" in which or "recent" in which:
        found = latest_reported_quarter(ctx.dct)
    else:
        found = ctx.quarter or latest_reported_quarter(ctx.dct)
    remember_quarter(ctx, found)
    reading = dated(found, anchor=ctx.dct)
    reading.sets_reference = False
    return reading


YEAR_TO_DATE = re.compile(r"\b(?:nine|six|first (?:nine|six)|\d) months\b|\bnine-month\b|\bsix-month\b|\bfirst half\b|\byear to date\b|\byear-to-date\b", re.IGNORECASE)
QUARTER_WORD = re.compile(r"\bquarter(?:ly)?\b|\bperiod\b", re.IGNORECASE)


COMPARISON_BEFORE = re.compile(r"\b(?:compared with|compared to|from|versus|vs\.?|against)\b(?:[^.;]|\.\d)*$", re.IGNORECASE)


def compared_period(m: Match, ctx: Context) -> Reading | None:
    """"a year earlier" in an earnings sentence names the period the sentence compares:
    the months of the year so far ("for the nine months ... a year earlier": the year before),
    or the quarter it reports ("in the latest quarter ... from $99 million a year earlier")."""
    if ctx.dct is None:
        return None
    low, high = ctx.sentences.bounds(m.start)
    sentence = ctx.text[low:high]
    if YEAR_TO_DATE.search(sentence):
        base = ctx.quarter.start if ctx.quarter is not None else ctx.dct
        reading = dated(period_of(date(base.year - 1, 1, 1), "year"), anchor=ctx.dct)
    elif ctx.quarter is not None and QUARTER_WORD.search(sentence):
        reading = dated(shift_quarter_year(ctx.quarter, -1), anchor=ctx.quarter.start)
    else:
        return None
    reading.sets_reference = False
    return reading


def year_ago_period(m: Match, ctx: Context) -> Reading | None:
    if ctx.dct is None:
        return underspecified("XXXX")
    unit = _clean(m.group("unit") or m.group("unit2"))
    if unit in ("nine months", "six months"):
        return Reading("DURATION", "P9M" if unit.startswith("nine") else "P6M", sets_reference=False)
    if not unit and not m.group("ordinal"):
        compared = compared_period(m, ctx)
        if compared is not None and compared.period is not None and compared.period.granularity == "year":
            return compared
    base = ctx.quarter
    ordinal = QUARTER_NUMBERS.get(_clean(m.group("ordinal")))
    if ordinal is not None:
        base = period_of(date(ctx.dct.year, 3 * ordinal - 2, 1), "quarter")
    if base is None and (unit in ("quarter", "period") or "quarter" in _clean(m.group(0))):
        base = latest_reported_quarter(ctx.dct)
    if base is None:
        return dated(shift(period_of(ctx.dct, "year"), -1), anchor=ctx.dct)
    reading = dated(shift_quarter_year(base, -1), anchor=base.start)
    reading.sets_reference = False
    return reading


def shift_quarter_year(period: Period, years: int) -> Period:
    return period_of(shift_date(period.start, "year", years), period.granularity, period.season)


def year_named_period(m: Match, ctx: Context) -> Reading | None:
    value = year_number(m.group("year"))
    if value is None:
        return None
    if ctx.quarter is not None:
        reading = dated(period_of(date(value, ctx.quarter.start.month, 1), "quarter"))
        reading.sets_reference = False
        return reading
    return dated(period_of(date(value, 1, 1), "year"))


def fiscal_months(m: Match, ctx: Context) -> Reading | None:
    amount = number(m.group("amount"))
    return Reading("DURATION", f"P{amount}M", sets_reference=False) if amount else None


# --- seasons --------------------------------------------------------------------------------------------


def season(m: Match, ctx: Context) -> Reading | None:
    name = SEASONS.get(_clean(m.group("season")))
    if name is None:
        return None
    mod = modifier(m.group("mod"))
    rel = _clean(m.group("rel"))
    year_ = year_number(m.group("year"))
    yearrel = _clean(m.group("yearrel"))
    if year_ is not None:
        return dated(season_period(year_, name), mod)
    if ctx.dct is None:
        return underspecified(f"XXXX-{name}", mod)
    if yearrel:
        return dated(season_period(ctx.dct.year + {"last year": -1, "this year": 0, "next year": 1}[yearrel], name), mod, ctx.dct)
    if rel in ("this",):
        return dated(season_period(ctx.dct.year, name), mod, ctx.dct)
    tense = {"last": "past", "this past": "past", "past": "past", "next": "future", "this coming": "future", "coming": "future"}.get(rel)
    if rel == "that" and ctx.reference is not None:
        return dated(season_period(ctx.reference.start.year, name), mod, ctx.reference.start)
    tense = tense or ctx.tense(m)
    chosen = candidates_around(ctx.dct, lambda y: season_period(y, name), tense)
    if chosen is not None and rel in ("last", "this past", "past") and chosen.start <= ctx.dct <= chosen.end:
        chosen = season_period(chosen.start.year - 1, name)
    return dated(chosen, mod, ctx.dct)


# --- days and weeks -------------------------------------------------------------------------------------------

DEICTIC_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}


def _day_with_part(day: date | None, part: str | None, mod: str | None, fallback: str = "XXXX-XX-XX") -> Reading:
    code = PARTS.get(_clean(part).removeprefix("mid-").removeprefix("mid"))
    base = day.isoformat() if day else fallback
    if code is None:
        if day is None:
            return underspecified(fallback, mod)
        return dated(period_of(day, "day"), mod)
    period = period_of(day, "day") if day else None
    return Reading("TIME", f"{base}T{code}", mod, None, day, day, period, sets_reference=period is not None)


GENERIC_ERA = re.compile(r"'s\s+(?:[a-z]+\s+)?(?:" + "|".join(_WORDS["generic_era_nouns"]) + r")\b", re.IGNORECASE)
END_OF_PHRASE = re.compile(r"\s*(?:[,.;:!?)\"]|--|$)")


def _generic_era(m: Match, ctx: Context) -> bool:
    """"in today's world", "the people of tomorrow": the present age and the one to come."""
    if GENERIC_ERA.match(ctx.text, m.end):
        return True
    return bool(re.search(r"\b(?!as\b)[a-z]+\s+of\s+$", ctx.before(m, 30))) and bool(END_OF_PHRASE.match(ctx.text, m.end))


def deictic_day(m: Match, ctx: Context) -> Reading | None:
    word = _clean(m.group("day") or m.group("day2"))
    part = m.group("part") or m.group("part2")
    mod = modifier(m.group("mod") or m.group("mod2"))
    if word == "tonight":
        part = part or "night"
    if word in ("today", "tomorrow") and not part and not mod and _generic_era(m, ctx):
        return Reading("DATE", "PRESENT_REF" if word == "today" else "FUTURE_REF", sets_reference=False)
    if ctx.dct is None:
        return _day_with_part(None, part, mod)
    day = ctx.dct + timedelta(days=DEICTIC_OFFSETS[word])
    reading = _day_with_part(day, part, mod)
    reading.anchor = ctx.dct
    return reading


def part_of_day(m: Match, ctx: Context) -> Reading | None:
    if m.group("tonight"):
        return _day_with_part(ctx.dct, "night", None)
    if m.group("over"):
        day = reference_day(ctx)
        return _day_with_part(day - timedelta(days=1) if day else None, "night", None)
    rel = _clean(m.group("rel"))
    mod = modifier(rel.split(" ")[0]) if " " in rel else None
    rel = rel.split(" ")[-1]
    offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}.get(rel, 0)
    part = m.group("part")
    if rel == "last" and _clean(part) not in ("night", "evening"):
        offset = -1
    return _day_with_part(ctx.dct + timedelta(days=offset) if ctx.dct else None, part, mod)


def part_of_reference_day(m: Match, ctx: Context) -> Reading | None:
    day = reference_day(ctx)
    reading = _day_with_part(day, m.group("part") or m.group("part2"), modifier(m.group("mod")))
    reading.sets_reference = False
    return reading


def resolve_weekday(anchor: date, weekday: int, tense: str | None, rel: str = "") -> date:
    """The date of a named weekday seen from ``anchor`` (ISO weekday numbers, Monday = 1).

    News convention: the day of the article itself when it is that weekday; otherwise the
    tense decides (past: the latest one before, future: the next one after); with no tense,
    the past one, since news mostly reports what has happened.
    """
    today = anchor.isoweekday()
    back = (today - weekday) % 7 or 7
    ahead = (weekday - today) % 7 or 7
    if rel == "last" and back < LAST_WEEKDAY_FEWEST_DAYS_BACK:
        return anchor - timedelta(days=back + 7)
    if rel in ("last", "this past", "the previous"):
        return anchor - timedelta(days=back)
    if rel in ("next", "this coming", "the following", "the next"):
        return anchor + timedelta(days=ahead)
    if weekday == today:
        return anchor
    if rel == "this" and tense != "past":
        return anchor + timedelta(days=ahead)
    if tense == "future":
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def weekday(m: Match, ctx: Context) -> Reading | None:
    number_ = weekday_number(m.group("weekday"))
    if number_ is None:
        return None
    rel = _clean(m.group("rel"))
    mod = modifier(rel) if rel in ("early", "late", "earlier", "later") else modifier(m.group("mod"))
    part = m.group("part")
    if rel in ("the previous", "the following", "the next", "that"):
        anchor = reference_day(ctx)
    else:
        anchor = ctx.dct
    if anchor is None:
        code = PARTS.get(_clean(part))
        value = f"XXXX-WXX-{number_}" + (f"T{code}" if code else "")
        return underspecified(value, mod, "TIME" if code else "DATE")
    found = resolve_weekday(anchor, number_, ctx.tense(m), rel if rel != "that" else "")
    reading = _day_with_part(found, part, mod)
    reading.anchor = anchor
    return reading


RELATIVE_STEPS = {
    "this": 0, "the current": 0, "current": 0, "that": 0, "the same": 0,
    "last": -1, "the last": -1, "the past": -1, "the previous": -1, "this past": -1,
    "next": 1, "the next": 1, "the coming": 1, "the following": 1, "this coming": 1,
}


def relative_period(m: Match, ctx: Context) -> Reading | None:
    unit = _clean(m.group("unit")) or ""
    rel = _clean(m.group("rel")) or "the"
    mod = modifier(m.group("mod"))
    unit = unit or "weekend"
    granularity = {"week": "week", "weekend": "weekend", "month": "month", "year": "year", "decade": "decade", "century": "century"}[unit]
    if rel == "last" and unit == "year" and not mod and ctx.quarter is not None and COMPARISON_BEFORE.search(ctx.before(m, 60)):
        # "third-quarter sales rose to $2.49 billion from $2.34 billion last year": the quarter
        # the sentence compares, a year before
        compared = compared_period(m, ctx)
        if compared is not None:
            return compared
    if rel in ("the past", "the last") and unit in ("week", "month"):
        # "the past week" is the week up to now, a duration (seed: "in the past week" = P1W);
        # "the past year" and "the last decade" name the calendar year or decade before the
        # article's, as TimeBank annotates them (below, with "last year")
        return duration_reading(1, unit, mod, "back", ctx)
    # "the next year" in a past clause is the year after the story's ("appointed in 1990 and
    # elected the next year": 1991), as "the following year" is; in a present or future clause
    # it is the coming one ("the next year will be hard")
    anaphoric = rel in ("that", "the same", "the following") or (rel == "the next" and ctx.tense(m) == "past")
    anchor = (ctx.reference.start if ctx.reference else ctx.dct) if anaphoric else ctx.dct
    if anchor is None:
        return underspecified(
            {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX", "decade": "XXX", "century": "XX"}[unit], mod
        )
    step = RELATIVE_STEPS.get(rel)
    if unit == "weekend" and step is None:
        # "the weekend": the one just past, or the coming one in a future clause
        step = 1 if ctx.tense(m) == "future" and anchor.isoweekday() < 6 else (0 if anchor.isoweekday() >= 6 else -1)
    if step is None:
        step = 0
    found = shift(period_of(anchor, granularity), step)
    return dated(found, mod, anchor)


def year_end(m: Match, ctx: Context) -> Reading | None:
    if ctx.dct is None:
        return underspecified("XXXX", "END")
    mod = "APPROX" if _clean(m.group("mod")) == "around" else "END"
    if re.search(r"\b(?:since|from)\s+$", ctx.before(m, 12), re.IGNORECASE):
        # "the change is since year-end": the last day of the year before, a point in the past
        return dated(period_of(date(ctx.dct.year - 1, 12, 31), "day"), anchor=ctx.dct)
    return dated(period_of(ctx.dct, "year"), mod, ctx.dct)


def the_year(m: Match, ctx: Context) -> Reading | None:
    unit = _clean(m.group("unit"))
    if m.group("ended"):
        return Reading("DURATION", "P1" + {"year": "Y", "month": "M", "week": "W", "day": "D"}[unit], sets_reference=False)
    the = _clean(m.group("the"))
    if unit == "day":
        day = reference_day(ctx)
        return dated(period_of(day, "day"), anchor=day) if day else underspecified("XXXX-XX-XX")
    if unit == "week" and the == "the":
        # "for the week, the index fell", "the week's most active session": the market week
        # the report sums up, which TimeBank leaves unnamed within the year; "the week
        # following the squeeze" is some other week
        if re.match(r"\s+(?:following|after|before|of|ended|ending|that|when|in which)\b", ctx.after(m)):
            return None
        return underspecified(f"{ctx.dct.year:04d}-WXX" if ctx.dct else "XXXX-WXX")
    anchor = ctx.reference.start if the == "that" and ctx.reference else ctx.dct
    if anchor is None:
        return underspecified({"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}[unit])
    reading = dated(period_of(anchor, unit), anchor=anchor)
    reading.sets_reference = False
    return reading


def anaphoric(m: Match, ctx: Context) -> Reading | None:
    unit = _clean(m.group("unit"))
    rel = _clean(m.group("rel"))
    mod = modifier(m.group("mod"))
    step = {"that": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1, "the prior": -1, "the preceding": -1}[rel]
    if unit in ("morning", "afternoon", "evening", "night"):
        day = reference_day(ctx)
        return _day_with_part(day + timedelta(days=step) if day else None, unit, mod)
    anchor = ctx.reference.start if ctx.reference else ctx.dct
    if anchor is None:
        return underspecified({"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[unit], mod)
    if unit == "day" and ctx.reference is not None and ctx.reference.granularity != "day":
        return None  # "the next day" after "in March" has no day to count from
    found = shift(period_of(anchor, unit), step)
    return dated(found, mod, anchor)


def unit_before_after(m: Match, ctx: Context) -> Reading | None:
    unit = _clean(m.group("unit"))
    step = 1 if _clean(m.group("dir")) in ("after", "later") else -1
    if unit == "night":
        day = reference_day(ctx)
        return _day_with_part(day + timedelta(days=step) if day else None, "night", None)
    if unit == "day" and ctx.reference is not None and ctx.reference.granularity != "day":
        return None  # "the day before" after "in March" has no day to count from
    anchor = ctx.reference.start if ctx.reference else ctx.dct
    if anchor is None:
        return underspecified({"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[unit])
    reading = dated(shift(period_of(anchor, unit), step), anchor=anchor)
    reading.sets_reference = False
    return reading


def amount_ago(m: Match, ctx: Context) -> Reading | None:
    amount = number(m.group("amount"))
    unit = unit_name(m.group("unit"))
    if amount is None or unit is None:
        return None
    direction = _clean(m.group("dir"))
    mod = modifier(m.group("mod"))
    forward = direction in ("later", "after", "hence", "from now")
    from_text = direction in ("earlier", "later", "before", "after")
    spec = UNITS[unit]
    if spec.get("time"):
        day = reference_day(ctx) if from_text else ctx.dct
        return dated(period_of(day, "day"), mod, day) if day else underspecified("XXXX-XX-XX", mod)
    times = spec.get("times", 1)
    base_unit = {"decade": "year", "century": "year", "millennium": "year", "fortnight": "week", "night": "day"}.get(unit, unit)
    amount *= times
    anchor_period = ctx.reference if from_text and ctx.reference is not None else None
    anchor = anchor_period.start if anchor_period else ctx.dct
    if anchor is None:
        return underspecified({"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(base_unit, "XXXX"), mod)
    signed = amount if forward else -amount
    if base_unit == "year" and amount == 1 and not forward:
        compared = compared_period(m, ctx)
        if compared is not None:
            return compared
    if base_unit == "year" and ctx.quarter is not None and anchor_period is None or (
        base_unit == "year" and anchor_period is not None and anchor_period.granularity in ("quarter", "month")
    ):
        # "a year earlier/ago" in an earnings report: the same quarter of the year before
        base = ctx.quarter if anchor_period is None or anchor_period.granularity == "month" and ctx.quarter else anchor_period
        if anchor_period is not None and anchor_period.granularity == "month":
            base = anchor_period
        reading = dated(shift_quarter_year(base, signed), mod, base.start)
        reading.sets_reference = False
        return reading
    # "two weeks ago" is the day two weeks back, as TimeBank annotates it (and as a reader
    # dating an event wants it); months and years keep their own granularity
    granularity = {"weekend": "weekend", "week": "day"}.get(base_unit, base_unit)
    found = period_of(shift_date(anchor, base_unit, signed), granularity)
    reading = dated(found, mod, anchor)
    reading.sets_reference = not from_text
    return reading


def vague_ago(m: Match, ctx: Context) -> Reading | None:
    return Reading("DATE", "PAST_REF", sets_reference=False)


# --- durations -------------------------------------------------------------------------------------------------


def duration_value(amount: float | None, unit: str) -> str:
    spec = UNITS[unit]
    letter = spec["letter"]
    time_prefix = "T" if spec.get("time") else ""
    if amount is None:
        return f"P{time_prefix}X{letter if letter != 'WE' else 'WE'}"
    amount *= spec.get("times", 1)
    if unit in ("decade", "century", "millennium"):
        letter = "Y"
    whole = int(amount)
    rest = amount - whole
    if rest:
        smaller = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "M"), "Q": (3, "M")}.get(letter)
        if smaller and (time_prefix or smaller[1] != "M" or letter in ("Y", "Q")):
            factor, small_letter = smaller
            small = round(rest * factor)
            if letter == "D":
                return f"P{whole}DT{small}H" if whole else f"PT{small}H"
            if letter == "H":
                return f"PT{whole}H{small}M" if whole else f"PT{small}M"
            if letter == "M" and time_prefix:
                return f"PT{whole}M{round(rest * 60)}S" if whole else f"PT{round(rest * 60)}S"
            return f"P{whole}{letter}{small}{small_letter}" if whole else f"P{small}{small_letter}"
    return f"P{time_prefix}{whole}{letter}"


def duration_reading(amount: float | None, unit: str, mod: str | None, direction: str | None, ctx: Context) -> Reading:
    reading = Reading("DURATION", duration_value(amount, unit), mod, sets_reference=False)
    spec = UNITS[unit]
    if direction and ctx.dct is not None and amount is not None and not spec.get("time"):
        whole = int(amount * spec.get("times", 1))
        base_unit = {"decade": "year", "century": "year", "millennium": "year", "fortnight": "week", "night": "day"}.get(unit, unit)
        if base_unit != "weekend":
            if direction == "back":
                reading.range_start = shift_date(ctx.dct, base_unit, -whole)
                reading.range_end = ctx.dct
            else:
                reading.range_start = ctx.dct
                reading.range_end = shift_date(ctx.dct, base_unit, whole)
            reading.anchor = ctx.dct
    return reading


BACKWARD = {"the past", "the last", "past", "last", "the previous", "the preceding", "the past several", "the past few", "the last few"}
FORWARD = {"the next", "the coming", "next", "the next few", "the next several", "the remaining"}


def duration(m: Match, ctx: Context) -> Reading | None:
    unit = unit_name(m.group("unit") or m.group("unit2"))
    if unit is None:
        return None
    amount_words = _clean(m.group("amount"))
    fraction = _clean(m.group("fraction"))
    direction_words = _clean(m.group("dir"))
    amount: float | None
    if fraction:
        if fraction in ("half a", "half an", "a half"):
            amount = 0.5
        elif "/" in fraction:
            amount = int(fraction.split()[0]) + 0.5
        else:
            amount = float(fraction)
    elif not amount_words:
        if (m.group("unit") or "").lower().endswith("s") and not direction_words.endswith(("few", "several")):
            return recent_units(m, ctx)  # "the coming days", "the past years": no number given
        amount = None if direction_words.endswith(("few", "several")) else 1
    elif amount_words in VAGUE or amount_words.startswith("a few"):
        amount = None
        if amount_words == "a couple of":
            amount = 2
    else:
        amount = number(amount_words)
        if amount is None:
            return None
    if m.group("half") or m.group("half2"):
        amount = (amount or 0) + 0.5
    mod = modifier(m.group("mod"))
    if m.group("or_so"):
        mod = mod or "APPROX"
    if m.group("amount2"):
        mod = mod or "EQUAL_OR_MORE"
    if amount_words == "a couple of":
        mod = mod or "APPROX"
    direction = "back" if direction_words in BACKWARD else "forward" if direction_words in FORWARD else None
    return duration_reading(amount, unit, mod, direction, ctx)


def vague_duration(m: Match, ctx: Context) -> Reading | None:
    unit = unit_name(m.group("unit"))
    return Reading("DURATION", duration_value(None, unit), sets_reference=False) if unit else None


def vague_length(m: Match, ctx: Context) -> Reading | None:
    return Reading("DURATION", "PXX", sets_reference=False)


def recent_units(m: Match, ctx: Context) -> Reading | None:
    unit = unit_name(m.group("unit") or m.group("unit2"))
    direction = _clean(m.group("dir") or m.group("dir2")).removeprefix("the ")
    if unit is None:
        return None
    if direction in ("coming", "upcoming", "next", "ahead", "to come", "ensuing", "following"):
        return Reading("DATE", "FUTURE_REF", sets_reference=False)
    if direction == "recent" and unit in ("day", "year"):
        # "in recent days/years": the vague past before now, not a length of time
        return Reading("DATE", "PAST_REF", sets_reference=False)
    return Reading("DURATION", duration_value(None, unit), sets_reference=False)


def reference(m: Match, ctx: Context) -> Reading | None:
    return Reading("DATE", m.rule.args["value"], sets_reference=False)


# --- times of day -------------------------------------------------------------------------------------------


# the day named right after a clock time and its conversion to another zone, in brackets:
# "10 a.m. EST (1500 GMT) Tuesday", "(0400 GMT) today"
# and the day named after the second clock time of a range ("between 5:40 a.m. and 6:15 a.m. Thursday",
# "from 8 a.m. to 4 p.m. Sunday"): the range's day is the first time's too
DAY_AFTER_CLOCK = re.compile(
    r"\)?\s*(?:\([^()]{1,25}\))?"
    r"(?:\s*(?:and|to|until|till|through|-|\u2013)\s*\d{1,2}(?:[:.]\d\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)(?:\s+[ECMP][SD]T)?)?"
    r"\s*,?\s*(?:on\s+)?(?:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?P<deictic>today|yesterday|tomorrow))\b"
)


def _back_at_the_happenings_day(ctx: Context, m: Match) -> bool:
    """Whether a bare clock time read on the report's day is of the day the story opened with instead: the text
    named a day of the week before the report first, and the clock time's clause is in the past."""
    first = ctx.first_day
    if first is None or ctx.dct is None or not (ctx.dct - timedelta(days=7) <= first.start < ctx.dct):
        return False
    return ctx.tense(m) == "past"


def clock_time(m: Match, ctx: Context) -> Reading | None:
    mod = "APPROX" if _clean(m.group("mod")) in ("about", "around", "approximately", "at about") else None
    if m.group("word"):
        hour, minute = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[_clean(m.group("word"))], None
        hour, minute = hour
    elif m.group("hour24"):
        hour, minute = int(m.group("hour24")), int(m.group("minute24"))
    elif m.group("oclock"):
        hour, minute = number(m.group("oclock")), 0
    else:
        hour = int(m.group("hour"))
        minute = int(m.group("minute") or 0)
        ampm = _clean(m.group("ampm")).replace(" ", "")
        if not 1 <= hour <= 12:
            return None
        if ampm.startswith("p") and hour != 12:
            hour += 12
        if ampm.startswith("a") and hour == 12:
            hour = 0
    if hour is None or not 0 <= hour <= 24 or minute is None or not 0 <= minute <= 59:
        return None
    weekday_words = m.group("weekday") or m.group("weekday2")
    deictic = _clean(m.group("deictic") or m.group("deictic2"))
    day: date | None = None
    named = True  # the day is the text's own ("11:20 a.m. Friday"), not the story's day taken over
    if ctx.dct is not None:
        if weekday_words:
            day = resolve_weekday(ctx.dct, weekday_number(weekday_words), ctx.tense(m))
        elif m.group("month"):
            month_, day_number_ = month_number(m.group("month")), day_number(m.group("day"))
            found = safe_date(ctx.dct.year, month_, day_number_) if month_ and day_number_ else None
            day = found
        elif deictic:
            day = ctx.dct + timedelta(days=DEICTIC_OFFSETS[deictic])
        else:
            later_day = DAY_AFTER_CLOCK.match(ctx.text, m.end)
            if later_day and later_day.group("weekday"):
                # "at 10 a.m. EST (1500 GMT) Tuesday": the day comes after the time in another zone
                day = resolve_weekday(ctx.dct, weekday_number(later_day.group("weekday")), ctx.tense(m))
            elif later_day:
                day = ctx.dct + timedelta(days=DEICTIC_OFFSETS[later_day.group("deictic").lower()])
            else:
                day, named = reference_day(ctx), False
                if day == ctx.dct and _back_at_the_happenings_day(ctx, m):
                    # "a van hit a cyclist ... Saturday night. She was in good condition Wednesday morning. The crash
                    # came shortly after 10 p.m.": a bare time told in the past after the report's day was
                    # named is of the happening's day the story opened with, not the report's
                    day = ctx.first_day.start
    base = day.isoformat() if day else "XXXX-XX-XX"
    # midnight is the end of its day, written T24 as TIMEX3 does ("midnight Friday")
    clock = "24" if m.group("word") and _clean(m.group("word")) == "midnight" else f"{hour:02d}:{minute:02d}"
    # a clock time with a day of its own moves the story to that day ("the standoff started near 11:20 a.m. Friday ...
    # gave up by 6 p.m.": Friday's evening), as the day alone would; a bare one keeps the story's day
    reading = Reading("TIME", f"{base}T{clock}", mod, ctx.dct, day, day,
                      period_of(day, "day") if day else None, sets_reference=named and day is not None)
    return reading


# --- recurring times ---------------------------------------------------------------------------------------

ADVERB_SETS = {
    "daily": "XXXX-XX-XX", "nightly": "XXXX-XX-XXTNI", "weekly": "XXXX-WXX", "biweekly": "P2W",
    "monthly": "XXXX-XX", "quarterly": "XXXX-QX", "annually": "XXXX", "yearly": "XXXX",
    "semiannually": "P6M", "hourly": "PT1H",
}


def recurring(m: Match, ctx: Context) -> Reading | None:
    adverb = _clean(m.group("adverb"))
    if adverb:
        if adverb in ADVERB_SETS:
            return Reading("SET", ADVERB_SETS[adverb], sets_reference=False)
        unit = adverb.split()[-1]
        return Reading("SET", duration_value(1, unit), sets_reference=False)
    weekday_words = m.group("weekday") or m.group("weekday2")
    part = _clean(m.group("part") or m.group("part2")).rstrip("s")
    if weekday_words:
        code = PARTS.get(part)
        number_ = weekday_number(_clean(weekday_words).rstrip("s"))
        return Reading("SET", f"XXXX-WXX-{number_}" + (f"T{code}" if code else ""), sets_reference=False)
    if m.group("month"):
        return Reading("SET", f"XXXX-{month_number(m.group('month')):02d}", sets_reference=False)
    if part:
        return Reading("SET", f"XXXX-XX-XXT{PARTS[part]}", sets_reference=False)
    unit = unit_name(m.group("unit"))
    if unit is None:
        return None
    amount_words = _clean(m.group("amount"))
    amount = 2 if amount_words == "other" else (number(amount_words) if amount_words else 1)
    return Reading("SET", duration_value(amount or 1, unit), sets_reference=False)


def easter_sunday(year: int) -> date:
    """Western Easter (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month_, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month_, day + 1)


def holiday_date(name: str, year: int) -> date | None:
    spec = vocabulary()["holidays"].get(" ".join(name.lower().replace("\u2019", "'").split()))
    if spec is None:
        return None
    if spec[0] == "easter":
        return easter_sunday(year) + timedelta(days=spec[1])
    if len(spec) == 2:
        return safe_date(year, spec[0], spec[1])
    month_, weekday_, nth = spec
    if nth > 0:
        first = date(year, month_, 1)
        return first + timedelta(days=(weekday_ - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = (date(year + (month_ == 12), month_ % 12 + 1, 1)) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday_) % 7)


def holiday(m: Match, ctx: Context) -> Reading | None:
    name = m.group("holiday")
    year = year_number(m.group("year"))
    if year is not None:
        day = holiday_date(name, year)
        return dated(period_of(day, "day"), None) if day else None
    if ctx.dct is None:
        return None  # a holiday with no year and no DCT names no placeable day
    rel = _clean(m.group("rel"))

    def make(y: int) -> Period | None:
        day = holiday_date(name, y)
        return period_of(day, "day") if day else None

    if rel in ("last", "this past"):
        options = [p for p in (make(ctx.dct.year), make(ctx.dct.year - 1)) if p is not None and p.start < ctx.dct]
        chosen = options[0] if options else None
    elif rel in ("next", "this coming"):
        options = [p for p in (make(ctx.dct.year), make(ctx.dct.year + 1)) if p is not None and p.start > ctx.dct]
        chosen = options[0] if options else None
    elif rel == "this":
        chosen = make(ctx.dct.year)
    else:
        chosen = candidates_around(ctx.dct, make, ctx.tense(m))
    return dated(chosen, None, ctx.dct)


NORMALISERS = {
    name: function
    for name, function in globals().items()
    if callable(function) and not name.startswith("_") and getattr(function, "__module__", None) == __name__
}
