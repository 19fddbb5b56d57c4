"""The "Draft from an article" page through streamlit.testing (AppTest)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tomllib
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "app.py"
ARTICLE = (REPO / "tests" / "data" / "draft" / "edge" / "two-countries.txt").read_text("utf-8")


def draft_page(text: str = ARTICLE) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["event"] = "draft"
    at.run()
    at.text_area(key="draft_text").set_value(text).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def editor_rows(at: AppTest) -> pd.DataFrame:
    (editor,) = [d for d in at.dataframe if "statement_id" in d.value.columns]
    return editor.value


def test_the_page_proposes_rows_beside_their_marked_sentences(events_copy):
    at = draft_page()
    rows = editor_rows(at)
    assert set(rows["actor_iso3"]) == {"DEU", "ITA", "FRA", "ESP", "POL", "HUN"}
    html = " ".join(h.proto.body for h in at.get("html"))
    assert '<mark class="rm-actor">Germany</mark>' in html
    assert '<mark class="rm-stance">condemned</mark>' in html
    # The save button waits for an event id.
    (save,) = [b for b in at.button if b.label.startswith("Save")]
    assert save.disabled


def test_html_in_an_article_is_shown_as_text(events_copy):
    at = draft_page('France condemned the <img src=x onerror="alert(1)"> raid.\n')
    html = " ".join(h.proto.body for h in at.get("html"))
    assert "<img" not in html and "&lt;img" in html


def test_save_creates_the_event_and_opens_its_map(events_copy):
    at = draft_page()
    at.date_input(key="draft_date").set_value(dt.date(2026, 1, 4))
    at.text_input(key="draft_event_id").set_value("strikes-2026").run()
    (save,) = [b for b in at.button if b.label.startswith("Save")]
    assert not save.disabled
    save.click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="event_pick").value == "strikes-2026"
    assert any(s.value.startswith("Created strikes") for s in at.success)
    assert at.get("plotly_chart"), "the event's map is drawn"
    meta = tomllib.loads((events_copy / "strikes-2026" / "event.toml").read_text("utf-8"))
    assert meta["date"] == "2026-01-04"
    written = pd.read_csv(events_copy / "strikes-2026" / "statements.csv", dtype=str)
    assert len(written) == 6


def test_a_bad_event_id_is_refused_on_the_page(events_copy):
    at = draft_page()
    at.text_input(key="draft_event_id").set_value("../elsewhere").run()
    assert any("not allowed" in e.value for e in at.error)
    assert not (events_copy.parent / "elsewhere").exists()


def test_the_dashboard_never_imports_the_drafter():
    """The drafter (and spaCy) load only when its page opens: the dashboard's memory stays put."""
    code = (
        "import sys\n"
        "from streamlit.testing.v1 import AppTest\n"
        f"at = AppTest.from_file({str(APP)!r}, default_timeout=60).run()\n"
        "assert not at.exception\n"
        "loaded = sorted(m for m in sys.modules if m == 'spacy' or m.startswith('reactionmap.draft'))\n"
        "print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=180, cwd=REPO
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_adding_to_an_event_names_its_parties_not_yet_coded_party(events_copy):
    at = draft_page()
    at.text_input(key="draft_event_id").set_value("venezuela-2026-01").run()
    assert any("USA, VEN" in w.value for w in at.warning)
    at.multiselect(key="draft_targets").set_value(["USA", "VEN"]).run()
    assert not any("parties" in w.value for w in at.warning)


def test_several_pasted_articles_make_one_table_saved_with_every_source(events_copy):
    from tests.test_draft_many import WIRES

    at = draft_page(WIRES[0][1])
    at.number_input(key="draft_pasted").set_value(3).run()
    at.text_area(key="draft_text_2").set_value(WIRES[1][1])
    at.text_area(key="draft_text_3").set_value(WIRES[2][1]).run()
    assert not at.exception, [e.value for e in at.exception]
    rows = editor_rows(at)
    assert list(rows["actor_iso3"]).count("ECOWAS") == 1  # three reports, one row
    assert set(rows["source_url"]) == {"https://a.example/niger", "https://b.example/niger"}
    assert at.text_input(key="draft_url").disabled  # one article's option: not for three
    at.text_input(key="draft_event_id").set_value("niger-2023").run()
    (save,) = [b for b in at.button if b.label.startswith("Save")]
    save.click().run()
    assert not at.exception, [e.value for e in at.exception]
    meta = tomllib.loads((events_copy / "niger-2023" / "event.toml").read_text("utf-8"))
    assert [s["name"] for s in meta["sources"]] == ["A Wire", "B News", "C Daily"]
    assert meta["date"] == "2023-07-27"  # the earliest article's day
    written = pd.read_csv(events_copy / "niger-2023" / "statements.csv", dtype=str)
    assert set(written["reported"]) == {"2023-07-27", "2023-07-28"}  # each article's own


def test_taken_against_turns_support_for_the_side_hit_and_is_saved_among_the_parties(
    events_copy,
):
    from tests.test_draft_relative import COUP

    at = draft_page(COUP.format(how="supports"))
    usa = editor_rows(at).set_index("actor_iso3").loc["USA"]
    assert usa["stance"] == "support" and "stance turned" not in usa["notes"]
    at.multiselect(key="draft_against").set_value(["NER"]).run()
    assert not at.exception, [e.value for e in at.exception]
    rows = editor_rows(at).set_index("actor_iso3")
    assert rows.loc["USA", "stance"] == "condemn" and "stance turned" in rows.loc["USA", "notes"]
    at.text_input(key="draft_event_id").set_value("niger-coup").run()
    (save,) = [b for b in at.button if b.label.startswith("Save")]
    save.click().run()
    assert not at.exception, [e.value for e in at.exception]
    meta = tomllib.loads((events_copy / "niger-coup" / "event.toml").read_text("utf-8"))
    assert [p["iso3"] for p in meta["parties"]] == ["NER"]  # whom it was taken against


def test_taken_against_reaches_every_article_of_several(events_copy):
    from tests.test_draft_relative import COUP

    at = draft_page(COUP.format(how="supports"))
    at.number_input(key="draft_pasted").set_value(2).run()
    other = "published: 2023-07-28\n\n" + COUP.format(how="stands with")
    at.text_area(key="draft_text_2").set_value(other)
    at.multiselect(key="draft_against").set_value(["NER"]).run()
    assert not at.exception, [e.value for e in at.exception]
    usa = editor_rows(at).query("actor_iso3 == 'USA'")
    assert len(usa) >= 1 and set(usa["stance"]) == {"condemn"}
