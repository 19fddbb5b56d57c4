"""The published page in a real browser, opened from disk with every non-file request refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from serving import WAIT_MS
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
    page.locator("#rm-map").click(position={"x": 5, "y": 5})  # nothing there
    page.mouse.click(*point_in(page, "BRA"))
    page.locator("#rm-picked .rm-card").wait_for()
    # The words that would have been links are plain text: a click does nothing.
    page.get_by_text("click me").first.click()
    page.get_by_text("Evil").first.click()
    assert page.evaluate("window.__pwned") is None
    # plotly packed and then unpacked by the loader, topojson, the loader, two data blocks
    assert page.locator("script").count() == 6
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
    snippet = page.locator("[data-testid=stCode]").last
    snippet.wait_for()
    assert snippet.text_content().startswith('<iframe src="venezuela-2026-01/index.html"')
    context.close()
    # The page from the ZIP shows the same view: the Americas, only condemnations coloured.
    published = open_file(tmp_path / "venezuela-2026-01" / "index.html", at_least=20)
    americas = set(country_table().query("region == 'Americas' and has_shape")["iso3"])
    assert published.evaluate(SHAPE_COUNT_JS) == len(americas)
    assert published.evaluate(FILL_JS, "BRA") == rgb(DEFAULT_SCALE.color("condemn"))
    assert published.evaluate(FILL_JS, "ARG") == "rgb(255, 255, 255)"  # filtered out: blank
