"""The drafter's twentieth round of general rules, part b (issue 18): an organization's code
written as a word ("Nato"), a seat of government that is not the capital in law ("Abidjan"),
"put out" and "published" as reporting verbs, calling the act a war crime, cruel or inhumane,
and kin of the side acted against "in" it
("our brothers and sisters in Cuba"). Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from tests.drafted import rows_of, stance_of

# A blockade of Cuba's ports by the United States, against Cuba.
BLOCKADE = {"targets": ["USA", "CUB"], "against": ["CUB"]}


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Nato's deputy secretary general said the allies condemned the blockade.", "NATO"),
        ("An Asean statement issued on Friday condemned the blockade of the island.", "ASEAN"),
        ("Ecowas said in a communique that it condemned the blockade.", "ECOWAS"),
        ("Caricom's chair said the member states condemned the blockade.", "CARICOM"),
    ],
)
def test_an_organization_code_written_as_a_word_is_the_organization(sentence, code):
    """British papers write an organization's code as a word ("Nato", "Asean"): it is the
    organization all the same, with the stance of its words."""
    assert stance_of(sentence, code, **BLOCKADE) == "condemn"


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Abidjan said it was deeply worried by the blockade.", "CIV"),
        ("Dar es Salaam said it was deeply worried by the blockade.", "TZA"),
        ("Cotonou said it was deeply worried by the blockade.", "BEN"),
    ],
)
def test_a_seat_of_government_stands_for_its_government(sentence, code):
    """A city where a government sits though another is the capital in law speaks for that
    government, as a capital does."""
    assert stance_of(sentence, code, **BLOCKADE) == "concern"


@pytest.mark.parametrize(
    "words",
    ['"a war crime"', '"war crimes" against civilians', '"cruel"', '"inhumane and unworthy"'],
)
def test_calling_the_act_a_war_crime_cruel_or_inhumane_condemns_it(words):
    """Naming the act a war crime, or cruel or inhumane, judges it: ``condemn``."""
    text = f"Peru's foreign ministry said on Monday that the blockade was {words}."
    assert stance_of(text, "PER", **BLOCKADE) == "condemn"


def test_cruel_is_weaker_than_a_stated_concern():
    """Cruel weighs 2, no more than "deeply concerned": a row whose concern is stated first
    stays ``concern`` (on a tie the cue read first decides), not ``condemn``."""
    text = 'Chile said it was "deeply concerned" that the blockade could prove cruel to families.'
    assert stance_of(text, "CHL", **BLOCKADE) == "concern"


@pytest.mark.parametrize(
    "kin",
    ["our brothers and sisters in Cuba", "our friends in Cuba", "the people in Cuba"],
)
def test_solidarity_with_kin_in_the_side_acted_against_opposes_the_act(kin):
    """Solidarity with people "in" the side acted against sides with it, as "the people of"
    it does: the act is opposed (``condemn``), and the notes say the stance was turned."""
    text = f'Bolivia\'s president said Bolivia "stands in solidarity with {kin}".'
    row = rows_of(text, **BLOCKADE).set_index("actor_iso3").loc["BOL"]
    assert row["stance"] == "condemn"
    assert "stance turned" in row["notes"]


def test_partners_in_a_place_that_is_no_party_are_not_turned():
    """People "in" a place the event did not act against are not its side: the cue stays."""
    text = 'Bolivia said it "stands in solidarity with our partners in Peru".'
    assert stance_of(text, "BOL", **BLOCKADE) != "condemn"


@pytest.mark.parametrize("lead", ["has put out a statement:", "published a communique:"])
def test_putting_out_or_publishing_a_statement_reports_it(lead):
    """A ministry that "put out" or "published" a statement, its words after a colon, reported
    them: its country gets a row with the words' stance."""
    text = f'Chile\'s foreign ministry {lead} the blockade is "a flagrant violation".'
    assert stance_of(text, "CHL", **BLOCKADE) == "condemn"
