"""Writing event files safely: a file replaced whole (never written through a link), refused targets, event.toml."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import tomli_w

from reactionmap.contract.scale import Scale
from reactionmap.intake.events import inside


def unsafe_target(target: Path, events_dir: Path | None) -> str:
    """Why import must not write to ``target`` ('' when it may): the folder, or a file it
    would replace, is a link (dangling or not) or another kind of entry; or the folder lies
    outside the events folder."""
    if target.is_symlink():
        return f"{target} is a link; import writes only into a real folder"
    if target.exists() and not target.is_dir():
        return f"{target} exists and is not a folder"
    if events_dir is not None and not inside(target.parent, events_dir):
        return f"{target} is not inside the events folder {events_dir}"
    for name in ("event.toml", "statements.csv"):
        path = target / name
        if path.is_symlink() or (path.exists() and not path.is_file()):
            return f"{path} is a link or not a regular file; import never writes through it"
    return ""


def write_file(path: Path, data: bytes) -> None:
    """Write to a new file beside ``path``, then rename it over ``path``: a link there is
    replaced, never written through, and a reader never sees half a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def event_toml(
    event_id: str,
    title: str,
    date: str,
    scale: Scale,
    summary: str = "",
    sources: list[dict] | tuple = (),
) -> str:
    """A minimal event.toml for an imported table, with its scale written out; no `date` when
    the table gives none (tomli-w escapes every value)."""
    document: dict = {"id": event_id, "title": title}
    if date:
        document["date"] = date
    document["summary"] = summary
    if sources:
        document["sources"] = [{"name": s["name"], "url": s["url"]} for s in sources]
    document["scale"] = [
        {"key": c.key, "label": c.label, "color": c.color}
        | ({"aliases": list(c.aliases)} if c.aliases else {})
        for c in scale.categories
    ]
    return tomli_w.dumps(document)
