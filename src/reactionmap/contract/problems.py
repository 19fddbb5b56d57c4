"""A problem with an input, located by file, row and column; identical ones grouped with their rows."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located precisely enough to fix it."""

    file: str
    row: int | None  # spreadsheet row number: the header is row 1, the first data row is row 2
    column: str | None
    value: str
    message: str
    blocking: bool = True  # False: the row is still mapped, the problem is only reported
    # What kind of problem it is ("stance", "missing_column", ...; "" for any other), and the
    # values that would do (the scale's keys, a name's candidate codes): what a page needs to
    # say it in a reader's words (intake.reader_words) while the message stays the editor's.
    kind: str = ""
    allowed: tuple[str, ...] = ()

    # Rows are counted as a spreadsheet shows them: the header is row 1, the first data row
    # (index 0 of a frame read from the file) is row FIRST_ROW.
    FIRST_ROW = 2

    @staticmethod
    def row_of(index):
        """The spreadsheet row of a frame index (a number, or an Index of them)."""
        if isinstance(index, pd.Index):
            return index + Problem.FIRST_ROW
        return int(index) + Problem.FIRST_ROW

    @staticmethod
    def index_of(row: int) -> int:
        """The frame index of a spreadsheet row."""
        return int(row) - Problem.FIRST_ROW

    @classmethod
    def at(
        cls,
        file: str,
        index,
        column,
        value: str,
        message: str,
        blocking: bool = True,
        kind: str = "",
        allowed: tuple[str, ...] = (),
    ):
        """A problem in the row of frame index ``index``."""
        return cls(file, cls.row_of(index), column, value, message, blocking, kind, allowed)

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


SHOWN_ROWS = 3  # row numbers written out before the ellipsis


@dataclass(frozen=True)
class ProblemGroup:
    """Problems with the same file, column and message, and the rows that have it."""

    file: str
    column: str | None
    value: str
    message: str
    rows: tuple[int, ...]
    blocking: bool

    def rows_text(self) -> str:
        shown = ", ".join(str(r) for r in self.rows[:SHOWN_ROWS])
        return shown + (", …" if len(self.rows) > SHOWN_ROWS else "")

    def __str__(self) -> str:
        where = self.file + (f", column {self.column}" if self.column else "")
        if not self.rows:
            return f"{where}: {self.message}"
        if len(self.rows) == 1:
            return f"{self.file}, row {self.rows[0]}" + (
                f", column {self.column}: {self.message}" if self.column else f": {self.message}"
            )
        return f"{where}: {self.message}: {len(self.rows)} rows ({self.rows_text()})"


def group_problems(problems: list[Problem]) -> list[ProblemGroup]:
    """One group per (file, column, message, blocking), in the order problems first appear."""
    groups: dict[tuple, list[Problem]] = {}
    for problem in problems:
        key = (problem.file, problem.column, problem.message, problem.blocking)
        groups.setdefault(key, []).append(problem)
    return [
        ProblemGroup(
            file=file,
            column=column,
            value=found[0].value,
            message=message,
            rows=tuple(sorted({p.row for p in found if p.row is not None})),
            blocking=blocking,
        )
        for (file, column, message, blocking), found in groups.items()
    ]


def grouped_frame(problems: list[Problem], mapped_rows: set[int] | None = None) -> pd.DataFrame:
    """Grouped problems as a table a reader can scan: file, first row, column, value, problem,
    how many rows have it and which, and whether those rows are on the map (from
    ``mapped_rows``, the rows that made it: yes, no or some; blank for the file or header)."""

    def mapped(group) -> str:
        rows = [r for r in group.rows if r is not None and r >= Problem.FIRST_ROW]
        if not rows:
            return ""
        if mapped_rows is None:
            return "no" if group.blocking else "yes"
        on = sum(r in mapped_rows for r in rows)
        return "yes" if on == len(rows) else "no" if on == 0 else "some"

    return pd.DataFrame(
        [
            {
                "file": g.file,
                "row": g.rows[0] if g.rows else None,
                "column": g.column or "",
                "value": g.value,
                "problem": g.message,
                "rows": len(g.rows),
                "row numbers": g.rows_text(),
                "row mapped": mapped(g),
            }
            for g in group_problems(problems)
        ],
        columns=["file", "row", "column", "value", "problem", "rows", "row numbers", "row mapped"],
    ).astype({"row": "Int64"})
