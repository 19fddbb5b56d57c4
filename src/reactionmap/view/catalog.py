"""The events list: each event's id, date, title and counts, newest first; a folder that fails
to load is listed with its problem, never dropped."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from reactionmap.contract.event import Event
from reactionmap.contract.problems import Problem
from reactionmap.intake.events import EventNotFound, list_events, load_event
from reactionmap.places.resolver import CountryResolver
from reactionmap.view.stance import actor_key

COLUMNS = ("id", "date", "title", "actors", "statements", "problems", "first_problem")
NO_DATE = "date not given"  # an event whose files give no day: never a made-up one


@dataclass(frozen=True)
class Entry:
    """One event as the list shows it. ``date`` None: its files give no date."""

    id: str
    title: str
    date: pd.Timestamp | None
    actors: int
    statements: int
    problems: tuple[Problem, ...] = ()

    @property
    def date_text(self) -> str:
        return f"{self.date:%Y-%m-%d}" if self.date is not None else NO_DATE

    def as_row(self) -> dict[str, object]:
        """The entry for a CSV or JSON listing: the first problem stands for the others."""
        return {
            "id": self.id,
            "date": f"{self.date:%Y-%m-%d}" if self.date is not None else "",
            "title": self.title,
            "actors": self.actors,
            "statements": self.statements,
            "problems": len(self.problems),
            "first_problem": str(self.problems[0]) if self.problems else "",
        }


def actor_count(statements: pd.DataFrame) -> int:
    """How many actors spoke, as the page counts them (view.stance.actor_key): a country or
    organization code, or a speaker for no government by their own name."""
    known = statements[statements["actor_iso3"] != ""]
    return int(actor_key(known).nunique()) if len(known) else 0


def entry(event: Event) -> Entry:
    """An event's line in the list, from its loaded files (problems included)."""
    return Entry(
        id=event.directory.name if event.directory is not None else event.id,
        title=" ".join(event.title.split()) or event.id,  # one line, whatever the file holds
        date=event.date if event.date_known else None,
        actors=actor_count(event.statements),
        statements=len(event.statements),
        problems=tuple(event.problems),
    )


def failed(event_id: str, message: str) -> Entry:
    """An event folder that could not be read at all: listed with why."""
    return Entry(event_id, event_id, None, 0, 0, (Problem(event_id, None, None, "", message),))


def newest_first(entries: list[Entry]) -> list[Entry]:
    """Latest date first; undated events last; among equals, by id."""
    by_id = sorted(entries, key=lambda e: e.id)
    dated = [e for e in by_id if e.date is not None]
    dated.sort(key=lambda e: e.date.value if e.date is not None else 0, reverse=True)
    return dated + [e for e in by_id if e.date is None]


def catalog(events_dir: Path | None = None, resolver: CountryResolver | None = None) -> list[Entry]:
    """Every event of the events folder, loaded and summarized, newest first."""
    entries = []
    for event_id in list_events(events_dir):
        try:
            entries.append(entry(load_event(event_id, events_dir, resolver)))
        except (EventNotFound, OSError) as err:  # gone, or unreadable, since it was listed
            entries.append(failed(event_id, f"cannot be read: {err}"))
    return newest_first(entries)
