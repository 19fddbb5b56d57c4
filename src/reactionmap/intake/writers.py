"""Writing files safely: whole files and whole folders swapped in, one writer at a time."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import pandas as pd
import tomli_w

from reactionmap.contract.cells import csv_bytes
from reactionmap.contract.event import EVENT_FILE, STATEMENTS_FILE
from reactionmap.contract.scale import Scale
from reactionmap.intake.events import inside

LOCK_WAIT = 30.0  # seconds a writer waits for another to finish before it gives up
STAGING = ".{name}.new-"  # a folder being written beside the event it will replace
RETIRED = ".{name}.old"  # the replaced folder, on a file system that cannot swap two folders
PART = ".part"  # a file being written beside the one it will replace (write_file)
FILE_MODE = 0o644  # rw-r--r--: a web server running as another account reads what is written
FOLDER_MODE = 0o755  # rwxr-xr-x
NAME_MAX = 200  # characters in a folder's name: with the lock's and staging names added, within
# the 255 bytes a file system allows a name
RENAME_EXCHANGE = 2  # renameat2(2): swap two paths in one step (Linux 3.15+)
AT_FDCWD = -100


class WriteRefused(OSError):
    """The folder is busy (another writer holds its lock) or the disk refused the write."""


def unsafe_target(target: Path, events_dir: Path | None) -> str:
    """Why nothing may be written to ``target`` ('' when it may): the folder, or a file it
    would replace, is a link (dangling or not) or another kind of entry; or the folder lies
    outside the events folder; or its name is too long."""
    if name_refusal(target):
        return name_refusal(target)
    if target.is_symlink():
        return f"{target} is a link; import writes only into a real folder"
    if target.exists() and not target.is_dir():
        return f"{target} exists and is not a folder"
    if events_dir is not None and not inside(target.parent, events_dir):
        return f"{target} is not inside the events folder {events_dir}"
    for name in (EVENT_FILE, STATEMENTS_FILE):
        path = target / name
        if path.is_symlink() or (path.exists() and not path.is_file()):
            return f"{path} is a link or not a regular file; import never writes through it"
    return ""


def _set_mode(path: Path, folder: bool = False) -> None:
    """rw-r--r-- (rwxr-xr-x for a folder) whatever the umask: mkstemp and mkdtemp make files
    only their owner can read, and a umask of 077 would too; a web server could not."""
    os.chmod(path, FOLDER_MODE if folder else FILE_MODE)


def make_folders(folder: Path) -> None:
    """Create ``folder`` and any missing parent, each rwxr-xr-x whatever the umask."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    for path in reversed(missing):
        try:
            path.mkdir()
        except FileExistsError:  # made meanwhile by another writer
            continue
        _set_mode(path, folder=True)


def name_refusal(folder: Path) -> str:
    """Why no writer may make ``folder`` ('' when it may): its name is too long."""
    if len(folder.name) > NAME_MAX:
        return (
            f"{folder.name[:40]}... is {len(folder.name)} characters long; a folder's name "
            f"may have at most {NAME_MAX}"
        )
    return ""


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a crash after it keeps it)."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file beside ``path``, flush it to disk, then rename it over
    ``path``: a reader sees the old file or the new one, never half of it; a link there is
    replaced, never written through; a full disk leaves the old file as it was. Writers of a
    folder take turns (a lock on the folder itself), and each first removes what a killed one
    left (its ``.part`` files)."""
    make_folders(path.parent)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)  # freed by the system when its holder dies
        for orphan in path.parent.glob(f".*{PART}"):
            if orphan.is_file() and not orphan.is_symlink():
                orphan.unlink(missing_ok=True)
        _write_new(path, data)
    finally:
        os.close(folder)
    _fsync_folder(path.parent)


def _write_new(path: Path, data: bytes) -> None:
    """write_file's work, with the folder's lock held."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=PART)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        _set_mode(Path(temporary))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def folder_lock(folder: Path, wait: float = LOCK_WAIT) -> Iterator[None]:
    """One writer at a time for ``folder``, as SQLite and git do it: an exclusive lock on
    ``.<name>.lock`` beside it (flock: the system frees it when its holder dies, so a killed
    writer never leaves the folder locked). Raises WriteRefused after ``wait`` seconds, or at
    once for a name too long to write."""
    refusal = name_refusal(folder)
    if refusal:
        raise WriteRefused(errno.ENAMETOOLONG, refusal)
    make_folders(folder.parent)
    lock_path = folder.parent / f".{folder.name}.lock"
    handle = os.open(lock_path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    try:
        os.fchmod(handle, FILE_MODE)
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise WriteRefused(
                        errno.EBUSY, f"{folder.name} is being written by another writer; try again"
                    ) from None
                time.sleep(0.01)
        _recover(folder)
        yield
    finally:
        os.close(handle)  # releases the lock


def _recover(folder: Path) -> None:
    """Finish what a killed writer left: a retired folder whose replacement never arrived is
    put back; staging folders and retired ones are removed. Called with the lock held."""
    retired = folder.parent / RETIRED.format(name=folder.name)
    if retired.exists() and not folder.exists():
        os.rename(retired, folder)
    shutil.rmtree(retired, ignore_errors=True)
    for staging in folder.parent.glob(STAGING.format(name=folder.name) + "*"):
        shutil.rmtree(staging, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step; False where the system or file system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    done = renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def replace_files(folder: Path, files: Mapping[str, bytes]) -> None:
    """Give ``folder`` these files' new content as one change: a reader, a kill or a full disk
    at any moment leaves the folder as it was or with every new file, never a mix. The folder's
    other files are kept. Hold folder_lock(folder) around it (and around any read the new
    content is built from)."""
    make_folders(folder.parent)
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=STAGING.format(name=folder.name)))
    try:
        if folder.is_dir():
            _copy_others(folder, staging, set(files))
        for name, data in files.items():
            with open(staging / name, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            _set_mode(staging / name)
        _set_mode(staging, folder=True)
        _fsync_folder(staging)
        if not folder.exists():
            os.rename(staging, folder)
        elif _exchange(staging, folder):
            shutil.rmtree(staging)  # now the old folder
        else:  # two renames; a kill between them is mended by the next writer (_recover)
            retired = folder.parent / RETIRED.format(name=folder.name)
            os.rename(folder, retired)
            os.rename(staging, folder)
            shutil.rmtree(retired)
        _fsync_folder(folder.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _copy_others(folder: Path, staging: Path, skip: set[str]) -> None:
    """Copy the folder's entries but ``skip`` into staging as they are: files, folders, links
    as links. A full disk raises its own OSError (ENOSPC), never shutil's list of them."""
    for entry in folder.iterdir():
        if entry.name in skip:
            continue
        if entry.is_symlink():
            os.symlink(os.readlink(entry), staging / entry.name)
        elif entry.is_dir():
            staging_sub = staging / entry.name
            staging_sub.mkdir()
            shutil.copystat(entry, staging_sub)
            _copy_others(entry, staging_sub, set())
        else:
            shutil.copy2(entry, staging / entry.name)


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


def table_bytes(frame: pd.DataFrame) -> bytes:
    """An event's table as contract.cells.csv_bytes writes every CSV (so it reads back cell for
    cell); a NUL, which no reader takes, is refused, naming its row and column."""
    found = []  # (row, column) of the first NUL in each column holding one
    for position, column in enumerate(frame.columns):
        holds = frame.iloc[:, position].astype(str).str.contains("\x00", regex=False)
        if holds.any():
            found.append((int(holds.to_numpy().argmax()) + 2, str(column)))
    if found:
        number, column = min(found)
        raise WriteRefused(
            errno.EINVAL, f"row {number}, column {column} holds a NUL character; remove it"
        )
    return csv_bytes(frame)
