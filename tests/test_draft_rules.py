"""The drafter's general rules for who speaks, on what day, and when one article reports a
statement twice (issue 18, second round). Every sentence is written for these tests."""

from __future__ import annotations

import random

from reactionmap.draft.merge import same_in_article, within
from tests.drafted import one, rows_of


# ---- who speaks -------------------------------------------------------------------------------
def test_it_after_a_sentence_about_an_actor_that_reports_nothing_is_that_actor():
    text = "Kenya recalled its ambassador. In a statement, it called the vote “a mockery”.\n"
    row = one(rows_of(text), "KEN")
    assert row["quote"] == "a mockery" and "refer back" in row["notes"]


def test_a_place_named_in_passing_is_not_what_it_refers_to():
    text = "Fighting went on in Kenya. In a statement, it called the vote “a mockery”.\n"
    assert rows_of(text).empty


def test_a_role_and_a_name_after_an_actor_in_the_same_sentence_speak_for_it():
    text = (
        "Peru closed its embassy in the capital on Monday evening, and Foreign Minister Ana Ruiz "
        "called the move “regrettable”.\n"
    )
    row = one(rows_of(text), "PER")
    assert row["quote"] == "regrettable" and "Foreign Minister Ana Ruiz" in row["notes"]
    # in a sentence of its own, a role with no country names no one
    alone = "Talks stalled in Lima.\nForeign Minister Ana Ruiz called the move “regrettable”.\n"
    assert "PER" not in set(rows_of(alone)["actor_iso3"])


def test_a_long_relative_clause_does_not_part_the_speaker_from_its_verb():
    text = (
        "The chair of the African Union Commission, who was on a visit to the region for an "
        "investment conference with business leaders, said he was “deeply alarmed”.\n"
    )
    assert list(rows_of(text)["actor_iso3"]) == ["AU"]


def test_a_participle_that_opens_the_sentence_is_not_its_verb():
    text = (
        "Asked about the sanctions at a briefing in Paris, the Arab League's secretary-general "
        "said they were “unhelpful”.\n"
    )
    assert list(rows_of(text)["actor_iso3"]) == ["LAS"]


def test_a_member_named_in_an_organizations_relative_clause_is_not_the_speaker():
    text = "The African Union, of which Egypt is a founding member, said it “rejects” the move.\n"
    assert list(rows_of(text)["actor_iso3"]) == ["AU"]


def test_those_who_seized_power_speak_for_the_events_one_party_state():
    text = "Soldiers seized power in Gabon.\nThe junta said the constitution was suspended.\n"
    row = one(rows_of(text, targets=["GAB"]), "GAB")
    assert row["stance"] == "party" and "'junta'" in row["notes"]
    # with two party states, or none, the junta is no one's
    assert rows_of(text, targets=["GAB", "FRA"]).empty
    assert rows_of(text).empty


def test_members_at_an_organizations_gathering_speak_for_it():
    text = (
        "At a meeting of the Arab League in Cairo, foreign ministers adopted a statement "
        "that “denounces the raid”.\n"
    )
    row = one(rows_of(text), "LAS")
    assert row["stance"] == "condemn" and "meeting of the Arab League" in row["notes"]


# ---- stance against its object ----------------------------------------------------------------
def test_rejecting_a_condemnation_of_the_action_is_support():
    text = "Belarus rejected the condemnation of the operation.\n"
    row = one(rows_of(text, targets=["RUS", "UKR"], against=["UKR"]), "BLR")
    assert row["stance"] == "support" and "rejects 'the condemnation'" in row["notes"]


def test_a_condemnation_aimed_at_someone_outside_the_event_leaves_the_other_cues_to_decide():
    text = (
        "Venezuela rejected “meddling” by the European Union and voiced its support for Russia.\n"
    )
    row = one(rows_of(text, targets=["RUS", "UKR"], against=["UKR"]), "VEN")
    assert row["stance"] == "support" and "no party to the event" in row["notes"]
    # without the event's parties nothing is known to be outside it: read as written
    assert one(rows_of(text), "VEN")["stance"] == "condemn"
    # aimed at a party, it stays a condemnation
    text = "Venezuela rejected “meddling” by Ukraine and voiced its support for Russia.\n"
    assert one(rows_of(text, targets=["RUS", "UKR"]), "VEN")["stance"] == "condemn"


# ---- days -------------------------------------------------------------------------------------
def test_a_dateline_with_an_accented_place_dates_no_statement():
    text = "BOGOTÁ, March 3 (Wire) - Chile condemned the move.\n"
    row = one(rows_of(text, date="2026-03-04"), "CHL")
    assert row["date"] == "" and row["date_precision"] == "unknown"


def test_a_row_takes_the_latest_day_its_sentences_fix():
    text = (
        'Spain was briefed on Monday, officials said. "We condemn this," the foreign minister '
        "said on Tuesday.\n"
    )
    row = one(rows_of(text, date="2026-03-05"), "ESP")  # a Thursday
    assert row["date"] == "2026-03-03" and "'Tuesday'" in row["notes"]


def test_a_day_in_an_aside_about_something_else_is_not_the_statements():
    text = "Norway condemned the raid on the port, where troops landed on Sunday.\n"
    assert one(rows_of(text, date="2026-03-05"), "NOR")["date"] == ""


def test_the_vote_takes_the_day_the_article_gave_its_session():
    session = (
        "At a session of the UN General Assembly on Tuesday, members adopted a resolution that "
        "“deplores the invasion”.\n"
    )
    rows = rows_of(session + "Brazil abstained in the vote.\n", date="2026-03-05")
    assert one(rows, "UN")["date"] == "2026-03-03"
    brazil = one(rows, "BRA")
    assert brazil["date"] == "2026-03-03" and "for 'the vote'" in brazil["notes"]
    # two sessions on two days: "the vote" could be either, and gets none
    other = (
        "At a second session of the UN General Assembly on Wednesday, members adopted a "
        "resolution that “urges talks”.\n"
    )
    rows = rows_of(session + other + "Brazil abstained in the vote.\n", date="2026-03-05")
    assert one(rows, "BRA")["date"] == ""


# ---- one statement reported twice in an article -----------------------------------------------
def test_a_statement_an_article_reports_twice_is_one_row():
    text = (
        "Ghana condemned the coup on Friday.\n"
        "Ghana said it “condemns without reservation the seizure of power by the army”.\n"
        "Later the ministry said again that Ghana “condemns without reservation the seizure of "
        "power”.\n"
    )
    rows = rows_of(text, date="2026-03-06")
    assert list(rows["actor_iso3"]) == ["GHA", "GHA"]  # the lead is dated: a row of its own
    lead, quoted = rows.iloc[0], rows.iloc[1]
    assert lead["quote"] == "" and lead["date"] == "2026-03-06"
    assert quoted["notes"].count("the article reports it again (the same quote)") == 1


def test_a_lead_without_quote_or_day_is_the_quoted_statement_below_it():
    text = (
        "Ghana condemned the coup.\n"
        "Ghana said it “condemns without reservation the seizure of power by the army”.\n"
        "Ghana also welcomed the mediation.\n"
    )
    rows = rows_of(text)
    quoted = rows[rows["quote"] != ""]
    assert len(quoted) == 1 and "its lead, with no quote and no day" in quoted.iloc[0]["notes"]
    # another stance is another statement
    assert sorted(rows["stance"]) == ["condemn", "support"]


def test_rows_of_other_actors_or_other_words_stay_apart():
    text = (
        "Ghana said it “condemns the seizure of power”.\n"
        "Benin said it “condemns the seizure of power”.\n"
        "Ghana later said it “is ready to mediate between the two sides”.\n"
    )
    assert list(rows_of(text)["actor_iso3"]) == ["GHA", "BEN", "GHA"]


def test_within_finds_exactly_the_pairs_the_quote_rule_finds():
    """The index ``within`` looks quotes up by is the quote rule itself: over many random
    quotes of a few words (short and long, one run or several), each row joins the first row
    before it that the pairwise rule calls the same, and only that one."""
    rng = random.Random(18)
    words = ["a", "b", "c", "d", "e", "f"]
    rows = []
    for i in range(400):
        runs = [
            " ".join(rng.choices(words, k=rng.randint(1, 11))) for _ in range(rng.randint(1, 2))
        ]
        rows.append({
            "actor_iso3": rng.choice(["FRA", "DEU"]), "stance": "condemn", "date": "2026-01-0"
            + str(rng.randint(1, 2)), "date_precision": "day", "quote": " … ".join(runs),
            "summary": f"row {i}", "notes": f"row {i}", "speaker": "", "speaker_role": "",
        })  # fmt: skip
    kept, _ = within(rows, [[] for _ in rows])
    standing: list[int] = []
    expected = []
    for i, row in enumerate(rows):
        if not any(same_in_article(rows[j], row) for j in standing):
            standing.append(i)
            expected.append(i)
    assert [int(r["summary"].split()[1]) for r in kept] == expected
    assert 10 < len(expected) < 390  # the sample has both kinds
    assert any("reports it again" in r["notes"] for r in kept)  # and some were merged
