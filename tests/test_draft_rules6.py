"""The drafter's sixth round of general rules (issue 18): officers named after a possessive and
a capitalised word or after a long remit, name particles before a hyphen, a second officer
after ", and", list entries (an office any state may bear, an entry that is only a quotation,
a former officer), a post quoted whole after a colon, "called for", an offer to mediate, and
welcoming a release or siding with the people an act was taken against. Every sentence is
written for these tests."""

from __future__ import annotations

from tests.drafted import coded, rows_of

SIEGE = {"targets": ["KEN", "NOR"], "against": ["NOR"]}  # Norway's consulate seized in Kenya
TREATY = {"targets": ["PER", "ECU"]}  # a treaty signed between two states


def test_an_office_after_a_possessive_and_a_capitalised_word_speaks_for_the_state():
    text = "Austria's Federal Foreign Office condemned the seizure of the consulate."
    assert coded(text, **SIEGE) == {"AUT": "condemn"}  # not the UK's Foreign Office


def test_a_name_with_particles_before_a_hyphen_and_a_long_remit_reaches_the_verb():
    text = (
        "Oman's minister of state for foreign affairs, Salim bin Hamad al-Busaidi, said that "
        "Muscat condemned the raid."
    )
    rows = rows_of(text, **SIEGE)
    assert list(rows["actor_iso3"]) == ["OMN"]
    assert rows.loc[0, "speaker"] == "Salim bin Hamad al-Busaidi"


def test_a_second_officer_after_a_comma_and_and_is_a_clause_of_its_own():
    text = (
        'At the ceremony, Peru\'s foreign minister, Rosa Quispe, called it "a new dawn",[4] and '
        'Ecuador\'s president, Diego Andrade, said his country had "chosen its neighbour".[5]'
    )
    rows = rows_of(text, **TREATY)
    assert dict(zip(rows["actor_iso3"], rows["quote"], strict=True)) == {
        "PER": "a new dawn",
        "ECU": "chosen its neighbour",
    }


def test_a_list_of_names_joined_by_a_comma_and_and_stays_one_clause():
    text = "Chile, Uruguay, and Paraguay welcomed the treaty."
    assert coded(text, **TREATY) == {"CHL": "support", "URY": "support", "PRY": "support"}


ENTRIES = """Reactions

Countries

Bolivia – The Foreign Office welcomed the treaty and praised both presidents.[7]

Colombia – "We welcome this treaty between two friends of Colombia."[8]

Venezuela – Former President Ana Torres, speaking in a personal capacity, called the treaty "a surrender".[9]

Panama – Panama welcomed the treaty.[10]
"""


def test_list_entries_give_their_lead_the_office_and_the_bare_quotation_but_not_a_former_officer():
    rows = rows_of(ENTRIES, **TREATY)
    assert dict(zip(rows["actor_iso3"], rows["stance"], strict=True)) == {
        "BOL": "support",  # "The Foreign Office" under Bolivia's entry is Bolivia's, not the UK's
        "COL": "support",  # an entry that is only a quotation: its lead speaks
        "PAN": "support",  # Venezuela's entry is a former president's: no government spoke
    }
    assert "only a quotation" in rows.set_index("actor_iso3").loc["COL", "notes"]


POST = """Norway's consulate in Mombasa was seized on Monday.

Denmark's foreign minister, Lars Holm, posted on X this evening:

"Horrified by the attack on the Norwegian consulate. Denmark stands with Norway."

Finland said it was following the situation.
"""


def test_a_post_quoted_whole_after_a_colon_is_the_speakers():
    rows = rows_of(POST, **SIEGE).set_index("actor_iso3")
    assert rows.loc["DNK", "stance"] == "condemn"
    assert rows.loc["DNK", "quote"].startswith("Horrified by the attack")


def test_called_for_reads_concern_and_yields_to_the_cue_it_calls_for():
    assert coded("Brazil called for the safety of every diplomat to be guaranteed.", **SIEGE) == {
        "BRA": "concern"
    }
    # the call's object decides: "called for ... immediate release" is the demand's condemn
    assert coded("Brazil called for their immediate release.", **SIEGE) == {"BRA": "condemn"}
    assert coded("Brazil called for calm.", **SIEGE) == {"BRA": "concern"}


def test_a_call_whose_object_is_a_cue_adds_no_cue_of_its_own():
    text = (
        '"Brazil backs the elected government of Norway and calls for its immediate release," '
        'Brazil\'s foreign minister said, adding that Brasilia was "deeply troubled".'
    )
    rows = rows_of(text, **SIEGE)
    assert rows.loc[0, "stance"] == "condemn"
    assert "'calls for'" not in rows.loc[0, "notes"]


def test_an_offer_to_mediate_and_nothing_else_is_neutral():
    assert coded("Ghana said it had offered to mediate between the sides.", **SIEGE) == {
        "GHA": "neutral"
    }
    assert coded("Ghana said it was alarmed and offered to mediate.", **SIEGE) == {"GHA": "concern"}


def test_welcoming_the_release_of_the_hostages_opposes_the_act():
    rows = rows_of("Morocco welcomed the release of the hostages on Tuesday.", **SIEGE)
    assert rows.loc[0, "stance"] == "condemn"
    assert "the end of the action for those it held" in rows.loc[0, "notes"]
    # with no event to read it against, a welcome stays a welcome
    assert coded("Morocco welcomed the release of the hostages.") == {"MAR": "support"}
    # a release of someone else ("of the report") is no end of the act
    assert coded("Morocco welcomed the release of the report.", **SIEGE) == {"MAR": "support"}


def test_solidarity_with_the_people_of_the_side_attacked_by_their_demonym_opposes_the_act():
    text = 'Iceland said it stood "in full solidarity with our Norwegian colleagues".'
    assert coded(text, **SIEGE) == {"ISL": "condemn"}
    # soldiers are not the people the act was taken against
    text = "Iceland said it supported the Norwegian soldiers in the region."
    assert coded(text, **SIEGE) == {"ISL": "support"}
