"""People who speak for no government (actor_type other) never colour their country."""

from __future__ import annotations

import json

import pandas as pd

from reactionmap.intake.events import load_event
from reactionmap.places import boundaries
from reactionmap.publish.export import stance_geojson
from reactionmap.view.compose import countries_only, event_stance_table, page_view
from tests.conftest import row, write_event

ROWS = [
    row(statement_id="col-01", actor="Colombia", stance="concern", date="2026-01-03",
        summary="Called for de-escalation."),
    # Later, so a table keyed by country code alone would take this as Colombia's stance.
    row(statement_id="col-02", actor="Ivan Duque", actor_iso3="COL", actor_type="other",
        stance="support", date="2026-01-04", speaker="Ivan Duque",
        speaker_role="Former President of Colombia", quote="A moral duty."),
    # Peru's government said nothing; only a former president of Peru did.
    row(statement_id="per-01", actor="A former president", actor_iso3="PER", actor_type="other",
        stance="condemn", date="2026-01-03", summary="Condemned it."),
    row(statement_id="eu-01", actor="European Union", actor_type="organization",
        stance="concern", date="2026-01-03", summary="Restraint."),
]  # fmt: skip


def test_an_other_actor_never_sets_its_countrys_map_stance(events_root):
    event = load_event(write_event(events_root, "others", ROWS))
    assert not event.problems
    table = event_stance_table(event, pd.Timestamp("2026-01-05"))
    countries = countries_only(table).set_index("actor_iso3")
    assert countries.loc["COL", "stance"] == "concern"  # the government's words, not Duque's
    assert countries.loc["COL", "statement_count"] == 1
    assert "PER" not in countries.index  # silent: "No statement recorded"
    # ... but each keeps a row of its own in the stance table.
    others = table[table["actor_type"] == "other"].set_index("actor")
    assert others.loc["Ivan Duque", ["actor_iso3", "stance"]].tolist() == ["COL", "support"]
    assert others.loc["A former president", "stance"] == "condemn"
    geo = json.loads(
        stance_geojson(
            countries_only(table), boundaries.load_countries(), boundaries.load_markers()
        )
    )
    stance = {f["properties"]["iso3"]: f["properties"]["stance"] for f in geo["features"]}
    assert (stance["COL"], stance["PER"]) == ("concern", "none")


def test_an_other_actor_does_not_stop_its_country_inheriting(events_root):
    event = load_event(write_event(events_root, "others", ROWS))
    table = event_stance_table(event, inherit_from=("EU",))
    assert "PER" not in set(table["actor_iso3"][table["inherited_from"] != ""])  # not in the EU
    rows = ROWS + [
        row(statement_id="esp-01", actor="A Spanish party", actor_iso3="ESP", actor_type="other",
            stance="support", date="2026-01-03", summary="Backed it."),
    ]  # fmt: skip
    event = load_event(write_event(events_root, "others-eu", rows))
    countries = countries_only(event_stance_table(event, inherit_from=("EU",)))
    spain = countries.set_index("actor_iso3").loc["ESP"]
    assert (spain["stance"], spain["inherited_from"]) == ("concern", "European Union")


def test_the_page_keeps_other_actors_in_cards_and_table_but_not_on_the_map(events_root):
    event = load_event(write_event(events_root, "others", ROWS))
    codes = boundaries.country_table()["iso3"]
    every = ["condemn", "concern", "neutral", "support", "party", "none"]
    page = page_view(event, pd.Timestamp("2026-01-05"), (), every, codes)
    assert page.country_rows.set_index("actor_iso3").loc["COL", "stance"] == "concern"
    assert "PER" not in set(page.country_rows["actor_iso3"])
    assert {"Ivan Duque", "A former president"} <= set(page.table["actor"])
    assert {"col-01", "col-02", "per-01"} <= set(page.cards["statement_id"])
    assert {"col-01", "col-02", "per-01"} <= set(page.timeline["statement_id"])
    # Showing only "support" keeps Duque's card, not Colombia's own concern.
    page = page_view(event, pd.Timestamp("2026-01-05"), (), ["support"], codes)
    assert set(page.cards["statement_id"]) == {"col-02"}
    assert page.visible.empty and list(page.table["actor"]) == ["Ivan Duque"]
