"""Only statements make rows (draft.statement): speculation and background about an actor give
none. The sentences are written for these tests, after the Niger coup round-up of issue 18."""

from __future__ import annotations

import pytest

from reactionmap.draft import draft_article

LEAD = "Soldiers said on Wednesday they had removed Niger's President Mohamed Bazoum.\n"


def actors(sentence: str) -> list[str]:
    return draft_article(LEAD + sentence + "\n", targets=["NER"]).rows["actor_iso3"].tolist()


@pytest.mark.parametrize(
    "sentence",
    [
        # the speculation case: three neutral rows before
        "It was unclear where Bazoum was on Thursday, and the United States, France and the "
        "European Union had not said whether they were in contact with him.",
        "It remains to be seen whether the United States will call the takeover a coup.",
        "Analysts expect France to condemn the coup.",
        "Germany has not commented on the coup.",
        "Britain has yet to comment on the takeover.",
        "Niger's neighbours, including Nigeria and Benin, are members of ECOWAS, which has "
        "condemned coups in Mali and Burkina Faso.",
        # background
        "The United States has spent about $500 million since 2012 to help Niger's army.",
        "France, the former colonial power, keeps about 1,500 troops in Niger.",
        "Russia's Wagner group has been active in neighbouring Mali since 2021.",
        "It was not immediately clear whether France, Germany and Italy would evacuate "
        "their citizens.",
    ],
)
def test_speculation_and_background_give_no_row(sentence):
    assert actors(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "It was unclear where Bazoum was being held, the United States, France and "
            "Germany said.",
            ["USA", "FRA", "DEU"],
        ),
        (
            "The French government has not confirmed the arrest, but its foreign ministry "
            "said it condemned the coup.",
            ["FRA"],
        ),
        ("Germany said it would condemn any use of force.", ["DEU"]),
        ('Italy has not commented, saying only that it was "following events closely".', ["ITA"]),
        ("Nigeria, which chairs the regional bloc, condemned the coup.", ["NGA"]),
    ],
)
def test_statements_next_to_such_words_still_give_their_rows(sentence, expected):
    assert actors(sentence) == expected
