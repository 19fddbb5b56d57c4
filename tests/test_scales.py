"""Stance words read the way a table's author wrote them; the scale that fits is found."""

from __future__ import annotations

import pandas as pd
import pytest

from reactionmap.contract.scale import DEFAULT_SCALE, VOTE_SCALE, scale_from_config
from reactionmap.intake.stance_words import apply_value_map, detect_scale, to_keys, value_table

VOTE_WORDS = {
    "yes": ["Y", "yes", "YES", "In favour", "in favor", "Favour"],
    "no": ["N", "no", "Against", "AGAINST"],
    "abstain": ["A", "abstain", "Abstention", "abstained", "ABSTAINED"],
    "absent": ["X", "NV", "Non-voting", "not voting", "Did not vote", "absent", "NON VOTING"],
}


@pytest.mark.parametrize(("key", "word"), [(k, w) for k, ws in VOTE_WORDS.items() for w in ws])
def test_vote_scale_reads_every_usual_word(key, word):
    assert to_keys(pd.Series([word]), VOTE_SCALE).tolist() == [key]


def test_default_scale_reads_labels_and_keys_unknown_words_stay_as_written():
    words = pd.Series(["Condemned", "condemn", " Supported ", "Directly involved", "Approve"])
    keys = to_keys(words, DEFAULT_SCALE).tolist()
    assert keys == ["condemn", "condemn", "support", "party", "Approve"]


def test_event_toml_scale_can_carry_aliases():
    entries = [
        {"key": "for", "label": "For", "color": "#009E73", "aliases": ["Oui", "Ja"]},
        {"key": "against", "label": "Against", "color": "#D55E00"},
    ]
    scale, problems = scale_from_config(entries, "event.toml")
    assert problems == []
    assert to_keys(pd.Series(["oui", "JA", "Against"]), scale).tolist() == [
        "for",
        "for",
        "against",
    ]
    _, problems = scale_from_config([{**entries[0], "aliases": "Oui"}], "event.toml")
    assert [p.column for p in problems] == ["scale[1].aliases"]


def test_detects_the_scale_that_fits_most_rows():
    votes = pd.Series(["In favour"] * 100 + ["Against"] * 5 + ["Non-voting"] * 12 + [""])
    guess = detect_scale(votes)
    assert (guess.name, guess.matched, guess.total, guess.fits) == ("vote", 117, 117, True)
    reactions = pd.Series(["condemn", "Supported", "neutral", "yes"])
    guess = detect_scale(reactions)
    assert (guess.name, guess.matched, guess.fits) == ("default", 3, False)


def test_value_table_and_a_readers_mapping():
    values = pd.Series(["Oui", "Non", "Oui", "Against", ""])
    table = value_table(values, VOTE_SCALE)
    assert table.to_dict("records") == [
        {"value": "Oui", "rows": 2, "key": ""},
        {"value": "Non", "rows": 1, "key": ""},
        {"value": "Against", "rows": 1, "key": "no"},
    ]
    mapped = apply_value_map(values, {"Oui": "yes", "Non": "no", "Against": "no"})
    assert mapped.tolist() == ["yes", "no", "yes", "no", ""]
