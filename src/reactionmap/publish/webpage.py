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
# The page's own style and scripts, kept as files beside this module (page/).
PAGE_DIR = Path(__file__).with_name("page")


def page_asset(name: str) -> str:
    """The text of one of the page's own files (page/: its CSS and scripts)."""
    return (PAGE_DIR / name).read_text(encoding="utf-8")


PAGE_CSS = "\n<style>\n" + page_asset("page.css") + "</style>\n"

# Runs after plotly.js and topojson-client: decodes the shapes into plotly's asset cache (so
# nothing is fetched), draws the map for the box's own width (the region's frame filling it, the
# small states' dots placed for that width, the legend in room of its own) again whenever the
# width changes, and on a click or tap shows that country's statement.
BOOT_JS = page_asset("boot.js")

# The map's frame as draw.frame reckons it (geo_frame, box_height) and the legend's room as
# draw.map_legend reckons it (legend_room), for the box's own width: the same rules, in
# JavaScript. A browser test compares what it draws with the Python.
FRAME_JS = page_asset("frame.js")

# A tap on the sea (plotly reports its transparent shape) on a touch screen: the country whose
# drawn edge or dot lies nearest the finger, within TOUCH_PX (a 44 px finger). Rings of probes
# around the tap, the nearest ring that touches a country's fill or a dot deciding; a tap on
# land is that land's, so a neighbour whose land was tapped is never passed over.
TOUCH_PX = 22
SNAP_JS = page_asset("snap.js")


# plotly.js travels gzipped and base64-encoded (1.26 MB of source becomes ~0.5 MB): the page
# unpacks it with the browser's own DecompressionStream, runs it, then boots the map.
LOADER_JS = page_asset("loader.js")


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
