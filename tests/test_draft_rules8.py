"""The drafter's eighth round of general rules (issue 18): a call for a detained person's
release, reproach words ("shameful"), sharing a party's position, siding with a state that is
no party, opposing penalties on the state that acted, ministers of an organization and a
state's news agency, a joint statement issued by one member, and a headline with two speakers.
Every sentence is written for these tests."""

from __future__ import annotations

from tests.drafted import coded, rows_of

JAILING = {"targets": ["AZE"]}  # a court in Azerbaijan jails a foreign aid worker
ROCKET = {"targets": ["IRN", "ISR"], "against": ["ISR"]}  # a rocket fired at Israel


def test_a_call_for_his_release_condemns():
    assert coded("Norway and Chile also called for his release.", **JAILING) == {
        "NOR": "condemn",
        "CHL": "condemn",
    }


def test_a_call_for_the_release_of_a_named_prisoner_condemns():
    text = 'Ireland said it "calls for the release of Tomas Brennan and all those held with him".'
    assert coded(text, **JAILING) == {"IRL": "condemn"}


def test_a_call_on_the_jailer_to_free_someone_condemns():
    assert coded(
        'Chile\'s embassy wrote that Chile "calls on Baku to free Tomas Brennan".', **JAILING
    ) == {"CHL": "condemn"}


def test_a_demand_that_he_be_freed_condemns():
    assert coded("Norway's foreign minister demanded that Brennan be freed.", **JAILING) == {
        "NOR": "condemn"
    }


def test_a_call_for_the_release_of_a_report_is_outweighed_by_a_welcome():
    text = "Norway welcomed the release of the court's written ruling."
    assert coded(text, **JAILING) == {"NOR": "support"}


def test_a_shameful_verdict_condemns():
    text = 'Ireland\'s foreign ministry called it "a shameful and disgraceful ruling".'
    assert coded(text, **JAILING) == {"IRL": "condemn"}


def test_sharing_the_position_of_the_state_that_acted_supports_it():
    text = 'Belarus said it "fully shares the position of our Azerbaijani friends".'
    assert coded(text, **JAILING) == {"BLR": "support"}


def test_standing_with_a_state_that_is_no_party_gives_way_to_a_demand_for_release():
    text = (
        'Norway\'s minister said Norway "stands with Ireland" and demanded that Brennan be freed.'
    )
    rows = rows_of(text, **JAILING)
    assert dict(zip(rows["actor_iso3"], rows["stance"], strict=True)) == {"NOR": "condemn"}
    assert "sides with 'Ireland', no party to the event" in rows.loc[0, "notes"]


def test_standing_with_the_state_acted_against_still_opposes_the_action():
    assert coded('Canada said it "stands with Israel".', **ROCKET) == {"CAN": "condemn"}


def test_standing_with_the_state_that_acted_still_supports_it():
    assert coded('Syria said it "stands with Iran".', **ROCKET) == {"SYR": "support"}


def test_opposing_sanctions_against_the_state_that_acted_supports_it():
    text = 'Syria "will oppose any move to impose new sanctions against Tehran", its envoy said.'
    rows = rows_of(text, **ROCKET)
    assert dict(zip(rows["actor_iso3"], rows["stance"], strict=True)) == {"SYR": "support"}
    assert "a penalty on a party that acted" in rows.loc[0, "notes"]


def test_opposing_sanctions_against_the_state_acted_against_still_condemns():
    text = (
        'Syria "will oppose any new sanctions against Israel\'s enemies and its attacks", it said.'
    )
    assert coded(text, **ROCKET) == {"SYR": "condemn"}


def test_the_foreign_ministers_of_an_organization_speak_for_it():
    text = "The foreign ministers of the Arab League said they were deeply concerned."
    assert coded(text, **ROCKET) == {"LAS": "concern"}


def test_a_joint_statement_issued_by_one_member_is_the_organizations():
    text = (
        "The foreign ministers of the Group of Seven said in a joint statement issued by Italy, "
        'which chairs the group, that they "condemn the attack".'
    )
    assert coded(text, **ROCKET) == {"G7": "condemn"}


def test_a_statement_issued_by_a_member_as_chair_is_not_that_members():
    text = (
        "The African Union said it was alarmed. The statement, issued by Angola as the union's "
        "chair, did not name anyone."
    )
    assert coded(text, **ROCKET) == {"AU": "concern"}


def test_the_acting_states_news_agency_speaks_for_its_government():
    text = 'Iran\'s state news agency IRNA said on Monday the strike was "a legitimate response".'
    assert coded(text, **ROCKET) == {"IRN": "party"}


def test_a_headline_with_two_speakers_gives_each_its_own_verb():
    text = "Britain and France condemn, India urges restraint"
    assert coded(text, **ROCKET) == {"GBR": "condemn", "FRA": "condemn", "IND": "concern"}


def test_a_list_of_names_before_one_verb_stays_one_clause():
    assert coded("Britain, France condemned the attack.", **ROCKET) == {
        "GBR": "condemn",
        "FRA": "condemn",
    }
