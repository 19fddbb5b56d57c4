"""The drafter's twenty-first round of general rules (issue 18): a campaign of intimidation,
standing behind, the governments concerned, welcoming a rescue, a royal court, titles with two
remits, the act as a support cue's object, and a reporting verb after "to". Every sentence is
written for these tests."""

from __future__ import annotations

import pytest

from tests.drafted import coded, rows_of, stance_of

# A naval blockade of Cyprus's ports by Turkey, against Cyprus.
BLOCKADE = {"targets": ["TUR", "CYP"], "against": ["CYP"]}
# A state of emergency declared by Kenya's president at home: no side acted against.
EMERGENCY = {"targets": ["KEN"]}


@pytest.mark.parametrize(
    "words", ["a campaign of intimidation", "a policy of intimidation", "a campaign of bullying"]
)
def test_a_campaign_or_policy_of_intimidation_is_condemn(words):
    """Calling the act part of a campaign or policy of intimidation blames it, as "an act of
    intimidation" does."""
    text = f'Greece\'s foreign minister called the blockade "part of {words} in the region".'
    assert stance_of(text, "GRC", **BLOCKADE) == "condemn"


@pytest.mark.parametrize("verb", ["stands fully behind", "stands behind", "stood solidly behind"])
def test_standing_behind_the_actor_is_support(verb):
    """Standing (fully, solidly) behind the government that acted backs it."""
    text = f'Uganda\'s presidency said Kampala "{verb} President Njoroge and his measures".'
    assert stance_of(text, "UGA", **EMERGENCY) == "support"


@pytest.mark.parametrize("who", ["the governments concerned", "the two states concerned"])
def test_the_governments_concerned_is_no_worry(who):
    """ "Concerned" after the governments or states names those involved, not a worry: a matter
    left to them is neutral."""
    text = f'Portugal said the blockade was "a matter for {who}" and would not comment further.'
    assert stance_of(text, "PRT", **BLOCKADE) == "neutral"


@pytest.mark.parametrize("outcome", ["the rescue of", "the safe return of"])
def test_welcoming_a_rescue_is_no_welcome_of_the_act(outcome):
    """Welcoming that those harmed were saved says nothing of the act: a call for calm beside it
    decides."""
    text = (
        f'The UN Secretary-General "welcomes {outcome} the fishermen" and urged calm on both sides.'
    )
    assert stance_of(text, "UN", **BLOCKADE) == "concern"


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("In Rabat, the royal cabinet said the King condemned the blockade.", "MAR"),
        ("Jordan's royal court said it condemned the blockade.", "JOR"),
        ('Spain\'s trade and industry minister called the blockade "unacceptable".', "ESP"),
        ('In Canberra, Pacific and Asia minister Ella Dunn said it was "unacceptable".', "AUS"),
    ],
)
def test_a_royal_court_and_a_title_with_two_remits_speak_for_their_state(sentence, code):
    """A royal court or cabinet is an institution of its state's, and a minister's title may
    join two remits with "and" ("trade and industry minister"), after a possessive or after
    "In <capital>,"."""
    assert coded(sentence, **BLOCKADE).get(code) == "condemn"


def test_backing_it_is_not_backing_the_next_clause_subject():
    """In "Sofia backs it, and Nicosia says ...", "it" (the act) is what Bulgaria backs; Cyprus,
    named in the next clause, is not the object of "backs"."""
    text = "Athens calls it piracy, Sofia backs it, and Nicosia says it will not negotiate."
    assert coded(text, **BLOCKADE)["BGR"] == "support"


def test_a_call_made_to_convey_a_position_reports_it():
    """ "Telephoned ... to convey", "called ... to express": the infinitive reports the words."""
    text = (
        "Qatar's foreign minister telephoned his Turkish counterpart on Monday to convey "
        '"Qatar\'s full support for the steps taken by Ankara".'
    )
    rows = rows_of(text, **BLOCKADE)
    assert list(rows["actor_iso3"]) == ["QAT"]
    assert rows["stance"].iloc[0] == "support"


@pytest.mark.parametrize("role", ["foreign ministry spokesman", "defence ministry spokeswoman"])
def test_a_ministry_spokesman_with_an_aside_speaks_for_the_state(role):
    """A role made of two ("foreign ministry" and "spokesman") is one speaker's title, so an
    aside set off by commas after it does not part it from its verb."""
    text = (
        f"Egypt's {role}, speaking to reporters in Cairo this morning, called the blockade "
        '"a flagrant violation of international law".'
    )
    assert coded(text, **BLOCKADE).get("EGY") == "condemn"
