"""The map's text alternative: every country it draws as a table row (name, stance as the map
shows it, latest statement's date, UN status), and a sentence that sums the map up."""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Collection, Sequence

import pandas as pd

from reactionmap.contract.scale import NO_STATEMENT_KEY, Scale
from reactionmap.draw.map_hover import HIDDEN_NOTE
from reactionmap.draw.map_legend import color_keys, color_steps, inherited_rows, legend_entries
from reactionmap.draw.style import INHERITED_OPACITY

TITLE = "The map as a table (every country)"
UN_STATUS = {"member": "Member", "observer": "Observer state"}
OUTSIDE_UN = "Outside the UN"
COLUMNS = {"name": "Country or territory", "stance": "Stance", "date": "Latest statement"}
COLUMNS |= {"un_status": "UN status"}

TABLE_CSS = """<style>
.rm-alt-wrap{overflow:auto;max-height:32rem}
.rm-alt-wrap[tabindex]:focus-visible{outline:2px solid #111 !important;outline-offset:-2px !important}
table.rm-alt{border-collapse:collapse;font-size:.85rem;width:100%}
.rm-alt caption{text-align:left;font-size:.85rem;color:#333;padding:.2rem 0 .4rem}
.rm-alt th,.rm-alt td{border-bottom:1px solid #e4e4e4;padding:.25rem .45rem;text-align:left;vertical-align:top;font-weight:normal}
.rm-alt thead th{background:#f6f6f6;font-weight:600;position:sticky;top:0}
@media (max-width:480px){table.rm-alt{font-size:.8rem}.rm-alt th,.rm-alt td{padding:.25rem}}
.rm-alt td[class]::before{content:"";display:inline-block;width:.8em;height:.8em;border:1px solid #999;margin-right:.35em;vertical-align:-.05em}
</style>"""


def _name_key(name: str) -> str:
    """A name as a reader files it: accents and case aside (Åland with the A's)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def stance_words(row: dict, scale: Scale) -> str:
    """A country's stance in the words the map's hover uses for it."""
    label = scale.describe(row["stance"], row.get("stances", ""))
    if row.get("inherited_from"):
        label = f"{label}, inherited from {row['inherited_from']} (no statement of its own)"
    if not row.get("shown", True):
        return f"{label}: {HIDDEN_NOTE}"
    return label


def country_rows(map_rows: pd.DataFrame, scale: Scale) -> pd.DataFrame:
    """Every place the map draws (view.compose.map_rows, a Composition's ``map_rows``), once,
    in the order a reader scans it: by stance in the legend's order (the scale's, then "No
    statement recorded", then those the filters hide), a stance inherited from an organization
    after the countries' own, then by name.

    Columns: ``iso3``, ``name``, ``key`` (the colour the map draws: a stance key, or
    map_legend.HIDDEN_KEY), ``inherited``, ``stance`` (words), ``date`` (the latest
    statement's, as the hover gives it; empty for a silent or hidden country) and
    ``un_status`` (words)."""
    steps = {category.key: i for i, category in enumerate(color_steps(scale))}
    keys = color_keys(map_rows)
    inherited = inherited_rows(map_rows)
    records = map_rows.to_dict("records")
    spoke = (map_rows["stance"] != NO_STATEMENT_KEY) & map_rows["shown"].astype(bool)
    status = map_rows.get("un_status", pd.Series("", index=map_rows.index))
    table = pd.DataFrame(
        {
            "iso3": map_rows["iso3"],
            "name": map_rows["name"],
            "key": keys,
            "inherited": inherited,
            "stance": [stance_words(row, scale) for row in records],
            "date": map_rows["latest_date_label"].where(spoke, ""),
            "un_status": status.map(UN_STATUS).fillna(OUTSIDE_UN),
        }
    )
    order = table.assign(
        _step=table["key"].map(steps), _name=table["name"].map(_name_key)
    ).sort_values(["_step", "inherited", "_name"], kind="stable")
    return table.loc[order.index].reset_index(drop=True)


def table_html(rows: pd.DataFrame, scale: Scale, caption: str) -> str:
    """``country_rows`` as an HTML table: a caption, column headers, each row headed by its
    country's name; the map's colour as a swatch before each stance (drawn by CSS, so screen
    readers read only the words). Every piece of text is escaped."""
    colors = [c.color for c in color_steps(scale)]
    step = {c.key: i for i, c in enumerate(color_steps(scale))}
    swatches = "".join(f".rm-alt .rm-s{i}::before{{background:{c}}}" for i, c in enumerate(colors))
    head = "".join(f'<th scope="col">{html.escape(label)}</th>' for label in COLUMNS.values())
    body = "".join(
        f'<tr><th scope="row">{html.escape(row["name"])}</th>'
        f'<td class="rm-s{step[row["key"]]}{" rm-inh" if row["inherited"] else ""}">'
        f"{html.escape(row['stance'])}</td>"
        f"<td>{html.escape(row['date'])}</td><td>{html.escape(row['un_status'])}</td></tr>"
        for row in rows.to_dict("records")
    )
    return (
        f"{TABLE_CSS}<style>{swatches}.rm-alt .rm-inh::before{{opacity:{INHERITED_OPACITY}}}</style>"
        # The box scrolls: a keyboard must reach it too (tabindex), under the table's name.
        f'<div class="rm-alt-wrap" tabindex="0" role="region" aria-label="{html.escape(TITLE)}">'
        f'<table class="rm-alt"><caption>{html.escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def table_caption(rows: pd.DataFrame, when: str) -> str:
    """What the table holds and in what order: '242 countries and territories, each with its
    stance as of 5 January 2026, by stance then name.' (``when``: 'as of 5 January 2026', or
    'date not given')."""
    return (
        f"{len(rows)} countries and territories, each with its stance ({when}), "
        "by stance then name."
    )


def map_name(region: str = "") -> str:
    """The map's accessible name: 'World map of the stances', 'Map of the stances in Europe'."""
    return f"Map of the stances in {region}" if region else "World map of the stances"


def map_description(
    map_rows: pd.DataFrame,
    scale: Scale,
    when: str,
    shown_keys: Collection[str] | None = None,
) -> str:
    """The map in a sentence for a screen reader: the legend with its counts, and where the
    table is. ``when``: 'as of 5 January 2026' (or 'date not given')."""
    legend = "; ".join(label for label, _, _ in legend_entries(map_rows, scale, shown_keys))
    return (
        f"Each country's stance, {when}: {legend}. "
        f"Every country, with its stance, is listed in “{TITLE}”, under the map."
    )


def section_html(map_rows: pd.DataFrame, scale: Scale, when: str) -> str:
    """The table of every country the map draws, with its caption (what goes under TITLE)."""
    rows = country_rows(map_rows, scale)
    return table_html(rows, scale, table_caption(rows, when))


PLAY_SWITCH = "Play the days"  # the dashboard's switch that adds the play control


def play_note(days: Sequence[pd.Timestamp]) -> str:
    """What the map's play control does, for a reader who cannot see it (draw.frames' days;
    "" when the map does not play)."""
    if not days:
        return ""
    first, last = days[0], days[-1]
    return (
        f"The map can be played: its Play button, above it, shows each day from "
        f"{first:%-d %B} to {last:%-d %B %Y} in turn and ends on {last:%-d %B}, the day the "
        "statements and the tables are for."
    )


def play_offer(days: Sequence[pd.Timestamp]) -> str:
    """What the dashboard's play switch (off) would add ("" when the map does not play)."""
    if not days:
        return ""
    first, last = days[0], days[-1]
    return (
        f"“{PLAY_SWITCH}”, above the map, adds a Play button that shows each day from "
        f"{first:%-d %B} to {last:%-d %B %Y} in turn."
    )
