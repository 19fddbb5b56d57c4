"""The drafter's sixteenth round of general rules, part b (issue 18): briefing notes pasted
from a slide deck, a messaging channel's posts, an interview as a paper prints it and a
column. Every sentence is written for these tests."""

from __future__ import annotations

from tests.drafted import coded

# Militias take the port of Moroni; Comoros is the side hit, no state acted.
SEIZURE = {"targets": ["COM"], "against": ["COM"], "date": "2027-05-12"}


def deck(*lines: str) -> str:
    """Briefing notes as pasted from a slide deck: a slide title, then its lines as written."""
    return "published: 2027-05-12\n\nSlide 4 of 9 — Reactions\n" + "\n".join(lines) + "\n"


def test_a_sub_bullet_is_the_words_of_the_actor_its_bullet_names():
    """Under "• Chile — MFA, Mon 10/5", a "–" entry with no verb of its own (a quotation, a
    stance verb with no subject) is Chile's; an entry under a bullet that names no actor, or
    one that names its own, is not the bullet's."""
    text = deck(
        "• Chile — MFA, Mon 10/5",
        '  – "condemns the takeover of Moroni"; the militias "must leave the port"',
        "• Peru — Foreign Ministry",
        "  – condemns the attack; calls for a withdrawal",
        "• Uruguay — FM, Tue 11/5",
        '  – "deeply regrets"; will raise it at the OAS',
        "• Background",
        "  – the port handles most of the islands' fuel",
        "• Japan — MOFA",
        '  – "seriously concerned"',
    )
    assert coded(text, **SEIZURE) == {
        "CHL": "condemn",
        "PER": "condemn",
        "URY": "concern",
        "JPN": "concern",
    }
