"""UN members that no longer exist (USSR, Yugoslavia, ...): their codes, names and last day."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from reactionmap.contract.dates import DAY_RULE, parse_day
from reactionmap.contract.paths import COUNTRIES_DIR
from reactionmap.contract.reviewed import read_reviewed, refuse

HISTORICAL_PATH = COUNTRIES_DIR / "historical.csv"
COLUMNS = ("code", "name", "last_day", "successors", "names", "shared_names", "note")


@dataclass(frozen=True)
class FormerMember:
    """A state that voted at the UN and no longer exists: never drawn on a successor's shape."""

    code: str
    name: str
    last_day: pd.Timestamp
    successors: tuple[str, ...]
    names: tuple[str, ...]  # names that only ever meant this state
    shared_names: tuple[str, ...]  # names and codes its successor kept: this state up to last_day


@functools.cache
def former_members(path: Path = HISTORICAL_PATH) -> dict[str, FormerMember]:
    """The reviewed list in data/countries/historical.csv, by code."""
    members = {}
    for line, row in read_reviewed(path, COLUMNS):
        code = row["code"]
        day = parse_day(row["last_day"], time=False)
        if len(code) != 3 or not code.isupper() or day is None or code in members:
            raise refuse(
                path,
                line,
                f"code {code!r} must be a new upper-case three-letter code and last_day "
                f"{row['last_day']!r} a day, {DAY_RULE}",
            )
        members[code] = FormerMember(
            code=code,
            name=row["name"],
            last_day=day,
            successors=tuple(row["successors"].split()),
            names=tuple(n.strip() for n in row["names"].split("|") if n.strip()),
            shared_names=tuple(n.strip() for n in row["shared_names"].split("|") if n.strip()),
        )
    return members


def is_former(code: str) -> bool:
    """Whether a code is a former UN member's (not on today's map)."""
    return code in former_members()
