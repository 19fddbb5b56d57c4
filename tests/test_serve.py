"""`make serve`: nginx in front of Streamlit processes, the frontend compressed ahead of time.

Starts scripts/serve.py on free ports (two Streamlit processes; HTTPS and HTTP/2 on a
self-signed certificate, as the bench measures it), asks nginx for the big bundle,
a hashed asset, the health check and a published page, opens the dashboard through it in
Chromium, and stops it: every process it started must be gone. Skips where nginx is missing
(see `make nginx`), but never under CI, which must run it.
"""

from __future__ import annotations

import gzip
import importlib.util
import os
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from serving import DESKTOP, WAIT_MS, is_loopback, nginx_available, served_stack, unverified
from test_browser import wait_for_idle, wait_for_shapes

from reactionmap.cli.main import main

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
EVENT = "venezuela-2026-01"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


def get(url: str, encoding: str = "") -> tuple[dict[str, str], bytes]:
    """Headers (lower-case names) and the raw body, as sent on the wire."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(request, timeout=30, context=unverified()) as response:
        return {k.lower(): v for k, v in response.headers.items()}, response.read()


def streamlit_bundle() -> Path:
    """Streamlit's largest JavaScript file (its plotly chart, 4.7 MB in Streamlit 1.67)."""
    import streamlit

    js = Path(streamlit.__file__).parent / "static" / "static" / "js"
    return max(js.glob("*.js"), key=lambda p: p.stat().st_size)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A child not yet reaped by its parent is a zombie: gone for all that matters.
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "\nState:\tZ" in status.read_text())


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("published")
    result = CliRunner().invoke(main, ["publish", EVENT, "--out", str(folder / EVENT)])
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture(scope="module")
def stack(published):
    if not nginx_available():
        message = "nginx is missing (see `make nginx`): the served stack cannot run"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}, and CI must run it", pytrace=False)
        pytest.skip(message)
    with served_stack(published, tls=True) as served:
        yield served


def test_the_bundle_goes_compressed_ahead_and_cached_for_a_year(stack):
    bundle = streamlit_bundle()
    url = f"{stack.url}/static/js/{bundle.name}"
    headers, body = get(url, "gzip")
    assert headers.get("content-encoding") == "gzip"
    assert gzip.decompress(body) == bundle.read_bytes()
    assert len(body) < bundle.stat().st_size / 3
    cache = headers.get("cache-control", "")
    assert "immutable" in cache and "max-age=31536000" in cache, cache
    if BROTLI_MODULE.exists() and importlib.util.find_spec("brotli"):
        import brotli

        headers, body = get(url, "gzip, deflate, br")
        assert headers.get("content-encoding") == "br"
        assert brotli.decompress(body) == bundle.read_bytes()
    headers, body = get(url)  # a client that takes no compression gets the file itself
    assert "content-encoding" not in headers and body == bundle.read_bytes()


def test_the_page_is_asked_again_hints_what_the_map_needs_and_health_answers(stack):
    headers, body = get(f"{stack.url}/?event={EVENT}", "gzip")
    assert headers.get("cache-control") == "no-cache"
    assert headers.get("content-encoding") == "gzip"
    html = gzip.decompress(body).decode()
    assert f'rel="modulepreload" crossorigin href="./static/js/{streamlit_bundle().name}"' in html
    assert (
        'as="fetch" crossorigin="anonymous" href="./app/static/boundaries/countries.geojson"'
        in html
    )
    headers, body = get(f"{stack.url}/_stcore/health")
    assert body == b"ok"


def test_a_published_page_is_served(stack, published):
    page = published / EVENT / "index.html"
    headers, body = get(f"{stack.url}/published/{EVENT}/", "gzip")
    assert headers.get("content-encoding") == "gzip"
    assert gzip.decompress(body) == page.read_bytes()


def test_the_dashboard_draws_through_nginx_and_asks_no_other_host(stack, browser):
    context = browser.new_context(viewport=DESKTOP, ignore_https_errors=True)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("websocket", lambda ws: requests.append(ws.url))
    try:
        page.goto(f"{stack.url}/?event={EVENT}")
        assert wait_for_shapes(page) >= 190
        wait_for_idle(page)
        # Over TLS the frontend's files share one HTTP/2 connection.
        protocols = page.evaluate(
            "() => [...new Set(performance.getEntriesByType('resource')"
            ".filter(e => e.name.includes('/static/js/')).map(e => e.nextHopProtocol))]"
        )
        assert protocols == ["h2"], protocols
    finally:
        context.close()
    outside = [u for u in requests if not is_loopback(u)]
    assert not outside, f"requests to other hosts: {outside}"
    port = stack.url.rsplit(":", 1)[1]
    streamlit_direct = [
        u for u in requests if u.startswith(("http", "ws")) and f":{port}/" not in u
    ]
    assert not streamlit_direct, f"requests that bypassed nginx: {streamlit_direct}"
    assert any(u.startswith("wss://") and u.endswith("/_stcore/stream") for u in requests)
    # The first map's page uses no italic: a font file of its own (138 KB) that a new visitor
    # would load for a word or two.
    fonts = [u.rsplit("/", 1)[1] for u in requests if "/static/media/" in u and ".woff2" in u]
    assert not [f for f in fonts if f.startswith("SourceSansVF-Italic")], fonts
    # The page's preload hints are taken up: the plotly chunk and the shapes come once each.
    for name in (streamlit_bundle().name, "countries.geojson", "world_110m.json"):
        asked = [u for u in requests if u.split("?")[0].endswith("/" + name)]
        assert len(asked) == 1, f"{name} asked {len(asked)} times: {asked}"


def test_stopping_the_launcher_stops_everything_it_started(stack):
    pids = stack.pids()
    assert len(pids) == 3  # two Streamlit processes and nginx's master
    assert all(alive(pid) for pid in pids)
    assert stack.stop() == 0
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in pids if alive(pid)]
    with pytest.raises(OSError):
        get(f"{stack.url}/_stcore/health")


def test_the_configuration_listens_as_asked(tmp_path):
    """Plain HTTP by default; TLS and HTTP/2 with a certificate; one upstream line a process."""
    import sys

    sys.path.insert(0, str(REPO / "scripts"))
    import serve

    cert, key = tmp_path / "c.pem", tmp_path / "k.pem"
    cert.write_text("x")
    key.write_text("x")
    plain = serve.nginx_config(serve.parse_args(["--port", "9000"]), [9001, 9002], brotli=False)
    assert "listen 127.0.0.1:9000;" in plain and "ssl_certificate" not in plain
    assert "server 127.0.0.1:9001 " in plain and "server 127.0.0.1:9002 " in plain
    assert "@@" not in plain and "brotli" not in plain.split("http {")[1].split("upstream")[0]
    args = serve.parse_args(["--port", "9000", "--cert", str(cert), "--key", str(key)])
    tls = serve.nginx_config(args, [9001], brotli=True)
    assert "listen 127.0.0.1:9000 ssl http2;" in tls and f"ssl_certificate {cert};" in tls
    assert "brotli_static on;" in tls and "load_module" in tls
    with pytest.raises(SystemExit):
        serve.parse_args(["--cert", str(cert)])  # a certificate without its key
