"""What app.py hands on to the package: sentences, downloads, content keys and view helpers."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import pandas as pd

from reactionmap.contract.scale import DEFAULT_SCALE, VOTE_SCALE
from reactionmap.draw import captions, choropleth
from reactionmap.intake import digests
from reactionmap.intake.events import load_event
from reactionmap.places import boundaries
from reactionmap.publish import downloads, snapshot
from reactionmap.view import compose
from reactionmap.view.state import ViewState


def page_of(event, stances=None):
    keys = stances or [c.key for c in event.scale.with_none]
    return compose.page_view(
        event, pd.Timestamp("2026-03-31"), (), keys, boundaries.country_table()["iso3"]
    )


def test_event_line_and_problems_line(good_event):
    event = load_event(good_event)
    assert captions.event_line(event) == "1 March 2026 · 5 statements by 4 actors"
    assert captions.problems_line(event).startswith("0 problem(s): 0 of 5 row(s)")


def test_not_on_map_names_former_states_apart_from_unknown_codes():
    missing = pd.DataFrame(
        {"actor": ["USSR", "Atlantis_"], "actor_iso3": ["SUN", "XAT"], "stance": ["yes", "no"]}
    )
    former, unknown = captions.not_on_map(missing, VOTE_SCALE, with_words=False)
    assert former.startswith("Not on today's map") and "USSR (SUN): Yes" in former
    assert "Atlantis\\_ (XAT): No" in unknown  # escaped Markdown
    assert "the cards" not in unknown and "the table and the downloads" in unknown
    assert captions.not_on_map(missing[:0], VOTE_SCALE, with_words=True) == []


def test_off_the_timeline_names_undated_actors_and_dayless_milestones():
    timeline = pd.DataFrame(
        {"actor": ["A", "B", "B"], "date_precision": ["day", "unknown", "unknown"]}
    )
    milestones = [{"date": "2026-03-01", "label": "placed"}, {"date": "2026-03", "label": "month",
                  "date_precision": "month"}]  # fmt: skip
    lines = captions.off_the_timeline(timeline, milestones)
    assert lines == [
        "No dot on the timeline, date not reported (the stance counts from the event's day): B",
        "Milestone not on the timeline, day not reported: month (2026\\-03)",
    ]


def test_downloads_are_made_on_click_with_named_files(good_event):
    event = load_event(good_event)
    page = page_of(event)
    day = pd.Timestamp("2026-03-31")
    files = downloads.data_files(event, page, boundaries.load_markers(), day)
    assert [f.file_name for f in files] == [
        "test-event_stance_2026-03-31.csv",
        "test-event_stance_2026-03-31.geojson",
        "test-event_statements.csv",
    ]
    assert b"Germany" in files[0].make() and b"FeatureCollection" in files[1].make()
    undated = downloads.data_files(event, page, boundaries.load_markers(), None)
    assert undated[0].file_name == "test-event_stance.csv"
    state = ViewState(event.id, day, tuple(c.key for c in DEFAULT_SCALE.with_none))
    views = downloads.view_files(event, state, None)
    assert [(f.file_name, f.mime) for f in views] == [
        ("test-event_map_2026-03-31.png", "image/png"),
        ("test-event_map_2026-03-31.svg", "image/svg+xml"),
        ("test-event_page_2026-03-31.zip", "application/zip"),
    ]
    assert zipfile.ZipFile(io.BytesIO(views[2].make())).namelist()


def test_a_view_state_gives_the_same_snapshot_as_its_fields(good_event):
    event = load_event(good_event)
    state = ViewState(event.id, pd.Timestamp("2026-03-02"), ("condemn", "none"), "Europe")
    snap = snapshot.of_view(event, state)
    same = snapshot.snapshot(event, "2026-03-02", ["condemn", "none"], "Europe")
    legend = choropleth.legend_entries(snap.table, snap.event.scale, snap.stances)
    assert legend == choropleth.legend_entries(same.table, same.event.scale, same.stances)
    assert snap.subtitle() == same.subtitle()
    assert (snap.as_of, snap.stances, snap.region) == (state.as_of, state.stances, "Europe")


def test_a_frame_key_changes_with_a_cell_or_a_header():
    table = pd.DataFrame({"a": ["x", "y"]})
    key = digests.of_frame(table)
    assert key == digests.of_frame(table.copy())
    assert key != digests.of_frame(table.assign(a=["x", "z"]))
    assert key != digests.of_frame(table.rename(columns={"a": "b"}))
    assert digests.of_bytes(b"a") != digests.of_bytes(b"b")


def test_view_helpers(good_event):
    event = load_event(good_event)
    assert compose.organizations_in(event.statements) == ["EU"]
    first, last, undated = compose.as_of_range(event.statements)
    assert (str(first), str(last), undated) == ("2026-03-01", "2026-03-05", False)
    page = page_of(event)
    columns = compose.table_columns(page.table)
    assert "latest_date" in columns and "speaker" in columns
    assert "latest_date" not in compose.table_columns(page.table, dated=False)
    quiet = page.table.assign(speaker="")
    assert "speaker" not in compose.table_columns(quiet) and "actor" in compose.table_columns(quiet)
    silent = page.cards.assign(quote="", summary="")
    worded = compose.words_only(replace(page, cards=pd.concat([page.cards, silent])))
    assert len(worded.cards) == len(page.cards)
