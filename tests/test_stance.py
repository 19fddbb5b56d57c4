"""The stance table: the latest statement on or before a date, counts, inheritance."""

from __future__ import annotations

import pandas as pd

from reactionmap.intake.events import load_event
from reactionmap.view.stance import as_of, date_range, inherit, latest_order, stance_table


def test_latest_statement_as_of_a_date(good_event):
    statements = load_event(good_event).statements
    early = stance_table(statements, pd.Timestamp("2026-03-03")).set_index("actor_iso3")
    assert early.loc["FRA", "stance"] == "condemn"
    assert early.loc["FRA", "statement_count"] == 1
    late = stance_table(statements, pd.Timestamp("2026-03-05")).set_index("actor_iso3")
    assert late.loc["FRA", "stance"] == "neutral"
    assert late.loc["FRA", "statement_count"] == 2
    assert late.loc["FRA", "latest_text"] == "We will see."
    assert late.loc["FRA", "speaker"] == "A Minister"


def test_as_of_includes_the_whole_day_and_nothing_after(events_root):
    """A statement at 10:00 or 23:59 on the as-of day is made by then; one at midnight after
    it is not. (A `<=` against the day's midnight, or a cut at the day's start, fails here.)"""
    from tests.conftest import GOOD_ROWS, row, write_event

    rows = [
        *GOOD_ROWS,
        row(statement_id="t1", actor="Spain", stance="condemn", date="2026-03-01T10:00"),
        row(statement_id="t2", actor="Italy", stance="concern", date="2026-03-01 23:59"),
        row(statement_id="t3", actor="Chile", stance="support", date="2026-03-02T00:00"),
    ]
    statements = load_event(write_event(events_root, "timed", rows)).statements
    day = pd.Timestamp("2026-03-01")
    assert set(as_of(statements, day)["statement_id"]) == {"s1", "s4", "t1", "t2"}
    table = stance_table(statements, day).set_index("actor_iso3")
    assert table.loc["ESP", "stance"] == "condemn" and table.loc["ITA", "stance"] == "concern"
    assert "CHL" not in table.index
    assert "CHL" in stance_table(statements, day + pd.Timedelta(days=1))["actor_iso3"].values
    assert len(as_of(statements, None)) == len(statements)
    assert stance_table(statements, pd.Timestamp("2026-02-01")).empty


def test_summary_stands_in_for_a_missing_quote(good_event):
    table = stance_table(load_event(good_event).statements).set_index("actor_iso3")
    assert table.loc["DEU", "latest_text"] == "Urged restraint."
    assert table.loc["CIV", "latest_date"] == "March 2026 (day not reported)"


def test_date_range_reaches_the_end_of_a_month_precision_date(good_event):
    first, last = date_range(load_event(good_event).statements)
    assert (first, last) == (pd.Timestamp("2026-03-01"), pd.Timestamp("2026-03-31"))


def test_inherited_rows_never_replace_own_statements(good_event):
    table = stance_table(load_event(good_event).statements)
    result = inherit(table, {"EU": ("FRA", "DEU", "ITA", "ESP")}, {"ITA": "Italy", "ESP": "Spain"})
    by_code = result.set_index("actor_iso3")
    assert by_code.loc["FRA", "inherited_from"] == ""  # spoke itself: untouched
    assert by_code.loc["ITA", "inherited_from"] == "European Union"
    assert by_code.loc["ITA", "stance"] == "concern"
    assert by_code.loc["ITA", "statement_count"] == 0
    assert len(result) == len(table) + 2


def test_one_latest_order_for_the_table_and_the_cards(events_root):
    """A statement dated to its day comes after one known only to its month that may fall on
    that day; then file order. The table takes each actor's last; the cards show it first."""
    from reactionmap.draw.cards import order_cards
    from tests.conftest import row, write_event

    rows = [
        row(statement_id="a", actor="Spain", stance="condemn", date="2026-03-01"),
        row(statement_id="b", actor="Spain", stance="support", date="2026-03"),
        row(statement_id="c", actor="Chile", stance="concern", date="2026-03-02"),
        row(statement_id="d", actor="Chile", stance="neutral", date="2026-03-02"),
    ]
    statements = load_event(write_event(events_root, "order", rows)).statements
    # The event is on 1 March: "March 2026" counts from then, as early as Spain's dated one.
    assert latest_order(statements)["statement_id"].tolist() == ["b", "a", "c", "d"]
    newest = latest_order(statements, newest_first=True)["statement_id"].tolist()
    assert newest == ["d", "c", "a", "b"] == order_cards(statements, None)["statement_id"].tolist()
    table = stance_table(statements).set_index("actor_iso3")["statement_id"]
    assert table.to_dict() == {"ESP": "a", "CHL": "d"}
    assert order_cards(statements, "ESP")["statement_id"].tolist() == ["a", "b", "d", "c"]
