"""Event folders: list them, key their content, and load one (its files read and checked)."""

from __future__ import annotations

import functools
import hashlib
import os
import stat
import tomllib
from pathlib import Path

from reactionmap.contract import paths
from reactionmap.contract.dates import MONTH_RE, as_text, parse_day
from reactionmap.contract.event import (
    EVENT_FILE,
    STATEMENTS_FILE,
    Event,
    event_from_meta,
)
from reactionmap.contract.problems import Problem
from reactionmap.intake.statements import (
    prepare_statements,
)
from reactionmap.intake.tables import EVENT_MAX_BYTES, TableRefused, read_csv_text, read_limited
from reactionmap.places.resolver import CountryResolver


class EventNotFound(LookupError):
    """No event directory by that id or path."""


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
    # A hidden folder is a writer's work in progress (intake.writers), never an event.
    return (
        not path.name.startswith(".")
        and inside(path, root)
        and regular_file(path / EVENT_FILE, root)
    )


def list_events(events_dir: Path | None = None) -> list[str]:
    """The ids of every event directory (one holding an event.toml), sorted. A link that
    leads out of the events folder is not followed."""
    root = events_dir or paths.events_dir()
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if _is_event(p, root))


def _meta(event_id: str, events_dir: Path | None = None) -> dict:
    """An event's event.toml as read, or {} when it cannot be read (`check` names that)."""
    root = events_dir or paths.events_dir()
    try:
        return dict(_parsed((root / event_id / EVENT_FILE).read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}


@functools.lru_cache(maxsize=256)
def _parsed(text: str) -> dict:
    """An event.toml's text parsed, once per text (the pages list every event's title and
    date on each rerun); keyed by the text itself, so an edited file is parsed again."""
    return tomllib.loads(text)


def event_title(event_id: str, events_dir: Path | None = None) -> str:
    """An event's title as its event.toml gives it, for pickers; the id when the file has
    none or cannot be read (`check` names that problem)."""
    title = _meta(event_id, events_dir).get("title")
    return " ".join(title.split()) if isinstance(title, str) and title.strip() else event_id


def newest_event(events_dir: Path | None = None) -> str | None:
    """The event the page opens on when its URL names none: the one with the latest date, so
    that adding an older event never changes the page a reader lands on. An event whose date
    is missing or not a day or month counts as the oldest; among equals, the first by id.
    None when there is no event."""

    def day(event_id: str) -> str:
        text = as_text(_meta(event_id, events_dir).get("date"))
        if parse_day(text) is not None:
            return text[:10]
        month = parse_day(text[:7] + "-01", time=False) if MONTH_RE.match(text[:7]) else None
        return text[:7] if month is not None and len(text) == 7 else ""

    events = list_events(events_dir)
    return max(events, key=day) if events else None  # max keeps the first of equals


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
            raw, table_problems = read_csv_text(read_limited(csv_path, EVENT_MAX_BYTES), csv_name)
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
