"""`reactionmap import` and `resolutions`: a table, or one resolution of the UN voting file, as an event folder."""

from __future__ import annotations

from pathlib import Path

import click
import pandas as pd

from reactionmap.cli.common import DAY, EVENT_ID, TITLE, Refused, Stop, exit_for, print_problems
from reactionmap.contract import paths
from reactionmap.contract.event import EVENT_FILE, STATEMENTS_FILE
from reactionmap.contract.problems import Problem
from reactionmap.contract.scale import SCALE_PRESETS, VOTE_SCALE
from reactionmap.contract.statements import STATEMENT_COLUMNS
from reactionmap.intake import unvotes
from reactionmap.intake.columns import normalise_columns
from reactionmap.intake.stance_words import detect_scale
from reactionmap.intake.statements import prepare_statements
from reactionmap.intake.tables import TableRefused, as_strings, read_path
from reactionmap.intake.writers import (
    event_toml,
    folder_lock,
    name_refusal,
    replace_files,
    table_bytes,
    unsafe_target,
)
from reactionmap.places.former import is_former

LISTED = 40  # resolutions listed when --resolution is missing or unknown


@click.command("import", short_help="Make an event folder from a table or a UN vote.")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--event-id",
    type=EVENT_ID,
    help="The event's folder name (required for a table; a UN voting file's default comes "
    "from the resolution, e.g. unga-es-11-1).",
)
@click.option(
    "--resolution",
    metavar="SYMBOL",
    help="UN voting file: the resolution to import, e.g. A/RES/ES-11/1.",
)
@click.option("--title", type=TITLE, help="The event's title (default: the event id).")
@click.option(
    "--date", type=DAY, help="The event's date (default: the earliest dated row; never today)."
)
@click.option(
    "--scale",
    type=click.Choice(sorted(SCALE_PRESETS)),
    help="The stance scale (default: the one that reads most rows).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="The event folder to write (default: the events folder / the event id).",
)
@click.option("--force", is_flag=True, help="Replace an event already in that folder.")
def import_command(
    file: Path,
    event_id: str | None,
    resolution: str | None,
    title: str | None,
    date: str | None,
    scale: str | None,
    out: Path | None,
    force: bool,
) -> None:
    """Make an event folder from a table (CSV, TSV, XLSX, JSON), or from one resolution of
    the UN Digital Library's voting file.

    Every row is written, the ones to fix as they came, and each problem is listed (exit 1):
    `reactionmap check` then names them. Without --resolution, or with one the UN file does
    not hold, the file's resolutions are listed (exit 2).
    """
    if _is_un_file(file):
        _import_un_vote(file, resolution, event_id, title, out, force)
        return
    if resolution:
        raise click.BadParameter(
            f"it is for the UN Digital Library's voting file; {file.name} does not have its "
            f"columns ({', '.join(unvotes.NEEDED)})",
            param_hint="'--resolution'",
        )
    if event_id is None:
        raise click.UsageError("--event-id is required (e.g. --event-id my-event)")
    try:
        raw, problems = read_path(file)
    except TableRefused as err:
        raise Refused(f"refused: {err}") from None
    if scale:
        chosen = SCALE_PRESETS[scale]
    else:
        frame = normalise_columns(raw)
        stances = frame.loc[:, frame.columns == "stance"]
        guess = detect_scale(stances.iloc[:, 0] if stances.shape[1] else pd.Series(dtype=str))
        chosen = SCALE_PRESETS[guess.name]
        click.echo(f"scale: {guess.name} ({guess.describe()}; choose another with --scale)")
    statements, more = prepare_statements(
        raw, chosen, pd.Timestamp(date or "1970-01-01"), file.name
    )
    problems += more
    date = date or _earliest_day(statements)
    target = out or paths.events_dir() / event_id
    toml = event_toml(event_id, title or event_id, date, chosen)
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
    _write_event(target, out, force, toml, _statements_bytes(rows))
    click.echo(
        f"wrote {target.name}/ with {len(rows)} row(s): {len(statements)} ready, "
        f"{len(bad)} to fix (run `reactionmap check {target}`)"
        + ("" if date else "; date not given")
    )
    if problems:
        click.echo(f"{len(bad)} row(s) need fixing, {len(problems)} problem(s):", err=True)
        print_problems(problems)
    exit_for(problems)


def _write_event(target: Path, out: Path | None, force: bool, toml: str, rows: bytes) -> None:
    """Write an event folder's two files as one change, one writer at a time (a second import
    of the same event waits for the first): see intake.writers."""
    if name_refusal(target):
        raise Refused(f"refused: event folder {name_refusal(target)}")
    try:
        with folder_lock(target):
            _refuse_target(target, out, force)
            replace_files(target, {EVENT_FILE: toml.encode(), STATEMENTS_FILE: rows})
    except OSError as err:
        raise Refused(f"refused: could not write {target}: {err.strerror or err}") from None


def _statements_bytes(rows: pd.DataFrame) -> bytes:
    """The rows in the contract's columns, as a statements.csv that reads back cell for cell."""
    return table_bytes(as_strings(rows.reindex(columns=list(STATEMENT_COLUMNS), fill_value="")))


def _refuse_target(target: Path, out: Path | None, force: bool) -> None:
    """Stop unless import may write an event into ``target``: exit 2 for a target that is not
    a real folder in the events folder (or the --out folder), 1 for one that already holds an
    event (unless --force)."""
    refusal = unsafe_target(target, None if out else paths.events_dir())
    if refusal:
        raise Stop(f"refused: {refusal}")
    if (target / "event.toml").exists() and not force:
        raise Refused(f"{target} already holds an event; pass --force to replace it")


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


def _import_un_vote(
    source: Path,
    resolution: str | None,
    event_id: str | None,
    title: str | None,
    out: Path | None,
    force: bool,
) -> None:
    """One resolution of the UN Digital Library's voting file as an event folder."""
    found = _scan(source, resolution)
    if found.rows.empty:
        why = (
            f"no resolution {resolution!r} in {source.name}"
            if resolution
            else "choose a resolution with --resolution SYMBOL"
        )
        click.echo(
            f"{why}; it holds {len(found.resolutions)} resolution(s), newest first:", err=True
        )
        click.echo(unvotes.listing_text(found.resolutions, limit=LISTED))
        click.get_current_context().exit(2)
    vote = unvotes.vote_event(found.rows, resolution or "", event_id)
    target = out or paths.events_dir() / vote.event_id
    _refuse_target(target, out, force)
    statements, problems = prepare_statements(
        vote.statements, VOTE_SCALE, pd.Timestamp(vote.date or "1970-01-01"), source.name,
        strict=True,
    )  # fmt: skip
    toml = event_toml(
        vote.event_id, title or vote.title, vote.date, VOTE_SCALE, vote.summary, vote.sources
    )
    _write_event(target, out, force, toml, _statements_bytes(vote.statements))
    counts = vote.statements["stance"].value_counts()
    tally = ", ".join(f"{int(counts.get(c.key, 0))} {c.key}" for c in VOTE_SCALE.categories)
    click.echo(
        f"{found.layout} layout; scale: vote. wrote {target.name}/: {vote.title}, {vote.date}"
    )
    click.echo(f"  {len(vote.statements)} member(s): {tally}")
    former = vote.statements[vote.statements["actor_iso3"].map(is_former)]
    if len(former):
        names = ", ".join(
            f"{a} ({c})" for a, c in zip(former["actor"], former["actor_iso3"], strict=True)
        )
        click.echo(f"  not on today's map (no longer exist; never drawn on a successor): {names}")
    if problems:
        click.echo(f"{len(problems)} problem(s) (run `reactionmap check {target}`):", err=True)
        print_problems(problems)
    exit_for(problems)


@click.command(short_help="List the resolutions in a UN voting file, newest first.")
@click.argument("file", type=click.Path(path_type=Path))
def resolutions(file: Path) -> None:
    """List the resolutions in the UN Digital Library's voting file, newest first.

    Each line: the symbol, the date and the title.
    """
    click.echo(unvotes.listing_text(_scan(file).resolutions))


def _scan(source: Path, symbol: str | None = None) -> unvotes.Scan:
    """The file's resolutions (and the rows of ``symbol``); a file that cannot be read as the
    UN voting file stops the command (exit 2), naming it and why."""
    try:
        return unvotes.scan(source, symbol)
    except (OSError, ValueError, pd.errors.ParserError) as err:  # pyarrow's ArrowInvalid too
        raise Stop(f"{source.name}: {err}") from None
