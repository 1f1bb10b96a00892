"""`make bench`: run every stage's benchmark and write docs/benchmarks.md."""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import psutil

# The order the stages run in; each module exposes run(shared) -> dict and to_markdown(dict) -> str.
BENCHMARKS = ("ingest", "time", "entities", "geo", "events", "fusion", "store_query", "scale", "api", "web")


def machine_line() -> str:
    return (
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{psutil.cpu_count(logical=True)} cores, "
        f"{psutil.virtual_memory().total / 2**30:.0f} GiB, {platform.machine()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, required=True, help="the shared/ folder with eval corpora")
    parser.add_argument("--out", type=Path, default=Path("docs/benchmarks.md"))
    parser.add_argument("--only", nargs="*", default=list(BENCHMARKS), choices=BENCHMARKS)
    args = parser.parse_args()

    sections = []
    figures = {}
    saved = args.out.with_suffix(".json")
    previous = json.loads(saved.read_text(encoding="utf-8")) if saved.exists() else {}
    failed: list[str] = []
    for name in BENCHMARKS:
        if name not in args.only:
            if name in previous:  # a partial run keeps the other benchmarks' last figures, and says so
                module = importlib.import_module(f"dateline.bench.{name}")
                figures[name] = previous[name]
                sections.append(module.to_markdown(previous[name]).rstrip() + "\n\n(Figures of an earlier run.)\n")
            continue
        module = importlib.import_module(f"dateline.bench.{name}")
        started = time.perf_counter()
        print(f"bench {name} ...", flush=True)
        try:
            result = module.run(args.shared)
        except Exception as error:  # noqa: BLE001 - one benchmark that cannot run (no browser, no
            # database) must not lose the figures the others measured in the same run
            failed.append(f"{name}: {type(error).__name__}: {error}")
            print(f"bench {name} failed: {type(error).__name__}: {error}", file=sys.stderr, flush=True)
            if name in previous:
                figures[name] = previous[name]
                sections.append(module.to_markdown(previous[name]).rstrip()
                                + f"\n\n(Figures of an earlier run: this run failed, {type(error).__name__}: {error}.)\n")
            continue
        print(f"bench {name}: {time.perf_counter() - started:.0f} s", flush=True)
        figures[name] = result
        sections.append(module.to_markdown(result))

    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    header = (
        "# Benchmarks\n\n"
        f"Written by `make bench` on {stamp}; machine: {machine_line()}.\n"
        "Every figure below was measured in the same run; speeds next to bare spaCy\n"
        "(`en_core_web_sm`, `nlp.pipe`) are on the same texts in the same process.\n"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(header + "\n" + "\n\n".join(sections) + "\n", encoding="utf-8")
    # no sort_keys: the sections render their rows in the order they were measured in
    saved.write_text(json.dumps(figures, default=str, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(figures, default=str, indent=1))
    if failed:
        raise SystemExit("bench: " + "; ".join(failed))


if __name__ == "__main__":
    main()
