"""The UN Digital Library's GA voting file, in its 2026 and 2024 layouts, imported one resolution
at a time. The headers are the real ones; every vote and title here is MADE UP for the test."""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

import pandas as pd
import pytest

from reactionmap.contract.scale import VOTE_SCALE
from reactionmap.draw import map_hover
from reactionmap.intake.events import load_event
from reactionmap.intake.unvotes import (
    LAYOUT_2024,
    LAYOUT_2026,
    clean_title,
    event_id_for,
    is_voting_file,
    scan,
)
from reactionmap.places import boundaries
from reactionmap.publish.export import all_countries_csv
from reactionmap.view.compose import page_view

NAMES = Path(__file__).parent / "data" / "un_official_names.csv"
MEMBERS = pd.read_csv(NAMES, dtype=str, keep_default_na=False).query("status == 'member'")
RECENT = "A/RES/99/901"  # made-up symbols: no real resolution is meant
OLD = "A/RES/40/901"
TITLE = "MADE-UP TEST VOTE on nothing real : resolution / adopted by the General Assembly"
# Members that no longer exist, as an old vote names them (code, name), and the code each
# must keep; DEU and YEM before 1990 are West Germany and North Yemen, not today's states.
FORMER = [
    ("SUN", "UNION OF SOVIET SOCIALIST REPUBLICS", "SUN"),
    ("YUG", "YUGOSLAVIA", "YUG"),
    ("CSK", "CZECHOSLOVAKIA", "CSK"),
    ("ZAR", "ZAIRE", "ZAR"),
    ("DDR", "GERMAN DEMOCRATIC REPUBLIC", "DDR"),
    ("DEU", "GERMANY, FEDERAL REPUBLIC OF", "GFR"),
    ("YMD", "DEMOCRATIC YEMEN", "YMD"),
    ("YEM", "YEMEN", "YAR"),
]
STILL_HERE = [("FRA", "FRANCE", "FRA"), ("BLR", "BYELORUSSIAN SSR", "BLR")]

# (layout, how the file writes a member that did not vote)
LAYOUTS = {
    "2026-X": (LAYOUT_2026, "X"),
    "2024-NV": (LAYOUT_2024, "NV"),
    "2024-blank": (LAYOUT_2024, ""),
}


def write_un_file(
    path: Path, layout: tuple[str, ...], non_voting: str, title: str = TITLE
) -> dict[str, str]:
    """A two-resolution file; returns the made-up vote of each member on RECENT by ISO3."""
    cast = itertools.cycle(["Y", "N", "A", non_voting])
    expected = {}
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(layout))
        writer.writeheader()

        def put(symbol, date, code, name, vote, record):
            row = {
                "undl_id": record, "ms_code": code, "ms_name": name, "ms_vote": vote,
                "date": date, "session": symbol.split("/")[2], "resolution": symbol,
                "draft": "", "committee_report": "", "meeting": "", "title": title,
                "agenda_title": "made up", "subjects": "", "vote_note": "",
                "total_yes": "49.0", "total_no": "48.0", "total_abstentions": "48.0",
                "total_non_voting": "48.0", "total_ms": "193.0",
                "undl_link": f"https://digitallibrary.un.org/record/{record}",
            }  # fmt: skip
            writer.writerow({k: v for k, v in row.items() if k in layout})

        for code, name, _ in FORMER + STILL_HERE:
            put(OLD, "1985-12-10", code, name, next(cast), "900001")
        for code, name in zip(MEMBERS["iso3"], MEMBERS["name"].str.upper(), strict=True):
            vote = next(cast)
            expected[code] = {"Y": "yes", "N": "no", "A": "abstain"}.get(vote, "absent")
            put(RECENT, "2026-03-02", code, name, vote, "900002")
    return expected


@pytest.mark.parametrize("variant", list(LAYOUTS))
def test_each_layout_imports_every_member_with_its_vote(tmp_path, cli, variant):
    layout, non_voting = LAYOUTS[variant]
    source = tmp_path / "UNGA_voting.csv"
    expected = write_un_file(source, layout, non_voting)
    target = tmp_path / "vote"
    code, out, err = cli("import", str(source), "--resolution", RECENT, "--out", str(target))
    assert code == 0, err
    assert f"{variant[:4]} layout" in out
    event = load_event(target)
    assert event.problems == []
    assert event.scale == VOTE_SCALE
    assert event.date == pd.Timestamp("2026-03-02") and event.date_known
    assert event.title == f"MADE-UP TEST VOTE on nothing real ({RECENT})"
    assert event.sources[0]["url"] == "https://digitallibrary.un.org/record/900002"
    got = dict(zip(event.statements["actor_iso3"], event.statements["stance"], strict=True))
    assert got == expected  # all 193, each on its own ISO3 with its own vote
    assert set(event.statements["source_url"]) == {"https://digitallibrary.un.org/record/900002"}
    cast = event.statements["notes"].str.removeprefix("vote recorded as ").str[:2].str.strip()
    assert set(cast) == {"Y", "N", "A", non_voting or "bl"}  # the vote as it was cast


@pytest.mark.parametrize("variant", list(LAYOUTS))
def test_former_members_keep_their_vote_and_name_and_are_not_drawn(tmp_path, cli, variant):
    layout, non_voting = LAYOUTS[variant]
    source = tmp_path / "UNGA_voting.csv"
    write_un_file(source, layout, non_voting)
    target = tmp_path / "old"
    code, out, _ = cli("import", str(source), "--resolution", OLD.lower(), "--out", str(target))
    assert code == 0
    assert "not on today's map" in out and "UNION OF SOVIET SOCIALIST REPUBLICS (SUN)" in out
    event = load_event(target)
    assert event.problems == []
    codes = dict(zip(event.statements["actor"], event.statements["actor_iso3"], strict=True))
    assert codes == {name: want for _, name, want in FORMER + STILL_HERE}

    countries = boundaries.country_table()
    page = page_view(event, event.date, [], VOTE_SCALE.keys + ("none",), countries["iso3"])
    former = {want for _, _, want in FORMER}
    assert set(page.not_drawable["actor_iso3"]) == former  # listed apart, by name
    assert set(page.table["actor_iso3"]) >= former  # and kept in the table
    drawn = map_hover.map_table(page.country_rows, countries, VOTE_SCALE)
    painted = drawn.loc[drawn["stance"] != "none", "iso3"]
    assert set(painted) == {"FRA", "BLR"}  # never painted on Russia, Serbia, Germany, Yemen...


def test_without_or_with_an_unknown_resolution_it_lists_newest_first_and_exits_2(tmp_path, cli):
    source = tmp_path / "UNGA_voting.csv"
    write_un_file(source, LAYOUT_2026, "X")
    for extra in ([], ["--resolution", "A/RES/1/1"]):
        code, out, err = cli("import", str(source), "--out", str(tmp_path / "x"), *extra)
        assert code == 2
        lines = out.splitlines()
        assert lines[0].split()[:2] == [RECENT, "2026-03-02"]
        assert lines[1].split()[:2] == [OLD, "1985-12-10"]
        assert "MADE-UP TEST VOTE on nothing real" in lines[0] and "adopted by" not in out
        assert "2 resolution(s)" in err
    assert not (tmp_path / "x").exists()
    code, out, _ = cli("resolutions", str(source))
    assert code == 0
    assert out.splitlines()[0].startswith(RECENT)


def test_scan_reads_bytes_and_keeps_only_the_rows_asked_for(tmp_path):
    source = tmp_path / "UNGA_voting.csv"
    write_un_file(source, LAYOUT_2024, "")
    found = scan(source.read_bytes(), OLD)
    assert found.layout == "2024"
    assert list(found.resolutions["symbol"]) == [RECENT, OLD]
    assert list(found.resolutions["rows"]) == [193, len(FORMER + STILL_HERE)]
    assert set(found.rows["resolution"]) == {OLD}


def test_titles_and_ids():
    assert clean_title(TITLE) == "MADE-UP TEST VOTE on nothing real"
    assert clean_title("Aggression against Ukraine") == "Aggression against Ukraine"
    assert event_id_for("A/RES/ES-11/1") == "unga-es-11-1"


def test_all_countries_export_has_every_un_state_and_iso_dates(tmp_path, cli):
    source = tmp_path / "UNGA_voting.csv"
    write_un_file(source, LAYOUT_2026, "X")
    target = tmp_path / "vote"
    assert cli("import", str(source), "--resolution", OLD, "--out", str(target))[0] == 0
    code, out, _ = cli("export", str(target), "--format", "csv", "--all-countries")
    assert code == 0
    table = pd.read_csv(pd.io.common.StringIO(out), dtype=str).fillna("")
    un = boundaries.load_un_states()
    assert list(table["iso3"][: len(un)]) == list(un["iso3"])  # every member and observer
    by_code = table.set_index("iso3")
    assert by_code.loc["FRA", "date"] == "1985-12-10"  # ISO date, its own column
    assert by_code.loc["USA", "stance"] == "none" and by_code.loc["USA", "date"] == ""
    assert by_code.loc["SUN", "un_status"] == "" and by_code.loc["SUN", "stance"] != "none"
    event = load_event(target)
    assert all_countries_csv(
        page_view(event, event.date, [], VOTE_SCALE.keys, []).table,
        event.scale,
        un,
    ).startswith(b"iso3,name,un_status,stance,stance_label,date,")


@pytest.mark.parametrize(
    ("code", "name", "date", "want"),
    [
        ("", "GERMANY, FEDERAL REPUBLIC OF", "1980-01-01", "GFR"),
        ("DEU", "GERMANY", "2000-01-01", "DEU"),
        ("YEM", "YEMEN", "1985-01-01", "YAR"),
        ("YEM", "YEMEN", "1995-01-01", "YEM"),
        ("RUS", "USSR", "1985-01-01", "SUN"),  # a successor's code with the old name
        ("RUS", "RUSSIAN FEDERATION", "1995-01-01", "RUS"),
        ("", "ZAIRE", "1990-01-01", "ZAR"),
        ("", "SERBIA AND MONTENEGRO", "2004-01-01", "SCG"),
        ("XXX", "ATLANTIS", "2004-01-01", ""),
    ],
)
def test_member_codes_by_code_name_and_date(code, name, date, want):
    from reactionmap.intake.unvotes import member_code

    assert member_code(code, name, pd.Timestamp(date)) == want


def test_a_cell_that_spans_lines_is_read_right(tmp_path):
    title = "MADE-UP TEST VOTE,\non two lines : resolution / adopted by"
    source = tmp_path / "UNGA_voting.csv"
    expected = write_un_file(source, LAYOUT_2026, "X", title)
    found = scan(source, RECENT)
    assert len(found.rows) == 193 and list(found.rows["ms_code"]) == list(expected)
    assert found.resolutions["title"][0] == "MADE-UP TEST VOTE, on two lines"


def test_a_voting_file_is_told_by_its_name_and_header():
    for layout in (LAYOUT_2026, LAYOUT_2024):
        header = (",".join(layout) + "\n").encode()
        assert is_voting_file("UNGA_voting.csv", header)
        assert is_voting_file("votes.TXT", b"\xef\xbb\xbf" + header)  # with a BOM
        assert not is_voting_file("votes.json", header)
    assert not is_voting_file("mine.csv", b"Member State,Vote\nFrance,Yes\n")
    assert not is_voting_file("empty.csv", b"")
