"""A published view: one self-contained HTML page (map, cards, table, CSV) that opens from disk."""

from __future__ import annotations

import base64
import gzip
import html
import json
from functools import lru_cache
from pathlib import Path

import plotly.io as pio

from reactionmap.contract.paths import STATIC_DIR
from reactionmap.draw import alternative, cards, choropleth
from reactionmap.draw.captions import statements_count
from reactionmap.intake.writers import write_file
from reactionmap.places import boundaries
from reactionmap.publish.export import download_name, stance_csv
from reactionmap.publish.snapshot import Snapshot
from reactionmap.publish.topojson import to_topojson
from reactionmap.view.compose import SOURCE_COLUMNS, TABLE_COLUMNS

VENDOR = STATIC_DIR / "vendor"
PLOTLY_JS = VENDOR / "plotly.js-geo-dist-min" / "plotly-geo.min.js"
TOPOJSON_JS = VENDOR / "topojson-client" / "topojson-client.min.js"
# The name the map's traces give their GeoJSON. plotly.js looks a string up in
# window.PlotlyGeoAssets before fetching it; the page puts the decoded shapes there.
SHAPES_KEY = "countries.geojson"
# Grid steps across the world: 0.012° of longitude, under a pixel at any frame the page draws.
# Quantized, delta-encoded TopoJSON is 2/3 the size of the GeoJSON.
QUANTIZE = 30_000
MAP_HEIGHT = 520
# What the table shows, with the dashboard's labels (the CSV has every column); the source's
# name and link are one cell, "Source", the name linked when its address is safe.
PAGE_COLUMNS = [c for c in TABLE_COLUMNS if c not in ("inherited_from", *SOURCE_COLUMNS)]
EMBED_HEIGHT = 900  # px: the map, the counts and the first cards without scrolling

PAGE_CSS = """
<style>
body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#111;background:#fff}
main{max-width:1100px;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.25;margin:.2rem 0}
h2{font-size:1.2rem;margin:1.4rem 0 .6rem}
.rm-sub,.rm-counts,.rm-note{color:#444;font-size:.92rem;margin:.2rem 0 .6rem}
#rm-map{width:100%;min-height:240px}
#rm-picked:empty{display:none}
#rm-picked{margin:.6rem 0}
.rm-table-wrap{overflow-x:auto}
table.rm-table{border-collapse:collapse;font-size:.85rem;width:100%;min-width:760px}
.rm-table th,.rm-table td{border-bottom:1px solid #e4e4e4;padding:.3rem .45rem;text-align:left;vertical-align:top}
.rm-table th{background:#f6f6f6}
.rm-swatch{display:inline-block;width:.8em;height:.8em;border:1px solid #999;margin-right:.3em;vertical-align:-.05em}
.rm-download{display:inline-block;margin:.8rem 0;padding:.4rem .8rem;border:1px solid #bbb;border-radius:6px;color:#111;text-decoration:none}
.rm-sources{font-size:.82rem;color:#444;margin-top:1.2rem}
.rm-as-table{border:1px solid #ddd;border-radius:8px;padding:.5rem .6rem;margin:.6rem 0}
.rm-as-table summary{cursor:pointer}
.rm-as-table[open] summary{margin-bottom:.3rem}
footer{font-size:.82rem;color:#666;border-top:1px solid #ddd;margin-top:1rem;padding-top:.6rem}
</style>
"""

# Runs after plotly.js and topojson-client: decodes the shapes into plotly's asset cache (so
# nothing is fetched), draws the map, and on a click or tap shows that country's statement.
BOOT_JS = """
(function () {
  var read = function (id) { return JSON.parse(document.getElementById(id).textContent); };
  var fig = read("rm-figure"), topo = read("rm-shapes");
  var shapes = topojson.feature(topo, topo.objects.countries);
  // plotly asks for its base map whenever a choropleth is drawn. Of its layers only the
  // ocean is on: a stand-in holds just that (nothing is fetched), the countries on top.
  window.PlotlyGeoAssets = {topojson: {world_110m: OCEAN}};
  window.PlotlyGeoAssets[SHAPES_KEY] = shapes;
  var names = {};
  shapes.features.forEach(function (f) { names[f.properties.iso3] = f.properties.name; });
  var box = document.getElementById("rm-map");
  // A world map is about twice as wide as tall; on a narrow screen the legend wraps onto
  // six lines inside the figure, so it gets room of its own.
  var height = function () {
    var w = box.clientWidth;
    return Math.round(Math.min(MAP_HEIGHT, Math.max(200, w * 0.55)) + (w < 700 ? 150 : 0));
  };
  fig.layout.height = height();
  var config = {displaylogo: false, scrollZoom: false, responsive: true, displayModeBar: false,
                topojsonURL: "./"};
  Plotly.newPlot(box, fig.data, fig.layout, config);
  window.addEventListener("resize", function () { Plotly.relayout(box, {height: height()}); });
  var picked = document.getElementById("rm-picked");
  box.on("plotly_click", function (event) {
    var point = event.points && event.points[0];
    if (!point) return;
    var code = point.location || (point.customdata && point.customdata[0]) || "";
    picked.replaceChildren();
    if (code === SEA_CODE) return;  // a click on the sea clears
    var card = null;
    document.querySelectorAll("#rm-cards .rm-card").forEach(function (c) {
      if (!card && c.dataset.iso3 === code) card = c;
    });
    if (card) {
      picked.appendChild(card.cloneNode(true));
    } else {
      var p = document.createElement("p");
      p.className = "rm-note";
      p.textContent = (names[code] || point.text || code) + ": " + NO_STATEMENT;
      picked.appendChild(p);
    }
  });
})();
"""


# plotly.js travels gzipped and base64-encoded (1.26 MB of source becomes ~0.5 MB): the page
# unpacks it with the browser's own DecompressionStream, runs it, then boots the map.
LOADER_JS = """
(function () {
  var text = document.getElementById("rm-plotly").textContent;
  var bytes = Uint8Array.from(atob(text), function (c) { return c.charCodeAt(0); });
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  new Response(stream).text().then(function (code) {
    var script = document.createElement("script");
    script.textContent = code;
    document.head.appendChild(script);
    BOOT
  });
})();
"""


def packed_plotly() -> str:
    """plotly.js gzipped (no time stamp, so the page is the same bytes every time) and base64."""
    data = gzip.compress(PLOTLY_JS.read_bytes(), compresslevel=9, mtime=0)
    return base64.b64encode(data).decode("ascii")


# The whole sphere but a speck inside Antarctica: a ring wound anticlockwise encloses the
# larger side on the sphere (d3-geo's rule), so it paints the sea wherever no shape lies.
OCEAN_TOPOLOGY = {
    "type": "Topology",
    "objects": {"ocean": {"type": "Polygon", "arcs": [[0]]}},
    "arcs": [[[0, -89.9], [-120, -89.9], [120, -89.9], [0, -89.9]]],
}


def script_json(value: object) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' can end it or open a comment."""
    text = value if isinstance(value, str) else json.dumps(value, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@lru_cache(maxsize=2)
def shapes_topojson(path: Path = boundaries.COUNTRIES_PATH) -> str:
    """The shipped shapes as TopoJSON (object 'countries', properties iso3 and name)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return to_topojson(data, QUANTIZE, ("iso3", "name"))


def map_json(snap: Snapshot) -> str:
    """The dashboard's map figure for this view, as plotly JSON, its shapes named SHAPES_KEY."""
    markers = boundaries.load_markers()
    fig = choropleth.map_figure(
        snap.table, snap.event.scale, markers, SHAPES_KEY, None, MAP_HEIGHT, snap.frame
    )
    # The legend lists the colours; its entries are swatches, so a click must not hide them.
    fig.layout.legend.itemclick = False
    fig.layout.legend.itemdoubleclick = False
    fig.layout.clickmode = "event"  # a click shows the statement below; it selects nothing
    return pio.to_json(fig, validate=False, engine="json")


def table_html(snap: Snapshot) -> str:
    """The stance table as an HTML table; every cell escaped, source links only when http(s)."""
    scale = snap.event.scale
    head = "".join(f"<th>{TABLE_COLUMNS[c]}</th>" for c in [*PAGE_COLUMNS, "source_name"])
    rows = []
    for row in snap.page.table.to_dict("records"):
        cells = []
        for column in PAGE_COLUMNS:
            value = row.get(column, "")
            if column == "stance":
                color = scale.color(value)
                cells.append(
                    f'<td><span class="rm-swatch" style="background:{color}"></span>'
                    f"{html.escape(scale.label(value))}</td>"
                )
            else:
                cells.append(f"<td>{html.escape(str(value))}</td>")
        source = cards.source_html(str(row.get("source_name", "")), str(row.get("source_url", "")))
        cells.append(f"<td>{source}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<div class="rm-table-wrap"><table class="rm-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def cards_html(statements, snap: Snapshot) -> str:
    return "".join(cards.actor_cards(statements, snap.event.scale))


def csv_name(snap: Snapshot) -> str:
    return download_name(snap.event.id, "stance", snap.as_of, "csv")


def page_html(snap: Snapshot) -> str:
    """The whole page: one file with its scripts, shapes and data inside."""
    event, page = snap.event, snap.page
    title = html.escape(event.title)
    csv_data = base64.b64encode(stance_csv(page.table)).decode("ascii")
    publishers = snap.publishers()
    sources = (
        "Sources: " + "; ".join(html.escape(p) for p in publishers) + "."
        if publishers
        else "No source is named in this view."
    )
    missing = page.not_drawable
    not_drawn = (
        '<p class="rm-note">Not on the map (no shape or marker for their code): '
        + ", ".join(
            f"{html.escape(a)} ({html.escape(c)})"
            for a, c in zip(missing["actor"], missing["actor_iso3"], strict=True)
        )
        + ". They are in the cards and the table.</p>"
        if len(missing)
        else ""
    )
    orgs = (
        f"<h2>Organizations ({statements_count(page.organization_cards)})</h2>"
        f'<div class="rm-cards">{cards_html(page.organization_cards, snap)}</div>'
        '<p class="rm-note">Organizations are not drawn on the map.</p>'
        if len(page.organization_cards)
        else ""
    )
    # The map in words (issue 15): its name, the legend in a sentence, and every country in a
    # table under it, for screen readers and keyboards.
    when = f"as of {snap.as_of:%-d %B %Y}"
    described = alternative.map_description(snap.table, event.scale, when, snap.stances)
    boot = (
        BOOT_JS.replace("SHAPES_KEY", json.dumps(SHAPES_KEY))
        .replace("MAP_HEIGHT", str(MAP_HEIGHT))
        .replace("OCEAN", json.dumps(OCEAN_TOPOLOGY))
        .replace("NO_STATEMENT", json.dumps("no statement recorded in this view"))
        .replace("SEA_CODE", json.dumps(choropleth.SEA_CODE))
    )
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="reactionmap">
<title>{title}</title>
{PAGE_CSS}{cards.CARD_CSS}<style>{cards.SR_ONLY_CSS}{cards.FOCUS_RULE}</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p class="rm-sub">{html.escape(snap.subtitle())}</p>
<div id="rm-map" role="img" aria-label="{html.escape(alternative.map_name(snap.region))}" aria-describedby="rm-map-about"></div>
<p class="rm-counts">As of {snap.as_of:%-d %B %Y}; the legend counts the countries. Hover a country, or tap it, for its statement.</p>
<p class="rm-sr-only" id="rm-map-about">{html.escape(described)}</p>
<div id="rm-picked" aria-live="polite"></div>
<details class="rm-as-table"><summary>{alternative.TITLE}</summary>{alternative.section_html(snap.table, event.scale, when)}</details>
{not_drawn}
<h2>Statements ({statements_count(page.cards)})</h2>
<div class="rm-cards" id="rm-cards">{cards_html(page.cards, snap)}</div>
{orgs}
<h2>Stance table</h2>
{table_html(snap)}
<a class="rm-download" id="rm-csv" download="{html.escape(csv_name(snap), quote=True)}" href="data:text/csv;charset=utf-8;base64,{csv_data}">Download the data (CSV)</a>
<p class="rm-sources">{sources} Shapes: Natural Earth (public domain).</p>
<footer>Made with reactionmap</footer>
</main>
<script type="application/json" id="rm-figure">{script_json(map_json(snap))}</script>
<script type="application/json" id="rm-shapes">{script_json(shapes_topojson())}</script>
<script type="application/octet-stream" id="rm-plotly">{packed_plotly()}</script>
<script>{TOPOJSON_JS.read_text(encoding="utf-8")}</script>
<script>{LOADER_JS.replace("BOOT", boot)}</script>
</body>
</html>
"""


def write_page(snap: Snapshot, out_dir: Path) -> Path:
    """Write out_dir/index.html (the directory is created), readable by a web server running
    as another user, the old page replaced whole; returns its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "index.html"
    write_file(target, page_html(snap).encode("utf-8"))
    return target


def folder_zip(snap: Snapshot) -> bytes:
    """The published folder as a ZIP: <event id>/index.html, ready for any static host."""
    import io
    import re
    import stat
    import time
    import zipfile

    folder = re.sub(r"[^A-Za-z0-9_-]+", "-", snap.event.id).strip("-") or "reactionmap"
    out = io.BytesIO()
    entry = zipfile.ZipInfo(f"{folder}/index.html", time.localtime()[:6])
    # rw-r--r--: unzipped on a host, the page is readable by a web server running as another
    # user (writestr's default, rw-------, is not).
    entry.external_attr = (stat.S_IFREG | 0o644) << 16
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(entry, page_html(snap), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def embed_snippet(url: str = "index.html", title: str = "reactionmap") -> str:
    """An <iframe> for the published page, full width, tall enough for the map and first cards."""
    return (
        f'<iframe src="{html.escape(url, quote=True)}" title="{html.escape(title, quote=True)}" '
        f'width="100%" height="{EMBED_HEIGHT}" style="border:0" loading="lazy"></iframe>'
    )
