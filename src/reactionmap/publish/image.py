"""The map as a still image (PNG at 2x for social posts, SVG for print), drawn with geopandas and matplotlib."""

from __future__ import annotations

import io
import math
import textwrap
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from shapely import affinity
from shapely.geometry import Polygon

from reactionmap.draw import map_legend
from reactionmap.draw.frame import GeoFrame, geo_frame, natural_aspect
from reactionmap.draw.style import INHERITED_OPACITY, OCEAN_COLOR
from reactionmap.places import boundaries
from reactionmap.publish.snapshot import Snapshot

# Name -> (width, height) in inches at 100 px per inch; PNG is written at 2x that. The one list
# of sizes: the command line's --size choices are its names.
SIZES = {"1200x675": (12.0, 6.75), "1080x1080": (10.8, 10.8), "A4": (11.69, 8.27)}
FORMATS = ("png", "svg")
PNG_DPI = 200
# Natural Earth, as the dashboard's map, rotated to the frame's middle as plotly rotates it.
PROJECTION = "+proj=natearth +lon_0={lon_0:g} +datum=WGS84 +units=m +no_defs"
PX_PER_INCH = 100  # the sizes' px (PNG doubles them)
# A small state's dot: its area in points² (matplotlib's scatter size) at unit 1, and its
# outline; the leader line from the state to a dot that sits off it.
DOT_AREA = 14
DOT_EDGE = 0.6
LEADER = "#555555"
# A region's map fills the picture's room by taking in more longitude (or latitude), as the
# dashboard's does, but a tall region in a wide picture (the Americas in 1200x675) at most to
# this many times its own width: past it, the region would be a strip of a world map.
WIDEN_MAX = 1.7
OTHER_LAND = "#FFFFFF"  # land outside a region's view, as on the dashboard
BORDER = "#BBBBBB"
TEXT = "#111111"
GREY_TEXT = "#444444"
MIME = {"png": "image/png", "svg": "image/svg+xml"}


def _frame_polygon(frame: GeoFrame) -> Polygon:
    """The frame as a lon/lat polygon with points along its edges, so it bends when projected."""
    (lon0, lon1), (lat0, lat1) = frame.lon_range, frame.lat_range
    lons, lats = np.linspace(lon0, lon1, 181), np.linspace(lat0, lat1, 91)
    ring = (
        [(x, lat0) for x in lons]
        + [(lon1, y) for y in lats]
        + [(x, lat1) for x in lons[::-1]]
        + [(lon0, y) for y in lats[::-1]]
    )
    return Polygon(ring)


def _blend(color: str, over: str, opacity: float) -> str:
    """#RRGGBB drawn at ``opacity`` over another #RRGGBB, as one opaque colour."""
    a = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(over[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(
        f"{round(x * opacity + y * (1 - opacity)):02X}" for x, y in zip(a, b, strict=True)
    )


def _colors(table: pd.DataFrame, snap: Snapshot) -> pd.Series:
    """Each row's fill as the dashboard draws it: its stance's colour, blank when filtered out,
    lighter when inherited from an organization."""
    scale = snap.event.scale
    inherited = map_legend.inherited_rows(table)
    colors = []
    for stance, shown, lighter in zip(
        table["stance"], table["shown"].astype(bool), inherited, strict=True
    ):
        color = scale.color(stance) if shown else map_legend.HIDDEN_COLOR
        colors.append(_blend(color, OCEAN_COLOR, INHERITED_OPACITY) if shown and lighter else color)
    return pd.Series(colors, index=table.index)


def source_line(snap: Snapshot, width: int, max_lines: int = 2) -> str:
    """'Sources: A; B; ... Shapes: Natural Earth. Made with reactionmap', cut to max_lines."""
    publishers = snap.publishers()
    tail = "Shapes: Natural Earth. Made with reactionmap."
    for shown in range(len(publishers), -1, -1):
        names = "; ".join(publishers[:shown])
        more = len(publishers) - shown
        text = f"Sources: {names}" if names else "Sources:"
        if more:
            text += f"{';' if names else ''} and {more} more"
        text = f"{text}. {tail}" if publishers else tail
        lines = textwrap.wrap(text, width)
        if len(lines) <= max_lines:
            return "\n".join(lines)
    return "\n".join(textwrap.wrap(tail, width))


@dataclass(frozen=True)
class Layout:
    """The picture's parts, top to bottom, in inches: title, subtitle, map, legend, source."""

    width: float
    height: float
    unit: float  # type and dots grow with the shorter side
    margin: float
    text_width: float
    title_lines: list[str]
    source: str
    entries: list[tuple[str, str, float]]
    legend_cols: int
    head: float
    room: float  # the map's room: text_width wide, this tall
    title_size: float
    sub_size: float
    legend_size: float
    source_size: float


def layout(snap: Snapshot, size: str) -> Layout:
    """Where the picture's title, legend and source go, and the room left for the map."""
    if size not in SIZES:
        raise ValueError(f"image size {size!r} is not one of {', '.join(SIZES)}")
    width, height = SIZES[size]
    unit = min(width, height) / 6.75
    margin, text_width = 0.3 * unit, width - 0.6 * unit
    title_size, sub_size, legend_size, source_size = 17 * unit, 11 * unit, 9.5 * unit, 7.5 * unit

    def per_line(points: float, bold: bool = False) -> int:  # characters that fit on a line
        return int(text_width * 72 / (points * (0.62 if bold else 0.55)))

    title_lines = textwrap.wrap(snap.event.title, per_line(title_size, True))[:2]
    source = source_line(snap, per_line(source_size))
    # The dashboard's legend: each category with its count (or "hidden"), then the blank
    # shapes and the countries shaded from an organization, counted apart.
    entries = map_legend.legend_entries(snap.table, snap.event.scale, snap.stances)
    legend_cols = 2 if width / height < 1.3 else 3
    legend_rows = -(-len(entries) // legend_cols)
    head = margin + len(title_lines) * title_size * 1.25 / 72 + 0.1 * unit + sub_size * 1.3 / 72
    foot = margin + (source.count("\n") + 1) * source_size * 1.35 / 72 + 0.15 * unit
    legend_height = legend_rows * legend_size * 1.75 / 72
    room = height - head - foot - legend_height - 0.35 * unit
    return Layout(width, height, unit, margin, text_width, title_lines, source, entries,
                  legend_cols, head, room, title_size, sub_size, legend_size, source_size)  # fmt: skip


@dataclass(frozen=True)
class MapGeometry:
    """The picture's map: its frame and projection, its size in inches, its scale, and its
    small states' dots (their size, and which of markers.csv's placements they take)."""

    frame: GeoFrame
    projection: str
    map_width: float  # inches
    map_height: float
    metres_per_px: float  # of the projection, per px of the size (PX_PER_INCH)
    dot_radius: float  # px: a dot's radius, its outline included
    placement: str  # markers.csv's column prefix: "dot" or "narrow"


def map_geometry(snap: Snapshot, size: str) -> MapGeometry:
    """The map for ``size``: the view's frame (a region's fills the room, as on the dashboard;
    the world keeps its shape), and the dot placement made for a map at least this coarse, so
    that no dot hides a small neighbour or another dot here either."""
    import geopandas as gpd

    parts = layout(snap, size)
    aspect = parts.text_width / parts.room
    if snap.frame is not None:
        aspect = min(aspect, natural_aspect(snap.frame) * WIDEN_MAX)
    frame = geo_frame(snap.frame, aspect)
    projection = PROJECTION.format(lon_0=frame.rotation)
    ocean = gpd.GeoSeries([_frame_polygon(frame)], crs="EPSG:4326").to_crs(projection)
    minx, miny, maxx, maxy = ocean.total_bounds
    aspect = (maxx - minx) / (maxy - miny)
    map_width = min(parts.text_width, parts.room * aspect)
    metres = (maxx - minx) / (map_width * PX_PER_INCH)
    radius = (math.sqrt(DOT_AREA * parts.unit) + DOT_EDGE) / 2 / 72 * PX_PER_INCH
    clear, apart = (radius + 1.5) * metres, (2 * radius + 1) * metres
    placement = next(
        (
            prefix
            for prefix, scale in boundaries.DOT_PLACEMENTS.items()
            if clear <= boundaries.DOT_CLEAR_PX * scale and apart <= boundaries.DOT_APART_PX * scale
        ),
        "narrow",
    )
    return MapGeometry(frame, projection, map_width, map_width / aspect, metres, radius, placement)


def drawn_dots(snap: Snapshot, geometry: MapGeometry) -> pd.DataFrame:
    """The small states the picture draws (those of the view whose own place is in the frame):
    iso3, stance, shown, inherited_from, their place (lon, lat) and their dot's (dot_lon,
    dot_lat, from the geometry's placement)."""
    columns = [c for c in ("iso3", "stance", "shown", "inherited_from") if c in snap.table]
    markers = boundaries.load_markers().merge(snap.table[columns], on="iso3", how="inner")
    prefix = geometry.placement
    markers = markers.assign(dot_lon=markers[f"{prefix}_lon"], dot_lat=markers[f"{prefix}_lat"])
    (lon0, lon1), (lat0, lat1) = geometry.frame.lon_range, geometry.frame.lat_range
    centre = geometry.frame.rotation
    inside = [
        lon0 <= boundaries.unwrap(lon, centre) <= lon1 and lat0 <= lat <= lat1
        for lon, lat in zip(markers["lon"], markers["lat"], strict=True)
    ]
    return markers[inside].reset_index(drop=True)


def clip_to_frame(geometries, frame: GeoFrame):
    """Shapes cut to the frame, in longitudes unwrapped around its middle: a frame that runs
    past 180 (Oceania's) takes the part beyond it from the other side of the world."""
    (lon0, lon1), (lat0, lat1) = frame.lon_range, frame.lat_range
    area = shapely.box(lon0, lat0, lon1, lat1)
    out = []
    for geometry in geometries:
        pieces = [
            affinity.translate(geometry, turn).intersection(area) for turn in (-360.0, 0.0, 360.0)
        ]
        pieces = [p for p in pieces if not p.is_empty]
        out.append(shapely.union_all(pieces) if pieces else shapely.Polygon())
    return out


def map_image(snap: Snapshot, fmt: str = "png", size: str = "1200x675") -> bytes:
    """The snapshot's map with title, subtitle, a legend with counts and the source line."""
    if fmt not in FORMATS:
        raise ValueError(f"image format {fmt!r} is not one of {', '.join(FORMATS)}")
    import geopandas as gpd
    from matplotlib import rc_context
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    parts = layout(snap, size)
    geometry = map_geometry(snap, size)
    frame, projection = geometry.frame, geometry.projection
    countries = boundaries.load_countries()
    table = snap.table[snap.table["has_shape"].astype(bool)]
    columns = [c for c in ("iso3", "stance", "shown", "inherited_from") if c in table]
    shapes = countries.merge(table[columns], on="iso3", how="inner")
    others = countries[~countries["iso3"].isin(table["iso3"])]
    others = others.set_geometry(clip_to_frame(others.geometry, frame)).to_crs(projection)
    shapes["geometry"] = clip_to_frame(shapes.geometry, frame)
    shapes = shapes[~shapes.geometry.is_empty]
    shapes["color"] = _colors(shapes, snap)
    shapes = shapes.to_crs(projection)
    ocean = gpd.GeoSeries([_frame_polygon(frame)], crs="EPSG:4326").to_crs(projection)
    dots = drawn_dots(snap, geometry)
    places = gpd.GeoSeries(gpd.points_from_xy(dots["lon"], dots["lat"]), crs=4326).to_crs(
        projection
    )
    points = gpd.GeoSeries(gpd.points_from_xy(dots["dot_lon"], dots["dot_lat"]), crs=4326).to_crs(
        projection
    )
    minx, miny, maxx, maxy = ocean.total_bounds
    width, height, unit, margin = parts.width, parts.height, parts.unit, parts.margin
    map_height = geometry.map_height
    map_top = parts.head + 0.2 * unit + (parts.room - map_height) / 2  # centred in the room

    def y(inches_from_top: float) -> float:
        return 1 - inches_from_top / height

    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "reactionmap", "font.size": 10}):
        fig = Figure(figsize=(width, height), facecolor="white")
        x0 = margin / width
        left = x0 + (parts.text_width - geometry.map_width) / 2 / width
        ax = fig.add_axes(
            (left, y(map_top + map_height), geometry.map_width / width, map_height / height)
        )
        ax.set_axis_off()
        ocean.plot(ax=ax, color=OCEAN_COLOR, linewidth=0)
        if len(others):
            others.plot(ax=ax, color=OTHER_LAND, linewidth=0)
        shapes.plot(ax=ax, color=shapes["color"], edgecolor=BORDER, linewidth=0.3 * unit)
        if len(dots):
            moved = [
                [(a.x, a.y), (b.x, b.y)]
                for a, b in zip(places, points, strict=True)
                if a.distance(b) > 0
            ]
            ax.add_collection(LineCollection(moved, colors=LEADER, linewidths=0.5, zorder=2))
            ax.scatter(
                points.x,
                points.y,
                s=DOT_AREA * unit,
                c=_colors(dots, snap).tolist(),
                edgecolors="#555555",
                linewidths=DOT_EDGE,
                zorder=3,
            )
        ax.set_xlim(minx, maxx)
        ax.set_ylim(miny, maxy)
        ax.set_aspect("equal")
        fig.text(x0, y(margin), "\n".join(parts.title_lines), ha="left", va="top",
                 fontsize=parts.title_size, fontweight="bold", color=TEXT, parse_math=False,
                 linespacing=1.15)  # fmt: skip
        fig.text(x0, y(parts.head), snap.subtitle(), ha="left", va="bottom",
                 fontsize=parts.sub_size, color=GREY_TEXT, parse_math=False)  # fmt: skip
        handles = [
            Patch(facecolor=_blend(color, OCEAN_COLOR, opacity), edgecolor="#999999", label=label)
            for label, color, opacity in parts.entries
        ]
        legend = fig.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(x0 - 0.01, y(map_top + map_height + 0.1 * unit)),
            ncol=parts.legend_cols,
            frameon=False,
            fontsize=parts.legend_size,
            handlelength=1.2,
            columnspacing=1.4,
            borderaxespad=0,
        )
        for text in legend.get_texts():
            text.set_parse_math(False)
        fig.text(x0, margin * 0.7 / height, parts.source, ha="left", va="bottom",
                 fontsize=parts.source_size, color=GREY_TEXT, parse_math=False,
                 linespacing=1.3)  # fmt: skip

        out = io.BytesIO()
        if fmt == "png":
            fig.savefig(out, format="png", dpi=PNG_DPI, metadata={"Software": "reactionmap"})
        else:
            fig.savefig(out, format="svg", metadata={"Date": None, "Creator": "reactionmap"})
    return out.getvalue()
