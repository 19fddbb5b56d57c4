"""Stance words read the way a table's author wrote them; the scale that fits is found."""

from __future__ import annotations

import pandas as pd
import pytest

from reactionmap.contract.reviewed import ReviewedFileError
from reactionmap.contract.scale import DEFAULT_SCALE, VOTE_SCALE, Category, Scale, scale_from_config
from reactionmap.intake.stance_words import apply_value_map, detect_scale, to_keys, value_table
from reactionmap.intake.words import STANCES_FILE, fold, read_stance_words

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
    values = pd.Series(["Maybe", "Nope", "Maybe", "Against", ""])
    table = value_table(values, VOTE_SCALE)
    assert table.to_dict("records") == [
        {"value": "Maybe", "rows": 2, "key": ""},
        {"value": "Nope", "rows": 1, "key": ""},
        {"value": "Against", "rows": 1, "key": "no"},
    ]
    mapped = apply_value_map(values, {"Maybe": "yes", "Nope": "no", "Against": "no"})
    assert mapped.tolist() == ["yes", "no", "yes", "no", ""]


# ---- other languages' words, from the reviewed list data/words/stances.csv --------------------
# The UN's French and Spanish words for a recorded vote, in any case and with or without accents.
OTHER_VOTE_WORDS = {
    "yes": ["Oui", "OUI", "Pour", "Sí", "si", "SÍ", "A favor", "a-favor", "Votos a favor"],
    "no": ["Non", "Contre", "No", "NO", "En contra", "Votos en contra"],
    "abstain": ["Abstention", "Abstentions", "Se sont abstenus", "Abstención", "ABSTENCION",
                "Abstenciones", "s'est abstenue", "S\u2019est abstenu"],
    "absent": ["Absent", "Absente", "Non-votant", "non votant", "Ausente", "No votó",
               "N\u2019a pas participé au vote"],
}  # fmt: skip
OTHER_REACTION_WORDS = {
    "condemn": ["condamne", "Condamné", "CONDENA", "condenó", "Condamnation"],
    "concern": ["préoccupation", "Preocupacion", "inquiétude", "Appel à la retenue"],
    "neutral": ["neutre", "Neutral", "neutralidad"],
    "support": ["soutien", "Apoyo", "apoya", "respaldo"],
    "party": ["Directement impliqué", "directamente implicado"],
}


@pytest.mark.parametrize(
    ("key", "word"), [(k, w) for k, ws in OTHER_VOTE_WORDS.items() for w in ws]
)
def test_vote_scale_reads_french_and_spanish_words(key, word):
    assert to_keys(pd.Series([word]), VOTE_SCALE).tolist() == [key]


@pytest.mark.parametrize(
    ("key", "word"), [(k, w) for k, ws in OTHER_REACTION_WORDS.items() for w in ws]
)
def test_default_scale_reads_french_and_spanish_reactions(key, word):
    assert to_keys(pd.Series([word]), DEFAULT_SCALE).tolist() == [key]


def test_a_word_reads_only_in_its_own_scale():
    # "Oui" is a vote; "soutien" a reaction: each scale reads only its own words.
    assert to_keys(pd.Series(["Oui", "soutien"]), DEFAULT_SCALE).tolist() == ["Oui", "support"]
    assert to_keys(pd.Series(["Oui", "soutien"]), VOTE_SCALE).tolist() == ["yes", "soutien"]
    # An event's own scale with the default's keys reads them too; one with other keys does not.
    relabelled = Scale(
        tuple(Category(c.key, c.label.upper(), c.color) for c in DEFAULT_SCALE.categories)
    )
    assert to_keys(pd.Series(["condena"]), relabelled).tolist() == ["condemn"]
    own, _ = scale_from_config([{"key": "for", "label": "For", "color": "#009E73"}], "event.toml")
    assert to_keys(pd.Series(["Oui"]), own).tolist() == ["Oui"]


def test_detect_scale_counts_the_words_of_other_languages():
    french = detect_scale(pd.Series(["Oui"] * 5 + ["Non"] * 2 + ["Abstention"] * 3))
    assert (french.name, french.matched, french.total) == ("vote", 10, 10)
    spanish = detect_scale(pd.Series(["Sí", "No", "Abstención", "Ausente", "Sí"]))
    assert (spanish.name, spanish.matched, spanish.fits) == ("vote", 5, True)
    reactions = detect_scale(pd.Series(["Condena", "Preocupación", "Apoyo", "Neutral"]))
    assert (reactions.name, reactions.matched, reactions.fits) == ("default", 4, True)


def test_fold_is_blind_to_case_accents_and_separators_in_latin_script_only():
    assert fold(" Abstención ") == fold("ABSTENCION") == "abstencion"
    assert fold("Non-votant") == fold("non_votant") == fold("NON  VOTANT") == "non votant"
    assert fold("N\u2019a pas") == fold("n'a pas")
    # Marks of other scripts are letters of their own: Cyrillic й is not и.
    assert fold("й") != fold("и")


def test_the_shipped_stance_words_are_read_and_each_means_one_key_per_scale():
    words = read_stance_words(STANCES_FILE)
    assert words["vote"]["oui"] == "yes" and words["vote"]["no"] == "no"
    assert words["default"]["condena"] == "condemn"
    assert "oui" not in words["default"]


def _stances(tmp_path, *rows: str):
    path = tmp_path / "stances.csv"
    path.write_text("word,scale,key,language,note\n" + "".join(r + "\n" for r in rows), "utf-8")
    return path


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        # A word meaning two keys within one scale is refused, never guessed.
        (["Oui,vote,yes,fr,", "OUÍ,vote,no,es,"], r"line 3: 'OUÍ' means no here and yes on line 2"),
        # Nor may it contradict the scale's own keys, labels and aliases.
        (["A,vote,yes,fr,"], r"line 2: 'A' means yes here, but the vote scale reads it as abstain"),
        (["Neutral,default,support,es,"], r"reads it as neutral"),
        (["Oui,vote,yes,fr,", "oui,vote,yes,fr,"], r"line 3: 'oui' \(fr, vote\) is repeated"),
        (["Oui,poll,yes,fr,"], r"scale 'poll' is not one of default, vote"),
        (["Oui,vote,maybe,fr,"], r"key 'maybe' is not a key of the vote scale"),
        ([" ,vote,yes,fr,"], r"line 2: the word is empty"),
        (["Oui,vote,yes,French,"], r"language 'French' is not a two-letter code"),
    ],
)
def test_a_stance_word_list_that_guesses_is_refused_naming_file_and_line(tmp_path, rows, message):
    with pytest.raises(ReviewedFileError, match=message) as caught:
        read_stance_words(_stances(tmp_path, *rows))
    assert str(caught.value).startswith(str(tmp_path))


def test_the_same_word_may_mean_one_key_in_two_languages_and_other_keys_in_two_scales(tmp_path):
    # Spanish and English "No" are both a no vote; a word of the vote scale may mean something
    # else in the default scale, since the scale is chosen first.
    words = read_stance_words(
        _stances(
            tmp_path,
            "No,vote,no,es,",
            "No,vote,no,en,",
            "Pour,vote,yes,fr,",
            "Pour,default,support,fr,",
        )  # fmt: skip
    )
    assert words["vote"] == {"no": "no", "pour": "yes"}
    assert words["default"] == {"pour": "support"}
