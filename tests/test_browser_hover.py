"""Every country answers for itself: the whole population, pointed at with a mouse at 1300x900
and tapped with a finger at 390x844 (a phone: touch, mobile User-Agent), in the world view and in
every region view (Debian's Chromium, driven by Playwright).

For each drawn shape the test finds, in the browser, the pixel of the shape that lies deepest
inside it, away from its borders and from every small-state dot; for each dot, a pixel of the dot
that no other dot covers. It points there (mouse) or taps there (finger) and reads what plotly
answers: the location it reports (for a tap, plotly_click's: what the app selects) and the first
line of the tooltip. Every UN member and observer state drawn in the view must be reached, the
smallest included; other shapes are tested when they are big enough to point at.

A pointer lands on whole pixels: plotly reads MouseEvent.offsetX/offsetY, integers counted from
the chart's top-left corner, which sits at a fraction of a pixel on the page. So the points are
whole pixels, and the deepest point is taken on a one-pixel grid for a small shape: wherever
plotly rounds it to, it is still inside (the "solid" points), where the shape has such a pixel.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from serving import DESKTOP, LISTEN_JS, MAP_JS, PHONE, PHONE_CONTEXT, SHOTS, WAIT_MS

from reactionmap.draw import touch
from reactionmap.draw.choropleth import TOUCH_NAME
from reactionmap.places.boundaries import country_table, load_markers, load_un_states

pytestmark = pytest.mark.browser

ANSWER_MS = 5_000  # plotly answers a move in ~50 ms; a point with no tooltip fails after this
# A shape that is no UN state is tested when some pixel of it lies at least this far (px) from
# its border, from any other shape and from any small-state dot: "above a few square pixels".
MIN_DEPTH = 1.5
REGIONS = list(touch.REGIONS)

# For each hoverable shape, its best whole pixel: inside it and no other shape or dot, in the
# viewport and the map's clip box, with its depth (distance to the nearest pixel that is not
# exclusively this shape's) and whether it is solid (plotly's rounding keeps it inside).
POINTS_JS = f"""([seaOk, only]) => {{
  const plot = ({MAP_JS})();
  // The map's visible area: the geo clip rectangle, in the space of the group it clips.
  const clip = [...plot.querySelectorAll('clipPath')].find(c => c.id.endsWith('geo'));
  const clipped = plot.querySelector(`[clip-path*="${{clip.id}}"]`);
  const rect = clip.querySelector('rect'), ctm = clipped.getScreenCTM();
  const corner = (x, y) => new DOMPoint(x, y).matrixTransform(ctm);
  const a = corner(+rect.getAttribute('x'), +rect.getAttribute('y'));
  const b = corner(+rect.getAttribute('x') + +rect.getAttribute('width'),
                   +rect.getAttribute('y') + +rect.getAttribute('height'));
  const view = {{x0: Math.max(a.x, 0), y0: Math.max(a.y, 0),
                x1: Math.min(b.x, innerWidth), y1: Math.min(b.y, innerHeight)}};
  const paths = [...plot.querySelectorAll('path.choroplethlocation')].filter(p => {{
      const trace = p.parentNode.__data__ && p.parentNode.__data__[0].trace;
      return trace && !['skip', 'none'].includes(trace.hoverinfo)
          && trace.name !== '{TOUCH_NAME}' && p.__data__ && p.__data__.loc; }});
      // countries only: not the outline, not the sea, not the touch cells
  const boxes = paths.map(p => p.getBoundingClientRect());
  const dots = [...plot.querySelectorAll('.scattergeo path.point')].map(d => {{
      const b = d.getBoundingClientRect();
      return {{x: b.x + b.width / 2, y: b.y + b.height / 2, r: Math.max(b.width, b.height) / 2}}; }});
  const svg = plot.querySelector('svg.main-svg'), origin = svg.getBoundingClientRect();
  const inFill = (path, x, y) => {{
      const q = svg.createSVGPoint(); q.x = x; q.y = y;
      return path.isPointInFill(q.matrixTransform(path.getScreenCTM().inverse())); }};
  const memo = new Map();
  const mine = (i, x, y) => {{
      const key = i + ':' + x + ':' + y;
      if (memo.has(key)) return memo.get(key);
      let ok = x >= view.x0 + 1 && x <= view.x1 - 1 && y >= view.y0 + 1 && y <= view.y1 - 1
          && inFill(paths[i], x, y);
      if (ok) {{  // nothing else on the page (the mode bar, a legend) lies over the point
        const top = document.elementFromPoint(x, y);
        ok = !!top && plot.contains(top) && !top.closest('.modebar, .legend');
      }}
      if (ok) for (const d of dots) if (Math.hypot(d.x - x, d.y - y) < d.r + 1) {{ ok = false; break; }}
      if (ok) for (let j = 0; j < paths.length; j++) {{
          if (j === i) continue;
          const b = boxes[j];
          if (x < b.left || x > b.right || y < b.top || y > b.bottom) continue;
          if (inFill(paths[j], x, y)) {{ ok = false; break; }}
      }}
      memo.set(key, ok);
      return ok;
  }};
  // Where plotly takes a pointer at (x, y) to be: it reads offsetX/Y, whole pixels from the
  // chart's corner, which may sit at a fraction of a pixel; Chromium rounds a mouse's offset
  // from where it is, a finger's from the whole pixel it first rounds the finger to.
  const landing = (x, y) => {{
      const at = (v, o) => o + Math.round((seaOk ? Math.round(v) : v) - o);
      return [at(x, origin.x), at(y, origin.y)]; }};
  // Nothing but the sea at (x, y): no country and no dot (a phone's touch cells answer there).
  const sea = (x, y) => x >= view.x0 + 1 && x <= view.x1 - 1 && y >= view.y0 + 1
      && y <= view.y1 - 1 && dots.every(d => Math.hypot(d.x - x, d.y - y) >= d.r + 1)
      && paths.every((p, j) => {{ const b = boxes[j];
          return x < b.left || x > b.right || y < b.top || y > b.bottom || !inFill(p, x, y); }});
  // A point's grade: 2 when plotly lands inside this shape alone; 1 (a phone only) when it
  // lands on the sea (where the touch cells answer); 0 otherwise.
  const grade = (i, x, y) => {{
      const [u, v] = landing(x, y);
      return mine(i, u, v) ? 2 : seaOk && sea(u, v) ? 1 : 0; }};
  const best = (i, step) => {{
    const b = boxes[i];
    const x0 = Math.floor(Math.max(b.left, view.x0)), x1 = Math.ceil(Math.min(b.right, view.x1));
    const y0 = Math.floor(Math.max(b.top, view.y0)), y1 = Math.ceil(Math.min(b.bottom, view.y1));
    if (x1 <= x0 || y1 <= y0) return null;
    step = step || Math.min(8, Math.max(1, Math.floor(Math.min(x1 - x0, y1 - y0) / 16)));
    const inside = [], outside = [];
    for (let y = y0 - step; y <= y1 + step; y += step)
      for (let x = x0 - step; x <= x1 + step; x += step)
        (mine(i, x, y) ? inside : outside).push([x, y]);
    let found = null;
    for (const [x, y] of inside) {{
      let depth = Infinity;
      for (const [u, v] of outside) depth = Math.min(depth, Math.hypot(u - x, v - y));
      const g = grade(i, x, y);
      if (!found || g > found.grade || (g === found.grade && depth > found.depth))
        found = {{iso3: paths[i].__data__.loc, x, y, depth, grade: g}};
    }}
    return found;
  }};
  // Coarse first; a shape whose parts lie far apart (the Netherlands and its Caribbean
  // islands) may have no grid point in its small main part: then pixel by pixel; a shape
  // less than a few pixels wide (Qatar on a phone's world map) may have no pixel of its own
  // at all: then a finger's point inside it, a quarter pixel at a time.
  const found = (i) => {{
      let got = best(i, 0);
      if (!got || got.grade < 2) got = best(i, 1) || got;
      const b = boxes[i];
      if ((!got || got.grade < 1) && b.width < 12 && b.height < 12) got = best(i, 0.25) || got;
      return got; }};
  // ``only``: the codes to find a point for (every shape still hides what it covers).
  return paths.map((path, i) => (only && !only.includes(path.__data__.loc) ? null : found(i))
      || {{iso3: path.__data__.loc, x: null}});
}}"""

# Each small state's dot: a whole pixel of it that no other dot reaches (plotly takes a dot
# within its radius + 1 px), its centre when it can. At world scale the Lesser Antilles' dots
# overlap: each still has a part of its own.
DOTS_JS = f"""() => {{ const plot = ({MAP_JS})();
  const dots = [...plot.querySelectorAll('.scattergeo path.point')].filter(d => {{
      const trace = d.closest('.trace').__data__[0].trace;
      return trace.name === 'small states'; }}).map(d => {{
      const b = d.getBoundingClientRect();  // each dot's datum holds its customdata
      return {{iso3: d.__data__.data[0], x: b.x + b.width / 2,
              y: b.y + b.height / 2, r: Math.max(b.width, b.height) / 2}}; }});
  const free = (d, x, y) => Math.hypot(d.x - x, d.y - y) <= d.r - 1
      && dots.every(o => o === d || Math.hypot(o.x - x, o.y - y) > o.r + 2.5)
      && x > 0 && y > 0 && x < innerWidth && y < innerHeight
      && plot.contains(document.elementFromPoint(x, y))
      && !document.elementFromPoint(x, y).closest('.modebar, .legend');
  return dots.map(d => {{
    const cx = Math.round(d.x), cy = Math.round(d.y);
    const spots = [];
    for (let dy = -3; dy <= 3; dy++) for (let dx = -3; dx <= 3; dx++) spots.push([cx + dx, cy + dy]);
    spots.sort((p, q) => Math.hypot(p[0] - d.x, p[1] - d.y) - Math.hypot(q[0] - d.x, q[1] - d.y));
    const spot = spots.find(([x, y]) => free(d, x, y));
    return spot ? {{iso3: d.iso3, x: spot[0], y: spot[1], r: d.r, dot: true}}
                : {{iso3: d.iso3, x: null, dot: true}}; }}); }}"""

# The answer to the last move (or tap), once plotly has given one since ``n``.
ANSWER_JS = f"""([n, kind]) => {{ const plot = ({MAP_JS})();
    const h = kind === 'tap' ? plot.rmClick : plot.rmHover;
    if (h.n <= n || !h.loc) return null;
    const label = plot.querySelector('.hoverlayer .hovertext');
    if (!label) return null;
    const first = label.querySelector('tspan.line') || label.querySelector('text');
    return {{loc: h.loc, name: first ? first.textContent : ''}}; }}"""

# A country's drawn size (width, height) in px.
SIZE_JS = f"""(code) => {{ const plot = ({MAP_JS})();
    const path = [...plot.querySelectorAll('path.choroplethlocation')].find(p => p.__data__
        && p.__data__.loc === code && p.parentNode.__data__[0].trace.name !== '{TOUCH_NAME}');
    const box = path.getBoundingClientRect(); return [box.width, box.height]; }}"""

# Where plotly draws a (lon, lat) on the page.
PROJECT_JS = f"""([lon, lat]) => {{ const plot = ({MAP_JS})();
    const [x, y] = plot._fullLayout.geo._subplot.projection([lon, lat]);
    const box = plot.querySelector('svg.main-svg').getBoundingClientRect();
    return [box.x + x, box.y + y]; }}"""


# What plotly fitted the map to, to check the touch cells were built for this scale.
FIT_JS = f"""() => {{ const geo = ({MAP_JS})()._fullLayout.geo._subplot;
    return {{fit: geo.fitScale, box: geo.bounds}}; }}"""


@pytest.fixture(scope="module")
def names() -> dict[str, str]:
    table = country_table()
    return dict(zip(table["iso3"], table["name"], strict=True))


@pytest.fixture(scope="module")
def members() -> set[str]:
    return set(load_un_states()["iso3"])


def members_in(region: str, members: set[str]) -> set[str]:
    table = country_table()
    return members & set(table.loc[table["region"] == region, "iso3"] if region else table["iso3"])


def open_map(browser, server, query: str, phone: bool):
    options = {"viewport": PHONE, **PHONE_CONTEXT} if phone else {"viewport": DESKTOP}
    context = browser.new_context(**options)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    # The root with nothing asked opens the events list: the map is the shipped event's.
    page.goto(f"{server}/{query or '?event=venezuela-2026-01'}")
    page.wait_for_function(
        f"() => {{ const p = ({MAP_JS})(); return p && p.on && "
        "p.querySelectorAll('path.choroplethlocation').length > 0; }"
    )
    # The first run over: a tap while it still streams the page may be lost.
    page.wait_for_selector(
        "[data-testid=stApp][data-test-script-state=notRunning]", state="attached"
    )
    page.locator("[data-testid=stPlotlyChart]").first.scroll_into_view_if_needed()
    page.evaluate(LISTEN_JS)
    return context, page


def hover_answer(page, x: float, y: float) -> dict:
    """Move the pointer off the map, then to (x, y), and wait for plotly's answer to it."""
    n = page.evaluate(f"() => ({MAP_JS})().rmHover.n")
    page.mouse.move(1, 1)
    page.mouse.move(x, y)
    try:
        return page.wait_for_function(ANSWER_JS, arg=[n, "hover"], timeout=ANSWER_MS).json_value()
    except PlaywrightTimeout:
        return {"loc": None, "name": "no tooltip"}


def tap_answer(page, x: float, y: float) -> dict:
    """Tap (x, y) and wait for plotly's click: the country the app would select."""
    # Plotly skips a hover within 50 ms of the last one, and its click names the last hover.
    page.wait_for_function(f"() => performance.now() - ({MAP_JS})().rmHover.t > 60")
    n = page.evaluate(f"() => ({MAP_JS})().rmClick.n")
    page.touchscreen.tap(x, y)
    try:
        return page.wait_for_function(ANSWER_JS, arg=[n, "tap"], timeout=ANSWER_MS).json_value()
    except PlaywrightTimeout:
        return {"loc": None, "name": "no click"}


# Shapes where plotly may show no tooltip at all (never a wrong one) at a point of the drawn
# shape: Fiji's islands at the curved right edge of the world map, where plotly's hover test
# (straight edges in lon/lat) and the drawn outline (curved by the projection) disagree by a
# pixel or two. Fiji has a dot for that reason; its dot is tested like every other. So are the
# other small states' (a region's frame draws the Bahamas' or Vanuatu's islands a few pixels
# wide, where the pointer, which plotly reads in whole pixels, may fall just off them).
SILENT_EDGES = {"FJI", *load_markers()["iso3"]}


def wrong_answers(page, names, members, region, phone) -> tuple[list[str], int]:
    """Every country that does not answer for itself where it is pointed at or tapped: every
    UN member drawn in the view (by its dot when it has one), every other shape big enough."""
    page.evaluate(f"() => {{ ({MAP_JS})().rmQuiet = true; }}")
    shapes, dots = page.evaluate(POINTS_JS, [phone, None]), page.evaluate(DOTS_JS)
    by_dot = {d["iso3"] for d in dots}
    wanted = members_in(region, members)
    points, wrong, slivers = [], [], set()
    for point in dots:
        if point["x"] is None:
            wrong.append(f"{point['iso3']}'s dot is covered by other dots")
        else:
            points.append(point)
    for point in shapes:
        member = point["iso3"] in wanted and point["iso3"] not in by_dot
        # No tap inside it can land on it: a sliver under a pixel high or wide, between two
        # of the whole pixels plotly reads, with land all round (the Gambia on a phone's world
        # map). Its region's map reaches it (tested there), and the search finds it.
        if (
            member
            and not region
            and point["x"] is not None
            and point["grade"] == 0
            and min(page.evaluate(SIZE_JS, point["iso3"])) < 1
        ):
            slivers.add(point["iso3"])
            continue
        if point["x"] is not None and (point["depth"] >= MIN_DEPTH or member):
            points.append(point)
        elif member:
            wrong.append(f"{point['iso3']} has no pixel of its own")
    missing = wanted - {p["iso3"] for p in points} - {w.split()[0] for w in wrong} - slivers
    wrong += [f"{code} is not on the map" for code in sorted(missing)]
    answer = tap_answer if phone else hover_answer
    for point in points:
        got = answer(page, point["x"], point["y"])
        if got["loc"] is None and point["iso3"] in SILENT_EDGES and not point.get("dot"):
            continue
        expected = names[point["iso3"]]
        if got["loc"] != point["iso3"] or " ".join(got["name"].split()) != expected:
            how = "dot" if point.get("dot") else f"depth {point['depth']:.1f}, {point['grade']}"
            wrong.append(
                f"{point['iso3']} ({expected}, {how}) answered {got['loc']} {got['name']!r}"
            )
    return wrong, len(points)


def check_view(browser, server, names, members, region: str, phone: bool) -> int:
    query = f"?region={region}" if region else ""
    context, page = open_map(browser, server, query, phone)
    try:
        if phone:  # the touch cells were built for the scale this map is drawn at
            fitted = page.evaluate(FIT_JS)
            built = touch.phone_view(region).fit_scale
            assert fitted["fit"] == pytest.approx(built, rel=0.03), (
                "the phone's map is drawn at another scale than its touch cells were built "
                "for: see draw.touch.phone_area and run scripts/build_touch_cells.py"
            )
        wrong, tested = wrong_answers(page, names, members, region, phone)
        size = "phone" if phone else "desktop"
        page.screenshot(path=str(SHOTS / f"reactionmap-answers-{region or 'world'}-{size}.png"))
        assert not wrong, f"{len(wrong)} of {tested} answer wrongly: " + "; ".join(wrong)
        return tested
    finally:
        context.close()


@pytest.mark.parametrize("phone", [False, True], ids=["desktop-hover", "phone-tap"])
def test_every_country_answers_for_itself_in_the_world_view(browser, server, names, members, phone):
    tested = check_view(browser, server, names, members, "", phone)
    # Every UN member and observer (the test fails on any one missing), and more shapes.
    assert tested >= len(members) - 1


@pytest.mark.parametrize("phone", [False, True], ids=["desktop-hover", "phone-tap"])
@pytest.mark.parametrize("region", REGIONS)
def test_every_country_answers_for_itself_in_each_region(
    browser, server, names, members, region, phone
):
    tested = check_view(browser, server, names, members, region, phone)
    assert tested >= len(members_in(region, members))


# ---- a click or a tap selects -------------------------------------------------------------
def point_of(page, iso3: str) -> tuple[float, float]:
    """Where to point at ``iso3``: its dot when it has one (as the whole-population test
    does), else the best pixel of its shape."""
    dots = [d for d in page.evaluate(DOTS_JS) if d["iso3"] == iso3 and d["x"] is not None]
    shapes = [
        p
        for p in page.evaluate(POINTS_JS, [True, [iso3]])
        if p["iso3"] == iso3 and p["x"] is not None
    ]
    found = dots or sorted(shapes, key=lambda p: -p["grade"])
    assert found, f"no pixel of {iso3}'s own"
    return found[0]["x"], found[0]["y"]


def sea_point(page) -> tuple[float, float]:
    """A point of the open sea, far from any small state: the South Pacific, west of Chile."""
    return tuple(page.evaluate(PROJECT_JS, [-100, -40]))


def wait_for_selected(page, code: str, card: bool = True) -> None:
    """The URL's country (empty: none) and what is under the map agree with ``code``: its card
    (or, ``card`` False, the line saying it made no statement)."""
    inner = " .rm-card" if card else ""
    page.wait_for_function(
        "([code, inner]) => (new URLSearchParams(location.search).get('country') || '') === code"
        ' && (code ? !!document.querySelector(`.rm-picked[data-iso3="${code}"]${inner}`)'
        "          : !document.querySelector('.rm-picked'))",
        arg=[code, inner],
    )


def wait_in_view(page, selector: str) -> None:
    """Until the top of the element is on screen (the page scrolls it there, smoothly)."""
    page.wait_for_function(
        "(sel) => { const b = document.querySelector(sel).getBoundingClientRect();"
        " return b.top >= 0 && b.top + Math.min(b.height, 40) <= innerHeight; }",
        arg=selector,
    )


@pytest.mark.parametrize("phone", [False, True], ids=["desktop-click", "phone-tap"])
def test_a_click_or_tap_shows_the_statement_under_the_map_and_the_sea_clears_it(
    browser, server, phone
):
    context, page = open_map(browser, server, "", phone)
    press = page.touchscreen.tap if phone else page.mouse.click
    try:
        press(*point_of(page, "VEN"))
        wait_for_selected(page, "VEN")
        card = page.locator(".rm-picked .rm-card").first
        assert card.get_attribute("data-iso3") == "VEN"
        wait_in_view(page, ".rm-picked")  # brought into view: its top on screen
        hint = page.locator(".rm-hint").first.inner_text()
        assert ("Tap a country" in hint) == phone and ("Hover a country" in hint) != phone
        page.screenshot(
            path=str(SHOTS / f"reactionmap-selected-{'phone' if phone else 'desktop'}.png")
        )
        # The sea clears the selection.
        page.locator("[data-testid=stPlotlyChart]").first.scroll_into_view_if_needed()
        page.evaluate(LISTEN_JS)
        press(*sea_point(page))
        wait_for_selected(page, "")
        # So does the selected country, clicked again.
        press(*point_of(page, "VEN"))
        wait_for_selected(page, "VEN")
        page.locator("[data-testid=stPlotlyChart]").first.scroll_into_view_if_needed()
        press(*point_of(page, "VEN"))
        wait_for_selected(page, "")
    finally:
        context.close()


# The four the spike found hardest to tap on a phone: 1-3 px wide on its world map.
SMALL = {"SLV": "Americas", "LBN": "Asia", "QAT": "Asia", "GMB": "Africa"}


@pytest.mark.parametrize("region", ["", "regions"], ids=["world", "their-regions"])
def test_a_tap_on_a_small_state_selects_it_on_a_phone(browser, server, region):
    """The selection itself (the app's run, the URL, the line under the map), not only
    plotly's answer, for the smallest states a finger has to reach."""
    views: dict[str, list[str]] = {}  # one page per view, its states tapped one after another
    for code, home in SMALL.items():
        views.setdefault(f"?region={home}" if region else "", []).append(code)
    for query, codes in views.items():
        context, page = open_map(browser, server, query, phone=True)
        try:
            for code in codes:
                page.locator("[data-testid=stPlotlyChart]").first.scroll_into_view_if_needed()
                page.touchscreen.tap(*point_of(page, code))
                wait_for_selected(page, code, card=False)
                wait_in_view(page, f'.rm-picked[data-iso3="{code}"]')
        finally:
            context.close()


# ---- the sea near a small state -----------------------------------------------------------


def sea_in_cell(code: str) -> tuple[float, float]:
    """(lon, lat) of the point of ``code``'s touch cell on the phone's world map farthest from
    any land: the sea a finger may miss the state by."""
    import json

    from shapely.geometry import shape
    from shapely.ops import polylabel

    from reactionmap.places.boundaries import load_countries

    features = json.loads(touch.cells_path("").read_text(encoding="utf-8"))["features"]
    (cell,) = [shape(f["geometry"]) for f in features if f["properties"]["iso3"] == code]
    land = load_countries().geometry.union_all()
    sea = cell.difference(land.buffer(0.5))
    part = max(getattr(sea, "geoms", [sea]), key=lambda p: p.area)
    point = polylabel(part, tolerance=0.01)
    return point.x, point.y


def test_a_tap_on_the_sea_near_a_small_state_reaches_it_the_open_sea_clears(browser, server):
    context, page = open_map(browser, server, "", phone=True)
    try:
        page.evaluate(f"() => {{ ({MAP_JS})().rmQuiet = true; }}")
        for code in ("JAM", "SLV", "QAT", "BHR", "MLT"):
            x, y = page.evaluate(PROJECT_JS, list(sea_in_cell(code)))
            centre = page.evaluate(
                PROJECT_JS, list(touch.sites("", touch.phone_view(""))[code][:2])
            )
            off = ((x - centre[0]) ** 2 + (y - centre[1]) ** 2) ** 0.5
            assert 1 < off <= touch.RADIUS_PX, f"{code}: {off:.1f} px off"
            assert tap_answer(page, x, y)["loc"] == code, f"the sea near {code}"
        page.wait_for_function(f"() => performance.now() - ({MAP_JS})().rmHover.t > 60")
        n = page.evaluate(f"() => ({MAP_JS})().rmClick.n")
        page.touchscreen.tap(*sea_point(page))
        page.wait_for_function(f"(n) => ({MAP_JS})().rmClick.n > n", arg=n)
        assert page.evaluate(f"() => ({MAP_JS})().rmClick.loc") == "SEA"  # clears a selection
    finally:
        context.close()
