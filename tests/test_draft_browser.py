"""Drafting in a real browser: paste an article, fix a row, save it as an event, see the map.

The server here reads and writes a copy of the events folder (REACTIONMAP_DATA_DIR), never the
repository's own.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from serving import DESKTOP, WAIT_MS, streamlit_app
from test_browser import (
    FILL_JS,
    GRIDS_JS,
    full_page_screenshot,
    open_cell,
    rgb,
    wait_for_shapes,
)

from reactionmap.contract.scale import DEFAULT_SCALE

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
# Written for the tests: Italy's row comes out "support"; the reader decides it is "concern".
ARTICLE = (
    "Germany condemned the strikes, while Italy welcomed them.\nFrance and Spain urged restraint.\n"
)


@pytest.fixture(scope="module")
def events_copy(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("draft-browser") / "events"
    shutil.copytree(REPO / "data" / "events", root)
    return root


@pytest.fixture(scope="module")
def page(browser, events_copy):
    """The draft page on a server of its own (its saves go to a copy of the events)."""
    with streamlit_app(env={"REACTIONMAP_DATA_DIR": str(events_copy)}) as url:
        context = browser.new_context(viewport=DESKTOP)
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        page.goto(f"{url}/?event=draft")
        yield page
        context.close()


def editor(page) -> dict:
    return next(g for g in page.evaluate(GRIDS_JS) if g and g["editable"])


def test_paste_fix_a_row_save_and_see_the_map(page, events_copy):
    area = page.get_by_label("…or paste the article's text")
    area.fill(ARTICLE)
    area.press("Control+Enter")
    page.wait_for_function(f"() => ({GRIDS_JS})().some(g => g && g.editable && g.rows.length >= 4)")
    rows = editor(page)["rows"]
    italy = next(i for i, r in enumerate(rows) if r["actor_iso3"] == "ITA")
    assert rows[italy]["stance"] == "support"
    # The sentence each row came from, with its actor and stance words marked.
    page.locator("mark.rm-actor", has_text="Italy").first.wait_for()

    # Fix Italy's stance in the editor: open its stance cell, choose "concern".
    open_cell(page, "stance", "actor_iso3", "ITA")
    page.wait_for_function(
        "() => document.activeElement?.getAttribute('role') === 'combobox'"
        " && document.activeElement.id.startsWith('react-select')"
    )  # the cell's list of stances is open, its input focused
    page.keyboard.type("concern")
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"() => ({GRIDS_JS})().some(g => g && g.editable && g.rows.some("
        "r => r.actor_iso3 === 'ITA' && r.stance === 'concern'))"
    )

    # Save as a new event: the article's date and an id, then the event's map opens.
    for part, value in (("year", "2026"), ("month", "01"), ("day", "04")):
        page.get_by_role("spinbutton", name=f"{part}, Article date").click()
        page.keyboard.type(value)
    page.keyboard.press("Tab")
    event_id = page.get_by_label("Event id (new or existing)")
    event_id.fill("strikes-browser")
    event_id.press("Enter")
    page.get_by_role("button", name="Save to the event and open its map").click()
    # The map page, at the app's root, with the event saved.
    page.wait_for_function(
        "() => location.pathname === '/'"
        " && new URLSearchParams(location.search).get('event') === 'strikes-browser'"
    )
    wait_for_shapes(page)
    page.wait_for_function(f"({FILL_JS})('ITA') === '{rgb(DEFAULT_SCALE.color('concern'))}'")
    assert page.evaluate(FILL_JS, "DEU") == rgb(DEFAULT_SCALE.color("condemn"))
    full_page_screenshot(page, "reactionmap-draft-saved-1300x900.png")
    written = pd.read_csv(
        events_copy / "strikes-browser" / "statements.csv", dtype=str, keep_default_na=False
    )
    assert written.set_index("actor_iso3").loc["ITA", "stance"] == "concern"
    # The article's date, given after the fix, kept the fix and is each row's day of report.
    assert set(written["reported"]) == {"2026-01-04"}
