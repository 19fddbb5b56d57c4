"""Content keys for the page's caches: what bytes or a table hold, never when they were written."""

from __future__ import annotations

import hashlib

import pandas as pd


def of_bytes(data: bytes) -> str:
    """A short hex key for ``data``'s content."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def of_frame(table: pd.DataFrame) -> str:
    """A key for a table's headers, row labels and cells: an edited cell or a renamed column
    changes it."""
    cells = pd.util.hash_pandas_object(table, index=True).to_numpy().tobytes()
    return of_bytes(repr(list(table.columns)).encode() + cells)
