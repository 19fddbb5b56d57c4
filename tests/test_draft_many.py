"""Many articles drafted into one table: each read with its own header, the same statement
reported by several articles one row that lists every source (issue 18, part 5)."""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

import pandas as pd

from reactionmap.draft.many import draft_articles
from reactionmap.draft.merge import same_statement
from reactionmap.draft.worker import Pool
from reactionmap.intake.events import load_event

QUOTE = "in the strongest terms the attempt to seize power by force"
WIRES = [
    (
        "a.txt",
        "url: https://a.example/niger\npublisher: A Wire\npublished: 2023-07-27\n\n"
        f'ECOWAS said on Wednesday it condemned "{QUOTE}".\n'
        "France condemned the coup.\n",
    ),
    (
        "b.txt",
        "url: https://b.example/niger\npublisher: B News\npublished: 2023-07-28\n\n"
        f'The West African bloc ECOWAS condemned "{QUOTE}" in Niger.\n'
        "Germany said it was worried.\n",
    ),
    (
        "c.txt",
        "url: https://c.example/niger\npublisher: C Daily\npublished: 2023-07-28\n\n"
        f'In a statement, ECOWAS condemned "{QUOTE}", and called for calm.\n',
    ),
]


def rows_of(articles, **options) -> pd.DataFrame:
    made, _ = draft_articles(articles, **options)
    return made.rows


def test_the_same_statement_in_three_articles_is_one_row_citing_all_three():
    made, sources = draft_articles([(text, name) for name, text in WIRES])
    rows = made.rows
    (ecowas,) = rows[rows["actor_iso3"] == "ECOWAS"].to_dict("records")
    # The first article's row stands (the contract has one source a row), the others in notes.
    assert (ecowas["source_url"], ecowas["source_name"]) == ("https://a.example/niger", "A Wire")
    assert (ecowas["quote"], ecowas["date"], ecowas["reported"]) == (
        QUOTE,
        "2023-07-26",
        "2023-07-27",
    )
    assert "also reported by 2 more: " in ecowas["notes"]
    assert "c.txt (C Daily, https://c.example/niger): the same quote" in ecowas["notes"]
    assert "b.txt (B News, https://b.example/niger): the same quote" in ecowas["notes"]
    # The reviewer sees each article's sentence.
    sentences = [e.text for e in made.evidence[ecowas["statement_id"]]]
    assert [s[:12] for s in sentences] == ["ECOWAS said ", "The West Afr", "In a stateme"]
    # Every other row is its own article's, with that article's own source and day.
    others = rows[rows["actor_iso3"] != "ECOWAS"].set_index("actor_iso3")
    assert others.loc["FRA", "source_url"] == "https://a.example/niger"
    assert (others.loc["DEU", "source_url"], others.loc["DEU", "reported"]) == (
        "https://b.example/niger",
        "2023-07-28",
    )
    assert rows["statement_id"].is_unique
    assert [s.rows for s in sources] == [2, 2, 1]


def row(actor="FRA", stance="condemn", date="", quote="", summary="") -> dict[str, str]:
    return {"actor_iso3": actor, "stance": stance, "date": date, "quote": quote, "summary": summary}


def test_the_rule_for_the_same_statement():
    said = "France on Thursday condemned the military takeover in Niger."
    told = "France condemned the military takeover, its foreign ministry said on Thursday."
    assert same_statement(row(quote="a grave breach"), row(quote="A grave breach!"))
    long = "we condemn this attempt to seize power by force in Niger"
    assert same_statement(row(quote=long), row(quote=f"Today {long} and call for calm"))
    assert not same_statement(row(quote="a grave breach"), row(actor="DEU", quote="a grave breach"))
    # A phrase of one or two words is not enough: many statements say "deep concern".
    assert not same_statement(row(quote="a matter of deep concern"), row(quote="deep concern"))
    # Nor are words either side of a " … " gap, which were not said in a row.
    assert not same_statement(
        row(quote="we condemn … the attack on"), row(quote="condemn the attack")
    )
    day = "2023-07-27"
    assert same_statement(row(date=day, summary=said), row(date=day, summary=told))
    # Not the same: another stance, another day, no day at all, or no words in common.
    assert not same_statement(row(date=day, summary=said), row("FRA", "concern", day, "", told))
    assert not same_statement(row(date=day, summary=said), row(date="2023-07-28", summary=told))
    assert not same_statement(row(summary=said), row(summary=told))
    other = "Paris recalled its ambassador from Niamey."
    assert not same_statement(row(date=day, summary=said), row(date=day, summary=other))


def test_a_statement_one_article_reports_twice_is_one_row_before_articles_are_merged():
    text = f'ECOWAS condemned "{QUOTE}".\nLater, ECOWAS again condemned "{QUOTE}".\n'
    rows = rows_of([(text, "a.txt"), (text, "b.txt")])
    assert list(rows["actor_iso3"]) == ["ECOWAS"]
    notes = rows.iloc[0]["notes"]
    assert "the article reports it again (the same quote)" in notes
    assert "also reported by 1 more: b.txt" in notes


def test_each_article_keeps_its_own_day_and_the_date_given_fills_only_the_undated():
    dated = "published: 2023-07-28\n\nFrance on Thursday condemned the coup.\n"
    undated = "Germany on Thursday said it was worried.\n"
    rows = rows_of([(dated, "a.txt"), (undated, "b.txt")], date="2023-07-30")
    rows = rows.set_index("actor_iso3")
    assert (rows.loc["FRA", "reported"], rows.loc["FRA", "date"]) == ("2023-07-28", "2023-07-27")
    assert (rows.loc["DEU", "reported"], rows.loc["DEU", "date"]) == ("2023-07-30", "2023-07-27")


def article(n: int) -> str:
    """The n-th of twenty wire stories: each reports ECOWAS's statement and two governments of
    its own, some of them reported by another story too."""
    countries = ["Nigeria", "Ghana", "Senegal", "Chad", "Kenya", "Brazil", "Japan", "Canada"]
    first, second = countries[n % 8], countries[(n + 3) % 8]
    return (
        f"url: https://wire{n}.example/niger\npublisher: Wire {n}\npublished: 2023-07-28\n\n"
        f"NIAMEY, July 28 - Soldiers in Niger said they had removed the president.\n"
        f'ECOWAS said in a statement on Wednesday it condemned "{QUOTE}".\n'
        f"{first} on Thursday condemned the military takeover in Niger.\n"
        f"{second} said on Thursday it was deeply concerned and urged restraint.\n"
    )


def test_twenty_articles_draft_into_one_event(cli, events_env, tmp_path):
    folder = tmp_path / "wires"
    folder.mkdir()
    for n in range(20):
        (folder / f"{n:02d}-wire.txt").write_text(article(n), encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    code, _, err = cli("draft", str(folder), "--event-id", "niger-2023", "--target", "NER")
    assert code == 0, err
    assert "from 20 articles" in err and "merged" in err
    event = load_event("niger-2023")
    assert not event.problems, event.problems
    rows = pd.read_csv(events_env / "niger-2023" / "statements.csv", dtype=str).fillna("")
    # ECOWAS once; each government's condemnation and concern once (eight of each a day).
    governments = ["NGA", "GHA", "SEN", "TCD", "KEN", "BRA", "JPN", "CAN"]
    assert sorted(rows["actor_iso3"]) == sorted(["ECOWAS", *governments, *governments])
    (ecowas,) = rows[rows["actor_iso3"] == "ECOWAS"].to_dict("records")
    assert ecowas["source_url"] == "https://wire0.example/niger"
    assert all(f"wire{n}.example" in ecowas["notes"] for n in range(1, 20))
    assert set(rows["reported"]) == {"2023-07-28"}
    assert set(rows["date"]) == {"2023-07-26", "2023-07-27"}
    meta = tomllib.loads((events_env / "niger-2023" / "event.toml").read_text("utf-8"))
    assert [s["url"] for s in meta["sources"]] == [
        f"https://wire{n}.example/niger" for n in range(20)
    ]
    assert meta["date"] == "2023-07-28"


def test_several_articles_print_one_table_and_the_one_article_options_are_refused(cli, tmp_path):
    paths = []
    for name, text in WIRES:
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    code, out, err = cli("draft", *paths, "--target", "NER")
    assert code == 0, err
    assert out.count("ECOWAS") >= 1 and "3 articles" in err
    # --target takes codes up to the next option or article: the articles after it are articles.
    code, out_after, err = cli("draft", "--target", "NER", *paths)
    assert (code, out_after) == (0, out), err
    for option in ("--source-url", "--source-name"):
        code, _, err = cli("draft", *paths, option, "x")
        assert code == 2
        assert f"{option} names one article's source, but 3 articles were given" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = cli("draft", str(empty))
    assert code == 2 and "holds no article" in err and "empty" in err
    code, _, err = cli("draft", "-", "-", stdin="France condemned it.\n")
    assert code == 2 and "give - only once" in err
    code, _, err = cli("draft", paths[0], str(tmp_path / "missing.txt"))
    assert code == 1 and "missing.txt" in err


def test_the_worker_drafts_several_articles_within_its_time_limit():
    pool = Pool(size=1)
    try:
        done = pool.draft(seconds=60, articles=[(text, name) for name, text in WIRES])
        assert done.refused == ""
        assert list(done.draft.rows["actor_iso3"]).count("ECOWAS") == 1
        assert [s.source_url for s in done.sources] == [
            "https://a.example/niger",
            "https://b.example/niger",
            "https://c.example/niger",
        ]
        many = [(f"France condemned the coup {n}.\n" * 3_000, f"{n}.txt") for n in range(5)]
        stopped = pool.draft(seconds=0.01, articles=many)
        assert stopped.draft is None and stopped.refused.startswith("Stopped:")
    finally:
        while not pool.idle.empty():
            pool.idle.get().stop()


def test_paths_in_notes_are_file_names_only(tmp_path: Path):
    first = tmp_path / "deep" / "a.txt"
    rows = rows_of([(WIRES[0][1], str(first)), (WIRES[1][1], str(tmp_path / "b.txt"))])
    assert str(tmp_path) not in " ".join(rows["notes"])


def every_article() -> list[tuple[str, str]]:
    """Every article the project has (its test articles and the shared sources beside it)."""
    from test_draft import sources_or_skip

    repo = Path(__file__).resolve().parents[1]
    folders = [repo / "tests" / "data" / "draft" / n for n in ("edge", "heldout", "heldout2")]
    paths = [p for f in folders for p in sorted(f.glob("*")) if p.suffix in (".txt", ".html")]
    return [(p.read_text(encoding="utf-8"), p.name) for p in [*paths, *sources_or_skip()]]


def test_every_row_of_a_many_article_draft_reports_its_own_articles_day():
    from reactionmap.draft import draft_article, read_article

    articles = every_article()
    assert len(articles) >= 20
    alone: dict[tuple[str, str], str] = {}
    for text, name in articles:
        own = read_article(text, name).date or "2026-01-05"
        for row in draft_article(text, name=name, date=own).rows.to_dict("records"):
            # The article's own day on every row, unless the text dates it later (noted).
            assert row["reported"] == own or "reported left empty" in row["notes"], name
            alone[(row["actor_iso3"], row["summary"])] = row["reported"]
    rows = rows_of(articles, date="2026-01-05")
    for row in rows.to_dict("records"):
        assert row["reported"] == alone[(row["actor_iso3"], row["summary"])], row["summary"]
    assert rows["statement_id"].is_unique


def test_against_applies_to_every_article_of_a_many_article_draft(cli, tmp_path):
    from test_draft_relative import COUP

    paths = []
    for n in range(2):
        path = tmp_path / f"coup-{n}.txt"
        path.write_text(f"published: 2023-07-2{7 + n}\n\n" + COUP.format(how="supports"), "utf-8")
        paths.append(str(path))
    code, out, err = cli("draft", *paths, "--against", "NER", "--target", "NER")
    assert code == 0, err
    rows = pd.read_csv(io.StringIO(out), dtype=str, keep_default_na=False)
    usa = rows[rows["actor_iso3"] == "USA"]
    assert set(usa["stance"]) == {"condemn"} and all("stance turned" in n for n in usa["notes"])
