"""The view state's URL form: what a query gives, what it writes back, and bad values."""

import pandas as pd
import pytest

from reactionmap.view.state import KEYS, ViewState

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
