"""Header names read as the contract's: one rule for guessing, renaming and normalising."""

from __future__ import annotations

import pandas as pd
import pytest

from reactionmap.contract.reviewed import ReviewedFileError
from reactionmap.intake.columns import (
    contract_name,
    guess_columns,
    header_name,
    normalise_columns,
    reader_headers,
    with_columns,
)
from reactionmap.intake.words import HEADERS_FILE, read_header_words


def test_one_rule_reads_a_header_as_the_contracts_name():
    assert header_name("  Speaker Role ") == "speaker_role"
    assert header_name("date-precision") == "date_precision"
    assert header_name("Member State") == "member_state"  # a synonym is not read here
    assert contract_name("Member State") == "actor" and contract_name(" VOTE ") == "stance"
    assert contract_name("Speaker Role") == "speaker_role"


def test_guessing_renaming_and_normalising_agree():
    raw = pd.DataFrame(columns=["Member State", "Vote", "Speaker Role", "Notes"])
    assert guess_columns(list(raw.columns)) == ("Member State", "Vote")
    assert list(normalise_columns(raw).columns) == ["actor", "stance", "speaker_role", "notes"]
    # With the contract's own column, it wins and the synonym is left as it is (then ignored).
    both = pd.DataFrame(columns=["Country", " Actor ", "Vote"])
    assert guess_columns(list(both.columns)) == (" Actor ", "Vote")
    assert list(normalise_columns(both).columns) == ["country", "actor", "stance"]
    chosen = with_columns(both, " Actor ", "Vote")
    assert list(chosen.columns) == ["not used: Country", "actor", "stance"]


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        (["Pays", "Vote"], ("Pays", "Vote")),
        (["État membre", "Position"], ("État membre", "Position")),
        (["País", "Voto"], ("País", "Voto")),
        (["Estado miembro", "Sentido del voto"], ("Estado miembro", "Sentido del voto")),
        (["Nom du pays", "Réaction"], ("Nom du pays", "Réaction")),
        (["Estado", "Reacción"], ("Estado", "Reacción")),
        # Case, accents and separators aside.
        (["PAIS", "VOTACION"], ("PAIS", "VOTACION")),
        (["etat-membre", "reaction"], ("etat-membre", "reaction")),
        # "Nombre" is Spanish for a name and French for a number: never guessed.
        (["Nombre", "Postura"], (None, "Postura")),
    ],
)
def test_french_and_spanish_headers_are_guessed(columns, expected):
    assert guess_columns(columns) == expected


def test_header_words_normalise_as_the_contracts_columns():
    raw = pd.DataFrame(columns=["País", "Voto", "Fecha", "date"])
    assert list(normalise_columns(raw).columns) == ["actor", "stance", "fecha", "date"]
    assert contract_name("  ÉTATS MEMBRES ") == "actor" and contract_name("Posición") == "stance"


def test_reader_headers_name_each_column_as_the_reader_wrote_it():
    headers = reader_headers(["Country", "Pays", "Vote", "Date", "Who"], "Pays", "Vote")
    assert headers == {
        "not_used:_country": "Country",
        "actor": "Pays",
        "stance": "Vote",
        "date": "Date",
        "who": "Who",
    }


def test_the_shipped_header_words_each_mean_one_column():
    words = read_header_words(HEADERS_FILE)
    assert words["pais"] == words["etat membre"] == words["member state"] == "actor"
    assert words["voto"] == words["vote"] == words["reaccion"] == "stance"
    assert "nombre" not in words


def _headers(tmp_path, *rows: str):
    path = tmp_path / "headers.csv"
    path.write_text("word,means,language,note\n" + "".join(r + "\n" for r in rows), "utf-8")
    return path


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        # A header word meaning two columns is refused, never guessed.
        (
            ["Nombre,actor,es,", "nombre,stance,fr,"],
            r"line 3: 'nombre' means stance here and actor on line 2",
        ),
        (["Quote,actor,en,"], r"line 2: 'Quote' is the data contract's own column"),
        (["Pays,actor,fr,", "PAYS,actor,fr,"], r"line 3: 'PAYS' \(fr\) is repeated"),
        (["Pays,country,fr,"], r"means 'country' is not one of actor, stance"),
        (["Pays,actor,,"], r"language '' is not a two-letter code"),
    ],
)
def test_a_header_word_list_that_guesses_is_refused_naming_file_and_line(tmp_path, rows, message):
    with pytest.raises(ReviewedFileError, match=message) as caught:
        read_header_words(_headers(tmp_path, *rows))
    assert str(caught.value).startswith(str(tmp_path))


def test_one_header_word_may_stand_in_two_languages(tmp_path):
    words = read_header_words(_headers(tmp_path, "Vote,stance,en,", "Vote,stance,fr,"))
    assert words == {"vote": "stance"}
