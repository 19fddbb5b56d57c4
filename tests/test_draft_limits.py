"""The drafter cannot stall the server (issue 19): articles over the limits are refused with the
limit named, the rest drafted in linear time, and the page's worker stopped at its time limit.

bench/draft.py times each of these articles (seconds are measured there, not asserted here).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reactionmap.draft import ArticleRefused, decode, draft_article
from reactionmap.draft.tokens import starting_in
from reactionmap.draft.worker import Pool
from tests.draft_articles import PATHOLOGICAL, lines


@pytest.mark.parametrize("case", list(PATHOLOGICAL))
def test_each_pathological_article_is_refused_with_its_limit_or_drafted(case):
    make, limit = PATHOLOGICAL[case]
    text = make()
    if limit:
        with pytest.raises(ArticleRefused, match=limit):
            draft_article(text, name="a.txt")
    else:
        assert draft_article(text, name="a.txt").rows is not None


def test_decode_counts_characters_not_bytes():
    """A 5.4 MB article was accepted though the message promises at most 2,000,000 characters;
    2,000,000 three-byte characters are within it."""
    with pytest.raises(ArticleRefused, match=r"2,000,001 characters .*at most 2,000,000"):
        decode(b"a" * 2_000_001, "big.txt")
    assert len(decode("\u201c".encode() * 2_000_000, "wide.txt")) == 2_000_000


def test_a_refusal_names_the_paragraph_and_the_run():
    text = "Germany condemned it.\n\nFrance said: " + "?!" * 60 + "\n"
    with pytest.raises(ArticleRefused) as refused:
        draft_article(text, name="a.txt")
    message = str(refused.value)
    assert message.startswith("a.txt: paragraph 2 ('France said: ?!?!")
    assert "a run of 120 punctuation or quotation marks" in message
    # A typewriter line of 80 dashes is within the limit.
    assert draft_article("-" * 80 + "\nGermany condemned it.\n").rows["actor_iso3"].tolist() == [
        "DEU"
    ]


def test_a_long_paragraph_is_refused_by_the_command_line_not_spacy(cli, tmp_path):
    """A 2 MB paragraph gave spaCy's E088 (exit 2): now a refusal naming the limit, exit 1."""
    article = tmp_path / "long.txt"
    article.write_text("France condemned the strike. " * 65_000, encoding="utf-8")
    code, out, err = cli("draft", str(article))
    assert code == 1
    assert out == ""
    assert "paragraph 1" in err and "at most 20,000 in one paragraph" in err
    assert "E088" not in err


def test_every_row_of_many_paragraphs_gets_the_next_free_id():
    """Ids are counted on per actor (the search from 1 each time made 10k rows quadratic),
    skipping the event's taken ids, exactly as before."""
    taken = {"fra-d01", "fra-d03", "deu-d02"}
    rows = draft_article(lines(1_000), taken_ids=taken).rows
    assert len(rows) == 1_000
    assert rows["statement_id"].is_unique and not set(rows["statement_id"]) & taken
    france = rows.loc[rows["actor_iso3"] == "FRA", "statement_id"].tolist()
    assert france[:3] == ["fra-d02", "fra-d04", "fra-d05"]
    assert france[-1] == "fra-d127"  # 125 rows, two ids taken below them


def test_invisible_characters_inside_names_are_taken_out_and_noted():
    text = "Fr\u200bance con\u00addemned the strike.\nGer\u2060many welcomed it.\n"
    rows = draft_article(text).rows.set_index("actor_iso3")
    assert rows.loc["FRA", "stance"] == "condemn"
    assert "U+00AD SOFT HYPHEN, U+200B ZERO WIDTH SPACE" in rows.loc["FRA", "notes"]
    assert rows.loc["DEU", "stance"] == "support"
    assert "U+2060 WORD JOINER" in rows.loc["DEU", "notes"]


def test_single_quotations_close_where_they_did():
    """Closing marks found once per paragraph (linear): the spans stay what the scan found."""
    from reactionmap.draft.article import read_article

    paragraph = read_article(
        "Spain called it 'a grave error' and Peru 'regrets’ the ‘strike’ (its ‘rock'n'roll’ word)."
    ).paragraphs[0]
    quoted = [paragraph.text[a:b] for a, b in paragraph.quotes]
    assert quoted == ["a grave error", "regrets", "strike", "rock'n'roll"]


def test_the_worker_stops_a_draft_at_its_time_limit_and_drafts_the_next():
    pool = Pool(size=1)
    try:
        # Far longer than a hundredth of a second on any machine: 3,000 paragraphs, each a row
        # (half a second was not: an idle CI machine drafted them within it).
        stopped = pool.draft(seconds=0.01, text=lines(3_000))
        assert stopped.draft is None
        assert stopped.refused.startswith("Stopped: drafting took longer than 0.01 s")
        refused = pool.draft(seconds=60, text="Spain said " + "!" * 81, name="a.txt")
        assert refused.draft is None
        assert "a.txt: paragraph 1" in refused.refused and "at most 80 in a row" in refused.refused
        done = pool.draft(seconds=60, text="Peru welcomed the deal.", date="2026-01-04")
        assert done.refused == ""
        assert done.draft.rows[["actor_iso3", "stance", "reported"]].values.tolist() == [
            ["PER", "support", "2026-01-04"]
        ]
    finally:
        while not pool.idle.empty():
            pool.idle.get().stop()


@given(st.lists(st.integers(0, 40)), st.integers(0, 45), st.integers(0, 45))
def test_a_clause_finds_by_bisection_the_very_items_a_scan_finds(starts, lo, hi):
    """starting_in, which makes a paragraph of many sentences linear, gives what the scan of
    every mention or cue it replaced gave, in the same order, for any sorted list and range."""
    items = [SimpleNamespace(start=s, n=i) for i, s in enumerate(sorted(starts))]
    assert list(starting_in(items, lo, hi)) == [m for m in items if lo <= m.start < hi]
