"""Events on news dateline was never tuned on, judged by hand field by field (issue 11's
"hand-judged unseen-news sample").

A sample is drawn at random (a stated seed) from a POOL of LGL articles (local news, 2009) that no
earlier sample drew, read by the pipeline into a fresh store, and every extracted event is listed for
a reader:

    python -m dateline.eval.judged sample OUT_DIR --shared ../shared --seed 20261203 --articles 14

The pools (``--pool``; ``python -m dateline.eval.judged left --shared ../shared`` says how many
articles each has left):

- ``lgl-odd`` (the default; samples A to Y, which spent it): LGL's CHECK half, the articles at odd positions of
  ``lgl.xml``, which no rule of dateline was chosen from. A draw asking for more articles than it has
  left stops with a one-line error that says how many are left; it never draws fewer.
- ``lgl-even``: LGL's EVEN half, the articles at even positions. They were read to tune the GEO
  recogniser and resolver (their gold places were scored), never to choose an event, date, type, role
  or non-event rule: a sample from there is blind for those fields and OPTIMISTIC for places (report
  its place figures as such). Named explicitly (``--pool lgl-even``), never used by default.

GeoVirus (Wikinews) is no pool and cannot become one: none of its 227 reports states its publication
date, and its texts are the demo corpus, read to choose event, date, type, role and place rules, so a
sample from it would be neither dated nor unseen. No other corpus in shared/ is both (docs/judging.md).

``sample`` writes ``OUT_DIR/to-judge.tsv``: a ``# sample:`` line naming the pool (``pool lgl-even``),
the seed and how many articles were left, a ``# drawn:`` line with every article drawn (keep both
lines), then one row per event with its type, modality, trigger, date, places, doer, target and
sentence, and empty judgement columns. A ``# sample:`` line that names no pool (samples A to Y) is of
``lgl-odd``. The reader fills the columns, reading the article:

- ``real``: Y when the record is an event the text reports (a statement counts; a state such as
  "houses for sale", a hypothetical, a word inside a quotation or a title is N);
- ``statement``: S when the event is a statement (someone said, told, declared);
- ``type``: Y / N for real events that are not statements (``-`` for statements);
- ``date``: Y when the event's date is the one the text gives or implies for it; an undated
  statement may carry the article's date or the day before it;
- ``place``: Y when the places are the event's (a wrong extra place, or none where the text
  gives one, is N; none where the text gives none is Y);
- ``source`` / ``target``: Y when the doer / the one acted on is right (or rightly empty).

The conventions the readers keep from one sample to the next (statements at a dated occasion, earlier
acts with no day, a town's body acting in its town, ...) are written in ``docs/judging.md``.

The filled file goes to ``src/dateline/eval/judged/`` with the commit the listing was made
with, named for its pool and seed (``lgl-check-seed-SEED.tsv`` for ``lgl-odd``, ``lgl-even-seed-SEED.tsv``
for ``lgl-even``); ``make eval`` scores every file there, in seed order. The figures are of that commit's extraction, not
of the tree scoring them: re-judging means drawing a fresh sample (another seed, articles not
judged before).
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import random
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from dateline.ingest.dedupe import DEFAULT_NEAR_THRESHOLD, signature, similarity

JUDGED_DIR = Path(__file__).with_name("judged")
LISTINGS = "lgl-*.tsv"  # the judged listings (the folder also holds their date gold: event_dates.py)
LGL = Path("eval/geo/lgl.xml")
LISTED = ("docid", "published", "title", "n", "type", "modality", "trigger", "trigger_start", "date", "places",
          "source", "target", "sentence")
JUDGED = ("real", "statement", "type_ok", "date_ok", "place_ok", "source_ok", "target_ok", "note")
GOALS = {"precision": 0.90, "type": 0.90, "date": 0.85, "place": 0.85}  # issue 11's bars


# --- the pools samples are drawn from -------------------------------------------------------------


@dataclass(frozen=True)
class Pool:
    """A set of LGL articles samples are drawn from: every second article from ``first``."""
    name: str
    first: int  # the position of its first article in lgl.xml; the pool takes every second one from there
    about: str  # as a listing's ``# sample:`` line says it


POOLS = {pool.name: pool for pool in (
    Pool("lgl-odd", 1, "LGL's check half (odd positions)"),
    # read to tune the geo recogniser and resolver, never an event rule: optimistic for places only
    Pool("lgl-even", 0, "LGL's even half (even positions, read to tune the geo rules only)"),
)}
DEFAULT_POOL = "lgl-odd"  # a listing whose ``# sample:`` line names no pool was drawn from here (samples A to Y)


class PoolTooSmall(ValueError):
    """A draw asked for more articles than its pool has left: never draw fewer silently."""


def pool_articles(lgl: Path, pool: str = DEFAULT_POOL) -> list[ET.Element]:
    """Every article of a pool, in the order of ``lgl.xml``."""
    return _articles(Path(lgl).resolve(), Path(lgl).stat().st_mtime_ns)[POOLS[pool].first::2]


@functools.lru_cache(maxsize=4)
def _articles(lgl: Path, modified: int) -> list[ET.Element]:
    # parsed once per file and version: drawn_before replays a score of draws, each reading the same corpus
    return ET.parse(lgl).getroot().findall("article")


def pool_of(path: Path) -> str:
    """The pool a listing was drawn from, as its ``# sample:`` line names it (``pool lgl-even``,
    ``--pool lgl-even``); a line that names none is of the odd half, as every listing before the
    pools were named."""
    named = re.search(r"\bpool[\s=:]+(lgl-[a-z]+)", header_of(path).get("sample", ""))
    if not named:
        return DEFAULT_POOL
    if named[1] not in POOLS:
        raise ValueError(f"{path}: its '# sample:' line names an unknown pool {named[1]!r} (known: {', '.join(POOLS)})")
    return named[1]


@dataclass(frozen=True)
class Left:
    """What a pool has left to draw."""
    pool: str
    not_drawn: int  # articles no earlier sample drew
    drawable: int   # of those, the ones with a story (LGL has a few headlines with no text: never drawn)


def not_drawn(lgl: Path, pool: str, exclude: set[str]) -> list[ET.Element]:
    """The articles of a pool whose doc ids are not in ``exclude``, in the order of ``lgl.xml``."""
    return [a for a in pool_articles(lgl, pool) if a.get("docid") not in exclude]


def counted(pool: str, rest: list[ET.Element]) -> Left:
    """What is left of a pool, given its articles not drawn before."""
    return Left(pool, len(rest), sum(bool(cut(a)["text"]) for a in rest))


def left_in(lgl: Path, pool: str = DEFAULT_POOL, exclude: set[str] = frozenset()) -> Left:
    """How many articles of a pool are left once those in ``exclude`` are left out."""
    return counted(pool, not_drawn(lgl, pool, exclude))


def too_small(left: Left, articles: int) -> str:
    """The one-line error of a draw its pool cannot fill: how many are left, and where else to draw."""
    others = [name for name in POOLS if name != left.pool]
    return (f"pool {left.pool}, {POOLS[left.pool].about}, has {left.drawable} articles left to draw "
            f"({left.not_drawn} not drawn before, {left.not_drawn - left.drawable} of them headlines with no story), "
            f"fewer than the {articles} asked: ask for at most {left.drawable} (--articles) or draw from another pool with "
            + " or ".join(f"--pool {name}" for name in others) + " (docs/judging.md says what each pool is blind to)")


# --- drawing and listing a sample -----------------------------------------------------------------


def draw(lgl: Path, seed: int, articles: int, exclude: set[str] = frozenset(), pool: str = DEFAULT_POOL) -> list[dict]:
    """``articles`` articles of a pool (LGL's check half, odd positions, unless named), drawn with
    ``seed``, leaving out the doc ids in ``exclude`` (those drawn before). The title the corpus repeats
    at the head of each text is cut off, so it is not read as a sentence of the article. Raises
    ``PoolTooSmall`` when the pool has fewer articles with a story left than asked."""
    candidates = not_drawn(lgl, pool, exclude)
    if (remaining := counted(pool, candidates)).drawable < articles:
        raise PoolTooSmall(too_small(remaining, articles))
    rng = random.Random(seed)
    picked = rng.sample(range(len(candidates)), min(articles, len(candidates)))
    drawn, tried = [], set()
    while picked:
        tried.update(picked)
        for i in picked:
            article = cut(candidates[i])
            if not article["text"]:
                continue  # a headline with no story (LGL has a few): nothing to judge
            drawn.append(article)
        # the same generator draws one more for each left out, so earlier samples stay as drawn
        left = [i for i in range(len(candidates)) if i not in tried]
        picked = rng.sample(left, min(articles - len(drawn), len(left))) if len(drawn) < articles else []
    return drawn


def cut(article: ET.Element) -> dict:
    """One LGL article as the sample reads it: the title the corpus repeats at the head of the
    text cut off."""
    title, text = (article.findtext("title") or "").strip(), (article.findtext("text") or "").strip()
    if title and text.startswith(title):
        text = text[len(title):].lstrip(" .")
    return {"id": article.get("docid"), "title": title, "text": text,
            "date": (article.findtext("dltime") or "")[:10], "url": article.findtext("url"),
            "outlet": article.findtext("domain")}


def place_region(place) -> str:
    """``US, Nebraska`` for a place in Nebraska, ``US`` when the gazetteer gives no first-level
    region: the state tells a reader (and the place scorer) Columbus, Nebraska from Columbus, Ohio."""
    country = place.country_code or "?"
    return f"{country}, {place.admin1}" if place.admin1 and country != "?" else country


def listing(db: Path, docids: set[str] | None = None) -> list[dict]:
    """One row per extracted event of the store, in the order of the articles and the text
    (``docids``: of these articles only)."""
    import dateline
    from dateline.store import EventFilter

    store = dateline.open_store(str(db), write=False)
    try:
        articles = {a.id: a for a in store.articles(10_000)}
        events = sorted(store.events(EventFilter(limit=None)),
                        key=lambda e: (e.article_id, e.trigger.start if e.trigger else 0))
    finally:
        store.close()
    docid_of = lambda article: (article.meta or {}).get("fields", {}).get("id", article.id[:12])  # noqa: E731
    if docids is not None:
        events = [e for e in events if docid_of(articles[e.article_id]) in docids]
    rows = []
    for n, event in enumerate(events, 1):
        article = articles[event.article_id]
        rows.append({
            "docid": docid_of(article),
            "published": article.published.isoformat() if article.published else "",
            "title": article.title or "", "n": n, "type": event.type, "modality": event.modality,
            "trigger": event.trigger.text if event.trigger else "",
            "trigger_start": event.trigger.start if event.trigger else "",
            "date": (event.date_value or "") + (" (inherited)" if event.date_inherited else ""),
            "places": "; ".join(f"{p.name} [{place_region(p)}]" for p in event.places)
                      + (" (inherited)" if event.place_inherited and event.places else ""),
            "source": event.source_actor.text if event.source_actor else "",
            "target": event.target_actor.text if event.target_actor else "",
            "sentence": " ".join((event.sentence.text if event.sentence else "").split())[:500],
        })
    return rows


def drawn_before(lgl: Path, listings: list[Path] | None = None) -> set[str]:
    """Every article an earlier sample drew, listed or not. A listing names only the articles that
    gave events, so an article with none could be drawn again (sample Q redrew one of P's): each
    earlier draw is replayed, in seed order, with the exclusions it had then, and its listed articles
    must be among the replayed ones, or the replay is not that draw and only the listed articles are
    left out. The exclusions a draw had are those this function gave when it was drawn (every article
    drawn before it, from sample R on) or, for the draws before that rule, the articles listed before it.
    A listing whose header names its draw (``# drawn: id id ...``, written by ``sample`` from sample T
    on) needs no replay. A draw is replayed from the pool its ``# sample:`` line names (none named: the
    odd half); doc ids are unique across LGL, so one set of exclusions serves every pool."""
    listed_before: set[str] = set()
    drawn: set[str] = set()
    for path in sorted(listings if listings is not None else JUDGED_DIR.glob(LISTINGS), key=_seed_of):
        listed = {row["docid"] for row in read(path)}
        if named := header_of(path).get("drawn"):
            drawn |= set(named.split()) | listed
            listed_before |= listed
            continue
        size = re.search(r"(\d+) articles", path.read_text(encoding="utf-8").partition("\n")[0])
        seed, pool = _seed_of(path), pool_of(path)
        replays = (replayed(lgl, seed, int(size[1]), exclusions, pool)
                   for exclusions in (drawn | listed_before, listed_before)) if size and seed else iter(())
        drawn |= next((ids for ids in replays if ids is not None and listed <= ids), listed)
        listed_before |= listed
    return drawn | listed_before


def replayed(lgl: Path, seed: int, articles: int, exclude: set[str], pool: str) -> set[str] | None:
    """The doc ids an earlier draw gave, drawn again; None when its pool could not give that many
    with these exclusions (then these were not its exclusions)."""
    try:
        return {a["id"] for a in draw(lgl, seed, articles, exclude, pool)}
    except PoolTooSmall:
        return None


def _seed_of(path: Path) -> int:
    found = re.search(r"seed-(\d+)", path.name)
    return int(found[1]) if found else 0


def copies_of(lgl: Path, docids: set[str], threshold: float = DEFAULT_NEAR_THRESHOLD) -> set[str]:
    """The articles of LGL (either half) not in ``docids`` whose story nearly repeats one of theirs
    (estimated Jaccard similarity of word 3-shingles at least ``threshold``, as ingest's near
    duplicates). LGL holds one story under two doc ids, one in each sample AL and AT drew: a fresh
    sample must not hold the twin of an article whose rows were read to choose rules."""
    stories = {a.get("docid"): cut(a)["text"] for a in _articles(Path(lgl).resolve(), Path(lgl).stat().st_mtime_ns)}
    seen = [signature(stories[d]) for d in docids if stories.get(d)]

    def repeats_one(text: str) -> bool:
        mine = signature(text)
        return any(similarity(mine, theirs) >= threshold for theirs in seen)

    return {docid for docid, text in stories.items() if text and docid not in docids and repeats_one(text)}


def sample(out: Path, shared: Path, seed: int, articles: int, pool: str = DEFAULT_POOL) -> Path:
    """Draw, read and list a fresh sample of a pool into ``out``; returns the listing to judge.
    Raises ``PoolTooSmall`` (before writing anything) when the pool has fewer than ``articles`` left.
    Besides every article drawn before, their near copies are left out (``copies_of``)."""
    judged_before = drawn_before(shared / LGL)
    judged_before |= copies_of(shared / LGL, judged_before)
    left = left_in(shared / LGL, pool, judged_before)
    drawn = draw(shared / LGL, seed, articles, judged_before, pool)
    out.mkdir(parents=True, exist_ok=True)
    corpus = out / "sample.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for article in drawn:
            handle.write(json.dumps(article) + "\n")
    db = out / "store.db"
    for command in (["ingest", str(corpus)], ["extract"]):
        subprocess.run([str(Path(sys.executable).with_name("dateline")), *command, "--db", str(db)], check=True)
    path = out / "to-judge.tsv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        # the pool and every article drawn, listed or not: keep both lines in the judged file (drawn_before
        # reads them: the first line's size, seed and pool replay the draw; the drawn line makes a replay needless)
        handle.write(sample_line(pool, seed, articles, left) + "\n")
        handle.write("# drawn: " + " ".join(article["id"] for article in drawn) + "\n")
        # "\n" as the header lines end: csv's default "\r\n" gave the shipped listings mixed line ends
        writer = csv.DictWriter(handle, LISTED + JUDGED, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        for row in listing(db):
            writer.writerow(row)
    return path


def sample_line(pool: str, seed: int, articles: int, left: Left) -> str:
    """The ``# sample:`` line a listing opens with: its size, pool, seed and what the pool had left."""
    return (f"# sample: {articles} articles of {POOLS[pool].about} not drawn before, pool {pool}, "
            f"random.Random({seed}) over the {left.not_drawn} left ({left.drawable} with a story) "
            f"(python -m dateline.eval.judged sample --pool {pool} --seed {seed} --articles {articles})")


# --- scoring judged files -------------------------------------------------------------------------


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))


def _share(rows: list[dict], field: str) -> float | None:
    judged = [r for r in rows if r.get(field) in ("Y", "N")]
    return round(sum(r[field] == "Y" for r in judged) / len(judged), 3) if judged else None


def score(rows: list[dict]) -> dict:
    """The issue's measures over one judged listing. Events are the records; ``real`` splits
    them; field accuracies are over real events, and over real events that are not statements
    (the ones a map or a timeline of acts shows)."""
    real = [r for r in rows if r["real"] == "Y"]
    acts = [r for r in real if r["statement"] != "S"]
    not_statements = [r for r in rows if r["statement"] != "S"]
    result = {
        "articles": len({r["docid"] for r in rows}), "events": len(rows), "real": len(real),
        "statements": len(real) - len(acts),
        "precision": round(len(real) / len(rows), 3) if rows else None,
        "precision_without_statements": round(len(acts) / len(not_statements), 3) if not_statements else None,
        "type": _share(acts, "type_ok"),
    }
    for field in ("date", "place", "source", "target"):
        result[field] = _share(real, f"{field}_ok")
        result[f"{field}_of_acts"] = _share(acts, f"{field}_ok")
    both = [r for r in acts if r["date_ok"] in ("Y", "N") and r["place_ok"] in ("Y", "N")]
    result["date_and_place_of_acts"] = (round(sum(r["date_ok"] == "Y" and r["place_ok"] == "Y" for r in both)
                                         / len(both), 3) if both else None)
    result["notes"] = list(dict.fromkeys(r["note"] for r in rows if r.get("note")))  # in the order of the text
    return result


HEADER_ORDER = ("sample", "extraction", "reader")  # a listing's first header lines, as the readers write them


def header_of(path: Path) -> dict[str, str]:
    """The ``# key: value`` lines at the head of a judged file (sample seed, commit, reader)."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        key, _, value = line[1:].partition(":")
        found[key.strip()] = value.strip()
    return found


def evaluate(shared: Path | None = None, directory: Path = JUDGED_DIR) -> dict:
    """Every judged listing's figures, in the order they were drawn (by seed, whatever their pool);
    ``latest`` is the newest sample's: the figure of the newest rules on articles they were not
    written from."""
    samples = {}
    for path in sorted(directory.glob(LISTINGS), key=lambda listed: (_seed_of(listed), listed.name)):
        samples[path.stem] = {**score(read(path)), "pool": pool_of(path), "about": header_of(path)}
    latest = samples[list(samples)[-1]] if samples else {}
    return {"samples": samples, "latest": latest, "goals": GOALS}


def to_markdown(result: dict) -> str:
    even = [name for name, s in result["samples"].items() if s.get("pool") == "lgl-even"]
    # a sample of the even half is named as such: its places were read to tune the geo rules
    even_half = (f" or, once that half ran out, of its even half ({', '.join(even)}: read to tune the geo rules, never "
                 "an event, date, type or role rule, so blind for those fields and optimistic for places)") if even else ""
    lines = ["## Events on unseen news, judged by hand (issue 11)", "",
             "A random sample of LGL's check half (local news of 2009, which no event rule of dateline was "
             f"written from){even_half}, read into a fresh store; every extracted event judged field by field by reading "
             "the article (`src/dateline/eval/judged.py` says how; the judged listings are in "
             "`src/dateline/eval/judged/`). The figures are those of the commit each listing was made with. "
             "\"Acts\" are the real events that are not statements.", "",
             "| sample | articles with events | events | precision | precision, statements left out | type (acts) | "
             "date (all / acts) | place (all / acts) | doer (all / acts) | target (all / acts) |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for name, s in result["samples"].items():
        lines.append(f"| {name} | {s['articles']} | {s['events']} ({s['real']} real, {s['statements']} statements) | "
                     f"{s['precision']} | {s['precision_without_statements']} | {s['type']} | "
                     f"{s['date']} / {s['date_of_acts']} | {s['place']} / {s['place_of_acts']} | "
                     f"{s['source']} / {s['source_of_acts']} | {s['target']} / {s['target_of_acts']} |")
    goals = result["goals"]
    lines += ["", f"Goals (issue 11): precision {goals['precision']}, type {goals['type']}, date and place "
                  f"{goals['date']} each, on real events; the goal table above quotes the newest sample (the newest "
                  "rules on articles they were not written from). Each sample is one reader's judgement over 80 to 95 "
                  "events of 12 to 14 articles: read the figures as +-0.05.", ""]
    for name, s in result["samples"].items():
        # in the listing's own order (a section rebuilt from quality.json gets its keys sorted)
        header = sorted(s["about"].items(), key=lambda item: HEADER_ORDER.index(item[0])
                        if item[0] in HEADER_ORDER else len(HEADER_ORDER))
        about = "; ".join(f"{k}: {v}" for k, v in header if k not in ("error classes", "drawn"))
        lines += [f"**{name}** ({about}).", ""]
        if s["about"].get("error classes"):
            lines += [f"Error classes, as the reader grouped them: {s['about']['error classes']}", ""]
        lines += ["What the reader noted, event by event: " + "; ".join(s["notes"]) + ".", ""]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    draw_cmd = sub.add_parser("sample", help="draw, read and list a fresh sample to judge")
    draw_cmd.add_argument("out", type=Path)
    draw_cmd.add_argument("--shared", type=Path, required=True)
    draw_cmd.add_argument("--seed", type=int, required=True)
    draw_cmd.add_argument("--articles", type=int, default=14)
    draw_cmd.add_argument("--pool", choices=list(POOLS), default=DEFAULT_POOL,
                          help="the articles to draw from: lgl-odd, LGL's check half (default); lgl-even, LGL's even "
                               "half, read to tune the geo rules only (blind for events, dates, types and roles, "
                               "optimistic for places)")
    left_cmd = sub.add_parser("left", help="how many articles each pool has left to draw")
    left_cmd.add_argument("--shared", type=Path, required=True)
    score_cmd = sub.add_parser("score", help="the figures of judged listings")
    score_cmd.add_argument("files", type=Path, nargs="+")
    args = parser.parse_args(argv)
    if args.command == "sample":
        try:
            print(sample(args.out, args.shared, args.seed, args.articles, args.pool))
        except PoolTooSmall as error:
            print(f"judged sample: {error}", file=sys.stderr)
            return 2
    elif args.command == "left":
        before = drawn_before(args.shared / LGL)
        for pool in POOLS:
            left = left_in(args.shared / LGL, pool, before)
            print(f"{pool}: {left.drawable} articles left to draw ({left.not_drawn} not drawn before)")
    else:
        for path in args.files:
            print(json.dumps({path.stem: score(read(path))}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
