"""`make bench`: measure reactionmap (app.py) beside a straightforward baseline (bench/baseline_app.py).

Prints one table (figure | reactionmap | baseline | ratio | budget | pass?) with the machine's date,
cores, memory and versions, and writes bench/results/latest.json (plus pyinstrument profiles).
The budgets are in bench/budgets.py; each group of figures is measured by a bench/group_*.py.

    .venv/bin/python bench/run.py                 # everything, about 10 minutes
    .venv/bin/python bench/run.py --quick         # fewer repetitions
    .venv/bin/python bench/run.py --only redraw,script
    .venv/bin/python bench/run.py --only network        # new visitors, direct and through make serve
    .venv/bin/python bench/run.py --only clicks     # a click's cost on a real server

How each figure is measured: bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import (  # noqa: E402
    group_browser,
    group_clicks,
    group_load,
    group_network,
    group_scale,
    group_script,
    published,
)
from bench.common import LOADS, RESULTS, Results, fmt, log, scrub  # noqa: E402
from bench.pages import DRAWN_JS  # noqa: E402

# figure name -> group that measures it
FIGURES = {
    "interaction": "browser",
    "geometry": "browser",
    "first_map": "browser",
    "redraw": "browser",
    "clicks": "clicks",
    "script": "script",
    "memory": "load",
    "concurrency": "load",
    "scale": "scale",
    "network": "network",
}


def build_rows(res: Results, data: dict) -> None:
    """The table's rows, group by group, in the order of FIGURES."""
    for group in (
        group_browser,
        group_clicks,
        group_script,
        group_load,
        group_scale,
        group_network,
    ):
        group.rows(res, data)


def print_table(res: Results, header: dict, wanted: set[str]) -> str:
    lines = [
        f"reactionmap bench · {header['date']} · {header['cores']} cores · {header['memory_gb']:.1f} GB"
        f" · {header['mode']}",
        "load average (1 min) at start {:.1f}, at end {:.1f} on {} cores: other work on this "
        "machine slows every timing".format(
            header["loadavg_start"][0], header["loadavg_end"][0], header["cores"]
        ),
        "versions: " + ", ".join(f"{k} {v}" for k, v in header["versions"].items()),
        "",
    ]
    table = [("figure", "reactionmap", "baseline", "ratio", "budget", "pass?")]
    for row in res.rows:
        if row.figure not in wanted:
            continue
        ratio = "—"
        if row.app is not None and row.base:
            ratio = f"{row.app / row.base:.2f}x"
        elif row.app == 0 and row.base:
            ratio = "0x"
        passed = row.passed()
        table.append(
            (
                row.label,
                row.app_text or fmt(row.app, row.unit),
                row.base_text or fmt(row.base, row.unit),
                ratio,
                row.budget_text,
                "—" if passed is None else ("yes" if passed else "NO"),
            )
        )
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
    for i, r in enumerate(table):
        lines.append(" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
        if i == 0:
            lines.append("-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def versions(browser_version: str | None) -> dict:
    from importlib.metadata import version

    out = {"python": platform.python_version()}
    for name in ("streamlit", "plotly", "pandas", "geopandas", "playwright"):
        try:
            out[name] = version(name)
        except Exception:  # noqa: BLE001
            out[name] = "?"
    if browser_version:
        out["chromium"] = browser_version
    return out


def memory_gb() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 2**20
    return 0.0


# ---- main ---------------------------------------------------------------------------------------
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (3, not 5)")
    parser.add_argument("--only", default="", help=f"comma-separated figures: {', '.join(FIGURES)}")
    parser.add_argument("--no-baseline", action="store_true", help="measure app.py only")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--app", help=argparse.SUPPRESS)
    parser.add_argument("--warm", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--region", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--profile", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--warm-profile-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker == "apptest":
        group_script.worker_apptest(args)
        return 0
    if args.worker == "memory":
        group_load.worker_memory(args)
        return 0

    wanted = {w.strip() for w in args.only.split(",") if w.strip()} or set(FIGURES)
    unknown = wanted - set(FIGURES)
    if unknown:
        parser.error(f"unknown figure(s) {sorted(unknown)}; choose from {', '.join(FIGURES)}")
    groups = {FIGURES[w] for w in wanted}
    reps = 3 if args.quick else 5
    apps = ["app"] if args.no_baseline else ["app", "baseline"]
    started = time.monotonic()
    load_start = os.getloadavg()
    data: dict = {"app": {}, "baseline": {}}
    browser_version = None

    if groups & {"browser", "load", "clicks", "network"}:
        from playwright.sync_api import sync_playwright

        from tests.serving import launch_chromium

        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            browser_version = browser.version
            for which in apps:
                if "browser" in groups:
                    log(f"browser figures: {which}")
                    data[which]["browser"] = group_browser.browser_group(
                        which, browser, reps, wanted
                    )
                if "load" in groups:
                    log(f"memory and concurrency (20 pages): {which}")
                    data[which]["load"] = group_load.load_group(which, browser)
                    if which == "app":
                        data[which]["load"]["rss_steps_mb"] = group_load.memory_breakdown()
            if "network" in groups:
                log("network: new visitors on emulated networks, direct and through make serve")
                data["network"] = group_network.network_group(browser, reps)
            if "clicks" in groups:  # the app only: the targets are absolute
                log("clicks: pill and region changes on a real server, then 50 and 200 sessions")
                data["app"]["clicks"] = group_clicks.clicks_group(browser, reps)
            if "first_map" in wanted:  # beside the dashboard's first map, same browser
                log("published page (reactionmap publish), opened from disk")
                data["published"] = published.measure(browser, reps, DRAWN_JS)
            browser.close()
    if "script" in groups:
        for which in apps:
            log(f"script runs (AppTest, fresh processes): {which}")
            data[which]["script"] = group_script.script_group(which, reps)
    if "scale" in groups:
        log("scale: generated event of 100,000 statements")
        data["scale"] = group_scale.scale_group(reps, apps)

    res = Results()
    build_rows(res, data)
    header = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "memory_gb": memory_gb(),
        "versions": versions(browser_version),
        "mode": ("quick" if args.quick else "full") + f" ({reps} repetitions)",
        "elapsed_s": round(time.monotonic() - started, 1),
        "loadavg_start": load_start,
        "loadavg_end": os.getloadavg(),
        "loadavg_by_step": LOADS,
    }
    text = print_table(res, header, wanted)
    print(text)
    print(f"\n(took {header['elapsed_s']:.0f} s; details in bench/results/latest.json)")

    RESULTS.mkdir(exist_ok=True)
    profiles = {}
    for which in apps:
        script = data[which].get("script", {})
        names = ("cold", "warm", "region-change")
        for i, prof in enumerate(script.pop("profiles", []) if script else []):
            profiles[f"{which}-script-{names[min(i, 2)]}"] = prof
    for which in apps:
        scale = data.get("scale", {}).get(which, {})
        for i, prof in enumerate(scale.pop("profiles", []) if scale else []):
            profiles[f"{which}-scale-{('warm', 'region-change')[min(i, 1)]}"] = prof
    for name, prof in profiles.items():
        (RESULTS / f"profile-{name}.txt").write_text(prof, encoding="utf-8")
    payload = {
        "header": header,
        "table": text,
        "rows": [asdict(r) | {"passed": r.passed()} for r in res.rows if r.figure in wanted],
        "details": data,
    }
    (RESULTS / "latest.json").write_text(
        scrub(json.dumps(payload, indent=1, default=str)), encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
