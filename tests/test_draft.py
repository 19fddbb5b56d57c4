"""The drafter: actors, stances, quotes, speakers and dates proposed from articles.

Edge-case articles in tests/data/draft/edge/ and the held-out round-ups in
tests/data/draft/heldout/ were written for these tests (see the README beside them).
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import pandas as pd
import pytest

from reactionmap.contract.dates import RANGE_TEXT, parse_day
from reactionmap.contract.statements import STATEMENT_COLUMNS, new_statement_id
from reactionmap.draft import ArticleRefused, decode, draft_article, read_article
from reactionmap.draft.cues import StanceCue, decide_stance
from reactionmap.draft.evidence import evidence_html
from reactionmap.draft.save import DraftNotSaved, save_draft
from reactionmap.draft.score import Score, actor_stances, score, unquoted

REPO = Path(__file__).resolve().parents[1]
EDGE = REPO / "tests" / "data" / "draft" / "edge"
HELDOUT = REPO / "tests" / "data" / "draft" / "heldout"
SOURCES = REPO.parent / "shared" / "sources"
FIRST = SOURCES / "venezuela-2026-01-04-reactions.txt"


def draft(name: str, **options) -> pd.DataFrame:
    path = EDGE / name
    return draft_article(path.read_text(encoding="utf-8"), name=name, **options).rows


def by_actor(rows: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {code: group for code, group in rows.groupby("actor_iso3")}


def sources_or_skip() -> list[Path]:
    if not FIRST.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("shared/sources is missing beside the repository")
        pytest.skip("the shared sources folder is not beside the repo")
    return [FIRST, *sorted((SOURCES / "venezuela").glob("[0-9]*.txt"))]


# ---- the edge cases --------------------------------------------------------------------------
def test_rows_have_the_contract_columns_and_resolved_actors():
    rows = draft("two-countries.txt")
    assert list(rows.columns) == list(STATEMENT_COLUMNS)
    assert rows["statement_id"].is_unique
    assert set(rows["actor_type"]) == {"state"}
    assert dict(zip(rows["actor_iso3"], rows["actor"], strict=True))["DEU"] == "Germany"


def test_two_countries_in_one_sentence_each_get_their_own_stance():
    stances = actor_stances(draft("two-countries.txt"))
    assert stances == {
        "DEU": "condemn",
        "ITA": "support",
        "FRA": "concern",
        "ESP": "concern",
        "POL": "support",
        "HUN": "condemn",
    }


def test_quotes_go_to_the_actor_whose_clause_holds_them():
    actors = by_actor(draft("two-countries.txt"))
    assert actors["POL"]["quote"].tolist() == ["fully supports"]
    assert actors["HUN"]["quote"].tolist() == ["a violation of sovereignty"]


def test_headings_name_the_actor_of_the_paragraphs_below():
    rows = draft("headings.txt")
    actors = by_actor(rows)
    assert set(actors) == {"KEN", "UGA", "AU"}  # not the football league under "Sports"
    kenya = actors["KEN"]
    assert kenya.iloc[0]["speaker"] == "Kipchumba Murkomen"
    assert kenya.iloc[0]["speaker_role"] == "Interior Minister"
    assert "heading" in kenya.iloc[0]["notes"]
    assert actors["UGA"].iloc[0]["stance"] == "condemn"
    assert actors["AU"].iloc[0]["actor_type"] == "organization"
    assert actors["AU"].iloc[0]["stance"] == "concern"


def test_capitalised_headings_and_dash_leads_name_the_actor():
    rows = draft("leads.txt")
    assert actor_stances(rows) == {
        "DEU": "concern", "ZAF": "condemn", "CHL": "support", "PER": "concern"
    }  # fmt: skip
    assert "the heading 'GERMANY'" in by_actor(rows)["DEU"].iloc[0]["notes"]
    assert "the list lead 'Chile'" in by_actor(rows)["CHL"].iloc[0]["notes"]


def test_the_speaker_named_after_the_quote_and_its_verb():
    rows = draft("said-after.txt")
    assert actor_stances(rows) == {"CHN": "neutral", "DEU": "concern", "EU": "support"}
    assert by_actor(rows)["DEU"].iloc[0]["speaker"] == "Johann Wadephul"
    assert by_actor(rows)["EU"].iloc[0]["quote"] == "We welcome the deal"
    kallas = by_actor(rows)["EU"].iloc[1]  # "Kaja Kallas, the EU's top diplomat, said ..."
    assert (kallas["speaker"], kallas["speaker_role"]) == ("Kaja Kallas", "top diplomat")


def test_the_foreign_ministry_in_a_paragraph_about_a_country_is_that_country():
    rows = draft("the-ministry.txt")
    assert rows["actor_iso3"].tolist() == ["IRN", "IRN"]  # not Trump's sentence: no country named
    assert rows["quote"].tolist() == ["a flagrant violation", "respond"]


def test_negation_and_hedges_turn_a_cue_around():
    actors = by_actor(draft("negation.txt"))
    russia = actors["RUS"].iloc[0]
    assert russia["stance"] == "neutral"
    assert "did not … condemn" in russia["notes"]
    assert actors["IND"].iloc[0]["stance"] == "concern"  # stopped short of criticising; dialogue
    # "appeared to welcome" is weaker than the ministry's plain concern.
    assert actors["BRA"].iloc[0]["stance"] == "concern"
    japan = actors["JPN"].iloc[0]
    assert japan["stance"] == "concern"
    assert "cues disagree" in japan["notes"] and "refused to" not in japan["quote"]


def test_a_quote_over_two_paragraphs_is_one_quote_of_its_speaker():
    text = (EDGE / "quote-two-paragraphs.txt").read_text(encoding="utf-8")
    canada = by_actor(draft("quote-two-paragraphs.txt"))["CAN"]
    assert len(canada) == 1
    row = canada.iloc[0]
    assert row["speaker"] == "Anita Anand"
    first, second = row["quote"].split(" … ")  # two paragraphs: two runs, the gap marked
    assert first.startswith("We condemn this attack") and first in text
    assert second.startswith("Canada will work with its partners") and second in text
    assert row["stance"] == "condemn"


def test_a_capital_that_is_a_persons_name_is_not_a_government():
    actors = by_actor(draft("capital-person.txt"))
    assert "CHL" in actors  # Chile's foreign ministry spoke ...
    chile = actors["CHL"]
    assert len(chile) == 1 and "Santiago" not in chile.iloc[0]["summary"]
    paraguay = actors["PRY"]
    assert paraguay.iloc[0]["speaker"] == "Santiago Peña"
    # Paris Hilton is not France; the French foreign ministry is.
    france = actors["FRA"]
    assert len(france) == 1 and "Hilton" not in france.iloc[0]["summary"]
    assert "USA" not in actors  # The Washington Post reported ...
    assert "JOR" not in actors  # Michael Jordan is not Jordan


def test_names_that_do_not_speak_make_no_row():
    codes = set(draft("not-reactions.txt")["actor_iso3"])
    # Places, teams, adjectives, a mayor, Victoria Beckham and Jordan Henderson, "analysts said".
    assert not codes & {"GBR", "FRA", "DEU", "POL", "BEL", "JPN", "BRA", "ARG", "ESP", "TUR"}
    assert not codes & {"GRC", "MEX", "CAN", "USA", "IND", "RUS", "SYC", "JOR"}
    assert codes <= {"UKR", "CHN"}  # "Ukrainian officials said"; "China reported weak exports"


def test_html_institutions_officers_and_a_weekday_date():
    rows = draft("institutions.html", date="2026-01-06")  # a Tuesday
    actors = by_actor(rows)
    assert set(actors) == {"RUS", "USA", "IND", "UN", "LAS", "ECOWAS", "EU"}
    kremlin = actors["RUS"].iloc[0]
    assert (kremlin["date"], kremlin["date_precision"]) == ("2026-01-05", "day")  # "on Monday"
    assert "date from 'Monday'" in kremlin["notes"]
    assert actors["USA"].iloc[0]["date_precision"] == "unknown"
    assert actors["IND"].iloc[0]["quote"] == "supports all efforts"
    assert actors["EU"].iloc[0]["speaker"] == "Kaja Kallas"
    assert actors["EU"].iloc[0]["speaker_role"] == "foreign policy chief"
    assert "tracker" not in " ".join(rows["summary"])  # scripts are not text


def test_without_an_article_date_a_weekday_fixes_nothing():
    rows = draft("institutions.html")
    kremlin = by_actor(rows)["RUS"].iloc[0]
    assert (kremlin["date"], kremlin["date_precision"]) == ("", "unknown")
    assert "no article date" in kremlin["notes"]


def test_same_day_dates_undated_rows_to_the_article():
    rows = draft("two-countries.txt", date="2026-02-01", same_day=True)
    assert set(rows["date"]) == {"2026-02-01"} and set(rows["date_precision"]) == {"day"}


def test_targets_are_coded_party():
    rows = draft("two-countries.txt", targets=["HUN"])
    hungary = by_actor(rows)["HUN"].iloc[0]
    assert hungary["stance"] == "party" and "party to the event" in hungary["notes"]


def test_ids_avoid_the_ones_already_taken():
    rows = draft("two-countries.txt", taken_ids={"deu-d01"})
    assert by_actor(rows)["DEU"].iloc[0]["statement_id"] == "deu-d02"


def test_one_rule_allocates_ids_for_the_drafter_and_for_rows_added_by_hand():
    used = {"fra-d01", "added-01", "added-03"}
    assert new_statement_id("fra-d", used) == "fra-d02"
    assert [new_statement_id("added-", used) for _ in range(2)] == ["added-02", "added-04"]
    assert {"fra-d02", "added-02", "added-04"} <= used


@pytest.mark.parametrize("value", ["1850-01-01", "2101-01-01", "2026-02-30", "04/01/2026"])
def test_the_drafter_and_saving_take_a_day_by_one_rule(events_env, value):
    """contract.dates.parse_day: YYYY-MM-DD, the year between 1900 and 2100. Refused with a
    message naming the value and the rule."""
    rule = f"YYYY-MM-DD, the year {RANGE_TEXT}"
    with pytest.raises(ValueError, match=re.escape(f"{value!r} is not a day: write it as {rule}")):
        draft_article("France condemned it.", date=value)
    rows = pd.DataFrame([{"actor": "France", "stance": "condemn"}])
    with pytest.raises(DraftNotSaved, match=re.escape(f"{value!r} is not a day")) as caught:
        save_draft(rows, "dated", date=value)
    assert rule in str(caught.value)
    assert not (events_env / "dated").exists()


def test_saving_takes_the_day_alone_the_drafter_ignores_a_time(events_env):
    assert draft_article("France condemned it.", date="2026-01-04T10:00").rows["actor"].any()
    rows = pd.DataFrame([{"actor": "France", "stance": "condemn"}])
    with pytest.raises(DraftNotSaved, match="is not a day"):
        save_draft(rows, "dated", date="2026-01-04T10:00")
    folder, count, created = save_draft(rows, "dated", date="2026-01-04")
    assert created and count == 1 and 'date = "2026-01-04"' in (folder / "event.toml").read_text()
    assert parse_day("1900-01-01", time=False) == pd.Timestamp("1900-01-01")
    assert parse_day("2100-12-31T23:59") == pd.Timestamp("2100-12-31")


def test_stronger_cue_wins_and_ties_prefer_an_unhedged_cue():
    welcome = StanceCue(0, 1, "support", 3, "welcomed")
    concern = StanceCue(2, 3, "concern", 2, "concern")
    assert decide_stance([concern, welcome])[0] == "support"
    hedged = StanceCue(0, 1, "support", 3, "welcome", hedged="appeared to")
    assert decide_stance([hedged, concern])[0] == "concern"
    negated = StanceCue(0, 1, "condemn", 3, "condemn", negated="did not")
    assert decide_stance([negated])[0] == "neutral"
    assert decide_stance([]) == ("", None, [])


def test_evidence_highlights_are_escaped_html():
    text = 'France condemned the "<b>raid</b>" & more.\n'
    result = draft_article(text, name="t.txt")
    (statement_id,) = result.rows["statement_id"]
    html = evidence_html(result.evidence[statement_id])
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;" in html
    assert '<mark class="rm-actor">France</mark>' in html
    assert '<mark class="rm-stance">condemned</mark>' in html


def test_bad_input_is_refused_with_a_reason():
    with pytest.raises(ArticleRefused, match="not UTF-8"):
        decode(b"\xff\xfe\x00bad", "a.txt")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        draft_article("France condemned it.", date="04/01/2026")
    assert draft_article("", name="empty.txt").rows.empty


def test_the_header_of_a_shared_source_gives_url_publisher_and_date():
    article = read_article("url: https://x.test/a\npublisher: X\npublished: 2026-01-04\n\nText.")
    assert article.meta["url"] == "https://x.test/a" and article.date == "2026-01-04"
    assert [p.text for p in article.paragraphs] == ["Text."]


# ---- the Venezuela sources and the held-out round-ups ------------------------------------------
def test_every_quote_is_verbatim_in_every_source_and_edge_case():
    paths = sources_or_skip() + sorted(EDGE.glob("*.*")) + sorted(HELDOUT.glob("0*"))
    quoted = 0
    for path in paths:
        if path.suffix == ".md":
            continue
        text = path.read_text(encoding="utf-8")
        rows = draft_article(text, name=path.name, date="2026-01-04").rows
        source = read_article(text, path.name)
        plain = "\n".join(p.text for p in source.paragraphs)
        assert unquoted(rows["quote"], plain) == [], path.name
        quoted += (rows["quote"] != "").sum()
    assert quoted > 60


def test_first_source_against_the_events_own_table():
    sources_or_skip()
    text = FIRST.read_text(encoding="utf-8")
    rows = draft_article(text, name=FIRST.name, date="2026-01-04", targets=["USA", "VEN"]).rows
    coded = pd.read_csv(
        REPO / "data/events/venezuela-2026-01/statements.csv", dtype=str, keep_default_na=False
    )
    coded = coded[coded["source_name"].str.startswith("Russia Condemns")]
    result = score(actor_stances(rows), actor_stances(coded))
    assert result.recall >= 0.9 and result.precision >= 0.9
    assert result.stance_accuracy >= 0.8
    saturday = rows[rows["quote"].str.contains("forcibly taken out of the country")]
    assert saturday["date"].tolist() == ["2026-01-03"]  # "released Saturday", article of 4 Jan


def test_each_venezuela_file_drafts_its_main_actors():
    sources_or_skip()
    expect = {
        "05-dailypioneer.txt": {"RUS", "BRA", "CHN", "FRA"},
        "10-calgarypuck-bbc.txt": {
            "RUS",
            "CHN",
            "IRN",
            "COL",
            "CUB",
            "BRA",
            "CHL",
            "ARG",
            "EU",
            "GBR",
        },
        "13-freepressjournal.txt": {"IND", "GBR", "RUS", "CHN", "IRN"},
        "15-123ru-fox.txt": {"CUB", "COL", "MEX", "IRN", "ARG"},
    }
    for name, codes in expect.items():
        text = (SOURCES / "venezuela" / name).read_text(encoding="utf-8")
        rows = draft_article(text, name=name, targets=["USA", "VEN"]).rows
        assert codes <= set(rows["actor_iso3"]), (name, codes - set(rows["actor_iso3"]))


BAR_BATCHES = list(range(1, 56))  # 52 to 55 meet it after the twenty-first round


@pytest.mark.parametrize(
    "folder",
    [HELDOUT, *(HELDOUT.parent / f"heldout{n}" for n in BAR_BATCHES[1:])],
    ids=[f"batch{n}" for n in BAR_BATCHES],
)
def test_held_out_round_ups_meet_the_bar(folder):
    """Issue 18's bar on every held-out batch: actor recall and precision at least 0.95,
    stance at least 0.85, every quote runs of the article in order (with the batch's
    ``against``, where it codes one)."""
    from reactionmap.draft.quotes import misquoted, reading_text

    with (folder / "expected.csv").open(encoding="utf-8") as handle:
        expected = list(csv.DictReader(handle))
    total = Score()
    for name in dict.fromkeys(row["article"] for row in expected):
        coded = [r for r in expected if r["article"] == name]
        text = (folder / name).read_text(encoding="utf-8")
        options = {"targets": coded[0]["targets"].split()}
        options["against"] = coded[0].get("against", "").split()
        rows = draft_article(text, name=name, **options).rows
        words = reading_text(read_article(text, name))
        assert [q for q in rows["quote"] if misquoted(q, words)] == [], name
        total.add(score(actor_stances(rows), {r["actor_iso3"]: r["stance"] for r in coded}), name)
    assert total.recall >= 0.95, sorted(total.expected - total.found)
    assert total.precision >= 0.95, sorted(total.found - total.expected)
    assert total.stance_accuracy >= 0.85, total.stance_wrong


# ---- dates and articles -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "article_date", "expected"),
    [
        ("said on Sunday", "2026-01-04", "2026-01-04"),  # a Sunday: the same day
        ("said on Saturday", "2026-01-04", "2026-01-03"),
        ("in a statement released Saturday", "2026-01-05", "2026-01-03"),
        ("said on January 5", "2026-01-06", "2026-01-05"),
        ("said on 5 Jan. 2026", None, "2026-01-05"),
        ("said on December 30", "2026-01-02", "2025-12-30"),  # the year before
        ("said yesterday", "2026-01-04", "2026-01-03"),
        ("condemned the January 3 attack", "2026-01-04", ""),  # a date naming another moment
        ("MOSCOW, Jan. 4, 2026 – Russia said", "2026-01-04", ""),  # a dateline
        ("said on Sunday", None, ""),  # no article date to count from
        ("said on February 30", "2026-03-01", ""),
    ],
)
def test_dates_only_when_the_text_fixes_them(text, article_date, expected):
    import datetime as dt

    from reactionmap.draft.dates import find_date

    day = dt.date.fromisoformat(article_date) if article_date else None
    assert find_date(text, day)[0] == expected


def test_html_article_keeps_blocks_as_paragraphs_and_drops_scripts():
    article = read_article(
        "<html><head><title>T</title><script>x='“hidden”'</script></head><body>"
        "<h2>Chile</h2><p>The government said it was &quot;concerned&quot;.</p></body></html>",
        "a.html",
    )
    assert [p.text for p in article.paragraphs] == [
        "Chile",
        'The government said it was "concerned".',
    ]
    (start, end), text = article.paragraphs[1].quotes[0], article.paragraphs[1].text
    assert text[start:end] == "concerned"


def test_single_quotes_are_quotes_but_apostrophes_are_not():
    article = read_article(
        "Venezuela's 'imperialist attack', the Maduros' home and ‘a quote’ here."
    )
    (paragraph,) = article.paragraphs
    quoted = [paragraph.text[a:b] for a, b in paragraph.quotes]
    assert quoted == ["imperialist attack", "a quote"]


def _reading(text: str, index: int = 0):
    from reactionmap.draft.lexicon import lexicon
    from reactionmap.draft.reading import read_paragraph

    lex = lexicon()
    paragraph = read_article(text).paragraphs[0]
    return read_paragraph(index, paragraph, lex.nlp(paragraph.text), lex)


def test_a_heading_or_a_list_lead_names_who_speaks_below():
    from reactionmap.draft.leads import follow_lead, heading_actor
    from reactionmap.draft.speakers import State

    heading = _reading("India's Position")
    assert heading.heading and heading_actor(heading) == "IND"
    assert heading_actor(_reading("US Attacks Venezuela")) == ""
    state = State()
    assert follow_lead(heading, state) == "IND" and state.current == ["IND"]
    item = _reading("China: The ministry said it was deeply shocked.")
    assert (item.item_code, item.heading) == ("CHN", False)
    assert follow_lead(item, state) == "CHN"  # the item's lead before the heading above it
    assert state.default_cue == "the list lead 'China'" and state.section == "IND"


def test_a_clause_gives_its_words_and_a_row_takes_them_in():
    from reactionmap.draft.extract import clauses
    from reactionmap.draft.finding import ClauseWords, Finding, clause_words
    from reactionmap.draft.quotes import Run, joined

    text = _reading('France condemned the raid, calling it "a breach".')
    ((sentence, clause),) = clauses(text)
    words = clause_words(text, sentence, clause, "FRA")
    assert [c.text for c in words.cues] == ["condemned", "breach"]
    assert words.quotes == [Run(0, 39, "a breach")]
    assert {kind for _, _, kind in words.marks} == {"actor", "stance", "quote"}
    row = Finding("FRA", 0, "'France'", "name")
    row.add(ClauseWords(words.sentence, [], [Run(1, 1, "and more")], [(0, 6, "actor")]))
    row.add(words)
    assert row.quotes == [Run(0, 39, "a breach"), Run(1, 1, "and more")]  # the article's order
    assert joined(row.quotes) == "a breach … and more"
    assert len(row.evidence) == 1 and row.sentences == [words.sentence]  # one sentence, merged
    assert row.evidence[0].marks == sorted(set(words.marks))


def test_a_speakers_name_refers_to_their_actor_from_then_on():
    from reactionmap.draft.speakers import State

    state = State()
    state.remember("Heiko Maas", "DEU")
    state.remember("Anna Maas", "AUT")  # an earlier actor's surname is kept
    assert state.names == {"Heiko Maas": "DEU", "Maas": "DEU", "Anna Maas": "AUT"}
    state.remember("Anna Maas", "AUT", over_earlier=True)
    assert state.names["Maas"] == "AUT"
