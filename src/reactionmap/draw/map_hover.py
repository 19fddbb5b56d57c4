"""What the map says of a country under the pointer: its hover text, and what the country search offers."""

from __future__ import annotations

import functools
import html
import unicodedata
from collections.abc import Mapping

import pandas as pd

from reactionmap.contract.scale import DISAGREE_KEY, NO_STATEMENT_KEY, NO_STATEMENT_LABEL, Scale
from reactionmap.draw.style import wrap_escaped
from reactionmap.view.compose import map_rows

# What a country's hover and the legend say of a country the reader's filter hides.
HIDDEN_NOTE = "hidden by your filters"


SILENT_HOVER = "<b>%{properties.name}</b><br>" + NO_STATEMENT_LABEL + "<extra></extra>"


SILENT_HIDDEN_HOVER = (
    "<b>%{properties.name}</b><br>" + NO_STATEMENT_LABEL + f": {HIDDEN_NOTE}<extra></extra>"
)


SPOKEN_HOVER = "%{hovertext}<extra></extra>"  # a country or dot that spoke: its own text


# A silent small state's dot: its name, and the note customdata[1] when it is hidden.
SILENT_DOT_HOVER = "<b>%{text}</b><br>" + NO_STATEMENT_LABEL + "%{customdata[1]}<extra></extra>"


def hover_text(row: Mapping, scale: Scale) -> str:
    """The hover label for one country: name, stance, who, when and what was said."""
    name = html.escape(row["name"])
    if not row.get("shown", True):
        return f"<b>{name}</b><br>{html.escape(scale.label(row['stance']))}: {HIDDEN_NOTE}"
    if row["stance"] == NO_STATEMENT_KEY:
        return f"<b>{name}</b><br>{html.escape(scale.label(NO_STATEMENT_KEY))}"
    if row["stance"] == DISAGREE_KEY and row.get("accounts"):
        lines = [
            f"<b>{name}</b>",
            f"<b>{html.escape(scale.describe(DISAGREE_KEY, row['stances']))}</b>",
        ]
        lines += [wrap_escaped(line) for line in scale.accounts_lines(row["accounts"])]
        return "<br>".join(lines)
    lines = [f"<b>{name}</b>", f"<b>{html.escape(scale.label(row['stance']))}</b>"]
    if row.get("inherited_from"):
        lines.append(
            wrap_escaped(f"Inherited from {row['inherited_from']}; no statement of its own")
        )
    elif row["statement_count"] > 1:
        lines[-1] += f" · {int(row['statement_count'])} statements, latest:"
    who = ", ".join(p for p in (row["speaker"], row["speaker_role"]) if p)
    lines.append(wrap_escaped(" · ".join(p for p in (who, row["latest_date_label"]) if p)))
    text = row["latest_text"]
    if text:
        lines.append(wrap_escaped(f"“{text}”" if row["latest_is_quote"] else text))
    return "<br>".join(lines)


def map_table(
    stances: pd.DataFrame, countries: pd.DataFrame, scale: Scale, shown: set[str] | None = None
) -> pd.DataFrame:
    """Every drawable country with its stance ('none' when it said nothing) and its ``hover``:
    view.compose.map_rows(), with hover text."""
    return with_hover(map_rows(stances, countries, shown), scale)


# What a country's hover text says (hover_text): the same row gives the same text, on every
# view and day that holds it, so each is written once per process (_hover).
HOVER_FIELDS = (
    "name", "shown", "stance", "accounts", "stances", "inherited_from", "statement_count",
    "speaker", "speaker_role", "latest_date_label", "latest_text", "latest_is_quote",
)  # fmt: skip


def with_hover(rows: pd.DataFrame, scale: Scale) -> pd.DataFrame:
    """The map's rows (view.compose.map_rows, or a Composition's) with each country's ``hover``."""
    fields = tuple(f for f in HOVER_FIELDS if f in rows)
    columns = (rows[f].tolist() for f in fields)
    return rows.assign(
        hover=[_hover(fields, values, scale) for values in zip(*columns, strict=True)]
    )


@functools.lru_cache(maxsize=8192)
def _hover(fields: tuple[str, ...], values: tuple, scale: Scale) -> str:
    """hover_text of the row whose ``fields`` hold ``values``."""
    return hover_text(dict(zip(fields, values, strict=True)), scale)


def search_choices(rows: pd.DataFrame, actors: pd.DataFrame, scale: Scale) -> dict[str, str]:
    """What a reader can find in the map's search, code -> label, by name: every country the
    map draws (``rows``, map_rows', the silent ones said to be so), then any other country
    with a statement (``actors``: iso3, name, stance; former members, off today's map)."""
    labels = {c.key: c.label for c in scale.with_none}
    found = {}
    for code, name, stance in zip(rows["iso3"], rows["name"], rows["stance"], strict=True):
        silent = stance == NO_STATEMENT_KEY
        found[code] = f"{name} · " + (
            "no statement recorded" if silent else labels.get(stance, stance)
        )
    for code, name, stance in zip(actors["iso3"], actors["name"], actors["stance"], strict=True):
        found.setdefault(code, f"{name} · {labels.get(stance, stance)}, not on the map")
    return dict(sorted(found.items(), key=lambda item: _sort_key(item[1])))


@functools.lru_cache(maxsize=4096)
def _sort_key(text: str) -> str:
    """Names in alphabetical order whatever their accents (Côte d'Ivoire among the Cs)."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).casefold()
