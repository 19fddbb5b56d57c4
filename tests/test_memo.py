"""A click reuses what does not depend on the filters: the stance table of a day, every actor's spans."""

from __future__ import annotations

import gc

import pandas as pd
import pandas.testing as pdt
import pytest

from reactionmap.intake.events import list_events, load_event
from reactionmap.places import boundaries
from reactionmap.view import compose, memo
from reactionmap.view.stance import stance_spans
from reactionmap.view.state import ViewState


def test_a_result_is_worked_out_once_per_frame_and_key():
    memo.clear()
    frame, calls = pd.DataFrame({"a": [1]}), []

    def compute():
        calls.append(1)
        return len(calls)

    assert memo.by_statements(frame, "k", compute) == 1
    assert memo.by_statements(frame, "k", compute) == 1  # kept
    assert memo.by_statements(frame, "other", compute) == 2  # another key
    assert memo.by_statements(frame.copy(), "k", compute) == 3  # another frame, equal or not


def test_a_frame_that_is_gone_takes_its_results_with_it():
    memo.clear()
    frame = pd.DataFrame({"a": [1]})
    memo.by_statements(frame, "k", lambda: "old")
    del frame
    gc.collect()
    again = pd.DataFrame({"a": [1]})  # may reuse the old frame's id
    assert memo.by_statements(again, "k", lambda: "new") == "new"


def test_no_more_results_are_kept_than_the_limit(monkeypatch):
    memo.clear()
    monkeypatch.setattr(memo, "KEPT", 3)
    frame = pd.DataFrame({"a": [1]})
    for key in range(5):
        memo.by_statements(frame, key, lambda key=key: key)
    assert memo.by_statements(frame, 4, lambda: "again") == 4  # the newest kept
    assert memo.by_statements(frame, 0, lambda: "again") == "again"  # the oldest dropped


@pytest.mark.parametrize("event_id", list_events())
def test_every_views_timeline_spans_are_cut_from_everyones(event_id):
    """For every region (every stance shown) and every stance shown alone (the world), the
    spans the timeline draws are the ones worked out from the view's own statements."""
    event = load_event(event_id)
    countries = boundaries.country_table()
    keys = sorted(set(event.statements["stance"])) + ["none"]
    regions = ["", *sorted(countries["region"].dropna().unique())]
    views = [(tuple(keys), region) for region in regions] + [((k,), "") for k in keys]
    until = pd.Timestamp("2030-01-01")
    for stances, region in views:
        state = ViewState(stances=stances, region=region)
        rows = compose.compose(event, state, countries=countries).page.timeline
        pdt.assert_frame_equal(
            stance_spans(rows, until, everyone=event.statements), stance_spans(rows, until)
        )


def test_a_view_composed_from_kept_tables_is_the_one_composed_afresh(venezuela_event):
    """On every day, with and without organizations' members shaded, for the whole view and a
    narrow one: composed after other views (their day's stance table kept) as when nothing is
    kept (the table depends on the day and the shading only)."""
    countries = boundaries.country_table()
    event = venezuela_event
    keys = sorted(set(event.statements["stance"])) + ["none"]
    days = sorted(set(event.statements["when"].dt.normalize()))
    organizations = tuple(compose.organizations_in(event.statements))
    states = [
        ViewState(as_of=day, stances=stances, region=region, inherit=inherit)
        for day in days
        for inherit in ((), organizations)
        for stances, region in ((tuple(keys), ""), ((keys[0],), "Europe"))
    ]
    memo.clear()
    kept = [compose.compose(event, s, countries=countries) for s in states]
    for state, view in zip(states, kept, strict=True):
        memo.clear()
        fresh = compose.compose(event, state, countries=countries)
        for name in ("country_rows", "visible", "cards", "timeline", "table"):
            pdt.assert_frame_equal(getattr(view.page, name), getattr(fresh.page, name))
        pdt.assert_frame_equal(view.map_rows, fresh.map_rows)


@pytest.mark.parametrize("event_id", list_events())
def test_a_regions_map_rows_are_its_own_merge_on_every_day(event_id):
    """A region's map rows are cut from the world's of the day: on every day of the event, with
    and without organizations' shading, for every region, they are exactly what merging the
    region's countries alone gives (rows, order, columns, types)."""
    event = load_event(event_id)
    countries = boundaries.country_table()
    regions = sorted(countries["region"].dropna().unique())
    days = pd.date_range(event.statements["when"].min().normalize(), event.statements["when"].max())
    shading = tuple(compose.organizations_in(event.statements))
    checked = 0
    for day in days:
        for inherit in {(), shading}:
            rows = compose.day_tables(event, day, inherit, None)[1]
            for region in regions:
                cut = compose.day_map_rows(event, day, inherit, region, None, countries)
                merged = compose.map_rows(rows, countries[countries["region"] == region])
                pdt.assert_frame_equal(cut, merged)
                checked += 1
    assert checked >= len(regions) * len(days)
