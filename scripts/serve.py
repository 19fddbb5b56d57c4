"""`make serve`: nginx in front of N Streamlit processes, static files compressed ahead of time.

    python scripts/serve.py --port 8080 --processes 2

Builds build/web/ (scripts/precompress.py), starts N `streamlit run app.py` on the ports after
--port, waits for each one's /_stcore/health, writes the nginx configuration from
deploy/nginx.conf.template into the run folder and starts nginx as the current user (its pid,
logs and temporary files in that folder: nothing is written to /etc or /var). Ctrl-C or
SIGTERM stops everything it started.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import getpass
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import precompress  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
TEMPLATE = REPO / "deploy" / "nginx.conf.template"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
NGINX = os.environ.get("REACTIONMAP_NGINX") or shutil.which("nginx") or "/usr/sbin/nginx"


def _die_with_parent() -> None:
    """In the child: receive SIGTERM when the launcher dies, even by SIGKILL (Linux)."""
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def start_streamlit(port: int, cookie_secret: str, run: Path) -> subprocess.Popen:
    """One `streamlit run app.py` on 127.0.0.1:PORT, its log in RUN/streamlit-PORT.log."""
    streamlit = shutil.which("streamlit", path=str(Path(sys.executable).parent)) or "streamlit"
    log = (run / f"streamlit-{port}.log").open("wb")
    command = [streamlit, "run", str(REPO / "app.py"), "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]  # fmt: skip
    # One secret for all: an upload's XSRF token checks out on any process.
    env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": cookie_secret}
    return subprocess.Popen(
        command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
        preexec_fn=_die_with_parent,
    )  # fmt: skip


def wait_healthy(port: int, process: subprocess.Popen, run: Path, timeout: float) -> None:
    """Wait until the process on PORT answers /_stcore/health; stop with its log if it exits."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return
        except OSError:
            pass
        if process.poll() is not None:
            tail = (run / f"streamlit-{port}.log").read_text(errors="replace")[-2000:]
            raise SystemExit(f"Streamlit on port {port} exited ({process.returncode}):\n{tail}")
        if time.monotonic() > deadline:
            raise SystemExit(
                f"Streamlit on port {port} did not answer /_stcore/health in {timeout:g} s"
            )
        time.sleep(0.2)


def nginx_config(args: argparse.Namespace, ports: list[int], brotli: bool) -> str:
    """deploy/nginx.conf.template filled in for these ports and folders."""
    servers = "\n".join(
        f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;" for p in ports
    )
    modules = f"load_module {BROTLI_MODULE};" if brotli else ""
    # Only a master started by root switches user: then keep the current one (files are theirs).
    user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
    values = {
        "LOAD_MODULES": modules,
        "USER": user,
        "RUN": str(args.run.resolve()),
        "BUILD": str(args.build.resolve()),
        "PUBLISHED": str(args.published.resolve()),
        "ADDRESS": args.address,
        "PORT": str(args.port),
        "SERVERS": servers,
        "BROTLI": "    brotli_static on;" if brotli else "",
        "LISTEN_TLS": " ssl http2" if args.cert else "",
        "TLS": "\n".join(
            f"        {line}"
            for line in (
                f"ssl_certificate {args.cert.resolve()};",
                f"ssl_certificate_key {args.key.resolve()};",
                "ssl_protocols TLSv1.2 TLSv1.3;",
                "ssl_session_cache shared:tls:10m;",
            )
        )
        if args.cert
        else "",
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace(f"@@{name}@@", value)
    return text


def stop(processes: list[subprocess.Popen]) -> None:
    """SIGTERM to each, then SIGKILL to any still running after 10 s."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + 10
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080, help="nginx's port (default 8080)")
    parser.add_argument("--address", default="127.0.0.1", help="nginx's address (0.0.0.0: all)")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1,
                        help="Streamlit processes (default: the machine's cores)")  # fmt: skip
    parser.add_argument("--app-ports", default="",
                        help="the Streamlit processes' ports, comma-separated "
                        "(default: the --processes ports after --port)")  # fmt: skip
    parser.add_argument("--build", type=Path, default=REPO / "build" / "web")
    parser.add_argument("--published", type=Path, default=REPO / "build" / "published",
                        help="pages of `reactionmap publish`, served at /published/")  # fmt: skip
    parser.add_argument("--run", type=Path, default=REPO / "build" / "run",
                        help="nginx's configuration, pid, logs and temporary files")  # fmt: skip
    parser.add_argument("--cert", type=Path, help="TLS certificate (PEM): serve HTTPS and HTTP/2")
    parser.add_argument("--key", type=Path, help="the certificate's private key (PEM)")
    parser.add_argument("--self-signed", action="store_true",
                        help="TLS with a certificate for localhost made in the run folder "
                        "(for trying HTTP/2 and for the bench; browsers warn about it)")  # fmt: skip
    parser.add_argument("--timeout", type=float, default=120, help="seconds to wait per process")
    args = parser.parse_args(argv)
    if args.processes < 1:
        parser.error(f"--processes must be 1 or more, not {args.processes}")
    try:
        args.app_ports = [int(p) for p in args.app_ports.split(",") if p.strip()]
    except ValueError:
        parser.error(f"--app-ports takes port numbers separated by commas, not {args.app_ports!r}")
    args.app_ports = args.app_ports or [args.port + 1 + i for i in range(args.processes)]
    if bool(args.cert) != bool(args.key):
        parser.error("--cert and --key go together: give both, or neither (plain HTTP)")
    for option, path in (("--cert", args.cert), ("--key", args.key)):
        if path and not path.is_file():
            parser.error(f"{option}: no such file {path}")
    return args


def self_signed(run: Path) -> tuple[Path, Path]:
    """A certificate for localhost and 127.0.0.1, valid 30 days, made with openssl in RUN."""
    cert, key = run / "localhost.crt", run / "localhost.key"
    openssl = shutil.which("openssl")
    if openssl is None:
        raise SystemExit("openssl is missing: --self-signed needs it (Debian's openssl)")
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not os.access(NGINX, os.X_OK):
        raise SystemExit(f"nginx is missing ({NGINX}): run 'make nginx' (Debian's nginx-light)")
    args.run.mkdir(parents=True, exist_ok=True)
    args.published.mkdir(parents=True, exist_ok=True)
    if args.self_signed and not args.cert:
        args.cert, args.key = self_signed(args.run)
    built = precompress.build(args.build, args.published)
    brotli = built["brotli"] and BROTLI_MODULE.exists()
    ports = args.app_ports
    started: list[subprocess.Popen] = []

    def on_signal(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)
    try:
        secret = secrets.token_hex(32)
        started += [start_streamlit(port, secret, args.run) for port in ports]
        for port, process in zip(ports, started, strict=True):
            wait_healthy(port, process, args.run, args.timeout)
        config = args.run / "nginx.conf"
        config.write_text(nginx_config(args, ports, brotli), encoding="utf-8")
        command = [NGINX, "-p", str(args.run.resolve()), "-c", str(config.resolve()),
                   "-e", str((args.run / "error.log").resolve()), "-g", "daemon off;"]  # fmt: skip
        checked = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True)
        if checked.returncode != 0:  # a bad certificate or folder: say so before serving
            raise SystemExit(f"nginx refuses {config}:\n{checked.stderr.strip()}")
        nginx = subprocess.Popen(command, preexec_fn=_die_with_parent)
        started.append(nginx)
        (args.run / "pids").write_text("".join(f"{p.pid}\n" for p in started), encoding="utf-8")
        scheme = "https" if args.cert else "http"
        print(f"reactionmap on {scheme}://{args.address}:{args.port}/ : nginx in front of "
              f"{len(ports)} Streamlit processes (ports {', '.join(map(str, ports))}); "
              f"published pages at /published/; Ctrl-C stops", flush=True)  # fmt: skip
        while all(p.poll() is None for p in started):
            time.sleep(0.5)
        gone = next(p for p in started if p.poll() is not None)
        print(f"{Path(str(gone.args[0])).name} (pid {gone.pid}) exited: stopping", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stop(started)


if __name__ == "__main__":
    sys.exit(main())
