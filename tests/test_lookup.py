"""view.lookup.isin answers as pandas' isin does, for any text column and any values."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from reactionmap.view.lookup import isin

TEXT = st.one_of(st.none(), st.text(max_size=4), st.sampled_from(["FRA", "DEU", "", " "]))
DTYPES = ["str", "string[pyarrow]", "string[python]", object]


@given(
    cells=st.lists(TEXT, max_size=30),
    values=st.lists(st.one_of(TEXT, st.just(np.nan)), max_size=12),
    dtype=st.sampled_from(DTYPES),
)
def test_isin_answers_as_pandas_does(cells, values, dtype):
    column = pd.Series(cells, dtype=dtype, index=range(100, 100 + len(cells)), name="code")
    found, expected = isin(column, values), column.isin(values)
    assert found.tolist() == expected.tolist()
    assert found.index.equals(expected.index) and found.name == "code"


def test_a_set_and_a_dict_view_are_values_too():
    column = pd.Series(["FRA", "DEU", None], dtype="str")
    assert isin(column, {"FRA"}).tolist() == [True, False, False]
    assert isin(column, {"DEU": 1}.keys()).tolist() == [False, True, False]
