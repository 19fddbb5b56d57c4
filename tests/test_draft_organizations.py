"""Every organization in data/countries/organizations.csv, by any of its names or through one of
its officers, is found as a speaker; a dated article's rows get its day, and a day where the
text fixes it (issue 18, part 4)."""

from __future__ import annotations

import pytest

from reactionmap.draft import draft_article
from reactionmap.places.resolver import default_resolver

ORGANIZATIONS = default_resolver().organizations()
# Officers' titles, not the persons who hold them (they change).
TITLES = (
    "Secretary-General",
    "Secretary General",
    "spokesperson",
    "High Representative",
    "President",
    "Commission President",
    "Chairperson",
    "chair",
    "Commissioner",
    "Special Envoy",
    "chief",
    "head",
)


def speakers(text: str) -> list[str]:
    return list(draft_article(text, date="2023-07-27").rows["actor_iso3"])


def names(org) -> list[str]:
    return [org.code, org.name, *org.aliases]


@pytest.mark.parametrize("org", ORGANIZATIONS, ids=lambda org: org.code)
def test_every_name_of_every_organization_speaks_for_it(org):
    for name in names(org):
        for sentence in (
            f"{name} said it condemned the attack.",
            f"The {name} said it condemned the attack.",
        ):
            assert speakers(sentence) == [org.code], sentence


@pytest.mark.parametrize("org", ORGANIZATIONS, ids=lambda org: org.code)
def test_every_officer_title_of_every_organization_speaks_for_it(org):
    for name in (org.code, org.name):
        for title in TITLES:
            for sentence in (
                f"The {title} of the {name} said he condemned the attack.",
                f"{name} {title} Jane Doe said she condemned the attack.",
                f"Jane Doe, {title} of the {name}, said she condemned the attack.",
                f"The {name}'s {title} said he condemned the attack.",
            ):
                assert speakers(sentence) == [org.code], sentence


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("UN Secretary-General António Guterres said he was deeply alarmed.", "UN"),
        ("António Guterres, the UN Secretary-General, said he was deeply alarmed.", "UN"),
        ("A spokesperson for the UN Secretary-General said he was deeply alarmed.", "UN"),
        ("U.N. spokesman Stephane Dujarric said the Secretary-General condemned it.", "UN"),
        ("UN human rights chief Volker Türk condemned the attack.", "UN"),
        ("Moussa Faki Mahamat, chairperson of the African Union Commission, condemned it.", "AU"),
        ("AU Commission Chairperson Moussa Faki Mahamat condemned the coup.", "AU"),
        ("The A.U. condemned the coup.", "AU"),
        ("The African Union's Peace and Security Council condemned the coup.", "AU"),
        ("ECOWAS Commission President Omar Alieu Touray condemned the coup.", "ECOWAS"),
        ("The president of the ECOWAS Commission condemned the coup.", "ECOWAS"),
        ("The West African bloc ECOWAS condemned the coup.", "ECOWAS"),
        ("EU foreign policy chief Josep Borrell condemned the coup.", "EU"),
        ("The E.U. condemned the coup.", "EU"),
        ("European Commission President Ursula von der Leyen condemned the coup.", "EU"),
        ("European Council President Charles Michel condemned the coup.", "EU"),
        ("EU spokesperson Nabila Massrali said the bloc condemned the coup.", "EU"),
        ("Kaja Kallas, the EU's High Representative, condemned the coup.", "EU"),
        ("OAS Secretary General Luis Almagro condemned the coup.", "OAS"),
        ("NATO Secretary General Jens Stoltenberg condemned the attack.", "NATO"),
        ("Arab League Secretary-General Ahmed Aboul Gheit condemned the attack.", "LAS"),
        ("CARICOM Chair Mia Mottley condemned the attack.", "CARICOM"),
        ("Moussa Faki Mahamat, head of the African Union Commission, condemned it.", "AU"),
        ("The head of the Arab League condemned the attack.", "LAS"),
        ("The 15-nation ECOWAS bloc condemned the coup.", "ECOWAS"),
        ("The Economic Community of West African States (ECOWAS) condemned the coup.", "ECOWAS"),
        ("The spokesperson for the Secretary-General of the United Nations said so.", "UN"),
    ],
)
def test_officers_as_wire_stories_name_them(sentence, code):
    assert speakers(sentence) == [code]


NIGER = """\
url: https://example.org/niger
publisher: Example Wire
published: Thu 27 Jul 2023 10:41 GMT

NIAMEY, July 27 - Soldiers said on state television late on Wednesday that they had removed the president.
The African Union on Thursday condemned the coup.
ECOWAS said in a statement on Wednesday it condemned the attempt to seize power.
France said on 26 July it condemned the attempt.
The EU's top diplomat said the bloc condemned the attempt.
Russia said Thursday's events were an internal matter and urged restraint.
"""


def test_a_dated_article_dates_every_row_the_text_fixes_and_reports_them_all():
    """The Niger case: a dated article (its date written out) gave no dated row."""
    rows = draft_article(NIGER, name="niger.txt").rows.set_index("actor_iso3")
    assert set(rows["reported"]) == {"2023-07-27"}
    assert rows.loc["AU", "date"] == "2023-07-27"  # "on Thursday", the article's day
    assert rows.loc["ECOWAS", "date"] == "2023-07-26"  # "on Wednesday", the day before
    assert rows.loc["FRA", "date"] == "2023-07-26"  # "on 26 July", the article's year
    # No day in the text: none guessed; "Thursday's events" dates the events, not the words.
    assert (rows.loc["EU", "date"], rows.loc["EU", "date_precision"]) == ("", "unknown")
    assert (rows.loc["RUS", "date"], rows.loc["RUS", "date_precision"]) == ("", "unknown")


def test_an_html_pages_meta_tags_give_its_day_url_and_publisher():
    page = (
        '<html><head><meta property="article:published_time" content="2023-07-27T10:41:00Z">'
        '<meta property="og:url" content="https://example.org/niger">'
        '<meta property="og:site_name" content="Example Wire"></head>'
        "<body><p>ECOWAS on Wednesday condemned the coup.</p></body></html>"
    )
    row = draft_article(page, name="niger.html").rows.iloc[0]
    assert (row["date"], row["reported"]) == ("2023-07-26", "2023-07-27")
    assert (row["source_url"], row["source_name"]) == ("https://example.org/niger", "Example Wire")


def test_a_header_that_states_no_publication_day_gives_none():
    for line in (
        "not stated on the page (reports events of 3 January 2026)",
        'not stated (reports reactions "Saturday", 3 January 2026)',
        "July 2023",
    ):
        rows = draft_article(f"published: {line}\n\nFrance condemned the coup.\n").rows
        assert list(rows["reported"]) == [""], line
    for line, day in (
        ("Thu 27 Jul 2023 10:41 GMT", "2023-07-27"),
        ("Thursday, July 27, 2023", "2023-07-27"),
        ("27 July 2023", "2023-07-27"),
        ("2023-07-27T10:41:00Z", "2023-07-27"),
    ):
        rows = draft_article(f"published: {line}\n\nFrance condemned the coup.\n").rows
        assert list(rows["reported"]) == [day], line


def test_a_datelines_full_day_dates_an_article_whose_header_gives_none():
    text = "World reacts to the raid\nMOSCOW, Jan. 4, 2026 – Russia on Saturday condemned it.\n"
    (row,) = draft_article(text).rows.to_dict("records")
    assert (row["reported"], row["date"]) == ("2026-01-04", "2026-01-03")
    # A dateline without its year gives no day: never guessed.
    text = "TBILISI, March 3 (Example Wire) - Germany on Monday condemned the shooting.\n"
    (row,) = draft_article(text).rows.to_dict("records")
    assert (row["reported"], row["date"]) == ("", "")
