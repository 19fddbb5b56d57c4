"""Bytes for download: the stance table as CSV or GeoJSON, and one row per UN member for joining."""

from __future__ import annotations

import json
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

import pandas as pd
from shapely.geometry import Point, mapping

from reactionmap.contract.cells import csv_bytes
from reactionmap.contract.scale import NO_STATEMENT_KEY
from reactionmap.view.stance import STANCE_COLUMNS

if TYPE_CHECKING:
    import geopandas as gpd


def stance_csv(table: pd.DataFrame) -> bytes:
    """The stance table as CSV, one row per actor, in one order wherever it is made (the page's
    download, the published page, `reactionmap export`): by actor name, then code. The latest
    statement's date is in ``latest_date`` as the data gives it (ISO: YYYY-MM-DD, YYYY-MM or
    empty) with its ``latest_date_precision``; ``latest_date_label`` is the text a reader sees."""
    rows = table.reindex(columns=list(STANCE_COLUMNS), fill_value="")
    return csv_bytes(rows.sort_values(["actor", "actor_iso3"], kind="stable"))


def stance_geojson(
    table: pd.DataFrame,
    countries: gpd.GeoDataFrame,
    markers: pd.DataFrame,
    shown: AbstractSet[str] | None = None,
) -> bytes:
    """Every country's shape (a point for a state with no shape) with iso3, name and stance.

    Countries that said nothing have stance "none". Organizations are not countries and are
    left out. An actor with neither a shape nor a marker gets a null geometry, never
    dropped. With ``shown`` (the codes the reader's filters keep), each feature also says
    whether it is ``shown``: a country filtered out keeps its real stance. Coordinates are
    WGS84 longitude/latitude as RFC 7946 asks.
    """
    own = table.set_index("actor_iso3")
    props = [c for c in STANCE_COLUMNS if c not in ("actor_iso3", "actor")]
    features = []
    shaped = set(countries["iso3"])
    rows = [(r.iso3, r.name, r.geometry) for r in countries.itertuples()]
    rows += [
        (r.iso3, r.name, Point(r.lon, r.lat)) for r in markers.itertuples() if r.iso3 not in shaped
    ]
    # An actor with no shape and no marker is still exported, with a null geometry.
    drawn = shaped | set(markers["iso3"])
    rows += [(code, own.loc[code, "actor"], None) for code in own.index if code not in drawn]
    for iso3, name, geometry in rows:
        properties = {"iso3": iso3, "name": name, "stance": NO_STATEMENT_KEY}
        if iso3 in own.index:
            found = own.loc[iso3]
            properties |= {c: _plain(found[c]) for c in props}
        if shown is not None:
            properties["shown"] = iso3 in shown
        shape = None if geometry is None else mapping(geometry)
        features.append({"type": "Feature", "properties": properties, "geometry": shape})
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _plain(value: object) -> object:
    if hasattr(value, "item"):
        return value.item()
    return value


def download_name(event_id: str, what: str, as_of: pd.Timestamp | None, extension: str) -> str:
    """A file name that says which event, what and as of when: venezuela-2026-01_stance_2026-01-04.csv."""
    stamp = f"_{as_of:%Y-%m-%d}" if as_of is not None else ""
    return f"{event_id}_{what}{stamp}.{extension}"


def all_countries_csv(table: pd.DataFrame, scale, un_states: pd.DataFrame, names=None) -> bytes:
    """One row per UN member and observer (then any other actor that spoke), for joining to
    other country data: iso3, name, un_status, stance ('none' where nothing was said), its
    label, the ISO date of the latest statement in a column of its own, and its text."""
    from reactionmap.places.resolver import default_resolver

    names = names or default_resolver().country_name
    own = table.set_index("actor_iso3")
    status = dict(zip(un_states["iso3"], un_states["status"], strict=True))
    codes = list(un_states["iso3"]) + [c for c in own.index if c not in status]
    rows = []
    for code in codes:
        row = {"iso3": code, "name": "", "un_status": status.get(code, ""), "stance": "none"}
        if code in own.index:
            found = own.loc[code]
            row |= {
                "name": found["actor"],
                "stance": found["stance"],
                "date": found["latest_date"],
                "date_precision": found["latest_date_precision"],
                "statement_count": int(found["statement_count"]),
                "latest_text": found["latest_text"],
                "source_url": found["source_url"],
                "inherited_from": found["inherited_from"],
            }
        if not row["name"]:
            try:
                row["name"] = names(code)
            except KeyError:
                row["name"] = code
        row["stance_label"] = scale.label(row["stance"])
        rows.append(row)
    columns = [
        "iso3", "name", "un_status", "stance", "stance_label", "date", "date_precision",
        "statement_count", "latest_text", "source_url", "inherited_from",
    ]  # fmt: skip
    frame = pd.DataFrame(rows).reindex(columns=columns)
    frame["statement_count"] = frame["statement_count"].fillna(0).astype(int)
    return csv_bytes(frame.fillna(""))
