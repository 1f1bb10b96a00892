"""The ``dateline`` command line: each command parses its options, calls one library
function and prints the result. Everything here is scriptable from Python too."""

from __future__ import annotations

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

console = Console()
err_console = Console(stderr=True)

DB_OPTION_HELP = "Store: a SQLite file path or a postgresql:// URL (default: dateline.db, or $DATELINE_DB)."


# --- ingest and articles ---------------------------------------------------------------------


# --- time --------------------------------------------------------------------------------------


# --- places and entities -------------------------------------------------------------------------


# --- events ----------------------------------------------------------------------------------------


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
