"""Write draft rows into an event folder: a new event, or appended to an existing one's statements."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import tomli_w

from reactionmap.contract import paths
from reactionmap.contract.dates import DAY_RULE, parse_day
from reactionmap.contract.event import EVENT_FILE, EVENT_ID_RE, STATEMENTS_FILE
from reactionmap.contract.scale import DEFAULT_SCALE
from reactionmap.contract.statements import STATEMENT_COLUMNS, new_statement_id
from reactionmap.intake.tables import as_strings, read_csv_text
from reactionmap.intake.writers import (
    event_toml,
    folder_lock,
    name_refusal,
    replace_files,
    table_bytes,
    unsafe_target,
)


class DraftNotSaved(ValueError):
    """Why the draft could not be written; the message names the value to fix."""


@dataclass
class ExistingEvent:
    """What the drafter needs to know about an event folder before adding to it."""

    directory: Path
    exists: bool
    parties: list[str]
    statement_ids: set[str]
    date: str = ""


def event_folder(event_id: str, events_dir: Path | None = None) -> Path:
    """The folder of an event id inside the events directory, never anywhere else."""
    if not isinstance(event_id, str) or not EVENT_ID_RE.fullmatch(event_id):
        raise DraftNotSaved(
            f"event id {event_id!r} is not allowed: use lower-case letters, digits, '-' or '_' "
            "(e.g. coup-2025-08)"
        )
    root = (events_dir or paths.events_dir()).resolve()
    refusal = name_refusal(root / event_id)
    if refusal:
        raise DraftNotSaved(f"event id {refusal}")
    folder = (root / event_id).resolve()
    if folder.parent != root:
        raise DraftNotSaved(f"event id {event_id!r} does not name a folder inside {root.name}/")
    return folder


def existing_event(event_id: str, events_dir: Path | None = None) -> ExistingEvent:
    """The parties, statement ids and date of an event folder, if there is one."""
    folder = event_folder(event_id, events_dir)
    meta_path = folder / EVENT_FILE
    if not meta_path.is_file():
        return ExistingEvent(folder, False, [], set())
    try:
        meta = tomllib.loads(meta_path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise DraftNotSaved(
            f"{event_id}/{EVENT_FILE} is not valid TOML ({err}); fix it (`reactionmap check "
            f"{event_id}`) before adding a draft"
        ) from None
    parties = [
        str(p.get("iso3", "")).strip().upper()
        for p in meta.get("parties", [])
        if isinstance(p, dict) and p.get("iso3")
    ]
    ids = set(_existing_rows(folder).get("statement_id", pd.Series(dtype=str)))
    return ExistingEvent(folder, True, parties, ids, str(meta.get("date", "")))


def _existing_rows(folder: Path) -> pd.DataFrame:
    """The event's rows as written; a file with any row that does not read cleanly (a field
    too many or too few) is refused, naming the rows: a save never rewrites what it could not
    read."""
    path = folder / STATEMENTS_FILE
    if not path.is_file():
        return pd.DataFrame(columns=list(STATEMENT_COLUMNS))
    raw, problems = read_csv_text(path.read_bytes(), f"{folder.name}/{STATEMENTS_FILE}")
    if raw is None or problems:
        raise DraftNotSaved(
            "; ".join(str(p) for p in problems)
            + " — nothing was saved: fix "
            + ("the file" if raw is None else "these rows")
            + f" (`reactionmap check {folder.name}`) before adding a draft"
        )
    return as_strings(raw)


def save_draft(
    rows: pd.DataFrame,
    event_id: str,
    *,
    title: str = "",
    date: str = "",
    targets: list[str] | tuple[str, ...] = (),
    source_name: str = "",
    source_url: str = "",
    events_dir: Path | None = None,
    sources: list[tuple[str, str]] | None = None,
) -> tuple[Path, int, bool]:
    """Append ``rows`` to the event's statements.csv, creating the event (its event.toml with
    the default scale, the targets as parties and the source, or every (name, url) of
    ``sources`` when several articles were drafted; no date when none is given) when it does
    not exist. One writer at a time: the event is read and written under its
    lock, and its files are replaced as one change, never written through a link (see
    intake.writers). Returns (folder, rows written, created)."""
    folder = event_folder(event_id, events_dir)
    try:
        with folder_lock(folder):
            listed = sources if sources is not None else [(source_name, source_url)]
            return _save(rows, event_id, title, date, targets, listed, events_dir)
    except OSError as err:
        raise DraftNotSaved(
            f"{event_id} could not be written: {err.strerror or err}; nothing was saved"
        ) from None


def _save(
    rows: pd.DataFrame,
    event_id: str,
    title: str,
    date: str,
    targets: list[str] | tuple[str, ...],
    listed: list[tuple[str, str]],
    events_dir: Path | None,
) -> tuple[Path, int, bool]:
    """save_draft's work, with the event's lock held."""
    event = existing_event(event_id, events_dir)
    new = as_strings(rows.reindex(columns=list(STATEMENT_COLUMNS), fill_value=""))
    new = new[new.ne("").any(axis=1)].reset_index(drop=True)  # a blank row added by hand
    blank = new["statement_id"].str.strip() == ""
    if blank.any():  # a row the reader added: give it an id no other row has
        used = event.statement_ids | set(new["statement_id"])
        for index in new.index[blank]:
            new.at[index, "statement_id"] = new_statement_id("added-", used)
    taken = event.statement_ids & set(new["statement_id"])
    if taken:
        raise DraftNotSaved(
            f"statement_id {', '.join(sorted(taken))} already in {event_id}/{STATEMENTS_FILE}; "
            "give those rows another id"
        )
    created = not event.exists
    refusal = unsafe_target(event.directory, event.directory.parent)
    if refusal:
        raise DraftNotSaved(refusal)
    if created:
        if date and parse_day(date, time=False) is None:
            raise DraftNotSaved(f"the event's date {date!r} is not a day: write it as {DAY_RULE}")
        named = dict.fromkeys((name or url, url) for name, url in listed if name or url)
        sources = [{"name": name, "url": url} for name, url in named]
        text = event_toml(event_id, title or event_id, date, DEFAULT_SCALE, sources=sources)
        parties = [
            {"iso3": code, "role": "target"}
            for code in dict.fromkeys(t.strip().upper() for t in targets if t.strip())
        ]
        if parties:
            text += "\n" + tomli_w.dumps({"parties": parties})
        files = {EVENT_FILE: text.encode("utf-8")}
        combined = new
    else:
        old = _existing_rows(event.directory)
        columns = list(dict.fromkeys([*STATEMENT_COLUMNS, *old.columns]))
        combined = pd.concat([old, new], ignore_index=True).reindex(columns=columns).fillna("")
        files = {}
    # Every column, not only the contract's: a column the editor added is kept, never dropped.
    files[STATEMENTS_FILE] = table_bytes(combined)
    replace_files(event.directory, files)
    return event.directory, len(new), created
