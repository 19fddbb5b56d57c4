"""The stance table: the latest statement on or before a date, counts, inheritance."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from reactionmap.contract.scale import DEFAULT_SCALE
from reactionmap.intake.events import load_event
from reactionmap.intake.statements import prepare_statements
from reactionmap.view.stance import (
    actor_key,
    as_of,
    date_range,
    inherit,
    latest_order,
    stance_spans,
    stance_table,
)


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
    assert table.loc["CIV", "latest_date_label"] == "March 2026 (day not reported)"
    # The date as the data gives it, for a spreadsheet or a join: ISO, with its precision.
    assert table.loc["CIV", ["latest_date", "latest_date_precision"]].tolist() == [
        "2026-03",
        "month",
    ]
    assert table.loc["DEU", ["latest_date", "latest_date_precision"]].tolist() == [
        "2026-03-03",
        "day",
    ]


def test_date_range_ends_on_the_last_day_a_statement_is_known(good_event):
    """Côte d'Ivoire's "2026-03" counts from 1 March: the range ends with France's 5 March
    statement, not on 31 March, where nothing more is known."""
    first, last = date_range(load_event(good_event).statements)
    assert (first, last) == (pd.Timestamp("2026-03-01"), pd.Timestamp("2026-03-05"))


def spans_agree_with_the_map(statements: pd.DataFrame) -> int:
    """Check stance_spans against stance_table (the map's rule) for every actor on every day
    of the range; return how many (actor, day) pairs were compared."""
    first, last = date_range(statements)
    spans = stance_spans(statements, last)
    compared = 0
    for day in pd.date_range(first, last):
        table = stance_table(statements, day)
        mapped = dict(zip(actor_key(table), table["stance"], strict=True))
        drawn = spans[(spans["start"] <= day) & (day < spans["end"])]
        assert drawn["key"].is_unique, f"two spans for one actor on {day:%Y-%m-%d}"
        assert dict(zip(drawn["key"], drawn["stance"], strict=True)) == mapped, f"{day:%Y-%m-%d}"
        compared += len(mapped)
    return compared


def test_stance_spans_follow_the_map_day_by_day(good_event):
    statements = load_event(good_event).statements
    spans = stance_spans(statements, date_range(statements)[1])
    france = spans[spans["key"] == "FRA"]
    assert list(france["stance"]) == ["condemn", "neutral"]
    assert list(france["start"]) == [pd.Timestamp("2026-03-01"), pd.Timestamp("2026-03-05")]
    assert list(france["end"]) == [pd.Timestamp("2026-03-05"), pd.Timestamp("2026-03-06")]
    assert spans_agree_with_the_map(statements) > 0


def test_stance_spans_follow_the_map_for_every_actor_of_the_shipped_event(venezuela_event):
    assert spans_agree_with_the_map(venezuela_event.statements) >= 30


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["France", "Germany", "Chile"]),
            st.sampled_from(["condemn", "concern", "neutral", "support"]),
            st.sampled_from(
                [
                    "2026-03-01",
                    "2026-03-02",
                    "2026-03-04",
                    "2026-03",
                    "",
                    "2026-03-02T23:30",
                    "2026-02",
                ]
            ),
            st.sampled_from(["", "2026-03-03", "2026-03-05"]),  # reported
        ),  # fmt: skip
        min_size=1,
        max_size=12,
    )
)
def test_stance_spans_follow_the_map_for_any_statements(rows):
    raw = pd.DataFrame(
        [{"statement_id": f"s{i}", "actor": a, "stance": k, "date": d,
          "reported": r if r >= d[:10] else ""}  # never before the statement's own date
         for i, (a, k, d, r) in enumerate(rows)]
    )  # fmt: skip
    statements, problems = prepare_statements(raw, DEFAULT_SCALE, pd.Timestamp("2026-03-01"), "t")
    assert not problems
    spans_agree_with_the_map(statements)


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


def test_sources_disagree_only_where_no_statement_certainly_follows_the_other(events_root):
    """The rule of "Sources disagree", case by case (event of 1 March 2026):
    - the same day, no time: two stances stand, the actor disagrees (never file order);
    - a day, then a later day: the later replaces it;
    - a month-only row reported on the 4th against a day on the 2nd: either may be the later;
    - against a day on the 6th, after the report: the day replaces it (it was made by the 4th);
    - times on one day order the statements;
    - the same stance twice is no disagreement."""
    from tests.conftest import row, write_event

    rows = [
        row(statement_id="a1", actor="Spain", stance="condemn", date="2026-03-02"),
        row(statement_id="a2", actor="Spain", stance="concern", date="2026-03-02"),
        row(statement_id="b1", actor="Italy", stance="condemn", date="2026-03-02"),
        row(statement_id="b2", actor="Italy", stance="support", date="2026-03-03"),
        row(statement_id="c1", actor="Chile", stance="support", date="2026-03-02"),
        row(
            statement_id="c2",
            actor="Chile",
            stance="neutral",
            date="2026-03",
            reported="2026-03-04",
        ),
        row(statement_id="c3", actor="Chile", stance="support", date="2026-03-06"),
        row(statement_id="d1", actor="Peru", stance="condemn", date="2026-03-02T09:00"),
        row(statement_id="d2", actor="Peru", stance="concern", date="2026-03-02T18:00"),
        row(statement_id="e1", actor="Cuba", stance="condemn", date="2026-03-02"),
        row(
            statement_id="e2", actor="Cuba", stance="condemn", date="2026-03", reported="2026-03-04"
        ),
    ]
    statements = load_event(write_event(events_root, "sides", rows)).statements

    def on(day: str) -> dict[str, tuple[str, str]]:
        table = stance_table(statements, pd.Timestamp(day)).set_index("actor_iso3")
        return {code: (r.stance, r.stances) for code, r in table.iterrows()}

    day2, day4, day6 = on("2026-03-02"), on("2026-03-04"), on("2026-03-06")
    assert day2["ESP"] == ("disagree", "condemn; concern")
    assert day2["ITA"][0] == "condemn" and on("2026-03-03")["ITA"] == ("support", "support")
    assert day2["CHL"] == ("support", "support")  # the month-only row is not known yet
    assert day4["CHL"] == ("disagree", "support; neutral")
    assert day6["CHL"] == ("support", "support")
    assert day2["PER"] == ("concern", "concern")
    assert day4["CUB"] == ("condemn", "condemn")
    spain = stance_table(statements).set_index("actor_iso3").loc["ESP"]
    assert spain["accounts"].splitlines()[0].startswith("condemn: ")
    # The timeline follows the same rule, day by day.
    spans = stance_spans(statements, pd.Timestamp("2026-03-06"))
    chile = spans[spans["key"] == "CHL"]
    assert chile["stance"].tolist() == ["support", "disagree", "support"]


def test_the_venezuela_sources_disagree_for_these_actors(venezuela_event):
    """The actors the README names, as of 3 and 5 January 2026."""
    statements = venezuela_event.statements

    def split(day: str) -> set[str]:
        table = stance_table(statements, pd.Timestamp(day))
        return set(table.loc[table["stance"] == "disagree", "actor"])

    assert split("2026-01-03") == {"Chile", "Colombia", "European Union", "Spain"}
    assert split("2026-01-05") == {
        "Bolivia", "Canada", "Chile", "Colombia", "European Union", "France", "Italy", "Spain",
        "UN Secretary-General", "United Kingdom",
    }  # fmt: skip
