"""How often two careful readers of the same judged listing agree (issue 11, stop 50).

Two readers judge the same listing (``judged/*.tsv``: one row per listed event, the verdict columns
real, statement, type_ok, date_ok, place_ok, source_ok, target_ok) by the same policy
(docs/judging.md). This module says, per field:

- ``judged_by_both``: the rows both readers judged (a y/n verdict from each: ``real`` on every row,
  ``statement`` on rows both call real, ``type_ok`` on acts both call real and not statements, the
  other verdicts on rows both call real); ``share_judged_by_both``: those rows over the listed rows;
- ``agree`` / ``agreement``: how many of those rows get the same verdict, and their share;
- ``kappa``: Cohen's kappa of the two readers' y/n verdicts on those rows (None where it is not
  defined: one category only, for both readers).

and, among the events both call real, whether they agree on the right VALUE of the date and of
the place (``date_value``, ``place_value``): two values agree when some answer is right by both,
that is when their alternatives share one. A date's alternatives are joined by ``|`` and compared
as calendar stretches (``2009-03``, ``2009-03-21``, ``2009-03-10/2009-03-11``, ``2008-FA``); ``none``,
``before-report``, ``after-report``, ``undated`` and ``PAST_REF`` all mean "no calendar date" and agree with each other. A
place value is ``none`` or names joined by ``;`` (``Athens [US, Georgia]; Clarke County``; ``none;
Sligo [IE]`` accepts both); two agree when both accept no place or they share a name (compared as
event_places compares names; a parenthesis after a name is a note and is dropped).

A reader's right value of an event is read from the row's ``right_date`` / ``right_place`` columns
where the listing has them (a second reading), else from the gold files (``judged-gold/dates.tsv``,
``places.tsv``, rows of the listing's seed, matched by docid and trigger_start), else from the
listing itself where that verdict is Y (the listed value was judged right).

    python -m dateline.eval.agreement FIRST.tsv SECOND.tsv [--gold-dir DIR] [--seed SEED] --json
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

from sklearn.metrics import cohen_kappa_score

VERDICTS = ("real", "statement", "type_ok", "date_ok", "place_ok", "source_ok", "target_ok")
NO_DATE = frozenset({"none", "before-report", "after-report", "undated", "past_ref", ""})
GOLD_DIR = Path(__file__).with_name("judged-gold")

Key = tuple[str, str]


def _yn(value: str | None) -> str | None:
    value = (value or "").strip().upper()
    return value if value in ("Y", "N") else None


def read_judged(path: Path | str) -> dict[Key, dict]:
    """The rows of a judged TSV (``#`` lines skipped), keyed by (docid, trigger_start), with the
    verdicts made plain: ``Y``/``N`` or None where the reader gave none. ``statement`` is ``Y`` for
    ``S`` or ``Y`` and ``N`` for an empty cell on a row judged real."""
    with open(path, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    rows: dict[Key, dict] = {}
    for raw in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        row = dict(raw)
        real = _yn(row.get("real"))
        statement = (row.get("statement") or "").strip().upper()
        row["real"] = real
        row["statement"] = ("Y" if statement in ("S", "Y") else "N") if real == "Y" else None
        for field in VERDICTS[2:]:
            row[field] = _yn(row.get(field)) if real == "Y" else None
        if row["statement"] == "Y":
            row["type_ok"] = None
        rows[(row["docid"], row["trigger_start"])] = row
    return rows


def read_gold_values(gold_dir: Path | str, seed: str) -> dict[Key, dict]:
    """The gold date and place of each event of one seed: {(docid, trigger_start): {"date", "place"}}."""
    values: dict[Key, dict] = {}
    for name, field in (("dates.tsv", "date"), ("places.tsv", "place")):
        path = Path(gold_dir) / name
        if not path.exists():
            continue
        with open(path, encoding="utf-8", newline="") as handle:
            lines = [line for line in handle if not line.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row.get("seed") != seed:
                continue
            if field == "place" and (row.get("real") or "").upper() != "Y":
                continue
            values.setdefault((row["docid"], row["trigger_start"]), {})[field] = row.get("gold") or ""
    return values


def _listed(value: str) -> str:
    return re.sub(r"\s*\(inherited\)\s*$", "", value or "").strip()


def right_value(row: dict, field: str, gold: dict[Key, dict] | None = None) -> str | None:
    """A reader's right date or place ("date" / "place") of a real event, or None if unknown."""
    own = row.get(f"right_{field}")
    if own is not None and own.strip():
        return own.strip()
    key = (row["docid"], row["trigger_start"])
    if gold and field in gold.get(key, {}):
        return gold[key][field]
    if row.get(f"{field}_ok") == "Y":
        listed = _listed(row.get("date" if field == "date" else "places", ""))
        return listed or "none"
    return None


def _date_alternatives(value: str) -> set:
    from dateline.eval.event_dates import stretch

    found = set()
    for alternative in value.split("|"):
        alternative = _listed(alternative)
        if alternative.casefold() in NO_DATE:
            found.add("no date")
            continue
        span = stretch(alternative)
        found.add(span if span is not None else alternative.casefold())
    return found


def dates_agree(first: str, second: str) -> bool:
    """True when some date is right by both values (``2009-03-27|2009-03-26`` and ``2009-03-26``)."""
    return bool(_date_alternatives(first) & _date_alternatives(second))


def _place_alternatives(value: str) -> set:
    from dateline.eval.event_places import place_key

    found = set()
    for part in _listed(value).split(";"):
        part = re.sub(r"\s*\(inherited\)\s*$", "", part).strip()
        if not part or part.casefold() == "none":
            found.add("no place")
            continue
        # a trailing note "(the town hall)" and the gazetteer's "[US, Ohio]", in either order
        name = re.sub(r"(\s*(\[[^\]]*\]|\([^)]*\)))+\s*$", "", part).strip()
        found.add(place_key(name))
        # a reader's free "Newark, Ohio" names the same place as the gazetteer's "Newark [US, Ohio]"
        found.add(place_key(name.split(",")[0]))
    return found


def places_agree(first: str, second: str) -> bool:
    """True when some place answer is right by both (``none; Sligo [IE]`` and ``Sligo``)."""
    return bool(_place_alternatives(first) & _place_alternatives(second))


def kappa(pairs: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa of paired categorical verdicts (scikit-learn's); None where it is not defined:
    no pairs, or one category only for both readers (chance agreement 1)."""
    if not pairs:
        return None
    firsts, seconds = zip(*pairs)
    if len(set(firsts) | set(seconds)) < 2:
        return None
    return round(float(cohen_kappa_score(firsts, seconds)), 3)


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def agreement(
    first: dict[Key, dict],
    second: dict[Key, dict],
    first_gold: dict[Key, dict] | None = None,
    second_gold: dict[Key, dict] | None = None,
) -> dict:
    """Per-field agreement of two readings of the same listing (see the module's docstring)."""
    keys = [key for key in first if key in second]
    listed = len(keys)
    figures: dict = {"listed": listed, "only_first": len(set(first) - set(second)),
                     "only_second": len(set(second) - set(first)), "fields": {}, "disagreements": {}}
    for field in VERDICTS:
        pairs, differ = [], []
        for key in keys:
            a, b = first[key][field], second[key][field]
            if a is None or b is None:
                continue
            pairs.append((a, b))
            if a != b:
                differ.append(key)
        agree = sum(a == b for a, b in pairs)
        figures["fields"][field] = {
            "judged_by_both": len(pairs), "share_judged_by_both": _share(len(pairs), listed),
            "agree": agree, "agreement": _share(agree, len(pairs)), "kappa": kappa(pairs),
        }
        figures["disagreements"][field] = [f"{d} {first[(d, s)].get('trigger', '')}@{s}" for d, s in differ]
    for field, same in (("date", dates_agree), ("place", places_agree)):
        compared, agree, unknown, differ = 0, 0, 0, []
        for key in keys:
            if first[key]["real"] != "Y" or second[key]["real"] != "Y":
                continue
            a = right_value(first[key], field, first_gold)
            b = right_value(second[key], field, second_gold)
            if a is None or b is None:
                unknown += 1
                continue
            compared += 1
            if same(a, b):
                agree += 1
            else:
                differ.append(f"{key[0]} {first[key].get('trigger', '')}@{key[1]}: {a} / {b}")
        figures["fields"][f"{field}_value"] = {
            "judged_by_both": compared, "share_judged_by_both": _share(compared, listed),
            "agree": agree, "agreement": _share(agree, compared), "kappa": None, "unknown": unknown,
        }
        figures["disagreements"][f"{field}_value"] = differ
    return figures


def compare(first_path: Path | str, second_path: Path | str, gold_dir: Path | str | None = GOLD_DIR,
            seed: str | None = None) -> dict:
    """Read two judged TSVs of the same listing and measure their agreement. The gold of ``seed``
    (by default the ``seed-NNNNNNNN`` of the first file's name) gives a reader's right values where
    its rows carry none."""
    first, second = read_judged(first_path), read_judged(second_path)
    if seed is None:
        found = re.search(r"seed-(\d+)", Path(first_path).name)
        seed = found.group(1) if found else None
    gold = read_gold_values(gold_dir, seed) if gold_dir and seed else None
    figures = agreement(first, second, gold, gold)
    figures["first"], figures["second"], figures["seed"] = str(first_path), str(second_path), seed
    return figures


AGREEMENT_DIR = Path(__file__).with_name("judged-agreement")
LISTING_DIR = Path(__file__).with_name("judged")
# The first readers' right dates and places as they stood before the third reader's adjudication
# (stop 51) rewrote judged-gold/: the agreement is that of the two readings as made, not of the
# second reading with the adjudicated gold.
FIRST_GOLD_DIR = AGREEMENT_DIR / "first-gold"


def evaluate(agreement_dir: Path = AGREEMENT_DIR, listing_dir: Path = LISTING_DIR) -> dict:
    """Every second reading kept (``judged-agreement/NAME-second.tsv``) against its first reading
    (``judged/NAME.tsv``, its right values from ``first-gold/`` where that holds them), for
    ``make eval``: {NAME: figures}."""
    first_gold = agreement_dir / "first-gold"
    gold_dir = first_gold if (first_gold / "dates.tsv").exists() else GOLD_DIR
    readings = {}
    for second in sorted(agreement_dir.glob("*-second.tsv")):
        name = second.name[: -len("-second.tsv")]
        readings[name] = compare(listing_dir / f"{name}.tsv", second, gold_dir)
    return {"readings": readings}


def to_markdown(result: dict) -> str:
    """The agreement table of each second reading (docs/judging.md says how it was read)."""
    lines = ["## Agreement between two readers", "",
             "A second reader judged a listing again, blind to the first reading, by the same policy "
             "(docs/judging.md, 'Agreement between two readers'); the first reader's right values come from the "
             "gold files, so a row the gold keeper corrected after the second reading counts with its corrected "
             "value. Both readers are helper engineers of the same kind: an upper bound on agreement between "
             "independent readers.", ""]
    for name, figures in result.get("readings", {}).items():
        lines += [f"**{name}** ({figures['listed']} listed rows)", "",
                  "| field | both judged | agree | agreement | Cohen's kappa |", "|---|---|---|---|---|"]
        for field, f in figures["fields"].items():
            kappa = "" if f["kappa"] is None else f"{f['kappa']:.3f}"
            lines.append(f"| {field} | {f['judged_by_both']} | {f['agree']} | {f['agreement']} | {kappa} |")
        lines.append("")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dateline.eval.agreement", description=__doc__.split("\n")[0])
    parser.add_argument("first", help="the first reader's judged TSV")
    parser.add_argument("second", help="the second reader's judged TSV of the same listing")
    parser.add_argument("--gold-dir", default=str(GOLD_DIR), help="where dates.tsv and places.tsv are ('' for none)")
    parser.add_argument("--seed", default=None, help="the seed whose gold rows give right values (default: from FIRST's name)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    figures = compare(args.first, args.second, args.gold_dir or None, args.seed)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
        return 0
    print(f"{figures['listed']} rows listed in both readings")
    for field, f in figures["fields"].items():
        print(f"{field:12} both judged {f['judged_by_both']:4}  agree {f['agree']:4}  "
              f"agreement {f['agreement']}  kappa {f['kappa']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
