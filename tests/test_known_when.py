"""What was known when: every row's `reported` is the publication day its source states, and
As of shows a statement no earlier than the day it can be known.

The days are read from the shared sources themselves (the Venezuela articles' `published:`
lines and the first source's dateline; the Soleimani facts' sources.csv), so that a row whose
`reported` is not its source's day fails here."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from reactionmap.intake.events import load_event
from reactionmap.view.stance import stance_table
from tests.test_quotes_verbatim import (
    ARTICLES,
    FACT_CODES,
    FACTS,
    FIRST_SOURCE,
    require,
    soleimani,
    statements,
)

STRIKE = "2020-01-03"  # the Soleimani event's date, the earliest day a reaction can have


def venezuela_days() -> dict[str, str]:
    """The day each Venezuela source was published, by URL ('' for the first source, which has
    no URL); '' where the source states none."""
    days = {}
    for path in sorted(ARTICLES.glob("[0-9]*.txt")):
        head = path.read_text(encoding="utf-8").partition("\n\n")[0]
        meta = dict(line.split(":", 1) for line in head.splitlines())
        day = re.match(r"\s*(\d{4}-\d{2}-\d{2})\b", meta["published"])
        days[meta["url"].strip()] = day.group(1) if day else ""
    # The first source has no header lines: its dateline ("MOSCOW, Jan. 4, 2026 –") is its day.
    dateline = re.search(
        r"^[A-Z]+, ([A-Z][a-z]{2})\. (\d{1,2}), (\d{4})",
        FIRST_SOURCE.read_text(encoding="utf-8"),
        re.M,
    )
    assert dateline, "the first source's dateline was not found"
    days[""] = pd.Timestamp(" ".join(dateline.groups())).date().isoformat()
    return days


@pytest.fixture(scope="module")
def venezuela_sources() -> dict[str, str]:
    require(FIRST_SOURCE, ARTICLES)
    return venezuela_days()


@pytest.fixture(scope="module")
def soleimani_facts() -> tuple[pd.DataFrame, dict[str, str]]:
    """(reactions.csv with the project's codes, the day each article was published by URL)."""
    require(FACTS / "reactions.csv", FACTS / "sources.csv")
    read = {"dtype": str, "keep_default_na": False, "encoding": "utf-8"}
    reactions = pd.read_csv(FACTS / "reactions.csv", **read)
    reactions["code"] = reactions["actor_code"].replace(FACT_CODES)
    articles = pd.read_csv(FACTS / "sources.csv", **read)
    days = dict(zip(articles["url"], articles["published"].replace("unknown", ""), strict=True))
    return reactions, days


def reported_problems(table: pd.DataFrame, days: dict[str, str]) -> list[str]:
    """One message per row whose `reported` is not the day its cited source states."""
    problems = []
    for r in table.to_dict("records"):
        want = days.get(r["source_url"])
        if want is None:
            problems.append(f"{r['statement_id']}: {r['source_url']!r} is none of the sources")
        elif r["reported"] != want:
            problems.append(f"{r['statement_id']}: reported {r['reported']!r}, source {want!r}")
    return problems


def test_every_venezuela_row_reports_the_day_its_source_was_published(venezuela_sources):
    table = statements()
    assert list(table.columns).index("reported") == list(table.columns).index("date_precision") + 1
    assert reported_problems(table, venezuela_sources) == []
    # The sources state a day for some articles only: both kinds are in the event.
    assert 40 <= (table["reported"] != "").sum() < len(table)
    # A wrong day, or a day where the source states none, is caught.
    wrong = table[table["statement_id"].isin(["ind-02", "rus-07"])].copy()
    wrong["reported"] = ["2026-01-03", "2026-01-03"]
    assert reported_problems(wrong, venezuela_sources) == [
        "rus-07: reported '2026-01-03', source ''",
        "ind-02: reported '2026-01-03', source '2026-01-04'",
    ]


def test_every_soleimani_row_reports_the_day_its_article_was_published(soleimani_facts):
    _, days = soleimani_facts
    table = soleimani()
    assert reported_problems(table, days) == []
    assert (table["reported"] != "").sum() == 22  # 15 rows cite articles with no date


def test_soleimani_days_only_where_the_article_fixes_them(soleimani_facts):
    """A day only when the reaction cannot be earlier (the strike, or Iran's strikes of 8
    January for a line about them) nor later (the article's date) than that day; otherwise
    January 2020 when the article is dated, and nothing when it is not."""
    reactions, days = soleimani_facts
    answers_8_january = reactions["reviewer_note"].str.contains(r"(?:reaction to|about) the 8 Jan")
    answers_later = dict(zip(reactions["code"], answers_8_january, strict=True))
    wrong = []
    for r in soleimani().to_dict("records"):
        first = "2020-01-08" if answers_later[r["actor_iso3"]] else STRIKE
        last = days[r["source_url"]]
        if not last:
            want = ("", "unknown")
        elif first == last:
            want = (last, "day")
        else:
            want = ("2020-01", "month")
        if (r["date"], r["date_precision"]) != want:
            wrong.append((r["statement_id"], r["date"], r["date_precision"], want))
    assert wrong == []


def test_no_statement_counts_before_its_source_reported_it():
    """As of counts a statement without a day from the day its source reported it."""
    for event_id in ("venezuela-2026-01", "soleimani-2020-01"):
        rows = load_event(event_id).statements
        told = rows[rows["reported"] != ""]
        undated = told[told["date_precision"] != "day"]
        assert len(undated) >= 5
        early = undated[undated["when"] != pd.to_datetime(undated["reported"])]
        assert early.empty, (event_id, list(early["statement_id"]))
        assert undated["date_label"].str.startswith("reported ").all()
        # A statement with its own day counts from it, never after its source reported it.
        dated = told[told["date_precision"] == "day"]
        late = dated[dated["when"].dt.normalize() > pd.to_datetime(dated["reported"])]
        assert late.empty, (event_id, list(late["statement_id"]))


def by_actor(rows: pd.DataFrame, day: str) -> pd.Series:
    table = stance_table(rows, pd.Timestamp(day))
    return table.set_index(table["actor_iso3"] + " " + table["actor"])["stance"]


def test_india_is_not_shown_before_the_day_its_sources_report_it():
    rows = load_event("venezuela-2026-01").statements
    india = rows[rows["actor_iso3"] == "IND"]
    assert set(india["reported"]) == {"2026-01-04"}
    # The Free Press Journal's 'India on Sunday said' is the only day the articles give.
    assert india.loc[india["date_precision"] == "day", "date"].tolist() == ["2026-01-04"]
    assert "IND India" not in by_actor(rows, "2026-01-03")
    assert by_actor(rows, "2026-01-04")["IND India"] == "concern"


def test_the_stances_of_3_and_5_january_differ():
    rows = load_event("venezuela-2026-01").statements
    third, fifth = by_actor(rows, "2026-01-03"), by_actor(rows, "2026-01-05")
    both = third.index.intersection(fifth.index)
    changed = sorted(both[third[both] != fifth[both]])
    assert len(changed) >= 1, "As of 3 and 5 January give every actor the same stance"
    # The UN Secretary-General: RFE/RL's undated 'strongly condemned' counts from 3 January;
    # by 5 January his 'deep concern' of that day (Star Nation News) disagrees with it.
    assert third["UN UN Secretary-General"] == "condemn"
    assert fifth["UN UN Secretary-General"] == "disagree"
    assert "UN UN Secretary-General" in changed
