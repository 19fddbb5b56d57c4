"""The drafter's tenth round of general rules (issue 18): officials' titles and ministries as
English copy keeps them in other languages, a factbox's leads in capitals, reporting verbs of a
translated register, Somaliland's own code, understanding the acting side's position, calls to
go back to talking or to hold back, firm support, refusing to recognise a decision, thanks, an
officer after "where", and a modal before a verb. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from tests.drafted import coded, rows_of

RULING = {"targets": ["ECU"]}  # an Ecuadorian court annuls a vote: no one is acted against
VETO = {"targets": ["CHN"]}  # a veto cast at the UN: it falls on a text, not on a state
SECESSION = {"targets": ["KEN", "SOM"], "against": ["SOM"]}  # Kenya recognises a breakaway
DRILLS = {"targets": ["RUS", "EST"], "against": ["EST"]}  # drills around a neighbour


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("The Cancillería of Uruguay rejected the annulment.", "URY"),
        ("The Cancilleria of Uruguay rejected the annulment.", "URY"),
        ("The Canciller of Panama, Mr. Luis Otero, rejected the annulment.", "PAN"),
        ("Chile's canciller rejected the annulment.", "CHL"),
        ("The Vicecanciller of Honduras rejected the annulment.", "HND"),
        ("The Palacio San Martín rejected the annulment.", "ARG"),
        ("Torre Tagle rejected the annulment.", "PER"),
        ("The Palacio San Carlos rejected the annulment.", "COL"),
        ("The Auswärtiges Amt rejected the annulment.", "DEU"),
        ("The Gaimusho rejected the annulment.", "JPN"),
        ("Los Pinos rejected the annulment.", "MEX"),
        ("The Palacio de Santa Cruz rejected the annulment.", "ESP"),
        ("La Moneda rejected the annulment.", "CHL"),
        ("Smolenskaya Square rejected the annulment.", "RUS"),
        ("India's MFA rejected the annulment.", "IND"),
    ],
)
def test_ministries_and_titles_in_other_languages_speak_for_their_state(sentence, code):
    assert coded(sentence, **RULING) == {code: "condemn"}


@pytest.mark.parametrize(
    "verb", ["indicated", "manifested", "conveyed", "transmitted", "signalled", "communicated"]
)
def test_a_translated_registers_reporting_verbs_report(verb):
    text = f'The Government of Peru {verb} that it "rejects the annulment".'
    assert coded(text, **RULING) == {"PER": "condemn"}


def test_a_factbox_lead_in_capitals_names_the_entrys_speaker():
    text = (
        "Reactions to the veto:\n\n"
        '* UNITED STATES: "The veto is shameful," the mission said.\n\n'
        '* NEW ZEALAND: Foreign Minister Ana Reti called the veto "disgraceful".\n\n'
        '* UNITED KINGDOM: The foreign secretary said he "deeply regrets" the veto.\n\n'
        "* NORWAY, FINLAND: In a joint statement, Norway and Finland deplored the veto."
    )
    assert coded(text, **VETO) == {
        "USA": "condemn",
        "NZL": "condemn",
        "GBR": "concern",
        "NOR": "condemn",
        "FIN": "condemn",
    }


def test_a_lead_in_capitals_with_a_verbs_spelling_is_still_a_lead():
    # "STATES" is spelt as the verb "states": a lead in capitals has no verb.
    text = '* UNITED STATES: Ambassador Ruth Kane called the veto "disgraceful".'
    assert coded(text, **VETO) == {"USA": "condemn"}


def test_somaliland_is_its_own_actor():
    text = 'Somaliland\'s foreign ministry said it "welcomes the recognition".'
    assert coded(text, **SECESSION) == {"SOL": "support"}


def test_understanding_the_acting_sides_position_supports_it():
    text = (
        'Laos said it "understands the position" of China. '
        'Nepal said it "shows understanding for" the veto.'
    )
    assert coded(text, **VETO) == {"LAO": "support", "NPL": "support"}


def test_calls_to_talk_again_or_to_hold_back_are_concern():
    text = (
        'Ghana urged the Council to "resume negotiations". '
        'Fiji asked members to "return to the table". '
        'Peru urged both sides "to refrain from" steps that raise tensions. '
        'Chile urged the capitals "to avoid steps" that inflame the dispute.'
    )
    assert coded(text, **VETO) == dict.fromkeys(["GHA", "FJI", "PER", "CHL"], "concern")


def test_firm_support_for_the_acting_side_outweighs_a_denunciation_of_its_critics():
    text = (
        'Nicaragua expressed its "firm support" for the Ecuadorian court and denounced '
        '"the pressure of foreign capitals".'
    )
    assert coded(text, **RULING) == {"NIC": "support"}


def test_firm_support_for_the_state_acted_against_condemns():
    text = 'Egypt said it "firmly supports the unity of Somalia".'
    assert coded(text, **SECESSION) == {"EGY": "condemn"}


def test_refusing_to_recognise_a_decision_condemns_but_a_standing_policy_does_not():
    text = 'Panama said it "does not recognize the ruling".'
    assert coded(text, **RULING) == {"PAN": "condemn"}
    text = 'Japan said it "does not recognise" the breakaway region.'
    assert coded(text, **SECESSION) != {"JPN": "condemn"}


def test_a_break_of_the_constitutional_order_condemns():
    text = 'Brazil called the ruling "an alteration of the constitutional order".'
    assert coded(text, **RULING) == {"BRA": "condemn"}


def test_thanking_the_acting_side_supports_it_and_thanking_the_side_acted_against_does_not():
    text = "Somaliland's president thanked Kenya for its courage."
    assert coded(text, **SECESSION) == {"SOL": "support"}
    text = "Djibouti thanked Somalia for its restraint."
    assert coded(text, **SECESSION) == {"DJI": "condemn"}


def test_an_officer_after_where_speaks_for_the_state_of_the_sentence_before():
    text = (
        "Moldova, first of all. Crowds gathered in the capital on Monday, where President "
        'Ion Rusu called the drills "a provocation".'
    )
    assert coded(text, **DRILLS) == {"MDA": "condemn"}


def test_provocative_and_destabilising_condemn_beside_concern():
    text = (
        'Latvia said it was "gravely concerned" by the "provocative" drills. '
        'Sweden said it was "deeply concerned" and called the drills "provocative".'
    )
    assert coded(text, **DRILLS) == {"LVA": "condemn", "SWE": "condemn"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Qatar may try to mediate between the two capitals.",
        "Oman could yet seek to mediate between the two capitals.",
        "Jordan might well offer to mediate.",
    ],
)
def test_what_an_actor_may_do_is_no_statement(sentence):
    assert rows_of(sentence, **SECESSION).empty
