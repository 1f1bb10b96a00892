"""When was an article published?

In order of trust:
1. a header line the collector wrote (`` date 2021-09-04 `` on the first line) -> "header", 1.0;
2. a date in the source's metadata (JSON field, HTML meta tag, feed entry) -> "metadata", 0.95;
3. the text itself -> "inferred":
   - a line such as ``Posted: 12 May 2019`` states it (0.9);
   - else the latest explicit full date (day, month and year) that does not speak of the
     future ("will ... on October 9, 2022", "until June 30, 2021"). A report is written on or
     after every past date it gives, so the latest is the best lower bound. News speaks of
     the days around publication by weekday ("on Tuesday"): when the text names that date's
     weekday, the two agree and confidence is 0.8; when it names no weekday, 0.5; when it
     names only other weekdays, the date is kept at 0.3 and the disagreement noted;
4. nothing: undated (``None``, "none", 0.0). Never the day of the ingest.

Dates later than the day of the run are future events, never publication dates. A header or
metadata date that does not exist (2021-02-30) or lies more than FUTURE_MARGIN_DAYS after the
day of the run is a warning, and the date is inferred from the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache
from pathlib import Path

import yaml

VOCABULARY_PATH = Path(__file__).with_name("pubdate.yaml")

HEADER_CONFIDENCE = 1.0
METADATA_CONFIDENCE = 0.95
LABELLED_CONFIDENCE = 0.9
WEEKDAY_AGREES_CONFIDENCE = 0.8
NO_WEEKDAY_CONFIDENCE = 0.5
WEEKDAY_DISAGREES_CONFIDENCE = 0.3
# A header or metadata date may be this many days after the day of the ingest (a time zone
# ahead of UTC, an embargoed copy dated for the morning); later, it is a typo or a placeholder
# (2099-01-01) and the date is inferred from the text instead.
FUTURE_MARGIN_DAYS = 2
FUTURE_CUE_WINDOW = 8
# A metadata date longer than this is no date ("Tuesday, 6 July 2021, 14:00:00 GMT+05:00" is 41
# characters, 6 words), and dateparser takes seconds over long junk ("July 6 " nine times: 10 s):
# a junk date field on every line of a file was a denial of service.
MAX_DATE_CHARS = 48
MAX_DATE_WORDS = 8  # words before a date searched for a future cue, within its sentence


@dataclass(frozen=True)
class PublicationDate:
    value: date | None
    source: str  # "header", "metadata", "inferred" or "none"
    confidence: float
    evidence: str | None = None  # the words it was read from, or why there is none


UNDATED = PublicationDate(None, "none", 0.0, "no date in the metadata or the text")


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    return yaml.safe_load(VOCABULARY_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    words = vocabulary()
    month = "|".join(sorted(words["months"], key=len, reverse=True))
    weekday = "|".join(words["weekdays"])
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:19|20)\d\d)"
    month_group = rf"(?P<month>{month})\.?"
    label = "|".join(re.escape(w) for w in sorted(words["published_labels"], key=len, reverse=True))
    cues = "|".join(re.escape(w) for w in sorted(words["future_cues"], key=len, reverse=True))
    return {
        # July 6, 2021 / Jul. 6th 2021
        "mdy": re.compile(rf"\b{month_group}\s+{day},?\s+{year}\b", re.IGNORECASE),
        # 6 July 2021 / 6th of July, 2021
        "dmy": re.compile(rf"\b{day}\s+(?:of\s+)?{month_group},?\s+{year}\b", re.IGNORECASE),
        # 2021-07-06
        "iso": re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
        "weekday": re.compile(rf"\b(?P<weekday>{weekday})s?\b", re.IGNORECASE),
        "label": re.compile(rf"^\s*(?:{label})\s*(?:on|at)?\s*:?\s*", re.IGNORECASE | re.MULTILINE),
        "future": re.compile(rf"\b(?:{cues})\b", re.IGNORECASE),
        "header": re.compile(r"\A[ \t]*date[ \t]+(?P<value>\d{4}-\d\d-\d\d)[ \t]*(?:\r?\n|\Z)", re.IGNORECASE),
    }


@dataclass(frozen=True)
class DateMention:
    value: date
    start: int
    end: int
    text: str


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WINDOW = 32  # characters before a year in which its day and month are written


def _year_windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around each year: the full-date patterns only run there."""
    windows: list[tuple[int, int]] = []
    for match in _YEAR.finditer(text):
        start, end = max(0, match.start() - _WINDOW), min(len(text), match.end() + 8)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def explicit_dates(text: str) -> list[DateMention]:
    """Every full date (day, month and year) written in the text, in order."""
    months = vocabulary()["months"]
    found: dict[int, DateMention] = {}
    for window_start, window_end in _year_windows(text):
        _dates_in(text, window_start, window_end, months, found)
    return [found[k] for k in sorted(found)]


def _dates_in(text: str, window_start: int, window_end: int, months: dict, found: dict) -> None:
    for name in ("mdy", "dmy", "iso"):
        for match in _patterns()[name].finditer(text, window_start, window_end):
            raw_month = match.group("month").lower().rstrip(".")
            month = int(raw_month) if raw_month.isdigit() else months.get(raw_month)
            try:
                value = date(int(match.group("year")), month, int(match.group("day")))
            except (TypeError, ValueError):
                continue
            found.setdefault(match.start(), DateMention(value, match.start(), match.end(), match.group(0)))


def mentioned_weekdays(text: str) -> set[int]:
    weekdays = vocabulary()["weekdays"]
    return {weekdays[m.group("weekday").lower()] for m in _patterns()["weekday"].finditer(text)}


def _speaks_of_future(text: str, mention: DateMention) -> bool:
    before = text[max(0, mention.start - 160) : mention.start]
    sentence = re.split(r"[.!?\n]\s", before)[-1]
    window = " ".join(sentence.split()[-FUTURE_CUE_WINDOW:])
    return bool(_patterns()["future"].search(window))


@dataclass(frozen=True)
class Header:
    """The collector's header line: its date (None when there is none or it cannot be the
    publication date), the text after it (a header line is removed even when its date is
    unusable: it is not part of the story) and, for an unusable date, the warning."""

    value: date | None
    rest: str
    problem: str | None = None


def latest_publication_day(ingest_day: date) -> date:
    """The latest date an article read on ``ingest_day`` can carry (see FUTURE_MARGIN_DAYS)."""
    return ingest_day + timedelta(days=FUTURE_MARGIN_DAYS)


def read_header(text: str, latest: date | None = None) -> Header:
    """The collector's `` date YYYY-MM-DD `` first line. A date that does not exist
    (2021-02-30) or lies after ``latest`` is a problem, not a date."""
    match = _patterns()["header"].match(text)
    if not match:
        return Header(None, text)
    raw, rest = match.group("value"), text[match.end() :]
    try:
        value = date.fromisoformat(raw)
    except ValueError:
        return Header(None, rest, f"header date {raw} is not a calendar date; the date is inferred from the text")
    if latest is not None and value > latest:
        return Header(None, rest, f"header date {raw} is later than the ingest day plus {FUTURE_MARGIN_DAYS} days; "
                                  f"the date is inferred from the text")
    return Header(value, rest)


def _labelled_date(text: str) -> DateMention | None:
    for match in _patterns()["label"].finditer(text[:4000]):
        rest = text[match.end() : match.end() + 60]
        dates = explicit_dates(rest)
        if dates and dates[0].start == 0:
            first = dates[0]
            return DateMention(first.value, match.end(), match.end() + first.end, first.text)
    return None


def infer_publication_date(text: str, today: date | None = None) -> PublicationDate:
    """The publication date a reader would give the text, with a confidence (see module doc)."""
    today = today or datetime.now(timezone.utc).date()
    labelled = _labelled_date(text)
    if labelled is not None and labelled.value <= today:
        return PublicationDate(labelled.value, "inferred", LABELLED_CONFIDENCE, f"stated: '{labelled.text}'")

    every = explicit_dates(text)
    past = [d for d in every if d.value <= today and not _speaks_of_future(text, d)]
    if not past:
        return UNDATED if not every else PublicationDate(
            None, "none", 0.0, "the only full dates in the text speak of the future"
        )
    latest = max(past, key=lambda d: (d.value, -d.start))
    weekdays = mentioned_weekdays(text)
    if not weekdays:
        return PublicationDate(latest.value, "inferred", NO_WEEKDAY_CONFIDENCE,
                               f"latest full date '{latest.text}'; no weekday named")
    day_name = latest.value.strftime("%A")
    if latest.value.weekday() in weekdays:
        return PublicationDate(latest.value, "inferred", WEEKDAY_AGREES_CONFIDENCE,
                               f"latest full date '{latest.text}' is a {day_name}, as the text says")
    return PublicationDate(latest.value, "inferred", WEEKDAY_DISAGREES_CONFIDENCE,
                           f"latest full date '{latest.text}' is a {day_name}, a weekday the text does not name")


_DATEPARSER_SETTINGS = {
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],  # never "yesterday" -> a run-time date
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PREFER_DAY_OF_MONTH": "first",
}


def parse_date_value(raw: object) -> date | None:
    """A date from a metadata value: ISO text, RFC 822 (feeds), epoch seconds or milliseconds,
    a time.struct_time, or any absolute date dateparser reads. The date as the source wrote it
    (its local day), not converted to UTC."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, tuple) and len(raw) >= 3:  # time.struct_time from feedparser
        try:
            return date(raw[0], raw[1], raw[2])
        except (TypeError, ValueError):
            return None
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        seconds = raw / 1000 if raw > 1e11 else raw
        try:
            return datetime.fromtimestamp(seconds, tz=timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(raw, str):
        return None
    value = raw.strip()
    if len(value) > MAX_DATE_CHARS or len(value.split()) > MAX_DATE_WORDS:
        return None
    if re.fullmatch(r"\d{4}-\d\d-\d\d([T ].*)?", value):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    if re.fullmatch(r"\d{10}(\d{3})?", value):
        return parse_date_value(int(value))
    if re.match(r"(?:[A-Za-z]{3}, )?\d{1,2} [A-Za-z]{3} \d{4}", value):  # RFC 822, as in RSS
        try:
            return parsedate_to_datetime(value).date()
        except (TypeError, ValueError):
            pass
    import dateparser  # slow to import; only metadata in unusual formats needs it

    try:
        parsed = dateparser.parse(value, settings=_DATEPARSER_SETTINGS)
    except Exception:  # dateparser raises assorted errors on odd input; a bad date is no date
        return None
    return parsed.date() if parsed else None
