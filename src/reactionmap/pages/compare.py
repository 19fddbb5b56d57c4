"""*Compare two events*: each country's stance in A and in B, the cross-table, the change map."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from reactionmap.contract.event import Event
from reactionmap.draw import compare_map, crosstable, frame
from reactionmap.draw.cards import escape_markdown as md
from reactionmap.intake.events import EventNotFound, event_stamp, list_events
from reactionmap.pages import caches
from reactionmap.pages.dashboard import PHONE_PLOTLY_CONFIG, PLOTLY_CONFIG
from reactionmap.places import boundaries
from reactionmap.view import compare
from reactionmap.view.compose import default_as_of
from reactionmap.view.state import is_phone

CROSS_CAPTION = (
    "Rows: the stance in A; columns: the stance in B; each cell, how many countries and which."
)


@st.cache_resource(max_entries=16)
def _table(key: str, _a: Event, _b: Event) -> pd.DataFrame:
    """compare.compare_table, keyed by both events' contents."""
    return compare.compare_table(_a, _b, caches.resolver())


@st.cache_resource(max_entries=16)
def _csv(key: str, _table: pd.DataFrame) -> bytes:
    return compare.compare_csv(_table)


@st.cache_resource(max_entries=32)
def _figure(key: str, _table: pd.DataFrame, _a: Event, _b: Event, phone: bool):
    countries, markers = caches.world()
    rows = compare_map.change_rows(_table, countries, (_a.scale, _b.scale))
    return compare_map.change_figure(
        rows, markers, boundaries.GEOJSON_URL, narrow=phone, width=frame.map_width(phone),
        sea=boundaries.SEA_URL, phone=phone,
    )  # fmt: skip


def _load(event_id: str) -> tuple[Event, str]:
    """An event and its content stamp; a folder gone since the page listed it stops the page."""
    try:
        stamp = event_stamp(event_id)
    except EventNotFound as err:
        st.error(md(err))
        st.stop()
    return caches.event(event_id, stamp), stamp


def _pick(label: str, events: list[str], titles: dict[str, str], param: str, default: str) -> str:
    """A selectbox for one event, starting from the URL's ``param`` (a known event) and written
    back to it."""
    asked = st.query_params.get(param)
    if asked and asked not in events:
        st.warning(f"No event {md(asked)} for {label}; known events: {md(', '.join(events))}")
    start = asked if asked in events else default
    key = f"compare_{param}"
    st.session_state.setdefault(key, start)
    picked = str(st.selectbox(label, events, format_func=lambda e: titles[e], key=key))
    st.query_params[param] = picked
    return picked


def main() -> None:
    events = list_events()
    st.title("Compare two events", anchor=False)
    if len(events) < 2:
        st.info("Comparing needs two events in the events folder; there are " + str(len(events)))
        st.stop()
    loaded = {e: _load(e) for e in events}
    newest = sorted(events, key=lambda e: str(loaded[e][0].date), reverse=True)
    titles = {e: f"{loaded[e][0].title} ({e})" for e in events}
    left, right = st.columns(2)
    with left:
        a_id = _pick("Event A", events, titles, "a", newest[1])
    with right:
        b_id = _pick("Event B", events, titles, "b", newest[0])
    (a, stamp_a), (b, stamp_b) = loaded[a_id], loaded[b_id]
    key = f"{a_id}:{stamp_a}|{b_id}:{stamp_b}"
    table = _table(key, a, b)
    st.caption(
        md(
            f"A: {a.title}, as of {default_as_of(a):%-d %B %Y}. "
            f"B: {b.title}, as of {default_as_of(b):%-d %B %Y}. Each country's latest stance "
            "in each event; harder and softer follow support < neutral < concern < condemn, or a "
            "vote's yes < abstain < no."
        )
    )

    phone = is_phone(st.context.headers.get("User-Agent"))
    st.header("What changed from A to B", anchor=False)
    st.plotly_chart(
        _figure(key, table, a, b, phone),
        key="compare_map",
        config=PHONE_PLOTLY_CONFIG if phone else PLOTLY_CONFIG,
        width="stretch",
        theme=None,
    )
    counts = compare.change_counts(table)
    st.caption(
        ("Tap" if phone else "Hover")
        + " a country to read its statements in both events. "
        + "; ".join(f"{compare.CHANGES[k]}: {n}" for k, n in counts.items())
        + ". "
        + compare.NOT_COMPARABLE_NOTE
    )
    countries = compare.countries(table)
    drawable = set(caches.world()[0]["iso3"])
    if off := sorted(countries.loc[~countries["iso3"].isin(drawable), "name"]):
        st.warning("Not on the map (no shape or dot): " + md(", ".join(off)))
    st.download_button(
        "Download the comparison (CSV)",
        _csv(key, table),
        file_name=f"compare-{a_id}-{b_id}.csv",
        mime="text/csv",
        on_click="ignore",
    )

    st.header("Stance in A against stance in B", anchor=False)
    cross = compare.cross_table(table, a.scale, b.scale)
    st.html(crosstable.cross_html(cross, CROSS_CAPTION))

    if not (others := compare.apart(table)).empty:
        st.header("Organizations and others", anchor=False)
        st.table(_words(others, a, b))

    # The map in words, for screen readers and keyboards: every country that spoke in either.
    st.header("Every country, in words", anchor=False)
    st.table(_words(countries, a, b))


def _words(rows: pd.DataFrame, a: Event, b: Event) -> pd.DataFrame:
    """Rows of compare_table as a reader reads them: name, both stances' labels, the change."""
    return pd.DataFrame(
        {
            "Actor": rows["name"].to_numpy(),
            "Stance in A": [a.scale.label(k) for k in rows["stance_a"]],
            "Stance in B": [b.scale.label(k) for k in rows["stance_b"]],
            "Change": [compare.CHANGES[k] for k in rows["change"]],
        }
    ).set_index("Actor")


if __name__ == "__main__":  # run by st.navigation as the page's script
    main()
