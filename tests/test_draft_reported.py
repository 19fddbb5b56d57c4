"""The drafter fills `reported` with the article's own day, and a `date` only where the text
fixes the statement's day."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from reactionmap.draft import draft_article
from reactionmap.intake.events import load_event

EDGE = Path(__file__).resolve().parent / "data" / "draft" / "edge"
ARTICLE = """\
url: https://example.org/reactions
publisher: Example Wire
published: 2026-01-04 09:12 (as the page states)

Kenya condemned the strike on Saturday.

Peru welcomed the deal.
"""


def rows_of(text: str, **options) -> pd.DataFrame:
    return draft_article(text, name="article.txt", **options).rows.set_index("actor_iso3")


def test_every_row_reports_the_articles_day_from_its_published_line():
    rows = rows_of(ARTICLE)
    assert set(rows["reported"]) == {"2026-01-04"}
    # The day only where the text fixes it: "on Saturday" before Sunday 4 January.
    assert (rows.loc["KEN", "date"], rows.loc["KEN", "date_precision"]) == ("2026-01-03", "day")
    assert (rows.loc["PER", "date"], rows.loc["PER", "date_precision"]) == ("", "unknown")


def test_the_date_option_is_the_articles_day_over_its_published_line():
    rows = rows_of(ARTICLE, date="2026-01-05")
    assert set(rows["reported"]) == {"2026-01-05"}
    assert rows.loc["KEN", "date"] == "2026-01-03"  # the Saturday before Monday 5 January
    rows = rows_of(ARTICLE.replace("published: 2026-01-04 09:12", "published: not stated"))
    assert set(rows["reported"]) == {""}  # no day known: never guessed
    assert rows.loc["KEN", "date"] == ""  # and no weekday can be counted back


def test_a_text_day_after_the_articles_day_leaves_reported_to_the_reader():
    rows = rows_of("Kenya condemned the strike on January 5.\n", date="2026-01-04")
    assert rows.loc["KEN", "date"] == "2026-01-05"
    assert rows.loc["KEN", "reported"] == ""
    assert (
        "reported left empty: the date 2026-01-05 is after the article's 2026-01-04"
        in (rows.loc["KEN", "notes"])
    )


def test_the_command_fills_reported_and_the_event_counts_from_it(cli, events_env):
    article = EDGE / "two-countries.txt"
    code, out, err = cli("draft", str(article), "--date", "2026-01-04")
    assert code == 0, err
    printed = pd.read_csv(io.StringIO(out), dtype=str, keep_default_na=False)
    assert len(printed) >= 2 and set(printed["reported"]) == {"2026-01-04"}
    code, _, err = cli("draft", str(article), "--event-id", "drafted", "--date", "2026-01-04")
    assert code == 0, err
    statements = load_event("drafted", events_env).statements
    undated = statements[statements["date_precision"] != "day"]
    assert len(undated) >= 1
    # A drafted statement without a day counts from the day its article reported it.
    assert (undated["when"] == pd.Timestamp("2026-01-04")).all()
    assert set(undated["date_label"]) == {"reported 4 Jan 2026, day of the statement not given"}
