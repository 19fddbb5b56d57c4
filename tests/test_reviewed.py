"""Reviewed files (data/countries/*.csv, data/draft/*.csv) are read by one strict reader: the exact
header, rows as long as it, and every error naming the file and its line."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from reactionmap.contract.paths import COUNTRIES_DIR
from reactionmap.contract.reviewed import ReviewedFileError, display_path, read_reviewed
from reactionmap.places.former import former_members
from reactionmap.places.resolver import CountryResolver, default_resolver

# The module, not the function of that name that reactionmap.draft exports.
lexicon = importlib.import_module("reactionmap.draft.lexicon")
COLUMNS = ("code", "name", "note")


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_rows_come_with_their_line_and_stripped_cells(tmp_path):
    path = _write(tmp_path / "r.csv", 'code,name,note\nAA, Aa ,x\n\nBB,"B\nb",\nCC,Cc,\n')
    rows = read_reviewed(path, COLUMNS)
    # The blank line 3 is skipped but counted; a quoted line break keeps the lines true.
    assert [line for line, _ in rows] == [2, 5, 6]
    assert rows[0][1] == {"code": "AA", "name": "Aa", "note": "x"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "code,name\nAA,Aa\n",
            r"header is \['code', 'name'\]; expected \['code', 'name', 'note'\]",
        ),
        ("", r"header is \[\]"),
        ("code,name,note\nAA,Aa,x\nBB,Bb\n", r"line 3: 2 fields where the header has 3"),
        ("code,name,note\nAA,Aa,x,y\n", r"line 2: 4 fields where the header has 3"),
    ],
)
def test_a_wrong_header_or_row_is_refused_naming_file_and_line(tmp_path, text, message):
    path = _write(tmp_path / "r.csv", text)
    with pytest.raises(ReviewedFileError, match=message) as caught:
        read_reviewed(path, COLUMNS)
    assert str(caught.value).startswith(str(path))


def test_shipped_files_are_named_from_the_repository():
    assert display_path(COUNTRIES_DIR / "aliases.csv") == "data/countries/aliases.csv"


def test_every_reviewed_reader_names_the_file_and_line(tmp_path, monkeypatch):
    folder = re.escape(str(tmp_path))
    aliases = _write(tmp_path / "aliases.csv", "alias,iso3,note\nRussia,RUS,x\n,RUS,y\n")
    with pytest.raises(ValueError, match=rf"^{folder}/aliases.csv line 3: the alias is empty"):
        CountryResolver(aliases_path=aliases)
    header = "code,name,last_day,successors,names,shared_names,note\n"
    historical = _write(tmp_path / "historical.csv", header + "SUN,USSR,1991-13-26,RUS,,,\n")
    with pytest.raises(ValueError, match=rf"^{folder}/historical.csv line 2: .*'1991-13-26'"):
        former_members(historical)
    cues = _write(tmp_path / "cues.csv", "cue,kind,code,note\nthe Kremlin,palace,RUS,\n")
    monkeypatch.setattr(lexicon, "CUES_FILE", cues)
    with pytest.raises(ValueError, match=rf"^{folder}/cues.csv line 2: kind 'palace' is not"):
        lexicon.actor_cues(default_resolver())


def test_a_stance_cue_given_twice_is_refused_naming_both_lines(tmp_path, monkeypatch):
    # Two lines with one cue would both match it: which stance it gives would hang on order.
    stance = _write(
        tmp_path / "stance.csv",
        "cue,stance,weight,note\ncondemns|deplores,condemn,2,\nregrets|Deplores,concern,1,\n",
    )
    monkeypatch.setattr(lexicon, "STANCE_FILE", stance)
    folder = re.escape(str(tmp_path))
    with pytest.raises(
        ValueError, match=rf"^{folder}/stance.csv line 3: cue 'Deplores' is already on line 2"
    ):
        lexicon.lexicon.__wrapped__()  # not the process's cached lexicon


def test_the_shipped_stance_cues_are_each_given_once():
    assert lexicon.lexicon.__wrapped__().stance_weights  # the shipped file: no cue on two lines
