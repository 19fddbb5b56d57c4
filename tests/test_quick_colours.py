"""The colours the page recolours its map with the moment a pill changes are the map's own."""

from __future__ import annotations

import json
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from reactionmap.contract.scale import DEFAULT_SCALE, VOTE_SCALE, Category, Scale
from reactionmap.draw import choropleth
from reactionmap.draw.map_legend import HIDDEN_COLOR, color_keys, color_steps
from reactionmap.draw.quick_colours import (
    DAYS_ID,
    ELEMENT_ID,
    REGIONS_ID,
    days_html,
    quick_colours,
    quick_colours_html,
)
from reactionmap.intake.events import list_events, load_event
from reactionmap.pages import caches
from reactionmap.places import boundaries
from reactionmap.view import compose, sections
from reactionmap.view.state import WORLD, ViewState


def data_attribute(markup: str, name: str = "view", element: str = ELEMENT_ID) -> dict:
    """The element's data-``name``, as the browser's parser reads it."""
    found: dict = {}

    class Reader(HTMLParser):
        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if attrs.get("id") == element:
                found.update(json.loads(attrs[f"data-{name}"]), unseen="hidden" in attrs)

    Reader().feed(markup)
    return found


def stance_of(view: dict) -> dict[str, str]:
    """Each code's stance, as the page's script reads the view."""
    return {code: stance for stance, codes in view["stances"].items() for code in codes.split()}


@pytest.mark.parametrize("event_id", list_events())
@pytest.mark.parametrize("region", ["", "Europe", "Africa"])
@pytest.mark.parametrize("shaded", [False, True], ids=["own stances", "members shaded"])
def test_every_country_drawn_is_recoloured_as_the_servers_map_colours_it(event_id, region, shaded):
    """For every shipped event and each stance switched off in turn: the page's rule (the
    stance's colour while shown, else the hidden colour) gives each country drawn the colour
    of its step on the server's map; silent members shaded by their organizations too."""
    event = load_event(event_id)
    keys = tuple(c.key for c in event.scale.with_none)
    inherit = tuple(compose.organizations_in(event.statements)) if shaded else ()
    view = data_attribute(quick_colours_html(quick_colours(
        compose.compose(event, ViewState(stances=keys, region=region, inherit=inherit)).map_rows, event.scale
    )))  # fmt: skip
    steps = {c.key: c.color for c in color_steps(event.scale)}
    for off in keys:
        shown = tuple(k for k in keys if k != off)
        state = ViewState(stances=shown, region=region, inherit=inherit)
        rows = compose.compose(event, state).map_rows
        served = dict(zip(rows["iso3"], color_keys(rows).map(steps), strict=True))
        page = {
            code: view["colours"][stance] if stance in shown else view["hidden"]
            for code, stance in stance_of(view).items()
        }
        assert page == served, f"{event_id} {region or 'world'} without {off}"
    assert view["hidden"] == HIDDEN_COLOR and view["unseen"]


@pytest.mark.parametrize("scale", [DEFAULT_SCALE, VOTE_SCALE], ids=["reactions", "votes"])
def test_each_pill_label_names_its_stance(scale):
    view = quick_colours(choropleth.pd.DataFrame({"iso3": [], "stance": []}), scale)
    assert view["labels"] == {c.label: c.key for c in scale.with_none}
    assert view["colours"] == {c.key: c.color for c in scale.with_none}


def test_any_label_survives_the_attribute_and_a_shared_label_is_left_out():
    """Quotes, apostrophes, ampersands and tags in a label reach the page as written; spaces
    run together as the page shows them; two stances with one label are left out (the page
    then leaves the map to the server rather than guess)."""
    scale = Scale((
        Category("a", "Don't \"quote\" & <b>bold</b>", "#111111"),
        Category("b", "two  spaces", "#222222"),
        Category("c", "Same", "#333333"),
        Category("d", "Same", "#444444"),
        Category("constructor", "constructor", "#555555"),
    ))  # fmt: skip
    rows = choropleth.pd.DataFrame({"iso3": ["FRA", "DEU", "ITA"], "stance": ["a", "b", "a"]})
    view = data_attribute(quick_colours_html(quick_colours(rows, scale)))
    assert view["unseen"], "the element is hidden"
    assert view["labels"]['Don\'t "quote" & <b>bold</b>'] == "a"
    assert view["labels"]["two spaces"] == "b"
    assert "Same" not in view["labels"]
    assert view["labels"]["constructor"] == "constructor"
    assert stance_of(view) == {"FRA": "a", "DEU": "b", "ITA": "a"}


@pytest.mark.parametrize("event_id", list_events())
@pytest.mark.parametrize("region", ["", "Americas"])
def test_each_days_stances_are_the_servers_map_of_that_day(event_id, region):
    """Every day of As of's range: the stances the page holds for it (the world's, for every
    region) are those of the server's map of that day, for every country it draws (the As of
    rule: disagreeing sources, days not given, shading)."""
    event = load_event(event_id)
    keys = tuple(c.key for c in event.scale.with_none)
    inherit = tuple(compose.organizations_in(event.statements))
    part = sections.sections(event)
    days = choropleth.pd.date_range(part.first, part.last)
    countries = boundaries.country_table()
    rows = {
        f"{day:%Y-%m-%d}": compose.day_map_rows(event, day, inherit, "", None, countries)
        for day in days
    }
    held = data_attribute(days_html(rows), "days", DAYS_ID)
    assert held.pop("unseen") and sorted(held) == sorted(rows) and len(days) >= 3
    changes = 0
    for day in days:
        state = ViewState(as_of=day, stances=keys, region=region, inherit=inherit)
        served = compose.compose(event, state).map_rows
        page = stance_of({"stances": held[f"{day:%Y-%m-%d}"]})
        drawn = dict(zip(served["iso3"], served["stance"], strict=True))
        assert {c: page.get(c) for c in drawn} == drawn, f"{day:%d %b}"
        changes += page != stance_of({"stances": held[f"{days[0]:%Y-%m-%d}"]})
    assert changes, "every day the same: the test would pass on a page that ignores As of"


def test_what_the_view_asked_for_is_written_as_the_page_writes_it():
    """The page recolours only when the pills or the day differ from what its view asked for
    (React sets the widgets' attributes again, unchanged, on every render)."""
    rows = choropleth.pd.DataFrame({"iso3": ["FRA"], "stance": ["condemn"]})
    view = quick_colours(rows, DEFAULT_SCALE, ("support", "condemn"), "2026-01-05")
    assert view["asked"] == "condemn support|2026-01-05" and view["day"] == "2026-01-05"
    assert quick_colours(rows, DEFAULT_SCALE)["asked"] == "|"


@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
def test_each_regions_frame_and_countries_are_the_servers_map_of_that_region(phone):
    """Every region of the Region list, and the world: the frame the page turns its map to
    (plotly's rotation and ranges, the map's own box) is the server's map's, and the codes it
    shows are those of every country and small state that map draws; a phone's world map,
    whose dots sit elsewhere, is marked for the server to draw."""
    event = load_event("venezuela-2026-01")
    keys = tuple(c.key for c in event.scale.with_none)
    held = data_attribute(caches.quick_regions(phone), "regions", REGIONS_ID)
    assert held.pop("unseen")
    countries = boundaries.country_table()
    regions = sorted(countries["region"].dropna().unique())
    assert list(held) == [WORLD, *regions] and len(regions) >= 5
    for label, frame in held.items():
        state = ViewState(stances=keys, region="" if label == WORLD else label)
        view = compose.compose(event, state)
        spec = caches._map_spec(view, state, phone, event.scale, "")
        layout, geo = spec["layout"], spec["layout"]["geo"]
        assert frame["rotation"] == geo["projection"]["rotation"]["lon"], label
        assert (frame["lon"], frame["lat"]) == (geo["lonaxis"]["range"], geo["lataxis"]["range"])
        box = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
        assert frame["box"] == box, label
        drawn = {c for t in spec["data"] if t.get("coloraxis") and t.get("visible", True)
                 for c in t["locations"]} | dot_codes(spec)  # fmt: skip
        assert drawn and drawn <= set(frame["codes"].split()), label
        assert set(frame["codes"].split()) == set(view.map_rows["iso3"]), label
        assert frame["narrow"] == (phone and label == WORLD), label


def dot_codes(spec: dict) -> set[str]:
    """The codes of a map's small states' dots (their traces' customdata)."""
    return {
        row[0]
        for t in spec["data"]
        if t["type"] == "scattergeo" and t.get("customdata") is not None
        for row in t["customdata"]
    }


@pytest.mark.parametrize("region", ["", "Europe", "Africa", "Americas", "Asia", "Oceania"])
def test_a_regions_map_holds_the_worlds_other_countries_hidden(region):
    """A region's map holds, in one hidden trace (never hovered, no legend), the shape of every
    country it does not draw: with its own, the world's, for the page to show the moment the
    reader picks another region. The world's map holds none."""
    event = load_event("venezuela-2026-01")
    state = ViewState(stances=tuple(c.key for c in event.scale.with_none), region=region)
    spec = caches._map_spec(compose.compose(event, state), state, False, event.scale, "")
    hidden = [t for t in spec["data"] if t.get("name") == choropleth.ELSEWHERE_NAME]
    world = caches._map_spec(
        compose.compose(event, replace(state, region="")), replace(state, region=""),
        False, event.scale, "",
    )  # fmt: skip
    shapes = {c for t in world["data"] if t.get("coloraxis") for c in t["locations"]}
    if not region:
        assert not hidden
        return
    (trace,) = hidden
    assert trace["visible"] is False and trace["hoverinfo"] == "skip"
    steps = color_steps(event.scale)
    assert {steps[int(z)].color for z in trace["z"]} == {HIDDEN_COLOR}, "blank until coloured"
    assert not trace["showlegend"] and trace["coloraxis"] == "coloraxis"
    own = {c for t in spec["data"] if t.get("coloraxis") and t is not trace for c in t["locations"]}
    assert own and not own & set(trace["locations"])
    assert own | set(trace["locations"]) == shapes
