"""Event dates on unseen news, scored against a written gold (issue 11, without a new judging).

``judged-gold/dates.tsv`` holds the right date of every real event of the hand-judged LGL samples
(see ``judged.py``): the listed date where the reader judged it right, else the date the article
gives or implies, written by reading it. This module re-reads those articles with the current
tree (a fresh store, pipeline defaults; the articles by doc id from ``lgl.xml``, cut as
``judged.draw`` cuts them), finds each gold event by (doc id, trigger start) and says whether
its date is right:

    python -m dateline.eval.event_dates --shared ../shared [--json]

How a gold value counts (alternatives a reader accepts are joined by ``|``; one right is enough):
- a calendar value (``2009``, ``2009-03``, ``2009-03-21``, ``2009-W12``, ``197X``, a stretch
  ``2009-03-30/2009-04-05``) is right when the record's first and last days are the gold's: a
  day where the text gives a month is wrong, and so is a month where it gives a day;
- ``before-report`` (the text says it happened earlier and gives no day) and ``after-report`` (a
  plan with no day) and ``undated`` are right only when the record claims no date at all: the
  report's day, or a date carried from another episode, is a day the text does not give.

Figures: date accuracy of the matched gold events, all and acts (events that are not
statements), for the tuning and the check part, and per date source of the record (a timex of
its own sentence, a date carried from an earlier sentence, the publication day, no date), plus
the gold events the extraction no longer finds. The parts are fixed in the gold (check = seeds
20261209 and 20261210, never looked at to choose a rule).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from dateline.eval import judged_rerun
from dateline.eval.judged_rerun import read_into_store, share

GOLD = Path(__file__).with_name("judged-gold") / "dates.tsv"
NO_DATE = frozenset({"before-report", "after-report", "undated"})
SOURCES = ("own sentence", "carried", "publication day", "no date")


# --- reading dates as calendar stretches ----------------------------------------------------------


def _month_end(year: int, month: int) -> date:
    return (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)


SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}  # TIMEX3 seasons, northern meteorological


def stretch(value: str) -> tuple[date, date] | None:
    """The first and last day a TIMEX3 calendar value covers: ``2009`` -> 2009-01-01..2009-12-31,
    ``2009-03-21T01:40`` -> that day, ``2009-W12`` -> its Monday..Sunday, ``2009-W12-WE`` -> its Saturday and
    Sunday, ``P5Y/2009-03-25`` -> 2004-03-25..2009-03-25, ``197X`` -> the decade,
    ``19XX`` -> the century, ``2009-SU`` -> June..August,
    ``A/B`` -> A's first day..B's last. None for what is no place on the calendar."""
    value = value.strip()
    if m := re.fullmatch(r"P(\d+)Y/(.+)", value):  # years ending on a day ("in the past five years"), as dating stores it
        end = stretch(m[2])
        if end is None:
            return None
        last = end[1]
        try:
            first = last.replace(year=last.year - int(m[1]))
        except ValueError:  # February 29 in a year that has none
            first = last.replace(year=last.year - int(m[1]), day=28)
        return first, last
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = stretch(first), stretch(last)
        return (a[0], b[1]) if a and b else None
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(T.*)?", value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return date(int(m[1]), int(m[2]), 1), _month_end(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-W(\d{2})-WE", value):  # TIMEX3's weekend of a week: its Saturday and Sunday
        saturday = date.fromisocalendar(int(m[1]), int(m[2]), 6)
        return saturday, saturday + timedelta(days=1)
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + timedelta(days=6)
    if m := re.fullmatch(r"(\d{4})", value):
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    if m := re.fullmatch(r"(\d{3})X", value):
        return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", value):  # a season, as its three months
        year, first = int(m[1]), SEASON_MONTHS[m[2]]
        last_year, last = (year + 1, first + 2 - 12) if first + 2 > 12 else (year, first + 2)
        return date(year, first, 1), _month_end(last_year, last)
    if m := re.fullmatch(r"(\d{2})XX", value):  # a century: 19XX -> 1900..1999
        return date(max(1, int(m[1]) * 100), 1, 1), date(int(m[1]) * 100 + 99, 12, 31)
    return None


def record_stretch(value: str | None, start: date | None, end: date | None) -> tuple[date, date] | None:
    """A record's date as days: its stored range where it has one, else its value read."""
    if start is not None:
        return start, end or start
    return stretch(value) if value else None


def date_right(gold: str, value: str | None, start: date | None = None, end: date | None = None) -> bool:
    """Whether a record's date (value, first and last day) is one the gold accepts."""
    claimed = record_stretch(value, start, end) if value else None
    for alternative in gold.split("|"):
        alternative = alternative.strip()
        if alternative in NO_DATE:
            if not value:
                return True
        elif value and claimed is not None and claimed == stretch(alternative):
            return True
        elif value and value == alternative:
            return True
    return False


def source_of(event) -> str:
    """Where the record's date came from: a timex of its own sentence, one carried from an
    earlier sentence, the publication day (inherited), or none."""
    if not event.date_value:
        return "no date"
    if event.date_inherited:
        return "publication day"
    span, sentence = event.date_span, event.sentence
    if span is not None and sentence is not None and not sentence.start <= span.start < sentence.end:
        return "carried"
    return "own sentence"


# --- the gold and the re-extraction ---------------------------------------------------------------


def read_gold(path: Path = GOLD) -> list[dict]:
    return judged_rerun.read_gold(path)


def extract(shared: Path, docids: list[str], work: Path) -> dict[tuple[str, int], object]:
    """The current tree's events of the gold's articles, read into a fresh store, by (doc id,
    trigger start)."""
    import dateline
    from dateline.store import EventFilter

    db = read_into_store(shared, set(docids), work)
    store = dateline.open_store(str(db), write=False)
    try:
        docid_of = {a.id: (a.meta or {}).get("fields", {}).get("id", a.id[:12]) for a in store.articles(10_000)}
        events = list(store.events(EventFilter(limit=None)))
    finally:
        store.close()
    return {(docid_of[e.article_id], e.trigger.start): e for e in events if e.trigger is not None}


def score(gold: list[dict], events: dict[tuple[str, int], object]) -> dict:
    """The figures, per part: accuracy over matched gold events (all, acts), per source, and the
    gold events not found; ``wrong`` lists the misses for reading."""
    result = {}
    for part in judged_rerun.parts_of(gold):
        rows = [g for g in gold if g["part"] == part]
        tally = defaultdict(lambda: [0, 0])  # key -> [right, total]
        missing, wrong = 0, []
        for g in rows:
            event = events.get((g["docid"], int(g["trigger_start"])))
            if event is None:
                missing += 1
                continue
            right = date_right(g["gold"], event.date_value, event.date_start, event.date_end)
            source = source_of(event)
            for key in ("all", g["kind"] + "s", source, f"acts: {source}" if g["kind"] == "act" else None,
                        f"seed {g['seed']}"):
                if key is None:
                    continue
                tally[key][0] += right
                tally[key][1] += 1
            if not right:
                wrong.append({"seed": g["seed"], "docid": g["docid"], "trigger_start": g["trigger_start"],
                              "trigger": g["trigger"], "kind": g["kind"], "gold": g["gold"],
                              "date": event.date_value or "", "source": source, "note": g["note"]})
        result[part] = {
            "gold events": len(rows), "not found": missing, "matched": tally["all"][1],
            "date": share(*tally["all"]), "date of acts": share(*tally["acts"]),
            "date of statements": share(*tally["statements"]),
            "by source": {s: {"right": tally[s][0], "of": tally[s][1]} for s in SOURCES},
            "acts by source": {s: {"right": tally[f"acts: {s}"][0], "of": tally[f"acts: {s}"][1]} for s in SOURCES},
            "by seed": {seed: share(*tally[f"seed {seed}"]) for seed in sorted({g["seed"] for g in rows})},
            "wrong": wrong,
        }
    return result


def evaluate(shared: Path, gold_path: Path = GOLD) -> dict:
    gold = read_gold(gold_path)
    with tempfile.TemporaryDirectory(prefix="dateline-event-dates-") as work:
        events = extract(shared, sorted({g["docid"] for g in gold}), Path(work))
    return score(gold, events)


def summary_lines(result: dict) -> list[str]:
    lines = []
    for part, s in result.items():
        lines.append(f"{part}: {s['matched']} of {s['gold events']} gold events found ({s['not found']} not found); "
                     f"date right {s['date']} (acts {s['date of acts']}, statements {s['date of statements']})")
        lines.append("  by source (all / acts): " + "; ".join(
            f"{src} {s['by source'][src]['right']}/{s['by source'][src]['of']}"
            f" / {s['acts by source'][src]['right']}/{s['acts by source'][src]['of']}" for src in SOURCES))
        lines.append("  by sample: " + "; ".join(f"{seed} {share}" for seed, share in s["by seed"].items()))
    return lines


def error_lines(result: dict, part: str) -> list[str]:
    """The wrong dates of one part, a line each: sample, article, trigger, kind, gold, date given, its source, note."""
    return ["\t".join(str(w[k]) for k in ("seed", "docid", "trigger_start", "trigger", "kind", "gold", "date", "source",
                                          "note")) for w in result[part]["wrong"]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=None, help="the shared data folder (default $DATELINE_SHARED)")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--json", action="store_true", help="print one JSON object with the figures")
    parser.add_argument("--errors", choices=judged_rerun.PARTS, help="list the wrong dates of one part (choose rules "
                                                                   "from tuning only)")
    parser.add_argument("--wrong", action="store_true", help="the same as --errors tuning")
    judged_rerun.add_part_argument(parser)
    args = parser.parse_args(argv)
    import os

    shared = args.shared or Path(os.environ.get("DATELINE_SHARED", "../shared"))
    result = evaluate(shared, args.gold)
    part = args.errors or ("tuning" if args.wrong else None)
    shown = judged_rerun.part_shown(args.part, part)
    if args.json:
        print(json.dumps(judged_rerun.figures_only(result, shown)))
    else:
        print("\n".join(summary_lines(judged_rerun.figures_only(result, shown))))
    if part:
        print("\n".join(error_lines(result, part)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
