"""The drafter's fourth round of general rules (issue 18): explanations of vote read by the
vote, asides between a speaker and its verb, who speaks "on behalf of" whom, embassies in a
foreign capital, denials, and condemnations aimed at a practice rather than the event. Every
sentence is written for these tests."""

from __future__ import annotations

from tests.drafted import coded, rows_of

VOTE = {"targets": ["MMR"], "against": ["MMR"]}
KILLING = {"targets": ["FRA"]}


def test_a_vote_decides_whatever_the_explanation_says():
    yes = "Peru voted in favour, but said it had grave reservations and warned of delays.\n"
    assert coded(yes, **VOTE) == {"PER": "support"}
    abstained = "Kenya abstained. Its envoy said Nairobi opposes the use of such texts.\n"
    assert coded(abstained, **VOTE) == {"KEN": "neutral"}
    no = "Laos voted no, and said it shared the concern of the assembly.\n"
    assert coded(no, **VOTE) == {"LAO": "condemn"}
    said_yes = "Iceland said it had voted yes because the assembly must act.\n"
    assert coded(said_yes, **VOTE) == {"ISL": "support"}


def test_a_vote_told_in_a_relative_clause_does_not_decide():
    text = 'Chile, which also abstained, said it was "deeply concerned" by the fighting.\n'
    assert coded(text, **VOTE) == {"CHL": "concern"}


def test_an_aside_between_the_subject_and_its_vote_names_no_speaker():
    relative = "Malta, which had stayed out of the joint statement of the EU, abstained.\n"
    assert coded(relative, **VOTE) == {"MLT": "neutral"}
    apposition = "Fiji, a member of the Commonwealth and of the OIC, voted against.\n"
    assert coded(apposition, **VOTE) == {"FJI": "condemn"}
    said = "Oman, which shares a border with Yemen, said that it condemns the vote.\n"
    assert coded(said, **VOTE) == {"OMN": "condemn"}


def test_a_long_aside_before_another_verb_is_still_background():
    aside = "Cuba, which has long declined to recognise President Tun as the lawful leader of the"
    assert coded(f"{aside} country, accused him of fraud.\n", **VOTE) == {}
    # before a plain reporting verb the aside is skipped
    assert coded(f"{aside} country, said he had lied.\n", **VOTE) == {"CUB": "neutral"}


def test_states_named_only_by_their_vote_each_give_a_row():
    text = "Belarus, Nicaragua and Syria voted against. Comoros abstained.\n"
    assert coded(text, **VOTE) == {
        "BLR": "condemn",
        "NIC": "condemn",
        "SYR": "condemn",
        "COM": "neutral",
    }


def test_speaking_on_behalf_of_an_organization_speaks_for_it():
    text = (
        "Speaking on behalf of the African Union and its 55 member states, the ambassador, "
        "Kofi Mensah, said the group had voted in favour.\n"
    )
    rows = rows_of(text, **VOTE)
    assert list(zip(rows["actor_iso3"], rows["stance"], strict=True)) == [("AU", "support")]
    assert "for whom its speaker speaks" in rows.iloc[0]["notes"]
    # no verb inside the participle's phrase: "member states" is no "states"
    assert coded("Speaking for the 15 member states, Ghana's envoy said it abstained.\n") == {
        "GHA": "neutral"
    }


def test_an_embassy_in_a_capital_is_the_other_state_s():
    text = 'The Canadian embassy in Paris said Canada "condemns this murder".\n'
    assert coded(text, **KILLING) == {"CAN": "condemn"}
    # a ministry in a capital is still the capital's state's
    ministry = 'The foreign ministry in Rome said it "condemns this murder".\n'
    assert coded(ministry, **KILLING) == {"ITA": "condemn"}


def test_a_denial_of_involvement_reads_neutral():
    text = (
        'Angola denied any involvement. "We had nothing to do with it," a minister said, '
        "adding that Luanda regrets the loss of life.\n"
    )
    assert coded(text, **KILLING) == {"AGO": "neutral"}
    insinuation = "Angola's embassy rejected any insinuation of its involvement.\n"
    assert coded(insinuation, **KILLING) == {"AGO": "neutral"}


def test_opposing_politicisation_or_interference_in_general_is_not_condemnation():
    text = "China said it opposes the politicisation of the case.\n"
    rows = rows_of(text, **KILLING)
    assert list(rows["stance"]) == ["neutral"]
    assert "a way of handling events in general" in rows.iloc[0]["notes"]
    general = "China said it opposes interference in the affairs of other countries.\n"
    assert coded(general, **KILLING) == {"CHN": "neutral"}
    # interference in a party's affairs is the event itself
    named = "Cuba said it opposes interference in the internal affairs of France.\n"
    assert coded(named, **KILLING) == {"CUB": "condemn"}


def test_calls_for_justice_and_no_place_condemn():
    justice = (
        'Chile said it was "shocked" and that "those responsible must be brought to justice".\n'
    )
    assert coded(justice, **KILLING) == {"CHL": "condemn"}
    place = '"Murder has no place in our cities," the Belgian foreign minister said.\n'
    assert coded(place, **KILLING) == {"BEL": "condemn"}


def test_an_indefinite_role_after_a_sentence_about_one_state_speaks_for_it():
    text = 'Norway was more careful. A spokesperson said Oslo was "deeply concerned".\n'
    assert coded(text, **KILLING) == {"NOR": "concern"}


def test_a_role_named_by_its_portfolio_speaks_for_its_state():
    text = 'Italy\'s interior minister said the killing was "a cowardly act".\n'
    assert coded(text, **KILLING) == {"ITA": "condemn"}


def test_a_resolution_s_sponsor_backs_it():
    text = "Japan's envoy, who introduced the resolution, said it asked for nothing new.\n"
    assert coded(text, **VOTE) == {"JPN": "support"}
    # introducing something else is no stance
    other = "Japan's envoy, who introduced the new rules, said they asked for nothing new.\n"
    assert coded(other, **VOTE) == {"JPN": "neutral"}


def test_an_explanation_before_the_vote_or_a_quoted_assembly_takes_no_day():
    opening = "Mexico told an emergency session on Tuesday that it was concerned.\n"
    options = {**VOTE, "date": "2026-05-06"}
    rows = rows_of(opening + "Japan said before the vote that it would back the text.\n", **options)
    assert list(rows["date"]) == ["2026-05-05", ""]
    quoted = 'Peru said it voted yes "because the assembly must act".\n'
    assert list(rows_of(opening + quoted, **options)["date"]) == ["2026-05-05", ""]
    # the vote named without "before" still takes the session's day
    after = "Peru voted in favour in the vote.\n"
    assert list(rows_of(opening + after, **options)["date"]) == ["2026-05-05", "2026-05-05"]


def test_a_statement_named_before_its_speaker_is_no_verb():
    text = 'In its statement, issued in Lima on Tuesday, the African Union said it "condemns" it.\n'
    rows = rows_of(text, targets=["FRA"], date="2026-05-06")
    assert list(zip(rows["actor_iso3"], rows["date"], strict=True)) == [("AU", "2026-05-05")]
    # the statement as the sentence's subject still speaks for its organization
    subject = 'The AU\'s statement, issued after a meeting in Lima, said it "condemns" it.\n'
    assert coded(subject, targets=["FRA"]) == {"AU": "condemn"}
