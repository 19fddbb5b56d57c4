"""Small states on the map: their dots, the leader lines to them, their hover."""

from __future__ import annotations

import pandas as pd

from reactionmap.contract.scale import NO_STATEMENT_KEY, Scale
from reactionmap.draw.map_hover import HIDDEN_NOTE, SILENT_DOT_HOVER, SPOKEN_HOVER
from reactionmap.draw.map_legend import HIDDEN_COLOR, HIDDEN_KEY
from reactionmap.view.lookup import isin

# A small state's dot, and how far from it a pointer still counts as on it. Plotly measures a
# marker's hover distance as (distance to its centre) - max(3, size / 2), so with a 6 px dot
# (and a 1 px outline) and a hover distance of 1 px, a pointer is on the dot only within 4 px
# of its centre: the dot as drawn. Elsewhere the shape under the pointer answers for itself.
# (Plotly's default of 20 px let a dot take the hover and the click from every shape around
# it; 0 turns hover off altogether on geo maps.)
MARKER_SIZE = 6


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
    dots = markers[isin(markers["iso3"], found.keys())].reset_index(drop=True)
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
