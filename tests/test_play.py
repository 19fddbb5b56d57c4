"""The map's play control (draw.frames): one frame per day, each the map the As-of slider shows
for that day, carrying only what changes; in the dashboard's figure and the published page."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pandas as pd
import pytest

from reactionmap.draw import alternative, choropleth, frames, map_hover
from reactionmap.intake.events import load_event
from reactionmap.places import boundaries
from reactionmap.publish import webpage
from reactionmap.publish.snapshot import snapshot
from reactionmap.view import compose
from reactionmap.view.state import ViewState
from tests.conftest import row, write_event

PLAY_ROWS = [
    row(statement_id="p1", actor="France", stance="condemn", date="2026-03-01", quote="We condemn it."),
    row(statement_id="p4", actor="Luxembourg", stance="condemn", date="2026-03-02", summary="Condemned it."),
    row(statement_id="p2", actor="Germany", stance="concern", date="2026-03-03", summary="Urged restraint."),
    row(statement_id="p3", actor="Brazil", stance="support", date="2026-03-04", summary="Backed it."),
    row(statement_id="p5", actor="France", stance="neutral", date="2026-03-04", quote="We will see."),
    row(statement_id="p6", actor="European Union", actor_type="organization", stance="concern",
        date="2026-03-02", quote="Restraint."),
]  # fmt: skip
DAYS = [pd.Timestamp(f"2026-03-0{d}") for d in range(1, 5)]
MARKERS = boundaries.load_markers()


@pytest.fixture
def event(events_root):
    return load_event(write_event(events_root, "play", PLAY_ROWS))


def view_of(event, as_of=None, stances=None, inherit=()):
    keys = stances or tuple(c.key for c in event.scale.with_none)
    state = ViewState(event.id, as_of, tuple(keys), "", inherit=tuple(inherit))
    return compose.compose(event, state)


def build_for(event, narrow=False):
    def build(view):
        table = map_hover.with_hover(view.map_rows, event.scale)
        return choropleth.map_figure(
            table, event.scale, MARKERS, boundaries.GEOJSON_URL, None, frame=view.frame,
            narrow=narrow,
        )  # fmt: skip

    return build


def drawn(data: list[dict]) -> dict[str, tuple]:
    """Every country and dot as the map draws it: (colour step or dot colour, hover or name),
    the transparent sea, outline and touch cells aside; a legend entry by its label."""
    state: dict[str, tuple] = {}
    for trace in data:
        if trace.get("showlegend"):
            if trace.get("visible", True):
                state[trace["name"]] = ("legend",)
            continue
        if trace.get("name") in ("sea", "selected", choropleth.TOUCH_NAME, "leader lines"):
            continue
        if trace["type"] == "choropleth":
            texts = trace.get("hovertext") or [trace["hovertemplate"]] * len(trace["locations"])
            for code, z, text in zip(trace["locations"], trace["z"], texts, strict=True):
                assert code not in state, f"{code} drawn twice"
                state[code] = (trace["name"], z, text)
        else:
            texts = trace.get("hovertext") or trace.get("text")
            for i, (code, _) in enumerate(trace["customdata"]):
                assert "dot " + code not in state, f"{code}'s dot drawn twice"
                place = (trace["lon"][i], trace["lat"][i])
                state["dot " + code] = (trace["marker"]["color"][i], texts[i], place)
    return state


def merged(data: list[dict], frame: dict) -> list[dict]:
    """The figure's traces once a frame is drawn: each frame trace merged into its own, its
    arrays replaced (as Plotly.animate merges them)."""
    data = copy.deepcopy(data)
    for index, values in zip(frame["traces"], frame["data"], strict=True):
        for key, value in values.items():
            if isinstance(value, dict):
                data[index][key] = {**data[index].get(key, {}), **value}
            else:
                data[index][key] = value
    return data


def as_json(figure) -> dict:
    return frames.plain(figure.to_dict())


def test_play_days_run_from_the_first_day_to_the_as_of(event):
    assert frames.play_days(event.statements, DAYS[-1]) == DAYS
    assert frames.play_days(event.statements, DAYS[2]) == DAYS[:3]
    assert frames.play_days(event.statements, DAYS[0]) == []  # one day: nothing to play
    undated = event.statements.assign(date_precision="unknown")
    assert frames.play_days(undated, DAYS[-1]) == []
    assert frames.play_days(event.statements.iloc[:0], DAYS[-1]) == []


@pytest.mark.parametrize("narrow", [False, True])
@pytest.mark.parametrize(
    "choice",
    [{}, {"stances": ("condemn", "concern")}, {"inherit": ("EU",)}],
    ids=["all", "filtered", "inherited"],
)
def test_each_frame_draws_the_map_of_its_day(event, narrow, choice):
    """Every country, every dot and the legend, on every day: the frame drawn over the figure
    shows what the As-of slider's map shows for that day; the figure itself is the As of's."""
    build = build_for(event, narrow)
    figure = as_json(frames.play_figure(event, view_of(event, **choice), build))
    assert [f["name"] for f in figure["frames"]] == [f"{d:%Y-%m-%d}" for d in DAYS]
    last = drawn(as_json(build(view_of(event, **choice)))["data"])
    assert drawn(figure["data"]) == last
    days_differ = set()
    for day, frame in zip(DAYS, figure["frames"], strict=True):
        expected = drawn(as_json(build(view_of(event, day, **choice)))["data"])
        assert drawn(merged(figure["data"], frame)) == expected, day
        days_differ.add(json.dumps(expected, sort_keys=True))
    assert len(days_differ) == len(DAYS)  # each day's map differs from the others
    # and back from the first to the last day: nothing of the first day is left over
    again = merged(merged(figure["data"], figure["frames"][0]), figure["frames"][-1])
    assert drawn(again) == last


def test_frames_carry_only_what_changes(event):
    figure = as_json(frames.play_figure(event, view_of(event), build_for(event)))
    changing = {i for f in figure["frames"] for i in f["traces"]}
    names = {figure["data"][i]["name"] for i in changing}
    assert names.isdisjoint({"sea", "leader lines"})
    assert "Directly involved (0)" not in names  # a legend entry whose count never changes
    for frame in figure["frames"]:
        for values in frame["data"]:
            assert set(values) <= {"type", "marker", "name", "visible", *frames.CHANGING}
            assert "geojson" not in values and "hovertemplate" not in values


def test_the_play_control_sits_above_the_map_and_ends_on_the_as_of(event):
    view = view_of(event)
    plain = as_json(build_for(event)(view))["layout"]
    layout = as_json(frames.play_figure(event, view, build_for(event)))["layout"]
    assert layout["height"] == plain["height"] + frames.PLAY_ROOM
    assert layout["margin"]["t"] == plain["margin"]["t"] + frames.PLAY_ROOM
    # the legend hangs from the map's foot as before, in px
    assert layout["legend"]["y"] * layout["height"] == pytest.approx(
        plain["legend"]["y"] * plain["height"], abs=1
    )
    slider = layout["sliders"][0]
    assert slider["active"] == len(DAYS) - 1
    assert [s["label"] for s in slider["steps"]] == [f"{d:%-d %b %Y}" for d in DAYS]
    assert [s["args"][0] for s in slider["steps"]] == [[f"{d:%Y-%m-%d}"] for d in DAYS]
    play, pause = layout["updatemenus"][0]["buttons"]
    assert play["label"] == frames.PLAY_LABEL and play["args"][0] is None  # every frame in turn
    assert pause["args"][0] == [None]


def test_an_earlier_as_of_plays_up_to_it(event):
    figure = as_json(frames.play_figure(event, view_of(event, DAYS[1]), build_for(event)))
    assert [f["name"] for f in figure["frames"]] == ["2026-03-01", "2026-03-02"]
    assert drawn(figure["data"]) == drawn(
        as_json(build_for(event)(view_of(event, DAYS[1])))["data"]
    )


def test_a_map_with_one_day_or_none_does_not_play(event):
    one_day = as_json(frames.play_figure(event, view_of(event, DAYS[0]), build_for(event)))
    assert not one_day.get("frames") and "sliders" not in one_day["layout"]


def test_the_published_page_plays_and_says_so(event):
    snap = snapshot(event)
    figure, view = webpage.map_json(snap)
    assert len(json.loads(figure)["frames"]) == len(DAYS) and view["play"] == frames.PLAY_ROOM
    # the dots the page draws are plain lists its script reads, for both placements
    for kind in ("wide", "narrow"):
        dots = [t for t in view["dots"][kind] if t["name"] == "small states"]
        assert all(isinstance(t["lon"], list) for t in dots)
    page = webpage.page_html(snap)
    assert "The map can be played" in page and '"sliders"' in page
    assert json.dumps(frames.BUTTON_NAMES) in page  # what the page's own buttons are called
    still = snapshot(event, as_of="2026-03-01")
    figure, view = webpage.map_json(still)
    assert "frames" not in json.loads(figure) and view["play"] == 0
    assert "The map can be played" not in webpage.page_html(still)


def test_play_note_names_the_days():
    assert alternative.play_note([]) == ""
    note = alternative.play_note(DAYS)
    assert "1 March to 4 March 2026" in note and "ends on 4 March" in note


def test_shipped_events_play_their_days():
    for event_id, days in (("venezuela-2026-01", 3), ("soleimani-2020-01", 6)):
        event = load_event(event_id)
        snap = snapshot(event)
        figure, view = webpage.map_json(snap)
        assert len(json.loads(figure)["frames"]) == days


def test_a_trace_drawn_on_earlier_days_only_is_in_the_figure_empty():
    """A part of the map drawn on some days only (here an inherited stance and its legend
    entry, gone once the member speaks itself) is in the figure every day: empty, its legend
    entry hidden, on the days it is not drawn."""
    countries = {"type": "choropleth", "name": "countries", "hovertemplate": "%{hovertext}"}
    inherited = {**countries, "name": "inherited", "locations": ["DEU"], "z": [1]}
    entry = {"type": "scattergeo", "showlegend": True, "marker": {"color": "#E69F00"}}
    first = [
        {**countries, "locations": ["FRA"], "z": [0], "hovertext": ["France"]},
        {**inherited, "hovertext": ["Germany, inherited"]},
        {
            **entry,
            "name": "Concern, inherited (1)",
            "marker": {"color": "#E69F00", "opacity": 0.45},
        },
    ]
    second = [{**countries, "locations": ["FRA", "DEU"], "z": [0, 1], "hovertext": ["F", "G"]}]
    data, made = frames.day_frames(DAYS[:2], [frames.keyed(first), frames.keyed(second)])
    assert [t["name"] for t in data] == ["countries", "inherited", "Concern, inherited (1)"]
    assert data[1]["locations"] == [] and data[1]["hovertext"] == [] and data[2]["visible"] is False
    assert data[2]["marker"] == {"color": "#E69F00", "opacity": 0.45}
    assert [drawn(merged(data, frame)) for frame in made] == [drawn(first), drawn(second)]


def test_days_with_nothing_new_draw_the_day_before(events_root):
    """A day on which no statement was made draws the map of the day before (the play
    composes it once), and each frame is still its own day's map."""
    rows = [PLAY_ROWS[0], PLAY_ROWS[3]]  # France on the 1st, Brazil on the 4th
    event = load_event(write_event(events_root, "gaps", rows))
    build = build_for(event)
    figure = as_json(frames.play_figure(event, view_of(event), build))
    maps = [drawn(merged(figure["data"], frame)) for frame in figure["frames"]]
    for day, shown in zip(DAYS, maps, strict=True):
        assert shown == drawn(as_json(build(view_of(event, day)))["data"]), day
    assert maps[0] == maps[1] == maps[2] != maps[3]


def test_play_offer_names_the_switch_and_the_days():
    assert alternative.play_offer([]) == ""
    offer = alternative.play_offer(DAYS)
    assert f"“{alternative.PLAY_SWITCH}”" in offer and "1 March to 4 March 2026" in offer


def test_the_dashboard_sends_the_play_only_once_asked():
    """A new view's map carries no frames (a map per earlier day, most of what a new view
    cost the server) until the reader turns the play on; then it plays every day."""
    from streamlit.testing.v1 import AppTest

    app = Path(__file__).resolve().parents[1] / "app.py"
    at = AppTest.from_file(str(app), default_timeout=60)
    at.query_params["event"] = "venezuela-2026-01"
    at.run()
    assert not at.exception, [e.value for e in at.exception]

    def the_map() -> dict:
        charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
        return next(c for c in charts if any(t["type"] == "choropleth" for t in c["data"]))

    assert "frames" not in the_map() and "sliders" not in the_map()["layout"]
    hint = "".join(h.value for h in at.get("html") if "rm-hint" in h.value)
    assert f"“{alternative.PLAY_SWITCH}”" in hint and "The map can be played" not in hint
    at.toggle(key="play").set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(the_map()["frames"]) == 3 and the_map()["layout"]["sliders"]
    hint = "".join(h.value for h in at.get("html") if "rm-hint" in h.value)
    assert "The map can be played" in hint
