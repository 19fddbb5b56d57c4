"""The drafter's third round of general rules (issue 18): stances read against what a cue is
about, and an organization attacked coded by its words. Every sentence is written for these
tests."""

from __future__ import annotations

import pandas as pd

from reactionmap.draft import draft_article


def rows_of(text: str, **options) -> pd.DataFrame:
    return draft_article(text, **options).rows


def stance_of(text: str, code: str, **options) -> str:
    rows = rows_of(text, **options)
    found = rows[rows["actor_iso3"] == code]
    assert len(found) == 1, (code, list(rows["actor_iso3"]))
    return found.iloc[0]["stance"]


ATTACK = {"targets": ["MLI"], "against": ["UN"]}


def test_a_call_on_all_parties_outweighs_watching():
    text = "Kenya said it was monitoring the situation and urged all sides to talk.\n"
    assert stance_of(text, "KEN") == "concern"
    # watching alone stays neutral
    assert stance_of("Kenya said it was monitoring the situation.\n", "KEN") == "neutral"


def test_welcoming_the_arrest_of_the_authors_condemns_what_they_did():
    text = "Ghana said it welcomed the arrest of the perpetrators of the raid.\n"
    row = rows_of(text, **ATTACK).iloc[0]
    assert row["stance"] == "condemn" and "action against the event's authors" in row["notes"]
    # welcoming the arrest of someone else is no condemnation of the event
    other = "Ghana said it welcomed the arrest of the former minister.\n"
    assert stance_of(other, "GHA", **ATTACK) == "support"


def test_rejecting_accusations_against_oneself_says_nothing_of_the_event():
    text = "Kenya rejected accusations that it supports the rebels, calling them lies.\n"
    assert stance_of(text, "KEN", **ATTACK) == "neutral"
    # rejecting a condemnation of someone else still defends them
    defended = "Kenya rejected the condemnation of the government in Bamako.\n"
    assert stance_of(defended, "KEN", **ATTACK) == "support"


def test_standing_firmly_with_the_attacked_organization_condemns_the_attack():
    text = "Peru said it stands firmly with the United Nations after the raid.\n"
    assert stance_of(text, "PER", **ATTACK) == "condemn"


def test_an_organization_attacked_is_coded_by_its_words_not_as_a_party():
    text = "The UN Secretary-General condemned the raid on the base.\nMali said it regretted it.\n"
    rows = rows_of(text, **ATTACK)
    coded = dict(zip(rows["actor_iso3"], rows["stance"], strict=True))
    assert coded == {"UN": "condemn", "MLI": "party"}
    # a state attacked is still a party
    state = rows_of("Chad condemned the strike.\n", targets=["USA"], against=["TCD"])
    assert list(state["stance"]) == ["party"]


def test_election_calls_and_refusals():
    assert stance_of("Peru said it supports the call for a recount.\n", "PER") == "concern"
    assert stance_of("Peru said it cannot accept the announced figures.\n", "PER") == "condemn"
    assert stance_of("Peru said it had taken note of the figures.\n", "PER") == "neutral"
