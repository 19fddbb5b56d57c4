"""Problems in the words of a reader who brought a table (the upload page), while the editor's
message (`reactionmap check`) still names file, row, column and the allowed values."""

from __future__ import annotations

import pandas as pd

from reactionmap.contract.scale import VOTE_SCALE
from reactionmap.intake.columns import reader_headers, with_columns
from reactionmap.intake.reader_words import (
    READER_TEXT,
    reader_frame,
    reader_summary,
)
from reactionmap.intake.statements import event_from_table
from reactionmap.places.resolver import default_resolver

RAW = pd.DataFrame(
    {
        "Pays": ["France", "Korea", "Atlantis", "Allemagne", "Inde"],
        "Vote": ["Oui", "Oui", "Non", "Maybe", "Maybe"],
        "Commentaire": ["", "", "", "", ""],
        "Date": ["", "", "", "", "3/1/2026"],
    }
)


def event_of(raw: pd.DataFrame, actor: str | None, stance: str | None):
    return event_from_table(with_columns(raw, actor, stance), VOTE_SCALE, "votes.csv")


def reader_rows(raw: pd.DataFrame, actor: str | None, stance: str | None) -> dict[str, dict]:
    event = event_of(raw, actor, stance)
    headers = reader_headers(list(raw.columns), actor, stance)
    frame = reader_frame(event, headers, default_resolver().country_name)
    return {row["problem"]: row for row in frame.to_dict("records")}


def test_each_kind_is_said_in_the_readers_words_with_its_rows_and_their_headers():
    rows = reader_rows(RAW, "Pays", "Vote")
    assert list(next(iter(rows.values()))) == [
        "problem", "row", "column", "value", "rows", "row numbers", "row mapped"
    ]  # fmt: skip
    maybe = rows[
        "'Maybe' is not a stance this scale reads: choose its stance in the table above, or fix the cell"
    ]
    assert (maybe["column"], maybe["value"], maybe["rows"], maybe["row numbers"]) == (
        "Vote", "Maybe", 2, "5, 6"
    )  # fmt: skip
    (korea,) = [r for p, r in rows.items() if p.startswith("'Korea' could be KOR (")]
    assert "or PRK (" in korea["problem"] and korea["problem"].endswith(
        "write the one you mean in the cell"
    )
    assert (korea["column"], korea["row"]) == ("Pays", 3)
    (atlantis,) = [r for p, r in rows.items() if p.startswith("'Atlantis' is not a country")]
    assert (atlantis["column"], atlantis["row"]) == ("Pays", 4)
    unused = rows[
        "'Commentaire' is not used: the map reads the countries, the stance and, when present, "
        "the data contract's other columns (date, quote, speaker, source_url …)"
    ]
    assert (unused["column"], unused["row"], unused["row mapped"]) == ("Commentaire", 1, "")
    # A kind with no words of its own keeps the editor's, on the reader's column.
    (date,) = [r for p, r in rows.items() if p.startswith("'3/1/2026'")]
    assert (date["column"], date["row"]) == ("Date", 6)


def test_a_column_not_chosen_is_asked_for():
    rows = reader_rows(RAW, None, "Vote")
    asked = rows["Choose the column that holds the countries"]
    assert (asked["row"], asked["column"]) == (1, "")
    rows = reader_rows(RAW, "Pays", None)
    assert "Choose the column that holds the stance (or the vote)" in rows


def test_the_editors_messages_still_name_file_row_column_and_allowed_values():
    event = event_of(RAW, "Pays", "Vote")
    said: dict[str, str] = {}
    for problem in event.problems:
        said.setdefault(problem.kind, str(problem))
    assert said["stance"] == (
        "votes.csv, row 5, column stance: 'Maybe' is not a stance of this scale; use one of: "
        "yes, no, abstain, absent"
    )
    assert said["place_ambiguous"].startswith("votes.csv, row 3, column actor: Cannot resolve")
    assert said["unused_column"].startswith("votes.csv, row 1, column commentaire: unknown column")
    missing = event_of(RAW, None, "Vote").problems
    assert "required column 'actor' is missing; columns are: statement_id, actor" in str(missing[0])
    assert missing[0].allowed[:2] == ("statement_id", "actor")


def test_every_kind_with_words_is_one_the_checks_give():
    kinds = {p.kind for p in event_of(RAW, "Pays", "Vote").problems}
    kinds |= {p.kind for p in event_of(RAW, None, None).problems}
    assert {kind for kind, _ in READER_TEXT} <= kinds


def test_the_summary_says_how_many_rows_wait_and_where():
    event = event_of(RAW, "Pays", "Vote")
    assert reader_summary(event).startswith("4 of 5 rows are not on the map yet. Each problem")
    only_notes = event_of(RAW.iloc[[0]], "Pays", "Vote")
    assert reader_summary(only_notes) == "Every row is on the map. 1 note(s) on your table below."
