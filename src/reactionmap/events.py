"""Read an event's files (or a table brought in), validate them, and report every problem at once."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from reactionmap import paths
from reactionmap.countries import CountryResolver, default_resolver
from reactionmap.dates import RANGE_TEXT, as_text, month_end, parse_day
from reactionmap.scales import to_keys
from reactionmap.schema import (
    DEFAULT_SCALE,
    INVISIBLE_RE,
    MONTH_RE,
    REQUIRED_COLUMNS,
    STATEMENT_COLUMNS,
    Problem,
    Scale,
    scale_from_config,
    valid_dates,
    validate_statements,
)
from reactionmap.tables import TableRefused, as_strings, read_csv_text, read_limited

EVENT_FILE = "event.toml"
STATEMENTS_FILE = "statements.csv"
DERIVED_COLUMNS = ("when", "date_label", "row")
# Columns that name or code something: invisible characters are removed from them.
ID_COLUMNS = (
    "statement_id", "actor", "actor_iso3", "actor_type", "stance", "date", "date_precision",
    "source_url",
)  # fmt: skip


EVENT_ID_RE = re.compile(r"[a-z0-9][a-z0-9_-]*")  # a folder name, never a path
# An undated event's statements all count from this day; the page never shows it (date_known).
UNDATED = pd.Timestamp("1970-01-01")


class EventNotFound(LookupError):
    """No event directory by that id or path."""


@dataclass
class Event:
    """One event: its description, its scale and its validated, resolved statements."""

    id: str
    title: str
    date: pd.Timestamp
    summary: str = ""
    parties: list[dict] = field(default_factory=list)
    milestones: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    scale: Scale = DEFAULT_SCALE
    statements: pd.DataFrame = field(default_factory=lambda: empty_statements())
    problems: list[Problem] = field(default_factory=list)
    directory: Path | None = None
    input_rows: int = 0
    date_known: bool = True  # False: no date given anywhere; `date` is a placeholder, never shown


def empty_statements() -> pd.DataFrame:
    """A statements frame with no rows and every column."""
    frame = pd.DataFrame({c: pd.Series(dtype=str) for c in STATEMENT_COLUMNS})
    frame["when"] = pd.Series(dtype="datetime64[ns]")
    frame["date_label"] = pd.Series(dtype=str)
    frame["row"] = pd.Series(dtype=int)
    return frame


def inside(path: Path, folder: Path) -> bool:
    """True when ``path``, links followed, is ``folder`` or lies within it."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a link loop
        return False


def regular_file(path: Path, folder: Path) -> bool:
    """True for a regular file that stays inside ``folder`` once links are followed; a
    dangling link, a fifo, a device or a link out of the folder is not one."""
    try:
        return stat.S_ISREG(path.stat().st_mode) and inside(path, folder)
    except (OSError, RuntimeError):
        return False


def _is_event(path: Path, root: Path) -> bool:
    return inside(path, root) and regular_file(path / EVENT_FILE, root)


def list_events(events_dir: Path | None = None) -> list[str]:
    """The ids of every event directory (one holding an event.toml), sorted. A link that
    leads out of the events folder is not followed."""
    root = events_dir or paths.events_dir()
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if _is_event(p, root))


def event_title(event_id: str, events_dir: Path | None = None) -> str:
    """An event's title as its event.toml gives it, for pickers; the id when the file has
    none or cannot be read (`check` names that problem)."""
    root = events_dir or paths.events_dir()
    try:
        meta = tomllib.loads((root / event_id / EVENT_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return event_id
    title = meta.get("title")
    return " ".join(title.split()) if isinstance(title, str) and title.strip() else event_id


def event_root(directory: Path, events_dir: Path | None = None) -> Path:
    """The folder an event's files must stay in: the events folder when the event lies in
    it, else the event's own folder (an explicit path)."""
    root = events_dir or paths.events_dir()
    return root if inside(directory, root) else directory


def event_directory(ref: str | Path, events_dir: Path | None = None) -> Path:
    """An event id under the events directory, or a path to an event directory."""
    root = events_dir or paths.events_dir()
    candidate = Path(ref)
    if candidate.is_dir() and regular_file(candidate / EVENT_FILE, candidate):
        return candidate
    if _is_event(root / str(ref), root):
        return root / str(ref)
    known = ", ".join(list_events(root)) or "none"
    raise EventNotFound(
        f"No event {str(ref)!r}: expected a directory with {EVENT_FILE} "
        f"(known events under {root.name}/: {known})"
    )


def event_stamp(ref: str | Path, events_dir: Path | None = None) -> str:
    """A key for an event's content: the name, size and hash of each regular file in its
    folder. It changes when a file is edited, replaced, added or deleted, whatever the
    file times say. Dangling links, fifos and links out of the events folder are skipped."""
    directory = event_directory(ref, events_dir)
    root = event_root(directory, events_dir)
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(directory.iterdir()):
        if not regular_file(path, root):
            continue
        try:
            with path.open("rb") as handle:
                content = hashlib.file_digest(handle, "blake2b").hexdigest()
        except OSError:
            continue  # gone since it was listed: the next stamp will differ
        digest.update(f"{path.name}\0{path.stat().st_size}\0{content}\n".encode())
    return digest.hexdigest()


def load_event(
    ref: str | Path, events_dir: Path | None = None, resolver: CountryResolver | None = None
) -> Event:
    """Read and check an event's files; problems are collected in Event.problems, never raised."""
    directory = event_directory(ref, events_dir)
    meta_name = f"{directory.name}/{EVENT_FILE}"
    root = event_root(directory, events_dir)
    try:
        meta = tomllib.loads(read_limited(directory / EVENT_FILE).decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, TableRefused) as err:
        meta = {}
        meta_problems = [Problem(meta_name, None, None, "", f"not valid TOML: {err}")]
    else:
        meta_problems = []
    event, more = event_from_meta(meta, meta_name, default_id=directory.name)
    event.directory = directory
    csv_name = f"{directory.name}/{STATEMENTS_FILE}"
    csv_path = directory / STATEMENTS_FILE
    raw = None
    if not os.path.lexists(csv_path):
        table_problems = [Problem(csv_name, None, None, "", "file is missing")]
    elif not regular_file(csv_path, root):
        message = (
            "is not a regular file inside the events folder (a dangling link, or a link outside it)"
        )
        table_problems = [Problem(csv_name, None, None, "", message)]
    else:
        try:
            raw, table_problems = read_csv_text(read_limited(csv_path), csv_name)
        except TableRefused as err:
            table_problems = [Problem(csv_name, None, None, "", str(err))]
    statement_problems: list[Problem] = []
    if raw is not None:
        event.input_rows = len(raw)
        event.statements, statement_problems = prepare_statements(
            raw, event.scale, event.date, csv_name, resolver, True, table_problems
        )
    event.problems = meta_problems + more + table_problems + statement_problems
    return event


def event_from_table(
    raw: pd.DataFrame,
    scale: Scale,
    name: str,
    resolver: CountryResolver | None = None,
    read_problems: list[Problem] | None = None,
) -> Event:
    """An Event from a table a reader brought in: only actor and stance are required.

    Its date is its earliest dated statement; with none, the date is not known (never today).
    """
    statements, problems = prepare_statements(
        raw, scale, UNDATED, name, resolver=resolver, known=read_problems or []
    )
    dated = statements.loc[statements["date_precision"] == "day", "when"]
    date = dated.min().normalize() if len(dated) else UNDATED
    if len(dated):  # undated statements count from the event's date
        statements["when"] = earliest_dates(statements["date"], date)
    return Event(
        id=Path(name).stem or "table",
        title=name,
        date=date,
        scale=scale,
        statements=statements,
        problems=(read_problems or []) + problems,
        input_rows=len(raw),
        date_known=bool(len(dated)),
    )


def still_standing(
    problems: list[Problem], original: pd.DataFrame, edited: pd.DataFrame
) -> list[Problem]:
    """The problems found reading a table that still hold after it was edited: a problem
    with a row stands while that row is as it was read; one the editor changed is checked
    afresh, like any other row."""
    if original.columns.tolist() != edited.columns.tolist():
        return [p for p in problems if p.row is None or p.row < Problem.FIRST_ROW]
    standing = []
    for problem in problems:
        if problem.row is None or problem.row < Problem.FIRST_ROW:
            standing.append(problem)
            continue
        index = Problem.index_of(problem.row)
        if (
            index in original.index
            and index in edited.index
            and original.loc[index].tolist() == edited.loc[index].tolist()
        ):
            standing.append(problem)
    return standing


def event_from_meta(meta: dict, file: str, default_id: str) -> tuple[Event, list[Problem]]:
    """An Event (without statements) from a parsed event.toml; problems for what is missing."""
    problems: list[Problem] = []
    for key in ("id", "title"):
        if not meta.get(key):
            problems.append(Problem(file, None, key, "", f"`{key}` is missing"))
    # No date is allowed (a table that gives none): the page then says "date not given".
    # TOML dates may be written unquoted (date = 2026-01-03): read them as their ISO text.
    date = parse_day(meta.get("date"))
    known = date is not None
    if not known:
        if meta.get("date"):
            problems.append(
                Problem(
                    file,
                    None,
                    "date",
                    as_text(meta["date"]),
                    f"date must be YYYY-MM-DD, {RANGE_TEXT}",
                )
            )
        date = UNDATED
    scale, scale_problems = scale_from_config(meta.get("scale"), file)
    problems += scale_problems
    lists = {}
    for key, needed in (
        ("parties", ("iso3", "role")),
        ("milestones", ("date", "label")),
        ("sources", ("name",)),
    ):
        entries = meta.get(key, [])
        if not isinstance(entries, list):
            problems.append(Problem(file, None, key, "", f"`{key}` must be a list of tables"))
            entries = []
        for i, entry in enumerate(entries, start=1):
            for need in needed:
                if not isinstance(entry, dict) or not str(entry.get(need, "")).strip():
                    problems.append(Problem(file, None, f"{key}[{i}].{need}", "", "is missing"))
        lists[key] = [e for e in entries if isinstance(e, dict)]
    for i, milestone in enumerate(lists["milestones"], start=1):
        if "date" in milestone:
            milestone["date"] = as_text(milestone["date"])
        value = milestone.get("date", "")
        if value and not valid_dates(pd.Series([value])).iloc[0]:  # the statements' rule
            problems.append(
                Problem(
                    file,
                    None,
                    f"milestones[{i}].date",
                    value,
                    f"date must be YYYY-MM-DD (time optional) or YYYY-MM, {RANGE_TEXT}",
                )
            )
    event = Event(
        id=str(meta.get("id") or default_id),
        title=str(meta.get("title") or default_id),
        date=pd.Timestamp(date).normalize().tz_localize(None),
        summary=str(meta.get("summary", "")),
        scale=scale,
        date_known=known,
        **lists,
    )
    return event, problems


# Headers that spreadsheets and vote records use for the two required columns.
HEADER_ALIASES = {
    "country": "actor",
    "member_state": "actor",
    "state": "actor",
    "name": "actor",
    "vote": "stance",
    "position": "stance",
    "reaction": "stance",
    "country_name": "actor",
    "member": "actor",
    "ms_name": "actor",
    "ms_vote": "stance",
}


def normalise_columns(raw: pd.DataFrame) -> pd.DataFrame:
    """Header names as the contract spells them: trimmed, lower case, spaces as underscores;
    a common synonym of actor or stance ("Country", "Member State", "Vote") is read as it,
    unless the table also has the contract's own column."""
    renamed = raw.copy()
    columns = [str(c).strip().lower().replace(" ", "_").replace("-", "_") for c in raw.columns]
    renamed.columns = [
        HEADER_ALIASES[c] if c in HEADER_ALIASES and HEADER_ALIASES[c] not in columns else c
        for c in columns
    ]
    return renamed


def prepare_statements(
    raw: pd.DataFrame,
    scale: Scale,
    event_date: pd.Timestamp,
    file: str,
    resolver: CountryResolver | None = None,
    strict: bool = False,
    known: list[Problem] | tuple = (),
) -> tuple[pd.DataFrame, list[Problem]]:
    """Validated, resolved statements (good rows only) and a problem for every bad cell.

    Only actor and stance are required; a missing optional column is filled in empty (and a
    missing statement_id column with row-N ids). ``strict`` (an event's own files) requires a
    statement_id in every row when the column is there. ``known`` are the problems found
    reading the file: a row they block is not mapped either.
    """
    resolver = resolver or default_resolver()
    frame = normalise_columns(raw)
    problems: list[Problem] = []
    dupes = sorted({c for c in frame.columns if list(frame.columns).count(c) > 1})
    for column in dupes:
        problems.append(Problem(file, 1, column, column, f"column {column!r} appears twice"))
    frame = frame.loc[:, ~frame.columns.duplicated()]
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    given_ids = "statement_id" in frame.columns
    for column in missing:
        problems.append(
            Problem(
                file,
                1,
                column,
                "",
                f"required column {column!r} is missing; columns are: {', '.join(STATEMENT_COLUMNS)}",
            )
        )
    for column in frame.columns:
        if column not in STATEMENT_COLUMNS:
            problems.append(
                Problem(
                    file,
                    1,
                    column,
                    column,
                    f"unknown column {column!r} is ignored; columns are: "
                    f"{', '.join(STATEMENT_COLUMNS)}",
                    blocking=False,
                )
            )
    if any(c in missing for c in REQUIRED_COLUMNS):
        return empty_statements(), problems
    frame = frame.reindex(columns=list(STATEMENT_COLUMNS), fill_value="")
    frame = as_strings(frame)
    if not pd.api.types.is_integer_dtype(frame.index):
        frame = frame.reset_index(drop=True)
    empty = frame[list(STATEMENT_COLUMNS)].eq("").all(axis=1)
    for index in frame.index[empty]:
        problems.append(Problem.at(file, index, None, "", "the row is empty: delete it"))
    frame = frame[~empty]
    rows = Problem.row_of(frame.index)  # as a spreadsheet shows them; blank lines keep theirs
    # Invisible characters would make "x-01" and "x-01\u200b" two ids: gone from ids and codes.
    for column in ID_COLUMNS:
        if frame[column].str.contains(INVISIBLE_RE, regex=True).any():
            frame[column] = frame[column].str.replace(INVISIBLE_RE, "", regex=True)
    for column in ("statement_id", "actor", "actor_iso3", "actor_type", "stance", "date"):
        frame[column] = frame[column].str.strip()
    frame["date_precision"] = frame["date_precision"].str.strip().str.lower()
    frame["actor_type"] = frame["actor_type"].str.lower()
    frame["stance"] = to_keys(frame["stance"], scale)
    if not strict or not given_ids:
        frame["statement_id"] = frame["statement_id"].mask(
            frame["statement_id"] == "", "row-" + rows.astype(str)
        )
    for index in frame.index[frame["statement_id"] == ""]:
        problems.append(Problem.at(file, index, "statement_id", "", "statement_id is empty"))
    problems += validate_statements(frame, scale, file)
    problems += _resolve_actors(frame, resolver, file)
    frame["date_precision"] = frame["date_precision"].mask(
        frame["date_precision"] == "", _precision_of(frame["date"])
    )
    frame["row"] = rows
    bad_rows = {
        p.row for p in [*known, *problems] if p.blocking and p.row is not None and p.row > 1
    }
    good = frame[~frame["row"].isin(bad_rows)].copy()
    good["when"] = earliest_dates(good["date"], event_date)
    pairs = pd.MultiIndex.from_arrays([good["date"], good["date_precision"]])
    labels = {pair: date_label(*pair) for pair in pairs.unique()}  # few distinct dates
    good["date_label"] = [labels[pair] for pair in pairs]
    return good.reset_index(drop=True), problems


def _resolve_actors(frame: pd.DataFrame, resolver: CountryResolver, file: str) -> list[Problem]:
    """Fill actor_iso3 (and a blank actor_type) in place; a problem for each name not resolved."""
    problems = []
    blank = frame["actor_iso3"] == ""
    names = frame["actor"].where(blank, frame["actor_iso3"])
    types = frame["actor_type"].where(frame["actor_type"].isin(("state", "organization")), "")
    types = types.where(blank | (types != "state"), "")
    codes, errors = resolver.resolve_series(names, types.replace("", None))
    for index, error in errors.items():
        column = "actor" if blank[index] else "actor_iso3"
        if frame.at[index, "actor"] == "" and column == "actor":
            continue  # already reported as an empty actor
        problems.append(Problem.at(file, index, column, names[index], str(error)))
    frame["actor_iso3"] = codes.fillna("").astype(str)
    is_org = resolver.are_organizations(frame["actor_iso3"])
    frame["actor_type"] = frame["actor_type"].mask(
        frame["actor_type"] == "", is_org.map({True: "organization", False: "state"})
    )
    return problems


def _precision_of(dates: pd.Series) -> pd.Series:
    return dates.map(lambda d: "unknown" if d == "" else "month" if MONTH_RE.match(d) else "day")


def earliest_dates(dates: pd.Series, event_date: pd.Timestamp) -> pd.Series:
    """The earliest day each statement can have been made, for as-of filtering and order.

    A day is itself (at its written local time); a month counts from its first day, or from the event's date when the
    event falls in that month; an unknown date counts from the event's date.
    """
    # The date and time as written, in the speaker's own time: a UTC offset is not applied,
    # so a statement is counted on the day its label shows.
    local = dates.str.extract(r"^(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)")[0]
    when = pd.to_datetime(local, errors="coerce", format="ISO8601")
    months = dates.str.fullmatch(r"\d{4}-\d{2}")
    if months.any():
        starts = pd.to_datetime(dates[months] + "-01")
        ends = month_end(dates[months])
        same = (starts <= event_date) & (event_date <= ends)
        when[months] = starts.where(~same, event_date)
    return when.fillna(event_date).astype("datetime64[ns]")


def date_label(date: str, precision: str) -> str:
    """A date as a reader sees it, honest about what is not known."""
    if not date or precision == "unknown":
        return "date not reported"
    stamp = pd.Timestamp(date[:10] if precision == "day" else date + "-01")
    if precision == "month":
        return f"{stamp:%B %Y} (day not reported)"
    text = f"{stamp.day} {stamp:%b %Y}"
    if len(date) > 10:
        text += f", {date[11:16]}"
    return text
