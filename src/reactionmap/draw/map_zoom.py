"""The map zoomed onto one country: what it must show, and the geo that shows it."""

from __future__ import annotations

import copy
import math

import pandas as pd

from reactionmap.draw import projection
from reactionmap.places import boundaries

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
