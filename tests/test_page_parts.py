"""What the app's pages hand on to the package: sentences, downloads, content keys, view helpers,
which sections a page shows, the kept table, and the one composition of a view."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import pandas as pd
import pytest

from reactionmap.contract.scale import DEFAULT_SCALE, VOTE_SCALE
from reactionmap.draw import captions, map_hover, map_legend
from reactionmap.intake import digests
from reactionmap.intake.events import load_event
from reactionmap.intake.kept import KeptTable, table_to_show
from reactionmap.places import boundaries
from reactionmap.publish import downloads, snapshot
from reactionmap.view import compose, sections
from reactionmap.view.state import ViewState
from tests.conftest import GOOD_ROWS, write_event


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
    legend = map_legend.legend_entries(snap.table, snap.event.scale, snap.stances)
    assert legend == map_legend.legend_entries(same.table, same.event.scale, same.stances)
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
    assert "latest_date_label" in columns and "speaker" in columns
    assert "latest_date_label" not in compose.table_columns(page.table, dated=False)
    quiet = page.table.assign(speaker="")
    assert "speaker" not in compose.table_columns(quiet) and "actor" in compose.table_columns(quiet)
    silent = page.cards.assign(quote="", summary="")
    worded = compose.words_only(replace(page, cards=pd.concat([page.cards, silent])))
    assert len(worded.cards) == len(page.cards)


# ---- which sections a page shows -------------------------------------------------------------------
def test_an_event_with_words_and_dates_shows_cards_slider_and_timeline(good_event):
    parts = sections.sections(load_event(good_event))
    assert (str(parts.first), str(parts.last)) == ("2026-03-01", "2026-03-05")
    assert parts.slider and parts.dated and parts.timeline
    assert parts.words and not parts.words_only
    assert parts.tally == ""
    assert parts.disagree  # France condemned, then turned neutral: its sources may disagree
    one_each = load_event(good_event).statements.drop_duplicates("actor")
    assert not sections.sections(replace(load_event(good_event), statements=one_each)).disagree


def test_a_table_with_no_words_shows_a_tally_and_no_timeline_on_one_day(good_event):
    event = load_event(good_event)
    one_day = event.statements.assign(
        quote="", summary="", date="2026-03-01", date_precision="day",
        when=pd.Timestamp("2026-03-01"),
    )  # fmt: skip
    parts = sections.sections(replace(event, statements=one_day))
    assert parts.tally == "Tally" and not parts.words and not parts.words_only
    assert parts.dated and not parts.slider and not parts.timeline
    # Over several days, a tally and a timeline.
    spread = event.statements.assign(quote="", summary="")
    assert sections.sections(replace(event, statements=spread)).timeline


def test_a_vote_shows_its_tally_and_an_undated_one_no_date(good_event, events_root):
    event = load_event(good_event)
    assert sections.sections(replace(event, scale=VOTE_SCALE)).tally == "Vote"
    rows = [{**r, "date": ""} for r in GOOD_ROWS]
    parts = sections.sections(load_event(write_event(events_root, "undated", rows)))
    assert not parts.dated and not parts.slider and not parts.timeline
    # Some rows with words, some without: cards only for those with words.
    some = event.statements.assign(quote=["", "", "Yes.", "", ""], summary="")
    assert sections.sections(replace(event, statements=some)).words_only


# ---- the table brought in, kept for the session -----------------------------------------------------
def test_the_table_shown_is_the_upload_then_the_paste_then_the_kept_one():
    kept = KeptTable()
    assert table_to_show(None, "  ", kept) is None
    assert table_to_show(("mine.csv", b"a,b\n"), "x,y", kept) == ("mine.csv", b"a,b\n", False)
    assert table_to_show(None, "x,y\n", kept) == ("pasted.csv", b"x,y\n", False)
    kept.bring("mine.csv", b"a,b\n")
    assert table_to_show(None, "", kept) == ("mine.csv", b"a,b\n", True)


def test_the_fixes_survive_another_page_and_a_new_table_drops_them():
    raw = pd.DataFrame({"actor": ["Korea"], "stance": ["concern"]})
    fixed = raw.assign(actor=["South Korea"])
    kept = KeptTable()
    kept.bring("mine.csv", b"1")
    assert kept.start(raw, editor_open=False) is raw  # first run: the table as read
    kept.keep(fixed)  # the reader fixed a cell; the editor holds the fix itself
    assert kept.start(raw, editor_open=True) is raw
    kept.bring("mine.csv", b"1")  # back from another page: the same table
    assert kept.start(raw, editor_open=False) is fixed  # the editor starts from the fixes
    kept.bring("other.csv", b"2")  # another table: nothing of the first is kept
    assert kept.edited is None and kept.start(raw, editor_open=False) is raw


# ---- one composition: the dashboard, the published page and the image --------------------------------
def test_the_composition_is_the_page_view_the_map_rows_and_the_frame(good_event):
    event = load_event(good_event)
    state = ViewState(event.id, pd.Timestamp("2026-03-02"), ("condemn", "none"), "Europe")
    view = compose.compose(event, state)
    countries = boundaries.country_table()
    europe = countries[countries["region"] == "Europe"]
    assert set(view.map_rows["iso3"]) == set(europe["iso3"])
    rows = view.map_rows.set_index("iso3")
    assert rows.loc["FRA", "stance"] == "condemn" and bool(rows.loc["FRA", "shown"])
    assert rows.loc["DEU", "stance"] == "none" and bool(rows.loc["DEU", "shown"])
    assert "hover" not in view.map_rows  # the drawing adds it
    assert view.frame.holds(2.35, 48.86)  # Paris is in the frame
    assert not view.narrow(phone=True)  # a region's map keeps its dots where they are
    world = compose.compose(event, replace(state, region="", as_of=None))
    assert world.frame is None and world.narrow(phone=True) and not world.narrow(phone=False)
    assert world.state.as_of == pd.Timestamp(
        "2026-03-05"
    )  # no date: the last day a statement is known
    # The map draws the same rows, with hover text on top.
    drawn = map_hover.map_table(view.page.country_rows, europe, event.scale, set(state.stances))
    pd.testing.assert_frame_equal(drawn.drop(columns="hover"), view.map_rows.reset_index(drop=True))
    snap = snapshot.of_view(event, state)
    assert snap.view.page.table.equals(view.page.table) and snap.frame == view.frame


def test_cards_with_words_only_leave_the_map_alone(good_event):
    event = load_event(good_event)
    statements = event.statements.assign(quote=["We condemn it.", "", "", "", ""], summary="")
    event = replace(event, statements=statements)
    state = ViewState(event.id, pd.Timestamp("2026-03-31"), tuple(DEFAULT_SCALE.keys) + ("none",))
    every = compose.compose(event, state)
    worded = compose.compose(event, state, cards_with_words=True)
    assert len(worded.page.cards) < len(every.page.cards)
    assert worded.map_rows.equals(every.map_rows)


@pytest.mark.parametrize("as_of", ["soon", "2026-13-01", "1850-01-01", "4 March 2026", "2026-03"])
def test_a_snapshot_date_must_be_a_day(good_event, as_of):
    with pytest.raises(ValueError, match="not a day") as error:
        snapshot.snapshot(load_event(good_event), as_of)
    assert "YYYY-MM-DD" in str(error.value) and "between 1900 and 2100" in str(error.value)


def test_a_snapshot_date_may_carry_a_time(good_event):
    snap = snapshot.snapshot(load_event(good_event), "2026-03-02T18:30")
    assert snap.as_of == pd.Timestamp("2026-03-02")


def test_one_count_of_statements_everywhere(venezuela):
    """The header, the cards and the organizations count statements and actors the same way:
    with every stance shown on the last day, the cards and the organizations add up to the
    header's count."""
    event, page = venezuela.event, venezuela.page
    header = captions.event_line(event).split(" · ")[1]
    assert header == captions.statements_count(event.statements)
    cards_n, orgs_n = len(page.cards), len(page.organization_cards)
    assert cards_n + orgs_n == len(event.statements)
    assert header == f"{cards_n + orgs_n} statements by 34 actors"
    assert captions.statements_count(page.cards) == f"{cards_n} statements by 32 actors"
    assert captions.statements_count(page.organization_cards) == f"{orgs_n} statements by 2 actors"
    assert captions.statements_count(page.cards[:1]) == "1 statement by 1 actor"


def test_the_page_download_and_the_command_line_give_the_same_csv(venezuela, cli):
    """The stance table the page offers (every stance, the world, the last day) is byte for
    byte what `reactionmap export` writes: the same rows, columns and order."""
    from reactionmap.publish.export import stance_csv

    code, out, _ = cli(
        "export", "venezuela-2026-01", "--format", "csv", "--as-of", "2026-01-05", binary=True
    )
    assert code == 0
    assert stance_csv(venezuela.page.table) == out
    header = out.split(b"\n", 1)[0].decode()
    assert "latest_date,latest_date_precision,latest_date_label" in header
