"""Tables brought in: CSV, TSV, Excel, JSON; hostile files refused clearly."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from openpyxl import Workbook

from reactionmap.contract.cells import escape_formula, unescape_formula
from reactionmap.intake.tables import MAX_BYTES, TableRefused, read_table


def xlsx_bytes(rows, formula_cell=None) -> bytes:
    book = Workbook()
    sheet = book.active
    for r in rows:
        sheet.append(r)
    if formula_cell:
        sheet[formula_cell] = "=1+1"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_csv_keeps_unicode_commas_and_newlines():
    data = 'actor,stance,quote\n"Côte d\'Ivoire",support,"a, b\nc ""d"""\n'.encode()
    frame, problems = read_table(data, "t.csv")
    assert problems == []
    assert frame.loc[0, "actor"] == "Côte d'Ivoire"
    assert frame.loc[0, "quote"] == 'a, b\nc "d"'


def test_tab_separated_paste_is_read():
    frame, _ = read_table(b"actor\tstance\nFrance\tcondemn\n", "pasted.csv")
    assert list(frame.columns) == ["actor", "stance"]
    assert frame.loc[0, "actor"] == "France"


def test_xlsx_values_read_and_formulas_refused_by_cell():
    data = xlsx_bytes([["actor", "stance"], ["France", "condemn"], ["Chile", "x"]], "B3")
    frame, problems = read_table(data, "t.xlsx")
    assert frame.loc[0, "actor"] == "France"
    assert [(p.row, p.column) for p in problems] == [(3, "stance")]
    assert "formula" in problems[0].message


def test_json_records_and_nested_values():
    data = json.dumps({"statements": [{"actor": "Chile", "stance": "condemn", "x": {"a": 1}}]})
    frame, problems = read_table(data.encode(), "t.json")
    assert frame.loc[0, "actor"] == "Chile"
    assert problems[0].column == "x"


@pytest.mark.parametrize(
    ("data", "name", "needle"),
    [
        (b"x" * (MAX_BYTES + 1), "big.csv", "limit is"),
        (b"actor,stance\nFrance,condemn\n", "fake.xlsx", "not an .xlsx"),
        (b"PK\x03\x04garbage", "broken.xlsx", "xlsx"),
        (b"\xff\xfe\x00a\x00c", "utf16.csv", "not UTF-8: save it as UTF-8"),
        (b"caf\xe9,x\n", "latin1.csv", "UTF-8"),
        (b"[1, 2]", "t.json", "list of objects"),
        (b"[" * 100000 + b"]" * 100000, "deep.json", "JSON"),
        (b"{not json", "t.json", "JSON"),
        (b"actor,stance\n", "t.pdf", "not supported"),
    ],
)
def test_hostile_files_are_refused_with_a_reason(data, name, needle):
    with pytest.raises(TableRefused, match=needle):
        read_table(data, name)


def test_zip_bomb_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<x/>")
        archive.writestr("xl/huge.xml", b"\0" * (250 * 1024 * 1024))
    with pytest.raises(TableRefused, match="unpacks to"):
        read_table(buffer.getvalue(), "bomb.xlsx")


@pytest.mark.parametrize("value", ["=1+1", "+x", "-x", "@x", "'=x", "''+y", "plain", "'quoted'"])
def test_formula_escape_round_trips(value):
    escaped = escape_formula(value)
    assert unescape_formula(escaped) == value
    if value[:1] in "=+-@":
        assert escaped.startswith("'")


@pytest.mark.parametrize(
    ("value", "formula"),
    [
        ("-2 dead", True),  # a spreadsheet reads "=-2 dead"
        ("-2+3+cmd|' /C calc'!A0", True),
        ("\t=1", True),
        ("=1+1", True),
        ("@SUM(A1)", True),
        ("+x", True),
        ("- a dash", True),
        ("-2", False),
        ("+44", False),
        ("-1.5%", False),
        ("-", False),
        ("plain", False),
        ("2-1", False),
    ],
)
def test_one_formula_rule_for_input_and_export(value, formula):
    """The validator refuses exactly the cells the export guards."""
    import pandas as pd

    from reactionmap.contract.cells import starts_like_formula

    assert bool(starts_like_formula(pd.Series([value])).iloc[0]) is formula
    assert escape_formula(value).startswith("'") is formula
    assert unescape_formula(escape_formula(value)) == value
