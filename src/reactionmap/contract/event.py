"""An event's description as event.toml gives it: the Event record, and what is missing from it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from reactionmap.contract.dates import RANGE_TEXT, as_text, parse_day, valid_dates
from reactionmap.contract.problems import Problem
from reactionmap.contract.scale import DEFAULT_SCALE, Scale, scale_from_config
from reactionmap.contract.statements import STATEMENT_COLUMNS

# An undated event's statements all count from this day; the page never shows it (date_known).
UNDATED = pd.Timestamp("1970-01-01")


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
    for column in ("when", "made_from", "made_until"):
        frame[column] = pd.Series(dtype="datetime64[ns]")
    frame["date_label"] = pd.Series(dtype=str)
    frame["row"] = pd.Series(dtype=int)
    return frame


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
    lists: dict[str, list[dict]] = {}
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
        parties=lists["parties"],
        milestones=lists["milestones"],
        sources=lists["sources"],
    )
    return event, problems


EVENT_FILE = "event.toml"


STATEMENTS_FILE = "statements.csv"


EVENT_ID_RE = re.compile(r"[a-z0-9][a-z0-9_-]*")  # a folder name, never a path
