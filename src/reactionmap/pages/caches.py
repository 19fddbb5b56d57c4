"""The pages' caches: results shared by every session, keyed by content, never by time."""

# Arguments starting with _ are not hashed: `key` names the event's content (its files, or the
# table brought in), and the other arguments name the rest of what a result depends on.

from __future__ import annotations

import functools
import inspect
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from typing import ParamSpec, TypeVar

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from _plotly_utils.utils import is_skipped_key, to_typed_array_spec  # go.Figure.to_dict()'s

from reactionmap.contract.event import Event
from reactionmap.contract.scale import SCALE_PRESETS, Scale
from reactionmap.draw import (
    cards,
    choropleth,
    frame,
    frames,
    map_hover,
    quick_colours,
    timeline,
    touch,
)
from reactionmap.intake import unvotes
from reactionmap.intake.events import load_event
from reactionmap.intake.statements import event_from_table
from reactionmap.intake.tables import read_table
from reactionmap.places import boundaries
from reactionmap.places.resolver import CountryResolver, default_resolver
from reactionmap.view import compose, sections
from reactionmap.view.state import WORLD, ViewState

T = TypeVar("T")
P = ParamSpec("P")
R = TypeVar("R")


def kept(max_entries: int) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """st.cache_resource's rule for what every rerun asks for: one result per key, shared by
    every session, the least recently used dropped first; arguments named with a leading _
    are not part of the key. Keyed by the arguments' own hash (microseconds), where
    Streamlit's hasher took about half a millisecond a call, a dozen calls a rerun."""

    def wrap(func: Callable[P, R]) -> Callable[P, R]:
        names = list(inspect.signature(func).parameters)
        lock = threading.Lock()
        results: OrderedDict[tuple, R] = OrderedDict()

        @functools.wraps(func)
        def cached(*args: P.args, **kwargs: P.kwargs) -> R:
            given = {**dict(zip(names, args, strict=False)), **kwargs}
            key = tuple((name, value) for name, value in given.items() if name[0] != "_")
            with lock:
                if key in results:
                    results.move_to_end(key)
                    return results[key]
            result = func(*args, **kwargs)  # outside the lock: sessions compute side by side
            with lock:
                results[key] = result
                while len(results) > max_entries:
                    results.popitem(last=False)
            return result

        return cached

    return wrap


FIRST_CARDS = 8  # shown at once; the rest, up to MAX_CARDS, behind "more"
MAX_CARDS = 60


@kept(max_entries=1)
def resolver() -> CountryResolver:
    return default_resolver()


@kept(max_entries=1)
def world() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(every drawable country, the small states' dots). The regions' frames are worked out
    here too, with the shapes, as the map draws them at a desktop's and a phone's width (about
    70 ms each): a reader's first region change does not wait for them."""
    countries = boundaries.country_table()
    for region in countries["region"].dropna().unique():
        extent = boundaries.region_extent(region)
        for phone in (False, True):
            width = frame.map_width(phone)
            frame.geo_frame(extent, width / frame.box_height(extent, width))
    return countries, boundaries.load_markers()


@kept(max_entries=8)
def event(event_id: str, stamp: str) -> Event:
    """An event's files, read again whenever one of them changes (``stamp``: their content)."""
    return load_event(event_id, resolver=resolver())


@st.cache_resource(max_entries=4, show_spinner=False)
def upload(name: str, digest: str, _data: bytes):
    return read_table(_data, name)


@st.cache_resource(max_entries=4, show_spinner=False)
def un_scan(name: str, digest: str, _data: bytes, symbol: str | None):
    return unvotes.scan(_data, symbol)


@st.cache_resource(max_entries=8, show_spinner=False)
def un_event(name: str, digest: str, symbol: str, _data: bytes) -> Event:
    found = un_scan(name, digest, _data, symbol)
    return unvotes.to_event(unvotes.vote_event(found.rows, symbol), name, resolver())


@st.cache_resource(max_entries=4, show_spinner=False)
def table_event(name: str, digest: str, scale_name: str, _raw, _problems) -> Event:
    return event_from_table(_raw, SCALE_PRESETS[scale_name], name, resolver(), _problems)


@kept(max_entries=8)
def page_sections(key: str, _event: Event) -> sections.Sections:
    return sections.sections(_event)


@kept(max_entries=8)
def organizations(key: str, _event: Event) -> list[str]:
    return compose.organizations_in(_event.statements, resolver())


@kept(max_entries=64)
def view(key: str, _event: Event, state: ViewState, cards_with_words: bool) -> compose.Composition:
    """The one composition of a view (the selected country aside: the rows do not depend on it)."""
    return compose.compose(_event, state, resolver(), world()[0], cards_with_words)


@kept(max_entries=16)
def quick_days(key: str, _event: Event, inherit: tuple[str, ...]) -> str:
    """Each day of As of's range with every drawn country's stance (draw.quick_colours), for the
    page to recolour its map as As of moves; "" for an event of more than QUICK_DAYS days. The
    world's, for every region: a country's stance does not depend on the region shown, and a
    region change then costs nothing more here."""
    part = page_sections(key, _event)
    days = pd.date_range(part.first, part.last)
    if len(days) > quick_colours.QUICK_DAYS:
        return ""
    countries = world()[0]
    return quick_colours.days_html(
        {
            f"{day:%Y-%m-%d}": compose.day_map_rows(_event, day, inherit, "", resolver(), countries)
            for day in days
        }
    )


@kept(max_entries=4)
def quick_regions(phone: bool) -> str:
    """Each region's frame and countries, by the Region list's labels (draw.quick_colours), for
    the page to reframe its map the moment a region is picked: the same for every event."""
    countries = world()[0]
    regions = {WORLD: (compose.region_frame(""), countries["iso3"].tolist())}
    for region in sorted(countries["region"].dropna().unique()):
        codes = countries.loc[countries["region"] == region, "iso3"].tolist()
        regions[region] = (compose.region_frame(region), codes)
    # A phone's world map puts its small states' dots elsewhere than a region's (Composition.narrow).
    narrow = [WORLD] if phone else []
    frames = quick_colours.region_frames(regions, frame.map_width(phone), narrow)
    return quick_colours.regions_html(frames)


@kept(max_entries=256)
def once_per_view(key: str, part: str, state: ViewState, also: tuple, _make: Callable[[], T]) -> T:
    """``_make()``: the ``part`` of a view's page (its HTML, lines, or table), made once per
    view (``state``; ``also``: whatever else it depends on) and sent again as it is."""
    return _make()


@kept(max_entries=64)
def actor_cards(
    key: str, _page: compose.PageView, _scale: Scale, state: ViewState, _everyone: pd.DataFrame
):
    """(first cards, the rest, how many more, organization cards) as HTML: one card per
    actor, its earlier statements folded under it (``_everyone``: the event's statements)."""
    html = cards.actor_cards(_page.cards, _scale, state.country, _everyone)[:MAX_CARDS]
    return (
        "".join(html[:FIRST_CARDS]),
        "".join(html[FIRST_CARDS:]),
        len(html) - FIRST_CARDS,
        "".join(cards.actor_cards(_page.organization_cards, _scale, None, _everyone)),
    )


@kept(max_entries=64)
def map_figure(
    key: str,
    _event: Event,
    _view: compose.Composition,
    state: ViewState,
    phone: bool,
    _scale: Scale,
    zoom: str,
    play: bool,
):
    """The map of a view (``state``: with the selected country), for the column's width on a
    phone or a desktop (its height follows: choropleth.map_height), a phone's with its touch
    cells; zoomed to ``zoom`` ("" for none); with ``play``, its play control through the event's
    days (draw.frames), whose earlier days' maps a click or a zoom does not draw again. The play
    is the reader's to ask for: its earlier days were most of a new view's cost."""
    spec = _map_spec(_view, state, phone, _scale, zoom)
    days = frames.play_days(_event.statements, _view.state.as_of) if play else []
    if not days:
        return SentFigure(spec)
    figure = go.Figure(spec, _validate=False)
    earlier = earlier_maps(key, _event, _view, replace(state, country=""), phone, _scale)
    return SentFigure(frames.with_play(figure, days, frames.every_day(earlier, figure)).to_dict())


@kept(max_entries=64)
def earlier_maps(
    key: str,
    _event: Event,
    _view: compose.Composition,
    state: ViewState,
    phone: bool,
    _scale: Scale,
):
    """The play's maps of the days before the view's (draw.frames.earlier_maps), with no
    country selected and no zoom: a click or a zoom keeps them."""

    def build(view: compose.Composition):
        return go.Figure(_map_spec(view, state, phone, _scale, ""), _validate=False)

    return frames.earlier_maps(_event, _view, build, resolver(), world()[0])


def _map_spec(
    _view: compose.Composition, state: ViewState, phone: bool, _scale: Scale, zoom: str
) -> dict:
    """The map of one view on one day (map_figure's), as plain dicts."""
    return choropleth.map_spec(
        map_hover.with_hover(_view.map_rows, _scale),
        _scale,
        world()[1],
        boundaries.GEOJSON_URL,
        state.country or None,
        frame=_view.frame,
        shown_keys=state.stances,
        narrow=_view.narrow(phone),
        sea=boundaries.SEA_URL,
        width=frame.map_width(phone),
        touch=touch.phone_cells(state.region) if phone else None,
        zoom=zoom or None,
        phone=phone,
        # A region's map keeps the world's other countries hidden, for the page to show the
        # moment the reader picks another region (pages/quick_colours.js).
        elsewhere=_elsewhere(state.region),
    )


@functools.lru_cache(maxsize=16)
def _elsewhere(region: str) -> tuple[str, ...]:
    """The codes of the countries a region's map does not draw (none for the world's)."""
    countries = world()[0]
    if not region:
        return ()
    shaped = countries["has_shape"].astype(bool)
    return tuple(countries.loc[shaped & (countries["region"] != region), "iso3"])


@kept(max_entries=64)
def search_choices(key: str, _view: compose.Composition, _scale: Scale, state: ViewState):
    """Every country the map's search offers, code -> label (``state``: the filters)."""
    actors = _view.page.not_drawable.rename(columns={"actor_iso3": "iso3", "actor": "name"})
    return map_hover.search_choices(_view.map_rows, actors, _scale)


@kept(max_entries=64)
def timeline_figure(key: str, _rows: pd.DataFrame, state: ViewState, _event: Event, phone: bool):
    """The timeline of a view, for the column's width on a phone or a desktop (the map's)."""
    return SentFigure(
        timeline.timeline_spec(
            _rows,
            _event.milestones,
            _event.scale,
            state.as_of,
            everyone=_event.statements,
            width=frame.map_width(phone),
        )
    )


class SentFigure(go.Figure):
    """A figure's dict as st.plotly_chart sends it, as it is. Streamlit takes a dict for
    unchecked input and validates it through a go.Figure, and a go.Figure's ``to_dict()``
    copies every trace: both on every rerun, cached or not. The dicts here are fixed code,
    checked by the tests (tests/test_figures.py). Nothing else may read it: it holds only
    that dict, none of plotly's objects."""

    def __init__(self, spec: dict) -> None:  # go.Figure's own __init__ is not run
        _typed_arrays(spec)
        self._sent = spec

    def to_dict(self) -> dict:
        return self._sent


def _typed_arrays(node: object) -> None:
    """Numbers in arrays as typed arrays, in place, as go.Figure.to_dict() sends them (its
    convert_to_base64, which asks of every value in the figure whether it is an array: a few
    ms a figure). The figures here hold arrays only as numpy's."""
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, np.ndarray) and not is_skipped_key(key):
                node[key] = to_typed_array_spec(value)
            elif isinstance(value, dict | list | tuple):
                _typed_arrays(value)
    elif isinstance(node, list | tuple):
        for value in node:
            if isinstance(value, dict | list | tuple):
                _typed_arrays(value)


# ---- the drafter (spaCy) is imported only when its page drafts ------------------------------
@st.cache_resource(max_entries=4, show_spinner=False)
def draft(key: str, _text: str, name: str, date, targets, same_day, source, url, against=()):
    """The article drafted in a worker process (draft.worker): a Draft, or why there is none."""
    from reactionmap.draft.worker import pool

    return pool().draft(
        text=_text, name=name, date=date, targets=targets, same_day=same_day,
        source_name=source, source_url=url, against=against,
    )  # fmt: skip


@st.cache_resource(max_entries=4, show_spinner=False)
def draft_many(key: str, _articles: list[tuple[str, str]], date, targets, same_day, against=()):
    """Several articles drafted into one table in a worker process, within its one time limit."""
    from reactionmap.draft.worker import pool

    return pool().draft(
        articles=_articles, date=date, targets=targets, same_day=same_day, against=against
    )
