"""A small world map of an event (its countries in their stance colours, no text) as a PNG, for the events list."""

from __future__ import annotations

import io
from functools import lru_cache

import pandas as pd

from reactionmap.contract.event import Event
from reactionmap.contract.scale import NO_STATEMENT_KEY
from reactionmap.draw.frame import geo_frame
from reactionmap.draw.style import OCEAN_COLOR
from reactionmap.places import boundaries
from reactionmap.places.resolver import CountryResolver
from reactionmap.publish.image import BORDER, PROJECTION, _frame_polygon
from reactionmap.view.compose import countries_only, event_stance_table

WIDTH_PX = 320  # shown at 160 px wide: sharp on a 2x screen
DPI = 100


@lru_cache(maxsize=1)
def _world():
    """(the world's shapes, its ocean) in the map's projection, projected once per process."""
    import geopandas as gpd

    frame = geo_frame(None, 2.0)
    projection = PROJECTION.format(lon_0=frame.rotation)
    ocean = gpd.GeoSeries([_frame_polygon(frame)], crs="EPSG:4326").to_crs(projection)
    return boundaries.load_countries().to_crs(projection), ocean


def fills(event: Event, resolver: CountryResolver | None = None) -> pd.Series:
    """iso3 -> the colour each country has on the event's map on its last day, as the
    dashboard draws it (no statement: the scale's no-statement colour)."""
    table = countries_only(event_stance_table(event, resolver=resolver), resolver)
    shapes = _world()[0]
    stances = shapes["iso3"].map(dict(zip(table["actor_iso3"], table["stance"], strict=True)))
    colours = [event.scale.color(s) if isinstance(s, str) else event.scale.color(NO_STATEMENT_KEY)
               for s in stances]  # fmt: skip
    return pd.Series(colours, index=shapes["iso3"].to_numpy())


def thumbnail_png(event: Event, resolver: CountryResolver | None = None) -> bytes:
    """The event's world map, WIDTH_PX wide, as PNG bytes."""
    from matplotlib.figure import Figure

    shapes, ocean = _world()
    minx, miny, maxx, maxy = ocean.total_bounds
    width = WIDTH_PX / DPI
    fig = Figure(figsize=(width, width * (maxy - miny) / (maxx - minx)), facecolor="white")
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ocean.plot(ax=ax, color=OCEAN_COLOR, linewidth=0)
    shapes.plot(ax=ax, color=fills(event, resolver).to_numpy(), edgecolor=BORDER, linewidth=0.2)
    ax.set_xlim(minx, maxx)
    ax.set_ylim(miny, maxy)
    ax.set_aspect("equal")
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI, metadata={"Software": "reactionmap"})
    return out.getvalue()
