"""One chosen view of an event (date, stances, region) with all that a published page or image shows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from reactionmap.contract.event import Event
from reactionmap.draw import choropleth
from reactionmap.places import boundaries
from reactionmap.places.resolver import CountryResolver, default_resolver
from reactionmap.view import compose, stance
from reactionmap.view.state import ViewState


@dataclass(frozen=True)
class Snapshot:
    """The same view the dashboard draws for one date, stance selection and region."""

    event: Event
    as_of: pd.Timestamp
    stances: tuple[str, ...]  # the stance keys shown ('none' included when shown)
    region: str  # "" for the whole world
    page: compose.PageView
    table: pd.DataFrame  # choropleth.map_table: one row per drawable country, with its hover
    frame: tuple[float, float, float, float] | None  # the region's (lon, lon, lat, lat) frame

    @property
    def all_stances(self) -> bool:
        return set(self.stances) == {c.key for c in self.event.scale.with_none}

    def subtitle(self) -> str:
        """Plain text: the event's date, the as-of date and any filter."""
        parts = [f"{self.event.date:%-d %B %Y}", f"as of {self.as_of:%-d %B %Y}"]
        if not self.all_stances:
            parts.append("showing " + ", ".join(self.event.scale.label(k) for k in self.stances))
        if self.region:
            parts.append(self.region)
        return " · ".join(parts)

    def publishers(self) -> list[str]:
        """Every publisher cited in this view (its statements), then the event's own sources."""
        cited = pd.concat([self.page.cards, self.page.organization_cards])
        names = [*cited["source_name"].tolist(), *(s.get("name", "") for s in self.event.sources)]
        return list(dict.fromkeys(n.strip() for n in names if str(n).strip()))


def default_as_of(event: Event) -> pd.Timestamp:
    """The last day any statement may fall on (the dashboard's starting date)."""
    if event.statements.empty:
        return pd.Timestamp(event.date).normalize()
    return stance.date_range(event.statements)[1]


def snapshot(
    event: Event,
    as_of: pd.Timestamp | str | None = None,
    stances: Iterable[str] | None = None,
    region: str | None = None,
    resolver: CountryResolver | None = None,
    inherit_from: Iterable[str] = (),
) -> Snapshot:
    """The view of ``event`` as the dashboard shows it with these choices.

    ``stances`` None shows every stance. Raises ValueError naming the bad value and the
    allowed ones.
    """
    resolver = resolver or default_resolver()
    allowed = [c.key for c in event.scale.with_none]
    chosen = allowed if stances is None else list(stances)
    bad = [k for k in chosen if k not in allowed]
    if bad:
        raise ValueError(f"unknown stance(s) {bad}; allowed: {', '.join(allowed)}")
    if as_of is None or as_of == "":
        day = default_as_of(event)
    else:
        day = pd.to_datetime(as_of, errors="coerce")
        if pd.isna(day):
            raise ValueError(f"as-of date {as_of!r} is not a date; write YYYY-MM-DD")
        day = pd.Timestamp(day.date())  # a day, as the dashboard's slider gives it
    countries = boundaries.country_table()
    regions = sorted(countries["region"].dropna().unique())
    region = region or ""
    if region and region not in regions:
        raise ValueError(f"unknown region {region!r}; allowed: {', '.join(regions)}")
    region_codes = boundaries.region_codes(region)
    page = compose.page_view(
        event, day, tuple(inherit_from), chosen, countries["iso3"], region_codes, resolver
    )
    drawn = countries[countries["region"] == region] if region else countries
    table = choropleth.map_table(page.country_rows, drawn, event.scale, set(chosen))
    frame = None
    if region:
        frame = boundaries.region_bounds(boundaries.load_countries()).get(region)
    return Snapshot(event, day, tuple(chosen), region, page, table, frame)


def of_view(event: Event, state: ViewState, resolver: CountryResolver | None = None) -> Snapshot:
    """The snapshot of a view as the page holds it (its date, stances, region, inheritance)."""
    return snapshot(event, state.as_of, state.stances, state.region, resolver, state.inherit)


def stance_keys(text: str | None) -> list[str] | None:
    """'condemn,concern' -> ['condemn', 'concern']; None or '' -> None (every stance)."""
    keys = [k.strip() for k in (text or "").split(",") if k.strip()]
    return keys or None
