"""Timeline quality against reference timelines written by reading the articles first.

References: the seed gold (each gold event dated to one day gives a key date, its ``what`` the
summary) and the YAML timelines in ``eval/timelines/`` (their own selection of the demo corpus).
Measures, as in timeline summarisation (Martschat and Markert, 2017; tilse):

- date F1: key dates picked by the system against the reference's dates (exact day);
- agreement ROUGE-1 and ROUGE-2 F1: n-grams (rouge-score's tokenizer, Porter stemming) of a
  system date's summary matched only against the reference summary of the same date; precision
  over all system summaries, recall over all reference summaries. Dates the system misses or
  invents cost recall or precision.

The system picks as many dates as the reference has (the usual setting).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from rouge_score import tokenizers

from dateline.store import EventFilter

REFERENCES = Path(__file__).with_name("timelines")


@dataclass(frozen=True)
class Reference:
    name: str
    dates: dict[date, str]  # day -> summary
    since: date | None = None
    until: date | None = None
    query: str | None = None


def seed_reference(gold: dict) -> Reference:
    dates: dict[date, list[str]] = {}
    for document in gold["documents"]:
        for event in document["events"]:
            if "date" in event and len(event["date"]) == 10:
                dates.setdefault(date.fromisoformat(event["date"]), []).append(event["what"] + ".")
    # the seeds are the demo store's only reports of 2021: their period selects them
    return Reference("seed-gold", {day: " ".join(texts) for day, texts in sorted(dates.items())},
                     since=date(min(dates).year, 1, 1), until=date(max(dates).year, 12, 31))


def yaml_references(directory: Path = REFERENCES) -> list[Reference]:
    found = []
    for path in sorted(directory.glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        selection = raw.get("selection") or {}
        found.append(Reference(raw["name"], {d["date"]: " ".join(d["summary"].split()) for d in raw["dates"]},
                               selection.get("since"), selection.get("until"), selection.get("query")))
    return found


_TOKENIZER = tokenizers.DefaultTokenizer(use_stemmer=True)


def _ngrams(text: str, n: int) -> Counter:
    tokens = _TOKENIZER.tokenize(text)
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_timeline(system: dict[date, str], reference: dict[date, str]) -> dict:
    matched = set(system) & set(reference)
    p = len(matched) / len(system) if system else 0.0
    r = len(matched) / len(reference) if reference else 0.0
    figures = {"dates_system": len(system), "dates_reference": len(reference), "dates_matched": len(matched),
               "date_f1": round(_f1(p, r), 4)}
    for n in (1, 2):
        overlap = sum(sum((_ngrams(system[d], n) & _ngrams(reference[d], n)).values()) for d in matched)
        system_total = sum(sum(_ngrams(text, n).values()) for text in system.values())
        reference_total = sum(sum(_ngrams(text, n).values()) for text in reference.values())
        rp = overlap / system_total if system_total else 0.0
        rr = overlap / reference_total if reference_total else 0.0
        figures[f"agreement_rouge{n}_f1"] = round(_f1(rp, rr), 4)
    return figures


def system_timeline(store, reference: Reference) -> dict[date, str]:
    query = EventFilter(since=reference.since, until=reference.until)
    timeline = store.timeline(query, search=reference.query, dates=len(reference.dates))
    return {key.date: " ".join(s.text for s in key.sentences) for key in timeline.key_dates}


def evaluate(store, gold: dict | None) -> dict:
    references = ([seed_reference(gold)] if gold else []) + yaml_references()
    results = {}
    for reference in references:
        results[reference.name] = score_timeline(system_timeline(store, reference), reference.dates)
    names = list(results)
    results["mean"] = {key: round(sum(results[n][key] for n in names) / len(names), 4)
                       for key in ("date_f1", "agreement_rouge1_f1", "agreement_rouge2_f1")} if names else {}
    return results


def run_command(db: str | None, gold_file: str | None, as_json: bool, open_store, console) -> None:
    gold = json.loads(Path(gold_file).read_text(encoding="utf-8")) if gold_file else None
    results = evaluate(open_store(db), gold)
    if as_json:
        print(json.dumps(results))
        return
    for name, figures in results.items():
        console.print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in figures.items()), highlight=False)


DEMO = Path(__file__).resolve().parents[3] / "data" / "demo"


def evaluate_demo(shared: Path, demo: Path = DEMO) -> dict:
    """``make eval``'s timeline figures: the demo corpus read into a fresh SQLite store (ingest,
    extract, fuse), scored against the seed gold and every written reference."""
    import tempfile

    from dateline.store import open_store

    gold_path = Path(shared) / "seeds" / "gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8")) if gold_path.exists() else None
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "timeline.db"))
        try:
            store.ingest([str(demo)])
            store.extract()
            return evaluate(store, gold)
        finally:
            store.close()


def to_markdown(result: dict) -> str:
    lines = [
        "## Timelines (key dates and their summaries)",
        "",
        "The demo corpus (`data/demo`) read into a fresh store; for each reference timeline, written by "
        "reading the articles before any timeline was produced (the seed gold and `src/dateline/eval/timelines/`), "
        "dateline picks as many key dates as the reference has within the reference's selection. Date F1 on exact "
        "days; agreement ROUGE-1/2 F1 compares a date's summary only with the reference's summary of that date.",
        "",
        "| reference | date F1 | agreement ROUGE-1 F1 | agreement ROUGE-2 F1 |",
        "|---|---|---|---|",
    ]
    # references by name, the mean last: quality.json keeps its keys sorted, so a re-rendered
    # section must not depend on the order they come back in
    for name in sorted(result, key=lambda name: (name == "mean", name)):
        figures = result[name]
        if not figures:
            continue
        label = "**mean**" if name == "mean" else name
        lines.append(f"| {label} | {figures['date_f1']:.3f} | {figures['agreement_rouge1_f1']:.3f} "
                     f"| {figures['agreement_rouge2_f1']:.3f} |")
    return "\n".join(lines) + "\n"
