"""The command line: `reactionmap check|export|import|list|publish`."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pandas as pd

from reactionmap.contract import paths
from reactionmap.contract.cells import BIDI_CONTROLS, INVISIBLE_RE
from reactionmap.contract.dates import RANGE_TEXT, parse_day
from reactionmap.contract.event import EVENT_ID_RE
from reactionmap.contract.problems import Problem, group_problems
from reactionmap.contract.scale import SCALE_PRESETS, VOTE_SCALE
from reactionmap.contract.statements import STATEMENT_COLUMNS, statements_csv
from reactionmap.intake import unvotes
from reactionmap.intake.columns import normalise_columns
from reactionmap.intake.events import EventNotFound, list_events, load_event
from reactionmap.intake.stance_words import detect_scale
from reactionmap.intake.statements import prepare_statements
from reactionmap.intake.tables import TableRefused, as_strings, read_path
from reactionmap.intake.writers import event_toml, unsafe_target, write_file
from reactionmap.places.former import is_former
from reactionmap.publish.export import all_countries_csv, stance_csv, stance_geojson
from reactionmap.view.compose import countries_only, event_stance_table

LISTED = 40  # resolutions listed when --resolution is missing or unknown
# A title is one line of visible text: no control, bidirectional or invisible character.
BAD_TITLE_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]|" + INVISIBLE_RE
)


def _print_problems(problems: list[Problem]) -> None:
    """Each distinct problem once, with the rows that have it."""
    for group in group_problems(problems):
        print(f"  {group}", file=sys.stderr)


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
    dated = statements.loc[statements["date_precision"] != "unknown", "when"]
    if len(dated):
        print(f"  dates: {dated.min():%Y-%m-%d} to {dated.max():%Y-%m-%d}")
    elif len(statements):
        print("  dates: date not given")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.all_countries and args.format != "csv":
        print(f"--all-countries goes with --format csv, not {args.format!r}", file=sys.stderr)
        return 2
    event = load_event(args.event)
    if event.problems:
        print(
            f"{event.id}: exporting {len(event.statements)} of {event.input_rows} row(s); "
            f"{len(event.problems)} problem(s):",
            file=sys.stderr,
        )
        _print_problems(event.problems)
    as_of = pd.Timestamp(args.as_of) if args.as_of else None
    if args.format == "statements":
        data = statements_csv(event.statements)
    else:
        table = event_stance_table(event, as_of)
        if args.format == "csv" and args.all_countries:
            from reactionmap.places.boundaries import load_un_states

            data = all_countries_csv(table, event.statements, event.scale, load_un_states())
        elif args.format == "csv":
            data = stance_csv(table)
        else:
            from reactionmap.places.boundaries import load_countries, load_markers

            data = stance_geojson(countries_only(table), load_countries(), load_markers())
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
    # Rows were left out: say so in the exit code too, so a pipeline cannot miss it.
    return 1 if any(p.blocking for p in event.problems) else 0


def cmd_import(args: argparse.Namespace) -> int:
    source = Path(args.file)
    title = args.title or args.event_id or ""
    if BAD_TITLE_RE.search(title):
        print(
            f"--title {title!r} holds a line break or a control or invisible character: "
            "write it on one line, in plain text",
            file=sys.stderr,
        )
        return 2
    if args.event_id is not None and not EVENT_ID_RE.fullmatch(args.event_id):
        print(
            f"--event-id {args.event_id!r} is not allowed: use lower-case letters, digits, "
            "'-' or '_' (e.g. unga-es-11-1)",
            file=sys.stderr,
        )
        return 2
    if _is_un_file(source):
        return _import_un_vote(args, source)
    if args.resolution:
        print(
            f"--resolution is for the UN Digital Library's voting file; {source.name} does not "
            f"have its columns ({', '.join(unvotes.NEEDED)})",
            file=sys.stderr,
        )
        return 2
    if args.event_id is None:
        print("--event-id is required (e.g. --event-id my-event)", file=sys.stderr)
        return 2
    try:
        raw, problems = read_path(source)
    except TableRefused as err:
        print(f"refused: {err}", file=sys.stderr)
        return 1
    if args.scale:
        scale = SCALE_PRESETS[args.scale]
    else:
        frame = normalise_columns(raw)
        stances = frame.loc[:, frame.columns == "stance"]
        guess = detect_scale(stances.iloc[:, 0] if stances.shape[1] else pd.Series(dtype=str))
        scale = SCALE_PRESETS[guess.name]
        print(f"scale: {guess.name} ({guess.describe()}; choose another with --scale)")
    statements, more = prepare_statements(
        raw, scale, pd.Timestamp(args.date or "1970-01-01"), source.name
    )
    problems += more
    date = args.date or _earliest_day(statements)
    target = Path(args.out) if args.out else paths.events_dir() / args.event_id
    refused = _refuse_target(target, args)
    if refused:
        return refused
    target.mkdir(parents=True, exist_ok=True)
    write_file(target / "event.toml", event_toml(args.event_id, title, date, scale).encode())
    # Every row goes into the file, the bad ones as they came, so an editor fixes them there
    # (`reactionmap check` names each one) instead of finding them gone.
    given = as_strings(
        normalise_columns(raw).reindex(columns=list(STATEMENT_COLUMNS), fill_value="")
    )
    given["row"] = Problem.row_of(given.index)
    bad = given[~given["row"].isin(statements["row"])].copy()
    bad["statement_id"] = bad["statement_id"].mask(
        bad["statement_id"] == "", "row-" + bad["row"].astype(str)
    )
    rows = pd.concat([statements, bad]).sort_values("row", kind="stable")
    write_file(target / "statements.csv", statements_csv(rows))
    print(
        f"wrote {target.name}/ with {len(rows)} row(s): {len(statements)} ready, "
        f"{len(bad)} to fix (run `reactionmap check {target}`)"
        + ("" if date else "; date not given")
    )
    if problems:
        print(f"{len(bad)} row(s) need fixing, {len(problems)} problem(s):", file=sys.stderr)
        _print_problems(problems)
    return 1 if any(p.blocking for p in problems) else 0


def _refuse_target(target: Path, args: argparse.Namespace) -> int:
    """0 when import may write an event into ``target``; else the exit code, with the reason
    printed: 2 for a target that is not a real folder in the events folder, 1 for one that
    already holds an event (unless --force)."""
    refusal = unsafe_target(target, None if args.out else paths.events_dir())
    if refusal:
        print(f"refused: {refusal}", file=sys.stderr)
        return 2
    if (target / "event.toml").exists() and not args.force:
        print(f"{target} already holds an event; pass --force to replace it", file=sys.stderr)
        return 1
    return 0


def day(value: str) -> str:
    """An argument that must be a day, YYYY-MM-DD, in the accepted years."""
    if parse_day(value) is None or len(value) != 10:
        raise argparse.ArgumentTypeError(f"{value!r} is not a day YYYY-MM-DD {RANGE_TEXT}")
    return value


def _earliest_day(statements: pd.DataFrame) -> str:
    """The earliest day a statement is dated to; '' when none is (never today's date)."""
    days = statements.loc[statements["date_precision"] == "day", "date"].str[:10]
    return min(days) if len(days) else ""


def _is_un_file(source: Path) -> bool:
    if source.suffix.lower() not in (".csv", ".txt") or not source.is_file():
        return False
    try:
        return unvotes.layout(unvotes.read_header(source)) is not None
    except (OSError, ValueError, pd.errors.ParserError):
        return False


def _import_un_vote(args: argparse.Namespace, source: Path) -> int:
    """One resolution of the UN Digital Library's voting file as an event folder."""
    found = unvotes.scan(source, args.resolution)
    if found.rows.empty:
        why = (
            f"no resolution {args.resolution!r} in {source.name}"
            if args.resolution
            else "choose a resolution with --resolution SYMBOL"
        )
        print(
            f"{why}; it holds {len(found.resolutions)} resolution(s), newest first:",
            file=sys.stderr,
        )
        print(unvotes.listing_text(found.resolutions, limit=LISTED))
        return 2
    vote = unvotes.vote_event(found.rows, args.resolution, args.event_id)
    target = Path(args.out) if args.out else paths.events_dir() / vote.event_id
    refused = _refuse_target(target, args)
    if refused:
        return refused
    statements, problems = prepare_statements(
        vote.statements, VOTE_SCALE, pd.Timestamp(vote.date or "1970-01-01"), source.name,
        strict=True,
    )  # fmt: skip
    target.mkdir(parents=True, exist_ok=True)
    toml = event_toml(
        vote.event_id, args.title or vote.title, vote.date, VOTE_SCALE, vote.summary, vote.sources
    )
    write_file(target / "event.toml", toml.encode())
    write_file(target / "statements.csv", statements_csv(vote.statements))
    counts = vote.statements["stance"].value_counts()
    tally = ", ".join(f"{int(counts.get(c.key, 0))} {c.key}" for c in VOTE_SCALE.categories)
    print(f"{found.layout} layout; scale: vote. wrote {target.name}/: {vote.title}, {vote.date}")
    print(f"  {len(vote.statements)} member(s): {tally}")
    former = vote.statements[vote.statements["actor_iso3"].map(is_former)]
    if len(former):
        names = ", ".join(
            f"{a} ({c})" for a, c in zip(former["actor"], former["actor_iso3"], strict=True)
        )
        print(f"  not on today's map (no longer exist; never drawn on a successor): {names}")
    if problems:
        print(f"{len(problems)} problem(s) (run `reactionmap check {target}`):", file=sys.stderr)
        _print_problems(problems)
    return 1 if any(p.blocking for p in problems) else 0


def cmd_resolutions(args: argparse.Namespace) -> int:
    source = Path(args.file)
    try:
        found = unvotes.scan(source)
    except (OSError, ValueError, pd.errors.ParserError) as err:
        print(f"{source.name}: {err}", file=sys.stderr)
        return 2
    print(unvotes.listing_text(found.resolutions))
    return 0


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
    export.add_argument(
        "--as-of", type=day, help="YYYY-MM-DD: the stance as of the end of this day"
    )
    export.add_argument(
        "--all-countries",
        action="store_true",
        help="csv: one row per UN member and observer ('none' where nothing was said), "
        "with the ISO date in a column of its own",
    )
    export.set_defaults(func=cmd_export)
    imp = sub.add_parser(
        "import",
        help="turn a CSV/XLSX/JSON table, or one resolution of the UN voting file, into an "
        "event directory",
    )
    imp.add_argument("file")
    imp.add_argument("--event-id", help="the folder name (UN file: from the resolution)")
    imp.add_argument(
        "--resolution", help="UN voting file: the resolution's symbol, e.g. A/RES/ES-11/1"
    )
    imp.add_argument("--title")
    imp.add_argument(
        "--date", type=day, help="YYYY-MM-DD (default: the earliest dated row; never today)"
    )
    imp.add_argument(
        "--scale", choices=sorted(SCALE_PRESETS), help="default: the one that reads most rows"
    )
    imp.add_argument("--out", help="the event directory to write (default: events dir / id)")
    imp.add_argument("--force", action="store_true", help="replace an existing event")
    imp.set_defaults(func=cmd_import)
    res = sub.add_parser(
        "resolutions", help="list the resolutions in the UN voting file, newest first"
    )
    res.add_argument("file")
    res.set_defaults(func=cmd_resolutions)
    from reactionmap.cli.publish import add_publish_parser

    add_publish_parser(sub)
    draft = sub.add_parser("draft", help="propose statements from a news article, for review")
    _draft_command().add_arguments(draft)
    draft.set_defaults(func=lambda args: _draft_command().run(args))
    return parser


def _draft_command():
    """The draft command's module, imported only when used (it loads spaCy)."""
    from reactionmap.cli import draft as command

    return command


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
