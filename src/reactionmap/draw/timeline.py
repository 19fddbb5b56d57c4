"""The timeline: each actor's statements over time, coloured by stance, with the event's milestones."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from reactionmap.contract.dates import month_end, parse_day
from reactionmap.contract.scale import Scale
from reactionmap.draw.style import EMPTY_TEMPLATE, FONT, HOVER_LABEL, unchecked_figure, wrap_escaped
from reactionmap.view.stance import statement_text

MILESTONE_CHARS = 60


TIMELINE_HOVER_LIMIT = 120  # the cards have the full text; the hover names it


TIMELINE_POINTS = 1500  # above this, or TIMELINE_ACTORS rows, the timeline counts per day


TIMELINE_ACTORS = 60


def _daily_counts_figure(
    dated: pd.DataFrame, milestones: list[dict], scale: Scale, as_of: pd.Timestamp | None
) -> go.Figure:
    """Statements per day, stacked by stance: the timeline of an event too large to list.

    Only statements dated to the day are counted; one dated to a month has no day to count on.
    """
    days = dated[dated["date_precision"] == "day"]
    counts = days.groupby([days["when"].dt.normalize(), "stance"]).size().unstack(fill_value=0)
    fig = go.Figure()
    for category in scale.categories:
        if category.key in counts:
            fig.add_trace(
                go.Bar(
                    x=counts.index,
                    y=counts[category.key],
                    name=html.escape(category.label),
                    marker={"color": category.color, "line": {"width": 0}},
                    hovertemplate=f"%{{x|%-d %b %Y}}: %{{y}} {html.escape(category.label)}"
                    "<extra></extra>",
                )
            )
    for milestone in day_milestones(milestones):
        fig.add_vline(x=pd.Timestamp(milestone["date"][:10]), line={"color": "#666", "dash": "dot"})
    if as_of is not None:
        fig.add_vline(x=as_of, line={"color": "#111", "width": 2})
    fig.update_layout(
        template=EMPTY_TEMPLATE,
        barmode="stack",
        height=320,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        yaxis={"title": "statements per day", "automargin": True, "gridcolor": "#eee"},
        xaxis={"type": "date", "automargin": True},
        legend={"orientation": "h", "y": -0.2},
        hoverlabel=HOVER_LABEL,
        font={"family": FONT},
        plot_bgcolor="white",
        paper_bgcolor="rgba(0,0,0,0)",
    )
    return fig


def _vline(x: pd.Timestamp, line: dict) -> dict:
    """A vertical line across the plot at x, as a layout shape (cheaper than add_vline)."""
    day = pd.Timestamp(x).strftime("%Y-%m-%d %H:%M")
    return {"type": "line", "x0": day, "x1": day, "y0": 0, "y1": 1, "yref": "paper", "line": line}


def day_milestones(milestones: list[dict]) -> list[dict]:
    """Milestones dated to a day; the others cannot be placed on a time axis honestly."""
    return [
        m
        for m in milestones
        if m.get("date_precision", "day") == "day" and parse_day(m.get("date")) is not None
    ]


def timeline_figure(
    statements: pd.DataFrame,
    milestones: list[dict],
    scale: Scale,
    as_of: pd.Timestamp | None = None,
    height: int | None = None,
) -> go.Figure:
    """Statements over time, one row per actor, coloured by stance; milestones as lines.

    A statement dated only to a month is drawn as a bar over the days it may fall on, not as
    a point at an invented day; one with no date is left off (callers list it).
    """
    dated = statements[statements["date_precision"] != "unknown"]
    actors = list(dict.fromkeys(dated.sort_values("when", kind="stable")["actor"]))
    if len(dated) > TIMELINE_POINTS or len(actors) > TIMELINE_ACTORS:
        return _daily_counts_figure(dated, milestones, scale, as_of)
    traces: list[dict] = []
    for category in scale.categories:
        rows = dated[dated["stance"] == category.key]
        hover = [
            f"<b>{html.escape(a)}</b> · {html.escape(category.label)}<br>{html.escape(d)}<br>"
            + wrap_escaped(t, limit=TIMELINE_HOVER_LIMIT)
            for a, d, t in zip(rows["actor"], rows["date_label"], statement_text(rows), strict=True)
        ]
        exact = (rows["date_precision"] == "day").to_numpy()
        traces.append(
            {
                "type": "scatter",
                "x": rows["when"][exact].dt.strftime("%Y-%m-%d %H:%M").tolist(),
                "y": [html.escape(a, quote=False) for a in rows["actor"][exact]],
                "mode": "markers",
                "marker": {
                    "size": 11,
                    "color": category.color,
                    "line": {"color": "#333", "width": 1},
                },
                "name": category.label,
                "showlegend": False,
                "hovertext": [h for h, e in zip(hover, exact, strict=True) if e],
                "hovertemplate": "%{hovertext}<extra></extra>",
            }
        )
        month = rows[~exact]
        if not month.empty:
            ends = month_end(month["date"])
            span_ms = (ends + pd.Timedelta(days=1) - month["when"]).dt.total_seconds() * 1000
            traces.append(
                {
                    "type": "bar",
                    "base": month["when"].dt.strftime("%Y-%m-%d").tolist(),
                    "x": span_ms.round().astype("int64").tolist(),
                    "y": [html.escape(a, quote=False) for a in month["actor"]],
                    "orientation": "h",
                    "width": 0.35,
                    "marker": {"color": category.color, "line": {"width": 0}},
                    "name": f"{category.label} (day not reported)",
                    "showlegend": False,
                    "hovertext": [h for h, e in zip(hover, exact, strict=True) if not e],
                    "hovertemplate": "%{hovertext}<extra></extra>",
                }
            )
    days: dict[pd.Timestamp, list[str]] = {}
    for milestone in day_milestones(milestones):
        days.setdefault(pd.Timestamp(milestone["date"][:10]), []).append(str(milestone["label"]))
    shapes, annotations = [], []
    for day, labels in days.items():
        shapes.append(_vline(day, {"color": "#666", "width": 1, "dash": "dot"}))
        for level, label in enumerate(labels):
            short = label if len(label) <= MILESTONE_CHARS else label[: MILESTONE_CHARS - 1] + "…"
            annotations.append(
                {
                    "x": day.strftime("%Y-%m-%d"),
                    "y": 1,
                    "yref": "paper",
                    "yshift": 4 + 16 * (len(labels) - 1 - level),
                    "text": html.escape(short),
                    "hovertext": wrap_escaped(label),
                    "showarrow": False,
                    "xanchor": "left",
                    "yanchor": "bottom",
                    "font": {"size": 11, "color": "#333"},
                    "bgcolor": "rgba(255,255,255,0.85)",
                }
            )
    for category in scale.categories:  # the legend lists every stance, used or not
        traces.append(
            {
                "type": "scatter",
                "x": [None],
                "y": [None],
                "mode": "markers",
                "marker": {"size": 11, "color": category.color, "symbol": "square"},
                "name": html.escape(category.label),
                "showlegend": True,
                "hoverinfo": "skip",
            }
        )
    stacked = max((len(labels) for labels in days.values()), default=0)
    if as_of is not None:
        shapes.append(_vline(as_of, {"color": "#111", "width": 2}))
    layout = {
        "shapes": shapes,
        "annotations": annotations,
        "height": height or max(260, 28 * len(actors) + 120),
        "margin": {"l": 10, "r": 10, "t": 16 + 16 * stacked, "b": 10},
        "yaxis": {
            "categoryorder": "array",
            "categoryarray": [
                html.escape(a, quote=False) for a in actors[::-1]
            ],  # tick labels are HTML
            "automargin": True,
            "gridcolor": "#f3f3f3",
        },
        "xaxis": {"type": "date", "automargin": True, "gridcolor": "#eee"},
        "barmode": "overlay",
        "legend": {"orientation": "h", "y": -0.15},
        "plot_bgcolor": "white",
        "showlegend": True,
    }
    return unchecked_figure(traces, layout)
