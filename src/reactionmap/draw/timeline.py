"""The timeline: each actor's statements over time, coloured by stance, with the event's milestones."""

from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go

from reactionmap.contract.dates import month_end, parse_day
from reactionmap.contract.scale import DISAGREE_KEY, Scale
from reactionmap.draw.style import (
    CHAR_PX,
    EMPTY_TEMPLATE,
    FONT,
    HOVER_LABEL,
    figure_spec,
    wrap_escaped,
)
from reactionmap.view import memo
from reactionmap.view.stance import actor_key, stance_spans, statement_text

TIMELINE_HOVER_LIMIT = 120  # the cards have the full text; the hover names it


TIMELINE_POINTS = 1500  # above this, or TIMELINE_ACTORS rows, the timeline counts per day


TIMELINE_ACTORS = 60
DAY_MS = 86_400_000
LEGEND_ROOM = 70  # px under the plot for the stance legend (two lines on a phone)


def _daily_counts_figure(
    statements: pd.DataFrame,
    milestones: list[dict],
    scale: Scale,
    as_of: pd.Timestamp | None,
    until: pd.Timestamp,
) -> go.Figure:
    """How many actors hold each stance, day by day (stance_spans, the map's rule), stacked:
    the timeline of an event too large to list actor by actor. On the As-of day the bars
    hold what the map's legend counts."""
    spans = stance_spans(statements, until)
    first = spans["start"].min() if len(spans) else pd.Timestamp(until)
    days = pd.date_range(first, pd.Timestamp(until).normalize())
    fig = go.Figure()
    for category in scale.with_disagree:
        held = spans[spans["stance"] == category.key]
        counts = [int(((held["start"] <= d) & (d < held["end"])).sum()) for d in days]
        if any(counts):
            fig.add_trace(
                go.Bar(
                    x=days,
                    y=counts,
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
        bargap=0.1,
        height=320,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        yaxis={"title": "actors holding each stance", "automargin": True, "gridcolor": "#eee"},
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


# The timeline's names (plotly's 12 px tick labels) reckoned as the map's legend is (style.CHAR_PX).
TICK_GAP = 14
TICK_ROOM = 26  # px under the plot for the dates, above the legend


# What a view's timeline reads of its rows when everyone's dots are kept (_dots): the actor,
# the dates and the stance.
VIEW_COLUMNS = (
    "actor_iso3", "actor", "actor_type", "when", "date", "date_precision", "made_from",
    "made_until", "stance",
)  # fmt: skip


def label_room(actors: list[str]) -> int:
    """px left of the timeline for its longest actor's name (the names as shown: one line)."""
    return TICK_GAP + math.ceil(CHAR_PX * max((len(a) for a in actors), default=0))


KEY_CSS = (
    "<style>.rm-key{display:flex;flex-wrap:wrap;gap:.2rem 1.25rem;list-style:none;margin:0;"
    "padding:0;font-size:.875rem;color:#111}.rm-key li{display:flex;align-items:center;"
    "gap:.4rem;margin:0}.rm-swatch{width:12px;height:12px;border:1px solid #999;"
    "flex:none}</style>"
)


def key_html(scale: Scale, disagree: bool) -> str:
    """The timeline's colours as a list under the chart (timeline_spec with a ``width``): every
    stance, and 'Sources disagree' where an actor's sources may disagree (``disagree``)."""
    items = "".join(
        f'<li><span class="rm-swatch" style="background:{category.color}"></span>'
        f"{html.escape(category.label)}</li>"
        for category in scale.with_disagree
        if disagree or category.key != DISAGREE_KEY
    )
    return f'{KEY_CSS}<ul class="rm-key" aria-label="The timeline\'s colours">{items}</ul>'


def day_milestones(milestones: list[dict]) -> list[dict]:
    """Milestones dated to a day; the others cannot be placed on a time axis honestly."""
    return [
        m
        for m in milestones
        if m.get("date_precision", "day") == "day" and parse_day(m.get("date")) is not None
    ]


def _dots(statements: pd.DataFrame) -> dict:
    """Each dated statement's dot by row label: (x, y, the actor and the words of its hover
    text, escaped, and whether it is dated to the day)."""
    dated = statements[
        (statements["actor_iso3"] != "") & (statements["date_precision"] != "unknown")
    ]
    return {
        label: (
            f"{when:%Y-%m-%d %H:%M}",
            html.escape(actor, quote=False),
            html.escape(actor),
            f"{html.escape(day)}<br>" + wrap_escaped(text, limit=TIMELINE_HOVER_LIMIT),
            precision == "day",
        )
        for label, when, actor, day, text, precision in zip(
            dated.index,
            dated["when"],
            dated["actor"],
            dated["date_label"],
            statement_text(dated),
            dated["date_precision"],
            strict=True,
        )
    }


def timeline_figure(*args, **kwargs) -> go.Figure:
    """timeline_spec's figure as a go.Figure (the published page, the image, the tests)."""
    return go.Figure(timeline_spec(*args, **kwargs), _validate=False)


def timeline_spec(
    statements: pd.DataFrame,
    milestones: list[dict],
    scale: Scale,
    as_of: pd.Timestamp | None = None,
    height: int | None = None,
    until: pd.Timestamp | None = None,
    everyone: pd.DataFrame | None = None,
    width: float | None = None,
) -> dict:
    """Each actor's stance over time, by the map's own rule, with its statements on it.

    One row per actor. A band in a stance's colour runs from each day the actor's stance
    changes to the next change (stance_spans): on any day, the band under the As-of line is
    the colour the map shows. A dot is a statement dated to the day; an open dot one known
    only to its month, at the day it counts from, with a thin line over the days it may fall
    on; one with no date gets no dot (callers list it). Milestones are dotted lines. The bands
    run to ``until`` (default: the last statement, or ``as_of`` when later). ``everyone``: the
    event's statements, when ``statements`` are some actors' every one (stance_spans).
    ``width``: the chart's width in px where the page knows it (the dashboard's column): its
    margins are then reckoned here, not measured by plotly in the browser.
    """
    if everyone is not None:  # a view's rows: only the columns read here (a cut copies all)
        statements = statements[[c for c in VIEW_COLUMNS if c in statements]]
    known = statements[statements["actor_iso3"] != ""]
    last = known["when"].max() if len(known) else pd.NaT
    until = pd.Timestamp(max(d for d in (until, last, as_of) if d is not None and not pd.isna(d)))
    dated = known[known["date_precision"] != "unknown"]
    spans = stance_spans(known, until, everyone)
    if len(dated) > TIMELINE_POINTS or spans["key"].nunique() > TIMELINE_ACTORS:
        return _daily_counts_figure(known, milestones, scale, as_of, until).to_dict()
    names = dict(zip(actor_key(known), known["actor"], strict=True))
    actors = [names[k] for k in dict.fromkeys(spans["key"])]
    traces: list[dict] = []
    # Plain lists, not a frame cut per stance: a click draws a new timeline (view.memo).
    span_rows = list(
        zip(
            spans["key"], spans["actor"], spans["stance"], spans["start"], spans["end"], strict=True
        )
    )
    for category in scale.with_disagree:
        held = [row for row in span_rows if row[2] == category.key]
        if not held:
            continue
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "base": [f"{start:%Y-%m-%d}" for _, _, _, start, _ in held],
                "x": [round((end - start).total_seconds() * 1000) for _, _, _, start, end in held],
                "y": [html.escape(actor, quote=False) for _, actor, _, _, _ in held],
                "width": 0.5,
                "marker": {"color": category.color, "line": {"width": 0}},
                "name": category.label,
                "showlegend": False,
                "customdata": [[key, category.key] for key, _, _, _, _ in held],
                "hovertext": [
                    f"<b>{html.escape(actor)}</b> · {html.escape(category.label)}<br>"
                    f"from {start:%-d %b %Y}"
                    + ("" if end > until else f" until {end - pd.Timedelta(days=1):%-d %b %Y}")
                    for _, actor, _, start, end in held
                ],
                "hovertemplate": "%{hovertext}<extra></extra>",
            }
        )
    month = dated[dated["date_precision"] == "month"]
    if len(month):
        ends = month_end(month["date"]) + pd.Timedelta(days=1)
        if "made_until" in month:  # a source's day of report ends the days it may fall on
            ends = month["made_until"].dt.normalize().add(pd.Timedelta(days=1)).fillna(ends)
        starts = month["made_from"] if "made_from" in month else month["when"]
        lon: list = []
        lat: list = []
        for actor, start, end in zip(month["actor"], starts, ends, strict=True):
            lon += [f"{start:%Y-%m-%d}", f"{end:%Y-%m-%d}", None]
            lat += [html.escape(actor, quote=False)] * 2 + [None]
        traces.append(
            {
                "type": "scatter",
                "x": lon,
                "y": lat,
                "mode": "lines",
                "line": {"color": "#555", "width": 1},
                "hoverinfo": "skip",
                "name": "days a statement known only to its month may fall on",
                "showlegend": False,
            }
        )
    # Each statement's dot, worked out once for the event's statements (``everyone``): a view
    # picks its own by row label.
    source = known if everyone is None else everyone
    marks = memo.by_statements(source, "timeline dots", lambda: _dots(source))
    dated_rows = list(zip(dated.index, dated["stance"], strict=True))
    for category in scale.categories:
        rows = [marks[label] for label, stance in dated_rows if stance == category.key]
        if not rows:
            continue
        name = html.escape(category.label)
        traces.append(
            {
                "type": "scatter",
                "x": [x for x, _, _, _, _ in rows],
                "y": [y for _, y, _, _, _ in rows],
                "mode": "markers",
                "marker": {
                    "size": 10,
                    "color": [category.color if e else "#FFFFFF" for *_, e in rows],
                    "line": {
                        "color": [("#333" if e else category.color) for *_, e in rows],
                        "width": [1 if e else 2.5 for *_, e in rows],
                    },
                },  # fmt: skip
                "name": category.label,
                "showlegend": False,
                "hovertext": [
                    f"<b>{actor}</b> · {name}<br>{words}" for _, _, actor, words, _ in rows
                ],
                "hovertemplate": "%{hovertext}<extra></extra>",
            }
        )
    # Milestones are numbered on their day's line; the list under the timeline gives each
    # one's words (captions.milestone_list), which would not fit beside each other here.
    days: dict[pd.Timestamp, list[tuple[int, str]]] = {}
    for number, milestone in enumerate(day_milestones(milestones), start=1):
        day = pd.Timestamp(milestone["date"][:10])
        days.setdefault(day, []).append((number, str(milestone["label"])))
    shapes, annotations = [], []
    # No actor shown (only silent countries, or no stance): the As-of line and the milestones.
    first = spans["start"].min() if len(spans) else until.normalize()
    for day, numbered in days.items():
        shapes.append(_vline(day, {"color": "#666", "width": 1, "dash": "dot"}))
        annotations.append(
            {
                "x": day.strftime("%Y-%m-%d"),
                "y": 1,
                "yref": "paper",
                "yshift": 4,
                "text": " ".join(str(n) for n, _ in numbered),
                "hovertext": "<br>".join(f"{n}. {wrap_escaped(label)}" for n, label in numbered),
                "showarrow": False,
                "xanchor": "center",
                "yanchor": "bottom",
                "font": {"size": 12, "color": "#111"},
                "bgcolor": "#FFFFFF",
                "bordercolor": "#666",
                "borderpad": 2,
            }
        )
    drawn = set(spans["stance"])
    # The legend lists every stance, used or not, and 'Sources disagree' where it is drawn;
    # where the page's width is known, the page puts it under the chart instead (key_html).
    reckoned = width is not None
    for category in () if reckoned else scale.with_disagree:
        if category.key == DISAGREE_KEY and DISAGREE_KEY not in drawn:
            continue
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
    if as_of is not None:
        shapes.append(_vline(as_of, {"color": "#111", "width": 2}))
    # Where the page's width is known, the margins are reckoned here (the actors' longest name
    # on the left, the dates under the plot) and the key is HTML under the chart, which wraps
    # to any width: plotly's automargin would measure them in the browser and lay the chart out
    # again, about half of its drawing time on every filter change. Elsewhere plotly measures.
    under = TICK_ROOM if reckoned else LEGEND_ROOM
    height = height or max(260, 28 * len(actors) + 120 + under)
    layout = {
        "shapes": shapes,
        "annotations": annotations,
        "height": height,
        # Room under the axis for the legend, which sits at the figure's foot (not below the
        # plot area, where a tall timeline would push it out of the figure).
        "margin": {
            "l": label_room(actors) if reckoned else 10,
            "r": 10,
            "t": 36 if days else 16,
            "b": under,
        },
        "yaxis": {
            "categoryorder": "array",
            "categoryarray": [
                html.escape(a, quote=False) for a in actors[::-1]
            ],  # tick labels are HTML
            "automargin": not reckoned,
            "gridcolor": "#f3f3f3",
        },
        # The As-of range and a day either side: a month line runs on past it, clipped.
        "xaxis": {
            "type": "date",
            "automargin": not reckoned,
            "gridcolor": "#eee",
            "range": [
                f"{first - pd.Timedelta(hours=12):%Y-%m-%d %H:%M}",
                f"{until + pd.Timedelta(hours=36):%Y-%m-%d %H:%M}",
            ],
            # Days, not hours: one tick a day over a short range.
            "tickformat": "%-d %b",
            **({"dtick": DAY_MS} if until - first <= pd.Timedelta(days=21) else {}),
        },
        "barmode": "overlay",
        "legend": {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom"},
        "plot_bgcolor": "white",
        "showlegend": not reckoned,
    }
    return figure_spec(traces, layout)
