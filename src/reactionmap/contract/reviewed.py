"""Reviewed files (data/countries/*.csv, data/draft/*.csv) read strictly: the exact header, every
row as long as it, any error naming the file and the line to fix."""

from __future__ import annotations

import csv
from pathlib import Path

from reactionmap.contract.paths import REPO_ROOT


class ReviewedFileError(ValueError):
    """A reviewed file that is not as its README says; the message names the file and line."""


def display_path(path: Path) -> str:
    """A path as the editor sees it: relative to the repository when inside it."""
    try:
        return Path(path).resolve().relative_to(REPO_ROOT).as_posix()
    except ValueError:
        return str(path)


def refuse(path: Path, line: int, message: str) -> ReviewedFileError:
    """The error for a line of a reviewed file: '<file> line <n>: <message>'."""
    return ReviewedFileError(f"{display_path(path)} line {line}: {message}")


def read_reviewed(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """Each row with its line in the file (the header is line 1), its cells stripped.

    The header must be exactly ``columns`` and each row as long as the header; otherwise a
    ReviewedFileError names the file (and the line)."""
    rows = []
    with Path(path).open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        if tuple(header) != columns:
            raise ReviewedFileError(
                f"{display_path(path)}: header is {header}; expected {list(columns)}."
            )
        for cells in reader:
            if not cells:
                continue  # a blank line
            if len(cells) != len(columns):
                raise refuse(
                    path,
                    reader.line_num,
                    f"{len(cells)} fields where the header has {len(columns)}.",
                )
            rows.append(
                (reader.line_num, dict(zip(columns, (c.strip() for c in cells), strict=True)))
            )
    return rows
