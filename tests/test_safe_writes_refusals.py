"""A full disk, a read-only folder, an over-long id or an unreadable row: one line, exit 1,
nothing changed; what is written is readable by all and reads back the same (issue 19)."""

from __future__ import annotations

import csv
import io
import os
import stat
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reactionmap.contract.cells import is_formula
from reactionmap.contract.event import EVENT_FILE, STATEMENTS_FILE
from reactionmap.contract.statements import STATEMENT_COLUMNS, statements_csv
from reactionmap.intake.tables import read_csv_text
from reactionmap.intake.writers import table_bytes
from reactionmap.publish.export import stance_csv
from reactionmap.view.compare import COMPARE_COLUMNS, compare_csv
from reactionmap.view.stance import STANCE_COLUMNS


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) and its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _table(tmp_path: Path, name: str, notes: int = 0) -> Path:
    path = tmp_path / name
    note = "n" * notes
    path.write_text(
        "actor,stance,notes\n" + f"France,condemn,{note}\nChile,concern,{note}\n" * 200,
        encoding="utf-8",
    )
    return path


@pytest.fixture
def small_disk(tmp_path):
    """A real 8 MB file system: root mounts one; elsewhere the test is skipped with the
    reason, but never under CI, where the mount must work."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        if os.environ.get("CI") == "true" and os.geteuid() == 0:
            pytest.fail(f"cannot mount a small tmpfs under CI as root: {made.stderr!r}")
        pytest.skip(f"cannot mount a small file system here (needs root): {made.stderr!r}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=True)


def _one_line_refusal(code: int, out: str, err: str) -> None:
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 1, (code, out, err)
    assert len(lines) == 1 and lines[0].startswith("refused: "), err
    assert "Traceback" not in out + err


def test_a_full_disk_refuses_import_publish_and_save_in_one_line(small_disk, tmp_path, cli):
    from reactionmap.draft.save import DraftNotSaved, save_draft

    events = small_disk / "events"
    code, _, err = cli("import", str(_table(tmp_path, "a.csv")), "--event-id", "e", "--out",
                       str(events / "e"))  # fmt: skip
    assert code == 0, err
    page = small_disk / "site"
    assert cli("publish", str(events / "e"), "--out", str(page))[0] == 0
    before = _snapshot(small_disk)
    disk = os.statvfs(small_disk)
    with (small_disk / "filler").open("wb") as out:  # the disk then full but for 8 KB
        out.write(b"x" * (disk.f_bavail * disk.f_frsize - 8192))
    before["filler"] = (small_disk / "filler").read_bytes()

    big = _table(tmp_path, "big.csv", notes=400)
    _one_line_refusal(*cli("import", str(big), "--event-id", "e", "--out", str(events / "e"),
                           "--force"))  # fmt: skip
    _one_line_refusal(*cli("publish", str(events / "e"), "--out", str(page), "--region", "Europe"))
    rows = pd.DataFrame([{"actor": "Chile", "stance": "concern", "notes": "n" * 20000}])
    with pytest.raises(DraftNotSaved, match="No space left on device; nothing was saved"):
        save_draft(rows, "e", events_dir=events)
    assert _snapshot(small_disk) == before  # nothing changed, nothing left behind


def test_a_read_only_folder_refuses_in_one_line(small_disk, tmp_path, cli):
    events = small_disk / "events"
    assert cli("import", str(_table(tmp_path, "a.csv")), "--event-id", "e", "--out",
               str(events / "e"))[0] == 0  # fmt: skip
    page = small_disk / "site"
    assert cli("publish", str(events / "e"), "--out", str(page))[0] == 0
    before = _snapshot(small_disk)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    try:
        _one_line_refusal(*cli("import", str(_table(tmp_path, "b.csv")), "--event-id", "e",
                               "--out", str(events / "e"), "--force"))  # fmt: skip
        _one_line_refusal(*cli("publish", str(events / "e"), "--out", str(page), "--region",
                               "Europe"))  # fmt: skip
        assert "Read-only file system" in cli("publish", str(events / "e"), "--out",
                                              str(page))[2]  # fmt: skip
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    assert _snapshot(small_disk) == before


def test_an_over_long_event_id_is_refused_before_anything_is_written(events_env, tmp_path, cli):
    from reactionmap.draft.save import DraftNotSaved, save_draft

    long_id = "a" * 300
    _one_line_refusal(*cli("import", str(_table(tmp_path, "a.csv")), "--event-id", long_id))
    assert (
        "300 characters long; a folder's name may have at most 200"
        in cli("import", str(_table(tmp_path, "a.csv")), "--event-id", long_id)[2]
    )
    with pytest.raises(DraftNotSaved, match="300 characters long"):
        save_draft(pd.DataFrame([{"actor": "France", "stance": "condemn"}]), long_id)
    assert list(events_env.iterdir()) == []


def test_a_save_never_rewrites_a_row_it_could_not_read(events_env):
    from reactionmap.draft.save import DraftNotSaved, existing_event, save_draft

    folder = events_env / "broken"
    folder.mkdir()
    (folder / EVENT_FILE).write_text('id = "broken"\ntitle = "Broken"\n', encoding="utf-8")
    text = (
        "statement_id,actor,stance,quote,summary\n"
        "s1,France,condemn,we condemn this, strongly,the summary\n"  # one field too many
        "s2,Chile,concern,,fine\n"
    )
    (folder / STATEMENTS_FILE).write_text(text, encoding="utf-8")
    before = _snapshot(events_env)
    row = pd.DataFrame([{"statement_id": "s3", "actor": "Spain", "stance": "concern"}])
    with pytest.raises(DraftNotSaved, match=r"row 2: has 6 fields where the header has 5.*nothing"):
        save_draft(row, "broken")
    with pytest.raises(DraftNotSaved, match="row 2"):
        existing_event("broken")  # the CLI's first look refuses too
    after = _snapshot(events_env)
    assert after.pop(".broken.lock") == b""  # the writers' lock, taken to read
    assert after == before


def test_written_files_are_0644_and_folders_0755_whatever_the_umask(events_env, tmp_path, cli):
    from reactionmap.draft.save import save_draft

    shipped = events_env / "shipped"
    shipped.mkdir()
    (shipped / EVENT_FILE).write_text('id = "shipped"\ntitle = "S"\n', encoding="utf-8")
    (shipped / STATEMENTS_FILE).write_text("actor,stance\nFrance,condemn\n", encoding="utf-8")
    os.chmod(shipped / STATEMENTS_FILE, 0o644)
    old = os.umask(0o077)
    try:
        save_draft(pd.DataFrame([{"actor": "Chile", "stance": "concern"}]), "shipped")
        save_draft(pd.DataFrame([{"actor": "Chile", "stance": "concern"}]), "new-one")
        assert cli("import", str(_table(tmp_path, "a.csv")), "--event-id", "imp")[0] == 0
        assert cli("publish", "imp", "--out", str(tmp_path / "a" / "b" / "site"))[0] == 0
        assert cli("publish", "imp", "--out", str(tmp_path / "img" / "map.svg"),
                   "--format", "svg")[0] == 0  # fmt: skip
    finally:
        os.umask(old)
    written = [
        *[events_env / e / f for e in ("shipped", "new-one", "imp") for f in (EVENT_FILE,
                                                                            STATEMENTS_FILE)],
        tmp_path / "a" / "b" / "site" / "index.html",
        tmp_path / "img" / "map.svg",
    ]  # fmt: skip
    folders = [events_env / e for e in ("shipped", "new-one", "imp")]
    folders += [tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "site"]
    folders += [tmp_path / "img"]
    assert {str(p): oct(stat.S_IMODE(p.stat().st_mode)) for p in written} == {
        str(p): "0o644" for p in written
    }
    assert {str(p): oct(stat.S_IMODE(p.stat().st_mode)) for p in folders} == {
        str(p): "0o755" for p in folders
    }


# Any text a cell may hold but NUL (no reader takes it) and lone surrogates (not UTF-8), with
# the line breaks and quotes a CSV writer must get right drawn often.
PIECE = st.one_of(
    st.sampled_from(["\r", "\n", "\r\n", '"', ",", "'", "=", "+", "-", "@", "\t", " "]),
    st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),
)
CELL = st.lists(PIECE, max_size=8).map("".join)
ROW = st.fixed_dictionaries({column: CELL for column in STATEMENT_COLUMNS})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ROW, min_size=1, max_size=5))
def test_every_value_written_is_read_back_the_same(rows):
    frame = pd.DataFrame(rows, columns=list(STATEMENT_COLUMNS))
    back, problems = read_csv_text(table_bytes(frame), STATEMENTS_FILE)
    assert back is not None and not problems, problems
    assert list(back.columns) == list(STATEMENT_COLUMNS)
    assert back.to_dict("records") == frame.to_dict("records")


def _rows(columns) -> st.SearchStrategy:
    return st.lists(st.fixed_dictionaries({c: CELL for c in columns}), min_size=1, max_size=5)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_rows(STANCE_COLUMNS), _rows(STATEMENT_COLUMNS), _rows(COMPARE_COLUMNS))
def test_every_value_exported_or_downloaded_is_read_back_the_same(stances, statements, compared):
    """The stance table (download, published page, `export`), every statement (download,
    `export`) and a comparison: the one writer, so CR, LF, CRLF, quotes, commas and formula
    guards read back as they were."""
    frame = pd.DataFrame(statements, columns=list(STATEMENT_COLUMNS))
    assert statements_csv(frame) == table_bytes(frame)  # downloads write as event files do
    for written, columns, made in (
        (pd.DataFrame(stances, columns=list(STANCE_COLUMNS)), STANCE_COLUMNS, stance_csv),
        (frame, STATEMENT_COLUMNS, statements_csv),
        (pd.DataFrame(compared, columns=list(COMPARE_COLUMNS)), COMPARE_COLUMNS, compare_csv),
    ):
        data = made(written)
        cells = csv.reader(io.StringIO(data.decode(), newline=""))
        assert not [c for row in cells for c in row if is_formula(c)]  # each one guarded
        back, problems = read_csv_text(data, "exported.csv")
        assert back is not None and not problems, problems
        assert list(back.columns) == list(columns)
        assert sorted(map(tuple, back.to_numpy().tolist())) == sorted(
            map(tuple, written.to_numpy().tolist())
        )


def test_a_lone_cr_is_written_so_that_check_reads_the_row(events_env, tmp_path, cli):
    table = tmp_path / "cr.csv"
    table.write_bytes(b'actor,stance,quote\nFrance,condemn,"a\rb"\nChile,concern,ok\n')
    cli("import", str(table), "--event-id", "cr")
    assert b'"a\rb"' in (events_env / "cr" / STATEMENTS_FILE).read_bytes()
    code, out, err = cli("check", "cr")
    assert "1 row(s) are good" in out + err and "row 2, column quote" in out + err
