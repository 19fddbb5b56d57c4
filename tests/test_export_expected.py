"""`reactionmap export` on a small fixture event, compared byte for byte with files under tests/expected/.

After an intended change of output (or of the shipped shapes), rewrite them with
``REACTIONMAP_REGENERATE=1 pytest tests/test_export_expected.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
EVENT = HERE / "data" / "events" / "tiny"
EXPECTED = HERE / "expected"
STDERR = (
    "tiny: exporting 6 of 6 row(s); 1 problem(s):\n"
    "  tiny/statements.csv, row 5, column source_url: is not a plain http:// or https:// "
    "address with a host; it is shown as text, never as a link\n"
)
CASES = {
    "tiny_stance.csv": ["--format", "csv"],
    "tiny_stance_2026-03-03.csv": ["--format", "csv", "--as-of", "2026-03-03"],
    "tiny_statements.csv": ["--format", "statements"],
    "tiny_stance.geojson": ["--format", "geojson"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_export_output_is_exactly_as_expected(cli, name):
    code, out, err = cli("export", str(EVENT), *CASES[name], binary=True)
    path = EXPECTED / name
    if os.environ.get("REACTIONMAP_REGENERATE") == "1":
        path.write_bytes(out)
    assert err.decode("utf-8") == STDERR
    assert code == 0  # the one problem is a note: every row is exported
    assert out == path.read_bytes()
