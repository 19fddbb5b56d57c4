"""The app's pages (one file each) with their titles and addresses, for st.navigation and st.switch_page."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from reactionmap.draw import cards
from reactionmap.view.state import DRAFT_PAGE, MAP_PAGE, UPLOAD_PAGE

HERE = Path(__file__).resolve().parent
COMPARE_PAGE = "compare"
# name (the URL's path: /upload, /draft; the map is the app's root) -> (file, title)
PAGES = {
    MAP_PAGE: ("event_map.py", "Event map"),
    UPLOAD_PAGE: ("upload.py", "Your own table"),
    DRAFT_PAGE: ("draft.py", "Draft from an article"),
    COMPARE_PAGE: ("compare.py", "Compare two events"),
}


def page(name: str) -> st.Page:
    """One page, as st.navigation lists it and st.switch_page opens it (made during a run)."""
    file, title = PAGES[name]
    return st.Page(HERE / file, title=title, url_path=name, default=name == MAP_PAGE)


def navigation() -> st.Page:
    """The pages at the top of the sidebar, the map first; returns the page the URL asks for.
    A flat list: a named section puts its header inside the <ul>, which screen readers misread."""
    st.html(cards.FOCUS_CSS)  # every page: where the keyboard is, visibly
    return st.navigation([page(name) for name in PAGES])
