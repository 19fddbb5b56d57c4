"""Statements downloaded as CSV and brought back in give the identical table."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reactionmap.contract.statements import STATEMENT_COLUMNS, statements_csv
from reactionmap.intake.events import list_events, load_event
from reactionmap.intake.statements import prepare_statements
from reactionmap.intake.tables import read_table

# Any text a cell may hold: every printable character, plus newlines and tabs.
cell_text = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), whitelist_characters="\n\t"), max_size=40
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.fixed_dictionaries({c: cell_text for c in STATEMENT_COLUMNS}), max_size=6))
def test_any_table_survives_csv_export_and_import(rows):
    frame = pd.DataFrame(rows, columns=list(STATEMENT_COLUMNS), dtype=str)
    back, problems = read_table(statements_csv(frame), "back.csv")
    assert problems == []
    if frame.empty:
        assert list(back.columns) == list(STATEMENT_COLUMNS)
        return
    pd.testing.assert_frame_equal(back.reset_index(drop=True), frame.reset_index(drop=True))


@pytest.mark.parametrize("event_id", list_events())
def test_every_shipped_event_round_trips(event_id):
    event = load_event(event_id)
    back, problems = read_table(statements_csv(event.statements), f"{event_id}.csv")
    again, more = prepare_statements(back, event.scale, event.date, "back.csv", strict=True)
    assert problems == more == []
    columns = [*STATEMENT_COLUMNS, "when", "date_label"]
    pd.testing.assert_frame_equal(again[columns], event.statements[columns])
