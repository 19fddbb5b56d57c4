"""The page *Compare two events* in Chromium: the change map's hover shows both statements of a
country that changed and the one of a country only in one event; the permalink; the CSV."""

from __future__ import annotations

from pathlib import Path

import pytest
from serving import DESKTOP, PHONE, PHONE_CONTEXT, SHOTS, WAIT_MS, is_loopback
from test_accessibility import describe, run_axe, show_everything
from test_browser import (
    POINT_JS,
    SHAPE_COUNT_JS,
    full_page_screenshot,
    squeeze,
    url_params,
    wait_for_idle,
)

from reactionmap.intake.events import load_event
from reactionmap.view import compare

pytestmark = pytest.mark.browser

A, B = "venezuela-2026-01", "soleimani-2020-01"
QUERY = f"compare?a={A}&b={B}"


@pytest.fixture(scope="module")
def table():
    return compare.compare_table(load_event(A), load_event(B))


@pytest.fixture
def open_compare(browser, server):
    """open_compare(query, viewport, **context options) -> the page, its change map drawn and
    its first run over; every request it made is in ``page.requests``."""
    contexts = []

    def _open(query=QUERY, viewport=DESKTOP, **options):
        context = browser.new_context(viewport=viewport, accept_downloads=True, **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        page.requests = []
        page.on("request", lambda r: page.requests.append(r.url))
        page.goto(f"{server}/{query}")
        page.wait_for_function(f"({SHAPE_COUNT_JS})() >= 190")
        wait_for_idle(page)
        return page

    yield _open
    for context in contexts:
        context.close()


def hover_text(page, iso3: str) -> str:
    """The hover label the change map shows with the pointer inside ``iso3``'s shape."""
    page.locator("[data-testid=stPlotlyChart]").first.scroll_into_view_if_needed()
    point = page.evaluate(POINT_JS, iso3)
    assert point, f"no drawn shape for {iso3}"
    page.mouse.move(point["x"], point["y"])
    page.wait_for_function(
        "(name) => [...document.querySelectorAll('.hoverlayer .hovertext')]"
        ".some(h => h.textContent.includes(name))",
        arg=iso3_name(iso3),
    )
    label = page.locator(".hoverlayer .hovertext").first
    return " ".join(label.locator("tspan.line").all_text_contents() or [label.text_content()])


NAMES = {"BRA": "Brazil", "AFG": "Afghanistan", "ARG": "Argentina"}


def iso3_name(iso3: str) -> str:
    return NAMES[iso3]


def words(statement: str) -> str:
    """A statement's first words as the label shows them (spaces lost to line breaks)."""
    return squeeze(statement.strip("“”"))[:30]


def test_hover_shows_both_statements_of_a_country_that_changed(open_compare, table):
    page = open_compare()
    brazil = table.set_index("iso3").loc["BRA"]
    text = hover_text(page, "BRA")
    assert "Softer in B" in text
    assert "A: Condemned" in text and "B: Supported" in text
    assert words(brazil["statement_a"]) in squeeze(text)
    assert words(brazil["statement_b"]) in squeeze(text)
    page.screenshot(path=str(SHOTS / "reactionmap-compare-hover-brazil.png"))


def test_hover_shows_the_one_statement_of_a_country_in_one_event(open_compare, table):
    page = open_compare()
    for iso3, change, letter, other in (
        ("AFG", "Only in B", "B", "A"),
        ("ARG", "Only in A", "A", "B"),
    ):
        row = table.set_index("iso3").loc[iso3]
        text = hover_text(page, iso3)
        assert change in text
        assert f"{letter}: " in text and f"{other}: " not in text
        statement = row["statement_b" if letter == "B" else "statement_a"]
        assert words(statement) in squeeze(text)
    assert all(is_loopback(url) for url in page.requests), [
        u for u in page.requests if not is_loopback(u)
    ]


def test_the_page_keeps_its_events_in_the_url_and_downloads_the_cli_csv(open_compare, table):
    page = open_compare()
    assert url_params(page) == {"a": A, "b": B}
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the comparison (CSV)").click()
    assert Path(info.value.path()).read_bytes() == compare.compare_csv(table)
    # The cross-table: Brazil condemned in A, supported in B.
    cell = page.locator(".rm-cross tbody tr", has_text="Condemned").first
    assert "1: Brazil" in cell.text_content()
    assert page.locator(".rm-cross").get_attribute("tabindex") == "0"
    # With no a and b, the two newest events: the older as A.
    page = open_compare("compare")
    page.wait_for_function("() => new URLSearchParams(location.search).get('b') !== null")
    assert url_params(page) == {"a": B, "b": A}


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_axe_finds_no_serious_barrier(open_compare, size):
    """axe-core (as tests/test_accessibility.py runs it) on the whole page, at a desktop's and a
    phone's width; a full-page screenshot of each for a person to look at."""
    if size == "desktop":
        page = open_compare(viewport={"width": 1280, "height": 800})
    else:
        page = open_compare(viewport=PHONE, **PHONE_CONTEXT)
    full_page_screenshot(page, f"reactionmap-compare-{size}.png")
    show_everything(page)
    violations = run_axe(page)
    assert not violations, describe(violations)
