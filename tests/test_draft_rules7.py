"""The drafter's seventh round of general rules (issue 18): a regional organization that was
missing (SADC) and its executive secretary, a quotation before the verb that reports it, a verb
between an officer and the quotation it delivers, a former officer "of" a state, refusing to
recognise, a cautious welcome, backing someone's call, appreciating and saluting, and "all
concerned". Every sentence is written for these tests."""

from __future__ import annotations

from tests.drafted import coded, rows_of

VOTE = {"targets": ["ZMB"]}  # an election in Zambia: its result declared
TRUCE = {"targets": ["PER", "ECU"]}  # a truce signed between two states


def test_the_southern_african_development_community_is_an_organization():
    text = "The Southern African Development Community said it was worried by the delays."
    assert coded(text, **VOTE) == {"SADC": "concern"}


def test_an_officers_quotation_before_the_verb_that_reports_it_is_the_organizations():
    text = (
        'SADC\'s executive secretary, Ruth Mwale, "warmly congratulates the winner", the '
        "regional bloc said in a statement."
    )
    rows = rows_of(text, **VOTE)
    assert list(rows["actor_iso3"]) == ["SADC"]
    assert rows.loc[0, "stance"] == "support"
    assert rows.loc[0, "quote"] == "warmly congratulates the winner"


def test_a_quotation_between_its_speaker_and_the_spokesperson_who_relayed_it():
    text = (
        'The UN Secretary-General "welcomes the truce signed today", his spokesperson, '
        "Amina Bello, said in Geneva."
    )
    assert coded(text, **TRUCE) == {"UN": "support"}


def test_a_verb_between_an_officer_and_a_quoted_stance_is_a_statement():
    text = "Zambia's neighbour Malawi's foreign ministry extended \"its warm congratulations\"."
    assert coded(text, **VOTE) == {"MWI": "support"}


def test_a_verb_between_an_officer_and_a_quotation_without_a_cue_is_no_statement():
    assert coded('Malawi\'s foreign ministry extended "the visa waiver" by a year.', **VOTE) == {}


def test_a_former_officer_of_a_state_does_not_speak_for_it():
    text = (
        "The Commonwealth's observers, led by a former president of Ghana, Kofi Mensah, said "
        "the count was orderly."
    )
    assert "GHA" not in coded(text, **VOTE)
    # a serving officer "of" a state still speaks for it
    assert coded("President Kofi Mensah of Ghana said the count was orderly.", **VOTE) == {
        "GHA": "neutral"
    }


def test_refusing_to_recognise_a_result_condemns_it():
    text = (
        'Namibia said it "cannot recognise a count carried out in the dark" and called for a '
        "new vote."
    )
    assert coded(text, **VOTE) == {"NAM": "condemn"}
    assert coded("Angola said it will not recognize the result.", **VOTE) == {"AGO": "condemn"}
    # a standing policy towards a government, told as background, is no reaction to the event
    text = (
        "Angola's foreign ministry said it was closely monitoring the count, noting that it "
        "does not recognise the government in exile."
    )
    assert coded(text, **VOTE) == {"AGO": "neutral"}


def test_a_cautious_welcome_is_concern():
    assert coded("Chile cautiously welcomed the truce.", **TRUCE) == {"CHL": "concern"}
    assert coded("Chile welcomed the truce.", **TRUCE) == {"CHL": "support"}


def test_backing_someones_call_takes_the_stance_of_what_is_called_for():
    text = "Spain backed the observers' call for a recount in two provinces."
    assert coded(text, **VOTE) == {"ESP": "concern"}
    assert coded("Spain supports calls for restraint.", **VOTE) == {"ESP": "concern"}
    assert coded("Spain backed the truce.", **TRUCE) == {"ESP": "support"}


def test_appreciating_and_saluting_support_and_all_concerned_is_no_worry():
    text = (
        'Bolivia\'s foreign minister said Bolivia "deeply appreciates the work of all concerned".'
    )
    assert coded(text, **TRUCE) == {"BOL": "support"}
    assert coded('Brazil\'s president said: "I salute both leaders."', **TRUCE) == {
        "BRA": "support"
    }
    assert coded("Uruguay said it was concerned by the shelling.", **TRUCE) == {"URY": "concern"}
