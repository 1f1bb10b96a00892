"""Measure (exploration, stop 33): the judged-gold places when the outlets' home regions are learned
over ALL of LGL beforehand and given to the map step as a prior (the corpus known in advance), rather
than learned over the judged store alone (3-4 articles per outlet there) by the reduce step's pass.

    PYTHONPATH=src python scripts/home_region_prior_judged.py --shared /work/shared --work /tmp/x [--no-homes]

LGL's articles are parsed once for their places (geo only), each domain's home region learned
(``geo.home_region``); the judged articles are then ingested into a fresh store in ``--work`` and
extracted in this process with those homes in the Stages (the reduce step's own pass off). Prints
the place figures of each part (JSON) and writes rows.json for the types and roles scorers.
``--no-homes`` gives the same run without homes: the control, equal to the CLI's judged rerun.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import shutil
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import dateline.pipeline as pipeline
from dateline.config import SETTINGS
from dateline.eval import event_places, judged_rerun
from dateline.eval.judged import LGL, cut, listing
from dateline.geo import default_gazetteer, find_places
from dateline.geo.home_region import home_regions, region_evidence
from dateline.model import Article
from dateline.nlp import parse_many
from dateline.store import open_store


def lgl_home_regions(lgl: Path, gazetteer) -> dict:
    articles = [a for a in (cut(e) for e in ET.parse(lgl).getroot().findall("article")) if a["text"]]
    evidence = defaultdict(list)
    for a, doc in zip(articles, parse_many([a["text"] for a in articles], batch_size=32)):
        article = Article(id=a["id"], text=a["text"], url=a["url"], outlet=a["outlet"])
        evidence[a["outlet"]].append(region_evidence(find_places(article, doc, gazetteer), gazetteer))
    return home_regions(evidence)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--no-homes", action="store_true")
    args = parser.parse_args()
    gazetteer = default_gazetteer()
    homes = {} if args.no_homes else lgl_home_regions(args.shared / LGL, gazetteer)
    gold = event_places.read_gold()
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    with (args.work / "articles.jsonl").open("w", encoding="utf-8") as handle:
        for article in judged_rerun.judged_articles(args.shared / LGL, {g["docid"] for g in gold}):
            handle.write(json.dumps(article) + "\n")
    object.__setattr__(SETTINGS.geo, "home_region_pass", False)  # the homes come from LGL, not the store
    store = open_store(str(args.work / "store.db"))
    try:
        store.ingest([args.work / "articles.jsonl"])
        pipeline.process(store, stages=dataclasses.replace(pipeline.Stages.load(gazetteer=gazetteer), home_regions=homes))
    finally:
        store.close()
    rows = listing(args.work / "store.db")
    (args.work / "rows.json").write_text(json.dumps(rows), encoding="utf-8")
    print(json.dumps({"home_regions": len(homes)} | judged_rerun.figures_only(event_places.score(gold, rows))))


if __name__ == "__main__":
    main()
