"""The table a reader brought in, kept for the session with their fixes, and which one to show."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

PASTED_NAME = "pasted.csv"  # what pasted rows are called: read as CSV (or tab-separated)


@dataclass
class KeptTable:
    """The last table brought in this session (its name and bytes) and the reader's fixes to
    it, so that going to another page and back finds both again."""

    name: str = ""
    data: bytes = b""
    base: pd.DataFrame | None = None  # the rows the editor starts from
    edited: pd.DataFrame | None = None  # the editor's rows after the reader's last fix

    def bring(self, name: str, data: bytes) -> None:
        """A table brought in now: a new one (other bytes) replaces the last, fixes and all."""
        if data != self.data:
            self.name, self.data, self.base, self.edited = name, data, None, None

    def start(self, table: pd.DataFrame, editor_open: bool) -> pd.DataFrame:
        """The rows the editor starts from: the table as read; when the reader comes back
        (the editor was closed, its own record of the fixes gone), the rows as they left them."""
        if self.base is None:
            self.base = table
        elif not editor_open and self.edited is not None:
            self.base = self.edited
        return self.base

    def keep(self, edited: pd.DataFrame) -> None:
        """The editor's rows after this run, fixes included."""
        self.edited = edited


def table_to_show(
    uploaded: tuple[str, bytes] | None, pasted: str, kept: KeptTable
) -> tuple[str, bytes, bool] | None:
    """(name, bytes, whether it is the table kept from earlier) the upload page maps: a file
    uploaded, else rows pasted, else the table brought in earlier this session; None when the
    reader has brought nothing yet."""
    if uploaded:
        return uploaded[0], uploaded[1], False
    if pasted.strip():
        return PASTED_NAME, pasted.encode("utf-8"), False
    if kept.data:
        return kept.name, kept.data, True
    return None
