"""The page *Compare two events* through streamlit.testing (AppTest): the pickers and the URL,
the cross-table, the map's text alternative, organizations listed apart, unknown events."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from reactionmap.intake.events import load_event
from reactionmap.view import compare

APP = Path(__file__).resolve().parents[1] / "app.py"
PAGE = "src/reactionmap/pages/compare.py"
A, B = "venezuela-2026-01", "soleimani-2020-01"


def compare_page(**params: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=90).run()
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def picker(at: AppTest, label: str):
    return next(s for s in at.selectbox if s.label == label)


@pytest.fixture(scope="module")
def table():
    return compare.compare_table(load_event(A), load_event(B))


def test_the_url_picks_the_events_and_a_change_is_written_back(table):
    at = compare_page(a=A, b=B)
    assert (picker(at, "Event A").value, picker(at, "Event B").value) == (A, B)
    assert (at.query_params["a"], at.query_params["b"]) == (A, B)
    # The cross-table: every country once, Brazil condemned in A and supported in B.
    cross = next(h.value for h in at.html if "rm-cross" in h.value)
    assert '<th scope="row">Condemned</th>' in cross and "1</span>: Brazil</td>" in cross
    # The map in words: every country of either event with both stances and its change.
    words = next(t.value for t in at.table if "Change" in t.value.columns and len(t.value) > 20)
    countries = compare.countries(table)
    assert sorted(words.index) == sorted(countries["name"])
    assert tuple(words.loc["Brazil"]) == ("Condemned", "Supported", "Softer in B")
    # Organizations are listed apart, never dropped.
    others = next(t.value for t in at.table if "European Union" in t.value.index)
    assert set(others.index) == set(compare.apart(table)["name"])
    picker(at, "Event A").set_value(B).run()
    picker(at, "Event B").set_value(A).run()
    assert (at.query_params["a"], at.query_params["b"]) == (B, A)
    words = next(t.value for t in at.table if "Change" in t.value.columns and len(t.value) > 20)
    assert tuple(words.loc["Brazil"]) == ("Supported", "Condemned", "Harder in B")


def test_without_a_url_the_two_newest_events_older_first():
    at = compare_page()
    assert (picker(at, "Event A").value, picker(at, "Event B").value) == (B, A)


def test_an_unknown_event_is_named_with_the_known_ones():
    at = compare_page(a="no-such-event", b=B)
    warning = " ".join(w.value for w in at.warning)
    assert "no\\-such\\-event" in warning or "no-such-event" in warning
    assert A in warning.replace("\\", "") and B in warning.replace("\\", "")
    assert picker(at, "Event A").value == B  # the default for A: the older of the two
