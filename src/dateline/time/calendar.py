"""Calendar periods and their TIMEX3 spelling.

A `Period` is a stretch of days at a granularity (day, week, month, quarter ...). Relative
expressions are resolved by moving periods ("last month" = the month before the DCT's month),
and the value is the period spelled the TIMEX3 way (2021-W35, 2021-Q3, 2021-SU, 199X).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

GRANULARITIES = ("day", "weekend", "week", "month", "season", "quarter", "half", "year", "decade", "century")
NEAR_DAYS = 60  # how far a date may lie on "the wrong side" of the DCT before the year changes
# ... and how far after the DCT for a date told in the past tense: "arrived June 3" in a
# March report is last April's; a week's slack for a report dated a little early
PAST_NEAR_DAYS = 7
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    granularity: str
    season: str | None = None

    @property
    def value(self) -> str:
        return spell(self)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _clamp_year(year: int) -> int:
    return min(max(year, 1), 9999)


def period_of(day: date, granularity: str, season: str | None = None) -> Period:
    """The period of the given granularity that contains ``day``."""
    if granularity == "day":
        return Period(day, day, "day")
    if granularity == "week":
        monday = day - timedelta(days=day.weekday())
        return Period(monday, monday + timedelta(days=6), "week")
    if granularity == "weekend":
        saturday = day - timedelta(days=day.weekday()) + timedelta(days=5)
        return Period(saturday, saturday + timedelta(days=1), "weekend")
    if granularity == "month":
        return Period(day.replace(day=1), _month_end(day.year, day.month), "month")
    if granularity == "quarter":
        first = 3 * ((day.month - 1) // 3) + 1
        return Period(date(day.year, first, 1), _month_end(day.year, first + 2), "quarter")
    if granularity == "half":
        first = 1 if day.month <= 6 else 7
        return Period(date(day.year, first, 1), _month_end(day.year, first + 5), "half")
    if granularity == "season":
        # meteorological seasons; winter belongs to the year of its December
        year, month = day.year, day.month
        if month <= 2:
            year -= 1
        name = season or {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(month, "FA")
        return season_period(year, name)
    if granularity == "year":
        return Period(date(day.year, 1, 1), date(day.year, 12, 31), "year")
    if granularity == "decade":
        first = day.year - day.year % 10
        return Period(date(max(first, 1), 1, 1), date(first + 9, 12, 31), "decade")
    if granularity == "century":
        first = day.year - day.year % 100
        return Period(date(max(first, 1), 1, 1), date(first + 99, 12, 31), "century")
    raise ValueError(f"unknown granularity {granularity!r}")


def season_period(year: int, name: str) -> Period:
    first = SEASON_START_MONTH[name]
    start = date(year, first, 1)
    end_month = first + 2
    end = _month_end(year + 1, end_month - 12) if end_month > 12 else _month_end(year, end_month)
    return Period(start, end, "season", name)


def add_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    year = _clamp_year(year)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift_date(day: date, unit: str, amount: int) -> date:
    """``day`` moved by ``amount`` units (negative: back)."""
    try:
        if unit in ("day", "night"):
            return day + timedelta(days=amount)
        if unit in ("week", "weekend"):
            return day + timedelta(weeks=amount)
        if unit == "fortnight":
            return day + timedelta(weeks=2 * amount)
        if unit == "month":
            return add_months(day, amount)
        if unit == "quarter":
            return add_months(day, 3 * amount)
        if unit == "half":
            return add_months(day, 6 * amount)
        if unit == "season":
            return add_months(day, 3 * amount)
        if unit == "year":
            return add_months(day, 12 * amount)
        if unit == "decade":
            return add_months(day, 120 * amount)
        if unit == "century":
            return add_months(day, 1200 * amount)
    except (OverflowError, ValueError):
        return day
    raise ValueError(f"unknown unit {unit!r}")


def shift(period: Period, amount: int) -> Period:
    """The period ``amount`` steps of its own granularity away (last month, next quarter)."""
    unit = period.granularity
    moved = shift_date(period.start, "year" if unit == "season" else unit, amount)
    if unit == "season":
        return season_period(moved.year, period.season or "SU")
    return period_of(moved, unit)


def spell(period: Period) -> str:
    start = period.start
    g = period.granularity
    if g == "day":
        return start.isoformat()
    if g in ("week", "weekend"):
        year, week, _ = start.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if g == "weekend" else "")
    if g == "month":
        return f"{start.year:04d}-{start.month:02d}"
    if g == "quarter":
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    if g == "half":
        return f"{start.year:04d}-H{1 if start.month <= 6 else 2}"
    if g == "season":
        return f"{start.year:04d}-{period.season}"
    if g == "year":
        return f"{start.year:04d}"
    if g == "decade":
        return f"{start.year // 10:03d}X"
    if g == "century":
        return f"{start.year // 100:02d}XX"
    raise ValueError(g)


def candidates_around(anchor: date, make, tense: str | None, strict_past: bool = False) -> Period | None:
    """Choose among the same named period in the anchor's year and the years either side.

    ``make(year)`` builds the period for a year (None if impossible, e.g. 29 February).
    Past tense takes the latest one that began by the anchor, future the earliest that has not
    ended; with no tense, the one nearest to the anchor. ``strict_past``: the past tense is the
    date's own clause's (not a verb over a noun the date names: "postponed a June 12 referendum"), so
    a date more than a week after the anchor is taken from the year before.
    """
    options = [p for p in (make(anchor.year + step) for step in (-1, 0, 1)) if p is not None]
    if not options:
        return None
    this_year = [p for p in options if p.start.year == anchor.year]
    own = this_year[0] if this_year else None
    # the tense moves a date to another year only when the article's own year would put it
    # well on the wrong side of the DCT; a wrong tense cue then costs little
    if own is not None and tense == "past" and (own.start - anchor).days > (PAST_NEAR_DAYS if strict_past else NEAR_DAYS):
        earlier = [p for p in options if p.start <= anchor]
        if earlier:
            return earlier[-1]
    if own is not None and tense == "future" and (anchor - own.end).days > NEAR_DAYS:
        later = [p for p in options if p.end >= anchor]
        if later:
            return later[0]
    if own is not None and tense in ("past", "future"):
        return own

    def distance(p: Period) -> int:
        if p.start <= anchor <= p.end:
            return 0
        return min(abs((p.start - anchor).days), abs((p.end - anchor).days))

    nearest = min(options, key=distance)
    # news names months of its own year unless another year is clearly nearer
    if own is not None and distance(nearest) + NEAR_DAYS >= distance(own):
        return own
    return nearest
