"""The map of what changed between two events, drawn by the dashboard's map (draw.choropleth)."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from reactionmap.contract.scale import (
    DISAGREE_LABEL,
    NO_STATEMENT_KEY,
    Category,
    Scale,
)
from reactionmap.draw import choropleth
from reactionmap.draw.style import wrap_escaped
from reactionmap.view import compare

# Okabe-Ito colours, distinguishable with the common forms of colour blindness.
COLORS = {
    compare.SAME: "#009E73",
    compare.HARDER: "#D55E00",
    compare.SOFTER: "#0072B2",
    compare.ONLY_A: "#F0E442",
    compare.ONLY_B: "#56B4E9",
    compare.CHANGED: "#CC79A7",
}

# The legend's labels: one line each, even on a phone (a label of three lines outgrows the room
# map_legend reckons for the legend there); why a pair is not comparable is said under the map
# (compare.NOT_COMPARABLE_NOTE).
LEGEND_LABELS = compare.CHANGES

# The changes as a scale, so that the dashboard's map draws them; 'none': silent in both.
CHANGE_SCALE = Scale(tuple(Category(k, LEGEND_LABELS[k], c) for k, c in COLORS.items()))


def _side(letter: str, label: str, statement: str) -> list[str]:
    """Hover lines for one event: which, the stance, the words."""
    lines = [f"{letter}: <b>{html.escape(label)}</b>"]
    if statement:
        lines.append(wrap_escaped(statement))
    return lines


def hover_text(row: pd.Series, scales: tuple[Scale, Scale]) -> str:
    """One country's hover: its name, what changed, and its stance and words in each event it
    spoke in (both, for a country in both)."""
    lines = [f"<b>{html.escape(row['name'])}</b>", html.escape(compare.CHANGES[row["change"]])]
    if row["stance_a"] != NO_STATEMENT_KEY:
        lines += _side("A", scales[0].label(row["stance_a"]), row["statement_a"])
    if row["stance_b"] != NO_STATEMENT_KEY:
        lines += _side("B", scales[1].label(row["stance_b"]), row["statement_b"])
    return "<br>".join(lines)


def change_rows(
    table: pd.DataFrame, countries: pd.DataFrame, scales: tuple[Scale, Scale]
) -> pd.DataFrame:
    """Every drawable country (``countries``: places.boundaries.country_table) with its change
    as its ``stance`` ('none' when silent in both) and its ``hover``, as choropleth.map_figure
    reads them."""
    own = compare.countries(table).drop(columns=["name"])
    rows = countries.merge(own, on="iso3", how="left")
    rows["change"] = rows["change"].fillna(NO_STATEMENT_KEY)
    rows = rows.fillna({"stance_a": NO_STATEMENT_KEY, "stance_b": NO_STATEMENT_KEY}).fillna("")
    spoke = rows["change"] != NO_STATEMENT_KEY
    rows["hover"] = ""
    rows.loc[spoke, "hover"] = [hover_text(row, scales) for _, row in rows[spoke].iterrows()]
    return rows.assign(stance=rows["change"], shown=True, statement_count=0, inherited_from="")


def change_figure(
    rows: pd.DataFrame, markers: pd.DataFrame, geojson: str | dict, **kw
) -> go.Figure:
    """The change map: choropleth.map_figure with the changes as its scale (keyword arguments
    as there). Its legend counts each change; 'Sources disagree' is not a change and is left
    out of it (the legend's room, reckoned with it, only gains a line); 'No statement
    recorded' counts the countries silent in both events."""
    figure = choropleth.map_figure(rows, CHANGE_SCALE, markers, geojson, **kw)
    figure.data = [t for t in figure.data if not (t.name or "").startswith(DISAGREE_LABEL)]
    return figure
