"""The published page (`reactionmap publish`) in `make bench`: its size, and its first map from disk."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench import budgets

EVENT = "venezuela-2026-01"


def measure(browser, reps: int, drawn_js: str) -> dict:
    """Publish the event, then open index.html from disk ``reps`` times, each in a new browser
    profile with every non-file request refused; time navigation start to a drawn map."""
    from reactionmap.intake.events import load_event
    from reactionmap.publish.snapshot import snapshot
    from reactionmap.publish.webpage import write_page

    with tempfile.TemporaryDirectory(prefix="rm-published-") as tmp:
        path = write_page(snapshot(load_event(EVENT)), Path(tmp))
        times, refused = [], []
        for _ in range(reps):
            context = browser.new_context(viewport={"width": 1400, "height": 1000})

            def route(r):
                if r.request.url.startswith("file:"):
                    return r.continue_()
                refused.append(r.request.url)
                return r.abort()

            context.route("**/*", route)
            page = context.new_page()
            page.goto(path.as_uri(), wait_until="commit")
            drawn = page.wait_for_function(drawn_js, polling="raf", timeout=60_000)
            times.append(drawn.json_value() / 1000)
            context.close()
        return {
            "bytes": path.stat().st_size,
            "first_map_s": times,
            "refused": refused,
            **scale_page(Path(tmp)),
        }


def scale_page(tmp: Path) -> dict:
    """Publish bench's generated event of 100,000 statements (group_scale): the page's size,
    and the seconds `publish` takes from the loaded event to the written file."""
    import time

    from bench.group_scale import SCALE_EVENT, write_scale_event
    from reactionmap.intake.events import load_event
    from reactionmap.publish.snapshot import snapshot
    from reactionmap.publish.webpage import write_page

    root = write_scale_event(tmp / "scale")
    event = load_event(SCALE_EVENT, root / "events")
    start = time.perf_counter()
    path = write_page(snapshot(event), tmp / "scale-page")
    return {"scale_bytes": path.stat().st_size, "scale_publish_s": time.perf_counter() - start}


def rows(data: dict, median) -> list:
    """The table's rows: the file's size, and its first map drawn from disk (a refused request
    fails it)."""
    size_mb = data["bytes"] / 1e6
    drawn = median(data["first_map_s"])
    limit = budgets.limit("published_first_map")
    return [
        budgets.budget_row(
            "published_size", "first_map",
            f"published page ({EVENT}): size of index.html, all inlined", size_mb,
            app_text=f"{size_mb:.2f} MB",
        ),
        budgets.budget_row(
            "published_first_map", "first_map",
            "published page: first map drawn, from disk (file://, no network)", drawn,
            ok=drawn is not None and drawn <= limit and not data["refused"],
        ),
        budgets.budget_row(
            "published_scale_size", "first_map",
            "published page of a generated 100,000-statement event: size of index.html "
            f"(written in {data['scale_publish_s']:.1f} s)", data["scale_bytes"] / 1e6,
            app_text=f"{data['scale_bytes'] / 1e6:.2f} MB",
        ),
    ]  # fmt: skip
