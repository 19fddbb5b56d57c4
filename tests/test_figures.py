"""The figures: what the map and timeline carry, checked on the plotly objects."""

from __future__ import annotations

import pandas as pd
import pytest

from reactionmap.contract.scale import DEFAULT_SCALE
from reactionmap.contract.statements import STATEMENT_COLUMNS
from reactionmap.draw import choropleth, map_hover, map_legend, style, timeline
from reactionmap.intake.events import load_event
from reactionmap.intake.statements import earliest_dates
from reactionmap.places import boundaries
from reactionmap.view.compose import countries_only
from reactionmap.view.stance import actor_key, date_range, stance_table


def map_for(event, shown=None, selected=None):
    rows = countries_only(stance_table(event.statements))
    table = map_hover.map_table(rows, boundaries.country_table(), event.scale, shown)
    return table, choropleth.map_figure(
        table, event.scale, boundaries.load_markers(), "u", selected, shown_keys=shown
    )


def test_map_legend_lists_every_category_with_its_count_even_when_unused(good_event):
    table, fig = map_for(load_event(good_event))
    legend = [t.name.replace("<br>", " ") for t in fig.data if t.showlegend]  # a long one wraps
    # GOOD_ROWS: France neutral (its latest), Germany concern, Côte d'Ivoire support.
    silent = table["stance"] == "none"
    states, others = (
        int((silent & (table["un_status"] != "")).sum()),
        int((silent & (table["un_status"] == "")).sum()),
    )
    assert (states, others) == (192, 47)  # 195 UN states less France, Germany, Côte d'Ivoire
    assert legend == [
        "Condemned (0)",
        "Expressed concern / urged restraint (1)",
        "Neutral or ambivalent (1)",
        "Supported (1)",
        "Directly involved (0)",
        f"No statement recorded ({states} UN members and observers, {others} places outside the UN)",
    ]


def test_a_hidden_category_is_named_hidden_not_zero(good_event):
    _, fig = map_for(load_event(good_event), shown={"concern", "none"})
    legend = [t.name.replace("<br>", " ") for t in fig.data if t.showlegend]  # a long one wraps
    assert "Condemned (hidden)" in legend and "Neutral or ambivalent (hidden)" in legend
    assert "Expressed concern / urged restraint (1)" in legend
    assert "Hidden by your filters (2)" in legend  # France and Côte d'Ivoire, drawn blank


def test_inherited_shading_is_counted_apart_from_own_statements(good_event):
    from reactionmap.view.stance import inherit

    event = load_event(good_event)
    everyone = stance_table(event.statements)
    eu = ("FRA", "DEU", "ITA", "ESP")
    rows = countries_only(inherit(everyone, {"EU": eu}, {c: c for c in eu}))
    table = map_hover.map_table(rows, boundaries.country_table(), event.scale)
    fig = choropleth.map_figure(table, event.scale, boundaries.load_markers(), "u")
    legend = [t.name.replace("<br>", " ") for t in fig.data if t.showlegend]  # a long one wraps
    # Italy and Spain take the EU's concern; they are not counted as concern of their own.
    assert "Expressed concern / urged restraint (1)" in legend
    assert "Expressed concern / urged restraint, inherited from an organization (2)" in legend
    swatch = next(t for t in fig.data if t.name.endswith("organization (2)"))
    assert swatch.marker.color == DEFAULT_SCALE.color("concern")
    assert swatch.marker.opacity < 1


def test_map_draws_every_shape_once_with_its_stance_colour(good_event):
    table, fig = map_for(load_event(good_event))
    shapes = [t for t in fig.data if t.type == "choropleth" and t.name != "sea"]
    drawn = [code for t in shapes for code in t.locations]
    assert len(drawn) == len(set(drawn)) == int(boundaries.country_table()["has_shape"].sum())
    colours = {}
    for trace in shapes:
        steps = len(fig.layout.coloraxis.colorscale) // 2
        scale = dict((round(v * steps), c) for v, c in fig.layout.coloraxis.colorscale[::2])
        colours |= {code: scale[z] for code, z in zip(trace.locations, trace.z, strict=True)}
    assert colours["FRA"] == DEFAULT_SCALE.color("neutral")
    assert colours["DEU"] == DEFAULT_SCALE.color("concern")
    assert colours["ESP"] == "#E3E3E3"


def test_hover_is_escaped_wrapped_and_cut():
    row = pd.Series(
        {"name": "Russia", "stance": "condemn", "statement_count": 2, "speaker": "<b>S</b>",
         "speaker_role": "", "latest_date_label": "3 Jan 2026", "latest_text": "x " * 400,
         "latest_is_quote": False, "inherited_from": "", "shown": True}
    )  # fmt: skip
    text = map_hover.hover_text(row, DEFAULT_SCALE)
    assert "&lt;b&gt;S&lt;/b&gt;" in text and "<b>S</b>" not in text
    assert "…" in text
    assert all(len(line) <= style.HOVER_WIDTH for line in text.split("<br>")[3:])


def test_a_quote_is_in_quotation_marks_a_summary_is_not(good_event):
    table, _ = map_for(load_event(good_event))
    assert table["latest_is_quote"].dtype == bool  # silent countries too: False, not ""
    spoke = table[table["statement_count"] > 0]
    assert spoke["latest_is_quote"].any() and not spoke["latest_is_quote"].all()
    for _, row in spoke.iterrows():
        quoted = f"“{row['latest_text'].split()[0]}" in row["hover"]
        assert quoted == row["latest_is_quote"], row["iso3"]
    assert not table.loc[table["statement_count"] == 0, "latest_is_quote"].any()


def test_filtered_countries_are_hidden_not_recoloured(good_event):
    table, fig = map_for(load_event(good_event), shown={"concern"})
    hover = dict(zip(table["iso3"], table["hover"], strict=True))
    assert "hidden by your filters" in hover["FRA"]
    assert any(t.name.startswith("Hidden by your filters (") for t in fig.data if t.showlegend)


def test_month_dated_statement_is_an_open_dot_and_a_line_over_its_month(good_event):
    event = load_event(good_event)
    fig = timeline.timeline_figure(event.statements, event.milestones, event.scale)
    (line,) = [t for t in fig.data if t.type == "scatter" and t.mode == "lines"]
    assert list(line.x) == ["2026-03-01", "2026-04-01", None]  # every day it may fall on
    assert list(line.y) == ["Côte d'Ivoire", "Côte d'Ivoire", None]
    dots = {
        (y, x[:10], color): None
        for t in fig.data
        if t.type == "scatter" and t.mode == "markers" and t.x[0] is not None
        for y, x, color in zip(t.y, t.x, t.marker.color, strict=True)
    }
    assert ("Côte d'Ivoire", "2026-03-01", "#FFFFFF") in dots  # open: its day is not known
    assert ("France", "2026-03-05", DEFAULT_SCALE.color("neutral")) in dots


def bands_on(fig, day: pd.Timestamp) -> dict[str, str]:
    """actor key -> the stance of the timeline's band that covers ``day``."""
    found: dict[str, str] = {}
    for trace in fig.data:
        if trace.type != "bar":
            continue
        for base, width, (key, stance) in zip(trace.base, trace.x, trace.customdata, strict=True):
            start = pd.Timestamp(base)
            if start <= day < start + pd.Timedelta(milliseconds=width):
                assert key not in found, f"{key} has two bands on {day:%Y-%m-%d}"
                found[key] = stance
    return found


def test_the_timeline_shows_every_actor_in_the_stance_the_map_shows(venezuela_event):
    """For every day of the As-of range and every actor, the band under the As-of line is
    the stance the map (the stance table) gives that actor on that day."""
    statements = venezuela_event.statements
    first, last = date_range(statements)
    days = pd.date_range(first, last)
    assert len(days) >= 3
    for day in days:
        fig = timeline.timeline_figure(
            statements, venezuela_event.milestones, venezuela_event.scale, day
        )
        table = stance_table(statements, day)
        mapped = dict(zip(actor_key(table), table["stance"], strict=True))
        assert bands_on(fig, day) == mapped, f"{day:%Y-%m-%d}"
        assert len(mapped) >= 30


def test_month_milestone_is_not_placed_on_a_day():
    milestones = [{"date": "2026-01-03", "label": "a"}, {"date": "2026-01", "label": "b",
                  "date_precision": "month"}]  # fmt: skip
    assert [m["label"] for m in timeline.day_milestones(milestones)] == ["a"]


def test_large_event_timeline_counts_per_day():
    n = 5000
    frame = pd.DataFrame({c: [""] * n for c in STATEMENT_COLUMNS})
    frame["actor"] = [f"A{i % 200}" for i in range(n)]
    frame["stance"] = ["condemn", "support"] * (n // 2)
    frame["date"] = [f"2026-01-{1 + i % 28:02d}" for i in range(n)]
    frame["date_precision"] = "day"
    frame["when"] = earliest_dates(frame["date"], pd.Timestamp("2026-01-01"))
    frame["date_label"] = frame["date"]
    frame["actor_iso3"] = frame["actor"]
    frame["row"] = range(n)
    day = pd.Timestamp("2026-01-10")
    fig = timeline.timeline_figure(frame, [], DEFAULT_SCALE, day)
    assert [t.type for t in fig.data] == ["bar", "bar"]
    # Each day's bars count the actors holding each stance: on the As-of day, the legend's.
    held = stance_table(frame, day)["stance"].value_counts()
    on_day = {t.name: t.y[list(t.x).index(day)] for t in fig.data}
    assert on_day == {"Condemned": held["condemn"], "Supported": held["support"]}
    assert sum(t.y[-1] for t in fig.data) == 200  # by the last day, every actor has spoken


def test_figures_pass_plotly_validation(good_event):
    """The figures are built without plotly's validation (for speed): validate them here."""
    import plotly.graph_objects as go

    event = load_event(good_event)
    _, fig = map_for(event, shown={"concern", "none"}, selected="FRA")
    dated = event.statements.assign(date_precision="day")
    big = pd.concat([dated] * 400, ignore_index=True)
    built = [
        fig,
        timeline.timeline_figure(event.statements, event.milestones, event.scale),
        timeline.timeline_figure(big, event.milestones, event.scale),
    ]
    for figure in built:
        plain = figure.to_dict()
        checked = go.Figure(plain)  # raises ValueError on any invalid property
        assert [t.type for t in checked.data] == [t["type"] for t in plain["data"]]
        assert len(checked.data) >= 2
    # The check can fail: a misspelt property is refused.
    bad = style.unchecked_figure([{"type": "choropleth", "locationz": ["FRA"]}], {})
    with pytest.raises(ValueError, match="locationz"):
        go.Figure(bad.to_dict())


def test_actor_names_in_timeline_labels_are_escaped(good_event):
    event = load_event(good_event)
    evil = '<a href="https://evil.example/">France</a>'
    statements = event.statements.assign(actor=event.statements["actor"].replace("France", evil))
    fig = timeline.timeline_figure(statements, [], event.scale)
    labels = {y for t in fig.data if t.y is not None for y in t.y if y}
    labels |= set(fig.layout.yaxis.categoryarray)
    assert not [label for label in labels if "<a " in label]
    assert '&lt;a href="https://evil.example/"&gt;France&lt;/a&gt;' in labels


def test_a_click_names_a_country_a_dot_or_nothing_for_the_sea():
    assert choropleth.clicked_code([{"location": "VEN"}]) == "VEN"
    assert choropleth.clicked_code([{"customdata": ["LUX", ""]}]) == "LUX"
    assert choropleth.clicked_code([{"location": choropleth.SEA_CODE}]) == ""
    assert choropleth.clicked_code([]) == ""


def test_the_served_sea_is_the_figures_sea():
    """The dashboard fetches the sea from static/ (once, cached); its bytes say the same."""
    import json

    from reactionmap.contract.paths import REPO_ROOT

    served = REPO_ROOT / "static" / "boundaries" / "sea.geojson"
    assert json.loads(served.read_text(encoding="utf-8")) == choropleth.SEA_GEOJSON
    assert boundaries.SEA_URL.endswith("static/boundaries/sea.geojson")


def test_the_legend_counts_silent_un_members_apart_from_other_places(venezuela):
    """'No statement recorded' counts the UN members and observers that said nothing; the
    shapes that are no UN state (Antarctica, Greenland, Kosovo, ...) are counted apart."""
    un = set(boundaries.load_un_states()["iso3"])
    assert len(un) == 195
    spoke = set(venezuela.page.country_rows["actor_iso3"])
    drawn = set(venezuela.table["iso3"])
    entries = dict(
        (label.split(" (")[0], label) for label, _, _ in map_legend.legend_entries(
            venezuela.table, venezuela.event.scale, venezuela.stances
        )
    )  # fmt: skip
    silent_states = len(un - spoke)
    others = len(drawn - un - spoke)
    assert entries["No statement recorded"] == (
        f"No statement recorded ({silent_states} UN members and observers, "
        f"{others} places outside the UN)"
    )
    assert silent_states == 166 and others == 46
