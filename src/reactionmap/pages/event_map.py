"""The app's default page: the map of an event from the events folder, picked in *Event*."""

from __future__ import annotations

import streamlit as st

from reactionmap.draw import captions
from reactionmap.draw.cards import escape_markdown as md
from reactionmap.intake.events import (
    EventNotFound,
    event_stamp,
    event_title,
    list_events,
    newest_event,
)
from reactionmap.pages import caches, dashboard, site
from reactionmap.view.state import MAP_PAGE, event_to_show, page_asked


def main() -> None:
    params = st.query_params
    events = list_events()
    # An older link (?event=upload, ?event=draft) opens that page.
    other, query = page_asked(params, events)
    if other != MAP_PAGE:
        st.switch_page(site.page(other), query_params=query)
    wanted, unknown = event_to_show(
        params.get("event"), events, st.session_state.get("map_event"), newest_event()
    )
    if unknown:
        st.warning(
            f"No event {md(unknown)}; showing {md(wanted)}. Known events: {md(', '.join(events))}"
        )
    with st.sidebar:
        st.session_state.setdefault("event_pick", wanted)
        titles = {e: event_title(e) for e in events}
        picked = st.selectbox(
            "Event", events, format_func=lambda e: titles.get(e, e), key="event_pick"
        )
    event_id = str(picked or wanted)
    st.session_state["map_event"] = event_id
    st.query_params["event"] = event_id
    if saved := st.session_state.pop("draft_saved", ""):
        st.success(md(saved))

    try:
        stamp = event_stamp(event_id)
    except EventNotFound as err:  # its folder went away since the page listed it
        st.error(md(err))
        st.stop()
    event = caches.event(event_id, stamp)
    st.title(md(event.title))
    st.caption(captions.event_line(event))
    if event.summary:
        with st.expander("What happened"):
            st.markdown(md(event.summary))
    dashboard.show(event, f"event:{event_id}:{stamp}", event_id, url_event=event_id)


if __name__ == "__main__":  # run by st.navigation as the page's script
    main()
