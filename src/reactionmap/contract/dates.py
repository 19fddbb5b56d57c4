"""Date rules in one place: the accepted years, a month's last day, and the as-of cut-off."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

# Far wider than any reaction to a news event, well inside what pandas can hold.
YEAR_MIN = 1900
YEAR_MAX = 2100
RANGE_TEXT = f"between {YEAR_MIN} and {YEAR_MAX}"
DAY_RULE = f"YYYY-MM-DD, the year {RANGE_TEXT}"  # what parse_day takes, for messages
_DAY_START = re.compile(r"\d{4}-\d{2}-\d{2}")


def years_in_range(values: pd.Series) -> pd.Series:
    """True where a cell does not start with a year, or its year is within YEAR_MIN..YEAR_MAX."""
    years = pd.to_numeric(values.str.extract(r"^(\d{4})-", expand=False), errors="coerce")
    return years.isna() | years.between(YEAR_MIN, YEAR_MAX)


def as_text(value: object) -> str:
    """A date as written in event.toml: a quoted string, or an unquoted TOML date or date-time."""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep="T")
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def parse_day(value: object, time: bool = True) -> pd.Timestamp | None:
    """The day a YYYY-MM-DD value names, or None when it is not a day with a year in range.

    A time after the day is ignored; with ``time`` False the value must be the day alone."""
    text = as_text(value)
    if len(text) < 10 or (not time and len(text) != 10) or not _DAY_START.match(text):
        return None
    try:  # one value: no pandas Series, which costs a page rerun milliseconds per call
        day = dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
    return pd.Timestamp(day) if YEAR_MIN <= day.year <= YEAR_MAX else None


def month_end(months: pd.Series) -> pd.Series:
    """The last day of each YYYY-MM month (at midnight)."""
    return pd.to_datetime(months + "-01", format="%Y-%m-%d") + pd.offsets.MonthEnd(0)


def cutoff(as_of: pd.Timestamp) -> pd.Timestamp:
    """The first instant after the as-of day: a statement made before it counts as made."""
    return pd.Timestamp(as_of).normalize() + pd.Timedelta(days=1)


def made_by(when: pd.Series, as_of: pd.Timestamp | None) -> pd.Series:
    """True where a statement (at its earliest possible time ``when``) is made by the end of
    the as-of day; every other statement is "later". One rule for the table, the cards and
    the timeline."""
    if as_of is None:
        return pd.Series(True, index=when.index)
    return when < cutoff(as_of)


# A date as an editor writes it: a day (optionally with a time), a month, or nothing.
DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?)?$")


MONTH_RE = re.compile(r"^\d{4}-\d{2}$")


def valid_dates(values: pd.Series) -> pd.Series:
    """True where a cell is empty, a real month (YYYY-MM) or a real day (time optional),
    its year between YEAR_MIN and YEAR_MAX."""
    months = values.str.fullmatch(MONTH_RE.pattern[1:-1]) & years_in_range(values)
    days = values.str.fullmatch(DAY_RE.pattern[1:-1]) & years_in_range(values)
    ok = values.eq("") | (months & values.str[5:7].isin([f"{m:02d}" for m in range(1, 13)]))
    if days.any():
        parsed = pd.to_datetime(values[days], errors="coerce", utc=True, format="ISO8601")
        ok[days] = parsed.notna()
    return ok
