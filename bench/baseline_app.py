"""Baseline for the benchmarks: the reaction map as a newcomer would write it in an afternoon.

plotly express with discrete colours, the world shapes inline in the figure (a GeoJSON dict),
no caching, the event's CSV read with pandas on every run, st.dataframe for the table, and
roughly the same filters as app.py (as-of slider, stance pills, region select).

It is only ever run by bench/run.py, from a temporary directory that symlinks the repository's
static/ folder and .streamlit/ beside it (see bench/README.md): without the locally served
base-map topojson (``topojsonURL`` below) plotly's geo map is blank offline.
"""

import json
import os
from pathlib import Path

import pandas as pd
import plotly.express as px
import streamlit as st

REPO = Path(__file__).resolve().parents[1]
EVENTS = Path(os.environ.get("REACTIONMAP_DATA_DIR") or REPO / "data")
EVENTS = EVENTS / "events" if (EVENTS / "events").is_dir() else EVENTS
COLORS = {
    "condemn": "#D55E00",
    "concern": "#E69F00",
    "neutral": "#F0E442",
    "support": "#0072B2",
    "party": "#CC79A7",
    "none": "#E3E3E3",
}
LABELS = {
    "condemn": "Condemned",
    "concern": "Expressed concern / urged restraint",
    "neutral": "Neutral or ambivalent",
    "support": "Supported",
    "party": "Directly involved",
    "none": "No statement recorded",
}

st.set_page_config(page_title="reactions (baseline)", layout="wide")

event_dir = sorted(p for p in EVENTS.iterdir() if (p / "statements.csv").is_file())[0]
df = pd.read_csv(event_dir / "statements.csv", keep_default_na=False)
df["when"] = pd.to_datetime(df["date"], format="mixed", errors="coerce")
df["when"] = df["when"].fillna(df["when"].min())
df["text"] = df["quote"].where(df["quote"] != "", df["summary"])

with open(REPO / "data" / "boundaries" / "countries.geojson") as f:
    world = json.load(f)
countries = pd.DataFrame([feat["properties"] for feat in world["features"]])

st.title(event_dir.name)
with st.sidebar:
    first, last = df["when"].min().date(), df["when"].max().date()
    as_of = st.slider("As of", first, last, last) if first < last else last
    shown = st.pills(
        "Stances shown",
        list(LABELS),
        selection_mode="multi",
        default=list(LABELS),
        format_func=LABELS.get,
    )
    region = st.selectbox("Region", ["World", *sorted(countries["region"].dropna().unique())])

known = df[df["when"] <= pd.Timestamp(as_of)]
latest = known.sort_values("when").groupby("actor_iso3").tail(1)
table = countries.merge(
    latest[["actor_iso3", "stance", "speaker", "date", "text"]],
    left_on="iso3",
    right_on="actor_iso3",
    how="left",
)
table["stance"] = table["stance"].fillna("none")
table["label"] = table["stance"].map(LABELS)
table = table[table["stance"].isin(shown)]
if region != "World":
    table = table[table["region"] == region]

fig = px.choropleth(
    table,
    geojson=world,
    locations="iso3",
    featureidkey="properties.iso3",
    color="label",
    color_discrete_map={LABELS[k]: c for k, c in COLORS.items()},
    hover_name="name",
    hover_data={"iso3": False, "label": True, "speaker": True, "date": True, "text": True},
)
fig.update_geos(
    showframe=False,
    projection_type="natural earth",
    fitbounds="locations" if region != "World" else False,
)
fig.update_layout(height=520, margin={"l": 0, "r": 0, "t": 0, "b": 0})
st.plotly_chart(fig, config={"topojsonURL": "app/static/topojson/"})

st.subheader("Statements")
for _, row in known[known["stance"].isin(shown)].head(60).iterrows():
    st.markdown(
        f"**{row['actor']}** ({LABELS.get(row['stance'], row['stance'])}, {row['date']}): {row['text']}"
    )

st.subheader("Timeline")
st.plotly_chart(px.scatter(known, x="when", y="actor", color="stance", color_discrete_map=COLORS))

st.subheader("Stance table")
st.dataframe(table)
st.download_button("Download CSV", table.to_csv(index=False), "stance.csv")
