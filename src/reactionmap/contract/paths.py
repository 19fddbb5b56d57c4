"""Where the shipped data lives: derived from the package, never from the working directory."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]
DATA_DIR = REPO_ROOT / "data"
COUNTRIES_DIR = DATA_DIR / "countries"
BOUNDARIES_DIR = DATA_DIR / "boundaries"
STATIC_DIR = (
    REPO_ROOT / "static"
)  # what the app serves, and the JavaScript a published page inlines
ENV_VAR = "REACTIONMAP_DATA_DIR"


def events_dir() -> Path:
    """The directory holding one sub-directory per event.

    REACTIONMAP_DATA_DIR, when set, names either a data directory with an ``events/`` folder
    or the events folder itself; otherwise the shipped ``data/events``.
    """
    override = os.environ.get(ENV_VAR, "").strip()
    if not override:
        return DATA_DIR / "events"
    root = Path(override).expanduser().resolve()
    return root / "events" if (root / "events").is_dir() else root
