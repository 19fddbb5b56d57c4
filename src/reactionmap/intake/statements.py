"""Statements made ready to map: headers read, cells checked, actors resolved, dates placed."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from reactionmap.contract.cells import INVISIBLE_RE
from reactionmap.contract.dates import MONTH_RE, month_end
from reactionmap.contract.event import UNDATED, Event, empty_statements
from reactionmap.contract.problems import Problem
from reactionmap.contract.scale import Scale
from reactionmap.contract.statements import REQUIRED_COLUMNS, STATEMENT_COLUMNS, validate_statements
from reactionmap.intake.columns import normalise_columns
from reactionmap.intake.stance_words import to_keys
from reactionmap.intake.tables import as_strings
from reactionmap.places.resolver import CountryResolver, default_resolver

# Columns that name or code something: invisible characters are removed from them.
ID_COLUMNS = (
    "statement_id", "actor", "actor_iso3", "actor_type", "stance", "date", "date_precision",
    "reported", "source_url",
)  # fmt: skip


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
                kind="missing_column",
                allowed=STATEMENT_COLUMNS,
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
                    kind="unused_column",
                    allowed=STATEMENT_COLUMNS,
                )
            )
    if any(c in missing for c in REQUIRED_COLUMNS):
        return empty_statements(), problems
    frame = frame.reindex(columns=list(STATEMENT_COLUMNS), fill_value="")
    frame = as_strings(frame)
    for column in STATEMENT_COLUMNS:  # a CR LF in a cell is a line break, as LF is
        if frame[column].str.contains("\r\n", regex=False).any():
            frame[column] = frame[column].str.replace("\r\n", "\n", regex=False)
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
    for column in ID_COLUMNS:  # names and codes: " FRA " is FRA
        frame[column] = frame[column].str.strip()
    frame["date_precision"] = frame["date_precision"].str.lower()
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
    place_in_time(good, event_date)
    return _text_as_objects(good.reset_index(drop=True)), problems


def _text_as_objects(frame: pd.DataFrame) -> pd.DataFrame:
    """The text columns held as Python strings (object), not pandas' Arrow strings: a view cuts
    the statements a dozen times a rerun, and each cut of an Arrow column is a pyarrow call of
    its own; a new view's composition took twice as long (10.4 against 4.9 ms)."""
    text = [c for c in frame.columns if isinstance(frame[c].dtype, pd.StringDtype)]
    return frame.astype(dict.fromkeys(text, object)) if text else frame


def place_in_time(statements: pd.DataFrame, event_date: pd.Timestamp) -> None:
    """Add, in place, when (the day a statement counts from for as-of), made_from and
    made_until (the first and last day it can have been made; NaT: open) and date_label."""
    statements["when"] = earliest_dates(statements["date"], event_date, statements["reported"])
    statements["made_from"] = earliest_dates(statements["date"], event_date)
    statements["made_until"] = latest_dates(statements["date"], statements["reported"])
    cells = pd.MultiIndex.from_arrays(
        [statements["date"], statements["date_precision"], statements["reported"]]
    )
    labels = {cell: date_label(*cell) for cell in cells.unique()}  # few distinct dates
    statements["date_label"] = [labels[cell] for cell in cells]


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
        problems.append(
            Problem.at(
                file,
                index,
                column,
                names[index],
                str(error),
                kind=f"place_{error.reason}",  # place_ambiguous, place_unknown
                allowed=error.candidates,
            )
        )
    frame["actor_iso3"] = codes.fillna("").astype(str)
    is_org = resolver.are_organizations(frame["actor_iso3"])
    frame["actor_type"] = frame["actor_type"].mask(
        frame["actor_type"] == "", is_org.map({True: "organization", False: "state"})
    )
    return problems


def _precision_of(dates: pd.Series) -> pd.Series:
    return dates.map(lambda d: "unknown" if d == "" else "month" if MONTH_RE.match(d) else "day")


def earliest_dates(
    dates: pd.Series, event_date: pd.Timestamp, reported: pd.Series | None = None
) -> pd.Series:
    """The day each statement counts from, for as-of filtering and order.

    A day is itself (at its written local time). Without a day, a statement counts from the
    day its source reported it when ``reported`` gives that day (what was known when); else
    a month counts from its first day, or from the event's date when the event falls in that
    month, and an unknown date from the event's date. Without ``reported``: the earliest day
    each statement can have been made.
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
    when = when.fillna(event_date).astype("datetime64[ns]")
    if reported is not None:
        days = pd.to_datetime(reported, errors="coerce", format="%Y-%m-%d")
        undated = ~dates.str.match(r"^\d{4}-\d{2}-\d{2}") & days.notna()
        when = when.mask(undated, days.where(days > when, when))
    return when


def latest_dates(dates: pd.Series, reported: pd.Series) -> pd.Series:
    """The last day each statement can have been made (at midnight): its own day; else the
    day its source reported it, or its month's last day, whichever is first; NaT when open."""
    day = pd.to_datetime(
        dates.str[:10].where(dates.str.len() >= 10), errors="coerce", format="%Y-%m-%d"
    )
    told = pd.to_datetime(reported, errors="coerce", format="%Y-%m-%d")
    months = dates.str.fullmatch(r"\d{4}-\d{2}")
    until = told
    if months.any():
        ends = month_end(dates[months])
        until = until.copy()
        until[months] = ends.where(~(told[months] < ends), told[months])
    return day.fillna(until).astype("datetime64[ns]")


def date_label(date: str, precision: str, reported: str = "") -> str:
    """A date as a reader sees it, honest about what is not known."""
    if precision != "day" and reported:
        told = pd.Timestamp(reported)
        return f"reported {told.day} {told:%b %Y}, day of the statement not given"
    if not date or precision == "unknown":
        return "date not reported"
    stamp = pd.Timestamp(date[:10] if precision == "day" else date + "-01")
    if precision == "month":
        return f"{stamp:%B %Y} (day not reported)"
    text = f"{stamp.day} {stamp:%b %Y}"
    if len(date) > 10:
        text += f", {date[11:16]}"
    return text


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
        place_in_time(statements, date)
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
