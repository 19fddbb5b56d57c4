"""What the page needs to redraw its map at once when a reader switches a stance, a day or a region."""

from __future__ import annotations

import html
import json
from collections.abc import Collection, Mapping

import pandas as pd

from reactionmap.contract.scale import Scale
from reactionmap.draw.choropleth import configure_geo
from reactionmap.draw.frame import box_height
from reactionmap.draw.map_legend import HIDDEN_COLOR
from reactionmap.places.boundaries import Extent

# The hidden elements the page's script reads (pages/quick_colours.js): the view's, each
# day's stances, and each region's frame.
ELEMENT_ID = "rm-quick-colours"
DAYS_ID = "rm-quick-days"
REGIONS_ID = "rm-quick-regions"
# The days of As of the page is given each drawn country's stance for (about 1.5 KB a day for
# the world): a longer event's map waits for the server when As of moves.
QUICK_DAYS = 62


def by_stance(map_rows: pd.DataFrame) -> dict[str, str]:
    """Each stance's drawn countries, their codes in one string: a fifth of the bytes of a
    code-to-stance table."""
    codes: dict[str, list[str]] = {}
    for code, stance in zip(map_rows["iso3"], map_rows["stance"], strict=True):
        codes.setdefault(stance, []).append(code)
    return {stance: " ".join(group) for stance, group in codes.items()}


def quick_colours(
    map_rows: pd.DataFrame,
    scale: Scale,
    shown: Collection[str] = (),
    day: str | None = None,
    region: str = "",
    zoomed: bool = False,
) -> dict:
    """Each drawn country's stance as its colour shows it (inherited ones too), each stance's
    colour, the stance each pill's label names, the colour of a hidden stance, the view's day
    (``day``, YYYY-MM-DD; None for an event without As of) and what the view asked for (its
    ``shown`` stances and its day, as the page writes them): with these the page recolours the
    map it has drawn, the moment a pill or the day changes, by the map's own rule (a country's
    stance colour while its stance is shown, else the hidden colour), before the server's new
    map arrives. ``map_rows`` may be the world's on a region's map (a country's stance does not
    depend on the region): the page then has the stances of every region it may be asked for.
    ``region`` is the drawn map's region as the Region list names it; ``zoomed``, a map zoomed
    to a country, whose frame a region change does not move (the page leaves it to the
    server)."""
    categories = scale.with_none
    return {
        "asked": " ".join(sorted(shown)) + "|" + (day or ""),
        "stances": by_stance(map_rows),
        "colours": {c.key: c.color for c in categories},
        # Each pill's label as the page shows it (its spaces run together); a label two stances
        # share is left out, and the page then leaves the map to the server.
        "labels": {
            label: key
            for label, key in ((" ".join(c.label.split()), c.key) for c in categories)
            if sum(" ".join(o.label.split()) == label for o in categories) == 1
        },
        "hidden": HIDDEN_COLOR,
        "day": day,
        "region": region,
        "zoomed": zoomed,
    }


def quick_colours_html(view: dict) -> str:
    """A view's quick_colours as a hidden element's data attribute (no script: the page's
    reads it)."""
    return _element(ELEMENT_ID, "view", view)


def days_html(days: Mapping[str, pd.DataFrame]) -> str:
    """Each day's drawn countries by stance (``days``: YYYY-MM-DD -> that day's map rows), for
    the page to recolour its map as As of moves, before the server's map of that day arrives."""
    return _element(DAYS_ID, "days", {day: by_stance(rows) for day, rows in days.items()})


def region_frames(
    regions: Mapping[str, tuple[Extent | None, Collection[str]]],
    width: int,
    narrow: Collection[str],
) -> dict:
    """Each region's map as the server draws it (``regions``: the Region list's label -> the
    region's Extent, None for the world, and the codes of every country its map draws) for a
    map ``width`` px wide: plotly's rotation and ranges (choropleth.configure_geo), the map's
    own box height (frame.box_height) and the codes, for the page to reframe its map the
    moment the reader picks a region. ``narrow``: the labels of maps whose small states' dots
    sit elsewhere (a phone's world map), which the page leaves to the server."""
    frames = {}
    for label, (extent, codes) in regions.items():
        geo = configure_geo(extent, width)
        frames[label] = {
            "rotation": geo["projection"]["rotation"]["lon"],
            "lon": geo["lonaxis"]["range"],
            "lat": geo["lataxis"]["range"],
            "box": box_height(extent, width),
            "codes": " ".join(codes),
            "narrow": label in narrow,
        }
    return frames


def regions_html(frames: dict) -> str:
    """region_frames as a hidden element's data attribute."""
    return _element(REGIONS_ID, "regions", frames)


def _element(element_id: str, name: str, data: object) -> str:
    """A hidden element carrying ``data`` as JSON in its data-``name`` attribute (single-quoted,
    its double quotes kept as they are)."""
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    value = html.escape(text, quote=False).replace("'", "&#x27;")
    return f"<div id=\"{element_id}\" hidden data-{name}='{value}'></div>"
