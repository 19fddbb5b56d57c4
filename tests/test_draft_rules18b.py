"""The drafter's eighteenth round of general rules, part b (issue 18): an act taken against no
state (a treaty withdrawal), asking to undo it, calling it justified, declining to comment,
deploring deaths in an election's unrest, and a country's current short name. Every sentence
is written for these tests."""

from __future__ import annotations

import pytest

from tests.drafted import coded, rows_of, stance_of

# Ruritania-like event written for the tests: Venezuela gives notice it leaves a treaty, against
# no state.
WITHDRAWAL = {"targets": ["VEN"], "date": "2027-05-12"}
# An election in Zambia whose result the commission declares, against no state.
ELECTION = {"targets": ["ZMB"], "date": "2027-08-20"}


@pytest.mark.parametrize(
    "sentence",
    [
        'Chile "deeply regrets" the step and called on Caracas to reconsider its decision.',
        'Chile\'s foreign minister said it was "regrettable" and urged Venezuela to reverse its decision.',
        'Chile\'s government "strongly urges Venezuela to withdraw its notice" before it takes effect.',
    ],
)
def test_asking_to_undo_the_act_is_condemn_over_regret(sentence):
    """Asking the actor to reconsider, reverse or withdraw what it did rejects the act: a cue of
    weight 3, stronger than the regret (concern) beside it."""
    assert stance_of(sentence, "CHL", **WITHDRAWAL) == "condemn"


@pytest.mark.parametrize(
    "sentence",
    [
        'Cuba said the decision was "fully justified" after years of "illegal sanctions".',
        'Cuba said it would "block any attempt to punish" Venezuela at the United Nations.',
    ],
)
def test_calling_the_act_justified_or_shielding_the_actor_is_support(sentence):
    """Calling the act justified, or shielding its actor from punishment, backs it, even beside
    a condemn word aimed at the actor's grievance ('illegal sanctions')."""
    assert stance_of(sentence, "CUB", **WITHDRAWAL) == "support"


def test_an_actors_own_refusal_to_comment_is_neutral():
    """'does not comment on ...' is neutral, and a 'concerning' that is only a preposition does
    not make it concern."""
    text = 'Kenya said it "does not comment on decisions concerning agreements" it has not signed.'
    assert stance_of(text, "KEN", **WITHDRAWAL) == "neutral"


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ('Peru\'s embassy said Peru "deplores the loss of life" in the protests.', "concern"),
        ('Peru "deplores the deaths" and is following events "with concern".', "concern"),
        ('Peru "deplores" the commission\'s declaration of the result.', "condemn"),
    ],
)
def test_deploring_the_deaths_is_concern_deploring_the_act_condemn(sentence, stance):
    """Deploring the loss of life is grief over the victims (concern); 'deplores' aimed at the
    act itself stays condemn."""
    assert stance_of(sentence, "PER", **ELECTION) == stance


def test_granting_the_acting_government_its_right_is_support():
    """'understands the right of the government to ...' backs the side that acted."""
    text = (
        'Belarus "understands the right of the Venezuelan government to defend its interests" '
        "and warned against pressure on Caracas."
    )
    assert stance_of(text, "BLR", **WITHDRAWAL) == "support"


def test_cabo_verde_is_a_name_of_cpv():
    """The country's current short name, 'Cabo Verde', names it as 'Cape Verde' does."""
    text = 'Cabo Verde\'s president said he "congratulates" the winner.'
    assert coded(text, **ELECTION) == {"CPV": "support"}


# An organization acts (an intervention by a regional bloc written for the tests), against no
# state.
INTERVENTION = {"targets": ["ECOWAS"], "date": "2027-02-14"}


@pytest.mark.parametrize(
    "sentence",
    [
        'Mali and Niger, all of which left ECOWAS in 2025, said they "condemn this aggression".',
        'Mali and Niger, both ruled by soldiers, said they "condemn this aggression".',
        'Mali and Niger, where thousands of Gambians live, said they "condemn this aggression".',
    ],
)
def test_an_aside_about_the_speakers_does_not_part_them_from_their_verb(sentence):
    """An aside opening with 'all of which', 'both' or 'where' is about the speakers (and may
    name the acting bloc): each state before it speaks, the bloc in it does not."""
    assert coded(sentence, **INTERVENTION) == {"MLI": "condemn", "NER": "condemn"}


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        (
            'A foreign ministry spokeswoman, Ana Ruiz, said Chile had "noted the events with '
            'concern".',
            "CHL",
        ),
        (
            'Its government spokesman, Ali Sow, said on Sunday that Senegal was "concerned above '
            'all for civilians".',
            "SEN",
        ),
        (
            "Ghana's president, in a message posted on the presidency's account on X, warmly "
            "congratulated the bloc's commission.",
            "GHA",
        ),
    ],
)
def test_a_state_named_by_its_officers_words_or_past_a_means_aside_speaks(sentence, code):
    """An officer naming no state who reports a state's words ('said Chile had "..."', 'that
    Senegal was "..."') speaks for that state, and an aside saying how a speaker spoke (', in a
    message posted on X,') does not part it from any verb."""
    assert list(rows_of(sentence, **INTERVENTION)["actor_iso3"]) == [code]
