"""The map's play control: a frame per day up to the As-of day, each restyling only what changes."""

from __future__ import annotations

import base64
import copy
import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from reactionmap.contract.dates import made_by
from reactionmap.contract.event import Event
from reactionmap.places.resolver import CountryResolver
from reactionmap.view import compose

PLAY_ROOM = 64  # px above the map for the play and pause buttons and the slider of days
FRAME_MS = 800  # how long a play shows each day
DAY_NAME = "%Y-%m-%d"  # a frame's name: its day
DAY_LABEL = "%-d %b %Y"  # a day as the slider says it
# What a day may change in a trace: which countries a part holds, their colours and hover; a
# small state's dot (which trace it is in, its text; its colour is marker.color). A legend
# entry's count changes its name.
CHANGING = ("locations", "z", "hovertext", "text", "lon", "lat", "customdata")
SLIDER_LEFT = 176  # px: the slider starts right of the two buttons
PLAY_LABEL = "▶ Play"
PAUSE_LABEL = "❚❚ Pause"
# What a screen reader calls each button.
BUTTON_NAMES = {
    PLAY_LABEL: "Play: the map day by day, up to the page's As of",
    PAUSE_LABEL: "Pause the map's play",
}


def play_days(statements: pd.DataFrame, as_of: pd.Timestamp | None) -> list[pd.Timestamp]:
    """The days a play steps through: the event's first day to ``as_of``, the day the page
    shows (view.compose.as_of_range, the As-of slider's rule); none when no statement has a
    date or there is one day only."""
    if statements.empty or as_of is None:
        return []
    first, _, undated = compose.as_of_range(statements)
    days = list(pd.date_range(pd.Timestamp(first), pd.Timestamp(as_of).normalize()))
    return [] if undated or len(days) < 2 else days


def play_figure(
    event: Event,
    view: compose.Composition,
    build: Callable[[compose.Composition], go.Figure],
    resolver: CountryResolver | None = None,
    countries: pd.DataFrame | None = None,
) -> go.Figure:
    """``build``'s map of ``view``, with a play control that steps As of from the event's first
    day to the view's, the map following (with_play); the map alone when there is no day to
    step through. Each day's map is the view composed for that day (view.compose.compose)."""
    days = play_days(event.statements, view.state.as_of)
    figure = build(view)
    if not days:
        return figure
    return with_play(
        figure, days, every_day(earlier_maps(event, view, build, resolver, countries), figure)
    )


def earlier_maps(
    event: Event,
    view: compose.Composition,
    build: Callable[[compose.Composition], go.Figure],
    resolver: CountryResolver | None = None,
    countries: pd.DataFrame | None = None,
) -> list[go.Figure | None]:
    """The maps of the play's days before the view's own (play_days), first day first: None
    for a day whose statements made by then are the next day's (its map is the next one's:
    the Soleimani event's six days are two maps). A page caches these apart from the view's own
    map, which a click (the selected country) or a zoom draws again."""
    days = play_days(event.statements, view.state.as_of)
    made = [made_by(event.statements["when"], day).to_numpy() for day in days]
    maps: list[go.Figure | None] = []
    for day, cut, later in zip(days[:-1], made[:-1], made[1:], strict=True):
        same = np.array_equal(cut, later)
        state = replace(view.state, as_of=day)
        maps.append(None if same else build(compose.compose(event, state, resolver, countries)))
    return maps


def every_day(earlier: Sequence[go.Figure | None], figure: go.Figure) -> list[go.Figure]:
    """Each day's map: ``earlier`` (earlier_maps) with each None the next day's map, then the
    view's own ``figure``."""
    maps = [figure]
    for found in earlier[::-1]:
        maps.append(maps[-1] if found is None else found)
    return maps[::-1]


def plain(value: object) -> Any:
    """A figure's part as plain JSON values, numpy arrays as lists (not plotly's base64, which
    a page's script cannot index), to compare and to send."""
    if isinstance(value, dict) and set(value) >= {"dtype", "bdata"}:  # plotly's typed array
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        if "shape" in value:
            array = array.reshape([int(n) for n in str(value["shape"]).split(",")])
        return array.tolist()
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, (np.ndarray, np.generic)):
        return value.tolist()
    return value


def trace_key(trace: dict, seen: dict) -> tuple:
    """What a trace is across days: a legend entry by its swatch; any other by its type, name
    and hover template, numbered when several share them (``seen`` counts them)."""
    if trace.get("showlegend"):
        marker = trace.get("marker", {})
        base: tuple = ("legend", marker.get("color"), marker.get("opacity", 1))
    else:
        base = (trace.get("type"), trace.get("name"), trace.get("hovertemplate"))
    seen[base] = seen.get(base, 0) + 1
    return (*base, seen[base])


def keyed(data: list[dict]) -> dict[tuple, dict]:
    """A figure's traces by trace_key, in drawing order."""
    seen: dict = {}
    return {trace_key(trace, seen): trace for trace in data}


def union_order(orders: Sequence[Sequence[tuple]]) -> list[tuple]:
    """Every key of every day's traces, in drawing order: a key the first order lacks goes right
    after the key it follows on its own day."""
    merged = list(orders[0])
    for order in orders[1:]:
        at = 0
        for key in order:
            if key in merged:
                at = merged.index(key) + 1
            else:
                merged.insert(at, key)
                at += 1
    return merged


def absent(trace: dict) -> dict:
    """What a trace shows on a day it is not drawn: no countries, no dots, no legend entry."""
    if trace.get("showlegend"):
        return {"name": trace["name"], "visible": False}
    values: dict = {key: [] for key in CHANGING if isinstance(trace.get(key), list)}
    if isinstance(trace.get("marker", {}).get("color"), list):
        values["marker.color"] = []
    return values


def changes(trace: dict | None, model: dict) -> dict:
    """What a day's ``trace`` shows (None: not drawn that day; ``model`` is the trace as some
    day draws it): a legend entry's label; the countries or dots of any other trace, with their
    colours and text (CHANGING)."""
    if trace is None:
        return absent(model)
    if trace.get("showlegend"):
        return {"name": trace["name"], "visible": True}
    values: dict = {key: trace[key] for key in CHANGING if key in trace}
    if isinstance(trace.get("marker", {}).get("color"), list):
        values["marker.color"] = trace["marker"]["color"]
    return values


def with_play(figure: go.Figure, days: Sequence[pd.Timestamp], figures: Sequence[go.Figure]):
    """``figure`` (the last day's map) with a frame per day of ``days`` (``figures``: each day's
    map, the last one ``figure``'s), play and pause buttons and a slider of the days, above
    the map. A play ends on the last day, the page's As of."""
    days_data = [keyed(plain(f.to_dict()["data"])) for f in figures]
    data, frames = day_frames(days, days_data)
    layout: dict = plain(figure.to_dict()["layout"])
    layout.update(play_layout(layout, days))
    return go.Figure({"data": data, "layout": layout, "frames": frames}, _validate=False)


def day_frames(
    days: Sequence[pd.Timestamp], days_data: list[dict[tuple, dict]]
) -> tuple[list[dict], list[dict]]:
    """The figure's traces and its frames, from each day's traces by key (keyed). Every trace
    drawn on any day is in the figure, as the last day draws it (empty on a day it is not
    drawn); the frames carry only the traces that change from day to day, and only what
    changes in them (CHANGING, the dots' colours, a legend entry's label)."""
    order = union_order([list(d) for d in days_data])
    models = {key: next(d[key] for d in days_data if key in d) for key in order}
    last = days_data[-1]
    data = []
    for key in order:
        trace = copy.deepcopy(last.get(key) or models[key])
        for path, value in (absent(trace) if key not in last else {}).items():
            head, _, rest = path.partition(".")
            if rest:
                trace[head][rest] = value
            else:
                trace[head] = value
        data.append(trace)
    per_day = [{key: changes(d.get(key), models[key]) for key in order} for d in days_data]
    frames: list[dict] = [{"name": f"{day:{DAY_NAME}}", "data": [], "traces": []} for day in days]
    for index, key in enumerate(order):
        attributes = sorted({a for day in per_day for a in day[key]})
        varying = [a for a in attributes if len({_text(d[key].get(a)) for d in per_day}) > 1]
        if not varying:
            continue
        for frame, day in zip(frames, per_day, strict=True):
            frame["traces"].append(index)
            values = _nested({a: day[key].get(a, []) for a in varying})
            frame["data"].append({"type": data[index]["type"], **values})
    return data, frames


def _text(value: object) -> str:
    return json.dumps(value, sort_keys=True)


def _nested(values: dict) -> dict:
    """{"marker.color": c} -> {"marker": {"color": c}}: a frame merges into its trace."""
    out: dict = {}
    for path, value in values.items():
        head, _, rest = path.partition(".")
        if rest:
            out.setdefault(head, {})[rest] = value
        else:
            out[head] = value
    return out


def play_layout(layout: dict, days: Sequence[pd.Timestamp]) -> dict:
    """The layout's changes for the play control: PLAY_ROOM more px at the top (the legend,
    hung from the map's foot, keeps its place), the buttons and the slider there."""
    height = layout["height"] + PLAY_ROOM
    margin = {**layout["margin"], "t": layout["margin"]["t"] + PLAY_ROOM}
    legend = {**layout["legend"], "y": round(layout["legend"]["y"] * layout["height"] / height, 4)}
    return {
        "height": height,
        "margin": margin,
        "legend": legend,
        "updatemenus": configure_buttons(),
        "sliders": configure_slider(days),
    }


def animation(frames: list[str | None] | None, duration: int) -> list:
    """A button's or a step's Plotly.animate arguments: each day drawn again whole (a geo map
    has no transition), ``duration`` ms each."""
    return [
        frames,
        {
            "frame": {"duration": duration, "redraw": True},
            "transition": {"duration": 0},
            "mode": "immediate",
            "fromcurrent": False,
        },
    ]


def configure_buttons() -> list[dict]:
    """Play (every day from the first, ending on the page's As of) and pause, above the map's
    left edge."""
    return [
        {
            "type": "buttons",
            "direction": "left",
            "showactive": False,
            "x": 0,
            "y": 1,
            "xanchor": "left",
            "yanchor": "bottom",
            "pad": {"t": 0, "b": 18, "l": 4, "r": 0},
            "font": {"size": 13},
            "bgcolor": "#FFFFFF",
            "bordercolor": "#888888",
            "buttons": [
                {"label": PLAY_LABEL, "method": "animate", "args": animation(None, FRAME_MS)},
                {"label": PAUSE_LABEL, "method": "animate", "args": animation([None], 0)},
            ],
        }
    ]


def configure_slider(days: Sequence[pd.Timestamp]) -> list[dict]:
    """A slider of the days, on the last (the page's As of); its current day said above it
    ("As of 3 Jan 2026"), the ticks unlabelled (a phone has no room for every date)."""
    return [
        {
            "active": len(days) - 1,
            "x": 0,
            "y": 1,
            "len": 1,
            "xanchor": "left",
            "yanchor": "bottom",
            "pad": {"t": 0, "b": 4, "l": SLIDER_LEFT, "r": 16},
            "currentvalue": {
                "prefix": "As of ",
                "visible": True,
                "font": {"size": 13, "color": "#111111"},
            },
            "font": {"size": 10, "color": "rgba(0,0,0,0)"},
            "ticklen": 4,
            "minorticklen": 0,
            "steps": [
                {
                    "label": f"{day:{DAY_LABEL}}",
                    "method": "animate",
                    "args": animation([f"{day:{DAY_NAME}}"], 0),
                }
                for day in days
            ],
        }
    ]


# plotly draws its buttons as SVG groups that neither Tab nor Enter reach. This script, run
# once on a page (the dashboard's and the published one's), makes each a button: in the Tab
# order, named, pressed by Enter or Space as by a click; it marks buttons plotly draws later
# too. The ring shows which has the focus.
PLAY_KEYS_JS = """
(function () {
  if (window.rmPlayKeys) return;
  window.rmPlayKeys = true;
  var names = NAMES;
  function mark() {
    document.querySelectorAll(".js-plotly-plot .updatemenu-button").forEach(function (b) {
      if (b.getAttribute("tabindex") === "0") return;
      var text = b.textContent.trim();
      b.setAttribute("tabindex", "0");
      b.setAttribute("role", "button");
      b.setAttribute("aria-label", names[text] || text);
    });
  }
  document.addEventListener("keydown", function (event) {
    var button = event.target.closest && event.target.closest(".updatemenu-button");
    if (!button || (event.key !== "Enter" && event.key !== " ")) return;
    event.preventDefault();
    button.dispatchEvent(new MouseEvent("click", {bubbles: true}));
  }, true);
  new MutationObserver(mark).observe(document.body, {childList: true, subtree: true});
  mark();
})();
""".replace("NAMES", json.dumps(BUTTON_NAMES))


PLAY_CSS = """
.js-plotly-plot .updatemenu-button:focus { outline: none; }
.js-plotly-plot .updatemenu-button:focus-visible rect {
  stroke: #111 !important; stroke-width: 2px !important; }
"""
