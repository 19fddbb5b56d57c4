"""The drafter's third round of general rules (issue 18): stances read against what a cue is
about, and an organization attacked coded by its words. Every sentence is written for these
tests."""

from __future__ import annotations

from tests.drafted import rows_of, stance_of

ATTACK = {"targets": ["MLI"], "against": ["UN"]}


def test_a_call_on_all_parties_outweighs_watching():
    text = "Kenya said it was monitoring the situation and urged all sides to talk.\n"
    assert stance_of(text, "KEN") == "concern"
    # watching alone stays neutral
    assert stance_of("Kenya said it was monitoring the situation.\n", "KEN") == "neutral"


def test_welcoming_the_arrest_of_the_authors_condemns_what_they_did():
    text = "Ghana said it welcomed the arrest of the perpetrators of the raid.\n"
    row = rows_of(text, **ATTACK).iloc[0]
    assert row["stance"] == "condemn" and "action against the event's authors" in row["notes"]
    # welcoming the arrest of someone else is no condemnation of the event
    other = "Ghana said it welcomed the arrest of the former minister.\n"
    assert stance_of(other, "GHA", **ATTACK) == "support"


def test_rejecting_accusations_against_oneself_says_nothing_of_the_event():
    text = "Kenya rejected accusations that it supports the rebels, calling them lies.\n"
    assert stance_of(text, "KEN", **ATTACK) == "neutral"
    # rejecting a condemnation of someone else still defends them
    defended = "Kenya rejected the condemnation of the government in Bamako.\n"
    assert stance_of(defended, "KEN", **ATTACK) == "support"


def test_standing_firmly_with_the_attacked_organization_condemns_the_attack():
    text = "Peru said it stands firmly with the United Nations after the raid.\n"
    assert stance_of(text, "PER", **ATTACK) == "condemn"


def test_an_organization_attacked_is_coded_by_its_words_not_as_a_party():
    text = "The UN Secretary-General condemned the raid on the base.\nMali said it regretted it.\n"
    rows = rows_of(text, **ATTACK)
    coded = dict(zip(rows["actor_iso3"], rows["stance"], strict=True))
    assert coded == {"UN": "condemn", "MLI": "party"}
    # a state attacked is still a party
    state = rows_of("Chad condemned the strike.\n", targets=["USA"], against=["TCD"])
    assert list(state["stance"]) == ["party"]


def test_election_calls_and_refusals():
    assert stance_of("Peru said it supports the call for a recount.\n", "PER") == "concern"
    assert stance_of("Peru said it cannot accept the announced figures.\n", "PER") == "condemn"
    assert stance_of("Peru said it had taken note of the figures.\n", "PER") == "neutral"


# ---- who speaks -------------------------------------------------------------------------------
def test_a_relative_clause_about_what_is_the_speakers_does_not_part_it_from_its_verb():
    text = (
        "The AU, whose monitors visited nine towns over the three days of the vote, said the "
        "count was “deeply flawed”.\n"
    )
    assert list(rows_of(text)["actor_iso3"]) == ["AU"]


def test_a_ministry_in_a_capital_speaks_for_the_capitals_state():
    text = "Kenya “deplores” the raid, the foreign ministry in Lima said.\n"
    assert list(rows_of(text)["actor_iso3"]) == ["PER"]
    # a capital after "in" that follows no role is still a place, not a speaker
    assert rows_of("Talks in Lima ended on Monday.\n").empty


def test_a_capital_tells_which_state_a_shared_short_name_means():
    said = "Congo's foreign minister told reporters in {} that the raid was “criminal”.\n"
    assert list(rows_of(said.format("Kinshasa"))["actor_iso3"]) == ["COD"]
    assert list(rows_of(said.format("Brazzaville"))["actor_iso3"]) == ["COG"]


def test_a_role_and_a_name_after_a_capital_that_opens_the_sentence_speak_for_its_state():
    text = "In Lima, Foreign Minister Ana Ruiz said the count was “a disgrace”.\n"
    assert list(rows_of(text)["actor_iso3"]) == ["PER"]
    # a role and a name with no capital before them name no one
    assert rows_of("Foreign Minister Ana Ruiz said the count was “a disgrace”.\n").empty


def test_a_quotation_over_two_paragraphs_after_a_role_with_a_remit_keeps_both():
    text = (
        "The EU's Commissioner for Trade and Economic Security, Lena Borg, said the vote was "
        "calm. “Our monitors saw patient voters.\n"
        "“We support the call for a recount in every district,” Borg said.\n"
    )
    row = rows_of(text).iloc[0]
    assert row["actor_iso3"] == "EU" and row["speaker"] == "Lena Borg"
    assert row["quote"].endswith("a recount in every district") and row["stance"] == "concern"


# ---- one statement reported twice ------------------------------------------------------------
def test_a_live_pages_heading_folds_into_its_entrys_row_whatever_its_stance():
    text = (
        "09:12 GMT - Peru stops short of condemning\n"
        "Peru's foreign ministry said it was “deeply worried” by the raid.\n"
    )
    rows = rows_of(text)
    assert list(rows["actor_iso3"]) == ["PER"] and list(rows["stance"]) == ["concern"]
    assert "reports it again" in rows.iloc[0]["notes"]


def test_a_statement_reported_twice_takes_the_report_with_a_stance():
    text = (
        "Kenya said it “takes no position on the figures” and would wait.\n"
        "The streets were calm on Friday.\n"
        "Kenya's foreign ministry said it “takes no position on the figures” and urged a recount.\n"
    )
    rows = rows_of(text)
    assert list(rows["actor_iso3"]) == ["KEN"] and list(rows["stance"]) == ["concern"]


def test_an_officer_followed_by_a_quotation_with_a_stance_cue_speaks():
    text = (
        "In a message read on the radio, Kenya's president “warmly congratulates the winner” "
        "and wished him well.\n"
    )
    assert list(rows_of(text)["stance"]) == ["support"]
    # a quotation with no stance cue after an officer reports no statement
    plain = "On the radio, Kenya's president “the winner” and wished him well.\n"
    assert rows_of(plain).empty


def test_this_morning_is_the_articles_day():
    import datetime as dt

    from reactionmap.draft.dates import find_date

    day = dt.date(2026, 3, 4)
    assert find_date("said in a statement issued this morning", day)[0] == "2026-03-04"
    assert find_date("told reporters tonight", day)[0] == "2026-03-04"
    assert find_date("said this morning", None)[0] == ""  # no article day to count from
