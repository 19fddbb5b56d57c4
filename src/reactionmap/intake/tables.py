"""Read a table a person brings (CSV, TSV, Excel, JSON) into strings, refusing hostile input clearly."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from reactionmap.contract.cells import ESCAPE_PREFIX, unescape_formula
from reactionmap.contract.problems import Problem

MAX_BYTES = 20 * 1024 * 1024  # 20 MiB: far above any real reactions table brought in
# An event folder's own statements.csv, which `check`, `export` and the page read: an editor's
# file may be large (100,000 statements is ~20 MB), but not unbounded.
EVENT_MAX_BYTES = 256 * 1024 * 1024
MAX_ROWS = 200_000
MAX_COLUMNS = 100
MAX_XLSX_UNPACKED = 200 * 1024 * 1024  # a zip that unpacks larger than this is a bomb
FORMATS = ("csv", "tsv", "txt", "xlsx", "json")
_LONE_CR = re.compile(r"\r(?!\n)")
# A quoted cell (it starts a field; "" inside it is a quote), else a row's end: CR, or CR LF.
_QUOTED_OR_ROW_END = re.compile(r'((?:^|(?<=[,\t\r\n]))"[^"]*(?:""[^"]*)*")|\r\n?')


class TableRefused(ValueError):
    """The whole file is refused: too large, not the format it claims, or unreadable."""


def _too_large(filename: str, size: str, limit: int = MAX_BYTES) -> TableRefused:
    return TableRefused(
        f"{filename} is {size}; the limit is {limit / 1e6:.0f} MB. "
        "Split the table or remove unused columns."
    )


def read_limited(path: Path, limit: int = MAX_BYTES) -> bytes:
    """A file's bytes, refused before reading when its size is over ``limit``, and never
    more than ``limit`` of them read (a pipe or /dev/zero has no size to check)."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise _too_large(path.name, f"{size / 1e6:.1f} MB", limit)
            data = handle.read(limit + 1)
    except OSError as err:
        raise TableRefused(f"{path.name} cannot be read: {err.strerror or err}") from err
    if len(data) > limit:
        raise _too_large(path.name, "larger than that", limit)
    return data


def read_path(path: Path) -> tuple[pd.DataFrame, list[Problem]]:
    """read_table on a file, its size checked before it is read."""
    return read_table(read_limited(path), Path(path).name)


def read_table(data: bytes, filename: str) -> tuple[pd.DataFrame, list[Problem]]:
    """A table of strings ('' for empty) from bytes, chosen by the file name's extension.

    Raises TableRefused when nothing can be read; returns per-cell problems otherwise.
    """
    if len(data) > MAX_BYTES:
        raise _too_large(filename, f"{len(data) / 1e6:.1f} MB")
    if not data.strip():
        raise TableRefused(f"{filename}: the file is empty")
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension == "xlsx":
        return read_xlsx(data, filename)
    if extension == "json":
        return read_json(data, filename)
    if extension in ("csv", "tsv", "txt"):
        frame, problems = read_csv_text(data, filename)
        if frame is None:
            raise TableRefused(str(problems[0]))
        return frame, problems
    raise TableRefused(
        f"{filename}: the extension {extension!r} is not supported; use one of: {', '.join(FORMATS)}"
    )


def _limit_shape(frame: pd.DataFrame, filename: str) -> None:
    if len(frame) > MAX_ROWS:
        raise TableRefused(f"{filename} has {len(frame):,} rows; the limit is {MAX_ROWS:,}.")
    if len(frame.columns) > MAX_COLUMNS:
        raise TableRefused(
            f"{filename} has {len(frame.columns)} columns; the limit is {MAX_COLUMNS}."
        )


def as_strings(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as a string, '' for a missing one (skipped when it is so already)."""
    if all(pd.api.types.is_string_dtype(t) for t in frame.dtypes) and not frame.isna().any().any():
        return frame.copy()
    return frame.astype(object).where(frame.notna(), "").astype(str)


def _strings(frame: pd.DataFrame) -> pd.DataFrame:
    frame = as_strings(frame)
    for position in range(frame.shape[1]):  # by position: a header may repeat a name
        values = frame.iloc[:, position]
        quoted = values.str.startswith(ESCAPE_PREFIX)
        if quoted.any():  # only cells export may have guarded need looking at
            frame.iloc[:, position] = values.mask(quoted, values[quoted].map(unescape_formula))
    return frame


def read_csv_text(data: bytes, filename: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """CSV (or tab-separated) UTF-8 text as strings; (None, [problem]) when it cannot be read."""
    if _looks_utf16(data):
        return None, [
            Problem(
                filename, None, None, "", "is not UTF-8: save it as UTF-8 (it looks like UTF-16)"
            )
        ]
    if b"\x00" in data[:8192]:
        return None, [Problem(filename, None, None, "", "is not a text table (binary content)")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return None, [
            Problem(
                filename,
                None,
                None,
                "",
                f"is not UTF-8 (byte {err.start}): save it as UTF-8 ('CSV UTF-8') and try again",
            )
        ]
    if not text.strip():
        return None, [Problem(filename, None, None, "", "the file is empty")]
    text = with_lf_rows(text)
    first_line = text.split("\n", 1)[0]
    separator = "\t" if first_line.count("\t") > first_line.count(",") else ","
    try:
        problems = _field_count_problems(text, separator, filename)
        if problems:  # rows of the wrong length: pandas would refuse or shift them, so read
            records = list(csv.reader(io.StringIO(text), delimiter=separator))  # row by row
            header = records[0]
            frame = pd.DataFrame(
                [(r + [""] * len(header))[: len(header)] for r in records[1:]],
                columns=header,
                dtype=str,
            )
        else:
            frame = pd.read_csv(
                io.StringIO(text),
                sep=separator,
                dtype=str,
                keep_default_na=False,
                na_filter=False,
                quoting=csv.QUOTE_MINIMAL,
                skip_blank_lines=False,
            )
    except (pd.errors.ParserError, csv.Error, ValueError) as err:
        return None, [Problem(filename, None, None, "", f"cannot be read as CSV: {err}")]
    frame = frame.loc[
        :, [not str(c).startswith("Unnamed:") or frame[c].ne("").any() for c in frame]
    ]
    _limit_shape(frame, filename)
    # Blank lines are kept as empty rows (a parser cannot tell them from ",,,"): the row
    # numbers then match the file's, and the checks report them instead of losing them.
    return _strings(frame), problems


def with_lf_rows(text: str) -> str:
    """Rows ended by LF, whatever ended them: a Mac file's CR (its every CR is a line break),
    or in a file that mixes them, a CR or CR LF outside quotes. A quoted cell's own CR is
    kept as written (a lone CR in it is then reported, a CR LF is a line break)."""
    if not _LONE_CR.search(text):  # LF or CR LF rows: both parsers read them as they are
        return text
    if "\n" not in text:
        return text.replace("\r", "\n")
    return _QUOTED_OR_ROW_END.sub(lambda found: found.group(1) or "\n", text)


def _looks_utf16(data: bytes) -> bool:
    """A UTF-16 byte-order mark, or text whose every other byte is zero (and only those)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    head = data[:200]
    odd, even, half = head[1::2].count(0), head[0::2].count(0), len(head) // 2
    return half >= 2 and ((odd >= 0.9 * half and even == 0) or (even >= 0.9 * half and odd == 0))


def _field_count_problems(text: str, separator: str, filename: str) -> list[Problem]:
    """A problem for each row whose field count is not the header's (a half-written row, or
    a stray separator): the row is not mapped until fixed. Blank lines are left to the
    empty-row check."""
    counts = [len(r) for r in csv.reader(io.StringIO(text), delimiter=separator)]
    if not counts or all(n in (counts[0], 0) for n in counts):
        return []
    expected = counts[0]
    return [
        Problem(
            filename,
            number,
            None,
            "",
            f"has {n} fields where the header has {expected}: a field is missing or a "
            f"separator is extra (quote a value that holds {separator!r})",
        )
        for number, n in enumerate(counts[1:], start=Problem.FIRST_ROW)
        if n not in (expected, 0)
    ]


def read_xlsx(data: bytes, filename: str) -> tuple[pd.DataFrame, list[Problem]]:
    """The first sheet of an .xlsx workbook; formula cells are refused one by one."""
    from openpyxl import load_workbook

    if not data.startswith(b"PK\x03\x04"):
        raise TableRefused(f"{filename} is not an .xlsx workbook (it is not a zip file)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            if "xl/workbook.xml" not in archive.namelist():
                raise TableRefused(f"{filename} is a zip file but not an .xlsx workbook")
    except zipfile.BadZipFile as err:
        raise TableRefused(f"{filename} is not a readable .xlsx workbook: {err}") from err
    if unpacked > MAX_XLSX_UNPACKED:
        raise TableRefused(
            f"{filename} unpacks to {unpacked / 1e6:.0f} MB; the limit is "
            f"{MAX_XLSX_UNPACKED / 1e6:.0f} MB."
        )
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as err:  # openpyxl raises many types for broken workbooks
        raise TableRefused(f"{filename} is not a readable .xlsx workbook: {err}") from err
    try:
        return _read_sheet(book, filename)
    except TableRefused:
        raise
    except Exception as err:  # a truncated sheet, an entity bomb: XML errors of every kind
        raise TableRefused(f"{filename} is not a readable .xlsx workbook: {err}") from err
    finally:
        book.close()


def _read_sheet(book, filename: str) -> tuple[pd.DataFrame, list[Problem]]:
    sheet = book.worksheets[0]
    problems: list[Problem] = []
    rows: list[list[str]] = []
    numbers: list[int] = []
    header: list[str] = []
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        if number > MAX_ROWS + 1:
            raise TableRefused(f"{filename} has more than {MAX_ROWS:,} rows; that is the limit.")
        values: list[str] = []
        for cell in cells[:MAX_COLUMNS]:
            value = cell.value
            if cell.data_type == "f":
                column = header[len(values)] if len(values) < len(header) else ""
                problems.append(
                    Problem(
                        filename,
                        number,
                        column,
                        str(value),
                        "is a formula; formulas are not accepted, paste the value instead",
                    )
                )
                value = ""
            values.append(_cell_text(value))
        if number == 1:
            header = values
        elif any(values):
            rows.append(values + [""] * (len(header) - len(values)))
            numbers.append(Problem.index_of(number))  # a problem turns it back into this row
    if not header:
        raise TableRefused(f"{filename}: the first sheet is empty")
    frame = pd.DataFrame([r[: len(header)] for r in rows], columns=header, index=numbers, dtype=str)
    return _strings(frame), problems


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _no_repeated_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """A JSON object as a dict; an object that gives a key twice is refused (no value wins)."""
    found = dict(pairs)
    if len(found) < len(pairs):
        keys = [key for key, _ in pairs]
        twice = sorted({key for key in keys if keys.count(key) > 1})
        shown = ", ".join(repr(key[:80]) for key in twice)
        raise TableRefused(
            f"the key(s) {shown} appear twice in one object; give each key once "
            f"(the object's keys: {', '.join(repr(k[:40]) for k in found)})"
        )
    return found


def read_json(data: bytes, filename: str) -> tuple[pd.DataFrame, list[Problem]]:
    """A JSON list of objects, or an object whose `statements` is such a list."""
    try:
        parsed = json.loads(data.decode("utf-8-sig"), object_pairs_hook=_no_repeated_keys)
    except TableRefused as err:
        raise TableRefused(f"{filename}: {err}") from None
    except (ValueError, RecursionError) as err:  # bad UTF-8, bad JSON, a 5000-digit number
        raise TableRefused(f"{filename} is not valid UTF-8 JSON: {err}") from err
    if isinstance(parsed, dict) and isinstance(parsed.get("statements"), list):
        parsed = parsed["statements"]
    if not isinstance(parsed, list) or not all(isinstance(r, dict) for r in parsed):
        raise TableRefused(
            f"{filename}: expected a list of objects (one per statement), "
            'or {"statements": [...]}'
        )
    if len(parsed) > MAX_ROWS:
        raise TableRefused(f"{filename} has {len(parsed):,} rows; the limit is {MAX_ROWS:,}.")
    problems = []
    records = []
    for number, record in enumerate(parsed, start=Problem.FIRST_ROW):
        clean = {}
        for key, value in record.items():
            if isinstance(value, dict | list):
                problems.append(
                    Problem(
                        filename, number, str(key), json.dumps(value)[:60], "is not a plain value"
                    )
                )
                value = ""
            clean[str(key)] = "" if value is None else _cell_text(value)
        records.append(clean)
    frame = pd.DataFrame.from_records(records)
    _limit_shape(frame, filename)
    return _strings(frame), problems
