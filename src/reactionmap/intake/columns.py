"""Which columns hold the countries and the stance: guessed from the header, chosen by the reader."""

from __future__ import annotations

import pandas as pd

from reactionmap.contract.statements import STATEMENT_COLUMNS
from reactionmap.intake.words import fold, header_words

UNUSED_PREFIX = "not used: "


def header_name(column: object) -> str:
    """A header as the contract spells its columns: trimmed, lower case, spaces and hyphens as
    underscores ("Speaker Role" -> speaker_role)."""
    return str(column).strip().lower().replace(" ", "_").replace("-", "_")


def contract_name(column: object) -> str:
    """The contract's column a header names: its header_name, or a header word of
    data/words/headers.csv for actor or stance ("Country", "Member State", "Vote", "Pays",
    "Estado miembro", "Voto"), read case and accent blind ("ÉTAT MEMBRE", "Pais")."""
    name = header_name(column)
    if name in STATEMENT_COLUMNS:
        return name
    return header_words().get(fold(column), name)


def guess_columns(columns: list[str]) -> tuple[str | None, str | None]:
    """(actor column, stance column) as the header names them ("actor", "Country", "Member
    State", "Vote", ...); the contract's own name wins over a synonym; None where none does."""
    found: dict[str, str | None] = {"actor": None, "stance": None}
    for target in found:
        exact = [c for c in columns if header_name(c) == target]
        synonyms = [c for c in columns if contract_name(c) == target]
        found[target] = next(iter(exact or synonyms), None)
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
        elif contract_name(column) in ("actor", "stance"):
            names.append(UNUSED_PREFIX + str(column))
        else:
            names.append(column)
    return raw.set_axis(names, axis=1)


def normalise_columns(raw: pd.DataFrame) -> pd.DataFrame:
    """Header names as the contract spells them (contract_name), except that a synonym stays as
    it is when the table also has the contract's own column."""
    renamed = raw.copy()
    names = [header_name(c) for c in raw.columns]
    renamed.columns = [
        contract_name(name) if contract_name(name) not in names else name for name in names
    ]
    return renamed


def reader_headers(columns: list[str], actor: str | None, stance: str | None) -> dict[str, str]:
    """The name each of the reader's columns goes by once chosen and normalised (actor, stance,
    date, "not_used:_country", ...), the name problems give, -> the header as the reader wrote it
    ("Pays", "Vote", "Country")."""
    named = normalise_columns(with_columns(pd.DataFrame(columns=columns), actor, stance)).columns
    headers: dict[str, str] = {}
    for name, column in zip(named, columns, strict=True):
        headers.setdefault(str(name), str(column))
    return headers
