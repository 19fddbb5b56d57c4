"""Bench group "browser": bytes per filter change, geometry bytes, first map drawn, redraw time."""

from __future__ import annotations

import time

from bench import published
from bench.budgets import budget_row
from bench.common import Results, fmt, median, served
from bench.pages import (
    ERROR_JS,
    WATCH_JS,
    CpuProfile,
    Frames,
    Http,
    geojson_bytes_in,
    load_timeline,
    new_page,
    wait_drawn,
)


def sidebar(page):
    return page.locator('[data-testid="stSidebar"]')


def pill_names(page) -> list[str]:
    return sidebar(page).locator('[data-testid="stButtonGroup"] button').all_inner_texts()


def pill(page, name: str):
    return sidebar(page).get_by_role("button", name=name, exact=True)


def region_box(page):
    return (
        sidebar(page)
        .locator('[data-testid="stSelectbox"]')
        .filter(has=page.get_by_text("Region", exact=True))
    )


def region_options(page) -> list[str]:
    region_box(page).click()
    options = page.get_by_role("option")
    options.first.wait_for(timeout=10_000)
    names = [n.strip() for n in options.all_inner_texts()]
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    return names


def choose_region(page, region: str, arm: bool = True) -> None:
    region_box(page).click()
    option = page.get_by_role("option", name=region, exact=True)
    option.wait_for(timeout=10_000)
    if arm:
        page.evaluate("() => window.__rm.arm()")
    option.click()


def interact(page, frames: Frames, http: Http, action) -> dict:
    """Run one filter change; return its redraw time (ms), bytes received and where they went."""
    page.evaluate(WATCH_JS)
    page.evaluate("() => window.__rm.arm()")
    ws_mark = page.evaluate("() => window.__wsLog.length")
    mark, start = frames.mark(), time.monotonic()
    action()
    frames.wait_finished(page, mark)
    page.wait_for_timeout(300)
    record = page.evaluate(
        "(m) => ({t0: window.__rm.t0, log: window.__rm.log.map(e => e[0]), ws: window.__wsLog.slice(m)})",
        ws_mark,
    )
    page.evaluate("() => { window.__rm.armed = false; }")
    items = frames.since(mark)
    ws_bytes = sum(size for _, size, _, _ in items)
    http_bytes = http.total(start)
    t0, changes = record["t0"], record["log"]
    redraw = changes[-1] - t0 if t0 is not None and len(changes) > 1 else None
    marks = {}
    if t0 is not None and [n for _, n in record["ws"]] == [s for _, s, _, _ in items]:
        for (t, _), (_, _, kind, _) in zip(record["ws"], items, strict=True):
            key = {
                "delta.new_element.plotly_chart": "map_message_ms",
                "script_finished": "script_finished_ms",
            }.get(kind)
            if key and key not in marks:
                marks[key] = t - t0
        if record["ws"]:
            marks["first_message_ms"] = record["ws"][0][0] - t0
    return {
        "redraw_ms": redraw,
        "path_changes": len(changes) - 1,
        "marks": marks,
        "ws_bytes": ws_bytes,
        "http_bytes": http_bytes,
        "bytes": ws_bytes + http_bytes,
        "http": http.listing(start),
        "frames": len(items),
        "ref_hash_frames": sum(1 for _, _, kind, _ in items if kind == "ref_hash"),
        "breakdown": Frames.breakdown(items),
        "largest_frames": sorted(((size, kind) for _, size, kind, _ in items), reverse=True)[:6],
    }


def browser_group(which: str, browser, reps: int, want: set[str]) -> dict:
    out: dict = {}
    with served(which) as url:
        # warm the server: the first script run fills the caches
        context, page, errors = new_page(browser)
        page.goto(url)
        wait_drawn(page)
        context.close()

        if "geometry" in want:
            context, page, errors = new_page(browser)
            frames, http = Frames(page), Http(context, page)
            loads = []
            for visit in (1, 2):
                start, mark = time.monotonic(), frames.mark()
                if visit == 1:
                    page.goto(url)
                else:  # a second page load, same browser profile (same HTTP cache)
                    page.goto("about:blank")
                    page.goto(url)
                wait_drawn(page)
                page.wait_for_timeout(1500)
                shapes = http.matching(r"/boundaries/countries\.geojson", start)
                media = http.matching(r"/media/.*\.geojson", start)
                topo = http.matching(r"/topojson/", start)
                inline = sum(geojson_bytes_in(m) for _, _, _, m in frames.since(mark))
                headers = http.headers.get(shapes[0][5], {}) if shapes else {}
                loads.append(
                    {
                        "shape_file_bytes": sum(d[2] for d in shapes),
                        "shape_file_requests": [
                            {"bytes": d[2], "status": d[4], "from_cache": d[3]} for d in shapes
                        ],
                        "shape_file_headers": {
                            k: headers.get(k)
                            for k in ("cache-control", "etag", "last-modified", "content-encoding")
                        },
                        "inline_geojson_ws_bytes": inline,
                        "geojson_download_prefetch_bytes": sum(d[2] for d in media),
                        "topojson_bytes": sum(d[2] for d in topo),
                        "http_total_bytes": http.total(start),
                        "ws_total_bytes": sum(s for _, s, _, _ in frames.since(mark)),
                        "largest_http": sorted(
                            http.listing(start, 20_000), key=lambda r: -r["bytes"]
                        )[:12],
                    }
                )
            out["geometry"] = loads
            out["geometry_errors"] = errors
            context.close()

        if "first_map" in want:
            cold, warm, timelines = [], [], {}
            for i in range(reps):
                context, page, errors = new_page(browser)
                frames = Frames(page)
                page.goto(url, wait_until="commit")
                cold.append(wait_drawn(page))
                if i == 0:
                    page.wait_for_timeout(500)
                    timelines["new_profile"] = load_timeline(page, frames.items, cold[-1])
                page.wait_for_timeout(300)
                mark = frames.mark()
                page.goto(url, wait_until="commit")  # repeat visit: browser cache warm
                warm.append(wait_drawn(page))
                if i == 0:
                    page.wait_for_timeout(500)
                    timelines["repeat_visit"] = load_timeline(page, frames.since(mark), warm[-1])
                context.close()
            # one more load, not timed, with the renderer's CPU profile: where the time goes
            context, page, errors = new_page(browser)
            profiler = CpuProfile(context, page)
            page.goto(url, wait_until="commit")
            profiler.start()
            wait_drawn(page)
            out["first_map_cpu_profile"] = profiler.stop()
            context.close()
            out["first_map_cold_cache_s"] = cold
            out["first_map_warm_cache_s"] = warm
            out["first_map_timelines"] = timelines

        if want & {"interaction", "redraw"}:
            context, page, errors = new_page(browser)
            frames, http = Frames(page), Http(context, page)
            page.goto(url)
            wait_drawn(page)
            page.wait_for_timeout(1000)
            # Every measured change leads to a view this session has not seen yet (a view seen
            # before is answered from Streamlit's message cache, which would flatter the bytes).
            names = pill_names(page)
            pills = []
            for name in names:
                result = interact(page, frames, http, lambda n=name: pill(page, n).click())
                result["pill"] = name
                result["applied"] = pill(page, name).get_attribute("aria-pressed") == "false"
                pills.append(result)
            profiler = CpuProfile(context, page)
            for i, name in enumerate(reversed(names)):  # back to every stance shown, unmeasured
                if i == 0:  # ... but the first with the renderer's CPU profile
                    profiler.start()
                mark = frames.mark()
                pill(page, name).click()
                frames.wait_finished(page, mark)
                if i == 0:
                    out["interaction_cpu_profile"] = profiler.stop()
            regions = []
            for region in [r for r in region_options(page) if r != "World"][:reps]:
                result = interact(page, frames, http, lambda r=region: choose_region(page, r))
                result["region"] = region
                # the widget shows the region chosen (a change the app drops shows the old one)
                result["applied"] = region_box(page).locator("input").input_value() == region
                regions.append(result)
            out["pill"] = pills
            out["region"] = regions
            out["interaction_errors"] = errors + page.evaluate(ERROR_JS)
            context.close()
    return out


def geometry_kb(load: dict | None) -> float | None:
    """Shapes the browser receives on a page load: the shapes file, GeoJSON inline in the
    websocket messages, and GeoJSON downloads the page fetches ahead of a click."""
    if load is None:
        return None
    keys = ("shape_file_bytes", "inline_geojson_ws_bytes", "geojson_download_prefetch_bytes")
    return sum(load[k] for k in keys) / 1024


def _changes(group: dict | None, name: str) -> list[dict]:
    return [r for r in (group or {}).get(name, []) if r.get("applied", True)]


def _lost(group: dict | None, name: str) -> str:
    runs = (group or {}).get(name, [])
    n = sum(1 for r in runs if not r.get("applied", True))
    return f" ({n} of {len(runs)} changes lost)" if n else ""


def _note(value: float | None, unit: str, extra: str) -> str | None:
    return fmt(value, unit) + extra if extra else None


def rows(res: Results, data: dict) -> None:
    """The table's rows for interaction, geometry, first map (and the published page), redraw."""
    b_app = data.get("app", {}).get("browser")
    b_base = data.get("baseline", {}).get("browser")
    if b_app and "pill" in b_app:
        for name, label in (("pill", "stance pill"), ("region", "region")):
            a = median([r["bytes"] for r in _changes(b_app, name)])
            b = median([r["bytes"] for r in _changes(b_base, name)])
            a, b = (a / 1024 if a is not None else None), (b / 1024 if b is not None else None)
            res.add(
                budget_row(
                    "interaction",
                    "interaction",
                    f"bytes received per filter change ({label})",
                    a,
                    b,
                    app_text=_note(a, "KB", _lost(b_app, name)),
                    base_text=_note(b, "KB", _lost(b_base, name)),
                )
            )
    if b_app and "geometry" in b_app:
        for i, label in ((0, "first load"), (1, "second load")):
            a = geometry_kb(b_app["geometry"][i])
            b = geometry_kb(b_base["geometry"][i] if b_base else None)
            key = f"geometry_{label.replace(' ', '_')}"
            res.add(budget_row(key, "geometry", f"geometry bytes, {label}", a, b))
    if b_app and "first_map_cold_cache_s" in b_app:
        for key, label in (
            ("first_map_cold_cache_s", "first map drawn, warm server (new browser profile)"),
            ("first_map_warm_cache_s", "first map drawn, repeat visit (browser cache warm)"),
        ):
            a = median(b_app[key])
            b = median(b_base[key]) if b_base else None
            res.add(budget_row("first_map", "first_map", label, a, b))
    if data.get("published"):  # the published page, beside the dashboard's first map
        for row in published.rows(data["published"], median):
            res.add(row)
    if b_app and "pill" in b_app:
        for name, label in (("pill", "stance pill"), ("region", "region")):
            a = median([r["redraw_ms"] for r in _changes(b_app, name)])
            b = median([r["redraw_ms"] for r in _changes(b_base, name)])
            res.add(
                budget_row(
                    "redraw",
                    "redraw",
                    f"map redrawn after filter change ({label})",
                    a,
                    b,
                    app_text=_note(a, "ms", _lost(b_app, name)),
                    base_text=_note(b, "ms", _lost(b_base, name)),
                )
            )
