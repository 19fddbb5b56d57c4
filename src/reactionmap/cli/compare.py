"""`reactionmap compare`: two events' stances side by side, per actor, and what changed."""

from __future__ import annotations

import click
import pandas as pd

from reactionmap.cli.common import exit_for, load, out, report_problems
from reactionmap.contract.event import Event
from reactionmap.intake.events import list_events
from reactionmap.view.compare import (
    CHANGES,
    NOT_COMPARABLE_NOTE,
    change_counts,
    compare_csv,
    compare_table,
)
from reactionmap.view.compose import default_as_of


def _known(ref: str, name: str) -> Event:
    """The event ``ref`` names; an unknown one is a usage error naming the known events."""
    if ref not in list_events():
        known = ", ".join(list_events()) or "none"
        raise click.UsageError(f"{name} {ref!r} is not an event; the known events are: {known}")
    return load(ref)


def _heading(letter: str, event: Event) -> str:
    return f"{letter}: {event.id}: {event.title} (as of {default_as_of(event):%Y-%m-%d})"


def text_table(table: pd.DataFrame, a: Event, b: Event) -> str:
    """The comparison as a readable table: the two events, the counts of each change, then one
    line per actor (countries, then organizations and others)."""
    lines = [_heading("A", a), _heading("B", b), ""]
    counts = change_counts(table)
    lines += [f"  {CHANGES[k]:<26}{n:>4} countries" for k, n in counts.items()]
    lines += [f"  ({NOT_COMPARABLE_NOTE})", ""]
    rows = [
        (
            r.name,
            r.kind,
            a.scale.label(r.stance_a),
            b.scale.label(r.stance_b),
            CHANGES.get(r.change, r.change),
        )
        for r in table.itertuples()
    ]
    header = ("Actor", "Kind", "Stance in A", "Stance in B", "Change")
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        lines.append("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)))
    return "\n".join(line.rstrip() for line in lines) + "\n"


@click.command(short_help="Compare two events' stances, country by country.")
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "csv"]),
    default="text",
    show_default=True,
    help="text: a readable table; csv: one row per actor in either event (iso3, name, kind, "
    "stance_a, stance_b, change, statement_a, statement_b).",
)
def compare(a: str, b: str, fmt: str) -> None:
    """Compare event A with event B: each actor's stance in both, as of each event's last day,
    and what changed (same, harder, softer, only in A, only in B, changed, not comparable).

    A and B are event ids under the events folder. Exit 1 when a problem left rows out.
    """
    first, second = _known(a, "A"), _known(b, "B")
    report_problems(first, "comparing")
    report_problems(second, "comparing")
    table = compare_table(first, second)
    if fmt == "csv":
        out(compare_csv(table))
    else:
        click.echo(text_table(table, first, second), nl=False)
    exit_for(first.problems + second.problems)
