"""A UN General Assembly recorded vote in the UN's own spelling goes in and is drawn in full.

The votes here are synthetic (cycled over the four vote categories): the test is about names,
resolution, drawing and the scale, not about any real resolution's result.
"""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

import pandas as pd

from reactionmap.contract.scale import VOTE_SCALE
from reactionmap.draw import choropleth, map_hover
from reactionmap.intake.events import load_event
from reactionmap.places import boundaries
from reactionmap.view.compose import countries_only
from reactionmap.view.stance import stance_table

NAMES = Path(__file__).parent / "data" / "un_official_names.csv"


def un_members() -> pd.DataFrame:
    table = pd.read_csv(NAMES, dtype=str, keep_default_na=False)
    return table[table["status"] == "member"] if "status" in table else table.head(193)


def test_recorded_vote_in_un_spelling_imports_resolves_and_draws(tmp_path, cli):
    members = un_members()
    assert len(members) == 193
    votes = itertools.cycle(["yes", "no", "abstain", "absent"])
    source = tmp_path / "A-RES-test.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Member State", "Vote"])
        for name in members["name"]:
            writer.writerow([name.upper(), next(votes).upper()])
    # the UN's own headers ("Member State", "Vote") are read as actor and stance
    target = tmp_path / "unga-test"
    code, _, err = cli(
        "import", str(source), "--event-id", "unga-test", "--scale", "vote",
        "--date", "2026-02-01", "--out", str(target),
    )  # fmt: skip
    assert code == 0, err
    event = load_event(target)
    assert event.problems == []
    assert event.scale == VOTE_SCALE
    resolved = dict(zip(event.statements["actor"], event.statements["actor_iso3"], strict=True))
    expected = dict(zip(members["name"].str.upper(), members["iso3"], strict=True))
    assert resolved == expected  # every member resolved, and resolved right

    table = countries_only(stance_table(event.statements))
    drawable = boundaries.country_table()
    drawn = drawable[drawable["has_shape"] | drawable["has_marker"]]
    assert set(table["actor_iso3"]) <= set(drawn["iso3"])  # every member can be seen and hovered

    map_rows = map_hover.map_table(table, drawable, event.scale)
    fig = choropleth.map_figure(map_rows, event.scale, boundaries.load_markers(), "x.geojson")
    legend = [t.name for t in fig.data if t.showlegend]
    labels = [name.rsplit(" (", 1)[0] for name in legend]
    assert labels == ["Yes", "No", "Abstained", "Absent / did not vote", "No statement recorded"]
    counts = table["stance"].value_counts()
    assert legend[0] == f"Yes ({counts.get('yes', 0)})"
