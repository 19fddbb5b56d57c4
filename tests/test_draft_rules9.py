"""The drafter's ninth round of general rules (issue 18): disappointment and regret in their
wordings, a betrayal, the acting state's right to act, an assassination that must not go
unpunished, a role and a name after a sentence about their state, a ministry of foreign
affairs, saying nothing, a condition, and shielding the state accused. Every sentence is
written for these tests."""

from __future__ import annotations

from tests.drafted import coded, one, rows_of

LEAVING = {"targets": ["ARG"]}  # a state leaves a treaty: no one is acted against
EXPULSION = {"targets": ["TCD", "BEL"], "against": ["BEL"]}  # Chad expels Belgium's envoy
KILLING = {"targets": ["HND"]}  # a killing blamed on Honduras's government
INCURSION = {"targets": ["SRB", "BIH"], "against": ["BIH"]}  # Serbian forces cross a border


def test_disappointment_in_its_wordings_is_concern():
    text = (
        'Peru said it was "deeply disappointed". Chile called the move "disappointing". '
        'Ghana voiced its "deep disappointment". Kenya said the move was "regrettable". '
        'Japan called it "a step backwards for all of us". Nepal called it "a setback".'
    )
    assert coded(text, **LEAVING) == dict.fromkeys(
        ["PER", "CHL", "GHA", "KEN", "JPN", "NPL"], "concern"
    )


def test_regret_stays_concern_and_deploring_stays_condemn():
    text = "Peru deeply regrets the decision. Chile deplores the decision."
    assert coded(text, **LEAVING) == {"PER": "concern", "CHL": "condemn"}


def test_a_betrayal_condemns():
    text = 'Jamaica\'s prime minister called the decision "a betrayal of the poorest nations".'
    assert coded(text, **LEAVING) == {"JAM": "condemn"}


def test_the_acting_states_right_to_act_supports_it():
    text = 'Cuba said Chad "has every right to choose its own partners".'
    assert coded(text, **EXPULSION) == {"CUB": "support"}


def test_respect_for_a_sovereign_choice_alone_stays_neutral():
    text = 'Nepal said it "respects the sovereign choice of every nation".'
    assert coded(text, **LEAVING) == {"NPL": "neutral"}


def test_an_assassination_that_must_not_go_unpunished_condemns():
    text = 'Peru said the killing was "a political assassination that must not go unpunished".'
    assert coded(text, **KILLING) == {"PER": "condemn"}


def test_a_role_and_name_after_a_sentence_about_their_state_speak_for_it():
    text = (
        "Norway has weighed in. Foreign ministry spokesman Lars Dahl said the decision was "
        "regrettable."
    )
    assert coded(text, **LEAVING) == {"NOR": "concern"}
    text = "Chile was blunt. Foreign Minister Rosa Vidal said Chile condemns the decision."
    assert coded(text, **LEAVING) == {"CHL": "condemn"}


def test_a_minister_of_foreign_affairs_speaks_for_the_state():
    text = "Ghana's Foreign Affairs Minister, Kofi Mensah, said Ghana was troubled by the move."
    assert coded(text, **LEAVING) == {"GHA": "concern"}


def test_a_state_that_has_said_nothing_gives_no_row():
    text = "Japan has said nothing so far, and observers doubt it will."
    assert coded(text, **LEAVING) == {}


def test_a_condition_alone_is_no_condemnation():
    text = (
        'Peru said it was "troubled by reports" of the killing. "If confirmed, this would be '
        "an unacceptable violation of our region's peace,\" its minister said."
    )
    assert coded(text, **KILLING) == {"PER": "concern"}
    text = (
        'Chile "condemns the murder". "If confirmed, this would be an unacceptable '
        'violation," its minister said.'
    )
    assert coded(text, **KILLING) == {"CHL": "condemn"}


def test_rejecting_attacks_on_the_accused_state_backs_it():
    text = 'Cuba said it rejected "the smear campaign against the sister Republic of Honduras".'
    rows = rows_of(text, **KILLING)
    assert dict(zip(rows["actor_iso3"], rows["stance"], strict=True)) == {"CUB": "support"}


def test_solidarity_with_the_accused_state_against_its_accusers_supports_it():
    text = (
        "Bolivia's foreign ministry said Bolivia stood \"in solidarity with Honduras against "
        'the lies of imperialism".'
    )
    assert coded(text, **KILLING) == {"BOL": "support"}


def test_without_knowing_who_acted_an_attack_against_a_party_is_condemned():
    text = 'Russia condemned the "act of aggression against Honduras".'
    assert coded(text, targets=["HND", "NIC"]) == {"RUS": "condemn"}


def test_the_speakers_circumstances_between_commas_do_not_part_it_from_its_verb():
    text = (
        "Kenya's foreign minister, Amina Wanjiru Otieno, speaking to reporters at a briefing in "
        'Nairobi on Monday, said that "Kenya regrets this decision".'
    )
    assert coded(text, **LEAVING) == {"KEN": "concern"}


def test_praise_of_the_move_supports_it():
    text = (
        'Chile said the decision was "a sensible choice". Peru called it "a step in the right '
        'direction". Japan said it was "the right decision".'
    )
    assert coded(text, **LEAVING) == dict.fromkeys(["CHL", "PER", "JPN"], "support")


def test_a_call_on_the_side_that_acted_to_withdraw_condemns():
    text = (
        "Norway has called on Serbia to pull its troops back. Chile called on Serbia to halt "
        "the advance. Japan called on both sides to show restraint."
    )
    assert coded(text, **INCURSION) == {"NOR": "condemn", "CHL": "condemn", "JPN": "concern"}
    assert "the side that acted" in one(rows_of(text, **INCURSION), "NOR")["notes"]


def test_a_call_on_a_party_is_not_turned_when_who_acted_is_unknown():
    text = "Norway called on Serbia to withdraw its troops."
    assert coded(text, targets=["SRB", "BIH"]) == {"NOR": "concern"}


def test_a_live_blogs_day_heading_counts_its_entries_days():
    text = (
        "Kenya's president said this morning that Kenya condemns the advance.\n\n"
        "Monday 13 July\n\n"
        "09:15\nChile's foreign ministry said this morning that it was concerned.\n\n"
        "08:40\nPeru's foreign ministry said it was concerned.\n\n"
        "08:10\nIn a statement released overnight, Japan said it was concerned."
    )
    rows = rows_of(text, date="2026-07-14", **INCURSION)
    dates = dict(zip(rows["actor_iso3"], rows["date"], strict=True))
    assert dates == {"KEN": "2026-07-14", "CHL": "2026-07-13", "PER": "", "JPN": ""}
    assert "fixes no one day" in one(rows, "JPN")["notes"]


def test_a_heading_whose_weekday_is_not_its_day_fixes_nothing():
    text = "Monday 14 July\n\nChile's foreign ministry said this morning that it was concerned."
    assert one(rows_of(text, date="2026-07-14", **INCURSION), "CHL")["date"] == "2026-07-14"


def test_a_quotation_after_a_sentence_without_a_verb_is_its_subjects():
    text = (
        'Fiji said it was "deeply disappointed". Samoa\'s prime minister, Tala Vaai, was '
        'blunter. "Samoa condemns this decision," he said.'
    )
    assert coded(text, **LEAVING) == {"FJI": "concern", "WSM": "condemn"}


def test_a_quotation_and_its_spokesperson_follow_the_sentence_about_their_state():
    text = (
        'The Kenyan foreign ministry said Kenya was "deeply troubled". "Kenya condemns the '
        'advance," spokesperson Amina Otieno told reporters.'
    )
    assert coded(text, **INCURSION) == {"KEN": "condemn"}


def test_a_spokesperson_of_an_institution_after_another_sentence_speaks():
    text = (
        "Peru was silent. A State Department spokesperson said on Friday that the decision was "
        '"a sensible choice".'
    )
    assert coded(text, **LEAVING) == {"USA": "support"}
