"""Reading an event: every problem reported with file, row and column; good rows kept."""

from __future__ import annotations

import pandas as pd
import pytest

from reactionmap.intake.events import EventNotFound, list_events, load_event, newest_event
from reactionmap.intake.statements import date_label, earliest_dates
from tests.conftest import GOOD_ROWS, row, write_event


def test_good_event_loads_resolved(good_event):
    event = load_event(good_event)
    assert event.problems == []
    assert len(event.statements) == len(GOOD_ROWS)
    codes = dict(zip(event.statements["statement_id"], event.statements["actor_iso3"], strict=True))
    assert codes == {"s1": "FRA", "s2": "DEU", "s3": "FRA", "s4": "CIV", "s5": "EU"}
    assert event.statements.loc[0, "actor_type"] == "state"
    assert event.statements.loc[4, "actor_type"] == "organization"
    assert event.date == pd.Timestamp("2026-03-01")
    assert event.milestones[0]["label"] == "It happened"


def test_event_found_by_id_and_listed(good_event, events_root):
    assert list_events(events_root) == ["test-event"]
    assert load_event("test-event", events_dir=events_root).id == "test-event"
    with pytest.raises(EventNotFound, match="test-event"):
        load_event("nope", events_dir=events_root)


def test_the_page_opens_on_the_newest_event(events_root):
    assert newest_event(events_root) is None
    dates = {
        "b-old": 'date = "2020-01-03"',
        "a-new": "date = 2026-01-03",  # a bare TOML date
        "c-new": 'date = "2026-01-03T10:00"',  # as new: the first by id wins
        "d-month": 'date = "2026-01"',  # a month counts from before its days
        "e-none": "",
        "f-bad": 'date = "soon"',
    }
    for event_id, date in dates.items():
        toml = f'id = "{event_id}"\ntitle = "T"\n{date}\nsummary = "S"\n'
        write_event(events_root, event_id, GOOD_ROWS, toml)
    assert newest_event(events_root) == "a-new"
    (events_root / "a-new" / "event.toml").write_text("not toml [", encoding="utf-8")
    assert newest_event(events_root) == "c-new"


def test_the_shipped_page_opens_on_venezuela():
    # The Soleimani event (2020) sorts first by id; the page still opens on the newest.
    assert list_events()[0] == "soleimani-2020-01"
    assert newest_event() == "venezuela-2026-01"


@pytest.mark.parametrize(
    ("bad", "column", "needle"),
    [
        ({"stance": "approve"}, "stance", "condemn, concern, neutral, support, party"),
        ({"date": "3 March 2026"}, "date", "YYYY-MM-DD"),
        ({"date": "2026-02-30"}, "date", "YYYY-MM-DD"),
        ({"actor": "Korea"}, "actor", "KOR"),
        ({"actor": "Atlantis"}, "actor", "aliases.csv"),
        ({"actor_type": "country"}, "actor_type", "state, organization, official, other"),
        ({"quote": '=HYPERLINK("x")'}, "quote", "formula"),
        ({"summary": "evil \u202e txt"}, "summary", "bidirectional"),
        ({"date_precision": "day", "date": "2026-03"}, "date_precision", "month"),
    ],
)
def test_bad_cell_names_file_row_column_and_allowed(events_root, bad, column, needle):
    rows = [dict(r) for r in GOOD_ROWS]
    rows[2].update(bad)
    event = load_event(write_event(events_root, "bad", rows))
    problems = [p for p in event.problems if p.row == 4]
    assert problems, event.problems
    assert problems[0].column == column
    assert "bad/statements.csv" in str(problems[0])
    assert needle in str(problems[0])
    # the bad row is reported, every other row is still there
    assert sorted(event.statements["statement_id"]) == ["s1", "s2", "s4", "s5"]


def test_duplicate_statement_id_is_reported(events_root):
    rows = [dict(r) for r in GOOD_ROWS]
    rows[3]["statement_id"] = "s1"
    event = load_event(write_event(events_root, "dupe", rows))
    assert [(p.row, p.column) for p in event.problems] == [(5, "statement_id")]
    assert "duplicate" in event.problems[0].message


def test_missing_optional_columns_are_filled_empty_not_problems(events_root):
    keep = ("actor", "stance")
    rows = [{k: v for k, v in r.items() if k in keep} for r in GOOD_ROWS]
    event = load_event(write_event(events_root, "nocol", rows))
    assert event.problems == []
    assert len(event.statements) == len(GOOD_ROWS)
    assert set(event.statements["notes"]) == {""}
    assert list(event.statements["statement_id"]) == [f"row-{n}" for n in range(2, 7)]


def test_missing_required_column_maps_nothing_and_says_why(events_root):
    rows = [{k: v for k, v in r.items() if k != "stance"} for r in GOOD_ROWS]
    event = load_event(write_event(events_root, "nostance", rows))
    assert event.statements.empty
    assert any(p.column == "stance" for p in event.problems)


def test_bad_toml_and_scale_are_reported(events_root):
    toml = 'id = "x"\ntitle = "X"\ndate = "2026-01-01"\n[[scale]]\nkey = "Yes"\nlabel = ""\ncolor = "green"\n'
    event = load_event(
        write_event(events_root, "badscale", [row(actor="France", stance="Yes")], toml)
    )
    columns = {p.column for p in event.problems}
    assert {"scale[1].key", "scale[1].label", "scale[1].color"} <= columns


def test_custom_scale_replaces_default(events_root):
    toml = (
        'id = "vote"\ntitle = "Vote"\ndate = "2026-01-01"\n'
        '[[scale]]\nkey = "yes"\nlabel = "Yes"\ncolor = "#009E73"\n'
        '[[scale]]\nkey = "no"\nlabel = "No"\ncolor = "#D55E00"\n'
    )
    rows = [row(statement_id="a", actor="France", stance="yes"),
            row(statement_id="b", actor="Chile", stance="condemn")]  # fmt: skip
    event = load_event(write_event(events_root, "vote", rows, toml))
    assert event.scale.keys == ("yes", "no")
    assert [p.column for p in event.problems] == ["stance"]
    assert "yes, no" in event.problems[0].message


def test_month_and_unknown_dates_are_not_invented():
    event_date = pd.Timestamp("2026-01-03")
    dates = pd.Series(
        ["2026-01-05", "2026-01", "", "2026-02", "2026-01-05T14:30", "2026-01-05T23:30-05:00"]
    )
    when = earliest_dates(dates, event_date)
    assert list(when.dt.strftime("%Y-%m-%d")) == [
        "2026-01-05",
        "2026-01-03",
        "2026-01-03",
        "2026-02-01",
        "2026-01-05",
        "2026-01-05",
    ]  # fmt: skip  (the last: the day as written, not shifted to UTC)
    assert date_label("2026-01", "month") == "January 2026 (day not reported)"
    assert date_label("", "unknown") == "date not reported"
    assert date_label("2026-01-05T14:30", "day") == "5 Jan 2026, 14:30"


def test_shipped_event_is_clean():
    event = load_event("venezuela-2026-01")
    assert event.problems == []
    assert event.input_rows == len(event.statements) >= 20
    assert {"RUS", "CHN", "BRA", "USA", "VEN", "EU", "UN"} <= set(event.statements["actor_iso3"])


def test_stance_label_in_any_case_maps_to_its_key(events_root):
    rows = [dict(r) for r in GOOD_ROWS]
    rows[0]["stance"] = "CONDEMNED"
    event = load_event(write_event(events_root, "labels", rows))
    assert event.problems == []
    assert event.statements.loc[0, "stance"] == "condemn"


def test_non_http_source_url_is_reported_but_the_row_is_kept(events_root):
    from reactionmap.contract.scale import DEFAULT_SCALE
    from reactionmap.draw.cards import card_html

    rows = [dict(r) for r in GOOD_ROWS]
    rows[0]["source_url"] = "javascript:alert(1)"
    event = load_event(write_event(events_root, "url", rows))
    assert [(p.row, p.column, p.blocking) for p in event.problems] == [(2, "source_url", False)]
    assert "s1" in set(event.statements["statement_id"])
    card = card_html(event.statements.iloc[0], DEFAULT_SCALE)
    assert "javascript:alert(1)" in card
    assert "href" not in card


def test_invalid_or_repeated_scale_categories_are_left_out(events_root):
    toml = (
        'id = "d"\ntitle = "D"\ndate = "2026-01-01"\n'
        '[[scale]]\nkey = "yes"\nlabel = "Yes"\ncolor = "#009E73"\n'
        '[[scale]]\nkey = "yes"\nlabel = "Yes again"\ncolor = "#000000"\n'
        '[[scale]]\nkey = "none"\nlabel = "Nothing"\ncolor = "#111111"\n'
    )
    rows = [row(statement_id="a", actor="France", stance="yes")]
    event = load_event(write_event(events_root, "d", rows, toml))
    assert event.scale.keys == ("yes",)
    assert event.scale.label("yes") == "Yes"
    assert {p.column for p in event.problems} == {"scale[2].key", "scale[3].key"}


def test_problem_rows_count_blank_lines_as_a_spreadsheet_does(events_root):
    folder = write_event(events_root, "blank", GOOD_ROWS)
    path = folder / "statements.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace(",neutral,", ",approve,")  # row 4: s3
    path.write_text("".join(lines[:2] + ["\n"] + lines[2:]), encoding="utf-8")  # blank row 3
    event = load_event(folder)
    assert [(p.row, p.column) for p in event.problems] == [(3, None), (5, "stance")]
    assert "empty" in event.problems[0].message
    assert len(event.statements) == len(GOOD_ROWS) - 1
