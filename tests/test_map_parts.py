"""The map figure, part by part: the whole figure for the Venezuela event compared with files under
tests/expected/, and each configure_* step on its own.

The expected figures were written by map_figure before it was built from parts; after an intended
change of the map (or of the Venezuela event's statements, or of the shipped shapes), rewrite them
with ``REACTIONMAP_REGENERATE=1 pytest tests/test_map_parts.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from reactionmap.draw import choropleth
from reactionmap.places import boundaries
from reactionmap.publish.snapshot import snapshot

EXPECTED = Path(__file__).resolve().parent / "expected"

# name: (snapshot's as_of, stances, region, inherit_from; map_figure's selected, height, narrow,
# sea). Together they draw every part: silent, silent and hidden, spoken, inherited, dots for
# silent and spoken small states, hidden dots, leader lines, a selection, a region's frame.
CASES = {
    "world": (None, None, "", (), None, 520, False, choropleth.SEA_GEOJSON),
    "world-narrow": (None, None, "", (), "VEN", 420, True, "static/sea.geojson"),
    "americas": (None, None, "Americas", (), "VEN", 520, False, "static/sea.geojson"),
    "europe-narrow-filtered": (
        "2026-01-04", ("condemn", "concern"), "Europe", ("EU",), "FRA", 420, True,
        choropleth.SEA_GEOJSON,
    ),
    "world-filtered-inherited": (
        None, ("condemn", "concern", "support", "party"), "", ("EU",), "LUX", 520, False,
        "static/sea.geojson",
    ),
    "world-silent-only": (None, ("none",), "", (), "ZZZ", 600, False, choropleth.SEA_GEOJSON),
}  # fmt: skip


def plain(value):
    """The figure's JSON with numpy arrays written out, their dtype kept (z is int8)."""
    if isinstance(value, np.ndarray):
        return {"ndarray": str(value.dtype), "values": [plain(v) for v in value.tolist()]}
    if isinstance(value, dict):
        return {key: plain(v) for key, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def case_figure(event, name: str):
    as_of, stances, region, inherit, selected, height, narrow, sea = CASES[name]
    snap = snapshot(event, as_of, stances, region, inherit_from=inherit)
    return choropleth.map_figure(
        snap.table,
        event.scale,
        boundaries.load_markers(),
        "shapes.geojson",
        selected,
        height=height,
        frame=snap.frame,
        shown_keys=snap.stances,
        narrow=narrow,
        sea=sea,
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_map_figure_is_exactly_as_expected(venezuela_event, name):
    figure = plain(case_figure(venezuela_event, name).to_plotly_json())
    path = EXPECTED / f"map_venezuela_{name}.json"
    if os.environ.get("REACTIONMAP_REGENERATE") == "1":
        text = json.dumps(figure, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
        path.write_text(text, encoding="utf-8")
    assert figure == json.loads(path.read_text(encoding="utf-8"))


def test_the_cases_draw_every_part(venezuela_event):
    names = set()
    for name in CASES:
        names |= {trace["name"] for trace in case_figure(venezuela_event, name).data}
    parts = {"sea", "no statement", "no statement, hidden", "countries", "inherited"}
    assert parts | {"small states", "leader lines", "selected"} <= names
