"""Problems said in the words of a reader who brought a table: their own headers, and what to do
on the page; the row, the column and the value stay. Each Problem's own message, naming file,
row, column and the allowed values, stays the editor's (`reactionmap check` prints it)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

import pandas as pd

from reactionmap.contract.event import Event
from reactionmap.contract.problems import Problem, grouped_frame

# What a reader is told, by the problem's kind (and column, where it matters); {value} is the
# cell or header as written, {column} the reader's header, {choices} the candidates.
READER_TEXT: dict[tuple[str, str | None], str] = {
    ("missing_column", "actor"): "Choose the column that holds the countries",
    ("missing_column", "stance"): "Choose the column that holds the stance (or the vote)",
    ("unused_column", None): (
        "{column!r} is not used: the map reads the countries, the stance and, when present, the "
        "data contract's other columns (date, quote, speaker, source_url …)"
    ),
    ("stance", None): (
        "{value!r} is not a stance this scale reads: choose its stance in the table above, or "
        "fix the cell"
    ),
    ("place_ambiguous", None): "{value!r} could be {choices}: write the one you mean in the cell",
    ("place_unknown", None): (
        "{value!r} is not a country or organization the map knows: check its spelling in the "
        "cell, or write its three-letter code (FRA, BRA)"
    ),
}


# The reader's problems table: what is wrong, then where.
READER_COLUMNS = ["problem", "row", "column", "value", "rows", "row numbers", "row mapped"]


def reader_text(problem: Problem, header: str | None, name_of: Callable[[str], str] = str) -> str:
    """What the reader is told about ``problem``, its column being ``header`` in their table;
    the editor's message when the kind has no words of its own."""
    template = READER_TEXT.get((problem.kind, problem.column)) or READER_TEXT.get(
        (problem.kind, None)
    )
    if template is None:
        return problem.message
    choices = ""
    if "{choices}" in template:  # the candidates of a name, each with its name
        choices = " or ".join(f"{code} ({name_of(code)})" for code in problem.allowed)
    return template.format(value=problem.value, column=header, choices=choices)


def for_reader(
    problem: Problem, headers: Mapping[str, str], name_of: Callable[[str], str] = str
) -> Problem:
    """The problem with the reader's header for its column and the reader's words for its
    message; its file, row, value and kind as they were. A missing column has no header: the
    words name it."""
    if problem.kind == "missing_column":
        return replace(problem, column=None, message=reader_text(problem, None, name_of))
    header = headers.get(problem.column, problem.column) if problem.column else None
    value = header if problem.kind == "unused_column" and header else problem.value
    said = replace(problem, column=header, value=value)
    return replace(said, message=reader_text(said, header, name_of))


def reader_frame(
    event: Event, headers: Mapping[str, str], name_of: Callable[[str], str] = str
) -> pd.DataFrame:
    """The event's problems as the upload page lists them: in the reader's words, identical
    ones once with their rows (problems.grouped_frame), in the order of their first row; the
    words first, and no file column (the reader brought one file)."""
    said = [for_reader(p, headers, name_of) for p in event.problems]
    said.sort(key=lambda p: p.row or 0)
    frame = grouped_frame(said, set(event.statements["row"]))
    return frame[READER_COLUMNS]


def rows_waiting(event: Event) -> int:
    """How many of the rows brought in are not on the map until fixed (0: only notes)."""
    return max(event.input_rows - len(event.statements), 0)


def reader_summary(event: Event) -> str:
    """The line above the reader's problems: how many rows wait for a fix, and where."""
    unmapped = rows_waiting(event)
    if unmapped <= 0:
        return f"Every row is on the map. {len(event.problems)} note(s) on your table below."
    rows = f"{unmapped} of {event.input_rows} row{'s' if event.input_rows != 1 else ''}"
    return (
        f"{rows} {'is' if unmapped == 1 else 'are'} not on the map yet. Each problem below "
        "names its row (the header is row 1) and column: fix the cell in your table, and the "
        "map follows."
    )
