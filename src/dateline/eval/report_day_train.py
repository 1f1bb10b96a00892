"""Fit the learned report's-day model on the judged TUNING samples (issue 11, stop 52).

``python -m dateline.eval.report_day_train --shared DIR`` rebuilds
``dateline/events/models/report_day.json`` and the rows it was fitted on
(``models/report_day_rows.json``) deterministically: the tuning articles of the date gold
(``judged-gold/dates.tsv``, part ``tuning``) are read by the current tree with the model off;
every act dated by default to the report's day (its date chain ended on it with no rule choosing it,
``report_day.takes_the_report_day_by_default``)
that matches a gold row by (docid, trigger_start) is labelled by the gold: ``none`` where the gold
accepts no day and not the report's, kept where it accepts the report's day and not none (an act
whose gold accepts both, or neither, is not a row: the model's choice does not change it). A
logistic regression (C ``REGULARISATION``, no class weights) is fitted on ``report_day.features``;
an act at or over ``THRESHOLD`` loses the report's day. ``--refit`` refits from the rows file
without reading the articles (``tests/eval/test_report_day_train.py`` checks that
the shipped model is what the shipped rows give).

The carry test (docs/dating.md, "Task datesmodel52"), written into the model's ``about``: the
model fitted on the OLDER half of tuning (seeds up to 20261237) applied to the RECENT half, and
the other way; rows righted / broken against the rules' own dates in each held-out half.
The check and fresh rows are never read here.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from dateline.eval.non_event_train import FOLDS, article_folds
from dateline.events.non_events import NonEventFilter
from dateline.events.report_day import MODEL_FILE

GOLD = Path(__file__).with_name("judged-gold") / "dates.tsv"
ROWS_FILE = MODEL_FILE.with_name("report_day_rows.json")
REGULARISATION = 0.3  # chosen among 0.1, 0.3, 1 by the carry test (all three held in both halves)
THRESHOLD = 0.5
OLDER_UP_TO = 20261237  # the last seed of the older half of tuning (stop 52's two-halves test)


def labelled_rows(shared: Path, gold_path: Path = GOLD) -> list[dict]:
    """Every act of the tuning articles dated by default to the report's day that matches a gold
    row whose verdict the model's choice changes: docid, seed, trigger, features, and ``none``."""
    from dateline.eval.event_dates import date_right
    from dateline.eval.judged_rerun import parsed_judged_articles, read_gold
    from dateline.events.report_day import REPORT_DAY_BY_DEFAULT, features, lead_types, \
        takes_the_report_day_by_default
    from dateline.pipeline import Stages, explain_article

    gold = {(g["docid"], g["trigger_start"]): g for g in read_gold(gold_path) if g["part"] == "tuning"}
    docids = {docid for docid, _ in gold}
    stages = Stages.load()
    rows = []
    for docid, article, doc in parsed_judged_articles(shared, docids):
        readings = explain_article(article, doc, stages, learned_report_day=False)
        events = [r.event for r in readings]
        by_default = {r.event.id for r in readings if r.date.rules[-1] == REPORT_DAY_BY_DEFAULT}
        types = lead_types(events, doc)
        for event in events:
            g = gold.get((docid, str(event.trigger.start if event.trigger else "")))
            if g is None or not takes_the_report_day_by_default(event, by_default):
                continue
            right = date_right(g["gold"], event.date_value, event.date_start, event.date_end)
            none_right = date_right(g["gold"], None)
            if right == none_right:
                continue  # both right or both wrong: the model's choice changes nothing
            rows.append({"docid": docid, "seed": g["seed"], "trigger_start": event.trigger.start,
                         "trigger": event.trigger.text, "none": none_right,
                         "features": dict(sorted(features(event, doc, types, article.published).items()))})
    rows.sort(key=lambda r: (r["seed"], r["docid"], r["trigger_start"]))
    return rows


def _names(rows: Sequence[dict]) -> list[str]:
    return sorted({name for r in rows for name in r["features"]})


def _design(rows: Sequence[dict], names: Sequence[str]) -> np.ndarray:
    column = {name: k for k, name in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, r in enumerate(rows):
        for name, value in r["features"].items():
            if name in column:
                x[i, column[name]] = value
    return x


def _fit(rows: Sequence[dict]) -> NonEventFilter:
    from sklearn.linear_model import LogisticRegression

    names = _names(rows)
    model = LogisticRegression(C=REGULARISATION, max_iter=5000).fit(_design(rows, names),
                                                                     np.array([r["none"] for r in rows]))
    weights = {name: round(float(w), 4) for name, w in zip(names, model.coef_[0], strict=True) if round(float(w), 4)}
    return NonEventFilter(weights, round(float(model.intercept_[0]), 4), THRESHOLD)


def righted_broken(model: NonEventFilter, rows: Sequence[dict]) -> dict:
    """The rows the model would leave undated: righted (the gold allows no day) and broken."""
    dropped = [r for r in rows if model.probability(r["features"]) >= model.threshold]
    return {"righted": sum(r["none"] for r in dropped), "broken": sum(not r["none"] for r in dropped),
            "samples_righted": len({r["seed"] for r in dropped if r["none"]})}


def carry_test(rows: Sequence[dict]) -> dict:
    older = [r for r in rows if int(r["seed"]) <= OLDER_UP_TO]
    recent = [r for r in rows if int(r["seed"]) > OLDER_UP_TO]
    return {"older -> recent": righted_broken(_fit(older), recent),
            "recent -> older": righted_broken(_fit(recent), older)}


def cross_validated(rows: Sequence[dict]) -> dict:
    """Grouped by article: each fold's rows judged by a model fitted on the other articles."""
    folds = article_folds(rows, repeat=0)
    total = {"righted": 0, "broken": 0}
    for fold in range(FOLDS):
        held = [r for r, f in zip(rows, folds) if f == fold]
        figures = righted_broken(_fit([r for r, f in zip(rows, folds) if f != fold]), held)
        total["righted"] += figures["righted"]
        total["broken"] += figures["broken"]
    return total


def fit_model(rows: Sequence[dict]) -> NonEventFilter:
    model = _fit(rows)
    about = {
        "fitted_on": "the acts dated by default to the report's day in the judged TUNING samples, matched to a "
                     "row of judged-gold/dates.tsv whose gold accepts either no day or the report's day (not both), "
                     "read with the model off",
        "rows": len(rows), "no_day": sum(r["none"] for r in rows),
        "model": f"scikit-learn LogisticRegression(C={REGULARISATION}); threshold {THRESHOLD}",
        "cross_validated": cross_validated(rows),
        "carry_test": carry_test(rows),
        "rebuild": "python -m dateline.eval.report_day_train --shared ../shared",
    }
    return NonEventFilter(model.weights, model.bias, model.threshold, about)


def written(model: NonEventFilter) -> str:
    return json.dumps(model.to_dict(), indent=1) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"), help="the shared folder (with eval/geo/lgl.xml)")
    parser.add_argument("--out", type=Path, default=MODEL_FILE, help="where to write the model (JSON)")
    parser.add_argument("--rows", type=Path, default=ROWS_FILE, help="the labelled rows: written, or read with --refit")
    parser.add_argument("--refit", action="store_true", help="refit from --rows without reading the articles")
    args = parser.parse_args(argv)
    if args.refit:
        rows = json.loads(args.rows.read_text(encoding="utf-8"))
    else:
        rows = labelled_rows(args.shared)
        args.rows.write_text(json.dumps(rows, indent=0) + "\n", encoding="utf-8")
    model = fit_model(rows)
    args.out.write_text(written(model), encoding="utf-8")
    print(f"wrote {args.out}: {len(rows)} rows ({model.about['no_day']} with no day); cross-validated "
          f"{model.about['cross_validated']}; carry test {model.about['carry_test']}")


if __name__ == "__main__":
    main()
