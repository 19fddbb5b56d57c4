"""Shared fixtures: tiny events written to a temporary directory."""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import pytest

from reactionmap.contract.paths import ENV_VAR
from reactionmap.contract.statements import STATEMENT_COLUMNS

REPO = Path(__file__).resolve().parents[1]

EVENT_TOML = """id = "{id}"
title = "A test event"
date = "2026-03-01"
summary = "Something happened."

[[parties]]
iso3 = "FRA"
role = "actor"

[[milestones]]
date = "2026-03-01"
label = "It happened"

[[sources]]
name = "Test"
url = "https://example.org/a"
"""


def row(**values: str) -> dict[str, str]:
    """A statements.csv row with every column, empty unless given."""
    base = dict.fromkeys(STATEMENT_COLUMNS, "")
    base.update(values)
    return base


def write_event(root: Path, event_id: str, rows: list[dict[str, str]], toml: str | None = None):
    """An event directory with event.toml and statements.csv; returns its path."""
    folder = root / event_id
    folder.mkdir(parents=True)
    (folder / "event.toml").write_text(toml or EVENT_TOML.format(id=event_id), encoding="utf-8")
    with (folder / "statements.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else STATEMENT_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return folder


GOOD_ROWS = [
    row(statement_id="s1", actor="France", stance="condemn", date="2026-03-01",
        quote="We condemn it.", source_name="Paper", source_url="https://example.org/1"),
    row(statement_id="s2", actor="Germany", stance="concern", date="2026-03-03",
        summary="Urged restraint."),
    row(statement_id="s3", actor="France", stance="neutral", date="2026-03-05",
        speaker="A Minister", speaker_role="Foreign Minister", quote="We will see."),
    row(statement_id="s4", actor="Côte d'Ivoire", stance="support", date="2026-03",
        summary="Backed it."),
    row(statement_id="s5", actor="European Union", actor_type="organization", stance="concern",
        date="2026-03-02", quote="Restraint."),
]  # fmt: skip


@pytest.fixture
def events_root(tmp_path: Path) -> Path:
    root = tmp_path / "events"
    root.mkdir()
    return root


@pytest.fixture
def good_event(events_root: Path) -> Path:
    return write_event(events_root, "test-event", GOOD_ROWS)


@pytest.fixture
def events_env(events_root: Path, monkeypatch) -> Path:
    """events_root, with the app and the command line reading their events from it."""
    monkeypatch.setenv(ENV_VAR, str(events_root))
    return events_root


@pytest.fixture
def events_copy(events_env: Path) -> Path:
    """A copy of the shipped events that the app and the command line read and write."""
    shutil.rmtree(events_env)
    shutil.copytree(REPO / "data" / "events", events_env)
    return events_env


@pytest.fixture
def cli():
    """The command line, run in this process through click's CliRunner:
    ``cli("check", "x")`` -> (exit code, standard output, standard error), as text, or as
    bytes with ``binary=True``; ``stdin`` is what standard input holds. An exception the
    command does not handle propagates, so that a crash is never read as exit 1."""
    from click.testing import CliRunner

    from reactionmap.cli.main import main

    def run(*argv: str, stdin: bytes | str | None = None, binary: bool = False):
        result = CliRunner().invoke(main, list(argv), input=stdin, catch_exceptions=False)
        if binary:
            return result.exit_code, result.stdout_bytes, result.stderr_bytes
        return result.exit_code, result.stdout, result.stderr

    return run


@pytest.fixture(scope="session")
def venezuela_event():
    """The shipped Venezuela event, read once."""
    from reactionmap.intake.events import load_event

    return load_event("venezuela-2026-01")


@pytest.fixture(scope="session")
def venezuela(venezuela_event):
    """The shipped Venezuela event's default view (every stance, the world, its last day)."""
    from reactionmap.publish.snapshot import snapshot

    return snapshot(venezuela_event)


def _need_chromium() -> None:
    """Skip on a laptop without Debian's Chromium; under CI (CI=true) fail, since CI must run
    the browser tests."""
    from serving import chromium_available

    if not chromium_available():
        message = "Chromium is missing (see `make chromium`): browser tests cannot run"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}, and CI must run them", pytrace=False)
        pytest.skip(message)


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium through Playwright, one per test module."""
    from serving import launch_chromium

    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def server():
    """The app on a free loopback port, reading the shipped events: one for the whole run (one
    per worker under pytest-xdist), shared by every browser test module that only reads. A
    module that writes events, or changes the server's environment, starts its own."""
    from serving import streamlit_app

    _need_chromium()
    with streamlit_app() as url:
        yield url
