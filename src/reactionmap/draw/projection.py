"""Where plotly draws a point of the map: its "natural earth" projection, fitted as plotly.js fits
it, so that the server can size what the browser will draw (a region's frame, touch cells, a zoom
to a country).

plotly.js (geo.js, updateProjection) rotates the globe by ``projection.rotation.lon``, fits the
box of ``lonaxis.range`` x ``lataxis.range`` (its edges great-circle arcs, as d3-geo draws them)
into the plot area, multiplies that fitted scale by ``projection.scale`` and puts
``center`` (lon, lat) at the middle of the fitted box, which is also the map's clip box.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

# plotly.js constants: the range box is pulled in by clipPad degrees on each side.
CLIP_PAD = 0.001
# Each edge of the range box is sampled in this many steps, both ends included (d3 resamples its
# great-circle arcs). publish.webpage's FRAME_JS samples it the same way (RULES' arcSamples).
ARC_SAMPLES = 48


def raw(lam: float, phi: float) -> tuple[float, float]:
    """d3-geo's naturalEarth1Raw: radians in, unscaled plane coordinates out (y up)."""
    p2 = phi * phi
    p4 = p2 * p2
    x = lam * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)))
    y = phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)))
    return x, y


def raw_invert(x: float, y: float) -> tuple[float, float]:
    """The inverse of raw() (Newton's method on the latitude, as d3-geo does)."""
    phi = y
    for _ in range(25):
        p2 = phi * phi
        p4 = p2 * p2
        f = phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)))
        df = 1.007226 + p2 * (
            3 * 0.015085 + p4 * (7 * -0.044475 + 9 * 0.028874 * p2 - 11 * 0.005916 * p4)
        )
        step = (f - y) / df
        phi -= step
        if abs(step) < 1e-12:
            break
    p2 = phi * phi
    p4 = p2 * p2
    lam = x / (0.8707 + p2 * (-0.131979 + p2 * (-0.013791 + p4 * p2 * (0.003971 - 0.001529 * p2))))
    return lam, phi


def wrap(lon: float) -> float:
    """A longitude in degrees, brought into [-180, 180)."""
    return (lon + 180.0) % 360.0 - 180.0


def rotated_raw(lon: float, lat: float, rotation: float) -> tuple[float, float]:
    """raw() of a point given in degrees, the globe turned so that ``rotation`` is the middle."""
    return raw(math.radians(wrap(lon - rotation)), math.radians(lat))


def _arc(a: tuple[float, float], b: tuple[float, float], n: int) -> list[tuple[float, float]]:
    """n + 1 points (lon, lat in degrees) along the great circle from a to b."""

    def vec(lon: float, lat: float) -> tuple[float, float, float]:
        la, ph = math.radians(lon), math.radians(lat)
        return (math.cos(ph) * math.cos(la), math.cos(ph) * math.sin(la), math.sin(ph))

    u, v = vec(*a), vec(*b)
    omega = math.acos(max(-1.0, min(1.0, sum(p * q for p, q in zip(u, v, strict=True)))))
    if omega < 1e-12:
        return [a, b]
    points = []
    for i in range(n + 1):
        t = i / n
        s0, s1 = math.sin((1 - t) * omega), math.sin(t * omega)
        x, y, z = ((s0 * p + s1 * q) / math.sin(omega) for p, q in zip(u, v, strict=True))
        # Keep the longitude continuous with the arc's start (the box may pass 180).
        lon = math.degrees(math.atan2(y, x))
        lon += 360.0 * round((a[0] + (b[0] - a[0]) * t - lon) / 360.0)
        points.append((lon, math.degrees(math.asin(max(-1.0, min(1.0, z))))))
    return points


def range_box(lon_range: tuple[float, float], lat_range: tuple[float, float]) -> list:
    """plotly.js's makeRangeBox: the polygon whose projection the map is fitted to, through the
    range's corners and three points along each parallel. Its edges are great circles, so its top
    and bottom bulge poleward (the world's, 58S to 85N, reaches 66S and 86N between its corners)."""
    lon0, lon1 = lon_range[0] + CLIP_PAD, lon_range[1] - CLIP_PAD
    lat0, lat1 = lat_range[0] + CLIP_PAD, lat_range[1] - CLIP_PAD
    if lon0 > 0 and lon1 < 0:  # to cross the antimeridian without ambiguity
        lon1 += 360
    d = (lon1 - lon0) / 4
    return [
        (lon0, lat0), (lon0, lat1), (lon0 + d, lat1), (lon0 + 2 * d, lat1), (lon0 + 3 * d, lat1),
        (lon1, lat1), (lon1, lat0), (lon1 - d, lat0), (lon1 - 2 * d, lat0), (lon1 - 3 * d, lat0),
        (lon0, lat0),
    ]  # fmt: skip


def raw_bounds(
    lon_range: tuple[float, float], lat_range: tuple[float, float], rotation: float
) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) of the range box in raw() units, y up, the globe turned by ``rotation``."""
    box = range_box(lon_range, lat_range)
    xs, ys = [], []
    for a, b in zip(box, box[1:], strict=False):
        for lon, lat in _arc(a, b, ARC_SAMPLES):
            x, y = rotated_raw(lon, lat, rotation)
            xs.append(x)
            ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True)
class GeoView:
    """A map as plotly draws it: lon/lat -> px in the figure (x right, y down) and back."""

    rotation: float  # degrees: the meridian at the middle of the projection
    scale: float  # px per raw() unit (plotly's fitted scale times projection.scale)
    fit_scale: float  # px per raw() unit at projection.scale 1
    center: tuple[float, float]  # (lon, lat) drawn at ``middle``
    middle: tuple[float, float]  # px: the middle of the clip box
    box: tuple[float, float, float, float]  # px: the clip box (x0, y0, x1, y1)

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = rotated_raw(lon, lat, self.rotation)
        cx, cy = rotated_raw(*self.center, self.rotation)
        return self.middle[0] + self.scale * (x - cx), self.middle[1] - self.scale * (y - cy)

    def invert(self, px: float, py: float) -> tuple[float, float]:
        """(lon, lat) in degrees, lon unwrapped around the rotation (it may pass +-180)."""
        cx, cy = rotated_raw(*self.center, self.rotation)
        lam, phi = raw_invert(
            (px - self.middle[0]) / self.scale + cx, (self.middle[1] - py) / self.scale + cy
        )
        return math.degrees(lam) + self.rotation, math.degrees(phi)

    @property
    def raw_size(self) -> tuple[float, float]:
        """The clip box's width and height in raw() units at this scale."""
        x0, y0, x1, y1 = self.box
        return (x1 - x0) / self.scale, (y1 - y0) / self.scale


def geo_view(geo: Mapping, area: tuple[float, float, float, float]) -> GeoView:
    """The projection plotly fits for ``geo`` (a figure's layout.geo: lonaxis/lataxis ranges,
    projection rotation and scale, center) in the plot ``area`` (left, top, width, height px:
    the figure less its margins and legend)."""
    lon_range = tuple(geo.get("lonaxis", {}).get("range") or (-180.0, 180.0))
    lat_range = tuple(geo.get("lataxis", {}).get("range") or (-90.0, 90.0))
    projection = geo.get("projection", {})
    rotation = (projection.get("rotation") or {}).get("lon")
    if rotation is None:
        rotation = (lon_range[0] + lon_range[1]) / 2
    center = dict(geo.get("center") or {})
    center_lon = center.get("lon", rotation)
    center_lat = center.get("lat", (lat_range[0] + lat_range[1]) / 2)
    x0, y0, x1, y1 = raw_bounds(lon_range, lat_range, rotation)
    left, top, width, height = area
    fit = min(width / (x1 - x0), height / (y1 - y0))
    mid = (left + width / 2, top + height / 2)
    half_w, half_h = fit * (x1 - x0) / 2, fit * (y1 - y0) / 2
    return GeoView(
        rotation=rotation,
        scale=fit * float(projection.get("scale") or 1.0),
        fit_scale=fit,
        center=(center_lon, center_lat),
        middle=mid,
        box=(mid[0] - half_w, mid[1] - half_h, mid[0] + half_w, mid[1] + half_h),
    )
