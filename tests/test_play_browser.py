"""The play control in a real browser: it steps As of through the event's days, and the map
follows, in the dashboard and in the published page (no server)."""

from __future__ import annotations

import pytest
from serving import MAP_JS, PHONE, PHONE_CONTEXT, SHOTS, WAIT_MS
from test_browser import GREY, rgb, wait_for_idle, wait_for_shapes

from reactionmap.contract.paths import ENV_VAR
from reactionmap.contract.scale import DEFAULT_SCALE
from reactionmap.draw.alternative import PLAY_SWITCH
from reactionmap.draw.choropleth import TOUCH_NAME
from reactionmap.draw.frames import BUTTON_NAMES, PLAY_LABEL
from reactionmap.intake.events import load_event
from reactionmap.publish.snapshot import snapshot
from reactionmap.publish.webpage import write_page
from tests.conftest import row, write_event

pytestmark = pytest.mark.browser

EVENT_ID = "play-event"
# Luxembourg (a small state's dot) speaks on the second day, Germany on the third, Brazil on
# the last: the first day's map has none of them.
PLAY_ROWS = [
    row(statement_id="p1", actor="France", stance="condemn", date="2026-03-01",
        quote="We condemn it.", source_name="Paper", source_url="https://example.org/1"),
    row(statement_id="p4", actor="Luxembourg", stance="condemn", date="2026-03-02",
        summary="Condemned it.", source_name="Paper", source_url="https://example.org/4"),
    row(statement_id="p2", actor="Germany", stance="concern", date="2026-03-03",
        summary="Urged restraint.", source_name="Paper", source_url="https://example.org/2"),
    row(statement_id="p3", actor="Brazil", stance="support", date="2026-03-04",
        summary="Backed it.", source_name="Paper", source_url="https://example.org/3"),
]  # fmt: skip
CONCERN = rgb(DEFAULT_SCALE.color("concern"))
CONDEMN = rgb(DEFAULT_SCALE.color("condemn"))
# A small state's dot as drawn: its fill and its place on screen.
DOT_JS = f"""(iso3) => {{ const plot = ({MAP_JS})();
    const dot = [...plot.querySelectorAll('.scattergeo path.point')]
        .find(d => d.__data__ && d.__data__.data && d.__data__.data[0] === iso3);
    if (!dot) return null;
    const box = dot.getBoundingClientRect();
    return {{fill: getComputedStyle(dot).fill, x: Math.round(box.x), y: Math.round(box.y)}}; }}"""
# A country's fill as the map paints it (not a phone's transparent touch cell over it).
FILL_JS = f"""(iso3) => {{ const plot = ({MAP_JS})(); if (!plot) return null;
    const path = [...plot.querySelectorAll('path.choroplethlocation')].find(p =>
        p.__data__ && p.__data__.loc === iso3 && p.parentNode.__data__[0].trace.name !== '{TOUCH_NAME}');
    return path ? getComputedStyle(path).fill : null; }}"""

# Records, after each drawing of the map, the slider's day and Germany's fill and hover text,
# and when the play is over.
RECORD_JS = f"""() => {{ const plot = ({MAP_JS})(), fill = ({FILL_JS}), dot = ({DOT_JS});
    plot.rmDrawn = []; plot.rmDone = false;
    plot.on('plotly_animated', () => {{ plot.rmDone = true; }});
    plot.on('plotly_afterplot', () => {{
        const trace = plot.data.find(t => (t.locations || []).includes('DEU')
            && !['selected', '{TOUCH_NAME}'].includes(t.name));
        const i = trace.locations.indexOf('DEU');
        plot.rmDrawn.push({{day: plot._fullLayout.sliders[0].active, fill: fill('DEU'),
            part: trace.name, hover: (trace.hovertext || [])[i] || '', dot: dot('LUX')}});
    }});
}}"""


@pytest.fixture(scope="module")
def play_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("play") / "events"
    root.mkdir()
    write_event(root, EVENT_ID, PLAY_ROWS)
    return root


@pytest.fixture(scope="module")
def play_server(browser, play_root):
    """The app on a free loopback port, reading the play event only."""
    from serving import streamlit_app

    with streamlit_app(env={ENV_VAR: str(play_root)}) as url:
        yield url


def play_and_record(page, play) -> list[dict]:
    """Press ``play`` by keyboard (focused, as Tab leaves it, then Enter) and wait until the
    play is over; what each drawing of the map showed."""
    page.evaluate(RECORD_JS)
    play.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => ({MAP_JS})().rmDone")
    return page.evaluate(f"() => ({MAP_JS})().rmDrawn")


def assert_played(drawn: list[dict], days: int, dot: dict) -> None:
    """Every day was drawn in turn, Germany silent and grey before it spoke on the third day
    and in its stance's colour after, with its words in its hover; Luxembourg's dot grey on
    the first day, then in its colour, always where the page had drawn it (``dot``); the play
    ended on the last day, the page's As of."""
    assert [d["day"] for d in drawn][-days:] == list(range(days)), drawn
    by_day = {d["day"]: d for d in drawn}
    for day in (0, 1):
        assert by_day[day]["fill"] == GREY and by_day[day]["part"] == "no statement"
    for day in (2, 3):
        assert by_day[day]["fill"] == CONCERN and "Urged restraint" in by_day[day]["hover"]
    assert by_day[0]["dot"] == {**dot, "fill": GREY}
    for day in (1, 2, 3):
        assert by_day[day]["dot"] == dot and dot["fill"] == CONDEMN
    assert drawn[-1]["day"] == days - 1


def test_play_steps_the_dashboard_through_the_days(browser, play_server):
    for name, viewport, options in (
        ("desktop-1280x800", {"width": 1280, "height": 800}, {}),
        ("phone-390x844", PHONE, PHONE_CONTEXT),
    ):
        context = browser.new_context(viewport=viewport, **options)
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        page.goto(f"{play_server}/?event={EVENT_ID}")
        wait_for_shapes(page)
        wait_for_idle(page)
        assert page.evaluate(FILL_JS, "DEU") == CONCERN  # the page's As of: the last day
        # The play is the reader's to ask for (its frames cost the server a map per day): no
        # play control until the switch, reached by the keyboard, is turned on.
        assert page.locator(".updatemenu-button").count() == 0
        about = page.locator(".rm-hint").first.text_content()
        assert f"“{PLAY_SWITCH}”, above the map, adds a Play button" in about
        assert "The map can be played" not in about
        switch = page.get_by_role("switch", name=PLAY_SWITCH)
        switch.focus()
        page.keyboard.press("Space")
        page.locator(".updatemenu-button").first.wait_for()
        wait_for_idle(page)
        assert "The map can be played" in page.locator(".rm-hint").first.text_content()
        slider = page.locator(".slider-container").first
        assert "As of 4 Mar 2026" in slider.text_content()
        page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / f"play-dashboard-{name}.png"))
        play = page.locator(".updatemenu-button").filter(has_text="Play")
        assert play.get_attribute("aria-label") == BUTTON_NAMES[PLAY_LABEL]
        assert_played(play_and_record(page, play), 4, page.evaluate(DOT_JS, "LUX"))
        assert page.evaluate(FILL_JS, "DEU") == CONCERN
        assert "As of 4 Mar 2026" in slider.text_content()
        context.close()


def test_play_steps_the_published_page_through_the_days(browser, play_root, tmp_path):
    """The same play in the published page, opened from disk with every other request
    refused: its frames are in the page, and a phone's world map keeps its dots' places."""
    path = write_page(snapshot(load_event(play_root / EVENT_ID)), tmp_path / "site")
    for name, viewport, options in (
        ("desktop-1280x800", {"width": 1280, "height": 800}, {}),
        ("phone-390x844", PHONE, {"is_mobile": True, "has_touch": True}),
    ):
        context = browser.new_context(viewport=viewport, **options)
        refused: list[str] = []

        def route(request_route, refused=refused):
            if request_route.request.url.startswith("file://"):
                request_route.continue_()
            else:
                refused.append(request_route.request.url)
                request_route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        page.goto(path.resolve().as_uri())
        page.wait_for_function("() => document.getElementById('rm-map').dataset.drawn")
        assert page.evaluate(FILL_JS, "DEU") == CONCERN
        slider = page.locator(".slider-container").first
        assert "As of 4 Mar 2026" in slider.text_content()
        assert "can be played" in page.locator("#rm-map-about").text_content()
        page.screenshot(path=str(SHOTS / f"play-published-{name}.png"))
        assert page.locator(".updatemenu-button").count() == 0  # the page's own buttons
        play = page.get_by_role("button", name=BUTTON_NAMES[PLAY_LABEL])
        assert_played(play_and_record(page, play), 4, page.evaluate(DOT_JS, "LUX"))
        assert page.evaluate(FILL_JS, "DEU") == CONCERN
        assert refused == []
        context.close()
