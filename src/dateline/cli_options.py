"""The filter options that several commands share (``events``, ``export``, ``timeline``,
``report``), declared once: each is a type a command's parameter is annotated with, so that a
filter reads, checks and explains itself the same way wherever it is offered."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

DB_OPTION_HELP = "Store: a SQLite file path or a postgresql:// URL (default: dateline.db, or $DATELINE_DB)."

# Typer reads these annotations at run time: Optional[...] rather than "str | None" keeps them
# evaluable on every Python the package supports.
Db = Annotated[Optional[str], typer.Option("--db", help=DB_OPTION_HELP)]

# --- the events' filter (EventFilter) ----------------------------------------------------------------
EventType = Annotated[Optional[str], typer.Option("--type", help="Event type: ASSAULT, CONSULT, TRANSPORT ...")]
AcledType = Annotated[Optional[str], typer.Option("--acled-type", help="ACLED event type: Battles, Protests ...")]
Actor = Annotated[Optional[str], typer.Option("--actor", help="Words or entity id of an actor (or of the source; "
                                                              "export --what entities: of the name).")]
Place = Annotated[Optional[str], typer.Option("--place", help="Words of a place name.")]
Country = Annotated[Optional[str], typer.Option("--country", help="ISO code of a place's country (AF).")]
Bbox = Annotated[Optional[str], typer.Option("--bbox", help="west,south,east,north: events with a place inside.")]
Since = Annotated[Optional[str], typer.Option("--since", help="Events on or after this date (YYYY-MM-DD).")]
Until = Annotated[Optional[str], typer.Option("--until", help="Events on or before this date (YYYY-MM-DD).")]
Modality = Annotated[Optional[str], typer.Option("--modality", help="reported, claimed, denied, planned or expected.")]
MinConfidence = Annotated[Optional[float], typer.Option("--min-confidence", min=0, max=1,
                                                         help="Hide events below this confidence.")]
Limit = Annotated[Optional[int], typer.Option("--limit", min=0, help="At most this many.")]
Offset = Annotated[int, typer.Option("--offset", min=0, help="Skip this many first.")]

# --- the selection of timeline and report ------------------------------------------------------------
Entity = Annotated[Optional[str], typer.Option("--entity", help="Words or entity id of an actor.")]
Query = Annotated[Optional[str], typer.Option("--query", help="Only events of articles matching this full-text search.")]
Dates = Annotated[int, typer.Option("--dates", min=1, max=200, help="How many key dates.")]
