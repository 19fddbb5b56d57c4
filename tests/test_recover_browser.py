"""The dashboard's map draws though its shapes fail to load at first, names the file when they
never load, and draws while another page of the same server drafts a long article (issue 19)."""

from __future__ import annotations

import pytest
from draft_articles import longest
from serving import DESKTOP, WAIT_MS, app_children, paused
from test_browser import IDLE, wait_for_shapes

pytestmark = pytest.mark.browser

SHAPES = "**/app/static/boundaries/countries.geojson"
RUNNING = "[data-testid=stApp][data-test-script-state=running]"


def _page(browser, server, refuse: int | None):
    """A new browser profile on the map, whose first ``refuse`` requests for the countries'
    shapes are aborted (None: every one); the aborted and the answered are counted."""
    context = browser.new_context(viewport=DESKTOP)
    counts = {"aborted": 0, "answered": 0}

    def route(found):
        if refuse is None or counts["aborted"] < refuse:
            counts["aborted"] += 1
            return found.abort()
        counts["answered"] += 1
        return found.continue_()

    context.route(SHAPES, route)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.counts = counts
    page.goto(f"{server}/?event=venezuela-2026-01")
    return context, page


@pytest.mark.parametrize("refuse", [3])
def test_the_map_draws_when_its_shapes_fail_to_load_at_first(browser, server, refuse):
    context, page = _page(browser, server, refuse)
    try:
        assert wait_for_shapes(page) >= 190
        assert page.counts["aborted"] == refuse and page.counts["answered"] >= 1
        assert page.locator(".rm-map-failed").count() == 0
    finally:
        context.close()


def test_a_map_whose_shapes_never_load_names_the_file(browser, server):
    context, page = _page(browser, server, None)
    try:
        notice = page.locator(".rm-map-failed[role=alert]")
        notice.wait_for()
        text = notice.inner_text()
        assert "The map could not be drawn: countries.geojson" in text
        assert "did not load in 5 tries" in text and "Reload the page" in text
        assert page.counts["aborted"] >= 5 and page.counts["answered"] == 0
    finally:
        context.close()


def test_a_page_draws_its_map_while_another_drafts_a_long_article(browser, server):
    """A long article drafts in the draft page's worker pool: meanwhile a new page of the same
    server draws its whole map. The draft page's workers are paused (SIGSTOP) from before the
    article is sent until the map is drawn, so the draft is under way throughout, however fast
    this machine drafts (left to run, a draft faster than the map made the test pass nothing)."""
    article = longest()
    drafting = browser.new_context(viewport=DESKTOP)
    reading = browser.new_context(viewport=DESKTOP)
    try:
        drafter = drafting.new_page()
        drafter.set_default_timeout(WAIT_MS)
        drafter.goto(f"{server}/draft")
        drafter.wait_for_selector(IDLE, state="attached")  # the page has started its worker
        workers = app_children(server, "reactionmap.draft.worker")
        assert workers, "the draft page started no drafting worker"
        drafting_now = drafter.get_by_text("Drafting the article…")
        with paused(workers):
            area = drafter.get_by_label("…or paste the article's text")
            area.fill(article)
            area.press("Control+Enter")
            drafting_now.wait_for()
            reader = reading.new_page()
            reader.set_default_timeout(WAIT_MS)
            reader.goto(f"{server}/?event=venezuela-2026-01")
            assert wait_for_shapes(reader) >= 190
            # The draft was still under way when the other page's map was drawn.
            assert drafting_now.is_visible()
            assert drafter.locator(RUNNING).count() == 1
        drafting_now.wait_for(state="hidden", timeout=120_000)  # the draft ends once let go
        assert drafter.get_by_text("Not drafted").count() == 0
    finally:
        drafting.close()
        reading.close()
