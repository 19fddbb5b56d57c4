"""The event map page answers a hostile address calmly: a 100 kB ?event= is cut in the
notice to its first 80 characters and its length, and the address names the event shown
(issue 19)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[1] / "app.py"


@pytest.mark.parametrize("asked", ["x" * 100_000, "é<b>" * 25_000, "y" * 81])
def test_a_long_unknown_event_is_cut_in_the_notice(asked):
    at = AppTest.from_file(str(APP), default_timeout=90)
    at.query_params["event"] = asked
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    (notice,) = [w.value.replace("\\", "") for w in at.warning]  # Markdown's escapes off
    assert f"… ({len(asked):,} characters); showing venezuela-2026-01" in notice
    shown = notice.split("No event ", 1)[1].split("…", 1)[0]
    assert shown == asked[:80]
    assert len(notice) < 400
    assert at.query_params["event"] == "venezuela-2026-01"  # the address names what is shown


def test_a_short_unknown_event_is_named_whole():
    at = AppTest.from_file(str(APP), default_timeout=90)
    at.query_params["event"] = "y" * 80
    at.run()
    (notice,) = [w.value.replace("\\", "") for w in at.warning]
    assert f"No event {'y' * 80}; showing venezuela-2026-01" in notice
