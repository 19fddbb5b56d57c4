"""`reactionmap list`, `check` and `export`: the events, their problems, their tables."""

from __future__ import annotations

import json

import click
import pandas as pd

from reactionmap.cli.common import DAY, exit_for, load, out, print_problems, report_problems
from reactionmap.contract.cells import csv_bytes
from reactionmap.contract.statements import statements_csv
from reactionmap.places.resolver import default_resolver
from reactionmap.publish.export import all_countries_csv, stance_csv, stance_geojson
from reactionmap.view import catalog
from reactionmap.view.compose import countries_only, event_stance_table

EVENT_HELP = "an event id under the events folder, or an event folder's path"


LIST_FORMATS = ("table", "csv", "json")
LIST_HEADERS = ("ID", "DATE", "TITLE", "ACTORS", "STATEMENTS")


def listing(entries: list[catalog.Entry]) -> str:
    """The events as aligned columns under a header; an event with problems says how many."""
    rows = [LIST_HEADERS] + [
        (e.id, e.date_text, e.title, str(e.actors), str(e.statements)) for e in entries
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(LIST_HEADERS))]
    lines = []
    for row, event in zip(rows, [None, *entries], strict=True):
        cells = [
            cell.ljust(w) if i < 3 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        line = "  ".join(cells)
        if event is not None and event.problems:
            line += f"  {len(event.problems)} problem(s): reactionmap check {event.id}"
        lines.append(line.rstrip())
    return "\n".join(lines) + "\n"


@click.command("list", short_help="List the events: id, date, title, counts.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(LIST_FORMATS),
    default="table",
    show_default=True,
    help="table: aligned columns; csv or json: id, date, title, actors, statements, "
    "problems (a count) and first_problem.",
)
def list_command(fmt: str) -> None:
    """List the events, newest first: id, date, title, the number of actors and of statements.

    An event whose files have problems is listed with their number, and each is printed on
    standard error; exit 1 then.
    """
    entries = catalog.catalog(resolver=default_resolver())
    if fmt == "table":
        click.echo(listing(entries), nl=False)
    elif fmt == "csv":
        out(csv_bytes(pd.DataFrame([e.as_row() for e in entries], columns=catalog.COLUMNS)))
    else:
        click.echo(json.dumps([e.as_row() for e in entries], ensure_ascii=False, indent=2))
    broken = [e for e in entries if e.problems]
    for event in broken:
        click.echo(f"{event.id}: {len(event.problems)} problem(s):", err=True)
        print_problems(list(event.problems))
    if broken:
        click.get_current_context().exit(1)


@click.command(short_help="Check an event's files; exit 1 on any problem.")
@click.argument("event", metavar="EVENT")
def check(event: str) -> None:
    """Check an event's files: a summary, or every problem (file, row, column) and exit 1.

    EVENT is an event id under the events folder, or an event folder's path.
    """
    loaded = load(event)
    statements = loaded.statements
    if loaded.problems:
        report_problems(loaded)
        click.get_current_context().exit(1)
    counts = statements["stance"].value_counts()
    actors = catalog.actor_count(statements)
    click.echo(f"{loaded.id}: {loaded.title}")
    click.echo(f"  {len(statements)} statements by {actors} actors, all rows valid")
    for category in loaded.scale.categories:
        click.echo(f"  {category.key:<12} {int(counts.get(category.key, 0)):>6}  {category.label}")
    dated = statements.loc[statements["date_precision"] != "unknown", "when"]
    if len(dated):
        click.echo(f"  dates: {dated.min():%Y-%m-%d} to {dated.max():%Y-%m-%d}")
    elif len(statements):
        click.echo("  dates: date not given")


@click.command(short_help="Write an event's stance table, map or statements.")
@click.argument("event", metavar="EVENT")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "geojson", "statements"]),
    default="csv",
    show_default=True,
    help="csv: the stance table, one row per actor; geojson: every country's shape with its "
    "stance; statements: the statements in the data contract's columns.",
)
@click.option("--as-of", type=DAY, help="The stance as of the end of this day.")
@click.option(
    "--all-countries",
    is_flag=True,
    help="csv: one row per UN member and observer ('none' where nothing was said), with the "
    "ISO date in a column of its own.",
)
def export(event: str, fmt: str, as_of: str | None, all_countries: bool) -> None:
    """Write an event's stance table (or its map, or its statements) to standard output.

    EVENT is an event id under the events folder, or an event folder's path. The good rows
    are always written; exit 1 when a problem left rows out.
    """
    if all_countries and fmt != "csv":
        raise click.UsageError(f"--all-countries goes with --format csv, not {fmt!r}")
    loaded = load(event)
    report_problems(loaded, "exporting")
    day = pd.Timestamp(as_of) if as_of else None
    if fmt == "statements":
        data = statements_csv(loaded.statements)
    else:
        table = event_stance_table(loaded, day)
        if fmt == "csv" and all_countries:
            from reactionmap.places.boundaries import load_un_states

            data = all_countries_csv(table, loaded.scale, load_un_states())
        elif fmt == "csv":
            data = stance_csv(table)
        else:
            from reactionmap.places.boundaries import load_countries, load_markers

            data = stance_geojson(countries_only(table), load_countries(), load_markers())
    out(data)
    exit_for(loaded.problems)
