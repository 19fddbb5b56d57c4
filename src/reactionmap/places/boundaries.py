"""Load the shipped world shapes, microstate markers and regions (figures and export key on ISO3)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
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

# The small states' two dot placements in markers.csv (column prefix) and the scale of the world
# map each was made for, in metres of the Natural Earth projection per px: the dashboard's
# desktop map (~840 px wide) and a phone's (~358 px). Each dot's centre lies at least
# DOT_CLEAR_PX from every country but its own with less land than DOT_BIG such discs, and
# DOT_APART_PX from every other dot. (scripts/build_boundaries.py places them; a test keeps
# these numbers equal to its own.)
DOT_PLACEMENTS = {"dot": 41_000, "narrow": 98_000}
DOT_CLEAR_PX = 5.5
DOT_APART_PX = 7.3
DOT_BIG = 5.0
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


def region_codes(region: str) -> frozenset[str] | None:
    """Every ISO code in a UN region, drawable or not; None for the whole world ("")."""
    if not region:
        return None
    return _codes_by_region(REGIONS_PATH.resolve()).get(region, frozenset())


@lru_cache(maxsize=2)
def _codes_by_region(path: Path) -> dict[str, frozenset[str]]:
    """Each region's codes, worked out once per file, as the file itself is read (_read_csv):
    a new view asked for them on every rerun, a copy of the table and a filter each time."""
    regions = load_regions(path)
    return {
        region: frozenset(group["iso3"])
        for region, group in regions.dropna(subset=["region"]).groupby("region")
    }


# A region's extent: its UN members' and observers' largest parts (France's Guiana is not
# Europe's), their small states' points and dots, and the region's other territories that lie
# within TERRITORY_REACH degrees of them (Guam, Christmas Island, French Polynesia: Heard Island,
# Pitcairn and the French Southern Territories, far out in the ocean, would shrink Oceania's or
# Africa's map by a sixth to a third for a few uninhabited or 50-people islands).
EXTENT_PAD = 2.0  # degrees around the outermost land
TERRITORY_REACH = 10.0
# Europe ends at the Urals: Russia's Asian part (to 190E) would squash Europe into a strip.
REGION_LON_CLIP = {"Europe": (-32.0, 60.0)}


@dataclass(frozen=True)
class Extent:
    """What a region's map must show, in degrees: longitudes unwrapped around ``centre`` (the
    region's circular-mean longitude, the map's rotation), so that Oceania runs from 111 to 215
    rather than across the antimeridian; ``lon_min`` < ``lon_max`` may pass 180."""

    centre: float
    lon_min: float
    lon_max: float
    lat_min: float
    lat_max: float

    def holds(self, lon: float, lat: float) -> bool:
        """Whether a point (any longitude) lies in the extent."""
        x = unwrap(lon, self.centre)
        return self.lon_min <= x <= self.lon_max and self.lat_min <= lat <= self.lat_max


def unwrap(lon: float, centre: float) -> float:
    """``lon`` moved by whole turns to within 180 degrees of ``centre``."""
    return (lon - centre + 180.0) % 360.0 - 180.0 + centre


def _largest_part(geom):
    import shapely

    return max(shapely.get_parts(geom), key=lambda part: part.area)


def region_extents(
    countries: gpd.GeoDataFrame, markers: pd.DataFrame, members: set[str]
) -> dict[str, Extent]:
    """Each region's Extent (Antarctica has none): see TERRITORY_REACH and REGION_LON_CLIP."""
    import shapely

    out = {}
    region_of = load_regions().set_index("iso3")["region"].to_dict()
    region_of |= dict(zip(countries["iso3"], countries["region"], strict=True))
    for region in sorted(set(countries["region"]) - {"Antarctica"}):
        rows = countries[countries["region"] == region]
        clip = REGION_LON_CLIP.get(region)
        parts = []
        for iso3, geom in zip(rows["iso3"], rows.geometry, strict=True):
            if iso3 in members:
                part = _largest_part(geom)
                if clip:
                    part = _largest_part(part.intersection(shapely.box(clip[0], -90, clip[1], 90)))
                parts.append(part)
        dots = markers[markers["iso3"].map(region_of) == region]
        points = [(lon, lat) for lon, lat in zip(dots["lon"], dots["lat"], strict=True)]
        points += [(lon, lat) for lon, lat in zip(dots["dot_lon"], dots["dot_lat"], strict=True)]
        # The circular mean of the members' longitudes: Oceania's centre is 166E, not 0.
        lons = np.radians([p.representative_point().x for p in parts] + [p[0] for p in points])
        centre = float(np.degrees(np.arctan2(np.sin(lons).mean(), np.cos(lons).mean())))
        xs, ys = [], []
        for part in parts:
            x0, y0, x1, y1 = part.bounds  # no part crosses the antimeridian (the build cuts it)
            mid = unwrap((x0 + x1) / 2, centre)
            xs += [mid - (x1 - x0) / 2, mid + (x1 - x0) / 2]
            ys += [y0, y1]
        xs += [unwrap(lon, centre) for lon, _ in points]
        ys += [lat for _, lat in points]
        box = (min(xs), max(xs), min(ys), max(ys))
        for iso3, geom in zip(rows["iso3"], rows.geometry, strict=True):
            if iso3 in members:
                continue
            point = _largest_part(geom).representative_point()
            x, y = unwrap(point.x, centre), point.y
            if max(box[0] - x, x - box[1], box[2] - y, y - box[3]) <= TERRITORY_REACH:
                xs.append(x)
                ys.append(y)
        out[region] = Extent(
            round(centre, 2),
            round(min(xs) - EXTENT_PAD, 2),
            round(max(xs) + EXTENT_PAD, 2),
            round(max(min(ys) - EXTENT_PAD, -89.0), 2),
            round(min(max(ys) + EXTENT_PAD, 89.0), 2),
        )
    return out


@lru_cache(maxsize=1)
def _shipped_extents() -> dict[str, Extent]:
    members = set(load_un_states()["iso3"])
    return region_extents(load_countries(), load_markers(), members)


def region_extent(region: str) -> Extent | None:
    """The shipped shapes' Extent of a UN region; None for the world ("") or Antarctica."""
    return _shipped_extents().get(region) if region else None
