"""Hostile and broken input: every case is a clear problem or refusal, never a crash or a silent loss."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from reactionmap.contract.cells import safe_url
from reactionmap.contract.problems import grouped_frame
from reactionmap.contract.scale import DEFAULT_SCALE
from reactionmap.contract.statements import STATEMENT_COLUMNS
from reactionmap.draw.cards import escape_markdown, source_html
from reactionmap.intake.events import EventNotFound, event_stamp, list_events, load_event
from reactionmap.intake.statements import event_from_table, prepare_statements
from reactionmap.intake.tables import MAX_BYTES, TableRefused, read_path, read_table
from tests.conftest import EVENT_TOML, GOOD_ROWS, write_event


# ---- 1. dates outside 1900-2100 ----------------------------------------------------------------
@pytest.mark.parametrize("date", ["0001-01-01", "1600-01-01", "9999-12-31", "9999-12"])
def test_a_date_outside_1900_to_2100_is_a_problem_not_a_crash(cli, events_root, date):
    rows = [dict(r) for r in GOOD_ROWS]
    rows[1]["date"] = date
    folder = write_event(events_root, "far", rows)
    event = load_event(folder)
    (problem,) = [p for p in event.problems if p.column == "date"]
    assert (problem.file, problem.row, problem.value) == ("far/statements.csv", 3, date)
    assert "1900" in problem.message and "2100" in problem.message
    assert len(event.statements) == len(rows) - 1
    code, _, err = cli("check", str(folder))
    assert code == 1 and "row 3, column date" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "venezuela-2026-01", "--as-of", "0001-01-01"],
        ["export", "venezuela-2026-01", "--as-of", "2026-13-01"],
        ["import", "t.csv", "--event-id", "x", "--date", "9999-12-31"],
    ],
)
def test_a_day_outside_the_range_on_the_command_line_is_refused(cli, argv):
    code, _, err = cli(*argv)
    assert code == 2
    assert "between 1900 and 2100" in err and "Traceback" not in err


def test_an_xlsx_cell_dated_9999_is_a_problem():
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["actor", "stance", "date"])
    sheet.append(["France", "condemn", pd.Timestamp("9999-12-31").to_pydatetime()])
    buffer = io.BytesIO()
    book.save(buffer)
    raw, problems = read_table(buffer.getvalue(), "far.xlsx")
    event = event_from_table(raw, DEFAULT_SCALE, "far.xlsx")
    assert [(p.row, p.column) for p in event.problems] == [(2, "date")]
    assert event.statements.empty


def test_an_event_date_or_milestone_outside_the_range_is_a_problem(events_root):
    toml = EVENT_TOML.format(id="far").replace('date = "2026-03-01"', 'date = "0001-01-01"', 1)
    toml = toml.replace('date = "2026-03-01"\nlabel', 'date = "9999-12-31"\nlabel')
    event = load_event(write_event(events_root, "far", GOOD_ROWS, toml))
    columns = {p.column for p in event.problems}
    assert {"date", "milestones[1].date"} <= columns
    assert not event.statements.empty  # the statements still load


# ---- 2. the cache key is the content -----------------------------------------------------------
def test_event_stamp_changes_with_content_not_time(good_event):
    before = event_stamp(good_event)
    csv_path = good_event / "statements.csv"
    stat = csv_path.stat()
    text = csv_path.read_text(encoding="utf-8").replace("condemn", "support", 1)
    csv_path.write_text(text, encoding="utf-8")
    os.utime(csv_path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the same time as before
    changed = event_stamp(good_event)
    assert changed != before
    csv_path.unlink()
    assert event_stamp(good_event) not in (before, changed)
    event = load_event(good_event)
    assert [(p.file, p.message) for p in event.problems] == [
        ("test-event/statements.csv", "file is missing")
    ]


# ---- 3. links and odd entries in the events folder ---------------------------------------------
def test_a_dangling_link_or_a_fifo_in_an_event_folder_is_ignored(good_event):
    (good_event / ".#statements.csv").symlink_to("user@host.1234:1700000000")
    os.mkfifo(good_event / "pipe")
    stamp = event_stamp(good_event)  # no crash, no hang on the fifo
    assert stamp == event_stamp(good_event)
    assert not load_event(good_event).problems


def test_links_out_of_the_events_folder_are_not_followed(tmp_path, events_root):
    outside = write_event(tmp_path / "elsewhere", "secret", GOOD_ROWS)
    (events_root / "secret").symlink_to(outside, target_is_directory=True)
    assert list_events(events_root) == []
    with pytest.raises(EventNotFound):
        load_event("secret", events_root)
    inside = write_event(events_root, "mine", GOOD_ROWS)
    (inside / "statements.csv").unlink()
    (inside / "statements.csv").symlink_to(outside / "statements.csv")
    event = load_event("mine", events_root)
    assert event.statements.empty
    (problem,) = event.problems
    assert problem.file == "mine/statements.csv" and "outside" in problem.message


# ---- 4. broken workbooks and JSON are refused, naming the file -------------------------------
def _xlsx(sheet_xml: bytes | None = None) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["actor", "stance"])
    book.active.append(["France", "condemn"])
    buffer = io.BytesIO()
    book.save(buffer)
    if sheet_xml is None:
        return buffer.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml(data) if callable(sheet_xml) else sheet_xml
            dst.writestr(info, data)
    return out.getvalue()


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    b"</sheetData></worksheet>"
)
HOSTILE_FILES = {
    "truncated.xlsx": lambda: _xlsx(lambda data: data[: len(data) // 2]),
    "laughs.xlsx": lambda: _xlsx(LAUGHS),
    "huge-number.json": lambda: b'[{"actor": "France", "stance": ' + b"9" * 5000 + b"}]",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_broken_uploads_are_refused_naming_the_file(cli, tmp_path, name):
    data = HOSTILE_FILES[name]()
    with pytest.raises(TableRefused, match=name.replace(".", r"\.")):
        read_table(data, name)
    path = tmp_path / name
    path.write_bytes(data)
    code, _, err = cli("import", str(path), "--event-id", "x", "--out", str(tmp_path / "x"))
    assert code == 1 and "refused" in err and name in err and "Traceback" not in err


# ---- 5. a row with too few or too many fields --------------------------------------------------
def test_a_row_with_a_different_field_count_is_a_problem_by_row(events_root):
    folder = write_event(events_root, "cut", GOOD_ROWS)
    path = folder / "statements.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = ",".join(lines[2].split(",")[:7])  # a half-written row
    lines[3] = lines[3] + ",extra"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    event = load_event(folder)
    found = {(p.row, p.column) for p in event.problems}
    assert found == {(3, None), (4, None)}, event.problems
    assert all(str(len(STATEMENT_COLUMNS)) in p.message for p in event.problems)
    assert set(event.statements["row"]) == {2, 5, 6}


# ---- 6. an unquoted TOML date -------------------------------------------------------------------
def test_unquoted_toml_dates_are_accepted(events_root):
    from reactionmap.draw import timeline

    toml = EVENT_TOML.format(id="bare").replace('"2026-03-01"', "2026-03-01")
    toml += '\n[[milestones]]\ndate = 2026-03-04T10:30:00\nlabel = "Later"\n'
    event = load_event(write_event(events_root, "bare", GOOD_ROWS, toml))
    assert not event.problems
    assert event.date == pd.Timestamp("2026-03-01")
    fig = timeline.timeline_figure(event.statements, event.milestones, event.scale)
    assert [(a["x"], a["text"]) for a in fig.layout.annotations] == [
        ("2026-03-01", "1"),
        ("2026-03-04", "2"),
    ]
    from reactionmap.draw.captions import milestone_list

    assert milestone_list(event.milestones) == [
        "**1** · 1 Mar 2026 · It happened",
        "**2** · 4 Mar 2026 · Later",
    ]


# ---- 7. import writes only into a real folder ---------------------------------------------------
@pytest.fixture
def table(tmp_path) -> Path:
    path = tmp_path / "t.csv"
    path.write_text("actor,stance\nFrance,condemn\n", encoding="utf-8")
    return path


def test_import_never_writes_through_links(cli, tmp_path, events_env, table):
    events_root = events_env
    outside = tmp_path / "outside"
    outside.mkdir()
    (events_root / "linked").symlink_to(outside, target_is_directory=True)
    code, _, err = cli("import", str(table), "--event-id", "linked")
    assert code == 2 and "link" in err
    assert list(outside.iterdir()) == []

    victim = tmp_path / "victim.csv"
    victim.write_text("precious\n", encoding="utf-8")
    folder = write_event(events_root, "real", GOOD_ROWS)
    (folder / "statements.csv").unlink()
    (folder / "statements.csv").symlink_to(victim)
    code, _, err = cli("import", str(table), "--event-id", "real", "--force")
    assert code == 2 and "link" in err
    assert victim.read_text(encoding="utf-8") == "precious\n"

    (events_root / "dangling").symlink_to(tmp_path / "nowhere")
    code, _, err = cli("import", str(table), "--event-id", "dangling")
    assert code == 2 and "link" in err and "Traceback" not in err
    assert not (tmp_path / "nowhere").exists()


# ---- 8. titles: escaped by a TOML writer, control characters refused ---------------------------
def test_import_title_with_quotes_round_trips_and_control_characters_are_refused(
    cli, tmp_path, table
):
    title = 'The "vote" \\ on 2 March'
    code, _, err = cli(
        "import", str(table), "--event-id", "v", "--title", title,
        "--date", "2026-03-02", "--out", str(tmp_path / "v"),
    )  # fmt: skip
    assert code == 0, err
    assert load_event(tmp_path / "v").title == title
    for bad in ("two\nlines", "bell\x07", "rtl\u202eoverride"):
        code, _, err = cli(
            "import", str(table), "--event-id", "w", "--title", bad,
            "--out", str(tmp_path / "w"),
        )  # fmt: skip
        assert code == 2 and "--title" in err
        assert not (tmp_path / "w").exists()


# ---- 9. only validated http(s) addresses become links ------------------------------------------
@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        'http://evil.example/">x',
        "http://evil.example/<b>",
        "https://",
        "http:///path",
        "https://exa mple.org",
        "ftp://example.org/x",
        "https://example.org/\x07",
    ],
)
def test_unsafe_urls_are_never_links(events_root, url):
    assert not safe_url(url)
    assert "<a " not in source_html("Paper", url)
    rows = [dict(r) for r in GOOD_ROWS]
    rows[0]["source_url"] = url.replace("\x07", "")
    if "\x07" in url:
        return
    event = load_event(write_event(events_root, "u", rows))
    flagged = [p for p in event.problems if p.column == "source_url"]
    assert [p.row for p in flagged] == [2] and not flagged[0].blocking


def test_safe_urls_stay_links():
    for url in ("https://example.org/a?b=c&d=e#f", "http://example.org"):
        assert safe_url(url)
        assert "<a href" in source_html("Paper", url)


def _as_markdown_text(escaped: str) -> str:
    """What a Markdown parser leaves in the text node: backslash escapes resolved."""
    import re

    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", escaped)


@pytest.mark.parametrize(
    "text",
    [
        "see https://evil.example/x now",
        "see www.evil.example now",
        "WWW.EVIL.EXAMPLE",
        ":material/warning: Breaking",
        ":smile: and :red[alarm]",
    ],
)
def test_markdown_escaping_leaves_no_link_or_icon_code(text):
    import re

    node = _as_markdown_text(escape_markdown(text))
    assert not re.search(r"https?://|www\.|:material[/_]|:[a-z_]+:", node, re.IGNORECASE), node
    assert node.replace("\u2060", "") == text  # a reader still sees the same words


# ---- 11. invisible characters -------------------------------------------------------------------
def test_zero_width_characters_do_not_make_a_new_id(events_root):
    rows = [dict(r) for r in GOOD_ROWS]
    rows[1]["statement_id"] = "s1\u200b"
    rows[2]["actor"] = "\u2060France\u200d"
    event = load_event(write_event(events_root, "zw", rows))
    (dupe,) = [p for p in event.problems if p.column == "statement_id"]
    assert dupe.row == 3 and "duplicate" in dupe.message
    assert "FRA" in set(event.statements["actor_iso3"])
    assert not [p for p in event.problems if p.column == "actor"]


@pytest.mark.parametrize("column", ["quote", "summary", "actor", "speaker"])
def test_text_made_only_of_invisible_characters_is_refused(events_root, column):
    rows = [dict(r) for r in GOOD_ROWS]
    rows[0][column] = "\u200b\u200c\ufeff "
    event = load_event(write_event(events_root, "zw", rows))
    problems = [p for p in event.problems if p.row == 2]
    assert [p.column for p in problems] == [column], event.problems
    assert "s1" not in set(event.statements["statement_id"])


# ---- 12. messages that say what is wrong ---------------------------------------------------------
def test_problems_table_says_which_rows_are_mapped(events_root):
    rows = [dict(r) for r in GOOD_ROWS]
    rows[0]["stance"] = "approve"  # row 2: not mapped
    rows[1]["source_url"] = "javascript:alert(1)"  # row 3: mapped, URL shown as text
    event = load_event(write_event(events_root, "pm", rows))
    frame = grouped_frame(event.problems, set(event.statements["row"]))
    assert dict(zip(frame["row"], frame["row mapped"], strict=True)) == {2: "no", 3: "yes"}


def _workbook(*rows) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for values in rows:
        book.active.append(list(values))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_problems_table_agrees_with_the_map_for_an_uploaded_workbook():
    data = _workbook(
        ["actor", "stance", "quote"],
        ["France", "condemn", "Non."],
        ["Germany", "concern", "=1+1"],  # a formula: its cell is not taken
    )
    raw, read_problems = read_table(data, "book.xlsx")
    event = event_from_table(raw, DEFAULT_SCALE, "book.xlsx", read_problems=read_problems)
    mapped = set(event.statements["row"])
    frame = grouped_frame(event.problems, mapped)
    said = dict(zip(frame["row"], frame["row mapped"], strict=True))
    assert said == {3: "yes" if 3 in mapped else "no"}
    assert 2 in mapped


def test_a_workbook_header_naming_a_column_twice_is_a_problem_not_a_crash():
    raw, read_problems = read_table(_workbook(["actor", "stance", "quote", "quote"]), "b.xlsx")
    _, problems = prepare_statements(raw, DEFAULT_SCALE, pd.Timestamp("2026-01-01"), "b.xlsx")
    (twice,) = [p for p in problems if "twice" in p.message]
    assert (twice.row, twice.column) == (1, "quote")
    assert grouped_frame(problems, set())["row mapped"].tolist() == [""]


def test_utf16_and_empty_files_get_the_right_message():
    text = "actor,stance\nFrance,condemn\n"
    with pytest.raises(TableRefused, match="not UTF-8: save it as UTF-8"):
        read_table(text.encode("utf-16"), "wide.csv")
    with pytest.raises(TableRefused, match="not UTF-8: save it as UTF-8"):
        read_table(text.encode("utf-16-le"), "wide.csv")
    with pytest.raises(TableRefused, match="wide.csv.*the file is empty"):
        read_table(b"", "wide.csv")


# ---- 13. the size limit comes before the read ----------------------------------------------------
def test_large_files_are_refused_before_they_are_read(cli, tmp_path):
    sparse = tmp_path / "sparse.csv"
    with sparse.open("wb") as handle:
        handle.truncate(3 * 2**30)  # 3 GB that take no disk and must take no memory
    with pytest.raises(TableRefused, match="sparse.csv"):
        read_path(sparse)
    code, _, err = cli("import", str(sparse), "--event-id", "x", "--out", str(tmp_path / "x"))
    assert code == 1 and "limit" in err


def test_a_stream_with_no_end_is_cut_at_the_limit(cli, tmp_path):
    with pytest.raises(TableRefused, match="limit"):
        read_path(Path("/dev/zero"))
    code, _, err = cli("import", "/dev/zero", "--event-id", "x", "--out", str(tmp_path / "x"))
    assert code == 1 and "limit" in err
    assert MAX_BYTES < 2**30


# ---- 14. no traceback for readers -----------------------------------------------------------------
def test_streamlit_shows_readers_no_error_details():
    """Streamlit, started from the repository, reads showErrorDetails = "none" from its config:
    a crash shows readers a notice, and the traceback goes to the server's log only."""
    import re
    import shutil
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    streamlit = shutil.which("streamlit", path=str(Path(sys.executable).parent)) or "streamlit"
    shown = subprocess.run(
        [streamlit, "config", "show"], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r'^showErrorDetails = "none"$', shown, re.MULTILINE), shown[:500]


def test_a_row_fixed_in_the_editor_is_checked_afresh():
    from reactionmap.intake.statements import still_standing

    text = "actor,stance,quote\nFrance,condemn\nGermany,concern,Calm.\n"  # row 2 is short
    raw, problems = read_table(text.encode(), "short.csv")
    assert [p.row for p in problems] == [2]
    assert still_standing(problems, raw, raw.copy()) == problems  # unchanged: it stands
    fixed = raw.copy()
    fixed.loc[0, "quote"] = "Non."
    assert still_standing(problems, raw, fixed) == []
    event = event_from_table(fixed, DEFAULT_SCALE, "short.csv", read_problems=[])
    assert set(event.statements["row"]) == {2, 3}
