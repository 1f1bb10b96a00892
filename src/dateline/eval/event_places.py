"""Event places and non-events of the hand-judged samples, scored automatically (issue 11).

The gold (``judged-gold/places.tsv``) holds, for every event the reader judged, the places the
text gives for it (or that it is no event). This scorer re-extracts the same articles with the
current tree (``judged_rerun``), matches the new events to the judged ones by (docid,
trigger_start) and reports, for the tuning and the check part apart:

- place accuracy of the matched real events (all, and acts: real events that are not statements);
- how many of the judged non-events the tree still extracts;
- how many gold events were not found (their trigger no longer extracted at that offset);
- the place accuracy of each sample of the part (all, acts), as ``by_seed``.

    python -m dateline.eval.event_places --shared /work/shared [--errors tuning] [--store-per-sample]

All the samples' articles are read into one store, unless ``--store-per-sample`` reads each sample
into a store of its own: the home-region pass learns an outlet's region from the other articles
of its store, so the places of an article can differ between the two (``judged_rerun``).

A place list is right when it is empty and the gold says ``none`` is right, or when it is not
empty and every place in it is one of the gold's (name and country; names compared without
accents, case or punctuation, so "Ts'khinvali" is "Tskhinvali"). Where both sides give the
first-level region too (``Columbus [US, Nebraska]``: GeoNames' admin1 name), it must agree: that is how a namesake in another state (Columbus, Ohio for Columbus, Nebraska)
counts wrong. A gold that gives no region accepts any.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

from dateline.eval import judged_rerun
from dateline.eval.judged_rerun import PARTS, share

GOLD = Path(__file__).with_name("judged-gold") / "places.tsv"


def read_gold(path: Path = GOLD) -> list[dict]:
    return judged_rerun.read_gold(path)


def place_key(name: str) -> str:
    """A place name as the judged-gold scorers compare it: accents, case, spaces and punctuation
    dropped ("Sainte-Foy" and "sainte foy" match); eval/agreement compares readers' places by it too."""
    plain = unicodedata.normalize("NFKD", name)
    return re.sub(r"[^0-9a-z]", "", "".join(c for c in plain if not unicodedata.combining(c)).casefold())


def parse_places(text: str) -> list[tuple[str, str, str | None]]:
    """``"Oakland [US, California]; California [US] (inherited)"`` -> [("oakland", "US", "california"),
    ("california", "US", None)]; ``none`` and the empty string are no place."""
    text = re.sub(r"\s*\(inherited\)\s*$", "", text or "").strip()
    places = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        if part == "none":
            continue
        found = re.fullmatch(r"(.*?)\s*\[([A-Z?]{1,2})(?:,\s*([^\]]+))?\]", part)
        name, country, region = (found.group(1), found.group(2), found.group(3)) if found else (part, "?", None)
        places.append((place_key(name), country, place_key(region) if region else None))
    return places


def place_right(extracted: str, gold: str) -> bool:
    """Whether an event's places agree with the gold (see the module's doc)."""
    got = parse_places(extracted)
    if not got:
        return "none" in [p.strip() for p in gold.split(";")]
    allowed = parse_places(gold)
    return all(any(name == g_name and (country == g_country or "?" in (country, g_country))
                   and (region == g_region or None in (region, g_region))
                   for g_name, g_country, g_region in allowed) for name, country, region in got)


def by_seed(matched: list[tuple[dict, bool]], acts: list[tuple[dict, bool]]) -> dict:
    """The place accuracy (all, acts) of each sample of a part: a part can hold samples judged at
    different times (fresh holds J, L, O and P), each read apart too."""
    def of(pairs, seed):
        rights = [right for g, right in pairs if g["seed"] == seed]
        return share(sum(rights), len(rights))

    return {seed: {"place": of(matched, seed), "place_of_acts": of(acts, seed)}
            for seed in sorted({g["seed"] for g, _ in matched})}


def score(gold: list[dict], extracted: list[dict]) -> dict:
    """The figures of each part, and the rows behind them (for ``--errors``)."""
    by_key = {(str(r["docid"]), str(r["trigger_start"])): r for r in extracted}
    result = {}
    for part in judged_rerun.parts_of(gold):
        rows = [g for g in gold if g["part"] == part]
        real = [g for g in rows if g["real"] == "Y" and g["gold"] != "?"]
        matched, errors, missing = [], [], []
        for g in real:
            event = by_key.get((g["docid"], g["trigger_start"]))
            if event is None:
                missing.append(g)
                continue
            right = place_right(event["places"], g["gold"])
            matched.append((g, right))
            if not right:
                errors.append({**g, "extracted": event["places"], "sentence": event["sentence"]})
        acts = [(g, right) for g, right in matched if g["act"] == "Y"]
        non_events = [g for g in rows if g["real"] == "N"]
        still = [g for g in non_events if (g["docid"], g["trigger_start"]) in by_key]
        result[part] = {
            "real_with_gold": len(real), "matched": len(matched), "not_found": len(missing),
            "place": share(sum(r for _, r in matched), len(matched)),
            "place_of_acts": share(sum(r for _, r in acts), len(acts)), "acts": len(acts),
            "non_events_judged": len(non_events), "non_events_still_extracted": len(still),
            "by_seed": by_seed(matched, acts),
            "errors": errors, "still": [{**g, "sentence": by_key[(g["docid"], g["trigger_start"])]["sentence"]}
                                        for g in still],
        }
    return result


def evaluate(shared: Path, gold_path: Path = GOLD, outlet_context: bool = False,
             store_per_sample: bool = False) -> dict:
    """The figures of each part for the current tree, with the rows behind them (``judged_rerun.figures_only``
    leaves them out). ``outlet_context``: the judged articles read in a store that also holds
    their outlets' other LGL articles (``judged_rerun.context_articles``); ``store_per_sample``: each
    sample read into a store of its own (``judged_rerun.rerun_per_sample``; default: all in one)."""
    return judged_rerun.scored(shared, gold_path, score, context=outlet_context, store_per_sample=store_per_sample)


def error_lines(result: dict, part: str) -> list[str]:
    """The wrong places and the non-events still extracted of one part, a line each (``--errors PART``)."""
    places = [f"PLACE\t{e['seed']}\t{e['docid']}\t{e['trigger_start']}\t{e['trigger']}\tgot: {e['extracted']}\t"
              f"gold: {e['gold']}\t{e['sentence'][:220]}" for e in result[part]["errors"]]
    non_events = [f"NONEVENT\t{e['seed']}\t{e['docid']}\t{e['trigger_start']}\t{e['trigger']}\t{e['note'][:100]}\t"
                  f"{e['sentence'][:200]}" for e in result[part]["still"]]
    return places + non_events


def summary_lines(result: dict) -> list[str]:
    return [f"{part}: {f['matched']} of {f['real_with_gold']} real events found ({f['not_found']} not found); "
            f"place right {f['place']} (acts {f['place_of_acts']}, {f['acts']} acts); judged non-events still "
            f"extracted {f['non_events_still_extracted']} of {f['non_events_judged']}" for part, f in result.items()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    judged_rerun.add_run_arguments(parser, GOLD)
    parser.add_argument("--json", action="store_true", help="(the figures are always one JSON object)")
    parser.add_argument("--errors", choices=PARTS, help="print the wrong places and the non-events still extracted "
                                                         "of one part (choose rules from tuning only)")
    args = parser.parse_args(argv)
    gold = read_gold(args.gold)
    result = score(gold, judged_rerun.rows_for(args, gold))
    print(json.dumps(judged_rerun.figures_only(result, judged_rerun.part_shown(args.part, args.errors))))
    if args.errors:
        print("\n".join(error_lines(result, args.errors)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
