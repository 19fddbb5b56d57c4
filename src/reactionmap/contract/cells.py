"""What a text cell may hold: no hidden characters, no spreadsheet formula, links only to plain http(s) addresses."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pandas as pd

# Bidirectional overrides and isolates can make text read differently from what it is.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


# The one rule for a cell a spreadsheet would run as a formula, used both to refuse it in
# input and to guard it in exports: it starts with = @ tab or CR, or with + or - unless the
# cell is a plain number ("-2", "+44", "-1.5%") or a lone sign. So "-2 dead" is formula-like:
# a spreadsheet reads it as "=-2 dead".
FORMULA_START_RE = re.compile(r"^(?:[=@\t\r]|[+\-](?!(?:\d+(?:[.,]\d+)*%?)?$))")


HIDDEN_RE = "[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]"


# Characters that print as nothing (zero-width spaces and joiners, word joiner, BOM, fillers,
# variation selectors): stripped from ids and codes, and text made only of them is refused.
INVISIBLE_RE = (
    "[\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200d\u2060-\u2064"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)


# An address that may become a link: http(s), a host, and none of the characters that end an
# HTML attribute or a Markdown link.
SAFE_URL_RE = re.compile(r"https?://[^\s\"'<>\\`\x00-\x1f\x7f]+")


def _no_hidden_characters(values: pd.Series) -> pd.Series:
    """False where a cell holds a control character (other than newline and tab) or a
    bidirectional override or isolate."""
    return ~values.str.contains(HIDDEN_RE, regex=True)


def is_formula(value: str) -> bool:
    """True where a spreadsheet would run the cell (FORMULA_START_RE)."""
    return FORMULA_START_RE.match(value) is not None


def starts_like_formula(values: pd.Series) -> pd.Series:
    """is_formula for a column of cells."""
    found = values.str.startswith(("=", "@", "+", "-", "\t", "\r")).astype(bool)
    if found.any():  # the regex only on the few candidates
        found[found] = values[found].str.match(FORMULA_START_RE.pattern).astype(bool)
    return found


def safe_url(url: str) -> bool:
    """True for an http(s) address with a host and nothing that could end an attribute: the
    only kind of value that is ever made a link."""
    if not SAFE_URL_RE.fullmatch(url):
        return False
    try:
        return bool(urlsplit(url).hostname)
    except ValueError:  # e.g. a malformed IPv6 host
        return False


def sources_as_shown(table: pd.DataFrame) -> pd.DataFrame:
    """The table with ``source_url`` kept only where it is safe_url (None elsewhere, so no
    link is made) and any other address added to ``source_name`` as plain text."""
    if "source_url" not in table:
        return table
    urls = table["source_url"].fillna("").astype(str)
    safe = urls.map(safe_url).astype(bool)
    unsafe = urls.ne("") & ~safe
    names = table["source_name"].fillna("").astype(str)
    shown = names.mask(unsafe, (names + " (" + urls + ")").str.lstrip(" "))
    return table.assign(source_url=urls.where(safe, None), source_name=shown)


def only_invisible(values: pd.Series) -> pd.Series:
    """True where a cell holds something, but nothing visible: only invisible characters
    (INVISIBLE_RE) and spaces."""
    has = values.str.contains(INVISIBLE_RE, regex=True)
    if has.any():
        has[has] = values[has].str.replace(INVISIBLE_RE, "", regex=True).str.strip().eq("")
    return has


ESCAPE_PREFIX = "'"


def unescape_formula(value: str) -> str:
    """Undo export's guard: "'=x" back to "=x" (and "''=x" to "'=x")."""
    if value.startswith(ESCAPE_PREFIX) and is_formula(value.lstrip(ESCAPE_PREFIX)):
        return value[1:]
    return value


def escape_formula(value: str) -> str:
    """A cell a spreadsheet would run as a formula (schema.is_formula, after any apostrophes
    already there) gets a leading apostrophe."""
    if is_formula(value.lstrip(ESCAPE_PREFIX)):
        return ESCAPE_PREFIX + value
    return value


CSV_QUOTED = (",", '"', "\r", "\n")  # a cell holding one of these is written in quotes


def _csv_cell(value: str) -> str:
    """One CSV cell, quoted when it must be (CSV_QUOTED): the csv module, told to end rows
    with LF, leaves a lone CR bare, and a reader then splits the row there."""
    if any(c in value for c in CSV_QUOTED):
        return '"' + value.replace('"', '""') + '"'
    return value


def _texts(values: pd.Series) -> list[str]:
    """A column's cells as the text a CSV file holds: a missing value is empty, a number or a
    flag is written as Python writes it, a date as pandas does (no time when it has none)."""
    if pd.api.types.is_datetime64_any_dtype(values):
        values = pd.Series(values.dt.strftime("%Y-%m-%d %H:%M:%S"), index=values.index)
        values = values.str.removesuffix(" 00:00:00")
    missing = values.isna()
    return ["" if gone else str(v) for v, gone in zip(values, missing, strict=True)]


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The one CSV writer (exports, downloads, event files): UTF-8, LF line ends, a cell
    holding a comma, a quote, a CR or an LF quoted, and a cell a spreadsheet would run
    (is_formula) guarded with an apostrophe, which intake's reader takes off. So every value
    written is read back the same."""
    columns = [_texts(frame.iloc[:, i]) for i in range(frame.shape[1])]
    lines = [",".join(_csv_cell(str(c)) for c in frame.columns)]
    lines += [
        ",".join(_csv_cell(escape_formula(v)) for v in row) for row in zip(*columns, strict=True)
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")
