"""Rebuild the shipped event-type model: ``python -m dateline.events.train --shared DIR``
(``make train``).

Trains on our own example sentences (``training_data/``) plus the *tuning part* of the CASE
2021 Task 2 development snippets in ``DIR/eval/events/`` (``dateline.eval.events.split_parts``:
the check part is never trained on, so that the shipped model's score on it is the honest
figure for unseen snippets), with fixed seeds, and writes ``models/event_types.joblib`` with a
record of what it was trained on. Training the same data twice gives the same model. Without
the shared folder it trains on our own sentences alone (and says so).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

from dateline.eval.events import SPLIT_RULE, TUNING, split_parts
from dateline.events.classifier import (
    MODEL_PATH,
    SEED,
    ClassifierDataError,
    EventTypeClassifier,
    load_training_examples,
    read_labelled_rows,
    text_key,
    with_paragraphs,
)

DEV_FILE = Path("eval") / "events" / "case2021-task2-dev.tsv"


def train(shared: Path | None, out: Path = MODEL_PATH) -> dict:
    """Train and save the model; return what was done (counts, time, file size)."""
    started = time.perf_counter()
    sentences, sentence_labels = load_training_examples()
    own_texts, own_labels = with_paragraphs(sentences, sentence_labels)
    texts, labels = list(own_texts), list(own_labels)
    sources = {"own examples": len(sentences), "paragraphs of them": len(own_texts) - len(sentences)}
    dev_path = Path(shared) / DEV_FILE if shared else None
    if dev_path is not None and dev_path.exists():
        dev_ids, dev_texts, dev_labels = read_labelled_rows(dev_path)
        tuning = [i for i, part in enumerate(split_parts(dev_ids, dev_labels)) if part == TUNING]
        texts += [dev_texts[i] for i in tuning]
        labels += [dev_labels[i] for i in tuning]
        sources[f"{DEV_FILE}, tuning part"] = len(tuning)
    real_news = [index >= len(own_texts) for index in range(len(texts))]
    model = EventTypeClassifier().fit(texts, labels, fit_temperature=True, calibrate_on=real_news, real_news=real_news)
    import sklearn

    model.metadata = {
        "seed": SEED,
        "sources": sources,
        "labels": dict(sorted(Counter(labels).items())),
        "scikit_learn": sklearn.__version__,
        "development_split": SPLIT_RULE,
        # fingerprints, not texts: the scorer asks "has the model seen this snippet?"
        "trained_on": sorted({text_key(text) for text in texts}),
    }
    path = model.save(out)
    return {
        "model": str(path),
        "sources": sources,
        "labels": len(set(labels)),
        "temperature": model.temperature,
        "seconds": round(time.perf_counter() - started, 1),
        "bytes": path.stat().st_size,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dateline.events.train", description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=os.environ.get("DATELINE_SHARED"),
                        help="the shared folder holding eval/events/case2021-task2-dev.tsv")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="where to write the model")
    options = parser.parse_args(argv)
    if options.shared is None or not (Path(options.shared) / DEV_FILE).exists():
        print(f"dateline train: {DEV_FILE} not found under --shared; training on our own examples only", file=sys.stderr)
    try:
        report = train(options.shared, options.out)
    except ClassifierDataError as error:
        print(f"dateline train: {error}", file=sys.stderr)
        return 2
    sources = ", ".join(f"{count} {name}" for name, count in report["sources"].items())
    print(f"wrote {report['model']} ({report['bytes'] / 1e6:.1f} MB): {report['labels']} labels from {sources}; "
          f"temperature {report['temperature']}; {report['seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
