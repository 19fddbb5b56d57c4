"""Which columns hold the countries and the stance: guessed from the header, chosen by the reader."""

from __future__ import annotations

import pandas as pd

UNUSED_PREFIX = "not used: "


def _contract_name(column: object) -> str:
    name = str(column).strip().lower().replace(" ", "_").replace("-", "_")
    return HEADER_ALIASES.get(name, name)


def guess_columns(columns: list[str]) -> tuple[str | None, str | None]:
    """(actor column, stance column) as the header names them ("actor", "Country", "Member
    State", "Vote", ...); the contract's own name wins over a synonym; None where none does."""
    found: dict[str, str | None] = {"actor": None, "stance": None}
    for target in found:
        exact = [c for c in columns if str(c).strip().lower() == target]
        synonyms = [c for c in columns if _contract_name(c) == target]
        found[target] = (exact or synonyms or [None])[0]
    return found["actor"], found["stance"]


def with_columns(raw: pd.DataFrame, actor: str | None, stance: str | None) -> pd.DataFrame:
    """The table with the chosen columns named actor and stance; any other column that would
    read as one of them is renamed "not used: …" (reported as ignored, never used)."""
    names = []
    for column in raw.columns:
        if column == actor:
            names.append("actor")
        elif column == stance:
            names.append("stance")
        elif _contract_name(column) in ("actor", "stance"):
            names.append(UNUSED_PREFIX + str(column))
        else:
            names.append(column)
    return raw.set_axis(names, axis=1)


# Headers that spreadsheets and vote records use for the two required columns.
HEADER_ALIASES = {
    "country": "actor",
    "member_state": "actor",
    "state": "actor",
    "name": "actor",
    "vote": "stance",
    "position": "stance",
    "reaction": "stance",
    "country_name": "actor",
    "member": "actor",
    "ms_name": "actor",
    "ms_vote": "stance",
}


def normalise_columns(raw: pd.DataFrame) -> pd.DataFrame:
    """Header names as the contract spells them: trimmed, lower case, spaces as underscores;
    a common synonym of actor or stance ("Country", "Member State", "Vote") is read as it,
    unless the table also has the contract's own column."""
    renamed = raw.copy()
    columns = [str(c).strip().lower().replace(" ", "_").replace("-", "_") for c in raw.columns]
    renamed.columns = [
        HEADER_ALIASES[c] if c in HEADER_ALIASES and HEADER_ALIASES[c] not in columns else c
        for c in columns
    ]
    return renamed
