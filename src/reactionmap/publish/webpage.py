"""A published view: one self-contained HTML page (map, cards, table, CSV) that opens from disk."""

from __future__ import annotations

import base64
import gzip
import html
import json
import re
from functools import lru_cache
from pathlib import Path

import plotly.io as pio

from reactionmap.contract.paths import STATIC_DIR
from reactionmap.draw import (
    alternative,
    cards,
    choropleth,
    frame,
    frames,
    map_hover,
    map_legend,
    projection,
)
from reactionmap.draw.captions import statements_count
from reactionmap.draw.style import WORLD_FRAME
from reactionmap.intake.writers import make_folders, write_file
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
#rm-map{width:100%;min-height:240px;touch-action:pan-y pinch-zoom}
.rm-map-box{position:relative}
.rm-play{position:absolute;left:4px;top:12px;z-index:2;display:flex;gap:4px}
.rm-play[hidden]{display:none}
.rm-play button{font:13px system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#111;background:#fff;border:1px solid #888;border-radius:4px;padding:.35rem .6rem;min-height:32px;cursor:pointer}
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
#rm-more{background:#fff;font:inherit;cursor:pointer}
.rm-as-table[open] summary{margin-bottom:.3rem}
footer{font-size:.82rem;color:#666;border-top:1px solid #ddd;margin-top:1rem;padding-top:.6rem}
</style>
"""

# Runs after plotly.js and topojson-client: decodes the shapes into plotly's asset cache (so
# nothing is fetched), draws the map for the box's own width (the region's frame filling it, the
# small states' dots placed for that width, the legend in room of its own) again whenever the
# width changes, and on a click or tap shows that country's statement.
BOOT_JS = """
(function () {
  var read = function (id) { return JSON.parse(document.getElementById(id).textContent); };
  var fig = read("rm-figure"), topo = read("rm-shapes"), view = read("rm-view");
  var shapes = topojson.feature(topo, topo.objects.countries);
  // plotly asks for its base map whenever a choropleth is drawn. Of its layers only the
  // ocean is on: a stand-in holds just that (nothing is fetched), the countries on top.
  window.PlotlyGeoAssets = {topojson: {world_110m: OCEAN}};
  window.PlotlyGeoAssets[SHAPES_KEY] = shapes;
  var names = {};
  shapes.features.forEach(function (f) { names[f.properties.iso3] = f.properties.name; });
  Object.keys(view.names).forEach(function (code) { names[code] = names[code] || view.names[code]; });
  var box = document.getElementById("rm-map");
  var R = RULES, extent = view.extent;
FRAME_JS
  // Play and Pause as the page's own buttons, over the map's left corner (plotly's are SVG,
  // which neither Tab nor a screen reader reaches; and the map is one image to them).
  var menu = (fig.layout.updatemenus || [])[0], bar = document.getElementById("rm-play");
  fig.layout.updatemenus = [];
  if (menu) {
    menu.buttons.forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = b.label;
      button.setAttribute("aria-label", PLAY_NAMES[b.label] || b.label);
      button.addEventListener("click", function () { Plotly.animate(box, b.args[0], b.args[1]); });
      bar.appendChild(button);
    });
    bar.hidden = false;
  }
  var legendNames = fig.data.filter(function (t) { return t.showlegend; })
      .map(function (t) { return t.name; });
  var measured = 0;  // the legend's height as plotly drew it, when more than reckoned
  var top = R.top + view.play;  // the play control's room above the map
  function layoutFor(width) {
    var inner = boxHeight(extent, width);
    var room = Math.max(legendRoom(legendNames, width), measured);
    var height = top + inner + room, frame = geoFrame(extent, width / inner);
    var layout = Object.assign({}, fig.layout, {height: height,
        margin: {l: 0, r: 0, t: top, b: room},
        legend: Object.assign({}, fig.layout.legend, {y: room / height})});
    layout.geo = Object.assign({}, fig.layout.geo, {
        projection: {type: "natural earth", rotation: {lon: frame.rotation}},
        lonaxis: {range: frame.lon}, lataxis: {range: frame.lat}});
    return layout;
  }
  // The dashboard's rule: a phone's world map takes the dots placed for its scale.
  function dataFor(width) {
    var kind = !extent && width < R.narrowPx ? "narrow" : "wide";
    box.dataset.dots = kind;
    var at = view.dots_at;
    return fig.data.slice(0, at).concat(view.dots[kind], fig.data.slice(at));
  }
  // The play's frames: a small state's dot, moved from one trace to another as its stance
  // changes, goes where this map's dots are placed (the frames are the desktop's).
  function framesFor(kind) {
    var places = {};
    view.dots[kind].forEach(function (t) {
      (t.customdata || []).forEach(function (c, i) { places[c[0]] = [t.lon[i], t.lat[i]]; });
    });
    return (fig.frames || []).map(function (f) {
      return Object.assign({}, f, {data: (f.data || []).map(function (d) {
        if (kind === "wide" || !d.customdata || !d.lon) return d;
        return Object.assign({}, d, {
          lon: d.customdata.map(function (c) { return places[c[0]][0]; }),
          lat: d.customdata.map(function (c) { return places[c[0]][1]; })});
      })});
    });
  }
  var config = {displaylogo: false, scrollZoom: false, responsive: true, displayModeBar: false,
                topojsonURL: "./"};
  var drawnWidth = 0;
  function draw(first) {
    var width = box.clientWidth;
    drawnWidth = width;
    var data = dataFor(width), kind = box.dataset.dots;
    var done = (first ? Plotly.newPlot : Plotly.react)(box, {data: data, layout: layoutFor(width),
        config: config, frames: framesFor(kind)});
    return done.then(function () {
      var legend = box._fullLayout.legend, room = box._fullLayout.margin.b;
      if (legend && legend._height > room + 1) {  // a label wider than reckoned
        measured = Math.ceil(legend._height) + 2;
        return draw(false);
      }
      box.dataset.drawn = String(width);
    });
  }
  draw(true);
  window.addEventListener("resize", function () {
    if (box.clientWidth !== drawnWidth) draw(false);
  });
SNAP_JS
  var picked = document.getElementById("rm-picked"), showing = 0;
  function show(code, text) {
    picked.replaceChildren();
    showing++;
    if (!code || code === SEA_CODE) return;  // a click on the sea clears
    var card = null;
    document.querySelectorAll("#rm-cards .rm-card").forEach(function (c) {
      if (!card && c.dataset.iso3 === code) card = c;
    });
    if (card) {
      picked.appendChild(card.cloneNode(true));
      picked.firstElementChild.removeAttribute("tabindex");
    } else if (window.rmCard) {  // a card not shown yet: from the page's packed cards
      var asked = showing;
      window.rmCard(code).then(function (found) {
        if (asked !== showing) return;  // another country was picked meanwhile
        if (!found) return noStatement(code, text);
        var holder = document.createElement("div");
        holder.innerHTML = found;
        picked.appendChild(holder.firstElementChild);
      });
    } else {
      noStatement(code, text);
    }
  }
  function noStatement(code, text) {
    var p = document.createElement("p");
    p.className = "rm-note";
    p.dataset.iso3 = code;
    p.textContent = (names[code] || text || code) + ": " + NO_STATEMENT;
    picked.appendChild(p);
  }
  // A pointer: plotly's hover says what is under it.
  box.on("plotly_click", function (event) {
    var point = event.points && event.points[0];
    if (!point || touched) return;
    show(point.location || (point.customdata && point.customdata[0]) || "", point.text);
  });
  // A finger: what is drawn where it lands (plotly reads a tap from the mouse move the browser
  // makes up for it, which a second tap within half a second may lack), or, on the sea, the
  // nearest country or dot within a finger's reach.
  // (Listened for on the way down: plotly's map stops the click from rising to the box.)
  box.addEventListener("click", function (event) {
    var map = box._fullLayout.geo._subplot.bgRect.node();  // the map, not its legend
    if (touched && event.target === map) show(under(event) || nearest(event) || "");
  }, true);
})();
"""

# The map's frame as draw.frame reckons it (geo_frame, box_height) and the legend's room as
# draw.map_legend reckons it (legend_room), for the box's own width: the same rules, in
# JavaScript. A browser test compares what it draws with the Python.
FRAME_JS = """
  var RAD = Math.PI / 180, DEG = 180 / Math.PI;
  function ne(lon, lat) {  // Natural Earth (d3-geo's naturalEarth1Raw), degrees in
    var l = lon * RAD, p = lat * RAD, p2 = p * p, p4 = p2 * p2;
    return [l * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4))),
            p * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)))];
  }
  function vec(lon, lat) {
    var l = lon * RAD, p = lat * RAD;
    return [Math.cos(p) * Math.cos(l), Math.cos(p) * Math.sin(l), Math.sin(p)];
  }
  // draw.projection's raw_bounds: plotly's range box, its edges great circles, each sampled in
  // arcSamples steps, both ends included (centred on the meridian 0: no longitude passes 180).
  function boxSize(half, lat0, lat1) {
    var x0 = -half + R.clipPad, x1 = half - R.clipPad, y0 = lat0 + R.clipPad, y1 = lat1 - R.clipPad;
    var q = (x1 - x0) / 4, n = R.arcSamples, i, k;
    var c = [[x0, y0], [x0, y1], [x0 + q, y1], [x0 + 2 * q, y1], [x0 + 3 * q, y1],
             [x1, y1], [x1, y0], [x1 - q, y0], [x1 - 2 * q, y0], [x1 - 3 * q, y0], [x0, y0]];
    var xs = [], ys = [];
    for (i = 0; i + 1 < c.length; i++) {
      var u = vec(c[i][0], c[i][1]), v = vec(c[i + 1][0], c[i + 1][1]);
      var w = Math.acos(Math.max(-1, Math.min(1, u[0] * v[0] + u[1] * v[1] + u[2] * v[2])));
      var arc = w < 1e-12 ? [c[i], c[i + 1]] : [];
      for (k = 0; w >= 1e-12 && k <= n; k++) {
        var t = k / n, a = Math.sin((1 - t) * w), b = Math.sin(t * w), s = Math.sin(w);
        var x = (a * u[0] + b * v[0]) / s, y = (a * u[1] + b * v[1]) / s;
        var z = (a * u[2] + b * v[2]) / s;
        arc.push([Math.atan2(y, x) * DEG, Math.asin(Math.max(-1, Math.min(1, z))) * DEG]);
      }
      for (k = 0; k < arc.length; k++) {
        var pt = ne(arc[k][0], arc[k][1]);
        xs.push(pt[0]); ys.push(pt[1]);
      }
    }
    return [Math.max.apply(null, xs) - Math.min.apply(null, xs),
            Math.max.apply(null, ys) - Math.min.apply(null, ys)];
  }
  var WORLD = [0, -180, 180, R.world[2], R.world[3]];
  function naturalAspect(e) {
    e = e || WORLD;
    var s = boxSize((e[2] - e[1]) / 2, e[3], e[4]);
    return s[0] / s[1];
  }
  function bisect(tooSmall, lo, hi) {
    for (var i = 0; i < 40; i++) { var m = (lo + hi) / 2; if (tooSmall(m)) lo = m; else hi = m; }
    return hi;
  }
  function round3(v) { return Math.round(v * 1000) / 1000; }
  function geoFrame(e, aspect) {
    if (!e) return {rotation: 0, lon: [R.world[0], R.world[1]], lat: [R.world[2], R.world[3]]};
    var mid = (e[1] + e[2]) / 2, half = (e[2] - e[1]) / 2, lat0 = e[3], lat1 = e[4];
    var tooNarrow = function (h) { var s = boxSize(h, lat0, lat1); return s[0] / s[1] < aspect; };
    if (tooNarrow(half)) {
      half = bisect(tooNarrow, half, 180);
    } else {
      var taller = function (more) { return [Math.max(lat0 - more, -89), Math.min(lat1 + more, 89)]; };
      var tooShort = function (more) {
        var t = taller(more), s = boxSize(half, t[0], t[1]); return s[0] / s[1] > aspect; };
      var t = taller(bisect(tooShort, 0, 180));
      lat0 = t[0]; lat1 = t[1];
    }
    return {rotation: round3(mid), lon: [round3(mid - half), round3(mid + half)],
            lat: [round3(lat0), round3(lat1)]};
  }
  function boxHeight(e, width) {
    var highest = width < R.narrowPx ? R.phoneBoxMax : R.boxMax;
    return Math.round(Math.min(highest, Math.max(R.boxMin, width / naturalAspect(e))));
  }
  function legendRoom(labels, width) {
    var L = R.legend, items = labels.map(function (name) {
      var lines = name.split("<br>"), longest = 0;
      lines.forEach(function (line) {
        var text = new DOMParser().parseFromString(line, "text/html").documentElement.textContent;
        longest = Math.max(longest, text.length);
      });
      return [L.item + L.char * longest, lines.length];
    });
    if (!items.length) return 0;
    var sum = 0, column = 0;
    items.forEach(function (it) { sum += it[0]; column = Math.max(column, it[0]); });
    var oneRow = sum + L.gap * (items.length - 1) < width;
    var height = L.pad, x = 0, tallest = 0;
    items.forEach(function (it) {
      var step = oneRow ? it[0] : column;
      if (x && step + x - L.gap >= width) { height += tallest; x = 0; tallest = 0; }
      x += step + L.gap;
      tallest = Math.max(tallest, L.line * it[1] + L.entry);
    });
    return Math.floor(height + tallest);
  }
"""

# A tap on the sea (plotly reports its transparent shape) on a touch screen: the country whose
# drawn edge or dot lies nearest the finger, within TOUCH_PX (a 44 px finger). Rings of probes
# around the tap, the nearest ring that touches a country's fill or a dot deciding; a tap on
# land is that land's, so a neighbour whose land was tapped is never passed over.
TOUCH_PX = 22
SNAP_JS = """
  var touched = false;
  box.addEventListener("pointerdown", function (e) { touched = e.pointerType === "touch"; }, true);
  function targets(evt, reach) {  // the drawn countries and dots within reach of a tap
    var near = function (b) {
      return !(b.right < evt.clientX - reach || b.left > evt.clientX + reach ||
               b.bottom < evt.clientY - reach || b.top > evt.clientY + reach); };
    var paths = [], dots = [];
    box.querySelectorAll("path.choroplethlocation").forEach(function (p) {
      var loc = p.__data__ && p.__data__.loc, tr = p.parentNode.__data__ && p.parentNode.__data__[0].trace;
      if (!loc || loc === SEA_CODE || !tr || tr.hoverinfo === "skip" || tr.hoverinfo === "none") return;
      var b = p.getBoundingClientRect();
      if (near(b)) paths.push([loc, p, b, p.getScreenCTM().inverse()]);
    });
    box.querySelectorAll(".scattergeo path.point").forEach(function (d) {
      var b = d.getBoundingClientRect(), code = d.__data__ && d.__data__.data && d.__data__.data[0];
      if (code && near(b)) dots.push([code, b.x + b.width / 2, b.y + b.height / 2, b.width / 2]);
    });
    return {paths: paths, dots: dots};
  }
  function inside(c, x, y) {
    var svg = box.querySelector("svg.main-svg"), pt = svg.createSVGPoint();
    if (x < c[2].left || x > c[2].right || y < c[2].top || y > c[2].bottom) return false;
    pt.x = x; pt.y = y;
    return c[1].isPointInFill(pt.matrixTransform(c[3]));
  }
  function under(evt) {  // a dot, drawn over the countries, then the country under the finger
    var t = targets(evt, 8), best = null, x = evt.clientX, y = evt.clientY;
    t.dots.forEach(function (d) {
      var gap = Math.hypot(d[1] - x, d[2] - y);
      if (gap <= d[3] + 1 && (!best || gap < best[1])) best = [d[0], gap];
    });
    if (best) return best[0];
    for (var i = 0; i < t.paths.length; i++) if (inside(t.paths[i], x, y)) return t.paths[i][0];
    return null;
  }
  function nearest(evt) {
    var reach = R.touchPx, t = targets(evt, reach), paths = t.paths, dots = t.dots;
    var rings = [1, 2, 3, 4, 6, 8, 11, 14, 18, reach];
    for (var r = 0; r < rings.length; r++) {
      var votes = {}, R2 = rings[r], best = null;
      dots.forEach(function (d) {
        if (Math.hypot(d[1] - evt.clientX, d[2] - evt.clientY) <= R2 + d[3]) votes[d[0]] = (votes[d[0]] || 0) + 16;
      });
      for (var k = 0; k < 16; k++) {
        var x = evt.clientX + R2 * Math.cos(k * Math.PI / 8), y = evt.clientY + R2 * Math.sin(k * Math.PI / 8);
        paths.forEach(function (c) { if (inside(c, x, y)) votes[c[0]] = (votes[c[0]] || 0) + 1; });
      }
      Object.keys(votes).forEach(function (c) { if (!best || votes[c] > votes[best]) best = c; });
      if (best) return best;
    }
    return null;
  }
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


DOT_TRACES = ("leader lines", "small states")
# The most the play's frames may add to the page (bytes of JSON, reckoned by play_size): a
# year of random statements from 250 countries would add 85 MB and take minutes to build.
# Past it the page leaves the play out and says so.
PLAY_BYTES = 2_000_000


def play_size(snap: Snapshot) -> int:
    """About how many bytes the play's frames would add: its days times what the view's own
    map holds that a frame may change (draw.frames.CHANGING); 0 when the map does not play."""
    days = frames.play_days(snap.event.statements, snap.as_of)
    if not days:
        return 0
    table = map_hover.with_hover(snap.view.map_rows, snap.event.scale)
    fig = choropleth.map_figure(
        table, snap.event.scale, boundaries.load_markers(), SHAPES_KEY, None, frame=snap.view.frame
    )
    data = frames.plain(fig.to_dict()["data"])
    changing = [{k: t[k] for k in frames.CHANGING if k in t} for t in data]
    return len(days) * len(json.dumps(changing, separators=(",", ":")))


def play_sentence(snap: Snapshot, size: int) -> str:
    """What the page says of its play (``size``: play_size) for a reader who cannot see it, or
    why it has none."""
    days = frames.play_days(snap.event.statements, snap.as_of)
    if not days:
        return ""
    if size <= PLAY_BYTES:
        return alternative.play_note(days)
    return (
        f"This page has no play control: its {len(days)} days of maps would add about "
        f"{size / 1e6:.0f} MB to it. The dashboard plays them."
    )


def map_json(snap: Snapshot, play: bool = True) -> tuple[str, dict]:
    """The dashboard's map figure for this view as plotly JSON, with its play control through
    the event's days (draw.frames) when ``play``, its shapes named SHAPES_KEY, but its small states' traces;
    and what the page draws it with (rm-view): the view's extent (None: the world), the dots'
    traces for a desktop's map ("wide") and a phone's world map ("narrow", placed for its
    scale; the same as wide in a region), where they go, the small states' names (Tuvalu has
    no shape to carry its name), and the px the play control takes above the map."""
    markers = boundaries.load_markers()
    scale = snap.event.scale

    def build_for(narrow: bool):
        def build(view):
            table = map_hover.with_hover(view.map_rows, scale)
            return choropleth.map_figure(
                table, scale, markers, SHAPES_KEY, None, frame=view.frame, narrow=narrow
            )

        return build

    def figure_of(narrow: bool):
        if not play:
            return build_for(narrow)(snap.view)
        return frames.play_figure(snap.event, snap.view, build_for(narrow))

    fig = figure_of(False)
    # The legend lists the colours; its entries are swatches, so a click must not hide them.
    fig.layout.legend.itemclick = False
    fig.layout.legend.itemdoubleclick = False
    fig.layout.clickmode = "event"  # a click shows the statement below; it selects nothing
    figure = json.loads(pio.to_json(fig, validate=False, engine="json"))
    data = figure["data"]
    at = next(i for i, t in enumerate(data) if t.get("name") in DOT_TRACES)
    figure["data"] = [t for t in data if t.get("name") not in DOT_TRACES]

    def dots(fig) -> list[dict]:  # as plain lists, which the page's script reads
        return [t for t in frames.plain(fig.to_dict()["data"]) if t.get("name") in DOT_TRACES]

    extent = snap.frame
    view = {
        "extent": None
        if extent is None
        else [extent.centre, extent.lon_min, extent.lon_max, extent.lat_min, extent.lat_max],
        "dots": {"wide": dots(fig), "narrow": dots(fig if extent else figure_of(True))},
        "dots_at": at,
        "names": dict(zip(markers["iso3"], markers["name"], strict=True)),  # Tuvalu: no shape
        "play": frames.PLAY_ROOM if figure.get("frames") else 0,
    }
    return pio.to_json(figure, validate=False, engine="json"), view


# The rules the page's script draws by: the numbers of draw.frame, draw.projection,
# draw.choropleth and draw.map_legend.
RULES = {
    "narrowPx": frame.NARROW_PX,
    "boxMin": frame.BOX_MIN,
    "boxMax": frame.BOX_MAX,
    "phoneBoxMax": frame.PHONE_BOX_MAX,
    "clipPad": projection.CLIP_PAD,
    "arcSamples": projection.ARC_SAMPLES,
    "world": list(WORLD_FRAME),
    "top": 4,  # the page shows no mode bar
    "touchPx": TOUCH_PX,
    "legend": {
        "char": map_legend.LEGEND_CHAR,
        "item": map_legend.LEGEND_ITEM,
        "gap": map_legend.LEGEND_GAP,
        "line": map_legend.LEGEND_LINE,
        "entry": map_legend.LEGEND_ENTRY,
        "pad": map_legend.LEGEND_PAD,
    },
}


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
                    f"{html.escape(scale.describe(value, row.get('stances', '')))}</td>"
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


# Cards the page holds as HTML: the first ones, up to INLINE_CARD_BYTES (a 100,000-statement
# event's cards are 36 MB of HTML). The rest travel packed as plotly.js does (gzip, base64: 1 MB
# for those 36 MB), each MORE_CARDS of them shown by a "Show more" button, and any one at once
# when its country is clicked on the map.
INLINE_CARD_BYTES = 250_000
MORE_CARDS = 20
ISO3_RE = re.compile(r'data-iso3="([^"]*)"')


def split_cards(statements, snap: Snapshot) -> tuple[str, list[list[str]]]:
    """The cards the page holds as HTML, and the rest as [iso3, card HTML] pairs, in order."""
    made = cards.actor_cards(statements, snap.event.scale)
    inline, size = 0, 0
    while inline < len(made) and size + len(made[inline]) <= INLINE_CARD_BYTES:
        size += len(made[inline])
        inline += 1
    rest = [[html.unescape(ISO3_RE.search(c).group(1)), c] for c in made[inline:]]  # type: ignore[union-attr]
    return "".join(made[:inline]), rest


def packed(value: object) -> str:
    """JSON gzipped (no time stamp: the same page every time) and base64, for a page to unpack."""
    data = json.dumps(value, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(gzip.compress(data, compresslevel=9, mtime=0)).decode("ascii")


def more_cards_html(rest: list[list[str]]) -> str:
    """The button that shows the packed cards MORE_CARDS at a time, and their data ('' when
    every card is in the page)."""
    if not rest:
        return ""
    return (
        f'<p class="rm-more-box"><button type="button" id="rm-more" class="rm-download" '
        f'data-left="{len(rest)}">{more_label(len(rest))}</button></p>'
        f'<p class="rm-sr-only" id="rm-more-said" aria-live="polite"></p>'
        f'<script type="application/octet-stream" id="rm-cards-packed">{packed(rest)}</script>'
        f"<script>{MORE_JS.replace('MORE_CARDS', str(MORE_CARDS))}</script>"
    )


def more_label(left: int) -> str:
    return f"Show more statements ({left} more actor{'s' if left != 1 else ''})"


# The packed cards (more_cards_html): unpacked once, on the first "Show more" or map click that
# needs them; each click adds MORE_CARDS cards and moves focus to the first one added, so that
# a keyboard or a screen reader goes on reading there. window.rmCard(code) gives the card of a
# country the map's click asks for.
MORE_JS = """
(function () {
  var button = document.getElementById("rm-more"), list = document.getElementById("rm-cards");
  var said = document.getElementById("rm-more-said"), shown = 0, unpacked = null;
  function rest() {
    if (!unpacked) {
      var text = document.getElementById("rm-cards-packed").textContent;
      var bytes = Uint8Array.from(atob(text), function (c) { return c.charCodeAt(0); });
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      unpacked = new Response(stream).text().then(JSON.parse);
    }
    return unpacked;
  }
  window.rmCard = function (code) {
    return rest().then(function (cards) {
      for (var i = 0; i < cards.length; i++) if (cards[i][0] === code) return cards[i][1];
      return null;
    });
  };
  button.addEventListener("click", function () {
    button.disabled = true;
    rest().then(function (cards) {
      var batch = cards.slice(shown, shown + MORE_CARDS), first = null;
      batch.forEach(function (c) {
        var holder = document.createElement("div");
        holder.innerHTML = c[1];
        var card = holder.firstElementChild;
        card.tabIndex = -1;
        list.appendChild(card);
        first = first || card;
      });
      shown += batch.length;
      var left = cards.length - shown;
      said.textContent = batch.length + " more actors shown" + (left ? "; " + left + " left." : "; that is all.");
      if (left) {
        button.textContent = "Show more statements (" + left + " more actor" + (left === 1 ? ")" : "s)");
        button.dataset.left = String(left);
        button.disabled = false;
      } else {
        button.parentNode.hidden = true;
      }
      if (first) first.focus();
    });
  });
})();
"""


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
    size = play_size(snap)
    played = play_sentence(snap, size)
    figure, view = map_json(snap, play=0 < size <= PLAY_BYTES)
    shown_cards, more = split_cards(page.cards, snap)

    boot = (
        BOOT_JS.replace("FRAME_JS", FRAME_JS)
        .replace("SNAP_JS", SNAP_JS)
        .replace("RULES", json.dumps(RULES))
        .replace("SHAPES_KEY", json.dumps(SHAPES_KEY))
        .replace("OCEAN", json.dumps(OCEAN_TOPOLOGY))
        .replace("NO_STATEMENT", json.dumps("no statement recorded in this view"))
        .replace("SEA_CODE", json.dumps(choropleth.SEA_CODE))
        .replace("PLAY_NAMES", json.dumps(frames.BUTTON_NAMES))
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
<div class="rm-map-box"><div id="rm-play" class="rm-play" hidden></div>
<div id="rm-map" role="img" aria-label="{html.escape(alternative.map_name(snap.region))}" aria-describedby="rm-map-about"></div></div>
<p class="rm-counts">As of {snap.as_of:%-d %B %Y}; the legend counts the countries. Hover a country, or tap it, for its statement.{" Play shows the map day by day up to this date." if view["play"] else (" " + html.escape(played) if played else "")}</p>
<p class="rm-sr-only" id="rm-map-about">{html.escape(" ".join(filter(None, (described, played if view["play"] else ""))))}</p>
<div id="rm-picked" aria-live="polite"></div>
<details class="rm-as-table"><summary>{alternative.TITLE}</summary>{alternative.section_html(snap.table, event.scale, when)}</details>
{not_drawn}
<h2>Statements ({statements_count(page.cards)})</h2>
<div class="rm-cards" id="rm-cards">{shown_cards}</div>
{more_cards_html(more)}
{orgs}
<h2>Stance table</h2>
{table_html(snap)}
<a class="rm-download" id="rm-csv" download="{html.escape(csv_name(snap), quote=True)}" href="data:text/csv;charset=utf-8;base64,{csv_data}">Download the data (CSV)</a>
<p class="rm-sources">{sources} Shapes: Natural Earth (public domain).</p>
<footer>Made with reactionmap</footer>
</main>
<script type="application/json" id="rm-figure">{script_json(figure)}</script>
<script type="application/json" id="rm-view">{script_json(view)}</script>
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
    make_folders(out_dir)
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
