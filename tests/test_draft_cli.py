"""`reactionmap draft`: CSV on standard output, or a new or extended event folder."""

from __future__ import annotations

import io
import subprocess
import sys
import tomllib
from pathlib import Path

import pandas as pd
import pytest

from reactionmap.contract.statements import STATEMENT_COLUMNS
from reactionmap.intake.events import load_event
from tests.conftest import GOOD_ROWS, write_event

EDGE = Path(__file__).resolve().parent / "data" / "draft" / "edge"
ARTICLE = EDGE / "two-countries.txt"


def test_draft_prints_the_contract_columns(cli):
    code, out, err = cli(
        "draft", str(ARTICLE), "--date", "2026-01-04", "--source-name", "Test Wire",
        "--source-url", "https://example.org/a", "--target", "HUN",
    )  # fmt: skip
    assert code == 0, err
    rows = pd.read_csv(io.StringIO(out), dtype=str, keep_default_na=False)
    assert list(rows.columns) == list(STATEMENT_COLUMNS)
    assert set(rows["source_name"]) == {"Test Wire"}
    assert set(rows["source_url"]) == {"https://example.org/a"}
    assert rows.set_index("actor_iso3").loc["HUN", "stance"] == "party"
    assert "review every one" in err


def test_draft_reads_standard_input(cli):
    code, out, _ = cli("draft", "-", stdin=b"Peru welcomed the deal.\n")
    assert code == 0
    rows = pd.read_csv(io.StringIO(out), dtype=str, keep_default_na=False)
    assert rows[["actor_iso3", "stance"]].values.tolist() == [["PER", "support"]]


def test_draft_creates_an_event_that_checks_clean(cli, events_env):
    code, _, err = cli(
        "draft", str(ARTICLE), "--event-id", "strikes", "--date", "2026-01-04",
        "--target", "Hungary", "--title", "Strikes",
    )  # fmt: skip
    assert code == 0, err
    assert "created strikes/" in err
    meta = tomllib.loads((events_env / "strikes" / "event.toml").read_text(encoding="utf-8"))
    assert meta["title"] == "Strikes" and meta["date"] == "2026-01-04"
    assert meta["parties"] == [{"iso3": "HUN", "role": "target"}]
    event = load_event("strikes", events_dir=events_env)
    assert event.problems == []
    assert len(event.statements) == 6


def test_draft_extends_an_event_with_its_parties_and_fresh_ids(cli, events_env):
    folder = write_event(events_env, "existing", GOOD_ROWS)
    before = (folder / "statements.csv").read_text(encoding="utf-8")
    toml = folder / "event.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8") + '\n[[parties]]\niso3 = "DEU"\nrole = "target"\n',
        encoding="utf-8",
    )
    code, _, err = cli("draft", str(ARTICLE), "--event-id", "existing")
    assert code == 0, err
    rows = pd.read_csv(folder / "statements.csv", dtype=str, keep_default_na=False)
    assert len(rows) == len(GOOD_ROWS) + 6
    assert rows["statement_id"].is_unique
    assert rows.set_index("actor_iso3").loc["DEU", "stance"] == "party"  # the event's party
    old = pd.read_csv(io.StringIO(before), dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(rows.head(len(old))[old.columns], old)  # old rows untouched


@pytest.mark.parametrize("event_id", ["../outside", "a/b", "Big", ""])
def test_draft_never_writes_outside_the_events_folder(cli, events_env, event_id):
    code, _, err = cli("draft", str(ARTICLE), "--event-id", event_id, "--date", "2026-01-04")
    assert code == 2 and "not allowed" in err
    assert list(events_env.iterdir()) == []


def test_draft_new_event_without_a_date_has_none(cli, events_env):
    code, _, err = cli("draft", str(ARTICLE), "--event-id", "nodate")
    assert code == 0, err
    meta = tomllib.loads((events_env / "nodate" / "event.toml").read_text(encoding="utf-8"))
    assert "date" not in meta  # never made up
    assert load_event("nodate", events_dir=events_env).problems == []


def test_draft_never_writes_through_a_link(cli, events_env, tmp_path):
    outside = tmp_path / "outside.csv"
    outside.write_text("keep me\n", encoding="utf-8")
    folder = write_event(events_env, "linked", GOOD_ROWS)
    (folder / "statements.csv").unlink()
    (folder / "statements.csv").symlink_to(outside)
    code, _, err = cli("draft", str(ARTICLE), "--event-id", "linked")
    assert code == 2 and "link" in err
    assert outside.read_text(encoding="utf-8") == "keep me\n"


def test_draft_bad_options_and_files(cli, tmp_path):
    code, _, err = cli("draft", str(ARTICLE), "--date", "4 Jan")
    assert code == 2 and "YYYY-MM-DD" in err
    code, _, err = cli("draft", str(ARTICLE), "--target", "Korea")
    assert code == 2 and "ambiguous" in err
    code, _, err = cli("draft", str(tmp_path / "missing.txt"))
    assert code == 1 and "cannot read" in err
    binary = tmp_path / "a.txt"
    binary.write_bytes(b"\xff\xfe\x00\x01")
    code, _, err = cli("draft", str(binary))
    assert code == 1 and "UTF-8" in err and "Traceback" not in err


def test_save_gives_rows_added_by_hand_an_id_and_skips_blank_ones(events_env):
    from reactionmap.draft.save import save_draft

    rows = pd.DataFrame(
        [
            {"statement_id": "fra-d01", "actor": "France", "stance": "condemn"},
            {"statement_id": "", "actor": "Chile", "stance": "concern"},
            {"statement_id": None, "actor": None, "stance": None},
        ]
    )
    folder, count, created = save_draft(rows, "by-hand", date="2026-01-04")
    assert created and count == 2
    written = pd.read_csv(folder / "statements.csv", dtype=str, keep_default_na=False)
    assert written["statement_id"].tolist() == ["fra-d01", "added-01"]
    assert load_event("by-hand", events_dir=events_env).problems == []


def test_target_takes_one_code_or_several(cli):
    code, out, err = cli(
        "draft", str(ARTICLE), "--target", "HUN", "Germany", "--date", "2026-01-04"
    )
    assert code == 0, err
    rows = pd.read_csv(io.StringIO(out), dtype=str, keep_default_na=False).set_index("actor_iso3")
    assert rows.loc[["HUN", "DEU"], "stance"].tolist() == ["party", "party"]
    assert rows.loc["ITA", "stance"] == "support"  # not a target
    code, out, err = cli("draft", str(ARTICLE), "--target", "HUN", "--target", "DEU")
    assert code == 0, err
    assert out.count(",party,") == 2


@pytest.mark.parametrize(
    ("given", "read"),
    [
        (["a.txt", "--target", "VEN", "USA"], ["a.txt", "--target", "VEN", "--target", "USA"]),
        (["--target", "VEN", "USA", "--date", "D", "a.txt"],
         ["--target", "VEN", "--target", "USA", "--date", "D", "a.txt"]),
        (["--target", "VEN", "--", "b.txt"], ["--target", "VEN", "--", "b.txt"]),
        (["a.txt", "--target"], ["a.txt", "--target"]),
        (["a.txt", "--event-id", "x"], ["a.txt", "--event-id", "x"]),
    ],
)  # fmt: skip
def test_spread_reads_target_as_argparse_did(given, read):
    from reactionmap.cli.draft import spread

    assert spread(given, "--target") == read


def test_the_command_line_loads_spacy_only_for_draft():
    code = (
        "import sys\n"
        "from reactionmap.cli.main import main\n"
        "main(['list'], standalone_mode=False)\n"
        "print(sorted(m for m in sys.modules if m == 'spacy' or m.startswith('reactionmap.draft')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "[]"
