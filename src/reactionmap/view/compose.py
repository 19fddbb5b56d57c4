"""What a reader sees of an event at a date, composed once for the dashboard, the published page and the image."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

import pandas as pd

from reactionmap.contract.dates import made_by
from reactionmap.contract.event import Event
from reactionmap.contract.scale import NO_STATEMENT_KEY
from reactionmap.places import boundaries
from reactionmap.places.resolver import CountryResolver, default_resolver
from reactionmap.view import memo
from reactionmap.view.lookup import isin
from reactionmap.view.stance import actor_key, date_range, inherit, stance_table, statement_text
from reactionmap.view.state import ViewState


def is_organization(codes: pd.Series, resolver: CountryResolver | None = None) -> pd.Series:
    """True where a code names an organization (EU, UN, ...) rather than a country."""
    return (resolver or default_resolver()).are_organizations(codes)


def event_stance_table(
    event: Event,
    as_of: pd.Timestamp | None = None,
    inherit_from: Iterable[str] = (),
    resolver: CountryResolver | None = None,
    made: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The stance table as of a date, with members of ``inherit_from`` organizations shaded.

    ``made``: the statements made by then, when the caller has cut them already.
    """
    resolver = resolver or default_resolver()
    table = stance_table(event.statements, as_of) if made is None else stance_table(made)
    chosen = {code: resolver.organization(code).members for code in inherit_from}
    if chosen:
        names = {m: resolver.country_name(m) for ms in chosen.values() for m in ms}
        table = inherit(table, chosen, names)
    return table


def countries_only(table: pd.DataFrame, resolver: CountryResolver | None = None) -> pd.DataFrame:
    """Rows drawn on the map: every actor that is not an organization, nor someone who speaks
    for no government (actor_type other)."""
    return table[~is_organization(table["actor_iso3"], resolver) & (table["actor_type"] != "other")]


def organizations_only(
    table: pd.DataFrame, resolver: CountryResolver | None = None
) -> pd.DataFrame:
    """Rows for the organizations panel (not those of someone who speaks for no government)."""
    return table[is_organization(table["actor_iso3"], resolver) & (table["actor_type"] != "other")]


def filter_statements(
    statements: pd.DataFrame,
    stances: Iterable[str] | None = None,
    codes: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Statements whose stance is among ``stances`` and whose actor is among ``codes``
    (an actor_type other is named by its ``actor_key``, never by its country's code)."""
    keep = pd.Series(True, index=statements.index)
    if stances is not None:
        keep &= statements["stance"].isin(list(stances))
    if codes is not None:
        keep &= actor_key(statements).isin(list(codes))
    return statements[keep]


def shown_codes(
    country_rows: pd.DataFrame,
    all_codes: Iterable[str],
    stances: Iterable[str],
    region_codes: Iterable[str] | None = None,
) -> set[str]:
    """The country codes the reader's filters keep: their stance (or 'none') is shown, and
    they are in the region when one is chosen."""
    stances = set(stances)
    stance_of = dict(zip(country_rows["actor_iso3"], country_rows["stance"], strict=True))
    codes = set(all_codes) if region_codes is None else set(region_codes)
    return {c for c in codes if stance_of.get(c, NO_STATEMENT_KEY) in stances}


def not_drawable(country_rows: pd.DataFrame, drawable_codes: Iterable[str]) -> pd.DataFrame:
    """Actors the map cannot draw (no shape, no marker): listed for the reader, never hidden."""
    return country_rows[~isin(country_rows["actor_iso3"], set(drawable_codes))]


@dataclass(frozen=True)
class PageView:
    """Everything the page shows for one choice of date, stances, region and inheritance.

    Map, cards, timeline and table are all cut from here, so they always agree.
    """

    country_rows: pd.DataFrame  # every country's stance as of the date (filters not applied)
    visible: pd.DataFrame  # the country rows the filters keep
    organizations: pd.DataFrame  # the organization rows the stance filter keeps
    kept: frozenset[str]  # country codes the filters keep (silent ones included)
    cards: pd.DataFrame  # statements by the date of kept countries, with a kept stance
    organization_cards: pd.DataFrame  # the same for the kept organizations
    timeline: pd.DataFrame  # every statement of the actors shown, later ones too, all stances
    table: pd.DataFrame  # the stance table rows shown: visible countries, then organizations
    not_drawable: pd.DataFrame  # visible countries with no shape and no marker


def page_view(
    event: Event,
    as_of: pd.Timestamp,
    inherit_from: Iterable[str],
    stances: Iterable[str],
    all_codes: Iterable[str],
    region_codes: Iterable[str] | None = None,
    resolver: CountryResolver | None = None,
) -> PageView:
    """The page's view of ``event`` as of a date, under the reader's filters."""
    stances = list(stances)
    statements = event.statements
    made_mask = _made_mask(statements, as_of)
    keys = memo.by_statements(statements, "actor key", lambda: actor_key(statements))
    table, country_rows, org_rows = day_tables(event, as_of, tuple(inherit_from), resolver)
    drawable = set(all_codes)
    # Every country that spoke counts, drawable or not: one without a shape is listed apart,
    # never dropped from the cards and the table.
    kept = shown_codes(
        country_rows, drawable | set(country_rows["actor_iso3"]), stances, region_codes
    )
    visible = country_rows[isin(country_rows["actor_iso3"], kept)]
    organizations = org_rows[org_rows["stance"].isin(stances)]
    # People who speak for no government: their own rows in the table and cards, not on the map.
    others = table[(table["actor_type"] == "other") & table["stance"].isin(stances)]
    if region_codes is not None:
        others = others[isin(others["actor_iso3"], set(region_codes))]
    actors = set(visible["actor_iso3"]) | set(organizations["actor_iso3"]) | set(actor_key(others))
    # filter_statements' rule, on the whole frame's masks (no copy of the statements made).
    made = statements[made_mask & statements["stance"].isin(stances) & isin(keys, actors)]
    by_organization = isin(made["actor_iso3"], set(organizations["actor_iso3"]))
    # The timeline also shows what is said later, by the countries the filters keep (silent
    # as of the date) and by organizations; every statement of theirs, of any stance, since its
    # bands follow the map's rule over all of them (view.stance.stance_spans).
    org_codes = memo.by_statements(
        statements,
        ("organizations", id(resolver)),
        lambda: _organization_codes(statements, resolver),
    )
    later = memo.by_statements(
        statements, ("later", as_of), lambda: set(statements["actor_iso3"][~made_mask])
    )
    later = later & (set(kept) | org_codes)
    return PageView(
        country_rows=country_rows,
        visible=visible,
        organizations=organizations,
        kept=frozenset(kept),
        cards=made[~by_organization],
        organization_cards=made[by_organization],
        timeline=statements[isin(keys, actors | later)],
        table=pd.concat([visible, organizations, others], ignore_index=True),
        not_drawable=not_drawable(visible, drawable),
    )


def _made_mask(statements: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    """The one cut: made by ``as_of``, or later. Worked out once per day for the statements."""
    return memo.by_statements(
        statements, ("made by", as_of), lambda: made_by(statements["when"], as_of)
    )


def day_tables(
    event: Event,
    as_of: pd.Timestamp,
    inherit_from: tuple[str, ...],
    resolver: CountryResolver | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The stance table as of a day, and its country and organization rows: the same for every
    stance and region a reader picks, so worked out once per day (a click on a filter, the
    play's earlier days and the page's colours of each day reuse them)."""
    statements = event.statements
    table = memo.by_statements(
        statements,
        ("stance table", as_of, inherit_from, id(resolver)),
        lambda: event_stance_table(
            event, as_of, inherit_from, resolver, statements[_made_mask(statements, as_of)]
        ),
    )
    country_rows, org_rows = memo.by_statements(
        statements,
        ("rows by kind", as_of, inherit_from, id(resolver)),
        lambda: (countries_only(table, resolver), organizations_only(table, resolver)),
    )
    return table, country_rows, org_rows


def _organization_codes(statements: pd.DataFrame, resolver: CountryResolver | None) -> set[str]:
    """The codes of the statements' organizations."""
    codes = pd.Series(statements["actor_iso3"].unique())
    return set(codes[is_organization(codes, resolver)])


# The stance table's columns as pages show them, in order, with their labels (the dashboard's
# table and the published page's; the CSV keeps the plain names). The first are shown even empty.
TABLE_COLUMNS = {
    "actor": "Actor", "stance": "Stance", "latest_text": "Latest statement", "speaker": "Speaker",
    "speaker_role": "Role", "latest_date_label": "Date", "statement_count": "Statements",
    "actor_iso3": "Code", "actor_type": "Type", "inherited_from": "Inherited from",
    "source_name": "Source", "source_url": "Source link",
}  # fmt: skip
KEPT_COLUMNS = ("actor", "stance", "actor_iso3")
SOURCE_COLUMNS = ("source_name", "source_url")


def table_columns(table: pd.DataFrame, dated: bool = True) -> list[str]:
    """The stance table's columns with something in them (a vote has no words, no speaker);
    the date only for a ``dated`` event."""
    return [
        c
        for c in TABLE_COLUMNS
        if c in KEPT_COLUMNS
        or (any(v != "" for v in table[c].tolist()) and (dated or c != "latest_date_label"))
    ]


def words_only(page: PageView) -> PageView:
    """The same view with cards only for statements that carry words (a vote's rows carry none)."""
    return replace(
        page,
        cards=page.cards[statement_text(page.cards) != ""],
        organization_cards=page.organization_cards[statement_text(page.organization_cards) != ""],
    )


def organizations_in(statements: pd.DataFrame, resolver: CountryResolver | None = None) -> list:
    """The organizations that spoke, by code: those whose silent members can take their stance."""
    codes = pd.Series(statements["actor_iso3"].unique(), dtype=str)
    return sorted(codes[is_organization(codes, resolver)])


def as_of_range(statements: pd.DataFrame) -> tuple[dt.date, dt.date, bool]:
    """The as-of slider's first and last day, and whether not one statement has a date."""
    first, last = date_range(statements)
    return first.date(), last.date(), bool((statements["date_precision"] == "unknown").all())


def default_as_of(event: Event) -> pd.Timestamp:
    """The last day any statement may fall on (the dashboard's starting date)."""
    if event.statements.empty:
        return pd.Timestamp(event.date).normalize()
    return date_range(event.statements)[1]


def map_rows(
    country_rows: pd.DataFrame, countries: pd.DataFrame, shown: Iterable[str] | None = None
) -> pd.DataFrame:
    """Every drawable country of ``countries`` with its stance ('none' when it said nothing).

    ``shown`` is the stance keys the reader's filter keeps (None: all); the others are marked
    ``shown`` False, to be drawn blank, never recoloured as another stance. ``latest_is_quote``
    is a bool column (False for a silent country); other missing cells are "".
    """
    kept = [c for c in ("iso3", "name", "has_shape", "has_marker", "un_status") if c in countries]
    table = countries[kept].merge(
        country_rows.drop(columns=["actor"], errors="ignore").rename(
            columns={"actor_iso3": "iso3"}
        ),
        on="iso3",
        how="left",
    )
    table["stance"] = table["stance"].fillna(NO_STATEMENT_KEY)
    table["statement_count"] = table["statement_count"].fillna(0).astype(int)
    table["shown"] = True if shown is None else table["stance"].isin(set(shown))
    table["latest_is_quote"] = table["latest_is_quote"].astype("boolean").fillna(False).astype(bool)
    return table.fillna("")


def region_frame(region: str) -> boundaries.Extent | None:
    """What a region's map must show (boundaries.region_extent); None for the world ("")."""
    return boundaries.region_extent(region)


@dataclass(frozen=True)
class Composition:
    """One view of an event, composed once: the dashboard, the published page and the image all
    draw from it."""

    state: ViewState  # the view asked for, its date settled (the event's last day when none)
    page: PageView
    map_rows: pd.DataFrame  # map_rows(): every country drawn in the frame (the region's only)
    frame: boundaries.Extent | None  # region_frame(); None: the world

    def narrow(self, phone: bool) -> bool:
        """A phone's world map, whose small-state dots sit farther out, where they hide no
        neighbour at its scale. A region's phone map is drawn larger (draw.frame fills the
        column with it): its dots keep their places, which its frame is made to hold (the
        world's phone places may fall outside it, or under the legend)."""
        return phone and not self.state.region


def compose(
    event: Event,
    state: ViewState,
    resolver: CountryResolver | None = None,
    countries: pd.DataFrame | None = None,
    cards_with_words: bool = False,
) -> Composition:
    """The view of ``event`` that ``state`` asks for: the page's view (countries, organizations,
    cards, timeline, table), the map's rows and the region's frame.

    ``state.stances`` are the stance keys shown (none shown when empty); ``state.as_of`` None is
    the event's last day. ``countries`` is boundaries.country_table(), when the caller holds it.
    ``cards_with_words``: cards only for the statements that carry words (words_only()).
    """
    countries = boundaries.country_table() if countries is None else countries
    as_of = default_as_of(event) if state.as_of is None else state.as_of
    state = replace(state, as_of=as_of)
    page = page_view(
        event,
        as_of,
        state.inherit,
        state.stances,
        countries["iso3"],
        boundaries.region_codes(state.region),
        resolver,
    )
    if cards_with_words:
        page = words_only(page)
    base = day_map_rows(event, as_of, state.inherit, state.region, resolver, countries)
    rows = base.assign(shown=base["stance"].isin(set(state.stances)))
    return Composition(state, page, rows, region_frame(state.region))


def day_map_rows(
    event: Event,
    as_of: pd.Timestamp,
    inherit_from: tuple[str, ...],
    region: str,
    resolver: CountryResolver | None,
    countries: pd.DataFrame,
) -> pd.DataFrame:
    """Every country drawn in ``region`` ("" the world) with its stance as of a day (map_rows,
    every one shown). The same for every stance filter: merged once per day (the merge was a
    new view's largest single cost); a region's are the world's rows of its countries, cut
    from them (a merge of its own cost a region's first view 6 to 10 ms); a view's filter only
    marks rows shown."""
    if region:
        return memo.by_statements(
            event.statements,
            ("map rows", as_of, inherit_from, region, id(resolver), id(countries)),
            lambda: _region_rows(
                day_map_rows(event, as_of, inherit_from, "", resolver, countries),
                set(countries.loc[countries["region"] == region, "iso3"]),
            ),
        )
    return memo.by_statements(
        event.statements,
        ("map rows", as_of, inherit_from, "", id(resolver), id(countries)),
        lambda: map_rows(day_tables(event, as_of, inherit_from, resolver)[1], countries),
    )


def _region_rows(world: pd.DataFrame, codes: set[str]) -> pd.DataFrame:
    """The world's map rows of these countries, in the world's order, numbered from 0."""
    return world[isin(world["iso3"], codes)].reset_index(drop=True)
