"""The map as a still image (PNG at 2x for social posts, SVG for print), drawn with geopandas and matplotlib."""

from __future__ import annotations

import io
import textwrap

import numpy as np
import pandas as pd
from shapely.geometry import Polygon, box

from reactionmap.draw import choropleth
from reactionmap.draw.style import INHERITED_OPACITY, OCEAN_COLOR, WORLD_FRAME
from reactionmap.places import boundaries
from reactionmap.publish.snapshot import Snapshot

# Name -> (width, height) in inches at 100 px per inch; PNG is written at 2x that. The one list
# of sizes: the command line's --size choices are its names.
SIZES = {"1200x675": (12.0, 6.75), "1080x1080": (10.8, 10.8), "A4": (11.69, 8.27)}
FORMATS = ("png", "svg")
PNG_DPI = 200
# Natural Earth, as the dashboard's map, centred on the frame as plotly centres it.
PROJECTION = "+proj=natearth +lon_0={lon_0:g} +datum=WGS84 +units=m +no_defs"
BORDER = "#BBBBBB"
TEXT = "#111111"
GREY_TEXT = "#444444"
MIME = {"png": "image/png", "svg": "image/svg+xml"}


def _frame_polygon(frame: tuple[float, float, float, float]) -> Polygon:
    """The frame as a lon/lat polygon with points along its edges, so it bends when projected."""
    lon0, lon1, lat0, lat1 = frame
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
    inherited = choropleth.inherited_rows(table)
    colors = []
    for stance, shown, lighter in zip(
        table["stance"], table["shown"].astype(bool), inherited, strict=True
    ):
        color = scale.color(stance) if shown else choropleth.HIDDEN_COLOR
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


def map_image(snap: Snapshot, fmt: str = "png", size: str = "1200x675") -> bytes:
    """The snapshot's map with title, subtitle, a legend with counts and the source line."""
    if fmt not in FORMATS:
        raise ValueError(f"image format {fmt!r} is not one of {', '.join(FORMATS)}")
    if size not in SIZES:
        raise ValueError(f"image size {size!r} is not one of {', '.join(SIZES)}")
    import geopandas as gpd
    from matplotlib import rc_context
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    width, height = SIZES[size]
    frame = snap.frame or WORLD_FRAME
    area = box(frame[0], frame[2], frame[1], frame[3])
    shapes = boundaries.load_countries()
    table = snap.table[snap.table["has_shape"].astype(bool)]
    columns = [c for c in ("iso3", "stance", "shown", "inherited_from") if c in table]
    shapes = shapes.merge(table[columns], on="iso3", how="inner")
    shapes["geometry"] = shapes.geometry.clip_by_rect(*area.bounds)
    shapes = shapes[~shapes.geometry.is_empty]
    shapes["color"] = _colors(shapes, snap)
    projection = PROJECTION.format(lon_0=(frame[0] + frame[1]) / 2)
    shapes = shapes.to_crs(projection)
    ocean = gpd.GeoSeries([_frame_polygon(frame)], crs="EPSG:4326").to_crs(projection)
    markers = boundaries.load_markers().merge(snap.table[columns], on="iso3", how="inner")
    markers = markers[
        markers["lon"].between(frame[0], frame[1]) & markers["lat"].between(frame[2], frame[3])
    ]
    points = gpd.GeoSeries(
        gpd.points_from_xy(markers["lon"], markers["lat"]), crs="EPSG:4326"
    ).to_crs(projection)

    minx, miny, maxx, maxy = ocean.total_bounds
    # Layout, top to bottom, in inches: title, subtitle, map, legend, source line.
    unit = min(width, height) / 6.75  # type grows with the shorter side
    margin, text_width = 0.3 * unit, width - 0.6 * unit
    title_size, sub_size, legend_size, source_size = 17 * unit, 11 * unit, 9.5 * unit, 7.5 * unit

    def per_line(points: float, bold: bool = False) -> int:  # characters that fit on a line
        return int(text_width * 72 / (points * (0.62 if bold else 0.55)))

    title_lines = textwrap.wrap(snap.event.title, per_line(title_size, True))[:2]
    source = source_line(snap, per_line(source_size))
    # The dashboard's legend: each category with its count (or "hidden"), then the blank
    # shapes and the countries shaded from an organization, counted apart.
    entries = choropleth.legend_entries(snap.table, snap.event.scale, snap.stances)
    labels = len(entries)
    legend_cols = 2 if width / height < 1.3 else 3
    legend_rows = -(-labels // legend_cols)
    head = margin + len(title_lines) * title_size * 1.25 / 72 + 0.1 * unit + sub_size * 1.3 / 72
    foot = margin + (source.count("\n") + 1) * source_size * 1.35 / 72 + 0.15 * unit
    legend_height = legend_rows * legend_size * 1.75 / 72
    room = height - head - foot - legend_height - 0.35 * unit
    map_height = min(room, text_width * (maxy - miny) / (maxx - minx))
    map_top = head + 0.2 * unit + (room - map_height) / 2  # centred in the room left

    def y(inches_from_top: float) -> float:
        return 1 - inches_from_top / height

    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "reactionmap", "font.size": 10}):
        fig = Figure(figsize=(width, height), facecolor="white")
        x0 = margin / width
        ax = fig.add_axes((x0, y(map_top + map_height), text_width / width, map_height / height))
        ax.set_axis_off()
        ocean.plot(ax=ax, color=OCEAN_COLOR, linewidth=0)
        shapes.plot(ax=ax, color=shapes["color"], edgecolor=BORDER, linewidth=0.3 * unit)
        if len(markers):
            ax.scatter(
                points.x,
                points.y,
                s=14 * unit,
                c=_colors(markers, snap).tolist(),
                edgecolors="#555555",
                linewidths=0.6,
                zorder=3,
            )
        ax.set_xlim(minx, maxx)
        ax.set_ylim(miny, maxy)
        ax.set_aspect("equal")
        fig.text(x0, y(margin), "\n".join(title_lines), ha="left", va="top", fontsize=title_size,
                 fontweight="bold", color=TEXT, parse_math=False, linespacing=1.15)  # fmt: skip
        fig.text(x0, y(head), snap.subtitle(), ha="left", va="bottom", fontsize=sub_size,
                 color=GREY_TEXT, parse_math=False)  # fmt: skip
        handles = [
            Patch(facecolor=_blend(color, OCEAN_COLOR, opacity), edgecolor="#999999", label=label)
            for label, color, opacity in entries
        ]
        legend = fig.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(x0 - 0.01, y(map_top + map_height + 0.1 * unit)),
            ncol=legend_cols,
            frameon=False,
            fontsize=legend_size,
            handlelength=1.2,
            columnspacing=1.4,
            borderaxespad=0,
        )
        for text in legend.get_texts():
            text.set_parse_math(False)
        fig.text(x0, margin * 0.7 / height, source, ha="left", va="bottom", fontsize=source_size,
                 color=GREY_TEXT, parse_math=False, linespacing=1.3)  # fmt: skip

        out = io.BytesIO()
        if fmt == "png":
            fig.savefig(out, format="png", dpi=PNG_DPI, metadata={"Software": "reactionmap"})
        else:
            fig.savefig(out, format="svg", metadata={"Date": None, "Creator": "reactionmap"})
    return out.getvalue()
