"""reactionmap's Streamlit page: layout, widgets and caching wrappers over the reactionmap package."""

from __future__ import annotations

from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from reactionmap import boundaries, cards, export, figures, schema, stance, view
from reactionmap.countries import default_resolver
from reactionmap.events import Event, list_events, load_event, prepare_statements
from reactionmap.paths import events_dir
from reactionmap.tables import MAX_BYTES, TableRefused, read_table

UPLOAD = "Your own table"
MAX_CARDS = 60
PLOTLY_CONFIG = {
    "topojsonURL": boundaries.TOPOJSON_URL,
    "displaylogo": False,
    "scrollZoom": False,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "toImage"],
}

st.set_page_config(page_title="reactionmap", page_icon="🗺️", layout="wide")


# ---- cached data: nothing here depends on the widgets ----------------------------------------
@st.cache_resource
def resolver():
    return default_resolver()


@st.cache_resource
def world():
    countries = boundaries.country_table()
    return countries, boundaries.load_markers()


@st.cache_resource
def frames():
    return view.region_bounds(boundaries.load_countries())


@st.cache_data(max_entries=16)
def cached_event(event_id: str, stamp: float) -> Event:
    """An event's files, read again whenever one of them changes (``stamp``)."""
    return load_event(event_id)


@st.cache_data(max_entries=64)
def cached_table(event: Event, as_of: pd.Timestamp, inherit_from: tuple[str, ...]) -> pd.DataFrame:
    return view.event_stance_table(event, as_of, inherit_from, resolver())


@st.cache_data(max_entries=64)
def cached_map(
    countries_table: pd.DataFrame,
    scale: schema.Scale,
    shown: tuple[str, ...],
    region: str,
    selected: str,
):
    countries, markers = world()
    if region:
        countries = countries[countries["region"] == region]
    table = figures.map_table(countries_table, countries, set(shown))
    table["hover"] = [figures.hover_text(row, scale) for _, row in table.iterrows()]
    return figures.map_figure(
        table, scale, markers, boundaries.GEOJSON_URL, selected or None, frame=frames().get(region)
    )


@st.cache_data(max_entries=32)
def cached_bytes(kind: str, frame: pd.DataFrame) -> bytes:
    if kind == "statements":
        return export.statements_csv(frame)
    if kind == "stance":
        return export.stance_csv(frame)
    countries = boundaries.load_countries()
    return export.stance_geojson(view.countries_only(frame, resolver()), countries, world()[1])


def event_stamp(event_id: str) -> float:
    folder = events_dir() / event_id
    return max((p.stat().st_mtime for p in folder.glob("*")), default=0.0)


# ---- state from the URL ----------------------------------------------------------------------
params = st.query_params
events = list_events()
choices = [*events, UPLOAD]
wanted = params.get("event", events[0] if events else UPLOAD)
if wanted not in choices:
    st.warning(f"No event {wanted!r}; showing {choices[0]!r}. Known events: {', '.join(events)}")
    wanted = choices[0]

with st.sidebar:
    st.header("reactionmap")
    event_id = st.selectbox("Event", choices, index=choices.index(wanted), key="event_pick")

# ---- the event: shipped files or a table brought in -------------------------------------------
if event_id == UPLOAD:
    with st.sidebar:
        scale_name = st.radio(
            "Stance scale of your table",
            ["default", "vote"],
            format_func={"default": "Reactions (condemn … support)", "vote": "Vote (yes/no/…)"}.get,
        )
        upload = st.file_uploader(
            f"Table (CSV, Excel .xlsx or JSON, up to {MAX_BYTES // 2**20} MB)",
            type=["csv", "tsv", "txt", "xlsx", "json"],
        )
        pasted = st.text_area("…or paste CSV / tab-separated rows", height=100)
    st.title("Map your own reactions table")
    st.caption(
        "Only `actor` and `stance` are required; any other column of the data contract is used "
        "when present. Bad rows are listed below; every good row is mapped."
    )
    raw = None
    try:
        if upload is not None:
            raw, read_problems = read_table(upload.getvalue(), upload.name)
        elif pasted.strip():
            raw, read_problems = read_table(pasted.encode("utf-8"), "pasted.csv")
    except TableRefused as err:
        st.error(f"Refused: {err}")
    if raw is None:
        st.info("Upload a file or paste a table in the sidebar to map it.")
        st.stop()
    st.subheader("Your table")
    st.caption("Fix a row here and the map follows.")
    edited = st.data_editor(raw, num_rows="dynamic", width="stretch", key="editor")
    scale = schema.SCALE_PRESETS[scale_name]
    name = upload.name if upload is not None else "pasted.csv"
    today = pd.Timestamp.today().normalize()
    good, problems = prepare_statements(edited, scale, today, name, resolver())
    problems = read_problems + problems
    event = Event(id="upload", title=name, date=good["when"].min() if len(good) else today)
    event.scale, event.statements, event.problems, event.input_rows = (
        scale,
        good,
        problems,
        len(raw),
    )
else:
    event = cached_event(event_id, event_stamp(event_id))
    st.title(event.title)
    st.caption(
        f"{event.date:%-d %B %Y} · {len(event.statements)} statements by "
        f"{event.statements['actor_iso3'].nunique()} actors"
    )
    if event.summary:
        with st.expander("What happened"):
            st.write(event.summary)

scale = event.scale
statements = event.statements
if event.problems:
    bad_rows = len({p.row for p in event.problems if p.blocking and p.row and p.row > 1})
    st.error(
        f"{len(event.problems)} problem(s): {bad_rows} row(s) of {event.input_rows} are not "
        "mapped until fixed. Each problem names its file, row and column."
    )
    st.dataframe(schema.problems_frame(event.problems), hide_index=True, width="stretch")
if statements.empty:
    st.warning("No statement to map yet.")
    st.stop()

# ---- filters ----------------------------------------------------------------------------------
countries, markers = world()
first, last = (d.date() for d in stance.date_range(statements))
as_of_param = pd.to_datetime(params.get("as_of", ""), errors="coerce")
default_as_of = last if pd.isna(as_of_param) else min(max(as_of_param.date(), first), last)
all_keys = [c.key for c in scale.with_none]
stance_param = [k for k in params.get("stance", "").split(",") if k in all_keys]
regions = sorted(countries["region"].dropna().unique())
orgs = sorted({c for c in statements["actor_iso3"] if resolver().is_organization(c)})
with st.sidebar:
    if first < last:
        as_of = st.slider(
            "As of", min_value=first, max_value=last, value=default_as_of, format="D MMM YYYY"
        )
    else:
        as_of = first
        st.caption(f"All statements are from {first:%-d %B %Y}.")
    shown = st.pills(
        "Stances shown",
        all_keys,
        selection_mode="multi",
        default=stance_param or all_keys,
        format_func=scale.label,
        key="stances",
    )
    region = st.selectbox(
        "Region",
        ["World", *regions],
        index=([*regions].index(params["region"]) + 1) if params.get("region") in regions else 0,
    )
    inherit_from = st.multiselect(
        "Shade members of these organizations when silent",
        orgs,
        default=[o for o in params.get("inherit", "").split(",") if o in orgs],
        format_func=resolver().country_name,
        help="A member that said nothing itself takes its organization's stance, drawn lighter.",
    )
as_of = pd.Timestamp(as_of)

table = cached_table(event, as_of, tuple(inherit_from))
region_codes = None
if region != "World":
    region_codes = set(countries.loc[countries["region"] == region, "iso3"])
country_rows = view.countries_only(table, resolver())
org_rows = view.organizations_only(table, resolver())
visible = country_rows[country_rows["stance"].isin(shown)]
if region_codes is not None:
    visible = visible[visible["actor_iso3"].isin(region_codes)]

# ---- selection: a click on the map, the picker, or ?country= -----------------------------------
names = dict(zip(countries["iso3"], countries["name"], strict=True))
selected = params.get("country", "")
if "map" in st.session_state:
    points = st.session_state["map"].get("selection", {}).get("points", [])
    if points:
        selected = points[0].get("location") or points[0].get("customdata") or selected

# ---- the map ----------------------------------------------------------------------------------
fig = cached_map(country_rows, scale, tuple(shown), "" if region == "World" else region, selected)
st.plotly_chart(
    fig,
    key="map",
    on_select="rerun",
    selection_mode="points",
    config=PLOTLY_CONFIG,
    width="stretch",
    theme=None,
)
counts = stance.stance_counts(country_rows, scale.keys)
st.caption(
    " · ".join(f"{scale.label(k)}: {n}" for k, n in counts.items())
    + f" · as of {as_of:%-d %B %Y}. Hover a country for its statement; click it for its cards."
)

# ---- cards and organizations -------------------------------------------------------------------
known = stance.as_of(statements, as_of)
card_rows = view.filter_statements(
    known, shown, set(visible["actor_iso3"]) | set(org_rows["actor_iso3"])
)
left, right = st.columns([3, 2], gap="large")
with left:
    pick = st.selectbox(
        "Country",
        ["", *sorted(set(card_rows["actor_iso3"]), key=lambda c: names.get(c, c))],
        index=0,
        format_func=lambda c: (
            "All countries" if not c else names.get(c, resolver().country_name(c))
        ),
        key="country_pick",
    )
    selected = pick or selected
    st.subheader(f"Statements ({len(card_rows)})")
    ordered = cards.order_cards(card_rows, selected)
    html_cards = "".join(
        cards.card_html(r, scale, r["actor_iso3"] == selected)
        for _, r in ordered.head(MAX_CARDS).iterrows()
    )
    with st.container(height=720 if len(ordered) > 4 else "content", border=False):
        st.html(cards.CARD_CSS + f'<div class="rm-cards">{html_cards}</div>')
    if len(ordered) > MAX_CARDS:
        st.caption(f"Showing {MAX_CARDS} of {len(ordered)}; the table below has them all.")
with right:
    st.subheader("Organizations")
    if org_rows.empty:
        st.caption("No organization has spoken as of this date.")
    for _, row in org_rows.iterrows():
        org_statements = known[known["actor_iso3"] == row["actor_iso3"]]
        st.html(
            cards.CARD_CSS
            + "".join(cards.card_html(r, scale) for _, r in org_statements.iterrows())
        )
    st.caption(
        "Organizations are not drawn on the map; choose one in the sidebar to shade its "
        "silent members."
    )

# ---- timeline ------------------------------------------------------------------------------------
st.subheader("Timeline")
timeline_rows = view.filter_statements(
    statements,
    shown,
    set(card_rows["actor_iso3"]) | set(statements.loc[statements["when"] > as_of, "actor_iso3"]),
)
st.plotly_chart(
    figures.timeline_figure(timeline_rows, event.milestones, scale, as_of),
    config=PLOTLY_CONFIG,
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
    st.caption("Not on the timeline, date not reported: " + ", ".join(undated["actor"]))
placed = figures.day_milestones(event.milestones)
for milestone in event.milestones:
    if milestone not in placed:
        st.caption(
            f"Milestone not on the timeline (day not reported): {milestone.get('label', '')}"
            f" ({milestone.get('date', 'no date')})"
        )

# ---- table and downloads ----------------------------------------------------------------------
st.subheader("Stance table")
shown_table = pd.concat([visible, org_rows[org_rows["stance"].isin(shown)]])
st.dataframe(shown_table, hide_index=True, width="stretch")
c1, c2, c3 = st.columns(3)
c1.download_button(
    "Stance table (CSV)",
    cached_bytes("stance", shown_table),
    export.download_name(event.id, "stance", as_of, "csv"),
    "text/csv",
    on_click="ignore",
)
c2.download_button(
    "Map (GeoJSON)",
    cached_bytes("geojson", shown_table),
    export.download_name(event.id, "stance", as_of, "geojson"),
    "application/geo+json",
    on_click="ignore",
)
c3.download_button(
    "All statements (CSV)",
    cached_bytes("statements", statements),
    export.download_name(event.id, "statements", None, "csv"),
    "text/csv",
    on_click="ignore",
)

# ---- keep the URL in step with the view -------------------------------------------------------
state = {"event": event_id if event_id != UPLOAD else "", "as_of": f"{as_of:%Y-%m-%d}"}
state["stance"] = ",".join(shown) if set(shown) != set(all_keys) else ""
state["region"] = region if region != "World" else ""
state["country"] = selected or ""
state["inherit"] = ",".join(inherit_from)
for key, value in state.items():
    if value:
        st.query_params[key] = value
    elif key in st.query_params:
        del st.query_params[key]
with st.sidebar:
    st.caption("Link to this view (copy it with the button at its right)")
    base = (st.context.url or "").split("?", 1)[0]
    st.code(
        f"{base}?{urlencode({k: v for k, v in state.items() if v})}", language=None, wrap_lines=True
    )
