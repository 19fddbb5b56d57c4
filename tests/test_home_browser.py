"""The events list in Chromium: the app's root opens on it with the two shipped events, each
card's link (reached by keyboard, or tapped on a phone) opens its event's map; screenshots."""

from __future__ import annotations

import pytest
from serving import DESKTOP, PHONE, PHONE_CONTEXT, SHOTS, WAIT_MS, is_loopback
from test_browser import wait_for_idle, wait_for_shapes

pytestmark = pytest.mark.browser

SHIPPED = [  # newest first: (id, title)
    ("venezuela-2026-01", "US military operation in Venezuela and capture of Nicolás Maduro"),
    ("soleimani-2020-01", "US drone strike at Baghdad airport that killed Qasem Soleimani"),
]
LINKS = "[data-testid=stMain] [data-testid=stPageLink] a"
# Every small map drawn: each card's <img> loaded from its data: URL.
IMAGES_JS = """(n) => { const imgs = [...document.querySelectorAll('[data-testid=stMain] img')];
    return imgs.length === n && imgs.every(i => i.complete && i.naturalWidth > 0); }"""


def open_list(browser, server, viewport, **options):
    context = browser.new_context(viewport=viewport, **options)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.goto(f"{server}/")
    page.wait_for_function("location.pathname === '/events'")
    page.wait_for_function(IMAGES_JS, arg=len(SHIPPED))
    wait_for_idle(page)
    # A page link is drawn as a link once the page has the app's pages (a message of its own,
    # which may come after the run's elements): wait for every card's link.
    page.wait_for_function(
        "([sel, n]) => document.querySelectorAll(sel).length === n", arg=[LINKS, len(SHIPPED)]
    )
    return context, page


def the_list(page) -> list[tuple[str, str]]:
    """Each card's link: (its text, its address's query)."""
    found = page.eval_on_selector_all(
        LINKS, "links => links.map(a => [a.innerText.trim(), new URL(a.href).search])"
    )
    return [tuple(link) for link in found]


def on_map_of(page, event_id: str, title: str) -> None:
    page.wait_for_function(
        "(id) => new URLSearchParams(location.search).get('event') === id", arg=event_id
    )
    wait_for_shapes(page)
    page.get_by_role("heading", name=title, level=1).wait_for()


def test_the_root_opens_on_the_list_and_the_keyboard_opens_an_event(browser, server):
    context, page = open_list(browser, server, {"width": 1280, "height": 800})
    try:
        assert the_list(page) == [(title, f"?event={e}") for e, title in SHIPPED]
        alts = page.eval_on_selector_all("[data-testid=stMain] img", "i => i.map(x => x.alt)")
        assert [all(w in alt for w in title.split()[:3]) for alt, (_, title) in
                zip(alts, SHIPPED, strict=True)] == [True, True]  # fmt: skip
        page.screenshot(path=str(SHOTS / "home-desktop.png"), full_page=True)
        # Tab from the top of the page to the first card's link, then Enter.
        target = page.locator(LINKS).first
        for _ in range(30):
            page.keyboard.press("Tab")
            if target.evaluate("a => a === document.activeElement"):
                break
        else:
            pytest.fail("the first event's link is not reached by Tab")
        page.keyboard.press("Enter")
        on_map_of(page, *SHIPPED[0])
        assert all(is_loopback(url) for url in page.requests), page.requests
    finally:
        context.close()


def test_a_phone_taps_an_event_of_the_list(browser, server):
    context, page = open_list(browser, server, PHONE, **PHONE_CONTEXT)
    try:
        assert the_list(page) == [(title, f"?event={e}") for e, title in SHIPPED]
        page.screenshot(path=str(SHOTS / "home-phone.png"), full_page=True)
        # Each title wraps within the screen, under its map: never cut off at the edge.
        cut = page.eval_on_selector_all(
            LINKS,
            """links => links.filter(a => { const text = document.createRange();
                text.selectNodeContents(a);
                return text.getBoundingClientRect().right > innerWidth
                    || [a, ...a.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1);
            }).length""",
        )
        assert cut == 0
        page.locator(LINKS).nth(1).tap()
        on_map_of(page, *SHIPPED[1])
        assert page.viewport_size == PHONE
    finally:
        context.close()


def test_a_link_naming_an_event_opens_its_map_not_the_list(browser, server):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    try:
        page.goto(f"{server}/?event={SHIPPED[1][0]}")
        on_map_of(page, *SHIPPED[1])
        assert page.evaluate("location.pathname") == "/"
    finally:
        context.close()
