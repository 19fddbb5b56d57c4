"""Bench group "load": server memory with one page and with 20, and 20 pages drawn at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from bench.budgets import budget_row
from bench.common import APP, REPO, RUN, Results, Row, rss_mb, served, streamlit_pid
from bench.pages import ERROR_JS, WS_LOG_JS, wait_drawn


def load_group(which: str, browser, pages: int = 20) -> dict:
    """Server RSS with one page open, then with ``pages`` open at once (one browser profile,
    ``pages`` tabs: each tab is its own Streamlit session; the frontend's JavaScript comes from
    the HTTP cache after the first tab, as for a reader with several tabs)."""
    with served(which) as url:
        pid = streamlit_pid(url)
        idle = rss_mb(pid)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.add_init_script(WS_LOG_JS)
        tabs: list[tuple[object, list[str]]] = []

        def open_tab(wait: str):
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
            page.on("console", lambda m: m.type == "error" and errors.append(f"console: {m.text}"))
            page.goto(url, wait_until=wait)
            tabs.append((page, errors))
            return page

        wait_drawn(open_tab("load"))
        time.sleep(2)
        one = rss_mb(pid)
        start = time.monotonic()
        for _ in range(pages - 1):
            open_tab("commit")
        drawn, problems = 0, []
        for page, _ in tabs:
            try:
                wait_drawn(page, timeout_ms=240_000)
                drawn += 1
            except Exception as err:  # noqa: BLE001 - a page that never draws is the finding
                problems.append(f"not drawn: {type(err).__name__}")
        all_drawn = time.monotonic() - start
        time.sleep(3)
        peak = rss_mb(pid)
        for page, errors in tabs:
            problems += errors + page.evaluate(ERROR_JS)
        context.close()
        return {
            "rss_idle_mb": idle,
            "rss_one_page_mb": one,
            "rss_pages_mb": peak,
            "pages": pages,
            "per_page_mb": (peak - one) / (pages - 1),
            "drawn": drawn,
            "all_drawn_s": all_drawn,
            "errors": problems[:20],
            "loadavg": os.getloadavg(),
        }


def worker_memory(args) -> None:
    """Subprocess mode: the RSS of a fresh process after each step of what app.py loads, and
    which heavy libraries are loaded by then."""
    steps: list[tuple[str, float]] = []
    heavy = ("pyarrow", "geopandas", "shapely", "pyproj", "pyogrio", "pandera", "plotly.express")

    def mark(name: str) -> None:
        loaded = [m for m in heavy if m in sys.modules]
        steps.append(
            (f"{name} [loaded: {', '.join(loaded) or '-'}]", round(rss_mb(os.getpid()), 1))
        )

    def step(name: str, action) -> None:
        try:
            action()
        except Exception as err:  # noqa: BLE001 - the breakdown is diagnostic only
            name += f" (failed: {type(err).__name__})"
        mark(name)

    def app_imports():
        # what app.py's pages import (the map page and its dashboard), without running them
        __import__("reactionmap.pages.event_map")

    def full_run():
        from streamlit.testing.v1 import AppTest

        AppTest.from_file(str(APP), default_timeout=300).run()

    mark("python")
    step("import streamlit", lambda: __import__("streamlit"))
    step("+ pandas", lambda: __import__("pandas"))
    step("+ plotly.graph_objects", lambda: __import__("plotly.graph_objects"))
    step("+ the map page's reactionmap imports", app_imports)
    step("+ geopandas (app.py's first run loads it)", lambda: __import__("geopandas"))
    step("+ one full script run (AppTest: every cache filled)", full_run)
    print("@@RESULT@@" + json.dumps(steps))


def memory_breakdown() -> list:
    done = subprocess.run(
        [sys.executable, str(RUN), "--worker", "memory"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=600,
    )
    marker = [line for line in done.stdout.splitlines() if line.startswith("@@RESULT@@")]
    return json.loads(marker[-1][len("@@RESULT@@") :]) if marker else [done.stderr[-1000:]]


def rows(res: Results, data: dict) -> None:
    l_app = data.get("app", {}).get("load")
    l_base = data.get("baseline", {}).get("load")
    if not l_app:
        return
    res.add(
        budget_row(
            "memory_one_page", "memory", "server RSS, 1 page open", l_app["rss_one_page_mb"],
            l_base["rss_one_page_mb"] if l_base else None,
        )
    )  # fmt: skip
    res.add(
        budget_row(
            "memory_per_page", "memory",
            f"server RSS per extra page ({l_app['pages']} open)", l_app["per_page_mb"],
            l_base["per_page_mb"] if l_base else None,
        )
    )  # fmt: skip

    def summary(run: dict) -> str:
        return (
            f"{run['drawn']}/{run['pages']}, {len(run['errors'])} err, {run['all_drawn_s']:.1f} s"
        )

    res.add(
        Row(
            "concurrency",
            f"{l_app['pages']} pages at once: time to all maps drawn",
            "s",
            l_app["all_drawn_s"],
            l_base["all_drawn_s"] if l_base else None,
            None,
            "all drawn, no error",
            ok=l_app["drawn"] == l_app["pages"] and not l_app["errors"],
            app_text=summary(l_app),
            base_text=summary(l_base) if l_base else None,
        )
    )
