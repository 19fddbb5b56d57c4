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


# Iran stops a bulk carrier under Panama's flag: Iran acted on Panama.
BOARDING = {"targets": ["IRN", "PAN"], "against": ["PAN"], "date": "2027-05-12"}


def channel(*posts: str) -> str:
    """A messaging channel's export: each post a "[DD.MM.YY HH:MM] Name:" line, its text and
    the readers' reactions."""
    lines = [f"[1{n}.05.27 09:1{n}] Sea Watch:\n{post}\n👍 1{n}" for n, post in enumerate(posts)]
    return "published: 2027-05-12\n\nSea Watch channel\n\n" + "\n\n".join(lines) + "\n"


def test_a_posts_lead_names_its_speaker_past_a_flag_and_the_time_it_was_said():
    """ "🇪🇺 EU High Representative Ana Ruiz this evening:" and "ASEAN Secretary-General ... this
    morning:" are leads (the flag and the time word are not counted among their words), and
    the lead's words after it, a quotation with no verb outside it ('the bloc "urges ..."'),
    are the lead's; a lead whose words name another actor does not take them."""
    text = channel(
        '🇪🇺 EU High Representative Ana Ruiz this evening: "The EU condemns the boarding and '
        "calls for the crew's release.\"",
        'ASEAN Secretary-General Tan Wei Ling late yesterday: the bloc "urges restraint".',
        '🇨🇦 Canadian spokesperson Mia Roy just now: Ghana "condemns the boarding".',
    )
    assert coded(text, **BOARDING) == {"EU": "condemn", "ASEAN": "concern", "GHA": "condemn"}


def test_a_state_named_before_has_or_is_and_a_quoted_participle_speaks():
    """'China has "noted ..." and "hopes ... restraint"', 'Peru is "deeply troubled"': the
    state named before the quotation is its speaker, as 'Pakistan "condemns ..."' is."""
    text = channel(
        'Regular briefing today. Spokesperson Wang Li: China has "noted the reports" and '
        '"hopes all sides will exercise restraint".',
        'Lima, this morning: Peru is "deeply troubled by the boarding".',
    )
    assert coded(text, **BOARDING) == {"CHN": "concern", "PER": "concern"}


# Chile recognises the State of Palestine: Chile acted, and against no state.
RECOGNITION = {"targets": ["CHL"], "date": "2027-05-12"}


def column(*paragraphs: str) -> str:
    """An opinion column: the columnist's views around governments' reactions."""
    body = "\n\n".join(paragraphs)
    return f"published: 2027-05-12\n\nSantiago was right\n\nBy a columnist\n\n{body}\n"


def test_rejecting_or_welcoming_a_recognition_in_a_columns_wordings():
    """ "a serious mistake", "a historic error" and "a reward for terrorism" reject the act
    (`condemn`); "a great day for the region" welcomes it (`support`); a statement that
    "would have welcomed it" is hedged and does not outweigh the rejection."""
    text = column(
        'Poland\'s foreign ministry called the recognition "a serious mistake".',
        'Romania\'s prime minister said it was "a historic error".',
        'Serbia\'s foreign minister called it "a reward for terrorism".',
        'Bolivia\'s foreign minister called it "a great day for the region".',
        'Slovakia\'s foreign minister said it was "a grave error", and Slovakia blocked a text '
        "that would have welcomed it.",
    )
    assert coded(text, **RECOGNITION) == {
        "POL": "condemn",
        "ROU": "condemn",
        "SRB": "condemn",
        "BOL": "support",
        "SVK": "condemn",
    }


def test_an_officers_words_after_a_colon_that_closes_a_few_words_about_them():
    """'Spain's prime minister was briefer on Tuesday: "... Welcome."' and 'Peru's foreign
    minister was blunter still on Wednesday: "..."' are the officers' words."""
    text = column(
        'Spain\'s prime minister was briefer on Tuesday: "Chile joins us. Welcome."',
        'Peru\'s foreign minister was blunter still on Wednesday: "a historic error".',
    )
    assert coded(text, **RECOGNITION) == {"ESP": "support", "PER": "condemn"}


# Ethiopian troops cross into Somalia: Ethiopia acted on Somalia.
CROSSING = {"targets": ["ETH", "SOM"], "against": ["SOM"], "date": "2027-05-12"}


def test_an_interviewed_minister_reports_other_governments():
    """In an interview's answers, "He told me (that) Kenya condemns ...", "the Islamic
    Republic condemns ..." and "The Omanis called for restraint" are those governments'
    words; the interviewer's question in capitals is no one's statement."""
    text = (
        "published: 2027-05-12\n\nAn interview\n\n"
        "WHO HAS CALLED YOU SINCE TUESDAY?\n"
        "Warsame: My Kenyan counterpart called first. He told me Kenya condemns the crossing. "
        "Then Tehran: he told me that the Islamic Republic condemns the violation. "
        "The Omanis called for restraint and dialogue.\n"
    )
    assert coded(text, **CROSSING) == {"KEN": "condemn", "IRN": "condemn", "OMN": "concern"}
