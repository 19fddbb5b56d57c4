"""What the page shows and downloads: filters, organizations apart, safe and complete files."""

from __future__ import annotations

import io
import json

import pandas as pd

from reactionmap.contract.statements import statements_csv
from reactionmap.intake.events import load_event
from reactionmap.places import boundaries
from reactionmap.publish.export import download_name, stance_csv, stance_geojson
from reactionmap.view.compose import (
    countries_only,
    event_stance_table,
    organizations_only,
    shown_codes,
)


def test_organizations_are_kept_apart_from_countries(good_event):
    table = event_stance_table(load_event(good_event))
    assert "EU" not in set(countries_only(table)["actor_iso3"])
    assert list(organizations_only(table)["actor_iso3"]) == ["EU"]


def test_inheriting_from_an_organization_marks_silent_members_only(good_event):
    table = event_stance_table(load_event(good_event), inherit_from=("EU",)).set_index("actor_iso3")
    assert table.loc["ITA", "inherited_from"] == "European Union"
    assert table.loc["DEU", "inherited_from"] == ""  # Germany spoke for itself
    assert len(table[table["inherited_from"] != ""]) == 27 - 2  # all EU members but FRA, DEU


def test_shown_codes_follow_stance_and_region(good_event):
    rows = countries_only(event_stance_table(load_event(good_event)))
    every = ["FRA", "DEU", "CIV", "ESP", "CHL"]
    assert shown_codes(rows, every, ["neutral"]) == {"FRA"}
    assert shown_codes(rows, every, ["none"]) == {"ESP", "CHL"}
    assert shown_codes(rows, every, ["none", "support"], region_codes=["CIV", "CHL"]) == {
        "CIV",
        "CHL",
    }


def test_geojson_keeps_real_stance_of_filtered_countries(good_event):
    rows = countries_only(event_stance_table(load_event(good_event)))
    data = stance_geojson(rows, boundaries.load_countries(), boundaries.load_markers(), {"FRA"})
    features = {f["properties"]["iso3"]: f for f in json.loads(data)["features"]}
    assert features["FRA"]["properties"]["shown"] is True
    assert features["DEU"]["properties"]["stance"] == "concern"  # filtered out, not "none"
    assert features["DEU"]["properties"]["shown"] is False
    assert features["CIV"]["properties"]["name"] == "Côte d'Ivoire"
    assert features["TUV"]["geometry"]["type"] == "Point"  # no shape at 1:50m, a point
    assert features["ESP"]["properties"]["stance"] == "none"


def test_csv_is_utf8_and_formula_safe():
    frame = pd.DataFrame(
        {"actor": ["Côte d'Ivoire", "X"], "latest_text": ['=HYPERLINK("http://x")', "-2 dead"]}
    )
    text = stance_csv(frame).decode("utf-8")
    back = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert back.loc[0, "actor"] == "Côte d'Ivoire"
    assert back.loc[0, "latest_text"].startswith("'=")
    assert back.loc[1, "latest_text"] == "'-2 dead"


def test_statements_csv_has_the_contract_columns_in_order(good_event):
    event = load_event(good_event)
    header = statements_csv(event.statements).decode("utf-8").splitlines()[0]
    assert header == (
        "statement_id,actor,actor_iso3,actor_type,stance,date,date_precision,reported,speaker,"
        "speaker_role,quote,summary,source_name,source_url,notes"
    )


def test_download_names_carry_event_and_date():
    assert download_name("ev", "stance", pd.Timestamp("2026-01-04"), "csv") == (
        "ev_stance_2026-01-04.csv"
    )
    assert download_name("ev", "statements", None, "csv") == "ev_statements.csv"


def test_an_actor_without_a_shape_is_reported_and_exported(events_root):
    from tests.conftest import row, write_event

    rows = [row(statement_id="a", actor="Gibraltar", actor_iso3="GIB", stance="condemn"),
            row(statement_id="b", actor="France", stance="support")]  # fmt: skip
    event = load_event(write_event(events_root, "gib", rows))
    assert event.problems == []
    table = countries_only(event_stance_table(event))
    drawable = boundaries.country_table()["iso3"]
    from reactionmap.view.compose import not_drawable

    assert "GIB" not in set(drawable)  # the premise: Gibraltar has no shape or marker
    assert list(not_drawable(table, drawable)["actor_iso3"]) == ["GIB"]
    data = stance_geojson(table, boundaries.load_countries(), boundaries.load_markers())
    features = {f["properties"]["iso3"]: f for f in json.loads(data)["features"]}
    assert features["GIB"]["geometry"] is None
    assert features["GIB"]["properties"]["stance"] == "condemn"


def test_page_view_cards_table_and_map_agree(good_event):
    from reactionmap.view.compose import page_view

    event = load_event(good_event)
    codes = boundaries.country_table()["iso3"]
    page = page_view(
        event, pd.Timestamp("2026-03-31"), (), ["condemn", "neutral", "concern"], codes
    )
    assert set(page.cards["actor_iso3"]) == {"FRA", "DEU"}  # countries only, kept stances
    assert set(page.organization_cards["actor_iso3"]) == {"EU"}  # organizations apart
    assert set(page.table["actor_iso3"]) == {"FRA", "DEU", "EU"}
    assert set(page.visible["actor_iso3"]) == {"FRA", "DEU"}
    assert "CIV" not in page.kept  # supported: filtered out, never shown as silent
    europe = boundaries.country_table().query("region == 'Europe'")["iso3"]
    page = page_view(event, pd.Timestamp("2026-03-31"), (), ["support", "none"], codes, europe)
    assert page.cards.empty and "CIV" not in page.kept and "ESP" in page.kept


def test_page_view_keeps_a_country_without_a_shape_and_the_timeline_follows_the_region(
    events_root,
):
    from reactionmap.view.compose import page_view
    from tests.conftest import row, write_event

    rows = [
        row(statement_id="a", actor="France", stance="condemn", date="2026-03-01"),
        row(statement_id="b", actor="Gibraltar", actor_iso3="GIB", stance="condemn",
            date="2026-03-01"),
        row(statement_id="c", actor="Chile", stance="condemn", date="2026-03-01"),
        row(statement_id="d", actor="Germany", stance="condemn", date="2026-03-09"),
    ]  # fmt: skip
    event = load_event(write_event(events_root, "gib", rows))
    drawable = boundaries.country_table()["iso3"]
    assert "GIB" not in set(drawable)  # the premise: Gibraltar has no shape or marker
    day = pd.Timestamp("2026-03-02")
    page = page_view(event, day, (), ["condemn", "none"], drawable)
    assert {"FRA", "GIB", "CHL"} <= set(page.table["actor_iso3"])  # listed, not dropped
    assert "GIB" in set(page.cards["actor_iso3"])
    assert list(page.not_drawable["actor_iso3"]) == ["GIB"]  # and named as not on the map
    regions = boundaries.load_regions()
    americas = regions.loc[regions["region"] == "Americas", "iso3"]
    page = page_view(event, day, (), ["condemn", "none"], drawable, americas)
    assert set(page.table["actor_iso3"]) == {"CHL"}
    assert set(page.timeline["actor_iso3"]) == {"CHL"}  # Germany speaks later, in Europe


def test_a_statement_made_on_the_as_of_day_is_never_also_later(events_root):
    """One cut-off: the EU's statement at 10:00 on the as-of day is made, so the EU (whose
    stance is then filtered out) does not come back on the timeline as speaking "later"."""
    from reactionmap.view.compose import page_view
    from tests.conftest import GOOD_ROWS, row, write_event

    rows = [
        *GOOD_ROWS,
        row(statement_id="e2", actor="European Union", actor_type="organization",
            stance="condemn", date="2026-03-05T10:00", quote="We condemn."),
    ]  # fmt: skip
    event = load_event(write_event(events_root, "timed", rows))
    codes = boundaries.country_table()["iso3"]
    page = page_view(event, pd.Timestamp("2026-03-05"), (), ["concern", "neutral"], codes)
    assert page.organizations.empty  # the EU condemned, as of that day
    assert "EU" not in set(page.timeline["actor_iso3"])
    later = page_view(event, pd.Timestamp("2026-03-04"), (), ["concern", "neutral"], codes)
    assert "EU" in set(later.timeline["actor_iso3"])  # before that day, it is still to come


def test_the_timeline_holds_every_statement_of_the_actors_shown(events_root):
    """A stance filter picks the actors; their timeline rows keep every statement, so that
    the bands follow the same rule as the map (France's earlier condemnation included)."""
    from reactionmap.view.compose import page_view
    from tests.conftest import GOOD_ROWS, write_event

    event = load_event(write_event(events_root, "all-stances", GOOD_ROWS))
    codes = boundaries.country_table()["iso3"]
    page = page_view(event, pd.Timestamp("2026-03-05"), (), ["neutral"], codes)
    assert set(page.visible["actor_iso3"]) == {"FRA"}
    france = page.timeline[page.timeline["actor_iso3"] == "FRA"]
    assert sorted(france["stance"]) == ["condemn", "neutral"]
    assert "DEU" not in set(page.timeline["actor_iso3"])  # Germany's concern is filtered out
