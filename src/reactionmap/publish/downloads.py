"""The files a reader can take away from a view, each made only when its button is clicked."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import NamedTuple

import pandas as pd

from reactionmap.contract.event import Event
from reactionmap.contract.statements import statements_csv
from reactionmap.places import boundaries
from reactionmap.places.resolver import CountryResolver
from reactionmap.publish import export, image, snapshot, webpage
from reactionmap.view.compose import PageView
from reactionmap.view.state import ViewState

MIME = {"csv": "text/csv", "geojson": "application/geo+json", "zip": "application/zip"}
MIME |= image.MIME


class Download(NamedTuple):
    label: str
    make: Callable[[], bytes]  # called on click, never on every rerun
    file_name: str
    mime: str


def data_files(
    event: Event, page: PageView, markers: pd.DataFrame, day: pd.Timestamp | None
) -> list[Download]:
    """The stance table (CSV), the map (GeoJSON: every country with its real stance, and
    ``shown`` for the filters) and every statement (CSV). ``day`` None: an undated event, whose
    file names never carry a made-up date."""

    def geojson() -> bytes:
        shapes = boundaries.load_countries()
        return export.stance_geojson(page.country_rows, shapes, markers, page.kept)

    def name(what: str, when: pd.Timestamp | None, extension: str) -> str:
        return export.download_name(event.id, what, when, extension)

    return [
        Download(
            "Stance table (CSV)",
            partial(export.stance_csv, page.table),
            name("stance", day, "csv"),
            MIME["csv"],
        ),
        Download("Map (GeoJSON)", geojson, name("stance", day, "geojson"), MIME["geojson"]),
        Download(
            "All statements (CSV)",
            partial(statements_csv, event.statements),
            name("statements", None, "csv"),
            MIME["csv"],
        ),
    ]


def view_files(event: Event, state: ViewState, resolver: CountryResolver) -> list[Download]:
    """The map as PNG and SVG, and the view as a page to host or embed (ZIP)."""

    def view_snapshot():
        return snapshot.of_view(event, state, resolver)

    def name(what: str, extension: str) -> str:
        return export.download_name(event.id, what, state.as_of, extension)

    files = [
        Download(
            f"Map as {fmt.upper()}",
            partial(lambda f: image.map_image(view_snapshot(), f), fmt),
            name("map", fmt),
            MIME[fmt],
        )
        for fmt in ("png", "svg")
    ]
    page = Download(
        "Published page (ZIP)",
        lambda: webpage.folder_zip(view_snapshot()),
        name("page", "zip"),
        MIME["zip"],
    )
    return [*files, page]
