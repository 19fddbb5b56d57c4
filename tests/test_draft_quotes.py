"""Drafted quotes are exactly what was said: runs of the source's words, gaps marked " … ".

The articles below were written for these tests (the UN Secretary-General's tweet on Sudan's
coup is laid out the ways wire stories lay out a quotation that runs over sentences and
paragraphs); the property test reads every article the project has.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reactionmap.draft import draft_article, read_article
from reactionmap.draft.quotes import GAP, misquoted, reading_text, runs_of

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO / "tests" / "data" / "draft"
SOURCES = REPO.parent / "shared" / "sources"

FIRST = "I condemn the ongoing military coup in Sudan."
SECOND = "Prime Minister Hamdok and all other officials must be released immediately."
MIDDLE = (
    "There must be full respect for the constitutional charter to protect the hard-won "
    "political transition."
)
LAST = "The UN will continue to stand with the people of Sudan."
SPEAKER = "UN Secretary-General António Guterres"

# The tweet as wire stories print it: one paragraph, a paragraph per sentence (the quotation
# going on under an opening mark), split by "he said", and a colon before the quotation.
TWEET = {
    "one paragraph": f'{SPEAKER} wrote on Twitter: "{FIRST} {SECOND} {MIDDLE} {LAST}"\n',
    "a paragraph each": f'{SPEAKER} wrote on Twitter: "{FIRST} {SECOND}\n"{MIDDLE}\n"{LAST}"\n',
    "said between": f'{SPEAKER} condemned the coup. "{FIRST} {SECOND}," he said on Twitter. '
    f'"{MIDDLE} {LAST}"\n',
    "said in the second paragraph": f'{SPEAKER} said: "{FIRST} {SECOND}\n"{MIDDLE}," he said. '
    f'"{LAST}"\n',
    "marks inside the quotation": f'{SPEAKER} tweeted: "{FIRST} {SECOND} "{MIDDLE} "{LAST}"".\n',
}


@pytest.mark.parametrize("layout", TWEET, ids=list(TWEET))
def test_the_tweet_is_one_run_or_runs_in_order_with_each_gap_marked(layout):
    text = TWEET[layout]
    rows = draft_article(text, targets=["SDN"]).rows
    un = rows[rows["actor_iso3"] == "UN"]
    assert len(un) == 1, rows[["actor_iso3", "quote"]]
    quote = un.iloc[0]["quote"]
    assert quote.startswith(FIRST[:-1])  # what the Secretary-General said first leads the quote
    assert "\n" not in quote
    runs = runs_of(quote)
    assert misquoted(quote, reading_text(read_article(text))) == []
    said = " ".join([FIRST, SECOND, MIDDLE, LAST])
    for run in runs:  # each run is the tweet's own words, in one piece
        assert run.rstrip(".,") in said
    # Joined runs that leave words out say so: the last sentence never follows the first
    # with nothing between them.
    assert f"{SECOND} {LAST}" not in quote and f"{SECOND}\n{LAST}" not in quote
    assert un.iloc[0]["stance"] == "condemn"


def test_only_a_gap_is_marked():
    text = f'{SPEAKER} wrote on Twitter: "{FIRST} {SECOND}"\n'
    quote = draft_article(text).rows.set_index("actor_iso3").loc["UN", "quote"]
    assert quote == f"{FIRST} {SECOND}" and GAP not in quote


def test_misquoted_finds_runs_out_of_order_and_line_breaks():
    text = "one two three four five"
    assert misquoted("one two … four five", text) == []
    assert misquoted("four five … one two", text) == ["one two"]  # out of order
    assert misquoted("one three", text) == ["one three"]  # a word skipped inside a run
    assert misquoted("one two\nfour five", text) == ["one two\nfour five"]


def every_article() -> list[Path]:
    """Every article the project has: the tests' own, and the shared sources beside the repo."""
    found = [p for p in sorted(ARTICLES.rglob("*")) if p.suffix in (".txt", ".html")]
    assert len(found) >= 18
    if SOURCES.is_dir():
        found += [p for p in sorted(SOURCES.rglob("*.txt"))]
    elif os.environ.get("CI") == "true":
        pytest.fail("shared/sources is missing beside the repository")
    return found


def test_every_drafted_quote_is_runs_of_the_article_in_order():
    """Property, over the whole population: every quote split at " … " is a sequence of runs,
    each standing whole in the article as the drafter reads it (draft.quotes), in that order."""
    quotes = 0
    for path in every_article():
        text = path.read_text(encoding="utf-8")
        rows = draft_article(text, name=path.name, date="2026-01-04").rows
        words = reading_text(read_article(text, path.name))
        for quote in rows["quote"]:
            assert misquoted(quote, words) == [], (path.name, quote)
            assert quote == quote.strip() and all(run.strip() == run for run in runs_of(quote))
            quotes += quote != ""
    assert quotes > 60
    if not SOURCES.is_dir():
        pytest.skip("shared/sources is not beside the repository: its articles were not read")
