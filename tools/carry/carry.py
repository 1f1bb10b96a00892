"""Ablation study helper (docs/carry.md): score one extraction of the TUNING judged articles row by
row, and compare a variant (a family of rules switched off) with the full tree, per sample.

    python tools/carry/carry.py rows RUN_DIR            # RUN_DIR holds rows.json and store.db (event_places --work)
    python tools/carry/carry.py diff FULL_DIR VARIANT_DIR SHA   # righted/broken by the family, seen/unseen samples

Only tuning-part gold is read: the gold files are filtered to part == tuning (GOLD_DIR).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from dateline.eval import event_dates, event_places, event_roles, event_types, judged_rerun

GOLD_DIR = Path("/tmp/carry39/gold")
JUDGED = Path(__file__).resolve().parents[2] / "src/dateline/eval/judged"


def tuning(name: str) -> list[dict]:
    return [g for g in judged_rerun.read_gold(GOLD_DIR / f"{name}.tsv") if g["part"] == "tuning"]


def date_events(db: Path) -> dict:
    import dateline
    from dateline.store import EventFilter
    store = dateline.open_store(str(db), write=False)
    try:
        docid_of = {a.id: (a.meta or {}).get("fields", {}).get("id", a.id[:12]) for a in store.articles(10_000)}
        events = list(store.events(EventFilter(limit=None)))
    finally:
        store.close()
    return {(docid_of[e.article_id], e.trigger.start): e for e in events if e.trigger is not None}


def row_status(run: Path) -> dict:
    """(measure, seed, docid, trigger_start) -> True (right) / False (wrong); rows whose event is not
    extracted are left out of the field measures (they count under 'found')."""
    rows = json.loads((run / "rows.json").read_text())
    by_key = {(str(r["docid"]), str(r["trigger_start"])): r for r in rows}
    out = {}
    for g in tuning("places"):
        k = (g["docid"], g["trigger_start"])
        ev = by_key.get(k)
        if g["real"] == "N":
            out[("non-event dropped", g["seed"], *k)] = ev is None
            continue
        if g["gold"] == "?":
            continue
        out[("found", g["seed"], *k)] = ev is not None
        if ev is not None:
            out[("place", g["seed"], *k)] = event_places.place_right(ev["places"], g["gold"])
    for g in tuning("types"):
        ev = by_key.get((g["docid"], g["trigger_start"]))
        if ev is not None:
            out[("type", g["seed"], g["docid"], g["trigger_start"])] = event_types.type_right(ev["type"], g["gold"])
    for g in tuning("roles"):
        ev = by_key.get((g["docid"], g["trigger_start"]))
        if ev is not None:
            for role, (column, listed) in event_roles.ROLES.items():
                out[(role, g["seed"], g["docid"], g["trigger_start"])] = event_roles.actor_right(ev[listed], g[column])
    events = date_events(run / "store.db")
    for g in tuning("dates"):
        e = events.get((g["docid"], int(g["trigger_start"])))
        if e is not None:
            out[("date", g["seed"], g["docid"], g["trigger_start"])] = event_dates.date_right(
                g["gold"], e.date_value, e.date_start, e.date_end)
    return out


def status(run: Path) -> dict:
    cache = run / "status.json"
    if cache.exists():
        return {tuple(k.split("\t")): v for k, v in json.loads(cache.read_text()).items()}
    st = row_status(run)
    cache.write_text(json.dumps({"\t".join(k): v for k, v in st.items()}))
    return st


def judged_on() -> dict[str, str]:
    """seed -> the commit its listing was extracted with ('# extraction: commit SHA')."""
    out = {}
    for path in JUDGED.glob("*.tsv"):
        seed = re.search(r"seed-(\d+)", path.name)[1]
        for line in path.open(encoding="utf-8"):
            if not line.startswith("#"):
                break
            m = re.match(r"# extraction: commit ([0-9a-f]{6,40})", line)
            if m:
                out[seed] = m[1]
                break
    return out


def unseen(rule_sha: str, seeds) -> dict[str, bool]:
    on = judged_on()
    return {s: subprocess.run(["git", "merge-base", "--is-ancestor", rule_sha, on[s]]).returncode == 0 for s in seeds}


def diff(full: Path, variant: Path, sha: str) -> dict:
    a, b = status(full), status(variant)
    seeds = sorted({k[1] for k in a})
    blind = unseen(sha, seeds)
    per = defaultdict(lambda: [0, 0])  # (measure, seed) -> [righted, broken] by the family (full vs ablated)
    for k in set(a) | set(b):
        fa, fb = a.get(k), b.get(k)
        if fa is None or fb is None:
            continue  # the event is found in one tree only: counted under 'found'
        if fa and not fb:
            per[(k[0], k[1])][0] += 1
        elif fb and not fa:
            per[(k[0], k[1])][1] += 1
    result = {"rule": sha, "unseen_samples": [s for s in seeds if blind[s]], "seen_samples": [s for s in seeds if not blind[s]], "by_measure": {}, "total": {}}
    tot = {"seen": [0, 0, set()], "unseen": [0, 0, set()]}
    for (measure, seed), (r, br) in sorted(per.items()):
        side = "unseen" if blind[seed] else "seen"
        m = result["by_measure"].setdefault(measure, {"seen": [0, 0], "unseen": [0, 0]})
        m[side][0] += r
        m[side][1] += br
        tot[side][0] += r
        tot[side][1] += br
        if r or br:
            tot[side][2].add(seed)
    result["total"] = {side: {"righted": r, "broken": br, "net": r - br, "samples": sorted(s)}
                       for side, (r, br, s) in tot.items()}
    return result


if __name__ == "__main__":
    if sys.argv[1] == "rows":
        st = status(Path(sys.argv[2]))
        counts = defaultdict(lambda: [0, 0])
        for k, v in st.items():
            counts[k[0]][0] += v
            counts[k[0]][1] += 1
        print(json.dumps({m: f"{r}/{n}" for m, (r, n) in counts.items()}))
    elif sys.argv[1] == "diff":
        print(json.dumps(diff(Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]), indent=1))
