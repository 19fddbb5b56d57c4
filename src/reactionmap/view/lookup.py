"""Which cells of a text column are among many values, by pyarrow rather than pandas' isin."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


def isin(column: pd.Series, values: Iterable[str]) -> pd.Series:
    """``column.isin(values)`` for a column of text, the same answer (a missing cell is in when
    a missing value is looked for): pandas' own
    isin on its Arrow strings makes a Python object of every value looked for first, about
    half a millisecond for the world's 250 codes, a dozen times in a view; pyarrow's is_in on
    the column's own array takes a twentieth of that."""
    dtype = column.dtype
    if not (isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"):
        return column.isin(list(values))  # not Arrow text: pandas' own
    cells = pa.array(column, from_pandas=True)
    wanted = [v for v in values if isinstance(v, str) or v is None or v != v]  # NaN: missing
    value_set = pa.array([v if isinstance(v, str) else None for v in wanted], type=cells.type)
    found = pc.is_in(cells, value_set=value_set).to_numpy(zero_copy_only=False)
    return pd.Series(found, index=column.index, name=column.name)
