"""The drafter's sixteenth round of general rules, part a (issue 18): a TV caption file read
back as running text, an election's result accepted or rejected, the Secretary-General's
spokesperson with no organization named, a post "on X." ending its sentence, an
organization's officer after "At <organization>," and acts called void, intimidation or to
be withdrawn. Every sentence is written for these tests."""

from __future__ import annotations

from functools import partial

import pytest

from reactionmap.draft.captions import uncaptioned
from tests.drafted import coded, round_up, rows_of

# Malawi's electoral commission declares its president re-elected: Malawi is the party.
ELECTION = {"targets": ["MWI"], "date": "2027-05-14"}
# Chad moves troops into a Sudanese border district: Chad acted against Sudan.
INCURSION = {"targets": ["TCD", "SDN"], "against": ["SDN"], "date": "2027-05-14"}

article = partial(round_up, published="2027-05-14", title="Reactions")

SRT = """published: 2027-05-14

1
00:00:01,000 --> 00:00:03,000
[THEME MUSIC]

2
00:00:03,100 --> 00:00:06,000
>> ANCHOR: Good evening. Chad's troops
crossed into Sudan overnight.

3
00:00:06,100 --> 00:00:09,000
[REPORTER] Niger's foreign ministry
said it "strongly condemns the

4
00:00:09,100 --> 00:00:12,000
incursion", and the UN Secretary-
General called for restraint.

5
00:00:12,100 --> 00:00:14,000
[CROWD NOISE]
"""

VTT = """WEBVTT

NOTE written for the tests

cue-1
00:01.000 --> 00:03.000 align:start
<v Anchor>Good evening. Chad's troops
crossed into Sudan overnight.

cue-2
00:03.100 --> 00:06.000
Niger's foreign ministry
said it "strongly condemns the

cue-3
00:06.100 --> 00:09.000
<i>incursion</i>", and the UN Secretary-
General called for restraint. ♪
"""


@pytest.mark.parametrize("text", [SRT, VTT], ids=["srt", "webvtt"])
def test_a_caption_file_is_read_as_running_text(text):
    """Timing lines, cue numbers, tags and sound notes are no words; a quote and a hyphenated
    title that run across cues are whole; a speaker mark opens a paragraph."""
    lines = [line.strip() for line in text.split("\n")]
    paragraphs = uncaptioned(lines[2:] if text.startswith("published") else lines)
    assert paragraphs[0] == "ANCHOR: Good evening. Chad's troops crossed into Sudan overnight."
    assert paragraphs[1] == (
        'Niger\'s foreign ministry said it "strongly condemns the incursion", and the UN '
        "Secretary-General called for restraint."
    )
    assert len(paragraphs) == 2
    rows = rows_of(text, **INCURSION)
    assert dict(zip(rows["actor_iso3"], rows["stance"], strict=True))["NER"] == "condemn"
    assert "strongly condemns the incursion" in set(rows["quote"])


def test_lines_that_are_no_caption_file_are_left_as_they_are():
    """One timing-like line is not a caption file: the lines are not joined."""
    lines = ["00:00:01,000 --> 00:00:02,000", "Niger said", "it was concerned."]
    assert uncaptioned(lines) == lines


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ('Zambia\'s foreign ministry said the vote was "neither free nor fair".', "condemn"),
        ("Zambia said the declared result does not reflect the will of Malawians.", "condemn"),
        ("Zambia's president said Zambia would not recognise the outcome.", "condemn"),
        ("Zambia's foreign ministry called for a repeat vote under observation.", "condemn"),
        ("Zambia's ministry said the result was the sovereign choice of the people.", "support"),
        ("Zambia's ministry said Lusaka respects the choice of the Malawian people.", "support"),
        (
            "Zambia said it had serious concerns and is not in a position to congratulate "
            "the winner.",
            "concern",
        ),
    ],
)
def test_an_elections_result_rejected_accepted_or_questioned(sentence, stance):
    """Not free or fair, not the voters' will, refused recognition, a rerun called for:
    condemn; the people's own choice: support; concern without congratulating: concern."""
    assert coded(article(sentence), **ELECTION)["ZMB"] == stance


def test_the_secretary_generals_spokesperson_with_no_organization_named_is_the_uns():
    """ "The Secretary-General's spokesperson" alone is the UN's; another organization's
    Secretary-General, named, is that organization's."""
    text = article(
        "The Secretary-General's spokesperson said the Secretary-General was concerned.",
        "The Arab League's Secretary-General condemned the incursion.",
    )
    assert coded(text, **INCURSION) == {"UN": "concern", "LAS": "condemn"}


def test_a_post_on_x_ends_its_sentence():
    """ "... in a post on X. Niger's ministry said" is two sentences: "X." is no initial."""
    text = article(
        "Mali's foreign minister condemned the incursion in a post on X. Niger's foreign "
        "ministry said it was concerned."
    )
    assert coded(text, **INCURSION) == {"MLI": "condemn", "NER": "concern"}


@pytest.mark.parametrize(
    "sentence",
    [
        "And at the African Union in Addis Ababa, the chairperson condemned the incursion.",
        "At the African Union, the chairperson condemned the incursion.",
    ],
)
def test_an_officer_after_at_an_organization_speaks_for_it(sentence):
    """ "At <organization>[ in <its seat>], the <officer> said": the organization's, not the
    seat's state (Ethiopia here)."""
    assert coded(article(sentence), **INCURSION) == {"AU": "condemn"}


@pytest.mark.parametrize(
    "sentence",
    [
        'Egypt\'s foreign ministry called the move "null and void".',
        'Egypt demanded "the immediate withdrawal of Chadian troops".',
        'Egypt\'s minister called the manoeuvres "an act of intimidation".',
    ],
)
def test_an_act_called_void_or_intimidation_or_to_be_withdrawn_is_opposed(sentence):
    """Void, a withdrawal demanded of the forces that moved, intimidation: condemn."""
    assert coded(article(sentence), **INCURSION)["EGY"] == "condemn"


def test_the_intimidation_of_voters_reported_is_no_cue():
    """ "Intimidation" alone, a reported fact, gives no stance."""
    text = article("Zambia's ministry said observers reported the intimidation of voters.")
    assert coded(text, **ELECTION)["ZMB"] == "neutral"
