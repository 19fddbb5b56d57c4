"""The drafter's eleventh round of general rules, part B (issue 18): wording and speakers. An
aside between an actor and its quotation, anonymous sources and rumours, reference marks, a
foiled act whose only party is the state it was made against, the siblings of the cues the
fourteenth, fifteenth and seventeenth batches lacked, and ministers titled "secretary". Every
sentence is written for these tests."""

from __future__ import annotations

import pytest

from reactionmap.draft.lexicon import lexicon
from tests.drafted import coded, one, rows_of

BLOCKADE = {"targets": ["TUR", "CYP"], "against": ["CYP"]}  # a naval blockade of a state
COUP = {"targets": ["GMB"], "against": ["GMB"]}  # a foiled coup: the state is the only party
BAN = {"targets": ["IND", "BGD"], "against": ["BGD"]}  # an export ban aimed at one state


@pytest.mark.parametrize(
    ("sentence", "code", "stance"),
    [
        (
            'The Southern African Development Community (SADC) "condemns the blockade", its '
            "executive secretary said.",
            "SADC",
            "condemn",
        ),
        ('Malawi\'s government, for its part, "condemns the blockade", its ministry said.', "MWI", "condemn"),
        ('Zambia, a partner of both, "is deeply concerned", its foreign ministry said.', "ZMB", "concern"),
        (
            'Kenya, which has ships in the area, was "deeply concerned", its defence minister said.',
            "KEN",
            "concern",
        ),
    ],
)  # fmt: skip
def test_an_aside_between_the_actor_and_its_quotation_keeps_the_quotation_its(
    sentence, code, stance
):
    # after another actor's sentence: "its ministry" is the opening actor's, not the last one's
    text = f"Ghana condemned the blockade on Monday. {sentence}"
    assert coded(text, **BLOCKADE) == {"GHA": "condemn", code: stance}


@pytest.mark.parametrize(
    "sentence",
    [
        "Diplomats in Nairobi said privately that the blockade was unacceptable.",
        'A Kenyan official, speaking on condition of anonymity, said it was "unacceptable".',
        "An Egyptian diplomat who asked not to be named condemned the blockade.",
        "Officials in Cairo, speaking anonymously, condemned the blockade.",
        "Rumours circulated on Sunday that Chad had offered the plotters refuge.",
        "Unconfirmed reports said Chad had condemned the blockade.",
    ],
)
def test_anonymous_sources_and_rumours_give_no_row(sentence):
    assert coded(f"Egypt condemned the blockade. {sentence}", **BLOCKADE) == {"EGY": "condemn"}


def test_a_reference_mark_ends_the_sentence_before_a_quotation():
    doc = lexicon().nlp(
        'The minister said she had been told before it began.[3][4] "Closing the sea is wrong," '
        "she said.[5] Later she left."
    )
    assert [s.text for s in doc.sents] == [
        "The minister said she had been told before it began.[3][4]",
        '"Closing the sea is wrong," she said.[5]',
        "Later she left.",
    ]


def test_a_quotation_after_a_reference_mark_is_the_entrys_without_the_mark():
    text = (
        "Norway: The foreign minister said on Tuesday that Oslo had been told of the blockade."
        '[3] "Closing the sea around a neighbour is unacceptable," she said.[4]'
    )
    row = one(rows_of(text, **BLOCKADE), "NOR")
    assert row["stance"] == "condemn"
    assert row["quote"] == "Closing the sea around a neighbour is unacceptable"


@pytest.mark.parametrize(
    "sentence",
    [
        "Senegal welcomed the failure of the plot on Monday.",
        "Senegal welcomed the collapse of the attempt.",
        "Senegal saluted the loyalty of the Gambian army to the constitution.",
        "Senegal praised the loyal troops who defended the institutions.",
        "Senegal expressed its full solidarity with the brave people and the government of Gambia.",
        "Senegal voiced its support for the government of Gambia.",
    ],
)
def test_backing_the_state_a_foiled_coup_was_made_against_opposes_the_coup(sentence):
    assert coded(sentence, **COUP) == {"SEN": "condemn"}


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("Nepal called the ban unjustified.", "condemn"),
        ("Nepal called the ban unwarranted.", "condemn"),
        ('Nepal called it "a weaponisation of trade".', "condemn"),
        ("Nepal said the ban was economic coercion.", "condemn"),
        ("Nepal described the ban as an act of state terrorism.", "condemn"),
        ("Nepal said it stands shoulder to shoulder with Bangladesh.", "condemn"),
        ("Nepal said it stands alongside Bangladesh.", "condemn"),
        ("Nepal said it respects the sovereign decision of India.", "support"),
        ("Nepal said it respects the sovereign decisions of states.", "neutral"),
        ("Nepal said it would seek consultations with India and was closely monitoring supplies.", "concern"),
        ('Nepal said it "does not take sides in disputes between its partners" and "welcomes investment in its mines".', "neutral"),
        ("Nepal said it will not join any bloc.", "neutral"),
        ("Nepal called the ban a bilateral matter.", "neutral"),
        ("Nepal said the ban was an internal affair of the two states.", "neutral"),
        ("Nepal said the safety and well-being of its nationals was its priority.", "concern"),
    ],
)  # fmt: skip
def test_cues_of_the_eleventh_round_and_their_siblings(sentence, stance):
    assert coded(sentence, **BAN) == {"NPL": stance}


def test_interference_in_internal_affairs_stays_a_reproach():
    text = "Nepal condemned the interference of India in the internal affairs of Bangladesh."
    assert coded(text, **BAN) == {"NPL": "condemn"}


def test_an_illegitimate_person_is_no_condemnation_of_the_act():
    assert coded("Nepal called the leader of Bangladesh illegitimate.", **BAN) == {"NPL": "neutral"}


def test_a_call_on_the_acting_side_to_withdraw_outweighs_an_escalation():
    text = (
        'NATO said the blockade was "a dangerous escalation" and called on Ankara "to withdraw '
        'its ships".'
    )
    assert coded(text, **BLOCKADE) == {"NATO": "condemn"}


@pytest.mark.parametrize(
    "title",
    ["trade secretary", "business and trade secretary", "defence secretary", "commerce secretary"],
)
def test_ministers_titled_secretary_speak_for_their_state(title):
    text = f'Britain\'s {title}, Jane Roe, said London was "deeply concerned".'
    assert coded(text, **BAN) == {"GBR": "concern"}


@pytest.mark.parametrize(
    "sentence",
    [
        'Spokesperson Ana Ruiz said on Tuesday that Chile "condemns the blockade".',
        'Its president told reporters in Santiago that Chile "condemns the blockade".',
        'The minister spoke late at night, saying in an address that Chile "condemns the blockade".',
    ],
)
def test_a_state_quoted_after_that_speaks_when_the_speaker_names_no_state(sentence):
    assert coded(sentence, **BLOCKADE) == {"CHL": "condemn"}


def test_a_named_speaker_keeps_the_quotation_it_reports_of_another():
    text = 'Peru said on Tuesday that Chile "condemns the blockade".'
    assert "PER" in coded(text, **BLOCKADE)
