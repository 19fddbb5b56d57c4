"""Header names read as the contract's: one rule for guessing, renaming and normalising."""

from __future__ import annotations

import pandas as pd

from reactionmap.intake.columns import (
    contract_name,
    guess_columns,
    header_name,
    normalise_columns,
    with_columns,
)


def test_one_rule_reads_a_header_as_the_contracts_name():
    assert header_name("  Speaker Role ") == "speaker_role"
    assert header_name("date-precision") == "date_precision"
    assert header_name("Member State") == "member_state"  # a synonym is not read here
    assert contract_name("Member State") == "actor" and contract_name(" VOTE ") == "stance"
    assert contract_name("Speaker Role") == "speaker_role"


def test_guessing_renaming_and_normalising_agree():
    raw = pd.DataFrame(columns=["Member State", "Vote", "Speaker Role", "Notes"])
    assert guess_columns(list(raw.columns)) == ("Member State", "Vote")
    assert list(normalise_columns(raw).columns) == ["actor", "stance", "speaker_role", "notes"]
    # With the contract's own column, it wins and the synonym is left as it is (then ignored).
    both = pd.DataFrame(columns=["Country", " Actor ", "Vote"])
    assert guess_columns(list(both.columns)) == (" Actor ", "Vote")
    assert list(normalise_columns(both).columns) == ["country", "actor", "stance"]
    chosen = with_columns(both, " Actor ", "Vote")
    assert list(chosen.columns) == ["not used: Country", "actor", "stance"]
