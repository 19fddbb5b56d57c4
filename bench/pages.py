"""Browser helpers the bench's page groups share: a drawn map, websocket frames, HTTP bytes, CPU profiles."""

from __future__ import annotations

import json
import re
import time
from collections import Counter

from bench.common import MAP_PATHS

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
