"""The reader's view of an event (date, stances, region, country, inheritance) and its URL form;
which page a URL asks for; whether the reader is on a phone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

import pandas as pd

from reactionmap.contract.dates import parse_day

WORLD = "World"  # the region picker's whole-world choice; "" in the state and the URL
KEYS = ("event", "as_of", "stance", "region", "country", "inherit")  # the URL's parameters

# The app's pages. Older links opened the other two through the map's ?event= (?event=upload,
# ?event=draft); an event folder of that name comes first, so it is never out of reach.
MAP_PAGE, UPLOAD_PAGE, DRAFT_PAGE = "map", "upload", "draft"
OTHER_PAGES = (UPLOAD_PAGE, DRAFT_PAGE)


def page_asked(params: Mapping[str, str], events: Iterable[str]) -> tuple[str, dict[str, str]]:
    """(the page a URL at the app's root asks for, the query to open it with).

    An older link's ``?event=upload`` or ``?event=draft`` asks for that page, unless an event
    folder has that name; with no event to map, the upload page. The upload page keeps the
    view's other parameters (date, stances, region, ...); the draft page has none.
    """
    events = set(events)
    event = (params.get("event") or "").strip()
    if event in OTHER_PAGES and event not in events:
        page = event
    elif not events:
        page = UPLOAD_PAGE
    else:
        return MAP_PAGE, {}
    kept = {k: v for k, v in params.items() if k in KEYS and k != "event"}
    return page, (kept if page == UPLOAD_PAGE else {})


def event_to_show(
    asked: str | None, events: list[str], last: str | None = None, opening: str | None = None
) -> tuple[str, str]:
    """(the event the map shows, the asked name when it is unknown, else "").

    ``asked`` is the URL's event; none asked (the reader came from another page) is the event
    shown ``last`` in this session, else ``opening`` (intake.events.newest_event: adding an
    older event never changes the page a reader lands on), else the first. An unknown one
    falls back the same way, and is reported.
    """
    asked = (asked or "").strip()
    first = opening if opening in events else events[0]
    if asked in events:
        return asked, ""
    shown = last if last in events and not asked else first
    return shown, asked


def is_phone(user_agent: str | None) -> bool:
    """Whether a browser's User-Agent is a phone's (they say "Mobi"; tablets do not)."""
    return "Mobi" in (user_agent or "")


def _listed(text: str | None, allowed: Iterable[str] | None) -> tuple[str, ...]:
    """'a,b,,c' -> ('a', 'b', 'c'), keeping only allowed values (all when ``allowed`` is None)."""
    values = [v.strip() for v in (text or "").split(",") if v.strip()]
    if allowed is not None:
        known = set(allowed)
        values = [v for v in values if v in known]
    return tuple(dict.fromkeys(values))


@dataclass(frozen=True)
class ViewState:
    """One view of one event: what the page shows, the caches key on and the URL carries.

    Frozen and made of strings, tuples and a timestamp, so it is hashable and can key a cache.
    ``stances`` are the stance keys shown; ``region`` "" is the world;
    ``country`` the selected country's code, "" for none; ``inherit`` the organizations whose
    silent members take their stance. ``as_of`` None: the event's last date.
    """

    event: str = ""
    as_of: pd.Timestamp | None = None
    stances: tuple[str, ...] = ()
    region: str = ""
    country: str = ""
    inherit: tuple[str, ...] = ()

    @classmethod
    def from_query(
        cls,
        params: Mapping[str, str],
        *,
        event: str = "",
        stances: Iterable[str] | None = None,
        regions: Iterable[str] | None = None,
        organizations: Iterable[str] | None = None,
        dates: tuple[dt.date | pd.Timestamp, dt.date | pd.Timestamp] | None = None,
    ) -> ViewState:
        """The view a URL's query asks for; a value it cannot use falls back, never raises.

        ``event`` is the event when the URL names none. Each of ``stances``, ``regions`` and
        ``organizations``, when given, lists the values allowed: unknown ones are dropped (an
        unknown region is the world; no known stance left is every stance). A date that is not
        one is ignored (the event's last date); ``dates`` (first, last) clamps one that is.
        """
        day = parse_day(params.get("as_of"))
        if day is not None and dates is not None:
            first, last = (pd.Timestamp(d).normalize() for d in dates)
            day = min(max(day, first), last)
        region = (params.get("region") or "").strip()
        if region == WORLD or (regions is not None and region not in set(regions)):
            region = ""
        shown = _listed(params.get("stance"), stances)
        if not shown and stances is not None:
            shown = tuple(stances)
        return cls(
            event=(params.get("event") or "").strip() or event,
            as_of=day,
            stances=shown,
            region=region,
            country=(params.get("country") or "").strip(),
            inherit=_listed(params.get("inherit"), organizations),
        )

    def to_query(self, all_stances: Iterable[str] = (), dated: bool = True) -> dict[str, str]:
        """The URL's query for this view, every parameter in ``KEYS``; "" for one left out.

        Stances are left out when every one of ``all_stances`` is shown, the date when the
        event has none (``dated`` False): the URL never claims a date the event does not give.
        """
        every = set(self.stances) == set(all_stances)
        return {
            "event": self.event,
            "as_of": f"{self.as_of:%Y-%m-%d}" if dated and self.as_of is not None else "",
            "stance": "" if every else ",".join(self.stances),
            "region": self.region,
            "country": self.country,
            "inherit": ",".join(self.inherit),
        }

    def filters(self) -> ViewState:
        """The same view without the selected country: what the map's rows depend on."""
        return replace(self, country="")
