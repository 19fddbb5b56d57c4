"""reactionmap publish: the page's content and safety, the inlined shapes, the images, the CLI."""

from __future__ import annotations

import base64
import html
import io
import json
import xml.etree.ElementTree as ET
import zipfile

import pytest
from shapely.geometry import Polygon, shape

from reactionmap.intake.events import load_event
from reactionmap.places.boundaries import COUNTRIES_PATH
from reactionmap.publish.export import stance_csv
from reactionmap.publish.image import map_image
from reactionmap.publish.snapshot import snapshot
from reactionmap.publish.webpage import (
    QUANTIZE,
    embed_snippet,
    folder_zip,
    page_html,
    script_json,
    shapes_topojson,
)
from tests.conftest import GOOD_ROWS, row, write_event


def decode(topology: dict) -> dict[str, list[list[list[tuple[float, float]]]]]:
    """iso3 -> polygons -> rings of lon/lat points (a reader of the TopoJSON written)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]

    def arc(i: int) -> list[tuple[float, float]]:
        x = y = 0
        out = []
        for dx, dy in topology["arcs"][i if i >= 0 else ~i]:
            x, y = x + dx, y + dy
            out.append((x * sx + tx, y * sy + ty))
        return out if i >= 0 else out[::-1]

    shapes = {}
    for g in topology["objects"]["countries"]["geometries"]:
        polygons = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        shapes[g["properties"]["iso3"]] = [
            [[p for i in ring for p in arc(i)] for ring in polygon] for polygon in polygons
        ]
    return shapes


def test_inlined_shapes_keep_every_country_and_its_winding():
    source = json.loads(COUNTRIES_PATH.read_text(encoding="utf-8"))["features"]
    shapes = decode(json.loads(shapes_topojson()))
    assert set(shapes) == {f["properties"]["iso3"] for f in source}
    step = 360 / (QUANTIZE - 1)
    for feature in source:
        code = feature["properties"]["iso3"]
        for polygon in shapes[code]:
            # Clockwise exteriors: plotly fills the rest of the globe otherwise.
            assert not Polygon(polygon[0]).exterior.is_ccw, code
        points = [p for polygon in shapes[code] for ring in polygon for p in ring]
        x0, y0, x1, y1 = shape(feature["geometry"]).bounds
        assert x0 - step <= min(x for x, _ in points) and max(x for x, _ in points) <= x1 + step
        assert y0 - step <= min(y for _, y in points) and max(y for _, y in points) <= y1 + step


def test_script_json_cannot_close_its_script():
    text = script_json({"a": "</script><script>alert(1)</script><!--"})
    assert "</" not in text and "<!--" not in text
    assert json.loads(text) == {"a": "</script><script>alert(1)</script><!--"}


def test_page_holds_everything_and_fetches_nothing(venezuela):
    page = page_html(venezuela)
    assert len(page.encode()) <= 1_600_000
    assert venezuela.event.title in page
    assert "as of 5 January 2026" in page  # the last day a statement is known
    assert "Made with reactionmap" in page and "Download the data (CSV)" in page
    for publisher in venezuela.publishers():
        assert html.escape(publisher) in page
    csv = stance_csv(venezuela.page.table)
    assert base64.b64encode(csv).decode() in page
    # Nothing is loaded from elsewhere: no src or href to another host but the cards' sources.
    assert "<script src" not in page and "<link" not in page
    assert page.count("<script") == 6  # the figure, the view, the shapes, plotly, topojson, boot
    # The page's map: the region's frame, both dot placements (the phone's in the world view),
    # a touch on the map scrolls the page, and a tap on the sea finds the nearest country.
    assert "touch-action:pan-y pinch-zoom" in page and 'id="rm-view"' in page


def test_hostile_text_is_escaped(events_root):
    folder = write_event(
        events_root,
        "hostile",
        [
            row(
                statement_id="h1",
                actor="Brazil",
                stance="condemn",
                date="2026-03-01",
                quote="<script>alert(1)</script>",
                summary="<img src=x onerror=alert(2)>",
                source_name="<b>x</b>",
                source_url="javascript:alert(3)",
            ),
        ],  # fmt: skip
    )
    page = page_html(snapshot(load_event(folder)))
    body = page.split('<script type="application/json"')[0]
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert 'href="javascript:' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_filters_name_their_allowed_values(cli, good_event, tmp_path):
    code, _, err = cli(
        "publish", str(good_event), "--stance", "condemn,nope", "--out", str(tmp_path)
    )
    assert code == 2 and "nope" in err and "condemn" in err and "support" in err
    code, _, err = cli("publish", str(good_event), "--region", "Atlantis", "--out", str(tmp_path))
    assert code == 2 and "Atlantis" in err and "Europe" in err
    code, _, err = cli("publish", str(good_event), "--as-of", "soon", "--out", str(tmp_path))
    assert code == 2 and "soon" in err


def test_cli_writes_the_chosen_view(cli, good_event, tmp_path):
    out = tmp_path / "site"
    code, _, err = cli(
        "publish", str(good_event), "--as-of", "2026-03-02", "--stance", "condemn",
        "--region", "Europe", "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "as of 2 March 2026" in page and "showing Condemned" in page and "Europe" in page
    assert "We condemn it." in page  # France, condemn, 1 March
    assert "Urged restraint." not in page  # Germany: concern, filtered out
    assert "We will see." not in page  # France, 5 March: after the as-of date


def test_images_png_at_2x_and_svg_with_text(good_event, tmp_path):
    snap = snapshot(load_event(good_event))
    png = map_image(snap, "png", "1200x675")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (2400, 1350)
    square = map_image(snap, "png", "1080x1080")
    assert int.from_bytes(square[16:20], "big") == int.from_bytes(square[20:24], "big") == 2160
    svg = map_image(snap, "svg", "A4")
    texts = " ".join(
        t.text or "" for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")
    )
    assert "A test event" in texts
    # The legend, with counts as of the last day: France's latest is neutral (5 March).
    assert "Condemned (0)" in texts and "Neutral or ambivalent (1)" in texts
    assert "Paper" in texts and "Made with reactionmap" in texts  # the source line
    with pytest.raises(ValueError, match="1200x675"):
        map_image(snap, "png", "huge")


def test_image_text_is_not_mathtext(events_root):
    rows = [
        *GOOD_ROWS[:1],
        row(
            statement_id="s9",
            actor="Spain",
            stance="support",
            date="2026-03-01",
            source_name="$x^2$ Daily",
        ),
    ]
    folder = write_event(events_root, "dollars", rows)
    svg = map_image(snapshot(load_event(folder)), "svg")
    assert b"$x^2$ Daily" in svg


def test_folder_zip_and_embed_snippet(good_event):
    snap = snapshot(load_event(good_event))
    with zipfile.ZipFile(io.BytesIO(folder_zip(snap))) as archive:
        assert archive.namelist() == ["test-event/index.html"]
        assert b"Made with reactionmap" in archive.read("test-event/index.html")
        # Unzipped on a host, a web server running as another user can read it (rw-r--r--).
        assert (archive.getinfo("test-event/index.html").external_attr >> 16) & 0o777 == 0o644
    snippet = embed_snippet("test-event/index.html", 'A "quoted" <title>')
    assert snippet.startswith('<iframe src="test-event/index.html"')
    assert "&quot;quoted&quot; &lt;title&gt;" in snippet and 'height="900"' in snippet


def test_image_draws_inherited_stances_lighter_and_says_so():
    snap = snapshot(load_event("venezuela-2026-01"), inherit_from=["EU"], region="Europe")
    assert snap.table["inherited_from"].astype(bool).any()
    svg = map_image(snap, "svg").decode("utf-8")
    assert "inherited from an organization (" in svg and "Europe" in svg


@pytest.mark.parametrize("region", ["", "Africa", "Americas", "Asia", "Europe", "Oceania"])
def test_no_image_dot_hides_a_small_neighbour_or_another_dot(region):
    """The dashboard's rule on what the picture draws, at each size, in its own projection and
    scale: a dot and 1.5 px around it touch no small country but its own (one with less land
    than DOT_BIG such discs: Israel, Belgium, Qatar), and no two dots overlap."""
    import geopandas as gpd
    import numpy as np

    from reactionmap.places import boundaries
    from reactionmap.publish import image

    snap = snapshot(load_event("venezuela-2026-01"), region=region)
    countries = boundaries.load_countries()
    for size in image.SIZES:
        geometry = image.map_geometry(snap, size)
        px = geometry.metres_per_px
        clear, apart = (geometry.dot_radius + 1.5) * px, (2 * geometry.dot_radius + 1) * px
        shapes = gpd.GeoSeries(
            image.clip_to_frame(countries.geometry, geometry.frame), crs=4326
        ).to_crs(geometry.projection)
        small = {
            code: shape
            for code, shape in zip(countries["iso3"], shapes, strict=True)
            if not shape.is_empty and shape.area < boundaries.DOT_BIG * np.pi * clear**2
        }
        dots = image.drawn_dots(snap, geometry)
        assert len(dots) >= (30 if not region else 1), (region, size)
        points = gpd.GeoSeries(
            gpd.points_from_xy(dots["dot_lon"], dots["dot_lat"]), crs=4326
        ).to_crs(geometry.projection)
        for iso3, point in zip(dots["iso3"], points, strict=True):
            disc = point.buffer(clear * 0.99)  # markers.csv rounds to 4 decimals
            hidden = [c for c, shape in small.items() if c != iso3 and disc.intersects(shape)]
            assert not hidden, f"{size} {region or 'world'}: {iso3}'s dot hides {hidden}"
        for i, a in enumerate(points):
            for j in range(i + 1, len(points)):
                assert a.distance(points.iloc[j]) >= apart * 0.99, (
                    f"{size} {region or 'world'}: {dots.iso3[i]} and {dots.iso3[j]} overlap"
                )
        # The picture draws them from the placement it names, and a leader line to those moved.
        assert geometry.placement in boundaries.DOT_PLACEMENTS
