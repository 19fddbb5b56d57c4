"""What every bench group shares: paths, result rows, logging, and serving app.py or the baseline."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
RESULTS = BENCH / "results"
APP = REPO / "app.py"
BASELINE = BENCH / "baseline_app.py"
BASELINE_CLI = BENCH / "baseline_cli.py"
RUN = BENCH / "run.py"  # `run.py --worker ...` runs one measurement in a fresh process
MAP_PATHS = 190  # a drawn world map has at least this many country paths


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


def bin_path(name: str) -> str:
    return shutil.which(name, path=str(Path(sys.executable).parent)) or name


def streamlit_pid(url: str) -> int | None:
    """The pid of the streamlit child of this process that serves ``url``."""
    from urllib.parse import urlparse

    port = str(urlparse(url).port)  # the URL may carry a path and a query (?event=...)
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
        # The root with nothing asked opens the events list: the map is the shipped event's.
        with streamlit_app(app=APP, env=env) as url:
            yield f"{url}/?event=venezuela-2026-01"
    else:
        with baseline_dir() as script, streamlit_app(app=script, env=env) as url:
            yield url


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
