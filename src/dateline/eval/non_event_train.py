"""Fit the learned non-event filter on the judged TUNING samples (issue 11).

``python -m dateline.eval.non_event_train --shared DIR`` rebuilds
``dateline/events/models/non_event_filter.json`` deterministically: the tuning articles of the
judged gold (``judged-gold/places.tsv``, part ``tuning``) are read by the current tree with the
filter off; every event matched to a judged row by (docid, trigger_start), as the gold scorers
match them, is labelled by the reader's verdict (real Y: keep, N: drop) and described by
``dateline.events.non_event_features``; a logistic regression is fitted, and its threshold chosen
from probabilities each tuning article got from a model fitted on the other articles (grouped
5-fold cross-validation, repeated over ten random assignments of articles to folds and averaged:
with ~80 non-events, one split's table swings by several events from one threshold to the next,
and a threshold chosen on one split lost real events on the check samples). The check and fresh
rows are never read here.

The threshold: the one that drops the most non-events while the cross-validated tuning rows lose at most
``REAL_LOSS_BUDGET`` real events per ``BUDGET_ROWS`` rows (stop 44; before, the least ``3 x real lost -
non-events dropped``). Chosen by a carry test: the tuning samples split in two halves by seed, each
half's threshold chosen by its own cross-validation and the model fitted on it applied to the other
half. The cost rule's threshold jumped between the two halves (0.95 and 0.985: 17 dropped for 4 real
lost on the held-out halves, with the stop-43 features), where the curve of "cost x lost - dropped" has
several near-equal minima; a budget of 1 to 2 per 2,500 rows held (14 for 0 and 18 for 3; with the
stop-44 features 15 for 0 and 19 for 0, where the cost rule gave 7 for 0). A second split (seed // 2 by
parity): stop-43 features cost rule 5 / 0, budget 2 6 / 1; stop-44 features cost rule 5 / 0, budget 2 8 / 1.
Both splits summed, with the stop-44 features: budget 2 27 / 1, cost rule 12 / 0.

How far it bites (stop 36, 1860 rows, 126 non-events): 3.7 non-events dropped for 0.6 real lost at
0.98, 13.3 for 6.2 at 0.95. A boosted-tree model and a prior of the trigger's lemma fitted on the same
rows did no better: the readers' verdicts on one construction disagree ("charged with robbery" real,
"charged with mail fraud" none), so what the rows share is weighed, and the narrow rules
(events/non_events.yaml) do the rest.

Stop 42 (2,419 rows, 172 non-events, C and thresholds unchanged): a date carried from an earlier
sentence (``date_carried``) is the one feature of sixteen tried that cross-validated better: 12.1
non-events dropped for 0.6 real lost at 0.975, against 11.6 for 1.3 without it; C 0.05, 0.2, 0.3,
thresholds between 0.95 and 0.975 by 0.005, three interactions (score 8.3 to 9.6 against 10.3) and a
boosted-tree model (HistGradientBoosting, depth 3: 4.0 dropped for 0.7 lost at its best) did no better.

Stop 44 (2,562 rows, 183 non-events; dropped / real lost at the old cost rule's 0.975, and at most 2 real lost
per 2,500 rows on the fine grid): the cues of stop 43's dropped hand rules weighed together. The stop-43 features
14.0 / 1.3 and 15.4 / 2.0; with ``date_after_report``, ``gerund_of_a_practice``, ``bare_singular_noun`` and
``sentence_without_past`` 14.9 / 0.9 and 16.4 / 1.3 (average precision 0.504 -> 0.508); on the held-out halves
of the carry test 19 / 0 against 18 / 3. Tried and left out: an adverb of habit or "every" + a unit of time in
the clause (14.1 / 1.3 alone), the infinitive of a word of schedule or need ("is scheduled to", fires on 2
rows), a relative clause in the present and an event noun as the subject of a present "be" (each 0.0-0.1 from
the set), the article's share of present-tense main verbs (14.4 / 0.9 with the set). C 0.05 cross-validated
better within the budget (19.1 / 1.6 against 16.4 / 1.3) but on the carry test its halves' thresholds sat at
the grid's floor then (0.95) and it held worse (13 / 0, against 19 / 0 at C 0.1): C stays 0.1; 0.2 and 0.3
no better.

Stop 45 (2,604 rows, 185 non-events; AO joined tuning): a richer representation beside the features, each
compared by the cross-validation (dropped / real lost at the budget of 2 per 2,500 rows, and average
precision), the carry test (held-out halves, summed, by seed parity and by seed // 2 parity) and the
held-out halves' ranking (non-events dropped on the four held-out halves at 0, 1, 2, 4 real lost each). The
features alone (C 0.1): 16.4 / 1.6, AP 0.514; carry 20 / 0 + 9 / 1; ranking 35, 36, 46, 65. Kept: the clause
cues (``non_event_features.clause_cues``: tag, link and morphology of the trigger, of its clause's verb and
of the verb above; their auxiliaries, adverbs and negation by lemma; the subject's tag and determiner; the
trigger's determiner; the sentence's verb tags, adverbs and modals; no noun, verb or adjective of the
content), those seen in 8+ articles (198), columns scaled by 0.2: 19.4 / 1.3, AP 0.530; carry 22 / 1 + 14 /
1; ranking 36, 39, 55, 69; at budgets 4 and 8: 25.9 / 4.0 and 30.0 / 7.0 (features alone 21.8 / 3.3 and 28.9
/ 7.7). Tried and left out: the same bag with content words (the dependency-labelled lemmas of both clauses
and the words around the trigger, 1,545 columns) at scale 1 (11.5 / 1.3; carry 21 / 2 + 11 / 4), 0.5, 0.3
(20.0 / 1.7; carry 21 / 2 + 16 / 2; ranking 29, 40, 58, 71), 0.2; the cues at scale 0.3 and 0.5 (20.7 / 1.8
and 20.4 / 1.8, carry 38 / 3 and 33 / 4) and seen in 3+ articles (404 columns: no better); the model has no
static word vectors (en_core_web_sm), and the tok2vec tensor of the trigger and the sentence's mean (192
columns) cross-validated better at scale 1 (20.1 / 1.2) but carried worse (22 / 6 + 17 / 2); at 0.5 and 0.3
it was no better than the features; with the cues (21.5 / 1.9, carry 23 / 1 + 14 / 1, ranking 37, 40, 54,
70) no better than the cues alone, and a tensor ties the filter to the parser's weights. C 0.05 and 0.2 with
the cues (18.9 / 1.7 and 21.6 / 1.6; carry 22 / 1 + 19 / 3 and 19 / 1 + 12 / 3) and L1 (14.5 / 1.6) no
better.

Stop 48 (2,865 rows, 204 non-events; AR joined tuning; dropped / real lost at the budget, 10 repeats, and average
precision): the shipped features 20.1 / 1.8 at 0.97, AP 0.504. Kept: ``belief_or_supposition`` (a verb of
believing with a clause as the trigger, a modal perfect, a perfect infinitive under a passive of believing or
saying; on 14 rows, 7 non-events) 20.5 / 1.6, AP 0.510 (screened on the cached rows; the refit's own figures
are in the commit). Tried and left out (each added alone): a mark of habit on the trigger, its clause or the verb
above (a rate "each day", "per", "year round", an adverb of frequency, "for years", "used to"; on 14 rows, 3
non-events: the hand rules drop the rest) 19.9 / 1.6, AP 0.504; an event noun as the subject of "continue" or
after "under" 20.0 / 2.1; an infinitive on a noun ("money to repair") 19.6 / 1.8; a gerund after a preposition in
a sentence with no past 20.0 / 1.8; the belief verb alone 20.0 / 1.8 (AP 0.508), the supposition alone 20.1 / 1.8.

Stop 52 (3,142 rows, 230 non-events: the tuning labels as adjudicated at stop 51, after stop 51's hand rules;
dropped / real lost at the budget, 10 repeats, AP; carry: the older half A-AH and the recent AI-AU, each fitted,
thresholded by its own cross-validation and applied to the other, summed (older -> recent, recent -> older), and by
seed parity). Why stop 51's refits broke the language tests: refitted plain (C 0.1, cues at 0.2) 22.6 / 2.5 at
0.9725, AP 0.508, and ``generic_undated`` +0.19 -> -0.07 (``attributed``, ``modality_claimed``, ``noun_trigger``,
``sentence_without_past``, ``bare_plural_trigger``, ``habitual_present``, ``dated_in_its_sentence`` turned too);
``governed_by_present_or_modal`` (+0.65) and ``bare_noun_after_preposition`` (+0.43) stayed positive in 50 and 49 of
50 bootstrap resamples of the articles, ``generic_undated`` in 16 (mean -0.07, sd 0.22; older half alone -0.11,
recent +0.12). It is the "or" of its parts (``generic_subject`` r 0.70, ``habitual_present``, ``bare_plural_trigger``,
``bare_noun_after_preposition``) with no date in the sentence: R2 0.72 on the other features, 0.55 on the cues
(``cst:NNS`` r 0.62), VIF 3.5 (3.9 with the cues); on its 282 rows (35 non-events, 0.12 against 0.07 overall) it
mostly reads a bare plural subject of an act told ("residents marched"), so beside its parts it weighs ~0 and the
labels' noise picks its sign. Options: cues at 0.1 18.9 / 2.4, AP 0.499, carry 19 / 6 (10 / 0, 9 / 6), parity 21 /
1, ``generic_undated`` -0.06; at 0.05 18.4 / 2.5, AP 0.495, carry 21 / 6, parity 19 / 3, -0.06; weights held >= 0
(scipy L-BFGS-B, the same loss) on the three tested features 22.6 / 2.4, AP 0.509, carry 23 / 6, parity 19 / 1, and
on the 24 whose lean the language fixes 22.6 / 2.4, AP 0.510, carry 23 / 6: ``generic_undated`` held at 0.000 (the tests ask > 0);
the 21 cues correlated 0.2+ with one of the three tested features left out 21.1 / 2.5, AP 0.502, carry 19 / 5, parity
21 / 2, -0.05 (the 52 cues correlated 0.5+ with any feature: not finished);
C 0.2 21.0 / 2.2 at 0.9825, carry 20 / 4, parity 18 / 2, -0.19; C 0.05 19.0 / 2.2 at 0.9625, AP 0.504, carry 21 / 5
(10 / 0, 11 / 5), parity 20 / 2, +0.003 (the tests pass). Best that passes the language tests: C 0.05 with the 24 features whose lean the language fixes (wanted, planned, believed, habitual, of a kind, still to come) held >= 0 (the bound
holds ``in_condition``, ``in_question``, ``theme_of_a_noun`` and ``in_a_name`` at 0): 18.8 / 2.1 at 0.9625, AP
0.505 (older half 13.3 / 2.1, recent 5.5 / 0.0), carry 21 / 5 against the plain refit's 23 / 6;
``generic_undated`` +0.0035, ``governed_by_present_or_modal`` +0.56, ``bare_noun_after_preposition`` +0.31: the lean
of ``generic_undated`` is at the edge, and a later refit may hold it at 0 (a test of > 0 then fails: what it adds
beside its parts is nothing the labels show). End to end on tuning (event_places, one store) against stop 48's
filter: non-events still extracted 196 -> 196 of 597 (older half 99 -> 102: 2 more dropped, 5 back; recent 97 ->
94: 3 more dropped, none back), real events found 2,897 of 2,963 unchanged in both halves.
Not shipped: the older half loses 3 (net -3) where the recent gains 3, so it fails the two-halves test, and
``generic_undated``'s lean of +0.0035 would pass the language test by a hair; stop 48's filter stays, and the bounded
fitter (a scipy L-BFGS-B over the same loss, ~40 lines) was not kept. A next step: narrow ``generic_undated``
to clauses not told in the past, so it adds something beside its parts.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from dateline.eval.judged_rerun import parsed_judged_articles, read_gold
from dateline.events.non_event_features import CUE_PREFIX, FEATURES
from dateline.events.non_events import FILTER_FILE, NonEventFilter

GOLD = Path(__file__).with_name("judged-gold") / "places.tsv"
FOLDS = 5
REPEATS = 10  # random assignments of articles to folds, averaged
# scikit-learn's C: ~830 rows, ~60 features. Chosen by the repeated cross-validation among 0.03, 0.05,
# 0.1, 0.3, 1 (best "non-events dropped - 3 x real lost": +2.4, +2.9, +3.7, +1.5, -0.2)
REGULARISATION = 0.1
# the clause cues (stop 45): only those seen in this many articles, their columns scaled down (the same
# L2 penalty then holds their weights 1 / CUE_SCALE ** 2 times as hard as the features')
CUE_MIN_ARTICLES = 8
CUE_SCALE = 0.2
REAL_LOSS_BUDGET = 2.0  # real events lost, cross-validated, per BUDGET_ROWS rows
BUDGET_ROWS = 2500
# 0.2 .. 1.0 by 0.025, and by 0.005 above 0.975: the threshold chosen sits near the top (the few
# non-events the filter tells apart at all are there), where a step of 0.025 jumped over the best
# (stop 44: by 0.0025 from 0.9, where the budget's threshold sits: 0.97 at C 0.1, 0.955 at C 0.05)
THRESHOLDS = tuple(sorted({round(0.2 + 0.025 * step, 3) for step in range(28)}
                          | {round(0.9 + 0.0025 * step, 4) for step in range(41)}))


def labelled_events(shared: Path, part: str = "tuning", gold_path: Path = GOLD) -> list[dict]:
    """Every event of the part's judged articles that matches a judged row: docid, its features
    (a list in the order of ``FEATURES``), and whether the reader judged it no event."""
    from dateline.events.non_event_features import features
    from dateline.pipeline import Stages, read_article

    verdicts = {(g["docid"], g["trigger_start"]): g["real"] for g in read_gold(gold_path) if g["part"] == part}
    docids = {docid for docid, _ in verdicts}
    stages = Stages.load()
    rows = []
    for docid, article, doc in parsed_judged_articles(shared, docids):
        starts = [s.start_char for s in doc.sents]
        for event in read_article(article, doc, stages, learned_filter=False).events:
            verdict = verdicts.get((docid, str(event.trigger.start if event.trigger else "")))
            if verdict not in {"Y", "N"}:
                continue  # an event no reader judged (found since the sample was listed)
            index = sum(1 for s in starts if s <= event.trigger.start) - 1
            values = features(event, doc, index, article.published)
            rows.append({"docid": docid, "trigger_start": event.trigger.start, "trigger": event.trigger.text,
                         "features": [values[name] for name in FEATURES], "none": verdict == "N",
                         "cues": sorted(name[len(CUE_PREFIX):] for name in values if name.startswith(CUE_PREFIX))})
    return rows


def cue_vocabulary(rows: list[dict]) -> list[str]:
    """The clause cues (``non_event_features.clause_cues``) seen in at least ``CUE_MIN_ARTICLES``
    articles of the rows: the rarer ones would be weighed by one or two articles' verdicts."""
    articles: dict[str, set[str]] = {}
    for r in rows:
        for cue in r.get("cues", ()):
            articles.setdefault(cue, set()).add(r["docid"])
    return sorted(cue for cue, seen in articles.items() if len(seen) >= CUE_MIN_ARTICLES)


def design(rows: list[dict], cues: Sequence[str]) -> np.ndarray:
    """The rows' features, then each cue of the vocabulary (``CUE_SCALE`` where the row shows it)."""
    column = {cue: k for k, cue in enumerate(cues)}
    shown = np.zeros((len(rows), len(cues)))
    for i, r in enumerate(rows):
        for cue in r.get("cues", ()):
            if cue in column:
                shown[i, column[cue]] = CUE_SCALE
    return np.hstack([np.array([r["features"] for r in rows], dtype=float).reshape(len(rows), -1), shown])


def _fit(x: np.ndarray, y: np.ndarray):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=REGULARISATION, max_iter=5000, class_weight="balanced").fit(x, y)


def article_folds(rows: list[dict], repeat: int) -> np.ndarray:
    """Each row's fold: the articles shuffled with the repeat's seed and dealt to the folds in turn,
    so the rows of one article are always held out together."""
    docids = sorted({r["docid"] for r in rows})
    order = np.random.default_rng(repeat).permutation(len(docids))
    fold_of = {docids[i]: position % FOLDS for position, i in enumerate(order)}
    return np.array([fold_of[r["docid"]] for r in rows])


def cross_validated(rows: list[dict], repeat: int = 0) -> np.ndarray:
    """Each row's probability of being no event, from a model fitted on the other articles."""
    x = design(rows, cue_vocabulary(rows))
    y = np.array([r["none"] for r in rows])
    folds = article_folds(rows, repeat)
    probability = np.zeros(len(rows))
    for fold in range(FOLDS):
        held_out = folds == fold
        probability[held_out] = _fit(x[~held_out], y[~held_out]).predict_proba(x[held_out])[:, 1]
    return probability


def by_threshold(rows: list[dict], probabilities: Sequence[np.ndarray]) -> dict[float, dict]:
    """Non-events dropped and real events lost at each threshold, averaged over the repeats."""
    none = np.array([r["none"] for r in rows])
    return {t: {"non_events_dropped": round(float(np.mean([((p >= t) & none).sum() for p in probabilities])), 1),
                "real_events_lost": round(float(np.mean([((p >= t) & ~none).sum() for p in probabilities])), 1)}
            for t in THRESHOLDS}


def choose_threshold(table: dict[float, dict], rows: int) -> float:
    """The threshold that drops the most non-events within the budget of real events lost (of the
    equal ones, the highest); 1.0 (nothing dropped) when none keeps within it."""
    budget = REAL_LOSS_BUDGET * rows / BUDGET_ROWS
    within = [t for t in table if table[t]["real_events_lost"] <= budget]
    return max(within, key=lambda t: (table[t]["non_events_dropped"], t), default=1.0)


def fit_filter(rows: list[dict]) -> NonEventFilter:
    table = by_threshold(rows, [cross_validated(rows, repeat) for repeat in range(REPEATS)])
    threshold = choose_threshold(table, len(rows))
    cues = cue_vocabulary(rows)
    model = _fit(design(rows, cues), np.array([r["none"] for r in rows]))
    about = {
        "fitted_on": "the events of the judged TUNING samples matched to a judged row (judged-gold/places.tsv), "
                     "extracted with the filter off",
        "rows": len(rows), "non_events": sum(r["none"] for r in rows),
        "model": f"scikit-learn LogisticRegression(C={REGULARISATION}, class_weight='balanced'); the clause cues "
                 f"seen in {CUE_MIN_ARTICLES}+ articles, each column scaled by {CUE_SCALE} (a stronger L2 on them)",
        "threshold_by": f"grouped {FOLDS}-fold cross-validation over tuning articles, {REPEATS} random "
                        f"assignments of articles to folds averaged: the most non-events dropped with at most "
                        f"{REAL_LOSS_BUDGET} real events lost per {BUDGET_ROWS} rows",
        "cross_validated": {str(t): v for t, v in table.items()},
        "rebuild": "python -m dateline.eval.non_event_train --shared ../shared",
    }
    # a cue's column held CUE_SCALE where the row showed it, and the filter reads it as 1.0
    names = (*FEATURES, *(CUE_PREFIX + cue for cue in cues))
    scales = (*(1.0 for _ in FEATURES), *(CUE_SCALE for _ in cues))
    weights = {name: round(float(w) * scale, 4) for name, w, scale in zip(names, model.coef_[0], scales, strict=True)}
    return NonEventFilter(weights, round(float(model.intercept_[0]), 4), threshold, about)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, required=True, help="the shared folder (with eval/geo/lgl.xml)")
    parser.add_argument("--out", type=Path, default=FILTER_FILE, help="where to write the filter (JSON)")
    parser.add_argument("--rows", type=Path, help="keep the labelled rows here (JSON), or read them if it exists")
    args = parser.parse_args(argv)
    if args.rows and args.rows.exists():
        rows = json.loads(args.rows.read_text(encoding="utf-8"))
    else:
        rows = labelled_events(args.shared)
        if args.rows:
            args.rows.write_text(json.dumps(rows), encoding="utf-8")
    model = fit_filter(rows)
    args.out.write_text(json.dumps(model.to_dict(), indent=1) + "\n", encoding="utf-8")
    chosen = model.about["cross_validated"][str(model.threshold)]
    print(f"wrote {args.out}: {len(rows)} rows ({model.about['non_events']} non-events), threshold {model.threshold}, "
          f"cross-validated: {chosen['non_events_dropped']} non-events dropped, {chosen['real_events_lost']} real lost")


if __name__ == "__main__":
    main()
