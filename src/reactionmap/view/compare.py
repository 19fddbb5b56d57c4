"""Two events side by side: each actor's stance in both, what changed between them, the cross-table."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from reactionmap.contract.cells import csv_bytes
from reactionmap.contract.event import Event
from reactionmap.contract.scale import (
    DEFAULT_SCALE,
    DISAGREE_KEY,
    NO_STATEMENT_KEY,
    VOTE_SCALE,
    Scale,
)
from reactionmap.places.resolver import CountryResolver
from reactionmap.view.compose import default_as_of, event_stance_table, is_organization
from reactionmap.view.stance import actor_key

# The stances that have an order, softest first, for each preset scale (by its keys). A key
# not listed ('party', 'absent', 'disagree', a custom scale's) has no place in the order: a
# pair involving it is 'changed, not comparable', never harder or softer by accident.
ORDERS: dict[tuple[str, ...], tuple[str, ...]] = {
    DEFAULT_SCALE.keys: ("support", "neutral", "concern", "condemn"),
    VOTE_SCALE.keys: ("yes", "abstain", "no"),
}

# What happened between event A and event B, for one actor: key -> label.
SAME, HARDER, SOFTER, ONLY_A, ONLY_B, CHANGED = (
    "same",
    "harder",
    "softer",
    "only_a",
    "only_b",
    "changed",
)
CHANGES = {
    SAME: "Same stance",
    HARDER: "Harder in B",
    SOFTER: "Softer in B",
    ONLY_A: "Only in A",
    ONLY_B: "Only in B",
    CHANGED: "Changed, not comparable",
}

# Why a pair may be 'changed, not comparable': said once, for the legend and the page.
NOT_COMPARABLE_NOTE = (
    "Changed, not comparable: the two stances are not on one order (directly involved, "
    "sources disagree, absent from a vote, a scale with no order, or two different scales)."
)

COMPARE_COLUMNS = (
    "iso3",
    "name",
    "kind",  # country, organization, or other (someone who speaks for no government)
    "stance_a",
    "stance_b",
    "change",
    "statement_a",
    "statement_b",
)


def order_of(scale: Scale) -> tuple[str, ...]:
    """The ordered stances of a scale, softest first; () for a scale with no known order."""
    return ORDERS.get(scale.keys, ())


def change(stance_a: str, stance_b: str, scale_a: Scale, scale_b: Scale) -> str:
    """What changed for one actor from A to B (stances are keys; 'none' when it said nothing).

    Two different scales, or a stance with no place in the order, make a pair that differs
    'changed, not comparable'; 'Sources disagree' is never the same as itself (its sides may
    differ). An actor silent in both has no change: the caller leaves it out (or shows 'none').
    """
    if stance_a == NO_STATEMENT_KEY and stance_b == NO_STATEMENT_KEY:
        return NO_STATEMENT_KEY
    if stance_b == NO_STATEMENT_KEY:
        return ONLY_A
    if stance_a == NO_STATEMENT_KEY:
        return ONLY_B
    if scale_a.keys != scale_b.keys:
        return CHANGED
    if stance_a == stance_b and stance_a != DISAGREE_KEY:
        return SAME
    order = order_of(scale_a)
    if stance_a not in order or stance_b not in order:
        return CHANGED
    return HARDER if order.index(stance_b) > order.index(stance_a) else SOFTER


def _statement(row: pd.Series) -> str:
    """The words a reader sees for an actor's stance: its latest statement, and where its
    sources disagree, each side's."""
    if row["accounts"]:
        return row["accounts"]
    text = row["latest_text"]
    return f"“{text}”" if text and row["latest_is_quote"] else text


def _side(event: Event, resolver: CountryResolver | None) -> pd.DataFrame:
    """One event's stance table as of its last day, keyed by actor, with its statement's words."""
    table = event_stance_table(event, default_as_of(event), resolver=resolver)
    kind = pd.Series("country", index=table.index)
    kind = kind.mask(is_organization(table["actor_iso3"], resolver), "organization")
    kind = kind.mask(table["actor_type"] == "other", "other")
    return pd.DataFrame(
        {
            "key": actor_key(table),
            "iso3": table["actor_iso3"],
            "name": table["actor"],
            "kind": kind,
            "stance": table["stance"],
            "statement": pd.Series(
                [_statement(row) for _, row in table.iterrows()], index=table.index, dtype=object
            ),
        }
    )


def compare_table(a: Event, b: Event, resolver: CountryResolver | None = None) -> pd.DataFrame:
    """One row per actor that spoke in either event (COMPARE_COLUMNS): its stance in each as
    of the event's last day ('none' where it said nothing), what changed, and both statements.
    Countries first, then organizations, then others; by name within each."""
    side_a, side_b = _side(a, resolver), _side(b, resolver)
    both = side_a.merge(side_b, on="key", how="outer", suffixes=("_a", "_b")).astype(object)
    for column in ("iso3", "name", "kind"):
        both[column] = both[f"{column}_a"].fillna(both[f"{column}_b"])
    both["stance_a"] = both["stance_a"].fillna(NO_STATEMENT_KEY)
    both["stance_b"] = both["stance_b"].fillna(NO_STATEMENT_KEY)
    both["statement_a"] = both["statement_a"].fillna("")
    both["statement_b"] = both["statement_b"].fillna("")
    both["change"] = [
        change(x, y, a.scale, b.scale)
        for x, y in zip(both["stance_a"], both["stance_b"], strict=True)
    ]
    rank = both["kind"].map({"country": 0, "organization": 1, "other": 2})
    both = both.assign(_rank=rank).sort_values(["_rank", "name", "iso3"], kind="stable")
    return both[list(COMPARE_COLUMNS)].reset_index(drop=True)


def countries(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of compare_table drawn on the map and counted in the cross-table."""
    return table[table["kind"] == "country"]


def apart(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of compare_table that are not countries (organizations, others): listed apart."""
    return table[table["kind"] != "country"]


def stance_keys(scale: Scale) -> list[str]:
    """A scale's stances as the cross-table lists them: the scale's, 'Sources disagree', then
    'No statement recorded'."""
    return [c.key for c in scale.with_none]


@dataclass(frozen=True)
class CrossCell:
    """One cell of the cross-table: how many countries, and their names."""

    count: int
    names: tuple[str, ...]


def cross_table(table: pd.DataFrame, scale_a: Scale, scale_b: Scale) -> pd.DataFrame:
    """Stance in A (rows) against stance in B (columns), each cell a CrossCell of the
    countries (compare_table's country rows) holding that pair; every stance of both scales
    is listed, empty ones too, as labels."""
    rows = countries(table)
    keys_a, keys_b = stance_keys(scale_a), stance_keys(scale_b)
    cells = {
        scale_b.label(kb): [
            _cell(rows[(rows["stance_a"] == ka) & (rows["stance_b"] == kb)]) for ka in keys_a
        ]
        for kb in keys_b
    }
    return pd.DataFrame(cells, index=[scale_a.label(k) for k in keys_a])


def _cell(rows: pd.DataFrame) -> CrossCell:
    return CrossCell(len(rows), tuple(rows["name"]))


def cross_text(cross: pd.DataFrame) -> pd.DataFrame:
    """The cross-table as text: each cell its count and its countries' names ("" when none)."""
    return cross.map(lambda c: f"{c.count}: {', '.join(c.names)}" if c.count else "")


def compare_csv(table: pd.DataFrame) -> bytes:
    """compare_table as CSV (the command line's and the page's download, the same bytes); a
    cell that starts like a formula is escaped (contract.cells)."""
    return csv_bytes(table[list(COMPARE_COLUMNS)])


def change_counts(table: pd.DataFrame) -> dict[str, int]:
    """How many countries fall in each change (CHANGES' order, zeros included)."""
    found = countries(table)["change"].value_counts()
    return {key: int(found.get(key, 0)) for key in CHANGES}
