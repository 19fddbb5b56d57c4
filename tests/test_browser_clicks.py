"""A filter click in a real browser: the page never holds the old map beside the new one."""

from __future__ import annotations

import json

import pytest
from serving import DESKTOP, PHONE, PHONE_CONTEXT, WAIT_MS

from reactionmap.draw import alternative
from reactionmap.places.boundaries import country_table

pytestmark = pytest.mark.browser

EVENT = "venezuela-2026-01"
PATHS = "path.choroplethlocation"
BARS = ".js-plotly-plot .barlayer path"  # the timeline's bands
# Installed before the click: the most country paths (and timeline bands) ever in the page at
# once, on every DOM change.
WATCH_JS = f"""() => {{
    const count = () => document.querySelectorAll('{PATHS}').length;
    const bars = () => document.querySelectorAll('{BARS}').length;
    const w = window.rmWatch = {{most: count(), bars: bars()}};
    new MutationObserver(() => {{
        w.most = Math.max(w.most, count()); w.bars = Math.max(w.bars, bars()); }})
        .observe(document.body, {{subtree: true, childList: true}});
}}"""
# The run the click started has ended: the page shows what it asked for (SHOWN), the app is
# not running, and no element is kept from before the run.
RUN_OVER_JS = """() => (SHOWN)()
    && document.querySelector('[data-testid=stApp]').dataset.testScriptState === 'notRunning'
    && !document.querySelector('[data-retained="true"]')"""
# The countries drawn (the sea is a path of its own).
COUNTRIES_JS = f"""() => [...document.querySelectorAll('{PATHS}')]
    .filter(p => !(p.__data__ && p.__data__.loc === 'SEA')).length"""
FILLS_JS = f"""() => [...document.querySelectorAll('{PATHS}')].map(p => p.style.fill || p.getAttribute('fill')).join()"""


def open_map(browser, server):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(f"{server}/?event={EVENT}")
    page.wait_for_function(f"document.querySelectorAll('{PATHS}').length >= 190")
    page.wait_for_selector(
        "[data-testid=stApp][data-test-script-state=notRunning]", state="attached"
    )
    return context, page


def watched(page, action, shown: str) -> int:
    """The most country paths in the page while ``action``'s script run lasted; checks that
    the timeline was never there twice either (its most bands at once, at most the larger
    of its bands before and after). The run is over when the page shows what it asked for
    (``shown``, a JavaScript predicate), the app is not running and Streamlit has dropped every
    element it kept from before the run (a short run may never show its running state)."""
    before = page.evaluate(f"document.querySelectorAll('{BARS}').length")
    page.evaluate(WATCH_JS)
    action()
    page.wait_for_function(RUN_OVER_JS.replace("SHOWN", shown))
    after = page.evaluate(f"document.querySelectorAll('{BARS}').length")
    bars = page.evaluate("() => window.rmWatch.bars")
    assert before > 0 and bars <= max(before, after), f"{bars} bands at once ({before}, {after})"
    return page.evaluate("() => window.rmWatch.most")


def test_after_a_pill_or_a_region_change_the_page_holds_one_map(browser, server):
    """Streamlit keeps a chart whose figure changed as a hidden copy until the run ends; the
    page drops that copy's shapes at once: never two maps' worth of country paths, nor two
    timelines' bands."""
    context, page = open_map(browser, server)
    shapes = country_table().query("has_shape")
    world = page.evaluate(f"document.querySelectorAll('{PATHS}').length")  # one map's
    sidebar = page.locator("[data-testid=stSidebar]")
    before = page.evaluate(FILLS_JS)

    # The page recolours the drawn map the moment the pill changes (quick_colours.js): the run
    # is over once the server's map, a new chart, has replaced it.
    page.evaluate(
        "() => { for (const p of document.querySelectorAll('.js-plotly-plot')) p.rmOld = 1; }"
    )
    served = """() => { const p = [...document.querySelectorAll('.st-key-map .js-plotly-plot')]
        .find(p => !p.closest('[data-retained="true"]'));
        return !!p && !p.rmOld && p.querySelectorAll('path.choroplethlocation').length >= 190; }"""
    pill = sidebar.get_by_role("button", name="Condemned", exact=True)
    most = watched(page, pill.click, served)
    assert page.evaluate(FILLS_JS) != before, "the pill did not redraw the map"
    assert most <= world, f"{most} country paths at once after a pill click (one map: {world})"

    box = sidebar.get_by_role("combobox", name="Region")
    box.scroll_into_view_if_needed()
    box.click()
    europe = int((shapes["region"] == "Europe").sum())
    option = page.get_by_role("option", name="Europe", exact=True)
    most = watched(page, option.click, f"() => ({COUNTRIES_JS})() === {europe}")
    assert most <= world, f"{most} country paths at once after a region change"
    context.close()


# The map's place in the page: its element's position among the main column's elements.
MAP_PLACE_JS = """() => { const map = document.querySelector('.st-key-map');
    return [...map.parentElement.children].indexOf(map); }"""


def test_as_of_moved_to_the_first_day_never_holds_two_maps(browser, server):
    """The first day has no earlier day to play, so no *Play the days* switch: its place above
    the map is kept all the same, or the map would move to another place in the page, and
    Streamlit would keep the old one there, stale, until the run ends (two maps' shapes)."""
    context, page = open_map(browser, server)
    world = page.evaluate(f"document.querySelectorAll('{PATHS}').length")
    place = page.evaluate(MAP_PLACE_JS)
    slider = page.locator('[data-testid=stSidebar] [class*="st-key-as_of-"] input[type=range]')
    days = round((int(slider.get_attribute("max")) - int(slider.get_attribute("min"))) / 86400e6)
    for _ in range(days):
        slider.focus()
        address = page.evaluate("location.href")
        most = watched(page, lambda: page.keyboard.press("ArrowLeft"),
                       f"() => location.href !== {json.dumps(address)}")  # fmt: skip
        day = slider.get_attribute("aria-valuetext")
        assert page.evaluate(MAP_PLACE_JS) == place, f"the map moved in the page on {day}"
        assert most <= world, f"{most} country paths at once on {day}"
    assert slider.get_attribute("aria-valuetext") == "3 Jan 2026"
    assert page.get_by_text(alternative.PLAY_SWITCH).count() == 0, "a switch with nothing to play"
    context.close()


# Every actor's name on the timeline, and the dates under it: none cut by the chart's edge nor
# drawn over another part (the dashboard reckons the timeline's margins; plotly does not
# measure them).
LABELS_JS = """() => {
    const plots = [...document.querySelectorAll('.js-plotly-plot')];
    const plot = plots[plots.length - 1], box = plot.getBoundingClientRect();
    const area = plot.querySelector('.nsewdrag').getBoundingClientRect();
    const names = [...plot.querySelectorAll('.ytick text')].map(t => {
        const r = t.getBoundingClientRect();
        return {text: t.textContent, left: r.left - box.left, right: r.right - area.left};
    });
    const dates = [...plot.querySelectorAll('.xtick text')].map(t => {
        const r = t.getBoundingClientRect();
        return {text: t.textContent, top: r.top - area.bottom, bottom: box.bottom - r.bottom};
    });
    return {names, dates};
}"""


@pytest.mark.parametrize("size", ["desktop", "phone", "narrow desktop"])
def test_every_name_and_date_on_the_timeline_is_drawn_whole(browser, server, size):
    viewport = {"desktop": DESKTOP, "phone": PHONE, "narrow desktop": {"width": 900, "height": 900}}
    phone = PHONE_CONTEXT if size == "phone" else {}
    context = browser.new_context(viewport=viewport[size], **phone)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(f"{server}/?event={EVENT}")
    page.wait_for_function(f"document.querySelectorAll('{PATHS}').length >= 150")
    page.wait_for_function(
        "() => { const p = [...document.querySelectorAll('.js-plotly-plot')];"
        " return p.length >= 2 && p[p.length - 1].querySelectorAll('.ytick text').length >= 10"
        " && p[p.length - 1].querySelectorAll('.xtick text').length >= 2; }"
    )
    drawn = page.evaluate(LABELS_JS)
    context.close()
    cut = [n["text"] for n in drawn["names"] if n["left"] < 0 or n["right"] > 0]
    assert not cut, f"names cut at the chart's left edge or over the plot: {cut}"
    low = [d["text"] for d in drawn["dates"] if d["top"] < 0 or d["bottom"] < 0]
    assert not low, f"dates over the plot or cut at the chart's foot: {low}"
    assert len(drawn["names"]) >= 10 and len(drawn["dates"]) >= 2
