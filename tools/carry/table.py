"""The table of docs/carry.md from the ablation runs: python tools/carry/table.py FAMILIES.tsv RUNS_DIR"""
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # (carry.py beside it)
import carry  # noqa: E402

families, runs = Path(sys.argv[1]), Path(sys.argv[2])
print("| family (what was switched off) | introduced | seen: +righted/-broken (net) | unseen: +righted/-broken (net) | net per sample seen / unseen | unseen samples it changed / unseen samples | by measure (unseen) | run s |")
print("|---|---|---|---|---|---|---|---|")
out = {}
totals = []
for line in families.read_text().splitlines():
    if not line.strip():
        continue
    name, sha, edit = line.split("\t")
    run = runs / name
    if not (run / "seconds").exists():
        continue
    d = carry.diff(runs / "full", run, sha)
    out[name] = d
    when = subprocess.run(["git", "log", "-1", "--format=%ad", "--date=format:%m-%d %H:%M", sha], capture_output=True, text=True).stdout.strip()
    s, u = d["total"]["seen"], d["total"]["unseen"]
    meas = "; ".join(f"{m} +{v['unseen'][0]}/-{v['unseen'][1]}" for m, v in d["by_measure"].items() if any(v["unseen"]))
    n_seen = len(d["seen_samples"]) or 1
    n_unseen = len(d["unseen_samples"]) or 1
    totals.append((s, u, n_seen, n_unseen))
    print(f"| {name} | {sha} {when} | +{s['righted']}/-{s['broken']} ({s['net']:+d}) | +{u['righted']}/-{u['broken']} ({u['net']:+d}) "
          f"| {s['net'] / n_seen:+.2f} / {u['net'] / n_unseen:+.2f} "
          f"| {len(u['samples'])}/{len(d['unseen_samples'])} | {meas or '-'} | {(run / 'seconds').read_text().strip()} |")
S = [sum(x[0][k] for x in totals) for k in ("righted", "broken")]
U = [sum(x[1][k] for x in totals) for k in ("righted", "broken")]
print(f"| all families | | +{S[0]}/-{S[1]} ({S[0] - S[1]:+d}) | +{U[0]}/-{U[1]} ({U[0] - U[1]:+d}) "
      f"| {(S[0] - S[1]) / sum(x[2] for x in totals):+.2f} / {(U[0] - U[1]) / sum(x[3] for x in totals):+.2f} | | | |")
(runs / "table.json").write_text(json.dumps(out, indent=1))
