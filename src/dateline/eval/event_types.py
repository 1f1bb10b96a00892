"""Event types of the hand-judged samples, scored automatically (issue 11).

The gold (``judged-gold/types.tsv``) holds the right type of every real event of the judged
samples that is not a statement: the listed type where the reader judged it right, else the type
read in the article (alternatives a reader accepts joined by "|", ``none`` when no type of
dateline's tables fits). This scorer re-extracts the same articles with the current tree
(``judged_rerun``), finds each gold event by (docid, trigger_start) and reports, for each part
(tuning / check / fresh):

- type accuracy over the gold events found, and how many were not found;
- the accuracy of each sample of the part (``by_seed``): a part holds samples judged at different
  times, each read apart too;
- the confusion of the wrong ones ("gold -> extracted": how many), the classes a rule would fix.

    python -m dateline.eval.event_types --shared /work/shared [--errors tuning]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from dateline.eval import judged_rerun
from dateline.eval.judged_rerun import share

GOLD = Path(__file__).with_name("judged-gold") / "types.tsv"

# the gold's word for an event no type of dateline's tables fits: every extracted type is wrong
NO_TYPE_FITS = "none"


def read_gold(path: Path = GOLD) -> list[dict]:
    return judged_rerun.read_gold(path)


def type_right(extracted: str, gold: str) -> bool:
    """Whether the extracted type is one the gold accepts ("ASSAULT|MOBILIZE" accepts either)."""
    accepted = {t.strip() for t in gold.split("|")} - {NO_TYPE_FITS}
    return extracted in accepted


def score(gold: list[dict], extracted: list[dict]) -> dict:
    """The figures of each part, and the wrong rows behind them (``wrong``, for ``--errors``)."""
    by_key = {(str(r["docid"]), str(r["trigger_start"])): r for r in extracted}
    result = {}
    for part in judged_rerun.parts_of(gold):
        rows = [g for g in gold if g["part"] == part]
        matched, wrong = [], []
        for g in rows:
            event = by_key.get((g["docid"], g["trigger_start"]))
            if event is None:
                continue
            right = type_right(event["type"], g["gold"])
            matched.append((g, right))
            if not right:
                wrong.append({**g, "extracted": event["type"], "sentence": event["sentence"]})
        seeds = sorted({g["seed"] for g in rows})
        result[part] = {
            "gold_events": len(rows), "matched": len(matched), "not_found": len(rows) - len(matched),
            "type": share(sum(right for _, right in matched), len(matched)),
            "by_seed": {seed: share(sum(right for g, right in matched if g["seed"] == seed),
                                    sum(1 for g, _ in matched if g["seed"] == seed)) for seed in seeds},
            "confusion": dict(Counter(f"{w['gold']} -> {w['extracted']}" for w in wrong).most_common()),
            "wrong": wrong,
        }
    return result


def evaluate(shared: Path, gold_path: Path = GOLD) -> dict:
    """The figures of each part for the current tree (with the wrong rows, which ``--json`` leaves out)."""
    return judged_rerun.scored(shared, gold_path, score)


def summary_lines(result: dict) -> list[str]:
    lines = []
    for part, f in result.items():
        lines.append(f"{part}: {f['matched']} of {f['gold_events']} real non-statement events found "
                     f"({f['not_found']} not found); type right {f['type']}")
        lines.append("  by sample: " + "; ".join(f"{seed} {value}" for seed, value in f["by_seed"].items()))
        if f["confusion"]:
            lines.append("  wrong (gold -> extracted): " + "; ".join(f"{k} {n}" for k, n in f["confusion"].items()))
    return lines


def wrong_line(w: dict) -> str:
    return (f"TYPE\t{w['seed']}\t{w['docid']}\t{w['trigger_start']}\t{w['trigger']}\tgot: {w['extracted']}\t"
            f"gold: {w['gold']}\t{w['note'][:80]}\t{w['sentence'][:220]}")


def error_lines(result: dict, part: str) -> list[str]:
    """The wrong rows of one part, a line each (``dateline eval ... --errors PART``)."""
    return judged_rerun.wrong_lines(result, part, wrong_line)


def main(argv: list[str] | None = None) -> int:
    return judged_rerun.scorer_main(argv, __doc__.splitlines()[0], GOLD, score, "types", wrong_line)


if __name__ == "__main__":
    sys.exit(main())
