"""A new view is cut from work kept per event: it must be exactly what working it out afresh gives."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import plotly.io as pio
import plotly.tools
import pytest

from reactionmap.draw import cards, choropleth, frame, map_hover, timeline
from reactionmap.intake.events import list_events, load_event
from reactionmap.pages import caches
from reactionmap.places import boundaries
from reactionmap.view import compose, memo
from reactionmap.view.state import ViewState

COUNTRIES = boundaries.country_table()
REGIONS = ["", *sorted(COUNTRIES["region"].dropna().unique())]


def views(event):
    """Every region with every stance shown, every stance shown alone (the world), on the
    event's last day and on each day a statement counts from, members shaded or not."""
    keys = sorted(set(event.statements["stance"])) + ["none"]
    days = [None, *sorted(set(event.statements["when"].dt.normalize()))[:4]]
    inherit = tuple(compose.organizations_in(event.statements))
    chosen = [(tuple(keys), region, None, ()) for region in REGIONS]
    chosen += [((k,), "", None, ()) for k in keys]
    chosen += [(tuple(keys), "", day, shaded) for day in days for shaded in ((), inherit)]
    for stances, region, day, shaded in chosen:
        state = ViewState(as_of=day, stances=stances, region=region, inherit=shaded)
        yield compose.compose(event, state, countries=COUNTRIES, cards_with_words=True)


@pytest.mark.parametrize("event_id", list_events())
def test_every_views_cards_are_the_ones_made_from_its_own_statements(event_id):
    """Cut from everyone's order and rows (cards.actor_cards with ``everyone``): the same HTML,
    in the same order, with and without a selected country (its card first)."""
    event = load_event(event_id)
    for view in views(event):
        page = view.page
        for selected in ("", *page.cards["actor_iso3"].unique()[:3]):
            for rows in (page.cards, page.organization_cards):
                assert cards.actor_cards(
                    rows, event.scale, selected, everyone=event.statements
                ) == cards.actor_cards(rows, event.scale, selected)


@pytest.mark.parametrize("event_id", list_events())
def test_every_views_timeline_is_the_one_drawn_from_its_own_statements(event_id):
    """Its dots' words and places looked up in everyone's (view.memo): the same figure."""
    event = load_event(event_id)
    for view in views(event):
        rows, as_of = view.page.timeline, view.state.as_of
        kept = timeline.timeline_spec(
            rows, event.milestones, event.scale, as_of, everyone=event.statements
        )
        memo.clear()
        assert kept == timeline.timeline_spec(rows, event.milestones, event.scale, as_of)


@pytest.mark.parametrize("event_id", list_events())
def test_every_countrys_hover_is_its_own(event_id):
    """A hover text is written once per row's words (map_hover.with_hover): every country of
    every view reads the text hover_text writes for its own row, never another's."""
    event = load_event(event_id)
    for view in views(event):
        rows = view.map_rows
        expected = [map_hover.hover_text(row, event.scale) for row in rows.to_dict("records")]
        assert map_hover.with_hover(rows, event.scale)["hover"].tolist() == expected


def sent_json(figure) -> dict:
    """What st.plotly_chart puts in its message for ``figure``."""
    spec = plotly.tools.return_figure_from_figure_or_data(figure, validate_figure=True)
    return json.loads(pio.to_json(spec, validate=False))


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("phone", [False, True])
def test_a_sent_figure_is_the_json_plotly_sends(venezuela_event, region, phone):
    """The dashboard hands Streamlit its figures as dicts (caches.SentFigure): the message
    holds the very JSON a go.Figure of them gives, typed arrays included."""
    event = venezuela_event
    keys = tuple(c.key for c in event.scale.with_none)
    view = compose.compose(event, ViewState(stances=keys[1:], region=region), countries=COUNTRIES)

    def map_spec():
        return choropleth.map_spec(
            map_hover.with_hover(view.map_rows, event.scale),
            event.scale,
            boundaries.load_markers(),
            boundaries.GEOJSON_URL,
            "BRA",
            frame=view.frame,
            shown_keys=keys[1:],
            narrow=view.narrow(phone),
            width=frame.map_width(phone),
            phone=phone,
        )

    def timeline_spec():
        return timeline.timeline_spec(
            view.page.timeline, event.milestones, event.scale, view.state.as_of
        )

    for make in (map_spec, timeline_spec):
        sent = sent_json(caches.SentFigure(make()))
        assert sent == sent_json(go.Figure(make(), _validate=False))
    assert any("bdata" in json.dumps(t.get("z", "")) for t in sent_json(
        caches.SentFigure(map_spec()))["data"])  # fmt: skip


def test_a_kept_result_is_one_per_key_shared_and_the_oldest_goes_first():
    calls: list[tuple] = []

    @caches.kept(max_entries=2)
    def made(key: str, _data: object, state: ViewState, also: tuple = ()) -> object:
        calls.append((key, state, also))
        return object()

    first = made("event:a", [1], ViewState(region="Europe"))
    assert made("event:a", [2], ViewState(region="Europe")) is first  # _data is not the key
    assert made("event:a", [1], state=ViewState(region="Europe")) is first  # however passed
    assert made("event:b", [1], ViewState(region="Europe")) is not first  # another content
    assert made("event:a", [1], ViewState(region="Asia")) is not first  # another view
    assert made("event:a", [1], ViewState(region="Europe")) is not first  # dropped: 2 kept
    assert len(calls) == 4


def test_a_changed_event_file_is_read_again(events_copy):
    """The event's cache is keyed by its files' content (event_stamp): an edit is never stale."""
    from reactionmap.intake.events import event_stamp

    event_id = list_events(events_copy)[0]
    before = caches.event(event_id, event_stamp(event_id))
    assert caches.event(event_id, event_stamp(event_id)) is before
    path = events_copy / event_id / "event.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'"{before.title}"', '"An edited title"', 1), encoding="utf-8")
    after = caches.event(event_id, event_stamp(event_id))
    assert after is not before
    assert after.title == "An edited title"
