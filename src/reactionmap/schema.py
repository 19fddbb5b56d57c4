"""The data contract: statement columns, the stance scale, and validation that reports every problem."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

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
FORMULA_START_RE = re.compile(r"^(=|@|[+\-][^\d\s.])")
HIDDEN_RE = "[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]"


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

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    """Problems as a table a reader can scan: file, row, column, value, problem."""
    return pd.DataFrame(
        [
            {
                "file": p.file,
                "row": p.row,
                "column": p.column or "",
                "value": p.value,
                "problem": p.message,
                "row mapped": "yes" if not p.blocking else "no",
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


def starts_like_formula(values: pd.Series) -> pd.Series:
    """True where a spreadsheet would run the cell: it starts with = or @, or with + or -
    followed by something other than a digit, a space or a dot (FORMULA_START_RE)."""
    found = values.str.startswith(("=", "@", "+", "-")).astype(bool)
    if found.any():  # the regex only on the few candidates
        found[found] = values[found].str.match(FORMULA_START_RE.pattern).astype(bool)
    return found


def valid_dates(values: pd.Series) -> pd.Series:
    """True where a cell is empty, a real month (YYYY-MM) or a real day (time optional)."""
    months = values.str.fullmatch(MONTH_RE.pattern[1:-1])
    days = values.str.fullmatch(DAY_RE.pattern[1:-1])
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
            error="starts like a spreadsheet formula (= + - @); reword it or put it in quote marks",
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
                valid_dates, error="date must be YYYY-MM-DD (time optional), YYYY-MM, or empty"
            )
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
            row = int(index) + 2 if index is not None and not pd.isna(index) else None
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
                int(index) + 2,
                "date_precision",
                precisions[index],
                f"{precisions[index]!r} does not match date {dates[index]!r}: "
                f"use {expected[index]!r}",
            )
        )
    urls = frame["source_url"]
    for index in frame.index[(urls != "") & ~urls.str.match(r"^https?://\S+$")]:
        problems.append(
            Problem(
                file,
                int(index) + 2,
                "source_url",
                urls[index],
                "is not an http:// or https:// address; it is shown as text, never as a link",
                blocking=False,
            )
        )
    ids = frame["statement_id"]
    for index in frame.index[ids.ne("") & ids.duplicated(keep="first")]:
        problems.append(
            Problem(
                file,
                int(index) + 2,
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
