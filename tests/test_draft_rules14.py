"""The drafter's fourteenth round of general rules (issue 18): a fact-check's answers under its
claims, a press review's relayed statements, votes on a resolution about a state's act, lists of
votes, an organization as the acting party, a release welcomed, and the smaller families met on
the way. Every sentence is written for these tests."""

from __future__ import annotations

from functools import partial

from tests.drafted import coded, one, round_up, rows_of

# Kazakhstan shuts a gas pipeline to Kyrgyzstan: Kazakhstan acted, Kyrgyzstan is acted against.
PIPELINE = {"targets": ["KAZ", "KGZ"], "against": ["KGZ"], "date": "2027-03-12"}
# A General Assembly resolution taken against Myanmar: the resolution is the event.
RESOLUTION = {"targets": ["MMR"], "against": ["MMR"], "date": "2027-03-12"}
# The African Union suspends Gabon: an organization acted, Gabon is acted against.
SUSPENSION = {"targets": ["AU", "GAB"], "against": ["GAB"], "date": "2027-03-12"}
# Two hostages freed through Oman's mediation: no one was acted against.
RELEASE = {"targets": ["OMN"], "date": "2027-03-12"}


article = partial(round_up, published="2027-03-12", title="Reactions, checked")


FACT_CHECK = article(
    'CLAIM 1: "Mongolia condemns Kazakhstan and recalls its ambassador" (a post shared widely).',
    "What was actually said: Mongolia's foreign ministry said on Wednesday that it was "
    '"following the situation with concern" and called for talks. It does not use the word '
    '"condemn".',
    'CLAIM 2: "Armenia backs the shutdown" (a video).',
    "What they really said: Armenia's foreign ministry, in a short written statement, said: "
    '"We reject any use of energy as a weapon against a neighbour."',
    "Verdict: FALSE.",
)


def test_a_fact_check_codes_what_was_actually_said_not_the_claim():
    """'What was actually said:' is a label over the real words, not a sentence whose speaker
    is "What"; a claim's words are nobody's; "the word 'condemn'" names a word, says none."""
    assert coded(FACT_CHECK, **PIPELINE) == {"MNG": "concern", "ARM": "condemn"}
    assert one(rows_of(FACT_CHECK, **PIPELINE), "MNG")["date"] == "2027-03-10"


def test_a_state_named_before_its_own_quoted_verb_speaks():
    text = article(
        "The position came from the ministry's spokeswoman at her Tuesday briefing: Tajikistan "
        '"deplores this unilateral step" and "urges an early return to supply".'
    )
    assert coded(text, **PIPELINE) == {"TJK": "condemn"}


PRESS_REVIEW = article(
    'ALMATY. "A tap is not a treaty," the daily Dala wrote in its editorial. Its columnist '
    'Aigerim Sadykova suggested that Moscow "could settle this with one call".',
    "The paper reported that Uzbekistan's foreign ministry had expressed \"deep regret at the "
    'shutdown" and called for supply to resume. It also carried the words of the Shanghai '
    "Cooperation Organisation's Secretary-General, who said that the organisation \"rejects the "
    'shutdown".',
    "Tajikistan's government has made no statement on the pipeline, the paper noted.",
)


def test_a_press_review_codes_relayed_statements_not_papers_or_columnists():
    """A government's words a paper relays are the government's ('reported that X's foreign
    ministry had expressed "..."', 'the words of'); a columnist's 'that Moscow "could ..."' is
    the columnist's; 'has made no statement, the paper noted' is no statement."""
    drafted = coded(PRESS_REVIEW, **PIPELINE)
    assert "RUS" not in drafted and "TJK" not in drafted
    assert set(drafted) == {"UZB", "SCO"}


def test_the_words_of_an_officer_name_who_said_them():
    text = article(
        "The agency carried the words of the Arab League's Secretary-General, Samir Idris, who "
        'said that the League "condemns the shutdown".'
    )
    assert coded(text, **PIPELINE) == {"LAS": "condemn"}


VOTE = article(
    "The General Assembly adopted on Tuesday a resolution demanding that Kazakhstan restore the "
    "flow of gas to Kyrgyzstan, by 90 votes to 12.",
    "Norway, which introduced the text, said the shutdown had left schools without heating.",
    "Peru voted in favour. Its ambassador said the text was measured.",
    "Laos voted against, saying the dispute was a bilateral matter.",
    "Those voting against included Cuba and Eritrea. Those in favour included Fiji and Ghana.",
    "Bhutan abstained.",
    'The OIC welcomed the adoption and said it would "follow the matter closely".',
)


def test_a_vote_on_a_resolution_about_a_states_act_judges_the_act():
    """Where a state acted on another, a yes to a resolution about its act opposes the act
    (condemn), a no shields it (support); sponsoring the text or welcoming its adoption is a
    yes; an abstention stays neutral; the states a list of votes names each vote so."""
    drafted = coded(VOTE, **PIPELINE)
    assert {code: drafted.get(code) for code in ("NOR", "PER", "LAO", "BTN", "OIC")} == {
        "OIC": "condemn",
        "NOR": "condemn",
        "PER": "condemn",
        "LAO": "support",
        "BTN": "neutral",
    }
    assert {code: drafted.get(code) for code in ("CUB", "ERI", "FJI", "GHA")} == {
        "CUB": "support",
        "ERI": "support",
        "FJI": "condemn",
        "GHA": "condemn",
    }
    note = one(rows_of(VOTE, **PIPELINE), "PER")["notes"]
    assert "a resolution on the act of KAZ" in note


def test_a_vote_where_the_resolution_is_the_event_backs_it():
    """Where every party is one the action was taken against (the resolution is the event),
    or no one was acted against, a yes backs the resolution, as the fifth batch codes it."""
    text = article(
        "Peru voted in favour of the resolution on Myanmar.", "Laos voted against the text."
    )
    assert coded(text, **RESOLUTION) == {"PER": "support", "LAO": "condemn"}
    assert coded(text, targets=["MMR"], date="2027-03-12") == {
        "PER": "support",
        "LAO": "condemn",
    }


def test_an_organizations_members_voting_is_its_act():
    """The AU acted: a member's yes in its vote backs the act; an aside opening with
    "traditionally one of" keeps the state before it as the vote's subject."""
    text = article(
        "Kenya abstained. Its foreign minister said Kenya would not stand in the way.",
        "Ghana, traditionally one of Gabon's closest partners in the region, voted in favour. "
        '"Gabon remains a friend, and we supported the suspension," its foreign minister said.',
    )
    assert coded(text, **SUSPENSION) == {"KEN": "neutral", "GHA": "support"}


def test_an_intensifier_turns_with_the_verb_it_strengthens():
    text = article(
        'Egypt\'s foreign ministry said it "condemns terrorism in the strongest terms" and '
        '"welcomes the suspension as a signal".'
    )
    assert coded(text, **SUSPENSION) == {"EGY": "support"}


def test_backing_called_overdue_or_a_first_step_is_support():
    text = article(
        'Ireland said the suspension was "long overdue".',
        'Spain called it "a first step" towards restoring civilian rule.',
        'The Arab League called it "a brave decision".',
    )
    assert coded(text, **SUSPENSION) == {"IRL": "support", "ESP": "support", "LAS": "support"}


def test_relief_and_joy_at_a_release_welcome_it():
    """The release is the event: relief or joy at it is support; condemning hostage-taking
    "in all its forms" is a practice in general, and leaves the welcome to decide."""
    text = article(
        'Italy\'s foreign minister said Italy was "deeply relieved" by the release.',
        'France "rejoices at the news", its foreign ministry said.',
        'Chad "salutes the release" and "strongly condemns hostage-taking in all its forms", '
        "its government spokesman said.",
    )
    assert coded(text, **RELEASE) == {"ITA": "support", "FRA": "support", "TCD": "support"}


def test_taking_note_decides_only_when_nothing_else_does():
    text = article(
        'Niger "takes note of the release" and warned that any ransom "feeds the armed groups".',
        "Benin's foreign ministry said it took note of the release.",
    )
    assert coded(text, **RELEASE) == {"NER": "concern", "BEN": "neutral"}
