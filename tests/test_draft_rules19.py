"""The drafter's nineteenth round of general rules (issue 18): an organization as a party acted
against, a coup's new rulers and sharing a capital's position, a statement named a "response", a
researcher at a capital's institute, a capital spelt without accents, and calling the act a
crime. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from tests.drafted import coded, rows_of, stance_of

# A levy Washington lays on goods from the African Union, against the AU (an organization).
LEVY = {"targets": ["USA", "AU"], "against": ["AU"]}
# Officers seize power in Burkina Faso: the state acts against itself.
COUP = {"targets": ["BFA"], "against": ["BFA"]}
# A blockade of Cuba's ports, against Cuba.
BLOCKADE = {"targets": ["USA", "CUB"], "against": ["CUB"]}


def test_an_organization_among_the_targets_is_a_party():
    """An organization the reader names among the targets (``--target USA AU --against AU``) is
    a side: its own words give its ``party`` row, as a state's would."""
    text = 'The African Union Commission said the levy was "unjustified" and promised a response.'
    assert stance_of(text, "AU", **LEVY) == "party"


def test_an_organization_only_acted_against_is_coded_by_its_words():
    """Named only in ``against`` (its base was struck), an organization is no side: its words
    decide."""
    text = "The African Union condemned the strike on its base in the strongest terms."
    assert stance_of(text, "AU", targets=["SDN"], against=["AU"]) == "condemn"


@pytest.mark.parametrize(
    "sentence",
    [
        'Kenya\'s president said: "We stand united behind the Commission."',
        'Kenya "stands with our African friends", its foreign minister said.',
        'Kenya expressed "full solidarity with the African Union Commission".',
    ],
)
def test_backing_the_organization_acted_against_is_condemn(sentence):
    """Backing the organization a levy is laid on, by its body ("the Commission") or its people
    ("our African friends"), opposes the levy, as backing a state acted against does."""
    assert stance_of(sentence, "KEN", **LEVY) == "condemn"


def test_understanding_the_acting_sides_frustration_is_support():
    """Understanding the frustration of the side that acted repeats its case."""
    text = 'Egypt\'s prime minister said: "We understand the frustration in Washington."'
    assert stance_of(text, "EGY", **LEVY) == "support"


@pytest.mark.parametrize(
    "sentence",
    [
        "Moscow welcomes the new Burkinabe authorities' pledge to hold elections, a spokeswoman said.",
        "Moscow welcomes the transitional Burkinabe authorities' plan, a spokeswoman said.",
    ],
)
def test_welcoming_a_coups_new_rulers_is_support(sentence):
    """ "The new Burkinabe authorities" are who took power, not the side the coup hit: welcoming
    them backs the coup."""
    assert stance_of(sentence, "RUS", **COUP) == "support"


def test_sharing_a_capitals_position_takes_its_stance():
    """ "Shared Bamako's position" takes the stance of the row of the capital's country, as
    "shares the position of Mali" does."""
    text = (
        'Mali\'s ruling council "salutes the courageous act" of the officers, a statement said.\n\n'
        'Guinea said it shared Bamako\'s position "without reserve".'
    )
    assert coded(text, **COUP) == {"MLI": "support", "GIN": "support"}


def test_a_countrys_response_speaks_for_it():
    """ "Peru's response, issued on Monday, said ..." is a statement of Peru's, as "Peru's
    statement" is."""
    text = 'Peru\'s response, issued through its news agency, said the country "condemns" it.'
    assert stance_of(text, "PER", **BLOCKADE) == "condemn"


@pytest.mark.parametrize(
    "sentence",
    [
        '"The blockade will fail," said Ana Ruiz, a researcher at a Lima think tank.',
        '"The blockade will fail," said a professor at a Quito university.',
    ],
)
def test_a_researcher_at_a_capitals_institute_is_no_actor(sentence):
    """A researcher or professor named after "said" does not speak for the country whose
    capital names their institute."""
    assert rows_of(sentence, **BLOCKADE).empty


def test_a_capital_spelt_without_its_accents_is_the_capital():
    """A capital written without its accents ("Yaounde" for Yaoundé) is still the capital."""
    text = 'Yaounde was following events "with great attention", the ministry said.'
    assert stance_of(text, "CMR", **BLOCKADE) == "neutral"


@pytest.mark.parametrize(
    "sentence",
    [
        'Venezuela called the blockade "a crime against the Cuban people".',
        'Nicaragua\'s foreign ministry called it "the latest crime of the empire".',
    ],
)
def test_calling_the_act_a_crime_is_condemn(sentence):
    """Calling the act a crime ("a crime against", "the latest crime") condemns it, as "a
    criminal act" does."""
    assert set(coded(sentence, **BLOCKADE).values()) == {"condemn"}
