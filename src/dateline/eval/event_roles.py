"""Doers and targets of the hand-judged samples, scored automatically (issue 11).

The gold (``judged-gold/roles.tsv``) holds, for every real event of the judged samples, its doer
(the source actor) and its target: the listed actor where the reader judged it right, else the
words of the text that name the right one, read in the article. This scorer re-extracts the same
articles with the current tree (``judged_rerun``), finds each gold event by (docid,
trigger_start) and reports, for each part (tuning / check / fresh):

- doer accuracy and target accuracy over the gold events found, for all of them and for acts and
  statements apart (a statement's doer is its speaker), and how many were not found;
- the same for each sample of the part (``by_seed``);
- the wrong ones by kind (``errors``): an actor dropped (the gold names one, none extracted), one
  given where the event has none, or another actor than the gold's.

The matching rule, the one place it is written: a gold field lists the alternatives a reader
accepts, joined by "|"; "-" is the alternative "no actor". An extracted actor is right when it
is empty and "-" is an alternative, or when it is not empty and, for one alternative, after
case-folding, folding curly apostrophes and dropping a leading article and edge punctuation,

- the two names are equal, or
- one of them ends with all the words of the other ("the Harbour City Council" for "City
  Council", "Ray Flemons" for "Flemons", "three escaped inmates" for "escaped inmates"), or
- one of them is a single word equal to the other's head word, the last word before "of"
  ("council" for "the council of the city").

So a bare surname or a shorter phrase matches a longer name ending with it, while two different
longer names with the same last word ("Nadia Moayyad" for "Ms. Moayyad") do not.

    python -m dateline.eval.event_roles --shared /work/shared [--errors tuning]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from dateline.eval import judged_rerun
from dateline.eval.judged_rerun import share

GOLD = Path(__file__).with_name("judged-gold") / "roles.tsv"

# the gold's alternative for "the event has no such actor": right only against an empty field
NO_ACTOR = "-"

# the two roles scored: the gold's column and the listing's column for each
ROLES = {"doer": ("gold_doer", "source"), "target": ("gold_target", "target")}

_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+")
_EDGE_PUNCTUATION = " \t\"'.,;:()[]-"


def read_gold(path: Path = GOLD) -> list[dict]:
    return judged_rerun.read_gold(path)


def normalised(name: str) -> str:
    """A name compared by its words: case-folded, curly apostrophes folded, no leading article."""
    text = " ".join(name.replace("\u2019", "'").replace("\u2018", "'").casefold().split())
    return _LEADING_ARTICLE.sub("", text.strip(_EDGE_PUNCTUATION)).strip(_EDGE_PUNCTUATION)


def head_word(name: str) -> str:
    """The last word of a normalised name, or the last before "of" ("council of the city": council)."""
    words = name.split()
    if "of" in words[1:]:
        words = words[:words.index("of", 1)]
    return words[-1] if words else ""


def same_actor(extracted: str, alternative: str) -> bool:
    """Whether two non-empty names name the same actor by the rule of the module docstring."""
    a, b = normalised(extracted), normalised(alternative)
    if not a or not b:
        return False
    if a == b or _ends_with(a, b) or _ends_with(b, a):
        return True
    return (" " not in a and a == head_word(b)) or (" " not in b and b == head_word(a))


def _ends_with(name: str, tail: str) -> bool:
    """Whether a name's last words are all of another's ("failed asylum seeker" ends with "asylum seeker")."""
    return name.endswith(" " + tail)


def actor_right(extracted: str, gold: str) -> bool:
    """Whether the extracted actor (empty for none) is one the gold's alternatives accept."""
    alternatives = [alt.strip() for alt in gold.split("|")]
    if not extracted.strip():
        return NO_ACTOR in alternatives
    return any(same_actor(extracted, alt) for alt in alternatives if alt != NO_ACTOR)


def error_kind(extracted: str, gold: str) -> str:
    """The kind of a wrong actor: dropped, given where there is none, or another one."""
    if not extracted.strip():
        return "dropped"
    if gold.strip() == NO_ACTOR:
        return "given where none"
    return "another actor"


def _accuracy(judged: list[tuple[dict, dict[str, bool]]], role: str) -> float | None:
    return share(sum(right[role] for _, right in judged), len(judged))


def _figures(judged: list[tuple[dict, dict[str, bool]]]) -> dict:
    acts = [j for j in judged if j[0]["kind"] != "statement"]
    statements = [j for j in judged if j[0]["kind"] == "statement"]
    figures = {}
    for role in ROLES:
        figures[role] = _accuracy(judged, role)
        figures[f"{role}_acts"] = _accuracy(acts, role)
        figures[f"{role}_statements"] = _accuracy(statements, role)
    return figures


def score(gold: list[dict], extracted: list[dict]) -> dict:
    """The figures of each part, and the wrong rows behind them (``wrong``, for ``--errors``)."""
    by_key = {(str(r["docid"]), str(r["trigger_start"])): r for r in extracted}
    result = {}
    for part in judged_rerun.parts_of(gold):
        rows = [g for g in gold if g["part"] == part]
        judged, wrong = [], []
        for g in rows:
            event = by_key.get((g["docid"], g["trigger_start"]))
            if event is None:
                continue
            right = {role: actor_right(event[listed], g[column]) for role, (column, listed) in ROLES.items()}
            judged.append((g, right))
            for role, (column, listed) in ROLES.items():
                if not right[role]:
                    wrong.append({**g, "role": role, "extracted": event[listed], "gold": g[column],
                                  "kind_of_error": error_kind(event[listed], g[column]),
                                  "sentence": event["sentence"]})
        seeds = sorted({g["seed"] for g in rows})
        result[part] = {
            "gold_events": len(rows), "matched": len(judged), "not_found": len(rows) - len(judged),
            **_figures(judged),
            "by_seed": {seed: _figures([j for j in judged if j[0]["seed"] == seed]) for seed in seeds},
            "errors": dict(Counter(f"{w['role']} {w['kind']}: {w['kind_of_error']}" for w in wrong).most_common()),
            "wrong": wrong,
        }
    return result


def evaluate(shared: Path, gold_path: Path = GOLD) -> dict:
    """The figures of each part for the current tree (with the wrong rows, which ``--json`` leaves out)."""
    return judged_rerun.scored(shared, gold_path, score)


def summary_lines(result: dict) -> list[str]:
    lines = []
    for part, f in result.items():
        lines.append(f"{part}: {f['matched']} of {f['gold_events']} real events found ({f['not_found']} not found); "
                     f"doer right {f['doer']} (acts {f['doer_acts']}, statements {f['doer_statements']}); "
                     f"target right {f['target']} (acts {f['target_acts']}, statements {f['target_statements']})")
        lines.append("  by sample (doer / target): " + "; ".join(
            f"{seed} {s['doer']} / {s['target']}" for seed, s in f["by_seed"].items()))
        if f["errors"]:
            lines.append("  wrong: " + "; ".join(f"{k} {n}" for k, n in f["errors"].items()))
    return lines


def wrong_line(w: dict) -> str:
    return (f"{w['role'].upper()}\t{w['seed']}\t{w['docid']}\t{w['trigger_start']}\t{w['trigger']}\t{w['kind']}\t"
            f"{w['kind_of_error']}\tgot: {w['extracted'] or '-'}\tgold: {w['gold']}\t{w['note'][:80]}\t{w['sentence'][:220]}")


def error_lines(result: dict, part: str) -> list[str]:
    """The wrong rows of one part, a line each (``dateline eval ... --errors PART``)."""
    return judged_rerun.wrong_lines(result, part, wrong_line)


def main(argv: list[str] | None = None) -> int:
    return judged_rerun.scorer_main(argv, __doc__.splitlines()[0], GOLD, score, "doers and targets", wrong_line)


if __name__ == "__main__":
    sys.exit(main())
