"""A reaction tracker pasted as a table: which cell names the actor, the day and the words."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Cells are separated by " | " (a Markdown table has a pipe at each end too) or by tabs.
PIPE_RE = re.compile(r"\s*\|\s*")
RULE_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")  # |---|:---:|
# A header cell's words, lower case: who reacted, when, and what they said.
ACTOR_HEADERS = (
    "country", "countries", "state", "government", "actor", "organization", "organisation",
    "country/organization", "country/organisation", "country or organization",
    "country or organisation", "government/organization", "government/organisation",
)  # fmt: skip
WHO_HEADERS = ("who", "speaker", "spokesperson", "official", "by", "source of statement")
DATE_HEADERS = ("date", "day", "when", "date of statement")
WORDS_HEADERS = (
    "what they said", "what was said", "statement", "reaction", "response", "quote", "quotes",
    "said", "words", "comment", "comments", "position", "summary", "statement or summary",
    "what it said", "key quote",
)  # fmt: skip
MIN_CELLS = 3


@dataclass(frozen=True)
class Columns:
    """Where a table's header puts the actor, the speaker, the day and the words (-1: none)."""

    count: int
    actor: int
    who: int
    date: int
    words: int


def cells(line: str) -> list[str]:
    """A line's cells: split at tabs, else at pipes (a Markdown row's outer pipes dropped)."""
    bare = line.strip()
    if "\t" in bare:
        return [c.strip() for c in bare.split("\t")]
    if "|" not in bare:
        return [bare]
    if bare.startswith("|") and bare.endswith("|") and len(bare) > 1:
        bare = bare[1:-1]
    return [c.strip() for c in PIPE_RE.split(bare)]


def rule_line(line: str) -> bool:
    """Whether a line is a Markdown table's rule under its header ("|---|---|")."""
    return "-" in line and bool(RULE_RE.match(line))


def header(line: str) -> Columns | None:
    """The columns a header line names, when it names an actor column and a words column."""
    names = [c.lower().rstrip(":") for c in cells(line)]
    if len(names) < MIN_CELLS:
        return None

    def find(options: tuple[str, ...]) -> int:
        return next((i for i, n in enumerate(names) if n in options), -1)

    actor, words = find(ACTOR_HEADERS), find(WORDS_HEADERS)
    if actor < 0 or words < 0 or actor == words:
        return None
    return Columns(len(names), actor, find(WHO_HEADERS), find(DATE_HEADERS), words)


def row_cells(line: str, columns: Columns) -> list[str] | None:
    """A row's cells under that header (as many as it has columns), or None when the line is
    not one of its rows."""
    found = cells(line)
    return found if len(found) == columns.count else None


def words_start(line: str, columns: Columns) -> int:
    """The character where a row's words cell starts in the line."""
    sep = "\t" if "\t" in line.strip() else "|"
    marks = [i for i, ch in enumerate(line) if ch == sep]
    if sep == "|" and line.lstrip().startswith("|"):
        marks = marks[1:]  # a Markdown row's leading pipe opens its first cell
    pos = marks[columns.words - 1] + 1 if columns.words else len(line) - len(line.lstrip(" |"))
    while pos < len(line) and line[pos] in " \t":
        pos += 1
    return pos
