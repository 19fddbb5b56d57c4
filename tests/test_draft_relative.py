"""Stance relative to the event (draft.relative): support for whom the action was taken
against is opposition to the action. The articles are written for these tests."""

from __future__ import annotations

import io
import tomllib

import pandas as pd
import pytest

from reactionmap.draft import draft_article

COUP = (
    "Soldiers in Niger said on Wednesday they had removed Niger's President Mohamed Bazoum.\n"
    "US Secretary of State Antony Blinken spoke with Bazoum and said the United States "
    "{how} him.\n"
    "Russia welcomed the change of government.\n"
)


def stance(rows: pd.DataFrame, code: str) -> tuple[str, str]:
    row = rows.set_index("actor_iso3").loc[code]
    return row["stance"], row["notes"]


@pytest.mark.parametrize(
    ("how", "expected"),
    [
        (
            "supports",
            "condemn",
        ),  # siding with the ousted side, as siding with the soldiers is support
        ("firmly supports", "condemn"),
        ("backs", "condemn"),
        ("appeared to support", "concern"),  # hedged: a step milder
    ],
)
def test_supporting_the_ousted_president_opposes_the_coup(how, expected):
    text = COUP.format(how=how)
    rows = draft_article(text, targets=["NER"], against=["NER"]).rows
    got, notes = stance(rows, "USA")
    assert got == expected
    assert "stance turned" in notes and "'him'" in notes and f"read as {expected}" in notes
    russia, russia_notes = stance(rows, "RUS")  # welcomed the coup: support stays support
    assert russia == "support" and "stance turned" not in russia_notes


def test_without_against_the_stance_is_read_as_before():
    text = COUP.format(how="supports")
    got, notes = stance(draft_article(text, targets=["NER"]).rows, "USA")
    assert got == "support" and "stance turned" not in notes


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Cuba expressed its solidarity with the people of Venezuela.", "condemn"),
        ("Cuba expressed its full solidarity with Venezuela.", "condemn"),
        ("Cuba stands with the Venezuelan government.", "condemn"),
        ("Cuba stands with the Venezuelan people.", "condemn"),
        ("Cuba seemed to stand with Venezuela.", "concern"),
        ("Cuba backs the strikes on Venezuela.", "support"),  # the action's side, not the hit
        ("Cuba supports the United States in Venezuela.", "support"),
        ("Cuba has not supported Venezuela.", "neutral"),  # negated: neutral, never turned
    ],
)
def test_only_support_for_whom_the_action_hit_is_turned(sentence, expected):
    rows = draft_article(sentence + "\n", against=["VEN"]).rows
    got, notes = stance(rows, "CUB")
    assert got == expected
    assert ("stance turned" in notes) == (expected in ("concern", "condemn"))


def test_praise_for_a_nationality_s_soldiers_is_not_support_for_the_side_hit():
    """In a coup the country's soldiers are who acted: a nationality word turns a cue only
    before a government's role or its people."""
    text = "Soldiers seized power in Niger.\nMali hailed the Nigerien soldiers as patriots.\n"
    got, notes = stance(draft_article(text, targets=["NER"], against=["NER"]).rows, "MLI")
    assert got == "support" and "stance turned" not in notes


def test_against_actors_are_parties():
    rows = draft_article("Venezuela condemned the strikes.\n", against=["VEN"]).rows
    assert stance(rows, "VEN")[0] == "party"


def test_the_command_line_takes_against_names_and_codes(cli, tmp_path):
    article = tmp_path / "coup.txt"
    article.write_text(COUP.format(how="supports"), encoding="utf-8")
    code, out, err = cli("draft", str(article), "--against", "Niger", "--target", "NER")
    assert code == 0, err
    rows = pd.read_csv(io.StringIO(out), dtype=str, keep_default_na=False)
    assert stance(rows, "USA")[0] == "condemn"
    code, out, _ = cli("draft", str(article), "--against", "NER", "VEN", "--date", "2023-07-27")
    assert code == 0
    rows = pd.read_csv(io.StringIO(out), dtype=str, keep_default_na=False)
    assert stance(rows, "USA")[0] == "condemn"
    code, _, err = cli("draft", str(article), "--against", "Korea")
    assert code == 2 and "'--against'" in err and "ambiguous" in err and "aliases.csv" in err


def test_an_event_drafted_with_against_lists_them_among_its_parties(cli, events_env, tmp_path):
    article = tmp_path / "coup.txt"
    article.write_text(COUP.format(how="supports"), encoding="utf-8")
    code, _, err = cli("draft", str(article), "--event-id", "niger-coup", "--against", "NER")
    assert code == 0, err
    meta = tomllib.loads((events_env / "niger-coup" / "event.toml").read_text(encoding="utf-8"))
    assert meta["parties"] == [{"iso3": "NER", "role": "target"}]
    rows = pd.read_csv(events_env / "niger-coup" / "statements.csv", dtype=str)
    assert stance(rows, "USA")[0] == "condemn"
