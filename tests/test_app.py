"""The Streamlit page through streamlit.testing (AppTest): no browser, a few seconds in all."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from reactionmap.contract.scale import DEFAULT_SCALE
from reactionmap.places.boundaries import country_table

APP = Path(__file__).resolve().parents[1] / "app.py"
EVENT = "venezuela-2026-01"
# The app's pages, as AppTest.switch_page names them (relative to app.py).
MAP_PAGE = "src/reactionmap/pages/event_map.py"
UPLOAD_PAGE = "src/reactionmap/pages/upload.py"
PASTED = (
    "actor,stance,quote\nFrance,condemn,Non.\nKorea,concern,Calm down.\nArgentina,support,Sí.\n"
)


def app(**params: str) -> AppTest:
    """The app on the shipped event's map (the root with nothing asked opens the events list)."""
    params = params or {"event": EVENT}
    at = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def stance_table(at: AppTest) -> pd.DataFrame:
    """The stance table: the st.dataframe with one row per actor and its ISO3 code."""
    tables = [d.value for d in at.dataframe if {"actor_iso3", "stance"} <= set(d.value.columns)]
    assert len(tables) == 1, [list(d.value.columns) for d in at.dataframe]
    return tables[0]


def stances(at: AppTest) -> dict[str, str]:
    """actor_iso3 -> stance key (the page shows the scale's labels)."""
    table = stance_table(at)
    keys = {c.label: c.key for c in DEFAULT_SCALE.with_none}
    return {
        code: keys[label.split(":")[0]]  # "Sources disagree: Supported; Neutral or ambivalent"
        for code, label in zip(table["actor_iso3"], table["stance"], strict=True)
    }


def selectbox(at: AppTest, label: str):
    return next(s for s in at.sidebar.selectbox if s.label == label)


def open_page(at: AppTest, page: str) -> AppTest:
    """Another page, as the sidebar's navigation opens it."""
    at.switch_page(page).run()
    no_exception(at)
    return at


def on_upload_page(at: AppTest) -> bool:
    """The upload page: its uploader and paste box, and no event picker."""
    return bool(at.sidebar.get("file_uploader")) and "Event" not in {
        s.label for s in at.sidebar.selectbox
    }


@pytest.fixture(scope="module")
def americas() -> set[str]:
    return set(country_table().query("region == 'Americas'")["iso3"])


def test_shipped_event_runs():
    at = app()
    no_exception(at)
    assert not at.error and not at.warning
    assert selectbox(at, "Event").value == EVENT
    table = stances(at)
    assert (table["RUS"], table["ARG"], table["GBR"], table["USA"]) == (
        "condemn",
        "support",
        "disagree",  # one source has it welcome the operation, another ask for the facts
        "party",
    )
    assert at.query_params["event"] == EVENT


def test_stance_filter_and_region_change_the_table(americas):
    at = app()
    everyone = stances(at)
    at.pills[0].set_value(["condemn"]).run()
    no_exception(at)
    condemned = stances(at)
    assert set(condemned.values()) == {"condemn"}
    assert set(condemned) == {k for k, v in everyone.items() if v == "condemn"}
    assert "ARG" not in condemned and "RUS" in condemned

    selectbox(at, "Region").set_value("Americas").run()
    no_exception(at)
    in_americas = stances(at)
    assert in_americas and set(in_americas) <= americas
    assert set(in_americas) == {k for k in condemned if k in americas}
    assert "RUS" not in in_americas and "BRA" in in_americas
    assert (at.query_params["stance"], at.query_params["region"]) == ("condemn", "Americas")


@pytest.mark.parametrize("shown", [["none"], []], ids=["only the silent", "no stance"])
def test_a_view_with_no_actor_on_the_timeline_still_draws(shown):
    """Only "No statement recorded" shown (or nothing): no actor's statements are left for the
    timeline; its chart keeps the As-of line, and the page shows no error."""
    at = app()
    at.pills[0].set_value(shown).run()
    no_exception(at)
    assert "Timeline" in [h.value for h in at.header]
    assert stances(at) == {}  # the silent have no row in the table


def test_url_sets_the_filters(americas):
    at = app(event=EVENT, stance="condemn", region="Americas", country="BRA")
    no_exception(at)
    assert at.pills[0].value == ["condemn"]
    assert selectbox(at, "Region").value == "Americas"
    table = stances(at)
    assert set(table.values()) == {"condemn"} and set(table) <= americas
    # Brazil's cards come first (the others may be behind "more": only the first are shown).
    cards = "".join(h.value for h in at.html)
    shown = re.findall(r'data-iso3="([^"]+)"', cards)
    assert shown[0] == "BRA" and len(set(shown) - {"BRA"}) >= 1 and set(shown) <= set(table)
    assert "BRA" not in shown[shown.index(next(c for c in shown if c != "BRA")) :]


def test_unknown_event_warns_and_falls_back():
    at = app(event="nope")
    no_exception(at)
    assert any("nope" in w.value for w in at.warning)
    assert selectbox(at, "Event").value == EVENT
    assert "RUS" in stances(at)


def test_pasted_table_with_a_bad_row():
    at = open_page(app(), UPLOAD_PAGE)
    at.sidebar.text_area[0].input(PASTED).run()
    no_exception(at)
    assert at.error, "a bad row must be reported"
    problems = [d.value for d in at.dataframe if "problem" in d.value.columns]
    assert len(problems) == 1
    (korea,) = problems[0].to_dict("records")
    assert korea["row"] == 3 and korea["column"] == "actor" and korea["value"] == "Korea"
    assert "KOR" in korea["problem"] and "PRK" in korea["problem"]
    # Every good row is still mapped; the ambiguous one is not guessed.
    assert stances(at) == {"FRA": "condemn", "ARG": "support"}


def test_the_upload_page_link_reopens_the_upload_page():
    at = open_page(app(), UPLOAD_PAGE)
    assert on_upload_page(at)
    assert at.query_params.get("event") != EVENT, dict(at.query_params)
    at.sidebar.text_area[0].input(PASTED).run()
    # The page's address is its path (/upload); the older link, ?event=upload, opens it too,
    # with the view's other parameters.
    reopened = app(**at.query_params, event="upload", region="Europe")
    no_exception(reopened)
    assert on_upload_page(reopened), dict(reopened.query_params)
    assert reopened.query_params.get("region") == "Europe"


def test_an_event_folder_named_like_a_page_is_still_reachable(events_env):
    from tests.conftest import GOOD_ROWS, write_event

    for name in ("upload", "draft"):
        write_event(events_env, name, GOOD_ROWS)
    for name in ("upload", "draft"):
        at = app(event=name)
        no_exception(at)
        assert selectbox(at, "Event").value == name
        assert stances(at)["FRA"] == "neutral"
    assert on_upload_page(open_page(app(event="draft"), UPLOAD_PAGE))


def test_outside_text_is_never_live_markdown(events_env):
    """An event's title, actor names and the ?event= value cannot load images or make links."""
    from reactionmap.draw.cards import escape_markdown
    from tests.conftest import GOOD_ROWS, write_event

    evil = "![x](https://evil.example/t.png) [verify](https://evil.example/login)"
    toml = f'id = "evil"\ntitle = "{evil}"\ndate = "2026-03-01"\nsummary = "{evil}"\n'
    rows = [dict(r) for r in GOOD_ROWS] + [
        {**GOOD_ROWS[0], "statement_id": "z", "actor": f"{evil} Spain", "actor_iso3": "ESP",
         "date": "", "date_precision": "unknown"}
    ]  # fmt: skip
    write_event(events_env, "evil", rows, toml)
    at = app(event="evil")
    no_exception(at)
    assert at.title[0].value == escape_markdown(evil)
    markdown = [m.value for m in (*at.markdown, *at.caption, *at.warning)]
    assert not [m for m in markdown if "](https://evil" in m]  # no live link or image
    assert any(escape_markdown(evil) in m for m in markdown)  # shown, as text
    warned = app(event=evil)
    assert all("](https://evil" not in w.value for w in warned.warning)


def test_a_changed_or_deleted_file_is_never_shown_stale(events_env):
    """The cache follows the files' content, not their times."""
    import os

    from tests.conftest import GOOD_ROWS, write_event

    folder = write_event(events_env, "fresh", GOOD_ROWS)
    toml, csv_path = folder / "event.toml", folder / "statements.csv"
    os.utime(csv_path, (1_700_000_000, 1_700_000_000))
    os.utime(toml, (1_700_000_100, 1_700_000_100))  # the newest file, never touched below
    at = app(event="fresh")
    assert stances(at)["FRA"] == "neutral"
    # Rewritten with the same time: France now supports.
    csv_path.write_text(
        csv_path.read_text(encoding="utf-8").replace(",neutral,", ",support,"), encoding="utf-8"
    )
    os.utime(csv_path, (1_700_000_000, 1_700_000_000))
    at.run()
    no_exception(at)
    assert stances(at)["FRA"] == "support"
    csv_path.unlink()
    at.run()
    no_exception(at)
    problems = [d.value for d in at.dataframe if "problem" in d.value.columns]
    assert problems and list(problems[0]["problem"]) == ["file is missing"]
    assert not [d for d in at.dataframe if "actor_iso3" in d.value.columns]  # no stale map


def test_stance_table_links_only_safe_addresses(events_env):
    from tests.conftest import GOOD_ROWS, write_event

    rows = [dict(r) for r in GOOD_ROWS]
    rows[1]["source_url"] = "javascript:alert(1)"
    rows[3]["source_url"] = 'http://evil.example/">x'
    write_event(events_env, "links", rows)
    at = app(event="links")
    no_exception(at)
    from reactionmap.contract.cells import safe_url

    table = stance_table(at).set_index("actor_iso3")
    links = [u for u in table["source_url"] if isinstance(u, str) and u]
    assert not [u for u in links if not safe_url(u)], links
    assert "javascript:alert(1)" in table.loc["DEU", "source_name"]  # shown, as text
    assert 'http://evil.example/">x' in table.loc["CIV", "source_name"]


def test_switching_events_keeps_the_table_brought_in():
    at = open_page(app(), UPLOAD_PAGE)
    at.sidebar.text_area[0].input(PASTED).run()
    assert stances(at) == {"FRA": "condemn", "ARG": "support"}
    open_page(at, MAP_PAGE)
    assert selectbox(at, "Event").value == EVENT
    assert "RUS" in stances(at)
    open_page(at, UPLOAD_PAGE)
    assert stances(at) == {"FRA": "condemn", "ARG": "support"}
