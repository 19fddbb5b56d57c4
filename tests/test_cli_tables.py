"""`reactionmap import` and `check` on the tables people have: the scale detected and said, no
date invented, identical problems printed once with their rows. Votes are made up."""

from __future__ import annotations

import tomllib

from reactionmap.intake.events import load_event
from tests.test_app_upload import words_table


def test_import_detects_the_vote_scale_and_claims_no_date(tmp_path, cli):
    text, expected = words_table()
    source = tmp_path / "votes.csv"
    source.write_text(text, encoding="utf-8")
    target = tmp_path / "vote"
    code, out, err = cli("import", str(source), "--event-id", "vote", "--out", str(target))
    assert code == 0, err
    assert "scale: vote" in out and "193" in out
    assert "date not given" in out
    meta = tomllib.loads((target / "event.toml").read_text(encoding="utf-8"))
    assert "date" not in meta  # never today's date
    event = load_event(target)
    assert event.problems == [] and not event.date_known
    assert dict(zip(event.statements["actor_iso3"], event.statements["stance"], strict=True)) == (
        expected
    )
    code, out, _ = cli("check", str(target))
    assert code == 0
    assert "date not given" in out


def test_identical_problems_are_printed_once_with_their_rows(tmp_path, cli):
    text, _ = words_table()
    source = tmp_path / "votes.csv"
    source.write_text(text.replace("Non-voting", "Maybe"), encoding="utf-8")
    code, _, err = cli("import", str(source), "--event-id", "v", "--scale", "vote",
                       "--out", str(tmp_path / "v"))  # fmt: skip
    assert code == 1
    lines = [line for line in err.splitlines() if "'Maybe'" in line]
    assert len(lines) == 1, err  # not 48 lines
    assert "'Maybe' is not a stance of this scale" in lines[0]
    assert "48 rows (5, 9, 13, …)" in lines[0]
