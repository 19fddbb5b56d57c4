"""Comparing two events: the change rules on every pair of every preset scale, the table, the
cross-table, the change map's rows and hover, and `reactionmap compare` (text, CSV, errors)."""

from __future__ import annotations

import csv
import io
import itertools

import pytest
from conftest import row, write_event

from reactionmap.contract.scale import (
    DEFAULT_SCALE,
    DISAGREE_KEY,
    NO_STATEMENT_KEY,
    SCALE_PRESETS,
    VOTE_SCALE,
)
from reactionmap.draw import compare_map, map_legend
from reactionmap.intake.events import load_event
from reactionmap.places.boundaries import GEOJSON_URL, country_table, load_markers
from reactionmap.view import compare

A, B = "venezuela-2026-01", "soleimani-2020-01"

# Every pair of the vote scale (with 'Sources disagree' and 'No statement recorded'), written
# out by hand: rows the stance in A, columns the stance in B, in the order of KEYS.
VOTE_KEYS = ("yes", "no", "abstain", "absent", DISAGREE_KEY, NO_STATEMENT_KEY)
VOTE_GRID = """
yes      same    harder  harder  changed changed only_a
no       softer  same    softer  changed changed only_a
abstain  softer  harder  same    changed changed only_a
absent   changed changed changed same    changed only_a
disagree changed changed changed changed changed only_a
none     only_b  only_b  only_b  only_b  only_b  none
"""


def test_every_pair_of_the_vote_scale_is_as_written():
    for line in VOTE_GRID.strip().splitlines():
        stance_a, *expected = line.split()
        for stance_b, want in zip(VOTE_KEYS, expected, strict=True):
            got = compare.change(stance_a, stance_b, VOTE_SCALE, VOTE_SCALE)
            assert got == want, (stance_a, stance_b)


@pytest.mark.parametrize("name", sorted(SCALE_PRESETS))
def test_every_pair_of_every_preset_follows_its_order(name):
    """Harder is later in the scale's order, softer earlier; a stance outside the order ('party',
    'absent', 'disagree') is never harder or softer; the rules are symmetric."""
    scale = SCALE_PRESETS[name]
    order = compare.order_of(scale)
    assert order and set(order) < set(scale.keys)
    keys = [c.key for c in scale.with_none]
    for x, y in itertools.product(keys, keys):
        got = compare.change(x, y, scale, scale)
        back = compare.change(y, x, scale, scale)
        if NO_STATEMENT_KEY in (x, y):
            want = {
                (True, True): NO_STATEMENT_KEY,
                (False, True): compare.ONLY_A,
                (True, False): compare.ONLY_B,
            }[(x == NO_STATEMENT_KEY, y == NO_STATEMENT_KEY)]
        elif x == y and x != DISAGREE_KEY:
            want = compare.SAME
        elif x in order and y in order:
            want = compare.HARDER if order.index(y) > order.index(x) else compare.SOFTER
        else:
            want = compare.CHANGED
        assert got == want, (x, y)
        flip = {compare.HARDER: compare.SOFTER, compare.SOFTER: compare.HARDER}
        flip |= {compare.ONLY_A: compare.ONLY_B, compare.ONLY_B: compare.ONLY_A}
        assert back == flip.get(got, got), (x, y)


def test_the_default_order_is_the_issues():
    assert compare.order_of(DEFAULT_SCALE) == ("support", "neutral", "concern", "condemn")
    assert compare.order_of(VOTE_SCALE) == ("yes", "abstain", "no")
    assert compare.change("support", "condemn", DEFAULT_SCALE, DEFAULT_SCALE) == compare.HARDER
    assert compare.change("condemn", "concern", DEFAULT_SCALE, DEFAULT_SCALE) == compare.SOFTER
    assert compare.change("party", "condemn", DEFAULT_SCALE, DEFAULT_SCALE) == compare.CHANGED


def test_two_different_scales_compare_only_as_is():
    """A default-scale event against a vote: a country in both is 'changed, not comparable'
    whatever its stances, since no mapping between the scales is made up."""
    for x, y in itertools.product(DEFAULT_SCALE.keys, VOTE_SCALE.keys):
        assert compare.change(x, y, DEFAULT_SCALE, VOTE_SCALE) == compare.CHANGED
        assert compare.change(y, x, VOTE_SCALE, DEFAULT_SCALE) == compare.CHANGED
    assert compare.change("yes", NO_STATEMENT_KEY, VOTE_SCALE, DEFAULT_SCALE) == compare.ONLY_A


@pytest.fixture(scope="module")
def shipped():
    a, b = load_event(A), load_event(B)
    return a, b, compare.compare_table(a, b)


def test_every_actor_of_both_events_is_in_the_table_once_with_both_stances(shipped):
    a, b, table = shipped
    # An actor is its code; someone who speaks for no government, its code and name.
    keys = table["iso3"].where(table["kind"] != "other", table["iso3"] + ":" + table["name"])
    assert not keys.duplicated().any()
    for event, column in ((a, "stance_a"), (b, "stance_b")):
        own = compare._side(event, None)
        assert len(own) == own["key"].nunique()
        for record in own.itertuples():
            found = table[keys == record.key]
            assert len(found) == 1, record.name
            assert found[column].iloc[0] == record.stance
    spoke_in = set(compare._side(a, None)["key"]) | set(compare._side(b, None)["key"])
    assert len(table) == len(spoke_in)
    # Known rows, read from the two events' files.
    brazil = table.set_index("iso3").loc["BRA"]
    assert (brazil["stance_a"], brazil["stance_b"], brazil["change"]) == (
        "condemn", "support", compare.SOFTER,
    )  # fmt: skip
    assert "apoio à luta contra o flagelo do terrorismo" in brazil["statement_b"]
    assert table.set_index("iso3").loc["AFG", "change"] == compare.ONLY_B
    assert table.set_index("iso3").loc["ARG", "change"] == compare.ONLY_A
    # Organizations are kept, apart from the countries.
    assert set(compare.apart(table)["iso3"]) >= {"EU", "UN", "NATO"}
    assert not compare.countries(table)["iso3"].isin(["EU", "UN", "NATO"]).any()


def test_the_cross_table_holds_every_country_once(shipped):
    a, b, table = shipped
    cross = compare.cross_table(table, a.scale, b.scale)
    assert list(cross.index) == [c.label for c in a.scale.with_none]
    assert list(cross.columns) == [c.label for c in b.scale.with_none]
    names = [n for cell in cross.to_numpy().ravel() for n in cell.names]
    assert sorted(names) == sorted(compare.countries(table)["name"])
    assert cross.loc["Condemned", "Supported"].names == ("Brazil",)
    text = compare.cross_text(cross)
    assert text.loc["Condemned", "Supported"] == "1: Brazil"
    assert sum(compare.change_counts(table).values()) == len(compare.countries(table))


def test_the_cross_table_html_escapes_names_and_lists_every_cell(shipped):
    from reactionmap.draw.crosstable import cross_html
    from reactionmap.view.compare import CrossCell

    a, b, table = shipped
    cross = compare.cross_table(table, a.scale, b.scale)
    page = cross_html(cross, "Rows: A")
    assert page.count("<tr>") == 1 + len(cross)
    assert page.count("<td>") + page.count("<td></td>") >= cross.size
    for name in compare.countries(table)["name"]:
        assert name in page, name
    cross.iloc[0, 0] = CrossCell(1, ("<b>Evil</b>",))
    assert "&lt;b&gt;Evil&lt;/b&gt;" in cross_html(cross, "<x>") and "<b>Evil" not in cross_html(
        cross, "x"
    )


def test_the_change_map_rows_and_hover(shipped):
    a, b, table = shipped
    rows = compare_map.change_rows(table, country_table(), (a.scale, b.scale)).set_index("iso3")
    countries = compare.countries(table).set_index("iso3")
    drawn = countries.index.intersection(rows.index)
    assert (rows.loc[drawn, "stance"] == countries.loc[drawn, "change"]).all()
    assert (rows.loc[rows.index.difference(countries.index), "stance"] == NO_STATEMENT_KEY).all()
    brazil = rows.loc["BRA", "hover"]
    assert "Softer in B" in brazil and "A: <b>Condemned</b>" in brazil
    assert "B: <b>Supported</b>" in brazil and "law of the strongest" in brazil
    afghanistan = rows.loc["AFG", "hover"]
    assert "Only in B" in afghanistan and "A: " not in afghanistan
    figure = compare_map.change_figure(rows.reset_index(), load_markers(), GEOJSON_URL)
    legend = [t.name for t in figure.data if t.showlegend]
    counts = compare.change_counts(table)
    for key, label in compare_map.LEGEND_LABELS.items():
        assert any(n.replace("<br>", " ").startswith(label) for n in legend), label
        assert any(n.endswith(f"({counts[key]})") for n in legend if label[:12] in n)
    assert not any("Sources disagree" in n for n in legend)
    assert legend[-1].startswith("No statement recorded (")


def test_change_colours_differ_from_each_other():
    colours = list(compare_map.COLORS.values())
    assert len(set(colours)) == len(colours) == len(compare.CHANGES)


# ---- the command line --------------------------------------------------------------------------
def test_cli_csv_lists_every_country_with_both_stances(cli, shipped):
    a, b, table = shipped
    code, out, err = cli("compare", A, B, "--format", "csv", binary=True)
    assert code == 0, err
    assert out == compare.compare_csv(table)
    rows = list(csv.DictReader(io.StringIO(out.decode("utf-8"))))
    assert list(rows[0]) == list(compare.COMPARE_COLUMNS)
    countries = {r["iso3"]: r for r in rows if r["kind"] == "country"}
    own_a = compare._side(a, None)
    own_b = compare._side(b, None)
    for side, column in ((own_a, "stance_a"), (own_b, "stance_b")):
        for record in side[side["kind"] == "country"].itertuples():
            assert countries[record.iso3][column] == record.stance
    for r in rows:
        assert r["stance_a"] and r["stance_b"] and r["change"] in compare.CHANGES
        assert (r["stance_a"] == NO_STATEMENT_KEY) == (r["statement_a"] == "") or r["stance_a"] in (
            "party",
        )


def test_cli_text_is_a_readable_table(cli, shipped):
    a, b, table = shipped
    code, out, err = cli("compare", A, B)
    assert code == 0, err
    assert out.startswith(f"A: {A}: {a.title}")
    lines = out.splitlines()
    for record in table.itertuples():
        assert any(line.startswith(record.name + " ") for line in lines), record.name
    brazil = next(line for line in lines if line.startswith("Brazil "))
    assert brazil.split() == [
        "Brazil", "country", "Condemned", "Supported", "Softer", "in", "B",
    ]  # fmt: skip


def test_cli_unknown_event_names_the_known_ones(cli):
    code, out, err = cli("compare", A, "no-such-event")
    assert code == 2
    assert "'no-such-event'" in err and A in err and B in err


def test_cli_an_event_against_a_vote(cli, events_env):
    """A statements event against a UN vote: every country of both, compared as is."""
    write_event(events_env, "talk", [
        row(statement_id="1", actor="France", stance="condemn", quote="Non."),
        row(statement_id="2", actor="Brazil", stance="support", summary="Backed it."),
    ])  # fmt: skip
    vote_toml = 'id = "vote"\ntitle = "A vote"\ndate = "2026-03-02"\n' + "".join(
        f'[[scale]]\nkey = "{c.key}"\nlabel = "{c.label}"\ncolor = "{c.color}"\n'
        for c in VOTE_SCALE.categories
    )
    write_event(events_env, "vote", [
        row(statement_id="1", actor="France", stance="yes"),
        row(statement_id="2", actor="Chile", stance="absent"),
    ], vote_toml)  # fmt: skip
    code, out, err = cli("compare", "talk", "vote", "--format", "csv")
    assert code == 0, err
    rows = {r["iso3"]: r for r in csv.DictReader(io.StringIO(out))}
    assert set(rows) == {"FRA", "BRA", "CHL"}
    assert (rows["FRA"]["stance_a"], rows["FRA"]["stance_b"], rows["FRA"]["change"]) == (
        "condemn", "yes", "changed",
    )  # fmt: skip
    assert rows["BRA"]["change"] == "only_a" and rows["CHL"]["change"] == "only_b"
    assert rows["FRA"]["statement_a"] == "“Non.”"
    code, out, err = cli("compare", "vote", "vote")
    assert code == 0 and "Same stance                  2 countries" in out


def test_cli_a_row_left_out_is_reported(cli, events_env):
    """A row the intake refuses (a formula) is named on standard error, never dropped silently."""
    write_event(events_env, "x", [row(statement_id="1", actor="France", stance="condemn",
                                      summary="=HYPERLINK(1)")])  # fmt: skip
    write_event(events_env, "y", [row(statement_id="1", actor="France", stance="condemn")])
    code, out, err = cli("compare", "x", "y", "--format", "csv")
    assert code == 1
    assert "x: comparing 0 of 1 row(s); 1 problem(s):" in err
    assert "FRA,France,country,none,condemn,only_b" in out


def test_change_labels_take_one_legend_line_even_on_a_phone():
    """A label of three lines outgrows the legend's reckoned room on a phone, and plotly then
    squeezes the map upside down (seen in Chromium at 390 px)."""
    from reactionmap.draw import frame

    for label in compare_map.LEGEND_LABELS.values():
        assert len(map_legend.legend_lines(f"{label} (999)", frame.map_width(True))) == 1


@pytest.mark.parametrize("phone", [False, True])
def test_the_change_map_is_a_valid_plotly_figure(shipped, phone):
    """The figure is built without plotly's validation (draw.style.unchecked_figure): check it."""
    import plotly.graph_objects as go

    from reactionmap.draw import frame

    a, b, table = shipped
    rows = compare_map.change_rows(table, country_table(), (a.scale, b.scale))
    figure = compare_map.change_figure(
        rows, load_markers(), GEOJSON_URL, narrow=phone, width=frame.map_width(phone), phone=phone
    )
    go.Figure(figure.to_dict())  # raises ValueError on any invalid property
