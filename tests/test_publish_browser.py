"""The published page in a real browser, opened from disk with every non-file request refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from published_points import DOTS_JS, MIN_DEPTH, POINTS_JS, hover_answer
from serving import LISTEN_JS, PHONE_CONTEXT, WAIT_MS
from test_browser import (
    DESKTOP,
    FILL_JS,
    GREY,
    PHONE,
    POINT_JS,
    SHAPE_COUNT_JS,
    SHOTS,
    rgb,
    squeeze,
    statements_of,
)

from reactionmap.contract.scale import DEFAULT_SCALE
from reactionmap.draw import cards, frame
from reactionmap.intake.events import load_event
from reactionmap.places.boundaries import country_table
from reactionmap.publish.export import stance_csv
from reactionmap.publish.snapshot import snapshot
from reactionmap.publish.webpage import write_page
from tests.conftest import row, write_event

pytestmark = pytest.mark.browser

HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
HOSTILE_ROWS = [
    row(statement_id="h1", actor="Brazil", stance="condemn", date="2026-03-01",
        speaker=HOSTILE, quote=f"Quoted {HOSTILE} words",
        summary='<a href="javascript:window.__pwned = 3">click me</a>',
        source_name="<b>Evil</b> <img src=x onerror=\"window.__pwned = 4\">",
        source_url="javascript:window.__pwned = 5"),
    row(statement_id="h2", actor="France", stance="concern", date="2026-03-02",
        quote="Plain words.", source_name="Le Journal", source_url="https://example.org/fr"),
]  # fmt: skip


@pytest.fixture(scope="module")
def published(venezuela, tmp_path_factory):
    return venezuela, write_page(venezuela, tmp_path_factory.mktemp("published"))


@pytest.fixture
def open_file(browser):
    """open_file(path, viewport, **context) -> the page opened from disk, its map drawn. Any
    request that is not for a file:// URL is aborted and listed in page.refused."""
    contexts = []

    def _open(path: Path, viewport=DESKTOP, at_least: int = 190, **options):
        context = browser.new_context(viewport=viewport, accept_downloads=True, **options)
        contexts.append(context)
        refused: list[str] = []

        def route(request_route):
            url = request_route.request.url
            if url.startswith("file://"):
                request_route.continue_()
            else:
                refused.append(url)
                request_route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        page.refused, page.errors = refused, []
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("dialog", lambda d: (page.errors.append(f"dialog: {d.message}"), d.dismiss()))
        page.goto(path.resolve().as_uri())
        page.wait_for_function(f"({SHAPE_COUNT_JS})() >= {at_least}")
        return page

    yield _open
    for context in contexts:
        context.close()


def point_in(page, iso3: str) -> tuple[float, float]:
    page.locator("#rm-map").scroll_into_view_if_needed()
    point = page.evaluate(POINT_JS, iso3)
    assert point, f"no drawn shape for {iso3}"
    return point["x"], point["y"]


def hover_text(page) -> str:
    label = page.locator(".hoverlayer .hovertext").first
    label.wait_for()
    return " ".join(label.locator("tspan.line").all_text_contents() or [label.text_content()])


def test_page_draws_every_country_offline(open_file, published):
    snap, path = published
    page = open_file(path)
    assert page.evaluate(SHAPE_COUNT_JS) >= 190
    assert page.evaluate(FILL_JS, "RUS") == rgb(DEFAULT_SCALE.color("condemn"))
    assert page.evaluate(FILL_JS, "ARG") == rgb(DEFAULT_SCALE.color("support"))
    assert page.evaluate(FILL_JS, "AUS") == GREY
    # No shape wound the wrong way (it would cover the whole map).
    widest = page.evaluate("""() => { const box = document.querySelector('#rm-map').getBoundingClientRect();
        return Math.max(...[...document.querySelectorAll('path.choroplethlocation')]
            .filter(p => !(p.__data__ && p.__data__.loc === 'SEA')).map(p => {
            const b = p.getBoundingClientRect(); return b.width * b.height / (box.width * box.height); })); }""")
    assert widest < 0.6  # the USA, Alaska to Maine, spans about 0.3
    assert page.refused == [] and page.errors == []
    for text in ("Made with reactionmap", "Download the data (CSV)", snap.event.title):
        assert page.get_by_text(text).count() >= 1
    page.screenshot(path=str(SHOTS / "published-desktop-1300x900.png"), full_page=True)


def test_hovering_a_country_shows_its_statement(open_file, published):
    _, path = published
    page = open_file(path)
    page.mouse.move(*point_in(page, "RUS"))
    text = hover_text(page)
    assert "Russia" in text and DEFAULT_SCALE.label("condemn") in text
    fragments = [squeeze(t)[:40] for t in statements_of("RUS")]
    assert any(f in squeeze(text) for f in fragments), f"no Russian statement in {text!r}"
    page.mouse.move(*point_in(page, "AUS"))
    page.wait_for_function(
        "() => (document.querySelector('.hoverlayer .hovertext') || {}).textContent"
        "?.includes('Australia')"
    )
    assert "No statement recorded" in hover_text(page)
    assert page.refused == []


def test_csv_link_yields_the_table(open_file, published):
    snap, path = published
    page = open_file(path)
    with page.expect_download() as info:
        page.get_by_text("Download the data (CSV)").click()
    download = info.value
    assert Path(download.path()).read_bytes() == stance_csv(snap.page.table)
    assert download.suggested_filename == "venezuela-2026-01_stance_2026-01-05.csv"
    assert page.refused == []


def test_a_tap_on_a_phone_shows_the_statement(open_file, published):
    _, path = published
    page = open_file(path, PHONE, is_mobile=True, has_touch=True)
    # China: at phone width a point inside Brazil or western Russia is within plotly's hover
    # distance of a small state's marker (the map's own issue, for figures.map_figure).
    page.touchscreen.tap(*point_in(page, "CHN"))
    picked = page.locator("#rm-picked .rm-card")
    picked.wait_for()
    assert "China" in picked.text_content()
    assert any(squeeze(t)[:30] in squeeze(picked.text_content()) for t in statements_of("CHN"))
    page.screenshot(path=str(SHOTS / "published-phone-390x844.png"), full_page=True)


def test_hostile_text_neither_runs_nor_links(open_file, events_root):
    folder = write_event(events_root, "hostile", HOSTILE_ROWS)
    toml = (folder / "event.toml").read_text(encoding="utf-8")
    title = "A test <script>window.__pwned = 6</script> event"
    (folder / "event.toml").write_text(toml.replace("A test event", title), encoding="utf-8")
    path = write_page(snapshot(load_event(folder)), events_root / "out")
    page = open_file(path)
    page.mouse.move(*point_in(page, "BRA"))
    text = hover_text(page)
    assert "<script>" in text and "onerror" in text  # shown as text, not run
    # (One click only: a second within plotly's double-click time would be a double click.)
    page.mouse.click(*point_in(page, "BRA"))
    page.locator("#rm-picked .rm-card").wait_for()
    # The words that would have been links are plain text: a click does nothing.
    page.get_by_text("click me").first.click()
    page.get_by_text("Evil").first.click()
    assert page.evaluate("window.__pwned") is None
    # plotly packed and then unpacked by the loader, topojson, the loader, three data blocks
    assert page.locator("script").count() == 7
    assert page.locator("img").count() == 0
    hrefs = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href)")
    assert not [h for h in hrefs if not h.startswith(("https:", "data:text/csv"))], hrefs
    assert page.get_by_text("window.__pwned = 6").count() == 1  # the title, as text
    assert page.get_by_text("javascript:window.__pwned = 5").count() >= 1  # the URL, as text
    assert page.errors == [] and page.refused == []


@pytest.fixture(scope="module")
def dashboard(browser):
    from serving import streamlit_app

    with streamlit_app() as url:
        yield url


def test_dashboard_downloads_this_view_as_image_and_page(browser, dashboard, open_file, tmp_path):
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(f"{dashboard}/?event=venezuela-2026-01&region=Americas&stance=condemn")
    page.wait_for_function(f"({SHAPE_COUNT_JS})() >= 20")

    def download(label: str) -> bytes:
        with page.expect_download() as info:
            page.get_by_role("button", name=label).click()
        return Path(info.value.path()).read_bytes()

    png = download("Map as PNG")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(png[16:20], "big") == 2400
    svg = download("Map as SVG").decode("utf-8")
    assert "showing Condemned" in svg and "Americas" in svg
    archive = zipfile.ZipFile(io.BytesIO(download("Published page (ZIP)")))
    archive.extractall(tmp_path)
    page.get_by_text("Embed this view").click()
    snippet = page.get_by_label("HTML to paste into your page")
    snippet.wait_for()
    assert snippet.input_value().startswith('<iframe src="venezuela-2026-01/index.html"')
    context.close()
    # The page from the ZIP shows the same view: the Americas, only condemnations coloured.
    published = open_file(tmp_path / "venezuela-2026-01" / "index.html", at_least=20)
    americas = set(country_table().query("region == 'Americas' and has_shape")["iso3"])
    assert published.evaluate(SHAPE_COUNT_JS) == len(americas)
    assert published.evaluate(FILL_JS, "BRA") == rgb(DEFAULT_SCALE.color("condemn"))
    assert published.evaluate(FILL_JS, "ARG") == "rgb(255, 255, 255)"  # filtered out: blank


# ---- every UN member on every view of the published page, by hover and by tap ----------------

VIEWS = ["", "Africa", "Americas", "Asia", "Europe", "Oceania"]

# What the page answered to the last tap, recorded after the page's own handler (both listen to
# the click on the way down, the page's first).
TAP_JS = """() => { const box = document.getElementById('rm-map'); if (box.rmTap) return;
    box.rmTap = {n: 0};
    box.addEventListener('click', () => setTimeout(() => {
        const el = document.querySelector('#rm-picked [data-iso3]');
        box.rmTap = {n: box.rmTap.n + 1, code: el ? el.dataset.iso3 : '',
                     text: el ? el.textContent : ''}; }, 0), true); }"""

TAP_ANSWER_JS = """(n) => { const t = document.getElementById('rm-map').rmTap;
    return t.n > n ? t : null; }"""

# How the page drew its map: its width, the frame plotly was given, the dots' placement, and
# whether the legend keeps off the map.
DRAWN_JS = """() => { const box = document.getElementById('rm-map'), L = box._fullLayout;
    const clip = [...box.querySelectorAll('clipPath')].find(c => c.id.endsWith('geo'));
    const map = clip.querySelector('rect').getBoundingClientRect();
    const legend = box.querySelector('.legend').getBoundingClientRect();
    return {width: box.clientWidth, height: L.height, top: L.margin.t, room: L.margin.b,
            rotation: L.geo.projection.rotation.lon, lon: L.geo.lonaxis.range,
            lat: L.geo.lataxis.range, dots: box.dataset.dots,
            legend_gap: legend.top - map.bottom}; }"""


@pytest.fixture(scope="module")
def views(venezuela_event, tmp_path_factory):
    """The Venezuela event published for the world and for each region: {region: (snapshot,
    page path)}."""
    root = tmp_path_factory.mktemp("views")
    out = {}
    for region in VIEWS:
        snap = snapshot(venezuela_event, region=region)
        out[region] = (snap, write_page(snap, root / (region or "world")))
    return out


@pytest.fixture(scope="module")
def members() -> dict[str, tuple[str, str]]:
    """Every UN member and observer: iso3 -> (name, region)."""
    table = country_table()
    table = table[table["un_status"] != ""]
    return {
        code: (name, region)
        for code, name, region in zip(table["iso3"], table["name"], table["region"], strict=True)
    }


def open_view(page, path: Path) -> None:
    page.goto(path.resolve().as_uri())
    page.wait_for_function("() => document.getElementById('rm-map').dataset.drawn")
    page.locator("#rm-map").scroll_into_view_if_needed()


def check_frame(page, snap) -> dict:
    """The page's JavaScript frames the view as draw.frame does in Python, for its own width;
    the dots are the phone's in a phone's world view; the legend keeps off the map."""
    drawn = page.evaluate(DRAWN_JS)
    inner = frame.box_height(snap.frame, drawn["width"])
    fitted = frame.geo_frame(snap.frame, drawn["width"] / inner)
    assert drawn["height"] - drawn["top"] - drawn["room"] == inner
    assert drawn["rotation"] == pytest.approx(fitted.rotation, abs=0.01)
    assert drawn["lon"] == pytest.approx(list(fitted.lon_range), abs=0.01)
    assert drawn["lat"] == pytest.approx(list(fitted.lat_range), abs=0.01)
    narrow = snap.frame is None and drawn["width"] < frame.NARROW_PX
    assert drawn["dots"] == ("narrow" if narrow else "wide")
    assert drawn["legend_gap"] >= -1, "the legend lies over the map"
    return drawn


def answer_names(answer: dict, iso3: str, name: str, snap) -> bool:
    """A tap's answer is the card of ``iso3`` (headed by its actor) or the note naming it."""
    actors = set(snap.page.cards.loc[snap.page.cards["actor_iso3"] == iso3, "actor"])
    return answer["code"] == iso3 and any(n in answer["text"] for n in {name, *actors})


def reach_every_member(page, snap, members, phone: bool) -> tuple[set[str], list[str]]:
    """Point at (desktop: hover) or tap (phone) every member drawn in this view, inside its
    drawn shape (the point deepest in it, away from borders and dots) or on its dot, and read
    the answer. Returns (the members reached, the wrong answers)."""
    found = page.evaluate(POINTS_JS, MIN_DEPTH)
    targets: dict[str, dict] = {}
    for point in found["points"] + page.evaluate(DOTS_JS):  # a shape first, else its dot
        if point["iso3"] in members:
            targets.setdefault(point["iso3"], point)
    reached, wrong = set(), []
    for iso3, point in sorted(targets.items()):
        name = members[iso3][0]
        if phone:
            n = page.evaluate("() => document.getElementById('rm-map').rmTap.n")
            page.touchscreen.tap(point["x"], point["y"])
            answer = page.wait_for_function(TAP_ANSWER_JS, arg=n).json_value()
            ok = answer_names(answer, iso3, name, snap)
            said = f"{answer['code']} {answer['text'][:60]!r}"
        else:
            answer = hover_answer(page, point["x"], point["y"])
            ok = answer["loc"] == iso3 and " ".join(answer["name"].split()) == name
            said = f"{answer['loc']} {answer['name']!r}"
        if ok:
            reached.add(iso3)
        else:
            kind = "dot" if "r" in point else f"shape, {point['depth']:.1f} px deep"
            wrong.append(f"{iso3} ({name}, {kind}) answered {said}")
    return reached, wrong


@pytest.mark.parametrize(
    "phone", [False, True], ids=["desktop-1300x900-hover", "phone-390x844-tap"]
)
def test_every_un_member_answers_in_every_view_of_the_published_page(
    browser, views, members, phone
):
    options = {"viewport": PHONE, **PHONE_CONTEXT} if phone else {"viewport": DESKTOP}
    context = browser.new_context(**options)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    reached: dict[str, set[str]] = {}
    problems: list[str] = []
    try:
        for region in VIEWS:
            snap, path = views[region]
            open_view(page, path)
            check_frame(page, snap)
            page.evaluate(TAP_JS if phone else LISTEN_JS)
            got, wrong = reach_every_member(page, snap, members, phone)
            reached[region] = got
            problems += [f"{region or 'world'}: {w}" for w in wrong]
            shown = {c for c, (_, r) in members.items() if not region or r == region}
            if region:  # a region's view reaches every member of it
                missing = sorted(shown - got)
                problems += [
                    f"{region}: {c} ({members[c][0]}) has no point to reach" for c in missing
                ]
            page.screenshot(
                path=str(
                    SHOTS / f"published-{region or 'world'}-{'phone' if phone else 'desktop'}.png"
                )
            )
    finally:
        context.close()
    assert not errors
    assert not problems, f"{len(problems)} members not reached: " + "; ".join(problems)
    # The world view: on a desktop every member; on a phone those too small to point at there
    # (El Salvador, Qatar: a pixel or two) are reached in their region's view, asserted above.
    unreached = sorted(set(members) - reached[""])
    if not phone:
        assert unreached == [], f"not reached in the world view: {unreached}"
    else:
        assert len(reached[""]) >= 110, f"only {len(reached[''])} members tapped in the world view"
        assert all(c in reached[members[c][1]] for c in unreached)
        print(f"phone world view: {len(unreached)} members reached only in their region: "
              + ", ".join(unreached))  # fmt: skip


# The drawn countries as line segments in viewport px (each path's outline, parsed from its
# d attribute), and the dots: gaps(x, y) is each country's (or dot's) distance from a point of
# the sea, exact to its last speck of island.
GAPS_JS = """
  const box = document.getElementById('rm-map'), svg = box.querySelector('svg.main-svg');
  const q = svg.createSVGPoint();
  const shapes = [...box.querySelectorAll('path.choroplethlocation')].filter(p => p.__data__
      && p.__data__.loc && p.__data__.loc !== 'SEA').map(p => {
    const m = p.getScreenCTM(), segments = [];
    for (const ring of (p.getAttribute('d') || '').split(/Z/i)) {
      const nums = (ring.match(/-?[0-9.]+(e-?[0-9]+)?/gi) || []).map(Number), pts = [];
      for (let i = 0; i + 1 < nums.length; i += 2)
        pts.push([m.a * nums[i] + m.c * nums[i + 1] + m.e, m.b * nums[i] + m.d * nums[i + 1] + m.f]);
      for (let i = 0; i < pts.length; i++) segments.push([pts[i], pts[(i + 1) % pts.length]]);
    }
    return {code: p.__data__.loc, path: p, inverse: m.inverse(), segments}; });
  const dots = [...box.querySelectorAll('.scattergeo path.point')].map(d => {
      const b = d.getBoundingClientRect();
      return {code: d.__data__.data[0], x: b.x + b.width / 2, y: b.y + b.height / 2, r: b.width / 2}; });
  const onLand = (x, y) => shapes.some(s => { q.x = x; q.y = y;
      return s.path.isPointInFill(q.matrixTransform(s.inverse)); });
  const toSegment = (x, y, [[ax, ay], [bx, by]]) => {
    const dx = bx - ax, dy = by - ay, l = dx * dx + dy * dy;
    const t = l ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / l)) : 0;
    return Math.hypot(ax + t * dx - x, ay + t * dy - y); };
  const gaps = (x, y) => {
    const gap = {};
    for (const s of shapes) for (const seg of s.segments)
      gap[s.code] = Math.min(gap[s.code] ?? Infinity, toSegment(x, y, seg));
    for (const d of dots) gap[d.code] = Math.min(gap[d.code] ?? Infinity, Math.hypot(d.x - x, d.y - y) - d.r);
    return Object.entries(gap).sort((a, b) => a[1] - b[1]); };
"""

# A point of the sea ``off`` px off ``code``'s drawn coast, where ``code`` is the nearest drawn
# country or dot and every other lies at least 4 px farther: the finger near-missed it. null
# when there is none.
SEA_NEAR_JS = (
    "([code, off]) => {"
    + GAPS_JS
    + """
  const own = shapes.find(s => s.code === code);
  if (!own) return null;
  const b = own.path.getBoundingClientRect(), cx = b.x + b.width / 2, cy = b.y + b.height / 2;
  for (let k = 0; k < 16; k++) {
    const a = k * Math.PI / 8;
    let r = 0;
    while (r < 200 && onLand(cx + r * Math.cos(a), cy + r * Math.sin(a))) r += 0.5;
    const x = cx + (r + off) * Math.cos(a), y = cy + (r + off) * Math.sin(a);
    if (onLand(x, y) || x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue;
    const near = gaps(x, y);
    if (near[0][0] === code && near[0][1] <= off + 1 && near[1][1] >= near[0][1] + 4)
      return {x, y, near: near.slice(0, 2)};
  }
  return null;
}"""
)


# Coasts to near-miss on a phone's world map (those with no clear stretch of sea are skipped).
NEAR_THE_SEA = ("ITA", "CHL", "NZL", "PHL", "LKA", "ISL", "IRL", "CUB", "JPN", "GBR", "MDG",
                "KOR", "AUS", "PNG", "SOM", "NOR", "PRT", "PER", "NAM")  # fmt: skip


def test_a_tap_on_the_sea_beside_a_country_picks_it_and_far_out_clears(open_file, views):
    def tap(page, x: float, y: float) -> dict:
        n = page.evaluate("() => document.getElementById('rm-map').rmTap.n")
        page.touchscreen.tap(x, y)
        return page.wait_for_function(TAP_ANSWER_JS, arg=n).json_value()

    page = open_file(views[""][1], PHONE, **PHONE_CONTEXT)
    page.locator("#rm-map").scroll_into_view_if_needed()
    page.evaluate(TAP_JS)
    tried = []
    for code in NEAR_THE_SEA:
        point = page.evaluate(SEA_NEAR_JS, [code, 3])
        if point is None:
            continue
        answer = tap(page, point["x"], point["y"])
        tried.append(code)
        assert answer["code"] == code, f"the sea 3 px off {code} answered {answer} ({point})"
    assert len(tried) >= 6, f"only {tried} had a clear stretch of sea beside them"
    assert page.errors == [] and page.refused == []
    # Out in the Pacific, west of the Americas, nothing within a finger's reach: a tap clears.
    page = open_file(views["Americas"][1], PHONE, at_least=20, **PHONE_CONTEXT)
    page.locator("#rm-map").scroll_into_view_if_needed()
    page.evaluate(TAP_JS)
    answer = tap(page, *point_in(page, "CHL"))
    assert answer["code"] == "CHL"
    answer = tap(page, *page.evaluate(PACIFIC_JS))
    assert answer["code"] == "" and page.locator("#rm-picked").inner_text() == ""


# A point of the sea with no country's land and no dot within 26 px (mid-ocean).
PACIFIC_JS = (
    "() => {"
    + GAPS_JS
    + """
  const b = box._fullLayout.geo._subplot.bgRect.node().getBoundingClientRect();
  for (let y = b.y + 30; y < b.bottom - 30; y += 10)
    for (let x = b.x + 30; x < b.right - 30; x += 10)
      if (!onLand(x, y) && gaps(x, y)[0][1] > 26) return [x, y];
  return null;
}"""
)


@pytest.fixture(scope="module")
def big_page(tmp_path_factory):
    """A generated event of 100,000 statements by 250 actors over a year (bench's scale
    event: not real data), published."""
    from bench.group_scale import SCALE_EVENT, write_scale_event

    root = write_scale_event(tmp_path_factory.mktemp("scale"))
    snap = snapshot(load_event(SCALE_EVENT, root / "events"))
    return snap, write_page(snap, tmp_path_factory.mktemp("big"))


def test_a_100k_statement_event_publishes_under_5_mb_every_card_reachable(open_file, big_page):
    snap, path = big_page
    assert len(snap.event.statements) == 100_000
    assert path.stat().st_size < 5_000_000
    ordered = cards.order_cards(snap.page.cards, None)  # each actor's card, in the page's order
    actors = ordered.loc[~cards.actor_key(ordered).duplicated(), "actor_iso3"].tolist()
    page = open_file(path)
    assert "has no play control: its 365 days" in page.locator(".rm-counts").inner_text()
    shown = page.locator("#rm-cards .rm-card")
    more = page.locator("#rm-more")
    inline = shown.count()
    assert 0 < inline < len(actors) and more.get_attribute("data-left") == str(len(actors) - inline)
    # A click on a country whose card is not shown yet shows its card from the page's data.
    big = ("RUS", "CAN", "CHN", "USA", "BRA", "AUS", "IND", "ARG", "KAZ", "DZA")
    unshown = [c for c in big if c in actors[inline:]]
    x, y = point_in(page, unshown[0])
    page.mouse.click(x, y)
    page.locator(f'#rm-picked .rm-card[data-iso3="{unshown[0]}"]').wait_for()
    # The keyboard reaches every card: Enter on "Show more" until none is left, focus moving to
    # the first card each press adds.
    while more.is_visible():
        before = shown.count()
        more.focus()
        page.keyboard.press("Enter")
        page.wait_for_function(
            f"document.querySelectorAll('#rm-cards .rm-card').length > {before}"
            " && document.activeElement.classList.contains('rm-card')"
        )
        assert page.evaluate("document.activeElement.dataset.iso3") == actors[before]
    codes = page.eval_on_selector_all("#rm-cards .rm-card", "cs => cs.map(c => c.dataset.iso3)")
    assert codes == actors
    assert "that is all" in page.locator("#rm-more-said").inner_text()
    assert page.refused == [] and page.errors == []
