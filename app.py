"""reactionmap's Streamlit page: layout, widgets and caching wrappers over the package."""

from __future__ import annotations

import hashlib
from functools import partial

import pandas as pd
import streamlit as st

from reactionmap import boundaries, cards, export, figures, image, publish, schema, stance, view
from reactionmap.cards import escape_markdown as md
from reactionmap.countries import default_resolver
from reactionmap.events import Event, event_from_table, list_events, load_event
from reactionmap.paths import events_dir
from reactionmap.snapshot import snapshot
from reactionmap.tables import MAX_BYTES, TableRefused, read_table

UPLOAD = "Your own table"
UPLOAD_PARAM = "upload"  # ?event=upload opens the page for a table of one's own
TABLE_COLUMNS = [
    "actor", "stance", "latest_text", "speaker", "speaker_role", "latest_date",
    "statement_count", "actor_iso3", "actor_type", "inherited_from", "source_name", "source_url",
]  # fmt: skip
FIRST_CARDS = 8  # shown at once; the rest, up to MAX_CARDS, behind "more"
MAX_CARDS = 60
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
    return view.region_bounds(boundaries.load_countries())


@st.cache_resource(max_entries=8)
def cached_event(event_id: str, stamp: float) -> Event:
    """An event's files, read again whenever one of them changes (``stamp``)."""
    return load_event(event_id, resolver=resolver())


@st.cache_resource(max_entries=4)
def cached_upload(name: str, digest: str, _data: bytes):
    return read_table(_data, name)


@st.cache_resource(max_entries=4)
def cached_table_event(name: str, digest: str, scale_name: str, _raw, _problems) -> Event:
    return event_from_table(_raw, schema.SCALE_PRESETS[scale_name], name, resolver(), _problems)


@st.cache_resource(max_entries=8)
def cached_range(key: str, _event: Event):
    first, last = stance.date_range(_event.statements)
    return first.date(), last.date(), bool((_event.statements["date_precision"] == "unknown").all())


@st.cache_resource(max_entries=64)
def cached_view(key: str, _event: Event, as_of, inherit_from, shown, region) -> view.PageView:
    countries = world()[0]
    regions = boundaries.load_regions()  # every ISO code, drawable or not
    region_codes = regions.loc[regions["region"] == region, "iso3"] if region else None
    return view.page_view(
        _event, as_of, inherit_from, shown, countries["iso3"], region_codes, resolver()
    )


@st.cache_resource(max_entries=64)
def cached_cards(key: str, _page: view.PageView, _scale, view_key, selected: str):
    """(first cards, the rest, organization cards) as HTML."""
    ordered = cards.order_cards(_page.cards, selected).head(MAX_CARDS)
    html = [
        cards.card_html(r, _scale, r["actor_iso3"] == selected) for r in ordered.to_dict("records")
    ]
    organizations = _page.organization_cards
    return (
        "".join(html[:FIRST_CARDS]),
        "".join(html[FIRST_CARDS:]),
        len(html) - FIRST_CARDS,
        "".join(cards.card_html(r, _scale) for r in organizations.to_dict("records")),
    )


@st.cache_resource(max_entries=64)
def cached_map(key, _rows, as_of, inherit_from, shown, region, selected, height, _scale):
    countries, markers = world()
    if region:
        countries = countries[countries["region"] == region]
    table = figures.map_table(_rows, countries, set(shown))
    table["hover"] = [figures.hover_text(row, _scale) for row in table.to_dict("records")]
    return figures.map_figure(
        table,
        _scale,
        markers,
        boundaries.GEOJSON_URL,
        selected or None,
        height=height,
        frame=frames().get(region) if region else None,
    )


@st.cache_resource(max_entries=64)
def cached_timeline(key, _rows, as_of, inherit_from, shown, region, _event: Event):
    return figures.timeline_figure(_rows, _event.milestones, _event.scale, as_of)


def event_stamp(event_id: str) -> float:
    folder = events_dir() / event_id
    return max((p.stat().st_mtime for p in folder.glob("*")), default=0.0)


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


# ---- which event: shipped files, or a table brought in -----------------------------------------
params = st.query_params
events = list_events()
choices = [*events, UPLOAD]
wanted = params.get("event", events[0] if events else UPLOAD)
wanted = UPLOAD if wanted == UPLOAD_PARAM and UPLOAD_PARAM not in events else wanted
if wanted not in choices:
    st.warning(
        f"No event {md(wanted)}; showing {md(choices[0])}. Known events: {md(', '.join(events))}"
    )
    wanted = choices[0]
with st.sidebar:
    st.header("reactionmap")
    st.session_state.setdefault("event_pick", wanted)
    event_id = st.selectbox("Event", choices, key="event_pick")
st.query_params["event"] = UPLOAD_PARAM if event_id == UPLOAD else event_id

if event_id == UPLOAD:
    with st.sidebar:
        scale_name = st.radio(
            "Stance scale of your table",
            list(schema.SCALE_PRESETS),
            format_func={"default": "Reactions (condemn … support)", "vote": "Vote (yes/no/…)"}.get,
        )
        upload = st.file_uploader(
            f"Table (CSV, Excel .xlsx or JSON, up to {MAX_BYTES // 2**20} MB)",
            type=["csv", "tsv", "txt", "xlsx", "json"],
            max_upload_size=MAX_BYTES // 2**20 + 1,
        )
        pasted = st.text_area("…or paste CSV or tab-separated rows", height=100)
    st.title("Map your own reactions table")
    st.caption(
        "Only `actor` and `stance` are required; any other column of the data contract is used "
        "when present. Problems are listed below; every good row is mapped."
    )
    name, data = (
        (upload.name, upload.getvalue()) if upload else ("pasted.csv", pasted.encode("utf-8"))
    )
    if not data.strip():
        st.info("Upload a file or paste a table in the sidebar to map it.")
        st.stop()
    try:
        raw, read_problems = cached_upload(name, digest(data), data)
    except TableRefused as err:
        st.error(f"Refused: {md(err)}")
        st.stop()
    st.subheader("Your table")
    st.caption("Fix a cell here and the map follows.")
    # Row labels as in a spreadsheet (the header is row 1), the numbers problems give.
    numbered = raw.set_axis(pd.RangeIndex(2, len(raw) + 2), axis=0)
    edited = st.data_editor(
        numbered, num_rows="dynamic", width="stretch", key=f"editor-{digest(data)}"
    )
    edited = edited.reset_index(drop=True)
    cells = pd.util.hash_pandas_object(edited, index=True).to_numpy().tobytes()
    edited_digest = digest(repr(list(edited.columns)).encode() + cells)  # headers count too
    event = cached_table_event(name, edited_digest, scale_name, edited, read_problems)
    key = f"table:{edited_digest}:{scale_name}"
else:
    stamp = event_stamp(event_id)
    event = cached_event(event_id, stamp)
    key = f"event:{event_id}:{stamp}"
    st.title(md(event.title))
    st.caption(
        f"{event.date:%-d %B %Y} · {len(event.statements)} statements by "
        f"{event.statements['actor_iso3'].nunique()} actors"
    )
    if event.summary:
        with st.expander("What happened"):
            st.markdown(md(event.summary))

scale, statements = event.scale, event.statements
if event.problems:
    unmapped = event.input_rows - len(event.statements)
    st.error(
        f"{len(event.problems)} problem(s): {unmapped} of {event.input_rows} row(s) are not "
        "mapped until fixed. Each problem names its file, row and column."
    )
    st.dataframe(
        schema.problems_frame(event.problems),
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
all_keys = [c.key for c in scale.with_none]
regions = sorted(countries["region"].dropna().unique())
orgs = sorted(c for c in statements["actor_iso3"].unique() if resolver().is_organization(c))

# Each widget has a key; the URL sets its first value only. (A widget whose default changes
# between reruns gets a new identity, and the reader's change is lost.)
space = f"{event_id}|{'.'.join(scale.keys)}"
as_of_param = pd.to_datetime(params.get("as_of", ""), errors="coerce")
initial = {
    f"as_of|{space}": last if pd.isna(as_of_param) else as_of_param.date(),
    f"stances|{space}": [k for k in params.get("stance", "").split(",") if k in all_keys]
    or all_keys,
    "region": params.get("region") if params.get("region") in regions else "World",
    f"inherit|{space}": [o for o in params.get("inherit", "").split(",") if o in orgs],
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
        st.caption("No statement has a date: the map shows each actor's last row.")
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
    region = st.selectbox("Region", ["World", *regions], key="region")
    inherit_from = st.multiselect(
        "Shade members of these organizations when silent",
        orgs,
        format_func=resolver().country_name,
        help="A member that said nothing itself takes its organization's stance, drawn lighter.",
        key=f"inherit|{space}",
    )
as_of = pd.Timestamp(as_of)
region = "" if region == "World" else region
view_key = (as_of, tuple(inherit_from), tuple(shown), region)

page = cached_view(key, event, *view_key)
# ---- selection: a click on the map, the country picker, or ?country= ---------------------------
names = dict(zip(countries["iso3"], countries["name"], strict=True))
if "selected" not in st.session_state:
    st.session_state["selected"] = params.get("country", "")


def on_map_select() -> None:
    points = st.session_state["map"]["selection"]["points"]
    if points:
        point = points[0]
        data = point.get("customdata")  # a small state's marker: [iso3, note]
        marker = data[0] if isinstance(data, list) and data else data
        st.session_state["selected"] = point.get("location") or marker or ""


def on_pick() -> None:
    st.session_state["selected"] = st.session_state["country_pick"]


selected = st.session_state["selected"]

# ---- the map ------------------------------------------------------------------------------------
# A world map is twice as wide as tall: on a phone a desktop height leaves half of it blank.
phone = "Mobi" in st.context.headers.get("User-Agent", "")
fig = cached_map(key, page.country_rows, *view_key, selected, 300 if phone else 520, scale)
st.plotly_chart(
    fig,
    key="map",
    on_select=on_map_select,
    selection_mode="points",
    config=PLOTLY_CONFIG,
    width="stretch",
    theme=None,
)
missing = page.not_drawable
if len(missing):
    st.warning(
        "Not on the map (no shape or marker for their code): "
        + ", ".join(
            f"{md(a)} ({md(c)})"
            for a, c in zip(missing["actor"], missing["actor_iso3"], strict=True)
        )
        + ". They are in the cards, the table and the downloads."
    )
counts = stance.stance_counts(page.visible, scale.keys)
st.caption(
    " · ".join(f"{md(scale.label(k))}: {n}" for k, n in counts.items())
    + f" · as of {as_of:%-d %B %Y}. Hover a country for its statement; click it for its cards."
)

# ---- cards and organizations ---------------------------------------------------------------------
left, right = st.columns([3, 2], gap="large")
first_cards, more_cards, more_count, org_cards = cached_cards(key, page, scale, view_key, selected)
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
    st.subheader(f"Statements ({len(page.cards)})")
    st.html(cards.CARD_CSS + f'<div class="rm-cards">{first_cards}</div>')
    # The rest only when asked for: every card on the page is restyled on every rerun.
    if more_count > 0 and st.toggle(f"Show {more_count} more statements", key="more_cards"):
        st.html(f'<div class="rm-cards">{more_cards}</div>')
    if len(page.cards) > MAX_CARDS:
        st.caption(f"Showing {MAX_CARDS} of {len(page.cards)}; the table below has them all.")
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
st.subheader("Timeline")
timeline_rows = page.timeline
st.plotly_chart(
    cached_timeline(key, timeline_rows, *view_key, event),
    config=PLOTLY_CONFIG | {"displayModeBar": False},
    width="stretch",
    key="timeline",
    theme=None,
)
st.caption(
    "A dot is a statement dated to the day; a bar spans the days a statement may fall on when "
    "the source gives only its month. The black line is the *As of* date."
)
undated = timeline_rows[timeline_rows["date_precision"] == "unknown"]
if len(undated):
    st.caption(
        "Not on the timeline, date not reported: "
        + ", ".join(md(a) for a in undated["actor"].unique())
    )
placed = figures.day_milestones(event.milestones)
for milestone in event.milestones:
    if milestone not in placed:
        st.caption(
            f"Milestone not on the timeline, day not reported: {md(milestone.get('label', ''))} "
            f"({md(milestone.get('date', 'no date'))})"
        )

# ---- table and downloads -------------------------------------------------------------------------
st.subheader("Stance table")
shown_table = page.table
st.dataframe(
    # Only the columns shown are sent to the browser; the CSV download has them all.
    shown_table[TABLE_COLUMNS].assign(stance=shown_table["stance"].map(scale.label)),
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
# The GeoJSON has every country with its real stance, and `shown` for the filters.
downloads = [
    ("Stance table (CSV)", partial(export.stance_csv, shown_table), "stance", as_of, "csv"),
    (
        "Map (GeoJSON)",
        lambda: export.stance_geojson(
            page.country_rows, boundaries.load_countries(), markers, page.kept
        ),
        "stance",
        as_of,
        "geojson",
    ),
    ("All statements (CSV)", partial(export.statements_csv, statements), "statements", None, "csv"),
]
mimes = {"csv": "text/csv", "geojson": "application/geo+json"}
for column, (label, data, what, day, extension) in zip(st.columns(3), downloads, strict=True):
    column.download_button(
        label,
        data,
        export.download_name(event.id, what, day, extension),
        mimes[extension],
        on_click="ignore",
    )


# The map as an image, and the view as a page to host or embed: made on click, like the files above.
def view_snapshot():
    return snapshot(event, as_of, shown, region, resolver(), inherit_from)


image_png, image_svg, page_zip = st.columns(3)
for column, fmt in ((image_png, "png"), (image_svg, "svg")):
    column.download_button(
        f"Map as {fmt.upper()}",
        partial(lambda f: image.map_image(view_snapshot(), f), fmt),
        export.download_name(event.id, "map", as_of, fmt),
        image.MIME[fmt],
        on_click="ignore",
    )
page_zip.download_button(
    "Published page (ZIP)",
    lambda: publish.folder_zip(view_snapshot()),
    export.download_name(event.id, "page", as_of, "zip"),
    "application/zip",
    on_click="ignore",
)
with st.expander("Embed this view"):
    st.code(publish.embed_snippet(f"{event.id}/index.html", event.title), language="html")
    st.caption(
        "Unzip *Published page (ZIP)* on any static host (one file, nothing else to serve) and "
        "point `src` at its address. The page shows this view: this date, stances and region."
    )

# ---- keep the URL in step with the view, and offer it ------------------------------------------
state = {
    "event": UPLOAD_PARAM if event_id == UPLOAD else event_id,
    "as_of": f"{as_of:%Y-%m-%d}",
    "stance": ",".join(shown) if set(shown) != set(all_keys) else "",
    "region": region,
    "country": selected,
    "inherit": ",".join(inherit_from),
}
for name, value in state.items():
    if value:
        st.query_params[name] = value
    elif name in st.query_params:
        del st.query_params[name]
with st.sidebar:
    # The address bar always holds the view; the button copies it (no syntax-highlighter
    # bundle, unlike st.code). Falls back to showing the link where the clipboard is refused.
    st.html(COPY_LINK, unsafe_allow_javascript=True)
