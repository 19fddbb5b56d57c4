"""Tables read the way their authors saved them: Mac and mixed line ends, a CR LF inside a
quoted cell; a JSON object that gives a key twice is refused, not read last-wins (issue 19)."""

from __future__ import annotations

import pandas as pd
import pytest

from reactionmap.contract.event import STATEMENTS_FILE
from reactionmap.contract.scale import DEFAULT_SCALE
from reactionmap.intake.statements import prepare_statements
from reactionmap.intake.tables import TableRefused, read_table

ROWS = [  # (actor, stance, quote) as every file below holds them
    ("France", "condemn", "We condemn it."),
    ("Chile", "concern", "two\nlines"),
    ("Peru", "support", 'a "quoted" word, and a comma'),
    ("Japan", "neutral", ""),
]


def _csv(row_ends: list[str], break_in_cell: str) -> bytes:
    """The ROWS as CSV, each row (the header first) ended by its own line end; Chile's line
    break written as ``break_in_cell``."""
    lines = ["actor,stance,quote"]
    for actor, stance, quote in ROWS:
        cell = quote.replace("\n", break_in_cell).replace('"', '""')
        lines.append(f'{actor},{stance},"{cell}"' if quote else f"{actor},{stance},")
    return "".join(line + end for line, end in zip(lines, row_ends, strict=True)).encode()


LINE_ENDS = {
    "mac": (["\r"] * 5, "\r"),
    "windows": (["\r\n"] * 5, "\r\n"),
    "unix, a windows break in the cell": (["\n"] * 5, "\r\n"),
    "mixed": (["\r\n", "\n", "\r", "\r\n", "\r"], "\r\n"),
    "mixed, no end on the last row": (["\r", "\n", "\r\n", "\r", ""], "\n"),
}


@pytest.mark.parametrize("name", LINE_ENDS)
def test_every_line_end_is_read_and_no_line_break_is_a_control_character(name):
    row_ends, break_in_cell = LINE_ENDS[name]
    raw, problems = read_table(_csv(row_ends, break_in_cell), "brought.csv")
    assert problems == []
    statements, problems = prepare_statements(raw, DEFAULT_SCALE, pd.Timestamp("2026-01-01"), "x")
    assert problems == []
    read = list(zip(statements["actor"], statements["stance"], statements["quote"], strict=True))
    assert read == ROWS


def test_a_mac_event_folder_checks_clean(events_env, cli):
    folder = events_env / "mac"
    folder.mkdir()
    (folder / "event.toml").write_text('id = "mac"\ntitle = "Mac"\n', encoding="utf-8")
    (folder / STATEMENTS_FILE).write_bytes(_csv(["\r"] * 5, "\r"))
    code, out, err = cli("check", "mac")
    assert code == 0, out + err
    assert "4 statements by 4 actors, all rows valid" in out


def test_a_lone_cr_inside_a_quoted_cell_of_a_unix_file_is_still_reported():
    raw, problems = read_table(b'actor,stance,quote\nFrance,condemn,"a\rb"\n', "x.csv")
    assert problems == [] and list(raw["quote"]) == ["a\rb"]  # read as written...
    _, problems = prepare_statements(raw, DEFAULT_SCALE, pd.Timestamp("2026-01-01"), "x.csv")
    assert [(p.row, p.column) for p in problems] == [(2, "quote")]  # ...and named


@pytest.mark.parametrize(
    "text",
    [
        '[{"actor": "France", "stance": "condemn", "actor": "Chile"}]',
        '{"statements": [{"actor": "France", "stance": "condemn"}], "statements": []}',
        '[{"actor": "Peru", "stance": "support"}, {"stance": "a", "actor": "Chile", "actor": "b"}]',
    ],
)
def test_json_that_gives_a_key_twice_is_refused_naming_the_key(text):
    with pytest.raises(TableRefused) as refused:
        read_table(text.encode(), "brought.json")
    message = str(refused.value)
    assert message.startswith("brought.json: ")
    assert "appear twice" in message
    twice = "'statements'" if text.startswith("{") else "'actor'"
    assert twice in message


def test_json_duplicate_keys_are_refused_by_import_without_a_traceback(tmp_path, cli, events_env):
    path = tmp_path / "brought.json"
    path.write_text('[{"actor": "France", "stance": "condemn", "stance": "support"}]')
    code, out, err = cli("import", str(path), "--event-id", "dup")
    assert code != 0 and "'stance'" in err and "Traceback" not in out + err
    assert not (events_env / "dup").exists()
