"""Bench group "clicks": what a pill or a region change costs on a real server, and reruns per second."""

from __future__ import annotations

import asyncio
import os
import tempfile
import threading
import time
from pathlib import Path

from bench.budgets import MINIMUMS, budget_row
from bench.common import Results, Row, log, median, rss_mb, served, streamlit_pid
from bench.pages import Frames, new_page, wait_drawn
from reactionmap.view.state import WORLD

IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"
# From the reader's pointerdown (t0): the first animation frame that shows another map than
# the one before (a new chart, or another frame, other fills or other shapes shown), the most country paths ever in the page at
# once, and the moments the script run starts and ends (the app's data-test-script-state).
CLICK_JS = """() => {
  if (window.__clk) return;
  const paths = () => document.querySelectorAll('path.choroplethlocation');
  const shown = () => [...document.querySelectorAll('.js-plotly-plot')].find(p =>
      !p.closest('[data-retained="true"]') && p.querySelector('path.choroplethlocation'));
  // what a map shows: its frame, and each shape's colour and whether it is shown
  const state = (plot) => { if (!plot) return ''; const geo = plot._fullLayout.geo;
    let s = JSON.stringify([geo.projection.rotation, geo.lonaxis.range, geo.lataxis.range]);
    for (const p of plot.querySelectorAll('path.choroplethlocation')) s += (p.style.fill
      || p.getAttribute('fill') || '') + (p.style.opacity || '') + (p.style.display || '') + ';';
    return s; };
  const app = document.querySelector('[data-testid=stApp]');
  const c = window.__clk = {armed: false, t0: null, seen: null, max: 0, runs: [],
    arm() { this.armed = true; this.t0 = null; this.seen = null; this.served = null; this.atSeen = 0; this.plot = shown();
      this.sig = state(this.plot); this.max = this.before = paths().length; this.runs = []; }};
  const start = () => { if (c.armed && c.t0 === null) c.t0 = performance.now(); };
  document.addEventListener('pointerdown', start, true);
  document.addEventListener('keydown', start, true);  // As of moved from the keyboard
  new MutationObserver(() => { if (c.armed) c.max = Math.max(c.max, paths().length); })
    .observe(document.body, {subtree: true, childList: true});
  new MutationObserver(() => { if (c.armed) c.runs.push([performance.now(), app.dataset.testScriptState]); })
    .observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
  const loop = () => {  // the first frame that shows another map: a new chart, or new colours
    if (c.armed && c.t0 !== null && (c.seen === null || c.served === null)) {
      const plot = shown();
      if (c.seen === null && plot && (plot !== c.plot || state(plot) !== c.sig)) {
        c.seen = performance.now();
        c.atSeen = paths().length;  // a region the page redraws shows the world's shapes it holds
      }
      // the server's map: a new chart (the page recolours the one drawn at once, for a pill)
      if (c.served === null && plot && plot !== c.plot) c.served = performance.now();
    }
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
}"""
# The animation frame after the page handled each message from the server (before the page
# loads): a run whose messages all reach a busy page at once is rendered in one go, and the app
# never shows its state as running (seen after a region the page redrew itself, the view cached).
MESSAGES_JS = """(() => { const Socket = window.WebSocket;
  window.WebSocket = function (...args) { const socket = new Socket(...args);
    socket.addEventListener('message', () => requestAnimationFrame(() => {
      window.__shown = performance.now(); }));
    return socket; };
  window.WebSocket.prototype = Socket.prototype;
  Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3}); })();"""
# Awaited once the run's last message came (Frames.wait_finished): the app shows no run.
ENDED_JS = """() => { const c = window.__clk; return c.t0 !== null
    && document.querySelector('[data-testid=stApp]').dataset.testScriptState === 'notRunning'
    && document.querySelectorAll('path.choroplethlocation').length >= 1; }"""
# The script's end: the app's state back to notRunning after the run; for a run the app never
# showed as running, the frame after its last message.
RESULT_JS = """() => { const c = window.__clk;
    const ran = c.runs.some(([t, s]) => s === 'running' && t >= c.t0);
    const end = ran ? c.runs.filter(([t, s]) => s === 'notRunning' && t >= c.t0).pop()[0]
                    : window.__shown;
    c.armed = false;
    return {visible_ms: c.seen === null ? null : c.seen - c.t0, script_ms: end - c.t0, unseen: !ran,
            served_ms: c.served === null ? null : c.served - c.t0,
            max_paths: c.max, before: c.before, at_seen: c.atSeen,
            paths: document.querySelectorAll('path.choroplethlocation').length}; }"""
TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")
CLICKERS = 16  # sessions clicking at once in the load test; the others stay open, idle


def cpu_ms(pid: int | list[int]) -> float:
    """The process's CPU time so far (user + system, every thread), in ms; several's, summed."""
    total = 0.0
    for one in [pid] if isinstance(pid, int) else pid:
        fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) * TICK_MS
    return total


def sidebar(page):
    return page.locator("[data-testid=stSidebar]")


def one_click(page, frames: Frames, pid: int, action) -> dict:
    """Run one change; its times in the page, and the server's CPU until its last message."""
    page.evaluate("() => window.__clk.arm()")
    mark, before = frames.mark(), cpu_ms(pid)
    action()
    frames.wait_finished(page, mark, timeout=120, quiet=0.4)
    page.wait_for_function(ENDED_JS, polling="raf", timeout=120_000)
    result = page.evaluate(RESULT_JS)
    result["cpu_ms"] = cpu_ms(pid) - before
    return result


def choose_region(page, region: str) -> None:
    box = sidebar(page).get_by_role("combobox", name="Region")
    box.scroll_into_view_if_needed()
    box.click()
    option = page.get_by_role("option", name=region, exact=True)
    option.wait_for(timeout=10_000)
    page.evaluate("() => window.__clk.arm()")  # again: opening the list was a pointerdown
    option.click()


def browser_clicks(browser, url: str, pid: int, reps: int) -> dict:
    """Pill and region changes in one page; each leads to a view the server has not seen."""
    context, page, errors = new_page(browser)
    page.set_viewport_size({"width": 1280, "height": 800})
    frames = Frames(page)
    sent: list[bytes] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda p: sent.append(p)))
    page.add_init_script(MESSAGES_JS)
    page.goto(url)
    wait_drawn(page)
    page.wait_for_selector(IDLE, state="attached")
    page.evaluate(CLICK_JS)
    names = sidebar(page).locator("[data-testid=stButtonGroup] button").all_inner_texts()
    first = len(sent)
    pills, regions = [], []
    for name in names[:reps]:
        button = sidebar(page).get_by_role("button", name=name, exact=True)
        pills.append(one_click(page, frames, pid, button.click) | {"pill": name})
    for name in reversed(names[:reps]):  # back to every stance (the load test's cycle)
        button = sidebar(page).get_by_role("button", name=name, exact=True)
        mark = frames.mark()  # views seen before: a run so short that the page may never
        button.click()  # show its script state as running, so only its messages are awaited
        frames.wait_finished(page, mark, quiet=0.4)
    cycle = [p for p in sent[first:] if isinstance(p, bytes) and _is_rerun(p)]
    for region in ("Europe", "Africa", "Asia", "Americas", "Oceania")[:reps]:
        result = one_click(page, frames, pid, lambda r=region: choose_region(page, r))
        regions.append(result | {"region": region})
    # As of a day earlier, from the keyboard (ArrowLeft on the slider), back from the last day:
    # each a view not seen before, on the world map (the region set back first).
    choose_region(page, WORLD)
    frames.wait_finished(page, frames.mark(), quiet=0.4)
    days = []
    slider = sidebar(page).locator('[class*="st-key-as_of-"] input[type=range]')
    for _ in range(min(reps, slider_days(slider))):
        slider.focus()
        days.append(one_click(page, frames, pid, lambda: page.keyboard.press("ArrowLeft")))
    load = [p for p in sent[:first] if isinstance(p, bytes) and _is_rerun(p)][:1]
    context.close()
    return {"pill": pills, "region": regions, "as of": days, "errors": errors, "load": load,
            "cycle": cycle}  # fmt: skip


def slider_days(slider) -> int:
    """How many days back the As of slider can go from its last day."""
    low, high = int(slider.get_attribute("min")), int(slider.get_attribute("max"))
    return round((high - low) / 86_400_000_000)  # its values are microseconds


def _is_rerun(payload: bytes) -> bool:
    from streamlit.proto.BackMsg_pb2 import BackMsg

    msg = BackMsg()
    try:
        msg.ParseFromString(payload)
    except Exception:  # noqa: BLE001 - not a BackMsg
        return False
    return msg.WhichOneof("type") == "rerun_script"


# ---- many sessions: a light websocket client speaking Streamlit's protocol ---------------------
async def _session(
    ws_url: str,
    load: bytes,
    cycle: list[bytes],
    offset: int,
    run: dict,
    clicks: bool,
    spread: bool = False,
) -> None:
    """One reader: opens the page (the browser's own first message); then, once every session
    is open, a clicking one sends the browser's recorded clicks in turn, each when the last run
    has ended, and the others stay open, idle, as readers reading. ``spread``: each session
    from an address of its own (127.0.N.1), as readers behind make serve's nginx, which keeps
    an address (its first three parts: ip_hash) on one process."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.asyncio.client import connect  # a dependency of Streamlit's

    local = {"local_addr": (f"127.0.{offset % 250 + 1}.1", 0)} if spread else {}
    ws = await connect(ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=120, **local)

    async def finished() -> bool:
        while True:
            payload = await ws.recv()
            if isinstance(payload, bytes) and len(payload) < 64:
                msg = ForwardMsg()
                msg.ParseFromString(payload)
                if msg.WhichOneof("type") == "script_finished":
                    return msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY

    await ws.send(load)
    await finished()
    run["open"] += 1
    await run["go"].wait()
    i = offset
    if not clicks:
        await asyncio.sleep(max(0.0, run["until"] - time.monotonic()))
    while time.monotonic() < run["until"]:
        started = time.monotonic()
        await ws.send(cycle[i % len(cycle)])
        if await finished() and time.monotonic() <= run["until"]:
            run["done"] += 1
            run["latency"].append(time.monotonic() - started)
        i += 1
    run["closing"].append(ws)


async def _many(
    ws_url, load, cycle, sessions: int, clickers: int, pid, secs: float, spread: bool = False
):
    run = {"open": 0, "done": 0, "latency": [], "go": asyncio.Event(), "until": 0.0, "closing": []}
    tasks: list[asyncio.Task] = []

    async def until(done, timeout: float = 600) -> None:
        deadline = time.monotonic() + timeout
        while not done():
            failed = [t for t in tasks if t.done() and t.exception()]
            if failed:
                raise failed[0].exception()
            if time.monotonic() > deadline:
                raise TimeoutError(f"{run['open']} of {sessions} sessions opened")
            await asyncio.sleep(0.05)

    for n in range(sessions):  # opened a few at a time, as readers arrive
        clicks = n < clickers
        session = _session(ws_url, load, cycle, n, run, clicks, spread)
        tasks.append(asyncio.create_task(session))
        await until(lambda n=n: run["open"] >= n + 1 - 8)
    await until(lambda: run["open"] >= sessions)
    before, start = cpu_ms(pid), time.monotonic()
    run["until"] = start + secs
    run["go"].set()
    await asyncio.gather(*tasks)
    spent = time.monotonic() - start
    cpu = cpu_ms(pid) - before
    for ws in run["closing"]:
        await ws.close()
    done = run["done"]
    return {
        "sessions": sessions,
        "clicking": clickers,
        "rss_mb": sum(rss_mb(p) for p in ([pid] if isinstance(pid, int) else pid)),
        "reruns": done,
        "seconds": round(spent, 2),
        "reruns_per_s": done / spent,
        "median_latency_ms": 1000 * median(run["latency"]) if done else None,
        "cpu_ms_per_rerun": cpu / done if done else None,
    }


def many_sessions(
    url, pid, load: bytes, cycle: list[bytes], sessions: int, secs=10.0, processes: int = 1
):
    """Reruns per second ``processes`` Streamlit processes (``pid``: theirs; more than one:
    make serve's, each session from an address of its own) complete with ``sessions`` open,
    CLICKERS per process clicking without a pause (enough to keep each busy: the rest wait
    their turn)."""
    ws_url = url.split("/?")[0].replace("http://", "ws://") + "/_stcore/stream"
    out: dict = {"sessions": sessions, "processes": processes}
    clickers, spread = CLICKERS * processes, processes > 1

    def main() -> None:
        try:
            ran = _many(ws_url, load, cycle, sessions, clickers, pid, secs, spread)
            out.update(asyncio.run(ran))
        except Exception as err:  # noqa: BLE001 - a failed run is the finding
            out["error"] = f"{type(err).__name__}: {err}"

    thread = threading.Thread(target=main)  # its own event loop, beside Playwright's
    thread.start()
    thread.join()
    return out


def clicks_group(browser, reps: int, sessions=(50, 200)) -> dict:
    with served("app") as url:
        pid = streamlit_pid(url)
        warm, page, _ = new_page(browser)  # the first run fills the event's caches
        page.goto(url)
        wait_drawn(page)
        warm.close()
        out = browser_clicks(browser, url, pid, reps)
        load, cycle = out.pop("load"), out.pop("cycle")
        out["load"] = []
        if load and cycle:
            for n in sessions:
                out["load"].append(many_sessions(url, pid, load[0], cycle, n))
    if load and cycle:
        out["load"].extend(served_sessions(browser, load[0], cycle, sessions[0]))
    out["machine_load"] = os.getloadavg()
    return out


def served_sessions(browser, load: bytes, cycle: list[bytes], sessions: int) -> list[dict]:
    """The same load test through `make serve` (nginx before a Streamlit process per core, plain
    HTTP), after one page has filled each process's caches; none without nginx."""
    from tests.serving import nginx_available, served_stack

    if not nginx_available():
        log("clicks: nginx is missing (make nginx): no make serve figure")
        return []
    processes = os.cpu_count() or 1
    with (
        tempfile.TemporaryDirectory(prefix="rm-served-") as tmp,
        served_stack(Path(tmp), processes=processes) as stack,
    ):
        pids = [p for p in stack.pids() if _port(p)]  # Streamlit's, not nginx's
        for pid in pids:  # each process's caches filled as the one process's were
            ws_url = f"ws://127.0.0.1:{_port(pid)}/_stcore/stream"
            thread = threading.Thread(target=lambda u=ws_url: asyncio.run(_warm(u, load, cycle)))
            thread.start()  # its own event loop, beside Playwright's
            thread.join()
        url = f"{stack.url}/?event=venezuela-2026-01"
        return [many_sessions(url, pids, load, cycle, sessions, processes=processes)]


def _port(pid: int) -> str:
    """The port a Streamlit process serves (its --server.port)."""
    args = Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")
    return args[args.index("--server.port") + 1] if "--server.port" in args else ""


async def _warm(ws_url: str, load: bytes, cycle: list[bytes]) -> None:
    """One session straight to a process: the page, then every recorded click once."""
    run = {"open": 0, "done": 0, "latency": [], "go": asyncio.Event(), "closing": []}
    run["until"] = time.monotonic() + 600
    task = asyncio.create_task(_session(ws_url, load, cycle, 0, run, clicks=True))
    while run["done"] < len(cycle) and not task.done():
        run["go"].set()
        await asyncio.sleep(0.05)
    run["until"] = 0.0
    await task
    for ws in run["closing"]:
        await ws.close()


def rows(res: Results, data: dict) -> None:
    clicks = data.get("app", {}).get("clicks")
    if not clicks:
        return
    changes = (  # (runs, what changed, its short name, budgeted: issue 17's targets)
        ("pill", "a stance pill change", "stance pill", True),
        ("region", "a region change", "region", True),
        ("as of", "As of a day back (keyboard)", "As of", False),
    )
    for name, change, short, budgeted in changes:
        runs = clicks.get(name)
        if not runs:
            continue

        def timed(budget: str, label: str, values: list, budgeted: bool = budgeted) -> Row:
            value = median(values) if values else None
            if budgeted and budget:
                return budget_row(budget, "clicks", label, value)
            return Row("clicks", label, "ms", value, budget_text="—")

        res.add(
            timed(
                "click_visible",
                f"new map visible after {change}",
                [r["visible_ms"] for r in runs if r["visible_ms"] is not None],
            )
        )
        res.add(
            timed(
                "",
                f"server's new map drawn after {change}",
                [r["served_ms"] for r in runs if r.get("served_ms") is not None],
            )
        )
        res.add(
            timed(
                "click_script",
                f"script done after {change}",
                [r["script_ms"] for r in runs if r["script_ms"] is not None],
            )
        )
        res.add(timed("click_cpu", f"server CPU per rerun ({short}, a new view)",
                      [r["cpu_ms"] for r in runs]))  # fmt: skip

        # One map's: before, after, or as the page redrew it (a region: the world's it holds).
        def one_of(r: dict) -> int:
            return max(r["before"], r["paths"], r.get("at_seen", 0))

        one_map = all(r["max_paths"] <= one_of(r) for r in runs)
        worst = max(runs, key=lambda r: r["max_paths"] - one_of(r))
        most, one = worst["max_paths"], one_of(worst)
        res.add(
            Row("clicks", f"most country paths in the page at once ({short})", "paths", most,
                budget_text="one map's", ok=one_map, app_text=f"{most} (one map: {one})")
        )  # fmt: skip
    one = {r.get("sessions"): r.get("reruns_per_s") for r in clicks.get("load", [])
           if r.get("processes", 1) == 1}  # fmt: skip
    for run in clicks.get("load", []):
        n, processes = run.get("sessions"), run.get("processes", 1)
        least, unit = MINIMUMS["clicks_per_s"] if n == 50 else (None, "/s")
        label = f"reruns per second, one process, {n} sessions open"
        if processes > 1:  # make serve: at least twice one process's figure (issue 17)
            least = 2 * one[n] if one.get(n) else None
            label = f"reruns per second, make serve ({processes} processes), {n} sessions open"
        if "error" in run:
            res.add(Row("clicks", label, unit, ok=False, app_text=run["error"][:60]))
            continue
        latency, cpu = run["median_latency_ms"], run["cpu_ms_per_rerun"]
        res.add(
            Row(
                "clicks", label, unit, run["reruns_per_s"],
                budget_text="—" if least is None else f">= {least:.3g} {unit}",
                ok=None if least is None else run["reruns_per_s"] >= least,
                app_text=f"{run['reruns_per_s']:.1f}/s ({run['clicking']} clicking; median "
                f"{latency or 0:.0f} ms, {cpu or 0:.0f} ms CPU each; {run['rss_mb']:.0f} MB)",
            )
        )  # fmt: skip
