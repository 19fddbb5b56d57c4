"""The command line: `reactionmap check|export|import|list|publish`."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pandas as pd

from reactionmap import paths
from reactionmap.events import (
    EventNotFound,
    list_events,
    load_event,
    normalise_columns,
    prepare_statements,
)
from reactionmap.export import stance_csv, stance_geojson, statements_csv
from reactionmap.schema import SCALE_PRESETS, STATEMENT_COLUMNS, Problem, Scale
from reactionmap.tables import TableRefused, as_strings, read_table
from reactionmap.view import countries_only, event_stance_table

EVENT_ID_RE = re.compile(r"[a-z0-9][a-z0-9_-]*")  # a folder name, never a path


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)


def cmd_list(args: argparse.Namespace) -> int:
    root = paths.events_dir()
    for event_id in list_events(root):
        print(event_id)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    event = load_event(args.event)
    statements = event.statements
    if event.problems:
        print(
            f"{event.id}: {len(event.problems)} problem(s) in {event.input_rows} row(s); "
            f"{len(statements)} row(s) are good:",
            file=sys.stderr,
        )
        _print_problems(event.problems)
        return 1
    counts = statements["stance"].value_counts()
    actors = statements["actor_iso3"].nunique()
    print(f"{event.id}: {event.title}")
    print(f"  {len(statements)} statements by {actors} actors, all rows valid")
    for category in event.scale.categories:
        print(f"  {category.key:<12} {int(counts.get(category.key, 0)):>6}  {category.label}")
    if len(statements):
        print(
            f"  dates: {statements['when'].min():%Y-%m-%d} to {statements['when'].max():%Y-%m-%d}"
        )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    event = load_event(args.event)
    if event.problems:
        print(
            f"{event.id}: exporting the {len(event.statements)} good row(s); skipped:",
            file=sys.stderr,
        )
        _print_problems(event.problems)
    as_of = pd.Timestamp(args.as_of) if args.as_of else None
    if args.format == "statements":
        data = statements_csv(event.statements)
    else:
        table = event_stance_table(event, as_of)
        if args.format == "csv":
            data = stance_csv(table)
        else:
            from reactionmap.boundaries import load_countries, load_markers

            data = stance_geojson(countries_only(table), load_countries(), load_markers())
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
    # Rows were left out: say so in the exit code too, so a pipeline cannot miss it.
    return 1 if any(p.blocking for p in event.problems) else 0


def cmd_import(args: argparse.Namespace) -> int:
    source = Path(args.file)
    try:
        raw, problems = read_table(source.read_bytes(), source.name)
    except (OSError, TableRefused) as err:
        print(f"refused: {err}", file=sys.stderr)
        return 1
    if not EVENT_ID_RE.fullmatch(args.event_id):
        print(
            f"--event-id {args.event_id!r} is not allowed: use lower-case letters, digits, "
            "'-' or '_' (e.g. unga-es-11-1)",
            file=sys.stderr,
        )
        return 2
    scale = SCALE_PRESETS[args.scale]
    date = pd.Timestamp(args.date)
    statements, more = prepare_statements(raw, scale, date, source.name)
    problems += more
    target = Path(args.out) if args.out else paths.events_dir() / args.event_id
    if (target / "event.toml").exists() and not args.force:
        print(f"{target} already holds an event; pass --force to replace it", file=sys.stderr)
        return 1
    target.mkdir(parents=True, exist_ok=True)
    (target / "event.toml").write_text(
        event_toml(args.event_id, args.title or args.event_id, args.date, scale), encoding="utf-8"
    )
    # Every row goes into the file, the bad ones as they came, so an editor fixes them there
    # (`reactionmap check` names each one) instead of finding them gone.
    given = as_strings(
        normalise_columns(raw).reindex(columns=list(STATEMENT_COLUMNS), fill_value="")
    )
    given["row"] = given.index + 2
    bad = given[~given["row"].isin(statements["row"])].copy()
    bad["statement_id"] = bad["statement_id"].mask(
        bad["statement_id"] == "", "row-" + bad["row"].astype(str)
    )
    rows = pd.concat([statements, bad]).sort_values("row", kind="stable")
    (target / "statements.csv").write_bytes(statements_csv(rows))
    print(
        f"wrote {target.name}/ with {len(rows)} row(s): {len(statements)} ready, "
        f"{len(bad)} to fix (run `reactionmap check {target}`)"
    )
    if problems:
        print(f"{len(bad)} row(s) need fixing, {len(problems)} problem(s):", file=sys.stderr)
        _print_problems(problems)
    return 1 if any(p.blocking for p in problems) else 0


def event_toml(event_id: str, title: str, date: str, scale: Scale) -> str:
    """A minimal event.toml for an imported table, with its scale written out."""

    def q(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [f"id = {q(event_id)}", f"title = {q(title)}", f"date = {q(date)}", 'summary = ""', ""]
    for category in scale.categories:
        lines += [
            "[[scale]]",
            f"key = {q(category.key)}",
            f"label = {q(category.label)}",
            f"color = {q(category.color)}",
            "",
        ]
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reactionmap", description="Check, export and import reaction-map events."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="list the events").set_defaults(func=cmd_list)
    check = sub.add_parser("check", help="validate an event's files; exit 1 on any problem")
    check.add_argument("event", help="an event id under the events directory, or a directory path")
    check.set_defaults(func=cmd_check)
    export = sub.add_parser("export", help="write the stance table to standard output")
    export.add_argument("event", help="an event id or a directory path")
    export.add_argument("--format", choices=("csv", "geojson", "statements"), default="csv")
    export.add_argument("--as-of", help="YYYY-MM-DD: the stance as of the end of this day")
    export.set_defaults(func=cmd_export)
    imp = sub.add_parser("import", help="turn a CSV/XLSX/JSON table into an event directory")
    imp.add_argument("file")
    imp.add_argument("--event-id", required=True)
    imp.add_argument("--title")
    imp.add_argument("--date", default=pd.Timestamp.today().strftime("%Y-%m-%d"))
    imp.add_argument("--scale", choices=sorted(SCALE_PRESETS), default="default")
    imp.add_argument("--out", help="the event directory to write (default: events dir / id)")
    imp.add_argument("--force", action="store_true", help="replace an existing event")
    imp.set_defaults(func=cmd_import)
    from reactionmap.publish_cli import add_publish_parser

    add_publish_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except EventNotFound as err:
        print(err, file=sys.stderr)
        return 2
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
