"""GeoJSON polygons as compact TopoJSON (quantized, delta-encoded), each ring's winding kept."""

from __future__ import annotations

import json
from collections.abc import Sequence

from shapely.geometry import Polygon


def _winding_ccw(ring: Sequence[Sequence[float]]) -> bool | None:
    """True when a ring runs anticlockwise, None when it encloses no area."""
    if len({tuple(p) for p in ring}) < 3:
        return None
    polygon = Polygon(ring)
    return None if polygon.area == 0 else polygon.exterior.is_ccw


def _quantized_ring(ring: list[list[float]], to_grid) -> list[list[int]] | None:
    """The ring on the grid, consecutive repeats dropped, wound as the original; None if it
    shrinks to nothing."""
    want = _winding_ccw(ring)
    points: list[list[int]] = []
    for x, y in ring:
        q = to_grid(x, y)
        if not points or q != points[-1]:
            points.append(q)
    if points[0] != points[-1]:
        points.append(points[0])
    got = _winding_ccw(points)
    if got is None or want is None:
        return None
    return points if got == want else points[::-1]


def to_topojson(collection: dict, quantize: int, properties: tuple[str, ...]) -> str:
    """A FeatureCollection of (Multi)Polygons as TopoJSON with one object, "countries".

    Each ring is its own arc, in its own order and direction: plotly draws a ring wound the
    other way as the rest of the globe. (topojson 2.x, the Python library, reverses some
    rings, Lesotho's among them.) A ring smaller than one grid step is dropped; a feature
    left with none is drawn as one grid cell at its first point, so every code still has a
    shape. Coordinates are longitude/latitude.
    """
    kx, ky = 360 / (quantize - 1), 180 / (quantize - 1)

    def to_grid(x: float, y: float) -> list[int]:
        return [round((x + 180) / kx), round((y + 90) / ky)]

    arcs: list[list[list[int]]] = []
    geometries = []

    def add(points: list[list[int]]) -> int:
        deltas = [points[0]] + [
            [b[0] - a[0], b[1] - a[1]] for a, b in zip(points, points[1:], strict=False)
        ]
        arcs.append(deltas)
        return len(arcs) - 1

    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        kept = []
        for polygon in polygons:
            exterior = _quantized_ring(polygon[0], to_grid)
            if exterior is None:
                continue
            rings = [exterior] + [
                r for r in (_quantized_ring(h, to_grid) for h in polygon[1:]) if r
            ]
            kept.append([[add(r)] for r in rings])
        if not kept:  # smaller than a grid cell: one cell, clockwise as plotly wants
            x, y = to_grid(*polygons[0][0][0])
            cell = [[x, y], [x, y + 1], [x + 1, y + 1], [x + 1, y], [x, y]]
            kept.append([[add(cell)]])
        props = {k: feature["properties"][k] for k in properties}
        if len(kept) == 1:
            geometries.append({"type": "Polygon", "arcs": kept[0], "properties": props})
        else:
            geometries.append({"type": "MultiPolygon", "arcs": kept, "properties": props})
    topology = {
        "type": "Topology",
        "transform": {"scale": [kx, ky], "translate": [-180, -90]},
        "objects": {"countries": {"type": "GeometryCollection", "geometries": geometries}},
        "arcs": arcs,
    }
    return json.dumps(topology, separators=(",", ":"))
