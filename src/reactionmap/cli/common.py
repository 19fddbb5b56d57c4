"""What the commands share: option types (a day, an event id, a title), stops, problems printed grouped."""

from __future__ import annotations

import re
from pathlib import Path

import click

from reactionmap.contract.cells import BIDI_CONTROLS, INVISIBLE_RE
from reactionmap.contract.dates import DAY_RULE, parse_day
from reactionmap.contract.event import EVENT_ID_RE, Event
from reactionmap.contract.problems import Problem, group_problems
from reactionmap.intake.events import EventNotFound, load_event

# A title is one line of visible text: no control, bidirectional or invisible character.
BAD_TITLE_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]|" + INVISIBLE_RE
)


class Day(click.ParamType):
    """A day written YYYY-MM-DD, its year between 1900 and 2100: the one way every option
    (--date, --as-of) reads a day. The value stays the text, checked."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx) -> str:
        if isinstance(value, str) and parse_day(value, time=False) is not None:
            return value
        self.fail(f"{value!r} is not a day: write it {DAY_RULE}", param, ctx)


class EventId(click.ParamType):
    """An event id: the name of a folder in the events folder, never a path."""

    name = "ID"

    def convert(self, value, param, ctx) -> str:
        if isinstance(value, str) and EVENT_ID_RE.fullmatch(value):
            return value
        self.fail(
            f"{value!r} is not allowed: use lower-case letters, digits, '-' or '_' "
            "(e.g. my-event or unga-es-11-1)",
            param,
            ctx,
        )


class Title(click.ParamType):
    """An event's title: one line of plain text."""

    name = "TEXT"

    def convert(self, value, param, ctx) -> str:
        if isinstance(value, str) and not BAD_TITLE_RE.search(value):
            return value
        self.fail(
            f"{value!r} holds a line break or a control or invisible character: "
            "write it on one line, in plain text",
            param,
            ctx,
        )


DAY = Day()
EVENT_ID = EventId()
TITLE = Title()


class Stop(click.ClickException):
    """The command stops with its message on standard error, as written, and exit code 2: an
    unknown event, a resolution the file does not hold, a folder it will not write into."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(self.format_message(), err=True)


class Refused(Stop):
    """As Stop, with exit code 1: a file it cannot read, an event it will not replace."""

    exit_code = 1


def load(ref: str | Path) -> Event:
    """The event an id or a folder path names; an unknown one stops the command (exit 2)."""
    try:
        return load_event(ref)
    except EventNotFound as err:
        raise Stop(str(err)) from None


def print_problems(problems: list[Problem]) -> None:
    """Each distinct problem once on standard error, with the rows that have it."""
    for group in group_problems(problems):
        click.echo(f"  {group}", err=True)


def report_problems(event: Event, doing: str = "") -> None:
    """An event's problems, if any, under one line saying what the command does with its good
    rows ("x: exporting 6 of 7 row(s); 1 problem(s):"; without ``doing``, how many are good),
    each distinct problem once."""
    if not event.problems:
        return
    good, rows, found = len(event.statements), event.input_rows, len(event.problems)
    if doing:
        head = f"{doing} {good} of {rows} row(s); {found} problem(s):"
    else:
        head = f"{found} problem(s) in {rows} row(s); {good} row(s) are good:"
    click.echo(f"{event.id}: {head}", err=True)
    print_problems(event.problems)


def exit_for(problems: list[Problem]) -> None:
    """Exit 1 when a problem left rows out, so that a pipeline cannot miss it."""
    if any(p.blocking for p in problems):
        click.get_current_context().exit(1)


def out(data: bytes) -> None:
    """Bytes (a CSV, GeoJSON) on standard output, as they are."""
    click.echo(data, nl=False)
