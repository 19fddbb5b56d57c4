"""The statements table: its columns, and a check that reports every problem in it."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from reactionmap.contract.cells import (
    _no_hidden_characters,
    csv_bytes,
    only_invisible,
    safe_url,
    starts_like_formula,
)
from reactionmap.contract.dates import MONTH_RE, RANGE_TEXT, valid_dates, years_in_range
from reactionmap.contract.problems import Problem
from reactionmap.contract.scale import Scale

STATEMENT_COLUMNS: tuple[str, ...] = (
    "statement_id",
    "actor",
    "actor_iso3",
    "actor_type",
    "stance",
    "date",
    "date_precision",
    "reported",  # optional: the day the cited source published it (YYYY-MM-DD)
    "speaker",
    "speaker_role",
    "quote",
    "summary",
    "source_name",
    "source_url",
    "notes",
)


REQUIRED_COLUMNS: tuple[str, ...] = ("actor", "stance")


ACTOR_TYPES: tuple[str, ...] = ("state", "organization", "official", "other")


DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "unknown")


FREE_TEXT_COLUMNS: tuple[str, ...] = ("quote", "summary", "notes")


def _stance_error(scale: Scale) -> str:
    return f"is not a stance of this scale; use one of: {', '.join(scale.keys)}"


def _statement_schema(scale: Scale) -> pa.DataFrameSchema:
    stance_error = _stance_error(scale)
    text = [
        pa.Check(
            _no_hidden_characters,
            error="contains control or bidirectional-override characters; remove them",
        ),
        pa.Check(
            lambda values: ~starts_like_formula(values),
            error="starts like a spreadsheet formula (= @ a tab, or + - not followed by a plain "
            "number); reword it or put it in quote marks",
        ),
        pa.Check(
            lambda values: ~only_invisible(values),
            error="holds only invisible characters: write the text, or leave the cell empty",
        ),
    ]
    columns = {name: pa.Column(str, checks=list(text)) for name in STATEMENT_COLUMNS}
    columns["actor"] = pa.Column(
        str, checks=[*text, pa.Check.str_length(min_value=1, error="actor is empty")]
    )
    columns["stance"] = pa.Column(str, checks=[pa.Check.isin(scale.keys, error=stance_error)])
    columns["actor_type"] = pa.Column(
        str,
        checks=[
            pa.Check.isin(
                ("", *ACTOR_TYPES), error=f"actor_type must be one of: {', '.join(ACTOR_TYPES)}"
            )
        ],
    )
    columns["date_precision"] = pa.Column(
        str,
        checks=[
            pa.Check.isin(
                ("", *DATE_PRECISIONS),
                error=f"date_precision must be one of: {', '.join(DATE_PRECISIONS)}",
            )
        ],
    )
    columns["date"] = pa.Column(
        str,
        checks=[
            pa.Check(
                lambda values: valid_dates(values) | ~years_in_range(values),
                error="date must be YYYY-MM-DD (time optional), YYYY-MM, or empty",
            ),
            pa.Check(years_in_range, error=f"the year must be {RANGE_TEXT}"),
        ],
    )
    columns["reported"] = pa.Column(
        str,
        checks=[
            pa.Check(
                lambda values: values.eq("")
                | (values.str.fullmatch(r"\d{4}-\d{2}-\d{2}") & valid_dates(values)),
                error="reported must be the day the source published it, YYYY-MM-DD, or empty",
            ),
            pa.Check(years_in_range, error=f"the year must be {RANGE_TEXT}"),
        ],
    )
    return pa.DataFrameSchema(columns, strict=False)


def validate_statements(frame: pd.DataFrame, scale: Scale, file: str) -> list[Problem]:
    """Every problem in a statements frame (all columns present, strings, '' for empty)."""
    problems: list[Problem] = []
    try:
        _statement_schema(scale).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        for case in err.failure_cases.itertuples(index=False):
            index = case.index
            row = Problem.row_of(index) if index is not None and not pd.isna(index) else None
            value = "" if case.failure_case is None else str(case.failure_case)
            joint = " " if str(case.check).startswith("is ") else ": "
            stance = case.column == "stance" and case.check == _stance_error(scale)
            problems.append(
                Problem(
                    file,
                    row,
                    case.column,
                    value,
                    f"{value!r}{joint}{case.check}",
                    kind="stance" if stance else "",
                    allowed=scale.keys if stance else (),
                )
            )
    # Precision must agree with the date written.
    dates, precisions = frame["date"], frame["date_precision"]
    expected = pd.Series("day", index=frame.index).mask(dates.eq(""), "unknown")
    expected = expected.mask(dates.str.fullmatch(MONTH_RE.pattern[1:-1]), "month")
    wrong = precisions.ne("") & valid_dates(dates) & precisions.ne(expected)
    for index in frame.index[wrong]:
        problems.append(
            Problem(
                file,
                Problem.row_of(index),
                "date_precision",
                precisions[index],
                f"{precisions[index]!r} does not match date {dates[index]!r}: "
                f"use {expected[index]!r}",
            )
        )
    # A source cannot report a statement before the statement's own day (or month).
    reported = frame["reported"]
    both = reported.str.fullmatch(r"\d{4}-\d{2}-\d{2}") & valid_dates(reported)
    both &= dates.ne("") & valid_dates(dates)
    early = both & (reported < dates.str[:10].where(dates.str.len() >= 10, dates))
    for index in frame.index[early]:
        problems.append(
            Problem(
                file,
                Problem.row_of(index),
                "reported",
                reported[index],
                f"{reported[index]!r} is before the statement's date {dates[index]!r}: "
                "reported is the day the source published it, on or after the statement",
            )
        )
    urls = frame["source_url"]
    for index in frame.index[(urls != "") & ~urls.map(safe_url).astype(bool)]:
        problems.append(
            Problem(
                file,
                Problem.row_of(index),
                "source_url",
                urls[index],
                "is not a plain http:// or https:// address with a host; it is shown as text, "
                "never as a link",
                blocking=False,
            )
        )
    ids = frame["statement_id"]
    for index in frame.index[ids.ne("") & ids.duplicated(keep="first")]:
        problems.append(
            Problem(
                file,
                Problem.row_of(index),
                "statement_id",
                ids[index],
                f"duplicate statement_id {ids[index]!r}: each statement needs its own id",
            )
        )
    return sorted(problems, key=lambda p: (p.row or 0, p.column or ""))


def statements_csv(statements: pd.DataFrame) -> bytes:
    """The statements in the data contract's columns, exactly as an event's statements.csv."""
    return csv_bytes(statements.reindex(columns=list(STATEMENT_COLUMNS), fill_value=""))


def new_statement_id(prefix: str, used: set[str]) -> str:
    """A statement id no row of the event has: the first of prefix01, prefix02, ... not in
    ``used``, which it is added to (so that the next call gives another)."""
    n = 1
    while f"{prefix}{n:02d}" in used:
        n += 1
    used.add(f"{prefix}{n:02d}")
    return f"{prefix}{n:02d}"
