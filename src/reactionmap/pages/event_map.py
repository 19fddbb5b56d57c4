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

SHOWN_CHARACTERS = 80  # of a value from the URL, in a notice


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
            f"No event {md(cut(unknown))}; showing {md(wanted)}. "
            f"Known events: {md(', '.join(events))}"
        )
    with st.sidebar:
        titles = {e: event_title(e) for e in events}
        # The picker starts on the event shown, and falls back to it (not to the first) when
        # the browser sends back a title that is no longer one: the open event's title was
        # edited on disk. The event is kept by its id.
        picked = st.selectbox(
            "Event",
            events,
            index=events.index(wanted),
            format_func=lambda e: titles.get(e, e),
            key="event_pick",
        )
    event_id = str(picked or wanted)
    st.session_state["map_event"] = event_id
    if st.query_params.get("event") != event_id:  # a write is a message, changed or not
        st.query_params["event"] = event_id
    if saved := st.session_state.pop("draft_saved", ""):
        st.success(md(saved))

    try:
        stamp = event_stamp(event_id)
    except EventNotFound as err:  # its folder went away since the page listed it
        st.error(md(err))
        st.stop()
    event = caches.event(event_id, stamp)
    st.title(md(event.title), anchor=False)
    st.caption(captions.event_line(event))
    if event.summary:
        with st.expander("What happened"):
            st.markdown(md(event.summary))
    dashboard.show(event, f"event:{event_id}:{stamp}", event_id, url_event=event_id)


def cut(value: str, limit: int = SHOWN_CHARACTERS) -> str:
    """A value from the URL as a notice shows it: its first ``limit`` characters, and how
    long it was when it is longer (a notice never echoes a long address whole)."""
    if len(value) <= limit:
        return value
    return f"{value[:limit]}… ({len(value):,} characters)"


if __name__ == "__main__":  # run by st.navigation as the page's script
    main()
