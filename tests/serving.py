"""Start a Streamlit app on a free loopback port and Debian's Chromium, for browser tests and benchmarks."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# The sizes every browser test looks at, and a phone as the server sees it (the app shortens
# the map for a mobile User-Agent).
DESKTOP = {"width": 1300, "height": 900}
PHONE = {"width": 390, "height": 844}
PHONE_CONTEXT = {
    "is_mobile": True,
    "has_touch": True,
    "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
}
WAIT_MS = 30_000
SHOTS = Path(os.environ.get("REACTIONMAP_SCREENSHOTS", tempfile.gettempdir()))
# The dashboard's map: the plotly chart that holds choropleth paths (the timeline is another).
MAP_JS = """() => [...document.querySelectorAll('.js-plotly-plot')]
    .find(p => p.querySelector('path.choroplethlocation'))"""

# Records what plotly reports for each hover and each click, so that the test waits for the
# answer to *this* pointer move or tap rather than for time. On a phone the test taps ~200
# countries a view: plotly's selection event (which makes the app select the country and run
# again) is kept from the app, so that taps need not wait for a run each; the taps' answers
# are plotly_click's, the very point the app would select (test_browser_hover taps and sees
# the selection made). Plotly also drops a hover within 50 ms of the last: ``t`` lets a tap wait.
LISTEN_JS = f"""() => {{ const plot = ({MAP_JS})();
    if (plot.rmHover) return;
    const code = (p) => p.location || (Array.isArray(p.customdata) ? p.customdata[0]
        : p.customdata) || null;
    plot.rmHover = {{n: 0, loc: null, t: 0}};
    plot.rmClick = {{n: 0, loc: null}};
    plot.on('plotly_hover', (e) => {{
        plot.rmHover = {{n: plot.rmHover.n + 1, loc: code(e.points[0]), t: performance.now()}};
    }});
    plot.on('plotly_unhover', () => {{
        plot.rmHover = {{n: plot.rmHover.n + 1, loc: null, t: performance.now()}}; }});
    plot.on('plotly_click', (e) => {{
        plot.rmClick = {{n: plot.rmClick.n + 1, loc: code(e.points[0])}}; }});
    const emit = plot.emit;
    plot.emit = function (name) {{
        if (plot.rmQuiet && (name === 'plotly_selected' || name === 'plotly_deselect')) return;
        return emit.apply(this, arguments);
    }};
}}"""
CHROMIUM = os.environ.get("REACTIONMAP_CHROMIUM", "/usr/bin/chromium")
# Headless Chromium on a closed network: no background requests, no sandbox as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_available() -> bool:
    return Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def streamlit_app(
    app: Path = REPO / "app.py", env: dict[str, str] | None = None, timeout: float = 60
) -> Iterator[str]:
    """Run ``streamlit run app`` on 127.0.0.1 and yield its base URL; stop it afterwards."""
    port = free_port()
    streamlit = shutil.which("streamlit", path=str(Path(sys.executable).parent)) or "streamlit"
    command = [
        streamlit,
        "run",
        str(app),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    process = subprocess.Popen(
        command,
        cwd=app.parent,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None:
                raise RuntimeError(f"streamlit exited: {process.stderr.read().decode()[-2000:]}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not answer on {url} within {timeout} s")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def _processes() -> Iterator[tuple[int, int, list[str]]]:
    """(pid, parent's pid, command line) of every process this machine's /proc shows."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:  # it ended meanwhile
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        yield int(entry.name), parent, [arg.decode(errors="replace") for arg in argv if arg]


def app_children(url: str, module: str) -> list[int]:
    """The processes ``python -m module`` that the Streamlit server on ``url``'s port started
    (the draft page's workers: ``reactionmap.draft.worker``)."""
    port = url.rsplit(":", 1)[1].split("/")[0]
    table = list(_processes())
    servers = {
        pid for pid, _, argv in table if f"\0--server.port\0{port}\0" in "\0".join(["", *argv, ""])
    }
    return [pid for pid, parent, argv in table if parent in servers and module in argv]


@contextlib.contextmanager
def paused(pids: list[int]) -> Iterator[None]:
    """Stop these processes (SIGSTOP) for the block's length, then let them go on."""
    import signal

    for pid in pids:
        os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        for pid in pids:
            os.kill(pid, signal.SIGCONT)


def launch_chromium(playwright):
    """Debian's Chromium through Playwright (Playwright's own browsers cannot be downloaded here)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def is_loopback(url: str) -> bool:
    """True for URLs the page may ask for: its own host, data: and blob: URLs."""
    from urllib.parse import urlparse

    if url.startswith(("data:", "blob:", "about:")):
        return True
    host = urlparse(url).hostname or ""
    return host in ("127.0.0.1", "localhost", "::1")


NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def unverified():
    """An SSL context that takes the served stack's self-signed certificate."""
    import ssl

    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def nginx_available() -> bool:
    return Path(NGINX).is_file() and os.access(NGINX, os.X_OK)


class ServedStack:
    """`make serve` as started by scripts/serve.py: its URL and the processes it started."""

    def __init__(self, url: str, launcher: subprocess.Popen, run: Path):
        self.url = url
        self.launcher = launcher
        self.run = run

    def pids(self) -> list[int]:
        """Streamlit's processes and nginx's master, as the launcher wrote them."""
        return [int(p) for p in (self.run / "pids").read_text().split()]

    def stop(self) -> int:
        """SIGTERM to the launcher, as Ctrl-C; its exit code."""
        if self.launcher.poll() is None:
            self.launcher.terminate()
            try:
                self.launcher.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.launcher.kill()
        return self.launcher.wait()


@contextlib.contextmanager
def served_stack(
    published: Path, processes: int = 2, timeout: float = 300, tls: bool = False
) -> Iterator[ServedStack]:
    """scripts/serve.py on free loopback ports (its run folder a temporary one, its build the
    repository's build/web, as `make serve` makes it); with ``tls``, HTTPS and HTTP/2 on a
    self-signed certificate. Stopped afterwards."""
    run = Path(tempfile.mkdtemp(prefix="reactionmap-serve-"))
    port = free_port()
    app_ports = ",".join(str(free_port()) for _ in range(processes))
    command = [sys.executable, str(REPO / "scripts" / "serve.py"), "--port", str(port),
               "--app-ports", app_ports, "--processes", str(processes), "--run", str(run),
               "--published", str(published)] + (["--self-signed"] if tls else [])  # fmt: skip
    launcher = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, text=True)
    stack = ServedStack(f"{'https' if tls else 'http'}://127.0.0.1:{port}", launcher, run)
    try:
        # The launcher prints one line once nginx is started in front of healthy processes.
        line = launcher.stdout.readline() if launcher.stdout else ""
        if not line.startswith("reactionmap on"):
            raise RuntimeError(f"scripts/serve.py did not start (exit {launcher.wait()})")
        deadline = time.monotonic() + timeout
        while True:  # nginx may take a moment to listen after it is started
            try:
                with urllib.request.urlopen(
                    f"{stack.url}/_stcore/health", timeout=2, context=unverified()
                ):
                    break
            except OSError:
                if launcher.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"nginx did not answer on {stack.url}") from None
                time.sleep(0.1)
        yield stack
    finally:
        stack.stop()
        shutil.rmtree(run, ignore_errors=True)
