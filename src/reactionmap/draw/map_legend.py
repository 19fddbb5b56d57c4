"""The map's legend and colour steps: a swatch per stance with its count, laid out under the map."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Collection

import pandas as pd

from reactionmap.contract.scale import DISAGREE_KEY, NO_STATEMENT_KEY, Category, Scale
from reactionmap.draw.frame import DESKTOP_WIDTH
from reactionmap.draw.map_hover import HIDDEN_NOTE
from reactionmap.draw.style import CHAR_PX, INHERITED_OPACITY

HIDDEN_KEY = "hidden"


HIDDEN_COLOR = "#FFFFFF"  # on a blue sea, with grey borders


# Filtered-out countries are drawn blank: a colour of their own, after the scale's.
HIDDEN = Category(HIDDEN_KEY, HIDDEN_NOTE.capitalize(), HIDDEN_COLOR)


# The legend under the map, laid out as plotly lays out a horizontal legend: in one row when all
# entries fit, else in a grid of columns as wide as the widest entry. Its room is reckoned from
# the labels (plotly's own height is known only in the browser): a character of 12 px system-ui
# is at most ~6.6 px wide, a swatch and its gaps 40 px, a line 16 px, an entry 4 px more. The
# legend hangs from the map's foot: a label wider than reckoned would run off the figure's
# foot, never over the map. A label wraps at LEGEND_CHARS, or the map's width on a phone.
LEGEND_FONT = 12


LEGEND_CHAR = CHAR_PX


LEGEND_CHARS = 44


LEGEND_ITEM = 40


LEGEND_GAP = 5


LEGEND_LINE = 16


LEGEND_ENTRY = 4


LEGEND_PAD = 8


def legend_lines(label: str, width: float) -> list[str]:
    """A legend label's lines for a map ``width`` px wide."""
    import textwrap

    chars = min(LEGEND_CHARS, int((width - LEGEND_ITEM) / LEGEND_CHAR))
    return textwrap.wrap(label, max(chars, 12)) or [""]


def legend_room(legend: list[dict], width: float) -> int:
    """px under the map for the legend (configure_legend's traces), as plotly places them."""
    items: list[tuple[float, int]] = []  # (width, lines) of each entry
    for trace in legend:
        words = [html.unescape(line) for line in trace["name"].split("<br>")]
        items.append((LEGEND_ITEM + LEGEND_CHAR * max(map(len, words)), len(words)))
    if not items:
        return 0
    one_row = sum(w for w, _ in items) + LEGEND_GAP * (len(items) - 1) < width
    column = max(w for w, _ in items)
    height = LEGEND_PAD
    x, tallest = 0.0, 0
    for w, count in items:
        step = w if one_row else column
        if x and step + x - LEGEND_GAP >= width:
            height += tallest
            x, tallest = 0.0, 0
        x += step + LEGEND_GAP
        tallest = max(tallest, LEGEND_LINE * count + LEGEND_ENTRY)
    return int(height + tallest)


def legend_layout(room: int, height: int) -> dict:
    """The legend's place: hung from the map's foot in the room under it (the container's
    coordinates, as the timeline's), so plotly does not shrink the map to fit it."""
    return {
        "orientation": "h",
        "yref": "container",
        "yanchor": "top",
        "y": round(room / height, 4),
        "x": 0,
        "font": {"size": LEGEND_FONT},
    }


def color_keys(table: pd.DataFrame) -> pd.Series:
    """The colour each row is drawn in: its stance, or HIDDEN_KEY where the filter hides it."""
    return table["stance"].where(table["shown"], HIDDEN_KEY)


def color_steps(scale: Scale) -> tuple[Category, ...]:
    """The colours of the map's one stepped colour scale, in order: the scale's categories,
    'No statement recorded', then the blank of hidden countries. A colour key's step is its
    index here."""
    return (*scale.with_none, HIDDEN)


def configure_coloraxis(scale: Scale) -> dict:
    """One stepped colour scale in the layout that every country trace refers to (plotly
    express's discrete colours would copy the shapes into a trace per category)."""
    steps = color_steps(scale)
    n = len(steps)
    colorscale: list[list] = []
    for i, category in enumerate(steps):
        colorscale += [[i / n, category.color], [(i + 1) / n, category.color]]
    return {"colorscale": colorscale, "cmin": -0.5, "cmax": n - 0.5, "showscale": False}


def inherited_rows(table: pd.DataFrame) -> pd.Series:
    """True where a country's stance is inherited from an organization it belongs to."""
    if "inherited_from" not in table:
        return pd.Series(False, index=table.index)
    return table["inherited_from"].astype(bool)


def configure_legend(
    table: pd.DataFrame,
    scale: Scale,
    shown_keys: Collection[str] | None = None,
    width: float = DESKTOP_WIDTH,
) -> list[dict]:
    """A square swatch for each legend entry (legend_entries); never hovered. A label too long
    for the map's ``width`` wraps (legend_lines)."""
    return [
        {
            "type": "scattergeo",
            "lon": [None],
            "lat": [None],
            "mode": "markers",
            "marker": {
                "size": 12,
                "symbol": "square",
                "color": color,
                "opacity": opacity,
                "line": {"color": "#999", "width": 1},
            },
            "name": "<br>".join(html.escape(line) for line in legend_lines(label, width)),
            "showlegend": True,
            "hoverinfo": "skip",
        }
        for label, color, opacity in legend_entries(table, scale, shown_keys)
    ]


def legend_entries(
    table: pd.DataFrame, scale: Scale, shown_keys: Collection[str] | None = None
) -> list[tuple[str, str, float]]:
    """(label, colour, opacity) for each legend entry, with how many drawn countries it covers.

    Every category is listed: with its count of countries holding it by their own statement,
    or as hidden when the filter hides it (never as 0). Countries shaded from an
    organization they belong to are counted apart, under their own lighter swatch. The
    silent are counted as UN members and observers, territories apart (with ``un_status``,
    from places.boundaries.country_table): 166 silent states is news, 212 silent shapes is not.
    """
    shown_keys = {c.key for c in scale.with_none} if shown_keys is None else set(shown_keys)
    # Counted over plain lists: a new view's legend, on every filter change.
    rows = list(
        zip(
            table["stance"].tolist(),
            inherited_rows(table).tolist(),
            table["shown"].astype(bool).tolist(),
            table["un_status"].tolist() if "un_status" in table else [""] * len(table),
            strict=True,
        )
    )
    own = Counter(stance for stance, inherited, _, _ in rows if not inherited)
    entries = []
    for category in scale.with_none:
        if category.key == NO_STATEMENT_KEY and "un_status" in table:
            silent = [
                un for stance, inherited, _, un in rows if not inherited and stance == category.key
            ]
            states = sum(1 for un in silent if un != "")
            others = len(silent) - states
            count = f"{states} UN members and observers" + (
                f", {others} places outside the UN" * bool(others)
            )
            label = f"{category.label} ({count})"
            if category.key not in shown_keys:
                label = f"{category.label} (hidden)"
        elif category.key == DISAGREE_KEY and not own.get(DISAGREE_KEY, 0):
            continue  # listed only where an actor's sources disagree
        elif category.key in shown_keys:
            label = f"{category.label} ({int(own.get(category.key, 0))})"
        else:
            label = f"{category.label} (hidden)"
        entries.append((label, category.color, 1.0))
    hidden = sum(1 for _, _, shown, _ in rows if not shown)
    if hidden:
        entries.append((f"{HIDDEN.label} ({hidden})", HIDDEN.color, 1.0))
    shaded = Counter(stance for stance, inherited, shown, _ in rows if inherited and shown)
    for category in scale.with_disagree:
        if shaded.get(category.key, 0):
            entries.append(
                (
                    f"{category.label}, inherited from an organization "
                    f"({int(shaded[category.key])})",
                    category.color,
                    INHERITED_OPACITY,
                )
            )
    return entries
