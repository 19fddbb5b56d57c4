"""`make bench`: measure reactionmap (app.py) beside a straightforward baseline (bench/baseline_app.py).

Prints one table (figure | reactionmap | baseline | ratio | budget | pass?) with the machine's date,
cores, memory and versions, and writes bench/results/latest.json (plus pyinstrument profiles).

    .venv/bin/python bench/run.py                 # everything, about 10 minutes
    .venv/bin/python bench/run.py --quick         # fewer repetitions
    .venv/bin/python bench/run.py --only redraw,script

How each figure is measured: bench/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
RESULTS = BENCH / "results"
sys.path.insert(0, str(REPO))

from bench import published  # noqa: E402

APP = REPO / "app.py"
BASELINE = BENCH / "baseline_app.py"
BASELINE_CLI = BENCH / "baseline_cli.py"
MAP_PATHS = 190  # a drawn world map has at least this many country paths
SCALE_EVENT = "synthetic-scale"

# figure name -> group that measures it
FIGURES = {
    "interaction": "browser",
    "geometry": "browser",
    "first_map": "browser",
    "redraw": "browser",
    "script": "script",
    "memory": "load",
    "concurrency": "load",
    "scale": "scale",
}


# ---- results ------------------------------------------------------------------------------------
@dataclass
class Row:
    figure: str  # one of FIGURES
    label: str
    unit: str
    app: float | None = None
    base: float | None = None
    budget: float | None = None  # pass when app <= budget (None: no budget, shown for context)
    budget_text: str = "—"
    ok: bool | None = None  # overrides the numeric comparison when set
    app_text: str | None = None
    base_text: str | None = None

    def passed(self) -> bool | None:
        if self.ok is not None:
            return self.ok
        if self.budget is None or self.app is None:
            return None
        return self.app <= self.budget


@dataclass
class Results:
    rows: list[Row] = field(default_factory=list)
    details: dict = field(default_factory=dict)

    def add(self, row: Row) -> None:
        self.rows.append(row)


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def scrub(text: str) -> str:
    """Machine paths out of anything written to a file."""
    site = str(Path(json.__file__).resolve().parent.parent)
    for path, name in (
        (str(REPO / ".venv"), "<venv>"),
        (str(REPO), "<repo>"),
        (site, "<stdlib>"),
        (tempfile.gettempdir(), "<tmp>"),
    ):
        text = text.replace(path, name)
    return text


LOADS: list[tuple[str, float]] = []  # (what was starting, 1-minute load average)


def log(message: str) -> None:
    load = os.getloadavg()[0]
    LOADS.append((message, round(load, 1)))
    print(f"[{time.strftime('%H:%M:%S')} load {load:.1f}] {message}", file=sys.stderr, flush=True)


# ---- processes ---------------------------------------------------------------------------------
def bin_path(name: str) -> str:
    return shutil.which(name, path=str(Path(sys.executable).parent)) or name


def streamlit_pid(url: str) -> int | None:
    """The pid of the streamlit child of this process that serves ``url``."""
    port = url.rsplit(":", 1)[1]
    me = os.getpid()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) != me:
                continue
            cmdline = (stat.parent / "cmdline").read_bytes().split(b"\0")
        except (OSError, IndexError, ValueError):
            continue
        if b"--server.port" in cmdline and port.encode() in cmdline:
            return int(stat.parent.name)
    return None


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


@contextlib.contextmanager
def baseline_dir():
    """A temporary directory holding baseline_app.py beside symlinks to the app's static/ and
    .streamlit/ (Streamlit serves static/ next to the main script): nothing copied."""
    with tempfile.TemporaryDirectory(prefix="rm-baseline-") as tmp:
        tmp = Path(tmp)
        (tmp / BASELINE.name).symlink_to(BASELINE)
        (tmp / "static").symlink_to(REPO / "static", target_is_directory=True)
        (tmp / ".streamlit").symlink_to(REPO / ".streamlit", target_is_directory=True)
        yield tmp / BASELINE.name


@contextlib.contextmanager
def served(which: str, env: dict[str, str] | None = None):
    from tests.serving import streamlit_app

    if which == "app":
        with streamlit_app(app=APP, env=env) as url:
            yield url
    else:
        with baseline_dir() as script, streamlit_app(app=script, env=env) as url:
            yield url


# ---- browser helpers ---------------------------------------------------------------------------
DRAWN_JS = f"""() => {{
    const n = document.querySelectorAll('path.choroplethlocation').length;
    return n >= {MAP_PATHS} ? performance.now() : false;
}}"""

# Records, on every animation frame, a signature of the map's country paths (their number and
# fills) and the time of the last pointerdown: the redraw ends at the last change of that signature.
WATCH_JS = """() => {
  if (window.__rm) return;
  const state = () => {
    const paths = document.querySelectorAll('path.choroplethlocation');
    let s = paths.length + ':';
    for (const p of paths) s += (p.style.fill || p.getAttribute('fill') || '') + (p.style.opacity || '') + ';';
    if (paths.length) {  // a new frame or projection moves the paths without recolouring them
      const first = paths[0].getAttribute('d') || '', last = paths[paths.length - 1].getAttribute('d') || '';
      s += first.slice(0, 40) + '|' + first.length + '|' + last.length;
    }
    return s;
  };
  window.__rm = {armed: false, t0: null, log: [], state,
    arm() { this.armed = true; this.t0 = null; this.log = [[performance.now(), state()]]; }};
  document.addEventListener('pointerdown', () => { if (window.__rm.armed) window.__rm.t0 = performance.now(); }, true);
  const loop = () => {
    const r = window.__rm;
    if (r.armed) { const s = state(); if (s !== r.log[r.log.length - 1][1]) r.log.push([performance.now(), s]); }
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
}"""

# Every page: the page-clock time and size of each websocket message, in order of arrival.
WS_LOG_JS = """(() => {
  window.__wsLog = [];
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        const d = e.data;
        const n = typeof d === 'string' ? d.length : (d.byteLength !== undefined ? d.byteLength : d.size);
        window.__wsLog.push([performance.now(), n]);
      });
    }
  };
})();"""

ERROR_JS = """() => Array.from(document.querySelectorAll('[data-testid="stException"]')).map(e => e.innerText.slice(0, 300))"""


def msg_kind(payload) -> tuple[str, object]:
    """A websocket frame's ForwardMsg type, e.g. delta.new_element.plotly_chart, and the message."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    if isinstance(payload, str):
        return "text", None
    msg = ForwardMsg()
    try:
        msg.ParseFromString(payload)
    except Exception:  # noqa: BLE001 - not a ForwardMsg
        return "undecodable", None
    kind = msg.WhichOneof("type") or "empty"
    if kind == "delta":
        delta = msg.delta.WhichOneof("type")
        kind = f"delta.{delta}"
        if delta == "new_element":
            kind += "." + (msg.delta.new_element.WhichOneof("type") or "")
    return kind, msg


def geojson_bytes_in(msg) -> int:
    """Bytes of inline GeoJSON (dicts) in a plotly_chart message's figure spec."""
    if msg is None or not msg.HasField("delta"):
        return 0
    element = msg.delta.new_element
    if element.WhichOneof("type") != "plotly_chart":
        return 0
    spec = json.loads(element.plotly_chart.spec or "{}")
    return sum(
        len(json.dumps(t["geojson"], separators=(",", ":")))
        for t in spec.get("data", [])
        if isinstance(t.get("geojson"), dict)
    )


class Frames:
    """Websocket frames a page receives (Playwright), decoded as Streamlit ForwardMsgs."""

    def __init__(self, page):
        self.items: list[tuple[float, int, str, object]] = []
        page.on("websocket", self._ws)

    def _ws(self, ws):
        def received(payload):
            kind, msg = msg_kind(payload)
            size = len(payload.encode() if isinstance(payload, str) else payload)
            self.items.append((time.monotonic(), size, kind, msg))

        ws.on("framereceived", received)

    def mark(self) -> int:
        return len(self.items)

    def since(self, mark: int):
        return self.items[mark:]

    def wait_finished(self, page, mark: int, timeout: float = 60, quiet: float = 0.6) -> None:
        """Until a script_finished frame arrives after ``mark`` and no frame for ``quiet`` s."""
        deadline = time.monotonic() + timeout
        while not any(kind == "script_finished" for _, _, kind, _ in self.since(mark)):
            if time.monotonic() > deadline:
                raise TimeoutError("no script_finished message after the interaction")
            page.wait_for_timeout(50)
        while True:
            last = self.items[-1][0]
            page.wait_for_timeout(int(quiet * 1000))
            if self.items[-1][0] == last:
                return

    @staticmethod
    def breakdown(items) -> dict[str, int]:
        counts: Counter = Counter()
        for _, size, kind, _ in items:
            counts[kind] += size
        return dict(counts.most_common())


class Http:
    """HTTP transfer sizes (CDP Network.loadingFinished.encodedDataLength) of one page."""

    def __init__(self, context, page):
        self.cdp = context.new_cdp_session(page)
        self.urls: dict[str, str] = {}
        self.status: dict[str, int] = {}
        self.headers: dict[str, dict] = {}
        self.cached: set[str] = set()
        self.done: list[tuple[float, str, int, bool, int, str]] = []
        self.cdp.on("Network.requestWillBeSent", self._sent)
        self.cdp.on("Network.responseReceived", self._response)
        self.cdp.on("Network.requestServedFromCache", lambda e: self.cached.add(e["requestId"]))
        self.cdp.on("Network.loadingFinished", self._finished)
        self.cdp.send("Network.enable")

    def _sent(self, event):
        self.urls[event["requestId"]] = event["request"]["url"]

    def _response(self, event):
        response = event["response"]
        self.status[event["requestId"]] = response.get("status", 0)
        self.headers[event["requestId"]] = {
            k.lower(): v for k, v in (response.get("headers") or {}).items()
        }
        if response.get("fromDiskCache") or response.get("fromPrefetchCache"):
            self.cached.add(event["requestId"])

    def _finished(self, event):
        rid = event["requestId"]
        self.done.append(
            (
                time.monotonic(),
                self.urls.get(rid, "?"),
                int(event.get("encodedDataLength", 0)),
                rid in self.cached,
                self.status.get(rid, 0),
                rid,
            )
        )

    def matching(self, pattern: str, since: float = 0.0):
        return [d for d in self.done if re.search(pattern, d[1]) and d[0] >= since]

    def total(self, since: float, until: float | None = None) -> int:
        return sum(d[2] for d in self.done if d[0] >= since and (until is None or d[0] <= until))

    def listing(self, since: float, minimum: int = 0) -> list[dict]:
        """Requests finished since ``since``: path, bytes transferred, status, from cache."""
        return [
            {
                "path": "/" + d[1].split("/", 3)[-1],
                "bytes": d[2],
                "status": d[4],
                "from_cache": d[3],
            }
            for d in self.done
            if d[0] >= since and d[2] >= minimum
        ]


class CpuProfile:
    """The renderer's JavaScript CPU profile (CDP Profiler) over a stretch of a page's life."""

    def __init__(self, context, page):
        self.cdp = context.new_cdp_session(page)
        self.cdp.send("Profiler.enable")
        self.cdp.send("Profiler.setSamplingInterval", {"interval": 500})

    def start(self):
        self.cdp.send("Profiler.start")

    def stop(self, top: int = 10) -> dict:
        profile = self.cdp.send("Profiler.stop")["profile"]
        nodes = {n["id"]: n["callFrame"] for n in profile["nodes"]}
        spent: Counter = Counter()
        for sample, delta in zip(profile["samples"], profile["timeDeltas"], strict=True):
            spent[sample] += delta
        by_script: Counter = Counter()
        by_function: Counter = Counter()
        for node, micros in spent.items():
            frame = nodes[node]
            script = (frame.get("url") or "").rsplit("/", 1)[-1] or frame["functionName"] or "?"
            by_script[script] += micros / 1000
            name = frame["functionName"] or "(anonymous)"
            by_function[f"{name} {script}:{frame.get('lineNumber', 0) + 1}"] += micros / 1000
        idle = by_script.get("(idle)", 0.0)
        return {
            "wall_ms": sum(spent.values()) / 1000,
            "busy_ms": sum(spent.values()) / 1000 - idle,
            "by_script_ms": {k: round(v, 1) for k, v in by_script.most_common(top)},
            "by_function_ms": {k: round(v, 1) for k, v in by_function.most_common(top)},
        }


def wait_drawn(page, timeout_ms: int = 120_000) -> float:
    """Seconds from navigation start to a drawn map (page clock)."""
    return page.wait_for_function(DRAWN_JS, polling="raf", timeout=timeout_ms).json_value() / 1000


def new_page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(WS_LOG_JS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    page.on("console", lambda m: m.type == "error" and errors.append(f"console: {m.text}"))
    return context, page, errors


LOAD_TIMELINE_JS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const pick = (re) => performance.getEntriesByType('resource').filter(r => re.test(r.name))
      .map(r => ({name: r.name.split('/').pop(), start: r.startTime, end: r.responseEnd,
                  bytes: r.transferSize, decoded: r.decodedBodySize}));
  const all = performance.getEntriesByType('resource');
  return {
    html_end: nav ? nav.responseEnd : null,
    dom_content_loaded: nav ? nav.domContentLoadedEventEnd : null,
    scripts_end: Math.max(0, ...all.filter(r => /static\\/js\\//.test(r.name)).map(r => r.responseEnd)),
    script_bytes: all.filter(r => /static\\/js\\//.test(r.name)).reduce((a, r) => a + r.transferSize, 0),
    plotly_js: pick(/PlotlyChart/),
    big_scripts: all.filter(r => /static\\/js\\//.test(r.name) && r.decodedBodySize > 400000)
      .map(r => ({name: r.name.split('/').pop(), end: r.responseEnd, decoded: r.decodedBodySize})),
    topojson: pick(/topojson/),
    shapes: pick(/countries\\.geojson/),
    media: pick(/\\/media\\//),
    ws: window.__wsLog.slice(0, 400),
  };
}"""


def load_timeline(page, frames: list, drawn_s: float) -> dict:
    """Where the time of a page load goes, in page-clock milliseconds from navigation start."""
    raw = page.evaluate(LOAD_TIMELINE_JS)
    ws = raw.pop("ws")
    kinds = [kind for _, _, kind, _ in frames]
    sizes = [size for _, size, _, _ in frames]
    marks = {}
    if ws and [n for _, n in ws[: len(sizes)]] == sizes[: len(ws)]:
        marks["first_ws_message"] = ws[0][0]
        for (t, _), kind in zip(ws, kinds, strict=False):
            if kind == "delta.new_element.plotly_chart" and "map_message" not in marks:
                marks["map_message"] = t
            if kind == "script_finished" and "script_finished" not in marks:
                marks["script_finished"] = t
    else:
        marks["ws_alignment"] = "frames could not be aligned"
    raw["ws_marks"] = marks
    raw["map_drawn"] = drawn_s * 1000
    return raw


# ---- group: browser (interaction bytes, geometry bytes, first map, redraw) --------------------------
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


# ---- group: load (memory, concurrency) -----------------------------------------------------------
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
        # the import lines of app.py, as written there
        source = APP.read_text(encoding="utf-8")
        lines = [
            ln
            for ln in source.splitlines()
            if re.match(r"(from reactionmap|import reactionmap)", ln)
        ]
        exec("\n".join(lines), {})

    def full_run():
        from streamlit.testing.v1 import AppTest

        AppTest.from_file(str(APP), default_timeout=300).run()

    mark("python")
    step("import streamlit", lambda: __import__("streamlit"))
    step("+ pandas", lambda: __import__("pandas"))
    step("+ plotly.graph_objects", lambda: __import__("plotly.graph_objects"))
    step("+ app.py's reactionmap imports", app_imports)
    step("+ geopandas (app.py's first run loads it)", lambda: __import__("geopandas"))
    step("+ one full script run (AppTest: every cache filled)", full_run)
    print("@@RESULT@@" + json.dumps(steps))


def memory_breakdown() -> list:
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", "memory"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=600,
    )
    marker = [line for line in done.stdout.splitlines() if line.startswith("@@RESULT@@")]
    return json.loads(marker[-1][len("@@RESULT@@") :]) if marker else [done.stderr[-1000:]]


# ---- group: script (AppTest in fresh processes) ---------------------------------------------------
def worker_apptest(args) -> None:
    """Subprocess mode: run an app under AppTest; print JSON timings of full script runs."""
    import io

    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.testing.v1 import AppTest

    inner: list[float] = []
    profile = {"on": False, "texts": []}
    original = script_runner.ScriptRunner._run_script

    def timed(self, rerun_data):
        profiler = None
        if profile["on"]:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.001)
            profiler.start()
        start = time.perf_counter()
        try:
            return original(self, rerun_data)
        finally:
            inner.append(time.perf_counter() - start)
            if profiler is not None:
                profiler.stop()
                profile["texts"].append(
                    profiler.output_text(unicode=False, color=False, show_all=True)
                )

    script_runner.ScriptRunner._run_script = timed

    # A server compiles the script once (its ScriptCache lives as long as the server); AppTest
    # makes a new ScriptCache per run, which would add the compile (~30-40 ms) to every warm run.
    from streamlit.runtime.scriptrunner import script_cache

    compiled: dict = {}
    get_bytecode = script_cache.ScriptCache.get_bytecode

    def shared_bytecode(self, script_path):
        if script_path not in compiled:
            compiled[script_path] = get_bytecode(self, script_path)
        return compiled[script_path]

    script_cache.ScriptCache.get_bytecode = shared_bytecode
    at = AppTest.from_file(args.app, default_timeout=600)
    out: dict = {"runs": []}

    def run(label: str, action=None, prof: bool = False):
        profile["on"] = prof
        start = time.perf_counter()
        (action or at.run)()
        wall = time.perf_counter() - start
        profile["on"] = False
        if at.exception:
            out.setdefault("exceptions", []).append(str(at.exception[0].value)[:500])
        out["runs"].append({"label": label, "wall_s": wall, "script_s": inner[-1]})

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
    out["profiles"] = [scrub(t) for t in profile["texts"]]
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
        str(Path(__file__).resolve()),
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


# ---- group: scale (generated event) ---------------------------------------------------------------
def write_scale_event(root: Path, rows: int = 100_000, actors: int = 250, days: int = 365) -> Path:
    """A synthetic event (clearly labelled, seeded, generated at run time): real country names and
    ISO3 codes from pycountry (so they resolve), random stances and dates. Not real data."""
    import numpy as np
    import pandas as pd
    import pycountry

    rng = np.random.default_rng(20260103)
    people = [(c.name, c.alpha_3, "state") for c in pycountry.countries]
    people = people[: actors - 1] + [("European Union", "EU", "organization")]
    people = people[:actors]
    stances = np.array(["condemn", "concern", "neutral", "support", "party"])
    pick = rng.integers(0, len(people), rows)
    start = pd.Timestamp("2025-01-01")
    offsets = rng.integers(0, days, rows)
    dates = (start + pd.to_timedelta(offsets, unit="D")).strftime("%Y-%m-%d").to_numpy(dtype=object)
    precision = np.where(rng.random(rows) < 0.9, "day", "month").astype(object)
    month = precision == "month"
    dates[month] = [d[:7] for d in dates[month]]
    ids = np.arange(rows)
    frame = pd.DataFrame(
        {
            "statement_id": [f"syn-{i:06d}" for i in ids],
            "actor": [people[i][0] for i in pick],
            "actor_iso3": [people[i][1] for i in pick],
            "actor_type": [people[i][2] for i in pick],
            "stance": stances[rng.integers(0, len(stances), rows)],
            "date": dates,
            "date_precision": precision,
            "speaker": "",
            "speaker_role": "",
            "quote": [
                f"Synthetic benchmark statement {i} (generated, not a real quote)." for i in ids
            ],
            "summary": "",
            "source_name": "synthetic benchmark data",
            "source_url": "",
            "notes": "generated by bench/run.py; not a real statement",
        }
    )
    folder = root / "events" / SCALE_EVENT
    folder.mkdir(parents=True)
    frame.to_csv(folder / "statements.csv", index=False)
    (folder / "event.toml").write_text(
        f'id = "{SCALE_EVENT}"\n'
        'title = "Synthetic benchmark event (generated data, not real)"\n'
        'date = "2025-01-01"\n'
        'summary = "Generated by bench/run.py to measure scale: 100,000 random statements."\n',
        encoding="utf-8",
    )
    return root


def timed_cli(command: list[str], env: dict, reps: int, budget: float) -> dict:
    """Wall time of a command, ``reps`` times; once only when it takes over 3x its budget, and
    stopped after 12x its budget (at least 60 s) so that the bench stays bounded."""
    limit = max(12 * budget, 60.0)
    times, sizes, codes, stderr = [], [], [], ""
    for _ in range(reps):
        start = time.perf_counter()
        try:
            done = subprocess.run(
                command, capture_output=True, env={**os.environ, **env}, timeout=limit
            )
        except subprocess.TimeoutExpired:
            return {"s": [None], "timed_out_after_s": limit, "returncodes": [None]}
        times.append(time.perf_counter() - start)
        sizes.append(len(done.stdout))
        codes.append(done.returncode)
        stderr = done.stderr.decode(errors="replace")[-600:]
        if times[-1] > 3 * budget:
            break
    return {"s": times, "returncodes": codes, "stdout_bytes": sizes[-1], "stderr_tail": stderr}


def scale_group(reps: int, which_list: list[str]) -> dict:
    out: dict = {}
    with tempfile.TemporaryDirectory(prefix="rm-scale-") as tmp:
        start = time.perf_counter()
        root = write_scale_event(Path(tmp))
        out["generate_s"] = time.perf_counter() - start
        env = {"REACTIONMAP_DATA_DIR": str(root)}
        cli_reps = max(1, min(3, reps))
        for which in which_list:
            if which == "app":
                tool = [bin_path("reactionmap")]
            else:
                tool = [sys.executable, str(BASELINE_CLI)]
            res = {
                "check": timed_cli([*tool, "check", SCALE_EVENT], env, cli_reps, 5.0),
                "export": timed_cli(
                    [*tool, "export", SCALE_EVENT, "--format", "csv"], env, cli_reps, 1.0
                ),
            }
            app = APP if which == "app" else BASELINE
            # the cold run at scale is not profiled: the profiler would double its time
            run = apptest(
                app, warm=reps, region=2, env=env, profile=(which == "app"), warm_profile_only=True
            )
            res["cold_s"] = run["runs"][0]["script_s"]
            res["warm_s"] = [r["script_s"] for r in run["runs"] if r["label"] == "warm"]
            res["region_s"] = [
                r["script_s"]
                for r in run["runs"]
                if r["label"].startswith("region") and "profiled" not in r["label"]
            ]
            res["exceptions"] = run.get("exceptions", [])
            res["profiles"] = run.get("profiles", [])
            out[which] = res
    return out


# ---- the table ----------------------------------------------------------------------------------
def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "KB":
        return f"{value:,.1f} KB"
    if unit == "MB":
        return f"{value:,.1f} MB"
    if unit == "ms":
        return f"{value:,.0f} ms"
    if unit == "s":
        return f"{value:,.2f} s"
    return f"{value:g} {unit}".strip()


def geometry_kb(load: dict | None) -> float | None:
    """Shapes the browser receives on a page load: the shapes file, GeoJSON inline in the
    websocket messages, and GeoJSON downloads the page fetches ahead of a click."""
    if load is None:
        return None
    keys = ("shape_file_bytes", "inline_geojson_ws_bytes", "geojson_download_prefetch_bytes")
    return sum(load[k] for k in keys) / 1024


def build_rows(res: Results, data: dict) -> None:
    app, base = data.get("app", {}), data.get("baseline", {})

    def both(key):
        return app.get(key), base.get(key)

    b_app, b_base = both("browser")

    def changes(group: dict | None, name: str) -> list[dict]:
        return [r for r in (group or {}).get(name, []) if r.get("applied", True)]

    def lost(group: dict | None, name: str) -> str:
        runs = (group or {}).get(name, [])
        n = sum(1 for r in runs if not r.get("applied", True))
        return f" ({n} of {len(runs)} changes lost)" if n else ""

    def note(value: float | None, unit: str, extra: str) -> str | None:
        return fmt(value, unit) + extra if extra else None

    if b_app and "pill" in b_app:
        for name, label in (("pill", "stance pill"), ("region", "region")):
            a = median([r["bytes"] for r in changes(b_app, name)])
            b = median([r["bytes"] for r in changes(b_base, name)])
            a, b = (a / 1024 if a is not None else None), (b / 1024 if b is not None else None)
            res.add(
                Row(
                    "interaction",
                    f"bytes received per filter change ({label})",
                    "KB",
                    a,
                    b,
                    30,
                    "<= 30 KB",
                    app_text=note(a, "KB", lost(b_app, name)),
                    base_text=note(b, "KB", lost(b_base, name)),
                )
            )
    if b_app and "geometry" in b_app:
        for i, label in ((0, "first load"), (1, "second load")):
            ga = b_app["geometry"][i]
            gb = b_base["geometry"][i] if b_base else None
            a, b = geometry_kb(ga), geometry_kb(gb)
            budget, text = (200, "<= 200 KB") if i == 0 else (0, "0")
            res.add(Row("geometry", f"geometry bytes, {label}", "KB", a, b, budget, text))
    if b_app and "first_map_cold_cache_s" in b_app:
        a = median(b_app["first_map_cold_cache_s"])
        b = median(b_base["first_map_cold_cache_s"]) if b_base else None
        res.add(
            Row(
                "first_map",
                "first map drawn, warm server (new browser profile)",
                "s",
                a,
                b,
                1.5,
                "<= 1.5 s",
            )
        )
        a = median(b_app["first_map_warm_cache_s"])
        b = median(b_base["first_map_warm_cache_s"]) if b_base else None
        res.add(
            Row(
                "first_map",
                "first map drawn, repeat visit (browser cache warm)",
                "s",
                a,
                b,
                1.5,
                "<= 1.5 s",
            )
        )
    if data.get("published"):  # the published page, beside the dashboard's first map
        for fields in published.rows(data["published"], median):
            res.add(Row(**fields))
    if b_app and "pill" in b_app:
        for name, label in (("pill", "stance pill"), ("region", "region")):
            a = median([r["redraw_ms"] for r in changes(b_app, name)])
            b = median([r["redraw_ms"] for r in changes(b_base, name)])
            res.add(
                Row(
                    "redraw",
                    f"map redrawn after filter change ({label})",
                    "ms",
                    a,
                    b,
                    300,
                    "<= 300 ms",
                    app_text=note(a, "ms", lost(b_app, name)),
                    base_text=note(b, "ms", lost(b_base, name)),
                )
            )
    s_app, s_base = both("script")
    if s_app:
        res.add(
            Row(
                "script",
                "server script run, warm",
                "ms",
                median(s_app["warm_s"]) * 1000,
                median(s_base["warm_s"]) * 1000 if s_base else None,
                50,
                "<= 50 ms",
            )
        )
        res.add(
            Row(
                "script",
                "server script run, warm, region changed",
                "ms",
                median(s_app["region_s"]) * 1000,
                median(s_base["region_s"]) * 1000 if s_base and s_base["region_s"] else None,
                50,
                "<= 50 ms",
            )
        )
        res.add(
            Row(
                "script",
                "server script run, cold (new process)",
                "s",
                median(s_app["cold_s"]),
                median(s_base["cold_s"]) if s_base else None,
                1.5,
                "<= 1.5 s",
            )
        )
    l_app, l_base = both("load")
    if l_app:
        res.add(
            Row(
                "memory",
                "server RSS, 1 page open",
                "MB",
                l_app["rss_one_page_mb"],
                l_base["rss_one_page_mb"] if l_base else None,
                250,
                "<= 250 MB",
            )
        )
        res.add(
            Row(
                "memory",
                f"server RSS per extra page ({l_app['pages']} open)",
                "MB",
                l_app["per_page_mb"],
                l_base["per_page_mb"] if l_base else None,
                5,
                "<= 5 MB",
            )
        )
        ok = l_app["drawn"] == l_app["pages"] and not l_app["errors"]
        res.add(
            Row(
                "concurrency",
                f"{l_app['pages']} pages at once: time to all maps drawn",
                "s",
                l_app["all_drawn_s"],
                l_base["all_drawn_s"] if l_base else None,
                None,
                "all drawn, no error",
                ok=ok,
                app_text=f"{l_app['drawn']}/{l_app['pages']}, {len(l_app['errors'])} err, {l_app['all_drawn_s']:.1f} s",
                base_text=(
                    f"{l_base['drawn']}/{l_base['pages']}, {len(l_base['errors'])} err, "
                    f"{l_base['all_drawn_s']:.1f} s"
                )
                if l_base
                else None,
            )
        )
    sc = data.get("scale")
    if sc and "app" in sc:
        a, b = sc["app"], sc.get("baseline") or {}

        def ms(values):
            value = median(values or [])
            return value * 1000 if value is not None else None

        def cli(run: dict | None) -> tuple[float | None, str | None]:
            if not run:
                return None, None
            if run.get("timed_out_after_s"):
                return None, f"> {run['timed_out_after_s']:.0f} s (stopped)"
            failed = [c for c in run["returncodes"] if c != 0]
            value = median(run["s"])
            return value, (fmt(value, "s") + f" (exit {failed[0]})") if failed else None

        for key, label, budget in (
            ("check", "`reactionmap check`", 5),
            ("export", "CSV export", 1),
        ):
            av, at = cli(a.get(key))
            bv, bt = cli(b.get(key))
            timed_out = bool(a.get(key, {}).get("timed_out_after_s"))
            failed = any(c != 0 for c in a.get(key, {}).get("returncodes", []))
            res.add(
                Row(
                    "scale",
                    f"scale 100k: {label}",
                    "s",
                    av,
                    bv,
                    budget,
                    f"<= {budget} s",
                    ok=False if timed_out or failed else None,
                    app_text=at,
                    base_text=bt,
                )
            )
        for key, label in (("warm_s", "warm rerun"), ("region_s", "warm rerun, region changed")):
            res.add(
                Row(
                    "scale",
                    f"scale 100k: {label}",
                    "ms",
                    ms(a.get(key)),
                    ms(b.get(key)),
                    200,
                    "<= 200 ms",
                )
            )


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
        worker_apptest(args)
        return 0
    if args.worker == "memory":
        worker_memory(args)
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

    if groups & {"browser", "load"}:
        from playwright.sync_api import sync_playwright

        from tests.serving import launch_chromium

        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            browser_version = browser.version
            for which in apps:
                if "browser" in groups:
                    log(f"browser figures: {which}")
                    data[which]["browser"] = browser_group(which, browser, reps, wanted)
                if "load" in groups:
                    log(f"memory and concurrency (20 pages): {which}")
                    data[which]["load"] = load_group(which, browser)
                    if which == "app":
                        data[which]["load"]["rss_steps_mb"] = memory_breakdown()
            if "first_map" in wanted:  # beside the dashboard's first map, same browser
                log("published page (reactionmap publish), opened from disk")
                data["published"] = published.measure(browser, reps, DRAWN_JS)
            browser.close()
    if "script" in groups:
        for which in apps:
            log(f"script runs (AppTest, fresh processes): {which}")
            data[which]["script"] = script_group(which, reps)
    if "scale" in groups:
        log("scale: generated event of 100,000 statements")
        data["scale"] = scale_group(reps, apps)

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
