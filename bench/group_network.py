"""`--only network`: a new visitor's first map on emulated networks, direct and through `make serve`; published pages per second."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from bench.budgets import BUDGETS, budget_row, limit
from bench.common import Results, Row, log, median, served
from bench.pages import DRAWN_JS

EVENT = "venezuela-2026-01"
IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"
# name -> (download Mbit/s, round trip ms, upload Mbit/s), as CDP Network.emulateNetworkConditions
# takes them (bytes/s; latency is added to each response). None: the machine's loopback.
NETWORKS: dict[str, tuple[float, float, float] | None] = {
    "loopback": None,
    "fast 4G": (9.0, 170, 1.5),
    "slow": (1.6, 300, 0.75),
}
LOAD_SECONDS = 10  # published pages/s: how long the load runs
LOAD_CONNECTIONS = 50


def visit(browser, url: str, network: tuple[float, float, float] | None) -> dict:
    """One new visitor (new browser profile, empty cache): page clock at the first drawn map;
    HTTP bytes on the wire (CDP encodedDataLength) and requests until the first run is over."""
    # make serve is measured over HTTPS on a self-signed certificate: accepted here.
    context = browser.new_context(viewport={"width": 1300, "height": 900}, ignore_https_errors=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    if network:
        down, rtt, up = network
        cdp.send(
            "Network.emulateNetworkConditions",
            {"offline": False, "latency": rtt, "downloadThroughput": down * 1e6 / 8,
             "uploadThroughput": up * 1e6 / 8},
        )  # fmt: skip
    sizes: dict[str, int] = {}
    cdp.on(
        "Network.loadingFinished",
        lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]),
    )
    try:
        page.goto(url, wait_until="commit", timeout=180_000)
        drawn = page.wait_for_function(DRAWN_JS, polling="raf", timeout=180_000).json_value()
        page.wait_for_selector(IDLE, state="attached", timeout=180_000)
        page.wait_for_load_state("networkidle", timeout=180_000)
        return {"first_map_s": drawn / 1000, "bytes": sum(sizes.values()), "requests": len(sizes)}
    finally:
        context.close()


def published_per_second(url: str) -> dict:
    """Published pages a second from nginx, gzip asked: wrk when installed, else a Python client."""
    wrk = shutil.which("wrk")
    if wrk:
        out = subprocess.run(
            [wrk, "-t2", f"-c{LOAD_CONNECTIONS}", f"-d{LOAD_SECONDS}s",
             "-H", "Accept-Encoding: gzip", url],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        rate = float(re.search(r"Requests/sec:\s*([\d.]+)", out).group(1))
        return {"tool": f"wrk, {LOAD_CONNECTIONS} connections, 2 threads", "per_s": rate}
    done = [0]
    stop = time.monotonic() + LOAD_SECONDS

    def client():
        from tests.serving import unverified

        request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
        while time.monotonic() < stop:
            with urllib.request.urlopen(request, timeout=30, context=unverified()) as response:
                response.read()
            done[0] += 1

    threads = [threading.Thread(target=client) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"tool": "Python client, 8 threads (wrk is missing)", "per_s": done[0] / LOAD_SECONDS}


def measure(browser, url: str, reps: int, which: str) -> dict:
    """Every network, ``reps`` new visitors each, after one untimed visit that warms the server."""
    visit(browser, url, None)
    out: dict = {}
    for name, network in NETWORKS.items():
        log(f"network: {which}, {name}, {reps} new visitors")
        out[name] = [visit(browser, url, network) for _ in range(reps)]
    return out


def network_group(browser, reps: int) -> dict:
    """Direct Streamlit (as `make run` starts it), then `make serve` on the machine's cores."""
    from reactionmap.intake.events import load_event
    from reactionmap.publish.snapshot import snapshot
    from reactionmap.publish.webpage import write_page
    from tests.serving import nginx_available, served_stack

    data: dict = {}
    with served("app") as url:
        data["direct"] = measure(browser, url, reps, "direct")
    if not nginx_available():
        log("network: nginx is missing (make nginx): no make serve figures")
        return data
    with tempfile.TemporaryDirectory(prefix="rm-served-") as tmp:
        write_page(snapshot(load_event(EVENT)), Path(tmp) / EVENT)
        processes = os.cpu_count() or 1
        log(f"network: starting make serve ({processes} Streamlit processes, HTTPS and HTTP/2)")
        with served_stack(Path(tmp), processes=processes, tls=True) as stack:
            data["served"] = measure(browser, f"{stack.url}/?event={EVENT}", reps, "make serve")
            data["published"] = published_per_second(f"{stack.url}/published/{EVENT}/")
    return data


def _median(runs: list[dict] | None, key: str, scale: float = 1) -> float | None:
    value = median([r[key] for r in runs or []])
    return None if value is None else value * scale


def rows(res: Results, data: dict) -> None:
    """Rows: make serve in the reactionmap column, direct Streamlit in the baseline column."""
    net = data.get("network")
    if not net:
        return
    direct, served_ = net.get("direct", {}), net.get("served", {})
    for name, key in (("loopback", None), ("fast 4G", "network_fast4g"), ("slow", "network_slow")):
        a, b = _median(served_.get(name), "first_map_s"), _median(direct.get(name), "first_map_s")
        label = f"new visitor's first map, {name} (make serve | direct)"
        if key is None:
            res.add(Row("network", label, "s", a, b))
            continue
        ok = None
        if key == "network_fast4g" and a is not None and b:
            ok = a <= limit(key) and a / b <= limit("network_fast4g_ratio")
        budget = budget_row(key, "network", label, a, b, ok=ok)
        if key == "network_fast4g":
            budget.budget_text += f" and <= {BUDGETS['network_fast4g_ratio'][0]:g}x"
        res.add(budget)
    a = _median(served_.get("loopback"), "bytes", 1e-6)
    b = _median(direct.get("loopback"), "bytes", 1e-6)
    res.add(budget_row("network_new_visit", "network", "a new visit's bytes on the wire (make serve | direct)", a, b,
                       app_text=None if a is None else f"{a:.2f} MB", base_text=None if b is None else f"{b:.2f} MB"))  # fmt: skip
    a = _median(served_.get("loopback"), "requests")
    b = _median(direct.get("loopback"), "requests")
    res.add(Row("network", "a new visit's requests (make serve | direct)", "", a, b))
    if net.get("published"):
        pub = net["published"]
        label = f"published pages per second from make serve's nginx ({pub['tool']})"
        res.add(Row("network", label, "/s", pub["per_s"], app_text=f"{pub['per_s']:,.0f} /s"))
