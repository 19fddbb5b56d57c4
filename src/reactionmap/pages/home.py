"""The events list, the app's opening page with more than one event: each event's title, date,
counts and small map, newest first, each linking to its map."""

from __future__ import annotations

import base64
import html

import streamlit as st

from reactionmap.draw.cards import escape_markdown as md
from reactionmap.intake.events import EventNotFound, event_stamp, list_events
from reactionmap.pages import caches, site
from reactionmap.publish.thumbnail import thumbnail_png
from reactionmap.view import catalog
from reactionmap.view.state import MAP_PAGE

THUMB_WIDTH = 160  # css px; the PNG is twice as wide
# A card's title wraps (a page link keeps to one line and cuts the rest on a phone) and reads
# as the card's heading; the text keeps the theme's colour (contrast). The words take at
# least 14rem: on a phone they go under the map rather than into a narrow column beside it.
TITLE_CSS = """<style>
[data-testid=stMain] [data-testid=stPageLink] a {height:auto;padding-left:0}
[data-testid=stMain] [data-testid=stPageLink] a * {white-space:normal;overflow:visible;
  text-overflow:clip;font-size:1.05rem;font-weight:600;line-height:1.35}
[data-testid=stLayoutWrapper]:has(> [class*=st-key-rm-words-]) {flex:1 1 14rem;min-width:14rem}
</style>"""


@st.cache_resource(max_entries=32)
def thumbnail(event_id: str, stamp: str) -> str:
    """An event's small map as a data: URL, drawn again whenever one of its files changes
    (``stamp``: their content)."""
    png = thumbnail_png(caches.event(event_id, stamp), caches.resolver())
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def picture(entry: catalog.Entry, stamp: str) -> str:
    """The small map as an <img>, its alt text naming the event."""
    alt = html.escape(f"World map of the reactions to {entry.title}, coloured by stance")
    return (
        f'<img src="{thumbnail(entry.id, stamp)}" alt="{alt}" width="{THUMB_WIDTH}" '
        'style="display:block;max-width:100%;height:auto;border:1px solid #ccc">'
    )


def counts(entry: catalog.Entry) -> str:
    day = f"{entry.date:%-d %B %Y}" if entry.date is not None else "Date not given"
    actors = f"{entry.actors} actor{'s' * (entry.actors != 1)}"
    statements = f"{entry.statements} statement{'s' * (entry.statements != 1)}"
    return f"{day} · {actors} · {statements}"


def card(entry: catalog.Entry, stamp: str | None) -> None:
    """One event: its map, its title as the link to its map, its date and counts. Side by
    side; on a phone, the words under the map."""
    with st.container(border=True, horizontal=True, vertical_alignment="center", gap="medium"):
        if stamp is not None:
            st.html(picture(entry, stamp), width=THUMB_WIDTH)
        with st.container(width="stretch", gap="small", key=f"rm-words-{entry.id}"):
            st.page_link(
                site.page(MAP_PAGE), label=md(entry.title), query_params={"event": entry.id}
            )
            st.caption(md(counts(entry)))
            if entry.problems:
                st.warning(
                    f"{len(entry.problems)} problem(s) in its files, the first: "
                    f"{md(entry.problems[0])}. reactionmap check {md(entry.id)} lists them all."
                )


def main() -> None:
    st.html(TITLE_CSS)
    st.title("Events", anchor=False)
    entries, stamps = [], {}
    for event_id in list_events():
        try:
            stamp = event_stamp(event_id)
        except (EventNotFound, OSError) as err:  # gone, or unreadable, since it was listed
            entries.append(catalog.failed(event_id, f"cannot be read: {err}"))
            continue
        stamps[event_id] = stamp
        entries.append(catalog.entry(caches.event(event_id, stamp)))
    st.caption(f"{len(entries)} events, newest first. Open one to see its map.")
    for entry in catalog.newest_first(entries):
        card(entry, stamps.get(entry.id))


if __name__ == "__main__":  # run by st.navigation as the page's script
    main()
