"""Every write is whole and one at a time: killed writers, racing writers and a full disk leave
an event folder as it was or as it became, never a mix, and nothing a reader brought is lost."""

from __future__ import annotations

import contextlib
import errno
import os
import random
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from reactionmap.contract.event import EVENT_FILE, STATEMENTS_FILE
from reactionmap.intake import writers
from reactionmap.intake.events import list_events, load_event
from reactionmap.intake.writers import folder_lock, replace_files, write_file

REPO = Path(__file__).resolve().parents[1]

# A writer that replaces the folder's two files again and again, each time with one version
# number in both: the title of event.toml and every row of statements.csv. It prints each
# version's number once it is in place, and keeps writing until it is killed.
WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from reactionmap.intake.writers import folder_lock, replace_files

    folder = Path(sys.argv[1])
    filler = "x" * 200
    version = 0
    while True:
        version += 1
        toml = f'id = "race"\\ntitle = "v{version}"\\ndate = "2026-03-01"\\n'
        rows = "".join(f"r{i},France,condemn,v{version} {filler}\\n" for i in range(20000))
        csv = "statement_id,actor,stance,summary\\n" + rows
        with folder_lock(folder):
            replace_files(folder, {"event.toml": toml.encode(), "statements.csv": csv.encode()})
        print(version, flush=True)
    """
)


def versions(folder: Path) -> tuple[str, set[str]]:
    """The version event.toml names, and the versions statements.csv's rows name."""
    title = next(line for line in (folder / EVENT_FILE).read_text().splitlines() if "title" in line)
    rows = pd.read_csv(folder / STATEMENTS_FILE, dtype=str)
    return title.split('"')[1], {s.split()[0] for s in rows["summary"]}


def test_a_killed_writer_leaves_one_whole_version(tmp_path):
    events = tmp_path / "events"
    folder = events / "race"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    for attempt in range(12):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(folder)], stdout=subprocess.PIPE, env=env, text=True
        )
        assert writer.stdout is not None
        done = attempt % 4 + 1  # killed while it writes the version after this one
        while int(writer.stdout.readline()) < done:
            pass
        # Somewhere inside the next write (each takes some tens of ms: 4 MB a version).
        with contextlib.suppress(subprocess.TimeoutExpired):
            writer.wait(timeout=random.uniform(0.0, 0.08))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        title, rows = versions(folder)
        assert rows == {title}, f"event.toml is {title}, statements.csv holds {rows}"
        assert int(title[1:]) >= done  # what was in place stays in place
        assert list_events(events) == ["race"]  # a half-built folder is never an event
    with folder_lock(folder):  # the next writer clears what the killed ones left
        replace_files(folder, {"notes.txt": b"kept"})
    assert sorted(p.name for p in events.iterdir()) == [".race.lock", "race"]


SAVER = textwrap.dedent(
    """
    import sys
    import pandas as pd
    from reactionmap.draft.save import save_draft

    who, rounds = sys.argv[1], int(sys.argv[2])
    for n in range(rounds):
        row = {"statement_id": f"{who}-{n}", "actor": "France", "stance": "condemn"}
        save_draft(pd.DataFrame([row]), "shared")
    """
)


def test_racing_writers_lose_no_row(events_env):
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    writers_ = [
        subprocess.Popen([sys.executable, "-c", SAVER, f"w{i}", "6"], env=env) for i in range(4)
    ]
    assert [w.wait(timeout=180) for w in writers_] == [0, 0, 0, 0]
    ids = pd.read_csv(events_env / "shared" / STATEMENTS_FILE, dtype=str)["statement_id"]
    assert sorted(ids) == sorted(f"w{i}-{n}" for i in range(4) for n in range(6))
    assert not load_event("shared").problems


def test_a_full_disk_keeps_the_old_version(events_env, monkeypatch):
    folder = events_env / "full"
    with folder_lock(folder):
        replace_files(folder, {EVENT_FILE: b'id = "full"\ntitle = "old"\n', "x.csv": b"a\n"})

    def no_space(handle):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(writers.os, "fsync", no_space)
    with pytest.raises(OSError, match="No space left"), folder_lock(folder):
        replace_files(folder, {EVENT_FILE: b'id = "full"\ntitle = "new"\n'})
    assert (folder / EVENT_FILE).read_bytes() == b'id = "full"\ntitle = "old"\n'
    assert sorted(p.name for p in events_env.iterdir()) == [".full.lock", "full"]
    with pytest.raises(OSError):
        write_file(folder / "x.csv", b"b\n")
    assert (folder / "x.csv").read_bytes() == b"a\n"
    assert sorted(p.name for p in folder.iterdir()) == [EVENT_FILE, "x.csv"]


@pytest.fixture
def tiny_disk(tmp_path):
    """A real 256 KB file system (root may mount one; elsewhere the test is skipped, and the
    simulated full disk above still runs)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root)")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


def test_a_really_full_disk_keeps_the_old_version_and_says_so(tiny_disk, cli, tmp_path):
    table = tmp_path / "votes.csv"
    table.write_text("actor,stance\nFrance,yes\n", encoding="utf-8")
    out = tiny_disk / "vote"
    code, _, err = cli("import", str(table), "--event-id", "vote", "--out", str(out))
    assert code == 0, err
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    big = tmp_path / "big.csv"
    big.write_text("actor,stance,notes\n" + "France,yes,{}\n".format("n" * 1000) * 400)
    code, _, err = cli("import", str(big), "--event-id", "vote", "--out", str(out), "--force")
    assert code == 1 and "No space left on device" in err and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tiny_disk.iterdir()) == [".vote.lock", "vote"]


def test_written_files_are_readable_by_a_web_server(tmp_path, events_env):
    old = os.umask(0o022)
    try:
        write_file(tmp_path / "index.html", b"<p>")
        with folder_lock(events_env / "e"):
            replace_files(events_env / "e", {EVENT_FILE: b'id = "e"\ntitle = "e"\n'})
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "index.html").stat().st_mode) == 0o644
    assert stat.S_IMODE((events_env / "e" / EVENT_FILE).stat().st_mode) == 0o644
    assert stat.S_IMODE((events_env / "e").stat().st_mode) == 0o755


def test_other_files_and_links_in_the_folder_are_kept(events_env, tmp_path):
    folder = events_env / "keep"
    folder.mkdir()
    (folder / "README.md").write_text("the editor's notes")
    (folder / "sources").mkdir()
    (folder / "sources" / "a.txt").write_text("an article")
    outside = tmp_path / "outside.txt"
    outside.write_text("not ours")
    (folder / "link.txt").symlink_to(outside)
    (folder / EVENT_FILE).symlink_to(outside)  # a link where a file is written: replaced
    with folder_lock(folder):
        replace_files(folder, {EVENT_FILE: b'id = "keep"\ntitle = "k"\n'})
    assert (folder / "README.md").read_text() == "the editor's notes"
    assert (folder / "sources" / "a.txt").read_text() == "an article"
    assert (folder / "link.txt").is_symlink() and outside.read_text() == "not ours"
    assert not (folder / EVENT_FILE).is_symlink()


def test_a_second_writer_waits_then_gives_up_with_a_clear_message(events_env):
    folder = events_env / "busy"
    refused = pytest.raises(writers.WriteRefused, match="busy is being written")
    with folder_lock(folder), refused, folder_lock(folder, wait=0.2):
        pass
