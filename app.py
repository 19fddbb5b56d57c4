"""reactionmap's Streamlit page: layout, widgets and caching wrappers over the package."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from reactionmap.contract import cells, problems
from reactionmap.contract.event import Event
from reactionmap.contract.scale import DEFAULT_SCALE, SCALE_PRESETS, VOTE_SCALE
from reactionmap.contract.statements import DATE_PRECISIONS, statements_csv
from reactionmap.draw import captions, cards, choropleth, tally, timeline
from reactionmap.draw.cards import escape_markdown as md
from reactionmap.intake import digests, stance_words, unvotes
from reactionmap.intake.columns import guess_columns, with_columns
from reactionmap.intake.events import (
    EventNotFound,
    event_stamp,
    event_title,
    list_events,
    load_event,
)
from reactionmap.intake.statements import event_from_table, still_standing
from reactionmap.intake.tables import MAX_BYTES, TableRefused, read_table
from reactionmap.places import boundaries
from reactionmap.places.resolver import default_resolver
from reactionmap.publish import downloads, webpage
from reactionmap.view import compose, stance
from reactionmap.view.state import WORLD, ViewState

UPLOAD = "Your own table"
UPLOAD_PARAM = "upload"  # ?event=upload opens the page for a table of one's own
UN_FILE = "UNGA_voting.csv"  # how the UN Digital Library's bulk file is usually saved
SCALE_NAMES = {"default": "Reactions (condemn … support)", "vote": "Vote (yes/no/…)"}
DRAFT = "Draft from an article"
DRAFT_PARAM = "draft"  # ?event=draft opens the drafting page
FIRST_CARDS = 8  # shown at once; the rest, up to MAX_CARDS, behind "more"
MAX_CARDS = 60
NARROW_HEIGHT = 400  # a map this short is a phone's: its world view spreads the dots farther
PLOTLY_CONFIG = {
    "topojsonURL": boundaries.TOPOJSON_URL,
    "displaylogo": False,
    "scrollZoom": False,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "toImage"],
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

st.set_page_config(page_title="reactionmap", page_icon="🗺️", layout="wide")


# ---- caches. Arguments starting with _ are not hashed: `key` names the event's content. ----
@st.cache_resource
def resolver():
    return default_resolver()


@st.cache_resource
def world():
    return boundaries.country_table(), boundaries.load_markers()


@st.cache_resource
def frames():
    return boundaries.region_bounds(boundaries.load_countries())


@st.cache_resource(max_entries=8)
def cached_event(event_id: str, stamp: str) -> Event:
    """An event's files, read again whenever one of them changes (``stamp``: their content)."""
    return load_event(event_id, resolver=resolver())


@st.cache_resource(max_entries=4)
def cached_upload(name: str, digest: str, _data: bytes):
    return read_table(_data, name)


@st.cache_resource(max_entries=4)
def cached_un_scan(name: str, digest: str, _data: bytes, symbol: str | None):
    return unvotes.scan(_data, symbol)


@st.cache_resource(max_entries=8)
def cached_un_event(name: str, digest: str, symbol: str, _data: bytes) -> Event:
    found = cached_un_scan(name, digest, _data, symbol)
    return unvotes.to_event(unvotes.vote_event(found.rows, symbol), name, resolver())


@st.cache_resource(max_entries=4)
def cached_table_event(name: str, digest: str, scale_name: str, _raw, _problems) -> Event:
    return event_from_table(_raw, SCALE_PRESETS[scale_name], name, resolver(), _problems)


@st.cache_resource(max_entries=8)
def cached_words(key: str, _event: Event) -> tuple[bool, bool]:
    """Whether any, and whether every, statement carries words (a vote's carry none)."""
    return tally.has_text(_event.statements), tally.has_text(_event.statements, every=True)


@st.cache_resource(max_entries=64)
def cached_columns(key: str, state: ViewState, _table, no_dates: bool) -> list[str]:
    return compose.table_columns(_table, dated=not no_dates)


@st.cache_resource(max_entries=8)
def cached_range(key: str, _event: Event):
    return compose.as_of_range(_event.statements)


@st.cache_resource(max_entries=64)
def cached_view(key: str, _event: Event, state: ViewState) -> compose.PageView:
    codes = world()[0]["iso3"]
    region = boundaries.region_codes(state.region)
    return compose.page_view(
        _event, state.as_of, state.inherit, state.stances, codes, region, resolver()
    )


@st.cache_resource(max_entries=64)
def cached_cards(key: str, _page: compose.PageView, _scale, state: ViewState):
    """(first cards, the rest, how many more, organization cards) as HTML: one card per
    actor, its earlier statements folded under it."""
    html = cards.actor_cards(_page.cards, _scale, state.country)[:MAX_CARDS]
    return (
        "".join(html[:FIRST_CARDS]),
        "".join(html[FIRST_CARDS:]),
        len(html) - FIRST_CARDS,
        "".join(cards.actor_cards(_page.organization_cards, _scale)),
    )


@st.cache_resource(max_entries=64)
def cached_map(key, _rows, state: ViewState, height, _scale):
    countries, markers = world()
    region = state.region
    if region:
        countries = countries[countries["region"] == region]
    table = choropleth.map_table(_rows, countries, _scale, set(state.stances))
    return choropleth.map_figure(
        table,
        _scale,
        markers,
        boundaries.GEOJSON_URL,
        state.country or None,
        height=height,
        frame=frames().get(region) if region else None,
        shown_keys=state.stances,
        narrow=height < NARROW_HEIGHT and not region,
        sea=boundaries.SEA_URL,
    )


@st.cache_resource(max_entries=64)
def cached_timeline(key, _rows, state: ViewState, _event: Event):
    return timeline.timeline_figure(_rows, _event.milestones, _event.scale, state.as_of)


def un_vote_upload(name: str, data: bytes) -> tuple[Event, str]:
    """The UN voting file: pick a resolution (the newest first), map its vote."""
    try:
        found = cached_un_scan(name, digests.of_bytes(data), data, None)
    except ValueError as err:  # pyarrow's parse errors are ValueErrors too
        st.error(f"{md(name)} has the UN voting file's header but cannot be read: {md(err)}")
        st.stop()
    listing = found.resolutions
    symbols = list(listing["symbol"])
    titles = dict(zip(listing["symbol"], listing["date"] + " · " + listing["title"], strict=True))
    st.title("UN General Assembly vote")
    symbol = st.selectbox(
        f"Resolution ({len(symbols)} in this {found.layout}-layout file, newest first)",
        symbols,
        format_func=lambda s: f"{s} · {titles[s][:90]}",  # options are plain text
        key=f"resolution|{digests.of_bytes(data)}",
    )
    event = cached_un_event(name, digests.of_bytes(data), symbol, data)
    st.subheader(md(event.title))
    st.caption(
        f"{event.date:%-d %B %Y} · UN Digital Library voting file ({found.layout} layout) · "
        "scale: vote (Y, N, A; X, NV or blank for non-voting)"
    )
    if event.summary:
        st.caption(md(event.summary))
    return event, f"un:{digests.of_bytes(data)}:{symbol}"


def table_upload(name: str, data: bytes) -> tuple[Event, str]:
    """Any table: say which columns hold the countries and the stance, detect the scale, map
    the values no scale reads, let the reader fix cells."""
    st.title("Map your own table")
    st.caption(
        "Only a country column and a stance column are required; any other column of the data "
        "contract is used when present. Problems are listed below; every good row is mapped."
    )
    try:
        raw, read_problems = cached_upload(name, digests.of_bytes(data), data)
    except TableRefused as err:
        st.error(f"Refused: {md(err)}")
        if len(data) > MAX_BYTES:
            st.caption("Import it on the command line instead, then choose it under *Event*:")
            plain = name.replace("`", "'")  # inline code shows the rest as it is
            st.markdown(f"`reactionmap import {plain} --event-id my-event`")
        st.stop()
    tag = digests.of_bytes(data)
    columns = [str(c) for c in raw.columns]
    raw = raw.set_axis(columns, axis=1)
    actor_guess, stance_guess = guess_columns(columns)
    left, middle, right = st.columns(3)
    actor_col = left.selectbox(
        "Countries are in column",
        columns,
        index=columns.index(actor_guess) if actor_guess else None,
        placeholder="choose a column",
        key=f"actor_col|{tag}",
    )
    stance_col = middle.selectbox(
        "Stance is in column",
        columns,
        index=columns.index(stance_guess) if stance_guess else None,
        placeholder="choose a column",
        key=f"stance_col|{tag}",
    )
    # The scale is detected on the file as it came, so the reader's choice is not reset
    # by an edit.
    guess = stance_words.detect_scale(raw[stance_col] if stance_col else pd.Series(dtype=str))
    st.subheader("Your table")
    st.caption("Fix a cell here and the map follows.")
    # Row labels as in a spreadsheet (the header is row 1), the numbers problems give.
    # The table brought in, and the fixes made to it, stay for the session: switching to
    # another event and back does not lose them.
    kept = st.session_state.setdefault("kept_table", {})
    editor_key = f"editor-{tag}"
    if kept.get("data") != data:
        kept.clear()
        kept.update(name=name, data=data, base=raw)
    elif editor_key not in st.session_state and "edited" in kept:
        kept["base"] = kept["edited"]  # back from another event: start from the fixes made
    base = kept["base"]
    numbered = base.set_axis(problems.Problem.row_of(pd.RangeIndex(len(base))), axis=0)
    edited = st.data_editor(numbered, num_rows="dynamic", width="stretch", key=editor_key)
    edited = edited.reset_index(drop=True)
    kept["edited"] = edited
    standing = still_standing(read_problems, raw, edited)  # a fixed row is checked afresh
    table = with_columns(edited, actor_col, stance_col)
    values = table["stance"] if stance_col else pd.Series(dtype=str)
    names = list(SCALE_PRESETS)
    scale_name = right.radio(
        "Stance scale",
        names,
        index=names.index(guess.name),
        format_func=SCALE_NAMES.get,
        key=f"scale|{tag}|{stance_col}",
        horizontal=True,
    )
    if guess.total:
        right.caption(
            f"Detected {SCALE_NAMES[guess.name]}: it reads {guess.matched} of {guess.total} "
            "stances." + ("" if scale_name == guess.name else " You chose another.")
        )
    scale = SCALE_PRESETS[scale_name]
    words = stance_words.value_table(values, scale)
    if (words["key"] == "").any():
        st.markdown("**Match your values to the scale.** Choose the stance each value means.")
        chosen = st.data_editor(
            words,
            hide_index=True,
            disabled=["value", "rows"],
            column_config={
                "key": st.column_config.SelectboxColumn(
                    "stance", options=list(scale.keys), help="leave empty to keep it unmapped"
                )
            },
            key=f"values|{tag}|{stance_col}|{scale_name}",
        )
        mapping = dict(zip(chosen["value"], chosen["key"].fillna(""), strict=True))
        table["stance"] = stance_words.apply_value_map(table["stance"], mapping)
    table_digest = digests.of_frame(table)  # headers count too
    event = cached_table_event(name, table_digest, scale_name, table, standing)
    return event, f"table:{table_digest}:{scale_name}"


# ---- Draft from an article: its own page; the drafter (spaCy) is imported only here -------------
@st.cache_resource(max_entries=4)
def cached_draft(key: str, _text: str, name: str, date, targets, same_day, source, url):
    from reactionmap.draft import draft_article

    return draft_article(
        _text, name=name, date=date, targets=targets, same_day=same_day,
        source_name=source, source_url=url,
    )  # fmt: skip


def save_draft_rows(rows: pd.DataFrame, event_id: str, title: str, date, targets, source, url):
    """The Save button: write the rows, then open the event (the picker is set before it draws)."""
    from reactionmap.draft.save import DraftNotSaved, save_draft

    try:
        folder, count, created = save_draft(
            rows, event_id, title=title, date=f"{date:%Y-%m-%d}" if date else "",
            targets=targets, source_name=source, source_url=url,
        )  # fmt: skip
    except DraftNotSaved as err:
        st.session_state["draft_error"] = str(err)
        return
    st.session_state["draft_error"] = ""
    st.session_state["event_pick"] = folder.name
    st.session_state["draft_saved"] = (
        f"{'Created' if created else 'Added to'} {folder.name}: {count} row(s) from the draft."
    )


def draft_page() -> None:
    from reactionmap.draft import ArticleRefused, decode
    from reactionmap.draft.evidence import rows_evidence_html
    from reactionmap.draft.save import existing_event

    st.title("Draft from an article")
    st.caption(
        "Paste a news article or upload it (.txt or .html). Each proposed row is a draft: read it "
        "beside the sentence it came from (actor words in blue, stance words in orange), fix it "
        "in the table, then save the rows to an event or download them. Nothing is saved until "
        "you press Save."
    )
    upload = st.file_uploader(
        "Article (.txt or .html)", type=["txt", "html", "htm"], max_upload_size=5
    )
    pasted = st.text_area("…or paste the article's text", height=180, key="draft_text")
    left, middle, right = st.columns(3)
    date = left.date_input("Article date (for 'on Sunday')", value=None, key="draft_date")
    source = middle.text_input("Source name", key="draft_source")
    url = right.text_input("Source URL", key="draft_url")
    names = dict(zip(world()[0]["iso3"], world()[0]["name"], strict=True))
    targets = st.multiselect(
        "Target and parties of the event (coded 'party')",
        sorted(names, key=names.get),
        format_func=names.get,
        key="draft_targets",
    )
    same_day = st.checkbox("The reactions are from the article's day", key="draft_same_day")
    name, data = (upload.name, upload.getvalue()) if upload else ("pasted.txt", pasted.encode())
    if not data.strip():
        st.info("Paste an article or upload one to draft its reactions.")
        return
    try:
        text = decode(data, name)
    except ArticleRefused as err:
        st.error(f"Refused: {md(err)}")
        return
    options = (f"{date}" if date else None, tuple(targets), same_day, source, url)
    key = digests.of_bytes(data + repr(options).encode())
    result = cached_draft(key, text, name, *options)
    rows = result.rows
    if rows.empty:
        st.warning("No government or organization reacting was found in this text.")
        return
    st.subheader(f"Proposed statements ({len(rows)})")
    keys = list(DEFAULT_SCALE.keys)
    edited = st.data_editor(
        rows,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        # Keyed by the proposed rows: an option that does not change them keeps the reader's edits.
        key=f"draft-editor-{digests.of_bytes(statements_csv(rows))}",
        column_config={
            "stance": st.column_config.SelectboxColumn("stance", options=keys, required=True),
            "date_precision": st.column_config.SelectboxColumn(
                "date_precision", options=list(DATE_PRECISIONS)
            ),
            "quote": st.column_config.TextColumn("quote", width="medium"),
            "summary": st.column_config.TextColumn("summary", width="large"),
        },
    )
    with st.expander("Where each row came from", expanded=True):
        st.html(rows_evidence_html(edited.to_dict("records"), result.evidence))
    st.subheader("Save or download")
    left, right = st.columns(2)
    event_id = left.text_input("Event id (new or existing)", key="draft_event_id").strip()
    title = right.text_input("Title of a new event", key="draft_title")
    exists, missing = False, []
    if event_id:
        try:
            event = existing_event(event_id)
        except ValueError as err:
            st.error(md(err))
            event_id = ""
        else:
            exists, missing = event.exists, [p for p in event.parties if p not in targets]
    if missing:
        st.warning(
            f"{md(event_id)}'s parties {md(', '.join(missing))} are not in *Target and parties* "
            "above: add them so their rows are coded party."
        )
    if event_id:
        st.caption(
            f"Adds the rows to **{md(event_id)}**."
            if exists
            else f"Creates the event **{md(event_id)}**, "
            + (f"dated {date}." if date else "undated (give the article date to date it).")
        )
    st.button(
        "Save to the event and open its map",
        disabled=not event_id,
        on_click=save_draft_rows,
        args=(
            edited,
            event_id,
            title,
            date,
            targets,
            rows.at[0, "source_name"],
            rows.at[0, "source_url"],
        ),
        type="primary",
    )
    if st.session_state.get("draft_error"):
        st.error(md(st.session_state["draft_error"]))
    st.download_button(
        "Download these rows (CSV)",
        statements_csv(edited),
        "draft-statements.csv",
        "text/csv",
        on_click="ignore",
    )


# ---- which event: shipped files, or a table brought in -----------------------------------------
params = st.query_params
events = list_events()
choices = [*events, UPLOAD, DRAFT]
wanted = ViewState.from_query(params, event=events[0] if events else UPLOAD).event
wanted = UPLOAD if wanted == UPLOAD_PARAM and UPLOAD_PARAM not in events else wanted
wanted = DRAFT if wanted == DRAFT_PARAM and DRAFT_PARAM not in events else wanted
if wanted not in choices:
    st.warning(
        f"No event {md(wanted)}; showing {md(choices[0])}. Known events: {md(', '.join(events))}"
    )
    wanted = choices[0]
with st.sidebar:
    st.header("reactionmap")
    st.session_state.setdefault("event_pick", wanted)
    titles = {e: event_title(e) for e in events} | {UPLOAD: UPLOAD, DRAFT: DRAFT}
    event_id = st.selectbox("Event", choices, format_func=titles.get, key="event_pick")
url_event = {UPLOAD: UPLOAD_PARAM, DRAFT: DRAFT_PARAM}.get(event_id, event_id)
st.query_params["event"] = url_event
if event_id == DRAFT:
    draft_page()
    st.stop()
if saved := st.session_state.pop("draft_saved", ""):
    st.success(md(saved))

if event_id == UPLOAD:
    with st.sidebar:
        upload = st.file_uploader(
            f"Table (CSV, Excel .xlsx or JSON, up to {MAX_BYTES // 2**20} MB)",
            type=["csv", "tsv", "txt", "xlsx", "json"],
            max_upload_size=MAX_BYTES // 2**20 + 1,
            help="A table with a country column and a stance or vote column, or the UN "
            "Digital Library's General Assembly voting file.",
        )
        st.caption(
            f"Over {MAX_BYTES // 2**20} MB, like the UN Digital Library's full voting file? "
            "Import one resolution on the command line, then choose it under *Event*:"
        )
        # Inline code, not st.code: no syntax-highlighter bundle for one line.
        st.markdown(f"`reactionmap import {UN_FILE} --resolution A/RES/ES-11/1`")
        pasted = st.text_area("…or paste CSV or tab-separated rows", height=100)
    # The table brought in stays for the session: switching to another event and back
    # finds it (and the fixes made to it) again.
    kept = st.session_state.get("kept_table", {})
    if upload or pasted.strip():
        name, data = (
            (upload.name, upload.getvalue()) if upload else ("pasted.csv", pasted.encode("utf-8"))
        )
    elif kept:
        name, data = kept["name"], kept["data"]
        st.caption(f"The table brought in earlier in this session: {md(name)}.")
    else:
        st.title("Map your own table")
        st.info("Upload a file or paste a table in the sidebar to map it.")
        st.stop()
    if name.lower().endswith((".csv", ".txt")) and unvotes.layout(unvotes.read_header(data)):
        event, key = un_vote_upload(name, data)
    else:
        event, key = table_upload(name, data)
else:
    try:
        stamp = event_stamp(event_id)
    except EventNotFound as err:  # its folder went away since the page listed it
        st.error(md(err))
        st.stop()
    event = cached_event(event_id, stamp)
    key = f"event:{event_id}:{stamp}"
    st.title(md(event.title))
    st.caption(captions.event_line(event))
    if event.summary:
        with st.expander("What happened"):
            st.markdown(md(event.summary))

scale, statements = event.scale, event.statements
if event.problems:
    st.error(captions.problems_line(event))
    st.dataframe(
        problems.grouped_frame(event.problems, set(event.statements["row"])),
        hide_index=True,
        width="stretch",
        column_config={"problem": st.column_config.TextColumn("problem", width="large")},
    )
if statements.empty:
    st.warning("No statement to map yet.")
    st.stop()

# ---- filters, starting from the URL -------------------------------------------------------------
countries, markers = world()
first, last, undated = cached_range(key, event)
no_dates = undated  # not one statement has a date: no As of, no timeline, no date claimed
all_keys = [c.key for c in scale.with_none]
regions = sorted(countries["region"].dropna().unique())
orgs = compose.organizations_in(statements, resolver())

# Each widget has a key; the URL sets its first value only. (A widget whose default changes
# between reruns gets a new identity, and the reader's change is lost.)
space = f"{event_id}|{'.'.join(scale.keys)}"
asked = ViewState.from_query(
    params, stances=all_keys, regions=regions, organizations=orgs, dates=(first, last)
)
initial = {
    f"as_of|{space}": last if asked.as_of is None else asked.as_of.date(),
    f"stances|{space}": list(asked.stances),
    "region": asked.region or WORLD,
    f"inherit|{space}": list(asked.inherit),
}
for name, value in initial.items():
    st.session_state.setdefault(name, value)
as_of_key = f"as_of|{space}"
st.session_state[as_of_key] = min(max(st.session_state[as_of_key], first), last)
with st.sidebar:
    if first < last:
        as_of = st.slider(
            "As of", min_value=first, max_value=last, format="D MMM YYYY", key=as_of_key
        )
    elif undated:
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
    inherit_from = st.multiselect(
        "Shade members of these organizations when silent",
        orgs,
        format_func=resolver().country_name,
        help="A member that said nothing itself takes its organization's stance, drawn lighter.",
        key=f"inherit|{space}",
    )
as_of = pd.Timestamp(as_of)
region = "" if region == WORLD else region
filters = ViewState(
    event=url_event,
    as_of=as_of,
    stances=tuple(shown),
    region=region,
    inherit=tuple(inherit_from),
)  # the view but the selected country, which the map's rows do not depend on

page = cached_view(key, event, filters)
# A vote (or any table whose rows carry no words) shows a tally, the map and the table;
# cards only for the rows with words.
with_words, all_words = cached_words(key, event)
if with_words and not all_words:
    page = compose.words_only(page)
counts = stance.stance_counts(page.visible, scale.keys)
# ---- selection: a click on the map, the country picker, or ?country= ---------------------------
names = dict(zip(countries["iso3"], countries["name"], strict=True))
if "selected" not in st.session_state:
    st.session_state["selected"] = asked.country


def on_map_select() -> None:
    """A click on a country selects it; a click on the sea, or on the selected country
    again, clears the selection."""
    code = choropleth.clicked_code(st.session_state["map"]["selection"]["points"])
    st.session_state["selected"] = "" if code == st.session_state["selected"] else code


def on_pick() -> None:
    st.session_state["selected"] = st.session_state["country_pick"]


selected = st.session_state["selected"]
state = replace(filters, country=selected)

# ---- the map ------------------------------------------------------------------------------------
# A world map is twice as wide as tall: on a phone a desktop height leaves half of it blank.
phone = "Mobi" in st.context.headers.get("User-Agent", "")
if scale.keys == VOTE_SCALE.keys or not with_words:
    st.subheader("Vote" if scale.keys == VOTE_SCALE.keys else "Tally")
    st.plotly_chart(
        tally.tally_figure(counts, scale, short=phone),
        config={"displayModeBar": False, "staticPlot": True},
        width="stretch",
        theme=None,
        key="tally",
    )
fig = cached_map(key, page.country_rows, state, 300 if phone else 520, scale)
st.plotly_chart(
    fig,
    key="map",
    on_select=on_map_select,
    selection_mode="points",
    config=PLOTLY_CONFIG,
    width="stretch",
    theme=None,
)
for warning in captions.not_on_map(page.not_drawable, scale, with_words):
    st.warning(warning)
# The counts are in the legend. "Hover" where there is a pointer, "tap" on a touch screen.
st.html(
    cards.hint_html(
        "Date not given." if no_dates else f"As of {as_of:%-d %B %Y}.",
        "Hover a country for its "
        + ("statement; click it to bring its card here." if with_words else "stance."),
        "Tap a country to see its " + ("statement here." if with_words else "stance."),
    )
)
if selected:
    chosen = page.cards[page.cards["actor_iso3"] == selected] if with_words else page.cards[:0]
    st.html(
        cards.CARD_CSS
        + cards.selected_html(names.get(selected, selected), chosen, scale, selected, as_of)
    )

# ---- cards and organizations ---------------------------------------------------------------------
# Cards only for rows with words: a vote's rows have none.
if with_words:
    left, right = st.columns([3, 2], gap="large")
    first_cards, more_cards, more_count, org_cards = cached_cards(key, page, scale, state)
    with left:
        options = ["", *sorted(set(page.cards["actor_iso3"]), key=lambda c: names.get(c, c))]
        st.session_state["country_pick"] = selected if selected in options else ""
        st.selectbox(
            "Country",
            options,
            format_func=lambda c: "All countries" if not c else names.get(c, c),
            key="country_pick",
            on_change=on_pick,
        )
        actors = cards.actor_count(page.cards)
        st.subheader(f"Statements ({len(page.cards)} by {actors} actor{'s' * (actors != 1)})")
        st.html(cards.CARD_CSS + f'<div class="rm-cards">{first_cards}</div>')
        # The rest only when asked for: every card on the page is restyled on every rerun.
        if more_count > 0 and st.toggle(f"Show {more_count} more actors", key="more_cards"):
            st.html(f'<div class="rm-cards">{more_cards}</div>')
        if actors > MAX_CARDS:
            st.caption(f"Showing {MAX_CARDS} of {actors} actors; the table below has them all.")
    with right:
        st.subheader("Organizations")
        if not org_cards:
            st.caption("No organization has spoken as of this date.")
        else:
            st.html(org_cards)
        st.caption(
            "Organizations are not drawn on the map; choose one in the sidebar to shade its "
            "silent members."
        )

# ---- timeline ------------------------------------------------------------------------------------
# No timeline without dates, nor for a vote: its rows share one day and carry no words.
if not no_dates and (first < last or with_words):
    st.subheader("Timeline")
    st.plotly_chart(
        cached_timeline(key, page.timeline, filters, event),
        config=PLOTLY_CONFIG | {"displayModeBar": False},
        width="stretch",
        key="timeline",
        theme=None,
    )
    st.caption(captions.TIMELINE_KEY)
    for line in captions.off_the_timeline(page.timeline, event.milestones):
        st.caption(line)

# ---- table and downloads -------------------------------------------------------------------------
st.subheader("Stance table")
# Only validated http(s) addresses become links; any other is plain text beside the name.
safe_table = cells.sources_as_shown(page.table)
st.dataframe(
    # Only the columns shown are sent to the browser; the CSV download has them all.
    # A column empty in every row (a vote has no words, no speaker) is left out.
    safe_table[cached_columns(key, filters, safe_table, no_dates)].assign(
        stance=safe_table["stance"].map(scale.label)
    ),
    hide_index=True,
    width="stretch",
    column_config={
        "actor": st.column_config.TextColumn("Actor", pinned=True),
        "stance": "Stance",
        "latest_text": st.column_config.TextColumn("Latest statement", width="large"),
        "speaker": "Speaker",
        "speaker_role": "Role",
        "latest_date": "Date",
        "statement_count": st.column_config.NumberColumn("Statements", format="%d"),
        "actor_iso3": "Code",
        "actor_type": "Type",
        "inherited_from": "Inherited from",
        "source_name": "Source",
        "source_url": st.column_config.LinkColumn("Source link"),
    },
)
st.caption("The CSV download has the same rows with stable column names and stance keys.")
# Each file is made only when its button is clicked (a callable), never on every rerun.
day_shown = None if no_dates else as_of  # a file name never carries a made-up date
for files in (
    downloads.data_files(event, page, markers, day_shown),
    downloads.view_files(event, state, resolver()),  # the map as an image, the view as a page
):
    for column, (label, make, file_name, mime) in zip(st.columns(3), files, strict=True):
        column.download_button(label, make, file_name, mime, on_click="ignore")
with st.expander("Embed this view"):
    st.code(webpage.embed_snippet(f"{event.id}/index.html", event.title), language="html")
    st.caption(
        "Unzip *Published page (ZIP)* on any static host (one file, nothing else to serve) and "
        "point `src` at its address. The page shows this view: this date, stances and region."
    )

# ---- keep the URL in step with the view, and offer it ------------------------------------------
for name, value in state.to_query(all_keys, dated=not no_dates).items():
    if value:
        st.query_params[name] = value
    elif name in st.query_params:
        del st.query_params[name]
with st.sidebar:
    # The address bar always holds the view; the button copies it (no syntax-highlighter
    # bundle, unlike st.code). Falls back to showing the link where the clipboard is refused.
    st.html(COPY_LINK, unsafe_allow_javascript=True)
