"""The upload page with the tables people really have (AppTest): a words-only vote table, the
UN voting file, values no scale reads, and columns with names of their own. Votes are made up."""

from __future__ import annotations

import csv
import io
import itertools
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from reactionmap.contract.scale import DEFAULT_SCALE, VOTE_SCALE
from reactionmap.intake.unvotes import LAYOUT_2026

APP = Path(__file__).resolve().parents[1] / "app.py"
NAMES = Path(__file__).parent / "data" / "un_official_names.csv"
MEMBERS = pd.read_csv(NAMES, dtype=str, keep_default_na=False).query("status == 'member'")
WORDS = ["In favour", "Against", "Abstention", "Non-voting"]
WORD_KEYS = dict(zip(WORDS, ["yes", "no", "abstain", "absent"], strict=True))


def words_table() -> tuple[str, dict[str, str]]:
    """A "Member State,Vote" table of all 193 members in the UN's spelling, made-up votes."""
    out, expected = io.StringIO(), {}
    writer = csv.writer(out)
    writer.writerow(["Member State", "Vote"])
    for (name, code), word in zip(
        zip(MEMBERS["name"], MEMBERS["iso3"], strict=True), itertools.cycle(WORDS), strict=False
    ):
        writer.writerow([name, word])
        expected[code] = WORD_KEYS[word]
    return out.getvalue(), expected


def upload_page(text: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=90)
    at.query_params["event"] = "upload"
    at.run()
    at.sidebar.text_area[0].input(text).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def stance_keys(at: AppTest) -> dict[str, str]:
    tables = [d.value for d in at.dataframe if {"actor_iso3", "stance"} <= set(d.value.columns)]
    assert len(tables) == 1
    labels = {c.label: c.key for c in VOTE_SCALE.categories}
    return {c: labels[s] for c, s in zip(tables[0]["actor_iso3"], tables[0]["stance"], strict=True)}


def charts(at: AppTest) -> list[str]:
    return [c.proto.id or "" for c in at.get("plotly_chart")]


def test_words_vote_table_maps_all_193_members_with_no_click():
    text, expected = words_table()
    at = upload_page(text)
    assert not at.error, [e.value for e in at.error]
    assert stance_keys(at) == expected  # every member, on its own code, with its own vote
    assert any("Detected Vote" in c.value and "193 of 193" in c.value for c in at.caption)
    html = "".join(h.value for h in at.get("html"))
    assert "rm-card" not in html  # no empty cards
    assert len(at.get("plotly_chart")) == 2  # the tally and the map; no timeline
    captions = " ".join(c.value for c in at.caption)
    assert "date not given" in captions.lower() and "as of" not in captions.lower()
    assert "as_of" not in at.query_params
    # One vote per member: no "Sources disagree" among the stances to filter by.
    assert "Sources disagree" not in at.pills[0].options and "No" in at.pills[0].options


def un_file(non_voting: str = "X") -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(LAYOUT_2026))
    writer.writeheader()
    members = [("FRA", "FRANCE", "Y"), ("USA", "UNITED STATES", "N"), ("IND", "INDIA", "A"),
               ("BEN", "BENIN", non_voting), ("SUN", "UNION OF SOVIET SOCIALIST REPUBLICS", "N")]  # fmt: skip
    for symbol, date in (("A/RES/40/901", "1985-12-10"), ("A/RES/39/901", "1984-12-10")):
        for code, name, vote in members:
            writer.writerow(
                {
                    "undl_id": "1",
                    "ms_code": code,
                    "ms_name": name,
                    "ms_vote": vote,
                    "date": date,
                    "resolution": symbol,
                    "title": "MADE-UP TEST VOTE : resolution / adopted by the General Assembly",
                    "undl_link": "https://digitallibrary.un.org/record/1",
                }  # fmt: skip
            )
    return out.getvalue()


def test_un_voting_file_maps_the_newest_resolution_and_lists_former_members():
    at = upload_page(un_file())
    assert not at.error, [e.value for e in at.error]
    assert at.selectbox[0].value == "A/RES/40/901"  # the newest, chosen with no click
    assert stance_keys(at) == {
        "FRA": "yes", "USA": "no", "IND": "abstain", "BEN": "absent", "SUN": "no"
    }  # fmt: skip
    warned = " ".join(w.value for w in at.warning)
    assert "not on today's map" in warned.lower() and "SUN" in warned
    assert any("10 December 1985" in c.value for c in at.caption)
    assert len(at.get("plotly_chart")) == 2  # the tally and the map; a one-day vote has no timeline
    assert "rm-card" not in "".join(h.value for h in at.get("html"))


def test_values_no_scale_reads_get_a_table_to_map_them():
    at = upload_page("Country,Position\nFrance,Maybe\nGermany,Perhaps\nSpain,Maybe\n")
    editors = [d.value for d in at.dataframe if list(d.value.columns) == ["value", "rows", "key"]]
    assert editors, "a value -> stance table is offered"
    assert at.error  # until mapped, 'Maybe' and 'Perhaps' are problems, grouped
    problems = [d.value for d in at.dataframe if "problem" in d.value.columns][0]
    maybe = problems[problems["value"] == "Maybe"].iloc[0]
    assert maybe["rows"] == 2 and maybe["row numbers"] == "2, 4"


def test_the_reader_chooses_the_columns():
    at = upload_page("Nation,Verdict,Who\nFrance,condemn,x\nGermany,support,y\n")
    actor, stance = at.selectbox[0], at.selectbox[1]
    assert actor.value is None and stance.value is None
    actor.set_value("Nation").run()
    at.selectbox[1].set_value("Verdict").run()
    assert not at.exception
    tables = [d.value for d in at.dataframe if {"actor_iso3", "stance"} <= set(d.value.columns)]
    assert set(tables[0]["actor_iso3"]) == {"FRA", "DEU"}


def test_cards_only_for_rows_with_words():
    at = upload_page("actor,stance,quote\nFrance,condemn,Non.\nGermany,concern,\nSpain,support,\n")
    html = "".join(h.value for h in at.get("html"))
    assert html.count("data-iso3=") == 1 and 'data-iso3="FRA"' in html
    assert {"FRA", "DEU", "ESP"} <= set(
        next(d.value for d in at.dataframe if "actor_iso3" in d.value.columns)["actor_iso3"]
    )  # every row is still in the table


def test_an_imported_undated_vote_folder_claims_no_date(cli, tmp_path, events_env):
    text, expected = words_table()
    source = tmp_path / "votes.csv"
    source.write_text(text, encoding="utf-8")
    assert cli("import", str(source), "--event-id", "vote")[0] == 0
    at = AppTest.from_file(str(APP), default_timeout=90)
    at.query_params["event"] = "vote"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert stance_keys(at) == expected
    captions = " ".join(c.value for c in at.caption)
    assert captions.startswith("Date not given") and "as of" not in captions.lower()
    assert not at.slider  # no As of
    assert len(at.get("plotly_chart")) == 2  # tally and map, no timeline
    assert "as_of" not in at.query_params


# ---- tables in French and Spanish: headers and words from data/words ---------------------------
FRENCH_UN = {"France": "Oui", "Allemagne": "Oui", "Inde": "Abstention", "Brésil": "Oui",
             "Fédération de Russie": "Non", "Chine": "Abstention", "Afrique du Sud": "Abstention",
             "Japon": "Oui", "Mexique": "Oui", "Égypte": "Non"}  # fmt: skip
SPANISH_UN = {"Francia": "Sí", "Alemania": "Sí", "India": "Abstención", "Brasil": "Sí",
              "Rusia": "No", "China": "Abstención", "Sudáfrica": "Abstención", "Japón": "Sí",
              "México": "Sí", "Egipto": "No"}  # fmt: skip
CODES = ["FRA", "DEU", "IND", "BRA", "RUS", "CHN", "ZAF", "JPN", "MEX", "EGY"]
VOTE_KEYS = {"Oui": "yes", "Non": "no", "Abstention": "abstain",
             "Sí": "yes", "No": "no", "Abstención": "abstain"}  # fmt: skip


def table_text(header: str, rows: dict[str, str]) -> str:
    return header + "\n" + "".join(f"{name},{word}\n" for name, word in rows.items())


def layout(at: AppTest) -> list[str]:
    """The main area's elements in the order a reader sees them: the editable table as
    "editor", the value -> stance table as "values", the map as "map"."""
    found: list[str] = []

    def walk(node) -> None:
        for child in getattr(node, "children", {}).values():
            key = str(getattr(child, "key", "") or "")
            if child.type == "plotly_chart":
                found.append("map" if child.proto.id and "map" in child.proto.id else "chart")
            elif child.type == "dataframe" and key.startswith("editor-"):
                found.append("editor")
            elif child.type == "dataframe" and key.startswith("values|"):
                found.append("values")
            elif child.type == "dataframe":
                found.append("problems" if "problem" in child.value.columns else "table")
            elif child.type == "selectbox":
                found.append("picker")
            walk(child)

    walk(at.main)
    return found


@pytest.mark.parametrize(
    ("header", "rows"), [("Pays,Vote", FRENCH_UN), ("País,Voto", SPANISH_UN)], ids=["fr", "es"]
)
def test_french_and_spanish_un_style_vote_tables_map_with_no_step(header, rows):
    at = upload_page(table_text(header, rows))
    assert not at.error, [e.value for e in at.error]
    actor, stance = header.split(",")
    assert (at.selectbox[0].value, at.selectbox[1].value) == (actor, stance)
    assert at.radio[0].value == "vote"
    assert any("Detected Vote" in c.value and "10 of 10" in c.value for c in at.caption)
    assert "values" not in layout(at)  # no value left to map by hand
    expected = {code: VOTE_KEYS[word] for code, word in zip(CODES, rows.values(), strict=True)}
    assert stance_keys(at) == expected
    assert len(at.get("plotly_chart")) == 2  # the tally and the map


def test_a_spanish_reactions_table_maps_on_the_default_scale():
    text = (
        "País,Reacción,date\n"
        "Rusia,Condena,2026-01-03\nBrasil,condenó,2026-01-03\nMéxico,Preocupación,2026-01-04\n"
        "Argentina,Apoyo,2026-01-03\nIndia,neutral,2026-01-04\n"
    )
    at = upload_page(text)
    assert not at.error and not at.warning, [e.value for e in [*at.error, *at.warning]]
    assert at.radio[0].value == "default"
    assert any("Detected Reactions" in c.value and "5 of 5" in c.value for c in at.caption)
    table = next(d.value for d in at.dataframe if {"actor_iso3", "stance"} <= set(d.value.columns))
    labels = {c.label: c.key for c in DEFAULT_SCALE.categories}
    stances = {c: labels[s] for c, s in zip(table["actor_iso3"], table["stance"], strict=True)}
    assert stances == {
        "RUS": "condemn", "BRA": "condemn", "MEX": "concern", "ARG": "support", "IND": "neutral"
    }  # fmt: skip


def test_the_map_comes_after_the_choices_and_before_the_problems_and_the_table():
    at = upload_page("Pays,Vote,Commentaire\nFrance,Oui,\nKorea,Non,\nInde,Maybe,\n")
    order = layout(at)
    assert order[:2] == ["picker", "picker"]
    assert order.index("values") < order.index("map") < order.index("problems")
    assert order.index("problems") < order.index("editor") < order.index("table")


def test_problems_are_said_in_the_readers_words_with_their_rows_and_columns():
    at = upload_page("Pays,Vote,Commentaire\nFrance,Oui,\nKorea,Non,\nInde,Maybe,\nChine,Maybe,\n")
    summary = " ".join(e.value for e in at.error)
    assert summary.startswith("3 of 4 rows are not on the map yet")
    problems = next(d.value for d in at.dataframe if "problem" in d.value.columns)
    by_value = {row["value"]: row for row in problems.to_dict("records")}
    maybe = by_value["Maybe"]
    assert maybe["problem"] == (
        "'Maybe' is not a stance this scale reads: choose its stance in the table above, or fix "
        "the cell"
    )
    assert (maybe["column"], maybe["row numbers"]) == ("Vote", "4, 5")
    korea = by_value["Korea"]
    assert korea["problem"].startswith("'Korea' could be KOR (") and "PRK (" in korea["problem"]
    assert (korea["column"], korea["row"]) == ("Pays", 3)
    assert by_value["Commentaire"]["problem"].startswith("'Commentaire' is not used")
    # No contract words: no "required column", no "actor", no file's list of columns.
    text = " ".join(problems["problem"]) + " ".join(problems["column"])
    assert "actor" not in text and "statement_id" not in text


def test_a_column_the_header_does_not_name_is_asked_for():
    at = upload_page("Nation,Verdict\nFrance,condemn\n")
    problems = next(d.value for d in at.dataframe if "problem" in d.value.columns)
    assert "Choose the column that holds the countries" in set(problems["problem"])
    assert "Choose the column that holds the stance (or the vote)" in set(problems["problem"])
    assert any("No statement to map yet" in w.value for w in at.warning)
