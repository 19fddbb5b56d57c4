"""The drafter's fifteenth round of general rules (issue 18): an act taken against no state (a
release, a policy) backed or opposed, a position shared with another actor, the militant attack
that led to a state's act, and a statement issued by an organization's presiding state. Every
sentence is written for these tests."""

from __future__ import annotations

from functools import partial

from tests.drafted import coded, one, round_up, rows_of

# Norway opens a deep-sea mining zone: Norway acted, and against no one.
MINING = {"targets": ["NOR"], "date": "2027-04-09"}
# Egypt closes a canal lock to Sudanese barges after a militant ambush: Egypt acted on Sudan.
CLOSURE = {"targets": ["EGY", "SDN"], "against": ["SDN"], "date": "2027-04-09"}
# A mayor's bodyguard shot in Lima: no state acted, Peru is the side hit.
SHOOTING = {"targets": ["PER"], "against": ["PER"], "date": "2027-04-09"}


article = partial(round_up, published="2027-04-09", title="Reactions")


def test_finding_an_act_sound_backs_it_when_no_one_was_acted_against():
    """With no side acted against, "no scientific problem", "no risk", "in line with
    international standards", "accepts the science" and "full confidence in" back the act."""
    text = article(
        'Iceland\'s environment ministry said its experts had found "no scientific problem" '
        "with the zone.",
        'Canada\'s foreign ministry said the plan posed "no risk to Canadians".',
        "Denmark's minister said the licences were in line with international standards.",
        'Finland\'s prime minister said Finland "accepts the science" behind the zone.',
        'Estonia\'s foreign ministry said it "has full confidence in the environmental review".',
        "Latvia's foreign ministry said Latvia was satisfied that the review was independent.",
    )
    assert coded(text, **MINING) == {
        "ISL": "support",
        "CAN": "support",
        "DNK": "support",
        "FIN": "support",
        "EST": "support",
        "LVA": "support",
    }


def test_calling_an_act_irresponsible_or_the_sea_a_dumping_ground_opposes_it():
    """ "Irresponsible", "treats the sea as a sewer", "not a dumping ground" (the negation is
    part of the phrase) and "a crime against humanity" oppose the act."""
    text = article(
        'Chile\'s foreign ministry said the decision was "irresponsible".',
        'Peru\'s minister said Norway "treats the Arctic as a sewer".',
        'Fiji\'s prime minister said: "The ocean is not a dumping ground."',
        'Samoa\'s foreign ministry called the zone "a crime against humanity".',
    )
    assert coded(text, **MINING) == {
        "CHL": "condemn",
        "PER": "condemn",
        "FJI": "condemn",
        "WSM": "condemn",
    }


def test_sharing_another_actors_position_takes_its_stance():
    """ "Fully shares the position of our Chilean partners" takes Chile's row's stance, with a
    note; sharing the acting party's position stays on its side."""
    text = article(
        "Chile's foreign ministry said Chile firmly opposes the zone.",
        'Bolivia\'s minister said Bolivia "fully shares the position of our Chilean partners".',
        'Ecuador\'s minister said Ecuador "shares the position of" Norway on the zone.',
    )
    rows = rows_of(text, **MINING)
    assert one(rows, "BOL")["stance"] == "condemn"
    assert "from CHL's row" in one(rows, "BOL")["notes"]
    assert one(rows, "ECU")["stance"] == "support"


def test_sharing_the_position_of_an_actor_with_no_row_keeps_the_cue():
    """With no row of the named actor in the article, the shared position is read as the cue
    says (on the side of whom it names)."""
    text = article('Bolivia\'s minister said Bolivia "fully shares the position of Chile".')
    assert coded(text, **MINING) == {"BOL": "support"}


def test_condemning_the_militant_attack_before_a_states_act_is_no_stance_on_the_act():
    """When a state acted on another, "condemns the terrorist attack" (the ambush that led to
    the act) is turned to neutral: the words on the act decide."""
    text = article(
        'Ghana\'s foreign ministry said Ghana "condemns the terrorist attack" on the convoy and '
        "urged both sides to exercise restraint.",
        'Kenya\'s foreign ministry said Kenya "condemns the militant attack" and "does not take '
        'sides" on the closure.',
        'Togo\'s minister said Togo "condemns the closure".',
    )
    rows = rows_of(text, **CLOSURE)
    assert one(rows, "GHA")["stance"] == "concern"
    assert "came before the act" in one(rows, "GHA")["notes"]
    assert one(rows, "KEN")["stance"] == "neutral"
    assert one(rows, "TGO")["stance"] == "condemn"


def test_condemning_a_terrorist_attack_that_is_the_event_still_condemns_it():
    """With no state acting (an attack on the side hit), the terrorist attack is the event."""
    text = article('Chile\'s foreign ministry said Chile "condemns the terrorist attack" in Lima.')
    assert coded(text, **SHOOTING) == {"CHL": "condemn"}


def test_a_statement_issued_by_the_state_holding_a_presidency_is_not_its_own():
    """ "Issued by Uruguay, which holds the group's rotating presidency" names the group's
    chair: Uruguay gets no row from it; a state that speaks after ", which said" does."""
    text = article(
        'CELAC said it "condemns the attack" on the mayor\'s bodyguard.',
        "The statement was issued by Uruguay, which holds the group's rotating presidency.",
        "It was echoed by Paraguay, which said it condemned the attack.",
    )
    rows = rows_of(text, **SHOOTING)
    assert set(rows["actor_iso3"]) == {"CELAC", "PRY"}
    assert one(rows, "PRY")["stance"] == "condemn"


def test_an_ambassador_in_a_partys_capital_speaks_for_the_state_that_sent_them():
    """ "Chile's ambassador in Cairo, Ana Rojas, said" is Chile's: the capital after an envoy's
    "in" is where they are posted; "the foreign ministry in Cairo" is still Egypt's."""
    text = article(
        "Chile's ambassador in Cairo, Ana Rojas, said Chile \"fully supports Egypt's right to "
        'take every measure it deems necessary".',
        "Later, the foreign ministry in Cairo said it rejects the criticism.",
    )
    assert coded(text, **CLOSURE) == {"CHL": "support", "EGY": "party"}


def test_a_states_agency_named_in_capitals_speaks_for_it_but_not_its_opposition():
    """ "Chile's Nuclear Safety Commission said" is Chile's (capitalised words up to the role);
    "Peru's opposition party leader" and "Peru's Labour Party chair" are no one's row."""
    text = article(
        "Chile's Nuclear Safety Commission said it was concerned about the zone.",
        "Peru's opposition party leader said he was concerned about the zone.",
        "Peru's Labour Party chair said he was concerned about the zone.",
    )
    assert coded(text, **MINING) == {"CHL": "concern"}


def test_a_state_setting_the_scene_before_its_officer_is_the_officers_state():
    """ "In Chile, President Ana Lima spoke ...", then her words with "she said": Chile's row;
    a state named as where something happened, with no officer after it, is no speaker."""
    text = article(
        "In Chile, President Ana Lima spoke to her Colombian counterpart by telephone on Sunday. "
        '"Chile condemns this cowardly act," she said afterwards.',
        "Protests were held in Ecuador, where students marched.",
    )
    assert coded(text, **SHOOTING) == {"CHL": "condemn"}


# Officers seize power in Guinea: Guinea is both the acting and the acted-against party.
COUP = {"targets": ["GIN"], "against": ["GIN"], "date": "2027-04-09"}


def test_a_body_calling_itself_a_committee_speaks_for_the_coups_one_party_state():
    """ "Captain Ali Sow, speaking for a body calling itself the National Recovery Committee,
    said" is the junta: the event's one party state, `party`."""
    text = article(
        "Captain Ali Sow, speaking for a body calling itself the National Recovery Committee, "
        "said on state television that the army had acted to save the nation.",
    )
    assert coded(text, **COUP) == {"GIN": "party"}


def test_an_officer_naming_no_state_speaks_for_the_state_their_quotation_opens_with():
    """ "From Accra, the government's spokesman said Ghana \\"hopes ...\\"" is Ghana's; an officer
    of another actor ("An EU spokesperson said Togo \\"must ...\\"") keeps their own actor."""
    text = article(
        'From Accra, the government\'s spokesman said Ghana "hopes for talks on the closure".',
        'An EU spokesperson said Togo "must be heard" on the closure.',
    )
    assert set(rows_of(text, **CLOSURE)["actor_iso3"]) == {"GHA", "EU"}
