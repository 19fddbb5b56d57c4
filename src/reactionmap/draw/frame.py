"""The map's frame: a region's extent fitted to the map's box, and the box's height, measured in
draw.projection's Natural Earth (the dashboard's map, the published page and the still image share
the rule; the published page runs it again in JavaScript, publish.webpage's FRAME_JS, for its own
width)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reactionmap.draw import projection
from reactionmap.draw.style import WORLD_FRAME
from reactionmap.places.boundaries import Extent

# The world as every map frames it (Antarctica cut off), as an Extent centred on Greenwich.
WORLD = Extent(0.0, *(float(value) for value in WORLD_FRAME))

# The map's width in px in the dashboard's column: at 1300x900, and on a 390 px phone. The
# server does not know the column's width; another width letterboxes the frame a little.
DESKTOP_WIDTH, PHONE_WIDTH = 840, 358

# Below this width a map is a phone's: its box is shorter, and the world view's small-state dots
# sit farther out (boundaries' narrow_lon, narrow_lat). The dashboard's phone is 358 px wide,
# the published page's desktop column 1068.
NARROW_PX = 600

# The map's own box (no mode bar, no legend): the height that draws the frame at the full width,
# within these bounds. A tall region (the Americas, Africa) gets a taller map; a wide one keeps
# the world's proportions. The upper bounds leave the legend and the hint under the map in view
# (900 px on a desktop, 844 on a phone).
BOX_MIN = 120
BOX_MAX, PHONE_BOX_MAX = 680, 520


@dataclass(frozen=True)
class GeoFrame:
    """plotly's geo settings that draw an extent across a box: the projection's rotation and
    the longitude and latitude ranges (longitudes may pass 180)."""

    rotation: float
    lon_range: tuple[float, float]
    lat_range: tuple[float, float]


def box_size(half_lon: float, lat_min: float, lat_max: float) -> tuple[float, float]:
    """The projected width and height (on the unit sphere) of the range that plotly fits in the
    map's box: lon -half_lon..half_lon around the central meridian, lat_min..lat_max (plotly's
    range box, draw.projection.raw_bounds)."""
    x0, y0, x1, y1 = projection.raw_bounds((-half_lon, half_lon), (lat_min, lat_max), 0.0)
    return x1 - x0, y1 - y0


@lru_cache(maxsize=64)
def natural_aspect(extent: Extent | None) -> float:
    """Width over height of an extent (None: the world) drawn in Natural Earth's projection."""
    extent = extent or WORLD
    width, height = box_size((extent.lon_max - extent.lon_min) / 2, extent.lat_min, extent.lat_max)
    return width / height


def _bisect(too_small, low: float, high: float, steps: int = 40) -> float:
    """The least value in [low, high] that is not ``too_small`` (to 2**-steps of the range)."""
    for _ in range(steps):
        middle = (low + high) / 2
        low, high = (middle, high) if too_small(middle) else (low, middle)
    return high


# Cached: a frame is ~80 bisection steps of 490 projected points (about 70 ms), and the same
# few views and widths come back.
@lru_cache(maxsize=256)
def geo_frame(extent: Extent | None, aspect: float) -> GeoFrame:
    """The frame that draws ``extent`` (None: the world, as it is) filling a box of width/height
    ``aspect``: a region too tall for the box gets more longitude on both sides (up to the whole
    globe), one too wide more latitude (up to the poles), in the projection's units, so that
    plotly draws it edge to edge. Rotated to the extent's middle: Oceania's map is centred on
    the Pacific, its longitudes running past 180."""
    if extent is None:
        return GeoFrame(0.0, (WORLD.lon_min, WORLD.lon_max), (WORLD.lat_min, WORLD.lat_max))
    middle = (extent.lon_min + extent.lon_max) / 2
    half = (extent.lon_max - extent.lon_min) / 2
    lat_min, lat_max = extent.lat_min, extent.lat_max

    def too_narrow(half: float) -> bool:
        width, height = box_size(half, lat_min, lat_max)
        return width / height < aspect

    if too_narrow(half):  # too tall: widen
        half = _bisect(too_narrow, half, 180.0)
    else:  # too wide: add latitude

        def taller(more: float) -> tuple[float, float]:
            return max(lat_min - more, -89.0), min(lat_max + more, 89.0)

        def too_short(more: float) -> bool:
            w, h = box_size(half, *taller(more))
            return w / h > aspect

        lat_min, lat_max = taller(_bisect(too_short, 0.0, 180.0))
    return GeoFrame(
        round(middle, 3),
        (round(middle - half, 3), round(middle + half, 3)),
        (round(lat_min, 3), round(lat_max, 3)),
    )


def map_width(phone: bool) -> int:
    """The map's width in the dashboard's column."""
    return PHONE_WIDTH if phone else DESKTOP_WIDTH


def box_height(extent: Extent | None, width: float) -> int:
    """The map's own height for its width: the height that draws ``extent`` (None: the world)
    across the whole width, within BOX_MIN and BOX_MAX (PHONE_BOX_MAX under NARROW_PX)."""
    highest = PHONE_BOX_MAX if width < NARROW_PX else BOX_MAX
    return round(min(highest, max(BOX_MIN, width / natural_aspect(extent))))
