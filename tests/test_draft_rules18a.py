"""The drafter's eighteenth round of general rules, part a (issue 18): reporting verbs it lacked,
an organization's members named in an aside, speculation and quotes from traders and analysts, a
state's news agency, a right in quotation marks and an act called a crime. Every sentence is
written for these tests."""

from __future__ import annotations

import pytest

from tests.drafted import coded, stance_of

# Norway halts gas sales to Denmark (an event written for the tests):
HALT = {"targets": ["NOR", "DNK"], "against": ["DNK"], "date": "2027-05-12"}


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ('Chile\'s president encouraged both capitals "to exercise restraint".', "concern"),
        ('In Santiago, the foreign ministry recalled "Chile\'s long friendship".', "neutral"),
        ('Chile\'s foreign minister recalled "its call for restraint" on both sides.', "concern"),
    ],
)
def test_encouraged_and_recalled_report_a_statement(sentence, stance):
    """'encouraged' and 'recalled' report words said, as 'urged' and 'noted' do."""
    assert stance_of(sentence, "CHL", **HALT) == stance


def test_recalled_with_no_quotation_is_an_act_not_words():
    """'recalled its ambassador' reports an act: no row from it alone."""
    assert coded("Chile recalled its ambassador from Oslo on Monday.", **HALT) == {}


@pytest.mark.parametrize(
    "sentence",
    [
        'The Group of Seven, including Canada and Italy, said it would "condemn the halt".',
        'Finance ministers of the Group of Seven, including Canada and Italy, said they "condemn'
        ' the halt".',
    ],
)
def test_members_named_in_an_organizations_aside_get_no_row(sentence):
    """The statement is the organization's: its members named after ", including" get none."""
    assert coded(sentence, **HALT) == {"G7": "condemn"}


@pytest.mark.parametrize("who", ["traders", "analysts", "strategists"])
def test_speculation_reported_by_traders_gives_no_row(who):
    """'It was unclear whether ... Chile ..., traders said': their guess, not Chile's words;
    '..., Chile said' after the same speculation still reports Chile."""
    guess = "It was unclear whether the halt covers gas resold through Chile or Peru"
    assert coded(f"{guess}, {who} said.", **HALT) == {}
    assert list(coded(f"{guess}, Chile's foreign ministry said.", **HALT)) == ["CHL"]


def test_an_analysts_quote_is_not_the_last_speakers():
    """A quotation said by an analyst after a government spoke is not that government's."""
    text = (
        'Chile said it was "deeply worried" by the halt. "Chilean buyers could find other '
        'suppliers within weeks," said Ana Rojas, an analyst at a bank in Santiago.'
    )
    assert coded(text, **HALT) == {"CHL": "concern"}


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ('Cuba\'s official ACN news agency called the halt "a criminal act".', "CUB"),
        ('Vietnam\'s official VNA news agency said the halt was "a criminal act".', "VNM"),
    ],
)
def test_a_states_news_agency_named_by_its_short_name_speaks_for_it(sentence, code):
    """'X's official KCNA-style news agency' speaks for X; calling the act a crime condemns it."""
    assert coded(sentence, **HALT) == {code: "condemn"}


@pytest.mark.parametrize(
    "sentence",
    [
        'Serbia said Norway had acted within its "sovereign right".',
        'Serbia said Oslo had acted within its "legitimate right" to protect its reserves.',
    ],
)
def test_a_right_in_quotation_marks_backs_the_act(sentence):
    """A quotation mark opening inside 'its sovereign right' leaves the cue whole."""
    assert stance_of(sentence, "SRB", **HALT) == "support"


def test_a_party_named_in_the_next_reported_clause_is_not_the_cues_object():
    """'... within its "sovereign right" and that Copenhagen ...': the cue backs the acting
    state; whom the next clause names is not what it supports."""
    text = (
        'Serbia said Norway had acted within its "sovereign right" and that Copenhagen had '
        '"only itself to blame".'
    )
    assert stance_of(text, "SRB", **HALT) == "support"
