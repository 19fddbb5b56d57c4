"""The choropleth map: every country's stance, hover text, small states as dots, the clickable sea, the legend."""

from __future__ import annotations

import html
from collections.abc import Collection, Mapping

import pandas as pd
import plotly.graph_objects as go

from reactionmap.contract.scale import NO_STATEMENT_KEY, NO_STATEMENT_LABEL, Category, Scale
from reactionmap.draw.style import unchecked_figure, wrap_escaped
from reactionmap.view.compose import map_rows

SILENT_HOVER = "<b>%{properties.name}</b><br>" + NO_STATEMENT_LABEL + "<extra></extra>"


SILENT_HIDDEN_HOVER = (
    "<b>%{properties.name}</b><br>" + NO_STATEMENT_LABEL + ": hidden by your filters<extra></extra>"
)


# A small state's dot, and how far from it a pointer still counts as on it. Plotly measures a
# marker's hover distance as (distance to its centre) - max(3, size / 2), so with a 6 px dot
# (and a 1 px outline) and a hover distance of 1 px, a pointer is on the dot only within 4 px
# of its centre: the dot as drawn. Elsewhere the shape under the pointer answers for itself.
# (Plotly's default of 20 px let a dot take the hover and the click from every shape around
# it; 0 turns hover off altogether on geo maps.)
MARKER_SIZE = 6


MODEBAR_MARGIN = 28  # px above the map for plotly's mode bar


HOVER_DISTANCE = 1


SEA_CODE = "SEA"


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


HIDDEN_KEY = "hidden"


HIDDEN_COLOR = "#FFFFFF"  # on a blue sea, with grey borders


def hover_text(row: Mapping, scale: Scale) -> str:
    """The hover label for one country: name, stance, who, when and what was said."""
    name = html.escape(row["name"])
    if not row.get("shown", True):
        return f"<b>{name}</b><br>{html.escape(scale.label(row['stance']))}: hidden by your filters"
    if row["stance"] == NO_STATEMENT_KEY:
        return f"<b>{name}</b><br>{html.escape(scale.label(NO_STATEMENT_KEY))}"
    lines = [f"<b>{name}</b>", f"<b>{html.escape(scale.label(row['stance']))}</b>"]
    if row.get("inherited_from"):
        lines.append(
            wrap_escaped(f"Inherited from {row['inherited_from']}; no statement of its own")
        )
    elif row["statement_count"] > 1:
        lines[-1] += f" · {int(row['statement_count'])} statements, latest:"
    who = ", ".join(p for p in (row["speaker"], row["speaker_role"]) if p)
    lines.append(wrap_escaped(" · ".join(p for p in (who, row["latest_date"]) if p)))
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


def with_hover(rows: pd.DataFrame, scale: Scale) -> pd.DataFrame:
    """The map's rows (view.compose.map_rows, or a Composition's) with each country's ``hover``."""
    return rows.assign(hover=[hover_text(row, scale) for row in rows.to_dict("records")])


def map_figure(
    table: pd.DataFrame,
    scale: Scale,
    markers: pd.DataFrame,
    geojson: str | dict,
    selected: str | None = None,
    height: int = 520,
    frame: tuple[float, float, float, float] | None = None,
    shown_keys: Collection[str] | None = None,
    narrow: bool = False,
    sea: str | dict = SEA_GEOJSON,
) -> go.Figure:
    """The choropleth: one trace for every shape, stepped colours, markers for small states.

    ``shown_keys`` are the stance keys the reader's filter keeps (None: all); the legend
    names the others as hidden. ``narrow``: a phone's world map, whose small-state dots sit
    farther out so that none hides a neighbour there either. ``sea``: the clickable sea's
    GeoJSON, or the URL of a file holding it.

    ``table`` comes from map_table and carries a ``hover`` column; ``geojson`` is a URL the
    browser fetches once, or a GeoJSON dict; ``frame`` is (lon_min, lon_max, lat_min, lat_max).
    """
    categories = scale.with_none
    hidden = Category(HIDDEN_KEY, "Hidden by your filters", HIDDEN_COLOR)
    codes = {c.key: i for i, c in enumerate((*categories, hidden))}
    table = table.assign(key=table["stance"].where(table["shown"], HIDDEN_KEY))
    n = len(codes)
    colorscale: list[list] = []
    for i, category in enumerate((*categories, hidden)):
        colorscale += [[i / n, category.color], [(i + 1) / n, category.color]]
    shapes = table[table["has_shape"].astype(bool)]
    inherited = shapes["inherited_from"].astype(bool) if "inherited_from" in shapes else False
    silent = shapes["stance"] == NO_STATEMENT_KEY
    shown = shapes["shown"].astype(bool)
    # First, under everything: the sea as one transparent, clickable shape, so that a click
    # on the sea reaches the page (plotly's geo maps report none) and clears the selection.
    traces: list[dict] = [sea_trace(sea)]
    # Silent countries carry no text of their own: their hover reads the name from the
    # GeoJSON the browser already has, so each rerun sends only their codes.
    parts = (
        (shapes[silent & shown], 1.0, "no statement", SILENT_HOVER),
        (shapes[silent & ~shown], 1.0, "no statement, hidden", SILENT_HIDDEN_HOVER),
        (shapes[~silent & ~inherited], 1.0, "countries", None),
        (shapes[~silent & inherited], INHERITED_OPACITY, "inherited", None),
    )
    for part, opacity, name, template in parts:
        if part.empty:
            continue
        trace = {
            "type": "choropleth",
            "geojson": geojson,
            "featureidkey": "properties.iso3",
            "locations": part["iso3"].tolist(),
            "z": part["key"].map(codes).astype("int8").to_numpy(),
            "coloraxis": "coloraxis",  # one stepped scale in the layout, not one per trace
            "marker": {"line": {"color": "#BBBBBB", "width": 0.4}, "opacity": opacity},
            "hovertemplate": template or "%{hovertext}<extra></extra>",
            "name": name,
            "showlegend": False,
        }
        if not template:
            trace["hovertext"] = part["hover"].tolist()
        traces.append(trace)
    if narrow:
        markers = markers.assign(dot_lon=markers["narrow_lon"], dot_lat=markers["narrow_lat"])
    small = markers.merge(table[["iso3", "key", "stance", "hover"]], on="iso3", how="inner")
    traces += leader_lines(small)
    quiet = small["stance"] == NO_STATEMENT_KEY
    for part, template in (
        (small[~quiet], "%{hovertext}<extra></extra>"),
        (
            small[quiet],
            "<b>%{text}</b><br>" + NO_STATEMENT_LABEL + "%{customdata[1]}<extra></extra>",
        ),
    ):
        if part.empty:
            continue
        hidden_note = [": hidden by your filters" if k == HIDDEN_KEY else "" for k in part["key"]]
        trace = {
            "type": "scattergeo",
            "lon": part["dot_lon"].to_numpy(),
            "lat": part["dot_lat"].to_numpy(),
            "mode": "markers",
            "marker": {
                "size": MARKER_SIZE,
                "color": [HIDDEN_COLOR if k == HIDDEN_KEY else scale.color(k) for k in part["key"]],
                "line": {"color": "#444", "width": 1},
            },
            "hovertemplate": template,
            "customdata": [list(pair) for pair in zip(part["iso3"], hidden_note, strict=True)],
            "name": "small states",
            "showlegend": False,
        }
        if template.startswith("%{hovertext}"):
            trace["hovertext"] = part["hover"].tolist()
        else:
            trace["text"] = part["name"].tolist()
        traces.append(trace)
    if selected and selected in set(shapes["iso3"]):
        traces.append(
            {
                "type": "choropleth",
                "geojson": geojson,
                "featureidkey": "properties.iso3",
                "locations": [selected],
                "z": [0],
                "colorscale": [[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
                "showscale": False,
                "marker": {"line": {"color": "#111", "width": 2.2}},
                "hoverinfo": "skip",
                "name": "selected",
                "showlegend": False,
            }
        )
    swatches = legend_entries(table, scale, shown_keys)
    for label, color, opacity in swatches:
        traces.append(
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
                "name": html.escape(label),
                "showlegend": True,
                "hoverinfo": "skip",
            }
        )
    layout = {
        "coloraxis": {
            "colorscale": colorscale,
            "cmin": -0.5,
            "cmax": n - 0.5,
            "showscale": False,
        },
        "geo": {
            "projection": {"type": "natural earth"},
            "showframe": False,
            "showcoastlines": False,
            "showcountries": False,
            "showland": False,
            "showocean": True,
            "oceancolor": "#EAF2F8",
            "showlakes": False,
            "lonaxis": {"range": [frame[0], frame[1]] if frame else [-180, 180]},
            "lataxis": {"range": [frame[2], frame[3]] if frame else [-58, 85]},
            "bgcolor": "rgba(0,0,0,0)",
        },
        "height": height,
        # The top margin holds plotly's mode bar, which would otherwise sit on the map and hide
        # the countries under it from the pointer.
        "margin": {"l": 0, "r": 0, "t": MODEBAR_MARGIN, "b": 0},
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.01, "x": 0, "font": {"size": 12}},
        "clickmode": "event+select",
        "dragmode": False,
        "hoverdistance": HOVER_DISTANCE,
    }
    return unchecked_figure(traces, layout)


INHERITED_OPACITY = 0.45


def legend_entries(
    table: pd.DataFrame, scale: Scale, shown_keys: Collection[str] | None = None
) -> list[tuple[str, str, float]]:
    """(label, colour, opacity) for each legend entry, with how many drawn countries it covers.

    Every category is listed: with its count of countries holding it by their own statement,
    or as hidden when the filter hides it (never as 0). Countries shaded from an
    organization they belong to are counted apart, under their own lighter swatch.
    """
    shown_keys = {c.key for c in scale.with_none} if shown_keys is None else set(shown_keys)
    inherited = (
        table["inherited_from"].astype(bool)
        if "inherited_from" in table
        else pd.Series(False, index=table.index)
    )
    own = table.loc[~inherited, "stance"].value_counts()
    entries = []
    for category in scale.with_none:
        if category.key in shown_keys:
            label = f"{category.label} ({int(own.get(category.key, 0))})"
        else:
            label = f"{category.label} (hidden)"
        entries.append((label, category.color, 1.0))
    hidden = int((~table["shown"].astype(bool)).sum())
    if hidden:
        entries.append((f"Hidden by your filters ({hidden})", HIDDEN_COLOR, 1.0))
    shaded = table.loc[inherited & table["shown"].astype(bool), "stance"].value_counts()
    for category in scale.categories:
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
    moved = markers[(markers["lon"] != markers["dot_lon"]) | (markers["lat"] != markers["dot_lat"])]
    if moved.empty:
        return []
    lon: list = []
    lat: list = []
    for row in moved.itertuples():
        lon += [row.lon, row.dot_lon, None]
        lat += [row.lat, row.dot_lat, None]
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


def sea_trace(geojson: str | dict = SEA_GEOJSON) -> dict:
    """The sea as one transparent, clickable shape under the countries: ``geojson`` is
    SEA_GEOJSON or the URL of a file holding it (the dashboard serves one, fetched once)."""
    return {
        "type": "choropleth",
        "geojson": geojson,
        "featureidkey": "properties.iso3",
        "locations": [SEA_CODE],
        "z": [0],
        "colorscale": [[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
        "showscale": False,
        "marker": {"line": {"width": 0}},
        "hoverinfo": "none",  # no label, but a click is reported
        "name": "sea",
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
