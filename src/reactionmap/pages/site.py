"""The app's pages (one file each) with their titles and addresses, for st.navigation and st.switch_page."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from reactionmap.draw import cards
from reactionmap.intake.events import list_events
from reactionmap.pages import recover
from reactionmap.view.state import DRAFT_PAGE, KEYS, MAP_PAGE, UPLOAD_PAGE

HERE = Path(__file__).resolve().parent
COMPARE_PAGE = "compare"
HOME_PAGE = "events"
# name (the URL's path: /events, /upload, /draft, /compare; the map is the app's root) -> (file, title)
PAGES = {
    HOME_PAGE: ("home.py", "Events"),
    MAP_PAGE: ("event_map.py", "Event map"),
    UPLOAD_PAGE: ("upload.py", "Your own table"),
    DRAFT_PAGE: ("draft.py", "Draft from an article"),
    COMPARE_PAGE: ("compare.py", "Compare two events"),
}
ARRIVED = "site_arrived"  # session state: the session's first run is over


def page(name: str) -> st.Page:
    """One page, as st.navigation lists it and st.switch_page opens it (made during a run)."""
    file, title = PAGES[name]
    return st.Page(HERE / file, title=title, url_path=name, default=name == MAP_PAGE)


def navigation() -> st.Page:
    """The pages at the top of the sidebar (the events list first when there is more than one
    event); returns the page the URL asks for. A reader who opens the app's root with no event
    in its URL, with more than one event, lands on the events list; one event opens on its
    map. A flat list: a named section puts its header inside the <ul>, which screen readers
    misread."""
    st.html(cards.FOCUS_CSS)  # every page: where the keyboard is, visibly
    recover.install()  # every page: a map whose files failed to load is loaded again
    arriving = not st.session_state.get(ARRIVED)
    st.session_state[ARRIVED] = True
    several = len(list_events()) > 1
    shown = st.navigation([page(name) for name in PAGES if several or name != HOME_PAGE])
    asks_a_view = any(key in st.query_params for key in KEYS)
    if arriving and several and shown.url_path == "" and not asks_a_view:
        st.switch_page(page(HOME_PAGE))
    return shown
