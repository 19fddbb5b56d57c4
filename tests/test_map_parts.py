"""The map figure, part by part: the whole figure for the Venezuela event compared with files under
tests/expected/, and each configure_* step on its own.

The expected figures were written by map_figure before it was built from parts; after an intended
change of the map (or of the Venezuela event's statements, or of the shipped shapes), rewrite them
with ``REACTIONMAP_REGENERATE=1 pytest tests/test_map_parts.py`` and review the diff.
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from reactionmap.contract.scale import DEFAULT_SCALE
from reactionmap.draw import (
    choropleth,
    frame,
    map_dots,
    map_hover,
    map_legend,
    map_zoom,
    projection,
    style,
)
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
    # As text, so that 180 and 180.0 differ as they do in the JSON sent to the browser.
    text = json.dumps(figure, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    path = EXPECTED / f"map_venezuela_{name}.json"
    if os.environ.get("REACTIONMAP_REGENERATE") == "1":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_the_cases_draw_every_part(venezuela_event):
    names = set()
    for name in CASES:
        names |= {trace["name"] for trace in case_figure(venezuela_event, name).data}
    parts = {"sea", "no statement", "no statement, hidden", "countries", "inherited"}
    assert parts | {"small states", "leader lines", "selected"} <= names


@pytest.fixture(scope="module")
def filtered(venezuela_event):
    """Europe on 4 January, condemn and concern shown, the EU's silent members shaded."""
    snap = snapshot(
        venezuela_event, "2026-01-04", ("condemn", "concern"), "Europe", inherit_from=("EU",)
    )
    return snap.table.assign(key=map_legend.color_keys(snap.table)), venezuela_event.scale


def test_coloraxis_steps_give_each_colour_key_its_colour(venezuela_event):
    scale = venezuela_event.scale
    axis = map_legend.configure_coloraxis(scale)
    steps = map_legend.color_steps(scale)
    assert steps == (*scale.with_none, map_legend.HIDDEN)
    n = len(steps)
    for i, category in enumerate(steps):  # step i is the middle of a band of its colour
        band = axis["colorscale"][2 * i : 2 * i + 2]
        assert band == [[i / n, category.color], [(i + 1) / n, category.color]]
    assert (axis["cmin"], axis["cmax"]) == (-0.5, n - 0.5)


def test_sea_and_selection_are_transparent_shapes_of_their_own():
    (sea,) = choropleth.configure_sea("sea.geojson")
    assert (sea["geojson"], sea["locations"], sea["hoverinfo"]) == ("sea.geojson", ["SEA"], "none")
    shapes = pd.DataFrame({"iso3": ["FRA", "DEU"]})
    (outline,) = choropleth.configure_selection(shapes, "FRA", "u")
    assert outline["locations"] == ["FRA"] and outline["hoverinfo"] == "skip"
    assert {c for _, c in sea["colorscale"]} == {c for _, c in outline["colorscale"]}
    assert choropleth.configure_selection(shapes, "LUX", "u") == []  # not drawn: no outline
    assert choropleth.configure_selection(shapes, None, "u") == []


def test_countries_come_in_parts_silent_hidden_spoken_inherited(filtered):
    table, scale = filtered
    shapes = table[table["has_shape"]]
    traces = {t["name"]: t for t in choropleth.configure_countries(shapes, scale, "u")}
    assert list(traces) == ["no statement, hidden", "countries", "inherited"]
    hidden = traces["no statement, hidden"]
    assert map_hover.HIDDEN_NOTE in hidden["hovertemplate"] and "hovertext" not in hidden
    assert traces["inherited"]["marker"]["opacity"] == style.INHERITED_OPACITY
    assert "AUT" in traces["inherited"]["locations"]  # silent itself, shaded from the EU
    spoken = traces["countries"]
    assert len(spoken["hovertext"]) == len(spoken["locations"]) == len(spoken["z"])


def test_dots_of_hidden_small_states_are_blank_and_say_so(filtered, venezuela_event):
    table, scale = filtered
    dots = map_dots.placed_dots(boundaries.load_markers(), table)
    traces = map_dots.configure_dots(dots, scale)
    assert [t["name"] for t in traces][0] == "leader lines"
    silent = traces[-1]
    assert silent["hovertemplate"] == map_hover.SILENT_DOT_HOVER
    notes = {code: note for code, note in silent["customdata"]}
    assert notes["LIE"] == ": " + map_hover.HIDDEN_NOTE
    colours = dict(zip(silent["text"], silent["marker"]["color"], strict=True))
    assert colours["Liechtenstein"] == map_legend.HIDDEN_COLOR
    narrow = map_dots.placed_dots(boundaries.load_markers(), table, narrow=True)
    assert narrow["dot_lon"].tolist() == narrow["narrow_lon"].tolist()


def test_legend_swatches_are_the_legend_entries(filtered):
    table, scale = filtered
    swatches = map_legend.configure_legend(table, scale, ("condemn", "concern"))
    entries = map_legend.legend_entries(table, scale, ("condemn", "concern"))
    assert [s["name"].replace("<br>", " ") for s in swatches] == [label for label, _, _ in entries]
    assert any(s["name"].startswith("Hidden by your filters (") for s in swatches)
    assert all(s["hoverinfo"] == "skip" and s["showlegend"] for s in swatches)


def test_geo_frames_the_world_or_a_region_over_the_shared_sea():
    world = choropleth.configure_geo()
    assert world["oceancolor"] == style.OCEAN_COLOR
    lon, lat = world["lonaxis"]["range"], world["lataxis"]["range"]
    assert (*lon, *lat) == style.WORLD_FRAME
    assert world["projection"]["rotation"]["lon"] == 0
    europe = boundaries.region_extent("Europe")
    region = choropleth.configure_geo(europe, 840, 460)
    (lon_min, lon_max), (lat_min, lat_max) = region["lonaxis"]["range"], region["lataxis"]["range"]
    assert lon_min <= europe.lon_min < europe.lon_max <= lon_max
    assert lat_min <= europe.lat_min < europe.lat_max <= lat_max
    assert region["projection"]["rotation"]["lon"] == pytest.approx((lon_min + lon_max) / 2)


def test_a_tall_region_gets_a_taller_map_and_the_legend_its_own_room(venezuela_event):
    snap = snapshot(venezuela_event)
    table = snap.table.assign(key=map_legend.color_keys(snap.table))
    legend = map_legend.configure_legend(table, venezuela_event.scale, None, 840)
    phone_legend = map_legend.configure_legend(table, venezuela_event.scale, None, 358)
    world = choropleth.map_height(None, 840, legend)
    americas = choropleth.map_height(boundaries.region_extent("Americas"), 840, legend)
    assert world < americas <= choropleth.MODEBAR_MARGIN + frame.BOX_MAX + 200
    phone = choropleth.map_height(None, 358, phone_legend)
    # On a phone the legend wraps its long label and takes room of its own under the map.
    assert any("<br>" in t["name"] for t in phone_legend)
    assert map_legend.legend_room(phone_legend, 358) >= 6 * map_legend.LEGEND_LINE
    assert phone - map_legend.legend_room(phone_legend, 358) - choropleth.MODEBAR_MARGIN == (
        frame.box_height(None, 358)
    )
    figure = choropleth.map_figure(
        snap.table, venezuela_event.scale, boundaries.load_markers(), "u", width=358
    )
    assert figure.layout.height == phone and figure.layout.margin.b == (
        map_legend.legend_room(phone_legend, 358)
    )
    assert figure.layout.legend.yref == "container" and figure.layout.legend.yanchor == "top"


def test_the_image_shares_the_maps_sea_frame_and_inherited_shading(venezuela_event):
    from reactionmap.publish import image

    snap = snapshot(venezuela_event, inherit_from=("EU",))
    table = snap.table[snap.table["inherited_from"] != ""]
    colour = venezuela_event.scale.color(table["stance"].iloc[0])
    lighter = image._blend(colour, style.OCEAN_COLOR, style.INHERITED_OPACITY)
    assert set(image._colors(table, snap)) == {lighter}


# ---- zoom, touch cells, search ---------------------------------------------------------------
def keyed(table: pd.DataFrame) -> pd.DataFrame:
    return table.assign(key=map_legend.color_keys(table))


def test_a_zoom_centres_the_country_and_fills_a_share_of_the_map(venezuela_event):
    snap = snapshot(venezuela_event)
    dots = map_dots.placed_dots(boundaries.load_markers(), keyed(snap.table))
    geo = choropleth.configure_geo(snap.frame)
    before = copy.deepcopy(geo)
    points = map_zoom.zoom_points("LBN", snap.table, dots)  # its outline, its dot and line
    zoomed = map_zoom.configure_zoom(geo, points)
    assert zoomed is not geo and geo == before  # geo untouched
    area = (0, 28, frame.DESKTOP_WIDTH, frame.box_height(snap.frame, frame.DESKTOP_WIDTH))
    view = projection.geo_view(zoomed, area)
    assert set(boundaries.main_rings()["LBN"]) <= set(points)
    xs, ys = zip(*(view.project(*p) for p in points), strict=True)
    box = view.box
    # Lebanon and its dot are in the middle of the map's box and fill about ZOOM_FILL of it one way.
    assert (min(xs) + max(xs)) / 2 == pytest.approx((box[0] + box[2]) / 2, abs=1)
    assert (min(ys) + max(ys)) / 2 == pytest.approx((box[1] + box[3]) / 2, abs=1)
    share = max((max(xs) - min(xs)) / (box[2] - box[0]), (max(ys) - min(ys)) / (box[3] - box[1]))
    assert share == pytest.approx(map_zoom.ZOOM_FILL, abs=0.02)
    assert zoomed["projection"]["scale"] <= map_zoom.MAX_ZOOM


def test_a_zoom_faces_a_country_across_the_maps_edge_and_leaves_big_ones_be(venezuela_event):
    snap = snapshot(venezuela_event)
    dots = map_dots.placed_dots(boundaries.load_markers(), keyed(snap.table))
    geo = choropleth.configure_geo(snap.frame)
    fiji = map_zoom.configure_zoom(geo, map_zoom.zoom_points("FJI", snap.table, dots))
    rotation = fiji["projection"]["rotation"]["lon"]
    assert abs(projection.wrap(rotation - 178)) < 5  # turned to face Fiji, not cut at 180
    lon0, lon1 = fiji["lonaxis"]["range"]
    assert lon1 - lon0 == 360 and lon0 + 180 == pytest.approx(rotation)
    for code in ("RUS", ""):  # too big to gain from a zoom, or no country: as it was
        assert map_zoom.configure_zoom(geo, map_zoom.zoom_points(code, snap.table, dots)) is geo


def test_a_small_states_zoom_shows_its_dot_and_the_state(venezuela_event):
    snap = snapshot(venezuela_event)
    dots = map_dots.placed_dots(boundaries.load_markers(), keyed(snap.table), narrow=True)
    points = map_zoom.zoom_points("PSE", snap.table, dots)
    dot = dots[dots["iso3"] == "PSE"].iloc[0]
    assert (dot["dot_lon"], dot["dot_lat"]) in points and (dot["lon"], dot["lat"]) in points
    assert map_zoom.zoom_points("TUV", snap.table, dots)  # a dot with no shape at all
    assert map_zoom.zoom_points("XXX", snap.table, dots) == []


def test_a_zoomed_map_pans_with_a_mouse_and_has_no_touch_cells(venezuela_event):
    snap = snapshot(venezuela_event)
    cells = ("cells.geojson", ["LBN", "QAT"])

    def figure(zoom, phone):
        return choropleth.map_figure(
            snap.table, venezuela_event.scale, boundaries.load_markers(), "u", zoom,
            frame=snap.frame, touch=cells if phone else None, zoom=zoom, phone=phone,
        ).to_plotly_json()  # fmt: skip

    names = [t["name"] for t in figure(None, True)["data"]]
    assert names[:2] == ["sea", choropleth.TOUCH_NAME] and names.count("selected") == 0
    whole, zoomed = figure(None, False)["layout"], figure("LBN", False)["layout"]
    assert (whole["dragmode"], zoomed["dragmode"]) == ("orbit", "pan")
    assert zoomed["geo"]["projection"]["scale"] > 1 and "scale" not in whole["geo"]["projection"]
    phone = figure("LBN", True)
    assert phone["layout"]["dragmode"] == "orbit"  # a finger still scrolls the page
    assert choropleth.TOUCH_NAME not in [t["name"] for t in phone["data"]]
    assert phone["layout"]["margin"]["t"] == choropleth.PHONE_MODEBAR_MARGIN


def test_the_search_lists_every_country_drawn_the_silent_named_so():
    scale = DEFAULT_SCALE
    rows = pd.DataFrame(
        {"iso3": ["FRA", "CIV", "TCD", "ALB"], "name": ["France", "Côte d'Ivoire", "Chad", "Albania"],
         "stance": ["condemn", "support", "none", "none"]}
    )  # fmt: skip
    actors = pd.DataFrame({"iso3": ["SUN"], "name": ["USSR"], "stance": ["concern"]})
    choices = map_hover.search_choices(rows, actors, scale)
    assert list(choices) == ["ALB", "TCD", "CIV", "FRA", "SUN"]  # by name, accents aside
    assert choices["TCD"] == "Chad · no statement recorded"
    assert choices["FRA"] == f"France · {scale.label('condemn')}"
    assert choices["SUN"].startswith("USSR · ") and choices["SUN"].endswith("not on the map")


def test_the_search_offers_all_195_un_members_on_the_world_map(venezuela_event):
    snap = snapshot(venezuela_event)
    choices = map_hover.search_choices(snap.table, snap.table[:0], venezuela_event.scale)
    assert set(boundaries.load_un_states()["iso3"]) <= set(choices)
    assert len(choices) == len(snap.table)
