"""Load the shipped world shapes, microstate markers and regions (figures and export key on ISO3)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from reactionmap.contract.paths import BOUNDARIES_DIR

if TYPE_CHECKING:  # geopandas is imported only where geometry is needed: it costs ~20 MB
    import geopandas as gpd

COUNTRIES_PATH: Path = BOUNDARIES_DIR / "countries.geojson"
MARKERS_PATH: Path = BOUNDARIES_DIR / "markers.csv"
REGIONS_PATH: Path = BOUNDARIES_DIR / "regions.csv"
UN_STATES_PATH: Path = BOUNDARIES_DIR / "un_states.csv"

# Relative URLs the browser uses (Streamlit serves static/ at app/static/).
GEOJSON_URL = "app/static/boundaries/countries.geojson"
# The sea as one shape (figures.SEA_GEOJSON, the same bytes), fetched once like the countries.
SEA_URL = "app/static/boundaries/sea.geojson"
TOPOJSON_URL = "app/static/topojson/"

COUNTRY_COLUMNS = ["iso3", "name", "region", "subregion"]
MARKER_COLUMNS = ["iso3", "name", "lon", "lat", "dot_lon", "dot_lat", "narrow_lon", "narrow_lat"]


@lru_cache(maxsize=4)
def _read_features(path: Path) -> tuple[dict, ...]:
    return tuple(json.loads(path.read_text(encoding="utf-8"))["features"])


@lru_cache(maxsize=4)
def _read_countries(path: Path) -> gpd.GeoDataFrame:
    import geopandas as gpd

    # Read with json + shapely rather than GDAL so ring orientation is kept exactly as written.
    frame = gpd.GeoDataFrame.from_features(_read_features(path), crs="EPSG:4326")
    missing = [c for c in COUNTRY_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{path}: features lack properties {missing}; expected {COUNTRY_COLUMNS}")
    return frame[[*COUNTRY_COLUMNS, "geometry"]]


def load_countries(path: Path | None = None) -> gpd.GeoDataFrame:
    """One row per shape: iso3, name, region, subregion, geometry (EPSG:4326).

    Exterior rings are clockwise (plotly geo's convention). The file is read once per path;
    each call returns a fresh copy that the caller may modify.
    """
    return _read_countries(Path(path or COUNTRIES_PATH).resolve()).copy()


@lru_cache(maxsize=4)
def _read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, keep_default_na=False, na_values=[""])


def load_markers(path: Path | None = None) -> pd.DataFrame:
    """iso3, name, lon, lat: a point for each UN member or observer state too small to hover
    at world scale, or missing at 1:50m (Tuvalu); dot_lon, dot_lat: where its dot is drawn,
    off any small neighbour it would hide (narrow_lon, narrow_lat: on a phone's narrower map).
    A fresh copy on each call."""
    path = Path(path or MARKERS_PATH).resolve()
    frame = _read_csv(path)
    missing = [c for c in MARKER_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{path}: missing columns {missing}; expected {MARKER_COLUMNS}")
    return frame[MARKER_COLUMNS].copy()


def load_regions(path: Path | None = None) -> pd.DataFrame:
    """iso3, region, subregion (UN M49 geoscheme) for every ISO3 code and the documented extras."""
    return _read_csv(Path(path or REGIONS_PATH).resolve())[["iso3", "region", "subregion"]].copy()


def load_un_states(path: Path | None = None) -> pd.DataFrame:
    """iso3, status ("member" or "observer"): the 193 UN member states and 2 observer states."""
    return _read_csv(Path(path or UN_STATES_PATH).resolve())[["iso3", "status"]].copy()


@lru_cache(maxsize=1)
def main_rings() -> dict[str, tuple[tuple[float, float], ...]]:
    """Each shape's largest part, as the (lon, lat) points of its outer ring (France's is
    Europe's, not Guiana's), read from the shapes without geopandas."""

    def area(ring: list) -> float:
        pairs = zip(ring, ring[1:], strict=False)
        return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairs))

    rings = {}
    for feature in _read_features(COUNTRIES_PATH.resolve()):
        geometry = feature["geometry"]
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        outer = max((polygon[0] for polygon in polygons), key=area)
        rings[feature["properties"]["iso3"]] = tuple((float(x), float(y)) for x, y in outer)
    return rings


def country_table() -> pd.DataFrame:
    """Every drawable country: iso3, name, region, subregion, has_shape, has_marker, and
    un_status ("member", "observer", or "" for a territory or a state outside the UN).

    The union of the shapes and the markers (Tuvalu has a marker but no shape), sorted by iso3.
    """
    properties = [f["properties"] for f in _read_features(COUNTRIES_PATH.resolve())]
    shapes = pd.DataFrame.from_records(properties, columns=COUNTRY_COLUMNS)
    markers = load_markers()
    extra = markers.loc[~markers.iso3.isin(shapes.iso3), ["iso3", "name"]]
    extra = extra.merge(load_regions(), on="iso3", how="left")
    table = pd.concat([shapes, extra], ignore_index=True)
    table["has_shape"] = table.iso3.isin(shapes.iso3)
    table["has_marker"] = table.iso3.isin(markers.iso3)
    status = load_un_states().set_index("iso3")["status"]
    table["un_status"] = table.iso3.map(status).fillna("")
    return table.sort_values("iso3", ignore_index=True)


def region_codes(region: str) -> pd.Series | None:
    """Every ISO code in a UN region, drawable or not; None for the whole world ("")."""
    if not region:
        return None
    regions = load_regions()
    return regions.loc[regions["region"] == region, "iso3"]


def region_bounds(countries, pad: float = 12.0) -> dict[str, tuple[float, float, float, float]]:
    """Per region, (lon_min, lon_max, lat_min, lat_max) around its countries' interior points.

    Interior points, not full bounds: a country that crosses the antimeridian (the USA's
    Aleutians, Russia's Chukotka) would otherwise stretch every frame to the whole globe.
    """
    points = countries.geometry.representative_point()
    frame = pd.DataFrame({"region": countries["region"], "x": points.x, "y": points.y})
    out = {}
    for region, group in frame.groupby("region"):
        out[region] = (
            max(group["x"].min() - pad, -180.0),
            min(group["x"].max() + pad, 180.0),
            max(group["y"].min() - pad, -89.0),
            min(group["y"].max() + pad, 89.0),
        )
    return out
