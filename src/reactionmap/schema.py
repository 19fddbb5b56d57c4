"""The data contract: statement columns, the stance scale, and validation that reports every problem."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import pandas as pd
import pandera.pandas as pa

from reactionmap.dates import RANGE_TEXT, years_in_range

STATEMENT_COLUMNS: tuple[str, ...] = (
    "statement_id",
    "actor",
    "actor_iso3",
    "actor_type",
    "stance",
    "date",
    "date_precision",
    "speaker",
    "speaker_role",
    "quote",
    "summary",
    "source_name",
    "source_url",
    "notes",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("actor", "stance")
ACTOR_TYPES: tuple[str, ...] = ("state", "organization", "official", "other")
DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "unknown")
FREE_TEXT_COLUMNS: tuple[str, ...] = ("quote", "summary", "notes")

NO_STATEMENT_KEY = "none"
NO_STATEMENT_LABEL = "No statement recorded"
NO_STATEMENT_COLOR = "#E3E3E3"

# A date as an editor writes it: a day (optionally with a time), a month, or nothing.
DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?)?$")
MONTH_RE = re.compile(r"^\d{4}-\d{2}$")
KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")
COLOR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")
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


@dataclass(frozen=True)
class Category:
    """One stance category: a key used in the data, a label for readers, a colour."""

    key: str
    label: str
    color: str
    aliases: tuple[str, ...] = ()  # other ways a table writes it ("Y", "in favour"), any case


@dataclass(frozen=True)
class Scale:
    """The ordered stance categories of an event, plus the implicit 'No statement recorded'."""

    categories: tuple[Category, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.categories)

    @property
    def with_none(self) -> tuple[Category, ...]:
        """Every category a reader can see, 'No statement recorded' last."""
        return (
            *self.categories,
            Category(NO_STATEMENT_KEY, NO_STATEMENT_LABEL, NO_STATEMENT_COLOR),
        )

    def label(self, key: str) -> str:
        return {c.key: c.label for c in self.with_none}.get(key, key)

    def color(self, key: str) -> str:
        return {c.key: c.color for c in self.with_none}.get(key, NO_STATEMENT_COLOR)


# Okabe-Ito colours: distinguishable with the common forms of colour blindness.
DEFAULT_SCALE = Scale(
    (
        Category("condemn", "Condemned", "#D55E00"),
        Category("concern", "Expressed concern / urged restraint", "#E69F00"),
        Category("neutral", "Neutral or ambivalent", "#F0E442"),
        Category("support", "Supported", "#0072B2"),
        Category("party", "Directly involved", "#CC79A7"),
    )
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located precisely enough to fix it."""

    file: str
    row: int | None  # spreadsheet row number: the header is row 1, the first data row is row 2
    column: str | None
    value: str
    message: str
    blocking: bool = True  # False: the row is still mapped, the problem is only reported

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
    def at(cls, file: str, index, column, value: str, message: str, blocking: bool = True):
        """A problem in the row of frame index ``index``."""
        return cls(file, cls.row_of(index), column, value, message, blocking)

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


def problems_frame(problems: list[Problem], mapped_rows: set[int] | None = None) -> pd.DataFrame:
    """Problems as a table a reader can scan: file, row, column, value, problem, and whether
    the row is on the map (from ``mapped_rows``, the rows that made it; blank for a problem
    with the file or its header)."""

    def mapped(p: Problem) -> str:
        if p.row is None or p.row < 2:
            return ""
        if mapped_rows is None:
            return "yes" if not p.blocking else "no"
        return "yes" if p.row in mapped_rows else "no"

    return pd.DataFrame(
        [
            {
                "file": p.file,
                "row": p.row,
                "column": p.column or "",
                "value": p.value,
                "problem": p.message,
                "row mapped": mapped(p),
            }
            for p in problems
        ],
        columns=["file", "row", "column", "value", "problem", "row mapped"],
    ).astype({"row": "Int64"})


def scale_from_config(entries: object, file: str) -> tuple[Scale, list[Problem]]:
    """Build a Scale from an event.toml `scale` list; the default when it is absent."""
    if entries is None:
        return DEFAULT_SCALE, []
    problems: list[Problem] = []
    if not isinstance(entries, list) or not entries:
        msg = "`scale` must be a non-empty list of tables with key, label and color"
        return DEFAULT_SCALE, [Problem(file, None, "scale", repr(entries)[:80], msg)]
    categories = []
    for i, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.append(Problem(file, None, f"scale[{i}]", repr(entry)[:80], "not a table"))
            continue
        key, label = str(entry.get("key", "")), str(entry.get("label", ""))
        color = str(entry.get("color", ""))
        if not KEY_RE.match(key) or key == NO_STATEMENT_KEY:
            problems.append(
                Problem(
                    file,
                    None,
                    f"scale[{i}].key",
                    key,
                    f"key {key!r} must be lower-case letters, digits or _ and not "
                    f"{NO_STATEMENT_KEY!r} (reserved for 'No statement recorded')",
                )
            )
        if not label:
            problems.append(Problem(file, None, f"scale[{i}].label", label, "label is empty"))
        if not COLOR_RE.match(color):
            problems.append(
                Problem(file, None, f"scale[{i}].color", color, f"color {color!r} must be #RRGGBB")
            )
        if not KEY_RE.match(key) or key == NO_STATEMENT_KEY:
            continue  # reported above; rows using it are reported as unknown stances
        if key in [c.key for c in categories]:
            problems.append(
                Problem(file, None, f"scale[{i}].key", key, f"key {key!r} appears twice")
            )
            continue  # the first definition stands
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            problems.append(
                Problem(
                    file,
                    None,
                    f"scale[{i}].aliases",
                    repr(aliases)[:80],
                    'aliases must be a list of strings, e.g. aliases = ["Y", "in favour"]',
                )
            )
            aliases = []
        categories.append(
            Category(
                key,
                label or key,
                color if COLOR_RE.match(color) else "#999999",
                tuple(a.strip() for a in aliases if a.strip()),
            )
        )
    if not categories:
        return DEFAULT_SCALE, problems
    return Scale(tuple(categories)), problems


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


def valid_dates(values: pd.Series) -> pd.Series:
    """True where a cell is empty, a real month (YYYY-MM) or a real day (time optional),
    its year between YEAR_MIN and YEAR_MAX."""
    months = values.str.fullmatch(MONTH_RE.pattern[1:-1]) & years_in_range(values)
    days = values.str.fullmatch(DAY_RE.pattern[1:-1]) & years_in_range(values)
    ok = values.eq("") | (months & values.str[5:7].isin([f"{m:02d}" for m in range(1, 13)]))
    if days.any():
        parsed = pd.to_datetime(values[days], errors="coerce", utc=True, format="ISO8601")
        ok[days] = parsed.notna()
    return ok


def _statement_schema(scale: Scale) -> pa.DataFrameSchema:
    allowed_stances = ", ".join(scale.keys)
    stance_error = f"is not a stance of this scale; use one of: {allowed_stances}"
    text = [
        pa.Check(
            _no_hidden_characters,
            error="contains control or bidirectional-override characters; remove them",
        ),
        pa.Check(
            lambda values: ~starts_like_formula(values),
            error="starts like a spreadsheet formula (= @ a tab, or + - not followed by a plain "
            "number); reword it or put it in quote marks",
        ),
        pa.Check(
            lambda values: ~only_invisible(values),
            error="holds only invisible characters: write the text, or leave the cell empty",
        ),
    ]
    columns = {name: pa.Column(str, checks=list(text)) for name in STATEMENT_COLUMNS}
    columns["actor"] = pa.Column(
        str, checks=[*text, pa.Check.str_length(min_value=1, error="actor is empty")]
    )
    columns["stance"] = pa.Column(str, checks=[pa.Check.isin(scale.keys, error=stance_error)])
    columns["actor_type"] = pa.Column(
        str,
        checks=[
            pa.Check.isin(
                ("", *ACTOR_TYPES), error=f"actor_type must be one of: {', '.join(ACTOR_TYPES)}"
            )
        ],
    )
    columns["date_precision"] = pa.Column(
        str,
        checks=[
            pa.Check.isin(
                ("", *DATE_PRECISIONS),
                error=f"date_precision must be one of: {', '.join(DATE_PRECISIONS)}",
            )
        ],
    )
    columns["date"] = pa.Column(
        str,
        checks=[
            pa.Check(
                lambda values: valid_dates(values) | ~years_in_range(values),
                error="date must be YYYY-MM-DD (time optional), YYYY-MM, or empty",
            ),
            pa.Check(years_in_range, error=f"the year must be {RANGE_TEXT}"),
        ],
    )
    return pa.DataFrameSchema(columns, strict=False)


def validate_statements(frame: pd.DataFrame, scale: Scale, file: str) -> list[Problem]:
    """Every problem in a statements frame (all columns present, strings, '' for empty)."""
    problems: list[Problem] = []
    try:
        _statement_schema(scale).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        for case in err.failure_cases.itertuples(index=False):
            index = case.index
            row = Problem.row_of(index) if index is not None and not pd.isna(index) else None
            value = "" if case.failure_case is None else str(case.failure_case)
            joint = " " if str(case.check).startswith("is ") else ": "
            problems.append(Problem(file, row, case.column, value, f"{value!r}{joint}{case.check}"))
    # Precision must agree with the date written.
    dates, precisions = frame["date"], frame["date_precision"]
    expected = pd.Series("day", index=frame.index).mask(dates.eq(""), "unknown")
    expected = expected.mask(dates.str.fullmatch(MONTH_RE.pattern[1:-1]), "month")
    wrong = precisions.ne("") & valid_dates(dates) & precisions.ne(expected)
    for index in frame.index[wrong]:
        problems.append(
            Problem(
                file,
                Problem.row_of(index),
                "date_precision",
                precisions[index],
                f"{precisions[index]!r} does not match date {dates[index]!r}: "
                f"use {expected[index]!r}",
            )
        )
    urls = frame["source_url"]
    for index in frame.index[(urls != "") & ~urls.map(safe_url).astype(bool)]:
        problems.append(
            Problem(
                file,
                Problem.row_of(index),
                "source_url",
                urls[index],
                "is not a plain http:// or https:// address with a host; it is shown as text, "
                "never as a link",
                blocking=False,
            )
        )
    ids = frame["statement_id"]
    for index in frame.index[ids.ne("") & ids.duplicated(keep="first")]:
        problems.append(
            Problem(
                file,
                Problem.row_of(index),
                "statement_id",
                ids[index],
                f"duplicate statement_id {ids[index]!r}: each statement needs its own id",
            )
        )
    return sorted(problems, key=lambda p: (p.row or 0, p.column or ""))


# A recorded vote (UN General Assembly, Security Council...), Okabe-Ito colours.
VOTE_SCALE = Scale(
    (
        Category("yes", "Yes", "#009E73", ("Y", "in favour", "in favor", "favour", "favor", "for")),
        Category("no", "No", "#D55E00", ("N", "against")),
        Category(
            "abstain", "Abstained", "#F0E442", ("A", "abstention", "abstaining", "abstentions")
        ),
        Category(
            "absent",
            "Absent / did not vote",
            "#56B4E9",
            (
                "X",
                "NV",
                "non-voting",
                "non voting",
                "not voting",
                "did not vote",
                "did not participate",
                "non-participating",
                "not participating",
            ),
        ),  # fmt: skip
    )
)
SCALE_PRESETS: dict[str, Scale] = {"default": DEFAULT_SCALE, "vote": VOTE_SCALE}
