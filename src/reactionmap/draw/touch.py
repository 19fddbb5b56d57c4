"""Touch cells: on a phone's map, a tap on the sea within a finger's reach of a small state
selects that state.

At phone scale El Salvador, Lebanon, Qatar or the Gambia are 1-3 px wide, against a finger of
about 44 px: a tap that misses them by a pixel lands on the sea. Each small state (a dot, or a
shape whose largest part is under SMALL_PX) gets a cell: the part of the sea nearer to it than
to any other small state (a Voronoi cell, in the map's pixels), no farther than RADIUS_PX. The
cells are one transparent choropleth drawn after the sea and before the countries: plotly
answers a pointer with the last trace whose shape holds it, so any country's land still answers
for itself, and the cells, which never overlap, answer only on the sea.

A cell's reach is in pixels, so the cells depend on the scale the phone's map is drawn at: they
are built per view (the world, each region) for the phone's map (phone_area), written to static/boundaries/ and
fetched once by the browser, like the shapes (``python scripts/build_touch_cells.py``; a test
checks that the shipped files are what this module builds, and a browser test that the phone's
map is drawn at the scale they were built for).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from reactionmap.contract.paths import STATIC_DIR
from reactionmap.draw.choropleth import PHONE_MODEBAR_MARGIN, configure_geo
from reactionmap.draw.frame import PHONE_WIDTH, box_height
from reactionmap.draw.projection import GeoView, geo_view
from reactionmap.places import boundaries
from reactionmap.view.compose import region_frame

RADIUS_PX = 22.0  # half a finger: Apple's 44 pt, Material's 48 dp
SMALL_PX = 10.0  # a shape whose largest part is smaller than this, both ways, is a small state
SEGMENT_PX = 4.0  # a cell's edges are cut this short before they are turned into lon/lat
DIGITS = 2  # decimals of a degree kept in the file (0.01 degree: a fiftieth of a pixel or less)
REGIONS = ("Africa", "Americas", "Asia", "Europe", "Oceania")
VIEWS = ("", *REGIONS)  # "" is the world


def view_name(region: str) -> str:
    return region.lower() or "world"


def cells_path(region: str) -> Path:
    return STATIC_DIR / "boundaries" / f"touch-{view_name(region)}.geojson"


def cells_url(region: str) -> str:
    """The URL the browser fetches a view's cells from (Streamlit serves static/)."""
    return f"app/static/boundaries/touch-{view_name(region)}.geojson"


@lru_cache(maxsize=len(VIEWS))
def cell_codes(region: str) -> tuple[str, ...]:
    """The codes that have a cell in a view's shipped file (read once)."""
    collection = json.loads(cells_path(region).read_text(encoding="utf-8"))
    return tuple(f["properties"]["iso3"] for f in collection["features"])


def phone_cells(region: str) -> tuple[str, tuple[str, ...]] | None:
    """What a phone's map of ``region`` ("" the world) needs for its touch cells: the URL of
    their file and the codes it has cells for; None for a view without cells (Antarctica)."""
    return (cells_url(region), cell_codes(region)) if region in VIEWS else None


def phone_area(region: str) -> tuple[float, float, float, float]:
    """The phone's map of a view as the dashboard draws it (left, top, width, height px): the
    column's width under the mode bar, as tall as draw.frame makes it (the legend below).
    tests/test_browser_hover.py checks it against the drawn map."""
    height = box_height(region_frame(region), PHONE_WIDTH)
    return (0.0, float(PHONE_MODEBAR_MARGIN), float(PHONE_WIDTH), float(height))


def phone_view(region: str) -> GeoView:
    """The phone's map of a view, as plotly fits it."""
    area = phone_area(region)
    return geo_view(configure_geo(region_frame(region), area[2], area[3]), area)


def sites(region: str, view: GeoView) -> dict[str, tuple[float, float, str]]:
    """The view's small states: code -> (lon, lat, name) of its dot (where the phone's map draws
    it), or of a point inside the largest part of a shape under SMALL_PX."""
    from shapely.geometry import MultiPolygon

    countries = boundaries.country_table()
    drawn = countries[countries["region"] == region] if region else countries
    codes = set(drawn["iso3"])
    markers = boundaries.load_markers()
    found: dict[str, tuple[float, float, str]] = {}
    lon, lat = ("dot_lon", "dot_lat") if region else ("narrow_lon", "narrow_lat")
    for dot in markers[markers["iso3"].isin(codes)].itertuples():  # where a phone draws them
        found[dot.iso3] = (float(getattr(dot, lon)), float(getattr(dot, lat)), str(dot.name))
    shapes = boundaries.load_countries()
    shapes = shapes[shapes["iso3"].isin(codes - set(found))]
    for row in shapes.itertuples():
        geometry = row.geometry
        parts = list(geometry.geoms) if isinstance(geometry, MultiPolygon) else [geometry]
        main = max(parts, key=lambda p: p.area)
        xs, ys = zip(*(view.project(x, y) for x, y in main.exterior.coords), strict=True)
        if max(max(xs) - min(xs), max(ys) - min(ys)) < SMALL_PX:
            point = main.representative_point()
            found[row.iso3] = (point.x, point.y, str(row.name))
    return dict(sorted(found.items()))


def _globe(view: GeoView):
    """The whole globe's outline in the map's pixels (where a pointer has a lon/lat)."""
    from shapely.geometry import Polygon

    east = [view.project(view.rotation + 179.999, lat / 2) for lat in range(-180, 181)]
    west = [view.project(view.rotation - 179.999, lat / 2) for lat in range(180, -181, -1)]
    return Polygon(east + west)


def _to_lonlat(view: GeoView, polygon):
    """A polygon in the map's pixels as lon/lat, split at the antimeridian, wound clockwise
    (plotly geo's convention), rounded to DIGITS."""
    import shapely
    from shapely.geometry import MultiPolygon, Polygon, box
    from shapely.geometry.polygon import orient

    dense = shapely.segmentize(polygon, SEGMENT_PX)

    def invert(ring) -> list[tuple[float, float]]:
        return [view.invert(x, y) for x, y in ring.coords]

    lonlat = Polygon(invert(dense.exterior), [invert(r) for r in dense.interiors])
    pieces = []
    for shift in (-360.0, 0.0, 360.0):  # the part past +-180 comes back on the other side
        part = lonlat.intersection(box(-180 - shift, -90, 180 - shift, 90))
        if not part.is_empty:
            pieces.append(shapely.affinity.translate(part, xoff=shift))
    merged = shapely.union_all(pieces)
    polygons = [p for p in getattr(merged, "geoms", [merged]) if isinstance(p, Polygon)]
    rounded = [
        orient(shapely.set_precision(p, 10**-DIGITS, mode="pointwise"), sign=-1.0)
        for p in polygons
        if p.area > 0
    ]
    return rounded[0] if len(rounded) == 1 else MultiPolygon(rounded)


def build_cells(region: str) -> dict:
    """A view's touch cells as a GeoJSON FeatureCollection: properties iso3 and name."""
    import shapely
    from shapely.geometry import MultiPoint, Point, box, mapping

    view = phone_view(region)
    found = sites(region, view)
    codes = list(found)
    points = [Point(view.project(lon, lat)) for lon, lat, _ in found.values()]
    frame = box(*view.box).intersection(_globe(view))
    cells = shapely.voronoi_polygons(MultiPoint(points), extend_to=box(-1e4, -1e4, 1e4, 1e4))
    owner = {
        i: next(j for j, p in enumerate(points) if c.covers(p)) for i, c in enumerate(cells.geoms)
    }
    features = []
    for i, cell in enumerate(cells.geoms):
        j = owner[i]
        reach = cell.intersection(points[j].buffer(RADIUS_PX, quad_segs=4)).intersection(frame)
        if reach.is_empty or reach.area < 1:
            continue
        reach = max(getattr(reach, "geoms", [reach]), key=lambda g: g.area)
        features.append(
            {
                "type": "Feature",
                "properties": {"iso3": codes[j], "name": found[codes[j]][2]},
                "geometry": mapping(_to_lonlat(view, reach)),
            }
        )
    features.sort(key=lambda f: f["properties"]["iso3"])
    return {"type": "FeatureCollection", "features": features}


def cells_text(collection: dict) -> str:
    """The file's text: compact JSON, one feature a line (readable diffs)."""
    lines = [
        json.dumps(f, separators=(",", ":"), ensure_ascii=False) for f in collection["features"]
    ]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
