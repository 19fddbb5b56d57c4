"""The dashboard in a real browser: Debian's Chromium driven by Playwright against `streamlit run`.

One Streamlit server and one browser serve the whole module; each test opens its own page
(its own Streamlit session). Full-page screenshots land in the temporary directory (or in
REACTIONMAP_SCREENSHOTS) for a person to look at.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest
from serving import (
    DESKTOP,
    MAP_JS,
    PHONE,
    PHONE_CONTEXT,
    SHOTS,
    WAIT_MS,
    is_loopback,
    streamlit_app,
)

from reactionmap.contract.scale import (
    DEFAULT_SCALE,
    DISAGREE_COLOR,
    DISAGREE_LABEL,
    NO_STATEMENT_COLOR,
)
from reactionmap.places.boundaries import country_table

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
EVENT = "venezuela-2026-01"
STATEMENTS = REPO / "data" / "events" / EVENT / "statements.csv"

# The country paths drawn (the clickable sea under them is a path too, not a country).
SHAPE_COUNT_JS = f"""() => {{ const plot = ({MAP_JS})();
    return plot ? [...plot.querySelectorAll('path.choroplethlocation')]
        .filter(p => !(p.__data__ && p.__data__.loc === 'SEA')).length : 0; }}"""
# Plotly binds each choropleth path to its datum: `loc` is the location (ISO3) it draws.
FILL_JS = f"""(iso3) => {{ const plot = ({MAP_JS})(); if (!plot) return null;
    const path = [...plot.querySelectorAll('path.choroplethlocation')]
        .find(p => p.__data__ && p.__data__.loc === iso3);
    return path ? getComputedStyle(path).fill : null; }}"""
# A point on screen inside a country's shape (not only inside its bounding box: Russia's box
# spans the globe), as close to the box's centre as a 5% grid allows.
POINT_JS = f"""(iso3) => {{ const plot = ({MAP_JS})(); if (!plot) return null;
    const path = [...plot.querySelectorAll('path.choroplethlocation')]
        .find(p => p.__data__ && p.__data__.loc === iso3);
    if (!path) return null;
    const box = path.getBoundingClientRect(), svg = path.ownerSVGElement;
    const toLocal = path.getScreenCTM().inverse();
    let best = null;
    for (let fy = 0.05; fy < 1; fy += 0.05) for (let fx = 0.05; fx < 1; fx += 0.05) {{
        const q = svg.createSVGPoint(); q.x = box.x + box.width * fx; q.y = box.y + box.height * fy;
        if (!path.isPointInFill(q.matrixTransform(toLocal))) continue;
        const d = Math.abs(fx - 0.5) + Math.abs(fy - 0.5);
        if (!best || d < best.d) best = {{x: q.x, y: q.y, d}};
    }}
    return best; }}"""
# Streamlit's tables are glide-data-grid canvases; glide keeps an accessible <table> beside
# the pixels, which is what a screen reader (and this test) reads.
GRIDS_JS = """() => [...document.querySelectorAll('[data-testid=stDataFrame]')].map(frame => {
    const table = frame.querySelector('table[role=grid]'); if (!table) return null;
    const head = [...table.querySelectorAll('th')].map(th => th.textContent.trim());
    const rows = [...table.querySelectorAll('tbody tr')].map(tr =>
        Object.fromEntries([...tr.querySelectorAll('td')].map((td, i) => [head[i], td.textContent])));
    return {head, rows, editable: !!table.querySelector('td:not([aria-readonly=true])')};
})"""
# The same accessible table lets a test reach a cell without pixel offsets: each cell drawn is a
# <td id="glide-cell-COLUMN-ROW">, and focusing one selects it in the grid (the first focus only
# gives the grid focus, with its first cell selected: focus again until the cell is selected).
EDITOR = "[data-testid=stDataFrame]:has(table[role=grid] td[aria-readonly=false])"
EDITOR_JS = f"() => document.querySelector('{EDITOR}')"
CELL_JS = f"""([column, key, value]) => {{ const frame = ({EDITOR_JS})(); if (!frame) return null;
    const table = frame.querySelector('table[role=grid]');
    const head = [...table.querySelectorAll('th')].map(th => th.textContent.trim());
    const row = [...table.querySelectorAll('tbody tr')]
        .find(tr => tr.querySelectorAll('td')[head.indexOf(key)]?.textContent === value);
    const cell = row && row.querySelectorAll('td')[head.indexOf(column)];
    return cell ? cell.id : null; }}"""
SELECT_CELL_JS = f"""(id) => {{ const frame = ({EDITOR_JS})();
    const cell = frame && frame.querySelector('td#' + CSS.escape(id)); if (!cell) return false;
    const selected = () => cell.getAttribute('aria-selected') === 'true'
        && document.activeElement === cell;
    if (!selected()) cell.focus();
    return selected(); }}"""


def rgb(color: str) -> str:
    """'#D55E00' -> 'rgb(213, 94, 0)', as getComputedStyle writes it."""
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


GREY = rgb(NO_STATEMENT_COLOR)


def squeeze(text: str) -> str:
    """Text without any whitespace: hover labels break lines into <tspan>s, losing spaces."""
    return re.sub(r"\s+", "", text)


# ---- fixtures --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seen() -> dict[str, list[str]]:
    """Every request and uncaught page error of every page this module opened."""
    return {"requests": [], "errors": []}


@pytest.fixture
def open_page(browser, server, seen):
    """open_page(query="", viewport=DESKTOP, **context_options) -> a page on the app, its map
    drawn (unless wait_for_map=False); the page's requests are in ``page.requests``."""
    contexts = []

    def _open(query="", viewport=DESKTOP, wait_for_map=True, **options):
        context = browser.new_context(viewport=viewport, accept_downloads=True, **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        page.requests = []
        page.on("request", lambda r: (page.requests.append(r.url), seen["requests"].append(r.url)))
        page.on("pageerror", lambda e: seen["errors"].append(str(e)))
        # The root with nothing asked opens the events list: the map is the shipped event's.
        page.goto(f"{server}/{query or '?event=venezuela-2026-01'}")
        if wait_for_map:
            wait_for_shapes(page)
            # The first run over: a click while it still streams the page may reach a map
            # that is about to be drawn again, and be lost (seen under load in CI).
            wait_for_idle(page)
        return page

    yield _open
    for context in contexts:
        context.close()


# ---- helpers ----------------------------------------------------------------------------------
# Every wait is for the state a test asserts (or for Streamlit to have finished its run),
# never for a length of time: a cold server may take many seconds for its first run.
IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"
PRESSED_JS = """(label) => { const group = [...document.querySelectorAll(
        '[data-testid=stSidebar] [data-testid=stButtonGroup]')]
        .find(g => g.textContent.includes(label));
    return group ? [...group.querySelectorAll('button')]
        .filter(b => b.getAttribute('aria-pressed') === 'true')
        .map(b => b.innerText.trim()) : null; }"""


def wait_for_shapes(page, at_least: int = 190) -> int:
    page.wait_for_function(f"({SHAPE_COUNT_JS})() >= {at_least}")
    return page.evaluate(SHAPE_COUNT_JS)


def wait_for_idle(page) -> None:
    """Until Streamlit's script run is over (the page holds that run's every element)."""
    page.wait_for_selector(IDLE, state="attached")


def wait_for_fill(page, iso3: str, color: str) -> None:
    page.wait_for_function(f"({FILL_JS})('{iso3}') === '{color}'")


def wait_for_first_card(page, iso3: str) -> None:
    page.wait_for_function(
        "(code) => { const c = document.querySelector('.rm-cards .rm-card');"
        " return !!c && c.dataset.iso3 === code; }",
        arg=iso3,
    )


def wait_for_badges(page, labels: set[str], selector: str = ".rm-card .rm-badge") -> list[str]:
    """Until the cards on the page carry exactly these stance badges (and at least one)."""
    page.wait_for_function(
        "([sel, want]) => { const got = new Set([...document.querySelectorAll(sel)]"
        ".map(b => b.textContent)); return got.size === want.length"
        " && want.every(w => got.has(w)); }",
        arg=[selector, sorted(labels)],
    )
    return page.locator(selector).all_text_contents()


def point_in(page, iso3: str) -> tuple[float, float]:
    page.locator("[data-testid=stPlotlyChart]").first.scroll_into_view_if_needed()
    point = page.evaluate(POINT_JS, iso3)
    assert point, f"no drawn shape for {iso3}"
    return point["x"], point["y"]


def open_cell(page, column: str, key: str, value: str) -> None:
    """Open the editor of the data editor's cell in ``column``, on the row whose ``key`` cell
    reads ``value``: select it through the grid's accessible table, then press Enter. Every
    step waits for the state it needs (the cell found, then selected), never for time."""
    wait_for_idle(page)
    page.locator(EDITOR).first.scroll_into_view_if_needed()
    page.wait_for_function(f"({CELL_JS})({json.dumps([column, key, value])}) !== null")
    cell = page.evaluate(CELL_JS, [column, key, value])
    page.wait_for_function(SELECT_CELL_JS, arg=cell)
    page.keyboard.press("Enter")


def choose_region(page, region: str) -> None:
    """Pick a region in the sidebar, as a reader does: the box scrolled into view first (a
    list opened while its sidebar scrolls to it closes at once)."""
    box = page.locator("[data-testid=stSidebar]").get_by_role("combobox", name="Region")
    box.scroll_into_view_if_needed()
    box.click()
    page.get_by_role("option", name=region, exact=True).click()


def url_params(page) -> dict[str, str]:
    # page.url can lag behind history.replaceState; the location is current.
    return {k: v[0] for k, v in parse_qs(urlparse(page.evaluate("location.href")).query).items()}


def wait_for_param(page, key: str, value: str) -> None:
    page.wait_for_function(
        "([k, v]) => new URLSearchParams(location.search).get(k) === v", arg=[key, value]
    )


def download_stance_csv(page):
    button = page.get_by_role("button", name="Stance table (CSV)")
    with page.expect_download() as info:
        button.click()
    download = info.value
    data = Path(download.path()).read_bytes()
    return download.suggested_filename, data


def full_page_screenshot(page, name: str) -> Path:
    """Streamlit scrolls inside <main>, so Playwright's full_page sees one screen: grow the
    viewport to the content's height, shoot, and put it back."""
    viewport = page.viewport_size
    height = page.evaluate(
        "Math.max(...[...document.querySelectorAll('[data-testid=stMain], body')]"
        ".map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": viewport["width"], "height": min(int(height), 12_000)})
    wait_for_idle(page)
    # Two animation frames: the browser has laid out and painted the new size.
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    path = SHOTS / name
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(viewport)
    return path


def statements_of(iso3: str) -> list[str]:
    """Every quote and summary the shipped event holds for one actor."""
    frame = pd.read_csv(STATEMENTS, dtype=str, keep_default_na=False, encoding="utf-8")
    rows = frame[frame["actor_iso3"] == iso3]
    return [t for t in [*rows["quote"], *rows["summary"]] if t]


# ---- tests ------------------------------------------------------------------------------------
def test_map_draws_every_country(open_page):
    page = open_page()
    assert wait_for_shapes(page) >= 190
    # Shapes with a stance are coloured, the others grey: the map is not blank.
    wait_for_fill(page, "RUS", rgb(DEFAULT_SCALE.color("condemn")))
    assert page.evaluate(FILL_JS, "RUS") == rgb(DEFAULT_SCALE.color("condemn"))
    assert page.evaluate(FILL_JS, "ARG") == rgb(DEFAULT_SCALE.color("support"))
    assert page.evaluate(FILL_JS, "AUS") == GREY
    page.wait_for_selector(".rm-card")
    full_page_screenshot(page, "reactionmap-desktop-1300x900.png")


def test_hovering_russia_shows_its_statement(open_page):
    page = open_page()
    page.mouse.move(*point_in(page, "RUS"))
    label = page.locator(".hoverlayer .hovertext").first
    label.wait_for()
    lines = label.locator("tspan.line").all_text_contents() or [label.text_content()]
    text = " ".join(lines)
    assert "Russia" in text
    assert DEFAULT_SCALE.label("condemn") in text
    fragments = [squeeze(t)[:40] for t in statements_of("RUS")]
    assert any(f in squeeze(text) for f in fragments), f"no Russian statement in {text!r}"
    page.screenshot(path=str(SHOTS / "reactionmap-hover-russia.png"))


def test_an_actor_whose_sources_disagree_is_drawn_as_such_with_both_stances(open_page):
    """The United Kingdom: one source has it welcome the end of Maduro's rule (support),
    another has it ask to establish the facts (neutral). Neither is picked by file order:
    the map draws it in 'Sources disagree', the legend counts it, its hover gives both."""
    page = open_page()
    wait_for_fill(page, "GBR", rgb(DISAGREE_COLOR))
    legend = page.locator(".legend .legendtext").all_text_contents()
    assert any(t.startswith(DISAGREE_LABEL + " (") for t in legend), legend
    page.mouse.move(*point_in(page, "GBR"))
    label = page.locator(".hoverlayer .hovertext").first
    label.wait_for()
    text = squeeze(" ".join(label.locator("tspan.line").all_text_contents()))
    for words in ("United Kingdom", DISAGREE_LABEL, "welcomed the end of Maduro's rule"):
        assert squeeze(words) in text, (words, text)
    for key in ("support", "neutral"):  # each side: its stance, then its words
        assert squeeze(DEFAULT_SCALE.label(key) + ":") in text, (key, text)


def test_clicking_a_country_brings_its_cards_first(open_page):
    page = open_page()
    page.wait_for_selector(".rm-card")
    page.mouse.click(*point_in(page, "BRA"))
    wait_for_first_card(page, "BRA")
    wait_for_param(page, "country", "BRA")
    wait_for_idle(page)
    first = page.locator(".rm-cards .rm-card").first
    assert first.get_attribute("data-iso3") == "BRA"
    assert "rm-selected" in first.get_attribute("class").split()
    wait_for_param(page, "country", "BRA")
    # Only Brazil's cards are marked selected.
    marked = page.locator(".rm-card.rm-selected").evaluate_all("cs => cs.map(c => c.dataset.iso3)")
    assert set(marked) == {"BRA"}


def test_stance_csv_download(open_page):
    page = open_page()
    page.wait_for_function("() => new URLSearchParams(location.search).has('as_of')")
    name, data = download_stance_csv(page)
    text = data.decode("utf-8")  # strict: fails on anything but UTF-8
    rows = list(csv.DictReader(io.StringIO(text)))
    # A country's row is its government's; someone who speaks for no government (actor_type
    # other, e.g. a former president) is an actor of their own.
    stance = {r["actor_iso3"]: r["stance"] for r in rows if r["actor_type"] != "other"}
    assert stance["RUS"] == "condemn"
    assert stance["ARG"] == "support"
    assert stance["USA"] == "party"
    # Where the sources disagree the row says so, with each side (never one by file order);
    # Colombia's government's rows only, not the support of its former presidents.
    sides = {
        r["actor_iso3"]: set(r["stances"].split("; ")) for r in rows if r["actor_type"] != "other"
    }
    assert (stance["GBR"], sides["GBR"]) == ("disagree", {"neutral", "support"})
    assert (stance["COL"], sides["COL"]) == ("disagree", {"condemn", "concern"})
    actors = {(r["actor_iso3"], r["actor_type"] == "other" and r["actor"]) for r in rows}
    assert len(actors) == len(rows), "one row per actor"
    # The words survive the round trip byte for byte (the event has … and accented names).
    assert any(ord(c) > 127 for c in text)
    by_actor = {r["actor_iso3"]: r["latest_text"] for r in rows}
    for iso3 in ("RUS", "BRA", "GBR"):
        assert by_actor[iso3] in statements_of(iso3)
    as_of = url_params(page)["as_of"]
    assert EVENT in name and as_of in name and name.endswith(".csv"), name


def test_url_restores_the_view(open_page):
    page = open_page(
        f"?event={EVENT}&stance=condemn&region=Americas&country=BRA", wait_for_map=False
    )
    # The first run on a cold server takes seconds: the map may be drawn before the sidebar's
    # pills are (it was read too early once, and failed). Wait for each state asserted.
    condemned = DEFAULT_SCALE.label("condemn")
    page.wait_for_function(f"({PRESSED_JS})('{condemned}')?.length > 0")
    wait_for_idle(page)
    shaped = country_table().query("region == 'Americas' and has_shape")
    # Only the Americas are drawn (and Brazil's outline, one path more).
    page.wait_for_function(f"({SHAPE_COUNT_JS})() === {len(shaped) + 1}")
    sidebar = page.locator("[data-testid=stSidebar]")
    assert page.evaluate(PRESSED_JS, condemned) == [condemned]
    from playwright.sync_api import expect

    expect(sidebar.get_by_role("combobox", name="Region")).to_have_value("Americas")

    americas = set(country_table().query("region == 'Americas'")["iso3"])
    wait_for_first_card(page, "BRA")
    cards = page.locator(".rm-cards .rm-card")
    codes = cards.evaluate_all("cs => cs.map(c => c.dataset.iso3)")
    badges = cards.locator(".rm-badge").all_text_contents()  # folded ones too
    assert codes[0] == "BRA"
    assert {"BRA", "MEX"} <= set(codes) <= americas, codes
    assert set(badges) == {DEFAULT_SCALE.label("condemn")}, badges
    # Argentina supported: in view, but hidden by the filter, not drawn as support.
    wait_for_fill(page, "BRA", rgb(DEFAULT_SCALE.color("condemn")))
    assert page.evaluate(FILL_JS, "ARG") != rgb(DEFAULT_SCALE.color("support"))

    _, data = download_stance_csv(page)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert rows and {r["stance"] for r in rows} == {"condemn"}
    assert {r["actor_iso3"] for r in rows} <= americas
    params = url_params(page)
    assert (params["stance"], params["region"], params["country"]) == ("condemn", "Americas", "BRA")


def test_stance_filter_applies_to_organization_cards(open_page):
    page = open_page(f"?event={EVENT}&stance=condemn")
    wait_for_idle(page)
    badges = wait_for_badges(page, {DEFAULT_SCALE.label("condemn")})  # folded cards too
    assert set(badges) == {DEFAULT_SCALE.label("condemn")}, badges


UPLOAD_CSV = (
    "actor,stance,quote\n"
    "France,condemn,Non.\n"
    "Korea,concern,Calm down.\n"
    'Argentina,support,"Sí, señor."\n'
)


def go_to(page, title: str) -> None:
    """Another page of the app, through the sidebar's navigation."""
    page.locator("[data-testid=stSidebarNav]").get_by_role("link", name=title).click()


def test_upload_fix_a_row_and_the_map_follows(open_page):
    page = open_page()
    go_to(page, "Your own table")
    page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(
        files=[{"name": "mine.csv", "mimeType": "text/csv", "buffer": UPLOAD_CSV.encode()}]
    )
    # The problems table names the row (file line 3: the header is line 1) and the candidates.
    page.wait_for_function(
        f"() => ({GRIDS_JS})().some(g => g && !g.editable && g.head.includes('problem')"
        " && g.rows.some(r => r.value === 'Korea'))"
    )
    grids = [g for g in page.evaluate(GRIDS_JS) if g]
    problems = next(g for g in grids if "problem" in g["head"] and not g["editable"])
    (korea,) = [r for r in problems["rows"] if r["value"] == "Korea"]
    assert korea["row"] == "3" and korea["column"] == "actor"
    assert "KOR" in korea["problem"] and "PRK" in korea["problem"]
    assert len(problems["rows"]) == 1
    # The good rows are mapped already; Korea is not.
    wait_for_shapes(page)
    page.wait_for_function(f"({FILL_JS})('FRA') === '{rgb(DEFAULT_SCALE.color('condemn'))}'")
    assert page.evaluate(FILL_JS, "KOR") == GREY

    # Fix the cell in the data editor: open it, type, Enter.
    open_cell(page, "actor", "actor", "Korea")
    cell = page.locator("textarea.gdg-input")
    cell.wait_for()
    assert cell.input_value() == "Korea", "another cell was opened"
    cell.fill("South Korea")
    cell.press("Enter")

    page.wait_for_function(f"({FILL_JS})('KOR') !== '{GREY}'")
    assert page.evaluate(FILL_JS, "KOR") == rgb(DEFAULT_SCALE.color("concern"))
    # The problem is gone, and the stance table now holds South Korea.
    page.wait_for_function(
        f"() => !({GRIDS_JS})().some(g => g && g.head.includes('problem'))"
        f" && ({GRIDS_JS})().some(g => g && g.rows.some(r => r.Actor === 'South Korea'))"
    )
    full_page_screenshot(page, "reactionmap-upload-1300x900.png")

    # The event map and back: the table and the fix made in the editor are still there.
    go_to(page, "Event map")
    wait_for_fill(page, "RUS", rgb(DEFAULT_SCALE.color("condemn")))
    wait_for_fill(page, "KOR", GREY)
    assert url_params(page)["event"] == EVENT
    go_to(page, "Your own table")
    wait_for_fill(page, "KOR", rgb(DEFAULT_SCALE.color("concern")))
    wait_for_fill(page, "FRA", rgb(DEFAULT_SCALE.color("condemn")))
    assert urlparse(page.evaluate("location.href")).path == "/upload"


def test_upload_the_map_comes_before_the_table_to_fix(open_page):
    """A French UN-style table: the map (its tally above it) sits right under the column and
    value choices, above the problems and the editable table."""
    from tests.test_app_upload import FRENCH_UN, table_text

    text = table_text("Pays,Vote", FRENCH_UN) + "Inde,Peut-être\n"
    page = open_page("?event=upload", wait_for_map=False)
    page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(
        files=[{"name": "vote.csv", "mimeType": "text/csv", "buffer": text.encode()}]
    )
    wait_for_shapes(page)
    # The reader's table is the data editor headed by their columns (the value -> stance
    # table above the map is editable too).
    table_js = """() => [...document.querySelectorAll('[data-testid=stDataFrame]')].find(f =>
        [...f.querySelectorAll('table[role=grid] th')].some(th => th.textContent.trim() === 'Pays'))"""
    page.wait_for_function(f"() => !!({table_js})()")
    wait_for_idle(page)
    top_js = f"""() => {{ const main = document.querySelector('[data-testid=stMain]');
        const top = e => e.getBoundingClientRect().top + main.scrollTop;
        return {{map: top(({MAP_JS})().closest('[data-testid=stPlotlyChart]')),
                 table: top(({table_js})())}}; }}"""
    tops = page.evaluate(top_js)
    assert tops["map"] < tops["table"], tops
    full_page_screenshot(page, "reactionmap-upload-order-1300x900.png")


def test_phone_width(open_page):
    page = open_page(viewport=PHONE, **PHONE_CONTEXT)
    assert wait_for_shapes(page) >= 190
    page.wait_for_selector(".rm-card")
    widths = page.evaluate(
        """() => { const m = document.querySelector('[data-testid=stMain]');
        return {doc: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
                body: [document.body.scrollWidth, document.body.clientWidth],
                main: [m.scrollWidth, m.clientWidth],
                map: document.querySelector('[data-testid=stPlotlyChart]')
                    .getBoundingClientRect().right}; }"""
    )
    for part in ("doc", "body", "main"):
        scroll, client = widths[part]
        assert scroll <= client, f"{part} scrolls sideways: {widths}"
    assert widths["map"] <= PHONE["width"], widths
    full_page_screenshot(page, "reactionmap-phone-390x844.png")


def test_no_request_leaves_the_machine(open_page, seen):
    """Load, hover, click, filter and download: every request stays on the loopback host."""
    page = open_page()
    page.mouse.move(*point_in(page, "RUS"))
    page.locator(".hoverlayer .hovertext").first.wait_for()
    page.mouse.click(*point_in(page, "BRA"))
    wait_for_param(page, "country", "BRA")
    download_stance_csv(page)
    choose_region(page, "Africa")
    wait_for_param(page, "region", "Africa")
    page.wait_for_function(f"({SHAPE_COUNT_JS})() < 100")  # only Africa is drawn now
    wait_for_shapes(page, at_least=40)

    assert any("/app/static/" in url for url in page.requests), "shapes not served by the app"
    outside = sorted({u for u in page.requests + seen["requests"] if not is_loopback(u)})
    assert not outside, f"requests to other hosts: {outside}"
    assert not seen["errors"], f"uncaught errors in the page: {seen['errors']}"


def test_every_filter_change_is_kept(open_page):
    """Region changed several times in a row: each choice sticks (none snaps back)."""
    page = open_page()
    shapes = country_table().query("has_shape")
    for region in ("Europe", "Africa", "Asia", "Americas"):
        choose_region(page, region)
        wait_for_param(page, "region", region)
        # The rerun this choice caused has drawn the region, and is over: a snap-back
        # would have rewritten the URL by then.
        expected = int((shapes["region"] == region).sum())
        page.wait_for_function(f"({SHAPE_COUNT_JS})() === {expected}")
        wait_for_idle(page)
        assert parse_qs(urlparse(page.evaluate("location.href")).query)["region"] == [region]


def test_copy_link_puts_this_view_on_the_clipboard(open_page, server):
    page = open_page(
        f"?event={EVENT}&region=Europe",
        wait_for_map=False,  # a region draws fewer than 190 shapes
        permissions=["clipboard-read", "clipboard-write"],
    )
    wait_for_shapes(page, at_least=40)
    wait_for_param(page, "region", "Europe")
    page.locator(".rm-copy").click()
    page.wait_for_function("document.querySelector('.rm-copy').textContent === 'Link copied'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.evaluate("location.href")
    assert parse_qs(urlparse(copied).query)["region"] == ["Europe"]


def test_outside_text_makes_no_link_or_icon(browser, tmp_path_factory):
    """Bare addresses and icon codes in an event's own text stay text once Streamlit has
    rendered its Markdown (title, summary, captions, pills)."""
    from tests.conftest import GOOD_ROWS, write_event

    evil = "Visit https://evil.example/x or www.evil.example :material/warning: :smile:"
    toml = (
        f'id = "evil"\ntitle = "{evil}"\ndate = "2026-03-01"\nsummary = "{evil}"\n'
        f'[[scale]]\nkey = "bad"\nlabel = "{evil}"\ncolor = "#D55E00"\n'
    )
    rows = [{**r, "stance": "bad"} for r in GOOD_ROWS]
    root = tmp_path_factory.mktemp("evil")
    write_event(root, "evil", rows, toml)
    with streamlit_app(env={"REACTIONMAP_DATA_DIR": str(root)}) as url:
        context = browser.new_context(viewport=DESKTOP)
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        page.goto(f"{url}/?event=evil")
        wait_for_idle(page)
        page.locator("[data-testid=stExpander] summary").first.click()  # "What happened"
        page.wait_for_function(
            "() => [...document.querySelectorAll('[data-testid=stMarkdownContainer]')]"
            ".filter(m => m.innerText.replace(/\\u2060/g, '').includes('www.evil.example'))"
            ".length >= 3"  # the title, the summary and the stance pill at least
        )
        links = page.evaluate(
            "() => [...document.querySelectorAll('a[href]')].map(a => a.href)"
            ".filter(h => new URL(h).hostname.includes('evil'))"
        )
        # Streamlit draws an icon code as <span role="img" aria-label="... icon">.
        icons = page.evaluate(
            "() => [...document.querySelectorAll('[data-testid=stMarkdownContainer] "
            "span[role=img]')].map(i => i.getAttribute('aria-label'))"
        )
        text = page.evaluate("() => document.body.innerText.replace(/\\u2060/g, '')")
        context.close()
    assert icons == []
    assert links == []
    assert "https://evil.example/x" in text and ":material/warning:" in text
    assert ":smile:" in text and "\N{SMILING FACE WITH OPEN MOUTH AND SMILING EYES}" not in text


def test_upload_a_words_vote_table_maps_every_member_with_no_click(open_page):
    """ "Member State,Vote" with the UN's spellings and words (votes made up): choosing the file
    is the only step; the page shows a tally, the map and the table, and no empty card."""
    from reactionmap.contract.scale import VOTE_SCALE
    from tests.test_app_upload import words_table

    text, expected = words_table()
    for viewport, options, shot in (
        (DESKTOP, {}, "reactionmap-vote-upload-1300x900.png"),
        (PHONE, PHONE_CONTEXT, "reactionmap-vote-upload-390x844.png"),
    ):
        page = open_page("?event=upload", viewport=viewport, wait_for_map=False, **options)
        page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(
            files=[{"name": "votes.csv", "mimeType": "text/csv", "buffer": text.encode()}]
        )
        wait_for_shapes(page)
        fills_js = f"""() => {{ const plot = ({MAP_JS})(); const out = {{}};
            for (const p of plot.querySelectorAll('path.choroplethlocation'))
                if (p.__data__ && p.parentNode.__data__[0].trace.name !== 'touch targets')
                    out[p.__data__.loc] = getComputedStyle(p).fill;
            return out; }}"""
        want = {code: rgb(VOTE_SCALE.color(key)) for code, key in expected.items()}
        page.wait_for_function(f"() => ({fills_js})()['FRA'] === '{want['FRA']}'")
        fills = page.evaluate(fills_js)
        drawn = {code: fills[code] for code in want if code in fills}
        assert len(drawn) >= 180
        assert drawn == {code: want[code] for code in drawn}
        assert page.locator(".rm-card").count() == 0  # no empty cards
        assert page.locator("[data-testid=stPlotlyChart]").count() == 2  # tally and map
        # text_content: a phone's sidebar is closed, its text hidden from inner_text
        assert "Date not given" in page.locator("[data-testid=stSidebar]").text_content()
        full_page_screenshot(page, shot)


def test_as_of_starts_on_the_last_statement_and_moving_it_recolours_the_map(
    browser, tmp_path_factory
):
    """France condemned on 1 March and turned neutral on 5 March; Germany spoke on 3 March
    (conftest's GOOD_ROWS). As of starts on 5 March, the last day a statement is known (not
    31 March, though Côte d'Ivoire's statement is dated only "2026-03"), with France neutral.
    Moved back a day at a time with the keyboard, France condemns again, then Germany falls
    silent: map, legend and URL follow."""
    from tests.conftest import GOOD_ROWS, write_event

    root = tmp_path_factory.mktemp("moves")
    write_event(root, "moves", GOOD_ROWS)
    condemn, neutral = (rgb(DEFAULT_SCALE.color(k)) for k in ("condemn", "neutral"))
    with streamlit_app(env={"REACTIONMAP_DATA_DIR": str(root)}) as url:
        context = browser.new_context(viewport=DESKTOP)
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        page.goto(f"{url}/?event=moves")
        wait_for_shapes(page)
        slider = page.get_by_role("slider", name="As of")
        assert slider.get_attribute("aria-valuetext") == "5 Mar 2026"
        wait_for_fill(page, "FRA", neutral)
        wait_for_fill(page, "DEU", rgb(DEFAULT_SCALE.color("concern")))
        slider.focus()
        for day, french, german in (
            ("4", condemn, rgb(DEFAULT_SCALE.color("concern"))),
            ("3", condemn, rgb(DEFAULT_SCALE.color("concern"))),
            ("2", condemn, GREY),
        ):
            slider.press("ArrowLeft")
            wait_for_param(page, "as_of", f"2026-03-0{day}")
            wait_for_fill(page, "FRA", french)
            wait_for_fill(page, "DEU", german)
            assert slider.get_attribute("aria-valuetext") == f"{day} Mar 2026"
        legend = page.locator(".legendtext").all_text_contents()
        assert "Condemned (1)" in legend and "Expressed concern / urged restraint (0)" in legend
        context.close()


# ---- keyboard, search, zoom, swipe -------------------------------------------------------------
SEARCH = "Find a country"
ON_SEARCH_JS = f"""() => {{ const e = document.activeElement;
    return !!e && e.tagName === 'INPUT' && e.getAttribute('aria-label') === {SEARCH!r}; }}"""
GEO_JS = f"""() => {{ const p = ({MAP_JS})(); if (!p || !p._fullLayout) return null;
    const g = p._fullLayout.geo;
    return {{scale: g.projection.scale, center: [g.center.lon, g.center.lat],
            rotation: g.projection.rotation.lon,
            outlined: p._fullData.filter(t => t.name === 'selected')
                .map(t => (t.locations || [])[0] || (t.customdata || [[]])[0][0])}}; }}"""
CARD_IN_VIEW_JS = """(code) => { const c = document.querySelector(`.rm-picked[data-iso3="${code}"]`);
    if (!c || !c.querySelector('.rm-card')) return false;
    const b = c.getBoundingClientRect(); return b.top >= 0 && b.top + 40 <= innerHeight; }"""


def test_the_search_is_a_few_tabs_away_and_zooms_outlines_and_shows_a_country(open_page):
    """From the top of the page, Tab reaches *Find a country* within a few steps; typing a
    name and Enter select the country (URL), zoom the map to it, outline it and bring its card
    into view, and the keyboard's focus stays in the search."""
    page = open_page()
    wait_for_idle(page)
    assert page.evaluate(GEO_JS)["scale"] == 1
    links = page.locator("[data-testid=stSidebarNav] a").count()
    assert links == 5  # events, event map, your own table, draft, compare
    tabs = 0
    while not page.evaluate(ON_SEARCH_JS):
        page.keyboard.press("Tab")
        tabs += 1
        # Past the app's page links, a few steps: the event, then the search.
        assert tabs <= links + 3, "the search is not within a few Tabs of the page's top"
    page.keyboard.type("Cuba")
    page.get_by_role("option", name=re.compile(r"^Cuba · ")).first.wait_for()
    page.keyboard.press("Enter")
    wait_for_param(page, "country", "CUB")
    page.wait_for_function(
        f"() => {{ const g = ({GEO_JS})(); return !!g && g.scale > 2 && g.outlined.includes('CUB'); }}"
    )
    page.wait_for_function(CARD_IN_VIEW_JS, arg="CUB")
    wait_for_idle(page)
    assert page.evaluate(ON_SEARCH_JS), "the keyboard's focus left the search"
    geo = page.evaluate(GEO_JS)
    assert abs(geo["center"][0] - -79.5) < 4 and abs(geo["center"][1] - 21.5) < 3, geo
    page.screenshot(path=str(SHOTS / "reactionmap-search-cuba-1300x900.png"))
    # The same search finds a country that said nothing, named as such. (Before the drag
    # below: a drag runs the script again, and a run redraws the search under the typing.)
    page.locator(".st-key-country_pick input").fill("Gambia")
    option = page.get_by_role("option", name=re.compile(r"^Gambia · ")).first
    assert "no statement recorded" in option.inner_text()
    page.keyboard.press("Enter")
    wait_for_param(page, "country", "GMB")
    page.wait_for_function(
        f"() => {{ const g = ({GEO_JS})(); return !!g && g.scale > 2 && g.outlined.includes('GMB'); }}"
    )
    wait_for_idle(page)
    geo = page.evaluate(GEO_JS)
    # Zoomed in, a mouse drags the map about (at the whole map, a drag does nothing).
    x, y = page.evaluate(
        f"() => {{ const b = ({MAP_JS})()._fullLayout.geo._subplot.bgRect.node()"
        ".getBoundingClientRect(); return [b.x + b.width * 0.8, b.y + b.height * 0.8]; }"
    )
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x - 120, y - 40, steps=8)
    page.mouse.up()
    page.wait_for_function(f"(lon) => ({GEO_JS})().center[0] > lon + 1", arg=geo["center"][0])
    # Cleared, the search shows the whole map again, nothing selected.
    page.locator(".st-key-country_pick").get_by_role("button", name="Clear value").click()
    page.wait_for_function("() => !new URLSearchParams(location.search).has('country')")
    page.wait_for_function(f"() => {{ const g = ({GEO_JS})(); return !!g && g.scale === 1; }}")


# A one-finger swipe, as Chromium's touch input takes it.
def swipe(page, x: float, y: float, dy: float) -> None:
    cdp = page.context.new_cdp_session(page)

    def at(v: float) -> list[dict]:
        return [{"x": x, "y": v, "radiusX": 5, "radiusY": 5, "force": 1, "id": 1}]

    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": at(y)})
    for i in range(1, 13):
        cdp.send(
            "Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": at(y + dy * i / 12)}
        )
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


SCROLLED_JS = """() => Math.max(scrollY, ...[...document.querySelectorAll(
    '[data-testid=stMain], [data-testid=stAppViewContainer]')].map(e => e.scrollTop))"""


def test_on_a_phone_a_swipe_scrolls_the_page_and_the_zoom_buttons_fit_a_finger(open_page):
    page = open_page(viewport=PHONE, **PHONE_CONTEXT)
    wait_for_idle(page)
    chart = page.locator("[data-testid=stPlotlyChart]").first
    chart.scroll_into_view_if_needed()
    # The mode bar: zoom in, zoom out, reset, each a finger's size; no pan (a finger scrolls).
    buttons = page.locator(".st-key-map .modebar-btn")
    labels = buttons.evaluate_all("bs => bs.map(b => b.getAttribute('data-title'))")
    assert {"Zoom in", "Zoom out", "Reset"} <= set(labels) and "Pan" not in labels
    for box in buttons.evaluate_all("bs => bs.map(b => b.getBoundingClientRect().toJSON())"):
        assert box["width"] >= 44 and box["height"] >= 44, box
    before, geo = page.evaluate(SCROLLED_JS), page.evaluate(GEO_JS)
    box = page.evaluate(
        f"() => {{ const b = ({MAP_JS})()._fullLayout.geo._subplot.bgRect.node()"
        ".getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2]; }"
    )
    swipe(page, box[0], box[1], -250)
    page.wait_for_function(f"() => ({SCROLLED_JS})() > {before} + 150")
    assert page.evaluate(GEO_JS) == geo  # the map did not move under the finger
    # Zoom on purpose: the button.
    chart.scroll_into_view_if_needed()
    page.locator('.st-key-map .modebar-btn[data-title="Zoom in"]').tap()
    page.wait_for_function(f"() => ({GEO_JS})().scale === 2")
    full_page_screenshot(page, "reactionmap-phone-zoomed-390x844.png")
