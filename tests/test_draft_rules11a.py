"""The drafter's eleventh round of general rules, part A (issue 18): layouts. A digest's block
under a heading naming its issuer ("Statement by the Ministry of ...", "Press release — ...",
"Peru, Ministry of Foreign Affairs"), a post quoted after its handle under a line that frames
it, a post the line says was deleted, and stance cues aimed elsewhere than the event (a
people, terrorism, a reported wrong, a point granted before a reserve). Every sentence is
written for these tests."""

from __future__ import annotations

import pytest

from reactionmap.draft.blocks import handle_post, issuer_heading, withdrawn
from tests.drafted import coded, one, rows_of

INCURSION = {"targets": ["SRB", "BIH"], "against": ["BIH"], "date": "2026-05-08"}
ELECTION = {"targets": ["MDA"], "date": "2026-11-03"}  # a Tuesday: a declared result
QUAKE = {"targets": ["NPL"]}

DIGEST = """Digest of statements on the Serbian incursion

Statement by the Ministry of Foreign Affairs of the Republic of Chile, 5 May
"The Republic of Chile condemns the incursion into the territory of Bosnia and Herzegovina."

Press release — Federal Foreign Office, 6 May
"We call for restraint and for dialogue between Belgrade and Sarajevo."

Statement attributable to the Spokesperson for the Secretary-General
"The Secretary-General is following with concern the reports of fighting."

Statement by the Spokesperson of the High Representative on the situation in Bosnia and Herzegovina, 6 May
"The European Union is alarmed by the incursion."

Peru, Ministry of Foreign Affairs, 7 May (summarised)
The ministry expresses concern and calls for restraint.

Other voices
"Nothing justifies this," a retired general wrote.
"""


@pytest.mark.parametrize(
    "heading",
    [
        "Statement by the Ministry of Foreign Affairs of the Republic of Chile, 5 May",
        "Press release — Federal Foreign Office",
        "Press statement – Department of State, 2 June",
        "Comment by the Official Representative of the Ministry of Foreign Affairs",
        "Statement attributable to the Spokesperson for the Secretary-General",
        "Joint communiqué of the foreign ministers of Chile and Peru",
        "Readout of the Prime Minister's call",
        "Remarks by the Foreign Minister, 3 April",
        "Peru, Ministry of Foreign Affairs, 7 May (summarised)",
        "Kenya, Office of the President",
    ],
)
def test_an_issuer_heading_in_its_wordings(heading):
    assert issuer_heading(heading)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Statement by Chile condemned the incursion.",  # a sentence, not a heading
        "Reactions from around the world",
        '"Statement by the ministry" was all it said',
        "Peru, Chile and Bolivia",
        "The statement by the ministry said:",
    ],
)
def test_no_issuer_heading(paragraph):
    assert not issuer_heading(paragraph)


def test_a_digest_block_is_its_issuers_with_the_headings_day():
    rows = rows_of(DIGEST, **INCURSION)
    assert coded(DIGEST, **INCURSION) == {
        "CHL": "condemn",
        "DEU": "concern",
        "UN": "concern",
        "EU": "concern",
        "PER": "concern",
    }
    chile = one(rows, "CHL")
    assert chile["quote"] == (
        "The Republic of Chile condemns the incursion into the territory of Bosnia and Herzegovina."
    )
    assert (chile["date"], one(rows, "DEU")["date"], one(rows, "PER")["date"]) == (
        "2026-05-05",
        "2026-05-06",
        "2026-05-07",
    )
    assert one(rows, "UN")["date"] == ""  # its heading gives no day
    assert "the quotation under the heading 'Statement by the Ministry" in chile["notes"]


def test_a_foreign_offices_full_title_alone_names_its_state_and_a_possessive_wins():
    assert coded("The Federal Foreign Office condemned the incursion.", **INCURSION) == {
        "DEU": "condemn"
    }
    assert coded("Austria's Federal Foreign Office condemned the incursion.", **INCURSION) == {
        "AUT": "condemn"
    }
    assert coded("Britain's Foreign Office condemned the incursion.", **INCURSION) == {
        "GBR": "condemn"
    }


def test_the_topic_after_on_is_not_the_issuer():
    rows = rows_of(DIGEST, **INCURSION)
    assert one(rows, "EU")["quote"] == "The European Union is alarmed by the incursion."
    assert "BIH" not in set(rows["actor_iso3"])


def test_another_heading_closes_the_block():
    text = DIGEST.replace("Peru, Ministry of Foreign Affairs, 7 May (summarised)\n", "")
    text = text.replace("The ministry expresses concern and calls for restraint.\n", "")
    rows = rows_of(text, **INCURSION)
    assert "Nothing justifies this" not in " ".join(rows["quote"])


POSTS = """How leaders reacted on X to the presidential vote

Chile's foreign ministry was among the first, on Monday night:
@ChileMFA_test: "Chile congratulates President Dorin Lupu on his re-election."

Norway's foreign minister:
@NorwayFM_test: "Norway notes reports of pressure on voters and violations of ballot secrecy. We call on the authorities to investigate every complaint."

Peru's foreign ministry posted a message of congratulations on Monday night and deleted it within minutes. It had read:
@PeruMFA_test: "Peru congratulates President Lupu on a clear victory."
Asked about it on Tuesday, the ministry's spokesperson said Lima "will wait for the certified results".
"""


def test_a_post_after_its_handle_is_the_framing_lines_actor():
    rows = rows_of(POSTS, **ELECTION)
    chile = one(rows, "CHL")
    assert chile["stance"] == "support"
    assert chile["quote"] == "Chile congratulates President Dorin Lupu on his re-election."
    assert chile["date"] == "2026-11-02"  # "on Monday night", in the line before the post
    assert one(rows, "NOR")["stance"] == "concern"


def test_a_deleted_post_is_not_the_actors_position():
    rows = rows_of(POSTS, **ELECTION)
    peru = one(rows, "PER")
    assert peru["stance"] == "neutral"
    assert "congratulates" not in peru["quote"]
    assert peru["date"] == "2026-11-03"  # the spokesperson's Tuesday


def test_handles_and_deletions_in_their_wordings():
    assert handle_post('@MFA_test: "We welcome the vote."')
    assert not handle_post("Chile: we welcome the vote.")
    for words in (
        "deleted it",
        "retracted the statement",
        "took down the post",
        "removed the tweet",
    ):
        assert withdrawn(f"The ministry {words} an hour later.")
    assert not withdrawn("Russia withdrew its ambassador.")


def test_standing_with_a_people_beside_a_reproach_is_not_support():
    text = 'Norway said it stands with the Moldovan people and called the fraud "deeply worrying".'
    assert coded(text, **ELECTION) == {"NOR": "concern"}
    text = "Chile said it stands with the protesters and condemns the rigging of the vote."
    assert coded(text, **ELECTION) == {"CHL": "condemn"}


def test_standing_with_a_people_in_a_disaster_stays_support():
    text = "Norway said it stands with the people of Nepal in this difficult hour."
    assert coded(text, **QUAKE) == {"NOR": "support"}


def test_condemning_terrorism_beside_a_granted_point_supports_the_acting_state():
    text = (
        "Italy said it understands Serbia's legitimate security concerns and condemns "
        "terrorism in all its forms."
    )
    assert coded(text, **INCURSION)["ITA"] == "support"


def test_a_granted_point_before_a_reserve_is_concern():
    text = (
        "Japan said it recognised Serbia's legitimate security concerns but urged Belgrade to "
        "pull back. Kenya said: \"We understand Serbia's legitimate security interests. At the "
        'same time, we call for proportionality."'
    )
    codes = coded(text, **INCURSION)
    assert (codes["JPN"], codes["KEN"]) == ("concern", "concern")


def test_a_welcome_before_a_reserve_keeps_its_own_stance():
    text = "Japan welcomed the vote but urged the losing candidate to accept it."
    assert coded(text, **ELECTION) == {"JPN": "support"}


def test_a_reported_wrong_is_concern_and_a_condemnation_stays():
    text = "Ghana noted reports of breaches of ballot secrecy."
    assert coded(text, **ELECTION) == {"GHA": "concern"}
    text = "Ghana has seen reports of fraud and condemns the violence against protesters."
    assert coded(text, **ELECTION) == {"GHA": "condemn"}


def test_proportionality_respect_and_investigation_are_concern():
    text = (
        "Chile called for proportionality. Peru said any operation must respect the border. "
        "Ghana said the complaints must be investigated."
    )
    assert coded(text, **INCURSION) == dict.fromkeys(["CHL", "PER", "GHA"], "concern")
