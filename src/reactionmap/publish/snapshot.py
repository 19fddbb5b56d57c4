"""One chosen view of an event (date, stances, region) with all that a published page or image shows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from reactionmap.contract.dates import RANGE_TEXT, parse_day
from reactionmap.contract.event import Event
from reactionmap.draw import map_hover
from reactionmap.places import boundaries
from reactionmap.places.resolver import CountryResolver, default_resolver
from reactionmap.view import compose
from reactionmap.view.state import ViewState


@dataclass(frozen=True)
class Snapshot:
    """The view the dashboard draws for one date, stance selection and region (its
    composition), and what a publication adds: hover text, a subtitle, the publishers."""

    event: Event
    view: compose.Composition
    table: pd.DataFrame  # the view's map rows with their hover (map_hover.with_hover)

    @property
    def as_of(self) -> pd.Timestamp:
        return self.view.state.as_of

    @property
    def stances(self) -> tuple[str, ...]:
        """The stance keys shown ('none' included when shown)."""
        return self.view.state.stances

    @property
    def region(self) -> str:
        """The region shown; the whole world when empty."""
        return self.view.state.region

    @property
    def page(self) -> compose.PageView:
        return self.view.page

    @property
    def frame(self) -> boundaries.Extent | None:
        """What the region's map must show; None: the world."""
        return self.view.frame

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


def snapshot(
    event: Event,
    as_of: pd.Timestamp | str | None = None,
    stances: Iterable[str] | None = None,
    region: str | None = None,
    resolver: CountryResolver | None = None,
    inherit_from: Iterable[str] = (),
) -> Snapshot:
    """The view of ``event`` as the dashboard shows it with these choices.

    ``stances`` None shows every stance; ``as_of`` None (or "") is the event's last day.
    Raises ValueError naming the bad value and the allowed ones.
    """
    allowed = [c.key for c in event.scale.with_none]
    chosen = allowed if stances is None else list(stances)
    bad = [k for k in chosen if k not in allowed]
    if bad:
        raise ValueError(f"unknown stance(s) {bad}; allowed: {', '.join(allowed)}")
    day = None
    if as_of is not None and as_of != "":
        day = parse_day(as_of)  # a day, as the dashboard's slider gives it
        if day is None:
            raise ValueError(
                f"as-of date {as_of!r} is not a day; write YYYY-MM-DD, a year {RANGE_TEXT}"
            )
    countries = boundaries.country_table()
    regions = sorted(countries["region"].dropna().unique())
    region = region or ""
    if region and region not in regions:
        raise ValueError(f"unknown region {region!r}; allowed: {', '.join(regions)}")
    state = ViewState(event.id, day, tuple(chosen), region, inherit=tuple(inherit_from))
    view = compose.compose(event, state, resolver or default_resolver(), countries)
    table = map_hover.with_hover(view.map_rows, event.scale)
    return Snapshot(event, view, table)


def of_view(event: Event, state: ViewState, resolver: CountryResolver | None = None) -> Snapshot:
    """The snapshot of a view as the page holds it (its date, stances, region, inheritance)."""
    return snapshot(event, state.as_of, state.stances, state.region, resolver, state.inherit)


def stance_keys(text: str | None) -> list[str] | None:
    """'condemn,concern' -> ['condemn', 'concern']; None or '' -> None (every stance)."""
    keys = [k.strip() for k in (text or "").split(",") if k.strip()]
    return keys or None
