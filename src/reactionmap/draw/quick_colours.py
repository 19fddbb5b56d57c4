"""What the page needs to recolour the drawn map at once when a reader switches a stance."""

from __future__ import annotations

import html
import json

import pandas as pd

from reactionmap.contract.scale import Scale
from reactionmap.draw.map_legend import HIDDEN_COLOR

# The hidden element the page's script reads (pages/quick_colours.js).
ELEMENT_ID = "rm-quick-colours"


def quick_colours(map_rows: pd.DataFrame, scale: Scale) -> dict:
    """Each drawn country's stance as its colour shows it (inherited ones too), each stance's
    colour, the stance each pill's label names, and the colour of a hidden stance: with these the
    page recolours the map it has drawn, the moment a pill changes, by the map's own rule (a
    country's stance colour while its stance is shown, else the hidden colour), before the
    server's new map arrives."""
    categories = scale.with_none
    codes: dict[str, list[str]] = {}
    for code, stance in zip(map_rows["iso3"], map_rows["stance"], strict=True):
        codes.setdefault(stance, []).append(code)
    return {
        # by stance, each its codes in one string: a fifth of a code-to-stance table's bytes
        "stances": {stance: " ".join(group) for stance, group in codes.items()},
        "colours": {c.key: c.color for c in categories},
        # Each pill's label as the page shows it (its spaces run together); a label two stances
        # share is left out, and the page then leaves the map to the server.
        "labels": {
            label: key
            for label, key in ((" ".join(c.label.split()), c.key) for c in categories)
            if sum(" ".join(o.label.split()) == label for o in categories) == 1
        },
        "hidden": HIDDEN_COLOR,
    }


def quick_colours_html(map_rows: pd.DataFrame, scale: Scale) -> str:
    """quick_colours as a hidden element's data attribute (no script: the page's reads it)."""
    data = json.dumps(quick_colours(map_rows, scale), separators=(",", ":"), ensure_ascii=False)
    return f"<div id=\"{ELEMENT_ID}\" hidden data-view='{_attribute(data)}'></div>"


def _attribute(text: str) -> str:
    """``text`` inside a single-quoted HTML attribute (its double quotes kept as they are)."""
    return html.escape(text, quote=False).replace("'", "&#x27;")
