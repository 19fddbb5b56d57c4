"""Where plotly draws the map (draw.projection) and the phone map's touch cells (draw.touch): the
shipped files are what the code builds, every cell holds its own small state, none overlaps
another, none reaches farther than a finger."""

from __future__ import annotations

import json
import math

import pytest
import shapely
from shapely.geometry import Point, shape

from reactionmap.draw import choropleth, projection, touch
from reactionmap.places import boundaries

# plotly.js 3 (Streamlit 1.67) measured in Chromium: layout.geo ranges, the plot area (left, top,
# width, height) and what plotly fitted: _subplot.fitScale and _subplot.bounds.
MEASURED = [
    ({"lonaxis": {"range": [-180, 180]}, "lataxis": {"range": [-58, 85]}}, (0, 28, 840, 364),
     143.00423, (28.831, 28.0, 811.169, 392.0)),
    ({"lonaxis": {"range": [-37.24015625, 84.48142857142857]},
      "lataxis": {"range": [-61.155, 45.76]}}, (0, 28, 840, 364),
     191.53777, (242.863, 28.0, 597.137, 392.0)),
    ({"lonaxis": {"range": [-122.42708646616542, -24.5363081232493]},
      "lataxis": {"range": [-66.38, 83.705]}}, (0, 28, 358, 147),
     58.04355, (135.829, 28.084, 222.171, 175.0)),
    ({"lonaxis": {"range": [-180, 180]}, "lataxis": {"range": [-65.045, 27.16]}},
     (0, 28, 358, 147), 65.44360, (0.010, 40.647, 357.990, 162.353)),
]  # fmt: skip


@pytest.mark.parametrize("geo, area, fit, box", MEASURED)
def test_the_map_is_fitted_as_plotly_fits_it(geo, area, fit, box):
    view = projection.geo_view(geo, area)
    assert view.fit_scale == pytest.approx(fit, rel=3e-4)
    assert view.box == pytest.approx(box, abs=0.15)


def test_a_point_goes_to_its_pixel_and_back():
    view = projection.geo_view(
        {"lonaxis": {"range": [-30, 100]}, "lataxis": {"range": [20, 89]},
         "projection": {"rotation": {"lon": 35}, "scale": 3}, "center": {"lon": 12, "lat": 42}},
        (0, 28, 358, 127),
    )  # fmt: skip
    assert view.project(12, 42) == pytest.approx(view.middle)  # the centre is drawn mid-box
    for lon, lat in [(12.5, 41.9), (-20, 60), (170, -10), (35, 0)]:
        assert view.invert(*view.project(lon, lat)) == pytest.approx((lon, lat), abs=1e-6)
    assert view.scale == pytest.approx(3 * view.fit_scale)


@pytest.mark.parametrize("region", touch.VIEWS)
def test_the_shipped_touch_cells_are_what_the_code_builds(region):
    """Rebuild them with `python scripts/build_touch_cells.py` after a change of the shapes,
    the dots, a region's frame or the phone's map."""
    built = touch.cells_text(touch.build_cells(region))
    assert touch.cells_path(region).read_text(encoding="utf-8") == built


@pytest.fixture(scope="module")
def world_cells():
    return json.loads(touch.cells_path("").read_text(encoding="utf-8"))["features"]


def test_each_cell_holds_its_state_within_a_fingers_reach_and_none_overlap(world_cells):
    view = touch.phone_view("")
    sites = touch.sites("", view)
    cells = {f["properties"]["iso3"]: shape(f["geometry"]) for f in world_cells}
    # Every UN member among them has a cell; places that share a pixel (Saint Martin and Sint
    # Maarten among Anguilla's and Saint Barthelemy's) may be squeezed out.
    members = set(boundaries.load_un_states()["iso3"])
    assert set(cells) <= set(sites) and members & set(sites) <= set(cells)
    for code, cell in cells.items():
        lon, lat, name = sites[code]
        assert cell.buffer(0.05).contains(Point(lon, lat)), f"{name}'s cell misses it"
        # No part of a cell lies farther from its state than a finger's reach (a cell may run
        # over the map's edge and on, on the other side: measured as one piece).
        sx, sy = unwrapped(view, lon, lat, lon)
        for part in getattr(cell, "geoms", [cell]):
            for x, y in part.exterior.coords:
                vx, vy = unwrapped(view, x, y, lon)
                reach = view.scale * ((vx - sx) ** 2 + (vy - sy) ** 2) ** 0.5
                assert reach <= touch.RADIUS_PX + 0.5, f"{name}'s cell reaches {reach:.0f} px"
    union_area = shapely.union_all(list(cells.values())).area
    assert union_area == pytest.approx(sum(c.area for c in cells.values()), rel=1e-3)


def unwrapped(view, lon: float, lat: float, near: float) -> tuple[float, float]:
    """raw() of a point in the map's rotation, its longitude taken on the side of ``near``."""
    lam = lon - view.rotation
    lam += 360 * round((near - view.rotation - lam) / 360)
    return projection.raw(math.radians(lam), math.radians(lat))


def test_small_states_are_the_dots_and_shapes_too_small_to_tap(world_cells):
    codes = {f["properties"]["iso3"] for f in world_cells}
    dots = set(boundaries.load_markers()["iso3"])
    assert dots <= codes  # every dot (the phone's world map draws them all)
    # A few px wide on a phone's world map (a finger is 44): most countries are.
    assert {"SLV", "LBN", "QAT", "GMB", "ISR", "BEL"} <= codes
    assert not {"BRA", "USA", "RUS", "CAN", "AUS", "CHN", "IND"} & codes  # big enough to aim at
    names = {f["properties"]["iso3"]: f["properties"]["name"] for f in world_cells}
    assert names["SLV"] == "El Salvador"  # the silent's hover template reads it


def test_a_phone_map_has_cells_only_where_they_were_built():
    url, codes = touch.phone_cells("Americas")
    assert url.endswith("static/boundaries/touch-americas.geojson") and "SLV" in codes
    assert touch.phone_cells("Antarctica") is None
    assert touch.cells_url("") == "app/static/boundaries/touch-world.geojson"


def test_the_cells_reach_is_about_a_finger_on_every_phone_map():
    """A sanity check of the frames the cells were built for: on each phone map a finger's
    reach is a few degrees (a region drawn larger), never a continent."""
    for region in touch.VIEWS:
        view = touch.phone_view(region)
        lon, lat = view.center
        per_degree = abs(view.project(lon + 0.5, lat)[0] - view.project(lon - 0.5, lat)[0])
        assert 0.5 < per_degree < 20, region
        assert view.box[2] - view.box[0] <= 358 + 0.5


def test_the_touch_cells_come_after_the_sea_and_before_the_land():
    table = pd_table()
    traces = choropleth.configure_touch_cells(table, "cells.geojson", ["QAT", "SLV", "XXX"])
    assert {t["name"] for t in traces} == {choropleth.TOUCH_NAME}
    located = sorted(code for t in traces for code in t["locations"])
    assert located == ["QAT", "SLV"]  # only the drawn states that have a cell
    spoken = next(t for t in traces if "SLV" in t["locations"])
    assert spoken["hovertext"] == ["El Salvador's words"]
    silent = next(t for t in traces if "QAT" in t["locations"])
    assert "%{properties.name}" in silent["hovertemplate"] and "hovertext" not in silent
    assert all(c == "rgba(0,0,0,0)" for t in traces for _, c in t["colorscale"])
    assert choropleth.configure_touch_cells(table, None, ["QAT"]) == []


def pd_table():
    import pandas as pd

    return pd.DataFrame(
        {
            "iso3": ["QAT", "SLV", "FRA"],
            "name": ["Qatar", "El Salvador", "France"],
            "stance": ["none", "condemn", "condemn"],
            "shown": [True, True, True],
            "hover": ["", "El Salvador's words", "France's words"],
            "has_shape": [True, True, True],
        }
    )
