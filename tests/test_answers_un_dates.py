"""A UN voting file whose resolution has a date that is not a day: the page says so in a
sentence and the CLI reports it, neither crashes, and no day is guessed (issue 19). The votes
are made up."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_app_upload import un_file

from reactionmap.intake.events import load_event

APP = Path(__file__).resolve().parents[1] / "app.py"
BAD_DATES = ["1985-13-45", "10/12/1985", "1066-12-10"]
SYMBOL = "A/RES/40/901"  # un_file's newest resolution, dated 1985-12-10 there


@pytest.mark.parametrize("bad", BAD_DATES)
def test_the_page_names_a_bad_date_and_maps_another_resolution(bad):
    at = AppTest.from_file(str(APP), default_timeout=90)
    at.query_params["event"] = "upload"
    at.run()
    at.sidebar.text_area[0].input(un_file().replace("1985-12-10", bad)).run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.selectbox[0].value != SYMBOL  # a resolution with no day is listed last
    assert any("10 December 1984" in c.value for c in at.caption)  # the other one maps
    at.selectbox[0].set_value(SYMBOL).run()
    assert not at.exception, [e.value for e in at.exception]
    errors = " ".join(e.value for e in at.error).replace("\\", "")  # Markdown escapes
    assert f"{SYMBOL} is dated {bad!r}" in errors
    assert "YYYY-MM-DD" in errors and "1900 and 2100" in errors
    assert not at.get("plotly_chart")  # nothing is drawn from a date that is not one


@pytest.mark.parametrize("bad", BAD_DATES)
def test_import_reports_the_bad_date_and_writes_no_day(tmp_path, cli, bad):
    source = tmp_path / "UNGA_voting.csv"
    source.write_text(un_file().replace("1985-12-10", bad), encoding="utf-8")
    target = tmp_path / "vote"
    code, out, err = cli("import", str(source), "--resolution", SYMBOL, "--out", str(target))
    assert code == 1 and "Traceback" not in out + err
    assert f"column date: {bad!r}" in err  # every row named, with the value to fix
    event = load_event(target)
    assert not event.date_known  # no day is made up from the bad one
    assert "date =" not in (target / "event.toml").read_text(encoding="utf-8")
