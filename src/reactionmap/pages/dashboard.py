"""One event's dashboard (filters, map, cards, timeline, table, downloads), on the map and upload pages."""

from __future__ import annotations

import contextlib
import json
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from reactionmap.contract import cells, problems
from reactionmap.contract.event import Event
from reactionmap.contract.scale import DISAGREE_KEY, Scale
from reactionmap.draw import alternative, captions, cards, choropleth, frames, tally, timeline
from reactionmap.draw.cards import escape_markdown as md
from reactionmap.draw.quick_colours import (
    DAYS_ID,
    ELEMENT_ID,
    REGIONS_ID,
    quick_colours,
    quick_colours_html,
)
from reactionmap.pages import caches
from reactionmap.places import boundaries
from reactionmap.publish import downloads, webpage
from reactionmap.view import compose, memo, stance
from reactionmap.view.state import WORLD, ViewState, is_phone

PLOTLY_CONFIG = {
    "topojsonURL": boundaries.TOPOJSON_URL,
    "displaylogo": False,
    "scrollZoom": False,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "toImage"],
}
# A phone's map: its zoom buttons always shown (there is no hover to reveal them), no pan
# button (one finger scrolls the page; the search, the buttons or a pinch zoom the map).
PHONE_PLOTLY_CONFIG = PLOTLY_CONFIG | {
    "displayModeBar": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "toImage", "pan2d"],
}
# The map: a swipe scrolls the page, a pinch zooms it, and a tap is a tap at once (no wait for
# a double-tap zoom, which would swallow a second tap within half a second). Its buttons:
# plotly hides its mode bar until hovered and removes the focus outline of its buttons;
# keyboard readers see both, and a clear ring round the search. On a phone each button is a
# finger's size (44 px).
MAP_CSS = """
.st-key-map .js-plotly-plot { touch-action: manipulation; }
.st-key-map .js-plotly-plot .plotly .modebar:focus-within > :not(.watermark) { opacity: 1; }
.st-key-map .js-plotly-plot .plotly .modebar-btn:focus-visible {
  outline: 2px solid #111; outline-offset: 1px; border-radius: 3px; }
.st-key-country_pick .react-aria-ComboBox > div:focus-within {
  outline: 2px solid #111; outline-offset: 1px; }
"""
PHONE_MAP_CSS = """
.st-key-map .js-plotly-plot .plotly .modebar-btn {
  min-width: 44px; min-height: 44px; padding: 12px; font-size: 20px;
  display: inline-flex; align-items: center; justify-content: center; }
"""
# Once the reader chooses a country (a click, a tap, the search), bring its card under the map
# into view, scrolling no more than needed; focus stays where the reader is. Run once per
# choice (the nonce makes each a new element), only in the browser, never on a page load.
SCROLL_TO_CARD = """<script>
(() => {{
  const code = {code}, choice = {nonce}, shown = 160;  // choice: a new element each time
  const until = Date.now() + 5000;
  const scroller = (el) => {{
    for (let e = el.parentElement; e; e = e.parentElement) {{
      const s = getComputedStyle(e);
      if (/(auto|scroll)/.test(s.overflowY) && e.scrollHeight > e.clientHeight) return e;
    }}
    return document.scrollingElement;
  }};
  const step = () => {{
    const card = document.querySelector(`.rm-picked[data-iso3="${{code}}"]`);
    if (!card) {{ if (Date.now() < until) requestAnimationFrame(step); return; }}
    const box = card.getBoundingClientRect(), view = window.innerHeight;
    const want = Math.min(box.height, shown, view / 2);
    let by = 0;
    if (box.top < 0) by = box.top - 8;
    else if (box.top + want > view) by = box.top + want - view + 8;
    if (!by) return;
    const smooth = !matchMedia("(prefers-reduced-motion: reduce)").matches;
    scroller(card).scrollBy({{top: by, behavior: smooth ? "smooth" : "auto"}});
  }};
  step();
}})();
</script>"""
# The stance table's widths and kinds; its labels are compose.TABLE_COLUMNS'.
COLUMN_KINDS = {
    "actor": lambda label: st.column_config.TextColumn(label, pinned=True),
    "latest_text": lambda label: st.column_config.TextColumn(label, width="large"),
    "statement_count": lambda label: st.column_config.NumberColumn(label, format="%d"),
    "source_url": lambda label: st.column_config.LinkColumn(label),
}

COPY_LINK = """
<button class="rm-copy" type="button" style="border:1px solid #bbb;border-radius:6px;
  background:#fff;padding:.35rem .7rem;cursor:pointer">Copy link to this view</button>
<script>
if (!window.rmCopyLink) {
  window.rmCopyLink = true;
  document.addEventListener("click", async (event) => {
    const button = event.target.closest(".rm-copy");
    if (!button) return;
    const url = window.location.href;
    let copied = false;
    try { await navigator.clipboard.writeText(url); copied = true; } catch (error) {
      const area = document.createElement("textarea");
      area.value = url; document.body.appendChild(area); area.select();
      copied = document.execCommand("copy"); area.remove();
    }
    button.textContent = copied ? "Link copied" : url;
    button.dataset.copied = copied ? url : "";
    setTimeout(() => { button.textContent = "Copy link to this view"; }, 2500);
  });
}
</script>
"""
# A chart's element id includes its figure, so Streamlit (1.67) takes each new map (and each new
# timeline or tally) for another element and keeps the old one in the page, hidden
# (data-retained), until the script run ends: two maps' worth of shapes for the browser to lay
# out. A retained chart's drawing goes as soon as it is retained (the chart itself, an empty
# frame, is unmounted by Streamlit at the run's end).
DROP_RETAINED = """
<script>
if (!window.rmDropRetained) {
  window.rmDropRetained = true;
  const shapes = ".js-plotly-plot path";
  new MutationObserver(() => {
    for (const kept of document.querySelectorAll('[data-retained="true"]')) {
      for (const shape of kept.querySelectorAll(shapes)) shape.remove();
    }
  }).observe(document.body, {subtree: true, childList: true, attributes: true,
                             attributeFilter: ["data-retained"]});
}
</script>
"""


# The page's own recolouring of the drawn map when a pill or As of changes (draw.quick_colours).
QUICK_COLOURS = (
    "<script>"
    + (Path(__file__).parent / "quick_colours.js")
    .read_text(encoding="utf-8")
    .replace("ELEMENT_ID", ELEMENT_ID)
    .replace("DAYS_ID", DAYS_ID)
    .replace("REGIONS_ID", REGIONS_ID)
    .replace("ELSEWHERE_NAME", choropleth.ELSEWHERE_NAME)
    + "</script>"
)


def on_map_select() -> None:
    """A click on a country selects it (the map stays as it is); a click on the sea, or on
    the selected country again, clears the selection and any zoom."""
    code = choropleth.clicked_code(st.session_state["map"]["selection"]["points"])
    code = "" if code == st.session_state["selected"] else code
    st.session_state["selected"] = code
    st.session_state["scroll_to"] = code
    if not code:
        st.session_state["zoom"] = ""


def on_pick() -> None:
    """The search selects its country and zooms the map to it; cleared, the whole map."""
    code = st.session_state["country_pick"] or ""
    st.session_state["selected"] = st.session_state["zoom"] = st.session_state["scroll_to"] = code


def tally_figure(page: compose.PageView, scale: Scale, phone: bool):
    """The tally of the countries shown (a vote's), a phone's with short labels."""
    counts = stance.stance_counts(page.visible, tuple(c.key for c in scale.with_disagree))
    return tally.tally_figure(counts, scale, short=phone)


def shown_table(page: compose.PageView, scale: Scale, dated: bool) -> pd.DataFrame:
    """The stance table as the page shows it: only the columns shown are sent to the browser
    (the CSV download has them all); a column empty in every row (a vote has no words, no
    speaker) is left out; only validated http(s) addresses become links; stances as labels."""
    safe_table = cells.sources_as_shown(page.table)
    return safe_table[compose.table_columns(safe_table, dated=dated)].assign(
        stance=[
            scale.describe(k, s)
            for k, s in zip(safe_table["stance"], safe_table["stances"], strict=True)
        ]
    )


def fill_search(search: DeltaGenerator, choices: dict[str, str], selected: str) -> None:
    """The search (every country, code -> label), in its place above the map but sent after
    the map itself, which a reader waits for."""
    # The widget shows the selection, however it was made (its options may change: its key
    # keeps it the same widget, and the reader's focus in it).
    st.session_state["country_pick"] = selected if selected in choices else None
    search.selectbox(
        "Find a country",
        list(choices),
        index=None,  # nothing chosen at first; a clear button shows the whole map again
        format_func=choices.__getitem__,
        key="country_pick",
        on_change=on_pick,
        placeholder="Type a country's name",
    )
    # (No help icon: it would be one more Tab before the search.) A tooltip cannot be opened
    # from the server: the statement is the card under the map.
    search.caption(
        "Every country, the silent too: the map zooms to it, and its statement shows under the map."
    )


def show(
    event: Event,
    key: str,
    space: str,
    url_event: str = "",
    map_place: DeltaGenerator | None = None,
    list_problems: bool = True,
) -> None:
    """The dashboard of ``event`` under the page's title. ``key`` names its content (for the
    caches), ``space`` its filters' widgets; ``url_event`` is the URL's ``event`` ("" for none).
    ``map_place``, when given, is where the tally and map go (the upload page puts it above
    the reader's table); the rest follows in the page's flow. ``list_problems=False``: the page
    lists the problems itself.
    """
    scale, statements = event.scale, event.statements
    if event.problems and list_problems:
        st.error(captions.problems_line(event))
        st.dataframe(
            problems.grouped_frame(event.problems, set(event.statements["row"])),
            hide_index=True,
            width="stretch",
            column_config={"problem": st.column_config.TextColumn("problem", width="large")},
        )
    if statements.empty:
        (map_place or st).warning("No statement to map yet.")
        st.stop()

    # ---- the search: first in the sidebar (a few Tabs from the page's top), or on a phone,
    # whose sidebar is folded away, right above the map; filled once the view is known ---------
    phone = is_phone(st.context.headers.get("User-Agent"))
    search_slot = None if phone else st.sidebar.container()

    # ---- filters, starting from the URL ---------------------------------------------------------
    countries, markers = caches.world()
    parts = caches.page_sections(key, event)
    first, last = parts.first, parts.last
    # "Sources disagree" is a filter only where some actor's statements differ in stance.
    all_keys = [c.key for c in scale.with_none if parts.disagree or c.key != DISAGREE_KEY]
    regions = sorted(countries["region"].dropna().unique())
    orgs = caches.organizations(key, event)
    resolver = caches.resolver()

    # Each widget has a key; the URL sets its first value only. (A widget whose default changes
    # between reruns gets a new identity, and the reader's change is lost.)
    space = f"{space}|{'.'.join(scale.keys)}"
    asked = ViewState.from_query(
        st.query_params, stances=all_keys, regions=regions, organizations=orgs, dates=(first, last)
    )
    as_of_key = f"as_of|{space}"
    initial = {
        as_of_key: last if asked.as_of is None else asked.as_of.date(),
        f"stances|{space}": list(asked.stances),
        "region": asked.region or WORLD,
        f"inherit|{space}": list(asked.inherit),
    }
    for name, value in initial.items():
        st.session_state.setdefault(name, value)
    st.session_state[as_of_key] = min(max(st.session_state[as_of_key], first), last)
    with st.sidebar:
        if parts.slider:
            as_of = st.slider(
                "As of", min_value=first, max_value=last, format="D MMM YYYY", key=as_of_key
            )
        elif not parts.dated:
            as_of = first
            st.caption("Date not given: the map shows each actor's last row.")
        else:
            as_of = first
            st.caption(f"All statements are from {first:%-d %B %Y}.")
        shown = st.pills(
            "Stances shown",
            all_keys,
            selection_mode="multi",
            format_func=lambda k: md(scale.label(k)),
            key=f"stances|{space}",
        )
        region = st.selectbox("Region", [WORLD, *regions], key="region")
        # No organization spoke: no control that can never be used (its greyed label fails contrast).
        inherit_from = orgs and st.multiselect(
            "Shade members of these organizations when silent",
            orgs,
            format_func=resolver.country_name,
            help="A member that said nothing itself takes its organization's stance, drawn lighter.",
            key=f"inherit|{space}",
        )
    as_of = pd.Timestamp(as_of)
    filters = ViewState(
        event=url_event,
        as_of=as_of,
        stances=tuple(k for k in all_keys if k in shown),  # one order: a view is one cache key
        region="" if region == WORLD else region,
        inherit=tuple(inherit_from),
    )  # the view but the selected country, which the map's rows do not depend on

    view = caches.view(key, event, filters, parts.words_only)
    page = view.page
    # ---- selection: a click on the map, the search, or ?country= -------------------------------
    names = dict(zip(countries["iso3"], countries["name"], strict=True))
    st.session_state.setdefault("selected", asked.country)
    st.session_state.setdefault("zoom", "")
    selected = st.session_state["selected"]
    state = replace(filters, country=selected)
    # On a phone the search sits right above the map, in the page's place for it (the upload
    # page's is above the reader's table); it is filled once the map is sent (fill_search).
    placed = contextlib.ExitStack()
    if map_place is not None:
        placed.enter_context(map_place)
    search = search_slot or st.container()

    # ---- the map --------------------------------------------------------------------------------
    st.html("<style>" + MAP_CSS + frames.PLAY_CSS + (PHONE_MAP_CSS if phone else "") + "</style>")
    play_days = memo.by_statements(
        statements, ("play days", as_of), lambda: frames.play_days(statements, as_of)
    )
    if parts.tally:
        st.header(parts.tally, anchor=False)
        st.plotly_chart(
            caches.once_per_view(
                key,
                "tally",
                filters,
                (phone,),
                lambda: caches.SentFigure(tally_figure(page, scale, phone).to_dict()),
            ),
            config={"displayModeBar": False, "staticPlot": True},
            width="stretch",
            theme=None,
            key="tally",
        )
    # The play's frames (a map per earlier day) only when the reader asks: they were most of
    # what a new view cost the server.
    # Their places are kept on every day, the first too (which has no earlier day to play):
    # an element that comes and goes above the map moves the map to another place in the page,
    # and Streamlit keeps the old map there until the run ends (two maps' shapes at once).
    switch, play_keys = st.empty(), st.empty()
    playing = bool(play_days) and switch.toggle(
        alternative.PLAY_SWITCH,
        key="play",
        help="Adds Play and Pause above the map: the map day by day up to As of.",
    )
    if playing:  # the map's play buttons, for the keyboard and screen readers
        play_keys.html(f"<script>{frames.PLAY_KEYS_JS}</script>", unsafe_allow_javascript=True)
    zoom = st.session_state["zoom"] if st.session_state["zoom"] == selected else ""
    st.plotly_chart(
        caches.map_figure(key, event, view, state, phone, scale, zoom, playing),
        key="map",
        on_select=on_map_select,
        selection_mode="points",
        config=PHONE_PLOTLY_CONFIG if phone else PLOTLY_CONFIG,
        width="stretch",
        theme=None,
    )
    warnings = caches.once_per_view(
        key,
        "not on map",
        filters,
        (),
        lambda: captions.not_on_map(page.not_drawable, scale, parts.words),
    )
    fill_search(search, caches.search_choices(key, view, scale, filters), selected)
    for warning in warnings:
        st.warning(warning)
    # The counts are in the legend. "Hover" where there is a pointer, "tap" on a touch screen.
    when = f"as of {as_of:%-d %B %Y}" if parts.dated else "date not given"
    play_said = alternative.play_note if playing else alternative.play_offer
    hint = lambda: (  # noqa: E731 - made once per view (caches.once_per_view)
        cards.hint_html(
            f"As of {as_of:%-d %B %Y}." if parts.dated else "Date not given.",
            "Hover a country for its "
            + (
                "statement; click it, or find it in “Find a country”, to bring its card here."
                if parts.words
                else "stance; find any country in “Find a country”."
            ),
            "Tap a country, or find it above the map, to see its "
            + ("statement here." if parts.words else "stance."),
            alternative.map_name(filters.region)
            + ". "
            + alternative.map_description(view.map_rows, scale, when, shown)
            + (" " + played if (played := play_said(play_days)) else ""),
        )
    )
    # With the hint, the view's colours for the page's own recolouring of the map the moment a
    # pill or As of changes (quick_colours.js); none while the map plays the days (its frames
    # are other days).
    day = f"{as_of:%Y-%m-%d}" if parts.slider else None
    st.html(
        caches.once_per_view(
            key,
            "hint",
            filters,
            (playing, zoom),
            lambda: (
                hint()
                + (
                    ""
                    if playing
                    else quick_colours_html(
                        quick_colours(
                            # the world's countries, for a region the reader may pick next
                            compose.day_map_rows(
                                event, as_of, filters.inherit, "", resolver, countries
                            ),
                            scale,
                            filters.stances,
                            day,
                            region,
                            bool(zoom),
                        )
                    )
                )
            ),
        )
    )
    if selected:
        chosen = page.cards[page.cards["actor_iso3"] == selected] if parts.words else page.cards[:0]
        st.html(
            cards.CARD_CSS
            + cards.selected_html(
                names.get(selected, selected), chosen, scale, selected, as_of, statements
            )
        )
    # The map in words, for screen readers and keyboards: every country and its stance.
    with st.expander(alternative.TITLE, key="map_as_table", on_change="rerun") as as_table:
        if as_table.open:  # made only when open: a filter change sends none of it otherwise
            st.html(alternative.section_html(view.map_rows, scale, when))
    placed.close()  # the rest in the page's flow

    # ---- cards and organizations (only for rows with words: a vote's rows have none) -------------
    if parts.words:
        left, right = st.columns([3, 2], gap="large")
        first_cards, more_cards, more_count, org_cards = caches.actor_cards(
            key, page, scale, state, statements
        )
        # Counted once per view (on every rerun they were a tenth of a cached rerun's work).
        actors, counted, organization_count = caches.once_per_view(
            key,
            "counts",
            filters,
            (),
            lambda: (
                cards.actor_count(page.cards, statements),
                captions.statements_count(page.cards, statements),
                captions.statements_count(page.organization_cards, statements),
            ),
        )
        with left:
            st.header(f"Statements ({counted})", anchor=False)
            st.html(cards.CARD_CSS + f'<div class="rm-cards">{first_cards}</div>')
            # The rest only when asked for: every card on the page is restyled on every rerun.
            if more_count > 0 and st.toggle(f"Show {more_count} more actors", key="more_cards"):
                st.html(f'<div class="rm-cards">{more_cards}</div>')
            if actors > caches.MAX_CARDS:
                st.caption(
                    f"Showing {caches.MAX_CARDS} of {actors} actors; the table below has them all."
                )
        with right:
            st.header(f"Organizations ({organization_count})", anchor=False)
            if not org_cards:
                st.caption("No organization has spoken as of this date.")
            else:
                st.html(org_cards)
            st.caption(
                "Organizations are not drawn on the map; choose one in the sidebar to shade its "
                "silent members."
            )

    # ---- timeline (none without dates, nor for a vote: one day, no words) -----------------------
    if parts.timeline:
        st.header("Timeline", anchor=False)
        st.plotly_chart(
            caches.timeline_figure(key, page.timeline, filters, event, phone),
            config=PLOTLY_CONFIG | {"displayModeBar": False},
            width="stretch",
            key="timeline",
            theme=None,
        )
        st.html(timeline.key_html(scale, parts.disagree))
        st.caption(captions.TIMELINE_KEY)
        if numbered := captions.milestone_list(event.milestones):
            st.caption("Milestones: " + " · ".join(f"{line}" for line in numbered))
        off = caches.once_per_view(
            key,
            "off the timeline",
            filters,
            (),
            lambda: captions.off_the_timeline(page.timeline, event.milestones),
        )
        for line in off:
            st.caption(line)

    # ---- table and downloads --------------------------------------------------------------------
    st.header("Stance table", anchor=False)
    # Only validated http(s) addresses become links; any other is plain text beside the name.
    st.dataframe(  # made once per view, as Arrow (shown_table): a frame is converted each rerun
        caches.once_per_view(
            key,
            "table",
            filters,
            (),
            lambda: pa.Table.from_pandas(
                shown_table(page, scale, parts.dated), preserve_index=False
            ),
        ),
        hide_index=True,
        width="stretch",
        column_config={
            column: COLUMN_KINDS.get(column, lambda label: label)(label)
            for column, label in compose.TABLE_COLUMNS.items()
        },
    )
    st.caption("The CSV download has the same rows with stable column names and stance keys.")
    # Each file is made only when its button is clicked (a callable), never on every rerun.
    day_shown = as_of if parts.dated else None  # a file name never carries a made-up date
    for files in (
        downloads.data_files(event, page, markers, day_shown),
        downloads.view_files(event, state, resolver),  # the map as an image, the view as a page
    ):
        for column, (label, make, file_name, mime) in zip(st.columns(3), files, strict=True):
            column.download_button(label, make, file_name, mime, on_click="ignore")
    with st.expander("Embed this view", key="embed", on_change="rerun") as embed:
        if embed.open:  # made only when open: a filter change sends none of it otherwise
            # A text box, not st.code: st.code's syntax highlighter is a 1.5 MB bundle that
            # every visit would load for one line of HTML.
            st.text_area(
                "HTML to paste into your page",
                webpage.embed_snippet(f"{event.id}/index.html", event.title),
                height=90,
            )
            # Quoted, not *emphasized*: an italic made every new visitor load a font file of
            # its own (138 KB) for three words.
            st.caption(
                'Unzip "Published page (ZIP)" on any static host (one file, nothing else to '
                "serve) and point `src` at its address. The page shows this view: this date, "
                "stances and region."
            )

    # ---- keep the URL in step with the view, and offer it ----------------------------------------
    # Only what changed: each write is a message to the browser, sent even when unchanged.
    for name, value in state.to_query(all_keys, dated=parts.dated).items():
        if value and st.query_params.get(name) != value:
            st.query_params[name] = value
        elif not value and name in st.query_params:
            del st.query_params[name]
    with st.sidebar:
        # The address bar always holds the view; the button copies it (no syntax-highlighter
        # bundle, unlike st.code). Falls back to showing the link where the clipboard is refused.
        # With each day's stances, for As of (none without a slider, or for a long event).
        days = caches.quick_days(key, event, filters.inherit) if day else ""
        regions_data = caches.quick_regions(phone)  # each region's frame, for a region picked
        st.html(
            COPY_LINK + DROP_RETAINED + QUICK_COLOURS + days + regions_data,
            unsafe_allow_javascript=True,
        )
    # ---- the chosen country's card into view (last: every element above is in place) ----------
    if chosen_now := st.session_state.pop("scroll_to", ""):
        st.session_state["scroll_nonce"] = st.session_state.get("scroll_nonce", 0) + 1
        st.html(
            SCROLL_TO_CARD.format(
                code=json.dumps(chosen_now), nonce=st.session_state["scroll_nonce"]
            ),
            unsafe_allow_javascript=True,
        )
