"""A pill, a day or a region switched in a real browser redraws the drawn map at once, as the
server's map will."""

from __future__ import annotations

import pytest
from serving import DESKTOP, PHONE, PHONE_CONTEXT, WAIT_MS

from reactionmap.intake.events import load_event

pytestmark = pytest.mark.browser

EVENT = "venezuela-2026-01"
PILLS = '[data-testid=stSidebar] [class*="st-key-stances-"] button[aria-pressed]'
SLIDER = '[data-testid=stSidebar] [class*="st-key-as_of-"] input[type=range]'
REGION_BOX = "[data-testid=stSidebar] .st-key-region input[role=combobox]"
# Every drawn country's and small state's colour on the map shown (not a copy Streamlit keeps
# hidden): {code: colour}, colours as the canvas writes them (#rrggbb), the countries' from
# their coloured traces (not the sea, a phone's touch cells or the selection's outline); only
# those shown (a region's map shows its own). And the frame: plotly's rotation and ranges, and
# the map's own box (its height but the mode bar's and the legend's room).
FILLS_JS = """(given) => {
    const plot = given || [...document.querySelectorAll('.st-key-map .js-plotly-plot')]
        .find(p => !p.closest('[data-retained="true"]'));
    const ink = document.createElement('canvas').getContext('2d');
    const hex = (c) => { ink.fillStyle = '#000000'; ink.fillStyle = c; return ink.fillStyle; };
    const traceOf = (n) => n.closest('g.trace').__data__[0].trace;
    const out = {plot: plot ? plot.rmMark || 'new' : null, countries: {}, dots: {}, boxes: {}};
    if (!plot) return out;
    const at = plot.getBoundingClientRect();
    const shown = (n) => getComputedStyle(n).display !== 'none'
        && getComputedStyle(n.closest('g.trace')).display !== 'none';
    for (const p of plot.querySelectorAll('g.trace path.choroplethlocation')) {
        if (!traceOf(p).coloraxis || !shown(p)) continue;
        out.countries[p.__data__.loc] = hex(p.getAttribute('fill'));
        const box = p.getBoundingClientRect();  // where it is drawn, in px from the chart's corner
        out.boxes[p.__data__.loc] = [box.left - at.left, box.top - at.top, box.width, box.height];
    }
    for (const d of plot.querySelectorAll('g.trace.scattergeo path.point')) {
        const rows = traceOf(d).customdata;
        if (rows && shown(d)) out.dots[rows[d.__data__.i][0]] = hex(d.style.fill);
    }
    const full = plot._fullLayout, geo = full.geo;
    out.frame = {rotation: geo.projection.rotation.lon, lon: geo.lonaxis.range,
                 lat: geo.lataxis.range, box: full.height - full.margin.t - full.margin.b};
    return out;
}"""
# Before a pill is switched (or As of moved): the map drawn now is marked, and the colours are
# taken the moment the pill's pressed state (the slider's day) changes, right after the page's
# own recolouring (a MutationObserver made later is told later), long before the server can
# answer.
ARM_JS = f"""() => {{
    const plot = [...document.querySelectorAll('.st-key-map .js-plotly-plot')]
        .find(p => !p.closest('[data-retained="true"]'));
    plot.rmMark = 'old';
    window.rmQuick = null;
    // React sets a widget's attributes again on every render, unchanged: only a change counts.
    const asked = () => [...document.querySelectorAll('{PILLS}')]
        .map(p => p.getAttribute('aria-pressed')).join() + '|'
        + (document.querySelector('{SLIDER}') || {{}}).value;
    const before = asked();
    const watch = new MutationObserver(() => {{
        if (asked() === before) return;
        window.rmQuick = ({FILLS_JS})();
        watch.disconnect();
    }});
    watch.observe(document.body, {{subtree: true, attributes: true,
                                   attributeFilter: ['aria-pressed', 'aria-valuetext']}});
}}"""
# The run the switch started is over (the address bar holds the new view, written at the run's
# end; the app is not running; nothing kept from before), and its map is drawn: a new chart, or
# the one before when the figure did not change.
SERVED_JS = """(before) => {
    const plots = [...document.querySelectorAll('.st-key-map .js-plotly-plot')];
    const shown = plots.find(p => !p.closest('[data-retained="true"]'));
    return location.href !== before && !!shown
        && shown.querySelectorAll('path.choroplethlocation').length >= 190
        && document.querySelector('[data-testid=stApp]').dataset.testScriptState === 'notRunning'
        && !document.querySelector('[data-retained="true"]');
}"""


def open_map(browser, server, phone: bool = False):
    context = browser.new_context(
        viewport=PHONE if phone else DESKTOP, **(PHONE_CONTEXT if phone else {})
    )
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(f"{server}/?event={EVENT}")
    page.wait_for_function(SERVED_JS, arg="")
    return context, page


def switched(page, switch) -> tuple[dict, dict, dict]:
    """The map's colours before ``switch`` (an action on a pill), the moment it switched, and
    once the server's map is drawn."""
    before, address = page.evaluate(FILLS_JS), page.evaluate("location.href")
    page.evaluate(ARM_JS)
    switch()
    page.wait_for_function("() => window.rmQuick !== null")
    page.wait_for_function(SERVED_JS, arg=address)
    return before, page.evaluate("() => window.rmQuick"), page.evaluate(FILLS_JS)


def assert_same_map(quick: dict, served: dict, what: str, dots_may_wait: bool = False) -> None:
    """The colours taken at the switch are the server's, for every country and dot drawn, and
    so is the frame. ``dots_may_wait``: a region's map holds its own small states' dots only,
    and the others' come with the server's map of another region."""
    assert quick["plot"] == "old", f"{what}: taken after the server's map came"
    assert quick["frame"] == served["frame"], f"{what}: another frame than the server's"
    moved = {
        code: (box, served["boxes"][code])
        for code, box in quick["boxes"].items()
        if code in served["boxes"]
        and max(abs(a - b) for a, b in zip(box, served["boxes"][code], strict=True)) > 1.5
    }
    assert not moved, f"{what}: countries drawn elsewhere than on the server's map: {moved}"
    for part in ("countries", "dots"):
        drawn, wanted = set(quick[part]), set(served[part])
        assert drawn <= wanted, (
            f"{what}: {part} drawn that the server's map does not: {drawn - wanted}"
        )
        if not (part == "dots" and dots_may_wait):
            assert drawn == wanted, f"{what}: {part} missing: {sorted(wanted - drawn)}"
        wrong = {c: (quick[part][c], served[part][c]) for c in drawn
                 if quick[part][c] != served[part][c]}  # fmt: skip
        assert not wrong, f"{what}: {part} coloured otherwise than the server's map: {wrong}"


def test_every_pill_off_and_on_recolours_every_country_at_once_as_the_server_does(browser, server):
    """Each stance of the scale, switched off then on again with the mouse: the drawn map
    takes, in the click's own moment, the colours the server's map then draws, for all 240
    countries and small states' dots; switching off changes the colours of that stance's
    countries (there are some for every stance of this event)."""
    scale = load_event(EVENT).scale
    context, page = open_map(browser, server)
    sidebar = page.locator("[data-testid=stSidebar]")
    for category in scale.with_none:
        pill = sidebar.get_by_role("button", name=category.label, exact=True)
        before, quick, served = switched(page, pill.click)
        assert_same_map(quick, served, f"{category.label} off")
        changed = [
            c for c in served["countries"] if served["countries"][c] != before["countries"][c]
        ]
        assert changed, f"switching {category.label} off changed no country's colour"
        before, quick, served = switched(page, pill.click)
        assert_same_map(quick, served, f"{category.label} on")
    context.close()


def test_a_pill_pressed_from_the_keyboard_or_tapped_on_a_phone_recolours_at_once(browser, server):
    """The pressed state is the page's, however the pill was switched: Space on a focused pill,
    and a tap on a phone (whose pills are in the sidebar it opens)."""
    context, page = open_map(browser, server)
    pill = page.locator("[data-testid=stSidebar]").get_by_role(
        "button", name="Supported", exact=True
    )
    pill.focus()
    _, quick, served = switched(page, lambda: page.keyboard.press("Space"))
    assert_same_map(quick, served, "Space on Supported")
    context.close()

    context, page = open_map(browser, server, phone=True)
    page.get_by_test_id("stExpandSidebarButton").tap()
    pill = page.locator("[data-testid=stSidebar]").get_by_role(
        "button", name="Condemned", exact=True
    )
    _, quick, served = switched(page, pill.tap)
    assert_same_map(quick, served, "a tap on Condemned")
    context.close()


@pytest.mark.parametrize("event_id", ["venezuela-2026-01", "soleimani-2020-01"])
def test_as_of_moved_a_day_recolours_every_country_at_once_as_the_server_does(
    browser, server, event_id
):
    """As of moved from the keyboard, a day at a time, from the last day to the first and
    back with a stance switched off: at each day the drawn map takes, the moment the slider's
    day changes, the colours of the server's map of that day, for every country and dot."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(f"{server}/?event={event_id}")
    page.wait_for_function(SERVED_JS, arg="")
    slider = page.locator(SLIDER)
    days = round((int(slider.get_attribute("max")) - int(slider.get_attribute("min"))) / 86400e6)
    assert days >= 2
    changed = 0
    for key, pill in (("ArrowLeft", None), ("ArrowRight", "Condemned")):
        if pill:  # the way back with a stance off: the day's stances and the pills together
            button = page.locator("[data-testid=stSidebar]").get_by_role("button", name=pill)
            assert_same_map(*switched(page, button.click)[1:], f"{pill} off")
        for _ in range(days):
            slider.focus()
            day = slider.get_attribute("aria-valuetext")
            before, quick, served = switched(page, lambda k=key: page.keyboard.press(k))
            assert slider.get_attribute("aria-valuetext") != day, "the slider did not move"
            assert_same_map(quick, served, f"{key} from {day}")
            changed += before["countries"] != served["countries"]
    assert changed >= 2, "no day changed the map: the test would pass on a page that ignores As of"
    context.close()


# Before a region is picked: the map drawn now is marked, and taken the moment the page has
# redrawn it for the region picked (its "rm-redrawn" event).
REGION_ARM_JS = f"""() => {{
    const plot = [...document.querySelectorAll('.st-key-map .js-plotly-plot')]
        .find(p => !p.closest('[data-retained="true"]'));
    plot.rmMark = 'old';
    window.rmQuick = null;
    plot.addEventListener('rm-redrawn', () => {{ window.rmQuick = ({FILLS_JS})(plot); }},
                          {{once: true}});
}}"""

# The run the region started is over, and its map is drawn: a new chart (another region is
# another figure), with fewer countries than the world's.
REGION_SERVED_JS = """(before) => {
    const plots = [...document.querySelectorAll('.st-key-map .js-plotly-plot')];
    const shown = plots.find(p => !p.closest('[data-retained="true"]'));
    return location.href !== before && !!shown && !shown.rmMark
        && shown.querySelectorAll('path.choroplethlocation').length >= 1
        && document.querySelector('[data-testid=stApp]').dataset.testScriptState === 'notRunning'
        && !document.querySelector('[data-retained="true"]');
}"""


def region_picked(
    page, region: str, keyboard: bool = False, redrawn: bool = True, touch: bool = False
) -> tuple[dict, dict | None, dict]:
    """The map before ``region`` is picked in the sidebar's list (by a click on its option, a
    tap with ``touch``, or typed and chosen with Enter), the moment the page redrew it (None
    when it did not: not ``redrawn``), and once the server's map is drawn."""
    before, address = page.evaluate(FILLS_JS), page.evaluate("location.href")
    box = page.locator("[data-testid=stSidebar]").get_by_role("combobox", name="Region")
    box.scroll_into_view_if_needed()
    page.evaluate(REGION_ARM_JS)
    if keyboard:
        box.focus()
        page.keyboard.type(region)
        page.get_by_role("option", name=region, exact=True).wait_for()
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
    elif touch:  # on a touch screen the list opens from its button (a tap on the box types)
        page.locator("[data-testid=stSidebar] .st-key-region").get_by_role("button").tap()
        page.get_by_role("option", name=region, exact=True).tap()
    else:
        box.click()
        page.get_by_role("option", name=region, exact=True).click()
    if redrawn:
        page.wait_for_function("() => window.rmQuick !== null")
    page.wait_for_function(REGION_SERVED_JS, arg=address)
    return before, page.evaluate("() => window.rmQuick"), page.evaluate(FILLS_JS)


def test_a_region_picked_reframes_the_drawn_map_at_once_as_the_server_does(browser, server):
    """Every region of the list, from the world and from another region, with a stance
    switched off: the moment the list closes on it, the drawn map shows the server's frame
    (plotly's rotation and ranges, the map's box, where each country is drawn) and only the
    region's countries and dots, in the server's colours; the world again at the end. (The
    frames are every event's; each event's colours by region: tests/test_quick_colours.py.)"""
    event_id = EVENT
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(f"{server}/?event={event_id}")
    page.wait_for_function(SERVED_JS, arg="")
    regions = [r for r in page.evaluate(
        "() => Object.keys(JSON.parse(document.getElementById('rm-quick-regions').dataset.regions))"
    )]  # fmt: skip
    world, others = regions[0], regions[1:]
    assert world == "World" and len(others) >= 5, regions
    button = page.locator("[data-testid=stSidebar]").get_by_role("button", name="Condemned")
    assert_same_map(*switched(page, button.click)[1:], "Condemned off")
    drawn = world
    for region in [*others, world]:
        before, quick, served = region_picked(page, region)
        assert quick["frame"] != before["frame"], f"{region}: the frame did not move"
        assert_same_map(quick, served, f"{region} from {drawn}", dots_may_wait=drawn != world)
        drawn = region
    assert len(served["countries"]) >= 190, "the world's countries are not all back"
    context.close()


def test_a_region_typed_and_chosen_from_the_keyboard_or_tapped_on_a_phone_reframes_at_once(
    browser, server
):
    """The list's choice is the page's, however it was made: typed and chosen with the keyboard;
    and on a phone, from one region to another (a phone's world map puts its small states' dots
    elsewhere: from the world, the page waits for the server)."""
    context, page = open_map(browser, server)
    before, quick, served = region_picked(page, "Africa", keyboard=True)
    assert quick["frame"] != before["frame"]
    assert_same_map(quick, served, "Africa typed")
    context.close()

    context, page = open_map(browser, server, phone=True)
    page.get_by_test_id("stExpandSidebarButton").tap()
    _, quick, _ = region_picked(page, "Europe", redrawn=False, touch=True)
    assert quick is None, "a phone's world map redrawn by the page, its dots out of place"
    before, quick, served = region_picked(page, "Americas", touch=True)
    assert quick["frame"] != before["frame"]
    assert_same_map(quick, served, "the Americas from Europe on a phone", dots_may_wait=True)
    context.close()
