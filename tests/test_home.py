"""The events list (pages/home.py) through AppTest, and its small maps: the app opens on the
list with more than one event, on the map with one, and each entry links to its event."""

from __future__ import annotations

import re
import shutil

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from reactionmap.contract.scale import NO_STATEMENT_KEY
from reactionmap.intake.events import load_event
from reactionmap.publish import thumbnail
from reactionmap.view.compose import countries_only, event_stance_table
from tests.conftest import GOOD_ROWS, REPO, write_event

APP = REPO / "app.py"
MAP_PAGE = "src/reactionmap/pages/event_map.py"
HOME_PAGE = "src/reactionmap/pages/home.py"
MAP_URL = "map"  # the map page's url_path: Streamlit names a page by its hash
# The shipped events, newest first: (id, title, the caption under it).
SHIPPED = [
    ("venezuela-2026-01", "US military operation in Venezuela and capture of Nicolás Maduro",
     "3 January 2026 · 34 actors · 100 statements"),
    ("soleimani-2020-01", "US drone strike at Baghdad airport that killed Qasem Soleimani",
     "3 January 2020 · 37 actors · 37 statements"),
]  # fmt: skip


def app(**params: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def links(at: AppTest) -> list[tuple[str, str, str]]:
    """Each page link of the list: (label, the page's script hash, its query string)."""
    return [(p.proto.label, p.proto.page_script_hash, p.proto.query_string)
            for p in at.get("page_link")]  # fmt: skip


def on_list(at: AppTest) -> bool:
    return [t.value for t in at.title] == ["Events"]


def on_map(at: AppTest, title: str) -> bool:
    """The event map of ``title``: its title, and the sidebar's event picker."""
    pickers = [s.label for s in at.sidebar.selectbox]
    return [t.value for t in at.title] == [title] and "Event" in pickers


def images(at: AppTest) -> list[str]:
    return [h.proto.body for h in at.get("html") if "<img" in h.proto.body]


def test_two_events_open_on_the_list_newest_first_each_linking_to_its_map():
    at = app()
    assert on_list(at)
    assert links(at) == [
        (title, calc_hash(MAP_URL), f"event={event_id}") for event_id, title, _ in SHIPPED
    ]
    assert [c.value for c in at.caption if "·" in c.value] == [c for *_, c in SHIPPED]
    # One small map per event, its alt text naming it.
    alts = [re.search(r'alt="([^"]*)"', body).group(1) for body in images(at)]
    assert alts == [
        f"World map of the reactions to {title}, coloured by stance" for _, title, _ in SHIPPED
    ]
    assert all('src="data:image/png;base64,' in body for body in images(at))


def test_a_link_of_the_list_opens_its_event_and_the_map_stays_reachable():
    at = app()
    for event_id, title, _ in [*reversed(SHIPPED), *SHIPPED]:
        assert on_list(at)
        at.query_params.clear()
        at.query_params["event"] = event_id  # what the link opens: the map, ?event=<id>
        at.switch_page(MAP_PAGE).run()
        assert not at.exception
        assert on_map(at, title)
        at.query_params.clear()
        at.switch_page(HOME_PAGE).run()  # the sidebar's *Events*
    # The sidebar's *Event map*, its URL naming no event: the map, not the list once more.
    at.switch_page(MAP_PAGE).run()
    assert on_map(at, SHIPPED[1][1])  # the event shown last in this session


@pytest.mark.parametrize(("event_id", "title", "_"), SHIPPED)
def test_a_link_naming_an_event_opens_its_map_even_with_two_events(event_id, title, _):
    assert on_map(app(event=event_id), title)


def test_one_event_opens_on_its_map_and_lists_no_events_page(events_env):
    shutil.copytree(REPO / "data" / "events" / SHIPPED[1][0], events_env / SHIPPED[1][0])
    at = app()
    assert on_map(at, SHIPPED[1][1])
    assert not at.get("page_link")


def test_a_broken_event_is_listed_with_its_problem(events_env):
    write_event(events_env, "good-one", GOOD_ROWS)
    (write_event(events_env, "broken", GOOD_ROWS) / "event.toml").write_text(
        "title = [unclosed\n", encoding="utf-8"
    )
    at = app()
    assert on_list(at)
    assert [label for label, *_ in links(at)] == ["A test event", "broken"]
    # As read: the Markdown source without its escapes and word joiners (draw.cards).
    warnings = [re.sub(r"\\(.)", r"\1", w.value).replace("\u2060", "") for w in at.warning]
    assert len(warnings) == 1 and "broken/event.toml: not valid TOML" in warnings[0]
    assert "Date not given" in [c.value for c in at.caption if "·" in c.value][1]


def test_the_list_follows_a_changed_file(events_env):
    folder = write_event(events_env, "first", GOOD_ROWS)
    write_event(events_env, "second", GOOD_ROWS[:1])
    at = app()
    before = [c.value for c in at.caption if "·" in c.value], images(at)
    statements = folder / "statements.csv"
    text = statements.read_text(encoding="utf-8").splitlines()
    statements.write_text("\n".join(text[:-1]) + "\n", encoding="utf-8")  # the EU's row gone
    at = app()
    after = [c.value for c in at.caption if "·" in c.value], images(at)
    assert before[0][0] == "1 March 2026 · 4 actors · 5 statements"
    assert after[0][0] == "1 March 2026 · 3 actors · 4 statements"
    assert before[0][1] == after[0][1]
    assert before[1][1] == after[1][1]  # the other event's map drawn once, from the cache


# ---- the small map ---------------------------------------------------------------------------
@pytest.mark.parametrize("event_id", [e for e, *_ in SHIPPED])
def test_the_small_map_colours_every_country_as_the_map_does(event_id):
    event = load_event(event_id)
    fills = thumbnail.fills(event)
    table = countries_only(event_stance_table(event))
    stances = dict(zip(table["actor_iso3"], table["stance"], strict=True))
    expected = {
        code: event.scale.color(stances.get(code, NO_STATEMENT_KEY)) for code in fills.index
    }
    assert fills.to_dict() == expected
    drawn = set(fills.index)
    assert {code for code in stances if code in drawn}, "no country of the event drawn"
    assert len(drawn) > 190  # the whole world, not the event's countries alone


def test_the_small_map_is_a_small_png():
    png = thumbnail.thumbnail_png(load_event(SHIPPED[0][0]))
    assert png.startswith(b"\x89PNG")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert width == thumbnail.WIDTH_PX and 0.4 < height / width < 0.6
