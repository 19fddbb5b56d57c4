"""The choropleth map, built per part: the sea, touch cells, countries by stance, the selection."""

from __future__ import annotations

from collections.abc import Collection, Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from reactionmap.contract.scale import NO_STATEMENT_KEY, Scale
from reactionmap.draw.frame import DESKTOP_WIDTH, box_height, geo_frame
from reactionmap.draw.map_dots import configure_dots, placed_dots
from reactionmap.draw.map_hover import SILENT_HIDDEN_HOVER, SILENT_HOVER, SPOKEN_HOVER
from reactionmap.draw.map_legend import (
    color_keys,
    color_steps,
    configure_coloraxis,
    configure_legend,
    inherited_rows,
    legend_layout,
    legend_room,
)
from reactionmap.draw.map_zoom import configure_zoom, zoom_points
from reactionmap.draw.style import INHERITED_OPACITY, OCEAN_COLOR, figure_spec
from reactionmap.places.boundaries import Extent

MODEBAR_MARGIN = 28  # px above the map for plotly's mode bar


PHONE_MODEBAR_MARGIN = 48  # on a phone, whose mode bar's buttons are a finger's size


# How far from a small state's dot a pointer still counts as on it: see map_dots.MARKER_SIZE.
HOVER_DISTANCE = 1


SELECTED_RING_SIZE = 13  # px: the ring around a selected small state's dot


SEA_CODE = "SEA"


CLEAR = [[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]]  # the colour scale of a transparent shape


SEA_GEOJSON = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"iso3": SEA_CODE},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[-180, -90], [-180, 90], [180, 90], [180, -90], [-180, -90]]],
            },
        }
    ],
}


# The map's rows' columns that its traces and legend read.
MAP_COLUMNS = (
    "iso3",
    "name",
    "has_shape",
    "stance",
    "shown",
    "inherited_from",
    "un_status",
    "hover",
)


def map_figure(*args, **kwargs) -> go.Figure:
    """map_spec's figure as a go.Figure (the published page, the image, the play's frames)."""
    return go.Figure(map_spec(*args, **kwargs), _validate=False)


def map_spec(
    table: pd.DataFrame,
    scale: Scale,
    markers: pd.DataFrame,
    geojson: str | dict,
    selected: str | None = None,
    height: int | None = None,
    frame: Extent | None = None,
    shown_keys: Collection[str] | None = None,
    narrow: bool = False,
    sea: str | dict = SEA_GEOJSON,
    width: int = DESKTOP_WIDTH,
    touch: tuple[str | dict, Collection[str]] | None = None,
    zoom: str | None = None,
    phone: bool = False,
    elsewhere: Collection[str] = (),
) -> dict:
    """The choropleth: one trace for every shape, stepped colours, markers for small states.

    ``shown_keys`` are the stance keys the reader's filter keeps (None: all); the legend
    names the others as hidden. ``narrow``: a phone's world map, whose small-state dots sit
    farther out so that none hides a neighbour there either. ``sea``: the clickable sea's
    GeoJSON, or the URL of a file holding it. ``touch``: a phone's touch cells (draw.touch: the
    GeoJSON or its URL, and the codes it has cells for). ``zoom``: a country to zoom to.
    ``phone``: room above the map for the mode bar's finger-sized buttons. ``elsewhere``: the
    shapes of countries outside the frame (a region's map: the world's others), in a hidden
    trace (configure_elsewhere).

    ``table`` comes from map_table and carries a ``hover`` column; ``geojson`` is a URL the
    browser fetches once, or a GeoJSON dict; ``frame`` is the region's Extent (None: the
    world). The figure is made for a map ``width`` px wide: the frame fills it, the legend has
    its own room under the map, and ``height`` (None: map_height's) is the whole figure's.

    Built as plotly express builds its figures, one part at a time: each configure_* step
    returns its traces (or its piece of the layout), in the order they are drawn.
    """
    # Only the columns drawn: each part below is a cut of this table, and a cut copies them all.
    table = table[[c for c in MAP_COLUMNS if c in table]].assign(key=color_keys(table))
    shapes = table[table["has_shape"].astype(bool)]
    legend = configure_legend(table, scale, shown_keys, width)
    room = legend_room(legend, width)
    top = modebar_margin(phone)
    height = height or map_height(frame, width, legend, top)
    dots = placed_dots(markers, table, narrow)
    geo = configure_geo(frame, width, height - top - room)
    zoomed = configure_zoom(geo, zoom_points(zoom, table, dots))
    # A finger's reach around the small states, on a phone's whole map (not once zoomed in).
    cells, cell_codes = touch if touch and zoomed is geo else (None, ())
    traces = [
        *configure_sea(sea),
        *configure_touch_cells(table, cells, cell_codes),
        *configure_countries(shapes, scale, geojson),
        *configure_elsewhere(elsewhere, geojson, scale),
        *configure_dots(dots, scale),
        *configure_selection(shapes, selected, geojson, dots),
        *legend,
    ]
    layout = {
        "coloraxis": configure_coloraxis(scale),
        "geo": zoomed,
        "height": height,
        # The top margin holds plotly's mode bar, which would otherwise sit on the map and hide
        # the countries under it from the pointer; the bottom one the legend.
        "margin": {"l": 0, "r": 0, "t": top, "b": room},
        "legend": legend_layout(room, height),
        "clickmode": "event+select",
        # A swipe on the map scrolls the page. Streamlit replaces a falsy dragmode with "pan"
        # when it listens for selections; plotly geo ignores "orbit" (a 3D mode): no pan, no
        # box select, but clicks and zoom buttons still work. Zoomed in, a mouse drags the map
        # about (a finger still scrolls the page: a phone's map stays "orbit").
        "dragmode": "pan" if zoomed is not geo and not phone else "orbit",
        # The mode bar's buttons dark on white, where the map's own colours would hide them.
        "modebar": {"bgcolor": "rgba(255,255,255,0.9)", "color": "#555", "activecolor": "#111"},
        "hoverdistance": HOVER_DISTANCE,
    }
    return figure_spec(traces, layout)


def modebar_margin(phone: bool) -> int:
    """px above the map for plotly's mode bar: a phone's has finger-sized buttons."""
    return PHONE_MODEBAR_MARGIN if phone else MODEBAR_MARGIN


def map_height(
    frame: Extent | None, width: float, legend: list[dict], top: int = MODEBAR_MARGIN
) -> int:
    """The map's whole height, one rule for the dashboard and the published page: the mode
    bar's room ``top``, the map's box for its ``width`` (frame.box_height: a tall region is
    taller, a phone's map shorter) and the room of its ``legend`` (configure_legend's traces)."""
    return top + box_height(frame, width) + legend_room(legend, width)


def configure_sea(sea: str | dict = SEA_GEOJSON) -> list[dict]:
    """First, under everything: the sea as one transparent, clickable shape, so that a click
    on the sea reaches the page (plotly's geo maps report none) and clears the selection.
    ``sea`` is SEA_GEOJSON or the URL of a file holding it (the dashboard serves one, fetched
    once). No label, but a click is reported."""
    return [_clear_shape(sea, SEA_CODE, "sea", {"width": 0}, hoverinfo="none")]


# The touch cells' traces: tests that point at every shape leave them out by this name.
TOUCH_NAME = "touch targets"


def configure_touch_cells(
    table: pd.DataFrame, cells: str | dict | None, codes: Collection[str]
) -> list[dict]:
    """On a phone's map, right after the sea and before the countries: each small state's
    touch cell (draw.touch; ``cells`` is their GeoJSON or its URL, ``codes`` the states it has
    cells for), transparent, answering a tap as the state does (its hover text, or its name
    from the cells' GeoJSON when it is silent). Countries come later, so their land always
    answers for itself: a cell only ever takes a tap on the sea."""
    if not cells:
        return []
    rows = table[table["iso3"].isin(set(codes))]
    traces = []
    for part, _, _, template in country_parts(rows):
        if part.empty:
            continue
        trace = {
            **_shapes(cells, part["iso3"].tolist()),
            "z": [0] * len(part),
            "colorscale": CLEAR,
            "showscale": False,
            "marker": {"line": {"width": 0}},
            "hovertemplate": template or SPOKEN_HOVER,
            "name": TOUCH_NAME,
            "showlegend": False,
        }
        if not template:
            trace["hovertext"] = part["hover"].tolist()
        traces.append(trace)
    return traces


def country_parts(shapes: pd.DataFrame) -> list[tuple[pd.DataFrame, float, str, str | None]]:
    """The countries in four parts, each (rows, opacity, trace name, hover template): silent,
    silent and hidden, spoken, inherited. Silent countries carry no text of their own: their
    hover template reads the name from the GeoJSON the browser already has, so each rerun
    sends only their codes. The others (template None) carry their hover text."""
    inherited = inherited_rows(shapes)
    silent = shapes["stance"] == NO_STATEMENT_KEY
    shown = shapes["shown"].astype(bool)
    return [
        (shapes[silent & shown], 1.0, "no statement", SILENT_HOVER),
        (shapes[silent & ~shown], 1.0, "no statement, hidden", SILENT_HIDDEN_HOVER),
        (shapes[~silent & ~inherited], 1.0, "countries", None),
        (shapes[~silent & inherited], INHERITED_OPACITY, "inherited", None),
    ]


def configure_countries(shapes: pd.DataFrame, scale: Scale, geojson: str | dict) -> list[dict]:
    """A trace for each part of the countries that has any (country_parts), coloured by step
    of the layout's colour axis."""
    steps = {category.key: i for i, category in enumerate(color_steps(scale))}
    traces = []
    for part, opacity, name, template in country_parts(shapes):
        if part.empty:
            continue
        trace = {
            **_shapes(geojson, part["iso3"].tolist()),
            "z": part["key"].map(steps).astype("int8").to_numpy(),
            "coloraxis": "coloraxis",  # one stepped scale in the layout, not one per trace
            "marker": {"line": {"color": "#BBBBBB", "width": 0.4}, "opacity": opacity},
            "hovertemplate": template or SPOKEN_HOVER,
            "name": name,
            "showlegend": False,
        }
        if not template:
            trace["hovertext"] = part["hover"].tolist()
        traces.append(trace)
    return traces


# The hidden trace of the countries outside a region's map (the page's script finds it by name).
ELSEWHERE_NAME = "elsewhere"


def configure_elsewhere(codes: Collection[str], geojson: str | dict, scale: Scale) -> list[dict]:
    """The countries a region's map does not draw (``codes``), in one trace plotly leaves
    hidden: the page shows it only while it redraws the map for another region the moment the
    reader picks one (pages/quick_colours.js colours and frames it), until the server's map of
    that region arrives. Blank (the hidden step) until the page colours them; never hovered,
    never in the legend; none without codes."""
    if not codes:
        return []
    blank = len(color_steps(scale)) - 1  # the hidden colour's step, the last
    return [
        {
            **_shapes(geojson, list(codes)),
            "z": np.full(len(codes), blank, dtype="int8"),
            "coloraxis": "coloraxis",
            "marker": {"line": {"color": "#BBBBBB", "width": 0.4}},
            "hoverinfo": "skip",
            "name": ELSEWHERE_NAME,
            "showlegend": False,
            "visible": False,
        }
    ]


def configure_selection(
    shapes: pd.DataFrame,
    selected: str | None,
    geojson: str | dict,
    dots: pd.DataFrame | None = None,
) -> list[dict]:
    """The selected country's outline, over the countries, and a ring around its dot when it
    has one (none when nothing drawn is selected). The ring answers a pointer as its dot does."""
    traces = []
    if selected and selected in set(shapes["iso3"]):
        traces.append(_clear_shape(geojson, selected, "selected", {"color": "#111", "width": 2.2}))
    if selected and dots is not None and selected in set(dots["iso3"]):
        dot = dots[dots["iso3"] == selected].iloc[0]
        traces.append(
            {
                "type": "scattergeo",
                "lon": [dot["dot_lon"]],
                "lat": [dot["dot_lat"]],
                "mode": "markers",
                "marker": {
                    "size": SELECTED_RING_SIZE,
                    "color": "rgba(0,0,0,0)",
                    "line": {"color": "#111", "width": 2.2},
                },
                "hoverinfo": "skip",
                "customdata": [[selected, ""]],
                "name": "selected",
                "showlegend": False,
            }
        )
    return traces


def configure_geo(
    frame: Extent | None = None, width: float = DESKTOP_WIDTH, height: float | None = None
) -> dict:
    """The map's geo: Natural Earth's projection, plotly's base map off but the sea, the world
    or a region's Extent ``frame`` filling a box ``width`` x ``height`` px (None: the height
    frame.box_height gives), rotated to the region's middle (frame.geo_frame)."""
    if height is None:
        height = box_height(frame, width)
    fitted = geo_frame(frame, width / height)
    return {
        "projection": {"type": "natural earth", "rotation": {"lon": fitted.rotation}},
        "showframe": False,
        "showcoastlines": False,
        "showcountries": False,
        "showland": False,
        "showocean": True,
        "oceancolor": OCEAN_COLOR,
        "showlakes": False,
        "lonaxis": {"range": list(fitted.lon_range)},
        "lataxis": {"range": list(fitted.lat_range)},
        "bgcolor": "rgba(0,0,0,0)",
    }


def _shapes(geojson: str | dict, codes: list[str]) -> dict:
    """A choropleth trace's start: its shapes, and the codes it draws."""
    return {
        "type": "choropleth",
        "geojson": geojson,
        "featureidkey": "properties.iso3",
        "locations": codes,
    }


def _clear_shape(
    geojson: str | dict, code: str, name: str, line: dict, hoverinfo: str = "skip"
) -> dict:
    """One shape drawn transparent (only its outline ``line``): the sea, the selection."""
    return {
        **_shapes(geojson, [code]),
        "z": [0],
        "colorscale": CLEAR,
        "showscale": False,
        "marker": {"line": line},
        "hoverinfo": hoverinfo,
        "name": name,
        "showlegend": False,
    }


def clicked_code(points: list[Mapping]) -> str:
    """The country a map click names: a shape's location, or a small state's dot's code
    (its customdata is [iso3, note]); '' for a click on the sea (or no point)."""
    if not points:
        return ""
    point = points[0]
    data = point.get("customdata")
    marker = data[0] if isinstance(data, list) and data else data
    code = str(point.get("location") or marker or "")
    return "" if code == SEA_CODE else code
