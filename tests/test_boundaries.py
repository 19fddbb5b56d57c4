"""Tests for the shipped world shapes, markers and regions (reactionmap.boundaries)."""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pycountry
import pytest
import shapely
from shapely.geometry import Polygon, shape

from reactionmap.draw import frame, style
from reactionmap.places import boundaries

ROOT = Path(__file__).resolve().parents[1]
UN_MEMBERS_FILE = Path(__file__).with_name("data") / "un_member_iso3.txt"
OBSERVERS = {"VAT", "PSE"}
REGIONS = {"Africa", "Americas", "Asia", "Europe", "Oceania", "Antarctica"}


@pytest.fixture(scope="module")
def features() -> list[dict]:
    """The features as written in the file, read without GDAL (orientation untouched)."""
    return json.loads(boundaries.COUNTRIES_PATH.read_text(encoding="utf-8"))["features"]


@pytest.fixture(scope="module")
def shapes(features) -> dict[str, shapely.Geometry]:
    return {f["properties"]["iso3"]: shape(f["geometry"]) for f in features}


@pytest.fixture(scope="module")
def un_members() -> list[str]:
    return UN_MEMBERS_FILE.read_text().split()


def polygons(geom) -> list[Polygon]:
    return [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon"]


def test_un_member_list_has_193_known_codes(un_members):
    assert len(un_members) == 193
    assert len(set(un_members)) == 193
    unknown = [c for c in un_members if pycountry.countries.get(alpha_3=c) is None]
    assert unknown == []
    assert not OBSERVERS & set(un_members)


def test_shipped_un_states_match_the_test_list(un_members):
    states = boundaries.load_un_states()
    assert sorted(states.loc[states.status == "member", "iso3"]) == sorted(un_members)
    assert set(states.loc[states.status == "observer", "iso3"]) == OBSERVERS


def test_every_feature_has_a_unique_nonempty_iso3_and_name(features):
    codes = [f["properties"]["iso3"] for f in features]
    assert all(isinstance(c, str) and len(c) == 3 and c.isupper() for c in codes)
    assert len(codes) == len(set(codes))
    assert [f["id"] for f in features] == codes
    names = [f["properties"]["name"] for f in features]
    assert all(names) and not [n for n in names if "," in n]


def test_documented_codes_for_features_without_iso_id(shapes):
    for code in ("XKX", "CYN", "SOL", "KAS", "CXR", "CCK"):
        assert code in shapes
    # Ashmore and Cartier Is. is merged into Australia, whose numeric id it shares.
    assert shapes["AUS"].intersects(shapely.Point(123.58, -12.43).buffer(0.05))


def test_every_un_member_and_observer_is_drawable(un_members):
    table = boundaries.country_table()
    assert table.iso3.is_unique
    missing = sorted((set(un_members) | OBSERVERS) - set(table.iso3))
    assert missing == []
    drawable = table.has_shape | table.has_marker
    assert drawable.all()
    tuvalu = table.set_index("iso3").loc["TUV"]
    assert not tuvalu.has_shape and tuvalu.has_marker and tuvalu.region == "Oceania"


def test_exterior_rings_clockwise_holes_counterclockwise(shapes):
    wrong = []
    for code, geom in shapes.items():
        for poly in polygons(geom):
            if poly.exterior.is_ccw or any(not ring.is_ccw for ring in poly.interiors):
                wrong.append(code)
    assert wrong == []


def test_loaded_geometry_keeps_orientation_and_is_valid():
    countries = boundaries.load_countries()
    assert countries.crs.to_epsg() == 4326
    assert countries.geometry.is_valid.all()
    assert not countries.geometry.is_empty.any()
    ccw = [p.exterior.is_ccw for g in countries.geometry for p in polygons(g)]
    assert not any(ccw)


def test_load_countries_returns_an_independent_copy():
    first = boundaries.load_countries()
    first.loc[:, "name"] = "changed"
    assert "changed" not in set(boundaries.load_countries().name)


def test_shapes_form_a_coverage_with_shared_borders(shapes):
    assert shapely.coverage_is_valid(list(shapes.values()))
    for a, b in [("FRA", "ESP"), ("USA", "CAN"), ("BRA", "ARG"), ("CHN", "IND"), ("ITA", "SMR")]:
        border = shapes[a].intersection(shapes[b])
        assert border.length > 0.05, (a, b)
        assert shapes[a].intersection(shapes[b]).area == pytest.approx(0, abs=1e-9)


def test_no_part_jumps_across_the_antimeridian(shapes):
    wide = [
        code
        for code, geom in shapes.items()
        if code != "ATA"
        for poly in polygons(geom)
        if poly.bounds[2] - poly.bounds[0] > 180
    ]
    assert wide == []


def test_antarctica_is_whole_and_reaches_the_pole(shapes):
    ant = shapes["ATA"]
    assert ant.is_valid
    assert ant.bounds[1] == -90 and ant.bounds[0] == -180 and ant.bounds[2] == 180
    assert ant.area > 6000  # square degrees; the planar pole-to-coast band


def test_geojson_is_small_enough():
    raw = boundaries.COUNTRIES_PATH.read_bytes()
    assert len(gzip.compress(raw, compresslevel=9)) <= 200_000


def _served(url: str) -> Path:
    """The file Streamlit's static serving answers ``url`` with: ./static/ at app/static/."""
    assert url.startswith("app/static/"), url
    return ROOT / "static" / url.removeprefix("app/static/")


def test_the_map_the_browser_draws_has_every_exported_shape():
    """The page draws the GeoJSON at GEOJSON_URL; exports and hover codes come from
    load_countries(). Both must hold the same shapes, or a country is drawn without its
    stance (or exported but never drawn)."""
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableStaticServing"] is True
    served = json.loads(_served(boundaries.GEOJSON_URL).read_text(encoding="utf-8"))
    drawn = {f["properties"]["iso3"]: shape(f["geometry"]) for f in served["features"]}
    exported = boundaries.load_countries().set_index("iso3").geometry
    assert set(drawn) == set(exported.index)
    for code in ("FRA", "RUS", "USA", "FJI"):
        assert drawn[code].equals_exact(exported[code], tolerance=0), code


def test_plotly_base_map_topojson_is_served():
    """plotly.js asks for {topojsonURL}world_110m.json: it must be a topology there."""
    assert boundaries.TOPOJSON_URL.endswith("/")  # plotly appends the file name
    topo = json.loads(_served(boundaries.TOPOJSON_URL + "world_110m.json").read_text())
    assert topo["type"] == "Topology"
    assert {"countries", "coastlines", "land"} <= set(topo["objects"])


def test_regions_follow_un_m49(shapes):
    table = boundaries.country_table().set_index("iso3")
    assert set(table.region) == REGIONS
    assert table.subregion.notna().all()
    expected = {
        "FRA": ("Europe", "Western Europe"),
        "VEN": ("Americas", "South America"),
        "USA": ("Americas", "Northern America"),
        "NGA": ("Africa", "Western Africa"),
        "EGY": ("Africa", "Northern Africa"),
        "JPN": ("Asia", "Eastern Asia"),
        "FJI": ("Oceania", "Melanesia"),
        "XKX": ("Europe", "Southern Europe"),
        "TWN": ("Asia", "Eastern Asia"),
        "ATA": ("Antarctica", "Antarctica"),
    }
    for code, (region, subregion) in expected.items():
        assert (table.loc[code, "region"], table.loc[code, "subregion"]) == (region, subregion)


def test_markers_cover_microstates_and_sit_on_their_country(shapes, un_members):
    markers = boundaries.load_markers()
    assert list(markers.columns) == boundaries.MARKER_COLUMNS
    assert markers.iso3.is_unique
    assert set(markers.iso3) <= set(un_members) | OBSERVERS
    for code in ("VAT", "MCO", "SMR", "LIE", "NRU", "TUV", "MDV", "SGP", "KNA"):
        assert code in set(markers.iso3)
    # Too thin to point at by themselves on a phone's region view (~32 km per px).
    for code in ("GMB", "LBN", "QAT", "ISR", "SLV", "JAM"):
        assert code in set(markers.iso3)
    for code in ("FRA", "CHE", "BEL", "MKD", "CUB"):
        assert code not in set(markers.iso3)
    for row in markers.itertuples():
        point = shapely.Point(row.lon, row.lat)
        if row.iso3 in shapes:
            assert shapes[row.iso3].distance(point) < 0.1, row.iso3
    tuvalu = markers.set_index("iso3").loc["TUV"]
    assert 176 < tuvalu.lon < 180 and -11 < tuvalu.lat < -5


def test_no_dot_hides_a_small_neighbour_or_another_dot():
    """The shipped dots, at both map widths: each dot's hover area and 1.5 px more touch no
    small country but its own, and no two dots overlap (as the build script places them)."""
    build = _build_script()
    countries = boundaries.load_countries().to_crs(build.NATEARTH)
    codes, geoms = list(countries.iso3), list(countries.geometry)
    markers = boundaries.load_markers()
    for prefix, metres in build.DOT_SCALES.items():
        clear = build.DOT_CLEAR_PX * metres
        dots = gpd.GeoSeries(
            gpd.points_from_xy(markers[f"{prefix}_lon"], markers[f"{prefix}_lat"]), crs=4326
        ).to_crs(build.NATEARTH)
        for iso3, dot in zip(markers.iso3, dots, strict=True):
            disc = dot.buffer(clear * 0.99)  # the CSV rounds to 4 decimals
            for code, geom in zip(codes, geoms, strict=True):
                small = geom.area < build.DOT_BIG * np.pi * clear**2
                assert not (code != iso3 and small and disc.intersects(geom)), (prefix, iso3, code)
        for i, a in enumerate(dots):
            for b in list(dots)[i + 1 :]:
                assert a.distance(b) >= build.DOT_APART_PX * metres * 0.99, prefix


def _build_script():
    spec = importlib.util.spec_from_file_location(
        "build_boundaries", ROOT / "scripts" / "build_boundaries.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_helpers_make_spherical_rings_planar():
    build = _build_script()
    # A ring from 170E across the antimeridian to 170W becomes two parts, one on each side.
    crossing = Polygon([(170, 10), (-170, 10), (-170, 20), (170, 20)])
    parts = build.split_antimeridian(crossing)
    assert sorted(round(p.area) for p in parts) == [100, 100]
    assert all(p.bounds[2] - p.bounds[0] <= 10 for p in parts)
    # world-atlas' Antarctica: a ring along the pole with the coast as its hole.
    lons = list(range(-180, 180, 30))
    pole_ring = [(x, -89.999) for x in reversed(lons)]
    coast = [(x, -70.0) for x in lons]
    planar = build.close_polar_ring(Polygon(pole_ring, [coast]))
    assert planar.is_valid and planar.bounds == (-180, -90, 180, -70.0)
    assert build.close_polar_ring(crossing) is None


MEMBERS = set(boundaries.load_un_states()["iso3"])


def test_region_extents_hold_their_states_and_near_territories(shapes):
    """Every UN member's and observer's largest part (Russia's up to the Urals), small-state
    point and dot lies in its region's extent; territories within TERRITORY_REACH degrees too;
    the far ones (Heard Island, Pitcairn, the French Southern Territories) do not stretch it."""
    table = boundaries.country_table().set_index("iso3")
    markers = boundaries.load_markers().set_index("iso3")
    for iso3, row in table.iterrows():
        extent = boundaries.region_extent(row.region)
        if extent is None:
            assert row.region == "Antarctica"
            continue
        if iso3 in MEMBERS and iso3 in shapes:
            part = max(polygons(shapes[iso3]), key=lambda p: p.area)
            if iso3 == "RUS":
                part = part.intersection(shapely.box(-32, -90, 60, 90))
            x0, y0, x1, y1 = part.bounds
            assert extent.holds(x0, y0) and extent.holds(x1, y1), (iso3, extent)
        if iso3 in markers.index:
            m = markers.loc[iso3]
            assert extent.holds(m.lon, m.lat) and extent.holds(m.dot_lon, m.dot_lat), iso3
    oceania = boundaries.region_extent("Oceania")
    assert 150 < oceania.centre < 180 and oceania.lon_min < 180 < oceania.lon_max
    for iso3 in ("GUM", "MNP", "CXR", "PYF", "NCL"):  # near: in the frame
        point = max(polygons(shapes[iso3]), key=lambda p: p.area).representative_point()
        assert oceania.holds(point.x, point.y), iso3
    for iso3 in ("HMD", "PCN", "CCK", "ATF", "IOT"):  # far out at sea: left out
        point = max(polygons(shapes[iso3]), key=lambda p: p.area).representative_point()
        assert not boundaries.region_extent(table.loc[iso3, "region"]).holds(point.x, point.y)
    europe = boundaries.region_extent("Europe")
    assert -30 < europe.lon_min < -20 and 55 < europe.lon_max < 65  # Iceland to the Urals
    assert boundaries.region_extent("") is None
    assert set(boundaries.region_codes("Europe")) >= {"FRA", "DEU"}
    assert boundaries.region_codes("") is None


def test_region_codes_are_every_regions_rows():
    regions = boundaries.load_regions()
    for region in regions["region"].dropna().unique():
        codes = set(regions.loc[regions["region"] == region, "iso3"])
        assert boundaries.region_codes(region) == codes, region
    assert boundaries.region_codes("Atlantis") == frozenset()


ASPECTS = [0.7, 1.0, 840 / 680, 358 / 420, 1.9, 2.6, 4.0]


@pytest.mark.parametrize("region", ["Africa", "Americas", "Asia", "Europe", "Oceania"])
def test_a_region_frame_fills_its_box_and_holds_its_extent(region):
    extent = boundaries.region_extent(region)
    for aspect in ASPECTS:
        fitted = frame.geo_frame(extent, aspect)
        (lon0, lon1), (lat0, lat1) = fitted.lon_range, fitted.lat_range
        assert lon0 <= extent.lon_min and extent.lon_max <= lon1
        assert lat0 <= extent.lat_min and extent.lat_max <= lat1
        assert fitted.rotation == pytest.approx((lon0 + lon1) / 2, abs=0.01)
        width, height = frame.box_size((lon1 - lon0) / 2, lat0, lat1)
        whole = lon1 - lon0 >= 359.99 or (lat0 <= -89 and lat1 >= 89)
        assert whole or width / height == pytest.approx(aspect, rel=0.005), (aspect, fitted)
    # The dashboard's map: a tall region gets a taller box, within the bounds.
    for width in (frame.DESKTOP_WIDTH, frame.PHONE_WIDTH):
        height = frame.box_height(extent, width)
        assert frame.BOX_MIN <= height <= frame.BOX_MAX
        assert height >= frame.box_height(None, width) or region == "Europe"


def test_the_world_frame_is_the_shared_one():
    fitted = frame.geo_frame(None, 2.0)
    assert (*fitted.lon_range, *fitted.lat_range) == style.WORLD_FRAME
    # plotly's range box bulges to 66S and 86N between its corners: 840 px wide, 391 tall (as
    # measured in the browser), not the 369 its corners alone would give.
    assert frame.natural_aspect(None) == pytest.approx(840 / 391, abs=0.01)
    assert frame.box_height(None, 840) == round(840 / frame.natural_aspect(None))


def _px_per_metre(extent, width: float) -> float:
    """The scale of the dashboard's map of ``extent`` ``width`` px wide (Natural Earth on the
    unit sphere, in metres of the build's projection)."""
    fitted = frame.geo_frame(extent, width / frame.box_height(extent, width))
    (lon0, lon1), (lat0, lat1) = fitted.lon_range, fitted.lat_range
    w, h = frame.box_size((lon1 - lon0) / 2, lat0, lat1)
    pixels = min(width / w, frame.box_height(extent, width) / h)  # px per unit of the sphere
    return pixels / 6_378_137


def test_dot_placements_fit_every_map_that_uses_them():
    """A phone's world map takes the narrow placement, every other map the desktop one: each
    is drawn at a scale no coarser than the one its placement was made for (so no dot of it
    hides a small neighbour), and the numbers are the build script's."""
    build = _build_script()
    assert build.DOT_SCALES == boundaries.DOT_PLACEMENTS
    assert (build.DOT_CLEAR_PX, build.DOT_APART_PX, build.DOT_BIG) == (
        boundaries.DOT_CLEAR_PX, boundaries.DOT_APART_PX, boundaries.DOT_BIG,
    )  # fmt: skip
    metres = boundaries.DOT_PLACEMENTS
    # At most 2% coarser: a dot's clear radius of 5.5 px stays above its hover radius and 1 px.
    assert 1 / _px_per_metre(None, frame.DESKTOP_WIDTH) <= metres["dot"] * 1.02
    assert 1 / _px_per_metre(None, frame.PHONE_WIDTH) <= metres["narrow"] * 1.02
    for region in ("Africa", "Americas", "Asia", "Europe", "Oceania"):
        extent = boundaries.region_extent(region)
        for width in (frame.PHONE_WIDTH, frame.DESKTOP_WIDTH, 1068):
            assert 1 / _px_per_metre(extent, width) <= metres["dot"], (region, width)
