"""Re-extract the articles of the hand-judged samples with the current tree.

The judged listings (``src/dateline/eval/judged/*.tsv``) hold the events of the commit each
sample was drawn with. To measure a rule without judging a new sample, a scorer reads the same
articles again with the current sources and matches the new events to the judged ones by
(docid, trigger_start). This module does the reading: the articles are taken from LGL by docid
and cut as ``judged.draw`` cuts them (the title the corpus repeats at the head of the text is
left out, so trigger offsets agree with the listings), ingested into a fresh SQLite store with
pipeline defaults, and listed with ``judged.listing``.

By default every judged article, of all samples, is read into ONE store. A store is not only a
bag of articles: the home-region pass (``geo/home_region.py``) learns an outlet's region from the
store's other articles of that outlet, so an article's places can depend on which other articles
share its store. ``store_per_sample`` (``--store-per-sample``) reads each sample (seed) into a
store of its own, as each sample's listing was judged; both are stores a user could hold.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from dateline.eval.judged import LGL, cut, listing


# the parts of the date and place gold, in their fixed order: tuning (rules are chosen on it), check
# (annotated first, never looked at), fresh (a sample judged after the rules it checks were written)
PARTS = ("tuning", "check", "fresh")
# the keys under which a scorer's part holds the rows behind its figures (for reading, not for JSON)
ROW_KEYS = ("wrong", "errors", "still")


def figures_only(result: dict, part: str | None = None) -> dict:
    """A scorer's result with the rows behind each part's figures left out: what ``--json`` prints;
    with ``part``, that part's figures alone (``--part tuning``: while rules are chosen, the other
    parts' figures are not to be read, so they are not printed)."""
    return {name: {k: v for k, v in figures.items() if k not in ROW_KEYS} if isinstance(figures, dict) else figures
            for name, figures in result.items() if part is None or name == part}


def part_shown(part: str | None, errors: str | None) -> str | None:
    """The part whose figures a scorer's run prints: ``--part``, else the part whose wrong rows
    ``--errors`` lists (a run listing tuning's errors, to choose rules from, shows tuning's figures
    alone, not the other parts' beside them)."""
    return part or errors


def add_part_argument(parser: argparse.ArgumentParser) -> None:
    """``--part``: the one part whose figures a judged-gold scorer prints."""
    parser.add_argument("--part", choices=PARTS, help="print the figures of this part only (choosing rules: tuning)")


def wrong_lines(result: dict, part: str, wrong_line) -> list[str]:
    """One line per wrong row of a part, as the scorer's ``wrong_line`` writes it."""
    return [wrong_line(wrong) for wrong in result[part]["wrong"]]


def read_gold(path: Path) -> list[dict]:
    """A gold file of the judged samples: tab-separated, a header row, '#' lines are notes."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))


def parts_of(gold: list[dict]) -> list[str]:
    """The parts a gold holds, in the order of ``PARTS``."""
    present = {g["part"] for g in gold}
    return [part for part in PARTS if part in present]


def share(right: int, total: int) -> float | None:
    return round(right / total, 3) if total else None


def judged_articles(lgl: Path, docids: set[str]) -> list[dict]:
    """The LGL articles with these doc ids, as ``judged.draw`` gives them (title cut off the text)."""
    found = [cut(a) for a in ET.parse(lgl).getroot().findall("article") if a.get("docid") in docids]
    return [a for a in found if a["text"]]


def parsed_judged_articles(shared: Path, docids: set[str]):
    """The judged articles of ``docids`` read as dateline reads a JSONL file, each parsed: (docid,
    article, doc) in the order of the corpus, for the trainers that fit a model on judged rows."""
    from dateline.ingest.assemble import ReadOptions
    from dateline.ingest.jsonl import read_jsonl
    from dateline.model import Article
    from dateline.nlp import parse_many

    lines = "".join(json.dumps(a) + "\n" for a in judged_articles(shared / LGL, docids)).encode("utf-8")
    articles = [a for a in read_jsonl(lines, "judged", ReadOptions()) if isinstance(a, Article)]
    for article, doc in zip(articles, parse_many([a.text for a in articles])):
        yield (article.meta or {}).get("fields", {}).get("id", article.id[:12]), article, doc


def context_articles(lgl: Path, docids: set[str]) -> list[dict]:
    """The other LGL articles of the judged articles' outlets: what a user's store holds of an
    outlet besides one story, from which the outlet's home region is learned (unsupervised: only
    the program's own readings of their places count, no gold is read; ``geo/home_region.py``)."""
    found = [cut(a) for a in ET.parse(lgl).getroot().findall("article")]
    outlets = {a["outlet"] for a in found if a["id"] in docids}
    return [a for a in found if a["text"] and a["outlet"] in outlets and a["id"] not in docids]


def samples_of(gold: list[dict]) -> dict[str, set[str]]:
    """The doc ids of each sample (seed) a gold holds rows of."""
    samples: dict[str, set[str]] = {}
    for row in gold:
        samples.setdefault(row["seed"], set()).add(row["docid"])
    return samples


def read_into_store(shared: Path, docids: set[str], out: Path, context: bool = False) -> Path:
    """A fresh store in ``out`` holding these judged articles, read by the current tree's
    pipeline (``dateline ingest`` and ``extract``, as a user runs them). ``context``: the store
    first holds the outlets' other LGL articles too (``context_articles``), read alike; only the
    judged articles' events are listed."""
    out.mkdir(parents=True, exist_ok=True)
    corpus, db = out / "articles.jsonl", out / "store.db"
    if db.exists():
        db.unlink()  # always a fresh store: the figures are of this tree alone
    with corpus.open("w", encoding="utf-8") as handle:
        for article in (context_articles(shared / LGL, docids) if context else []) + judged_articles(shared / LGL, docids):
            handle.write(json.dumps(article) + "\n")
    command = str(Path(sys.executable).with_name("dateline"))
    for step in (["ingest", str(corpus)], ["extract"]):
        subprocess.run([command, *step, "--db", str(db)], check=True, stdout=subprocess.DEVNULL)
    return db


def add_run_arguments(parser: argparse.ArgumentParser, gold: Path) -> None:
    """The options every judged-gold scorer's own command takes (``python -m dateline.eval.event_places``,
    ``event_types``): where the data and the gold are, and a kept or earlier listing."""
    parser.add_argument("--shared", type=Path, required=True)
    parser.add_argument("--gold", type=Path, default=gold)
    parser.add_argument("--work", type=Path, help="keep the store and the listed events here")
    parser.add_argument("--rows", type=Path, help="score events listed before (rows.json of --work) instead of extracting")
    parser.add_argument("--outlet-context", action="store_true",
                        help="read the judged articles in a store that also holds their outlets' other LGL articles "
                             "(the outlets' home regions learned from them; default: the judged articles alone)")
    parser.add_argument("--store-per-sample", action="store_true",
                        help="read each sample (seed) into a store of its own, as its listing was judged (default: "
                             "every sample's articles in one store; the outlets' home regions are learned over a store, "
                             "so the two can differ)")
    add_part_argument(parser)


def scored(shared: Path, gold_path: Path, score, context: bool = False, store_per_sample: bool = False) -> dict:
    """A judged-gold scorer's figures for the current tree: its gold read, its articles read again
    (``context``: see ``read_into_store``; ``store_per_sample``: each sample in a store of its own), scored."""
    rows = read_gold(gold_path)
    return score(rows, read_again(shared, rows, context=context, store_per_sample=store_per_sample))


def scorer_main(argv: list[str] | None, description: str, gold: Path, score, what_is_wrong: str, wrong_line) -> int:
    """The command of a judged-gold scorer whose ``score`` gives each part's figures with its wrong rows
    under ``wrong`` (``event_types``, ``event_roles``): the figures as one JSON object, then with
    ``--errors PART`` one line per wrong row of that part, as ``wrong_line`` writes it."""
    parser = argparse.ArgumentParser(description=description)
    add_run_arguments(parser, gold)
    parser.add_argument("--errors", choices=PARTS, help=f"print the wrong {what_is_wrong} of one part (choose rules from tuning only)")
    parser.add_argument("--json", action="store_true", help="(the figures are always one JSON object)")
    args = parser.parse_args(argv)
    rows = read_gold(args.gold)
    result = score(rows, rows_for(args, rows))
    print(json.dumps(figures_only(result, part_shown(args.part, args.errors))))
    if args.errors:
        print("\n".join(wrong_lines(result, args.errors, wrong_line)))
    return 0


def rows_for(args: argparse.Namespace, gold: list[dict]) -> list[dict]:
    """The events to score for a scorer's command: the listing of an earlier run (``--rows``), or
    the gold's articles read now (``--store-per-sample``: each sample into its own store), the
    listing kept in ``--work`` as rows.json for the next run."""
    if args.rows:
        return json.loads(args.rows.read_text(encoding="utf-8"))
    extracted = read_again(args.shared, gold, args.work, context=getattr(args, "outlet_context", False),
                           store_per_sample=getattr(args, "store_per_sample", False))
    if args.work:
        (args.work / "rows.json").write_text(json.dumps(extracted), encoding="utf-8")
    return extracted


def read_again(shared: Path, gold: list[dict], work: Path | None = None, context: bool = False,
               store_per_sample: bool = False) -> list[dict]:
    """The listing of a gold's articles read now: all in one store (``rerun``), or each sample in a
    store of its own (``rerun_per_sample``)."""
    if store_per_sample:
        return rerun_per_sample(shared, samples_of(gold), work, context=context)
    return rerun(shared, {g["docid"] for g in gold}, work, context=context)


def rerun(shared: Path, docids: set[str], work: Path | None = None, context: bool = False) -> list[dict]:
    """The current tree's events of these judged articles, one row per event as ``judged.listing``
    lists them. ``work`` keeps the store (a fresh temporary folder when not given); ``context``:
    see ``read_into_store``."""
    with tempfile.TemporaryDirectory(prefix="judged-rerun-") as scratch:
        db = read_into_store(shared, docids, Path(work) if work else Path(scratch), context)
        return listing(db, docids if context else None)


def rerun_per_sample(shared: Path, samples: dict[str, set[str]], work: Path | None = None,
                     context: bool = False, jobs: int = 1) -> list[dict]:
    """``rerun`` of each sample (seed -> its doc ids) into a store of its own: no sample's articles
    share a store with another's, so an outlet's home region is learned from that sample's articles
    alone (``context``: and the outlet's other LGL articles). The rows of all samples, in seed order,
    shaped as ``rerun``'s (``n`` counts within each store); ``work`` keeps each store in
    ``work/seed-SEED``. A doc id in two samples is read in each, its rows kept once (the first).
    ``jobs``: how many samples are read at once (each its own ``dateline`` processes; the rows do not
    depend on it)."""
    seeds = sorted(samples)

    def read(seed: str) -> list[dict]:
        return rerun(shared, samples[seed], Path(work) / f"seed-{seed}" if work else None, context)

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        listings = list(pool.map(read, seeds))
    rows, seen = [], set()
    for listing_rows in listings:
        for row in listing_rows:
            key = (row["docid"], row["trigger_start"])
            if key not in seen:
                seen.add(key)
                rows.append(row)
    return rows
