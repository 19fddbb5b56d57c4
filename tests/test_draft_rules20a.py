"""The drafter's twentieth round of general rules, part a (issue 18): praise of a move as a bold
step, asking for the act to be undone, the acting state's right to act, calling a government a
terrorist or rogue regime, and Ireland's titles as roles. Every sentence is written for these
tests."""

from __future__ import annotations

import pytest

from tests.drafted import coded, stance_of

# A port seized by Kenya from a Somali operator, against Somalia.
SEIZURE = {"targets": ["KEN", "SOM"], "against": ["SOM"]}
# A tanker boarded by Iran's navy, against Greece, whose tanker it was.
BOARDING = {"targets": ["IRN", "GRC"], "against": ["GRC"]}


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        (
            'Uganda\'s foreign minister called the seizure "a courageous step for the region".',
            "UGA",
        ),
        ('Tanzania called it "a bold step" and said it would follow with interest.', "TZA"),
        ('Rwanda\'s president said the seizure was "a wise move" that others should study.', "RWA"),
    ],
)
def test_praising_the_move_as_a_bold_step_is_support(sentence, code):
    """Calling the move a courageous, bold or wise step or move praises it, like "a brave
    decision"."""
    assert stance_of(sentence, code, **SEIZURE) == "support"


@pytest.mark.parametrize("verb", ["reverse", "rescind", "revoke", "undo"])
def test_asking_the_actor_to_undo_the_act_is_condemn(verb):
    """Asking the acting state "to reverse it" (a pronoun for the act) rejects the act, and wins
    over a call for dialogue beside it."""
    text = f'Norway\'s foreign ministry urged Nairobi "to {verb} it and return to dialogue".'
    assert stance_of(text, "NOR", **SEIZURE) == "condemn"


def test_the_acting_state_entitled_to_act_is_support():
    """Saying the acting state was entitled to act backs it, over a warning to the other side."""
    text = (
        'Australia\'s foreign minister said Athens "had been warned" about the route. '
        '"Iran was entitled to act as it did," she told reporters.'
    )
    assert coded(text, **BOARDING)["AUS"] == "support"


@pytest.mark.parametrize("name", ["a terrorist regime", "a rogue state", "a criminal regime"])
def test_calling_the_actor_a_terrorist_or_rogue_regime_is_condemn(name):
    """Calling the government that acted a terrorist, rogue or criminal regime condemns the act
    ('terrorist' alone is no cue)."""
    text = f'Latvia\'s prime minister said the boarding was "the conduct of {name}".'
    assert stance_of(text, "LVA", **BOARDING) == "condemn"


@pytest.mark.parametrize("title", ["Taoiseach", "Tánaiste", "Tanaiste"])
def test_irish_titles_are_roles_of_the_state_before_them(title):
    """ "Ireland's Tánaiste" is Ireland's officer, like "Ireland's foreign minister", not a thing
    Ireland owns: the sentence is Ireland's."""
    text = f'Ireland\'s {title} told parliament that Ireland condemned the boarding "utterly".'
    assert stance_of(text, "IRL", **BOARDING) == "condemn"
