"""The look every figure shares (font, hover label, the sea, the world's frame) and figures built
from plain dicts."""

from __future__ import annotations

import html
import textwrap

import plotly.graph_objects as go

HOVER_WIDTH = 56  # characters per hover line


HOVER_LIMIT = 320  # characters of statement text before the ellipsis


FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
# A character of FONT at plotly's 12 px is at most ~6.6 px wide: the room the server reckons
# for a label (the map's legend, the timeline's names), where plotly measures only in the browser.
CHAR_PX = 6.6


# No template: plotly's default one is ~7 KB of styling sent with every figure; the figures
# here set what they use.
EMPTY_TEMPLATE: dict = {}


# The map's sea, and the world as every map frames it: (lon_min, lon_max, lat_min, lat_max),
# Antarctica cut off. The dashboard's map, the published page and the still images share them.
OCEAN_COLOR = "#EAF2F8"


WORLD_FRAME = (-180, 180, -58, 85)


# A stance a country inherits from an organization it belongs to is drawn at this opacity.
INHERITED_OPACITY = 0.45


HOVER_LABEL = {
    "bgcolor": "white",
    "bordercolor": "#444",
    "font": {"color": "#111", "size": 13},
    "align": "left",
}


def wrap_escaped(text: str, width: int = HOVER_WIDTH, limit: int = HOVER_LIMIT) -> str:
    """Text cut at ``limit`` with an ellipsis, wrapped, each line escaped, joined with <br>."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return "<br>".join(html.escape(line) for line in textwrap.wrap(text, width) or [""])


def figure_spec(traces: list[dict], layout: dict) -> dict:
    """A figure as plain dicts, the house style's layout under ``layout``: what the dashboard
    sends as it is (a go.Figure of it costs more to build and to copy than the figure itself)."""
    base = {"hoverlabel": HOVER_LABEL, "font": {"family": FONT}, "paper_bgcolor": "rgba(0,0,0,0)"}
    return {"data": traces, "layout": {"template": {}, **base, **layout}}


def unchecked_figure(traces: list[dict], layout: dict) -> go.Figure:
    """A Figure from plain dicts without plotly's property validation, which costs ~10x the
    building itself on every rerun. The dicts here are fixed code, checked by the tests
    (tests/test_figures.py validates each figure once)."""
    return go.Figure(figure_spec(traces, layout), _validate=False)
