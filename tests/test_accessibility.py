"""Every reader counts (issue 15): axe-core finds no serious or critical barrier, and headings in
order, on the app's three pages and the published page, at desktop and phone sizes; every control
a keyboard reaches shows where the focus is.

axe-core is vendored (tests/vendor/axe-core, `make vendor`) and injected into each page: nothing
is fetched while the tests run. Each check starts once the page has finished rendering: the map's
country paths drawn and Streamlit's script run over, never after a length of time.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from serving import DESKTOP, PHONE, PHONE_CONTEXT, SHOTS, WAIT_MS
from test_browser import GRIDS_JS, wait_for_idle, wait_for_shapes
from test_draft_browser import ARTICLE

REPO = Path(__file__).resolve().parents[1]
AXE_JS = REPO / "tests" / "vendor" / "axe-core" / "axe.min.js"
EVENT = "venezuela-2026-01"
SIZES = {"1300x900": (DESKTOP, {}), "390x844": (PHONE, PHONE_CONTEXT)}
PAGES = ("dashboard", "upload", "draft", "published")
# Rows the upload page cannot all take: Korea is ambiguous (the problems table), "Oui" is read
# by no scale (the table that matches values to stances).
UPLOAD_CSV = (
    "country,stance,quote\n"
    "France,condemn,Non.\n"
    "Korea,concern,Calm down.\n"
    "Brazil,support,Sim.\n"
    "Japan,Oui,Hai.\n"
)
# What the issue counts as a barrier: axe's serious and critical findings, and headings that
# skip a level (axe calls that "moderate").
BARRIER_IMPACTS = ("serious", "critical")
ALSO_CHECKED = ("heading-order",)
AXE_RUN_JS = """async ([impacts, rules]) => {
    const result = await axe.run(document, {resultTypes: ['violations']});
    return result.violations
        .filter(v => impacts.includes(v.impact) || rules.includes(v.id))
        .map(v => {
            // Nodes that fail for the same reason (the same colours, say) are counted once.
            const why = n => (n.any.concat(n.all, n.none).map(c => c.message).join('; ')
                || n.failureSummary || '').replace(/\\s+/g, ' ');
            const reasons = {};
            for (const n of v.nodes) {
                const r = reasons[why(n)] ||= {count: 0, target: n.target.join(' '),
                    html: n.html.replace(/\\s+/g, ' ').slice(0, 100)};
                r.count += 1;
            }
            return {rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
                reasons: Object.entries(reasons).map(([why, r]) => ({why, ...r}))};
        });
}"""


def describe(violations: list[dict]) -> str:
    """One line per violation (rule, impact, how many nodes, a sample target and why), so that a
    failure says what to fix."""
    lines = []
    for v in violations:
        lines.append(f"{v['rule']} ({v['impact']}): {v['nodes']} node(s) [{v['help']}]")
        lines += [
            f"    {r['count']} x {r['why']}\n        e.g. {r['target']}: {r['html']}"
            for r in v["reasons"]
        ]
    return "\n".join(lines)


def show_everything(page) -> None:
    """Streamlit scrolls inside <main>, and axe checks the colours only of what is on screen
    (41 of the dashboard's cards went unchecked at 900 px): grow the viewport to the content's
    height, keeping its width, and wait until the browser has laid out and painted it."""
    height = page.evaluate(
        "Math.max(...[...document.querySelectorAll('[data-testid=stMain], body')]"
        ".map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": page.viewport_size["width"], "height": min(height, 12_000)})
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def run_axe(page) -> list[dict]:
    """axe-core's barriers on the page as it is now (axe injected from the vendored copy)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    return page.evaluate(AXE_RUN_JS, [list(BARRIER_IMPACTS), list(ALSO_CHECKED)])


# ---- opening each page in its finished state ------------------------------------------------
def new_page(browser, size: str):
    viewport, options = SIZES[size]
    context = browser.new_context(viewport=viewport, **options)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    return context, page


def open_sidebar(page) -> None:
    """On a phone the sidebar starts closed: open it (its widgets hold the upload)."""
    page.locator("[data-testid=stExpandSidebarButton]").click()
    page.locator("[data-testid=stSidebarCollapseButton] button").wait_for()


def close_sidebar(page) -> None:
    page.locator("[data-testid=stSidebarCollapseButton] button").click()
    page.locator("[data-testid=stExpandSidebarButton]").wait_for()


def open_dashboard(page, server: str, phone: bool) -> None:
    page.goto(f"{server}/?event={EVENT}")
    wait_for_shapes(page)
    page.wait_for_selector(".rm-card")
    wait_for_idle(page)


def open_upload(page, server: str, phone: bool) -> None:
    page.goto(f"{server}/upload")
    page.get_by_text("Upload a file or paste a table").wait_for()
    if phone:
        open_sidebar(page)
    area = page.get_by_label("…or paste CSV or tab-separated rows")
    area.fill(UPLOAD_CSV)
    area.press("Control+Enter")
    # The problems table (Korea), the values table ("Oui"), the map with the good rows.
    page.wait_for_function(
        f"() => {{ const grids = ({GRIDS_JS})().filter(g => g);"
        " return grids.some(g => g.head.includes('problem'))"
        " && grids.some(g => g.head.includes('value') && g.rows.some(r => r.value === 'Oui')); }"
    )
    wait_for_shapes(page)
    if phone:
        close_sidebar(page)
    wait_for_idle(page)


def open_draft(page, server: str, phone: bool) -> None:
    page.goto(f"{server}/draft")
    area = page.get_by_label("…or paste the article's text")
    area.fill(ARTICLE)
    area.press("Control+Enter")
    page.wait_for_function(f"() => ({GRIDS_JS})().some(g => g && g.editable && g.rows.length >= 4)")
    page.locator("mark.rm-actor").first.wait_for()
    wait_for_idle(page)


def open_published(page, site: Path, phone: bool) -> None:
    page.goto(site.resolve().as_uri())
    wait_for_shapes(page)


@pytest.fixture(scope="module")
def site(venezuela, tmp_path_factory) -> Path:
    """The Venezuela event's published page, as `reactionmap publish` writes it."""
    from reactionmap.publish.webpage import write_page

    return write_page(venezuela, tmp_path_factory.mktemp("a11y-site"))


@pytest.fixture
def opened(browser, server, site):
    """opened(page_name, size) -> a page in its finished state."""
    contexts = []

    def _open(name: str, size: str):
        context, page = new_page(browser, size)
        contexts.append(context)
        phone = size != "1300x900"
        if name == "published":
            open_published(page, site, phone)
        else:
            {"dashboard": open_dashboard, "upload": open_upload, "draft": open_draft}[name](
                page, server, phone
            )
        return page

    yield _open
    for context in contexts:
        context.close()


# ---- axe ------------------------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_serious_barrier_and_headings_in_order(opened, name, size):
    page = opened(name, size)
    show_everything(page)
    violations = run_axe(page)
    summary = ", ".join(f"{v['rule']} ({v['impact']}): {v['nodes']}" for v in violations)
    print(f"\naxe {name} {size}: {summary or 'no violation'}")
    page.screenshot(path=str(SHOTS / f"reactionmap-a11y-{name}-{size}.png"), full_page=True)
    assert not violations, f"axe on {name} at {size}:\n{describe(violations)}"


# ---- colours (no browser) ---------------------------------------------------------------------
def test_contrast_ratio_is_wcags():
    from reactionmap.draw.cards import contrast_ratio

    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1)
    assert contrast_ratio("#D55E00", "#FFFFFF") == pytest.approx(3.86, abs=0.01)  # as axe says
    assert contrast_ratio("#fff", "#D55E00") == contrast_ratio("#D55E00", "#FFFFFF")


def test_every_stance_badge_reads_at_4_5_to_1():
    """The badge's text on every colour of both shipped scales and on the no-statement grey:
    black or white, whichever contrasts more, and at least 4.5:1 (WCAG AA, small text)."""
    from reactionmap.contract.scale import NO_STATEMENT_COLOR, SCALE_PRESETS
    from reactionmap.draw.cards import contrast_ratio, text_color

    colors = {c.color for scale in SCALE_PRESETS.values() for c in scale.with_none}
    assert NO_STATEMENT_COLOR in colors and len(colors) >= 8
    for color in sorted(colors):
        text = text_color(color)
        other = "#fff" if text == "#000" else "#000"
        ratio = contrast_ratio(color, text)
        assert ratio >= 4.5, f"{text} on {color}: {ratio:.2f}:1"
        assert ratio >= contrast_ratio(color, other)
    assert text_color("#D55E00") == "#000"  # white was 3.86:1; black is 5.44:1
    assert text_color("#0072B2") == "#fff"


def test_a_tallys_counts_read_at_4_5_to_1_on_their_bar():
    import pandas as pd

    from reactionmap.contract.scale import SCALE_PRESETS
    from reactionmap.draw.cards import contrast_ratio
    from reactionmap.draw.tally import tally_figure

    for scale in SCALE_PRESETS.values():
        fig = tally_figure(pd.Series(1, index=list(scale.keys)), scale)
        for bar in fig.data:
            ratio = contrast_ratio(bar.marker.color, bar.textfont.color)
            assert ratio >= 4.5, f"{bar.name}: {bar.textfont.color} on {bar.marker.color}"
