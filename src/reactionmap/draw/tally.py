"""A vote's tally: one stacked bar of how many actors hold each stance, in scale order."""

from __future__ import annotations

import plotly.graph_objects as go
from pandas import Series

from reactionmap.contract.scale import Scale
from reactionmap.draw.cards import text_color


def tally_figure(counts: Series, scale: Scale, height: int = 90, short: bool = False) -> go.Figure:
    """One horizontal bar split by stance, each part labelled with its label and count (only
    the count when ``short``, for a phone); a stance no one holds is left out of the bar (the
    legend and the caption list them all)."""
    fig = go.Figure()
    total = int(counts.sum())
    for key, count in counts.items():
        if not count:
            continue
        label = scale.label(key)
        fig.add_trace(
            go.Bar(
                x=[int(count)],
                y=[""],
                orientation="h",
                name=label,
                marker={"color": scale.color(key), "line": {"color": "#FFFFFF", "width": 1}},
                text=[str(int(count)) if short else f"{label}: {int(count)}"],
                textposition="inside",
                insidetextanchor="middle",
                textfont={"color": text_color(scale.color(key))},  # the better of black/white
                hovertemplate=f"{label}: {int(count)} of {total}<extra></extra>",
            )
        )
    fig.update_layout(
        barmode="stack",
        height=height,
        margin={"l": 0, "r": 0, "t": 4, "b": 4},
        showlegend=False,
        xaxis={"visible": False, "range": [0, max(total, 1)], "fixedrange": True},
        yaxis={"visible": False, "fixedrange": True},
        plot_bgcolor="#FFFFFF",
        paper_bgcolor="#FFFFFF",
        uniformtext={"minsize": 9, "mode": "hide"},
    )
    return fig
