"""`reactionmap list`, `check` and `export`: the events, their problems, their tables."""

from __future__ import annotations

import click
import pandas as pd

from reactionmap.cli.common import DAY, exit_for, load, out, report_problems
from reactionmap.contract import paths
from reactionmap.contract.statements import statements_csv
from reactionmap.intake.events import list_events
from reactionmap.publish.export import all_countries_csv, stance_csv, stance_geojson
from reactionmap.view.compose import countries_only, event_stance_table

EVENT_HELP = "an event id under the events folder, or an event folder's path"


@click.command("list", short_help="List the events.")
def list_command() -> None:
    """List the events, one id a line."""
    for event_id in list_events(paths.events_dir()):
        click.echo(event_id)


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
    actors = statements["actor_iso3"].nunique()
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
