"""The event map in Chromium recovers: the open event stays open, by its id, when its title
is edited on disk while a reader uses the page (issue 19)."""

from __future__ import annotations

import re
import shutil

import pytest
from serving import DESKTOP, WAIT_MS, streamlit_app
from test_browser import url_params, wait_for_idle, wait_for_shapes

from reactionmap.contract.event import EVENT_FILE
from reactionmap.contract.paths import ENV_VAR

pytestmark = pytest.mark.browser

OPEN = "venezuela-2026-01"  # not the first by id: a picker reset to its first shows another
STANCES = "[data-testid=stSidebar] [data-testid=stButtonGroup] button"


@pytest.fixture(scope="module")
def events(tmp_path_factory, repo_events):
    root = tmp_path_factory.mktemp("answers") / "events"
    shutil.copytree(repo_events, root)
    return root


@pytest.fixture(scope="module")
def repo_events():
    from conftest import REPO

    return REPO / "data" / "events"


@pytest.fixture(scope="module")
def own_server(browser, events):
    with streamlit_app(env={ENV_VAR: str(events)}) as url:
        yield url


def test_the_open_event_is_kept_by_id_when_its_title_is_edited(browser, own_server, events):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(f"{own_server}/?event={OPEN}")
    wait_for_shapes(page)
    wait_for_idle(page)
    toml = events / OPEN / EVENT_FILE
    toml.write_text(
        re.sub(r"(?m)^title = .*$", 'title = "An edited title"', toml.read_text(), count=1)
    )
    stances = page.locator(STANCES)
    # Each click reruns the page (the browser sends the picker's state back each time): the
    # first run after the edit learns the new title, the later ones must keep the event.
    for n in range(3):
        before = page.evaluate("new URLSearchParams(location.search).get('stance')")
        stances.nth(n).click()
        page.wait_for_function(
            "(s) => new URLSearchParams(location.search).get('stance') !== s", arg=before
        )
        wait_for_idle(page)  # that run is over: what it shows is what the reader sees
        assert page.locator("h1").first.inner_text() == "An edited title"
        assert url_params(page)["event"] == OPEN
    context.close()
