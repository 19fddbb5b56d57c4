"""The drafter's seventeenth round of general rules (issue 18): words that reject an act
without "condemn", a call to keep a ceasefire, a speaker's short lead before a colon and an
aside naming whose ally a speaker is. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from tests.drafted import coded, stance_of

# Armenia's troops cross into a valley Azerbaijan holds (an event written for the tests):
CROSSING = {"targets": ["ARM", "AZE"], "against": ["AZE"], "date": "2027-03-02"}


@pytest.mark.parametrize(
    "sentence",
    [
        'Chile\'s president called the crossing "an act of conquest that belongs to the past".',
        'Chile said the seizure of the valley was "pure banditry".',
        'Chile\'s foreign minister said the raid was "an act of piracy" by a neighbour.',
        'Chile\'s government said it "will never accept" the new border.',
        'Chile\'s president said the crossing "must not go unanswered" by the region.',
    ],
)
def test_words_that_reject_the_act_without_condemn_are_condemn(sentence):
    """Naming the act a conquest, banditry or piracy, refusing ever to accept it, or saying it
    must not go unanswered rejects it (a cue of weight 3, as 'null and void')."""
    assert stance_of(sentence, "CHL", **CROSSING) == "condemn"


def test_a_standing_refusal_is_not_a_rejection_of_the_act():
    """'will not accept' is left out: a standing line ("will not accept interference in its
    affairs") is not about the act."""
    text = 'Chile said it "will not accept interference in its internal affairs".'
    assert stance_of(text, "CHL", **CROSSING) == "neutral"


@pytest.mark.parametrize(
    "sentence",
    [
        'Peru urged both governments to "preserve the ceasefire" agreed in the spring.',
        'Peru\'s foreign ministry asked the two sides to "maintain the truce" along the valley.',
        "Peru called on both capitals to uphold the ceasefire, its foreign minister said.",
    ],
)
def test_a_call_to_keep_a_ceasefire_is_concern(sentence):
    """Asking the sides to keep a ceasefire or truce asks restraint of both, as 'calm' does."""
    assert stance_of(sentence, "PER", **CROSSING) == "concern"


@pytest.mark.parametrize("lead", ["went further", "was blunter", "was more direct still"])
def test_a_short_lead_before_a_colon_owns_the_quotation_after_it(lead):
    """'Kenya went further: "...", its foreign ministry said': the quotation and "its" are
    Kenya's, named before the colon, not those of the speaker of the sentence before."""
    text = (
        'Ghana said it was following the crossing "with concern". '
        f'Kenya {lead}: "Kenya stands with Azerbaijan and rejects this aggression," its '
        "foreign ministry said."
    )
    assert coded(text, **CROSSING) == {"GHA": "concern", "KEN": "condemn"}


def test_a_long_lead_before_a_colon_is_not_a_speaker_s():
    """Only a few lowercase words may stand between the name and the colon: a longer stretch
    is a sentence of its own, and the quotation's "its" refers back as before."""
    text = (
        'Ghana said it was following the crossing "with concern". '
        "Kenya has long kept out of the quarrel over the valley and its old roads: "
        '"we hope for calm," its foreign ministry said.'
    )
    assert "KEN" not in coded(text, **CROSSING)


@pytest.mark.parametrize(
    "aside",
    [
        "Armenia's closest partner and its largest creditor",
        "Azerbaijan's biggest buyer of grain over the last ten years",
    ],
)
def test_an_aside_naming_whose_ally_the_speaker_is_does_not_part_it_from_its_verb(aside):
    """ "Iran, Armenia's closest partner and its largest creditor, said ...": the possessive
    name opens an aside about the speaker (whose friend it is), however long; the speaker is
    Iran, and the party named in the aside gets no row from it."""
    text = f'Iran, {aside}, said on Tuesday that it hoped both sides "will exercise restraint".'
    assert coded(text, **CROSSING) == {"IRN": "concern"}


@pytest.mark.parametrize("anaphor", ["The bloc", "The ministry", "It"])
def test_words_that_refer_back_then_a_quotation_are_the_last_speaker_s(anaphor):
    """'The bloc "firmly rejects ..."', with no verb outside the quotation: the words that refer
    back open the clause and the quotation after them is the last speaker's (here CARICOM's,
    named with no stance of its own in the sentence before)."""
    text = (
        'CARICOM issued a statement through Jamaica on Tuesday "on behalf of its members". '
        f'{anaphor} "firmly rejects the seizure of the valley by force".'
    )
    assert coded(text, **CROSSING) == {"CARICOM": "condemn"}


def test_a_quotation_after_words_that_refer_back_needs_a_stance_cue():
    """With no cue in the quotation, nothing is added to the last speaker's row."""
    text = (
        'CARICOM issued a statement through Jamaica on Tuesday "on behalf of its members". '
        'The bloc "met in Kingston".'
    )
    assert coded(text, **CROSSING) == {"CARICOM": "neutral"}
