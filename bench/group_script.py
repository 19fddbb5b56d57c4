"""Bench group "script": server script runs under AppTest, each set in a fresh process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.budgets import budget_row
from bench.common import APP, BASELINE, BENCH, RUN, Results, median, scrub

ENTRY = BENCH / "apptest_entry.py"  # the app under a timer (bench/scripttimer.py)


def worker_apptest(args) -> None:
    """Subprocess mode: run an app under AppTest; print JSON timings of full script runs."""
    import io

    from streamlit.testing.v1 import AppTest

    from bench import scripttimer

    scripttimer.app = str(Path(args.app).resolve())
    at = AppTest.from_file(str(ENTRY), default_timeout=600)
    out: dict = {"runs": []}

    def run(label: str, action=None, prof: bool = False):
        scripttimer.profile = prof
        start = time.perf_counter()
        (action or at.run)()
        wall = time.perf_counter() - start
        scripttimer.profile = False
        if at.exception:
            out.setdefault("exceptions", []).append(str(at.exception[0].value)[:500])
        out["runs"].append({"label": label, "wall_s": wall, "script_s": scripttimer.seconds[-1]})

    run("cold", prof=args.profile and not args.warm_profile_only)
    for _ in range(args.warm):
        run("warm")
    if args.profile and args.warm:
        run("warm-profiled", prof=True)
    if args.region:
        region = next((s for s in at.selectbox if s.label == "Region"), None)
        if region is not None:
            for i in range(args.region):
                target = "Europe" if i % 2 == 0 else "World"
                run(
                    f"region->{target}" + (" (profiled)" if args.profile and i == 0 else ""),
                    action=lambda t=target, r=region: r.set_value(t).run(),
                    prof=args.profile and i == 0,  # the first change misses the figure cache
                )
                region = next(s for s in at.selectbox if s.label == "Region")
    out["profiles"] = [scrub(t) for t in scripttimer.profiles]
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer)  # streamlit may have replaced it
    print("@@RESULT@@" + json.dumps(out))


def apptest(
    app: Path,
    warm: int = 0,
    region: int = 0,
    profile: bool = False,
    env=None,
    warm_profile_only: bool = False,
) -> dict:
    command = [
        sys.executable,
        str(RUN),
        "--worker",
        "apptest",
        "--app",
        str(app),
    ]
    command += ["--warm", str(warm), "--region", str(region)] + (["--profile"] if profile else [])
    command += ["--warm-profile-only"] if warm_profile_only else []
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=app.parent,
        timeout=900,
    )
    marker = [line for line in done.stdout.splitlines() if line.startswith("@@RESULT@@")]
    if not marker:
        raise RuntimeError(f"AppTest worker failed: {done.stderr[-3000:]}")
    return json.loads(marker[-1][len("@@RESULT@@") :])


def script_group(which: str, reps: int) -> dict:
    app = APP if which == "app" else BASELINE
    first = apptest(app, warm=reps, region=reps, profile=False)
    profiled = apptest(app, warm=1, region=1, profile=True)
    colds = [first["runs"][0]["script_s"]]
    for _ in range(reps - 1):
        colds.append(apptest(app)["runs"][0]["script_s"])
    return {
        "cold_s": colds,
        "warm_s": [r["script_s"] for r in first["runs"] if r["label"] == "warm"],
        "region_s": [
            r["script_s"]
            for r in first["runs"]
            if r["label"].startswith("region") and "profiled" not in r["label"]
        ],
        "warm_wall_s": [r["wall_s"] for r in first["runs"] if r["label"] == "warm"],
        "exceptions": first.get("exceptions", []),
        "profiles": profiled["profiles"],
    }


def rows(res: Results, data: dict) -> None:
    s_app = data.get("app", {}).get("script")
    s_base = data.get("baseline", {}).get("script")
    if not s_app:
        return

    def ms(run: dict | None, key: str) -> float | None:
        value = median(run[key]) if run and run[key] else None
        return value * 1000 if value is not None else None

    res.add(
        budget_row(
            "script_warm", "script", "server script run, warm", ms(s_app, "warm_s"),
            ms(s_base, "warm_s"),
        )
    )  # fmt: skip
    res.add(
        budget_row(
            "script_warm", "script", "server script run, warm, region changed",
            ms(s_app, "region_s"), ms(s_base, "region_s"),
        )
    )  # fmt: skip
    res.add(
        budget_row(
            "script_cold", "script", "server script run, cold (new process)",
            median(s_app["cold_s"]), median(s_base["cold_s"]) if s_base else None,
        )
    )  # fmt: skip
