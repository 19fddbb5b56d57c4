"""The command line: check, export and import, with honest exit codes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from reactionmap.contract.paths import ENV_VAR
from tests.conftest import GOOD_ROWS, REPO, write_event


def test_check_good_event_exits_0_with_summary(cli, good_event):
    code, out, err = cli("check", str(good_event))
    assert code == 0, err
    assert "5 statements by 4 actors" in out
    assert "condemn" in out


def test_check_bad_event_lists_every_problem_and_exits_1(cli, events_root):
    rows = [dict(r) for r in GOOD_ROWS]
    rows[0]["stance"] = "approve"
    rows[1]["actor"] = "Korea"
    rows[2]["date"] = "yesterday"
    code, out, err = cli("check", str(write_event(events_root, "bad", rows)))
    assert code == 1
    assert "row 2, column stance" in err
    assert "row 3, column actor" in err and "PRK" in err
    assert "row 4, column date" in err
    assert "Traceback" not in err


def test_check_unknown_event_exits_2(cli):
    code, _, err = cli("check", "no-such-event")
    assert code == 2
    assert "venezuela-2026-01" in err  # lists the known ones


def test_export_csv_as_of(cli, good_event):
    code, out, _ = cli("export", str(good_event), "--format", "csv", "--as-of", "2026-03-03")
    assert code == 0
    table = pd.read_csv(io.StringIO(out), dtype=str, keep_default_na=False).set_index("actor_iso3")
    assert table.loc["FRA", "stance"] == "condemn"
    assert "CIV" in table.index and table.loc["CIV", "actor"] == "Côte d'Ivoire"
    assert {
        "actor",
        "actor_type",
        "statement_count",
        "latest_date",
        "latest_text",
        "source_url",
    } <= set(table.columns)


def test_export_geojson_has_every_country(cli):
    code, out, _ = cli("export", "venezuela-2026-01", "--format", "geojson")
    assert code == 0
    features = json.loads(out)["features"]
    by_code = {f["properties"]["iso3"]: f["properties"] for f in features}
    assert len(by_code) == len(features) >= 195
    assert by_code["RUS"]["stance"] == "condemn"
    assert by_code["AUS"]["stance"] == "none"  # no statement recorded
    assert "EU" not in by_code  # organizations are not countries


def test_import_writes_an_event_and_keeps_the_rows_to_fix(cli, tmp_path):
    table = tmp_path / "vote.csv"
    table.write_text(
        "actor,stance\nBOLIVIA (PLURINATIONAL STATE OF),yes\nRepublic of Korea,no\nKorea,yes\n",
        encoding="utf-8",
    )
    out_dir = tmp_path / "vote"
    code, out, err = cli(
        "import", str(table), "--event-id", "vote", "--scale", "vote",
        "--date", "2026-02-01", "--out", str(out_dir),
    )  # fmt: skip
    assert code == 1
    assert "3 row(s): 2 ready, 1 to fix" in out
    assert "row 4" in err and "Korea" in err
    written = pd.read_csv(out_dir / "statements.csv", dtype=str, keep_default_na=False)
    assert list(written["actor"]) == [
        "BOLIVIA (PLURINATIONAL STATE OF)",
        "Republic of Korea",
        "Korea",
    ]
    assert list(written["actor_iso3"]) == ["BOL", "KOR", ""]  # the bad row kept, as it came
    code, out, err = cli("check", str(out_dir))
    assert code == 1 and "row 4, column actor" in err  # check names the row to fix
    (out_dir / "statements.csv").write_text(
        (out_dir / "statements.csv")
        .read_text(encoding="utf-8")
        .replace("\nrow-4,Korea,", "\nrow-4,South Korea,"),
        encoding="utf-8",
    )
    code, out, err = cli("check", str(out_dir))
    assert code == 0, err


def test_console_script_is_installed():
    result = subprocess.run(
        [sys.executable, "-m", "reactionmap.cli", "check", "venezuela-2026-01"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("bad", ["--format=xml"])
def test_bad_arguments_exit_2(cli, bad):
    code, _, _ = cli("export", "venezuela-2026-01", bad)
    assert code == 2


def listed_ids(out: str) -> list[str]:
    """The ids of `reactionmap list`'s table, under its header."""
    return [line.split()[0] for line in out.splitlines()[1:]]


def test_events_come_from_reactionmap_data_dir(cli, monkeypatch, events_env, good_event):
    events_root = events_env
    code, out, _ = cli("list")
    assert (code, listed_ids(out)) == (0, ["test-event"])
    code, out, _ = cli("check", "test-event")  # an id, resolved under the variable
    assert code == 0
    monkeypatch.setenv(ENV_VAR, str(events_root.parent))  # a data dir with events/
    code, out, _ = cli("list")
    assert listed_ids(out) == ["test-event"]


# The shipped events as `list` must give them, newest first; the counts are the page's
# (view.stance.actor_key: Colombia's two former presidents are actors of their own).
SHIPPED = [
    ("venezuela-2026-01", "2026-01-03",
     "US military operation in Venezuela and capture of Nicolás Maduro", 34, 100),
    ("soleimani-2020-01", "2020-01-03",
     "US drone strike at Baghdad airport that killed Qasem Soleimani", 37, 37),
]  # fmt: skip


def test_list_gives_each_shipped_event_its_date_title_and_counts_in_columns(cli):
    code, out, err = cli("list")
    assert (code, err) == (0, "")
    header, *lines = out.splitlines()
    assert header.split() == ["ID", "DATE", "TITLE", "ACTORS", "STATEMENTS"]
    assert len(lines) == len(SHIPPED)
    for line, (event_id, day, title, actors, statements) in zip(lines, SHIPPED, strict=True):
        assert line.split() == [event_id, day, *title.split(), str(actors), str(statements)]
    # Aligned: every line's date starts under DATE, and every count ends under its header.
    for word in ("DATE", "STATEMENTS"):
        start, end = header.index(word), header.index(word) + len(word)
        assert all(line[start:end].strip() for line in lines), word
    assert all(len(line) == len(header) for line in lines)


def test_list_as_csv_and_json_gives_the_same_events(cli):
    code, out, _ = cli("list", "--format", "csv")
    assert code == 0
    table = pd.read_csv(io.StringIO(out), keep_default_na=False)
    rows = list(table[["id", "date", "title", "actors", "statements"]].itertuples(index=False))
    assert [tuple(r) for r in rows] == SHIPPED
    assert set(table["problems"]) == {0}
    code, out, _ = cli("list", "--format", "json")
    assert code == 0
    listed = json.loads(out)
    assert [
        (e["id"], e["date"], e["title"], e["actors"], e["statements"]) for e in listed
    ] == SHIPPED


def test_list_shows_a_broken_event_with_its_problems_and_exits_1(cli, events_env, good_event):
    (write_event(events_env, "broken", GOOD_ROWS) / "event.toml").write_text(
        "title = [unclosed\n", encoding="utf-8"
    )
    write_event(events_env, "no-rows", [], toml='id = "no-rows"\ntitle = "Nothing yet"\n')
    code, out, err = cli("list")
    assert code == 1
    lines = {line.split()[0]: line for line in out.splitlines()[1:]}
    assert set(lines) == {"test-event", "broken", "no-rows"}  # none dropped
    assert "problem(s): reactionmap check broken" in lines["broken"]
    assert "date not given" in lines["broken"]  # never a made-up date
    assert "problem" not in lines["test-event"]
    assert list(lines) == ["test-event", "broken", "no-rows"]  # dated first, then by id
    assert "broken/event.toml: not valid TOML" in err
    code, out, _ = cli("list", "--format", "json")
    listed = {e["id"]: e for e in json.loads(out)}
    assert code == 1 and listed["broken"]["problems"] >= 1
    assert "not valid TOML" in listed["broken"]["first_problem"]
    assert listed["test-event"]["problems"] == 0


def test_list_of_no_events_is_its_header_alone(cli, events_env):
    assert cli("list") == (0, "ID  DATE  TITLE  ACTORS  STATEMENTS\n", "")


def test_export_with_bad_rows_exits_1(cli, events_root):
    rows = [dict(r) for r in GOOD_ROWS]
    rows[0]["stance"] = "approve"
    code, out, err = cli("export", str(write_event(events_root, "bad", rows)))
    assert code == 1 and "row 2" in err
    assert "FRA" in out  # the good rows are still written


@pytest.mark.parametrize("event_id", ["../escape", "a/b", "Has Space", ""])
def test_import_refuses_an_event_id_that_is_not_a_folder_name(cli, tmp_path, event_id):
    table = tmp_path / "t.csv"
    table.write_text("actor,stance\nFrance,condemn\n", encoding="utf-8")
    code, _, err = cli("import", str(table), "--event-id", event_id, "--out", str(tmp_path / "x"))
    assert code == 2 and "--event-id" in err
    assert not (tmp_path / "x").exists()


# ---- one way to read a day ------------------------------------------------------------------
DAY_OPTIONS = {
    "draft --date": lambda event, out: [
        "draft", str(DRAFT_ARTICLE), "--event-id", "drafted", "--date",
    ],
    "export --as-of": lambda event, out: ["export", str(event), "--as-of"],
    "publish --as-of": lambda event, out: ["publish", str(event), "--out", str(out), "--as-of"],
    "import --date": lambda event, out: [
        "import", str(event / "statements.csv"), "--event-id", "x", "--out", str(out), "--date",
    ],
}  # fmt: skip
DRAFT_ARTICLE = REPO / "tests" / "data" / "draft" / "edge" / "two-countries.txt"


@pytest.mark.parametrize("option", sorted(DAY_OPTIONS))
def test_every_day_option_reads_a_day_the_same_way(cli, events_env, good_event, tmp_path, option):
    out = tmp_path / "out"
    argv = DAY_OPTIONS[option](good_event, out)
    code, _, err = cli(*argv, "3000-01-05")
    assert code == 2, err
    name = option.split()[1]
    assert (
        f"Invalid value for '{name}': '3000-01-05' is not a day: write it YYYY-MM-DD, the year between 1900 "
        in err
    )
    assert "and 2100" in err and "Traceback" not in err
    assert not out.exists() and not (events_env / "drafted").exists()  # nothing written
    code, _, err = cli(*argv, "2026-01-05")
    assert code == 0, err


def test_publish_prints_identical_problems_once_with_their_rows(cli, events_root, tmp_path):
    rows = [dict(r) for r in GOOD_ROWS]
    for index in (0, 1, 3):
        rows[index]["stance"] = "approve"
    folder = write_event(events_root, "bad", rows)
    code, _, err = cli("publish", str(folder), "--out", str(tmp_path / "site"))
    assert code == 1  # rows were left out
    assert err.startswith("bad: publishing 2 of 5 row(s); 3 problem(s):\n")
    (line,) = [line for line in err.splitlines() if "'approve'" in line]
    assert "3 rows (2, 3, 5)" in line
    assert (tmp_path / "site" / "index.html").is_file()  # the good rows are published


@pytest.mark.parametrize(
    "argv", [["check", "venezuela-2026-01"], ["export", "venezuela-2026-01", "--format", "geojson"]]
)
def test_a_reader_that_closed_the_pipe_gets_no_traceback(argv):
    """`reactionmap check x | head -1`: the reader is gone before the command writes."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "reactionmap.cli", *argv],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=120,
        )
    finally:
        os.close(writer)
    assert result.stderr == ""  # no traceback, no "Exception ignored ... BrokenPipeError"
    assert result.returncode == 1  # click's exit code for a closed pipe
