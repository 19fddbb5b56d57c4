"""The choropleth map: every country's stance, hover text, small states as dots, the clickable sea, the legend."""

from __future__ import annotations

import copy
import functools
import html
import math
import unicodedata
from collections import Counter
from collections.abc import Collection, Mapping

import pandas as pd
import plotly.graph_objects as go

from reactionmap.contract.scale import (
    DISAGREE_KEY,
    NO_STATEMENT_KEY,
    NO_STATEMENT_LABEL,
    Category,
    Scale,
)
from reactionmap.draw import projection
from reactionmap.draw.frame import DESKTOP_WIDTH, box_height, geo_frame
from reactionmap.draw.style import (
    CHAR_PX,
    INHERITED_OPACITY,
    OCEAN_COLOR,
    figure_spec,
    wrap_escaped,
)
from reactionmap.places import boundaries
from reactionmap.places.boundaries import Extent
from reactionmap.view.compose import map_rows

# What a country's hover and the legend say of a country the reader's filter hides.
HIDDEN_NOTE = "hidden by your filters"

SILENT_HOVER = "<b>%{properties.name}</b><br>" + NO_STATEMENT_LABEL + "<extra></extra>"


SILENT_HIDDEN_HOVER = (
    "<b>%{properties.name}</b><br>" + NO_STATEMENT_LABEL + f": {HIDDEN_NOTE}<extra></extra>"
)


# A small state's dot, and how far from it a pointer still counts as on it. Plotly measures a
# marker's hover distance as (distance to its centre) - max(3, size / 2), so with a 6 px dot
# (and a 1 px outline) and a hover distance of 1 px, a pointer is on the dot only within 4 px
# of its centre: the dot as drawn. Elsewhere the shape under the pointer answers for itself.
# (Plotly's default of 20 px let a dot take the hover and the click from every shape around
# it; 0 turns hover off altogether on geo maps.)
MARKER_SIZE = 6


MODEBAR_MARGIN = 28  # px above the map for plotly's mode bar
PHONE_MODEBAR_MARGIN = 48  # on a phone, whose mode bar's buttons are a finger's size


SELECTED_RING_SIZE = 13  # px: the ring around a selected small state's dot


HOVER_DISTANCE = 1


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


SPOKEN_HOVER = "%{hovertext}<extra></extra>"  # a country or dot that spoke: its own text


# A silent small state's dot: its name, and the note customdata[1] when it is hidden.
SILENT_DOT_HOVER = "<b>%{text}</b><br>" + NO_STATEMENT_LABEL + "%{customdata[1]}<extra></extra>"


HIDDEN_KEY = "hidden"


HIDDEN_COLOR = "#FFFFFF"  # on a blue sea, with grey borders


# Filtered-out countries are drawn blank: a colour of their own, after the scale's.
HIDDEN = Category(HIDDEN_KEY, HIDDEN_NOTE.capitalize(), HIDDEN_COLOR)


def hover_text(row: Mapping, scale: Scale) -> str:
    """The hover label for one country: name, stance, who, when and what was said."""
    name = html.escape(row["name"])
    if not row.get("shown", True):
        return f"<b>{name}</b><br>{html.escape(scale.label(row['stance']))}: {HIDDEN_NOTE}"
    if row["stance"] == NO_STATEMENT_KEY:
        return f"<b>{name}</b><br>{html.escape(scale.label(NO_STATEMENT_KEY))}"
    if row["stance"] == DISAGREE_KEY and row.get("accounts"):
        lines = [
            f"<b>{name}</b>",
            f"<b>{html.escape(scale.describe(DISAGREE_KEY, row['stances']))}</b>",
        ]
        lines += [wrap_escaped(line) for line in scale.accounts_lines(row["accounts"])]
        return "<br>".join(lines)
    lines = [f"<b>{name}</b>", f"<b>{html.escape(scale.label(row['stance']))}</b>"]
    if row.get("inherited_from"):
        lines.append(
            wrap_escaped(f"Inherited from {row['inherited_from']}; no statement of its own")
        )
    elif row["statement_count"] > 1:
        lines[-1] += f" · {int(row['statement_count'])} statements, latest:"
    who = ", ".join(p for p in (row["speaker"], row["speaker_role"]) if p)
    lines.append(wrap_escaped(" · ".join(p for p in (who, row["latest_date_label"]) if p)))
    text = row["latest_text"]
    if text:
        lines.append(wrap_escaped(f"“{text}”" if row["latest_is_quote"] else text))
    return "<br>".join(lines)


def map_table(
    stances: pd.DataFrame, countries: pd.DataFrame, scale: Scale, shown: set[str] | None = None
) -> pd.DataFrame:
    """Every drawable country with its stance ('none' when it said nothing) and its ``hover``:
    view.compose.map_rows(), with hover text."""
    return with_hover(map_rows(stances, countries, shown), scale)


# What a country's hover text says (hover_text): the same row gives the same text, on every
# view and day that holds it, so each is written once per process (_hover).
HOVER_FIELDS = (
    "name", "shown", "stance", "accounts", "stances", "inherited_from", "statement_count",
    "speaker", "speaker_role", "latest_date_label", "latest_text", "latest_is_quote",
)  # fmt: skip


def with_hover(rows: pd.DataFrame, scale: Scale) -> pd.DataFrame:
    """The map's rows (view.compose.map_rows, or a Composition's) with each country's ``hover``."""
    fields = tuple(f for f in HOVER_FIELDS if f in rows)
    columns = (rows[f].tolist() for f in fields)
    return rows.assign(
        hover=[_hover(fields, values, scale) for values in zip(*columns, strict=True)]
    )


@functools.lru_cache(maxsize=8192)
def _hover(fields: tuple[str, ...], values: tuple, scale: Scale) -> str:
    """hover_text of the row whose ``fields`` hold ``values``."""
    return hover_text(dict(zip(fields, values, strict=True)), scale)


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
) -> dict:
    """The choropleth: one trace for every shape, stepped colours, markers for small states.

    ``shown_keys`` are the stance keys the reader's filter keeps (None: all); the legend
    names the others as hidden. ``narrow``: a phone's world map, whose small-state dots sit
    farther out so that none hides a neighbour there either. ``sea``: the clickable sea's
    GeoJSON, or the URL of a file holding it. ``touch``: a phone's touch cells (draw.touch: the
    GeoJSON or its URL, and the codes it has cells for). ``zoom``: a country to zoom to.
    ``phone``: room above the map for the mode bar's finger-sized buttons.

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


# The legend under the map, laid out as plotly lays out a horizontal legend: in one row when all
# entries fit, else in a grid of columns as wide as the widest entry. Its room is reckoned from
# the labels (plotly's own height is known only in the browser): a character of 12 px system-ui
# is at most ~6.6 px wide, a swatch and its gaps 40 px, a line 16 px, an entry 4 px more. The
# legend hangs from the map's foot: a label wider than reckoned would run off the figure's
# foot, never over the map. A label wraps at LEGEND_CHARS, or the map's width on a phone.
LEGEND_FONT = 12
LEGEND_CHAR = CHAR_PX
LEGEND_CHARS = 44
LEGEND_ITEM = 40
LEGEND_GAP = 5
LEGEND_LINE = 16
LEGEND_ENTRY = 4
LEGEND_PAD = 8


def legend_lines(label: str, width: float) -> list[str]:
    """A legend label's lines for a map ``width`` px wide."""
    import textwrap

    chars = min(LEGEND_CHARS, int((width - LEGEND_ITEM) / LEGEND_CHAR))
    return textwrap.wrap(label, max(chars, 12)) or [""]


def legend_room(legend: list[dict], width: float) -> int:
    """px under the map for the legend (configure_legend's traces), as plotly places them."""
    items: list[tuple[float, int]] = []  # (width, lines) of each entry
    for trace in legend:
        words = [html.unescape(line) for line in trace["name"].split("<br>")]
        items.append((LEGEND_ITEM + LEGEND_CHAR * max(map(len, words)), len(words)))
    if not items:
        return 0
    one_row = sum(w for w, _ in items) + LEGEND_GAP * (len(items) - 1) < width
    column = max(w for w, _ in items)
    height = LEGEND_PAD
    x, tallest = 0.0, 0
    for w, count in items:
        step = w if one_row else column
        if x and step + x - LEGEND_GAP >= width:
            height += tallest
            x, tallest = 0.0, 0
        x += step + LEGEND_GAP
        tallest = max(tallest, LEGEND_LINE * count + LEGEND_ENTRY)
    return int(height + tallest)


def legend_layout(room: int, height: int) -> dict:
    """The legend's place: hung from the map's foot in the room under it (the container's
    coordinates, as the timeline's), so plotly does not shrink the map to fit it."""
    return {
        "orientation": "h",
        "yref": "container",
        "yanchor": "top",
        "y": round(room / height, 4),
        "x": 0,
        "font": {"size": LEGEND_FONT},
    }


def color_keys(table: pd.DataFrame) -> pd.Series:
    """The colour each row is drawn in: its stance, or HIDDEN_KEY where the filter hides it."""
    return table["stance"].where(table["shown"], HIDDEN_KEY)


def color_steps(scale: Scale) -> tuple[Category, ...]:
    """The colours of the map's one stepped colour scale, in order: the scale's categories,
    'No statement recorded', then the blank of hidden countries. A colour key's step is its
    index here."""
    return (*scale.with_none, HIDDEN)


def configure_coloraxis(scale: Scale) -> dict:
    """One stepped colour scale in the layout that every country trace refers to (plotly
    express's discrete colours would copy the shapes into a trace per category)."""
    steps = color_steps(scale)
    n = len(steps)
    colorscale: list[list] = []
    for i, category in enumerate(steps):
        colorscale += [[i / n, category.color], [(i + 1) / n, category.color]]
    return {"colorscale": colorscale, "cmin": -0.5, "cmax": n - 0.5, "showscale": False}


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


# A zoom to a country: it fills this share of the map's box, at most MAX_ZOOM times the map's
# own scale; a country that would be magnified less than MIN_ZOOM times is left as it is.
ZOOM_FILL = 0.35
MAX_ZOOM = 40.0
MIN_ZOOM = 1.5


def zoom_points(
    code: str | None, table: pd.DataFrame, dots: pd.DataFrame
) -> list[tuple[float, float]]:
    """What a zoom to ``code`` must show: its largest part's outline and, for a small state,
    its dot (where this map draws it) and the point its leader line starts from. None when
    the country is not drawn here."""
    if not code or code not in set(table["iso3"]):
        return []
    points = list(boundaries.main_rings().get(code, ()))
    for dot in dots[dots["iso3"] == code].itertuples():
        points += [(dot.dot_lon, dot.dot_lat), (dot.lon, dot.lat)]
    return [(float(lon), float(lat)) for lon, lat in points]


def configure_zoom(geo: dict, points: list[tuple[float, float]]) -> dict:
    """``geo`` (configure_geo's) zoomed onto ``points`` (zoom_points): the same frame, with
    ``center`` on them and ``projection.scale`` so that they fill ZOOM_FILL of the map's box;
    the world turned to face them (Fiji is not cut at 180 degrees, New Zealand not sheared), a
    region's frame only when its edge runs through them. Returns
    ``geo`` itself when there is nothing to zoom to, or too little to gain."""
    if not points:
        return geo
    lon_range = tuple(geo["lonaxis"]["range"])
    lat_range = tuple(geo["lataxis"]["range"])
    rotation = geo["projection"].get("rotation", {}).get("lon", (lon_range[0] + lon_range[1]) / 2)
    first = points[0][0]
    lons = [first + projection.wrap(lon - first) for lon, _ in points]
    middle = (min(lons) + max(lons)) / 2
    zoomed = copy.deepcopy(geo)
    edge = [projection.wrap(lon - rotation) for lon in lons]
    if lon_range[1] - lon_range[0] >= 359:  # the whole world: turn it to face the country
        rotation = middle
        lon_range = (rotation - 180, rotation + 180)
        zoomed["lonaxis"] = {**geo["lonaxis"], "range": list(lon_range)}
        zoomed["projection"]["rotation"] = {"lon": rotation}
    elif max(edge) - min(edge) > max(lons) - min(lons) + 1e-6:  # a region's edge runs through
        rotation = middle
        zoomed["projection"]["rotation"] = {"lon": rotation}
    xs, ys = zip(*(projection.rotated_raw(lon, lat, rotation) for lon, lat in points), strict=True)
    x0, y0, x1, y1 = projection.raw_bounds(lon_range, lat_range, rotation)
    width, height = max(max(xs) - min(xs), 1e-9), max(max(ys) - min(ys), 1e-9)
    scale = min(MAX_ZOOM, ZOOM_FILL * min((x1 - x0) / width, (y1 - y0) / height))
    if scale < MIN_ZOOM:
        return geo
    lam, phi = projection.raw_invert((max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2)
    zoomed["center"] = {
        "lon": round(projection.wrap(math.degrees(lam) + rotation), 4),
        "lat": round(math.degrees(phi), 4),
    }
    zoomed["projection"]["scale"] = round(scale, 3)
    return zoomed


def inherited_rows(table: pd.DataFrame) -> pd.Series:
    """True where a country's stance is inherited from an organization it belongs to."""
    if "inherited_from" not in table:
        return pd.Series(False, index=table.index)
    return table["inherited_from"].astype(bool)


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


def placed_dots(markers: pd.DataFrame, table: pd.DataFrame, narrow: bool = False) -> pd.DataFrame:
    """The small states drawn (those in ``table``) with their colour key, stance and hover; on a
    phone's world map (``narrow``) their dots sit where they hide no neighbour there."""
    if narrow:
        markers = markers.assign(dot_lon=markers["narrow_lon"], dot_lat=markers["narrow_lat"])
    # markers.merge(table, on="iso3", how="inner"), in the markers' order, by plain lookups.
    found = {
        code: row
        for code, *row in zip(
            table["iso3"], table["key"], table["stance"], table["hover"], strict=True
        )
    }
    dots = markers[markers["iso3"].isin(found.keys())].reset_index(drop=True)
    keys, stances, hovers = (
        zip(*(found[c] for c in dots["iso3"]), strict=True) if len(dots) else ((), (), ())
    )
    return dots.assign(key=list(keys), stance=list(stances), hover=list(hovers))


def configure_dots(dots: pd.DataFrame, scale: Scale) -> list[dict]:
    """The small states' leader lines, then their dots: those that spoke (their hover text),
    then the silent ones (a template with their name and, when hidden, the note)."""
    quiet = dots["stance"] == NO_STATEMENT_KEY
    spoke = dot_trace(dots[~quiet], scale, SPOKEN_HOVER, ("hovertext", "hover"))
    silent = dot_trace(dots[quiet], scale, SILENT_DOT_HOVER, ("text", "name"))
    return [*leader_lines(dots), *spoke, *silent]


def dot_trace(
    dots: pd.DataFrame, scale: Scale, template: str, words: tuple[str, str]
) -> list[dict]:
    """One trace of dots (none when there are none); ``words`` is (the trace's text field, the
    column that fills it). A dot's customdata is [iso3, the hidden note or ""]."""
    if dots.empty:
        return []
    field, column = words
    notes = [f": {HIDDEN_NOTE}" if k == HIDDEN_KEY else "" for k in dots["key"]]
    trace = {
        "type": "scattergeo",
        "lon": dots["dot_lon"].to_numpy(),
        "lat": dots["dot_lat"].to_numpy(),
        "mode": "markers",
        "marker": {
            "size": MARKER_SIZE,
            "color": [HIDDEN_COLOR if k == HIDDEN_KEY else scale.color(k) for k in dots["key"]],
            "line": {"color": "#444", "width": 1},
        },
        "hovertemplate": template,
        "customdata": [list(pair) for pair in zip(dots["iso3"], notes, strict=True)],
        "name": "small states",
        "showlegend": False,
        field: dots[column].tolist(),
    }
    return [trace]


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


def configure_legend(
    table: pd.DataFrame,
    scale: Scale,
    shown_keys: Collection[str] | None = None,
    width: float = DESKTOP_WIDTH,
) -> list[dict]:
    """A square swatch for each legend entry (legend_entries); never hovered. A label too long
    for the map's ``width`` wraps (legend_lines)."""
    return [
        {
            "type": "scattergeo",
            "lon": [None],
            "lat": [None],
            "mode": "markers",
            "marker": {
                "size": 12,
                "symbol": "square",
                "color": color,
                "opacity": opacity,
                "line": {"color": "#999", "width": 1},
            },
            "name": "<br>".join(html.escape(line) for line in legend_lines(label, width)),
            "showlegend": True,
            "hoverinfo": "skip",
        }
        for label, color, opacity in legend_entries(table, scale, shown_keys)
    ]


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


def legend_entries(
    table: pd.DataFrame, scale: Scale, shown_keys: Collection[str] | None = None
) -> list[tuple[str, str, float]]:
    """(label, colour, opacity) for each legend entry, with how many drawn countries it covers.

    Every category is listed: with its count of countries holding it by their own statement,
    or as hidden when the filter hides it (never as 0). Countries shaded from an
    organization they belong to are counted apart, under their own lighter swatch. The
    silent are counted as UN members and observers, territories apart (with ``un_status``,
    from places.boundaries.country_table): 166 silent states is news, 212 silent shapes is not.
    """
    shown_keys = {c.key for c in scale.with_none} if shown_keys is None else set(shown_keys)
    # Counted over plain lists: a new view's legend, on every filter change.
    rows = list(
        zip(
            table["stance"].tolist(),
            inherited_rows(table).tolist(),
            table["shown"].astype(bool).tolist(),
            table["un_status"].tolist() if "un_status" in table else [""] * len(table),
            strict=True,
        )
    )
    own = Counter(stance for stance, inherited, _, _ in rows if not inherited)
    entries = []
    for category in scale.with_none:
        if category.key == NO_STATEMENT_KEY and "un_status" in table:
            silent = [
                un for stance, inherited, _, un in rows if not inherited and stance == category.key
            ]
            states = sum(1 for un in silent if un != "")
            others = len(silent) - states
            count = f"{states} UN members and observers" + (
                f", {others} places outside the UN" * bool(others)
            )
            label = f"{category.label} ({count})"
            if category.key not in shown_keys:
                label = f"{category.label} (hidden)"
        elif category.key == DISAGREE_KEY and not own.get(DISAGREE_KEY, 0):
            continue  # listed only where an actor's sources disagree
        elif category.key in shown_keys:
            label = f"{category.label} ({int(own.get(category.key, 0))})"
        else:
            label = f"{category.label} (hidden)"
        entries.append((label, category.color, 1.0))
    hidden = sum(1 for _, _, shown, _ in rows if not shown)
    if hidden:
        entries.append((f"{HIDDEN.label} ({hidden})", HIDDEN.color, 1.0))
    shaded = Counter(stance for stance, inherited, shown, _ in rows if inherited and shown)
    for category in scale.with_disagree:
        if shaded.get(category.key, 0):
            entries.append(
                (
                    f"{category.label}, inherited from an organization "
                    f"({int(shaded[category.key])})",
                    category.color,
                    INHERITED_OPACITY,
                )
            )
    return entries


def leader_lines(markers: pd.DataFrame) -> list[dict]:
    """A thin line from each small state to its dot, where the dot had to move off a small
    neighbour; drawn under the dots, and never hovered."""
    lon: list = []
    lat: list = []
    places = zip(
        markers["lon"], markers["lat"], markers["dot_lon"], markers["dot_lat"], strict=True
    )
    for x, y, dot_x, dot_y in places:
        if x != dot_x or y != dot_y:
            lon += [x, dot_x, None]
            lat += [y, dot_y, None]
    if not lon:
        return []
    return [
        {
            "type": "scattergeo",
            "lon": lon,
            "lat": lat,
            "mode": "lines",
            "line": {"color": "#555", "width": 0.8},
            "hoverinfo": "skip",
            "name": "leader lines",
            "showlegend": False,
        }
    ]


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


def search_choices(rows: pd.DataFrame, actors: pd.DataFrame, scale: Scale) -> dict[str, str]:
    """What a reader can find in the map's search, code -> label, by name: every country the
    map draws (``rows``, map_rows', the silent ones said to be so), then any other country
    with a statement (``actors``: iso3, name, stance; former members, off today's map)."""
    labels = {c.key: c.label for c in scale.with_none}
    found = {}
    for code, name, stance in zip(rows["iso3"], rows["name"], rows["stance"], strict=True):
        silent = stance == NO_STATEMENT_KEY
        found[code] = f"{name} · " + (
            "no statement recorded" if silent else labels.get(stance, stance)
        )
    for code, name, stance in zip(actors["iso3"], actors["name"], actors["stance"], strict=True):
        found.setdefault(code, f"{name} · {labels.get(stance, stance)}, not on the map")
    return dict(sorted(found.items(), key=lambda item: _sort_key(item[1])))


@functools.lru_cache(maxsize=4096)
def _sort_key(text: str) -> str:
    """Names in alphabetical order whatever their accents (Côte d'Ivoire among the Cs)."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).casefold()
