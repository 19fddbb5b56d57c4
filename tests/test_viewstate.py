"""The view state's URL form: what a query gives, what it writes back, and bad values."""

import pandas as pd
import pytest

from reactionmap.view.state import KEYS, ViewState, event_to_show, is_phone, page_asked

STANCES = ("condemn", "concern", "support", "none")
REGIONS = ("Africa", "Europe")
ORGS = ("EU", "AU")
DATES = (pd.Timestamp("2026-01-03"), pd.Timestamp("2026-02-10"))


def parse(params, **kwargs):
    allowed = dict(stances=STANCES, regions=REGIONS, organizations=ORGS, dates=DATES)
    return ViewState.from_query(params, **(allowed | kwargs))


def test_a_full_view_round_trips():
    state = ViewState(
        event="ukraine",
        as_of=pd.Timestamp("2026-01-20"),
        stances=("condemn", "support"),
        region="Europe",
        country="FRA",
        inherit=("EU",),
    )
    query = state.to_query(STANCES)
    assert query == {
        "event": "ukraine",
        "as_of": "2026-01-20",
        "stance": "condemn,support",
        "region": "Europe",
        "country": "FRA",
        "inherit": "EU",
    }
    assert parse(query) == state
    assert hash(parse(query)) == hash(state)  # a cache can key on it


def test_the_default_view_writes_nothing_but_its_event_and_date():
    state = parse({"event": "ukraine"})
    assert state.stances == STANCES  # every stance
    assert state.region == "" and state.country == "" and state.inherit == ()
    assert state.as_of is None
    query = state.to_query(STANCES)
    assert set(query) == set(KEYS)
    assert {k for k, v in query.items() if v} == {"event"}
    assert ViewState(as_of=DATES[1], stances=STANCES).to_query(STANCES)["as_of"] == "2026-02-10"


def test_an_undated_event_never_claims_a_date():
    state = ViewState(event="x", as_of=pd.Timestamp("2026-01-20"), stances=STANCES)
    assert state.to_query(STANCES, dated=False)["as_of"] == ""


def test_unknown_stance_keys_are_dropped():
    assert parse({"stance": "condemn,bogus,,support"}).stances == ("condemn", "support")
    assert parse({"stance": "bogus,Condemn"}).stances == STANCES  # none left: every stance


@pytest.mark.parametrize("bad", ["yesterday", "2026-13-01", "0001-01-01", "9999-12-31", "2026"])
def test_bad_dates_are_ignored(bad):
    assert parse({"as_of": bad}).as_of is None


def test_a_date_outside_the_event_is_clamped():
    assert parse({"as_of": "2025-06-01"}).as_of == DATES[0]
    assert parse({"as_of": "2027-06-01"}).as_of == DATES[1]
    assert parse({"as_of": "2026-01-20"}).as_of == pd.Timestamp("2026-01-20")


@pytest.mark.parametrize("region", ["Atlantis", "World", "europe", ""])
def test_an_unknown_region_is_the_world(region):
    assert parse({"region": region}).region == ""


def test_unknown_organizations_are_dropped():
    assert parse({"inherit": "EU,NATO,AU,EU"}).inherit == ("EU", "AU")


def test_unchecked_parse_keeps_what_the_url_says():
    state = ViewState.from_query({"event": " upload ", "stance": "a,b"}, event="first")
    assert state.event == "upload" and state.stances == ("a", "b")
    assert ViewState.from_query({}, event="first").event == "first"


def test_filters_drop_only_the_selection():
    state = parse({"event": "e", "country": "FRA", "region": "Africa"})
    assert state.filters().country == "" and state.filters().region == "Africa"
    assert state.filters() == parse({"event": "e", "region": "Africa"})


# ---- which page a URL asks for, which event the map shows, a phone -------------------------------
def test_older_links_open_the_upload_and_draft_pages():
    events = ["venezuela-2026-01", "unga-es-11-1"]
    assert page_asked({}, events) == ("map", {})
    assert page_asked({"event": "unga-es-11-1", "region": "Europe"}, events) == ("map", {})
    assert page_asked({"event": "draft", "region": "Europe"}, events) == ("draft", {})
    # The upload page maps a table with the view's own parameters; unknown ones are dropped.
    asked = {"event": " upload ", "as_of": "2026-01-04", "stance": "yes", "utm": "x"}
    assert page_asked(asked, events) == ("upload", {"as_of": "2026-01-04", "stance": "yes"})
    assert page_asked({"event": "nope"}, events) == ("map", {})  # the map warns


def test_an_event_folder_named_like_a_page_is_the_map():
    assert page_asked({"event": "upload"}, ["upload", "draft"]) == ("map", {})
    assert page_asked({"event": "draft"}, ["upload", "draft"]) == ("map", {})
    assert page_asked({"event": "draft"}, ["upload"]) == ("draft", {})


def test_with_no_event_to_map_the_upload_page_opens():
    assert page_asked({}, []) == ("upload", {})
    assert page_asked({"event": "gone", "region": "Asia"}, []) == ("upload", {"region": "Asia"})
    assert page_asked({"event": "draft"}, []) == ("draft", {})


def test_the_event_shown_is_the_asked_one_then_the_last_then_the_first():
    events = ["a", "b", "c"]
    assert event_to_show("b", events) == ("b", "")
    assert event_to_show(None, events) == ("a", "")
    assert event_to_show("", events, last="c") == ("c", "")  # back from another page
    assert event_to_show("", events, last="gone") == ("a", "")
    assert event_to_show("nope", events, last="c") == ("a", "nope")  # warned, the first shown
    assert event_to_show(None, events, opening="b") == ("b", "")  # the newest event opens
    assert event_to_show("nope", events, opening="b") == ("b", "nope")
    assert event_to_show(None, events, opening="gone") == ("a", "")


@pytest.mark.parametrize(
    ("agent", "phone"),
    [
        ("Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
         "Chrome/131.0.0.0 Mobile Safari/537.36", True),
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
         "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", True),
        ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
         "Chrome/131.0.0.0 Safari/537.36", False),
        ("Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) "
         "Chrome/131.0.0.0 Safari/537.36", False),  # a tablet: the desktop map
        ("", False),
        (None, False),
    ],
)  # fmt: skip
def test_a_phone_is_told_by_its_user_agent(agent, phone):
    assert is_phone(agent) is phone
